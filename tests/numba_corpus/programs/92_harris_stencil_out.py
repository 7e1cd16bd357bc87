# Source: numba/numba examples/harris/harris_pa.py
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: Harris corner response with three @stencil() kernels called from an njit(parallel=True) function with out= arrays, on a uint8 image, then array expressions (the Pillow import and its try/except, used only by main(), left out)

#! /usr/bin/env python

#
# Copyright (c) 2017 Intel Corporation
# SPDX-License-Identifier: BSD-2-Clause
#

from __future__ import print_function

import numpy as np

from numba import njit, stencil

@stencil()
def xsten(a):
    return ((a[-1,-1] * -1.0) + (a[-1,0] * -2.0) + (a[-1,1] * -1.0) + a[1,-1] + (a[1,0] * 2.0) + a[1,1]) / 12.0

@stencil()
def ysten(a):
    return ((a[-1,-1] * -1.0) + (a[0,-1] * -2.0) + (a[1,-1] * -1.0) + a[-1,1] + (a[0,1] * 2.0) + a[1,1]) / 12.0

@stencil()
def harris_common(a):
    return (a[-1,-1] + a[-1,0] + a[-1,1] + a[0,-1] + a[0,0] + a[0,1] + a[1,-1] + a[1,0] + a[1,1])

@njit(parallel=True)
def harris(Iin,Ixout,Iyout,Sxxout,Syyout,Sxyout):
    Ix = xsten(Iin,out=Ixout)
    Iy = ysten(Iin,out=Iyout)
    Ixx = Ix * Ix
    Iyy = Iy * Iy
    Ixy = Ix * Iy
    Sxx = harris_common(Ixx,out=Sxxout)
    Syy = harris_common(Iyy,out=Syyout)
    Sxy = harris_common(Ixy,out=Sxyout)
    det = (Sxx * Syy) - (Sxy * Sxy)
    trace = Sxx + Syy
    return det - (0.04 * trace * trace)

# ---- harness (not part of the program) ----
ENTRY = "harris"


def inputs():
    # main(): a greyscale ('L', uint8) image and five float output arrays
    # like it (np.zeros rather than main's np.empty_like, so that the
    # borders the stencils leave alone are deterministic)
    input_arr = np.random.default_rng(0).integers(0, 256, (64, 80), dtype=np.uint8)
    outs = tuple(np.zeros_like(input_arr, dtype=float) for _ in range(5))
    return (input_arr,) + outs
