# Source: OpenSourceEconomics/soepy soepy/solve/solve_auxiliary.py (commit 0f23cc0e) and soepy/shared/shared_constants.py (commit 04fbbc5e)
# Licence: MIT (soepy, README "License: MIT" badge linking the repository's LICENSE; the soepy developers, OpenSourceEconomics)
# Notes: the state-space construction and continuation-value lookup of soepy, a dynamic life-cycle model of female labour supply, human capital, children and partners (after Blundell et al. 2016). pyth_create_state_space (@numba.jit(nopython=True)) takes the model_spec namedtuple, reads its scalar fields and an educ_years array field, builds an 8-D np.full indexer whose shape is a tuple of namedtuple fields and a module constant, loops seven deep with `continue` filters (a chained comparison `0 <= age_kid <= min(...)`, an `and` spanning lines), indexes the indexer with eight scalars (age_kid = -1 wraps to the last slot, as the model intends), appends Python lists to a reflected list of lists and turns it into a 2-D array with np.array(data); get_continuation_values (@numba.njit(nogil=True)) tuple-unpacks each 8-column state row, looks up a dozen successor states in the indexer and mixes their expected values with child-arrival and partner arrival/separation probabilities per education level, writing into emaxs in place. Pasted with the module's numba/numpy imports and the constants it uses from shared_constants.py (MISSING_INT, INVALID_FLOAT, NUM_CHOICES, HOURS; the DATA_* tables there use np.int/np.float, which NumPy 1.24 no longer has, and are left out); the rest of solve_auxiliary.py (pyth_backward_induction, _get_max_aggregated_utilities and the construct_emax guvectorize, which need soepy's tax-and-transfer module) is left out. The harness builds a small model_spec namedtuple (5 periods, 3 education levels entering after 0/1/2 periods, 2 types, children aged up to 4) and runs the period loop of pyth_backward_induction with a stand-in for the emax step (a fixed function of the continuation values), computing each period's child-age update rule as soepy's exogenous process does (no child stays -1, ages grow by one up to child_age_max)
import numba
import numpy as np

# Set values of constants used across all modules here
MISSING_INT = -99
INVALID_FLOAT = -99.0
NUM_CHOICES = 3
# Hours worked per month
# Assumption: weekly working hours times 4.5 weeks in a month
# HOURS = np.array([0, 18 * 4.5, 38 * 4.5])
HOURS = np.array([0, 18, 38])


