# Source: tskit-dev/tsbrowse tsbrowse/preprocess.py (at commit 0528928b) with tsbrowse/jit.py (at commit 65ef4c1b)
# Licence: MIT (tsbrowse, pyproject.toml: license = {text = "MIT"} and classifier "License :: OSI Approved :: MIT License"; Tskit Developers)
# Notes: per-tree statistics of a tree sequence (an ancestral recombination graph) for tsbrowse's quality-control views (genomics): _compute_per_tree_stats walks the trees left to right with a TreePosition jitclass (built through jit.numba_jitclass, i.e. numba.experimental.jitclass with an explicit spec of int64/float64 scalars and float64/int32/int64 arrays; its next() method moves the edge insertion/removal index ranges and rewrites self.interval[:] = [left, right]) and keeps running total branch length, number of internal nodes and maximum arity with a histogram of node arities; the jitted functions are decorated through the module's jit.numba_jit() factory (numba.jit with nopython=True, cache=True merged from a kwargs dict). Pasted: jit.py whole (functools, logging and os imports, the TSBROWSE_DISABLE_NUMBA switch, numba_jit, numba_jitclass), then preprocess.py's numba and numpy imports, spec, TreePosition and its jitted functions _compute_mutation_parent_counts, _compute_mutation_inheritance_counts, child_bounds and _compute_per_tree_stats verbatim, with `from . import jit` replaced by `jit = sys.modules[__name__]`; left out: preprocess.py's dataclasses, pathlib, warnings, daiquiri, tskit, tszip, zarr and tqdm imports, TSBROWSE_DATA_VERSION, the logger and the plain-Python functions (node_is_sample, alloc_tree_position, MutationCounts, compute_mutation_counts, mutations, edges, nodes, sites, compute_per_tree_stats, trees, preprocess); the harness builds, as alloc_tree_position does from a tskit tree sequence, the TreePosition of a hand-made 8-node ARG of 4 samples with 9 edges and 2 trees (edge insertion and removal orders sorted as tskit sorts them)
import functools
import logging
import os

import numba

logger = logging.getLogger(__name__)

_DISABLE_NUMBA = os.environ.get("TSBROWSE_DISABLE_NUMBA", "0")

try:
    ENABLE_NUMBA = {"0": True, "1": False}[_DISABLE_NUMBA]
except KeyError as e:  # pragma: no cover
    raise KeyError(
        "Environment variable 'TSBROWSE_DISABLE_NUMBA' must be '0' or '1'"
    ) from e

# We will mostly be using disable numba for debugging and running tests for
# coverage, so raise a loud warning in case this is being used accidentally.

if not ENABLE_NUMBA:
    logger.warning(
        "numba globally disabled for tsbrowse; performance will be drastically"
        " reduced."
    )


DEFAULT_NUMBA_ARGS = {
    "nopython": True,
    "cache": True,
}


def numba_jit(**numba_kwargs):
    def _numba_jit(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)  # pragma: no cover

        if ENABLE_NUMBA:  # pragma: no cover
            combined_kwargs = {**DEFAULT_NUMBA_ARGS, **numba_kwargs}
            return numba.jit(**combined_kwargs)(func)
        else:
            return func

    return _numba_jit


def numba_jitclass(spec):
    def _numba_jitclass(cls):
        if ENABLE_NUMBA:  # pragma: no cover
            return numba.experimental.jitclass(spec)(cls)
        else:
            return cls

    return _numba_jitclass


import numba
import numpy as np

import sys
jit = sys.modules[__name__]


spec = [
    ("num_edges", numba.int64),
    ("sequence_length", numba.float64),
    ("edges_left", numba.float64[:]),
    ("edges_right", numba.float64[:]),
    ("edge_insertion_order", numba.int32[:]),
    ("edge_removal_order", numba.int32[:]),
    ("edge_insertion_index", numba.int64),
    ("edge_removal_index", numba.int64),
    ("interval", numba.float64[:]),
    ("in_range", numba.int64[:]),
    ("out_range", numba.int64[:]),
]


