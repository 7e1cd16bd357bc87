"""Dicts and sets of numbers in jitted functions, as Numba compiles them:
counting, memo tables, seen-sets, deletion, typed Dict.empty, tuple keys
(a breadth-first search over grid cells); checked
against CPython running the same functions (py_func), with Python's
KeyError and RuntimeError, and the uses Weft refuses as CompileError."""
import re

import numpy as np
import pytest

import weft


@weft.jit
def word_counts(a):
    counts = {}
    for x in a:
        counts[x] = counts.get(x, 0) + 1
    best, best_count = -1, 0
    for k, v in counts.items():
        if v > best_count:
            best, best_count = k, v
    return len(counts), best, best_count


@weft.jit
def two_sum(a, target):
    seen = {}
    for i in range(len(a)):
        j = seen.get(target - a[i], -1)
        if j >= 0:
            return j, i
        seen[a[i]] = i
    return -1, -1


@weft.jit
def fib_memo(n):
    memo = {0: 0, 1: 1}
    for i in range(2, n + 1):
        memo[i] = memo[i - 1] + memo[i - 2]
    return memo[n]


@weft.jit
def distinct_sorted(a):
    s = set()
    for x in a:
        if x not in s:
            s.add(x)
    return len(s), sorted(s), len(set(a))


@weft.jit
def pruned(n):
    d = {}
    for i in range(n):
        d[i * 37 % 101] = i * 0.5
    for i in range(0, n, 3):
        if i * 37 % 101 in d:
            del d[i * 37 % 101]
    total = 0.0
    for v in d.values():
        total += v
    gone = d.pop(37, -1.0)
    return len(d), total, gone, list(d)[:5]


@weft.jit
def float_keys(a):
    d = {}
    for x in a:
        d[x] = d.get(x, 0.0) + x
    return len(d), d[0.5], 1 in d, d[1]


@weft.jit
def grid_distances(n):
    dist = {(0, 0): 0}
    frontier = [(0, 0)]
    steps = np.array([[1, 0], [0, 1], [-1, 0], [0, -1]])
    while len(frontier) > 0:
        nxt = [(0, 0)]
        nxt.pop()
        for (x, y) in frontier:
            for s in range(4):
                p = (x + steps[s, 0], y + steps[s, 1])
                if 0 <= p[0] < n and 0 <= p[1] < n and p not in dist:
                    dist[p] = dist[x, y] + 1
                    nxt.append(p)
        frontier = list(nxt)
    del dist[0, 0]
    return len(dist), dist[n - 1, n - 1], (n, n) in dist


@weft.jit
def lookup(n):
    d = {1: 2.0, 3: 4.0}
    return d[n]


@weft.jit
def grow_while_looping(n):
    d = {1: 1, 2: 2}
    for k in d:
        d[k + n] = k
    return len(d)


@weft.jit
def remove_missing(x):
    s = {1, 2, 3}
    s.remove(x)
    return len(s)


@pytest.mark.parametrize("fn,args", [
    (word_counts, (np.array([4, 1, 4, 2, 4, 1, 7]),)),
    (two_sum, (np.array([3, 9, 11, 4, 15]), 15)),
    (two_sum, (np.array([1, 2]), 10)),
    (fib_memo, (80,)),
    (distinct_sorted, (np.array([5, 3, 5, 1, 3, 9]),)),
    (pruned, (300,)),
    (float_keys, (np.array([0.5, 1.0, 0.5, 2.25, 1.0]),)),
    (grid_distances, (15,)),
    (lookup, (3,)),
    (grow_while_looping, (0,)),
    (remove_missing, (2,)),
])
def test_same_as_python(fn, args):
    assert fn(*args) == fn.py_func(*args)


def test_python_exceptions():
    # The error names the program's line of the lookup (the library
    # function that raises it has a copy per line of the program).
    with pytest.raises(KeyError) as e:
        lookup(2)
    assert re.search(r"test_dicts\.py:%d$" % (
        lookup.py_func.__code__.co_firstlineno + 3), e.value.location)
    with pytest.raises(RuntimeError,
                       match="dictionary changed size during iteration"):
        grow_while_looping(10)
    with pytest.raises(KeyError) as e:
        remove_missing(7)
    assert re.search(r"test_dicts\.py:%d$" % (
        remove_missing.py_func.__code__.co_firstlineno + 3), e.value.location)


