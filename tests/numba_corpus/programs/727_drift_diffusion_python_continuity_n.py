# Source: tgolubev/Drift-Diffusion_Python continuity_n.py (at commit 2f8f41e5)
# Licence: MIT (LICENSE; Copyright (c) 2018 Timofey Golubev)
# Notes: verbatim except `import constants as const` (the project's constants module); the harness defines `const.Vt` (thermal voltage) in its place. The @jit methods take `self` and fall back to object mode in Numba; bernoulli_fnc_n compiles in nopython mode.
# -*- coding: utf-8 -*-
"""
Created on Fri Oct 19, 2018

@author: Tim
"""

import numpy as np, math
from numba import jit

class Continuity_n():
    
    def __init__(self, params):

        num_cell = params.num_cell
                
        # setup the arrays
        self.n_mob = (params.n_mob_active/params.mobil)*np.ones(num_cell+1)
        self.B_n1 =  np.zeros(num_cell+1)
        self.B_n2 =  np.zeros(num_cell+1)
                
        self.main_diag = np.zeros(num_cell)
        self.upper_diag = np.zeros(num_cell-1)
        self.lower_diag = np.zeros(num_cell-1)
        self.rhs =  np.zeros(num_cell)
                
        self.Cn = params.dx*params.dx/(const.Vt*params.N*params.mobil)
        self.n_leftBC = (params.N_LUMO*math.exp(-(params.E_gap - params.phi_a)/const.Vt))/params.N #this is anode
        self.n_rightBC = (params.N_LUMO*math.exp(-params.phi_c/const.Vt))/params.N
        

    # ----------------------------------------------------------------------------   
    @jit
    def set_main_diag(self, main_diag, n_mob, B_n1, B_n2):
            
        for i in range(1, len(main_diag)):
            main_diag[i] = -(n_mob[i]*B_n1[i] + n_mob[i+1]*B_n2[i+1])
    
    @jit      
    def set_upper_diag(self, upper_diag, n_mob, B_n1):
        
        for i in range(1, len(upper_diag)):
            upper_diag[i] = n_mob[i+1]*B_n1[i+1]
    
    @jit    
    def set_lower_diag(self, lower_diag, n_mob, B_n2):

        for i in range(1, len(lower_diag)):
            lower_diag[i] = n_mob[i+1]*B_n2[i+1]
    
    
    def set_rhs(self, Un):
            
        for i in range(1, len(self.rhs)):
            self.rhs[i] = -self.Cn * Un[i]
                
        self.rhs[1] -= self.n_mob[0]*self.B_n2[1]*self.n_leftBC;
        self.rhs[len(self.rhs)-1] -= self.n_mob[len(self.rhs)]*self.B_n1[len(self.rhs)]*self.n_rightBC;
         
    def setup_eqn(self, V, Un):
        bernoulli_fnc_n(V, self.B_n1, self.B_n2)
        self.set_main_diag(self.main_diag, self.n_mob, self.B_n1, self.B_n2)
        self.set_upper_diag(self.upper_diag, self.n_mob, self.B_n1)
        self.set_lower_diag(self.lower_diag, self.n_mob, self.B_n2)
        self.set_rhs(Un)

@jit
def bernoulli_fnc_n(V, B_n1, B_n2):
    dV = np.zeros(len(V))
        
    for i in range(1,len(V)):
        dV[i] = V[i] - V[i-1]
        B_n1[i] = dV[i]/(np.exp(dV[i]) - 1.0)
        B_n2[i] = B_n1[i]*np.exp(dV[i])
            
        #note: since python passes variables like by reference, if the variables are mutatable, like
        # an array, we can mutate them here and the changes will remain outside the function!            

# ---- harness (not part of the program) ----
ENTRY = "continuity_n_setup"

import types as _types

const = _types.SimpleNamespace(Vt=0.025851997)


class _Params:
    def __init__(self, num_cell):
        self.num_cell = num_cell
        self.L = 300e-9
        self.dx = self.L / num_cell
        self.N = 1e24
        self.N_LUMO = 1e24
        self.E_gap = 1.5
        self.phi_a = 0.2
        self.phi_c = 0.1
        self.mobil = 5e-6
        self.n_mob_active = 1e-4


def continuity_n_setup(steps, Uns):
    params = _Params(len(Uns[0]))
    cont_n = Continuity_n(params)
    out = []
    for V, Un in zip(steps, Uns):
        cont_n.setup_eqn(V, Un)
        out.append((cont_n.B_n1.copy(), cont_n.B_n2.copy(), cont_n.main_diag.copy(),
                    cont_n.upper_diag.copy(), cont_n.lower_diag.copy(), cont_n.rhs.copy()))
    return out, cont_n.Cn, cont_n.n_leftBC, cont_n.n_rightBC


def inputs():
    rng = np.random.default_rng(0)
    num_cell = 60
    steps = []
    Uns = []
    for Va in (0.0, 0.3, 0.6):
        dV = rng.uniform(0.2, 1.0, size=num_cell) * (1.0 + Va)
        V = np.concatenate(([0.0], np.cumsum(dV))) / 0.025851997 * 0.02
        steps.append(V)
        Uns.append(rng.uniform(0.0, 1e27, size=num_cell))
    return (steps, Uns)
