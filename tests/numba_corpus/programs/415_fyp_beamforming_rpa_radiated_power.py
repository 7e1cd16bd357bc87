# Source: JordanSpeake/fyp-beamforming radiated_power_numba.py (at commit 3d82adb7)
# Licence: MIT (fyp-beamforming, LICENSE at commit 56d490c0: Copyright (c) 2024 Jordan Speake)
# Notes: the far-field radiated power of a phased rectangular planar antenna array, the hot loop of this beamforming-optimisation project (its antennas' array factor): rpa_radiated_power (@jit) splits the complex element weights into phases (np.angle) and amplitudes (np.abs), then for every element (m, n) of the num_el_x x num_el_y array adds weight * exp(phase + 1j k (m dx u + n dy v)) over the whole (u, v) direction-cosine grid into the preallocated complex field (whole-array complex expressions, in place in that argument), and returns |E|^2 with np.power. Pasted: the whole module (numba and numpy imports, rpa_radiated_power, ula_radiated_power and ca_radiated_power). The harness passes what the RectangularPlanar antenna passes: the complex weights of an 8 x 8 array steered to theta = 25 deg, phi = 40 deg with a Taylor-like amplitude taper, a zeroed complex field of the grid's shape, u = sin(theta) cos(phi) and v = sin(theta) sin(phi) on a 64 x 64 grid of theta in [-pi/2, pi/2] and phi in [0, pi] (tiled as Antenna.__init__ does), 8 and 8 elements, the wavenumber 2 pi / (3e9 / f) for f = 2.4e9 and the spacing tuple (0.0625, 0.0625)
from numba import jit
import numpy as np

@jit
def rpa_radiated_power(complex_weights, electric_field_preallocated, u_grid, v_grid, num_el_x, num_el_y, wavenumber, spacing):
    """Calculate the radiated_power for the given complex weights, returned in spherical coordinates (theta, phi)"""
    phases = np.angle(complex_weights)
    weights = np.abs(complex_weights)
    electric_field = electric_field_preallocated
    for m in range(num_el_x):
        for n in range(num_el_y):
            element = m * num_el_y + n
            exponent = phases[element] + 1j * wavenumber * (
                m * spacing[0] * u_grid + n * spacing[1] * v_grid
            )
            electric_field += weights[element] * np.exp(exponent)
    radiated_power = np.power(np.abs(electric_field), 2)
    return radiated_power

@jit
def ula_radiated_power(complex_weights, electric_field_preallocated, num_elements, wavenumber, spacing, u_grid):
        phases = np.angle(complex_weights)
        weights = np.abs(complex_weights)
        electric_field = electric_field_preallocated
        for element in range(num_elements):
            exponent = phases[element] + (
                1j * wavenumber * (element * spacing * u_grid)
            )
            electric_field += weights[element] * np.exp(exponent)
        radiated_power = np.power(np.abs(electric_field), 2)
        return radiated_power

@jit
def ca_radiated_power(complex_weights, electric_field_preallocated, num_elements, radius, wavenumber, u_grid, v_grid):
    phases = np.angle(complex_weights)
    weights = np.abs(complex_weights)
    electric_field = electric_field_preallocated
    for element in range(num_elements):
        element_angle = 2 * np.pi * element / num_elements
        exponent = phases[element] + 1j * wavenumber * (
            radius
            * (
                np.sin(element_angle) * u_grid
                + np.cos(element_angle) * v_grid
            )
        )
        electric_field += weights[element] * np.exp(exponent)
    radiated_power = np.power(np.abs(electric_field), 2)
    return radiated_power
# ---- harness (not part of the program) ----
ENTRY = "rpa_radiated_power"


def inputs():
    samples = 64
    theta_s = np.linspace(-np.pi / 2, np.pi / 2, samples)
    phi_s = np.linspace(0.0, np.pi, samples)
    theta = np.tile(np.atleast_2d(theta_s), (samples, 1))
    phi = np.tile(np.atleast_2d(phi_s).T, (1, samples))
    sin_u = np.sin(theta) * np.cos(phi)
    sin_v = np.sin(theta) * np.sin(phi)
    frequency = 2.4e9
    wavenumber = 2 * np.pi / (3e9 / frequency)
    spacing = (0.0625, 0.0625)
    nx, ny = 8, 8
    t0, p0 = np.radians(25.0), np.radians(40.0)
    u0, v0 = np.sin(t0) * np.cos(p0), np.sin(t0) * np.sin(p0)
    m = np.repeat(np.arange(nx), ny)
    n = np.tile(np.arange(ny), nx)
    taper = (0.6 + 0.4 * np.cos(np.pi * (m - (nx - 1) / 2) / nx)
             * np.cos(np.pi * (n - (ny - 1) / 2) / ny))
    weights = taper * np.exp(-1j * wavenumber * (m * spacing[0] * u0
                                                 + n * spacing[1] * v0))
    field = np.zeros_like(theta, dtype=complex)
    return (weights, field, sin_u, sin_v, nx, ny, wavenumber, spacing)
