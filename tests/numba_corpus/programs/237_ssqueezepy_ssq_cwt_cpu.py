# Source: OverLordGoldDragon/ssqueezepy ssqueezepy/algos.py (at commit 08579b92)
# Licence: MIT (ssqueezepy, LICENSE; Copyright (c) 2020 John Muradeli)
# Notes: the CPU kernels of synchrosqueezing (time-frequency reassignment of a continuous wavelet transform): phase_cwt_cpu (plain Python) picks the dtype from Wx.dtype == np.complex64, allocates the output and calls @jit(nopython=True) _phase_cwt, which computes the instantaneous frequency |Im(dWx/Wx)| / 2pi from the .real/.imag parts of two complex128 matrices (tuple unpacking, abs of a complex number compared with a 0-d array gamma, np.inf where the coefficient is negligible); the harness then runs what indexed_sum_onfly(..., logscale=True, flipud=True) does on the CPU for log-spaced frequencies: @jit(nopython=True, cache=True) _indexed_sum_log, called with keyword arguments, skips np.isinf entries, maps each frequency to a bin with int(min(round(max((np.log2(w) - vlmin) / dvl, 0)), omax)) (round of a float, min/max of an int and a float), flips it (flipud default argument) and accumulates complex products Wx[i, j] * const[i] into out[k, j]. Kept from the module: its numpy/numba imports and every CPU function with the plain-Python wrappers that need nothing else (nCk, indexed_sum, phase_cwt_cpu; the parallel=True variants with prange, find_closest_brute, the find_closest_* kernels, the replacers and _min_neglect_idx); left out: the GPU half (the CUDA kernel strings, their torch/cupy launchers and the backend imports `asnumpy, cp, torch` and `backend as S`), the wrappers that need it or the package's other modules (indexed_sum_onfly, _process_ssq_params, find_closest*, _get_params_find_closest_log, the replace_* wrappers, find_maximum, find_first_occurrence, the trailing WARN/logscale_transition_idx imports) and the imports only they use (string.Template, collections.namedtuple)
# -*- coding: utf-8 -*-
import numpy as np
from numba import jit, prange
from functools import reduce


def nCk(n, k):
    """n-Choose-k"""
    mul = lambda a, b: a * b
    r = min(k, n - k)
    numer = reduce(mul, range(n, n - r, -1), 1)
    denom = reduce(mul, range(1, r + 1), 1)
    return numer / denom

#### `indexed_sum` ###########################################################
def indexed_sum(a, k, parallel=True):
    """Sum `a` into rows of 2D array according to indices given by 2D `k`"""
    out = np.zeros(a.shape, dtype=a.dtype)
    if parallel:
        return _indexed_sum_par(a, k, out)
    return _indexed_sum(a, k, out)


@jit(nopython=True, cache=True)
def _indexed_sum(a, k, out):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[k[i, j], j] += a[i, j]
    return out

@jit(nopython=True, cache=True, parallel=True)
def _indexed_sum_par(a, k, out):
    for j in prange(a.shape[1]):
        for i in range(a.shape[0]):
            out[k[i, j], j] += a[i, j]
    return out


@jit(nopython=True, cache=True)
def _indexed_sum_log(Wx, w, out, const, vlmin, dvl, omax, flipud=False):
    for i in range(Wx.shape[0]):
        for j in range(Wx.shape[1]):
            if np.isinf(w[i, j]):
                continue
            k = int(min(round(max((np.log2(w[i, j]) - vlmin) / dvl, 0)), omax))
            if flipud:
                k = omax - k
            out[k, j] += Wx[i, j] * const[i]

@jit(nopython=True, cache=True, parallel=True)
def _indexed_sum_log_par(Wx, w, out, const, vlmin, dvl, omax, flipud=False):
    for j in prange(Wx.shape[1]):
        for i in range(Wx.shape[0]):
            if np.isinf(w[i, j]):
                continue
            k = int(min(round(max((np.log2(w[i, j]) - vlmin) / dvl, 0)), omax))
            if flipud:
                k = omax - k
            out[k, j] += Wx[i, j] * const[i]


@jit(nopython=True, cache=True)
def _indexed_sum_log_piecewise(Wx, w, out, const, vlmin0, vlmin1, dvl0, dvl1,
                               idx1, omax, flipud=False):
    for i in range(Wx.shape[0]):
        for j in range(Wx.shape[1]):
            if np.isinf(w[i, j]):
                continue
            wl = np.log2(w[i, j])
            if wl > vlmin1:
                k = min(round((wl - vlmin1) / dvl1) + idx1, omax)
            else:
                k = round(max((wl - vlmin0) / dvl0, 0))
            if flipud:
                k = omax - k
            out[k, j] += Wx[i, j] * const[i]

