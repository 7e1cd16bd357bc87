# Source: scikit-learn-contrib/skglm skglm/py_numba_blitz/solver.py and skglm/py_numba_blitz/utils.py (commit 18f5505e; + ST from skglm/utils.py)
# Licence: BSD-3-Clause (skglm, LICENSE; Copyright (c) 2023, scikit-learn-contrib)
# Notes: one proximal-Newton step of skglm's numba port of the Blitz solver for L1-regularised logistic regression (dense design): _prox_newton_iteration computes the Hessian weights and per-feature Lipschitz constants (`hessian @ X[:, j] ** 2` over `enumerate(ws)`), runs coordinate descent with the jitted soft-thresholding ST (a `positive=False` default, `elif x < - u and not positive`) and `continue`s, then a backtracking line search that updates w, Xw, theta and exp_yXw in place through update_theta_exp_yXw, rescales X_delta_w with `X_delta_w[:] = ...`, refreshes the cached gradients and returns (theta_scale, prox_grad_diff) using np.linalg.norm(ord=np.inf); module-level constants are read as globals; the sparse twin _prox_newton_iteration_s and the rest of utils.py's jitted helpers are kept; the plain-Python driver py_blitz (which needs scipy.sparse.issparse) is left out, and inputs() sets up its first epoch the way it does; of skglm/utils.py only ST is pasted (its other functions, jitclass helpers and sklearn import are left out)
# ---- skglm/utils.py (ST only) ----
import numpy as np
from numba import njit


@njit
def ST(x, u, positive=False):
    """Soft-thresholding of scalar x at level u."""
    if x > u:
        return x - u
    elif x < - u and not positive:
        return x + u
    else:
        return 0.


# ---- skglm/py_numba_blitz/utils.py ----
import numpy as np
from numba import njit


LOGREG_LIPSCHITZ_CONST = 1.  # used in Blitz (weird)


@njit
def compute_primal_obj(exp_yXw, w, alpha):
    datafit = np.sum(np.log(1 + exp_yXw))
    penalty = alpha * np.linalg.norm(w, ord=1)
    return datafit + penalty


@njit
def compute_dual_obj(y, scaled_theta):
    """minus the Fenchel conjugate of datafit."""
    val = -scaled_theta / y
    return -np.sum(val * np.log(val) + (1 - val) * np.log(1 - val))


@njit
def update_theta_exp_yXw(y, Xw, theta, exp_yXw):
    """Inplace update of ``theta`` and ``exp_yXw``."""
    for i in range(len(y)):
        exp_yXw_i = np.exp(-y[i] * Xw[i])

        exp_yXw[i] = exp_yXw_i
        theta[i] = -y[i] * exp_yXw_i / (1 + exp_yXw_i)


@njit
def update_XTtheta(X, theta, XTtheta, ws):
    """Inplace update of ``XTtheta``."""
    for j in ws:
        XTtheta[j] = X[:, j] @ theta


@njit
def update_XTtheta_s(X_data, X_indptr, X_indices, theta, XTtheta, ws):
    """Inplace update of ``XTtheta``. Case ``X`` sparse."""
    for j in ws:
        tmp = 0.
        for i in range(X_indptr[j], X_indptr[j+1]):
            tmp += X_data[i] * theta[X_indices[i]]
        XTtheta[j] = tmp


@njit
def update_phi_XTphi(scaled_theta, scaled_XTtheta, phi, XTphi, alpha, ws):
    """Inplace update of ``phi`` and ``XTphi``."""
    # update as follows: max t for which
    #   new_phi = t * scaled_theta + (1 - t) * phi is feasible
    #   <==> |constraint_j(new_phi)| = |X_j.T new_phi| <= alpha for j in ws
    t = best_t = 1.
    for j in ws:
        if np.abs(scaled_XTtheta[j]) <= alpha:
            continue

        if scaled_XTtheta[j] >= 0:
            t = (alpha - XTphi[j]) / (scaled_XTtheta[j] - XTphi[j])
        else:
            t = (-alpha - XTphi[j]) / (scaled_XTtheta[j] - XTphi[j])

        best_t = min(t, best_t)

    # update XTphi and phi
    for j in ws:
        XTphi[j] = best_t * scaled_XTtheta[j] + (1 - best_t) * XTphi[j]

    phi[:] = best_t * scaled_theta + (1 - best_t) * phi


