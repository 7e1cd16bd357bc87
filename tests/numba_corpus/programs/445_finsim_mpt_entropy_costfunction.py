# Source: stephenhky/FinanceSimulation finsim/portfolio/optimize/native/numbametrics.py (at commit 0f33af35)
# Licence: LGPL (finsim, setup.py at commit 01e1d643: license='LGPL'; Kwan-Yuet Ho)
# Notes: objective functions of Markowitz mean-variance portfolio optimization (portfolio construction): numba_mpt_entropy_costfunction (@nb.njit with an eager float64(float64[:], float64[:], float64[:, :], float64, float64, float64, float64) signature) takes the risky weights as weights[:-1] (the last entry is the risk-free asset), builds a 1 x n row matrix with np.expand_dims and computes the expected yield with np.dot, the risk-aversion penalty (weightmat @ cov @ weightmat.T)[0, 0] and an entropy-like diversification term with np.log and np.sum. Pasted: the whole module (numpy and numba imports, numba_sharpe_ratio, numba_mpt_costfunction and numba_mpt_entropy_costfunction, all with eager signatures); the harness passes what the package's optimizer passes: 8 risky weights plus a risk-free weight, annualized expected log returns and their covariance from 250 simulated daily prices, rf = 0.02, lamb0 = 0.5, lamb1 = 0.1 and V = 10
import numpy as np
import numba as nb


@nb.njit(nb.float64(nb.float64[:], nb.float64[:], nb.float64[:, :], nb.float64))
def numba_sharpe_ratio(weights, r, cov, rf):
    yieldrate = np.sum(weights * r)
    sqweights = np.expand_dims(weights, axis=1) @ np.expand_dims(weights, axis=0)
    volatility = np.sqrt(np.sum(sqweights * cov))
    return (yieldrate - rf) / volatility


@nb.njit(nb.float64(nb.float64[:], nb.float64[:], nb.float64[:, :], nb.float64, nb.float64, nb.float64))
def numba_mpt_costfunction(weights, r, cov, rf, lamb, V0=10.):
    weightmat = np.expand_dims(weights[:-1], axis=0)
    c = lamb * V0
    return weights[-1]*rf + np.dot(weights[:-1], r) - 0.5*c/V0*(weightmat @ cov @ weightmat.T)[0, 0]


@nb.njit(nb.float64(nb.float64[:], nb.float64[:], nb.float64[:, :], nb.float64, nb.float64, nb.float64, nb.float64))
def numba_mpt_entropy_costfunction(weights, r, cov, rf, lamb0, lamb1, V=10.):
    weightmat = np.expand_dims(weights[:-1], axis=0)
    c0 = lamb0 * V
    c1 = lamb1 * V
    yield_val = weights[-1]*rf + np.dot(weights[:-1], r)
    cov_val = - 0.5 * c0 / V * (weightmat @ cov @ weightmat.T)[0, 0]
    sumweights = np.sum(weights[:-1])
    entropy_val = - 0.5 * c1 / V * np.sum(weights[:-1] * (np.log(weights[-1]) - sumweights)) / sumweights
    return yield_val + cov_val + entropy_val
# ---- harness (not part of the program) ----
ENTRY = "numba_mpt_entropy_costfunction"


def inputs():
    # 8 assets: daily log returns of 250 simulated prices, annualized mean
    # and covariance; weights for the 8 risky assets plus the risk-free one
    rng = np.random.default_rng(0)
    n_assets, n_days = 8, 250
    dlogS = 0.0004 + 0.015 * rng.standard_normal((n_assets, n_days))
    r = dlogS.mean(axis=1) * 252
    cov = np.cov(dlogS) * 252
    weights = rng.uniform(0.5, 1.5, n_assets + 1)
    weights /= weights.sum()
    return (weights, r, cov, 0.02, 0.5, 0.1, 10.0)
