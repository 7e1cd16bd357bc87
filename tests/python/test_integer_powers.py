"""An integer to a negative integer power in a function compiled from
Python is Numba's integer: 1 / a ** -b truncated (0, or +-1 for a base of
+-1), and a zero base raises ZeroDivisionError (spherical_functions'
Wigner 3-j recursions divide by (-1) ** k this way)."""
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
