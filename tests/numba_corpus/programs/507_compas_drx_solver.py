# Source: compas-dev/compas src/compas/hpc/algorithms/drx_numba.py (at commit 1cddddf0)
# Licence: MIT (the file's __license__ = 'MIT License', Copyright 2018, BLOCK Research Group - ETH Zurich; COMPAS, MIT; Andrew Liew)
# Notes: dynamic relaxation form finding of a cable net (structural mechanics on a mesh of nodes and edges, physics simulation): drx_solver (@guvectorize with an explicit signature, layout '(),(),(),(m),(m),(n,p),...->()', nopython=True, target='parallel') loops until the mean residual drops below tol: edge forces from current lengths (f0 + ks * (l - l0)), zeroing compressive forces in tension-only edges (for i in ind_t over an index array), nodal resultants scattered through the sparse connectivity triplets (rows, cols, vals), velocity updates divided by fictitious masses, kinetic-energy peak detection that resets the velocities, and in-place updates of the coordinate array X (an input of the gufunc) and of S (`S *= 0`); the scalar output `out` is only assigned locally. Pasted: the module's numpy, numba and scipy.sparse imports, the author/licence dunders and drx_solver (left out: the compas imports and drx_numba, which builds the arrays from a compas Network with _create_arrays and calls the solver, and the __main__ demo); the harness builds what drx_numba and compas' _create_arrays build for the __main__ demo's case at a smaller size: an 11 x 11 grid net of tension-only edges (E 10, A 1, prestress force 1), fixed boundary nodes, a uniform downward load of 1000 spread over the nodes, the transposed connectivity as scipy.sparse.find triplets and lumped masses |Ct| (ks + f0 / l0) as compas' mass_matrix does; it returns the relaxed coordinates and the edge forces
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

# from numpy import arccos
from numpy import array
from numpy import asarray
from numpy import float64
from numpy import int64
from numpy import mean
# from numpy import sin
from numpy import sqrt
from numpy import zeros

from numba import guvectorize
from numba import f8
from numba import i8

from scipy.sparse import find


from time import time


__author__    = ['Andrew Liew <liew@arch.ethz.ch>']
__copyright__ = 'Copyright 2018, BLOCK Research Group - ETH Zurich'
__license__   = 'MIT License'
__email__     = 'liew@arch.ethz.ch'


__all__ = [
    'drx_numba',
]


@guvectorize([(f8, i8, i8, i8[:], i8[:], f8[:, :], f8[:], f8[:], f8[:], i8[:], i8[:], f8[:, :], f8[:, :], f8[:, :],
               i8[:], i8[:], f8[:], f8[:], f8, f8)],
             '(),(),(),(m),(m),(n,p),(m),(m),(m),(a),(b),(n,p),(n,p),(n,p),(c),(c),(c),(n),()->()',
             nopython=True, cache=False, target='parallel')
