# Source: CalebBell/fluids fluids/numba.py, fluids/atmosphere.py, fluids/friction.py (release 1.0.22, as shipped in Debian's python3-fluids 1.0.22-2)
# Licence: MIT (fluids, file headers and debian/copyright "License: Expat"; Copyright (C) 2016-2020 Caleb Bell)
# Notes: the Numba layer of Caleb Bell's fluids (Chemical Engineering Design Library). From fluids/numba.py: its licence header, imports that the pasted part uses, `caching`/`extra_args_std` ({'nogil': True, 'fastmath': True}) and the hand-written njit kernels that it keeps in place of SciPy's FITPACK (fpbspl, init_w, cy_bispev: B-spline basis recursion with slice copies `hh[0:j] = h[0:j]`, a `while not (... or ...)` search, `w[i][j]` double indexing, a Python list `[0.0]*size_z` accumulated with Kahan-style compensation; bisplev unpacking a 5-tuple tck with unused dx/dy defaults; normalize with builtin sum over an array and a list comprehension; combinations, an njit generator with `yield`). fluids.numba builds the rest of the package by exec'ing module source and applying numba.njit/jitclass programmatically; the harness reproduces two of those applications by hand exactly as fluids.numba does: `jitclass(ATMOSPHERE_1976_spec)` on ATMOSPHERE_1976 (class pasted from atmosphere.py with the module constants it reads; fluids.numba's transform_dataypes_module turns those module-level lists into NumPy arrays, so they are wrapped in np.array here; the pressure_integral staticmethod and its two helpers are left out because they call fluids.numerics' brenth/quad, which fluids.numba regenerates from source), and `numba.njit(cache=caching, **extra_args_std)` on friction.Clamond (pasted without its docstring). The jitclass has staticmethods called through self and an enumerate loop over a global array. The harness fits a bicubic spline with scipy.interpolate.bisplrep on a fixed grid and evaluates it with the jitted bisplev (SciPy's bisplev is returned alongside for reference), normalizes a vector, drains the combinations generator, builds the 1976 standard atmosphere at several altitudes and evaluates Clamond (exact and fast) over a Re/roughness grid
# ---- fluids/numba.py (licence header, imports used, the explicit njit kernels) ----
# """Chemical Engineering Design Library (ChEDL). Utilities for process modeling.
# Copyright (C) 2020, Caleb Bell <Caleb.Andrew.Bell@gmail.com>
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
# """

import numpy as np
import numba
from numba import int32, float32, int64, float64
from numba.experimental import jitclass
from math import pi


caching = True
extra_args_std = {'nogil': True, 'fastmath': True}
extra_args_vec = {}

# Some unfotrunate code duplication

@numba.njit(cache=caching, **extra_args_std)
def fpbspl(t, n, k, x, l, h, hh):
    h[0] = 1.0
    for j in range(1, k + 1):
        hh[0:j] = h[0:j]
        h[0] = 0.0
        for i in range(j):
            li = l+i
            f = hh[i]/(t[li] - t[li - j])
            h[i] = h[i] + f*(t[li] - x)
            h[i + 1] = f*(x - t[li - j])
    return h, hh

@numba.njit(cache=caching, **extra_args_std)
def init_w(t, k, x, lx, w):
    tb = t[k]
    n = len(t)
    m = len(x)
    h = np.zeros(6, dtype=np.float64)#([0]*6 )
    hh = np.zeros(5, dtype=np.float64)##np.array([0]*5)
    te = t[n - k - 1]
    l1 = k + 1
    l2 = l1 + 1
    for i in range(m):
        arg = x[i]
        if arg < tb:
            arg = tb
        if arg > te:
            arg = te
        while not (arg < t[l1] or l1 == (n - k - 1)):
            l1 = l2
            l2 = l1 + 1
        h, hh = fpbspl(t, n, k, arg, l1, h, hh)

        lx[i] = l1 - k - 1
        for j in range(k + 1):
            w[i][j] = h[j]
    return w
@numba.njit(cache=caching, **extra_args_std)
def cy_bispev(tx, ty, c, kx, ky, x, y):
    nx = len(tx)
    ny = len(ty)
    mx = 1 # hardcode to one point
    my = 1 # hardcode to one point

    kx1 = kx + 1
    ky1 = ky + 1

    nkx1 = nx - kx1
    nky1 = ny - ky1

    wx = np.zeros((mx, kx1))
    wy = np.zeros((my, ky1))
    lx = np.zeros(mx, dtype=np.int32)
    ly = np.zeros(my, dtype=np.int32)

    size_z = mx*my

    z = [0.0]*size_z
    wx = init_w(tx, kx, x, lx, wx)
    wy = init_w(ty, ky, y, ly, wy)
    for j in range(my):
        for i in range(mx):
            sp = 0.0
            err = 0.0
            for i1 in range(kx1):
                for j1 in range(ky1):
                    l2 = lx[i]*nky1 + ly[j] + i1*nky1 + j1
                    a = c[l2]*wx[i][i1]*wy[j][j1] - err
                    tmp = sp + a
                    err = (tmp - sp) - a
                    sp = tmp
            z[j*mx + i] += sp
    return z


