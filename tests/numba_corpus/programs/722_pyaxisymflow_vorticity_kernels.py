# Source: bhosale2/PyAxisymFlow set_sim_params.py and kernels/compute_velocity_from_psi.py, kernels/compute_vorticity_from_velocity.py, kernels/advect_vorticity_CD2.py, kernels/brinkmann_penalize.py, kernels/vortex_stretching.py, kernels/diffusion_RK2_unb.py, kernels/smooth_Heaviside.py (all at commit 24a847bb)
# Licence: MIT (PyAxisymFlow, LICENSE; Copyright (c) 2021-2022 Yashraj Bhosale, Gaurav Upadhyay)
# Notes: the Numba kernels of PyAxisymFlow, an axisymmetric vortex-method / Brinkman-penalisation flow solver (flows past spheres, streaming, soft bodies) on an (r, z) grid. Every kernel is @njit(fastmath=fastmath_flag, parallel=parallel_flag) with the flags read from the project's set_sim_params module (fastmath_flag = True, parallel_flag = True), and is written with whole-array slice expressions that write into their arguments in place: velocity from the Stokes stream function with one-sided second-order differences at the edges (u_z from d psi/dr / R, u_r from -d psi/dz / R), vorticity from velocity by central differences, second-order central advection of vorticity through a flux array (`flux[...] = flux * 0`, `vorticity[...] = vorticity - flux`) and its explicit-loop twin with nested prange, implicit Brinkman penalisation of velocity inside a body mask, the axisymmetric vortex-stretching term, a two-stage Runge-Kutta step of the axisymmetric diffusion operator (R ** -2, dx ** 2), and a smooth Heaviside of a level set (boolean arrays added to floats, np.fabs, np.sin). diffusion_RK2_unb_diffrho is plain Python in the source (its @njit is commented out) and is kept as such. Pasted: set_sim_params.py (its numba settings and grid constants) and the seven kernel files in full, each without its `from set_sim_params import fastmath_flag, parallel_flag` (the module's lines precede them here). The harness follows the time loop of the project's examples (flow past a sphere): a body mask from smooth_Heaviside of a sphere level set, then per step velocity from psi, Brinkman penalisation, vorticity from the penalised velocity, CD2 advection, stretching and RK2 diffusion, on a 48 x 96 grid; advect_vorticity_CD2_numba (whose prange over rows reads the neighbouring rows it also writes, so its parallel=True result depends on thread scheduling) is kept but not called
import numpy

grid_size_z = 800
domain_AR = 0.5
dx = 1.0 / grid_size_z
grid_size_r = int(domain_AR * grid_size_z)
CFL = 0.1
LCFL = 0.1
eps = numpy.finfo(float).eps

# numba settings
num_threads = 4
fastmath_flag = True
parallel_flag = True


# ---- kernels/compute_velocity_from_psi.py ----
from numba import njit


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def compute_velocity_from_psi_unb(u_z, u_r, psi, R, dx):
    """
    computes velocity from the Stokes stream function
    """
    # u_z = d_psi / dr / r
    u_z[1:-1, :] = (psi[2:, :] - psi[:-2, :]) / (2 * dx) / R[1:-1, :]
    u_z[0, :] = (-psi[2, :] + 4 * psi[1, :] - 3 * psi[0, :]) / (2 * dx) / R[0, :]
    u_z[-1, :] = (psi[-3, :] - 4 * psi[-2, :] + 3 * psi[-1, :]) / (2 * dx) / R[-1, :]

    # u_r = -d_psi / dz / r
    u_r[:, 1:-1] = -(psi[:, 2:] - psi[:, :-2]) / (2 * dx) / R[:, 1:-1]
    u_r[:, 0] = -(-psi[:, 2] + 4 * psi[:, 1] - 3 * psi[:, 0]) / (2 * dx) / R[:, 0]
    u_r[:, -1] = -(psi[:, -3] - 4 * psi[:, -2] + 3 * psi[:, -1]) / (2 * dx) / R[:, -1]


# ---- kernels/compute_vorticity_from_velocity.py ----
from numba import njit


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def compute_vorticity_from_velocity_unb(vort, u_z, u_r, dx):
    """
    compute vorticity from velocity field
    """
    # vorticity is killed at domain ends anyways so leave boundaries untouched
    # using 2nd order CDM for interior
    vort[1:-1, 1:-1] = (u_r[1:-1, 2:] - u_r[1:-1, :-2]) / (2 * dx) - (
        u_z[2:, 1:-1] - u_z[:-2, 1:-1]
    ) / (2 * dx)


