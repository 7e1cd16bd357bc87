# Source: pastas/pastas pastas/recharge.py (commit 00ccb0b9; njit, USE_NUMBA and set_use_numba from pastas/decorators.py; ArrayLike from pastas/typing/types.py)
# Licence: MIT (pastas, LICENSE; Copyright (c) 2016-2020 R.A. Collenteur, M. Bakker, R. Calje, F. Schaars)
# Notes: groundwater recharge by the FlexModel soil-water balance (Collenteur et al. 2021): a degree-day snow bucket, an interception bucket and a root-zone reservoir with nonlinear drainage, each a jitted @staticmethod (pastas' own njit decorator stacked under @staticmethod: it calls numba.njit(f, parallel=False) from inside the decorator, or returns f when USE_NUMBA is off), with typed defaults (srmax=250.0, ...), numpy functions imported by name (zeros(..., dtype=float64), where, exp), builtin min/max, forward-Euler updates, and tuples of slices and negated arrays returned; the class's simulate (not jitted) calls them with keyword arguments and sums a water-balance error; pastas' njit (with USE_NUMBA and set_use_numba; its Optional[Function]/Function annotations, which name pastas.typing's Function, dropped) is pasted in place of `from .decorators import njit`, the ArrayLike TypeVar from pastas/typing/types.py in place of `from pastas.typing import ArrayLike`; left out: `from pandas import DataFrame` and the methods that build DataFrames (get_init_parameters of RechargeBase and FlexModel, FlexModel.get_water_balance), and the module's other recharge classes (Linear, Berendrecht, Peterson, whose get_recharge methods are jitted the same way); the harness calls FlexModel(interception=True, snow=True).simulate(..., return_full=True)
"""This module contains the classes for recharge models.

This module contains the different classes that can be used to simulate the effect of
precipitation and evapotranspiration on groundwater levels. Depending on the
mathematical formulation this effect may be interpreted as:

1. seepage to the groundwater
2. precipitation excess,
3. groundwater recharge.

For the implementation of each model we refer to the references listed in the
documentation of each recharge model.

The classes defined here are designed to be used in conjunction with the stressmodel
"RechargeModel", which requires an instance of one of the classes defined here.

.. codeauthor:: R.A. Collenteur, University of Graz

See Also
--------
pastas.stressmodels.RechargeModel
    The recharge models listed above are provided to a RechargeModel.

Examples
--------
Using the recharge models is as follows:

>>> rch = ps.rch.FlexModel()
>>> sm = ps.RechargeModel(prec, evap, recharge=rch, rfunc=ps.Gamma(), name="rch")
>>> ml.add_stressmodel(sm)

After solving a model, the simulated recharge flux can be obtained:

>>> rch_sim = ml.get_stress("rch")
"""

from logging import getLogger

# Type Hinting
from typing import Tuple, Union

from numpy import add, exp, float64, multiply, nan_to_num, power, vstack, where, zeros

# ---- pastas/typing/types.py (ArrayLike) ----
from typing import TypeVar

from numpy.typing import ArrayLike as NumpyArrayLike

ArrayLike = TypeVar("ArrayLike", bound=NumpyArrayLike)  # Array Like (NumPy based)

# ---- pastas/decorators.py (USE_NUMBA, set_use_numba, njit) ----
USE_NUMBA = True


def set_use_numba(b: bool) -> None:
    global USE_NUMBA
    USE_NUMBA = b


def njit(function=None, parallel: bool = False):
    def njit_decorator(f):
        try:
            if not USE_NUMBA:
                return f
            else:
                from numba import njit

                fnumba = njit(f, parallel=parallel)
                return fnumba
        except ImportError:
            return f

    if function:
        return njit_decorator(function)

    return njit_decorator


# ---- pastas/recharge.py ----
logger = getLogger(__name__)


class RechargeBase:
    """Base class for classes that calculate the recharge."""

    _name = "RechargeBase"

    def __init__(self) -> None:
        self.snow = False
        self.nparam = 0

    def simulate(self, prec, evap, p, dt=1.0, return_full=False, **kwargs):
        pass

    def to_dict(self):
        """Method to export the recharge model object.

        Returns
        -------
        data: dict
            dictionary with all necessary information to reconstruct the StressModel
            object.
        """
        data = {
            "class": self._name,
        }
        return data


