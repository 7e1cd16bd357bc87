# Source: fbpic/fbpic fbpic/particles/push/numba_methods.py (at commit 00bd5ae5), with fbpic/threading_utils.py (at commit 0c52a62a), from which it imports njit_parallel and prange
# Licence: BSD-3-Clause-LBNL (FBPIC, LICENSE.txt and the files' headers "License: 3-Clause-BSD-LBNL"; Copyright (c) 2016 University of Hamburg and The Regents of the University of California, through Lawrence Berkeley National Laboratory; authors Remi Lehe, Manuel Kirchen)
# Notes: the momentum push of the macroparticles in FBPIC's Fourier-Bessel particle-in-cell code (laser-plasma acceleration): push_p_numba (@njit_parallel, i.e. njit(parallel=True) built in threading_utils when `from numba import prange` succeeds) loops with prange over the particles and assigns the 4-tuple returned by push_p_vay (@numba.njit) to four array elements at once (ux[ip], uy[ip], uz[ip], inv_gamma[ip] = ...); push_p_vay is the Vay pusher for one particle: the magnetic rotation vector, the half-step momenta, math.sqrt of the new 1/gamma, and the rotated momenta; the constants econst = q*dt/(m*c) and bconst use scipy.constants.c. The program is threading_utils.py (its header, docstring, the njit import and the try/except that defines prange and njit_parallel), then numba_methods.py's header, docstring and imports (without `from fbpic.threading_utils import njit_parallel, prange`, whose names the pasted lines define) and all its functions: push_x_numba, push_p_numba, push_p_ioniz_numba and push_p_vay; the harness passes 2000 electrons (q = -e, m = m_e from scipy.constants) with thermal normalised momenta, their 1/gamma, gathered fields of a circularly polarised a0 ~ 2 laser (E ~ 8e12 V/m, B ~ E/c, with a longitudinal wakefield component) and dt = 0.05 um / c, as Particles.push_p passes them on the CPU
# Copyright 2016, FBPIC contributors
# Authors: Remi Lehe, Manuel Kirchen
# License: 3-Clause-BSD-LBNL
"""
This file is part of the Fourier-Bessel Particle-In-Cell code (FB-PIC)
It defines a set of generic functions for multithreaded CPU execution.
"""
from numba import njit

try:
    # Try to import the threading function prange
    from numba import prange
    threading_installed = True
    njit_parallel = njit( parallel=True )
except ImportError:
    # If not replace threading functions by single-thread functions
    prange = range
    threading_installed = False
    njit_parallel = njit
# Copyright 2016, FBPIC contributors
# Authors: Remi Lehe, Manuel Kirchen
# License: 3-Clause-BSD-LBNL
"""
This file is part of the Fourier-Bessel Particle-In-Cell code (FB-PIC)
It defines the particle push methods on the CPU with numba.
"""
import math
import numba
from scipy.constants import c, e

@njit_parallel
def push_x_numba( x, y, z, ux, uy, uz, inv_gamma, Ntot, dt,
                push_x, push_y, push_z ):
    """
    Advance the particles' positions over one half-timestep

    This assumes that the positions (x, y, z) are initially either
    one half-timestep *behind* the momenta (ux, uy, uz), or at the
    same timestep as the momenta.
    """
    # Half timestep, multiplied by c
    chdt = c*0.5*dt

    # Particle push (in parallel if threading is installed)
    for ip in prange(Ntot) :
        x[ip] += chdt * inv_gamma[ip] * push_x * ux[ip]
        y[ip] += chdt * inv_gamma[ip] * push_y * uy[ip]
        z[ip] += chdt * inv_gamma[ip] * push_z * uz[ip]

    return x, y, z

@njit_parallel
def push_p_numba( ux, uy, uz, inv_gamma,
                Ex, Ey, Ez, Bx, By, Bz, q, m, Ntot, dt ) :
    """
    Advance the particles' momenta, using numba
    """
    # Set a few constants
    econst = q*dt/(m*c)
    bconst = 0.5*q*dt/m

    # Loop over the particles (in parallel if threading is installed)
    for ip in prange(Ntot) :
        ux[ip], uy[ip], uz[ip], inv_gamma[ip] = push_p_vay(
            ux[ip], uy[ip], uz[ip], inv_gamma[ip],
            Ex[ip], Ey[ip], Ez[ip], Bx[ip], By[ip], Bz[ip], econst, bconst )

    return ux, uy, uz, inv_gamma

