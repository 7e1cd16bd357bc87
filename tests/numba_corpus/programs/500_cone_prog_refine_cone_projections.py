# Source: cvxgrp/cone_prog_refine cpr/cones.py (at commit 9294a34e)
# Licence: Apache-2.0 (the file's header: Copyright 2019 Enzo Busseti, Walaa Moursi, and Stephen Boyd, Apache License 2.0; the exponential-cone projection adapted from Brendan O'Donoghue's scs-python, MIT)
# Notes: projections onto the second-order cone and the exponential cone, and the derivative of the second-order-cone projection, that CPR (cone program refinement) applies block by block to refine conic-program solutions (numerical optimisation): every function is @nb.jit with an explicit signature (some without nopython=True, so Numba tries nopython first); sec_ord_Pi projects with np.linalg.norm and writes the projection into a cache array, sec_ord_D differentiates it with 1-D dot products `@` and tuple assignment into slices, exp_pri_Pi handles the three closed-form cases and otherwise calls fourth_case_enzo, which starts from fourth_case_brendan (bisection on rho calling calc_grad, which returns a (float, array) tuple, get_rho_ub and the Newton solve newton_exp_onz, which loops over np.arange(0, 100)) and polishes with up to 10 Newton steps that build 3x3 systems (make_mat / make_mat_two) and call np.linalg.solve. Pasted: the module's imports (scipy.sparse, collections.namedtuple and numba), the exception classes, the cone namedtuple, and the functions from sec_ord_D to exp_pri_Pi (left out: the free/zero/non-negative cones, fourth_case_D and the exp-cone derivative and the product-cone code below exp_pri_Pi); the harness projects 200 random 3-vectors onto the exponential cone and 100 random 6-vectors onto the second-order cone, and differentiates each of the latter in a random direction
"""
Copyright 2019 Enzo Busseti, Walaa Moursi, and Stephen Boyd

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.


----------------------------------------------------


Some parts (exponential cone projection) are adapted
from Brendan O'Donoghue's scs-python.
"""

import numpy as np
import scipy.sparse as sp
from collections import namedtuple

import numba as nb


class DimensionError(Exception):
    pass


class NonDifferentiable(Exception):
    pass


cone = namedtuple('cone', ['Pi', 'D', 'DT'])


@nb.jit(nb.float64[:](nb.float64[:], nb.float64[:], nb.float64[:]))
def sec_ord_D(z, dz, cache):
    """Derivative of projection on second order cone."""

    # point at which we derive
    t = z[0]
    x = z[1:]
    # projection of point
    s = cache[0]
    y = cache[1:]

    # logic for simple cases
    norm = np.linalg.norm(x)
    if norm <= t:
        return np.copy(dz)
    if norm <= -t:
        return np.zeros_like(dz)

    # big case
    dx, dt = dz[1:], dz[0]

    # from my notes (attach photo)
    alpha = 2 * s - t
    if alpha == 0.:
        raise Exception('Second order cone derivative error')
    b = 2 * y - x
    c = dt * s + dx @ y
    d = dt * y + dx * s

    denom = (alpha - b @ b / alpha)
    if denom == 0.:
        raise Exception('Second order cone derivative error')
    ds = (c - b @ d / alpha) / denom
    dy = (d - b * ds) / alpha

    result = np.empty_like(dz)
    result[1:], result[0] = dy, ds
    return result

    # normalized_s = s / norm
    # result = np.empty_like(x)
    # result[1:] = ((rho / norm + 1) * y -
    #               (rho / norm**3) * s *
    #               s@y +
    #               t * normalized_s) / 2.
    # result[0] = (y@ normalized_s + t) / 2.
    # return result


@nb.jit(nb.float64[:](nb.float64[:], nb.float64[:]))
def sec_ord_Pi(z, cache):
    """Projection on second-order cone."""

    x, rho = z[1:], z[0]
    # cache this?
    norm_x = np.linalg.norm(x)
    # cache = np.zeros(1)
    # cache[0] = norm_x

    if norm_x <= rho:
        return np.copy(z)

    if norm_x <= -rho:
        return np.zeros_like(z)

    result = np.empty_like(z)

    result[0] = 1.
    result[1:] = x / norm_x
    result *= (norm_x + rho) / 2.

    cache[:] = result

    return result


sec_ord_cone = cone(sec_ord_Pi, sec_ord_D, sec_ord_D)


