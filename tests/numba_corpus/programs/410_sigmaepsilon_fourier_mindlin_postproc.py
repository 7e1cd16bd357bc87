# Source: sigma-epsilon/sigmaepsilon.solid.fourier src/sigmaepsilon/solid/fourier/postproc.py (at commit 3cce36a6)
# Licence: MIT (sigmaepsilon.solid.fourier, pyproject.toml at commit 02b94aba: license = "MIT", classifier "License :: OSI Approved :: MIT License"; Bence Balogh)
# Notes: post-processing of a Navier (double Fourier series) solution of a simply supported Mindlin-Reissner plate, as the package's NavierPlate does after solving: postproc_Mindlin (@njit(nogil=True, parallel=True, cache=True), five nested prange loops over right-hand sides, stiffnesses, evaluation points and the m, n harmonics) unpacks the plate sizes, harmonic counts and point coordinates from arrays, reads each mode's three amplitudes by tuple-unpacking a row of the solution, and writes per mode the deflection, rotations, curvatures, shear strains, bending and twisting moments and shear forces (13 quantities, indexed by module-level constants) from sin/cos products. Pasted: the numpy, numpy.sin/cos/pi and numba imports, the module constants UZ ... QY and postproc_Mindlin (left out: the plain-Python dispatcher postproc and the other beam and plate variants and their sigmaepsilon.math import). The harness passes what postproc passes: size (600., 800.) and shape (20, 20) as float64 and int64 arrays, 100 float64 evaluation points on a 10 x 10 grid, the (1, 1, 400, 3) solution that the package's lhs_Navier_Mindlin / rhs_rect_const / linsolve_Mindlin give for a 25 mm concrete-like plate (E = 2890, nu = 0.2, shear correction 5/6) under a constant pressure on a 100 x 150 patch (computed with NumPy from the same formulas), and the (1, 3, 3) bending and (1, 2, 2) shear stiffness arrays
import numpy as np
from numpy import sin, cos, ndarray, pi as PI
from numba import njit, prange


UZ, ROTX, ROTY, CX, CY, CXY, EXZ, EYZ, MX, MY, MXY, QX, QY = list(range(13))


@njit(nogil=True, parallel=True, cache=True)
def postproc_Mindlin(
    size, shape: ndarray, points: ndarray, solution: ndarray, D: ndarray, S: ndarray
) -> ndarray:
    """
    JIT-compiled function that calculates post-processing quantities
    at selected ponts for multiple left- and right-hand sides.

    Parameters
    ----------
    size: numpy.ndarray
        Sizes in both directions as an 1d float array of length 2.
    shape: numpy.ndarray
        Number of harmonic terms involved in both directions as an
        1d integer array of length 2.
    points: numpy.ndarray
        2d array of shape (nP, 2) of coordinates.
    solution: numpy.ndarray
        Results of a Navier solution as a 4d array of shape (nRHS, nLHS, M * N, 3).
    D: numpy.ndarray
        Bending stiffnesses as a 3d float array of shape (nLHS, 3, 3).
    S: numpy.ndarray
        Corrected shear stiffness as a 3d float array of shape (nLHS, 2, 2).

    Returns
    -------
    numpy.ndarray
        5d array of shape (M * N, nRHS, nLHS, nP, ...) of post-processing items.
        The indices along the last axis denote the following quantities:

            0 : displacement z

            1 : rotation x

            2 : rotation y

            3 : curvature x

            4 : curvature y

            5 : curvature xy

            6 : shear strain xz

            7 : shear strain yz

            8 : moment x

            9 : moment y

            10 : moment xy

            11 : shear force x

            12 : shear force y
    """
    Lx, Ly = size
    M, N = shape
    nP = points.shape[0]
    nLHS, nRHS = solution.shape[:2]
    res = np.zeros((M * N, nLHS, nRHS, nP, 13), dtype=D.dtype)
    for iRHS in prange(nRHS):
        for iLHS in prange(nLHS):
            D11, D12, D22, D66 = (
                D[iLHS, 0, 0],
                D[iLHS, 0, 1],
                D[iLHS, 1, 1],
                D[iLHS, 2, 2],
            )
            S44, S55 = S[iLHS, 0, 0], S[iLHS, 1, 1]
            for iP in prange(nP):
                xp, yp = points[iP, :2]
                for m in prange(1, M + 1):
                    Sm = sin(PI * m * xp / Lx)
                    Cm = cos(PI * m * xp / Lx)
                    for n in prange(1, N + 1):
                        iMN = (m - 1) * N + n - 1
                        Amn, Bmn, Cmn = solution[iLHS, iRHS, iMN]
                        Sn = sin(PI * n * yp / Ly)
                        Cn = cos(PI * n * yp / Ly)
                        res[iMN, iLHS, iRHS, iP, UZ] = Amn * Sm * Sn
                        res[iMN, iLHS, iRHS, iP, ROTX] = Bmn * Sm * Cn
                        res[iMN, iLHS, iRHS, iP, ROTY] = Cmn * Sn * Cm
                        res[iMN, iLHS, iRHS, iP, CX] = -PI * Cmn * m * Sm * Sn / Lx
                        res[iMN, iLHS, iRHS, iP, CY] = PI * Bmn * n * Sm * Sn / Ly
                        res[iMN, iLHS, iRHS, iP, CXY] = (
                            -PI * Bmn * m * Cm * Cn / Lx + PI * Cmn * n * Cm * Cn / Ly
                        )
                        res[iMN, iLHS, iRHS, iP, EXZ] = (
                            Cmn * Sn * Cm + PI * Amn * m * Sn * Cm / Lx
                        )
                        res[iMN, iLHS, iRHS, iP, EYZ] = (
                            -Bmn * Sm * Cn + PI * Amn * n * Sm * Cn / Ly
                        )
                        res[iMN, iLHS, iRHS, iP, MX] = (
                            PI * Bmn * D12 * n * Sm * Sn / Ly
                            - PI * Cmn * D11 * m * Sm * Sn / Lx
                        )
                        res[iMN, iLHS, iRHS, iP, MY] = (
                            PI * Bmn * D22 * n * Sm * Sn / Ly
                            - PI * Cmn * D12 * m * Sm * Sn / Lx
                        )
                        res[iMN, iLHS, iRHS, iP, MXY] = (
                            -PI * Bmn * D66 * m * Cm * Cn / Lx
                            + PI * Cmn * D66 * n * Cm * Cn / Ly
                        )
                        res[iMN, iLHS, iRHS, iP, QX] = (
                            Cmn * S55 * Sn * Cm + PI * Amn * S55 * m * Sn * Cm / Lx
                        )
                        res[iMN, iLHS, iRHS, iP, QY] = (
                            -Bmn * S44 * Sm * Cn + PI * Amn * S44 * n * Sm * Cn / Ly
                        )
    return res
