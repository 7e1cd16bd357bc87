# Source: numba/numba numba/tests/doc_examples/test_examples.py (ex_moving_average; docs/source/user/examples.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: moving average along the last axis as a @guvectorize generalized ufunc

import numpy as np

from numba import guvectorize

@guvectorize(['void(float64[:], intp[:], float64[:])'],
             '(n),()->(n)')
def move_mean(a, window_arr, out):
    window_width = window_arr[0]
    asum = 0.0
    count = 0
    for i in range(window_width):
        asum += a[i]
        count += 1
        out[i] = asum / count
    for i in range(window_width, len(a)):
        asum += a[i] - a[i - window_width]
        out[i] = asum / count

# ---- harness (not part of the program) ----
ENTRY = "move_mean"


def inputs():
    arr = np.arange(20, dtype=np.float64).reshape(2, 10)
    return (arr, 3)