@njit
def compute_remaining_features(remaining_features, XTphi, w, norm2_X_cols,
                               alpha, threshold):
    """Discard features whose scores are above ``threshold``."""
    features_scores = np.zeros(len(remaining_features))

    # score features
    for idx, j in enumerate(remaining_features):
        if w[j] != 0:
            score = 0.
        elif norm2_X_cols[j] == 0:
            score = np.inf
        else:
            score = (alpha - np.abs(XTphi[j])) / norm2_X_cols[j]

        features_scores[idx] = score

    # sort (could be improved)
    sorted_idx = np.argsort(features_scores)
    features_scores[:] = features_scores[sorted_idx]
    remaining_features[:] = remaining_features[sorted_idx]

    # discard features
    return remaining_features[features_scores <= threshold]


@njit
def norm2_sparse(data, indptr, indices, j):
    """Compute ``norm(X[:, j], ord=2)`` in case ``X`` sparse."""
    res = 0.
    for i in range(indptr[j], indptr[j+1]):
        res += data[i] ** 2
    return np.sqrt(res)


@njit
def xj_dot_sparse(data, indptr, indices, j, b):
    """Compute ``X[:, j] @ b`` in case ``X`` sparse."""
    res = 0.
    for i in range(indptr[j], indptr[j+1]):
        res += data[i] * b[indices[i]]
    return res


@njit
def weighted_dot_sparse(data, indptr, indices, b, weights, j):
    """Computes ``X[:, j] @ (weights * b)`` in case ``X`` sparse."""
    res = 0.
    for i in range(indptr[j], indptr[j+1]):
        res += data[i] * b[indices[i]] * weights[indices[i]]
    return res


@njit
def squared_weighted_norm_sparse(data, indptr, indices, weights, j):
    """Compute ``weights @ X[:, j]**2`` in case ``X`` sparse."""
    res = 0.
    for i in range(indptr[j], indptr[j+1]):
        res += weights[indices[i]] * data[i]**2
    return res


@njit
def update_X_delta_w(data, indptr, indices, X_delta_w, diff, j):
    """Compute ``X_delta_w += diff * X[:, j]`` case of ``X`` sparse."""
    for i in range(indptr[j], indptr[j+1]):
        X_delta_w[indices[i]] += diff * data[i]


# ---- skglm/py_numba_blitz/solver.py ----
import numpy as np
from numba import njit


MAX_BACKTRACK_ITER = 20
MAX_PROX_NEWTON_CD_ITR = 20
MIN_PROX_NEWTON_CD_ITR = 2
PROX_NEWTON_EPSILON_RATIO = 10.0
EPSILON_GAP = 0.3


