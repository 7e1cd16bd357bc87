# Source: ActivitySim/activitysim activitysim/core/timetable.py (at commit 14ff73e1) and activitysim/core/fast_mapping.py (at commit b86093fa)
# Licence: BSD-3-Clause (ActivitySim, LICENSE.txt; Copyright (C) by UrbanSim Inc. and the contributing authors)
# Notes: person time windows in ActivitySim's activity-based travel demand model (transport): _fast_tour_available (@nb.njit) tests, for each candidate tour, whether the tour's time-window footprint (start/middle/end codes per period) collides with the person's already scheduled windows, by adding the footprint to the windows shifted left by I_BIT_SHIFT and looking each cell up in the module-level COLLISION_ARRAY (nested loops with a stop flag and break); _available_run_length_2 (@nb.njit) rebuilds each person's availability row and counts the free periods before or after a given period with np.where(...).max()/.min() on masked index arrays; both map ids to rows through numba.typed.Dict objects built by FastMapping, whose apply_to calls the jitted _fast_map with a NumPy dtype object as argument. Pasted: fast_mapping.py whole (its pandas import kept, used by FastMapping), then from timetable.py the numpy/numba imports, the window-state constants, COLLISIONS/COLLISION_ARRAY and the three jitted functions (left out: the logging, pandas/xarray and activitysim.core imports, tour_map, create_timetable_windows and the TimeTable class); the harness builds what TimeTable.__init__ and TimeTable.assign build (the footprint of every (start, end) alternative from the state-code strings, an int8 window table for 300 persons with scheduled tours or-ed in) and calls the three functions as TimeTable.tour_available, adjacent_window_run_length and apply_to do
from __future__ import annotations

import numba as nb
import numpy as np
import pandas as pd


@nb.njit
def _fast_map(fm, target, dtype=np.int32):
    out = np.zeros(len(target), dtype=dtype)
    for n in range(target.size):
        out[n] = fm[target[n]]
    return out


class FastMapping:
    def __init__(self, source, to_range=np.int64):
        if isinstance(source, pd.Series):
            m = nb.typed.Dict.empty(
                key_type=nb.from_dtype(source.index.dtype),
                value_type=nb.from_dtype(source.dtype),
            )
            for k, v in source.items():
                m[k] = v
            self._in_dtype = source.index.dtype
            self._out_dtype = source.dtype
            self._mapper = m
        elif to_range:
            m = nb.typed.Dict.empty(
                key_type=nb.from_dtype(source.dtype),
                value_type=nb.from_dtype(to_range),
            )
            for v, k in enumerate(source):
                m[k] = v
            self._in_dtype = source.dtype
            self._out_dtype = to_range
            self._mapper = m
        else:
            raise ValueError("invalid input")

    def __len__(self):
        return len(self._mapper)

    def __contains__(self, item):
        return item in self._mapper

    def __getitem__(self, item):
        return self._mapper[item]

    def apply_to(self, target):
        if isinstance(target, pd.Series):
            return pd.Series(
                _fast_map(
                    self._mapper,
                    target.astype(self._in_dtype).to_numpy(),
                    dtype=self._out_dtype,
                ),
                index=target.index,
            )
        return _fast_map(
            self._mapper,
            np.asarray(target, dtype=self._in_dtype),
            dtype=self._out_dtype,
        )
# ActivitySim
# See full license in LICENSE.txt.

from builtins import range
from builtins import object

import numpy as np
import numba as nb


# time_window states
# coding for time_window states is chosen so that we can quickly assign a tour
# to windows with a bitwise_or of alt's tdd footprint with existing windows
# e.g. bitwise_or of I_START with I_END equals I_START_END
I_EMPTY = 0x0
I_END = 0x4
I_START = 0x2
I_MIDDLE = 0x7
I_START_END = 0x6

I_BIT_SHIFT = 3

COLLISIONS = [
    [I_START, I_START],
    [I_END, I_END],
    [I_MIDDLE, I_MIDDLE],
    [I_START, I_MIDDLE],
    [I_MIDDLE, I_START],
    [I_END, I_MIDDLE],
    [I_MIDDLE, I_END],
    [I_START_END, I_MIDDLE],
    [I_MIDDLE, I_START_END],
]

COLLISION_LIST = [a + (b << I_BIT_SHIFT) for a, b in COLLISIONS]
COLLISION_ARRAY = np.asarray(COLLISION_LIST)

# str versions of time windows period states
C_EMPTY = str(I_EMPTY)
C_END = str(I_END)
C_START = str(I_START)
C_MIDDLE = str(I_MIDDLE)
C_START_END = str(I_START_END)


@nb.njit
def _fast_tour_available(
    tdds,
    tdd_footprints,
    window_row_ids,
    window_row_ix__mapper,
    self_windows,
):
    """

    Parameters
    ----------
    tdds : array-like, shape (k)
    tdd_footprints : array-like, shape (c, t)
    window_row_ids : array-like, shape (k)
    window_row_ix__mapper : FastMapping._mapper
    self_windows : array-like

    Returns
    -------
    array of bool, shape (k)
    """
    out = np.ones_like(tdds, dtype=np.bool_)
    for k in range(tdds.shape[0]):
        tour_footprints = tdd_footprints[tdds[k]]  # -> shape (t)
        row_ix = window_row_ix__mapper[window_row_ids[k]]
        windows = self_windows[row_ix]
        x = tour_footprints + (windows << I_BIT_SHIFT)
        stop = False
        for j in range(COLLISION_ARRAY.size):
            for i in range(x.size):
                if x[i] == COLLISION_ARRAY[j]:
                    out[k] = False
                    stop = True
                    break
            if stop:
                break
    return out


