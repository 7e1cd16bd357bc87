# Source: numba/numba examples/linear_regression/linear_regression_numba.py
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: gradient-descent linear regression with np.dot and a transposed matrix, updating w in place

#
# Copyright (c) 2017 Intel Corporation
# SPDX-License-Identifier: BSD-2-Clause
#

import numba
import numpy as np

@numba.njit()
def linear_regression(Y, X, w, iterations, alphaN):
    for i in range(iterations):
        w -= alphaN * np.dot(X.T, np.dot(X,w)-Y)
    return w

# ---- harness (not part of the program) ----
ENTRY = "linear_regression"


def inputs():
    N, D, p, iterations = 2000, 10, 4, 20
    alphaN = 0.01/N
    w = np.zeros((D,p))
    rng = np.random.default_rng(0)
    points = rng.random((N,D))
    labels = rng.random((N,p))
    return (labels, points, w, iterations, alphaN)
