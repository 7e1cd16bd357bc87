# Source: OpenSourceEconomics/skillmodels skillmodels/fast_routines/kalman_filters.py (at commit 09f795a1), skillmodels/fast_routines/numba_kalman_filters.py (at commit a2f34450), skillmodels/fast_routines/qr_decomposition.py (at commit 977b43c8), skillmodels/fast_routines/choldate.py (at commit 3f6405f1)
# Licence: BSD-2-Clause (skillmodels, LICENSE; Copyright (c) 2016, Janos Gabler)
# Notes: the Kalman-filter kernels of skillmodels, which estimates nonlinear latent-factor models of skill formation (econometrics / state-space filtering): sqrt_linear_update from kalman_filters.py, a numba.guvectorize gufunc (explicit f8/i8 signature string, layout '(nmixtures, nfac), (nmixtures, nfac_, nfac_), (), (), (ncon), (ncon), (nfac), (), (ninc), (nmixtures)', target='cpu', nopython=True) that updates states, square-root covariances, log-likelihood and mixture weights in place with Givens rotations (np.isfinite skip of missing measurements, `for pos in positions` over an int array, abs/max builtins, np.log/np.exp), with its plain wrappers sqrt_linear_anchoring_update and sqrt_linear_predict (np.dot, np.matmul against a transposed transition matrix, np.diag, slicing into a stacked array passed to array_qr); normal_linear_update from the older numba_kalman_filters.py (the same filter in covariance form with a scratch Kalman-gain output, multiplying a likelihood instead of adding log-likelihoods; that module's older sqrt_linear_update is left out in favour of the one above); array_qr from qr_decomposition.py and array_choldate from choldate.py, both bare @jit functions (Givens-rotation QR of a stack of matrices; rank-one Cholesky up/downdates with np.sign and r_squared clipping). Left out: sqrt_unscented_predict (it needs transform_sigma_points and the model's transition functions) and the import lines between the pasted modules. The harness filters 24 individuals through four measurements of a two-factor model (one missing measurement as NaN), with one mixture and with two mixtures and their weights, runs the linear predict step, the anchoring update, the covariance-form update, a QR of random stacked matrices and Cholesky updates and downdates
# ---- skillmodels/fast_routines/qr_decomposition.py ----
from numba import jit


@jit
def array_qr(arr):
    """Calculate R of a QR decomposition for matrices in an array.

    args:
        arr (np.ndarray): 3d array of [nmixtures * nind, m, n], where m >= n.
            It is overwritten wtih the  R of the QR decomposition.

    The algorithm uses Givens Rotations for the triangularization and fully
    exploits the sparseness of the Rotation Matrices.

    Due to the orthogonality of the Q Matrix, the (input) m x n matrices A and
    the output n x n matrices R are related as follows:

    R'R = A'A

    According to some definitions, this makes R the transpose of the cholesky
    factor of A'A. Other definitions of cholesky would require that all
    diagonal elements are positive. This requirement also makes the QR
    decomposition unique. It is achieved by setting make_unique to True.

    For the Unscented Kalman filter and the lower triangular update algorithm
    the weaker definition of cholesky is usually sufficient.

    The function is based on the following algorithm found at stackoverflow,
    but tested for correctness and optimized for speed::

        function [Q,R] = qrgivens(A)
            [m,n] = size(A);
            Q = eye(m);
            R = A;

            for j = 1:n
                for i = m:-1:(j+1)
                    G = eye(m);
                    [c,s] = givensrotation( R(i-1,j),R(i,j) );
                    G([i-1, i],[i-1, i]) = [c -s; s c];
                    R = G'*R;
                    Q = Q*G;
              end
            end
        end

        function [c,s] = givensrotation(a,b)
            if b == 0
                c = 1;
                s = 0;
            else
                if abs(b) > abs(a)
                    r = a / b;
                    s = 1 / sqrt(1 + r^2);
                    c = s*r;
            else
                r = b / a;
                c = 1 / sqrt(1 + r^2);
                s = c*r;
            end
          end

        end

    """
    long_side, m, n = arr.shape
    for u in range(long_side):
        for j in range(n):
            for i in range(m - 1, j, -1):
                b = arr[u, i, j]
                if b != 0.0:
                    a = arr[u, i - 1, j]
                    if abs(b) > abs(a):
                        r = a / b
                        s = 1 / (1 + r ** 2) ** 0.5
                        c = s * r
                    else:
                        r = b / a
                        c = 1 / (1 + r ** 2) ** 0.5
                        s = c * r
                    for k in range(n):
                        helper1 = arr[u, i - 1, k]
                        helper2 = arr[u, i, k]
                        arr[u, i - 1, k] = c * helper1 + s * helper2
                        arr[u, i, k] = -s * helper1 + c * helper2

    return arr


