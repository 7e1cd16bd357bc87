# Source: wukan1986/polars_ta polars_ta/wq/_nb.py (at commit 0dfeecc1), polars_ta/labels/_nb.py (at commit ec9cd03c) and polars_ta/performance/_nb.py (at commit 1d6f44d9)
# Licence: MIT (polars_ta, LICENSE; Copyright (c) 2023 伍侃)
# Notes: Numba kernels of polars_ta, a library of technical-analysis and WorldQuant-style alpha operators (quantitative finance). From wq/_nb.py: per-window co-kurtosis and co-skewness, central moment, partial correlation through corrcoef(vstack(...)) and triple correlation (numpy functions imported by name at module level: mean, std, full, vstack, corrcoef), a NaN test written as int(x) == INT64_MIN (the numba issue 2919 trick under fastmath), forward-filling product and sum that write into their first argument, and signals_to_amount, eagerly compiled with a float64[:](bool_[:] x4, bool_, bool_) signature and annotated defaults, turning long/short entry/exit signals into positions or orders; from labels/_nb.py: the triple-barrier labelling method (for/else with the loop variable used after the loop, np.sign); from performance/_nb.py: sub-portfolio returns of a strategy held for `period` days (parallel=True with prange, np.concatenate of a slice, a jitted np_tile, reshape(-1, n), shifted slice assignment, a `continue` inside prange, and np.mean / np.sum passed as first-class function arguments to a jitted apply-along-axis that writes into an out= column view given by keyword). Left out of wq/_nb.py: the rolling wrappers roll_argmax, roll_argmin, roll_prod, roll_co_kurtosis, roll_co_skewness, roll_moment, roll_partial_corr, roll_triple_corr and _split_sum, and the sliding_window_view import they use, because numpy.lib.stride_tricks.sliding_window_view is not supported by the Numba installed here (0.56), and _cum_sum_reset, whose full(a.shape, 0, dtype=float) (an int fill value with dtype=float) Numba 0.56 does not type; the harness applies the per-window helpers to three 20-bar windows instead. The harness runs everything on 120 bars of synthetic prices (two NaN closes) and a 40-day x 6-asset weight/return panel (plus a single-asset one)
import numpy as np
from numba import jit, float64, bool_
from numpy import argmax, argmin, prod, mean, std, full, vstack, corrcoef


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _co_kurtosis(a1, a2):
    t1 = a1 - mean(a1)
    t2 = a2 - mean(a2)
    t3 = std(a1)
    t4 = std(a2)
    return mean(t1 * (t2 ** 3)) / (t3 * (t4 ** 3))


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _co_skewness(a1, a2):
    t1 = a1 - mean(a1)
    t2 = a2 - mean(a2)
    t3 = std(a1)
    t4 = std(a2)
    return mean(t1 * (t2 ** 2)) / (t3 * (t4 ** 2))


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _moment(a1, k):
    """centeral moment
    中心矩阵"""
    return mean((a1 - mean(a1)) ** k)


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _partial_corr(a1, a2, a3):
    """TODO 不知是否正确，需要检查"""
    c = corrcoef(vstack((a1, a2, a3)))
    rxy = c[0, 1]
    rxz = c[0, 2]
    ryz = c[1, 2]
    t1 = rxy - rxz * ryz
    t2 = (1 - rxz ** 2) ** 0.5
    t3 = (1 - ryz ** 2) ** 0.5
    return t1 / (t2 * t3)


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _triple_corr(a1, a2, a3):
    t1 = a1 - mean(a1)
    t2 = a2 - mean(a2)
    t3 = a3 - mean(a3)
    t4 = std(a1)
    t5 = std(a2)
    t6 = std(a3)
    return mean(t1 * t2 * t3) / (t4 * t5 * t6)


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def isnan(x):
    # https://github.com/numba/numba/issues/2919#issuecomment-747377615
    if int(x) == -9223372036854775808:
        return True
    else:
        return False


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _zip_prod(a, b):
    for i in range(1, a.shape[0]):
        if isnan(a[i]):
            a[i] = a[i - 1] * b[i - 1]
    return a


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def _zip_sum(a, b):
    for i in range(1, a.shape[0]):
        if isnan(a[i]):
            a[i] = a[i - 1] + b[i - 1]
    return a


