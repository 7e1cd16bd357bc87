# Source: open-atmos/PySDM PySDM/backends/impl_numba/toms748.py (at commit 0eea64cd), with JIT_FLAGS from PySDM/backends/impl_numba/conf.py (at commit 31867db7), warn from PySDM/backends/impl_numba/warnings.py (at commit 12886b61) and the jitted test functions f1, f2 from tests/unit_tests/backends/test_toms748.py (at commit e093254a)
# Licence: GPL-3.0 (PySDM, setup.py: license="GPL-3.0", classifier "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"; PySDM contributors)
# Notes: the TOMS 748 bracketing root finder (Alefeld-Potra-Shi, after Boost and libcloudph++) that PySDM's super-droplet condensation solver uses to find droplet sizes: toms748_solve takes the function to zero and the tolerance test as first-class jitted-function arguments and calls f(c, *args) with an argument tuple, and its helpers bracket, secant/quadratic/cubic interpolation, safe_div and tol_check return and unpack 6-tuples; every decorator is numba.njit(**{**JIT_FLAGS, **{...}}) with dict unpacking (parallel=False, fastmath=True, error_model="numpy"); the error branches call warn, which prints through numba.objmode() and returns the (nan, -1) tuple passed as return_value. Pasted: toms748.py's imports and all its functions, conf.py's JIT_FLAGS and warnings.py's warn in place of their imports (warn's `from PySDM.backends.impl_numba import conf` is replaced by `conf = sys.modules[__name__]`, so that conf.JIT_FLAGS names the pasted dict), and the test's jitted f1 (x**2 - 2x - 1) and f2 (exp(x) - cos(x)); the harness jits Trivia.within_tolerance's one-line body (error < rtol * |value|, from PySDM/physics/trivia.py at commit 00d9019c) with numba.njit, as PySDM's Formulae does, and solves both test functions on the test's bracket [-0.5, 0.5] and on wider brackets
"""
Numba-based TOM 748 root-finding algorithm implementation adapted from Maciej Waruszewski's
libcloudph++ version (GPL) which in turn was based on Boost implementation
(Copyright John Maddock 2006 http://www.boost.org/LICENSE_1_0.txt)

https://github.com/igfuw/libcloudphxx/blob/master/include/libcloudph%2B%2B/common/detail/toms748.hpp
"""

import sys
from sys import float_info

import numba
import numpy as np
from numpy import nan

# PySDM/backends/impl_numba/conf.py
JIT_FLAGS = {
    "parallel": False,
    "fastmath": True,
    "error_model": "numpy",
    "cache": False,  # https://github.com/numba/numba/issues/2956
}

conf = sys.modules[__name__]


# PySDM/backends/impl_numba/warnings.py
@numba.njit(**{**conf.JIT_FLAGS, **{"parallel": False}})
def warn(msg, file, context=None, return_value=None):
    with numba.objmode():
        print(msg, file=sys.stderr)
        print("\tfile:", file, file=sys.stderr)
        if context is not None:
            print("\tcontext:", file=sys.stderr)
            for var in context:
                print("\t\t", var, file=sys.stderr)
    return return_value


float_info_epsilon = float_info.epsilon
float_info_max = float_info.max
float_info_min = float_info.min


@numba.njit(**{**JIT_FLAGS, **{"parallel": False, "cache": False}})
def bracket(f, args, a, b, c, fa, fb):
    tol = float_info_epsilon * 2
    if (b - a) < 2 * tol * a:
        c = a + (b - a) / 2
    elif c <= a + abs(a) * tol:
        c = a + abs(a) * tol
    elif c >= b - abs(b) * tol:
        c = b - abs(a) * tol
    fc = f(c, *args)
    if fc == 0:
        a = c
        fa = 0
        d = 0
        fd = 0
    else:
        if fa * fc < 0:
            d = b
            fd = fb
            b = c
            fb = fc
        else:
            d = a
            fd = fa
            a = c
            fa = fc
    return a, b, fa, fb, d, fd


@numba.njit(**{**JIT_FLAGS, **{"parallel": False}})
def safe_div(num, denom, r):
    if abs(denom) < 1:
        if abs(denom * float_info_max) <= abs(num):
            return r
    return num / denom


@numba.njit(**{**JIT_FLAGS, **{"parallel": False}})
def secant_interpolate(a, b, fa, fb):
    tol = float_info_epsilon * 5
    c = a - (fa / (fb - fa)) * (b - a)
    if c <= a + abs(a) * tol or c >= b - abs(b) * tol:
        return (a + b) / 2
    return c


@numba.njit(**{**JIT_FLAGS, **{"parallel": False}})
def quadratic_interpolate(a, b, d, fa, fb, fd, count):
    B = safe_div(fb - fa, b - a, float_info_max)
    A = safe_div(fd - fb, d - b, float_info_max)
    A = safe_div(A - B, d - a, 0.0)

    if A == 0:
        return secant_interpolate(a, b, fa, fb)
    if A * fa > 0:
        c = a
    else:
        c = b
    for _ in range(1, count + 1):
        c -= safe_div(
            fa + (B + A * (c - b)) * (c - a), B + A * (2.0 * c - a - b), 1.0 + c - a
        )
    if (c <= a) or (c >= b):
        c = secant_interpolate(a, b, fa, fb)
    return c


@numba.njit(**{**JIT_FLAGS, **{"parallel": False}})
def cubic_interpolate(a, b, d, e, fa, fb, fd, fe):
    q11 = (d - e) * fd / (fe - fd)
    q21 = (b - d) * fb / (fd - fb)
    q31 = (a - b) * fa / (fb - fa)
    d21 = (b - d) * fd / (fd - fb)
    d31 = (a - b) * fb / (fb - fa)

    q22 = (d21 - q11) * fb / (fe - fb)
    q32 = (d31 - q21) * fa / (fd - fa)
    d32 = (d31 - q21) * fd / (fd - fa)
    q33 = (d32 - q22) * fa / (fe - fa)
    c = q31 + q32 + q33 + a

    if (c <= a) or (c >= b):
        c = quadratic_interpolate(a, b, d, fa, fb, fd, 3)
    return c


