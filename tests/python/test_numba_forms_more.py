"""Forms of public Numba code that Numba accepts and Weft refused: float
slice bounds (truncated toward zero, as Numba's int(x)), np.ones_like and
the other *_like of a number (NumPy's 0-d array, held as the number), a
variable with the name of a Weft type (f32) beside np.float32,
numba.set_num_threads/get_num_threads and numba.float_, @guvectorize
signatures of uint64 and complex types and its forceobj= option; and
fastmath array statements that must give NumPy's bits. The
expected values are what Numba 0.56 returns for the same calls."""
import numpy as np
import pytest

import weft
from weft import numba as weft_numba
from weft import prange


def test_float_slice_bounds_truncate_toward_zero():
    @weft.jit
    def f(a, x, y):
        return a[x:y], a[x:], a[:y]

    a = np.arange(10.0)
    lo, up, mid = f(a, 1.5, 7.9)
    assert np.array_equal(lo, a[1:7]) and np.array_equal(up, a[1:])
    assert np.array_equal(mid, a[:7])
    lo, up, mid = f(a, -2.5, -0.5)
    assert lo.size == 0 and np.array_equal(up, a[-2:]) and mid.size == 0


def test_like_constructors_of_a_number():
    @weft.jit
    def g(x):
        return np.ones_like(x) * 1.5, np.zeros_like(x), np.full_like(x, 3)

    assert g(2.5) == (1.5, 0.0, 3.0)
    ones, zeros, full = g(7)
    assert (ones, zeros, full) == (1.5, 0, 3)
    assert isinstance(zeros, int) and isinstance(full, int)


def test_a_variable_named_like_a_weft_type():
    @weft.jit
    def h(n):
        f32 = np.ones(n, np.float32)
        i64 = np.zeros(n, dtype=np.int64)
        return f32, i64

    f32, i64 = h(3)
    assert f32.dtype == np.float32 and i64.dtype == np.int64
    assert f32.tolist() == [1.0, 1.0, 1.0]


def test_numba_thread_functions_and_type_names():
    nb = weft_numba.module()
    total = nb.config.NUMBA_NUM_THREADS
    nb.set_num_threads(1)
    assert nb.get_num_threads() == 1
    nb.set_num_threads(total)
    assert nb.get_num_threads() == total
    with pytest.raises(ValueError, match="between 1 and"):
        nb.set_num_threads(total + 1)
    # (numba.float_ is float32 in Numba 0.56, unlike NumPy's np.float_)
    assert nb.float_.numpy_dtype == np.dtype("float32")


def test_guvectorize_uint64_and_forceobj():
    @weft.guvectorize(["void(uint64[:], uint64[:], uint64[:])"],
                      "(n),(n)->(n)", nopython=True, forceobj=True)
    def add(a, b, out):
        for i in range(a.shape[0]):
            out[i] = a[i] + b[i]

    a = np.arange(6, dtype=np.uint64).reshape(2, 3)
    r = add(a, a)
    assert r.dtype == np.uint64 and r.tolist() == (2 * a).tolist()


def test_histogram_with_bin_edges():
    # xarray-einstats' histogram ufunc: np.histogram(x, bins=edges)
    @weft.jit
    def f(a, edges, n):
        h1, e1 = np.histogram(a, bins=edges)
        h2, _ = np.histogram(a, edges)
        h3, e3 = np.histogram(a, n)
        return h1, e1, h2, h3, e3

    a = np.random.default_rng(0).normal(size=(30, 4))
    a[0, 0] = 5.0
    edges = np.array([-1.0, 0.0, 0.5, 3.0])
    h1, e1, h2, h3, e3 = f(a, edges, 5)
    expect, _ = np.histogram(a, bins=edges)
    assert h1.tolist() == expect.tolist() == h2.tolist()
    assert np.array_equal(e1, edges)
    n_expect, e_expect = np.histogram(a, 5)
    assert h3.tolist() == n_expect.tolist()
    np.testing.assert_allclose(e3, e_expect, rtol=1e-15)
    with pytest.raises(weft.ValueError, match="monotonically"):
        f(a, np.array([0.0, 2.0, 1.0]), 5)


