# Source: simulation-optimization/mrg32k3a-numba src/mrg32k3a_numba/mrg32k3a_numba.py (at commit 835b7fa3)
# Licence: MIT (mrg32k3a-numba, LICENSE; Copyright (c) 2025 David Huang)
# Notes: the Numba core of mrg32k3a-numba, L'Ecuyer's MRG32k3a combined multiple recursive generator with batch samplers. Module-level integer constants (moduli near 2**32, read as globals), _mrg32k3a_numba_core taking and returning a 6-tuple state (int64 products and Python-style % of negative values, a (tuple, float) return), the Beasley-Springer-Moro inverse normal CDF (_bsm_numba: np.array constants built inside the function, nested Horner polynomials, math.log), and six @numba.jit(nopython=True, cache=True) loops threading the tuple state through repeated calls: uniform, exponential, normal, Gumbel, Poisson (Knuth's while loop below lambda 35, a max(math.ceil(...), 0) normal approximation above it, int64 output) and binomial. The MRG32k3a_numba class (plain Python, a subclass of the separate mrg32k3a package's MRG32k3a, which only stores the state and calls these loops) and its `from mrg32k3a.mrg32k3a import MRG32k3a` import are left out; the harness calls the loops directly with the package's default seed (12345 six times), passing each loop's final state to the next as the class does, plus Poisson with a large lambda and a second seed
"""Provide a subclass of ``mrg32k3a`` as an implementation of mrg32k3a with vector support."""

import numpy as np
import numba
import math

# =========================================================================
# 1. Numba-JIT accelerated core helper functions
#    These are now specialized for each distribution to avoid typing errors.
# =========================================================================

# Constants used in mrg32k3a and in substream generation.
# P. L'Ecuyer, ``Good Parameter Sets for Combined Multiple Recursive Random Number Generators'',
# Operations Research, 47, 1 (1999), 159--164.
# P. L'Ecuyer, R. Simard, E. J. Chen, and W. D. Kelton,
# ``An Objected-Oriented Random-Number Package with Many Long Streams and Substreams'',
# Operations Research, 50, 6 (2002), 1073--1075.
# These are used in the core generator logic.
mrgm1 = 4294967087
mrgm2 = 4294944443
mrga12 = 1403580
mrga13n = 810728
mrga21 = 527612
mrga23n = 1370589


@numba.jit(nopython=True, cache=True)
def _mrg32k3a_numba_core(state):
    """
    Numba JIT-compiled version of the core MRG32k3a generator algorithm.

    This function advances the generator's state by one step and produces a
    single uniform random number in [0, 1). Using Numba's `nopython=True`
    mode provides a significant performance boost.

    Args:
        state (tuple): The current state of the generator, a tuple of six integers
                       (s1_0, s1_1, s1_2, s2_0, s2_1, s2_2).

    Returns:
        tuple: A tuple containing:
            - tuple: The next state of the generator.
            - float: A uniform random number in the interval [0, 1).
    """
    s1_0, s1_1, s1_2 = state[0], state[1], state[2]
    s2_0, s2_1, s2_2 = state[3], state[4], state[5]

    # First component of the generator
    p1 = (mrga12 * s1_1 - mrga13n * s1_0) % mrgm1
    # Second component of the generator
    p2 = (mrga21 * s2_2 - mrga23n * s2_0) % mrgm2

    # The new state is formed by shifting and including the new values
    next_state = (s1_1, s1_2, p1, s2_1, s2_2, p2)

    # Combination of the two components to produce the output
    z = (p1 - p2) % mrgm1
    if z > 0:
        u = z / (mrgm1 + 1.0)
    else:
        # Handle the case where (p1 - p2) is negative
        u = mrgm1 / (mrgm1 + 1.0)

    return next_state, u


