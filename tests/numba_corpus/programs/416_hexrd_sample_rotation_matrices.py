# Source: HEXRD/hexrd hexrd/transforms/xf_numba.py (at commit 10bffe0d)
# Licence: LGPL-2.1 (hexrd, file header of xf_numba.py: "GNU Lesser General Public License (as published by the Free Software Foundation) version 2.1"; Lawrence Livermore National Security, LLC, LLNL-CODE-529294)
# Notes: the sample rotation matrices of HEXRD's numba transforms for high-energy X-ray diffraction microscopy, used when mapping diffraction angles to scattering vectors in the sample frame (angles_to_gvec / angles_to_dvec): _rmat_s_helper (@numba.njit) takes an optional chi tilt and an optional 1d array of omega rotation angles (each None by default, resolved by `is not None` tests and conditional expressions that Numba prunes per signature), allocates the (n, 3, 3) output unless one is passed, and writes for every omega the rotation about the tilted stage axis from cos/sin of chi and omega, one element at a time. Pasted: the file's licence header and docstring, its numpy import and numba import block (less the package-relative imports of constants, transforms_definitions and xf_numpy, which these helpers do not use), and the module-level helpers _angles_to_gvec_helper, _angles_to_dvec_helper, _rmat_s_helper and _row_norm. The harness passes what angles_to_gvec passes for a rotation series: chi = 0.0012 rad and the float64 omega angles of 1440 frames over 360 degrees (out left to its default)
#! /usr/bin/env python
# =============================================================================
# Copyright (c) 2012, Lawrence Livermore National Security, LLC.
# Produced at the Lawrence Livermore National Laboratory.
# Written by Joel Bernier <bernier2@llnl.gov> and others.
# LLNL-CODE-529294.
# All rights reserved.
#
# This file is part of HEXRD. For details on dowloading the source,
# see the file COPYING.
#
# Please also see the file LICENSE.
#
# This program is free software; you can redistribute it and/or modify it under
# the terms of the GNU Lesser General Public License (as published by the Free
# Software Foundation) version 2.1 dated February 1999.
#
# This program is distributed in the hope that it will be useful, but
# WITHOUT ANY WARRANTY; without even the IMPLIED WARRANTY OF MERCHANTABILITY
# or FITNESS FOR A PARTICULAR PURPOSE. See the terms and conditions of the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU Lesser General Public
# License along with this program (see file LICENSE); if not, write to
# the Free Software Foundation, Inc., 59 Temple Place, Suite 330,
# Boston, MA 02111-1307 USA or visit <http://www.gnu.org/licenses/>.
# =============================================================================
# ??? do we want to set np.seterr(invalid='ignore') to avoid nan warnings?
# -*- coding: utf-8 -*-

"""Tranforms module implementation using numba.

Currently, this implementation contains code for the following functions:

- angles_to_gvec
- angles_to_dvec

- row_norm
- unit_vector
- make_rmat_of_expmap
- make_beam_rmat
"""

from __future__ import absolute_import

import numpy as np

try:
    import numba
except ImportError:
    # Numba is an optional dependency. Any code relying on numba should be
    # optional
    raise ImportError("xf_numba not available: numba not installed")


@numba.njit
def _angles_to_gvec_helper(angs, out=None):
    """
    angs are vstacked [2*theta, eta, omega], although omega is optional

    This should be equivalent to the one-liner numpy version:
    out = np.vstack([[np.cos(0.5*angs[:, 0]) * np.cos(angs[:, 1])],
                     [np.cos(0.5*angs[:, 0]) * np.sin(angs[:, 1])],
                     [np.sin(0.5*angs[:, 0])]])

    although much faster
    """
    count, dim = angs.shape
    out = out if out is not None else np.empty((count, 3), dtype=angs.dtype)

    for i in range(count):
        ca0 = np.cos(0.5*angs[i, 0])
        sa0 = np.sin(0.5*angs[i, 0])
        ca1 = np.cos(angs[i, 1])
        sa1 = np.sin(angs[i, 1])
        out[i, 0] = ca0 * ca1
        out[i, 1] = ca0 * sa1
        out[i, 2] = sa0

    return out


