# Source: mikegrudic/meshoid src/meshoid/grid_deposition.py (at commit 77c8b081)
# Licence: MIT (meshoid, pyproject.toml at commit 027332b7: license = "MIT"; Mike Grudić)
# Notes: the kernel-weighted, exactly conservative deposition of a meshless (SPH-like) particle quantity onto a Cartesian map, as meshoid's GridSurfaceDensity(..., conservative=True) does for the mass surface density of a simulation snapshot: GridSurfaceDensity_conservative_core (@njit(fastmath=True)) shifts the particle positions into the map frame, clips each smoothing length to at least one cell, finds the grid points each particle's kernel covers, sums the cubic-spline kernel weights in a first pass (kernel2d, @njit(fastmath=True, error_model="numpy"), a branchy normalised 2D spline) and deposits f * w / sum(w) in a second, and returns the grid scaled by 1/dx^2. Pasted: the numba and numpy imports of grid_deposition.py (less scipy and the package-relative imports) and GridSurfaceDensity_conservative_core, with kernel2d copied verbatim from src/meshoid/kernel_density.py (at commit e12509c7), the module the original star-imports it from. The harness passes what GridSurfaceDensity passes with parallel=False: 1500 particle masses (0.5-1.5, float64), their (1500, 3) positions (a Plummer-like cluster of scale radius 0.3), kernel radii (1.5 times the distance to each particle's 32nd nearest neighbour), the map centre np.zeros(3), side 2.0, resolution 64 and box_size -1
from numba import njit, prange, get_num_threads
import numpy as np


@njit(fastmath=True, error_model="numpy")
def kernel2d(q):
    """Returns the normalized 2D spline kernel evaluated at radius q"""
    if q <= 0.5:
        kernel = 1 - 6 * q * q * (1 - q)
    elif q <= 1.0:
        a = 1 - q
        kernel = 2 * a * a * a
    return kernel * 1.8189136353359467


@njit(fastmath=True)
def GridSurfaceDensity_conservative_core(f, x, h, center, size, res=128, box_size=-1):
    """
    Computes the surface density of conserved quantity f colocated at positions x with smoothing lengths h.
    E.g. plugging in particle masses would return mass surface density.

    This method performs a kernel-weighted deposition so that the quantity deposited to the grid is conserved to machine precision.

    Arguments:
    f - (N,) array of the conserved quantity that you want the surface density of (e.g. particle masses)
    x - (N,3) array of particle positions
    h - (N,) array of particle smoothing lengths
    center - (2,) array containing the coorindates of the center of the map
    size - side-length of the map
    res - resolution of the grid
    """
    dx = size / (res - 1)
    dx2inv = 1 / (dx * dx)

    x2d = x[:, :2] - center[:2] + size / 2

    grid = np.zeros((res, res))

    N = len(x)
    for i in range(N):
        xs = x2d[i]
        hs = h[i]
        hs = max(hs, dx)
        hinv = 1 / hs

        gxmin = max(int((xs[0] - hs) / dx + 1), 0)
        gxmax = min(int((xs[0] + hs) / dx), res - 1)
        gymin = max(int((xs[1] - hs) / dx + 1), 0)
        gymax = min(int((xs[1] + hs) / dx), res - 1)

        total_wt = 0
        for gx in range(gxmin, gxmax + 1):
            delta_x_sqr = xs[0] - gx * dx
            delta_x_sqr *= delta_x_sqr
            for gy in range(gymin, gymax + 1):
                delta_y_sqr = xs[1] - gy * dx
                delta_y_sqr *= delta_y_sqr
                r = np.sqrt(delta_x_sqr + delta_y_sqr)
                if r > hs:
                    continue
                q = r * hinv
                total_wt += kernel2d(q)

        if total_wt == 0:
            continue

        for gx in range(gxmin, gxmax + 1):
            delta_x_sqr = xs[0] - gx * dx
            delta_x_sqr *= delta_x_sqr
            for gy in range(gymin, gymax + 1):
                delta_y_sqr = xs[1] - gy * dx
                delta_y_sqr *= delta_y_sqr
                r = np.sqrt(delta_x_sqr + delta_y_sqr)
                if r > hs:
                    continue
                q = r * hinv
                grid[gx, gy] += kernel2d(q) * f[i] / total_wt

    return grid * dx2inv
# ---- harness (not part of the program) ----
ENTRY = "GridSurfaceDensity_conservative_core"


def inputs():
    rng = np.random.default_rng(0)
    n = 1500
    # Plummer-like radii, isotropic directions
    u = rng.uniform(0.01, 0.95, n)
    r = 0.3 / np.sqrt(u ** (-2.0 / 3.0) - 1.0)
    v = rng.normal(size=(n, 3))
    x = (v / np.linalg.norm(v, axis=1)[:, None]) * r[:, None]
    m = rng.uniform(0.5, 1.5, n)
    d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
    h = 1.5 * np.sort(d, axis=1)[:, 32]
    return (m, x, h, np.zeros(3), 2.0, 64, -1)
