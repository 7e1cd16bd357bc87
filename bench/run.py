#!/usr/bin/python3
"""run.py - Weft's benchmark suite against C++ (OpenMP, OpenBLAS), Numba
and NumPy, measured side by side in one run.

Usage: /usr/bin/python3 bench/run.py [--quick] [--only K1,K2,...] [--reps R]
                                    [--rounds R] [--llc BYTES]
--only idioms: the programs of bench/idioms/ (Weft against its Numba twin,
written by the same idiom), alone; "small" the small-array table.
--llc: the last-level cache size the array sizes derive from (32M: the
sizes of docs/benchmarks.md), instead of the one /sys reports.
--quick: small sizes, one round. Exit status 1 if a program fails or the
check values disagree.

Every implementation of a kernel is one program in bench/kernels/ (Weft:
NAME.weft; NumPy and Numba: peers.py; C++: openmp.cpp) that builds its
inputs, calls the kernel once to warm up (Numba compiles then), times
REPS further calls one by one and prints `median_seconds check_value`.
Weft has no sort, so the Weft programs select the median with a counting
loop (median() at the end of each file). All implementations run with
the same number of threads, os.cpu_count(): OMP_NUM_THREADS (C++),
NUMBA_NUM_THREADS (Numba), OPENBLAS_NUM_THREADS (BLAS) and `--threads`
(Weft). Each program runs ROUNDS times (3; the implementations of a
kernel interleaved), and its time is the median of those medians: the
shared machines this runs on change speed from minute to minute. The
check values of all implementations must agree (relative
1e-6; see TOLERANCE for the documented exceptions), else the run fails.

Memory-bound kernels use arrays of at least 4x the last-level cache. The
tables give seconds, a rate (GB/s for memory-bound kernels, GFLOP/s for
compute kernels, with the counts documented in KERNELS), time / C++, and
per kernel Weft/Numba and Weft/C++; at the end a summary with geometric
means. Weft's default row is the one the ratios and targets use; the
`Weft --fastmath` row corresponds to Numba's fastmath=True.
"""
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEFT = os.environ.get("WEFT", os.path.join(ROOT, "build", "bin", "weft"))
PY = "/usr/bin/python3"
K = os.path.join(ROOT, "bench", "kernels")

QUICK = "--quick" in sys.argv
THREADS = os.cpu_count() or 1


def arg(flag, default):
    if flag in sys.argv:
        return sys.argv[sys.argv.index(flag) + 1]
    return default


def last_level_cache():
    """Bytes of the last-level cache: --llc BYTES (suffix K, M or G allowed),
    else the L3 of cpu0, else 32 MiB. Virtual machines sometimes report
    the host's whole L3 (hundreds of MiB), which would make the arrays
    gigabytes; --llc 32M gives the sizes of the tables in
    docs/benchmarks.md."""
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    given = arg("--llc", None)
    if given:
        return int(given.rstrip("KMG")) * scale.get(given[-1], 1)
    try:
        with open("/sys/devices/system/cpu/cpu0/cache/index3/size") as f:
            text = f.read().strip()
        return int(text.rstrip("KMG")) * scale.get(text[-1], 1)
    except (OSError, ValueError):
        return 32 << 20


