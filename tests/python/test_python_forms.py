"""Forms of ordinary Python in jitted functions that Numba accepts and
Weft compiled wrongly or refused: Python annotations that are no Weft
type (ignored, as Python and Numba ignore them), raw strings and Python's
escapes, a module-level alias of a jitted function, a variable with the
name of a function, `numba.types`. Checked against CPython running the
same functions (py_func)."""
from typing import Optional, Tuple

import numpy as np
import pytest

import weft
import weft.numba
from weft import prange


class Point:
    pass


@weft.jit
def annotated(x: np.ndarray, k: Optional[int] = None,
              s: "float | None" = None) -> Tuple[float, int]:
    y: np.ndarray = x * 2
    z: float
    return y[0] + y[-1], len(x)


@weft.jit
def class_annotations(p: Point, n: int) -> Point:
    return p * n


@weft.jit
def union_annotation(x: float | None = None):
    if x is None:
        return 1.0
    return x


def test_python_annotations_are_ignored():
    x = np.arange(4.0)
    assert annotated(x) == annotated.py_func(x) == (6.0, 4)
    assert class_annotations(2.5, 2) == 5.0
    assert union_annotation() == 1.0 and union_annotation(3.0) == 3.0


@weft.jit
def escapes():
    s = "a\x41\u00e9\101\\p" + r"\d+\n" + "\p"
    return len(s), s


def test_raw_strings_and_escapes():
    assert escapes() == escapes.py_func()


@weft.jit
def cube(x):
    return x * x * x


c3 = cube


@weft.jit
def use_alias(x):
    return c3(x) + 1


@weft.jit
def slope(y):
    # a variable with its function's name hides the function here
    slope = (y[-1] - y[0]) / (len(y) - 1)
    return slope


@weft.jit
def calls_slope(y):
    return slope(y) * 2


def test_function_names():
    assert use_alias(2.0) == 9.0
    y = np.array([1.0, 3.0, 5.0])
    assert slope(y) == 2.0 and calls_slope(y) == 4.0


def test_numba_types_names():
    numba = weft.numba.module()
    sig = numba.types.intp(numba.types.intp, numba.types.float64[:])
    assert "intp" in repr(sig)


@weft.jit
def zeros_of(n, dt):
    out = np.zeros(n, dtype=dt)
    out[0] = 1.5
    return out, dt.kind, dt.itemsize


@pytest.mark.parametrize("dt", [np.float32, np.dtype("int64"), float, bool,
                                np.uint8])
def test_dtypes_passed_from_python(dt):
    got, want = zeros_of(3, dt), zeros_of.py_func(3, np.dtype(dt))
    assert got[0].dtype == want[0].dtype
    assert got[0].tolist() == want[0].tolist()
    assert got[1:] == want[1:]


_TOL = 1e-3


@weft.jit
def clipped(x, hi=np.inf, lo=-np.inf, tol=_TOL, shape=(2, 3)):
    return min(max(x, lo), hi) + tol + shape[0]


@weft.jit
def caller_of_clipped(x):
    return clipped(x) + clipped(x, 1.0)


def test_constant_defaults():
    assert clipped(5.0) == clipped.py_func(5.0)
    assert caller_of_clipped(5.0) == caller_of_clipped.py_func(5.0)


@weft.jit
def unpack_rows(pts):
    total = 0.0
    for i in range(pts.shape[0]):
        x, y, z = pts[i]
        total += x * 100 + y * 10 + z
    a, b = pts[:2]
    return total, a[0] + b[2]


def test_unpacking_an_array():
    pts = np.arange(12.0).reshape(4, 3)
    assert unpack_rows(pts) == unpack_rows.py_func(pts)
    with pytest.raises(ValueError, match="too many values to unpack"):
        unpack_rows(np.zeros((2, 4)))
    with pytest.raises(ValueError, match="not enough values to unpack"):
        unpack_rows(np.zeros((2, 2)))


@weft.jit
def creation_keywords(h, w, x):
    a = np.zeros(shape=(h, w), dtype=np.float64)
    b = np.full(shape=w, fill_value=2.5)
    c = np.ones_like(a=b)
    return a.sum() + b.sum() + c.sum() + x[0].item() + x[1:2].item()


