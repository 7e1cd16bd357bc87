# Source: sgkit-dev/sgkit sgkit/stats/pedigree.py (+ numba_jit from sgkit/accelerate.py, ArrayLike from sgkit/typing.py)
# Licence: Apache-2.0 (sgkit, setup.cfg: license = Apache, "License :: OSI Approved :: Apache Software License"; sgkit Developers)
# Notes: expected pairwise kinship of every pair of diploid individuals in a pedigree (the recursive-tabular method): the functions are made by sgkit's `numba_jit` wrapper, used bare as `@numba_jit` (it calls numba's `jit(func, nopython=True, cache=False)` with defaults from a dict built from an environment variable); kinship_diploid raises on a wrong parent-matrix shape, checks half-founders through a helper whose `tau: ArrayLike = None` default is tested with `is None`, takes a `dtype: type = np.float64` default for np.empty, and because the pedigree is not sorted it walks a topological order from topological_argsort (uint64 child counters, a reversed range, a while loop over a growing queue, `raise ValueError`, `order[::-1]`), writing each entry through helpers with conditional expressions `kinship[p, j] if p >= 0 else 0`; sgkit/typing.py's `ArrayLike = Union[np.ndarray, da.Array]` is pasted as `ArrayLike = np.ndarray` (the dask alternative is not needed by the jitted code); the module's other functions (parent_indices and the xarray/dask wrappers, the Hamilton-Kerr kinship and inbreeding functions, relationship and selection code) and the imports only they use (dask, xarray, typing_extensions, sgkit.variables, sgkit.utils) are left out, as is accelerate.py's numba_guvectorize
import os
from typing import Callable

from numba import guvectorize, jit

_DISABLE_CACHE = os.environ.get("SGKIT_DISABLE_NUMBA_CACHE", "1")

try:
    CACHE_NUMBA = {"0": True, "1": False}[_DISABLE_CACHE]
except KeyError as e:  # pragma: no cover
    raise KeyError(
        "Environment variable 'SGKIT_DISABLE_NUMBA_CACHE' must be '0' or '1'"
    ) from e


DEFAULT_NUMBA_ARGS = {
    "nopython": True,
    "cache": CACHE_NUMBA,
}


def numba_jit(*args, **kwargs) -> Callable:  # pragma: no cover
    kwargs_ = DEFAULT_NUMBA_ARGS.copy()
    kwargs_.update(kwargs)
    return jit(*args, **kwargs_)


# ---- sgkit/typing.py (ArrayLike only; see Notes) ----
import numpy as np

ArrayLike = np.ndarray


# ---- sgkit/stats/pedigree.py ----
from typing import Hashable, Tuple, Union


@numba_jit
def topological_argsort(parent: ArrayLike) -> ArrayLike:  # pragma: no cover
    """Find a topological ordering of samples within a pedigree such
    that no individual occurs before its parents.

    Parameters
    ----------
    parent
        A matrix of shape (samples, parents) containing the indices of each
        sample's parents with negative values indicating unknown parents as
        defined in :data:`sgkit.variables.parent_spec`.

    Returns
    -------
    order
        An array of unsigned integers indicating the sorted sample order.

    Raises
    ------
    ValueError
        If the pedigree contains a directed loop.

    Note
    ----
    Sort order stability may be improved by sorting the parent indices of
    each sample into decending order before calling this function.
    """
    # Note: this function is based on the implimentation of
    # tsk_individual_table_topological_sort in Tskit 0.4.1
    # https://github.com/tskit-dev/tskit/
    n_samples, n_parents = parent.shape
    # count children of each node
    node_children = np.zeros(n_samples, dtype=np.uint64)
    for i in range(n_samples):
        for j in range(n_parents):
            p = parent[i, j]
            if p >= 0:
                node_children[p] += 1
    # initialise order with leaf nodes
    order = np.empty(n_samples, dtype=np.uint64)
    insert = 0
    # reverse order improves sort stability when reversing result
    for i in range(n_samples - 1, -1, -1):
        if node_children[i] == 0:
            order[insert] = i
            insert += 1
    # topological order of remaining nodes
    i = 0
    while i < insert:
        c = order[i]
        i += 1
        for j in range(n_parents):
            p = parent[c, j]
            if p >= 0:
                node_children[p] -= 1
                if node_children[p] == 0:
                    order[insert] = p
                    insert += 1
    if i < n_samples:
        raise ValueError("Pedigree contains a directed loop")
    # reverse result to return parents before children
    return order[::-1]


@numba_jit
def _is_pedigree_sorted(parent: ArrayLike) -> bool:  # pragma: no cover
    n_samples, n_parents = parent.shape
    for i in range(n_samples):
        for j in range(n_parents):
            p = parent[i, j]
            if p >= i:
                return False
    return True


