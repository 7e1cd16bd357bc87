# Source: LouisFaure/dyntrack dyntrack/utils/FTLE.py (at commit 1a6718a6), get_traj/get_ftle from dyntrack/tools/ftle.py (at commit 672ac65e), _local_var/local_var/compute_angle from dyntrack/tools/vector_field.py (at commit 27e5c549)
# Licence: BSD-3-Clause (dyntrack, LICENSE; Copyright (c) 2021, LouisFaure; FTLE.py adapted from Richard Galvez's notebook as the LICENSE notes)
# Notes: finite-time Lyapunov exponent (FTLE) field and local angular variance of a 2-D vector field of cell motion (cell tracking / dynamical systems): particles seeded on the grid are advected with 4th-order Runge-Kutta steps through a bilinearly interpolated velocity field (explicit boundary clamping on all four sides), the flow-map gradient's largest eigenvalue gives the FTLE, and a 3 x 3 stencil computes the local standard deviation of vector angles (with floor division // of floats); Numba features: plain @numba.jit (nopython by default) functions calling each other, many early returns from nested boundary tests, a jitted function whose else branch only prints (so it returns an optional float), tuple-assignment of two calls, a jitted function returning a Python list [tr_x, tr_y], @numba.stencil with neighbourhood indexing x[-1, -1] ... x[1, 1] called from an @numba.njit wrapper (zero-filled border), np.shape(X[:, 0])[0], int() of float divisions as indices, and plain-Python drivers that call the jitted integrate through np.apply_along_axis and loop over the grid with np.linalg.eig. Pasted: FTLE.py's bilinear_interpolation, rk4, integrate and eigs, tools/ftle.py's get_traj and get_ftle, and vector_field.py's _local_var, local_var and compute_angle, as published; left out: FTLE.py's unused matplotlib/time/sys imports, the DynTrack-object wrappers FTLE(), vector_field() and coordination_test() (logging, subprocess to the vfkm C++ tool, scipy ranksums); the harness builds a 14 x 14 grid with a double-gyre-like velocity field, computes trajectories (integration time 0.6, dt 0.1), the FTLE field, and the local variance of observed angles and of angles of a seeded random field
import numpy as np
import math
import numba


@numba.jit
def bilinear_interpolation(X, Y, f, x, y):
    """Returns the approximate value of f(x,y) using bilinear interpolation.

    Arguments
    ---------
    X, Y -- mesh grid.
    f -- the function f that should be an NxN matrix.
    x, y -- coordinates where to compute f(x,y)

    """

    N = np.shape(X[:, 0])[0]

    dx, dy = X[0, 1] - X[0, 0], Y[1, 0] - Y[0, 0]
    x_start, y_start = X[0, 0], Y[0, 0]

    i1, i2 = int((x - x_start) / dx), int((x - x_start) / dx) + 1
    j1, j2 = int((y - y_start) / dy), int((y - y_start) / dy) + 1

    # Take care of boundaries

    # 1. Right boundary

    if i1 >= N - 1 and j1 <= N - 1 and j1 >= 0:
        return f[j1, N - 1]
    if i1 >= N - 1 and j1 <= 0:
        return f[0, N - 1]
    if i1 >= N - 1 and j1 >= N - 1:
        return f[N - 1, N - 1]

    # 2. Left boundary

    if i1 <= 0 and j1 <= N - 1 and j1 >= 0:
        return f[j1, 0]
    if i1 <= 0 and j1 <= 0:
        return f[0, 0]
    if i1 <= 0 and j1 >= N - 1:
        return f[N - 1, 0]

    # 3. Top boundary

    if j1 >= N - 1 and i1 <= N - 1 and i1 >= 0:
        return f[N - 1, i1]
    if j1 >= N - 1 and i1 <= 0:
        return f[N - 1, 0]

    # 3. Bottom boundary

    if j1 <= 0 and i1 <= N - 1 and i1 >= 0:
        return f[0, i1]
    if j1 <= 0 and i1 >= N - 1:
        return f[N - 1, 0]

    x1, x2 = X[j1, i1], X[j2, i2]
    y1, y2 = Y[j1, i1], Y[j2, i2]

    f_interpolated = (
        1
        / (x2 - x1)
        * 1
        / (y2 - y1)
        * (
            f[j1, i1] * (x2 - x) * (y2 - y)
            + f[j1, i2] * (x - x1) * (y2 - y)
            + f[j2, i1] * (x2 - x) * (y - y1)
            + f[j2, i2] * (x - x1) * (y - y1)
        )
    )

    return f_interpolated


