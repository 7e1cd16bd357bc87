# Source: pysal/esda esda/crand.py (at commit 0123f855), with _permutation_significance from esda/significance.py (at commit 12b819e9) and _moran_local_crand from esda/moran.py (at commit 5c7fce52)
# Licence: BSD-3-Clause (esda, LICENSE; Copyright 2018 PySAL Developers)
# Notes: conditional-randomisation pseudo p-values of the local Moran's I (LISA) statistic, spatial econometrics on a spatial-weights graph: compute_chunk (@njit(parallel=False, fastmath=True)) walks the n sites, slices each site's neighbour weights out of the flat CSR weight buffer into np.zeros(cardinality + 1) with the self-weight first, calls the statistic passed in as a jitted-function argument (stat_func = _moran_local_crand, which calls _prepare_univariate to mask out site i with np.ones_like(z, dtype=boolean), fancy-index the permuted neighbour values and reshape them, then a matrix-vector product @ with the weights), and gets each site's p-value from _permutation_significance, which takes the alternative as a string, branches on string equality and uses isinstance on the scalar statistic, np.atleast_2d and row-wise sums of comparisons, then .item(); it returns the float32 p-values and the (n, permutations) simulated statistics. Pasted: crand.py's docstring, numpy import and numba import block, compute_chunk and _prepare_univariate; significance.py's _permutation_significance (its own try/except import of njit is covered by crand.py's block, which imports njit too, and is not repeated); moran.py's _moran_local_crand, whose `from .crand import njit as _njit` is written `from numba import njit as _njit`; left out: crand.py's importlib, os and warnings imports and __all__, used only by the plain-Python crand and parallel_crand drivers (left out), vec_permutations (draws the permutations with np.random inside jitted code), the parallel chunking helpers build_weights_offsets and chunk_generator, _prepare_bivariate and the stub local; the harness passes what crand passes for Moran_Local on a 10 x 10 lattice with row-standardised rook weights: the standardised values z, the observed local Is, cardinalities, zero self-weights, the flat neighbour weights, 199 permutations of neighbour ids drawn from n - 1 sites without replacement (NumPy default_rng in place of vec_permutations), scaling (n - 1) / sum(z * z), keep=True, island_weight 0 and alternative "two-sided"
"""
Centralised conditional randomisation engine. Numba accelerated.
"""

import numpy as np

try:
    from numba import boolean, njit, prange
except (ImportError, ModuleNotFoundError):
    from libpysal.common import jit as njit

    prange = range
    boolean = bool


@njit(parallel=False, fastmath=False)
def _permutation_significance(
    test_stat, reference_distribution, alternative="two-sided"
):
    reference_distribution = np.atleast_2d(reference_distribution)
    n_samples, p_permutations = reference_distribution.shape
    if isinstance(test_stat, (int, float)):
        test_stat = np.ones((n_samples,)) * test_stat
    if alternative == "directed":
        larger = (reference_distribution >= test_stat).sum(axis=1)
        low_extreme = (p_permutations - larger) < larger
        larger[low_extreme] = p_permutations - larger[low_extreme]
        p_value = (larger + 1.0) / (p_permutations + 1.0)
    elif alternative == "lesser":
        p_value = (np.sum(reference_distribution <= test_stat, axis=1) + 1) / (
            p_permutations + 1
        )
    elif alternative == "greater":
        p_value = (np.sum(reference_distribution >= test_stat, axis=1) + 1) / (
            p_permutations + 1
        )
    elif alternative == "two-sided":
        # use the robust pseudo p-value rather than percentiles. Percentiles
        # are degenerate when the reference distribution is constant, which
        # makes the percentile-based count exceed p_permutations and yields a
        # p-value greater than one.
        greater = (reference_distribution >= test_stat).sum(axis=1)
        lesser = (reference_distribution <= test_stat).sum(axis=1)
        p_value = np.minimum(
            2 * (np.minimum(greater, lesser) + 1) / (p_permutations + 1), 1.0
        )
    elif alternative == "folded":
        means = np.empty((n_samples, 1)).astype(reference_distribution.dtype)
        for i in range(n_samples):
            means[i] = reference_distribution[i].mean()
        folded_test_stat = np.abs(test_stat - means)
        folded_reference_distribution = np.abs(reference_distribution - means)
        p_value = (
            (folded_reference_distribution >= folded_test_stat).sum(axis=1) + 1
        ) / (p_permutations + 1)
    else:
        p_value = np.ones((n_samples,)) * np.nan
    return p_value


