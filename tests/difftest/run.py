#!/usr/bin/python3
"""run.py - the random differential tester: generate, run, classify, reduce.

Usage:
  /usr/bin/python3 tests/difftest/run.py [--weft build/bin/weft]
      [--seconds N] [--seed S] [--jobs J] [--out DIR] [--keep-going]
      [--no-reduce] [--target T] [--reference numpy|cpu] [--json PATH]

Generates programs with gen.py from seeds S, S+1, ... for N seconds, runs
each under `weft run` and under Python with tests/numpy/prelude.py (the
NumPy reference, see tests/numpy/run_diff.py), and classifies it as

  ok         both agree (tolerances per dtype, from the program's
             `# rtol:` / `# atol:` lines)
  internal   weft exited with status 2 (an internal compiler error)
  crash      weft was killed by a signal
  wrong      weft printed something else, or raised a runtime error
             where NumPy did not
  rejected   weft reported a compile error on a program the language
             reference says is valid
  timeout    weft ran longer than --timeout seconds
  generator  the Python side failed: a bug in gen.py, not in Weft
  reference  (--reference cpu) the reference run `weft run --target=cpu`
             failed itself (internal, crash, rejected, timeout): not a
             finding of the target under test

Findings are deduplicated by a signature (the class and the first line of
weft's message with numbers and names blanked out); the first program of
each signature is reduced (reduce.py) and saved, with the original, under
--out (default difftest-out/). Exit status 0 when every program was ok,
1 otherwise, 2 on a usage error.

`--replay FILE.weft` runs and classifies one saved program.

Targets: `--target T` (cpu, the default, gpu or auto) is passed to every
`weft run` as `--target=T`. For gpu and auto, floats compare to at least a
relative 1e-6 (absolute 1e-9), as in tests/gpu/run_on_gpu.py: the GPU sums
in another order and contracts a * b + c into fused multiply-adds. The
generated programs already ask for 1e-6 (1e-3 with f32), so this only
matters for programs with tighter `# rtol:` lines (--replay).
`--reference` chooses what the target's output is compared with:
  numpy  (default) the NumPy reference, as above;
  cpu    `weft run --target=cpu` of the same program, for --target gpu:
         every difference is then one of the GPU path, and the test needs
         no NumPy (whose version on a GPU machine may not be the 1.24 that
         prelude.py is written for). Runtime errors must then be the same
         on both (exit status and first error line, numbers blanked).
         tests/gpu/run_on_gpu.py --difftest runs this mode.
With --target gpu and no usable GPU (weft says so on a probe program) the
run is skipped with a message and exit status 77.

`--json PATH` also writes the summary (counts, findings with their seeds
and saved programs) as JSON.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "numpy"))

import gen            # noqa: E402
import run_diff       # noqa: E402

RUN_DIFF = os.path.join(ROOT, "tests", "numpy", "run_diff.py")
# Floats on the GPU: another order of additions and fused multiply-adds
# (the tolerance of tests/gpu/run_on_gpu.py's CPU-vs-GPU comparison).
GPU_RTOL = 1e-6
GPU_ATOL = 1e-9
CLASSES = ("ok", "internal", "crash", "wrong", "rejected", "timeout",
           "generator", "reference")
RUNTIME_ERROR = re.compile(
    r"^\S+:\d+: (ZeroDivisionError|ValueError|IndexError|AssertionError|"
    r"MemoryError|RecursionError|OverflowError|KeyboardInterrupt)\b", re.M)


def run_python(path, timeout):
    try:
        return subprocess.run(
            [sys.executable, RUN_DIFF, "--python-only", path],
            capture_output=True, text=True, timeout=timeout,
            cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired:
        return None


def run_weft(weft, path, timeout, target="cpu"):
    """`weft run --target=target` of path (None on a timeout). The binary
    may be missing for a moment while it is rebuilt: wait for it up to two
    minutes."""
    env = dict(os.environ, WEFT_CHECK_LEAKS="1")
    deadline = time.time() + 120
    while True:
        try:
            return subprocess.run(
                [weft, "run", "--no-cache", "--target=" + target, path],
                capture_output=True, text=True, timeout=timeout,
                cwd=os.path.dirname(path), env=env)
        except subprocess.TimeoutExpired:
            return None
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(2)


def normalise(line):
    line = re.sub(r"^\S+?\.weft(:\d+)*:\s*", "", line)
    line = re.sub(r"reproducer: \S+", "reproducer: _", line)
    line = re.sub(r"'[^']*'", "'_'", line)
    line = re.sub(r"\b(v|p|fn|j|k|acc|n)\d+\b", "_", line)
    line = re.sub(r"-?\d+", "N", line)
    return line.strip()[:160]


def first_error_line(stderr):
    for line in stderr.splitlines():
        if "error" in line.lower() or "Error" in line:
            return line
    lines = stderr.strip().splitlines()
    return lines[0] if lines else ""


def classify(weft, path, timeout, target="cpu", reference="numpy"):
    """(class, signature, detail) for the program at path, run with
    --target=target and compared with the reference (numpy or cpu)."""
    with open(path, encoding="utf-8") as f:
        rtol, atol = run_diff.tolerances(f.read())
    if target != "cpu":
        rtol, atol = max(rtol, GPU_RTOL), max(atol, GPU_ATOL)
    if reference == "cpu":
        ref = run_weft(weft, path, timeout, "cpu")
        cls, sig, detail = weft_failure(ref, timeout)
        if cls not in (None, "wrong"):
            return "reference", "reference: " + sig, detail
    else:
        ref = run_python(path, timeout * 4)
        if ref is None or ref.returncode != 0:
            detail = "python timed out" if ref is None else \
                ref.stderr[-2000:]
            return "generator", "generator: " + normalise(
                detail.strip().splitlines()[-1] if detail.strip() else ""), \
                detail
    got = run_weft(weft, path, timeout, target)
    cls, sig, detail = weft_failure(got, timeout)
    if reference == "cpu" and ref.returncode != 0 and cls in (
            None, "wrong", "rejected"):
        # The CPU raised a runtime error: the target must raise the same
        # one (first error line, numbers blanked) after the same output.
        if got.returncode == 0:
            return "wrong", "wrong: no error where the cpu raised " + \
                normalise(first_error_line(ref.stderr)), ref.stderr[-2000:]
        if got.returncode == ref.returncode and \
                normalise(first_error_line(got.stderr)) == \
                normalise(first_error_line(ref.stderr)):
            cls = None
    if cls:
        return cls, sig, detail
    problems = run_diff.compare_outputs(got.stdout, ref.stdout, rtol, atol)
    if problems:
        problems = problems[:5]
        if reference == "cpu":
            # run_diff's messages call the reference "numpy"
            problems.insert(0, "weft: --target=%s; numpy: here the reference"
                            " weft --target=cpu" % target)
        return "wrong", "wrong: output differs", "\n".join(problems)
    return "ok", "ok", ""


def weft_failure(got, timeout):
    """(class, signature, detail) of a failed `weft run` (got from
    run_weft), or (None, None, None) when it exited with status 0."""
    if got is None:
        return "timeout", "timeout", "weft ran past %d s" % timeout
    if got.returncode < 0:
        return "crash", "crash: signal %d" % -got.returncode, \
            got.stderr[-2000:]
    if got.returncode == 2:
        line = first_error_line(got.stderr)
        return "internal", "internal: " + normalise(line), got.stderr[-2000:]
    if "accessed memory outside its arrays" in got.stderr:
        # weft's fault handler: a memory fault in a program that has no
        # out-of-range index (the generator writes none) is a crash
        return "crash", "crash: memory fault", got.stderr[-2000:]
    if got.returncode != 0:
        line = first_error_line(got.stderr)
        if RUNTIME_ERROR.search(got.stderr):
            return "wrong", "wrong: raised " + normalise(line), \
                got.stderr[-2000:]
        return "rejected", "rejected: " + normalise(line), got.stderr[-2000:]
    return None, None, None


def check_seed(weft, seed, workdir, timeout, target="cpu",
               reference="numpy"):
    path = os.path.join(workdir, "s%d.weft" % seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write(gen.generate(seed))
    cls, sig, detail = classify(weft, path, timeout, target, reference)
    if cls == "ok":
        os.remove(path)
    return seed, path, cls, sig, detail


def save_finding(out, n, seed, path, cls, sig, detail, weft, timeout,
                 reduce_it, target="cpu", reference="numpy"):
    os.makedirs(out, exist_ok=True)
    base = os.path.join(out, "%s-%03d-seed%d" % (cls, n, seed))
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(base + ".orig.weft", "w", encoding="utf-8") as f:
        f.write(text)
    reduced = text
    if reduce_it and cls not in ("generator", "timeout", "reference"):
        import reduce as reducer
        reduced = reducer.reduce_program(
            text, lambda p: classify_text(weft, p, timeout, target,
                                          reference)[1] == sig)
    with open(base + ".weft", "w", encoding="utf-8") as f:
        f.write(reduced)
    with open(base + ".txt", "w", encoding="utf-8") as f:
        f.write("%s\n\n%s\n" % (sig, detail))
    return base + ".weft"


def classify_text(weft, text, timeout, target="cpu", reference="numpy"):
    with tempfile.TemporaryDirectory(prefix="weft-difftest-") as d:
        path = os.path.join(d, "r.weft")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return classify(weft, path, timeout, target, reference)


def probe_target(weft, target):
    """None when `weft run --target=target` runs a trivial program, else
    weft's message."""
    with tempfile.TemporaryDirectory(prefix="weft-difftest-") as d:
        path = os.path.join(d, "probe.weft")
        with open(path, "w", encoding="utf-8") as f:
            f.write("print(sum(arange(1000) * 0.5))\n")
        r = run_weft(weft, path, 120, target)
    if r is None:
        return "the probe program timed out"
    if r.returncode != 0 or r.stdout.strip() != "249750.0":
        return (r.stderr.strip() or r.stdout.strip() or
                "exit status %d" % r.returncode)
    return None


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weft", default=os.path.join(ROOT, "build", "bin",
                                                   "weft"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=0,
                    help="stop after this many programs (0: no limit)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--out", default="difftest-out")
    ap.add_argument("--no-reduce", action="store_true")
    ap.add_argument("--replay")
    ap.add_argument("--target", default="cpu", choices=("cpu", "gpu", "auto"),
                    help="passed to every weft run as --target=T")
    ap.add_argument("--reference", default="numpy", choices=("numpy", "cpu"),
                    help="compare with NumPy (default) or with "
                    "weft run --target=cpu")
    ap.add_argument("--json", help="also write the summary as JSON here")
    args = ap.parse_args(argv)
    weft = os.path.abspath(args.weft)
    if not os.access(weft, os.X_OK):
        print("run.py: no weft binary at %s (--weft)" % weft, file=sys.stderr)
        return 2
    if args.reference == "cpu" and args.target == "cpu":
        print("run.py: --reference cpu compares another target with the "
              "CPU: give --target gpu (or auto)", file=sys.stderr)
        return 2
    if args.target != "cpu":
        why = probe_target(weft, args.target)
        if why:
            skip = "no CUDA" in why
            print("run.py: %s: weft --target=%s cannot run here: %s" % (
                "skipped" if skip else "error", args.target, why),
                file=sys.stderr)
            return 77 if skip else 2
    if args.replay:
        cls, sig, detail = classify(weft, os.path.abspath(args.replay),
                                    args.timeout, args.target,
                                    args.reference)
        print(sig)
        if detail:
            print(detail)
        return 0 if cls == "ok" else 1

    counts = {}
    seen = {}
    first = {}
    started = time.time()
    deadline = started + args.seconds
    next_seed = args.seed
    done = 0
    with tempfile.TemporaryDirectory(prefix="weft-difftest-") as workdir, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        pending = set()

        def submit():
            nonlocal next_seed
            pending.add(pool.submit(check_seed, weft, next_seed, workdir,
                                    args.timeout, args.target,
                                    args.reference))
            next_seed += 1

        def more():
            return time.time() < deadline and (
                not args.count or next_seed < args.seed + args.count)
        for _ in range(args.jobs):
            if more():
                submit()
        while pending:
            finished, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in finished:
                seed, path, cls, sig, detail = fut.result()
                done += 1
                counts[cls] = counts.get(cls, 0) + 1
                if cls != "ok":
                    if sig not in seen:
                        seen[sig] = [seed]
                        print("NEW %s (seed %d)" % (sig, seed), flush=True)
                        first[sig] = (seed, path, cls, detail)
                    else:
                        seen[sig].append(seed)
                        os.remove(path)
                if more():
                    submit()
        elapsed = time.time() - started
        # reduce (after the time budget) and save one program per finding
        saved = {}
        for n, (sig, (seed, path, cls, detail)) in enumerate(
                sorted(first.items()), start=1):
            saved[sig] = save_finding(
                args.out, n, seed, path, cls, sig, detail, weft,
                args.timeout, not args.no_reduce, args.target,
                args.reference)
            print("saved %s" % saved[sig], flush=True)
    print("\n%d programs in %.0f s (seeds %d..%d, %d jobs, --target=%s, "
          "reference %s)" % (done, elapsed, args.seed, next_seed - 1,
                             args.jobs, args.target, args.reference))
    for cls in CLASSES:
        if cls == ("generator" if args.reference == "cpu" else "reference"):
            continue
        print("  %-10s %d" % (cls, counts.get(cls, 0)))
    for sig, seeds in sorted(seen.items()):
        print("  %4d x %s (seeds %s)" % (len(seeds), sig,
                                         " ".join(map(str, seeds[:5]))))
    ok = counts.get("ok", 0) == done
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"ok": ok, "target": args.target,
                       "reference": args.reference, "programs": done,
                       "seconds": elapsed, "seeds": [args.seed,
                                                     next_seed - 1],
                       "counts": counts,
                       "findings": [{"signature": sig, "class": first[sig][2],
                                     "seeds": seeds,
                                     "saved": os.path.abspath(saved[sig]),
                                     "detail": first[sig][3][-2000:]}
                                    for sig, seeds in sorted(seen.items())]},
                      f, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
