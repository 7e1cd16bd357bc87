# Source: pnnl/pinacles pinacles/Kinematics_impl.py (at commit 089a2de4) and pinacles/PressureSolver_impl.py (at commit 09534b72)
# Licence: BSD-style (PINACLES, LICENSE: Battelle Memorial Institute permission to use, copy, modify and redistribute with notice retained; Copyright (c) 2023, Battelle Memorial Institute)
# Notes: stencil kernels of PINACLES, PNNL's large-eddy simulation model of the atmospheric boundary layer (atmospheric science): from Kinematics_impl.py, the nine velocity gradients on the staggered Arakawa-C grid (u/v/w_gradients: triple loops over a 3-D field with one-sided and averaged neighbour differences written into output arrays) and the strain-rate magnitude sqrt(2 S_ij S_ij) (strain_rate_max, float powers **2.0); from PressureSolver_impl.py, the anelastic pressure projection's divergence of rho0-weighted velocities into an interior-sized array (halo offsets from an n_halo array), the copy of the real part of a complex pressure field into the haloed dynamic pressure (fill_pressure, .real of a complex element), and the velocity correction by the pressure gradient (apply_pressure, -= into three arrays). All functions are @numba.njit(fastmath=True) and return None after writing into their arguments. Pasted: both files as published; the harness does what PressureSolver and Kinematics do for one time step on a 14 x 12 x 10 grid with 2 halo points: divergence, an FFT Poisson solve in NumPy (pinacles' own solver uses mpi4py-fft; here a periodic spectral solve stands in for it), fill_pressure, apply_pressure, the divergence again, then the gradients and strain rate
import numba
import numpy as np
@numba.njit(fastmath=True)
def u_gradients(dxi, u, dudx, dudy, dudz):

    shape = u.shape
    for i in range(1,shape[0]-1):
        for j in range(1,shape[1]-1):
            for k in range(1, shape[2]-1):
                dudx[i,j,k] = (u[i,j,k] - u[i-1,j,k])*dxi[0]

                #uy_l = 0.25 * (u[i,j,k] + u[i-1,j,k] +
                #                u[i,j-1,k] + u[i-1,j-1,k])

                uy_l = 0.5 * (u[i-1,j-1,k] + u[i,j-1,k])

                #uy_h = 0.25 * (u[i,j+1,k] + u[i-1,j+1,k] +
                #                u[i,j,k] + u[i-1,j,k] )
                uy_h = 0.5 * (u[i-1,j+1,k] + u[i,j+1,k])
                dudy[i,j,k] = 0.5*(uy_h - uy_l)*(dxi[1]) 



                #uz_l = 0.25 * (u[i,j,k] + u[i-1,j,k] +
                #               u[i,j,k-1] + u[i-1,j,k-1])

                #uz_h = 0.25 * (u[i,j,k+1] + u[i-1,j,k+1]
                #                + u[i,j,k] + u[i-1,j,k])
                uz_l = 0.5 * (u[i-1,j,k-1] + u[i,j,k-1])

                uz_h = 0.5 * (u[i-1,j,k+1] + u[i,j,k+1])

                dudz[i,j,k] = 0.5*(uz_h - uz_l)*(dxi[2]) 


    return

@numba.njit(fastmath=True)
def v_gradients(dxi, v, dvdx, dvdy, dvdz):

    shape = v.shape
    for i in range(1,shape[0]-1):
        for j in range(1,shape[1]-1):
            for k in range(1, shape[2]-1):

                #vx_l = 0.25 * (v[i,j,k] + v[i,j-1,k] +
                #                v[i-1,j,k] + v[i-1,j-1,k])
                #vx_h = 0.25 * (v[i+1,j-1,k] + v[i+1,j,k] +
                #                v[i,j,k] + v[i,j-1,k] )


                vx_l = 0.5 * (v[i-1,j-1,k] + v[i-1,j,k])
                vx_h = 0.5 * (v[i+1,j-1,k] + v[i+1,j,k])

                dvdx[i,j,k] = 0.5*(vx_h - vx_l)*(dxi[0]) 

                dvdy[i,j,k] = (v[i,j,k] - v[i,j-1,k])*dxi[1] 
                
                #vz_l = 0.25 * (v[i,j,k] + v[i,j-1,k] +
                #               v[i,j,k-1] + v[i,j-1,k-1])
                #
                #vz_h = 0.25 * (v[i,j,k+1] + v[i-1,j,k+1]
                #                + v[i,j,k] + v[i,j-1,k])
                vz_l = 0.5 * (v[i,j-1,k-1] + v[i,j,k-1])
                vz_h = 0.5 * (v[i,j-1,k+1] + v[i,j,k+1])

                dvdz[i,j,k] = 0.5*(vz_h - vz_l)*( dxi[2])


