"""On a machine with an NVIDIA GPU: runs Weft programs on the GPU and on
the CPU and compares their output, optionally runs the random
differential tester on the GPU, then runs the device benchmarks (triad,
sum, min, argmin, any, axis reductions and matrix products).

Usage: run_on_gpu.py WEFT [--json PATH] [--no-bench] [--no-cpu-bench]
           [--quick]
           [--difftest SECONDS [--difftest-seed S]
            [--difftest-reference cpu|numpy] [--difftest-out DIR]]
           [--dry-run]

Programs: every lang-example (the gpu_* ones use explicit kernels or
@jit(target="auto"); the others are offloaded with --target=gpu), the
programs of tests/lit/gpu, the e2e programs and the NumPy-checked
programs. Each runs with
--target=cpu and --target=gpu; numbers must agree (floats to a relative
1e-6: the GPU sums in another order and contracts a * b + c into fused
multiply-adds), text exactly, exit codes too.

--difftest SECONDS then runs tests/difftest/run.py --target gpu for that
long from a fixed seed (DIFFTEST_SEED, or --difftest-seed; printed) with
the same weft, without reducing findings (--no-reduce); the programs it
finds are saved under --difftest-out (default: difftest-gpu/ beside the
--json file, else difftest-out/gpu/). Its reference is weft --target=cpu
(--reference cpu: every difference is one of the GPU path, and no NumPy
is needed), or NumPy with --difftest-reference numpy. Its counts and
findings go into the summary and the JSON ("difftest"); any finding fails
the run.

Benchmarks: each kernel of bench/kernels times itself (the median of REPS
calls after a warm-up, printed with a check value) with --target=gpu and
--target=cpu (not with --no-cpu-bench); the check values of the two must
agree as the programs' output does, else the run fails. bench/gpu_peers.py
times CuPy and Numba CUDA the same way. A table at the end gives Weft's
GPU and CPU times, the peers' and Weft GPU / CuPy (the JSON rows have
them as gpu, cpu, peers, cupy and gpu_over_cupy). The summary and the
JSON ("seconds") give the time each part took.

--dry-run checks this script without a GPU: "gpu" runs are --target=auto
(the CPU where there is no device), benchmark sizes are small, and the
difftest runs with --target auto.

Exit status: 0 if every comparison passed, 1 otherwise, 77 (skipped, with a
message) without a CUDA driver or device. Only the standard library is
used (ctypes for the driver)."""
import concurrent.futures
import ctypes
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))


def cuda_device():
    """(name, compute capability, memory bytes, copy GB/s) or a reason."""
    try:
        cu = ctypes.CDLL("libcuda.so.1")
    except OSError as e:
        return None, "no CUDA driver (libcuda.so.1: %s)" % e
    if cu.cuInit(0) != 0:
        return None, "cuInit failed: no usable NVIDIA device"
    count = ctypes.c_int(0)
    if cu.cuDeviceGetCount(ctypes.byref(count)) != 0 or count.value == 0:
        return None, "the CUDA driver sees no device"
    dev = ctypes.c_int(0)
    cu.cuDeviceGet(ctypes.byref(dev), 0)
    name = ctypes.create_string_buffer(256)
    cu.cuDeviceGetName(name, 256, dev)
    major, minor = ctypes.c_int(0), ctypes.c_int(0)
    cu.cuDeviceGetAttribute(ctypes.byref(major), 75, dev)
    cu.cuDeviceGetAttribute(ctypes.byref(minor), 76, dev)
    mem = ctypes.c_size_t(0)
    cu.cuDeviceTotalMem_v2(ctypes.byref(mem), dev)
    info = {"name": name.value.decode(), "arch": "sm_%d%d" % (major.value,
                                                              minor.value),
            "memory_gib": mem.value / 2**30}
    info["copy_gbs"] = copy_bandwidth(cu, dev)
    return info, None


