# lennard_jones_numba.py - Numba twin of lennard_jones.weft: Lennard-Jones
# potential energy of n particles in an (n, 3) array; distance(a[i], a[j]) on
# two row views, (1.0 / r) ** 12 - (1.0 / r) ** 6, prange over i, inner j > i.
# Usage: /usr/bin/python3 lennard_jones_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit
def distance(a, b):
    dx = b[0] - a[0]
    dy = b[1] - a[1]
    dz = b[2] - a[2]
    return np.sqrt(dx * dx + dy * dy + dz * dz)


@njit
def lj(r):
    return 4.0 * ((1.0 / r) ** 12 - (1.0 / r) ** 6)


@njit(parallel=True)
def potential(a):
    n = a.shape[0]
    energy = 0.0
    for i in prange(n):
        for j in range(i + 1, n):
            r = distance(a[i], a[j])
            energy += lj(r)
    return energy


n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
side = 20.0
pos = np.zeros((n, 3))
pos[:, 0] = np.arange(n) * 7 % 1013 / 1013.0 * side
pos[:, 1] = np.arange(n) * 13 % 1019 / 1019.0 * side
pos[:, 2] = np.arange(n) * 29 % 1021 / 1021.0 * side
e = potential(pos)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    e = potential(pos)
    times[r] = time.perf_counter() - t0
print(np.median(times), e)
