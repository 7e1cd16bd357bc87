# Source: arviz-devs/arviz arviz/stats/stats_utils.py (stats_variance_1d, stats_variance_2d, histogram; at commit 0387ff72) with lazy_property, maybe_numba_fn, conditional_jit, numba_check and Numba from arviz/utils.py (at commit 029fb60c)
# Licence: Apache-2.0 (ArviZ, the project's LICENSE as published on GitHub)
# Notes: ArviZ's lazily jitted statistics helpers for MCMC diagnostics (Bayesian statistics): conditional_jit wraps each function in a maybe_numba_fn object whose lazy_property numba_fn calls importlib.import_module("numba").jit(**kwargs) on first use, and whose __call__ picks the jitted or the plain function from the class flag Numba.numba_flag (set at import from importlib.util.find_spec("numba")); stats_variance_1d (@conditional_jit) is a one-pass variance with a for loop over the array's items, integer accumulators that become floats and a ddof correction; stats_variance_2d (plain Python) calls it per row or per column; histogram (@conditional_jit(cache=True)) calls np.histogram with bins and range keywords and returns counts, densities and edges. Pasted: the imports those need (importlib, functools, numpy), the five utils definitions and the three stats_utils functions; left out: the rest of both modules (xarray, pandas, scipy and matplotlib users); the harness computes the within-chain variances (axis=1, ddof=1) and per-draw variances (axis=0) of 4 chains x 300 draws of a synthetic posterior, as ArviZ's rhat/ess code does, and the histogram of the pooled draws with 20 bins and with explicit edges
import importlib
import functools
import numpy as np


class lazy_property:  # pylint: disable=invalid-name
    """Used to load numba first time it is needed."""

    def __init__(self, fget):
        """Lazy load a property with `fget`."""
        self.fget = fget

        # copy the getter function's docstring and other attributes
        functools.update_wrapper(self, fget)

    def __get__(self, obj, cls):
        """Call the function, set the attribute."""
        if obj is None:
            return self

        value = self.fget(obj)
        setattr(obj, self.fget.__name__, value)
        return value


class maybe_numba_fn:  # pylint: disable=invalid-name
    """Wrap a function to (maybe) use a (lazy) jit-compiled version."""

    def __init__(self, function, **kwargs):
        """Wrap a function and save compilation keywords."""
        self.function = function
        self.kwargs = kwargs

    @lazy_property
    def numba_fn(self):
        """Memoized compiled function."""
        try:
            numba = importlib.import_module("numba")
            numba_fn = numba.jit(**self.kwargs)(self.function)
        except ImportError:
            numba_fn = self.function
        return numba_fn

    def __call__(self, *args, **kwargs):
        """Call the jitted function or normal, depending on flag."""
        if Numba.numba_flag:
            return self.numba_fn(*args, **kwargs)
        else:
            return self.function(*args, **kwargs)


def conditional_jit(_func=None, **kwargs):
    """Use numba's jit decorator if numba is installed.

    Notes
    -----
        If called without arguments  then return wrapped function.

        @conditional_jit
        def my_func():
            return

        else called with arguments

        @conditional_jit(nopython=True)
        def my_func():
            return

    """
    if _func is None:
        return lambda fn: functools.wraps(fn)(maybe_numba_fn(fn, **kwargs))
    else:
        lazy_numba = maybe_numba_fn(_func, **kwargs)
        return functools.wraps(_func)(lazy_numba)


def numba_check():
    """Check if numba is installed."""
    numba = importlib.util.find_spec("numba")
    return numba is not None


class Numba:
    """A class to toggle numba states."""

    numba_flag = numba_check()

    @classmethod
    def disable_numba(cls):
        """To disable numba."""
        cls.numba_flag = False

    @classmethod
    def enable_numba(cls):
        """To enable numba."""
        if numba_check():
            cls.numba_flag = True
        else:
            raise ValueError("Numba is not installed")


@conditional_jit
def stats_variance_1d(data, ddof=0):
    a_a, b_b = 0, 0
    for i in data:
        a_a = a_a + i
        b_b = b_b + i * i
    var = b_b / (len(data)) - ((a_a / (len(data))) ** 2)
    var = var * (len(data) / (len(data) - ddof))
    return var


def stats_variance_2d(data, ddof=0, axis=1):
    if data.ndim == 1:
        return stats_variance_1d(data, ddof=ddof)
    a_a, b_b = data.shape
    if axis == 1:
        var = np.zeros(a_a)
        for i in range(a_a):
            var[i] = stats_variance_1d(data[i], ddof=ddof)
        return var
    else:
        var = np.zeros(b_b)
        for i in range(b_b):
            var[i] = stats_variance_1d(data[:, i], ddof=ddof)
        return var


@conditional_jit(cache=True)
def histogram(data, bins, range_hist=None):
    """Conditionally jitted histogram.

    Parameters
    ----------
    data : array-like
        Input data. Passed as first positional argument to ``np.histogram``.
    bins : int or array-like
        Passed as keyword argument ``bins`` to ``np.histogram``.
    range_hist : (float, float), optional
        Passed as keyword argument ``range`` to ``np.histogram``.

    Returns
    -------
    hist : array
        The number of counts per bin.
    density : array
        The density corresponding to each bin.
    bin_edges : array
        The edges of the bins used.
    """
    hist, bin_edges = np.histogram(data, bins=bins, range=range_hist)
    hist_dens = hist / (hist.sum() * np.diff(bin_edges))
    return hist, hist_dens, bin_edges
# ---- harness (not part of the program) ----
ENTRY = "run_diagnostics"


def run_diagnostics(samples, edges):
    within = stats_variance_2d(samples, ddof=1, axis=1)
    across = stats_variance_2d(samples, ddof=0, axis=0)
    pooled = stats_variance_2d(samples.ravel(), ddof=1)
    h1 = histogram(samples.ravel(), 20)
    h2 = histogram(samples.ravel(), edges)
    return within, across, pooled, h1, h2


def inputs():
    rng = np.random.default_rng(0)
    # 4 chains x 300 draws, slightly different chain means
    samples = rng.standard_normal((4, 300)) + np.array([[0.0], [0.1], [-0.05], [0.2]])
    edges = np.linspace(-4.0, 4.0, 17)
    return (samples, edges)
