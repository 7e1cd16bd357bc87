# Source: ml31415/numpy-groupies numpy_groupies/aggregate_numba.py (at commit 00cfa7e1)
# Licence: BSD-2-Clause (numpy-groupies, LICENSE.txt; Copyright (c) 2016, numpy-groupies developers)
# Notes: the run boundaries of a sorted group-index array, which numpy-groupies' numba backend uses to aggregate arbitrary functions over groups (group-by / run-length utilities): step_indices (@nb.njit) calls the jitted step_count, which counts the changes of value with a moving comparison position (returning 0 early for an empty array), allocates np.empty(n + 1, np.int64), sets indices[0] and indices[-1] (a negative index) and fills the start of every run in one pass over len(group_idx). Pasted: the module's `import numba as nb` and `import numpy as np` and the two module-level jitted functions step_count and step_indices; left out: the AggregateOp class hierarchy (plain-Python classes whose callable() methods wrap their static methods with nb.njit at run time), get_funcs, _impl_dict, _default_cache, aggregate and its docstring assignment, and the `from .utils import ...` line only they use; the harness passes what AggregateGeneric's loop computes before calling step_indices: 5000 int64 labels of 40 groups sorted with np.argsort(kind="mergesort"), two of the groups absent
import numba as nb
import numpy as np


@nb.njit
def step_count(group_idx):
    """Return the amount of index changes within group_idx."""
    cmp_pos = 0
    steps = 1
    if len(group_idx) < 1:
        return 0
    for i in range(len(group_idx)):
        if group_idx[cmp_pos] != group_idx[i]:
            cmp_pos = i
            steps += 1
    return steps


@nb.njit
def step_indices(group_idx):
    """Return the edges of areas within group_idx, which are filled with the same value."""
    ilen = step_count(group_idx) + 1
    indices = np.empty(ilen, np.int64)
    indices[0] = 0
    indices[-1] = group_idx.size
    cmp_pos = 0
    ri = 1
    for i in range(len(group_idx)):
        if group_idx[cmp_pos] != group_idx[i]:
            cmp_pos = i
            indices[ri] = i
            ri += 1
    return indices
# ---- harness (not part of the program) ----
ENTRY = "step_indices"


def inputs():
    # 5000 samples labelled with 40 groups of uneven popularity (groups 7
    # and 23 never occur), sorted with a stable mergesort as
    # AggregateGeneric.__call__ does before its jitted loop
    rng = np.random.default_rng(0)
    p = rng.gamma(2.0, 1.0, 40)
    p[[7, 23]] = 0.0
    p /= p.sum()
    group_idx = rng.choice(40, size=5000, p=p).astype(np.int64)
    sortidx = np.argsort(group_idx, kind="mergesort")
    return (group_idx[sortidx],)
