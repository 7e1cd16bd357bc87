#!/usr/bin/python3
"""Scale-out with Dask: a Weft kernel over an array larger than any one
worker's memory share, in chunks, on a local cluster of worker processes.

    /usr/bin/python3 lang-examples/dask/chunked_energy.py [--workers N]
        [--elements N] [--chunk N] [--memory-limit 512MB]

The array (default 2^27 float64 = 1 GiB) never exists in one place: Dask
generates it chunk by chunk on the workers (each limited to 512 MB, of
which the compiler libraries take about 150 MB), each
chunk goes through the Weft function `energy` (pickled as its source and
compiled, or loaded from the on-disk cache, in every worker process), and
a sum reduces the results. The same pipeline with NumPy's functions checks
the answer. Needs PYTHONPATH=runtime/python (or an installed weft) and
Debian's python3-dask and python3-distributed.
"""
import argparse
import time

import numpy as np

import weft

ENERGY = weft.compile("""
def energy(x):
    # the relativistic kinetic energy of unit mass at speed x (c = 1)
    return sqrt(x * x + 1.0) - 1.0
""", "energy.weft").energy


def numpy_energy(x):
    return np.sqrt(x * x + 1.0) - 1.0


def main():
    import dask.array as da
    from distributed import Client, LocalCluster

    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--elements", type=int, default=2 ** 27)
    ap.add_argument("--chunk", type=int, default=2 ** 22)
    ap.add_argument("--memory-limit", default="512MB")
    a = ap.parse_args()

    with LocalCluster(n_workers=a.workers, threads_per_worker=1,
                      processes=True, memory_limit=a.memory_limit,
                      dashboard_address=None, silence_logs=50) as cluster, \
            Client(cluster):
        x = da.random.RandomState(42).random_sample(a.elements,
                                                    chunks=a.chunk)
        print("array: %d float64 = %.2f GiB in %d chunks; %d workers of %s"
              % (a.elements, a.elements * 8 / 2 ** 30, x.numblocks[0],
                 a.workers, a.memory_limit))
        t0 = time.perf_counter()
        total = x.map_blocks(ENERGY, dtype=np.float64).sum().compute()
        t1 = time.perf_counter()
        check = x.map_blocks(numpy_energy, dtype=np.float64).sum().compute()
        t2 = time.perf_counter()
        print("Weft energy sum  %.6f  (%.2f s)" % (total, t1 - t0))
        print("NumPy energy sum %.6f  (%.2f s)" % (check, t2 - t1))
        print("agree:", abs(total - check) <= 1e-9 * abs(check))


if __name__ == "__main__":
    main()
