# Source: derb12/pybaselines pybaselines/classification.py (_quadratic_bezier, _quadratic_bezier_spline; at commit 025531aa) with the numba import block of pybaselines/_compat.py (at commit 1e1e754a)
# Licence: BSD-3-Clause (pybaselines, the project's LICENSE as published on GitHub; Donald Erb)
# Notes: the Bezier-spline baseline of the corner-cutting method (Liu et al., Analyst 2015) in pybaselines, a baseline-correction library for spectra (spectroscopy / signal processing): _quadratic_bezier (@jit(nopython=True, cache=True)) evaluates a quadratic Bezier curve weighted by a 3-item reflected list of floats on a t array; _quadratic_bezier_spline raises ValueError on bad sizes, handles 2 (linear interpolation) and 3 (single curve) control points in an early-return branch, otherwise inserts halfway control points found with np.argmin(np.abs(slice - scalar)) and joins curves over slices assigned in place, looping with enumerate(indices[2:-2], 2) (a start argument), skipping zero-width pieces with continue and carrying left/right state between iterations; jit comes from pybaselines._compat, which falls back to a no-op decorator without numba. Pasted: _compat.py's numba try/except block (the pentapy block left out), the numpy import and the two functions; left out: the rest of classification.py (scipy users and the Baseline methods); the harness builds a 500-point synthetic Raman-like spectrum (three Gaussian peaks on a curved baseline) on a non-uniform x grid, picks control-point index sets (2, 3, 6 and 25 points, and a set with adjacent control points) and evaluates the spline for each
from functools import wraps

try:
    from numba import jit, prange
except ImportError:

    def prange(*args):
        """Dummy function that acts exactly like `range` if numba is not installed."""
        return range(*args)

    def jit(func=None, *jit_args, **jit_kwargs):
        """Dummy decorator that does nothing if numba is not installed."""
        # First argument in jit would be the function signature.
        # Signatures can be given as strings: "float64(float64, float64)"
        # or literals or sequences of literals/strings: float64(float64, float64)
        # or (float64,) if no return or [int64(int64, int64), float64(float64, float64)];
        # none of which are callable.
        if func is None or not callable(func):
            # ignore jit_args and jit_kwargs since they are not used by this dummy decorator
            return jit

        @wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)

        return wrapper


from math import ceil
import warnings

import numpy as np


@jit(nopython=True, cache=True)
def _quadratic_bezier(y_points, t):
    """
    Makes a single quadratic Bezier curve weighted by y-values.

    Parameters
    ----------
    y_points : Container
        A container of the three y-values that define the y-values of the
        Bezier curve.
    t : numpy.ndarray, shape (N,)
        The array of values between 0 and 1 defining the Bezier curve.

    Returns
    -------
    output : numpy.ndarray, shape (N,)
        The Bezier curve for `t`, using the three points in `y_points` as weights
        in order to shift the curve to match the desired y-values.

    References
    ----------
    https://pomax.github.io/bezierinfo (if the link is dead, the GitHub repo for the
    website is https://github.com/Pomax/BezierInfo-2).

    """
    one_minus_t = 1 - t
    output = (
        y_points[0] * one_minus_t**2 + y_points[1] * 2 * one_minus_t * t + y_points[2] * t**2
    )
    return output


