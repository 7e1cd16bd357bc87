# Source: spcl/npbench npbench/benchmarks/polybench/jacobi_1d/jacobi_1d_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench Jacobi-1D: 3-point stencil time steps written with 1-D slices

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(TSTEPS, A, B):
    for t in range(1, TSTEPS):
        B[1:-1] = 0.33333 * (A[:-2] + A[1:-1] + A[2:])
        A[1:-1] = 0.33333 * (B[:-2] + B[1:-1] + B[2:])
    return (TSTEPS, A, B)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (jacobi_1d.py), in float64, smaller than "S"
    TSTEPS, N = 50, 400
    A = np.fromfunction(lambda i: (i + 2) / N, (N, ), dtype=np.float64)
    B = np.fromfunction(lambda i: (i + 3) / N, (N, ), dtype=np.float64)
    return (TSTEPS, A, B)
