# Source: mikegrudic/pytreegrav src/pytreegrav/bruteforce.py (at commit 1bf5cef1), with src/pytreegrav/kernel.py (at commit 1ac500cc), which it star-imports
# Licence: MIT (pytreegrav, LICENSE.txt; Copyright (c) 2017 Michael Y. Grudić)
# Notes: exact softened gravitational accelerations of N self-gravitating particles by direct summation (N-body astrophysics): Accel_bruteforce_parallel (@njit(fastmath=True, parallel=True)) prunes `if softening is None` for an array argument, makes zeros_like(x) (imported by name from numpy), and for every particle (prange) allocates a zeros(3) separation vector, skips itself and coincident particles with continue, symmetrises the softening with max(), accumulates r2 from an integer 0, and adds either m[j] * ForceKernel(r, h) * dx (the cubic-spline softened force kernel, @njit(fastmath=True, cache=True), a branchy polynomial in q = r/h) or m[j] * dx / r^3, returning G * accel with the default G=1.0. Pasted: kernel.py (its `from numba import njit, float64, float32` line, ForceKernel and PotentialKernel) in place of bruteforce.py's `from .kernel import *` line, then the rest of bruteforce.py verbatim (its imports, the jitted Potential_bruteforce, Potential_bruteforce_parallel, Accel_bruteforce and Accel_bruteforce_parallel, and PotentialTarget_bruteforce / AccelTarget_bruteforce, which the module turns into jitted functions with njit(f, fastmath=True[, parallel=True]) calls); nothing left out; the harness passes what the package's README quickstart passes: 400 particles uniform in the unit cube, equal masses 1/N and softening lengths 0.05
import numpy as np
from numpy import sqrt, empty, zeros, empty_like, zeros_like
from numba import njit, prange
from numba import njit, float64, float32


@njit(fastmath=True, cache=True)  # ([float64(float64,float64),float32(float32,float32)])
def ForceKernel(r, h):
    """
    Returns the quantity equivalent to (fraction of mass enclosed)/ r^3 for a cubic-spline mass distribution of compact support radius h. Used to calculate the softened gravitational force.

    Arguments:
    r - radius
    h - softening
    """
    if r > h:
        return 1.0 / (r * r * r)
    hinv = 1.0 / h
    q = r * hinv
    if q <= 0.5:
        return (10.666666666666666666 + q * q * (-38.4 + 32.0 * q)) * hinv * hinv * hinv
    else:
        return (
            (21.333333333333 - 48.0 * q + 38.4 * q * q - 10.666666666667 * q * q * q - 0.066666666667 / (q * q * q))
            * hinv
            * hinv
            * hinv
        )


@njit(fastmath=True, cache=True)  # ([float64(float64,float64)])
def PotentialKernel(r, h):
    """
    Returns the equivalent of -1/r for a cubic-spline mass distribution of compact support radius h. Used to calculate the softened gravitational potential.

    Arguments:
    r - radius
    h - softening
    """
    if h == 0.0:
        return -1.0 / r
    hinv = 1.0 / h
    q = r * hinv
    if q <= 0.5:
        return (-2.8 + q * q * (5.33333333333333333 + q * q * (6.4 * q - 9.6))) * hinv
    elif q <= 1:
        return (
            -3.2
            + 0.066666666666666666666 / q
            + q * q * (10.666666666666666666666 + q * (-16.0 + q * (9.6 - 2.1333333333333333333333 * q)))
        ) * hinv
    else:
        return -1.0 / r


