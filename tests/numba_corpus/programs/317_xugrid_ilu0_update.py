# Source: Deltares/xugrid xugrid/ugrid/interpolate.py (at commit 006c276e), with MatrixCOO, MatrixCSR, nzrange, row_slice and columns_and_values from xugrid/core/sparse.py and FloatDType, IntDType, FloatArray, IntArray from xugrid/constants.py (both at commit 09351729)
# Licence: MIT (xugrid, LICENSE; Copyright (c) Deltares)
# Notes: the zero fill-in incomplete LU (ILU0) factorisation that preconditions the conjugate-gradient solve of xugrid's Laplace interpolation over an unstructured mesh (unstructured grids / meshes): _update (@nb.njit) takes two typing.NamedTuple arguments, an ILU0Preconditioner (n, m, CSR indptr/uptr/indices, data, diagonal and work arrays) and a MatrixCSR, fills the work row from zip(A.indices[slice], A.data[slice]) pairs returned by the inline="always" helper columns_and_values with slice objects made by row_slice / lower_slice / upper_slice, eliminates with the rows above the diagonal, guards a zero or sign-flipped pivot with np.sign, stores 1/pivot and scatters the row into ilu.data over a range object returned by nzrange, all in place. Pasted: interpolate.py's __future__, typing, numba, numpy and scipy.sparse imports (sparse.py's own typing, numpy and scipy imports name the same things and are not repeated), the jitted lower_slice, upper_slice, set_uptr, _update and _solve and the ILU0Preconditioner class; sparse.py's numba import block, the MatrixCOO and MatrixCSR NamedTuples and its three jitted helpers; the four dtype/array-type lines of constants.py in place of the `from xugrid.constants import ...` lines; left out: interpolate.py's warnings and scipy.spatial imports and its plain-Python laplace_interpolate and nearest_interpolate, and the rest of constants.py; the harness builds what laplace_interpolate builds for an 8 x 8 grid of cells with rook connectivity and about 30% of the cells holding data (identity rows for those, minus-row-sum diagonals elsewhere), computes uptr as set_uptr would and passes the preconditioner and matrix with delta = relax = 0 as from_csr_matrix does (data, diagonal and work as zeros instead of np.empty; _update overwrites all three)
from __future__ import annotations

from typing import NamedTuple, Tuple

import numba as nb
import numpy as np
from scipy import sparse

FloatDType = np.float64
IntDType = np.intp

FloatArray = np.ndarray
IntArray = np.ndarray

try:
    import numba
except ImportError:
    from xugrid.constants import NoOpNumba as numba


class MatrixCOO(NamedTuple):
    """
    A sparse matrix in COOrdinate format, also known as the "ijv" or "triplet"
    format. More or less matches the scipy.sparse.coo_matrix.

    NamedTuple for easy ingestion by numba.

    Parameters
    ----------
    data: np.ndarray of floats
        The regridding weights.
    row: np.ndarray of integers
        The linear index into the source grid.
    col: np.ndarray of integers
        The linear index into the target grid.
    n: int
        The number of rows.
    m: int
        The number of columns.
    nnz: int
        The number of non-zero values.
    """

    data: FloatArray
    row: IntArray
    col: IntArray
    n: int
    m: int
    nnz: int

    @staticmethod
    def from_triplet(row, col, data, n=None, m=None) -> "MatrixCOO":
        if n is None:
            n = row.max() + 1
        if m is None:
            m = col.max() + 1
        nnz = data.size
        return MatrixCOO(data, row, col, n, m, nnz)

    def to_csr(self) -> "MatrixCSR":
        """
        Convert COO matrix to CSR matrix.

        Assumes the COO matrix indices are already sorted by row number!
        """
        i = np.cumsum(np.bincount(self.row, minlength=self.n))
        indptr = np.empty(i.size + 1, dtype=IntDType)
        indptr[0] = 0
        indptr[1:] = i
        return MatrixCSR(
            self.data,
            self.col,
            indptr,
            self.n,
            self.m,
            self.nnz,
        )


