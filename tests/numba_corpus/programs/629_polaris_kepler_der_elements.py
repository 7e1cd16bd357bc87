# Source: Yuricst/polaris polaris/Keplerian/_keplerder.py (at commit 69a594fc), polaris/Keplerian/_orbitalElements.py (at commit 22a04ffb), polaris/Keplerian/_rootSolve.py (at commit a5e37fda)
# Licence: MIT (polaris, setup.py: license='MIT'; Yuri Shimane)
# Notes: Keplerian two-body tools of polaris, an astrodynamics library (CR3BP, Keplerian propagation). _keplerder.py is pasted whole: universal-variable Kepler propagation in G. Der's (1996) formulation, with the Stumpff-like hypertrig functions (sqrt/sin/sinh branches), the U0..U3 functions returned as tuples, Kepler's time equation and its derivatives, a Laguerre-Conway iteration in a while loop, Lagrange coefficients, 16 STM dyad coefficients unpacked from a tuple, a 6x6 map built with np.array of nested lists, outer products by reshape(3,1) * reshape(1,3), np.identity and nested np.concatenate for the state-transition matrix (a get_stm=False default argument and == True test), and print() calls inside nopython code; the commented-out keplerder_old is kept as it stands. Its try/except import of get_eccentricity and get_semiMajorAxis from ._orbitalElements is replaced by _orbitalElements.py pasted whole (inclination, RAAN, eccentricity vector, argument of periapsis, true anomaly, semi-major axis and period by np.cross, numpy.linalg.norm, arccos/arctan2; anomaly conversions; the residual functions for Newton-Raphson take a tuple parameter p and unpack it; __angle_cleanup with a bool default and `is True`; meanAnom2eccAnom and meanAnom2trueAnom are plain Python, marked "cannot jit"), whose try/except import of __newtonRaphson is in turn replaced by _rootSolve.py pasted whole (a plain-Python Newton-Raphson that calls the jitted residuals). The harness takes an inclined elliptic Earth orbit and a nearly circular one (km, km/s), computes their elements, converts anomalies both ways, and propagates each by Der's method with and without the STM over several time spans
"""
Kepler's equation with Der's formulation for computing state-transition matrix, from G. Der (1996). An elegant state transition matrix

Usage:
	statef, stmf = keplerder()
"""

import numpy as np
from numba import jit
import numpy.linalg as la

# ---- polaris/Keplerian/_orbitalElements.py (replaces the try/except import of get_eccentricity, get_semiMajorAxis) ----
"""
Functions to compute orbital elements
"""

import numpy as np
import numpy.linalg as la
from numba import jit

# ---- polaris/Keplerian/_rootSolve.py (replaces the try/except import of __newtonRaphson) ----
"""
Root-solving algorithms
"""

import numpy as np 
from numba import jit


def __newtonRaphson(fun, dfun, x0, p=None, maxiter=12, tol=1.e-13):
    """1D Newton-Raphson algorithm

    Args:
        fun (callable): f(x), signature `fun(x)` or `fun(x, p)`
        dfun (callable): derivative of `f(x)`, signature dfun(x) or `dfun(x, p)`
        x0 (float): initgial guess
        p (list or None): additional parameters
        maxiter (int): max allowed iteration
        tol (float): tolerance
	
	Returns:
		(tuple): x1 and convergence boolean
    """
    convflag = False # initialize
    for idx in range(maxiter):
        if p is None:
            y  = fun(x0) 
            dy = dfun(x0)
        else:
            y  = fun(x0, p)
            dy = dfun(x0, p)
        x1 = x0 - y/dy
        if abs(y) < tol:
            convflag = True
            break
        else:
            x0 = x1
    return x1, convflag
# ---- end of _rootSolve.py ----


@jit(nopython=True)
def get_inclination(state):
    """Function computes inclination in radians from a two-body state vector, in inertially frozen frame
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame

    Returns:
        (float): inclination in radians
    """

    # decompose state to position and velocity vector
    r = state[0:3]
    v = state[3:6]
    # angular momentum
    h = np.cross(r,v)
    # inclination
    inc = np.arccos(h[2] / la.norm(h))
    return inc


