# Source: monocongo/climate_indices climate_indices/palmer.py (at commit 052e4e8f)
# Licence: BSD-3-Clause (climate_indices, LICENSE: "BSD-3-Clause License", Copyright 2017, James Adams)
# Notes: the two-layer soil water balance that starts the Palmer Drought Severity Index computation (climate / drought monitoring): _water_balance (@numba.jit with no options) flattens monthly PET and precipitation, allocates twenty work arrays and walks the months with nested if/else branches for recharge, runoff and loss from the surface and underlying layers (builtin abs and min, integer/float mixing such as Ss_awc = 1 then awc), unpacking a 3-tuple returned by _water_balance_potential_loss, a plain (unjitted) Python function, which forces Numba to fall back from nopython mode, and returns a 7-tuple of arrays; _cafec_coeff_ufunc is a @numba.vectorize ufunc with float64 and float32 signatures giving the CAFEC ratios actual/potential with the 0/0 = 1 and x/0 = 0 cases. Pasted: the module's imports (collections, logging, math, numba, numpy, warnings; `from climate_indices import utils` left out, none of the pasted functions use it), the logging setup, _PDSI_MIN/_PDSI_MAX, the warnings filter and the functions _water_balance, _water_balance_potential_loss and _cafec_coeff_ufunc; left out: the rest of the module (_cafec_coefficients, _calibrate_data, _climatic_characteristic, _z_index, the PDSI backtracking and the public pdsi()); the harness runs the water balance for 10 years of synthetic monthly PET and precipitation (inches) at awc = 5 and at awc = 0.8 (the < 1 inch branch), then takes calendar-month means as _cafec_coefficients does and applies the ufunc to them in float64 and float32, plus a few zero-potential cases
import collections
import logging
import math
import numba
import numpy as np
import warnings

# ------------------------------------------------------------------------------
# set up a basic, global _logger
logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
    datefmt="%Y-%m-%d  %H:%M:%S",
)
_logger = logging.getLogger(__name__)


# ------------------------------------------------------------------------------
_PDSI_MIN = -4.0
_PDSI_MAX = 4.0

# ------------------------------------------------------------------------------
# ignore all warnings
warnings.simplefilter("ignore", Warning)


