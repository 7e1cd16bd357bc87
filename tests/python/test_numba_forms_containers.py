"""Forms of published Numba code around containers and names that Weft
refused: a local alias of a library function (`sqrt = math.sqrt`), a set
passed in and copied, set.pop(), a set changed inside a loop over it
that breaks right after, list(t) of a tuple, `del lst[i][-1]`,
numba.typed.List under another name, and lists of lists passed from
Python (read, written and grown). The expected values are Python's and
Numba 0.56's for the same calls."""
import math

import numpy as np

import weft
from weft import numba as weft_numba


def test_local_alias_of_a_library_function():
    @weft.jit
    def f(a):
        sqrt = math.sqrt
        ex = np.exp
        s = 0.0
        for i in range(a.shape[0]):
            s += sqrt(a[i]) + ex(a[i])
        return s

    a = np.arange(4.0)
    assert f(a) == sum(math.sqrt(x) + math.exp(x) for x in a)


def test_set_passed_copied_popped_and_changed_before_break():
    @weft.jit
    def chain(boundary):
        search = boundary.copy()
        seq = list(search.pop())
        while len(search) > 0:
            to_find = seq[-1]
            for link in search:
                if link[0] == to_find:
                    seq.append(link[1])
                    search.remove(link)
                    break
                elif link[1] == to_find:
                    seq.append(link[0])
                    search.remove(link)
                    break
            else:
                break
        return seq, len(boundary)

    links = {(1, 2), (2, 3), (3, 1)}
    seq, n = chain(links)
    # (which link comes first is the set's order; the chain closes)
    assert n == 3 and len(seq) == 4 and seq[0] == seq[-1]
    assert sorted(seq[:3]) == [1, 2, 3]
    assert links == {(1, 2), (2, 3), (3, 1)}


def test_change_inside_a_loop_over_the_container_that_goes_on_is_refused():
    @weft.jit
    def f(n):
        s = [0]
        for i in range(n):
            s.append(i)
        for x in s:
            if x == 2:
                s.remove(x)
        return len(s)

    try:
        f(5)
    except weft.CompileError as e:
        assert "changes inside a for loop over it" in str(e)
        assert "break out of the loop after the change" in str(e)
    else:
        raise AssertionError("expected a CompileError")


def test_list_changed_inside_a_loop_over_it_then_break():
    @weft.jit
    def f(n):
        s = [0]
        for i in range(n):
            s.append(i)
        for x in s:
            if x == 2:
                s.remove(x)
                s.append(-1)
                break
        return s

    assert f(4) == [0, 0, 1, 3, -1]


def test_list_of_a_tuple_and_comprehension_over_it():
    @weft.jit
    def f(x):
        t = (1, 2, x)
        doubled = [v * 2.5 for v in t]
        return list(t), doubled

    assert f(4) == ([1, 2, 4], [2.5, 5.0, 10.0])


def test_typed_list_under_another_name_and_del_of_a_rows_last():
    shim = weft_numba.module()
    NumbaList = shim.typed.List

    @shim.njit
    def node_map(tri, n_nodes):
        m = NumbaList()
        for n in range(n_nodes):
            m.append(NumbaList([np.int32(0)]))
            del m[-1][-1]
        for t in range(tri.shape[0]):
            for k in range(tri.shape[1]):
                m[tri[t, k]].append(np.int32(t))
        return m

    tri = np.array([[0, 1, 2], [1, 2, 3]])
    assert node_map(tri, 5) == [[0], [0, 1], [0, 1], [1], []]


def test_lists_of_lists_passed_read_written_and_grown():
    @weft.jit
    def total(rows):
        s = 0
        for r in rows:
            for v in r:
                s += v
        return s

    @weft.jit
    def scale(rows):
        for r in rows:
            for j in range(len(r)):
                r[j] *= 2

    @weft.jit
    def grow(rows, n):
        for i in range(len(rows)):
            rows[i].append(n + i)

    rows = [[1, 2, 3], [], [4]]
    assert total(rows) == 10
    scale(rows)
    assert rows == [[2, 4, 6], [], [8]]
    grow(rows, 10)
    assert rows == [[2, 4, 6, 10], [11], [8, 12]]
    assert total([[0.5], [1.5, 2.0]]) == 4.0


