# Source: lindermanlab/ssm ssm/messages.py (at commit 013157ae)
# Licence: MIT (ssm, LICENSE; Copyright (c) 2014 Scott Linderman)
# Notes: Kalman filter and Rauch-Tung-Striebel smoother for a linear Gaussian dynamical system with inputs (statistics / state-space models): _kalman_smoother (@numba.jit(nopython=True, cache=True)) calls _kalman_filter, which per step picks the (possibly time-varying) matrices with As[t * hetero] (bool times int index), adds gaussian_logpdf (np.linalg.cholesky, np.linalg.solve with a triangular factor, np.diag, np.log) to the log likelihood, conditions on the observation with _condition_on (np.linalg.solve(...).T, chains of @ matrix products, results written through mcond[:] / Scond[:] into rows of 3-D output arrays passed as views) and predicts with _predict (A @ m + B @ u into views), breaking on the last step; the smoother then computes the reverse gain with np.linalg.solve(...).T, updates means and covariances with @ chains and builds E[x_t x_{t+1}^T] with np.outer. Pasted: those five jitted functions and ssm.util's LOG_EPS/DIV_EPS constants (unused here); left out: the HMM half of the module, the sampling functions (np.random inside jit), the information-form filters and the Python kalman_wrapper that adds the leading time axis (the harness passes the 3-D stacks it would build). The harness runs a 3-D latent, 2-D observed, 1-D input system over 50 steps with stationary dynamics and time-varying emissions, and returns the log likelihood, smoothed means, covariances and cross moments
import numba
import numpy as np

LOG_EPS = 1e-16  # from ssm/util.py
DIV_EPS = 1e-16  # from ssm/util.py

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


@numba.jit(nopython=True, cache=True)
def _kalman_smoother(mu0, S0, As, Bs, Qs, Cs, Ds, Rs, us, ys):
    T, N = ys.shape
    D = mu0.shape[0]

    # Check for stationary dynamics parameters
    hetero = As.shape[0] > 1

    # Run the Kalman Filter
    ll, filtered_mus, filtered_Sigmas = \
        _kalman_filter(mu0, S0, As, Bs, Qs, Cs, Ds, Rs, us, ys)

    # Initialize outputs, noise, and temporary variables
    smoothed_mus = np.zeros((T, D))
    smoothed_Sigmas = np.zeros((T, D, D))
    # smoothed_CrossSigmas = np.zeros((T-1, D, D))
    ExxnT = np.zeros((T-1, D, D))
    Gt = np.zeros((D, D))

    # The last time step is known from the Kalman filter
    smoothed_mus[-1] = filtered_mus[-1]
    smoothed_Sigmas[-1] = filtered_Sigmas[-1]

    # Run the smoother backward in time
    for t in range(T-2, -1, -1):
        At = As[t * hetero]
        Bt = Bs[t * hetero]
        Qt = Qs[t * hetero]

        # This is like the Kalman gain but in reverse
        # See Eq 8.11 of Saarka's "Bayesian Filtering and Smoothing"
        Gt = np.linalg.solve(Qt + At @ filtered_Sigmas[t] @ At.T,
                             At @ filtered_Sigmas[t]).T

        smoothed_mus[t] = filtered_mus[t] + Gt @ (smoothed_mus[t+1] - At @ filtered_mus[t] - Bt @ us[t])
        smoothed_Sigmas[t] = filtered_Sigmas[t] + \
                             Gt @ (smoothed_Sigmas[t+1] - At @ filtered_Sigmas[t] @ At.T - Qt) @ Gt.T
        # smoothed_CrossSigmas[t] = Gt @ smoothed_Sigmas[t+1]
        ExxnT[t] = Gt @ smoothed_Sigmas[t+1] + np.outer(smoothed_mus[t], smoothed_mus[t+1])

    return ll, smoothed_mus, smoothed_Sigmas, ExxnT
# ---- harness (not part of the program) ----
ENTRY = "_kalman_smoother"


def inputs():
    # D=3 latent (damped rotation), N=2 observations, U=1 input, T=50; dynamics stacks of
    # length 1 (stationary, as kalman_wrapper reshapes them) and emission stacks of length T
    rng = np.random.default_rng(0)
    D, N, U, T = 3, 2, 1, 50
    th = 0.15
    A = 0.97 * np.array([[np.cos(th), -np.sin(th), 0.0], [np.sin(th), np.cos(th), 0.0], [0.0, 0.0, 1.0]])
    A[2, 2] = 0.9
    B = rng.normal(0, 0.3, (D, U))
    Q = 0.05 * np.eye(D)
    Cs = rng.normal(0, 1.0, (T, N, D))
    Ds = rng.normal(0, 0.2, (T, N, U))
    Rs = np.broadcast_to(0.2 * np.eye(N), (T, N, N)).copy()
    us = np.sin(np.arange(T) / 5.0)[:, None]
    x = np.zeros(D)
    ys = np.zeros((T, N))
    for t in range(T):
        ys[t] = Cs[t] @ x + Ds[t] @ us[t] + rng.normal(0, np.sqrt(0.2), N)
        x = A @ x + B @ us[t] + rng.normal(0, np.sqrt(0.05), D)
    mu0 = np.zeros(D)
    S0 = np.eye(D)
    return (mu0, S0, A[None], B[None], Q[None], Cs, Ds, Rs, us, ys)
