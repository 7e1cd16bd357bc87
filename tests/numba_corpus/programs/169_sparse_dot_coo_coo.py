# Source: pydata/sparse sparse/_coo/common.py
# Licence: BSD-3-Clause (sparse, LICENSE; Copyright (c) 2018, Sparse developers)
# Notes: sparse-times-sparse product of two sorted COO matrices (what sparse.dot / tensordot runs through _dot for COO @ COO, computing s1 @ s2.T): a dtype-memoized factory (_memoize_dtype, a functools.wraps closure keyed by dtype names) builds, per pair of dtypes, a @numba.jit(nopython=True, nogil=True, locals={"data_curr": numba.np.numpy_support.from_dtype(dtr)}) closure that captures the result dtype `dtr` from the factory's scope; the kernel is a three-level while-loop merge over the two coordinate arrays with `didx1 += c1 == k` (bool added to int), min() of two coordinates, reflected lists of (int, int) tuples and of scalars, an early return of np.empty((2, 0), dtype=np.intp) / np.empty((0,), dtype=dtr), and np.array(coords_out).T; the harness calls the factory the way _dot does (a float64 left and an int64 right operand, the right one transposed and sorted) and names the returned jitted function as the entry; left out: the module's other functions (tensordot, matmul, dot, kron, concatenate, stack, the other _dot_* factories, ...) and the imports only they use (itertools, operator, warnings, collections.abc, scipy.sparse, the relative imports of _sparse_array and _utils)
from functools import reduce, wraps

import numpy as np
import numba


def _memoize_dtype(f):
    """
    Memoizes a function taking in NumPy dtypes.

    Parameters
    ----------
    f : Callable

    Returns
    -------
    wrapped : Callable

    Examples
    --------
    >>> def func(dt1):
    ...     return object()
    >>> func = _memoize_dtype(func)
    >>> func(np.dtype('i8')) is func(np.dtype('int64'))
    True
    >>> func(np.dtype('i8')) is func(np.dtype('i4'))
    False
    """
    cache = {}

    @wraps(f)
    def wrapped(*args):
        key = tuple(arg.name for arg in args)
        if key in cache:
            return cache[key]

        result = f(*args)
        cache[key] = result
        return result

    return wrapped


@_memoize_dtype
def _dot_coo_coo_type(dt1, dt2):
    dtr = np.result_type(dt1, dt2)

    @numba.jit(
        nopython=True,
        nogil=True,
        locals={"data_curr": numba.np.numpy_support.from_dtype(dtr)},
    )
    def _dot_coo_coo(coords1, data1, coords2, data2):  # pragma: no cover
        """
        Utility function taking in two ``COO`` objects and calculating a "sense"
        of their dot product. Acually computes ``s1 @ s2.T``.

        Parameters
        ----------
        data1, coords1 : np.ndarray
            The data and coordinates of ``s1``.

        data2, coords2 : np.ndarray
            The data and coordinates of ``s2``.
        """
        coords_out = []
        data_out = []
        didx1 = 0
        data1_end = len(data1)
        data2_end = len(data2)

        while didx1 < data1_end:
            oidx1 = coords1[0, didx1]
            didx2 = 0
            didx1_curr = didx1

            while (
                didx2 < data2_end and didx1 < data1_end and coords1[0, didx1] == oidx1
            ):
                oidx2 = coords2[0, didx2]
                data_curr = 0

                while (
                    didx2 < data2_end
                    and didx1 < data1_end
                    and coords2[0, didx2] == oidx2
                    and coords1[0, didx1] == oidx1
                ):
                    c1 = coords1[1, didx1]
                    c2 = coords2[1, didx2]
                    k = min(c1, c2)
                    if c1 == k and c2 == k:
                        data_curr += data1[didx1] * data2[didx2]
                    didx1 += c1 == k
                    didx2 += c2 == k

                while didx2 < data2_end and coords2[0, didx2] == oidx2:
                    didx2 += 1

                if didx2 < data2_end:
                    didx1 = didx1_curr

                if data_curr != 0:
                    coords_out.append((oidx1, oidx2))
                    data_out.append(data_curr)

            while didx1 < data1_end and coords1[0, didx1] == oidx1:
                didx1 += 1

        if len(data_out) == 0:
            return np.empty((2, 0), dtype=np.intp), np.empty((0,), dtype=dtr)

        return np.array(coords_out).T, np.array(data_out)

    return _dot_coo_coo

# ---- harness (not part of the program) ----
# what _dot does for COO @ COO: pick the kernel for the two operands' dtypes
_dot_coo_coo = _dot_coo_coo_type(np.dtype(np.float64), np.dtype(np.int64))
ENTRY = "_dot_coo_coo"


def inputs():
    # a (40, 60) float64 COO matrix and a (60, 35) int64 COO matrix, both
    # with density 0.08; the right one is transposed (b.T, (35, 60)) as
    # _dot does, and both coordinate arrays (int64, shape (2, nnz)) are in
    # sorted row-major order, as COO keeps them
    rng = np.random.default_rng(0)
    a = np.where(rng.random((40, 60)) < 0.08, rng.standard_normal((40, 60)), 0.0)
    b = np.where(rng.random((60, 35)) < 0.08, rng.integers(-5, 6, (60, 35)), 0)
    bt = b.T
    coords1 = np.array(np.nonzero(a), dtype=np.int64)
    data1 = a[coords1[0], coords1[1]]
    coords2 = np.array(np.nonzero(bt), dtype=np.int64)
    data2 = bt[coords2[0], coords2[1]].astype(np.int64)
    return (coords1, data1, coords2, data2)
