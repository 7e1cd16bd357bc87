# Source: TutteInstitute/fast_hdbscan fast_hdbscan/cluster_trees.py
# Licence: BSD-2-Clause (fast_hdbscan, LICENSE; Copyright (c) 2023, Tutte Institute for Mathematics and Computing)
# Notes: single-linkage tree from a sorted minimum spanning tree with a union-find kept in a namedtuple of arrays (LinkageMergeData: parent, size, next), built inside njit and passed to jitted find/join helpers; np.intp casts of float columns, chained result[index][k] stores (the module's other imports, used only by its other functions, left out)
import numba
import numpy as np

from collections import namedtuple

LinkageMergeData = namedtuple("LinkageMergeData", ["parent", "size", "next"])


@numba.njit()
def create_linkage_merge_data(base_size):
    parent = np.full(2 * base_size - 1, -1, dtype=np.intp)
    size = np.concatenate((np.ones(base_size, dtype=np.intp), np.zeros(base_size - 1, dtype=np.intp)))
    next_parent = np.array([base_size], dtype=np.intp)

    return LinkageMergeData(parent, size, next_parent)


@numba.njit()
def linkage_merge_find(linkage_merge, node):
    relabel = node
    while linkage_merge.parent[node] != -1 and linkage_merge.parent[node] != node:
        node = linkage_merge.parent[node]

    linkage_merge.parent[node] = node

    # label up to the root
    while linkage_merge.parent[relabel] != node:
        next_relabel = linkage_merge.parent[relabel]
        linkage_merge.parent[relabel] = node
        relabel = next_relabel

    return node


@numba.njit()
def linkage_merge_join(linkage_merge, left, right):
    linkage_merge.size[linkage_merge.next[0]] = linkage_merge.size[left] + linkage_merge.size[right]
    linkage_merge.parent[left] = linkage_merge.next[0]
    linkage_merge.parent[right] = linkage_merge.next[0]
    linkage_merge.next[0] += 1


@numba.njit()
def mst_to_linkage_tree(sorted_mst):
    result = np.empty((sorted_mst.shape[0], sorted_mst.shape[1] + 1))

    n_samples = sorted_mst.shape[0] + 1
    linkage_merge = create_linkage_merge_data(n_samples)

    for index in range(sorted_mst.shape[0]):

        left = np.intp(sorted_mst[index, 0])
        right = np.intp(sorted_mst[index, 1])
        delta = sorted_mst[index, 2]

        left_component = linkage_merge_find(linkage_merge, left)
        right_component = linkage_merge_find(linkage_merge, right)

        if left_component > right_component:
            result[index][0] = left_component
            result[index][1] = right_component
        else:
            result[index][1] = left_component
            result[index][0] = right_component

        result[index][2] = delta
        result[index][3] = linkage_merge.size[left_component] + linkage_merge.size[right_component]

        linkage_merge_join(linkage_merge, left_component, right_component)

    return result

# ---- harness (not part of the program) ----
ENTRY = "mst_to_linkage_tree"


def inputs():
    # a random spanning tree on 400 points (edge i joins point i to an
    # earlier point), rows (src, dst, weight) as float64 sorted by weight,
    # as fast_hdbscan passes its MST
    rng = np.random.default_rng(0)
    n = 400
    src = np.arange(1, n)
    dst = np.array([rng.integers(0, i) for i in range(1, n)])
    w = rng.random(n - 1)
    mst = np.column_stack((src, dst, w)).astype(np.float64)
    return (mst[np.argsort(mst[:, 2])],)
