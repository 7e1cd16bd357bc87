# Source: sashakolpakov/fast-twed twed/utils.py (at commit 28603e81), twed/twed.py (at commit 28603e81)
# Licence: Apache-2.0 (fast-twed; "License :: OSI Approved :: Apache Software License" in its setup.py)
# Notes: fast-twed, a numba implementation of the Time Warp Edit Distance (TWED, Marteau 2009) between multivariate time series. twed/utils.py is pasted whole: pad1d / pad2d (zero-row padding through a slice assignment), _dist_lp (np.sqrt(np.sum(np.abs(a - b) ** p)) on row views, with a default p=2 and fastmath), _twed (raises ValueError for negative nu / lam, rebinds its array arguments to padded copies, fills an (m, n) table with np.inf first row and column, and runs the dynamic programme with prange loops in a non-parallel @jit(nopython=True, fastmath=True), returning (distance, table)), and _backtracking (a while loop building a list of (i - 1, j - 1) tuples, list.reverse and a slice of the list). twed/twed.py is pasted after it, less its `from .utils import (_twed, _backtracking)` line: the plain-Python twed entry point that dispatches on pandas DataFrame / numpy array inputs, _twed_dataframe (float32 values and index time stamps) and _twed_ndarray (default float32 np.arange time stamps). The harness computes TWED between random 1-D and 3-D series of different lengths through twed() with numpy arrays (default and given time stamps, p = 1 and 2, several nu / lam, with and without the edit path) and with pandas DataFrames, calls _twed, _dist_lp, pad1d / pad2d and _backtracking directly, and checks that a negative nu raises ValueError
# ---- twed/utils.py ----
import numpy as np
from numba import jit, prange


# Padding functions for time series arrays


@jit(nopython=True)
def pad1d(ar):
    res = np.zeros(ar.shape[0] + 1)
    res[1:res.shape[0]] = ar
    return res


@jit(nopython=True)
def pad2d(ar):
    res = np.zeros((ar.shape[0] + 1, ar.shape[1]))
    res[1:res.shape[0], :] = ar
    return res


@jit(nopython=True, fastmath=True)
def _dist_lp(a, b, p=2):
    """
    Compute the l_p distance between two arrays.

    :param a: First array.
    :param b: Second array.
    :param p: Order of the norm (default is 2).
    :return: The l_p distance between a and b.
    """
    return np.sqrt(np.sum(np.abs(a - b) ** p))


@jit(nopython=True, fastmath=True)
def _twed(a, b, ts_a, ts_b, p, nu, lam):
    """
    Compute the Time Warp Edit Distance (TWED) between two time series using dynamic programming.

    This function calculates the TWED between two numpy arrays representing time series data,
    taking into account both the magnitude differences and the temporal differences between the series.
    The calculation is accelerated using Numba's JIT compilation.

    The TWED is computed by constructing a dynamic programming matrix where each cell represents
    the minimal cost of aligning two subsequences. The cost function includes:
      - The l_p distance between consecutive points (computed via _dist_lp),
      - A penalty proportional to the absolute difference of time stamps (weighted by nu),
      - A fixed penalty (lam) for deletion operations.

    :param a: Numpy array for the first time series (expected shape: (m, ...)).
    :param b: Numpy array for the second time series (expected shape: (n, ...)).
    :param ts_a: Numpy array of time stamps corresponding to `a` (length m).
    :param ts_b: Numpy array of time stamps corresponding to `b` (length n).
    :param p: The l_p distance parameter (p).
    :param nu: Non-negative float; penalty for temporal differences between consecutive points.
    :param lam: Non-negative float; penalty for deletion operations.

    :return: A tuple containing:
             - The final TWED value (float), representing the distance between the two time series.
             - The dynamic programming matrix (numpy.ndarray) used to compute the TWED.

    :raises ValueError: If either `nu` or `lam` is negative.
    """

    if nu < 0:
        raise ValueError("Parameter nu must be non-negative.")

    if lam < 0:
        raise ValueError("Parameter lambda must be non-negative.")

    m = a.shape[0]
    a = pad2d(a)
    ts_a = pad1d(ts_a)

    n = b.shape[0]
    b = pad2d(b)
    ts_b = pad1d(ts_b)

    dyn = np.zeros((m, n))
    dyn[0, :] = np.inf
    dyn[:, 0] = np.inf
    dyn[0, 0] = 0.0

    for i in prange(1, m):
        for j in prange(1, n):
            # Compute cost for deletion in A
            cost_del_a = (
                    dyn[i - 1, j]
                    + _dist_lp(a[i - 1], a[i], p)
                    + nu * np.abs(ts_a[i] - ts_a[i - 1])
                    + lam
            )
            # Compute cost for deletion in B
            cost_del_b = (
                    dyn[i, j - 1]
                    + _dist_lp(b[j - 1], b[j], p)
                    + nu * np.abs(ts_b[j] - ts_b[j - 1])
                    + lam
            )
            # Compute cost for matching (keeping both points)
            ts_diff = np.abs(ts_a[i] - ts_b[j]) + np.abs(ts_a[i - 1] - ts_b[j - 1])
            cost_match = (
                    dyn[i - 1, j - 1]
                    + _dist_lp(a[i], b[j], p)
                    + _dist_lp(a[i - 1], b[j - 1], p)
                    + nu * ts_diff
            )
            # Update with the minimal cost using scalar comparisons
            if cost_del_a <= cost_del_b and cost_del_a <= cost_match:
                dyn[i, j] = cost_del_a
            elif cost_del_b <= cost_match:
                dyn[i, j] = cost_del_b
            else:
                dyn[i, j] = cost_match

    return dyn[m - 1, n - 1], dyn