@numba.njit(cache=caching, **extra_args_std)
def normalize(values):
    tot_inv = 1.0/sum(values)
    return np.array([i*tot_inv for i in values])

@numba.njit(cache=caching, **extra_args_std)
def bisplev(x, y, tck, dx=0, dy=0):
    tx, ty, c, kx, ky = tck
    return cy_bispev(tx, ty, c, kx, ky, np.array([x]), np.array([y]))[0]


@numba.njit(cache=caching, **extra_args_std)
def combinations(pool, r):
    n = len(pool)
#    indices = tuple(list(range(r)))
    indices = np.arange(r)
    empty = not (n and (0 < r <= n))

    if not empty:
#        yield [pool[i] for i in indices]
#        yield (pool[i] for i in indices)
        yield np.array([pool[i] for i in indices])

    while not empty:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            empty = True
        else:
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            result = np.array([pool[i] for i in indices])
            yield result




to_set_num = ['bisplev', 'cy_bispev', 'init_w', 'fpbspl']


# ---- fluids/atmosphere.py (module constants and ATMOSPHERE_1976; lists as np.array, see Notes) ----
from math import sqrt, exp, cos, radians, pi, sin

H_std = np.array([0.0, 11E3, 20E3, 32E3, 47E3, 51E3, 71E3, 84852.0])
T_grad = np.array([-6.5E-3, 0.0, 1E-3, 2.8E-3, 0.0, -2.8E-3, -2E-3, 0.0])
T_std = np.array([288.15, 216.65, 216.65, 228.65, 270.65, 270.65, 214.65, 186.946])
P_std = np.array([101325, 22632.06397346291, 5474.8886696777745, 868.0186847552279,
        110.90630555496608, 66.93887311868738, 3.956420428040732,
        0.3733835899762159])
r0 = 6356766.0
P0 = 101325.0
M0 = 28.9644
g0 = 9.80665
gamma = 1.400