@jit(nopython=True)
def get_raan(state):
    """Function computes RAAN in radians from a two-body state vector, in inertially frozen frame
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame

    Returns:
        (float): RAAN in radians
    """
    
    # decompose state to position and velocity vector
    r = state[0:3]
    v = state[3:6]
    # angular momentum
    h = np.cross(r,v)
    # normal direction of xy-plane
    zdir = np.array([0, 0, 1])
    ndir = np.cross(zdir, h)
    # compute RAAN
    raan = np.arctan2(ndir[1], ndir[0])
    return raan
    
    
@jit(nopython=True)
def get_eccentricity(state, mu):
    """Function computes eccentricity vector from a two-body state vector, in inertially frozen frame
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame
        mu (float): two-body mass parameter

    Returns:
        (np.arr): eccentricity vector
    """
    
    # decompose state to position and velocity vector
    r = state[0:3]
    v = state[3:6]
    # angular momentum
    h = np.cross(r,v)
    # normal direction of xy-plane
    #zdir = np.array([0, 0, 1])
    #ndir = np.cross(zdir, h)
    # compute eccentricity vector
    ecc = (1/mu) * np.cross(v,h) - r/la.norm(r)
    return ecc


@jit(nopython=True)
def get_omega(state, mu):
    """Function computes argument of periapsis in radians from a two-body state vector, in inertially frozen frame
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame
        mu (float): two-body mass parameter

    Returns:
        (float): argument of periapsis in radians
    """
    
    # decompose state to position and velocity vector
    r = state[0:3]
    v = state[3:6]
    # angular momentum
    h = np.cross(r,v)
    # normal direction of xy-plane
    zdir = np.array([0, 0, 1])
    ndir = np.cross(zdir, h)
    # compute eccentricity vector
    ecc = (1/mu) * np.cross(v,h) - r/la.norm(r)

    # compute argument of periapsis
    if la.norm(ndir)*la.norm(ecc) != 0.0:
        omega = np.arccos( np.dot(ndir,ecc) / (la.norm(ndir)*la.norm(ecc)) )
        if ecc[2] < 0:
            omega = 2*np.pi - omega
    else:
        omega = 0.0
    return omega


@jit(nopython=True)
def get_trueanom(state, mu):
    """Function computes argument of periapsis in radians from a two-body state vector, in inertially frozen frame
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame
        mu (float): two-body mass parameter

    Returns:
        (float): true anomaly in radians
    """
    # decompose state to position and velocity vector
    r = state[0:3]
    v = state[3:6]
    # angular momentum
    h = la.norm( np.cross(r,v) )
    # radial velocity
    vr = np.dot(v,r)/la.norm(r)
    theta = np.arctan2(h*vr, h**2/la.norm(r) - mu)
    return theta


@jit(nopython=True)
def get_semiMajorAxis(state, mu):
    """Function computes semi major axis of keplrian orbit
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame
        mu (float): two-body mass parameter

    Returns:
        (float): semi-major axis
    """
    # decompose state to position and velocity vector
    r = state[0:3]
    v = state[3:6]
    # angular momentum
    h = la.norm( np.cross(r,v) )
    # eccentricity
    e = la.norm( get_eccentricity(state, mu) )
    # semi-major axis
    a = h**2 / (mu*(1 - e**2))
    return a


@jit(nopython=True)
def get_period(state, mu):
    """Function computes period of keplerian orbit
    
    Args:
        state (np.array): array of cartesian state in inertially frozen frame
        mu (float): two-body mass parameter
        
    Returns:
        (float): period
    """
    a = get_semiMajorAxis(state, mu)
    if a < 0:
        period = -1
    else:
        period = 2*np.pi*np.sqrt(a**3/mu)
    return period


@jit(nopython=True)
def eccAnom2meanAnom(eccAnom, ecc):
    meanAnom = eccAnom - ecc*np.sin(eccAnom)
    return meanAnom


# Cannot jit!
def meanAnom2eccAnom(meanAnom, ecc, tol=1.e-13, maxiter=12):
    """Convert mean-anomalty to eccentric anomaly

    """
    eccAnom, convflag = __newtonRaphson(__M2E_res, __M2E_dres, x0=meanAnom, p=(ecc, meanAnom), maxiter=maxiter, tol=tol)
    if convflag is False:
        print("Warning: Newton-Raphson for MA -> EA has not converged!")
    return eccAnom
        

