# Source: tardis-sn/stardis stardis/radiation_field/opacities/opacities_solvers/voigt.py (at commit 00e9b7a5) and stardis/radiation_field/radiation_field_solvers/base.py (at commit 00231db0)
# Licence: BSD-3-Clause (STARDIS, licenses/LICENSE.rst; Copyright (c) 2023, TARDIS Collaboration)
# Notes: two numerical cores of STARDIS, a stellar-atmosphere spectral synthesis code (astronomy): the Faddeeva function w(z) by Humlicek's four-region rational approximation (complex arithmetic with 1j literals, complex(z)/float(z.real) conversions, cmath.exp, region flags combined with `not`/`and`, and four conditional expressions each selecting a new value or keeping w), the Voigt line profile built on it (complex(delta_nu, gamma / (2 * PI)), a tuple of three float() conversions), both also wrapped as lazily typed @numba.vectorize(nopython=True) ufuncs; and the formal solution of radiative transfer along a ray (van Noort et al. 2001): calc_weights computes the w0/w1/w2 integration weights with three boolean masks (~np.logical_or) and masked assignments, and single_theta_trace integrates the specific intensity from the photosphere outward through the depth points (mean opacities of adjacent rows, optical depths scaled by 1/cos(theta) with reshape(-1, 1), a source function passed in as a first-class jitted function, an array filled with np.ones(...) * np.nan, tuple unpacking of calc_weights' result, a second-order correction that switches form at the last depth gap). Pasted: the CPU code of voigt.py (its `from numba import cuda` import, GPUs_available and the cuda.jit kernels and their cupy wrappers left out) and base.py without raytrace, the plain-Python angle loop (it uses tqdm), which the harness does as raytrace does for 10 angles; STARDIS's blackbody source function (stardis/radiation_field/source_functions/blackbody.py) takes its constants from astropy, which is not installed here, so the harness passes an equivalent jitted Planck function with cgs constants. The harness evaluates the Faddeeva function over a grid covering all four regions, Voigt profiles of a line for three broadening widths, and the emergent flux of a 40-point solar-like atmosphere with one absorption line at 200 frequencies
import numpy as np
import numba
import cmath

# Commenting out until cupy is hooked up
# if GPUs_available:
#     import cupy as cp

SQRT_PI = np.sqrt(np.pi, dtype=float)
SQRT_2 = np.sqrt(2, dtype=float)
PI = float(np.pi)


@numba.njit()
def _faddeeva(z):
    """
    The Faddeeva function. Code adapted from
    https://github.com/tiagopereira/Transparency.jl/blob/966fb46c21/src/voigt.jl#L13.

    Parameters
    ----------
    z : complex

    Returns
    -------
    w : complex
    """
    z = complex(z)
    x = float(z.real)
    y = float(z.imag)
    t = y - 1j * x
    s = abs(x) + y
    w = complex(0.0)
    u = t * t

    IN_REGION_I = s > 15.0
    IN_REGION_II = (not IN_REGION_I) and (s > 5.5)
    IN_REGION_III = (
        (not IN_REGION_I) and (not IN_REGION_II) and (y >= 0.195 * abs(x) - 0.176)
    )
    IN_REGION_IV = (not IN_REGION_I) and (not IN_REGION_II) and (not IN_REGION_III)

    # If in Region I
    w = 1j * 1 / SQRT_PI * z / (z**2 - 0.5) if IN_REGION_I else w

    # If in Region II
    w = (
        1j * (z * (z**2 * 1 / SQRT_PI - 1.4104739589)) / (0.75 + z**2 * (z**2 - 3.0))
        if IN_REGION_II
        else w
    )

    # If in Region III
    w = (
        (16.4955 + t * (20.20933 + t * (11.96482 + t * (3.778987 + 0.5642236 * t))))
        / (
            16.4955
            + t * (38.82363 + t * (39.27121 + t * (21.69274 + t * (6.699398 + t))))
        )
        if IN_REGION_III
        else w
    )

    # If in Region IV
    numerator = t * (
        36183.31
        - u
        * (
            3321.99
            - u
            * (1540.787 - u * (219.031 - u * (35.7668 - u * (1.320522 - u * 0.56419))))
        )
    )
    denominator = 32066.6 - u * (
        24322.8
        - u
        * (9022.23 - u * (2186.18 - u * (364.219 - u * (61.5704 - u * (1.84144 - u)))))
    )
    w = (cmath.exp(u) - numerator / denominator) if IN_REGION_IV else w

    return w


