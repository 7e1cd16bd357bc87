# Source: e2nIEE/pandapipes pandapipes/pf/derivative_toolbox_numba.py (commit 240099ba)
# Licence: BSD-3-Clause (pandapipes, LICENSE; Copyright (c) 2020-2022 by Fraunhofer Institute for Energy Economics and Energy System Technology (IEE), Kassel, and University of Kassel)
# Notes: pipe friction factors for a gas-network pipeflow: Reynolds numbers, laminar and Nikuradse friction factors per branch (np.empty_like/np.zeros_like, np.divide of scalars, np.log10, `if v[i] != 0`), then the implicit Colebrook-White equation solved by a vectorised Newton loop (`while not converged and niter < max_iter`, per-element updates with +=, an array convergence test through numpy.linalg.norm imported as `from numpy import linalg`, returning a (bool, array) tuple); every function jitted eagerly with a tuple of numba types ((float64[:], ..., int64), int32[:] and float64[:, :]) and nopython=True; the `from numba import jit` / `from numba import int32, float64, int64` try block is kept with its fallback; left out: the three jitted functions that index pandapipes' node/branch tables (derivatives_hydraulic_incomp_numba, derivatives_hydraulic_comp_numba, calc_derived_values_numba) and the imports only they use (pandapipes.constants, pandapipes.idx_branch, pandapipes.idx_node); the harness follows calc_lambda in pandapipes/pf/derivative_calculation.py (numba path, gas mode, friction_model "colebrook")
import numpy as np
from numpy import linalg

try:
    from numba import jit
    from numba import int32, float64, int64
except ImportError:
    from pandapower.pf.no_numba import jit
    from numpy import int32, float64, int64


@jit((float64[:], float64[:], float64[:], float64[:], float64[:]), nopython=True)
def calc_lambda_nikuradse_incomp_numba(v, d, k, eta, rho):
    lambda_nikuradse = np.empty_like(v)
    lambda_laminar = np.zeros_like(v)
    re = np.empty_like(v)
    v_abs = np.abs(v)
    for i in range(v.shape[0]):
        if v_abs[i] < 1e-6:
            re[i] = np.divide(rho[i] * 1e-6 * d[i], eta[i])
        else:
            re[i] = np.divide(rho[i] * v_abs[i] * d[i], eta[i])
        if v[i] != 0:
            lambda_laminar[i] = 64 / re[i]
        lambda_nikuradse[i] = np.power(-2 * np.log10(k[i] / (3.71 * d[i])), -2)
    return re, lambda_laminar, lambda_nikuradse


@jit((float64[:], float64[:], float64[:], float64[:], float64[:]), nopython=True)
def calc_lambda_nikuradse_comp_numba(v, d, k, eta, rho):
    lambda_nikuradse = np.empty_like(v)
    lambda_laminar = np.zeros_like(v)
    re = np.empty_like(v)
    for i in range(len(v)):
        v_abs = np.abs(v[i])
        if v_abs < 1e-6:
            re[i] = np.divide(rho[i] * 1e-6 * d[i], eta[i])
        else:
            re[i] = np.divide(rho[i] * v_abs * d[i], eta[i])
        if v[i] != 0:
            lambda_laminar[i] = np.divide(64, re[i])
        lambda_nikuradse[i] = np.divide(1, (2 * np.log10(np.divide(d[i], k[i])) + 1.14) ** 2)
    return re, lambda_laminar, lambda_nikuradse


