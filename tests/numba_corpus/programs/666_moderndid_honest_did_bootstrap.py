# Source: jordandeklerk/moderndid moderndid/didhonest/numba.py (at commit 06aae708), moderndid/core/numba_utils.py, moderndid/core/backend.py (at commit 1229bf83)
# Licence: MIT (moderndid, pyproject.toml license = {file = "LICENSE"} and classifier "License :: OSI Approved :: MIT License"; author Jordan DeKlerk)
# Notes: the Numba kernels of moderndid, difference-in-differences estimators (HonestDiD sensitivity analysis and the multiplier bootstrap). didhonest/numba.py (pasted whole): every kernel exists twice, a plain NumPy version and, under `if HAS_NUMBA:` after a try/except import of numba, an @nb.njit(cache=True) redefinition with the same name: a reflected list of row indices returned as np.array(rows) or None (`if rows else None`), first/second-difference and monotonicity constraint matrices, a defaulted threshold returning a (count, ratio) tuple, two eagerly typed @guvectorize kernels called with an explicit `out=None` output operand (safe division, clipping with scalar bounds), a parallel prange quadratic-form reduction, a prange grid of row assignments y_matrix[i] = vector expression, np.dot of 1-D/2-D arrays, a `raise ValueError` on a near-zero denominator, enumerate over an array with builtin max, the SDRM constraint matrix with two defaulted bool flags, and the plain-Python wrappers that call them (one returns a dict). core/numba_utils.py (pasted whole): cluster sums and cluster means through an np.full(-1) lookup table, a parallel multiplier bootstrap with Mammen weights (conditional expression inside a prange triple loop), bootstrap row gathering by iterating over an int64 array, a NaN-skipping column standard deviation with `continue`; its `from moderndid.core.backend import get_backend, to_numpy` line is replaced by the lines of core/backend.py that define those two names (CuPy absent, so get_backend() is numpy and the GPU branches are never taken). The harness builds a small event-study problem (4 pre and 3 post periods), calls every wrapper, and runs the bootstrap helpers on a seeded influence-function matrix with integer and string cluster labels

# ---- moderndid/didhonest/numba.py ----
"""Numba operations."""

import numpy as np

try:
    import numba as nb
    from numba import float64, guvectorize

    HAS_NUMBA = True
except ImportError:
    HAS_NUMBA = False
    nb = None


__all__ = [
    "HAS_NUMBA",
    "check_matrix_sparsity",
    "clip_values",
    "compute_bounds",
    "compute_hybrid_dbar",
    "create_bounds_second_difference_matrix",
    "create_first_differences_matrix",
    "create_monotonicity_matrix",
    "create_sdrm_constraint_matrix",
    "create_second_differences_matrix",
    "find_rows_with_post_period_values",
    "lee_coefficient",
    "prepare_theta_grid_y_values",
    "quadratic_form",
    "safe_divide",
    "selection_matrix",
]


def _find_rows_with_post_period_values_impl(A, post_period_indices):
    has_post_period_values = np.any(A[:, post_period_indices] != 0, axis=1)
    rows_for_arp = np.where(has_post_period_values)[0]
    return rows_for_arp if len(rows_for_arp) > 0 else None


def _create_first_differences_matrix_impl(num_pre_periods, num_post_periods):
    total_periods = num_pre_periods + num_post_periods + 1
    a_tilde = np.zeros((num_pre_periods + num_post_periods, total_periods))
    for r in range(num_pre_periods + num_post_periods):
        a_tilde[r, r : (r + 2)] = [-1, 1]
    return a_tilde


def _create_second_differences_matrix_impl(num_constraints, total_periods):
    A_positive = np.zeros((num_constraints, total_periods))
    for i in range(num_constraints):
        if i + 3 <= total_periods:
            A_positive[i, i : i + 3] = [1, -2, 1]
    return A_positive


def _check_matrix_sparsity_pattern_impl(A, threshold=1e-10):
    nnz = np.sum(np.abs(A) > threshold)
    total_elements = A.size
    sparsity_ratio = 1.0 - nnz / total_elements
    return nnz, sparsity_ratio


def _safe_divide_impl(x, y, out=None):
    if out is None:
        out = np.zeros_like(x, dtype=float)
    mask = np.abs(y) >= 1e-10
    np.divide(x, y, out=out, where=mask)
    out[~mask] = 0.0
    return out


def _clip_values_impl(x, lower, upper, out=None):
    return np.clip(x, lower, upper, out=out)


def _quadratic_form_impl(x, A):
    return x @ A @ x


def _prepare_theta_grid_y_values_impl(beta_hat_or_y, period_vec_or_a_inv, theta_grid):
    return beta_hat_or_y - np.outer(theta_grid, period_vec_or_a_inv)


def _compute_hybrid_dbar_impl(flci_halflength, vbar, d_vec, a_gamma_inv_one, theta):
    vbar_d = np.dot(vbar, d_vec)
    vbar_a = np.dot(vbar, a_gamma_inv_one)
    return np.array([flci_halflength - vbar_d + (1 - vbar_a) * theta, flci_halflength + vbar_d - (1 - vbar_a) * theta])


