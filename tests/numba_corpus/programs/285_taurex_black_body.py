# Source: ucl-exoplanets/TauREx3_public taurex/util/emission.py (at commit a859886f); constants from taurex/constants.py (at commit 09da4a54)
# Licence: BSD-3-Clause (TauREx3, LICENSE; Copyright (c) 2019, Ahmed F. Al-Refaie, Quentin Changeat, Ingo Waldmann, Giovanna Tinneti)
# Notes: Planck black-body spectral radiance on a wavenumber grid, used by the TauREx exoplanet atmosphere retrieval code for emission spectra (astronomy): black_body (@numba.njit) allocates an unused np.empty(lamb.shape, dtype=lamb.dtype), converts wavenumbers to wavelengths with the eagerly typed @numba.vectorize([float64(float64)], fastmath=True) ufunc _convert_lamb and returns the @numba.vectorize([float64(float64,float64)], fastmath=True) ufunc _black_body_vec called with an array and a scalar temperature; both ufuncs read module-level float constants (PI, PLANCK, SPDLIGT, KBOLTZ) and _black_body_vec calls np.exp. Pasted: the module docstring, its numpy/numba/math imports and the three jitted functions with the commented-out loop kept; the line `from taurex.constants import PI,PLANCK, SPDLIGT, KBOLTZ` is replaced by those four assignments copied from taurex/constants.py; left out: the imports of scipy.constants, ctypes and scipy.stats.mstats_basic (not used by these functions) and the pure-Python black_body_numexpr and black_body_numpy; the harness passes what TauREx's emission model passes: a wavenumber grid in cm^-1 and a layer temperature in K
"""Functions related to computing emission spectrums"""

import numpy as np
import numba
import math
from numba import vectorize, float64
KBOLTZ = 1.380648813e-23
PI = 3.14159265359
PLANCK = 6.62606957e-34
SPDLIGT = 299792458

@numba.vectorize([float64(float64)],fastmath=True)
def _convert_lamb(lamb):
    return 10000*1e-6/lamb

@numba.vectorize([float64(float64,float64)],fastmath=True)
def _black_body_vec(wl,temp):
    return (PI* (2.0*PLANCK*SPDLIGT**2)/(wl)**5) * (1.0/(np.exp((PLANCK * SPDLIGT) / (wl * KBOLTZ * temp))-1))*1e-6

@numba.njit
def black_body(lamb,temp):
    
    res = np.empty(lamb.shape, dtype=lamb.dtype)
    wl = _convert_lamb(lamb)
#    for i in range(lamb.shape[0]):
#
#        res[i] = (PI* (2.0*PLANCK*SPDLIGT**2)/(wl[i])**5) * (1.0/(math.exp((PLANCK * SPDLIGT) / (wl[i] * KBOLTZ * temp))-1))*1e-6
    
    
    return _black_body_vec(wl,temp)

# ---- harness (not part of the program) ----
ENTRY = "black_body"


def inputs():
    # 2000 wavenumbers from 300 to 30000 cm^-1 (0.33-33 micron), log-spaced,
    # and a 1450 K layer temperature of a hot Jupiter
    wngrid = np.logspace(np.log10(300.0), np.log10(30000.0), 2000)
    return (wngrid, 1450.0)
