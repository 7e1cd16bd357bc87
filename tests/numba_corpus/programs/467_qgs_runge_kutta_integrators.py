# Source: Climdyn/qgs qgs/integrators/integrate.py (_integrate_runge_kutta_jit, _integrate_adaptative_runge_kutta_jit and the Lorenz 84 example of integrate_runge_kutta's docstring; at commit 0c65fee1) with reverse from qgs/functions/util.py (at commit b2a7a18c)
# Licence: MIT (qgs, the project's LICENSE as published on GitHub)
# Notes: the jitted Runge-Kutta integrators of qgs, a quasi-geostrophic atmosphere/ocean spectral model (geophysical fluid dynamics): _integrate_runge_kutta_jit (@njit) takes the ODE right-hand side f as a jitted-function argument, loops over an ensemble of initial conditions and over enumerate(zip(time[:-1], np.diff(time))) tuples, builds the stages with a[i] @ k (1-D by 2-D matmul) and b @ k, records every write_steps-th state (np.mod) into a 3-D array and returns it sliced with a ::time_direction step; _integrate_adaptative_runge_kutta_jit does Fehlberg RK4(5) with step halving inside a while True loop on np.linalg.norm of the embedded error; reverse (@njit) reverses a 1-D array for backward integration. Pasted: the two integrators, reverse (imported in the source from qgs.functions.util; pasted here above them) and the Lorenz 84 model fL84 with its constants a, F, G, b exactly as in integrate_runge_kutta's docstring example; left out: integrate_runge_kutta itself (the Python front end that sets the Butcher coefficients and time grid) and the implicit/tangent-linear integrators; the harness does what integrate_runge_kutta does for method='explicit' (classic RK4) and method='adaptative' (Fehlberg coefficients) on 4 initial conditions, t0=0, t=10, dt=0.1, forward with write_steps=1 and backward with write_steps=5
from numba import njit
import numpy as np


@njit
def reverse(a):
    """Numba-jitted function to reverse a 1D array.

    Parameters
    ----------
    a: ~numpy.ndarray
        The 1D array to reverse.

    Returns
    -------
    ~numpy.ndarray
        The reversed array.
    """
    out = np.zeros_like(a)
    ii = 0
    for i in range(len(a)-1,-1,-1):
        out[ii] = a[i]
        ii +=1
    return out


@njit
def _integrate_runge_kutta_jit(f, time, ic, time_direction, write_steps, b, c, a):

    n_traj = ic.shape[0]
    n_dim = ic.shape[1]

    s = len(b)

    if write_steps == 0:
        n_records = 1
    else:
        tot = time[::write_steps]
        n_records = len(tot)
        if tot[-1] != time[-1]:
            n_records += 1

    recorded_traj = np.zeros((n_traj, n_dim, n_records))
    if time_direction == -1:
        directed_time = reverse(time)
    else:
        directed_time = time

    for i_traj in range(n_traj):
        y = ic[i_traj].copy()
        k = np.zeros((s, n_dim))
        iw = 0
        for ti, (tt, dt) in enumerate(zip(directed_time[:-1], np.diff(directed_time))):

            if write_steps > 0 and np.mod(ti, write_steps) == 0:
                recorded_traj[i_traj, :, iw] = y
                iw += 1

            k.fill(0.)
            for i in range(s):
                y_s = y + dt * a[i] @ k
                k[i] = f(tt + c[i] * dt, y_s)
            y_new = y + dt * b @ k
            y = y_new

        recorded_traj[i_traj, :, -1] = y

    return recorded_traj[:, :, ::time_direction]


