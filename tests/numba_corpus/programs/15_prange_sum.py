# Source: https://numba.readthedocs.io/en/stable/user/parallel.html#explicit-parallel-loops (numba/numba docs/source/user/parallel.rst)
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: parallel sum reduction over a prange loop

from numba import njit, prange

@njit(parallel=True)
def prange_test(A):
    s = 0
    # Without "parallel=True" in the jit-decorator
    # the prange statement is equivalent to range
    for i in prange(A.shape[0]):
        s += A[i]
    return s

# ---- harness (not part of the program) ----
ENTRY = "prange_test"


def inputs():
    import numpy as np
    return (np.arange(1, 10001, dtype=np.int64),)
