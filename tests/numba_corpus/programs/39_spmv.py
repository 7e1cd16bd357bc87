# Source: spcl/npbench npbench/benchmarks/spmv/spmv_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: sparse matrix-vector product in CSR form: slices by row pointers, fancy indexing x[cols], @

# Sparse Matrix-Vector Multiplication (SpMV)
import numpy as np
import numba as nb


# Matrix-Vector Multiplication with the matrix given in Compressed Sparse Row
# (CSR) format
@nb.jit(nopython=True, parallel=False, fastmath=True)
def spmv(A_row, A_col, A_val, x):
    y = np.empty(A_row.size - 1, A_val.dtype)

    for i in range(A_row.size - 1):
        cols = A_col[A_row[i]:A_row[i + 1]]
        vals = A_val[A_row[i]:A_row[i + 1]]
        y[i] = vals @ x[cols]

    return y

# ---- harness (not part of the program) ----
ENTRY = "spmv"


def inputs():
    # a random CSR matrix with uint32 row pointers and column indices, as
    # NPBench's initialize(M, N, nnz) (spmv.py) makes with scipy.sparse
    rng = np.random.default_rng(0)
    M, N = 400, 300
    dense = np.where(rng.random((M, N)) < 0.02, rng.random((M, N)), 0.0)
    counts = (dense != 0).sum(axis=1)
    rows = np.uint32(np.concatenate(([0], np.cumsum(counts))))
    cols = np.uint32(np.nonzero(dense)[1])
    vals = dense[dense != 0]
    x = rng.random((N, ))
    return (rows, cols, vals, x)