@numba_jit
def _raise_on_half_founder(
    parent: ArrayLike, tau: ArrayLike = None
) -> None:  # pragma: no cover
    for i in range(len(parent)):
        p = parent[i, 0]
        q = parent[i, 1]
        if tau is None:
            tau_p = 1
            tau_q = 1
        else:
            tau_p = tau[i, 0]
            tau_q = tau[i, 1]
        if (p < 0 and q >= 0) and tau_p > 0:
            raise ValueError("Pedigree contains half-founders")
        elif (q < 0 and p >= 0) and tau_q > 0:
            raise ValueError("Pedigree contains half-founders")


@numba_jit
def _insert_diploid_self_kinship(
    kinship: ArrayLike, parent: ArrayLike, i: int
) -> None:  # pragma: no cover
    # self kinship of i with parents p and q
    p = parent[i, 0]
    q = parent[i, 1]
    if (p < 0) or (q < 0):  # founder or half-founder
        kinship[i, i] = 0.5
    else:  # non-founder
        kinship[i, i] = (1 + kinship[p, q]) / 2


@numba_jit
def _insert_diploid_pair_kinship(
    kinship: ArrayLike, parent: ArrayLike, i: int, j: int
) -> None:  # pragma: no cover
    # kinship of i with j where j < i and i has parents p and q
    p = parent[i, 0]
    q = parent[i, 1]
    kinship_pj = kinship[p, j] if p >= 0 else 0
    kinship_qj = kinship[q, j] if q >= 0 else 0
    kinship_ij = (kinship_pj + kinship_qj) / 2
    kinship[i, j] = kinship_ij
    kinship[j, i] = kinship_ij


@numba_jit
def kinship_diploid(
    parent: ArrayLike, allow_half_founders: bool = False, dtype: type = np.float64
) -> ArrayLike:  # pragma: no cover
    """Calculate pairwise expected kinship from a pedigree assuming all
    individuals are diploids.

    Parameters
    ----------
    parent
        A matrix of shape (samples, parents) containing the indices of each
        sample's parents with negative values indicating unknown parents as
        defined in :data:`sgkit.variables.parent_spec`.

    allow_half_founders
        If False (the default) then a ValueError will be raised if any
        individuals only have a single recorded parent.
        If True then the unrecorded parent will be assumed to be
        a unique founder unrelated to all other founders.
    dtype
        The dtype of the returned matrix.

    Returns
    -------
    kinship
        A square matrix of kinship estimates with self-kinship values on
        the diagonal.

    Raises
    ------
    ValueError
        If the pedigree contains a directed loop.
    ValueError
        If the pedigree contains half-founders and allow_half_founders=False.
    ValueError
        If the parents dimension does not have a length of 2.
    """
    if parent.shape[1] != 2:
        raise ValueError("Parent matrix must have shape (samples, 2)")
    if not allow_half_founders:
        _raise_on_half_founder(parent)
    n = len(parent)
    kinship = np.empty((n, n), dtype=dtype)
    # we use a separate code path for the ordered case because
    # indexing on the `order` array in the unordered case is a
    # performance bottleneck
    ordered = _is_pedigree_sorted(parent)
    if ordered:
        for i in range(n):
            _insert_diploid_self_kinship(kinship, parent, i)
            for j in range(i):
                _insert_diploid_pair_kinship(kinship, parent, i, j)
    else:
        order = topological_argsort(parent)
        for idx in range(n):
            i = order[idx]
            _insert_diploid_self_kinship(kinship, parent, i)
            for jdx in range(idx):
                j = order[jdx]
                _insert_diploid_pair_kinship(kinship, parent, i, j)
    return kinship

# ---- harness (not part of the program) ----
ENTRY = "kinship_diploid"


def inputs():
    # a five-generation pedigree of 120 diploids: 16 founders (-1, -1), then
    # each generation's individuals get two distinct parents drawn from the
    # earlier generations (mostly the one just before, so there is some
    # inbreeding); the rows are then shuffled, so the pedigree is not sorted
    # and kinship_diploid takes its topological_argsort path
    rng = np.random.default_rng(0)
    sizes = [16, 20, 24, 28, 32]
    parent = []
    start = 0
    for g, size in enumerate(sizes):
        for _ in range(size):
            if g == 0:
                parent.append((-1, -1))
            else:
                lo = 0 if rng.random() < 0.2 else start - sizes[g - 1]
                p, q = rng.choice(np.arange(lo, start), size=2, replace=False)
                parent.append((int(p), int(q)))
        start += size
    parent = np.array(parent, dtype=np.int64)
    n = len(parent)
    perm = rng.permutation(n)
    inv = np.empty(n, dtype=np.int64)
    inv[perm] = np.arange(n)
    shuffled = parent[perm]
    shuffled = np.where(shuffled >= 0, inv[np.maximum(shuffled, 0)], -1)
    return (shuffled,)
