# Source: HydrologyFrankfurt/ReWaterGAP core/verticalwaterbalance/canopy.py (at commit 08b3dfdb)
# Licence: LGPL-3.0 (WaterGAP, the file's header: "You should have received a copy of the LGPLv3 License along with WaterGAP")
# Notes: the daily canopy water balance of the WaterGAP global hydrological model (Müller Schmied et al. 2021, section 4.2; hydrology): canopy_balance (@njit(cache=True)) rescales the canopy storage for a change in land-area fraction, zeroes tiny storages, computes the maximum storage from the leaf area index, throughfall, canopy evaporation with a (storage/max)**(2/3) power and the potential evaporation left for the soil, with nested if/else branches that assign integer 0 or float values to the same variables; some returned variables are assigned only on one branch (daily_storage_transfer only when the land-area fraction is zero, throughfall and land_storage_change_sum only when it is positive), and the function returns a 6-tuple through a backslash-continued return. Pasted: the file whole (licence header, docstrings, numpy and numba imports); the harness steps 120 days over 50 grid cells as WaterGAP's vertical water balance does for each cell, with synthetic seasonal leaf area index (including leafless cells), potential evaporation and intermittent precipitation, land-area fraction 0.4-1.0 with small day-to-day ratio changes, max_storage_coefficient 0.3 and minstorage_volume 1e-15, collecting storage, throughfall, canopy evaporation, PET to soil and the storage change (only cells with a positive land-area fraction, where every returned value except daily_storage_transfer is assigned)
# -*- coding: utf-8 -*-
# =============================================================================
# This file is part of WaterGAP.

# WaterGAP is an opensource software which computes water flows and storages as
# well as water withdrawals and consumptive uses on all continents.

# You should have received a copy of the LGPLv3 License along with WaterGAP.
# if not see <https://www.gnu.org/licenses/lgpl-3.0>
# =============================================================================

"""Canopy storage."""

# =============================================================================
# This modules computes the canopy water balance, including canopy storage and
# water flows entering and leaving the canopy storage.
# Based on section 4.2 of (Müller Schmied et al. (2021)).
# =============================================================================

import numpy as np
from numba import njit


