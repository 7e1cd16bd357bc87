"""Benchmark peer: Numba @njit a @ b (np.dot through BLAS), best of reps;
the first call (compilation) is excluded."""
import sys
import time

import numpy as np
from numba import njit


@njit
def product(a, b):
    return a @ b


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
a = (np.arange(n * n) % 7 * 0.25).reshape(n, n)
b = (np.arange(n * n) % 5 * 0.5 - 1.0).reshape(n, n)
product(a, b)
best = 1e300
for _ in range(reps):
    t0 = time.perf_counter()
    c = product(a, b)
    best = min(best, time.perf_counter() - t0)
print(best, c[n - 1, n - 1])
