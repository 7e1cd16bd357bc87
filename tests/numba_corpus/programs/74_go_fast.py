# Source: spcl/npbench npbench/benchmarks/go_fast/go_fast_numba_n.py
# Licence: BSD-3-Clause (NPBench); the code is the Numba 5-minute guide's example (BSD-2-Clause, Numba)
# Notes: NPBench's copy of the 5-minute guide's go_fast (fastmath=True): trace of tanh of the diagonal, added to a float matrix

# https://numba.readthedocs.io/en/stable/user/5minguide.html

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def go_fast(a):
    trace = 0.0
    for i in range(a.shape[0]):
        trace += np.tanh(a[i, i])
    return a + trace

# ---- harness (not part of the program) ----
ENTRY = "go_fast"


def inputs():
    # NPBench's initialize(N) (go_fast.py), in float64, smaller than "S", seed 0
    rng = np.random.default_rng(0)
    N = 200
    a = rng.random((N, N), dtype=np.float64)
    return (a,)
