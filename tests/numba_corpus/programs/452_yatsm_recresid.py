# Source: ceholden/yatsm yatsm/regression/_recresid.py (at commit 0f18d5e7), with try_jit from yatsm/accel.py (at commit 0663fe84)
# Licence: MIT (YATSM, setup.py at commit 00db73db: license='MIT'; Chris Holden)
# Notes: standardized recursive residuals of a linear regression (Brown, Durbin and Evans 1975), the building block of the CUSUM/MOSUM structural-break tests that YATSM runs on remote-sensing time series (econometrics): _recresid (the package's try_jit(nopython=True), which wraps numba.jit behind a decorator that works with or without arguments and checks the numba version) fits OLS on the first `span` observations with np.linalg.inv and np.dot, then walks the remaining observations updating the inverse cross-product matrix and the coefficients with the Sherman-Morrison recursions on 1 x k row slices X[j:j+1, :] (1 x 1 arrays from np.dot, .item(), .ravel(), broadcasting division by a (1, 1) array) and returns the one-step prediction errors scaled by their standard deviations (NaN before span, from np.nan * np.zeros). Pasted: yatsm/accel.py (its functools/logging/os imports and the guarded numba import, _doublewrap and try_jit) in place of `from yatsm.accel import try_jit`, then the citation docstring, numpy import and _recresid of _recresid.py (left out: its pandas/xarray imports and the pandas_like tuple, used only by the plain-Python recresid wrapper, and that wrapper); the harness passes what recresid(X, y) passes: a 300 x 4 design (intercept, trend, annual harmonics as in YATSM's Landsat models), a response with a level shift two thirds of the way through, and span = 4
""" Decorator ``try_jit`` accelerates computation via Numba, when available
"""
from functools import wraps
import logging
import os

logger = logging.getLogger('yatsm')

has_numba = True
try:
    import numba as nb
except ImportError:
    has_numba = False
else:
    # Check if disabled via environment
    if os.environ.get('NUMBA_DISABLE_JIT') == '1':
        has_numba = False
    # Check for an adequate version number
    try:
        nb_ver = nb.__version__.split('.')
        if int(nb_ver[0]) == 0 and int(nb_ver[1]) < 22:
            has_numba = False
            logger.warning('You have numba installed, but the version is too '
                           'old to be used (%s)' % nb.__version__)
    except:
        logger.warning('Could not parse numba version. Disabling numba.jit')
        has_numba = False


def _doublewrap(f):
    """ Allows decorators to be called with/without args/kwargs

    Allows:

    .. code-block:: python

        @decorator
        @decorator()
        @decorator(args, kwargs=values)

    Modification of answer from user "bj0" on StackOverflow:
    http://stackoverflow.com/a/14412901
    """
    @wraps(f)
    def new_dec(*args, **kwargs):
        if len(args) == 1 and len(kwargs) == 0 and callable(args[0]):
            # called as @decorator
            return f(args[0])
        elif len(args) == 1 and callable(args[0]):
            # called as decorator(f, **kwargs)
            return f(args[0], **kwargs)
        elif len(args) == 0 and len(kwargs) == 0:
            # called as @decorator()
            return f
        else:
            # called as @decorator(*args, **kwargs)
            return lambda realf: f(realf, *args, **kwargs)

    return new_dec


@_doublewrap
def try_jit(f, *args, **kwargs):
    """ Apply numba.jit to function ``f`` if Numba is available

    Accepts arguments to Numba jit function (signature, nopython, etc.).

    Examples:

    .. code-block:: python

        @try_jit
        @try_jit()
        @try_jit(nopython=True)
        @try_jit("float32[:](float32[:], float32[:])", nopython=True)

    """
    if has_numba:
        @wraps(f)
        def wrap(*args, **kwargs):
            return nb.jit(*args, **kwargs)
        return wrap(f, *args, **kwargs)
    else:
        return f
# -*- coding: utf-8 -*-
u""" Recursive residuals computation

Citations:

- Brown, RL, J Durbin, and JM Evans. 1975. Techniques for Testing the Consistency
  of Regression Relationships over Time. Journal of the Royal Statistical
  Society. Series B (Methodological) 37 (2): 149-192.

- Judge George G., William E. Griffiths, R. Carter Hill, Helmut Lütkepohl,
  and Tsoung-Chao Lee. 1985. The theory and practice of econometrics.
  New York: Wiley. ISBN: 978-0-471-89530-5

"""
import numpy as np


@try_jit(nopython=True)
def _recresid(X, y, span):
    nobs, nvars = X.shape

    recresid = np.nan * np.zeros((nobs))
    recvar = np.nan * np.zeros((nobs))

    X0 = X[:span, :]
    y0 = y[:span]

    # Initial fit
    XTX_j = np.linalg.inv(np.dot(X0.T, X0))
    XTY = np.dot(X0.T, y0)
    beta = np.dot(XTX_j, XTY)

    yhat_j = np.dot(X[span - 1, :], beta)
    recresid[span - 1] = y[span - 1] - yhat_j
    recvar[span - 1] = 1 + np.dot(X[span - 1, :],
                                  np.dot(XTX_j, X[span - 1, :]))
    for j in range(span, nobs):
        x_j = X[j:j+1, :]
        y_j = y[j]

        # Prediction with previous beta
        resid_j = y_j - np.dot(x_j, beta)

        # Update
        XTXx_j = np.dot(XTX_j, x_j.T)
        f_t = 1 + np.dot(x_j, XTXx_j)
        XTX_j = XTX_j - np.dot(XTXx_j, XTXx_j.T) / f_t  # eqn 5.5.15

        beta = beta + (XTXx_j * resid_j / f_t).ravel()  # eqn 5.5.14
        recresid[j] = resid_j.item()
        recvar[j] = f_t.item()

    return recresid / np.sqrt(recvar)
# ---- harness (not part of the program) ----
ENTRY = "_recresid"


def inputs():
    # 300 observations of a harmonic regression (intercept, trend, annual
    # cosine and sine) with a level shift at t = 200; span = k = 4
    rng = np.random.default_rng(0)
    n = 300
    t = np.arange(n, dtype=np.float64)
    w = 2 * np.pi / 23.0
    X = np.column_stack((np.ones(n), t / n, np.cos(w * t), np.sin(w * t)))
    y = X @ np.array([0.3, 0.1, 0.05, -0.02]) + 0.01 * rng.standard_normal(n)
    y[200:] -= 0.08
    return (X, y, 4)
