# Source: aglavic/genx genx/genx/models/lib/paratt_numba.py, genx/genx/models/lib/instrument_numba.py (at commit 12c6e20a)
# Licence: GPL-3.0 (GenX, setup.py: __license__ = "GPL v3"; LICENSE.txt; Matts Björck, Artur Glavic)
# Notes: the Numba back end of GenX, the program that fits X-ray and neutron reflectivity and surface X-ray diffraction by differential evolution; both modules are pasted whole. paratt_numba.py computes specular reflectivity by Parratt's recursion through a stack of layers with Névot-Croce roughness: six @numba.jit functions with explicit signatures (float64[:]/complex128[:]/complex128[:, :] arguments, a complex128[:] result for the amplitude variants), nopython=True, parallel=True, cache=True, each a numba.prange loop over angles or Q points with an inner serial recursion in complex arithmetic (cmath.sqrt and cmath.exp of complex values, math.cos, abs(...) ** 2, n[-1] and n[-1, ai] indexing, empty/empty_like imported from numpy), plus the plain-Python dispatchers Refl, ReflQ and Refl_nvary2. instrument_numba.py has the instrument helpers: Gaussian and square beam footprints (math.erf, a branch on s1 == s2 outside the prange loops, min of a float), 2theta <-> Q conversions with scalar or per-point wavelengths, and resolution kernels returning a numba.types.Tuple of a flat Q array and a 2-D weight array (an int16 `points` argument, nested prange loops, a parameter named `range` shadowing the builtin), with plain-Python dispatchers choosing the scalar or vector kernel by `type(x) is ndarray`. The harness models a Si substrate / 3 layers / air stack for Cu K-alpha X-rays and computes intensities and amplitudes versus angle and Q, the wavelength-dependent variant on a 2-D index array, footprints, conversions and resolution grids

# ---- genx/genx/models/lib/paratt_numba.py ----
import cmath
import math

import numba

from numpy import complex128, empty, empty_like, pi


