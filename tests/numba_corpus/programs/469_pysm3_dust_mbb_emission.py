# Source: galsci/pysm src/pysm3/models/dust.py (get_emission_numba, blackbody_ratio, blackbody_nu and the constants h, c, k_B; at commit 2ab9e232) with trapz_step_inplace from src/pysm3/utils/__init__.py (at commit 1ac2a027)
# Licence: BSD-3-Clause (PySM 3; pysm3/utils/__init__.py header: "Licensed under a 3-clause BSD style license - see LICENSE.rst")
# Notes: PySM's modified-black-body model of Galactic thermal dust emission for CMB foreground simulations (astronomy): get_emission_numba (@njit(parallel=True), no prange) allocates a (3, npix) output and a work array that aliases it when a single frequency is asked (a conditional expression picking np.zeros(...) or output), loops over enumerate(zip(freqs, weights)) with tuple unpacking, fills the I/Q/U rows of the 2-D work array with whole-row assignments, scales them in place with a per-pixel spectral index and temperature map (array ** array, temp[I] *= ...), loops `for P in [Q, U]` over a list literal, and integrates over the bandpass by calling utils.trapz_step_inplace (@njit, reached as an attribute of the utils module), which picks the trapezoid width from the step index and does output += 0.5 * m * weights[i] * delta_freq; blackbody_ratio and blackbody_nu (@njit) compute the Planck-law ratio with np.expm1 on arrays and module-level physical constants. Pasted: trapz_step_inplace (from pysm3.utils) with the module line `utils = sys.modules[__name__]` added so that `utils.trapz_step_inplace` resolves here, then get_emission_numba, blackbody_ratio, the constants and blackbody_nu from dust.py; h, c and k_B are astropy.constants values in the source (const.h.value etc.) and are written here as the CODATA 2018 numbers astropy returns; left out: the ModifiedBlackBody classes, astropy units and the decorrelation helpers; the harness evaluates a 3072-pixel (nside 16) IQU dust template with spatially varying index (about 1.54) and temperature (about 20 K) at a single frequency (353 GHz, reference 545 GHz) and integrated over an 11-point top-hat bandpass 90-110 GHz with trapezoid-normalized weights (the astropy Jy/sr-to-K_RJ weight conversion of normalize_weights left out)
import sys

import numpy as np
from numba import njit


@njit
def trapz_step_inplace(freqs, weights, i, m, output):
    """Execute a step of the trapezoidal rule and accumulate into output

    freqs : ndarray
        Frequency axis, generally in GHz, but doesn't matter as long as
        weights were normalized accordingly
    weights : ndarray
        Frequency bandpass response, normalized to unit integral (with trapz)
    i : integer
        Index of the current step in the arrays
    m : ndarray
        Emission evaluated at the current frequency to be accumulated
    output : ndarray
        Array where the integrated emission is accumulated.
    """
    # case for a single frequency, compensate for the .5 factor
    if i == 0 and len(freqs) == 1:
        delta_freq = 2
    # first step of the integration
    elif i == 0:
        delta_freq = freqs[1] - freqs[0]
    # last step
    elif i == (len(freqs) - 1):
        delta_freq = freqs[-1] - freqs[-2]
    # middle steps
    else:
        delta_freq = freqs[i + 1] - freqs[i - 1]
    output += 0.5 * m * weights[i] * delta_freq


utils = sys.modules[__name__]