@nb.jit(nb.float64(nb.float64, nb.float64, nb.float64, nb.float64))
def newton_exp_onz(rho, y_hat, z_hat, w):
    t = max(max(w - z_hat, -z_hat), 1e-6)
    for iter in np.arange(0, 100):
        f = (1 / rho**2) * t * (t + z_hat) - y_hat / rho + np.log(t / rho) + 1
        fp = (1 / rho**2) * (2 * t + z_hat) + 1 / t

        t = t - f / fp
        if t <= -z_hat:
            t = -z_hat
            break
        elif t <= 0:
            t = 0
            break
        elif np.abs(f) < 1e-6:
            break
    return t + z_hat


@nb.jit(nb.float64[:](nb.float64[:], nb.float64, nb.float64))
def solve_with_rho(v, rho, w):
    x = np.zeros(3)
    x[2] = newton_exp_onz(rho, v[1], v[2], w)
    x[1] = (1 / rho) * (x[2] - v[2]) * x[2]
    x[0] = v[0] - rho
    return x


@nb.jit(nb.types.Tuple((nb.float64, nb.float64[:]))(nb.float64[:],
                                                    nb.float64, nb.float64[:]),
        nopython=True)
def calc_grad(v, rho, warm_start):
    x = solve_with_rho(v, rho, warm_start[1])
    if x[1] == 0:
        g = x[0]
    else:
        g = (x[0] + x[1] * np.log(x[1] / x[2]))
    return g, x


@nb.jit(nb.types.UniTuple(nb.float64, 2)(nb.float64[:]))
def get_rho_ub(v):
    lb = 0
    rho = 2**(-3)
    g, z = calc_grad(v, rho, v)
    while g > 0:
        lb = rho
        rho = rho * 2
        g, z = calc_grad(v, rho, z)
    ub = rho
    return ub, lb


@nb.jit(nb.types.UniTuple(nb.float64[:], 2)(nb.float64[:]))
def fourth_case_brendan(z):
    x = np.copy(z)
    ub, lb = get_rho_ub(x)
    # print('initial ub, lb', ub, lb)
    for i in range(0, 100):
        rho = (ub + lb) / 2
        g, x = calc_grad(z, rho, x)
        # print('g, x', g, x)
        if g > 0:
            lb = rho
        else:
            ub = rho
        # print('new ub, lb', ub, lb)
        if ub - lb < 1e-8:
            break
    # print('result:', x)
    return x, np.copy(x)


# Here it is my work on exp proj D
@nb.jit(nb.float64[:, :](nb.float64, nb.float64, nb.float64, nb.float64,
                         nb.float64, nb.float64))
def make_mat(r, s, t, x, y, z):
    mat = np.zeros((3, 3))
    # first eq.
    mat[0, 0] = 2 * x - r
    mat[0, 1] = 2 * y - s
    mat[0, 2] = 2 * z - t
    mat[1, 0] = np.exp(x / y)
    mat[1, 1] = np.exp(x / y) * (1 - x / y)
    mat[1, 2] = -1.
    mat[2, 0] = y
    mat[2, 1] = x - r
    mat[2, 2] = 2 * z - t
    return mat

# Here it is my work on exp proj D


@nb.jit(nb.float64[:, :](nb.float64, nb.float64, nb.float64, nb.float64,
                         nb.float64, nb.float64))
def make_mat_two(r, s, t, x, y, z):
    mat = np.zeros((3, 3))
    # first eq.
    u = -(r - x)
    v = -(s - y)
    w = -(t - z)

    mat[0, 0] = 2 * x - r
    mat[0, 1] = 2 * y - s
    mat[0, 2] = 2 * z - t

    # mat[1, 0] = np.exp(x / y)
    # mat[1, 1] = np.exp(x / y) * (1 - x / y)
    # mat[1, 2] = -1.

    mat[1, 0] = np.exp(v / u) * (1 - v / u)
    mat[1, 1] = np.exp(v / u)
    mat[1, 2] = np.e

    mat[2, 0] = y
    mat[2, 1] = x - r
    mat[2, 2] = 2 * z - t
    return mat


@nb.jit(nb.float64[:](nb.float64, nb.float64, nb.float64, nb.float64,
                      nb.float64, nb.float64))
def make_error(r, s, t, x, y, z):
    error = np.zeros(3)
    error[0] = x * (x - r) + y * (y - s) + z * (z - t)
    error[1] = y * np.exp(x / y) - z
    error[2] = y * (x - r) + z * (z - t)
    # print('error', error)
    return error


@nb.jit(nb.float64[:](nb.float64, nb.float64, nb.float64, nb.float64,
                      nb.float64, nb.float64))
def make_error_two(r, s, t, x, y, z):
    error = np.zeros(3)
    error[0] = x * (x - r) + y * (y - s) + z * (z - t)
    u = -(r - x)
    v = -(s - y)
    w = -(t - z)
    error[1] = np.e * w + u * np.exp(v / u)
    error[2] = y * (x - r) + z * (z - t)
    # print('error', error)
    return error


