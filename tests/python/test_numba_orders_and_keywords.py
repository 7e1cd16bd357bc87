"""Where Numba's results depend on how it computes, code compiled from
Python computes the same way: np.argsort orders equal keys and NaNs as
Numba's quicksort (its default kind) and mergesort do, step for step;
Python's sum() of a float32 array adds into a float64 (it starts from the
int 0); NumPy functions take their leading parameters by name
(np.clip(a=x, a_min=lo, a_max=hi, out=x)); a float passed to an eager
signature's int64 parameter is converted. The argsort expectations are
Numba's own algorithms written out in Python below (numba/misc/
quicksort.py and mergesort.py), not Weft's output."""
import math

import numpy as np
import pytest

import weft


def numba_lt(a, b):
    # numba/np/arrayobj.py lt_floats (ints compare with <)
    return (isinstance(b, float) and math.isnan(b)) or a < b


def numba_quicksort(keys):
    a = [k.item() for k in keys]
    r = list(range(len(a)))
    lt = numba_lt

    def insertion(low, high):
        for i in range(low + 1, high + 1):
            k = r[i]
            v = a[k]
            j = i
            while j > low and lt(v, a[r[j - 1]]):
                r[j] = r[j - 1]
                j -= 1
            r[j] = k

    def partition(low, high):
        mid = (low + high) >> 1
        if lt(a[r[mid]], a[r[low]]):
            r[low], r[mid] = r[mid], r[low]
        if lt(a[r[high]], a[r[mid]]):
            r[high], r[mid] = r[mid], r[high]
        if lt(a[r[mid]], a[r[low]]):
            r[low], r[mid] = r[mid], r[low]
        pivot = a[r[mid]]
        r[high], r[mid] = r[mid], r[high]
        i, j = low, high - 1
        while True:
            while i < high and lt(a[r[i]], pivot):
                i += 1
            while j >= low and lt(pivot, a[r[j]]):
                j -= 1
            if i >= j:
                break
            r[i], r[j] = r[j], r[i]
            i += 1
            j -= 1
        r[i], r[high] = r[high], r[i]
        return i

    if len(a) < 2:
        return r
    stack = [(0, len(a) - 1)]
    while stack:
        low, high = stack.pop()
        while high - low >= 15:
            i = partition(low, high)
            if high - i > i - low:
                if high > i:
                    stack.append((i + 1, high))
                high = i - 1
            else:
                if i > low:
                    stack.append((low, i - 1))
                low = i + 1
        insertion(low, high)
    return r


def numba_mergesort(keys):
    a = [k.item() for k in keys]
    r = list(range(len(a)))

    def lt(x, y):
        return numba_lt(a[x], a[y])

    def inner(lo, n):
        if n > 20:
            mid = n // 2
            inner(lo, mid)
            inner(lo + mid, n - mid)
            left = r[lo:lo + mid]
            i = j = 0
            k = lo
            while i < mid and j < n - mid:
                if not lt(r[lo + mid + j], left[i]):
                    r[k] = left[i]
                    i += 1
                else:
                    r[k] = r[lo + mid + j]
                    j += 1
                k += 1
            while i < mid:
                r[k] = left[i]
                i += 1
                k += 1
            while j < n - mid:
                r[k] = r[lo + mid + j]
                j += 1
                k += 1
        else:
            for i in range(lo + 1, lo + n):
                j = i
                while j > lo and lt(r[j], r[j - 1]):
                    r[j - 1], r[j] = r[j], r[j - 1]
                    j -= 1

    inner(0, len(a))
    return r


@weft.jit
def argsort_default(x):
    return np.argsort(x)


@weft.jit
def argsort_method(x):
    return x.argsort()


@weft.jit
def argsort_mergesort(x):
    return np.argsort(x, kind="mergesort")


@pytest.mark.parametrize("n", [5, 16, 17, 40, 333])
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.int32])
def test_argsort_orders_ties_and_nans_as_numba(n, dtype):
    rng = np.random.default_rng(n)
    x = rng.integers(0, 4, n).astype(dtype)
    if dtype in (np.float64, np.float32):
        x[rng.random(n) < 0.15] = np.nan
    quick = numba_quicksort(x)
    assert argsort_default(x).tolist() == quick
    assert argsort_method(x).tolist() == quick
    assert argsort_mergesort(x).tolist() == numba_mergesort(x)
    # (both orders sort: the keys they give are NumPy's sorted keys)
    np.testing.assert_array_equal(x[quick], np.sort(x))


def test_argsort_with_ties_is_not_stable_beyond_insertion_sort():
    x = np.array([1.0, 0.0] * 20)
    got = argsort_default(x).tolist()
    assert got == numba_quicksort(x)
    assert got != np.argsort(x, kind="stable").tolist()


@weft.jit
def builtin_sum(a):
    return sum(a * a)


@weft.jit
def numpy_sum(a):
    return np.sum(a * a)


def test_builtin_sum_of_float32_adds_into_float64():
    a = (np.arange(100, dtype=np.float32) * np.float32(0.1)).astype(np.float32)
    want = 0
    for v in a * a:
        want = want + float(v)  # the int 0, then float64 additions
    assert builtin_sum(a) == want
    # np.sum of a float32 array stays float32, as in Numba
    s = numpy_sum(a)
    assert float(np.float32(s)) == s
    assert s != want


@weft.jit
def keywords(a, b):
    clipped = np.clip(a=a, a_min=-1.0, a_max=1.0)
    chosen = np.where(condition=a > 0, x=a, y=b)
    grid = np.linspace(start=0.0, stop=1.0, num=5)
    steps = np.arange(start=0, stop=7, step=3)
    big = np.maximum(x1=a, x2=b)
    roots = np.sqrt(x=np.abs(a))
    return (clipped.sum(), chosen.sum(), grid.sum(), steps.sum(), big.sum(),
            roots.sum(), np.dot(a=a, b=b), np.percentile(a, q=50.0))


def test_numpy_parameters_by_name():
    a = np.linspace(-2, 2, 7)
    b = np.arange(7.0)
    got = keywords(a, b)
    want = (np.clip(a, -1.0, 1.0).sum(), np.where(a > 0, a, b).sum(),
            np.linspace(0.0, 1.0, 5).sum(), np.arange(0, 7, 3).sum(),
            np.maximum(a, b).sum(), np.sqrt(np.abs(a)).sum(), np.dot(a, b),
            np.percentile(a, 50.0))
    assert got == pytest.approx(want, rel=1e-12, abs=1e-12)


@weft.jit
def clip_into(a):
    a = np.clip(a=a, a_min=-1.0, a_max=1.0, out=a)
    return a.T


def test_clip_with_out_writes_the_argument():
    a = np.array([[-3.0, 0.5], [2.0, -0.25]])
    got = clip_into(a)
    np.testing.assert_array_equal(a, [[-1.0, 0.5], [1.0, -0.25]])
    np.testing.assert_array_equal(got, a.T)


@weft.jit("int64(int64, int64)")
def shifted(k, n):
    return (k + 1) % n


@weft.jit
def call_with_float(order):
    return shifted(order[0], 10)


def test_float_to_eager_int64_parameter_truncates():
    assert call_with_float(np.array([7.9, 0.0], dtype=np.float32)) == 8
    assert call_with_float(np.array([-2.5])) == (-2 + 1) % 10


@weft.jit
def where(condition, y, x):  # the program's own, not NumPy's order
    return x * 10 + y if condition else 0


@weft.jit
def call_own_where():
    return where(condition=True, x=1, y=2)


def test_own_function_named_as_numpy_keeps_its_parameters():
    assert call_own_where() == 12
