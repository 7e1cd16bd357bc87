# Source: numbagg/numbagg numbagg/moving.py (+ the ndmoving machinery of numbagg/decorators.py, same commit, and cached_property from numbagg/cache.py, a later version)
# Licence: BSD-3-Clause (numbagg, LICENSE; Copyright (c) 2014-2018, Stephan Hoyer and Numbagg contributors; includes portions of Bottleneck)
# Notes: NaN-skipping exponentially weighted moving mean along the last axis of a 2-D array: the kernels are plain Python functions decorated with numbagg's @ndmoving([...signature tuples...], window_validator=...), which builds a NumbaNDMoving object whose cached_property `gufunc` compiles the kernel lazily with numba.guvectorize(self.signature, "(a),()->(a)", nopython=True) from numba type objects (float64[:], float64, float64[:]); __call__ validates the axis, np.moveaxis-es it to the end, runs the window validator and moves the result back; the kernel itself writes into `out`, tests NaN by `x == x`, and counts observations with int(bool); both kernels of moving.py are kept (move_nanmean is never compiled here); the `from .decorators import ndmoving` line is replaced by the decorators.py definitions it needs, and decorators.py's `from .cache import cached_property, FunctionCache` by cache.py's cached_property class; left out: decorators.py's ndreduce/groupndreduce classes, DEFAULT_REDUCE_SIGNATURE, FunctionCache and the `from .transform import rewrite_ndreduce` line, which only those use
import numpy as np
from numba import float64, int64


# ---- from numbagg/cache.py ----

class cached_property:
    """A property that is only computed once per instance and then replaces
    itself with an ordinary attribute. Deleting the attribute resets the
    property.

    Source:
    https://github.com/pydanny/cached-property
    https://github.com/bottlepy/bottle/commit/fa7733e075da0d790d809aa3d2f53071897e6f76
    """

    def __init__(self, func):
        self.__doc__ = getattr(func, "__doc__")
        self.func = func

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value


# ---- from numbagg/decorators.py ----

import numbers
import numba
import numpy as np


def _nd_func_maker(cls, arg, **kwargs):
    if callable(arg) and not kwargs:
        return cls(arg)
    else:
        return lambda func: cls(func, signature=arg, **kwargs)


def ndmoving(*args, **kwargs):
    """Create an N-dimensional moving window function along one dimension.

    Functions should accept arguments for the input array, a window
    size and the output array.

    For example, to write a simplified (and naively implemented) moving window
    sum::

        @ndmoving([
            (float64[:], int64, float64[:]),
        ])
        def move_sum(a, window, out):
            for i in range(a.size):
                for j in range(window):
                    if i - j > 0:
                        out[i] += a[i - j]

    The default validator for the window argument is between 1 and the array 
    length. Pass a function to ndmoving as `window_validator` for an 
    alternative validator
    """
    return _nd_func_maker(NumbaNDMoving, *args, **kwargs)


def _validate_axis(axis, ndim):
    """Helper function to convert axis into a non-negative integer, or raise if
    it's invalid.
    """
    if axis < 0:
        axis += ndim
    if axis < 0 or axis >= ndim:
        raise ValueError("invalid axis %s" % axis)
    return axis


def ndim(arg):
    return getattr(arg, "ndim", 0)


_ALPHABET = "abcdefghijkmnopqrstuvwxyz"


def _gufunc_arg_str(arg):
    return "(%s)" % ",".join(_ALPHABET[: ndim(arg)])


def gufunc_string_signature(numba_args):
    """Convert a tuple of numba types into a numpy gufunc signature.

    The last type is used as output argument.

    Example:

    >>> gufunc_string_signature((float64[:], float64))
    '(a)->()'
    """
    return (
        ",".join(map(_gufunc_arg_str, numba_args[:-1]))
        + "->"
        + _gufunc_arg_str(numba_args[-1])
    )


MOVE_WINDOW_ERR_MSG = "invalid window (not between 1 and %d, inclusive): %r"


