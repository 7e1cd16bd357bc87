# Source: havakv/pycox pycox/evaluation/concordance.py (at commit 1fa3ff25)
# Licence: BSD-2-Clause (pycox, LICENSE; Copyright (c) 2018, Haavard Kvamme)
# Notes: Antolini's time-dependent concordance index of a survival model (survival statistics): _sum_concordant_disc (@numba.jit(nopython=True, parallel=True)) sums, over a numba.prange loop of individuals i and an inner loop over all j != i, the value of a jitted function passed in as an argument (is_concordant_func) on two entries of the survival-function matrix s[idx, i] and s[idx, j] picked through the per-individual row index s_idx[i], with an integer accumulator count = 0 that takes float results; the passed-in _is_concordant branches on t_i < t_j / t_i == t_j with bool arithmetic ((s_i < s_j) + (s_i == s_j) * 0.5) and & on int32 event flags, and multiplies by the jitted _is_comparable. Pasted: the whole module (its numpy, pandas and numba imports, the seven jitted functions and the plain-Python driver concordance_td, which computes _sum_concordant_disc / _sum_comparable); the harness calls _sum_concordant_disc as concordance_td(method='adj_antolini') does: durations and int32 events of 300 individuals, the (n_times, n) survival curves of a proportional-hazards model on the grid of sorted durations, surv_idx = each individual's row in that grid (EvalSurv.idx_at_times), and the jitted _is_concordant

import numpy as np
import pandas as pd
import numba


@numba.jit(nopython=True)
def _is_comparable(t_i, t_j, d_i, d_j):
    return ((t_i < t_j) & d_i) | ((t_i == t_j) & (d_i | d_j))

@numba.jit(nopython=True)
def _is_comparable_antolini(t_i, t_j, d_i, d_j):
    return ((t_i < t_j) & d_i) | ((t_i == t_j) & d_i & (d_j == 0))

@numba.jit(nopython=True)
def _is_concordant(s_i, s_j, t_i, t_j, d_i, d_j):
    conc = 0.
    if t_i < t_j:
        conc = (s_i < s_j) + (s_i == s_j) * 0.5
    elif t_i == t_j: 
        if d_i & d_j:
            conc = 1. - (s_i != s_j) * 0.5
        elif d_i:
            conc = (s_i < s_j) + (s_i == s_j) * 0.5  # different from RSF paper.
        elif d_j:
            conc = (s_i > s_j) + (s_i == s_j) * 0.5  # different from RSF paper.
    return conc * _is_comparable(t_i, t_j, d_i, d_j)

@numba.jit(nopython=True)
def _is_concordant_antolini(s_i, s_j, t_i, t_j, d_i, d_j):
    return (s_i < s_j) & _is_comparable_antolini(t_i, t_j, d_i, d_j)

@numba.jit(nopython=True, parallel=True)
def _sum_comparable(t, d, is_comparable_func):
    n = t.shape[0]
    count = 0.
    for i in numba.prange(n):
        for j in range(n):
            if j != i:
                count += is_comparable_func(t[i], t[j], d[i], d[j])
    return count

@numba.jit(nopython=True, parallel=True)
def _sum_concordant(s, t, d):
    n = len(t)
    count = 0.
    for i in numba.prange(n):
        for j in range(n):
            if j != i:
                count += _is_concordant(s[i, i], s[i, j], t[i], t[j], d[i], d[j])
    return count

@numba.jit(nopython=True, parallel=True)
def _sum_concordant_disc(s, t, d, s_idx, is_concordant_func):
    n = len(t)
    count = 0
    for i in numba.prange(n):
        idx = s_idx[i]
        for j in range(n):
            if j != i:
                count += is_concordant_func(s[idx, i], s[idx, j], t[i], t[j], d[i], d[j])
    return count

def concordance_td(durations, events, surv, surv_idx, method='adj_antolini'):
    """Time dependent concorance index from
    Antolini, L.; Boracchi, P.; and Biganzoli, E. 2005. A timedependent discrimination
    index for survival data. Statistics in Medicine 24:3927–3944.

    If 'method' is 'antolini', the concordance from Antolini et al. is computed.
    
    If 'method' is 'adj_antolini' (default) we have made a small modifications
    for ties in predictions and event times.
    We have followed step 3. in Sec 5.1. in Random Survial Forests paper, except for the last
    point with "T_i = T_j, but not both are deaths", as that doesn't make much sense.
    See '_is_concordant'.

    Arguments:
        durations {np.array[n]} -- Event times (or censoring times.)
        events {np.array[n]} -- Event indicators (0 is censoring).
        surv {np.array[n_times, n]} -- Survival function (each row is a duration, and each col
            is an individual).
        surv_idx {np.array[n_test]} -- Mapping of survival_func s.t. 'surv_idx[i]' gives index in
            'surv' corresponding to the event time of individual 'i'.

    Keyword Arguments:
        method {str} -- Type of c-index 'antolini' or 'adj_antolini' (default {'adj_antolini'}).

    Returns:
        float -- Time dependent concordance index.
    """
    if np.isfortran(surv):
        surv = np.array(surv, order='C')
    assert durations.shape[0] == surv.shape[1] == surv_idx.shape[0] == events.shape[0]
    assert type(durations) is type(events) is type(surv) is type(surv_idx) is np.ndarray
    if events.dtype in ('float', 'float32'):
        events = events.astype('int32')
    if method == 'adj_antolini':
        is_concordant = _is_concordant
        is_comparable = _is_comparable
        return (_sum_concordant_disc(surv, durations, events, surv_idx, is_concordant) /
                _sum_comparable(durations, events, is_comparable))
    elif method == 'antolini':
        is_concordant = _is_concordant_antolini
        is_comparable = _is_comparable_antolini
        return (_sum_concordant_disc(surv, durations, events, surv_idx, is_concordant) /
                _sum_comparable(durations, events, is_comparable))
    return ValueError(f"Need 'method' to be e.g. 'antolini', got '{method}'.")

# ---- harness (not part of the program) ----
ENTRY = "_sum_concordant_disc"


def inputs():
    # 300 individuals with 3 covariates, a linear predictor, exponential
    # event times with baseline hazard 0.1 and uniform censoring (about a
    # third censored), durations rounded to 0.1 so that ties occur; the
    # survival curves S(t | x_i) = exp(-0.1 t exp(lp_i)) of a slightly
    # misspecified model on the sorted unique durations, and each
    # individual's row in that grid
    rng = np.random.default_rng(0)
    n = 300
    x = rng.normal(size=(n, 3))
    lp = x @ np.array([0.8, -0.5, 0.3])
    t_event = rng.exponential(1.0 / (0.1 * np.exp(lp)))
    t_cens = rng.uniform(0.0, 30.0, n)
    durations = np.round(np.minimum(t_event, t_cens), 1)
    events = (t_event <= t_cens).astype(np.int32)
    times = np.unique(durations)
    lp_hat = x @ np.array([0.7, -0.6, 0.2])
    surv = np.exp(-0.1 * times[:, None] * np.exp(lp_hat)[None, :])
    surv_idx = np.searchsorted(times, durations)
    return (surv, durations, events, surv_idx, _is_concordant)
