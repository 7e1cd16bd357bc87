# Source: monarchs-ice/monarchs src/monarchs/physics/Numba/heateqn_nb.py (at commit 04a65d0b)
# Licence: GPL-3.0-or-later (MONARCHS, pyproject.toml license = "GPL-3.0-or-later"; Jon Elsey, Sammie Buzzard)
# Notes: implicit heat diffusion in the firn column of an Antarctic ice-shelf model (glaciology): propagate_temperature (@njit, default N=10) reads the column state from a NumPy structured-array record by string key (cell["firn_temperature"], cell['Sfrac'], scalar fields cp_air/k_water/...), computes conductivity and diffusivity with get_k_and_kappa (@njit: boolean-mask fancy-index store k_ice[T < 273.15] = ... of a masked power, np.shape, whole-array mixing expressions), builds the sub/main/super diagonals and right-hand side of the backward-Euler system below the top N layers (Dirichlet top from T_bc_top, Neumann bottom), np.float64(dt / dz**2), and solves it with solve_tridiagonal (@njit: Thomas algorithm that aliases and overwrites its input arrays, backward range with step -1, x[-1]). Pasted: the three @njit functions and the module's numpy import; left out: heateqn / heateqn_lid (turned into cfuncs for NumbaMinpack's hybrd with minpack_sig, plus monarchs' extract_args and sfc_flux). The harness builds, as MONARCHS's IceShelf grid does, a structured array of 3 columns x 60 layers with firn temperature, solid and liquid fractions and air/water properties, and steps each column 30 times (1 h steps, 0.5 m layers) with a fixed upper-boundary temperature, writing each new profile back into the record as the model's timestep does; it returns the profiles and the final records
import numpy as np
from numba import njit


@njit
def get_k_and_kappa(T, sfrac, lfrac, cp_air, cp_water, k_air, k_water):
    # precompute some values
    rho = sfrac * 913 + lfrac * 1000
    k_ice = np.zeros(np.shape(T), dtype=np.float64)
    k_ice[T < 273.15] = 1000 * (
        2.24e-03
        + 5.975e-06
        * (
            (273.15 - T[T < 273.15])
            ** 1.156
        )
    )
    k_ice[T >= 273.15] = 2.24
    k = (
        sfrac * k_ice
        + (1 - sfrac - lfrac) * k_air
        + lfrac * k_water
    )
    cp_ice = 7.16 * T + 138
    cp = (
        sfrac * cp_ice
        + (1 - sfrac - lfrac) * cp_air
        + lfrac * cp_water
    )
    kappa = k / (cp * rho)
    return k, kappa



@njit
def propagate_temperature(cell, dz, dt, T_bc_top, N=10):
    T_old = cell["firn_temperature"]
    Sfrac = cell['Sfrac']
    Lfrac = cell['Lfrac']
    cp_air = cell['cp_air']
    cp_water = cell['cp_water']
    k_air = cell['k_air']
    k_water = cell['k_water']
    k, kappa = get_k_and_kappa(T_old, Sfrac, Lfrac, cp_air, cp_water, k_air, k_water)
    total_len = len(T_old)
    n = total_len - N  # Number of layers below the nonlinear region

    # Initialize diagonals and RHS
    A = np.zeros(n - 1, dtype=np.float64)  # Sub-diagonal (lower)
    B = np.zeros(n, dtype=np.float64)  # Main diagonal
    C = np.zeros(n - 1, dtype=np.float64)  # Super-diagonal (upper)
    D = np.zeros(n, dtype=np.float64)  # RHS vector

    factor = np.float64(dt / dz**2)

    # First row: connect to top nonlinear region
    i = 0
    alpha = factor * kappa[N + i]
    B[i] = 1 + 2 * alpha
    C[i] = -alpha
    D[i] = T_old[N + i] + alpha * T_bc_top

    # Interior rows
    for i in range(1, n - 1):
        alpha = factor * kappa[N + i]
        A[i - 1] = -alpha
        B[i] = 1 + 2 * alpha
        C[i] = -alpha
        D[i] = T_old[N + i]

    # Last row: Neumann BC using backward difference
    i = n - 1
    alpha = factor * kappa[N + i]
    A[i - 1] = -alpha
    B[i] = 1 + alpha
    D[i] = T_old[N + i]


    T_new = solve_tridiagonal(A, B, C, D)  
    #print(T_new)  
    return T_new

@njit
def solve_tridiagonal(a, b, c, d):
    """
    a: sub-diagonal (len n-1), A[i, i-1]
    b: main diagonal (len n), A[i, i]
    c: super-diagonal (len n-1), A[i, i+1]
    d: RHS (len n)
    """
    n = len(d)
    ac = a
    bc = b
    cc = c
    dc = d

    # Forward elimination
    for i in range(1, n):
        m = ac[i - 1] / bc[i - 1]
        bc[i] -= m * cc[i - 1]
        dc[i] -= m * dc[i - 1]

    # Back substitution
    x = np.zeros(n)
    x[-1] = dc[-1] / bc[-1]
    for i in range(n - 2, -1, -1):
        x[i] = (dc[i] - cc[i] * x[i + 1]) / bc[i]

    return x
# ---- harness (not part of the program) ----
ENTRY = "run_columns"


def run_columns(T0, sfrac, lfrac, T_top):
    ncol, nz = T0.shape
    dt_ = np.dtype([("firn_temperature", np.float64, (nz,)), ("Sfrac", np.float64, (nz,)),
                    ("Lfrac", np.float64, (nz,)), ("cp_air", np.float64), ("cp_water", np.float64),
                    ("k_air", np.float64), ("k_water", np.float64)])
    grid = np.zeros(ncol, dtype=dt_)
    grid["firn_temperature"] = T0
    grid["Sfrac"] = sfrac
    grid["Lfrac"] = lfrac
    grid["cp_air"] = 1004.0
    grid["cp_water"] = 4217.0
    grid["k_air"] = 0.022
    grid["k_water"] = 0.5818
    history = []
    for c in range(ncol):
        for step in range(30):
            cell = grid[c]
            T_new = propagate_temperature(cell, 0.5, 3600.0, T_top[c])
            grid[c]["firn_temperature"][10:] = T_new
            history.append(T_new)
    return np.array(history), grid


def inputs():
    # 3 columns x 60 layers: cold firn (250-265 K, warming with depth), a near-melting column,
    # densifying solid fraction 0.4-0.9, small liquid fraction in the upper layers
    rng = np.random.default_rng(0)
    nz = 60
    depth = np.linspace(0.0, 1.0, nz)
    T0 = np.vstack([250.0 + 15.0 * depth, 258.0 + 10.0 * depth ** 2, 268.0 + 5.0 * depth])
    T0 = T0 + rng.normal(0, 0.2, T0.shape)
    sfrac = np.tile(0.4 + 0.5 * depth, (3, 1))
    lfrac = np.zeros((3, nz))
    lfrac[2, :8] = 0.05
    T_top = np.array([245.0, 260.0, 273.15])
    return (T0, sfrac, lfrac, T_top)