# ------------------------------------------------------------------------------
@numba.jit
def _water_balance(awc, pet, precip):
    """
    Performs a water balance accounting for a location which accounts
    for several monthly water balance variables, calculated based on
    precipitation, potential evapotranspiration, and available water
    capacity of the soil.

    Input arrays are expected to be the same size, corresponding to
    the total number of months.

    :param awc: available water capacity (total, including top/surface inch),
        in inches
    :param pet: potential evapotranspiration, in inches
    :param precip: precipitation, in inches
    :return: seven numpy arrays with values for evapotranspiration,
        potential recharge, recharge, runoff, potential runoff, loss,
        and potential loss
    """

    # flatten timeseries to a 1-D array
    pet = pet.flatten()
    precip = precip.flatten()

    total_months = pet.shape[0]

    # allocate arrays for the water balance values
    ET = np.zeros((total_months,))
    PR = np.zeros((total_months,))
    R = np.zeros((total_months,))
    Rs = np.zeros((total_months,))
    Ru = np.zeros((total_months,))
    RO = np.zeros((total_months,))
    PRO = np.zeros((total_months,))
    S = np.zeros((total_months,))
    Ss = np.zeros((total_months,))
    Su = np.zeros((total_months,))
    L = np.zeros((total_months,))
    Ls = np.zeros((total_months,))
    Lu = np.zeros((total_months,))
    PL = np.zeros((total_months,))
    PLs = np.zeros((total_months,))
    PLu = np.zeros((total_months,))

    # A is the difference between the soil moisture in the surface soil layer and the potential evapotranspiration.
    A = np.zeros((total_months,))

    # B is the difference between the precipitation and potential evapotranspiration, i.e. the excess precipitation
    B = np.zeros((total_months,))

    # C is the amount of room (in inches) in the surface soil layer that can be recharged with precipitation
    C = np.zeros((total_months,))

    # D is the amount of excess precipitation (in inches) that is left over after the surface soil layer is recharged
    D = np.zeros((total_months,))

    # E is the amount of room (in inches) in the underlying soil layer
    # that is available to be recharged with excess precipitation
    E = np.zeros((total_months,))

    # NOTE: SOIL MOISTURE STORAGE IS HANDLED BY DIVIDING THE SOIL INTO TWO
    # LAYERS AND ASSUMING THAT 1 INCH OF WATER CAN BE STORED IN THE SURFACE
    # LAYER. awc IS THE COMBINED AVAILABLE MOISTURE CAPACITY IN BOTH SOIL
    # LAYERS. THE UNDERLYING LAYER HAS AN AVAILABLE CAPACITY THAT DEPENDS
    # ON THE SOIL CHARACTERISTICS OF THE LOCATION. THE SOIL MOISTURE
    # STORAGE WITHIN THE SURFACE LAYER (UNDERLYING LAYER) IS THE AMOUNT OF
    # AVAILABLE MOISTURE STORED AT THE BEGINNING OF THE MONTH IN THE
    # SURFACE (UNDERLYING) LAYER.

    # Ss_awc is the available moisture capacity in the surface soil layer; it is a constant across all locations.
    Ss_awc = 1

    # !!!!!! VALIDATE !!!!!!!!!!!!!!!!!!!!!!!!!!
    #
    # proposed fix for locations where the awc is less than 1.0 inch
    #
    if awc < 1.0:
        Ss_awc = awc
    # !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

    # Su_awc is the available moisture capacity in the underlying soil layer; it is a location-specific constant.
    Su_awc = awc - Ss_awc

    # INITIAL CONDITIONS

    # NOTE: AS THE FIRST STEP IN THE CALCULATION OF THE PALMER DROUGHT
    # INDICES IS A WATER BALANCE, THE CALCULATION SHOULD BE INITIALIZED
    # DURING A MONTH AND YEAR IN WHICH THE SOIL MOISTURE STORAGE CAN BE
    # ASSUMED TO BE FULL.

    # S0 = awc is the initial combined soil moisture storage
    # in both soil layers. Within the following water balance
    # calculation loop, S0 is the soil moisture storage in
    # both soil layers at the beginning of each month.
    S0 = awc

    # Ss0 = 1 is the initial soil moisture storage in the surface
    # soil layer. Within the following water balance calculation
    # loop, Ss0 is the soil moisture storage in the surface soil
    # layer at the beginning of each month.
    Ss0 = 1

    # !!!!!! VALIDATE !!!!!!!!!!!!!!!!!!!!!!!!!!
    #
    # proposed fix for locations where the awc is less than 1.0 inch
    #
    if awc < 1.0:
        Ss0 = awc
    # !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

    # Su0 = Su_awc is the initial soil moisture storage in
    # the underlying soil layer. Within the following
    # water balance calculation loop, Su0 is the soil
    # moisture storage in the underlying soil layer at the
    # beginning of each month.
    Su0 = Su_awc

    # CALCULATION OF THE WATER BALANCE

    # THE FIRST PART OF PALMER'S METHOD FOR CALCULATING THE PDSI INVOLVES
    # THE CALCULATION OF  A WATER BALANCE USING HISTORIC RECORDS OF
    # PRECIPITATION AND TEMPERATURE AND THORNTHWAITE'S METHOD.

    # k is the counter for each month of data on record
    for k in range(total_months):

        # VARIABLE DEFINITIONS

        # P is the historical, monthly precipitation for the location.

        # Ss is the soil moisture storage in the surface layer at the end of the month.

        # Su is the soil moisture storage in the underlying layer at the end of the month.

        # S is the combined soil moisture storage in the combined surface
        # and underlying soil moisture storage layers at the end of the month.

        # ET is the actual evapotranspiration from the combined surface and underlying soil moisture storage layers.

        # Ls is the actual soil moisture loss from the surface soil moisture storage layer.

        # Lu is the actual soil moisture loss from the underlying soil moisture storage layer.

        # L is the actual soil moisture loss from the combined surface and underlying soil moisture storage layers.

        # PLs is the potential soil moisture loss from the surface soil moisture storage layer.

        # PLu is the potential soil moisture loss from the underlying soil moisture storage layer.

        # PL is the potential soil moisture loss from the combined surface and underlying soil moisture storage layers.

        # Rs is the actual recharge to the surface soil moisture storage layer.

        # Ru is the actual recharge to the underlying soil moisture storage layer.

        # R is the actual recharge to the combined surface and underlying soil moisture storage layers.

        # PR is the potential recharge to the combined surface and underlying
        # soil moisture storage layers at the beginning of the month.
        PR[k] = awc - S0

        # RO is the actual runoff from the combined surface and underlying soil moisture storage layers.

        # PRO is the potential runoff. According to Alley (1984),
        # PRO = awc - PR = Ss + Su; here Ss and Su refer to those values at
        # the beginning of the month: Ss0 and Su0.
        PRO[k] = awc - PR[k]

        # A is the difference between the soil moisture in the surface soil layer and the potential evapotranspiration.
        A[k] = Ss0 - pet[k]

        # B is the difference between the precipitation and potential
        # evapotranspiration - it is the excess precipitation.
        B[k] = precip[k] - pet[k]

        # calculate potential loss values
        PL[k], PLs[k], PLu[k] = _water_balance_potential_loss(
            A[k], pet[k], Ss0, Su0, awc
        )

        if B[k] >= 0:
            # B >= 0 indicates that there is sufficient
            # precipitation during month k to satisfy the PET
            # requirement for month k - i.e., there is excess
            # precipitation. Therefore, there is no moisture loss
            # from either soil layer.

            # C is the amount of room (in inches) in the
            # surface soil layer that can be recharged with
            # precipitation. Here 1 refers to the
            # approximate number of inches of moisture
            # allocated to the surface soil layer.
            C[k] = 1 - Ss0

            if C[k] >= B[k]:
                # C >= B indicates that there is AT LEAST enough room in the surface soil layer for recharge than there
                # is excess precipitation. Therefore, precipitation will recharge ONLY the surface soil layer, and there
                # is NO runoff and NO soil moisture loss from either soil layer.
                Rs[k] = B[k]
                Ls[k] = 0
                Ss[k] = Ss0 + Rs[k]
                Ru[k] = 0
                Lu[k] = 0
                Su[k] = Su0
                RO[k] = 0

            else:
                # C < B indicates that there is more excess precipitation than there is room in the surface soil layer
                # for recharge. Therefore, the excess precipitation will recharge BOTH the surface soil layer and
                # the underlying soil layer, and there is NO soil moisture loss from either soil layer.
                Rs[k] = C[k]
                Ls[k] = 0
                Ss[
                    k
                ] = (
                    1
                )  # the approximate number of inches of moisture allocated to the surface soil layer

                # amount of excess precipitation (in inches) left over after the surface soil layer is recharged
                D[k] = B[k] - Rs[k]

                # amount of room (in inches) in the underlying soil layer available to be recharged with excess precip
                E[k] = Su_awc - Su0
                if E[k] > D[k]:
                    # E > D indicates that there is more room in the underlying soil layer than there is excess
                    # precipitation available after recharge to the surface soil layer. Therefore, there is no runoff.
                    Ru[k] = D[k]
                    RO[k] = 0

                else:
                    # E <= D indicates that there is AT MOST enough room in the underlying soil layer for the excess
                    # precipitation available after recharge to the surface soil layer. In the case that there is enough
                    # room, there is no runoff. In the case that there is not enough room, runoff occurs.
                    Ru[k] = E[k]
                    RO[k] = D[k] - Ru[k]

                # Since there is more excess precipitation than there is room in the surface soil layer for recharge,
                # the soil moisture storage in the underlying soil layer at the end of the month is equal to the storage
                # at the beginning of the month plus any recharge to the underlying soil layer.
                Lu[k] = 0
                Su[k] = Su0 + Ru[k]

            # Since there is sufficient precipitation during month k to satisfy the PET
            # requirement for month k, the actual evapotranspiration is equal to PET.
            ET[k] = pet[k]

        else:
            # B < 0 indicates that there is not sufficient precipitation
            # during month k to satisfy the PET requirement for month k -
            # i.e., there is NO excess precipitation. Therefore, soil
            # moisture loss occurs, and there is NO runoff and NO recharge
            # to either soil layer.
            if Ss0 >= abs(B[k]):
                # Ss0 >= abs(B) indicates that there is AT LEAST sufficient moisture in the surface soil layer at
                # the beginning of the month k to satisfy the PET requirement for month k. Therefore, soil moisture
                # loss occurs from ONLY the surface soil layer, and the soil moisture storage in the surface soil layer
                # at the end of the month is equal to the storage at the beginning of the month less any loss from
                # the surface soil layer.
                Ls[k] = abs(B[k])
                Rs[k] = 0
                Ss[k] = Ss0 - Ls[k]
                Lu[k] = 0
                Ru[k] = 0
                Su[k] = Su0
            else:
                # Ss0 < abs(B) indicates that there is NOT sufficient moisture in the surface soil layer at
                # the beginning of month k to satisfy the PET requirement for month k. Therefore, soil moisture loss
                # occurs from BOTH the surface and underlying soil layers, and Lu is calculated according to
                # the equation given in Alley (1984). The soil moisture storage in the underlying soil layer
                # at the end of the month is equal to the storage at the beginning of the month less the loss from
                # the underlying soil layer.
                Ls[k] = Ss0
                Rs[k] = 0
                Ss[k] = 0
                Lu[k] = min(((abs(B[k]) - Ls[k]) * Su0) / awc, Su0)
                #
                #
                # Lu[k] = min((abs(B[k]) - Ls[k])*Su0/(awc + 1),Su0);
                # NOTE: The equation above was used by the NCDC in their FORTRAN code (pdi.f)
                # prior to 2013. See Jacobi et al. (2013) for a full explanation.
                #
                #
                Ru[k] = 0
                Su[k] = Su0 - Lu[k]

            # Since there is NOT sufficient precipitation during month k to satisfy the PET requirement for month k,
            # the actual evapotranspiration is equal to precipitation plus any soil moisture loss from BOTH the surface
            # and underlying soil layers.
            RO[k] = 0
            ET[k] = precip[k] + Ls[k] + Lu[k]

        R[k] = Rs[k] + Ru[k]
        L[k] = Ls[k] + Lu[k]
        S[k] = Ss[k] + Su[k]

        # S0, Ss0, and Su0 are reset to their end of the current month [k]
        # values - S, Ss, and Su0, respectively - such that they can be
        # used as the beginning of the month values for the next month
        # (k + 1).
        S0 = S[k]
        Ss0 = Ss[k]
        Su0 = Su[k]

    return ET, PR, R, RO, PRO, L, PL


