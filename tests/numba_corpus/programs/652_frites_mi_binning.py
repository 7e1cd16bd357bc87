# Source: brainets/frites frites/core/mi_bin_ephy.py, frites/utils/wrapper.py, frites/config.py, frites/io/io_dependencies.py (at commit 0ea9aaac)
# Licence: BSD-3-Clause (frites, LICENSE; Copyright (c) 2019, BraiNets)
# Notes: mutual information by binning from frites, the BraiNets toolbox for information-based analysis of neurophysiological data. mi_bin_ephy.py is pasted whole: the low-level kernels compiled eagerly through frites' own jit wrapper (numba.jit with a signature string such as "f4(f4[:])" or "i8[:,:](f4[:], f4[:], i8, i8)", passed as signature_or_function=..., with nopython, nogil, fastmath and cache all True): entropy of a probability vector (an assert on its range, a chained `x_min == x_max == 0` test returning np.float32(0.), x[np.nonzero(x)], np.log2), a 1-D histogram by np.histogram(x, bins=bins)[0], a hand-written 2-D histogram with chained `0 <= i < bins_x` bounds, mi_bin (bins_y == 0 replaced by len(np.unique(y)), int64 counts divided into probabilities, .astype(np.float32), .ravel()), the conditional mi_bin_ccd over the unique values of z with enumerate and boolean masks, their per-time-point loops, and the plain-Python ffx/rfx drivers that call them on x[:, 0, :] views and masked subject selections. wrapper.py's imports are replaced by what they name: config.CONFIG['USE_NUMBA'] is the True of frites/config.py (the rest of that file, which imports mne, left out) and is_numba_installed is pasted from io_dependencies.py; the `from frites.utils.wrapper import jit` line of mi_bin_ephy.py is dropped since jit is defined above it. The harness draws 3 subjects x 40 trials of a 6-time-point signal correlated with a continuous regressor (fixed seed), a 3-level discrete variable, and calls every kernel and driver in ffx and rfx form
import numpy as np
import logging


# ---- frites/config.py (the USE_NUMBA setting) ----
CONFIG = dict()
CONFIG['USE_NUMBA'] = True


class config:  # stands for the `frites.config` module
    CONFIG = CONFIG


# ---- frites/io/io_dependencies.py (is_numba_installed) ----
def is_numba_installed(raise_error=False):
    """Test if numba is installed."""
    try:
        import numba  # noqa
        is_installed = True
    except ImportError:
        is_installed = False
    # Raise error (if needed) :
    if raise_error and not is_installed:
        raise IOError("numba not installed. See http://numba.pydata.org/ for "
                      "installation instructions.")
    return is_installed


# ---- frites/utils/wrapper.py ----
"""Wrapping functions."""

###############################################################################
# Numba wrapper

if config.CONFIG['USE_NUMBA'] and is_numba_installed():
    import numba
    def jit(signature=None, nopython=True, nogil=True, fastmath=True,  # noqa
            cache=True, **kwargs):
            return numba.jit(signature_or_function=signature, cache=cache,
                             nogil=nogil, fastmath=fastmath, nopython=nopython,
                             **kwargs)
else:
    def jit(*args, **kwargs):  # noqa
        def _jit(func):
            return func
        return _jit


# ---- frites/core/mi_bin_ephy.py ----
"""Mutual information using binnings.

All the functions inside this file can be compiled using Numba.
"""

logger = logging.getLogger('frites')


###############################################################################
###############################################################################
#                        LOW-LEVEL CORE FUNCTIONS
###############################################################################
###############################################################################
"""
This first part contains functions for computing the mutual information using
binning method. In particular it redefines sub-functions that can be compiled
using Numba (e.g histogram 1D and 2D).
"""