@jit(nopython=True)
def __M2E_res(E, p):
    """meanAnom as a function of eccAnom, for Newton raphson"""
    ecc, M = p
    return E - ecc*np.sin(E) - M


@jit(nopython=True)
def __M2E_dres(E, p):
    """derivative of meanAnom as a function of eccAnom, for Newton raphson"""
    ecc, M = p
    return 1.0 - ecc*np.cos(E)


@jit(nopython=True)
def eccAnom2trueAnom(eccAnom, ecc):
    """Convert eccentric anomaly to true anomaly"""
    ta = 2*np.arctan( np.sqrt((1+ecc)/(1-ecc)) * np.tan(eccAnom/2) )
    return ta 


@jit(nopython=True)
def trueAnom2eccAnom(ta, ecc):
    """Convert true anomaly to eccentric anomaly"""
    eccAnom = 2*np.arctan( np.sqrt((1-ecc)/(1+ecc)) * np.tan(ta/2) )
    return eccAnom

# cannot jit!
def meanAnom2trueAnom(meanAnom, ecc, tol=1.e-13, maxiter=12):
    """Convert mean anomaly to true anomaly"""
    # convert MA to EA
    eccAnom =  meanAnom2eccAnom(meanAnom, ecc, tol=tol, maxiter=maxiter)
    # convert EA to TA
    ta = eccAnom2trueAnom(eccAnom, ecc)
    return __angle_cleanup(ta)

@jit(nopython=True)
def trueAnom2meanAnom(ta, ecc):
    """Convert true anomlay to mean anomlay"""
    # convert TA to EA
    eccAnom = trueAnom2eccAnom(ta, ecc)
    # convert EA to MA
    meanAnom = eccAnom2meanAnom(eccAnom, ecc)
    return __angle_cleanup(meanAnom)
    

@jit(nopython=True)
def __angle_cleanup(phi, zero_to_2pi=True):
    """Convert angle range

    Args:
        phi (float): angle
        zero_to_2pi (bool): whether to use [0, 2pi] or [-pi, pi]

    Returns:
        (float): angle in specified range
    """
    phi_corrected = phi
    if zero_to_2pi is True:
        if phi < 0.0:
            phi_corrected = 2*np.pi + phi
    else:
        if phi >= np.pi:
            phi_corrected = phi - 2*np.pi
    return phi_corrected
# ---- end of _orbitalElements.py ----


# ------------------------------------------------------------------------------------- #
# hyperbolic trig functions
@jit(nopython=True)
def hypertrig_s(z):
    if z > 0.0:
        s = (np.sqrt(z)-np.sin(np.sqrt(z))) / (np.sqrt(z))**3
    elif z < 0.0:
        s = (np.sinh(np.sqrt(-z)) - np.sqrt(-z)) / (np.sqrt(-z))**3
    else:
        s = 1.0/6.0
    return s

@jit(nopython=True)
def hypertrig_c(z):
    if z > 0.0:
        c = (1.0 - np.cos(np.sqrt(z)))/z
    elif z < 0.0:
        c = (np.cosh(-z) - 1)/(-z)
    else:
        c = 0.5
    return c


# ------------------------------------------------------------------------------------- #
# Lagrange parameter functions
@jit(nopython=True)
def lagrange_us(x, alpha):
    """Function computes U0 ~ U3 from G. Der 1996"""
    # evaluate hypertrig function
    S = hypertrig_s(alpha*x**2)
    C = hypertrig_c(alpha*x**2)
    # parameters
    u0 = 1 - alpha * x**2 * C
    u1 = x*(1 - alpha * x**2 * S)
    u2 = x**2 * C
    u3 = x**3 * S
    return u0, u1, u2, u3


@jit(nopython=True)
def kepler_der(x, alpha, t, t0, mu, r0, sigma0):
    """Function computes Kepler's time equation and its derivatives in G. Der 1996 form"""
    u0, u1, u2, u3 = lagrange_us(x, alpha)
    Fun = r0*u1 + sigma0*u2 + u3 - np.sqrt(mu) * (t - t0)
    dF  = r0*u0 + sigma0*u1 + u2
    d2F = sigma0*u0 + (1 - alpha*r0)*u1
    return Fun, dF, d2F


