# numpy_calls_numba.py - Numba twin of numpy_calls.weft: np.interp,
# np.convolve, np.bincount, np.roll and np.nonzero in one jitted function.
# Usage: /usr/bin/python3 numpy_calls_numba.py N REPS; prints "median_seconds check"
from numba import njit
import numpy as np
import sys, time


@njit
def calls(x, xp, fp, v, labels):
    y = np.interp(x, xp, fp)
    s = np.convolve(y[:100000], v)
    counts = np.bincount(labels)
    r = np.roll(y, 12345)
    idx = np.nonzero(r > 0.5)[0]
    return y.sum() + s.sum() + counts[7] + len(idx)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
x = np.arange(n) * 7919 % 100003 / 10000.3
xp = np.linspace(0.0, 10.0, 1000)
fp = np.sin(xp)
v = np.linspace(0.0, 1.0, 50)
labels = np.arange(n) * 31 % 1000
c = calls(x, xp, fp, v, labels)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    c = calls(x, xp, fp, v, labels)
    times[r] = time.perf_counter() - t0
print(np.median(times), c)
