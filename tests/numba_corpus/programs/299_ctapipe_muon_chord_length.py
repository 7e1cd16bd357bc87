# Source: cta-observatory/ctapipe ctapipe/image/muon/intensity_fitter.py (at commit 0197a146)
# Licence: BSD-3-Clause (ctapipe, pyproject.toml `license = "BSD-3-Clause"`; the ctapipe developers)
# Notes: the chord length across a telescope mirror of the Cherenkov light of a muon hitting at fractional impact distance rho, for every rotation angle phi, used to predict muon ring images of imaging atmospheric Cherenkov telescopes (gamma-ray astronomy): chord_length (@vectorize([double(double, double, double)]), an eager ufunc signature built from numba's `double` type) returns the integer 0 when 1 - rho^2 sin^2(phi) is negative (tested through `valid = chord >= 0` and `if not valid`), radius * (sqrt(chord) + rho cos(phi)) when the muon hit the mirror (rho <= 1.0) and 2 * radius * sqrt(chord) otherwise, with np.sin, np.cos and np.sqrt on scalars. Pasted: the module's docstring, the `from math import erf`, numpy and `from numba import double, vectorize` imports, the module constants CIRCLE_SQUARE_AREA_RATIO and SQRT2, and its two @vectorize ufuncs chord_length and gaussian_cdf (the latter, math.erf of a scaled distance, not called); left out: the plain-Python functions (intersect_circle, pixels_on_ring, linspace_two_pi, create_profile, image_prediction, image_prediction_no_units, build_negative_log_likelihood, create_initial_guess) and the MuonIntensityFitter class, and the imports only they use (functools.lru_cache, astropy, iminuit, scipy, ctapipe's own modules); the harness broadcasts what intersect_circle passes for an LST-sized mirror: the mirror radius 11.5 m as a float, fractional impact distances r / mirror_radius as a (6, 1) column (some above 1, a muon missing the mirror) and 3 * 120 oversampled ring angles phi + linspace(-pi, pi) as a (1, 360) row
"""
Class for performing a HESS style 2D fit of muon images

To do:
    - Deal with astropy untis better, currently stripped and no checks made
    - unit tests
    - create container class for output

"""
from math import erf

import numpy as np
from numba import double, vectorize

__all__ = ["MuonIntensityFitter"]


# ratio of the areas of the unit circle and a square of side lengths 2
CIRCLE_SQUARE_AREA_RATIO = np.pi / 4

# Sqrt of 2, as it is needed multiple times
SQRT2 = np.sqrt(2)


@vectorize([double(double, double, double)])
def chord_length(radius, rho, phi):
    """
    Function for integrating the length of a chord across a circle

    Parameters
    ----------
    radius: float or ndarray
        radius of circle
    rho: float or ndarray
        fractional distance of impact point from circle center
    phi: float or ndarray in radians
        rotation angles to calculate length

    Returns
    -------
    float or ndarray:
        chord length
    """
    chord = 1 - (rho**2 * np.sin(phi) ** 2)
    valid = chord >= 0

    if not valid:
        return 0

    if rho <= 1.0:
        # muon has hit the mirror
        chord = radius * (np.sqrt(chord) + rho * np.cos(phi))
    else:
        # muon did not hit the mirror
        chord = 2 * radius * np.sqrt(chord)

    return chord


@vectorize([double(double, double, double)])
def gaussian_cdf(x, mu, sig):
    """
    Function to compute values of a given gaussians
    cumulative distribution function (cdf)

    Parameters
    ----------
    x: float or ndarray
        point, at which the cdf should be evaluated
    mu: float or ndarray
        gaussian mean
    sig: float or ndarray
        gaussian standard deviation

    Returns
    -------
    float or ndarray: cdf-value at x
    """
    return 0.5 * (1 + erf((x - mu) / (SQRT2 * sig)))
# ---- harness (not part of the program) ----
ENTRY = "chord_length"


def inputs():
    # intersect_circle's call chord_length(mirror_radius, r / mirror_radius,
    # angle) for an LST-like mirror radius, six impact distances (two of
    # them beyond the mirror edge) and 360 angles (120 pixels on the ring,
    # oversampling 3) rotated by a ring angle phi
    rng = np.random.default_rng(0)
    mirror_radius = 11.5
    impact = np.sort(rng.uniform(0.0, 16.0, 6))
    rho = (impact / mirror_radius)[:, None]
    phi = 0.3
    ang = (phi + np.linspace(-np.pi, np.pi, 3 * 120))[None, :]
    return (mirror_radius, rho, ang)