def _lee_coefficient_impl(eta, sigma):
    sigma_eta = sigma @ eta
    eta_sigma_eta = eta.T @ sigma_eta
    if np.abs(eta_sigma_eta) < 1e-10:
        raise ValueError("Estimated coefficient is effectively zero, cannot compute coefficient.")
    return sigma_eta / eta_sigma_eta


def _selection_matrix_impl(selection_0idx, size, n_selections, select_rows):
    if select_rows:
        m = np.zeros((n_selections, size))
        for i, idx in enumerate(selection_0idx):
            m[i, idx] = 1
    else:
        m = np.zeros((size, n_selections))
        for i, idx in enumerate(selection_0idx):
            m[idx, i] = 1
    return m


def _compute_bounds_impl(eta, sigma, A, b, z):
    c = _lee_coefficient_impl(eta, sigma)
    Az = A @ z
    Ac = A @ c
    nonzero_mask = np.abs(Ac) > 1e-10
    objective = np.full_like(Ac, np.nan)
    objective[nonzero_mask] = (b[nonzero_mask] - Az[nonzero_mask]) / Ac[nonzero_mask]
    ac_negative_idx = Ac < 0
    ac_positive_idx = Ac > 0
    lower_bound = np.max(objective[ac_negative_idx]) if np.any(ac_negative_idx) else -np.inf
    upper_bound = np.min(objective[ac_positive_idx]) if np.any(ac_positive_idx) else np.inf
    return lower_bound, upper_bound


def _create_sdrm_constraint_matrix_impl(num_pre_periods, num_post_periods, m_bar, s, max_positive=True, drop_zero=True):
    total_periods = num_pre_periods + num_post_periods + 1

    num_second_diffs = num_pre_periods + num_post_periods - 1
    a_tilde = np.zeros((num_second_diffs, total_periods))

    for r in range(num_second_diffs):
        a_tilde[r, r : r + 3] = [1, -2, 1]

    v_max_diff = np.zeros((1, total_periods))
    idx = num_pre_periods + s - 2
    v_max_diff[0, idx : idx + 3] = [1, -2, 1]

    if not max_positive:
        v_max_diff = -v_max_diff

    a_ub_pre = np.tile(v_max_diff, (num_pre_periods - 1, 1))
    a_ub_post = np.tile(m_bar * v_max_diff, (num_post_periods, 1))
    a_ub = np.vstack([a_ub_pre, a_ub_post])

    a_upper = a_tilde - a_ub
    a_lower = -a_tilde - a_ub
    a_matrix = np.vstack([a_upper, a_lower])

    row_norms = np.sum(a_matrix**2, axis=1)
    non_zero_rows = row_norms > 1e-10
    a_matrix = a_matrix[non_zero_rows]

    if drop_zero:
        a_matrix = np.delete(a_matrix, num_pre_periods, axis=1)

    return a_matrix


def _create_bounds_second_difference_matrix_impl(num_pre_periods, num_post_periods):
    total_periods = num_pre_periods + num_post_periods
    n_pre_diffs = num_pre_periods - 2 if num_pre_periods >= 3 else 0
    n_post_diffs = num_post_periods - 2 if num_post_periods >= 3 else 0
    n_diffs = n_pre_diffs + n_post_diffs

    if n_diffs == 0:
        return np.zeros((0, total_periods))

    a_sd = np.zeros((n_diffs, total_periods))

    if n_pre_diffs > 0:
        for r in range(n_pre_diffs):
            a_sd[r, r : (r + 3)] = [1, -2, 1]

    if n_post_diffs > 0:
        for r in range(n_post_diffs):
            post_idx = n_pre_diffs + r
            coef_idx = num_pre_periods + r
            a_sd[post_idx, coef_idx : (coef_idx + 3)] = [1, -2, 1]
    return a_sd


def _create_monotonicity_matrix_impl(num_pre_periods, num_post_periods):
    total_periods = num_pre_periods + num_post_periods
    a_m = np.zeros((total_periods, total_periods))

    for r in range(num_pre_periods - 1):
        a_m[r, r : (r + 2)] = [1, -1]

    a_m[num_pre_periods - 1, num_pre_periods - 1] = 1

    if num_post_periods > 0:
        a_m[num_pre_periods, num_pre_periods] = -1
        if num_post_periods > 1:
            for r in range(num_pre_periods + 1, num_pre_periods + num_post_periods):
                a_m[r, (r - 1) : r + 1] = [1, -1]
    return a_m


