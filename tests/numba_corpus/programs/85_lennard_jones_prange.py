# Source: numba/numba-examples examples/lennard_jones/numba_scalar_prange_impl.py
# Licence: BSD-2-Clause (Numba)
# Notes: Lennard-Jones potential energy of a cluster: a scalar sum reduction over a prange loop (parallel=True) with an inner triangular range loop, calling two scalar jitted helpers on array rows
import numba

@numba.njit
def lj_numba_scalar_prange(r):
    sr6 = (1./r)**6
    pot = 4.*(sr6*sr6 - sr6)
    return pot


@numba.njit
def distance_numba_scalar_prange(atom1, atom2):
    dx = atom2[0] - atom1[0]
    dy = atom2[1] - atom1[1]
    dz = atom2[2] - atom1[2]

    r = (dx * dx + dy * dy + dz * dz) ** 0.5

    return r


@numba.njit(parallel=True)
def potential_numba_scalar_prange(cluster):
    energy = 0.0
    # numba.prange requires parallel=True flag to compile.
    # It causes the loop to run in parallel in multiple threads.
    for i in numba.prange(len(cluster)-1):
        for j in range(i + 1, len(cluster)):
            r = distance_numba_scalar_prange(cluster[i], cluster[j])
            e = lj_numba_scalar_prange(r)
            energy += e

    return energy

# ---- harness (not part of the program) ----
ENTRY = "potential_numba_scalar_prange"


def inputs():
    import numpy as np
    g = np.arange(5) * 1.1
    cluster = np.array([(x, y, z) for x in g for y in g for z in g])
    cluster += np.random.default_rng(0).uniform(-0.05, 0.05, cluster.shape)
    return (cluster,)