@jit(float64[:](bool_[:], bool_[:], bool_[:], bool_[:], bool_, bool_), nopython=True, fastmath=True, nogil=True, cache=True)
def signals_to_amount(is_long_entry: np.ndarray, is_long_exit: np.ndarray,
                      is_short_entry: np.ndarray, is_short_exit: np.ndarray,
                      accumulate: bool = False,
                      action: bool = False) -> np.ndarray:
    """将4路信号转换成持仓状态。适合按资产分组后的长表

    在`LongOnly`场景下，`is_short_entry`和`is_short_exit`输入数据值都为`False`即可

    Parameters
    ----------
    is_long_entry: np.ndarray
        是否多头入场
    is_long_exit: np.ndarray
        是否多头出场
    is_short_entry: np.ndarray
        是否空头入场
    is_short_exit: np.ndarray
        是否空头出场
    accumulate: bool
        遇到重复信号时是否累计
    action: bool
        返回持仓状态还是下单操作

    Returns
    -------
    np.ndarray
        持仓状态

    Examples
    --------
    ```python
    long_entry = np.array([True, True, False, False, False])
    long_exit = np.array([False, False, True, False, False])
    short_entry = np.array([False, False, True, False, False])
    short_exit = np.array([False, False, False, True, False])

    amount = signals_to_amount(long_entry, long_exit, short_entry, short_exit, accumulate=True, action=False)
    ```

    """
    _amount: float = 0.0  # 持仓状态
    _action: float = 0.0  # 下单方向
    out = np.zeros(len(is_long_entry), dtype=float)
    for i in range(len(is_long_entry)):
        if _amount == 0.0:
            # 多头信号优先级高于空头信号
            if is_long_entry[i]:
                _amount += 1.0
                _action = 1.0
            elif is_short_entry[i]:
                _amount -= 1.0
                _action = -1.0
        elif _amount > 0.0:
            if is_long_exit[i]:
                _amount -= 1.0
                _action = -1.0
            elif is_long_entry[i] and accumulate:
                _amount += 1.0
                _action = 1.0
        else:
            if is_short_exit[i]:
                _amount += 1.0
                _action = 1.0
            elif is_short_entry[i] and accumulate:
                _amount -= 1.0
                _action = -1.0

        out[i] = _action if action else _amount
    return out


import numpy as np
from numba import jit
from numpy import full


@jit(nopython=True, nogil=True, cache=True)
def _triple_barrier(close: np.ndarray, high: np.ndarray, low: np.ndarray, window: int, take_profit: float, stop_loss: float) -> np.ndarray:
    """三重障碍打标法"""
    out = full(close.shape[0], np.nan, dtype=np.float64)
    for i in range(close.shape[0] - window + 1):
        entry_price = close[i]
        if np.isnan(entry_price):
            # out[i] = 0
            continue
        upper_barrier = entry_price * (1 + take_profit)
        lower_barrier = entry_price * (1 - stop_loss)
        for j in range(i + 1, i + window):
            hit_upper = high[j] >= upper_barrier
            hit_lower = low[j] <= lower_barrier
            if hit_upper and hit_lower:
                # TODO 同一天无法知道是先触发止损还是先触发止盈
                # 1. 假定离收盘价远的先触发
                if high[j] - close[j] > close[j] - low[j]:
                    out[i] = 1  # 最高价更远，触发止盈
                else:
                    out[i] = -1  # 最低价更远，触发止损

                # out[i] = -1 # 2. 简化处理认为先触发止损
                break
            if hit_upper:
                out[i] = 1  # 止盈
                break
            if hit_lower:
                out[i] = -1  # 止损
                break
        else:
            # out[i] = 0  # 1. 时间到了触发平仓
            out[i] = np.sign(close[j] / entry_price - 1)  # 2. 时间到了触发平仓

    return out


import numpy as np
from numba import jit, prange


@jit(nopython=True, nogil=True, fastmath=True)
def np_apply_along_axis(func1d, axis, arr, out):
    if axis == 0:
        for i in range(len(out)):
            out[i] = func1d(arr[:, i])
    else:
        for i in range(len(out)):
            out[i] = func1d(arr[i, :])
    return out


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def np_mean(arr, axis, out):
    return np_apply_along_axis(np.mean, axis, arr, out)


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def np_sum(arr, axis, out):
    # sum支持axis
    return np_apply_along_axis(np.sum, axis, arr, out)


