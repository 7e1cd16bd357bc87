# Source: yoyololicon/torchlpc torchlpc/core.py (at commit 40c4a0f0)
# Licence: MIT (torchlpc, setup.py classifier "License :: OSI Approved :: MIT License"; Chin-Yun Yu)
# Notes: the CPU kernel of time-varying linear-predictive-coding (all-pole IIR) filtering, y[t] = x[t] - sum_i A[t, i] y[t - i - 1] with a per-sample coefficient set: lpc_np (@njit(parallel=True)) builds a padded output whose first `order` columns are the reversed initial state (zi[:, ::-1] assigned into a 2-D slice) followed by the input, then for every batch row (prange) and time step accumulates the recursion into a scalar with an inner prange over the filter order (a scalar reduction inside a nested prange), and returns the view padded_y[:, order:]. Only lpc_np is pasted, with the numpy and numba imports it uses (`from numba import jit, njit, prange` without the cuda, float32 and float64 names, which only the CUDA kernels use) and the typing import; left out: the torch imports, the numba.cuda kernels and their launcher, and the torch autograd Function
import numpy as np
from typing import Any, Tuple, Optional
from numba import jit, njit, prange


@njit(parallel=True)
def lpc_np(x: np.ndarray, A: np.ndarray, zi: np.ndarray) -> None:
    B, T = x.shape
    order = zi.shape[1]
    padded_y = np.empty((B, T + order), dtype=x.dtype)
    padded_y[:, :order] = zi[:, ::-1]
    padded_y[:, order:] = x

    for b in prange(B):
        for t in range(T):
            ref = padded_y[b, t + order]
            for i in prange(order):
                ref -= A[b, t, i] * padded_y[b, t + order - i - 1]
            padded_y[b, t + order] = ref

    return padded_y[:, order:]
# ---- harness (not part of the program) ----
ENTRY = "lpc_np"


def inputs():
    # 3 channels of 1000 samples of white-noise excitation filtered by a
    # slowly time-varying, stable 4th-order all-pole filter (two resonances
    # whose pole radius and angle drift over time, expanded to LPC
    # coefficients A[b, t, :] with np.poly), and a small random initial state
    rng = np.random.default_rng(0)
    B, T, order = 3, 1000, 4
    x = rng.normal(0.0, 1.0, (B, T))
    A = np.empty((B, T, order))
    for b in range(B):
        for t in range(T):
            r1 = 0.9 + 0.05 * np.sin(2 * np.pi * t / T + b)
            r2 = 0.8
            w1 = 0.3 + 0.1 * t / T
            w2 = 1.2 - 0.2 * b / B
            poles = [r1 * np.exp(1j * w1), r1 * np.exp(-1j * w1), r2 * np.exp(1j * w2), r2 * np.exp(-1j * w2)]
            A[b, t] = np.real(np.poly(poles))[1:]
    zi = rng.normal(0.0, 0.1, (B, order))
    return (x, A, zi)