@njit(cache=True)
def canopy_balance(canopy_storage, daily_leaf_area_index, potential_evap,
                   precipitation, current_landarea_frac, landareafrac_ratio,
                   max_storage_coefficient, minstorage_volume):
    """
    Calulate daily canopy balance including canopy storage and water flows
    entering and leaving the canopy storage.

    Parameters
    ----------
    canopy_storage : float
        Daily canopy storage,  Units: [mm]
    daily_leaf_area_index : float
       Daily leaf area index  Units: [-]
    potential_evap : float
        Daily potential  evapotranspiration,  Units: [mm/day]
    precipitation : float
        Daily precipitation,  Units: [mm/day]
    current_landarea_frac : float
      Land area fraction of current time step,  Units: [-]
    landareafrac_ratio : float
       Ratio of land area fraction of previous to current time step, Units: [-]
    max_storage_coefficient:
        coefficient for computing maximum canopy storage, Units: [-]
    minstorage_volume: float
        Volumes at which storage is set to zero, units: [km3]

    Returns
    -------
    canopy_storage : float
        Updated daily canopy stroage,  Units: [mm]
    throughfall : float
        Throughfall,  Units: [mm/day]
    canopy_evap : float
        Canopy evaporation,  Units: [mm/day]
    pet_to_soil : float
        Remaining energy for addtional soil evaporation, Units: [mm/day]
    land_storage_change_sum : float
        Sum of change in vertical balance storages, Units: [mm]
    daily_storage_transfer : float
        Storage to be transfered to runoff when land area fraction of current
        time step is zero, Units: [mm]
    """
    if current_landarea_frac > 0:
        # =========================================================
        # Adapt for change in land area fraction on canopy storage
        # =========================================================
        canopy_storage *= landareafrac_ratio

        # minimal storage volume =1e15 (smaller volumes set to zero) to counter
        # numerical inaccuracies
        if np.abs(canopy_storage) <= minstorage_volume:
            canopy_storage = 0

        # Initial storage to calulate change in canopy_storage.
        initial_storage = canopy_storage

        if daily_leaf_area_index > 0:
            # =================================================================
            # Calculating maxumum storage and canopy storage deficit (mm)
            # =================================================================
            # See Eq. 4 in Müller Schmied et al 2021. for maximum storage
            # equation
            max_canopy_storage = max_storage_coefficient * daily_leaf_area_index
            canopy_storage_difference = max_canopy_storage - canopy_storage

            # =================================================================
            # Calculating throughfall (mm/day) and canopy storage (mm)
            # ================================================================
            # See Eq. 3 in Müller Schmied et al 2021. for throughfall equation

            if precipitation < canopy_storage_difference:
                throughfall = 0
                canopy_storage += precipitation
            else:
                throughfall = precipitation - canopy_storage_difference
                canopy_storage = max_canopy_storage

            # =================================================================
            # Calculating Canopy Evaporation (mm/day)
            # =================================================================
            # Check non zero division for canopy_storage and max_canopy_storage
            # required for canopy evaporation
            if max_canopy_storage > 0:
                canopy_evap = potential_evap * \
                    (canopy_storage / max_canopy_storage)**(2 / 3)
            else:
                canopy_evap = 0

            if canopy_evap > canopy_storage:
                canopy_evap = canopy_storage

                # Note!!! not all PET is used for canopy evaporation.
                # Part goes to the soil which is the variable pet_to_soil.
                pet_to_soil = potential_evap - canopy_storage
                canopy_storage = 0
            else:
                canopy_storage -= canopy_evap
                pet_to_soil = potential_evap - canopy_evap

        else:
            throughfall = precipitation
            pet_to_soil = potential_evap
            canopy_evap = 0

        # Computing change in canopy storage
        canopy_storage_change = canopy_storage - initial_storage

        # land_storage_change_sum variable is the sum of all vertical water
        # balance storage change (canopy, snow, soil):
        # used for AET correction. see soil.py  module
        land_storage_change_sum = canopy_storage_change

    else:
        # =========================================================================
        # Check if  current_landarea_frac == 0 , then add previous storage to
        # daily_storage_tranfer. This storage will then be added to runoff.
        # (e.g. island)
        # =========================================================================
        daily_storage_transfer = canopy_storage
        canopy_storage = 0
        canopy_evap = 0

    if pet_to_soil < 0:
        pet_to_soil = 0

    return canopy_storage, throughfall, canopy_evap, pet_to_soil, \
        land_storage_change_sum, daily_storage_transfer
# ---- harness (not part of the program) ----
ENTRY = "run_canopy"


def run_canopy(lai, pet, prec, landfrac):
    n_days, n_cells = lai.shape
    storage = np.zeros(n_cells)
    out = np.zeros((5, n_days, n_cells))
    for d in range(n_days):
        for c in range(n_cells):
            ratio = landfrac[d - 1, c] / landfrac[d, c] if d > 0 else 1.0
            res = canopy_balance(storage[c], lai[d, c], pet[d, c], prec[d, c],
                                 landfrac[d, c], ratio, 0.3, 1e-15)
            storage[c] = res[0]
            out[0, d, c] = res[0]
            out[1, d, c] = res[1]
            out[2, d, c] = res[2]
            out[3, d, c] = res[3]
            out[4, d, c] = res[4]
    return out


def inputs():
    rng = np.random.default_rng(0)
    n_days, n_cells = 120, 50
    day = np.arange(n_days)[:, None]
    lai_max = rng.uniform(0.0, 5.0, n_cells)
    lai_max[:5] = 0.0
    lai = lai_max * np.clip(np.sin(2 * np.pi * (day - 20) / 240.0), 0.0, None)
    pet = 2.0 + 3.0 * np.sin(2 * np.pi * day / 365.0) + rng.uniform(0.0, 1.0, (n_days, n_cells))
    prec = np.where(rng.uniform(size=(n_days, n_cells)) < 0.35,
                    rng.exponential(4.0, (n_days, n_cells)), 0.0)
    landfrac = np.clip(rng.uniform(0.4, 1.0, n_cells) + 0.01 * rng.standard_normal((n_days, n_cells)), 0.4, 1.0)
    return (lai, pet, prec, landfrac)
