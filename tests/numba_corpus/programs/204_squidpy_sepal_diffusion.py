# Source: scverse/squidpy src/squidpy/gr/_sepal.py (+ NDArrayA from src/squidpy/_utils.py)
# Licence: MIT (squidpy, LICENSE; Copyright (c) 2020 Theis Lab)
# Notes: Sepal's spatial-variability score of one gene: simulates diffusion of its expression on a square spot grid until the entropy change per step falls below a threshold and returns the step at which it converged; _diffusion (fastmath=True, nogil=True) sums each saturated spot's neighbours by fancy indexing with an int32 row (`np.sum(conc[sat_idx[j]])`), picks the rectangular or hexagonal Laplacian helper by a bool, writes through index arrays (`conc[sat] += dcdt[sat] * dt`, `conc[unsat] += dcdt[unsat_idx] * dt`) and a boolean mask (`conc[conc < 0] = 0`), breaks on convergence, and returns `float(tmp[0] if len(tmp) else np.nan)` from np.nonzero; _entropy uses np.finfo(np.float64).eps and a local annotated `xs: np.float64`; the module's two index helpers (_get_sat_unsat_idx, _get_nhood_idx, also jitted) are kept; the plain-Python sepal/_diffusion_genes/_compute_idxs (AnnData, scanpy, scipy.sparse, sklearn, spatialdata, thread_map) and the imports only they use are left out (inputs() builds the same indices with NumPy, as _compute_idxs does)
from __future__ import annotations

import numpy as np
from numba import njit

# ---- src/squidpy/_utils.py (NDArrayA only) ----
from typing import Any

try:
    from numpy.typing import NDArray

    NDArrayA = NDArray[Any]
except (ImportError, TypeError):
    NDArray = np.ndarray  # type: ignore[misc]
    NDArrayA = np.ndarray  # type: ignore[misc]


# ---- src/squidpy/gr/_sepal.py ----
@njit(fastmath=True, nogil=True)
def _diffusion(  # noqa: PLR0917, numba requires positional arguments
    conc: NDArrayA,
    use_hex: bool,
    n_iter: int,
    sat: NDArrayA,
    sat_idx: NDArrayA,
    unsat: NDArrayA,
    unsat_idx: NDArrayA,
    dt: float,
    thresh: float,
) -> float:
    """Simulate diffusion process on a regular graph."""
    sat_shape = sat.shape[0]
    n_cells = conc.shape[0]
    entropy_arr = np.zeros(n_iter)
    nhood = np.zeros(sat_shape)
    dcdt = np.zeros(n_cells)
    prev_ent = 1.0

    for i in range(n_iter):
        for j in range(sat_shape):
            nhood[j] = np.sum(conc[sat_idx[j]])
        if use_hex:
            d2 = _laplacian_hex(conc[sat], nhood)
        else:
            d2 = _laplacian_rect(conc[sat], nhood)

        dcdt[:] = 0.0
        dcdt[sat] = d2
        conc[sat] += dcdt[sat] * dt
        conc[unsat] += dcdt[unsat_idx] * dt
        # set values below zero to 0
        conc[conc < 0] = 0
        # compute entropy
        ent = _entropy(conc[sat]) / sat_shape
        entropy_arr[i] = np.abs(ent - prev_ent)  # estimate entropy difference
        prev_ent = ent
        if entropy_arr[i] <= thresh:
            break

    tmp = np.nonzero(entropy_arr <= thresh)[0]
    return float(tmp[0] if len(tmp) else np.nan)


# taken from https://github.com/almaan/sepal/blob/master/sepal/models.py
@njit(parallel=False, fastmath=True)
def _laplacian_rect(
    centers: NDArrayA,
    nbrs: NDArrayA,
) -> NDArrayA:
    """
    Five point stencil approximation on rectilinear grid.

    See `Wikipedia <https://en.wikipedia.org/wiki/Five-point_stencil>`_ for more information.
    """
    d2f: NDArrayA = nbrs - 4 * centers
    return d2f


# taken from https://github.com/almaan/sepal/blob/master/sepal/models.py
@njit(fastmath=True)
def _laplacian_hex(
    centers: NDArrayA,
    nbrs: NDArrayA,
) -> NDArrayA:
    """
    Seven point stencil approximation on hexagonal grid.

    References
    ----------
    Approximate Methods of Higher Analysis,
    Curtis D. Benster, L.V. Kantorovich, V.I. Krylov,
    ISBN-13: 978-0486821603.
    """
    d2f: NDArrayA = (2.0 * nbrs - 12.0 * centers) / 3.0
    return d2f


