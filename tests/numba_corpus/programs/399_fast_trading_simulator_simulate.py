# Source: SerenaTradingResearch/fast-trading-simulator fast_trading_simulator/sim.py (at commit 45e6bc3d)
# Licence: MIT (fast-trading-simulator, setup.py at commit 01368e30: license="MIT", classifier "License :: OSI Approved :: MIT License"; Ricky Ding)
# Notes: event-driven backtest of leveraged long/short trades over many crypto futures symbols (trading and backtesting): simulate (@numba.njit) walks time; at each step it iterates over list(open_trades.items()) of a dict keyed by (sign, symbol) tuples holding 8-float trade records, calls find_profit (tuple unpacking of the 5-element action row, np.sign, max of int, leveraged return net of fees, liquidation/stop-loss/take-profit/timeout exits as (profit, exit code) tuples returned from several return statements, keyword arguments with defaults), books closed trades (a tuple assigned into the slice x[-4:], del of the dict entry, append to a list of arrays) and opens new positions sized from the remaining cash while the book has room (len of the dict, membership test on a tuple key, np.array of a mixed list); it returns the list of closed-trade records. Pasted: the module's numba/numpy imports, its constants and the jitted find_profit, find_price2, simulate and sim_all_points (left out: the trading_models import and the plain-Python map_trades, which only plot); the harness passes what the project's test passes: market klines for 8 symbols over 600 one-minute steps (price in column 1, a random walk), random actions drawn as rand_action draws them (position sign, leverage 1-10, timeout 1-100, take profit 0.01-0.2, stop loss -0.9 to -0.1), tot_fee = 1e-3, liq_fee = 0.02 for every symbol, clip_pr=True, alloc_ratio=1e-3, init_cash=1e8
from typing import Dict, List

import numba
import numpy as np

E_NO_EXIT = 0
E_TIMEOUT = 1
E_TAKE_PROFIT = 2
E_STOP_LOSS = 3
E_LIQ_PROTECT = 4
E_LIQ_TRIGGER = 5

EXIT_REASONS = [
    "no_exit",
    "timeout",
    "take_profit",
    "stop_loss",
    "liq_protect",
    "liq_trigger",
]

ACT_NAMES = "pos, lev, timeout, take_profit, stop_loss".split(",")
ACT_LOW = np.array([-1, 1, 1, 0.01, -0.9])
ACT_HIGH = np.array([1, 10, 100, 0.2, -0.1])


@numba.njit
def find_profit(
    price1: float,
    price2: float,
    dt: int,
    action: np.ndarray,
    tot_fee: float,
    liq_fee: float,
    liq_protect=-0.8,
    liq_trigger=-0.9,
    clip_pr: bool = False,
):
    pos, lev, timeout, take_profit, stop_loss = action
    pos, lev, p1, p2 = np.sign(pos), max(1, int(lev)), price1, price2
    pr = lev * (pos * (p2 - p1) / p1 - tot_fee)
    liq_pr = pr - lev * (liq_fee * p2 / p1)
    if clip_pr:
        pr = min(pr, take_profit)
    if liq_pr < liq_trigger:
        return -1.0, E_LIQ_TRIGGER
    if liq_pr < liq_protect:
        return pr, E_LIQ_PROTECT
    if pr < stop_loss:
        return pr, E_STOP_LOSS
    if pr >= take_profit:
        return pr, E_TAKE_PROFIT
    if dt >= timeout:
        return pr, E_TIMEOUT
    return pr, E_NO_EXIT


@numba.njit
def find_price2(
    price1: float,
    action: np.ndarray,
    tot_fee: float,
):
    pos, lev, timeout, take_profit, stop_loss = action
    pos, lev, p1 = np.sign(pos), max(1, int(lev)), price1
    # pr = lev * (pos * (p2 - p1) / p1 - tot_fee)
    return (take_profit / lev + tot_fee) * p1 / pos + p1


