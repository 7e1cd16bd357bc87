# Source: Liam-Twomey/EPRsim EPRsim/Direct_conversion_to_Field.py (at commit 10ad3f97)
# Licence: GPL-3.0-or-later (EPRsim, pyproject.toml: license = "GPL-3.0-or-later"; Stephan Rein, Darien Morrow, Liam Twomey)
# Notes: EPRsim simulates electron paramagnetic resonance (EPR) spectra; this module turns the resonance fields and intensities of many orientations into a field-swept spectrum. Pasted from it: the module docstring and imports, the try/except import of numba (float64, jit) that sets a Numba flag, jit_dec (a decorator factory returning jit(float64[:](float64[:], float64[:], float64[:], float64, float64), nopython=True, cache=True), an eager signature), dec_identity, eval_Gauss (sum of local Gaussian line shapes: a window test, np.where(...)[0] index arrays, fancy-index gathers, np.dot with np.exp) and eval_Lorentz (the same with Lorentzians, np.divide and np.sum), and field_grid_segmentation (plain Python, used by the harness with a small parameter object). Left out: `from . import Convolutions` with the two aliases taken from it, `from scipy import stats`, and create_Gaussian, create_Lorentzian and preparation, the plain-Python drivers that need them (scipy binned statistics, np.asscalar, the Voigt convolutions). The harness builds 240 resonance positions of three powder-like transitions with intensities, a field axis reduced by field_grid_segmentation, and evaluates the Gaussian and Lorentzian spectra for two line widths, one wide enough that every field point is inside the window and one narrow enough that many are skipped
# -*- coding: utf-8 -*-
"""
Created on Sat Oct 21 14:35:34 2017

Algorithms to create either Lorenzian or Gaussian spectrum from a large
interpolated number of orientations. This is the alternative to the
projective method.

Main functions:
create_Gaussian()
create_Lorentzian()

Internal subfunctions:
field_grid_segmentation()

External subfunctions from my own library:
voigt_convolution_Gauss()
voigt_convolution_Lorentz()

@author: Stephan Rein, University of Freiburg, 2017
"""

import numpy as np
import math as math


try:
    from numba import float64, jit

    Numba = 1
except ImportError:
    Numba = 0


def jit_dec():
    """
    Creates a decorator for the Gauß/Lorentz functions. If Numba
    is available, the decorator is a Numba jit (just-in-time compilation),
    otherwise the identity decorator is called (this decorator does nothing).
    The jit decorator is called with defined static types to improve the
    performance. Cashing is enabled to avoid avoid compilation each time
    the Python program is invoked.
    """
    if Numba == 1:
        return jit(
            float64[:](float64[:], float64[:], float64[:], float64, float64),
            nopython=True,
            cache=True,
        )
    else:
        return dec_identity


def dec_identity(ob):
    """
    Identity decorator. If Numba is not available, this decorator is used. The
    decorator does nothing.
    """
    return ob


@jit_dec()
def eval_Gauss(res, inte, field, FWHM, lw_sq):
    signal = np.zeros(len(field))
    # Main Gaussian Loop
    minres = np.min(res) - 3.0 * FWHM
    maxres = np.max(res) + 3.0 * FWHM
    for i in range(0, len(field)):
        if field[i] > maxres or field[i] < minres:
            pass
        else:
            abc = field[i] - res
            ind = np.where(np.abs(abc) < 3 * FWHM)[0]
            b = inte[ind]
            a = abc[ind]
            signal[i] = np.dot(b, np.exp((-0.5 * (a ** 2)) / (lw_sq)))
    return signal


@jit_dec()
def eval_Lorentz(res, inte, field, FWHM, lw_sq):
    signal = np.zeros(len(field))
    # Main Gaussian Loop
    minres = np.min(res) - 30 * FWHM
    maxres = np.max(res) + 30 * FWHM
    for i in range(0, len(field)):
        if field[i] > maxres or field[i] < minres:
            pass
        else:
            abc = field[i] - res
            ind = np.where(np.abs(abc) < 30 * FWHM)[0]
            b = inte[ind]
            a = abc[ind]
            signal[i] = np.sum(np.divide(b, ((a ** 2) + lw_sq)))
    return signal


def field_grid_segmentation(field, Par):
    """
    Algorithm:
    Checks if all field points are really necessary to evaluate the Gaussian
    or Lorentzian functions. If the stepsize between 2 steps is smaller
    as 4 times the FWHM it rounds:
    n = round((0.2*FWHM)/(stepsize))
    to the integer n. The magnetic field Points are than divided by n and
    rounded to an integer. The result is a magnetic field with less points.
    (E.g. n = 2 and Par.Points = 1024 leads to Fieldpoints  = 512).

    (c) Stephan Rein, 29.11.2017
    """
    Points = len(field)
    stepsize = (max(field) - min(field)) / Points
    linwidth = max(Par.lw)
    if Points > 256 and 0.2 * linwidth > stepsize:
        n = int(round((0.2 * linwidth) / (stepsize)))
        if n > 5:
            n = 5
        inter_dim = int(round(Points / n))
    else:
        inter_dim = Points
    field = np.linspace(min(field), max(field), inter_dim, endpoint=True)
    return field
# ---- harness (not part of the program) ----
ENTRY = "eprsim_spectra"


class _Par:
    def __init__(self, lw):
        self.lw = lw


def eprsim_spectra(res, ints, field_range, points):
    out = []
    for lw in ([0.6, 0.4], [3.0, 2.5]):
        par = _Par(lw)
        field = np.linspace(field_range[0], field_range[1], points, endpoint=True)
        field = field_grid_segmentation(field, par)
        lwg = par.lw[0] / (2 * np.sqrt(2 * np.log(2)))
        gauss = eval_Gauss(res, ints, field, par.lw[0], lwg * lwg)
        lwl = par.lw[1] / 2.0
        lorentz = eval_Lorentz(res, ints * lwl, field, par.lw[1], lwl ** 2)
        out += [field, gauss, lorentz]
    return tuple(out)


def inputs():
    theta = np.linspace(0.0, np.pi / 2, 80)
    g_par, g_perp = 2.0023, 2.0061
    b0 = 9.5e9 * 6.62607015e-34 / 9.2740100783e-24 * 1e3  # mT at 9.5 GHz for g = 1
    g_eff = np.sqrt((g_par * np.cos(theta)) ** 2 + (g_perp * np.sin(theta)) ** 2)
    res = np.concatenate([b0 / g_eff + a for a in (-3.5, 0.0, 3.5)])
    ints = np.concatenate([np.sin(theta) * w for w in (0.8, 1.0, 0.8)]) + 1e-3
    return (res, ints, (330.0, 350.0), 600)