if HAS_NUMBA:

    @nb.njit(cache=True)
    def _find_rows_with_post_period_values_impl(A, post_period_indices):
        rows = []
        for i in range(A.shape[0]):
            for j in post_period_indices:
                if A[i, j] != 0:
                    rows.append(i)
                    break
        return np.array(rows) if rows else None

    @nb.njit(cache=True)
    def _create_first_differences_matrix_impl(num_pre_periods, num_post_periods):
        total_periods = num_pre_periods + num_post_periods + 1
        a_tilde = np.zeros((num_pre_periods + num_post_periods, total_periods))
        for r in range(num_pre_periods + num_post_periods):
            a_tilde[r, r] = -1.0
            a_tilde[r, r + 1] = 1.0
        return a_tilde

    @nb.njit(cache=True)
    def _create_second_differences_matrix_impl(num_constraints, total_periods):
        A_positive = np.zeros((num_constraints, total_periods))
        for i in range(num_constraints):
            if i + 3 <= total_periods:
                A_positive[i, i] = 1.0
                A_positive[i, i + 1] = -2.0
                A_positive[i, i + 2] = 1.0
        return A_positive

    @nb.njit(cache=True)
    def _check_matrix_sparsity_pattern_impl(A, threshold=1e-10):
        nnz = 0
        total_elements = A.shape[0] * A.shape[1]
        for i in range(A.shape[0]):
            for j in range(A.shape[1]):
                if np.abs(A[i, j]) > threshold:
                    nnz += 1
        sparsity_ratio = 1.0 - nnz / total_elements
        return nnz, sparsity_ratio

    @guvectorize([(float64[:], float64[:], float64[:])], "(n),(n)->(n)", nopython=True, cache=True)
    def _safe_divide_impl(x, y, result):
        for i in range(x.shape[0]):
            if np.abs(y[i]) < 1e-10:
                result[i] = 0.0
            else:
                result[i] = x[i] / y[i]

    @guvectorize([(float64[:], float64, float64, float64[:])], "(n),(),()->(n)", nopython=True, cache=True)
    def _clip_values_impl(x, lower, upper, result):
        for i in range(x.shape[0]):
            if x[i] < lower:
                result[i] = lower
            elif x[i] > upper:
                result[i] = upper
            else:
                result[i] = x[i]

    @nb.njit(cache=True, parallel=True)
    def _quadratic_form_impl(x, A):
        n = x.shape[0]
        result = 0.0
        for i in nb.prange(n):
            row_sum = 0.0
            for j in range(n):
                row_sum += A[i, j] * x[j]
            result += x[i] * row_sum
        return result

    @nb.njit(parallel=True, cache=True)
    def _prepare_theta_grid_y_values_impl(beta_hat_or_y, period_vec_or_a_inv, theta_grid):
        n_grid = len(theta_grid)
        n_params = len(beta_hat_or_y)
        y_matrix = np.empty((n_grid, n_params))
        for i in nb.prange(n_grid):
            y_matrix[i] = beta_hat_or_y - period_vec_or_a_inv * theta_grid[i]
        return y_matrix

    @nb.njit(cache=True)
    def _compute_hybrid_dbar_impl(flci_halflength, vbar, d_vec, a_gamma_inv_one, theta):
        vbar_d = np.dot(vbar, d_vec)
        vbar_a = np.dot(vbar, a_gamma_inv_one)
        return np.array(
            [flci_halflength - vbar_d + (1 - vbar_a) * theta, flci_halflength + vbar_d - (1 - vbar_a) * theta]
        )

    @nb.njit(cache=True)
    def _lee_coefficient_impl(eta, sigma):
        sigma_eta = np.dot(sigma, eta)
        eta_sigma_eta = np.dot(eta, sigma_eta)
        if np.abs(eta_sigma_eta) < 1e-10:
            raise ValueError("Estimated coefficient is effectively zero, cannot compute coefficient.")
        return sigma_eta / eta_sigma_eta

    @nb.njit(cache=True)
    def _selection_matrix_impl(selection_0idx, size, n_selections, select_rows):
        if select_rows:
            m = np.zeros((n_selections, size))
            for i in range(n_selections):
                m[i, selection_0idx[i]] = 1.0
        else:
            m = np.zeros((size, n_selections))
            for i in range(n_selections):
                m[selection_0idx[i], i] = 1.0
        return m

    @nb.njit(cache=True)
    def _compute_bounds_impl(eta, sigma, A, b, z):
        sigma_eta = np.dot(sigma, eta)
        eta_sigma_eta = np.dot(eta, sigma_eta)
        c = sigma_eta / eta_sigma_eta
        Az = np.dot(A, z)
        Ac = np.dot(A, c)
        lower_bound = -np.inf
        upper_bound = np.inf
        for i, ac_val in enumerate(Ac):
            if abs(ac_val) > 1e-10:
                obj_val = (b[i] - Az[i]) / ac_val
                if ac_val < 0:
                    lower_bound = max(lower_bound, obj_val)
                elif obj_val < upper_bound:
                    upper_bound = obj_val
        return lower_bound, upper_bound

    @nb.njit(cache=True)
    def _create_sdrm_constraint_matrix_impl(
        num_pre_periods, num_post_periods, m_bar, s, max_positive=True, drop_zero=True
    ):
        total_periods = num_pre_periods + num_post_periods + 1

        num_second_diffs = num_pre_periods + num_post_periods - 1
        a_tilde = np.zeros((num_second_diffs, total_periods))

        for r in range(num_second_diffs):
            a_tilde[r, r] = 1.0
            a_tilde[r, r + 1] = -2.0
            a_tilde[r, r + 2] = 1.0

        v_max_diff = np.zeros((1, total_periods))
        idx = num_pre_periods + s - 2
        v_max_diff[0, idx] = 1.0
        v_max_diff[0, idx + 1] = -2.0
        v_max_diff[0, idx + 2] = 1.0

        if not max_positive:
            v_max_diff = -v_max_diff

        a_ub = np.zeros((num_pre_periods + num_post_periods - 1, total_periods))

        for i in range(num_pre_periods - 1):
            for j in range(total_periods):
                a_ub[i, j] = v_max_diff[0, j]

        for i in range(num_pre_periods - 1, num_pre_periods + num_post_periods - 1):
            for j in range(total_periods):
                a_ub[i, j] = m_bar * v_max_diff[0, j]

        a_upper = a_tilde - a_ub
        a_lower = -a_tilde - a_ub

        a_matrix_full = np.zeros((2 * num_second_diffs, total_periods))
        for i in range(num_second_diffs):
            for j in range(total_periods):
                a_matrix_full[i, j] = a_upper[i, j]
                a_matrix_full[i + num_second_diffs, j] = a_lower[i, j]

        non_zero_count = 0
        for i in range(2 * num_second_diffs):
            row_norm = 0.0
            for j in range(total_periods):
                row_norm += a_matrix_full[i, j] ** 2
            if row_norm > 1e-10:
                non_zero_count += 1

        if drop_zero:
            a_matrix = np.zeros((non_zero_count, total_periods - 1))
        else:
            a_matrix = np.zeros((non_zero_count, total_periods))

        row_idx = 0
        for i in range(2 * num_second_diffs):
            row_norm = 0.0
            for j in range(total_periods):
                row_norm += a_matrix_full[i, j] ** 2

            if row_norm > 1e-10:
                if drop_zero:
                    col_idx = 0
                    for j in range(total_periods):
                        if j != num_pre_periods:
                            a_matrix[row_idx, col_idx] = a_matrix_full[i, j]
                            col_idx += 1
                else:
                    for j in range(total_periods):
                        a_matrix[row_idx, j] = a_matrix_full[i, j]
                row_idx += 1

        return a_matrix

    @nb.njit(cache=True)
    def _create_bounds_second_difference_matrix_impl(num_pre_periods, num_post_periods):
        total_periods = num_pre_periods + num_post_periods
        n_pre_diffs = num_pre_periods - 2 if num_pre_periods >= 3 else 0
        n_post_diffs = num_post_periods - 2 if num_post_periods >= 3 else 0
        n_diffs = n_pre_diffs + n_post_diffs

        if n_diffs == 0:
            return np.zeros((0, total_periods))

        a_sd = np.zeros((n_diffs, total_periods))

        if n_pre_diffs > 0:
            for r in range(n_pre_diffs):
                a_sd[r, r] = 1.0
                a_sd[r, r + 1] = -2.0
                a_sd[r, r + 2] = 1.0

        if n_post_diffs > 0:
            for r in range(n_post_diffs):
                post_idx = n_pre_diffs + r
                coef_idx = num_pre_periods + r
                a_sd[post_idx, coef_idx] = 1.0
                a_sd[post_idx, coef_idx + 1] = -2.0
                a_sd[post_idx, coef_idx + 2] = 1.0

        return a_sd

    @nb.njit(cache=True)
    def _create_monotonicity_matrix_impl(num_pre_periods, num_post_periods):
        total_periods = num_pre_periods + num_post_periods
        a_m = np.zeros((total_periods, total_periods))

        for r in range(num_pre_periods - 1):
            a_m[r, r] = 1.0
            a_m[r, r + 1] = -1.0

        a_m[num_pre_periods - 1, num_pre_periods - 1] = 1.0

        if num_post_periods > 0:
            a_m[num_pre_periods, num_pre_periods] = -1.0
            if num_post_periods > 1:
                for r in range(num_pre_periods + 1, num_pre_periods + num_post_periods):
                    a_m[r, r - 1] = 1.0
                    a_m[r, r] = -1.0
        return a_m


