# Source: MCFpy/mcf mcf/mcf_forest_objfct_functions.py (at commit 24b20b76)
# Licence: MIT (mcf, LICENSE at commit 765676b9: Copyright (c) 2021 MCFpy)
# Notes: the splitting criterion of the Modified Causal Forest (causal machine learning / econometrics, Lechner's mcf): mcf_mse_numba (@njit) computes, for every treatment arm, the within-leaf MSE of the outcome (elements gathered by a boolean mask d_dat == treat_values[m] into a fresh np.empty array, mean by np.sum / n, np.dot for the second moment), the treatment shares, and for every pair of arms the MCE term from the matched nearest-neighbour outcomes of the observations in either arm (mask | mask), filling an upper-triangular no_of_treat x no_of_treat matrix; mtot picks the variant via tuple membership tests and an int accumulator grows into a float; it returns the (mse_mce, treat_shares, no_of_obs_by_treat) tuple. Pasted: the numba and numpy imports and mcf_mse_numba (left out: the torch and mcf.mcf_cuda_functions imports, used only by the module's CUDA path, and the module's other plain-Python and jitted functions); the harness passes what mcf_mse passes for an unweighted leaf with mtot = 1: 400 observations of an N x 1 outcome, the N x 3 matched outcomes, an int8 treatment vector with values 0, 1, 2 and np.array(treat_values, dtype=np.int8)
from numba import njit
import numpy as np


@njit
def mcf_mse_numba(y_dat, y_nn, d_dat, n_obs, mtot, no_of_treat, treat_values):
    """Compute average mse for the data passed. Based on different methods.

       WEIGHTED VERSION DOES NOT YET WORK. TRY with next Numba version.
       Need to change list format soon.

    Parameters
    ----------
    y_dat : Numpy Nx1 vector. Outcome variable of observation.
    y_nn : Numpy N x no_of_treatments array. Matched outcomes.
    d_dat : Numpy Nx1 vector. Treatment.
    d_bin_dat : Numpy Nx1 vector. Treatment larger 0.
    n : INT. Leaf size.
    mtot : INT. Method.
    no_of_treat : INT. Number of treated.
    treat_values : 1D Numpy array of INT. Treatment values.
    cont. Boolean. Continuous treatment.

    Returns
    -------
    mse : Mean squared error (average not acccount of number of obs).
    treat_share: 1D Numpy array. Treatment shares.
    no_of_obs_by_treat : 1D Numpy array. Observations by treatment.
    """
    obs = len(y_dat)
    treat_shares = np.zeros(no_of_treat) if mtot in (1, 3, 4) else np.zeros(1)
    mse_mce = np.zeros((no_of_treat, no_of_treat))
    no_of_obs_by_treat = np.zeros(no_of_treat)
    for m_idx in range(no_of_treat):
        d_m = d_dat == treat_values[m_idx]   # d_m is Boolean
        n_m = np.sum(d_m)
        no_of_obs_by_treat[m_idx] = n_m
        y_m = np.empty(n_m)
        j = 0
        for i in range(obs):
            if d_m[i]:
                y_m[j] = y_dat[i, 0]
                j += 1
        y_m_mean = np.sum(y_m) / n_m
        mse_m = np.dot(y_m, y_m) / n_m - (y_m_mean**2)
        if mtot in (1, 3, 4):
            treat_shares[m_idx] = n_m / n_obs
            mse_mce[m_idx, m_idx] = mse_m
        if mtot != 3:
            mce_ml = 0
            for v_idx in range(m_idx + 1, no_of_treat):
                d_l = d_dat == treat_values[v_idx]   # d_l is Boolean
                n_l = np.sum(d_l)
                if mtot == 2:  # Variance of effects mtot = 2
                    y_l = np.empty(n_l)
                    j = 0
                    for i in range(obs):
                        if d_l[i]:
                            y_l[j] = y_dat[i, 0]
                            j += 1
                    y_l_mean = np.sum(y_l) / n_l
                    mce_ml = (y_m_mean - y_l_mean)**2
                elif mtot in (1, 4):
                    d_ml = (d_dat == treat_values[v_idx]) | (
                        d_dat == treat_values[m_idx])
                    n_ml = np.sum(d_ml)
                    y_nn_l = np.empty(n_ml)
                    y_nn_m = np.empty_like(y_nn_l)
                    j = 0
                    for i in range(obs):
                        if d_ml[i]:
                            y_nn_l[j] = y_nn[i, v_idx]
                            y_nn_m[j] = y_nn[i, m_idx]
                            j += 1
                    aaa = np.sum(y_nn_m) / n_ml * np.sum(y_nn_l) / n_ml
                    bbb = np.dot(y_nn_m, y_nn_l) / n_ml
                    mce_ml = bbb - aaa
                mse_mce[m_idx, v_idx] = mce_ml
    return mse_mce, treat_shares, no_of_obs_by_treat
# ---- harness (not part of the program) ----
ENTRY = "mcf_mse_numba"


def inputs():
    # one leaf of 400 observations, 3 treatment arms; y_nn holds each
    # observation's matched outcome under every arm
    rng = np.random.default_rng(0)
    n, no_of_treat = 400, 3
    d = rng.integers(0, no_of_treat, n).astype(np.int8)
    x = rng.standard_normal(n)
    y_dat = (1.0 + 0.5 * d + x + 0.3 * rng.standard_normal(n)).reshape(-1, 1)
    y_nn = (1.0 + 0.5 * np.arange(no_of_treat)[None, :] + x[:, None]
            + 0.3 * rng.standard_normal((n, no_of_treat)))
    treat_values = np.array([0, 1, 2], dtype=np.int8)
    return (y_dat, y_nn, d, n, 1, no_of_treat, treat_values)
