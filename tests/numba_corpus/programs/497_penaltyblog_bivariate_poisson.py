# Source: martineastwood/penaltyblog penaltyblog/models/bivariate_poisson.py (a version with the numba kernels, between the NumPy and the Go/Cython rewrites; commit not recorded)
# Licence: MIT (penaltyblog; its PyPI pages show "License: MIT", pyproject.toml: license = {file = "LICENSE"}; Martin Eastwood)
# Notes: Karlis-Ntzoufras bivariate Poisson model of football (soccer) scores, X = W1 + W3 and Y = W2 + W3 with independent Poisson W's (sports analytics): numba_poisson_pmf (@njit, type-annotated arguments) returns a Poisson probability with np.sum(np.log(np.arange(1, k + 1))) for log k!, _compute_total_likelihood (@njit) precomputes the lambda3 pmf table and, per match, fills the two marginal pmf vectors and sums the convolution over the shared goals, returning float(-np.sum(...)) of the weighted log-likelihoods with a 1e-10 floor; _compute_match_likelihood (@njit) does the same for one match from lookup tables; _compute_score_matrix (@njit) builds the predicted scoreline matrix from three pmf vectors made by list comprehensions wrapped in np.array. Pasted: the module's imports used by the kernels (warnings, numpy, numba, numpy.typing) and the four jitted functions (left out: scipy.optimize and the package's relative imports, and the BivariatePoissonGoalModel class); the harness does what BivariatePoissonGoalModel._loss_function does for a 20-team league season of 380 matches (attack and defence parameters, home advantage and log correlation, lambdas from team indices) and what predict does for six fixtures with max_goals=10, and evaluates _compute_match_likelihood for the first matches
import warnings

import numpy as np
from numba import njit
from numpy.typing import NDArray


@njit
def _compute_match_likelihood(
    goals_home: int,
    goals_away: int,
    lambda1: float,
    lambda2: float,
    lambda3: float,
    weight: float,
    pmf_lookup1: np.ndarray,
    pmf_lookup2: np.ndarray,
    lambda3_pmf: np.ndarray,
) -> float:
    kmax = min(goals_home, goals_away)
    like_ij = 0.0

    for k in range(kmax + 1):
        like_ij += (
            pmf_lookup1[goals_home - k] * pmf_lookup2[goals_away - k] * lambda3_pmf[k]
        )

    like_ij = max(like_ij, 1e-10)
    return weight * np.log(like_ij)


@njit
def numba_poisson_pmf(k: int, lambda_: float, max_goals: int) -> float:
    if k < 0 or k >= max_goals or lambda_ <= 0:
        return 0.0
    return np.exp(k * np.log(lambda_) - lambda_ - np.sum(np.log(np.arange(1, k + 1))))


@njit
def _compute_total_likelihood(
    goals_home: np.ndarray,
    goals_away: np.ndarray,
    lambda1: np.ndarray,
    lambda2: np.ndarray,
    lambda3: float,
    weights: np.ndarray,
    max_goals: int,
) -> float:
    n_matches = len(goals_home)
    log_likelihoods = np.zeros(n_matches)

    # Precompute PMF lookups
    lambda3_pmf = np.zeros(max_goals)
    for k in range(max_goals):
        lambda3_pmf[k] = numba_poisson_pmf(k, lambda3, max_goals)

    for i in range(n_matches):
        pmf1 = np.zeros(max_goals)
        pmf2 = np.zeros(max_goals)
        for k in range(max_goals):
            pmf1[k] = numba_poisson_pmf(k, lambda1[i], max_goals)
            pmf2[k] = numba_poisson_pmf(k, lambda2[i], max_goals)

        like_ij = 0.0
        kmax = min(goals_home[i], goals_away[i])

        for k in range(kmax + 1):
            like_ij += (
                pmf1[goals_home[i] - k] * pmf2[goals_away[i] - k] * lambda3_pmf[k]
            )

        like_ij = max(like_ij, 1e-10)
        log_likelihoods[i] = weights[i] * np.log(like_ij)

    return float(-np.sum(log_likelihoods))


