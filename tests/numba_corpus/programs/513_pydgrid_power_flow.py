# Source: pydgrid/pydgrid pydgrid/pf.py (at commit 1a3df7ce)
# Licence: MIT (pydgrid, COPYING; Copyright (c) 2016-2018 Juan Manuel Mauricio)
# Notes: unbalanced three-phase four-wire power flow of low-voltage distribution grids with daily load profiles (power systems): pf_eval (@numba.jit(nopython=True, cache=True, nogil=True), defaulted ig/max_iter) reads every network matrix and load table as a field of one record of a NumPy structured array (params[ig].Y_vv, .inv_Y_ii, .pq_3pn_int, ...), then iterates a fixed-point current-injection power flow: complex load currents conj(S / V) scattered with fancy indices taken from integer rows (pq_3pn_int[it][0:3]), the neutral current as minus their sum, and a solve by the precomputed inverse (pf_solver 1) or a hand-written sparse LU forward/back substitution on record fields accessed by string (struct[0]['L_indptr'], lu_sparse_solve / lu_sparse_solve2), stopping on np.linalg.norm(..., np.inf); it writes the node voltages and currents back into the record's subarrays and the iteration count into a scalar field (params[ig].iters = iteration); set_load_factor (@numba.jit) scales the loads from a second structured array of load shapes with np.argmax on a boolean column, and time_serie (@numba.jit(nopython=True, parallel=False)) runs the power flow for every time step. Pasted: the whole module less its __main__ demo; the harness builds, as pydgrid's grid class does from a JSON description, the params_pf record for a 6-bus radial 400 V feeder (slack bus a/b/c/n nodes known, 20 unknown nodes, 4x4 line impedance matrices, 10-ohm neutral groundings, five unbalanced 3-phase 4-wire loads (4-15 kW per phase, as negative injections), no other load kinds), with inv_Y_ii from np.linalg.inv and an unpivoted natural-order sparse LU of Y_ii (scipy splu) in CSR form, and a params_lshapes record of hourly load factors, then runs a 24-hour time series with the inverse solver and one power flow with the sparse LU solver
# -*- coding: utf-8 -*-
"""
Created on Mon Mar 27 11:41:44 2017

@author: jmmauricio
"""

import numpy as np
import numba

'''

Calculando inversa deY_ii, usando producto en pf.py
Y_primitive 2.7596044540405273
Y_primitive 0.002088785171508789
Ys calc 0.24035334587097168
inv_Y_ii 7.129778146743774
sys1.read() 10.854152202606201
sys1.pf() 0.5933837890625
'''