@jit(nopython=True, cache=True)
def _quadratic_bezier_spline(x, y, indices):
    """
    Creates a spline from multiple quadratic Bezier curves.

    Parameters
    ----------
    x : numpy.ndarray, shape (N,)
        The x-values for the spline.
    y : numpy.ndarray, shape (N,)
        The y-values for the spline.
    indices : numpy.ndarray, shape (M,)
        An array of the indices of the control points for the Bezier
        spline within `x` and `y`.

    Returns
    -------
    output : numpy.ndarray, shape (N,)
        The curve constructed from the control points.

    Raises
    ------
    ValueError
        Raised if the number of indices, `M`, is less than 2, or if `x` and `y` do not
        have the same number of points.

    Notes
    -----
    If `M` is 2, then the output is a linear interpolation. If `M` is 3, the output is
    a single Bezier curve using the three control points. Otherwise, a Bezier spline
    is constructed by inserting additional control points between each index in
    `indices[2:-2]` to join the individual Bezier curves, following the reference.

    The resulting spline is only guaranteed to be C0 continuous (ie. no discontinuities).
    Any derivatives are not guaranteed to be continuous.

    References
    ----------
    Liu, Y.J., et al. A Concise Iterative Method with Bezier Technique for Baseline
    Construction. Analyst, 2015, 140(23), 7984-7996.

    """
    num_indices = indices.shape[0]
    num_x = x.shape[0]
    if num_x != y.shape[0]:
        raise ValueError('x and y must have the same number of points')
    if num_indices < 2:
        raise ValueError('indices must have at least two points for a Bezier curve')
    elif num_indices < 4:
        left_idx = indices[0]
        right_idx = indices[-1]
        left_x = x[left_idx]
        right_x = x[right_idx]
        left_y = y[left_idx]
        right_y = y[right_idx]
        if num_indices == 2:  # perform linear interpolation
            output = left_y + (x - left_x) * (right_y - left_y) / (right_x - left_x)
        else:  # create a single Bezier curve from the three points
            center_y = y[indices[1]]
            y_points = [left_y, center_y, right_y]
            t = (x - left_x) / (right_x - left_x)
            output = _quadratic_bezier(y_points, t)

        return output

    output = np.empty(num_x)

    # first segment uses first two indices and an added halfway-point
    center_idx = indices[1]
    next_idx = indices[2]
    left_x = x[indices[0]]
    center_x = x[center_idx]
    right_idx = (
        center_idx + np.argmin(np.abs(x[center_idx:next_idx + 1] - 0.5 * (center_x + x[next_idx])))
    )
    right_x = x[right_idx]

    left_y = y[indices[0]]
    center_y = y[center_idx]
    right_y = center_y + (right_x - center_x) * (y[next_idx] - center_y) / (x[next_idx] - center_x)
    y_points = [left_y, center_y, right_y]
    t = (x[:next_idx + 1] - left_x) / (right_x - left_x)
    output[:next_idx + 1] = _quadratic_bezier(y_points, t)

    for i, center_idx in enumerate(indices[2:-2], 2):
        left_idx = right_idx
        left_x = right_x
        next_idx = indices[i + 1]
        center_x = x[center_idx]
        right_idx = (
            center_idx
            + np.argmin(np.abs(x[center_idx:next_idx + 1] - 0.5 * (center_x + x[next_idx])))
        )
        right_x = x[right_idx]
        if right_x - left_x == 0:
            continue

        left_y = right_y
        center_y = y[center_idx]
        right_y = (
            center_y + (right_x - center_x) * (y[next_idx] - center_y) / (x[next_idx] - center_x)
        )
        y_points = [left_y, center_y, right_y]

        t = (x[left_idx:right_idx + 1] - left_x) / (right_x - left_x)
        output[left_idx:right_idx + 1] = _quadratic_bezier(y_points, t)

    # last segment uses last two indices and the last added halfway-point
    y_points = [right_y, y[indices[-2]], y[indices[-1]]]
    t = (x[right_idx:] - right_x) / (x[indices[-1]] - right_x)
    output[right_idx:] = _quadratic_bezier(y_points, t)

    return output
# ---- harness (not part of the program) ----
ENTRY = "run_bezier"


def run_bezier(x, y, index_sets):
    return [_quadratic_bezier_spline(x, y, idx) for idx in index_sets]


def inputs():
    rng = np.random.default_rng(0)
    n = 500
    x = np.sort(rng.uniform(200.0, 2000.0, n))
    x[0], x[-1] = 200.0, 2000.0
    baseline = 5.0 + 3e-3 * (x - 200.0) - 1.2e-6 * (x - 200.0) ** 2
    peaks = (40.0 * np.exp(-0.5 * ((x - 520.0) / 15.0) ** 2)
             + 25.0 * np.exp(-0.5 * ((x - 1000.0) / 30.0) ** 2)
             + 60.0 * np.exp(-0.5 * ((x - 1600.0) / 10.0) ** 2))
    y = baseline + peaks + 0.3 * rng.standard_normal(n)
    index_sets = [
        np.array([0, n - 1]),
        np.array([0, 250, n - 1]),
        np.array([0, 60, 180, 300, 420, n - 1]),
        np.linspace(0, n - 1, 25).astype(np.int64),
        np.array([0, 40, 41, 42, 43, 200, 201, 350, n - 1]),
    ]
    return (x, y, index_sets)
