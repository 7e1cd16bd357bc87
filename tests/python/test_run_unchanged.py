"""`python3 -m weft program.py` runs a Numba program with no edits: its
`import numba` / `from numba import ...` get Weft's decorators
(weft/numba.py). The corpus's k-means program, as published, gives
Numba's centroids."""
import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest

import weft.numba

CORPUS = os.path.join(os.path.dirname(__file__), "..", "numba_corpus",
                      "programs")

PROGRAM = '''\
import sys
import numpy as np
from numba import njit, prange


@njit(parallel=True)
def go_fast(a):
    """Numba's 5-minute guide example."""
    trace = 0.0
    for i in prange(a.shape[0]):
        trace += np.tanh(a[i, i])
    return a + trace


if __name__ == "__main__":
    n = int(sys.argv[1])
    x = np.arange(n * n, dtype=np.float64).reshape(n, n)
    print(repr(float(go_fast(x).sum())))
'''


def run_weft(args):
    return subprocess.run([sys.executable, "-m", "weft"] + args,
                          capture_output=True, text=True, timeout=300)


def test_program_runs_unchanged(tmp_path):
    prog = tmp_path / "go_fast.py"
    prog.write_text(PROGRAM)
    r = run_weft([str(prog), "7"])
    assert r.returncode == 0, r.stderr
    x = np.arange(49.0).reshape(7, 7)
    expected = (x + np.tanh(np.diag(x)).sum()).sum()
    assert float(r.stdout) == pytest.approx(expected, rel=1e-12)


def test_usage_and_errors(tmp_path):
    r = run_weft([])
    assert r.returncode == 2
    assert "usage: python3 -m weft program.py" in r.stderr
    prog = tmp_path / "cuda.py"
    prog.write_text("from numba import cuda\n")
    r = run_weft([str(prog)])
    assert r.returncode == 1
    assert "cannot import name 'cuda' from 'numba'" in r.stderr


def test_kmeans_as_published():
    # The program's own module-level `from numba import njit`, unchanged.
    saved = sys.modules.get("numba")
    sys.modules["numba"] = weft.numba.module()
    try:
        spec = importlib.util.spec_from_file_location(
            "kmeans_weft", os.path.join(CORPUS, "06_kmeans.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        if saved is None:
            del sys.modules["numba"]
        else:
            sys.modules["numba"] = saved
    A, k, iters, n, d, init = module.inputs()
    got = module.kmeans(A, k, iters, n, d, init.copy())
    # The same iterations in NumPy.
    c = init.copy()
    for _ in range(iters):
        dist = np.sqrt(((A[:, None, :] - c[None, :, :]) ** 2).sum(-1))
        labels = dist.argmin(axis=1)
        c = np.array([[A[labels == i, j].sum() / (labels == i).sum()
                       for j in range(d)] for i in range(k)])
    np.testing.assert_allclose(got, c, rtol=1e-12)


def test_missing_names_are_named():
    m = weft.numba.module()
    assert m.guvectorize is weft.guvectorize
    with pytest.raises(AttributeError, match="Weft's numba module has no "
                                             "'cfunc'"):
        m.cfunc


def test_function_without_source_is_a_clear_error():
    # Python keeps no source for code read from standard input.
    code = ("import weft\n@weft.jit\ndef f(n):\n    return n + 1\n"
            "try:\n    f(2)\nexcept weft.CompileError as e:\n"
            "    print(e)\n")
    env = dict(os.environ)
    r = subprocess.run([sys.executable, "-"], input=code, capture_output=True,
                       text=True, timeout=300, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("f: Weft compiles a function from its source "
                               "text, and Python kept none for this one")


def test_numba_type_objects_of_the_shim():
    import weft.numba as wn
    m = wn.module()
    assert m.float64[:].ndim == 1 and m.float64[:, :].ndim == 2
    assert m.float64[:, :].dtype == m.float64 and m.int64.ndim == 0
    arr = m.types.Array(m.types.float32, 2, "C", readonly=True)
    assert arr.ndim == 2 and repr(arr) == "float32[:, :]"
    assert m.typeof(np.zeros((2, 3), np.int32)).ndim == 2
    assert repr(m.typeof(1.5)) == "float64"
    assert repr(m.np.numpy_support.from_dtype(np.dtype("int16"))) == "int16"
    assert m.TypingError is weft.CompileError


SUBMODULES = '''
import numpy as np
import numba
import numba.typed as typed
from numba.types import Array
from numba import njit, prange as _prange

assert numba.__version__ >= "0.56"
d = typed.Dict.empty(key_type=numba.types.unicode_type,
                     value_type=numba.types.float64)
d["x"] = 1.5
lst = numba.typed.List.empty_list(numba.types.int64)
lst.append(3)
assert d == {"x": 1.5} and lst == [3] and Array(numba.float64, 2, "C").ndim == 2

@njit(parallel=True)
def total(a):
    s = 0.0
    for i in _prange(len(a)):
        s += a[i] * type(a[i])(2)
    return s

print(total(np.arange(4.0)))
'''


def test_numba_submodules_and_prange_alias(tmp_path):
    path = tmp_path / "submodules.py"
    path.write_text(SUBMODULES)
    out = subprocess.run([sys.executable, "-m", "weft", str(path)],
                         capture_output=True, text=True, timeout=300,
                         env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    assert out.stdout == "12.0\n"