@numba.njit(**{**JIT_FLAGS, **{"parallel": False}})
def tol_check(a, b, rtol, within_tolerance):
    return within_tolerance(abs(a - b), min(abs(a), abs(b)), rtol)


@numba.njit(**{**JIT_FLAGS, **{"parallel": False}})
def toms748_solve(f, args, ax, bx, fax, fbx, rtol, max_iter, within_tolerance):
    count = max_iter
    mu = 0.5
    a = ax
    b = bx
    fa = fax
    fb = fbx
    if not a < b:
        return warn("TOMS748 problem: not a < b", __file__, return_value=(nan, -1))

    if tol_check(a, b, rtol, within_tolerance) or fa == 0 or fb == 0:
        max_iter = 0
        if fa == 0:
            b = a
        elif fb == 0:
            a = b
        return (a + b) / 2, max_iter

    if not fa * fb < 0:
        return warn(
            "TOMS748 problem: not fa * fb < 0", __file__, return_value=(nan, -1)
        )

    fe = e = fd = 1e5

    if fa != 0:
        c = secant_interpolate(a, b, fa, fb)
        a, b, fa, fb, d, fd = bracket(f, args, a, b, c, fa, fb)
        count -= 1

        if count > 0 and fa != 0 and not tol_check(a, b, rtol, within_tolerance):
            c = quadratic_interpolate(a, b, d, fa, fb, fd, 2)
            e = d
            fe = fd
            a, b, fa, fb, d, fd = bracket(f, args, a, b, c, fa, fb)
            count -= 1

    while count > 0 and fa != 0 and not tol_check(a, b, rtol, within_tolerance):
        a0 = a
        b0 = b
        min_diff = float_info_min * 32
        prof = (
            abs(fa - fb) < min_diff
            or abs(fa - fd) < min_diff
            or abs(fa - fe) < min_diff
            or abs(fb - fd) < min_diff
            or abs(fb - fe) < min_diff
            or abs(fd - fe) < min_diff
        )
        if prof:
            c = quadratic_interpolate(a, b, d, fa, fb, fd, 2)
        else:
            c = cubic_interpolate(a, b, d, e, fa, fb, fd, fe)
        e = d
        fe = fd
        a, b, fa, fb, d, fd = bracket(f, args, a, b, c, fa, fb)
        if count == 1 or fa == 0 or tol_check(a, b, rtol, within_tolerance):
            count -= 1
            break
        prof = (
            abs(fa - fb) < min_diff
            or abs(fa - fd) < min_diff
            or abs(fa - fe) < min_diff
            or abs(fb - fd) < min_diff
            or abs(fb - fe) < min_diff
            or abs(fd - fe) < min_diff
        )
        if prof:
            c = quadratic_interpolate(a, b, d, fa, fb, fd, 3)
        else:
            c = cubic_interpolate(a, b, d, e, fa, fb, fd, fe)
        a, b, fa, fb, d, fd = bracket(f, args, a, b, c, fa, fb)
        if count == 1 or fa == 0 or tol_check(a, b, rtol, within_tolerance):
            count -= 1
            break
        if abs(fa) < abs(fb):
            u = a
            fu = fa
        else:
            u = b
            fu = fb
        c = u - 2 * (fu / (fb - fa)) * (b - a)
        if abs(c - u) > (b - a) / 2:
            c = a + (b - a) / 2
        e = d
        fe = fd
        a, b, fa, fb, d, fd = bracket(f, args, a, b, c, fa, fb)
        if count == 1 or fa == 0 or tol_check(a, b, rtol, within_tolerance):
            count -= 1
            break
        if (b - a) < mu * (b0 - a0):
            continue
        e = d
        fe = fd
        a, b, fa, fb, d, fd = bracket(f, args, a, b, a + (b - a) / 2, fa, fb)
        count -= 1

    max_iter -= count
    if fa == 0:
        b = a
    elif fb == 0:
        a = b
    return (a + b) / 2, max_iter


# tests/unit_tests/backends/test_toms748.py
@numba.njit()
def f1(x):
    return x**2 - 2 * x - 1


@numba.njit()
def f2(x):
    return np.exp(x) - np.cos(x)
# ---- harness (not part of the program) ----
ENTRY = "solve_all"


# the body of PySDM.physics.trivia.Trivia.within_tolerance, jitted as
# PySDM's Formulae jits the trivia functions
@numba.njit()
def within_tolerance(error_estimate, value, rtol):
    return error_estimate < rtol * np.abs(value)


def solve_all(brackets, rtol, max_iter):
    # as test_toms748: toms748_solve(fun, (), ax=a, bx=b, fax=fun(a),
    # fbx=fun(b), max_iter=..., rtol=..., within_tolerance=wt), for both
    # test functions and every bracket
    out = []
    for fun in (f1, f2):
        for a, b in brackets:
            out.append(toms748_solve(fun, (), a, b, fun(a), fun(b), rtol,
                                     max_iter, within_tolerance))
    return out


def inputs():
    # the test's bracket [-0.5, 0.5] with rtol 1e-6 and 10 iterations,
    # then wider brackets around the roots 1 - sqrt(2) (f1) and 0 (f2)
    brackets = [(-0.5, 0.5), (-1.0, 0.3), (-0.75, 0.9), (-2.0, 1.5)]
    return (brackets, 1e-6, 10)
