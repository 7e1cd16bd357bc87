# Source: nicoratel/Debye3D numba_functions.py (at commit 2daddf1d)
# Licence: MIT (debye3d, pyproject.toml license = {text = "MIT"} and classifier "License :: OSI Approved :: MIT License"; Nicolas Ratel-Ramond)
# Notes: Debye3D, an X-ray/electron scattering calculator for nanoparticles from atomic coordinates (crystallography / SAXS-WAXS): the scattered intensity |sum_a exp(i Q.r_a)|^2 f(Q)^2 for a list of Q vectors (prange over Q, tuple unpacking of a row Q[iq] into qx, qy, qz, two float accumulators), its isotropic orientation average over Fibonacci-sphere directions (tuple unpacking of the array expression q * dirs[io, :]), and a Monte Carlo uniaxial orientation average that builds a 3x3 rotation matrix element by element, rotates the atom positions (x, y, z = positions[i]) and accumulates I_accum[iq] += ... inside prange over orientation samples with math.cos/math.sin, all @njit(parallel=True, fastmath=True); plus the plain-Python Fibonacci sphere generator. Pasted: those functions and the imports they use (math, numpy, numba) as published; left out: compute_intensity_isotropic_fibonacci (it takes form factors from an xraydb.XrayDB), _compute_intensity_numba_dispersion_vectorized (it draws np.random.rand inside jitted code), and the imports only unused code needs (os, matplotlib, ase, xraydb, psutil, scipy.interpolate). The harness builds a 2 nm gold-like fcc cluster (4.08 A lattice, cut to a sphere), a smooth model form factor f(q), and computes I(Q) along two crystal directions, the Fibonacci-averaged I(q) with 120 directions, and the uniaxial average; because the uniaxial kernel adds into I_accum from concurrent prange iterations, the harness calls it with one orientation sample per call and averages the calls itself, so the result does not depend on thread scheduling
import math
import numpy as np
from numba import njit, prange



# -----------------------------------------------------
# Numba JIT function for intensity calculation
# -----------------------------------------------------
@njit(parallel=True, fastmath=True)
def compute_intensity_numba(positions, f_atom, Q):
    """
    Compute scattering intensity for many Q vectors using Numba.
    The computed quantity is |sum_a exp(i Q · r_a)|^2 * f(Q)^2 for each Q.

    Parameters
    ----------
    positions : numpy.ndarray, shape (N_atoms, 3)
        Cartesian coordinates of atoms in Å.
    f_atom : numpy.ndarray, shape (N_q,)
        Atomic form factor f(Q) evaluated at each Q magnitude.
    Q : numpy.ndarray, shape (N_q, 3)
        Q-vectors for which intensity is computed (Å⁻¹).

    Returns
    -------
    I : numpy.ndarray, shape (N_q,)
        Intensity values for each Q vector (arbitrary units).
    """
    n_q = Q.shape[0]
    n_atoms = positions.shape[0]
    I = np.empty(n_q, dtype=np.float64)

    for iq in prange(n_q):
        qx, qy, qz = Q[iq]
        Re, Im = 0.0, 0.0
        for ia in range(n_atoms):
            phase = qx * positions[ia, 0] + qy * positions[ia, 1] + qz * positions[ia, 2]
            Re += np.cos(phase)
            Im += np.sin(phase)
        I[iq] = (Re ** 2 + Im ** 2) * (f_atom[iq] ** 2)
    return I


# ------------------------------
# Orientation averaging utilities
# ------------------------------
def fibonacci_sphere(n_orient):
    """
    Generate approximately uniformly distributed directions on the unit sphere
    using the Fibonacci sphere algorithm.

    Parameters
    ----------
    n_orient : int
        Number of orientation directions to generate.

    Returns
    -------
    dirs : numpy.ndarray, shape (n_orient, 3)
        Unit vectors uniformly distributed on the sphere.
    """
    indices = np.arange(n_orient)
    phi = (1 + np.sqrt(5.0)) / 2.0  # golden ratio
    theta = 2.0 * np.pi * indices / phi
    z = 1.0 - 2.0 * (indices + 0.5) / n_orient
    r = np.sqrt(np.maximum(0.0, 1.0 - z * z))
    dirs = np.stack((r * np.cos(theta), r * np.sin(theta), z), axis=1)
    return dirs


