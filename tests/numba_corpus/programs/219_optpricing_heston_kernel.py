# Source: Diljit22/optpricing src/optpricing/techniques/kernels/mc_kernels.py (at commit 55f51c78)
# Licence: MIT (optpricing, pyproject.toml: classifier "License :: OSI Approved :: MIT License", license = { file="LICENSE" }; Diljit Singh)
# Notes: Monte Carlo simulation of terminal log-prices under the Heston stochastic-volatility model (full-truncation Euler scheme) from pre-drawn Brownian increments: @numba.jit(nopython=True, fastmath=True, cache=True) on a module with `from __future__ import annotations`, np.full for the path states, column views dw1[:, i] of 2-D increment arrays, correlated draws rho * z1 + rho_bar * z2, np.maximum(v, 0) and np.sqrt of whole arrays, += on arrays with array expressions, the variance array rebound by `v = np.maximum(v, 0)` inside the loop, docstrings kept as bare string statements between the functions; the module's other kernels without random draws (bsm_kernel, sabr_kernel) are kept; merton_kernel, bates_kernel, sabr_jump_kernel and kou_kernel (which draw their jump sizes with np.random inside the jitted code) and dupire_kernel (which calls back a Python volatility-surface function) are left out, with their docstring strings
from __future__ import annotations

import numba
import numpy as np

__doc__ = """
This module contains JIT-compiled (`numba`) kernels for simulating the SDE
paths of different financial models. These functions are designed for performance.
"""

# NOTE: Detailed docstrings are provided for each kernel, but they are placed
# outside the function body as Numba in `nopython` mode does not support them.
# The information is still valuable for developers reading the code.

# Docstring for bsm_kernel
"""
JIT-compiled kernel for BSM SDE simulation.
d(logS) = (r - q - 0.5*sigma^2)dt + sigma*dW
"""


@numba.jit(nopython=True, fastmath=True, cache=True)
def bsm_kernel(
    n_paths,
    n_steps,
    log_s0,
    r,
    q,
    sigma,
    dt,
    dw,
):
    log_s = np.full(n_paths, log_s0)
    drift = (r - q - 0.5 * sigma**2) * dt
    for i in range(n_steps):
        log_s += drift + sigma * dw[:, i]

    return log_s


# Docstring for heston_kernel
"""
JIT-compiled kernel for Heston SDE simulation (Full Truncation).
"""


@numba.jit(nopython=True, fastmath=True, cache=True)
def heston_kernel(
    n_paths,
    n_steps,
    log_s0,
    v0,
    r,
    q,
    kappa,
    theta,
    rho,
    vol_of_vol,
    dt,
    dw1,
    dw2,
):
    log_s = np.full(n_paths, log_s0)
    v = np.full(n_paths, v0)
    rho_bar = np.sqrt(1 - rho**2)

    for i in range(n_steps):
        z1 = dw1[:, i]
        z2 = dw2[:, i]

        correlated_z2 = rho * z1 + rho_bar * z2

        v_pos = np.maximum(v, 0)
        v_sqrt = np.sqrt(v_pos)

        # Evolve log-spot with the first independent draw
        log_s += (r - q - 0.5 * v_pos) * dt + v_sqrt * z1

        # Evolve variance with the correlated draw
        v += kappa * (theta - v_pos) * dt + vol_of_vol * v_sqrt * correlated_z2
        v = np.maximum(v, 0)  # Apply reflection to variance

    return log_s


# Docstring for sabr_kernel
"""
JIT-compiled kernel for SABR SDE simulation.
"""


@numba.jit(nopython=True, fastmath=True, cache=True)
def sabr_kernel(
    n_paths,
    n_steps,
    s0,
    v0,
    r,
    q,
    alpha,
    beta,
    rho,
    dt,
    dw1,
    dw2,
):
    s = np.full(n_paths, s0)
    v = np.full(n_paths, v0)  # v is sigma_t in SABR
    rho_bar = np.sqrt(1 - rho**2)

    for i in range(n_steps):
        z1 = dw1[:, i]
        z2 = dw2[:, i]
        correlated_z2 = rho * z1 + rho_bar * z2

        # Evolve spot price S_t directly
        s_pos = np.maximum(s, 1e-8)  # Avoid negative spot
        v_pos = np.maximum(v, 0)
        s += (r - q) * s_pos * dt + v_pos * (s_pos**beta) * z1

        # Evolve volatility sigma_t (lognormal process)
        v = v * np.exp(-0.5 * alpha**2 * dt + alpha * correlated_z2)

    return s

# ---- harness (not part of the program) ----
ENTRY = "heston_kernel"


def inputs():
    # a one-year Heston simulation as the Monte Carlo pricer prepares it:
    # 2000 paths, 100 steps, S0 = 100 (log_s0 passed), v0 = 0.04, r = 3%,
    # q = 1%, kappa = 2, theta = 0.04, rho = -0.7, vol of vol 0.6 (Feller
    # condition violated, so the truncation matters), and the two (n_paths,
    # n_steps) arrays of Brownian increments scaled by sqrt(dt)
    rng = np.random.default_rng(0)
    n_paths, n_steps, T = 2000, 100, 1.0
    dt = T / n_steps
    dw1 = rng.standard_normal((n_paths, n_steps)) * np.sqrt(dt)
    dw2 = rng.standard_normal((n_paths, n_steps)) * np.sqrt(dt)
    return (n_paths, n_steps, np.log(100.0), 0.04, 0.03, 0.01, 2.0, 0.04,
            -0.7, 0.6, dt, dw1, dw2)
