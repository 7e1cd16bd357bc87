# Source: stardist/stardist stardist/matching.py
# Licence: BSD-3-Clause (Copyright (c) 2018-2023, Uwe Schmidt, Martin Weigert)
# Notes: pixel-overlap (contingency) table between two label images, the basis of the IoU matching of instance segmentations: ravel of both images, an np.zeros shape built from x.max()+1 and y.max()+1, dtype=np.uint, += on a 2-D count table indexed by label pairs; the module's other imports (tqdm, scipy.optimize, collections.namedtuple, csbdeep) and its non-jitted matching code are left out
import numpy as np

from numba import jit


@jit(nopython=True)
def _label_overlap(x, y):
    x = x.ravel()
    y = y.ravel()
    overlap = np.zeros((1+x.max(),1+y.max()), dtype=np.uint)
    for i in range(len(x)):
        overlap[x[i],y[i]] += 1
    return overlap

# ---- harness (not part of the program) ----
ENTRY = "_label_overlap"


def inputs():
    # two sequentially labelled uint16 images of random rectangles, the
    # prediction a shifted, slightly different copy of the ground truth
    # (as in matching()'s docstring example: np.roll of a label image)
    rng = np.random.default_rng(0)
    y_true = np.zeros((96, 96), np.uint16)
    for lab in range(1, 13):
        r0, c0 = rng.integers(0, 80, size=2)
        hh, ww = rng.integers(5, 16, size=2)
        y_true[r0:r0 + hh, c0:c0 + ww] = lab
    y_pred = np.roll(y_true, 3, axis=0)
    y_pred[rng.random((96, 96)) < 0.02] = 0
    labels = np.unique(y_true)
    relabel = np.zeros(int(y_true.max()) + 1, np.uint16)
    relabel[labels] = np.arange(len(labels), dtype=np.uint16)
    y_true = relabel[y_true]
    labels = np.unique(y_pred)
    relabel = np.zeros(int(y_pred.max()) + 1, np.uint16)
    relabel[labels] = np.arange(len(labels), dtype=np.uint16)
    y_pred = relabel[y_pred]
    return (y_true, y_pred)