@jit("f4(f4[:])")
def entropy(x):
    """Compute the entropy of a continuous variable.

    Parameters
    ----------
    x : array_like
        Distribution of probabilities of shape (N,) and of type np.float32

    Returns
    -------
    entr : np.float32
        Entropy of the distribution
    """
    x_max, x_min = x.max(), x.min()
    assert (x_min >= 0) and (x_max <= 1)
    if x_min == x_max == 0:
        return np.float32(0.)
    # Take only non-zero values as log(0) = 0 :
    nnz_x = x[np.nonzero(x)]
    entr = -np.sum(nnz_x * np.log2(nnz_x))

    return entr


@jit("i8[:](f4[:], i8)")
def histogram(x, bins):
    """Compute the histogram of a continuous row vector.

    Parameters
    ----------
    x : array_like
        Vector array of shape (N,) and of type np.float32
    bins : int64
        Number of bins

    Returns
    -------
    hist : array_like
        Vector array of shape (bins,) and of type int64
    """
    hist = np.histogram(x, bins=bins)[0]
    return hist


@jit("i8[:,:](f4[:], f4[:], i8, i8)")
def histogram2d(x, y, bins_x, bins_y):
    """Histogram 2d between two continuous row vectors.

    Parameters
    ----------
    x : array_like
        Vector array of shape (N,) and of type np.float32
    y : array_like
        Vector array of shape (N,) and of type np.float32
    bins_x, bins_y : int64
        Number of bins respectively for the x and y variables

    Returns
    -------
    hist : array_like
        Array of shape (bins, bins) and of type int64
    """
    # x-range
    x_max, x_min = x.max(), x.min()
    delta_x = 1 / ((x_max - x_min) / bins_x)
    # y-range
    y_max, y_min = y.max(), y.min()
    delta_y = 1 / ((y_max - y_min) / bins_y)
    # compute histogram 2d
    xy_bin = np.zeros((np.int64(bins_x), np.int64(bins_y)), dtype=np.int64)
    for t in range(len(x)):
        i = (x[t] - x_min) * delta_x
        j = (y[t] - y_min) * delta_y
        if 0 <= i < bins_x and 0 <= j < bins_y:
            xy_bin[int(i), int(j)] += 1
    return xy_bin


@jit("f4(f4[:], f4[:], i8, i8)")
def mi_bin(x, y, bins_x, bins_y):
    """Mutual information between two arrays I(X; Y) using binning.

    Parameters
    ----------
    x : array_like
        Vector array of shape (N,) and of type np.float32
    y : array_like
        Vector array of shape (N,) and of type np.float32
    bins_x, bins_y : int64
        Number of bins respectively for the x and y variables

    Returns
    -------
    i : np.float32
        The mutual information of type float32
    """
    if bins_y == 0:
        bins_y = len(np.unique(y))
    # compute probabilities
    p_x = histogram(x, bins_x)
    p_y = histogram(y, bins_y)
    p_xy = histogram2d(x, y, bins_x, bins_y)
    p_x = p_x / p_x.sum()
    p_y = p_y / p_y.sum()
    p_xy = p_xy / p_xy.sum()
    # compute entropy
    h_x = entropy(p_x.astype(np.float32))
    h_y = entropy(p_y.astype(np.float32))
    h_xy = entropy(p_xy.ravel().astype(np.float32))
    # compute mutual information
    i = h_x + h_y - h_xy

    return i


@jit("f4(f4[:], f4[:], f4[:], i8)")
def mi_bin_ccd(x, y, z, bins):
    """Compute the conditional mutual information I(X; Y | Z) using binning.

    Parameters
    ----------
    x, y, z : array_like
        Vector arrays of shape (N,) and of type np.float32
    bins : int64
        Number of bins

    Returns
    -------
    cmi : np.float32
        The conditional mutual information of type float32
    """
    # get unique z elements
    z_u = np.unique(z)
    n_z = len(z_u)
    # compute mi for each elements of z
    pz = np.zeros((np.int64(n_z)), dtype=np.float32)
    icond = np.zeros((np.int64(n_z)), dtype=np.float32)
    for n_k, k in enumerate(z_u):
        idx_z = z == k
        pz[n_k] = idx_z.sum()
        _x, _y = x[idx_z], y[idx_z]
        icond[n_k] = mi_bin(_x, _y, bins, bins)
    # conditional mutual information
    pz /= len(z)
    cmi = np.sum(pz * icond)

    return cmi