@jit(nopython=True, cache=True, parallel=True)
def _indexed_sum_log_piecewise_par(Wx, w, out, const, vlmin0, vlmin1, dvl0, dvl1,
                                   idx1, omax, flipud=False):
    # it's also possible to construct the if-else logic in terms of mappables
    # of `vlmin`, `dvl`, and `idx`, which generalizes to any number of transitions
    for j in prange(Wx.shape[1]):
        for i in range(Wx.shape[0]):
            if np.isinf(w[i, j]):
                continue
            wl = np.log2(w[i, j])
            if wl > vlmin1:
                k = min(round((wl - vlmin1) / dvl1) + idx1, omax)
            else:
                k = round(max((wl - vlmin0) / dvl0, 0))
            if flipud:
                k = omax - k
            out[k, j] += Wx[i, j] * const[i]


@jit(nopython=True, cache=True)
def _indexed_sum_lin(Wx, w, out, const, vmin, dv, omax, flipud=False):
    for i in range(Wx.shape[0]):
        for j in range(Wx.shape[1]):
            if np.isinf(w[i, j]):
                continue
            k = min(round(max((w[i, j] - vmin) / dv, 0)), omax)
            if flipud:
                k = omax - k
            out[k, j] += Wx[i, j] * const[i]

@jit(nopython=True, cache=True, parallel=True)
def _indexed_sum_lin_par(Wx, w, out, const, vmin, dv, omax, flipud=False):
    for j in prange(Wx.shape[1]):
        for i in range(Wx.shape[0]):
            if np.isinf(w[i, j]):
                continue
            k = min(round(max((w[i, j] - vmin) / dv, 0)), omax)
            if flipud:
                k = omax - k
            out[k, j] += Wx[i, j] * const[i]


@jit(nopython=True, cache=True, parallel=True)
def find_closest_brute(a, v):
    """Computes exactly but exhaustively."""
    out = np.zeros(a.shape, dtype=np.int32)
    for i in prange(a.shape[0]):
        for j in prange(a.shape[1]):
            out[i, j] = np.argmin(np.abs(a[i, j] - v))
    return out


@jit(nopython=True, cache=True)
def _find_closest_log(a, out, vlmin, dvl, omax):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = min(round(max((np.log2(a[i, j]) - vlmin) / dvl, 0)), omax)

@jit(nopython=True, cache=True, parallel=True)
def _find_closest_log_par(a, out, vlmin, dvl, omax):
    for i in prange(a.shape[0]):
        for j in prange(a.shape[1]):
            out[i, j] = min(round(max((np.log2(a[i, j]) - vlmin) / dvl, 0)), omax)


@jit(nopython=True, cache=True)
def _find_closest_log_piecewise(a, out, vlmin0, vlmin1, dvl0, dvl1, idx1,
                                omax):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            al = np.log2(a[i, j])
            if al > vlmin1:
                out[i, j] = min(round((al - vlmin1) / dvl1) + idx1, omax)
            else:
                out[i, j] = round(max((al - vlmin0) / dvl0, 0))

@jit(nopython=True, cache=True, parallel=True)
def _find_closest_log_piecewise_par(a, out, vlmin0, vlmin1, dvl0, dvl1, idx1,
                                    omax):
    # it's also possible to construct the if-else logic in terms of mappables
    # of `vlmin`, `dvl`, and `idx`, which generalizes to any number of transitions
    for i in prange(a.shape[0]):
        for j in prange(a.shape[1]):
            if np.isinf(a[i, j]):
                continue
            al = np.log2(a[i, j])
            if al > vlmin1:
                out[i, j] = min(round((al - vlmin1) / dvl1) + idx1, omax)
            else:
                out[i, j] = round(max((al - vlmin0) / dvl0, 0))


@jit(nopython=True, cache=True)
def _find_closest_lin(a, out, vmin, dv, omax):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = min(round(max((a[i, j] - vmin) / dv, 0)), omax)

@jit(nopython=True, cache=True, parallel=True)
def _find_closest_lin_par(a, out, vmin, dv, omax):
    for i in prange(a.shape[0]):
        for j in prange(a.shape[1]):
            out[i, j] = min(round(max((a[i, j] - vmin) / dv, 0)), omax)


# TODO make parallel?
# TODO return None?
@jit(nopython=True, cache=True)
def _replace_at_inf_or_nan(x, ref, replacement=0.):
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            for k in range(x.shape[2]):
                if np.isinf(ref[i, j, k]) or np.isnan(ref[i, j, k]):
                    x[i, j, k] = replacement
    return x

@jit(nopython=True, cache=True)
def _replace_at_inf(x, ref, replacement=0.):
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            for k in range(x.shape[2]):
                if np.isinf(ref[i, j, k]):
                    x[i, j, k] = replacement
    return x

@jit(nopython=True, cache=True)
def _replace_at_nan(x, ref, replacement=0.):
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            for k in range(x.shape[2]):
                if np.isnan(ref[i, j, k]):
                    x[i, j, k] = replacement
    return x

@jit(nopython=True, cache=True)
def _replace_at_value(x, ref, value=0., replacement=0.):
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            for k in range(x.shape[2]):
                if ref[i, j, k] == value:
                    x[i, j, k] = replacement
    return x


