# Source: hgrecco/numbakit-ode nbkode/nbcompat/zeros.py (NewtonEnum, jacobian, newton_hd_impl, newton_hd; at commit 1125e6a9) with isclose and clip from nbkode/nbcompat/common.py (at commit 5e004ef9) and nbkode/nbcompat/nb_to_import.py (at commit 1125e6a9)
# Licence: BSD-3-Clause (numbakit-ode / nbkode, LICENSE; Copyright (c) 2020 by Hernan E. Grecco, Mauro Silberberg and contributors)
# Notes: the numba-compatible multidimensional Newton solver that nbkode uses for the nonlinear systems of implicit ODE steps (numerical analysis / optimisation): newton_hd (@numba.njit()) calls newton_hd_impl, which evaluates a jitted residual function passed as an argument with extra arguments unpacked from a tuple (func(y, *args)), builds a central-difference Jacobian in jacobian (column assignment J[:, i] = ...), solves with np.linalg.solve, measures np.linalg.norm(value, ord=2), loops while not isclose(...) (a jitted helper), and returns a (vector, NewtonEnum member) tuple; NewtonEnum is an enum.IntEnum whose members are compared with `is not` inside jitted code before `raise RuntimeError`; numba itself is imported through nb_to_import, which picks a numba substitute module when NBKODE_NONUMBA is set. Pasted: nb_to_import.py (its relative import of numbasub is in the branch not taken), common.py's isclose and clip, and from zeros.py the imports, NewtonEnum, _results_select and the three multidimensional functions (the scalar newton/_newton/j_newton left out: they read private constants of scipy.optimize.zeros); the harness solves the implicit-Euler step equations y - y_n - h f(y) = 0 of Robertson's stiff chemical kinetics problem for 30 steps of h = 0.1 (residual jitted in the harness, rate constants passed through args), and a 2-D nonlinear system with newton_hd_impl and clip
import os

if os.environ.get("NBKODE_NONUMBA", 0):
    from . import numbasub as numba  # noqa: F401
else:
    import numba  # noqa: F401

import numpy as np


@numba.njit()
def isclose(a, b, atol, rtol):
    return np.abs(a - b) <= (atol + rtol * np.abs(b))


@numba.njit
def clip(x, xmin, xmax):
    return min(max(x, xmin), xmax)


import enum
import operator
import warnings


class NewtonEnum(enum.IntEnum):
    OK = 0
    DERIVATIVE_WAS_ZERO = 1
    TOLERANCE_REACHED = 2
    NOT_CONVERGED = 3


@numba.njit
def _results_select(*args):
    """Select from a tuple of (root, funccalls, iterations, flag)"""
    return args


@numba.njit()
def jacobian(func, x, args=()):

    eps = 1e-10
    J = np.zeros((len(x), len(x)), dtype=np.float64)

    for i in range(len(x)):
        x1 = x.copy()
        x2 = x.copy()

        x1[i] += eps
        x2[i] -= eps

        f1 = func(x1, *args)
        f2 = func(x2, *args)

        J[:, i] = (f1 - f2) / (2 * eps)

    return J


@numba.njit()
def newton_hd_impl(
    func,
    y,
    args=(),
    atol=1.48e-8,
    rtol=0.0,
    maxiter=50,
):
    """
    Solve nonlinear system F=0 by Newton's method.
    J is the Jacobian of F. Both F and J must be functions of x.
    At input, x holds the start value. The iteration continues
    until ||F|| < eps.
    """
    value = func(y, *args)
    distance = np.linalg.norm(value, ord=2)  # l2 norm of vector
    iteration_counter = 0

    while not isclose(distance, 0, rtol=rtol, atol=atol):
        delta = np.linalg.solve(jacobian(func, y, args), -value)
        y = y + delta
        value = func(y, *args)
        distance = np.linalg.norm(value, ord=2)
        iteration_counter += 1

        if iteration_counter > maxiter:
            return y, NewtonEnum.NOT_CONVERGED

    return y, NewtonEnum.OK


@numba.njit()
def newton_hd(
    func,
    y0,
    args=(),
    atol=1.48e-8,
    rtol=0.0,
    maxiter=50,
):
    y, flag = newton_hd_impl(func, y0, args, atol, rtol, maxiter)
    if flag is not NewtonEnum.OK:
        raise RuntimeError
    return y
# ---- harness (not part of the program) ----
ENTRY = "run_newton"


@numba.njit
def _robertson_step_residual(y, y_n, h, k1, k2, k3):
    f = np.empty(3)
    f[0] = -k1 * y[0] + k3 * y[1] * y[2]
    f[1] = k1 * y[0] - k3 * y[1] * y[2] - k2 * y[1] * y[1]
    f[2] = k2 * y[1] * y[1]
    return y - y_n - h * f


@numba.njit
def _circle_line(x, r, m):
    out = np.empty(2)
    out[0] = x[0] * x[0] + x[1] * x[1] - r * r
    out[1] = x[1] - m * x[0]
    return out


def run_newton(y0, h, n_steps):
    ys = np.empty((n_steps + 1, 3))
    ys[0] = y0
    y = y0.copy()
    for n in range(n_steps):
        y = newton_hd(_robertson_step_residual, y.copy(), (y.copy(), h, 0.04, 3e7, 1e4), 1e-12, 0.0, 50)
        ys[n + 1] = y
    sol, flag = newton_hd_impl(_circle_line, np.array([1.0, 0.5]), (2.0, 0.75))
    sol2, flag2 = newton_hd_impl(_circle_line, np.array([1.0, 0.5]), (2.0, 0.75), 1e-30, 0.0, 3)
    return ys, sol, int(flag), sol2, int(flag2), clip(7.5, 0.0, 5.0), clip(-1, 0, 5)


def inputs():
    return (np.array([1.0, 0.0, 0.0]), 0.1, 30)
