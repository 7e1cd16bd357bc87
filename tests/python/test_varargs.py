"""`*args` parameters, as Numba takes them: the positional arguments
after the others are one tuple (of any types), from Python and from
jitted callers, passed on with `f(*args)` and `f(*args[1:])`."""

import numpy as np
import pytest

import weft
from weft import jit


@jit
def concat_jit(arr, *xs):
    # word2vec's helper: the numbers of xs, then arr's
    X = len(xs)
    A = len(arr)
    a2 = np.empty(A + X, dtype=np.uint32)
    for i in range(X):
        a2[i] = xs[i]
    for i in range(X, A + X):
        a2[i] = arr[i - X]
    return a2


def test_varargs_from_python_are_a_tuple():
    arr = np.array([7, 8, 9], dtype=np.int64)
    assert concat_jit(arr, 1, 2).tolist() == [1, 2, 7, 8, 9]
    assert concat_jit(arr).tolist() == [7, 8, 9]
    assert concat_jit(arr, 5).tolist() == [5, 7, 8, 9]


@jit
def apply(func, *args):
    return func(args[0] * 2, *args[1:])


@jit
def weighted(x, w, shift):
    return x * w + shift


@jit
def count(*args):
    return len(args)


@jit
def caller(a):
    # mixed types, packed by each call
    return (apply(weighted, a, 3.0, 1), count(), count(a, 1.5, a),
            concat_jit(np.arange(2), 4))


def test_varargs_from_jitted_callers_and_passed_on():
    a = np.array([1.0, 2.0])
    r, none, three, cat = caller(a)
    assert r.tolist() == [7.0, 13.0]
    assert (none, three) == (0, 3)
    assert cat.tolist() == [4, 0, 1]


@jit
def scaled_sum(scale, *arrays):
    total = 0.0
    for k in range(len(arrays)):
        total += arrays[k].sum()
    return total * scale


def test_varargs_of_arrays_and_keyword_arguments_before_them():
    a, b = np.ones(3), np.arange(4.0)
    assert scaled_sum(2.0, a, b) == 2.0 * (3 + 6)
    assert scaled_sum(0.5, b) == 3.0
