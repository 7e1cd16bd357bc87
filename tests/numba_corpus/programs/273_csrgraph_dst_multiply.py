# Source: VHRanger/CSRGraph csrgraph/methods.py (at commit 46c3a9fc)
# Licence: MIT (csrgraph, setup.py `license='MIT'`; Matt Ranger)
# Notes: reweighting the edges of a graph stored as CSR arrays by a weight per destination node (graph algorithms; used by csrgraph before random walks and embeddings): _dst_multiply (@jit(nopython=True, parallel=True, nogil=True, fastmath=True)) checks the array sizes with two assert statements and, in a numba.prange over nodes, multiplies in place the weights of every edge whose destination is node i through a boolean-mask augmented assignment weights[dst == i] *= node_weights[i] (each node's edges are disjoint, so the result does not depend on the schedule); it returns None and writes into weights. Pasted: the module's imports that the jitted code uses (gc, numba, jit, numpy, os are kept as in the source) and the function; left out: the other jitted kernels of the module (_row_norm, _node_degrees, _src_multiply), the plain-Python _edgelist_to_graph and the imports only it uses (pandas, scipy.sparse, the package itself); the harness passes the indptr, indices and float32 data of a random weighted directed graph with 60 nodes and float32 node weights
"""
Fast JIT'ed graph methods.
These are outside the CSRGraph class so methods can call them
"""
import gc
import numba
from numba import jit
import numpy as np
import os


@jit(nopython=True, parallel=True, nogil=True, fastmath=True)
def _dst_multiply(node_weights, src, dst, weights):
    """
    Modifies graph weights so edge destination are multiplied by node_weight
    
    Returns nothing (in place change)
    
    Parameters
    ----------
    weights : array[float]
        The data array from a CSR Matrix. 
        For a scipy.csr_matrix, is accessed by M.data
  
    src : array[int]
        The index pointer array from a CSR Matrix. 
        For a scipy.csr_matrix, is accessed by M.indptr
    """
    n_nodes = src.size - 1
    assert n_nodes == node_weights.size
    assert weights.size == dst.size
    for i in numba.prange(n_nodes):
        weights[dst == i] *= node_weights[i]

# ---- harness (not part of the program) ----
ENTRY = "_dst_multiply"


def inputs():
    # a directed graph of 60 nodes with about 8 % of the possible edges,
    # float32 edge weights as csrgraph stores them (mat.data.astype(float32)),
    # as CSR arrays indptr (src), indices (dst), data (weights), and one
    # float32 weight per node
    rng = np.random.default_rng(0)
    n = 60
    adj = (rng.random((n, n)) < 0.08) & ~np.eye(n, dtype=bool)
    rows, cols = np.nonzero(adj)
    src = np.zeros(n + 1, dtype=np.int32)
    src[1:] = np.cumsum(np.bincount(rows, minlength=n))
    dst = cols.astype(np.int32)
    weights = rng.uniform(0.5, 3.0, rows.size).astype(np.float32)
    node_weights = rng.uniform(0.1, 2.0, n).astype(np.float32)
    return (node_weights, src, dst, weights)
