"""Results that may be None (Numba's optional types) come back to Python
as None or the number, on both call paths."""
import numpy as np
import pytest

import weft


@weft.jit
def positive_or_none(x):
    if x > 0:
        return x
    return None


@weft.jit
def index_of(a, v):
    for i in range(a.shape[0]):
        if a[i] == v:
            return i


def test_optional_result():
    assert positive_or_none(3) == 3
    assert positive_or_none(-1) is None
    assert positive_or_none(2.5) == 2.5


def test_falls_off_end_is_none():
    import numpy as np
    a = np.arange(5) * 2
    assert index_of(a, 6) == 3
    assert index_of(a, 7) is None


@weft.jit
def shoot(c0, n):
    # QuantEcon's shooting: None on an infeasible guess, else two arrays.
    if c0 > 5.0:
        return None
    c = np.empty(n)
    k = np.empty(n)
    for t in range(n):
        c[t] = c0 + t
        k[t] = c0 * t
    return c, k


@weft.jit
def shoot_sum(c0, n):
    c, k = shoot(c0, n)  # used as its value: a TypeError when None
    return c.sum() + k[-1]


@weft.jit
def doubled_or_none(a, mode):
    if mode == 0:
        return a * 2.0
    elif mode == 1:
        return None
    # (the end: None too)


@weft.jit
def sum_or_minus_one(a, mode):
    r = doubled_or_none(a, mode)
    if r is None:
        return -1.0
    return r.sum()


@weft.jit
def first_index(a, v):
    for i in range(a.shape[0]):
        if a[i] == v:
            return i
    return None


@weft.jit
def cleared(a, v):
    j = first_index(a, v)  # Numba refuses an optional index; Weft checks it
    b = a.copy()
    b[j] = -1.0
    return b


def test_arrays_and_tuples_may_be_none():
    c, k = shoot(1.0, 3)
    np.testing.assert_array_equal(c, [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(k, [0.0, 1.0, 2.0])
    assert shoot(7.0, 3) is None
    np.testing.assert_array_equal(doubled_or_none(np.ones(2), 0), [2.0, 2.0])
    assert doubled_or_none(np.ones(2), 1) is None
    assert doubled_or_none(np.ones(2), 2) is None
    assert sum_or_minus_one(np.arange(3.0), 0) == 6.0
    assert sum_or_minus_one(np.arange(3.0), 1) == -1.0


def test_none_used_as_a_value_is_a_type_error():
    assert shoot_sum(1.0, 4) == 13.0
    with pytest.raises(TypeError, match=r"expected \(f64\[:\], f64\[:\]\), "
                       r"got None"):
        shoot_sum(9.0, 4)
    np.testing.assert_array_equal(cleared(np.arange(3.0), 1.0),
                                  [0.0, -1.0, 2.0])
    with pytest.raises(TypeError, match=r"expected i64, got None"):
        cleared(np.arange(3.0), 5.0)


# A local set to None and to a value elsewhere may be None, as Numba types
# it (sleepecg's `threshold = None` before the loop that sets it).
@weft.jit
def count_rising(n):
    lim = None
    c = 0
    for i in range(n):
        if i > 1 and i > lim:  # lim is set by then: read as its value
            c += 1
        lim = 0.5 * i
    return c


@weft.jit
def positive_part(x):
    r = None
    if x > 0:
        r = x
    return r


@weft.jit
def best_of(a):
    best = None
    for v in a:
        if best is None or v > best:
            best = v
    return best


@weft.jit
def array_or_none(c):
    x = None
    if c:
        x = np.arange(3.0)
    if x is None:
        return -1.0
    return x.sum()


@weft.jit
def descents_with_resets(a):
    last = None
    n = 0
    for v in a:
        if last is not None and v < last:
            n += 1
        last = v
        if v > 10:
            last = None
    return n


@weft.jit
def read_while_none():
    x = None
    for i in range(0):
        x = 1.0
    return x + 1.0


def test_locals_set_to_none():
    assert count_rising(10) == 8
    assert positive_part(3.0) == 3.0
    assert positive_part(-1.0) is None
    assert best_of(np.array([3.0, 5.0, 1.0])) == 5.0
    assert best_of(np.zeros(0)) is None
    assert array_or_none(True) == 3.0
    assert array_or_none(False) == -1.0
    assert descents_with_resets(np.array([3.0, 1.0, 11.0, 2.0, 1.0])) == 2


def test_local_read_while_none_raises_type_error():
    with pytest.raises(TypeError, match="got None"):
        read_while_none()


# A returned tuple whose elements may be None (f1tenth's first_p, first_i,
# first_t, None until an intersection is found): each element an optional.
@weft.jit
def first_hit(a, v):
    where = None
    value = None
    for i in range(a.shape[0]):
        if a[i] > v:
            where = i
            value = a[i]
            break
    return where, value, a.shape[0]


@weft.jit
def prefix_or_none(a, n):
    if n <= a.shape[0]:
        return a[:n].copy(), n
    return None, 0


@weft.jit
def hit_or_default(a, v):
    i, x, n = first_hit(a, v)
    if i is None:
        return -1.0
    return x + i + n


def test_tuples_of_optionals():
    a = np.array([1.0, 5.0, 3.0])
    for _ in range(2):  # (both call paths)
        assert first_hit(a, 2.0) == (1, 5.0, 3)
        assert first_hit(a, 9.0) == (None, None, 3)
    p, n = prefix_or_none(a, 2)
    np.testing.assert_array_equal(p, [1.0, 5.0])
    assert n == 2
    assert prefix_or_none(a, 7) == (None, 0)
    assert hit_or_default(a, 2.0) == 5.0 + 1 + 3
    assert hit_or_default(a, 9.0) == -1.0