class MatrixCSR(NamedTuple):
    """
    Compressed Sparse Row matrix. The row indices are compressed; all values
    must therefore be sorted by row number. More or less matches the
    scipy.sparse.csr_matrix.

    NamedTuple for easy ingestion by numba.

    Parameters
    ----------
    data: np.ndarray of floats
        The values of the matrix.
    indices: np.ndarray of integers
        The column numbers of the CSR format.
    indptr: inp.ndarray of integers
        The row index CSR pointer array.
        Values for row i (target index i) are stored in:
        indices[indptr[i]: indptr[i + 1]]
    n: int
        The number of rows.
    m: int
        The number of columns.
    nnz: int
        The number of non-zero values.
    """

    data: FloatArray
    indices: IntArray
    indptr: IntArray
    n: int
    m: int
    nnz: int

    @staticmethod
    def from_csr_matrix(A: sparse.csr_matrix) -> "MatrixCSR":
        n, m = A.shape
        return MatrixCSR(A.data, A.indices, A.indptr, n, m, A.nnz)

    @staticmethod
    def from_triplet(
        row,
        col,
        data,
        n=None,
        m=None,
    ) -> "MatrixCSR":
        return MatrixCOO.from_triplet(row, col, data, n, m).to_csr()

    def to_coo(self) -> MatrixCOO:
        """
        Convert CSR matrix to COO matrix.

        Expand the indtpr to full row numbers.
        """
        n_repeat = np.diff(self.indptr)
        row = np.repeat(np.arange(self.n), n_repeat)
        return MatrixCOO(self.data, row, self.indices, self.n, self.m, self.nnz)


@numba.njit(inline="always")
def nzrange(A: MatrixCSR, row: int) -> range:
    """Return the non-zero indices of a single row."""
    start = A.indptr[row]
    end = A.indptr[row + 1]
    return range(start, end)


@numba.njit(inline="always")
def row_slice(A, row: int) -> slice:
    """Return the indices or data slice of a single row."""
    start = A.indptr[row]
    end = A.indptr[row + 1]
    return slice(start, end)


@numba.njit(inline="always")
def columns_and_values(A, slice):
    return zip(A.indices[slice], A.data[slice])


@nb.njit(inline="always")
def lower_slice(ilu, row: int) -> slice:
    return slice(ilu.indptr[row], ilu.uptr[row])


@nb.njit(inline="always")
def upper_slice(ilu, row: int) -> slice:
    return slice(ilu.uptr[row], ilu.indptr[row + 1])


@nb.njit
def set_uptr(ilu: ILU0Preconditioner) -> None:
    # i is row index, j is column index
    for i in range(ilu.n):
        for nzi in nzrange(ilu, i):
            j = ilu.indices[nzi]
            if j > i:
                ilu.uptr[i] = nzi
                break
    return


@nb.njit
def _update(ilu: ILU0Preconditioner, A: MatrixCSR, delta: float, relax: float):
    """
    Perform zero fill-in incomplete lower-upper (ILU0) factorization
    using the values of A.
    """
    ilu.work[:] = 0.0
    visited = np.full(ilu.n, False)

    # i is row index, j is column index, v is value.
    for i in range(ilu.n):
        for j, v in columns_and_values(A, row_slice(A, i)):
            visited[j] = True
            ilu.work[j] += v

        rs = 0.0
        for j in ilu.indices[lower_slice(ilu, i)]:
            # Compute row multiplier
            multiplier = ilu.work[j] * ilu.diagonal[j]
            ilu.work[j] = multiplier
            # Perform linear combination
            for jj, vv in columns_and_values(ilu, upper_slice(ilu, j)):
                if visited[jj]:
                    ilu.work[jj] -= multiplier * vv
                else:
                    rs += multiplier * vv

        diag = ilu.work[i]
        multiplier = (1.0 + delta) * diag - (relax * rs)
        # Work around a zero-valued pivot
        if (np.sign(multiplier) != np.sign(diag)) or (multiplier == 0):
            multiplier = np.sign(diag) * 1.0e-6
        ilu.diagonal[i] = 1.0 / multiplier

        # Reset work arrays, assign off-diagonal values
        visited[i] = False
        ilu.work[i] = 0.0
        for nzi in nzrange(ilu, i):
            j = ilu.indices[nzi]
            ilu.data[nzi] = ilu.work[j]
            ilu.work[j] = 0.0
            visited[j] = False

    return


@nb.njit
def _solve(ilu: ILU0Preconditioner, r: np.ndarray):
    r"""
    LU \ r

    Stores the result in the pre-allocated work array.
    """
    ilu.work[:] = 0.0

    # forward
    for i in range(ilu.n):
        value = r[i]
        for j, v in columns_and_values(ilu, lower_slice(ilu, i)):
            value -= v * ilu.work[j]
        ilu.work[i] = value

    # backward
    for i in range(ilu.n - 1, -1, -1):
        value = ilu.work[i]
        for j, v in columns_and_values(ilu, upper_slice(ilu, i)):
            value -= v * ilu.work[j]
        ilu.work[i] = value * ilu.diagonal[i]

    return


