# Source: jakevdp/nufftpy nufftpy/_numba_tools.py (at commit dccbe0d5)
# Licence: BSD-3-Clause (nufftpy, setup.py at commit fde3609f: LICENSE = 'BSD 3-clause'; Jake VanderPlas)
# Notes: the Gaussian gridding step of a 1-D non-uniform fast Fourier transform (signal processing; the package is "general tools for astronomical time series", e.g. fast periodograms of unevenly sampled light curves): fast_grid (@numba.jit(nopython=True)) fills a table of Gaussian factors exp(-(pi j / Mr)^2 / tau), then for every non-uniform point reduces its position modulo 2 pi, finds its grid cell with floor division and int(), and spreads the complex value onto 2 Msp neighbouring cells of the oversampled complex grid with the fast Gaussian gridding of Greengard & Lee (2004) (a running power E2mm that starts as the integer 1 and becomes a float, negative indices wrapped with %), in place. Pasted: the module's __future__, numpy and numba imports and both jitted functions (slow_grid and fast_grid) verbatim (left out: the plain-Python _gaussian_grid_numba_1D wrapper that allocates ftau and E3 and picks one of them). The harness passes what _gaussian_grid_numba_1D passes for nufft1d's parameters with M = 200 frequencies and eps = 1e-12 (ratio 3, Msp from Dutt & Rokhlin's formula, Mr = 600, tau = pi lambda / M^2): 500 random observation times x (float64) and complex values c, tau, Msp, ftau = zeros(Mr, complex) and E3 = zeros(Msp + 1)
from __future__ import division, print_function
import numpy as np
import numba


@numba.jit(nopython=True)
def slow_grid(x, c, tau, Msp, ftau):
    Mr = ftau.shape[0]
    hx = 2 * np.pi / Mr
    for i in range(x.shape[0]):
        xi = x[i] % (2 * np.pi)
        m = 1 + int(xi // hx)
        for mm in range(-Msp, Msp):
            spread = np.exp(-0.25 * (xi - hx * (m + mm)) ** 2 / tau)
            ftau[(m + mm) % Mr] += c[i] * spread


@numba.jit(nopython=True)
def fast_grid(x, c, tau, Msp, ftau, E3):
    Mr = ftau.shape[0]
    hx = 2 * np.pi / Mr

    # precompute some exponents
    for j in range(Msp + 1):
        E3[j] = np.exp(-(np.pi * j / Mr) ** 2 / tau)

    # spread values onto ftau
    for i in range(x.shape[0]):
        xi = x[i] % (2 * np.pi)
        m = 1 + int(xi // hx)
        xi = (xi - hx * m)
        E1 = np.exp(-0.25 * xi ** 2 / tau)
        E2 = np.exp((xi * np.pi) / (Mr * tau))
        E2mm = 1
        for mm in range(Msp):
            ftau[(m + mm) % Mr] += c[i] * E1 * E2mm * E3[mm]
            E2mm *= E2
            ftau[(m - mm - 1) % Mr] += c[i] * E1 / E2mm * E3[mm + 1]
# ---- harness (not part of the program) ----
ENTRY = "fast_grid"


def inputs():
    # nufft1d(x, c, M=200, eps=1e-12): the gridding parameters it derives,
    # for 500 unevenly spaced samples of a noisy sinusoid
    rng = np.random.default_rng(0)
    M, eps = 200, 1e-12
    ratio = 2 if eps > 1E-11 else 3
    Msp = int(-np.log(eps) / (np.pi * (ratio - 1) / (ratio - 0.5)) + 0.5)
    Mr = max(ratio * M, 2 * Msp)
    lambda_ = Msp / (ratio * (ratio - 0.5))
    tau = np.pi * lambda_ / M ** 2
    x = np.sort(rng.uniform(0.0, 100.0, 500))
    c = (np.sin(2 * np.pi * 0.37 * x) + 0.3 * rng.standard_normal(500)).astype(complex)
    ftau = np.zeros(Mr, dtype=c.dtype)
    E3 = np.zeros(Msp + 1, dtype=x.dtype)
    return (x, c, tau, Msp, ftau, E3)
