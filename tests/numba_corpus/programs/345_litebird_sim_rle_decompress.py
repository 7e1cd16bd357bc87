# Source: litebird/litebird_sim litebird_sim/compress.py (at commit 454283b8)
# Licence: GPL-3.0 (litebird_sim, pyproject.toml at commit 60d5c40a: license = "GPL3"; The LiteBIRD Simulation Team, Maurizio Tomasi)
# Notes: run-length decoding of the quality-flag time streams a CMB satellite simulation stores run-length encoded in its observation files (run-length encoding): rle_decompress (plain Python) allocates np.empty(np.sum(compressed_arr[0, :])) (float64) and calls _rle_decompress (@njit), which walks the columns of the 2 x N int64 matrix of (run length, value) pairs and writes each value length times with a running output index, in place in its argument. Pasted: the whole module (its encoding line, imports, the plain-Python rle_compress and rle_decompress and the jitted _rle_decompress); the harness passes rle_compress's output for 20000 uint32 detector flags (0 most of the time, with 40 flagged stretches of 5-300 samples carrying the bits 1, 2 or 4, some adjacent), the 2 x 69 int64 matrix of runs and values, and rle_decompress is the entry
# -*- encoding: utf-8 -*-

import numpy as np
from numba import njit


def rle_compress(arr):
    """Perform a Run-Length encoding of the input array

    Returns a NumPy matrix of shape 2×N, where N is an integer; the first
    row contains the *lengths* of each run, and the second row contains
    the *values*."""

    # This code was adapted from https://stackoverflow.com/a/32681075/3967151

    ia = np.asarray(arr)  # force numpy
    nsamples = len(ia)
    if nsamples == 0:
        return None, None
    else:
        y = ia[1:] != ia[:-1]
        indexes = np.append(np.where(y), nsamples - 1)
        runs = np.diff(np.append(-1, indexes))
        return np.array([runs, ia[indexes]])


@njit
def _rle_decompress(compressed_arr, result):
    out_idx = 0
    for in_idx in range(compressed_arr.shape[1]):
        length = compressed_arr[0, in_idx]
        val = compressed_arr[1, in_idx]
        for i in range(length):
            result[out_idx] = val
            out_idx += 1


def rle_decompress(compressed_arr):
    result = np.empty(np.sum(compressed_arr[0, :]))
    _rle_decompress(compressed_arr, result)
    return result
# ---- harness (not part of the program) ----
ENTRY = "rle_decompress"


def inputs():
    # 20000 uint32 flags, zero except 40 stretches of 5-300 samples set to
    # 1, 2 or 4 (starts drawn at random, so some stretches touch or overlap)
    rng = np.random.default_rng(0)
    flags = np.zeros(20000, dtype=np.uint32)
    starts = np.sort(rng.integers(0, 19700, 40))
    for s in starts:
        flags[s:s + int(rng.integers(5, 301))] = rng.choice([1, 2, 4])
    return (rle_compress(flags),)
