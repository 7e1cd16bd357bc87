"""Forms of published Numba code Weft refused or got wrong: the int64
least literal in the NaN test by int(x) (polars_ta), a conditional
expression picking between tuples holding arrays (lamberthub), NumPy's
one-letter dtype codes (astype("d")), np.nan_to_num of a number and with
its keywords, np.arcsinh/arccosh/arctanh, and dispatcher.compile(sig)
with disable_compile() (interval-evidence). The expected values are
Python's and NumPy's (as Numba 0.56 gives them)."""
import math

import numpy as np

import weft
from weft import numba as weft_numba


def test_nan_test_by_the_least_int64():
    @weft.jit(fastmath=True)
    def isnan(x):
        if int(x) == -9223372036854775808:
            return True
        else:
            return False

    @weft.jit(fastmath=True)
    def zip_sum(a, b):
        for i in range(1, a.shape[0]):
            if isnan(a[i]):
                a[i] = a[i - 1] + b[i - 1]
        return a

    a = np.array([0.5, np.nan, 2.0, np.nan, np.nan])
    assert zip_sum(a, np.ones(5)).tolist() == [0.5, 1.5, 2.0, 3.0, 4.0]


def test_conditional_tuples_holding_arrays():
    @weft.jit
    def pick(a, b, s, prograde):
        x, y, z = (-s, -a, -b) if prograde is False else (s, a, b)
        w = (a, (s, 1)) if s > 0 else (b, (2.0, 3))
        return x, y.sum(), z[0], w[0][0], w[1]

    a, b = np.arange(3.0), np.ones(3)
    assert pick(a, b, 2.0, False) == (-2.0, -3.0, -1.0, 0.0, (2.0, 1))
    assert pick(a, b, -2.0, True) == (-2.0, 3.0, 1.0, 1.0, (2.0, 3))


def test_one_letter_dtype_codes():
    @weft.jit
    def norm(v):
        return np.linalg.norm(v.astype("d")), v.astype("f").dtype == \
            np.float32, v.astype("i").dtype == np.int32, \
            v.astype("B").dtype == np.uint8

    assert norm(np.array([3, 4])) == (5.0, True, True, True)


def test_nan_to_num_of_numbers_and_with_keywords_and_inverse_hyperbolics():
    @weft.jit
    def f(x, a):
        return (np.nan_to_num(x), np.nan_to_num(a, nan=-1.0, posinf=5.0),
                np.nan_to_num(3), np.arcsinh(0.5), np.arccosh(1.5),
                np.arctanh(a[3:]))

    a = np.array([np.nan, np.inf, -np.inf, 0.5])
    x, b, n, s, c, t = f(np.nan, a)
    assert x == 0.0 and n == 3
    assert b.tolist() == [-1.0, 5.0, -np.finfo(np.float64).max, 0.5]
    assert s == math.asinh(0.5) and c == math.acosh(1.5)
    assert t.tolist() == [math.atanh(0.5)]


def test_dispatcher_compile_with_a_signature():
    shim = weft_numba.module()

    @weft.jit
    def half(a):
        return a // 2

    half.compile(shim.float64(shim.float64))
    half.disable_compile()
    # (float64: 3 comes in as 3.0, and 3.0 // 2 is a float)
    assert half(3) == 1.0 and isinstance(half(3), float)
