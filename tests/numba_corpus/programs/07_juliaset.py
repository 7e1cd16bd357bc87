# Source: numba/numba examples/juliaset/juliaset_numba.py
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: Julia set iteration Z = Z*Z + c on a complex 2-D array, then exp(-|Z|)

#
# Copyright (c) 2017 Intel Corporation
# SPDX-License-Identifier: BSD-2-Clause
#

import numpy as np
import numba

# This code was ported from a MATLAB implementation available at
# http://www.albertostrumia.it/Fractals/FractalMatlab/Julia/juliaSH.m.
# Original MATLAB implementation is copyright (c) the author.

@numba.njit()
def iterate(col, Z, c):
    for k in range(col):
        Z = Z*Z + c
    return np.exp(-np.abs(Z))

# ---- harness (not part of the program) ----
ENTRY = "iterate"


def inputs():
    m = 100
    l = 1.5
    x = np.linspace(-l, l, m)
    y = np.linspace(-l, l, m)
    (X, Y) = np.meshgrid(x, y)
    Z = X + Y*1j
    c = -.745429 + .11308j
    return (16, Z, c)
