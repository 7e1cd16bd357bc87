# Source: CircuitCM/pyade-numba gopt/commons.py (at commit 2fd4bea2), gopt/calculations.py (at commit 35ceabcd)
# Licence: MIT (pyade-numba, LICENSE; Copyright (c) 2017 David Criado Ramón, Copyright (c) 2025 Charles Marks)
# Notes: the deterministic numba kernels of gopt, the numba rewrite of the pyade differential-evolution library. From gopt/commons.py: its imports (less `from scipy.stats._qmc import Sobol` and `import gopt.config as pcfg`, which only the left-out Sobol initialiser and a commented-out line use), the numba_comp_settings dict (fastmath, parallel, error_model='numpy') and the nb_cs / nb_pcs helpers that the decorators splat as `**nb_pcs()` / `**nb_cs()`, compile_with_fallback, keep_bounds (a flattened ps*pd loop clipping each gene with min(max(...))), keep_bounds_pl (the same as an nb.prange loop), place_bounded_vec, bounds_safe (a chained comparison counted into an np.int64), the _scaled_bc stub with its @overload(inline='always') that returns a different implementation for scale None / a number / an array, lnorm_bounds_cost and place_bounded_vec_calccost (which call it and take `None|np.ndarray|float|Any` annotated defaults), make_bounds_costscalingarray, mk_fitness_thresh_stop (a closure jitted with inline='always' over fitness_threshold_stop), fitness_threshold_stop (iteration over a float array with an early return), bin_mutate, c_to_best_2_bin_mutate and c_to_rand1_mutate (iteration over an index array), the _get_f stub with its @overload for an array or a float, and the inline _sw_out swap-undo helper. Left out of commons.py: everything that draws random numbers inside jitted code (the _get_br overload and c_to_pbest_mutate / c_to_pbestw_mutate that use it, bin_cross_init, _sw_in and the uchoice_mutator / _uchoice_loop / _uchoice_rejectsample_loop / _uchoice_nsample_loop drivers built on them, and the enforce_bounds overload that only uchoice_mutator calls), the NumPy/Sobol population initialisers and the commented-out pyade originals. From gopt/calculations.py: binary_func_search (a bisection that takes the function to zero as a jitted first-class argument plus *eval_opts and keyword-only bounds), power_fixedpop_evalmatch (a prange sum reduction of ceil(coef*i**power)*pop_size) and bestfit_powerresample_coeff, which wires them together (both pasted, but neither compiles under Numba: math.log2 is not supported in nopython mode, and the *eval_opts star-argument followed by keyword-only arguments makes Numba fold the arguments wrongly, so calling binary_func_search from Python fails with 'too many arguments' when lb/ub/max_iter are passed and with a tuple(int64) typing error at eval_func(mid,*eval_opts) when they are not; the harness therefore does not call them); its `from commons import fastround_int` import is left out (fastround_int is not in commons.py at that commit and calculations.py does not use it). The harness clips a random population against per-gene bounds both ways, computes bounds violations and L-norm bound costs with no, scalar and per-gene scaling (the scaling array from make_bounds_costscalingarray), applies the three mutation kernels to given crossover-index and parent-index arrays, undoes a recorded list of swaps with _sw_out, evaluates the fitness-threshold stop both directly and through mk_fitness_thresh_stop, and evaluates the prange objective power_fixedpop_evalmatch for a few coefficients, population sizes and powers
# ---- gopt/commons.py ----
import numpy as np
import numba as nb
from math import ceil,floor
import random as rand
from typing import Callable, Union, List, Tuple, Any
from numba import njit, types
from numba.core.extending import overload


numba_comp_settings=dict(fastmath=True,parallel=True,error_model='numpy')

def nb_cs():
    return numba_comp_settings

def nb_pcs():
    d=numba_comp_settings.copy()
    d.pop('parallel')
    return d

def compile_with_fallback(func):
    try:
        # Attempt to compile in nopython mode (njit)
        return nb.njit(**nb_cs())(func)
    except Exception as e:
        print(f"Failed to compile in nopython mode: {e}")
        # Fallback to object mode
        try:
            return nb.jit(**(nb_cs()|dict(nopython=False)))(func)
        except Exception as e:
            print(f"Failed to compile numba object mode: {e}")
            return func


