# black_scholes_erf_numba.py - Numba twin of black_scholes_erf.weft:
# Black-Scholes call and put prices of n European options, helper cnd(d)
# written with math.erf called twice per option in a prange loop.
# Usage: /usr/bin/python3 black_scholes_erf_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import math
import sys, time


@njit
def cnd(d):
    return 0.5 + 0.5 * math.erf(d * 0.7071067811865476)


@njit(parallel=True)
def black_scholes(call_result, put_result, stock_price, option_strike,
                  option_years, riskfree, volatility):
    S = stock_price
    X = option_strike
    T = option_years
    R = riskfree
    V = volatility
    for i in prange(len(S)):
        sqrtT = np.sqrt(T[i])
        d1 = (np.log(S[i] / X[i]) + (R + 0.5 * V * V) * T[i]) / (V * sqrtT)
        d2 = d1 - V * sqrtT
        cndd1 = cnd(d1)
        cndd2 = cnd(d2)
        expRT = np.exp(-R * T[i])
        call_result[i] = S[i] * cndd1 - X[i] * expRT * cndd2
        put_result[i] = X[i] * expRT * (1.0 - cndd2) - S[i] * (1.0 - cndd1)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
riskfree = 0.02
volatility = 0.30
stock_price = 5.0 + 25.0 * (np.arange(n) * 7 % 1013 / 1013.0)
option_strike = 1.0 + 99.0 * (np.arange(n) * 13 % 1019 / 1019.0)
option_years = 0.25 + 9.75 * (np.arange(n) * 29 % 1021 / 1021.0)
call_result = np.zeros(n)
put_result = np.zeros(n)
black_scholes(call_result, put_result, stock_price, option_strike,
              option_years, riskfree, volatility)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    black_scholes(call_result, put_result, stock_price, option_strike,
                  option_years, riskfree, volatility)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(call_result) + 0.5 * np.sum(put_result))