@njit_parallel
def push_p_ioniz_numba( ux, uy, uz, inv_gamma,
                Ex, Ey, Ez, Bx, By, Bz, m, Ntot, dt, ionization_level ) :
    """
    Advance the particles' momenta, using numba
    """
    # Set a few constants
    prefactor_econst = e*dt/(m*c)
    prefactor_bconst = 0.5*e*dt/m

    # Loop over the particles (in parallel if threading is installed)
    for ip in prange(Ntot) :

        # For neutral macroparticles, skip this step
        if ionization_level[ip] == 0:
            continue

        # Calculate the charge dependent constants
        econst = prefactor_econst * ionization_level[ip]
        bconst = prefactor_bconst * ionization_level[ip]
        # Perform the push
        ux[ip], uy[ip], uz[ip], inv_gamma[ip] = push_p_vay(
            ux[ip], uy[ip], uz[ip], inv_gamma[ip],
            Ex[ip], Ey[ip], Ez[ip], Bx[ip], By[ip], Bz[ip],
            econst, bconst )

    return ux, uy, uz, inv_gamma

@numba.njit
def push_p_vay( ux_i, uy_i, uz_i, inv_gamma_i,
                Ex, Ey, Ez, Bx, By, Bz, econst, bconst ):
    """
    Push at single macroparticle, using the Vay pusher
    """
    # Get the magnetic rotation vector
    taux = bconst*Bx
    tauy = bconst*By
    tauz = bconst*Bz
    tau2 = taux**2 + tauy**2 + tauz**2

    # Get the momenta at the half timestep
    uxp = ux_i + econst*Ex \
    + inv_gamma_i*( uy_i*tauz - uz_i*tauy )
    uyp = uy_i + econst*Ey \
    + inv_gamma_i*( uz_i*taux - ux_i*tauz )
    uzp = uz_i + econst*Ez \
    + inv_gamma_i*( ux_i*tauy - uy_i*taux )
    sigma = 1 + uxp**2 + uyp**2 + uzp**2 - tau2
    utau = uxp*taux + uyp*tauy + uzp*tauz

    # Get the new 1./gamma
    inv_gamma_f = math.sqrt(
        2./( sigma + math.sqrt( sigma**2 + 4*(tau2 + utau**2 ) ) ) )

    # Reuse the tau and utau variables to save memory
    tx = inv_gamma_f*taux
    ty = inv_gamma_f*tauy
    tz = inv_gamma_f*tauz
    ut = inv_gamma_f*utau
    s = 1./( 1 + tau2*inv_gamma_f**2 )

    # Get the new u
    ux_f = s*( uxp + tx*ut + uyp*tz - uzp*ty )
    uy_f = s*( uyp + ty*ut + uzp*tx - uxp*tz )
    uz_f = s*( uzp + tz*ut + uxp*ty - uyp*tx )

    return( ux_f, uy_f, uz_f, inv_gamma_f )
# ---- harness (not part of the program) ----
import numpy as np
from scipy.constants import m_e

ENTRY = "push_p_numba"


def inputs():
    # 2000 plasma electrons with small thermal momenta (normalised u = p/mc)
    # in the fields of a circularly polarised laser of a0 ~ 2 at 0.8 um
    # (E0 = a0 m_e c omega / e ~ 8e12 V/m) plus a longitudinal wakefield,
    # B ~ E/c; dt = dz/c with dz = 0.05 um
    rng = np.random.default_rng(0)
    n = 2000
    ux = 0.01 * rng.standard_normal(n)
    uy = 0.01 * rng.standard_normal(n)
    uz = 0.01 * rng.standard_normal(n)
    inv_gamma = 1.0 / np.sqrt(1.0 + ux**2 + uy**2 + uz**2)
    z = rng.uniform(0.0, 20e-6, n)
    k0 = 2.0 * np.pi / 0.8e-6
    E0 = 8.0e12
    envelope = np.exp(-((z - 10e-6) / 4e-6) ** 2)
    Ex = E0 * envelope * np.cos(k0 * z)
    Ey = E0 * envelope * np.sin(k0 * z)
    Ez = 1e11 * np.sin(2.0 * np.pi * z / 15e-6)
    Bx = -Ey / c
    By = Ex / c
    Bz = 1e-3 * rng.standard_normal(n)
    dt = 0.05e-6 / c
    return (ux, uy, uz, inv_gamma, Ex, Ey, Ez, Bx, By, Bz, -e, m_e, n, dt)
