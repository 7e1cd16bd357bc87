# Source: jackd/numba-neighbors numba_neighbors/binary_tree.py (at commit 0392a09c)
# Licence: MIT (numba-neighbors, LICENSE at commit c91bbd18: Copyright (c) Dominic Jack)
# Notes: rejection sampling of a point cloud from precomputed radius-neighbour lists (the down-sampling step before neighbourhood queries in point-cloud learning; nearest neighbours): rejection_sample_precomputed_prealloc (@nb.njit) walks the points in order and, for each point not yet consumed, marks all of its neighbours consumed in a uint8 array through an nb.prange loop over the row's valid count (with an Optional `valid` mask argument defaulting to None, tested with `is not None` inside the loop), records the point as a sample and stops when the preallocated sample array is full; it returns the sample count. Pasted: the module's imports (os, typing, numba, numpy; its `from numba_neighbors import index_heap2 as ih` is left out, since only the heap-based IFP code uses it), its constants and type aliases, and rejection_sample_precomputed_prealloc (left out: the k-d tree building, query, sorting and IFP code and the NamedTuple result classes); the harness passes what rejection_sample_precomputed passes: the radius-0.15 neighbour lists (sorted by distance, at most 32 per point, int64) and counts of 1000 random points in the unit cube, a 128-slot sample array filled with -1 (filled before the points run out, so the early break is taken) and zeroed uint8 consumed flags
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import os
from typing import Any, Callable, NamedTuple, Tuple, TypeVar, Optional
import numba as nb
import numpy as np

FASTMATH = True
PARALLEL = os.environ.get('NUMBA_PARALLEL', '1') != '0'

INT_TYPE = np.int64
INT_TYPE_T = nb.int64

FLOAT_TYPE = np.float32
FLOAT_TYPE_T = nb.float32

BOOL_TYPE = np.uint8
BOOL_TYPE_T = nb.uint8

IntArray = np.ndarray
FloatArray = np.ndarray
BoolArray = np.ndarray

NodeDataArray = np.ndarray

RDist = Callable[[FloatArray, FloatArray], float]
MinMaxRDist = Callable[[NodeDataArray, FloatArray], Tuple[float, float]]


@nb.njit()
def rejection_sample_precomputed_prealloc(query_indices: IntArray,
                                          counts: IntArray,
                                          sample_indices: IntArray,
                                          consumed: BoolArray,
                                          valid: Optional[BoolArray]=None) -> int:
    """
    Perform rejection  sampling with precomputed sample indices.

    Args:
        query_indices: [in_size, max_neighbors] neighbors of each input point.
        counts: [in_size] number of valid indices for each row of query_indices.
        sample_indices: [max_sample_size] preallocated int array.
        consumed: [in_size] preallocated bool array.
        valid: [in_size, max_neighbors] optional bool array. If given, any
            false value will result in the corresponding query_indices being
            ignored.

    Returns:
        count: number of points sampled.
    """
    max_size = sample_indices.shape[0]
    if max_size == 0:
        return 0
    sample_count = 0
    in_size = consumed.size
    for i in range(in_size):
        if consumed[i] == 0:
            qi = query_indices[i]
            count = counts[i]
            for j in nb.prange(count):  # pylint: disable=not-an-iterable
                if valid is not None and not valid[i, j]:
                    continue
                consumed[qi[j]] = 1
            sample_indices[sample_count] = i
            sample_count += 1
            if sample_count >= max_size:
                break
    return sample_count
# ---- harness (not part of the program) ----
ENTRY = "rejection_sample_precomputed_prealloc"


def inputs():
    # radius neighbours (r = 0.15, at most 32, nearest first) of 1000 random
    # points in the unit cube, computed by brute force
    rng = np.random.default_rng(0)
    in_size, max_neighbors, r = 1000, 32, 0.15
    pts = rng.random((in_size, 3)).astype(FLOAT_TYPE)
    d2 = ((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1)
    order = np.argsort(d2, axis=1, kind="stable")[:, :max_neighbors]
    within = np.take_along_axis(d2, order, axis=1) <= r * r
    counts = within.sum(axis=1).astype(INT_TYPE)
    query_indices = np.where(within, order, 0).astype(INT_TYPE)
    sample_indices = np.full((128,), -1, dtype=INT_TYPE)
    consumed = np.zeros((in_size,), dtype=BOOL_TYPE)
    return (query_indices, counts, sample_indices, consumed)