@jit(nopython=True)
def lagrange_coefficients_der(mu, x, alpha, r0, v0, sigma0, u0, u1, u2, u3, r, sigma):
    """Function computes Lagrange coefficients (as defined in G. Der 1996)"""
    # evaluate hypertrig function
    S = hypertrig_s(alpha*x**2)
    C = hypertrig_c(alpha*x**2)
    # scalar function
    f = 1.0 - u2/r0
    g = r0*u1 / np.sqrt(mu) + sigma0*u2 / np.sqrt(mu)
    fdot = -np.sqrt(mu) / (r*r0) * u1
    gdot = 1.0 - u2/r
    return f, g, fdot, gdot


# ------------------------------------------------------------------------------------- #
# STM coefficients (eqn. 18)
@jit(nopython=True)
def der_stm_coefs(mu, alpha, r0, v0, r, u0, u1, u2, u3, sigma0, sigma):
    """Scalar coefficients of STM dyads"""
    # first row coefficients
    c11 = 1/(alpha*r*r0**2) * (3*u1*u3 + (alpha*r0 - 2)*u2**2) + u1**2/r + u2/r0
    c12 = v0*u1*u2 / (r*np.sqrt(mu))
    c13 = v0/(alpha*r*r0**2*np.sqrt(mu))*(r0*u1*u2 + 2*sigma0*u2**2 + 3*u2*u3 - 3*r*u3 + alpha*r0**2*u1*u2)
    c14 = v0**2 * u2**2 / (r*mu)
    # second row
    c21 = r0*u1*u2 / (r*np.sqrt(mu))
    c22 = v0/(alpha*r*mu) * (3*u1*u3 + (alpha*r0 - 2)*u2**2)
    c23 = r0*v0*u2**2 / (r*mu)
    c24 = v0**2 / (alpha*r*mu*np.sqrt(mu)) * (r0*u1*u2 + 2*sigma0*u2**2 + 3*u2*u3 - 3*r*u3)
    # third row
    c31 = np.sqrt(mu)/(alpha*r**3*r0**2) * (r*(3*u0*u3 - u1*u2 + 2*alpha*r0*u1*u2) - sigma*(3*u1*u3 - 2*u2**2 + alpha*r0*u2**2)) + np.sqrt(mu)/(r**3*r0)*(2*r*r0*u0*u1 + r**2*u1 - sigma*r0*u1**2)
    c32 = v0/r**3 * (r*(u0*u2 + u1**2) - sigma*u1*u2)
    c33 = -3*v0*u2/(alpha*r*r0**2) + v0/(alpha*r**2*r0**2) * (4*sigma0*u1*u2 + r0*(u0*u2 + u1**2) - 3*(u1*u3 + u2**2)) - sigma*v0*u2 / (alpha*r**3*r0**2)*(r0*u1 + 2*sigma0*u2 + 3*u3) + v0/r**3*(r*(u0*u2 + u1**2) - sigma*u1*u2)
    c34 = v0**2 / (r**3*np.sqrt(mu)) * (2*r*u1*u2 - sigma*u2**2)
    # fourth row
    c41 = r0/r**3 * (r*(u0*u2 + u1**2) - sigma*u1*u2)
    c42 = v0/(alpha*r**3*np.sqrt(mu)) * (r*(3*u0*u3 - u1*u2 + 2*alpha*r0*u1*u2) - sigma*(3*u1*u3 - 2*u2**2 + alpha*r0*u2**2))
    c43 = r0*v0/(r**3*np.sqrt(mu)) * (2*r*u1*u2 - sigma*u2**2)
    c44 = -3*v0**2*u2 / (alpha*r*mu) + v0**2 / (alpha*r**2*mu) * (4*sigma0*u1*u2 + r0*(u0*u2 + u1**2) + 3*(u1*u3 + u2**2)) - sigma*v0**2*u2/(alpha*r**3*mu) * (r0*u1 + 2*sigma0*u2 + 3*u3)
    return c11,c12,c13,c14,c21,c22,c23,c24,c31,c32,c33,c34,c41,c42,c43,c44


