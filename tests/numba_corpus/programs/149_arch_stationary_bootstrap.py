# Source: bashtage/arch arch/bootstrap/_samplers_python.py (with arch/compat/numba.py)
# Licence: NCSA-style permissive licence (arch, LICENSE.md; Copyright (c) 2014 Kevin Sheppard: use, copy, modify, merge, publish, distribute with the notice kept)
# Notes: index resampling of Politis & Romano's stationary bootstrap: continue the current block (index + 1, wrapping at the end) unless a uniform draw starts a new block at the pre-drawn random index; the jitted function is made by calling the package's compat `jit`, which is functools.partial(numba.jit, nopython=True, fastmath=True) after a trial compile of a small function (falling back without fastmath on KeyError, or to a pure-Python wrapper when numba is missing). arch/compat/numba.py is pasted first in place of `from ..compat.numba import jit`; the second file's own `from __future__ import absolute_import, division` (the same as the first's) is left out, since Python only accepts it at the top of a file; the random draws are made in inputs(), as arch's bootstrap does before calling it
# ---- arch/compat/numba.py ----
from __future__ import absolute_import, division

import functools


class PerformanceWarning(UserWarning):
    pass


performance_warning = '''
numba is not available, and this function is being executed without JIT
compilation. Either install numba or reinstalling after installing Cython
is strongly recommended.'''

try:
    from numba import jit

    try:
        def f(x, y):
            return x + y

        fjit = jit(f, nopython=True, fastmath=True)
        fjit(1.0, 2.0)
        jit = functools.partial(jit, nopython=True, fastmath=True)
    except KeyError:
        jit = functools.partial(jit, nopython=True)
except ImportError:
    def jit(func, *args, **kwargs):
        def wrapper(*args, **kwargs):
            import warnings
            warnings.warn(performance_warning, PerformanceWarning)
            return func(*args, **kwargs)

        return wrapper

__all__ = ['jit', 'PerformanceWarning']

# ---- arch/bootstrap/_samplers_python.py ----


def stationary_bootstrap_sample_python(indices, u, p):
    """
    Parameters
    -------
    indices: 1-d array
        Array containing draws from randint with the same size as the data in
        the range of [0,nobs)
    u : 1-d array
        Array of standard uniforms
    p : float
        Probability that a new block is started in the stationary bootstrap.
        The multiplicative reciprocal of the window length

    Returns
    -------
    indices: 1-d array
        Indices for an iteration of the stationary bootstrap
    """
    num_items = indices.shape[0]
    for i in range(1, num_items):
        if u[i] > p:
            indices[i] = indices[i - 1] + 1
            if indices[i] == num_items:
                indices[i] = 0

    return indices


stationary_bootstrap_sample = jit(stationary_bootstrap_sample_python)

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "stationary_bootstrap_sample"


def inputs():
    # what StationaryBootstrap.update_indices passes for 1000 observations
    # and an average block length of 12: random start indices, uniforms,
    # and p = 1 / block_size
    rng = np.random.default_rng(0)
    n = 1000
    indices = rng.integers(0, n, n)
    u = rng.random(n)
    return (indices, u, 1.0 / 12)
