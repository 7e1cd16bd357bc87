# Source: BioXTAS RAW (https://sourceforge.net/p/bioxtasraw/git/) bioxtasraw/BIFT.py (release 2.1.1)
# Licence: GPL-3.0-or-later (BioXTAS RAW, licence notice at the top of bioxtasraw/BIFT.py)
# Notes: the evidence of one (alpha, Dmax) pair in a Bayesian indirect Fourier transform of a small-angle X-ray scattering profile (Hansen 2000), the inner function of RAW's BIFT grid search: getEvidence (@jit(nopython=True, cache=True)) unpacks the parameter tuple, builds the sphere prior P(r) (makePriorDistribution -> distDistribution_Sphere, np.linspace, a default string argument compared with ==) and the transformation matrix (createTransMatrix: np.outer, np.where with sin(x)/x), forms the error-weighted normal matrix (reshape broadcasting, np.dot of a transpose), rescales the prior, runs bift_inner_loop (a while loop with a compound condition: positivity by boolean-mask assignment into slices p[1:-1][mask], smoothness and Gauss-Seidel-like correction loops, np.sum(..., axis=1) gradients and their normalised dot product) and returns the evidence (np.linalg.det of a regularised curvature matrix, branchy after-the-fact scaling), the reduced chi-square, the P(r) estimate and r. Pasted: the module's licence header, the numpy and numba imports and its jitted functions createTransMatrix, distDistribution_Sphere, makePriorDistribution, bift_inner_loop and getEvidence (left out: the __future__, builtins, six, multiprocessing, threading, os, platform, scipy and SASM imports and the plain-Python driver functions, which only the GUI and the grid search use); the harness passes what doBift passes for one grid point: params = (log(alpha), Dmax) = (log 1e4, 80.0), a synthetic profile of a 30 A sphere on 300 q points in 0.01-0.3 1/A with 1-2% noise and its errors, and N = npts - 1 = 50
#******************************************************************************
# This file is part of BioXTAS RAW.
#
#    BioXTAS RAW is free software: you can redistribute it and/or modify
#    it under the terms of the GNU General Public License as published by
#    the Free Software Foundation, either version 3 of the License, or
#    (at your option) any later version.
#
#    BioXTAS RAW is distributed in the hope that it will be useful,
#    but WITHOUT ANY WARRANTY; without even the implied warranty of
#    MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
#    GNU General Public License for more details.
#
#    You should have received a copy of the GNU General Public License
#    along with BioXTAS RAW.  If not, see <http://www.gnu.org/licenses/>.
#
#******************************************************************************

import numpy as np
from numba import jit

@jit(nopython=True, cache=True)
def createTransMatrix(q, r):
    """
    Matrix such that when you take T dot P(r) you get I(q),
    The A_ij matrix in equation (2) of Hansen 2000.
    """
    T = np.outer(q, r)
    T = 4*np.pi*(r[1]-r[0])*np.where(T==0, 1, np.sin(T)/T)

    return T

@jit(nopython=True, cache=True)
def distDistribution_Sphere(i0_meas, N, dmax):
    """Creates the initial P(r) function for the prior as a sphere.

    Formula from Svergun & Koch 2003:

    p(r) = 4*pi*D**3/24*r**2*(1-1.5*r/D+0.5*(r/D)**3)

    Normalized so that the area is equal to the measured I(0). Integrate p(r):

    I(0) = integral of p(r) from 0 to Dmax
         = (4*pi*D^3/24)**2

    So the normalized p(r) is:

    p(r) = r**2*(1-1.5*r/D+0.5*(r/D)**3) * I(0)_meas/(4*pi*D**3/24)

    To match convention with old RAW BIFT, we also carry around an extra factor
    of 4*pi*Delta r, so the normalization becomes:

    p(r) = r**2*(1-1.5*r/D+0.5*(r/D)**3) * I(0)_meas/(D**3/(24*Delta_r))
    """

    r = np.linspace(0, dmax, N+1)

    p = r**2 * (1 - 1.5*(r/dmax) + 0.5*(r/dmax)**3)
    p = p * i0_meas/(4*np.pi*dmax**3/24.)
    # p = p * i0_meas/(dmax**3/(24.*(r[1]-r[0])))   #Which normalization should I use? I'm not sure either agrees with what Hansen does.

    return p, r

@jit(nopython=True, cache=True)
def makePriorDistribution(i0, N, dmax, dist_type='sphere'):
    if dist_type == 'sphere':
        p, r = distDistribution_Sphere(i0, N, dmax)
    else:
        r = np.linspace(0, dmax, N+1)
        p = np.zeros_like(r)

    return p, r