# ---- skillmodels/fast_routines/choldate.py ----
from numba import jit
import numpy as np


@jit
def array_choldate(to_update, update_with, weight):
    """Make a cholesky up- or downdate on all matrices in a numpy array.

    args:
        to_update: [nemf * nind, nfac, nfac]
        update_with: [nemf * nind, nfac]
        weight: a scalar

    The square matrices in to_update have to be UPPER TRIANGULAR
    cholesky factors.

    The function is based on the Matlab code from the article on cholesky
    decomposition on Wikipedia but all slicing is replaced by explicit
    for loops in order to use nopython mode in numba.

    Original Matlab code::

        function [L] = cholupdate(L,x)
            p = length(x);
            for k=1:p
                r = sqrt(L(k,k)^2 + x(k)^2);
                c = r / L(k, k);
                s = x(k) / L(k, k);
                L(k, k) = r;
                L(k+1:p,k) = (L(k+1:p,k) + s*x(k+1:p)) / c;
                x(k+1:p) = c*x(k+1:p) - s*L(k+1:p,k);
            end
        end

    """
    long_side, nfac = update_with.shape

    sign = np.sign(weight)
    weight = abs(weight) ** 0.5
    update_with *= weight

    for u in range(long_side):
        for k in range(nfac):
            d = to_update[u, k, k]
            r_squared = d ** 2 + sign * update_with[u, k] ** 2
            if r_squared < 0.0:
                r = 0.0
            else:
                r = r_squared ** 0.5
            c = r / d
            s = update_with[u, k] / d
            to_update[u, k, k] = r
            for i in range(k + 1, nfac):
                to_update[u, k, i] = (
                    to_update[u, k, i] + sign * s * update_with[u, i]
                ) / c
                update_with[u, i] = c * update_with[u, i] - s * to_update[u, k, i]
    return to_update


# ---- skillmodels/fast_routines/kalman_filters.py ----
"""Contains Kalman Update and Predict functions in several flavors."""
import numpy as np
from numba import guvectorize


@guvectorize(
    [("f8[:, :], f8[:, :, :], f8[:], f8[:], f8[:], f8[:], f8[:], f8[:], i8[:], f8[:]")],
    (
        "(nmixtures, nfac), (nmixtures, nfac_, nfac_), (), (), (ncon), "
        "(ncon), (nfac), (), (ninc), (nmixtures)"
    ),
    target="cpu",
    nopython=True,
)
def sqrt_linear_update(
    state, cov, like_vec, y, c, control_coeffs, loading, meas_sd, positions, weights
):
    """Make a linear Kalman update in square root form and evaluate likelihood.

    The square-root form of the Kalman update is much more robust than the
    usual form and almost as fast.

    All quantities (states, covariances likelihood and weights) are updated in
    place. The function follows the usual numpy broadcast rules.

    Args:
        state (np.ndarray): numpy array of (..., nmixtures, nfac).

        cov (np.ndarray): numpy array of (..., nmixtures, nfac + 1, nfac + 1).
            col[1:, 1:] contains the transpose of the cholesky factor of the
            state covariance matrix. The rest will be overwritten and used
            during the square root update.

        like_vec (np.ndarray): a scalar in form of a length one numpy array.

        y (np.ndarray): a scalar in form of a length one numpy array.

        c (np.ndarray): numpy array of (..., ncontrols) with control variables.

        control_coeffs (np.ndarray): estimated parameters of the control variables.

        loading (np.ndarray): numpy array of length nfac with factor loadings.

        meas_sd (np.ndarray): a scalar in form of a length one numpy array
            with the standard deviations of the error terms in the measurement
            equations.

        positions (np.ndarray): the positions of the factors measured by y.

        weights (np.ndarray): numpy array of (nmixtures, nind).

    References:
        Robert Grover Brown. Introduction to Random Signals and Applied
        Kalman Filtering. Wiley and sons, 2012.

    """
    nmixtures, nfac = state.shape
    m = nfac + 1
    ncontrol = control_coeffs.shape[0]
    invariant = np.log(1 / (2 * np.pi) ** 0.5)
    invar_diff = y[0]
    if np.isfinite(invar_diff):
        # same for all factor distributions
        for cont in range(ncontrol):
            invar_diff -= c[cont] * control_coeffs[cont]

        # per distribution stuff
        for emf in range(nmixtures):
            diff = invar_diff
            for pos in positions:
                diff -= state[emf, pos] * loading[pos]

            cov[emf, 0, 0] = meas_sd[0]

            for f in range(1, m):
                cov[emf, 0, f] = 0.0

            for f in range(1, m):
                for pos in positions:
                    cov[emf, f, 0] += cov[emf, f, pos + 1] * loading[pos]

            for f in range(m):
                for g in range(m - 1, f, -1):
                    b = cov[emf, g, f]
                    if b != 0.0:
                        a = cov[emf, g - 1, f]
                        if abs(b) > abs(a):
                            r_ = a / b
                            s_ = 1 / (1 + r_ ** 2) ** 0.5
                            c_ = s_ * r_
                        else:
                            r_ = b / a
                            c_ = 1 / (1 + r_ ** 2) ** 0.5
                            s_ = c_ * r_
                        for k_ in range(m):
                            helper1 = cov[emf, g - 1, k_]
                            helper2 = cov[emf, g, k_]
                            cov[emf, g - 1, k_] = c_ * helper1 + s_ * helper2
                            cov[emf, g, k_] = -s_ * helper1 + c_ * helper2

            sigma = cov[emf, 0, 0]
            log_prob = invariant - np.log(np.abs(sigma)) - diff ** 2 / (2 * sigma ** 2)

            diff /= sigma
            for f in range(nfac):
                state[emf, f] += cov[emf, 0, f + 1] * diff

            if nmixtures == 1:
                like_vec[0] = log_prob
            else:
                weights[emf] *= max(np.exp(log_prob), 1e-250)

        if nmixtures >= 2:
            sum_wprob = 0.0
            for emf in range(nmixtures):
                sum_wprob += weights[emf]

            like_vec[0] += np.log(sum_wprob)

            for emf in range(nmixtures):
                weights[emf] /= sum_wprob


