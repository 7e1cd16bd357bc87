# Source: https://numba.readthedocs.io/en/stable/user/parallel.html#explicit-parallel-loops (numba/numba docs/source/user/parallel.rst)
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: product reduction of a whole 2-D integer array across a prange loop

from numba import njit, prange
import numpy as np

@njit(parallel=True)
def two_d_array_reduction_prod(n):
    shp = (13, 17)
    result1 = 2 * np.ones(shp, np.int_)
    tmp = 2 * np.ones_like(result1)

    for i in prange(n):
        result1 *= tmp

    return result1

# ---- harness (not part of the program) ----
ENTRY = "two_d_array_reduction_prod"


def inputs():
    return (10,)
