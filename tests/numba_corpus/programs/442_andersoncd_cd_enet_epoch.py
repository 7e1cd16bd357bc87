# Source: mathurinm/andersoncd andersoncd/lasso.py (at commit 018341df)
# Licence: BSD-3-Clause (andersoncd, LICENSE at commit cf151370: Copyright (c) 2018-2020, iterreg)
# Notes: cyclic coordinate descent epochs for the Lasso / elastic net (sparse regression, the inner loop of the package's solver_enet with algo='cd2'): _cd_enet (@njit) walks the given feature order, takes a column slice X[:, j] of a Fortran-ordered design matrix, updates w[j] by the scalar soft-thresholding helper ST of w[j] + X[:, j] @ R / L_j, shrinks it for the ridge part and, when it moved, updates the residual R in place with an array expression. Pasted: the numpy, numba and numpy.linalg.norm imports and the module's jitted dual_lasso, dual_enet, ST, ST_vec and _cd_enet (left out: scipy.sparse and andersoncd.utils.power_method, used only by the plain-Python solver_enet/apcg drivers, those drivers, and the sparse and APCG kernels); the harness passes what solver_enet passes on its first epoch: a 60 x 40 Fortran-ordered random design, w = 0, R = y, alpha = alpha_max / 10, rho = 0.5, lc = column squared norms and feats = np.hstack((_range, _range))
import numpy as np

from numba import njit

from numpy.linalg import norm


@njit
def dual_lasso(y, theta, alpha):
    d_obj = norm(y) ** 2 / 2.
    d_obj -= norm(y / alpha - theta) ** 2 * alpha ** 2 / 2.
    return d_obj


@njit
def dual_enet(XTR, Xw, y, alpha, rho):
    d_obj = np.sum(y ** 2) / 2. - np.sum(Xw ** 2) / 2
    for j in range(XTR.shape[0]):
        d_obj -= 1. / (2 * rho) * ST(XTR[j], alpha) ** 2
    return d_obj


@njit
def ST(x, u):
    """Soft-thresholding of scalar x at level u."""
    if x > u:
        return x - u
    elif x < - u:
        return x + u
    else:
        return 0.


@njit
def ST_vec(x, u):
    return np.sign(x) * np.maximum(0., np.abs(x) - u)


@njit
def _cd_enet(X, w, R, alpha, rho, lc, feats):
    for j in feats:
        Xj = X[:, j]
        old_w_j = w[j]
        w[j] = ST(old_w_j + np.dot(Xj, R) / lc[j], alpha / lc[j])
        if rho != 0:
            w[j] /= 1 + rho / lc[j]
        if w[j] != old_w_j:
            R += (old_w_j - w[j]) * Xj
# ---- harness (not part of the program) ----
ENTRY = "_cd_enet"


def inputs():
    # solver_enet(X, y, alpha, rho=0.5, algo='cd2'): X made Fortran-ordered,
    # lc = (X ** 2).sum(axis=0), w = 0, R = y.copy(), feats = _range twice
    rng = np.random.default_rng(0)
    n_samples, n_features = 60, 40
    X = np.asfortranarray(rng.standard_normal((n_samples, n_features)))
    w_true = np.zeros(n_features)
    w_true[:5] = rng.standard_normal(5)
    y = X @ w_true + 0.1 * rng.standard_normal(n_samples)
    alpha = np.max(np.abs(X.T @ y)) / 10.
    lc = (X ** 2).sum(axis=0)
    w = np.zeros(n_features)
    R = y.copy()
    _range = np.arange(n_features)
    feats = np.hstack((_range, _range))
    return (X, w, R, alpha, 0.5, lc, feats)