def test_typed_dict_empty():
    types = pytest.importorskip("numba.core.types")
    Dict = pytest.importorskip("numba.typed").Dict

    @weft.jit
    def totals(keys, values):
        d = Dict.empty(key_type=types.int64, value_type=types.float64)
        for i in range(len(keys)):
            d[keys[i]] = d.get(keys[i], 0.0) + values[i]
        return len(d), d[2]

    assert totals(np.array([2, 5, 2]), np.array([1.0, 2.0, 0.5])) == (2, 1.5)


def test_refused_uses_are_compile_errors():
    @weft.jit
    def prints_dict(n):
        d = {1: n}
        print(d)

    with pytest.raises(weft.CompileError, match="'d' is a dict"):
        prints_dict(1)

    @weft.jit
    def mixed_keys(n):
        d = {"a": n}
        d[2] = n
        return d["a"]

    with pytest.raises(weft.CompileError,
                       match="dict 'd' holds keys of type str, not i64"):
        mixed_keys(1)


@weft.jit
def weight_of(weights, k):
    return weights.get(k, 0.0) * 2.0


@weft.jit
def weighted_total(weights, allowed, keys):
    t = 0.0
    for k in keys:
        if k in allowed:
            t += weight_of(weights, k)
    return t + len(weights) + len(allowed)


@weft.jit
def build_and_score(a):
    weights = {}
    allowed = set()
    for x in a:
        weights[x] = weights.get(x, 0.0) + 1.5
        if x % 2 == 0:
            allowed.add(x)
    return weighted_total(weights, allowed, a)


def test_dicts_and_sets_passed_to_helpers():
    a = np.array([1, 2, 2, 3, 4, 4, 4])
    # weights {1: 1.5, 2: 3.0, 3: 1.5, 4: 4.5}, allowed {2, 4}
    assert build_and_score(a) == 2 * (3.0 + 3.0 + 4.5 * 3) + 4 + 2

    @weft.jit
    def changes_its_parameter(d):
        d[5] = 1.0

    @weft.jit
    def passes(a):
        d = {1: 2.0}
        changes_its_parameter(d)
        return len(d)

    assert passes(np.zeros(1)) == 2


def test_typed_dict_made_without_types():
    Dict = pytest.importorskip("numba.typed").Dict

    @weft.jit
    def doubled_items(n):
        d = Dict()  # numba.typed.Dict(): typed by its first item
        for i in range(n):
            d[i] = 2.0 * i
        return d[n - 1], len(d), 3 in d

    assert doubled_items(5) == (8.0, 5, True)


def test_set_methods_with_operators():
    # fastdist's confusion matrix: set(targets).union(set(preds))
    @weft.jit
    def f(a, b):
        s = set(a).union(set(b))
        u = set(a)
        v = set(b)
        return (np.array(sorted(s)), len(u.intersection(v)),
                sorted(u.difference(v)), sorted(u.symmetric_difference(v)),
                u.isdisjoint(v), u.issubset(v), set([3]).issubset(v),
                v.issuperset(set([4])))

    r = f(np.array([1, 2, 3]), np.array([3, 4]))
    assert r[0].tolist() == [1, 2, 3, 4]
    assert r[1:] == (1, [1, 2], [1, 2, 4], False, False, True, True)


@weft.jit
def map_values(fm, target):
    out = np.zeros(len(target), dtype=np.int32)
    for n in range(target.size):
        out[n] = fm[target[n]]
    return out


@weft.jit
def weighted_keys(d):
    s = 0.0
    for k, v in d.items():
        s += k * v
    return s, len(d), 3 in d


@weft.jit
def pair_lookup(d, i, j):
    return d.get((i, j), -1.0)


@weft.jit
def in_set(s, x):
    return x in s


def test_dicts_and_sets_passed_from_python():
    # numba.typed.Dict made in Python (ActivitySim's FastMapping) and
    # plain dicts and sets of numbers: the function reads them.
    from weft import numba as shim
    nb = shim.module()  # (sys.modules left as it is)
    m = nb.typed.Dict.empty(key_type=nb.types.int64,
                            value_type=nb.types.int32)
    for v, k in enumerate([10, 20, 30]):
        m[k] = v
    out = map_values(m, np.array([30, 10, 20, 10]))
    assert out.dtype == np.int32 and out.tolist() == [2, 0, 1, 0]
    assert weighted_keys({1: 2.0, 3: 4.5}) == (15.5, 2, True)
    empty = nb.typed.Dict.empty(key_type=nb.types.int64,
                                value_type=nb.types.float64)
    assert weighted_keys(empty) == (0.0, 0, False)
    assert pair_lookup({(1, 2): 3.5, (2, 3): 1.0}, 1, 2) == 3.5
    assert pair_lookup({(1, 2): 3.5}, 5, 2) == -1.0
    assert in_set({1, 5, 7}, 5) and not in_set(frozenset([2.5]), 1.0)
    with pytest.raises(weft.CallError, match="cannot tell what an empty "
                       "dict passed to a Weft function holds"):
        weighted_keys({})
    with pytest.raises(weft.CallError, match="holds numbers"):
        weighted_keys({1: [1, 2]})



