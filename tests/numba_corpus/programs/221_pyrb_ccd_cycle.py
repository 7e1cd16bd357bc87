# Source: jcrichard/pyrb pyrb/solvers.py (at commit 25282180)
# Licence: MIT (pyrb, LICENSE; Copyright (c) 2018 jcrichard)
# Notes: one cycle of the cyclical coordinate descent (CCD) that solves the risk-budgeting (equal risk contribution) portfolio problem with a log-barrier penalty and box bounds (Richard & Roncalli 2019, eq. 17): for each asset the positive root of a quadratic in x[i], clamped by np.maximum(np.minimum(x_tilde, bounds[i, 1]), bounds[i, 0]) on scalars, written into x in place, then the marginal risks Sx = np.dot(cov, x) and the volatility sqrt(Sx . x) recomputed (Sx rebound inside the loop), returning an (array, array, float) tuple; pi arrives as an int64 array (solve_rb_ccd builds it with np.array([0] * n) when no expected returns are given); the module's other jitted function accelarate (ADMM penalty update with default arguments, returns a tuple) is kept; the Python drivers solve_rb_ccd, solve_rb_admm_qp and solve_rb_admm_ccd, with the logging, `from . import tools` and `from .settings import ...` lines they use, are left out
import numba
import numpy as np


@numba.njit
def accelarate(_varphi, r, s, u, alpha=10, tau=2):
    """
    Update varphy and dual error for accelerating convergence after ADMM steps.

    Parameters
    ----------
    _varphi
    r: primal_error.
    s: dual error.
    u: primal_error.
    alpha: error treshld.
    tau: scaling parameter.

    Returns
    -------
    updated varphy and primal_error.
    """

    primal_error = np.sum(r ** 2)
    dual_error = np.sum(s * s)
    if primal_error > alpha * dual_error:
        _varphi = _varphi * tau
        u = u / tau
    elif dual_error > alpha * primal_error:
        _varphi = _varphi / tau
        u = u * tau
    return _varphi, u


@numba.njit
def _cycle(
        x,
        c,
        var,
        _varphi,
        sigma_x,
        Sx,
        budgets,
        pi,
        bounds,
        lambda_log,
        cov):
    """
    Internal numba function for computing one cycle of the CCD algorithm.

    """
    n = len(x)
    for i in range(n):
        alpha = c * var[i] + _varphi * sigma_x
        beta = c * (Sx[i] - x[i] * var[i]) - pi[i] * sigma_x
        gamma_ = -lambda_log * budgets[i] * sigma_x
        x_tilde = (-beta + np.sqrt(beta ** 2 - 4 *
                                   alpha * gamma_)) / (2 * alpha)

        x_tilde = np.maximum(np.minimum(x_tilde, bounds[i, 1]), bounds[i, 0])

        x[i] = x_tilde
        Sx = np.dot(cov, x)
        sigma_x = np.sqrt(np.dot(Sx, x))
    return x, Sx, sigma_x

# ---- harness (not part of the program) ----
ENTRY = "_cycle"


def inputs():
    # the first CCD cycle of solve_rb_ccd(cov, budgets) for 40 assets: an
    # annualised covariance from a 3-factor model plus idiosyncratic
    # variance, risk budgets proportional to 1..40 (normalised), no expected
    # returns (c = 1.0, pi = np.array([0] * n)), bounds [0, 1], lambda_log 1,
    # _varphi 0; x starts at the inverse-volatility portfolio, Sx = cov @ x
    rng = np.random.default_rng(0)
    n = 40
    loadings = rng.normal(0.0, 0.15, (n, 3))
    cov = loadings @ loadings.T + np.diag(rng.uniform(0.01, 0.09, n))
    budgets = np.arange(1, n + 1) / np.sum(np.arange(1, n + 1))
    pi = np.array([0] * n)
    bounds = np.zeros((n, 2))
    bounds[:, 1] = 1.0
    x = 1 / np.diag(cov) ** 0.5 / (np.sum(1 / np.diag(cov) ** 0.5))
    var = np.array(np.diag(cov))
    Sx = np.dot(cov, x)
    sigma_x = np.sqrt(np.dot(Sx, x))
    return (x, 1.0, var, 0.0, sigma_x, Sx, budgets, pi, bounds, 1.0, cov)
