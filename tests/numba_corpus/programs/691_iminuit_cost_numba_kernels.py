# Source: scikit-hep/iminuit src/iminuit/cost.py (release 2.11.2, as shipped in Debian's python3-iminuit 2.11.2-4)
# Licence: MIT (iminuit, LICENSE and debian/copyright "License: Expat"; Copyright 2012 Piti Ongmongkolkul)
# Notes: the optional Numba acceleration of iminuit's standard cost functions (statistical fits with Minuit): plain NumPy helpers (_safe_log adding 1e-323 before np.log, the unbinned negative log-likelihood, multinomial and Poisson chi2 for binned fits, the least-squares chi2 and the soft-L1 robust loss) are wrapped with `_njit(nogil=True, cache=True, error_model="numpy")` applied as a function to the NumPy originals, and `numba.extending.overload(..., inline="always")` registers the same Python functions (_safe_log, _z_squared, _soft_l1_loss) as their own Numba implementations so that the jitted bodies call them inlined; Python wrappers dispatch on x.dtype in (np.float32, np.float64) and fall back to NumPy for float128. Pasted: cost.py from its module docstring through the `except ModuleNotFoundError` block (the imports of iminuit.util, used only by the cost classes, and the Cost classes themselves are left out). The harness calls the jitted kernels and the dispatching wrappers on float64, float32 and long-double (NumPy fallback) data: pdf values with exact zeros for the unbinned NLL, histogram counts with empty bins against model expectations for the multinomial and Poisson chi2, and a linear model with one outlier for chi2, soft-L1 loss and soft-L1 cost
"""
Standard cost functions to minimize for statistical fits.

We provide these for convenience, so that you do not have to write your own for standard
fits. The cost functions optionally use Numba to accelerate some calculations, if Numba is
installed.

What to use when
----------------
- Fit a normalised probability density to data

    - Data are not binned: :class:`UnbinnedNLL`
    - Data are binned: :class:`BinnedNLL`, also supports histogram of weighted samples

- Fit a density to data, density is not normalised

    - Data are not binned: :class:`ExtendedUnbinnedNLL`
    - Data are binned: :class:`ExtendedBinnedNLL`, also supports histogram of weighted samples

- Fit of a function f(x) to (x, y, yerror) pairs with normal-distributed fluctuations. x
  is one- or multi-dimensional, y is one-dimensional.

    - y values contain no outliers: :class:`LeastSquares`
    - y values contain outliers: :class:`LeastSquares` with loss function set to "soft_l1"

- Include constraints from external fits or apply regularisation: :class:`NormalConstraint`

Combining cost functions
------------------------
All cost functions can be added, which generates a new combined cost function. Parameters
with the same name are shared between component cost functions. Use this to constrain one
or several parameters with different data sets and using different statistical models for
each data set. Gaussian penalty terms can also be added to the cost function to introduce
external knowledge about a parameter.

Notes
-----
The cost functions defined here have been optimized with knowledge about implementation
details of Minuit to give the highest accucary and the most robust results, so they should
perform well. If you have trouble with your own implementations, try these.

The binned versions of the log-likelihood fits support weighted samples. For each bin of
the histogram, the sum of weights and the sum of squared weights is needed then, see class
documentation for details.
"""

import numpy as np
from collections.abc import Sequence
import abc
import typing as _tp
import warnings


def _safe_log(x):
    # guard against x = 0
    return np.log(x + 1e-323)


def _unbinned_nll(x):
    return -np.sum(_safe_log(x))


def _multinominal_chi2(n, mu):
    # This form makes the result asymptotically chi2 distributed and keeps the
    # sum small, which helps to not loose accuracy in Minuit.
    #
    # Q = -2 (lnP - lnP')
    # lnP = ln n! - sum_i k_i! + sum_i k_i ln(p_i)
    # lnP' = ln n! - sum_i k_i! + sum_i k_i ln(k_i / n)
    # Q = -2 sum_i k_i (ln(p_i) - ln(k_i / n))
    #   = -2 sum_i k_i (ln(mu_i) - ln(n) - ln(k_i) + ln(n))
    #   = 2 sum_i k_i (ln(k_i) - ln(mu_i))
    return 2 * np.sum(n * (_safe_log(n) - _safe_log(mu)))


def _poisson_chi2(n, mu):
    # This form makes the result asymptotically chi2 distributed and keeps the
    # sum small, which helps to not loose accuracy in Minuit.
    #
    # Q = -2 (lnP - lnP')
    # lnP = sum_i -mu_i + k_i ln(mu_i) - ln(k_i!)
    # lnP' = sum_i -k_i + k_i ln(k_i) - ln(k_i!)
    # Q = 2 sum_i mu_i - k_i + k_i (ln(k_i) - ln(mu_i))
    return 2 * np.sum(mu - n + n * (_safe_log(n) - _safe_log(mu)))


def _z_squared(y, ye, ym):
    z = (y - ym) / ye
    return z * z


def _chi2(y, ye, ym):
    return np.sum(_z_squared(y, ye, ym))


def _soft_l1_loss(z_sqr):
    return np.sum(2 * (np.sqrt(1 + z_sqr) - 1))


def _soft_l1_cost(y, ye, ym):
    return _soft_l1_loss(_z_squared(y, ye, ym))


