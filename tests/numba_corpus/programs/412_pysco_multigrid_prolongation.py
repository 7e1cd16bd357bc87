# Source: mianbreton/pysco pysco/mesh.py (at commit ad1e031e)
# Licence: MIT (pysco, LICENSE at commit b556c5a5: Copyright (c) 2023 Michel-Andrès Breton)
# Notes: the prolongation operator of the multigrid Poisson solver in PySCo, a particle-mesh N-body code for cosmological simulations: prolongation (@njit with the explicit signature "f4[:,:,::1](f4[:,:,::1])", fastmath=True, cache=True, parallel=True) interpolates a coarse periodic float32 potential onto a grid twice as fine, each coarse cell feeding its 8 children with the 27-point trilinear weights 27/64, 9/64, 3/64, 1/64 of its neighbours; three nested prange loops run from -1 so that the periodic neighbours and the children of the first cell are reached through negative indices. Pasted: the module docstring, its numpy / numpy.typing / numba imports (less the project-internal numpy_atomic and utils imports, which prolongation does not use) and prolongation. The harness passes what the V-cycle passes to it: a C-contiguous float32 16^3 coarse-grid correction, here the periodic gravitational potential of a random density contrast on a 16^3 mesh (solved with FFTs, smooth on the grid scale)
"""
This module contains various utility functions for mesh calculations 
such as prolongation, restriction, derivatives, projections and de-projections.
"""

import numpy as np
import numpy.typing as npt
from numba import config, njit, prange


@njit(["f4[:,:,::1](f4[:,:,::1])"], fastmath=True, cache=True, parallel=True)
def prolongation(
    x: npt.NDArray[np.float32],
) -> npt.NDArray[np.float32]:
    """Prolongation operator \\
    Interpolate field to finer level

    Parameters
    ----------
    x : npt.NDArray[np.float32]
        Potential [N_cells_1d, N_cells_1d, N_cells_1d]

    Returns
    -------
    npt.NDArray[np.float32]
        Finer Potential [2*N_cells_1d, 2*N_cells_1d, 2*N_cells_1d]

    Examples
    --------
    >>> import numpy as np
    >>> from pysco.mesh import prolongation
    >>> coarse_field = np.random.rand(32, 32, 32).astype(np.float32)
    >>> fine_field = prolongation(coarse_field)
    """
    ncells_1d = x.shape[0]
    f0 = np.float32(27.0 / 64)
    f1 = np.float32(9.0 / 64)
    f2 = np.float32(3.0 / 64)
    f3 = np.float32(1.0 / 64)
    x_fine = np.empty(
        (ncells_1d << 1, ncells_1d << 1, ncells_1d << 1), dtype=np.float32
    )
    for i in prange(-1, ncells_1d - 1):
        im1 = i - 1
        ip1 = i + 1
        ii = 2 * i
        iip1 = ii + 1
        for j in prange(-1, ncells_1d - 1):
            jm1 = j - 1
            jp1 = j + 1
            jj = 2 * j
            jjp1 = jj + 1
            for k in prange(-1, ncells_1d - 1):
                km1 = k - 1
                kp1 = k + 1
                kk = 2 * k
                kkp1 = kk + 1
                tmp000 = x[im1, jm1, km1]
                tmp001 = x[im1, jm1, k]
                tmp002 = x[im1, jm1, kp1]
                tmp010 = x[im1, j, km1]
                tmp011 = x[im1, j, k]
                tmp012 = x[im1, j, kp1]
                tmp020 = x[im1, jp1, km1]
                tmp021 = x[im1, jp1, k]
                tmp022 = x[im1, jp1, kp1]
                tmp100 = x[i, jm1, km1]
                tmp101 = x[i, jm1, k]
                tmp102 = x[i, jm1, kp1]
                tmp110 = x[i, j, km1]
                tmp111 = x[i, j, k]
                tmp112 = x[i, j, kp1]
                tmp120 = x[i, jp1, km1]
                tmp121 = x[i, jp1, k]
                tmp122 = x[i, jp1, kp1]
                tmp200 = x[ip1, jm1, km1]
                tmp201 = x[ip1, jm1, k]
                tmp202 = x[ip1, jm1, kp1]
                tmp210 = x[ip1, j, km1]
                tmp211 = x[ip1, j, k]
                tmp212 = x[ip1, j, kp1]
                tmp220 = x[ip1, jp1, km1]
                tmp221 = x[ip1, jp1, k]
                tmp222 = x[ip1, jp1, kp1]
                tmp0 = f0 * tmp111

                x_fine[ii, jj, kk] = (
                    tmp0
                    + f1 * (tmp011 + tmp101 + tmp110)
                    + f2 * (tmp001 + tmp010 + tmp100)
                    + f3 * tmp000
                )
                x_fine[ii, jj, kkp1] = (
                    tmp0
                    + f1 * (tmp011 + tmp101 + tmp112)
                    + f2 * (tmp001 + tmp012 + tmp102)
                    + f3 * tmp002
                )
                x_fine[ii, jjp1, kk] = (
                    tmp0
                    + f1 * (tmp011 + tmp121 + tmp110)
                    + f2 * (tmp021 + tmp010 + tmp120)
                    + f3 * tmp020
                )
                x_fine[ii, jjp1, kkp1] = (
                    tmp0
                    + f1 * (tmp011 + tmp121 + tmp112)
                    + f2 * (tmp021 + tmp012 + tmp122)
                    + f3 * tmp022
                )
                x_fine[iip1, jj, kk] = (
                    tmp0
                    + f1 * (tmp211 + tmp101 + tmp110)
                    + f2 * (tmp201 + tmp210 + tmp100)
                    + f3 * tmp200
                )
                x_fine[iip1, jj, kkp1] = (
                    tmp0
                    + f1 * (tmp211 + tmp101 + tmp112)
                    + f2 * (tmp201 + tmp212 + tmp102)
                    + f3 * tmp202
                )
                x_fine[iip1, jjp1, kk] = (
                    tmp0
                    + f1 * (tmp211 + tmp121 + tmp110)
                    + f2 * (tmp221 + tmp210 + tmp120)
                    + f3 * tmp220
                )
                x_fine[iip1, jjp1, kkp1] = (
                    tmp0
                    + f1 * (tmp211 + tmp121 + tmp112)
                    + f2 * (tmp221 + tmp212 + tmp122)
                    + f3 * tmp222
                )

    return x_fine
# ---- harness (not part of the program) ----
ENTRY = "prolongation"


def inputs():
    rng = np.random.default_rng(0)
    n = 16
    delta = rng.standard_normal((n, n, n))
    k = 2 * np.pi * np.fft.fftfreq(n, 1.0 / n)
    k2 = k[:, None, None] ** 2 + k[None, :, None] ** 2 + k[None, None, :] ** 2
    k2[0, 0, 0] = 1.0
    phi_k = -np.fft.fftn(delta) / k2
    phi_k[0, 0, 0] = 0.0
    phi = np.ascontiguousarray(np.fft.ifftn(phi_k).real, dtype=np.float32)
    return (phi,)
