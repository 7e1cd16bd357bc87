# Source: landoskape/vrAnalysis faststats/_numba.py (at commit 260aff72)
# Licence: MIT (vrAnalysis, LICENSE; Copyright (c) 2023 Andrew Landau)
# Notes: the numba back end of vrAnalysis's `faststats` (fast per-row statistics for large neural-imaging arrays): fourteen @nb.njit(parallel=True) kernels, each allocating np.zeros(data.shape[0]) and filling it in an nb.prange loop with one NumPy reduction of the row data[n] (np.ptp, np.percentile / np.nanpercentile / np.quantile / np.nanquantile with a scalar q, np.median, np.average, np.mean, np.std, np.var, np.nanmedian, np.nanmean, np.nanstd, np.nanvar). Pasted: the whole module. The Python front end faststats/faststats.py (which reshapes the data with np.moveaxis/np.reshape and looks the kernels up by name) imports a `utils` module that is not in the published tree, so the harness does that reshaping itself, as faststat() does, for a (7, 5, 64) array reduced along its last axis and along axis 0, with NaNs sprinkled in for the nan* kernels (np.random.default_rng(0))
import numpy as np
import numba as nb


@nb.njit(parallel=True)
def _numba_ptp(data):
    """numba speed up for ptp"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.ptp(data[n])
    return output


@nb.njit(parallel=True)
def _numba_percentile(data, q):
    """numba speed up for percentile"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.percentile(data[n], q)
    return output


@nb.njit(parallel=True)
def _numba_nanpercentile(data, q):
    """numba speed up for nanpercentile"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.nanpercentile(data[n], q)
    return output


@nb.njit(parallel=True)
def _numba_quantile(data, q):
    """numba speed up for quantile"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.quantile(data[n], q)
    return output


@nb.njit(parallel=True)
def _numba_nanquantile(data, q):
    """numba speed up for nanquantile"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.nanquantile(data[n], q)
    return output


@nb.njit(parallel=True)
def _numba_median(data):
    """numba speed up for median"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.median(data[n])
    return output


@nb.njit(parallel=True)
def _numba_average(data):
    """numba speed up for average"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.average(data[n])
    return output


@nb.njit(parallel=True)
def _numba_mean(data):
    """numba speed up for mean"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.mean(data[n])
    return output


@nb.njit(parallel=True)
def _numba_std(data):
    """numba speed up for nanstd"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.std(data[n])
    return output


@nb.njit(parallel=True)
def _numba_var(data):
    """numba speed up for nanvar"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.var(data[n])
    return output


@nb.njit(parallel=True)
def _numba_nanmedian(data):
    """numba speed up for nanmedian"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.nanmedian(data[n])
    return output


@nb.njit(parallel=True)
def _numba_nanmean(data):
    """numba speed up for nanmean"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.nanmean(data[n])
    return output


@nb.njit(parallel=True)
def _numba_nanstd(data):
    """numba speed up for nanstd"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.nanstd(data[n])
    return output


@nb.njit(parallel=True)
def _numba_nanvar(data):
    """numba speed up for nanvar"""
    output = np.zeros(data.shape[0])
    for n in nb.prange(data.shape[0]):
        output[n] = np.nanvar(data[n])
    return output
# ---- harness (not part of the program) ----
ENTRY = "faststats_reductions"


def faststats_reductions(data, data_nan):
    out = {}
    plain = [_numba_ptp, _numba_median, _numba_average, _numba_mean, _numba_std, _numba_var]
    nans = [_numba_nanmedian, _numba_nanmean, _numba_nanstd, _numba_nanvar]
    for axis in (-1, 0):
        # as faststat() does: move the reduced axis last and flatten the rest
        rows = np.reshape(np.moveaxis(data, axis, -1), (-1, data.shape[axis]))
        rows_nan = np.reshape(np.moveaxis(data_nan, axis, -1), (-1, data.shape[axis]))
        res = {}
        for f in plain:
            res[f.__name__] = f(rows)
        for f in nans:
            res[f.__name__] = f(rows_nan)
        res["percentile"] = _numba_percentile(rows, 37.5)
        res["quantile"] = _numba_quantile(rows, 0.9)
        res["nanpercentile"] = _numba_nanpercentile(rows_nan, 12.0)
        res["nanquantile"] = _numba_nanquantile(rows_nan, 0.25)
        out["axis%d" % axis] = res
    return out


def inputs():
    rng = np.random.default_rng(0)
    data = rng.standard_normal((7, 5, 64))
    data_nan = data.copy()
    data_nan[rng.random(data.shape) < 0.1] = np.nan
    return (data, data_nan)
