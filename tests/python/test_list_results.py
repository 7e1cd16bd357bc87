"""Python lists returned from jitted functions come back as Python lists,
as Numba returns them: lists of numbers, of lists and of arrays, checked
against the same functions run by CPython (py_func), types included."""
import numpy as np
import pytest

import weft


@weft.jit
def evens_doubled(a):
    out = []
    for x in a:
        if x % 2 == 0:
            out.append(x * 2)
    return out


@weft.jit
def table(n):
    return [[i * j for j in range(3)] for i in range(n)]


@weft.jit
def flags(n):
    return [i % 3 == 0 for i in range(n)]


@weft.jit
def set_in_row(n):
    p = [[0.0 for j in range(3)] for i in range(n)]
    p[1][2] = 5.0
    row = p[0]
    row[1] = -1.0
    return p, row, p[1][2]


@weft.jit
def list_and_array(n):
    return [1.5 * i for i in range(n)], np.arange(n)


@pytest.mark.parametrize("f, args", [
    (evens_doubled, (np.arange(7),)),
    (evens_doubled, (np.arange(1),)),
    (table, (4,)),
    (table, (0,)),
    (flags, (5,)),
    (set_in_row, (2,)),
])
def test_lists_come_back_as_cpython_makes_them(f, args):
    got, want = f(*args), f.py_func(*args)
    assert got == want
    assert repr(got) == repr(want)  # element types too: 4 and not 4.0


def test_a_list_of_arrays_is_a_list_of_numpy_arrays():
    @weft.jit
    def rows(n):
        return [np.zeros(2) + i for i in range(n)]

    r = rows(3)
    assert type(r) is list and len(r) == 3
    assert all(type(x) is np.ndarray for x in r)
    assert np.array_equal(r[2], [2.0, 2.0])


def test_lists_and_arrays_in_one_tuple():
    lst, arr = list_and_array(3)
    assert lst == [0.0, 1.5, 3.0]
    assert type(arr) is np.ndarray and arr.tolist() == [0, 1, 2]


def test_a_row_of_a_list_of_lists_may_not_grow():
    @weft.jit
    def grow_row(n):
        p = [[0.0 for j in range(3)] for i in range(n)]
        row = p[0]
        row.append(1.0)
        return p

    with pytest.raises(weft.CompileError,
                       match="a list taken out of a list of lists may not "
                             "grow or shrink"):
        grow_row(2)


@weft.jit
def pairs(n):
    return [(i, i * 0.5) for i in range(n)]


@weft.jit
def rgb_grid(n):
    p = [[(0, 0, 0) for j in range(3)] for i in range(n)]
    p[1][2] = (1, 2, 3)
    p[0][-1] = (4, 5, 6)
    t = p[1][2]
    return p, t[0] + t[2], len(p), len(p[0])


@weft.jit
def odd_pairs(n):
    q = [(i, float(i)) for i in range(n) if i % 2 == 1]
    s = 0.0
    for k in range(len(q)):
        x, y = q[k]
        s += x * y
    return s, q


@weft.jit
def stored_ints_into_floats(n):
    q = [(0.0, i) for i in range(n)]
    q[n - 1] = (7, True)
    return q[-1], q


@pytest.mark.parametrize("f, args", [
    (pairs, (3,)),
    (pairs, (0,)),
    (rgb_grid, (2,)),
    (odd_pairs, (6,)),
    (odd_pairs, (0,)),
])
def test_lists_of_tuples_match_cpython(f, args):
    got, want = f(*args), f.py_func(*args)
    assert got == want
    assert repr(got) == repr(want)


@weft.jit(boundscheck=True)
def tuple_out_of_range(n):
    q = [(i, i) for i in range(n)]
    return q[n]


def test_a_list_of_tuples_keeps_its_field_types():
    # As Numba's: the numbers stored take the types of the fields.
    assert repr(stored_ints_into_floats(2)) == \
        "((7.0, 1), [(0.0, 0), (7.0, 1)])"


def test_a_list_of_tuples_checks_its_index():
    with pytest.raises(IndexError, match="list index 3 out of range"):
        tuple_out_of_range(3)


@weft.jit
def store_floats_into_ints(n):
    q = [(i, i) for i in range(n)]
    q[0] = (1.5, 2)
    return q


@weft.jit
def slice_of_tuples(n):
    q = [(i, i) for i in range(n)]
    return q[1, 0]


@weft.jit
def print_tuples(n):
    print([(i, i * 0.5) for i in range(n)], [(i, i > 0) for i in range(0)])


@pytest.mark.parametrize("f, message", [
    (store_floats_into_ints, r"cannot store a \(f64, i64\) into a list of "
                             r"\(i64, i64\)"),
    (slice_of_tuples, "takes one integer index or a slice so far"),
])
def test_list_of_tuples_limits_are_compile_errors(f, message):
    with pytest.raises(weft.CompileError, match=message):
        f(3)


