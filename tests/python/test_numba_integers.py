"""Integers under Numba's rules: an integer to a negative integer power in
a function compiled from Python is Numba's integer, 1 / a ** -b truncated
(0, or +-1 for a base of +-1), and a zero base raises ZeroDivisionError
(spherical_functions' Wigner 3-j recursions divide by (-1) ** k this
way); np.uint64 and ints past int64 are uint64 arguments."""
import numpy as np
import pytest

import weft


@weft.jit
def _power(a, b):
    return a ** b


@pytest.mark.parametrize("a,b,expected", [
    (2, -1, 0), (7, -3, 0), (1, -5, 1), (-1, -3, -1), (-1, -2, 1),
    (3, 2, 9), (-2, 3, -8), (5, 0, 1)])
def test_numba_integer_powers(a, b, expected):
    got = _power(a, b)
    assert got == expected and isinstance(got, int)


def test_zero_to_a_negative_power_raises():
    with pytest.raises(ZeroDivisionError,
                       match="0 cannot be raised to a negative power"):
        _power(0, -2)


@weft.jit
def _alternating(n):
    s = 0
    for k in range(n):
        s += (-1) ** -k
    return s


def test_sign_alternation_in_a_loop():
    assert _alternating(5) == 1


@weft.jit
def _bits(x, k):
    return (x >> np.uint64(k)) & np.uint64(7), x


def test_uint64_arguments():
    # z7py's cell indices: Python ints past int64 and np.uint64 numbers
    # are uint64 arguments, as Numba types them
    assert _bits(13835058055282163711, 3) == (7, 13835058055282163711)
    assert _bits(np.uint64(12), 1) == (6, 12)
    with pytest.raises(OverflowError):
        _bits(2**64, 1)