class ATMOSPHERE_1976(object):
    r'''US Standard Atmosphere 1976 class, which calculates `T`, `P`,
    `rho`, `v_sonic`, `mu`, `k`, and `g` as a function of altitude above
    sea level. Designed to provide reasonable results up to an elevation
    of 86,000 m (0.4 Pa). The model is also valid under sea level, to
    -610 meters.

    Parameters
    ----------
    Z : float
        Elevation, [m]
    dT : float, optional
        Temperature difference from standard conditions used in determining
        the properties of the atmosphere, [K]

    Attributes
    ----------
    T : float
        Temperature of atmosphere at specified conditions, [K]
    P : float
        Pressure of atmosphere at specified conditions, [Pa]
    rho : float
        Mass density of atmosphere at specified conditions [kg/m^3]
    H : float
        Geopotential height, [m]
    g : float
        Acceleration due to gravity, [m/s^2]
    mu : float
        Viscosity of atmosphere at specified conditions, [Pa*s]
    k : float
        Thermal conductivity of atmosphere at specified conditions, [W/m/K]
    v_sonic : float
        Speed of sound of atmosphere at specified conditions, [m/s]

    Examples
    --------
    >>> five_km = ATMOSPHERE_1976(5000)
    >>> five_km.P, five_km.rho, five_km.mu
    (54048.28614576141, 0.7364284207799743, 1.628248135362207e-05)
    >>> five_km.k, five_km.g, five_km.v_sonic
    (0.02273190295142526, 9.791241076982665, 320.5455196704035)

    Notes
    -----
    Up to 32 km, the International Standard Atmosphere (ISA) and World
    Meteorological Organization (WMO) standard atmosphere are identical.

    This is a revision of the US 1962 atmosphere.

    References
    ----------
    .. [1] NOAA, NASA, and USAF. "U.S. Standard Atmosphere, 1976" October 15,
       1976. http://ntrs.nasa.gov/search.jsp?R=19770009539.
    .. [2] "ISO 2533:1975 - Standard Atmosphere." ISO.
       http://www.iso.org/iso/catalogue_detail.htm?csnumber=7472.
    .. [3] Yager, Robert J. "Calculating Atmospheric Conditions (Temperature,
       Pressure, Air Density, and Speed of Sound) Using C++," June 2013.
       http://www.dtic.mil/cgi-bin/GetTRDoc?AD=ADA588839
    '''

    def __init__(self, Z, dT=0.0):
        self.Z = Z
        self.dT = dT
        self.H = r0*Z/(r0+Z)

        i = self._get_ind_from_H(self.H)
        self.T_layer = T_std[i]
        self.T_increase = T_grad[i]
        self.P_layer = P_std[i]
        self.H_layer = H_std[i]

        self.H_above_layer = self.H - self.H_layer
        self.T = self.T_layer + self.T_increase*self.H_above_layer

        R = 8314.32
        if self.T_increase == 0.0:
            self.P = self.P_layer*exp(-g0*M0*(self.H_above_layer)/(R*self.T_layer))
        else:
            self.P = self.P_layer*(self.T_layer/self.T)**(g0*M0/(R*self.T_increase))

        # Affects only the following properties
        self.T += dT


        self.rho = self.density(self.T, self.P)
        self.v_sonic = self.sonic_velocity(self.T)
        self.mu = self.viscosity(self.T)
        self.k = self.thermal_conductivity(self.T)
        self.g = self.gravity(self.Z)

    @staticmethod
    def _get_ind_from_H(H):
        r'''Method defined in the US Standard Atmosphere 1976 for determining
        the index of the layer a specified elevation is above. Levels are
        0, 11E3, 20E3, 32E3, 47E3, 51E3, 71E3, 84852 meters respectively.
        '''
        if H <= 0.0:
            return 0
        for ind, Hi in enumerate(H_std):
            if Hi >= H :
                return ind - 1
        return 7 # case for > 84852 m.

    @staticmethod
    def thermal_conductivity(T):
        r'''Method defined in the US Standard Atmosphere 1976 for calculating
        thermal conductivity of air as a function of `T` only.

        .. math::
            k_g = \frac{2.64638\times10^{-3}T^{1.5}}
            {T + 245.4\cdot 10^{-12./T}}

        Parameters
        ----------
        T : float
            Temperature, [K]

        Returns
        -------
        kg : float
            Thermal conductivity, [W/m/K]
        '''
        # 10**(-12./T) = exp(-12*log(10)/T) = -27.63102111...
        return 2.64638E-3*T*sqrt(T)/(T + 245.4*exp(-27.63102111592855/T))

    @staticmethod
    def viscosity(T):
        r'''Method defined in the US Standard Atmosphere 1976 for calculating
        viscosity of air as a function of `T` only.

        .. math::
            \mu_g = \frac{1.458\times10^{-6}T^{1.5}}{T+110.4}

        Parameters
        ----------
        T : float
            Temperature, [K]

        Returns
        -------
        mug : float
            Viscosity, [Pa*s]
        '''
        return 1.458E-6*T*sqrt(T)/(T + 110.4)

    @staticmethod
    def density(T, P):
        r'''Method defined in the US Standard Atmosphere 1976 for calculating
        density of air as a function of `T` and `P`. MW is defined as 28.9644
        g/mol, and R as 8314.32 J/kmol/K

        .. math::
            \rho_g = \frac{P\cdot MW}{T\cdot R\cdot 1000}

        Parameters
        ----------
        T : float
            Temperature, [K]
        P : float
            Pressure, [Pa]

        Returns
        -------
        rho : float
            Mass density, [kg/m^3]
        '''
        # 0.00348367635597379 = M0/R
        return P*0.00348367635597379/T

    @staticmethod
    def sonic_velocity(T):
        r'''Method defined in the US Standard Atmosphere 1976 for calculating
        the speed of sound in air as a function of `T` only.

        .. math::
            c = \left(\frac{\gamma R T}{MW}\right)^{0.5}

        Parameters
        ----------
        T : float
            Temperature, [K]

        Returns
        -------
        c : float
            Speed of sound, [m/s]
        '''
        # 401.87... = gamma*R/MO
        return sqrt(401.87430086589046*T)

    @staticmethod
    def gravity(Z):
        r'''Method defined in the US Standard Atmosphere 1976 for calculating
        the gravitational acceleration above earth as a function of elevation
        only.

        .. math::
            g = g_0\left(\frac{r_0}{r_0+Z}\right)^2

        Parameters
        ----------
        Z : float
            Elevation above sea level, [m]

        Returns
        -------
        g : float
            Acceleration due to gravity, [m/s^2]
        '''
        x0 = (r0/(r0+Z))
        return g0*x0*x0


# ---- fluids/friction.py (Clamond, docstring left out) ----
from math import sqrt, log, log10, exp, cos, sin, tan, pi, radians, isinf


