# Source: noisepy/NoisePy src/noisepy/seis/noise_module.py (at commit 058e4da3)
# Licence: MIT (NoisePy, LICENSE; Copyright (c) 2019 Marine Denolle & Chengxin Jiang)
# Notes: sub-sample re-alignment of a seismic trace whose start time falls between sampling points, a step of NoisePy's ambient-noise preprocessing before cross-correlation (seismology): segment_interpolate (@jit with the eager signature string "float32[:](float32[:],float32)", nopython=True) allocates np.zeros(npts, dtype=np.float32) and fills it in a loop, copying the two edge samples and otherwise blending each sample with the next one by the fractional offset nfric (float32 arithmetic throughout). Pasted: the module's leading comment lines, its numpy and `from numba import jit` imports, the descriptive module string that follows the logger, and segment_interpolate; left out: everything else in the module (the plain-Python preprocessing, whitening, correlation and stacking functions, and the datetime, glob, logging, os, obspy, pandas, scipy and package-relative imports and the logger they use); the harness passes what preprocess_raw passes after downsampling: np.float32 of a 20 Hz trace (5 minutes of band-limited noise plus a small transient) and float(fric / (delta * 1e6)) for a start time 15 ms after a sample of a 50 ms grid (0.3), converted to float32 by the signature
# noisemodule.py
# This file is excluded from this check because it contains two modules with
# the same name but different inputs
# noqa: F811

import numpy as np
from numba import jit

"""
This VERY LONG noise module file is necessary to keep the NoisePy working properly. In general,
the modules are organized based on their functionality in the following way. it includes:

1) core functions called directly by the main NoisePy scripts;
2) utility functions used by the core functions;
3) monitoring functions representing different methods to measure dv/v;
4) monitoring utility functions used by the monitoring functions.

by: Chengxin Jiang (chengxin_jiang@fas.harvard.edu)
    Marine Denolle (mdenolle@uw.edu)

several utility functions are modified based on https://github.com/tclements/noise
"""


@jit("float32[:](float32[:],float32)", nopython=True)
def segment_interpolate(sig1, nfric):
    """
    this function interpolates the data to ensure all points located on interger times of the
    sampling rate (e.g., starttime = 00:00:00.015, delta = 0.05.)
    PARAMETERS:
    ----------------------
    sig1:  seismic recordings in a 1D array
    nfric: the amount of time difference between the point and the adjacent assumed samples
    RETURNS:
    ----------------------
    sig2:  interpolated seismic recordings on the sampling points
    """
    npts = len(sig1)
    sig2 = np.zeros(npts, dtype=np.float32)

    # ----instead of shifting, do a interpolation------
    for ii in range(npts):
        # ----deal with edges-----
        if ii == 0 or ii == npts - 1:
            sig2[ii] = sig1[ii]
        else:
            # ------interpolate using a hat function------
            sig2[ii] = (1 - nfric) * sig1[ii + 1] + nfric * sig1[ii]

    return sig2
# ---- harness (not part of the program) ----
ENTRY = "segment_interpolate"


def inputs():
    # 5 minutes at 20 Hz: smoothed white noise (microseism-like band) plus a
    # decaying 2 Hz transient, as float32; the start time is 15 ms after a
    # sample on the 50 ms grid, fric / (delta * 1e6) = 15000 / 50000 = 0.3
    rng = np.random.default_rng(0)
    sps, npts = 20, 20 * 300
    t = np.arange(npts) / sps
    noise = np.convolve(rng.standard_normal(npts + 40), np.hanning(41), "valid")
    transient = 5.0 * np.exp(-(t - 120.0).clip(0) / 8.0) * np.sin(2 * np.pi * 2.0 * t) * (t > 120.0)
    data = np.float32(noise + transient)
    delta = 1.0 / sps
    fric = 15000.0
    return (data, float(fric / (delta * 1e6)))