class ILU0Preconditioner(NamedTuple):
    """
    Preconditioner based on zero fill-in lower-upper (ILU0) factorization.

    Data is stored in compressed sparse row (CSR) format. The diagonal
    values have been extracted for easier access. Upper and lower values
    are stored in CSR format. Next to the indptr array, which identifies
    the start and end of each row, the uptr array has been added to
    identify the start to the right of the diagonal. In case the row to the
    right of the diagonal is empty, it contains the end of the rows as
    indicated by the indptr array.

    Parameters
    ----------
    n: int
        Number of rows
    m: int
        Number of columns
    indptr: np.ndarray of int
        CSR format index pointer array of the matrix
    uptr: np.ndarray of int
        CSR format index pointer array of the upper elements (diagonal or higher)
    indices: np.ndarray of int
        CSR format index array of the matrix
    data: np.ndarray of float
        CSR format data array of the matrix
    diagonal: np.ndarray of float
        Diagonal values of LU factorization
    work: np.ndarray of float
        Work array. Used in factorization and solve.
    """

    n: int
    m: int
    indptr: IntArray
    uptr: IntArray
    indices: IntArray
    data: FloatArray
    diagonal: FloatArray
    work: FloatArray

    @property
    def shape(self) -> Tuple[int, int]:
        return (self.n, self.m)

    @property
    def dtype(self):
        return self.data.dtype

    @staticmethod
    def from_csr_matrix(
        A: sparse.csr_matrix, delta: float = 0.0, relax: float = 0.0
    ) -> "ILU0Preconditioner":
        # Create a copy of the sparse matrix with the diagonals removed.
        n, m = A.shape
        coo = A.tocoo()
        i = coo.row
        j = coo.col
        offdiag = i != j
        ii = i[offdiag]
        indices = j[offdiag]
        indptr = sparse.csr_matrix((indices, (ii, indices)), shape=A.shape).indptr

        ilu = ILU0Preconditioner(
            n=n,
            m=m,
            indptr=indptr,
            uptr=indptr[1:].copy(),
            indices=indices,
            data=np.empty(indices.size),
            diagonal=np.empty(n),
            work=np.empty(n),
        )
        set_uptr(ilu)

        _update(ilu, MatrixCSR.from_csr_matrix(A), delta, relax)
        return ilu

    def update(self, A, delta=0.0, relax=0.0) -> None:
        _update(self, MatrixCSR.from_csr_matrix(A), delta, relax)
        return

    def matvec(self, r) -> FloatArray:
        _solve(self, r)
        return self.work

    def __repr__(self) -> str:
        return f"ILU0Preconditioner of type {self.dtype} and shape {self.shape}"
# ---- harness (not part of the program) ----
ENTRY = "_update"


def inputs():
    # the coefficient matrix laplace_interpolate builds (use_weights=False)
    # for an 8 x 8 grid of cells, rook neighbours, ~30% of cells with data
    rng = np.random.default_rng(0)
    nr = nc = 8
    n = nr * nc
    rows, cols = [], []
    for r in range(nr):
        for c in range(nc):
            k = r * nc + c
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < nr and 0 <= cc < nc:
                    rows.append(k)
                    cols.append(rr * nc + cc)
    i = np.array(rows)
    j = np.array(cols)
    weights = np.ones(i.size)
    constant = rng.random(n) < 0.3
    nonzero = ~(constant[i] | constant[j])
    diagonal = -np.bincount(i, weights=weights, minlength=n)
    diagonal[constant] = 1.0
    ii = np.arange(n)
    w = np.concatenate([weights[nonzero], diagonal])
    i2 = np.concatenate([i[nonzero], ii])
    j2 = np.concatenate([j[nonzero], ii])
    A = sparse.csr_matrix((w, (i2, j2)), shape=(n, n))
    A.sort_indices()
    # ILU0Preconditioner.from_csr_matrix, with set_uptr done in NumPy
    coo = A.tocoo()
    offdiag = coo.row != coo.col
    ri = coo.row[offdiag]
    indices = coo.col[offdiag]
    indptr = sparse.csr_matrix((indices, (ri, indices)), shape=A.shape).indptr
    uptr = indptr[1:].copy()
    for r in range(n):
        for nzi in range(indptr[r], indptr[r + 1]):
            if indices[nzi] > r:
                uptr[r] = nzi
                break
    ilu = ILU0Preconditioner(
        n=n,
        m=n,
        indptr=indptr,
        uptr=uptr,
        indices=indices,
        data=np.zeros(indices.size),
        diagonal=np.zeros(n),
        work=np.zeros(n),
    )
    csr = MatrixCSR(A.data, A.indices, A.indptr, n, n, A.nnz)
    return (ilu, csr, 0.0, 0.0)