# ------------------------------------------------------------------------------------- #
# Keplerian time-propagation with G. Der formulation
@jit(nopython=True)
def keplerder(mu, state0, t0, t, tol=1e-12, maxiter=10, get_stm=False):
    """Function computes position at some future time t

    Args:
		mu (float): gravitational parameter
		state0 (np.array): initial state [x,y,z,vx,vy,vz]
		t0 (float): initial time
		t (float): final time
		tol (float): tolerance on Laguerre-correction
		maxiter (int): max allowed iteration allowed for Laguerre-correction
        get_stm (bool): whether to get STM; if False, returns (6,6) zeros matrix

    Returns:
		(tuple): final state, final STM
    """
    # ------------------------------------------ #
    # SET-UP PROBLEM
    r0, v0 = state0[0:3], state0[3:6]
    sma = get_semiMajorAxis(state0, mu)
    alpha = 1.0/sma
    sigma0 =  np.dot(r0, v0) / np.sqrt(mu)
    
    # ------------------------------------------ #
    # ITERATION WITH LAGUERRE-CONWAY METHOD
    # initial guess
    ecc = la.norm(get_eccentricity(state0, mu))
    if ecc < 1:
        x0 = alpha*np.sqrt(mu)*(t-t0)
    else:
        x0 = np.sqrt(mu)*(t-t0)/(10*la.norm(r0))
    # initialize iteratation
    count = 0
    while count < maxiter:
        # evaluate function
        Fun, dF, d2F =  kepler_der(x0, alpha, t, t0, mu, la.norm(r0), sigma0)
        if np.abs(Fun) < tol:
            break
        # Laguerre-Conway iteration
        x1 = x0 - 5*Fun / (dF + dF/np.abs(dF) * np.sqrt(abs(16*dF**2 - 20*Fun*d2F)) )   
        count += 1
        x0 = x1
    if np.abs(Fun) > tol:
        print("Laguerre-Conway failed! error: ")
    
    # ------------------------------------------ #
    # COMPUTE FINAL POSITION
    # convert back to position
    u0, u1, u2, u3 = lagrange_us(x1, alpha)
    r_scal = la.norm(r0)*u0 + sigma0*u1 + u2
    sigma = sigma0*u0 + (1-alpha*la.norm(r0))*u1
    
    # get lagrange coefficients
    f, g, fdot, gdot = lagrange_coefficients_der(mu, x1, alpha, la.norm(r0), la.norm(v0), sigma0, u0, u1, u2, u3, r_scal, sigma)
    print("f", f)
    print("g", g)
    print("fdot", fdot)
    print("gdot", gdot)

    # create map for state
    fullmap = np.array([[f, 0., 0., g, 0., 0.], [0., f, 0., 0., g, 0.], [0., 0., f, 0., 0., g],
          [fdot, 0., 0., gdot, 0., 0.], [0., fdot, 0., 0., gdot, 0.], [0., 0., fdot, 0., 0., gdot]])
    state1 = np.dot(fullmap, state0)
    
    # ------------------------------------------ #
    # COMPUTE FINAL STM
    if get_stm==True:
        # submatrices M's
        M1 = r0.reshape(3,1) * r0.reshape(1,3) / la.norm(r0)**2
        M2 = r0.reshape(3,1) * v0.reshape(1,3) / (la.norm(r0)*la.norm(v0))
        M3 = v0.reshape(3,1) * r0.reshape(1,3) / (la.norm(r0)*la.norm(v0))
        M4 = v0.reshape(3,1) * v0.reshape(1,3) / la.norm(v0)**2
        # coefficients
        c11,c12,c13,c14,c21,c22,c23,c24,c31,c32,c33,c34,c41,c42,c43,c44 = der_stm_coefs(mu, alpha, la.norm(r0), 
                                                        la.norm(v0), r_scal, u0, u1, u2, u3, sigma0, sigma)
        # construct STM
        Rtilda = f*np.identity(3)    + c11*M1 + c12*M2 + c13*M3 + c14*M4
        R      = g*np.identity(3)    + c21*M1 + c22*M2 + c23*M3 + c24*M4
        Vtilda = fdot*np.identity(3) + c31*M1 + c32*M2 + c33*M3 + c34*M4
        V      = gdot*np.identity(3) + c41*M1 + c42*M2 + c43*M3 + c44*M4
        stm = np.concatenate(( np.concatenate((Rtilda,R), axis=1), np.concatenate((Vtilda,V), axis=1) ), axis=0 )
    else:
        stm = np.zeros((6,6))
    return state1, stm


