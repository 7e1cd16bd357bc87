# Source: IJSComplexMatter/cddm cddm/_core_nb.py (at commit c409d0e3), with names from cddm/conf.py (at commit 589387bb)
# Licence: MIT (cddm, LICENSE; Copyright (c) 2019 IJSComplexMatter)
# Notes: the low-level Numba kernels of cddm (cross-differential dynamic microscopy): @vectorize ufuncs with explicit complex/float signatures (abs2, mean with two signatures, weighted_sum, the _normalize_* background/variance corrections taking complex .real/.imag parts and an int64 count, weight_from_g, weight_prime_from_g, sigma_weighted, sigma_prime_weighted with a ** 0.5), @guvectorize kernels with layouts such as "(m)->(m)", "(n),(m),(m)->(n)", "(l,k),(n,k),(l),(n),(m,k)->(m,k)" and "(n),(k)->(k)" (kernel smoothing, linear and semilog-x interpolation with break and a loop variable used after its loop, a 3-point median filter, decreasing/increasing filters with np.isnan, time-lag binned auto/cross correlations and differences accumulating into out[abs(t2[j]-t1[i])], running sums), nopython @jit helpers with explicit signature lists called from the gufuncs on row views and one-element slices out[i:i+1], occurrence counters, and cross_tau_times/auto_tau_times (@nb.jit with a signature but no nopython flag) filled through plain-Python wrappers that index with boolean masks. The file is pasted in order except: `from cddm.conf import C,F, I64, NUMBA_TARGET, NUMBA_FASTMATH, NUMBA_CACHE` is replaced by the conf.py lines that define those names, dedented, with the default branches (double precision, target "cpu", fastmath off) and NUMBA_CACHE left at conf.py's initial False; `from cddm.fft import _fft, _ifft` and the six forceobj=True FFT gufuncs that need them (_cross_corr_fft_regular, _auto_corr_fft_regular, _cross_corr_fft, _auto_corr_fft, _cross_sum_fft, _cross_sum_rfft) are left out; the unused `from cddm.decorators import doc_inherit` is dropped; and `choose`, a vectorized ufunc that draws np.random.rand(), is left out. The harness builds deterministic complex time series (8 frames x 5 k-points) with irregular integer frame times and calls every kernel, passing zeroed `out` arrays to the accumulating gufuncs (and to `increasing`, which never writes out[0])
"""
Low level numba functions
"""
from __future__ import absolute_import, print_function, division

import numpy as np
import numba as nb

# ---- cddm/conf.py: the lines that define the names imported from it ----
NUMBA_TARGET = "cpu"
NUMBA_PARALLEL = False

NUMBA_CACHE = False 
"""Specifiess whether we use numba caching or not"""  

NUMBA_FASTMATH = False

import numba

F32 = numba.float32
F64 = numba.float64
C64 = numba.complex64
C128 = numba.complex128
U8 = numba.uint8
U16 = numba.uint16
U32 = numba.uint32
U64 = numba.uint64

I32 = numba.int32
I64 = numba.int64

F = F64
C = C128
U = U64
I = I64
# ---- end of cddm/conf.py lines ----




#Some useful functions

