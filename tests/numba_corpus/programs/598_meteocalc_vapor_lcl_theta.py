# Source: CianQuezon/meteocalc src/meteocalc/vapor/_jit_equations.py (at commit 1a21068a), src/meteocalc/vapor/_vapor_constants.py (at commit 1b2056f0), src/meteocalc/shared/constants.py (at commit 0d31c49b), src/meteocalc/lcl/_jit_equations.py (at commit 05a4a3a2), src/meteocalc/thermodynamics/_jit_equations.py (at commit 0cce7830)
# Licence: MIT (meteocalc, pyproject.toml `license = {text="MIT"}` and the "License :: OSI Approved :: MIT License" classifier; Copyright Cian Quezon; no LICENSE file is stored for this repository)
# Notes: the jitted kernels of meteocalc, a vectorised meteorological library (atmospheric science / thermodynamics): saturation vapour pressure by Bolton, Goff-Gratch (over water and over ice, the ice form switching off terms through `if C_exp == 0.0` / `if D == 0.0` branches, np.log10 and 10 ** x) and Hyland-Wexler (polynomial in T plus G ln T), each as an @njit scalar function that returns float(...) and an @njit(parallel=True, fastmath=True) prange loop over an array calling it; the lifting condensation level after Bolton (1980) (temperature, then pressure by Poisson's relation with the module constants Rd and cpd, a scalar that returns a tuple and is called with keyword arguments, and a parallel prange loop that unpacks the tuple into two result arrays at once); and the thermodynamics module's potential temperature at the LCL (theta_L), equivalent potential temperature (theta_E, with a NaN return guarding exp overflow through math.nan / math.exp) and Poisson potential temperature, whose scalar functions take a default p0 = 1000.0 and are called by keyword from plain @njit loops written with prange. Pasted: the three _jit_equations.py modules whole, shared/constants.py (Rd, Rv, cpd, eps) and the NamedTuple coefficient sets of vapor/_vapor_constants.py, which the library passes field by field to the Goff-Gratch and Hyland-Wexler kernels. Left out: `from meteocalc.shared.constants import Rd, cpd` (the constants module is pasted above it) and the package's plain-Python dispatch classes (core.py, _vapor_equations.py, enums). The harness follows those classes: it computes saturation vapour pressure with each equation over water and ice for a column of temperatures, the LCL of surface parcels from temperature, dewpoint and pressure, the vapour pressure and mixing ratio at the dewpoint, and theta_L / theta_E / theta for the parcels, with a few scalar calls
# ---- src/meteocalc/shared/constants.py ----
"""
Docstring for meteocalc.shared.constants
"""

Rd = 287.05  # Gas constant for dry air
Rv = 461.5  # Gas constant for water vapour
cpd = 1004.5  # Specific heat of dry air at constant pressure

eps = Rd / Rv  # Ratio of gas constants


# ---- src/meteocalc/vapor/_vapor_constants.py ----
"""
Constants for different Saturation Vapor Equations.

Implements:
- Goff & Gratch

Author: Cian Quezon

References:
    https://cires1.colorado.edu/~voemel/vp.html
"""
import numpy as np

from typing import NamedTuple

class GoffGratchConstants(NamedTuple):
    """
    A class which stores the constants for Goff Gratch saturation formula.

    Equation:
    log₁₀(eₛ) = -A(Tᵣₑf/T - 1) 
                + B·log₁₀(Tᵣₑf/T)
                - C(10^(C_exp·(1 - T/Tᵣₑf)) - 1)
                + D(10^(D_exp·(Tᵣₑf/T - 1)) - 1)
                + log₁₀(pᵣₑf)

    """
    T_ref: float
    A: float
    B: float
    C: float
    C_exp: float
    D: float
    D_exp: float
    log_p_ref: float

