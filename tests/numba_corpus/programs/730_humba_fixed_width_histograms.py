# Source: douglasdavis/humba humba/jits.py and humba/core.py (both at commit 0cd20bee)
# Licence: BSD-3-Clause (humba, LICENSE; Copyright (c) 2019, Doug Davis)
# Notes: humba, fixed-width histogramming for particle-physics analyses: four eagerly compiled kernels with explicit signatures (nb.jit(nb.types.UniTuple(nb.float32[:], 2)(nb.float32[:], nb.float32[:], nb.int64, nb.float64, nb.float64, nb.boolean), nopython=True) and the float64 / unweighted variants) that bin with int((x - xmin) * nbins * norm) + 1 into an array with under- and overflow slots, accumulate weights and squared weights (float32 accumulation in the float32 variants), optionally fold the flow bins with negative indices, slice off the flow bins with tuple assignment and return np.sqrt of the sum of squared weights; core.histogram (plain Python) picks the kernel by dtype, casts the weights with astype and builds the edges with np.linspace. Pasted: both modules (the `import humba.jits as hj` line of core.py dropped, the kernels being defined above it, so `hj.` names refer to the module; the harness binds `hj` to this module). The harness follows the docstring examples: unweighted and weighted histograms of standard-normal data (np.random.default_rng(0)), with and without flow, in float64 and float32, plus the TypeError for integer input
import numba as nb
import numpy as np


@nb.jit(
    nb.types.UniTuple(nb.float32[:], 2)(
        nb.float32[:], nb.float32[:], nb.int64, nb.float64, nb.float64, nb.boolean
    ),
    nopython=True,
)
def _float32_weighted(x, weights, nbins, xmin, xmax, flow):
    norm = 1.0 / (xmax - xmin)
    count = np.zeros((nbins + 2), dtype=np.float32)
    sumw2 = np.zeros((nbins + 2), dtype=np.float32)
    for i in range(x.shape[0]):
        binid = 0
        if x[i] < xmin:
            pass
        elif x[i] > xmax:
            binid = nbins + 1
        else:
            binid = int((x[i] - xmin) * nbins * norm) + 1
        count[binid] += weights[i]
        sumw2[binid] += weights[i] * weights[i]
    if flow:
        count[-2] += count[-1]
        sumw2[-2] += sumw2[-1]
        count[1] += count[0]
        sumw2[1] += sumw2[0]
    count, sumw2 = count[1:-1], sumw2[1:-1]
    return count, np.sqrt(sumw2)


@nb.jit(nb.float32[:](nb.float32[:], nb.int64, nb.float64, nb.float64, nb.boolean), nopython=True)
def _float32(x, nbins, xmin, xmax, flow):
    norm = 1.0 / (xmax - xmin)
    count = np.zeros((nbins + 2), dtype=np.float32)
    for i in range(x.shape[0]):
        binid = 0
        if x[i] < xmin:
            pass
        elif x[i] > xmax:
            binid = nbins + 1
        else:
            binid = int((x[i] - xmin) * nbins * norm) + 1
        count[binid] += 1
    if flow:
        count[-2] += count[-1]
        count[1] += count[0]
    return count[1:-1]

@nb.jit(
    nb.types.UniTuple(nb.float64[:], 2)(
        nb.float64[:], nb.float64[:], nb.int64, nb.float64, nb.float64, nb.boolean
    ),
    nopython=True,
)
def _float64_weighted(x, weights, nbins, xmin, xmax, flow):
    norm = 1.0 / (xmax - xmin)
    count = np.zeros((nbins + 2), dtype=np.float64)
    sumw2 = np.zeros((nbins + 2), dtype=np.float64)
    for i in range(x.shape[0]):
        binid = 0
        if x[i] < xmin:
            pass
        elif x[i] > xmax:
            binid = nbins + 1
        else:
            binid = int((x[i] - xmin) * nbins * norm) + 1
        count[binid] += weights[i]
        sumw2[binid] += weights[i] * weights[i]
    if flow:
        count[-2] += count[-1]
        sumw2[-2] += sumw2[-1]
        count[1] += count[0]
        sumw2[1] += sumw2[0]
    count, sumw2 = count[1:-1], sumw2[1:-1]
    return count, np.sqrt(sumw2)


