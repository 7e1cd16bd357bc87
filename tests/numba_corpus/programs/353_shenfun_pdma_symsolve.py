# Source: spectralDNS/shenfun shenfun/optimization/numba/pdma.py (at commit 3f24581a)
# Licence: BSD-2-Clause (shenfun LICENSE: "BSD 2-Clause License, Copyright (c) 2019, Mikael Mortensen")
# Notes: the pentadiagonal solver behind shenfun's spectral-Galerkin solvers (the symmetric matrices with diagonals 0, +-2, +-4 that Chebyshev/Legendre biharmonic and Helmholtz problems of fluid dynamics give, e.g. in the channel-flow Navier-Stokes solvers of spectralDNS): PDMA_SymLU (@nb.jit(nopython=True, fastmath=True, cache=True)) factorizes the matrix in place in its three diagonals d, e, f (k = n - len(e) = 2), and the plain-Python PDMA_SymSolve dispatches on x.ndim to PDMA_SymSolve2D, which for axis 0 calls PDMA_SymSolve1D on each column view b[:, j] (a strided 1-D slice passed to a jitted helper), doing the forward substitution with the unit lower factors and the back substitution divided by d, in place. Pasted: the whole module (its numba import, __all__, PDMA_LU, PDMA_Solve, the 1/2/3-D and variable-coefficient (_VC) LU and solve functions, jitted or plain-Python dispatchers). The harness builds what the package passes: the diagonals of a symmetric positive-definite pentadiagonal matrix of size 64 (main diagonal growing like k^2 as a stiffness term plus a mass term, second and fourth off-diagonals negative and positive), factorizes them with PDMA_SymLU(d, e, f) as the solver's init does, and passes them with a 64 x 20 float64 right-hand side (20 columns of a 2-D transformed field) and axis=0
import numba as nb

__all__ = ['PDMA_SymLU', 'PDMA_SymLU_VC', 'PDMA_SymSolve', 'PDMA_SymLU2D',
           'PDMA_SymLU3D', 'PDMA_SymSolve_VC', 'PDMA_LU', 'PDMA_Solve']

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_LU(a, b, d, e, f):
    """LU decomposition"""
    n = d.shape[0]
    m = e.shape[0]
    k = n - m

    for i in range(n-2*k):
        lam = b[i]/d[i]
        d[i+k] -= lam*e[i]
        e[i+k] -= lam*f[i]
        b[i] = lam
        lam = a[i]/d[i]
        b[i+k] -= lam*e[i]
        d[i+2*k] -= lam*f[i]
        a[i] = lam

    i = n-4
    lam = b[i]/d[i]
    d[i+k] -= lam*e[i]
    b[i] = lam
    i = n-3
    lam = b[i]/d[i]
    d[i+k] -= lam*e[i]
    b[i] = lam

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_Solve(a, b, d, e, f, h, axis=0): # pragma: no cover
    """Symmetric solve (for testing only)"""
    n = d.shape[0]
    bc = h

    bc[2] -= b[0]*bc[0]
    bc[3] -= b[1]*bc[1]
    for k in range(4, n):
        bc[k] -= (b[k-2]*bc[k-2] + a[k-4]*bc[k-4])

    bc[n-1] /= d[n-1]
    bc[n-2] /= d[n-2]
    bc[n-3] = (bc[n-3]-e[n-3]*bc[n-1])/d[n-3]
    bc[n-4] = (bc[n-4]-e[n-4]*bc[n-2])/d[n-4]
    for k in range(n-5, -1, -1):
        bc[k] = (bc[k]-e[k]*bc[k+2]-f[k]*bc[k+4])/d[k]

def PDMA_SymLU_VC(d, a, l, axis=0):
    n = d.ndim
    if n == 1:
        PDMA_SymLU(d, a, l)
    elif n == 2:
        PDMA_SymLU2D(d, a, l, axis)
    elif n == 3:
        PDMA_SymLU3D(d, a, l, axis)

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymLU(d, e, f):
    n = d.shape[0]
    m = e.shape[0]
    k = n - m

    for i in range(n-2*k):
        lam = e[i]/d[i]
        d[i+k] -= lam*e[i]
        e[i+k] -= lam*f[i]
        e[i] = lam
        lam = f[i]/d[i]
        d[i+2*k] -= lam*f[i]
        f[i] = lam

    lam = e[n-4]/d[n-4]
    d[n-2] -= lam*e[n-4]
    e[n-4] = lam
    lam = e[n-3]/d[n-3]
    d[n-1] -= lam*e[n-3]
    e[n-3] = lam

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymLU2D(d, e, f, axis):
    if axis == 0:
        for j in range(d.shape[1]):
            PDMA_SymLU(d[:-4, j], e[:-6, j], f[:-8, j])
    elif axis == 1:
        for i in range(d.shape[0]):
            PDMA_SymLU(d[i, :-4], e[i, :-6], f[i, :-8])

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymLU3D(d, e, f, axis):
    if axis == 0:
        for j in range(d.shape[1]):
            for k in range(d.shape[2]):
                PDMA_SymLU(d[:-4, j, k], e[:-6, j, k], f[:-8, j, k])
    elif axis == 1:
        for i in range(d.shape[0]):
            for k in range(d.shape[2]):
                PDMA_SymLU(d[i, :-4, k], e[i, :-6, k], f[i, :-8, k])
    elif axis == 2:
        for i in range(d.shape[0]):
            for j in range(d.shape[1]):
                PDMA_SymLU(d[i, j, :-4], e[i, j, :-6], f[i, j, :-8])

