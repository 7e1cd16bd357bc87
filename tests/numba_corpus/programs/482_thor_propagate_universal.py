# Source: moeyensj/thor thor/orbits/propagate/universal.py (calcChi, propagateUniversal; at commit 0d8c7555) with calcStumpff from thor/orbits/stumpff.py (at commit 554364cf) and G, M_SUN of the Constants class in thor/constants.py (at commit 06a43fae)
# Licence: BSD-3-Clause (THOR, LICENSE.md; Copyright (c) 2018-2023, Joachim Moeyens)
# Notes: two-body orbit propagation with the universal anomaly for asteroid linking (THOR, Tracklet-less Heliocentric Orbit Recovery; astronomy / celestial mechanics): every function is jitted with an eager string signature ("UniTuple(f8, 6)(f8)", ["f8(f8[:], f8, f8, i8, f8)"], ["f8[:,:](f8[:,:], f8[:], f8[:], f8, i8, f8)"]); calcStumpff returns the first six Stumpff functions from cos/sin or cosh/sinh branches with a recursion; calcChi solves Kepler's universal equation by Newton-Raphson in a while loop with an iteration cap and break, slicing the state vector and using np.linalg.norm and np.dot; propagateUniversal loops over orbits and enumerate(t1), calls calcChi with keyword arguments, forms the Lagrange f, g, f_dot, g_dot coefficients, appends 8-element lists (an int and floats) to a reflected list and returns np.array of it as a 2-D float64 array; a NumbaPerformanceWarning filter is installed at import. Pasted: calcStumpff (its module imports), the Constants class with only the two attributes these functions use (G and M_SUN; the astropy-derived ones left out, astropy is not installed) and `c = Constants` for universal.py's `from ...constants import Constants as c`, then universal.py whole (its relative imports replaced by the pasted definitions); the harness propagates 6 heliocentric orbits (near-circular main-belt, eccentric near-Earth, a comet-like e≈0.98 and a hyperbolic one) from their epochs to 9 epochs spanning -200 to +400 days, and calls calcStumpff for positive, negative and zero psi
import numpy as np
from numba import jit

__all__ = ["calcStumpff"]


@jit("UniTuple(f8, 6)(f8)", nopython=True, cache=True)
def calcStumpff(psi):
    """
    Calculate the first 6 Stumpff functions for variable psi.

    .. math::

        \Psi = \alpha \chi^2

        \frac{d\chi}{dt} = \frac{1}{r}

        \alpha = \frac{\mu}{a}

        c_0(\Psi) = \begin{cases}
            \cos{\sqrt{\Psi}} & \text{ if } \Psi > 0 \\
            \cosh{\sqrt{-\Psi}} & \text{ if } \Psi < 0 \\
            1 & \text{ if } \Psi= 0
        \end{cases}

        c_1(\Psi) = \begin{cases}
            \frac{\sin{\sqrt{\Psi}}{\sqrt{\Psi}} & \text{ if } \Psi > 0 \\
            \frac{\sinh{\sqrt{-\Psi}}{\sqrt{-\Psi}} & \text{ if } \Psi < 0 \\
            1 & \text{ if } \Psi= 0
        \end{cases}

        \Psi c_{n+2} = \frac{1}{k!} - c_n(\Psi)

    Parameters
    ----------
    psi : float
        Dimensionless parameter at which to evaluate the Stumpff functions (equivalent to alpha * chi**2).

    Returns
    -------
    c0, c1, c2, c3, c4, c5 : 6 x float
        First six Stumpff functions.

    References
    ----------
    [1] Danby, J. M. A. (1992). Fundamentals of Celestial Mechanics. 2nd ed.,
        William-Bell, Inc. ISBN-13: 978-0943396200
        Notes: of particular interest is Danby's fantastic chapter on universal variables (6.9)
    """
    if psi > 0.0:
        # Equation 6.9.15 in Danby (1992) [1]
        sqrt_psi = np.sqrt(psi)
        c0 = np.cos(sqrt_psi)
        c1 = np.sin(sqrt_psi) / sqrt_psi

        # Equation 6.9.16 in Danby (1992) [1]
        # states the recursion relation for higher
        # order Stumpff functions
        c2 = (1.0 - c0) / psi
        c3 = (1.0 - c1) / psi
        c4 = (1 / 2.0 - c2) / psi
        c5 = (1 / 6.0 - c3) / psi
    elif psi < 0.0:
        # Equation 6.9.15 in Danby (1992) [1]
        sqrt_npsi = np.sqrt(-psi)
        c0 = np.cosh(sqrt_npsi)
        c1 = np.sinh(sqrt_npsi) / sqrt_npsi

        # Equation 6.9.16 in Danby (1992) [1]
        # states the recursion relation for higher
        # order Stumpff functions
        c2 = (1.0 - c0) / psi
        c3 = (1.0 - c1) / psi
        c4 = (1 / 2.0 - c2) / psi
        c5 = (1 / 6.0 - c3) / psi
    else:
        # Equation 6.9.14 in Danby (1992) [1]
        c0 = 1.0
        c1 = 1.0
        c2 = 1 / 2.0
        c3 = 1 / 6.0
        c4 = 1 / 24.0
        c5 = 1 / 120.0

    return c0, c1, c2, c3, c4, c5


