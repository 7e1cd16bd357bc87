# Source: InstituteforDiseaseModeling/hpvsim hpvsim/utils.py (at commit 0087a625)
# Licence: MIT (HPVsim, LICENSE; Copyright (c) 2023-2025 Bill & Melinda Gates Foundation)
# Notes: pieces of one transmission step of HPVsim, the agent-based human papillomavirus model (epidemiology): pair_lookup marks partnerships whose p1 (or p2) is in a set of people via a boolean lookup table written with a reversed fancy index and read with a fancy gather, get_discordant_pairs2 multiplies two boolean arrays and takes .nonzero()[0] to find infected-susceptible partnerships, isin builds a reflected set from an index array and fills a boolean array under nb.prange, findinds calls it, unique replaces np.unique(return_counts=True) by np.bincount(arr.ravel()) and np.flatnonzero, update_immunity steps waning immunity with 2-D column fancy indexing t_imm_event[:, inds], .ravel(), a gather from the kinetics table reshaped back and an assignment imm[:, inds] = ..., and find_contacts collects the partners of a set of people into a set (returned as a reflected set); decorators @nb.njit(cache=cache, parallel=safe_parallel) and @nb.njit(cache=cache). Pasted: the imports numba and numpy and the functions pair_lookup, unique, isin, findinds, get_discordant_pairs2, update_immunity, find_contacts verbatim; the module's option lines (safe_parallel from hpo.numba_parallel, cache = hpo.numba_cache, via `from .settings import options as hpo`) are replaced by HPVsim's defaults, safe_parallel = False and cache = True; left out: the other utilities (those drawing random numbers inside jitted code, those using hpvsim.defaults dtypes, and the Python prognosis/partnership code); the harness builds 300 partnerships among 200 people, infected and susceptible index sets, 2 genotypes x 200 immunity arrays with boost times and a 60-step waning kinetics table, and returns the discordant partnership indices, the unique infected-partner counts, findinds of the infected, the updated immunity (imm is also written in place) and the sorted contacts of 10 people
import numba as nb # For faster computations
import numpy as np # For numerics

safe_parallel = False
cache = True


@nb.njit(cache=cache,parallel=safe_parallel)
def pair_lookup(contacts_array, people_inds, n):
    lookup = np.full(n, False)
    lookup[people_inds[::-1]] = True
    res_val = lookup[contacts_array]
    return res_val


@nb.njit(cache=cache, parallel=safe_parallel)
def unique(arr):
    '''
    Find the unique elements and counts in an array.
    Equivalent to np.unique(return_counts=True) but ~5x faster, and
    only works for arrays of positive integers.
    '''
    counts = np.bincount(arr.ravel())
    unique = np.flatnonzero(counts)
    counts = counts[unique]
    return unique, counts


@nb.njit(cache=cache, parallel=safe_parallel)
def isin( arr,      search_inds):
    ''' Find search_inds in arr. Like np.isin() but faster '''
    n = len(arr)
    result = np.full(n, False)
    set_search_inds = set(search_inds)
    for i in nb.prange(n):
        if arr[i] in set_search_inds:
            result[i] = True
    return result


@nb.njit(cache=cache, parallel=safe_parallel)
def findinds(arr,       vals):
    ''' Finds indices of vals in arr, accounting for repeats '''
    return isin(arr,vals).nonzero()[0]


@nb.njit(cache=cache, parallel=safe_parallel)
def get_discordant_pairs2(p1_inf_inds,  p2_sus_inds,    p1,       p2,       n):
    '''
    Construct discordant partnerships
    '''
    p1_source_pships    = pair_lookup(p1, p1_inf_inds, n) # Pull out the indices of partnerships in which p1 is infected
    p2_sus_pships       = pair_lookup(p2, p2_sus_inds, n) # ... pull out the indices of partnerships in which p2 is susceptible
    p1_source_pships    = p1_source_pships * p2_sus_pships # Remove partnerships where both partners have an infection with the same genotype
    p1_source_inds      = p1_source_pships.nonzero()[0] # Indices of partnerships where the p1 has an infection and p2 is susceptible
    return p1_source_inds


@nb.njit(cache=cache)
def update_immunity(imm,            t,      t_imm_event, inds,      imm_kin,    peak_imm):
    '''
    Step immunity levels forward in time
    '''
    ss              = t_imm_event[:, inds].shape
    t_since_boost   = (t - t_imm_event[:,inds]).ravel()
    current_imm     = imm_kin[t_since_boost].reshape(ss) # Get people's current level of immunity
    imm[:,inds]     = current_imm*peak_imm[:,inds] # Set immunity relative to peak
    return imm


@nb.njit(cache=cache)
def find_contacts(p1, p2, inds): # pragma: no cover
    """
    Numba for Layer.find_contacts()

    A set is returned here rather than a sorted array so that custom tracing interventions can efficiently
    add extra people. For a version with sorting by default, see Layer.find_contacts(). Indices must be
    an int64 array since this is what's returned by true() etc. functions by default.
    """
    pairing_partners = set()
    inds = set(inds)
    for i in range(len(p1)):
        if p1[i] in inds:
            pairing_partners.add(p2[i])
        if p2[i] in inds:
            pairing_partners.add(p1[i])
    return pairing_partners
# ---- harness (not part of the program) ----
ENTRY = "transmission_step"


def transmission_step(p1, p2, inf_inds, sus_inds, n, imm, t, t_imm_event, imm_kin, peak_imm, trace_inds):
    pships = get_discordant_pairs2(inf_inds, sus_inds, p1, p2, n)
    u, c = unique(p1[pships])
    found = findinds(p1, inf_inds)
    imm_out = update_immunity(imm, t, t_imm_event, inf_inds, imm_kin, peak_imm)
    contacts = sorted(int(v) for v in find_contacts(p1, p2, trace_inds))
    return pships, u, c, found, imm_out, np.array(contacts)


def inputs():
    # 200 people, 300 partnerships (int64 indices), 60 infected and 90 susceptible people, 2 genotypes of immunity
    rng = np.random.default_rng(0)
    n = 200
    p1 = rng.integers(0, n, 300)
    p2 = rng.integers(0, n, 300)
    perm = rng.permutation(n)
    inf_inds = np.sort(perm[:60])
    sus_inds = np.sort(perm[60:150])
    imm = np.zeros((2, n))
    t = 50
    t_imm_event = rng.integers(0, 50, size=(2, n))
    imm_kin = np.exp(-np.arange(60) / 20.0)
    peak_imm = rng.uniform(0.2, 1.0, size=(2, n))
    trace_inds = np.sort(perm[150:160])
    return (p1, p2, inf_inds, sus_inds, n, imm, t, t_imm_event, imm_kin, peak_imm, trace_inds)
