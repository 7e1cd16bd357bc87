# Source: enarjord/passivbot njit_funcs.py (at commit e7e0b11b)
# Licence: MIT (passivbot, LICENSE; the MIT text with the notice "Copyright (c) 2012-2021 Scott Chacon and others")
# Notes: the take-profit order grid of a long position in passivbot's grid-trading bot (finance / algorithmic trading): calc_close_grid_frontwards_long (@njit) rounds prices and quantities to exchange steps with np.round(np.ceil(np.round(n / step, 10)) * step, 10), spreads close prices with np.linspace, builds reflected lists of floats and of (qty, price, label) tuples with string labels, returns early with one-element lists of tuples, and when the position's wallet exposure is above the auto-unstuck threshold calls find_close_qty_long_bringing_wallet_exposure_to_target, a secant search with a nested closure eval_ over the enclosing arguments, sorted() of lists of tuples built by comprehensions over zip, `in` on a list of floats, a bare try/except around the interpolate helper (nested list comprehensions with an `if` filter inside np.prod / np.sum), and a dead `if False:` debugging branch that calls round_dynamic (round() with a computed digit count); the list of close orders is returned. Pasted: the module's __future__, os and numpy imports and its NOJIT switch (which prints "using numba" on import), the first block of small jitted helpers (round_dynamic to calc_wallet_exposure_if_filled), calc_close_grid_frontwards_long, interpolate and find_close_qty_long_bringing_wallet_exposure_to_target; left out: the rest of the 96 000-character module (entry grids, the backwards and short close grids, the backtest loop and the other jitted functions this one does not call); the harness passes the arguments of a linear USDT contract in the shape passivbot's bot uses: balance 1000, a long of 9.5 at 100.0 (wallet exposure 0.95, above the unstuck threshold 0.9 of a 1.0 limit), lowest ask 99.0, upper EMA band 99.5, qty step 0.01, price step 0.01, min qty 0.01, min cost 5, markup 0.2% to 2.2% over 7 orders and unstuck EMA distance 0.1%
from __future__ import annotations

import os

import numpy as np

if "NOJIT" in os.environ and os.environ["NOJIT"] == "true":
    print("not using numba")

    def njit(pyfunc=None, **kwargs):
        def wrap(func):
            return func

        if pyfunc is not None:
            return wrap(pyfunc)
        else:
            return wrap

else:
    print("using numba")
    from numba import njit


@njit
def round_dynamic(n: float, d: int):
    if n == 0.0:
        return n
    return round(n, d - int(np.floor(np.log10(abs(n)))) - 1)


@njit
def round_up(n, step, safety_rounding=10) -> float:
    return np.round(np.ceil(np.round(n / step, safety_rounding)) * step, safety_rounding)


@njit
def round_dn(n, step, safety_rounding=10) -> float:
    return np.round(np.floor(np.round(n / step, safety_rounding)) * step, safety_rounding)


@njit
def round_(n, step, safety_rounding=10) -> float:
    return np.round(np.round(n / step) * step, safety_rounding)


@njit
def calc_diff(x, y):
    return abs(x - y) / abs(y)


@njit
def nan_to_0(x) -> float:
    return x if x == x else 0.0


@njit
def calc_min_entry_qty(price, inverse, qty_step, min_qty, min_cost) -> float:
    return (
        min_qty
        if inverse
        else max(min_qty, round_up(min_cost / price if price > 0.0 else 0.0, qty_step))
    )


@njit
def cost_to_qty(cost, price, inverse, c_mult):
    return (cost * price if inverse else (cost / price if price > 0.0 else 0.0)) / c_mult


@njit
def qty_to_cost(qty, price, inverse, c_mult) -> float:
    return ((abs(qty / price) if price > 0.0 else 0.0) if inverse else abs(qty * price)) * c_mult


@njit
def calc_ema(alpha, alpha_, prev_ema, new_val) -> float:
    return prev_ema * alpha_ + new_val * alpha


