# hist_bin_numba.py - Numba twin of hist_bin.weft: histogram of n values into
# non-uniform bins, with a helper compute_bin(x, edges) (binary search of the
# edges) called once per element from a plain serial loop.
# Usage: /usr/bin/python3 hist_bin_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit
def compute_bin(x, edges):
    n = len(edges) - 1
    if x < edges[0] or x > edges[n]:
        return -1
    if x == edges[n]:
        return n - 1
    lo = 0
    hi = n
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if x >= edges[mid]:
            lo = mid
        else:
            hi = mid
    return lo


@njit
def histogram(a, edges):
    hist = np.zeros(len(edges) - 1, dtype=np.int64)
    for i in range(len(a)):
        b = compute_bin(a[i], edges)
        if b >= 0:
            hist[b] += 1
    return hist


n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
nbins = 100
a = np.arange(n) * 7919 % 100003 / 100003.0 * 1.2 - 0.1
edges = np.arange(nbins + 1) / nbins
edges = edges * edges
hist = histogram(a, edges)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    hist = histogram(a, edges)
    times[r] = time.perf_counter() - t0
print(np.median(times), float(np.sum(hist * (np.arange(nbins) + 1))))
