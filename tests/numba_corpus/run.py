#!/usr/bin/python3
"""Runs the corpus of public Numba programs under Numba and under Weft and
compares the results.

    /usr/bin/python3 tests/numba_corpus/run.py [--weft-library PATH]
        [--only SUBSTR] [--verbose] [--json PATH] [--jobs N]

Each program (programs/NN_name.py) is imported twice, each time in a
subprocess of its own (so that a crash stops nothing; 120 s each): once
with the real Numba, once with a fake `numba` module whose decorators are
Weft's (`njit`/`jit` are `weft.jit`, `prange` is `range`). The program's
`ENTRY` function is called with `inputs()`; what it returns, and the array
arguments after the call (programs that write into their arguments), are
compared: the same structure, arrays of the same shape and dtype, integer
and bool arrays and scalars exactly, floating-point ones with
np.allclose(rtol=1e-9, atol=1e-12, equal_nan=True) (rtol=1e-6 where both
are float32 or complex64).

Exit status: 0 when every program ran under Numba (whatever Weft did), 1
when one did not (a broken corpus entry).
"""
import argparse
import concurrent.futures
import glob
import importlib.util
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TIMEOUT = 240
RTOL, ATOL = 1e-9, 1e-12
# float32 results: 8 units in their last place (1e-9 is below float32's
# own precision, so it would ask for the same rounding of every step,
# which fastmath=True lets each compiler choose).
RTOL_SINGLE = 1e-6


def _rtol(a, b):
    import numpy as np
    single = (np.float32, np.complex64)
    da, db = np.asarray(a).dtype, np.asarray(b).dtype
    return RTOL_SINGLE if da in single and db in single else RTOL


# ------------------------------------------------------------ the Weft shim

def fake_numba():
    """Installs a `numba` module whose decorators are Weft's, with its
    submodules: the one the package ships for `python3 -m weft
    program.py` (weft/numba.py)."""
    import weft.numba
    return weft.numba.install()


# ------------------------------------------------------------ the child run

def _plain(x):
    """A picklable copy of a result: arrays as plain NumPy arrays."""
    import numpy as np
    if isinstance(x, np.ndarray):
        return np.array(x, copy=True)
    if isinstance(x, tuple):
        return tuple(_plain(v) for v in x)
    if isinstance(x, list):
        return [_plain(v) for v in x]
    if x is None or isinstance(x, (bool, int, float, complex, np.generic)):
        return x
    if callable(getattr(x, "py_func", None)):
        # a jitted function passed as an argument: Numba's dispatcher and
        # Weft's are different classes of the same function
        return ("<jitted function>", x.py_func.__name__)
    # Numba's typed List and Dict as a list and as the dict's items in
    # order (Weft's are a Python list and dict)
    typed = type(x).__module__.startswith("numba.typed")
    if isinstance(x, dict) or (typed and hasattr(x, "items")):
        return ("<dict>", tuple((_plain(k), _plain(v)) for k, v in x.items()))
    if typed:
        return [_plain(v) for v in x]
    # a jitclass instance: its fields (Numba's boxed instance knows them
    # by its type's struct, Weft's by the class's spec)
    numba_type = getattr(type(x), "_numba_type_", None)
    if not hasattr(numba_type, "class_type"):  # (typed List and Dict)
        numba_type = None
    weft_info = type(x).__dict__.get("_weft_jitclass")
    if numba_type is not None or weft_info is not None:
        names = list(numba_type.class_type.struct) if numba_type is not None \
            else [f[0] for f in weft_info.fields]
        return ("<jitclass>", tuple((n, _plain(getattr(x, n)))
                                    for n in names))
    return ("<unpicklable>", type(x).__name__, repr(x)[:200])


def _first_line(e):
    text = str(e).strip()
    line = text.splitlines()[0] if text else ""
    line = line.replace(REPO + os.sep, "")
    return ("%s: %s" % (type(e).__name__, line)).rstrip(": ")


def child(mode, program, out):
    """Imports `program` (with the real or the fake numba), calls ENTRY
    with inputs(), and pickles {'ok', 'result', 'args'} or {'ok',
    'stage', 'error'} into `out`."""
    stage = "import"
    try:
        if mode == "weft":
            stage = "shim"
            fake_numba()
            stage = "import"
        spec = importlib.util.spec_from_file_location(
            "corpus_" + os.path.splitext(os.path.basename(program))[0],
            program)
        module = importlib.util.module_from_spec(spec)
        # (registered, so that Numba's cache=True can name the module)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        stage = "inputs"
        args = tuple(module.inputs())
        stage = "call"
        result = getattr(module, module.ENTRY)(*args)
        payload = {"ok": True, "result": _plain(result),
                   "args": _plain(args)}
    except BaseException as e:  # noqa: B902 (report everything)
        payload = {"ok": False, "stage": stage, "error": _first_line(e)}
    with open(out, "wb") as f:
        pickle.dump(payload, f)


