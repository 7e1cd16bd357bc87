# pairwise_dist_numba.py - Numba twin of pairwise_dist.weft: the (n, n)
# Euclidean distance matrix from row views (prange over rows).
# Usage: /usr/bin/python3 pairwise_dist_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit(parallel=True)
def pairwise_dist(X):
    n = X.shape[0]
    D = np.empty((n, n))
    for i in prange(n):
        for j in range(n):
            D[i, j] = np.sqrt(np.sum((X[i] - X[j]) ** 2))
    return D


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
d = 3
X = np.zeros((n, d))
for t in range(d):
    X[:, t] = (np.arange(n) * (7 + 6 * t) + 3 * t) % 1013 / 1013.0
D = pairwise_dist(X)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    D = pairwise_dist(X)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(D) / (n * n))