GOFF_GRATCH_WATER = GoffGratchConstants(
    T_ref=373.16,
    A=-7.90298,
    B=5.02808,
    C=-1.3816e-7,
    C_exp=11.344,
    D=8.1328e-3,
    D_exp=-3.49149,
    log_p_ref=np.log10(1013.246) 
)

GOFF_GRATCH_ICE = GoffGratchConstants(
    T_ref=273.16,
    A=-9.09718,
    B=-3.56654,
    C=0.876793,
    C_exp=0,
    D=0,
    D_exp=0,
    log_p_ref=np.log10(6.1071)
)


class HylandWexlerConstants(NamedTuple):
    """
    Class which stores the constants for Hyland Wexler saturation formula
    
    Equation:
        ln(eᵢ) = -A/T + B - C·T + D·T² + E·T³ - F·T⁴ + G·ln(T)
    """
    A: float
    B: float
    C: float
    D: float
    E: float
    F: float
    G: float

HYLAND_WEXLER_WATER = HylandWexlerConstants(
    A=-0.58002206e4,
    B=0.13914993e1,
    C=-0.48640239e-1,
    D=0.41764768e-4,
    E=-0.14452093e-7,
    F=0,
    G=0.65459673e1
)

HYLAND_WEXLER_ICE = HylandWexlerConstants(
    A=-0.56745359e4,
    B=0.63925247e1,
    C=-0.96778430e-2,
    D=0.62215701e-6,
    E=0.20747825e-8,
    F=-0.94840240e-12,
    G=0.41635019e1     
)


# ---- src/meteocalc/vapor/_jit_equations.py ----
"""
Calculates different vapor saturations with different equations using Numba.

Equation:
- Goff & Gratch
- Bolton
- Hyland Wexler

Author: Cian Quezon
"""

import numpy as np
import numpy.typing as npt
from typing import Any

from numba import njit, prange

@njit
def _bolton_scalar(temp_k: float) -> float:
    """
    Calculate saturation vapor pressure using Bolton's equation.

    Args:
        temp_k: Temperature in Kelvin
    
    Returns:
        Saturation vapor pressure in hPa (millibars)
    """
    temp_c = temp_k - 273.15
    return float(6.112 * np.exp((17.67 * temp_c)/(temp_c + 243.5)))