@numba.jit(
    numba.float64[:](numba.float64[:], numba.float64, numba.complex128[:], numba.float64[:], numba.float64[:]),
    nopython=True,
    parallel=True,
    cache=True,
)
def ReflNB(theta, lamda, n, d, sigma):
    layers = d.shape[0]
    angles = theta.shape[0]
    n0 = n[-1]

    k = 2.0 * pi / lamda
    R = empty_like(theta)

    pre1 = 2.0 * n0 * k
    pre2 = pi / 180.0

    for ai in numba.prange(angles):
        Qi = pre1 * cmath.sqrt((n[0] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)

        Qj = pre1 * cmath.sqrt((n[1] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
        # Fresnel reflectivity for the interfaces
        rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[0] ** 2)
        Aj = rpj
        Qi = Qj

        for lj in range(2, layers):
            Qj = pre1 * cmath.sqrt((n[lj] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
            # Fresnel reflectivity for the interfaces
            rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[lj - 1] ** 2)

            pj = cmath.exp(1.0j * d[lj - 1] * Qi)
            part = Aj * pj
            Aj = (rpj + part) / (1.0 + part * rpj)

            Qi = Qj
        R[ai] = abs(Aj) ** 2
    return R


@numba.jit(
    numba.complex128[:](numba.float64[:], numba.float64, numba.complex128[:], numba.float64[:], numba.float64[:]),
    nopython=True,
    parallel=True,
    cache=True,
)
def AmpNB(theta, lamda, n, d, sigma):
    layers = d.shape[0]
    angles = theta.shape[0]
    n0 = n[-1]

    k = 2.0 * pi / lamda
    A = empty(theta.shape, dtype=complex128)

    pre1 = 2.0 * n0 * k
    pre2 = pi / 180.0

    for ai in numba.prange(angles):
        Qi = pre1 * cmath.sqrt((n[0] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)

        Qj = pre1 * cmath.sqrt((n[1] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
        # Fresnel reflectivity for the interfaces
        rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[0] ** 2)
        Aj = rpj
        Qi = Qj

        for lj in range(2, layers):
            Qj = pre1 * cmath.sqrt((n[lj] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
            # Fresnel reflectivity for the interfaces
            rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[lj - 1] ** 2)

            pj = cmath.exp(1.0j * d[lj - 1] * Qi)
            part = Aj * pj
            Aj = (rpj + part) / (1.0 + part * rpj)

            Qi = Qj
        A[ai] = Aj
    return A


def Refl(theta, lamda, n, d, sigma, return_int=True):
    if return_int:
        return ReflNB(theta, lamda, n, d, sigma)
    else:
        return AmpNB(theta, lamda, n, d, sigma)


@numba.jit(
    numba.float64[:](numba.float64[:], numba.float64, numba.complex128[:], numba.float64[:], numba.float64[:]),
    nopython=True,
    parallel=True,
    cache=True,
)
def ReflQNB(Q, lamda, n, d, sigma):
    layers = d.shape[0]
    points = Q.shape[0]
    n0 = n[-1]

    Q0 = 4.0 * pi / lamda
    R = empty_like(Q)

    for qi in numba.prange(points):
        Qi = cmath.sqrt((n[0] ** 2 - n0**2) * Q0**2 + n0**2 * Q[qi] ** 2)

        Qj = cmath.sqrt((n[1] ** 2 - n0**2) * Q0**2 + n0**2 * Q[qi] ** 2)
        # Fresnel reflectivity for the interfaces
        rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[0] ** 2)
        Aj = rpj
        Qi = Qj

        for lj in range(2, layers):
            Qj = cmath.sqrt((n[lj] ** 2 - n0**2) * Q0**2 + n0**2 * Q[qi] ** 2)
            # Fresnel reflectivity for the interfaces
            rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[lj - 1] ** 2)

            pj = cmath.exp(1.0j * d[lj - 1] * Qi)
            part = Aj * pj
            Aj = (rpj + part) / (1.0 + part * rpj)

            Qi = Qj
        R[qi] = abs(Aj) ** 2
    return R


@numba.jit(
    numba.complex128[:](numba.float64[:], numba.float64, numba.complex128[:], numba.float64[:], numba.float64[:]),
    nopython=True,
    parallel=True,
    cache=True,
)
def AmpQNB(Q, lamda, n, d, sigma):
    layers = d.shape[0]
    points = Q.shape[0]
    n0 = n[-1]

    Q0 = 4.0 * pi / lamda
    A = empty(Q.shape, dtype=complex128)

    for qi in numba.prange(points):
        Qi = cmath.sqrt((n[0] ** 2 - n0**2) * Q0**2 + n0**2 * Q[qi] ** 2)

        Qj = cmath.sqrt((n[1] ** 2 - n0**2) * Q0**2 + n0**2 * Q[qi] ** 2)
        # Fresnel reflectivity for the interfaces
        rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[0] ** 2)
        Aj = rpj
        Qi = Qj

        for lj in range(2, layers):
            Qj = cmath.sqrt((n[lj] ** 2 - n0**2) * Q0**2 + n0**2 * Q[qi] ** 2)
            # Fresnel reflectivity for the interfaces
            rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[lj - 1] ** 2)

            pj = cmath.exp(1.0j * d[lj - 1] * Qi)
            part = Aj * pj
            Aj = (rpj + part) / (1.0 + part * rpj)

            Qi = Qj
        A[qi] = Aj
    return A


def ReflQ(Q, lamda, n, d, sigma, return_int=True):
    if return_int:
        return ReflQNB(Q, lamda, n, d, sigma)
    else:
        return AmpQNB(Q, lamda, n, d, sigma)


@numba.jit(
    numba.float64[:](numba.float64[:], numba.float64[:], numba.complex128[:, :], numba.float64[:], numba.float64[:]),
    nopython=True,
    parallel=True,
    cache=True,
)
def Refl_nvary2NB(theta, lamda, n, d, sigma):
    layers = d.shape[0]
    angles = theta.shape[0]

    R = empty_like(theta)

    pre2 = pi / 180.0

    for ai in numba.prange(angles):
        n0 = n[-1, ai]
        ki = 2.0 * pi / lamda[ai]
        pre1 = 2.0 * n0 * ki

        Qi = pre1 * cmath.sqrt((n[0, ai] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)

        Qj = pre1 * cmath.sqrt((n[1, ai] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
        # Fresnel reflectivity for the interfaces
        rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[0] ** 2)
        Aj = rpj
        Qi = Qj

        for lj in range(2, layers):
            Qj = pre1 * cmath.sqrt((n[lj, ai] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
            # Fresnel reflectivity for the interfaces
            rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[lj - 1] ** 2)

            pj = cmath.exp(1.0j * d[lj - 1] * Qi)
            part = Aj * pj
            Aj = (rpj + part) / (1.0 + part * rpj)

            Qi = Qj
        R[ai] = abs(Aj) ** 2
    return R


@numba.jit(
    numba.complex128[:](numba.float64[:], numba.float64[:], numba.complex128[:, :], numba.float64[:], numba.float64[:]),
    nopython=True,
    parallel=True,
    cache=True,
)
def Amp_nvary2NB(theta, lamda, n, d, sigma):
    layers = d.shape[0]
    angles = theta.shape[0]

    A = empty(theta.shape, dtype=complex128)

    pre2 = pi / 180.0

    for ai in numba.prange(angles):
        n0 = n[-1, ai]
        ki = 2.0 * pi / lamda[ai]
        pre1 = 2.0 * n0 * ki

        Qi = pre1 * cmath.sqrt((n[0, ai] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)

        Qj = pre1 * cmath.sqrt((n[1, ai] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
        # Fresnel reflectivity for the interfaces
        rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[0] ** 2)
        Aj = rpj
        Qi = Qj

        for lj in range(2, layers):
            Qj = pre1 * cmath.sqrt((n[lj, ai] / n0) ** 2 - math.cos(theta[ai] * pre2) ** 2)
            # Fresnel reflectivity for the interfaces
            rpj = (Qj - Qi) / (Qj + Qi) * cmath.exp(-Qj * Qi / 2.0 * sigma[lj - 1] ** 2)

            pj = cmath.exp(1.0j * d[lj - 1] * Qi)
            part = Aj * pj
            Aj = (rpj + part) / (1.0 + part * rpj)

            Qi = Qj
        A[ai] = Aj
    return A


def Refl_nvary2(theta, lamda, n, d, sigma, return_int=True):
    if return_int:
        return Refl_nvary2NB(theta, lamda, n, d, sigma)
    else:
        return Amp_nvary2NB(theta, lamda, n, d, sigma)


# ---- genx/genx/models/lib/instrument_numba.py ----
import math

import numba

from numpy import empty, empty_like, ndarray

pi = math.pi
rad = pi / 180.0
sqrt2 = math.sqrt(2.0)


def GaussIntensity(alpha, s1, s2, sigma_x):
    if type(s1) is ndarray:
        return GaussIntensityVector(alpha, s1, s2, sigma_x)
    else:
        return GaussIntensityScalar(alpha, s1, s2, sigma_x)


@numba.jit(
    numba.float64[:](numba.float64[:], numba.float64, numba.float64, numba.float64),
    nopython=True,
    parallel=True,
    cache=True,
)
def GaussIntensityScalar(alpha, s1, s2, sigma_x):
    I = empty_like(alpha)
    if s1 == s2:
        for ai in numba.prange(alpha.shape[0]):
            sinalpha = math.sin(alpha[ai] * rad)
            I[ai] = math.erf(s2 / sqrt2 / sigma_x * sinalpha)
    else:
        for ai in numba.prange(alpha.shape[0]):
            sinalpha = math.sin(alpha[ai] * rad)
            I[ai] = (math.erf(s1 / sqrt2 / sigma_x * sinalpha) + math.erf(s2 / sqrt2 / sigma_x * sinalpha)) / 2.0
    return I


@numba.jit(
    numba.float64[:](numba.float64[:], numba.float64[:], numba.float64[:], numba.float64),
    nopython=True,
    parallel=True,
    cache=True,
)
def GaussIntensityVector(alpha, s1, s2, sigma_x):
    I = empty_like(alpha)
    for ai in numba.prange(alpha.shape[0]):
        sinalpha = math.sin(alpha[ai] * rad)
        I[ai] = (math.erf(s1[ai] / sqrt2 / sigma_x * sinalpha) + math.erf(s2[ai] / sqrt2 / sigma_x * sinalpha)) / 2.0
    return I


@numba.jit(numba.float64[:](numba.float64[:], numba.float64, numba.float64), nopython=True, parallel=True, cache=True)
def SquareIntensity(alpha, slen, beamwidth):
    I = empty_like(alpha)
    scale = slen / beamwidth
    for ai in numba.prange(alpha.shape[0]):
        F = scale * math.sin(alpha[ai] * rad)
        I[ai] = min(1.0, F)
    return I


@numba.jit(numba.float64[:](numba.float64, numba.float64[:]), nopython=True, parallel=True, cache=True)
def TwoThetatoQScalar(wavelength, TwoTheta):
    Q = empty_like(TwoTheta)
    scale = 4.0 * pi / wavelength
    thscale = rad / 2.0
    for li in numba.prange(Q.shape[0]):
        Q[li] = math.sin(TwoTheta[li] * thscale) * scale
    return Q


@numba.jit(numba.float64[:](numba.float64[:], numba.float64[:]), nopython=True, parallel=True, cache=True)
def TwoThetatoQVector(wavelength, TwoTheta):
    Q = empty_like(TwoTheta)
    scale = 4.0 * pi
    thscale = rad / 2.0
    for li in numba.prange(Q.shape[0]):
        Q[li] = math.sin(TwoTheta[li] * thscale) * scale / wavelength[li]
    return Q


def TwoThetatoQ(wavelength, TwoTheta):
    if type(wavelength) is ndarray:
        return TwoThetatoQVector(wavelength, TwoTheta)
    else:
        return TwoThetatoQScalar(wavelength, TwoTheta)


@numba.jit(numba.float64[:](numba.float64, numba.float64[:]), nopython=True, parallel=True, cache=True)
def QtoThetaScalar(wavelength, Q):
    Theta = empty_like(Q)
    scale = wavelength / 4.0 / pi
    for li in numba.prange(Q.shape[0]):
        Theta[li] = math.asin(scale * Q[li]) / rad
    return Theta


@numba.jit(numba.float64[:](numba.float64[:], numba.float64[:]), nopython=True, parallel=True, cache=True)
def QtoThetaVector(wavelength, Q):
    Theta = empty_like(Q)
    scale = 1.0 / 4.0 / pi
    for li in numba.prange(Q.shape[0]):
        Theta[li] = math.asin(scale * wavelength[li] * Q[li]) / rad
    return Theta


def QtoTheta(wavelength, Q):
    if type(wavelength) is ndarray:
        return QtoThetaVector(wavelength, Q)
    else:
        return QtoThetaScalar(wavelength, Q)


#
@numba.jit(
    numba.types.Tuple((numba.float64[:], numba.float64[:, :]))(
        numba.float64[:], numba.float64, numba.int16, numba.float64
    ),
    nopython=True,
    parallel=True,
    cache=True,
)
def ResolutionVectorScalar(Q, dQ, points, range):
    Qres = empty(Q.shape[0] * points)
    weight = empty((points, Q.shape[0]))
    Qstep = 2.0 * range / (points - 1) * dQ
    NQ = Q.shape[0]

    wscale = 1.0 / math.sqrt(2.0 * pi) / dQ

    for ri in numba.prange(points):
        dq = (ri - (points - 1.0) / 2.0) * Qstep
        for qi in numba.prange(NQ):
            Qi = Q[qi]
            Qj = Qi + dq
            Qres[qi + ri * NQ] = Qj
            weight[ri, qi] = wscale * math.exp(-((Qi - Qj) ** 2) / (dQ) ** 2 / 2.0)

    return (Qres, weight)


@numba.jit(
    numba.types.Tuple((numba.float64[:], numba.float64[:, :]))(
        numba.float64[:], numba.float64[:], numba.int16, numba.float64
    ),
    nopython=True,
    parallel=True,
    cache=True,
)
def ResolutionVectorVector(Q, dQ, points, range):
    Qres = empty(Q.shape[0] * points)
    weight = empty((points, Q.shape[0]))
    Qstep_scale = 2.0 * range / (points - 1.0)
    NQ = Q.shape[0]

    wscale = 1.0 / math.sqrt(2.0 * pi)

    for ri in numba.prange(points):
        dq_scale = (ri - (points - 1.0) / 2.0) * Qstep_scale
        for qi in numba.prange(NQ):
            dq = dq_scale * dQ[qi]
            Qi = Q[qi]
            Qj = Qi + dq
            Qres[qi + ri * NQ] = Qj
            weight[ri, qi] = wscale * math.exp(-((Qi - Qj) ** 2) / (dQ[qi]) ** 2 / 2.0) / dQ[qi]

    return (Qres, weight)


def ResolutionVector(Q, dQ, points, range=3):
    if type(dQ) is ndarray:
        return ResolutionVectorVector(Q, dQ, points, range)
    else:
        return ResolutionVectorScalar(Q, dQ, points, range)


# ---- harness (not part of the program) ----
ENTRY = "genx_reflectivity"

import numpy as np


def genx_reflectivity(theta, n, d, sigma, n2d, lam_arr, Q):
    lamda = 1.5406
    out = {}
    out["R"] = Refl(theta, lamda, n, d, sigma)
    out["A"] = Refl(theta, lamda, n, d, sigma, return_int=False)
    out["RQ"] = ReflQ(Q, lamda, n, d, sigma)
    out["AQ"] = ReflQ(Q, lamda, n, d, sigma, return_int=False)
    out["Rn"] = Refl_nvary2(theta, lam_arr, n2d, d, sigma)
    out["An"] = Refl_nvary2(theta, lam_arr, n2d, d, sigma, return_int=False)
    out["gauss_same"] = GaussIntensity(theta, 0.2, 0.2, 0.05)
    out["gauss_diff"] = GaussIntensity(theta, 0.15, 0.25, 0.05)
    out["gauss_vec"] = GaussIntensity(theta, np.full(theta.shape, 0.1) + theta / 50.0,
                                      np.full(theta.shape, 0.3), 0.05)
    out["square"] = SquareIntensity(theta, 10.0, 0.1)
    tth = 2.0 * theta
    out["q_scalar"] = TwoThetatoQ(lamda, tth)
    out["q_vector"] = TwoThetatoQ(lam_arr, tth)
    out["th_scalar"] = QtoTheta(lamda, Q)
    out["th_vector"] = QtoTheta(lam_arr[:Q.shape[0]], Q)
    out["res_scalar"] = ResolutionVector(Q, 0.002, 7)
    out["res_vector"] = ResolutionVector(Q, 0.001 + 0.02 * Q, 5, range=2)
    return out


def inputs():
    theta = np.linspace(0.05, 3.0, 60)
    # substrate (Si), three layers, ambient (air): n = 1 - delta + i beta
    n = np.array([1 - 7.6e-6 + 1.7e-7j, 1 - 2.1e-5 + 1.9e-6j,
                  1 - 1.2e-5 + 5.0e-7j, 1 - 3.9e-5 + 2.8e-6j, 1.0 + 0.0j])
    d = np.array([0.0, 55.0, 120.0, 23.0, 0.0])
    sigma = np.array([3.0, 4.5, 2.0, 6.0, 0.0])
    scale = 1.0 + 0.05 * np.sin(np.arange(60) / 7.0)
    n2d = 1.0 + np.outer(n - 1.0, scale)
    n2d[-1, :] = 1.0
    lam_arr = 1.5406 * (1.0 + 0.01 * np.cos(np.arange(60) / 5.0))
    Q = np.linspace(0.005, 0.35, 40)
    return (theta, n, d, sigma, n2d.astype(np.complex128), lam_arr, Q)
