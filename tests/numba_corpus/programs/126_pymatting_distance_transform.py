# Source: pymatting/pymatting pymatting/util/distance.py
# Licence: MIT (Copyright (c) 2020 PyMatting)
# Notes: Euclidean distance transform of a mask (Felzenszwalb & Huttenlocher): a 1-D two-sweep min pass down each column, then the lower-envelope-of-parabolas pass along each row; signature strings with a one-element tuple "(f8[:],)", parallel=True with prange, column views distance[:, x] passed to a jitted helper that writes into them, np.inf, a while loop with break and an early return; the non-jitted distance_transform() driver is left out (its setup is in inputs())
import numpy as np
from numba import njit, prange


@njit("(f8[:],)", cache=True, nogil=True)
def _propagate_1d_first_pass(d):
    n = len(d)
    for i1 in range(1, n):
        i2 = i1 - 1
        d[i1] = min(d[i1], d[i2] + 1)

    for i1 in range(n - 2, -1, -1):
        i2 = i1 + 1
        d[i1] = min(d[i1], d[i2] + 1)


@njit("(f8[:], i4[:], f8[:], f8[:])", cache=True, nogil=True)
def _propagate_1d(d, v, z, f):
    nx = len(d)
    k = -1
    s = -np.inf
    for x in range(nx):
        d_yx = d[x]

        if d_yx == np.inf:
            continue

        fx = d_yx * d_yx

        f[x] = fx

        while k >= 0:
            vk = v[k]

            s = 0.5 * (fx + x * x - f[vk] - vk * vk) / (x - vk)

            if s > z[k]:
                break

            k -= 1

        k += 1
        v[k] = x
        z[k] = s
        z[k + 1] = np.inf

    if k < 0:
        return

    k = 0
    for x in range(nx):
        while z[k + 1] < x:
            k += 1

        vk = v[k]
        dx = x - vk

        d[x] = np.sqrt(dx * dx + f[vk])


@njit("(f8[:, :],)", cache=True, parallel=True, nogil=True)
def _propagate_distance(distance):
    ny, nx = distance.shape

    for x in prange(nx):
        _propagate_1d_first_pass(distance[:, x])

    v = np.zeros((ny, nx), dtype=np.int32)
    z = np.zeros((ny, nx + 1))
    f = np.zeros((ny, nx))

    for y in prange(ny):
        _propagate_1d(distance[y], v[y], z[y], f[y])

# ---- harness (not part of the program) ----
ENTRY = "_propagate_distance"


def inputs():
    # distance_transform(mask): 0 where the mask is zero, inf elsewhere;
    # the result is written into the argument
    rng = np.random.default_rng(0)
    mask = rng.random((40, 50)) < 0.9
    ny, nx = mask.shape
    distance = np.zeros((ny, nx), np.float64)
    distance[mask] = np.inf
    return (distance,)
