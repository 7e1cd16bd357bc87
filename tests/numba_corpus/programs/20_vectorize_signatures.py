# Source: numba/numba numba/tests/doc_examples/test_examples.py (ex_vectorize_multiple_signatures; docs/source/user/vectorize.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: a @vectorize ufunc with four eager signatures, called on two float arrays

from numba import vectorize, int32, int64, float32, float64
import numpy as np

@vectorize([int32(int32, int32),
            int64(int64, int64),
            float32(float32, float32),
            float64(float64, float64)])
def f(x, y):
    return x + y

# ---- harness (not part of the program) ----
ENTRY = "f"


def inputs():
    a = np.linspace(0, 1, 6)
    return (a, a)
