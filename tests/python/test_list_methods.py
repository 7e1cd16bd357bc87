"""A Python list's append, extend and pop in jitted functions, checked
against the same functions run by CPython (py_func): the values, the
lengths, the IndexError of popping an empty list, and the programs whose
meaning a list held by value would change, which are refused."""
import numpy as np
import pytest

import weft
from weft import prange


@weft.jit
def primes(n):
    ps = []
    for k in range(2, n):
        isp = True
        for p in ps:
            if p * p > k:
                break
            if k % p == 0:
                isp = False
                break
        if isp:
            ps.append(k)
    return ps


@weft.jit
def ints_then_floats(n):
    out = []
    for i in range(n):
        if i % 2 == 0:
            out.append(i)
        else:
            out.append(i * 0.25)
    return out


@weft.jit
def stack_walk(n):
    st = [n]
    total = 0
    while st:
        x = st.pop()
        total += x
        if x > 1:
            st.append(x // 2)
            st.append(x // 3)
    return total


@weft.jit
def extended(n):
    a = [1.0, 2.0]
    b = []
    for i in range(n):
        b.append(i * 1.5)
    a.extend(b)
    a.extend(np.arange(3.0))
    a.extend(a)
    return a


@weft.jit
def pops_in_expressions(n):
    a = []
    for i in range(n):
        a.append(i * 1.0)
    b = a.pop() + 1
    total = 0.0
    total += a.pop()
    if a.pop() > 3:
        total += 100
    a.pop(-1)
    return a.pop(), b, total, len(a)


@weft.jit
def long_list(n):
    out = []
    for i in range(n):
        out.append(i)
    s = 0
    for x in out:
        s += x
    return s, len(out), out[-1]


@weft.jit(parallel=True)
def per_row(m):
    out = np.zeros(m.shape[0])
    for i in prange(m.shape[0]):
        acc = []
        for j in range(m.shape[1]):
            if m[i, j] > 0.5:
                acc.append(m[i, j])
        s = 0.0
        for v in acc:
            s += v
        out[i] = s + len(acc)
    return out


@weft.jit
def unique_in_order(a):
    seen = []
    for x in a:
        if x not in seen:
            seen.append(x)
    small = 0
    for x in seen:
        if x in (0, 1, 2):
            small += 1
    return seen, small


@weft.jit
def edits(n):
    a = list(range(n))
    a.insert(0, -1)
    a.insert(-2, 100)
    a.insert(1000, 7)
    a.insert(-1000, 8)
    b = a.pop(0) + a.pop(-2) + a.pop(len(a) // 2)
    a.remove(100)
    a.reverse()
    c = a.index(a[2]) * 10 + a.count(7) + [1.0, 2.0, 1.0].count(1)
    d = sorted(a)
    e = sorted(a, reverse=True)
    f = list()
    f.append(2.5)
    f.clear()
    f.append(1.5)
    return a, b, c, d, e, f, list(np.arange(3)), sorted([3, 1, 2])


@weft.jit
def equalities(n):
    # Lists compare as wholes, as Python's (not element by element).
    a = [1.0, 2.0, 3.0]
    d = []
    for i in range(n):
        d.append(i + 1)
    return (a == [1, 2, 3], a != [1, 2, 3], a == [1.0, 2.0], d == [1, 2, 3],
            a == 3, d != 1)


def as_python(x):
    if isinstance(x, tuple):
        return tuple(as_python(v) for v in x)
    if isinstance(x, (list, np.ndarray)):
        return [v.item() if hasattr(v, "item") else v for v in x]
    return x


@pytest.mark.parametrize("f, args", [
    (primes, (60,)),
    (ints_then_floats, (7,)),
    (stack_walk, (1000,)),
    (extended, (3,)),
    (extended, (0,)),
    (pops_in_expressions, (10,)),
    (long_list, (1000000,)),
    (unique_in_order, (np.array([3, 1, 3, 0, 7, 1, 2, 2]),)),
    (equalities, (3,)),
    (equalities, (2,)),
    (edits, (6,)),
    (edits, (11,)),
])
def test_list_methods_match_cpython(f, args):
    assert as_python(f(*args)) == as_python(f.py_func(*args))


def test_lists_private_to_prange_iterations():
    m = np.random.default_rng(1).random((50, 40))
    expected = [sum(v for v in row if v > 0.5) + sum(row > 0.5)
                for row in m]
    assert np.allclose(per_row(m), expected, rtol=1e-12)


@weft.jit
def pop_at(n, i):
    a = list(range(n))
    return a.pop(i)


@weft.jit
def remove_missing(n):
    a = list(range(n))
    a.remove(n)
    return a


@weft.jit
def index_missing(n):
    a = list(range(n))
    return a.index(n + 1)


def test_list_edit_errors_are_python_errors():
    assert pop_at(5, -5) == 0 and pop_at(5, 4) == 4
    with pytest.raises(IndexError, match="pop index out of range"):
        pop_at(5, 5)
    with pytest.raises(IndexError, match="pop index out of range"):
        pop_at(5, -6)
    with pytest.raises(ValueError, match="x not in list"):
        remove_missing(3)
    with pytest.raises(ValueError, match="not in list"):
        index_missing(3)


def test_pop_of_an_empty_list_raises_index_error():
    @weft.jit
    def pop_twice(n):
        a = [1.0]
        a.pop()
        return a.pop()

    with pytest.raises(IndexError, match="pop from empty list"):
        pop_twice(1)


@weft.jit
def grows_parameter(lst):
    lst.append(1.0)
    return lst


@weft.jit
def second_name(n):
    a = []
    b = a
    a.append(1.0)
    return b


@weft.jit
def grows_while_looping(n):
    a = [1.0]
    for x in a:
        a.append(x)
    return a


@weft.jit
def never_appended(n):
    a = []
    return len(a)


@weft.jit
def read_before_pop(n):
    a = [1.0]
    return len(a) + a.pop()


@pytest.mark.parametrize("f, arg, message", [
    (second_name, 1, "second name for a list"),
    (grows_while_looping, 1, "changes inside a for loop over it"),
    (never_appended, 1, "cannot tell what this empty list holds"),
    (read_before_pop, 1, "reads 'a' before popping it"),
])
def test_list_programs_python_would_run_differently_are_refused(f, arg,
                                                                message):
    with pytest.raises(weft.CompileError, match=message):
        f(arg)


def test_list_growing_parameter_is_refused_from_python():
    # (called from a jitted function, the list is handed back: Numba's
    # reflected list; from Python the list would not grow)
    with pytest.raises(weft.CallError, match="grows or shrinks its list "
                       "parameter 'lst', which Weft supports in calls from "
                       "Weft functions only"):
        grows_parameter(np.zeros(1))


@weft.jit
def list_total(xs):
    s = 0.0
    for x in xs:
        s += x
    return s, len(xs), xs * 2


@weft.jit
def scale_in_place(xs, k):
    for i in range(len(xs)):
        xs[i] = xs[i] * k


def test_python_lists_as_arguments_are_lists_and_reflect_writes():
    # As Numba's reflected lists: a list inside (`xs * 2` repeats it), and
    # the elements the function writes are written back.
    s, n, twice = list_total([1.0, 2.5, 3.0])
    assert (s, n, list(twice)) == (6.5, 3, [1.0, 2.5, 3.0] * 2)
    assert list_total([1, 2])[0] == 3.0
    b = [1, 2, 3]
    scale_in_place(b, 3)
    assert b == [3, 6, 9] and all(type(v) is int for v in b)
    c = [0.5, 1.5]
    scale_in_place(c, 2.0)
    assert c == [1.0, 3.0]
    with pytest.raises(weft.CallError, match="holds numbers, bools or tuples"):
        list_total([[[1.0]], [[2.0]]])


@weft.jit
def order_in_place(xs, descending):
    if descending:
        xs.sort(reverse=True)
    else:
        xs.reverse()


def test_list_arguments_sorted_and_reversed_in_place():
    a = [3.0, 1.0, 2.0]
    order_in_place(a, True)
    assert a == [3.0, 2.0, 1.0]
    order_in_place(a, False)
    assert a == [1.0, 2.0, 3.0]