def PotentialTarget_bruteforce(x_target, softening_target, x_source, m_source, softening_source, G=1.0):
    """Returns the exact gravitational potential due to a set of particles, at a set of positions that need not be the same as the particle positions.

    Arguments:
    x_target -- shape (N,3) array of positions where the potential is to be evaluated
    softening_target -- shape (N,) array of minimum softening lengths to be used
    x_source -- shape (M,3) array of positions of gravitating particles
    m_source -- shape (M,) array of particle masses
    softening_source -- shape (M,) array of softening lengths

    Optional arguments:
    G -- gravitational constant (default 0.7)

    Returns:
    shape (N,) array of potential values
    """
    potential = np.zeros(x_target.shape[0])
    dx = np.empty(3)
    for i in prange(x_target.shape[0]):
        for j in range(x_source.shape[0]):
            for k in range(3):
                dx[k] = x_target[i, k] - x_source[j, k]
            r = sqrt(dx[0] * dx[0] + dx[1] * dx[1] + dx[2] * dx[2])

            h = max(softening_source[j], softening_target[i])
            if r < h:
                potential[i] += m_source[j] * PotentialKernel(r, h)
            else:
                if r > 0:
                    potential[i] -= m_source[j] / r
    return G * potential


PotentialTarget_bruteforce_parallel = njit(PotentialTarget_bruteforce, fastmath=True, parallel=True)
PotentialTarget_bruteforce = njit(PotentialTarget_bruteforce, fastmath=True)


@njit(fastmath=True)
def Potential_bruteforce(x, m, softening, G=1.0):
    """Returns the exact mutually-interacting gravitational potential for a set of particles with positions x and masses m, evaluated by brute force.

    Arguments:
    x -- shape (N,3) array of particle positions
    m -- shape (N,) array of particle masses
    softening -- shape (N,) array containing kernel support radii for gravitational softening

    Optional arguments:
    G -- gravitational constant (default 1.0)

    Returns:
    shape (N,) array containing potential values
    """
    potential = zeros_like(m)
    dx = zeros(3)
    for i in range(x.shape[0]):
        for j in range(i + 1, x.shape[0]):
            for k in range(3):
                dx[k] = x[i, k] - x[j, k]
            r = sqrt(dx[0] * dx[0] + dx[1] * dx[1] + dx[2] * dx[2])
            h = max(softening[i], softening[j])
            if r < h:
                kernel = PotentialKernel(r, h)
                potential[j] += m[i] * kernel
                potential[i] += m[j] * kernel
            elif r > 0:
                potential[i] -= m[j] / r
                potential[j] -= m[i] / r
    return G * potential


@njit(fastmath=True, parallel=True)
def Potential_bruteforce_parallel(x, m, softening, G=1.0):
    """Returns the exact mutually-interacting gravitational potential for a set of particles with positions x and masses m, evaluated by brute force.

    Arguments:
    x -- shape (N,3) array of particle positions
    m -- shape (N,) array of particle masses
    softening -- shape (N,) array containing kernel support radii for gravitational softening

    Optional arguments:
    G -- gravitational constant (default 1.0)

    Returns:
    shape (N,) array containing potential values
    """
    potential = zeros_like(m)
    for i in prange(x.shape[0]):
        dx = zeros(3)
        for j in range(x.shape[0]):
            if i == j:
                continue  # neglect self-potential
            for k in range(3):
                dx[k] = x[i, k] - x[j, k]
            r = sqrt(dx[0] * dx[0] + dx[1] * dx[1] + dx[2] * dx[2])
            h = max(softening[i], softening[j])
            if r < h:
                kernel = PotentialKernel(r, h)
                potential[i] += m[j] * kernel
            elif r > 0:
                potential[i] -= m[j] / r
    return G * potential


@njit(fastmath=True)
def Accel_bruteforce(x, m, softening, G=1.0):
    """Returns the exact mutually-interacting gravitational accelerations of a set of particles.

    Arguments:
    x -- shape (N,3) array of positions where the potential is to be evaluated
    m -- shape (N,) array of particle masses
    softening -- shape (N,) array of softening lengths

    Optional arguments:
    G -- gravitational constant (default 1.0)

    Returns:
    shape (N,3) array of gravitational accelerations
    """
    if softening is None:
        softening = np.zeros_like(m)
    accel = zeros_like(x)
    dx = zeros(3)
    for i in range(x.shape[0]):
        for j in range(i + 1, x.shape[0]):
            h = max(
                softening[i], softening[j]
            )  # if there is overlap, we symmetrize the softenings to maintain momentum conservation
            r2 = 0
            for k in range(3):
                dx[k] = x[i, k] - x[j, k]
                r2 += dx[k] * dx[k]
            if r2 == 0:
                continue
            r = sqrt(r2)

            if r < h:
                kernel = ForceKernel(r, h)
                for k in range(3):
                    accel[j, k] += kernel * m[i] * dx[k]
                    accel[i, k] -= kernel * m[j] * dx[k]
            else:
                fac = 1 / (r2 * r)
                for k in range(3):
                    accel[j, k] += m[i] * fac * dx[k]
                    accel[i, k] -= m[j] * fac * dx[k]
    return G * accel


