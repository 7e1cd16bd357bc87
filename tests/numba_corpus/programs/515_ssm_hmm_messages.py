# Source: lindermanlab/ssm ssm/messages.py (at commit 013157ae)
# Licence: MIT (ssm, LICENSE; Copyright (c) 2014 Scott Linderman)
# Notes: hidden Markov model message passing for switching state-space models (statistics / neuroscience): forward_pass and backward_pass (@numba.jit(nopython=True, cache=True)) run log-domain alpha/beta recursions with np.dot of exp-shifted rows against a (1, K, K) or (T-1, K, K) transition stack selected by Ps[t * hetero] (bool times int index), asserts on shapes, whole-row stores alphas[t+1] = ...; logsumexp (max(float, x[i]) loop), dlse (writes into an out row), hmm_filter (np.expand_dims + np.vstack, row dot, assert in a loop), _compute_stationary_expected_joints (accumulates into E_zzp1), _viterbi (np.argmax / np.max of matrix rows, .argmax() method, float array used as index via int()) and grad_hmm_normalizer (the backward gradient of the log normalizer, writing three gradient arrays). Pasted: those jitted functions and ssm.util's LOG_EPS/DIV_EPS constants; left out: the autograd primitive wrappers, the sampling functions (npr.rand inside jit) and the Kalman/LDS half of the module. The harness calls them as hmm_expected_states, viterbi and _make_grad_hmm_normalizer do, for a 4-state HMM over 60 steps with stationary and with time-varying transitions, and returns the normalizers, posteriors, joints, Viterbi paths, predictive filter and gradients
import numba
import numpy as np

LOG_EPS = 1e-16  # from ssm/util.py
DIV_EPS = 1e-16  # from ssm/util.py

@numba.jit(nopython=True, cache=True)
def logsumexp(x):
    N = x.shape[0]

    # find the max
    m = -np.inf
    for i in range(N):
        m = max(m, x[i])

    # sum the exponentials
    out = 0
    for i in range(N):
        out += np.exp(x[i] - m)

    return m + np.log(out)


@numba.jit(nopython=True, cache=True)
def dlse(a, out):
    K = a.shape[0]
    lse = logsumexp(a)
    for k in range(K):
        out[k] = np.exp(a[k] - lse)


@numba.jit(nopython=True, cache=True)
def forward_pass(pi0,
                 Ps,
                 log_likes,
                 alphas):

    T = log_likes.shape[0]  # number of time steps
    K = log_likes.shape[1]  # number of discrete states

    assert Ps.shape[0] == T-1 or Ps.shape[0] == 1
    assert Ps.shape[1] == K
    assert Ps.shape[2] == K
    assert alphas.shape[0] == T
    assert alphas.shape[1] == K

    # Check if we have heterogeneous transition matrices.
    # If not, save memory by passing in log_Ps of shape (1, K, K)
    hetero = (Ps.shape[0] == T-1)
    alphas[0] = np.log(pi0 + LOG_EPS) + log_likes[0]
    for t in range(T-1):
        m = np.max(alphas[t])
        alphas[t+1] = np.log(np.dot(np.exp(alphas[t] - m), Ps[t * hetero]) + LOG_EPS) + m + log_likes[t+1]
    return logsumexp(alphas[T-1])


@numba.jit(nopython=True, cache=True)
def hmm_filter(pi0, Ps, ll):
    T, K = ll.shape

    # Forward pass gets the predicted state at time t given
    # observations up to and including those from time t
    alphas = np.zeros((T, K))
    forward_pass(pi0, Ps, ll, alphas)

    # Check if using heterogenous transition matrices
    hetero = (Ps.shape[0] == T-1)

    # Predict forward with the transition matrix
    pz_tt = np.empty((T-1, K))
    pz_tp1t = np.empty((T-1, K))
    for t in range(T-1):
        m = np.max(alphas[t])
        pz_tt[t] = np.exp(alphas[t] - m)
        pz_tt[t] /= np.sum(pz_tt[t])
        pz_tp1t[t] = pz_tt[t].dot(Ps[hetero*t])

    # Include the initial state distribution
    # Numba's version of vstack requires all arrays passed to vstack
    # to have the same number of dimensions.
    pi0 = np.expand_dims(pi0, axis=0)
    pz_tp1t = np.vstack((pi0, pz_tp1t))

    # Numba implementation of np.sum does not allow axis keyword arg,
    # and does not support np.allclose, so we loop over the time range
    # to verify that each sums to 1.
    for t in range(T):
        assert np.abs(np.sum(pz_tp1t[t]) - 1.0) < 1e-8

    return pz_tp1t