@jit(nopython=True, cache=True)
def _replace_under_abs(x, ref, value=0., replacement=0.):
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
                if abs(ref[i, j]) < value:
                    x[i, j] = replacement

@jit(nopython=True, cache=True, parallel=True)
def _replace_under_abs_par(x, ref, value=0., replacement=0.):
    for i in prange(x.shape[0]):
        for j in prange(x.shape[1]):
                if abs(ref[i, j]) < value:
                    x[i, j] = replacement


#### misc (short) ############################################################
@jit(nopython=True, cache=True)
def _min_neglect_idx(arr, th=1e-12):
    """Used in utils.integrate_analytic and ._integrate_bounded."""
    for i, x in enumerate(arr):
        if x < th:
            return i
    return i


def phase_cwt_cpu(Wx, dWx, gamma, parallel=False):
    dtype = 'float32' if Wx.dtype == np.complex64 else 'float64'
    out = np.zeros(Wx.shape, dtype=dtype)
    gamma = np.asarray(gamma, dtype=dtype)

    fn = _phase_cwt_par if parallel else _phase_cwt
    fn(Wx, dWx, out, gamma)
    return out

@jit(nopython=True)
def _phase_cwt(Wx, dWx, out, gamma):
    for i in range(Wx.shape[0]):
        for j in range(Wx.shape[1]):
            if abs(Wx[i, j]) < gamma:
                out[i, j] = np.inf
            else:
                A, B = dWx[i, j].real, dWx[i, j].imag
                C, D = Wx[i, j].real,  Wx[i, j].imag
                out[i, j] = abs((B*C - A*D) / ((C**2 + D**2) * 6.283185307179586))

@jit(nopython=True, parallel=True)  # TODO cache
def _phase_cwt_par(Wx, dWx, out, gamma):
    for i in prange(Wx.shape[0]):
        for j in prange(Wx.shape[1]):
            if abs(Wx[i, j]) < gamma:
                out[i, j] = np.inf
            else:
                A, B = dWx[i, j].real, dWx[i, j].imag
                C, D = Wx[i, j].real,  Wx[i, j].imag
                out[i, j] = abs((B*C - A*D) / ((C**2 + D**2) * 6.283185307179586))

# ---- harness (not part of the program) ----


def ssq_cwt_log_cpu(Wx, dWx, ssq_freqs, const, gamma):
    # the CPU path of ssqueezing.ssqueeze for a CWT with log-scaled
    # frequencies (no piecewise transition) and squeezing='sum': the phase
    # transform, then what indexed_sum_onfly(Wx, w, ssq_freqs, const,
    # logscale=True, parallel=False, flipud=True) computes (its const
    # broadcast and cast to Wx.dtype, the parameters that
    # _get_params_find_closest_log returns, omax = len(out) - 1)
    w = phase_cwt_cpu(Wx, dWx, gamma, parallel=False)
    out = np.zeros(Wx.shape, dtype=Wx.dtype)
    const = np.array(len(Wx) * [const]).squeeze()
    const = const.astype(Wx.dtype)
    vlmin = np.log2(ssq_freqs[0])
    dvl = np.log2(ssq_freqs[1]) - np.log2(ssq_freqs[0])
    _indexed_sum_log(Wx, w, out, const=const, vlmin=vlmin, dvl=dvl,
                     omax=len(out) - 1, flipud=True)
    return w, out


ENTRY = "ssq_cwt_log_cpu"


def inputs():
    # a 1024-sample test signal (two steady tones plus a linear chirp and a
    # little noise), its analytic Morlet CWT Wx on 96 log-spaced scales and
    # the CWT of its time derivative dWx, both computed in the frequency
    # domain with NumPy's FFT as ssqueezepy's cwt(..., derivative=True)
    # does; ssq_freqs log-spaced like the scales (in cycles/sample), the
    # log-scale constant ln(2)/nv for nv = 32 voices and gamma = 10*eps
    rng = np.random.default_rng(0)
    n = 1024
    t = np.arange(n)
    x = (np.cos(2 * np.pi * 0.05 * t) + 0.7 * np.cos(2 * np.pi * 0.21 * t)
         + 0.5 * np.cos(2 * np.pi * (0.01 * t + 0.1 * t ** 2 / (2 * n)))
         + 0.05 * rng.standard_normal(n))
    nv, na = 32, 96
    scales = 2.0 ** (np.arange(na) / nv + 1.0)
    xi = 2 * np.pi * np.fft.fftfreq(n)
    mu = 6.0
    xf = np.fft.fft(x)
    psih = np.where(xi[None, :] > 0,
                    np.exp(-0.5 * (scales[:, None] * xi[None, :] - mu) ** 2),
                    0.0) * 2.0
    Wx = np.fft.ifft(xf[None, :] * psih, axis=1)
    dWx = np.fft.ifft(xf[None, :] * psih * (1j * xi[None, :]), axis=1)
    ssq_freqs = (mu / (2 * np.pi)) / scales[::-1]
    const = np.log(2) / nv
    gamma = 10 * np.finfo(np.float64).eps
    return (Wx, dWx, ssq_freqs, const, gamma)
