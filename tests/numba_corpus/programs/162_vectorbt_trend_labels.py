# Source: polakowo/vectorbt vectorbt/labels/nb.py (+ flex_choose_i_and_col_nb, flex_select_nb and flex_select_auto_nb from vectorbt/base/reshape_fns.py, TrendMode from vectorbt/labels/enums.py, same commit)
# Licence: Apache-2.0 (vectorbt, LICENSE; Copyright 2020 Oleg Polakow)
# Notes: trend labels of price series for ML targets: local_extrema_apply_nb walks each column with a direction state machine marking peaks (-1) and troughs (1) that beat a positive/negative threshold, then trend_labels_apply_nb dispatches on a TrendMode namedtuple constant (a module-level namedtuple *instance* compared with ==) to one of four labellers, each walking the extrema found by np.flatnonzero and filling slices (out[start_i:end_i, col] = ...) with chained assignments `start_i = prev_i = idxs[k - 1]`; thresholds go through np.asarray and the "flexible" broadcasting helpers (a 0-d array read with a.item(), or a 1-d/2-d array indexed per row/column; flex_select_auto_nb returns a tuple from one helper and passes it to another), raise ValueError, np.empty_like(dtype=np.float_), np.full(..., dtype=np.int_), @njit(cache=True) throughout; the `from vectorbt... import` lines are replaced by the definitions they import (copied from reshape_fns.py and enums.py with their own `from collections import namedtuple`); left out: the file's future_*/fixed/mean/breakout labellers (they call the generic_nb module), reshape_fns.py's plain-Python broadcasting functions and enums.py's json/__pdoc__ documentation lines
"""Numba-compiled functions.

Provides an arsenal of Numba-compiled functions that are used by indicator
classes. These only accept NumPy arrays and other Numba-compatible types.

!!! note
    Set `wait` to 1 to exclude the current value from calculation of future values.

!!! warning
    Do not attempt to use these functions for building features as they
    may introduce look-ahead bias to your model."""

import numpy as np
from numba import njit

from collections import namedtuple


# ---- from vectorbt/base/reshape_fns.py ----

@njit(cache=True)
def flex_choose_i_and_col_nb(a, flex_2d):
    """Choose selection index and column based on the array's shape.

    Instead of expensive broadcasting, keep original shape and do indexing in a smart way.
    A nice feature of this is that it has almost no memory footprint and can broadcast in
    any direction indefinitely.

    Call it once before using `flex_select_nb`.

    if `flex_2d` is True, 1-dim array will correspond to columns, otherwise to rows."""
    i = -1
    col = -1
    if a.ndim == 0:
        i = 0
        col = 0
    elif a.ndim == 1:
        if flex_2d:
            i = 0
            if a.shape[0] == 1:
                col = 0
        else:
            col = 0
            if a.shape[0] == 1:
                i = 0
    else:
        if a.shape[0] == 1:
            i = 0
        if a.shape[1] == 1:
            col = 0
    return i, col


@njit(cache=True)
def flex_select_nb(i, col, a, flex_i, flex_col, flex_2d):
    """Select element of `a` as if it has been broadcast."""
    if flex_i == -1:
        flex_i = i
    if flex_col == -1:
        flex_col = col
    if a.ndim == 0:
        return a.item()
    if a.ndim == 1:
        if flex_2d:
            return a[flex_col]
        return a[flex_i]
    return a[flex_i, flex_col]


@njit(cache=True)
def flex_select_auto_nb(i, col, a, flex_2d):
    """Combines `flex_choose_i_and_col_nb` and `flex_select_nb`.

    !!! note
        Slower since it must call `flex_choose_i_and_col_nb` each time."""
    flex_i, flex_col = flex_choose_i_and_col_nb(a, flex_2d)
    return flex_select_nb(i, col, a, flex_i, flex_col, flex_2d)


# ---- from vectorbt/labels/enums.py ----

TrendMode = namedtuple('TrendMode', [
    'Binary',
    'BinaryCont',
    'BinaryContSat',
    'PctChange',
    'PctChangeNorm',
])(*range(5))
"""_"""


# ---- vectorbt/labels/nb.py ----

@njit(cache=True)
def get_symmetric_pos_th_nb(neg_th):
    """Compute the positive return that is symmetric to a negative one.

    For example, 50% down requires 100% to go up to the initial level."""
    return neg_th / (1 - neg_th)


