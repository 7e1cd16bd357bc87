# Source: aguinot/cosmo-numba src/cosmo_numba/math/integrate/simpson.py (at commit 39999a0f), src/cosmo_numba/math/utils.py (at commit 7b4e8134)
# Licence: MIT (cosmo-numba, LICENSE; Copyright (c) 2023 Axel Guinot)
# Notes: numerical helpers of cosmo-numba, numba versions of cosmology tools (B-mode and COSEBIs statistics for weak lensing). simpson.py is pasted whole: the composite Simpson rule (a simplified port of SciPy's), with `x is None` branches inside nopython code for even spacing, strided slices y[start:stop:step], np.true_divide, uneven-spacing weights, and Cartwright's correction of the last interval when the number of samples is even; its module-level environment check for coverage runs is kept (it only switches the JIT off when two variables are set). Its `from ..utils import numbadiff` is replaced by utils.py pasted whole: numbadiff (np.diff as a slice difference, eager float64[:] signature), lngamma (Numerical Recipes log-gamma for complex128 with an eager signature), extend_log_grid (pads a log-spaced grid by whole decades: np.median of np.diff of logs, np.round, np.arange counting down, a (float64[:], int64, int64) tuple signature) and pad_1D (zero padding into the extended grid). The harness integrates a smooth function on even and odd numbers of evenly spaced samples (with the default dx and another dx) and on an uneven grid (even and odd lengths), evaluates lngamma at several complex points, and extends a log-spaced angular grid and pads a profile onto it
"""Simpson integral

Simplified version of the Simpson method from scipy

Author: Axel Guinot

"""

import os

import numpy as np
import numba as nb

# ---- src/cosmo_numba/math/utils.py (replaces `from ..utils import numbadiff`) ----
import numpy as np
import numba as nb


@nb.njit(
    nb.complex128(nb.complex128),
    fastmath=True,
)
def lngamma(z):
    """
    Numerical Recipes 6.1

    From: https://stackoverflow.com/questions/55048299/why-is-this-log-gamma-numba-function-slower-than-scipy-for-large-arrays-but-fas
    """

    coefs = np.array(
        [
            57.1562356658629235,
            -59.5979603554754912,
            14.1360979747417471,
            -0.491913816097620199,
            0.339946499848118887e-4,
            0.465236289270485756e-4,
            -0.983744753048795646e-4,
            0.158088703224912494e-3,
            -0.210264441724104883e-3,
            0.217439618115212643e-3,
            -0.164318106536763890e-3,
            0.844182239838527433e-4,
            -0.261908384015814087e-4,
            0.368991826595316234e-5,
        ]
    )

    y = z
    tmp = z + 5.24218750000000000
    tmp = (z + 0.5) * np.log(tmp) - tmp
    ser = 0.999999999999997092

    n = coefs.shape[0]
    for j in range(n):
        y = y + 1.0
        ser = ser + coefs[j] / y

    out = tmp + np.log(2.5066282746310005 * ser / z)
    return out


@nb.njit(
    nb.types.Tuple((nb.float64[:], nb.int64, nb.int64))(
        nb.float64[:],
        nb.float64,
        nb.float64,
    ),
)
def extend_log_grid(theta, pad_low_decades=2.0, pad_high_decades=2.0):
    """
    Extend a log-spaced theta grid using its native log spacing.

    Parameters
    ----------
    theta : array_like
        Original log-spaced theta grid (monotonic increasing).
    pad_low_decades, pad_high_decades : float
        Padding in decades below and above the original grid.

    Returns
    -------
    theta_ext : ndarray
        Extended log-spaced theta grid.
    i0 : int
        Starting index of original theta in theta_ext.
    """
    theta = np.asarray(theta)

    # Get log-spacing
    dln = np.median(np.diff(np.log(theta)))

    # Number of points to pad
    n_low = int(np.round(pad_low_decades * np.log(10.0) / dln))
    n_high = int(np.round(pad_high_decades * np.log(10.0) / dln))

    # Build lower extension (strictly below theta[0])
    ln_theta0 = np.log(theta[0])
    ln_low = ln_theta0 - dln * np.arange(n_low, 0, -1)
    theta_low = np.exp(ln_low)

    # Build upper extension (strictly above theta[-1])
    ln_theta1 = np.log(theta[-1])
    ln_high = ln_theta1 + dln * np.arange(1, n_high + 1)
    theta_high = np.exp(ln_high)

    theta_ext = np.empty(n_low + theta.size + n_high, dtype=theta.dtype)
    theta_ext[:n_low] = theta_low
    theta_ext[n_low : n_low + theta.size] = theta
    theta_ext[n_low + theta.size :] = theta_high

    return theta_ext, n_low, n_low + theta.size


@nb.njit(
    nb.float64[:](
        nb.int64,
        nb.int64,
        nb.int64,
        nb.float64[:],
    ),
)
def pad_1D(N_theta_ext, i_low, i_high, f_theta):
    """
    Extend f(theta) into an extended theta grid.
    """

    f_theta_ext = np.zeros(N_theta_ext)
    f_theta_ext[i_low:i_high] = f_theta
    return f_theta_ext


@nb.njit(
    nb.float64[:](nb.float64[:]),
    fastmath=True,
)
def numbadiff(x):
    """
    Compute the difference between consecutive elements of an array. Numba
    implementation of np.diff.

    Parameters
    ----------
    x : float64[:]
        input array

    Returns
    -------
    float64[:]
        differences between consecutive elements with size len(x)-1.
    """
    return x[1:] - x[:-1]
