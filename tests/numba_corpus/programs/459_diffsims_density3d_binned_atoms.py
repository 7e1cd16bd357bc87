# Source: pyxem/diffsims diffsims/utils/discretise_utils.py (at commit ff1a56b0)
# Licence: GPL-3.0-or-later (diffsims; Copyright 2017-2023 The diffsims developers)
# Notes: electron-diffraction simulation (crystal potential on a grid): __density3D_pw_cpu (@numba.njit(parallel=True, fastmath=True)) evaluates one x0-slice of the discretised crystal potential, looping with numba.prange over x1 and summing, for each grid point, the radially symmetric atom profile of every atom listed in that point's spatial bin (a 4-D sublist terminated by -1) through __atom_pw_cpu, which quadratically Lagrange-interpolates a precomputed radial table (__quadratic_interp) and returns int 0 outside the cut-off. Pasted: the module's imports and type constants (the diffsims, psutil and CUDA imports and the `if _CUDA:` device functions left out), the single-atom helpers (__linear_interp, __quadratic_interp, __atom_pw_cpu, __atom_av_cpu), the binning kernels __countbins and __rebin, and __density3D_pw_cpu; the harness bins the atoms as rebin does and tabulates a Gaussian-sum atom profile
from numpy import (
    unique,
    require,
    array,
    arange,
    ones,
    pi,
    zeros,
    empty,
    ascontiguousarray,
    sqrt,
    random,
    isscalar,
    exp,
    prod,
)
import numba

c_abs = abs
from math import (
    sqrt as c_sqrt,
    exp as c_exp,
    erf as c_erf,
    ceil,
    cos as c_cos,
    sin as c_sin,
    floor,
)

FTYPE, CTYPE = "f8", "c16"
c_FTYPE = numba.float64 if FTYPE[1] == "8" else numba.float32


##########
# Evaluate single atom intensities
##########


# Coverage: Numba code does not register when code is run
@numba.njit(fastmath=True)
def __linear_interp(x, i, arr):  # pragma: no cover
    # First order Lagrange interpolation: x_0=0, x_1=1
    # L_0(x) = (x-x_1)/(x_0-x_1) = 1-x
    # L_1(x) = (x-x_0)/(x_1-x_0) = x
    return (1 - x) * arr[i] + x * arr[i + 1]


# Coverage: Numba code does not register when code is run
@numba.njit(fastmath=True)
def __quadratic_interp(x, i, arr):  # pragma: no cover
    # Second order Lagrange interpolation: x_0=-1, x_1=0, x_2=1
    # L_0(x) = (x-x_1)*(x-x_2)/(x_0-x_1)/(x_0-x_2) = x*(x-1)/-1/-2 = x(x-1)/2
    # L_1(x) = (x-x_0)*(x-x_2)/(x_1-x_0)/(x_1-x_2) = (x+1)*(x-1)/1/-1= 1-x^2
    # L_2(x) = (x-x_0)*(x-x_1)/(x_2-x_0)/(x_2-x_1) = (x+1)*x/2/1 = x(x+1)/2
    x2 = x * x
    if i == 0:  # arr[1] = arr[-1]
        return x2 * arr[1] + (1 - x2) * arr[0]
    return 0.5 * ((x2 - x) * arr[i - 1] + (x2 + x) * arr[i + 1]) + (1 - x2) * arr[i]


# Coverage: Numba code does not register when code is run
@numba.njit(fastmath=True)
def __atom_pw_cpu(x0, x1, x2, pc, h):  # pragma: no cover
    n = x0 * x0 + x1 * x1 + x2 * x2
    if n >= h[0]:
        return 0
    else:
        n = h[1] * c_sqrt(n)
        i = int(n)
        n -= i
        #         return __linear_interp(n, i, pc)
        return __quadratic_interp(n, i, pc)


# Coverage: Numba code does not register when code is run
@numba.njit(fastmath=True)
def __atom_av_cpu(x0, x1, x2, pc, h):  # pragma: no cover
    x0, x1, x2 = c_abs(x0), c_abs(x1), c_abs(x2)
    if x0 > h[0, 0] or x1 > h[0, 1] or x2 > h[0, 2]:
        return 0

    x0, x1, x2 = h[1, 0] * x0, h[1, 1] * x1, h[1, 2] * x2
    i0, i1, i2 = int(x0), int(x1), int(x2)
    x0, x1, x2 = x0 - i0, x1 - i1, x2 - i2
    s = 0
    for i in range(pc.shape[0]):
        v = __quadratic_interp(x0, i0, pc[i, 0])
        v *= __quadratic_interp(x1, i1, pc[i, 1])
        v *= __quadratic_interp(x2, i2, pc[i, 2])

        s += v

    return s


##########
# Binning list of atoms into a grid for efficiency
##########
# Coverage: Numba code does not register when code is run
@numba.njit(cache=True)
def __countbins(x0, x1, x2, loc, r, s, Len, MAX):  # pragma: no cover
    for j0 in range(loc.shape[0]):
        bin0 = int((loc[j0, 0] - x0) / r[0])
        bin1 = int((loc[j0, 1] - x1) / r[1])
        bin2 = int((loc[j0, 2] - x2) / r[2])
        for i in range(max(0, bin0 - s), min(Len.shape[0], bin0 + s + 1)):
            for j in range(max(0, bin1 - s), min(Len.shape[1], bin1 + s + 1)):
                for k in range(max(0, bin2 - s), min(Len.shape[2], bin2 + s + 1)):
                    Len[i, j, k] += 1
                    if Len[i, j, k] == MAX:
                        return


