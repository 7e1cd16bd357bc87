# Source: lindermanlab/ssm ssm/messages.py (at commit 013157ae)
# Licence: MIT (ssm, LICENSE; Copyright (c) 2014 Scott Linderman)
# Notes: Kalman filter of a linear Gaussian state-space model with inputs, returning the marginal log likelihood and the filtered means and covariances: @numba.jit(nopython=True, cache=True) throughout; _kalman_filter picks each step's parameters with As[t * hetero] (an int times a bool, so index 0 for stationary parameters), accumulates gaussian_logpdf (np.linalg.cholesky, np.linalg.solve with a triangular factor, np.diag, np.log) of the one-step predictive, calls _condition_on (the matrix-inversion-lemma update with np.linalg.solve and chains of @, written into output views with Scond[:] = ...) and _predict (mpred[:] = A @ m + B @ u), both writing into row views of 2-D and 3-D arrays, breaks out of the loop at t == T-1, returns a (float, array, array) tuple with ll started as the int 0; the module's HMM message passing (logsumexp, forward_pass, backward_pass, _viterbi, ...), its autograd primitives, _condition_on_diagonal, _sample_gaussian, the Kalman sampler and smoother, and the imports only those use (numpy.random, scipy.special, scipy.linalg, functools.partial, autograd, ssm.util's LOG_EPS and DIV_EPS) are left out
import numba
import numpy as np


##
# Gaussian linear dynamical systems message passing code
##
@numba.jit(nopython=True, cache=True)
def _condition_on(m, S, C, D, R, u, y, mcond, Scond):
    # Condition a Gaussian potential on a new linear Gaussian observation
    #
    # The unnormalized potential is
    #
    #   p(x) \propto N(x | m, S) * N(y | Cx + Du, R)
    #
    #        \propto \exp{-1/2 (x-m)^T S^{-1} (x-m) - 1/2 (y - Du - Cx)^T R^{-1} (y - Du - Cx)}
    #        \propto \exp{-1/2 x^T [S^{-1} + C^T R^{-1} C] x
    #                        + x^T [S^{-1} m + C^T R^{-1} (y - Du)]}
    #
    #  => p(x) = N(m', S')  where
    #
    #     S' = [S^{-1} + C^T R^{-1} C]^{-1}
    #     m' = S' [S^{-1} m + C^T R^{-1} (y - Du)]
    #
    #  Now use the matrix inversion lemma
    #
    #     S' = S - K C S
    #
    #  where K = S C^T (R + C S C^T)^{-1}
    K = np.linalg.solve(R + C @ S @ C.T, C @ S).T
    Scond[:] = S - K @ C @ S
    # Scond[:] = S - np.linalg.solve(R + C @ S @ C.T, C @ S).T @ C @ S
    mcond[:] = Scond @ (np.linalg.solve(S, m) + C.T @ np.linalg.solve(R, y - D @ u))
    # return mcond, Scond


@numba.jit(nopython=True, cache=True)
def _predict(m, S, A, B, Q, u, mpred, Spred):
    # Predict next mean and covariance under a linear Gaussian model
    #
    #   p(x_{t+1}) = \int N(x_t | m, S) N(x_{t+1} | Ax_t + Bu, Q)
    #              = N(x_{t+1} | Am + Bu, A S A^T + Q)
    mpred[:] = A @ m + B @ u
    Spred[:] = A @ S @ A.T + Q


@numba.jit(nopython=True, cache=True)
def gaussian_logpdf(y, m, S):
    D = m.shape[0]
    L = np.linalg.cholesky(S)
    x = np.linalg.solve(L, y - m)
    return -0.5 * D * np.log(2 * np.pi) - np.sum(np.log(np.diag(L))) -0.5 * np.sum(x**2)


@numba.jit(nopython=True, cache=True)
def _kalman_filter(mu0, S0, As, Bs, Qs, Cs, Ds, Rs, us, ys):
    T, N = ys.shape
    D = mu0.shape[0]

    # Check for stationary dynamics parameters
    hetero = As.shape[0] > 1

    predicted_mus = np.zeros((T, D))        # preds E[x_t | y_{1:t-1}]
    predicted_Sigmas = np.zeros((T, D, D))  # preds Cov[x_t | y_{1:t-1}]
    filtered_mus = np.zeros((T, D))         # means E[x_t | y_{1:t}]
    filtered_Sigmas = np.zeros((T, D, D))   # means Cov[x_t | y_{1:t}]

    # Initialize
    predicted_mus[0] = mu0
    predicted_Sigmas[0] = S0
    K = np.zeros((D, N))
    ll = 0

    # Run the Kalman filter
    for t in range(T):
        At = As[t * hetero]
        Bt = Bs[t * hetero]
        Qt = Qs[t * hetero]
        Ct = Cs[t * hetero]
        Dt = Ds[t * hetero]
        Rt = Rs[t * hetero]

        # Update the log likelihood
        ll += gaussian_logpdf(ys[t],
            Ct @ predicted_mus[t] + Dt @ us[t],
            Ct @ predicted_Sigmas[t] @ Ct.T + Rt
            )

        # Condition on this frame's observations
        _condition_on(predicted_mus[t], predicted_Sigmas[t],
            Ct, Dt, Rt, us[t], ys[t],
            filtered_mus[t], filtered_Sigmas[t])

        if t == T-1:
            break

        # Predict the next frame's latent state
        _predict(filtered_mus[t], filtered_Sigmas[t],
            At, Bt, Qt, us[t],
            predicted_mus[t+1], predicted_Sigmas[t+1])

    return ll, filtered_mus, filtered_Sigmas

# ---- harness (not part of the program) ----
ENTRY = "_kalman_filter"


def inputs():
    # a stationary LDS as ssm's LDS passes it (parameters stacked with a
    # leading axis of length 1): a 3-D latent state rotating slowly with
    # decay, driven by a 1-D input, observed through 4 noisy channels for
    # T = 200 steps; the observations are simulated here from the model
    rng = np.random.default_rng(0)
    T, D, N, M = 200, 3, 4, 1
    th = 0.15
    A = 0.97 * np.array([[np.cos(th), -np.sin(th), 0.0],
                         [np.sin(th), np.cos(th), 0.0],
                         [0.0, 0.0, 0.9]])
    B = 0.2 * rng.standard_normal((D, M))
    Q = 0.05 * np.eye(D)
    C = rng.standard_normal((N, D))
    Dm = 0.1 * rng.standard_normal((N, M))
    R = 0.2 * np.eye(N) + 0.05
    us = np.sin(np.arange(T) / 10.0)[:, None]
    x = np.zeros(D)
    ys = np.empty((T, N))
    for t in range(T):
        ys[t] = C @ x + Dm @ us[t] + rng.multivariate_normal(np.zeros(N), R)
        x = A @ x + B @ us[t] + rng.multivariate_normal(np.zeros(D), Q)
    mu0 = np.zeros(D)
    S0 = np.eye(D)
    return (mu0, S0, A[None], B[None], Q[None], C[None], Dm[None], R[None], us, ys)
