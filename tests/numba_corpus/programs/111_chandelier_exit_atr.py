# Source: qrak/ti_numba src/indicators/volatility/volatility_indicators.py
# Licence: MIT (Copyright (c) 2024 qrak)
# Notes: Chandelier Exit technical indicator: calls a jitted Average True Range helper with a string mode argument (default 'rma', compared with ==), builtin max/abs over scalars, np.any/np.isnan, np.mean of slices, np.max/np.min of windows, @njit(cache=True); the file's other indicators left out
import numpy as np
from numba import njit


@njit(cache=True)
def atr_numba(high, low, close, length=14, mamode='rma', percent=False):
    n = len(high)
    atr = np.empty(n)
    tr = np.empty(n)

    atr[:length] = np.nan
    tr[0] = 0

    for i in range(1, n):
        tr[i] = max(high[i] - low[i], abs(high[i] - close[i - 1]), abs(low[i] - close[i - 1]))

    if np.any(np.isnan(tr)) or np.any(np.isnan(high)) or np.any(np.isnan(low)) or np.any(np.isnan(close)):
        return np.full(n, np.nan)

    if mamode == 'ema':
        atr[length] = np.mean(tr[1:length+1]) # EMA seed is SMA over 'length' elements
        alpha = 2 / (length + 1)
        for i in range(length + 1, n):
            atr[i] = (1 - alpha) * atr[i - 1] + alpha * tr[i]
    elif mamode == 'sma':
        sum_tr = np.sum(tr[1:length+1]) # Initial sum of 'length' true ranges
        atr[length] = sum_tr / length
        for i in range(length + 1, n):
            sum_tr += tr[i] - tr[i - length] # Update sum by adding current, subtracting oldest
            atr[i] = sum_tr / length
    elif mamode == 'wma':
        weights = np.arange(1, length + 1).astype(np.float64)
        weight_sum = np.sum(weights)
        for i in range(length, n): # WMA can start at length (requires tr[1:length+1])
            atr[i] = np.dot(tr[i - length + 1:i + 1], weights) / weight_sum
    else:
        atr[length] = np.mean(tr[1:length+1]) # RMA seed is SMA over 'length' elements
        for i in range(length + 1, n):
            atr[i] = (atr[i - 1] * (length - 1) + tr[i]) / length

    if percent:
        atr[length:] *= 100 / close[length:]

    return atr

@njit(cache=True)
def chandelier_exit_numba(high, low, close, length, multiplier, mamode='rma'):
    n = len(close)
    atr_values = atr_numba(high, low, close, length, mamode)

    chandelier_exit_long = np.empty(n, dtype=np.float64)
    chandelier_exit_short = np.empty(n, dtype=np.float64)

    chandelier_exit_long[0:length] = 0
    chandelier_exit_short[0:length] = 0

    for i in range(length - 1, n):
        period_high = np.max(high[i - length + 1:i + 1])
        period_low = np.min(low[i - length + 1:i + 1])

        # Calculate the chandelier exits
        chandelier_exit_long[i] = period_high - atr_values[i] * multiplier
        chandelier_exit_short[i] = period_low + atr_values[i] * multiplier

    return chandelier_exit_long, chandelier_exit_short

# ---- harness (not part of the program) ----
ENTRY = "chandelier_exit_numba"


def inputs():
    # OHLC-like series from a random walk; length 22 and multiplier 3.0
    # are the indicator's customary settings
    rng = np.random.default_rng(0)
    close = 100.0 + np.cumsum(rng.standard_normal(300))
    spread = np.abs(rng.standard_normal(300))
    high = close + spread
    low = close - spread
    return (high, low, close, 22, 3.0)