def drx_solver(tol, steps, summary, u, v, X, f0, l0, ks, ind_c, ind_t, B, P, S, rows, cols, vals, M, factor,
               out):

    """ Numba accelerated dynamic relaxation solver.

    Parameters
    ----------
    tol : float
        Tolerance limit.
    steps : int
        Maximum number of steps.
    summary : int
        Print summary 1 or 0.
    u : array
        Network edges' start points.
    v : array
        Network edges' end points.
    X : array
        Nodal co-ordinates.
    f0 : array
        Initial edge forces.
    l0 : array
        Initial edge lengths.
    ks : array
        Initial edge axial stiffnesses.
    ind_c : array
        Indices of compression only edges.
    ind_t : array
        Indices of tension only edges.
    B : array
        Constraint conditions Bx, By, Bz.
    P : array
        Nodal loads Px, Py, Pz.
    S : array
        Shear forces Sx, Sy, Sz.
    rows : array
        Edge adjacencies (rows).
    cols : array
        Edge adjacencies (columns).
    vals : array
        Edge adjacencies (values).
    M : array
        Mass matrix.
    factor : float
        Convergence factor.
#     inds : array
#         Indices of beam element start nodes.
#     indi : array
#         Indices of beam element intermediate nodes.
#     indf : array
#         Indices of beam element finish nodes beams.
#     EIx : array
#         Nodal EIx flexural stiffnesses.
#     EIy : array
#         Nodal EIy flexural stiffnesses.
#     beams : int
#         Beam analysis on: 1 or off: 0.

    Returns
    -------
    # array
#         Updated nodal co-ordinates.

    """
    m   = u.shape[0]
    n   = X.shape[0]
    nv  = vals.shape[0]
    f   = zeros(m)
    fx  = zeros(m)
    fy  = zeros(m)
    fz  = zeros(m)
    Vx  = zeros(n)
    Vy  = zeros(n)
    Vz  = zeros(n)
    frx = zeros(n)
    fry = zeros(n)
    frz = zeros(n)
    Rn  = zeros(n)

    res = 1000 * tol
    ts, Uo = 0, 0
    while (ts <= steps) and (res > tol):
        for i in range(m):
            xd = X[v[i], 0] - X[u[i], 0]
            yd = X[v[i], 1] - X[u[i], 1]
            zd = X[v[i], 2] - X[u[i], 2]
            l = sqrt(xd**2 + yd**2 + zd**2)
            f[i] = f0[i] + ks[i] * (l - l0[i])
            q = f[i] / l
            fx[i] = xd * q
            fy[i] = yd * q
            fz[i] = zd * q
        if ind_t[0] != -1:
            for i in ind_t:
                if f[i] < 0:
                    fx[i] = 0
                    fy[i] = 0
                    fz[i] = 0
        if ind_c[0] != -1:
            for i in ind_c:
                if f[i] > 0:
                    fx[i] = 0
                    fy[i] = 0
                    fz[i] = 0

        S *= 0
#         if beams:
#             for i in range(len(inds)):
#                 Xs = X[inds[i], :]
#                 Xi = X[indi[i], :]
#                 Xf = X[indf[i], :]
#                 Qa = Xi - Xs
#                 Qb = Xf - Xi
#                 Qc = Xf - Xs
#                 Qn = cross_vectors_numba(Qa, Qb)
#                 mu = 0.5 * (Xf - Xs)
#                 La = length_vector_numba(Qa)
#                 Lb = length_vector_numba(Qb)
#                 Lc = length_vector_numba(Qc)
#                 LQn = length_vector_numba(Qn)
#                 Lmu = length_vector_numba(mu)
#                 a = arccos((La**2 + Lb**2 - Lc**2) / (2 * La * Lb))
#                 k = 2 * sin(a) / Lc
#                 ex = Qn / LQn
#                 ez = mu / Lmu
#                 ey = cross_vectors_numba(ez, ex)
#                 K = k * Qn / LQn
#                 Kx = dot_vectors_numba(K, ex) * ex
#                 Ky = dot_vectors_numba(K, ey) * ey
#                 Mc = EIx[i] * Kx + EIy[i] * Ky
#                 cma = cross_vectors_numba(Mc, Qa)
#                 cmb = cross_vectors_numba(Mc, Qb)
#                 ua = cma / length_vector_numba(cma)
#                 ub = cmb / length_vector_numba(cmb)
#                 c1 = cross_vectors_numba(Qa, ua)
#                 c2 = cross_vectors_numba(Qb, ub)
#                 Lc1 = length_vector_numba(c1)
#                 Lc2 = length_vector_numba(c2)
#                 Ms = Mc[0]**2 + Mc[1]**2 + Mc[2]**2
#                 Sa = ua * Ms * Lc1 / (La * dot_vectors_numba(Mc, c1))
#                 Sb = ub * Ms * Lc2 / (Lb * dot_vectors_numba(Mc, c2))
#                 S[inds[i], :] += Sa
#                 S[indi[i], :] -= Sa + Sb
#                 S[indf[i], :] += Sb

        frx *= 0
        fry *= 0
        frz *= 0
        for i in range(nv):
            frx[rows[i]] += vals[i] * fx[cols[i]]
            fry[rows[i]] += vals[i] * fy[cols[i]]
            frz[rows[i]] += vals[i] * fz[cols[i]]
        Un = 0.
        for i in range(n):
            Rx = (P[i, 0] - S[i, 0] - frx[i]) * B[i, 0]
            Ry = (P[i, 1] - S[i, 1] - fry[i]) * B[i, 1]
            Rz = (P[i, 2] - S[i, 2] - frz[i]) * B[i, 2]
            Rn[i] = sqrt(Rx**2 + Ry**2 + Rz**2)
            Mi = M[i] * factor
            Vx[i] += Rx / Mi
            Vy[i] += Ry / Mi
            Vz[i] += Rz / Mi
            Un += Mi * (Vx[i]**2 + Vy[i]**2 + Vz[i]**2)
        if Un < Uo:
            Vx *= 0
            Vy *= 0
            Vz *= 0
        Uo = Un
        for i in range(n):
            X[i, 0] += Vx[i]
            X[i, 1] += Vy[i]
            X[i, 2] += Vz[i]
        res = mean(Rn)
        ts += 1

    if summary:
        print('Step:', ts - 1, ' Residual:', res)

    out = 1.
