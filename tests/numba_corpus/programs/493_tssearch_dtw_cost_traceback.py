# Source: fraunhoferportugal/tssearch tssearch/distances/elastic_utils.py (at commit 0b512935)
# Licence: BSD-3-Clause (tssearch, LICENSE.txt; Copyright (c) 2022, Associação Fraunhofer Portugal Research)
# Notes: dynamic time warping between two time series as tssearch computes it for its elastic distances and subsequence search (time series): _cost_matrix and _multidimensional_cost_matrix (@njit(parallel=True, fastmath=True), two nested prange loops) fill a float32 local-cost matrix (squared difference, or a weighted Euclidean distance over channels), _accumulated_cost_matrix (@njit(nogil=True, fastmath=True)) accumulates it in place with min() of three neighbours, and traceback (@njit(nogil=True, fastmath=True)) walks the optimal path back with `i, j = np.array(ac.shape) - 2`, two reflected lists grown with insert(0, ...) and returns np.array of each. Pasted: the numpy/numba imports, _cost_matrix, _multidimensional_cost_matrix, _accumulated_cost_matrix, acc_initialization, cost_matrix, accumulated_cost_matrix and traceback, in file order (left out: the tssearch imports of standardization and euclidean_distance, used only by cost_matrix's alpha != 1 branch, which is not called, and by the sliding-window and LCSS functions, left out); the harness does what tssearch's dtw() does with alpha=1 and the default 'dtw' type for a 1-D pair (lengths 120 and 150, with weight=None) and for a 3-channel pair (a ones weight, lengths 80 and 90), returning the distances normalised by the path length, the accumulated matrices and the paths
import numpy as np
from numba import njit, prange, double


@njit(parallel=True, fastmath=True)
def _cost_matrix(x, y):
    """

    Parameters
    ----------
    x: nd-array
        Time series x (query).
    y: nd-array
        Time series y.

    Returns
    -------
    c: nd-array
        The cost matrix.
    """
    l1 = x.shape[0]
    l2 = y.shape[0]
    c = np.zeros((l1, l2), dtype=np.float32)

    for i in prange(l1):
        for j in prange(l2):
            c[i, j] = (x[i] - y[j]) ** 2

    return c


@njit(parallel=True, fastmath=True)
def _multidimensional_cost_matrix(x, y, weight):
    """Helper function for fast computation of cost matrix in cost_matrix_diff_vec.
    Defined outside to prevent recompilation from numba

    Parameters
    ----------
    x: nd-array
        Time series x (query).
    y: nd-array
        Time series y.

    Returns
    -------
    c: nd-array
        The cost matrix.
    """
    l1 = x.shape[0]
    l2 = y.shape[0]
    l3 = x.shape[1]
    c = np.zeros((l1, l2), dtype=np.float32)

    for i in prange(l1):
        for j in prange(l2):
            dist = 0.0
            for di in range(l3):
                diff = x[i, di] - y[j, di]
                dist += weight[i, di] * (diff * diff)
            c[i, j] = dist ** 0.5

    return c


@njit(nogil=True, fastmath=True)
def _accumulated_cost_matrix(ac):
    """Fast computation of accumulated cost matrix using cost matrix.

    Parameters
    ----------
    ac: nd-array
        Given cost matrix c, ac = acc_initialization(...), ac[1:, 1:] = c.

    Returns
    -------
        The accumulated cost matrix.
    """
    for i in range(ac.shape[0] - 1):
        for j in range(ac.shape[1] - 1):
            ac[i + 1, j + 1] += min(ac[i, j + 1], ac[i + 1, j], ac[i, j])
    return ac


def acc_initialization(x, y, _type, tolerance=0):
    """Initializes the cost matrix according to the dtw type.

    Parameters
    ----------
    x: nd-array
        Time series x (query).
    y: nd-array
        Time series y.
    _type: string
        Name of dtw type
    tolerance: int
        Tolerance value

    Returns
    -------
    ac: nd-array
        The accumulated cost matrix.
    """
    ac = np.zeros((x + 1, y + 1))
    if _type == "dtw":
        ac[0, 1:] = np.inf
        ac[1:, 0] = np.inf
    elif _type == "oe-dtw":
        ac[0, 1:] = np.inf
        ac[1:, 0] = np.inf
    elif _type == "obe-dtw" or _type == "sub-dtw" or _type == "search":
        ac[1:, 0] = np.inf
    elif _type == "psi-dtw":
        ac[0, tolerance + 1 :] = np.inf
        ac[tolerance + 1 :, 0] = np.inf
    else:
        ac[0, 1:] = np.inf
        ac[1:, 0] = np.inf

    return ac


