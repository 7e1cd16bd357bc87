"""The Python package `weft`: NumPy arrays in and out without copies,
the decorator, errors, pickling, and Dask (run by the README's test
command through CTest, with Debian's /usr/bin/python3)."""
import os
import pickle
import subprocess
import sys

import numpy as np
import pytest

import weft
from weft import f64, i64  # noqa: F401 (used in annotations)

SOURCE = """
def total(a):
    return sum(a)

def scale(a, k):
    a[:] = a * k

def first_over(a: f64[:], t: f64) -> i64:
    for i in range(len(a)):
        if a[i] > t:
            return i
    return -1

def divide(x: f64, y: f64) -> f64:
    return x / y

def grid(n: i64) -> f64[:, :]:
    return outer(arange(n) * 1.0, ones(n))

def negate(a):
    return -a

def flag(a):
    return any(a)
"""


@pytest.fixture(scope="module")
def m():
    return weft.compile(SOURCE, "t.weft")


DTYPES = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8,
          np.uint16, np.uint32, np.float32, np.float64]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("rank", [1, 2, 3, 4, 5, 8])
def test_every_dtype_and_rank(m, dtype, rank):
    shape = (2, 3, 2, 2, 1, 2, 1, 2)[:rank]
    a = (np.arange(np.prod(shape)) % 3).reshape(shape).astype(dtype)
    if dtype is np.bool_:
        assert m.flag(a) == bool(a.any())
        return
    assert m.total(a) == pytest.approx(a.sum())
    r = m.negate(a)
    assert r.dtype == a.dtype and r.shape == a.shape
    assert np.array_equal(r, -a)


