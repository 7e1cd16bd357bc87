# kde_numba.py - Numba twin of kde.weft: Gaussian kernel density estimate at
# m evaluation points from n samples (prange over points, helper per pair).
# Usage: /usr/bin/python3 kde_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit
def gauss_weight(x, s, h):
    return np.exp(-0.5 * ((x - s) / h) ** 2)


@njit(parallel=True)
def kde(points, samples, h):
    m = len(points)
    n = len(samples)
    density = np.zeros(m)
    norm = n * h * np.sqrt(2 * np.pi)
    for i in prange(m):
        total = 0.0
        for j in range(n):
            total += gauss_weight(points[i], samples[j], h)
        density[i] = total / norm
    return density


n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
m = n
samples = np.arange(n) * 7 % 1013 / 1013.0
points = np.arange(m) * 1.2 / m - 0.1
h = 0.05
density = kde(points, samples, h)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    density = kde(points, samples, h)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(density) / m)
