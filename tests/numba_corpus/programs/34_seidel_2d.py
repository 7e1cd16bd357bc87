# Source: spcl/npbench npbench/benchmarks/polybench/seidel_2d/seidel_2d_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench Seidel-2D: in-place 9-point Gauss-Seidel sweeps, row slices plus a scalar loop

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(TSTEPS, N, A):
    for t in range(0, TSTEPS - 1):
        for i in range(1, N - 1):
            A[i, 1:-1] += A[i - 1, :-2] + A[i - 1, 1:-1] + A[i - 1, 2:] + A[i, 2:] + A[i + 1, :-2] + A[i + 1, 1:-1] + A[i + 1, 2:]
            for j in range(1, N - 1):
                A[i, j] += A[i, j - 1]
                A[i, j] /= 9.0
    return (TSTEPS, N, A)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (seidel_2d.py), in float64
    N = 80
    A = np.fromfunction(lambda i, j: (i * (j + 2) + 2) / N, (N, N),
                        dtype=np.float64)
    return (20, N, A)