@jit(nopython=True, nogil=True, fastmath=True, cache=True)
def np_tile(arr, reps):
    m, n = arr.shape
    out = np.empty(shape=(m, n * reps), dtype=arr.dtype)
    for i in range(reps):
        out[:, i * n:(i + 1) * n] = arr
    return out


@jit(nopython=True, nogil=True, fastmath=True, cache=True, parallel=True)
def _sub_portfolio_returns(m: int, n: int, weights: np.ndarray, returns: np.ndarray, period: int = 3, is_mean: bool = True) -> np.ndarray:
    # tile时可能长度不够，所以补充一段
    weights = np.concatenate((weights, weights[:period]), axis=0)
    # 记录每份的收益率
    out = np.zeros(shape=(m, period), dtype=float)
    # 资金分成period份
    for i in prange(period):
        # 某一天的持仓需要持续period天
        w = np_tile(weights[i::period], period).reshape(-1, n)
        if i > 0:
            # shift操作
            w[i:] = w[:-i]
            w[:i] = 0
        w = w[:m]

        if n == 1:
            # 一条资产，直接返回
            out[:, i] = (returns * w).flatten()
            continue

        # 计算此份资金的收益，净值从1开始
        if is_mean:
            # 等权分配
            np_mean(returns * w, axis=1, out=out[:, i])
        else:
            # 将权重分配交给外部。一般pos.abs.sum==1
            np_sum(returns * w, axis=1, out=out[:, i])
    return out
# ---- harness (not part of the program) ----
ENTRY = "run_polars_ta_kernels"


def run_polars_ta_kernels(close, volume, high, low, ret, gappy, signals, weights, returns, weights1, returns1):
    res = []
    w = 20
    for s in (20, 65, 100):
        a, b, c = close[s:s + w], volume[s:s + w], high[s:s + w]
        res.append(_co_kurtosis(a, b))
        res.append(_co_skewness(a, b))
        res.append(_moment(ret[s:s + w], 3))
        res.append(_moment(ret[s:s + w], 4.0))
        res.append(_partial_corr(a, b, c))
        res.append(_triple_corr(a, b, c))
    res.append(_zip_prod(gappy.copy(), 1.0 + ret))
    res.append(_zip_sum(gappy.copy(), ret))
    le, lx, se, sx = signals
    res.append(signals_to_amount(le, lx, se, sx, False, False))
    res.append(signals_to_amount(le, lx, se, sx, True, False))
    res.append(signals_to_amount(le, lx, se, sx, True, True))
    res.append(signals_to_amount(le, lx, se, sx, False, True))
    res.append(_triple_barrier(close, high, low, 10, 0.03, 0.02))
    res.append(_triple_barrier(close, high, low, 5, 0.01, 0.01))
    m, n = returns.shape
    res.append(_sub_portfolio_returns(m, n, weights, returns))
    res.append(_sub_portfolio_returns(m, n, weights, returns, 5, False))
    res.append(_sub_portfolio_returns(returns1.shape[0], 1, weights1, returns1, 2))
    out = np.zeros(n)
    res.append(np_sum(returns, 0, out))
    res.append(np_mean(returns, 0, np.zeros(n)))
    res.append(np_tile(weights[:4], 3))
    return tuple(res)


def inputs():
    rng = np.random.default_rng(0)
    n = 120
    ret = rng.normal(0.0, 0.02, n)
    close = 100.0 * np.cumprod(1.0 + ret)
    volume = rng.uniform(1e5, 5e5, n)
    high = close * (1.0 + rng.uniform(0.0, 0.02, n))
    low = close * (1.0 - rng.uniform(0.0, 0.02, n))
    close[[15, 61]] = np.nan
    gappy = ret.copy()
    gappy[rng.random(n) < 0.25] = np.nan
    gappy[0] = 0.01
    sig = rng.random((4, n))
    signals = (sig[0] < 0.15, sig[1] < 0.15, sig[2] < 0.1, sig[3] < 0.1)
    # a (days, assets) panel of portfolio weights and asset returns
    days, assets = 40, 6
    weights = rng.random((days, assets))
    weights /= weights.sum(axis=1)[:, None]
    returns = rng.normal(0.0, 0.01, (days, assets))
    weights1 = rng.random((days, 1))
    returns1 = rng.normal(0.0, 0.01, (days, 1))
    return (close, volume, high, low, ret, gappy, signals, weights, returns, weights1, returns1)