@numba.jit(nopython=True, cache=True)
def backward_pass(Ps,
                  log_likes,
                  betas):

    T = log_likes.shape[0]  # number of time steps
    K = log_likes.shape[1]  # number of discrete states

    assert Ps.shape[0] == T-1 or Ps.shape[0] == 1
    assert Ps.shape[1] == K
    assert Ps.shape[2] == K
    assert betas.shape[0] == T
    assert betas.shape[1] == K

    # Check if we have heterogeneous transition matrices.
    # If not, save memory by passing in log_Ps of shape (1, K, K)
    hetero = (Ps.shape[0] == T-1)
    tmp = np.zeros(K)

    # Initialize the last output
    betas[T-1] = 0
    for t in range(T-2,-1,-1):
        tmp = log_likes[t+1] + betas[t+1]
        m = np.max(tmp)
        betas[t] = np.log(np.dot(Ps[t * hetero], np.exp(tmp - m)) + LOG_EPS) + m



@numba.jit(nopython=True, cache=True)
def _compute_stationary_expected_joints(alphas, betas, lls, log_P, E_zzp1):
    """
    Helper function to compute summary statistics, summing over time.
    NOTE: Can rewrite this in nicer form with Numba.
    """
    T = alphas.shape[0]
    K = alphas.shape[1]
    assert betas.shape[0] == T and betas.shape[1] == K
    assert lls.shape[0] == T and lls.shape[1] == K
    assert log_P.shape[0] == K and log_P.shape[1] == K
    assert E_zzp1.shape[0] == K and E_zzp1.shape[1] == K

    tmp = np.zeros((K, K))

    # Compute the sum over time axis of the expected joints
    for t in range(T-1):
        maxv = -np.inf
        for i in range(K):
            for j in range(K):
                # Compute expectations in this batch
                tmp[i, j] = alphas[t,i] + betas[t+1,j] + lls[t+1,j] + log_P[i, j]
                if tmp[i, j] > maxv:
                    maxv = tmp[i, j]

        # safe exponentiate
        tmpsum = 0.0
        for i in range(K):
            for j in range(K):
                tmp[i, j] = np.exp(tmp[i, j] - maxv)
                tmpsum += tmp[i, j]

        # Add to expected joints
        for i in range(K):
            for j in range(K):
                E_zzp1[i, j] += tmp[i, j] / (tmpsum + DIV_EPS)


@numba.jit(nopython=True, cache=True)
def _viterbi(pi0, Ps, ll):
    """
    This is modified from pyhsmm.internals.hmm_states
    by Matthew Johnson.
    """
    T, K = ll.shape

    # Check if the transition matrices are stationary or
    # time-varying (hetero)
    hetero = (Ps.shape[0] == T-1)
    if not hetero:
        assert Ps.shape[0] == 1

    # Pass max-sum messages backward
    scores = np.zeros((T, K))
    args = np.zeros((T, K))
    for t in range(T-2,-1,-1):
        vals = np.log(Ps[t * hetero] + LOG_EPS) + scores[t+1] + ll[t+1]
        for k in range(K):
            args[t+1, k] = np.argmax(vals[k])
            scores[t, k] = np.max(vals[k])

    # Now maximize forwards
    z = np.zeros(T)
    z[0] = (scores[0] + np.log(pi0 + LOG_EPS) + ll[0]).argmax()
    for t in range(1, T):
        z[t] = args[t, int(z[t-1])]

    return z