@njit
def _compute_score_matrix(
    lam1: float, lam2: float, lam3: float, max_goals: int
) -> np.ndarray:
    score_matrix = np.zeros((max_goals, max_goals))

    # Precompute PMF values for each lambda
    pmf1 = np.array([numba_poisson_pmf(k, lam1, max_goals) for k in range(max_goals)])
    pmf2 = np.array([numba_poisson_pmf(k, lam2, max_goals) for k in range(max_goals)])
    pmf3 = np.array([numba_poisson_pmf(k, lam3, max_goals) for k in range(max_goals)])

    for x in range(max_goals):
        for y in range(max_goals):
            p_xy = 0.0
            for k in range(min(x, y) + 1):
                p_xy += pmf1[x - k] * pmf2[y - k] * pmf3[k]
            score_matrix[x, y] = p_xy

    return score_matrix
# ---- harness (not part of the program) ----
ENTRY = "season_loss_and_predictions"


def season_loss_and_predictions(params, home_idx, away_idx, goals_home, goals_away,
                                weights, fixtures):
    n_teams = (len(params) - 2) // 2
    # BivariatePoissonGoalModel._loss_function
    attack_params = params[:n_teams]
    defense_params = params[n_teams: 2 * n_teams]
    home_adv = params[-2]
    correlation_log = params[-1]
    lambda3 = np.exp(correlation_log)
    lambda1 = np.exp(home_adv + attack_params[home_idx] + defense_params[away_idx])
    lambda2 = np.exp(attack_params[away_idx] + defense_params[home_idx])
    max_goals = max(goals_home.max(), goals_away.max()) + 1
    loss = _compute_total_likelihood(goals_home, goals_away, lambda1, lambda2,
                                     lambda3, weights, max_goals)
    # the per-match kernel on the first 20 matches
    l3pmf = np.array([numba_poisson_pmf(k, lambda3, max_goals) for k in range(max_goals)])
    per_match = []
    for i in range(20):
        p1 = np.array([numba_poisson_pmf(k, lambda1[i], max_goals) for k in range(max_goals)])
        p2 = np.array([numba_poisson_pmf(k, lambda2[i], max_goals) for k in range(max_goals)])
        per_match.append(_compute_match_likelihood(
            goals_home[i], goals_away[i], lambda1[i], lambda2[i], lambda3,
            weights[i], p1, p2, l3pmf))
    # BivariatePoissonGoalModel.predict for a few fixtures
    grids = []
    for i_home, i_away in fixtures:
        lam1 = np.exp(home_adv + attack_params[i_home] + defense_params[i_away])
        lam2 = np.exp(attack_params[i_away] + defense_params[i_home])
        grids.append(_compute_score_matrix(lam1, lam2, lambda3, 10))
    return loss, np.array(per_match), np.array(grids)


def inputs():
    rng = np.random.default_rng(0)
    n_teams = 20
    home_idx, away_idx = [], []
    for h in range(n_teams):
        for a in range(n_teams):
            if h != a:
                home_idx.append(h)
                away_idx.append(a)
    home_idx = np.array(home_idx)
    away_idx = np.array(away_idx)
    attack = rng.normal(1.0, 0.25, n_teams)
    defence = rng.normal(-1.0, 0.25, n_teams)
    params = np.concatenate((attack, defence, [0.25, -1.5]))
    lam_h = np.exp(params[-2] + attack[home_idx] + defence[away_idx])
    lam_a = np.exp(attack[away_idx] + defence[home_idx])
    shared = rng.poisson(np.exp(params[-1]), len(home_idx))
    goals_home = (rng.poisson(lam_h) + shared).astype(np.int64)
    goals_away = (rng.poisson(lam_a) + shared).astype(np.int64)
    weights = np.exp(-0.002 * np.arange(len(home_idx))[::-1])
    fixtures = [(0, 1), (3, 7), (12, 5), (19, 2), (8, 8 + 1), (15, 0)]
    return (params, home_idx, away_idx, goals_home, goals_away, weights, fixtures)
