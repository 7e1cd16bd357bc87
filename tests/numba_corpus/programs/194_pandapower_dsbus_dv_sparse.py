# Source: e2nIEE/pandapower pandapower/pf/dSbus_dV_numba.py (commit 0a2c8e4a)
# Licence: BSD-3-Clause (pandapower, LICENSE; Copyright (c) 2016-2019 by University of Kassel and Fraunhofer Institute for Energy Economics and Energy System Technology (IEE), Kassel)
# Notes: Newton-Raphson power flow: the partial derivatives of the complex bus power injections with respect to voltage magnitude and angle (dS/dVm, dS/dVa), computed directly on the CSR data of the bus admittance matrix (Yx complex128, int32 indptr Yp and indices Yj): numpy's conj, zeros and complex128 imported by name, a complex buffer, Yx.copy(), complex *= and += with indirect indices, 1j * V[r], a diagonal test r == Yj[k], an in-place update of the Ibus argument, and a tuple of two arrays returned; jitted with @jit(nopython=True, cache=False); the module's non-jitted dispatcher dSbus_dV and the imports only it uses (scipy.sparse, pandapower.pypower.dSbus_dV) are left out
# -*- coding: utf-8 -*-

# Copyright (c) 2016-2019 by University of Kassel and Fraunhofer Institute for Energy Economics
# and Energy System Technology (IEE), Kassel. All rights reserved.


from numba import jit
from numpy import conj, zeros, complex128


# @jit(Tuple((c16[:], c16[:]))(c16[:], i4[:], i4[:], c16[:], c16[:]), nopython=True, cache=False)
@jit(nopython=True, cache=False)
def dSbus_dV_numba_sparse(Yx, Yp, Yj, V, Vnorm, Ibus): # pragma: no cover
    """Computes partial derivatives of power injection w.r.t. voltage.

    Calculates faster with numba and sparse matrices.

    Input: Ybus in CSR sparse form (Yx = data, Yp = indptr, Yj = indices), V and Vnorm (= V / abs(V))

    OUTPUT: data from CSR form of dS_dVm, dS_dVa
    (index pointer and indices are the same as the ones from Ybus)

    Translation of: dS_dVm = dS_dVm = diagV * conj(Ybus * diagVnorm) + conj(diagIbus) * diagVnorm
                             dS_dVa = 1j * diagV * conj(diagIbus - Ybus * diagV)
    """

    # transform input

    # init buffer vector
    buffer = zeros(len(V), dtype=complex128)
    dS_dVm = Yx.copy()
    dS_dVa = Yx.copy()

    # iterate through sparse matrix
    for r in range(len(Yp) - 1):
        for k in range(Yp[r], Yp[r + 1]):
            # Ibus = Ybus * V
            buffer[r] += Yx[k] * V[Yj[k]]
            # Ybus * diag(Vnorm)
            dS_dVm[k] *= Vnorm[Yj[k]]
            # Ybus * diag(V)
            dS_dVa[k] *= V[Yj[k]]

        Ibus[r] += buffer[r]

        # conj(diagIbus) * diagVnorm
        buffer[r] = conj(buffer[r]) * Vnorm[r]

    for r in range(len(Yp) - 1):
        for k in range(Yp[r], Yp[r + 1]):
            # diag(V) * conj(Ybus * diagVnorm)
            dS_dVm[k] = conj(dS_dVm[k]) * V[r]

            if r == Yj[k]:
                # diagonal elements
                dS_dVa[k] = -Ibus[r] + dS_dVa[k]
                dS_dVm[k] += buffer[r]

            # 1j * diagV * conj(diagIbus - Ybus * diagV)
            dS_dVa[k] = conj(-dS_dVa[k]) * (1j * V[r])

    return dS_dVm, dS_dVa

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "dSbus_dV_numba_sparse"


def inputs():
    # a 40-bus meshed network (a ring plus 12 random chords) with series
    # admittances y = 1/(r + jx) and line charging; Ybus assembled densely
    # and stored in CSR form with int32 indptr/indices as scipy.sparse
    # gives them; a flat-ish voltage profile; and, as dSbus_dV passes it,
    # I = -(constant-current injections) (zeros in pandapower's default)
    rng = np.random.default_rng(0)
    n = 40
    edges = [(i, (i + 1) % n) for i in range(n)]
    while len(edges) < n + 12:
        a, b = rng.integers(0, n, 2)
        if a != b and (a, b) not in edges and (b, a) not in edges:
            edges.append((int(a), int(b)))
    Y = np.zeros((n, n), dtype=np.complex128)
    for a, b in edges:
        y = 1.0 / complex(rng.uniform(0.01, 0.05), rng.uniform(0.05, 0.3))
        bsh = 1j * rng.uniform(0.0, 0.02)
        Y[a, a] += y + bsh
        Y[b, b] += y + bsh
        Y[a, b] -= y
        Y[b, a] -= y
    rows, cols = np.nonzero(Y)
    Yx = Y[rows, cols]
    Yj = cols.astype(np.int32)
    Yp = np.zeros(n + 1, dtype=np.int32)
    np.add.at(Yp, rows + 1, 1)
    Yp = np.cumsum(Yp).astype(np.int32)
    V = rng.uniform(0.95, 1.05, n) * np.exp(1j * rng.uniform(-0.2, 0.2, n))
    Ibus = -(rng.normal(0.0, 0.05, n) + 1j * rng.normal(0.0, 0.05, n))
    return (Yx, Yp, Yj, V, V / abs(V), Ibus)
