# Source: polakowo/vectorbt vectorbt/signals/nb.py (+ flex_choose_i_and_col_nb, flex_select_nb and flex_select_auto_nb from vectorbt/base/reshape_fns.py, StopType from vectorbt/signals/enums.py, same commit)
# Licence: Apache-2.0 (vectorbt, LICENSE; Copyright 2020 Oleg Polakow)
# Notes: stop-loss / trailing-stop / take-profit exits generated iteratively after entries on OHLC bars (OHLCSTX with first=True): generate_ohlc_stop_ex_iter_nb passes two different jitted choice functions (first_choice_nb, ohlc_stop_choice_nb) and two argument tuples of different lengths to generate_enex_nb, which calls them with `*entry_args` / `*exit_args`, alternates between them in a `while True` loop and aliases the output array through `a = entries` / `a = exits`; ohlc_stop_choice_nb reads scalars and arrays through np.asarray and the flexible-broadcasting helpers (a.item() on 0-d arrays), writes hit prices and StopType namedtuple constants into output arrays, returns slices temp_idx_arr[:1] / [:j]; chained comparison `found_i == prev_i == prev_prev_i`, raise ValueError, np.full(shape, False), bare @njit and @njit(cache=True); the `from vectorbt... import` lines are replaced by the definitions they import (with enums.py's own `from collections import namedtuple`); left out: the file's random generators (they draw with np.random in jitted code), the other stop/map-reduce/rank functions, the uniform_summing_to_one_nb/rescale_float_to_int_nb import only the random ones use, and enums.py's json/__pdoc__ documentation lines
"""Numba-compiled functions.

Provides an arsenal of Numba-compiled functions that are used by accessors
and in many other parts of the backtesting pipeline, such as technical indicators.
These only accept NumPy arrays and other Numba-compatible types.

```python-repl
>>> import numpy as np
>>> import vectorbt as vbt

>>> # vectorbt.signals.nb.rank_1d_nb
>>> vbt.signals.nb.rank_1d_nb(np.array([False, True, True, True, False]))
array([0, 1, 2, 3, 0])
```

!!! note
    vectorbt treats matrices as first-class citizens and expects input arrays to be
    2-dim, unless function has suffix `_1d` or is meant to be input to another function. 
    Data is processed along index (axis 0).
    
    All functions passed as argument should be Numba-compiled.

    Returned indices should be absolute."""

from numba import njit
import numpy as np

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


# ---- from vectorbt/signals/enums.py ----

# We use namedtuple for enums and classes to be able to use them in Numba

StopType = namedtuple('StopType', [
    'StopLoss',
    'TrailStop',
    'TakeProfit'
])(*range(3))
"""_"""


# ---- vectorbt/signals/nb.py ----

# ############# Signal generation ############# #


@njit
def generate_enex_nb(shape, entry_wait, exit_wait, entry_choice_func_nb,
                     entry_args, exit_choice_func_nb, exit_args):
    """Pick entry signals using `entry_choice_func_nb` and exit signals using 
    `exit_choice_func_nb` iteratively.

    Set `entry_wait`/`exit_wait` to a number of ticks to wait before placing entries/exits.

    !!! note
        Setting `entry_wait` or `exit_wait` to 0 or False may result in two signals at one tick.

    `entry_choice_func_nb` and `exit_choice_func_nb` are same as for `generate_nb`.
    `entry_args` and `exit_args` should be tuples that will be unpacked and passed to
    each function respectively.

    If any function returns multiple values, only the first value will be picked."""
    entries = np.full(shape, False)
    exits = np.full(shape, False)
    if entry_wait == 0 and exit_wait == 0:
        raise ValueError("entry_wait and exit_wait cannot be both 0")

    for col in range(shape[1]):
        prev_prev_i = -2
        prev_i = -1
        i = 0
        while True:
            to_i = shape[0]
            # Cannot assign two functions to a var in numba
            if i % 2 == 0:
                if i == 0:
                    from_i = 0
                else:
                    from_i = prev_i + entry_wait
                if from_i >= to_i:
                    break
                idxs = entry_choice_func_nb(from_i, to_i, col, *entry_args)
                a = entries
            else:
                from_i = prev_i + exit_wait
                if from_i >= to_i:
                    break
                idxs = exit_choice_func_nb(from_i, to_i, col, *exit_args)
                a = exits
            if len(idxs) == 0:
                break
            found_i = idxs[0]
            if found_i == prev_i == prev_prev_i:
                raise ValueError("Infinite loop detected")
            if found_i < from_i or found_i >= to_i:
                raise ValueError("Returned index is out of bounds")
            a[found_i, col] = True
            prev_prev_i = prev_i
            prev_i = found_i
            i += 1
    return entries, exits