@njit(parallel=False, fastmath=True)
def compute_chunk(
    chunk_start: int,
    z_chunk: np.ndarray,
    z: np.ndarray,
    observed: np.ndarray,
    cardinalities: np.ndarray,
    self_weights: np.ndarray,
    other_weights: np.ndarray,
    permuted_ids: np.ndarray,
    scaling: np.float64,
    keep: bool,
    stat_func,
    island_weight: float,
    alternative: str,
):
    """
    Compute conditional randomisation for a single chunk
    ...

    Parameters
    ----------
    chunk_start : int
        Starting index for the chunk of input. Should be zero if z_chunk == z.
    z_chunk : numpy.ndarray
        (n_chunk,) array containing the chunk of standardised observed values.
    z : ndarray
        2D array with N rows with standardised observed values
    observed : ndarray
        (n_chunk,) array containing observed values for the chunk
    cardinalities : ndarray
        (n_chunk,) array containing the cardinalities for each element.
    self_weights : ndarray of shape (n,)
        Array containing the self-weights for each observation. In most cases, this
        will be zero. But, in some cases (e.g. Gi-star or kernel weights), this will
        be nonzero.
    other_weights : ndarray
        Array containing the weights of all other sites in the computation
        other than site i. If self_weights is zero, this has as many entries
        as the sum of `cardinalities`.
    permuted_ids : ndarray
        (permutations, max_cardinality) array with indices of permuted
        ids to use to construct random realizations of the statistic
    scaling : float
        Scaling value to apply to every local statistic
    keep : bool
        If True, store simulation; else do not return randomised statistics
    stat_func : callable
        Method implementing the spatial statistic to be evaluated under
        conditional randomisation. The method needs to have the following
        signature:
            i : int
                Position of observation to be evaluated in the sample
            z : ndarray
                2D array with N rows with standardised observed values
            permuted_ids : ndarray
                (permutations, max_cardinality) array with indices of permuted
                IDs
            weights_i : ndarray
                Weights for neighbors in i
            scaling : float
                Scaling value to apply to every local statistic
    island_weight:
        value to use as a weight for the "fake" neighbor for every island.
        If numpy.nan, will propagate to the final local statistic depending
        on the `stat_func`. If 0, then the lag is always zero for islands.

    Returns
    -------
    larger : ndarray
        (n_chunk,) array with number of random draws under the null larger
        than observed value of statistic
    rlocals : ndarray
        (n_chunk, max_cardinality) array with local statistics simulated under
        the null of spatial randomness
    """
    chunk_n = z_chunk.shape[0]
    n_samples = z.shape[0]
    p_permutations, k_max_card = permuted_ids.shape
    p_sims = np.zeros((chunk_n,), dtype=np.float32)
    rlocals = np.empty((chunk_n, permuted_ids.shape[0])) if keep else np.empty((1, 1))

    mask = np.ones((n_samples,), dtype=np.int8) == 1
    wloc = 0

    for i in range(chunk_n):
        cardinality = cardinalities[i]
        if cardinality == 0:  # deal with islands
            weights_i = np.zeros(2, dtype=other_weights.dtype)
            weights_i[1] = island_weight
        else:
            # we need to fix the self-weight to the first position
            weights_i = np.zeros(cardinality + 1, dtype=other_weights.dtype)
            weights_i[0] = self_weights[i]
            # this chomps the next `cardinality` weights off of `weights`
            weights_i[1:] = other_weights[wloc : (wloc + cardinality)]
        wloc += cardinality
        mask[chunk_start + i] = False
        rstats = stat_func(chunk_start + i, z, permuted_ids, weights_i, scaling)
        p_sims[i] = _permutation_significance(
            observed[i], rstats, alternative=alternative
        ).item()
        if keep:
            rlocals[i] = rstats

    return p_sims, rlocals


@njit(fastmath=False)
def _prepare_univariate(i, z, permuted_ids, weights_i):
    mask = np.ones_like(z, dtype=boolean)
    mask[i] = False
    z_no_i = z[mask]
    cardinality = len(weights_i)
    flat_permutation_ids = permuted_ids[:, :cardinality].flatten()
    zrand = z_no_i[flat_permutation_ids].reshape(-1, cardinality)
    return z[i], zrand


from numba import njit as _njit


@_njit(fastmath=True)
def _moran_local_crand(i, z, permuted_ids, weights_i, scaling):
    self_weight = weights_i[0]
    other_weights = weights_i[1:]
    zi, zrand = _prepare_univariate(i, z, permuted_ids, other_weights)
    return zi * (zrand @ other_weights + self_weight * zi) * scaling
# ---- harness (not part of the program) ----
ENTRY = "compute_chunk"


def inputs():
    # a 10 x 10 lattice, rook contiguity, row-standardised (W.transform
    # = "r"); y a smooth surface plus noise; what Moran_Local passes to
    # crand (z standardised with ddof=0, Is = z * Wz * (n-1)/sum(z^2))
    rng = np.random.default_rng(0)
    side = 10
    n = side * side
    neighbours = []
    for r in range(side):
        for c in range(side):
            nb_ = []
            for dr, dc in ((-1, 0), (0, -1), (0, 1), (1, 0)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < side and 0 <= cc < side:
                    nb_.append(rr * side + cc)
            neighbours.append(nb_)
    cardinalities = np.array([len(nb_) for nb_ in neighbours], dtype=np.int64)
    other_weights = np.concatenate(
        [np.full(len(nb_), 1.0 / len(nb_)) for nb_ in neighbours])
    xs, ys = np.meshgrid(np.arange(side), np.arange(side))
    y = (np.sin(xs / 3.0) + np.cos(ys / 4.0)).ravel() + 0.5 * rng.standard_normal(n)
    z = (y - y.mean()) / y.std()
    lag = np.array([np.mean(z[nb_]) for nb_ in neighbours])
    scaling = (n - 1) / (z * z).sum()
    observed = z * lag * scaling
    permutations = 199
    max_card = int(cardinalities.max())
    permuted_ids = np.stack(
        [rng.choice(n - 1, size=max_card, replace=False) for _ in range(permutations)]
    ).astype(np.int64)
    self_weights = np.zeros(n)
    return (0, z, z, observed, cardinalities, self_weights, other_weights,
            permuted_ids, scaling, True, _moran_local_crand, 0.0, "two-sided")