# ---- harness (not part of the program) ----
import numpy as np
import scipy.sparse as _sp

ENTRY = "relax"


def relax(X, u, v, B, P):
    X = X.copy()
    n = X.shape[0]
    m = u.shape[0]
    C = _sp.coo_matrix((np.r_[-np.ones(m), np.ones(m)], (np.r_[np.arange(m), np.arange(m)], np.r_[u, v])),
                       shape=(m, n)).tocsr()
    Ct = C.transpose().tocsr()
    l0 = np.sqrt(np.sum((X[v] - X[u]) ** 2, axis=1))
    E = np.full(m, 10.0)
    A = np.ones(m)
    f0 = np.ones(m)
    ks = E * A / l0
    M = abs(Ct) @ (ks + f0 / l0)
    ind_c = array([-1])
    ind_t = np.arange(m)
    S = np.zeros((n, 3))
    rows, cols, vals = find(Ct)
    rows_ = array(rows, dtype=int64)
    cols_ = array(cols, dtype=int64)
    vals_ = array(vals, dtype=float64)
    drx_solver(0.01, 10000, 0, u, v, X, f0, l0, ks, ind_c, ind_t, B, P, S, rows_, cols_, vals_, M, 1.0)
    l = np.sqrt(np.sum((X[v] - X[u]) ** 2, axis=1))
    f = f0 + ks * (l - l0)
    return X, f


def inputs():
    numpy = np
    k = 10
    p = [(i / k - 0.5) * 5 for i in range(k + 1)]
    X = numpy.array([[xi, yi, 0.0] for yi in p for xi in p])
    edges = []
    s = k + 1
    for i in range(k):
        for j in range(k):
            p1 = j * s + i
            p2 = j * s + i + 1
            p3 = (j + 1) * s + i
            p4 = (j + 1) * s + i + 1
            edges.append([p1, p2])
            edges.append([p1, p3])
            if j == k - 1:
                edges.append([p3, p4])
            if i == k - 1:
                edges.append([p2, p4])
    edges = numpy.array(edges, dtype=numpy.int64)
    u = numpy.ascontiguousarray(edges[:, 0])
    v = numpy.ascontiguousarray(edges[:, 1])
    n = X.shape[0]
    deg = numpy.bincount(edges.ravel(), minlength=n)
    B = numpy.ones((n, 3))
    B[deg <= 3] = 0.0
    P = numpy.zeros((n, 3))
    P[:, 2] = -1000.0 / n
    return (X, u, v, B, P)
