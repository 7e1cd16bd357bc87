"""A list index out of range raises IndexError, as Python's and Numba's
lists do, with or without boundscheck (an array's index is checked only
with boundscheck, as Numba's): reads, stores, += and lists of tuples and
of lists, from lists made in the function and lists passed from Python."""
import numpy as np
import pytest

import weft


@weft.jit
def _read(lst, i):
    return lst[i]


@weft.jit
def _store(i):
    out = [1.0, 2.0]
    out[i] = 5.0
    return out


@weft.jit
def _add(i):
    out = [1, 2, 3]
    out[i] += 1
    return out


@weft.jit
def _pair(i):
    out = [(1.0, 2), (3.0, 4)]
    x = out[i]
    out[i] = (x[0] + 1.0, x[1])
    return out


@weft.jit
def _nested(i, j):
    out = [[1.0, 2.0], [3.0, 4.0]]
    return out[i][j]


def test_indices_in_range_work_from_either_end():
    assert _read([1.0, 2.0, 3.0], -3) == 1.0
    assert _store(-1) == [1.0, 5.0]
    assert _add(2) == [1, 2, 4]
    assert _pair(-2) == [(2.0, 2), (3.0, 4)]
    assert _nested(1, -1) == 4.0


@pytest.mark.parametrize("call", [
    lambda: _read([1.0, 2.0, 3.0], 3),
    lambda: _read([1.0, 2.0, 3.0], -4),
    lambda: _read([], 0),
    lambda: _store(2),
    lambda: _add(-4),
    lambda: _pair(2),
    lambda: _nested(2, 0),
    lambda: _nested(0, 2),
])
def test_an_index_out_of_range_raises_index_error(call):
    with pytest.raises(IndexError, match="^list index -?[0-9]+ out of range \\(the list has [0-9]+ elements?\\)$"):
        call()
