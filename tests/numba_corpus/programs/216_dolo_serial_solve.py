# Source: EconForge/dolo.py dolo/numeric/optimize/newton.py (at commit 4e47d022)
# Licence: BSD-2-Clause (dolo, LICENSE; Copyright (c) 2012-2020, Pablo Winant)
# Notes: many small linear systems solved at once, as dolo's safeguarded Newton solver for the first-order conditions of a model on every grid point needs them: the plain-Python `solve` (Gauss-Jordan elimination with partial pivoting on an augmented matrix [A | b], in place, with a swap loop, downward and backward range(h-1, 0-1, -1) loops, and the solution copied out of the last column) is turned into a generalized ufunc by serial_solve_numba = guvectorize('void(f8[:,:], f8[:])', '(m,n)->(m)')(solve), a call form rather than a decorator, its name shadowing numpy.linalg's solve imported two lines earlier; serial_solve, the Python wrapper that builds the augmented stack with numpy.concatenate, is kept; the module's newton / serial_newton solver, SerialDifferentiableFunction, test_serial_solve, the __main__ block and the `import time` and later `from numpy import ...` lines only they use are left out
from __future__ import print_function

old_print = print

from numpy import zeros_like, zeros
from numpy.linalg import solve

import numpy
from numba import guvectorize
from numba import double


def solve(m, sol):

    # seems to segfault on windows

    h,w = m.shape

    for y in range(0,h):
        maxrow = y
        for y2 in range(y+1, h):    # Find max pivot
            if abs(m[y2,y]) > abs(m[maxrow,y]):
                maxrow = y2
        for y2 in range(0,w):
            t = m[y,y2]
            m[y,y2] = m[maxrow,y2]
            m[maxrow,y2] = t

        for y2 in range(y+1, h):    # Eliminate column y
            c = m[y2,y] / m[y,y]
            for x in range(y, w):
                m[y2,x] -= m[y,x] * c

    for y in range(h-1, 0-1, -1): # Backsubstitute
        c  = m[y,y]
        for y2 in range(0,y):
            for x in range(w-1, y-1, -1):
                m[y2,x] -=  m[y,x] * m[y2,y] / c
        m[y,y] /= c
        for x in range(h, w):       # Normalize row y
          m[y,x] /= c

    for y in range(h):
        sol[y] = m[y,w-1]

serial_solve_numba = guvectorize('void(f8[:,:], f8[:])', '(m,n)->(m)')(solve)


from numpy.linalg import solve as linalg_solve


def serial_solve(A, B, diagnose=True):


    if diagnose:

        sol = zeros_like(B)

        for i in range(sol.shape[0]):
            try:
                sol[i,:] = linalg_solve( A[i,:,:], B[i,:])
            except:
                # Should be a special type of exception
                a = Exception("Error solving point {}".format(i))
                a.x = B[i,:]
                a.J = A[i,:,:]
                a.i = i
                raise a

    else:
        M = numpy.concatenate([A,B[:,:,None]],axis=2)
        sol = numpy.zeros_like(B)
        serial_solve_numba(M,sol)

    return sol

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "serial_solve_numba"


def inputs():
    # what serial_solve(A, B, diagnose=False) passes: the Jacobians of a
    # 4-equation system at 300 grid points (random normal plus +-1.5 on
    # the diagonal: mostly well conditioned, with partial pivoting still
    # swapping rows at many points) stacked with the residuals into M of
    # shape (300, 4, 5), and the (300, 4) output array
    rng = np.random.default_rng(0)
    N, m = 300, 4
    A = rng.standard_normal((N, m, m))
    A[:, np.arange(m), np.arange(m)] += np.where(rng.random((N, m)) < 0.5, -1.5, 1.5)
    B = rng.standard_normal((N, m))
    M = numpy.concatenate([A, B[:, :, None]], axis=2)
    sol = numpy.zeros_like(B)
    return (M, sol)
