# Source: gbrammer/msaexp msaexp/resample_numba.py (at commit 0d201f65)
# Licence: MIT (msaexp, LICENSE; Copyright (c) 2022 Gabe Brammer)
# Notes: JWST/NIRSpec spectral modelling helpers: a high-resolution template resampled onto a spectrum's wavelength grid with a wavelength-dependent Gaussian line-spread function (two advancing window pointers over the sorted template grid, a slice object sl = slice(ilo, ihi) used to index two arrays, a Gaussian kernel integrated with the jitted trapezoid rule), pixel-integrated Gaussian and Lorentzian emission-line profiles (math.erf / math.atan differences across pixel edges, an np.gradient-like pixel width array), the emission line sampled at the resolution interpolated with np.interp at the line centre, Simpson's rule on an irregular grid and trapezoid coefficients; Numba features: @jit(nopython=True, fastmath=True, error_model="numpy") on every function, keyword defaults including dx=None tested with `is None` (and passed on explicitly from the caller), a bool flag selecting which jitted helper to call, `from math import erf, atan, pi as math_pi`, np.ones_like(x) * fill_value, slicing x[2:] - x[:-2], `continue`/`break` in a scan loop, (a) & (b) on scalar comparisons inside while conditions. Pasted: the module's imports it needs, CLIGHT, and simpson, trapz_dx, trapz, resample_template_numba, sample_gaussian_line_numba, pixel_integrated_gaussian_numba and pixel_integrated_lorentzian_numba as published; left out: the grizli import and INTERP_CONSERVE (interp_conserve_c) with integrate_filter which uses it, the __all__ list, and the IGM/dust-attenuation functions (another corpus program); the harness resamples a continuum-plus-lines template (1500 points, 0.9-5.2 um) onto a 70-pixel prism-like grid (R = 30 + 60 * lambda) with and without wavelength limits, samples a 2.1 um line as Gaussian and Lorentzian with dx=None and dx=0.02, and integrates with simpson/trapz/trapz_dx
import numpy as np
from numba import jit
from math import erf, atan, pow as _pow, pi as math_pi

CLIGHT = 299792458.0  # m/s


@jit(nopython=True, fastmath=True, error_model="numpy")
def simpson(y, x):
    """
    Simpson's rule integration by Mason Stoeker
    See: https://masonstoecker.com/2021/04/03/Simpson-and-Numba.html

    Parameters
    ----------
    y : array-like
        dependent variable

    x : array-like
        independent variable

    Returns
    -------
    result : float
        Numerical integral of y(x)

    """

    n = len(y) - 1
    h = np.zeros(n)
    for i in range(n):
        h[i] = x[i + 1] - x[i]

    n = len(h) - 1
    s = 0
    for i in range(1, n, 2):
        a = h[i] * h[i]
        b = h[i] * h[i - 1]
        c = h[i - 1] * h[i - 1]
        d = h[i] + h[i - 1]
        alpha = (2 * a + b - c) / h[i]
        beta = d * d * d / b
        gamma = (-a + b + 2 * c) / h[i - 1]
        s += alpha * y[i + 1] + beta * y[i] + gamma * y[i - 1]

    if (n + 1) % 2 == 0:
        alpha = h[n - 1] * (3 - h[n - 1] / (h[n - 1] + h[n - 2]))
        beta = h[n - 1] * (3 + h[n - 1] / h[n - 2])
        gamma = (
            -h[n - 1]
            * h[n - 1]
            * h[n - 1]
            / (h[n - 2] * (h[n - 1] + h[n - 2]))
        )
        return (s + alpha * y[n] + beta * y[n - 1] + gamma * y[n - 2]) / 6
    else:
        return s / 6


