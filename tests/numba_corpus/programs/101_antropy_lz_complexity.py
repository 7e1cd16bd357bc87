# Source: raphaelvallat/antropy src/antropy/entropy.py
# Licence: BSD-3-Clause (antropy, LICENSE; Copyright (c) 2018, Raphael Vallat)
# Notes: Lempel-Ziv complexity of a uint32 symbol sequence (the jitted core of lziv_complexity): integer pointer/length bookkeeping in a while loop, max(), an explicit "uint32(uint32[:])" signature string; the module's import line also names numba.types (used there by _numba_sampen's signature) and is kept as it is; math, scipy, sklearn and the package-relative imports, used only by other functions, left out
import numpy as np
from numba import jit, types


@jit("uint32(uint32[:])", nopython=True)
def _lz_complexity(binary_string):
    """Internal Numba implementation of the Lempel-Ziv (LZ) complexity.
    https://github.com/Naereen/Lempel-Ziv_Complexity/blob/master/src/lziv_complexity.py
    - Updated with strict integer typing instead of strings
    - Slight restructuring based on Yacine Mahdid's notebook:
    https://github.com/BIAPT/Notebooks/blob/master/features/Lempel-Ziv%20Complexity.ipynb
    """
    # Initialize variables
    complexity = 1
    prefix_len = 1
    len_substring = 1
    max_len_substring = 1
    pointer = 0

    # Iterate until the entire string has not been parsed
    while prefix_len + len_substring <= len(binary_string):
        # Given a prefix length, find the largest substring
        if (
            binary_string[pointer + len_substring - 1]
            == binary_string[prefix_len + len_substring - 1]  # noqa: W503
        ):
            len_substring += 1  # increase the length of the substring
        else:
            max_len_substring = max(len_substring, max_len_substring)
            pointer += 1
            # Since all pointers have been scanned, pick largest as the jump
            # size
            if pointer == prefix_len:
                # Increment complexity
                complexity += 1
                # Set prefix length to the max substring size found so far
                # (jump size)
                prefix_len += max_len_substring
                # Reset pointer and max substring size
                pointer = 0
                max_len_substring = 1
            # Reset length of current substring
            len_substring = 1

    # Check if final iteration occurred in the middle of a substring
    if len_substring != 1:
        complexity += 1

    return complexity

# ---- harness (not part of the program) ----
ENTRY = "_lz_complexity"


def inputs():
    # a binary sequence as lziv_complexity passes it (astype("uint32")):
    # 3000 random bits with a repeated block in the middle
    rng = np.random.default_rng(0)
    s = (rng.random(3000) > 0.5).astype("uint32")
    s[1000:1600] = np.tile(s[:60], 10)
    return (s,)