# If numba is available, use it to accelerate computations in float32 and float64
# precision. Fall back to plain numpy for float128 which is not currently supported
# by numba.
try:
    from numba import njit as _njit
    from numba.extending import overload as _overload

    @_overload(_safe_log, inline="always")
    def _ol_safe_log(x):
        return _safe_log  # pragma: no cover

    @_overload(_z_squared, inline="always")
    def _ol_z_squared(y, ye, ym):
        return _z_squared  # pragma: no cover

    _unbinned_nll_np = _unbinned_nll
    _unbinned_nll_nb = _njit(
        nogil=True,
        cache=True,
        error_model="numpy",
    )(_unbinned_nll_np)

    def _unbinned_nll(x):
        if x.dtype in (np.float32, np.float64):
            return _unbinned_nll_nb(x)
        # fallback to numpy for float128
        return _unbinned_nll_np(x)

    _multinominal_chi2_np = _multinominal_chi2
    _multinominal_chi2_nb = _njit(
        nogil=True,
        cache=True,
        error_model="numpy",
    )(_multinominal_chi2_np)

    def _multinominal_chi2(n, mu):
        if mu.dtype in (np.float32, np.float64):
            return _multinominal_chi2_nb(n, mu)
        # fallback to numpy for float128
        return _multinominal_chi2_np(n, mu)

    _poisson_chi2_np = _poisson_chi2
    _poisson_chi2_nb = _njit(
        nogil=True,
        cache=True,
        error_model="numpy",
    )(_poisson_chi2_np)

    def _poisson_chi2(n, mu):
        if mu.dtype in (np.float32, np.float64):
            return _poisson_chi2_nb(n, mu)
        # fallback to numpy for float128
        return _poisson_chi2_np(n, mu)

    _chi2_np = _chi2
    _chi2_nb = _njit(
        nogil=True,
        cache=True,
        error_model="numpy",
    )(_chi2_np)

    def _chi2(y, ye, ym):
        if ym.dtype in (np.float32, np.float64):
            return _chi2_nb(y, ye, ym)
        # fallback to numpy for float128
        return _chi2_np(y, ye, ym)

    _soft_l1_loss_np = _soft_l1_loss
    _soft_l1_loss_nb = _njit(
        nogil=True,
        cache=True,
        error_model="numpy",
    )(_soft_l1_loss_np)

    def _soft_l1_loss(z_sqr):
        if z_sqr.dtype in (np.float32, np.float64):
            return _soft_l1_loss_nb(z_sqr)
        # fallback to numpy for float128
        return _soft_l1_loss_np(z_sqr)

    @_overload(_soft_l1_loss, inline="always")
    def _ol_soft_l1_loss(z_sqr):
        return _soft_l1_loss_np  # pragma: no cover

    _soft_l1_cost_np = _soft_l1_cost
    _soft_l1_cost_nb = _njit(
        nogil=True,
        cache=True,
        error_model="numpy",
    )(_soft_l1_cost_np)

    def _soft_l1_cost(y, ye, ym):
        if ym.dtype in (np.float32, np.float64):
            return _soft_l1_cost_nb(y, ye, ym)
        # fallback to numpy for float128
        return _soft_l1_cost_np(y, ye, ym)

except ModuleNotFoundError:  # pragma: no cover
    pass


# ---- harness ----
ENTRY = "iminuit_cost_kernels"


def iminuit_cost_kernels(pdf, counts, mu, x, y, ye):
    ym = 1.5 + 0.75 * x
    z2 = (y - ym) ** 2 / ye ** 2
    out = {}
    out["unbinned_nll_nb"] = _unbinned_nll_nb(pdf)
    out["multinominal_chi2_nb"] = _multinominal_chi2_nb(counts, mu)
    out["poisson_chi2_nb"] = _poisson_chi2_nb(counts, mu)
    out["chi2_nb"] = _chi2_nb(y, ye, ym)
    out["soft_l1_loss_nb"] = _soft_l1_loss_nb(z2)
    out["soft_l1_cost_nb"] = _soft_l1_cost_nb(y, ye, ym)
    for name, dt in (("f64", np.float64), ("f32", np.float32), ("f128", np.longdouble)):
        p = pdf.astype(dt)
        n = counts.astype(dt)
        m = mu.astype(dt)
        yy = y.astype(dt)
        ee = ye.astype(dt)
        mm = ym.astype(dt)
        out["unbinned_nll_" + name] = float(_unbinned_nll(p))
        out["multinominal_chi2_" + name] = float(_multinominal_chi2(n, m))
        out["poisson_chi2_" + name] = float(_poisson_chi2(n, m))
        out["chi2_" + name] = float(_chi2(yy, ee, mm))
        out["soft_l1_loss_" + name] = float(_soft_l1_loss(z2.astype(dt)))
        out["soft_l1_cost_" + name] = float(_soft_l1_cost(yy, ee, mm))
    return out


def inputs():
    pdf = np.array([0.05, 0.2, 0.4, 0.0, 0.31, 0.12, 1.5, 0.0, 0.9, 0.07])
    counts = np.array([0.0, 3.0, 7.0, 12.0, 9.0, 4.0, 0.0, 1.0])
    mu = np.array([0.4, 2.8, 7.9, 10.6, 9.3, 4.4, 1.2, 0.6])
    x = np.linspace(0.0, 4.0, 12)
    y = 1.5 + 0.75 * x + 0.2 * np.sin(3.0 * x)
    y[7] += 4.0
    ye = 0.1 + 0.05 * x
    return pdf, counts, mu, x, y, ye