def copy_bandwidth(cu, dev):
    """Device-to-device copy of 1 GiB (bytes read + written per second),
    the best of 10, timed with CUDA events."""
    ctx = ctypes.c_void_p()
    if cu.cuDevicePrimaryCtxRetain(ctypes.byref(ctx), dev) != 0:
        return None
    cu.cuCtxSetCurrent(ctx)
    size = 1 << 30
    a, b = ctypes.c_uint64(), ctypes.c_uint64()
    if cu.cuMemAlloc_v2(ctypes.byref(a), ctypes.c_size_t(size)) != 0 or \
            cu.cuMemAlloc_v2(ctypes.byref(b), ctypes.c_size_t(size)) != 0:
        return None
    cu.cuMemsetD8_v2(a, 1, ctypes.c_size_t(size))
    start, stop = ctypes.c_void_p(), ctypes.c_void_p()
    cu.cuEventCreate(ctypes.byref(start), 0)
    cu.cuEventCreate(ctypes.byref(stop), 0)
    best = None
    for _ in range(10):
        cu.cuEventRecord(start, None)
        cu.cuMemcpyDtoD_v2(b, a, ctypes.c_size_t(size))
        cu.cuEventRecord(stop, None)
        cu.cuEventSynchronize(stop)
        ms = ctypes.c_float(0)
        cu.cuEventElapsedTime(ctypes.byref(ms), start, stop)
        if ms.value > 0 and (best is None or ms.value < best):
            best = ms.value
    cu.cuMemFree_v2(a)
    cu.cuMemFree_v2(b)
    cu.cuDevicePrimaryCtxRelease(dev)
    return 2 * size / (best / 1e3) / 1e9 if best else None


NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|nan|inf")


def same_output(cpu, gpu, rtol=1e-6, atol=1e-9):
    """None if the outputs agree, else the first difference."""
    ct, gt = NUMBER.split(cpu), NUMBER.split(gpu)
    if ct != gt:
        return "text differs:\n--- cpu\n%s\n--- gpu\n%s" % (cpu[-2000:],
                                                          gpu[-2000:])
    for c, g in zip(NUMBER.findall(cpu), NUMBER.findall(gpu)):
        if c == g:
            continue
        try:
            x, y = float(c), float(g)
        except ValueError:
            return "number %s vs %s" % (c, g)
        if not abs(x - y) <= atol + rtol * max(abs(x), abs(y)):
            return "number %s (cpu) vs %s (gpu)" % (c, g)
    return None


# "gpu" as the programs are run: --target=gpu, or auto for --dry-run
GPU = {"target": "gpu"}


def run(weft, target, path, args=(), timeout=300):
    if target == "gpu":
        target = GPU["target"]
    t0 = time.perf_counter()
    r = subprocess.run([weft, "run", "--target=" + target, path, "--"] +
                       list(args), capture_output=True, text=True,
                       timeout=timeout)
    return r, time.perf_counter() - t0


def compare(weft, path):
    cpu, tc = run(weft, "cpu", path)
    gpu, tg = run(weft, "gpu", path)
    why = None
    if cpu.returncode != gpu.returncode:
        why = "exit %d (cpu) vs %d (gpu)\n%s" % (cpu.returncode,
                                                 gpu.returncode, gpu.stderr)
    else:
        why = same_output(cpu.stdout, gpu.stdout)
        if not why and cpu.returncode != 0:
            # Error messages name the same line; the text may differ only
            # where it quotes numbers.
            why = same_output(cpu.stderr, gpu.stderr)
    return {"program": os.path.relpath(path, ROOT), "ok": why is None,
            "why": why, "cpu_seconds": tc, "gpu_seconds": tg,
            "exit": gpu.returncode}


def programs(quick):
    paths = sorted(glob.glob(os.path.join(ROOT, "lang-examples", "*.weft")))
    # kernel-host-only and no-device test errors that only one target has.
    paths += [p for p in sorted(glob.glob(os.path.join(
        ROOT, "tests", "lit", "gpu", "*.weft")))
        if os.path.basename(p) not in ("kernel-host-only.weft",
                                       "no-device.weft")]
    if not quick:
        paths += sorted(glob.glob(os.path.join(ROOT, "tests", "e2e",
                                               "*.weft")))
        paths += sorted(glob.glob(os.path.join(ROOT, "tests", "numpy",
                                               "*.weft")))
    return paths


