# Source: numba/numba examples/bubblesort.py
# Licence: BSD-2-Clause (Numba)
# Notes: in-place bubble sort with tuple-swap; the jitted function is made with jit(nopython=True)(bubblesort)

import numpy as np

from numba import jit


def bubblesort(X):
    N = X.shape[0]
    for end in range(N, 1, -1):
        for i in range(end - 1):
            if X[i] > X[i + 1]:
                X[i], X[i + 1] = X[i + 1], X[i]


bubblesort_fast = jit(nopython=True)(bubblesort)

dtype = np.int64

# ---- harness (not part of the program) ----
ENTRY = "bubblesort_fast"


def inputs():
    return (np.random.default_rng(0).permutation(300).astype(dtype),)
