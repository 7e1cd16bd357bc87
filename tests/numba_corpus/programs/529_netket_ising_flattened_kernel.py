# Source: netket/netket netket/operator/_ising/numba.py (at commit 11ab90e8)
# Licence: Apache-2.0 (NetKet, LICENSE; Copyright 2021 The NetKet Authors)
# Notes: connected configurations and matrix elements of the transverse-field Ising Hamiltonian -h sum_i sigma^x_i + J sum_<ij> sigma^z_i sigma^z_j for a batch of spin configurations (NetKet's numba operator kernel, used by get_conn_flattened for variational Monte Carlo local energies): @jit(nopython=True) with no other options, np.empty with dtype=x.dtype and dtype=h.dtype (h and J are 0-d float64 arrays, as Ising.__init__ makes them with np.array(h, dtype=dtype), so J * x[...] * x[...] and -h are 0-d array arithmetic), a diagonal sum over an (n_edges, 2) int edge list, a slice fill mels[a:b].fill(-h), a row-block assignment x_prime[a:b] = np.copy(x[i]) broadcasting one row into n_sites+1 rows, chained indexing x_prime[j + odiag_ind][j] *= -1.0, writes into the caller's sections array, and a 2-tuple return. Pasted: the module's imports that the kernel uses (numpy, `from numba import jit`) and the jitted Ising._flattened_kernel, taken out of the class as a module-level function (the @staticmethod above @jit(nopython=True) dropped); left out: the Ising class body (__init__, to_jax_operator, get_conn_flattened, the closure builder) and the netket imports it needs; the harness passes 16 random +-1 configurations of a 10-site periodic chain (edges (i, i+1 mod 10)), a zeroed int64 sections array, h = np.array(1.321) and J = np.array(0.5) (0-d arrays, as in NetKet), and the result includes sections after the call
import numpy as np
from numba import jit


@jit(nopython=True)
def _flattened_kernel(x, sections, edges, h, J):  # pragma: no cover
    n_sites = x.shape[1]
    n_conn = n_sites + 1

    x_prime = np.empty((x.shape[0] * n_conn, n_sites), dtype=x.dtype)
    mels = np.empty(x.shape[0] * n_conn, dtype=h.dtype)

    diag_ind = 0

    for i in range(x.shape[0]):
        mels[diag_ind] = 0.0
        for k in range(edges.shape[0]):
            mels[diag_ind] += J * x[i, edges[k, 0]] * x[i, edges[k, 1]]

        odiag_ind = 1 + diag_ind

        mels[odiag_ind : (odiag_ind + n_sites)].fill(-h)

        x_prime[diag_ind : (diag_ind + n_conn)] = np.copy(x[i])

        for j in range(n_sites):
            x_prime[j + odiag_ind][j] *= -1.0

        diag_ind += n_conn

        sections[i] = diag_ind

    return x_prime, mels
# ---- harness (not part of the program) ----
ENTRY = "_flattened_kernel"


def inputs():
    # 16 spin configurations (+-1.0) on a periodic 10-site chain; sections is written by the kernel
    rng = np.random.default_rng(0)
    n = 10
    x = rng.choice(np.array([-1.0, 1.0]), size=(16, n))
    sections = np.zeros(16, dtype=np.int64)
    edges = np.array([[i, (i + 1) % n] for i in range(n)], dtype=np.int64)
    return (x, sections, edges, np.array(1.321), np.array(0.5))
