"""Seeded random draws in jitted functions are NumPy's (and Numba's, which
follows NumPy's stream): np.random.seed then random, standard_normal,
randint, rand, exponential, as CPython with NumPy draws them (py_func);
inside prange loops they are Weft's counter-based streams, the same on
every run for a seed (tests/lit/parallel/prange-random.weft checks thread
counts)."""
import random

import numpy as np

import weft
from weft import prange


@weft.jit
def seeded(s):
    np.random.seed(s)
    return (np.random.random(), np.random.standard_normal(),
            np.random.standard_normal(), np.random.randint(0, 10),
            np.random.rand(3).sum(), np.random.exponential(2.0),
            np.random.normal(1.0, 0.5, size=4).sum())


@weft.jit
def monte_carlo_pi(n):
    np.random.seed(42)
    inside = 0
    for i in range(n):
        x = np.random.random()
        y = np.random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


@weft.jit(parallel=True)
def parallel_draws(n):
    np.random.seed(3)
    out = np.zeros(n)
    for i in prange(n):
        out[i] = np.random.random()
    return out


def test_seeded_draws_are_numpys():
    for s in (0, 42, 2**32 - 1):
        assert seeded(s) == seeded.py_func(s)
    assert monte_carlo_pi(5000) == monte_carlo_pi.py_func(5000)


def test_prange_draws_repeat_for_a_seed():
    a = parallel_draws(1000)
    assert np.array_equal(a, parallel_draws(1000))
    assert 0.4 < a.mean() < 0.6


@weft.jit
def python_random(n):
    random.seed(7)
    first = random.random()
    acc = 0
    lo, hi = 100, -100
    for i in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y < 1.0:
            acc += 1
        d = random.randint(-2, 2)
        lo = min(lo, d)
        hi = max(hi, d)
    return first, 4.0 * acc / n, lo, hi, random.uniform(5.0, 6.0)


def test_python_random_module_as_numba_runs_it():
    # Python's random module draws from the generator np.random uses (as
    # in Numba, the values are not CPython's; the distributions are);
    # randint includes its upper bound.
    first, pi, lo, hi, u = python_random(20000)
    np.random.seed(7)
    assert first == np.random.random()
    assert abs(pi - np.pi) < 0.05
    assert (lo, hi) == (-2, 2)
    assert 5.0 <= u < 6.0
