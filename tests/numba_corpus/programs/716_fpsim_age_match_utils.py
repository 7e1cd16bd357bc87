# Source: fpsim/fpsim fpsim/utils.py (at commit 01efa982)
# Licence: MIT (FPsim, LICENSE; Copyright (c) 2019 ckerr-IDM)
# Notes: utilities of FPsim, the Institute for Disease Modeling's agent-based family-planning / fertility simulator: Numba functions compiled eagerly from explicit signatures at import, in three spellings: @nb.jit((nb.float64[:], nb.float64, nb.float64), cache=True, nopython=True) for match_ages (boolean array ops `match_low & match_high`), and @nb.njit((nb.float64,), cache=True) / @nb.njit((nb.float64, nb.int64), cache=True) / @nb.njit((nb.float64[:],), cache=True) for the Bernoulli, binomial and multinomial trials (np.random.random, np.random.binomial, np.searchsorted of np.cumsum) and numba_miscarriage_prob (int(round(age*resolution)) as an index); set_seed defines a jitted seeding closure. Pasted: the module without `import sciris as sc` (not installed), the relative imports of fpsim.defaults and fpsim.version, and the three functions that need them (annprob2ts, set_metadata, sample); the plain-NumPy curve functions (piecewise_linear, logistic_5p, sigmoid_product, gompertz and their derivatives) are kept. The random-trial kernels are compiled at import but the harness calls only the deterministic ones: match_ages over an age vector for the age bins FPsim uses, numba_miscarriage_prob over an age grid with a miscarriage-rate table at resolution 10, plus the NumPy curve functions
'''
File for storing utilities and probability calculators needed to run FP model
'''

import numpy as np
import numba as nb
import scipy.stats as sps


# Specify all externally visible things this file defines
__all__ = ['set_seed', 'bt', 'bc', 'rbt', 'mt', 'sample', 'match_ages']
__all__ += ['DuplicateNameException']


@nb.jit((nb.float64[:], nb.float64, nb.float64), cache=True, nopython=True)
def match_ages(age, age_low, age_high):
    ''' Find ages between age low and age_high '''
    match_low  = (age >= age_low)
    match_high = (age <  age_high)
    return match_low & match_high


def set_seed(seed=None):
    ''' Reset the random seed -- complicated because of Numba '''

    @nb.njit
    def set_seed_numba(seed):
        return np.random.seed(seed)

    def set_seed_regular(seed):
        return np.random.seed(seed)

    if seed is not None:
        set_seed_numba(seed)
        set_seed_regular(seed)
    return


@nb.njit((nb.float64,), cache=True)  # These types can also be declared as a dict, but performance is much slower...?
def bt(prob):
    ''' A simple Bernoulli (binomial) trial '''
    return np.random.random() < prob  # Or rnd.random() < prob, np.random.binomial(1, prob), which seems slower


@nb.njit((nb.float64, nb.int64), cache=True)
def bc(prob, repeats):
    ''' A binomial count '''
    return np.random.binomial(repeats, prob)  # Or (np.random.rand(repeats) < prob).sum()


@nb.njit((nb.float64, nb.int64), cache=True)
def rbt(prob, repeats):
    ''' A repeated Bernoulli (binomial) trial '''
    return np.random.binomial(repeats, prob) > 0  # Or (np.random.rand(repeats) < prob).any()


@nb.njit((nb.float64[:],), cache=True)
def mt(probs):
    ''' A multinomial trial '''
    return np.searchsorted(np.cumsum(probs), np.random.random())


@nb.njit((nb.float64[:], nb.int64), cache=True)
def n_multinomial(probs, n):
    '''
    An array of multinomial trials.

    Equivalent to, but faster than, `np.random.choice(len(probs), size=n, p=probs)`

    Args:
        probs (array): probability of each outcome, which usually should sum to 1
        n (int): number of trials

    Returns:
        Array of integer outcomes

    **Example**::

        outcomes = fp.n_multinomial(np.ones(6)/6.0, 50)+1 # Return 50 die-rolls
    '''
    return np.searchsorted(np.cumsum(probs), np.random.random(n))


