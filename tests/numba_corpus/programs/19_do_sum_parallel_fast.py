# Source: https://numba.readthedocs.io/en/stable/user/performance-tips.html#parallel-true (numba/numba docs/source/user/performance-tips.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: sum of square roots with prange, parallel=True and fastmath=True (the snippet's imports added)

import numpy as np
from numba import njit, prange

@njit(parallel=True)
def do_sum_parallel(A):
    # each thread can accumulate its own partial sum, and then a cross
    # thread reduction is performed to obtain the result to return
    n = len(A)
    acc = 0.
    for i in prange(n):
        acc += np.sqrt(A[i])
    return acc

@njit(parallel=True, fastmath=True)
def do_sum_parallel_fast(A):
    n = len(A)
    acc = 0.
    for i in prange(n):
        acc += np.sqrt(A[i])
    return acc

# ---- harness (not part of the program) ----
ENTRY = "do_sum_parallel_fast"


def inputs():
    return (np.arange(1.e5),)