LLC = last_level_cache()
# Memory-bound sizes: every array at least 4x the last-level cache.
N_F64 = (1 << 20) if QUICK else 4 * LLC // 8
N_F32 = (1 << 20) if QUICK else 4 * LLC // 4
N_GRID = 512 if QUICK else math.isqrt(4 * LLC // 8 - 1) + 1
REPS = int(arg("--reps", 5 if QUICK else 7))
ROUNDS = int(arg("--rounds", 1 if QUICK else 3))
assert REPS >= 5 or QUICK, "at least 5 repetitions"

GB, GF = "GB/s", "GFLOP/s"
# name, n, extra (steps or iteration limit), description, unit,
# work(n, extra, check) in bytes or flops (or samples), NumPy peer?,
# extra Weft variants (label, file).
KERNELS = [
    ("triad", N_F64, None, "STREAM triad a[:] = b + s * c, f64",
     GB, lambda n, x, c: 24 * n, True, []),
    ("sum", N_F64, None, "s = sum(a), f64",
     GB, lambda n, x, c: 8 * n, True, []),
    ("dot", N_F64, None, "s = sum(a * b), f64",
     GB, lambda n, x, c: 16 * n, True,
     [("Weft prange loop", "dot_prange.weft")]),
    ("saxpy", N_F32, None, "y += a * x, f32, in place",
     GB, lambda n, x, c: 12 * n, True, []),
    ("jacobi", N_GRID, None, "one 4-point Jacobi sweep, n x n f64",
     GB, lambda n, x, c: 16 * n * n, True, []),
    ("elementwise", N_F64, None, "c = a * b + sin(d), f64, new array",
     GB, lambda n, x, c: 32 * n, True, []),
    ("go_normal", 512 if QUICK else N_GRID, None,
     "Numba's go_fast: trace += tanh(a[i, i]); a + trace, n x n",
     GB, lambda n, x, c: 16 * n * n, True, []),
    ("matmul", 300 if QUICK else 1000, None, "c = a @ b, n x n f64",
     GF, lambda n, x, c: 2 * n ** 3, True, []),
    ("matmul_loop", 200 if QUICK else 1000, None,
     "c = a @ b as prange/for loops (i-k-j), n x n f64",
     GF, lambda n, x, c: 2 * n ** 3, False, []),
    ("nbody", 512 if QUICK else 4096, 2 if QUICK else 5,
     "n bodies, O(n^2) softened gravity, steps per call",
     GF, lambda n, x, c: 20 * n * n * x, True, []),
    ("mandelbrot", 300 if QUICK else 1600, 256,
     "n x n image, escape counts up to maxit, prange rows",
     GF, lambda n, x, c: 8 * c, True, []),
    ("mc_pi", 1000000 if QUICK else 50000000, None,
     "Monte-Carlo pi, n samples, prange + reduction",
     "Gsample/s", lambda n, x, c: n, True,
     [("Weft rand() arrays", "mc_pi_arrays.weft")]),
    ("softmax", 512 if QUICK else 4096, None,
     "row softmax of an n x n f64 matrix",
     GF, lambda n, x, c: 5 * n * n, True,
     [("Weft prange rows", "softmax_prange.weft")]),
]
# Units of work: triad 24 bytes per element (read b, c, write a, STREAM's
# count), sum 8, dot 16, saxpy 12 (f32: read x, y, write y), Jacobi 16 per
# point (read u, write v), elementwise 32, go_normal 16 (read a, write the
# result); matmul 2n^3 flops; n-body 20 flops per pair per step (sqrt and
# division counted as one each); mandelbrot 8 flops per iteration (the
# iteration total is the check value); softmax 5 flops per element (exp
# counted as one); Monte-Carlo pi: samples per second.

# Relative tolerance of the check values against C++'s; 1e-6 unless here.
TOLERANCE = {
    # An escape count of a point near the set's boundary is chaotic: an
    # FMA or a reassociation (fastmath, g++'s default -ffp-contract=fast)
    # changes some counts. 0.2% of the total was seen; allow 1%.
    "mandelbrot": 1e-2,
}
# Parallel efficiency is measured on these (Weft and C++ with 1 thread).
EMBARRASSING = ("mandelbrot", "mc_pi")


def mc_pi_tolerance(n):
    """6 standard deviations of the estimate 4 * hits / n."""
    p = math.pi / 4
    return 6 * 4 * math.sqrt(p * (1 - p) / n)


def run(cmd, env, attempts=3):
    """Runs one benchmark program; returns (seconds, check text) or None.
    Retries, since the Weft binary may be rebuilt while this runs."""
    for attempt in range(attempts):
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, env=env,
                               timeout=1200)
            out = p.stdout.split()
            if p.returncode == 0 and len(out) >= 2:
                return float(out[0]), out[1]
            err = (p.stderr.strip().splitlines() or ["?"])[-1]
        except (OSError, subprocess.TimeoutExpired) as e:
            err = str(e)
        print(f"    ! {' '.join(cmd[:4])} ... failed ({err})"
              + ("; retrying" if attempt + 1 < attempts else ""), flush=True)
        time.sleep(15)
    return None


def environment(threads):
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "NUMBA_NUM_THREADS",
                "OPENBLAS_NUM_THREADS", "WEFT_NUM_THREADS"):
        env[var] = str(threads)
    return env


