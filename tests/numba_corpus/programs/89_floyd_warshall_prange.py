# Source: spcl/npbench npbench/benchmarks/polybench/floyd_warshall/floyd_warshall_numba_npr.py
# Licence: BSD-3-Clause (NPBench)
# Notes: Floyd-Warshall all-pairs shortest paths, the prange version: the row loop inside the k loop is a prange (parallel=True), each row updated with np.minimum of row slices on an int32 matrix
import numpy as np
import numba as nb

@nb.jit(nopython=True, parallel=True, fastmath=True)
def kernel(path):
    for k in range(path.shape[0]):
        for i in nb.prange(path.shape[0]):
            path[i, :] = np.minimum(path[i, :], path[i, k] + path[k, :])
    return path
# ---- harness (not part of the program) ----
ENTRY = "kernel"


def inputs():
    # NPBench's initialize(N) (floyd_warshall.py)
    N = 60
    path = np.fromfunction(lambda i, j: i * j % 7 + 1, (N, N), dtype=np.int32)
    for i in range(N):
        for j in range(N):
            if (i + j) % 13 == 0 or (i + j) % 7 == 0 or (i + j) % 11 == 0:
                path[i, j] = 999
    return (path,)