@njit
def _integrate_adaptative_runge_kutta_jit(f, time, ic, time_direction, write_steps, b, bs, c, a, tol):

    n_traj = ic.shape[0]
    n_dim = ic.shape[1]

    s = len(b)

    if write_steps == 0:
        n_records = 1
    else:
        tot = time[::write_steps]
        n_records = len(tot)
        if tot[-1] != time[-1]:
            n_records += 1

    recorded_traj = np.zeros((n_traj, n_dim, n_records))
    if time_direction == -1:
        directed_time = reverse(time)
    else:
        directed_time = time

    for i_traj in range(n_traj):
        y = ic[i_traj].copy()
        k = np.zeros((s, n_dim))
        n_sub_step = 1
        iw = 0
        for ti, (tt, dt) in enumerate(zip(directed_time[:-1], np.diff(directed_time))):

            dts = dt / n_sub_step
            if write_steps > 0 and np.mod(ti, write_steps) == 0:
                recorded_traj[i_traj, :, iw] = y
                iw += 1

            ns = 0
            yt = y.copy()
            while True:
                k.fill(0.)
                for i in range(s):
                    y_s = yt + dts * a[i] @ k
                    k[i] = f(tt + c[i] * dts, y_s)
                ys = yt + dts * bs @ k
                yt = yt + dts * b @ k

                err = np.linalg.norm(yt - ys)
                ns += 1

                if err > tol:
                    dts = dts / 2
                    n_sub_step = n_sub_step * 2
                    yt = y.copy()
                    ns = 0
                elif ns >= n_sub_step:
                    if n_sub_step // 2 >= 1:
                        n_sub_step = n_sub_step // 2
                    y = yt
                    break

        recorded_traj[i_traj, :, -1] = y

    return recorded_traj[:, :, ::time_direction]


a = 0.25
F = 16.
G = 3.
b = 6.
# Lorenz 84 example
@njit
def fL84(t, x):
    xx = -x[1] ** 2 - x[2] ** 2 - a * x[0] + a * F
    yy = x[0] * x[1] - b * x[0] * x[2] - x[1] + G
    zz = b * x[0] * x[1] + x[0] * x[2] - x[2]
    return np.array([xx, yy, zz])
# ---- harness (not part of the program) ----
ENTRY = "run_integrations"


def run_integrations(ic, t0, t, dt):
    time = np.concatenate((np.arange(t0, t, dt), np.full((1,), t)))
    # classic RK4, as integrate_runge_kutta sets it for method='explicit'
    c4 = np.array([0., 0.5, 0.5, 1.])
    b4 = np.array([1./6, 1./3, 1./3, 1./6])
    a4 = np.zeros((len(c4), len(b4)))
    a4[1, 0] = 0.5
    a4[2, 1] = 0.5
    a4[3, 2] = 1.
    fwd = _integrate_runge_kutta_jit(fL84, time, ic, 1, 1, b4, c4, a4)
    bwd = _integrate_runge_kutta_jit(fL84, time, fwd[:, :, -1].copy(), -1, 5, b4, c4, a4)
    # Fehlberg RK4(5), as for method='adaptative'
    cf = np.array([0., 0.25, 3. / 8, 12. / 13, 1., 0.5])
    bf = np.array([16. / 135, 0., 6656. / 12825, 28561. / 56430, -9. / 50, 2. / 55])
    bsf = np.array([25. / 216, 0., 1408. / 2565, 2197. / 4104, -1. / 5, 0.])
    af = np.zeros((len(cf), len(bf)))
    af[1, 0] = 0.25
    af[2, 0] = 3. / 32
    af[2, 1] = 9. / 32
    af[3, 0] = 1932. / 2197
    af[3, 1] = -7200. / 2197
    af[3, 2] = 7296. / 2197
    af[4, 0] = 439. / 216
    af[4, 1] = -8
    af[4, 2] = 3680. / 513
    af[4, 3] = -845. / 4104
    af[5, 0] = -8. / 27
    af[5, 1] = 2
    af[5, 2] = -3544. / 2565
    af[5, 3] = 1859. / 4104
    af[5, 4] = -11. / 40
    adapt = _integrate_adaptative_runge_kutta_jit(fL84, time, ic, 1, 1, bf, bsf, cf, af, 1.e-6)
    return fwd, bwd, adapt


def inputs():
    rng = np.random.default_rng(0)
    ic = 0.1 * rng.standard_normal((4, 3))
    return (ic, 0., 10., 0.1)
