# Source: nkaz001/hftbacktest hftbacktest/data/validation.py (at commit 21ecd471; the constants from hftbacktest/reader.py, commit cf130d4a)
# Licence: MIT (hftbacktest, LICENSE; Copyright (c) 2022 nkaz001@protonmail.com)
# Notes: market-data feed correction for a high-frequency backtest: _correct_exch_timestamp splits every event whose exchange timestamp runs backwards into an exchange-side copy re-inserted at its place in exchange-time order (local timestamp -1) and a local-side copy (exchange timestamp -1), shifting the already written rows with an overlapping slice copy corr[i + 1:out_row_num + 1, :] = corr[i:out_row_num, :]; `event in [TRADE_EVENT, ...]` against a list of module-level int constants, a chained comparison `exch_timestamp >= corr[i - 1, COL_EXCH_TIMESTAMP] != -1`, a found flag in `or`, break out of a downward range, np.zeros((rows, cols), np.float64) with a positional dtype, float timestamps compared with ints, returns a slice of the buffer; the module's other jitted functions are kept (_validate_data with None defaults and print, _correct_local_timestamp with sys.maxsize, _correct_exch_timestamp_adjust with np.argsort and fancy-indexed rows, correct_event_order with | on int() of floats and asserts); the pandas wrappers (validate_data, correct_local_timestamp, correct_exch_timestamp, correct_exch_timestamp_adjust, correct) and the structured-array converters, with the typing, pandas and numpy.typing imports only they use, are left out, and the `from ..reader import (...)` line is replaced by the constant definitions of reader.py (its jitclasses Cache and DataReader left out)
import sys

import numpy as np
from numba import njit

# ---- from hftbacktest/reader.py ----
COL_EVENT = 0
COL_EXCH_TIMESTAMP = 1
COL_LOCAL_TIMESTAMP = 2
COL_SIDE = 3
COL_PRICE = 4
COL_QTY = 5

DEPTH_EVENT = 1
TRADE_EVENT = 2
DEPTH_CLEAR_EVENT = 3
DEPTH_SNAPSHOT_EVENT = 4
USER_DEFINED_EVENT = 100

WAIT_ORDER_RESPONSE_NONE = -1
WAIT_ORDER_RESPONSE_ANY = -2

UNTIL_END_OF_DATA = sys.maxsize

EXCH_EVENT = 1 << 31
LOCAL_EVENT = 1 << 30

BUY = 1 << 29
SELL = 1 << 28


# ---- hftbacktest/data/validation.py ----
@njit
def _validate_data(
        data,
        tick_size=None,
        lot_size=None,
        err_bound=1e-8
):
    num_reversed_exch_timestamp = 0
    prev_exch_timestamp = 0
    prev_local_timestamp = 0
    for row_num in range(len(data)):
        event = data[row_num, COL_EVENT]
        exch_timestamp = data[row_num, COL_EXCH_TIMESTAMP]
        local_timestamp = data[row_num, COL_LOCAL_TIMESTAMP]
        price = data[row_num, COL_PRICE]
        qty = data[row_num, COL_QTY]

        if event in [
            TRADE_EVENT,
            DEPTH_EVENT,
            DEPTH_CLEAR_EVENT,
            DEPTH_SNAPSHOT_EVENT
        ]:
            if tick_size is not None:
                v = price / tick_size
                e = abs(v - round(v))
                if e > err_bound:
                    print('found a row that price does not match tick size. row_num =', row_num)
                    return -1
            if lot_size is not None:
                v = qty / lot_size
                e = abs(v - round(v))
                if e > err_bound:
                    print('found a row that qty does not match lot size. row_num =', row_num)
                    return -1

        if local_timestamp != -1 \
                and exch_timestamp != -1 \
                and exch_timestamp > local_timestamp \
                and event in [
                    TRADE_EVENT,
                    DEPTH_EVENT,
                    DEPTH_CLEAR_EVENT,
                    DEPTH_SNAPSHOT_EVENT
                ]:
            print('found a row that local_timestamp is ahead of exch_timestamp. row_num =', row_num)
            return -1
        if local_timestamp != -1 and prev_local_timestamp > local_timestamp:
            print('found a row that local_timestamp is ahead of the previous local_timestamp. row_num =', row_num)
            return -1

        if exch_timestamp != -1:
            if exch_timestamp < prev_exch_timestamp:
                num_reversed_exch_timestamp += 1
            else:
                prev_exch_timestamp = exch_timestamp

        if local_timestamp != -1:
            prev_local_timestamp = local_timestamp

    return num_reversed_exch_timestamp


