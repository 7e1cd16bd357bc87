#!/usr/bin/python3
"""latency.py - compile latency of Weft against Numba's first call.

Usage: /usr/bin/python3 bench/latency.py [--rounds R]

For every benchmark kernel (bench/kernels/NAME.weft, tiny inputs) and every
lang-example: the wall time of `weft run` with an empty code cache (cold)
and with the cache filled (warm), Weft's compile time from its metrics
(the stages of docs/metrics.md; per function for MLIRGen), and, for the
benchmark kernels, the first call of the kernel function itself (compile
+ one run on tiny inputs, bench/kernels/peers.py) under Weft's Python
package and under Numba (`@njit(parallel=True, fastmath=True)`), measured
in the same run. Also `weft --version`
and a hello-world program. Times are medians of R rounds (default 3).
"""
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WEFT = os.environ.get("WEFT", os.path.join(ROOT, "build", "bin", "weft"))
PY = "/usr/bin/python3"
ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1]) \
    if "--rounds" in sys.argv else 3

# kernel: tiny program arguments (N, REPS[, EXTRA]) for Weft and Numba
KERNELS = {
    "triad": ["1000", "1"], "sum": ["1000", "1"], "dot": ["1000", "1"],
    "saxpy": ["1000", "1"], "jacobi": ["16", "1"], "elementwise": ["1000", "1"],
    "go_normal": ["16", "1"], "matmul": ["16", "1"],
    "matmul_loop": ["16", "1"], "nbody": ["16", "1", "1"],
    "mandelbrot": ["16", "1", "16"], "mc_pi": ["1000", "1"],
    "softmax": ["16", "1"],
}


def timed(cmd, env):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError("%s failed:\n%s" % (" ".join(cmd), p.stderr))
    return dt, p


def weft_latency(program, args):
    """(cold wall, warm wall, compile seconds, {function: mlirgen s})."""
    colds, warms, compiles = [], [], []
    functions = {}
    for _ in range(ROUNDS):
        cache = tempfile.mkdtemp()
        env = dict(os.environ, WEFT_CACHE_DIR=cache, OMP_NUM_THREADS="2")
        metrics = os.path.join(cache, "m.json")
        dt, _ = timed([WEFT, "run", "--metrics=json:" + metrics, program,
                       "--"] + args, env)
        colds.append(dt)
        m = json.load(open(metrics))
        compiles.append(m["compile"]["total_seconds"])
        for d in m["compile"]["details"]:
            if d["stage"] == "mlirgen" and "function" in d:
                functions.setdefault(d["function"], []).append(d["seconds"])
        dt, _ = timed([WEFT, "run", "--metrics=json:" + metrics, program,
                       "--"] + args, env)
        warms.append(dt)
        shutil.rmtree(cache)
    med = statistics.median
    return med(colds), med(warms), med(compiles), \
        {f: med(v) for f, v in functions.items()}


def first_call(kernel, args, impl):
    """The kernel function's first call in a Python process (compile + one
    run on tiny inputs): Numba's @njit, or Weft's Python package with an
    empty code cache."""
    firsts = []
    for _ in range(ROUNDS):
        cache = tempfile.mkdtemp()
        env = dict(os.environ, NUMBA_NUM_THREADS="2", OMP_NUM_THREADS="2",
                   NUMBA_CACHE_DIR=cache, WEFT_CACHE_DIR=cache)
        _, p = timed([PY, os.path.join(HERE, "kernels", "peers.py"), kernel,
                      impl] + args, env)
        for line in p.stderr.splitlines():
            if line.startswith("first_call_seconds"):
                firsts.append(float(line.split()[1]))
        shutil.rmtree(cache)
    return statistics.median(firsts)


def main():
    env = dict(os.environ)
    ver = statistics.median(timed([WEFT, "--version"], env)[0]
                            for _ in range(5))
    hello = tempfile.NamedTemporaryFile("w", suffix=".weft", delete=False)
    hello.write('print("hello")\n')
    hello.close()
    h = weft_latency(hello.name, [])
    os.unlink(hello.name)
    print("weft latency: %d rounds, medians; machine load %.2f" %
          (ROUNDS, os.getloadavg()[0]))
    print("weft --version: %.1f ms; hello world: cold %.1f ms, warm %.1f ms"
          % (ver * 1e3, h[0] * 1e3, h[1] * 1e3))
    # WEFT_STATIC: a weft built with -DWEFT_STATIC_LLVM=ON, for the share
    # of start-up that loading the shared LLVM/MLIR libraries takes.
    static = os.environ.get("WEFT_STATIC")
    if static:
        sver = statistics.median(timed([static, "--version"], env)[0]
                                 for _ in range(5))
        hello = tempfile.NamedTemporaryFile("w", suffix=".weft", delete=False)
        hello.write('print("hello")\n')
        hello.close()
        saved = globals()["WEFT"]
        globals()["WEFT"] = static
        sh = weft_latency(hello.name, [])
        globals()["WEFT"] = saved
        os.unlink(hello.name)
        print("static LLVM/MLIR (WEFT_STATIC): weft --version %.1f ms; hello "
              "world: cold %.1f ms, warm %.1f ms" % (sver * 1e3, sh[0] * 1e3,
                                                     sh[1] * 1e3))
    print()
    print("| program | weft run cold | weft run warm | Weft compile "
          "(program) | Weft first call | Numba first call | "
          "Weft / Numba first call |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows, whole = [], []
    for k, args in KERNELS.items():
        cold, warm, comp, _ = weft_latency(
            os.path.join(HERE, "kernels", k + ".weft"), args)
        wf = first_call(k, args, "weft")
        nb = first_call(k, args, "numba")
        rows.append(wf / nb)
        whole.append(comp / nb)
        print("| kernel %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms "
              "| %.2f |" % (k, cold * 1e3, warm * 1e3, comp * 1e3, wf * 1e3,
                            nb * 1e3, wf / nb), flush=True)
    for ex in sorted(glob.glob(os.path.join(ROOT, "lang-examples",
                                            "*.weft"))):
        cold, warm, comp, fns = weft_latency(ex, [])
        print("| %s | %.0f ms | %.0f ms | %.0f ms | - | - | - |"
              % (os.path.basename(ex), cold * 1e3, warm * 1e3, comp * 1e3),
              flush=True)
    print()
    print("Weft / Numba first call of the kernel function: geometric mean "
          "%.3f, worst %.2f (target <= 0.2)" % (
              statistics.geometric_mean(rows), max(rows)))
    print("Weft compile of the whole program / Numba first call: geometric "
          "mean %.3f" % statistics.geometric_mean(whole))


if __name__ == "__main__":
    main()