@numba.jit(nopython=True)
def pyth_create_state_space(model_spec):
    """Create state space object.

    The state space consists of all admissible combinations of the following components:
    period, years of education, lagged choice, full-time experience (F),
    and part-time experience (P).

    :data:`states` stores the information on states in a tabular format.
    Each row of the table corresponds to one admissible state space point
    and contains the values of the state space components listed above.
    :data:`indexer` is a multidimensional array where each component
    of the state space corresponds to one dimension. The values of the array cells
    index the corresponding state space point in :data:`states`.
    Traversing the state space requires incrementing the indices of :data:`indexer`
    and selecting the corresponding state space point component values in :data:`states`.

    Parameters
    ----------
    model_spec: namedtuple
        Namedtuple containing all fixed parameters describing the model and its
         state space that are relevant for running a simulation.

    Returns
    -------
    states : np.ndarray
        Array with shape (num_states, 8) containing period, years of schooling,
        the lagged choice, the years of experience in part-time, and the
        years of experience in full-time employment, type, age of the youngest child,
        indicator for the presence of a partner.
    indexer : np.ndarray
        A matrix where each dimension represents a characteristic of the state space.
        Switching from one state is possible via incrementing appropriate indices by 1.
    """
    data = []
    kids_ages = np.arange(-1, model_spec.child_age_max + 1)

    # Array for mapping the state space points (states) to indices
    shape = (
        model_spec.num_periods,
        model_spec.num_educ_levels,
        NUM_CHOICES,
        model_spec.num_periods + model_spec.init_exp_max,
        model_spec.num_periods + model_spec.init_exp_max,
        model_spec.num_types,
        kids_ages.shape[0],
        2,
    )

    indexer = np.full(shape, MISSING_INT)

    # Initialize counter for admissible state space points
    i = 0

    # Loop over all periods / all ages
    for period in range(model_spec.num_periods):

        # Loop over all types
        for type_ in range(model_spec.num_types):

            for partner_indicator in range(2):

                # Loop over all kids ages that are recorded
                for age_kid in kids_ages:
                    # Assumption: 1st kid is born no earlier than in period zero,
                    # i.e., in the current setup, no earlier than age 17.
                    # Can be relaxed, e.g., we assume that 1st kid can arrive earliest when
                    # a woman is 16 years old, the condition becomes:
                    # if age_kid > period + 1.
                    if age_kid - model_spec.child_age_init_max > period:
                        continue
                    # Make sure that women above 42 do not get kids
                    # For periods corresponding to ages > 40, the `age_kid`
                    # state space component can only take values -1, for no child ever,
                    # 11, for a child above 11, and 0 - 10 in such a fashion that no
                    # birth after 40 years of age is possible.
                    if (
                        period > model_spec.last_child_bearing_period
                        and 0
                        <= age_kid
                        <= min(period - (model_spec.last_child_bearing_period + 1), 10)
                    ):
                        continue

                    # Loop over all possible initial conditions for education
                    for educ_level in range(model_spec.num_educ_levels):

                        # Check if individual has already completed education
                        # and will make a labor supply choice in the period
                        if model_spec.educ_years[educ_level] > period:
                            continue

                        # Loop over all admissible years of experience
                        # accumulated in full-time
                        for exp_f in range(
                            model_spec.num_periods + model_spec.init_exp_max + 1
                        ):

                            # Loop over all admissible years of experience accumulated
                            # in part-time
                            for exp_p in range(
                                model_spec.num_periods + model_spec.init_exp_max + 1
                            ):

                                # The accumulation of experience cannot exceed time elapsed
                                # since individual entered the model
                                if (
                                    exp_f + exp_p
                                    > period
                                    + model_spec.init_exp_max * 2
                                    - model_spec.educ_years[educ_level]
                                ):
                                    continue

                                if exp_f > period + model_spec.init_exp_max:
                                    continue

                                if exp_p > period + model_spec.init_exp_max:
                                    continue

                                # Add an additional entry state
                                # [educ_years + model_params.educ_min, 0, 0, 0]
                                # for individuals who have just completed education
                                # and still have no experience in any occupation.
                                if period == model_spec.educ_years[educ_level]:

                                    # Assign an additional integer count i
                                    # for entry state
                                    indexer[
                                        period,
                                        educ_level,
                                        0,
                                        exp_p,
                                        exp_f,
                                        type_,
                                        age_kid,
                                        partner_indicator,
                                    ] = i

                                    # Record the values of the state space components
                                    # for the currently reached entry state
                                    row = [
                                        period,
                                        educ_level,
                                        0,
                                        exp_p,
                                        exp_f,
                                        type_,
                                        age_kid,
                                        partner_indicator,
                                    ]

                                    # Update count once more
                                    i += 1

                                    data.append(row)

                                else:

                                    # Loop over the three labor market choices, N, P, F
                                    for choice_lagged in range(NUM_CHOICES):

                                        # If individual has only worked full-time in the past,
                                        # she can only have full-time (2) as lagged choice
                                        if (choice_lagged != 2) and (
                                            exp_f
                                            == period
                                            + model_spec.init_exp_max
                                            - model_spec.educ_years[educ_level]
                                        ):
                                            continue

                                        # If individual has only worked part-time in the past,
                                        # she can only have part-time (1) as lagged choice
                                        if (choice_lagged != 1) and (
                                            exp_p
                                            == period
                                            + model_spec.init_exp_max
                                            - model_spec.educ_years[educ_level]
                                        ):
                                            continue

                                        # If an individual has never worked full-time,
                                        # she cannot have that lagged activity
                                        if (choice_lagged == 2) and (exp_f == 0):
                                            continue

                                        # If an individual has never worked part-time,
                                        # she cannot have that lagged activity
                                        if (choice_lagged == 1) and (exp_p == 0):
                                            continue

                                        # If an individual has always been employed,
                                        # she cannot have non-employment (0) as lagged choice
                                        if (choice_lagged == 0) and (
                                            exp_f + exp_p
                                            == period
                                            + 2 * model_spec.init_exp_max
                                            - model_spec.educ_years[educ_level]
                                        ):
                                            continue

                                        # Check for duplicate states
                                        if (
                                            indexer[
                                                period,
                                                educ_level,
                                                choice_lagged,
                                                exp_p,
                                                exp_f,
                                                type_,
                                                age_kid,
                                                partner_indicator,
                                            ]
                                            != MISSING_INT
                                        ):
                                            continue

                                        # Assign the integer count i as an indicator for the
                                        # currently reached admissible state space point
                                        indexer[
                                            period,
                                            educ_level,
                                            choice_lagged,
                                            exp_p,
                                            exp_f,
                                            type_,
                                            age_kid,
                                            partner_indicator,
                                        ] = i

                                        # Update count
                                        i += 1

                                        # Record the values of the state space components
                                        # for the currently reached admissible
                                        # state space point
                                        row = [
                                            period,
                                            educ_level,
                                            choice_lagged,
                                            exp_p,
                                            exp_f,
                                            type_,
                                            age_kid,
                                            partner_indicator,
                                        ]

                                        data.append(row)

        states = np.array(data)

    # Return function output
    return states, indexer


