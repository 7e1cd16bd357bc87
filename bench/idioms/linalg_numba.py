# linalg_numba.py - Numba twin of linalg.weft: eigh, svd, lstsq and
# qr in one jitted function (Numba calls LAPACK through SciPy's bindings).
# Usage: /usr/bin/python3 linalg_numba.py N REPS; prints "median_seconds check"
from numba import njit
import numpy as np
import sys, time


@njit
def decompose(a, t, y):
    w, v = np.linalg.eigh(a + a.T)
    u, s, vh = np.linalg.svd(a)
    x, res, rank, sv = np.linalg.lstsq(t, y, rcond=-1.0)
    q, r = np.linalg.qr(t)
    return w.sum() + s.sum() + res.sum() + np.abs(np.diag(r)).sum() + rank


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
k = np.arange(n * n)
a = ((k * k * 7919 + k * 3) % 10007 / 10007.0).reshape((n, n))
m = np.arange((n + 100) * n)
t = ((m * m * 7919 + m * 104729) % 100003 / 100003.0).reshape((n + 100, n))
y = np.sin(np.arange(n + 100) * 0.1)
c = decompose(a, t, y)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    c = decompose(a, t, y)
    times[r] = time.perf_counter() - t0
print(np.median(times), c)
