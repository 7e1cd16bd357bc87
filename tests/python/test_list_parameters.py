"""Lists grown through a parameter, as Numba's reflected lists: a jitted
function appending to (or popping from) the list it was passed changes
the caller's list, recursion included; checked against CPython running
the same functions (py_func)."""
import numpy as np
import pytest

import weft


@weft.jit
def dfs(u, adj, visited, order):
    visited[u] = True
    for v in range(adj.shape[0]):
        if adj[u, v] and not visited[v]:
            dfs(v, adj, visited, order)
    order.append(u)


@weft.jit
def collect(k, out):
    if k == 0:
        return
    out.append(k * 1.5)
    collect(k - 1, out)
    if k % 2 == 0:
        out.pop()


@weft.jit
def extend_twice(q, order):
    for x in q:
        order.append(x)
    order.extend(q)


@weft.jit
def drain(q, order):
    while len(q) > 0:
        x = q.pop(0)
        order.append(x * 10)


@weft.jit
def post_order(adj):
    visited = np.zeros(adj.shape[0], dtype=np.bool_)
    order = [0]
    order.pop()
    for u in range(adj.shape[0]):
        if not visited[u]:
            dfs(u, adj, visited, order)
    vals = [0.0]
    for _ in range(2):
        collect(5, vals)
    got = [1]
    extend_twice([7, 8], got)
    q = [3, 4]
    drain(q, got)
    return order, vals, got, q


def graph(n):
    adj = np.zeros((n, n), dtype=np.bool_)
    for i in range(n - 1):
        adj[i, (i * 7 + 1) % n] = True
    return adj


def python_post_order(adj):
    # post_order as CPython runs it (the helpers' py_func would call the
    # jitted helpers)
    visited = np.zeros(adj.shape[0], dtype=np.bool_)
    order = []

    def visit(u):
        visited[u] = True
        for v in range(adj.shape[0]):
            if adj[u, v] and not visited[v]:
                visit(v)
        order.append(u)

    def gather(k, out):
        if k == 0:
            return
        out.append(k * 1.5)
        gather(k - 1, out)
        if k % 2 == 0:
            out.pop()
    for u in range(adj.shape[0]):
        if not visited[u]:
            visit(u)
    vals = [0.0]
    for _ in range(2):
        gather(5, vals)
    got = [1]
    extend_twice.py_func([7, 8], got)
    q = [3, 4]
    drain.py_func(q, got)
    return order, vals, got, q


@pytest.mark.parametrize("n", [1, 6, 200])
def test_functions_growing_a_list_parameter_change_the_callers_list(n):
    assert post_order(graph(n)) == python_post_order(graph(n))


def test_calling_such_a_function_from_python_grows_the_callers_list():
    # (the list is passed as a variable and its contents come back, as
    # Numba's reflected list)
    adj = graph(3)
    order = [1]
    visited = np.zeros(3, dtype=np.bool_)
    assert dfs(0, adj, visited, order) is None
    expect = [1]
    seen = np.zeros(3, dtype=np.bool_)
    dfs.py_func(0, adj, seen, expect)
    assert order == expect and visited.tolist() == seen.tolist()


def test_python_list_grown_by_the_function_comes_back():
    # tstrait's traversal: a typed List stack popped and appended to
    @weft.jit
    def walk(stack, child, centre):
        total = 0
        if centre is True:
            total = 100
        while len(stack) > 0:
            n = stack.pop()
            total += n
            if child[n] != -1:
                stack.append(child[n])
        return total

    @weft.jit
    def fill(out, n):
        for i in range(n):
            out.append(i * 2)

    s = [0, 2]
    assert walk(s, np.array([1, -1, 3, -1]), True) == 106 and s == []
    s = [2]
    assert walk(s, np.array([1, -1, 3, -1]), False) == 5 and s == []
    lst = [5]
    assert fill(lst, 3) is None
    assert lst == [5, 0, 2, 4]


@weft.jit
def drain_and_refill(pq, img, age):
    # a heap of tuples passed from Python (watershed's priority queue):
    # heappop and heappush change the caller's list
    from heapq import heappush, heappop
    s = 0
    while len(pq):
        v, a, x = heappop(pq)
        s += x
        if x > 0 and age < 6:
            heappush(pq, (img[x - 1], np.uint32(age), np.uint32(x - 1)))
            age += 1
    return s, age


def test_a_heap_of_tuples_from_python_is_changed_in_place():
    img = np.array([3.0, 1.0, 2.0])
    # NumPy's narrower integers in the tuples (np.uint32) as Python's ints
    heaps = [[(img[i], np.uint32(i), np.uint32(i)) for i in range(3)]
             for _ in range(2)]
    got = drain_and_refill(heaps[0], img, 3)
    want = drain_and_refill.py_func(heaps[1], img, 3)
    assert got == want == (4, 6)
    assert heaps[0] == heaps[1] == []
    heap = [(2.0, 1, 1)]
    assert drain_and_refill(heap, img, 5) == (1, 6) and heap == []


@weft.jit
def _orders(x):
    # passivbot's `return [(0.0, 0.0, "")]`: a literal list of tuples
    # with a str field, as appended ones have
    if x < 0:
        return [(0.0, 0.0, "")]
    out = [(x, 2.0 * x, "long"), (x + 1.0, 3.0, "short")]
    out.append((0.5, 0.25, "close"))
    return out


def test_a_literal_list_of_tuples_with_strs():
    assert _orders(-1.0) == [(0.0, 0.0, "")]
    assert _orders(1.0) == [(1.0, 2.0, "long"), (2.0, 3.0, "short"),
                            (0.5, 0.25, "close")]
