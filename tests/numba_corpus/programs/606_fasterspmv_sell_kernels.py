# Source: YYCHEN-299/Scientific-Computing-Individual-Research-Project FasterSpMV/numba_spmv.py (at commit 0d54e275), FasterSpMV/matrix_tools.py (at commit 0d54e275)
# Licence: MIT (Scientific-Computing-Individual-Research-Project, LICENSE; Copyright (c) 2021 Yangyuan Chen)
# Notes: the Numba CPU kernels of FasterSpMV, a research project comparing sparse matrix-vector products in CSR and Sliced ELLPACK (SELL) formats across Numba, CUDA and OpenCL. FasterSpMV/numba_spmv.py is pasted whole: its commented-out llvmlite debug lines, numba_csr_spmv (a prange over rows with an inner range over uint32 row pointers), numba_sliced_ellpack_spmv (writes through a row view y[s, :] of a 2-D output, strided inner range), numba_sell_spmv (slice height 4 fixed, np.uint32 row index plus the loop counter), numba_sell_spmv_mark1 (slices of colidx/val per slice, returns y), numba_sliced_ellpack_spmv_mark2 (four unrolled float accumulators into a float32 array made with dtype='float32'), all @jit(nopython=True, parallel=True, fastmath=True[, nogil=True]), and numba_sliced_ellpack_spmv_h4, whose @jit decorator is commented out in the source, so it is plain Python (pasted but not called: its inner loop overwrites row_data instead of accumulating). From FasterSpMV/matrix_tools.py the plain-Python converters spmatrix_to_csr (list-of-lists to uint32 rowptr / colidx and float32 values) and csr_to_sellpack (CSR to Sliced ELLPACK with padding, a dict of the previous column per row, math.floor / math.ceil and a trailing partial slice) are pasted with the module imports; random_spmatrix (draws with the random module) and csr_to_sellpack_h4 (only feeds the non-jitted _h4 kernel) are left out. The harness builds a 38 x 29 integer sparse matrix with every row non-empty (random_spmatrix's value range, about 70% zeros), converts it to CSR and to SELL with slice heights 4 and 2, and runs every jitted kernel against a float32 vector, returning the outputs together with the dense product for reference
# ---- FasterSpMV/numba_spmv.py ----
import numba
import numpy as np
from numba import jit, prange, guvectorize


# import llvmlite.binding as llvm
# llvm.set_option('', '--debug-only=loop-vectorize')


@jit(nopython=True, parallel=True, fastmath=True)
def numba_csr_spmv(y, num_row, rowptr, colidx, val, x):
    """
    This function is multi thread CSR format based SpMV (y=Ax).

    Parameters
    ----------
    y : ndarrays
        Result of SpMV
    num_row : int
        Number of rows
    rowptr : ndarrays
        Row pointer of CSR format
    colidx : ndarrays
        Column index of CSR format
    val : ndarrays
        None zero elements value of CSR format
    x : ndarrays
        Vector x

    Returns
    -------
    y : ndarrays
        Result of SpMV

    Examples
    --------
    >>>
    """

    for i in prange(num_row):
        row_data = 0.0
        for j in range(rowptr[i], rowptr[i + 1]):
            row_data += val[j] * x[colidx[j]]
        y[i] = row_data


@jit(nopython=True, parallel=True, fastmath=True)
def numba_sliced_ellpack_spmv(y, slice_count, slice_ptr,
                              colidx, val, x, slice_height):
    """
    This function is multi thread Sliced ELLPACK format based SpMV (y=Ax).

    Parameters
    ----------
    y : ndarrays
        Result of SpMV
    slice_count : int
        Number of slices
    slice_ptr : ndarrays
        Slice pointer of Sliced ELLPACK format
    slice_col : ndarrays
        Column length of slices
    colidx : ndarrays
        Column index of Sliced ELLPACK format
    val : ndarrays
        None zero elements value of Sliced ELLPACK format
    x : ndarrays
        Vector x
    slice_height : int
        Slice height of Sliced ELLPACK format

    Returns
    -------
    y : ndarrays
        Result of SpMV

    Examples
    --------
    >>>
    """

    for s in prange(slice_count):
        ptr_start = slice_ptr[s]
        ptr_end = slice_ptr[s + 1]
        row_data = y[s, :]
        for k in range(slice_height):
            row = 0.0
            for i in range(ptr_start + k, ptr_end, slice_height):
                row += x[colidx[i]] * val[i]
            row_data[k] = row


@jit(nopython=True, parallel=True, nogil=True, fastmath=True)
def numba_sell_spmv(slice_count, slice_ptr, colidx, val, x, y):

    for s in prange(slice_count):
        ptr_start = slice_ptr[s]
        ptr_end = slice_ptr[s + 1]
        row_idx = np.uint32(s * 4)
        for r in range(4):
            row_data = 0.0
            for i in range(ptr_start + r, ptr_end, 4):
                row_data += x[colidx[i]] * val[i]
            y[row_idx + r] = row_data


