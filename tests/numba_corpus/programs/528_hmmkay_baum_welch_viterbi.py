# Source: NicolasHug/hmmkay _utils.py and hmmkay.py (at commit 1f805e57)
# Licence: MIT (hmmkay, LICENSE.txt; Copyright (c) 2018, Olivier Grisel and contributors)
# Notes: discrete hidden Markov model in log space (hmmkay, an early single-file version of the package): _logsumexp (np.amax, np.isfinite, np.sum(np.exp(a - a_max)), an int 0 assigned to a float variable), _forward and _backward fill log_alpha/log_beta (passed in and written in place, log_alpha[:, 0] = vector expression, buffer loops, log_beta[:, -1] = np.log(1)), _viterbi fills log_V and an int32 back_path with np.argmax of a buffer, _get_best_path walks the back links and returns the best log-probability, _do_EM_step runs forward/backward over a 2-D array of sequences, fills a 3-D log_E, rebinds log_gamma to an array expression, accumulates with np.exp / np.sum(..., axis=-1) / fancy column updates B_acc[:, seq[t]] += ..., and normalises with .sum(axis=1).reshape(-1, 1), returning a 3-tuple; every function is @njit(cache=True). Pasted: _logsumexp from _utils.py and _forward, _backward, _viterbi, _get_best_path, _do_EM_step from hmmkay.py with their imports; left out: the HMM class (its fit/decode drivers are re-created in the harness), _sample_one and _choice (np.random inside jitted code), _check_array_sums_to_1 and the hmmlearn helpers; the harness builds a 3-state, 4-symbol HMM with 6 observation sequences of length 40, runs 5 EM steps (as HMM.fit), then decodes every sequence with _viterbi/_get_best_path (as HMM.decode) and returns the fitted pi, A, B, the log-likelihoods from _forward, the best paths and their log-probabilities
from numba import njit
import numpy as np


@njit(cache=True)
def _logsumexp(a):
    # stolen from pygbm \o/

    a_max = np.amax(a)
    if not np.isfinite(a_max):
        a_max = 0

    s = np.sum(np.exp(a - a_max))
    return np.log(s) + a_max


@njit(cache=True)
def _forward(seq, log_pi, log_A, log_B, log_alpha):
    """Fill log_alpha array with log probabilities, return log-likelihood"""
    # alpha[i, t] = P(O1, ... Ot, st = i / lambda)
    # reccursion is alpha[i, t] = B[i, Ot] * sumj(alpha[j, t - 1] * A[i, j])
    # which becomes (when applying log)
    # log_alpha[i, t] = log(B[i, Ot]) +
    #                   logsum_jexp(log_alpha[j, t - 1] + _log_A[i, j])
    # since log(sum(ai . bj)) =
    #       log(sum(exp(log_ai + log_bi)))

    n_obs = len(seq)
    n_hidden_states = log_pi.shape[0]
    log_alpha[:, 0] = log_pi + log_B[:, seq[0]]
    buffer = np.empty(shape=n_hidden_states)
    for t in range(1, n_obs):
        for s in range(n_hidden_states):
            for ss in range(n_hidden_states):
                buffer[ss] = log_alpha[ss, t - 1] + log_A[ss, s]
            log_alpha[s, t] = _logsumexp(buffer) + log_B[s, seq[t]]
    return _logsumexp(log_alpha[:, n_obs - 1])


@njit(cache=True)
def _backward(seq, log_pi, log_A, log_B, log_beta):
    """Fills beta array with log probabilities"""
    # beta[i, t] = P(Ot+1, ... OT, / st = i, lambda)

    n_obs = seq.shape[0]
    n_hidden_states = log_pi.shape[0]
    log_beta[:, -1] = np.log(1)
    buffer = np.empty(shape=n_hidden_states)
    for t in range(n_obs - 2, -1, -1):
        for s in range(n_hidden_states):
            for ss in range(n_hidden_states):
                buffer[ss] = log_A[s, ss] + log_B[ss, seq[t + 1]] + log_beta[ss, t + 1]
            log_beta[s, t] = _logsumexp(buffer)


@njit(cache=True)
def _viterbi(seq, log_pi, log_A, log_B, log_V, back_path):
    """Fill V array with log probabilities and back_path with back links"""
    # V[i, t] = max_{s1...st-1} P(O1, ... Ot, s1, ... st-1, st=i / lambda)
    n_obs = seq.shape[0]
    n_hidden_states = log_pi.shape[0]
    log_V[:, 0] = log_pi + log_B[:, seq[0]]
    buffer = np.empty(shape=n_hidden_states)
    for t in range(1, n_obs):
        for s in range(n_hidden_states):
            for ss in range(n_hidden_states):
                buffer[ss] = log_V[ss, t - 1] + log_A[ss, s]
            best_prev = np.argmax(buffer)
            back_path[s, t] = best_prev
            log_V[s, t] = buffer[best_prev] + log_B[s, seq[t]]


