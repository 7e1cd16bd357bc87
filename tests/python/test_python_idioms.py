"""Python idioms of Numba code, checked against CPython running the same
functions (py_func): raise, reversed(), a.flatten(), a.item(),
np.linalg.matrix_power."""
import heapq
import math
from heapq import heappop, heappush

import numpy as np
import pytest

import weft


@weft.jit
def checked_mean(x):
    if len(x) == 0:
        raise ValueError("mean of an empty array")
    return x.sum() / len(x)


@weft.jit
def pick(x, i):
    if i >= len(x):
        raise IndexError
    return x[i]


@weft.jit
def first_negative(x):
    for v in x:
        if v < 0:
            return v
    raise KeyError("no negative value")


def test_raise_raises_the_python_exception():
    assert checked_mean(np.array([1.0, 3.0])) == 2.0
    with pytest.raises(ValueError, match="mean of an empty array"):
        checked_mean(np.zeros(0))
    with pytest.raises(IndexError):
        pick(np.zeros(2), 5)
    assert first_negative(np.array([1.0, -2.0])) == -2.0
    with pytest.raises(KeyError, match="no negative value"):
        first_negative(np.array([1.0]))


@weft.jit
def backwards(x, a, b):
    out = []
    for i in reversed(range(len(x))):
        out.append(x[i] * 2)
    for i in reversed(range(a, b)):
        out.append(i * 1.0)
    for i in reversed(range(a, b, 3)):
        out.append(i * 1.0)
    for i in reversed(range(b, a, -2)):
        out.append(i * 1.0)
    for v in reversed(x):
        out.append(v)
    for k, v in enumerate(reversed(x[1:])):
        out.append(k * v)
    return out


@pytest.mark.parametrize("a, b", [(0, 7), (2, 3), (5, 1), (-3, 4)])
def test_reversed_loops_match_cpython(a, b):
    x = np.array([1.5, -2.0, 4.0, 0.25])
    assert backwards(x, a, b) == backwards.py_func(x, a, b)


@weft.jit
def flat_and_item(m):
    f = m.flatten()
    f[0] = 100.0  # a copy: m keeps its element
    return f, m[0, 0], m[1:2, 2:3].item(), np.linalg.matrix_power(m[:, :2], 5)


def test_flatten_item_and_matrix_power_match_numpy():
    m = np.arange(6.0).reshape(2, 3) - 1.0
    f, m00, one, p = flat_and_item(m)
    want = flat_and_item.py_func(m.copy())
    assert f.tolist() == want[0].tolist() and m00 == want[1] == -1.0
    assert one == want[2] and np.array_equal(p, want[3])
    with pytest.raises(ValueError, match="can only convert an array of size 1"):
        weft.jit(lambda_item)(m)


def lambda_item(m):
    return m.item()


WEIGHTS = (0.5, 1.5, -2.0)


@weft.jit
def horner(x):
    s = 0.0
    for w in WEIGHTS:
        s = s * x + w
    return s


@weft.jit
def item_of(t, i):
    return t[i]


def test_tuples_as_constants_loops_and_variable_indices():
    assert horner(2.0) == horner.py_func(2.0)
    assert item_of((4, 5, 6), -1) == 6
    with pytest.raises(IndexError, match="tuple index out of range"):
        item_of((4, 5, 6), 3)
    with pytest.raises(weft.CompileError,
                       match="a variable index needs a tuple of items of "
                             "one type"):
        item_of((4, 5.0), 0)


@weft.jit
def shadowing(sum, seed, max):
    # Variables named as builtins do not hide np.<name>.
    np.random.seed(seed)
    return np.sum(sum) + np.max(max)


def test_variables_do_not_hide_numpy_names():
    assert shadowing(np.arange(4.0), 3, np.array([2.0, 5.0])) == 11.0