###############################################################################
###############################################################################
#                         MID-LEVEL CORE FUNCTIONS
###############################################################################
###############################################################################
"""
This second part defines mid level core mi functions mainly to speed up
computations on arrays that have a time dimension.
"""


@jit("f4[:](f4[:,:], f4[:], i8, i8)")
def mi_bin_time(x, y, bins_x, bins_y):
    """Compute the MI between two variables across time.

    Parameters
    ----------
    x : array_like
        Array of data of shape (n_times, n_trials)
    y : array_like
        Regressor array of shape (n_trials)
    bins_x, bins_y : int64
        Number of bins respectively for the x and y variables

    Returns
    -------
    mi : array_like
        Array of mutual information of shape (n_times)
    """
    n_times, n_trials = x.shape
    mi = np.zeros((n_times), dtype=np.float32)
    for t in range(n_times):
        mi[t] = mi_bin(x[t, :], y, bins_x, bins_y)
    return mi


@jit("f4[:](f4[:,:], f4[:], f4[:], i8)")
def mi_bin_ccd_time(x, y, z, bins):
    """Compute the MI between two variables across time.

    Parameters
    ----------
    x : array_like
        Array of data of shape (n_times, n_trials)
    y : array_like
        Regressor array of shape (n_trials)
    z : array_like
        Conditional array of shape (n_trials)
    bins : int64
        Number of bins

    Returns
    -------
    cmi : array_like
        Array of conditional mutual information of shape (n_times)
    """
    n_times, n_trials = x.shape
    mi = np.zeros((n_times), dtype=np.float32)
    for t in range(n_times):
        mi[t] = mi_bin_ccd(x[t, :], y, z, bins)
    return mi

###############################################################################
###############################################################################
#                        HIGH-LEVEL CORE FUNCTIONS
###############################################################################
###############################################################################
"""
This final part defines high level functions for computing the mutual
information on electrophysiological data organized as (n_times, 1, n_trials)
"""


def mi_bin_ephy_cc(x, y, z, suj, inference, n_bins=8, **kwargs):
    """Compute mi using binning on neurophysiological data.

    This function compute the mi between two continuous variables using
    binning method either for ffx or rfx.
    """
    # float32 conversion
    x = x.astype(np.float32)
    y = y.astype(np.float32)
    # proper shape of the regressor
    n_times, _, n_trials = x.shape
    # compute mi across (ffx) or per subject (rfx)
    if inference == 'ffx':
        mi = mi_bin_time(x[:, 0, :], y[:, 0], n_bins, n_bins).reshape(1, -1)
    elif inference == 'rfx':
        # get subject informations
        suj_u = np.unique(suj)
        n_subjects = len(suj_u)
        # compute mi per subject
        mi = np.zeros((n_subjects, n_times), dtype=float)
        for n_s, s in enumerate(suj_u):
            is_suj = suj == s
            mi[n_s, :] = mi_bin_time(x[:, 0, is_suj], y[is_suj, 0], n_bins,
                                     n_bins).reshape(1, -1)

    return mi


def mi_bin_ephy_cd(x, y, z, suj, inference, n_bins=8, **kwargs):
    """Compute mi using binning on neurophysiological data.

    This function compute the mi between a continuous and a discret variables
    using binning method either for ffx or rfx.
    """
    # float32 conversion
    x = x.astype(np.float32)
    y = y.astype(np.float32)
    # proper shape of the regressor
    n_times, _, n_trials = x.shape
    # get the number of bins for the y variable
    bins_y = len(np.unique(y))
    # compute mi across (ffx) or per subject (rfx)
    if inference == 'ffx':
        mi = mi_bin_time(x[:, 0, :], y[:, 0], n_bins, bins_y).reshape(1, -1)
    elif inference == 'rfx':
        # get subject informations
        suj_u = np.unique(suj)
        n_subjects = len(suj_u)
        # compute mi per subject
        mi = np.zeros((n_subjects, n_times), dtype=float)
        for n_s, s in enumerate(suj_u):
            is_suj = suj == s
            mi[n_s, :] = mi_bin_time(x[:, 0, is_suj], y[is_suj, 0], n_bins,
                                     bins_y).reshape(1, -1)
    return mi


