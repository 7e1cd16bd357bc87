# Source: theislab/cellrank src/cellrank/kernels/utils/_similarity.py (commit 1ce1bdca) + jit_kwargs, _np_apply_along_axis, np_mean and norm from src/cellrank/kernels/_utils.py
# Licence: BSD-3-Clause (cellrank, LICENSE; Copyright (c) 2025, Theis Lab)
# Notes: RNA-velocity transition probabilities of one cell to its nearest neighbours under the Pearson-correlation scheme (the velocity kernel's Correlation similarity): _predict_transition_probabilities_numpy (`@njit(parallel=False, **jit_kwargs)` with a module dict splatted into the decorator) centres the displacement matrix W in place with `W -= np.expand_dims(np_mean(W, axis=1), axis=1)`, rebinds X, divides by norms from np.linalg.norm and a jitted `norm`, masks zero denominators with `denom[mask] = 1`, and returns the masked softmax and the logits as a tuple; np_mean and norm pass the NumPy functions np.mean and np.linalg.norm as first-class function arguments to the jitted _np_apply_along_axis (`assert axis in [0, 1]`, column or row slices); the softmax helpers use np.nanmax, np.where and np.nansum; the file's optional jax versions (in a try/except ImportError), the Similarity enum and the plain-Python similarity classes, and kernels/_utils.py's np_std, _random_normal (np.random inside njit), _calculate_starts and AnnData helpers, with the imports only they use (abc, enum, functools, pandas, wrapt, anndata, cellrank's docs and enum utilities), are left out
from typing import Any, Tuple

from numba import njit

import numpy as np

# ---- src/cellrank/kernels/_utils.py ----
import numba as nb

jit_kwargs = {"nogil": True, "fastmath": True}


@nb.njit(parallel=False, **jit_kwargs)
def _np_apply_along_axis(func1d, axis: int, arr: np.ndarray) -> np.ndarray:
    """Apply a reduction function over a given axis.

    Parameters
    ----------
    func1d
        Reduction function that operates only on 1 dimension.
    axis
        Axis over which to apply the reduction.
    arr
        The array to be reduced.

    Returns
    -------
    The reduced array.
    """
    assert arr.ndim == 2
    assert axis in [0, 1]

    if axis == 0:
        result = np.empty(arr.shape[1])
        for i in range(len(result)):
            result[i] = func1d(arr[:, i])
        return result

    result = np.empty(arr.shape[0])
    for i in range(len(result)):
        result[i] = func1d(arr[i, :])

    return result


@nb.njit(**jit_kwargs)
def np_mean(array: np.ndarray, axis: int) -> np.ndarray:
    return _np_apply_along_axis(np.mean, axis, array)


@nb.njit(**jit_kwargs)
def norm(array: np.ndarray, axis: int) -> np.ndarray:
    return _np_apply_along_axis(np.linalg.norm, axis, array)


# ---- src/cellrank/kernels/utils/_similarity.py ----
@njit(**jit_kwargs)
def _softmax(x: np.ndarray, softmax_scale: float) -> Tuple[np.ndarray, np.ndarray]:
    numerator = x * softmax_scale
    numerator = np.exp(numerator - np.max(numerator))
    return numerator / np.sum(numerator), x


@njit(**jit_kwargs)
def _softmax_masked(x: np.ndarray, mask: np.ndarray, softmax_scale: float) -> Tuple[np.ndarray, np.ndarray]:
    numerator = x * softmax_scale
    numerator = np.exp(numerator - np.nanmax(numerator))
    numerator = np.where(mask, 0, numerator)  # essential

    return numerator / np.nansum(numerator), x


@njit(parallel=False, **jit_kwargs)
def _predict_transition_probabilities_numpy(
    X: np.ndarray,
    W: np.ndarray,
    softmax_scale: float = 1.0,
    center_mean: bool = True,
    scale_by_norm: bool = True,
) -> Tuple[np.ndarray, np.ndarray]:
    if center_mean:
        # pearson correlation
        W -= np.expand_dims(np_mean(W, axis=1), axis=1)

    if X.shape[0] == 1:
        if center_mean:
            # pearson correlation
            X = X - np.mean(X)

        if scale_by_norm:
            # cosine or pearson correlation
            denom = np.linalg.norm(X) * norm(W, axis=1)
            mask = denom == 0
            denom[mask] = 1
            return _softmax_masked(W.dot(X[0]) / denom, mask, softmax_scale)

        return _softmax(W.dot(X[0]), softmax_scale)

    assert X.shape[0] == W.shape[0], "Wrong shape."

    if center_mean:
        X = X - np.expand_dims(np_mean(X, axis=1), axis=1)

    if scale_by_norm:
        denom = norm(X, axis=1) * norm(W, axis=1)
        mask = denom == 0
        denom[mask] = 1
        return _softmax_masked(
            np.array([np.dot(X[i], W[i]) for i in range(X.shape[0])]) / denom,
            mask,
            softmax_scale,
        )

    return _softmax(np.array([np.dot(X[i], W[i]) for i in range(X.shape[0])]), softmax_scale)

# ---- harness (not part of the program) ----
ENTRY = "_predict_transition_probabilities_numpy"


def inputs():
    # one cell's velocity over 50 genes as a (1, n_genes) row (Deterministic
    # passes v[None, :]) and the displacement W = x[neighbours] - x[cell] of
    # its 30 nearest neighbours; one neighbour's displacement is constant
    # across genes, so after centring its norm is 0 and it is masked;
    # softmax_scale as the velocity kernel estimates it, Correlation's
    # center_mean=True and scale_by_norm=True
    rng = np.random.default_rng(0)
    n_neigh, n_genes = 30, 50
    x_cell = rng.gamma(2.0, 1.0, n_genes)
    x_nb = x_cell + rng.normal(0.0, 0.5, (n_neigh, n_genes))
    W = x_nb - x_cell
    W[7] = 0.25
    v = 0.3 * (x_nb[:5].mean(axis=0) - x_cell) + rng.normal(0.0, 0.1, n_genes)
    return (v[None, :], W, 4.0, True, True)
