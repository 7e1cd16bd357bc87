# Source: Eden-Kramer-Lab/replay_trajectory_classification replay_trajectory_classification/core.py (at commit 03898f88)
# Licence: MIT (replay_trajectory_classification, setup.py at commit 014fc8d8: license='MIT'; Eric Denovellis)
# Notes: causal (filtering) pass of the switching state-space model that classifies hippocampal replay trajectories decoded from place-cell spiking: _causal_classify (@njit(nogil=True, error_model='numpy', cache=True)) unpacks the 4-D likelihood's shape, seeds the posterior with the normalised product of the initial conditions and the first likelihood (.copy()), and for every time bin accumulates, over pairs of dynamic states iterated with np.arange, the discrete-transition-weighted continuous-transition prior (a transposed (bins, bins) slice @ a (bins, 1) slice of the previous posterior, added into prior[state_k, :]), then normalises prior * likelihood with normalize_to_probability (@njit(parallel=True, error_model='numpy'), division by np.nansum); it returns the (time, states, bins, 1) causal posterior. Pasted: the numpy and numba imports (less cupy and the multiunit-likelihood imports, which only the GPU functions and the algorithm table use) and the module's jitted functions (logsumexp, normalize_to_probability, _causal_decode, _acausal_decode, _causal_classify and _acausal_classify) with the plain-NumPy helpers scaled_likelihood and mask; left out: the CuPy versions and the clusterless-algorithm table; the harness passes what the classifier's predict passes for sorted spikes: two dynamic states (continuous: a Gaussian random walk over 40 position bins, fragmented: uniform), a sticky 2 x 2 discrete transition (0.98 on the diagonal), uniform initial conditions of shape (2, 40, 1), and the likelihood of 150 20-ms time bins of 12 place cells' Poisson spike counts along a simulated run, scaled with scaled_likelihood and repeated over the two states, of shape (150, 2, 40, 1)
import numpy as np
from numba import njit


@njit(nogil=True, fastmath=True)
def logsumexp(a):
    a_max = np.max(a)
    out = np.log(np.sum(np.exp(a - a_max)))
    out += a_max
    return out


@njit(parallel=True, error_model='numpy')
def normalize_to_probability(distribution):
    '''Ensure the distribution integrates to 1 so that it is a probability
    distribution
    '''
    return distribution / np.nansum(distribution)


@njit(nogil=True, error_model='numpy', cache=True)
def _causal_decode(initial_conditions, state_transition, likelihood):
    '''Adaptive filter to iteratively calculate the posterior probability
    of a state variable using past information.

    Parameters
    ----------
    initial_conditions : ndarray, shape (n_bins,)
    state_transition : ndarray, shape (n_bins, n_bins)
    likelihood : ndarray, shape (n_time, n_bins)

    Returns
    -------
    posterior : ndarray, shape (n_time, n_bins)

    '''

    n_time = likelihood.shape[0]
    posterior = np.zeros_like(likelihood)

    posterior[0] = normalize_to_probability(
        initial_conditions.copy() * likelihood[0])

    for time_ind in np.arange(1, n_time):
        prior = state_transition.T @ posterior[time_ind - 1]
        posterior[time_ind] = normalize_to_probability(
            prior * likelihood[time_ind])

    return posterior


@njit(nogil=True, error_model='numpy', cache=True)
def _acausal_decode(causal_posterior, state_transition):
    '''Uses past and future information to estimate the state.

    Parameters
    ----------
    causal_posterior : ndarray, shape (n_time, n_bins, 1)
    state_transition : ndarray, shape (n_bins, n_bins)

    Return
    ------
    acausal_posterior : ndarray, shape (n_time, n_bins, 1)

    '''
    acausal_posterior = np.zeros_like(causal_posterior)
    acausal_posterior[-1] = causal_posterior[-1].copy()
    n_time, n_bins = causal_posterior.shape[0], causal_posterior.shape[-2]
    weights = np.zeros((n_bins, 1))

    for time_ind in np.arange(n_time - 2, -1, -1):
        acausal_prior = (
            state_transition.T @ causal_posterior[time_ind])
        log_ratio = (
            np.log(acausal_posterior[time_ind + 1, ..., 0] + np.spacing(1)) -
            np.log(acausal_prior[..., 0] + np.spacing(1)))
        weights[..., 0] = np.exp(log_ratio) @ state_transition

        acausal_posterior[time_ind] = normalize_to_probability(
            weights * causal_posterior[time_ind])

    return acausal_posterior


@njit(nogil=True, error_model='numpy', cache=True)
def _causal_classify(initial_conditions, continuous_state_transition,
                     discrete_state_transition, likelihood):
    '''Adaptive filter to iteratively calculate the posterior probability
    of a state variable using past information.

    Parameters
    ----------
    initial_conditions : ndarray, shape (n_states, n_bins, 1)
    continuous_state_transition : ndarray, shape (n_states, n_states,
                                                  n_bins, n_bins)
    discrete_state_transition : ndarray, shape (n_states, n_states)
    likelihood : ndarray, shape (n_time, n_states, n_bins, 1)

    Returns
    -------
    causal_posterior : ndarray, shape (n_time, n_states, n_bins, 1)

    '''
    n_time, n_states, n_bins, _ = likelihood.shape
    posterior = np.zeros_like(likelihood)

    posterior[0] = normalize_to_probability(
        initial_conditions.copy() * likelihood[0])

    for k in np.arange(1, n_time):
        prior = np.zeros((n_states, n_bins, 1))
        for state_k in np.arange(n_states):
            for state_k_1 in np.arange(n_states):
                prior[state_k, :] += (
                    discrete_state_transition[state_k_1, state_k] *
                    continuous_state_transition[state_k_1, state_k].T @
                    posterior[k - 1, state_k_1])
        posterior[k] = normalize_to_probability(prior * likelihood[k])

    return posterior