@numba.njit
def simulate(
    market: np.ndarray,
    action: np.ndarray,
    tot_fee: float,
    liq_fee: np.ndarray,
    liq_protect=-0.8,
    liq_trigger=-0.9,
    clip_pr: bool = False,
    min_pos=0.1,
    use_ratio=0.5,
    alloc_ratio=0.01,
    init_cash=10e3,
    min_cash=10,
    price_idx=1,
):
    max_open = int(use_ratio / alloc_ratio)
    SYMBOL, TIME, _ = market.shape

    worth = cash_left = init_cash
    open_trades: Dict[int, np.ndarray] = {}
    done_trades: List[np.ndarray] = []

    for t in range(TIME):

        for id, x in list(open_trades.items()):
            s1, t1, cash = int(x[0]), int(x[1]), x[2]
            dt = t - t1
            pr, exit = find_profit(
                price1=market[s1, t1, price_idx],
                price2=market[s1, t, price_idx],
                dt=dt,
                action=action[s1, t1],
                tot_fee=tot_fee,
                liq_fee=liq_fee[s1],
                liq_protect=liq_protect,
                liq_trigger=liq_trigger,
                clip_pr=clip_pr,
            )
            if exit:
                worth += cash * pr
                cash_left += cash * (1 + pr)
                x[-4:] = float(dt), pr, float(exit), worth
                del open_trades[id]
                done_trades.append(x)

        for s in range(SYMBOL):
            pos = action[s, t, 0]
            if abs(pos) > min_pos and len(open_trades) < max_open:
                cash = min(cash_left, worth * alloc_ratio * abs(pos))
                id = (np.sign(pos), s)  # int(np.sign(pos) * (s + 1))
                if cash > min_cash and id not in open_trades:
                    cash_left -= cash
                    open_trades[id] = np.array([s, t, cash, pos, 0.0, 0.0, 0.0, 0.0])

    return done_trades


@numba.njit
def sim_all_points(
    market: np.ndarray,
    action: np.ndarray,
    tot_fee: float,
    liq_fee: np.ndarray,
    liq_protect=-0.8,
    liq_trigger=-0.9,
    clip_pr: bool = False,
    price_idx=1,
):
    SYMBOL, TIME, _ = market.shape
    all_pr = np.zeros((SYMBOL, TIME, 1))
    for s in numba.prange(SYMBOL):
        for t in numba.prange(TIME):
            act = action[s, t]
            if act[0] == 0:
                continue
            for t2 in range(t + 1, TIME):
                pr, exit = find_profit(
                    price1=market[s, t, price_idx],
                    price2=market[s, t2, price_idx],
                    dt=t2 - t,
                    action=act,
                    tot_fee=tot_fee,
                    liq_fee=liq_fee[s],
                    liq_protect=liq_protect,
                    liq_trigger=liq_trigger,
                    clip_pr=clip_pr,
                )
                if exit:
                    all_pr[s, t, 0] = pr
                    break
    return all_pr
# ---- harness (not part of the program) ----
ENTRY = "simulate"


def inputs():
    # 8 symbols x 600 one-minute klines (open time, close, high, low,
    # volume), closes a geometric random walk with 0.2% steps; actions as
    # rand_action makes them: uniform tanh values, position sign +-1, mapped
    # linearly onto [ACT_LOW, ACT_HIGH]
    rng = np.random.default_rng(0)
    sym, time = 8, 600
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 2e-3, (sym, time)), axis=1))
    close *= rng.uniform(0.5, 50.0, (sym, 1))
    market = np.empty((sym, time, 5))
    market[:, :, 0] = np.arange(time) * 60000.0
    market[:, :, 1] = close
    market[:, :, 2] = close * (1 + rng.uniform(0, 1e-3, (sym, time)))
    market[:, :, 3] = close * (1 - rng.uniform(0, 1e-3, (sym, time)))
    market[:, :, 4] = rng.uniform(1e3, 1e5, (sym, time))
    tanh_act = rng.uniform(-1, 1, (sym, time, 5))
    tanh_act[:, :, 0] = np.where(tanh_act[:, :, 0] > 0, 1, -1)
    action = (tanh_act + 1) / 2 * (ACT_HIGH - ACT_LOW) + ACT_LOW
    liq_fee = np.full(sym, 0.02)
    return (market, action, 1e-3, liq_fee, -0.8, -0.9, True, 0.1, 0.5, 1e-3,
            1e8)