# ############# Stop exits ############# #


@njit(cache=True)
def first_choice_nb(from_i, to_i, col, a):
    """`choice_func_nb` that returns the index of the first signal in `a`."""
    out = np.empty((1,), dtype=np.int_)
    for i in range(from_i, to_i):
        if a[i, col]:
            out[0] = i
            return out
    return out[:0]  # empty


@njit(cache=True)
def ohlc_stop_choice_nb(from_i, to_i, col, open, high, low, close, hit_price_out, stop_type_out,
                       sl_stop, ts_stop, tp_stop, is_open_safe, wait, first, temp_idx_arr, flex_2d):
    """`choice_func_nb` that returns the indices of the stop price being reached.

    Compared to `stop_choice_nb`, takes into account the whole bar, can check for both
    (trailing) stop loss and take profit simultaneously, and tracks hit price and stop type.

    !!! note
        We don't have intra-candle data. If there was a huge price fluctuation in both directions,
        we can't determine whether SL was triggered before TP and vice versa. So some assumptions
        need to be made: 1) trailing stop can only be based on previous close/high, and
        2) we pessimistically assume that SL comes before TS and TP.
    
    Args:
        col (int): Current column.
        from_i (int): Index to start generation from (inclusive).
        to_i (int): Index to run generation to (exclusive).
        open (array_like of float): Entry price such as open or previous close.
        high (array_like of float): High price.
        low (array_like of float): Low price.
        close (array_like of float): Close price.
        hit_price_out (array_like of float): Array where hit price of each exit will be stored.
        stop_type_out (array_like of int): Array where stop type of each exit will be stored.

            0 for stop loss, 1 for take profit.
        sl_stop (float or array_like): Percentage value for stop loss.

            Can be per frame, column, row, or element-wise. Set to 0. to disable.
        ts_stop (bool or array_like): Percentage value for trailing stop.

            Can be per frame, column, row, or element-wise.
        tp_stop (float or array_like): Percentage value for take profit.

            Can be per frame, column, row, or element-wise. Set to 0. to disable.
        is_open_safe (bool): Whether entry price comes right at or before open.

            If True and wait is 0, can use high/low at entry tick. Otherwise uses close.
        wait (bool or int): Number of ticks to wait before placing exits.

            Setting False or 0 may result in two signals at one tick.
        first (bool): Whether to stop as soon as the first exit signal is found.
        temp_idx_arr (array_like of int): Empty integer array used to temporarily store indices.
        flex_2d (bool): See `vectorbt.base.reshape_fns.flex_choose_i_and_col_nb`.
    """
    sl_stops = np.asarray(sl_stop)
    ts_stops = np.asarray(ts_stop)
    tp_stops = np.asarray(tp_stop)

    init_i = from_i - wait
    init_open = flex_select_auto_nb(init_i, col, open, flex_2d)
    init_sl_stop = abs(flex_select_auto_nb(init_i, col, sl_stops, flex_2d))
    init_ts_stop = abs(flex_select_auto_nb(init_i, col, ts_stops, flex_2d))
    init_tp_stop = abs(flex_select_auto_nb(init_i, col, tp_stops, flex_2d))
    max_i = init_i
    max_p = init_open
    j = 0

    for i in range(from_i, to_i):
        # Calculate stop price
        if init_sl_stop > 0:
            curr_sl_stop_price = init_open * (1 - init_sl_stop)
        if init_ts_stop > 0:
            max_ts_stop = abs(flex_select_auto_nb(max_i, col, ts_stops, flex_2d))
            curr_ts_stop_price = max_p * (1 - max_ts_stop)
        if init_tp_stop > 0:
            curr_tp_stop_price = init_open * (1 + init_tp_stop)

        # Check if stop price is within bar
        if i > init_i or is_open_safe:
            # is_open_safe means open is either open or any other price before it
            # so it's safe to use high/low at entry tick
            curr_high = flex_select_auto_nb(i, col, high, flex_2d)
            curr_low = flex_select_auto_nb(i, col, low, flex_2d)
        else:
            # Otherwise, we can only use close price at entry tick
            curr_close = flex_select_auto_nb(i, col, close, flex_2d)
            curr_high = curr_low = curr_close

        exit_signal = False
        if init_sl_stop > 0:
            if curr_low <= curr_sl_stop_price:
                exit_signal = True
                hit_price_out[i, col] = curr_sl_stop_price
                stop_type_out[i, col] = StopType.StopLoss
        if not exit_signal and init_ts_stop > 0:
            if curr_low <= curr_ts_stop_price:
                exit_signal = True
                hit_price_out[i, col] = curr_ts_stop_price
                stop_type_out[i, col] = StopType.TrailStop
        if not exit_signal and init_tp_stop > 0:
            if curr_high >= curr_tp_stop_price:
                exit_signal = True
                hit_price_out[i, col] = curr_tp_stop_price
                stop_type_out[i, col] = StopType.TakeProfit
        if exit_signal:
            temp_idx_arr[j] = i
            j += 1
            if first:
                return temp_idx_arr[:1]

        # Keep track of highest high if trailing
        if init_ts_stop > 0:
            if curr_high > max_p:
                max_i = i
                max_p = curr_high

    return temp_idx_arr[:j]


