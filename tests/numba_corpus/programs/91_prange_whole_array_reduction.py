# Source: https://numba.readthedocs.io/en/stable/user/parallel.html#explicit-parallel-loops (numba/numba docs/source/user/parallel.rst, prange_ok_result_whole_arr)
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: the docs' whole-array reduction across a prange loop (parallel=True): y += x[i] adds each row of a 2-D array into a 4-element accumulator array

from numba import njit, prange
import numpy as np

@njit(parallel=True)
def prange_ok_result_whole_arr(x):
    n = x.shape[0]
    y = np.zeros(4)
    for i in prange(n):
        y += x[i]
    return y

# ---- harness (not part of the program) ----
ENTRY = "prange_ok_result_whole_arr"


def inputs():
    return (np.random.default_rng(0).random((1000, 4)),)
