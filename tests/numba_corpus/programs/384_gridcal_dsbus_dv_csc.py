# Source: SanPen/GridCal src/GridCalEngine/Simulations/PowerFlow/NumericalMethods/derivatives.py (at commit 1e347c67), with the type aliases Vec, CxVec and IntVec from src/GridCalEngine/basic_structures.py (at commit 0c97e4cb)
# Licence: LGPL-3.0-or-later (GridCal, the file header of derivatives.py at that commit: "GNU Lesser General Public License ... either version 3 of the License, or (at your option) any later version", Santiago Peñate Vera; later versions of the project are MPL-2.0)
# Notes: the Jacobian blocks of a Newton-Raphson AC power flow of an electricity grid: dSbus_dV_numba_sparse_csc (@nb.njit(cache=True)) computes the derivatives of the complex bus power injections with respect to the voltage magnitudes and angles directly on the CSC arrays of the bus admittance matrix Ybus, in two passes over the columns (the current injections Ibus = Ybus V accumulated by row index, then the diagonal corrections and conjugations with 1j), returning the two complex128 data arrays laid out like Ybus.data. Pasted: the module's numpy / numba / typing imports (less scipy, whose matrices only the plain-Python wrappers build), the three numpy.typing aliases its annotations use (IntVec, Vec and CxVec, in basic_structures' order, with its import numpy.typing as npt; the BoolVec line between them is left out, as it names np.bool) and dSbus_dV_numba_sparse_csc, verbatim; left out: the other derivative functions; the harness passes what dSbus_dV_csc passes: Ybus.data, Ybus.indptr, Ybus.indices of a 40-bus meshed grid (a feeder ring with laterals and ties, lines r + jx with line charging, a few shunts) built as Cf' Yf + Ct' Yt + diag(Ysh) in scipy CSC form (complex128 data, int32 indices), V = Vm exp(j Va) with Vm 0.95-1.05 p.u. and angles within 10 degrees, and E = V / abs(V)
import numpy as np
import numba as nb
from typing import Tuple
import numpy.typing as npt

IntVec = npt.NDArray[np.int_]
Vec = npt.NDArray[np.float64]
CxVec = npt.NDArray[np.complex128]


@nb.njit(cache=True)
def dSbus_dV_numba_sparse_csc(Yx: CxVec, Yp: IntVec, Yi: IntVec, V: CxVec, E: CxVec) -> Tuple[CxVec, CxVec]:
    """
    Compute the power injection derivatives w.r.t the voltage module and angle
    :param Yx: data of Ybus in CSC format
    :param Yp: indptr of Ybus in CSC format
    :param Yi: indices of Ybus in CSC format
    :param V: Voltages vector
    :return: dS_dVm, dS_dVa data ordered in the CSC format to match the indices of Ybus
    """

    """
    The matrix operations that this is performing are:

    diagV = diags(V)
    diagE = diags(V / np.abs(V))
    Ibus = Ybus * V
    diagIbus = diags(Ibus)

    dSbus_dVa = 1j * diagV * np.conj(diagIbus - Ybus * diagV)
    dSbus_dVm = diagV * np.conj(Ybus * diagE) + np.conj(diagIbus) * diagE    
    """

    # init buffer vector
    n = len(Yp) - 1
    Ibus = np.zeros(n, dtype=np.complex128)
    dS_dVm = Yx.copy()
    dS_dVa = Yx.copy()

    # pass 1: perform the matrix-vector products
    for j in range(n):  # for each column ...
        for k in range(Yp[j], Yp[j + 1]):  # for each row ...
            # row index
            i = Yi[k]

            # Ibus = Ybus * V
            Ibus[i] += Yx[k] * V[j]  # Yx[k] -> Y(i,j)

            # Ybus * diagE
            dS_dVm[k] = Yx[k] * E[j]

            # Ybus * diag(V)
            dS_dVa[k] = Yx[k] * V[j]

    # pass 2: finalize the operations
    for j in range(n):  # for each column ...

        # set buffer variable:
        # this operation cannot be done in the pass1
        # because Ibus is not fully formed, but here it is.
        buffer = np.conj(Ibus[j]) * E[j]

        for k in range(Yp[j], Yp[j + 1]):  # for each row ...

            # row index
            i = Yi[k]

            # diag(V) * conj(Ybus * diagE)
            dS_dVm[k] = V[i] * np.conj(dS_dVm[k])

            if j == i:
                # diagonal elements
                dS_dVa[k] -= Ibus[j]
                dS_dVm[k] += buffer

            # 1j * diagV * conj(diagIbus - Ybus * diagV)
            dS_dVa[k] = np.conj(-dS_dVa[k]) * (1j * V[i])

    return dS_dVm, dS_dVa
# ---- harness (not part of the program) ----
ENTRY = "dSbus_dV_numba_sparse_csc"


def inputs():
    # 40-bus grid: a 20-bus ring, 20 lateral buses, 6 ties; Ybus = Cf'Yf +
    # Ct'Yt + diag(Ysh) as GridCal assembles it, in scipy CSC form
    import scipy.sparse as sp
    rng = np.random.default_rng(0)
    nbus = 40
    F = list(range(20)) + list(rng.integers(0, 20, 20))
    T = [(i + 1) % 20 for i in range(20)] + list(range(20, 40))
    for _ in range(6):
        a, b = rng.choice(nbus, 2, replace=False)
        F.append(int(a))
        T.append(int(b))
    F = np.array(F)
    T = np.array(T)
    nl = len(F)
    z = rng.uniform(0.01, 0.05, nl) + 1j * rng.uniform(0.05, 0.2, nl)
    ys = 1.0 / z
    bc = rng.uniform(0.0, 0.04, nl)
    Yff = ys + 0.5j * bc
    Ytt = Yff.copy()
    Yft = -ys
    Ytf = -ys
    br = np.arange(nl)
    Cf = sp.csc_matrix((np.ones(nl), (br, F)), shape=(nl, nbus))
    Ct = sp.csc_matrix((np.ones(nl), (br, T)), shape=(nl, nbus))
    Yf = sp.diags(Yff) * Cf + sp.diags(Yft) * Ct
    Yt = sp.diags(Ytf) * Cf + sp.diags(Ytt) * Ct
    Ysh = np.zeros(nbus, dtype=complex)
    Ysh[rng.choice(nbus, 5, replace=False)] = 1j * rng.uniform(0.05, 0.2, 5)
    Ybus = (Cf.T * Yf + Ct.T * Yt + sp.diags(Ysh)).tocsc()
    Ybus.sort_indices()
    Vm = rng.uniform(0.95, 1.05, nbus)
    Va = np.deg2rad(rng.uniform(-10.0, 10.0, nbus))
    V = Vm * np.exp(1j * Va)
    E = V / np.abs(V)
    return (Ybus.data, Ybus.indptr, Ybus.indices, V, E)
