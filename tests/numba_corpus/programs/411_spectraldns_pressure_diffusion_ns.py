# Source: spectralDNS/spectralDNS spectralDNS/optimization/numba_module.py (at commit 532b7137)
# Licence: LGPL (spectralDNS, setup.py at commit e7e9b07d: classifier "License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)"; Mikael Mortensen)
# Notes: the pressure and viscous terms of the right-hand side of spectralDNS's Fourier-Galerkin Navier-Stokes solver for triply periodic turbulence (the numba optimisation module the NS solver's ComputeRHS calls): add_pressure_diffusion_NS (plain Python) slices the three wavenumber vectors out of the wavenumber mesh (kk[0][:, 0, 0], kk[1][0, :, 0], kk[2][0, 0, :], strided views) and calls add_pressure_diffusion_NS_ (@jit(nopython=True, fastmath=True)), which over the half-spectrum loops computes the spectral pressure p_hat = (du . k/|k|^2) and subtracts p_hat k + nu |k|^2 u_hat from the complex right-hand side, in place in du and p_hat, returning du. Pasted: the module's numba import and these two functions. The harness passes what ComputeRHS passes for a 16^3 grid (real-to-complex transforms, so 16 x 16 x 9 modes): a complex nonlinear term du and velocity u_hat (3 x 16 x 16 x 9, random with spectral decay), nu = 0.005, the float wavenumber mesh K (3 x 16 x 16 x 9), K2 = |K|^2, a zeroed complex P_hat and K_over_K2 = K / where(K2 == 0, 1, K2)
from numba import jit


def add_pressure_diffusion_NS(du, u_hat, nu, ksq, kk, p_hat, k_over_k2):
    du = add_pressure_diffusion_NS_(du, u_hat, nu, ksq, kk[0][:, 0, 0],
                                    kk[1][0, :, 0], kk[2][0, 0, :], p_hat, k_over_k2)
    return du

@jit(nopython=True, fastmath=True)
def add_pressure_diffusion_NS_(du, u_hat, nu, ksq, kx, ky, kz, p_hat, k_over_k2):
    for i in range(ksq.shape[0]):
        k0 = kx[i]
        for j in range(ksq.shape[1]):
            k1 = ky[j]
            for k in range(ksq.shape[2]):
                z = nu*ksq[i, j, k]
                k2 = kz[k]
                p_hat[i, j, k] = du[0, i, j, k]*k_over_k2[0, i, j, k]+du[1, i, j, k]*k_over_k2[1, i, j, k]+du[2, i, j, k]*k_over_k2[2, i, j, k]
                du[0, i, j, k] = du[0, i, j, k] - (p_hat[i, j, k]*k0+u_hat[0, i, j, k]*z)
                du[1, i, j, k] = du[1, i, j, k] - (p_hat[i, j, k]*k1+u_hat[1, i, j, k]*z)
                du[2, i, j, k] = du[2, i, j, k] - (p_hat[i, j, k]*k2+u_hat[2, i, j, k]*z)
    return du
# ---- harness (not part of the program) ----
ENTRY = "add_pressure_diffusion_NS"


def inputs():
    import numpy as np
    rng = np.random.default_rng(0)
    N = 16
    kx = np.fft.fftfreq(N, 1.0 / N)
    kz = np.fft.rfftfreq(N, 1.0 / N)
    K = np.array(np.meshgrid(kx, kx, kz, indexing="ij"), dtype=float)
    K2 = np.sum(K * K, 0)
    K_over_K2 = K / np.where(K2 == 0, 1, K2)
    decay = 1.0 / (1.0 + K2)
    shape = (3,) + K2.shape
    u_hat = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)) * decay
    du = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)) * decay
    P_hat = np.zeros(K2.shape, dtype=complex)
    return (du, u_hat, 0.005, K2, K, P_hat, K_over_K2)