@numba.njit(nogil=True)
def get_continuation_values(
    model_spec,
    states_subset,
    indexer,
    emaxs,
    child_age_update_rule_period,
    prob_child_period,
    prob_partner_arrival_period,
    prob_partner_separation_period,
):
    """Obtain continuation values for each of the choices at each state
    of the period currently reached by the parent loop.

    This function takes a parent node and looks up the continuation values
    of each of the available choices. It takes the entire block of
    data:`emaxs` corresponding to the period and fills in the first block
    of elements corresponding to the continuation values.
    The continuation value of each choice is the expected maximum value
    function of the next period's state if the particular choice was
    taken this period. The expected maximum value function values are
    contained as the last element of the data:`emaxs` row of next
    period's state.

    Warning
    -------
    This function must be extremely performant as the lookup is done for each state in a
    state space (except for states in the last period) for each evaluation of the
    optimization of parameters.
    """
    for i in range(states_subset.shape[0]):

        # Unpack parent state and get index
        (
            period,
            educ_level,
            choice_lagged,
            exp_p,
            exp_f,
            type_,
            age_kid,
            partner_indicator,
        ) = states_subset[i]

        k_parent = indexer[
            period,
            educ_level,
            choice_lagged,
            exp_p,
            exp_f,
            type_,
            age_kid,
            partner_indicator,
        ]

        # Child: No arrival
        # Choice: Non-employment
        k_0_00 = indexer[
            period + 1,
            educ_level,
            0,
            exp_p,
            exp_f,
            type_,
            child_age_update_rule_period[i],
            0,  # No partner
        ]

        k_0_01 = indexer[
            period + 1,
            educ_level,
            0,
            exp_p,
            exp_f,
            type_,
            child_age_update_rule_period[i],
            1,  # Partner
        ]

        # Choice: Part-time
        k_1_00 = indexer[
            period + 1,
            educ_level,
            1,
            exp_p + 1,
            exp_f,
            type_,
            child_age_update_rule_period[i],
            0,  # No partner
        ]

        k_1_01 = indexer[
            period + 1,
            educ_level,
            1,
            exp_p + 1,
            exp_f,
            type_,
            child_age_update_rule_period[i],
            1,  # Partner
        ]

        # Choice: Full-time
        k_2_00 = indexer[
            period + 1,
            educ_level,
            2,
            exp_p,
            exp_f + 1,
            type_,
            child_age_update_rule_period[i],
            0,  # No partner
        ]

        k_2_01 = indexer[
            period + 1,
            educ_level,
            2,
            exp_p,
            exp_f + 1,
            type_,
            child_age_update_rule_period[i],
            1,  # Partner
        ]

        # Child possible, integrate out partner and child probability
        if period <= model_spec.last_child_bearing_period:

            # Child arrives
            # Choice: Non-employment
            k_0_10 = indexer[
                period + 1, educ_level, 0, exp_p, exp_f, type_, 0, 0,  # No partner
            ]

            k_0_11 = indexer[
                period + 1, educ_level, 0, exp_p, exp_f, type_, 0, 1,  # Partner
            ]

            # Choice: Part-time
            k_1_10 = indexer[
                period + 1, educ_level, 1, exp_p + 1, exp_f, type_, 0, 0,  # No partner
            ]

            k_1_11 = indexer[
                period + 1, educ_level, 1, exp_p + 1, exp_f, type_, 0, 1,  # Partner
            ]

            # Choice: Full-time
            k_2_10 = indexer[
                period + 1, educ_level, 2, exp_p, exp_f + 1, type_, 0, 0,  # No partner
            ]

            k_2_11 = indexer[
                period + 1, educ_level, 2, exp_p, exp_f + 1, type_, 0, 1,  # Partner
            ]

            # Calculate E-Max
            if partner_indicator == 1:
                # Partner is present in the parent (current) state, i.e.,
                # partner remains or is lost in the child (future) state
                emaxs[k_parent, 0] = (  # non-employment
                    1 - prob_partner_separation_period[educ_level]  # no partner
                ) * (
                    (1 - prob_child_period[educ_level]) * emaxs[k_0_00, 3]  # no child
                    + prob_child_period[educ_level] * emaxs[k_0_10, 3]  # child
                ) + (
                    prob_partner_separation_period[educ_level]  # partner
                    * (
                        (1 - prob_child_period[educ_level])
                        * emaxs[k_0_01, 3]  # no child
                        + prob_child_period[educ_level] * emaxs[k_0_11, 3]  # child
                    )
                )

                emaxs[k_parent, 1] = (  # part-time employment
                    1 - prob_partner_separation_period[educ_level]  # no partner
                ) * (
                    (1 - prob_child_period[educ_level]) * emaxs[k_1_00, 3]  # no child
                    + prob_child_period[educ_level] * emaxs[k_1_10, 3]  # child
                ) + (
                    prob_partner_separation_period[educ_level]  # partner
                    * (
                        (1 - prob_child_period[educ_level])
                        * emaxs[k_1_01, 3]  # no child
                        + prob_child_period[educ_level] * emaxs[k_1_11, 3]  # child
                    )
                )

                emaxs[k_parent, 2] = (
                    1 - prob_partner_separation_period[educ_level]
                ) * (  # no partner
                    (1 - prob_child_period[educ_level]) * emaxs[k_2_00, 3]  # no child
                    + prob_child_period[educ_level] * emaxs[k_2_10, 3]  # child
                ) + (
                    prob_partner_separation_period[educ_level]  # partner
                    * (
                        (1 - prob_child_period[educ_level])
                        * emaxs[k_2_01, 3]  # no child
                        + prob_child_period[educ_level] * emaxs[k_2_11, 3]  # child
                    )
                )

            else:
                # Partner is not present in the parent (current) state, i.e.,
                # partner arrives or does not arrive in the child (future) state
                emaxs[k_parent, 0] = (  # non-employment
                    1 - prob_partner_arrival_period[educ_level]  # no partner
                ) * (
                    (1 - prob_child_period[educ_level]) * emaxs[k_0_00, 3]  # no child
                    + prob_child_period[educ_level] * emaxs[k_0_10, 3]  # child
                ) + (
                    prob_partner_arrival_period[educ_level]  # partner
                    * (
                        (1 - prob_child_period[educ_level])
                        * emaxs[k_0_01, 3]  # no child
                        + prob_child_period[educ_level] * emaxs[k_0_11, 3]  # child
                    )
                )

                emaxs[k_parent, 1] = (  # part-time employment
                    1 - prob_partner_arrival_period[educ_level]  # no partner
                ) * (
                    (1 - prob_child_period[educ_level]) * emaxs[k_1_00, 3]  # no child
                    + prob_child_period[educ_level] * emaxs[k_1_10, 3]  # child
                ) + (
                    prob_partner_arrival_period[educ_level]  # partner
                    * (
                        (1 - prob_child_period[educ_level])
                        * emaxs[k_1_01, 3]  # no child
                        + prob_child_period[educ_level] * emaxs[k_1_11, 3]  # child
                    )
                )

                emaxs[k_parent, 2] = (
                    1 - prob_partner_arrival_period[educ_level]
                ) * (  # no partner
                    (1 - prob_child_period[educ_level]) * emaxs[k_2_00, 3]  # no child
                    + prob_child_period[educ_level] * emaxs[k_2_10, 3]  # child
                ) + (
                    prob_partner_arrival_period[educ_level]  # partner
                    * (
                        (1 - prob_child_period[educ_level])
                        * emaxs[k_2_01, 3]  # no child
                        + prob_child_period[educ_level] * emaxs[k_2_11, 3]  # child
                    )
                )

        else:
            # Child not possible
            if partner_indicator == 1:
                # Partner is present in the parent (current) state, i.e.,
                # partner remains or is lost in the child (future) state
                emaxs[k_parent, 0] = (
                    (1 - prob_partner_separation_period[educ_level]) * emaxs[k_0_00, 3]
                    + prob_partner_separation_period[educ_level]  # no partner
                    * emaxs[k_0_01, 3]
                )  # partner
                emaxs[k_parent, 1] = (
                    (1 - prob_partner_separation_period[educ_level]) * emaxs[k_1_00, 3]
                    + prob_partner_separation_period[educ_level]  # no partner
                    * emaxs[k_1_01, 3]
                )  # partner
                emaxs[k_parent, 2] = (
                    (1 - prob_partner_separation_period[educ_level]) * emaxs[k_2_00, 3]
                    + prob_partner_separation_period[educ_level]  # no partner
                    * emaxs[k_2_01, 3]
                )  # partner

            else:
                # Partner is not present in the parent (current) state, i.e.,
                # partner arrives or does not arrive in the child (future) state
                emaxs[k_parent, 0] = (
                    (1 - prob_partner_arrival_period[educ_level]) * emaxs[k_0_00, 3]
                    + prob_partner_arrival_period[educ_level]  # no partner
                    * emaxs[k_0_01, 3]
                )  # partner
                emaxs[k_parent, 1] = (
                    (1 - prob_partner_arrival_period[educ_level]) * emaxs[k_1_00, 3]
                    + prob_partner_arrival_period[educ_level]  # no partner
                    * emaxs[k_1_01, 3]
                )  # partner
                emaxs[k_parent, 2] = (
                    (1 - prob_partner_arrival_period[educ_level]) * emaxs[k_2_00, 3]
                    + prob_partner_arrival_period[educ_level]  # no partner
                    * emaxs[k_2_01, 3]
                )  # partner

    return emaxs


