# Source: FRBs/sigpyproc3 sigpyproc/core/kernels.py (at commit 0360e087)
# Licence: MIT (sigpyproc3, LICENSE; Copyright (c) 2012-2019 Ewan Barr, Copyright (c) 2020-2026 Pravir Kumar)
# Notes: folding of a dedispersed radio filterbank at a trial pulsar period and acceleration into a (subintegration x subband x phase-bin) profile cube, as sigpyproc's Filterbank.fold does gulp by gulp: fold is @njit with a list of two eager signature strings ("void(u1[:], f4[:], i4[:], i4[:], i4, f4, f4, f4, i4, ...)" and the same with f4[:] data), so Python ints and floats are converted to int32/float32 at the call, and cache=True; it reads the module constant CONST_C_VAL for the acceleration (Doppler) correction of the phase, takes abs(int(phase)) % nbins, divides ints by the float factors total_nsamps / nints and nchans / nsubs (so subint, pos1 and sub_band are floats built with //), converts back with int(pos1 + ...), indexes the channel-interleaved data through per-channel dispersion delays, and accumulates into float32 and int32 output arrays in place. Pasted with the module's `from __future__ import annotations`, its imports and CONST_C_VAL, together with the module's other kernels that use the constant or work on the folded time series (resample_tim with a single eager signature and a conditional expression on len(array), and sum_harmonics, with list comprehensions over two ranges turned into np.array(..., dtype=np.int32)); left out: the other kernels of the file (bit packing and unpacking made through packunpack_njit wrappers, downsampling, dedispersion, RFI masking, spectral whitening on complex64 spectra, online moments on a structured dtype, detrending)
from __future__ import annotations

import numpy as np
from numba import njit, prange, types

CONST_C_VAL = 299792458.0  # Speed of light in m/s (astropy.constants.c.value)


@njit(
    [
        "void(u1[:], f4[:], i4[:], i4[:], i4, f4, f4, f4, i4, i4, i4, i4, i4, i4, i4)",
        "void(f4[:], f4[:], i4[:], i4[:], i4, f4, f4, f4, i4, i4, i4, i4, i4, i4, i4)",
    ],
    cache=True,
)
def fold(
    inarray: np.ndarray,
    fold_ar: np.ndarray,
    count_ar: np.ndarray,
    delays: np.ndarray,
    maxdelay: int,
    tsamp: float,
    period: float,
    accel: float,
    total_nsamps: int,
    nsamps: int,
    nchans: int,
    nbins: int,
    nints: int,
    nsubs: int,
    index: int,
) -> None:
    factor1 = total_nsamps / nints
    factor2 = nchans / nsubs
    tobs = total_nsamps * tsamp
    for isamp in range(nsamps - maxdelay):
        tj = (isamp + index) * tsamp
        phase = (
            nbins * tj * (1 + accel * (tj - tobs) / (2 * CONST_C_VAL)) / period + 0.5
        )
        phasebin = abs(int(phase)) % nbins
        subint = (isamp + index) // factor1
        pos1 = (subint * nbins * nsubs) + phasebin

        for ichan in range(nchans):
            sub_band = ichan // factor2
            pos2 = int(pos1 + (sub_band * nbins))
            val = inarray[nchans * (isamp + delays[ichan]) + ichan]
            fold_ar[pos2] += val
            count_ar[pos2] += 1


@njit("f4[:](f4[:], f4, f4)", cache=True)
def resample_tim(array: np.ndarray, accel: float, tsamp: float) -> np.ndarray:
    nsamps = len(array) - 1 if accel > 0 else len(array)
    resampled = np.zeros(nsamps, dtype=array.dtype)

    partial_calc = (accel * tsamp) / (2 * CONST_C_VAL)
    tot_drift = partial_calc * (nsamps // 2) ** 2
    last_bin = 0
    for ii in range(nsamps):
        index = int(ii + partial_calc * (ii - nsamps // 2) ** 2 - tot_drift)
        resampled[index] = array[ii]
        if index - last_bin > 1:
            resampled[index - 1] = array[ii]
        last_bin = index
    return resampled


@njit("f4[:,:](f4[:], i8)", cache=True, fastmath=True)
def sum_harmonics(pow_spec: np.ndarray, nfolds: int) -> np.ndarray:
    nfreqs = len(pow_spec)
    sum_arr = np.zeros((nfolds, nfreqs), dtype=np.float32)
    harm_sum = pow_spec.copy()
    nfold1 = 0  # int(self.header.tsamp*2*self.size/maxperiod)
    for iff in range(nfolds):
        nharm = 2 ** (iff + 1)
        nfoldi = int(max(1, min(nharm * nfold1 - nharm // 2, nfreqs)))
        harm_arr = np.array(
            [kk * ll // nharm for ll in range(nharm) for kk in range(1, nharm, 2)],
            dtype=np.int32,
        )

        facts_ar = np.array(
            [(kk * nfoldi + nharm // 2) // nharm for kk in range(1, nharm, 2)],
            dtype=np.int32,
        )
        for ifold in range(nfoldi, nfreqs - (nharm - 1), nharm):
            for iharm in range(nharm):
                for kk in range(nharm // 2):
                    harm_sum[ifold + iharm] += pow_spec[
                        facts_ar[kk] + harm_arr[iharm * nharm // 2 + kk]
                    ]
            for kk in range(nharm // 2):
                facts_ar[kk] += 2 * kk + 1
        sum_arr[iff] = harm_sum
    return sum_arr

# ---- harness (not part of the program) ----
ENTRY = "fold"


def inputs():
    # what Filterbank.fold(period, dm, accel, nbins=32, nints=8, nbands=8)
    # hands to the kernel for the first gulp of a 32-channel float32
    # filterbank of 2048 samples (tsamp = 256 us, 1400-1500 MHz, highest
    # channel first): the channel delays in samples that
    # header.get_dmdelays(dm) gives for DM = 60 (int32, 4.148808e3 *
    # DM * (f**-2 - f_max**-2) / tsamp), max_delay = their maximum, zeroed
    # float32 / int32 output cubes of nbins * nints * nbands, and a pulsar
    # of period 0.0337 s with a small acceleration, dispersed by the same
    # delays, on Gaussian noise; data flattened sample-major as read_plan
    # yields it
    rng = np.random.default_rng(0)
    nchans, nsamps, tsamp = 32, 2048, 0.000256
    period, dm, accel = 0.0337, 60.0, 5.0
    nbins, nints, nbands = 32, 8, 8
    freqs = 1500.0 - np.arange(nchans) * (100.0 / nchans)
    delays = np.round(4.148808e3 * dm * (freqs ** -2 - freqs[0] ** -2)
                      / tsamp).astype(np.int32)
    max_delay = int(delays.max())
    t = np.arange(nsamps)[:, None] - delays[None, :]
    phase = (t * tsamp / period) % 1.0
    pulse = 4.0 * np.exp(-0.5 * ((phase - 0.5) / 0.03) ** 2)
    data = (rng.standard_normal((nsamps, nchans)) + pulse).astype(np.float32)
    fold_ar = np.zeros(nbins * nints * nbands, dtype="float32")
    count_ar = np.zeros(nbins * nints * nbands, dtype="int32")
    return (data.ravel(), fold_ar, count_ar, delays, max_delay, tsamp, period,
            accel, nsamps, nsamps, nchans, nbins, nints, nbands, 0)
