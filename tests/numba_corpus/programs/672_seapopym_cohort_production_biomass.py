# Source: SeapoPym/seapopym packages/seapopym/src/seapopym/function/compiled_functions/production_compiled_functions.py, biomass_compiled_functions.py, beverton_holt.py (at commit 4cb311ab)
# Licence: GPL-3.0-or-later (SeapoPym, packages/seapopym/pyproject.toml license = { text = "GPL-3.0-or-later" }; author Jules Lehodey)
# Notes: the compiled (JIT) functions of SeapoPym, a Python implementation of the SEAPODYM low and mid trophic level marine ecosystem model. All kernels use the bare @jit (or @jit()) decorator with no options. production_compiled_functions.py: expand_dims (np.full with a star-unpacked shape tuple `(*data.shape, dim_len)`, Ellipsis indexing `[..., 0]`), ageing (1.0 / array slices, np.zeros with a star-unpacked shape, np.concatenate along axis=-1, `[..., :-1]` and `[..., -1:]` slices), and four recruitment drivers that loop over time with np.where on boolean masks, np.logical_not, an Optional initial_production argument defaulting to None (`x if initial_production is None else ...`), np.sum(axis=-1), tuple returns and `output[-1, ...] = ...`. biomass_compiled_functions.py: explicit and implicit Euler integration of dB/dt = R - lambda B over [group, time, Y, X] arrays with `[:, t, ...]` slices and an Optional initial state. beverton_holt.py: the Beverton-Holt suitability and two coupled production/biomass loops (with and without a survival rate) that call the production helpers. The three files' `from __future__ import annotations` lines are merged into the first, and beverton_holt.py's `from seapopym.function.compiled_functions.production_compiled_functions import ageing, expand_dims` line is dropped since those names are pasted above. The harness runs every kernel on a deterministic 12-step, 3 x 4 grid with 4 cohorts (seasonal primary production, a temperature-driven recruitment mask), with and without initial states, chaining one run's exported state into the next
"""This module contains the compiled (JIT) functions used by the production generator."""

from __future__ import annotations

import numpy as np
from numba import jit


@jit
def expand_dims(data: np.ndarray, dim_len: int) -> np.ndarray:
    """Expand array with a new cohort dimension, initializing first cohort with input data.

    Creates a new array with an additional dimension of length `dim_len` representing
    cohorts. The input data is placed in the first cohort (index 0), while all other
    cohorts are initialized to zero. This is used to convert primary production data
    into cohort-structured data for age-based modeling.

    Parameters
    ----------
    data : np.ndarray
        Input data to expand, typically primary production for a single timestep.
        Shape: [X, Y] (spatial dimensions)
    dim_len : int
        Length of the new cohort dimension to add.

    Returns
    -------
    expanded_data : np.ndarray
        Expanded data with new cohort dimension.
        Shape: [X, Y, Cohort] where Cohort has length `dim_len`

    Notes
    -----
    Only the first cohort (index 0) contains the input data. All other cohorts
    are initialized to 0.0.

    """
    expanded_data = np.full((*data.shape, dim_len), 0.0, dtype=np.float64)
    expanded_data[..., 0] = data
    return expanded_data


