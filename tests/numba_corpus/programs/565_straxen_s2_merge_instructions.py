# Source: XENONnT/straxen straxen/plugins/merged_s2s/merged_s2s.py (at commit 0099f388)
# Licence: BSD-3-Clause (straxen, LICENSE; Copyright (c) 2018, The straxen contributors and the XENON collaboration)
# Notes: deciding which S2 "peaklets" of the XENONnT dark-matter detector to merge into single peaks (particle physics / detector signal processing): gaps between consecutive peaklets are visited from the smallest up (a stable argsort), and neighbouring groups are merged while the merged area stays below a maximum, the gap stays below an area-dependent threshold (linear interpolation in log10 area between fixed points), and the duration stays below a maximum, by propagating group start/end indices over slices; the unique group bounds are then trimmed so that each merge starts at an S2 and spans at least two peaklets; Numba features: @numba.njit(cache=True, nogil=True), a keyword argument with a string default (sort_kind="mergesort") passed on to np.argsort(..., kind=sort_kind), a tuple of 2-tuples of floats iterated with enumerate and unpacked (for i, (a1, g1) in enumerate(gap_thresholds)) and indexed with [-1][1] / [i - 1], early returns inside the loop, break/continue, raise ValueError, slice assignment of a scalar read from the same array, np.unique, np.log10, enumerate over an array with `_`, a while loop that mutates the array being enumerated, boolean-mask indexing with & of two masks, and a tuple return. Pasted: MergedS2s.get_merge_instructions (taken out of its class as a module-level function, the @staticmethod above @numba.njit dropped), _filter_s1_starts and merge_s2_threshold, with the module's numpy/numba imports; left out: the strax plugin class (configuration, peak merging with strax.merge_peaks, lone-hit handling), the strax/straxen imports and exporter; the harness makes 40 peaklets with increasing start times, random gaps (some large), durations, areas over 1e1..1e5 PE and types 1/2 (S1/S2), and runs the merge instructions with straxen's default gap thresholds ((1.7, 2.65e4), (4.0, 2.6e3), (5.0, 0.0)) and max duration 50 us, and with a tighter setting (gap thresholds ((2.0, 8e3), (3.5, 1.5e3), (4.5, 0.0)), max duration 20 us); sort_kind stays at its default (Numba needs the argsort kind as a compile-time literal), and merge_s2_threshold is also called directly for 5 log-areas
import numpy as np
import numba


@numba.njit(cache=True, nogil=True)
def get_merge_instructions(
    peaklet_starts,
    peaklet_ends,
    areas,
    types,
    gap_thresholds,
    max_duration,
    max_gap,
    max_area,
    sort_kind="mergesort",
):
    """
    Finding the group of peaklets to merge. To do this start with the
    smallest gaps and keep merging until the new, merged S2 has such a
    large area or gap to adjacent peaks that merging is not required
    anymore.
    see https://github.com/XENONnT/straxen/pull/548
    and https://github.com/XENONnT/straxen/pull/568

    :return: list of the first index of peaklet to be merged and
    list of the exclusive last index of peaklet to be merged
    """

    peaklet_gaps = peaklet_starts[1:] - peaklet_ends[:-1]
    peaklet_start_index = np.arange(len(peaklet_starts))
    peaklet_end_index = np.arange(len(peaklet_starts))

    for gap_i in np.argsort(peaklet_gaps, kind=sort_kind):
        start_idx = peaklet_start_index[gap_i]
        inclusive_end_idx = peaklet_end_index[gap_i + 1]
        sum_area = np.sum(areas[start_idx : inclusive_end_idx + 1])
        this_gap = peaklet_gaps[gap_i]

        if inclusive_end_idx < start_idx:
            raise ValueError("Something went wrong, left is bigger then right?!")

        if this_gap > max_gap:
            break
        if sum_area > max_area:
            # For very large S2s, we assume that natural breaks is taking care
            continue
        if (sum_area > 0) and (
            this_gap > merge_s2_threshold(np.log10(sum_area), gap_thresholds)
        ):
            # The merged peak would be too large
            continue

        peak_duration = peaklet_ends[inclusive_end_idx] - peaklet_starts[start_idx]
        if peak_duration >= max_duration:
            continue

        # Merge gap in other words this means p @ gap_i and p @gap_i + 1 share the same
        # start, end and area:
        peaklet_start_index[start_idx : inclusive_end_idx + 1] = peaklet_start_index[start_idx]
        peaklet_end_index[start_idx : inclusive_end_idx + 1] = peaklet_end_index[
            inclusive_end_idx
        ]

    start_merge_at = np.unique(peaklet_start_index)
    end_merge_at = np.unique(peaklet_end_index)
    if not len(start_merge_at) == len(end_merge_at):
        raise ValueError("inconsistent start and end merge instructions")

    merge_start, merge_stop_exclusive = _filter_s1_starts(start_merge_at, types, end_merge_at)

    return merge_start, merge_stop_exclusive


