# Source: arkottke/pystrata src/pystrata/time_integration.py (at commit 3aeaab15)
# Licence: MIT (pystrata, the file's header; Copyright (c) 2016-2018 Albert Kottke)
# Notes: nonlinear time-domain site response of a layered soil column to an earthquake ground motion, the Numba path of pystrata's propagate_nonlinear: _integrate_nonlinear_numba (@numba.njit(cache=True), defined with the module's other jitted functions inside an `if HAS_NUMBA:` block after a try/except import of numba) integrates the 1-D shear-wave equation with explicit central differences on lumped nodes: it pre-integrates the input acceleration into base velocity and displacement with running sums, and at each step computes the layer strains, the stress of each layer from its constitutive model (model_type 0: the MKZ backbone in _calc_stress_mkz_scalar, abs() and a fractional power; 1: the hybrid hyperbolic model of Shi and Asimaki 2017 in _calc_stress_hh_scalar, which blends MKZ and FKZ stresses with a transition weight from np.log10, a ** (-c2), 10**exponent clamped at +-305 and a conditional-expression sign), adds Rayleigh viscous stress, updates the interior nodes (layer-averaged density and spacing in a branch), the free surface and the semi-implicit absorbing (elastic) base with an incoming wave, and stores displacement, velocity, acceleration, strain and stress histories element by element; it returns the five arrays as a tuple. Pasted: the file's licence header, module docstring, the numpy, numpy.typing and try/except numba imports and the whole `if HAS_NUMBA:` block (_integrate_linear_numba (not called), _calc_stress_mkz_scalar, _calc_stress_hh_scalar, _integrate_nonlinear_numba); left out: logging, time, dataclasses, typing and the .constitutive import, the parameter extraction, the pure-Python integrators, the dispatchers and the high-level API; the harness passes what propagate_nonlinear passes to it through _integrate_nonlinear_dispatch and _extract_params_to_arrays: 600 steps of 0.005 s (one subcycle), a 9-node column of 8 layers 4 m thick (densities 1800-2100 kg/m3, shear-wave velocities 180-420 m/s), model_type 0 (MKZ) for the top four layers and 1 (HH) below, with their parameter arrays (zeros for the HH-only ones of MKZ layers, trans_c1 4.039 and trans_c2 1.036), 1% minimum damping, a synthetic accelerogram (enveloped, smoothed noise with a 2 m/s2 peak), boundary code 1 (elastic) and the base density and shear-wave velocity of the last layer as NumPy scalars
# The MIT License (MIT)
#
# Copyright (c) 2016-2018 Albert Kottke
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
"""Time-domain wave propagation using central difference integration.

This module implements true nonlinear time-domain site response analysis
using explicit central difference time integration of the 1D wave equation.

The wave equation being solved is:
    ρ ∂²u/∂t² = ∂τ/∂z

where:
    u = horizontal displacement
    τ = shear stress (from constitutive model)
    ρ = mass density
    z = depth
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

try:
    import numba

    HAS_NUMBA = True
except ImportError:
    HAS_NUMBA = False


if HAS_NUMBA:

    @numba.njit(cache=True)
    def _integrate_linear_numba(
        n_times: int,
        n_nodes: int,
        n_layers: int,
        dt: float,
        dz: npt.NDArray[np.floating],
        rho: npt.NDArray[np.floating],
        shear_mod: npt.NDArray[np.floating],
        damping: npt.NDArray[np.floating],
        input_accel: npt.NDArray[np.floating],
        boundary_code: int,  # 0 = rigid, 1 = elastic
        rho_base: float,
        vs_base: float,
    ) -> tuple[
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
    ]:
        """Numba-accelerated linear elastic integration.

        Mirrors _integrate_python exactly: lumped mass, spring-dashpot per
        layer, semi-implicit elastic base boundary.
        """
        # Initialize output arrays
        displ = np.zeros((n_times, n_nodes))
        veloc = np.zeros((n_times, n_nodes))
        accel_out = np.zeros((n_times, n_nodes))
        stress_out = np.zeros((n_times, n_layers))

        u_prev = np.zeros(n_nodes)
        u_curr = np.zeros(n_nodes)
        u_next = np.zeros(n_nodes)

        # Lumped mass per node
        mass = np.zeros(n_nodes)
        for i in range(n_layers):
            layer_mass = rho[i] * dz[i]
            mass[i] += layer_mass / 2
            mass[i + 1] += layer_mass / 2

        # Stiffness and damping coefficient per layer
        stiff = np.empty(n_layers)
        damp_coeff = np.empty(n_layers)
        for i in range(n_layers):
            stiff[i] = shear_mod[i] / dz[i]
            damp_coeff[i] = 2 * damping[i] * np.sqrt(rho[i] * shear_mod[i]) / dz[i]

        # Pre-integrate input acceleration for boundary conditions
        base_veloc = np.empty(n_times)
        base_displ = np.empty(n_times)
        base_veloc[0] = input_accel[0] * dt
        base_displ[0] = base_veloc[0] * dt
        for n in range(1, n_times):
            base_veloc[n] = base_veloc[n - 1] + input_accel[n] * dt
            base_displ[n] = base_displ[n - 1] + base_veloc[n] * dt

        for n in range(n_times):
            # --- Interior nodes (1 to n_nodes - 2) ---
            for i in range(1, n_nodes - 1):
                v_curr = (u_curr[i] - u_prev[i]) / dt

                f_above = -stiff[i - 1] * (u_curr[i] - u_curr[i - 1])
                f_below = stiff[i] * (u_curr[i + 1] - u_curr[i])
                f_damp = -(damp_coeff[i - 1] + damp_coeff[i]) * v_curr * 0.5
                f_total = f_above + f_below + f_damp

                u_next[i] = 2 * u_curr[i] - u_prev[i] + dt * dt * f_total / mass[i]

            # --- Surface (free surface: zero stress above) ---
            v_surf = (u_curr[0] - u_prev[0]) / dt
            f_below_surf = stiff[0] * (u_curr[1] - u_curr[0])
            f_damp_surf = -damp_coeff[0] * v_surf * 0.5
            f_total_surf = f_below_surf + f_damp_surf
            u_next[0] = 2 * u_curr[0] - u_prev[0] + dt * dt * f_total_surf / mass[0]

            # --- Base boundary ---
            if boundary_code == 0:  # rigid
                u_next[n_nodes - 1] = base_displ[n]
            else:  # elastic — semi-implicit absorbing boundary
                impedance = rho_base * vs_base
                v_in = base_veloc[n]
                f_above_base = -stiff[n_layers - 1] * (
                    u_curr[n_nodes - 1] - u_curr[n_nodes - 2]
                )
                f_incoming = 2.0 * impedance * v_in
                alpha = impedance * dt / (2.0 * mass[n_nodes - 1])
                u_next[n_nodes - 1] = (
                    2 * u_curr[n_nodes - 1]
                    - (1 - alpha) * u_prev[n_nodes - 1]
                    + dt * dt / mass[n_nodes - 1] * (f_above_base + f_incoming)
                ) / (1 + alpha)

            # --- Store results ---
            for j in range(n_nodes):
                displ[n, j] = u_next[j]
                if n > 0:
                    veloc[n, j] = (u_next[j] - u_prev[j]) / (2 * dt)
                else:
                    veloc[n, j] = (u_next[j] - u_curr[j]) / dt
                accel_out[n, j] = (u_next[j] - 2 * u_curr[j] + u_prev[j]) / (dt * dt)

            for j in range(n_layers):
                strain_j = (u_next[j + 1] - u_next[j]) / dz[j]
                stress_out[n, j] = shear_mod[j] * strain_j

            # --- Advance ---
            for j in range(n_nodes):
                u_prev[j] = u_curr[j]
                u_curr[j] = u_next[j]

        return displ, veloc, accel_out, stress_out

    @numba.njit(cache=True)
    def _calc_stress_mkz_scalar(
        strain: float,
        gamma_ref: float,
        beta: float,
        s: float,
        shear_mod: float,
    ) -> float:
        """Compute MKZ stress for a single strain value."""
        return shear_mod * strain / (1 + beta * (abs(strain) / gamma_ref) ** s)

    @numba.njit(cache=True)
    def _calc_stress_hh_scalar(
        strain: float,
        gamma_ref: float,
        beta: float,
        s: float,
        shear_mod: float,
        gamma_t: float,
        a: float,
        mu: float,
        shear_strength: float,
        d: float,
        trans_c1: float,
        trans_c2: float,
    ) -> float:
        """Compute HH stress for a single strain value."""
        g = abs(strain)

        # MKZ component
        tau_mkz = shear_mod * strain / (1 + beta * (g / gamma_ref) ** s)

        # FKZ component
        gamma_d = g**d
        sign = 1.0 if strain >= 0 else -1.0
        tau_fkz = (
            mu
            * shear_mod
            * sign
            * gamma_d
            / (1 + shear_mod / shear_strength * mu * gamma_d)
        )

        # Transition function
        if g <= 0:
            w = 1.0
        else:
            intermediate = np.log10(g / gamma_t) - trans_c1 * a ** (-trans_c2)
            exponent = -a * intermediate
            if exponent > 305:
                w = 1.0
            elif exponent < -305:
                w = 0.0
            else:
                w = 1 - 1.0 / (1 + 10**exponent)

        return w * tau_mkz + (1 - w) * tau_fkz

    @numba.njit(cache=True)
    def _integrate_nonlinear_numba(
        n_times: int,
        n_nodes: int,
        n_layers: int,
        dt: float,
        dz: npt.NDArray[np.floating],
        rho: npt.NDArray[np.floating],
        model_type: npt.NDArray[np.int32],
        gamma_ref: npt.NDArray[np.floating],
        beta: npt.NDArray[np.floating],
        s: npt.NDArray[np.floating],
        shear_mod: npt.NDArray[np.floating],
        gamma_t: npt.NDArray[np.floating],
        a: npt.NDArray[np.floating],
        mu: npt.NDArray[np.floating],
        shear_strength: npt.NDArray[np.floating],
        d: npt.NDArray[np.floating],
        trans_c1: npt.NDArray[np.floating],
        trans_c2: npt.NDArray[np.floating],
        damping_min: npt.NDArray[np.floating],
        input_accel: npt.NDArray[np.floating],
        boundary_code: int,
        rho_base: float,
        vs_base: float,
    ) -> tuple[
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
        npt.NDArray[np.floating],
    ]:
        """Numba-accelerated nonlinear time integration."""
        # Initialize arrays
        displ = np.zeros((n_times, n_nodes))
        veloc = np.zeros((n_times, n_nodes))
        accel = np.zeros((n_times, n_nodes))
        strain = np.zeros((n_times, n_layers))
        stress = np.zeros((n_times, n_layers))

        u_prev = np.zeros(n_nodes)
        u_curr = np.zeros(n_nodes)
        u_next = np.zeros(n_nodes)

        # Rayleigh damping coefficient
        visc_coeff = np.empty(n_layers)
        for i in range(n_layers):
            visc_coeff[i] = 2 * damping_min[i] * np.sqrt(rho[i] * shear_mod[i])

        # Pre-integrate input acceleration for boundary conditions
        impedance_base = rho_base * vs_base
        base_veloc = np.empty(n_times)
        base_displ = np.empty(n_times)
        base_veloc[0] = input_accel[0] * dt
        base_displ[0] = base_veloc[0] * dt
        for n in range(1, n_times):
            base_veloc[n] = base_veloc[n - 1] + input_accel[n] * dt
            base_displ[n] = base_displ[n - 1] + base_veloc[n] * dt

        mass_base = rho[n_layers - 1] * dz[n_layers - 1] / 2

        prev_strain_mid = np.zeros(n_layers)

        for n in range(n_times):
            # Compute strain at each layer midpoint
            strain_mid = np.empty(n_layers)
            for i in range(n_layers):
                strain_mid[i] = (u_curr[i + 1] - u_curr[i]) / dz[i]

            # Compute stress from constitutive model
            stress_mid = np.empty(n_layers)
            for i in range(n_layers):
                if model_type[i] == 0:  # MKZ
                    stress_mid[i] = _calc_stress_mkz_scalar(
                        strain_mid[i], gamma_ref[i], beta[i], s[i], shear_mod[i]
                    )
                else:  # HH
                    stress_mid[i] = _calc_stress_hh_scalar(
                        strain_mid[i],
                        gamma_ref[i],
                        beta[i],
                        s[i],
                        shear_mod[i],
                        gamma_t[i],
                        a[i],
                        mu[i],
                        shear_strength[i],
                        d[i],
                        trans_c1[i],
                        trans_c2[i],
                    )

                # Add viscous damping contribution
                if n > 0:
                    strain_rate = (strain_mid[i] - prev_strain_mid[i]) / dt
                else:
                    strain_rate = 0.0
                stress_mid[i] += visc_coeff[i] * strain_rate * dz[i]

            # Update interior nodes
            for i in range(1, n_nodes - 1):
                if i < n_layers:
                    rho_node = 0.5 * (rho[i - 1] + rho[i])
                    stress_above = stress_mid[i - 1]
                    stress_below = stress_mid[i]
                    dz_avg = 0.5 * (dz[i - 1] + dz[i])
                else:
                    rho_node = rho[n_layers - 1]
                    stress_above = stress_mid[n_layers - 1]
                    stress_below = stress_mid[n_layers - 1]
                    dz_avg = dz[n_layers - 1]

                force = (stress_below - stress_above) / dz_avg
                u_next[i] = 2 * u_curr[i] - u_prev[i] + dt * dt / rho_node * force

            # Surface boundary (free surface)
            u_next[0] = (
                2 * u_curr[0]
                - u_prev[0]
                + dt * dt / rho[0] * stress_mid[0] / (dz[0] / 2)
            )

            # Base boundary
            if boundary_code == 0:  # rigid
                u_next[n_nodes - 1] = base_displ[n]
            else:  # elastic
                v_in = base_veloc[n]
                f_above = -stress_mid[n_layers - 1]
                f_incoming = 2.0 * impedance_base * v_in
                alpha = impedance_base * dt / (2.0 * mass_base)
                u_next[n_nodes - 1] = (
                    2 * u_curr[n_nodes - 1]
                    - (1 - alpha) * u_prev[n_nodes - 1]
                    + dt * dt / mass_base * (f_above + f_incoming)
                ) / (1 + alpha)

            # Store results
            for j in range(n_nodes):
                displ[n, j] = u_next[j]
                veloc[n, j] = (u_next[j] - u_prev[j]) / (2 * dt)
                accel[n, j] = (u_next[j] - 2 * u_curr[j] + u_prev[j]) / (dt * dt)
            for j in range(n_layers):
                strain[n, j] = strain_mid[j]
                stress[n, j] = stress_mid[j]

            # Advance time step
            for j in range(n_nodes):
                u_prev[j] = u_curr[j]
                u_curr[j] = u_next[j]
            for j in range(n_layers):
                prev_strain_mid[j] = strain_mid[j]

        return displ, veloc, accel, strain, stress

    # For now, always use Python version until Numba version is updated
    # _integrate_linear_dispatch = _integrate_linear_numba
# ---- harness (not part of the program) ----
ENTRY = "_integrate_nonlinear_numba"


def inputs():
    # an 8-layer, 32 m soil column over an elastic half-space; MKZ layers on
    # top, hybrid hyperbolic (HH) layers below, arrays as
    # _extract_params_to_arrays builds them; 3 s of a synthetic accelerogram
    # (smoothed noise under a rise-and-decay envelope, 2 m/s2 peak) at 5 ms
    rng = np.random.default_rng(0)
    n_layers = 8
    n_nodes = n_layers + 1
    dz = np.full(n_layers, 4.0)
    rho = np.linspace(1800.0, 2100.0, n_layers)
    vs = np.linspace(180.0, 420.0, n_layers)
    shear_mod = rho * vs ** 2
    model_type = np.array([0, 0, 0, 0, 1, 1, 1, 1], dtype=np.int32)
    gamma_ref = np.linspace(0.0004, 0.0012, n_layers)
    beta = np.ones(n_layers)
    s = np.full(n_layers, 0.92)
    hh = model_type == 1
    gamma_t = np.where(hh, 0.001, 0.0)
    a = np.where(hh, 20.0, 0.0)
    mu = np.where(hh, 4.0, 0.0)
    shear_strength = np.where(hh, np.linspace(6e4, 1.6e5, n_layers), 0.0)
    d = np.where(hh, 0.85, 0.0)
    trans_c1 = np.where(hh, 4.039, 0.0)
    trans_c2 = np.where(hh, 1.036, 0.0)
    damping_min = np.full(n_layers, 0.01)
    n_times = 600
    dt = 0.005
    t = np.arange(n_times) * dt
    noise = np.convolve(rng.standard_normal(n_times + 20), np.ones(21) / 21.0, mode="valid")
    envelope = (t / 0.5) ** 2 * np.exp(-2.0 * (t / 0.5 - 1.0))
    envelope[t > 0.5] = np.exp(-(t[t > 0.5] - 0.5) / 0.8)
    accel = noise * envelope
    accel = 2.0 * accel / np.max(np.abs(accel))
    shear_vels = np.sqrt(shear_mod / rho)
    return (n_times, n_nodes, n_layers, dt, dz, rho, model_type, gamma_ref, beta, s,
            shear_mod, gamma_t, a, mu, shear_strength, d, trans_c1, trans_c2,
            damping_min, accel, 1, rho[-1], shear_vels[-1])
