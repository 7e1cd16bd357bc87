# Source: ratt-ru/pfb-imaging pfb/operators/gauss.py (at commit 23c1b31c); kron_matvec2 from pfb/utils/misc.py (commit 034724e6)
# Licence: MIT (pfb-imaging, LICENSE; Copyright (c) 2020 Rhodes University Centre for Radio Astronomy Techniques & Technologies (RATT))
# Notes: Gaussian-process prior operators of the pfb radio-imaging package: a squared-exponential convolution kernel tabulated on a (nx_psf, ny_psf) pixel grid centred on the middle pixel, a frequency-mixing product out[j, i] = sum_k A[j, k] x[k, i] over all pixels, and a Kronecker-structured matrix-vector product (A1 x A2 x ... x AD) b computed one factor at a time by reshaping, contracting and transposing; Numba features: @njit(parallel=True, nogil=True, fastmath=True, inline='always') with prange over pixels (and over nothing in make_kernel, whose loops are plain range), float(j - (nx_psf//2)), a (1, nx, ny) float64 result, @jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True) on a function taking a homogeneous tuple of 2-D arrays (len(A), A[d] with a loop index, A[0].dtype), np.reshape of the argument, x[:] = Z.T.ravel() writing the result back into the caller's vector. Pasted: freqmul and make_kernel from gauss.py and kron_matvec2 from misc.py with the imports they use; left out: the Gauss operator class (ducc0 FFT convolution, africanus exponential_squared covariances, mock_array), the plain-NumPy kron_matvec and the rest of misc.py (dask/measurement-set utilities); the harness tabulates kernels for two grid sizes and length scales, mixes 4 frequency bands of a 6 x 5 image with a 4 x 4 band covariance, and applies kron_matvec2 with a (3, 4, 5) Kronecker factorisation to a copy of a 60-vector (returned after the call)
import numpy as np
from numba import jit, njit, prange


@njit(parallel=True, nogil=True, fastmath=True, inline='always')
def freqmul(A, x):
    nchan, npix = x.shape
    out = np.zeros((nchan, npix), dtype=x.dtype)
    for i in prange(npix):
        for j in range(nchan):
            for k in range(nchan):
                out[j, i] += A[j, k] * x[k, i]
    return out

@njit(parallel=True, nogil=True, fastmath=True, inline='always')
def make_kernel(nx_psf, ny_psf, sigma0, length_scale):
    K = np.zeros((1, nx_psf, ny_psf), dtype=np.float64)
    for j in range(nx_psf):
        for k in range(ny_psf):
            l = float(j - (nx_psf//2))
            m = float(k - (ny_psf//2))
            K[0,j,k] = sigma0**2*np.exp(-(l**2+m**2)/(2*length_scale**2))
    return K


@jit(nopython=True, fastmath=True, parallel=False, cache=True, nogil=True)
def kron_matvec2(A, b):
    D = len(A)
    N = b.size
    x = b

    for d in range(D):
        Gd = A[d].shape[0]
        NGd = N//Gd
        X = np.reshape(x, (Gd, NGd))
        Z = np.zeros((Gd, NGd), dtype=A[0].dtype)
        Ad = A[d]
        for i in range(Gd):
            for j in range(Gd):
                for k in range(NGd):
                    Z[j, k] += Ad[i, j] * X[i, k]
        x[:] = Z.T.ravel()
    return x
# ---- harness (not part of the program) ----
ENTRY = "run_operators"


def run_operators(A_band, image, factors, b):
    K1 = make_kernel(16, 12, 1.5, 0.5)
    K2 = make_kernel(9, 9, 0.7, 2.0)
    mixed = freqmul(A_band, image.reshape(image.shape[0], -1))
    bcopy = b.copy()
    y = kron_matvec2(factors, bcopy)
    return K1, K2, mixed, y, bcopy


def inputs():
    rng = np.random.default_rng(0)
    M = rng.normal(size=(4, 4))
    A_band = M @ M.T + 4.0 * np.eye(4)
    image = rng.normal(size=(4, 6, 5))
    factors = tuple(np.exp(-0.5 * (np.subtract.outer(np.arange(n), np.arange(n)) / 1.5) ** 2)
                    + 0.1 * np.eye(n) for n in (3, 4, 5))
    b = rng.normal(size=60)
    return (A_band, image, factors, b)