# ---- harness (not part of the program) ----
from collections import namedtuple

ENTRY = "soepy_state_space"

ModelSpec = namedtuple(
    "ModelSpec",
    [
        "num_periods",
        "num_educ_levels",
        "init_exp_max",
        "num_types",
        "child_age_max",
        "child_age_init_max",
        "last_child_bearing_period",
        "educ_years",
    ],
)


def soepy_state_space(model_spec, prob_child, prob_partner_arrival, prob_partner_separation, flow):
    states, indexer = pyth_create_state_space(model_spec)
    # child age update rule, as soepy's exogenous process defines it
    age = states[:, 6]
    child_age_update_rule = np.where(
        age == -1, -1, np.minimum(age + 1, model_spec.child_age_max)
    )
    flow = flow[: states.shape[0]]
    emaxs = np.zeros((states.shape[0], NUM_CHOICES + 1))
    for period in reversed(range(model_spec.num_periods)):
        cond = states[:, 0] == period
        if period != model_spec.num_periods - 1:
            emaxs = get_continuation_values(
                model_spec,
                states[cond],
                indexer,
                emaxs,
                child_age_update_rule[cond],
                prob_child[period],
                prob_partner_arrival[period],
                prob_partner_separation[period],
            )
        # stand-in for construct_emax: discounted best continuation plus a flow term
        emaxs_period = emaxs[cond]
        emaxs_period[:, 3] = 0.95 * emaxs_period[:, :3].max(axis=1) + flow[cond]
        emaxs[cond] = emaxs_period
    return states, indexer, emaxs


def inputs():
    model_spec = ModelSpec(
        num_periods=5,
        num_educ_levels=3,
        init_exp_max=1,
        num_types=2,
        child_age_max=4,
        child_age_init_max=2,
        last_child_bearing_period=2,
        educ_years=np.array([0, 1, 2]),
    )
    rng = np.random.default_rng(0)
    prob_child = rng.uniform(0.05, 0.3, size=(5, 3))
    prob_partner_arrival = rng.uniform(0.05, 0.2, size=(5, 3))
    prob_partner_separation = rng.uniform(0.02, 0.1, size=(5, 3))
    flow = rng.uniform(0.5, 1.5, size=20000)  # cut to the number of states in the call
    return model_spec, prob_child, prob_partner_arrival, prob_partner_separation, flow
