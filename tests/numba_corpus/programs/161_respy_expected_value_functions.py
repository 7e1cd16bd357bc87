# Source: OpenSourceEconomics/respy respy/shared.py
# Licence: MIT (respy, LICENSE; Copyright (c) 2015-2020)
# Notes: Monte Carlo expected maximum of choice-specific value functions (EMAX) in a Keane-Wolpin dynamic discrete choice model: a @nb.guvectorize generalized ufunc with one eager signature string, layout "(n_choices), (n_choices), (n_choices), (n_draws, n_choices), () -> ()", nopython=True and target="parallel", called on a 2-D array of states with the draws broadcast; it calls the @nb.njit helper aggregate_keane_wolpin_utility that returns a (value, flow utility) tuple unpacked with `_`, keeps a running max started as the int 0, and writes through out[0]; the module's other functions and the imports only they use (chaospy, pandas, respy.config) left out
"""Contains functions which are shared across other modules.

This module should only import from other packages or modules of respy which also do not
import from respy itself. This is to prevent circular imports.

"""
import numba as nb
import numpy as np


@nb.njit
def aggregate_keane_wolpin_utility(wage, nonpec, continuation_value, draw, delta):
    """Calculate the utility of Keane and Wolpin models.

    Note that the function works for working and non-working alternatives as wages are
    set to one for non-working alternatives such that the draws enter the utility
    function additively.

    Parameters
    ----------
    wage : float
        Value of the wage component. Note that for non-working alternatives this value
        is actually zero, but to simplify computations it is set to one.
    nonpec : float
        Value of the non-pecuniary component.
    continuation_value : float
        Value of the continuation value which is the expected present-value of the
        following state.
    draw : float
        The shock which enters the enters the reward of working alternatives
        multiplicatively and of non-working alternatives additively.
    delta : float
        The discount factor to calculate the present value of continuation values.

    Returns
    -------
    alternative_specific_value_function : float
        The expected present value of an alternative.
    flow_utility : float
        The immediate reward of an alternative.

    """
    flow_utility = wage * draw + nonpec
    alternative_specific_value_function = flow_utility + delta * continuation_value

    return alternative_specific_value_function, flow_utility


@nb.guvectorize(
    ["f8[:], f8[:], f8[:], f8[:, :], f8, f8[:]"],
    "(n_choices), (n_choices), (n_choices), (n_draws, n_choices), () -> ()",
    nopython=True,
    target="parallel",
)
def calculate_expected_value_functions(
    wages, nonpecs, continuation_values, draws, delta, expected_value_functions
):
    r"""Calculate the expected maximum of value functions for a set of unobservables.

    The function takes an agent and calculates the utility for each of the choices, the
    ex-post rewards, with multiple draws from the distribution of unobservables and adds
    the discounted expected maximum utility of subsequent periods resulting from
    choices. Averaging over all maximum utilities yields the expected maximum utility of
    this state.

    The underlying process in this function is called `Monte Carlo integration`_. The
    goal is to approximate an integral by evaluating the integrand at randomly chosen
    points. In this setting, one wants to approximate the expected maximum utility of
    the current state.

    Note that `wages` have the same length as `nonpecs` despite that wages are only
    available in some choices. Missing choices are filled with ones. In the case of a
    choice with wage and without wage, flow utilities are

    .. math::

        \text{Flow Utility} = \text{Wage} * \epsilon + \text{Non-pecuniary}
        \text{Flow Utility} = 1 * \epsilon + \text{Non-pecuniary}

    Parameters
    ----------
    wages : numpy.ndarray
        Array with shape (n_choices,) containing wages.
    nonpecs : numpy.ndarray
        Array with shape (n_choices,) containing non-pecuniary rewards.
    continuation_values : numpy.ndarray
        Array with shape (n_choices,) containing expected maximum utility for each
        choice in the subsequent period.
    draws : numpy.ndarray
        Array with shape (n_draws, n_choices).
    delta : float
        The discount factor.

    Returns
    -------
    expected_value_functions : float
        Expected maximum utility of an agent.

    .. _Monte Carlo integration:
        https://en.wikipedia.org/wiki/Monte_Carlo_integration

    """
    n_draws, n_choices = draws.shape

    expected_value_functions[0] = 0

    for i in range(n_draws):

        max_value_functions = 0

        for j in range(n_choices):
            value_function, _ = aggregate_keane_wolpin_utility(
                wages[j], nonpecs[j], continuation_values[j], draws[i, j], delta
            )

            if value_function > max_value_functions:
                max_value_functions = value_function

        expected_value_functions[0] += max_value_functions

    expected_value_functions[0] /= n_draws

# ---- harness (not part of the program) ----
ENTRY = "calculate_expected_value_functions"


def inputs():
    # one period of a Keane-Wolpin model with 4 choices (two working, school,
    # home) for 200 states: wages (1.0 for the non-working choices),
    # non-pecuniary rewards, next-period continuation values, 100 shock draws
    # shared by all states (log-normal for the working choices, as
    # transform_base_draws_with_cholesky_factor makes them), delta = 0.95
    rng = np.random.default_rng(0)
    n_states, n_choices, n_draws = 200, 4, 100
    wages = np.ones((n_states, n_choices))
    wages[:, :2] = np.exp(rng.normal(9.0, 0.3, (n_states, 2)))
    nonpecs = rng.normal(0.0, 1000.0, (n_states, n_choices))
    continuation_values = rng.uniform(50000.0, 80000.0, (n_states, n_choices))
    draws = rng.standard_normal((n_draws, n_choices)) * 0.2
    draws[:, :2] = np.exp(draws[:, :2])
    draws[:, 2:] *= 5000.0
    return (wages, nonpecs, continuation_values, draws, 0.95)
