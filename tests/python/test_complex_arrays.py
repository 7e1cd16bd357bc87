"""complex128 NumPy arrays go into jitted functions and come back out
(views included), with the values NumPy computes."""
import numpy as np
import pytest
import weft
from weft import f64  # noqa: F401 (used in annotations)


@weft.jit
def escape_counts(c, n):
    z = np.zeros(c.shape, dtype=np.complex128)
    count = np.zeros(c.shape, dtype=np.int64)
    for k in range(n):
        for i in range(c.shape[0]):
            if abs(z[i]) <= 2.0:
                z[i] = z[i] * z[i] + c[i]
                count[i] += 1
    return z, count


@weft.jit
def shifted(z, s):
    return z * s - 1j


@weft.jit
def magnitudes(z):
    return np.abs(z)


def test_complex_in_and_out():
    c = np.linspace(-2.0, 1.0, 9) + 0.5j
    z, count = escape_counts(c, 30)
    rz, rcount = escape_counts.py_func(c, 30)  # the same code in Python
    assert z.dtype == np.complex128
    np.testing.assert_array_equal(count, rcount)
    np.testing.assert_array_equal(z, rz)


def test_complex_views_and_abs():
    c = (np.arange(12.0) - 5.0j * np.arange(12.0)).reshape(3, 4)
    s = shifted(c[:, ::2], 2.0)
    assert s.dtype == np.complex128 and s.shape == (3, 2)
    np.testing.assert_array_equal(s, c[:, ::2] * 2.0 - 1j)
    m = magnitudes(c.T)
    assert m.dtype == np.float64
    # C's hypot, as Python's abs(z) and Numba; NumPy's SIMD loop may be an
    # ulp away
    np.testing.assert_allclose(m, np.abs(c.T), rtol=1e-15)


@weft.jit
def julia(col, Z, c):
    for k in range(col):
        Z = Z * Z + c
    return np.exp(-np.abs(Z))


@weft.jit
def half(x: f64) -> f64:
    return x / 2


def test_complex_numbers_as_arguments():
    x = np.linspace(-1.5, 1.5, 12)
    X, Y = np.meshgrid(x, x)
    Z = X + Y * 1j
    c = -.745429 + .11308j
    with np.errstate(all="ignore"):
        np.testing.assert_allclose(julia(6, Z, c), julia.py_func(6, Z, c),
                                   rtol=1e-11)
    # a real number for a complex parameter, NumPy's complex128 scalars
    z = np.zeros(3, dtype=np.complex128)
    np.testing.assert_array_equal(shifted(z, 2), np.full(3, -1j))
    np.testing.assert_array_equal(shifted(z + 1, np.complex128(1j)),
                                  np.full(3, 0j))
    with pytest.raises(weft.CallError, match="must be f64, the host "
                       "passed complex"):
        half(1j)


@weft.jit
def square(z):
    return z * z


@weft.jit
def parts(z, x):
    return z + x, abs(z), z.conjugate()


def test_complex_results():
    assert square(1 + 2j) == -3 + 4j
    assert square(3) == 9
    assert parts(1j, 2.0) == (2 + 1j, 1.0, -1j)
    for _ in range(3):  # the prepared-call path, then the general one
        r = square(np.complex128(2j))
        assert isinstance(r, complex) and r == -4 + 0j
