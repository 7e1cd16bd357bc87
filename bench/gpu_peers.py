"""GPU peers of Weft's device benchmarks: triad, sum and matrix product
with Numba's CUDA target (numba.cuda, written as Weft's kernels are) and
CuPy (its elementwise kernel, reduction and cuBLAS), timed the way the
Weft kernels time themselves: the median of REPS calls, each synchronized.

Usage: gpu_peers.py TRIAD_N SUM_N MATMUL_N [REPS] [--reduce-n N]
       [--axis-n N] [--matmul-large-n N] [--reduce-reps R]; prints one
JSON object {kernel: {peer: seconds}}; a peer that is not installed or
fails is left out (its error is printed to stderr).

The options add the reductions of bench/kernels (each 0, the default,
leaves its kernels out), timed as the median of R calls (default 10):
  --reduce-n N        min(a), argmin(a) and any(b > 3.0) (False: a full
                      scan) over N doubles: kernels min, argmin, any
  --axis-n N          sum(m, axis=0), sum(m, axis=1), max(m, axis=1) of
                      an N x N matrix: sum_axis0, sum_axis1, max_axis1
  --matmul-large-n N  a second matrix product, N x N: matmul_large
CuPy runs them as a NumPy user writes them (cp.min, cp.argmin,
cp.any(x > t), cp.sum(m, axis=k), cp.max(m, axis=1), cuBLAS); Numba CUDA
has min (cuda.reduce), any (one grid-stride kernel setting a flag), the
axis reductions (one thread per output element) and the product; it has
no argmin.

NUMBA_ENABLE_CUDASIM=1 runs the Numba kernels in Numba's simulator (no
GPU; only to check them at tiny sizes)."""
import argparse
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


