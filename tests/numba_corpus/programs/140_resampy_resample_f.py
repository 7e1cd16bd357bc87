# Source: bmcfee/resampy resampy/interpn.py
# Licence: ISC (resampy, LICENSE; Copyright (c) 2016, Brian McFee)
# Notes: band-limited sinc interpolation (Smith's resampler) of multichannel audio: one plain function made into two jitted ones with numba.jit(nopython=True, nogil=True, parallel=True/False)(f), a numba.prange loop over output samples, int() truncation, builtin min of ints, y[t] += weight * x[n - i] on rows of 2-D arrays, a float default argument (the version of the file before the guvectorize rewrite)
#!/usr/bin/env python
'''Numba implementation of resampler'''

import numba


def _resample_f(x, y, t_out, interp_win, interp_delta, num_table, scale=1.0):

    index_step = int(scale * num_table)
    time_register = 0.0

    n = 0
    frac = 0.0
    index_frac = 0.0
    offset = 0
    eta = 0.0
    weight = 0.0

    nwin = interp_win.shape[0]
    n_orig = x.shape[0]
    n_out = t_out.shape[0]

    for t in numba.prange(n_out):
        time_register = t_out[t]

        # Grab the top bits as an index to the input buffer
        n = int(time_register)

        # Grab the fractional component of the time index
        frac = scale * (time_register - n)

        # Offset into the filter
        index_frac = frac * num_table
        offset = int(index_frac)

        # Interpolation factor
        eta = index_frac - offset

        # Compute the left wing of the filter response
        i_max = min(n + 1, (nwin - offset) // index_step)
        for i in range(i_max):

            weight = (interp_win[offset + i * index_step] + eta * interp_delta[offset + i * index_step])
            y[t] += weight * x[n-i]

        # Invert P
        frac = scale - frac

        # Offset into the filter
        index_frac = frac * num_table
        offset = int(index_frac)

        # Interpolation factor
        eta = index_frac - offset

        # Compute the right wing of the filter response
        k_max = min(n_orig - n - 1, (nwin - offset) // index_step)
        for k in range(k_max):
            weight = (interp_win[offset + k * index_step] + eta * interp_delta[offset + k * index_step])
            y[t] += weight * x[n + k + 1]

resample_f_p = numba.jit(nopython=True, nogil=True, parallel=True)(_resample_f)
resample_f_s = numba.jit(nopython=True, nogil=True, parallel=False)(_resample_f)

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "resample_f_p"


def inputs():
    # what resampy.resample(x, 22050, 16000, axis=0) passes for a
    # 2-channel signal: a Hann-windowed sinc table (16 zero crossings,
    # 2**9 entries per crossing, scaled by the ratio as make_window does),
    # its forward differences, and the output time grid in input samples
    sr_orig, sr_new = 22050, 16000
    ratio = sr_new / sr_orig
    num_zeros, num_table = 16, 2 ** 9
    n = num_zeros * num_table
    rolloff = 0.945
    sinc_win = rolloff * np.sinc(rolloff * np.linspace(0, num_zeros, num=n + 1))
    taper = np.hanning(2 * n + 1)[n:]
    interp_win = ratio * taper * sinc_win
    interp_delta = np.zeros_like(interp_win)
    interp_delta[:-1] = np.diff(interp_win)
    t = np.arange(1500) / sr_orig
    x = np.column_stack((np.sin(2 * np.pi * 440.0 * t),
                         np.sign(np.sin(2 * np.pi * 97.0 * t))))
    n_out = int(x.shape[0] * ratio)
    y = np.zeros((n_out, 2))
    t_out = np.arange(n_out) / ratio
    return (x, y, t_out, interp_win, interp_delta, num_table, min(1.0, ratio))