class FlexModel(RechargeBase):
    """Recharge to the groundwater calculated according to
    :cite:t:`collenteur_estimation_2021`.

    Parameters
    ----------
    interception: bool, optional
        Use an interception reservoir in the model or not.
    snow: bool, optional
        Account for snowfall and snowmelt in the model. If True, a temperature series
        should be provided to the RechargeModel.
    gw_uptake: bool, optional
        If True, the potential evaporation that is left after evaporation from the
        interception reservoir and the root zone reservoir is subtracted from the
        recharge flux. An additional parameter can be used to scale the excess
        evaporation. Note that this is an EXPERIMENTAL FEATURE that may be removed in
        the future!

    Notes
    -----
    For a detailed description of the recharge model and parameters we refer to
    :cite:t:`collenteur_estimation_2021`. The water balance for the unsaturated zone
    reservoir is written as:

    .. math::

        \\frac{dS}{dt} = P_e - E_a - R

    where the recharge is calculated as:

    .. math::

        R = K_s \\left( \\frac{S}{S_u}\\right) ^\\gamma

    If snow=True, a snow reservoir is added on top. For a detailed description of the
    degree-day snow model and parameters we refer to :cite:t:`kavetski_model_2007`.
    The water balance for the snow reservoir is written as:

    .. math::

        \\frac{dSs}{dt} = Ps - M

    Note that the preferred unit of the precipitation and evaporation is mm/d and the
    temperature is degree celsius.

    """

    _name = "FlexModel"

    def __init__(
        self, interception: bool = True, snow: bool = False, gw_uptake: bool = False
    ):
        RechargeBase.__init__(self)
        self.snow = snow
        self.interception = interception
        self.gw_uptake = gw_uptake
        self.nparam = 5
        if self.interception:
            self.nparam += 1
        if self.gw_uptake:
            self.nparam += 1
        if self.snow:
            self.nparam += 2

    def simulate(
        self,
        prec: ArrayLike,
        evap: ArrayLike,
        temp: ArrayLike,
        p: ArrayLike,
        dt: float = 1.0,
        return_full: bool = False,
        **kwargs,
    ) -> ArrayLike:
        """Simulate the soil water balance model.

        Parameters
        ----------
        prec: array_like
            Precipitation flux in mm/d. Must have the same length as evap.
        evap: array_like
            Potential evaporation flux in mm/d.
        temp: array_like
            Temperature in degrees Celsius.
        p: array_like
            array_like object with the values as floats representing the model
            parameters. Must be length self.nparam.
        dt: float, optional
            time step for the calculation of the recharge. Only dt=1 is possible now.
        return_full: bool
            return all fluxes and states as NumPy arrays.

        Returns
        -------
        r: array_like
            Recharge flux calculated by the model.
        """
        ep = evap * p[4]

        if self.snow:
            ss, ps, m = self.get_snow_balance(prec=prec, temp=temp, tt=p[-2], k=p[-1])
            pr = prec - ps  # Remove snowfall from precipitation
        else:
            pr = prec  # All precipitation is rainfall and melt is zero
            m = 0.0

        if self.interception:
            si, ei, pi = self.get_interception_balance(pr=pr, ep=ep, simax=p[5])
            ep = ep + ei  # Update potential evaporation after interception
            pe = pr - pi  # Update rainfall after interception
        else:
            pe = pr

        sr, r, ea, q, _ = self.get_root_zone_balance(
            pe=pe - m, ep=ep, srmax=p[0], lp=p[1], ks=p[2], gamma=p[3], dt=dt
        )

        # report big water balance errors (error > 0.1%.)
        error = (sr[0] - sr[-1] + (pe - m + r + ea + q).sum()) / (
            pe.sum() + 1e-10
        )  # avoid division by zero
        if abs(error) > 0.1:
            logger.info(
                "Water balance error: %s %% of the total pe flux. Parameters: %s",
                error.round(2),
                p.astype(float).round(2),
            )

        if self.gw_uptake:
            # Compute leftover potential evaporation
            if self.interception:
                gf = p[6]
            else:
                gf = p[5]
            eg = ep + ea  # positive flux
            r = r + gf * eg

        if return_full:
            data = (sr, r, ea, q, pe)
            if self.interception:
                data += (si, ei, pi)
            if self.snow:
                data += (ss, ps, m)
            return data
        else:
            return -r

    @staticmethod
    @njit
    def get_root_zone_balance(
        pe: ArrayLike,
        ep: ArrayLike,
        srmax: float = 250.0,
        lp: float = 0.25,
        ks: float = 100.0,
        gamma: float = 4.0,
        dt: float = 1.0,
    ) -> Tuple[ArrayLike, ArrayLike, ArrayLike, ArrayLike, ArrayLike]:
        """Method to compute the water balance of the root zone reservoir.

        Parameters
        ----------
        pe: array_like
            Effective precipitation flux in mm/d.
        ep: array_like
            Potential evaporation flux in mm/d.
        srmax: float, optional
            Maximum storage capacity of the root zone.
        lp: float, optional
            Parameter determining when actual evaporation equals potential.
        ks: float, optional
            Saturated hydraulic conductivity in mm/d.
        gamma: float, optional
            Parameter determining the nonlinearity of outflow / recharge.
        dt: float, optional
            time step for the calculation of the recharge. Only dt=1 is possible now.

        Returns
        -------
        sr: array_like
            Storage in the root zone reservoir.
        r: array_like
            Recharge flux in mm/d
        ea: array_like
            Evaporation flux in mm/d. Consists of transpiration and soil evaporation.
            Does not include interception evaporation.
        q: array_like
            surface runoff flux in mm/d.
        pe: array_like
            Incoming infiltration flux in mm/d.

        """
        n = pe.size
        # Create empty arrays to store the fluxes and states
        sr = zeros(n + 1, dtype=float64)  # Root Zone Storage State
        sr[0] = 0.5 * srmax  # Set the initial system state to half-full
        ea = zeros(n, dtype=float64)  # Actual evaporation Flux
        r = zeros(n, dtype=float64)  # Recharge Flux
        q = zeros(n, dtype=float64)  # Surface runoff Flux
        lp = lp * srmax  # Do this here outside the for-loop for efficiency

        for t in range(n):
            # Make sure the solution is larger than 0.0 and smaller than sr
            if sr[t] > srmax:
                q[t] = sr[t] - srmax  # Surface runoff
                sr[t] = srmax
            elif sr[t] < 0.0:
                sr[t] = 0.0

            # Calculate evaporation from the root zone reservoir
            if sr[t] / lp < 1.0:
                ea[t] = ep[t] * sr[t] / lp
            else:
                ea[t] = ep[t]

            # Calculate the recharge flux
            r[t] = min(ks * (sr[t] / srmax) ** gamma, sr[t])
            # Update storage in the root zone
            sr[t + 1] = sr[t] + dt * (pe[t] - r[t] - ea[t])

        return sr[:-1], -r, -ea, -q, pe

    @staticmethod
    @njit
    def get_interception_balance(
        pr: ArrayLike, ep: ArrayLike, simax: float = 2.0, dt: float = 1.0
    ) -> Tuple[ArrayLike]:
        """Method to compute the water balance of the interception reservoir.

        Parameters
        ----------
        pr: array_like
            NumPy Array with rainfall in mm/day.
        ep: array_like
            NumPy Array with potential evaporation in mm/day.
        simax: float, optional
            storage capacity of the interception reservoir.
        dt: float
            time step used for computation. Only dt=1.0 is possible now.

        Returns
        -------
        si: array_like
            Interception storage.
        ei: array_like
            Interception evaporation.
        pi: array_like
            Incoming rainfall that is intercepted.

        Notes
        -----
        The water balance for the snow storage reservoir is defined as follows:

        .. math::

            \\frac{dS_i}{dt} = P_r - E_i - P_e

        where $S_i$ [L] is the interception storage, $P_r$ [L/T] is the incoming
        rainfall, $E_i$ [L/T] the interception evaporation, and $P_e$ [L/T] the
        overflow from the interception reservoir.
        """
        n = pr.size
        si = zeros(n + 1, dtype=float64)  # Interception Storage State
        pe = zeros(n, dtype=float64)  # Effective precipitation Flux
        ei = zeros(n, dtype=float64)  # Interception evaporation Flux

        for t in range(n):
            # Interception bucket
            ei[t] = min(ep[t], si[t])
            si[t + 1] = si[t] + dt * (pr[t] - ei[t])
            pe[t] = max(si[t + 1] - simax, 0.0)
            si[t + 1] = si[t + 1] - pe[t]

        pi = pr - pe  # Compute intercepted precipitation

        return si[:-1], -ei, pi

    @staticmethod
    @njit
    def get_snow_balance(
        prec: ArrayLike, temp: ArrayLike, tt: float = 0.0, k: float = 2.0
    ) -> Tuple[ArrayLike, ArrayLike, ArrayLike]:
        """Method to compute the water balance of the snow reservoir.

        Parameters
        ----------
        prec: array_like
            NumPy Array with precipitation in mm/day.
        temp: array_like
            NumPy Array with the mean daily temperature in degree Celsius.
        tt: float, optional
        k: float, optional

        Returns
        -------
        ss: array_like
            storage in the snow reservoir.
        ps: array_like
            snowfall flux in mm/d.
        m: array_like
            snow melt flux in mm/d.

        Notes
        -----
        The water balance from the snow reservoir is as follows:

        .. math::

            \\frac{dS_s}{dt} = P_s - M

        where $S_s$ [L] is the snow storage, $P_s$ [L/T] the snowfall, and $M$ [L/T]
        the snow melt from the snow reservoir.
        """
        n = prec.size
        # Create empty arrays to store the fluxes and states
        ss = zeros(n + 1, dtype=float64)  # Snow Storage
        ps = where(temp <= tt, prec, 0.0)  # Snowfall
        m = where(temp > tt, k * (temp - tt), 0.0)  # Potential Snow melt

        # Snow bucket
        for t in range(n):
            if temp[t] > tt:
                smoothing_factor = 1.0 - exp(-(ss[t] / 1.5))
                m[t] = min(m[t] * smoothing_factor, ss[t])
            ss[t + 1] = ss[t] + ps[t] - m[t]

        return ss[:-1], ps, -m

    def check_snow_balance(self, prec: ArrayLike, temp: ArrayLike, **kwargs) -> float:
        ss, ps, m = self.get_snow_balance(prec, temp)
        error = ss[0] - ss[-1] + (ps + m).sum()
        return error

    def check_interception_balance(
        self, prec: ArrayLike, evap: ArrayLike, **kwargs
    ) -> float:
        si, ei, pi = self.get_interception_balance(prec, evap)
        error = si[0] - si[-1] + (pi + ei).sum()
        return error

    def check_root_zone_balance(
        self, prec: ArrayLike, evap: ArrayLike, **kwargs
    ) -> float:
        sr, r, ea, q, pe = self.get_root_zone_balance(prec, evap)
        error = sr[0] - sr[-1] + (r + ea + q + pe).sum()
        return error

    def to_dict(self):
        """Method to export the recharge model object.

        Returns
        -------
        data: dict
            dictionary with all necessary information to reconstruct the recharge
            object.
        """
        data = {
            "class": self._name,
            "interception": self.interception,
            "snow": self.snow,
            "gw_uptake": self.gw_uptake,
        }
        return data