# Keplerian time-propagation with G. Der formulation, with no STM
@jit(nopython=True)
def keplerder_nostm(mu, state0, t0, t, tol=1e-12, maxiter=10):
    """Function computes position at some future time t

    Args:
        mu (float): gravitational parameter
        state0 (np.array): initial state [x,y,z,vx,vy,vz]
        t0 (float): initial time
        t (float): final time
        tol (float): tolerance on Laguerre-correction
        maxiter (int): max allowed iteration allowed for Laguerre-correction

    Returns:
        (tuple): final state, final STM
    """
    # ------------------------------------------ #
    # SET-UP PROBLEM
    r0, v0 = state0[0:3], state0[3:6]
    sma = get_semiMajorAxis(state0, mu)
    alpha = 1.0/sma
    sigma0 =  np.dot(r0, v0) / np.sqrt(mu)
    
    # ------------------------------------------ #
    # ITERATION WITH LAGUERRE-CONWAY METHOD
    # initial guess
    ecc = la.norm(get_eccentricity(state0, mu))
    if ecc < 1:
        x0 = alpha*np.sqrt(mu)*(t-t0)
    else:
        x0 = np.sqrt(mu)*(t-t0)/(10*la.norm(r0))
    # initialize iteratation
    count = 0
    while count < maxiter:
        # evaluate function
        Fun, dF, d2F =  kepler_der(x0, alpha, t, t0, mu, la.norm(r0), sigma0)
        if np.abs(Fun) < tol:
            break
        # Laguerre-Conway iteration
        x1 = x0 - 5*Fun / (dF + dF/np.abs(dF) * np.sqrt(abs(16*dF**2 - 20*Fun*d2F)) )   
        count += 1
        x0 = x1
    if np.abs(Fun) > tol:
        print("Laguerre-Conway failed! error: ")
    
    # ------------------------------------------ #
    # COMPUTE FINAL POSITION
    # convert back to position
    u0, u1, u2, u3 = lagrange_us(x1, alpha)
    r_scal = la.norm(r0)*u0 + sigma0*u1 + u2
    sigma = sigma0*u0 + (1-alpha*la.norm(r0))*u1
    
    # get lagrange coefficients
    f, g, fdot, gdot = lagrange_coefficients_der(mu, x1, alpha, la.norm(r0), la.norm(v0), sigma0, u0, u1, u2, u3, r_scal, sigma)
    # create map for state
    fullmap = np.array([[f, 0., 0., g, 0., 0.], [0., f, 0., 0., g, 0.], [0., 0., f, 0., 0., g],
          [fdot, 0., 0., gdot, 0., 0.], [0., fdot, 0., 0., gdot, 0.], [0., 0., fdot, 0., 0., gdot]])
    state1 = np.dot(fullmap, state0)
    return state1



# # ------------------------------------------------------------------------------------- #
# # Keplerian time-propagation with G. Der formulation
# @jit(nopython=True)
# def keplerder_old(mu, state0, t0, t, tol=1e-12, maxiter=10):
#     """Function computes position at some future time t

#     Args:
#         mu (float): gravitational parameter
#         state0 (np.array): initial state [x,y,z,vx,vy,vz]
#         t0 (float): initial time
#         t (float): final time
#         tol (float): tolerance on Laguerre-correction
#         maxiter (int): max allowed iteration allowed for Laguerre-correction

#     Returns:
#         (tuple): final state, final STM
#     """
#     # ------------------------------------------ #
#     # SET-UP PROBLEM
#     r0, v0 = state0[0:3], state0[3:6]
#     sma = get_semiMajorAxis(state0, mu)
#     alpha = 1.0/sma
#     sigma0 =  np.dot(r0, v0) / np.sqrt(mu)
    
