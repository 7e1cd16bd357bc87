# invariant_min_numba.py - Numba twin of invariant_min.weft: clamp and
# rescale n items into the range of a loop-invariant 3-element array.
# Usage: /usr/bin/python3 invariant_min_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit(parallel=True)
def rescale(x, bounds, out):
    for i in prange(len(x)):
        lo = np.min(bounds)
        hi = np.max(bounds)
        v = min(max(x[i], lo), hi)
        out[i] = (v - lo) / (hi - lo)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
x = np.arange(n) * 7 % 1013 / 1013.0
bounds = np.array([0.75, 0.125, 0.5])
out = np.zeros(n)
rescale(x, bounds, out)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    rescale(x, bounds, out)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(out) / n)
