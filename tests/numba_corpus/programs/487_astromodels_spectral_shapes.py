# Source: threeML/astromodels astromodels/functions/numba_functions.py (at commit 066f94bb)
# Licence: BSD-3-Clause (astromodels, the project's LICENSE file as published on GitHub; the threeML / 3ML team)
# Notes: the jitted photon-spectrum shapes behind astromodels' spectral functions, used by threeML to fit gamma-ray burst and X-ray spectra (astronomy): power law, power law with exponential cutoff (and its inverse form and super-exponential variant), Band GRB function with a branch at the break energy, broken and smoothly broken power laws (a log-cosh smoothing with three branches on the argument), blackbody with np.expm1, and analytic energy-flux integrals with special cases for index -2; all are @nb.njit(fastmath=True, cache=True), mixing math.pow/math.exp/math.log with np.log/np.exp/np.power on scalars, and loop over the energy array into np.empty / np.zeros outputs. Pasted: the whole module (its ctypes, math, numba and numpy imports and the commented-out scipy gammaincc block); the harness evaluates every shape on 200 log-spaced energies from 10 keV to 10 MeV with typical GRB parameters (including a Band function whose break falls inside the grid, a smoothly broken power law whose pivot and energies hit all three log-cosh branches, and integrals with index -2 and not)
import ctypes
import math

import numba as nb
import numpy as np

# from numba.extending import get_cython_function_address

# addr1 = get_cython_function_address(
#     "scipy.special.cython_special", "gammaincc")
# functype1 = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double, ctypes.c_double)
# gammaincc_fn = functype1(addr1)


# @nb.vectorize('float64(float64, float64)')
# def vec_gammaincc(x, y):
#     return gammaincc_fn(x, y)


# addr2 = get_cython_function_address("scipy.special.cython_special", "gamma")
# functype2 = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)
# gamma_fn = functype2(addr2)


# @nb.vectorize('float64(float64)')
# def vec_gamma(x):
#     return gamma_fn(x)


@nb.njit(fastmath=True, cache=True)
def plaw_eval(x, K, index, piv):

    out = np.power(x / piv, index)

    return K * out


@nb.njit(fastmath=True, cache=True)
def plaw_flux_norm(index, a, b):
    """
    energy flux power law
    """
    # use the limit of the
    if index != -2.0:

        dp2 = 2 + index

        intflux = (math.pow(b, dp2) - math.pow(a, dp2)) / dp2
    else:

        intflux = - np.log(a/b)

    return intflux


@nb.njit(fastmath=True, cache=True)
def cplaw_eval(x, K, xc, index, piv):

    n = x.shape[0]
    out = np.empty(n)

    for i in range(n):
        # Compute it in logarithm to avoid roundoff errors, then raise it
        log_v = index * np.log(x[i] / piv) - (x[i] / xc)
        out[i] = K * np.exp(log_v)

    return out


@nb.njit(fastmath=True, cache=True)
def cplaw_inverse_eval(x, K, b, index, piv):

    n = x.shape[0]
    out = np.empty(n)

    for i in range(n):
        # Compute it in logarithm to avoid roundoff errors, then raise it
        log_v = index * np.log(x[i] / piv) - x[i] * b
        out[i] = K * np.exp(log_v)

    return out


@nb.njit(fastmath=True, cache=True)
def super_cplaw_eval(x, K, piv, index, xc, gamma):

    n = x.shape[0]
    out = np.empty(n)

    for i in range(n):

        log_v = index * np.log(x[i] / piv) - gamma*(x[i] / xc)

        out[i] = K * np.exp(log_v)

    return out


@nb.njit(fastmath=True, cache=True)
def band_eval(x, K, alpha, beta, E0, piv):

    n = x.shape[0]
    out = np.empty(n)

    break_point = (alpha - beta) * E0

    factor_ab = np.exp(beta - alpha) * \
        math.pow(break_point / piv, alpha - beta)

    for idx in range(n):

        if x[idx] < break_point:
            out[idx] = K * math.pow(x[idx] / piv, alpha) * np.exp(-x[idx] / E0)

        else:

            out[idx] = K * factor_ab * math.pow(x[idx] / piv, beta)

    return out


