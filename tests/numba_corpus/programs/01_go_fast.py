# Source: https://numba.readthedocs.io/en/stable/user/5minguide.html (numba/numba docs/source/user/5minguide.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: the 5-minute guide's first example: trace of tanh of the diagonal, broadcast-added to an integer matrix

from numba import jit
import numpy as np

x = np.arange(100).reshape(10, 10)

@jit(nopython=True) # Set "nopython" mode for best performance, equivalent to @njit
def go_fast(a): # Function is compiled to machine code when called the first time
    trace = 0.0
    for i in range(a.shape[0]):   # Numba likes loops
        trace += np.tanh(a[i, i]) # Numba likes NumPy functions
    return a + trace              # Numba likes NumPy broadcasting

# ---- harness (not part of the program) ----
ENTRY = "go_fast"


def inputs():
    return (x,)
