# Source: numba/numba examples/kernel-density-estimation/kernel_density_estimation_numba.py
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: log-sum-exp kernel density estimate summed over a prange loop (without parallel=True)

#                                                                               
# Copyright (c) 2017 Intel Corporation                                          
# SPDX-License-Identifier: BSD-2-Clause                                         
#                                                                               

from numba import njit, prange
import numpy as np

@njit()
def kde(X):
    b = 0.5
    points = np.array([-1.0, 2.0, 5.0])
    N = points.shape[0]
    n = X.shape[0]
    exps = 0
    for i in prange(n):
        p = X[i]
        d = (-(p-points)**2)/(2*b**2)
        m = np.min(d)
        exps += m-np.log(b*N)+np.log(np.sum(np.exp(d-m)))
    return exps

# ---- harness (not part of the program) ----
ENTRY = "kde"


def inputs():
    return (np.random.default_rng(0).random(10000),)