def test_creation_keywords_and_item_of_a_number():
    x = np.array([1.5, 2.5])
    assert creation_keywords(2, 3, x) == creation_keywords.py_func(2, 3, x)


from collections import namedtuple  # noqa: E402
from typing import NamedTuple  # noqa: E402

UnionFind = namedtuple("UnionFind", ["parent", "size"])


class Point2(NamedTuple):
    x: float
    y: float


@weft.jit
def uf_find(uf, a):
    while uf.parent[a] != a:
        a = uf.parent[a]
    return a


@weft.jit
def components(n, edges):
    uf = UnionFind(np.arange(n), size=np.ones(n, np.int64))
    for k in range(edges.shape[0]):
        a = uf_find(uf, edges[k, 0])
        b = uf_find(uf, edges[k, 1])
        if a != b:
            uf.parent[b] = a
            uf.size[a] += uf.size[b]
    roots = 0
    for i in range(n):
        if uf_find(uf, i) == i:
            roots += 1
    return roots, uf.size.max()


@weft.jit
def norm(p):
    q = Point2(p.y, p.x)
    return (q.x ** 2 + q.y ** 2) ** 0.5, q.x


def test_namedtuples():
    edges = np.array([[0, 1], [2, 3], [1, 3], [5, 6]])
    assert components(7, edges) == components.py_func(7, edges)
    p = Point2(3.0, 4.0)
    assert norm(p) == norm.py_func(p) == (5.0, 4.0)


@weft.jit
def type_limits():
    return (np.iinfo(np.int64).max, np.iinfo(np.int32).min,
            np.iinfo(np.uint8).max, np.iinfo(np.intp).bits,
            np.finfo(np.float64).eps, np.finfo(np.float32).max,
            np.finfo(float).tiny, np.finfo(np.float32).eps)


def test_type_limits():
    assert type_limits() == tuple(float(v) if isinstance(v, np.floating)
                                  else v for v in type_limits.py_func())


FloatDType = np.float64


@weft.jit
def box(p):
    return p.min(), p.max(), p.sum(), float(len(p))


@weft.jit
def boxes(pts):
    out = np.empty((pts.shape[0], 4), FloatDType)
    for i in range(pts.shape[0]):
        out[i] = box(pts[i])
    return out


def test_dtype_alias_and_tuples_stored_into_rows():
    pts = np.arange(12.0).reshape(4, 3)
    assert np.array_equal(boxes(pts), boxes.py_func(pts))


@weft.jit
def weighted_firsts(grids, i):
    s = 0.0
    for k in range(len(grids)):
        s += grids[k][0] * (k + 1)
    return s, grids[i][1], grids[-1][2]


def test_tuple_of_arrays_indexed_by_a_variable():
    grids = (np.ones(3), np.arange(3.0), np.full(3, 2.0))
    assert weighted_firsts(grids, 1) == weighted_firsts.py_func(grids, 1)
    with pytest.raises(IndexError, match="tuple index out of range"):
        weighted_firsts(grids, 3)



@weft.jit
def recurrence(a):
    # prange without parallel=True is Numba's range: this loop carries
    # `acc` from one iteration to the next, and runs in order
    out = np.empty_like(a)
    acc = 0.0
    for i in prange(len(a)):
        acc = acc * 0.5 + a[i]
        out[i] = acc
    return out


@weft.jit(parallel=True)
def recurrence_promised(a):
    out = np.empty_like(a)
    acc = 0.0
    for i in prange(len(a)):
        acc = acc * 0.5 + a[i]
        out[i] = acc
    return out


def test_prange_without_parallel_is_a_range():
    a = np.arange(6.0)
    assert np.array_equal(recurrence(a), recurrence.py_func(a))
    with pytest.raises(weft.CompileError, match="not a reduction"):
        recurrence_promised(a)


from math import floor  # noqa: E402
from numpy import array, median  # noqa: E402
from numpy import sqrt as root  # noqa: E402


@weft.jit
def imported_names(x):
    m = median(array([x[0], x[1], x[2]]))
    return m + root(4.0), floor(2.7) & 0xFF


