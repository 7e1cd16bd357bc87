"""The C-level call path (weft._fastcall): argument layouts that gave a
number once are called from C, with the same results and the same
exceptions as the ctypes path; anything else falls back to it."""
import array
import os
import subprocess
import sys

import numpy as np
import pytest

import weft

pytestmark = pytest.mark.skipif(weft._fastcall is None,
                                reason="weft._fastcall is not built")

SOURCE = """
def add1(x):
    return x + 1

def ratio(a, b):
    return a / b

def total(a):
    return a.sum()

def fill(a, v):
    a[:] = v

def first(a):
    return a[0] > 0.5

def twice(a):
    return a * 2.0
"""


@pytest.fixture(scope="module")
def m():
    return weft.compile(SOURCE, "fastcall.weft")


def test_learned_layouts_give_the_same_results(m):
    f = m.add1
    assert f(1) == 2          # the ctypes path, then learned
    assert f(41) == 42        # from C
    assert type(f(41)) is int
    assert f(2.5) == 3.5 and type(f(2.5)) is float
    assert f(True) == 2
    x = np.arange(10.0)
    assert m.total(x) == 45.0
    assert m.total(x[::-3]) == 9.0 + 6.0 + 3.0 + 0.0
    assert m.total(np.arange(6, dtype=np.int32).reshape(2, 3)[:, 1]) == 5
    assert m.first(np.array([0.75])) is True
    assert m.first(np.array([0.25])) is False
    assert m.fill(x, 2.0) is None and m.fill(x, 3.0) is None
    assert (x == 3.0).all()


def test_errors_are_the_ctypes_paths(m):
    assert m.ratio(1.0, 2.0) == 0.5
    assert m.ratio(3.0, 4.0) == 0.75
    with pytest.raises(ZeroDivisionError):
        m.ratio(1.0, 0.0)
    with pytest.raises(weft.RuntimeError):
        m.ratio(1.0, 0.0)
    x = np.ones(3)
    m.fill(x, 1.0)
    m.fill(x, 1.0)
    x.flags.writeable = False
    with pytest.raises(weft.ReadOnlyError):
        m.fill(x, 2.0)
    with pytest.raises(weft.OverflowError):
        m.add1(2 ** 70)


def test_other_arguments_fall_back(m):
    m.total(np.ones(4))
    m.total(np.ones(4))
    # Not NumPy arrays: the ctypes path refuses them as it always did.
    with pytest.raises(weft.CallError):
        m.total(array.array("d", [1.0, 2.0]))
    with pytest.raises(weft.CallError, match="arrays of >f8"):
        m.total(np.ones(4, dtype=">f8"))          # not native: ctypes
    assert m.add1(np.int64(4)) == 5                  # a NumPy scalar
    r = m.twice(np.arange(3.0))                      # an array result
    assert list(r) == [0.0, 2.0, 4.0]
    assert list(m.twice(np.arange(3.0))) == [0.0, 2.0, 4.0]


def test_many_arguments():
    m8 = weft.compile("def s(a, b, c, d, e, f, g, h):\n"
                      "    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f"
                      " + 7 * g + 8 * h\n")
    args = (1, 2, 3, 4, 5, 6, 7, 8)
    expected = sum(k * v for k, v in enumerate(args, 1))
    for _ in range(3):  # eight arguments always take the ctypes path
        assert m8.s(*args) == expected
    assert m8.s.fast(*args) is NotImplemented


def test_dispatcher_uses_it():
    @weft.jit
    def scaled(a, k=2.0):
        return a.sum() * k
    x = np.arange(4.0)
    assert scaled(x) == 12.0              # defaults bound in Python
    assert scaled(x, 3.0) == 18.0
    assert scaled(x, 3.0) == 18.0         # learned: from C
    assert scaled(x, k=0.5) == 3.0        # keywords: the Python path


