# Source: gboehl/pydsge pydsge/engine.py (at commit 0225880f)
# Licence: MIT (pydsge, setup.py: license="MIT" and classifier "License :: OSI Approved :: MIT License"; Gregor Boehl)
# Notes: the precomputation of pydsge's piecewise-linear solution of DSGE models with an occasionally binding constraint such as the zero lower bound (macroeconometrics, Boehl's method): preprocess_jit (@njit(nogil=True, cache=True)) unpacks a heterogeneous tuple of four matrices, two vectors and a float (`N, A, J, cx, b, x_bar = vals`), allocates 4-D and 5-D result arrays with np.empty and fills them by tuple assignment to two slices at once (`core_mat[aa,bb,:], core_term[aa,bb,:] = create_core(vals[:4], aa, bb)`, passing a static slice of the tuple); create_core (@njit) computes a geometric matrix series with geom_series (@njit: numpy.linalg.matrix_power in a loop, accumulated by gs_add, a tab-indented double loop over A[i][j]) and matrix powers, branching on a and b with np.eye as the fallback; create_finish (@njit) solves the expectations with numpy.linalg.inv of the left block of J @ core_mat[l, k], slices columns with [:, :dim_x] and [:, dim_x:], uses max/min of ints for the indices and returns a matrix and a vector built with @. Pasted: the module's header lines, the numpy, numpy.linalg and numba imports and its jitted functions (geom_series, gs_add, preprocess_jit, create_core, create_finish, LL_jit and boehlgorithm_jit; the last two are not called); left out: the time, scipy.linalg and `from .parser import DSGE as dsge` imports, which only the plain-Python methods preprocess and boehlgorithm use, and those two methods; the harness passes what DSGE.preprocess passes with its defaults (l_max = 4, k_max = 20): the system tuple (N, A, J, cx, b, x_bar) of a small model with 7 state variables of which 3 are forward looking: N and A stable 7 x 7 transition matrices (spectral radii 0.9 and 0.85), J = [I_3 | R] (3 x 7), the constant cx of the constrained regime, the constraint row b selecting the policy rate and x_bar = -1.0
#!/bin/python2
# -*- coding: utf-8 -*-

# directory = '/home/gboehl/repos/'
# import os, sys, importlib, time
# for i in os.listdir(directory):
    # sys.path.append(directory+i)

import numpy as np
import numpy.linalg as nl
from numba import njit

@njit(nogil=True, cache=True)
def geom_series(M, n):
    res  = np.zeros(M.shape)
    for i in range(n):
        gs_add(res,nl.matrix_power(M,i))
    return res

@njit(nogil=True, cache=True)
def gs_add(A, B):
	for i in range(len(A)):
		for j in range(len(A)):
			A[i][j] += B[i][j]

@njit(nogil=True, cache=True)
def preprocess_jit(vals, l_max, k_max):

    N, A, J, cx, b, x_bar   = vals

    dim_x, dim_y    = J.shape
    dim_v           = dim_y - dim_x

    s_max 	= l_max + k_max

    mat         = np.empty((l_max, k_max, s_max, dim_y, dim_y-dim_x))
    term        = np.empty((l_max, k_max, s_max, dim_y))
    core_mat    = np.empty((l_max, s_max, dim_y, dim_y))
    core_term   = np.empty((l_max, s_max, dim_y))

    for aa in range(l_max):
        for bb in range(s_max):
            core_mat[aa,bb,:], core_term[aa,bb,:]   = create_core(vals[:4], aa, bb)

    for ll in range(l_max):
        for ss in range(s_max):
            for kk in range(k_max):
                mat[ll,kk,ss], term[ll,kk,ss]   = create_finish(vals[:4], ll, kk, ss, core_mat, core_term)

    return mat, term