# taken from https://github.com/almaan/sepal/blob/master/sepal/models.py
@njit(fastmath=True)
def _entropy(
    xx: NDArrayA,
) -> float:
    """Compute Shannon entropy of an array of probability values (in nats)."""
    xnz = xx[xx > 0]
    xs: np.float64 = np.sum(xnz)
    eps = np.finfo(np.float64).eps  # ~2.22e-16
    if xs < eps:
        # 0 because
        # xn represents probabilities
        # and p(x)=0 is taken as 0 entropy
        # see https://stats.stackexchange.com/a/433096
        return 0.0
    xn = xnz / xs
    xl = np.log(np.maximum(xn, eps))
    return float((-xl * xn).sum())


@njit
def _get_sat_unsat_idx(g_indptr: NDArrayA, g_shape: int, sat_thresh: int) -> tuple[NDArrayA, NDArrayA]:
    """Get saturated and unsaturated nodes based on thresh."""
    n_indices = np.diff(g_indptr)
    unsat = np.arange(g_shape)[n_indices < sat_thresh]
    sat = np.arange(g_shape)[n_indices == sat_thresh]

    return sat, unsat


@njit
def _get_nhood_idx(
    sat: NDArrayA,
    unsat: NDArrayA,
    g_indptr: NDArrayA,
    g_indices: NDArrayA,
    sat_thresh: int,
) -> tuple[NDArrayA, NDArrayA, NDArrayA]:
    """Get saturated and unsaturated neighborhood indices."""
    # get saturated nhood indices
    sat_idx = np.zeros((sat.shape[0], sat_thresh))
    for idx in range(sat.shape[0]):
        i = sat[idx]
        sat_idx[idx] = g_indices[g_indptr[i] : g_indptr[i + 1]]

    # get closest saturated of unsaturated
    nearest_sat = np.full_like(unsat, fill_value=np.nan, dtype=np.float64)
    for idx in range(unsat.shape[0]):
        i = unsat[idx]
        unsat_neigh = g_indices[g_indptr[i] : g_indptr[i + 1]]
        for u in unsat_neigh:
            if u in sat:  # take the first saturated nhood
                nearest_sat[idx] = u
                break

    # some unsat still don't have a sat nhood
    # return them and compute distances in outer func
    un_unsat = unsat[np.isnan(nearest_sat)]

    return sat_idx.astype(np.int32), nearest_sat, un_unsat

# ---- harness (not part of the program) ----
ENTRY = "_diffusion"


def inputs():
    # a 16 x 16 square grid of spots (ST-like, max_neighs=4) with its
    # 4-neighbour graph in CSR form; sat / sat_idx / unsat / unsat_idx are
    # built with NumPy the way _compute_idxs builds them (first saturated
    # neighbour, else the nearest saturated spot in L1 distance); the gene's
    # counts are a Gaussian blob plus Poisson noise, as float64 (conc is
    # updated in place); sepal's defaults n_iter=30000, dt=0.001,
    # thresh=1e-8 (it converges after about 11000 steps)
    rng = np.random.default_rng(0)
    side = 16
    n = side * side
    xy = np.array([(r, c) for r in range(side) for c in range(side)], dtype=np.float64)
    indptr = [0]
    indices = []
    for r in range(side):
        for c in range(side):
            for dr, dc in ((-1, 0), (0, -1), (0, 1), (1, 0)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < side and 0 <= cc < side:
                    indices.append(rr * side + cc)
            indptr.append(len(indices))
    indptr = np.array(indptr)
    indices = np.array(indices)
    deg = np.diff(indptr)
    sat = np.arange(n)[deg == 4]
    unsat = np.arange(n)[deg < 4]
    sat_idx = np.array([indices[indptr[i]:indptr[i + 1]] for i in sat], dtype=np.int32)
    is_sat = np.zeros(n, dtype=bool)
    is_sat[sat] = True
    nearest = np.empty(len(unsat), dtype=np.int32)
    for k, i in enumerate(unsat):
        nb = [u for u in indices[indptr[i]:indptr[i + 1]] if is_sat[u]]
        if nb:
            nearest[k] = nb[0]
        else:
            d = np.abs(xy[sat] - xy[i]).sum(axis=1)
            nearest[k] = sat[np.argmin(d)]
    blob = 40.0 * np.exp(-((xy[:, 0] - 5.0) ** 2 + (xy[:, 1] - 9.0) ** 2) / 8.0)
    conc = (blob + rng.poisson(2.0, n)).astype(np.float64)
    return (conc, False, 30000, sat, sat_idx, unsat, nearest, 0.001, 1e-8)
