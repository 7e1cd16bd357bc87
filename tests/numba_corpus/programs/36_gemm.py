# Source: spcl/npbench npbench/benchmarks/polybench/gemm/gemm_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: C = alpha*A@B + beta*C assigned into C[:], returning a tuple of scalars and arrays

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, C, A, B):
    C[:] = alpha * A @ B + beta * C
    return (alpha, beta, C, A, B)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    NI, NJ, NK = 60, 70, 80
    rng = np.random.default_rng(0)
    C = rng.random((NI, NJ))
    A = rng.random((NI, NK))
    B = rng.random((NK, NJ))
    return (1.5, 1.2, C, A, B)
