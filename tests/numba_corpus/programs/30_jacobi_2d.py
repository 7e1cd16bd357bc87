# Source: spcl/npbench npbench/benchmarks/polybench/jacobi_2d/jacobi_2d_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench Jacobi-2D: 5-point stencil time steps written with 2-D slices

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(TSTEPS, A, B):

    for t in range(1, TSTEPS):
        B[1:-1, 1:-1] = 0.2 * (A[1:-1, 1:-1] + A[1:-1, :-2] + A[1:-1, 2:] +
                               A[2:, 1:-1] + A[:-2, 1:-1])
        A[1:-1, 1:-1] = 0.2 * (B[1:-1, 1:-1] + B[1:-1, :-2] + B[1:-1, 2:] +
                               B[2:, 1:-1] + B[:-2, 1:-1])
    return A

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    N = 90
    A = np.fromfunction(lambda i, j: i * (j + 2) / N, (N, N), dtype=np.float64)
    B = np.fromfunction(lambda i, j: i * (j + 3) / N, (N, N), dtype=np.float64)
    return (50, A, B)
