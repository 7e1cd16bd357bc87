# poly_powers_numba.py - Numba twin of poly_powers.weft: elementwise
# polynomial with small integer powers (** 2, ** 3, ** 6) and ** 0.5.
# Usage: /usr/bin/python3 poly_powers_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit(parallel=True)
def poly_powers(x, out):
    for i in prange(len(x)):
        v = x[i]
        p = 0.5 * v ** 6 - 1.25 * v ** 3 + 3.0 * v ** 2 - v + 0.25
        out[i] = p + (v ** 2 + 1.0) ** 0.5


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
x = np.arange(n) * 7 % 1013 / 1013.0 * 2.0 - 1.0
out = np.zeros(n)
poly_powers(x, out)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    poly_powers(x, out)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(out) / n)