@numba.vectorize(nopython=True)
def faddeeva(z):
    return _faddeeva(z)


@numba.njit
def _voigt_profile(delta_nu, doppler_width, gamma):
    """
    Calculates the Voigt profile, the convolution of a Lorentz profile
    and a Gaussian profile.

    This disagrees with scipy's voigt profile because doppler width disagrees with a Gaussian sigma by a factor of sqrt(2).
    Similarly, the dispersion of the Lorentz profile is gamma/4pi. Without the 1/2pi factor, the scipy voigt profile is returned.
    There's a factor of 2 unaccounted for, but it's not clear where it comes from.

    Parameters
    ----------
    delta_nu : float
        Difference between the frequency that the profile is being evaluated at
        and the line's resonance frequency.
    doppler_width : float
        Doppler width for Gaussian profile.
    gamma : float
        Broadening parameter for Lorentz profile.

    Returns
    -------
    phi : float
        Value of Voigt profile.
    """
    delta_nu, doppler_width, gamma = (
        float(delta_nu),
        float(doppler_width),
        float(gamma),
    )

    z = complex(delta_nu, gamma / (2 * PI)) / (doppler_width)
    phi = _faddeeva(z).real / (SQRT_PI * doppler_width)
    return phi


@numba.vectorize(nopython=True)
def voigt_profile(delta_nu, doppler_width, gamma):
    return _voigt_profile(delta_nu, doppler_width, gamma)


# ---- stardis/radiation_field/radiation_field_solvers/base.py ----

import numba
import numpy as np


@numba.njit
def calc_weights(delta_tau):
    """
    Calculates w0 and w1 coefficients in van Noort 2001 eq 14.

    Parameters
    ----------
    delta_tau : float
        Total optical depth.

    Returns
    -------
    w0 : float
    w1 : float
    w2: float
    """
    w0 = np.ones_like(delta_tau)
    w1 = np.ones_like(delta_tau)
    w2 = np.ones_like(delta_tau) * 2.0

    mask1 = delta_tau < 5e-4
    mask2 = delta_tau > 50
    mask3 = ~np.logical_or(mask1, mask2)

    w0[mask1] = delta_tau[mask1] * (1 - delta_tau[mask1] / 2)
    w1[mask1] = delta_tau[mask1] ** 2 * (0.5 - delta_tau[mask1] / 3)
    w2[mask1] = delta_tau[mask1] ** 3 * (1 / 3 - delta_tau[mask1] / 4)

    exp_delta_tau = np.exp(-delta_tau[mask3])
    w0[mask3] = 1 - exp_delta_tau
    w1[mask3] = w0[mask3] - delta_tau[mask3] * exp_delta_tau
    w2[mask3] = 2 * w1[mask3] - delta_tau[mask3] * delta_tau[mask3] * exp_delta_tau

    return w0, w1, w2


