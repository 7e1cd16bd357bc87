# Source: spcl/npbench npbench/benchmarks/polybench/k2mm/k2mm_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench 2MM: D = alpha * A @ B @ C + beta * D assigned into D[:], a chain of two matrix products

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(alpha, beta, A, B, C, D):
    D[:] = alpha * A @ B @ C + beta * D
    return (alpha, beta, A, B, C, D)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(NI, NJ, NK, NL) (k2mm.py), in float64
    NI, NJ, NK, NL = 40, 50, 60, 70
    A = np.fromfunction(lambda i, j: ((i * j + 1) % NI) / NI, (NI, NK),
                        dtype=np.float64)
    B = np.fromfunction(lambda i, j: (i * (j + 1) % NJ) / NJ, (NK, NJ),
                        dtype=np.float64)
    C = np.fromfunction(lambda i, j: ((i * (j + 3) + 1) % NL) / NL, (NJ, NL),
                        dtype=np.float64)
    D = np.fromfunction(lambda i, j: (i * (j + 2) % NK) / NK, (NI, NL),
                        dtype=np.float64)
    return (1.5, 1.2, A, B, C, D)
