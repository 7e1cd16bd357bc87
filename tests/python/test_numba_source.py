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


@weft.jit
def _square(x):
    return x * x


@weft.jit("f8(f8[:])", nopython=True,
          cache=True)
def sum_of_squares(a):
    """Calls another jitted function, as Numba code does."""
    s = 0.0
    for x in a:
        s += _square(x)
    return s


@weft.jit
def moments(a):
    return a.sum(), (a * a).sum(), a - a.mean(), (a.shape[0], a.argmax())


def test_jitted_functions_call_each_other():
    a = np.array([1.0, 2.0, 3.0])
    assert sum_of_squares(a) == 14.0
    assert _square(3.0) == 9.0
    assert sum_of_squares.__doc__.startswith("Calls another")
    assert sum_of_squares.__name__ == "sum_of_squares"


def test_tuple_results():
    a = np.array([1.0, 2.0, 6.0])
    s, q, centred, (n, k) = moments(a)
    assert (s, q, n, k) == (9.0, 41.0, 3, 2)
    np.testing.assert_array_equal(centred, a - 3.0)
    assert isinstance(n, int)


STEPS = 3
RATE = 0.5
LIMIT = -float("inf")
USE_RATE = True


@weft.jit
def decay(x):
    # Module globals are frozen at compile time, as Numba does.
    for _ in range(STEPS):
        if USE_RATE and x > LIMIT:
            x = x * RATE
    return x


def test_module_globals_are_constants():
    assert decay(8.0) == 1.0


@weft.vectorize(["f8(f8, f8)", "i8(i8, i8)"], target="parallel")
def clipped_add(x, y):
    if x + y > 10:
        return 10
    return x + y


def test_vectorize_on_arrays_and_numbers():
    a = np.arange(8.0)
    np.testing.assert_array_equal(clipped_add(a, a), np.minimum(a + a, 10))
    np.testing.assert_array_equal(clipped_add(a, 1.0), np.minimum(a + 1, 10))
    assert clipped_add(3, 4) == 7


def test_misspelt_options_are_errors():
    import pytest
    with pytest.raises(TypeError, match="weft.jit has no option 'paralel'; "
                                        "did you mean 'parallel'"):
        weft.jit(paralel=True)
    with pytest.raises(TypeError, match="has no option 'targt'"):
        weft.vectorize(targt="parallel")
    # Numba's options that Weft code does not need are accepted.
    weft.jit(nopython=True, nogil=True, cache=True, error_model="python")


@weft.jit
def _divide(x, y):
    return x / y


@weft.jit
def _pick(a, i):
    return a[[i]][0]


def test_runtime_errors_are_pythons():
    import pytest
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        _divide(1.0, 0.0)
    with pytest.raises(weft.RuntimeError):
        _divide(1.0, 0.0)
    with pytest.raises(IndexError, match="index 7 is out of bounds"):
        _pick(np.arange(3.0), 7)
    assert issubclass(weft.ValueError, ValueError)
    assert issubclass(weft.ValueError, weft.WeftError)


# A global tuple of arrays of several lengths (sunposition's coefficient
# tables), frozen as Numba freezes it.
_TABLES = (np.array([[1.0, 0.5]]), np.array([[2.0, 0.0], [3.0, 1.0]]))


@weft.jit
def _table_sums(x):
    out = np.zeros(len(_TABLES))
    for i, rows in enumerate(_TABLES):
        for a, b in rows:
            out[i] += a * np.cos(b * x)
    return out


def test_global_tuple_of_arrays():
    x = 0.3
    expected = [1.0 * np.cos(0.5 * x), 2.0 + 3.0 * np.cos(x)]
    np.testing.assert_allclose(_table_sums(x), expected, rtol=1e-15)