def test_cross_of_vectors_in_rows():
    # rayflare's ray tracer: np.cross of (n, 3) arrays, row by row
    @weft.jit
    def f(a, b, v):
        return np.cross(a, b), np.cross(a, v), np.cross(v, b), np.cross(v, v[::-1])

    a = np.arange(12.).reshape(4, 3)
    b = np.ones((4, 3)) * np.array([1., -2., 0.5])
    v = np.array([0.5, 1.0, -1.0])
    for got, want in zip(f(a, b, v), (np.cross(a, b), np.cross(a, v),
                                      np.cross(v, b), np.cross(v, v[::-1]))):
        assert got.shape == want.shape and np.array_equal(got, want)


def test_conditional_expression_on_a_parameter_passed_none():
    # hexrd: out = out if out is not None else np.empty(n)
    @weft.jit
    def f(n, out=None):
        out = out if out is not None else np.empty(n)
        out[:] = 2.0
        return out

    assert f(3).tolist() == [2.0, 2.0, 2.0]
    given = np.zeros(2)
    assert f(2, given) is not None and given.tolist() == [2.0, 2.0]


def test_cmath_inverse_functions_as_python():
    import cmath

    @weft.jit
    def f(z):
        return cmath.atan(z), cmath.asin(z), cmath.acos(z), cmath.asinh(z), \
            cmath.atanh(z)

    for z in [0.5, 2.0, -2.0, 0.3 - 1.2j, complex(-4.0, -0.0), 1e-8j]:
        got = f(z)
        want = (cmath.atan(z), cmath.asin(z), cmath.acos(z), cmath.asinh(z),
                cmath.atanh(z))
        for g, w in zip(got, want):
            assert isinstance(g, complex)
            assert g == pytest.approx(w, rel=1e-14, abs=1e-300)
            assert (np.copysign(1, g.real), np.copysign(1, g.imag)) == \
                (np.copysign(1, w.real), np.copysign(1, w.imag))


def test_numba_pycc_exports_and_bool8():
    # pylandstats: cc = pycc.CC(name); @cc.export(name, sig) on @njit
    nb = weft_numba.module()
    cc = nb.pycc.CC("nb_compute")

    @cc.export("count", "int64(uint8[:])")
    @weft.jit
    def count(a):
        mask = np.ones(a.size, np.bool8)
        return np.sum(mask & (a > 1))

    assert count(np.array([0, 2, 3], dtype=np.uint8)) == 2
    assert cc.compile() is None


@weft.vectorize(["f8(f8, f8)", "f4(f4, f4)"])
def _ratio(a, b):
    if b == 0:
        c = 1
    else:
        c = a / b
    return c


@weft.vectorize(["int64(int64)", "float64(float64)"])
def _square(x):
    return x * x


def test_vectorize_signatures_pick_numpys_loop():
    # NumPy's loop search, as Numba's ufuncs: the first signature the
    # arguments cast to safely, in the order given (measured with Numba).
    x32 = np.array([1, 2, 3], np.float32)
    r = _ratio(x32, x32 + 1)
    assert r.dtype == np.float64  # f8(f8, f8) comes first
    np.testing.assert_array_equal(r, x32.astype(np.float64) /
                                  (x32 + 1).astype(np.float64))
    assert _ratio(np.arange(3), 0.0).dtype == np.float64
    assert type(_ratio(1.0, 3.0)) is np.float64
    ints = _square(np.arange(3))
    assert ints.dtype == np.int64 and list(ints) == [0, 1, 4]
    assert _square(x32).dtype == np.float64  # float32 to f8, not i8
    assert type(_square(3)) is np.int64 and _square(3) == 9
    with pytest.raises(TypeError, match="not supported for the input types"):
        _square(np.array([1j]))


