# Source: scikit-hep/resample resample/jackknife.py (the version in which _resample is an @nb.njit generator, before the module became pure NumPy; the stored copy carries no commit id)
# Licence: BSD-3-Clause (resample, LICENSE; Copyright (c) 2018, Daniel D. Saxton)
# Notes: jackknife resampling from scikit-hep's resample package: the replicates come from a jitted *generator* (@nb.njit with two `yield` statements) that allocates its work array with a starred shape tuple `np.empty((n - 1, *sample.shape[1:]), dtype=sample.dtype)`, so it works for 1-D and N-D samples, and yields `x.view(x.dtype)` (a view of its internal buffer, updated in place between yields, "to avoid a numba life-time bug"); the public functions are Python and consume the generator in list comprehensions with arbitrary Python estimators (jackknife estimates, bias, bias-corrected estimate, variance, empirical influence). Pasted: the whole module. The harness runs every public function with np.mean, np.var and a two-output estimator on a 1-D float sample (np.random.default_rng(0)), jackknife on a 2-D sample (rows are observations) and on an int sample, and collects copies of the raw replicates of resample((1, 2, 3))
"""
Jackknife resampling.
"""

from typing import Callable, Sequence
import numba as nb
import numpy as np


def resample(sample: Sequence) -> np.ndarray:
    """
    Generator of jackknife'd samples.

    Parameters
    ----------
    a: array-like
        Sample. Must be at least one-dimensional and the first dimension must walk over
        the iid observations.

    Yields
    ------
    array with same shape and type as input, but with the size of the first dimension
    reduced by one.

    Notes
    -----
    To increase performance we update the resampled array on each iteration *in place*.
    To store resampled arrays somewhere (not recommended), one has to make copies
    explicitly, e.g.:

    ```
    r = []
    for x in resample(a):
        r.append(x.copy())
    ```
    """
    return _resample(np.atleast_1d(sample))


def jackknife(sample: np.ndarray, fcn: Callable) -> np.ndarray:
    """
    Calculate jackknife estimates for a given sample and estimator.

    The jackknife is a linear approximation to the bootstrap. In contrast to the
    bootstrap it is deterministic and does not use random numbers. The caveat is the
    computational cost of the jackknife, which is O(n²) for n observations, compared
    to O(n x k) for k bootstrap replicates. For large samples, the bootstrap is more
    efficient.

    Parameters
    ----------
    sample : array-like
        Sample. Must be one-dimensional.

    fcn : callable
        Estimator. Can be any mapping ℝⁿ → ℝᵏ, where n is the sample size
        and k is the length of the output array.

    Returns
    -------
    np.ndarray
        Jackknife samples.
    """
    return np.asarray([fcn(x) for x in resample(sample)])


def bias(sample: Sequence, fcn: Callable) -> np.ndarray:
    """
    Calculate jackknife estimate of bias.

    The bias estimate is accurate to O(1/n), where n is the number of samples.
    If the bias is exactly O(1/n), then the estimate is exact.

    Wikipedia:
    https://en.wikipedia.org/wiki/Jackknife_resampling

    Parameters
    ----------
    sample : array-like
        Sample. Must be one-dimensional.

    fcn : callable
        Estimator. Can be any mapping ℝⁿ → ℝᵏ, where n is the sample size
        and k is the length of the output array.

    Returns
    -------
    np.ndarray
        Jackknife estimate of bias.
    """
    n = len(sample)
    theta = fcn(sample)
    mean_theta = np.mean(jackknife(sample, fcn), axis=0)
    return (n - 1) * (mean_theta - theta)