@numba.jit(nopython=True, cache=True,nogil=True)
def pf_eval(params,ig=0,max_iter=50):
    '''
    
    
    '''
    Y_vv =  params[ig].Y_vv
    inv_Y_ii = params[ig].inv_Y_ii
    #Y_ii = params[ig].Y_ii
    Y_iv =  params[ig].Y_iv
    N_v = params[ig].N_nodes_v
    N_i = params[ig].N_nodes_i
    N_nz_nodes = params[ig].N_nz_nodes
    pf_solver = params[ig].pf_solver
    
    N_pq_3pn  = params[ig].N_pq_3pn
    pq_3pn_int = params[ig].pq_3pn_int
    pq_3pn     = params[ig].pq_3pn
    N_pq_3p  = params[ig].N_pq_3p
    pq_3p_int = params[ig].pq_3p_int
    pq_3p     = params[ig].pq_3p
    N_pq_1p  = params[ig].N_pq_1p
    pq_1p_int = params[ig].pq_1p_int
    pq_1p     = params[ig].pq_1p
    N_pq_1pn  = params[ig].N_pq_1pn
    pq_1pn_int = params[ig].pq_1pn_int
    pq_1pn     = params[ig].pq_1pn
    
    N_gfeeds = params[ig].N_gfeeds
    gfeed_bus_nodes = params[ig].gfeed_bus_nodes
    gfeed_currents = params[ig].gfeed_currents
    gfeed_powers = params[ig].gfeed_powers
    gfeed_i_abcn  = params[ig].gfeed_i_abcn


    V_node = params[ig].V_node
    I_node = params[ig].I_node
    
    V_unknown = np.copy(V_node[N_v:])
    I_known   = np.copy(I_node[N_v:])
    V_known   = np.copy(V_node[0:N_v])
    
    Y_vi =  Y_iv.T
    V_unknown_0 = V_unknown
    
    #print(np.abs(V_unknown))
    for iteration in range(max_iter):
        
        I_known   = np.copy(I_node[N_v:])*0.0
        
        if N_pq_3pn > 0:
            for it in range(pq_3pn_int.shape[0]):
               
                V_abc_n = V_unknown[pq_3pn_int[it][0:3],0] -  V_unknown[pq_3pn_int[it][3],0]
                S_abc_3 = pq_3pn[it,:]
               
                I_known[pq_3pn_int[it][0:3],0] += np.conj(S_abc_3/V_abc_n)
                I_known[pq_3pn_int[it][3],0]   +=  -np.sum(I_known[pq_3pn_int[it][0:3],0])
                
        if N_pq_3p > 0:        
            for it in range(pq_3p_int.shape[0]):
                
                V_abc = V_unknown[pq_3p_int[it],0]
                S_abc_1 = pq_3p[it,0]
               
                I_known[pq_3p_int[it],0] += np.conj(S_abc_1/V_abc)
                #I_known[pq_3p_int[it][0],0] =  -np.sum(I_known[pq_3p_int[it][0:3],0])

        if N_pq_1p > 0:
             
            for it in range(pq_1p_int.shape[0]):
                
                V_abc = V_unknown[pq_1p_int[it],0]
                S_abc = pq_1p[it,:]
               
                I_known[pq_1p_int[it],0] += np.conj(S_abc/V_abc)
                #I_known[pq_3p_int[it][0],0] =  -np.sum(I_known[pq_3p_int[it][0:3],0])           
 
        if N_pq_1pn > 0:
             
            for it in range(pq_1pn_int.shape[0]):
                
                V_ph = V_unknown[pq_1pn_int[it][0],0]
                V_n  = V_unknown[pq_1pn_int[it][1],0]
                S_pn = pq_1pn[it,0]
               
                I_pn = np.conj(S_pn/(V_ph-V_n))
                
                I_known[pq_1pn_int[it][0],0] +=  I_pn
                I_known[pq_1pn_int[it][1],0] += -I_pn  

        if N_gfeeds > 0:

            for it in range(gfeed_bus_nodes.shape[0]):
               
                V_abc = V_unknown[gfeed_bus_nodes[it][0:3],0]
                
                S_abc_gf = gfeed_powers[it,0:3]
#                print(S_abc_gf)
                I_abc_pq = np.conj(S_abc_gf/V_abc)
                I_abc_ir = gfeed_currents[it,0:3]*np.exp(1j*np.angle(V_abc))
                
                I_abc = I_abc_pq + I_abc_ir + gfeed_i_abcn[it,0:3]
                
#                print(abs(I_abc))
               
                I_known[gfeed_bus_nodes[it][0:3],0] += I_abc
                I_known[gfeed_bus_nodes[it][3],0] +=  -np.sum(I_abc) + gfeed_i_abcn[it,3]
                
   
    
        I_aux = ( I_known - Y_iv @ V_known)    
        if pf_solver == 1:
            V_unknown = inv_Y_ii[:,0:N_nz_nodes] @ I_aux[0:N_nz_nodes,:]
        if pf_solver == 2:            
            V_unknown = lu_sparse_solve(params,I_aux)
        if pf_solver == 3:  # not working          
            V_unknown = lu_sparse_solve2(params,I_aux,N_nz_nodes)
        #V_unknown = inv_Y_ii  @ I_aux 
        #V_unknown = np.linalg.solve(Y_ii, I_known - Y_iv @ V_known)
        
        if np.linalg.norm(V_unknown - V_unknown_0,np.inf) <1.0e-10: break
        V_unknown_0 = V_unknown

    I_unknown =Y_vv @ V_known + Y_vi @ V_unknown
    
    V_node[0:N_v,:] = V_known 
    V_node[N_v:,:]  = V_unknown 

    I_node[0:N_v,:] = I_unknown 
    I_node[N_v:,:]  = I_known 
    
    params[ig].iters = iteration
        
    return V_node,I_node