@jit(nopython=True)
def _backtracking(dyn):
    """
    Compute the most cost-efficient edit path between two time series.

    This function performs a backtracking algorithm on the given dynamic programming matrix,
    typically generated during the computation of the Time Warp Edit Distance (TWED). It recovers
    the optimal sequence of edit operations (matches or deletions) that align the two time series.

    The returned path is a list of tuples, each containing a pair of indices corresponding to the
    aligned elements in the time series.

    :param dyn: A 2D numpy array representing the dynamic programming cost matrix.
    :type dyn: numpy.ndarray
    :return: A list of index pairs (tuples) representing the optimal edit path between the time series.
    :rtype: list[tuple]
    """

    dim = np.shape(dyn)
    i = dim[0] - 1
    j = dim[1] - 1

    best_path = []
    while i != 0 or j != 0:
        best_path.append((i - 1, j - 1))

        # Compute costs without creating an array
        cost_keep = dyn[i - 1, j - 1]
        cost_del_a = dyn[i - 1, j]
        cost_del_b = dyn[i, j - 1]

        # Determine the direction with the minimal cost
        if cost_keep <= cost_del_a and cost_keep <= cost_del_b:
            i -= 1
            j -= 1
        elif cost_del_a <= cost_del_b:
            i -= 1
        else:
            j -= 1

    best_path.append((i - 1, j - 1))
    best_path.reverse()
    return best_path[1:]
# ---- twed/twed.py ----
import numpy as np
import pandas as pd


def twed(a, b, ts_a=None, ts_b=None, p=2, nu=0.001, lam=1.0, path_out=False):
    """
    Compute the Time Warp Edit Distance (TWED) between two time series.

    This function provides a unified interface for calculating TWED. The time series may be provided
    either as pandas DataFrames or as numpy arrays. For pandas DataFrames, the index is used as the time
    stamps. For numpy arrays, if time stamp arrays (`ts_a`, `ts_b`) are not provided, default sequential
    time stamps are generated.

    :param a: First time series, provided as a pandas DataFrame or a numpy array.
    :param b: Second time series, provided as a pandas DataFrame or a numpy array.
    :param ts_a: Optional time stamps for the first time series if `a` is a numpy array. Defaults to None.
    :param ts_b: Optional time stamps for the second time series if `b` is a numpy array. Defaults to None.
    :param p: The l_p distance parameter (default is p=2).
    :param nu: Non-negative float representing the penalty for temporal differences (default is 0.001).
    :param lam: Non-negative float representing the penalty for deletion operations (default is 1.0).
    :param path_out: If True, returns a tuple (TWED, edit_path); otherwise, only the TWED value is returned.
    :return: The computed TWED value, or a tuple (TWED, edit_path) if `path_out` is True.
    :raises TypeError: If the input types for `a` and `b` are not both pandas DataFrames or numpy arrays.
    """

    # Check if both inputs are DataFrames
    if isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame):
        return _twed_dataframe(a, b, p, nu, lam, path_out)
    # Check if both inputs are not DataFrames (assume numpy arrays or similar)
    elif isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return _twed_ndarray(a, b, ts_a, ts_b, p, nu, lam, path_out)
    else:
        # If one is a DataFrame and the other is not, raise an error.
        raise TypeError("Both inputs must be either pandas DataFrames or numpy arrays.")


