# Source: napari/napari-graph src/napari_graph/undirected_graph.py with _remove_edge, _iterate_edges and the empty-pointer constants from src/napari_graph/base_graph.py (both at commit 1d45f584)
# Licence: BSD-3-Clause (napari-graph, LICENSE; Copyright (c) 2022, napari)
# Notes: removal of every edge incident to one node of an undirected graph stored as napari-graph's flat int64 edge buffer of (source, target, next-edge) triples threaded into per-node linked lists and a free list (graph algorithms): _remove_undirected_incident_edges walks the node's list with a for/else infinite-loop guard, finds each edge's duplicated sibling, and unlinks both through _remove_edge (@njit(inline='always'), which itself has a for/else with raise ValueError and a slice assignment of the -1 sentinel), returning the new free-list head and edge count as a tuple. Pasted: undirected_graph.py's typing import, base_graph.py's numba imports (`from numba import njit, typed`, `from numba.core import types`), numpy import, _NODE_EMPTY_PTR, _EDGE_EMPTY_PTR, _remove_edge and _iterate_edges, then undirected_graph.py's constants and all its jitted functions (_add_undirected_edge, _add_undirected_edges, _remove_undirected_edge, _remove_undirected_edges, _remove_undirected_incident_edges, _iterate_undirected_edges) verbatim; left out: the numpy.typing imports, pandas and abc imports, base_graph.py's _insert_world2buffer/_vmap_world2buffer and the BaseGraph and UndirectedGraph classes, and undirected_graph.py's `from napari_graph.base_graph import (...)` (those names are defined above); the harness fills the edge buffer of a 6-node graph with 6 edges in plain Python the way the class's _init_edge_buffers and _add_undirected_edges do, and removes node 1's edges
from typing import List, Optional, Tuple, Union

import numpy as np
from numba import njit, typed
from numba.core import types

"""
_NODE_EMPTY_PTR is used to fill the values of uninitialized/empty/removed nodes
"""
_NODE_EMPTY_PTR = -1

"""
_EDGE_EMPTY_PTR is used to fill the values of uninitialized/empty/removed edges
"""
_EDGE_EMPTY_PTR = -1