@weft.jit
def with_helpers(x, k):
    scale = 2.0

    def term(v, p=1):
        return scale * v ** p + k

    def fill(out, i):
        out[i] = term(x[i], 2)

    total = 0.0
    for v in x:
        total += term(v)
    scale = -1.0  # read when called, as Python's closures do
    out = np.zeros(len(x))
    for i in range(len(x)):
        fill(out, i)
    return total, out, term(1.0)


def test_inner_functions_read_the_outer_variables_when_called():
    x = np.array([1.0, -2.0, 0.5])
    got, want = with_helpers(x, 3), with_helpers.py_func(x, 3)
    assert got[0] == want[0] and got[2] == want[2]
    assert got[1].tolist() == want[1].tolist()


@weft.jit
def narrow_scalars(v, f, a):
    return (np.uint8(v), np.int8(v), np.uint16(v), np.int16(v),
            np.uint32(v), np.uint8(f), np.int8(-f), np.uint8(a))


def test_narrow_integer_conversions_wrap_as_numpy_casts():
    a = np.array([250, 255, 256, 300, -1])
    for v in (300, -1, 70000, 5):
        got = narrow_scalars(v, 200.75, a)
        want = [np.array(v).astype(t).item()
                for t in (np.uint8, np.int8, np.uint16, np.int16, np.uint32)]
        assert list(got[:5]) == want
        assert got[5] == 200 and got[6] == 56  # NumPy: int8(-200.75) is 56
        assert got[7].dtype == np.uint8
        assert got[7].tolist() == a.astype(np.uint8).tolist()


@weft.jit
def math_integers(a, x):
    i = math.floor(x)
    return a[i] + a[math.ceil(x)], math.trunc(-x), math.floor(3), np.floor(x)


def test_math_floor_ceil_trunc_are_python_ints():
    got = math_integers(np.arange(5.0), 2.5)
    assert got == math_integers.py_func(np.arange(5.0), 2.5)
    assert [type(v) for v in got] == [float, int, int, float]


LUT = np.array([0.0, 0.5, 2.0, 4.5, 8.0])
IMG = np.arange(12, dtype=np.uint8).reshape(3, 4)
HALF = np.array([0.1, 0.2], dtype=np.float32)
FLAGS = np.array([True, False, True])


@weft.jit
def read_globals(idx):
    s = 0.0
    for i in idx:
        s += LUT[i]
    return s + IMG[1, 2] + HALF[0] + FLAGS.sum(), IMG.dtype == np.uint8


def test_global_arrays_are_frozen_as_numba_freezes_them():
    idx = np.array([1, 4, 4])
    assert read_globals(idx) == read_globals.py_func(idx)


@weft.jit
def store_through(a, idx, v, mask_value):
    out = a.copy()
    out[idx] = v
    out[out > 2.0] = mask_value
    return out


def test_arrays_stored_through_index_arrays_and_masks():
    a = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    idx = np.array([0, 4])
    got = store_through(a, idx, np.array([9.0, 5.0]), np.array([7.0, 8.0, 6.0]))
    want = store_through.py_func(a, idx, np.array([9.0, 5.0]),
                                 np.array([7.0, 8.0, 6.0]))
    assert got.tolist() == want.tolist()
    with pytest.raises(ValueError, match="shape mismatch"):
        store_through(a, idx, np.array([1.0, 2.0, 3.0]), np.array([7.0]))
    with pytest.raises(TypeError, match="boolean array indexing assignment"):
        store_through(a, idx, np.array([9.0, 5.0]), np.array([7.0, 8.0]))


@weft.jit
def eigenvalues(a):
    return np.linalg.eigvals(a)


def test_eig_of_a_matrix_with_complex_eigenvalues_is_numbas_error():
    assert eigenvalues(np.array([[4.0, 1.0], [2.0, 3.0]])).tolist() == [5.0, 2.0]
    with pytest.raises(ValueError, match="must not cause a domain change"):
        eigenvalues(np.array([[0.0, -1.0], [1.0, 0.0]]))


@weft.jit
def deleting(n):
    lst = [i * 1.5 for i in range(n)]
    del lst[2]
    del lst[-1]
    i = 0
    while i < len(lst):
        if lst[i] > 4.0:
            del lst[i]
        else:
            i += 1
    return lst