@njit(cache=True)
def get_symmetric_neg_th_nb(pos_th):
    """Compute the negative return that is symmetric to a positive one."""
    return pos_th / (1 + pos_th)


@njit(cache=True)
def local_extrema_apply_nb(close, pos_th, neg_th, flex_2d=True):
    """Get array of local extrema denoted by 1 (peak) or -1 (trough), otherwise 0.

    Two adjacent peak and trough points should exceed the given threshold parameters.

    If any threshold is given element-wise, it will be applied per new/updated extremum.

    Inspired by https://www.mdpi.com/1099-4300/22/10/1162/pdf"""
    pos_th = np.asarray(pos_th)
    neg_th = np.asarray(neg_th)
    out = np.full(close.shape, 0, dtype=np.int_)

    for col in range(close.shape[1]):
        prev_i = 0
        direction = 0

        for i in range(1, close.shape[0]):
            _pos_th = abs(flex_select_auto_nb(prev_i, col, pos_th, flex_2d))
            _neg_th = abs(flex_select_auto_nb(prev_i, col, neg_th, flex_2d))
            if _pos_th == 0:
                raise ValueError("Positive threshold cannot be 0")
            if _neg_th == 0:
                raise ValueError("Negative threshold cannot be 0")

            if direction == 1:
                # Find next high while updating current lows
                if close[i, col] < close[prev_i, col]:
                    prev_i = i
                elif close[i, col] >= close[prev_i, col] * (1 + _pos_th):
                    out[prev_i, col] = -1
                    prev_i = i
                    direction = -1
            elif direction == -1:
                # Find next low while updating current highs
                if close[i, col] > close[prev_i, col]:
                    prev_i = i
                elif close[i, col] <= close[prev_i, col] * (1 - _neg_th):
                    out[prev_i, col] = 1
                    prev_i = i
                    direction = 1
            else:
                # Find first high/low
                if close[i, col] >= close[prev_i, col] * (1 + _pos_th):
                    out[prev_i, col] = -1
                    prev_i = i
                    direction = -1
                elif close[i, col] <= close[prev_i, col] * (1 - _neg_th):
                    out[prev_i, col] = 1
                    prev_i = i
                    direction = 1

            if i == close.shape[0] - 1:
                # Find last high/low
                if direction == 0:
                    if close[i, col] > close[prev_i, col]:
                        direction = 1
                    elif close[i, col] < close[prev_i, col]:
                        direction = -1
                out[prev_i, col] = -direction
                if i != prev_i:
                    out[i, col] = direction
    return out


@njit(cache=True)
def bn_trend_labels_nb(close, local_extrema):
    """Return 0 for H-L and 1 for L-H."""
    out = np.empty_like(close, dtype=np.float_)

    for col in range(close.shape[1]):
        idxs = np.flatnonzero(local_extrema[:, col])
        if idxs.shape[0] == 0:
            if close[-1, col] > close[0, col]:
                out[:, col] = 1
            elif close[-1, col] < close[0, col]:
                out[:, col] = 0
            else:
                out[:, col] = np.nan
            continue

        for k in range(1, idxs.shape[0]):
            start_i = prev_i = idxs[k - 1]
            end_i = next_i = idxs[k]
            if k == idxs.shape[0] - 1:
                end_i += 1

            if close[next_i, col] > close[prev_i, col]:
                out[start_i:end_i, col] = 1
            else:
                out[start_i:end_i, col] = 0

    return out


@njit(cache=True)
def bn_cont_trend_labels_nb(close, local_extrema):
    """Normalize each range between two extrema between 0 (will go up) and 1 (will go down)."""
    out = np.empty_like(close, dtype=np.float_)

    for col in range(close.shape[1]):
        idxs = np.flatnonzero(local_extrema[:, col])
        if idxs.shape[0] == 0:
            out[:, col] = np.nan
            continue

        for k in range(1, idxs.shape[0]):
            start_i = prev_i = idxs[k - 1]
            end_i = next_i = idxs[k]
            if k == idxs.shape[0] - 1:
                end_i += 1

            _min = np.min(close[prev_i:next_i + 1, col])
            _max = np.max(close[prev_i:next_i + 1, col])
            out[start_i:end_i, col] = 1 - (close[start_i:end_i, col] - _min) / (_max - _min)

    return out


