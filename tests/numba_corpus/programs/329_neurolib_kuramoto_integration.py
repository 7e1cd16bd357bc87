# Source: neurolib-dev/neurolib neurolib/models/kuramoto/timeIntegration.py (at commit 2ce7ac16)
# Licence: MIT (neurolib, LICENSE; Copyright (c) 2020 neurolib-dev)
# Notes: Euler integration of a network of Kuramoto phase oscillators with transmission delays and Ornstein-Uhlenbeck noise, neurolib's whole-brain model of coupled oscillators: timeIntegration_njit_elementwise (@numba.njit) loops over the time steps after the delay buffer and over the nodes, sums k/N * Cmat[n, m] * np.sin of the delayed phase differences (theta[m, i-1-Dmat[n, m]], integer delays indexing back in time), adds the natural frequency, the OU noise and the external input, wraps the new phase with np.mod(..., 2*np.pi), and updates the OU variable from the standard-normal draws stored in the not-yet-integrated part of theta; the scalar argument noise_theta comes in as the int 0 and is rebound to floats; it returns the tuple (t, theta, theta_ou), theta and theta_ou also changed in place. Pasted: the numpy and numba imports and timeIntegration_njit_elementwise; left out: the plain-Python timeIntegration that prepares the arrays from the parameter dictionary and `from ...utils import model_utils as mu`, which only it uses; the harness builds what timeIntegration passes, with the defaults of loadDefaultParams (dt = 0.1 ms, k = 2, signalV = 20, tau_ou = 5 ms) for 8 nodes, 50 ms: a random symmetric coupling matrix with zero diagonal, Dmat = (fibre lengths / signalV).astype(int) with zero diagonal, startind = max(round(Dmat/dt)) + 1, theta holding uniform initial phases for the first startind columns and standard normal draws after them, omega around pi, sigma_ou = 0.1 and a small sinusoidal external input
import numpy as np
import numba


@numba.njit
def timeIntegration_njit_elementwise(
    startind,
    t, 
    dt, 
    sqrt_dt,
    N,
    omega,
    k_n, 
    Cmat,
    Dmat,
    theta,
    theta_input_d,
    theta_ext,
    tau_ou,
    sigma_ou,
    theta_ou,
    noise_theta,
    theta_rhs, 
):
    """
    Kuramoto Model 
    """
    for i in range(startind, startind+len(t)):
        # Kuramoto model
        for n in range(N): 
            noise_theta = theta[n, i]
            
            theta_input_d[n] = 0.0

            # adding input from other nodes
            for m in range(N):
                theta_input_d[n] +=  k_n * Cmat[n, m] * np.sin(theta[m, i-1-Dmat[n, m]] - theta[n, i-1])

            theta_rhs[n] = omega[n] + theta_input_d[n] + theta_ou[n] + theta_ext[n, i-1]
            
            # time integration
            theta[n, i] = theta[n, i-1] + dt * theta_rhs[n]
            
            # phase reset
            theta[n, i] = np.mod(theta[n, i], 2*np.pi)

            # Ornstein-Uhlenbeck
            theta_ou[n] = theta_ou[n] - theta_ou[n] * dt / tau_ou + sigma_ou * sqrt_dt * noise_theta

    return t, theta, theta_ou
# ---- harness (not part of the program) ----
ENTRY = "timeIntegration_njit_elementwise"


def inputs():
    # timeIntegration's preparation for 8 nodes, 50 ms at dt = 0.1 ms:
    # delays Dmat = lengths / signalV cast to int (ms), the delay buffer of
    # startind columns filled with the initial phases, standard normal
    # noise in the remaining columns, external input of shape
    # (N, startind + len(t))
    rng = np.random.default_rng(0)
    N = 8
    dt = 0.1
    duration = 50.0
    signalV = 20.0
    k = 2.0
    Cmat = rng.uniform(0.0, 1.0, (N, N))
    Cmat = 0.5 * (Cmat + Cmat.T)
    np.fill_diagonal(Cmat, 0.0)
    lengthMat = rng.uniform(20.0, 120.0, (N, N))
    lengthMat = 0.5 * (lengthMat + lengthMat.T)
    Dmat = lengthMat / signalV
    Dmat[np.eye(N) == 1] = np.zeros(N)
    Dmat = Dmat.astype(int)
    Dmat_ndt = np.around(Dmat / dt).astype(int)
    t = np.arange(1, round(duration, 6) / dt + 1) * dt
    sqrt_dt = np.sqrt(dt)
    startind = int(np.max(Dmat_ndt) + 1)
    theta = np.zeros((N, startind + len(t)))
    theta_init = rng.uniform(0.0, 2.0 * np.pi, (N, 1))
    theta[:, :startind] = np.dot(theta_init, np.ones((1, startind)))
    theta[:, startind:] = rng.standard_normal((N, len(t)))
    omega = np.pi + 0.1 * rng.standard_normal(N)
    theta_ext = 0.05 * np.sin(
        2.0 * np.pi * np.arange(startind + len(t)) * dt / 25.0)[None, :] * np.ones((N, 1))
    theta_input_d = np.zeros(N)
    theta_ou = np.zeros(N)
    theta_rhs = np.zeros((N,))
    return (startind, t, dt, sqrt_dt, N, omega, k / N, Cmat, Dmat, theta,
            theta_input_d, theta_ext, 5.0, 0.1, theta_ou, 0, theta_rhs)