@numba.jit(nopython=True, cache=True)
def _bsm_numba(u):
    """
    Numba JIT-compiled version of the Beasley-Springer-Moro algorithm.

    This function computes the inverse of the standard normal cumulative
    distribution function (CDF), also known as the normal quantile function.
    It efficiently transforms a uniform random number `u` into a standard
    normal random variate.

    Args:
        u (float): A uniform random number in the interval [0, 1).

    Returns:
        float: A standard normal random variate (mean=0, sigma=1).
    """
    # Constants are defined inside the function for Numba compatibility
    bsma = np.array([2.50662823884, -18.61500062529, 41.39119773534, -25.44106049637], dtype=np.float64)
    bsmb = np.array([-8.47351093090, 23.08336743743, -21.06224101826, 3.13082909833], dtype=np.float64)
    bsmc = np.array([0.3374754822726147, 0.9761690190917186, 0.1607979714918209, 0.0276438810333863, 0.0038405729373609,
                     0.0003951896511919, 0.0000321767881768, 0.0000002888167364, 0.0000003960315187])

    y = u - 0.5
    if abs(y) < 0.42:
        # Central region approximation
        r = y * y
        asum = bsma[0] + r * (bsma[1] + r * (bsma[2] + r * bsma[3]))
        bsum = 1.0 + r * (bsmb[0] + r * (bsmb[1] + r * (bsmb[2] + r * bsmb[3])))
        z = y * (asum / bsum)
    else:
        # Tail region approximation
        if y < 0:
            signum = -1.0
            r = u
        else:
            signum = 1.0
            r = 1.0 - u

        s = math.log(-math.log(r))
        t = bsmc[0] + s * (bsmc[1] + s * (bsmc[2] + s * (
                    bsmc[3] + s * (bsmc[4] + s * (bsmc[5] + s * (bsmc[6] + s * (bsmc[7] + s * bsmc[8])))))))
        z = signum * t
    return z


# --- Specialized Numba loops for each distribution ---

@numba.jit(nopython=True, cache=True)
def _uniform_loop(n_variates, initial_state):
    """
    Generates a batch of uniform random variates using the MRG32k3a core.

    Args:
        n_variates (int): The number of uniform variates to generate.
        initial_state (tuple): The starting state of the MRG generator.

    Returns:
        tuple: A tuple containing:
            - tuple: The final state of the generator after generation.
            - np.ndarray: An array of `n_variates` uniform random numbers.
    """
    variates = np.zeros(n_variates, dtype=np.float64)
    current_state = initial_state
    for i in range(n_variates):
        current_state, u = _mrg32k3a_numba_core(current_state)
        variates[i] = u
    return current_state, variates


@numba.jit(nopython=True, cache=True)
def _expovariate_loop(n_variates, initial_state, lambd):
    """
    Generates a batch of exponential random variates using the MRG32k3a core.

    Args:
        n_variates (int): The number of exponential variates to generate.
        initial_state (tuple): The starting state of the MRG generator.
        lambd (float): The rate parameter (lambda) of the exponential distribution.

    Returns:
        tuple: A tuple containing:
            - tuple: The final state of the generator after generation.
            - np.ndarray: An array of `n_variates` exponential random numbers.
    """
    variates = np.zeros(n_variates, dtype=np.float64)
    current_state = initial_state
    epsilon = 1e-15  # Add epsilon for numerical stability if u is close to 1.0
    for i in range(n_variates):
        current_state, u = _mrg32k3a_numba_core(current_state)
        # Inverse transform sampling for exponential distribution
        variates[i] = -math.log(1.0 - u + epsilon) / lambd
    return current_state, variates


@numba.jit(nopython=True, cache=True)
def _normalvariate_loop(n_variates, initial_state, mu, sigma):
    """
    Generates a batch of normal random variates using the MRG32k3a core.

    Args:
        n_variates (int): The number of normal variates to generate.
        initial_state (tuple): The starting state of the MRG generator.
        mu (float): The mean of the normal distribution.
        sigma (float): The standard deviation of the normal distribution.

    Returns:
        tuple: A tuple containing:
            - tuple: The final state of the generator after generation.
            - np.ndarray: An array of `n_variates` normal random numbers.
    """
    variates = np.zeros(n_variates, dtype=np.float64)
    current_state = initial_state
    for i in range(n_variates):
        current_state, u = _mrg32k3a_numba_core(current_state)
        # Transform uniform `u` to standard normal, then scale and shift
        variates[i] = mu + sigma * _bsm_numba(u)
    return current_state, variates


@numba.jit(nopython=True, cache=True)
def _gumbelvariate_loop(n_variates, initial_state, mu, beta):
    """
    Generates a batch of Gumbel random variates using the MRG32k3a core.

    Args:
        n_variates (int): The number of Gumbel variates to generate.
        initial_state (tuple): The starting state of the MRG generator.
        mu (float): The location parameter of the Gumbel distribution.
        beta (float): The scale parameter of the Gumbel distribution.

    Returns:
        tuple: A tuple containing:
            - tuple: The final state of the generator after generation.
            - np.ndarray: An array of `n_variates` Gumbel random numbers.
    """
    variates = np.zeros(n_variates, dtype=np.float64)
    current_state = initial_state
    epsilon = 1e-15  # Add epsilon for numerical stability if u is close to 0.0
    for i in range(n_variates):
        current_state, u = _mrg32k3a_numba_core(current_state)
        # Inverse transform sampling for Gumbel distribution
        variates[i] = mu - beta * math.log(-math.log(u + epsilon))
    return current_state, variates