@jit
def ageing(production: np.ndarray, nb_timestep_by_cohort: np.ndarray) -> np.ndarray:
    """Age production across cohorts by transferring fractions to next age classes.

    Implements cohort aging by moving a fraction of production from each cohort to
    the next age class. The transfer fraction is 1/nb_timestep_by_cohort, representing
    the proportion that graduates to the next cohort at each timestep. The remaining
    production stays in the current cohort.

    Parameters
    ----------
    production : np.ndarray
        Production data to age across cohorts.
        Shape: [..., Cohort] where last dimension represents age classes.
    nb_timestep_by_cohort : np.ndarray
        Number of timesteps each cohort spans before aging to the next.
        Shape: [Cohort]. Higher values mean slower aging.

    Returns
    -------
    aged_production : np.ndarray
        Production after aging process, same shape as input.
        Each cohort contains: staying production + incoming production from younger cohort.

    Notes
    -----
    - The last (oldest) cohort receives transfers but doesn't transfer out
    - Transfer coefficient = 1.0 / nb_timestep_by_cohort[cohort]
    - First cohort only receives new production (no incoming transfers)

    """
    coefficient_except_last = 1.0 / nb_timestep_by_cohort[:-1]
    production_except_last = production[..., :-1]
    first_as_zero = np.zeros((*production.shape[:-1], 1), dtype=np.float64)
    growing = np.concatenate((first_as_zero, production_except_last * coefficient_except_last), axis=-1)
    staying_except_last = production_except_last * (1 - coefficient_except_last)
    staying = np.concatenate((staying_except_last, production[..., -1:]), axis=-1)
    return growing + staying


@jit
def production(
    primary_production: np.ndarray,
    mask_temperature: np.ndarray,
    timestep_number: np.ndarray,
    initial_production: np.ndarray | None = None,
) -> np.ndarray:
    """Compute total recruited production from primary production with cohort aging.

    Simulates production recruitment over time by processing primary production through
    cohort-based aging dynamics. At each timestep, production either gets recruited
    (based on recruitment mask) or ages into older cohorts. The function returns the
    total recruited production summed across all cohorts.

    Parameters
    ----------
    primary_production : np.ndarray
        Input primary production for each timestep.
        Shape: [T, X, Y] where T is time, X, Y are spatial dimensions.
    mask_temperature : np.ndarray
        Recruitment mask determining when production can be recruited.
        Shape: [T, X, Y, Cohort]. True values allow recruitment.
    timestep_number : np.ndarray
        Number of timesteps each cohort spans.
        Shape: [Cohort]. Controls aging rate between cohorts.
    initial_production : np.ndarray | None, default=None
        Pre-existing production in cohorts from previous simulation.
        Shape: [X, Y, Cohort]. If None, starts with zero initial conditions.

    Returns
    -------
    total_recruited : np.ndarray
        Total recruited production summed across all cohorts.
        Shape: [T, X, Y].

    Notes
    -----
    This version stores full cohort data during computation then sums at the end.
    For memory-optimized computation, use `production_space_optimized`.

    """
    output_recruited = np.empty(mask_temperature.shape)
    next_prepoduction = np.zeros(mask_temperature.shape[1:]) if initial_production is None else initial_production
    for timestep in range(primary_production.shape[0]):
        pre_production = expand_dims(primary_production[timestep], timestep_number.size)
        pre_production = pre_production + next_prepoduction
        if timestep < primary_production.shape[0] - 1:
            not_recruited = np.where(np.logical_not(mask_temperature[timestep]), pre_production, 0)
            next_prepoduction = ageing(not_recruited, timestep_number)
        recruited = np.where(mask_temperature[timestep], pre_production, 0)
        output_recruited[timestep] = recruited
    return np.sum(output_recruited, axis=-1)


