# Source: e-south/dnadesign src/dnadesign/cruncher/sample/numba_helpers.py (at commit 51f54df1)
# Licence: MIT (dnadesign, LICENSE; Copyright (c) 2025 Eric J. South)
# Notes: the best log-odds score of a transcription-factor position weight matrix over all placements along an integer-encoded DNA sequence, the inner loop of the cruncher's motif-driven sequence sampling (bioinformatics): best_score_pwm (@njit) slides the motif across the sequence, sums lom[j, seq[offset + j]] with an array element used as a column index, and keeps the maximum starting from -1e12. Pasted: the whole module (its docstring, numpy and numba imports and best_score_pwm) verbatim; the harness builds the log-odds matrix of a random 8-position motif against a uniform background and a random 200-base sequence coded 0=A, 1=C, 2=G, 3=T
"""
--------------------------------------------------------------------------------
<dnadesign project>
cruncher/sample/numba_helpers.py

Numba-accelerated PWM sliding-window scoring.

This is the core inner loop for scanning a sequence:
Given an integer-encoded DNA array and a log-odds matrix,
compute the maximum log-odds sum over all alignments.

Module Author(s): Eric J. South
Dunlop Lab
--------------------------------------------------------------------------------
"""

import numpy as np
from numba import njit


@njit
def best_score_pwm(seq: np.ndarray, lom: np.ndarray) -> float:
    """
    Compute the best (max) log-odds score of `lom` over `seq`.

    Args:
      seq: 1D integer array (0=A,1=C,2=G,3=T)
      lom: 2D float array (motif_length × 4) log-odds

    Returns:
      best_score: float maximum sum of lom[j, seq[offset+j]]
    """
    L = seq.shape[0]
    m = lom.shape[0]
    best_score = -1e12
    for offset in range(L - m + 1):
        s = 0.0
        for j in range(m):
            s += lom[j, seq[offset + j]]
        if s > best_score:
            best_score = s
    return best_score
# ---- harness (not part of the program) ----
ENTRY = "best_score_pwm"


def inputs():
    rng = np.random.default_rng(0)
    counts = rng.integers(1, 20, size=(8, 4)).astype(np.float64)
    probs = counts / counts.sum(axis=1, keepdims=True)
    lom = np.log2(probs / 0.25)
    seq = rng.integers(0, 4, 200).astype(np.int8)
    return (seq, lom)