@njit(parallel=True, fastmath=True)
def _bolton_vectorised(temp_k: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """
    Calculates saturation vapor pressure arrays using Bolton's equation
    
    Args:
        temp_k: Array of temperature in Kelvin 
    
    Returns:
        Saturation Vapor Pressure in hPa (millibars)
    """

    n = len(temp_k)
    result = np.empty(n, dtype=np.float64)

    for i in prange(n):
        result[i] = _bolton_scalar(temp_k[i])
    return result


@njit
def _goff_gratch_scalar(temp_k: float, T_ref: float, A: float, B: float, C: float, C_exp: float, D: float,
                         D_exp:float, log_p_ref:float) -> float:
    """
    Calculates saturation vapour pressure using Goff Gratch equation.
    Water and Ice equations difference is that some constants are omitted
    in over water.
    
    Equation:
        log₁₀(eₛ) = -A(Tᵣₑf/T - 1) 
                    + B·log₁₀(Tᵣₑf/T)
                    - C(10^(C_exp·(1 - T/Tᵣₑf)) - 1)
                    + D(10^(D_exp·(Tᵣₑf/T - 1)) - 1)
                    + log₁₀(pᵣₑf)

    Args:
        temp_k: Temperature in Kelvin
        T_ref: Reference temperature in Kelvin
        A, B, C, D: Equation coefficients
        C_exp, D_exp: Exponent coefficients
        log_p_ref: Log10 of reference pressure

    Returns:
        Saturation vapor pressure in hPa
        
    Note:
        Ice equation omits D term (D=0, D_exp=0)
    """

    A_sum = A * (T_ref/ temp_k - 1)
    B_sum = B * np.log10(T_ref/temp_k)

    if C_exp == 0.0:
        C_sum = C * (1-temp_k / T_ref)
    
    else:
        C_sum = C * (10 ** (C_exp * (1 - temp_k / T_ref)) - 1)

    if D == 0.0:
        D_sum = 0.0
    else:
        D_sum = D * (10 ** (D_exp * (T_ref / temp_k - 1)) - 1)

    log_ew = A_sum + B_sum + C_sum + D_sum + log_p_ref
    return float(10 ** log_ew)




@njit(parallel=True, fastmath=True)
def _goff_gratch_vector(temp_k: npt.ArrayLike, T_ref: float, A: float, B: float, C: float, 
                        C_exp: float, D: float, D_exp: float, log_p_ref: float) -> npt.NDArray[np.float64]:
    """
    Calculates saturation vapour pressure using Goff Gratch equation for Arrays.
    
    Equation:
        log₁₀(eₛ) = -A(Tᵣₑf/T - 1) 
                    + B·log₁₀(Tᵣₑf/T)
                    - C(10^(C_exp·(1 - T/Tᵣₑf)) - 1)
                    + D(10^(D_exp·(Tᵣₑf/T - 1)) - 1)
                    + log₁₀(pᵣₑf)

    Args:
        temp_k: Array of Temperature in Kelvin
        T_ref: Reference temperature in Kelvin
        A, B, C, D: Equation coefficients
        C_exp, D_exp: Exponent coefficients
        log_p_ref: Log10 of reference pressure

    Returns:
        Saturation vapor pressure in hPa
        
    Note:
        Ice equation omits D term (D=0, D_exp=0)
    """
    n = len(temp_k)
    result = np.empty(n, dtype=np.float64)
    for i in prange(n):
        result[i] = _goff_gratch_scalar(temp_k[i], T_ref, A, B, C, C_exp, D, D_exp, log_p_ref)
    return result

@njit
def _hyland_wexler_scalar(temp_k: float, A: float, B: float, C: float, D: float,
                          E: float, F: float, G: float) -> float:
    """
    Function which calculates vapor saturation using Hyland Wexler.
    
    Equation:
        ln(eᵢ) = -A/T + B - C·T + D·T² + E·T³ - F·T⁴ + G·ln(T)
    
    Args:
        temp_k: Array of temperatures in Kelvin
        A: Coefficient for 1/T term [K]
        B: Constant coefficient [dimensionless]
        C: Coefficient for T term [K⁻¹]
        D: Coefficient for T² term [K⁻²]
        E: Coefficient for T³ term [K⁻³]
        F: Coefficient for T⁴ term [K⁻⁴]
        G: Coefficient for ln(T) term [dimensionless]

    Returns:
        Saturation vapor pressure in hectoPascals (hPa)    

    """

    A_sum = A/temp_k
    B_sum = B
    C_sum = C * temp_k
    D_sum = D * (temp_k**2)
    E_sum = E * (temp_k**3)
    F_sum = F * (temp_k**4)
    G_sum = G * np.log(temp_k)

    ln_ew = A_sum + B_sum + C_sum + D_sum + E_sum + F_sum + G_sum

    return float(np.exp(ln_ew) / 100)


@njit(parallel=True, fastmath=True)
def _hyland_wexler_vectorised(temp_k: npt.ArrayLike, A: float, B: float, C: float, D: float, 
                              E: float, F: float, G: float) -> npt.ArrayLike:
    """
    Calculates saturation vapor using Hyland Wexler for Arrays

    Equation:
        ln(eᵢ) = -A/T + B - C·T + D·T² + E·T³ - F·T⁴ + G·ln(T)
    
    Args:
        temp_k: Array of temperatures in Kelvin
        A: Coefficient for 1/T term [K]
        B: Constant coefficient [dimensionless]
        C: Coefficient for T term [K⁻¹]
        D: Coefficient for T² term [K⁻²]
        E: Coefficient for T³ term [K⁻³]
        F: Coefficient for T⁴ term [K⁻⁴]
        G: Coefficient for ln(T) term [dimensionless]

    Returns:
        Saturation vapor pressure in hectoPascals (hPa)   
    """
    n = len(temp_k)
    result = np.empty(n, dtype=np.float64)
    for i in prange(n):
        result[i] = _hyland_wexler_scalar(temp_k[i], A, B, C, D, E, F, G)
    return result


# ---- src/meteocalc/lcl/_jit_equations.py ----
"""
Jit equation for bolton lcl approximation equations.

Author: Cian Quezon
"""
import numpy as np
import numpy.typing as npt
from numba import njit, prange


@njit
def _bolton_lcl_temp_scalar(temp_k: float, dewpoint_temp_k: float):
    """
    Compute the LCL temperature for a single parcel using Bolton (1980).

    Returns the temperature at which an air parcel becomes saturated when
    lifted dry-adiabatically from the surface. Implements Bolton (1980)
    eq. 15, accurate to within ~1 K for typical atmospheric conditions.

    Parameters
    ----------
    temp_k : float
        Surface air temperature in Kelvin.
    dewpoint_temp_k : float
        Surface dewpoint temperature in Kelvin.

    Returns
    -------
    float
        Temperature at the LCL in Kelvin.
    """
    return 56.0 + 1.0 / (
        1.0 / (dewpoint_temp_k - 56.0) + np.log(temp_k / dewpoint_temp_k) / 800.0
    )


@njit
def _bolton_lcl_pressure_scalar(temp_k: float, lcl_temp_k: float, pressure_hpa: float):
    """
    Compute the LCL pressure for a single parcel via Poisson's relation.

    Given the LCL temperature, derives the corresponding pressure level
    using the dry adiabatic Poisson relation.

    Parameters
    ----------
    temp_k : float
        Surface air temperature in Kelvin.
    lcl_temp_k : float
        Temperature at the LCL in Kelvin, as returned by
        ``_bolton_lcl_temp_scalar``.
    pressure_hpa : float
        Surface pressure in hectopascals (hPa).

    Returns
    -------
    float
        Pressure at the LCL in hectopascals (hPa).
    """
    return pressure_hpa * (lcl_temp_k / temp_k) ** (cpd / Rd)


@njit
def _bolton_lcl_scalar(temp_k: float, dewpoint_temp_k: float, pressure_hpa: float):
    """
    Compute LCL temperature and pressure for a single parcel.

    Primary scalar interface for LCL calculations. Combines
    ``_bolton_lcl_temp_scalar`` and ``_bolton_lcl_pressure_scalar``,
    computing the LCL temperature once and reusing it for the pressure
    calculation.

    Parameters
    ----------
    temp_k : float
        Surface air temperature in Kelvin.
    dewpoint_temp_k : float
        Surface dewpoint temperature in Kelvin.
    pressure_hpa : float
        Surface pressure in hectopascals (hPa).

    Returns
    -------
    lcl_temp_k : float
        Temperature at the LCL in Kelvin.
    lcl_pressure_hpa : float
        Pressure at the LCL in hectopascals (hPa).
    """
    lcl_temp_k = _bolton_lcl_temp_scalar(temp_k=temp_k, dewpoint_temp_k=dewpoint_temp_k)
    lcl_pressure_hpa = _bolton_lcl_pressure_scalar(
        temp_k=temp_k, lcl_temp_k=lcl_temp_k, pressure_hpa=pressure_hpa
    )

    return lcl_temp_k, lcl_pressure_hpa


@njit(parallel=True)
def _bolton_lcl_vectorised(
    temp_k: npt.ArrayLike, dewpoint_temp_k: npt.ArrayLike, pressure_hpa: npt.ArrayLike
):
    """
    Compute LCL temperature and pressure for an array of parcels.

    Vectorised equivalent of ``_bolton_lcl_scalar``, parallelised across
    CPU cores via ``numba.prange``.

    Parameters
    ----------
    temp_k : array-like of float
        1-D array of surface air temperatures in Kelvin.
    dewpoint_temp_k : array-like of float
        1-D array of surface dewpoint temperatures in Kelvin.
        Must be the same length as ``temp_k``.
    pressure_hpa : array-like of float
        1-D array of surface pressures in hectopascals (hPa).
        Must be the same length as ``temp_k``.

    Returns
    -------
    lcl_temp_k : np.ndarray of float64
        LCL temperatures in Kelvin, shape ``(n,)``.
    lcl_pressure_hpa : np.ndarray of float64
        LCL pressures in hectopascals (hPa), shape ``(n,)``.
    """

    n = len(temp_k)
    results_lcl_temp = np.empty(n, dtype=np.float64)
    results_lcl_press = np.empty(n, dtype=np.float64)

    for i in prange(n):
        results_lcl_temp[i], results_lcl_press[i] = _bolton_lcl_scalar(
            temp_k=temp_k[i],
            dewpoint_temp_k=dewpoint_temp_k[i],
            pressure_hpa=pressure_hpa[i],
        )

    return results_lcl_temp, results_lcl_press


# ---- src/meteocalc/thermodynamics/_jit_equations.py ----
"""
Jit equations for thermodynamics.

Author: Cian Quezon
"""
import numpy.typing as npt
import numpy as np
import math
from numba import njit, prange


@njit 
def _bolton_theta_e_scalar(temp_k: float, lcl_temp_k: float,
                                      pressure_hpa: float, vapor_pressure_hpa: float,
                                      mixing_ratio: float, p0: float = 1000.0):
    """
    Calculate equivalent potential temperature (θE) using Bolton (1980) method.
    
    Combines potential temperature at LCL (θL) with exponential moisture term
    to represent total thermal and latent heat energy content of an air parcel.
    Uses Bolton equation 39 for the exponential moisture correction.
    
    Parameters
    ----------
    temp_k : float
        Air temperature in Kelvin
    lcl_temp_k : float
        Lifting condensation level temperature in Kelvin
    pressure_hpa : float
        Total atmospheric pressure in hPa
    vapor_pressure_hpa : float
        Water vapor pressure in hPa
    mixing_ratio : float
        Water vapor mixing ratio in kg/kg
    p0 : float, optional
        Reference pressure in hPa, default 1000.0
        
    Returns
    -------
    float
        Equivalent potential temperature in Kelvin
        
    """

    theta_L = _bolton_theta_l_scalar(temp_k=temp_k, lcl_temp_k=lcl_temp_k, pressure_hpa=pressure_hpa,
                                         vapor_pressure_hpa=vapor_pressure_hpa, mixing_ratio=mixing_ratio, p0=p0)
    
    exponential_term = ((3376.0/lcl_temp_k) - 0.00254) * mixing_ratio * (1.0 + 0.81 * mixing_ratio)

    if exponential_term > 50.0:
        return math.nan
    
    theta_E = theta_L * math.exp(exponential_term)

    return theta_E

@njit
def _bolton_theta_e_vectorised(temp_k: npt.ArrayLike, lcl_temp_k: npt.ArrayLike,
                                      pressure_hpa: npt.ArrayLike, vapor_pressure_hpa: npt.ArrayLike,
                                      mixing_ratio: npt.ArrayLike, p0: npt.ArrayLike):
    """
    Vectorized calculation of equivalent potential temperature (θE).
    
    Applies scalar equivalent potential temperature calculation to input arrays
    using parallel processing for high-performance computation of large datasets.
    
    Parameters
    ----------
    temp_k : npt.ArrayLike
        Air temperature array in Kelvin
    lcl_temp_k : npt.ArrayLike
        Lifting condensation level temperature array in Kelvin
    pressure_hpa : npt.ArrayLike
        Total atmospheric pressure array in hPa
    vapor_pressure_hpa : npt.ArrayLike
        Water vapor pressure array in hPa
    mixing_ratio : npt.ArrayLike
        Water vapor mixing ratio array in kg/kg
    p0 : npt.ArrayLike
        Reference pressure in hPa, default 1000.0
        
    Returns
    -------
    np.ndarray
        Equivalent potential temperature array in Kelvin
    """
    n = len(temp_k)
    results = np.empty(n, dtype=np.float64)

    for i in prange(n):
        results[i] = _bolton_theta_e_scalar(temp_k=temp_k[i], lcl_temp_k=lcl_temp_k[i],
                                      pressure_hpa=pressure_hpa[i], vapor_pressure_hpa=vapor_pressure_hpa[i],
                                      mixing_ratio=mixing_ratio[i], p0=p0[i])
    
    return results

@njit
def _bolton_theta_l_scalar(temp_k: float, lcl_temp_k: float,
                               pressure_hpa: float, vapor_pressure_hpa: float,
                               mixing_ratio: float, p0: float = 1000.0):
    """
    Calculate potential temperature at lifting condensation level (θL).
    
    Implements Bolton (1980) equation 24 with moisture corrections for
    dry air pressure and thermodynamic effects of water vapor.
    
    Parameters
    ----------
    temp_k : float
        Air temperature in Kelvin
    lcl_temp_k : float
        Lifting condensation level temperature in Kelvin
    pressure_hpa : float
        Total atmospheric pressure in hPa
    vapor_pressure_hpa : float
        Water vapor pressure in hPa
    mixing_ratio : float
        Water vapor mixing ratio in kg/kg
    p0 : float, optional
        Reference pressure in hPa, default 1000.0
        
    Returns
    -------
    float
        Potential temperature at LCL in Kelvin
    """
    Rd = 287.04
    cp = 1004.0
    kappa = Rd/cp

    pressure_term = (p0 / (pressure_hpa - vapor_pressure_hpa)) ** kappa

    moisture_term = (temp_k/lcl_temp_k) ** (0.28 * mixing_ratio)

    return temp_k * pressure_term * moisture_term

@njit
def _bolton_theta_l_vectorised(temp_k: npt.ArrayLike, lcl_temp_k: npt.ArrayLike,
                               pressure_hpa: npt.ArrayLike, vapor_pressure_hpa: npt.ArrayLike,
                               mixing_ratio: npt.ArrayLike, p0: npt.ArrayLike):
    """
    Vectorized calculation of potential temperature at LCL (θL).
    
    Applies scalar LCL potential temperature calculation to input arrays
    using parallel processing for high-performance computation.
    
    Parameters
    ----------
    temp_k : npt.ArrayLike
        Air temperature array in Kelvin
    lcl_temp_k : npt.ArrayLike 
        LCL temperature array in Kelvin
    pressure_hpa : npt.ArrayLike
        Total atmospheric pressure array in hPa
    vapor_pressure_hpa : npt.ArrayLike
        Water vapor pressure array in hPa
    mixing_ratio : npt.ArrayLike
        Water vapor mixing ratio array in kg/kg
    p0 : npt.ArrayLike
        Reference pressure in hPa, default 1000.0
        
    Returns
    -------
    np.ndarray
        Potential temperature at LCL array in Kelvin
        
    """
    n = len(temp_k)
    results = np.empty(n, dtype=np.float64)

    for i in prange(n):
        results[i] = _bolton_theta_l_scalar(temp_k=temp_k[i], lcl_temp_k=lcl_temp_k[i],
                                                pressure_hpa=pressure_hpa[i], vapor_pressure_hpa=vapor_pressure_hpa[i],
                                                 mixing_ratio=mixing_ratio[i], p0=p0[i])
    
    return results


@njit
def _poisson_scalar(temp_k: float, p: float, p0: float = 1000.0):
    """
    Compute potential temperature using Poisson's equation.
    
    Parameters
    ----------
    temp_k  : temperature (K)
    p  : pressure (hPa)
    p0 : reference pressure (hPa), default 1000 hPa
    
    Returns
    -------
    theta : potential temperature (K)
    """
    Rd = 287.04
    cp = 1004.0
    kappa = Rd/cp

    return temp_k * (p0 / p) ** kappa

@njit
def _poisson_vectorised(temp_k: npt.ArrayLike, p: npt.ArrayLike, p0: npt.ArrayLike):
    """
    Compute potential temperature using Poisson's equation.
    
    Parameters
    ----------
    temp_k  : temperature array (K)
    p  : pressure array (hPa)
    p0 : reference pressure array (hPa), default 1000 hPa
    
    Returns
    -------
    theta : potential temperature array (K)
    """
    n = len(temp_k)
    results = np.empty(n, dtype=np.float64)

    for i in prange(n):
        results[i] = _poisson_scalar(temp_k=temp_k[i], p=p[i], p0=p0)
    
    return results


# ---- harness (not part of the program) ----
ENTRY = "parcel_thermodynamics"


def parcel_thermodynamics(t_column, temp_k, dewpoint_k, pressure_hpa):
    gw, gi = GOFF_GRATCH_WATER, GOFF_GRATCH_ICE
    hw, hi = HYLAND_WEXLER_WATER, HYLAND_WEXLER_ICE
    es_bolton = _bolton_vectorised(t_column)
    es_gg_w = _goff_gratch_vector(t_column, gw.T_ref, gw.A, gw.B, gw.C, gw.C_exp, gw.D, gw.D_exp, gw.log_p_ref)
    es_gg_i = _goff_gratch_vector(t_column, gi.T_ref, gi.A, gi.B, gi.C, float(gi.C_exp), float(gi.D),
                                  float(gi.D_exp), gi.log_p_ref)
    es_hw_w = _hyland_wexler_vectorised(t_column, hw.A, hw.B, hw.C, hw.D, hw.E, float(hw.F), hw.G)
    es_hw_i = _hyland_wexler_vectorised(t_column, *hi)
    scalars = (_bolton_scalar(283.15), _goff_gratch_scalar(263.15, *gi),
               _hyland_wexler_scalar(300.0, *hw), _bolton_lcl_scalar(300.0, 290.0, 1000.0))
    lcl_t, lcl_p = _bolton_lcl_vectorised(temp_k, dewpoint_k, pressure_hpa)
    e = _bolton_vectorised(dewpoint_k)
    w = eps * e / (pressure_hpa - e)
    p0 = np.full(len(temp_k), 1000.0)
    theta_l = _bolton_theta_l_vectorised(temp_k, lcl_t, pressure_hpa, e, w, p0)
    theta_e = _bolton_theta_e_vectorised(temp_k, lcl_t, pressure_hpa, e, w, p0)
    theta = _poisson_vectorised(temp_k, pressure_hpa, 1000.0)
    theta_e1 = _bolton_theta_e_scalar(temp_k[0], lcl_t[0], pressure_hpa[0], e[0], w[0])
    theta_e_nan = _bolton_theta_e_scalar(300.0, 60.0, 1000.0, 20.0, 2.0)
    theta1 = _poisson_scalar(280.0, 850.0)
    return (es_bolton, es_gg_w, es_gg_i, es_hw_w, es_hw_i, scalars, lcl_t, lcl_p, e, w,
            theta_l, theta_e, theta, theta_e1, theta_e_nan, theta1)


def inputs():
    rng = np.random.default_rng(0)
    t_column = np.linspace(233.15, 313.15, 41)
    temp_k = rng.uniform(268.0, 308.0, 32)
    dewpoint_k = temp_k - rng.uniform(0.5, 18.0, 32)
    pressure_hpa = rng.uniform(850.0, 1030.0, 32)
    return (t_column, temp_k, dewpoint_k, pressure_hpa)