@njit(parallel=True, fastmath=True)
def compute_intensity_fibonacci(positions, f_q, q_vals, dirs):
    """
    Compute isotropic intensity via spherical quadrature using Fibonacci directions.

    This function evaluates the scattering amplitude for each sampled
    direction on the sphere and performs an average to obtain an isotropic I(q).

    Parameters
    ----------
    positions : numpy.ndarray, shape (N_atoms, 3)
        Atomic positions.
    f_q : numpy.ndarray, shape (N_q,)
        Atomic form factor values at the q magnitudes.
    q_vals : numpy.ndarray, shape (N_q,)
        Radial q values corresponding to f_q.
    dirs : numpy.ndarray, shape (N_orient, 3)
        Unit direction vectors on the sphere.

    Returns
    -------
    Iq : numpy.ndarray, shape (N_q,)
        Isotropic intensity I(q) for each q in q_vals.
    """
    n_atoms = positions.shape[0]
    n_q = len(q_vals)
    n_orient = dirs.shape[0]
    Iq = np.zeros(n_q, dtype=np.float64)

    for iq in prange(n_q):
        q = q_vals[iq]
        f = f_q[iq]
        I_sum = 0.0

        for io in range(n_orient):
            qx, qy, qz = q * dirs[io, :]
            Re = 0.0
            Im = 0.0
            for ia in range(n_atoms):
                phase = qx * positions[ia, 0] + qy * positions[ia, 1] + qz * positions[ia, 2]
                Re += np.cos(phase)
                Im += np.sin(phase)
            I_sum += (Re ** 2 + Im ** 2)

        Iq[iq] = (I_sum / n_orient) * (f ** 2)

    return Iq


# --------------------------------------------------------------
# Method for uniaxial ODF calculation
# --------------------------------------------------------------
@njit(parallel=True, fastmath=True)
def _compute_intensity_uniaxial_numba(positions, f_atom, Q,
                                      theta_y, theta_z,
                                      verbose=False):
    """
    Version Numba parallèle du calcul Monte Carlo d'orientation uniaxiale.
    """
    n_samples = len(theta_y)
    n_q = Q.shape[0]
    n_atoms = positions.shape[0]
    I_accum = np.zeros(n_q, dtype=np.float64)

    for isamp in prange(n_samples):
        ty = theta_y[isamp]
        tz = theta_z[isamp]

        # matrices de rotation (Rz * Ry)
        cy, sy = np.cos(ty), np.sin(ty)
        cz, sz = np.cos(tz), np.sin(tz)

        R = np.empty((3, 3))
        R[0, 0] = cz * cy
        R[0, 1] = -sz
        R[0, 2] = cz * sy
        R[1, 0] = sz * cy
        R[1, 1] = cz
        R[1, 2] = sz * sy
        R[2, 0] = -sy
        R[2, 1] = 0.0
        R[2, 2] = cy

        # rotation des positions
        pos_rot = np.zeros_like(positions)
        for i in range(n_atoms):
            x, y, z = positions[i]
            pos_rot[i, 0] = R[0, 0] * x + R[0, 1] * y + R[0, 2] * z
            pos_rot[i, 1] = R[1, 0] * x + R[1, 1] * y + R[1, 2] * z
            pos_rot[i, 2] = R[2, 0] * x + R[2, 1] * y + R[2, 2] * z

        # accumulation de l’intensité pour cette orientation
        for iq in range(n_q):
            qx, qy, qz = Q[iq]
            f = f_atom[iq]
            Re, Im = 0.0, 0.0
            for ia in range(n_atoms):
                phase = qx * pos_rot[ia, 0] + qy * pos_rot[ia, 1] + qz * pos_rot[ia, 2]
                Re += math.cos(phase)
                Im += math.sin(phase)
            I_accum[iq] += (Re ** 2 + Im ** 2) * (f ** 2)

    return I_accum / n_samples
# ---- harness (not part of the program) ----
ENTRY = "run_debye"


def _form_factor(q):
    # a smooth gold-like model form factor (not from xraydb)
    s = q / (4.0 * np.pi)
    return 79.0 * (0.6 * np.exp(-8.0 * s * s) + 0.4 * np.exp(-60.0 * s * s))


def run_debye(positions, theta_y, theta_z):
    q = np.linspace(0.2, 4.5, 60)
    f = _form_factor(q)
    out = []
    for d in (np.array([1.0, 0.0, 0.0]), np.array([1.0, 1.0, 1.0]) / np.sqrt(3.0)):
        out.append(compute_intensity_numba(positions, f, q[:, None] * d[None, :]))
    dirs = fibonacci_sphere(120)
    qs = q[::2]
    out.append(compute_intensity_fibonacci(positions, f[::2], qs, dirs))
    Qz = np.zeros((30, 3))
    Qz[:, 2] = q[::2]
    acc = np.zeros(30)
    for ty, tz in zip(theta_y, theta_z):
        acc += _compute_intensity_uniaxial_numba(positions, f[::2], Qz,
                                                 np.array([ty]), np.array([tz]))
    out.append(acc / len(theta_y))
    out.append(dirs)
    return tuple(out)


def inputs():
    a = 4.08
    base = np.array([[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]])
    cells = np.array([[i, j, k] for i in range(-3, 4) for j in range(-3, 4) for k in range(-3, 4)])
    pts = (cells[:, None, :] + base[None, :, :]).reshape(-1, 3) * a
    pts = pts[np.linalg.norm(pts, axis=1) <= 10.0]
    rng = np.random.default_rng(0)
    theta_y = rng.normal(0.0, 0.2, 12)
    theta_z = rng.uniform(0.0, 2.0 * np.pi, 12)
    return (pts.astype(np.float64), theta_y, theta_z)
