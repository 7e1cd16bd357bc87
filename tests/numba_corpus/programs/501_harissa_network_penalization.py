# Source: ulysseherbach/harissa harissa/inference/network_fast.py (at commit 805ca07a)
# Licence: BSD-3-Clause (harissa, LICENSE; Copyright (c) 2021, Ulysse Herbach)
# Notes: the penalised likelihood that Harissa maximises to infer a gene regulatory network from single-cell mRNA counts with a bursty PDMP model of gene expression (systems biology): p1 and grad_p1 (@njit) are a smoothed L1 penalty and its derivative written as float-times-comparison products (`(x-s/2)*(x>s)`, `1*(x>s)`, `(x<=s and -x<=s)`); penalization and grad_penalization (@njit) sum it over the basal, stimulus, diagonal and interaction entries of the G x G parameter matrix against the previous time point's matrix, with a competition term p1(theta[i,j]) * p1(theta[j,i]), reading the smoothing threshold from the module-level global s; objective and grad_theta (plain Python, scipy.special) add the negative log-likelihood. Pasted: the whole module; the harness evaluates the jitted penalty and its gradient for 6 time points against the previous point's matrix, and the objective and gradient at one time point for 200 cells and 8 genes (stimulus column included) with proteins estimated by infer_proteins, without running the L-BFGS-B minimisation
"""
Core functions for network inference using likelihood maximization
NB: This is the fast version using Numba
"""
import numpy as np
from numpy import log
from scipy.special import expit, gammaln, psi
from scipy.optimize import minimize
from numba import njit

# Smoothing threshold
s = 0.1

@njit
def p1(x, s):
    """
    Smoothed L1 penalization.
    """
    return (x-s/2)*(x>s) - (x+s/2)*(-x>s) + ((x**2)/(2*s))*(x<=s and -x<=s)

@njit
def grad_p1(x, s):
    """
    Smoothed L1 penalization gradient.
    """
    return 1*(x>s) - 1*(-x>s) + (x/s)*(x<=s and -x<=s)

@njit
def penalization(theta, theta0, t):
    """
    Penalization of network parameters.
    """
    G = theta.shape[0]
    p = 0
    for i in range (1,G):
        # Penalization of basal parameters
        p += 2 * t * p1(theta[i,0]-theta0[i,0], s)
        # Penalization of stimulus parameters
        p += t * p1(theta[0,i]-theta0[0,i], s)
        # Penalization of diagonal parameters
        p += (theta[i,i]-theta0[i,i])**2
        for j in range(1,G):
            # Penalization of interaction parameters
            p += p1(theta[i,j]-theta0[i,j], s)
            if i < j:
                # Competition between interaction parameters
                p += p1(theta[i,j], s) * p1(theta[j,i], s)
    # Final penalization
    return p

@njit
def grad_penalization(theta, theta0, t):
    """
    Penalization gradient of network parameters.
    """
    G = theta.shape[0]
    gradp = np.zeros((G,G))
    for i in range (1,G):
        # Penalization of basal parameters
        gradp[i,0] += 2 * t * grad_p1(theta[i,0]-theta0[i,0], s)
        # Penalization of stimulus parameters
        gradp[0,i] += t * grad_p1(theta[0,i]-theta0[0,i], s)
        # Penalization of diagonal parameters
        gradp[i,i] += 2*(theta[i,i]-theta0[i,i])
        for j in range(1,G):
            # Penalization of interaction parameters
            gradp[i,j] += grad_p1(theta[i,j]-theta0[i,j], s)
            if i != j:
                # Competition between interaction parameters
                gradp[i,j] += grad_p1(theta[i,j], s) * p1(theta[j,i], s)
    # Final penalization
    return gradp

def objective(theta, theta0, x, y, a, c, d, l, t):
    """
    Objective function to be minimized (one time point).
    """
    C, G = x.shape
    theta = theta.reshape((G,G))
    basal = theta[:,0]
    sigma = expit(basal + y @ theta)[:,1:]
    x, y = x[:,1:], y[:,1:]
    a0, a1, c, d = a[0,1:], a[1,1:], c[1:], d[1:]
    # Compute the log-likelihood
    ay, e = a1*y, a0/a1
    cxi = c * (e + (1-e)*sigma)
    q = (d*ay + gammaln(ay + x) - gammaln(ay) - c*y
        + (cxi-1)*log(y) + log(c)*cxi - gammaln(cxi))
    return l*penalization(theta, theta0, t) - np.sum(q)/C

