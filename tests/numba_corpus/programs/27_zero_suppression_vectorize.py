# Source: numba/numba-examples examples/waveforms/zero_suppression/impl.py (numba_single_thread_ufunc)
# Licence: BSD-2-Clause (Numba)
# Notes: zero out waveform samples below a threshold, as a lazily typed @vectorize ufunc

import numba
import numpy as np

@numba.vectorize(nopython=True)
def numba_zero_suppression(values, threshold):
    if np.abs(values) >= threshold:
        return values
    else:
        return 0.0

# ---- harness (not part of the program) ----
ENTRY = "numba_zero_suppression"


def inputs():
    size = 10000
    input_array = np.random.default_rng(0).normal(loc=0.0, scale=5.0,
                                                  size=size)
    input_array += 50 * np.clip(np.cos(np.linspace(0.0, 1.0, num=size)
                                       * np.pi * 10), 0, 1.0)
    return (input_array, 8.0)
