"""NumPy functions Weft writes in Weft (frontend/NumpyLibrary.cpp), called
from jitted functions as Numba code calls them, against NumPy itself."""
import importlib.util
import re

import numpy as np
import pytest

import weft

RNG = np.random.default_rng(7)
V = RNG.normal(size=9)
M = RNG.integers(-3, 4, size=(4, 5))


def _same(got, want):
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            _same(g, w)
        return
    assert np.shape(got) == np.shape(want)
    assert np.asarray(got).dtype.kind == np.asarray(want).dtype.kind
    assert np.allclose(got, want, rtol=1e-12, equal_nan=True)


@pytest.mark.parametrize("source, args", [
    ("np.square(x)", (V,)),
    ("np.count_nonzero(x)", (M,)),
    ("np.ptp(x)", (V,)),
    ("np.average(x, weights=np.abs(x))", (V,)),
    ("np.nonzero(x)", (M,)),
    ("np.argwhere(x > 1)", (M,)),
    ("np.flatnonzero(x)", (M,)),
    ("np.roll(x, -3)", (M,)),
    ("np.repeat(x, 2)", (V,)),
    ("np.tile(x, 3)", (V,)),
    ("np.bincount(np.abs(x).ravel())", (M,)),
    ("np.interp(x, np.array([-1.0, 0.0, 2.0]), np.array([0.0, 5.0, 1.0]))",
     (V,)),
    ("np.trapz(x)", (V,)),
    ("np.diag(x, -1)", (M,)),
    ("np.trace(x)", (M,)),
    ("np.polyval(np.array([0.5, -1.0, 2.0]), x)", (V,)),
    ("np.append(x, 3.5)", (V,)),
    ("np.meshgrid(x[:3], x[3:5])", (V,)),
])
def test_library_functions_match_numpy(source, args, tmp_path):
    # A module of its own: weft.jit reads a function's source.
    path = tmp_path / "lib_call.py"
    path.write_text("import numpy as np\n\ndef f(x):\n    return %s\n"
                    % source)
    spec = importlib.util.spec_from_file_location("lib_call", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _same(weft.jit(module.f)(*args), module.f(*args))


@weft.jit
def nearest_bins(x, edges):
    out = np.zeros(len(edges) - 1, dtype=np.int64)
    for v in x:
        out += np.bincount(np.array([np.searchsorted(edges, v) - 1]),
                           minlength=len(edges) - 1)[:len(edges) - 1]
    return out


def test_library_calls_inside_loops():
    edges = np.linspace(-3.0, 3.0, 7)
    x = np.clip(V, -2.9, 2.9)
    want = np.histogram(x, edges)[0]
    assert nearest_bins(x, edges).tolist() == want.tolist()


def test_library_errors_name_the_call():
    @weft.jit
    def bad(t):
        return np.roll(t, 1)

    with pytest.raises(weft.CompileError,
                       match="in np.roll, called here; check the types"):
        bad((1, 2))


@weft.jit
def f(x):
    return x + 1


@weft.jit
def where(c, a, b):
    return a


@weft.jit
def uses_own_names(x):
    # The program's functions f and where do not reach the library's
    # locals and builtins (np.nonzero has a local f; np.nansum calls
    # np.where).
    return np.nonzero(x)[0] + f(0), np.nansum(x * 1.0) + where(True, 0, 1)


def test_library_ignores_the_programs_own_names():
    x = np.array([0, 2, 0, 3])
    idx, total = uses_own_names(x)
    assert idx.tolist() == [2, 4] and total == 5.0


@weft.jit
def doubled(xs):
    a = np.asarray(xs)
    b = np.asarray(xs, dtype=np.float64)
    return a * 2, b, np.where(a > 1)[0]


def test_asarray_of_a_list_is_an_array():
    a, b, idx = doubled([1, 2, 3])
    assert a.tolist() == [2, 4, 6]  # elementwise, not the list repeated
    assert b.dtype == np.float64 and b.tolist() == [1.0, 2.0, 3.0]
    assert idx.tolist() == [1, 2]


@weft.jit
def draws(x, seed):
    np.random.seed(seed)
    a = x.copy()
    np.random.shuffle(a)
    m = np.arange(8).reshape(4, 2)
    np.random.shuffle(m)
    return (a, np.random.permutation(10), np.random.choice(x),
            np.random.choice(5, 50), np.random.choice(x, 3, replace=False),
            np.random.choice(3, 2000, p=np.array([0.2, 0.0, 0.8])), m)


@weft.jit
def too_many(x):
    return np.random.choice(x, 5, replace=False)


def test_random_shuffle_permutation_and_choice():
    x = np.array([5.0, 1.0, 3.0, 2.0])
    for seed in range(5):
        a, p, c1, c2, c3, c4, m = draws(x, seed)
        assert sorted(a) == sorted(x) and sorted(p) == list(range(10))
        assert c1 in x and set(c2) <= set(range(5))
        assert len(set(c3)) == 3 and set(c3) <= set(x)
        counts = np.bincount(c4, minlength=3)
        assert counts[1] == 0 and 1400 < counts[2] < 1800
        assert sorted(m[:, 0]) == [0, 2, 4, 6] and (m[:, 1] == m[:, 0] + 1).all()
    # The same seed gives the same draws.
    assert np.array_equal(draws(x, 7)[1], draws(x, 7)[1])
    with pytest.raises(ValueError, match="larger sample than population"):
        too_many(x)


@weft.jit
def halves(x):
    parts = np.split(x, 2)
    total = 0.0
    for p in parts:
        total += p.sum()
    return parts, total


@weft.jit
def thirds(x):
    return np.split(x, 3)


def test_split_is_a_list_of_arrays_and_errors_name_the_callers_line():
    parts, total = halves(np.arange(6.0))
    assert type(parts) is list and len(parts) == 2
    assert parts[1].tolist() == [3.0, 4.0, 5.0] and total == 15.0
    with pytest.raises(ValueError,
                       match="array split does not result in an equal "
                             "division") as e:
        thirds(np.arange(4.0))
    # The program's line that called np.split, not the library's.
    line = thirds.py_func.__code__.co_firstlineno + 2
    assert re.search(r"test_numpy_library\.py:%d$" % line,
                     e.value.location) is not None
