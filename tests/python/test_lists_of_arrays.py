"""Lists of arrays of any shapes built by append (`out = []`,
`out.append(x[mask])`, a list of matrices), as Numba's reflected lists
of arrays: read by index and by for, returned to Python as a list of
arrays; CPython (py_func) is the oracle."""
import numpy as np
import pytest

import weft


@weft.jit
def groups(x, labels, k):
    out = []
    for g in range(k):
        out.append(x[labels == g])
    return out


@weft.jit
def group_stats(x, labels, k):
    parts = groups(x, labels, k)
    sums = np.zeros(k)
    for g in range(k):
        if len(parts[g]):
            sums[g] = parts[g].sum()
    largest = 0.0
    for p in parts:
        if p.size:
            largest = max(largest, p.max())
    return sums, largest, len(parts)


@weft.jit
def runs(a):
    # runs of increasing values, each a new array
    out = []
    start = 0
    for i in range(1, len(a) + 1):
        if i == len(a) or a[i] <= a[i - 1]:
            run = np.empty(i - start, dtype=a.dtype)
            for j in range(start, i):
                run[j - start] = a[j]
            out.append(run)
            start = i
    last = out.pop()
    out[0][0] = -1
    return out, last


def test_groups_returned_as_a_list_of_arrays():
    x = np.arange(10.0)
    labels = np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
    got = groups(x, labels, 4)
    want = groups.py_func(x, labels, 4)
    assert isinstance(got, list) and len(got) == 4
    for g, w in zip(got, want):
        assert g.dtype == w.dtype
        np.testing.assert_array_equal(g, w)


def test_rows_read_by_index_and_by_for():
    rng = np.random.default_rng(2)
    x, labels = rng.random(50), rng.integers(0, 5, 50)
    got, want = group_stats(x, labels, 6), group_stats.py_func(x, labels, 6)
    np.testing.assert_allclose(got[0], want[0], rtol=1e-13)
    assert got[1:] == want[1:]


def test_rows_of_new_arrays_pop_and_writes_through_a_row():
    a = np.array([1, 3, 5, 2, 4, 0, 7, 8, 9])
    (got, got_last), (want, want_last) = runs(a), runs.py_func(a)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g, w)
    np.testing.assert_array_equal(got_last, want_last)


def test_an_array_used_after_it_is_appended_is_refused():
    @weft.jit
    def shared(n):
        out = []
        row = np.zeros(2)
        for i in range(n):
            row[0] = i
            out.append(row)   # Python's list holds one array n times
        return out

    with pytest.raises(weft.CompileError,
                       match="'row' is used again after it is appended"):
        shared(3)

    @weft.jit
    def fresh(n):
        out = []
        for i in range(n):
            row = np.zeros(2)
            row[0] = i
            if i % 2 == 0:
                out.append(row)
        return out

    got = fresh(5)
    assert [r[0] for r in got] == [0.0, 2.0, 4.0]


def test_views_and_parameters_appended_are_refused():
    # Python's list would share the buffer; Weft's list holds copies.
    @weft.jit
    def views(a):
        out = []
        out.append(a[1:3])
        return out

    @weft.jit
    def param(a):
        out = []
        out.append(a)
        return out

    for f, hint in ((views, "add .copy()"), (param, "a.copy()")):
        with pytest.raises(weft.CompileError, match=r"append a copy \(" +
                           hint.replace(".", r"\.").replace("(", r"\(")
                           .replace(")", r"\)")):
            f(np.arange(4.0))

    @weft.jit
    def copies(a):
        out = []
        out.append(a[1:3].copy())
        out.append(a * 2)
        b = np.sqrt(a)
        out.append(b)
        return out

    got = copies(np.arange(4.0))
    want = copies.py_func(np.arange(4.0))
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=1e-15)


@weft.jit
def total_and_mark(rows):
    s = 0.0
    for r in rows:
        s += r.sum()
    rows[1][0] = -1.0
    return s, len(rows), rows[2].max()


def test_a_list_of_arrays_passed_from_python():
    rows = [np.arange(3.0), np.ones(2), np.array([5.0, 9.0, 1.0, 2.0])]
    second = rows[1]
    assert total_and_mark(rows) == (22.0, 3, 9.0)
    # a row written in the function is the caller's array, changed
    assert rows[1] is second and second[0] == -1.0
    with pytest.raises(weft.CallError, match="of one dtype"):
        total_and_mark([np.ones(2), np.ones(2, dtype=np.int32)])


