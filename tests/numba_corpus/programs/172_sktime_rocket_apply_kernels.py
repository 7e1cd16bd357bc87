# Source: sktime/sktime sktime/transformations/panel/rocket/_rocket_numba.py (the at commit 93281e37; a later one writes -np.ninf, which this Numba does not type)
# Licence: BSD-3-Clause (sktime, LICENSE; Copyright (c) 2019, The Alan Turing Institute, University College London, University of East Anglia, Anthony Bagnall, Sajaysurya Ganesh, Viktor Kazakov, Franz Király, Jason Lines, Markus Löning)
# Notes: ROCKET transform of a panel of multichannel time series: the public _apply_kernels has an eager signature string (split over two literals) taking a float32 3-D array and a 7-tuple of arrays typed as Tuple((float32[::1], int32[:], ...)), parallel=True, fastmath=True and cache=True, unpacks the tuple, loops with prange over instances, slices and reshapes the flat weight vector per kernel, and assigns the (float32, float32) tuples returned by the two fastmath helpers _apply_kernel_univariate/_apply_kernel_multivariate (dilated convolution with padding, `_max = -np.inf`, ppv as int count / int length) into the slice _X[i, a3:b3]; returns `_X.astype(np.float32)`. The module's `from sktime.utils.numba.njit import njit` is replaced by `from numba import njit` (what sktime/utils/numba/njit.py re-exports when numba is installed; its identity-decorator fallback is left out) and the `if _check_soft_dependencies("numba", severity="none"):` guard around `from numba import prange` (and its sktime.utils.dependencies import) is dropped; _generate_kernels (which draws the random kernels with np.random inside jitted code) is left out and its draws are made in inputs() with the same distributions
"""Isolated numba imports for Rocket."""

__author__ = ["angus924"]

import numpy as np

from numba import njit
from numba import prange


@njit(fastmath=True, cache=True)
def _apply_kernel_univariate(X, weights, length, bias, dilation, padding):
    n_timepoints = len(X)

    output_length = (n_timepoints + (2 * padding)) - ((length - 1) * dilation)

    _ppv = 0
    _max = -np.inf

    end = (n_timepoints + padding) - ((length - 1) * dilation)

    for i in range(-padding, end):
        _sum = bias

        index = i

        for j in range(length):
            if index > -1 and index < n_timepoints:
                _sum = _sum + weights[j] * X[index]

            index = index + dilation

        if _sum > _max:
            _max = _sum

        if _sum > 0:
            _ppv += 1

    return np.float32(_ppv / output_length), np.float32(_max)


@njit(fastmath=True, cache=True)
def _apply_kernel_multivariate(
    X, weights, length, bias, dilation, padding, num_channel_indices, channel_indices
):
    n_columns, n_timepoints = X.shape

    output_length = (n_timepoints + (2 * padding)) - ((length - 1) * dilation)

    _ppv = 0
    _max = -np.inf

    end = (n_timepoints + padding) - ((length - 1) * dilation)

    for i in range(-padding, end):
        _sum = bias

        index = i

        for j in range(length):
            if index > -1 and index < n_timepoints:
                for k in range(num_channel_indices):
                    _sum = _sum + weights[k, j] * X[channel_indices[k], index]

            index = index + dilation

        if _sum > _max:
            _max = _sum

        if _sum > 0:
            _ppv += 1

    return np.float32(_ppv / output_length), np.float32(_max)