def rolling_validator(arr, window):
    if (window < 1) or (window > arr.shape[-1]):
        raise ValueError(MOVE_WINDOW_ERR_MSG % (arr.shape[-1], window))


DEFAULT_MOVING_SIGNATURE = ((numba.float64[:], numba.int64, numba.float64[:]),)


class NumbaNDMoving(object):
    def __init__(self, func, signature=DEFAULT_MOVING_SIGNATURE,
                 window_validator=rolling_validator):
        self.func = func
        self.window_validator = window_validator

        for sig in signature:
            if not isinstance(sig, tuple):
                raise TypeError(
                    "signatures for ndmoving must be tuples: {}".format(signature)
                )
        self.signature = signature

    @property
    def __name__(self):
        return self.func.__name__

    def __repr__(self):
        return "<numbagg.decorators.NumbaNDMoving %s>" % self.__name__

    @cached_property
    def gufunc(self):
        gufunc_sig = gufunc_string_signature(self.signature[0])
        vectorize = numba.guvectorize(
            self.signature, gufunc_sig, nopython=True)
        return vectorize(self.func)

    def __call__(self, arr, window, axis=-1):
        axis = _validate_axis(axis, arr.ndim)
        arr = np.moveaxis(arr, axis, -1)
        self.window_validator(arr, window)
        result = self.gufunc(arr, window)
        return np.moveaxis(result, -1, axis)


# ---- numbagg/moving.py ----

def ewm_window_validator(arr, window):
    if (window < 0):
        raise ValueError("Com must be positive; currently {}".format(window))


@ndmoving([
    (float64[:], float64, float64[:]),
],
    window_validator=ewm_window_validator
)
def ewm_nanmean(a, com, out):

    N = len(a)
    if N == 0:
        return

    alpha = 1.0 / (1.0 + com)
    old_wt_factor = 1.0 - alpha
    new_wt = 1.0

    weighted_avg = a[0]
    is_observation = weighted_avg == weighted_avg
    nobs = int(is_observation)
    out[0] = weighted_avg
    old_wt = 1.0

    for i in range(1, N):
        cur = a[i]
        is_observation = cur == cur
        nobs += int(is_observation)
        if weighted_avg == weighted_avg:
            if is_observation:
                old_wt *= old_wt_factor

                # avoid numerical errors on constant series
                if weighted_avg != cur:
                    weighted_avg = ((old_wt * weighted_avg) + (new_wt * cur)) / (
                        old_wt + new_wt
                    )
                old_wt += new_wt
        elif is_observation:
            weighted_avg = cur

        out[i] = weighted_avg


@ndmoving([(float64[:], int64, float64[:])])
def move_nanmean(a, window, out):

    asum = 0.0
    count = 0
    for i in range(window - 1):
        ai = a[i]
        if ai == ai:
            asum += ai
            count += 1
        out[i] = np.nan
    i = window - 1
    ai = a[i]
    if ai == ai:
        asum += ai
        count += 1
    if count > 0:
        out[i] = asum / count
    else:
        out[i] = np.nan
    for i in range(window, len(a)):
        ai = a[i]
        if ai == ai:
            asum += ai
            count += 1
        aold = a[i - window]
        if aold == aold:
            asum -= aold
            count -= 1
        if count > 0:
            out[i] = asum / count
        else:
            out[i] = np.nan

# ---- harness (not part of the program) ----
ENTRY = "ewm_nanmean"


def inputs():
    # numbagg.ewm_nanmean(arr, com) on a (6, 400) float64 array with about
    # 10% NaNs (one row starting with a run of NaNs), com = 9.5 (span 20),
    # along the default last axis
    rng = np.random.default_rng(0)
    arr = np.cumsum(rng.standard_normal((6, 400)), axis=1)
    arr[rng.random(arr.shape) < 0.1] = np.nan
    arr[2, :15] = np.nan
    return (arr, 9.5)