@numba.njit(fastmath=True)
def w_gradients(dxi, w, dwdx, dwdy, dwdz):

    shape = w.shape
    for i in range(1,shape[0]-1):
        for j in range(1,shape[1]-1):
            for k in range(1, shape[2]-1):

                #wx_l = 0.25 * (w[i,j,k] + w[i,j,k-1] +
                #                w[i-1,j,k] + w[i-1,j,k-1])
                #wx_h = 0.25 * (w[i+1,j,k-1] + w[i+1,j,k] +
                #                w[i,j,k] + w[i,j,k-1] )

                wx_l = 0.5 * (w[i-1,j,k-1] + w[i-1,j,k] )
                wx_h = 0.5 * (w[i+1,j,k-1] + w[i+1,j,k])

                dwdx[i,j,k] = 0.5*(wx_h - wx_l)*(dxi[0]) 

                #wy_l = 0.25 * (w[i,j,k] + w[i,j,k-1] +
                #                w[i,j-1,k] + w[i,j-1,k-1])
                #wy_h = 0.25 * (w[i,j+1,k-1] + w[i,j+1,k] +
                #                w[i,j,k] + w[i,j,k-1] )

                wy_l = 0.5 * (w[i,j-1,k-1] + w[i,j-1,k] )
                wy_h = 0.5 * (w[i,j+1,k-1] + w[i,j+1,k])

                dwdy[i,j,k] = 0.5*(wy_h - wy_l)*(dxi[1])
                dwdz[i,j,k] = (w[i,j,k] - w[i,j,k-1])*dxi[2]
    return


@numba.njit(fastmath=True)
def strain_rate_max(dudx, dudy, dudz,
                    dvdx, dvdy, dvdz,
                    dwdx, dwdy, dwdz, strain_rate_mag):

    shape = strain_rate_mag.shape
    for i in range(1,shape[0]):
        for j in range(1,shape[1]):
            for k in range(1, shape[2]):

                s11 = (dudx[i,j,k])**2.0
                s22 = (dvdy[i,j,k])**2.0
                s33 = (dwdz[i,j,k])**2.0

                s12 = (0.5*(dvdx[i,j,k] + dudy[i,j,k]))**2.0
                s21 = s12
                s13 = (0.5*(dudz[i,j,k] + dwdx[i,j,k]))**2.0
                s31 = s13
                s23 = (0.5 * (dvdz[i,j,k] + dwdy[i,j,k]))**2.0
                s32 = s23

                strain_rate_mag[i,j,k] =  np.sqrt(2.0 * (s11 + s22 + s33 + s12 + s21 + s13 + s31 + s23 + s32))

    return


# ---- pinacles/PressureSolver_impl.py ----

import numba


@numba.njit(fastmath=True)
def divergence(n_halo, dxs, rho0, rho0_edge, u, v, w, div):
    # Second order divergence
    shape = u.shape
    nh0 = n_halo[0]
    nh1 = n_halo[1]
    nh2 = n_halo[2]
    for i in range(nh0, shape[0] - nh0):
        for j in range(nh1, shape[1] - nh1):
            for k in range(nh2, shape[2] - nh2):
                div[i - nh0, j - nh1, k - nh2] = (
                    (u[i, j, k] - u[i - 1, j, k]) / dxs[0] * rho0[k]
                    + (v[i, j, k] - v[i, j - 1, k]) / dxs[1] * rho0[k]
                    + (w[i, j, k] * rho0_edge[k] - w[i, j, k - 1] * rho0_edge[k - 1])
                    / dxs[2]
                )

    return


