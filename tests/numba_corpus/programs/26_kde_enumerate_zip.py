# Source: numba/numba-examples examples/density_estimation/kernel/impl.py (the numba section)
# Licence: BSD-2-Clause (Numba)
# Notes: Gaussian kernel density estimate with enumerate and zip over arrays and a jitted helper

import numba
import numpy as np

@numba.jit(nopython=True)
def gaussian(x):
    return np.exp(-0.5 * x**2) / np.sqrt(2 * np.pi)

@numba.jit(nopython=True)
def numba_kde(eval_points, samples, bandwidths):
    result = np.zeros_like(eval_points)

    for i, eval_x in enumerate(eval_points):
        for sample, bandwidth in zip(samples, bandwidths):
            result[i] += gaussian((eval_x - sample) / bandwidth) / bandwidth
        result[i] /= len(samples)

    return result

# ---- harness (not part of the program) ----
ENTRY = "numba_kde"


def inputs():
    rng = np.random.default_rng(0)
    sigma, nsamples = 5.0, 1000
    samples = rng.normal(loc=0.0, scale=sigma, size=nsamples)
    bandwidths = np.full_like(samples, 1.06 * nsamples**0.2 * sigma)
    eval_points = rng.normal(loc=0.0, scale=5.0, size=200)
    return (eval_points, samples, bandwidths)
