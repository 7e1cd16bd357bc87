# Source: JoeZiminski/spikeinterface src/spikeinterface/postprocessing/correlograms.py (at commit 35a51cb9), a fork of SpikeInterface/spikeinterface whose numba section is that of upstream's correlograms.py of the SortingAnalyzer era (upstream also adds eager signatures to the three jitted functions)
# Licence: MIT (SpikeInterface, LICENSE; Copyright (c) 2019 SpikeInterface)
# Notes: auto- and cross-correlograms of all sorted units of an extracellular recording (neuroscience, spike sorting post-processing; numba implementation by Aurélien Wyngaard): _compute_correlograms_numba (@numba.jit(nopython=True, nogil=True, cache=False, parallel=True)) loops numba.prange over units, selects each unit's spike times with a boolean mask spike_times[spike_labels == i], and for j >= i adds the jitted _compute_autocorr_numba (brute-force pair loop with break, int(math.floor(diff / bin_size)) binning of +diff and -diff) or _compute_crosscorr_numba (sliding start_j with continue/break) into correlograms[i, j, :] and the reversed slice cc[::-1] into correlograms[j, i, :]; it fills the int64 (units, units, bins) array in place and returns None (each prange iteration writes only rows i and the (j, i) pairs with j > i, so the result does not depend on the schedule). Pasted: the try/except numba import (HAVE_NUMBA) with `import math` and numpy, and the `if HAVE_NUMBA:` block with the three jitted functions; left out: the AnalyzerExtension class, the NumPy implementation, the sparse experiment and the spikeinterface.core imports; the harness passes what compute_correlograms_numba passes for one segment (spike samples as int64, unit indices as int32, window and bin in samples as for window_ms=50, bin_ms=1 at 30 kHz)
from __future__ import annotations
import math
import numpy as np

try:
    import numba

    HAVE_NUMBA = True
except ModuleNotFoundError as err:
    HAVE_NUMBA = False


if HAVE_NUMBA:

    @numba.jit(nopython=True, nogil=True, cache=False)
    def _compute_autocorr_numba(spike_times, window_size, bin_size):
        num_half_bins = window_size // bin_size
        num_bins = 2 * num_half_bins

        auto_corr = np.zeros(num_bins, dtype=np.int64)

        for i in range(len(spike_times)):
            for j in range(i + 1, len(spike_times)):
                diff = spike_times[j] - spike_times[i]

                if diff > window_size:
                    break

                bin = int(math.floor(diff / bin_size))
                # ~ auto_corr[num_bins//2 - bin - 1] += 1
                auto_corr[num_half_bins + bin] += 1
                # ~ print(diff, bin, num_half_bins + bin)

                bin = int(math.floor(-diff / bin_size))
                auto_corr[num_half_bins + bin] += 1
                # ~ print(diff, bin, num_half_bins + bin)

        return auto_corr

    @numba.jit(nopython=True, nogil=True, cache=False)
    def _compute_crosscorr_numba(spike_times1, spike_times2, window_size, bin_size):
        num_half_bins = window_size // bin_size
        num_bins = 2 * num_half_bins

        cross_corr = np.zeros(num_bins, dtype=np.int64)

        start_j = 0
        for i in range(len(spike_times1)):
            for j in range(start_j, len(spike_times2)):
                diff = spike_times1[i] - spike_times2[j]

                if diff >= window_size:
                    start_j += 1
                    continue
                if diff < -window_size:
                    break

                bin = int(math.floor(diff / bin_size))
                # ~ bin = diff // bin_size
                cross_corr[num_half_bins + bin] += 1
                # ~ print(diff, bin, num_half_bins + bin)

        return cross_corr

    @numba.jit(
        nopython=True,
        nogil=True,
        cache=False,
        parallel=True,
    )
    def _compute_correlograms_numba(correlograms, spike_times, spike_labels, window_size, bin_size):
        n_units = correlograms.shape[0]

        for i in numba.prange(n_units):
            # ~ for i in range(n_units):
            spike_times1 = spike_times[spike_labels == i]

            for j in range(i, n_units):
                spike_times2 = spike_times[spike_labels == j]

                if i == j:
                    correlograms[i, j, :] += _compute_autocorr_numba(spike_times1, window_size, bin_size)
                else:
                    cc = _compute_crosscorr_numba(spike_times1, spike_times2, window_size, bin_size)
                    correlograms[i, j, :] += cc
                    correlograms[j, i, :] += cc[::-1]

# ---- harness (not part of the program) ----
ENTRY = "_compute_correlograms_numba"


def inputs():
    # one segment of a sorting: 5 units firing at 5-25 Hz for 4 s at 30 kHz,
    # merged into the time-sorted spike vector (sample_index, unit_index) as
    # sorting.to_spike_vector() gives; _make_bins(window_ms=50, bin_ms=1)
    # gives window_size = 750 and bin_size = 30 samples, so 50 bins
    rng = np.random.default_rng(0)
    fs = 30000
    n_units = 5
    times = []
    labels = []
    for u in range(n_units):
        n = int(rng.integers(20, 100))
        t = np.sort(rng.integers(0, 4 * fs, n))
        times.append(t)
        labels.append(np.full(n, u))
    times = np.concatenate(times)
    labels = np.concatenate(labels)
    order = np.argsort(times, kind="stable")
    spike_times = times[order].astype(np.int64)
    spike_labels = labels[order].astype(np.int32)
    window_size = 750
    bin_size = 30
    num_bins = 2 * int(window_size / bin_size)
    correlograms = np.zeros((n_units, n_units, num_bins), dtype=np.int64)
    return (correlograms, spike_times, spike_labels, window_size, bin_size)