@njit(nogil=True, error_model='numpy', cache=True)
def _acausal_classify(causal_posterior, continuous_state_transition,
                      discrete_state_transition):
    '''Uses past and future information to estimate the state.

    Parameters
    ----------
    causal_posterior : ndarray, shape (n_time, n_states, n_bins, 1)
    continuous_state_transition : ndarray, shape (n_states, n_states,
                                                  n_bins, n_bins)
    discrete_state_transition : ndarray, shape (n_states, n_states)

    Return
    ------
    acausal_posterior : ndarray, shape (n_time, n_states, n_bins, 1)

    '''
    acausal_posterior = np.zeros_like(causal_posterior)
    acausal_posterior[-1] = causal_posterior[-1].copy()
    n_time, n_states, n_bins, _ = causal_posterior.shape

    for k in np.arange(n_time - 2, -1, -1):
        # Prediction Step -- p(x_{k+1}, I_{k+1} | y_{1:k})
        prior = np.zeros((n_states, n_bins, 1))
        for state_k_1 in np.arange(n_states):
            for state_k in np.arange(n_states):
                prior[state_k_1, :] += (
                    discrete_state_transition[state_k, state_k_1] *
                    continuous_state_transition[state_k, state_k_1].T @
                    causal_posterior[k, state_k])

        # Backwards Update
        weights = np.zeros((n_states, n_bins, 1))
        ratio = np.exp(
            np.log(acausal_posterior[k + 1] + np.spacing(1)) -
            np.log(prior + np.spacing(1)))
        for state_k in np.arange(n_states):
            for state_k_1 in np.arange(n_states):
                weights[state_k] += (
                    discrete_state_transition[state_k, state_k_1] *
                    continuous_state_transition[state_k, state_k_1] @
                    ratio[state_k_1])

        acausal_posterior[k] = normalize_to_probability(
            weights * causal_posterior[k])

    return acausal_posterior


def scaled_likelihood(log_likelihood, axis=1):
    '''
    Parameters
    ----------
    log_likelihood : ndarray, shape (n_time, n_bins)

    Returns
    -------
    scaled_log_likelihood : ndarray, shape (n_time, n_bins)

    '''
    max_log_likelihood = np.nanmax(log_likelihood, axis=axis, keepdims=True)
    # np.exp(posterior - logsumexp(posterior, axis=axis)) ?
    likelihood = np.exp(log_likelihood - max_log_likelihood)
    likelihood[np.isnan(likelihood)] = 0.0
    return likelihood


def mask(value, is_track_interior):
    try:
        value[..., ~is_track_interior] = np.nan
    except IndexError:
        value[..., ~is_track_interior, :] = np.nan
    return value
# ---- harness (not part of the program) ----
ENTRY = "_causal_classify"


def inputs():
    # 40 position bins on a linear track, 12 place cells with Gaussian
    # place fields, an animal running back and forth (150 time bins of
    # 20 ms), Poisson spike counts; the sorted-spikes log likelihood
    # sum_n (y_n log(rate_n dt) - rate_n dt), scaled per time bin, repeated
    # for the two dynamic states
    rng = np.random.default_rng(0)
    n_bins, n_states, n_time, n_cells, dt = 40, 2, 150, 12, 0.02
    place_bin_centers = np.arange(n_bins) * 5.0 + 2.5
    centers = rng.uniform(0.0, 200.0, n_cells)
    rates = 1.0 + 40.0 * np.exp(
        -((place_bin_centers[None, :] - centers[:, None]) ** 2) / (2 * 12.0 ** 2))
    position = 100.0 + 90.0 * np.sin(np.linspace(0.0, 3.0 * np.pi, n_time))
    pos_bin = np.clip((position // 5.0).astype(int), 0, n_bins - 1)
    spikes = rng.poisson(rates[:, pos_bin].T * dt)
    log_likelihood = (spikes @ np.log(rates * dt) - (rates * dt).sum(axis=0)[None, :])
    likelihood = scaled_likelihood(log_likelihood, axis=1)
    likelihood = np.repeat(likelihood[:, None, :, None], n_states, axis=1)
    # continuous state transitions: random walk (row-normalised Gaussian)
    # for the continuous state, uniform for the fragmented state
    d = place_bin_centers[:, None] - place_bin_centers[None, :]
    random_walk = np.exp(-(d ** 2) / (2 * 6.0 ** 2))
    random_walk /= random_walk.sum(axis=1, keepdims=True)
    uniform = np.ones((n_bins, n_bins)) / n_bins
    continuous_state_transition = np.zeros((n_states, n_states, n_bins, n_bins))
    continuous_state_transition[0, 0] = random_walk
    continuous_state_transition[0, 1] = uniform
    continuous_state_transition[1, 0] = uniform
    continuous_state_transition[1, 1] = uniform
    discrete_state_transition = np.array([[0.98, 0.02], [0.02, 0.98]])
    initial_conditions = np.ones((n_states, n_bins, 1)) / (n_states * n_bins)
    return (initial_conditions, continuous_state_transition,
            discrete_state_transition, likelihood)