def sqrt_linear_anchoring_update(
    state, cov, like_vec, y, c, control_coeffs, loading, meas_sd, positions, weights
):
    """Make a linear Kalman update in square root form and evaluate likelihood.

    Everything is as in sqrt_linear_update, but only the like_vec is modified. The state
    and covariance matrix are not changed.

    """
    state = state.copy()
    cov = cov.copy()
    sqrt_linear_update(
        state, cov, like_vec, y, c, control_coeffs, loading, meas_sd, positions, weights
    )


def sqrt_linear_predict(state, root_cov, shock_sd, transition_matrix):
    """Make a linear kalman predict step in linear form.

    Args:
        state (np.ndarray): numpy array of (nmixtures * nobs, nfac).
        root_cov (np.ndarray): upper triangular cholesky factor of the covariance
        matrix of (nmixtures * nobs, nfac, nfac).
        shock_sd (np.ndarray): numpy array of (nfac).
        transition_matrix (np.ndarray): state transition matrix of (nfac, nfac),
            the same for all obs.

    References:
        Robert Grover Brown. Introduction to Random Signals and Applied
        Kalman Filtering. Wiley and sons, 2012.


    """
    nstates, nfac = state.shape
    predicted_states = np.dot(transition_matrix, state.T).T
    root_q = np.diag(shock_sd)

    m = np.empty([nstates, 2 * nfac, nfac])
    m[:, :nfac] = np.matmul(root_cov, transition_matrix.T)
    m[:, nfac:] = root_q
    # array_qr modifies matrix m in place
    predicted_root_covs = array_qr(m)[:, :nfac, :]

    return predicted_states, predicted_root_covs


# ---- skillmodels/fast_routines/numba_kalman_filters.py ----
from numba import float64 as f64
from numba import int64 as i64
from numba import guvectorize
import numpy as np


@guvectorize([(f64[:, :], f64[:, :, :], f64[:], f64[:], f64[:],
               f64[:], f64[:], f64[:], i64[:], f64[:], f64[:])],
             ('(nemf, nfac), (nemf, nfac, nfac), (), (), (ncon), '
              '(ncon), (nfac), (), (ninc), (nemf), (nfac)'),
             target='cpu', nopython=True)
def normal_linear_update(state, cov, like_vec, y, c, delta, h, r, positions,
                         weights, kf):
    nemf, nfac = state.shape
    ncontrol = delta.shape[0]
    # invariant = 0.398942280401432702863218082711682654917240142822265625
    invariant = 1 / (2 * np.pi) ** 0.5
    invar_diff = y[0]
    if np.isfinite(invar_diff):
        # same for all factor distributions
        for cont in range(ncontrol):
            invar_diff -= c[cont] * delta[cont]

        # per distribution stuff
        for emf in range(nemf):
            diff = invar_diff
            for pos in positions:
                diff -= state[emf, pos] * h[pos]

            for f in range(nfac):
                kf[f] = 0.0
                for pos in positions:
                    kf[f] += cov[emf, f, pos] * h[pos]

            sigma_squared = r[0]
            for pos in positions:
                sigma_squared += kf[pos] * h[pos]

            prob = invariant / np.sqrt(sigma_squared) * np.exp(
                - diff ** 2 / (2 * sigma_squared))

            diff /= sigma_squared
            for f in range(nfac):
                state[emf, f] += kf[f] * diff

            for row in range(nfac):
                for col in range(nfac):
                    cov[emf, row, col] -= kf[row] * kf[col] / sigma_squared

            if nemf == 1:
                pass
                like_vec[0] *= prob
            else:
                weights[emf] *= max(prob, 1e-250)

        if nemf >= 2:
            sum_wprob = 0.0
            for emf in range(nemf):
                sum_wprob += weights[emf]

            like_vec[0] *= sum_wprob

            for emf in range(nemf):
                weights[emf] /= sum_wprob