def _twed_dataframe(df_a, df_b, p, nu, lam, path_out):
    """
    Compute the TWED between two time series provided as pandas DataFrames.

    This helper function extracts numerical data and time stamps from the DataFrames, and computes the TWED
    using an underlying function. Optionally, it returns the optimal edit path determined via backtracking.

    :param df_a: First time series as a pandas DataFrame.
    :param df_b: Second time series as a pandas DataFrame.
    :param p: The l_p distance parameter (p).
    :param nu: Non-negative float representing the temporal penalty.
    :param lam: Non-negative float representing the deletion penalty.
    :param path_out: Boolean flag indicating whether to return the edit path along with the TWED.
    :return: The TWED value, or a tuple (TWED, edit_path) if `path_out` is True.
    """

    # Extract data and time indices from DataFrames
    a = df_a.values.astype('float32')
    b = df_b.values.astype('float32')
    ts_a = np.array(df_a.index, dtype='float32')
    ts_b = np.array(df_b.index, dtype='float32')

    out = _twed(a, b, ts_a, ts_b, p, nu, lam)

    if path_out:
        return out[0], _backtracking(out[1])
    else:
        return out[0]


def _twed_ndarray(a, b, ts_a, ts_b, p, nu, lam, path_out):
    """
    Compute the TWED between two time series provided as numpy arrays.

    This helper function computes the TWED for time series given as numpy arrays. If time stamps (`ts_a`, `ts_b`)
    are not provided, default sequential indices are generated. Optionally, it returns the optimal edit path via
    backtracking.

    :param a: First time series as a numpy array.
    :param b: Second time series as a numpy array.
    :param ts_a: Optional numpy array of time stamps for the first time series. If None, a default range is used.
    :param ts_b: Optional numpy array of time stamps for the second time series. If None, a default range is used.
    :param p: The l_p distance parameter (p).
    :param nu: Non-negative float representing the temporal penalty.
    :param lam: Non-negative float representing the deletion penalty.
    :param path_out: Boolean flag indicating whether to return the optimal edit path along with the TWED.
    :return: The TWED value, or a tuple (TWED, edit_path) if `path_out` is True.
    """

    # Inputs must be numpy arrays
    if ts_a is None:
        ts_a = np.arange(a.shape[0], dtype='float32')
    if ts_b is None:
        ts_b = np.arange(b.shape[0], dtype='float32')

    out = _twed(a, b, ts_a, ts_b, p, nu, lam)

    if path_out:
        return out[0], _backtracking(out[1])
    else:
        return out[0]
# ---- harness (not part of the program) ----
ENTRY = "fast_twed_suite"


def fast_twed_suite(a1, b1, a3, b3, ts_a, ts_b):
    d1 = twed(a1, b1)
    d1p, path1 = twed(a1, b1, path_out=True)
    d3 = twed(a3, b3, ts_a, ts_b, p=1, nu=0.01, lam=0.5)
    d3p, path3 = twed(a3, b3, ts_a, ts_b, p=2, nu=0.1, lam=2.0, path_out=True)
    dfa = pd.DataFrame(a3, index=ts_a)
    dfb = pd.DataFrame(b3, index=ts_b)
    ddf, pathdf = twed(dfa, dfb, nu=0.05, path_out=True)
    raw = _twed(a3, b3, ts_a, ts_b, 3, 0.0, 0.0)
    lp = (_dist_lp(a3[0], b3[1]), _dist_lp(a3[0], b3[1], 1),
          _dist_lp(a3[2], a3[3], 4))
    pads = (pad1d(ts_a), pad2d(a3[:3]))
    bt = _backtracking(raw[1])
    try:
        _twed(a3, b3, ts_a, ts_b, 2, -1.0, 1.0)
        err = "no error"
    except ValueError as e:
        err = str(e)
    return (d1, d1p, path1, d3, d3p, path3, ddf, pathdf, raw, lp, pads, bt,
            err)


def inputs():
    rng = np.random.default_rng(0)
    a1 = np.cumsum(rng.normal(0.0, 1.0, size=(30, 1)), axis=0)
    b1 = np.cumsum(rng.normal(0.0, 1.0, size=(24, 1)), axis=0)
    a3 = rng.normal(0.0, 1.0, size=(20, 3))
    b3 = rng.normal(0.0, 1.0, size=(26, 3))
    ts_a = np.sort(rng.uniform(0.0, 10.0, 20))
    ts_b = np.sort(rng.uniform(0.0, 10.0, 26))
    return (a1, b1, a3, b3, ts_a, ts_b)
