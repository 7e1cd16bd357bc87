"""Benchmark peers in Python: NumPy and Numba (parallel=True) versions of
the kernels in this folder. Usage: peers.py KERNEL numpy|numba N REPS.
Prints the best time in seconds and a check value."""
import sys
import time

import numpy as np


def best_of(reps, fn):
    best = 1e300
    out = None
    for _ in range(reps):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main():
    kernel, impl, n, reps = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4])
    if impl == "numba":
        from numba import njit, prange

        @njit(parallel=True)
        def elementwise(a, b, d):
            return a * b + np.sin(d)

        @njit(parallel=True)
        def reduction(a, b):
            s = 0.0
            for i in prange(a.shape[0]):
                s += a[i] * b[i]
            return s

        @njit(parallel=True)
        def jacobi(u, v):
            m = u.shape[0]
            for i in prange(1, m - 1):
                for j in range(1, m - 1):
                    v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] +
                                      u[i, j - 1] + u[i, j + 1])
    else:
        def elementwise(a, b, d):
            return a * b + np.sin(d)

        def reduction(a, b):
            return np.sum(a * b)

        def jacobi(u, v):
            v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] +
                                    u[1:-1, :-2] + u[1:-1, 2:])

    if kernel == "elementwise":
        a = np.arange(n) * 1e-7
        b = np.ones(n) * 0.5
        d = np.arange(n) * 3e-7
        elementwise(a, b, d)  # compile (Numba) / warm up
        t, c = best_of(reps, lambda: elementwise(a, b, d))
        print(t, c[n - 1])
    elif kernel == "reduction":
        a = np.arange(n) * 1e-7
        b = np.ones(n) * 0.5
        reduction(a, b)
        t, s = best_of(reps, lambda: reduction(a, b))
        print(t, s)
    elif kernel == "jacobi":
        u = (np.arange(n * n) % 17 * 1.0).reshape(n, n)
        v = np.zeros((n, n))
        jacobi(u, v)
        t, _ = best_of(reps, lambda: jacobi(u, v))
        print(t, v[n // 2, n // 2])


main()
