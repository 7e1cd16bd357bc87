# Source: netket/netket netket/operator/_bose_hubbard/numba.py (at commit 1d4f149b)
# Licence: Apache-2.0 (NetKet, LICENSE; Copyright 2021 The NetKet Authors)
# Notes: connected Fock configurations and matrix elements of the extended Bose-Hubbard Hamiltonian (on-site U, nearest-neighbour V, hopping J, chemical potential mu) for a batch of occupation-number configurations, NetKet's numba operator kernel behind get_conn_flattened: @jit(nopython=True), optional arguments mels=None, x_prime=None, pad=False tested with `is None` inside the jitted code (allocation inside the kernel when called as a closure), np.empty with dtype=U.dtype / x.dtype, a local alias sqrt = math.sqrt, tuple unpacking i, j = edges[e][0], edges[e][1], row assignments x_prime[k] = np.copy(x[b]), 0-d array arithmetic (U, V, J, mu are 0-d float64 arrays as BoseHubbard.__init__ makes them with np.array(U, dtype=dtype)), an `if pad:` branch that zeroes the buffers and jumps to fixed-size blocks, trailing slices x_prime[:odiag_ind] and copies when the buffers were passed in, and writes into the caller's sections array. Pasted: the imports the kernel uses (numpy, `from numba import jit`, math) and BoseHubbard._flattened_kernel, taken out of the class as a module-level function (the @staticmethod above @jit(nopython=True) dropped); left out: the class body (__init__, to_jax_operator, get_conn_flattened with its cached buffers, the closure builder) and the jax/netket imports; the harness calls the kernel twice on 8 configurations of a 6-site periodic chain with n_max = 3 and max_conn = 1 + 2 * n_edges: once as the closure does (no buffers, so they are allocated inside) and once as get_conn_flattened does (preallocated buffers, pad=True), and returns both results and both sections arrays
import numpy as np
from numba import jit
import math


@jit(nopython=True)
def _flattened_kernel(  # pragma: no cover
    x,
    sections,
    edges,
    U,
    V,
    J,
    mu,
    n_max,
    max_conn,
    mels=None,
    x_prime=None,
    pad=False,
):
    batch_size = x.shape[0]
    n_sites = x.shape[1]

    mels_allocated = False
    x_prime_allocated = False

    # When executed as a closure those must be allocated inside the numba jitted function
    if mels is None:
        mels_allocated = True
        mels = np.empty(batch_size * max_conn, dtype=U.dtype)

    if x_prime is None:
        x_prime_allocated = True
        x_prime = np.empty((batch_size * max_conn, n_sites), dtype=x.dtype)

    if pad:
        x_prime[:, :] = 0
        mels[:] = 0

    sqrt = math.sqrt
    Uh = 0.5 * U

    diag_ind = 0
    for b in range(batch_size):
        mels[diag_ind] = 0.0
        x_prime[diag_ind] = np.copy(x[b])

        for i in range(n_sites):
            # chemical potential
            mels[diag_ind] -= mu * x[b, i]
            # on-site interaction
            mels[diag_ind] += Uh * x[b, i] * (x[b, i] - 1.0)

        odiag_ind = 1 + diag_ind
        for e in range(edges.shape[0]):
            i, j = edges[e][0], edges[e][1]
            n_i = x[b, i]
            n_j = x[b, j]
            mels[diag_ind] += V * n_i * n_j

            # destroy on i create on j
            if n_i > 0 and n_j < n_max:
                mels[odiag_ind] = -J * sqrt(n_i) * sqrt(n_j + 1)
                x_prime[odiag_ind] = np.copy(x[b])
                x_prime[odiag_ind, i] -= 1.0
                x_prime[odiag_ind, j] += 1.0
                odiag_ind += 1

            # destroy on j create on i
            if n_j > 0 and n_i < n_max:
                mels[odiag_ind] = -J * sqrt(n_j) * sqrt(n_i + 1)
                x_prime[odiag_ind] = np.copy(x[b])
                x_prime[odiag_ind, j] -= 1.0
                x_prime[odiag_ind, i] += 1.0
                odiag_ind += 1

        if pad:
            odiag_ind = (b + 1) * max_conn

        diag_ind = odiag_ind

        sections[b] = odiag_ind

    x_prime = x_prime[:odiag_ind]
    mels = mels[:odiag_ind]

    # if not allocated return copies
    if not x_prime_allocated:
        x_prime = np.copy(x_prime)
    if not mels_allocated:
        mels = np.copy(mels)

    return x_prime, mels
# ---- harness (not part of the program) ----
ENTRY = "run_both"


def run_both(x, edges, U, V, J, mu, n_max):
    max_conn = 1 + 2 * edges.shape[0]
    sections1 = np.zeros(x.shape[0], dtype=np.int64)
    xp1, m1 = _flattened_kernel(x, sections1, edges, U, V, J, mu, n_max, max_conn)
    sections2 = np.zeros(x.shape[0], dtype=np.int64)
    mels_buf = np.empty(x.shape[0] * max_conn, dtype=np.float64)
    xp_buf = np.empty((x.shape[0] * max_conn, x.shape[1]), dtype=x.dtype)
    xp2, m2 = _flattened_kernel(x, sections2, edges, U, V, J, mu, n_max, max_conn,
                                mels_buf, xp_buf, True)
    return xp1, m1, sections1, xp2, m2, sections2


def inputs():
    # 8 occupation configurations (0..3 bosons per site) of a periodic 6-site chain; U, V, J, mu as 0-d arrays
    rng = np.random.default_rng(0)
    n = 6
    x = rng.integers(0, 4, size=(8, n)).astype(np.float64)
    edges = np.array([[i, (i + 1) % n] for i in range(n)], dtype=np.int64)
    return (x, edges, np.array(4.0), np.array(0.5), np.array(1.0), np.array(0.25), 3)
