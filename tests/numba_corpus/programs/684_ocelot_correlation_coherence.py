# Source: ocelot-collab/ocelot ocelot/common/math_op.py (at commit 15d44628)
# Licence: GPL-3.0-only (OCELOT, pyproject.toml license = "GPL-3.0-only"; ocelot-collab, DESY)
# Notes: the Numba part of OCELOT's math_op.py (OCELOT simulates accelerators, FEL radiation and X-ray optics): plain-Python loop functions compiled by applying numba.jit with explicit signature strings, `nb.jit('void(double[:,:], double[:,:], int32, int32)', nopython=True, nogil=True)(corr_f_py)`, chosen by a conditional expression on whether numba imported (try/except ImportError setting numba_avail). corr_f_py: the normalised or plain second-order correlation between all pairs of (every n_skip-th) slices over events, written into a preallocated matrix, with a zero-mean guard; corr_c_py: the same for slices symmetric about each centre (int() of float half-offsets, `not j%2`); mut_coh_func_py: the mutual coherence function of a complex field (a six-deep loop over a 'void(complex128[:,:,:,:], complex128[:,:,:], int32)' signature, .conjugate(), abs of complex). Also pasted: their NumPy fallbacks corr_f_np/corr_c_np (np.mean over rows, np.isnan masks, sys.stdout progress when count is set) and the wrappers correlation2d and correlation2d_center (np.r_ zero padding). Left out: the module's other statistics, fitting and FFT helpers (gamma functions, invert_cdf, rolling windows, convolve, peaks, golden-section search, Gaussian fits, fwhm, stats, moments, binning, gauss_fit, mprefix) and the scipy imports only they use. The harness correlates a small set of slices (with an all-zero slice to reach the guards) with and without normalisation and skipping, through Numba and through the NumPy fallbacks, and computes the mutual coherence of a small complex field with and without normalisation
"""
statistical analysis functions, fitting, optimization and the like
"""

import numpy as np
import sys

try:
    import numba as nb
    numba_avail = True
except ImportError:
    print("math_op.py: module Numba is not installed. Install it if you want speed up correlation calculations")
    numba_avail = False


# if numba_avail:
    # @nb.jit('void(double[:,:], double[:,:], int32, int32)', nopython=True, nogil=True)
def corr_f_py(corr, val, n_skip=1, norm=1):
    n_val = corr.shape[0]
    n_event = val.shape[1]
    for i in range(n_val):
        for j in range(n_val):
            means = 0
            meanl = 0
            meanr = 0
            for k in range(n_event):
                means += val[i*n_skip,k] * val[j*n_skip,k]
                meanl += val[i*n_skip,k]
                meanr += val[j*n_skip,k]
            means /= n_event
            meanl /= n_event
            meanr /= n_event
            if meanl == 0 or meanr == 0:
                if norm:
                    corr[i,j] = 1
                else:
                    corr[i,j] = 0
            else:
                if norm:
                    corr[i,j] = means / meanl / meanr
                else:
                    corr[i,j] = means - meanl * meanr


def corr_f_np(corr, val, n_skip=1, norm=1, count=0):
    n_val = corr.shape[0]
    for i in range(n_val):
        if count:
            sys.stdout.write('\r')
            sys.stdout.write('slice %i of %i' %(i, n_val-1))
            sys.stdout.flush()
        for j in range(n_val):
            means = np.mean(val[i*n_skip,:] * val[j*n_skip,:])
            meanl = np.mean(val[i*n_skip,:])
            meanr = np.mean(val[j*n_skip,:])
            if norm:
                corr[i,j] = means / meanl / meanr
            else:
                corr[i,j] = means - meanl * meanr
    
    if norm:
        corr[np.isnan(corr)] = 1
    else:
        corr[np.isnan(corr)] = 0

corr_f_nb = nb.jit('void(double[:,:], double[:,:], int32, int32)', nopython=True, nogil=True)(corr_f_py) if numba_avail else corr_f_np

             
def correlation2d(val, norm=0, n_skip=1, use_numba=numba_avail):
    N = int(val.shape[0] / n_skip)
    corr = np.zeros([N,N])
    if use_numba:
        corr_f_nb(corr, val, n_skip, norm)
    else:        
        corr_f_np(corr, val, n_skip, norm)
    return corr


