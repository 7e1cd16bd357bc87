# Source: hep-mh/acropolis acropolis/cascade.py (at commit 0153bbeb), with the constants it imports from acropolis/params.py (at commit 07647d53)
# Licence: GPL-3.0 (ACROPOLIS, setup.py: license='GPL3'; Paul Frederik Depta, Marco Hufnagel, Kai Schmidt-Hoberg)
# Notes: the electromagnetic cascade of high-energy photons, electrons and positrons in the early-universe plasma that ACROPOLIS uses for photodisintegration of light nuclei after BBN (particle physics): _JIT_solve_cascade_equation (@nb.jit(cache=True), no nopython flag) solves the integral cascade equation backwards in energy on a logarithmic grid: the last point from a list comprehension over the species written into an array column, then for each energy a 3x3 system (I - B) F = a assembled from slices of the 4-D kernel array K[X, :, i, k] with enumerate(range(NX)), inner sums over all higher energies and a loop over a 3-vector, solved with np.linalg.solve; the result is floored at approx_zero through a reshape round trip and returned with the energy grid as one 4 x NE array. The module's other jitted integrands (_JIT_F and _JIT_G for inverse Compton scattering and pair creation on the thermal photon background, the double-differential Bethe-Heitler cross-section _JIT_dsdE_Z2 and the kernels built from them, which scipy's quad/dblquad call) are pasted but not called. Pasted: cascade.py's math, numpy and numba imports and its nine jitted functions, with the constants from acropolis/params.py that the module imports (me, me2, alpha, re, zeta3 = scipy.special.zeta(3.), pi2, approx_zero, eps, Ephb_T_max, Emin, NE_pd, NE_min) in place of `from .params import ...`; left out: functools.wraps, scipy.integrate, warnings, the .db and .pprint imports, the _cached decorator and the reaction-wrapper and SpectrumGenerator classes; the harness builds the inputs as SpectrumGenerator does (a 60-point grid from Emin = 1.5 MeV to 100 MeV, total rates G, kernels K[X, Y, i, k] nonzero for k >= i, a monochromatic source S0 at the top energy and a continuous source Sc), with smooth made-up rates and kernels in place of the interpolated physical ones
# math
from math import pi, log, log10, exp, sqrt
# numpy
import numpy as np
# numba
import numba as nb
# scipy (acropolis/params.py)
from scipy.special import zeta

# acropolis/params.py
# The fine-structure constant
alpha = 1./137.036

# The electron mass (in MeV)
me = 0.511
# -->
me2 = me**2.

# The classical electron radius (in 1/MeV)
re = alpha/me

# The Riemann-Zeta function at point 3
zeta3 = zeta(3.)

# The beautiful value of pi, squared
pi2 = pi**2.

# The minimum energy for the different
# spectra (in MeV) originating from the
# electromagnetic cascade
# This value should not be larger than
# the minimal nucleon-interaction threshold
# of 1.586627 MeV
# (reaction_id: 15 in 'astro-ph/0211258')
# Default: 1.5
Emin = 1.5

# The value that is used for ~ 0.
# Default: 1e-200
approx_zero = 1e-200

# The relative accuracy for each integral
# Default: 1e-3
eps = 1e-3

# The maximal value of x = Ephb/T to avoid
# overflow in the exponential function
# Default: 200
Ephb_T_max = 200.

# The number of points per decade for
# the energy grid, which is used within
# the solution of the cascade equation
# Default: 150
NE_pd  = 150
# The minimal number of points for the
# energy grid
# Default: 10
NE_min = 10


# _ReactionWrapperScaffold ####################################################

@nb.jit(cache=True)
def _JIT_F(Eph, Ee, Ephb):
    # ATTENTION: Here we use the range given in '10.1103/PhysRev.167.1159',
    # because the translation to 0 < q < 1 is questionable
    if not ( Ephb <= Eph <= 4.*Ephb*Ee*Ee/( me2 + 4.*Ephb*Ee ) ):
        # CHECKED to never happen, since the intergration
        # limits are always chosen appropriately (below)
        return 0.

    G = 4.*Ephb*Ee/me2         # \Gamma_\epsilon
    q = Eph/( G*(Ee - Eph) )   # q

    # ATTENTION:
    # If the last term is (2.-2.*G*q) , Kawasaki
    # If the last term is (2.+2.*G*q) , correct
    return 2.*q*log(q) + (1.+2.*q)*(1.-q) + (G*q)**2. * (1.-q)/(2.+2.*G*q)


