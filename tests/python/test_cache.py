"""The on-disk code cache from Python: the key covers the decorator's
options and the functions reached through grad() and vmap, so a changed
option or function is never served a stale entry; a cache directory that
others can write is refused with one warning."""
import os
import stat

import numpy as np
import pytest

import weft
from weft import f64, i64  # noqa: F401 (used in annotations)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("WEFT_CACHE_DIR", str(d))
    return d


def pick(a: f64[:], i: i64) -> f64:
    return a[i]


def test_boundscheck_option_is_part_of_the_key(cache_dir):
    a = np.arange(4.0)
    assert weft.jit(pick)(a, 2) == 2.0
    assert len(os.listdir(cache_dir)) == 1
    checked = weft.jit(boundscheck=True)(pick)
    with pytest.raises(weft.IndexError, match="^index 7 is out of bounds"):
        checked(a, 7)
    assert len(os.listdir(cache_dir)) == 2


def test_errors_name_the_lines_of_the_code_as_it_is_now(cache_dir):
    # The same function moved down its file, or into another file, names
    # its new line: the code that spells out the place is not reused.
    body = "def half(n: i64) -> i64:\n    return 10 // n\n"
    seen = []
    for name, blank in (("a.weft", 0), ("a.weft", 2), ("b.weft", 2)):
        m = weft.compile("\n" * blank + body, name=name)
        with pytest.raises(ZeroDivisionError) as e:
            m.half(0)
        seen.append(e.value.location)
        assert m.half(5) == 2
    assert seen == ["a.weft:2", "a.weft:4", "b.weft:4"]
    assert len(os.listdir(cache_dir)) == 3


def test_a_changed_module_constant_is_not_served_stale_code(cache_dir):
    # The constant is folded into the code: the same function text with
    # another value is another entry (it once gave 6 twice).
    body = "def f() -> i64:\n    return N * 2\n"
    got = [weft.compile("N = %d\n" % n + body, name="c.weft").f()
           for n in (3, 4, 3)]
    assert got == [6, 8, 6]
    assert len(os.listdir(cache_dir)) == 2


def test_fastmath_option_is_part_of_the_key(cache_dir):
    body = "def norm(x: f64) -> f64:\n    return sqrt(x * x)\n"
    assert weft.compile(body).norm(-2.0) == 2.0
    assert weft.compile("@jit(fastmath=True)\n" + body).norm(-2.0) == 2.0
    assert len(os.listdir(cache_dir)) == 2


GRAD = """
def sq(x: f64) -> f64:
    return x * x

def dsq(x: f64) -> f64:
    return grad(sq)(x)
"""


def test_grad_key_follows_the_differentiated_function(cache_dir):
    assert weft.compile(GRAD).dsq(3.0) == 6.0
    assert weft.compile(GRAD.replace("x * x", "x * x * x")).dsq(3.0) == 27.0
    # Unchanged source: a cache hit, same answer.
    assert weft.compile(GRAD).dsq(3.0) == 6.0
    assert len(os.listdir(cache_dir)) == 2


VMAP = """
def f(x: f64) -> f64:
    return x + 1.0

def g(a: f64[:]) -> f64[:]:
    return vmap(f)(a)
"""


def test_vmap_key_follows_the_mapped_function(cache_dir):
    a = np.arange(3.0)
    assert list(weft.compile(VMAP).g(a)) == [1.0, 2.0, 3.0]
    assert list(weft.compile(VMAP.replace("1.0", "5.0")).g(a)) == \
        [5.0, 6.0, 7.0]


def test_group_writable_directory_is_refused_with_one_warning(cache_dir,
                                                              capfd):
    cache_dir.mkdir()
    os.chmod(cache_dir, 0o777)
    m = weft.compile("def one(x: f64) -> f64:\n    return x + 1.0\n\n"
                     "def two(x: f64) -> f64:\n    return x + 2.0\n")
    assert m.one(1.0) == 2.0
    assert m.two(1.0) == 3.0
    assert m.one(np.float32(1.0)) == 2.0
    err = capfd.readouterr().err
    assert err.count("warning") == 1
    assert ("weft: warning: the code cache directory '%s' is writable by "
            "group or others; the program is compiled without it\n"
            % cache_dir) in err
    assert os.listdir(cache_dir) == []


def test_created_private_whatever_the_umask(cache_dir):
    old = os.umask(0)
    try:
        m = weft.compile("def third(a: f64[:]) -> f64:\n    return a[2]\n")
        assert m.third(np.arange(3.0)) == 2.0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(cache_dir).st_mode) == 0o700
    (entry,) = os.listdir(cache_dir)
    assert stat.S_IMODE(os.stat(cache_dir / entry).st_mode) == 0o600
