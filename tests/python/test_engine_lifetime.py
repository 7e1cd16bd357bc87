"""Module lifetime in the Python package: a module's machine code and
memory mappings go with it (weft.compile, then del); thread counts
outside 1 to 4096 are an error, not an abort in libomp."""
import gc
import os
import subprocess
import sys

import numpy as np

import weft

SOURCE = """
def total(a: f64[:]) -> f64:
    return sum(a)

def doubled(a: f64[:]) -> f64[:]:
    return a * 2.0

def count(n: i64) -> f64:
    s = 0.0
    for i in prange(n):
        s += 1.0
    return s

def run(n: i64) -> f64[:]:
    return doubled(ones(n)) * (total(ones(n)) + count(n))
"""


def _mappings():
    with open("/proc/self/maps") as f:
        return sum(1 for _ in f)


def _resident_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def test_compile_and_del_release_the_module():
    kept = None
    for i in range(300):
        m = weft.compile(SOURCE, "lifetime.weft")
        r = m.run(4)
        assert r.tolist() == [16.0] * 4
        assert m.count(5) == 5.0
        if i == 0:
            kept = r  # an array result outlives its module
        del m, r
        gc.collect()
        if i == 9:
            maps0, rss0 = _mappings(), _resident_bytes()
    maps, rss = _mappings(), _resident_bytes()
    # Before the fix each cycle kept about 6 mappings and 140 KB.
    assert maps - maps0 <= 4, (maps0, maps)
    assert rss - rss0 < 8 << 20, (rss0, rss)
    np.testing.assert_array_equal(kept, [16.0] * 4)


def test_thread_counts_beyond_4096_are_an_error():
    code = ("import weft\n"
            "try:\n"
            "    weft.compile('def f(x: f64) -> f64:\\n    return x\\n')\n"
            "except weft.WeftError as e:\n"
            "    print(type(e).__name__, e)\n")
    for value in ("100000", "0", "-2"):
        env = dict(os.environ, WEFT_NUM_THREADS=value)
        p = subprocess.run([sys.executable, "-c", code], env=env,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        assert p.stdout == (
            "WeftError weft::Engine: WEFT_NUM_THREADS needs a number of "
            "threads from 1 to 4096, not '%s'\n" % value)
