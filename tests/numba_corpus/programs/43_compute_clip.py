# Source: spcl/npbench npbench/benchmarks/compute/compute_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: the Cython tutorial's clip-and-combine on int64 matrices with NumPy integer scalars

# https://cython.readthedocs.io/en/latest/src/userguide/numpy_tutorial.html

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def compute(array_1, array_2, a, b, c):
    # return np.clip(array_1, 2, 10) * a + array_2 * b + c
    return np.minimum(np.maximum(array_1, 2), 10) * a + array_2 * b + c

# ---- harness (not part of the program) ----
ENTRY = "compute"


def inputs():
    # NPBench's initialize(M, N, datatype) (compute.py), seed 0
    rng = np.random.default_rng(0)
    array_1 = rng.uniform(0, 1000, size=(200, 300)).astype(np.int64)
    array_2 = rng.uniform(0, 1000, size=(200, 300)).astype(np.int64)
    a = np.int64(4)
    b = np.int64(3)
    c = np.int64(9)
    return (array_1, array_2, a, b, c)
