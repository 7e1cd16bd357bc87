# Source: https://numba.readthedocs.io/en/stable/user/performance-tips.html#loops (numba/numba docs/source/user/performance-tips.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: cos(x)**2 + sin(x)**2 as an array expression and as an explicit loop (the snippet's imports added)

import numpy as np
from numba import njit

@njit
def ident_np(x):
    return np.cos(x) ** 2 + np.sin(x) ** 2

@njit
def ident_loops(x):
    r = np.empty_like(x)
    n = len(x)
    for i in range(n):
        r[i] = np.cos(x[i]) ** 2 + np.sin(x[i]) ** 2
    return r

# ---- harness (not part of the program) ----
ENTRY = "ident_loops"


def inputs():
    return (np.arange(1.e5),)