def lee_coefficient(eta, sigma):
    """Compute coefficient for constructing confidence intervals."""
    eta = np.asarray(eta, dtype=np.float64).flatten()
    sigma = np.asarray(sigma, dtype=np.float64)
    return _lee_coefficient_impl(eta, sigma)


def selection_matrix(selection, size, select="columns"):
    """Create a selection matrix for extracting specific rows or columns."""
    selection = np.asarray(selection)
    selection_0idx = selection - 1
    n_selections = len(selection)
    select_rows = select == "rows"
    return _selection_matrix_impl(selection_0idx, size, n_selections, select_rows)


def compute_bounds(eta, sigma, A, b, z):
    """Compute lower and upper bounds for confidence intervals."""
    eta = np.asarray(eta, dtype=np.float64).flatten()
    sigma = np.asarray(sigma, dtype=np.float64)
    A = np.asarray(A, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64).flatten()
    z = np.asarray(z, dtype=np.float64).flatten()
    return _compute_bounds_impl(eta, sigma, A, b, z)


def find_rows_with_post_period_values(A, post_period_indices):
    """Find rows with non-zero values in post-period columns."""
    if isinstance(post_period_indices, list):
        post_period_indices = np.array(post_period_indices)
    return _find_rows_with_post_period_values_impl(A, post_period_indices)


def create_first_differences_matrix(num_pre_periods, num_post_periods):
    """Create first differences matrix."""
    return _create_first_differences_matrix_impl(num_pre_periods, num_post_periods)


def create_second_differences_matrix(num_constraints, total_periods):
    """Create second differences constraint matrix."""
    return _create_second_differences_matrix_impl(num_constraints, total_periods)


