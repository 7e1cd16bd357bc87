# Source: computational-chemical-engineering/pymrm src/pymrm/numjac.py (at commit 0f9cf1b1)
# Licence: MIT (pymrm, CITATION.cff: license "MIT"; E.A.J.F. Peters, M. van Sint Annaland, Eindhoven University of Technology)
# Notes: the column grouping (a greedy colouring of structurally orthogonal columns, as in Curtis-Powell-Reid) that lets pymrm's NumJac estimate a sparse Jacobian of a discretised reactor model with one perturbed function evaluation per group: group_columns_by_non_overlap_numba (@njit) takes the CSC/CSR index arrays of T^T T, starts with every column in the sentinel group n (np.full), and while unassigned columns remain (J = np.where(g == n)[0], a `while len(J) > 0` loop rebinding J) marks the rows touched by the first one in a boolean array (np.zeros(n, dtype=np.bool_)) and adds every later column whose rows are still free, iterating `for k in J` over an array; it returns the tuple (g, groupnum). Pasted: the module docstring, `import numpy as np`, `from numba import njit, prange` and all the module's jitted functions (ravel_index_numba, unravel_index_numba, iterate_over_entries, group_columns_by_non_overlap_numba, precompute_perturbations_numba and compute_df, the last two @njit(parallel=True) with prange); left out: the plain-Python expand_dependencies, generate_sparsity_pattern, colgroup, stencil_block_diagonals, precompute_perturbations, compute_df2 and the NumJac class, with the scipy.sparse and scipy.sparse.csgraph imports that only they use; the harness passes what colgroup passes for the stencil of NumJac((30, 3)) with stencil_block_diagonals(ndims=2, axes_diagonals=[0], axes_blocks=[-1]) (30 cells, 3 fully coupled species, nearest-neighbour coupling between cells, as for a 1-D convection-diffusion-reaction model): the indptr and indices (int32, as SciPy stores them) of T^T T, T the 90 x 90 boolean sparsity pattern in CSC form
"""
numjac.py

This module provides utilities for computing numerical Jacobians for multidimensional arrays.
It includes functions for generating sparsity patterns, grouping columns by non-overlapping rows,
and precomputing perturbations for efficient Jacobian computation.

Key Features:
- Expand dependencies into a uniform list of tuples in PyMRM dependency notation.
- Generate sparsity patterns for stencil-based numerical Jacobians.
- Group columns of sparse matrices by non-overlapping rows for efficient computation.
- Precompute perturbed values and compute differences in function values for Jacobian estimation.
- A `NumJac` class for encapsulating numerical Jacobian computation with customizable stencils.

Dependencies:
- NumPy
- SciPy
- Numba

"""

import numpy as np
from numba import njit, prange


@njit
def ravel_index_numba(shape, index):
    """
    Convert a multidimensional index to a flat index.

    Parameters:
    - shape (tuple): Shape of the multidimensional array.
    - index (tuple): Multidimensional index.

    Returns:
    - int: Flat (linear) index.
    """
    lin_idx = 0
    for i in range(len(shape)):
        lin_idx = lin_idx * shape[i] + index[i]
    return lin_idx


@njit
def unravel_index_numba(lin_idx, shape):
    """
    Convert a flat (linear) index to a multidimensional index.

    Parameters:
    - lin_idx (int): Flat index.
    - shape (tuple): Shape of the multidimensional array.

    Returns:
    - np.ndarray: Multidimensional index.
    """
    idx = np.empty(len(shape), dtype=np.int64)
    for i in range(len(shape) - 1, -1, -1):
        idx[i] = lin_idx % shape[i]
        lin_idx //= shape[i]
    return idx


@njit
def iterate_over_entries(
    shape_in, shape_out, shape_rel, idx_in, idx_out, row_indices, col_indices, entry_idx
):
    """
    Iterate over all valid relative entries defined by shape_rel and fill row_indices and col_indices.

    Parameters:
    - shape_in (np.ndarray): Shape of the input array.
    - shape_out (np.ndarray): Shape of the output array.
    - shape_rel (np.ndarray): Shape of the relative axes.
    - idx_in (np.ndarray): Input position array.
    - idx_out (np.ndarray): Output position array.
    - row_indices (np.ndarray): Preallocated array for row indices.
    - col_indices (np.ndarray): Preallocated array for column indices.
    - entry_idx (int): Starting index in the row_indices/col_indices arrays.

    Returns:
    - int: Updated index after filling in entries.
    """
    num_dims = shape_in.size
    size_lin = 1
    for d in range(num_dims):
        size_lin *= shape_rel[d]

    out_idx = np.empty(num_dims, dtype=np.int64)
    in_idx = np.empty(num_dims, dtype=np.int64)

    current_idx = entry_idx
    for idx_lin in range(size_lin):
        idx_rel = unravel_index_numba(idx_lin, shape_rel)

        # Compute absolute indices for output and input
        for d in range(num_dims):
            # out position modulo shape
            out_idx[d] = (idx_out[d] + idx_rel[d]) % shape_out[d]
            # in position modulo shape
            in_idx[d] = (idx_in[d] + idx_rel[d]) % shape_in[d]

        # Convert multidimensional indices to linear form
        row_indices[current_idx] = ravel_index_numba(shape_out, out_idx)
        col_indices[current_idx] = ravel_index_numba(shape_in, in_idx)
        current_idx += 1

    return current_idx


