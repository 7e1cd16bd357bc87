# Source: wphu/PythonPIC pythonpic/algorithms/particle_push.py (at commit 122cb0a6)
# Licence: BSD-3-Clause (PythonPIC, LICENSE: Copyright (c) 2016, 2017, Warsaw University of Technology)
# Notes: the relativistic Boris pusher of PythonPIC, a 1D3V electromagnetic particle-in-cell code for laser-plasma interaction (plasma physics): rela_boris (@jit() with no options, so Numba may fall back to object mode) converts the velocities of all particles to momenta per unit mass with a row-wise (v ** 2).sum(axis=1, keepdims=True), adds half the electric impulse, rotates about the magnetic field with np.cross of (N, 3) arrays and a per-particle Lorentz-factor-scaled t vector, adds the second half impulse, and returns the new 1-D positions (x + v_x dt), velocities and the total relativistic kinetic energy as a tuple. Pasted: the module's docstring, imports (functools, numpy, numba.jit) and its three functions (the non-relativistic boris_push and the rela_boris_push wrapper, which take a Species object, are not called); the harness runs what Species.push does with rela_boris_push for 60 steps: 200 electrons (eff_q = eff_m ratio -1 in normalized units, c = 1) in a transverse laser-like field E_y = E0 sin(k x - w t), B_z = E_y / c on a uniform longitudinal field, collecting the energies
"""mathematical algorithms for the particle pusher, Leapfrog and Boris"""
import functools
import numpy as np
from numba import jit


def boris_push(species, E, dt, B):
    # add half electric impulse to v(t-dt/2)
    vminus = species.v + species.eff_q * E / species.eff_m * dt * 0.5

    # rotate to add magnetic field
    t = -B * species.eff_q / species.eff_m * dt * 0.5
    s = 2 * t / (1 + t * t)

    vprime = vminus + np.cross(vminus, t)
    vplus = vminus + np.cross(vprime, s)
    v_new = vplus + species.eff_q * E / species.eff_m * dt * 0.5

    energy = (species.v * v_new * (0.5 * species.eff_m)).sum()
    return species.x + v_new[:, 0] * dt, v_new, energy

@jit()
def rela_boris(x, v, c, eff_q, E, B, dt, eff_m):
    u = v / np.sqrt(1 - ((v ** 2).sum(axis=1, keepdims=True)) / c ** 2)  # below eq 22 LPIC
    half_force = eff_q * E / eff_m * dt * 0.5  # eq. 21 LPIC # array of shape (N_particles, 3)
    # add first half of electric force
    uminus = u + half_force

    # rotate to add magnetic field
    t = B * eff_q * dt / (2 * eff_m * np.sqrt(1 + ((uminus ** 2).sum(axis=1, keepdims=True) / c ** 2)))
    s = 2 * t / (1 + t * t)
    # u' = u- + u- x t
    uprime = uminus + np.cross(uminus, t)
    # v+ = u- + u' x s
    uplus = uminus + np.cross(uprime, s)

    # add second half of electric force
    u_new = uplus + half_force

    # CHECK: check correctness of relativistic kinetic energy calculation (needs to be at half timestep!)
    final_gamma = np.sqrt(1 + ((u_new ** 2).sum(axis=1, keepdims=True) / c ** 2))
    v_new = u_new / final_gamma
    # CHECK mean_gamma = (init_gamma + final_gamma)*0.5
    energy = ((final_gamma - 1) * eff_m * c ** 2).sum()
    x_new = x + v_new[:, 0] * dt
    return x_new, v_new, energy

def rela_boris_push(species, E: np.ndarray, dt: float, B: np.ndarray):
    """
    relativistic Boris pusher
    """
    return rela_boris(species.x, species.v, species.c, species.eff_q, E, B, dt, species.eff_m)

# ---- harness (not part of the program) ----
ENTRY = "push_steps"


def push_steps(x, v, c, eff_q, eff_m, E0, k, w, Bx, dt, nt):
    # Species.push with rela_boris_push: fields gathered at the particles,
    # then x, v, energy = rela_boris(...) every step
    energies = np.zeros(nt)
    for step in range(nt):
        t = step * dt
        Ey = E0 * np.sin(k * x - w * t)
        E = np.zeros((x.size, 3))
        E[:, 1] = Ey
        B = np.zeros((x.size, 3))
        B[:, 0] = Bx
        B[:, 2] = Ey / c
        x, v, energy = rela_boris(x, v, c, eff_q, E, B, dt, eff_m)
        energies[step] = energy
    return x, v, energies


def inputs():
    # normalized units (c = 1); 200 electrons spread over 0..2 pi with small
    # thermal velocities; a strong wave (a0 ~ 0.5) and a guide field
    rng = np.random.default_rng(0)
    n = 200
    x = np.sort(rng.uniform(0.0, 2 * np.pi, n))
    v = rng.normal(0.0, 0.05, (n, 3))
    return (x, v, 1.0, -1.0, 1.0, 0.5, 1.0, 1.0, 0.2, 0.05, 60)
