# Source: mhvwerts/ddm-toolkit ddm_toolkit/ddm_numba_cpu.py (at commit 195696d6)
# Licence: CeCILL (ddm-toolkit, LICENSE; "DISTRIBUTED UNDER THE CeCILL LICENSE" in the package's module headers; Martinus H. V. Werts, CNRS / ENS Rennes)
# Notes: the Numba CPU kernels of DDM Toolkit (differential dynamic microscopy: the image structure function of a microscopy video, from which particle diffusion coefficients are fitted). Each call takes the FFT (real and imaginary parts) of a new frame and adds |FFT(t + dt) - FFT(t)|^2 for every lag of a circular buffer of earlier FFTs into an accumulator, with the buffer index computed as (n + ix_in) % Nbuf: numba_ISF_push_frame_fft_v1 is @numba.jit(nopython=True) over range, numba_ISF_push_frame_fft_v2 is @numba.jit(nopython=True, parallel=True) over numba.prange (each iteration writes its own slice _ISF[n,:,:], 3-D slicing and whole-array ** 2 inside the loop), and numba_ISF_push_frame_fft_v2_corr_LB (Lancelot Barthe's drift-corrected variant: np.cos/np.sin phase rotation, a v_dot_u grid) rebinds img_in_fft_real/img_in_fft_imag inside its prange loop so each iteration depends on the previous one; it is kept but not called. Pasted: the module in full (it imports matplotlib.pyplot, which it does not use). The harness follows ImageStructureEngine4.push in ddm_toolkit/ddm.py (engines 5 and 6 call v1 and v2): np.fft.fft2 of each incoming frame, the kernel call once the buffer is full, the ring-buffer index ix_in counting down, the FFT stored in BUFreal/BUFimag; it pushes 20 synthetic 32 x 32 frames of drifting Gaussian particles plus noise (np.random.default_rng(0)) through both kernels with an 8-frame buffer and returns both accumulators, ISFcount and the normalised, fftshift-ed ISF as ImageStructureEngine4.ISF builds it
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
ddm_numba_cpu.py: Numba-accelerated computations (CPU)

@author: werts
"""

import numba
import numpy as np
from matplotlib import pyplot as plt

@numba.jit(nopython=True)
def numba_ISF_push_frame_fft_v1(img_in_fft_real, img_in_fft_imag, _ISF,
                        ix_in, BUFreal, BUFimag, Nbuf):
    """process an incoming frame for the image structure function

    Numba nJIT single-threaded version

    """
    for n in range(Nbuf):
        ixc = (n + ix_in) % Nbuf
        dISF = (img_in_fft_real - BUFreal[ixc,:,:])**2 \
              + (img_in_fft_imag - BUFimag[ixc,:,:])**2
        # add to total isf
        _ISF[n,:,:] += dISF



@numba.jit(nopython=True, parallel=True)
def numba_ISF_push_frame_fft_v2(img_in_fft_real, img_in_fft_imag, _ISF,
                        ix_in, BUFreal, BUFimag, Nbuf):
    """process an incoming frame for the image structure function

    Numba nJIT parallel version. Multithreading if available.

    """

    for n in numba.prange(Nbuf):
        ixc = (n + ix_in) % Nbuf
        dISF = (img_in_fft_real - BUFreal[ixc,:,:])**2 \
              + (img_in_fft_imag - BUFimag[ixc,:,:])**2
        # add to total isf
        _ISF[n,:,:] += dISF




@numba.jit(nopython=True, parallel=True)
def numba_ISF_push_frame_fft_v2_corr_LB(img_in_fft_real, img_in_fft_imag, _ISF,
                        ix_in, BUFreal, BUFimag, Nbuf, v_pix_s1, phi_0, ux, uy,tau):
    """process an incoming frame for the image structure function

    modified by Lancelot Barthe

    Numba nJIT parallel version. Multithreading if available.

    """


    """TODO VERIFY COMPUTATION OF v_dot_u and if the multiplication is an elemen wise one """
    
    v_dot_u = np.zeros((ux.size,uy.size))

    for i in range(ux.size):
        for j in range(uy.size):
            v_dot_u[i,j] = v_pix_s1*np.cos(phi_0)*ux[i] + v_pix_s1*np.sin(phi_0)*uy[j]


    for n in numba.prange(Nbuf):
        ixc = (n + ix_in) % Nbuf

        img_in_fft_real_temp = img_in_fft_real*np.cos(-v_dot_u*tau[n]) - img_in_fft_imag*np.sin(-v_dot_u*tau[n])
        img_in_fft_imag_temp = img_in_fft_imag*np.cos(-v_dot_u*tau[n]) + img_in_fft_real*np.sin(-v_dot_u*tau[n])

        img_in_fft_real = img_in_fft_real_temp
        img_in_fft_imag = img_in_fft_imag_temp

        dISF = (img_in_fft_real - BUFreal[ixc,:,:])**2 \
              + (img_in_fft_imag - BUFimag[ixc,:,:])**2
        # add to total isf
        _ISF[n,:,:] += dISF


# ---- harness (not part of the program) ----
ENTRY = "ddm_isf"


def ddm_isf(frames, Nbuf):
    Npx = frames.shape[1]
    results = []
    for kernel in (numba_ISF_push_frame_fft_v1, numba_ISF_push_frame_fft_v2):
        BUFreal = np.zeros((Nbuf, Npx, Npx), dtype=np.float64)
        BUFimag = np.zeros((Nbuf, Npx, Npx), dtype=np.float64)
        ISFaccum = np.zeros((Nbuf, Npx, Npx))
        ix_in = 0
        totalframes = 0
        ISFcount = 0
        for img_in in frames:
            img_in_fft = np.fft.fft2(img_in)
            if totalframes >= Nbuf:
                kernel(img_in_fft.real, img_in_fft.imag, ISFaccum, ix_in,
                       BUFreal, BUFimag, Nbuf)
                ISFcount += 1
            if ix_in <= 0:
                ix_in = Nbuf
            ix_in -= 1
            BUFreal[ix_in, :, :] = img_in_fft.real
            BUFimag[ix_in, :, :] = img_in_fft.imag
            totalframes += 1
        ISFarray = np.zeros((Nbuf + 1, Npx, Npx))
        for ix, dISF in enumerate(ISFaccum):
            ISFarray[ix + 1, :, :] = np.fft.fftshift(dISF) / ISFcount
        results.append((ISFaccum, ISFcount, ISFarray))
    return results


def inputs():
    rng = np.random.default_rng(0)
    Npx, Nframes, Npart = 32, 20, 6
    yy, xx = np.mgrid[0:Npx, 0:Npx]
    pos = rng.uniform(4.0, Npx - 4.0, size=(Npart, 2))
    frames = np.empty((Nframes, Npx, Npx))
    for t in range(Nframes):
        pos = (pos + rng.normal(0.0, 0.7, size=pos.shape)) % Npx
        img = np.zeros((Npx, Npx))
        for py, px in pos:
            img += np.exp(-((yy - py) ** 2 + (xx - px) ** 2) / (2 * 1.5 ** 2))
        frames[t] = img + 0.05 * rng.standard_normal((Npx, Npx))
    return (frames, 8)
