# Source: Deltares/imod-python imod/prepare/pcg.py (at commit 072c900f)
# Licence: MIT (imod-python, LICENSE; Copyright (c) 2017 Martijn Visser)
# Notes: the residual step of iMOD's Preconditioned Conjugate Gradient groundwater-flow solver, a translation of MODFLOW-2000's pcg2.f (what PreconditionedConjugateGradientSolver.solve calls once before its inner iterations): calculate_residual (@numba.njit) walks a 3-D finite-difference grid (layers, rows, columns) stored as ravelled 1-D arrays with hand-computed linear indices n = j + i*ncol + k*nrc; for inactive cells (ibound 0) it zeroes the row, column and vertical conductances of the cell and of its upstream neighbours (n - 1, n - ncol, n - nrc; at n = ncol - 1 the index n - ncol is -1 and wraps to the last element), otherwise it gathers the conductances and head differences to the six neighbours (each guarded by a boundary test), zeroes cc/cr on the last row/column, makes an active cell with no conducting neighbour inactive (ibound[n] = 0.0, a float stored into the integer array) and skips it, and stores the residual rhs - (A h) - hcof*h into res (0 for fixed-head cells, ibound < 0). It mutates its array arguments and returns the tuple (ibound, cc, cr, cv, hcof, res). Pasted: the module docstring, `import numba` and calculate_residual; left out: the plain-Python PreconditionedConjugateGradientSolver class (its solve method drives the iteration) and the module's other jitted functions (cholesky_diagonal, precondition_incomplete_cholesky, back_substition, calculate_cg_p, calculate_cg_alpha, calculate_heads)
"""Preconditioned Conjugate Gradient Solver Package.

This is a translation of the fortran77 modflow2000 pcg2.f module.
"""
import numba


@numba.njit
def calculate_residual(
    ibound, nlay, nrow, ncol, nrc, nodes, cr, cc, cv, hnew, rhs, hcof, res
):
    """
    Calculate the residual.

    For a dense form:
    Residual = np.dot(A, x) - b

    Parameters
    ----------
    ibound
    nlay
    nrow
    ncol
    nrc
    nodes
    cr
    cc
    cv
    hnew
    rhs
    hcof : array[nodes]

    Returns
    -------
    ibound
        ibound with cells remove that are surrounded by inactive cells
    hcof
        coefficient of head
    res
        residuals
    """
    for k in range(nlay):
        for i in range(nrow):
            for j in range(ncol):
                # Calculate 1 dimensional subscript of current cell
                # and skip calculcations if cell is inactive
                n = j + i * ncol + k * nrc
                if ibound[n] == 0:
                    cc[n] = 0.0
                    cr[n] = 0.0
                    if n <= (nodes - nrc - 1):
                        cv[n] = 0.0
                    if n >= 1:
                        cr[n - 1] = 0.0
                    if n >= ncol - 1:
                        cc[n - ncol] = 0.0
                    if n <= (nodes - nrc - 1) and n >= nrc:
                        cv[n - nrc] = 0.0
                    continue
                # Calculate 1 dimensional subscript for locating
                # the 6 surrounding cells
                nrn = n + ncol
                nrl = n - ncol
                ncn = n + 1
                ncl = n - 1
                nln = n + nrc
                nll = n - nrc
                # Calculate 1 dimensional subscripts for conductance to
                # the 6 surrounding cells
                ncf = n
                ncd = n - 1
                nrb = n - ncol
                nrh = n
                nls = n
                nlz = n - nrc
                # Get conductances to neighboring cells
                # neighbor is 1 row back
                b = 0.0
                bhnew = 0.0
                if i != 0:
                    b = cc[nrb]
                    bhnew = b * (hnew[nrl] - hnew[n])
                # neighbour is 1 row ahead
                h = 0.0
                hhnew = 0.0
                if i != nrow - 1:
                    h = cc[nrh]
                    hhnew = h * (hnew[nrn] - hnew[n])
                # neighbour is 1 column back
                d = 0.0
                dhnew = 0.0
                if j != 0:
                    d = cr[ncd]
                    dhnew = d * (hnew[ncl] - hnew[n])
                # neighbour is 1 column ahead
                f = 0.0
                fhnew = 0.0
                if j != ncol - 1:
                    f = cr[ncf]
                    fhnew = f * (hnew[ncn] - hnew[n])
                # neighbour is 1 layer behind
                z = 0.0
                zhnew = 0.0
                if k != 0:
                    z = cv[nlz]
                    zhnew = z * (hnew[nll] - hnew[n])
                # neighbour is 1 layer ahead
                s = 0.0
                shnew = 0.0
                if k != nlay - 1:
                    s = cv[nls]
                    shnew = s * (hnew[nln] - hnew[n])

                if i == nrow - 1:
                    cc[n] = 0.0
                if j == ncol - 1:
                    cr[n] = 0.0

                # Skip calculations and make cell inactive if all
                # surrounding cells are inactive
                if ibound[n] == 1:
                    if (b + h + d + f + z + s) == 0.0:
                        ibound[n] = 0.0
                        hcof[n] = 0.0
                        rhs[n] = 0.0
                        continue

                # Calculate the residual and store it in res.
                rrhs = rhs[n]
                hhcof = hnew[n] * hcof[n]
                res[n] = rrhs - zhnew - bhnew - dhnew - hhcof - fhnew - hhnew - shnew
                if ibound[n] < 0:
                    res[n] = 0.0
    return ibound, cc, cr, cv, hcof, res

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "calculate_residual"


def inputs():
    # what solve() hands over for a 3-layer, 12-row, 15-column MODFLOW
    # model: the 3-D arrays ravelled (ibound 1 active, 0 inactive, -1 fixed
    # head on the first column), row/column/vertical conductances, an
    # initial head guess, the right-hand side (recharge and wells) and the
    # head coefficients, and the cleared residual work array; one active
    # cell in the last layer is walled in by inactive cells
    rng = np.random.default_rng(0)
    nlay, nrow, ncol = 3, 12, 15
    nrc = nrow * ncol
    nodes = nrc * nlay
    ibound = np.ones((nlay, nrow, ncol), dtype=np.int64)
    ibound[:, :, 0] = -1
    ibound[0, 4:7, 9:12] = 0
    ibound[2, 8:11, 3:6] = 0
    ibound[2, 9, 4] = 1
    ibound[1, 9, 4] = 0
    cr = rng.uniform(5.0, 50.0, nodes)
    cc = rng.uniform(5.0, 50.0, nodes)
    cv = rng.uniform(0.1, 2.0, nodes)
    hnew = (10.0 + rng.normal(0.0, 0.5, (nlay, nrow, ncol))).ravel()
    rhs = -rng.uniform(0.0, 0.01, nodes)
    rhs[ncol * 5 + 7] -= 50.0
    hcof = -rng.uniform(0.0, 0.5, nodes)
    res = np.zeros(nodes)
    return (ibound.ravel(), nlay, nrow, ncol, nrc, nodes, cr, cc, cv, hnew, rhs, hcof, res)
