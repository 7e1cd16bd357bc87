# Source: skojaku/core-periphery-detection cpnet/KM_config.py (at commit 0f39e0dc); np comes from the module's `from .CPAlgorithm import *` (cpnet/CPAlgorithm.py, same commit, imports numpy as np)
# Licence: MIT (cpnet, setup.py: license="MIT"; Sadamori Kojaku)
# Notes: the quality of a partition of a network into several core-periphery pairs under the configuration-model null (Kojaku & Masuda 2018), what KM_config.detect and KM_config._score use to rank runs: _score_ (@numba.jit(nopython=True, cache=True), with a default argument alpha=0.5) reads the graph as CSR arrays (indptr, indices, data), takes np.unique of the pair labels and K = int(np.max(cids) + 1), and per node slices its neighbours and weights, sums the self-loop weight through a boolean mask (weight[neighbors == i]), loops over enumerate(neighbors) to add the intra-pair edge weights counted when either end is a core node (x_i + x_j - x_i x_j, float coreness), accumulates the core and periphery degree sums of every pair and the total degree; a second loop turns the per-pair sums into qualities with an array update and an accumulator Q that starts as the integer 0 and takes float values; it returns the tuple (Q, q). Only _score_ is pasted, with `import numba` and numpy; left out: the KM_config class (networkx input, the run loop), the label-switching optimiser _label_switching_ (it draws random node orders with np.random.choice) and the package imports
import numpy as np
import numba


@numba.jit(nopython=True, cache=True)
def _score_(A_indptr, A_indices, A_data, _c, _x, num_nodes, alpha=0.5):
    cids = np.unique(_c)
    K = int(np.max(cids) + 1)
    q = np.zeros(K)
    Dcore = np.zeros(num_nodes)
    Dperi = np.zeros(num_nodes)
    deg = np.zeros(num_nodes)
    selfloop = np.zeros(num_nodes)
    doubleM = 0
    for i in range(num_nodes):
        neighbors = A_indices[A_indptr[i] : A_indptr[i + 1]]
        weight = A_data[A_indptr[i] : A_indptr[i + 1]]
        deg[i] = np.sum(weight)
        selfloop[i] = np.sum(weight[neighbors == i])

        for j, nei in enumerate(neighbors):
            if _c[nei] == _c[i]:
                q[_c[i]] += weight[j] * (_x[i] + _x[nei] - _x[i] * _x[nei])
        Dcore[_c[i]] += _x[i] * deg[i]
        Dperi[_c[i]] += (1 - _x[i]) * deg[i]
        doubleM += deg[i]

    Q = 0
    for k in range(K):
        q[k] = (1 - alpha) * q[k] - alpha * (
            Dcore[k] * Dcore[k] + 2 * Dcore[k] * Dperi[k]
        ) / doubleM
        q[k] /= doubleM / 2
        Q += q[k]

    return Q, q

# ---- harness (not part of the program) ----
ENTRY = "_score_"


def inputs():
    # what KM_config.detect hands to _score_ after a run: the symmetric
    # weighted adjacency matrix of a 48-node network in CSR form (what
    # cpnet.utils.to_adjacency_matrix returns for a networkx graph) with
    # three planted core-periphery pairs (dense cores, peripheries attached
    # to their core, sparse noise between pairs, two self-loops), the pair
    # labels as int64 (np.unique(..., return_inverse=True) in detect) and the
    # float coreness vector of the label-switching run; alpha keeps its
    # default 0.5
    import scipy.sparse
    rng = np.random.default_rng(0)
    n = 48
    c = np.repeat(np.arange(3), 16).astype(np.int64)
    x = np.zeros(n)
    for k in range(3):
        x[16 * k:16 * k + 6] = 1.0
    p = np.full((n, n), 0.02)
    same = c[:, None] == c[None, :]
    core_core = (x[:, None] * x[None, :]) > 0
    core_any = (x[:, None] + x[None, :]) > 0
    p[same & core_any] = 0.35
    p[same & core_core] = 0.9
    upper = np.triu(rng.random((n, n)) < p, 1)
    w = np.where(upper, rng.integers(1, 4, (n, n)), 0).astype(np.float64)
    w = w + w.T
    w[3, 3] = 2.0
    w[20, 20] = 1.0
    A = scipy.sparse.csr_matrix(w)
    return (A.indptr, A.indices, A.data, c, x, n)
