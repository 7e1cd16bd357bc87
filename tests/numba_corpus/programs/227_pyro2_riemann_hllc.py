# Source: python-hydro/pyro2 pyro/compressible/riemann.py (at commit 00c58e94)
# Licence: BSD-3-Clause (pyro2, LICENSE; Copyright (c) 2013-18, pyro development team)
# Notes: the HLLC approximate Riemann solver of pyro's compressible (Euler) hydrodynamics solver, giving the conserved fluxes through every x-interface of a 2-D grid from the left and right interface states: riemann_hllc (@njit(cache=True), thirteen scalar and array arguments) loops over the interfaces of the valid region plus one (range(ilo - 1, ihi + 1)), recovers primitive variables with max() floors, picks a two-rarefaction or two-shock star-state estimate by the pressure ratio (`Q > 2 and (pstar < p_min or pstar > p_max)`, fractional powers **(1.0 / z)), estimates the wave speeds, and chooses the region with chained comparisons (`elif S_c <= 0.0 < S_r:`); it fills a scratch vector U_state with whole-slice copies (U_state[:] = U_r[i, j, :]) and element stores, and writes F[i, j, :] from the jitted consFlux, which takes a 1-D state and indexes it with an Ellipsis (U_state[..., ixmom] / U_state[..., idens], i.e. 0-d array arithmetic), stores with F[..., ixmom] += p and returns np.zeros_like's array; the flux is then corrected with an array expression of slices. Only riemann_hllc and consFlux are pasted (in the file's order); left out: the module's two other jitted solvers riemann_cgf and riemann_prim (long CGF solvers that consFlux does not need), the plain-Python riemann_flux that dispatches between them, and the imports only it uses (pyro.mesh.array_indexer, pyro.util.msg)
import numpy as np
from numba import njit