@numba.njit(fastmath=True)
def fill_pressure(n_halo, pres, dynp):
    # Copy only the diagnosed real part of the pressure field
    shape = pres.shape
    for i in range(shape[0]):
        for j in range(shape[1]):
            for k in range(shape[2]):
                dynp[i + n_halo[0], j + n_halo[1], k + n_halo[2]] = pres[i, j, k].real

    return


@numba.njit(fastmath=True)
def apply_pressure(dxs, dynp, u, v, w):
    # Use the diagnosed pressure to enforce continuity
    shape = dynp.shape
    for i in range(shape[0] - 1):
        for j in range(shape[1] - 1):
            for k in range(shape[2] - 1):
                u[i, j, k] -= (dynp[i + 1, j, k] - dynp[i, j, k]) / dxs[0]
                v[i, j, k] -= (dynp[i, j + 1, k] - dynp[i, j, k]) / dxs[1]
                w[i, j, k] -= (dynp[i, j, k + 1] - dynp[i, j, k]) / dxs[2]

    return
# ---- harness (not part of the program) ----
ENTRY = "run_projection_and_kinematics"


def _poisson_periodic(div, dxs):
    # stands in for pinacles' FFT pressure solver (mpi4py-fft): solve lap(p) = div
    nx, ny, nz = div.shape
    kx = 2.0 * np.pi * np.fft.fftfreq(nx, dxs[0])
    ky = 2.0 * np.pi * np.fft.fftfreq(ny, dxs[1])
    kz = 2.0 * np.pi * np.fft.fftfreq(nz, dxs[2])
    k2 = (kx[:, None, None] ** 2 + ky[None, :, None] ** 2 + kz[None, None, :] ** 2)
    k2[0, 0, 0] = 1.0
    ph = np.fft.fftn(div) / -k2
    ph[0, 0, 0] = 0.0
    return np.fft.ifftn(ph)


def run_projection_and_kinematics(u, v, w, rho0, rho0_edge, dxs, n_halo):
    nh = n_halo
    interior = tuple(s - 2 * h for s, h in zip(u.shape, nh))
    div = np.zeros(interior)
    divergence(n_halo, dxs, rho0, rho0_edge, u, v, w, div)
    pres = _poisson_periodic(div, dxs)
    dynp = np.zeros_like(u)
    fill_pressure(n_halo, pres, dynp)
    apply_pressure(dxs, dynp, u, v, w)
    div_after = np.zeros(interior)
    divergence(n_halo, dxs, rho0, rho0_edge, u, v, w, div_after)
    dxi = 1.0 / dxs
    grads = [np.zeros_like(u) for _ in range(9)]
    u_gradients(dxi, u, grads[0], grads[1], grads[2])
    v_gradients(dxi, v, grads[3], grads[4], grads[5])
    w_gradients(dxi, w, grads[6], grads[7], grads[8])
    smag = np.zeros_like(u)
    strain_rate_max(*grads, smag)
    return div, dynp, div_after, tuple(grads), smag


def inputs():
    rng = np.random.default_rng(0)
    shape = (14, 12, 10)
    u = 5.0 + rng.normal(0.0, 0.5, shape)
    v = -2.0 + rng.normal(0.0, 0.5, shape)
    w = rng.normal(0.0, 0.2, shape)
    z = (np.arange(shape[2]) - 1.5) * 25.0
    rho0 = 1.2 * np.exp(-z / 8000.0)
    rho0_edge = 1.2 * np.exp(-(z + 12.5) / 8000.0)
    dxs = np.array([50.0, 50.0, 25.0])
    n_halo = np.array([2, 2, 2], dtype=np.int64)
    return (u, v, w, rho0, rho0_edge, dxs, n_halo)
