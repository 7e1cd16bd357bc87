"""Benchmark peer: NumPy's a @ b (OpenBLAS on Debian), best of reps."""
import sys
import time

import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
a = (np.arange(n * n) % 7 * 0.25).reshape(n, n)
b = (np.arange(n * n) % 5 * 0.5 - 1.0).reshape(n, n)
best = 1e300
for _ in range(reps):
    t0 = time.perf_counter()
    c = a @ b
    best = min(best, time.perf_counter() - t0)
print(best, c[n - 1, n - 1])