@njit(cache=True)
def riemann_hllc(idir, ng,
                 idens, ixmom, iymom, iener, irhoX, nspec,
                 lower_solid, upper_solid,  # pylint: disable=unused-argument
                 gamma, U_l, U_r):
    r"""
    This is the HLLC Riemann solver.  The implementation follows
    directly out of Toro's book.  Note: this does not handle the
    transonic rarefaction.

    Parameters
    ----------
    idir : int
        Are we predicting to the edges in the x-direction (1) or y-direction (2)?
    ng : int
        The number of ghost cells
    nspec : int
        The number of species
    idens, ixmom, iymom, iener, irhoX : int
        The indices of the density, x-momentum, y-momentum, internal energy density
        and species partial densities in the conserved state vector.
    lower_solid, upper_solid : int
        Are we at lower or upper solid boundaries?
    gamma : float
        Adiabatic index
    U_l, U_r : ndarray
        Conserved state on the left and right cell edges.

    Returns
    -------
    out : ndarray
        Conserved flux
    """

    # Only Cartesian2d is supported in HLLC
    coord_type = 0

    qx, qy, nvar = U_l.shape

    F = np.zeros((qx, qy, nvar))

    smallc = 1.e-10
    smallp = 1.e-10

    U_state = np.zeros(nvar)

    nx = qx - 2 * ng
    ny = qy - 2 * ng
    ilo = ng
    ihi = ng + nx
    jlo = ng
    jhi = ng + ny

    for i in range(ilo - 1, ihi + 1):
        for j in range(jlo - 1, jhi + 1):

            # primitive variable states
            rho_l = U_l[i, j, idens]

            # un = normal velocity; ut = transverse velocity
            if idir == 1:
                un_l = U_l[i, j, ixmom] / rho_l
                ut_l = U_l[i, j, iymom] / rho_l
            else:
                un_l = U_l[i, j, iymom] / rho_l
                ut_l = U_l[i, j, ixmom] / rho_l

            rhoe_l = U_l[i, j, iener] - 0.5 * rho_l * (un_l**2 + ut_l**2)

            p_l = rhoe_l * (gamma - 1.0)
            p_l = max(p_l, smallp)

            rho_r = U_r[i, j, idens]

            if idir == 1:
                un_r = U_r[i, j, ixmom] / rho_r
                ut_r = U_r[i, j, iymom] / rho_r
            else:
                un_r = U_r[i, j, iymom] / rho_r
                ut_r = U_r[i, j, ixmom] / rho_r

            rhoe_r = U_r[i, j, iener] - 0.5 * rho_r * (un_r**2 + ut_r**2)

            p_r = rhoe_r * (gamma - 1.0)
            p_r = max(p_r, smallp)

            # compute the sound speeds
            c_l = max(smallc, np.sqrt(gamma * p_l / rho_l))
            c_r = max(smallc, np.sqrt(gamma * p_r / rho_r))

            # Estimate the star quantities -- use one of three methods to
            # do this -- the primitive variable Riemann solver, the two
            # shock approximation, or the two rarefaction approximation.
            # Pick the method based on the pressure states at the
            # interface.

            p_max = max(p_l, p_r)
            p_min = min(p_l, p_r)

            Q = p_max / p_min

            rho_avg = 0.5 * (rho_l + rho_r)
            c_avg = 0.5 * (c_l + c_r)

            # primitive variable Riemann solver (Toro, 9.3)
            factor = rho_avg * c_avg
            # factor2 = rho_avg / c_avg

            pstar = 0.5 * (p_l + p_r) + 0.5 * (un_l - un_r) * factor
            ustar = 0.5 * (un_l + un_r) + 0.5 * (p_l - p_r) / factor

            # rhostar_l = rho_l + (un_l - ustar) * factor2
            # rhostar_r = rho_r + (ustar - un_r) * factor2

            if Q > 2 and (pstar < p_min or pstar > p_max):

                # use a more accurate Riemann solver for the estimate here

                if pstar < p_min:

                    # 2-rarefaction Riemann solver
                    z = (gamma - 1.0) / (2.0 * gamma)
                    p_lr = (p_l / p_r)**z

                    ustar = (p_lr * un_l / c_l + un_r / c_r +
                             2.0 * (p_lr - 1.0) / (gamma - 1.0)) / \
                            (p_lr / c_l + 1.0 / c_r)

                    pstar = 0.5 * (p_l * (1.0 + (gamma - 1.0) * (un_l - ustar) /
                                          (2.0 * c_l))**(1.0 / z) +
                                   p_r * (1.0 + (gamma - 1.0) * (ustar - un_r) /
                                          (2.0 * c_r))**(1.0 / z))

                    # rhostar_l = rho_l * (pstar / p_l)**(1.0 / gamma)
                    # rhostar_r = rho_r * (pstar / p_r)**(1.0 / gamma)

                else:

                    # 2-shock Riemann solver
                    A_r = 2.0 / ((gamma + 1.0) * rho_r)
                    B_r = p_r * (gamma - 1.0) / (gamma + 1.0)

                    A_l = 2.0 / ((gamma + 1.0) * rho_l)
                    B_l = p_l * (gamma - 1.0) / (gamma + 1.0)

                    # guess of the pressure
                    p_guess = max(0.0, pstar)

                    g_l = np.sqrt(A_l / (p_guess + B_l))
                    g_r = np.sqrt(A_r / (p_guess + B_r))

                    pstar = (g_l * p_l + g_r * p_r -
                             (un_r - un_l)) / (g_l + g_r)

                    ustar = 0.5 * (un_l + un_r) + \
                        0.5 * ((pstar - p_r) * g_r - (pstar - p_l) * g_l)

                    # rhostar_l = rho_l * (pstar / p_l + (gamma - 1.0) / (gamma + 1.0)) / \
                    #     ((gamma - 1.0) / (gamma + 1.0) * (pstar / p_l) + 1.0)
                    #
                    # rhostar_r = rho_r * (pstar / p_r + (gamma - 1.0) / (gamma + 1.0)) / \
                    #     ((gamma - 1.0) / (gamma + 1.0) * (pstar / p_r) + 1.0)

            # estimate the nonlinear wave speeds

            if pstar <= p_l:
                # rarefaction
                S_l = un_l - c_l
            else:
                # shock
                S_l = un_l - c_l * np.sqrt(1.0 + ((gamma + 1.0) / (2.0 * gamma)) *
                                           (pstar / p_l - 1.0))

            if pstar <= p_r:
                # rarefaction
                S_r = un_r + c_r
            else:
                # shock
                S_r = un_r + c_r * np.sqrt(1.0 + ((gamma + 1.0) / (2.0 / gamma)) *
                                           (pstar / p_r - 1.0))

            #  We could just take S_c = u_star as the estimate for the
            #  contact speed, but we can actually do this more accurately
            #  by using the Rankine-Hugonoit jump conditions across each
            #  of the waves (see Toro 10.58, Batten et al. SIAM
            #  J. Sci. and Stat. Comp., 18:1553 (1997)
            S_c = (p_r - p_l + rho_l * un_l * (S_l - un_l) - rho_r * un_r * (S_r - un_r)) / \
                (rho_l * (S_l - un_l) - rho_r * (S_r - un_r))

            # figure out which region we are in and compute the state and
            # the interface fluxes using the HLLC Riemann solver
            if S_r <= 0.0:
                # R region
                U_state[:] = U_r[i, j, :]

                F[i, j, :] = consFlux(idir, coord_type, gamma,
                                      idens, ixmom, iymom, iener, irhoX, nspec,
                                      U_state)

            elif S_c <= 0.0 < S_r:
                # R* region
                HLLCfactor = rho_r * (S_r - un_r) / (S_r - S_c)

                U_state[idens] = HLLCfactor

                if idir == 1:
                    U_state[ixmom] = HLLCfactor * S_c
                    U_state[iymom] = HLLCfactor * ut_r
                else:
                    U_state[ixmom] = HLLCfactor * ut_r
                    U_state[iymom] = HLLCfactor * S_c

                U_state[iener] = HLLCfactor * (U_r[i, j, iener] / rho_r +
                                               (S_c - un_r) * (S_c + p_r / (rho_r * (S_r - un_r))))

                # species
                if nspec > 0:
                    U_state[irhoX:irhoX + nspec] = HLLCfactor * \
                        U_r[i, j, irhoX:irhoX + nspec] / rho_r

                # find the flux on the right interface
                F[i, j, :] = consFlux(idir, coord_type, gamma,
                                      idens, ixmom, iymom, iener, irhoX, nspec,
                                      U_r[i, j, :])

                # correct the flux
                F[i, j, :] = F[i, j, :] + S_r * (U_state[:] - U_r[i, j, :])

            elif S_l < 0.0 < S_c:
                # L* region
                HLLCfactor = rho_l * (S_l - un_l) / (S_l - S_c)

                U_state[idens] = HLLCfactor

                if idir == 1:
                    U_state[ixmom] = HLLCfactor * S_c
                    U_state[iymom] = HLLCfactor * ut_l
                else:
                    U_state[ixmom] = HLLCfactor * ut_l
                    U_state[iymom] = HLLCfactor * S_c

                U_state[iener] = HLLCfactor * (U_l[i, j, iener] / rho_l +
                                               (S_c - un_l) * (S_c + p_l / (rho_l * (S_l - un_l))))

                # species
                if nspec > 0:
                    U_state[irhoX:irhoX + nspec] = HLLCfactor * \
                        U_l[i, j, irhoX:irhoX + nspec] / rho_l

                # find the flux on the left interface
                F[i, j, :] = consFlux(idir, coord_type, gamma,
                                      idens, ixmom, iymom, iener, irhoX, nspec,
                                      U_l[i, j, :])

                # correct the flux
                F[i, j, :] = F[i, j, :] + S_l * (U_state[:] - U_l[i, j, :])

            else:
                # L region
                U_state[:] = U_l[i, j, :]

                F[i, j, :] = consFlux(idir, coord_type, gamma,
                                      idens, ixmom, iymom, iener, irhoX, nspec,
                                      U_state)

            # we should deal with solid boundaries somehow here

    return F