@njit(nogil=True, cache=True)
def create_core(vals, a, b):

    N, A, J, cx     = vals
    dim_x, dim_y    = J.shape

    term			= geom_series(N, b) @ cx
    if a:
        N_k 		    = nl.matrix_power(N,b)
        A_k             = nl.matrix_power(A,a)
        matrices 		= N_k @ A_k
    elif b:
        N_k 		    = nl.matrix_power(N,b)
        matrices 		= N_k
    else:
        matrices    = np.eye(dim_y)

    return matrices, term


@njit(nogil=True, cache=True)
def create_finish(vals, l, k, s, core_mat, core_term):

    N, A, J, cx     = vals
    dim_x, dim_y    = J.shape

    JN      = J @ core_mat[l,k]
    term    = J @ core_term[l,k]

    core        = -nl.inv(JN[:,:dim_x]) 

    SS_mat, SS_term     = core @ JN[:,dim_x:], core @ term

    k0 		= max(s-l, 0)
    l0 		= min(l, s)

    matrices 	= core_mat[l0,k0]
    term 		= core_term[l0,k0]

    fin_mat     = matrices[:,:dim_x] @ SS_mat + matrices[:,dim_x:]
    fin_term    = matrices[:,:dim_x] @ SS_term + term 

    return fin_mat, fin_term


@njit(nogil=True, cache=True)
def LL_jit(l, k, s, v, mat, term):

    return mat[l, k, s] @ v + term[l, k, s]


@njit(nogil=True, cache=True)
def boehlgorithm_jit(N, A, J, cx, b, x_bar, v, mat, term, max_cnt):

    dim_x, dim_y    = J.shape

    l, k 		= 0, 0
    l1, k1 		= 1, 1

    l_max   = mat.shape[0] - 1
    k_max   = mat.shape[1] - 1

    cnt     = 0
    flag    = False
    while (l, k) != (l1, k1):
        if cnt  > max_cnt:
            flag    = 1
            break
        l1, k1 		= l, k

        ## try lower l. If l is stable, loop will increment and exit
        if l: l -= 1
        while b @ LL_jit(l, k, l, v, mat, term) - x_bar > 0:
            if l >= l_max:
                l = 0
                break
            l 	+= 1

        ## if l > 0, then x > x_bar. If not, set l = 0
        if l and k:
            if b @ LL_jit(l, k, 0, v, mat, term) - x_bar < 0: 
                l   = 0

        ## if l is stable, loop over k
        if (l) == (l1):
            if k: k -= 1
            while b @ LL_jit(l, k, l+k, v, mat, term) - x_bar < 0: 
                k +=1
                if k >= k_max:
                    flag    = 2
                    break
        cnt += 1

    ## if there is no convergence, abstract form l > 0
    if flag:
        k   = 0
        while b @ LL_jit(l, k, l+k, v, mat, term) - x_bar < 0: 
            k +=1
            if k >= k_max:
                flag    = 2
                break

    if not k: l = 1
    v_new 	= LL_jit(l, k, 1, v, mat, term)[dim_x:]
    if k > 13:
        print(k)

    return v_new, (l, k), flag
# ---- harness (not part of the program) ----
ENTRY = "preprocess_jit"


def inputs():
    # a 7-variable system, 3 of them forward looking; N the unconstrained
    # and A the constrained-regime transition (stable), J = [I | R]
    rng = np.random.default_rng(0)
    dim_x, dim_y = 3, 7
    M = rng.normal(size=(dim_y, dim_y))
    N = 0.9 * M / np.max(np.abs(np.linalg.eigvals(M)))
    M = rng.normal(size=(dim_y, dim_y))
    A = 0.85 * M / np.max(np.abs(np.linalg.eigvals(M)))
    J = np.hstack((np.eye(dim_x), 0.3 * rng.normal(size=(dim_x, dim_y - dim_x))))
    cx = 0.1 * rng.normal(size=dim_y)
    b = np.zeros(dim_y)
    b[dim_x] = 1.0
    x_bar = -1.0
    return (N, A, J, cx, b, x_bar), 4, 20
