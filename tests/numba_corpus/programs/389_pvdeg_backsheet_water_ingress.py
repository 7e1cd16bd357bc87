# Source: NREL/PVDegradationTools pvdeg/humidity.py (at commit 9bce51b0)
# Licence: BSD-3-Clause (PVDegradationTools / pvdeg, LICENSE.md: "BSD 3-Clause License, Copyright 2020-2023 Alliance for Sustainable Energy, LLC")
# Notes: moisture ingress through the polymer backsheet into the back encapsulant of a photovoltaic module, hour by hour (PV reliability / degradation modelling for solar energy systems): Ce_numba (@jit(nopython=True), keyword defaults for the EVA / PET material constants, among them the int WVTRo=7970633554) integrates the water concentration in the encapsulant with an explicit first-order step per time step, using Arrhenius terms np.exp(-(Ea / (R * (T + 273.15)))) for the backsheet water-vapour transmission rate and the encapsulant solubility, with the recurrence on the previous element (i == 0 takes `start`). Pasted, verbatim: the module's numpy and numba imports (less pandas, pvlib, rex and the pvdeg-internal imports, which only the other functions use) and the functions back_encap needs before its numba call, psat, surface_outside, _csat and _ceq (plain Python), and Ce_numba; left out: dew_yield (an unrelated jitted scalar function) and the pandas-based front / back / backsheet wrappers; the harness passes what back_encap passes: start = Ceq[0] from _ceq(_csat(temp_module), surface_outside(rh_ambient, temp_ambient, temp_module)), the module temperature and the module-surface relative humidity as float64 numpy arrays for 30 days at hourly steps (air 8-28 C with a daily cycle, module up to ~25 C warmer at midday, ambient RH 35-95 % anti-correlated with temperature), and the default material parameters WVTRo=7970633554, EaWVTR=55.0255, So=1.81390702, l=0.5, Eas=16.729
import numpy as np
from numba import jit


def psat(temp, average=True):
    """
    Function calculated the water saturation temperature or dew point for a given water vapor
    pressure. Water vapor pressure model created from an emperical fit of ln(Psat) vs
    temperature using a 6th order polynomial fit. The fit produced R^2=0.999813.
    Calculation created by Michael Kempe, unpublished data.

    Parameters:
    -----------
    temp : series, float
        The air temperature (dry bulb) as a time-indexed series [C]
    average : boolean, default = True
        If true, return both psat serires and average psat (used for certain calcs)
    Returns:
    --------
    psat : array, float
        Saturation point
    avg_psat : float, optional
        mean saturation point for the series given
    """

    psat = np.exp(
        (3.2575315268e-13 * temp**6)
        - (1.5680734584e-10 * temp**5)
        + (2.2213041913e-08 * temp**4)
        + (2.3720766595e-7 * temp**3)
        - (4.0316963015e-04 * temp**2)
        + (7.9836323361e-02 * temp)
        - (5.6983551678e-1)
    )
    if average:
        return psat, psat.mean()
    else:
        return psat


def surface_outside(rh_ambient, temp_ambient, temp_module):
    """
    Function calculates the Relative Humidity of a Solar Panel Surface at module temperature

    Parameters
    ----------
    rh_ambient : float
        The ambient outdoor environmnet relative humidity [%].
    temp_ambient : float
        The ambient outdoor environmnet temperature [°C]
    temp_module : float
        The surface temperature of the solar panel module [°C]

    Returns
    --------
    rh_Surface : float
        The relative humidity of the surface of a solar module as a fraction or percent depending on input.

    """
    rh_Surface = rh_ambient * (psat(temp_ambient)[0] / psat(temp_module)[0])

    return rh_Surface

    ###########
    # Front Encapsulant RH
    ###########


def _csat(temp_module, So=1.81390702, Eas=16.729):
    """
    Calculation is used in determining Relative Humidity of Backside Solar
    Module Encapsulant, and returns saturation of Water Concentration [g/cm³]

    Parameters
    -----------
    temp_module : pandas series (float)
        The surface temperature in Celsius of the solar panel module
        "module temperature [°C]"
    So : float
        Encapsulant solubility prefactor in [g/cm3]
        So = 1.81390702(g/cm3) is the suggested value for EVA.
    Eas : float
        Encapsulant solubility activation energy in [kJ/mol]
        Eas = 16.729(kJ/mol) is the suggested value for EVA.

    Returns
    -------
    Csat : pandas series (float)
        Saturation of Water Concentration [g/cm³]

    """

    # Saturation of water concentration
    Csat = So * np.exp(-(Eas / (0.00831446261815324 * (273.15 + temp_module))))

    return Csat


