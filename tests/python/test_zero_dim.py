"""0-d arrays (np.asarray(x) of a number, a 0-d array passed from Python)
are held as their number, which has NumPy's ndim 0, shape (), size 1 and
item(): vectorbt's "flexible" helpers, which branch on a.ndim, work."""
import numpy as np
import pytest

import weft


@weft.jit
def flex_select(a, i, col):
    if a.ndim == 0:
        return a.item()
    if a.ndim == 1:
        return a[col]
    return a[i, col]


@weft.jit
def scaled_total(x, th):
    th = np.asarray(th)
    s = 0.0
    for i in range(3):
        s += flex_select(th, i, 1) * x
    return s


@weft.jit
def attributes(y):
    z = np.asarray(y)
    return z.ndim, z.size, len(z.shape), z.item() * 2


@weft.jit
def below(values, gamma):
    # ssqueezepy's phase transform: gamma comes as np.asarray(1e-3)
    n = 0
    for v in values:
        if abs(v) < gamma:
            n += 1
    return n


def test_numbers_are_zero_dim_arrays():
    assert scaled_total(2.0, 0.5) == scaled_total.py_func(2.0, 0.5) == 3.0
    assert scaled_total(2.0, np.arange(3.0)) == 6.0
    assert scaled_total(2.0, np.arange(6.0).reshape(3, 2)) == 18.0
    assert attributes(2.5) == (0, 1, 0, 5.0)


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64,
                                   np.int32])
def test_zero_dim_arrays_passed(dtype):
    th = np.asarray(3, dtype=dtype)
    for _ in range(3):  # the fast path too
        assert scaled_total(2.0, th) == scaled_total.py_func(2.0, th) == 18.0
    assert below(np.array([1e-4, 0.5, -2e-4]), np.asarray(1e-3)) == 2