def _plain_helper(a):
    return a, 2.0 * a


def test_plain_python_function_called_from_jitted_code():
    # Numba's @jit falls back to object mode to call it; Weft compiles it
    @weft.jit
    def f(a):
        x, y = _plain_helper(a)
        return x + y

    np.testing.assert_array_equal(f(np.arange(3.0)), [0.0, 3.0, 6.0])


def test_tuple_conditions_append_of_numbers_and_fresh_lists():
    @weft.jit
    def f(a, d):
        imax, imin = [], []
        for k in range(len(d)):
            if d[k] > 0:
                imax.append(k)
            elif d[k] < 0:
                imin.append(k * 0.5)
        edges = np.append(np.append(0, d == 0), 0)
        empty = 1 if not a.shape else 0
        return imax, imin, edges, empty, (2 if a.shape else 3)

    imax, imin, edges, empty, full = f(np.zeros(2),
                                       np.array([1.0, 0.0, -1.0, 2.0]))
    assert imax == [0, 3] and imin == [1.0]
    assert edges.dtype == np.int64 and list(edges) == [0, 0, 1, 0, 0, 0]
    assert (empty, full) == (0, 2)


def test_numpy_record_argument():
    # rrmpg's params[i]: one element of a structured array, its fields
    # read by name (rec["x1"]) or as attributes; written through to the
    # array, as Numba writes a record (a copy's writes stay in the copy)
    @weft.jit
    def f(p, a):
        return p["x1"] * a.sum() + p["x2"], p.x3

    dt = np.dtype([("x1", np.float64), ("x2", np.float64), ("x3", np.int32)])
    params = np.zeros(2, dtype=dt)
    params["x1"] = [3.5, 1.0]
    params["x2"] = 0.25
    params["x3"] = [7, 8]
    assert f(params[0], np.arange(3.0)) == (10.75, 7)
    assert f(params[1], np.arange(3.0)) == (3.25, 8)

    @weft.jit
    def g(p):
        p["x1"] = 2.0
        return p["x1"]

    assert g(params[0]) == 2.0 and params["x1"].tolist() == [2.0, 1.0]
    copy = params[1].copy()
    assert g(copy) == 2.0 and copy["x1"] == 2.0
    assert params["x1"].tolist() == [2.0, 1.0]


def test_prange_left_by_return_or_break_runs_serially():
    # Numba runs a prange it cannot parallelize as a range (with a
    # warning); Weft too, in code from Python.
    @weft.jit(parallel=True)
    def first_negative_or_sum(x):
        s = 0.0
        for i in prange(x.size):
            if x[i] < 0:
                return np.inf
            s += x[i]
        return s

    @weft.jit(parallel=True)
    def sum_to_negative(x):
        s = 0.0
        for i in prange(x.size):
            if x[i] < 0:
                break
            s += x[i]
        return s

    assert first_negative_or_sum(np.arange(5.0)) == 10.0
    assert first_negative_or_sum(np.array([1.0, -1.0, 2.0])) == np.inf
    assert sum_to_negative(np.array([1.0, 2.0, -1.0, 5.0])) == 3.0


def test_keyword_only_and_positional_only_parameters():
    @weft.jit
    def scores(*, sims, weights, scale=2.0):
        return (sims * weights).sum() * scale

    @weft.jit
    def caller(a, /, b):
        return scores(sims=a, weights=b) + scores(weights=b, sims=a, scale=1)

    a, b = np.arange(3.0), np.ones(3)
    assert scores(sims=a, weights=b) == 6.0
    assert scores(weights=b, sims=a, scale=0.5) == 1.5
    assert caller(a, b) == 9.0


