# Source: ratt-ru/codex-africanus africanus/deconv/hogbom/clean.py (at commit 1bc1f479)
# Licence: GPL-2.0 (codex-africanus, setup.py: license="GNU General Public License v2" and classifier "GNU General Public License v2 (GPLv2)", LICENSE; Simon Perkins)
# Notes: the peak search of Hogbom CLEAN deconvolution of a radio-interferometric dirty image (radio astronomy): find_peak (@numba.jit(nopython=True, nogil=True, cache=True)) takes the image's .min() and .max(), unpacks its shape into nx, ny, scans every pixel in a double loop remembering the last position equal to the minimum and to the maximum (peak_intensity starts as the integer -1 and becomes a float), raises ValueError when either was not found, and returns the 5-tuple (maxx, maxy, minx, miny, peak_intensity). Pasted: the module's __future__, logging, numba and numpy imports and its four jitted functions (twod_gaussian, find_peak, build_cleanmap, update_residual; only find_peak is called); left out: the optional scipy import block and the africanus.util.requirements import, used only by the plain-Python fit_2d_gaussian, hogbom_clean (the CLEAN loop driver, with logging) and restore, which are left out too; the harness passes what hogbom_clean passes on its first call, the dirty image: five point sources of a 48x48 sky convolved with a 96x96 sinc-squared PSF (the psf slices that update_residual uses) plus Gaussian noise
# -*- coding: utf-8 -*-

from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import logging

import numba
import numpy as np


@numba.jit(nopython=True, nogil=True, cache=True)
def twod_gaussian(coords, amplitude, xo, yo, sigma_x, sigma_y, theta, offset):
    x = coords[0]
    y = coords[1]
    xo = float(xo)
    yo = float(yo)
    a = (np.cos(theta)**2)/(2*sigma_x**2) + (np.sin(theta)**2)/(2*sigma_y**2)
    b = -(np.sin(2*theta))/(4*sigma_x**2) + (np.sin(2*theta))/(4*sigma_y**2)
    c = (np.sin(theta)**2)/(2*sigma_x**2) + (np.cos(theta)**2)/(2*sigma_y**2)
    g = (offset + amplitude *
         np.exp(- (a*((x-xo)**2) +
                   2*b*(x-xo)*(y-yo) +
                   c*((y-yo)**2))))
    return g.flatten()


@numba.jit(nopython=True, nogil=True, cache=True)
def find_peak(residuals):
    abs_residuals = residuals
    min_peak = abs_residuals.min()
    max_peak = abs_residuals.max()

    nx, ny = abs_residuals.shape

    minx, miny = -1, -1
    maxx, maxy = -1, -1
    peak_intensity = -1

    for x in range(nx):
        for y in range(ny):
            intensity = abs_residuals[x, y]

            if intensity == min_peak:
                minx = x
                miny = y

            if intensity == max_peak:
                maxx = x
                maxy = y
                peak_intensity = intensity

    if minx == -1 or miny == -1:
        raise ValueError("Minimum peak not found")

    if maxx == -1 or maxy == -1:
        raise ValueError("Maximum peak not found")

    return maxx, maxy, minx, miny, peak_intensity


@numba.jit(nopython=True, nogil=True, cache=True)
def build_cleanmap(clean, intensity, gamma, p, q):
    clean[p, q] += intensity*gamma


@numba.jit(nopython=True, nogil=True, cache=True)
def update_residual(residual, intensity, gamma, p, q, npix, psf):
    npix = residual.shape[0]  # Assuming square image
    residual -= gamma*intensity*psf[npix - 1 - p:2*npix - 1 - p,
                                    npix - 1 - q:2*npix - 1 - q]
# ---- harness (not part of the program) ----
ENTRY = "find_peak"


def inputs():
    # a 96x96 PSF (sinc^2 main lobe with sidelobes, peak 1 at [47, 47]) and
    # a 48x48 dirty image: five point sources, each adding the psf window
    # that update_residual subtracts for a pixel (p, q), plus noise
    rng = np.random.default_rng(0)
    npix = 48
    c = np.arange(2 * npix) - (npix - 1)
    r = np.hypot(c[:, None], c[None, :]) / 3.0
    psf = np.sinc(r) ** 2
    dirty = np.zeros((npix, npix))
    for _ in range(5):
        p, q = rng.integers(4, npix - 4, 2)
        flux = rng.uniform(0.5, 3.0)
        dirty += flux * psf[npix - 1 - p:2 * npix - 1 - p,
                            npix - 1 - q:2 * npix - 1 - q]
    dirty += 0.01 * rng.standard_normal((npix, npix))
    return (dirty,)