class Constants:
    
    # Gravitational constant:  AU**3 / M_sun / d**2 (0.295912208285591100E-3 -- DE431/DE430)
    G = 0.295912208285591100E-3
    
    # Solar Mass: M_sun (1.0)
    M_SUN = 1.0


c = Constants


import warnings
import numpy as np
from numba import jit
from numba.core.errors import NumbaPerformanceWarning

# Numba will warn that numpy dot performs better on contiguous arrays. Fixing this warning
# involves slicing numpy arrays along their second dimension which is unsupported 
# in numba's nopython mode. Lets ignore the warning so we don't scare users.  
warnings.filterwarnings("ignore", category=NumbaPerformanceWarning)

__all__ = [
    "calcChi",
    "propagateUniversal"
]

MU = c.G * c.M_SUN


@jit(["f8(f8[:], f8, f8, i8, f8)"], nopython=True)
def calcChi(orbit, dt, mu=MU, max_iter=100, tol=1e-16):
    """
    Calculate universal anomaly chi using Newton-Raphson. 
    
    Parameters
    ----------
    orbit : `~numpy.ndarray` (6)
        Orbital state vector (X_0) with position in units of AU and velocity in units of AU per day.
    dt : float
        Time from epoch to which calculate chi in units of decimal days.
    mu : float, optional
        Gravitational parameter (GM) of the attracting body in units of 
        AU**3 / d**2. 
    max_iter : int, optional
        Maximum number of iterations over which to converge. If number of iterations is 
        exceeded, will return the value of the universal anomaly at the last iteration. 
    tol : float, optional
        Numerical tolerance to which to compute chi using the Newtown-Raphson 
        method. 
    
    Returns
    -------
    chi : float
        Universal anomaly. 
    """
    r = orbit[:3]
    v = orbit[3:]
    v_mag = np.linalg.norm(v)
    r_mag = np.linalg.norm(r)
    rv_mag = np.dot(r, v) / r_mag
    sqrt_mu = np.sqrt(mu)
    
    alpha = -v_mag**2 / mu + 2 / r_mag
    chi = np.sqrt(mu) * np.abs(alpha) * dt
    ratio = 1e10
    
    iterations = 0
    while np.abs(ratio) > tol:
        chi2 = chi**2
        psi = alpha * chi2
        c0, c1, c2, c3, c4, c5 = calcStumpff(psi)
        
        # Newton-Raphson
        f = (r_mag * rv_mag / sqrt_mu * chi2 * c2 
             + (1 - alpha*r_mag) * chi**3 * c3
             + r_mag * chi 
             - sqrt_mu * dt)
        fp = (r_mag * rv_mag / sqrt_mu * chi * (1 - alpha * chi2 * c3) 
              + (1 - alpha * r_mag) * chi2 * c2
              + r_mag)
        
        ratio = f / fp
        chi -= ratio
        iterations += 1
        if iterations >= max_iter:
            break
        
    return chi 

