# Source: pymc-devs/pymc-bart pymc_bart/pgbart.py (at commit e1d1f044)
# Licence: Apache-2.0 (pymc-bart, the file's header: Copyright 2022 The PyMC Developers, Licensed under the Apache License, Version 2.0)
# Notes: leaf-value mean of Bayesian Additive Regression Trees in the particle-Gibbs sampler (Bayesian trees): fast_mean (@njit) branches on ari.ndim == 1, which returns a scalar from an int-started accumulator, against the 2-D case, which sums each row of the (shape, n_points) block of the sum-of-trees predictions into np.zeros and returns the array divided by the count, so the two branches return different types and only the one matching the argument's ndim may be compiled. Pasted: the file's licence header, the numba and numpy imports and the module's two jitted functions, fast_mean and inverse_cdf (left out: the logging/copy/pytensor/pymc/pymc_bart imports and the PGBART sampler, ParticleTree, samplers and tree-growing Python code that call them); the harness passes what draw_leaf_value passes: sum_trees[:, idx_data_point] for a 2-output BART with 600 observations and a leaf holding 137 of them
#   Copyright 2022 The PyMC Developers
#
#   Licensed under the Apache License, Version 2.0 (the "License");
#   you may not use this file except in compliance with the License.
#   You may obtain a copy of the License at
#
#       http://www.apache.org/licenses/LICENSE-2.0
#
#   Unless required by applicable law or agreed to in writing, software
#   distributed under the License is distributed on an "AS IS" BASIS,
#   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
#   See the License for the specific language governing permissions and
#   limitations under the License.

from numba import njit

import numpy as np


@njit
def fast_mean(ari):
    """Use Numba to speed up the computation of the mean."""

    if ari.ndim == 1:
        count = ari.shape[0]
        suma = 0
        for i in range(count):
            suma += ari[i]
        return suma / count
    else:
        res = np.zeros(ari.shape[0])
        count = ari.shape[1]
        for j in range(ari.shape[0]):
            for i in range(count):
                res[j] += ari[j, i]
        return res / count


@njit
def inverse_cdf(single_uniform, normalized_weights):
    """
    Inverse CDF algorithm for a finite distribution.

    Parameters
    ----------
    single_uniform: ndarray
        ordered points in [0,1]

    normalized_weights: ndarray
        normalized weights

    Returns
    -------
    new_indices: ndarray
        a vector of indices in range 2, ..., len(normalized_weights)+2

    Note: adapted from https://github.com/nchopin/particles
    """
    idx = 0
    a_weight = normalized_weights[0]
    sul = len(single_uniform)
    new_indices = np.empty(sul, dtype=np.int64)
    for i in range(sul):
        while single_uniform[i] > a_weight:
            idx += 1
            a_weight += normalized_weights[idx]
        new_indices[i] = idx
    return new_indices
# ---- harness (not part of the program) ----
ENTRY = "fast_mean"


def inputs():
    # sum_trees of a 2-output BART over 600 observations; the leaf's data
    # points are 137 sorted indices, gathered as sum_trees[:, idx_data_point]
    rng = np.random.default_rng(0)
    sum_trees = rng.standard_normal((2, 600)) + np.array([[1.5], [-0.5]])
    idx_data_point = np.sort(rng.choice(600, 137, replace=False)).astype(np.int32)
    return (sum_trees[:, idx_data_point],)
