"""complex128 NumPy arrays go into jitted functions and come back out
(views included), with the values NumPy computes."""
import numpy as np
import pytest
import weft


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


def test_complex_scalar_argument_is_named():
    with pytest.raises(weft.CallError, match="complex"):
        shifted(np.zeros(2, dtype=np.complex128), 1j)
