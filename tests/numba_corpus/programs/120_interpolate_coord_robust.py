# Source: shade-econ/sequence-jacobian src/sequence_jacobian/utilities/interpolate.py
# Licence: MIT (Copyright (c) 2022 Sequence-Jacobian Team)
# Notes: linear-interpolation coordinates by binary search for unsorted query points: a uint32 index array and a float weight array built in a loop (np.empty with dtype=np.uint32), x[-2] negative indexing, // on ints, an int variable bound in three branches, returns a tuple of two arrays; the module's @guvectorize kernels and plain-Python wrappers left out (the import line, which also names guvectorize, kept as it is)
import numpy as np
from numba import njit, guvectorize


@njit
def interpolate_coord_robust_vector(x, xq):
    """Does interpolate_coord_robust where xq must be a vector, more general function is wrapper"""

    n = len(x)
    nq = len(xq)
    xqi = np.empty(nq, dtype=np.uint32)
    xqpi = np.empty(nq)

    for iq in range(nq):
        if xq[iq] < x[0]:
            ilow = 0
        elif xq[iq] > x[-2]:
            ilow = n-2
        else:
            # start binary search
            # should end with ilow and ihigh exactly 1 apart, bracketing variable
            ihigh = n-1
            ilow = 0
            while ihigh - ilow > 1:
                imid = (ihigh + ilow) // 2
                if xq[iq] > x[imid]:
                    ilow = imid
                else:
                    ihigh = imid

        xqi[iq] = ilow
        xqpi[iq] = (x[ilow+1] - xq[iq]) / (x[ilow+1] - x[ilow])

    return xqi, xqpi

# ---- harness (not part of the program) ----
ENTRY = "interpolate_coord_robust_vector"


def inputs():
    # an asset grid like the package's agrid(amax=200, n=100) (equidistant in
    # logs) and unsorted query points, some outside the grid on both sides
    amin, amax, n = 0.0, 200.0, 100
    pivot = np.abs(amin) + 0.25
    a_grid = np.geomspace(amin + pivot, amax + pivot, n) - pivot
    a_grid[0] = amin
    rng = np.random.default_rng(0)
    xq = rng.uniform(-5.0, 210.0, 1000)
    return (a_grid, xq)
