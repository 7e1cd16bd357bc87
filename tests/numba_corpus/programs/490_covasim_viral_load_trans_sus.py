# Source: InstituteforDiseaseModeling/covasim covasim/utils.py (at commit 9e94ccda), with the dtype block of covasim/defaults.py (at commit 03a01cad)
# Licence: MIT (Covasim, LICENSE: "MIT License", Copyright (c) 2020 - 2023 Bill & Melinda Gates Foundation)
# Notes: the two deterministic per-timestep kernels of Covasim's agent-based COVID-19 model (epidemiology): compute_viral_load (eager @nb.njit signature over nbint/nbfloat arrays, cache= and parallel= from the options) computes every agent's time-varying viral load from its infectious, recovery and death dates (NaN where not set; a boolean-mask copy of time_dead into time_stop, a high-load phase capped at high_cap days, np.ones(n, dtype=cvd.default_float), bool arrays times floats), and compute_trans_sus rescales relative transmissibility and susceptibility by asymptomatic, isolation and quarantine factors (bool arrays with ~ mixed into float32 arithmetic) and immunity. Pasted: utils.py's imports and option block and the two functions (compute_infections, which draws np.random numbers, and the sampling helpers left out); `from .settings import options as cvo` and `from . import defaults as cvd` replaced by a SimpleNamespace holding Covasim's default options (precision 32, numba_parallel 'none', numba_cache True) and a module object (types.ModuleType) given the names set by the dtype block of defaults.py (float32/int32 at precision 32), pasted above the utils.py code; the harness calls compute_viral_load at day t and feeds the loads into compute_trans_sus, as People.update_states_pre/compute_infections do, for 2000 agents
import types

cvo = types.SimpleNamespace(precision=32, numba_parallel='none', numba_cache=True)

#%% Housekeeping

import numba  as nb # For faster computations
import numpy  as np # For numerics
import random # Used only for resetting the seed

cvd = types.ModuleType("covasim.defaults")

#%% Specify what data types to use

result_float = np.float64 # Always use float64 for results, for simplicity
if cvo.precision == 32:
    default_float = np.float32
    default_int   = np.int32
    nbfloat       = nb.float32
    nbint         = nb.int32
elif cvo.precision == 64: # pragma: no cover
    default_float = np.float64
    default_int   = np.int64
    nbfloat       = nb.float64
    nbint         = nb.int64
else:
    raise NotImplementedError(f'Precision must be either 32 bit or 64 bit, not {cvo.precision}')

cvd.default_float, cvd.default_int, cvd.nbfloat, cvd.nbint = default_float, default_int, nbfloat, nbint


# What functions are externally visible -- note, this gets populated in each section below
__all__ = []

# Set dtypes -- note, these cannot be changed after import since Numba functions are precompiled
nbbool  = nb.bool_
nbint   = cvd.nbint
nbfloat = cvd.nbfloat

# Specify whether to allow parallel Numba calculation -- 10% faster for safe and 20% faster for random, but the random number stream becomes nondeterministic for the latter
safe_opts = [1, '1', 'safe']
full_opts = [2, '2', 'full']
safe_parallel = cvo.numba_parallel in safe_opts + full_opts
rand_parallel = cvo.numba_parallel in full_opts
if cvo.numba_parallel not in [0, 1, 2, '0', '1', '2', 'none', 'safe', 'full']:
    errormsg = f'Numba parallel must be "none", "safe", or "full", not "{cvo.numba_parallel}"'
    raise ValueError(errormsg)
cache = cvo.numba_cache # Turning this off can help switching parallelization options


#%% The core Covasim functions -- compute the infections

