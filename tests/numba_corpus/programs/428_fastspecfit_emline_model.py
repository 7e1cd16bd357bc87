# Source: desihub/fastspecfit py/fastspecfit/emline_fit/model.py (at commit 15a50aea), with MAX_SDEV from py/fastspecfit/emline_fit/utils.py (at commit 2cf2dd78) and C_LIGHT from py/fastspecfit/util.py (at commit 0158b1f9)
# Licence: BSD-3-Clause (FastSpecFit, LICENSE.rst: Copyright (c) 2014-2024, DESI Collaboration)
# Notes: the emission-line model of a galaxy spectrum in FastSpecFit's DESI spectral fitting (astronomy, spectroscopy): emline_model (@jit(nopython=True, nogil=True, cache=True)) splits the parameter vector into amplitudes, velocity shifts and widths with np.split(..., 3) and tuple unpacking, skips zero-amplitude lines with continue, and for each line calls emline_model_core, which redshifts the line, combines the intrinsic width with a Gaussian pre-convolution width in log-wavelength, finds the pixel range within MAX_SDEV widths with two np.searchsorted(..., side=...) calls on the log-wavelength grid, writes the Gaussian profile into a shared scratch buffer and returns a (lo, hi) int tuple (or (0, 0)); the caller accumulates model_fluxes[s:e] += bin_vals[:e-s]. Pasted: the numpy and numba (jit) imports, the C_LIGHT try/except definition of fastspecfit.util and the MAX_SDEV constant of emline_fit/utils.py (in place of their import lines), and emline_model and emline_model_core verbatim (left out: emline_perline_models and max_buffer_width, which emline_model does not call, and the rest of util.py and utils.py). The harness passes nine rest-frame optical lines ([O II] 3727/3730, H-gamma, [O III] 4364 with zero amplitude, H-beta, [O III] 4960/5008, H-alpha, [N II] 6585), their amplitudes, velocity shifts (km/s) and widths (km/s) concatenated into one float64 vector, the natural log of a DESI-like 0.8 Angstrom wavelength grid (3600-9824 Angstrom), redshift 0.3 and sigma_G = 0.4 Angstrom
import numpy as np

from numba import jit

try:  # this fails when building the documentation
    from scipy import constants
    C_LIGHT = constants.c / 1000.0  # [km/s]
except:
    C_LIGHT = 299792.458  # [km/s]

# Do not bother computing normal PDF/CDF if more than this many
# standard deviations from mean.
MAX_SDEV = 5.


@jit(nopython=True, nogil=True, cache=True)
def emline_model(line_wavelengths,
                 line_parameters,
                 log_obs_bin_centers,
                 redshift,
                 sigma_G):
    """Compute the Gaussian-convolved emission-line model at each observed pixel.

    Parameters
    ----------
    line_wavelengths : :class:`numpy.ndarray`
        Nominal rest-frame wavelengths of all fitted lines in Angstroms.
    line_parameters : :class:`numpy.ndarray`
        Concatenated array of amplitudes, velocity shifts, and sigmas for
        all lines.
    log_obs_bin_centers : :class:`numpy.ndarray`
        Natural logs of observed wavelength bin centers.
    redshift : float
        Redshift of the observed spectrum.
    sigma_G : float
        Gaussian pre-convolution width in Angstroms (must match the value
        used to build the deconvolved resolution matrix W).

    Returns
    -------
    :class:`numpy.ndarray`
        Model flux at each observed pixel center.

    """

    line_amplitudes, line_vshifts, line_sigmas = \
        np.split(line_parameters, 3)

    nbins = len(log_obs_bin_centers)
    model_fluxes = np.zeros(nbins, dtype=line_amplitudes.dtype)

    # temporary buffer for per-line calculations
    bin_vals = np.empty(nbins, dtype=line_amplitudes.dtype)

    for j in range(len(line_wavelengths)):

        if line_amplitudes[j] == 0.:
            continue

        s, e = emline_model_core(line_wavelengths[j],
                                 line_amplitudes[j],
                                 line_vshifts[j],
                                 line_sigmas[j],
                                 log_obs_bin_centers,
                                 redshift,
                                 sigma_G,
                                 bin_vals)

        model_fluxes[s:e] += bin_vals[:e-s]

    return model_fluxes