@numba.jit(nopython=True, cache=True)
def _poisson_numba_loop(n_variates, initial_state, lmbda):
    """
    Generates a batch of Poisson random variates using the MRG32k3a core.

    It uses two different algorithms based on the value of lambda (`lmbda`):
    - For lmbda < 35: Knuth's algorithm (multiplication of uniform randoms).
    - For lmbda >= 35: A normal approximation for higher efficiency.

    Args:
        n_variates (int): The number of Poisson variates to generate.
        initial_state (tuple): The starting state of the MRG generator.
        lmbda (float): The average rate (lambda) of the Poisson distribution.

    Returns:
        tuple: A tuple containing:
            - tuple: The final state of the generator after generation.
            - np.ndarray: An array of `n_variates` Poisson random integers.
    """
    variates = np.zeros(n_variates, dtype=np.int64)
    current_state = initial_state
    for i in range(n_variates):
        if lmbda < 35.0:
            # Knuth's algorithm for smaller lambda
            n = 0
            current_state, p = _mrg32k3a_numba_core(current_state)
            threshold = math.exp(-lmbda)
            while p >= threshold:
                current_state, u = _mrg32k3a_numba_core(current_state)
                p = p * u
                n += 1
            variates[i] = n
        else:
            # Normal approximation for larger lambda for better performance
            current_state, u_norm = _mrg32k3a_numba_core(current_state)
            z = _bsm_numba(u_norm)
            # Apply continuity correction
            variates[i] = max(math.ceil(lmbda + math.sqrt(lmbda) * z - 0.5), 0)
    return current_state, variates


@numba.jit(nopython=True, cache=True)
def _binomial_numba_loop(n_variates, initial_state, n, p):
    """
    Generates a batch of Binomial random variates using the MRG32k3a core.

    This implementation simulates `n` Bernoulli trials for each variate.

    Args:
        n_variates (int): The number of Binomial variates to generate.
        initial_state (tuple): The starting state of the MRG generator.
        n (int): The number of trials.
        p (float): The probability of success for each trial.

    Returns:
        tuple: A tuple containing:
            - tuple: The final state of the generator after generation.
            - np.ndarray: An array of `n_variates` Binomial random integers.
    """
    variates = np.zeros(n_variates, dtype=np.int64)
    current_state = initial_state
    for i in range(n_variates):
        successes = 0
        for _ in range(n):
            current_state, u = _mrg32k3a_numba_core(current_state)
            if u < p:
                successes += 1
        variates[i] = successes
    return current_state, variates


# ---- harness ----
ENTRY = "mrg32k3a_batches"


def mrg32k3a_batches(n, seed, seed2):
    state = tuple(int(s) for s in seed)
    out = {}
    state, out["uniform"] = _uniform_loop(n, state)
    out["state_after_uniform"] = np.array(state, dtype=np.int64)
    state, out["expo"] = _expovariate_loop(n, state, 1.5)
    state, out["normal"] = _normalvariate_loop(n, state, 2.0, 0.5)
    state, out["gumbel"] = _gumbelvariate_loop(n, state, 0.0, 2.0)
    state, out["poisson_small"] = _poisson_numba_loop(n, state, 4.0)
    state, out["poisson_large"] = _poisson_numba_loop(n, state, 60.0)
    state, out["binomial"] = _binomial_numba_loop(n, state, 12, 0.3)
    out["final_state"] = np.array(state, dtype=np.int64)
    # lognormalvariate_batch of the class: exp of normals with quantile-derived mu, sigma
    lq, uq = 0.5, 8.0
    mu = (math.log(lq) + math.log(uq)) / 2
    sigma = (math.log(uq) - mu) / 1.96
    state, normals = _normalvariate_loop(n, state, mu, sigma)
    out["lognormal"] = np.exp(normals)
    state2 = tuple(int(s) for s in seed2)
    state2, out["uniform_seed2"] = _uniform_loop(n, state2)
    out["bsm_grid"] = np.array([_bsm_numba(u) for u in (0.001, 0.05, 0.3, 0.5, 0.58, 0.7, 0.95, 0.999)])
    return out


def inputs():
    seed = np.array([12345, 12345, 12345, 12345, 12345, 12345], dtype=np.int64)
    seed2 = np.array([4294967086, 1, 77, 4294944442, 3, 999999], dtype=np.int64)
    return (200, seed, seed2)
