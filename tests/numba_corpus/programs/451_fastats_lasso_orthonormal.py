# Source: fastats/fastats fastats/linear_algebra/lasso.py (at commit dbcbf3c4), with ols from fastats/linear_algebra/ols.py (at commit b79d2587)
# Licence: MIT (fastats, LICENSE at commit 6632323a: Copyright (c) 2017 fastats)
# Notes: Lasso regression coefficients for an orthonormal design (sparse regression, statistics): lasso_orthonormal (plain Python, the entry) scales lambda by the number of targets, fits ordinary least squares with ols (np.linalg.inv(A.T @ A) @ A.T @ b) and soft-thresholds the coefficients with soft_threshold_, a @vectorize ufunc built by calling vectorize(SIGS)(soft_threshold) with two eager signatures (float64 and float32) on a scalar function whose branches return a float or the int 0; the ufunc broadcasts the coefficient array against the scalar threshold. Pasted: lasso.py (its `from numba import vectorize`, soft_threshold, SIGS, soft_threshold_ and lasso_orthonormal; the `if __name__ == '__main__'` pytest runner left out), with its `from fastats.linear_algebra.ols import ols` replaced by ols and the `import numpy as np` it uses from ols.py (the module's other regression diagnostics, its numpy.linalg/scipy.linalg imports used only by them, are left out); the harness passes a 200 x 12 design with orthonormal columns (Q of a QR factorisation), a response from sparse true coefficients plus noise and lambda = 0.005, as the package's tests do against scikit-learn's Lasso(fit_intercept=False)

from numba import vectorize

import numpy as np


def ols(A, b):
    """
    Ordinary Least-Squares Regression
    Coefficients Estimation.

    This is the linear algebra solution to
    OLS; minimising |Ax-b| means we want the
    values where the perpendicular is zero.
    This means we want columnwise-multiplication
    with A, giving A.T(Ax-b), therefore
    0 = A.T*Ax - A.T*b, therefore
    x = A.T*b / A.T*A. QED.
    """
    return np.linalg.inv(A.T @ A) @ A.T @ b


def soft_threshold(x, threshold):
    """
    If abs(x) is less than or equal to threshold
    then return 0, else move the value towards
    0 by the threshold amount.
    """
    if x > threshold:
        val = x - threshold
    elif x < -threshold:
        val = x + threshold
    else:
        val = 0
    return val


SIGS = ['float64(float64, float64)', 'float32(float32, float32)']
soft_threshold_ = vectorize(SIGS)(soft_threshold)


def lasso_orthonormal(A, b, lambda_):
    """
    Lasso Regression coefficients estimation in
    the case that A is orthonormal.

    Replicates SKLearn Lasso behaviour for model
    where fit_intercept = False.

    lambda_ scaled by number of targets, per
    SKLearn.
    """
    lambda_ *= len(b)
    coefficients = ols(A, b)
    return soft_threshold_(coefficients, lambda_)
# ---- harness (not part of the program) ----
ENTRY = "lasso_orthonormal"


def inputs():
    # orthonormal design: Q of a QR factorisation of a random 200 x 12 matrix
    rng = np.random.default_rng(0)
    Q, _ = np.linalg.qr(rng.standard_normal((200, 12)))
    beta = np.zeros(12)
    beta[[0, 3, 7]] = [4.0, -2.5, 1.5]
    b = Q @ beta + 0.05 * rng.standard_normal(200)
    return (Q, b, 0.005)