@numba.jit(nopython=True, cache=True, nogil=True)
def lu_sparse_solve(struct,b_original):
    '''
    Pc @ lu_sparse_solve_2(stru,Pr @ b)
    '''
    b = b_original[struct[0]['perm_r']]
    L_indptr = struct[0]['L_indptr']
    L_indices = struct[0]['L_indices']
    L_data = struct[0]['L_data']   
    U_indptr = struct[0]['U_indptr']
    U_indices = struct[0]['U_indices']
    U_data = struct[0]['U_data']  
    
    y = np.zeros(b.shape, dtype=np.complex128)
    x = np.zeros(b.shape, dtype=np.complex128)

    N = b.shape[0]
    for i in range(N):
        if i == 0:
            y[0,0] = b[0,0]/L_data[0]
        if i>0:
            j = L_indptr[i]
            k = L_indptr[i+1]
            sumatoria = L_data[j:k] @ y[L_indices[j:k],0]
            y[i,0] = (b[i,0] - sumatoria) 

    for i in range(N):
        if i == 0:
            j = U_indptr[N-1]
            x[N-1,0] = y[N-1,0]/U_data[-1]
        if i>0:
            ii = N-i-1
            j = U_indptr[ii]
            k = U_indptr[ii+1]
            sumatoria = U_data[j:k] @ x[U_indices[j:k],0]
            x[ii,0] = (y[ii,0] - sumatoria) / U_data[j]
            
    return x[struct[0]['perm_c']]

@numba.jit(nopython=True, cache=True, nogil=True)
def lu_sparse_solve2(struct,b_original,N_nz_nodes):
    '''
    Pc @ lu_sparse_solve_2(stru,Pr @ b)
    '''
    b = b_original[struct[0]['perm_r']]
    L_indptr = struct[0]['L_indptr']
    L_indices = struct[0]['L_indices']
    L_data = struct[0]['L_data']   
    U_indptr = struct[0]['U_indptr']
    U_indices = struct[0]['U_indices']
    U_data = struct[0]['U_data']  
    
    y = np.zeros(b.shape, dtype=np.complex128)
    x = np.zeros(b.shape, dtype=np.complex128)

    N = b.shape[0]
    for i in range(N_nz_nodes+1):
        if i == 0:
            y[0,0] = b[0,0]/L_data[0]
        if i>0:
            j = L_indptr[i]
            k = L_indptr[i+1]
            sumatoria = L_data[j:k] @ y[L_indices[j:k],0]
            y[i,0] = (b[i,0] - sumatoria) 

    for i in range(N):
        if i == 0:
            j = U_indptr[N-1]
            x[N-1,0] = y[N-1,0]/U_data[-1]
        if i>0:
            ii = N-i-1
            j = U_indptr[ii]
            k = U_indptr[ii+1]
            sumatoria = U_data[j:k] @ x[U_indices[j:k],0]
            x[ii,0] = (y[ii,0] - sumatoria) / U_data[j]
            
    return x[struct[0]['perm_c']]

@numba.jit(nopython=True, cache=True)
def set_load_factor(t,params_pf,params_lshapes,ig=0):
    interp = 0
    for it in range(params_lshapes[ig].N_loads):
        time_idx = np.argmax(params_lshapes[ig].time[:,it]>t)
        #params_pf[ig]['pq_1p'][it]  = params_pf[ig]['pq_1p_0'][it]  * params_lshapes[ig].shapes[it,time_idx] 
        factor = params_lshapes[ig].shapes[time_idx,it]
        if time_idx>0:
            factor_1 = params_lshapes[ig].shapes[time_idx-1,it]
            factor_2 = params_lshapes[ig].shapes[time_idx,it]
            time_1   = params_lshapes[ig].time[time_idx-1,it]
            time_2   = params_lshapes[ig].time[time_idx,it]
            if interp == 1:
                factor = (factor_2-factor_1)/(time_2-time_1)*(t-time_1)+factor_1
            if interp == 0:
                factor = factor_1
        if params_pf[ig]['N_pq_3pn'] > 0:
            params_pf[ig]['pq_3pn'][it] = params_pf[ig]['pq_3pn_0'][it] * factor
        if params_pf[ig]['N_pq_3p'] > 0:            
            params_pf[ig]['pq_3p'][it] = params_pf[ig]['pq_3p_0'][it] * factor
        if params_pf[ig]['N_pq_1p'] > 0:            
            params_pf[ig]['pq_1p'][it] = params_pf[ig]['pq_1p_0'][it] * factor
        if params_pf[ig]['N_pq_1pn'] > 0:            
            params_pf[ig]['pq_1pn'][it] = params_pf[ig]['pq_1pn_0'][it] * factor


