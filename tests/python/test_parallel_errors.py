"""Runtime errors raised inside prange loops, seen from a Python host:
each call gets its own errors even when two host threads call at once, a
checked write with a bad index never happens, and deep recursion is an
error, not a crash of the interpreter."""
import threading

import numpy as np
import pytest

import weft

SOURCE = """
def divide(a: i64[:], k: i64) -> i64:
    s = 0
    for i in prange(len(a)):
        s += a[i] // (k - i)
    return s

@jit(boundscheck=True)
def poke(a: f64[:], shift: i64):
    for i in prange(len(a)):
        a[i + shift] = 7.0

@jit(boundscheck=True)
def peek(a: f64[:], shift: i64) -> f64:
    s = 0.0
    for i in prange(len(a)):
        s += a[i + shift]
    return s

def depth(n: i64) -> i64:
    if n == 0:
        return 0
    return depth(n - 1) * 3 % 1000003 + 1

def load_in_prange(n: i64) -> f64:
    s = 0.0
    for i in prange(n):
        x: f64[:] = load("no-such-file.npy")
        s += len(x) * 1.0
    return s

def count_in_prange(n: i64) -> i64:
    s = 0
    for i in prange(n):
        s += i
    return s

def deep_in_prange(n: i64) -> i64:
    s = 0
    for i in prange(4):
        s += depth(n)
    return s
"""


@pytest.fixture(scope="module")
def m():
    return weft.compile(SOURCE, "parallel_errors.weft")


def test_concurrent_calls_keep_their_own_errors(m):
    a = np.arange(2000, dtype=np.int64)
    clean_failures, missed_errors = [], []

    def clean():
        for _ in range(300):
            try:
                m.divide(a, 10**6)  # no zero divisor
            except weft.WeftError as e:
                clean_failures.append(str(e))

    def failing():
        for _ in range(300):
            try:
                m.divide(a, 1000)  # iteration 1000 divides by zero
                missed_errors.append("returned")
            except weft.WeftError as e:
                if not isinstance(e, ZeroDivisionError):
                    missed_errors.append(str(e))

    threads = [threading.Thread(target=clean), threading.Thread(target=failing)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert clean_failures == []
    assert missed_errors == []
    assert m.divide(a, 10**6) == int(np.sum(a // (10**6 - a)))


def test_checked_write_out_of_range_is_not_performed(m):
    base = np.zeros(12)
    view = base[2:10]  # elements 10 and 11 of base lie just past the view
    with pytest.raises(weft.IndexError, match="^index 8 is out of "
                       "bounds for axis 0 with size 8$"):
        m.poke(view, 2)
    assert np.array_equal(base[:2], [0.0, 0.0])
    assert np.array_equal(base[10:], [0.0, 0.0])  # never written
    assert np.array_equal(base[4:10], np.full(6, 7.0))  # in-range writes


def test_checked_read_out_of_range_raises(m):
    with pytest.raises(weft.IndexError, match="^index -9 is out"):
        m.peek(np.ones(8), -9)
    assert m.peek(np.ones(8), 0) == 8.0


def test_deep_recursion_is_an_error_not_a_crash(m):
    assert m.depth(100) == 94875
    with pytest.raises(weft.RecursionError,
                       match="^maximum recursion depth exceeded in 'depth'$"):
        m.depth(10**9)
    with pytest.raises(weft.RecursionError):
        m.deep_in_prange(10**9)
    # The interpreter and the engine are still fine.
    assert m.depth(10) == 29524 % 1000003
    assert m.deep_in_prange(3) == 4 * 13


def test_load_error_in_prange_leaves_the_host_usable(m):
    for _ in range(20):
        with pytest.raises(FileNotFoundError,
                           match="^cannot open 'no-such-file.npy'") as e:
            m.load_in_prange(64)
        assert isinstance(e.value, weft.RuntimeError)
        assert m.count_in_prange(1000) == 499500
