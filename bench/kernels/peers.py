"""Benchmark peers in Python: NumPy and Numba versions of the kernels in
this folder (the Weft programs are the reference for what each computes).

Usage: peers.py KERNEL numpy|numba|weft N REPS [EXTRA]
EXTRA is the number of steps (nbody) or the iteration limit (mandelbrot).
Each kernel is called once to warm up (this compiles the Numba version),
then REPS times, each timed; the program prints the median time in
seconds and a check value, like the Weft programs.

Numba versions use @njit(parallel=True, fastmath=True) with prange where
a loop is natural; the thread count comes from NUMBA_NUM_THREADS.

`weft` calls the kernel function of NAME.weft itself through Weft's Python
package (runtime/python; libweft.so from the build tree): its first call
compiles that function and what it calls, as Numba's first call does, so
bench/latency.py compares the two per function.
"""
import sys
import time

import numpy as np


def median_time(reps, fn):
    t0 = time.perf_counter()
    out = fn()  # warm-up (compiles the Numba version)
    # bench/latency.py reads the first call's time (compile + run).
    print("first_call_seconds %.6f" % (time.perf_counter() - t0),
          file=sys.stderr)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), out


def numba_kernels():
    from numba import njit, prange

    jit = njit(parallel=True, fastmath=True)

    @jit
    def triad(a, b, c, s):
        for i in prange(a.shape[0]):
            a[i] = b[i] + s * c[i]

    @jit
    def total(a):
        s = 0.0
        for i in prange(a.shape[0]):
            s += a[i]
        return s

    @jit
    def dot(a, b):
        s = 0.0
        for i in prange(a.shape[0]):
            s += a[i] * b[i]
        return s

    @jit
    def saxpy(alpha, x, y):
        for i in prange(x.shape[0]):
            y[i] += alpha * x[i]

    @jit
    def jacobi(u, v):
        m = u.shape[0]
        for i in prange(1, m - 1):
            for j in range(1, m - 1):
                v[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] +
                                  u[i, j - 1] + u[i, j + 1])

    @jit
    def matmul_loop(a, b):
        n, m = a.shape
        p = b.shape[1]
        c = np.zeros((n, p))
        for i in prange(n):
            for k in range(m):
                aik = a[i, k]
                for j in range(p):
                    c[i, j] += aik * b[k, j]
        return c

    @njit(fastmath=True)  # BLAS: nothing for parallel=True to do
    def matmul(a, b):
        return a @ b

    @jit
    def accelerations(x, y, z, m, ax, ay, az, eps2):
        n = x.shape[0]
        for i in prange(n):
            xi = x[i]
            yi = y[i]
            zi = z[i]
            fx = 0.0
            fy = 0.0
            fz = 0.0
            for j in range(n):
                dx = x[j] - xi
                dy = y[j] - yi
                dz = z[j] - zi
                r2 = dx * dx + dy * dy + dz * dz + eps2
                s = m[j] / (r2 * np.sqrt(r2))
                fx += s * dx
                fy += s * dy
                fz += s * dz
            ax[i] = fx
            ay[i] = fy
            az[i] = fz

    @jit
    def nbody(x, y, z, vx, vy, vz, m, ax, ay, az, steps, dt, eps2):
        for _ in range(steps):
            accelerations(x, y, z, m, ax, ay, az, eps2)
            for i in prange(x.shape[0]):
                vx[i] += dt * ax[i]
                vy[i] += dt * ay[i]
                vz[i] += dt * az[i]
                x[i] += dt * vx[i]
                y[i] += dt * vy[i]
                z[i] += dt * vz[i]

    @jit
    def mandelbrot(n, maxit):
        img = np.zeros((n, n), dtype=np.int32)
        for r in prange(n):
            ci = -1.5 + 3.0 * r / n
            for c in range(n):
                cr = -2.0 + 3.0 * c / n
                zr = 0.0
                zi = 0.0
                k = 0
                while k < maxit and zr * zr + zi * zi <= 4.0:
                    t = zr * zr - zi * zi + cr
                    zi = 2.0 * zr * zi + ci
                    zr = t
                    k += 1
                img[r, c] = k
        return img

    @jit
    def mc_pi(n):
        hits = 0
        for _ in prange(n):
            x = np.random.random()
            y = np.random.random()
            if x * x + y * y <= 1.0:
                hits += 1
        return 4.0 * hits / n

    @jit
    def softmax(x):
        rows, cols = x.shape
        out = np.empty_like(x)
        for i in prange(rows):
            mx = x[i, 0]
            for j in range(1, cols):
                mx = max(mx, x[i, j])
            s = 0.0
            for j in range(cols):
                e = np.exp(x[i, j] - mx)
                out[i, j] = e
                s += e
            for j in range(cols):
                out[i, j] /= s
        return out

    @jit
    def go_fast(a):  # Numba's front-page example, as written there
        trace = 0.0
        for i in range(a.shape[0]):
            trace += np.tanh(a[i, i])
        return a + trace

    @jit
    def elementwise(a, b, d):
        return a * b + np.sin(d)

    return locals()