@jit(["f8[:,:](f8[:,:], f8[:], f8[:], f8, i8, f8)"], nopython=True)
def propagateUniversal(orbits, t0, t1, mu=MU, max_iter=100, tol=1e-14):
    """
    Propagate orbits using the universal anomaly formalism. 
    
    Parameters
    ----------
    orbits : `~numpy.ndarray` (N, 6)
        Orbital state vectors (X_0) with position in units of AU and velocity in units of AU per day. 
    t0 : `~numpy.ndarray` (N)
        Epoch in MJD at which orbits are defined.
    t1 : `~numpy.ndarray` (M)
        Epochs to which to propagate each orbit. If a single epoch is given, all orbits are propagated to this
        epoch. If multiple epochs are given, then will propagate each orbit to that epoch. 
    mu : float, optional
        Gravitational parameter (GM) of the attracting body in units of 
        AU**3 / d**2. 
    max_iter : int, optional
        Maximum number of iterations over which to converge. If number of iterations is 
        exceeded, will return the value of the universal anomaly at the last iteration. 
    tol : float, optional
        Numerical tolerance to which to compute universal anomaly using the Newtown-Raphson 
        method. 

    Returns
    -------
    orbits : `~numpy.ndarray` (N*M, 8)
        Orbits propagated to each MJD with position in units of AU and velocity in units of AU per day. 
        The first two columns are the orbit ID (a zero-based integer value assigned to each unique input orbit)
        and the MJD of each propagated state.
    """
    new_orbits = []
    num_orbits = orbits.shape[0]
    
    for i in range(num_orbits):
        for j, t in enumerate(t1):
            dt = t - t0[i]
            chi = calcChi(orbits[i,:], dt, mu=mu, max_iter=max_iter, tol=tol)

            r = orbits[i, :3]
            v = orbits[i, 3:]
            v_mag = np.linalg.norm(v)
            r_mag = np.linalg.norm(r)
            sqrt_mu = np.sqrt(mu)
            chi2 = chi**2

            alpha = -v_mag**2 / mu + 2 / r_mag
            psi = alpha * chi2
            c0, c1, c2, c3, c4, c5 = calcStumpff(psi)

            f = 1 - chi**2 / r_mag * c2
            g = dt - 1 / sqrt_mu * chi**3 * c3

            r_new = f * r + g * v
            r_new_mag = np.linalg.norm(r_new)

            f_dot = sqrt_mu / (r_mag * r_new_mag) * (alpha * chi**3 * c3 - chi)
            g_dot = 1 - chi2 / r_new_mag * c2

            v_new = f_dot * r + g_dot * v

            new_orbits.append([i, t, r_new[0], r_new[1], r_new[2], v_new[0], v_new[1], v_new[2]])
            
    return np.array(new_orbits)
# ---- harness (not part of the program) ----
ENTRY = "run_propagate"


def run_propagate(orbits, t0, t1):
    states = propagateUniversal(orbits, t0, t1, MU, 100, 1e-14)
    chis = np.array([calcChi(orbits[i], 30.0, MU, 100, 1e-16) for i in range(len(orbits))])
    stumpff = np.array([calcStumpff(p) for p in (2.5, -1.7, 0.0, 1e-6)])
    return states, chis, stumpff


def inputs():
    k = np.sqrt(Constants.G * Constants.M_SUN)
    def state(a, e, inc, phase):
        # perihelion state in the orbital plane, rotated by inclination and a phase
        q = a * (1 - e) if e != 1 else a
        vq = k * np.sqrt((1 + e) / q)
        r = np.array([q * np.cos(phase), q * np.sin(phase), 0.0])
        v = np.array([-vq * np.sin(phase), vq * np.cos(phase) * np.cos(inc), vq * np.cos(phase) * np.sin(inc)])
        return np.concatenate([r, v])
    orbits = np.array([
        state(2.7, 0.05, 0.1, 0.3),
        state(3.1, 0.15, 0.25, 1.9),
        state(1.3, 0.45, 0.05, 4.0),
        state(0.9, 0.2, 0.4, 2.2),
        state(15.0, 0.98, 1.1, 0.7),
        state(-1.5, 1.6, 0.6, 5.1),
    ])
    t0 = np.array([59000.0, 59010.0, 58990.0, 59005.0, 59000.0, 59020.0])
    t1 = 59000.0 + np.linspace(-200.0, 400.0, 9)
    return (orbits, t0, t1)
