# scalar_helpers_numba.py - Numba twin of scalar_helpers.weft: smoothstep
# blend of two arrays through small @njit scalar helpers called per element.
# Usage: /usr/bin/python3 scalar_helpers_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit
def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


@njit
def smoothstep(e0, e1, x):
    t = clamp((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


@njit
def lerp(a, b, t):
    return a + (b - a) * t


@njit(parallel=True)
def blend(x, y, out):
    for i in prange(len(x)):
        t = smoothstep(0.25, 0.75, x[i])
        out[i] = lerp(y[i], 1.0 - y[i], t)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
x = np.arange(n) * 7 % 1013 / 1013.0
y = np.arange(n) * 13 % 1019 / 1019.0
out = np.zeros(n)
blend(x, y, out)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    blend(x, y, out)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(out) / n)