@njit
def _prox_newton_iteration(X, y, w, Xw, exp_yXw, theta, prox_grads,
                           alpha, ws, max_cd_iter, prox_grad_diff):
    # inplace update of w, Xw, exp_yXw, theta, prox_grads

    hessian = -theta * (y + theta)  # \nabla^2 datafit(u)
    lipschitz = np.zeros(len(ws))  # diag of X.T hessian X

    delta_w = np.zeros(len(ws))  # descent direction
    X_delta_w = np.zeros(len(y))

    for idx, j in enumerate(ws):
        lipschitz[idx] = hessian @ X[:, j] ** 2

    # find descent direction
    for cd_iter in range(max_cd_iter):
        sum_sq_hess_diff = 0.
        for idx, j in enumerate(ws):
            # skip zero cols
            if lipschitz[idx] == 0:
                continue

            old_w_j = w[j] + delta_w[idx]
            grad = prox_grads[idx] + X[:, j] @ (hessian * X_delta_w)
            step = 1 / lipschitz[idx]
            new_w_j = ST(old_w_j - step * grad, alpha * step)

            # updates
            diff = new_w_j - old_w_j
            if diff == 0:
                continue

            delta_w[idx] = new_w_j - w[j]
            X_delta_w += diff * X[:, j]
            sum_sq_hess_diff += (diff * lipschitz[idx]) ** 2

        if (sum_sq_hess_diff < PROX_NEWTON_EPSILON_RATIO*prox_grad_diff
                and cd_iter+1 >= MIN_PROX_NEWTON_CD_ITR):
            break

    # backtracking line search
    actual_t, prev_t = 1., 0.
    for backtrack_iter in range(MAX_BACKTRACK_ITER):
        diff_objectives = 0.
        diff_t = actual_t - prev_t

        for idx, j in enumerate(ws):
            w[j] += diff_t * delta_w[idx]

            # diff penalty term
            if w[j] < 0:
                diff_objectives -= alpha * delta_w[idx]
            elif w[j] > 0:
                diff_objectives += alpha * delta_w[idx]
            else:
                diff_objectives -= alpha * abs(delta_w[idx])

        for i in range(len(y)):
            Xw[i] += diff_t * X_delta_w[i]
        update_theta_exp_yXw(y, Xw, theta, exp_yXw)

        # diff datafit term
        diff_objectives += X_delta_w @ theta

        if diff_objectives < 0:
            break
        else:
            prev_t = actual_t
            actual_t /= 2

    if actual_t != 1.:
        X_delta_w[:] = actual_t * X_delta_w

    # cache grads next epoch
    for idx, j in enumerate(ws):
        new_prox_grad = X[:, j] @ theta
        approximate_grad = prox_grads[idx] + X[:, j] @ (hessian * X_delta_w)
        prox_grads[idx] = new_prox_grad

        prox_grad_diff += (new_prox_grad - approximate_grad) ** 2

    # compute theta scale
    theta_scale = 1.
    max_XTtheta_ws = np.linalg.norm(prox_grads, ord=np.inf)
    if max_XTtheta_ws > alpha:
        theta_scale = alpha / max_XTtheta_ws

    return theta_scale, prox_grad_diff


