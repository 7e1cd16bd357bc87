# Source: the-virtual-brain/tvb-root tvb_library/tvb/simulator/models/epileptor.py (at commit 072403b7)
# Licence: GPL-3.0-or-later (TheVirtualBrain-Scientific Package, file header; (c) 2012-2023, Baycrest Centre for Geriatric Care ("Baycrest") and others)
# Notes: right-hand sides of The Virtual Brain's Epileptor neural-mass models (Jirsa et al. 2014, the 6-D Hindmarsh-Rose-Jirsa Epileptor, and the 2-D reduction of Proix et al. 2014) as numba gufuncs: @guvectorize([(float64[:],) * 20], '(n),(m)' + ',()' * 17 + '->(n)', nopython=True) and a 15-argument '(n),(m)' + ',()' * 12 + '->(n)' variant, with the signature and layout strings built by tuple/string multiplication, scalar parameters arriving as 1-element arrays indexed [0], if/else piecewise polynomials, y ** 7, numpy.exp and a boolean `modification` switch. Pasted: the module's imports and the two gufuncs; left out: the Epileptor/Epileptor2D model classes (tvb.basic.neotraits traits and the ModelNumbaDfun base class from the tvb package, not installed) and with them the `from .base import ModelNumbaDfun` and tvb.basic.neotraits imports. The harness does what the classes' dfun methods do (state (nvar, nodes, 1) reshaped to (nodes, nvar), coupling to (nodes, ncvar), Iext + local_coupling * x1, the classes' default parameters as 1-element arrays) for 16 nodes, with and without the `modification` switch
# -*- coding: utf-8 -*-
#
#
# TheVirtualBrain-Scientific Package. This package holds all simulators, and
# analysers necessary to run brain-simulations. You can use it stand alone or
# in conjunction with TheVirtualBrain-Framework Package. See content of the
# documentation-folder for more details. See also http://www.thevirtualbrain.org
#
# (c) 2012-2023, Baycrest Centre for Geriatric Care ("Baycrest") and others
#
# This program is free software: you can redistribute it and/or modify it under the
# terms of the GNU General Public License as published by the Free Software Foundation,
# either version 3 of the License, or (at your option) any later version.
# This program is distributed in the hope that it will be useful, but WITHOUT ANY
# WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A
# PARTICULAR PURPOSE.  See the GNU General Public License for more details.
# You should have received a copy of the GNU General Public License along with this
# program.  If not, see <http://www.gnu.org/licenses/>.
#
#
#   CITATION:
# When using The Virtual Brain for scientific publications, please cite it as explained here:
# https://www.thevirtualbrain.org/tvb/zwei/neuroscience-publications
#
#

"""
Hindmarsh-Rose-Jirsa Epileptor model.
"""
import numpy
from numba import guvectorize, float64


@guvectorize([(float64[:],) * 20], '(n),(m)' + ',()' * 17 + '->(n)', nopython=True)
def _numba_dfun(y, c_pop, x0, Iext, Iext2, a, b, slope, tt, Kvf, c, d, r, Ks, Kf, aa, bb, tau, modification, ydot):
    "Gufunc for Hindmarsh-Rose-Jirsa Epileptor model equations."

    c_pop1 = c_pop[0]
    c_pop2 = c_pop[1]

    # population 1
    if y[0] < 0.0:
        ydot[0] = - a[0] * y[0] ** 2 + b[0] * y[0]
    else:
        ydot[0] = slope[0] - y[3] + 0.6 * (y[2] - 4.0) ** 2
    ydot[0] = tt[0] * (y[1] - y[2] + Iext[0] + Kvf[0] * c_pop1 + ydot[0] * y[0])
    ydot[1] = tt[0] * (c[0] - d[0] * y[0] ** 2 - y[1])

    # energy
    if y[2] < 0.0:
        ydot[2] = - 0.1 * y[2] ** 7
    else:
        ydot[2] = 0.0
    if modification[0]:
        h = x0[0] + 3 / (1 + numpy.exp(-(y[0] + 0.5) / 0.1))
    else:
        h = 4 * (y[0] - x0[0]) + ydot[2]
    ydot[2] = tt[0] * (r[0] * (h - y[2] + Ks[0] * c_pop1))

    # population 2
    ydot[3] = tt[0] * (-y[4] + y[3] - y[3] ** 3 + Iext2[0] + bb[0] * y[5] - 0.3 * (y[2] - 3.5) + Kf[0] * c_pop2)
    if y[3] < -0.25:
        ydot[4] = 0.0
    else:
        ydot[4] = aa[0] * (y[3] + 0.25)
    ydot[4] = tt[0] * ((-y[4] + ydot[4]) / tau[0])

    # filter
    ydot[5] = tt[0] * (-0.01 * (y[5] - 0.1 * y[0]))


