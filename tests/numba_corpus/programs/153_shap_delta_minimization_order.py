# Source: shap/shap shap/utils/_clustering.py
# Licence: MIT (shap, LICENSE; Copyright (c) 2018 Scott Lundberg)
# Notes: order a set of boolean feature masks so that consecutive masks differ in few features (a greedy 2-opt by window reversals), as shap's explainers do before evaluating masked models: bare @njit, default arguments, list(range(...)) iterated, masks[order[i]] rows of a 2-D bool array XOR-ed and .sum()-ed, an in-place window reversal with a temporary; the module's plain-Python functions, _pt_shuffle_rec (random draws in jitted code) and the imports only they use (pandas, scipy, sklearn, the relative imports) left out
from __future__ import annotations

import numpy as np
from numba import njit


@njit
def delta_minimization_order(all_masks, max_swap_size=100, num_passes=2):
    order = np.arange(len(all_masks))
    for _ in range(num_passes):
        for length in list(range(2, max_swap_size)):
            for i in range(1, len(order) - length):
                if _reverse_window_score_gain(all_masks, order, i, length) > 0:
                    _reverse_window(order, i, length)
    return order


@njit
def _reverse_window(order, start, length):
    for i in range(length // 2):
        tmp = order[start + i]
        order[start + i] = order[start + length - i - 1]
        order[start + length - i - 1] = tmp


@njit
def _reverse_window_score_gain(masks, order, start, length):
    forward_score = _mask_delta_score(masks[order[start - 1]], masks[order[start]]) + _mask_delta_score(
        masks[order[start + length - 1]], masks[order[start + length]]
    )
    reverse_score = _mask_delta_score(masks[order[start - 1]], masks[order[start + length - 1]]) + _mask_delta_score(
        masks[order[start]], masks[order[start + length]]
    )

    return forward_score - reverse_score


@njit
def _mask_delta_score(m1, m2):
    return (m1 ^ m2).sum()

# ---- harness (not part of the program) ----
ENTRY = "delta_minimization_order"


def inputs():
    # 80 random boolean masks over 16 features (defaults: max_swap_size=100,
    # num_passes=2)
    rng = np.random.default_rng(0)
    return (rng.random((80, 16)) < 0.4,)