@njit
def _prox_newton_iteration_s(X_data, X_indptr, X_indices, y, w, Xw, exp_yXw,
                             theta, prox_grads, alpha, ws, max_cd_iter,
                             prox_grad_diff):
    # inplace update of w, Xw, exp_yXw, theta, prox_grads

    hessian = -theta * (y + theta)  # \nabla^2 datafit(u)
    lipschitz = np.zeros(len(ws))  # diag of X.T hessian X

    delta_w = np.zeros(len(ws))  # descent direction
    X_delta_w = np.zeros(len(y))

    for idx, j in enumerate(ws):
        lipschitz[idx] = squared_weighted_norm_sparse(X_data, X_indptr,
                                                      X_indices, hessian, j)

    # find descent direction
    for cd_iter in range(max_cd_iter):
        sum_sq_hess_diff = 0.
        for idx, j in enumerate(ws):
            # skip zero cols
            if lipschitz[idx] == 0:
                continue

            old_w_j = w[j] + delta_w[idx]
            grad = prox_grads[idx] + weighted_dot_sparse(X_data, X_indptr, X_indices,
                                                         X_delta_w, hessian, j)
            step = 1 / lipschitz[idx]
            new_w_j = ST(old_w_j - step * grad, alpha * step)

            # updates
            diff = new_w_j - old_w_j
            if diff == 0:
                continue

            delta_w[idx] = new_w_j - w[j]
            # for i in range(X_indptr[j], X_indptr[j+1]):
            #     X_delta_w[X_indices[i]] += diff * X_data[i]
            # equivalent to: X_delta_w += diff * X[:, j]
            update_X_delta_w(X_data, X_indptr, X_indices, X_delta_w, diff, j)
            sum_sq_hess_diff += (diff * lipschitz[idx]) ** 2

        if (sum_sq_hess_diff < PROX_NEWTON_EPSILON_RATIO*prox_grad_diff
                and cd_iter+1 >= MIN_PROX_NEWTON_CD_ITR):
            break

    # backtracking line search
    actual_t, prev_t = 1., 0.
    for backtrack_iter in range(MAX_BACKTRACK_ITER):
        diff_objectives = 0.
        diff_t = actual_t - prev_t

        for idx, j in enumerate(ws):
            w[j] += diff_t * delta_w[idx]

            # diff penalty term
            if w[j] < 0:
                diff_objectives -= alpha * delta_w[idx]
            elif w[j] > 0:
                diff_objectives += alpha * delta_w[idx]
            else:
                diff_objectives -= alpha * abs(delta_w[idx])

        for i in range(len(y)):
            Xw[i] += diff_t * X_delta_w[i]
        update_theta_exp_yXw(y, Xw, theta, exp_yXw)

        # diff datafit term
        diff_objectives += X_delta_w @ theta

        if diff_objectives < 0:
            break
        else:
            prev_t = actual_t
            actual_t /= 2

    if actual_t != 1.:
        X_delta_w[:] = actual_t * X_delta_w

    # cache grads next epoch
    for idx, j in enumerate(ws):
        new_prox_grad = xj_dot_sparse(X_data, X_indptr, X_indices, j, theta)
        approximate_grad = prox_grads[idx] + weighted_dot_sparse(X_data, X_indptr,
                                                                 X_indices, X_delta_w,
                                                                 hessian, j)
        prox_grads[idx] = new_prox_grad
        prox_grad_diff += (new_prox_grad - approximate_grad) ** 2

    # compute theta scale
    theta_scale = 1.
    max_XTtheta_ws = np.linalg.norm(prox_grads, ord=np.inf)
    if max_XTtheta_ws > alpha:
        theta_scale = alpha / max_XTtheta_ws

    return theta_scale, prox_grad_diff

# ---- harness (not part of the program) ----
ENTRY = "_prox_newton_iteration"


def inputs():
    # a logistic-regression problem with 300 samples and 80 correlated
    # features (8 of them informative), labels in {-1, 1}; the state is
    # py_blitz's at its first epoch: w = 0, Xw = 0, exp_yXw = 1,
    # theta = -y / 2, the working set = all features ordered by their
    # screening score, prox_grads = X[:, ws].T @ theta, alpha = alpha_max / 20,
    # max_cd_iter = MIN_PROX_NEWTON_CD_ITR, prox_grad_diff = 0
    rng = np.random.default_rng(0)
    n, p = 300, 80
    X = np.empty((n, p))
    u = rng.standard_normal(n)
    for j in range(p):
        u = 0.5 * u + np.sqrt(1 - 0.25) * rng.standard_normal(n)
        X[:, j] = u
    w_true = np.zeros(p)
    w_true[rng.choice(p, 8, replace=False)] = rng.normal(0.0, 2.0, 8)
    y = np.where(X @ w_true + 0.5 * rng.standard_normal(n) > 0, 1.0, -1.0)
    w = np.zeros(p)
    Xw = np.zeros(n)
    exp_yXw = np.exp(-y * Xw)
    theta = -y * exp_yXw / (1 + exp_yXw)
    XTtheta = X.T @ theta
    alpha = np.max(np.abs(XTtheta)) / 20
    scores = (alpha - np.abs(XTtheta)) / np.linalg.norm(X, axis=0)
    ws = np.argsort(scores)
    prox_grads = X[:, ws].T @ theta
    return (X, y, w, Xw, exp_yXw, theta, prox_grads, alpha, ws, 2, 0.0)
