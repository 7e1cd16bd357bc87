# Source: Nixtla/hierarchicalforecast hierarchicalforecast/methods.py (at commit 3817c696)
# Licence: Apache-2.0 (hierarchicalforecast, settings.ini: license = apache2; Nixtla)
# Notes: the L1-regularised regression behind the ERM reconciliation of hierarchical time series forecasts (Ben Taieb & Koo 2019, method 'reg_bu'): lasso (@njit) runs cyclic coordinate descent: column norms with (X ** 2).sum(axis=0), float32 coefficient and change vectors next to a float64 residual copy, `for i, betai in enumerate(beta)` while beta is being written, a continue for zero columns, the column dot product xi.flatten().dot(residuals), soft thresholding with np.sign, abs and the builtin max of a float and 0., an in-place residual update and the builtin max over the change array as the stopping test, with the defaults max_iters=1_000 and tol=1e-4. Pasted: the numpy and numba imports of the module and lasso; left out: the rest of the module (the reconciliation classes, which need quadprog, scipy.sparse and the package's utils and probabilistic_methods); the harness passes what ERM(method='reg_bu', lambda_reg=1e-2)._get_PW_matrices passes: X = np.kron(S, y_hat_insample.T) (Fortran-ordered copies, as there) and Y = y_insample.T.flatten(order='F') - X @ Pbu.T.flatten(order='F') for a 7-series hierarchy (total, 2 regions, 4 bottom series; S is 7 x 4) with 12 in-sample observations of noisy seasonal series and their biased base forecasts, and lambda_reg = 1e-2
import numpy as np
from numba import njit


@njit
def lasso(X: np.ndarray, y: np.ndarray, 
          lambda_reg: float, max_iters: int = 1_000,
          tol: float = 1e-4):
    # lasso cyclic coordinate descent
    n, feats = X.shape
    norms = (X ** 2).sum(axis=0)
    beta = np.zeros(feats, dtype=np.float32)
    beta_changes = np.zeros(feats, dtype=np.float32)
    residuals = y.copy()
    
    for it in range(max_iters):
        for i, betai in enumerate(beta):
            # is feature is close to zero, we 
            # continue to the next.
            # in this case is optimal betai= 0
            if abs(norms[i]) < 1e-8:
                continue
            xi = X[:, i]
            #we calculate the normalized derivative
            rho = betai + xi.flatten().dot(residuals) / norms[i] #(norms[i] + 1e-3)
            #soft threshold
            beta[i] = np.sign(rho) * max(np.abs(rho) - lambda_reg * n / norms[i], 0.)#(norms[i] + 1e-3), 0.)
            beta_changes[i] = np.abs(betai - beta[i])
            if beta[i] != betai:
                residuals += (betai - beta[i]) * xi
        if max(beta_changes) < tol:
            break
    #print(it)
    return beta
# ---- harness (not part of the program) ----
ENTRY = "lasso"


def inputs():
    # hierarchy: total = A + B, A = a1 + a2, B = b1 + b2 (rows: total, A,
    # B, a1, a2, b1, b2); 12 in-sample monthly values per bottom series
    rng = np.random.default_rng(0)
    S = np.array([[1., 1., 1., 1.],
                  [1., 1., 0., 0.],
                  [0., 0., 1., 1.],
                  [1., 0., 0., 0.],
                  [0., 1., 0., 0.],
                  [0., 0., 1., 0.],
                  [0., 0., 0., 1.]])
    idx_bottom = np.arange(3, 7)
    t = np.arange(12)
    bottom = np.array([10 + 3 * np.sin(2 * np.pi * (t + k) / 12)
                       + rng.normal(0, 0.5, 12) for k in range(4)])
    y_insample = S @ bottom
    y_hat_insample = y_insample * rng.uniform(0.9, 1.1, y_insample.shape) \
        + rng.normal(0, 0.3, y_insample.shape)
    # ERM._get_PW_matrices, method 'reg_bu' (h = 12 here)
    X = np.kron(np.array(S, order='F'), np.array(y_hat_insample.T, order='F'))
    Pbu = np.zeros_like(S)
    Pbu[idx_bottom] = S[idx_bottom]
    Pbu = Pbu.T
    Y = y_insample.T.flatten(order='F') - X @ Pbu.T.flatten(order='F')
    return X, Y, 1e-2