def n_binomial(prob, n):
    '''
    Perform multiple binomial (Bernolli) trials

    Args:
        prob (float): probability of each trial succeeding
        n (int): number of trials (size of array)

    Returns:
        Boolean array of which trials succeeded

    **Example**::

        outcomes = cv.n_binomial(0.5, 100) # Perform 100 coin-flips
    '''
    return np.random.random(n) < prob


def binomial_arr(prob_arr): # No speed gain from Numba
    '''
    Binomial (Bernoulli) trials each with different probabilities.

    Args:
        prob_arr (array): array of probabilities

    Returns:
         Boolean array of which trials on the input array succeeded

    **Example**::

        outcomes = cv.binomial_arr([0.1, 0.1, 0.2, 0.2, 0.8, 0.8]) # Perform 6 trials with different probabilities
    '''
    return np.random.random(len(prob_arr)) < prob_arr


@nb.njit((nb.float64[:], nb.float64, nb.float64), cache=True)
def numba_miscarriage_prob(miscarriage_rates, age, resolution):
    '''Run interpolation eval to check for probability of miscarriage here'''
    miscarriage_prob = miscarriage_rates[int(round(age*resolution))]
    return miscarriage_prob


def piecewise_linear(x, x0, y0, m1, m2):
    '''
    Compute a two-part piecewise linear function at given x values.

    This function calculates the values of a piecewise linear function defined
    by two slopes (k1 and k2), a point of intersection (x0, y0), and an array
    of x values. The function returns an array of corresponding y values based
    on the piecewise linear function.

    Args:
    x (array-like)
        The array of x values at which the piecewise linear function is evaluated
    x0 (float)
        The x-coordinate of the point of intersection between the two linear segments (inflection point)
    y0 (float)
        The y-coordinate of the point of intersection between the two linear segments
    m1 (float)
        The slope of the first linear segment (for x < x0).
    m2 (float)
        The slope of the second linear segment (for x >= x0).

    Returns:
    y : ndarray
        An array of y values corresponding to the piecewise linear function
        evaluated at the input x values.

    **Examples**::
    >>> x_values = np.array([1, 2, 3, 4, 5])
    >>> y_values = piecewise_linear(x_values, 3, 2, 1, -1)
    '''
    return np.piecewise(x, [x < x0], [lambda x:m1*x + y0-m1*x0, lambda x:m2*x + y0-m2*x0])


def logistic_5p(x, a, b, c, d, e):
    '''
    A logistic function with 5 parameters (5p) that enables asymmetry

    Args:
    x (array-like)
       The array of x values at which the function is evaluated
    a (float):
      Minimum value (baseline) as x -> -infinity.
    d (float):
      Maximum value (saturation) as x -> infinity.
    b (float):
      Slope parameter
    c (float):
      Value of x at which the function reaches the midpoint between a and d.
    e (float):
      Exponent parameter controlling asymmetry.
        - If e = 1, the curve is symmetric.
        - If e > 1, the curve asymptotes toward "a" more quickly than it asymptotes toward "d."
        - If e < 1, the curve asymptotes toward "d" more quickly than it asymptotes toward "a."

    Returns:
    y : (ndarray)
        An array of y values corresponding to the piecewise linear function
        evaluated at the input x values.
    '''

    return d + ((a - d)/(1.0 + np.exp(b*(x-c)))**e)


def logistic_5p_dfun(x, a, b, c, d, e):
    '''
    Derivative of the 5 paraemter logistic function, same parameters
    '''
    return b*(a - d)*e*np.exp(b*(-c + x))*(1.0 + np.exp(b*(-c + x)))**(-1.0 - e)


