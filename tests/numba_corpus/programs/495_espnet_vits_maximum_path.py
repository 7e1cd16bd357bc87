# Source: espnet/espnet espnet2/gan_tts/vits/monotonic_align/__init__.py (at commit 20663b83)
# Licence: Apache-2.0 (ESPnet, LICENSE); the module's docstring says the code is based on jaywalnut310/vits (MIT)
# Notes: monotonic alignment search of the VITS text-to-speech model (audio/speech): for each utterance in a batch, maximum_path_each_numba (@njit, a default argument max_neg_val=-np.inf) runs the dynamic programme over a float32 (T_feats, T_text) log-likelihood matrix in place (value[y, x] += max(v_prev, v_cur) with loop bounds from max/min of the lengths), then backtracks from the last text token writing 1s into an int32 path matrix; maximum_path_numba (@njit(parallel=True)) calls it for each batch item in a prange loop with 2-D slices of the 3-D arrays and int32 lengths. Pasted: the module's numpy/numba imports, its try/except import of the Cython version (which fails here, so the module warns and uses the numba version, as without a build) and the two jitted functions (left out: the torch import and the torch wrapper maximum_path); the harness does what maximum_path does with NumPy arrays: a float32 negative cross-entropy array of shape (B, T_feats, T_text), an int32 zero path array, and per-item lengths from an attention mask (4 utterances of different lengths, padded)
import warnings

import numpy as np

from numba import njit
from numba import prange

try:
    from .core import maximum_path_c

    is_cython_avalable = True
except ImportError:
    is_cython_avalable = False
    warnings.warn(
        "Cython version is not available. Fallback to 'EXPERIMETAL' numba version. "
        "If you want to use the cython version, please build it as follows: "
        "`cd espnet2/gan_tts/vits/monotonic_align; python setup.py build_ext --inplace`"
    )


@njit
def maximum_path_each_numba(path, value, t_y, t_x, max_neg_val=-np.inf):
    """Calculate a single maximum path with numba."""
    index = t_x - 1
    for y in range(t_y):
        for x in range(max(0, t_x + y - t_y), min(t_x, y + 1)):
            if x == y:
                v_cur = max_neg_val
            else:
                v_cur = value[y - 1, x]
            if x == 0:
                if y == 0:
                    v_prev = 0.0
                else:
                    v_prev = max_neg_val
            else:
                v_prev = value[y - 1, x - 1]
            value[y, x] += max(v_prev, v_cur)

    for y in range(t_y - 1, -1, -1):
        path[y, index] = 1
        if index != 0 and (index == y or value[y - 1, index] < value[y - 1, index - 1]):
            index = index - 1


@njit(parallel=True)
def maximum_path_numba(paths, values, t_ys, t_xs):
    """Calculate batch maximum path with numba."""
    for i in prange(paths.shape[0]):
        maximum_path_each_numba(paths[i], values[i], t_ys[i], t_xs[i])
# ---- harness (not part of the program) ----
ENTRY = "maximum_path_np"


def maximum_path_np(neg_x_ent, attn_mask):
    # maximum_path without torch
    neg_x_ent = neg_x_ent.astype(np.float32)
    path = np.zeros(neg_x_ent.shape, dtype=np.int32)
    t_t_max = attn_mask.sum(1)[:, 0].astype(np.int32)
    t_s_max = attn_mask.sum(2)[:, 0].astype(np.int32)
    maximum_path_numba(path, neg_x_ent, t_t_max, t_s_max)
    return path, neg_x_ent


def inputs():
    rng = np.random.default_rng(0)
    B, T_feats, T_text = 4, 120, 30
    feats_len = np.array([120, 100, 90, 64])
    text_len = np.array([30, 25, 28, 16])
    # a log-likelihood that favours a roughly diagonal alignment
    neg = np.empty((B, T_feats, T_text))
    for b in range(B):
        yy = np.arange(T_feats)[:, None] / feats_len[b]
        xx = np.arange(T_text)[None, :] / text_len[b]
        neg[b] = -20.0 * (yy - xx) ** 2 + 0.3 * rng.standard_normal((T_feats, T_text))
    mask = np.zeros((B, T_feats, T_text))
    for b in range(B):
        mask[b, :feats_len[b], :text_len[b]] = 1.0
    # attn_mask in the layout maximum_path reads: (B, T_feats, T_text)
    return (neg, mask)
