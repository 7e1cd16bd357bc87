# Source: mne-tools/mne-features mne_features/utils.py (_idxiter, _embed; at commit 06ab6c15) with mne_features/mock_numba.py (at commit 13933216)
# Licence: BSD-3-Clause (mne-features, the files' headers: "License: BSD 3 clause"; Jean-Baptiste Schiratti, Alexandre Gramfort)
# Notes: helpers of mne-features, the feature-extraction package for EEG/MEG signals of the MNE ecosystem (neuroscience / signal processing): _idxiter is a jitted generator (@nb.jit() with no options, nb being numba imported through mock_numba, which falls back to a Bunch of mock types and an identity jit when numba is missing) that yields (pos, i, j) tuples enumerating the upper-triangular (or full) index pairs of an n x n matrix, with `range(i * int(triu), n)` (a bool converted with int) and a continue on the diagonal; _embed (plain NumPy) builds the time-delay embedding as a strided view with np.lib.stride_tricks.as_strided after clamping tau with a warning. Pasted: mock_numba.py whole, and from utils.py the imports these two functions use (math.floor, warnings.warn, numpy; pywt, mne.filter and mne.time_frequency left out: not installed and not used by them) and the two functions; the harness lists the generator's output for n = 1, 2 and 6 with triu / include_diag combinations (as the bivariate feature functions loop over channel pairs), and embeds a 3-channel, 50-sample signal with d = 3 at tau = 2 and at a tau above tau_max
"""Mock Numba and let mne-features work on any system."""

# Author: Jean-Baptiste Schiratti <jean.baptiste.schiratti@gmail.com>
#         Alexandre Gramfort <alexandre.gramfort@inria.fr>
# License: BSD 3 clause

try:
    import numba as nb
except ImportError as err:
    print('{}. Your code will be slower.'.format(err))

    class Bunch(dict):
        """Dictionnary-like object that exposes its keys as attributes."""

        def __init__(self, **kwargs):  # noqa: D102
            dict.__init__(self, kwargs)
            self.__dict__ = self

    class MockType(object):
        def __getitem__(self, slice):
            return self

        def __call__(self, *args, **kwargs):
            return

    nb = Bunch()
    nb.int32 = MockType()
    nb.int64 = MockType()
    nb.float32 = MockType()
    nb.float64 = MockType()
    nb.optional = MockType()
    nb.boolean = MockType()

    def jit(*args, **kwargs):
        def identity(ob):
            return ob
        return identity

    nb.jit = jit


from math import floor
from warnings import warn

import numpy as np


@nb.jit()
def _idxiter(n, triu=True, include_diag=False):
    """Enumeration of the upper-triangular part of a squre matrix.

    Utility function to generate an enumeration (C-order) of the pairs of
    indices (i,j) corresponding to the upper triangular part of a (n, n) array.

    Parameters
    ----------
    n : int

    triu : bool (default: True)
        If True, the returned generator is an enumeration of the upper
        triangular part of a (n, n) array. If False, it is an enumeration of
        all the entries in the array (except for diagonal entries if
        ``include_diag`` is False).

    include_diag : bool (default: False)
        If False, the pairs of indices corresponding to the diagonal are
        removed.

    Returns
    -------
    generator
    """
    pos = -1
    for i in range(n):
        for j in range(i * int(triu), n):
            if not include_diag and i == j:
                continue
            else:
                pos += 1
                yield pos, i, j


def _embed(x, d, tau):
    """Time-delay embedding.

    Parameters
    ----------
    x : ndarray, shape (n_channels, n_times)

    d : int
        Embedding dimension.
        The embedding dimension ``d`` should be greater than 2.

    tau : int
        Delay.
        The delay parameter ``tau`` should be less or equal than
        ``floor((n_times - 1) / (d - 1))``.

    Returns
    -------
    output : ndarray, shape (n_channels, n_times - (d - 1) * tau, d)
    """
    tau_max = floor((x.shape[1] - 1) / (d - 1))
    if tau > tau_max:
        warn('The given value (%s) for the parameter `tau` exceeds '
             '`tau_max = floor((n_times - 1) / (d - 1))`. Using `tau_max` '
             'instead.' % tau)
        _tau = tau_max
    else:
        _tau = int(tau)
    x = x.copy()
    X = np.lib.stride_tricks.as_strided(
        x, (x.shape[0], x.shape[1] - d * _tau + _tau, d),
        (x.strides[-2], x.strides[-1], x.strides[-1] * _tau))
    return X
# ---- harness (not part of the program) ----
ENTRY = "run_helpers"


def run_helpers(x):
    import warnings as _w
    pairs = []
    for n in (1, 2, 6):
        for triu in (True, False):
            for include_diag in (False, True):
                pairs.append(list(_idxiter(n, triu, include_diag)))
    pairs.append(list(_idxiter(4)))
    with _w.catch_warnings():
        _w.simplefilter("ignore")
        e1 = np.array(_embed(x, 3, 2))
        e2 = np.array(_embed(x, 3, 40))
    return pairs, e1, e2


def inputs():
    rng = np.random.default_rng(0)
    x = np.cumsum(rng.standard_normal((3, 50)), axis=1)
    return (x,)