# ---- kernels/advect_vorticity_CD2.py ----
from numba import njit, prange


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def advect_vorticity_CD2(vorticity, flux, u_z, u_r, dt, dx):
    """
    central difference 2nd order advection, usually unstable but works with viscosity
    """
    flux[...] = flux * 0
    flux[1:-1, 1:-1] = dt * (
        (vorticity[1:-1, 2:] - vorticity[1:-1, :-2]) / (2 * dx) * u_z[1:-1, 1:-1]
        + (vorticity[2:, 1:-1] - vorticity[:-2, 1:-1]) / (2 * dx) * u_r[1:-1, 1:-1]
    )
    vorticity[...] = vorticity - flux


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def advect_vorticity_CD2_numba(vorticity, u_z, u_r, dt, dx):
    r_grid_size = vorticity.shape[0]
    z_grid_size = vorticity.shape[1]
    for i in prange(1, r_grid_size - 1):
        for j in prange(1, z_grid_size - 1):
            vorticity[i, j] -= dt * (
                (vorticity[i, j + 1] - vorticity[i, j - 1]) / (2 * dx) * u_z[i, j]
                + (vorticity[i + 1, j] - vorticity[i - 1, j]) / (2 * dx) * u_r[i, j]
            )


# ---- kernels/brinkmann_penalize.py ----
from numba import njit


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def brinkmann_penalize(lam, dt, char_func, U_z, U_r, grid_u_z, grid_u_r, penalized_u_z, penalized_u_r):
    """
    implicit Brinkmann penalization for velocity
    """
    penalized_u_z[...] = (grid_u_z + lam * dt * char_func * U_z) / (1 + lam * dt * char_func)
    penalized_u_r[...] = (grid_u_r + lam * dt * char_func * U_r) / (1 + lam * dt * char_func)


# ---- kernels/vortex_stretching.py ----
from numba import njit


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def vortex_stretching(vorticity, u_r, R, dt):
    """
    update field due to vortex stretching term
    """
    vorticity[1:-1, 1:-1] += (
        dt * u_r[1:-1, 1:-1] * vorticity[1:-1, 1:-1] / R[1:-1, 1:-1]
    )


# ---- kernels/diffusion_RK2_unb.py ----
from numba import njit


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def diffusion_RK2_unb(vorticity, temp_vorticity, R, nu, dt, dx):
    """
    update field due to diffusion using a RK2 time stepper
    """
    temp_vorticity[...] = vorticity
    temp_vorticity[1:-1, 1:-1] += (
        0.5
        * nu
        * dt
        * (
            (
                vorticity[2:, 1:-1]
                + vorticity[:-2, 1:-1]
                + vorticity[1:-1, 2:]
                + vorticity[1:-1, :-2]
                - 4 * vorticity[1:-1, 1:-1]
            )
            / (dx ** 2)
            + (vorticity[2:, 1:-1] - vorticity[:-2, 1:-1]) / (2 * dx) / R[1:-1, 1:-1]
            - vorticity[1:-1, 1:-1] * (R[1:-1, 1:-1] ** -2)
        )
    )
    vorticity[1:-1, 1:-1] += (
        nu
        * dt
        * (
            (
                temp_vorticity[2:, 1:-1]
                + temp_vorticity[:-2, 1:-1]
                + temp_vorticity[1:-1, 2:]
                + temp_vorticity[1:-1, :-2]
                - 4 * temp_vorticity[1:-1, 1:-1]
            )
            / (dx ** 2)
            + (temp_vorticity[2:, 1:-1] - temp_vorticity[:-2, 1:-1])
            / (2 * dx)
            / R[1:-1, 1:-1]
            - temp_vorticity[1:-1, 1:-1] * (R[1:-1, 1:-1] ** -2)
        )
    )


