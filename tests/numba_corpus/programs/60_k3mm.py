# Source: spcl/npbench npbench/benchmarks/polybench/k3mm/k3mm_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench 3MM: the product chain A @ B @ C @ D of four rectangular matrices

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(A, B, C, D):

    return A @ B @ C @ D

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(NI, NJ, NK, NL, NM) (k3mm.py), in float64
    NI, NJ, NK, NL, NM = 40, 45, 50, 55, 60
    A = np.fromfunction(lambda i, j: ((i * j + 1) % NI) / (5 * NI), (NI, NK),
                        dtype=np.float64)
    B = np.fromfunction(lambda i, j: ((i * (j + 1) + 2) % NJ) / (5 * NJ),
                        (NK, NJ),
                        dtype=np.float64)
    C = np.fromfunction(lambda i, j: (i * (j + 3) % NL) / (5 * NL), (NJ, NM),
                        dtype=np.float64)
    D = np.fromfunction(lambda i, j: ((i * (j + 2) + 2) % NK) / (5 * NK),
                        (NM, NL),
                        dtype=np.float64)
    return (A, B, C, D)
