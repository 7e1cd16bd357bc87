# Source: spcl/npbench npbench/benchmarks/contour_integral/contour_integral_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: contour integral for quantum transport (FEAST-like): iteration over a complex array, np.power of a complex by a float, np.linalg.inv or np.linalg.solve of complex matrices, abs of a complex, += accumulation, returns two matrices
import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def contour_integral(NR, NM, slab_per_bc, Ham, int_pts, Y):
    P0 = np.zeros((NR, NM), dtype=np.complex128)
    P1 = np.zeros((NR, NM), dtype=np.complex128)
    for z in int_pts:
        Tz = np.zeros((NR, NR), dtype=np.complex128)
        for n in range(slab_per_bc + 1):
            zz = np.power(z, slab_per_bc / 2 - n)
            Tz += zz * Ham[n]
        if NR == NM:
            X = np.linalg.inv(Tz)
        else:
            X = np.linalg.solve(Tz, Y)
        if abs(z) < 1.0:
            X = -X
        P0 += X
        P1 += z * X

    return P0, P1

# ---- harness (not part of the program) ----
ENTRY = "contour_integral"


def inputs():
    # NPBench's initialize(NR, NM, slab_per_bc, num_int_pts) (contour_integral.py),
    # in float64 (complex128), seed 0
    rng = np.random.default_rng(0)
    NR, NM, slab_per_bc, num_int_pts = 16, 8, 2, 8
    Ham = rng.random((slab_per_bc + 1, NR, NR)) + rng.random((slab_per_bc + 1, NR, NR)) * 1j
    int_pts = rng.random((num_int_pts, )) + rng.random((num_int_pts, )) * 1j
    Y = rng.random((NR, NM)) + rng.random((NR, NM)) * 1j
    return (NR, NM, slab_per_bc, Ham, int_pts, Y)