def _ceq(Csat, rh_SurfaceOutside):
    """
    Calculation is used in determining Relative Humidity of Backside Solar
    Module Encapsulant, and returns Equilibration water concentration (g/cm³)

    Parameters
    ------------
    Csat : pandas series (float)
        Saturation of Water Concentration (g/cm³)
    rh_SurfaceOutside : pandas series (float)
        The relative humidity of the surface of a solar module (%)

    Returns
    --------
    Ceq : pandas series (float)
        Equilibration water concentration (g/cm³)

    """

    Ceq = Csat * (rh_SurfaceOutside / 100)

    return Ceq


@jit(nopython=True)
def Ce_numba(
    start,
    temp_module,
    rh_surface,
    WVTRo=7970633554,
    EaWVTR=55.0255,
    So=1.81390702,
    l=0.5,
    Eas=16.729,
):
    """
    Calculation is used in determining Relative Humidity of Backside Solar
    Module Encapsulant. This function returns a numpy array of the Concentration of water in the
    encapsulant at every time step

    Numba was used to isolate recursion requiring a for loop
    Numba Functions compile and run in machine code but can not use pandas (Very fast).

    Parameters
    -----------
    start : float
        Initial value of the Concentration of water in the encapsulant
        currently takes the first value produced from
        the _ceq(Saturation of Water Concentration) as a point
        of acceptable equilibrium
    temp_module : pandas series (float)
        The surface temperature in Celsius of the solar panel module
        "module temperature [°C]"
    rh_Surface : list (float)
        The relative humidity of the surface of a solar module [%]
        EXAMPLE: "50 = 50% NOT .5 = 50%"
    WVTRo : float
        Water Vapor Transfer Rate prefactor [g/m2/day].
        The suggested value for EVA is WVTRo = 7970633554(g/m2/day).
    EaWVTR : float
        Water Vapor Transfer Rate activation energy [kJ/mol] .
        It is suggested to use 0.15[mm] thick PET as a default
        for the backsheet and set EaWVTR=55.0255[kJ/mol]
    So : float
        Encapsulant solubility prefactor in [g/cm3]
        So = 1.81390702(g/cm3) is the suggested value for EVA.
    l : float
        Thickness of the backside encapsulant [mm].
        The suggested value for encapsulat is EVA l=0.5(mm)
    Eas : float
        Encapsulant solubility activation energy in [kJ/mol]
        Eas = 16.729[kJ/mol] is the suggested value for EVA.

    Returns
    --------
    Ce_list : numpy array
        Concentration of water in the encapsulant at every time step

    """

    dataPoints = len(temp_module)
    Ce_list = np.zeros(dataPoints)

    for i in range(0, len(rh_surface)):
        if i == 0:
            # Ce = Initial start of concentration of water
            Ce = start
        else:
            Ce = Ce_list[i - 1]

        Ce = Ce + (
            (
                WVTRo
                / 100
                / 100
                / 24
                * np.exp(
                    -((EaWVTR) / (0.00831446261815324 * (temp_module[i] + 273.15)))
                )
            )
            / (
                So
                * l
                / 10
                * np.exp(-((Eas) / (0.00831446261815324 * (temp_module[i] + 273.15))))
            )
            * (
                rh_surface[i]
                / 100
                * So
                * np.exp(-((Eas) / (0.00831446261815324 * (temp_module[i] + 273.15))))
                - Ce
            )
        )

        Ce_list[i] = Ce

    return Ce_list
# ---- harness (not part of the program) ----
ENTRY = "Ce_numba"


def inputs():
    # 30 days, hourly: air temperature, module temperature and ambient RH,
    # then what back_encap computes before calling Ce_numba
    rng = np.random.default_rng(0)
    n = 30 * 24
    hour = np.arange(n) % 24
    daily = np.sin(2 * np.pi * (hour - 9) / 24.0)
    temp_ambient = 18.0 + 10.0 * daily + rng.normal(0.0, 1.0, n)
    sun = np.clip(np.sin(np.pi * (hour - 6) / 12.0), 0.0, None)
    temp_module = temp_ambient + 25.0 * sun * rng.uniform(0.6, 1.0, n)
    rh_ambient = np.clip(65.0 - 30.0 * daily + rng.normal(0.0, 5.0, n), 35.0, 95.0)
    rh_surface = surface_outside(rh_ambient=rh_ambient, temp_ambient=temp_ambient,
                                 temp_module=temp_module)
    Csat = _csat(temp_module=temp_module, So=1.81390702, Eas=16.729)
    Ceq = _ceq(Csat=Csat, rh_SurfaceOutside=rh_surface)
    start = Ceq[0]
    return (start, temp_module, rh_surface, 7970633554, 55.0255, 1.81390702,
            0.5, 16.729)
