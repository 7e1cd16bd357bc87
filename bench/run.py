#!/usr/bin/python3
"""run.py - Weft's benchmarks against NumPy, Numba and C++ (OpenMP,
OpenBLAS), measured side by side in one run.

Usage: /usr/bin/python3 bench/run.py [--quick]
Each kernel reports the best of its repetitions (compilation and set-up
excluded) and the ratio of every implementation to C++.
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEFT = os.environ.get("WEFT", os.path.join(ROOT, "build", "bin", "weft"))
PY = "/usr/bin/python3"
K = os.path.join(ROOT, "bench", "kernels")

QUICK = "--quick" in sys.argv
KERNELS = [
    # name, size, reps, description
    ("elementwise", 1000000 if QUICK else 10000000, 10,
     "c = a * b + sin(d), n doubles"),
    ("reduction", 1000000 if QUICK else 10000000, 10,
     "s = sum(a * b), n doubles"),
    ("jacobi", 500 if QUICK else 2000, 10,
     "one 4-point Jacobi sweep, n x n"),
    ("matmul", 300 if QUICK else 1000, 10, "c = a @ b, n x n"),
]


def timed(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True,
                         env=env).stdout.split()
    return float(out[0]), out[1]


def main():
    tmp = tempfile.mkdtemp()
    omp = os.path.join(tmp, "openmp")
    blas = os.path.join(tmp, "matmul_blas")
    subprocess.run(["g++", "-O3", "-march=native", "-fopenmp", "-o", omp,
                    os.path.join(K, "openmp.cpp")], check=True)
    subprocess.run(["g++", "-O3", "-march=native", "-o", blas,
                    os.path.join(ROOT, "bench", "matmul_blas.cpp"),
                    "-lopenblas"], check=True)
    threads = os.cpu_count()
    print(f"Weft benchmarks, {threads} threads; times in seconds (best of "
          f"the repetitions); ratio = time / C++")
    for name, n, reps, what in KERNELS:
        rows = []
        if name == "matmul":
            cpp = timed([blas, str(n), str(reps)])
            rows.append(("C++ OpenBLAS dgemm", cpp))
            rows.append(("weft", timed([WEFT, "run",
                                        os.path.join(ROOT, "bench",
                                                     "matmul.weft"),
                                        "--", str(n), str(reps)])))
            rows.append(("numpy", timed([PY, os.path.join(ROOT, "bench",
                                                          "matmul_numpy.py"),
                                         str(n), str(reps)])))
            rows.append(("numba", timed([PY, os.path.join(ROOT, "bench",
                                                          "matmul_numba.py"),
                                         str(n), str(reps)])))
        else:
            cpp = timed([omp, name, str(n), str(reps)])
            rows.append(("C++ OpenMP", cpp))
            rows.append(("weft", timed([WEFT, "run",
                                        os.path.join(K, name + ".weft"), "--",
                                        str(n), str(reps)])))
            if name == "reduction":
                rows.append(("weft prange loop",
                             timed([WEFT, "run",
                                    os.path.join(K, "reduction_prange.weft"),
                                    "--", str(n), str(reps)])))
            rows.append(("weft --threads 1",
                         timed([WEFT, "run", "--threads", "1",
                                os.path.join(K, name + ".weft"), "--",
                                str(n), str(reps)])))
            for impl in ("numpy", "numba"):
                rows.append((impl + (" parallel=True" if impl == "numba"
                                     else ""),
                             timed([PY, os.path.join(K, "peers.py"), name,
                                    impl, str(n), str(reps)])))
        print(f"\n{name} (n={n}): {what}")
        print(f"  {'implementation':<24} {'seconds':>10} {'ratio':>7}  check")
        base = rows[0][1][0]
        for label, (t, check) in rows:
            print(f"  {label:<24} {t:>10.5f} {t / base:>7.2f}  {check}")


if __name__ == "__main__":
    main()
