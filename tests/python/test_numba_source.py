"""Functions written for Numba run under @weft.jit as pasted: np./math.
prefixes, NumPy type names, docstrings, for loops over rows, enumerate and
zip, zeros_like and cumsum; the results are NumPy's."""
import math

import numpy as np

import weft


@weft.jit(parallel=True)
def row_norms(X):
    """Euclidean norm of each row (a docstring, as Numba code has)."""
    out = np.empty(X.shape[0], dtype=np.float64)
    for i, row in enumerate(X):
        s = 0.0
        for x in row:
            s += x * x
        out[i] = math.sqrt(s)
    return out


@weft.jit
def weighted(a, w):
    total = 0.0
    for x, y in zip(a, w):
        total += x * y
    return total


@weft.jit
def running(a):
    out = np.zeros_like(a)
    c = np.cumsum(a)
    for i in range(a.shape[0]):
        out[i] = c[i] - math.fabs(a[i])
    return out


def test_rows_and_enumerate():
    X = np.arange(12.0).reshape(4, 3)
    np.testing.assert_allclose(row_norms(X), np.linalg.norm(X, axis=1),
                               rtol=1e-15)


def test_zip_stops_at_the_shortest():
    a = np.arange(5.0)
    w = np.array([1.0, -1.0, 2.0])
    assert weighted(a, w) == 0.0 * 1 - 1.0 + 2.0 * 2


def test_like_and_cumsum():
    a = np.array([1.5, -2.0, 3.0])
    np.testing.assert_array_equal(running(a),
                                  np.cumsum(a) - np.abs(a))