def check_matrix_sparsity(A, threshold=1e-10):
    """Check sparsity pattern of a matrix."""
    nnz, sparsity_ratio = _check_matrix_sparsity_pattern_impl(A, threshold)
    return {"nnz": int(nnz), "sparsity_ratio": float(sparsity_ratio), "is_sparse": sparsity_ratio > 0.5}


def quadratic_form(x, A):
    """Compute quadratic form x'Ax."""
    return _quadratic_form_impl(x, A)


def safe_divide(x, y, out=None):
    """Element-wise safe division avoiding division by zero."""
    return _safe_divide_impl(x, y, out)


def clip_values(x, lower, upper, out=None):
    """Element-wise clipping to bounds."""
    return _clip_values_impl(x, lower, upper, out)


def prepare_theta_grid_y_values(beta_hat_or_y, period_vec_or_a_inv, theta_grid):
    """Prepare y values for all theta values in grid."""
    return _prepare_theta_grid_y_values_impl(beta_hat_or_y, period_vec_or_a_inv, theta_grid)


def compute_hybrid_dbar(flci_halflength, vbar, d_vec, a_gamma_inv_one, theta):
    """Compute hybrid dbar for FLCI case."""
    return _compute_hybrid_dbar_impl(flci_halflength, vbar, d_vec, a_gamma_inv_one, theta)


def create_sdrm_constraint_matrix(num_pre_periods, num_post_periods, m_bar, s, max_positive=True, drop_zero=True):
    """Create constraint matrix for Delta^{SDRM}."""
    return _create_sdrm_constraint_matrix_impl(num_pre_periods, num_post_periods, m_bar, s, max_positive, drop_zero)


def create_bounds_second_difference_matrix(num_pre_periods, num_post_periods):
    """Create second differences matrix for bounds computation."""
    return _create_bounds_second_difference_matrix_impl(num_pre_periods, num_post_periods)


def create_monotonicity_matrix(num_pre_periods, num_post_periods):
    """Create base monotonicity matrix."""
    return _create_monotonicity_matrix_impl(num_pre_periods, num_post_periods)


# ---- moderndid/core/numba_utils.py ----
"""Numba-accelerated operations for bootstrap and variance estimation."""

import numpy as np

# from moderndid.core.backend import get_backend, to_numpy
# (replaced by the lines of moderndid/core/backend.py that define them)
try:
    import cupy as cp

    HAS_CUPY = True
except ImportError:
    HAS_CUPY = False
    cp = None

_active_backend = "numpy"


def get_backend():
    """Return the active array module (``numpy`` or ``cupy``).

    Returns
    -------
    module
        ``numpy`` when the backend is "numpy", ``cupy`` when "cupy".
    """
    if _active_backend == "cupy":
        return cp
    return np


def to_numpy(arr):
    """Ensure the array is a CPU NumPy array.

    Parameters
    ----------
    arr : array_like
        Input array (NumPy or CuPy).

    Returns
    -------
    numpy.ndarray
        CPU NumPy array.
    """
    if HAS_CUPY and hasattr(cp, "ndarray") and isinstance(arr, cp.ndarray):
        return cp.asnumpy(arr)
    return np.asarray(arr)

try:
    import numba as nb

    HAS_NUMBA = True
except ImportError:
    HAS_NUMBA = False
    nb = None


__all__ = [
    "HAS_NUMBA",
    "aggregate_by_cluster",
    "compute_cluster_sums",
    "compute_column_std",
    "gather_bootstrap_indices",
    "multiplier_bootstrap",
]


def _compute_cluster_sums_impl(influence_func, cluster_ids, unique_clusters):
    n_clusters = len(unique_clusters)
    cluster_sums = np.zeros(n_clusters)
    for i, c in enumerate(unique_clusters):
        mask = cluster_ids == c
        cluster_sums[i] = np.sum(influence_func[mask])
    return cluster_sums


def _multiplier_bootstrap_impl(inf_func, weights_matrix):
    nboot = weights_matrix.shape[0]
    k = inf_func.shape[1]
    bres = np.zeros((nboot, k))

    k1 = 0.5 * (1 - np.sqrt(5))
    k2 = 0.5 * (1 + np.sqrt(5))

    for b in range(nboot):
        v = np.where(weights_matrix[b] == 1, k1, k2)
        bres[b] = np.mean(inf_func * v[:, np.newaxis], axis=0)

    return bres


def _aggregate_by_cluster_impl(inf_func, cluster, unique_clusters):
    n_clusters = len(unique_clusters)
    k = inf_func.shape[1]

    cluster_mean_if = np.zeros((n_clusters, k))
    cluster_counts = np.zeros(n_clusters)

    for i, c in enumerate(unique_clusters):
        mask = cluster == c
        cluster_mean_if[i] = np.sum(inf_func[mask], axis=0)
        cluster_counts[i] = np.sum(mask)

    for i in range(n_clusters):
        if cluster_counts[i] > 0:
            cluster_mean_if[i] /= cluster_counts[i]

    return cluster_mean_if


