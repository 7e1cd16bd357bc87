# Source: spcl/npbench npbench/benchmarks/deep_learning/mlp/mlp_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: 3-layer perceptron inference: matrix @ plus broadcast bias, relu via np.maximum, a jitted softmax with column max loop, axis=-1 sum and reshape
import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=False, fastmath=True)
def relu(x):
    return np.maximum(x, 0)


# Numerically-stable version of softmax
@nb.jit(nopython=True, parallel=False, fastmath=True)
def softmax(x):
    new_shape = (x.shape[0], 1)
    # tmp_max = np.max(x, axis=-1, keepdims=True)
    tmp_max = np.empty(new_shape, dtype=x.dtype)
    for i in range(x.shape[1]):
        tmp_max[:, 0] = np.max(x[:, i])
    tmp_out = np.exp(x - tmp_max)
    # tmp_sum = np.sum(tmp_out, axis=-1, keepdims=True)
    tmp_sum = np.reshape(np.sum(tmp_out, axis=-1), new_shape)
    return tmp_out / tmp_sum


# 3-layer MLP
@nb.jit(nopython=True, parallel=False, fastmath=True)
def mlp(input, w1, b1, w2, b2, w3, b3):
    x = relu(input @ w1 + b1)
    x = relu(x @ w2 + b2)
    x = softmax(x @ w3 + b3)  # Softmax call can be omitted if necessary
    return x

# ---- harness (not part of the program) ----
ENTRY = "mlp"


def inputs():
    # as NPBench's initialize(C_in, N, S0, S1, S2) (mlp.py), in float64, seed 0
    # (the source draws `input` from np.random.rand; here from the same rng)
    rng = np.random.default_rng(0)
    C_in, N, S0, S1, S2 = 32, 8, 30, 10, 5
    input = rng.random((N, C_in))
    w1 = rng.random((C_in, S0))
    b1 = rng.random((S0, ))
    w2 = rng.random((S0, S1))
    b2 = rng.random((S1, ))
    w3 = rng.random((S1, S2))
    b3 = rng.random((S2, ))
    return (input, w1, b1, w2, b2, w3, b3)
