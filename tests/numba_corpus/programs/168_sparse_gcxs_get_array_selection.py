# Source: pydata/sparse sparse/_compressed/indexing.py
# Licence: BSD-3-Clause (sparse, LICENSE; Copyright (c) 2018, Sparse developers)
# Notes: the general fancy-indexing path of GCXS (compressed sparse, CSR-like) __getitem__: for each selected row (starts/ends from the index pointer) binary-search every requested column with np.searchsorted in the row's slice of sorted column indices, collecting hits in reflected lists (`indices = []`, `inds = []`, .append, .extend) while writing the new index pointer in place; `for i, (start, end) in enumerate(zip(starts, ends))` with tuple unpacking, `continue` on empty rows, `not (s >= current_row.size or current_row[s] != col[c])`, np.array(list, dtype=np.int64) and np.array(list), fancy indexing arr_data[ind_list], a 3-tuple returned; @numba.jit(nopython=True, nogil=True); left out: the plain-Python getitem driver and the imports only it uses (numbers, itertools, collections.abc, the relative imports of _slicing and convert)
import numpy as np
import numba


@numba.jit(nopython=True, nogil=True)
def get_array_selection(
    arr_data, arr_indices, indptr, starts, ends, col
):  # pragma: no cover
    """
    This is a very general algorithm to be used when more optimized methods don't apply.
    It performs a binary search for each of the requested elements.
    Consequently it roughly scales by O(n log nnz per row) where n is the number of requested elements and
    nnz per row is the number of nonzero elements in that row.
    """
    indices = []
    ind_list = []
    for i, (start, end) in enumerate(zip(starts, ends)):
        inds = []
        current_row = arr_indices[start:end]
        if len(current_row) == 0:
            indptr[i + 1] = indptr[i]
            continue
        for c in range(len(col)):
            s = np.searchsorted(current_row, col[c])
            if not (s >= current_row.size or current_row[s] != col[c]):
                s += start
                inds.append(s)
                indices.append(c)
        ind_list.extend(inds)
        indptr[i + 1] = indptr[i] + len(inds)
    ind_list = np.array(ind_list, dtype=np.int64)
    indices = np.array(indices)
    data = arr_data[ind_list]
    return (data, indices, indptr)

# ---- harness (not part of the program) ----
ENTRY = "get_array_selection"


def inputs():
    # what getitem computes for x[rows, cols] on a 2-D GCXS array with
    # compressed_axes=(0,) (CSR), shape (80, 120), density 0.1: the stored
    # data and sorted intp column indices, a fresh intp index pointer for
    # the 25 selected rows with indptr[0] = 0, starts/ends of those rows
    # (x.indptr[:-1][rows], x.indptr[1:][rows]; one selected row is empty),
    # and the 30 requested columns as an intp array
    rng = np.random.default_rng(0)
    n_rows, n_cols = 80, 120
    dense = np.where(rng.random((n_rows, n_cols)) < 0.1,
                     rng.standard_normal((n_rows, n_cols)), 0.0)
    dense[13] = 0.0
    nz_rows, nz_cols = np.nonzero(dense)
    data = dense[nz_rows, nz_cols]
    x_indices = nz_cols.astype(np.intp)
    x_indptr = np.zeros(n_rows + 1, dtype=np.intp)
    np.cumsum(np.bincount(nz_rows, minlength=n_rows), out=x_indptr[1:])
    rows = np.sort(rng.choice(n_rows, 25, replace=False))
    rows[0] = 13
    rows = np.sort(rows)
    cols = np.sort(rng.choice(n_cols, 30, replace=False)).astype(np.intp)
    starts = x_indptr[:-1][rows]
    ends = x_indptr[1:][rows]
    indptr = np.empty(rows.size + 1, dtype=np.intp)
    indptr[0] = 0
    return (data, x_indices, indptr, starts, ends, cols)