# ---- harness (not part of the program) ----
import numpy as np


def flexmodel_simulate(prec, evap, temp, p):
    # what RechargeModel does with a FlexModel(snow=True): the full set of
    # fluxes and states (root zone, interception, snow)
    return FlexModel(interception=True, snow=True).simulate(
        prec, evap, temp, p, return_full=True)


ENTRY = "flexmodel_simulate"


def inputs():
    # three years of daily forcing for a temperate, snowy site: rain on ~45 %
    # of the days (mm/d), seasonal potential evaporation (mm/d) and mean
    # temperature (deg C, below zero in winter); the 8 parameters in
    # FlexModel order (srmax, lp, ks, gamma, kv, simax, tt, k)
    rng = np.random.default_rng(0)
    n = 3 * 365
    day = np.arange(n)
    season = np.sin(2 * np.pi * (day - 110) / 365.25)
    prec = np.where(rng.random(n) < 0.45, rng.gamma(0.7, 6.0, n), 0.0)
    evap = np.maximum(0.0, 1.5 + 1.4 * season + rng.normal(0.0, 0.2, n))
    temp = 8.0 + 11.0 * season + rng.normal(0.0, 3.0, n)
    p = np.array([220.0, 0.25, 60.0, 3.0, 1.0, 2.0, 0.0, 2.5])
    return (prec, evap, temp, p)