@jit(nopython=True, cache=True)
def bift_inner_loop(f, p, B, alpha, N, sum_dia):
    #Define starting conditions and loop variables
    ite = 0
    maxit = 2000
    minit = 100
    xprec = 0.999
    dotsp = 0
    omega = 0.5

    sigma = np.zeros_like(p)

    #Start loop
    while ite < maxit and not (ite > minit and dotsp > xprec):
        ite = ite + 1

        #Apply positivity constraint
        sigma[1:-1] = np.abs(p[1:-1]+1e-10)
        p_neg_idx = p[1:-1]<=0
        f_neg_idx = f[1:-1]<=0
        p[1:-1][p_neg_idx] = p[1:-1][p_neg_idx]*-1+1e-10
        f[1:-1][f_neg_idx] = f[1:-1][f_neg_idx]*-1+1e-10

        #Apply smoothness constraint
        for k in range(2, N-1):
            p[k] = (f[k-1] + f[k+1])/2.

        p[1] = f[2]/2.
        p[-2] = p[-3]/2.

        p[0] = f[0]
        p[-1] = f[-1]

        sigma[0] = 10

        #Calculate the next correction
        for k in range(1, N):
            fsumi = 0

            for j in range(1, N):
                fsumi = fsumi + B[k, j]*f[j]

            fsumi = fsumi - B[k, k]*f[k]

            fx = (2*alpha*p[k]/sigma[k]+sum_dia[k]-fsumi)/(2*alpha/sigma[k]+B[k,k])

            f[k] = (1-omega)*f[k]+omega*fx

        # Calculate convergence
        gradsi = -2*(f[1:-1]-p[1:-1])/sigma[1:-1]
        gradci = 2*(np.sum(B[1:-1,1:-1]*f[1:-1], axis=1)-sum_dia[1:-1])

        wgrads = np.sqrt(np.abs(np.sum(gradsi**2)))
        wgradc = np.sqrt(np.abs(np.sum(gradci**2)))

        if wgrads*wgradc == 0:
            dotsp = 1
        else:
            dotsp = np.sum(gradsi*gradci)/(wgrads*wgradc)

    return f, p, sigma, dotsp, xprec

@jit(nopython=True, cache=True)
def getEvidence(params, q, i, err, N):

    alpha, dmax = params
    alpha = np.exp(alpha)

    err = err**2

    p, r = makePriorDistribution(i[0], N, dmax, 'sphere') #Note, here I use p for what Hansen calls m
    T = createTransMatrix(q, r)

    p[0] = 0
    f = np.zeros_like(p)

    # norm_T = T/err[:,None]  #Slightly faster to create this first
    norm_T = T/err.reshape((err.size, 1))  #Slightly faster to create this first

    # sum_dia = np.sum(norm_T*i[:,None], axis=0)   #Creates YSUM in BayesApp code, some kind of calculation intermediate
    sum_dia = np.sum(norm_T*i.reshape((i.size, 1)), axis=0)   #Creates YSUM in BayesApp code, some kind of calculation intermediate
    sum_dia[0] = 0

    B = np.dot(T.T, norm_T)     #Creates B(i, j) in BayesApp code
    B[0,:] = 0
    B[:,0] = 0

    #Do some kind of rescaling of the input
    c1 = np.sum(np.sum(T[1:4,1:-1]*p[1:-1], axis=1)/err[1:4])
    c2 = np.sum(i[1:4]/err[1:4])
    p[1:-1] = p[1:-1]*(c2/c1)
    f[1:-1] = p[1:-1]*1.001     #Note: f is called P in the original RAW BIFT code

    # Do the optimization
    f, p, sigma, dotsp, xprec = bift_inner_loop(f, p, B, alpha, N, sum_dia)

    # Calculate the evidence
    s = np.sum(-(f[1:-1]-p[1:-1])**2/sigma[1:-1])
    c = np.sum((i[1:-1]-np.sum(T[1:-1,1:-1]*f[1:-1], axis=1))**2/err[1:-1])/(i.size - p.size)

    u = np.sqrt(np.abs(np.outer(f[1:-1], f[1:-1])))*B[1:-1, 1:-1]/alpha

    # u[np.diag_indices(u.shape[0])] = u[np.diag_indices(u.shape[0])]+1
    for j in range(0, u.shape[0]):
        u[j, j] = u[j, j]+1

    # Absolute value of determinant is equal to the product of the singular values
    rlogdet = np.log(np.abs(np.linalg.det(u)))

    evidence = -np.log(abs(dmax))+(alpha*s-0.5*c*i.size)-0.5*rlogdet-np.log(abs(alpha))

    # Some kind of after the fact adjustment

    if evidence <= 0 and dotsp < xprec:
        evidence=evidence*30
    elif dotsp < xprec:
        evidence = evidence/30.

    return evidence, c, f, r

# ---- harness (not part of the program) ----
ENTRY = "getEvidence"


def inputs():
    # scattering of a homogeneous 30 A sphere, I(0) = 100, with 1-2% noise
    rng = np.random.default_rng(0)
    q = np.linspace(0.01, 0.3, 300)
    R = 30.0
    x = q * R
    form = 3.0 * (np.sin(x) - x * np.cos(x)) / x ** 3
    i_true = 100.0 * form ** 2 + 0.05
    err = i_true * rng.uniform(0.01, 0.02, q.size) + 0.01
    i = i_true + err * rng.standard_normal(q.size)
    return ((np.log(1.0e4), 80.0), q, i, err, 50)