@njit(fastmath=True, parallel=True)
def Accel_bruteforce_parallel(x, m, softening, G=1.0):
    """Returns the exact mutually-interacting gravitational accelerations of a set of particles.

    Arguments:
    x -- shape (N,3) array of positions where the potential is to be evaluated
    m -- shape (N,) array of particle masses
    softening -- shape (N,) array of softening lengths

    Optional arguments:
    G -- gravitational constant (default 1.0)

    Returns:
    shape (N,3) array of gravitational accelerations
    """
    if softening is None:
        softening = np.zeros_like(m)
    accel = zeros_like(x)
    for i in prange(x.shape[0]):
        dx = zeros(3)
        for j in range(x.shape[0]):
            if i == j:
                continue
            h = max(
                softening[i], softening[j]
            )  # if there is overlap, we symmetrize the softenings to maintain momentum conservation
            r2 = 0
            for k in range(3):
                dx[k] = x[j, k] - x[i, k]
                r2 += dx[k] * dx[k]
            if r2 == 0:
                continue
            r = sqrt(r2)

            if r < h:
                kernel = ForceKernel(r, h)
                for k in range(3):
                    accel[i, k] += kernel * m[j] * dx[k]
            else:
                fac = 1 / (r2 * r)
                for k in range(3):
                    accel[i, k] += m[j] * fac * dx[k]
    return G * accel


def AccelTarget_bruteforce(x_target, softening_target, x_source, m_source, softening_source, G=1.0):
    """Returns the gravitational acceleration at a set of target positions, due to a set of source particles.

    Arguments:
    x_target -- shape (N,3) array of positions where the field is to be evaluated
    softening_target -- shape (N,) array of minimum softening lengths to be used
    x_source -- shape (M,3) array of positions of gravitating particles
    m_source -- shape (M,) array of particle masses
    softening_source -- shape (M,) array of softening lengths

    Optional arguments:
    G -- gravitational constant (default 1.0)

    Returns:
    shape (N,3) array of gravitational accelerations
    """
    accel = zeros_like(x_target)
    for i in prange(x_target.shape[0]):
        dx = zeros(3)
        for j in range(x_source.shape[0]):
            h = max(
                softening_target[i], softening_source[j]
            )  # if there is overlap, we symmetrize the softenings to maintain momentum conservation
            r2 = 0
            for k in range(3):
                dx[k] = x_source[j, k] - x_target[i, k]
                r2 += dx[k] * dx[k]
            if r2 == 0:
                continue  # no force if at the origin
            r = sqrt(r2)

            if r < h:
                kernel = ForceKernel(r, h)
                for k in range(3):
                    accel[i, k] += kernel * m_source[j] * dx[k]
            else:
                fac = 1 / (r2 * r)
                for k in range(3):
                    accel[i, k] += m_source[j] * fac * dx[k]
    return G * accel


AccelTarget_bruteforce_parallel = njit(AccelTarget_bruteforce, fastmath=True, parallel=True)
AccelTarget_bruteforce = njit(AccelTarget_bruteforce, fastmath=True)
# ---- harness (not part of the program) ----
ENTRY = "Accel_bruteforce_parallel"


def inputs():
    # the README quickstart: N particles uniform in the unit cube, equal
    # masses 1/N, softening lengths (kernel support radii) 0.05 so that
    # close pairs use the softened ForceKernel
    rng = np.random.default_rng(0)
    N = 400
    x = rng.random((N, 3))
    m = np.repeat(1.0 / N, N)
    h = np.repeat(0.05, N)
    return (x, m, h)