@numba.jit(nopython=True, cache=True)
def grad_hmm_normalizer(log_Ps,
                        alphas,
                        d_log_pi0,
                        d_log_Ps,
                        d_log_likes):

    T = alphas.shape[0]
    K = alphas.shape[1]
    assert (log_Ps.shape[0] == T-1) or (log_Ps.shape[0] == 1)
    assert d_log_Ps.shape[0] == log_Ps.shape[0]
    assert log_Ps.shape[1] == d_log_Ps.shape[1] == K
    assert log_Ps.shape[2] == d_log_Ps.shape[2] == K
    assert d_log_pi0.shape[0] == K
    assert d_log_likes.shape[0] == T
    assert d_log_likes.shape[1] == K

    # Initialize temp storage for gradients
    tmp1 = np.zeros((K,))
    tmp2 = np.zeros((K, K))

    # Trick for handling time-varying transition matrices
    hetero = (log_Ps.shape[0] == T-1)

    dlse(alphas[T-1], d_log_likes[T-1])
    for t in range(T-1, 0, -1):
        # tmp2 = dLSE_da(alphas[t-1], log_Ps[t-1])
        #      = np.exp(alphas[t-1] + log_Ps[t-1].T - logsumexp(alphas[t-1] + log_Ps[t-1].T, axis=1))
        #      = [dlse(alphas[t-1] + log_Ps[t-1, :, k]) for k in range(K)]
        for k in range(K):
            for j in range(K):
                tmp1[j] = alphas[t-1, j] + log_Ps[(t-1) * hetero, j, k]
            dlse(tmp1, tmp2[k])


        # d_log_Ps[t-1] = vjp_LSE_B(alphas[t-1], log_Ps[t-1], d_log_likes[t])
        #               = d_log_likes[t] * dLSE_da(alphas[t-1], log_Ps[t-1]).T
        #               = d_log_likes[t] * tmp2.T
        #
        # d_log_Ps[t-1, j, k] = d_log_likes[t, k] * tmp2.T[j, k]
        #                     = d_log_likes[t, k] * tmp2[k, j]
        for j in range(K):
            for k in range(K):
                d_log_Ps[(t-1) * hetero, j, k] += d_log_likes[t, k] * tmp2[k, j]

        # d_log_likes[t-1] = d_log_likes[t].dot(dLSE_da(alphas[t-1], log_Ps[t-1]))
        #                  = d_log_likes[t].dot(tmp2)
        for k in range(K):
            d_log_likes[t-1, k] = 0
            for j in range(K):
                d_log_likes[t-1, k] += d_log_likes[t, j] * tmp2[j, k]

    # d_log_pi0 = d_log_likes[0]
    for k in range(K):
        d_log_pi0[k] = d_log_likes[0, k]
# ---- harness (not part of the program) ----
ENTRY = "run_hmm"


def _one(pi0, Ps, ll):
    T, K = ll.shape
    alphas = np.zeros((T, K))
    normalizer = forward_pass(pi0, Ps, ll, alphas)
    betas = np.zeros((T, K))
    backward_pass(Ps, ll, betas)
    joints = np.zeros((K, K))
    if Ps.shape[0] == 1:
        _compute_stationary_expected_joints(alphas, betas, ll, np.log(Ps[0]), joints)
    z = _viterbi(pi0, Ps, ll).astype(int)
    pred = hmm_filter(pi0, Ps, ll)
    d_pi0 = np.zeros_like(pi0)
    d_Ps = np.zeros_like(Ps)
    d_ll = np.zeros_like(ll)
    grad_hmm_normalizer(np.log(Ps + LOG_EPS), alphas, d_pi0, d_Ps, d_ll)
    return normalizer, alphas, betas, joints, z, pred, d_pi0, d_Ps, d_ll


def run_hmm(pi0, P, Ps_het, ll):
    return _one(pi0, P[None, :, :], ll) + _one(pi0, Ps_het, ll)


def inputs():
    # 4 states, 60 time steps: sticky stationary transition matrix, a time-varying stack
    # of row-stochastic matrices, and Gaussian log-likelihoods of noisy 1-D observations
    rng = np.random.default_rng(0)
    K, T = 4, 60
    pi0 = np.full(K, 1.0 / K)
    P = 0.9 * np.eye(K) + 0.1 * rng.dirichlet(np.ones(K), size=K)
    P /= P.sum(axis=1, keepdims=True)
    Ps_het = rng.dirichlet(np.ones(K) * 2.0, size=(T - 1, K)) * 0.5 + 0.5 * P
    Ps_het /= Ps_het.sum(axis=2, keepdims=True)
    means = np.array([-2.0, 0.0, 1.5, 3.0])
    z = np.repeat(rng.integers(0, K, 6), 10)
    y = means[z] + 0.7 * rng.standard_normal(T)
    ll = -0.5 * (y[:, None] - means[None, :]) ** 2 / 0.49 - 0.5 * np.log(2 * np.pi * 0.49)
    return (pi0, P, Ps_het, ll)