@nb.jit(nb.float64[:](nb.float64[:], nb.int64, nb.float64, nb.float64, nb.boolean), nopython=True)
def _float64(x, nbins, xmin, xmax, flow):
    norm = 1.0 / (xmax - xmin)
    count = np.zeros((nbins + 2), dtype=np.float64)
    for i in range(x.shape[0]):
        binid = 0
        if x[i] < xmin:
            pass
        elif x[i] > xmax:
            binid = nbins + 1
        else:
            binid = int((x[i] - xmin) * nbins * norm) + 1
        count[binid] += 1
    if flow:
        count[-2] += count[-1]
        count[1] += count[0]
    return count[1:-1]


# ---- humba/core.py ----
import numpy as np
from typing import Optional, Tuple


def histogram(
    x: np.ndarray,
    bins: int = 10,
    range: Tuple[float, float] = (0, 10),
    weights: Optional[np.ndarray] = None,
    flow: bool = False,
) -> Tuple[np.ndarray, Optional[np.ndarray], np.ndarray]:
    """Calculate the histogram for the data ``x``.

    Parameters
    ----------
    x : np.ndarray
        data to histogram
    bins : np.ndarray
        number of bins
    range : (float, float)
        axis range
    weights : np.ndarray, optional
        array of weights for ``x``
    flow : bool
        include over and underflow content in first and last bins

    Returns
    -------
    count : np.ndarray
        The values of the histogram
    error : np.ndarray, optional
        The poission uncertainty on the bin heights
    edges : np.ndarray
        The bin edges

    Notes
    -----
    If the dtype of the ``weights`` is not the same as ``x``, then it
    is converted to the dtype of ``x``.

    Examples
    --------
    >>> import numpy as np
    >>> from humba import histogram
    >>> x = np.random.randn(100000)
    >>> w = np.random.uniform(0.4, 0.5, x.shape[0])
    >>> hist1, _, edges = humba.histogram(x, bins=50, range=(-5, 5))
    >>> hist2, _, edges = humba.histogram(x, bins=50, range=(-5, 5), flow=True)
    >>> hist3, error, edges = histogram(x, bins=50, range=(-5, 5), weights=w)
    >>> hist4, error, edges = histogram(x, bins=50, range=(-3, 3), weights=w, flow=True)

    """
    edges = np.linspace(range[0], range[1], bins + 1)
    if weights is not None:
        if x.dtype == np.float64:
            hfunc = hj._float64_weighted
        elif x.dtype == np.float32:
            hfunc = hj._float32_weighted
        else:
            raise TypeError("dtype of input must be float32 or float64")
        res, err = hfunc(x, weights.astype(x.dtype), bins, range[0], range[1], flow)
        return (res, err, edges)
    else:
        if x.dtype == np.float64:
            hfunc = hj._float64
        elif x.dtype == np.float32:
            hfunc = hj._float32
        else:
            raise TypeError("dtype of input must be float32 or float64")
        res = hfunc(x, bins, range[0], range[1], flow)
        return (res, None, edges)


# ---- harness (not part of the program) ----
ENTRY = "humba_histograms"

import sys as _sys

hj = _sys.modules[__name__]


def humba_histograms(x, w):
    out = {}
    out["h1"] = histogram(x, bins=50, range=(-5, 5))
    out["h2"] = histogram(x, bins=50, range=(-5, 5), flow=True)
    out["h3"] = histogram(x, bins=50, range=(-5, 5), weights=w)
    out["h4"] = histogram(x, bins=50, range=(-3, 3), weights=w, flow=True)
    x32 = x.astype(np.float32)
    out["f32"] = histogram(x32, bins=40, range=(-2.5, 2.5))
    out["f32_flow"] = histogram(x32, bins=40, range=(-2.5, 2.5), flow=True)
    out["f32_weighted"] = histogram(x32, bins=40, range=(-2.5, 2.5), weights=w)
    out["f32_weighted_flow"] = histogram(x32, bins=40, range=(-2.5, 2.5), weights=w, flow=True)
    out["direct"] = _float64_weighted(x, w, 7, -1.0, 1.5, False)
    try:
        histogram(np.arange(10), bins=5, range=(0, 10))
        out["int_input"] = "no error"
    except TypeError as e:
        out["int_input"] = str(e)
    return out


def inputs():
    rng = np.random.default_rng(0)
    x = rng.standard_normal(20000)
    w = rng.uniform(0.4, 0.5, x.shape[0])
    return (x, w)