@nb.jit(cache=True)
def _JIT_G(Ee, Eph, Ephb):
    # Define the energy of the positron
    Eep = Eph + Ephb - Ee

    # Calculate the valid range for Ee
    # ATTENTION: This range is absent in 'astro-ph/9412055'
    # Here we adopt the original result from
    # 'link.springer.com/content/pdf/10.1007/BF01005624.pdf'
    Ee_lim_m = ( Eph + Ephb - (Eph - Ephb)*sqrt( 1. - me2/( Eph*Ephb ) ) )/2.
    Ee_lim_p = ( Eph + Ephb + (Eph - Ephb)*sqrt( 1. - me2/( Eph*Ephb ) ) )/2.

    if not ( me < Ee_lim_m <= Ee <= Ee_lim_p ):
        # CHECKED to never happen, since the intergration
        # limits are always chosen appropriately (below)
        return 0.

    # Split the function into four summands
    # and calculate all of them separately
    sud  = 0.
    sud += 4.*( (Ee + Eep)**2. )*log( (4.*Ephb*Ee*Eep)/( me2*(Ee + Eep) ) )/( Ee*Eep )
    sud += ( me2/( Ephb*(Ee + Eep) ) - 1. ) * ( (Ee + Eep)**4. )/( (Ee**2.)*(Eep**2.) )
    # ATTENTION: no additional minus sign in sud[2]
    # It is unclear whether it is a type or an artifact
    # of the scan (in the original paper)
    sud += 2.*( 2*Ephb*(Ee + Eep) - me2 ) * ( (Ee + Eep)**2. )/( me2*Ee*Eep )
    sud += -8.*Ephb*(Ee + Eep)/me2

    return sud

# _PhotonReactionWrapper ######################################################

@nb.jit(cache=True)
def _JIT_PH_rate_pair_creation(y, x, T):
    # Define beta as a function of y
    b = sqrt(1. - 4.*me2/y)

    # Define the kernel for the 2d-integral; y = s, x = epsilon_bar
    #                     f/E^2                              s   \sigma_DP
    return ( 1./(pi**2) )/( exp(x/T) - 1. ) * y * .5*pi*(re**2.)*(1.-b**2.)*( (3.-b**4.)*log( (1.+b)/(1.-b) ) - 2.*b*(2.-b**2.) )
    # ATTENTION: There is an error in 'astro-ph/9412055.pdf'
    # In the integration for \bar{\epsilon}_\gamma the lower
    # limit of integration should be me^2/\epsilon_\gamma
    # (the written limit is unitless, which must be wrong)
    # This limit is a consequence of the constraint on
    # the center-of-mass energy

@nb.jit(cache=True)
def _JIT_PH_kernel_inverse_compton(y, E, Ep, T):
    # Return the integrand for the 1d-integral in log-space; x = Ephb
    x = exp(y)

    return _JIT_F(E, Ep, x)*x/( pi2*(exp(x/T) - 1.) ) * x


# _ElectronReactionWrapper ####################################################

@nb.jit(cache=True)
def _JIT_EL_rate_inverse_compton(y, x, E, T):
    # Return the integrand for the 2d-integral; y = Eph, x = Ephb
    return _JIT_F(y, E, x)*x/( (pi**2.)*(exp(x/T) - 1.) )


@nb.jit(cache=True)
def _JIT_EL_kernel_inverse_compton(y, E, Ep, T):
    # Define the integrand for the 1d-integral in log-space; x = Ephb
    x = exp(y)

    return _JIT_F(Ep+x-E, Ep, x)*( x/(pi**2) )/( exp(x/T) - 1. ) * x


@nb.jit(cache=True)
def _JIT_EL_kernel_pair_creation(y, E, Ep, T):
    # Define the integrand for the 1d-integral in log-space; x = Ephb
    x = exp(y)

    return _JIT_G(E, Ep, x)/( (pi**2.)*(exp(x/T) - 1.) ) * x