def PDMA_SymSolve(d, a, l, x, axis=0):
    n = x.ndim
    if n == 1:
        PDMA_SymSolve1D(d, a, l, x)
    elif n == 2:
        PDMA_SymSolve2D(d, a, l, x, axis)
    elif n == 3:
        PDMA_SymSolve3D(d, a, l, x, axis)

def PDMA_SymSolve_VC(d, a, l, x, axis=0):
    n = x.ndim
    if n == 1:
        PDMA_SymSolve1D(d, a, l, x)
    elif n == 2:
        PDMA_SymSolve2D_VC(d, a, l, x, axis)
    elif n == 3:
        PDMA_SymSolve3D_VC(d, a, l, x, axis)

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymSolve1D(d, e, f, b):
    n = d.shape[0]
    b[2] -= e[0]*b[0]
    b[3] -= e[1]*b[1]
    for k in range(4, n):
        b[k] -= (e[k-2]*b[k-2] + f[k-4]*b[k-4])

    b[n-1] /= d[n-1]
    b[n-2] /= d[n-2]
    b[n-3] /= d[n-3]
    b[n-3] -= e[n-3]*b[n-1]
    b[n-4] /= d[n-4]
    b[n-4] -= e[n-4]*b[n-2]
    for k in range(n-5, -1, -1):
        b[k] /= d[k]
        b[k] -= (e[k]*b[k+2] + f[k]*b[k+4])

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymSolve2D(d, e, f, b, axis):
    if axis == 0:
        for j in range(b.shape[1]):
            PDMA_SymSolve1D(d, e, f, b[:, j])
    elif axis == 1:
        for i in range(b.shape[0]):
            PDMA_SymSolve1D(d, e, f, b[i])

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymSolve3D(d, e, f, b, axis):
    if axis == 0:
        for j in range(b.shape[1]):
            for k in range(b.shape[2]):
                PDMA_SymSolve1D(d, e, f, b[:, j, k])
    elif axis == 1:
        for i in range(b.shape[0]):
            for k in range(b.shape[2]):
                PDMA_SymSolve1D(d, e, f, b[i, :, k])
    elif axis == 2:
        for i in range(b.shape[0]):
            for j in range(b.shape[1]):
                PDMA_SymSolve1D(d, e, f, b[i, j])

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymSolve3D_VC(d, e, f, x, axis):
    if axis == 0:
        for j in range(d.shape[1]):
            for k in range(d.shape[2]):
                PDMA_SymSolve1D(d[:-4, j, k], e[:-6, j, k], f[:-8, j, k], x[:, j, k])
    elif axis == 1:
        for i in range(d.shape[0]):
            for k in range(d.shape[2]):
                PDMA_SymSolve1D(d[i, :-4, k], e[i, :-6, k], f[i, :-8, k], x[i, :, k])
    elif axis == 2:
        for i in range(d.shape[0]):
            for j in range(d.shape[1]):
                PDMA_SymSolve1D(d[i, j, :-4], e[i, j, :-6], f[i, j, :-8], x[i, j, :])

@nb.jit(nopython=True, fastmath=True, cache=True)
def PDMA_SymSolve2D_VC(d, e, f, x, axis):
    if axis == 0:
        for j in range(d.shape[1]):
            PDMA_SymSolve1D(d[:-4, j], e[:-6, j], f[:-8, j], x[:, j])
    elif axis == 1:
        for i in range(d.shape[0]):
            PDMA_SymSolve1D(d[i, :-4], e[i, :-6], f[i, :-8], x[i, :])
# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "PDMA_SymSolve"


def inputs():
    # symmetric positive-definite pentadiagonal matrix (offsets 0, +-2, +-4):
    # a k^2 stiffness-like main diagonal plus mass-like terms, factorized in
    # place by PDMA_SymLU as the solver's init does; 20 right-hand sides
    rng = np.random.default_rng(0)
    n = 64
    k = np.arange(n, dtype=np.float64)
    d = 1.0 + 0.05 * (k + 1) ** 2 + 2.0 / (2 * k + 1)
    e = -0.4 - 1.0 / (2 * k[:-2] + 3)
    f = 0.1 + 0.5 / (2 * k[:-4] + 5)
    PDMA_SymLU(d, e, f)
    b = rng.standard_normal((n, 20))
    return d, e, f, b, 0