@njit(cache=True)
def consFlux(idir, coord_type, gamma,
             idens, ixmom, iymom, iener, irhoX, nspec,
             U_state):
    r"""
    Calculate the conservative flux.

    Parameters
    ----------
    idir : int
        Are we predicting to the edges in the x-direction (1) or y-direction (2)?
    gamma : float
        Adiabatic index
    idens, ixmom, iymom, iener, irhoX : int
        The indices of the density, x-momentum, y-momentum, internal energy density
        and species partial densities in the conserved state vector.
    nspec : int
        The number of species
    U_state : ndarray
        Conserved state vector.

    Returns
    -------
    out : ndarray
        Conserved flux
    """

    F = np.zeros_like(U_state)

    u = U_state[..., ixmom] / U_state[..., idens]
    v = U_state[..., iymom] / U_state[..., idens]

    p = (U_state[..., iener] - 0.5 * U_state[..., idens] * (u * u + v * v)) * (gamma - 1.0)

    if idir == 1:
        F[..., idens] = U_state[..., idens] * u
        F[..., ixmom] = U_state[..., ixmom] * u

        # if Cartesian2d, then add pressure to xmom flux
        if coord_type == 0:
            F[..., ixmom] += p

        F[..., iymom] = U_state[..., iymom] * u
        F[..., iener] = (U_state[..., iener] + p) * u

        if nspec > 0:
            F[..., irhoX:irhoX + nspec] = U_state[..., irhoX:irhoX + nspec] * u

    else:
        F[..., idens] = U_state[..., idens] * v
        F[..., ixmom] = U_state[..., ixmom] * v
        F[..., iymom] = U_state[..., iymom] * v

        # if Cartesian2d, then add pressure to ymom flux
        if coord_type == 0:
            F[..., iymom] += p

        F[..., iener] = (U_state[..., iener] + p) * v

        if nspec > 0:
            F[..., irhoX:irhoX + nspec] = U_state[..., irhoX:irhoX + nspec] * v

    return F

