# Source: jakosz/grl-proto grl/graph/utils.py (at commit 1764ee64) with ecount, neighbors and vcount from grl/graph/core.py (at commit cdec3b39)
# Licence: MIT (grl-proto, LICENSE; Copyright (c) 2022 Jacek Szejda)
# Notes: the edge list of a graph in grl's compressed representation, a 2-tuple (nodes, edges) of a uint64 offset array of length n+2 and a uint32 array of 1-indexed neighbour ids (graph algorithms): to_edgelist (@numba.njit(cache=True)) calls enumerate_edges, which unpacks the tuple argument through core.vcount/core.ecount, builds np.arange(...).astype(graph[1].dtype) node ids, fetches each node's neighbour slice with core.neighbors (uint64 offsets used as slice bounds, an `if v[i+1] - v[i] > 0` test, np.array([0], dtype=e.dtype) for isolates, a raise IndexError guard) and writes (src, dst) rows into an np.empty((m, 2), dtype=graph[1].dtype) array; the core helpers are reached as module attributes. Pasted: core.py's ecount, neighbors and vcount, then utils.py's numba and numpy imports and its jitted functions enumerate_edges, enumerate_nodes, enumerate_without, from_adjacency, to_adjacency (parallel=True with numba.prange) and to_edgelist, with `from . import core` replaced by `core = sys.modules[__name__]`; left out: utils.py's get_edge_mask (draws random numbers in jitted code) and is_edge_masked (needs core.addr_neighbors), its plain-Python converters (digest, from_edgelist, from_igraph, from_ogb, to_igraph, save/load) and the imports only they use (hashlib, pickle, igraph), and core.py's other functions and its `from .. import numby`; the harness builds the graph of a 7-node ring with two chords and an isolated node in grl's layout (as utils.from_adjacency would)
import numba
import numpy as np


@numba.njit(cache=True)
def ecount(graph):
    """ Get edge count of a graph.
    """
    v, e = graph
    return e.shape[0]  # @symmetry


@numba.njit()
def neighbors(i, graph):
    """ Get neighbors of i-th node. 
    """
    v, e = graph
    if i > v.size - 2:
        # note: numba (0.55.1) will raise ConstantInferenceError
        # if we try to surface node index in the message
        raise IndexError("node not in graph")
    if v[i+1] - v[i] > 0:
        return e[v[i]:v[i] + (v[i+1] - v[i])]
    else:
        return np.array([0], dtype=e.dtype)


@numba.njit(cache=True)
def vcount(graph):
    """ Get vertex count of a graph.
    """
    v, e = graph
    return v.shape[0] - 2  # first is empty, last is the length of edge array


import sys
core = sys.modules[__name__]


@numba.njit(cache=True)
def enumerate_edges(graph):
    res = np.empty((core.ecount(graph), 2), dtype=graph[1].dtype)
    i = 0
    for src in enumerate_nodes(graph):
        nbs = core.neighbors(src, graph)
        if nbs[0]:  # core.neighbors returns array([0]) for isolates
            for dst in nbs:
                res[i, 0] = src
                res[i, 1] = dst
                i += 1
    return res


@numba.njit(cache=True)
def enumerate_nodes(graph):
    return (np.arange(core.vcount(graph))+1).astype(graph[1].dtype)


@numba.njit(cache=True)
def enumerate_without(graph, subset):
    """ Enumerate nodes and remove given subset from the enumeration. 
    """
    nodes = enumerate_nodes(graph)
    for i in subset-1:  # @indexing
        nodes[i] = 0
    return nodes[nodes != 0]


@numba.njit(cache=True)
def from_adjacency(A):
    """ Convert adjacency matrix to grl graph representation.
    """
    nodes = np.zeros(A.shape[0]+2, dtype=np.uint64)
    edges = np.zeros(A.sum(), dtype=np.uint32)
    cnt = 0
    for i in range(A.shape[0]):
        for j in range(A.shape[1]):
            if A[i, j]:
                edges[cnt] = j + 1  # @indexing
                cnt += 1
        nodes[i+2] = cnt
    return nodes, edges


@numba.njit(cache=True, parallel=True)
def to_adjacency(graph):
    n = core.vcount(graph)
    A = np.zeros((n, n), dtype=np.uint8)
    for i in numba.prange(n):
        for j in core.neighbors(i+1, graph):  # @indexing
            if j:
                A[i, j-1] = 1  # @indexing
    return A


@numba.njit(cache=True)
def to_edgelist(graph):
    return enumerate_edges(graph)
# ---- harness (not part of the program) ----
ENTRY = "to_edgelist"


def inputs():
    # symmetric adjacency of a 7-node ring with chords 0-3 and 2-5, plus an
    # isolated node 7, converted to grl's (nodes, edges) layout as
    # from_adjacency does: nodes[i+2] = running neighbour count
    n = 8
    A = np.zeros((n, n), dtype=np.uint8)
    for i in range(7):
        A[i, (i + 1) % 7] = A[(i + 1) % 7, i] = 1
    A[0, 3] = A[3, 0] = 1
    A[2, 5] = A[5, 2] = 1
    nodes = np.zeros(n + 2, dtype=np.uint64)
    nodes[2:] = np.cumsum(A.sum(axis=1))
    edges = np.concatenate([np.nonzero(A[i])[0] + 1 for i in range(n)])
    return ((nodes, edges.astype(np.uint32)),)