def test_parameter_rebound_to_a_set_of_itself():
    @weft.jit
    def contacts(p1, p2, inds):
        partners = set()
        inds = set(inds)
        for i in range(len(p1)):
            if p1[i] in inds:
                partners.add(p2[i])
            if p2[i] in inds:
                partners.add(p1[i])
        return partners

    p1 = np.array([0, 1, 2, 3, 4])
    p2 = np.array([5, 6, 7, 8, 9])
    assert contacts(p1, p2, np.array([1, 9, 7])) == {6, 4, 2}


def test_none_as_a_condition_is_false():
    @weft.jit
    def f(x):
        surface = None
        r = 0.0
        if not surface:
            r = x + 1.0
        if surface:
            r = -1.0
        return r

    assert f(2.0) == 3.0


def test_display_of_lists_that_grows():
    @weft.jit
    def path(n):
        step = [3, n]
        out = [step]
        for k in range(3):
            step = [k, n - k, 7]
            out.append(step)
        return out

    assert path(5) == [[3, 5], [0, 5, 7], [1, 4, 7], [2, 3, 7]]


def test_defaults_of_nested_lists_and_of_functions():
    @weft.jit
    def euclidean(x, y):
        return np.sqrt(np.sum((x - y) ** 2))

    @weft.jit
    def manhattan(x, y):
        return np.sum(np.abs(x - y))

    @weft.jit
    def pairwise(X, metric=euclidean, w=np.array([[1, 0], [0, 2]])):
        n = X.shape[0]
        out = np.zeros((n, n))
        for i in range(n):
            for j in range(n):
                out[i, j] = metric(X[i] @ w, X[j] @ w)
        return out

    @weft.jit
    def inner(X):
        return pairwise(X)[0, 1] + pairwise(X, manhattan)[0, 1]

    X = np.array([[0.0, 0.0], [3.0, 2.0]])
    assert pairwise(X)[0, 1] == 5.0
    assert pairwise(X, manhattan)[0, 1] == 7.0
    assert inner(X) == 12.0


def test_dicts_of_arrays_returned_passed_back_and_changed():
    @weft.jit
    def make(n):
        star = {}
        sizes = np.zeros(n, dtype=np.int64)
        for i in range(n):
            star[i] = np.empty(10, dtype=np.int64)
        for e in range(2 * n):
            i = e % n
            star[i][sizes[i]] = e
            sizes[i] += 1
        for i in range(n):
            star[i] = star[i][:sizes[i]]
        return star

    @weft.jit
    def total(star, n):
        s = 0
        for i in range(n):
            s += star[i].sum()
        return s

    @weft.jit
    def bump(star):
        for k in star:
            star[k][0] += 100
        star[99] = np.arange(3)

    d = make(3)
    assert sorted((k, list(v)) for k, v in d.items()) == \
        [(0, [0, 3]), (1, [1, 4]), (2, [2, 5])]
    assert total(d, 3) == 15
    row = d[1]
    bump(d)
    assert sorted((k, list(v)) for k, v in d.items()) == \
        [(0, [100, 3]), (1, [101, 4]), (2, [102, 5]), (99, [0, 1, 2])]
    assert row is d[1] and list(row) == [101, 4]  # (written in place)


def test_list_results_widen_to_floats():
    @weft.jit
    def costs(c):
        out = [0]
        out.pop()
        for j in range(3):
            cost = 0
            cost += c[j]
            out.append(cost)
        return out

    assert costs(np.array([0.5, 1.0, 2.0])) == [0.5, 1.0, 2.0]


def test_prange_appending_to_an_outer_list_runs_in_order():
    shim = weft_numba.module()

    @shim.njit(parallel=True)
    def blocks(n):
        out = []
        for b in shim.prange(-n, n + 1):
            out.append([float(b), 2.0 * b])
        return out

    assert blocks(2) == [[float(b), 2.0 * b] for b in range(-2, 3)]


def test_sets_and_dicts_made_inside_expressions():
    # (Sorcha's `if len(set(detection_indexes)) >= min_observations:`)
    @weft.jit
    def f(a, k):
        idx = []
        for x in a:
            idx.append(x)
        n = 0
        for v in set(a):
            n += v
        if k in {1, 2}:
            n += 100
        return len(set(idx)), n, len(set(idx)) >= 4, len({1: 2.0})

    a = np.array([1, 2, 2, 3])
    assert f(a, 1) == (3, 106, False, 1)
    assert f(a, 5) == (3, 6, False, 1)
