"""Python's + and * of lists whose elements are lists, arrays or strs, and
lst += / lst *= on a local list, checked against CPython running the same
functions (py_func): a list of lists repeats and joins its rows (it was
computed elementwise, as its array would be), and typed empty lists keep
the item type List.empty_list names."""
import numpy as np
import pytest
from numba import types
from numba.typed import List

import weft


@weft.jit
def _repeat_rows(n):
    return [np.ones(2)] * n, [[1, 2]] * n, [[1, 2]] + [[3, 4]], n * [[5]]


@pytest.mark.parametrize("n", [0, 1, 3, -2])
def test_lists_of_lists_repeat_and_join_their_rows(n):
    got, want = _repeat_rows(n), _repeat_rows.py_func(n)
    assert len(got[0]) == len(want[0]) == max(n, 0)
    assert all(np.array_equal(g, w) for g, w in zip(got[0], want[0]))
    assert got[1:] == want[1:]


@weft.jit
def _cells(n):
    faces = ["triangle"] + ["quadrilateral"] * n + ["triangle"]
    pairs = 2 * ["x", "yz"]
    rows = [[1, 2], [3]] * 2 + [[4], [5, 6]]
    return faces, pairs, rows, len(["q"] * -1)


def test_lists_of_strs_and_of_rows_of_any_lengths():
    assert _cells(2) == _cells.py_func(2) == (
        ["triangle", "quadrilateral", "quadrilateral", "triangle"],
        ["x", "yz", "x", "yz"], [[1, 2], [3], [1, 2], [3], [4], [5, 6]], 0)


@weft.jit
def _grown_in_place(n):
    a = [1, 2]
    a += [3]
    b = [[1, 2]]
    b += [[3, 4]]
    s = ["a"]
    s += ["b", "c"]
    s *= n
    r = [[1], [2, 3]]
    r += [[4]]
    c = [0.5]
    c *= n
    return a, b, s, r, c


def test_augmented_assignment_extends_and_repeats_a_local_list():
    assert _grown_in_place(2) == _grown_in_place.py_func(2) == (
        [1, 2, 3], [[1, 2], [3, 4]], ["a", "b", "c", "a", "b", "c"],
        [[1], [2, 3], [4]], [0.5, 0.5])


@weft.jit
def _rows_of_two_lengths():
    return [[1, 2]] + [[3]]


def test_joining_rows_of_two_lengths_is_a_clear_error():
    with pytest.raises(ValueError, match="joining lists whose rows have "
                       "different lengths"):
        _rows_of_two_lengths()


def test_a_parameter_is_not_extended_by_augmented_assignment():
    @weft.jit
    def grow(lst):
        lst += [1]
        return lst

    with pytest.raises(weft.CompileError, match="makes a longer list in "
                       "Python; write lst = lst \\+ ... for the new list"):
        grow([0])


@weft.jit
def _count(names):
    return len(names)


@weft.jit
def _empty_typed_lists():
    a = List.empty_list(types.string)
    b = List.empty_list(item_type=types.float64)
    return _count(List.empty_list(types.unicode_type)), len(a), len(b)


def test_an_empty_typed_list_keeps_its_item_type():
    assert _empty_typed_lists() == (0, 0, 0)