@numba.njit(cache=True, nogil=True)
def _filter_s1_starts(start_merge_at, types, end_merge_at):
    for start_merge_idx, _ in enumerate(start_merge_at):
        while types[start_merge_at[start_merge_idx]] != 2:
            if end_merge_at[start_merge_idx] - start_merge_at[start_merge_idx] <= 1:
                break
            start_merge_at[start_merge_idx] += 1

    start_merge_with_s2 = types[start_merge_at] == 2
    merges_at_least_two_peaks = end_merge_at - start_merge_at >= 1

    keep_merges = start_merge_with_s2 & merges_at_least_two_peaks
    return start_merge_at[keep_merges], end_merge_at[keep_merges] + 1


@numba.njit(cache=True, nogil=True)
def merge_s2_threshold(log_area, gap_thresholds):
    """Return gap threshold for log_area of the merged S2 with linear interpolation given the points
    in gap_thresholds.

    :param log_area: Log 10 area of the merged S2
    :param gap_thresholds: tuple (n, 2) of fix points for interpolation.

    """
    for i, (a1, g1) in enumerate(gap_thresholds):
        if log_area < a1:
            if i == 0:
                return g1
            a0, g0 = gap_thresholds[i - 1]
            return (log_area - a0) * (g1 - g0) / (a1 - a0) + g0
    return gap_thresholds[-1][1]
# ---- harness (not part of the program) ----
ENTRY = "run_merging"


def run_merging(starts, ends, areas, types):
    gap_thresholds = ((1.7, 2.65e4), (4.0, 2.6e3), (5.0, 0.0))
    max_gap = gap_thresholds[0][1]
    max_area = 10 ** gap_thresholds[-1][0]
    a = get_merge_instructions(starts, ends, areas=areas, types=types,
                               gap_thresholds=gap_thresholds, max_duration=50_000,
                               max_gap=max_gap, max_area=max_area)
    tight = ((2.0, 8.0e3), (3.5, 1.5e3), (4.5, 0.0))
    b = get_merge_instructions(starts, ends, areas, types, tight, 20_000,
                               tight[0][1], 10 ** tight[-1][0])
    th = [merge_s2_threshold(x, gap_thresholds) for x in (1.0, 1.7, 2.5, 4.2, 6.0)]
    return a, b, th


def inputs():
    rng = np.random.default_rng(0)
    n = 40
    gaps = rng.choice([200, 800, 3000, 9000, 40000], size=n).astype(np.int64)
    gaps += rng.integers(0, 150, n)
    durations = rng.integers(300, 6000, n).astype(np.int64)
    starts = np.cumsum(gaps + np.concatenate([[0], durations[:-1]]))
    ends = starts + durations
    areas = (10.0 ** rng.uniform(1.0, 5.0, n)).astype(np.float32)
    types = rng.choice(np.array([1, 2, 2, 2], dtype=np.int8), size=n)
    return (starts, ends, areas, types)
