"""On a machine with an NVIDIA GPU: runs Weft programs on the GPU and on
the CPU and compares their output, then runs the triad, sum and matrix
product benchmarks on the device.

Usage: run_on_gpu.py WEFT [--json PATH] [--no-bench] [--quick]

Programs: every lang-example (the gpu_* ones use explicit kernels or
@jit(target="auto"); the others are offloaded with --target=gpu), the
programs of tests/lit/gpu, the e2e programs and the NumPy-checked
programs. Each runs with
--target=cpu and --target=gpu; numbers must agree (floats to a relative
1e-6: the GPU sums in another order and contracts a * b + c into fused
multiply-adds), text exactly, exit codes too.

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


def run(weft, target, path, args=(), timeout=300):
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
    # (name, file, args, work per call from n, unit)
    ("triad", "triad.weft", lambda n: [str(n), "20"], lambda n: 24.0 * n,
     "GB/s"),
    ("sum", "sum.weft", lambda n: [str(n), "20"], lambda n: 8.0 * n, "GB/s"),
    ("matmul", "matmul.weft", lambda n: [str(n), "5"],
     lambda n: 2.0 * n ** 3, "GFLOP/s"),
]


def bench(weft, copy_gbs):
    rows = []
    sizes = {"triad": 1 << 27, "sum": 1 << 27, "matmul": 2048}
    for name, f, args, work, unit in BENCH:
        n = sizes[name]
        path = os.path.join(ROOT, "bench", "kernels", f)
        row = {"kernel": name, "n": n, "unit": unit}
        for target in ("gpu", "cpu"):
            r, wall = run(weft, target, path, args(n), timeout=400)
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
        rows.append(row)
        print("bench %-7s n=%-10d gpu %s  cpu %s  %s" % (
            name, n,
            "%.3f ms %.1f %s" % (row["gpu"] * 1e3, row["gpu_rate"], unit)
            if row.get("gpu") else "failed: " + row.get("gpu_error", ""),
            "%.3f ms %.1f %s" % (row["cpu"] * 1e3, row["cpu_rate"], unit)
            if row.get("cpu") else "failed: " + row.get("cpu_error", ""),
            "(%.0f%% of the device's copy bandwidth)" % (
                100 * row["gpu_of_copy"]) if row.get("gpu_of_copy") else ""),
            flush=True)
    # Numba's CUDA target and CuPy on the same device, when installed.
    try:
        r = subprocess.run([sys.executable, os.path.join(
            ROOT, "bench", "gpu_peers.py"), str(sizes["triad"]),
            str(sizes["sum"]), str(sizes["matmul"]), "20"],
            capture_output=True, text=True, timeout=300)
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
            print("peer  %-7s %-18s %.3f ms  Weft/peer %.2f" % (
                name, peer, secs * 1e3,
                row["gpu"] / secs if row.get("gpu") else float("nan")),
                flush=True)
    return rows


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    weft = os.path.abspath(args[0])
    out = args[args.index("--json") + 1] if "--json" in args else None
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
    rows = [] if "--no-bench" in args else bench(weft, device["copy_gbs"])
    if out:
        with open(out, "w") as f:
            json.dump({"device": device, "programs": results,
                       "bench": rows}, f, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
