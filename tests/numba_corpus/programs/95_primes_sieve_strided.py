# Source: PlummersSoftwareLLC/Primes PrimePython/solution_3/PrimePY_numba.py
# Licence: BSD-3-Clause (PlummersSoftwareLLC/Primes, LICENSE.md)
# Notes: odd-only sieve of Eratosthenes over a bool array: a while loop that skips cleared bits, then strided slice assignment bits[start::step] = False (the PrimeSieve class and the timing driver, which only call _run_sieve, left out)
"""
Python Prime Sieve using Numba JIT

Based on MyFirstPython Program (tm) Dave Plummer 8/9/2018
Adapted by Emil Sauer Lynge (emillynge) 08/07/2021 (solution_3, numpy)
Further adapted by Tyler/DOC (TylerDOC1776) to use Numba @njit to compile the sieve loop to native machine code.

The core sieve function is decorated with @njit (nopython mode), which compiles
the find-next-prime while loop and the strided slice assignment to native code on
first call. All subsequent calls run at near-C speed with no Python interpreter
overhead.

Note: the first call to run_sieve triggers JIT compilation. The benchmark
warm-up call absorbs this cost before the timer starts.
"""
import numpy as np
from math import sqrt
from numba import njit


@njit
def _run_sieve(bits, size):
    factor = 1
    q = sqrt(size) / 2
    while factor <= q:
        # Find next prime - compiled to a tight native loop
        while not bits[factor]:
            factor += 1
        # Mark composites starting at p^2, stepping by 2p (odd multiples only)
        start = 2 * factor * (factor + 1)
        step  = 2 * factor + 1
        bits[start::step] = False
        factor += 1

# ---- harness (not part of the program) ----
ENTRY = "_run_sieve"


def inputs():
    # as PrimeSieve(limit) and run_sieve(): one bool per odd number
    limit = 1_000_000
    bits = np.ones(((limit + 1) // 2), dtype=np.bool_)
    return (bits, limit)