@nb.njit(             (nbint, nbfloat[:], nbfloat[:],     nbfloat[:], nbfloat,   nbfloat,    nbfloat), cache=cache, parallel=safe_parallel)
def compute_viral_load(t,     time_start, time_recovered, time_dead,  frac_time, load_ratio, high_cap): # pragma: no cover
    '''
    Calculate relative transmissibility for time t. Includes time varying
    viral load, pre/asymptomatic factor, diagnosis factor, etc.

    Args:
        t: (int) timestep
        time_start: (float[]) individuals' infectious date
        time_recovered: (float[]) individuals' recovered date
        time_dead: (float[]) individuals' death date
        frac_time: (float) fraction of time in high load
        load_ratio: (float) ratio for high to low viral load
        high_cap: (float) cap on the number of days with high viral load

    Returns:
        load (float): viral load
    '''

    # Get the end date from recover or death
    n = len(time_dead)
    time_stop = np.ones(n, dtype=cvd.default_float)*time_recovered # This is needed to make a copy
    inds = ~np.isnan(time_dead)
    time_stop[inds] = time_dead[inds]

    # Calculate which individuals with be high past the cap and when it should happen
    infect_days_total = time_stop-time_start
    trans_day = frac_time*infect_days_total
    inds = trans_day > high_cap
    cap_frac = high_cap/infect_days_total[inds]

    # Get corrected time to switch from high to low
    trans_point = np.ones(n,dtype=cvd.default_float)*frac_time
    trans_point[inds] = cap_frac

    # Calculate load
    load = np.ones(n, dtype=cvd.default_float) # allocate an array of ones with the correct dtype
    early = (t-time_start)/infect_days_total < trans_point # are we in the early or late phase
    load = (load_ratio * early + load * ~early)/(load+frac_time*(load_ratio-load)) # calculate load

    return load


@nb.njit(            (nbfloat[:], nbfloat[:], nbbool[:], nbbool[:], nbfloat,    nbfloat[:], nbbool[:], nbbool[:], nbbool[:], nbfloat,      nbfloat,    nbfloat,     nbfloat[:]), cache=cache, parallel=safe_parallel)
def compute_trans_sus(rel_trans,  rel_sus,    inf,       sus,       beta_layer, viral_load, symp,      diag,      quar,      asymp_factor, iso_factor, quar_factor, immunity_factors): # pragma: no cover
    ''' Calculate relative transmissibility and susceptibility '''
    f_asymp   =  symp + ~symp * asymp_factor # Asymptomatic factor, changes e.g. [0,1] with a factor of 0.8 to [0.8,1.0]
    f_iso     = ~diag +  diag * iso_factor # Isolation factor, changes e.g. [0,1] with a factor of 0.2 to [1,0.2]
    f_quar    = ~quar +  quar * quar_factor # Quarantine, changes e.g. [0,1] with a factor of 0.5 to [1,0.5]
    rel_trans = rel_trans * inf * f_quar * f_asymp * f_iso * beta_layer * viral_load # Recalculate transmissibility
    rel_sus   = rel_sus * sus * f_quar * (1-immunity_factors) # Recalculate susceptibility
    return rel_trans, rel_sus
# ---- harness (not part of the program) ----
ENTRY = "one_step"


def one_step(t, time_start, time_recovered, time_dead, rel_trans, rel_sus,
             inf, sus, symp, diag, quar, immunity):
    # Covasim's default viral-load pars: frac_time 0.3, load_ratio 2,
    # high_cap 4; layer beta 0.3 ('h'), asymp_factor 1.0, iso_factor 0.2,
    # quar_factor 0.3
    f32 = np.float32
    load = compute_viral_load(t, time_start, time_recovered, time_dead,
                              f32(0.3), f32(2.0), f32(4.0))
    rt, rs = compute_trans_sus(rel_trans, rel_sus, inf, sus, f32(0.3), load,
                               symp, diag, quar, f32(1.0), f32(0.2), f32(0.3),
                               immunity)
    return load, rt, rs


def inputs():
    rng = np.random.default_rng(0)
    n = 2000
    t = np.int32(20)
    time_start = rng.uniform(5, 20, n).astype(np.float32)
    dur = rng.uniform(4, 20, n).astype(np.float32)
    time_recovered = (time_start + dur).astype(np.float32)
    time_dead = np.full(n, np.nan, dtype=np.float32)
    dead = rng.random(n) < 0.05
    time_dead[dead] = time_start[dead] + 0.8 * dur[dead]
    rel_trans = rng.lognormal(0.0, 0.5, n).astype(np.float32)
    rel_sus = rng.uniform(0.5, 1.5, n).astype(np.float32)
    inf = rng.random(n) < 0.3
    sus = ~inf
    symp = rng.random(n) < 0.6
    diag = rng.random(n) < 0.2
    quar = rng.random(n) < 0.1
    immunity = rng.uniform(0, 0.5, n).astype(np.float32)
    return (t, time_start, time_recovered, time_dead, rel_trans, rel_sus,
            inf, sus, symp, diag, quar, immunity)