@guvectorize([(float64[:],) * 15], '(n),(m)' + ',()' * 12 + '->(n)', nopython=True)
def _numba_dfun_epi2d(y, c_pop, x0, Iext, a, b, slope, c, d, r, Kvf, Ks, tt, modification, ydot):
    "Gufunction for Epileptor 2D model equations."

    c_pop = c_pop[0]

    # population 1
    if y[0] < 0.0:
        ydot[0] = a[0] * y[0] ** 2 + (d[0] - b[0]) * y[0]
    else:
        ydot[0] = - slope[0] - 0.6 * (y[1] - 4.0) ** 2 + d[0] * y[0]
    ydot[0] = tt[0] * (c[0] - y[1] + Iext[0] + Kvf[0] * c_pop - ydot[0] * y[0])

    # energy
    if y[1] < 0.0:
        ydot[1] = - 0.1 * y[1] ** 7
    else:
        ydot[1] = 0.0

    if modification[0]:
        h = x0[0] + 3. / (1. + numpy.exp(- (y[0] + 0.5) / 0.1))
    else:
        h = 4 * (y[0] - x0[0]) + ydot[1]

    ydot[1] = tt[0] * (r[0] * (h - y[1] + Ks[0] * c_pop))


# ---- harness (not part of the program) ----
ENTRY = "tvb_epileptor_dfuns"


def _p(v):
    return numpy.array([v])


def tvb_epileptor_dfuns(x6, c6, x2, c2, local_coupling):
    out = {}
    # Epileptor defaults (class NArray defaults)
    x0, Iext, Iext2 = _p(-1.6), _p(3.1), _p(0.45)
    a, b, slope, tt, Kvf = _p(1.0), _p(3.0), _p(0.0), _p(1.0), _p(0.0)
    c, d, r, Ks, Kf = _p(1.0), _p(5.0), _p(0.00035), _p(0.0), _p(0.0)
    aa, bb, tau = _p(6.0), _p(2.0), _p(10.0)
    for mod in (0.0, 1.0):
        # Epileptor.dfun
        x_ = x6.reshape(x6.shape[:-1]).T
        c_ = c6.reshape(c6.shape[:-1]).T
        Iext_n = Iext + local_coupling * x6[0, :, 0]
        deriv = _numba_dfun(x_, c_, x0, Iext_n, Iext2, a, b, slope, tt, Kvf,
                            c, d, r, Ks, Kf, aa, bb, tau, _p(mod))
        out["epileptor_mod%d" % mod] = deriv.T[..., numpy.newaxis]
        # coupled variant (Kvf, Ks, Kf non-zero)
        deriv = _numba_dfun(x_, c_, x0, Iext_n, Iext2, a, b, slope, tt, _p(0.5),
                            c, d, r, _p(-0.2), _p(0.3), aa, bb, tau, _p(mod))
        out["epileptor_coupled_mod%d" % mod] = deriv.T[..., numpy.newaxis]
        # Epileptor2D.dfun
        x_ = x2.reshape(x2.shape[:-1]).T
        c_ = c2.reshape(c2.shape[:-1]).T
        Iext_n = Iext + local_coupling * x2[0, :, 0]
        deriv = _numba_dfun_epi2d(x_, c_, x0, Iext_n, a, b, slope, c, d, r, Kvf, Ks, tt, _p(mod))
        out["epileptor2d_mod%d" % mod] = deriv.T[..., numpy.newaxis]
    return out


def inputs():
    rng = numpy.random.default_rng(0)
    nodes = 16
    lo6 = numpy.array([-2., -20., 2.0, -2., 0., -1.])
    hi6 = numpy.array([1., 2., 5.0, 0., 2., 1.])
    x6 = lo6[:, None, None] + (hi6 - lo6)[:, None, None] * rng.random((6, nodes, 1))
    x6[2, :4, 0] = [-0.5, -0.1, 0.3, 3.0]  # z < 0 branch
    c6 = rng.normal(0.0, 0.5, (2, nodes, 1))
    lo2 = numpy.array([-2., 2.0])
    hi2 = numpy.array([1., 5.0])
    x2 = lo2[:, None, None] + (hi2 - lo2)[:, None, None] * rng.random((2, nodes, 1))
    x2[1, :3, 0] = [-0.4, -0.05, 1.0]
    c2 = rng.normal(0.0, 0.5, (1, nodes, 1))
    return (x6, c6, x2, c2, 0.1)