@weft.jit
def add_counts(d, a):
    for x in a:
        d[x] = d.get(x, 0) + 1


@weft.jit
def count_twice(a):
    d = {-1: 0}
    add_counts(d, a)
    add_counts(d, a[:3])
    return len(d), d[1], d[5]


@weft.jit
def drop(d, k):
    return d.pop(k)


@weft.jit
def fill_pairs(d, n):
    for i in range(n):
        d[(i, i + 1)] = i * 0.5
    return len(d)


@weft.jit
def mark(s, a):
    for x in a:
        s.add(x)
    s.discard(2)


def test_dicts_and_sets_changed_by_the_function_they_are_passed_to():
    # as Numba's typed dicts: the caller's dict sees the change, whether
    # the caller is a jitted function or Python (grown past its first
    # table, and an item removed)
    a = np.array([1, 5, 1] + list(range(2, 19)))
    assert count_twice(a) == (19, 4, 3)
    from weft import numba as shim
    nb = shim.module()  # (sys.modules left as it is)
    d = nb.typed.Dict.empty(key_type=nb.types.int64,
                            value_type=nb.types.int64)
    add_counts(d, np.array([3, 1, 3, 2]))
    assert d == {3: 2, 1: 1, 2: 1}
    add_counts(d, np.arange(40))
    assert len(d) == 40 and d[3] == 3 and d[39] == 1
    assert drop(d, 3) == 3 and 3 not in d and len(d) == 39
    assert list(d)[:3] == [1, 2, 0]
    pairs = nb.typed.Dict.empty(
        key_type=nb.types.UniTuple(nb.types.int64, 2),
        value_type=nb.types.float64)
    assert fill_pairs(pairs, 3) == 3
    assert pairs == {(0, 1): 0.0, (1, 2): 0.5, (2, 3): 1.0}
    s = {7}
    mark(s, np.array([1, 2, 3]))
    assert s == {1, 3, 7}


@weft.jit
def counts_of(a):
    d = {}
    for x in a:
        d[x] = d.get(x, 0) + 1
    return d


@weft.jit
def counts_and_repeated(a):
    c = counts_of(a)
    s = set()
    for k in c:
        if c[k] > 1:
            s.add(k)
    return len(c), c, s


@weft.jit
def relay_counts(a):
    return counts_of(a)


@weft.jit
def grow_returned(a):
    d = relay_counts(a)
    d[100] = 7
    return d[100] + len(d)


@weft.jit
def half_pairs(n):
    d = {}
    for i in range(n):
        d[(i, i + 1)] = i * 0.5
    return d


def test_dicts_and_sets_returned():
    # to Python as a dict or set (keys in insertion order), and to a
    # jitted caller as a dict it may change, alone or in a tuple
    a = np.array([3, 1, 3, 2, 3])
    r = counts_of(a)
    assert r == {3: 3, 1: 1, 2: 1} and list(r) == [3, 1, 2]
    assert counts_and_repeated(a) == (3, {3: 3, 1: 1, 2: 1}, {3})
    assert relay_counts(a) == {3: 3, 1: 1, 2: 1}
    assert grow_returned(a) == 7 + 4
    assert half_pairs(3) == {(0, 1): 0.0, (1, 2): 0.5, (2, 3): 1.0}
    assert counts_of(np.zeros(0, dtype=np.int64)) == {}
    # a returned dict passed back in
    assert weighted_keys(counts_of(a)) == (3 * 3 + 1 + 2, 3, True)


@weft.jit
def add_via_helper(d, a):
    add_counts(d, a)
    return len(d)


def test_only_dicts_a_function_may_change_come_back():
    # a dict only read (fm[target[n]]) is not copied back after the call;
    # one stored into, or handed to another function, is
    assert "fm" in weft._read_only_parameters(map_values.py_func)
    assert "d" not in weft._read_only_parameters(add_counts.py_func)
    assert "d" not in weft._read_only_parameters(add_via_helper.py_func)
    d = {5: 1}
    assert add_via_helper(d, np.array([5, 6])) == 2 and d == {5: 2, 6: 1}
    m = {10: 0, 20: 1}
    assert map_values(m, np.array([20, 10])).tolist() == [1, 0]
    assert m == {10: 0, 20: 1}
