"""Lists of lists of any lengths in jitted functions, as Numba runs
them: rows that grow (adj[u].append(v)), comprehensions of rows of
different lengths, lists of lists built by append, rows read, written,
popped and iterated, returned to Python as lists of lists. Checked
against CPython running the same functions (py_func), with Python's
errors, and the uses Weft refuses as CompileError."""
import numpy as np
import pytest

import weft


@weft.jit
def adjacency(n, edges):
    adj = [[] for _ in range(n)]
    for k in range(edges.shape[0]):
        u = edges[k, 0]
        v = edges[k, 1]
        adj[u].append(v)
        adj[v].append(u)
    return adj

@weft.jit
def bfs(n, edges, src):
    adj = adjacency(n, edges)
    dist = np.full(n, -1, np.int64)
    dist[src] = 0
    frontier = [src]
    while len(frontier) > 0:
        nxt = []
        for u in frontier:
            for v in adj[u]:
                if dist[v] < 0:
                    dist[v] = dist[u] + 1
                    nxt.append(v)
        frontier = nxt
    return dist

@weft.jit
def triangle(n):
    return [[j * 0.5 for j in range(i)] for i in range(n)]

@weft.jit
def buckets(xs, k):
    out = []
    for b in range(k):
        out.append([])
    for x in xs:
        out[int(x * k) % k].append(x)
    return out

@weft.jit
def row_ops(n):
    rows = [[i] for i in range(n)]
    rows[0].extend([7, 8, 9])
    rows[1].append(5)
    last = rows[0].pop()
    rows[2].clear()
    rows[3] = [1, 2, 3, 4, 5, 6]
    rows[3][1] = 20
    total = 0
    for r in rows:
        total += sum(r)
    lens = [len(r) for r in rows]
    tail = rows.pop()
    return rows, last, total, lens, tail, len(rows)

@weft.jit
def grow_many(n):
    rows = [[] for _ in range(3)]
    for i in range(n):
        rows[i % 3].append(i)
        if i % 7 == 0:
            rows[(i + 1) % 3].append(-i)
    return [sum(r) for r in rows], [len(r) for r in rows]

@weft.jit
def widen():
    rows = [[] for _ in range(2)]
    rows[0].append(1)
    rows[1].append(2.5)
    return rows

@weft.jit
def filtered(n):
    return [[j for j in range(i)] for i in range(n) if i % 2 == 1]



EDGES = np.array([[0, 1], [1, 2], [2, 3], [0, 3], [3, 4], [5, 6]])


def same(f, *args):
    got, want = f(*args), f.py_func(*args)
    assert repr(got) == repr(want)
    return got


def test_adjacency():
    assert same(adjacency, 7, EDGES) == [[1, 3], [0, 2], [1, 3], [2, 0, 4],
                                        [3], [6], [5]]


def test_bfs_over_rows():
    assert list(same(bfs, 7, EDGES, 0)) == [0, 1, 2, 1, 2, -1, -1]


def test_comprehension_of_rows_of_different_lengths():
    assert same(triangle, 4) == [[], [0.0], [0.0, 0.5], [0.0, 0.5, 1.0]]
    assert same(filtered, 6) == [[0], [0, 1, 2], [0, 1, 2, 3, 4]]


def test_rows_appended_to_an_empty_list():
    same(buckets, np.array([0.05, 0.5, 0.55, 0.95, 0.3]), 3)


def test_row_methods_and_stores():
    rows, last, total, lens, tail, n = same(row_ops, 5)
    assert rows == [[0, 7, 8], [1, 5], [], [1, 20, 3, 4, 5, 6]]
    assert (last, total, lens, tail, n) == (9, 64, [3, 2, 0, 6, 1], [4], 4)


def test_rows_grow_past_their_room():
    # rows move to the pool's end as they fill: every number stays
    same(grow_many, 1000)
    same(grow_many, 5)


def test_a_float_widens_every_row():
    # (as Numba types it: one element type for every row)
    assert widen() == [[1.0], [2.5]]


@weft.jit
def pop_empty_row(n):
    rows = [[] for _ in range(n)]
    rows[0].append(1)
    x = rows[1].pop()
    return x


@weft.jit
def row_out_of_range(n):
    rows = [[] for _ in range(n)]
    rows[n].append(1)
    return rows


def test_python_errors():
    with pytest.raises(IndexError, match="pop from empty list"):
        pop_empty_row(2)
    with pytest.raises(IndexError):
        row_out_of_range(2)


@weft.jit
def rows_of_unknown_numbers(n):
    rows = [[] for _ in range(n)]
    return len(rows)


@weft.jit
def row_of_tuples(n):
    rows = [[] for _ in range(n)]
    rows[0].append((1, 2))
    return rows


@weft.jit
def printed(n):
    rows = [[] for _ in range(n)]
    rows[0].append(1.5)
    print(rows)


@weft.jit
def shallow_copy(n):
    rows = [[] for _ in range(n)]
    rows[0].append(1.5)
    return rows.copy()


def test_refused_uses():
    with pytest.raises(weft.CompileError, match="printing a list of lists "
                       "of any lengths is not supported yet"):
        printed(2)
    with pytest.raises(weft.CompileError, match="'copy' is not a method"):
        shallow_copy(2)
    with pytest.raises(weft.CompileError, match="cannot tell what these "
                       "empty lists hold"):
        rows_of_unknown_numbers(2)
    with pytest.raises(weft.CompileError, match="holds numbers or bools"):
        row_of_tuples(2)


@weft.jit
def runs(xs):
    # rows appended from a list that is bound to a new one before it grows
    out = []
    run = [xs[0]]
    for i in range(1, len(xs)):
        if xs[i] == xs[i - 1]:
            run.append(xs[i])
        else:
            out.append(run)
            run = [xs[i]]
    out.append(run)
    return out


@weft.jit
def shared_row(n):
    out = []
    row = []
    for i in range(n):
        row.append(i)
        out.append(row)
    return out


def test_rows_appended_from_a_variable():
    xs = np.array([1, 1, 2, 3, 3, 3])
    assert same(runs, xs) == [[1, 1], [2], [3, 3, 3]]
    with pytest.raises(weft.CompileError, match="grows after it is appended"):
        shared_row(3)


def test_slices_of_lists_of_rows():
    @weft.jit
    def join_sorted(a, b):
        return np.sort(np.concatenate((a, b)))

    @weft.jit
    def join_multi(arrays):
        if len(arrays) == 1:
            return arrays[0]
        elif len(arrays) == 2:
            return join_sorted(arrays[0], arrays[1])
        else:
            return join_sorted(join_multi(arrays[:2]), join_multi(arrays[2:]))

    arrs = [np.array([3, 1]), np.array([2]), np.array([9, 0, 4]),
            np.array([5])]
    assert list(join_multi(arrs)) == [0, 1, 2, 3, 4, 5, 9]

    @weft.jit
    def g(n):
        rows = [[i, i + 1] for i in range(n)]
        rows[0].append(99)
        back = rows[::-2]
        mid = rows[1:3]
        return len(back), back[2], len(mid), mid[1], len(rows[5:]), \
            rows[-1:][0]

    assert g(5) == (3, [0, 1, 99], 2, [2, 3], 0, [4, 5])