# @njit(parallel=True)
def diffusion_RK2_unb_diffrho(vorticity, temp_vorticity, R, density, nu, dt, dx):
    """
    update vorticity field due to diffusion using a RK2 time stepper for variable density
    """
    temp_vorticity[...] = vorticity
    temp_vorticity[1:-1, 1:-1] += (
        0.5
        * nu
        * dt
        * (
            (
                vorticity[2:, 1:-1]
                + vorticity[:-2, 1:-1]
                + vorticity[1:-1, 2:]
                + vorticity[1:-1, :-2]
                - 4 * vorticity[1:-1, 1:-1]
            )
            / (dx ** 2)
            + (vorticity[2:, 1:-1] - vorticity[:-2, 1:-1]) / (2 * dx) / R[1:-1, 1:-1]
            - vorticity[1:-1, 1:-1] * (R[1:-1, 1:-1] ** -2)
        )
        / density[1:-1, 1:-1]
    )
    vorticity[1:-1, 1:-1] += (
        nu
        * dt
        * (
            (
                temp_vorticity[2:, 1:-1]
                + temp_vorticity[:-2, 1:-1]
                + temp_vorticity[1:-1, 2:]
                + temp_vorticity[1:-1, :-2]
                - 4 * temp_vorticity[1:-1, 1:-1]
            )
            / (dx ** 2)
            + (temp_vorticity[2:, 1:-1] - temp_vorticity[:-2, 1:-1])
            / (2 * dx)
            / R[1:-1, 1:-1]
            - temp_vorticity[1:-1, 1:-1] * (R[1:-1, 1:-1] ** -2)
        )
        / density[1:-1, 1:-1]
    )


# ---- kernels/smooth_Heaviside.py ----
import numpy as np
from numba import njit


@njit(fastmath=fastmath_flag, parallel=parallel_flag)
def smooth_Heaviside(H, phi, blend_w):
    """
    computes a smooth Heaviside function needed for smoothing
    """
    H[...] = H + (phi >= blend_w)
    H[...] = H + (np.fabs(phi) < blend_w) * 0.5 * (
        1 + phi / blend_w + np.sin(np.pi * phi / blend_w) / np.pi
    )


# ---- harness (not part of the program) ----
ENTRY = "axisym_flow_steps"


def axisym_flow_steps(psi, vorticity, R, Z, nsteps):
    n_r, n_z = vorticity.shape
    h = 1.0 / n_z
    nu = 1e-3
    dt = 0.1 * h
    brink_lam = 1e4
    sphere_rad = 0.1
    phi = sphere_rad - np.sqrt(R ** 2 + (Z - 0.3) ** 2)
    char_func = np.zeros_like(phi)
    smooth_Heaviside(char_func, phi, 2 * h)
    u_z = np.zeros_like(psi)
    u_r = np.zeros_like(psi)
    pen_u_z = np.zeros_like(psi)
    pen_u_r = np.zeros_like(psi)
    U_z = np.full_like(psi, 0.05)
    U_r = np.zeros_like(psi)
    flux = np.zeros_like(psi)
    temp = np.zeros_like(psi)
    energies = []
    for _ in range(nsteps):
        compute_velocity_from_psi_unb(u_z, u_r, psi, R, h)
        u_z[...] += 1.0
        brinkmann_penalize(brink_lam, dt, char_func, U_z, U_r, u_z, u_r, pen_u_z, pen_u_r)
        compute_vorticity_from_velocity_unb(vorticity, pen_u_z, pen_u_r, h)
        advect_vorticity_CD2(vorticity, flux, pen_u_z, pen_u_r, dt, h)
        vortex_stretching(vorticity, pen_u_r, R, dt)
        diffusion_RK2_unb(vorticity, temp, R, nu, dt, h)
        psi[1:-1, 1:-1] += dt * vorticity[1:-1, 1:-1] * R[1:-1, 1:-1] * h
        energies.append(float(np.sum(R * (u_z ** 2 + u_r ** 2))))
    return char_func, u_z, u_r, pen_u_z, pen_u_r, flux, np.array(energies)


def inputs():
    rng = np.random.default_rng(0)
    n_z = 96
    n_r = 48
    h = 1.0 / n_z
    z = np.linspace(0.5 * h, 1.0 - 0.5 * h, n_z)
    r = np.linspace(0.5 * h, 0.5 - 0.5 * h, n_r)
    Z, R = np.meshgrid(z, r)
    psi = 0.5 * R ** 2 + 1e-6 * rng.standard_normal((n_r, n_z))
    vorticity = np.zeros((n_r, n_z))
    return (psi, vorticity, R, Z, 5)