def test_del_of_a_list_element_removes_it():
    assert deleting(8) == deleting.py_func(8) == [0.0, 1.5]
    with pytest.raises(IndexError):
        deleting(2)


@weft.jit
def breadth_first_levels(adj, start):
    n = adj.shape[0]
    dist = np.full(n, -1)
    dist[start] = 0
    frontier = [start]
    while frontier:
        nxt = []
        for u in frontier:
            for v in range(n):
                if adj[u, v] and dist[v] < 0:
                    dist[v] = dist[u] + 1
                    nxt.append(v)
        frontier = nxt
    return dist


@weft.jit
def neighbours_sum(grid, i, j):
    total = 0.0
    for di, dj in ((1, 0), (0, 1), (-1, 0), (0, -1)):
        total += grid[i + di, j + dj]
    return total


def test_breadth_first_frontier_and_tuple_of_steps():
    adj = np.random.default_rng(0).random((40, 40)) < 0.08
    assert np.array_equal(breadth_first_levels(adj, 0),
                          breadth_first_levels.py_func(adj, 0))
    grid = np.arange(25.0).reshape(5, 5)
    assert neighbours_sum(grid, 2, 2) == neighbours_sum.py_func(grid, 2, 2)


@weft.jit
def windows(a, w):
    for i in range(a.shape[0] - w + 1):
        yield a[i:i + w]


@weft.jit
def pairs(a):
    for i in range(a.shape[0]):
        for j in range(i + 1, a.shape[0]):
            yield i, j, abs(a[i] - a[j])


@weft.jit
def closest_and_widest(a, w):
    best = (0, 0, np.inf)
    for i, j, d in pairs(a):
        if d < best[2]:
            best = (i, j, d)
    widest = -np.inf
    for win in windows(a, w):
        widest = max(widest, win.sum())
    return best, widest


@weft.jit
def comprehensions(a):
    index = {x: i for i, x in enumerate(a)}
    pairs_ = [(i, j) for i in range(3) for j in range(i)]
    rows = [r.sum() for r in a.reshape(-1, 2)]
    return index[a[1]], pairs_, rows


def test_generators_and_comprehensions_as_numba_runs_them():
    a = np.array([1.0, 5.0, 3.2, 9.0, 3.0, 4.0])
    assert closest_and_widest(a, 3) == closest_and_widest.py_func(a, 3)
    assert comprehensions(a) == comprehensions.py_func(a)
    # Called from Python, a jitted generator is Python's generator.
    assert [w.tolist() for w in windows(a, 5)] == [a[:5].tolist(),
                                                   a[1:].tolist()]


@weft.jit
def square_f(x):
    return x * x


@weft.jit
def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += (4.0 if i % 2 else 2.0) * f(a + i * h)
    return s * h / 3.0


@weft.jit
def integrals(n, k):
    shifted = lambda t: t * k + 1.0
    return (simpson(square_f, 0.0, 1.0, n), simpson(shifted, 0.0, 1.0, n),
            simpson(lambda t: t ** 3, 0.0, 2.0, n))


def test_functions_passed_to_functions_as_numba_takes_them():
    py = simpson.py_func
    assert integrals(10, 3.0) == (py(lambda t: t * t, 0.0, 1.0, 10),
                                  py(lambda t: t * 3.0 + 1.0, 0.0, 1.0, 10),
                                  py(lambda t: t ** 3, 0.0, 2.0, 10))
    # A jitted function passed from Python too.
    assert simpson(square_f, 0.0, 3.0, 12) == simpson.py_func(
        square_f.py_func, 0.0, 3.0, 12)


DIRS4 = ((-1, 0), (1, 0), (0, -1), (0, 1))


@weft.jit
def tuple_idioms(grid, a, b):
    s = 0.0
    for di, dj in DIRS4:
        s += grid[1 + di, 1 + dj]
    t = (a, b) + (a + b,)
    (lo, (i, j)), hi = (min(t), (1, 2)), max(t)
    return s, t, t < (a, b, 0), max(t), min(t), lo, i, j, hi