def test_uint8_images_in_and_out():
    @weft.jit
    def invert(img):
        out = np.empty_like(img)
        for i in range(img.shape[0]):
            for j in range(img.shape[1]):
                out[i, j] = 255 - img[i, j]
        return out, img.sum(), img // 2 + 1

    img = (np.arange(12) * 23 % 256).astype(np.uint8).reshape(3, 4)
    out, total, half = invert(img)
    assert out.dtype == np.uint8 and np.array_equal(out, 255 - img)
    # (a uint8 array with an int: int64, as Numba types it; NumPy's value
    # based casting would keep uint8)
    assert total == img.sum() and half.dtype == np.int64
    assert np.array_equal(half, img.astype(np.int64) // 2 + 1)
    with pytest.raises(weft.CallError, match="arrays of float16"):
        invert(img.astype(np.float16))


def test_tuples_of_numbers_and_arrays_as_arguments():
    @weft.jit
    def span(a, box, n):
        s = 0.0
        for i in range(n):
            s += a[i] * (box[2] - box[0]) + box[1][1]
        return s, box[1][0]

    a = np.arange(3.0)
    assert span(a, (1.0, (2, 5.5), 4.0), 3) == (25.5, 2)
    assert span(a, (1.0, (7, 0.5), 4.0), 2) == (4.0, 7)
    assert span(a, (1, (7, 0.5), 4), 2) == (4.0, 7)   # another layout
    # An empty tuple is a value (args=() passed on as f(x, *args)); this
    # function indexes it past its end.
    with pytest.raises(weft.CompileError, match="an empty tuple has no items"):
        span(a, (), 1)


def test_stencil_kernels_as_numba_applies_them():
    @weft.stencil
    def blur(a):
        return (a[-1, 0] + a[1, 0] + a[0, -1] + a[0, 1]) * 0.25 + a[0, 0]

    @weft.stencil()
    def forward(a, b):
        return a[1] - b[0]

    x = np.arange(30.0).reshape(5, 6) ** 1.5
    want = np.zeros_like(x)
    want[1:-1, 1:-1] = ((x[:-2, 1:-1] + x[2:, 1:-1] + x[1:-1, :-2] +
                         x[1:-1, 2:]) * 0.25 + x[1:-1, 1:-1])
    assert np.array_equal(blur(x), want)
    v = np.arange(5)
    r = forward(v, v * 2)
    assert r.dtype == np.int64 and list(r) == [1, 0, -1, -2, 0]
    assert np.array_equal(blur(np.ones((2, 2))), np.zeros((2, 2)))
    with pytest.raises(TypeError, match="no option 'cvall'"):
        weft.stencil(cvall=1.0)


def test_stencil_options_out_and_calls_from_jitted_code():
    @weft.stencil(neighborhood=((-2, 2),), cval=-1.0)
    def window(a):
        s = 0.0
        for k in range(-2, 3):
            s += a[k]
        return s

    @weft.stencil(standard_indexing=("w",))
    def weighted(a, w):
        return a[-1] * w[0] + a[1] * w[1]

    @weft.jit
    def twice(a):
        return window(window(a))

    v = np.arange(8.0)
    want = np.full(8, -1.0)
    want[2:-2] = [v[i - 2:i + 3].sum() for i in range(2, 6)]
    assert np.array_equal(window(v), want)
    inner = window(v)
    want2 = np.full(8, -1.0)
    want2[2:-2] = [inner[i - 2:i + 3].sum() for i in range(2, 6)]
    assert np.array_equal(twice(v), want2)
    out = np.full(8, 7.0)
    assert weighted(v, np.array([2.0, 3.0]), out=out) is not None
    assert list(out) == [7.0] + [2 * (i - 1) + 3 * (i + 1)
                                 for i in range(1, 7)] + [7.0]
    with pytest.raises(weft.WeftError, match="must have the shape of 'a'"):
        weighted(v, np.array([2.0, 3.0]), out=np.zeros(3))


def test_more_than_8_axes_is_a_call_error(m):
    with pytest.raises(weft.CallError, match="1 to 8 axes, not 9"):
        m.total(np.zeros((1,) * 9))


def test_zero_copy_writes(m):
    a = np.ones(1000)
    m.scale(a, 3.0)
    assert np.all(a == 3.0)
    f = np.ones(7, dtype=np.float32)
    m.scale(f, 0.5)
    assert f.dtype == np.float32 and np.all(f == 0.5)


def test_non_contiguous_views(m):
    x = np.arange(24.0).reshape(4, 6)
    want = x.copy()
    m.scale(x[:, 1], 10.0)          # a column: stride 6
    want[:, 1] *= 10.0
    assert np.array_equal(x, want)
    m.scale(x[::2, ::-1], -1.0)     # every other row, reversed
    want[::2, ::-1] *= -1.0
    assert np.array_equal(x, want)
    m.scale(x.T, 2.0)               # transposed
    want *= 2.0
    assert np.array_equal(x, want)
    assert m.first_over(np.arange(5.0)[::-1], 2.5) == 0


def test_positions_in_views_with_negative_strides():
    # A reversed NumPy array starts at its first element with a negative
    # stride: a row or column taken at a position lies before that
    # element in memory.
    r = weft.compile("""
def row2(m: f64[:, :]) -> f64[:]:
    return m[2] * 1.0

def col1(m: f64[:, :]) -> f64[:]:
    return m[:, 1] * 1.0

def firsts(m: f64[:, :]) -> f64[:]:
    out = zeros(len(m))
    i = 0
    for row in m:
        out[i] = row[0]
        i += 1
    return out
""", "views.weft")
    m = np.arange(12.0).reshape(4, 3)
    assert np.array_equal(r.row2(m[::-1]), m[::-1][2])
    assert np.array_equal(r.col1(m[:, ::-1]), m[:, ::-1][:, 1])
    assert np.array_equal(r.firsts(m[::-1]), m[::-1][:, 0])


def test_results_are_numpy_arrays(m):
    g = m.grid(3)
    assert isinstance(g, np.ndarray) and g.shape == (3, 3)
    assert np.array_equal(g, np.outer(np.arange(3.0), np.ones(3)))
    g2 = m.negate(g)                # a Weft result passed back
    assert np.array_equal(g2, -g)
    del g                           # the buffer is released with the array
    assert g2[2, 0] == -2.0


def test_errors(m):
    with pytest.raises(weft.CompileError, match=r"bad.weft:2:12: error: "
                       r"name 'y' is not defined"):
        weft.compile("def f(x: f64) -> f64:\n    return y\n", "bad.weft")
    with pytest.raises(weft.CallError, match="'total' takes 1 arguments, "
                       "the host passed 2"):
        m.total(np.ones(3), 2)
    with pytest.raises(weft.CallError, match="must be f64\\[:\\], the host "
                       "passed i64\\[:\\]"):
        m.first_over(np.arange(3), 1.0)
    with pytest.raises(weft.CallError, match="there is no function"):
        m.no_such_function(1)
    with pytest.raises(weft.CallError, match="cannot pass list"):
        m.total([1.0, 2.0])
    with pytest.raises(weft.CallError, match="arrays of float16"):
        m.total(np.ones(2, dtype=np.float16))
    with pytest.raises(weft.RuntimeError,
                       match=r"^division by zero$") as e:
        m.divide(1.0, 0.0)
    assert isinstance(e.value, ZeroDivisionError)
    assert e.value.location == "t.weft:15"
    assert m.divide(1.0, 4.0) == 0.25   # still usable


# A function copied from a Numba program: only the decorator changes.
@weft.jit(parallel=True)
def go_fast(a: f64[:, :]) -> f64[:, :]:
    trace = 0.0
    for i in range(a.shape[0]):
        trace += tanh(a[i, i])  # noqa: F821 (Weft's tanh)
    return a + trace


@weft.jit
def monte_carlo_pi(nsamples: i64) -> f64:
    acc = 0
    for i in prange(nsamples):  # noqa: F821 (Weft's prange)
        x = random()  # noqa: F821
        y = random()  # noqa: F821
        if (x ** 2 + y ** 2) < 1.0:
            acc += 1
    return 4.0 * acc / nsamples


def test_decorator_on_numba_examples():
    a = np.arange(100.0).reshape(10, 10)
    assert np.allclose(go_fast(a), a + np.tanh(np.diag(a)).sum())
    assert abs(monte_carlo_pi(1000000) - np.pi) < 0.01


def test_pickling_round_trip(m):
    f = pickle.loads(pickle.dumps(m.total))
    assert f(np.arange(4.0)) == 6.0
    g = pickle.loads(pickle.dumps(go_fast))
    a = np.eye(3)
    assert np.allclose(g(a), a + 3 * np.tanh(1.0))
    mod = pickle.loads(pickle.dumps(m))
    assert mod.first_over(np.arange(5.0), 3.5) == 4


def test_metrics_dict(m):
    m.total(np.ones(3))
    all_metrics = weft.metrics()
    assert all_metrics and all_metrics[0]["schema"] == "weft-engine-metrics/1"
    # Compilations are always measured; calls only with WEFT_TIME_CALLS=1.
    assert any(s["signature"].startswith("total(")
               for s in all_metrics[0]["specializations"])
    names = {e["name"] for e in all_metrics[0]["run"]["entries"]}
    assert ("total" in names) == (os.environ.get("WEFT_TIME_CALLS") == "1")


def test_call_metrics_when_asked():
    code = ("import numpy as np, weft\n"
            "m = weft.compile('def total(a):\\n    return a.sum()\\n')\n"
            "for _ in range(3):\n"
            "    m.total(np.ones(4))\n"
            "run = weft.metrics()[0]['run']\n"
            "print([(e['name'], e['calls']) for e in run['entries']])\n")
    env = dict(os.environ, WEFT_TIME_CALLS="1")
    r = subprocess.run([sys.executable, "-c", code], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[('total', 3)]"


def chunk_energy(block):
    """What map_blocks runs on each chunk, in a worker process."""
    return ENERGY(block)


ENERGY_SOURCE = """
def energy(x):
    return sqrt(x * x + 1.0) - 1.0
"""
ENERGY = weft.compile(ENERGY_SOURCE, "energy.weft").energy


def test_dask_local_cluster_two_processes():
    da = pytest.importorskip("dask.array")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                  processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, \
            distributed.Client(cluster) as client:
        x = da.from_array(np.linspace(-3.0, 3.0, 200000), chunks=25000)
        y = x.map_blocks(ENERGY, dtype=np.float64)  # a pickled Weft function
        got = y.sum().compute()
        want = (np.sqrt(np.linspace(-3.0, 3.0, 200000) ** 2 + 1.0) - 1.0).sum()
        assert got == pytest.approx(want, rel=1e-12)
        # client.submit with a Weft function, on both workers.
        futures = [client.submit(ENERGY, np.full(4, float(k)), pure=False)
                   for k in range(4)]
        results = client.gather(futures)
        assert np.allclose(results[3], np.sqrt(10.0) - 1.0)
        assert len(client.scheduler_info()["workers"]) == 2


def test_none_arguments_and_defaults_compile_for_none():
    @weft.jit
    def scale(a, out=None):
        if out is None:
            out = np.empty_like(a)
        for i in range(a.shape[0]):
            out[i] = a[i] * 2.0
        return out

    @weft.jit
    def both(a):
        return scale(a) + scale(a, None)

    a = np.arange(3.0)
    assert list(scale(a)) == [0.0, 2.0, 4.0]
    assert list(scale(a, None)) == [0.0, 2.0, 4.0]
    b = np.zeros(3)
    assert scale(a, out=b) is not None and list(b) == [0.0, 2.0, 4.0]
    assert list(both(a)) == [0.0, 4.0, 8.0]


def test_list_displays_keep_python_meaning_in_jitted_functions():
    @weft.jit
    def lists(n):
        best = [np.inf] * n
        for i in range(n):
            best[i] = min(best[i], i * 1.5)
        c = [x * x for x in range(4)]
        d = c[1:]
        d[0] = 100
        return np.array(best), np.array([1, 2] + [3]), np.array(c), \
            np.array(d)

    best, joined, c, d = lists(3)
    assert list(best) == [0.0, 1.5, 3.0]
    assert list(joined) == [1, 2, 3]
    assert list(c) == [0, 1, 4, 9] and list(d) == [100, 4, 9]


def test_stencil_kernels_from_python_have_python_lists():
    @weft.stencil
    def smooth(a):
        w = [0.5] * 2  # two weights, as Python's list repetition
        return a[-1] * w[0] + a[1] * w[1]

    v = np.arange(5.0)
    assert list(smooth(v)) == [0.0, 1.0, 2.0, 3.0, 0.0]
