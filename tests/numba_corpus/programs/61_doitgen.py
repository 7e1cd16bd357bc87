# Source: spcl/npbench npbench/benchmarks/polybench/doitgen/doitgen_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench DOITGEN: multiresolution kernel, each row A[r, q, :] of a 3-D array replaced by A[r, q, :] @ C4

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(NR, NQ, NP, A, C4):
    for r in range(NR):
        for q in range(NQ):
            tmp = A[r, q, :] @ C4
            A[r, q, :] = tmp
    return (NR, NQ, NP, A, C4)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(NR, NQ, NP) (doitgen.py), in float64
    NR, NQ, NP = 10, 12, 14
    A = np.fromfunction(lambda i, j, k: ((i * j + k) % NP) / NP, (NR, NQ, NP),
                        dtype=np.float64)
    C4 = np.fromfunction(lambda i, j: (i * j % NP) / NP, (NP, NP),
                         dtype=np.float64)
    return (NR, NQ, NP, A, C4)
