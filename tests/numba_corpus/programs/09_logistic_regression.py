# Source: https://numba.readthedocs.io/en/stable/user/parallel.html#examples (numba/numba docs/source/user/parallel.rst)
# Licence: BSD-2-Clause (Numba; Copyright (c) 2017 Intel Corporation)
# Notes: the parallel-accelerator logistic regression example (the docs' snippet; its two import lines added)

import numba
import numpy as np

@numba.jit(nopython=True, parallel=True)
def logistic_regression(Y, X, w, iterations):
    for i in range(iterations):
        w -= np.dot(((1.0 / (1.0 + np.exp(-Y * np.dot(X, w))) - 1.0) * Y), X)
    return w

# ---- harness (not part of the program) ----
ENTRY = "logistic_regression"


def inputs():
    rng = np.random.default_rng(0)
    D, N, iterations = 10, 2000, 10
    points = rng.random((N, D))
    labels = rng.random(N)
    w = 2.0*np.ones(D)-1.3
    return (labels, points, w, iterations)
