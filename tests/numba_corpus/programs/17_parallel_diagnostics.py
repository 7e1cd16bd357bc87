# Source: https://numba.readthedocs.io/en/stable/user/parallel.html#diagnostics (numba/numba docs/source/user/parallel.rst)
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: the parallel-diagnostics example: fused array expressions, then a nested prange reduction (the snippet's imports added)

import numpy as np
from numba import njit, prange

@njit(parallel=True)
def test(x):
    n = x.shape[0]
    a = np.sin(x)
    b = np.cos(a * a)
    acc = 0
    for i in prange(n - 2):
        for j in prange(n - 1):
            acc += b[i] + b[j + 1]
    return acc

# ---- harness (not part of the program) ----
ENTRY = "test"


def inputs():
    return (np.arange(10),)