@jit(nopython=True, nogil=True, cache=True)
def emline_model_core(line_wavelength,
                      line_amplitude,
                      line_vshift,
                      line_sigma,
                      log_obs_bin_centers,
                      redshift,
                      sigma_G,
                      vals):
    """Compute the Gaussian-convolved flux of one spectral line at each pixel.

    Evaluates ``F_sigma(lambda_j) = A * (sigma/sigma_eff) * exp(-x_j^2 /
    (2*sigma_eff^2))`` at each pixel center ``lambda_j`` in the nonzero
    range, where ``sigma_eff = sqrt(sigma^2 + (sigma_G/lambda*)^2)`` accounts
    for the Gaussian pre-convolution that the deconvolved resolution matrix W
    expects as input.

    Parameters
    ----------
    line_wavelength : float
        Nominal rest-frame wavelength of the line in Angstroms.
    line_amplitude : float
        Amplitude of the line.
    line_vshift : float
        Velocity shift of the line in km/s.
    line_sigma : float
        Intrinsic Gaussian width of the line in km/s.
    log_obs_bin_centers : :class:`numpy.ndarray`
        Natural logs of observed wavelength pixel centers.
    redshift : float
        Redshift of the observed spectrum.
    sigma_G : float
        Gaussian pre-convolution width in Angstroms (must match the value
        used to build the deconvolved resolution matrix W).
    vals : :class:`numpy.ndarray`
        Output array in which nonzero pixel fluxes are written starting at
        ``vals[0]``.

    Returns
    -------
    s : int
        Index of the first pixel with nonzero flux.
    e : int
        One past the index of the last pixel with nonzero flux.
        ``vals[0:e-s]`` contains the fluxes. If ``s == e``, no nonzero
        fluxes were found.

    """

    # intrinsic line width in log-lambda units
    sigma = line_sigma / C_LIGHT

    # observed line center
    line_shift       = 1. + redshift + line_vshift / C_LIGHT
    shifted_line     = line_wavelength * line_shift
    log_shifted_line = np.log(shifted_line)

    # effective sigma in log-lambda after Gaussian pre-convolution;
    # sigma_G / lambda* converts the linear-space sigma to log-space
    sigma_G_log = sigma_G / shifted_line
    sigma_eff   = np.sqrt(sigma**2 + sigma_G_log**2)

    # amplitude factor A * (sigma / sigma_eff)
    amp_eff = line_amplitude * sigma / sigma_eff

    # find range of pixels where line is non-negligible
    lo = np.searchsorted(log_obs_bin_centers,
                         log_shifted_line - MAX_SDEV * sigma_eff,
                         side="left")
    hi = np.searchsorted(log_obs_bin_centers,
                         log_shifted_line + MAX_SDEV * sigma_eff,
                         side="right")

    if hi == 0 or lo == len(log_obs_bin_centers):
        return (0, 0)

    inv_2_sigma_eff_sq = 0.5 / sigma_eff**2

    for i in range(lo, hi):
        x = log_obs_bin_centers[i] - log_shifted_line
        vals[i - lo] = amp_eff * np.exp(-x**2 * inv_2_sigma_eff_sq)

    return (lo, hi)
# ---- harness (not part of the program) ----
ENTRY = "emline_model"


def inputs():
    # nine optical emission lines of a star-forming galaxy at z = 0.3 on a
    # DESI-like wavelength grid; [O III] 4364 switched off (amplitude 0)
    line_wavelengths = np.array([3727.092, 3729.874, 4341.684, 4364.436, 4862.683,
                                 4960.295, 5008.240, 6564.613, 6585.277])
    amplitudes = np.array([3.1, 4.0, 0.9, 0.0, 2.2, 1.3, 3.9, 6.5, 2.0])
    vshifts = np.array([10.0, 10.0, -5.0, 0.0, -5.0, 20.0, 20.0, -5.0, 15.0])
    sigmas = np.array([90.0, 90.0, 110.0, 80.0, 110.0, 85.0, 85.0, 110.0, 95.0])
    line_parameters = np.concatenate((amplitudes, vshifts, sigmas))
    wave = np.arange(3600.0, 9824.0, 0.8)
    log_obs_bin_centers = np.log(wave)
    return (line_wavelengths, line_parameters, log_obs_bin_centers, 0.3, 0.4)