@njit
def calc_samples(ticks: np.ndarray, sample_size_ms: int = 1000) -> np.ndarray:
    # ticks [[timestamp, qty, price]]
    sampled_timestamps = np.arange(
        ticks[0][0] // sample_size_ms * sample_size_ms,
        ticks[-1][0] // sample_size_ms * sample_size_ms + sample_size_ms,
        sample_size_ms,
    )
    samples = np.zeros((len(sampled_timestamps), 3))
    samples[:, 0] = sampled_timestamps
    ts = sampled_timestamps[0]
    i = 0
    k = 0
    while True:
        if ts == samples[k][0]:
            samples[k][1] += ticks[i][1]
            samples[k][2] = ticks[i][2]
            i += 1
            if i >= len(ticks):
                break
            ts = ticks[i][0] // sample_size_ms * sample_size_ms
        else:
            k += 1
            if k >= len(samples):
                break
            samples[k][2] = samples[k - 1][2]
    return samples


@njit
def calc_emas(xs, spans):
    emas = np.zeros((len(xs), len(spans)))
    alphas = 2 / (spans + 1)
    alphas_ = 1 - alphas
    emas[0] = xs[0]
    for i in range(1, len(xs)):
        emas[i] = emas[i - 1] * alphas_ + xs[i] * alphas
    return emas


@njit
def calc_pnl_long(entry_price, close_price, qty, inverse, c_mult) -> float:
    if inverse:
        if entry_price == 0.0 or close_price == 0.0:
            return 0.0
        return abs(qty) * c_mult * (1.0 / entry_price - 1.0 / close_price)
    else:
        return abs(qty) * c_mult * (close_price - entry_price)


@njit
def calc_pnl_short(entry_price, close_price, qty, inverse, c_mult) -> float:
    if inverse:
        if entry_price == 0.0 or close_price == 0.0:
            return 0.0
        return abs(qty) * c_mult * (1.0 / close_price - 1.0 / entry_price)
    else:
        return abs(qty) * c_mult * (entry_price - close_price)


@njit
def calc_equity(
    balance,
    psize_long,
    pprice_long,
    psize_short,
    pprice_short,
    last_price,
    inverse,
    c_mult,
):
    equity = balance
    if pprice_long and psize_long:
        equity += calc_pnl_long(pprice_long, last_price, psize_long, inverse, c_mult)
    if pprice_short and psize_short:
        equity += calc_pnl_short(pprice_short, last_price, psize_short, inverse, c_mult)
    return equity


@njit
def calc_new_psize_pprice(psize, pprice, qty, price, qty_step) -> (float, float):
    if qty == 0.0:
        return psize, pprice
    new_psize = round_(psize + qty, qty_step)
    if new_psize == 0.0:
        return 0.0, 0.0
    return (
        new_psize,
        nan_to_0(pprice) * (psize / new_psize) + price * (qty / new_psize),
    )


@njit
def calc_wallet_exposure_if_filled(balance, psize, pprice, qty, price, inverse, c_mult, qty_step):
    psize, qty = round_(abs(psize), qty_step), round_(abs(qty), qty_step)
    new_psize, new_pprice = calc_new_psize_pprice(psize, pprice, qty, price, qty_step)
    return qty_to_cost(new_psize, new_pprice, inverse, c_mult) / balance