def reduction_inputs(xp, nr, na):
    """The arrays of bench/kernels/{min,argmin,any,sum_axis*,max_axis1}.weft:
    a (min, argmin), b (any, all below 3.0), m (the sums), m2 (the maxima);
    None where the size is 0."""
    a = b = m = m2 = None
    if nr:
        a = xp.arange(nr) % 7 * 0.5 + 1.0
        a[nr - nr // 3] = -1.0
        b = xp.arange(nr) % 7 * 0.5
    if na:
        m = (xp.arange(na * na) % 7 * 0.25).reshape(na, na)
        m2 = (xp.arange(na * na) % 7 * 0.25 +
              xp.arange(na * na) % 11 * 0.5).reshape(na, na)
    return a, b, m, m2


def numba_peers(nt, ns, nm, reps, extra):
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
    del ma, mb, mc
    try:
        numba_reductions(cuda, matmul, extra, out)
    except Exception as e:  # keeps the times measured so far
        print("Numba CUDA reductions: %s: %s" % (type(e).__name__, e),
              file=sys.stderr)
    return out


def numba_reductions(cuda, matmul, extra, out):
    """The kernels of --reduce-n, --axis-n and --matmul-large-n, into out."""
    nr, na, nl, reps = extra

    @cuda.jit
    def any_above(x, t, flag):
        i = cuda.grid(1)
        found = False
        while i < x.size:
            if x[i] > t:
                found = True
            i += cuda.gridsize(1)
        if found:
            flag[0] = 1

    @cuda.jit
    def sum_axis0(m, s):
        j = cuda.grid(1)
        if j < s.size:
            acc = 0.0
            for i in range(m.shape[0]):
                acc += m[i, j]
            s[j] = acc

    @cuda.jit
    def sum_axis1(m, s):
        i = cuda.grid(1)
        if i < s.size:
            acc = 0.0
            for j in range(m.shape[1]):
                acc += m[i, j]
            s[i] = acc

    @cuda.jit
    def max_axis1(m, s):
        i = cuda.grid(1)
        if i < s.size:
            acc = m[i, 0]
            for j in range(1, m.shape[1]):
                acc = max(acc, m[i, j])
            s[i] = acc

    a, b, m, m2 = reduction_inputs(np, nr, na)
    if nr:
        x = cuda.to_device(a)
        smallest = cuda.reduce(lambda p, q: min(p, q))
        out["min"] = median_time(lambda: smallest(x, init=np.inf),
                                 cuda.synchronize, reps)
        del x
        x = cuda.to_device(b)
        flag = cuda.to_device(np.zeros(1, dtype=np.int32))
        blocks = min((nr + 255) // 256, 2048)   # grid-stride: ~2 waves

        def any_call():
            flag[0] = 0
            any_above[blocks, 256](x, 3.0, flag)
        out["any"] = median_time(any_call, cuda.synchronize, reps)
        del x, flag
    if na:
        s = cuda.device_array(na)
        blocks = (na + 255) // 256
        for name, kernel, mat in (("sum_axis0", sum_axis0, m),
                                  ("sum_axis1", sum_axis1, m),
                                  ("max_axis1", max_axis1, m2)):
            dm = cuda.to_device(mat)
            out[name] = median_time(lambda: kernel[blocks, 256](dm, s),
                                    cuda.synchronize, reps)
            del dm
    if nl:
        ma = cuda.to_device(np.arange(nl * nl).reshape(nl, nl) % 7 * 0.25)
        mb = cuda.to_device(np.arange(nl * nl).reshape(nl, nl) % 5 * 0.5 -
                            1.0)
        mc = cuda.device_array((nl, nl))
        grid = ((nl + 15) // 16, (nl + 15) // 16)
        out["matmul_large"] = median_time(
            lambda: matmul[grid, (16, 16)](ma, mb, mc), cuda.synchronize, 3)


def cupy_peers(nt, ns, nm, reps, extra):
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
    del ma, mb
    try:
        cupy_reductions(cp, sync, extra, out)
    except Exception as e:  # keeps the times measured so far
        print("CuPy reductions: %s: %s" % (type(e).__name__, e),
              file=sys.stderr)
    return out


def cupy_reductions(cp, sync, extra, out):
    """The kernels of --reduce-n, --axis-n and --matmul-large-n, into out."""
    nr, na, nl, reps = extra
    a, b, m, m2 = reduction_inputs(cp, nr, na)
    if nr:
        out["min"] = median_time(lambda: cp.min(a), sync, reps)
        out["argmin"] = median_time(lambda: cp.argmin(a), sync, reps)
        out["any"] = median_time(lambda: cp.any(b > 3.0), sync, reps)
    if na:
        out["sum_axis0"] = median_time(lambda: cp.sum(m, axis=0), sync, reps)
        out["sum_axis1"] = median_time(lambda: cp.sum(m, axis=1), sync, reps)
        out["max_axis1"] = median_time(lambda: cp.max(m2, axis=1), sync,
                                       reps)
    del a, b, m, m2
    if nl:
        ma = cp.arange(nl * nl).reshape(nl, nl) % 7 * 0.25
        mb = cp.arange(nl * nl).reshape(nl, nl) % 5 * 0.5 - 1.0
        out["matmul_large (cuBLAS)"] = median_time(lambda: ma @ mb, sync, 3)


def main():
    ap = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1])
    ap.add_argument("sizes", type=int, nargs="+", metavar="N")
    ap.add_argument("--reduce-n", type=int, default=0)
    ap.add_argument("--axis-n", type=int, default=0)
    ap.add_argument("--matmul-large-n", type=int, default=0)
    ap.add_argument("--reduce-reps", type=int, default=10)
    args = ap.parse_args()
    if len(args.sizes) not in (3, 4):
        print(__doc__)
        return 2
    nt, ns, nm = args.sizes[:3]
    reps = args.sizes[3] if len(args.sizes) > 3 else 20
    extra = (args.reduce_n, args.axis_n, args.matmul_large_n,
             args.reduce_reps)
    result = {}
    for name, peer in (("Numba CUDA", numba_peers), ("CuPy", cupy_peers)):
        try:
            for kernel, secs in peer(nt, ns, nm, reps, extra).items():
                result.setdefault(kernel, {})[name] = secs
        except Exception as e:  # not installed, or no device
            print("%s: %s: %s" % (name, type(e).__name__, e), file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