def test_print_list_of_tuples_as_python(capfd):
    print_tuples(3)
    out = capfd.readouterr().out
    assert out == "[(0, 0.0), (1, 0.5), (2, 1.0)] []\n"


@weft.jit
def appended_pairs(n):
    q = []
    for i in range(n):
        q.append((i, i * 0.5))
    return q


@weft.jit
def widened_pairs(n):
    q = [(0, 0), (1, 2)]
    for i in range(n):
        q.append((i, i * 0.5))
    return q


@weft.jit
def tuple_worklist(n):
    st = [(n, 0)]
    total = 0
    while st:
        x, d = st.pop()
        total += x * d
        if x > 1:
            st.append((x // 2, d + 1))
            st.append((x // 3, d + 1))
    return total


@weft.jit
def bounded_walk(n):
    st = [(n, 1)]
    k = 0
    while st and k < 5:
        a, b = st.pop()
        k += 1
        if a > 0:
            st.append((a - 1, b * 2))
    return k, st


@weft.jit
def cleared(n):
    q = [(i, i) for i in range(n)]
    q.clear()
    q.append((5, 6))
    return q, len(q)


@pytest.mark.parametrize("f, args", [
    (appended_pairs, (4,)),
    (appended_pairs, (0,)),
    (tuple_worklist, (1000,)),
    (bounded_walk, (3,)),
    (bounded_walk, (10,)),
    (cleared, (3,)),
])
def test_lists_of_tuples_grow_and_shrink_as_cpython(f, args):
    got, want = f(*args), f.py_func(*args)
    assert got == want
    assert repr(got) == repr(want)


def test_appending_a_float_field_widens_the_field():
    # Numba's list of (int, int) takes an (int, float) as (int, float) too.
    assert repr(widened_pairs(2)) == \
        "[(0, 0.0), (1, 2.0), (0, 0.0), (1, 0.5)]"


@weft.jit
def pop_empty_pairs(n):
    q = [(i, i) for i in range(n)]
    return q.pop()


@weft.jit
def insert_pair(n):
    q = [(i, i) for i in range(n)]
    q.insert(0, (1, 2))
    return q


def test_list_of_tuples_methods_so_far():
    with pytest.raises(IndexError, match="pop from empty list"):
        pop_empty_pairs(0)
    with pytest.raises(weft.CompileError,
                       match=r"takes append\(t\), pop\(\), clear\(\), "
                             r"reverse\(\) and sort\(\) so far"):
        insert_pair(2)


@weft.jit
def weighted_total(q):
    s = 0.0
    for a, b in q:
        s += a * b
    return s, len(q), q[0]


@weft.jit
def set_first(q, v):
    q[0] = (v, v * 2.0)


def test_lists_of_tuples_from_python_are_reflected():
    q = [(1, 2.0), (3, 4.5)]
    assert weighted_total(q) == (15.5, 2, (1, 2.0))
    assert repr(weighted_total([(1, 2), (3, 4)])) == "(14.0, 2, (1, 2))"
    set_first(q, 7)
    assert repr(q) == "[(7, 14.0), (3, 4.5)]"  # written back, as Numba's
    with pytest.raises(weft.CallError, match="tuples of one length"):
        weighted_total([(1, 2), (3,)])


@weft.jit
def nested_displays(x):
    m = [[1.0, 2.0], [3.0, 4.0]]
    m[1][0] = -1.0
    a = np.array([[1, 2], [3, 4]]) @ np.array([1, 1])
    return m, a, np.array([x, x * 2]).sum(axis=0)


@weft.jit
def ragged(x):
    return np.array([x, x[:1]])


def test_nested_list_displays():
    m, a, s = nested_displays(np.arange(3.0))
    assert m == [[1.0, 2.0], [-1.0, 4.0]]
    assert a.tolist() == [3, 7] and s.tolist() == [0.0, 3.0, 6.0]
    with pytest.raises(ValueError, match="inhomogeneous shape"):
        ragged(np.arange(3.0))


@weft.jit
def tuple_slices(n):
    lst = [(i, i * 0.5) for i in range(n)]
    lst.append((9, 1.0))
    s = lst[1:]
    s[0] = (-1, -1.0)
    t = lst[::-2]
    s.append((5, 5.5))
    return lst, s, t, lst[:0]


def test_slices_of_lists_of_tuples_are_new_lists():
    assert repr(tuple_slices(4)) == repr(tuple_slices.py_func(4))


@weft.jit
def tuple_orders(n):
    lst = [((i * 7) % 5, i * 0.5) for i in range(n)]
    lst.append((2, -1.0))
    s = sorted(lst)
    r = sorted(lst, reverse=True)
    c = list(lst)
    lst.sort()
    c.reverse()
    lst.sort(reverse=True)
    empty = [(1, 2.0)]
    empty.pop()
    empty.sort()
    return lst, s, r, c, empty


def test_lists_of_tuples_sort_in_pythons_order():
    for n in (0, 1, 9):
        assert repr(tuple_orders(n)) == repr(tuple_orders.py_func(n))
