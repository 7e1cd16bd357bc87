"""GPU peers of Weft's device benchmarks: triad, sum and matrix product
with Numba's CUDA target (numba.cuda, written as Weft's kernels are) and
CuPy (its elementwise kernel, reduction and cuBLAS), timed the way the
Weft kernels time themselves: the median of REPS calls, each synchronized.

Usage: gpu_peers.py TRIAD_N SUM_N MATMUL_N [REPS]; prints one JSON object
{kernel: {peer: seconds}}; a peer that is not installed or fails is left
out (its error is printed to stderr)."""
import json
import statistics
import sys
import time

import numpy as np


def median_time(f, sync, reps):
    f()
    sync()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        sync()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def numba_peers(nt, ns, nm, reps):
    if not hasattr(np, "row_stack"):  # NumPy 2.x; older numba-cuda uses it
        np.row_stack = np.vstack
    from numba import cuda

    @cuda.jit
    def triad(a, b, c, s):
        i = cuda.grid(1)
        if i < a.size:
            a[i] = b[i] + s * c[i]

    @cuda.jit
    def matmul(a, b, c):
        i, j = cuda.grid(2)
        if i < c.shape[0] and j < c.shape[1]:
            acc = 0.0
            for k in range(a.shape[1]):
                acc += a[i, k] * b[k, j]
            c[i, j] = acc

    total = cuda.reduce(lambda x, y: x + y)
    out = {}
    a = cuda.to_device(np.zeros(nt))
    b = cuda.to_device(np.arange(nt) % 7 * 0.5)
    c = cuda.to_device(np.arange(nt) % 11 * 0.25)
    blocks = (nt + 255) // 256
    out["triad"] = median_time(lambda: triad[blocks, 256](a, b, c, 3.0),
                               cuda.synchronize, reps)
    del a, b, c
    x = cuda.to_device(np.arange(ns) % 7 * 0.5)
    out["sum"] = median_time(lambda: total(x), cuda.synchronize, reps)
    del x
    ma = cuda.to_device(np.arange(nm * nm).reshape(nm, nm) % 7 * 0.25)
    mb = cuda.to_device(np.arange(nm * nm).reshape(nm, nm) % 5 * 0.5 - 1.0)
    mc = cuda.device_array((nm, nm))
    grid = ((nm + 15) // 16, (nm + 15) // 16)
    out["matmul"] = median_time(lambda: matmul[grid, (16, 16)](ma, mb, mc),
                                cuda.synchronize, max(3, reps // 4))
    return out


def cupy_peers(nt, ns, nm, reps):
    import cupy as cp
    sync = cp.cuda.Device().synchronize
    triad = cp.ElementwiseKernel("float64 b, float64 c, float64 s",
                                 "float64 a", "a = b + s * c", "triad")
    out = {}
    a = cp.zeros(nt)
    b = cp.arange(nt) % 7 * 0.5
    c = cp.arange(nt) % 11 * 0.25
    out["triad"] = median_time(lambda: triad(b, c, 3.0, a), sync, reps)
    del a, b, c
    x = cp.arange(ns) % 7 * 0.5
    out["sum"] = median_time(lambda: cp.sum(x), sync, reps)
    del x
    ma = cp.arange(nm * nm).reshape(nm, nm) % 7 * 0.25
    mb = cp.arange(nm * nm).reshape(nm, nm) % 5 * 0.5 - 1.0
    out["matmul (cuBLAS)"] = median_time(lambda: ma @ mb, sync,
                                         max(3, reps // 4))
    return out


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    nt, ns, nm = (int(v) for v in sys.argv[1:4])
    reps = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    result = {}
    for name, peer in (("Numba CUDA", numba_peers), ("CuPy", cupy_peers)):
        try:
            for kernel, secs in peer(nt, ns, nm, reps).items():
                result.setdefault(kernel, {})[name] = secs
        except Exception as e:  # not installed, or no device
            print("%s: %s: %s" % (name, type(e).__name__, e), file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
