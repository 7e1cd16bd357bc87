# Source: spcl/npbench npbench/benchmarks/polybench/fdtd_2d/fdtd_2d_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: PolyBench FDTD-2D: electric and magnetic field updates with 2-D slices, -= on slices and a row set from a scalar

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def kernel(TMAX, ex, ey, hz, _fict_):
    for t in range(TMAX):
        ey[0, :] = _fict_[t]
        ey[1:, :] -= 0.5 * (hz[1:, :] - hz[:-1, :])
        ex[:, 1:] -= 0.5 * (hz[:, 1:] - hz[:, :-1])
        hz[:-1, :-1] -= 0.7 * (ex[:-1, 1:] - ex[:-1, :-1] + ey[1:, :-1] - ey[:-1, :-1])
    return (TMAX, ex, ey, hz, _fict_)

# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(TMAX, NX, NY) (fdtd_2d.py), in float64, smaller than "S"
    TMAX, NX, NY = 20, 60, 70
    ex = np.fromfunction(lambda i, j: (i * (j + 1)) / NX, (NX, NY),
                         dtype=np.float64)
    ey = np.fromfunction(lambda i, j: (i * (j + 2)) / NY, (NX, NY),
                         dtype=np.float64)
    hz = np.fromfunction(lambda i, j: (i * (j + 3)) / NX, (NX, NY),
                         dtype=np.float64)
    _fict_ = np.fromfunction(lambda i: i, (TMAX, ), dtype=np.float64)
    return (TMAX, ex, ey, hz, _fict_)