@nb.njit(**nb_pcs())
def keep_bounds(population: np.ndarray,
                bounds: np.ndarray) -> np.ndarray:
    """
    Constrains the population to its proper limits.
    Any value outside its bounded ranged is clipped.
    :param population: Current population that may not be constrained.
    :type population: np.ndarray
    :param bounds: Numpy array of tuples (min, max).
                   Each tuple represents a gen of an individual.
    :type bounds: np.ndarray
    :rtype np.ndarray
    :return: Population constrained within its bounds.
    """
    ps, pd = population.shape[0], population.shape[1]
    for v in range(ps * pd):
        i = v // pd
        n = v % pd
        #Past experience has demoed this to be faster than if elif.
        population[i, n] = min(max(population[i, n], bounds[n, 0]), bounds[n, 1])
    return population

@nb.njit(**nb_cs())
def keep_bounds_pl(population: np.ndarray,
                bounds: np.ndarray) -> np.ndarray:
    ps, pd = population.shape[0], population.shape[1]
    for v in nb.prange(ps * pd):
        i = v // pd
        n = v % pd
        #Past experience has demoed this to be faster than if elif.
        population[i, n] = min(max(population[i, n], bounds[n, 0]), bounds[n, 1])
    return population

@nb.njit(**nb_pcs())
def place_bounded_vec(search_vec: np.ndarray,
                      param_vec:np.ndarray,
                bounds: np.ndarray) -> np.ndarray:
    for n in range(search_vec.shape[0]):
        param_vec[n] = min(max(search_vec[n], bounds[n, 0]), bounds[n, 1])
    return param_vec


@nb.njit(**nb_pcs())
def bounds_safe(p_vec: np.ndarray,bounds: np.ndarray):
    sb=np.int64(0)
    for v in range(p_vec.shape[0]):
        if not (bounds[v,0]<=p_vec[v]<=bounds[v,1]):
            sb+=1
    #counts how many parameters are not within bounds, as there is no other preference for infeasibles besides falling within constraints.
    #Could also turn it into lnorm_bounds_cost but the intention is to maximize parameter search within the feasible set
    #Which in turn minimizes the # of search space scalars than need to be truncated to the boundary edges in the parameter space.
    #bounds_safe count is the invariant metric comparison that should satisfy this when minimized.
    #While this is used for rejection sampling, the crossover rng is calculated only once to remove bias against searching some dimensions
    #more than others.
    return sb

#Check which is quicker
def _scaled_bc(n,pv,scale):pass
@overload(_scaled_bc,inline='always')
def _scaled_bc_(n,pv,scale):
    if isinstance(scale, types.NoneType):
        def _impl(n,pv,scale): return pv
    elif isinstance(scale, types.Number):
        def _impl(n,pv, scale):return pv*scale
    elif isinstance(scale, types.Array):
        def _impl(n,pv, scale):return pv*scale[n]
    return _impl


@nb.njit(**nb_pcs())
def lnorm_bounds_cost(population: np.ndarray,
                      bounds: np.ndarray,
                      bc: np.ndarray, #total cost for population member.
                      scale:None|np.ndarray|float|Any=True,
                      norm:float=2.): #None is
#Scale, None then unit distance, float then constant multiple, array dim dependent multiple.
#Recommended you provide a scaling array for each dimension, see examples. diff bounds will use redundant cpu cycles.
    ps, pd = population.shape[0], population.shape[1]
    bc[:]=0
    for v in range(ps * pd):
        i = v // pd
        n = v % pd
        pv=abs(population[i,n] - min(max(population[i,n], bounds[n,0]),  bounds[n,1]))
        #pv=max(0, bounds[n,0] - population[i,n]) + max(0, population[i,n] - bounds[n,1]) #see which is faster.
        bc[i] += _scaled_bc(n,pv,scale)**norm
    return bc

@nb.njit(**nb_pcs())
def place_bounded_vec_calccost(search_vec: np.ndarray,
                               param_vec:np.ndarray,
                               bounds: np.ndarray,
                               #bc: np.ndarray,  # total cost for population member.
                               scale: None | np.ndarray | float | Any = True,
                               norm: float = 2.
                               ):
    """
    Enforces bounds to parameter vector and calculates total bounds violation cost of vector like lnorm_bounds_cost, but for a vec.
    :param search_vec:
    :param param_vec:
    :param bounds:
    :param bc:
    :param scale:
    :param norm:
    :return:
    """
    bc=0.
    for n in range(search_vec.shape[0]):
        sp=search_vec[n]
        pp = min(max(sp, bounds[n, 0]), bounds[n, 1])
        bc+=_scaled_bc(n,abs(pp-sp),scale)**norm
        param_vec[n] = pp
    return bc