# ---- harness (not part of the program) ----
ENTRY = "filter_skills"


def _sqrt_cov(nind, nmix, chol_t):
    cov = np.zeros((nind, nmix, 3, 3))
    cov[:, :, 1:, 1:] = chol_t
    return cov


def filter_skills(ys, controls, coeffs, loadings, positions_list, meas_sds, state0, weights0,
                  transition, shock_sd, stack, upd):
    nind = ys.shape[1]
    chol_t = np.array([[1.0, 0.3], [0.0, 0.8]])
    out = []
    for nmix in (1, 2):
        state = state0[:, :nmix, :].copy()
        cov = _sqrt_cov(nind, nmix, chol_t)
        weights = weights0[:, :nmix].copy() / weights0[:, :nmix].sum(axis=1, keepdims=True)
        likes = []
        for k in range(ys.shape[0]):
            like = np.zeros(nind)
            sqrt_linear_update(state, cov, like, ys[k], controls, coeffs, loadings[k],
                               meas_sds[k:k + 1], positions_list[k], weights)
            likes.append(like)
        anchor_like = np.zeros(nind)
        sqrt_linear_anchoring_update(state, cov, anchor_like, ys[0], controls, coeffs,
                                     loadings[0], meas_sds[0:1], positions_list[0],
                                     weights.copy())
        pred_states, pred_root_covs = sqrt_linear_predict(
            state.reshape(nind * nmix, 2), cov[:, :, 1:, 1:].reshape(nind * nmix, 2, 2).copy(),
            shock_sd, transition)
        out.append((state, cov, weights, likes, anchor_like, pred_states, pred_root_covs))
    # covariance-form update
    state = state0[:, :2, :].copy()
    full_cov = np.tile(chol_t.T @ chol_t, (nind, 2, 1, 1))
    weights = weights0.copy() / weights0.sum(axis=1, keepdims=True)
    like = np.ones(nind)
    kf = np.zeros(2)
    for k in range(ys.shape[0]):
        normal_linear_update(state, full_cov, like, ys[k], controls, coeffs, loadings[k],
                             meas_sds[k:k + 1] ** 2, positions_list[k], weights, kf)
    qr = array_qr(stack.copy())
    roots = np.tile(np.array([[1.5, 0.4], [0.0, 1.1]]), (5, 1, 1))
    up = array_choldate(roots.copy(), upd.copy(), 0.7)
    down = array_choldate(up.copy(), upd.copy(), -0.2)
    return (out, state, full_cov, weights, like, qr, up, down)


def inputs():
    rng = np.random.default_rng(0)
    nind = 24
    truth = rng.standard_normal((nind, 2)) * np.array([1.0, 0.7])
    controls = np.column_stack((np.ones(nind), rng.standard_normal(nind)))
    coeffs = np.array([0.3, -0.2])
    loadings = np.array([[1.0, 0.0], [0.8, 0.0], [0.0, 1.0], [0.5, 0.7]])
    positions_list = [np.array([0], dtype=np.int64), np.array([0], dtype=np.int64),
                      np.array([1], dtype=np.int64), np.array([0, 1], dtype=np.int64)]
    meas_sds = np.array([0.5, 0.6, 0.4, 0.7])
    ys = truth @ loadings.T + (controls @ coeffs)[:, None] + rng.standard_normal((nind, 4)) * meas_sds
    ys = ys.T.copy()
    ys[2, 5] = np.nan
    state0 = np.stack([np.zeros((nind, 2)), np.full((nind, 2), 0.5)], axis=1)
    weights0 = np.column_stack((np.full(nind, 0.6), np.full(nind, 0.4)))
    transition = np.array([[0.9, 0.1], [0.05, 0.8]])
    shock_sd = np.array([0.3, 0.2])
    stack = rng.standard_normal((6, 5, 3))
    upd = rng.standard_normal((5, 2)) * 0.5
    return (ys, controls, coeffs, loadings, positions_list, meas_sds, state0, weights0,
            transition, shock_sd, stack, upd)