def weft_kernels():
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "..", "runtime", "python"))
    import weft

    # peers' name: (program in this folder, its kernel function)
    names = {"triad": ("triad", "triad"), "total": ("sum", "total"),
             "dot": ("dot", "dot_ab"), "saxpy": ("saxpy", "saxpy"),
             "jacobi": ("jacobi", "sweep"), "matmul": ("matmul", "product"),
             "matmul_loop": ("matmul_loop", "matmul_loops"),
             "nbody": ("nbody", "nbody"),
             "mandelbrot": ("mandelbrot", "mandelbrot"),
             "mc_pi": ("mc_pi", "mc_pi"), "softmax": ("softmax", "softmax"),
             "go_fast": ("go_normal", "go_fast"),
             "elementwise": ("elementwise", "elementwise")}

    def lazy(program, function):
        # Parsed and type-checked inside the first call too.
        module = []

        def call(*args):
            if not module:
                path = os.path.join(here, program + ".weft")
                with open(path) as f:
                    module.append(weft.compile(f.read(), path))
            return getattr(module[0], function)(*args)
        return call

    return {key: lazy(*v) for key, v in names.items()}


def numpy_kernels():
    def triad(a, b, c, s):
        np.multiply(c, s, out=a)
        np.add(a, b, out=a)

    def total(a):
        return a.sum()

    def dot(a, b):
        return np.dot(a, b)

    def saxpy(alpha, x, y):
        y += alpha * x

    def jacobi(u, v):
        v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] +
                                u[1:-1, :-2] + u[1:-1, 2:])

    def matmul(a, b):
        return a @ b

    def nbody(x, y, z, vx, vy, vz, m, ax, ay, az, steps, dt, eps2):
        for _ in range(steps):
            dx = x[None, :] - x[:, None]
            dy = y[None, :] - y[:, None]
            dz = z[None, :] - z[:, None]
            r2 = dx * dx + dy * dy + dz * dz + eps2
            s = m[None, :] / (r2 * np.sqrt(r2))
            ax[:] = (s * dx).sum(axis=1)
            ay[:] = (s * dy).sum(axis=1)
            az[:] = (s * dz).sum(axis=1)
            vx += dt * ax
            vy += dt * ay
            vz += dt * az
            x += dt * vx
            y += dt * vy
            z += dt * vz

    def mandelbrot(n, maxit):
        # Iterate only the points that have not escaped yet.
        img = np.zeros(n * n, dtype=np.int32)
        idx = np.arange(n * n)
        ci = np.repeat(-1.5 + 3.0 * np.arange(n) / n, n)
        cr = np.tile(-2.0 + 3.0 * np.arange(n) / n, n)
        zr = np.zeros(n * n)
        zi = np.zeros(n * n)
        for _ in range(maxit):
            keep = zr * zr + zi * zi <= 4.0
            idx, zr, zi, cr, ci = idx[keep], zr[keep], zi[keep], cr[keep], \
                ci[keep]
            if idx.size == 0:
                break
            t = zr * zr - zi * zi + cr
            zi = 2.0 * zr * zi + ci
            zr = t
            img[idx] += 1
        return img.reshape(n, n)

    rng = np.random.default_rng(12345)

    def mc_pi(n):
        hits = 0
        chunk = 1 << 22
        for start in range(0, n, chunk):
            k = min(chunk, n - start)
            x = rng.random(k)
            y = rng.random(k)
            hits += int(np.count_nonzero(x * x + y * y <= 1.0))
        return 4.0 * hits / n

    def softmax(x):
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def go_fast(a):  # the front-page function without @jit ("go normal")
        trace = 0.0
        for i in range(a.shape[0]):
            trace += np.tanh(a[i, i])
        return a + trace

    def elementwise(a, b, d):
        return a * b + np.sin(d)

    return locals()