@jit
def production_space_optimized(
    primary_production: np.ndarray,
    mask_temperature: np.ndarray,
    timestep_number: np.ndarray,
    initial_production: np.ndarray | None = None,
) -> np.ndarray:
    """Memory-optimized computation of total recruited production with cohort aging.

    Performs the same calculation as `production` but with reduced memory footprint.
    Instead of storing full cohort data then summing, this function computes the
    cohort sum at each timestep, reducing memory usage by a factor equal to the
    number of cohorts.

    Parameters
    ----------
    primary_production : np.ndarray
        Input primary production for each timestep.
        Shape: [T, X, Y] where T is time, X, Y are spatial dimensions.
    mask_temperature : np.ndarray
        Recruitment mask determining when production can be recruited.
        Shape: [T, X, Y, Cohort]. True values allow recruitment.
    timestep_number : np.ndarray
        Number of timesteps each cohort spans.
        Shape: [Cohort]. Controls aging rate between cohorts.
    initial_production : np.ndarray | None, default=None
        Pre-existing production in cohorts from previous simulation.
        Shape: [X, Y, Cohort]. If None, starts with zero initial conditions.

    Returns
    -------
    total_recruited : np.ndarray
        Total recruited production summed across all cohorts.
        Shape: [T, X, Y].

    Notes
    -----
    - Memory usage: O(T*X*Y) instead of O(T*X*Y*Cohort)
    - Performance: Slightly faster due to immediate summation and better cache usage
    - Functionally equivalent to `production` but more memory efficient

    """
    output_recruited = np.empty(mask_temperature.shape[:-1])
    next_prepoduction = np.zeros(mask_temperature.shape[1:]) if initial_production is None else initial_production
    for timestep in range(primary_production.shape[0]):
        pre_production = expand_dims(primary_production[timestep], timestep_number.size)
        pre_production = pre_production + next_prepoduction
        if timestep < primary_production.shape[0] - 1:
            not_recruited = np.where(np.logical_not(mask_temperature[timestep]), pre_production, 0)
            next_prepoduction = ageing(not_recruited, timestep_number)
        recruited = np.where(mask_temperature[timestep], pre_production, 0)
        output_recruited[timestep] = np.sum(recruited, axis=-1)
    return output_recruited