@njit
def generate_ohlc_stop_ex_iter_nb(entries, open, high, low, close, hit_price_out, stop_type_out,
                                 sl_stop, ts_stop, tp_stop, is_open_safe, entry_wait,
                                 exit_wait, first, flex_2d):
    """Generate iteratively using `generate_enex_nb` and `ohlc_stop_choice_nb`.

    Returns two arrays: new entries and exits."""
    temp_idx_arr = np.empty((entries.shape[0],), dtype=np.int_)
    return generate_enex_nb(
        entries.shape,
        entry_wait, exit_wait,
        first_choice_nb, (entries,),
        ohlc_stop_choice_nb, (
            open, high, low, close, hit_price_out, stop_type_out,
            sl_stop, ts_stop, tp_stop, is_open_safe, exit_wait, first, temp_idx_arr, flex_2d
        )
    )

# ---- harness (not part of the program) ----
ENTRY = "generate_ohlc_stop_ex_iter_nb"


def inputs():
    # what OHLCSTX.run(entries, open, high, low, close, sl_stop=..., ts_stop=...,
    # tp_stop=..., iteratively=True) hands the iterative generator: 300 bars x 3
    # columns of OHLC prices from a geometric random walk, sparse boolean entry
    # signals, hit-price and stop-type output arrays (pre-filled here so that
    # untouched cells are deterministic), stop loss per column (1-d array,
    # flex_2d=True), a trailing stop of 0.07 as a 0-d array, a take profit of
    # 0.1 as a Python float, is_open_safe=True, entry_wait=1, exit_wait=1,
    # first=True
    rng = np.random.default_rng(0)
    n, m = 300, 3
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.015, (n, m)), axis=0))
    open_ = np.empty_like(close)
    open_[0] = 100.0
    open_[1:] = close[:-1]
    spread = np.abs(rng.normal(0.0, 0.01, (n, m))) * close
    high = np.maximum(open_, close) + spread
    low = np.minimum(open_, close) - spread
    entries = rng.random((n, m)) < 0.05
    hit_price_out = np.full((n, m), np.nan)
    stop_type_out = np.full((n, m), -1, dtype=np.int_)
    sl_stop = np.array([0.05, 0.08, 0.1])
    ts_stop = np.asarray(0.07)
    tp_stop = 0.1
    return (entries, open_, high, low, close, hit_price_out, stop_type_out,
            sl_stop, ts_stop, tp_stop, True, 1, 1, True, True)