# ---- harness (not part of the program) ----
ENTRY = "postproc_Mindlin"


def inputs():
    Lx, Ly, M, N = 600.0, 800.0, 20, 20
    E, nu, t = 2890.0, 0.2, 25.0
    G = E / (2 * (1 + nu))
    Db = E * t ** 3 / (12 * (1 - nu ** 2))
    D = Db * np.array([[1, nu, 0], [nu, 1, 0], [0, 0, (1 - nu) / 2]])
    S = 5 / 6 * G * t * np.eye(2)
    D, S = D[None], S[None]
    D11, D12, D22, D66 = D[0, 0, 0], D[0, 0, 1], D[0, 1, 1], D[0, 2, 2]
    S44, S55 = S[0, 0, 0], S[0, 1, 1]
    # lhs_Navier_Mindlin, rhs_rect_const and linsolve_Mindlin, in NumPy
    m = np.repeat(np.arange(1, M + 1), N).astype(float)
    n = np.tile(np.arange(1, N + 1), M).astype(float)
    A = np.zeros((M * N, 3, 3))
    A[:, 0, 0] = PI**2 * S44 * n**2 / Ly**2 + PI**2 * S55 * m**2 / Lx**2
    A[:, 0, 1] = A[:, 1, 0] = -PI * S44 * n / Ly
    A[:, 0, 2] = A[:, 2, 0] = PI * S55 * m / Lx
    A[:, 1, 1] = PI**2 * D22 * n**2 / Ly**2 + PI**2 * D66 * m**2 / Lx**2 + S44
    A[:, 1, 2] = A[:, 2, 1] = (-(PI**2) * D12 * m * n / (Lx * Ly)
                               - PI**2 * D66 * m * n / (Lx * Ly))
    A[:, 2, 2] = PI**2 * D11 * m**2 / Lx**2 + PI**2 * D66 * n**2 / Ly**2 + S55
    xc, yc, w, h, f = 200.0, 450.0, 100.0, 150.0, -0.1
    B = np.zeros((M * N, 3))
    B[:, 0] = (16 * f * np.sin(PI * m * w / (Lx * 2)) * np.sin(PI * m * xc / Lx)
               * np.sin(PI * h * n / (Ly * 2)) * np.sin(PI * n * yc / Ly)
               / (PI**2 * m * n))
    sol = np.linalg.solve(A, B[:, :, None])[:, :, 0]
    solution = sol[None, None]
    X, Y = np.meshgrid(np.linspace(30.0, 570.0, 10), np.linspace(40.0, 760.0, 10),
                       indexing="ij")
    points = np.stack([X.ravel(), Y.ravel()], axis=1)
    return (np.array([Lx, Ly]), np.array([M, N], dtype=np.int64), points,
            solution, D, S)