@jit.numba_jitclass(spec)
class TreePosition:
    def __init__(
        self,
        num_edges,
        sequence_length,
        edges_left,
        edges_right,
        edge_insertion_order,
        edge_removal_order,
    ):
        self.num_edges = num_edges
        self.sequence_length = sequence_length
        self.edges_left = edges_left
        self.edges_right = edges_right
        self.edge_insertion_order = edge_insertion_order
        self.edge_removal_order = edge_removal_order
        self.edge_insertion_index = 0
        self.edge_removal_index = 0
        self.interval = np.zeros(2)
        self.in_range = np.zeros(2, dtype=np.int64)
        self.out_range = np.zeros(2, dtype=np.int64)

    def next(self):  # noqa
        left = self.interval[1]
        j = self.in_range[1]
        k = self.out_range[1]
        self.in_range[0] = j
        self.out_range[0] = k
        M = self.num_edges
        edges_left = self.edges_left
        edges_right = self.edges_right
        out_order = self.edge_removal_order
        in_order = self.edge_insertion_order

        while k < M and edges_right[out_order[k]] == left:
            k += 1
        while j < M and edges_left[in_order[j]] == left:
            j += 1
        self.out_range[1] = k
        self.in_range[1] = j

        right = self.sequence_length
        if j < M:
            right = min(right, edges_left[in_order[j]])
        if k < M:
            right = min(right, edges_right[out_order[k]])
        self.interval[:] = [left, right]
        return j < M or left < self.sequence_length


@jit.numba_jit()
def _compute_mutation_parent_counts(mutations_parent):
    N = mutations_parent.shape[0]
    num_parents = np.zeros(N, dtype=np.int32)

    for j in range(N):
        u = j
        while mutations_parent[u] != -1:
            num_parents[j] += 1
            u = mutations_parent[u]
    return num_parents


@jit.numba_jit()
def _compute_mutation_inheritance_counts(
    tree_pos,
    num_nodes,
    num_mutations,
    edges_parent,
    edges_child,
    samples,
    mutations_position,
    mutations_node,
    mutations_parent,
):
    parent = np.zeros(num_nodes, dtype=np.int32) - 1
    num_samples = np.zeros(num_nodes, dtype=np.int32)
    num_samples[samples] = 1
    mutations_num_descendants = np.zeros(num_mutations, dtype=np.int32)
    mutations_num_inheritors = np.zeros(num_mutations, dtype=np.int32)

    mut_id = 0

    while tree_pos.next():
        for j in range(tree_pos.out_range[0], tree_pos.out_range[1]):
            e = tree_pos.edge_removal_order[j]
            c = edges_child[e]
            p = edges_parent[e]
            parent[c] = -1
            u = p
            while u != -1:
                num_samples[u] -= num_samples[c]
                u = parent[u]

        for j in range(tree_pos.in_range[0], tree_pos.in_range[1]):
            e = tree_pos.edge_insertion_order[j]
            p = edges_parent[e]
            c = edges_child[e]
            parent[c] = p
            u = p
            while u != -1:
                num_samples[u] += num_samples[c]
                u = parent[u]
        left, right = tree_pos.interval
        while mut_id < num_mutations and mutations_position[mut_id] < right:
            assert mutations_position[mut_id] >= left
            mutation_node = mutations_node[mut_id]
            descendants = num_samples[mutation_node]
            mutations_num_descendants[mut_id] = descendants
            mutations_num_inheritors[mut_id] = descendants
            # Subtract this number of descendants from the parent mutation. We are
            # guaranteed to list parents mutations before their children
            mut_parent = mutations_parent[mut_id]
            if mut_parent != -1:
                mutations_num_inheritors[mut_parent] -= descendants
            mut_id += 1

    return mutations_num_descendants, mutations_num_inheritors


