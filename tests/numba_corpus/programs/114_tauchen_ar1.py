# Source: QuantEcon/QuantEcon.py quantecon/markov/approximation.py
# Licence: MIT (Copyright (c) 2013-2024 Thomas J. Sargent and John Stachurski)
# Notes: Tauchen discretisation of a Gaussian AR(1) process: fills the Markov transition matrix from a jitted standard normal CDF written with math.erfc and math.sqrt (imported by name); the entry is the jitted kernel _fill_tauchen (the plain-Python tauchen/rouwenhorst, which build a MarkovChain, and the `from .core import MarkovChain` and warnings imports left out)
from math import erfc, sqrt

import numpy as np
from numba import njit


@njit
def std_norm_cdf(x):
    return 0.5 * erfc(-x / sqrt(2))


@njit
def _fill_tauchen(x, P, n, rho, sigma, half_step):
    for i in range(n):
        P[i, 0] = std_norm_cdf((x[0] - rho * x[i] + half_step) / sigma)
        P[i, n - 1] = 1 - \
            std_norm_cdf((x[n - 1] - rho * x[i] - half_step) / sigma)
        for j in range(1, n - 1):
            z = x[j] - rho * x[i]
            P[i, j] = (std_norm_cdf((z + half_step) / sigma) -
                       std_norm_cdf((z - half_step) / sigma))

# ---- harness (not part of the program) ----
ENTRY = "_fill_tauchen"


def inputs():
    # what tauchen(n=25, rho=0.9, sigma=0.1, n_std=3) passes to _fill_tauchen
    n, rho, sigma, n_std = 25, 0.9, 0.1, 3
    std_y = np.sqrt(sigma**2 / (1 - rho**2))
    x_max = n_std * std_y
    x_min = -x_max
    x = np.linspace(x_min, x_max, n)
    step = (x_max - x_min) / (n - 1)
    half_step = 0.5 * step
    P = np.empty((n, n))
    return (x, P, n, rho, sigma, half_step)