# ------------------------------------------------------------- comparison

def _kind(x):
    import numpy as np
    if isinstance(x, (bool, np.bool_)):
        return "bool"
    if isinstance(x, (int, np.integer)):
        return "int"
    if isinstance(x, (float, np.floating)):
        return "float"
    if isinstance(x, (complex, np.complexfloating)):
        return "complex"
    return type(x).__name__


def compare(a, b, where):
    """None if Weft's `b` matches Numba's `a`, else what differs."""
    import numpy as np
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return "%s: %s vs %s" % (where, _describe(a), _describe(b))
        if a.shape != b.shape:
            return "%s: shape %s vs %s" % (where, a.shape, b.shape)
        if a.dtype.kind in "fc" or b.dtype.kind in "fc":
            try:
                same = np.allclose(a, b, rtol=_rtol(a, b), atol=ATOL,
                                   equal_nan=True)
            except TypeError:
                same = False
            if not same:
                return "%s: values differ%s" % (where, _max_diff(a, b))
        elif not np.array_equal(a, b):
            n = int(np.sum(a != b)) if a.shape == b.shape else -1
            return "%s: %d of %d elements differ" % (where, n, a.size)
        if a.dtype != b.dtype:
            return "%s: dtype %s vs %s" % (where, a.dtype, b.dtype)
        return None
    if isinstance(a, (tuple, list)) or isinstance(b, (tuple, list)):
        if type(a) != type(b) or len(a) != len(b):
            return "%s: %s vs %s" % (where, _describe(a), _describe(b))
        for i, (x, y) in enumerate(zip(a, b)):
            d = compare(x, y, "%s[%d]" % (where, i))
            if d:
                return d
        return None
    if a is None or b is None:
        return None if a is b else "%s: %r vs %r" % (where, a, b)
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        return "%s: %s %r vs %s %r" % (where, ka, a, kb, b)
    if ka in ("float", "complex"):
        same = bool(np.isclose(a, b, rtol=_rtol(a, b), atol=ATOL,
                                equal_nan=True))
    else:
        same = a == b
    return None if same else "%s: %r vs %r" % (where, a, b)


def _describe(x):
    import numpy as np
    if isinstance(x, np.ndarray):
        return "array %s %s" % (x.dtype, x.shape)
    if isinstance(x, (tuple, list)):
        return "%s of %d" % (type(x).__name__, len(x))
    return "%s %r" % (_kind(x), x)


def _max_diff(a, b):
    import numpy as np
    try:
        d = np.abs(a.astype(complex) - b.astype(complex))
        d = d[np.isfinite(d)]
        bad = int(np.sum(~np.isclose(a, b, rtol=_rtol(a, b), atol=ATOL,
                                     equal_nan=True)))
        return " (%d of %d elements; max abs diff %.3g)" % (
            bad, a.size, d.max() if d.size else float("nan"))
    except (TypeError, ValueError):
        return ""


# ---------------------------------------------------------------- driver

def snapshot(library, tmp):
    """Copies libweft.so and the weft package into `tmp`, so that a
    rebuild during the run changes nothing under it. Returns (library,
    python path) of the copy, or of the originals when copying fails."""
    package = os.path.join(REPO, "runtime", "python", "weft")
    try:
        os.makedirs(os.path.join(tmp, "weft_snapshot", "python"))
        copy = os.path.join(tmp, "weft_snapshot", "libweft.so")
        shutil.copyfile(library, copy)
        shutil.copytree(package, os.path.join(tmp, "weft_snapshot",
                                              "python", "weft"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        return copy, os.path.join(tmp, "weft_snapshot", "python")
    except OSError as e:
        print("warning: running Weft from the tree (no snapshot: %s)" % e)
        return library, os.path.dirname(package)


def run_one(program, mode, weft_paths, tmp):
    out = os.path.join(tmp, "%s.%s.pkl" % (os.path.basename(program), mode))
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"    # no __pycache__ in programs/
    # Numba's cache=True writes into this run's own folder: a cache another
    # run left (Numba 0.56 can crash loading its parallel functions) is
    # never read, and nothing is written beside the programs.
    env["NUMBA_CACHE_DIR"] = os.path.join(tmp, "numba-cache")
    if mode == "weft":
        library, python_path = weft_paths
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (python_path, env.get("PYTHONPATH")) if p)
        env["WEFT_LIBRARY"] = library
    start = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, os.path.abspath(__file__),
                            "--child", mode, program, out],
                           env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT,
                           cwd=tmp)
    except subprocess.TimeoutExpired:
        return {"ok": False, "stage": "timeout", "error": "timeout",
                "seconds": TIMEOUT}
    seconds = round(time.perf_counter() - start, 2)
    if not os.path.exists(out):
        tail = p.stderr.decode(errors="replace").strip().splitlines()
        why = ("killed by signal %d" % -p.returncode if p.returncode < 0
               else "exit status %d" % p.returncode)
        return {"ok": False, "stage": "crash", "seconds": seconds,
                "error": "crashed (%s)%s" % (why, ": " + tail[-1]
                                             if tail else "")}
    with open(out, "rb") as f:
        payload = pickle.load(f)
    payload["seconds"] = seconds
    return payload