@jit(nopython=True, parallel=True, nogil=True, fastmath=True)
def numba_sell_spmv_mark1(y, slice_count, slice_ptr, colidx, val, x, slice_height):

    for s in prange(slice_count):
        now_ptr = slice_ptr[s]
        next_ptr = slice_ptr[s + 1]
        ptr_len = next_ptr - now_ptr
        inner_colidx = colidx[now_ptr:next_ptr]
        inner_val = val[now_ptr:next_ptr]
        for r in range(slice_height):
            row_data = 0.0
            for i in range(r, ptr_len, slice_height):
                row_data += x[inner_colidx[i]] * inner_val[i]
            y[s * slice_height + r] = row_data

    return y


@jit(nopython=True, parallel=True, nogil=True, fastmath=True)
def numba_sliced_ellpack_spmv_mark2(slice_count, slice_ptr,
                                    colidx, val, x, slice_height):

    y = np.zeros(slice_count * slice_height, dtype='float32')
    for s in prange(slice_count):
        inner_y1 = 0.0
        inner_y2 = 0.0
        inner_y3 = 0.0
        inner_y4 = 0.0
        for idx in range(slice_ptr[s], slice_ptr[s + 1], slice_height):
            inner_y1 += x[colidx[idx + 0]] * val[idx + 0]
            inner_y2 += x[colidx[idx + 1]] * val[idx + 1]
            inner_y3 += x[colidx[idx + 2]] * val[idx + 2]
            inner_y4 += x[colidx[idx + 3]] * val[idx + 3]
        y[s * slice_height + 0] = inner_y1
        y[s * slice_height + 1] = inner_y2
        y[s * slice_height + 2] = inner_y3
        y[s * slice_height + 3] = inner_y4

    return y


# @jit(nopython=True, parallel=True, nogil=True, fastmath=True)
def numba_sliced_ellpack_spmv_h4(y, slice_count, slice_col, colidx, val, x):

    for s in range(slice_count):
        row_data = np.zeros(4, dtype=np.float32)
        for i in range(slice_col[s], slice_col[s + 1]):
            row_data = x[colidx[i]] * val[i]
        y[s, :] = row_data[:]

# ---- FasterSpMV/matrix_tools.py ----
import math
import random

import numpy as np


def spmatrix_to_csr(sp_matrix):
    """
    This function convert sparse matrix to CSR format.

    Parameters
    ----------
    sp_matrix : list
        Sparse matrix without any storage format

    Returns
    -------
    rowptr : ndarrays
        Row pointer of CSR format
    colidx : ndarrays
        Column index of CSR format
    val : ndarrays
        None zero elements value of CSR format
    """

    if not isinstance(sp_matrix, list):
        raise ValueError('The input matrix must be a list')

    n_row = len(sp_matrix)
    n_col = len(sp_matrix[0])

    rowptr = []
    colidx = []
    val = []
    nnz_count = 0

    for i in range(n_row):
        rowptr.append(nnz_count)
        for j in range(n_col):
            if sp_matrix[i][j] != 0:
                nnz_count += 1
                colidx.append(j)
                val.append(sp_matrix[i][j])
    rowptr.append(nnz_count)

    return np.array(rowptr, dtype=np.uint32), \
        np.array(colidx, dtype=np.uint32), np.array(val, dtype=np.float32)


