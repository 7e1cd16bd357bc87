"""Forms of published Numba code Weft refused or got wrong: the int64
least literal in the NaN test by int(x) (polars_ta), a conditional
expression picking between tuples holding arrays (lamberthub), NumPy's
one-letter dtype codes (astype("d")), np.nan_to_num of a number and with
its keywords, np.arcsinh/arccosh/arctanh, and dispatcher.compile(sig)
with disable_compile() (interval-evidence). The expected values are
Python's and NumPy's (as Numba 0.56 gives them)."""
import math

import numpy as np
import pytest

import weft
from weft import numba as weft_numba


def test_nan_test_by_the_least_int64():
    @weft.jit(fastmath=True)
    def isnan(x):
        if int(x) == -9223372036854775808:
            return True
        else:
            return False

    @weft.jit(fastmath=True)
    def zip_sum(a, b):
        for i in range(1, a.shape[0]):
            if isnan(a[i]):
                a[i] = a[i - 1] + b[i - 1]
        return a

    a = np.array([0.5, np.nan, 2.0, np.nan, np.nan])
    assert zip_sum(a, np.ones(5)).tolist() == [0.5, 1.5, 2.0, 3.0, 4.0]


def test_conditional_tuples_holding_arrays():
    @weft.jit
    def pick(a, b, s, prograde):
        x, y, z = (-s, -a, -b) if prograde is False else (s, a, b)
        w = (a, (s, 1)) if s > 0 else (b, (2.0, 3))
        return x, y.sum(), z[0], w[0][0], w[1]

    a, b = np.arange(3.0), np.ones(3)
    assert pick(a, b, 2.0, False) == (-2.0, -3.0, -1.0, 0.0, (2.0, 1))
    assert pick(a, b, -2.0, True) == (-2.0, 3.0, 1.0, 1.0, (2.0, 3))


def test_one_letter_dtype_codes():
    @weft.jit
    def norm(v):
        return np.linalg.norm(v.astype("d")), v.astype("f").dtype == \
            np.float32, v.astype("i").dtype == np.int32, \
            v.astype("B").dtype == np.uint8

    assert norm(np.array([3, 4])) == (5.0, True, True, True)


def test_nan_to_num_of_numbers_and_with_keywords_and_inverse_hyperbolics():
    @weft.jit
    def f(x, a):
        return (np.nan_to_num(x), np.nan_to_num(a, nan=-1.0, posinf=5.0),
                np.nan_to_num(3), np.arcsinh(0.5), np.arccosh(1.5),
                np.arctanh(a[3:]))

    a = np.array([np.nan, np.inf, -np.inf, 0.5])
    x, b, n, s, c, t = f(np.nan, a)
    assert x == 0.0 and n == 3
    assert b.tolist() == [-1.0, 5.0, -np.finfo(np.float64).max, 0.5]
    assert s == math.asinh(0.5) and c == math.acosh(1.5)
    assert t.tolist() == [math.atanh(0.5)]


def test_dispatcher_compile_with_a_signature():
    shim = weft_numba.module()

    @weft.jit
    def half(a):
        return a // 2

    half.compile(shim.float64(shim.float64))
    half.disable_compile()
    # (float64: 3 comes in as 3.0, and 3.0 // 2 is a float)
    assert half(3) == 1.0 and isinstance(half(3), float)


def test_store_of_one_matching_row_and_of_a_part_that_may_be_none():
    # (PARCELY: DropTrack[Drop, 1:, i] = DropPop[:, 1:][DropPop[:, 0] ==
    # Drop], and a tuple whose second array a function may leave None)
    @weft.jit
    def track(t, p):
        for d in range(t.shape[0]):
            if t[d, 0] in p[:, 0]:
                t[d, 1:] = p[:, 1:][p[:, 0] == d]
        t[2, :2] = np.ones((1, 1, 2)) * 7
        return t

    t = np.zeros((3, 4))
    t[:, 0] = [0, 1, 5]
    p = np.arange(12.0).reshape(3, 4)
    p[:, 0] = [1, 0, 9]
    assert track(t, p).tolist() == [[0, 5, 6, 7], [1, 1, 2, 3], [7, 7, 0, 0]]

    @weft.jit
    def rows(t):
        t[0, :] = np.ones((2, 4))
        return t

    with pytest.raises(ValueError, match="could not broadcast"):
        rows(np.zeros((2, 4)))

    @weft.jit
    def twice(x, m):
        if m == 1:
            return x * 2

    @weft.jit
    def both(x, m):
        return x + 1, twice(x, m)

    @weft.jit
    def fill(a, m):
        a[:, 0], a[:, 1] = both(a[:, 2], m)
        return a

    a = np.arange(9.0).reshape(3, 3)
    assert fill(a.copy(), 1)[:, :2].tolist() == [[3, 4], [6, 10], [9, 16]]
    with pytest.raises(TypeError, match="got None"):
        fill(a.copy(), 2)