def test_can_be_switched_off():
    code = ("import weft, numpy as np\n"
            "m = weft.compile('def f(x):\\n    return x * 2\\n')\n"
            "print(weft._fastcall, m.f(2), m.f(3))\n")
    env = dict(os.environ, WEFT_NO_FASTCALL="1")
    r = subprocess.run([sys.executable, "-c", code], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "None 4 6"


def test_prepared_entries_for_numbers():
    """Layouts of numbers only are called through a prepared entry
    (weft_entry_create): each result type comes back as Python's, errors
    are the same exceptions, and parameters annotated with another type
    keep converting on the generic path."""
    src = """
def mixed(a, b, flag):
    if flag:
        return a * b
    return a - b

def half(x: f32) -> f32:
    return x / 2

def positive(x):
    return x > 0

def floor_div(a, b):
    return a // b

def narrow(x) -> i32:
    return i32(x)

def nothing(x):
    y = x
"""
    mod = weft.compile(src, "entries.weft")
    for _ in range(3):
        assert mod.mixed(3, 4.0, True) == 12.0
        assert mod.mixed(3, 4, False) == -1 and type(mod.mixed(3, 4, False)) is int
        assert mod.half(3.0) == 1.5          # f32 parameter: converted
        assert mod.positive(-0.5) is False and mod.positive(2) is True
        assert mod.narrow(7) == 7 and type(mod.narrow(7)) is int
        assert mod.nothing(1.0) is None
        assert mod.floor_div(-7, 2) == -4
    # Each layout of numbers learned has its entry (mixed has two); the
    # f32 parameter given a float does not.
    assert mod.mixed.entries == 2
    assert mod.positive.entries == 2 and mod.nothing.entries == 1
    assert mod.half.entries == 0
    for _ in range(2):
        with pytest.raises(ZeroDivisionError,
                           match="^integer division or modulo by zero$") as e:
            mod.floor_div(1, 0)
        assert e.value.location == "entries.weft:14"
    assert mod.floor_div(9, 3) == 3
    with pytest.raises(weft.OverflowError):
        mod.floor_div(2 ** 70, 1)             # not an i64: the generic path


def test_prepared_entries_for_arrays():
    """Layouts with arrays get entries too: views are passed as they are,
    and arrays that overlap or are read-only for a written parameter take
    the generic path, with its copies and errors."""
    mod = weft.compile("""
def total(a):
    return a.sum()

def shift(dst, src):
    dst[:] = src + 1.0
    return dst[0]
""", "arrays.weft")
    total, shift = mod.total, mod.shift
    x = np.arange(8.0)
    for _ in range(3):
        assert total(x) == 28.0
        assert total(x[::2]) == 0 + 2 + 4 + 6
        assert total(np.ones((2, 3))) == 6.0
    assert total.entries == 2       # 1-D (any strides) and 2-D
    y = np.zeros(6)
    for _ in range(2):
        y[:] = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
        # dst = y[1:5] overlaps src = y[0:4]: read as if copied first
        # (read in place, it would give 1, 2, 3, 4).
        assert shift(y[1:5], y[0:4]) == 1.0
        assert list(y) == [0.0, 1.0, 11.0, 21.0, 31.0, 50.0]
    assert shift.entries == 1
    ro = np.zeros(4)
    ro.flags.writeable = False
    with pytest.raises(weft.ReadOnlyError):
        shift(ro, np.ones(4))
    assert (ro == 0).all()


RESULTS = """
def go_fast(a):
    trace = 0.0
    for i in range(a.shape[0]):
        trace += tanh(a[i, i])
    return a + trace

def tail(x):
    return x[1:]

def pair(x):
    return x * 2.0, sum(x), (len(x), x[::-1])

def empty_rows(n):
    return zeros((n, 3))

def counts(n):
    return arange(n)

def flags(x):
    return x > 1.5

def halves(n):
    return ones(n, dtype=f32) * 0.5
"""


needs_numpy_api = pytest.mark.skipif(
    not weft._FAST_ARRAYS, reason="weft._fastcall is built without NumPy")


@pytest.fixture(scope="module")
def r():
    return weft.compile(RESULTS, "results.weft")


def twice_each(f, *args):
    """The first call takes the ctypes path and teaches the layout; the
    second is made from C. Both results are returned."""
    return f(*args), f(*args)


@needs_numpy_api
def test_array_results_from_c(r):
    a = np.arange(16.0).reshape(4, 4)
    slow, fast = twice_each(r.go_fast, a)
    expected = a + np.tanh(np.diag(a)).sum()
    for x in (slow, fast):
        assert type(x) is np.ndarray and x.dtype == np.float64
        assert x.shape == (4, 4) and x.flags.writeable
        assert np.array_equal(x, expected)
    fast[0, 0] = -1.0                 # its own memory
    assert a[0, 0] == 0.0
    for dtype, f, arg in ((np.int64, r.counts, 5), (np.bool_, r.flags,
                                                    np.arange(4.0)),
                          (np.float32, r.halves, 3)):
        slow, fast = twice_each(f, arg)
        assert fast.dtype == dtype and slow.dtype == dtype
        assert np.array_equal(slow, fast)
    slow, fast = twice_each(r.empty_rows, 0)
    assert slow.shape == fast.shape == (0, 3)
    assert fast.dtype == np.float64


@needs_numpy_api
def test_views_of_arguments_from_c(r):
    x = np.arange(5.0)
    slow, fast = twice_each(r.tail, x)
    for t in (slow, fast):
        assert np.shares_memory(t, x)
        assert list(t) == [1.0, 2.0, 3.0, 4.0] and t.flags.writeable
    fast[0] = 10.0
    assert x[1] == 10.0
    x.flags.writeable = False
    for t in twice_each(r.tail, x):
        assert np.shares_memory(t, x) and not t.flags.writeable
        with pytest.raises(ValueError):
            t[0] = 1.0
    # The result keeps the argument's memory alive.
    t = r.tail(np.arange(3.0) + 1.0)
    assert list(t) == [2.0, 3.0]


@needs_numpy_api
def test_tuple_results_from_c(r):
    x = np.arange(4.0)
    slow, fast = twice_each(r.pair, x)
    for t in (slow, fast):
        assert type(t) is tuple and len(t) == 3
        assert np.array_equal(t[0], x * 2.0) and t[1] == 6.0
        assert t[2][0] == 4 and type(t[2][0]) is int
        assert np.array_equal(t[2][1], x[::-1])
        assert np.shares_memory(t[2][1], x)   # a view of the argument


@needs_numpy_api
def test_array_results_do_not_leak():
    code = ("import resource, numpy as np, weft\n"
            "m = weft.compile('def f(a):\\n    return a * 2.0\\n')\n"
            "a = np.ones(64)\n"
            "def rss():\n"
            "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "for _ in range(20000):\n"
            "    m.f(a)\n"
            "before = rss()\n"
            "for _ in range(200000):\n"
            "    m.f(a)\n"
            "print(rss() - before)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    # 200000 results of 512 bytes would be 100 MB if they leaked.
    assert int(out.stdout) < 8 * 1024, out.stdout