@numba.jit(nopython=True, parallel=False)
def time_serie(t_ini,t_end,Dt,params_pf,params_lshapes):
    ig = 0
    N_times = int(np.ceil(t_end-t_ini)/Dt)
    N_v = params_pf[ig].N_nodes_v
    N_i = params_pf[ig].N_nodes_i
    N_nodes = int(N_v + N_i)
    T = np.zeros((N_times,1), dtype=np.float64)
    V_nodes = np.zeros((N_times,N_nodes), dtype=np.complex128)
    I_nodes = np.zeros((N_times,N_nodes), dtype=np.complex128)
    Iters = np.zeros((N_times,1), dtype=np.int32)    
#    I_lines = self.Y_primitive_sp @ self.A_sp.T @ self.V_results
    for it in range(N_times):    
#    for it in numba.prange(N_times):

        t=it*Dt
        set_load_factor(t,params_pf,params_lshapes,ig=0) 
        V_node,I_node = pf_eval(params_pf,ig=0,max_iter=50)
        T[it,:] = t
        V_nodes[it,:] = V_node[:,0]
        I_nodes[it,:] = I_node[:,0]
        Iters[it,:] = params_pf[0].iters
    return T,V_nodes,I_nodes,Iters
# ---- harness (not part of the program) ----
ENTRY = "run_grid"