@njit(parallel=True)
def get_emission_numba(
    freqs,
    weights,
    I_ref,
    Q_ref,
    U_ref,
    freq_ref_I,
    freq_ref_P,
    mbb_index,
    mbb_temperature,
):
    output = np.zeros((3, len(I_ref)), dtype=I_ref.dtype)
    temp = np.zeros((3, len(I_ref)), dtype=I_ref.dtype) if len(freqs) > 1 else output

    I, Q, U = 0, 1, 2
    for i, (freq, _weight) in enumerate(zip(freqs, weights)):
        temp[I, :] = I_ref
        temp[Q, :] = Q_ref
        temp[U, :] = U_ref
        if freq != freq_ref_I:
            # -2 because black body is in flux unit and not K_RJ
            temp[I] *= (freq / freq_ref_I) ** (mbb_index - 2.0)
            temp[I] *= blackbody_ratio(freq, freq_ref_I, mbb_temperature)
            freq_scaling_P = (freq / freq_ref_P) ** (mbb_index - 2.0) * blackbody_ratio(
                freq, freq_ref_P, mbb_temperature
            )
            for P in [Q, U]:
                temp[P] *= freq_scaling_P
        if len(freqs) > 1:
            utils.trapz_step_inplace(freqs, weights, i, temp, output)
    return output


@njit
def blackbody_ratio(freq_to, freq_from, temp):
    """Function to calculate the flux ratio between two frequencies for a
    blackbody at a given temperature.

    Parameters
    ----------
    freq_to: float
        Frequency to which to scale assuming black body SED.
    freq_from: float
        Frequency from which to scale assuming black body SED.
    temp: float
        Temperature of the black body.

    Returns
    -------
    float
        Black body ratio between `freq_to` and `freq_from` at temperature
        `temp`.
    """
    return blackbody_nu(freq_to, temp) / blackbody_nu(freq_from, temp)


h = 6.62607015e-34  # const.h.value
c = 299792458.0  # const.c.value
k_B = 1.380649e-23  # const.k_B.value


@njit
def blackbody_nu(freq, temp):
    """Calculate blackbody flux per steradian, :math:`B_{\\nu}(T)`.

    .. note::

        Use `numpy.errstate` to suppress Numpy warnings, if desired.

    .. warning::

        Output values might contain ``nan`` and ``inf``.

    Parameters
    ----------
    in_x : number, array-like, or `~astropy.units.Quantity`
        Frequency, wavelength, or wave number.
        If not a Quantity, it is assumed to be in Hz.

    temperature : number, array-like, or `~astropy.units.Quantity`
        Blackbody temperature.
        If not a Quantity, it is assumed to be in Kelvin.

    Returns
    -------
    flux : `~astropy.units.Quantity`
        Blackbody monochromatic flux in
        :math:`erg \\; cm^{-2} s^{-1} Hz^{-1} sr^{-1}`.

    Raises
    ------
    ValueError
        Invalid temperature.

    ZeroDivisionError
        Wavelength is zero (when converting to frequency).

    """

    log_boltz = h * freq * 1e9 / (k_B * temp)
    boltzm1 = np.expm1(log_boltz)

    # Calculate blackbody flux
    return 2.0 * h * (freq * 1e9) ** 3 / (c**2 * boltzm1)
# ---- harness (not part of the program) ----
ENTRY = "run_dust"


def run_dust(I_ref, Q_ref, U_ref, mbb_index, mbb_temperature):
    single = get_emission_numba(np.array([353.0]), np.array([1.0]), I_ref, Q_ref,
                                U_ref, 545.0, 353.0, mbb_index, mbb_temperature)
    freqs = np.linspace(90.0, 110.0, 11)
    weights = np.ones(len(freqs))
    weights = weights / np.trapz(weights, freqs)
    band = get_emission_numba(freqs, weights, I_ref, Q_ref, U_ref, 545.0, 353.0,
                              mbb_index, mbb_temperature)
    return single, band


def inputs():
    rng = np.random.default_rng(0)
    npix = 12 * 16 ** 2
    I_ref = np.abs(rng.lognormal(3.0, 1.0, npix))
    Q_ref = 0.05 * I_ref * rng.standard_normal(npix)
    U_ref = 0.05 * I_ref * rng.standard_normal(npix)
    mbb_index = 1.54 + 0.05 * rng.standard_normal(npix)
    mbb_temperature = 20.0 + 1.5 * rng.standard_normal(npix)
    return (I_ref, Q_ref, U_ref, mbb_index, mbb_temperature)