# ---- harness (not part of the program) ----
ENTRY = "riemann_hllc"


def inputs():
    # what riemann_flux hands to the solver for the x-interfaces of a 12 x 12
    # grid with pyro's 4 ghost cells (arrays of 20 x 20 x 4): the variable
    # indices of compressible's Variables without species (idens=0, ixmom=1,
    # iymom=2, iener=3, irhox=4, naux=0), no solid walls, gamma = 1.4, and
    # left/right interface states of a Sod-like tube along x (a density and
    # pressure jump in the middle) with small random perturbations and
    # velocities of both signs, converted to conserved variables
    rng = np.random.default_rng(0)
    ng, n = 4, 12
    q = n + 2 * ng
    gamma = 1.4

    def cons(rho, u, v, p):
        U = np.empty((q, q, 4))
        U[..., 0] = rho
        U[..., 1] = rho * u
        U[..., 2] = rho * v
        U[..., 3] = p / (gamma - 1.0) + 0.5 * rho * (u * u + v * v)
        return U

    x = np.arange(q)[:, None] * np.ones((1, q))
    left = x < q // 2
    rho_l = np.where(left, 1.0, 0.125) * (1 + 0.05 * rng.random((q, q)))
    p_l = np.where(left, 1.0, 0.1) * (1 + 0.05 * rng.random((q, q)))
    u_l = 0.6 * rng.standard_normal((q, q))
    v_l = 0.3 * rng.standard_normal((q, q))
    rho_r = np.where(x < q // 2 - 1, 1.0, 0.125) * (1 + 0.05 * rng.random((q, q)))
    p_r = np.where(x < q // 2 - 1, 1.0, 0.1) * (1 + 0.05 * rng.random((q, q)))
    u_r = 0.6 * rng.standard_normal((q, q))
    v_r = 0.3 * rng.standard_normal((q, q))
    U_l = cons(rho_l, u_l, v_l, p_l)
    U_r = cons(rho_r, u_r, v_r, p_r)
    return (1, ng, 0, 1, 2, 3, 4, 0, 0, 0, gamma, U_l, U_r)
