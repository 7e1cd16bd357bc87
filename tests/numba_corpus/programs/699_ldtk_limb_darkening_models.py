# Source: hpparvi/ldtk ldtk/ldmodel.py (commit 08c0395f)
# Licence: GPL-2.0-or-later (LDTk, file header "either version 2 of the License, or (at your option) any later version" and setup.py license='GPLv2'; Copyright (C) 2015-2026 Hannu Parviainen)
# Notes: the limb darkening model library of LDTk (Limb Darkening Toolkit), pasted whole: evaluate_ld (@njit) takes a jitted model function as its first argument and reshapes a 1-D, 2-D or 3-D coefficient array into [ipv, ipb, icf] with reshape((1, 1, -1)) / reshape of shape entries, then fills a 3-D profile array row by row with slice assignment of the model's returned array; ten @njit(fastmath=True) models (linear, quadratic, Kipping's triangular quadratic with tuple unpacking, Claret's nonlinear with sqrt and power(mu, 1.5), Gimenez's general with an in-place += in a loop over the coefficients, square-root, logarithmic, exponential, power-2 and Maxted's power-2 with log2) written as array expressions on mu; and the LDModel classes whose classmethods call evaluate_ld with a model function, plus the models dict. The harness follows ldtk's tests (a mu grid on (0, 1], LDPSet.lnlike_* evaluating Model.evaluate(mu, coeffs)[0, 0], 1-D, 2-D [ipb, icf] and 3-D [ipv, ipb, icf] coefficient arrays) and evaluates every model class and the two models without a class through evaluate_ld
"""
Limb darkening toolkit
Copyright (C) 2015-2026  Hannu Parviainen <hpparvi@gmail.com>

This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License along
with this program; if not, write to the Free Software Foundation, Inc.,
51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.
"""

from numba import njit
from numpy import ndarray, sqrt, zeros, power, exp, log, log2


# Model implementations
# =====================
# shape = [ipv, ipb, icf]

@njit
def evaluate_ld(ldm, mu, pvo):
    if pvo.ndim == 1:
        pv = pvo.reshape((1, 1, -1))
    elif pvo.ndim == 2:
        pv = pvo.reshape((1, pvo.shape[0], pvo.shape[1]))
    else:
        pv = pvo

    npv = pv.shape[0]
    npb = pv.shape[1]
    ldp = zeros((npv, npb, mu.size))
    for ipv in range(npv):
        for ipb in range(npb):
            ldp[ipv, ipb, :] = ldm(mu, pv[ipv, ipb])
    return ldp


@njit(fastmath=True)
def ld_linear(mu, pv):
    return 1. - pv[0] * (1. - mu)


@njit(fastmath=True)
def ld_quadratic(mu, pv):
    return 1. - pv[0] * (1. - mu) - pv[1] * (1. - mu) ** 2


@njit(fastmath=True)
def ld_quadratic_tri(mu, pv):
    a, b = sqrt(pv[0]), 2 * pv[1]
    u, v = a * b, a * (1. - b)
    return 1. - u * (1. - mu) - v * (1. - mu) ** 2


@njit(fastmath=True)
def ld_nonlinear(mu, pv):
    return 1. - pv[0] * (1. - sqrt(mu)) - pv[1] * (1. - mu) - pv[2] * (1. - power(mu, 1.5)) - pv[3] * (1. - mu ** 2)


@njit(fastmath=True)
def ld_general(mu, pv):
    ldp = zeros(mu.size)
    for i in range(pv.size):
        ldp += pv[i] * (1.0 - mu ** (i + 1))
    return 1.0 - ldp


@njit(fastmath=True)
def ld_square_root(mu, pv):
    return 1. - pv[0] * (1. - mu) - pv[1] * (1. - sqrt(mu))


@njit(fastmath=True)
def ld_logarithmic(mu, pv):
    return 1. - pv[0] * (1. - mu) - pv[1] * mu * log(mu)


@njit(fastmath=True)
def ld_exponential(mu, pv):
    return 1. - pv[0] * (1. - mu) - pv[1] / (1. - exp(mu))


@njit(fastmath=True)
def ld_power_2(mu, pv):
    return 1. - pv[0] * (1. - mu ** pv[1])


