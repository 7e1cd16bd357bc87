# Source: TutteInstitute/evoc evoc/label_propagation.py (at commit 078cacb7)
# Licence: BSD-2-Clause (EVoC, LICENSE; Copyright (c) 2024, Tutte Institute for Mathematics and Computing)
# Notes: relabelling of the partition found by label propagation on a k-nearest-neighbour graph before EVōC's embedding (machine learning, clustering of embedding vectors): remap_labels (@numba.njit(cache=True)) builds a typed dict from an empty {} literal mapping each distinct non-negative label (np.unique, dropping a leading -1 by slicing) to its position via enumerate, reads the enumerate variable i after the loop (next_label = i + 1), then rewrites the int64 label array in place, giving every negative (unlabelled) entry a fresh label of its own and every other entry its dict value, and returns the array. Pasted: the module's numpy and numba imports, the module constants INT32_MIN and INT32_MAX (used by the drivers) and remap_labels; left out: the jitted label_prop_iteration, original_label_prop_iteration and label_outliers (which draw random numbers with the package's tau_rand inside jitted code), the plain-Python drivers label_prop_loop, original_label_prop_loop and label_propagation_init, and the scipy, sklearn, matplotlib and package-relative imports only they use; the harness passes an int64 label array of 500 nodes as label_prop_loop leaves it: partition ids scattered in [0, 2048) on most nodes and -1 on a few unreached ones
import numpy as np
import numba

INT32_MIN = np.iinfo(np.int32).min + 1
INT32_MAX = np.iinfo(np.int32).max - 1


@numba.njit(cache=True)
def remap_labels(labels):
    mapping = {}
    unique_labels = np.unique(labels)
    if unique_labels[0] == -1:
        unique_labels = unique_labels[1:]
    for i, l in enumerate(unique_labels):
        mapping[l] = i
    next_label = i + 1
    for i in range(labels.shape[0]):
        if labels[i] < 0:
            labels[i] = next_label
            next_label += 1
        else:
            labels[i] = mapping[labels[i]]

    return labels
# ---- harness (not part of the program) ----
ENTRY = "remap_labels"


def inputs():
    # 500 nodes; label propagation seeded 2048 partition ids at random
    # nodes and spread them, so 60 surviving ids drawn from [0, 2048)
    # label most nodes, and 25 nodes stayed at -1
    rng = np.random.default_rng(0)
    ids = rng.choice(2048, 60, replace=False)
    labels = ids[rng.integers(0, 60, 500)].astype(np.int64)
    labels[rng.choice(500, 25, replace=False)] = -1
    return (labels,)