def sigmoid_product(x, a1, b1, a2, b2):
    '''
    A product of two sigmoid functions. A monotonically increasing sigmoidal curve,
    followed by a monotonically decreasing sigmoidal curve.

    Current form produces  0 <= f(x) <= 1
    '''
    max_exp = 709
    x1 = np.clip(a1 - b1*x, -max_exp, max_exp)
    x2 = np.clip(a2 - b2*x, -max_exp, max_exp)
    return (1.0 / (1.0 + np.exp(x1))) * (1.0 / (1.0 + np.exp(x2)))


def gompertz(x, a, b, c):
    '''
    Compute the Gompertz function for a given set of parameters.
    This function is used for describing mortality and ageing-like processes.

    See:
    https://en.wikipedia.org/wiki/Gompertz_function

    The Gompertz function is defined as:
    f(x) = a * exp(-b * exp(-c * x))

    Parameters:
    x (array-like): The array of x values at which the function is evaluated
    a (float): The asymptote of the function as x approaches infinity.
    b (float): Displacement along the x-axis
    c (float): The growth rate

    Returns:
    y : (ndarray)
        An array of y values corresponding to the gomeprtz function
        evaluated at the input x values.
    """
    '''
    return a*np.exp(-b*np.exp(-c*x))


def gompertz_dfun(x, a, b, c):
    '''
    Compute the derivative of the Gompertz function with respect to x for a given set of parameters.

    The derivative of the Gompertz function is defined as:
    f'(x) = a * b * c * exp(-(b / exp(c * x)) - c * x)

    Parameters:
    x (array-like): The array of x values at which the function is evaluated
    a (float): The asymptote of the Gompertz function as x approaches infinity.
    b (float): Displacement along the x-axis
    c (float): The growth rate

    Returns:
    ndarray: An array of derivative values corresponding to the input x values.
    '''
    return a*b*c*np.exp(-(b/np.exp(c*x)) - c*x)


#% Exceptions

class DuplicateNameException(Exception):
    """
    Raised when either multiple instances of Module or State, or of any other type
    passed to ndict have duplicate names."""


    def __init__(self, obj):
        msg = f"A {type(obj)} with name `{obj.name}` has already been added."
        super().__init__(msg)
        return


# ---- harness (not part of the program) ----
ENTRY = "fpsim_utils"

_AGE_BINS = [(10, 15), (15, 20), (20, 25), (25, 30), (30, 35), (35, 40), (40, 45), (45, 50), (50, 99)]


def fpsim_utils(ages, miscarriage_rates, grid):
    out = {}
    out["bins"] = [match_ages(ages, float(lo), float(hi)) for lo, hi in _AGE_BINS]
    out["counts"] = np.array([m.sum() for m in out["bins"]])
    out["miscarriage"] = np.array([numba_miscarriage_prob(miscarriage_rates, a, 10.0) for a in grid])
    out["curves"] = (piecewise_linear(grid, 25.0, 0.3, 0.02, -0.03),
                     logistic_5p(grid, 0.05, 0.4, 22.0, 0.9, 1.5),
                     logistic_5p_dfun(grid, 0.05, 0.4, 22.0, 0.9, 1.5),
                     sigmoid_product(grid, 6.0, 0.3, -12.0, -0.25),
                     gompertz(grid, 1.0, 5.0, 0.1), gompertz_dfun(grid, 1.0, 5.0, 0.1))
    return out


def inputs():
    rng = np.random.default_rng(0)
    ages = rng.uniform(10.0, 60.0, size=500)
    rate_ages = np.arange(0, 100.1, 0.1)
    miscarriage_rates = np.interp(rate_ages, [0, 25, 30, 35, 40, 45, 50, 100],
                                  [0.16, 0.16, 0.16, 0.2, 0.33, 0.53, 0.8, 0.8])
    grid = np.linspace(10.0, 55.0, 91)
    return (ages, miscarriage_rates, grid)
