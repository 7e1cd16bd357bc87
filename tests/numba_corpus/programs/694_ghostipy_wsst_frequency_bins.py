# Source: kemerelab/ghostipy ghostipy/spectral/wsst.py (commit 77b40db0)
# Licence: Apache-2.0 (ghostipy, setup.py "license='Apache License'"; author Joshua Chu)
# Notes: the Numba kernels of ghostipy's wavelet synchrosqueezed transform (WSST): assign_to_frequency_bins (@njit(parallel=True), a prange over time nested in a range over scales, writing into per-time scratch arrays phasetf[m] and k[m], complex division and .imag, np.isfinite on a scalar, np.argmin(np.abs(freq_vec - x)), complex accumulation into a 2-D output created with dtype=W.dtype) and assign_to_frequency_bins_serial (@njit(cache=True), the same with scalars), plus the plain-Python chunk helper compute_sst_chunk that calls the serial kernel on column slices. Pasted with the module's imports of numpy and numba (the commented-out set_num_threads/get_num_threads import kept as it is); the imports of ghostipy.spectral.cwt and ghostipy.spectral.wavelets, the wsst() driver that needs them (its default argument builds a MorseWavelet) and the commented-out old code at the end of the file are left out. The harness builds what wsst() passes in: the CWT W and its time derivative dW of a two-tone-plus-chirp signal, computed in NumPy with an analytic Morlet-like wavelet in the frequency domain (dW per sample, from multiplying by 2*pi*i*f/fs), over a descending frequency grid of 4 voices per octave, and runs both kernels (the parallel one on the whole array, the serial one chunk by chunk through compute_sst_chunk as wsst's dask path does)
import time
import numpy as np
from multiprocessing import cpu_count
from numba import njit, prange #set_num_threads, get_num_threads)

__all__ = ['wsst']

@njit(parallel=True)
def assign_to_frequency_bins(W, dW, freq_vec, voices_per_octave, eps, fs, n_threads):
    #n_threads_original = get_num_threads() # only available on 0.49.1? fix
    #set_num_threads(n_threads)
    J, T = W.shape
    sst = np.zeros((freq_vec.shape[0], W.shape[1]), dtype=W.dtype)
    
    #phasetf = (dW / W).imag / (2 * np.pi)
    #freq_inds = np.zeros(W.shape[1], dtype=np.int32)
    phasetf = np.zeros(T)
    k = np.zeros(T, dtype=np.int64)
    
    for j in range(J):
        for m in prange(T):
            if np.abs(W[j, m]) > eps:
                phasetf[m] = (dW[j, m] / W[j, m]).imag / (2 * np.pi) * fs
                if (np.isfinite(phasetf[m])
                and phasetf[m] <= freq_vec[0]
                and phasetf[m] >= freq_vec[-1]):
                    k[m] = np.argmin(np.abs(freq_vec - phasetf[m]))
                    #print(j, m, phasetf, k)
                    sst[k[m], m] += W[j, m] * np.log(2) / voices_per_octave
          
#             freq_ind = J - np.floor(J/(log2f2 - log2f1) * (np.log2(phasetf) - log2f1))
#             if (np.isfinite(freq_ind) == True
#             and freq_ind > -1
#             and freq_ind < J
#             and np.abs(W[j, m]) > eps):
                
#                 sst[int(freq_ind), m] = sst[int(freq_ind), m] + W[j, m] * np.log(2) / voices_per_octave
                
    # only available on 0.49.1? fix
    # set_num_threads(n_threads_original)
    return sst