@njit
def calc_close_grid_frontwards_long(
    balance,
    psize,
    pprice,
    lowest_ask,
    ema_band_upper,
    inverse,
    qty_step,
    price_step,
    min_qty,
    min_cost,
    c_mult,
    wallet_exposure_limit,
    min_markup,
    markup_range,
    n_close_orders,
    auto_unstuck_wallet_exposure_threshold,
    auto_unstuck_ema_dist,
):
    psize = psize_ = round_dn(psize, qty_step)  # round down for spot
    if psize == 0.0:
        return [(0.0, 0.0, "")]
    minm = pprice * (1 + min_markup)
    raw_close_prices = np.linspace(
        minm, pprice * (1 + min_markup + markup_range), int(round(n_close_orders))
    )
    close_prices = []
    for p_ in raw_close_prices:
        price = round_up(p_, price_step)
        if price >= lowest_ask:
            close_prices.append(price)
    closes = []
    if len(close_prices) == 0:
        return [(-psize, lowest_ask, "long_nclose")]
    wallet_exposure = qty_to_cost(psize, pprice, inverse, c_mult) / balance
    threshold = wallet_exposure_limit * (1 - auto_unstuck_wallet_exposure_threshold)
    if auto_unstuck_wallet_exposure_threshold != 0.0 and wallet_exposure > threshold:
        unstuck_close_price = max(
            lowest_ask, round_up(ema_band_upper * (1 + auto_unstuck_ema_dist), price_step)
        )
        if unstuck_close_price < close_prices[0]:
            unstuck_close_qty = find_close_qty_long_bringing_wallet_exposure_to_target(
                balance,
                psize_,
                pprice,
                threshold * 1.01,
                unstuck_close_price,
                inverse,
                qty_step,
                c_mult,
            )
            min_entry_qty = calc_min_entry_qty(
                unstuck_close_price, inverse, qty_step, min_qty, min_cost
            )
            unstuck_close_qty = max(min_entry_qty, unstuck_close_qty)
            psize_ = round_(psize_ - unstuck_close_qty, qty_step)
            if psize_ < min_entry_qty:
                # close whole pos; include leftovers
                return [(-psize, unstuck_close_price, "long_unstuck_close")]
            closes.append((-unstuck_close_qty, unstuck_close_price, "long_unstuck_close"))
    if len(close_prices) == 1:
        if psize_ >= calc_min_entry_qty(close_prices[0], inverse, qty_step, min_qty, min_cost):
            closes.append((-psize_, close_prices[0], "long_nclose"))
        return closes
    default_close_qty = round_dn(psize_ / len(close_prices), qty_step)
    for price in close_prices[:-1]:
        min_close_qty = calc_min_entry_qty(price, inverse, qty_step, min_qty, min_cost)
        if psize_ < min_close_qty:
            break
        close_qty = min(psize_, max(min_close_qty, default_close_qty))
        closes.append((-close_qty, price, "long_nclose"))
        psize_ = round_(psize_ - close_qty, qty_step)
    min_close_qty = calc_min_entry_qty(close_prices[-1], inverse, qty_step, min_qty, min_cost)
    if psize_ >= min_close_qty:
        closes.append((-psize_, close_prices[-1], "long_nclose"))
    elif len(closes) > 0:
        closes[-1] = (-round_(abs(closes[-1][0]) + psize_, qty_step), closes[-1][1], closes[-1][2])
    return closes


@njit
def interpolate(x, xs, ys):
    return np.sum(
        np.array(
            [
                np.prod(np.array([(x - xs[m]) / (xs[j] - xs[m]) for m in range(len(xs)) if m != j]))
                * ys[j]
                for j in range(len(xs))
            ]
        )
    )