@jit
def production_export_initial(
    primary_production: np.ndarray,
    mask_temperature: np.ndarray,
    timestep_number: np.ndarray,
    initial_production: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Compute recruited production and export final pre-production state for continuity.

    Performs the same recruitment calculation as `production` but additionally returns
    the unrecruited production state at the end of the simulation. This final state
    can be used as initial conditions for subsequent simulation runs, enabling
    seamless chaining of simulations.

    Parameters
    ----------
    primary_production : np.ndarray
        Input primary production for each timestep.
        Shape: [T, X, Y] where T is time, X, Y are spatial dimensions.
    mask_temperature : np.ndarray
        Recruitment mask determining when production can be recruited.
        Shape: [T, X, Y, Cohort]. True values allow recruitment.
    timestep_number : np.ndarray
        Number of timesteps each cohort spans.
        Shape: [Cohort]. Controls aging rate between cohorts.
    initial_production : np.ndarray | None, default=None
        Pre-existing production in cohorts from previous simulation.
        Shape: [X, Y, Cohort]. If None, starts with zero initial conditions.

    Returns
    -------
    total_recruited : np.ndarray
        Total recruited production summed across all cohorts.
        Shape: [T, X, Y].
    final_preproduction : np.ndarray
        Unrecruited production state at the end of the simulation.
        Shape: [X, Y, Cohort]. Can be used as initial_production for next run.

    Notes
    -----
    The final pre-production state contains production that accumulated but wasn't
    recruited by the end of the simulation. This is essential for simulation
    continuity when running multi-year simulations in chunks.

    """
    output_recruited = np.empty(mask_temperature.shape)
    next_prepoduction = np.zeros(mask_temperature.shape[1:]) if initial_production is None else initial_production

    for timestep in range(primary_production.shape[0]):
        pre_production = expand_dims(primary_production[timestep], timestep_number.size)
        pre_production = pre_production + next_prepoduction
        if timestep < primary_production.shape[0] - 1:
            not_recruited = np.where(np.logical_not(mask_temperature[timestep]), pre_production, 0)
            next_prepoduction = ageing(not_recruited, timestep_number)
        recruited = np.where(mask_temperature[timestep], pre_production, 0)
        output_recruited[timestep] = recruited
    return (np.sum(output_recruited, axis=-1), next_prepoduction)


@jit
def production_export_preproduction(
    primary_production: np.ndarray,
    mask_temperature: np.ndarray,
    timestep_number: np.ndarray,
    initial_production: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Compute recruited production and export full pre-production time series.

    Performs recruitment calculation while tracking and exporting the complete
    pre-production (unrecruited) state at every timestep. This provides detailed
    diagnostic information about production dynamics, including cohort-specific
    accumulation and aging processes throughout the simulation.

    Parameters
    ----------
    primary_production : np.ndarray
        Input primary production for each timestep.
        Shape: [T, X, Y] where T is time, X, Y are spatial dimensions.
    mask_temperature : np.ndarray
        Recruitment mask determining when production can be recruited.
        Shape: [T, X, Y, Cohort]. True values allow recruitment.
    timestep_number : np.ndarray
        Number of timesteps each cohort spans.
        Shape: [Cohort]. Controls aging rate between cohorts.
    initial_production : np.ndarray | None, default=None
        Pre-existing production in cohorts from previous simulation.
        Shape: [X, Y, Cohort]. If None, starts with zero initial conditions.

    Returns
    -------
    total_recruited : np.ndarray
        Total recruited production summed across all cohorts.
        Shape: [T, X, Y].
    preproduction_timeseries : np.ndarray
        Complete pre-production state for all timesteps and cohorts.
        Shape: [T, X, Y, Cohort]. Includes final aged state at last timestep.

    Notes
    -----
    - Memory intensive: stores full [T, X, Y, Cohort] pre-production data
    - Useful for detailed analysis of recruitment timing and cohort dynamics
    - The last timestep contains the final aged pre-production state

    """
    output_recruited = np.empty(mask_temperature.shape)
    output_preproduction = np.empty(mask_temperature.shape, dtype=np.float64)
    next_prepoduction = np.zeros(mask_temperature.shape[1:]) if initial_production is None else initial_production

    for timestep in range(primary_production.shape[0]):
        pre_production = expand_dims(primary_production[timestep], timestep_number.size)
        pre_production = pre_production + next_prepoduction
        # if timestep < primary_production.shape[0] - 1:
        not_recruited = np.where(np.logical_not(mask_temperature[timestep]), pre_production, 0)
        next_prepoduction = ageing(not_recruited, timestep_number)
        recruited = np.where(mask_temperature[timestep], pre_production, 0)

        output_recruited[timestep] = recruited
        output_preproduction[timestep] = pre_production
    output_preproduction[-1, ...] = next_prepoduction
    return (np.sum(output_recruited, axis=-1), output_preproduction)


# ---- packages/seapopym/src/seapopym/function/compiled_functions/biomass_compiled_functions.py ----
"""This module contains the compiled (JIT) functions used by the biomass generator."""

# from __future__ import annotations   (merged into the first module's line)

import numpy as np
from numba import jit


@jit()
def biomass_euler_explicite(
    recruited: np.ndarray,
    mortality: np.ndarray,
    initial_conditions: np.ndarray | None,
    delta_time: np.floating | np.integer,
) -> np.ndarray:
    """Euler explicite approximating of dB/dt = R - lambda B.

    Parameters
    ----------
    recruited : np.ndarray
        Recruited biomass [functional_group, time, Y, X].
    mortality : np.ndarray
        Mortality coefficient [functional_group, time, Y, X].
    initial_conditions : np.ndarray | None
        Initial biomass conditions [functional_group, Y, X]. If None, assumed 0.
    delta_time : float | int
        Time step size.

    Returns
    -------
    np.ndarray
        Computed biomass [functional_group, time, Y, X].

    """
    initial_conditions = (
        np.zeros(recruited[:, 0, ...].shape, dtype=np.float64) if initial_conditions is None else initial_conditions
    )
    biomass = np.zeros(recruited.shape)
    biomass[:, 0, ...] = (
        initial_conditions + delta_time * recruited[:, 0, ...] - delta_time * mortality[:, 0, ...] * initial_conditions
    )

    for timestep in range(1, recruited.shape[1]):
        biomass[:, timestep, ...] = (
            biomass[:, timestep - 1, ...]
            + delta_time * recruited[:, timestep, ...]
            - delta_time * mortality[:, timestep, ...] * biomass[:, timestep - 1, ...]
        )
    return biomass


@jit()
def biomass_euler_implicite(
    recruited: np.ndarray,
    mortality: np.ndarray,
    initial_conditions: np.ndarray | None,
    delta_time: np.floating | np.integer,
) -> np.ndarray:
    """Euler implicite approximating of dB/dt = R - lambda B.

    Parameters
    ----------
    recruited : np.ndarray
        Recruited biomass [functional_group, time, Y, X].
    mortality : np.ndarray
        Mortality coefficient [functional_group, time, Y, X].
    initial_conditions : np.ndarray | None
        Initial biomass conditions [functional_group, Y, X]. If None, assumed 0.
    delta_time : float | int
        Time step size.

    Returns
    -------
    np.ndarray
        Computed biomass [functional_group, time, Y, X].

    """
    initial_conditions = (
        np.zeros(recruited[:, 0, ...].shape, dtype=np.float64) if initial_conditions is None else initial_conditions
    )
    biomass = np.zeros(recruited.shape)
    biomass[:, 0, ...] = (initial_conditions + delta_time * recruited[:, 0, ...]) / (
        1 + delta_time * mortality[:, 0, ...]
    )

    for timestep in range(1, recruited.shape[1]):
        biomass[:, timestep, ...] = (biomass[:, timestep - 1, ...] + delta_time * recruited[:, timestep, ...]) / (
            1 + delta_time * mortality[:, timestep, ...]
        )
    return biomass


# ---- packages/seapopym/src/seapopym/function/compiled_functions/beverton_holt.py ----
"""This module contains the compiled (JIT) functions used by the stock-recrutment generator."""

# from __future__ import annotations   (merged into the first module's line)

import numpy as np
from numba import jit

# from seapopym.function.compiled_functions.production_compiled_functions import ageing, expand_dims   (pasted above)


@jit
def beverton_holt(
    biomass: np.ndarray, density_dependance_parameter_a: float, density_dependance_parameter_b: float
) -> np.ndarray:
    """Normalized Beverton-Holt function for spawning stock biomass.

    Returns a suitability coefficient between 0 and 1 that modulates primary production
    based on spawning stock biomass (SSB).

    Formula: f(SSB) = (b * SSB) / (1 + b * SSB)
    - f(0) = 0 (no spawners, no recruitment)
    - f(∞) → 1 (asymptotic maximum)
    - f(1/b) = 0.5 (inflection point)

    Parameters
    ----------
    biomass : np.ndarray
        Spawning stock biomass (SSB)
    density_dependance_parameter_a : float
        Density dependence parameter numerator(a)
    density_dependance_parameter_b : float
        Density dependence parameter denominator(b)

    Returns
    -------
    coefficient : np.ndarray
        Suitability coefficient between 0 and 1

    """
    return (density_dependance_parameter_a * biomass) / (1 + density_dependance_parameter_b * biomass)


@jit
def biomass_beverton_holt(
    mortality: np.ndarray,
    primary_production: np.ndarray,
    mask_temperature: np.ndarray,
    timestep_number: np.ndarray,
    delta_time: np.floating | np.integer,
    density_dependance_parameter_a: float,
    density_dependance_parameter_b: float,
    initial_conditions_biomass: np.ndarray | None = None,
    initial_conditions_recruitment: np.ndarray | None = None,
) -> np.ndarray:
    """Compute biomass using Beverton-Holt stock-recruitment with coupled production-biomass dynamics.

    Combines production recruitment (with cohort aging) and biomass integration in a single
    temporal loop due to the time-dependent coupling via the Beverton-Holt relationship.
    The stock-recruitment function modulates primary production based on current biomass,
    creating density-dependent recruitment dynamics.

    Parameters
    ----------
    mortality : np.ndarray
        Mortality rate for biomass loss.
        Shape: [time, lat, lon]. Single functional group.
    primary_production : np.ndarray
        Input primary production for each timestep.
        Shape: [time, lat, lon]. Shared across functional groups.
    mask_temperature : np.ndarray
        Recruitment mask determining when production can be recruited.
        Shape: [time, lat, lon, cohort]. True values allow recruitment.
    timestep_number : np.ndarray
        Number of timesteps each cohort spans.
        Shape: [cohort]. Controls aging rate between cohorts.
    delta_time : np.floating | np.integer
        Time step size for numerical integration.
    density_dependance_parameter_a : float
    density_dependance_parameter_b : float
        Beverton-Holt density dependence parameter (alpha).
        Stock-recruitment: R = a / (1 + b * B). Scalar per functional group.
    initial_conditions_biomass : np.ndarray | None, default=None
        Initial biomass state for t=0.
        Shape: [lat, lon]. If None, starts with zero biomass.
    initial_conditions_recruitment : np.ndarray | None, default=None
        Pre-existing production in cohorts from previous simulation.
        Shape: [lat, lon, cohort]. If None, starts with zero recruitment state.

    Returns
    -------
    biomass : np.ndarray
        Biomass evolution over time.
        Shape: [time, lat, lon]

    Notes
    -----
    - Production and biomass must be coupled in the same loop due to time-dependent Beverton-Holt
    - At each timestep: biomass(t-1) → Beverton-Holt coefficient → recruitment(t) → biomass(t)
    - Uses implicit Euler method for biomass integration: B(t) = (B(t-1) + dt*R(t)) / (1 + dt*λ(t))

    """
    # Initialize biomass array with temporal dimension
    biomass = np.zeros(mortality.shape)

    # Initial biomass for t=0 Beverton-Holt calculation
    if initial_conditions_biomass is not None:
        biomass_prev = initial_conditions_biomass
    else:
        biomass_prev = np.zeros(mortality[0, ...].shape, dtype=np.float64)

    # Initial pre-production state
    if initial_conditions_recruitment is not None:
        next_preproduction = initial_conditions_recruitment
    else:
        next_preproduction = np.zeros((*mortality[0, ...].shape, timestep_number.size), dtype=np.float64)

    for timestep in range(primary_production.shape[0]):
        # Apply Beverton-Holt to previous biomass
        beverton_holt_coefficient = beverton_holt(
            biomass_prev, density_dependance_parameter_a, density_dependance_parameter_b
        )

        # Production at age 0 with Beverton-Holt modulation
        # Broadcasting: (lat, lon) * (lat, lon) -> (lat, lon)
        production_age_0 = expand_dims(beverton_holt_coefficient * primary_production[timestep], timestep_number.size)
        pre_production = production_age_0 + next_preproduction

        # Age non-recruited production for next timestep
        if timestep < primary_production.shape[0] - 1:
            not_recruited = np.where(np.logical_not(mask_temperature[timestep]), pre_production, 0)
            next_preproduction = ageing(not_recruited, timestep_number)

        # Recruited production (sum over cohorts)
        recruited = np.sum(np.where(mask_temperature[timestep], pre_production, 0), axis=-1)

        # Euler implicit integration for biomass
        biomass[timestep, ...] = (biomass_prev + delta_time * recruited) / (1 + delta_time * mortality[timestep, ...])

        # Update previous biomass for next iteration
        biomass_prev = biomass[timestep, ...]

    return biomass


@jit
def biomass_beverton_holt_with_survival_rate(
    mortality: np.ndarray,
    survival_rate: np.ndarray,
    primary_production: np.ndarray,
    mask_temperature: np.ndarray,
    timestep_number: np.ndarray,
    delta_time: np.floating | np.integer,
    density_dependance_parameter_a: float,
    density_dependance_parameter_b: float,
    initial_conditions_biomass: np.ndarray | None = None,
    initial_conditions_recruitment: np.ndarray | None = None,
) -> np.ndarray:
    """Compute biomass using Beverton-Holt stock-recruitment with survival rate adjustment.

    Extends the basic Beverton-Holt implementation by applying a survival rate
    to the recruited biomass before integration. This accounts for mortality effects
    from ocean acidification and temperature using the Bednarsek equation.

    Parameters
    ----------
    mortality : np.ndarray
        Mortality rate for biomass loss.
        Shape: [time, lat, lon]. Single functional group.
    survival_rate : np.ndarray
        Survival rate coefficient from Bednarsek equation.
        Shape: [time, lat, lon]. Applied to recruited biomass.
    primary_production : np.ndarray
        Input primary production for each timestep.
        Shape: [time, lat, lon]. Shared across functional groups.
    mask_temperature : np.ndarray
        Recruitment mask determining when production can be recruited.
        Shape: [time, lat, lon, cohort]. True values allow recruitment.
    timestep_number : np.ndarray
        Number of timesteps each cohort spans.
        Shape: [cohort]. Controls aging rate between cohorts.
    delta_time : np.floating | np.integer
        Time step size for numerical integration.
    density_dependance_parameter_a : float
    density_dependance_parameter_b : float
        Beverton-Holt density dependence parameters.
        Stock-recruitment: R = a / (1 + b * B). Scalar per functional group.
    initial_conditions_biomass : np.ndarray | None, default=None
        Initial biomass state for t=0.
        Shape: [lat, lon]. If None, starts with zero biomass.
    initial_conditions_recruitment : np.ndarray | None, default=None
        Pre-existing production in cohorts from previous simulation.
        Shape: [lat, lon, cohort]. If None, starts with zero recruitment state.

    Returns
    -------
    biomass : np.ndarray
        Biomass evolution over time.
        Shape: [time, lat, lon]

    Notes
    -----
    - Survival rate is applied AFTER recruitment calculation but BEFORE biomass integration
    - Flow: biomass(t-1) → BH coefficient → recruitment → survival rate → biomass(t)
    - Uses implicit Euler method for biomass integration: B(t) = (B(t-1) + dt*R*S) / (1 + dt*λ(t))
      where S is the survival rate

    """
    # Initialize biomass array with temporal dimension
    biomass = np.zeros(mortality.shape)

    # Initial biomass for t=0 Beverton-Holt calculation
    if initial_conditions_biomass is not None:
        biomass_prev = initial_conditions_biomass
    else:
        biomass_prev = np.zeros(mortality[0, ...].shape, dtype=np.float64)

    # Initial pre-production state
    if initial_conditions_recruitment is not None:
        next_preproduction = initial_conditions_recruitment
    else:
        next_preproduction = np.zeros((*mortality[0, ...].shape, timestep_number.size), dtype=np.float64)

    for timestep in range(primary_production.shape[0]):
        # Apply Beverton-Holt to previous biomass
        beverton_holt_coefficient = beverton_holt(
            biomass_prev, density_dependance_parameter_a, density_dependance_parameter_b
        )

        # Production at age 0 with Beverton-Holt modulation
        production_age_0 = expand_dims(beverton_holt_coefficient * primary_production[timestep], timestep_number.size)
        pre_production = production_age_0 + next_preproduction

        # Age non-recruited production for next timestep
        if timestep < primary_production.shape[0] - 1:
            not_recruited = np.where(np.logical_not(mask_temperature[timestep]), pre_production, 0)
            next_preproduction = ageing(not_recruited, timestep_number)

        # Recruited production (sum over cohorts)
        recruited = np.sum(np.where(mask_temperature[timestep], pre_production, 0), axis=-1)

        # Apply survival rate to recruited biomass
        recruited_with_survival = recruited * survival_rate[timestep, ...]

        # Euler implicit integration for biomass with survival-adjusted recruitment
        biomass[timestep, ...] = (biomass_prev + delta_time * recruited_with_survival) / (
            1 + delta_time * mortality[timestep, ...]
        )

        # Update previous biomass for next iteration
        biomass_prev = biomass[timestep, ...]

    return biomass


# ---- harness (not part of the program) ----
ENTRY = "seapopym_kernels"


def seapopym_kernels(pp, temperature, timestep_number, mortality):
    res = {}
    n_cohort = timestep_number.size
    thresholds = 14.0 - 1.5 * np.arange(n_cohort)
    mask = temperature[..., None] > thresholds
    res["expand_dims"] = expand_dims(pp[0], n_cohort)
    res["ageing"] = ageing(np.arange(24, dtype=np.float64).reshape(2, 3, 4), timestep_number)
    res["production"] = production(pp, mask, timestep_number)
    res["production_opt"] = production_space_optimized(pp, mask, timestep_number)
    first, state = production_export_initial(pp[:6], mask[:6], timestep_number)
    res["export_initial"] = (first, state)
    res["production_chained"] = production(pp[6:], mask[6:], timestep_number, state)
    res["production_opt_chained"] = production_space_optimized(pp[6:], mask[6:], timestep_number, state.copy())
    res["export_preproduction"] = production_export_preproduction(pp, mask, timestep_number)
    res["export_preproduction_init"] = production_export_preproduction(pp[3:], mask[3:], timestep_number, state)
    recruited = np.stack([res["production"], 0.5 * res["production"]]).transpose(0, 1, 3, 2).copy()
    mort = np.stack([mortality, 1.5 * mortality]).transpose(0, 1, 3, 2).copy()
    init = np.full(recruited[:, 0].shape, 2.0)
    res["euler_explicit"] = biomass_euler_explicite(recruited, mort, None, 1.0)
    res["euler_explicit_init"] = biomass_euler_explicite(recruited, mort, init, 0.5)
    res["euler_implicit"] = biomass_euler_implicite(recruited, mort, None, 1.0)
    res["euler_implicit_init"] = biomass_euler_implicite(recruited, mort, init, 2)
    res["beverton_holt"] = beverton_holt(np.linspace(0.0, 5.0, 6), 2.0, 1.5)
    res["bh_biomass"] = biomass_beverton_holt(mortality, pp, mask, timestep_number, 1.0, 1.2, 0.3)
    res["bh_biomass_init"] = biomass_beverton_holt(mortality, pp, mask, timestep_number, 1.0, 1.2, 0.3,
                                                   np.full(pp.shape[1:], 1.5), state)
    survival = 0.8 + 0.15 * np.cos(np.arange(pp.size).reshape(pp.shape))
    res["bh_survival"] = biomass_beverton_holt_with_survival_rate(mortality, survival, pp, mask, timestep_number,
                                                                 0.5, 1.0, 0.5)
    res["bh_survival_init"] = biomass_beverton_holt_with_survival_rate(
        mortality, survival, pp, mask, timestep_number, 0.5, 1.0, 0.5,
        initial_conditions_biomass=np.full(pp.shape[1:], 0.7), initial_conditions_recruitment=state)
    return res


def inputs():
    t = np.arange(12)[:, None, None]
    x = np.arange(3)[None, :, None]
    y = np.arange(4)[None, None, :]
    pp = 1.0 + 0.5 * np.sin(2 * np.pi * t / 12 + 0.3 * x) + 0.1 * y
    temperature = 11.0 + 4.0 * np.cos(2 * np.pi * t / 12) + 0.5 * x - 0.3 * y
    timestep_number = np.array([1.0, 2.0, 3.0, 2.0])
    mortality = 0.1 + 0.02 * np.cos(t + x + y) + 0.0 * pp
    return (pp, temperature, timestep_number, mortality)
