# Source: spcl/npbench npbench/benchmarks/azimint_naive/azimint_naive_numba_npr.py
# Licence: BSD-3-Clause (NPBench); the algorithm is from Kieffer & Ashiotis, EuroSciPy 2014 (CC-BY-3.0 article)
# Notes: naive azimuthal integration, the prange version: a prange loop over rings (parallel=True), each taking the mean of the data selected by a np.logical_and boolean mask

# Copyright 2014 Jérôme Kieffer et al.
# This is an open-access article distributed under the terms of the
# Creative Commons Attribution License, which permits unrestricted use,
# distribution, and reproduction in any medium, provided the original author
# and source are credited.
# http://creativecommons.org/licenses/by/3.0/
# Jérôme Kieffer and Giannis Ashiotis. Pyfai: a python library for
# high performance azimuthal integration on gpu, 2014. In Proceedings of the
# 7th European Conference on Python in Science (EuroSciPy 2014).

import numpy as np
import numba as nb


@nb.jit(nopython=True, parallel=True, fastmath=True)
def azimint_naive(data, radius, npt):
    rmax = radius.max()
    res = np.zeros(npt, dtype=np.float64)
    for i in nb.prange(npt):
        r1 = rmax * i / npt
        r2 = rmax * (i + 1) / npt
        mask_r12 = np.logical_and((r1 <= radius), (radius < r2))
        values_r12 = data[mask_r12]
        res[i] = values_r12.mean()
    return res

# ---- harness (not part of the program) ----
ENTRY = "azimint_naive"


def inputs():
    # as NPBench's initialize(N, datatype) (azimint_naive.py), seed 0
    rng = np.random.default_rng(0)
    data, radius = rng.random((20000, )), rng.random((20000, ))
    return (data, radius, 100)