@jit(nopython=True, fastmath=True, error_model="numpy")
def trapz_dx(x):
    """
    Return trapezoid rule coefficients, useful for numerical integration
    using a dot product

    Parameters
    ----------
    x : array-like
        Independent variable

    Returns
    -------
    h : array_like
        Coefficients for trapezoidal rule integration.

    """
    N = len(x)

    h = np.zeros(N)
    h[0] = (x[1] - x[0]) / 2.0
    h0 = h[0]
    for i in range(1, N - 1):
        h1 = (x[i + 1] - x[i]) / 2.0
        h[i] = h0 + h1
        h0 = h1

    h[i - 1] = h[i - 2] / h1

    return h


@jit(nopython=True, fastmath=True, error_model="numpy")
def trapz(y, x):
    """
    Accelerated trapezoid rule integration

    Parameters
    ----------
    y : array-like
        dependent variable

    x : array-like
        independent variable

    Returns
    -------
    result : float
        Numerical integral of y(x)

    """
    N = len(x)

    h = (x[1] - x[0]) / 2.0
    result = y[0] * h
    h0 = h

    for i in range(1, N - 1):
        h1 = (x[i + 1] - x[i]) / 2.0
        result += y[i] * (h0 + h1)
        h0 = h1

    result += y[-1] * h1

    return result


@jit(nopython=True, fastmath=True, error_model="numpy")
def resample_template_numba(
    spec_wobs,
    spec_R_fwhm,
    templ_wobs,
    templ_flux,
    velocity_sigma=100,
    nsig=5,
    fill_value=0.0,
    wave_min=0.0,
    wave_max=1.0e6,
    left=0.0,
    right=0.0,
):
    """
    Resample a high resolution template/model on the wavelength grid of a
    spectrum with (potentially) wavelength dependent dispersion

    Parameters
    ----------
    spec_wobs : array-like
        Spectrum wavelengths

    spec_R_fwhm : array-like
        Spectral resolution `wave/d(wave)`, FWHM

    templ_wobs : array-like
        Template wavelengths, observed frame.  Same units as `spec_wobs`.
        **NB:** both `spec_wobs` and `templ_wobs` assumed to be sorted!

    templ_flux : array-like
        Template flux densities sampled at `templ_wobs`

    velocity_sigma : float
        Kinematic velocity width, km/s

    nsig : float
        Number of sigmas of the Gaussian convolution kernel to sample

    fill_value : float
        Value to fill in the resampled array where no template data is available

    wave_min : float
        Minimum wavelength to consider

    wave_max : float
        Maximum wavelength to consider

    left, right : float
        Fill values when wavelengths less (greater) than wave_min (wave_max)

    Returns
    -------
    resamp : array-like
        Template resampled at the `spec_wobs` wavelengths, convolved with a
        Gaussian kernel with sigma width

        >>> Rw = 1./np.sqrt((velocity_sigma/3.e5)**2 + 1./(spec_R_fwhm*2.35)**2)
        >>> dw = spec_wobs / Rw

    """
    dw = (
        np.sqrt(
            (velocity_sigma / 3.0e5) ** 2 + (1.0 / 2.35 / spec_R_fwhm) ** 2
        )
        * spec_wobs
    )

    # Rw = 1./np.sqrt((velocity_sigma/3.e5)**2 + 1./(spec_R_fwhm*2.35)**2)
    # dw = spec_wobs / Rw

    ilo = 0
    ihi = 1

    N = len(spec_wobs)
    resamp = np.ones_like(spec_wobs) * fill_value

    Nt = len(templ_wobs)

    for i in range(N):
        if spec_wobs[i] < wave_min:
            resamp[i] = left
            continue
        elif spec_wobs[i] > wave_max:
            resamp[i] = right
            continue

        ilo_i = ilo
        while (templ_wobs[ilo] < spec_wobs[i] - nsig * dw[i]) & (ilo < Nt - 1):
            ilo += 1

        if ilo == 0:
            continue

        # did we take a step?
        if ilo > ilo_i:
            ilo -= 1

        while (templ_wobs[ihi] < spec_wobs[i] + nsig * dw[i]) & (ihi < Nt):
            ihi += 1

        if ilo >= ihi:
            resamp[i] = templ_flux[ihi]
            continue
        elif ilo == Nt - 1:
            break

        sl = slice(ilo, ihi)
        lsl = templ_wobs[sl]
        g = np.exp(-((lsl - spec_wobs[i]) ** 2) / 2 / dw[i] ** 2) / np.sqrt(
            2 * np.pi * dw[i] ** 2
        )
        # g *= 1./np.sqrt(2*np.pi*dw[i]**2)
        resamp[i] = trapz(templ_flux[sl] * g, lsl)

    return resamp