def test_functions_imported_by_name():
    x = np.array([3.0, 1.0, 2.0])
    got, want = imported_names(x), imported_names.py_func(x)
    assert got == want and type(got[1]) is int


@weft.jit(parallel=True)
def inner_private(x, y):
    w = 0.0
    for t in prange(y.shape[0]):
        for i in range(x.shape[0]):
            w = x[i] * t  # private: assigned before read in each iteration
            y[t] += w
    return y


def test_prange_private_assigned_in_an_inner_loop():
    x = np.arange(3.0)
    assert np.array_equal(inner_private(x, np.zeros(50)),
                          inner_private.py_func(x, np.zeros(50)))


numba = weft.numba.module()
boolean = numba.boolean


@weft.jit
def numba_names(n, a, b):
    found = numba.typed.List.empty_list(numba.types.intp)
    for i in range(n):
        if i % 3 == 0:
            found.append(i)
    mask = np.ones(n, dtype=boolean)
    return len(found), mask.sum(), len(range(a, b, 2))


def test_numba_names_in_jitted_code():
    assert numba_names(10, 1, 8) == (4, 10, 4)


@weft.jit(fastmath={"nsz", "arcp", "contract"})
def nan_spread(a):
    return np.nanvar(a), np.nanstd(a), np.nanvar(a, ddof=1)


def test_nanvar_nanstd_and_fastmath_flags():
    a = np.array([1.0, np.nan, 3.0, 4.5, np.nan])
    assert np.allclose(nan_spread(a), nan_spread.py_func(a), rtol=1e-12)


@weft.jit
def covariances(a, b, x, y):
    return (np.cov(a), np.cov(a, rowvar=False), np.cov(a, rowvar=0, bias=True),
            np.cov(a, ddof=0), np.corrcoef(a, rowvar=0), np.corrcoef(x, y),
            np.cov(x, y), np.cov(x), np.cov(x, ddof=2),
            np.cov(a, b, rowvar=False), np.corrcoef(a, x), np.cov(x, bias=True))


def test_cov_and_corrcoef_keywords():
    rng = np.random.default_rng(0)
    a, b = rng.random((4, 6)), rng.random((4, 3))
    x, y = rng.random(6), rng.random(6)
    got = covariances(a, b, x, y)
    want = covariances.py_func(a, b, x, y)
    for g, w in zip(got, want):
        assert np.shape(g) == np.shape(w)
        assert np.allclose(g, w, rtol=1e-12)


@weft.jit
def array_with_positional_dtype(a):
    nz = np.nonzero(a)[0]
    return np.concatenate((nz, np.array([len(a)], nz.dtype))), \
        np.array([1, 2], np.float32)


def test_array_with_a_positional_dtype():
    got, f = array_with_positional_dtype(np.array([0.0, 1.0, 0.0, 2.0]))
    np.testing.assert_array_equal(got, [1, 3, 4])
    assert got.dtype == np.int64 and f.dtype == np.float32


@weft.jit
def disk(r, scale):
    s = np.zeros((2 * r + 1, 2 * r + 1), dtype=type(r))
    f = np.ones(2, dtype=type(scale)) * scale
    return s, f


def test_type_of_a_number_is_its_dtype():
    s, f = disk(2, 0.5)
    assert s.shape == (5, 5) and s.dtype == np.int64
    assert f.dtype == np.float64 and f[0] == 0.5

    @weft.jit
    def type_of_array(a):
        return np.zeros(2, dtype=type(a))
    with pytest.raises(weft.CompileError,
                       match="type\\(\\) takes a number here"):
        type_of_array(np.ones(2))


@weft.jit
def pairs_as_rows(n):
    lst = []
    pts = []
    for i in range(n):
        lst.append((i, i * 2))
        pts.append((i, 0.5 * i))
    a = np.array(lst)
    return a, a.T, np.array(pts), np.array(lst, dtype=np.float32)


def test_array_of_a_list_of_tuples():
    for got, want in zip(pairs_as_rows(4), pairs_as_rows.py_func(4)):
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_array_equal(got, want)


