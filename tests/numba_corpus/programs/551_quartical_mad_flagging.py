# Source: ratt-ru/QuartiCal quartical/flagging/flagging_kernels.py (at commit 01d9e369)
# Licence: MIT (QuartiCal, LICENSE; Copyright (c) 2022 Jonathan Simon Kenyon)
# Notes: robust outlier flagging of radio-interferometric calibration residuals: weighted residual amplitudes sqrt(conj(r) * w * r), the median and median absolute deviation (MAD) of the unflagged values per baseline (both antenna orderings) and over all data, and new flags where a visibility deviates from its baseline or global median by more than a threshold times 1.4826 * MAD, or where a whole baseline's MAD is an outlier among the baseline MADs; Numba features: @jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True), complex128 arithmetic with .conjugate() and .real, np.zeros with dtype=resid_arr.real.dtype / wres.dtype / np.int8, np.where on a compound boolean expression ((a1 == a) & (a2 == b)) | (...), `if not bl_sel.size`, fancy row selection flags[bl_sel].ravel() and wres[bl_sel, :, c].ravel(), indexing with the tuple returned by np.where (bl_wres[unflagged_sel]), np.median of gathered values, Ellipsis indexing wres[..., c].flatten(), a 6-D result array, boolean-mask selection bl_mad.flatten()[bl_mad.flatten() > 0], whole-array and whole-row int8 assignment (flags[:] = 1, flags[row] = 1) and tuple unpacking of two array elements. Pasted: the whole module as published; the harness builds 4 time steps of the 10 baselines of 5 antennas (40 rows, some with swapped antenna order), 8 channels and 2 correlations of complex Gaussian residuals with a few injected outliers and a bad baseline, weights and 5% random input flags, and runs the four kernels with loose and tight thresholds
import numpy as np
from numba import jit


@jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True)
def compute_whitened_residual(resid_arr, weights):

    n_row, n_chan, n_corr = resid_arr.shape

    wres = np.zeros((n_row, n_chan, n_corr), dtype=resid_arr.real.dtype)

    for r in range(n_row):
        for f in range(n_chan):
            for c in range(n_corr):

                r_rfc = resid_arr[r, f, c]
                r_rfc_conj = r_rfc.conjugate()
                w_rfc = weights[r, f, c]

                wres[r, f, c] = np.sqrt((r_rfc_conj * w_rfc * r_rfc).real)

    return wres


@jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True)
def compute_bl_mad_and_med(wres, flags, a1, a2, n_ant):

    n_corr = wres.shape[-1]

    # TODO: Make this a bl dim array, with computed indices.
    mad_and_med = np.zeros((1, 1, n_ant, n_ant, n_corr, 2), dtype=wres.dtype)

    for a in range(n_ant):
        for b in range(a + 1, n_ant):

            bl_sel = \
                np.where(((a1 == a) & (a2 == b)) | ((a1 == b) & (a2 == a)))[0]

            if not bl_sel.size:  # Missing baseline.
                continue

            bl_flags = flags[bl_sel].ravel()
            unflagged_sel = np.where(bl_flags == 0)

            if unflagged_sel[0].size:  # Not fully flagged.
                for c in range(n_corr):

                    bl_wres = wres[bl_sel, :, c].ravel()

                    bl_median = np.median(bl_wres[unflagged_sel])
                    bl_mad = \
                        np.median(np.abs(bl_wres - bl_median)[unflagged_sel])
                    mad_and_med[0, 0, a, b, c, 0] = bl_mad
                    mad_and_med[0, 0, a, b, c, 1] = bl_median

    return mad_and_med


@jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True)
def compute_gbl_mad_and_med(wres, flags):

    n_corr = wres.shape[-1]

    mad_and_med = np.zeros((1, 1, n_corr, 2), dtype=wres.dtype)

    unflagged_sel = np.where(flags.flatten() == 0)

    if unflagged_sel[0].size:  # We have unflagged data.
        for c in range(n_corr):
            gbl_chisq = wres[..., c].flatten()

            gbl_median = np.median(gbl_chisq[unflagged_sel])
            gbl_mad = np.median(np.abs(gbl_chisq - gbl_median)[unflagged_sel])

            mad_and_med[0, 0, c, 0] = gbl_mad
            mad_and_med[0, 0, c, 1] = gbl_median

    return mad_and_med


@jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True)
def compute_mad_flags(
    wres,
    gbl_mad_and_med,
    bl_mad_and_med,
    ant1,
    ant2,
    gbl_threshold,
    bl_threshold,
    max_deviation
):

    n_row, n_chan, n_corr = wres.shape

    flags = np.zeros((n_row, n_chan), dtype=np.int8)

    scale_factor = 1.4826

    for corr in range(n_corr):

        gbl_mad = gbl_mad_and_med[0, 0, corr, 0]
        gbl_med = gbl_mad_and_med[0, 0, corr, 1]
        bl_mad = bl_mad_and_med[0, 0, :, :, corr, 0]
        bl_med = bl_mad_and_med[0, 0, :, :, corr, 1]

        if gbl_mad == 0:  # Indicates that all data was flagged.
            flags[:] = 1
            continue

        gbl_std = scale_factor * gbl_mad  # MAD to standard deviation.
        gbl_cutoff = gbl_threshold * gbl_std

        # This is the MAD estimate of the baseline MAD estimates. We want to
        # use this to find bad baselines.
        valid_bl_mad = bl_mad.flatten()[bl_mad.flatten() > 0]
        valid_bl_mad_median = np.median(valid_bl_mad)
        bl_mad_mad = np.median(np.abs(valid_bl_mad - valid_bl_mad_median))

        for row in range(n_row):

            a1_m, a2_m = ant1[row], ant2[row]

            mad_pq = bl_mad[a1_m, a2_m]
            med_pq = bl_med[a1_m, a2_m]

            bl_mad_deviation = np.abs(mad_pq - valid_bl_mad_median)/bl_mad_mad

            if bl_mad_deviation > max_deviation:
                flags[row] = 1
                continue

            bl_std = scale_factor * mad_pq
            bl_cutoff = bl_threshold * bl_std

            for chan in range(n_chan):

                if np.abs(wres[row, chan, corr] - med_pq) > bl_cutoff:
                    flags[row, chan] = 1

                if np.abs(wres[row, chan, corr] - gbl_med) > gbl_cutoff:
                    flags[row, chan] = 1

    return flags
# ---- harness (not part of the program) ----
ENTRY = "run_flagging"


def run_flagging(resid, weights, flags, a1, a2, n_ant):
    wres = compute_whitened_residual(resid, weights)
    bl = compute_bl_mad_and_med(wres, flags, a1, a2, n_ant)
    gbl = compute_gbl_mad_and_med(wres, flags)
    loose = compute_mad_flags(wres, gbl, bl, a1, a2, 10.0, 10.0, 10.0)
    tight = compute_mad_flags(wres, gbl, bl, a1, a2, 3.0, 3.0, 2.0)
    all_flagged = compute_gbl_mad_and_med(wres, np.ones_like(flags))
    return wres, bl, gbl, loose, tight, all_flagged


def inputs():
    rng = np.random.default_rng(0)
    n_ant, n_time, n_chan, n_corr = 5, 4, 8, 2
    pairs = [(p, q) for p in range(n_ant) for q in range(p + 1, n_ant)]
    a1 = np.array([p for _ in range(n_time) for p, q in pairs], dtype=np.int64)
    a2 = np.array([q for _ in range(n_time) for p, q in pairs], dtype=np.int64)
    swap = rng.random(a1.size) < 0.2
    a1[swap], a2[swap] = a2[swap].copy(), a1[swap].copy()
    n_row = a1.size
    resid = (rng.normal(size=(n_row, n_chan, n_corr))
             + 1j * rng.normal(size=(n_row, n_chan, n_corr)))
    resid[3, 2, 0] += 25.0
    resid[17, 5, 1] -= 30.0j
    bad = ((a1 == 1) & (a2 == 3)) | ((a1 == 3) & (a2 == 1))
    resid[bad] *= 6.0
    weights = rng.uniform(0.5, 2.0, (n_row, n_chan, n_corr))
    flags = (rng.random((n_row, n_chan)) < 0.05).astype(np.int8)
    return (resid, weights, flags, a1, a2, n_ant)