@jit((float64[:], float64[:]), nopython=True, cache=False)
def calc_medium_pressure_with_derivative_numba(p_init_i_abs, p_init_i1_abs):
    p_m = p_init_i_abs.copy()
    der_p_m = np.ones_like(p_init_i_abs)
    der_p_m1 = der_p_m * (-1)
    val = 2 / 3
    for i in range(p_init_i_abs.shape[0]):
        if p_init_i_abs[i] != p_init_i1_abs[i]:
            diff_p_sq = p_init_i_abs[i] ** 2 - p_init_i1_abs[i] ** 2
            diff_p_sq_div = np.divide(1, diff_p_sq)
            diff_p_cub = p_init_i_abs[i] ** 3 - p_init_i1_abs[i] ** 3
            p_m[i] = val * diff_p_cub * diff_p_sq_div
            der_p_m[i] = (3 * p_init_i_abs[i] ** 2 * diff_p_sq - 2 * p_init_i_abs[i] * diff_p_cub) \
                * diff_p_sq_div ** 2 * val
            der_p_m1[i] = (-3 * p_init_i1_abs[i] ** 2 * diff_p_sq
                           + 2 * p_init_i1_abs[i] * diff_p_cub) * diff_p_sq_div ** 2 * val
    return p_m, der_p_m, der_p_m1


@jit((float64[:], float64[:], float64[:], float64[:], float64[:], int64), nopython=True)
def colebrook_numba(re, d, k, lambda_nikuradse, dummy, max_iter):
    lambda_cb = lambda_nikuradse.copy()
    lambda_cb_old = np.empty_like(lambda_nikuradse)
    converged = False
    niter = 0
    factor = np.log(10) * 2.51

    # Inner Newton-loop for calculation of lambda
    while not converged and niter < max_iter:
        for i in range(len(lambda_cb)):
            sqt = np.sqrt(lambda_cb[i])
            add_val = np.divide(k[i], (3.71 * d[i]))
            sqt_div = np.divide(1, sqt)
            re_div = np.divide(1, re[i])
            sqt_div3 = sqt_div ** 3

            f = sqt_div + 2 * np.log10(2.51 * re_div * sqt_div + add_val)
            df_dlambda_cb = - 0.5 * sqt_div3 - 2.51 * re_div * sqt_div3 * np.divide(
                re[i] * sqt + add_val, factor)
            x = - f / df_dlambda_cb

            lambda_cb_old[i] = lambda_cb[i]
            lambda_cb[i] += x

        dx = np.abs(lambda_cb - lambda_cb_old) * dummy
        error_lambda = linalg.norm(dx) / dx.shape[0]

        if error_lambda <= 1e-4:
            converged = True

        niter += 1

    return converged, lambda_cb

# ---- harness (not part of the program) ----
def calc_lambda_colebrook_gas(v, eta, rho, d, k, lengths):
    # the numba path of calc_lambda for gas_mode=True and
    # friction_model="colebrook" (max_iter_colebrook defaults to 100)
    re, lambda_laminar, lambda_nikuradse = calc_lambda_nikuradse_comp_numba(v, d, k, eta, rho)
    max_iter = 100
    dummy = (lengths != 0).astype(np.float64)
    converged, lambda_colebrook = colebrook_numba(re, d, k, lambda_nikuradse, dummy, max_iter)
    return converged, lambda_colebrook, re, lambda_laminar


ENTRY = "calc_lambda_colebrook_gas"


def inputs():
    # 300 branches of a natural-gas distribution network: velocities of
    # both signs (a few exactly 0 and a few below 1e-6 m/s), viscosity
    # ~1.1e-5 Pa s, density 0.7-4 kg/m3, diameters 50-400 mm, roughness
    # 0.01-0.2 mm; some branches (valves, junctions) of zero length
    rng = np.random.default_rng(0)
    n = 300
    v = rng.normal(0.0, 4.0, n)
    v[::37] = 0.0
    v[5::41] = 3e-7
    eta = np.full(n, 1.1e-5)
    rho = rng.uniform(0.7, 4.0, n)
    d = rng.uniform(0.05, 0.4, n)
    k = rng.uniform(1e-5, 2e-4, n)
    lengths = rng.uniform(5.0, 800.0, n)
    lengths[::17] = 0.0
    return (v, eta, rho, d, k, lengths)