def _build(pf_solver):
    import scipy.sparse as sp
    from scipy.sparse.linalg import splu
    n_bus = 6
    N_v, N_i = 4, 20
    N = N_v + N_i
    Z = np.full((4, 4), 0.012j) + np.diag(np.full(4, 0.03 + 0.022j))   # 100 m of cable, ohm
    Yp = np.linalg.inv(Z)
    Y = np.zeros((N, N), dtype=np.complex128)
    for k in range(1, n_bus):
        a = np.arange(4 * (k - 1), 4 * k)
        b = np.arange(4 * k, 4 * k + 4)
        Y[np.ix_(a, a)] += Yp
        Y[np.ix_(b, b)] += Yp
        Y[np.ix_(a, b)] -= Yp
        Y[np.ix_(b, a)] -= Yp
        Y[4 * k + 3, 4 * k + 3] += 1.0 / 10.0
    Y_vv = Y[:N_v, :N_v]
    Y_iv = Y[N_v:, :N_v]
    Y_ii = Y[N_v:, N_v:]
    lu = splu(sp.csc_matrix(Y_ii), permc_spec='NATURAL', diag_pivot_thresh=0.0,
              options=dict(SymmetricMode=True))
    L = lu.L.tocsr(); L.sort_indices()
    U = lu.U.tocsr(); U.sort_indices()
    n_loads = 5
    pq_3pn_int = np.array([[4 * (k - 1) + 0, 4 * (k - 1) + 1, 4 * (k - 1) + 2, 4 * (k - 1) + 3]
                           for k in range(1, n_bus)], dtype=np.int32)
    rng = np.random.default_rng(0)
    # consumption enters as a negative power injection
    pq = -(rng.uniform(4e3, 15e3, (n_loads, 3)) + 1j * rng.uniform(0.5e3, 4e3, (n_loads, 3)))
    dt = np.dtype([
        ('Y_vv', np.complex128, (N_v, N_v)), ('inv_Y_ii', np.complex128, (N_i, N_i)),
        ('Y_iv', np.complex128, (N_i, N_v)), ('N_nodes_v', np.int32), ('N_nodes_i', np.int32),
        ('N_nz_nodes', np.int32), ('pf_solver', np.int32),
        ('N_pq_3pn', np.int32), ('pq_3pn_int', np.int32, (n_loads, 4)),
        ('pq_3pn', np.complex128, (n_loads, 3)), ('pq_3pn_0', np.complex128, (n_loads, 3)),
        ('N_pq_3p', np.int32), ('pq_3p_int', np.int32, (1, 3)),
        ('pq_3p', np.complex128, (1, 3)), ('pq_3p_0', np.complex128, (1, 3)),
        ('N_pq_1p', np.int32), ('pq_1p_int', np.int32, (1, 2)),
        ('pq_1p', np.complex128, (1, 2)), ('pq_1p_0', np.complex128, (1, 2)),
        ('N_pq_1pn', np.int32), ('pq_1pn_int', np.int32, (1, 2)),
        ('pq_1pn', np.complex128, (1, 1)), ('pq_1pn_0', np.complex128, (1, 1)),
        ('N_gfeeds', np.int32), ('gfeed_bus_nodes', np.int32, (1, 4)),
        ('gfeed_currents', np.float64, (1, 4)), ('gfeed_powers', np.complex128, (1, 4)),
        ('gfeed_i_abcn', np.complex128, (1, 4)),
        ('V_node', np.complex128, (N, 1)), ('I_node', np.complex128, (N, 1)), ('iters', np.int32),
        ('perm_r', np.int32, (N_i,)), ('perm_c', np.int32, (N_i,)),
        ('L_indptr', np.int32, (L.indptr.size,)), ('L_indices', np.int32, (L.indices.size,)),
        ('L_data', np.complex128, (L.data.size,)),
        ('U_indptr', np.int32, (U.indptr.size,)), ('U_indices', np.int32, (U.indices.size,)),
        ('U_data', np.complex128, (U.data.size,)),
    ])
    p = np.zeros(1, dtype=dt)
    p[0]['Y_vv'] = Y_vv
    p[0]['inv_Y_ii'] = np.linalg.inv(Y_ii)
    p[0]['Y_iv'] = Y_iv
    p[0]['N_nodes_v'] = N_v
    p[0]['N_nodes_i'] = N_i
    p[0]['N_nz_nodes'] = N_i
    p[0]['pf_solver'] = pf_solver
    p[0]['N_pq_3pn'] = n_loads
    p[0]['pq_3pn_int'] = pq_3pn_int
    p[0]['pq_3pn'] = pq
    p[0]['pq_3pn_0'] = pq
    v = 400.0 / np.sqrt(3)
    ph = v * np.exp(1j * np.deg2rad([0.0, -120.0, 120.0]))
    V0 = np.zeros((N, 1), dtype=np.complex128)
    for k in range(n_bus):
        V0[4 * k:4 * k + 3, 0] = ph
    p[0]['V_node'] = V0
    p[0]['perm_r'] = lu.perm_r
    p[0]['perm_c'] = lu.perm_c
    p[0]['L_indptr'] = L.indptr
    p[0]['L_indices'] = L.indices
    p[0]['L_data'] = L.data
    p[0]['U_indptr'] = U.indptr
    p[0]['U_indices'] = U.indices
    p[0]['U_data'] = U.data
    return p


def run_grid(hours, factors):
    params_pf = _build(1)
    dt_ls = np.dtype([('N_loads', np.int32), ('time', np.float64, hours.shape + (5,)),
                      ('shapes', np.float64, factors.shape)])
    params_lshapes = np.zeros(1, dtype=dt_ls)
    params_lshapes[0]['N_loads'] = 5
    params_lshapes[0]['time'] = np.repeat(hours[:, None] * 3600.0, 5, axis=1)
    params_lshapes[0]['shapes'] = factors
    T, V_nodes, I_nodes, Iters = time_serie(0.0, 24 * 3600.0, 3600.0, params_pf, params_lshapes)
    params_lu = _build(2)
    V_lu, I_lu = pf_eval(params_lu)
    return T, V_nodes, I_nodes, Iters, V_lu.copy(), I_lu.copy(), params_lu[0]['iters']


def inputs():
    rng = np.random.default_rng(1)
    hours = np.arange(1.0, 26.0)
    base = 0.5 + 0.4 * np.sin(np.pi * (hours - 7.0) / 12.0) ** 2
    factors = np.clip(base[:, None] + rng.normal(0.0, 0.08, (hours.size, 5)), 0.1, 1.2)
    return (hours, factors)
