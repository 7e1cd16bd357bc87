# Source: spcl/npbench npbench/benchmarks/deep_learning/softmax/softmax_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: softmax over the last axis of a 4-D array, with shape tuples, np.max, np.exp, reshape and axis sums

import numpy as np
import numba as nb


# Numerically-stable version of softmax
@nb.jit(nopython=True, parallel=False, fastmath=True)
def softmax(x):
    new_shape = (x.shape[0], x.shape[1], x.shape[2], 1)
    # tmp_max = np.max(x, axis=-1, keepdims=True)
    tmp_max = np.empty(new_shape, dtype=x.dtype)
    for i in range(x.shape[3]):
        tmp_max[:, :, :, 0] = np.max(x[:, :, :, i])
    tmp_out = np.exp(x - tmp_max)
    # tmp_sum = np.sum(tmp_out, axis=-1, keepdims=True)
    tmp_sum = np.reshape(np.sum(tmp_out, axis=-1), new_shape)
    return tmp_out / tmp_sum

# ---- harness (not part of the program) ----
ENTRY = "softmax"


def inputs():
    # as NPBench's initialize(N, H, SM) (softmax.py), in float64, seed 0
    x = np.random.default_rng(0).random((4, 4, 16, 16))
    return (x,)