@njit
def find_close_qty_long_bringing_wallet_exposure_to_target(
    balance,
    psize,
    pprice,
    wallet_exposure_target,
    close_price,
    inverse,
    qty_step,
    c_mult,
) -> float:
    def eval_(guess_):
        return qty_to_cost(psize - guess_, pprice, inverse, c_mult) / (
            balance + calc_pnl_long(pprice, close_price, guess_, inverse, c_mult)
        )

    if wallet_exposure_target == 0.0:
        return psize
    wallet_exposure = qty_to_cost(psize, pprice, inverse, c_mult) / balance
    if wallet_exposure <= wallet_exposure_target * 1.001:
        # wallet_exposure within 0.1% of target: return zero
        return 0.0
    guesses = []
    vals = []
    evals = []
    guesses.append(
        min(
            psize,
            max(0.0, round_(psize * (1 - wallet_exposure_target / wallet_exposure), qty_step)),
        )
    )
    vals.append(eval_(guesses[-1]))
    evals.append(abs(vals[-1] - wallet_exposure_target) / wallet_exposure_target)
    guesses.append(
        min(psize, max(0.0, round_(max(guesses[-1] * 1.2, guesses[-1] + qty_step), qty_step)))
    )
    if guesses[-1] == guesses[-2]:
        guesses[-1] = min(
            psize, max(0.0, round_(min(guesses[-1] * 0.8, guesses[-1] - qty_step), qty_step))
        )
    vals.append(eval_(guesses[-1]))
    evals.append(abs(vals[-1] - wallet_exposure_target) / wallet_exposure_target)
    for _ in range(15):
        egv = sorted([(e, g, v) for e, g, v in zip(evals, guesses, vals)])
        try:
            new_guess = interpolate(
                wallet_exposure_target,
                np.array([egv[0][2], egv[1][2]]),
                np.array([egv[0][1], egv[1][1]]),
            )
        except:
            """
            print("debug zero div error find_close_qty_long_bringing_wallet_exposure_to_target")
            print(
                "balance, psize, pprice, wallet_exposure_target, close_price, inverse, qty_step, c_mult,"
            )
            print(
                balance,
                psize,
                pprice,
                wallet_exposure_target,
                close_price,
                inverse,
                qty_step,
                c_mult,
            )
            print("guesses, vals", guesses, vals)
            """
            new_guess = (egv[0][1] + egv[1][1]) / 2
        new_guess = min(psize, max(0.0, round_(new_guess, qty_step)))
        if new_guess in guesses:
            new_guess = min(psize, max(0.0, round_(new_guess - qty_step, qty_step)))
            if new_guess in guesses:
                new_guess = min(psize, max(0.0, round_(new_guess + 2 * qty_step, qty_step)))
                if new_guess in guesses:
                    break
        guesses.append(new_guess)
        vals.append(eval_(guesses[-1]))
        evals.append(abs(vals[-1] - wallet_exposure_target) / wallet_exposure_target)
        if evals[-1] < 0.01:
            # close enough
            break
    evals_guesses = sorted([(e, g) for e, g in zip(evals, guesses)])
    if False:  # evals_guesses[0][0] > 0.15:
        print("debug find_close_qty_long_bringing_wallet_exposure_to_target")
        print(
            "balance, psize, pprice, wallet_exposure_target, close_price, inverse, qty_step, c_mult,"
        )
        print(
            balance,
            psize,
            pprice,
            wallet_exposure_target,
            close_price,
            inverse,
            qty_step,
            c_mult,
        )
        print("wallet_exposure", wallet_exposure)
        print("wallet_exposure_target", wallet_exposure_target)
        print(
            "guess, val, target diff",
            [(g, round_dynamic(v, 4), round_dynamic(e, 4)) for g, v, e in zip(guesses, vals, evals)],
        )
        print("n tries", len(guesses))
        print()
    return evals_guesses[0][1]
# ---- harness (not part of the program) ----
ENTRY = "calc_close_grid_frontwards_long"


def inputs():
    # arguments in the order calc_close_grid_long passes them for
    # backwards_tp=False: balance, psize, pprice, lowest_ask,
    # ema_band_upper, inverse, qty_step, price_step, min_qty, min_cost,
    # c_mult, wallet_exposure_limit, min_markup, markup_range,
    # n_close_orders, auto_unstuck_wallet_exposure_threshold,
    # auto_unstuck_ema_dist
    return (1000.0, 9.5, 100.0, 99.0, 99.5, False, 0.01, 0.01, 0.01, 5.0,
            1.0, 1.0, 0.002, 0.02, 7.0, 0.1, 0.001)
