# Source: yoyololicon/torchcomp torchcomp/core.py (at commit 0eefaae8)
# Licence: MIT (torchcomp, LICENSE; Copyright (c) 2024 Chin-Yun Yu)
# Notes: the CPU kernel of a differentiable audio dynamic-range compressor: compressor_kernel (@njit(parallel=True)) runs the one-pole attack/release gain smoother of each channel (a prange over the batch), switching per sample between the attack and the release coefficient by comparing the input gain with the current smoothed gain, and records which samples used the attack coefficient in a boolean mask made by np.zeros_like(x, dtype=np.bool_) (np.empty_like for the output); it returns the tuple (y, at_mask) that CompressorFunction.forward saves for its backward pass. Only compressor_kernel is pasted, with the numpy, numba (njit, prange) and typing imports it uses; left out: the torch and torchlpc imports, the numba.cuda kernel and its launcher, and the torch autograd Function, which only call this kernel on CPU tensors
import numpy as np
from numba import njit, prange
from typing import Tuple, Any, Optional, Callable


@njit(parallel=True)
def compressor_kernel(
    x: np.ndarray, zi: np.ndarray, at: np.ndarray, rt: np.ndarray
) -> Tuple[np.ndarray, np.ndarray]:
    B, T = x.shape
    y = np.empty_like(x)
    at_mask = np.zeros_like(x, dtype=np.bool_)

    for b in prange(B):
        g = zi[b]
        at_b = at[b]
        rt_b = rt[b]
        for t in range(T):
            f = x[b, t]
            flag = f < g
            # TODO: make if-else differentiable
            if flag:
                coeff = at_b
                at_mask[b, t] = True
            else:
                coeff = rt_b
            g *= 1 - coeff
            g += coeff * f
            y[b, t] = g

    return y, at_mask
# ---- harness (not part of the program) ----
ENTRY = "compressor_kernel"


def inputs():
    # 4 channels of 2000 samples of the target gain that torchcomp's
    # compexp_gain computes from the input level (values in (0, 1], a
    # decaying tone burst with noise), initial gains of 1, and per-channel
    # attack and release coefficients as ms2coef gives them (1 - exp(-2200 /
    # (ms * sr))) for 1-10 ms attack and 50-200 ms release at 44.1 kHz
    rng = np.random.default_rng(0)
    B, T = 4, 2000
    t = np.arange(T) / 44100.0
    level = np.abs(np.sin(2 * np.pi * 220.0 * t))[None, :] * np.exp(-t * 30.0)[None, :]
    level = level + 0.05 * rng.random((B, T))
    x = np.minimum(1.0, 1.0 / (1.0 + 4.0 * level))
    zi = np.ones(B)
    sr = 44100.0
    at = 1.0 - np.exp(-2200.0 / (np.array([1.0, 3.0, 5.0, 10.0]) * sr))
    rt = 1.0 - np.exp(-2200.0 / (np.array([50.0, 100.0, 150.0, 200.0]) * sr))
    return (x, zi, at, rt)