@njit(cache=True)
def assign_to_frequency_bins_serial(W, dW, freq_vec, voices_per_octave, eps, fs):
    J, T = W.shape
    sst = np.zeros((freq_vec.shape[0], W.shape[1]), dtype=W.dtype)
    
    #phasetf = (dW / W).imag / (2 * np.pi)
    #freq_inds = np.zeros(W.shape[1], dtype=np.int32)
    
    for j in range(J):
        for m in range(T):
            if np.abs(W[j, m]) > eps:
                phasetf = (dW[j, m] / W[j, m]).imag / (2 * np.pi) * fs
                if (np.isfinite(phasetf)
                    and phasetf <= freq_vec[0]
                    and phasetf >= freq_vec[-1]):

                    k = np.argmin(np.abs(freq_vec - phasetf))
                    #print(j, m, phasetf, k)
                    sst[k, m] += W[j, m] * np.log(2) / voices_per_octave
          
#             freq_ind = J - np.floor(J/(log2f2 - log2f1) * (np.log2(phasetf) - log2f1))
#             if (np.isfinite(freq_ind) == True
#             and freq_ind > -1
#             and freq_ind < J
#             and np.abs(W[j, m]) > eps):
                
#                 sst[int(freq_ind), m] = sst[int(freq_ind), m] + W[j, m] * np.log(2) / voices_per_octave
                
    return sst

def compute_sst_chunk(cwt_computed, dcwt_computed, freqs, voices_per_octave,
                      fs, start, n_time_points, eps, sst_out):

    cwt_chunk = cwt_computed[:, start:start+n_time_points]
    dcwt_chunk = dcwt_computed[:, start:start+n_time_points]
    sst_out[:, start:start + n_time_points] = assign_to_frequency_bins_serial(
        cwt_chunk,
        dcwt_chunk,
        freqs,
        voices_per_octave,
        eps,
        fs)


# ---- harness (not part of the program) ----
ENTRY = "ghostipy_wsst_bins"


def _analytic_cwt(x, fs, freqs, n_cycles=6.0):
    # CWT of x by an analytic Gaussian (Morlet-like) wavelet applied in the
    # frequency domain, and its derivative per sample (multiplication by
    # 2*pi*i*f/fs), as ghostipy's cwt(..., derivative=True) returns it
    n = x.shape[0]
    f = np.fft.fftfreq(n, d=1.0 / fs)
    xf = np.fft.fft(x)
    W = np.empty((freqs.shape[0], n), dtype=np.complex128)
    dW = np.empty_like(W)
    for j, fc in enumerate(freqs):
        sigma_f = fc / n_cycles
        psi = np.where(f > 0, np.exp(-0.5 * ((f - fc) / sigma_f) ** 2), 0.0)
        W[j] = np.fft.ifft(xf * psi)
        dW[j] = np.fft.ifft(xf * psi * 2j * np.pi * f / fs)
    return W, dW


def ghostipy_wsst_bins(x, fs, freqs, voices_per_octave, eps, chunk):
    W, dW = _analytic_cwt(x, fs, freqs)
    sst_par = assign_to_frequency_bins(W, dW, freqs, voices_per_octave, eps, fs, 2)
    sst_ser = assign_to_frequency_bins_serial(W, dW, freqs, voices_per_octave, eps, fs)
    sst_chunked = np.zeros_like(W)
    for start in range(0, W.shape[1], chunk):
        compute_sst_chunk(W, dW, freqs, voices_per_octave, fs, start, chunk, eps, sst_chunked)
    return sst_par, sst_ser, sst_chunked


def inputs():
    fs = 250.0
    t = np.arange(500) / fs
    x = (np.sin(2 * np.pi * 12.0 * t)
         + 0.5 * np.sin(2 * np.pi * 40.0 * t)
         + 0.3 * np.sin(2 * np.pi * (5.0 + 20.0 * t) * t))
    voices_per_octave = 4
    n_oct = np.log2(100.0 / 4.0)
    j = np.arange(int(n_oct * voices_per_octave) + 1)
    freqs = 100.0 / 2.0 ** (j / voices_per_octave)  # descending, as ghostipy's cwt returns them
    return x, fs, freqs, voices_per_octave, 1e-8, 128