@jit(nopython=True, fastmath=True, error_model="numpy")
def sample_gaussian_line_numba(
    spec_wobs,
    spec_R_fwhm,
    line_um,
    dx=None,
    line_flux=1.0,
    velocity_sigma=100,
    lorentz=False,
):
    """
    Sample a Gaussian emission line on the spectrum wavelength grid accounting
    for pixel integration

    Parameters
    ----------
    spec_wobs : array-like
        Spectrum wavelengths

    spec_R_fwhm : array-like
        Spectral resolution `wave/d(wave)`, FWHM

    line_um : float
        Emission line central wavelength, in microns

    line_flux : float
        Normalization of the line

    velocity_sigma : float
        Kinematic velocity width, km/s

    Returns
    -------
    resamp : array-like
        Emission line "template" resampled at the `spec_wobs` wavelengths

    """

    Rw = np.interp(line_um, spec_wobs, spec_R_fwhm)
    dw = (
        np.sqrt((velocity_sigma / 3.0e5) ** 2 + (1.0 / 2.35 / Rw) ** 2)
        * line_um
    )

    if lorentz:
        resamp = pixel_integrated_lorentzian_numba(
            spec_wobs, line_um, dw, dx=dx, normalization=line_flux
        )
    else:
        resamp = pixel_integrated_gaussian_numba(
            spec_wobs, line_um, dw, dx=dx, normalization=line_flux
        )

    return resamp


@jit(nopython=True, fastmath=True, error_model="numpy")
def pixel_integrated_gaussian_numba(x, mu, sigma, dx=None, normalization=1.0):
    """
    Low level function for a pixel-integrated gaussian

    Parameters
    ----------
    x : array-like
        Sample centers

    mu : float, array-like
        Gaussian center

    sigma : float, array-like
        Gaussian width

    dx : float, array-like
        Difference to override ``x[i+1] - x[i]`` if not provided as zero

    normalization : float
        Scaling

    Returns
    -------
    samp : array-like
        Pixel-integrated Gaussian

    """
    N = len(x)
    samp = np.zeros_like(x)

    s2dw = np.sqrt(2) * sigma * np.ones_like(x)

    mux = mu * np.ones_like(x)

    if dx is None:
        # Like np.gradient
        # https://github.com/numba/numba/issues/6302
        xdx = np.ones_like(x)
        xdx[1:-1] = (x[2:] - x[:-2]) / 2.0
        xdx[0] = x[1] - x[0]
        xdx[-1] = x[-1] - x[-2]
    else:
        xdx = dx * np.ones_like(x)

    i = 0
    x0 = x[i] - mux[i]

    left = erf((x0 - xdx[i] / 2) / s2dw[i])
    right = erf((x0 + xdx[i] / 2) / s2dw[i])
    samp[i] = (right - left) / 2 / xdx[i] * normalization

    left = right

    for i in range(1, N):
        x0 = x[i] - mux[i]
        xleft = (x0 - xdx[i] / 2) / s2dw[i]
        left = erf(xleft)
        right = erf((x0 + xdx[i] / 2) / s2dw[i])
        samp[i] = (right - left) / 2 / xdx[i] * normalization
        # left = right

    return samp