def Clamond(Re, eD, fast=False):
    X1 = eD*Re*0.1239681863354175460160858261654858382699 # (log(10)/18.574).evalf(40)
    X2 = log(Re) - 0.7793974884556819406441139701653776731705 # log(log(10)/5.02).evalf(40)
    F = X2 - 0.2
    X1F = X1 + F
    X1F1 = 1. + X1F

    E = (log(X1F) - 0.2)/(X1F1)
    F = F - (X1F1 + 0.5*E)*E*(X1F)/(X1F1 + E*(1. + (1.0/3.0)*E))

    if not fast:
        X1F = X1 + F
        X1F1 = 1. + X1F
        E = (log(X1F) + F - X2)/(X1F1)

        b = (X1F1 + E*(1. + 1.0/3.0*E))
        F = b/(b*F -  ((X1F1 + 0.5*E)*E*(X1F)))
        return 1.325474527619599502640416597148504422899*(F*F) # ((0.5*log(10))**2).evalf(40)

    return 1.325474527619599502640416597148504422899/(F*F) # ((0.5*log(10))**2).evalf(40)


Clamond = numba.njit(cache=caching, **extra_args_std)(Clamond)


# ---- fluids/numba.py transform_complete: jitclass applied by hand ----
ATMOSPHERE_1976_spec = [(k, float64) for k in
                    ('Z', 'dT', 'H', 'T_layer', 'T_increase', 'P_layer', 'H_layer', 'H_above_layer',
                     'T', 'P', 'rho', 'v_sonic',
                     'mu', 'k', 'g', 'R')]

ATMOSPHERE_1976 = jitclass(ATMOSPHERE_1976_spec)(ATMOSPHERE_1976)


# ---- harness ----
from scipy.interpolate import bisplrep, bisplev as scipy_bisplev

ENTRY = "fluids_numba_kernels"


def fluids_numba_kernels(xg, yg, pts, weights, altitudes, Res, eDs):
    X, Y = np.meshgrid(xg, yg, indexing="ij")
    Z = np.sin(X) * np.cos(0.5 * Y) + 0.1 * X * Y
    tck = bisplrep(X.ravel(), Y.ravel(), Z.ravel(), kx=3, ky=3, s=0.0)
    tx, ty, c, kx, ky = tck
    tck_t = (np.asarray(tx, dtype=np.float64), np.asarray(ty, dtype=np.float64),
             np.asarray(c, dtype=np.float64), int(kx), int(ky))
    spl = np.array([bisplev(p[0], p[1], tck_t) for p in pts])
    spl_ref = np.array([scipy_bisplev(p[0], p[1], tck) for p in pts])

    norm = normalize(weights)
    combos = np.array([list(cmb) for cmb in combinations(np.array([2.0, 3.0, 5.0, 7.0, 11.0]), 3)])
    combos_empty = len(list(combinations(np.array([1.0, 2.0]), 3)))

    atm = np.empty((len(altitudes), 9))
    for i, z in enumerate(altitudes):
        a = ATMOSPHERE_1976(z, 0.0 if i % 2 == 0 else 5.0)
        atm[i] = (a.H, a.T, a.P, a.rho, a.v_sonic, a.mu, a.k, a.g, a.H_above_layer)
    a_default = ATMOSPHERE_1976(5000.0)
    five_km = (a_default.P, a_default.rho, a_default.mu, a_default.k, a_default.g, a_default.v_sonic)

    fd = np.empty((len(Res), len(eDs)))
    fd_fast = np.empty((len(Res), len(eDs)))
    for i in range(len(Res)):
        for j in range(len(eDs)):
            fd[i, j] = Clamond(Res[i], eDs[j])
            fd_fast[i, j] = Clamond(Res[i], eDs[j], True)

    return {
        "bisplev": spl,
        "bisplev_scipy": spl_ref,
        "normalize": norm,
        "combinations": combos,
        "combinations_empty": combos_empty,
        "atmosphere": atm,
        "five_km": five_km,
        "clamond": fd,
        "clamond_fast": fd_fast,
    }


def inputs():
    xg = np.linspace(0.0, 3.0, 9)
    yg = np.linspace(-1.0, 2.0, 8)
    pts = np.array([[0.1, -0.9], [0.75, 0.3], [1.5, 1.1], [2.2, -0.4], [2.95, 1.95], [3.5, 0.0], [-0.2, 2.5]])
    weights = np.array([1.0, 2.5, 0.5, 4.0, 2.0])
    altitudes = np.array([-500.0, 0.0, 1500.0, 11000.0, 15000.0, 25000.0, 40000.0, 49000.0, 60000.0, 80000.0, 90000.0])
    Res = np.array([4000.0, 1e5, 2.5e6, 1e8])
    eDs = np.array([0.0, 1e-6, 1e-4, 1e-2, 0.05])
    return xg, yg, pts, weights, altitudes, Res, eDs