@njit
def group_columns_by_non_overlap_numba(indptr, indices):
    """
    Group columns of a sparse matrix by non-overlapping rows.

    Parameters:
    - indptr (np.ndarray): Index pointer array of the sparse matrix.
    - indices (np.ndarray): Column indices of the sparse matrix.

    Returns:
    - tuple: (group array, number of groups).
    """
    n = indptr.size - 1
    g = np.full(n, n, dtype=np.int64)
    groupnum = 0
    J = np.arange(n)
    while len(J) > 0:
        g[J[0]] = groupnum
        col = np.zeros(n, dtype=np.bool_)
        for i in range(indptr[J[0]], indptr[J[0] + 1]):
            col[indices[i]] = True
        for k in J:
            if not col[k]:
                for i in range(indptr[k], indptr[k + 1]):
                    col[indices[i]] = True
                g[k] = groupnum
        J = np.where(g == n)[0]
        groupnum += 1
    return g, groupnum


@njit(parallel=True)
def precompute_perturbations_numba(c, dc, num_gr, gr):
    """
    Precompute perturbed values of the input array using Numba for numerical Jacobian computation.

    Parameters:
    - c (np.ndarray): Input array.
    - dc (np.ndarray): Perturbation array.
    - num_gr (int): Number of groups.
    - gr (np.ndarray): Group array.

    Returns:
    - np.ndarray: Perturbed values of the input array.
    """
    c_flat = c.ravel()
    dc_flat = dc.ravel()
    gr_flat = gr.ravel()
    c_size = c_flat.size

    c_perturb_flat = np.empty((num_gr, c_size), dtype=c.dtype)

    for k in prange(num_gr):
        for idx in range(c_size):
            c_perturb_flat[k, idx] = c_flat[idx]

    for idx in prange(c_size):
        c_perturb_flat[gr_flat[idx], idx] += dc_flat[idx]

    c_perturb = c_perturb_flat.reshape((num_gr,) + c.shape)
    return c_perturb


@njit(parallel=True)
def compute_df(f_value, perturbed_values, num_gr):
    """
    Compute the difference in function values for perturbed inputs.

    Parameters:
    - f_value (np.ndarray): Original function value.
    - perturbed_values (np.ndarray): Function values for perturbed inputs.
    - num_gr (int): Number of groups.

    Returns:
    - np.ndarray: Differences in function values.
    """
    df = np.empty(perturbed_values.shape)
    for k in prange(num_gr):
        df[k, ...] = perturbed_values[k, ...] - f_value
    return df
# ---- harness (not part of the program) ----
ENTRY = "group_columns_by_non_overlap_numba"


def inputs():
    # colgroup(rows, cols, shape=(90, 90)) for the stencil of
    # NumJac((30, 3)) with stencil_block_diagonals(ndims=2,
    # axes_diagonals=[0], axes_blocks=[-1]): each (cell, species) output
    # depends on all 3 species in the cell and its two neighbours; T is the
    # boolean CSC pattern, and TT = T^T T is what is grouped
    from scipy.sparse import csc_matrix
    ncell, nspec = 30, 3
    rows, cols = [], []
    for i in range(ncell):
        for a in range(nspec):
            for j in (i - 1, i, i + 1):
                if 0 <= j < ncell:
                    for b in range(nspec):
                        rows.append(i * nspec + a)
                        cols.append(j * nspec + b)
    rows = np.array(rows)
    cols = np.array(cols)
    n = ncell * nspec
    T = csc_matrix((np.ones(rows.shape, dtype=np.bool_), (rows, cols)),
                   shape=(n, n))
    TT = (T.transpose() @ T).tocsc()
    return (TT.indptr, TT.indices)