@nb.njit
def _available_run_length(
    available,
    before,
    periods,
    time_ix_mapper,
):
    num_rows = available.shape[0]
    num_cols = available.shape[1]
    _time_col_ix_map = np.arange(num_cols)
    available_run_length = np.zeros(num_rows, dtype=np.int32)
    for row in range(num_rows):
        _time_col_ix = time_ix_mapper[periods[row]]  # scalar
        if before:
            mask = (_time_col_ix_map < _time_col_ix) * 1
            # index of first unavailable window after time
            first_unavailable = np.where(
                (1 - available[row]) * mask, _time_col_ix_map, 0
            ).max()
            available_run_length[row] = _time_col_ix - first_unavailable - 1
        else:
            # ones after specified time, zeroes before
            mask = (_time_col_ix_map > _time_col_ix) * 1
            # index of first unavailable window after time
            first_unavailable = np.where(
                (1 - available[row]) * mask, _time_col_ix_map, num_cols
            ).min()
            available_run_length[row] = first_unavailable - _time_col_ix - 1
    return available_run_length


@nb.njit
def _available_run_length_2(
    window_row_id_values,
    windows,
    person_to_row,

    before,
    periods,
    time_ix_mapper,
):
    num_rows = window_row_id_values.shape[0]
    num_cols = windows.shape[1]
    _time_col_ix_map = np.arange(num_cols)
    available_run_length = np.zeros(num_rows, dtype=np.int32)
    available = np.ones(num_cols, dtype=np.int8)
    available[0] = 0
    available[-1] = 0
    for row in range(num_rows):

        row_ix = person_to_row[window_row_id_values[row]]
        window_row = windows[row_ix]
        for j in range(1, num_cols-1):
            if window_row[j] != I_MIDDLE:
                available[j] = 1
            else:
                available[j] = 0

        _time_col_ix = time_ix_mapper[periods[row]]  # scalar
        if before:
            mask = (_time_col_ix_map < _time_col_ix) * 1
            # index of first unavailable window after time
            first_unavailable = np.where(
                (1 - available) * mask, _time_col_ix_map, 0
            ).max()
            available_run_length[row] = _time_col_ix - first_unavailable - 1
        else:
            # ones after specified time, zeroes before
            mask = (_time_col_ix_map > _time_col_ix) * 1
            # index of first unavailable window after time
            first_unavailable = np.where(
                (1 - available) * mask, _time_col_ix_map, num_cols
            ).min()
            available_run_length[row] = first_unavailable - _time_col_ix - 1
    return available_run_length
# ---- harness (not part of the program) ----
ENTRY = "timetable_queries"


def timetable_queries(person_ids, windows, tdd_footprints, q_persons, q_tdds,
                      q_periods):
    # the FastMappings TimeTable.__init__ builds
    window_row_ix = FastMapping(
        pd.Series(list(range(len(person_ids))), index=person_ids))
    int_time_periods = list(range(4, 4 + windows.shape[1]))
    time_ix = FastMapping(
        pd.Series(list(range(windows.shape[1])), index=int_time_periods))
    # TimeTable.tour_available
    available = _fast_tour_available(q_tdds, tdd_footprints, q_persons,
                                     window_row_ix._mapper, windows)
    # TimeTable.adjacent_window_run_length, before and after
    before = _available_run_length_2(q_persons, windows, window_row_ix._mapper,
                                     True, q_periods, time_ix._mapper)
    after = _available_run_length_2(q_persons, windows, window_row_ix._mapper,
                                    False, q_periods, time_ix._mapper)
    # the same from a precomputed availability table
    avail_rows = (windows[window_row_ix.apply_to(q_persons)] != I_MIDDLE) * 1
    avail_rows[:, 0] = 0
    avail_rows[:, -1] = 0
    before_1 = _available_run_length(avail_rows, True, q_periods, time_ix._mapper)
    # FastMapping.apply_to
    cols = time_ix.apply_to(q_periods)
    return available, before, after, before_1, cols


def inputs():
    rng = np.random.default_rng(0)
    min_period, max_period = 4, 24          # periods 5..23 plus padding
    starts, ends = [], []
    for s in range(5, 24):
        for e in range(s, 24):
            starts.append(s)
            ends.append(e)
    # TimeTable.__init__: footprint strings of every tdd alternative
    footprints = []
    for s, e in zip(starts, ends):
        d = e - s
        w = (C_EMPTY * (s - min_period)
             + (C_START + C_MIDDLE * (d - 1) if d > 0 else "")
             + (C_END if d > 0 else C_START_END)
             + (C_EMPTY * (max_period - e)))
        footprints.append(list(w))
    tdd_footprints = np.asanyarray(footprints).astype(int)
    n_persons = 300
    person_ids = np.arange(n_persons, dtype=np.int64) * 7 + 1000
    windows = np.zeros((n_persons, max_period - min_period + 1), dtype=np.int8)
    # TimeTable.assign: or each person's scheduled tour footprints in
    for p in range(n_persons):
        for _ in range(rng.integers(0, 3)):
            t = rng.integers(0, len(starts))
            windows[p] = np.bitwise_or(windows[p], tdd_footprints[t].astype(np.int8))
    k = 600
    q_persons = person_ids[rng.integers(0, n_persons, k)]
    q_tdds = rng.integers(0, len(starts), k).astype(np.int64)
    q_periods = rng.integers(5, 24, k).astype(np.int64)
    return (person_ids, windows, tdd_footprints, q_persons, q_tdds, q_periods)