@njit(fastmath=True)
def ld_power_2_pm(mu, pv):
    c = 1 - pv[0] + pv[1]
    a = log2(c/pv[1])
    return 1. - c * (1. - mu**a)


# Model Classes
# =============
class LDModel(object):
    npar = None
    name = None
    abbr = None

    def __init__(self):
        raise NotImplementedError

    def __call__(self, mu, pv):
        raise NotImplementedError

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        raise NotImplementedError


class LinearModel(LDModel):
    """Linear limb darkening model (Mandel & Agol, 2001)."""
    npar = 1
    name = 'linear'
    abbr = 'ln'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_linear, mu, pv)


class QuadraticModel(LDModel):
    """Quadratic limb darkening model (Kopal, 1950)."""
    npar = 2
    name = 'quadratic'
    abbr = 'qd'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_quadratic, mu, pv)


class TriangularQuadraticModel(LDModel):
    """Quadratic limb darkening model with the parametrisation described by Kipping (MNRAS 435, 2013)."""
    npar = 2
    name = 'triangular_quadratic'
    abbr = 'tq'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_quadratic_tri, mu, pv)


class SquareRootModel(LDModel):
    """Square root limb darkening model (van Hamme, 1993)."""
    npar = 2
    name = 'sqrt'
    abbr = 'sq'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_square_root, mu, pv)


class NonlinearModel(LDModel):
    """Nonlinear limb darkening model (Claret, 2000)."""
    npar = 4
    name = 'nonlinear'
    abbr = 'nl'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_nonlinear, mu, pv)


class GeneralModel(LDModel):
    """General limb darkening model (Gimenez, 2006)"""
    npar = None
    name = 'general'
    abbr = 'ge'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_general, mu, pv)


class Power2Model(LDModel):
    """Power-2 limb darkening model (Morello et al, 2017)."""
    npar = 2
    name = 'power2'
    abbr = 'p2'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_power_2, mu, pv)


class Power2MPModel(LDModel):
    """Power-2 limb darkening model with an alternative parametrisation (Maxted, P.F.L., 2018)."""
    npar = 2
    name = 'power2mp'
    abbr = 'p2mp'

    @classmethod
    def evaluate(cls, mu: ndarray, pv: ndarray) -> ndarray:
        return evaluate_ld(ld_power_2_pm, mu, pv)


models = {'linear':    LinearModel,
          'quadratic': QuadraticModel,
          'triquadratic': TriangularQuadraticModel,
          'sqrt':      SquareRootModel,
          'nonlinear': NonlinearModel,
          'general':   GeneralModel,
          'power2':    Power2Model,
          'power2mp': Power2MPModel}


# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "ldtk_models"

COEFFS = {
    'linear': [0.6],
    'quadratic': [0.45, 0.2],
    'triquadratic': [0.42, 0.35],
    'sqrt': [0.15, 0.55],
    'nonlinear': [0.62, -0.3, 0.55, -0.2],
    'general': [0.3, 0.15, 0.05],
    'power2': [0.65, 0.55],
    'power2mp': [0.75, 0.4],
}


def ldtk_models(mu, scale):
    out = []
    for name in sorted(models):
        model = models[name]
        c = np.array(COEFFS[name])
        out.append(model.evaluate(mu, c))                              # (npar,)
        c2 = np.array([c, c * scale[0]])                               # [ipb, icf]
        out.append(model.evaluate(mu, c2))
        c3 = np.array([[c * s for s in scale[:3]], [c * s for s in scale[3:]]])  # [ipv, ipb, icf]
        out.append(model.evaluate(mu, c3))
    out.append(evaluate_ld(ld_logarithmic, mu, np.array([0.5, 0.3])))
    out.append(evaluate_ld(ld_exponential, mu, np.array([[0.5, 0.05], [0.4, 0.1]])))
    out.append(evaluate_ld(ld_general, mu, np.array([0.2, 0.1, 0.05, 0.02, 0.01])))
    return tuple(out)


def inputs():
    mu = np.linspace(0.02, 1.0, 60)
    scale = np.array([0.9, 1.0, 1.05, 0.95, 1.1, 0.85])
    return mu, scale