def test_results_of_functions_returning_new_arrays_are_appended():
    # A call is a new array when every return of the function gives one
    # (through the functions it calls); one returning a view of its
    # argument, or the argument itself, still asks for a copy.
    @weft.jit
    def coords(idx, width):
        rst = np.zeros((len(idx), 2), np.int64)
        for i in range(len(idx)):
            rst[i, 0] = idx[i] // width
            rst[i, 1] = idx[i] % width
        return rst[:, 0] * 100 + rst[:, 1]

    @weft.jit
    def run(idx, width):
        return coords(idx, width)

    @weft.jit
    def collect(n, width):
        out = []
        for i in range(1, n):
            nds = run(np.arange(i) * 3, width)
            out.append(nds)
        return out

    got = collect(4, 4)
    want = collect.py_func(4, 4)
    assert len(got) == len(want) == 3
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g, w)

    @weft.jit
    def tail(a):
        if len(a) > 2:
            return a[1:]
        return np.zeros(1)

    @weft.jit
    def views(n):
        out = []
        base = np.arange(float(n))
        out.append(tail(base))
        return out

    with pytest.raises(weft.CompileError, match=r"append a copy \(add \.copy\(\)\)"):
        views(4)


@weft.jit
def coordinate_blocks(n):
    out = []
    for i in range(1, n + 1):
        m = np.zeros((i, 2), dtype=np.int16)
        for r in range(i):
            m[r, 0] = r
            m[r, 1] = i * 10 + r
        out.append(m)
    return out


@weft.jit
def weigh_blocks(mats):
    s = 0.0
    for m in mats:
        s += m.sum() * m.shape[0] + m[0, -1]
    mats[0][1, 2] = 99.0
    return s, len(mats), mats[-1].shape[1], mats[1][3, 0]


@weft.jit
def grow_and_pop(n):
    out = []
    for i in range(n):
        out.append(np.ones((2, 3)) * i)
    last = out.pop()
    out[0] = np.arange(4.0).reshape(2, 2)
    firsts = np.zeros(len(out))
    for k in range(len(out)):
        firsts[k] = out[k][-1, -1]
    return last, out[1:], firsts


def test_lists_of_arrays_of_two_axes():
    got = coordinate_blocks(4)
    want = coordinate_blocks.py_func(4)
    assert [g.shape for g in got] == [(1, 2), (2, 2), (3, 2), (4, 2)]
    for g, w in zip(got, want):
        assert g.dtype == np.int16  # rows keep their dtype, as Numba's
        np.testing.assert_array_equal(g, w)
    mats = [np.arange(6.0).reshape(2, 3), np.arange(8.0).reshape(4, 2)]
    first = mats[0]
    assert weigh_blocks(mats) == (145.0, 2, 2, 6.0)
    # the row written is the caller's array, changed in place
    assert mats[0] is first and first[1, 2] == 99.0
    last, rest, firsts = grow_and_pop(4)
    np.testing.assert_array_equal(last, np.full((2, 3), 3.0))
    assert [r.shape for r in rest] == [(2, 3), (2, 3)]
    np.testing.assert_array_equal(firsts, [3.0, 1.0, 2.0])
    with pytest.raises(weft.CallError, match="one number of axes"):
        weigh_blocks([np.ones((2, 2)), np.ones(3)])


def test_a_list_holds_arrays_of_one_rank():
    @weft.jit
    def mixed(n):
        out = []
        out.append(np.ones((n, n)))
        out.append(np.ones(n))
        return out

    with pytest.raises(weft.CompileError,
                       match=r"'out' is a list\[f64\[:, :\]\], which holds "
                       r"arrays of 2 axes, not f64\[:\]"):
        mixed(2)


@weft.jit
def labelled_coords(i, width):
    rst = np.zeros((i + 1, 2), dtype=np.int16)
    for r in range(i + 1):
        rst[r, 0] = (3 * r) // width
        rst[r, 1] = (3 * r) % width
    return (i, i + 1, rst)


@weft.jit
def tuples_holding_arrays(n, width):
    edges = []
    for i in range(n):
        e = labelled_coords(i, width)
        edges.append(e)
    groups = []
    x = np.arange(10.0)
    for g in range(3):
        groups.append((g, x[x % 3 == g], g * 0.5))
    total = 0.0
    for g, arr, h in groups:
        total += arr.sum() * h
    last = groups.pop()
    first = groups[0]
    groups.append((7, np.ones(2), 1.5))
    return edges, total, last, first[1], len(groups), groups[-1][1]