def grad_theta(theta, theta0, x, y, a, c, d, l, t):
    """
    Objective gradient (one time point).
    """
    C, G = x.shape
    theta = theta.reshape((G,G))
    basal = theta[:,0]
    sigma = expit(basal + y @ theta)[:,1:]
    a0, a1, c, d = a[0,1:], a[1,1:], c[1:], d[1:]
    # Pivotal vector u
    e = a0/a1
    xi = e + (1-e)*sigma
    u = c * sigma * (1-xi) * (log(c*y[:,1:]) - psi(c*xi))
    # Compute the objective gradient
    dq = np.zeros((G,G))
    # Basal parameters
    dq[1:,0] += np.sum(u, axis=0)
    # Interaction parameters
    dq[:,1:] += y.T @ u
    dq = l*grad_penalization(theta, theta0, t) - dq/C
    return dq.reshape(G**2)

def infer_proteins(x, a):
    """
    Estimate y directly from data.
    """
    C, G = x.shape
    y = np.ones((C,G))
    z = np.ones((2,G))
    z[0] = a[0]/a[1]
    z[z<1e-5] = 1e-5
    az = a[1]*z
    for k in range(C):
        v = az*log(a[2]/(a[2]+1)) + gammaln(az+x[k]) - gammaln(az)
        for i in range(1,G):
            y[k,i] = z[np.argmax(v[:,i]),i]
    # Stimulus off at t <= 0
    y[x[:,0]<=0,0] = 0
    return y

def infer_network(x, y, a, c, l, tol, verb):
    """
    Network inference procedure.
    """
    C, G = x.shape
    times = np.sort(list(set(x[:,0])))
    T = times.size
    # Useful quantities
    k = x[:,0]
    d = log(a[2]/(a[2]+1))
    # Initialization
    theta = np.zeros((T,G,G))
    theta0 = np.zeros((G,G))
    # Optimization parameters
    params = {'method': 'L-BFGS-B'}
    if tol is not None: params['tol'] = tol
    # Inference routine
    for t, time in enumerate(times):
        res = minimize(objective, theta0.reshape(G**2),
                args=(theta0, x[k==time], y[k==time], a, c, d, l, t),
                jac=grad_theta, **params)
        if not res.success:
            print(f'Warning: maximization failed (time {t})')
        # Update theta0
        theta0 = res.x.reshape((G,G))
        # Store theta at time t
        theta[t] = theta0
    if verb: print(f'Fitted theta in {res.nit} iterations')
    return theta
# ---- harness (not part of the program) ----
ENTRY = "evaluate"


def evaluate(thetas, x, a, c, l):
    T = thetas.shape[0]
    G = thetas.shape[1]
    pens = np.zeros(T)
    grads = np.zeros((T, G, G))
    for t in range(T):
        theta0 = thetas[t - 1] if t > 0 else np.zeros((G, G))
        pens[t] = penalization(thetas[t], theta0, t)
        grads[t] = grad_penalization(thetas[t], theta0, t)
    y = infer_proteins(x, a)
    d = log(a[2] / (a[2] + 1))
    obj = objective(thetas[1].reshape(G**2), thetas[0], x, y, a, c, d, l, 1)
    grad = grad_theta(thetas[1].reshape(G**2), thetas[0], x, y, a, c, d, l, 1)
    return pens, grads, y, obj, grad


def inputs():
    rng = np.random.default_rng(0)
    T, G, C = 6, 8, 200
    thetas = rng.normal(0.0, 0.3, (T, G, G))
    thetas[np.abs(thetas) < 0.15] *= 0.2
    x = rng.poisson(3.0, (C, G)).astype(float)
    x[:, 0] = rng.integers(0, 3, C)
    a = np.empty((3, G))
    a[0] = rng.uniform(0.1, 0.5, G)
    a[1] = rng.uniform(1.0, 3.0, G)
    a[2] = rng.uniform(0.05, 0.5, G)
    c = np.full(G, 10.0)
    return (thetas, x, a, c, 1.0)