@njit(cache=True)
def _get_best_path(log_V, back_path, best_path):
    """Fill out best_path array"""
    s = np.argmax(log_V[:, -1])
    out = log_V[s, -1]
    for t in range(back_path.shape[1] - 1, -1, -1):
        best_path[t] = s
        s = back_path[s, t]
    return out


@njit(cache=True)
def _do_EM_step(sequences, log_pi, log_A, log_B, log_alpha, log_beta, log_E, log_gamma):
    """Return A, B and C after EM step."""
    # E STEP (over all sequences)
    # Accumulators for parameters of the hmm. They are summed over for
    # each sequence, then normalized in the M-step.
    # These are homogeneous to probabilities, not log-probabilities.
    pi_acc = np.zeros_like(log_pi)
    A_acc = np.zeros_like(log_A)
    B_acc = np.zeros_like(log_B)

    n_obs = sequences.shape[1]
    n_hidden_states = log_pi.shape[0]

    for seq_idx in range(sequences.shape[0]):
        seq = sequences[seq_idx]
        _forward(seq, log_pi, log_A, log_B, log_alpha)
        _backward(seq, log_pi, log_A, log_B, log_beta)
        log_likelihood = _logsumexp(log_alpha[:, -1])

        # Compute E
        for t in range(n_obs - 1):
            for i in range(n_hidden_states):
                for j in range(n_hidden_states):
                    log_E[i, j, t] = (
                        log_alpha[i, t]
                        + log_A[i, j]
                        + log_B[j, seq[t + 1]]
                        + log_beta[j, t + 1]
                        - log_likelihood
                    )

        # compute gamma
        log_gamma = log_alpha + log_beta - log_likelihood

        # M STEP accumulators
        pi_acc += np.exp(log_gamma[:, 0])
        A_acc += np.sum(np.exp(log_E), axis=-1)
        for t in range(n_obs):
            B_acc[:, seq[t]] += np.exp(log_gamma[:, t])

    # M STEP (mostly done in the accumulators already)
    pi = pi_acc / pi_acc.sum()
    # equivalent to X / X.sum(axis=1, keepdims=True) but not supported
    A = A_acc / A_acc.sum(axis=1).reshape(-1, 1)
    B = B_acc / B_acc.sum(axis=1).reshape(-1, 1)

    return pi, A, B
# ---- harness (not part of the program) ----
ENTRY = "fit_and_decode"


def fit_and_decode(pi, A, B, sequences, n_iter):
    # HMM.fit then HMM.decode(return_log_probas=True), as in hmmkay.py
    n_hidden_states = A.shape[0]
    n_obs = sequences.shape[1]
    log_alpha = np.empty(shape=(n_hidden_states, n_obs))
    log_beta = np.empty(shape=(n_hidden_states, n_obs))
    log_E = np.empty(shape=(n_hidden_states, n_hidden_states, n_obs - 1))
    log_gamma = np.empty(shape=(n_hidden_states, n_obs))
    for _ in range(n_iter):
        pi, A, B = _do_EM_step(sequences, np.log(pi), np.log(A), np.log(B),
                               log_alpha, log_beta, log_E, log_gamma)
    log_pi, log_A, log_B = np.log(pi), np.log(A), np.log(B)
    lls = np.array([_forward(seq, log_pi, log_A, log_B, log_alpha) for seq in sequences])
    log_V = np.empty(shape=(n_hidden_states, n_obs))
    back_path = np.zeros(shape=(n_hidden_states, n_obs), dtype=np.int32)
    paths, log_probas = [], []
    for seq in sequences:
        _viterbi(seq, log_pi, log_A, log_B, log_V, back_path)
        best_path = np.empty(n_obs, dtype=np.int64)
        log_probas.append(_get_best_path(log_V, back_path, best_path))
        paths.append(best_path)
    return pi, A, B, lls, np.array(paths), np.array(log_probas)


def inputs():
    # 3 hidden states, 4 symbols (rows sum to 1), 6 sequences of 40 observations, 5 EM iterations
    rng = np.random.default_rng(0)
    pi = rng.random(3)
    pi /= pi.sum()
    A = rng.random((3, 3)) + 2.0 * np.eye(3)
    A /= A.sum(axis=1, keepdims=True)
    B = rng.random((3, 4))
    B /= B.sum(axis=1, keepdims=True)
    sequences = rng.integers(0, 4, size=(6, 40))
    return (pi, A, B, sequences, 5)