# ---- end of utils.py ----

# This allows having coverage
if (
    os.environ.get("TESTING_SIMPSON", "0") == "1"
    or os.environ.get("TESTING_COSEBIS", "0") == "1"
) and os.environ.get("COVERAGE_MODE", "0") == "1":
    nb.config.DISABLE_JIT = 1


@nb.njit
def _basic_simpson(y, start, stop, x, dx):
    step = 2

    if x is None:  # Even-spaced Simpson's rule.
        result = np.sum(
            y[start:stop:step]
            + 4.0 * y[start + 1 : stop + 1 : step]
            + y[start + 2 : stop + 2 : step]
        )
        result *= dx / 3.0
    else:
        # Account for possibly different spacings.
        #    Simpson's rule changes a bit.
        h = numbadiff(x)
        h0 = h[start:stop:step]
        h1 = h[start + 1 : stop + 1 : step]
        hsum = h0 + h1
        hprod = h0 * h1
        h0divh1 = np.true_divide(h0, h1)
        tmp = (
            hsum
            / 6.0
            * (
                y[start:stop:step]
                * (
                    2.0
                    - np.true_divide(
                        1.0,
                        h0divh1,
                    )
                )
                + y[start + 1 : stop + 1 : step]
                * (
                    hsum
                    * np.true_divide(
                        hsum,
                        hprod,
                    )
                )
                + y[start + 2 : stop + 2 : step] * (2.0 - h0divh1)
            )
        )
        result = np.sum(tmp)
    return result


@nb.njit
def simpson(y, x=None, dx=1.0):
    """
    Integrate y using Simpson's rule. If x is provided, it is used to
    compute the spacing between points. If not, dx is used as the spacing.
    This is a simplified version of the scipy implementation.

    Parameters
    ----------
    y : float64[:]
        array to integrate
    x : float64[:], optional
        x values corresponding to y. If not provided, dx is used.
    dx : float64, optional
        spacing between points if x is not provided.

    Returns
    -------
    float64
        integral of y
    """
    y = np.asarray(y)
    N = y.shape[0]

    if N % 2 == 0:
        val = 0.0
        result = 0.0

        # use Simpson's rule on first intervals
        result = _basic_simpson(y, 0, N - 3, x, dx)

        h = np.asarray([dx, dx], dtype=np.float64)
        if x is not None:
            # grab the last two spacings from the appropriate axis
            diffs = numbadiff(x)
            h = np.array([diffs[-2], diffs[-1]], dtype=np.float64)

        # This is the correction for the last interval according to
        # Cartwright.
        # However, I used the equations given at
        # https://en.wikipedia.org/wiki/Simpson%27s_rule#Composite_Simpson's_rule_for_irregularly_spaced_data
        # A footnote on Wikipedia says:
        # Cartwright 2017, Equation 8. The equation in Cartwright is
        # calculating the first interval whereas the equations in the
        # Wikipedia article are adjusting for the last integral. If the
        # proper algebraic substitutions are made, the equation results in
        # the values shown.
        num = 2 * h[1] ** 2 + 3 * h[0] * h[1]
        den = 6 * (h[1] + h[0])
        alpha = np.true_divide(
            num,
            den,
        )

        num = h[1] ** 2 + 3.0 * h[0] * h[1]
        den = 6 * h[0]
        beta = np.true_divide(
            num,
            den,
        )

        num = 1 * h[1] ** 3
        den = 6 * h[0] * (h[0] + h[1])
        eta = np.true_divide(
            num,
            den,
        )

        result += alpha * y[-1] + beta * y[-2] - eta * y[-3]

        result = result + val
    else:
        result = _basic_simpson(y, 0, N - 2, x, dx)
    return result
# ---- harness (not part of the program) ----
ENTRY = "cosmo_numba_simpson"


def cosmo_numba_simpson(x_even, x_odd, xu_even, xu_odd, zs, theta):
    f = lambda x: np.exp(-0.5 * x) * np.sin(3.0 * x) + x ** 2
    ints = [
        simpson(f(x_even)),
        simpson(f(x_odd)),
        simpson(f(x_even), dx=x_even[1] - x_even[0]),
        simpson(f(x_odd), dx=x_odd[1] - x_odd[0]),
        simpson(f(xu_even), xu_even),
        simpson(f(xu_odd), xu_odd),
    ]
    lg = np.array([lngamma(z) for z in zs])
    theta_ext, i_low, i_high = extend_log_grid(theta, 2.0, 1.0)
    profile = theta ** -0.8 * np.exp(-theta / 50.0)
    padded = pad_1D(theta_ext.size, i_low, i_high, profile)
    return np.array(ints), lg, theta_ext, i_low, i_high, padded, numbadiff(xu_odd)


def inputs():
    x_even = np.linspace(0.0, 4.0, 40)
    x_odd = np.linspace(0.0, 4.0, 41)
    u = np.linspace(0.0, 1.0, 36)
    xu_even = 4.0 * u ** 1.7
    xu_odd = 4.0 * np.linspace(0.0, 1.0, 37) ** 1.3
    zs = np.array([0.5 + 0.0j, 1.0 + 0.0j, 3.7 + 0.0j, 2.0 + 1.5j, 0.25 - 3.0j, 10.0 + 0.1j])
    theta = np.logspace(0.0, 2.5, 26)
    return (x_even, x_odd, xu_even, xu_odd, zs, theta)
