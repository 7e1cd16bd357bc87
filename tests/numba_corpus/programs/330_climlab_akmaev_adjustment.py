# Source: climlab/climlab climlab/convection/akmaev_adjustment.py (at commit 14aa6004)
# Licence: MIT (climlab, LICENSE.txt; Copyright (c) 2014 Brian E. J. Rose)
# Notes: the conservative convective adjustment of Akmaev (1991, Monthly Weather Review) for one atmospheric column of climlab's radiative-convective model: Akmaev_adjustment is compiled by the module's closing try block as jit(signature_or_function=Akmaev_adjustment, nopython=True) (the keyword form of jit, rebinding the module name); it scans the levels upward with nested `while True` loops and breaks, merging each statically unstable level with the neutral layers below it (running sums s and t of heat capacity and heat content in the work arrays n_k, theta_k, s_k, t_k, indexed with k-1 and l-n-1), then walks back down writing the mixed potential temperature into theta in place; s and t are first bound inside a branch (`if n <= 1`) and used after it, and it returns theta. Pasted: the numpy and sys imports, Akmaev_adjustment and the try/except block that jit-compiles it; left out: the plain-Python drivers convective_adjustment_direct (which computes theta, q = Pi*c and beta = 1/Pi from pressure, temperature and heat capacity) and Akmaev_adjustment_multidim (which loops Akmaev_adjustment over columns), and `from climlab import constants as const`, used only by the first; the harness does what ConvectiveAdjustment and convective_adjustment_direct do for a 30-level column over a 1 m water surface layer with climlab's constants (Rd = 287, g = 9.8, ps = 1000 hPa, cp = 1004) and the default 6.5 K/km lapse rate: the column (pressure mid-levels 16.7 ... 983.3 hPa, then the surface at ps) reversed so that the surface comes first, as the routine expects, a temperature profile that is superadiabatic near the surface, c = cp dp / g per level and rho_w cw * 1 m for the surface, theta = T / Pi, q = Pi c, beta = 1 / Pi, and the work arrays np.zeros(L, dtype=int) and np.zeros_like(p)
import numpy as np
import sys


def Akmaev_adjustment(theta, q, beta, n_k, theta_k, s_k, t_k):
    '''Single column only.'''
    L = q.size  # number of vertical levels
    # Akmaev step 1
    k = 1
    n_k[k-1] = 1
    theta_k[k-1] = theta[k-1]
    l = 2
    while True:
        # Akmaev step 2
        n = 1
        thistheta = theta[l-1]
        while True:
            # Akmaev step 3
            if theta_k[k-1] <= thistheta:
                # Akmaev step 6
                k += 1
                break  # to step 7
            else:
                if n <= 1:
                    s = q[l-1]
                    t = s*thistheta
                # Akmaev step 4
                if n_k[k-1] <= 1:
                # lower adjacent level is not an earlier-formed neutral layer
                    s_k[k-1] = q[l-n-1]
                    t_k[k-1] = s_k[k-1] * theta_k[k-1]
                # Akmaev step 5
                    #  join current and underlying layers
                n += n_k[k-1]
                s += s_k[k-1]
                t += t_k[k-1]
                s_k[k-1] = s
                t_k[k-1] = t
                thistheta = t/s
                if k==1:
                    #  joint neutral layer is the first one
                    break  # to step 7
                k -= 1
                # back to step 3
        # Akmaev step 7
        if l == L:  # the scan is over
            break  # to step 8
        l += 1
        n_k[k-1] = n
        theta_k[k-1] = thistheta
        # back to step 2

    # update the potential temperatures
    while True:
        while True:
            # Akmaev step 8
            if n==1: # current model level was not included in any neutral layer
                break  # to step 11
            while True:
                #  Akmaev step 9
                theta[l-1] = thistheta
                if n==1:
                    break
                #  Akmaev step 10
                l -= 1
                n -= 1
                #  back to step 9
        # Akmaev step 11
        if k==1:
            break
        k -= 1
        l -= 1
        n = n_k[k-1]
        thistheta = theta_k[k-1]
        # back to step 8
    return theta

#  Attempt to use numba to compile the Akmaev_adjustment function
#  which gives at least 10x speedup
#   If numba is not available or compilation fails, the code will be executed
#   in pure Python. Results should be identical
try:
    from numba import jit
    Akmaev_adjustment = jit(signature_or_function=Akmaev_adjustment, nopython=True)
except ImportError:
    pass
# ---- harness (not part of the program) ----
ENTRY = "Akmaev_adjustment"


def inputs():
    # what ConvectiveAdjustment passes to convective_adjustment_direct, and
    # what that computes, for a 30-level atmosphere over a 1 m water
    # surface layer: the column (atmosphere top to bottom, then the
    # surface at ps) flipped so that the surface comes first; climlab's
    # constants Rd = 287, g = 9.8, ps = 1000 hPa, cp = 1004, rho_w = 1000,
    # cw = 4181.3; lapse rate 6.5 K/km; a radiative-equilibrium-like
    # temperature profile, superadiabatic near the surface, plus noise
    rng = np.random.default_rng(0)
    Rd, g, ps, cp = 287.0, 9.8, 1000.0, 1004.0
    num_lev = 30
    dp = ps / num_lev
    lev = np.linspace(dp / 2, ps - dp / 2, num_lev)
    Tatm = 200.0 + 100.0 * (lev / ps) ** 3 + rng.normal(0.0, 1.0, num_lev)
    Ts = 305.0
    c_atm = cp * dp * 100.0 / g
    c_sfc = 1000.0 * 4181.3 * 1.0
    pcol = np.append(lev, ps)
    Tcol = np.append(Tatm, Ts)
    ccol = np.append(c_atm * np.ones(num_lev), c_sfc)
    p, T, c = pcol[::-1], Tcol[::-1], ccol[::-1]
    lapserate = 6.5
    lapserate = lapserate * np.ones_like(T)
    alpha = Rd / g * lapserate / 1.E3
    L = p.size
    pextended = np.insert(p, 0, ps)
    Pi = np.cumprod((p / pextended[:-1])**alpha, axis=-1)
    beta = 1. / Pi
    theta = T * beta
    q = Pi * c
    n_k = np.zeros(L, dtype=int)
    theta_k = np.zeros_like(p)
    s_k = np.zeros_like(p)
    t_k = np.zeros_like(p)
    return (theta, q, beta, n_k, theta_k, s_k, t_k)