@numba.jit
def rk4(X, Y, x, y, f, h, dim):
    """Returns the approximate value of f(x,y) using bilinear interpolation.

    Arguments
    ---------
    X, Y -- mesh grid.
    x, y -- coordinates where to begin the evolution.
    f -- the function f that will be evolved.
    h -- the time step (usually referred to this as dt.)
    dim -- 0 for x and 1 for y.

    """

    k1 = h * bilinear_interpolation(X, Y, f, x, y)
    k2 = h * bilinear_interpolation(X, Y, f, x + 0.5 * h, y + 0.5 * k1)
    k3 = h * bilinear_interpolation(X, Y, f, x + 0.5 * h, y + 0.5 * k2)
    k4 = h * bilinear_interpolation(X, Y, f, x + h, y + k3)

    if dim == 0:
        return x + 1.0 / 6 * k1 + 1.0 / 3 * k2 + 1.0 / 3 * k3 + 1.0 / 6 * k4
    elif dim == 1:
        return y + 1.0 / 6 * k1 + 1.0 / 3 * k2 + 1.0 / 3 * k3 + 1.0 / 6 * k4
    else:
        print("invalid dimension parameter passed to rk4, exiting")
        # sys.exit()


@numba.jit
def integrate(x_y, integration_time, dt, X, Y, u, v):
    xs = x_y[0]
    ys = x_y[1]
    tr_x = xs
    tr_y = ys
    for k in range(0, int(integration_time / dt)):
        xs, ys = rk4(X, Y, xs, ys, u, dt, 0), rk4(X, Y, xs, ys, v, dt, 1)
        tr_x += xs
        tr_y += ys
    return [tr_x, tr_y]


def eigs(xt, yt, xo, yo):
    ftlemat = np.zeros((2, 2))
    ftlemat[0][0] = (xt[1] - xt[0]) / (xo[1] - xo[0])
    ftlemat[1][0] = (yt[1] - yt[0]) / (xo[1] - xo[0])
    ftlemat[0][1] = (xt[3] - xt[2]) / (yo[1] - yo[0])
    ftlemat[1][1] = (yt[3] - yt[2]) / (yo[1] - yo[0])

    if True in np.isnan(ftlemat):
        return "nan"

    ftlemat = np.dot(ftlemat.transpose(), ftlemat)
    w, v = np.linalg.eig(ftlemat)

    return w


def get_traj(X, Y, u, v, integration_time, dt, verbose=True):
    """Returns the FTLE particle trajectory, faster approach

    Arguments
    ---------
    x, y -- mesh grid coordinates
    dt -- integral time step
    """

    N = np.shape(X[:, 1])[0]
    x = X[0, :]
    y = Y[:, 0]

    xy = np.array(np.meshgrid(x, y)).T.reshape(-1, 2).tolist()
    xy = list(map(np.array, xy))

    # res=np.zeros(xy.shape)
    res = np.apply_along_axis(integrate, 1, xy, integration_time, dt, X, Y, u, v)
    # res=np.array(p_map(integrate, xy,disable=False))

    return res[:, 0].reshape(N, N).T, res[:, 1].T.reshape(N, N).T