def make_filler(dt, scale):
    @weft.jit
    def fill(n):
        return np.full(n, scale, dtype=dt)
    return fill


def test_factory_closure_numbers_and_dtypes():
    f32, i64 = make_filler(np.float32, 1.5), make_filler(np.int64, 7)
    assert f32(2).dtype == np.float32 and f32(2)[0] == 1.5
    assert i64(3).dtype == np.int64 and list(i64(3)) == [7, 7, 7]


Direction = namedtuple("Direction", ["Up", "Down", "Flat"])(*range(3))
Bounds = namedtuple("Bounds", ["lo", "hi"])(lo=-0.5, hi=0.5)


@weft.jit
def classify(x):
    if x > Bounds.hi:
        return Direction.Up
    if x < Bounds.lo:
        return Direction.Down
    return Direction.Flat


def test_namedtuple_instances_as_constants():
    assert [classify(x) for x in (1.0, -1.0, 0.1)] == [0, 1, 2]


@weft.jit
def shifted_square(x, shift, scale):
    return scale * x * x - shift


@weft.jit
def plain_square(x):
    return x * x - 2.0


@weft.jit
def bisect_root(f, lo, hi, args=()):
    # SciPy's calling convention: f(x, *args), args=() by default.
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if f(lo, *args) * f(mid, *args) <= 0:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def test_star_args_and_empty_tuple_defaults():
    assert abs(bisect_root(plain_square, 0.0, 2.0) - 2 ** 0.5) < 1e-12
    assert abs(bisect_root(shifted_square, 0.0, 3.0, (3.0, 0.5)) -
               6 ** 0.5) < 1e-12


@weft.jit
def trimmed(u, s, vh, absorb):
    # quimb's SVD truncation returns (U, None, VH) once s is absorbed
    if absorb is None:
        return u, s, vh
    return u * s, None, vh


def test_none_in_a_returned_tuple():
    u, s, vh = np.eye(2), np.array([2.0, 0.5]), np.ones((2, 2))
    got = trimmed(u, s, vh, 1)
    assert got[1] is None
    np.testing.assert_array_equal(got[0], u * s)
    kept = trimmed(u, s, vh, None)
    np.testing.assert_array_equal(kept[1], s)
    np.testing.assert_array_equal(kept[2], vh)


@weft.jit
def apply_rows(func1d, a):
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = func1d(a[i])
    return out


@weft.jit
def row_stats(a):
    return (apply_rows(np.mean, a), apply_rows(np.linalg.norm, a),
            apply_rows(np.max, a), a.dot(a[0]))


def test_numpy_functions_passed_as_values_and_dot_method():
    a = np.arange(12.0).reshape(3, 4)
    want = (a.mean(axis=1), np.linalg.norm(a, axis=1), a.max(axis=1),
            a @ a[0])
    for got, w in zip(row_stats(a), want):
        np.testing.assert_allclose(got, w, rtol=1e-14)


@weft.jit
def zero_diagonal(a):
    np.fill_diagonal(a, 0)
    return a.sum()


def test_fill_diagonal_in_place():
    a, b = np.ones((3, 4)), np.ones((3, 4))
    assert zero_diagonal(a) == zero_diagonal.py_func(b) == 9.0
    np.testing.assert_array_equal(a, b)


from numpy import linalg  # noqa: E402
import numpy.linalg as la  # noqa: E402


@weft.jit
def norms(a):
    return linalg.norm(a), la.norm(a[1:])


def test_numpy_linalg_under_other_names():
    a = np.array([3.0, 4.0, 12.0])
    assert norms(a) == norms.py_func(a)


@weft.jit
def critical_wettedness(air_speed, w_max=False, n=3):
    # a parameter typed by its argument (bool, int) widened by the floats
    # assigned to it in a branch, as Numba unifies the variable
    if not w_max:
        w_max = 0.38 * air_speed
    if air_speed > 1:
        n = n / 2
    return w_max * 2, n


def test_parameters_widened_by_what_is_assigned():
    assert critical_wettedness(2.0) == (1.52, 1.5)
    assert critical_wettedness(0.5, 1.5) == (3.0, 3.0)