def make_bounds_costscalingarray(bounds:np.ndarray,p:float|np.ndarray=2.):
    if isinstance(p,float):
        scr=np.empty((bounds.shape[0],),dtype=np.float64)
        scr[:]=p
    else: scr=p
    scr/=(bounds[:,1]-bounds[:,0])
    return scr


def mk_fitness_thresh_stop(fitn:float=0.):
    if fitn is not None:
        #hopefully...
        @nb.njit(inline='always')
        def f(population,fitness):
            return fitness_threshold_stop(population,fitness,fitn)
        return f
    return None

@nb.njit(**nb_pcs())
def fitness_threshold_stop(population:np.ndarray,fitness:np.ndarray,stopt:float=0.):
    for i in fitness:
        if i<stopt:
            return True
    return False


@nb.njit(**nb_pcs())
def bin_mutate(crr:np.ndarray, ci:np.int64, m_pop: np.ndarray, pop: np.ndarray, idx:np.ndarray, f):
    for i in crr:
        m_pop[i]=f * (pop[idx[0],i] - pop[idx[1],i]) + pop[idx[2],i]


@nb.njit(**nb_pcs())
def c_to_best_2_bin_mutate(crr:np.ndarray, ci:np.int64, m_pop_vec: np.ndarray, pop: np.ndarray, idx:np.ndarray, b_idx, f):
    """
    Calculates the mutation of a vector based on the
    "current to best/2/bin" mutation. This is
    V_{i, G} = X_{i, G} + F * (X_{best, G} - X_{i, G} + F * (X_{r1. G} - X_{r2, G}
    Also includes binary crossover.
    """
    for i in crr:
        # uniform first seems to be quicker than checking, so in theory only quicker to switch conditional check order if cr<1/n... which is rare for high dim.
        m_pop_vec[i]=pop[ci,i] + f * (pop[b_idx,i] - pop[ci,i]) + f * (pop[idx[0],i] - pop[idx[1],i])


def _get_f(ci, f):pass
@overload(_get_f)
def _get_f_(ci, f):
    if isinstance(f, types.Array):
        def _impl(ci, f): return f[ci]
    elif isinstance(f, types.Float):
        def _impl(ci, f): return f
    else:
        raise TypeError("Unsupported type for f in _get_f")
    return _impl


@nb.njit(**nb_pcs())
def c_to_rand1_mutate(crr:np.ndarray, ci:np.int64, m_pop_vec: np.ndarray, pop: np.ndarray, idx:np.ndarray, f:np.ndarray, k:np.ndarray):
    """
    Calculates the mutation of a vector based on the
    "current to rand/1" mutation. crr are the crossover indexes, m_pop_vec is already inited with pop.
    U_{i, G} = X_{i, G} + K * (X_{r1, G} - X_{i, G} + F * (X_{r2. G} - X_{r3, G}
    """
    for i in crr:
        m_pop_vec[i]=pop[ci,i]+ k[ci] * (pop[idx[0],i] - pop[ci,i]) + f[ci] * (pop[idx[1],i] - pop[idx[2],i])


@nb.njit(inline='always')
def _sw_out(n_shuffles, _idx, tid, _s_mem):
    for i in range(n_shuffles - 1, -1, -1):
        x, y = _s_mem[i, 0], _s_mem[i, 1]
        tmp = _idx[tid, x]
        _idx[tid, x] = _idx[tid, y]
        _idx[tid, y] = tmp

# ---- gopt/calculations.py ----
from math import ceil,log2


@nb.njit(fastmath=True,parallel=True,error_model='numpy')
def binary_func_search(eval_func,*eval_opts,lb=0.,ub=1.,max_iter=25):
    """ Assume vector is already bounded by the same constraints.
    lb=[0, #_l where D*#_l <=1) and ub=[ #_u > #_l,  #_u <= D*#_l )"""
    low_lam, high_lam = lb, ub
    mid=0.
    for i in range(max_iter):
        mid = 0.5*(low_lam+high_lam)
        s = eval_func(mid,*eval_opts)
        if s>0: high_lam=mid
        elif s<0: low_lam=mid
        else:
            print('Completed prematurely in ', i, 'bisections')
            break
    return mid