def corr_c_py(corr, n_corr, val, norm):
    n_event = len(val[0])
    n_val = len(val) - n_corr*2
    for i in range(n_val):
        for j in range(n_corr):
            if not j%2:
                ind_l = int(i - j/2 + n_corr)
                ind_r = int(i + j/2 + n_corr)
            else:
                ind_l = int(i - (j-1)/2 + n_corr)
                ind_r = int(i + (j-1)/2 + 1 + n_corr)
            means = 0
            meanl = 0
            meanr = 0
            for k in range(n_event):
                means += val[ind_l, k] * val[ind_r, k]
                meanl += val[ind_l, k]
                meanr += val[ind_r, k]
            means /= n_event
            meanl /= n_event
            meanr /= n_event

            if meanl == 0 or meanr == 0:
                if norm:
                    corr[i,j] = 1
                else:
                    corr[i,j] = 0
            else:
                if norm:
                    corr[i,j] = means / meanl / meanr
                else:
                    corr[i,j] = means - meanl * meanr


def corr_c_np(corr, n_corr, val, norm):
    n_val = len(val) - n_corr*2
    for i in range(n_val):
        for j in range(n_corr):
            if not j%2:
                ind_l = int(i - j/2 + n_corr)
                ind_r = int(i + j/2 + n_corr)
            else:
                ind_l = int(i - (j-1)/2 + n_corr)
                ind_r = int(i + (j-1)/2 + 1 + n_corr)
            means = np.mean(val[ind_l,:] * val[ind_r,:])
            meanl = np.mean(val[ind_l,:])
            meanr = np.mean(val[ind_r,:])

            if meanl == 0 or meanr == 0:
                corr[i,j] = 0
            else:
                if norm:
                    corr[i,j] = means / meanl / meanr
                else:
                    corr[i,j] = means - meanl * meanr

corr_c_nb = nb.jit('void(double[:,:], int32, double[:,:], int32)', nopython=True, nogil=True)(corr_c_py) if numba_avail else corr_f_np


def correlation2d_center(n_corr, val, norm=0, use_numba=1):
    n_val, n_event = val.shape
    zeros = np.zeros((n_corr, n_event))
    val = np.r_[zeros, val, zeros]
    corr = np.zeros([n_val, n_corr])
    
    if use_numba:
        corr_c_nb(corr, n_corr, val, norm)
        
    else:        
        corr_c_np(corr, n_corr, val, norm)

    return corr


def mut_coh_func_py(J, fld, norm=1):
    """
    Mutual Coherence function
    """
    n_x = len(fld[0,0,:])
    n_y = len(fld[0,:,0])
    n_z = len(fld[:,0,0])

    for i_x1 in range(n_x):
        for i_y1 in range(n_y):
                for i_x2 in range(n_x):
                    for i_y2 in range(n_y):
                        j = 0
                        for k in range(n_z):
                            j += (fld[k, i_y1, i_x1] * fld[k, i_y2, i_x2].conjugate())
                        if norm:
                            AbsE1 = 0
                            AbsE2 = 0
                            for k in range(n_z):
                                AbsE1 += abs(fld[k, i_y1, i_x1])
                                AbsE2 += abs(fld[k, i_y2, i_x2])
                            J[i_y1, i_x1, i_y2, i_x2] = j / (AbsE1 * AbsE2 / n_z**2) / n_z
                        else:
                            J[i_y1, i_x1, i_y2, i_x2] = j / n_z


mut_coh_func = nb.jit('void(complex128[:,:,:,:], complex128[:,:,:], int32)', nopython=True, nogil=True)(mut_coh_func_py) \
                if numba_avail else mut_coh_func_py


# ---- harness (not part of the program) ----
ENTRY = "ocelot_correlations"


def ocelot_correlations(val, fld):
    out = {}
    out["corr"] = correlation2d(val)
    out["corr_norm"] = correlation2d(val, norm=1)
    out["corr_skip"] = correlation2d(val, norm=1, n_skip=2)
    out["corr_np"] = correlation2d(val, norm=0, use_numba=False)
    out["center"] = correlation2d_center(4, val)
    out["center_norm"] = correlation2d_center(4, val, norm=1)
    out["center_np"] = correlation2d_center(4, val, norm=1, use_numba=0)
    J = np.zeros(fld.shape[1:] + fld.shape[1:], dtype=np.complex128)
    mut_coh_func(J, fld, 1)
    out["coherence_norm"] = J
    J0 = np.zeros(fld.shape[1:] + fld.shape[1:], dtype=np.complex128)
    mut_coh_func(J0, fld, 0)
    out["coherence"] = J0
    return out


def inputs():
    rng = np.random.default_rng(0)
    val = rng.gamma(2.0, 1.0, size=(10, 16))
    val[6] = 0.0
    fld = rng.normal(size=(7, 3, 4)) + 1j * rng.normal(size=(7, 3, 4))
    return (val, fld)