def cost_matrix(x, y, alpha=1, weight=None):
    """Computes cost matrix using a specified distance (dist) between two time series.

    Parameters
    ----------
    x: nd-array
        Time series x (query).
    y: nd-array
        Time series y.
    dist: function
        The distance used as a local cost measure. None defaults to the squared euclidean distance

    \**kwargs:
    See below:

    * *do_sign_norm* (``bool``) --
      If ``True`` the signals will be normalized before computing the DTW,
      (default: ``False``)

    * *do_dist_norm* (``bool``) --
      If ``True`` the DTW distance will be normalized by dividing the summation of the path dimension.
      (default: ``True``)

    * *window* (``String``) --
      Selects the global window constrains. Available options are ``None`` and ``sakoe-chiba``.
      (default: ``None``)

    * *factor* (``Float``) --
      Selects the global constrain factor.
      (default: ``min(xl, yl) * .50``)

    Returns
    -------
    c: nd-array
        The cost matrix.
    """
    if weight is None:
        weight = np.ones_like(x)

    if len(np.shape(weight)) == 1:
        weight = weight.reshape(-1, 1)

    if alpha == 1:
        C_d = 1
        if len(np.shape(x)) == 1:
            C_n = (_cost_matrix(x, y) * weight) / np.max(weight)
        else:
            C_n = _multidimensional_cost_matrix(x, y, weight)
    else:
        # standardization parameters
        abs_norm = np.mean(x, axis=0), np.std(x, axis=0)
        diff_norm = np.mean(np.diff(x, axis=0), axis=0), np.std(np.diff(x, axis=0), axis=0)

        # Derivative calculation and standardization
        _x = standardization(np.diff(x, axis=0), param=diff_norm)
        _y = standardization(np.diff(y, axis=0), param=diff_norm)
        # same length of derivative
        x = standardization(x[:-1], param=abs_norm)
        y = standardization(y[:-1], param=abs_norm)

        weight = weight[:-1]

        if len(np.shape(x)) == 1:
            C_d = _cost_matrix(_x, _y) * weight
            C_n = _cost_matrix(x, y) * weight
        else:
            C_d = _multidimensional_cost_matrix(_x, _y, weight)
            C_n = _multidimensional_cost_matrix(x, y, weight)

    c = alpha * C_n + (1 - alpha) * C_d

    return c


def accumulated_cost_matrix(c, **kwargs):
    """

    Parameters
    ----------
    c: nd-array
        The cost matrix.

    \**kwargs:

    Returns
    -------
    ac: nd-array
        The accumulated cost matrix.
    """
    xl, yl = np.shape(c)

    window = kwargs.get("window", None)
    factor = kwargs.get("factor", np.min((xl, yl)) * 0.50)
    dtw_type = kwargs.get("dtw_type", "dtw")
    tolerance = kwargs.get("tolerance", 0)

    if window == "sakoe-chiba":
        c[np.abs(np.diff(np.indices(c.shape), axis=0))[0] > factor] = np.inf

    ac = acc_initialization(xl, yl, dtw_type, tolerance)
    ac[1:, 1:] = c.copy()
    ac = _accumulated_cost_matrix(ac)[1:, 1:]

    return ac


@njit(nogil=True, fastmath=True)
def traceback(ac):
    """Computes the traceback path of the matrix c.

    Parameters
    ----------
    ac: nd-array
        The accumulated cost matrix.

    Returns
    -------
        Coordinates p and q of the minimum path.

    """

    i, j = np.array(ac.shape) - 2
    p, q = [i], [j]
    while (i > 0) and (j > 0):
        tb = 0
        if ac[i, j + 1] < ac[i, j]:
            tb = 1
        if ac[i + 1, j] < ac[i, j + tb]:
            tb = 2
        if tb == 0:
            i -= 1
            j -= 1
        elif tb == 1:
            i -= 1
        else:
            j -= 1
        p.insert(0, i)
        q.insert(0, j)
    while j > 0:
        j -= 1
        p.insert(0, i)
        q.insert(0, j)
    while i > 0:
        i -= 1
        p.insert(0, i)
        q.insert(0, j)

    return np.array(p), np.array(q)
# ---- harness (not part of the program) ----
ENTRY = "dtw_pair"


def _dtw(x, y, weight=None):
    # tssearch.distances.elastic_distances.dtw with alpha=1, dtw_type="dtw",
    # dist_norm=True: traceback takes the accumulated matrix with its
    # initial row and column, as in tssearch's dtw
    c = cost_matrix(x, y, 1, weight=weight)
    xl, yl = np.shape(c)
    ac = accumulated_cost_matrix(c)
    full = acc_initialization(xl, yl, "dtw")
    full[1:, 1:] = ac
    path = traceback(full)
    d = ac[-1, -1] / np.sum(np.shape(path))
    return d, ac, path[0], path[1]


def dtw_pair(x1, y1, x3, y3, w3):
    return _dtw(x1, y1) + _dtw(x3, y3, w3)


def inputs():
    rng = np.random.default_rng(0)
    t1 = np.linspace(0, 4 * np.pi, 120)
    t2 = np.linspace(0, 4 * np.pi, 150) ** 1.05
    x1 = np.sin(t1) + 0.1 * rng.standard_normal(120)
    y1 = np.sin(t2) + 0.1 * rng.standard_normal(150)
    a = np.linspace(0, 3 * np.pi, 80)
    b = np.linspace(0, 3 * np.pi, 90)
    x3 = np.stack([np.sin(a), np.cos(a), np.sin(2 * a)], axis=1) + 0.05 * rng.standard_normal((80, 3))
    y3 = np.stack([np.sin(b), np.cos(b), np.sin(2 * b)], axis=1) + 0.05 * rng.standard_normal((90, 3))
    w3 = np.ones_like(x3)
    return (x1, y1, x3, y3, w3)