def csr_to_sellpack(n_row, rowptr, colidx, val, slice_height):
    """
    This fucntion convert CSR format to Sliced ELLPACK format.

    Parameters
    ----------
    n_row : int
        Number of rows
    rowptr : ndarrays
        Row pointer of CSR format
    colidx : ndarrays
        Column index of CSR format
    val : ndarrays
        None zero elements value of CSR format
    slice_height : int
        Slice height of Sliced ELLPACK format

    Returns
    -------
    slice_count : int
        Number of slices
    ell_colidx : ndarrays
        Column index of Sliced ELLPACK format
    ell_sliceptr : ndarrays
        Slice pointer of Sliced ELLPACK format
    ell_slicecol : ndarrays
        Column length of a slice
    ell_val : ndarrays
        None zero elements value of CSR format
    """

    if slice_height < 0:
        raise ValueError('The slice height must > 0')

    N = len(rowptr) - 1  # number of rows
    slice_number = math.floor(N / slice_height)  # number of slices
    nnz_count = 0

    ell_colidx = []
    ell_sliceptr = []
    ell_slicecol = []
    ell_val = []

    for i in range(slice_number):
        max_nnz = 0
        for s in range(slice_height):
            col_count = rowptr[i * slice_height + s + 1] - \
                        rowptr[i * slice_height + s]
            max_nnz = max(max_nnz, col_count)

        ell_sliceptr.append(nnz_count)
        ell_slicecol.append(max_nnz)
        pre_idx = dict()
        for j in range(max_nnz):  # column-wise scan
            for k in range(slice_height):  # row-wise scan
                idx = i * slice_height + k  # row index
                now_ptr = rowptr[idx]  # start index of this row
                next_ptr = rowptr[idx + 1]  # start index of next row
                nnz_count += 1  # count non-zero number
                if now_ptr + j < next_ptr:
                    pre_idx[k] = colidx[now_ptr + j]
                    ell_colidx.append(colidx[now_ptr + j])
                    ell_val.append(val[now_ptr + j])
                else:
                    ell_colidx.append(pre_idx[k])
                    ell_val.append(0)  # padded zero

    if N % slice_height != 0:  # if have remainder
        now_row = slice_number * slice_height
        remain_rows = N - now_row
        max_nnz = 0
        for s in range(remain_rows):
            col_count = rowptr[now_row + s + 1] - rowptr[now_row + s]
            max_nnz = max(max_nnz, col_count)

        ell_sliceptr.append(nnz_count)
        ell_slicecol.append(max_nnz)
        pre_idx = dict()
        for j in range(max_nnz):  # column
            for k in range(slice_height):  # row
                nnz_count += 1  # count non-zero number
                if k >= remain_rows:
                    ell_colidx.append(0)
                    ell_val.append(0)  # padded zero
                else:
                    idx = now_row + k  # row index
                    now_ptr = rowptr[idx]  # start index of this row
                    next_ptr = rowptr[idx + 1]  # start index of next row
                    if now_ptr + j < next_ptr:
                        pre_idx[k] = colidx[now_ptr + j]
                        ell_colidx.append(colidx[now_ptr + j])
                        ell_val.append(val[now_ptr + j])
                    else:
                        ell_colidx.append(pre_idx[k])
                        ell_val.append(0)  # padded zero
    ell_sliceptr.append(nnz_count)

    slice_count = math.ceil(n_row / slice_height)
    return np.uint32(slice_count), \
        np.array(ell_colidx, dtype=np.uint32), \
        np.array(ell_sliceptr, dtype=np.uint32), \
        np.array(ell_slicecol, dtype=np.uint32), \
        np.array(ell_val, dtype=np.float32)


# ---- harness (not part of the program) ----
ENTRY = "spmv_suite"


def spmv_suite(dense, x):
    n_row = dense.shape[0]
    rowptr, colidx, val = spmatrix_to_csr(dense.tolist())
    y_csr = np.zeros(n_row, dtype=np.float32)
    numba_csr_spmv(y_csr, n_row, rowptr, colidx, val, x)
    sc4, ell_col4, ell_ptr4, ell_sc4, ell_val4 = csr_to_sellpack(
        n_row, rowptr, colidx, val, 4)
    sc2, ell_col2, ell_ptr2, ell_sc2, ell_val2 = csr_to_sellpack(
        n_row, rowptr, colidx, val, 2)
    y_ell4 = np.zeros((int(sc4), 4), dtype=np.float32)
    numba_sliced_ellpack_spmv(y_ell4, sc4, ell_ptr4, ell_col4, ell_val4, x, 4)
    y_ell2 = np.zeros((int(sc2), 2), dtype=np.float32)
    numba_sliced_ellpack_spmv(y_ell2, sc2, ell_ptr2, ell_col2, ell_val2, x, 2)
    y_sell = np.zeros(int(sc4) * 4, dtype=np.float32)
    numba_sell_spmv(sc4, ell_ptr4, ell_col4, ell_val4, x, y_sell)
    y_m1 = numba_sell_spmv_mark1(np.zeros(int(sc2) * 2, dtype=np.float32), sc2,
                                 ell_ptr2, ell_col2, ell_val2, x, 2)
    y_m2 = numba_sliced_ellpack_spmv_mark2(sc4, ell_ptr4, ell_col4, ell_val4,
                                           x, 4)
    ref = dense.astype(np.float32) @ x
    return (rowptr, colidx, val, ell_ptr4, ell_sc4, ell_col2, y_csr, y_ell4,
            y_ell2, y_sell, y_m1, y_m2, ref)


def inputs():
    rng = np.random.default_rng(0)
    n_row, n_col = 38, 29
    vals = rng.integers(0, 101, size=(n_row, n_col))
    dense = np.where(vals < 70, 0, vals)
    for i in range(n_row):
        j = (5 * i) % n_col
        if dense[i, j] == 0:
            dense[i, j] = 70 + (i % 31)
    x = rng.standard_normal(n_col).astype(np.float32)
    return (dense, x)