BENCH = [
    # (name, file, args, work per call from n, unit); n is the length of a
    # vector or the side of a square matrix
    ("triad", "triad.weft", lambda n: [str(n), "20"], lambda n: 24.0 * n,
     "GB/s"),
    ("sum", "sum.weft", lambda n: [str(n), "20"], lambda n: 8.0 * n, "GB/s"),
    ("matmul", "matmul.weft", lambda n: [str(n), "5"],
     lambda n: 2.0 * n ** 3, "GFLOP/s"),
    ("min", "min.weft", lambda n: [str(n), "10"], lambda n: 8.0 * n, "GB/s"),
    ("argmin", "argmin.weft", lambda n: [str(n), "10"], lambda n: 8.0 * n,
     "GB/s"),
    ("any", "any.weft", lambda n: [str(n), "10"], lambda n: 8.0 * n, "GB/s"),
    ("sum_axis0", "sum_axis0.weft", lambda n: [str(n), "10"],
     lambda n: 8.0 * n * n, "GB/s"),
    ("sum_axis1", "sum_axis1.weft", lambda n: [str(n), "10"],
     lambda n: 8.0 * n * n, "GB/s"),
    ("max_axis1", "max_axis1.weft", lambda n: [str(n), "10"],
     lambda n: 8.0 * n * n, "GB/s"),
    ("matmul_large", "matmul.weft", lambda n: [str(n), "5"],
     lambda n: 2.0 * n ** 3, "GFLOP/s"),
]
# What each kernel computes, for the table.
WHAT = {"triad": "a[:] = b + s * c", "sum": "sum(a)", "matmul": "a @ b",
        "min": "min(a)", "argmin": "argmin(a)", "any": "any(a > t)",
        "sum_axis0": "sum(m, axis=0)", "sum_axis1": "sum(m, axis=1)",
        "max_axis1": "max(m, axis=1)", "matmul_large": "a @ b"}
MATRIX = ("matmul", "matmul_large", "sum_axis0", "sum_axis1", "max_axis1")
SIZES = {"triad": 1 << 27, "sum": 1 << 27, "matmul": 2048,
         "min": 1 << 27, "argmin": 1 << 27, "any": 1 << 27,
         "sum_axis0": 8192, "sum_axis1": 8192, "max_axis1": 8192,
         "matmul_large": 4096}
DRY_RUN_SIZES = {"triad": 1 << 20, "sum": 1 << 20, "matmul": 256,
                 "min": 1 << 20, "argmin": 1 << 20, "any": 1 << 20,
                 "sum_axis0": 1024, "sum_axis1": 1024, "max_axis1": 1024,
                 "matmul_large": 384}


def size_text(name, n):
    if name in MATRIX:
        return "%dx%d" % (n, n)
    return "2^%d" % (n.bit_length() - 1) if n & (n - 1) == 0 else str(n)


def ms(secs):
    return "%.3f ms" % (secs * 1e3) if secs else "-"


def bench(weft, copy_gbs, sizes, cpu=True):
    """The benchmark rows; a GPU check value that differs from the CPU's
    (as same_output compares them) is a failure: row["check_ok"] False."""
    rows = []
    for name, f, args, work, unit in BENCH:
        n = sizes[name]
        path = os.path.join(ROOT, "bench", "kernels", f)
        row = {"kernel": name, "what": WHAT[name], "n": n,
               "size": size_text(name, n), "unit": unit}
        for target in ("gpu", "cpu") if cpu else ("gpu",):
            try:
                r, wall = run(weft, target, path, args(n), timeout=200)
            except subprocess.TimeoutExpired:
                row[target] = None
                row[target + "_error"] = "timed out after 200 s"
                continue
            if r.returncode != 0:
                row[target] = None
                row[target + "_error"] = r.stderr[-500:]
                continue
            secs = float(r.stdout.split()[0])
            row[target] = secs
            row[target + "_rate"] = work(n) / secs / 1e9
            row[target + "_check"] = r.stdout.split()[1]
            row[target + "_wall"] = wall
        if unit == "GB/s" and row.get("gpu_rate") and copy_gbs:
            row["gpu_of_copy"] = row["gpu_rate"] / copy_gbs
        if "gpu_check" in row and "cpu_check" in row:
            row["check_ok"] = same_output(row["cpu_check"],
                                          row["gpu_check"]) is None
        rows.append(row)
        print("bench %-12s n=%-10d gpu %s  cpu %s  %s%s" % (
            name, n,
            "%.3f ms %.1f %s" % (row["gpu"] * 1e3, row["gpu_rate"], unit)
            if row.get("gpu") else "failed: " + row.get("gpu_error", ""),
            "%.3f ms %.1f %s" % (row["cpu"] * 1e3, row["cpu_rate"], unit)
            if row.get("cpu") else "not run" if not cpu else
            "failed: " + row.get("cpu_error", ""),
            "(%.0f%% of the device's copy bandwidth)" % (
                100 * row["gpu_of_copy"]) if row.get("gpu_of_copy") else "",
            "" if row.get("check_ok", True) else
            "\n  CHECK DIFFERS: gpu %s, cpu %s" % (row["gpu_check"],
                                                 row["cpu_check"])),
            flush=True)
    # Numba's CUDA target and CuPy on the same device, when installed.
    try:
        r = subprocess.run([sys.executable, os.path.join(
            ROOT, "bench", "gpu_peers.py"), str(sizes["triad"]),
            str(sizes["sum"]), str(sizes["matmul"]), "20",
            "--reduce-n", str(sizes["min"]), "--axis-n",
            str(sizes["sum_axis0"]), "--matmul-large-n",
            str(sizes["matmul_large"]), "--reduce-reps", "10"],
            capture_output=True, text=True, timeout=400)
        sys.stderr.write(r.stderr[-2000:])
        peers = json.loads(r.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError) as e:
        print("peers failed: %s" % e)
        peers = {}
    for row in rows:
        name = row["kernel"]
        row["peers"] = dict(peers.get(name, {}))
        for peer, secs in peers.get(name + " (cuBLAS)", {}).items():
            row["peers"][peer + " (cuBLAS)"] = secs
        for peer, secs in sorted(row["peers"].items()):
            print("peer  %-12s %-18s %.3f ms  Weft/peer %.2f" % (
                name, peer, secs * 1e3,
                row["gpu"] / secs if row.get("gpu") else float("nan")),
                flush=True)
        row["cupy"] = row["peers"].get("CuPy") or \
            row["peers"].get("CuPy (cuBLAS)")
        row["numba"] = row["peers"].get("Numba CUDA")
        row["gpu_over_cupy"] = row["gpu"] / row["cupy"] \
            if row.get("gpu") and row["cupy"] else None
    print_table(rows)
    return rows


