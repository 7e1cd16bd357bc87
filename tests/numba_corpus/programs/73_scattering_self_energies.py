# Source: spcl/npbench npbench/benchmarks/scattering_self_energies/scattering_self_energies_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: scattering self-energies (quantum transport): an 8-deep loop nest of complex matrix products on sub-arrays picked by scalar and int32 indices, accumulated with += into a 5-D array

import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=False, fastmath=True)
def scattering_self_energies(neigh_idx, dH, G, D, Sigma):
    for k in range(G.shape[0]):
        for E in range(G.shape[1]):
            for q in range(D.shape[0]):
                for w in range(D.shape[1]):
                    for i in range(D.shape[-2]):
                        for j in range(D.shape[-1]):
                            for a in range(neigh_idx.shape[0]):
                                for b in range(neigh_idx.shape[1]):
                                    if E - w >= 0:
                                        dHG = G[k, E - w, neigh_idx[a, b]] @ dH[a, b, i]
                                        dHD = dH[a, b, j] * D[q, w, a, b, i, j]
                                        Sigma[k, E, a] += dHG @ dHD
    return (neigh_idx, dH, G, D, Sigma)

# ---- harness (not part of the program) ----
ENTRY = "scattering_self_energies"


def inputs():
    # NPBench's initialize(Nkz, NE, Nqz, Nw, N3D, NA, NB, Norb)
    # (scattering_self_energies.py), "S" preset, in float64 (complex128), seed 0
    Nkz, NE, Nqz, Nw, N3D, NA, NB, Norb = 2, 4, 2, 2, 2, 6, 2, 3
    rng = np.random.default_rng(0)

    def rng_complex(shape):
        return (rng.random(shape, dtype=np.float64) +
                rng.random(shape, dtype=np.float64) * 1j)

    neigh_idx = np.ndarray([NA, NB], dtype=np.int32)
    for i in range(NA):
        neigh_idx[i] = np.positive(np.arange(i - NB / 2, i + NB / 2) % NA)
    dH = rng_complex([NA, NB, N3D, Norb, Norb])
    G = rng_complex([Nkz, NE, NA, Norb, Norb])
    D = rng_complex([Nqz, Nw, NA, NB, N3D, N3D])
    Sigma = np.zeros([Nkz, NE, NA, Norb, Norb], dtype=D.dtype)
    return (neigh_idx, dH, G, D, Sigma)