def main():
    kernel, impl, n, reps = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4])
    extra = int(sys.argv[5]) if len(sys.argv) > 5 else None
    k = numba_kernels() if impl == "numba" else \
        weft_kernels() if impl == "weft" else numpy_kernels()

    if kernel == "triad":
        a = np.zeros(n)
        b = np.arange(n) % 7 * 0.5
        c = np.arange(n) % 11 * 0.25
        t, _ = median_time(reps, lambda: k["triad"](a, b, c, 3.0))
        check = a.sum()
    elif kernel == "sum":
        a = np.arange(n) % 7 * 0.5
        t, check = median_time(reps, lambda: k["total"](a))
    elif kernel == "dot":
        a = np.arange(n) % 7 * 0.5
        b = np.arange(n) % 11 * 0.25
        t, check = median_time(reps, lambda: k["dot"](a, b))
    elif kernel == "saxpy":
        x = (np.arange(n) % 13 * 0.25).astype(np.float32)
        y = (np.arange(n) % 11 * 0.5).astype(np.float32)
        alpha = np.float32(0.5)
        t, _ = median_time(reps, lambda: k["saxpy"](alpha, x, y))
        check = y.sum(dtype=np.float64)
    elif kernel == "jacobi":
        u = (np.arange(n * n) % 17 * 1.0).reshape(n, n)
        v = np.zeros((n, n))
        t, _ = median_time(reps, lambda: k["jacobi"](u, v))
        check = v.sum()
    elif kernel in ("matmul", "matmul_loop"):
        a = (np.arange(n * n) % 7 * 0.25).reshape(n, n)
        b = (np.arange(n * n) % 5 * 0.5 - 1.0).reshape(n, n)
        fn = k[kernel] if kernel in k else k["matmul"]
        t, c = median_time(reps, lambda: fn(a, b))
        check = (c * c).sum()
    elif kernel == "nbody":
        steps = extra or 5
        x = np.arange(n) * 7 % 1013 / 1013.0
        y = np.arange(n) * 13 % 1019 / 1019.0
        z = np.arange(n) * 29 % 1021 / 1021.0
        vx, vy, vz = np.zeros(n), np.zeros(n), np.zeros(n)
        m = np.ones(n) / n
        ax, ay, az = np.zeros(n), np.zeros(n), np.zeros(n)
        t, _ = median_time(reps, lambda: k["nbody"](
            x, y, z, vx, vy, vz, m, ax, ay, az, steps, 0.001, 0.01))
        check = 0.5 * (m * (vx * vx + vy * vy + vz * vz)).sum()
    elif kernel == "mandelbrot":
        maxit = extra or 256
        t, img = median_time(reps, lambda: k["mandelbrot"](n, maxit))
        check = int(img.sum(dtype=np.int64))
    elif kernel == "mc_pi":
        t, check = median_time(reps, lambda: k["mc_pi"](n))
    elif kernel == "softmax":
        x = (np.arange(n * n) % 101 * 0.05).reshape(n, n)
        t, out = median_time(reps, lambda: k["softmax"](x))
        check = (out * np.arange(n)).sum()
    elif kernel == "go_normal":
        a = (np.arange(n * n) % 100 * 0.01).reshape(n, n)
        t, out = median_time(reps, lambda: k["go_fast"](a))
        check = out.sum()
    elif kernel == "elementwise":
        a = np.arange(n) * 1e-7
        b = np.ones(n) * 0.5
        d = np.arange(n) * 3e-7
        t, c = median_time(reps, lambda: k["elementwise"](a, b, d))
        check = c.sum()
    else:
        sys.exit(f"peers.py: unknown kernel {kernel}")
    print(t, repr(float(check)) if not isinstance(check, int) else check)


main()
