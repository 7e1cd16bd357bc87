# kmeans_numba.py - Numba twin of kmeans.weft: a fixed number of k-means
# iterations on (n, d) points (prange over points, row-slice squared
# distances, serial centroid update).
# Usage: /usr/bin/python3 kmeans_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit(parallel=True)
def kmeans(X, k, iters):
    n, d = X.shape
    C = X[:k, :].copy()              # deterministic start: the first k points
    labels = np.zeros(n, dtype=np.int64)
    for it in range(iters):
        # assignment step
        for i in prange(n):
            best = 0
            best_dist = np.inf
            for j in range(k):
                dist = np.sum((X[i, :] - C[j, :]) ** 2)
                if dist < best_dist:
                    best_dist = dist
                    best = j
            labels[i] = best
        # update step
        sums = np.zeros((k, d))
        counts = np.zeros(k, dtype=np.int64)
        for i in range(n):
            c = labels[i]
            counts[c] += 1
            for t in range(d):
                sums[c, t] += X[i, t]
        for j in range(k):
            if counts[j] > 0:
                for t in range(d):
                    C[j, t] = sums[j, t] / counts[j]
    return C, labels


n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
d = 8
k = 16
iters = 10
X = np.zeros((n, d))
for t in range(d):
    X[:, t] = (np.arange(n) * (7 + 6 * t) + 3 * t) % 1013 / 1013.0
C, labels = kmeans(X, k, iters)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    C, labels = kmeans(X, k, iters)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(C) + 0.001 * np.sum(labels))