def print_table(rows):
    print("\n%-28s %-10s %11s %13s %11s %11s %11s %9s" % (
        "kernel", "size", "Weft GPU", "rate", "Weft CPU", "CuPy",
        "Numba CUDA", "GPU/CuPy"))
    for row in rows:
        rate = "%.0f %s" % (row["gpu_rate"], row["unit"]) \
            if row.get("gpu_rate") else "-"
        print("%-28s %-10s %11s %13s %11s %11s %11s %9s" % (
            "%s %s" % (row["kernel"], row["what"]), row["size"],
            ms(row.get("gpu")) if row.get("gpu") else "failed", rate,
            ms(row.get("cpu")) if row.get("cpu") else
            "-" if "cpu_error" not in row else "failed",
            ms(row["cupy"]), ms(row["numba"]),
            "%.2f" % row["gpu_over_cupy"] if row["gpu_over_cupy"] else "-"),
            flush=True)
    print("(rate: Weft's on the GPU, bytes read and written or GFLOP/s; "
          "CuPy's a @ b is cuBLAS)", flush=True)


def difftest(weft, seconds, seed, reference, out_dir):
    """tests/difftest/run.py --target gpu for seconds from seed; its
    summary (run.py --json) with the command and exit status."""
    target = "gpu" if GPU["target"] == "gpu" else "auto"
    tmp = tempfile.TemporaryDirectory(prefix="weft-gpu-difftest-")
    summary = os.path.join(tmp.name, "difftest.json")
    cmd = [sys.executable, os.path.join(ROOT, "tests", "difftest", "run.py"),
           "--weft", weft, "--target", target, "--reference", reference,
           "--seconds", str(seconds), "--seed", str(seed), "--no-reduce",
           "--out", out_dir, "--json", summary]
    print("difftest: %s" % " ".join(cmd), flush=True)
    try:
        # run.py finishes the programs it started after the time is up
        # (each at most 2 x 60 s), then prints its summary
        r = subprocess.run(cmd, timeout=seconds + 300)
        rc = r.returncode
    except subprocess.TimeoutExpired:
        rc = None
    result = {"command": cmd, "budget_seconds": seconds, "seed": seed,
              "target": target, "reference": reference, "exit": rc,
              "out": os.path.abspath(out_dir), "ok": rc == 0}
    try:
        with open(summary, encoding="utf-8") as f:
            result.update(json.load(f))
    except (OSError, ValueError):
        pass
    tmp.cleanup()
    result["ok"] = rc == 0
    return result


DIFFTEST_SEED = 4000000