@njit(
    "float32[:,:](float32[:,:,:],Tuple((float32[::1],int32[:],float32[:],"
    "int32[:],int32[:],int32[:],int32[:])))",
    parallel=True,
    fastmath=True,
    cache=True,
)
def _apply_kernels(X, kernels):
    (
        weights,
        lengths,
        biases,
        dilations,
        paddings,
        num_channel_indices,
        channel_indices,
    ) = kernels

    n_instances, n_columns, _ = X.shape
    num_kernels = len(lengths)

    _X = np.zeros(
        (n_instances, num_kernels * 2), dtype=np.float32
    )  # 2 features per kernel

    for i in prange(n_instances):
        a1 = 0  # for weights
        a2 = 0  # for channel_indices
        a3 = 0  # for features

        for j in range(num_kernels):
            b1 = a1 + num_channel_indices[j] * lengths[j]
            b2 = a2 + num_channel_indices[j]
            b3 = a3 + 2

            if num_channel_indices[j] == 1:
                _X[i, a3:b3] = _apply_kernel_univariate(
                    X[i, channel_indices[a2]],
                    weights[a1:b1],
                    lengths[j],
                    biases[j],
                    dilations[j],
                    paddings[j],
                )

            else:
                _weights = weights[a1:b1].reshape((num_channel_indices[j], lengths[j]))

                _X[i, a3:b3] = _apply_kernel_multivariate(
                    X[i],
                    _weights,
                    lengths[j],
                    biases[j],
                    dilations[j],
                    paddings[j],
                    num_channel_indices[j],
                    channel_indices[a2:b2],
                )

            a1 = b1
            a2 = b2
            a3 = b3

    return _X.astype(np.float32)

# ---- harness (not part of the program) ----
ENTRY = "_apply_kernels"


def inputs():
    # 12 instances of a 3-channel series of length 60 (float32, as Rocket's
    # transform passes X.astype(np.float32)), and 40 kernels drawn as
    # _generate_kernels draws them: lengths from (7, 9, 11), 2**U(0, log2(min(C, L)+1))
    # channels, mean-centred N(0, 1) weights per channel, U(-1, 1) biases,
    # dilations 2**U(0, log2((T-1)/(L-1))), padding ((L-1)*d)//2 half the time
    rng = np.random.default_rng(0)
    n_instances, n_columns, n_timepoints, num_kernels = 12, 3, 60, 40
    t = np.linspace(0.0, 6.0 * np.pi, n_timepoints)
    X = (np.sin(t)[None, None, :] * rng.uniform(0.5, 2.0, (n_instances, n_columns, 1))
         + 0.3 * rng.standard_normal((n_instances, n_columns, n_timepoints))).astype(np.float32)
    lengths = rng.choice(np.array([7, 9, 11], dtype=np.int32), num_kernels).astype(np.int32)
    num_channel_indices = np.zeros(num_kernels, dtype=np.int32)
    for i in range(num_kernels):
        limit = min(n_columns, lengths[i])
        num_channel_indices[i] = int(2 ** rng.uniform(0, np.log2(limit + 1)))
    channel_indices = np.zeros(num_channel_indices.sum(), dtype=np.int32)
    weights = np.zeros(int(np.dot(lengths, num_channel_indices)), dtype=np.float32)
    biases = np.zeros(num_kernels, dtype=np.float32)
    dilations = np.zeros(num_kernels, dtype=np.int32)
    paddings = np.zeros(num_kernels, dtype=np.int32)
    a1 = a2 = 0
    for i in range(num_kernels):
        length, nci = int(lengths[i]), int(num_channel_indices[i])
        w = rng.normal(0, 1, nci * length).astype(np.float32)
        for c in range(nci):
            w[c * length:(c + 1) * length] -= w[c * length:(c + 1) * length].mean()
        weights[a1:a1 + nci * length] = w
        channel_indices[a2:a2 + nci] = rng.choice(np.arange(n_columns), nci, replace=False)
        biases[i] = rng.uniform(-1, 1)
        dilation = np.int32(2 ** rng.uniform(0, np.log2((n_timepoints - 1) / (length - 1))))
        dilations[i] = dilation
        paddings[i] = ((length - 1) * dilation) // 2 if rng.integers(2) == 1 else 0
        a1 += nci * length
        a2 += nci
    kernels = (weights, lengths, biases, dilations, paddings,
               num_channel_indices, channel_indices)
    return (X, kernels)