# ------------------------------------------------------------------------------
def _water_balance_potential_loss(
    a, pet, stored_moisture_surface, stored_moisture_under, awc
):

    # A >= 0 indicates that there is sufficient moisture in the surface soil layer to satisfy the PET
    # requirement for month k. Therefore, there is potential moisture loss from only the surface soil layer.
    if a >= 0:
        potential_loss_surface = pet
        potential_loss_under = 0

    else:
        # A < 0 indicates that there is not sufficient moisture in the surface soil layer to satisfy
        # the PET requirement for month k. Therefore, there is potential moisture loss from both the surface
        # and underlying soil layers. The equation for PLu is given in Alley (1984).
        potential_loss_surface = stored_moisture_surface
        potential_loss_under = (
            (pet - potential_loss_surface) * stored_moisture_under
        ) / awc

        # Su0 >= PLu indicates that there is sufficient moisture in the underlying soil layer to (along with
        # the moisture in the surface soil layer) satisfy the PET requirement for month k; therefore, PLu is
        # as calculated according to the equation given in Alley (1984).
        if stored_moisture_under >= potential_loss_under:
            potential_loss_under = (
                (pet - potential_loss_surface) * stored_moisture_under
            ) / awc

        else:
            # Su0 < PLu indicates that there is not sufficient moisture in the underlying soil layer to (along with
            # the moisture in the surface soil layer) satisfy the PET requirement for month k; therefore, PLu is
            # equal to the moisture storage in the underlying soil layer at the beginning of the month.
            potential_loss_under = stored_moisture_under

    PL = potential_loss_surface + potential_loss_under

    return PL, potential_loss_surface, potential_loss_under