@njit(cache=True)
def bn_cont_sat_trend_labels_nb(close, local_extrema, pos_th, neg_th, flex_2d=True):
    """Similar to `bn_cont_trend_labels_nb` but sets each close value to 0 or 1
    if the percentage change to the next extremum exceeds the threshold set for this range.
    """
    pos_th = np.asarray(pos_th)
    neg_th = np.asarray(neg_th)
    out = np.empty_like(close, dtype=np.float_)

    for col in range(close.shape[1]):
        idxs = np.flatnonzero(local_extrema[:, col])
        if idxs.shape[0] == 0:
            out[:, col] = np.nan
            continue

        for k in range(1, idxs.shape[0]):
            start_i = prev_i = idxs[k - 1]
            end_i = next_i = idxs[k]
            if k == idxs.shape[0] - 1:
                end_i += 1

            _pos_th = abs(flex_select_auto_nb(prev_i, col, pos_th, flex_2d))
            _neg_th = abs(flex_select_auto_nb(prev_i, col, neg_th, flex_2d))
            if _pos_th == 0:
                raise ValueError("Positive threshold cannot be 0")
            if _neg_th == 0:
                raise ValueError("Negative threshold cannot be 0")
            _min = np.min(close[prev_i:next_i + 1, col])
            _max = np.max(close[prev_i:next_i + 1, col])

            for i in range(start_i, end_i):
                if close[next_i, col] > close[prev_i, col]:
                    _start = _max / (1 + _pos_th)
                    _end = _min * (1 + _pos_th)
                    if _max >= _end and close[i, col] <= _start:
                        out[i, col] = 1
                    else:
                        out[i, col] = 1 - (close[i, col] - _start) / (_max - _start)
                else:
                    _start = _min / (1 - _neg_th)
                    _end = _max * (1 - _neg_th)
                    if _min <= _end and close[i, col] >= _start:
                        out[i, col] = 0
                    else:
                        out[i, col] = 1 - (close[i, col] - _min) / (_start - _min)

    return out


@njit(cache=True)
def pct_trend_labels_nb(close, local_extrema, normalize):
    """Compute the percentage change of the current value to the next extremum."""
    out = np.empty_like(close, dtype=np.float_)

    for col in range(close.shape[1]):
        idxs = np.flatnonzero(local_extrema[:, col])
        if idxs.shape[0] == 0:
            out[:, col] = np.nan
            continue

        for k in range(1, idxs.shape[0]):
            start_i = prev_i = idxs[k - 1]
            end_i = next_i = idxs[k]
            if k == idxs.shape[0] - 1:
                end_i += 1

            for i in range(start_i, end_i):
                if close[next_i, col] > close[prev_i, col] and normalize:
                    out[i, col] = (close[next_i, col] - close[i, col]) / close[next_i, col]
                else:
                    out[i, col] = (close[next_i, col] - close[i, col]) / close[i, col]

    return out


@njit(cache=True)
def trend_labels_apply_nb(close, pos_th, neg_th, mode, flex_2d=True):
    """Apply a trend labeling function based on `TrendMode`."""
    local_extrema = local_extrema_apply_nb(close, pos_th, neg_th, flex_2d)
    if mode == TrendMode.Binary:
        return bn_trend_labels_nb(close, local_extrema)
    if mode == TrendMode.BinaryCont:
        return bn_cont_trend_labels_nb(close, local_extrema)
    if mode == TrendMode.BinaryContSat:
        return bn_cont_sat_trend_labels_nb(close, local_extrema, pos_th, neg_th, flex_2d)
    if mode == TrendMode.PctChange:
        return pct_trend_labels_nb(close, local_extrema, False)
    if mode == TrendMode.PctChangeNorm:
        return pct_trend_labels_nb(close, local_extrema, True)
    raise ValueError("Trend mode is not recognized")

# ---- harness (not part of the program) ----
ENTRY = "trend_labels_apply_nb"


def inputs():
    # what vbt.TRENDLB.run(close, pos_th, neg_th, mode='BinaryContSat') hands
    # the apply function for one parameter combination: a 2-D float close
    # (250 bars x 4 geometric random walks), a per-column positive threshold
    # (1-d array, flex_2d=True broadcasts it along columns), a scalar negative
    # threshold, and mode TrendMode.BinaryContSat (= 2)
    rng = np.random.default_rng(0)
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.02, (250, 4)), axis=0))
    pos_th = np.array([0.05, 0.08, 0.1, 0.15])
    neg_th = 0.06
    return (close, pos_th, neg_th, 2, True)
