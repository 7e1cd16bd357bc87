# Source: braindatalab/PyBispectra src/pybispectra/utils/_process.py and src/pybispectra/utils/utils.py (both at commit 1a574962)
# Licence: MIT (PyBispectra, pyproject.toml at commit 0351ae80: classifier "License :: OSI Approved :: MIT License"; Thomas Samuel Binns)
# Notes: the per-epoch bispectrum B(f1, f2) = X_k(f1) X_m(f2) conj(X_n(f1 + f2)) of one seed-target channel pair, from which PyBispectra computes phase-amplitude coupling and time-delay estimates of electrophysiology signals (signal processing, EEG/MEG time series): _compute_bispectrum (@njit) allocates a 4-D complex128 result with np.full(..., fill_value=np.nan), loops with enumerate over the f1 and f2 frequency arrays, tests float membership `(f2 + f1) in freqs` on an array, looks up the three frequency bins with the jitted fast_find_first (enumerate with an early return, a ValueError if absent), then unpacks each row of the integer kmn array into (k, m, n) inside enumerate and iterates the epochs of the 3-D complex FFT array with enumerate, multiplying complex coefficients with np.conjugate. Pasted: the numba and numpy imports, _compute_bispectrum from _process.py and fast_find_first from utils.py (which _process.py imports from pybispectra.utils) verbatim, with their type-annotated signatures (`float | int`); left out: the ABC-based _ProcessBase/_ProcessBispectra classes and the results, FFT and plotting code of utils.py with their mne, pqdm, scipy and matplotlib imports. The harness passes what PAC._compute_bispectra passes for one connection: the FFT coefficients (20 epochs x 2 channels x 101 frequencies, complex128) of simulated signals sampled at 100 Hz, where a 10 Hz phase modulates a 30 Hz amplitude, freqs = linspace(0, 50, 101), f1s 5..15 Hz and f2s 15..40 Hz in 0.5 Hz steps, and kmn = [[0, 1, 1], [1, 0, 0]]
from numba import njit
import numpy as np


@njit
def _compute_bispectrum(
    data: np.ndarray,
    freqs: np.ndarray,
    f1s: np.ndarray,
    f2s: np.ndarray,
    kmn: np.ndarray,
) -> np.ndarray:
    """Compute the bispectrum for a single connection.

    Parameters
    ----------
    data : np.ndarray of float
    -   3D array of FFT coefficients with shape `[epochs x 2 x frequencies]`,
        where the second dimension contains the data for the seed and target
        channel of a single connection, respectively.

    freqs : np.ndarray of float
    -   1D array of frequencies in ``data``.

    f1s : np.ndarray of float
    -   1D array of low frequencies to compute bispectra for.

    f2s : np.ndarray of float
    -   1D array of high frequencies to compute bispectra for.

    kmn : np.ndarray of int
    -   1D array of 1D arrays of length 3, where each sub-array contains the k,
        m, and n channel indices in `data`, respectively, to compute the
        bispectrum for.

    Returns
    -------
    results : np.ndarray of complex float
    -   4D complex-valued array containing the bispectra of a single connection
        with shape `[kmn x epochs x f1 x f2]`, where the first dimension
        corresponds to the different channel indices given in ``kmn``.

    Notes
    -----
    -   Averaging across epochs is not performed here as :func:`np.mean` of
        complex numbers is not supported when compiling using Numba.
    -   No checks on the input data are performed for speed.
    """
    results = np.full(
        (len(kmn), data.shape[0], f1s.shape[0], f2s.shape[0]),
        fill_value=np.nan,
        dtype=np.complex128,
    )
    for f1_i, f1 in enumerate(f1s):
        for f2_i, f2 in enumerate(f2s):
            if f1 < f2 and (f2 + f1) in freqs:
                f1_loc = fast_find_first(freqs, f1)
                f2_loc = fast_find_first(freqs, f2)
                fdiff_loc = fast_find_first(freqs, f2 + f1)
                for kmn_i, (k, m, n) in enumerate(kmn):
                    for epoch_i, epoch_data in enumerate(data):
                        results[kmn_i, epoch_i, f1_i, f2_i] = (
                            epoch_data[k, f1_loc]
                            * epoch_data[m, f2_loc]
                            * np.conjugate(epoch_data[n, fdiff_loc])
                        )

    return results


@njit
def fast_find_first(vector: np.ndarray, value: float | int) -> int:
    """Quickly find the first index of a value in a 1D array using Numba.

    Parameters
    ----------
    vector : numpy.ndarray of float or int
        1D array to find ``value`` in.

    value : float | int
        value to find in ``vector``.

    Returns
    -------
    index : int
        First index of ``value`` in ``vector``.

    Notes
    -----
    Does not perform checks in inputs for speed.
    """
    for idx, val in enumerate(vector):
        if val == value:
            return idx
    raise ValueError("`value` is not present in `vector`.")
# ---- harness (not part of the program) ----
ENTRY = "_compute_bispectrum"


def inputs():
    # two channels, 20 one-second epochs at 100 Hz: a 10 Hz rhythm whose phase
    # drives the amplitude of a 30 Hz one, plus noise; Hanning-windowed FFT
    # as compute_fft returns it (positive frequencies, 0..50 Hz)
    rng = np.random.default_rng(0)
    sfreq, n_epochs, n_times = 100, 20, 200
    t = np.arange(n_times) / sfreq
    data = np.empty((n_epochs, 2, n_times))
    for e in range(n_epochs):
        ph = rng.uniform(0.0, 2 * np.pi)
        slow = np.sin(2 * np.pi * 10 * t + ph)
        fast = (1.0 + 0.8 * slow) * np.sin(2 * np.pi * 30 * t + rng.uniform(0.0, 2 * np.pi))
        data[e, 0] = slow + 0.5 * rng.standard_normal(n_times)
        data[e, 1] = fast + 0.5 * rng.standard_normal(n_times)
    freqs = np.linspace(0.0, sfreq / 2.0, int(sfreq) + 1)
    window = np.hanning(n_times)
    coeffs = np.fft.fft((data - data.mean(axis=-1, keepdims=True)) * window, n=n_times)
    coeffs = coeffs[..., : len(freqs)]
    f1s = freqs[10:31].copy()
    f2s = freqs[30:81].copy()
    kmn = np.array([[0, 1, 1], [1, 0, 0]])
    return (coeffs, freqs, f1s, f2s, kmn)