@numba.njit
def _angles_to_dvec_helper(angs, out=None):
    """
    angs are vstacked [2*theta, eta, omega], although omega is optional

    This shoud be equivalent to the one-liner numpy version:
    out = np.vstack([[np.sin(angs[:, 0]) * np.cos(angs[:, 1])],
                     [np.sin(angs[:, 0]) * np.sin(angs[:, 1])],
                     [-np.cos(angs[:, 0])]])

    although much faster
    """
    _, dim = angs.shape
    out = out if out is not None else np.empty((dim, 3), dtype=angs.dtype)
    for i in range(len(angs)):
        ca0 = np.cos(angs[i, 0])
        sa0 = np.sin(angs[i, 0])
        ca1 = np.cos(angs[i, 1])
        sa1 = np.sin(angs[i, 1])
        out[i, 0] = sa0 * ca1
        out[i, 1] = sa0 * sa1
        out[i, 2] = -ca0

    return out

@numba.njit
def _rmat_s_helper(chi=None, omes=None, out=None):
    """
    simple utility for calculating sample rotation matrices based on
    standard definition for HEDM

    chi is a single value, 0.0 by default
    omes is either a 1d array or None.
         If None the code should be equivalent to a single ome of value 0.0

    out is a preallocated output array. No check is done about it having the
        proper size. If None a new array will be allocated. The expected size
        of the array is as many 3x3 matrices as omes (n, 3, 3).
    """
    if chi is not None:
        cx = np.cos(chi)
        sx = np.sin(chi)
    else:
        cx = 1.0
        sx = 0.0

    if omes is not None:
        # omes is an array (vector): output is as many rotation matrices as omes entries.
        n = len(omes)
        out = out if out is not None else np.empty((n,3,3), dtype=omes.dtype)

        if chi is not None:
            # ome is array and chi is a value... compute output
            cx = np.cos(chi)
            sx = np.sin(chi)
            for i in range(n):
                cw = np.cos(omes[i])
                sw = np.sin(omes[i])
                out[i, 0, 0] =     cw;  out[i, 0, 1] = 0.;  out[i, 0, 2] =     sw
                out[i, 1, 0] =  sx*sw;  out[i, 1, 1] = cx;  out[i, 1, 2] = -sx*cw
                out[i, 2, 0] = -cx*sw;  out[i, 2, 1] = sx;  out[i, 2, 2] =  cx*cw
        else:
            # omes is array and chi is None -> equivalent to chi=0.0, but shortcut computations.
            # cx IS 1.0, sx IS 0.0
            for i in range(n):
                cw = np.cos(omes[i])
                sw = np.sin(omes[i])
                out[i, 0, 0] =  cw;  out[i, 0, 1] = 0.;  out[i, 0, 2] = sw
                out[i, 1, 0] =  0.;  out[i, 1, 1] = 1.;  out[i, 1, 2] = 0.
                out[i, 2, 0] = -sw;  out[i, 2, 1] = 0.;  out[i, 2, 2] = cw
    else:
        # omes is None, results should be equivalent to an array with a single element 0.0
        out = out if out is not None else np.empty((1, 3, 3))
        if chi is not None:
            # ome is 0.0. cw is 1.0 and sw is 0.0
            cx = np.cos(chi)
            sx = np.sin(chi)
            out[0, 0, 0] = 1.;  out[0, 0, 1] = 0.;  out[0, 0, 2] =  0.
            out[0, 1, 0] = 0.;  out[0, 1, 1] = cx;  out[0, 1, 2] = -sx
            out[0, 2, 0] = 0.;  out[0, 2, 1] = sx;  out[0, 2, 2] =  cx
        else:
            # both omes and chi are None... return a single identity matrix.
            out[0, 0, 0] = 1.;  out[0, 0, 1] = 0.;  out[0, 0, 2] = 0.
            out[0, 1, 0] = 0.;  out[0, 1, 1] = 1.;  out[0, 1, 2] = 0.
            out[0, 2, 0] = 0.;  out[0, 2, 1] = 0.;  out[0, 2, 2] = 1.


    return out


# this could be a gufunc... (n)->()
@numba.njit
def _row_norm(a, out=None):
    n, dim = a.shape
    out = out if out is not None else np.empty(n, dtype=a.dtype)
    for i in range(n):
        nrm = 0.0
        for j in range(dim):
            x = a[i, j]
            nrm += x*x
        out[i] = np.sqrt(nrm)

    return out
# ---- harness (not part of the program) ----
ENTRY = "_rmat_s_helper"


def inputs():
    omes = np.radians(np.linspace(-180.0, 180.0, 1441))[:-1]
    return (0.0012, omes)