def bias_corrected(sample: Sequence, fcn: Callable) -> np.ndarray:
    """
    Calculates bias-corrected estimate of the function with the jackknife.

    Removes a bias of O(1/n), where n is the sample size, leaving bias of
    order O(1/n²). If the original function has a bias of exactly O(1/n),
    the corrected result is now unbiased.

    Wikipedia:
    https://en.wikipedia.org/wiki/Jackknife_resampling

    Parameters
    ----------
    sample : array-like
        Sample. Must be one-dimensional.

    fcn : callable
        Estimator. Can be any mapping ℝⁿ → ℝᵏ, where n is the sample size
        and k is the length of the output array.

    Returns
    -------
    np.ndarray
        Estimate with O(1/n) bias removed.
    """
    n = len(sample)
    theta = fcn(sample)
    mean_theta = np.mean(jackknife(sample, fcn), axis=0)
    return n * theta - (n - 1) * mean_theta


def variance(sample: Sequence, fcn: Callable) -> np.ndarray:
    """
    Calculate jackknife estimate of variance.

    Wikipedia:
    https://en.wikipedia.org/wiki/Jackknife_resampling

    Parameters
    ----------
    sample : array-like
        Sample. Must be one-dimensional.

    fcn : callable
        Estimator. Can be any mapping ℝⁿ → ℝᵏ, where n is the sample size
        and k is the length of the output array.

    Returns
    -------
    np.ndarray
        Jackknife estimate of variance.
    """
    # formula is (n - 1) / n * sum((fj - mean(fj)) ** 2)
    #   = np.var(fj, ddof=0) * (n - 1)
    thetas = jackknife(sample, fcn)
    n = len(sample)
    return (n - 1) * np.var(thetas, ddof=0, axis=0)


def empirical_influence(sample: Sequence, fcn: Callable) -> np.ndarray:
    """
    Calculate the empirical influence function for a given sample and estimator
    using the jackknife method.

    Parameters
    ----------
    sample : array-like
        Sample. Must be one-dimensional.

    fcn : callable
        Estimator. Can be any mapping ℝⁿ → ℝᵏ, where n is the sample size
        and k is the length of the output array.

    Returns
    -------
    np.ndarray
        Empirical influence values.
    """
    n = len(sample)
    return (n - 1) * (fcn(sample) - jackknife(sample, fcn))


@nb.njit
def _resample(sample: np.ndarray) -> np.ndarray:
    """
    Numba implementation of jackknife resampling.
    """
    n = len(sample)
    x = np.empty((n - 1, *sample.shape[1:]), dtype=sample.dtype)
    for i in range(n - 1):
        x[i] = sample[1 + i]
    # yield x0
    yield x.view(x.dtype)  # must return view to avoid a numba life-time bug

    # update of x needs to change values only up to i
    # for a = [0, 1, 2, 3]
    # x0 = [1, 2, 3] (yielded above)
    # x1 = [0, 2, 3]
    # x2 = [0, 1, 3]
    # x3 = [0, 1, 2]
    for i in range(1, n):
        for j in range(i):
            x[j] = sample[j]
        yield x.view(x.dtype)  # must return view to avoid a numba life-time bug


# ---- harness (not part of the program) ----
ENTRY = "resample_jackknife"


def _mean_and_std(x):
    return np.array([np.mean(x), np.std(x)])


def resample_jackknife(x, x2d, xi):
    out = {}
    for name, fcn in (("mean", np.mean), ("var", np.var), ("mean_std", _mean_and_std)):
        out[name] = (jackknife(x, fcn), bias(x, fcn), bias_corrected(x, fcn),
                     variance(x, fcn), empirical_influence(x, fcn))
    out["rows"] = jackknife(x2d, lambda s: np.mean(s, axis=0))
    out["rows_variance"] = variance(x2d, lambda s: np.mean(s, axis=0))
    out["ints"] = jackknife(xi, np.sum)
    out["raw"] = [r.copy() for r in resample((1, 2, 3))]
    return out


def inputs():
    rng = np.random.default_rng(0)
    x = rng.normal(1.0, 2.0, size=40)
    x2d = rng.normal(size=(25, 3))
    xi = rng.integers(0, 10, size=12)
    return (x, x2d, xi)
