"""Lists of lists and of tuples as Numba code uses them: np.array(lst)
of rows of one length (matchms's np.array(pairs.copy())), a list of
tuples' copy, comprehensions over a list of tuples, NumPy's positional side of
searchsorted and right of digitize, and `if not p:` of a parameter
passed None (pythermalcomfort's w_max). Python and NumPy are the
oracles."""
import numpy as np
import pytest

import weft


def pairs_and_rows(n, ragged):
    rows = []
    pairs = []
    for i in range(n):
        rows.append([i, 0.5 * i, i * i])
        pairs.append((i, 3 * i))
    if ragged:
        rows.append([1.0])
    firsts = [p[0] * 2 for p in pairs if p[1] > 2]
    seconds = [p[1] for p in pairs]
    kept = np.array(rows.copy())
    more = pairs.copy()
    more.append((-1, -1))
    return (np.array(rows), firsts, seconds, len(rows), kept.shape[0],
            kept[-1], len(pairs), len(more))


compiled = weft.jit(pairs_and_rows)


def test_list_of_lists_as_array_and_copies():
    got = compiled(5, False)
    want = pairs_and_rows(5, False)
    np.testing.assert_array_equal(got[0], want[0])
    assert got[0].shape == (5, 3)
    assert got[1:5] == want[1:5]
    np.testing.assert_array_equal(got[5], want[5])
    assert got[6:] == want[6:] == (5, 6)
    assert got[4] == 5


def test_rows_of_different_lengths_are_a_value_error():
    with pytest.raises(ValueError, match="inhomogeneous shape"):
        compiled(3, True)


@weft.jit
def search(a, v):
    return (np.searchsorted(a, v, "right"), np.searchsorted(a, v, "left"),
            np.digitize(v, a, True))


def test_positional_side_and_right():
    a = np.array([1.0, 2.0, 2.0, 3.0])
    v = np.array([2.0, 0.5, 3.0])
    got = search(a, v)
    want = (np.searchsorted(a, v, "right"), np.searchsorted(a, v, "left"),
            np.digitize(v, a, True))
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g, w)


@weft.jit
def wettedness(air_speed, w_max=None):
    if not w_max:
        w_max = 0.38 * air_speed
    return w_max


def test_not_of_none_is_true():
    assert wettedness(2.0) == 0.76
    assert wettedness(2.0, 0.5) == 0.5