@nb.vectorize([F(C)], target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def abs2(x):
    """Absolute square of data"""
    return x.real*x.real + x.imag*x.imag

@nb.vectorize([F(F,F),C(C,C)], target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def mean(a,b):
    """Man value"""
    return 0.5 * (a+b)
 
@nb.guvectorize([(F[:],F[:])],"(m)->(m)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def convolve(a, out):
    """Convolves input array with kernel [0.25,0.5,0.25]"""
    n = len(out)
    assert n > 2  
    result = a[0]
    for i in range(1,n-1):
        out[i-1] = result 
        result = 0.25*(a[i-1]+2*a[i]+a[i+1])

    out[i] = result
    out[-1] = a[-1]

@nb.guvectorize([(F[:],F[:],F[:],F[:])],"(n),(m),(m)->(n)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def interpolate(x_new, x,y,out):
    """Linear interpolation"""
    assert len(x) >= 2
    for i in range(len(x_new)):
        xi = x_new[i]
        for j in range(1,len(x)):
            x0 = x[j-1]
            x1 = x[j]
            if xi <= x1:
                #interpolate or extrapolate backward
                deltay = y[j] - y[j-1]
                deltax = x1 - x0
                out[i] = (xi - x0) * deltay/ deltax +  y[j-1]
                break
        #extrapolate forward
        if xi > x1:
            deltay = y[-1] - y[-2]
            deltax = x1 - x0
            out[i] = (xi - x0) * deltay/deltax +  y[-2]            

@nb.guvectorize([(I64[:],I64[:],F[:],F[:])],"(n), (m),(m)->(n)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _log_interpolate(x_new, x,y, out):
    """Linear interpolation in semilogx space."""
    assert len(x) >= 2
    for i in range(len(x_new)):
        xi = x_new[i]
        log = False
        if xi > 1:
            xi = np.log(xi)
            log = True
        for j in range(1,len(x)):
            x0 = x[j-1]
            x1 = x[j]            
            if x0 >= 1 and log == True:
                x0 = np.log(x0)
                x1 = np.log(x1)
            if x_new[i] <= x[j]:
                #interpolate or extrapolate backward
                deltay = y[j] - y[j-1]
                deltax = x1-x0
                out[i] = (xi - x0) * deltay / deltax +  y[j-1]
                break
        #extrapolate forward for data points outside of the domain
        if xi > x1:            
            deltay = y[-1] - y[-2]
            deltax = x1 - x0
            out[i] = (xi - x0) * deltay/deltax +  y[-2]    

def log_interpolate(x_new, x,y, out = None):
    """Linear interpolation in semilogx space."""
    #wrapped to suprres divide by zero warning numba issue #4793
    with np.errstate(divide='ignore'):
        return _log_interpolate(x_new, x,y, out)
    
log_interpolate.__doc__ = _log_interpolate.__doc__

@nb.guvectorize([(F[:],F[:])],"(n)->(n)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def median(array, out):
    """Performs median filter."""
    n = len(array)
    assert n > 2
    result_out = array[0]
    out[-1] = array[-1]
    for i in range(1,n-1):
        if array[i] < array[i+1]:
            if array[i] < array[i-1]:
                result = min(array[i+1],array[i-1])
            else:
                result = array[i]
        else:
            if array[i] < array[i-1]:
                result = array[i]
            else:
                result = max(array[i+1],array[i-1])
        out[i-1] = result_out
        result_out = result
    out[i] = result_out
    #out[n-1] = result_out
    #out[0] = out[1]

@nb.vectorize([F(F,F,F)], target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)    
def weighted_sum(x, y, weight):
    """Performs weighted sum of two data sets, given the weight data.
    Weight must be normalized between 0 and 1. Performs:
    `x * weight + (1.- weight) * y`
    """ 
    return x * weight + (1.- weight) * y
    
@nb.guvectorize([(F[:],F[:])],"(n)->(n)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _median_slow(array, out):
    """Performs median filter. slow implementation... for testing"""
    n = len(array)
    assert n > 2
    for i in range(1,n-1):
        median = np.sort(array[i-1:i+2])[1]
        out[i] = median
    out[0] = array[0]
    out[-1] = array[-1]
    #out[0] = out[1]
    #out[n-1] = out[n-2]

@nb.guvectorize([(F[:],F[:])],"(n)->(n)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def decreasing(array, out):
    """Performs decreasing filter. Each next element must be smaller or equal"""
    n = len(array)
    for i in range(n):
        if i == 0:
            out[0] = array[0]
        else:
            if array[i] < out[i-1] or np.isnan(out[i-1]):
                out[i] = array[i]
            else:
                out[i] = out[i-1]
                
                
                
@nb.guvectorize([(F[:],F[:])],"(n)->(n)", target = "cpu", cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def increasing(array,out):
    """Performs increasing filter. Each next element must be greater or equal"""
    n = len(array)
    for i in range(1,n):
        if i == 0:
            out[0] = array[0]
        else:
            if array[i] > out[i-1] or np.isnan(out[i-1]):
                out[i] = array[i]
            else:
                out[i] = out[i-1]

#------------------------------------------------
# low level numba-optimized computation functions
#------------------------------------------------

@nb.jit([(C[:],C[:], F[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_corr_add_vec(xv,yv, out):
    for j in range(xv.shape[0]):
        x = xv[j]
        y = yv[j]
        #calculate cross product
        tmp = x.real * y.real + x.imag * y.imag
        #add 
        out[j] = out[j] + tmp 

@nb.jit([(C[:],C[:]), (F[:],F[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _add_vec(x, out):
    for j in range(x.shape[0]):
        out[j] = out[j] + x[j] 
        
@nb.jit([(C[:],C[:],F[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _add_squaresum_vec(x, y, out):
    for j in range(x.shape[0]):
        xx = x[j]
        yy = y[j]
        tmp = xx.real * xx.real + xx.imag* xx.imag
        tmp = tmp + yy.real * yy.real + yy.imag * yy.imag
        out[j] =  out[j] + tmp
        
@nb.jit([(C[:],C[:],F[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _add_stats_vec(x, out1, out2):
    for j in range(x.shape[0]):
        out1[j] = out1[j] + x[j]
        out2[j] = out2[j] + x[j].real * x[j].real  + x[j].imag * x[j].imag

@nb.guvectorize([(C[:,:],C[:],F[:])],"(m,n)->(n),(n)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _calc_stats_vec(f,out1, out2):
    for i in range(f.shape[0]):
        _add_stats_vec(f[i],out1,out2)

 
@nb.guvectorize([(C[:,:],C[:,:],I64[:],I64[:],F[:,:],F[:,:])],"(l,k),(n,k),(l),(n),(m,k)->(m,k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_corr_vec(f1,f2,t1,t2,dummy,out):
    for i in range(f1.shape[0]):
        for j in range(f2.shape[0]):
            m=abs(t2[j]-t1[i])
            if m < out.shape[0]:
                _cross_corr_add_vec(f2[j],f1[i], out[m])
                
@nb.guvectorize([(C[:],C[:],I64[:],I64[:],F[:],F[:])],"(m),(n),(m),(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_corr(x,y,t1,t2,dummy,out):
    for i in range(x.shape[0]):
        for j in range(y.shape[0]):
            #m = abs(j-i)
            m=abs(t2[j]-t1[i])
            if m < out.shape[0]:
                tmp = x[i].real * y[j].real + x[i].imag * y[j].imag
                out[m] += tmp

@nb.jit([(C[:],C[:], F[:])], nopython = True)
def _cross_corr_add(xv,yv, out):
    for j in range(xv.shape[0]):
        x = xv[j]
        y = yv[j]
        #calculate cross product
        tmp = x.real * y.real + x.imag * y.imag
        #add 
        out[0] = out[0] + tmp 

@nb.guvectorize([(C[:],C[:],F[:],F[:])],"(n),(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_corr_regular(x,y,dummy,out):
    for i in range(out.shape[0]):
        n = x.shape[0] - i
        _cross_corr_add(y[i:],x[0:n], out[i:i+1])
        if i > 0:
            _cross_corr_add(y[0:n],x[i:], out[i:i+1])

@nb.guvectorize([(C[:],F[:],F[:])],"(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _auto_corr_regular(x,dummy,out):
    for i in range(out.shape[0]):
        n = x.shape[0] - i
        _cross_corr_add(x[i:],x[0:n], out[i:i+1])


@nb.guvectorize([(C[:,:],I64[:],F[:,:],F[:,:])],"(l,k),(l),(m,k)->(m,k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _auto_corr_vec(f,t,dummy,out):
    for i in range(f.shape[0]):
        for j in range(i, f.shape[0]):
            m=abs(t[j]-t[i])
            if m < out.shape[0]:
                _cross_corr_add_vec(f[j],f[i], out[m])
            #else just skip calculation
            
@nb.guvectorize([(C[:],I64[:],F[:],F[:])],"(l),(l),(m)->(m)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _auto_corr(f,t,dummy,out):
    for i in range(f.shape[0]):
        for j in range(i, f.shape[0]):
            m=abs(t[j]-t[i])
            if m < out.shape[0]:
                tmp = f[i].real * f[j].real + f[i].imag * f[j].imag
                out[m] += tmp
              
@nb.jit([(C[:],C[:], F[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_diff_add_vec(xv,yv, out):
    for j in range(xv.shape[0]):
        x = xv[j]
        y = yv[j]
        #calculate cross product
        tmp = x-y
        d = tmp.real*tmp.real + tmp.imag*tmp.imag
        #add 
        out[j] = out[j] + d

@nb.guvectorize([(C[:,:],C[:,:],I64[:],I64[:],F[:,:],F[:,:])],"(l,k),(n,k),(l),(n),(m,k)->(m,k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_diff_vec(f1,f2,t1,t2,dummy,out):
    for i in range(f1.shape[0]):
        for j in range(f2.shape[0]):
            m=abs(t2[j]-t1[i])
            if m < out.shape[0]:
                _cross_diff_add_vec(f2[j],f1[i], out[m])
            #else just skip calculation
                
@nb.guvectorize([(C[:],C[:],I64[:],I64[:],F[:],F[:])],"(m),(n),(m),(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_diff(x,y,t1,t2,dummy,out):
    for i in range(x.shape[0]):
        for j in range(y.shape[0]):
            #m = abs(j-i)
            m=abs(t2[j]-t1[i])
            if m < out.shape[0]:
                tmp = y[j]-x[i]
                d = tmp.real*tmp.real + tmp.imag*tmp.imag
                out[m] += d

@nb.jit([(C[:],C[:], F[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_diff_add(xv,yv, out):
    for j in range(xv.shape[0]):
        tmp = xv[j] - yv[j] 
        d = tmp.real*tmp.real + tmp.imag*tmp.imag
        out[0] += d

@nb.guvectorize([(C[:],C[:],F[:],F[:])],"(n),(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_diff_regular(x,y,dummy,out):
    for i in range(out.shape[0]):
        n = x.shape[0] - i
        _cross_diff_add(y[i:],x[0:n], out[i:i+1])
        if i > 0:
            _cross_diff_add(y[0:n],x[i:], out[i:i+1])

@nb.guvectorize([(C[:,:],I64[:],F[:,:],F[:,:])],"(l,k),(l),(m,k)->(m,k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _auto_diff_vec(f,t,dummy,out):
    for i in range(f.shape[0]):
        for j in range(i,f.shape[0]):
            m=abs(t[j]-t[i])
            if m < out.shape[0]:
                _cross_diff_add_vec(f[j],f[i], out[m])
            #else just skip calculation
            
@nb.guvectorize([(C[:],F[:],F[:])],"(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _auto_diff_regular(x,dummy,out):
    for i in range(out.shape[0]):
        n = x.shape[0] - i
        _cross_diff_add(x[i:],x[0:n], out[i:i+1])
            
@nb.guvectorize([(C[:],I64[:],F[:],F[:])],"(l),(l),(m)->(m)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _auto_diff(f,t,dummy,out):
    for i in range(f.shape[0]):
        for j in range(i, f.shape[0]):
            m=abs(t[j]-t[i])
            if m < out.shape[0]:
                tmp = f[j] - f[i] 
                d = tmp.real*tmp.real + tmp.imag*tmp.imag
                out[m] += d


@nb.guvectorize([(C[:,:],I64[:],I64[:],C[:,:],C[:,:]),(F[:,:],I64[:],I64[:],F[:,:],F[:,:])],"(l,k),(l),(n),(m,k)->(m,k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_sum_vec(f,t1,t2,dummy,out):
    for i in range(t1.shape[0]):
        for j in range(t2.shape[0]):
            m=abs(t2[j]-t1[i])
            if m < out.shape[0]:
                _add_vec(f[i], out[m])

@nb.guvectorize([(C[:],I64[:],I64[:],C[:],C[:]),(F[:],I64[:],I64[:],F[:],F[:])],"(l),(l),(n),(m)->(m)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_sum(f,t1,t2,dummy,out):
    for i in range(t1.shape[0]):
        for j in range(t2.shape[0]):
            m=abs(t2[j]-t1[i])
            if m < out.shape[0]:
                out[m] += f[i]
                                
@nb.guvectorize([(C[:],C[:],C[:]), (F[:],F[:],F[:])],"(n),(k)->(k)", target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _cross_sum_regular(x,dummy,out):
    for i in range(out.shape[0]):
        n = x.shape[0] - i
        if i == 0:
            tmp = out[0]
            tmp = tmp*0.
            for j in range(x.shape[0]):
                tmp = tmp + x[j]
            prev = tmp*2
            out[0] += tmp
        if i > 0:
            prev = prev - x[i-1] - x[n]
            out[i] += prev 

@nb.jit([(C[:],I64[:],C[:]),(F[:],I64[:],C[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _fill_data(x,t, out):
    for i in range(t.shape[0]):
        m = t[i]
        if m < out.shape[0]:
            out[m] = x[i]

@nb.jit([(I64[:],C[:])], nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _fill_ones(t, out):
    for i in range(t.shape[0]):
        m = t[i]
        if m < out.shape[0]:
            out[m] = 1.

#-----------------------------
# occurence count functions

@nb.jit(nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH) 
def _add_count_cross(t1,t2,n):
    for ii in range(t1.shape[0]):
        for jj in range(t2.shape[0]):
            m = abs(t1[ii] - t2[jj])
            if m < len(n):
                n[m] += 1   
                
# @nb.jit([(I64[:],I64[:],I64[:,:],I64[:,:])],cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
# def cross_tau_time(t1,t2,tn1,tn2):
#     assert len(t1) == len(t2) 
#     assert tn1.shape == tn2.shape
    
#     count = np.zeros((tn1.shape[0],),tn1.dtype)
    
#     for ii in range(t1.shape[0]):
#         for jj in range(t2.shape[0]):
#             m = abs(t1[ii] - t2[jj])
#             if m < tn1.shape[0]:
#                 i = count[m]
#                 if i < tn1.shape[1]:
#                     tn1[m,i] = t1[ii]   
#                     tn2[m,i] = t2[jj] 
#                     count[m] +=1


@nb.jit([(I64[:],I64[:],I64[:,:],I64[:,:])],cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def cross_tau_times(t1,t2,tpos,tneg):
    assert len(t1) == len(t2) 
    assert tpos.shape == tpos.shape
    
    count_pos = np.zeros((tpos.shape[0],),tpos.dtype)
    count_neg = np.zeros((tneg.shape[0],),tneg.dtype)
    
    for ii in range(t1.shape[0]):
        for jj in range(t2.shape[0]):
            m = t1[ii] - t2[jj]
            if abs(m) < tpos.shape[0]:
                if m > 0:
                    i = count_pos[m]
                    if i < tpos.shape[1]:
                        tpos[m,i] = t1[ii]   
                        count_pos[m] +=1
                else:
                    m = -m
                    i = count_neg[m]
                    if i < tneg.shape[1]:
                        tneg[m,i] = t1[ii]   
                        count_neg[m] +=1

@nb.jit([(I64[:],I64[:,:])],cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def auto_tau_times(t,tpos):

    count_pos = np.zeros((tpos.shape[0],),tpos.dtype)

    for ii in range(t.shape[0]):
        for jj in range(ii,t.shape[0]):
            m = t[jj] - t[ii]
            assert m >= 0
            if m < tpos.shape[0]:
                i = count_pos[m]
                if i < tpos.shape[1]:
                    tpos[m,i] = t[ii]   
                    count_pos[m] +=1


def cross_count_mixed(t1,t2, n, period):
    pos = np.empty((n,len(t1)//period * 2),int)
    pos[...] = -1
    neg = np.empty((n,len(t1)//period * 2),int)
    neg[...] = -1
    cross_tau_times(t1,t2,pos,neg)
    
    count_pos_pos = np.zeros((n, 2*n), int)
    count_neg_neg = np.zeros((n, 2*n), int)
    count_pos_neg = np.zeros((n, 2*n), int)
    
    for i in range(n):
        pmask = pos[i] > 0
        _add_count_cross(pos[i,pmask],pos[i,pmask],count_pos_pos[i])
        nmask = neg[i] > 0
        _add_count_cross(neg[i,nmask],neg[i,nmask],count_neg_neg[i])
        _add_count_cross(pos[i,pmask],neg[i,nmask],count_pos_neg[i])
    return count_pos_pos,count_neg_neg,count_pos_neg
        
def auto_count_mixed(t, n, period):
    pos = np.empty((n,len(t)//period * 2),int)
    pos[...] = -1

    auto_tau_times(t,pos)
    count = np.zeros((n, 2*n), int)

    
    for i in range(n):
        mask = pos[i] > 0
        _add_count_cross(pos[i,mask],pos[i,mask],count[i])

    return count
        
        
    
    


@nb.jit(nopython = True, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH) 
def _add_count_auto(t,n):
    for ii in range(t.shape[0]):
        for jj in range(ii,t.shape[0]):
            m = abs(t[ii] - t[jj])
            if m < len(n):
                n[m] += 1   
    
    
#normalization functions
#-----------------------
    
@nb.vectorize([F(F,I64,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_ccorr_0(data, count, bg1, bg2):
    return data/count - (bg1.real * bg2.real + bg1.imag * bg2.imag)

@nb.vectorize([F(F,I64,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_cdiff_1(data, count, d):
    return data/count - (d.real * d.real + d.imag*d.imag)

@nb.vectorize([F(F,I64,C,C,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_ccorr_2(data, count, bg1, bg2, m1, m2):
    tmp = data
    tmp = tmp - bg1.real * m2.real - bg1.imag * m2.imag
    tmp = tmp - bg2.real * m1.real - bg2.imag * m1.imag
    return  tmp/count + bg1.real * bg2.real + bg1.imag * bg2.imag

@nb.vectorize([F(F,I64,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_ccorr_2b(data, count, m1, m2):
    tmp = m1.real * m2.real + m1.imag * m2.imag
    tmp = tmp/count
    tmp = data -tmp
    return tmp/count

@nb.vectorize([F(F,I64,C,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_cdiff_3(data, count, dm, m1, m2):
    ds = m2 - m1
    tmp = data - 2*(dm.real * ds.real + dm.imag * ds.imag)
    return  tmp/count  + (dm.real * dm.real + dm.imag * dm.imag)

@nb.vectorize([F(F,I64,C,C,F,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_ccorr_3(data, count, bg1, bg2, sq, m1, m2):
    tmp = data - 0.5 * sq 
    
    tmp = tmp + (m1.real-m2.real)* (bg1.real- bg2.real)
    tmp = tmp + (m1.imag-m2.imag)* (bg1.imag- bg2.imag)

    tmp = tmp/count
    
    d = (bg1.real - bg2.real)
    d2 = d*d
    d = (bg1.imag - bg2.imag)
    d2 = d2 + d*d
    
    return tmp - (0.5 * d2)

@nb.vectorize([F(F,I64,F,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_ccorr_3b(data, count, sq, m1, m2):

    
    tmp = (m1.real-m2.real)* (m1.real- m2.real)
    tmp = tmp + (m1.imag-m2.imag)* (m1.imag- m2.imag)
    tmp = 0.5*tmp/count
    tmp = data + tmp - 0.5 * sq 

    
    return tmp/count

@nb.vectorize([F(F,I64,C,C,F)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def _normalize_ccorr_1(data, count, bg1, bg2, sq):
    tmp = data - 0.5 * sq 
    
    tmp = tmp/count
    
    d = (bg1.real - bg2.real)
    d2 = d*d
    d = (bg1.imag - bg2.imag)
    d2 = d2 + d*d
    
    return tmp + (0.5 * d2)

#because of numba bug, this does not work for np.nan inputs

# @nb.jit([F(F,F)], cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
# def _weight_from_g(g,delta):
#     tmp1 = 2*g
#     tmp2 = g**2 + 1 + 2*delta**2
#     return tmp1/tmp2    

@nb.vectorize([F(C,F)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def weight_from_g(g, delta):
    """Computes weight for weighted normalization from normalized and scaled 
    correlation function"""
    tmp1 = 2*g.real
    g2 = g.real**2 + g.imag**2
    tmp2 = g2 + 1 + delta**2
    return tmp1/tmp2    


@nb.vectorize([F(C,F,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def weight_prime_from_g(g,delta, b1, b2):
    """Computes weight for weighted normalization from normalized and scaled 
    correlation function"""
    # s1 = |b1|^2
    s1 = b1.real * b1.real + b1.imag * b1.imag
    # s2 = |b2|^2
    s2 = b2.real * b2.real + b2.imag * b2.imag
    # r = Re(conj(b2)*b1)
    r = b1.real * b2.real + b1.imag * b2.imag
    #i = Im(conj(b2)*b1)
    i = b2.real * b1.imag - b2.imag * b1.real
    
    d2 = delta**2
    
    g2 = g.real**2 + g.imag**2
    
    tmp1 = 2 * g.real + 2 * r + (s1 + s2) * g.real
    tmp2 = g2 + 1 + d2 + s1 + s2 + (s2 - s1) * delta + 2 * r * g.real + 2 * i * g.imag
    return tmp1/tmp2    

def weight_prime_from_d(d, delta, b1, b2):
    g = 1 - d/2.
    return weight_prime_from_g(g,delta, b1, b2)

def weight_from_d(d, delta):
    g = 1 - d/2.
    return weight_from_g(g, delta)
     

@nb.vectorize([F(F,C,F)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def sigma_weighted(w,g,delta):
    """Computes standard deviation of the weighted normalization."""
    g2 = g.real**2 
    c2= g2 + g.imag**2
    d2 = delta**2
    return (0.5 * (w**2 * (c2 + 1 + d2) - 4 * w * g.real   + 2*g2 - c2 + 1 - d2))**0.5


@nb.vectorize([F(F,C,F,C,C)],target = NUMBA_TARGET, cache = NUMBA_CACHE, fastmath = NUMBA_FASTMATH)
def sigma_prime_weighted(w,g,delta, b1, b2):
    g2 = g.real**2
    c2 = g2 + g.imag**2
    d2 = delta**2
    # s1 = |b1|^2
    s1 = b1.real * b1.real + b1.imag * b1.imag
    # s2 = |b2|^2
    s2 = b2.real * b2.real + b2.imag * b2.imag
    # r = Re(conj(b2)*b1)
    r = b1.real * b2.real + b1.imag * b2.imag
    #i = Im(conj(b2)*b1)
    i = b2.real * b1.imag - b2.imag * b1.real
    
    return (0.5 * (w**2 * (c2 + 1 + d2 + s1 + s2 + (s2 - s1) * delta + 2 * r * g.real + 2 * i * g.imag) \
                   - 4 * w * (g.real + r + 0.5 * (s1 + s2) * g.real ) \
                       + 2*g2 - c2 + 1 - d2 + s1 + s2 - (s2 - s1) * delta + 2 * r * g.real - 2 * i * g.imag))**0.5




@nb.jit
def _g(a,index):
    index = abs(index)
    if index > len(a):
        return 0.
    else:
        return a[index]


# ---- harness (not part of the program) ----
ENTRY = "cddm_core_kernels"


def cddm_core_kernels(f1, f2, t1, t2, g, xr, xn, lt):
    res = {}
    nt, nk = f1.shape
    m = 6
    x1 = f1[:, 0].copy()
    x2 = f2[:, 0].copy()
    res["abs2"] = abs2(f1)
    res["mean_f"] = mean(f1.real, f2.real)
    res["mean_c"] = mean(f1, f2)
    res["convolve"] = convolve(xr)
    res["interpolate"] = interpolate(xn, np.arange(xr.shape[-1], dtype=np.float64), xr)
    res["log_interpolate"] = log_interpolate(lt, np.array([0, 1, 2, 4, 8, 16, 32], dtype=np.int64),
                                             xr[0, :7])
    res["median"] = median(xr)
    res["median_slow"] = _median_slow(xr)
    res["weighted_sum"] = weighted_sum(xr[0], xr[1], 0.5 + 0.4 * np.sin(xr[2]))
    res["decreasing"] = decreasing(xr)
    res["increasing"] = increasing(xr, np.zeros_like(xr))
    res["stats"] = _calc_stats_vec(f1, np.zeros(nk, np.complex128), np.zeros(nk))
    z2 = lambda: np.zeros((m, nk))
    z1 = lambda: np.zeros(m)
    res["cross_corr_vec"] = _cross_corr_vec(f1, f2, t1, t2, z2(), z2())
    res["cross_corr"] = _cross_corr(x1, x2, t1, t2, z1(), z1())
    res["cross_corr_regular"] = _cross_corr_regular(x1, x2, z1(), z1())
    res["auto_corr_regular"] = _auto_corr_regular(x1, z1(), z1())
    res["auto_corr_vec"] = _auto_corr_vec(f1, t1, z2(), z2())
    res["auto_corr"] = _auto_corr(x1, t1, z1(), z1())
    res["cross_diff_vec"] = _cross_diff_vec(f1, f2, t1, t2, z2(), z2())
    res["cross_diff"] = _cross_diff(x1, x2, t1, t2, z1(), z1())
    res["cross_diff_regular"] = _cross_diff_regular(x1, x2, z1(), z1())
    res["auto_diff_vec"] = _auto_diff_vec(f1, t1, z2(), z2())
    res["auto_diff_regular"] = _auto_diff_regular(x1, z1(), z1())
    res["auto_diff"] = _auto_diff(x1, t1, z1(), z1())
    res["cross_sum_vec_c"] = _cross_sum_vec(f1, t1, t2, np.zeros((m, nk), np.complex128),
                                            np.zeros((m, nk), np.complex128))
    res["cross_sum_vec_f"] = _cross_sum_vec(f1.real.copy(), t1, t2, z2(), z2())
    res["cross_sum_c"] = _cross_sum(x1, t1, t2, np.zeros(m, np.complex128), np.zeros(m, np.complex128))
    res["cross_sum_f"] = _cross_sum(x1.real.copy(), t1, t2, z1(), z1())
    res["cross_sum_regular_c"] = _cross_sum_regular(x1, np.zeros(m, np.complex128),
                                                    np.zeros(m, np.complex128))
    res["cross_sum_regular_f"] = _cross_sum_regular(x1.real.copy(), z1(), z1())
    sq = np.zeros(nk)
    _add_squaresum_vec(f1[0], f2[0], sq)
    res["squaresum"] = sq
    filled = np.zeros(2 * int(t1.max() + 1), np.complex128)
    _fill_data(x1, t1, filled)
    res["fill_data_c"] = filled
    filled_f = np.zeros(2 * int(t1.max() + 1), np.complex128)
    _fill_data(x1.real.copy(), t1, filled_f)
    res["fill_data_f"] = filled_f
    ones = np.zeros(2 * int(t1.max() + 1), np.complex128)
    _fill_ones(t1, ones)
    res["fill_ones"] = ones
    nc = np.zeros(m, np.int64)
    _add_count_cross(t1, t2, nc)
    res["count_cross"] = nc
    na = np.zeros(m, np.int64)
    _add_count_auto(t1, na)
    res["count_auto"] = na
    res["cross_count_mixed"] = cross_count_mixed(t1, t2, 4, 2)
    res["auto_count_mixed"] = auto_count_mixed(t1, 4, 2)
    # normalizations on the correlation data
    data = res["cross_corr_vec"]
    count = np.arange(1, m + 1, dtype=np.int64)[:, None] * np.ones(nk, np.int64)
    bg1 = f1.mean(axis=0)
    bg2 = f2.mean(axis=0)
    m1 = res["cross_sum_vec_c"]
    m2 = _cross_sum_vec(f2, t2, t1, np.zeros((m, nk), np.complex128), np.zeros((m, nk), np.complex128))
    sqv = res["cross_diff_vec"] * 0.5 + 1.0
    res["n_ccorr_0"] = _normalize_ccorr_0(data, count, bg1, bg2)
    res["n_cdiff_1"] = _normalize_cdiff_1(res["cross_diff_vec"], count, bg1 - bg2)
    res["n_ccorr_2"] = _normalize_ccorr_2(data, count, bg1, bg2, m1, m2)
    res["n_ccorr_2b"] = _normalize_ccorr_2b(data, count, m1, m2)
    res["n_cdiff_3"] = _normalize_cdiff_3(res["cross_diff_vec"], count, bg2 - bg1, m1, m2)
    res["n_ccorr_3"] = _normalize_ccorr_3(data, count, bg1, bg2, sqv, m1, m2)
    res["n_ccorr_3b"] = _normalize_ccorr_3b(data, count, sqv, m1, m2)
    res["n_ccorr_1"] = _normalize_ccorr_1(data, count, bg1, bg2, sqv)
    res["weight_from_g"] = weight_from_g(g, 0.2)
    res["weight_from_d"] = weight_from_d(2.0 * (1.0 - g), 0.3)
    b1 = 0.1 + 0.05j
    b2 = -0.08 + 0.02j
    res["weight_prime_from_g"] = weight_prime_from_g(g, 0.2, b1, b2)
    res["weight_prime_from_d"] = weight_prime_from_d(2.0 * (1.0 - g), 0.1, b1, b2)
    w = res["weight_from_g"]
    res["sigma_weighted"] = sigma_weighted(w, g, 0.2)
    res["sigma_prime_weighted"] = sigma_prime_weighted(w, g, 0.2, b1, b2)
    gr = g.real.copy()
    res["_g"] = (_g(gr, 3), _g(gr, -2), _g(gr, len(gr) + 1))
    return res


def inputs():
    nt, nk = 8, 5
    i = np.arange(nt)[:, None]
    k = np.arange(nk)[None, :]
    f1 = (np.cos(0.7 * i + 0.3 * k) + 1j * np.sin(0.5 * i - 0.2 * k)) * np.exp(-0.05 * i * (k + 1))
    f2 = (np.sin(0.6 * i + 0.4 * k + 0.1) + 1j * np.cos(0.45 * i + 0.25 * k)) * np.exp(-0.04 * i * (k + 1))
    t1 = np.array([0, 1, 2, 4, 5, 7, 8, 11], dtype=np.int64)
    t2 = np.array([0, 2, 3, 4, 6, 7, 9, 10], dtype=np.int64)
    q = np.arange(12)
    g = np.exp(-0.15 * q) * (np.cos(0.2 * q) + 0.1j * np.sin(0.3 * q))
    xr = np.vstack([np.sin(0.8 * np.arange(9.0) + s) * (1.0 + 0.1 * s) for s in range(3)])
    xn = np.array([-1.5, 0.0, 0.4, 2.5, 3.0, 7.2, 8.0, 9.6])
    lt = np.array([0, 1, 2, 3, 5, 9, 20, 40], dtype=np.int64)
    return (f1, f2, t1, t2, g, xr, xn, lt)
