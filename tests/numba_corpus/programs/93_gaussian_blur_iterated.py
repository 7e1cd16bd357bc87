# Source: numba/numba examples/gaussian-blur/gaussian-blur-pa.py
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: 5x5 Gaussian blur @stencil() applied repeatedly from an njit(parallel=True) loop, swapping input and output with a tuple assignment, on a uint8 image (the stencil result is float64) (the Pillow import and its try/except, used only by main(), left out)

#! /usr/bin/env python

#                                                                               
# Copyright (c) 2017 Intel Corporation                                          
# SPDX-License-Identifier: BSD-2-Clause                                         
#                                                                               

from __future__ import print_function

import numpy as np

from numba import njit, stencil

@stencil()
def gaussian_blur(a):
    return (a[-2,-2] * 0.003  + a[-1,-2] * 0.0133 + a[0,-2] * 0.0219 + a[1,-2] * 0.0133 + a[2,-2] * 0.0030 +
            a[-2,-1] * 0.0133 + a[-1,-1] * 0.0596 + a[0,-1] * 0.0983 + a[1,-1] * 0.0596 + a[2,-1] * 0.0133 +
            a[-2, 0] * 0.0219 + a[-1, 0] * 0.0983 + a[0, 0] * 0.1621 + a[1, 0] * 0.0983 + a[2, 0] * 0.0219 +
            a[-2, 1] * 0.0133 + a[-1, 1] * 0.0596 + a[0, 1] * 0.0983 + a[1, 1] * 0.0596 + a[2, 1] * 0.0133 +
            a[-2, 2] * 0.003  + a[-1, 2] * 0.0133 + a[0, 2] * 0.0219 + a[1, 2] * 0.0133 + a[2, 2] * 0.0030)

@njit(parallel=True)
def run_gaussian_blur(input_arr, iterations):
    sinput_arr = gaussian_blur(input_arr)
    for i in range(iterations-1):
        output_arr = gaussian_blur(sinput_arr)
        sinput_arr, output_arr = output_arr, sinput_arr

    return sinput_arr

# ---- harness (not part of the program) ----
ENTRY = "run_gaussian_blur"


def inputs():
    # main(): a greyscale (uint8) image, here 3 iterations
    return (np.random.default_rng(0).integers(0, 256, (64, 80), dtype=np.uint8), 3)