@jit(nopython=True, fastmath=True, error_model="numpy")
def pixel_integrated_lorentzian_numba(
    x, mu, sigma, dx=None, normalization=1.0
):
    """
    Low level function for a pixel-integrated Lorentzian / Cauchy function

    Parameters
    ----------
    x : array-like
        Sample centers

    mu : float, array-like
        Lorentzian center

    sigma : float, array-like
        Lorentzian half-width

    dx : float, array-like
        Difference to override ``x[i+1] - x[i]`` if not provided as zero

    normalization : float
        Scaling

    Returns
    -------
    samp : array-like
        Pixel-integrated Gaussian

    """
    N = len(x)
    samp = np.zeros_like(x)

    s2dw = sigma * np.ones_like(x)
    mux = mu * np.ones_like(x)

    if dx is None:
        # Like np.gradient
        # https://github.com/numba/numba/issues/6302
        xdx = np.ones_like(x)
        xdx[1:-1] = (x[2:] - x[:-2]) / 2.0
        xdx[0] = x[1] - x[0]
        xdx[-1] = x[-1] - x[-2]
    else:
        xdx = dx * np.ones_like(x)

    i = 0
    x0 = x[i] - mux[i]

    left = atan((x0 - xdx[i] / 2) / s2dw[i])
    right = atan((x0 + xdx[i] / 2) / s2dw[i])
    samp[i] = (right - left) / xdx[i] * normalization / math_pi
    left = right

    for i in range(1, N):
        x0 = x[i] - mux[i]
        xleft = (x0 - xdx[i] / 2) / s2dw[i]
        left = atan(xleft)
        right = atan((x0 + xdx[i] / 2) / s2dw[i])
        samp[i] = (right - left) / xdx[i] * normalization / math_pi
        # left = right

    return samp
# ---- harness (not part of the program) ----
ENTRY = "run_resampling"


def run_resampling(spec_wobs, spec_R_fwhm, templ_wobs, templ_flux):
    r1 = resample_template_numba(spec_wobs, spec_R_fwhm, templ_wobs, templ_flux)
    r2 = resample_template_numba(spec_wobs, spec_R_fwhm, templ_wobs, templ_flux,
                                 velocity_sigma=250.0, nsig=4, fill_value=-1.0,
                                 wave_min=1.5, wave_max=4.5, left=-2.0, right=-3.0)
    g1 = sample_gaussian_line_numba(spec_wobs, spec_R_fwhm, 2.1)
    g2 = sample_gaussian_line_numba(spec_wobs, spec_R_fwhm, 2.1, dx=0.02,
                                    line_flux=3.0, velocity_sigma=400.0)
    l1 = sample_gaussian_line_numba(spec_wobs, spec_R_fwhm, 2.1, lorentz=True)
    l2 = sample_gaussian_line_numba(spec_wobs, spec_R_fwhm, 3.3, dx=0.02,
                                    line_flux=2.0, lorentz=True)
    s = simpson(templ_flux, templ_wobs)
    s_odd = simpson(templ_flux[:-1], templ_wobs[:-1])
    t = trapz(templ_flux, templ_wobs)
    tdx = trapz_dx(spec_wobs)
    return r1, r2, g1, g2, l1, l2, s, s_odd, t, tdx


def inputs():
    rng = np.random.default_rng(0)
    spec_wobs = np.sort(rng.uniform(1.0, 5.0, 70))
    spec_R_fwhm = 30.0 + 60.0 * spec_wobs
    templ_wobs = np.linspace(0.9, 5.2, 1500)
    templ_flux = (1.0 + 0.3 * np.sin(templ_wobs * 2.0)
                  + 4.0 * np.exp(-0.5 * ((templ_wobs - 2.1) / 0.004) ** 2)
                  + 2.0 * np.exp(-0.5 * ((templ_wobs - 3.3) / 0.006) ** 2))
    return (spec_wobs, spec_R_fwhm, templ_wobs, templ_flux)
