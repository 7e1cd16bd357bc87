# Source: PlasmaPy/PlasmaPy plasmapy/simulation/particletracker.py (at commit 02032c60)
# Licence: BSD-3-Clause (PlasmaPy, LICENSE.md: "BSD 3-Clause License", Copyright (c) 2015–2025, PlasmaPy Developers)
# Notes: the Boris pusher of PlasmaPy's ParticleTracker for charged particles in a plasma's electric and magnetic fields (plasma physics): _boris_push (@numba.njit(), with a numba.prange loop over the particles that runs serially since parallel is not set) takes the half impulse of the electric field on each particle's 3-vector row, rotates the velocity about the magnetic field with two np.cross calls of 1-D arrays, adds the second half impulse and writes the new velocity and position rows in place (x[i] += v[i] * dt). Pasted: the module's numpy and numba imports and _boris_push; left out: astropy.units, tqdm, the plasmapy imports and the ParticleTracker / ParticleTrackerSolution classes; the harness does what ParticleTracker.run does with the units stripped (a backwards half step with -0.5 * hqmdt and -0.5 * dt, the position shifted back by half a step, then nt steps storing the position and velocity history), for 40 protons in a uniform electric field and a magnetic-mirror field B = B0 (-x z/(2 L^2), -y z/(2 L^2), 1 + z^2/L^2) evaluated in NumPy at every step as the plasma's _interpolate_B would
import numpy as np
import numba


@numba.njit()
def _boris_push(x, v, b, e, hqmdt, dt):
    r"""
    Implements the Boris algorithm for moving particles and updating their
    velocities.

    Arguments
    ----------
    init : bool (optional)
        If `True`, does not change the particle positions and sets dt
        to -dt/2.

    Notes
    ----------
    The Boris algorithm is the standard energy conserving algorithm for
    particle movement in plasma physics. See [1]_ for more details.

    Conceptually, the algorithm has three phases:

    1. Add half the impulse from electric field.
    2. Rotate the particle velocity about the direction of the magnetic
       field.
    3. Add the second half of the impulse from the electric field.

    This ends up causing the magnetic field action to be properly
    "centered" in time, and the algorithm conserves energy.

    References
    ----------
    .. [1] C. K. Birdsall, A. B. Langdon, "Plasma Physics via Computer
           Simulation", 2004, p. 58-63
    """
    for i in numba.prange(len(x)):
        # add first half of electric impulse
        vminus = v[i] + hqmdt * e[i]

        # rotate to add magnetic field
        t = -b[i] * hqmdt
        s = 2 * t / (1 + (t[0] * t[0] + t[1] * t[1] + t[2] * t[2]))
        cross_result = np.cross(vminus, t)
        vprime = vminus + cross_result
        cross_result_2 = np.cross(vprime, s)
        vplus = vminus + cross_result_2

        # add second half of electric impulse
        v[i] = vplus + e[i] * hqmdt
        x[i] += v[i] * dt
# ---- harness (not part of the program) ----
ENTRY = "run_tracker"


def _mirror_field(x, B0, L):
    b = np.empty_like(x)
    b[:, 0] = -B0 * x[:, 0] * x[:, 2] / (2 * L ** 2)
    b[:, 1] = -B0 * x[:, 1] * x[:, 2] / (2 * L ** 2)
    b[:, 2] = B0 * (1 + x[:, 2] ** 2 / L ** 2)
    return b


def run_tracker(x0, v0, E0, B0, L, q, m, dt, nt):
    # ParticleTracker.run without units: _hqmdt = q / m / 2 * dt
    _hqmdt = q / m / 2 * dt
    _dt = dt
    _x = x0.copy()
    _v = v0.copy()
    position_history = np.zeros((nt, *x0.shape))
    velocity_history = np.zeros((nt, *v0.shape))
    e = np.broadcast_to(E0, x0.shape).copy()
    b = _mirror_field(_x, B0, L)
    _boris_push(_x, _v, b, e, -0.5 * _hqmdt, -0.5 * _dt)
    _x = _x - _v * 0.5 * _dt
    position_history[0] = _x
    velocity_history[0] = _v
    for i in range(1, nt):
        b = _mirror_field(_x, B0, L)
        _boris_push(_x, _v, b, e, _hqmdt, _dt)
        position_history[i] = _x
        velocity_history[i] = _v
    return position_history, velocity_history


def inputs():
    # 40 protons (q, m in SI) near the mirror's midplane with thermal
    # velocities of ~1e5 m/s; B0 = 0.1 T, mirror length 1 m, a weak E field;
    # dt a tenth of the gyro-period, 300 steps
    rng = np.random.default_rng(0)
    n = 40
    x0 = rng.normal(0.0, 0.01, (n, 3))
    v0 = rng.normal(0.0, 1.0e5, (n, 3))
    q, m = 1.602176634e-19, 1.67262192e-27
    B0, L = 0.1, 1.0
    dt = 0.1 * 2 * np.pi * m / (q * B0)
    E0 = np.array([100.0, 0.0, 0.0])
    return (x0, v0, E0, B0, L, q, m, dt, 300)