@njit(inline='always')
def _remove_edge(
    src_node: int,
    tgt_node: int,
    empty_idx: int,
    edges_buffer: np.ndarray,
    node2edges: np.ndarray,
    edge_size: int,
    ll_edge_pos: int,
) -> int:
    """Generic function to remove directed or undirected nodes.

    An additional removal of the target edges linked list is necessary for
    directed edges.

    Parameters
    ----------
    src_node : int
        Source node buffer index.
    tgt_node : int
        Target node buffer index.
    empty_idx : int
        First index of empty edges linked list.
    edges_buffer : np.ndarray
        Buffer of edges data.
    node2edges : np.ndarray
        Mapping from node indices to edge buffer indices -- head of edges linked list.
    edge_size : int
        Size of the edges on the buffer. It should be inlined when compiled.
    ll_edge_pos : int
        Position (shift) of the edge linked list on the edge buffer. It should
        be inlined when compiled.

    Returns
    -------
    int
        New first index of empty edges linked list.
    """

    idx = node2edges[src_node]
    prev_buffer_idx = _EDGE_EMPTY_PTR

    # safe guard against a corrupted buffer causing an infite loop
    for _ in range(edges_buffer.shape[0] // edge_size):
        if idx == _EDGE_EMPTY_PTR:
            raise ValueError("Could not find/remove edge.")

        buffer_idx = idx * edge_size
        next_edge_idx = edges_buffer[buffer_idx + ll_edge_pos]

        # edge found
        if edges_buffer[buffer_idx + 1] == tgt_node:
            # skipping found edge from linked list
            if prev_buffer_idx == _EDGE_EMPTY_PTR:
                node2edges[src_node] = next_edge_idx
            else:
                edges_buffer[prev_buffer_idx + ll_edge_pos] = next_edge_idx

            # clean up not necessary but good practice
            edges_buffer[buffer_idx : buffer_idx + edge_size] = _EDGE_EMPTY_PTR
            edges_buffer[buffer_idx + ll_edge_pos] = empty_idx

            break

        # moving to next edge
        idx = next_edge_idx
        prev_buffer_idx = buffer_idx
    else:
        raise ValueError(
            "Infinite loop detected at edge removal, edges buffer must be corrupted."
        )

    return idx


@njit(inline='always')
def _iterate_edges(
    edge_ptr_indices: np.ndarray,
    edges_buffer: np.ndarray,
    edge_size: int,
    ll_edge_pos: int,
) -> typed.List:
    """Iterate over the edges linked lists given their starting edges.

    It returns list of multiplicity 2, where each pair is an edge.

    Parameters
    ----------
    edge_ptr_indices : np.ndarray
        Array of starting indices.
    edges_buffer : np.ndarray
        Edges buffer.
    edge_size : int
        Size of the edges on the buffer. It should be inlined when compiled.
    ll_edge_pos : int
        Position (shift) of the edge linked list on the edge buffer. It should
        be inlined when compiled.

    Returns
    -------
    typed.List
        List of lists edges, adjacent nodes are at indices (k, k+1) such that k
        is even.
    """
    edges_list = typed.List()

    for idx in edge_ptr_indices:
        edges = typed.List.empty_list(types.int64)
        edges_list.append(edges)

        while idx != _EDGE_EMPTY_PTR:
            buffer_idx = idx * edge_size
            edges.append(edges_buffer[buffer_idx])  # src
            edges.append(edges_buffer[buffer_idx + 1])  # tgt
            idx = edges_buffer[buffer_idx + ll_edge_pos]

    return edges_list


"""
Undirected edge constants for accessing the directed graph buffer data.
Each edge occupies _UN_EDGE_SIZE spaces on the graph buffer.
_LL_UN_EDGE_POS indicates the displacement between the edge initial index and
the edge undirected linked list position.

Example of a directed graph edge buffer:
[
    source_node_buffer_id_0,
    target_node_buffer_id_0,
    edge_linked_list_0,
    source_node_buffer_id_1,
    target_node_buffer_id_1,
    edge_linked_list_1,
    ...
]
"""
_UN_EDGE_SIZE = 3
_LL_UN_EDGE_POS = 2


@njit
def _add_undirected_edge(
    buffer: np.ndarray,
    node2edges: np.ndarray,
    empty_idx: int,
    src_node: int,
    tgt_node: int,
) -> int:
    """Add a single edge (`src_idx`, `tgt_idx`) to `buffer`.

    Update the edge linked list (present in the buffer) and the `node2edges`
    mapping (head of linked list).

    NOTE: Edges are added at the beginning of the linked list so we don't have
    to track its tail and the operation can be done in O(1). This might
    decrease cache hits because they're sorted in memory in the opposite
    direction we iterate it.

    Parameters
    ----------
    buffer : np.ndarray
        Edges buffer.
    node2edges : np.ndarray
        Mapping from node indices to edge buffer indices -- head of edges linked list.
    empty_idx : int
        First index of empty edges linked list.
    src_node : int
        Source node of added edge.
    tgt_node : int
        Target node of added edge.

    Returns
    -------
    int
        New first index of empty edges linked list.
    """

    if empty_idx == _EDGE_EMPTY_PTR:
        raise ValueError("Edge buffer is full.")

    elif empty_idx < 0:
        raise ValueError("Invalid empty index.")

    next_edge = node2edges[src_node]
    node2edges[src_node] = empty_idx

    buffer_index = empty_idx * _UN_EDGE_SIZE
    next_empty = buffer[buffer_index + _LL_UN_EDGE_POS]

    buffer[buffer_index] = src_node
    buffer[buffer_index + 1] = tgt_node
    buffer[buffer_index + _LL_UN_EDGE_POS] = next_edge

    return next_empty


@njit
def _add_undirected_edges(
    buffer: np.ndarray,
    edges: np.ndarray,
    empty_idx: int,
    n_edges: int,
    node2edges: np.ndarray,
) -> Tuple[int, int]:
    """Add an array of edges into the `buffer`.

    Edges are duplicated so both directions are available for fast graph
    transversal.
    """
    size = edges.shape[0]
    for i in range(size):

        # adding (u, v)
        empty_idx = _add_undirected_edge(
            buffer, node2edges, empty_idx, edges[i, 0], edges[i, 1]
        )
        # adding (v, u)
        empty_idx = _add_undirected_edge(
            buffer, node2edges, empty_idx, edges[i, 1], edges[i, 0]
        )

        n_edges += 1

    return empty_idx, n_edges


@njit
def _remove_undirected_edge(
    src_node: int,
    tgt_node: int,
    empty_idx: int,
    edges_buffer: np.ndarray,
    node2edges: np.ndarray,
) -> int:
    """Remove a single edge (and its duplicated sibling edge) from the buffer.

    NOTE: Edges are removed such that empty pairs are consecutive in memory.
    """
    empty_idx = _remove_edge(
        tgt_node,
        src_node,
        empty_idx,
        edges_buffer,
        node2edges,
        _UN_EDGE_SIZE,
        _LL_UN_EDGE_POS,
    )

    empty_idx = _remove_edge(
        src_node,
        tgt_node,
        empty_idx,
        edges_buffer,
        node2edges,
        _UN_EDGE_SIZE,
        _LL_UN_EDGE_POS,
    )

    return empty_idx


@njit
def _remove_undirected_edges(
    edges: np.ndarray,
    empty_idx: int,
    n_edges: int,
    edges_buffer: np.ndarray,
    node2edges: np.ndarray,
) -> Tuple[int, int]:
    """Remove an array of edges (and their duplicated siblings) from buffer."""

    for i in range(edges.shape[0]):
        empty_idx = _remove_undirected_edge(
            edges[i, 0], edges[i, 1], empty_idx, edges_buffer, node2edges
        )
        n_edges -= 1
    return empty_idx, n_edges


@njit
def _remove_undirected_incident_edges(
    node: int,
    empty_idx: int,
    n_edges: int,
    edges_buffer: np.ndarray,
    node2edges: np.ndarray,
) -> Tuple[int, int]:
    """Removes every edges that contains `node_idx`.

    NOTE: Edges are removed such that empty pairs are consecutive in memory.

    Parameters
    ----------
    node : int
        Node index in the buffer domain.
    empty_idx : int
        Index first edge (head of) linked list
    n_edges : int
        Current number of total edges
    edges_buffer : np.ndarray
        Buffer containing the edges data
    node2edges : np.ndarray
        Mapping from node indices to edge buffer indices -- head of edges linked list.

    Returns
    -------
    Tuple[int, int]
        New empty linked list head, new number of edges
    """

    # the edges are removed such that the empty edges linked list contains
    # two positions adjacent in memory so we can serialize the edges using
    # numpy vectorization
    idx = node2edges[node]

    for _ in range(edges_buffer.shape[0] // _UN_EDGE_SIZE):
        if idx == _EDGE_EMPTY_PTR:
            break  # no edges left at the given node

        buffer_idx = idx * _UN_EDGE_SIZE
        next_idx = edges_buffer[buffer_idx + _LL_UN_EDGE_POS]
        # checking if sibling edges is before or after current node
        if (
            buffer_idx > 0
            and edges_buffer[buffer_idx - _UN_EDGE_SIZE + 1]
            == edges_buffer[buffer_idx]
            and edges_buffer[buffer_idx - _UN_EDGE_SIZE]
            == edges_buffer[buffer_idx + 1]
        ):

            src_node = edges_buffer[buffer_idx + 1]
            tgt_node = edges_buffer[buffer_idx]
        else:
            src_node = edges_buffer[buffer_idx]
            tgt_node = edges_buffer[buffer_idx + 1]

        empty_idx = _remove_edge(
            tgt_node,
            src_node,
            empty_idx,
            edges_buffer,
            node2edges,
            _UN_EDGE_SIZE,
            _LL_UN_EDGE_POS,
        )

        empty_idx = _remove_edge(
            src_node,
            tgt_node,
            empty_idx,
            edges_buffer,
            node2edges,
            _UN_EDGE_SIZE,
            _LL_UN_EDGE_POS,
        )

        idx = next_idx
        n_edges -= 1
    else:
        raise ValueError(
            "Infinite loop detected at undirected graph node removal, edges buffer must be corrupted."
        )

    return empty_idx, n_edges


@njit
def _iterate_undirected_edges(
    edge_ptr_indices: np.ndarray, edges_buffer: np.ndarray
) -> typed.List:
    """Inline the edges size and linked list position shift."""
    return _iterate_edges(
        edge_ptr_indices, edges_buffer, _UN_EDGE_SIZE, _LL_UN_EDGE_POS
    )
# ---- harness (not part of the program) ----
ENTRY = "_remove_undirected_incident_edges"


def inputs():
    # a 6-node graph with 6 undirected edges, laid out as UndirectedGraph's
    # _init_edge_buffers and _add_undirected_edges lay it out
    n_nodes = 6
    edges = np.array([[0, 1], [1, 2], [2, 3], [3, 0], [1, 4], [4, 5]], dtype=np.int64)
    n_edges = edges.shape[0]
    buffer = np.full(n_edges * 2 * 3, -1, dtype=np.int64)
    buffer[2:-3:3] = np.arange(1, 2 * n_edges)
    node2edges = np.full(n_nodes, -1, dtype=np.int64)
    empty_idx = 0
    for u, v in edges:
        for s, t in ((u, v), (v, u)):
            next_edge = node2edges[s]
            node2edges[s] = empty_idx
            b = empty_idx * 3
            next_empty = buffer[b + 2]
            buffer[b] = s
            buffer[b + 1] = t
            buffer[b + 2] = next_edge
            empty_idx = int(next_empty)
    return (1, empty_idx, n_edges, buffer, node2edges)