def test_tuple_idioms_as_python():
    grid = np.arange(9.0).reshape(3, 3)
    assert tuple_idioms(grid, 2, 5) == tuple_idioms.py_func(grid, 2, 5)


def test_numba_typed_list_is_a_list():
    typed = pytest.importorskip("numba.typed")
    List = typed.List  # noqa: F841 (read by the function's source)

    @weft.jit
    def build(n):
        lst = List()
        for i in range(n):
            lst.append(i * 1.5)
        copy = List(lst)
        return sum(lst), len(copy)

    assert build(4) == (9.0, 4)


@weft.jit
def k_smallest(a, k):
    h = [(0.0, 0)]
    h.pop()
    for i in range(len(a)):
        heappush(h, (-a[i], i))
        if len(h) > k:
            heapq.heappop(h)
    out = []
    while h:
        d, i = heappop(h)
        out.append(i)
    return out


def test_heapq_as_python():
    a = np.array([0.5, 0.1, 0.9, 0.3, 0.7, 0.2, 0.8])
    assert k_smallest(a, 3) == k_smallest.py_func(a, 3)


# isinstance() decided by the types a function is compiled for; of a
# parameter, before type checking, so that the branch not taken (a number
# rebound to an array) need not type-check (esda's test_stat).
@weft.jit
def type_tests(x):
    return (isinstance(x, int), isinstance(x, float),
            isinstance(x, (int, float)), isinstance(x, np.ndarray),
            isinstance(x, np.floating), isinstance(x, np.float32),
            isinstance(x, tuple), isinstance(x, str))


@weft.jit
def as_array(test_stat, n):
    if isinstance(test_stat, (int, float)):
        test_stat = np.ones((n,)) * test_stat
    return test_stat.sum()


@pytest.mark.parametrize("value", [1, 1.5, np.float32(2.0), np.arange(3),
                                   (1, 2), "s"])
def test_isinstance_as_python_answers(value):
    want = tuple(isinstance(value, t) for t in (
        int, float, (int, float), np.ndarray, np.floating, np.float32,
        tuple, str))
    if isinstance(value, float):  # a Python float is a float64 in Numba
        want = want[:4] + (True,) + want[5:]
    assert type_tests(value) == want


def test_isinstance_prunes_the_branch_not_taken():
    assert as_array(2.0, 3) == 6.0
    assert as_array(np.arange(3.0), 3) == 3.0


# map(f, [a, b]) unpacked (CLIMADA's lon, lat = map(np.radians, [lon, lat]))
# and iterated.
@weft.jit
def radians_difference(lon, lat):
    lon, lat = map(np.radians, [lon, lat])
    return lon - lat


@weft.jit
def mapped(a):
    s = 0.0
    for v in map(abs, a):
        s += v
    return s, list(map(float, range(3)))


def test_map():
    lon, lat = np.array([10.0, 20.0]), np.array([1.0, 2.0])
    np.testing.assert_allclose(radians_difference(lon, lat),
                               np.radians(lon) - np.radians(lat))
    assert mapped(np.array([-1.0, 2.0])) == (3.0, [0.0, 1.0, 2.0])


# A module-level name for a builtin (quaternion's xrange = range) and an
# array's dtype.type used to convert (abacusutils' ftype(0.5)).
xrange = range


@weft.jit
def triangle(n):
    t = 0
    for i in xrange(n):
        t += i
    return t


@weft.jit
def in_dtype_of(a, v):
    ftype = a.dtype.type
    return ftype(v) + a[0]


@weft.jit
def narrow_types(x):
    itype = np.int16
    utype = np.uint8
    return itype(round(x)), utype(x), itype(-40000), utype(-3)