@weft.jit
def weigh_groups(groups):
    s = 0.0
    for k, (g, arr, h) in enumerate(groups):
        s += k * arr.sum() + g * h
    return s


@weft.jit
def reversed_groups(n):
    groups = []
    for g in range(n):
        groups.append((g, np.arange(g + 1.0)))
    back = np.flip(groups)
    return back, groups.copy()


def test_lists_of_tuples_holding_arrays():
    got = tuples_holding_arrays(3, 4)
    want = tuples_holding_arrays.py_func(3, 4)
    assert [(a, b) for a, b, _ in got[0]] == [(0, 1), (1, 2), (2, 3)]
    for (_, _, g), (_, _, w) in zip(got[0], want[0]):
        assert g.dtype == np.int16
        np.testing.assert_array_equal(g, w)
    assert got[1] == want[1] == 21.0
    assert got[2][0] == 2 and got[2][2] == 1.0
    np.testing.assert_array_equal(got[2][1], [2.0, 5.0, 8.0])
    np.testing.assert_array_equal(got[3], [0.0, 3.0, 6.0, 9.0])
    assert got[4] == 3
    np.testing.assert_array_equal(got[5], [1.0, 1.0])

    @weft.jit
    def build_and_weigh(n):
        groups = []
        for g in range(n):
            groups.append((g, np.arange(g + 1.0), 0.5))
        return weigh_groups(groups)

    assert build_and_weigh(4) == build_and_weigh.py_func(4) == 28.0
    # passed from Python: the tuples' arrays go in as lists of arrays, and
    # rows the function writes are copied back into the caller's arrays
    groups = [(g, np.arange(g + 1.0), 0.5) for g in range(4)]
    assert weigh_groups(groups) == 28.0

    @weft.jit
    def mark(pairs):
        for i, m in pairs:
            m[0, 0] = i
        return len(pairs)

    pairs = [(5, np.zeros((2, 2))), (6, np.ones((1, 3)))]
    first = pairs[0][1]
    assert mark(pairs) == 2
    assert pairs[0][1] is first and first[0, 0] == 5.0
    assert pairs[1][1].tolist() == [[6.0, 1.0, 1.0]]
    back, same = reversed_groups(3)
    assert [g for g, _ in back] == [2, 1, 0]
    assert [a.tolist() for _, a in back] == [[0.0, 1.0, 2.0], [0.0, 1.0],
                                             [0.0]]
    assert [a.tolist() for _, a in same] == [[0.0], [0.0, 1.0],
                                             [0.0, 1.0, 2.0]]


def test_tuples_holding_views_or_live_arrays_are_refused():
    @weft.jit
    def views(x):
        out = []
        for i in range(3):
            out.append((i, x[i:]))
        return out

    with pytest.raises(weft.CompileError,
                       match="holds copies of new arrays here"):
        views(np.ones(4))

    @weft.jit
    def live(n):
        out = []
        a = np.zeros(n)
        out.append((1, a))
        a[0] = 5.0
        return out

    with pytest.raises(weft.CompileError, match="'a' is used again after it "
                       "is appended here"):
        live(3)

    @weft.jit
    def sliced(n):
        out = []
        for i in range(n):
            out.append((i, np.ones(i)))
        return out[1:]

    with pytest.raises(weft.CompileError, match="slices of a list of tuples "
                       "holding arrays are not supported yet"):
        sliced(3)


def test_comprehensions_of_arrays_of_different_lengths():
    @weft.jit
    def gather(count, doc_ids):
        return [count[ids] for ids in doc_ids]

    @weft.jit
    def above(x):
        return [x[x > t] for t in range(4) if t != 2]

    ids = [np.array([0, 2]), np.array([1]), np.array([3, 1, 0])]
    got = gather(np.arange(4.0) * 10, ids)
    assert [g.tolist() for g in got] == [[0.0, 20.0], [10.0],
                                         [30.0, 10.0, 0.0]]
    assert [a.tolist() for a in above(np.arange(6.0))] == [
        [1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 3.0, 4.0, 5.0], [4.0, 5.0]]


@weft.jit
def grown_display(n):
    # CyRK's y_result_list = [np.copy(y0)]; y_result_list.append(...)
    ys = [np.zeros(2)]
    for i in range(n):
        ys.append(np.ones(2) * (i + 1))
    total = 0.0
    for y in ys:
        total += y.sum()
    return total, len(ys), ys[-1]