def median(xs):
    xs = sorted(xs)
    return 0.5 * (xs[(len(xs) - 1) // 2] + xs[len(xs) // 2])


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else float("nan")


def small_sizes(omp, env, env1):
    """The parallel threshold: STREAM triad on small arrays, Weft with its
    default threads against one thread, and C++ with an unconditional
    `omp parallel for` against one thread. Weft runs array statements
    below 32768 elements serially, so it should never lose to its own
    one-thread time."""
    print(f"\nsmall arrays: triad a[:] = b + s * c per call, {THREADS} threads"
          f" vs 1 (median of calls; microseconds)")
    print(f"  {'n':>8} {'Weft':>9} {'Weft 1 thr':>11} {'C++ OpenMP':>11} "
          f"{'C++ 1 thr':>10}  Weft/Weft-1")
    wfile = os.path.join(K, "triad.weft")
    for n in (1000, 10000, 30000, 100000, 1000000):
        reps = str(max(21, min(20001, 20000000 // n)))
        tail = [str(n), reps]
        cmds = [([WEFT, "run", "--threads", str(THREADS), wfile, "--"] + tail,
                 env),
                ([WEFT, "run", "--threads", "1", wfile, "--"] + tail, env1),
                ([omp, "triad"] + tail, env), ([omp, "triad"] + tail, env1)]
        times = [[] for _ in cmds]
        for _ in range(ROUNDS):
            for i, (cmd, e) in enumerate(cmds):
                r = run(cmd, e)
                if r:
                    times[i].append(r[0])
        t = [median(x) * 1e6 if x else float("nan") for x in times]
        print(f"  {n:>8} {t[0]:>9.2f} {t[1]:>11.2f} {t[2]:>11.2f} "
              f"{t[3]:>10.2f}  {t[0] / t[1]:.2f}", flush=True)


def idioms(env):
    """bench/idioms/: programs written the way Numba users write them
    (helpers called per element, row views, `** n`, small temporaries in
    loops), each NAME.weft with its Numba twin NAME_numba.py written by
    the same idiom. Each prints `median_seconds check` for its default
    size; ROUNDS rounds, the two interleaved. Returns the failures."""
    folder = os.path.join(ROOT, "bench", "idioms")
    names = sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".weft")
                   and os.path.exists(os.path.join(folder,
                                                   f[:-5] + "_numba.py")))
    print(f"\nidioms: Weft against Numba on programs written the Numba way, "
          f"{THREADS} threads (seconds; median of {ROUNDS} rounds)")
    print(f"  {'program':<18} {'Weft':>9} {'Numba':>9} {'Numba/Weft':>11}  "
          f"check")
    failures, speedups = [], []
    for name in names:
        impls = [("Weft", [WEFT, "run", "--threads", str(THREADS),
                           os.path.join(folder, name + ".weft")]),
                 ("Numba", [PY, os.path.join(folder, name + "_numba.py")])]
        runs = {label: [] for label, _ in impls}
        for _ in range(ROUNDS):
            for label, cmd in impls:
                r = run(cmd, env)
                if r:
                    runs[label].append(r)
        if not all(runs.values()):
            failures += [f"idioms/{name}: {label} failed"
                         for label, rs in runs.items() if not rs]
            print(f"  {name:<18} failed")
            continue
        tw = median([t for t, _ in runs["Weft"]])
        tn = median([t for t, _ in runs["Numba"]])
        ref = float(runs["Numba"][0][1])
        for label, rs in runs.items():
            for _, c in rs:
                if abs(float(c) - ref) > 1e-6 * max(abs(ref), 1e-300):
                    failures.append(f"idioms/{name}: {label} check {c} "
                                    f"disagrees with Numba's {ref}")
        speedups.append(tn / tw)
        print(f"  {name:<18} {tw:>9.4f} {tn:>9.4f} {tn / tw:>11.2f}  "
              f"{runs['Weft'][0][1]}", flush=True)
    if speedups:
        print(f"  geometric mean Numba/Weft {geomean(speedups):.2f}; Weft "
              f"slower on {sum(s < 1 for s in speedups)} of {len(speedups)}")
    return failures


def main():
    only = arg("--only", None)
    kernels = [k for k in KERNELS if not only or k[0] in only.split(",")]
    tmp = tempfile.mkdtemp()
    omp = os.path.join(tmp, "openmp")
    blas = os.path.join(tmp, "openmp_blas")
    cxx = ["g++", "-O3", "-march=native", "-fopenmp"]
    subprocess.run(cxx + ["-o", omp, os.path.join(K, "openmp.cpp")],
                   check=True)
    # OpenBLAS only where it is used (its thread pool disturbs OpenMP).
    subprocess.run(cxx + ["-DUSE_BLAS", "-o", blas,
                          os.path.join(K, "openmp.cpp"), "-lopenblas"],
                   check=True)
    env = environment(THREADS)
    env1 = environment(1)
    print(f"Weft benchmark suite: {THREADS} threads, last-level cache "
          f"{LLC >> 20} MiB; each time is the median over {ROUNDS} rounds of "
          f"the median of {REPS} timed runs after a warm-up (spread: half "
          f"the range of the rounds' medians); load average "
          f"{os.getloadavg()[0]:.2f} at the start", flush=True)

    summary = []
    failures = []
    efficiency = []
    for name, n, extra, what, unit, work, has_numpy, variants in kernels:
        tail = [str(n), str(REPS)] + ([str(extra)] if extra else [])
        weft = [WEFT, "run", "--threads", str(THREADS)]
        wfile = os.path.join(K, name + ".weft")
        impls = [("C++ OpenBLAS dgemm", [blas, name] + tail, env)
                 if name == "matmul" else
                 ("C++ OpenMP", [omp, name] + tail, env),
                 ("Weft", weft + [wfile, "--"] + tail, env),
                 ("Weft --fastmath", weft + ["--fastmath", wfile, "--"] + tail,
                  env)]
        impls += [(label, weft + [os.path.join(K, f), "--"] + tail, env)
                  for label, f in variants]
        impls.append(("Numba parallel fastmath",
                      [PY, os.path.join(K, "peers.py"), name, "numba"] + tail,
                      env))
        if has_numpy:
            impls.append(("NumPy", [PY, os.path.join(K, "peers.py"), name,
                                    "numpy"] + tail, env))
        if name in EMBARRASSING:
            impls.append(("Weft --threads 1",
                          [WEFT, "run", "--threads", "1", wfile, "--"] + tail,
                          env1))
            impls.append(("C++ OpenMP 1 thread", [omp, name] + tail, env1))

        print(f"\n{name} (n={n}{', ' + str(extra) if extra else ''}): {what}"
              f" [load average {os.getloadavg()[0]:.2f}]", flush=True)
        # ROUNDS rounds, the implementations interleaved in each, so that
        # a disturbance of the shared machine hits them alike; an
        # implementation's time is the median of its rounds' medians.
        runs = {label: [] for label, _, _ in impls}
        for _ in range(ROUNDS):
            for label, cmd, e in impls:
                r = run(cmd, e)
                if r:
                    runs[label].append(r)
        rows = {label: (median([t for t, _ in rs]), [c for _, c in rs])
                for label, rs in runs.items() if rs}
        cpp = rows.get(impls[0][0])
        ref_check = float(cpp[1][0]) if cpp else None
        print(f"  {'implementation':<26} {'seconds':>10} {'spread':>7} "
              f"{unit:>10} {'vs C++':>7}  check")
        for label, _, _ in impls:
            if label not in rows:
                print(f"  {label:<26} {'failed':>10}")
                failures.append(f"{name}: {label} failed")
                continue
            t, checks = rows[label]
            ts = [x for x, _ in runs[label]]
            spread = (max(ts) - min(ts)) / 2 / t
            rate = work(n, extra, ref_check or 0) / t / 1e9
            ratio = t / cpp[0] if cpp else float("nan")
            print(f"  {label:<26} {t:>10.5f} {100 * spread:>6.0f}% "
                  f"{rate:>10.2f} {ratio:>7.2f}  {checks[0]}")
        # Checks: every implementation against C++ (Monte-Carlo: against pi).
        worst = 0.0
        for label, (_, checks) in rows.items():
            for c in checks:
                v = float(c)
                if name == "mc_pi":
                    bad = abs(v - math.pi) > mc_pi_tolerance(n)
                    worst = max(worst, abs(v - math.pi))
                elif ref_check is not None:
                    rel = abs(v - ref_check) / max(abs(ref_check), 1e-300)
                    worst = max(worst, rel)
                    bad = rel > TOLERANCE.get(name, 1e-6)
                else:
                    bad = False
                if bad:
                    failures.append(f"{name}: {label} check {c} disagrees")
        if name == "mc_pi":
            print(f"  checks: largest |estimate - pi| = {worst:.2g} "
                  f"(allowed {mc_pi_tolerance(n):.2g}, 6 sigma)")
        else:
            print(f"  checks: largest relative difference to C++ = "
                  f"{worst:.2g} (allowed {TOLERANCE.get(name, 1e-6):.0e})")

        def t(label):
            return rows[label][0] if rows.get(label) else None

        def ratio(a, b):
            return t(a) / t(b) if t(a) and t(b) else None

        numba = "Numba parallel fastmath"
        entry = {
            "name": name, "n": n, "extra": extra, "unit": unit,
            "cpp": t(impls[0][0]), "weft": t("Weft"),
            "weft_fm": t("Weft --fastmath"), "numba": t(numba),
            "numpy": t("NumPy"),
            "w_numba": ratio("Weft", numba),
            "w_cpp": ratio("Weft", impls[0][0]),
            "wf_numba": ratio("Weft --fastmath", numba),
            "wf_cpp": ratio("Weft --fastmath", impls[0][0]),
            "rate_weft": work(n, extra, ref_check or 0) / t("Weft") / 1e9
            if t("Weft") else None,
            "rate_cpp": work(n, extra, ref_check or 0) / cpp[0] / 1e9
            if cpp else None,
        }
        summary.append(entry)

        def fmt(x):
            return f"{x:.2f}" if x else "-"
        print(f"  Weft/Numba {fmt(entry['w_numba'])} (--fastmath "
              f"{fmt(entry['wf_numba'])}), Weft/C++ {fmt(entry['w_cpp'])} "
              f"(--fastmath {fmt(entry['wf_cpp'])})", flush=True)
        if name in EMBARRASSING:
            for who, one, many in (("Weft", "Weft --threads 1", "Weft"),
                                   ("C++", "C++ OpenMP 1 thread",
                                    impls[0][0])):
                if t(one) and t(many):
                    s = t(one) / t(many)
                    efficiency.append((name, who, s, s / THREADS))
                    print(f"  {who}: speed-up {s:.2f} on {THREADS} threads, "
                          f"parallel efficiency S/N = {s / THREADS:.2f}")

    # Summary as a Markdown table (pasted into docs/benchmarks.md).
    def s(x):
        return f"{x:.4g}" if x else "-"

    def r(x):
        return (f"{x:.2f}" if x >= 0.1 else f"{x:.2g}") if x else "-"
    if summary:
        print("\nSummary (seconds, median; ratios are time / time, < 1 means "
              "Weft is faster)\n")
        print("| kernel | size | C++ | Weft | Weft --fastmath | Numba | NumPy | "
              "Weft/Numba | Weft/C++ | Weft --fastmath/Numba | "
              "Weft --fastmath/C++ | Weft rate | C++ rate |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
              "---: | ---: | ---: | ---: |")
        for e in summary:
            size = str(e["n"]) + (f", {e['extra']}" if e["extra"] else "")
            rate_w = f"{e['rate_weft']:.2f} {e['unit']}" if e["rate_weft"] else "-"
            rate_c = f"{e['rate_cpp']:.2f} {e['unit']}" if e["rate_cpp"] else "-"
            print(f"| {e['name']} | {size} | {s(e['cpp'])} | {s(e['weft'])} | "
                  f"{s(e['weft_fm'])} | {s(e['numba'])} | {s(e['numpy'])} | "
                  f"{r(e['w_numba'])} | {r(e['w_cpp'])} | {r(e['wf_numba'])} | "
                  f"{r(e['wf_cpp'])} | {rate_w} | {rate_c} |")
        print()
        for key, label in (("w_numba", "Weft/Numba"), ("w_cpp", "Weft/C++"),
                           ("wf_numba", "Weft --fastmath/Numba"),
                           ("wf_cpp", "Weft --fastmath/C++")):
            vals = [e[key] for e in summary if e[key]]
            print(f"geometric mean {label}: {geomean(vals):.3f} over "
                  f"{len(vals)} kernels (worst {max(vals or [0]):.2f})")
    for name, who, sp, eff in efficiency:
        print(f"parallel efficiency {name} {who}: S = {sp:.2f}, "
              f"S/N = {eff:.2f}")
    tri = next((e for e in summary if e["name"] == "triad"), None)
    if tri and tri["rate_weft"] and tri["rate_cpp"]:
        print(f"triad bandwidth: Weft {tri['rate_weft']:.2f} GB/s = "
              f"{100 * tri['rate_weft'] / tri['rate_cpp']:.0f}% of C++ "
              f"{tri['rate_cpp']:.2f} GB/s")
    if not only or "small" in only.split(","):
        small_sizes(omp, env, env1)
    if not only or "idioms" in only.split(","):
        failures += idioms(env)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