# Coverage: Numba code does not register when code is run
@numba.njit(cache=True)
def __rebin(x0, x1, x2, loc, sublist, r, s, Len):  # pragma: no cover
    for j0 in range(loc.shape[0]):
        bin0 = int((loc[j0, 0] - x0) / r[0])
        bin1 = int((loc[j0, 1] - x1) / r[1])
        bin2 = int((loc[j0, 2] - x2) / r[2])
        for i in range(max(0, bin0 - s), min(Len.shape[0], bin0 + s + 1)):
            for j in range(max(0, bin1 - s), min(Len.shape[1], bin1 + s + 1)):
                for k in range(max(0, bin2 - s), min(Len.shape[2], bin2 + s + 1)):
                    sublist[i, j, k, Len[i, j, k]] = j0
                    Len[i, j, k] += 1

    for b0 in range(sublist.shape[0]):
        for b1 in range(sublist.shape[1]):
            for b2 in range(sublist.shape[2]):
                j0 = Len[b0, b1, b2]
                if j0 < sublist.shape[3]:
                    sublist[b0, b1, b2, j0] = -1


##########
# Discretise whole crystal
##########
# Coverage: Numba code does not register when code is run
@numba.njit(parallel=True, fastmath=True)
def __density3D_pw_cpu(
    x0, x1, x2, xmin, loc, sublist, r, a, d, B, precomp, h, out
):  # pragma: no cover
    X0 = x0
    bin0 = int(floor((X0 - xmin[0]) / r[0]))
    if bin0 >= sublist.shape[0]:
        return
    for i1 in numba.prange(x1.size):
        X1 = x1[i1]
        bin1 = int(floor((X1 - xmin[1]) / r[1]))
        if bin1 >= sublist.shape[1]:
            continue
        for i2 in range(x2.size):
            X2 = x2[i2]
            bin2 = int(floor((X2 - xmin[2]) / r[2]))
            if bin2 >= sublist.shape[2]:
                continue

            Sum = 0
            for bb in range(sublist.shape[3]):
                j0 = sublist[bin0, bin1, bin2, bb]
                if j0 < 0:
                    break
                Y0 = loc[j0, 0] - X0
                Y1 = loc[j0, 1] - X1
                Y2 = loc[j0, 2] - X2
                Sum += __atom_pw_cpu(Y0, Y1, Y2, precomp, h)
            out[i1, i2] = Sum


# ---- harness (not part of the program) ----
ENTRY = "__density3D_pw_cpu"


def inputs():
    import numpy as np
    # 40 atoms in an 8 A box, a 0.25 A grid, bins of 2 A with a reach of
    # 2 bins (atom radius 3 A), binned the way rebin does it; the atom
    # profile is a sum of five Gaussians (Peng-like a_i, b_i) tabulated
    # every 0.05 A out to the 3 A cut-off
    rng = np.random.default_rng(0)
    loc = rng.random((40, 3)) * 8.0
    x = [np.arange(0.0, 8.0, 0.25) for _ in range(3)]
    r = np.array([2.0, 2.0, 2.0], dtype="f4")
    s = 2
    xmin = np.array([X.item(0) for X in x])
    nbins = [int(np.ceil(np.ptp(x[i]) / r[i])) + 1 for i in range(3)]
    Len = np.zeros(nbins, dtype="i4")
    for j0 in range(loc.shape[0]):
        b = [int((loc[j0, q] - xmin[q]) / r[q]) for q in range(3)]
        Len[max(0, b[0] - s):b[0] + s + 1, max(0, b[1] - s):b[1] + s + 1,
            max(0, b[2] - s):b[2] + s + 1] += 1
    sublist = np.zeros(nbins + [Len.max()], dtype="i4")
    Len[:] = 0
    for j0 in range(loc.shape[0]):
        b = [int((loc[j0, q] - xmin[q]) / r[q]) for q in range(3)]
        for i in range(max(0, b[0] - s), min(nbins[0], b[0] + s + 1)):
            for j in range(max(0, b[1] - s), min(nbins[1], b[1] + s + 1)):
                for k in range(max(0, b[2] - s), min(nbins[2], b[2] + s + 1)):
                    sublist[i, j, k, Len[i, j, k]] = j0
                    Len[i, j, k] += 1
    for i in range(nbins[0]):
        for j in range(nbins[1]):
            for k in range(nbins[2]):
                if Len[i, j, k] < sublist.shape[3]:
                    sublist[i, j, k, Len[i, j, k]] = -1
    a = np.array([0.0893, 0.2563, 0.7570, 1.0487, 0.3575])
    bb = np.array([0.2465, 1.7100, 6.4094, 18.6113, 50.2523]) / (4 * np.pi) ** 2
    Rmax, dr = 3.0, 0.05
    rad = np.arange(0.0, Rmax + 3 * dr, dr)
    precomp = np.zeros(rad.size)
    for i in range(5):
        precomp += (a[i] / (4 * np.pi * bb[i]) ** 1.5) * np.exp(-rad ** 2 / (4 * bb[i]))
    h = np.array([Rmax ** 2, 1.0 / dr])
    out = np.zeros((x[1].size, x[2].size))
    return (3.1, x[1], x[2], xmin, loc, sublist, r, a, np.array([dr, dr, dr]), 0.0, precomp, h, out)