def mi_bin_ephy_ccd(x, y, z, suj, inference, n_bins=8, **kwargs):
    """Compute cmi using binning on neurophysiological data.

    This function compute the cmi between two continuous variables conditioned
    on a third using binning method either for ffx or rfx.
    """
    # float32 conversion
    x = x.astype(np.float32)
    y = y.astype(np.float32)
    z = z.astype(np.float32)
    # proper shape of the regressor
    n_times, _, n_trials = x.shape
    # compute mi across (ffx) or per subject (rfx)
    if inference == 'ffx':
        mi = mi_bin_ccd_time(x[:, 0, :], y[:, 0], z[:, 0],
                             n_bins).reshape(1, -1)
    elif inference == 'rfx':
        # get subject informations
        suj_u = np.unique(suj)
        n_subjects = len(suj_u)
        # compute mi per subject
        mi = np.zeros((n_subjects, n_times), dtype=float)
        for n_s, s in enumerate(suj_u):
            is_suj = suj == s
            mi[n_s, :] = mi_bin_ccd_time(x[:, 0, is_suj], y[is_suj, 0],
                                         z[is_suj, 0], n_bins).reshape(1, -1)
    return mi


# ---- harness (not part of the program) ----
ENTRY = "frites_mi_binning"


def frites_mi_binning(x, y, yd, z, suj):
    x32 = x[:, 0, :].astype(np.float32)
    y32 = y[:, 0].astype(np.float32)
    z32 = z[:, 0].astype(np.float32)
    p = np.array([0.0, 0.25, 0.5, 0.25], dtype=np.float32)
    out = {
        "entropy": entropy(p),
        "entropy_zero": entropy(np.zeros(4, dtype=np.float32)),
        "histogram": histogram(x32[0], 6),
        "histogram2d": histogram2d(x32[0], y32, 5, 4),
        "mi_bin": mi_bin(x32[1], y32, 6, 6),
        "mi_bin_auto_y": mi_bin(x32[1], yd[:, 0].astype(np.float32), 6, 0),
        "mi_bin_ccd": mi_bin_ccd(x32[2], y32, z32, 4),
        "mi_bin_time": mi_bin_time(x32, y32, 8, 8),
        "mi_bin_ccd_time": mi_bin_ccd_time(x32, y32, z32, 4),
        "cc_ffx": mi_bin_ephy_cc(x, y, None, suj, 'ffx'),
        "cc_rfx": mi_bin_ephy_cc(x, y, None, suj, 'rfx', n_bins=5),
        "cd_ffx": mi_bin_ephy_cd(x, yd, None, suj, 'ffx'),
        "cd_rfx": mi_bin_ephy_cd(x, yd, None, suj, 'rfx', n_bins=4),
        "ccd_ffx": mi_bin_ephy_ccd(x, y, z, suj, 'ffx', n_bins=4),
        "ccd_rfx": mi_bin_ephy_ccd(x, y, z, suj, 'rfx', n_bins=3),
    }
    return out


def inputs():
    rng = np.random.default_rng(0)
    n_times, n_trials = 6, 120
    y = rng.normal(size=(n_trials, 1))
    coupling = np.linspace(0.0, 2.0, n_times)[:, None]
    x = (coupling * y[:, 0][None, :] + rng.normal(size=(n_times, n_trials)))[:, None, :]
    yd = (np.arange(n_trials) % 3).astype(np.float64)[:, None]
    x = x + 0.8 * yd[:, 0][None, None, :] * (np.arange(n_times) % 2)[:, None, None]
    z = ((np.arange(n_trials) // 5) % 3).astype(np.float64)[:, None]
    suj = np.repeat(np.arange(3), n_trials // 3)
    return (x, y, yd, z, suj)
