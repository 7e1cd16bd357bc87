#!/usr/bin/python3
"""run.py - what one call of a jitted function costs, side by side.

Usage: /usr/bin/python3 bench/calls/run.py [--calls N]

Times N calls (default 2,000,000; 200,000 from Python) of `add1(x)` (an
i64), `total(a)` (the sum of an 8-element f64 array) and, from Python,
`four(a, b, c, d)` (four 8-element arrays) and `twice(a)` (a new
8-element array, `a * 2.0`): from C++
(weft::Function, the generic path, and add1 through a typed handle,
Function::typed<int64_t(int64_t)>(), beside a direct call of the same C++
function through a pointer), from C (weft_call), and from Python
under Weft's package and under Numba's dispatcher, in one run. Also the
resident memory of the C++ driver before and after its calls, and of
Python around 10,000,000 further calls each of add1 and twice. The C and
C++ drivers are built here with g++/gcc against build/runtime/libweft.so.
Calls are untimed by the engine (its default; WEFT_TIME_CALLS unset).
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LIB = os.path.join(ROOT, "build", "runtime")
INCLUDE = os.path.join(ROOT, "runtime", "embed", "include")
N = int(sys.argv[sys.argv.index("--calls") + 1]) if "--calls" in sys.argv \
    else 2000000


def build(tmp, source, compiler, std):
    exe = os.path.join(tmp, os.path.splitext(source)[0])
    subprocess.run([compiler, "-O2", std, "-I", INCLUDE,
                    os.path.join(HERE, source), "-L", LIB, "-lweft",
                    "-Wl,-rpath," + LIB, "-o", exe], check=True)
    return exe


def parse(out):
    return {line.split()[0]: line.split()[1:] for line in out.splitlines()}


def python_times(n):
    import numpy as np
    sys.path.insert(0, os.path.join(ROOT, "runtime", "python"))
    os.environ.setdefault("WEFT_LIBRARY", os.path.join(LIB, "libweft.so"))
    import weft
    import numba
    src = ("def add1(x):\n    return x + 1\n\ndef total(a):\n    return a.sum()\n"
           "\ndef four(a, b, c, d):\n    return a[0] + b[0] + c[0] + d[0]\n"
           "\ndef twice(a):\n    return a * 2.0\n")
    ns_n = {}
    exec(src, ns_n)
    # The decorators need source files; weft.compile takes the text.
    w = weft.compile(src, "calls")
    nb = {k: numba.njit(ns_n[k])
          for k in ("add1", "total", "four", "twice")}
    a = np.ones(8)
    arrays = (np.ones(8), np.ones(8), np.ones(8), np.ones(8))
    rows = {}
    for name, args in (("add1", (3,)), ("total", (a,)), ("four", arrays),
                       ("twice", (a,))):
        for label, f in (("weft", getattr(w, name)), ("numba", nb[name])):
            f(*args)
            f(*args)
            t = time.perf_counter()
            for _ in range(n):
                f(*args)
            rows[(name, label)] = (time.perf_counter() - t) / n * 1e6
    # Resident memory (now, not peak) around 10 million calls of each of
    # add1 and twice (an array result per call) from Python.
    def rss_kb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    rows["rss_before"] = rss_kb()
    for name, args in (("add1", (3,)), ("twice", (a,))):
        f = getattr(w, name)
        for _ in range(10000000):
            f(*args)
    rows["rss_after_weft"] = rss_kb()
    return rows


def main():
    env = dict(os.environ)
    env.pop("WEFT_TIME_CALLS", None)
    with tempfile.TemporaryDirectory(prefix="weft_calls_") as tmp:
        cpp = parse(subprocess.run([build(tmp, "call_cpp.cpp", "g++",
                                          "-std=c++17"), str(N)],
                                   env=env, capture_output=True, text=True,
                                   check=True).stdout)
        c = parse(subprocess.run([build(tmp, "call_c.c", "gcc", "-std=gnu11"),
                                  str(N)], env=env, capture_output=True,
                                 text=True, check=True).stdout)
    py = python_times(max(N // 10, 1000))
    print("microseconds per call (%d calls from C/C++, %d from Python)"
          % (N, max(N // 10, 1000)))
    print("%-8s %10s %10s %12s %12s" % ("function", "C++", "C", "Python/Weft",
                                        "Python/Numba"))
    print("%-8s %10.3f %10.3f %12.2f %12.2f" % (
        "add1", float(cpp["add1"][0]), float(c["add1"][0]),
        py[("add1", "weft")], py[("add1", "numba")]))
    print("%-8s %10.3f %10s %12.2f %12.2f" % (
        "total", float(cpp["total"][0]), "-", py[("total", "weft")],
        py[("total", "numba")]))
    for name in ("four", "twice"):
        print("%-8s %10s %10s %12.2f %12.2f" % (
            name, "-", "-", py[(name, "weft")], py[(name, "numba")]))
    print("C++ typed handle of add1: %.4f us per call; a direct call of a "
          "C++ add1 through a pointer: %.4f us"
          % (float(cpp["add1_typed"][0]), float(cpp["add1_direct"][0])))
    print("C++ driver resident memory: %s kB before the calls, %s kB after"
          % tuple(cpp["rss_kb"]))
    print("Python resident memory: %d kB before 10,000,000 calls each of "
          "add1 and twice, %d kB after" % (py["rss_before"],
                                             py["rss_after_weft"]))


if __name__ == "__main__":
    main()