@numba.njit()
def single_theta_trace(
    geometry_dist_to_next_depth_point,
    temps,
    alphas,
    tracing_nus,
    theta,
    source_function,
):
    """
    Performs ray tracing at an angle following van Noort 2001 eq 14.

    Parameters
    ----------
    geometry_dist_to_next_depth_point : numpy.ndarray
        Distance to next depth point in geometry column as a numpy array from the finite volume model.
    temps : numpy.ndarray
        Temperatures in K of all depth point. Note that array must
        be transposed.
    alphas : numpy.ndarray
        Array of shape (no_of_depth_points, no_of_frequencies). Total opacity at
        each depth point for each frequency in tracing_nus.
    tracing_nus : astropy.unit.quantity.Quantity
        Numpy array of frequencies used for ray tracing with units of Hz.
    theta : float
        Angle that the ray makes with the normal/radial direction.

    Returns
    -------
    I_nu_theta : numpy.ndarray
        Array of shape (no_of_depth_points, no_of_frequencies). Output specific
        intensity at each depth point for each frequency in tracing_nus.
    """
    # Need to calculate a mean opacity for the traversal between points. Linearly interporlating, but could have a choice for interpolation scheme here.
    mean_alphas = (alphas[1:] + alphas[:-1]) * 0.5
    taus = (
        mean_alphas * geometry_dist_to_next_depth_point.reshape(-1, 1) / np.cos(theta)
    )
    no_of_depth_gaps = len(geometry_dist_to_next_depth_point)

    ###TODO: Generalize this for source functions other than blackbody that may require args other than frequency and temperature
    source = source_function(tracing_nus, temps)
    I_nu_theta = np.ones((no_of_depth_gaps + 1, len(tracing_nus))) * np.nan
    I_nu_theta[0] = source[0]  # the innermost depth point is the photosphere

    for gap_index in range(no_of_depth_gaps):  # iterating over depth_gaps (rows)

        w0, w1, w2 = calc_weights(taus[gap_index, :])

        if gap_index < no_of_depth_gaps - 1:
            second_term = (
                w1
                * (
                    (source[gap_index + 1] - source[gap_index + 2])
                    * (taus[gap_index, :] / taus[gap_index + 1, :])
                    - (source[gap_index + 1] - source[gap_index])
                    * (taus[gap_index + 1, :] / taus[gap_index, :])
                )
                / (taus[gap_index, :] + taus[gap_index + 1, :])
            )
            third_term = w2 * (
                (
                    (
                        (source[gap_index + 2] - source[gap_index + 1])
                        / taus[gap_index + 1, :]
                    )
                    + ((source[gap_index] - source[gap_index + 1]) / taus[gap_index, :])
                )
                / (taus[gap_index, :] + taus[gap_index + 1, :])
            )

        else:  # handle the last depth point, assuming the same source as the preceeding value and tau as 0
            second_term = np.zeros_like(w0)
            third_term = (
                w2
                * (source[gap_index] - source[gap_index + 1])
                / taus[gap_index, :] ** 2
            )

        I_nu_theta[gap_index + 1] = (
            (1 - w0) * I_nu_theta[gap_index]
            + w0 * source[gap_index + 1]
            + second_term
            + third_term
        )

    return I_nu_theta
# ---- harness (not part of the program) ----
ENTRY = "run_stardis"

H_CGS = 6.62607015e-27
C_CGS = 2.99792458e10
K_B_CGS = 1.380649e-16


@numba.njit
def _planck(tracing_nus, temps):
    # same formula as stardis' blackbody_flux_at_nu, constants written out (no astropy here)
    bb_prefactor = (2 * H_CGS * tracing_nus**3) / C_CGS**2
    return bb_prefactor / (np.exp(((H_CGS * tracing_nus) / (K_B_CGS * temps))) - 1)


def run_stardis(zgrid, temps, dist, nus, nu0):
    out = []
    out.append(faddeeva(zgrid))
    out.append(np.array([_faddeeva(complex(z)) for z in zgrid.ravel()[:50]]))
    dnu = nus - nu0
    for gamma in (1e8, 1e9, 1e10):
        out.append(voigt_profile(dnu, 3e9, gamma))
    out.append(_voigt_profile(0.0, 3e9, 1e9))
    # opacity: continuum rising with depth plus one Voigt line
    continuum = 1e-7 * np.exp(np.linspace(3.0, -3.0, temps.size))[:, None] * np.ones((1, nus.size))
    line = voigt_profile(dnu[None, :], 3e9 * np.sqrt(temps[:, None] / 5800.0), 1e9) * 1e3
    alphas = continuum * (1.0 + line)
    out.append(calc_weights(np.array([1e-5, 1e-3, 0.5, 20.0, 80.0])))
    no_of_thetas = 10
    dtheta = (np.pi / 2) / no_of_thetas
    thetas = np.linspace(dtheta / 2, np.pi / 2 - dtheta / 2, no_of_thetas)
    F_nu = np.zeros((temps.size, nus.size))
    for theta in thetas:
        weight = 2 * np.pi * dtheta * np.sin(theta) * np.cos(theta)
        F_nu += weight * single_theta_trace(dist, temps.reshape(-1, 1), alphas, nus, theta, _planck)
    out.append(F_nu)
    return tuple(out)


def inputs():
    x = np.linspace(-20.0, 20.0, 41)
    y = np.array([0.0, 0.01, 0.1, 0.5, 1.0, 3.0, 6.0, 12.0, 20.0])
    zgrid = x[None, :] + 1j * y[:, None]
    n_depth = 40
    temps = np.linspace(9000.0, 4200.0, n_depth)
    dist = np.full(n_depth - 1, 2.0e6) * np.linspace(1.0, 2.0, n_depth - 1)
    nu0 = 5.0e14
    nus = np.linspace(nu0 - 6e10, nu0 + 6e10, 200)
    return (zgrid, temps, dist, nus, nu0)
