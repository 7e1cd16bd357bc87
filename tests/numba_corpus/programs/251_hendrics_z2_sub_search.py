# Source: StingraySoftware/HENDRICS hendrics/efsearch.py (at commit 00b6b1d9); njit comes through hendrics/base.py from hendrics/compat/compatibility.py, which imports it from numba
# Licence: BSD-3-Clause (HENDRICS, LICENSE.rst; Copyright (c) 2014-2015, Matteo Bachetti)
# Notes: the core of HENDRICS' transient pulsation search (what _transient_search_step runs on the folded 2-D histogram of photon phases and times): _average_and_z_sub_search (@njit()) keeps a power-of-two number of sub-profiles (int(2 ** np.log2(nprof)) and a slice of the 2-D array), builds the bin phases with 2 * np.pi * np.arange(0, 1, 1 / nbin) and the averaging lengths with 2 ** np.arange(n_log_ave_max) (an integer array power), and for every averaging length sums consecutive groups of profiles with np.sum(..., axis=0), skips empty groups, computes the Z^2_n statistic of the summed profile with the jitted z_n_fast (called with keyword arguments norm= and n=) and writes it into a slice of the (log2 nprof) x nprof result table; z_n_fast (@njit(fastmath=True)) accumulates the harmonics k = 1..n with a running phase array kph += phase, squared sums of np.cos/np.sin weighted by the profile, and a result started as the integer 0. The function returns the tuple (n_ave, results). Only these two functions are pasted (in the file's order), with `from numba import njit` for the package's import chain; left out: the rest of efsearch.py (the plain-Python search drivers, plotting, the command-line mains, the other jitted helpers) and its imports (astropy, stingray, the package's io and base modules)
import numpy as np
from numba import njit


@njit(fastmath=True)
def z_n_fast(phase, norm, n=2):
    """Z^2_n statistics, a` la Buccheri+03, A&A, 128, 245, eq. 2.

    Here in a fast implementation based on numba.
    Assumes that nbin != 0 and norm is an array.

    Parameters
    ----------
    phase : array of floats
        The phases of the events, in terms of 2PI
    norm : float or array of floats
        A normalization factor that gets multiplied as a weight.
    n : int, default 2
        The ``n`` in $Z^2_n$.

    Returns
    -------
    z2_n : float
        The Z^2_n statistics of the events.

    Examples
    --------
    >>> phase = 2 * np.pi * np.arange(0, 1, 0.01)
    >>> norm = np.sin(phase) + 1
    >>> np.isclose(z_n_fast(phase, norm, n=4), 50)
    True
    >>> np.isclose(z_n_fast(phase, norm, n=2), 50)
    True
    """

    total_norm = np.sum(norm)

    result = 0
    # Instead of calculating k phi each time
    kph = np.zeros_like(phase)

    for k in range(1, n + 1):
        kph += phase
        result += (
            np.sum(np.cos(kph) * norm) ** 2 + np.sum(np.sin(kph) * norm) ** 2
        )

    return 2 / total_norm * result


@njit()
def _average_and_z_sub_search(profiles, n=2):
    """Z^2_n statistics calculated in sub-profiles.

    Parameters
    ----------
    profiles : array of arrays
        a M x N matrix containing a list of pulse profiles
    nbin : int
        The number of bins in the profiles.
    Returns
    -------
    z2_n : float array (MxM)
        The Z^2_n statistics of the events.

    Examples
    --------
    >>> phase = 2 * np.pi * np.arange(0, 1, 0.01)
    >>> norm = np.sin(phase) + 1
    >>> profiles = np.ones((16, len(norm)))
    >>> profiles[8] = norm
    >>> n_ave, results = _average_and_z_sub_search(profiles, n=2)
    >>> np.isclose(results[0, 8], 50)
    True
    >>> np.isclose(results[1, 8], 50/2)
    True
    >>> np.isclose(results[2, 8], 50/4)
    True
    >>> np.isclose(results[3, 8], 50/8)
    True
    """
    nprof = len(profiles)
    # Only use powers of two
    nprof = int(2 ** np.log2(nprof))
    profiles = profiles[:nprof]

    nbin = len(profiles[0])

    n_log_ave_max = int(np.log2(nprof))

    results = np.zeros((n_log_ave_max, nprof))

    twopiphases = 2 * np.pi * np.arange(0, 1, 1 / nbin)

    n_ave = 2 ** np.arange(n_log_ave_max)

    for ave_i in range(len(n_ave)):
        n_ave_i = n_ave[ave_i]
        shape_0 = int(profiles.shape[0] / n_ave_i)
        # new_profiles = np.zeros((shape_0, profiles.shape[1]))
        for i in range(shape_0):
            new_profiles = np.sum(
                profiles[i * n_ave_i : (i + 1) * n_ave_i], axis=0
            )

            # Work around strange numba bug. Will reinstate np.max when it's
            # solved
            if np.sum(new_profiles) == 0:
                continue

            z = z_n_fast(twopiphases, norm=new_profiles, n=n)
            results[ave_i, i * n_ave_i : (i + 1) * n_ave_i] = z

    return n_ave, results

# ---- harness (not part of the program) ----
ENTRY = "_average_and_z_sub_search"


def inputs():
    # what _transient_search_step hands over for nbin=16, nprof=64, n=2: the
    # transposed 2-D histogram of (phase, time) of the photons, i.e. 64
    # consecutive pulse profiles of 16 phase bins each (float counts); a
    # faint sinusoidal pulsation switches on in profiles 24..39, and two
    # profiles are empty (a gap in the data, which the search skips)
    rng = np.random.default_rng(0)
    nprof, nbin = 64, 16
    phases = np.arange(nbin) / nbin
    rate = np.full((nprof, nbin), 3.0)
    rate[24:40] += 2.5 * (1 + np.cos(2 * np.pi * (phases - 0.3)))
    profiles = rng.poisson(rate).astype(np.float64)
    profiles[50:52] = 0.0
    return (profiles, 2)