@nb.njit(fastmath=True,parallel=True,error_model='numpy')
def power_fixedpop_evalmatch(coef,pop_size,generations,eval_target,power=3.):

    finsum=nb.int64(0)
    for i in nb.prange(1,generations+1):
        finsum+=ceil(coef*(i**power))*pop_size #min evals is pop_size, then increases by it's multiple from there.
    return finsum-eval_target

@nb.njit(fastmath=True,parallel=True,error_model='numpy')
def bestfit_powerresample_coeff(pop_size,generations,eval_target,power=3.):
    """When coef returned: ceil(coef*(current_generation**power)) is the # of times you want to resample your stochastic fitness function."""
    #There sb a
    itr=ceil(log2(generations)*4)
    return binary_func_search(power_fixedpop_evalmatch,pop_size,generations,eval_target,power,lb=0.,ub=1./generations,max_iter=itr)


# ---- harness (not part of the program) ----
ENTRY = "de_commons"


def de_commons(pop, bounds, crr, idx, swaps, fvec, kvec, fitness):
    p1 = keep_bounds(pop.copy(), bounds)
    p2 = keep_bounds_pl(pop.copy(), bounds)
    param = place_bounded_vec(pop[0], np.zeros(pop.shape[1]), bounds)
    safe = np.array([bounds_safe(pop[i], bounds) for i in range(pop.shape[0])])
    safe_after = bounds_safe(p1[1], bounds)
    bc = np.empty(pop.shape[0])
    c_none = lnorm_bounds_cost(pop, bounds, bc.copy(), None, 2.).copy()
    c_scal = lnorm_bounds_cost(pop, bounds, bc.copy(), 0.5, 1.).copy()
    scr = make_bounds_costscalingarray(bounds, 2.)
    c_arr = lnorm_bounds_cost(pop, bounds, bc.copy(), scr, 2.).copy()
    pv = np.zeros(pop.shape[1])
    vc1 = place_bounded_vec_calccost(pop[2], pv, bounds, scr, 2.)
    pv2 = pv.copy()
    vc2 = place_bounded_vec_calccost(pop[3], pv, bounds, None, 1.)
    m1 = pop[4].copy()
    bin_mutate(crr, 4, m1, pop, idx, 0.7)
    m2 = pop[5].copy()
    c_to_best_2_bin_mutate(crr, 5, m2, pop, idx, 1, 0.6)
    m3 = pop[6].copy()
    c_to_rand1_mutate(crr, 6, m3, pop, idx, fvec, kvec)
    perm = np.tile(np.arange(pop.shape[0]), (2, 1))
    for i in range(swaps.shape[0]):
        a, b = swaps[i]
        perm[1, a], perm[1, b] = perm[1, b], perm[1, a]
    _sw_out(swaps.shape[0], perm, 1, swaps)
    stop_lo = fitness_threshold_stop(pop, fitness, 0.)
    stop_hi = fitness_threshold_stop(pop, fitness, 0.5)
    fstop = mk_fitness_thresh_stop(0.25)
    stop_mk = fstop(pop, fitness)
    # binary_func_search / bestfit_powerresample_coeff do not compile under
    # Numba (see Notes), so only the prange objective is evaluated
    resid = np.array([power_fixedpop_evalmatch(c, 20, 50, 100000)
                      for c in (0.0, 1e-4, 5e-4, 2e-3)], dtype=np.int64)
    resid2 = power_fixedpop_evalmatch(0.003, 16, 200, 4000000, 2.)
    return (p1, p2, param, safe, safe_after, c_none, c_scal, scr, c_arr,
            vc1, pv2, vc2, pv, m1, m2, m3, perm, stop_lo, stop_hi, stop_mk,
            resid, resid2)


def inputs():
    rng = np.random.default_rng(0)
    npop, nd = 12, 6
    bounds = np.empty((nd, 2))
    bounds[:, 0] = -1.0 - rng.random(nd)
    bounds[:, 1] = 1.0 + rng.random(nd)
    pop = rng.normal(0.0, 1.6, size=(npop, nd))
    crr = np.array([0, 2, 3, 5], dtype=np.int64)
    idx = np.array([7, 9, 2], dtype=np.int64)
    swaps = np.array([[0, 5], [1, 8], [2, 11], [3, 3]], dtype=np.int64)
    fvec = rng.uniform(0.3, 0.9, npop)
    kvec = rng.uniform(0.1, 0.5, npop)
    fitness = rng.uniform(0.1, 2.0, npop)
    return (pop, bounds, crr, idx, swaps, fvec, kvec, fitness)
