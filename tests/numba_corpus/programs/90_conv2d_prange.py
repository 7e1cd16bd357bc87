# Source: spcl/npbench npbench/benchmarks/deep_learning/conv2d_bias/conv2d_numba_npr.py
# Licence: BSD-3-Clause (NPBench)
# Notes: NHWC float32 2-D convolution plus bias, the prange version: two nested prange loops over output pixels (parallel=True), each computing a copy of a 4-D window, 5-D reshapes, broadcasting and three nested axis sums assigned into output[:, i, j, :]
import numpy as np
import numba as nb


# Deep learning convolutional operator (stride = 1)
@nb.jit(nopython=True, parallel=True, fastmath=True)
def conv2d(input, weights):
    K = weights.shape[0]  # Assuming square kernel
    N = input.shape[0]
    H_out = input.shape[1] - K + 1
    W_out = input.shape[2] - K + 1
    C_in = input.shape[3]
    C_out = weights.shape[3]
    output = np.empty((N, H_out, W_out, C_out), dtype=np.float32)

    # Loop structure adapted from https://github.com/SkalskiP/ILearnDeepLearning.py/blob/ba0b5ba589d4e656141995e8d1a06d44db6ce58d/01_mysteries_of_neural_networks/06_numpy_convolutional_neural_net/src/layers/convolutional.py#L88
    for i in nb.prange(H_out):
        for j in nb.prange(W_out):
            # output[:, i, j, :] = np.sum(
            #     input[:, i:i + K, j:j + K, :, np.newaxis] *
            #     weights[np.newaxis, :, :, :],
            #     axis=(1, 2, 3),
            # )
            # Reshape supported only on contiguous arrays
            inp = input[:, i:i + K, j:j + K, :].copy()
            # Tuple of ints not supported in axis keyword
            output[:, i, j, :] = np.sum(np.sum(
                np.sum(np.reshape(inp, (N, K, K, C_in, 1)) *
                       np.reshape(weights, (1, K, K, C_in, C_out)),
                       axis=1),
                axis=1),
                                        axis=1)

    return output


@nb.jit(nopython=True, parallel=True, fastmath=True)
def conv2d_bias(input, weights, bias):
    return conv2d(input, weights) + bias

# ---- harness (not part of the program) ----
ENTRY = "conv2d_bias"


def inputs():
    # NPBench's initialize(C_in, C_out, H, K, N, W) (conv2d.py), seed 0
    rng = np.random.default_rng(0)
    N, H, W, C_in, C_out, K = 2, 16, 16, 3, 8, 3
    input = rng.random((N, H, W, C_in), dtype=np.float32)
    weights = rng.random((K, K, C_in, C_out), dtype=np.float32)
    bias = rng.random((C_out, ), dtype=np.float32)
    return (input, weights, bias)