@nb.jit(cache=True)
def _JIT_dsdE_Z2(Ee, Eph):
    # Define the energies (here: nucleon is at rest)
    Em = Ee                                                      # E_-
    Ep = Eph - Ee                                                # E_+

    # Define the various parameters that enter the x-section
    pm = sqrt(Em*Em - me2)                                       # p_-
    pp = sqrt(Ep*Ep - me2)                                       # p_+

    L  = log( (Ep*Em + pp*pm + me2)/(Ep*Em - pp*pm + me2) )      # L

    lm = log( (Em + pm)/(Em - pm) )                              # l_-
    lp = log( (Ep + pp)/(Ep - pp) )                              # l_+

    # Define the prefactor
    pref = alpha*(re**2.)*pp*pm/(Eph**3.)

    # Calculate the infamous 'lengthy expression'
    # Therefore, split the sum into four summands
    sud  = 0.
    sud += -4./3. - 2.*Ep*Em*(pp*pp + pm*pm)/( (pp**2.)*(pm**2.) )
    sud += me2*( lm*Ep/(pm**3.) + lp*Em/(pp**3.) - lp*lm/(pp*pm) )
    sud += L*( -8.*Ep*Em/(3.*pp*pm) + Eph*Eph*((Ep*Em)**2. + (pp*pm)**2. - me2*Ep*Em)/( (pp**3.)*(pm**3.) ) )
    sud += -L*me2*Eph*( lp*(Ep*Em - pp*pp)/(pp**3.) + lm*(Ep*Em - pm*pm)/(pm**3.) )/(2.*pp*pm)

    return pref * sud


# SpectrumGenerator ###########################################################

@nb.jit(cache=True)
def _JIT_solve_cascade_equation(E_rt, G, K, S0, Sc):
    # Extract the number of particle species...
    NX = len(G)
    # ...and the number of points in energy.
    NE = len(E_rt)

    dy = log(E_rt[-1]/Emin)/(NE-1)

    # Generate the grid for the different spectra
    # First index: X = photon, electron, positron
    F_rt = np.zeros( (3, NE) )

    # Calculate F_X(E_S), NE-1
    F_rt[:,-1] = [np.sum(K[X,:,-1,-1]*S0[:]/(G[:,-1]*G[X,-1])) for X in range(NX)]
    # Loop over all energies
    i = (NE - 1) - 1 # start at the second to last index, NE-2
    while i >= 0:
        B = np.zeros( (NX, NX) )
        a = np.zeros( (NX,   ) )

        # Calculate the matrix B and the vector a
        for j, X in enumerate( range(NX) ):
            # Calculate B
            B[j,:] = .5*dy*E_rt[i]*K[X,:,i,i]/G[X,i]

            # Calculate a
            a[j] = Sc[X,i]/G[X,i]

            a0  = K[X,:,i,-1]*S0[:]/G[:,-1] + .5*dy*E_rt[-1]*K[X,:,i,-1]*F_rt[:,-1]
            for k in range(i+1, NE-2):
                a0 += dy*E_rt[k]*K[X,:,i,k]*F_rt[:,k]

            for a0i in a0:
                a[j] += a0i/G[X,i]

        # Solve the system of linear equations for F
        F_rt[:,i] = np.linalg.solve(np.identity(NX)-B, a)

        i -= 1

    # Remove potential zeros
    F_rt = F_rt.reshape( 3*NE )
    for i, f in enumerate(F_rt):
        if f < approx_zero:
            F_rt[i] = approx_zero
    F_rt = F_rt.reshape( (3, NE) )

    # Define the result array...
    res = np.zeros( (4, NE) )
    # ...and fill it
    res[0  , :] = E_rt
    res[1:4, :] = F_rt

    return res
# ---- harness (not part of the program) ----
ENTRY = "_JIT_solve_cascade_equation"


def inputs():
    # as SpectrumGenerator._solve_cascade_equation: NE energies spaced
    # logarithmically from Emin to the injection energy E0, total rates
    # G[X, i] (photon, electron, positron), kernels K[X, Y, i, k] for the
    # transfer from species Y at energy E_k to species X at E_i (only k >= i),
    # a monochromatic source S0 at E0 and a continuous source Sc[X, i]
    NE, E0 = 60, 100.
    E_rt = Emin * np.exp(np.linspace(0., log(E0/Emin), NE))
    X = np.arange(3)[:, None]
    G = (1. + 0.5*X) * (1. + np.sqrt(E_rt))[None, :]
    Ei = E_rt[:, None]
    Ek = E_rt[None, :]
    base = np.where(Ek >= Ei, np.exp(-(Ek - Ei)/Ek)/Ek, 0.)
    mix = np.array([[0.30, 0.05, 0.05],
                    [0.10, 0.25, 0.02],
                    [0.10, 0.02, 0.25]])
    K = mix[:, :, None, None] * base[None, None, :, :]
    S0 = np.array([1.0, 0.5, 0.5])
    Sc = 1e-3 * np.exp(-E_rt/30.)[None, :] * np.array([1.0, 0.4, 0.4])[:, None]
    return (E_rt, G, K, S0, Sc)
