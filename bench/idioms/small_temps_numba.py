# small_temps_numba.py - Numba twin of small_temps.weft: sum over n particles
# of the norm of each position rotated by a fixed 3x3 matrix (small
# temporary arrays per prange iteration, `@`, sqrt(sum(w ** 2))).
# Usage: /usr/bin/python3 small_temps_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit(parallel=True)
def rotated_norms(P, R):
    n = P.shape[0]
    total = 0.0
    for i in prange(n):
        v = np.zeros(3)
        v[0] = P[i, 0]
        v[1] = P[i, 1]
        v[2] = P[i, 2]
        w = R @ v
        total += np.sqrt(np.sum(w ** 2))
    return total


@njit
def rotation(a, b):
    # rotation by a about z, then by b about x
    Rz = np.zeros((3, 3))
    Rz[0, 0] = np.cos(a)
    Rz[0, 1] = -np.sin(a)
    Rz[1, 0] = np.sin(a)
    Rz[1, 1] = np.cos(a)
    Rz[2, 2] = 1.0
    Rx = np.zeros((3, 3))
    Rx[0, 0] = 1.0
    Rx[1, 1] = np.cos(b)
    Rx[1, 2] = -np.sin(b)
    Rx[2, 1] = np.sin(b)
    Rx[2, 2] = np.cos(b)
    return Rx @ Rz


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
P = np.zeros((n, 3))
for t in range(3):
    P[:, t] = (np.arange(n) * (7 + 6 * t) + 3 * t) % 1013 / 1013.0 - 0.5
R = rotation(0.3, 0.5)
total = rotated_norms(P, R)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    total = rotated_norms(P, R)
    times[r] = time.perf_counter() - t0
print(np.median(times), total / n)
