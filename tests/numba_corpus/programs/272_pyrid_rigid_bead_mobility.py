# Source: MoritzB90/PyRID pyrid/molecules/hydro_util.py (at commit 870c10da)
# Licence: MIT (PyRID, LICENSE; Copyright (c) 2022 MoritzB90)
# Notes: hydrodynamic mobility of a rigid bead model of a molecule for the PyRID reactive Brownian-dynamics simulator (molecular dynamics): calc_mu (@nb.njit) fills four (n, n, 3, 3) mobility tensors (translation, rotation and the two couplings) with the Rotne-Prager-Yamakawa / de la Torre corrected Oseen tensor: diagonal blocks (6*pi*eta_0*a_i)**-1*I() and (8*pi*eta_0*a_i**3)**-1*I(), off-diagonal blocks built from the jitted helpers I() (np.eye(3)), P(rij) (normalised outer product with numpy.linalg.norm inside a double loop) and levi_civita(rij) (np.array of a nested list mixing the int 0 with floats), written through chained indexing mu_tt[i][j] = ...; `a_j = radii[i]` is as in the source. Pasted: the jitted helpers calc_mu calls with the module's numpy/numba imports and `from numpy.linalg import inv, norm` / `from numpy import pi`; left out: the matplotlib import and the plt.rcParams line after it (only the plotting code uses them), and the rest of the module (supermatrix inverse, friction and diffusion tensors, center of diffusion); the harness passes a 12-bead molecule (positions in a cluster, radii 0.8-1.5) and the viscosity eta_0 = 1.0
# -*- coding: utf-8 -*-
"""
@author: Moritz F P Becker
"""


import numpy as np
import numba as nb
# from numba.experimental import jitclass
from numpy.linalg import inv, norm
from numpy import pi

@nb.njit
def I():
    return np.eye(3)

@nb.njit
def P(rij):
    
    """Calculates the normalized tensor/outer product :math:`\\frac{\\boldsymbol{r}_{ij} \otimes \\boldsymbol{r}_{ij}}{r_{ij}}` for the hydrodynamic interaction tensor (Oseen tensor).
    
    Parameters
    ----------
    rij : `float64[3]`
        Distance between partcile i and j
    
    Returns
    -------
    float[3,3]
        Normalized outer product of r_ij
    
    """
    
    # return np.dot(rij,rij)/norm(rij)**2
    P = np.zeros((3,3))
    for alpha in range(3):
        for beta in range(3):
            P[alpha][beta] = (rij[alpha]*rij[beta])/norm(rij)**2

    return P

@nb.njit
def levi_civita(rij):
    
    """Returns the product of the Levi-Civita tensor with vector rij.
    
    Parameters
    ----------
    rij : `float64[3]`
        Distance between partcile i and j
    
    Notes
    -----
    
    Given the distance vector :math:`r_{ij} = [x_{ij},y_{ij},z_{ij}]` the product :math:`\epsilon \cdot r_{ij}` is returned, where :math:`\epsilon` is the Levi-Civita tensor:
    
    .. math::
        
        \epsilon \cdot r_{ij} = 
        \\begin{pmatrix}
        0 & z_{ij} & -y_{ij}\\\\
        -z_{ij} & 0 & x_{ij}\\\\
        y_{ij} & -x_{ij} & 0
        \\end{pmatrix}.
    
    
    Returns
    -------
    float[3,3]
        Levi-Civita tensor
    
    """
    
    xij = rij[0]
    yij = rij[1]
    zij = rij[2]
    return np.array([[0,zij,-yij],[-zij,0,xij],[yij,-xij,0]])
   
@nb.njit 
def calc_mu(pos,radii, eta_0):
    
    """Calculates the transtalional, rotational and translation-rotation coupling parts of the mobility super matrix :math:`\\mu_{tt}, \\mu_{rr}, \\mu_{tr} = \\mu_{rt}`.
    
    Parameters
    ----------
    my_molecule : `obj`
        Instance of molecule containing the position data of each bead.
    eta_0 : `float`
        Viscosity
    
    Returns
    -------
    tuple(float[N,N,3,3], float[N,N,3,3], float[N,N,3,3], float[N,N,3,3])
        mu_tt, mu_rt, mu_tr, mu_rr
    
    """
    
    n = len(pos)
    mu_tt = np.zeros((n,n,3,3))
    mu_rt = np.zeros((n,n,3,3))
    mu_tr = np.zeros((n,n,3,3))
    mu_rr = np.zeros((n,n,3,3))

    for i in range(n):
        r_i = pos[i]
        a_i = radii[i]
        for j in range(n):
            r_j = pos[j]    
            a_j = radii[i]
            rij = r_i-r_j
            
            if i == j:
                mu_tt[i][j] = (6*pi*eta_0*a_i)**-1*I()
                
                mu_rr[i][j] = (8*pi*eta_0*a_i**3)**-1*I()
            else:
                # mu_tt[i][j] = (8*pi*eta_0*norm(rij)**-1)*(I()+P(rij))+(8*pi*eta_0*norm(rij)**-3)*(a_i**2+a_j**2)*(I()+3*P(rij))
                # mu_tt[i][j] = np.dot((8*pi*eta_0*norm(rij)**-1)*(I()+P(rij)),(8*pi*eta_0*norm(rij)**-3)*(a_i**2+a_j**2)*(I()+3*P(rij)))
                
                mu_tt[i][j] = (8*pi*eta_0*norm(rij))**-1*(I()+P(rij)+(a_i**2+a_j**2)/norm(rij)**2*(I()/3-P(rij)))
                
                
                mu_rt[i][j] = -(8*pi*eta_0*norm(rij)**2)**-1*levi_civita(rij)
                mu_tr[j][i] = -(8*pi*eta_0*norm(rij)**2)**-1*levi_civita(rij)
                
                mu_rr[i][j] = (16*pi*eta_0*norm(rij)**3)**-1*(3*P(rij)-I())
         
    return mu_tt, mu_rt, mu_tr, mu_rr

# ---- harness (not part of the program) ----
ENTRY = "calc_mu"


def inputs():
    # a 12-bead rigid molecule: bead centres spread around the origin with
    # radii between 0.8 and 1.5 (length units of the simulation), viscosity 1
    rng = np.random.default_rng(0)
    pos = rng.normal(0.0, 2.5, (12, 3))
    radii = rng.uniform(0.8, 1.5, 12)
    return (pos, radii, 1.0)