def test_builtin_alias_and_dtype_type():
    assert narrow_types(2.6) == (3, 2, int(np.int64(-40000).astype(np.int16)),
                                 253)
    assert triangle(5) == 10
    got = in_dtype_of(np.ones(3, dtype=np.float32), 1.1)
    assert got == float(np.float32(1.1) + np.float32(1.0))


# A NumPy array made from a list of constants as a default value
# (synctoolbox's dn=np.array([1, 1, 0], np.int64)).
@weft.jit
def weighted_steps(x, dn=np.array([1, 1, 0], np.int64),
                   dw=np.array([1.0, 0.5, 2.0])):
    return x * (dn * dw).sum()


def test_array_defaults():
    assert weighted_steps(2.0) == 2.0 * (1.0 + 0.5)
    assert weighted_steps(1.0, np.array([0, 1, 1])) == 0.5 + 2.0


# Slice and range objects in variables (mlforecast's slice rebound in a
# loop with .stop - .start read; empymod's izrange rebound in a branch).
@weft.jit
def zero_rows(x, ptr):
    t = 0
    for i in range(len(ptr) - 1):
        s = slice(ptr[i], ptr[i + 1])
        t += s.stop - s.start
        x[s] = 0.0
    return t


@weft.jit
def walk(n, up):
    zs = range(2, n)
    if up:
        zs = range(n - 2)
    t = 0
    for z in zs:
        t += z
    return t, len(zs)


def test_slice_and_range_variables():
    x = np.arange(6.0)
    assert zero_rows(x, np.array([0, 2, 5])) == 5
    np.testing.assert_array_equal(x, [0, 0, 0, 0, 0, 5.0])
    assert walk(6, False) == walk.py_func(6, False) == (14, 4)
    assert walk(6, True) == walk.py_func(6, True) == (6, 4)


def test_tuple_of_slices_in_a_variable():
    # tricolour's frequency chunks: sub = (slice(None, None), slice(a, b))
    @weft.jit
    def f(data, ends):
        out = np.zeros(len(ends) - 1)
        for c in range(ends.size - 1):
            sub = (slice(None, None), slice(ends[c], ends[c + 1]))
            out[c] = data[sub].sum()
            data[sub] = 0.5 * data[sub]
        row = (1, slice(2, None))
        return out, data[row]

    d = np.arange(24.0).reshape(3, 8)
    out, row = f(d, np.array([0, 3, 8]))
    e = np.arange(24.0).reshape(3, 8)
    assert out.tolist() == [e[:, 0:3].sum(), e[:, 3:8].sum()]
    assert np.array_equal(d, 0.5 * e)
    assert np.array_equal(row, 0.5 * e[1, 2:])


def test_names_unpacked_from_a_literal_range():
    # algoxtools: L, R, U, D, LINKED, VALUE = range(6)
    @weft.jit
    def f(n):
        L, R, U = range(3)
        a, b = range(5, 1, -3)
        out = np.zeros(n, np.int64)
        out[L] = 10
        out[R] = 20
        out[U] = 30
        return out, a, b

    out, a, b = f(4)
    assert out.tolist() == [10, 20, 30, 0] and (a, b) == (5, 2)


def test_assignment_expressions():
    # NuCS's path compression: while (p := start) != end: ...
    @weft.jit
    def follow(t, start, end, value):
        while (p := start) != end:
            start = t[p]
            t[p] = value
        return start

    @weft.jit
    def g(a):
        if (n := len(a)) > 3:
            return n * 2
        elif (m := a[0]) > 0:
            return m
        total = 0
        for x in range((k := 3)):
            total += x + k
        return total

    t = np.array([1, 2, 3, 3])
    assert follow(t, 0, 3, 9) == 3 and t.tolist() == [9, 9, 9, 3]
    assert (g(np.arange(5)), g(np.array([7, 1])), g(np.array([-1]))) == \
        (10, 7, 12)

    @weft.jit
    def sometimes(a):
        return a[0] > 0 and (b := a[1]) > 0

    with pytest.raises(weft.CompileError,
                       match="assignment expression .x := v. is supported"):
        sometimes(np.array([1, 2]))