def test_fastmath_array_statements_keep_numpy_order():
    # MultiRocket's convolution: four float32 rows summed in one array
    # statement under fastmath, then compared against thresholds taken
    # from NumPy's result of the same sum. Reassociated, the sum differed
    # from NumPy's (and Numba's) in the last bit and flipped comparisons.
    @weft.jit(fastmath=True)
    def kernel_sums(x, idx):
        n = x.shape[0]
        c_alpha = np.zeros(n, dtype=np.float32)
        c_alpha[:] = -x
        c_gamma = np.zeros((9, n), dtype=np.float32)
        for q in range(9):
            c_gamma[q] = (x + x + x) * (q + 1)
        out = np.zeros((idx.shape[0], n), dtype=np.float32)
        for k in range(idx.shape[0]):
            i0, i1, i2 = idx[k]
            c = c_alpha + c_gamma[i0] + c_gamma[i1] + c_gamma[i2]
            out[k] = c
        return out, c_alpha, c_gamma

    x = np.random.default_rng(1).standard_normal(100)
    idx = np.array([[0, 1, 2], [1, 4, 7], [2, 3, 8]], dtype=np.int32)
    out, ca, cg = kernel_sums(x, idx)
    for k, (i0, i1, i2) in enumerate(idx):
        assert np.array_equal(out[k], ca + cg[i0] + cg[i1] + cg[i2])


def test_objmode_blocks_and_printing_to_stderr(capfd):
    # Numba's object mode: Weft has none, so the block is compiled like
    # the code around it (PySDM's warn(), SeisSeeker's spectra); print's
    # file=sys.stderr writes to the process's stderr.
    import sys
    from weft.numba import module
    numba = module()

    @weft.jit
    def warn(msg, x, return_value=None):
        with numba.objmode():
            print(msg, file=sys.stderr)
            print("\tvalue:", x, file=sys.stderr, flush=True)
        print("back", x, file=sys.stdout)
        return return_value

    @weft.jit
    def doubled_sum(a):
        with numba.objmode(y="float64"):
            y = a.sum() * 2
        return y

    @weft.jit
    def uncalled(x):
        # (`with numba.objmode:`, not called, as PTtools writes it)
        with numba.objmode:
            print("large", x, file=sys.stderr)
        return x + 1

    assert warn("careful", 3, 7) == 7
    out, err = capfd.readouterr()
    assert err == "careful\n\tvalue: 3\n" and out == "back 3\n"
    assert doubled_sum(np.arange(4.0)) == 12.0
    assert uncalled(2) == 3
    assert capfd.readouterr().err == "large 2\n"

    @weft.jit
    def other_file(x):
        print(x, file=x)

    with pytest.raises(weft.CompileError, match="file=sys.stderr"):
        other_file(1)


def test_nonzero_method_sets_returned_and_dtype_of_0d():
    # HPVsim's (a > 1).nonzero()[0], DataMapPlot's `return set(...)`,
    # NetKet's np.empty(n, dtype=h.dtype) of a 0-d array h
    @weft.jit
    def picks(a):
        return (a > 1).nonzero()[0], set([x for x in a if x > 1])

    @weft.jit
    def like(h):
        return np.empty(2, dtype=h.dtype).dtype == np.float32, -h * 2

    idx, big = picks(np.array([0.5, 2.0, 3.0, 3.0]))
    assert idx.tolist() == [1, 2, 3] and big == {2.0, 3.0}
    assert like(np.float32(1.5)) == (True, -3.0)


def test_slice_objects_written_in_an_index():
    # xdem's V[slice(0, q), slice(q, 2 * q)]: the slices 0:q and q:2*q
    @weft.jit
    def corner(V, q):
        return (np.max(V[slice(0, q), slice(q, 2 * q)]),
                V[slice(None, 2)].sum(), V[slice(1, None, 2), 0])

    V = np.arange(16.0).reshape(4, 4)
    top, rows, odd = corner(V, 2)
    assert top == 7.0 and rows == 28.0 and odd.tolist() == [4.0, 12.0]