def test_a_value_or_none_and_get_without_a_default():
    # (catch22 in sktime: args_dict.get("series") of a typed Dict of str
    # to arrays)
    @weft.jit
    def pick(a, c):
        x = a if c > 0 else None
        if x is None:
            return -1.0
        return x.sum()

    assert pick(np.arange(3.0), 1) == 3.0 and pick(np.arange(3.0), 0) == -1.0

    @weft.jit
    def series_sum(args):
        x = args.get("series")
        y = args.get("missing")
        return x.sum(), y is None

    d = {"series": np.arange(5.0), "scale": np.ones(1)}
    assert series_sum(d) == (10.0, True)

    @weft.jit
    def count(d, k):
        v = d.get(k)
        if v is None:
            return 0
        return v

    assert count({1: 5, 2: 7}, 2) == 7 and count({1: 5}, 3) == 0


def test_jitted_lambdas_called_by_their_global_names():
    # (word2vec: getNall = njit(lambda W: W.shape[1] // 2))
    import textwrap
    import types as pytypes
    source = textwrap.dedent('''
        import numpy as np
        import weft
        half = weft.jit(lambda W: W.shape[1] // 2)
        sig = weft.jit(lambda x: 1 / (1 + np.exp(-x)))
        labels = weft.jit(lambda p: [1] + [0] * (len(p) - 1))

        @weft.jit
        def f(W):
            return half(W), sig(0.0), labels(W)
    ''')
    import linecache
    import os
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "jitted_lambdas.py")
        with open(path, "w") as out:
            out.write(source)
        m = pytypes.ModuleType("jitted_lambdas")
        m.__file__ = path
        exec(compile(source, path, "exec"), m.__dict__)
        assert m.f(np.ones((3, 4))) == (2, 0.5, [1, 0, 0])
        assert m.half(np.ones((2, 6))) == 3
        linecache.clearcache()


def test_star_of_a_call_result():
    # (timezonefinder: cartesian2rad(*x_rotate(rotation_rad, px)))
    @weft.jit
    def rot(a, x):
        return x[0] * np.cos(a), x[1] * np.sin(a), x[2]

    @weft.jit
    def total(x, y, z):
        return x + y + z

    @weft.jit
    def f(a, x):
        r = total(*rot(a, x))
        return r, total(*rot(a, x)) * 2

    x = np.array([1.0, 2.0, 3.0])
    want = 1.0 * math.cos(0.5) + 2.0 * math.sin(0.5) + 3.0
    assert f(0.5, x) == (want, 2 * want)


def test_branches_on_a_name_bound_to_ndim():
    # (pnextract: ndim = binary_img.ndim; if ndim == 2: ... elif ndim == 3:
    # sz, sy, sx = binary_img.shape; Numba's semantic constants)
    @weft.jit
    def size(img):
        ndim = img.ndim
        if ndim == 2:
            sy, sx = img.shape
            return sy * sx
        elif ndim == 3:
            sz, sy, sx = img.shape
            return sz * sy * sx
        else:
            raise ValueError("2-D or 3-D")

    assert size(np.ones((2, 3))) == 6 and size(np.ones((2, 3, 4))) == 24


def test_uint64_and_signed_numbers_are_int64_as_numba_types_them():
    # (blurhash: size_x = (base83_decode(s) % 9) + 1 of a uint64 result,
    # then colours[i + j * size_x])
    shim = weft_numba.module()

    @weft.jit(shim.uint64(shim.types.string))
    def decode(s):
        return len(s)

    @weft.jit
    def f(s):
        size_info = decode(s)
        size_x = (size_info % 9) + 1
        size_y = int(size_info / 9) + 1
        out = []
        for j in range(size_y):
            for i in range(size_x):
                out.append(i + j * size_x)
        return size_x, out

    n, out = f("abcdefghijkl")
    assert (n, out) == (4, list(range(8))) and isinstance(n, int)