def check(program, weft_paths, tmp):
    """The result of one program: a dict with 'program', 'status' (ok,
    mismatch, weft-error, timeout, numba-error), 'line' (what is printed)
    and the seconds each subprocess took."""
    r = {"program": os.path.basename(program)}
    numba = run_one(program, "numba", weft_paths, tmp)
    r["numba_seconds"] = numba["seconds"]
    if not numba["ok"]:
        r.update(status="numba-error", stage=numba["stage"],
                 error=numba["error"],
                 line=("numba timeout" if numba["stage"] == "timeout" else
                       "numba error: " + numba["error"]))
        return r
    weft = run_one(program, "weft", weft_paths, tmp)
    r["weft_seconds"] = weft["seconds"]
    if not weft["ok"]:
        if weft["stage"] == "timeout":
            r.update(status="timeout", line="timeout")
        else:
            r.update(status="weft-error", stage=weft["stage"],
                     error=weft["error"], line="weft error: " + weft["error"])
        return r
    diff = compare(numba["result"], weft["result"], "result")
    if diff is None:
        for i, (x, y) in enumerate(zip(numba["args"], weft["args"])):
            diff = compare(x, y, "argument %d after the call" % (i + 1))
            if diff:
                break
    if diff:
        r.update(status="mismatch", detail=diff, line="MISMATCH (%s)" % diff)
    else:
        r.update(status="ok", line="ok")
    return r


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], sys.argv[4])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weft-library",
                    default=os.path.join(REPO, "build", "runtime",
                                         "libweft.so"),
                    help="libweft.so (default: build/runtime/libweft.so)")
    ap.add_argument("--only", default="",
                    help="only the programs whose file name contains this")
    ap.add_argument("--verbose", action="store_true",
                    help="also print how long each run took and the stage "
                    "(shim, import, inputs, call) an error came from")
    ap.add_argument("--json", metavar="PATH",
                    help="write the per-program results to PATH")
    ap.add_argument("--jobs", type=int, default=2,
                    help="programs run at once (default 2)")
    ap.add_argument("--check-expected", action="store_true",
                    help="fail (exit 1) when a program listed in "
                    "expected_ok.txt does not run as pasted and match "
                    "Numba (the regression test of CTest)")
    opts = ap.parse_args()
    library = os.path.abspath(opts.weft_library)
    programs = sorted(p for p in glob.glob(os.path.join(HERE, "programs",
                                                        "[0-9]*_*.py"))
                      if opts.only in os.path.basename(p))
    if not programs:
        print("no programs match %r" % opts.only)
        return 1
    width = max(len(os.path.basename(p)) for p in programs)
    results = []
    with tempfile.TemporaryDirectory(prefix="numba_corpus_") as tmp, \
            concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as ex:
        if not os.path.exists(library):
            print("warning: no %s; every Weft run will fail" % library)
        weft_paths = snapshot(library, tmp)
        futures = [ex.submit(check, p, weft_paths, tmp) for p in programs]
        for f in futures:
            r = f.result()
            results.append(r)
            print("%-*s  %s" % (width, r["program"], r["line"]), flush=True)
            if opts.verbose:
                print("%-*s  (numba %s s, weft %s s%s)" % (
                    width, "", r.get("numba_seconds"),
                    r.get("weft_seconds", "-"),
                    ", failed at " + r["stage"] if "stage" in r else ""))
    ok = sum(r["status"] == "ok" for r in results)
    broken = [r for r in results if r["status"] == "numba-error"]
    print("%d of %d programs run as pasted and match Numba"
          % (ok, len(results)))
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"summary": {"ok": ok, "programs": len(results)},
                       "programs": results}, f, indent=1)
    if opts.check_expected:
        with open(os.path.join(HERE, "expected_ok.txt")) as f:
            expected = {line.strip() for line in f
                        if line.strip() and not line.startswith("#")}
        status = {r["program"]: r["status"] for r in results}
        lost = sorted(p for p in expected
                      if p in status and status[p] != "ok")
        gained = sorted(p for p, st in status.items()
                        if st == "ok" and p not in expected)
        for p in lost:
            print("REGRESSION: %s is listed in expected_ok.txt but did not "
                  "run as pasted" % p)
        for p in gained:
            print("note: %s now runs as pasted; add it to expected_ok.txt"
                  % p)
        if lost:
            return 1
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
