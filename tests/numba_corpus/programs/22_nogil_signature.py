# Source: numba/numba numba/tests/doc_examples/test_examples.py (ex_no_gil; docs/source/user/examples.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: exp(2.1*a + 3.2*b) into a result array; jit with an explicit signature string and nogil=True

import math
import threading
from timeit import repeat

import numpy as np
from numba import jit

nthreads = 4
size = 10**6

def func_np(a, b):
    """
    Control function using Numpy.
    """
    return np.exp(2.1 * a + 3.2 * b)

@jit('void(double[:], double[:], double[:])', nopython=True,
     nogil=True)
def inner_func_nb(result, a, b):
    """
    Function under test.
    """
    for i in range(len(result)):
        result[i] = math.exp(2.1 * a[i] + 3.2 * b[i])

# ---- harness (not part of the program) ----
ENTRY = "inner_func_nb"


def inputs():
    rng = np.random.default_rng(0)
    a = rng.random(10000)
    b = rng.random(10000)
    return (np.empty(10000, dtype=np.float64), a, b)
