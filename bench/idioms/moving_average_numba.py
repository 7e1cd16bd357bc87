# moving_average_numba.py - Numba twin of moving_average.weft: moving
# average over a window of w elements, np.mean of a slice per output.
# Usage: /usr/bin/python3 moving_average_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit(parallel=True)
def moving_average(a, w, out):
    for i in prange(len(out)):
        out[i] = np.mean(a[i:i + w])


n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
w = 64
a = np.arange(n) * 7 % 1013 / 1013.0
out = np.zeros(n - w + 1)
moving_average(a, w, out)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    moving_average(a, w, out)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(out) / len(out))