def _gather_bootstrap_indices_impl(sampled_cluster_ids, cluster_starts, cluster_counts):
    total_rows = 0
    for cid in sampled_cluster_ids:
        total_rows += cluster_counts[cid]

    indices = np.empty(total_rows, dtype=np.int64)
    pos = 0
    for cid in sampled_cluster_ids:
        start = cluster_starts[cid]
        count = cluster_counts[cid]
        indices[pos : pos + count] = np.arange(start, start + count)
        pos += count

    return indices


def _compute_column_std_impl(matrix):
    n_rows, n_cols = matrix.shape
    result = np.empty(n_cols)

    for j in range(n_cols):
        total = 0.0
        count = 0
        for i in range(n_rows):
            val = matrix[i, j]
            if not np.isnan(val):
                total += val
                count += 1

        if count == 0:
            result[j] = np.nan
            continue

        mean = total / count
        sum_sq = 0.0
        for i in range(n_rows):
            val = matrix[i, j]
            if not np.isnan(val):
                diff = val - mean
                sum_sq += diff * diff

        result[j] = np.sqrt(sum_sq / (count - 1)) if count > 1 else np.nan

    return result


if HAS_NUMBA:

    @nb.njit(cache=True)
    def _compute_cluster_sums_impl(influence_func, cluster_ids, unique_clusters):
        n_clusters = len(unique_clusters)
        n = len(influence_func)
        cluster_sums = np.zeros(n_clusters)

        max_cluster = 0
        for i in range(n_clusters):
            if unique_clusters[i] > max_cluster:
                max_cluster = unique_clusters[i]

        cluster_to_idx = np.full(max_cluster + 1, -1, dtype=np.int64)
        for i in range(n_clusters):
            cluster_to_idx[unique_clusters[i]] = i

        for i in range(n):
            c_idx = cluster_to_idx[cluster_ids[i]]
            cluster_sums[c_idx] += influence_func[i]

        return cluster_sums

    @nb.njit(cache=True, parallel=True)
    def _multiplier_bootstrap_impl(inf_func, weights_matrix):
        nboot, n = weights_matrix.shape
        k = inf_func.shape[1]
        bres = np.zeros((nboot, k))

        k1 = 0.5 * (1 - np.sqrt(5))
        k2 = 0.5 * (1 + np.sqrt(5))

        for b in nb.prange(nboot):
            for j in range(k):
                total = 0.0
                for i in range(n):
                    v = k1 if weights_matrix[b, i] == 1 else k2
                    total += inf_func[i, j] * v
                bres[b, j] = total / n

        return bres

    @nb.njit(cache=True)
    def _aggregate_by_cluster_impl(inf_func, cluster, unique_clusters):
        n_clusters = len(unique_clusters)
        n, k = inf_func.shape
        cluster_mean_if = np.zeros((n_clusters, k))
        cluster_counts = np.zeros(n_clusters)

        max_cluster = 0
        for i in range(n_clusters):
            if unique_clusters[i] > max_cluster:
                max_cluster = unique_clusters[i]

        cluster_to_idx = np.full(max_cluster + 1, -1, dtype=np.int64)
        for i in range(n_clusters):
            cluster_to_idx[unique_clusters[i]] = i

        for i in range(n):
            c_idx = cluster_to_idx[cluster[i]]
            cluster_counts[c_idx] += 1
            for j in range(k):
                cluster_mean_if[c_idx, j] += inf_func[i, j]

        for i in range(n_clusters):
            if cluster_counts[i] > 0:
                for j in range(k):
                    cluster_mean_if[i, j] /= cluster_counts[i]

        return cluster_mean_if

    @nb.njit(cache=True)
    def _gather_bootstrap_indices_impl(sampled_cluster_ids, cluster_starts, cluster_counts):
        total_rows = 0
        for cid in sampled_cluster_ids:
            total_rows += cluster_counts[cid]

        indices = np.empty(total_rows, dtype=np.int64)
        pos = 0
        for cid in sampled_cluster_ids:
            start = cluster_starts[cid]
            count = cluster_counts[cid]
            for j in range(count):
                indices[pos] = start + j
                pos += 1

        return indices

    @nb.njit(cache=True)
    def _compute_column_std_impl(matrix):
        n_rows, n_cols = matrix.shape
        result = np.empty(n_cols)

        for j in range(n_cols):
            total = 0.0
            count = 0
            for i in range(n_rows):
                val = matrix[i, j]
                if not np.isnan(val):
                    total += val
                    count += 1

            if count == 0:
                result[j] = np.nan
                continue

            mean = total / count
            sum_sq = 0.0
            for i in range(n_rows):
                val = matrix[i, j]
                if not np.isnan(val):
                    diff = val - mean
                    sum_sq += diff * diff

            result[j] = np.sqrt(sum_sq / (count - 1)) if count > 1 else np.nan

        return result


