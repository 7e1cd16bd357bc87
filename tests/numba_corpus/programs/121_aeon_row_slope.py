# Source: aeon-toolkit/aeon aeon/utils/numba/stats.py
# Licence: BSD-3-Clause (Copyright (c) 2023 The scikit-time developers)
# Notes: least-squares slope of each row of a 2-D array: accumulators started as int 0 and added floats, `return 0 if denom == 0 else slope / denom` (int or float), a local variable named like its function, @njit(fastmath=True, cache=True), typed signature annotations; the other statistics of the file and its `import aeon.utils.numba.general as general_numba` (not used by these two) left out
"""Numba statistic utilities."""

import numpy as np
from numba import njit


@njit(fastmath=True, cache=True)
def slope(X: np.ndarray) -> float:
    """Numba slope function for a 1d numpy array.

    Parameters
    ----------
    X : 1d numpy array
        A 1d numpy array of values

    Returns
    -------
    slope : float
        The slope of the input array

    Examples
    --------
    >>> import numpy as np
    >>> from aeon.utils.numba.stats import slope
    >>> X = np.array([1, 2, 2, 3, 3, 3, 4, 4, 4, 4])
    >>> s = slope(X)
    """
    sum_y = 0
    sum_x = 0
    sum_xx = 0
    sum_xy = 0
    for i in range(X.shape[0]):
        sum_y += X[i]
        sum_x += i
        sum_xx += i * i
        sum_xy += X[i] * i
    slope = sum_x * sum_y - X.shape[0] * sum_xy
    denom = sum_x * sum_x - X.shape[0] * sum_xx
    return 0 if denom == 0 else slope / denom


@njit(fastmath=True, cache=True)
def row_slope(X: np.ndarray) -> np.ndarray:
    """Numba slope function for a 2d numpy array.

    Parameters
    ----------
    X : 2d numpy array
        A 2d numpy array of values

    Returns
    -------
    arr : 1d numpy array
        The slope for axis 0 of the input array

    Examples
    --------
    >>> import numpy as np
    >>> from aeon.utils.numba.stats import row_slope
    >>> X = np.array([[1, 2, 2, 3, 3, 3, 4, 4, 4, 4], [5, 6, 6, 7, 7, 7, 8, 8, 8, 8]])
    >>> s = row_slope(X)
    """
    arr = np.zeros(X.shape[0])
    for i in range(X.shape[0]):
        arr[i] = slope(X[i])
    return arr

# ---- harness (not part of the program) ----
ENTRY = "row_slope"


def inputs():
    # 50 float64 series of length 120 (aeon's collections are float64)
    rng = np.random.default_rng(0)
    X = np.cumsum(rng.standard_normal((50, 120)), axis=1)
    return (X,)