@nb.jit(nb.float64[:](nb.float64[:]))
def fourth_case_enzo(z_var):
    # VERBOSE = False

    # print('fourth case Enzo')
    # if VERBOSE:
    #    print('projecting (%f, %f, %f)' % (z_var[0], z_var[1], z_var[2]))
    real_result, _ = fourth_case_brendan(z_var)
    # print('brendan result: (x,y,z)', real_result)
    z_var = np.copy(z_var)
    r = z_var[0]
    s = z_var[1]
    t = z_var[2]
    # print('brendan result: (u,v,w)', real_result - z_var)

    x, y, z = real_result
    # if y < 1E-12:
    #     y = 1E-12

    for i in range(10):

        # if y < 1e-14:
        #     return np.zeros(3)
        u = x - r
        # assert y >= 0
        # assert u <= 0
        if (y <= 0. and u >= 0.):
            return np.zeros(3)

        if y > -u and not y == 0.:
            # print('computing error with e^(x/y)')
            error = make_error(r, s, t, x, y, z)
        else:
            # print('computing error with e^(v/u)')
            if u == 0:
                break
            error = make_error_two(r, s, t, x, y, z)

        # print('error:', error)
        # print('error norm: %.2e' % np.linalg.norm(error))

        # if VERBOSE:
        # print('iter %d, max |error| = %g' % (i, np.max(np.abs(error))))

        if np.max(np.abs(error)) < 1e-15:
            # print(np.max(np.abs(error)))
            # print('converged!')
            break

        if np.any(np.isnan(error)):
            break

        if y > -u and not y == 0.:
            # print('computing correction with e^(x/y)')
            correction = np.linalg.solve(
                make_mat(r, s, t, x, y, z) + np.eye(3) * 1E-8,
                -error)
        else:
            # print('computing correction with e^(v/u)')
            correction = np.linalg.solve(
                make_mat_two(r, s, t, x, y, z) + np.eye(3) * 1E-8,
                -error)

        # print('correction', correction)

        if np.any(np.isnan(correction)):
            break

        x += correction[0]
        y += correction[1]
        z += correction[2]

    result = np.empty(3)
    result[0] = x
    result[1] = y
    result[2] = z

    # if VERBOSE:
    #    print('result = (%f, %f, %f)' % (result[0], result[1], result[2]))

    return result


@nb.jit(nb.float64[:](nb.float64[:], nb.float64[:]), nopython=True)
def exp_pri_Pi(z, cache):
    """Projection on exp. primal cone, and cache."""
    z = np.copy(z)
    r = z[0]
    s = z[1]
    t = z[2]

    # temporary...
    if np.linalg.norm(z) < 1E-14:
        cache[:3] = 0.
        return z

    # first case
    if (s > 0 and s * np.exp(r / s) <= t) or \
            (r <= 0 and s == 0 and t >= 0):
        cache[:3] = z
        return z

    # second case
    if (-r < 0 and r * np.exp(s / r) <= -np.exp(1) * t) or \
            (r == 0 and -s >= 0 and -t >= 0):
        cache[:3] = 0.
        return np.zeros(3)

    # third case
    if r < 0 and s < 0:
        z[1] = 0
        z[2] = max(z[2], 0)
        cache[:3] = z
        return z

    pi = fourth_case_enzo(z)
    cache[:3] = pi
    return pi
# ---- harness (not part of the program) ----
ENTRY = "project_all"


def project_all(exp_points, soc_points, soc_dirs):
    n = exp_points.shape[0]
    exp_proj = np.empty((n, 3))
    exp_cache = np.zeros((n, 3))
    for i in range(n):
        exp_proj[i] = exp_pri_Pi(exp_points[i], exp_cache[i])
    m = soc_points.shape[0]
    soc_proj = np.empty_like(soc_points)
    soc_der = np.empty_like(soc_points)
    for i in range(m):
        cache = np.zeros(soc_points.shape[1])
        soc_proj[i] = sec_ord_Pi(soc_points[i], cache)
        soc_der[i] = sec_ord_D(soc_points[i], soc_dirs[i], cache)
    return exp_proj, exp_cache, soc_proj, soc_der


def inputs():
    rng = np.random.default_rng(0)
    exp_points = rng.normal(0.0, 1.0, (200, 3))
    soc_points = rng.normal(0.0, 1.0, (100, 6))
    soc_points[:, 0] *= 2.0
    soc_dirs = rng.normal(0.0, 1.0, (100, 6))
    return (exp_points, soc_points, soc_dirs)