@nb.njit(fastmath=True, cache=True)
def bplaw_eval(x, K, xb, alpha, beta, piv):

    n = x.shape[0]
    out = np.empty(n)

    factor = math.pow(xb / piv, alpha - beta)

    for idx in range(n):

        if x[idx] < xb:

            out[idx] = K * math.pow(x[idx] / piv, alpha)
        else:

            out[idx] = K * factor * math.pow(x[idx] / piv, beta)

    return out


@nb.njit(fastmath=True, cache=True)
def sbplaw_eval(x, K, alpha, be, bs, beta, piv):

    n = x.shape[0]
    out = np.zeros(n)

    B = 0.5 * (alpha + beta)
    M = 0.5 * (beta - alpha)

    arg_piv = np.log10(piv / be) / bs

    log2 = np.log(2.0)

    Mbs = M * bs

    if arg_piv < -6.0:
        pcosh_piv = Mbs * (-arg_piv - log2)

    elif arg_piv > 4.0:

        pcosh_piv = Mbs * (arg_piv - log2)
    else:

        pcosh_piv = Mbs * np.log((np.exp(arg_piv) + np.exp(-arg_piv)) / 2.0)

    ten_pcosh_piv = math.pow(10., pcosh_piv)

    for idx in range(n):

        arg = np.log10(x[idx] / be) / bs

        if arg < -6.0:

            pcosh = Mbs * (-arg - log2)

        elif arg > 4.0:

            pcosh = Mbs * (arg - log2)

        else:

            pcosh = Mbs * np.log(0.5 * ((np.exp(arg) + np.exp(-arg))))

        out[idx] = K * math.pow(x[idx]/piv, B) * \
            math.pow(10., pcosh)/ten_pcosh_piv

    return out


@nb.njit(fastmath=True, cache=True)
def bb_eval(x, K, kT):

    n = x.shape[0]
    out = np.empty(n)

    for idx in range(n):

        arg = x[idx]/kT
        out[idx] = K * x[idx] * x[idx] / np.expm1(arg)

    return out

# @nb.njit(fastmath=True, cache=True)
# def bbrad_eval(x, K, kT):

#     n = x.shape[0]
#     out = np.empty(n)

#     for idx in range(n):

#         arg = x[idx]/kT
#         out[idx] = K * x[idx] * x[idx] / np.expm1(arg)

#     return out


# band calderone


@nb.njit(fastmath=True, cache=True)
def ggrb_int_pl(a, b, Ec, Emin, Emax):

    pre = math.pow(a - b, a - b) * math.exp(b - a) / math.pow(Ec, b)

    if b != -2:
        b2 = 2+b

        return pre / (b2) * (math.pow(Emax, b2) - math.pow(Emin, b2))

    else:

        return pre * math.log(Emax/Emin)


# @nb.njit(fastmath=True, cache=True)
# def ggrb_int_cpl(a, Ec, Emin, Emax):

#     # Gammaincc does not support quantities
#     i1 = vec_gammaincc(2 + a, Emin/Ec) * vec_gamma(2 + a)
#     i2 = vec_gammaincc(2 + a, Emax/Ec) * vec_gamma(2 + a)

#     return -Ec * Ec * (i2 - i1)
# ---- harness (not part of the program) ----
ENTRY = "run_shapes"


def run_shapes(x):
    return (
        plaw_eval(x, 1e-2, -2.2, 100.0),
        plaw_flux_norm(-2.2, 10.0, 1e4),
        plaw_flux_norm(-2.0, 10.0, 1e4),
        cplaw_eval(x, 1e-2, 300.0, -0.8, 100.0),
        cplaw_inverse_eval(x, 1e-2, 1.0 / 300.0, -0.8, 100.0),
        super_cplaw_eval(x, 1e-2, 100.0, -0.8, 300.0, 1.5),
        band_eval(x, 1e-2, -0.7, -2.3, 250.0, 100.0),
        bplaw_eval(x, 1e-2, 400.0, -1.0, -2.5, 100.0),
        sbplaw_eval(x, 1e-2, -1.0, 300.0, 0.1, -2.4, 100.0),
        sbplaw_eval(x, 1e-2, -1.0, 300.0, 2.0, -2.4, 100.0),
        bb_eval(x, 1e-3, 50.0),
        ggrb_int_pl(-0.7, -2.3, 250.0, 10.0, 1e4),
        ggrb_int_pl(-0.7, -2.0, 250.0, 10.0, 1e4),
    )


def inputs():
    return (np.logspace(1.0, 4.0, 200),)