@njit
def _correct_local_timestamp(data, base_latency):
    latency = sys.maxsize
    for row_num in range(len(data)):
        exch_timestamp = data[row_num, COL_EXCH_TIMESTAMP]
        local_timestamp = data[row_num, COL_LOCAL_TIMESTAMP]

        latency = min(latency, local_timestamp - exch_timestamp)

    if latency < 0:
        local_timestamp_offset = -latency + base_latency
        print('local_timestamp is ahead of exch_timestamp by', -latency)
        for row_num in range(len(data)):
            data[row_num, COL_LOCAL_TIMESTAMP] += local_timestamp_offset

    return data


@njit
def _correct_exch_timestamp(data, num_corr):
    row_size, col_size = data.shape
    corr = np.zeros((row_size + num_corr, col_size), np.float64)
    prev_exch_timestamp = 0
    out_row_num = 0
    for row_num in range(len(data)):
        exch_timestamp = data[row_num, COL_EXCH_TIMESTAMP]
        event = data[row_num, COL_EVENT]
        if exch_timestamp < prev_exch_timestamp and event in [
            TRADE_EVENT,
            DEPTH_EVENT,
            DEPTH_CLEAR_EVENT,
            DEPTH_SNAPSHOT_EVENT
        ]:
            # This new row should be inserted ahead.
            found = False
            for i in range(out_row_num - 1, -1, -1):
                if exch_timestamp < corr[i, COL_EXCH_TIMESTAMP] or found:
                    found = True
                    if i == 0 or \
                            (i > 0
                             and exch_timestamp >= corr[i - 1, COL_EXCH_TIMESTAMP] != -1):
                        corr[i + 1:out_row_num + 1, :] = corr[i:out_row_num, :]
                        corr[i, :] = data[row_num, :]
                        corr[i, COL_LOCAL_TIMESTAMP] = -1
                        out_row_num += 1
                        break
            corr[out_row_num, :] = data[row_num, :]
            corr[out_row_num, COL_EXCH_TIMESTAMP] = -1
        else:
            corr[out_row_num, :] = data[row_num, :]
            if exch_timestamp > 0:
                prev_exch_timestamp = exch_timestamp
        out_row_num += 1
    return corr[:out_row_num, :]


@njit
def _correct_exch_timestamp_adjust(data):
    # Sort by exch_timestamp
    i = np.argsort(data[:, COL_EXCH_TIMESTAMP])
    sorted_data = data[i]
    # Adjust local_timestamp in reverse order to have a value equal to or greater than the previous local_timestamp.
    for row_num in range(1, len(sorted_data)):
        if sorted_data[row_num, COL_LOCAL_TIMESTAMP] < sorted_data[row_num - 1, COL_LOCAL_TIMESTAMP]:
            sorted_data[row_num, COL_LOCAL_TIMESTAMP] = sorted_data[row_num - 1, COL_LOCAL_TIMESTAMP]
    return sorted_data