@jit.numba_jit()
def child_bounds(num_nodes, edges_left, edges_right, edges_child):
    num_edges = edges_left.shape[0]
    child_left = np.zeros(num_nodes, dtype=np.float64) + np.inf
    child_right = np.zeros(num_nodes, dtype=np.float64)

    for e in range(num_edges):
        u = edges_child[e]
        if edges_left[e] < child_left[u]:
            child_left[u] = edges_left[e]
        if edges_right[e] > child_right[u]:
            child_right[u] = edges_right[e]
    return child_left, child_right


@jit.numba_jit()
def _compute_per_tree_stats(
    tree_pos, num_trees, num_nodes, nodes_time, edges_parent, edges_child
):
    tbl = np.zeros(num_trees)
    num_internal_nodes = np.zeros(num_trees)
    max_arity = np.zeros(num_trees, dtype=np.int32)
    num_children = np.zeros(num_nodes, dtype=np.int32)
    nodes_with_arity = np.zeros(num_nodes, dtype=np.int32)

    current_tbl = 0
    tree_index = 0
    current_num_internal_nodes = 0
    current_max_arity = 0
    while tree_pos.next():
        for j in range(tree_pos.out_range[0], tree_pos.out_range[1]):
            e = tree_pos.edge_removal_order[j]
            p = edges_parent[e]
            nodes_with_arity[num_children[p]] -= 1
            if (
                num_children[p] == current_max_arity
                and nodes_with_arity[num_children[p]] == 1
            ):
                current_max_arity -= 1

            num_children[p] -= 1
            if num_children[p] == 0:
                current_num_internal_nodes -= 1
            else:
                nodes_with_arity[num_children[p]] += 1
            c = edges_child[e]
            branch_length = nodes_time[p] - nodes_time[c]
            current_tbl -= branch_length

        for j in range(tree_pos.in_range[0], tree_pos.in_range[1]):
            e = tree_pos.edge_insertion_order[j]
            p = edges_parent[e]
            if num_children[p] == 0:
                current_num_internal_nodes += 1
            else:
                nodes_with_arity[num_children[p]] -= 1
            num_children[p] += 1
            nodes_with_arity[num_children[p]] += 1
            if num_children[p] > current_max_arity:
                current_max_arity = num_children[p]
            c = edges_child[e]
            branch_length = nodes_time[p] - nodes_time[c]
            current_tbl += branch_length
        tbl[tree_index] = current_tbl
        num_internal_nodes[tree_index] = current_num_internal_nodes
        max_arity[tree_index] = current_max_arity
        tree_index += 1
        # print("tree", tree_index, nodes_with_arity)

    return tbl, num_internal_nodes, max_arity
# ---- harness (not part of the program) ----
ENTRY = "_compute_per_tree_stats"


def inputs():
    # edges (left, right, parent, child) of a two-tree ARG on [0, 10)
    edges = np.array([
        [0, 10, 4, 0], [0, 10, 4, 1], [0, 5, 5, 2], [0, 5, 5, 3],
        [5, 10, 7, 2], [5, 10, 7, 3], [0, 10, 6, 4], [0, 5, 6, 5],
        [5, 10, 6, 7],
    ])
    nodes_time = np.array([0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 1.5])
    edges_left = edges[:, 0].astype(np.float64)
    edges_right = edges[:, 1].astype(np.float64)
    edges_parent = edges[:, 2].astype(np.int32)
    edges_child = edges[:, 3].astype(np.int32)
    insertion = np.array([0, 1, 2, 3, 6, 7, 4, 5, 8], dtype=np.int32)
    removal = np.array([7, 2, 3, 6, 8, 4, 5, 0, 1], dtype=np.int32)
    tree_pos = TreePosition(
        num_edges=9,
        sequence_length=10.0,
        edges_left=edges_left,
        edges_right=edges_right,
        edge_insertion_order=insertion,
        edge_removal_order=removal,
    )
    return (tree_pos, 2, 8, nodes_time, edges_parent, edges_child)