#     # ------------------------------------------ #
#     # ITERATION WITH LAGUERRE-CONWAY METHOD
#     # initial guess
#     x0 = alpha*np.sqrt(mu)*(t-t0)
#     # initialize iteratation
#     count = 0
#     while count < maxiter:
#         # evaluate function
#         Fun, dF, d2F =  kepler_der(x0, alpha, t, t0, mu, la.norm(r0), sigma0)
#         if np.abs(Fun) < tol:
#             break
#         # Laguerre-Conway iteration
#         x1 = x0 - 5*Fun / (dF + dF/np.abs(dF) * np.sqrt(16*dF**2 - 20*Fun*d2F) )   
#         count += 1
#         x0 = x1
    
#     # ------------------------------------------ #
#     # COMPUTE FINAL POSITION
#     # convert back to position
#     u0, u1, u2, u3 = lagrange_us(x1, alpha)
#     r_scal = la.norm(r0)*u0 + sigma0*u1 + u2
#     sigma = sigma0*u0 + (1-alpha*la.norm(r0))*u1
    
#     # get lagrange coefficients
#     f, g, fdot, gdot = lagrange_coefficients_der(mu, x1, alpha, la.norm(r0), la.norm(v0), sigma0, u0, u1, u2, u3, r_scal, sigma)
#     # create map for state
#     rmap = np.concatenate((f*np.identity(3) , g*np.identity(3)), axis=1)
#     vmap = np.concatenate((fdot*np.identity(3) , gdot*np.identity(3)), axis=1)
#     fullmap = np.concatenate((rmap, vmap), axis=0)
#     state1 = np.dot(fullmap, state0)
    
#     # ------------------------------------------ #
#     # COMPUTE FINAL STM
#     # submatrices M's
#     M1 = r0.reshape(3,1) * r0.reshape(1,3) / la.norm(r0)**2
#     M2 = r0.reshape(3,1) * v0.reshape(1,3) / (la.norm(r0)*la.norm(v0))
#     M3 = v0.reshape(3,1) * r0.reshape(1,3) / (la.norm(r0)*la.norm(v0))
#     M4 = v0.reshape(3,1) * v0.reshape(1,3) / la.norm(v0)**2
#     # coefficients
#     c11,c12,c13,c14,c21,c22,c23,c24,c31,c32,c33,c34,c41,c42,c43,c44 = der_stm_coefs(mu, alpha, la.norm(r0), 
#                                                     la.norm(v0), r_scal, u0, u1, u2, u3, sigma0, sigma)
#     # construct STM
#     Rtilda = f*np.identity(3)    + c11*M1 + c12*M2 + c13*M3 + c14*M4
#     R      = g*np.identity(3)    + c21*M1 + c22*M2 + c23*M3 + c24*M4
#     Vtilda = fdot*np.identity(3) + c31*M1 + c32*M2 + c33*M3 + c34*M4
#     V      = gdot*np.identity(3) + c41*M1 + c42*M2 + c43*M3 + c44*M4
#     stm = np.concatenate(( np.concatenate((Rtilda,R), axis=1), np.concatenate((Vtilda,V), axis=1) ), axis=0 )
#     return state1, stm
# ---- harness (not part of the program) ----
ENTRY = "polaris_kepler"


def polaris_kepler(mu, states, spans):
    out = []
    for state0 in states:
        elements = np.array([
            get_inclination(state0), get_raan(state0), get_omega(state0, mu),
            get_trueanom(state0, mu), get_semiMajorAxis(state0, mu), get_period(state0, mu),
        ])
        ecc_vec = get_eccentricity(state0, mu)
        ecc = np.linalg.norm(ecc_vec)
        ta = get_trueanom(state0, mu)
        ma = trueAnom2meanAnom(ta, ecc)
        ta_back = meanAnom2trueAnom(ma, ecc)
        out += [elements, ecc_vec, ma, ta_back, eccAnom2meanAnom(0.7, ecc)]
        for dt in spans:
            s1, stm = keplerder(mu, state0, 0.0, dt, 1e-12, 10, True)
            s2, zero = keplerder(mu, state0, 0.0, dt)
            s3 = keplerder_nostm(mu, state0, 0.0, dt)
            out += [s1, stm, s2, zero, s3]
    return tuple(out)


def inputs():
    mu = 398600.4418
    states = [
        np.array([7000.0, -1200.0, 300.0, 1.1, 7.2, 2.9]),
        np.array([6778.0, 0.0, 0.0, 0.0, 7.66, 0.12]),
    ]
    return (mu, states, [600.0, 1800.0, 4000.0])