def test_a_display_of_arrays_that_grows_is_a_list_of_arrays():
    total, count, last = grown_display(3)
    assert (total, count) == (12.0, 4)
    assert last.tolist() == [3.0, 3.0]


def test_copies_no_one_can_tell_from_the_arrays_are_accepted():
    # Views, parameters and arrays used again, put into a list the
    # function keeps to itself and never writes through: the copies read
    # as the arrays would (dsalgo's SA-IS stack of tuples of arrays).
    @weft.jit
    def stack(a):
        st = []
        while True:
            b = a * 2
            st.append((a, b))
            a = a[1:]
            if a.size < 2:
                break
        s = 0.0
        while st:
            a, b = st.pop()
            s += a.sum() + b[-1]
        return s

    @weft.jit
    def rows(m):
        kept = []
        for i in range(m.shape[0]):
            if m[i, 0] > 1.0:
                kept.append(m[i])
        t = 0.0
        for r in kept:
            t += r.sum() * len(kept)
        row = m[0] * 1.0
        kept.append(row)
        return t + row.sum() + kept[-1][0]

    a = np.arange(5.0)
    assert stack(a) == stack.py_func(a) == 68.0
    m = np.arange(12.0).reshape(4, 3)
    assert rows(m) == rows.py_func(m) == 189.0 + 3.0 + 0.0


def test_copies_a_write_or_the_caller_could_tell_are_refused():
    @weft.jit
    def written_after(m):
        kept = []
        for i in range(m.shape[0]):
            kept.append(m[i])
        m[0, 0] = 7.0        # Python's kept[0] would see it
        return kept[0][0]

    @weft.jit
    def written_through(m):
        kept = []
        kept.append(m[0])
        r = kept[0]
        r[1] = 5.0           # and m would see this
        return m[0, 1]

    @weft.jit
    def live_written(n):
        out = []
        a = np.zeros(n)
        out.append((1, a))
        s = out[0][1].sum()
        a[0] = 5.0
        return s

    @weft.jit
    def handed_back(m):
        kept = []
        kept.append(m[1])
        return kept          # the caller may write m later

    m = np.arange(6.0).reshape(2, 3)
    for f, arg, message in (
            (written_after, m, "append a copy \\(add .copy\\(\\)\\)"),
            (written_through, m, "this function writes an array it may "
                                 "share \\(or hands the list back\\)"),
            (live_written, 3, "'a' is used again after it is appended here, "
                              "and Python's list would hold the array "
                              "itself, which this function may write"),
            (handed_back, m, "holds copies of new arrays here")):
        with pytest.raises(weft.CompileError, match=message):
            f(arg)
    assert m.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]


def test_a_comprehension_of_arrays_whose_shapes_vary():
    # Arrays made by a call, a constructor or a mask given the loop's
    # variable may differ in length: a list of arrays, as Python's
    # (tsclust's per-pattern local paths); rows of one array stay one
    # shape and convert with np.array.
    @weft.jit
    def local_path(p, k):
        return p[k, :k + 1] * 2

    @weft.jit
    def parts(x, m, n):
        a = [np.arange(k) for k in range(n)]
        b = [x[x > t] for t in range(n)]
        c = [local_path(m, k) for k in range(m.shape[0])]
        d = [m[i] * 2 for i in range(m.shape[0])]
        return a, b, c, sum([len(r) for r in a]), np.array(d)

    x = np.array([3.0, 1.0, 4.0, 1.0, 5.0])
    m = np.arange(12.0).reshape(3, 4)
    got, want = parts(x, m, 4), parts.py_func(x, m, 4)
    for g, w in zip(got[:3], want[:3]):
        assert type(g) is list and [r.tolist() for r in g] == \
            [r.tolist() for r in w]
    assert got[3] == want[3] == 6
    np.testing.assert_array_equal(got[4], want[4])


def test_a_list_of_arrays_unpacked_into_names():
    # dcor's `g1, gx, gy, gxy = [partial_sum(..., k) for k in range(4)]`
    @weft.jit
    def part(x, k):
        return x[:k + 1] * 2.0

    @weft.jit
    def four(x):
        a, b, c, d = [part(x, k) for k in range(4)]
        return a.sum() + b.sum() * 10 + c[-1] + d.size

    @weft.jit
    def two_of_three(x):
        a, b = [part(x, k) for k in range(3)]
        return a.sum()

    x = np.arange(5.0)
    assert four(x) == four.py_func(x) == 28.0
    with pytest.raises(ValueError,
                       match=r"^too many values to unpack \(expected 2\)$"):
        two_of_three(x)