def get_ftle(traj_x, traj_y, X, Y, integration_time):
    """Returns the FTLE scalar field

    Mostly adapted from Steven's FTLE code (GitHub user stevenliuyi)

    Arguments
    ---------
    traj_x, traj_y -- The trajectories of the FTLE particles
    X, Y -- Meshgrid
    integration_time -- the duration of the integration time

    """

    N = np.shape(X[:, 0])[0]
    ftle = np.zeros((N, N))

    for i in range(0, N):
        for j in range(0, N):
            # index 0:left, 1:right, 2:down, 3:up
            xt = np.zeros(4)
            yt = np.zeros(4)
            xo = np.zeros(2)
            yo = np.zeros(2)

            if i == 0:
                xt[0] = traj_x[j][i]
                xt[1] = traj_x[j][i + 1]
                yt[0] = traj_y[j][i]
                yt[1] = traj_y[j][i + 1]
                xo[0] = X[j][i]
                xo[1] = X[j][i + 1]
            elif i == N - 1:
                xt[0] = traj_x[j][i - 1]
                xt[1] = traj_x[j][i]
                yt[0] = traj_y[j][i - 1]
                yt[1] = traj_y[j][i]
                xo[0] = X[j][i - 1]
                xo[1] = X[j][i]
            else:
                xt[0] = traj_x[j][i - 1]
                xt[1] = traj_x[j][i + 1]
                yt[0] = traj_y[j][i - 1]
                yt[1] = traj_y[j][i + 1]
                xo[0] = X[j][i - 1]
                xo[1] = X[j][i + 1]

            if j == 0:
                xt[2] = traj_x[j][i]
                xt[3] = traj_x[j + 1][i]
                yt[2] = traj_y[j][i]
                yt[3] = traj_y[j + 1][i]
                yo[0] = Y[j][i]
                yo[1] = Y[j + 1][i]
            elif j == N - 1:
                xt[2] = traj_x[j - 1][i]
                xt[3] = traj_x[j][i]
                yt[2] = traj_y[j - 1][i]
                yt[3] = traj_y[j][i]
                yo[0] = Y[j - 1][i]
                yo[1] = Y[j][i]
            else:
                xt[2] = traj_x[j - 1][i]
                xt[3] = traj_x[j + 1][i]
                yt[2] = traj_y[j - 1][i]
                yt[3] = traj_y[j + 1][i]
                yo[0] = Y[j - 1][i]
                yo[1] = Y[j + 1][i]

            lambdas = eigs(xt, yt, xo, yo)
            if np.isnan(lambdas).all():
                ftle[j][i] = float("nan")
            else:
                ftle[j][i] = 0.5 * np.log(max(lambdas)) / (integration_time)

    return ftle


@numba.stencil
def _local_var(x):
    mean = (
        x[-1, -1]
        + x[-1, 0]
        + x[-1, 1]
        + x[0, -1]
        + x[0, 0]
        + x[0, 1]
        + x[1, -1]
        + x[1, 0]
        + x[1, 1]
    ) // 9
    return np.sqrt(
        (
            (x[-1, -1] - mean) ** 2
            + (x[-1, 0] - mean) ** 2
            + (x[-1, 1] - mean) ** 2
            + (x[0, -1] - mean) ** 2
            + (x[0, 0] - mean) ** 2
            + (x[0, 1] - mean) ** 2
            + (x[1, -1] - mean) ** 2
            + (x[1, 0] - mean) ** 2
            + (x[1, 1] - mean) ** 2
        )
        // 9
    )


@numba.njit
def local_var(x):
    return _local_var(x)


def compute_angle(uv):
    base = [0, 1]
    unit_vector_1 = base / np.linalg.norm(base)
    unit_vector_2 = uv / np.linalg.norm(uv)
    dot_product = np.dot(unit_vector_1, unit_vector_2)
    angle = np.arccos(dot_product)
    return math.degrees(angle)
# ---- harness (not part of the program) ----
ENTRY = "run_ftle"


def run_ftle(X, Y, u, v, ur, vr):
    traj_x, traj_y = get_traj(X, Y, u, v, 0.6, 0.1)
    ftle = get_ftle(traj_x, traj_y, X, Y, 0.6)
    angles_obs = np.array(
        [compute_angle([u.ravel()[i], v.ravel()[i]]) for i in range(u.size)]
    ).reshape(X.shape)
    angles_rand = np.array(
        [compute_angle([ur[i], vr[i]]) for i in range(ur.size)]
    ).reshape(X.shape)
    one = integrate(np.array([0.37, 0.81]), 1.0, 0.05, X, Y, u, v)
    return traj_x, traj_y, ftle, local_var(angles_obs), local_var(angles_rand), one


def inputs():
    rng = np.random.default_rng(0)
    n = 14
    x = np.linspace(0.0, 2.0, n)
    y = np.linspace(0.0, 2.0, n)
    X, Y = np.meshgrid(x, y)
    u = -np.pi * np.sin(np.pi * X / 1.3) * np.cos(np.pi * Y / 2.0) + 0.1
    v = np.pi * np.cos(np.pi * X / 1.3) * np.sin(np.pi * Y / 2.0) * 0.7
    ur = rng.normal(scale=np.std(u), size=n * n)
    vr = rng.normal(scale=np.std(v), size=n * n)
    return (X, Y, u, v, ur, vr)