@njit
def correct_event_order(
        data: np.ndarray,
        sorted_exch_index: np.ndarray,
        sorted_local_index: np.ndarray,
        add_exch_local_ev: bool
) -> np.ndarray:
    r"""
    Corrects exchange timestamps that are reversed by splitting each row into separate events, ordered by both exchange
    and local timestamps, through duplication. See ``data`` for details.

    Args:
        data: Data to be reordered.
        sorted_exch_index: Index of data sorted by exchange timestamp.
        sorted_local_index: Index of data sorted by local timestamp.
        add_exch_local_ev: If this is set to True, `EXCH_EVENT` and `LOCAL_EVENT` flags will be added to the event field
                           based on the validity of each timestamp.

    Returns:
        Adjusted data with corrected exchange timestamps.
    """
    sorted_final = np.zeros((data.shape[0] * 2, data.shape[1]), np.float64)

    out_rn = 0
    exch_rn = 0
    local_rn = 0
    while True:
        sorted_exch = data[sorted_exch_index[exch_rn]]
        sorted_local = data[sorted_local_index[local_rn]]
        if (
                exch_rn < len(data)
                and local_rn < len(data)
                and sorted_exch[COL_EXCH_TIMESTAMP] == sorted_local[COL_EXCH_TIMESTAMP]
                and sorted_exch[COL_LOCAL_TIMESTAMP] == sorted_local[COL_LOCAL_TIMESTAMP]
        ):
            assert sorted_exch[COL_EVENT] == sorted_local[COL_EVENT]
            assert sorted_exch[COL_PRICE] == sorted_local[COL_PRICE]
            assert sorted_exch[COL_QTY] == sorted_local[COL_QTY]

            sorted_final[out_rn] = sorted_exch[:]
            if add_exch_local_ev:
                sorted_final[out_rn, COL_EVENT] = int(sorted_final[out_rn, COL_EVENT]) | EXCH_EVENT | LOCAL_EVENT

            out_rn += 1
            exch_rn += 1
            local_rn += 1
        elif ((
                exch_rn < len(data)
                and local_rn < len(data)
                and sorted_exch[COL_EXCH_TIMESTAMP] == sorted_local[COL_EXCH_TIMESTAMP]
                and sorted_exch[COL_LOCAL_TIMESTAMP] < sorted_local[COL_LOCAL_TIMESTAMP]
        ) or (
                exch_rn < len(data)
                and sorted_exch[COL_EXCH_TIMESTAMP] < sorted_local[COL_EXCH_TIMESTAMP]
        )):
            # exchange
            sorted_final[out_rn] = sorted_exch[:]
            if add_exch_local_ev:
                sorted_final[out_rn, COL_EVENT] = int(sorted_final[out_rn, COL_EVENT]) | EXCH_EVENT
            else:
                sorted_final[out_rn, COL_LOCAL_TIMESTAMP] = -1

            out_rn += 1
            exch_rn += 1
        elif ((
                exch_rn < len(data)
                and local_rn < len(data)
                and sorted_exch[COL_EXCH_TIMESTAMP] == sorted_local[COL_EXCH_TIMESTAMP]
                and sorted_exch[COL_LOCAL_TIMESTAMP] > sorted_local[COL_LOCAL_TIMESTAMP]
        ) or (
                local_rn < len(data)
        )):
            # local
            sorted_final[out_rn] = sorted_local[:]
            if add_exch_local_ev:
                sorted_final[out_rn, COL_EVENT] = int(sorted_final[out_rn, COL_EVENT]) | LOCAL_EVENT
            else:
                sorted_final[out_rn, COL_EXCH_TIMESTAMP] = -1

            out_rn += 1
            local_rn += 1
        else:
            assert exch_rn == len(data)
            assert local_rn == len(data)
            break
    return sorted_final[:out_rn]

# ---- harness (not part of the program) ----
ENTRY = "_correct_exch_timestamp"


def inputs():
    # what correct(data, base_latency, method='separate') passes on after
    # correct_local_timestamp and validate_data: 400 depth and trade events
    # (the 6-column float64 layout: event, exch_ts, local_ts, side, price,
    # qty) in local-timestamp order, with nanosecond-like integer
    # timestamps; exchange timestamps mostly increasing, but 20 events were
    # sent late by the exchange so their exch_ts runs backwards; num_corr is
    # the number of reversed rows, counted as _validate_data counts them
    rng = np.random.default_rng(0)
    n = 400
    exch = np.cumsum(rng.integers(1_000, 50_000, n)).astype(np.float64) + 1e12
    late = np.sort(rng.choice(np.arange(10, n), 20, replace=False))
    for k in late:
        exch[k] = exch[k - rng.integers(1, 6)] - rng.integers(1, 500)
    local = np.maximum.accumulate(exch) + rng.integers(20_000, 80_000, n)
    local = np.maximum.accumulate(local)
    event = np.where(rng.random(n) < 0.8, DEPTH_EVENT, TRADE_EVENT).astype(np.float64)
    side = np.where(rng.random(n) < 0.5, 1.0, -1.0)
    price = np.round(30_000 + np.cumsum(rng.integers(-3, 4, n)) * 0.1, 1)
    qty = np.round(rng.integers(1, 200, n) * 0.001, 3)
    data = np.column_stack([event, exch, local, side, price, qty])
    num_corr = 0
    prev = 0.0
    for e in exch:
        if e < prev:
            num_corr += 1
        else:
            prev = e
    return (data, num_corr)