def option(args, name, default=None):
    """The value after --name in args, else default."""
    if name not in args:
        return default
    i = args.index(name)
    if i + 1 >= len(args):
        raise SystemExit("run_on_gpu.py: %s needs a value" % name)
    return args[i + 1]


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("--"):
        print(__doc__)
        return 2
    weft = os.path.abspath(args[0])
    out = option(args, "--json")
    dt_seconds = option(args, "--difftest")
    dt_seconds = float(dt_seconds) if dt_seconds else None
    dt_seed = int(option(args, "--difftest-seed", DIFFTEST_SEED))
    dt_reference = option(args, "--difftest-reference", "cpu")
    if dt_reference not in ("cpu", "numpy"):
        print("run_on_gpu.py: --difftest-reference is cpu or numpy")
        return 2
    dt_out = option(args, "--difftest-out", os.path.join(
        os.path.dirname(os.path.abspath(out)), "difftest-gpu") if out else
        os.path.join("difftest-out", "gpu"))
    dry_run = "--dry-run" in args
    if dry_run:
        GPU["target"] = "auto"
        device = {"name": "none (--dry-run: --target=auto)", "arch": "-",
                  "memory_gib": 0, "copy_gbs": None}
    else:
        device, why = cuda_device()
    if not device:
        print("skipped: %s; the GPU comparison runs on a machine with an "
              "NVIDIA GPU" % why)
        return 77
    print("device: %s (%s, %.0f GiB), copy bandwidth %.0f GB/s" % (
        device["name"], device["arch"], device["memory_gib"],
        device["copy_gbs"] or 0), flush=True)
    os.environ.setdefault("WEFT_CACHE_DIR", tempfile.mkdtemp())
    results = []
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for res in pool.map(lambda p: compare(weft, p),
                            programs("--quick" in args)):
            results.append(res)
            print("%s %-45s cpu %.2f s gpu %.2f s%s" % (
                "PASS" if res["ok"] else "FAIL", res["program"],
                res["cpu_seconds"], res["gpu_seconds"],
                "" if res["ok"] else "\n  " + res["why"].replace(
                    "\n", "\n  ")), flush=True)
    failed = [r for r in results if not r["ok"]]
    print("%d programs, %d agree on CPU and GPU, %d differ" % (
        len(results), len(results) - len(failed), len(failed)), flush=True)
    seconds = {"programs": time.time() - t0}
    dt, rows = None, []

    def save(complete):
        # after each part, so that a run stopped midway leaves its results
        if out:
            with open(out, "w") as f:
                json.dump({"device": device, "programs": results,
                           "difftest": dt, "bench": rows,
                           "seconds": seconds, "complete": complete},
                          f, indent=1)
    save(False)
    t0 = time.time()
    if dt_seconds:
        print("difftest: %g s from seed %d, reference %s" % (
            dt_seconds, dt_seed, dt_reference), flush=True)
        dt = difftest(weft, dt_seconds, dt_seed, dt_reference, dt_out)
        seconds["difftest"] = time.time() - t0
        save(False)
    t0 = time.time()
    rows = [] if "--no-bench" in args else bench(
        weft, device["copy_gbs"], DRY_RUN_SIZES if dry_run else SIZES,
        "--no-cpu-bench" not in args)
    seconds["bench"] = time.time() - t0
    bad_checks = [row["kernel"] for row in rows
                  if not row.get("check_ok", True)]
    print("\nsummary: %d programs, %d differ" % (len(results), len(failed)))
    if bad_checks:
        print("summary: benchmark check values differ on the GPU: %s" %
              ", ".join(bad_checks))
    if dt:
        counts = dt.get("counts", {})
        print("summary: difftest %s: %s programs (seeds %d..%s), %s%s" % (
            "passed" if dt["ok"] else "FAILED",
            dt.get("programs", "?"), dt_seed,
            dt["seeds"][1] if "seeds" in dt else "?",
            ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))
            or "no summary",
            "" if dt["exit"] is not None else " (timed out)"))
        for finding in dt.get("findings", []):
            print("  %s (seeds %s): %s" % (
                finding["signature"],
                " ".join(map(str, finding["seeds"][:5])), finding["saved"]))
    print("summary: %s" % ", ".join("%s %.0f s" % kv
                                    for kv in seconds.items()))
    save(True)
    return 1 if failed or bad_checks or (dt and not dt["ok"]) else 0


if __name__ == "__main__":
    sys.exit(main())