def compute_cluster_sums(influence_func, cluster_ids):
    """Compute sum of influence function values within each cluster.

    Parameters
    ----------
    influence_func : ndarray
        Influence function values for each unit.
    cluster_ids : ndarray
        Cluster identifiers for each unit.

    Returns
    -------
    cluster_sums : ndarray
        Sum of influence function values for each cluster.
    unique_clusters : ndarray
        Unique cluster identifiers.
    """
    influence_func = np.asarray(influence_func, dtype=np.float64)
    cluster_ids = np.asarray(cluster_ids)

    if not np.issubdtype(cluster_ids.dtype, np.integer):
        unique_clusters_orig = np.unique(cluster_ids)
        cluster_int = np.searchsorted(unique_clusters_orig, cluster_ids).astype(np.int64)
        unique_clusters = np.arange(len(unique_clusters_orig), dtype=np.int64)
    else:
        unique_clusters = np.unique(cluster_ids).astype(np.int64)
        cluster_int = cluster_ids.astype(np.int64)

    cluster_sums = _compute_cluster_sums_impl(
        np.ascontiguousarray(influence_func),
        np.ascontiguousarray(cluster_int),
        np.ascontiguousarray(unique_clusters),
    )

    return cluster_sums, unique_clusters


def multiplier_bootstrap(inf_func, biters, random_state=None):
    """Run the multiplier bootstrap using Mammen weights.

    Parameters
    ----------
    inf_func : ndarray
        Influence function matrix of shape (n, k).
    biters : int
        Number of bootstrap iterations.
    random_state : int, Generator, or None, default None
        Controls random number generation for reproducibility.

    Returns
    -------
    ndarray
        Bootstrap results matrix of shape (biters, k).
    """
    inf_func = np.asarray(inf_func, dtype=np.float64)
    if inf_func.ndim == 1:
        inf_func = inf_func.reshape(-1, 1)

    xp = get_backend()
    if xp is not np:
        return _multiplier_bootstrap_gpu(inf_func, biters, random_state)

    n = inf_func.shape[0]
    rng = np.random.default_rng(random_state)
    p_kappa = 0.5 * (1 + np.sqrt(5)) / np.sqrt(5)
    weights_matrix = rng.binomial(1, p_kappa, size=(biters, n)).astype(np.int8)

    return _multiplier_bootstrap_impl(np.ascontiguousarray(inf_func), weights_matrix)


def _multiplier_bootstrap_gpu(inf_func, biters, random_state=None):
    """Batched GPU multiplier bootstrap."""
    xp = get_backend()

    sqrt5 = float(np.sqrt(5))
    k1 = 0.5 * (1 - sqrt5)
    k2 = 0.5 * (1 + sqrt5)
    p_kappa = 0.5 * (1 + sqrt5) / sqrt5

    n = inf_func.shape[0]
    inf_gpu = xp.asarray(inf_func, dtype=xp.float64)

    rng = xp.random.default_rng(random_state)
    draws = rng.binomial(1, p_kappa, size=(biters, n))
    v = xp.where(draws == 1, k1, k2).astype(xp.float64)

    bres = (v @ inf_gpu) / n
    return to_numpy(bres)


def aggregate_by_cluster(inf_func, cluster):
    """Aggregate influence functions by cluster for clustered bootstrap.

    Parameters
    ----------
    inf_func : ndarray
        Influence function matrix of shape (n_units, k).
    cluster : ndarray
        Cluster identifiers for each unit.

    Returns
    -------
    cluster_mean_if : ndarray
        Mean influence function for each cluster, shape (n_clusters, k).
    n_clusters : int
        Number of unique clusters.
    """
    inf_func = np.asarray(inf_func, dtype=np.float64)
    if inf_func.ndim == 1:
        inf_func = inf_func.reshape(-1, 1)

    cluster = np.asarray(cluster)

    if not np.issubdtype(cluster.dtype, np.integer):
        unique_clusters_orig = np.unique(cluster)
        cluster_int = np.searchsorted(unique_clusters_orig, cluster).astype(np.int64)
        unique_clusters = np.arange(len(unique_clusters_orig), dtype=np.int64)
    else:
        unique_clusters = np.unique(cluster).astype(np.int64)
        cluster_int = cluster.astype(np.int64)

    n_clusters = len(unique_clusters)

    xp = get_backend()
    if xp is not np:
        return _aggregate_by_cluster_gpu(inf_func, cluster_int, n_clusters), n_clusters

    cluster_mean_if = _aggregate_by_cluster_impl(
        np.ascontiguousarray(inf_func),
        np.ascontiguousarray(cluster_int),
        np.ascontiguousarray(unique_clusters),
    )

    return cluster_mean_if, n_clusters


def _aggregate_by_cluster_gpu(inf_func, cluster_int, n_clusters):
    """GPU cluster aggregation using scatter-add."""
    xp = get_backend()
    inf_gpu = xp.asarray(inf_func, dtype=xp.float64)
    cluster_gpu = xp.asarray(cluster_int)

    unique_gpu = xp.unique(cluster_gpu)
    idx = xp.searchsorted(unique_gpu, cluster_gpu)

    k = inf_gpu.shape[1]
    sums = xp.zeros((n_clusters, k), dtype=xp.float64)
    counts = xp.zeros(n_clusters, dtype=xp.float64)

    for j in range(k):
        xp.add.at(sums[:, j], idx, inf_gpu[:, j])
    xp.add.at(counts, idx, 1.0)

    counts = xp.maximum(counts, 1.0)
    result = sums / counts[:, None]
    return to_numpy(result)