# ------------------------------------------------------------------------------
@numba.vectorize([numba.f8(numba.f8, numba.f8), numba.f4(numba.f4, numba.f4)])
def _cafec_coeff_ufunc(actual, potential):
    """
    Vectorized function for computing a CAFEC coefficient.

    :param actual: average value for a month from water balance accounting
    :param potential: average potential value from water balance accounting
    :return CAFEC coefficient
    """

    # calculate alpha
    if potential == 0:
        if actual == 0:
            coefficient = 1
        else:
            coefficient = 0
    else:
        coefficient = actual / potential

    return coefficient
# ---- harness (not part of the program) ----
ENTRY = "water_balance_and_cafec"


def water_balance_and_cafec(pet, precip, awcs):
    out = []
    for awc in awcs:
        ET, PR, R, RO, PRO, L, PL = _water_balance(awc, pet, precip)
        # calendar-month means as in _cafec_coefficients
        ET_bar = np.nanmean(ET.reshape(-1, 12), axis=0)
        PET_bar = np.nanmean(pet.reshape(-1, 12), axis=0)
        R_bar = np.nanmean(R.reshape(-1, 12), axis=0)
        PR_bar = np.nanmean(PR.reshape(-1, 12), axis=0)
        L_bar = np.nanmean(L.reshape(-1, 12), axis=0)
        PL_bar = np.nanmean(PL.reshape(-1, 12), axis=0)
        RO_bar = np.nanmean(RO.reshape(-1, 12), axis=0)
        PRO_bar = np.nanmean(PRO.reshape(-1, 12), axis=0)
        alpha = _cafec_coeff_ufunc(ET_bar, PET_bar)
        beta = _cafec_coeff_ufunc(R_bar, PR_bar)
        gamma = _cafec_coeff_ufunc(RO_bar, PRO_bar)
        delta = _cafec_coeff_ufunc(L_bar, PL_bar)
        delta32 = _cafec_coeff_ufunc(L_bar.astype(np.float32),
                                     PL_bar.astype(np.float32))
        out.append((ET, PR, R, RO, PRO, L, PL, alpha, beta, gamma, delta,
                    delta32))
    zeros = _cafec_coeff_ufunc(np.array([0.0, 1.5, 0.0, 2.0]),
                               np.array([0.0, 0.0, 3.0, 4.0]))
    return out, zeros


def inputs():
    # 10 years of monthly potential evapotranspiration (a seasonal cycle,
    # 0.3 to 6 inches) and precipitation (gamma-distributed, with dry
    # summers), as 1-D arrays of 120 months
    rng = np.random.default_rng(0)
    months = np.arange(120)
    season = np.sin(2 * np.pi * (months % 12 - 3) / 12)
    pet = 3.1 + 2.8 * season + rng.normal(0.0, 0.2, 120)
    pet = np.clip(pet, 0.3, None)
    precip = rng.gamma(2.0, 1.6 - 0.6 * season)
    return (pet, precip, [5.0, 0.8])
