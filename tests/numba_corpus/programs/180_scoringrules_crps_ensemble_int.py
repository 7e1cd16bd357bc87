# Source: frazane/scoringrules scoringrules/core/crps/_gufuncs.py
# Licence: Apache-2.0 (scoringrules, LICENSE; Copyright 2023 Francesco Zanetta)
# Notes: continuous ranked probability score of an ensemble forecast by the integral form (the "int" estimator of crps_ensemble): a @guvectorize generalized ufunc with two eager signature strings (float32 and float64) and layout "(),(n)->()", called on a vector of observations and a 2-D array of sorted ensembles; `obs = obs[0]` rebinds an array argument to a scalar, np.isnan with an early `return` after writing out[0], `for n, forecast in enumerate(fct)` with `break` on a NaN member and the loop variable reassigned inside the loop and read after it, an int `obs_cdf` flag compared with 0 and used in float arithmetic, `** 2` on floats; the module constants INV_SQRT_PI and EPSILON are kept; the module's other CRPS estimator gufuncs (pinball, qd, nrg, fair, pwm, akr, akr_circperm, ownrg, vrnrg), the estimator_gufuncs dict and __all__ left out; inputs() sorts the members along the last axis as crps_ensemble does for this estimator
import numpy as np
from numba import guvectorize

INV_SQRT_PI = 1 / np.sqrt(np.pi)
EPSILON = 1e-6


@guvectorize(
    [
        "void(float32[:], float32[:], float32[:])",
        "void(float64[:], float64[:], float64[:])",
    ],
    "(),(n)->()",
)
def _crps_ensemble_int_gufunc(obs: np.ndarray, fct: np.ndarray, out: np.ndarray):
    """CRPS estimator based on the integral form."""
    obs = obs[0]
    M = fct.shape[0]

    if np.isnan(obs):
        out[0] = np.nan
        return

    obs_cdf = 0
    forecast_cdf = 0.0
    prev_forecast = 0.0
    integral = 0.0

    for n, forecast in enumerate(fct):
        if np.isnan(forecast):
            if n == 0:
                integral = np.nan
            forecast = prev_forecast  # noqa: PLW2901
            break

        if obs_cdf == 0 and obs < forecast:
            # this correctly handles the transition point of the obs CDF
            integral += (obs - prev_forecast) * forecast_cdf**2
            integral += (forecast - obs) * (forecast_cdf - 1) ** 2
            obs_cdf = 1
        else:
            integral += (forecast_cdf - obs_cdf) ** 2 * (forecast - prev_forecast)

        forecast_cdf += 1 / M
        prev_forecast = forecast

    if obs_cdf == 0:
        integral += obs - forecast

    out[0] = integral

# ---- harness (not part of the program) ----
ENTRY = "_crps_ensemble_int_gufunc"


def inputs():
    # 120 observations and 20-member ensembles (float64), members sorted
    # along the last axis; one missing observation, one ensemble whose last
    # three members are missing (NaN sorts last), one entirely missing
    # ensemble, and a few observations outside their ensemble's range
    rng = np.random.default_rng(0)
    n, m = 120, 20
    mu = rng.normal(0.0, 2.0, n)
    obs = mu + rng.normal(0.0, 1.0, n)
    fct = mu[:, None] + rng.normal(0.0, 1.0, (n, m))
    obs[5] = np.nan
    fct[7, -3:] = np.nan
    fct[9, :] = np.nan
    obs[11] = fct[11].max() + 2.0
    obs[12] = fct[12].min() - 2.0
    fct = np.sort(fct, axis=-1)
    return (obs, fct)