def gather_bootstrap_indices(sampled_cluster_ids, cluster_starts, cluster_counts):
    """Gather row indices for a bootstrap sample.

    Parameters
    ----------
    sampled_cluster_ids : ndarray
        Array of sampled cluster indices (with replacement).
    cluster_starts : ndarray
        Starting row index for each cluster.
    cluster_counts : ndarray
        Number of rows in each cluster.

    Returns
    -------
    ndarray
        Row indices for the bootstrap sample.
    """
    return _gather_bootstrap_indices_impl(
        np.ascontiguousarray(sampled_cluster_ids.astype(np.int64)),
        np.ascontiguousarray(cluster_starts.astype(np.int64)),
        np.ascontiguousarray(cluster_counts.astype(np.int64)),
    )


def compute_column_std(matrix):
    """Compute column-wise standard deviation ignoring NaNs.

    Parameters
    ----------
    matrix : ndarray
        2D array of shape (n_samples, n_columns).

    Returns
    -------
    ndarray
        Standard deviation for each column.
    """
    xp = get_backend()
    if xp is not np:
        m = xp.asarray(matrix, dtype=xp.float64)
        return to_numpy(xp.nanstd(m, axis=0, ddof=1))

    return _compute_column_std_impl(np.ascontiguousarray(matrix.astype(np.float64)))


# ---- harness (not part of the program) ----
ENTRY = "moderndid_kernels"


def moderndid_kernels(sigma, betahat, inf_func, cluster_int):
    res = {}
    n_pre, n_post = 4, 3
    n = n_pre + n_post
    res["first_diff"] = create_first_differences_matrix(n_pre, n_post)
    res["second_diff"] = create_second_differences_matrix(n - 1, n + 1)
    res["bounds_sd"] = create_bounds_second_difference_matrix(n_pre, n_post)
    res["bounds_sd_short"] = create_bounds_second_difference_matrix(2, 2)
    res["monotone"] = create_monotonicity_matrix(n_pre, n_post)
    res["monotone_one_post"] = create_monotonicity_matrix(n_pre, 1)
    res["sdrm"] = create_sdrm_constraint_matrix(n_pre, n_post, 1.5, 0)
    res["sdrm_neg_keep"] = create_sdrm_constraint_matrix(n_pre, n_post, 0.5, -1, max_positive=False, drop_zero=False)
    A = res["sdrm"]
    res["sparsity"] = check_matrix_sparsity(A)
    res["sparsity_thr"] = check_matrix_sparsity(A, 1.5)
    res["rows_post"] = find_rows_with_post_period_values(A, [4, 5, 6])
    res["rows_none"] = find_rows_with_post_period_values(np.zeros((3, 7)), np.array([1, 2]))
    res["sel_cols"] = selection_matrix([1, 3, 7], n, select="columns")
    res["sel_rows"] = selection_matrix(np.array([2, 5]), n, select="rows")
    eta = np.zeros(n)
    eta[n_pre:] = 1.0 / n_post
    res["lee"] = lee_coefficient(eta, sigma)
    try:
        lee_coefficient(np.zeros(n), sigma)
        res["lee_zero"] = "no error"
    except ValueError as e:
        res["lee_zero"] = str(e)
    z = betahat - res["lee"] * np.dot(eta, betahat)
    b = np.linspace(0.5, 2.0, A.shape[0])
    res["bounds"] = compute_bounds(eta, sigma, A, b, z)
    res["quad"] = quadratic_form(betahat, sigma)
    res["theta_grid"] = prepare_theta_grid_y_values(betahat, eta, np.linspace(-1.0, 1.0, 9))
    res["dbar"] = compute_hybrid_dbar(0.7, np.linspace(0.1, 0.4, n), betahat, eta, 0.25)
    y = np.array([1.0, 0.0, -2.0, 1e-12, 4.0, 3.0, -0.5])
    res["safe_div"] = safe_divide(betahat, y)
    res["clip"] = clip_values(betahat, -0.3, 0.4)
    res["cluster_sums"] = compute_cluster_sums(inf_func[:, 0], cluster_int)
    labels = np.array(["c%d" % (c % 5) for c in cluster_int])
    res["cluster_sums_str"] = compute_cluster_sums(inf_func[:, 1], labels)
    res["agg_cluster"] = aggregate_by_cluster(inf_func, cluster_int)
    res["agg_cluster_str"] = aggregate_by_cluster(inf_func[:, 2], labels)
    res["mboot"] = multiplier_bootstrap(inf_func, 40, random_state=7)
    counts = np.bincount(cluster_int)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    res["gather"] = gather_bootstrap_indices(np.array([3, 0, 3, 1, 5]), starts, counts)
    m = res["mboot"].copy()
    m[::4, 1] = np.nan
    m[:, 2] = np.nan
    m[1:, 0] = np.nan
    res["col_std"] = compute_column_std(m)
    res["col_std_full"] = compute_column_std(res["mboot"])
    return res


def inputs():
    n = 7
    i = np.arange(n)
    sigma = 0.05 * np.exp(-0.5 * np.abs(i[:, None] - i[None, :])) + 0.01 * np.eye(n)
    betahat = np.array([0.02, -0.05, 0.01, 0.0, 0.3, 0.45, 0.52])
    rng = np.random.default_rng(0)
    inf_func = rng.standard_normal((30, 3))
    cluster_int = np.sort(rng.integers(0, 6, size=30))
    return (sigma, betahat, inf_func, cluster_int)
