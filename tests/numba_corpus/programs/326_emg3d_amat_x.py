# Source: emsig/emg3d emg3d/core.py (at commit 03b11337)
# Licence: Apache-2.0 (emg3d, stated in the file's header; Copyright 2018-2020 The emg3d Developers)
# Notes: the matrix-free residual of the 3-D finite-volume (staggered Yee grid) discretisation of Maxwell's equations in the diffusive approximation, the A x of emg3d's multigrid solver for controlled-source electromagnetics: amat_x (@nb.njit(**_numba_setting), the settings dict nogil/fastmath/cache unpacked into the decorator) loops over cells z-slowest, clamps the minus indices with max(0, i-1), forms the three curls of E from finite differences divided by the cell widths, multiplies them by averages of zeta (the volume-weighted inverse permeability), takes the second curl, averages eta (the complex conductivity term) over the four cells around each edge, zeroes the tangential components on the boundary faces (rrx = 0 assigning an int over a complex value) and subtracts the result in place from the complex source fields rx, ry, rz (`-=`). Pasted: the module docstring, its licence comment, the numba and numpy imports, the module constant _numba_setting and amat_x; left out: the rest of the module (gauss_seidel, solve, restrict, prolong and their helpers), not called by amat_x; the harness passes what emg3d's solver passes on a small stretched grid: 6 x 5 x 4 cells with widths between 50 and 120 m, complex128 edge fields ex (nx, ny+1, nz+1), ey (nx+1, ny, nz+1), ez (nx+1, ny+1, nz) with PEC (zero tangential) boundaries, a source field holding one x-directed unit dipole, eta = i omega mu0 sigma V for a random conductivity (1 Hz) and zeta = V / mu_r with mu_r = 1
"""

:mod:`core` -- Number crunching
===============================

The core functionalities, the most computationally demanding parts, of the
:mod:`emg3d.solver` as just-in-time (jit) compiled functions using ``numba``.

"""
# Copyright 2018-2020 The emg3d Developers.
#
# This file is part of emg3d.
#
# Licensed under the Apache License, Version 2.0 (the "License"); you may not
# use this file except in compliance with the License.  You may obtain a copy
# of the License at
#
#     https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
# WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.  See the
# License for the specific language governing permissions and limitations under
# the License.


import numba as nb
import numpy as np

# Numba-settings
_numba_setting = {'nogil': True, 'fastmath': True, 'cache': True}


# LinearOperator to calculate A x
@nb.njit(**_numba_setting)
def amat_x(rx, ry, rz, ex, ey, ez, eta_x, eta_y, eta_z, zeta, hx, hy, hz):
    r"""Residual without or with source term.

    Calculate the residual as given in [Muld06]_ in middle of the right column
    on page 636, but without the source term:

    .. math::

        \mathbf{r} = V \left( \mathrm{i}\omega\mu_0 \tilde{\sigma} \mathbf{E}
                     - \nabla \times \mu_\mathrm{r}^{-1} \nabla \times
                       \mathbf{E} \right) .

    The calculation is carried out in a matrix-free manner; on said page 636
    (or in the :doc:`theory`) are the various steps laid out to discretise the
    different parts, for instance involved curls. This can also be understood
    as the left-hand-side of :math:`A x = b`, as given in Equation 2 in
    [Muld06]_ (here without the cell volumes V),

    .. math::

        \mathrm{i}\omega\mu_0 \tilde{\sigma} \mathrm{E}
        - \nabla \times \zeta^{-1} \nabla \times \mathrm{E}
        = - \mathrm{i} \omega \mu_0 \mathrm{J_s} .

    It can therefore be used as `matvec` to create a `LinearOperator`, which
    can be passed to a solver.

    It is assumed that ex, ey, and ez have PEC boundaries; otherwise the output
    will not have PEC boundaries.

    The residuals are subtracted in-place from `rx`, `ry`, and `rz`. That means
    that if `rx`, `ry`, and `rz` contain the source field, they will contain
    the total residual afterwards; if they are empty fields, they will contain
    the negative partial residual afterwards.


    Parameters
    ----------
    rx, ry, rz : ndarray
        Source field or pre-allocated zero residual field in x-, y-, and
        z-directions.

    ex, ey, ez : ndarray
        Electric fields in x-, y-, and z-directions, as obtained from
        :class:`emg3d.fields.Field`.

    eta_x, eta_y, eta_z, zeta : ndarray
        VolumeModel parameters (multiplied by volumes) as obtained from
        :func:`emg3d.models.VolumeModel`.

    hx, hy, hz : ndarray
        Cell widths in x-, y-, and z-directions.

    """

    # Get dimensions
    nx = len(hx)
    ny = len(hy)
    nz = len(hz)

    # Loop over dimensions; x-fastest, then y, z.
    # NOTE about `i?m = max(0, i?-1)`:
    # In the cases when -1 is set to 0, these indices are only used in
    # parameters which are not actually used in these cases, see the note
    # towards the end. Resetting -1 to 0 is simply to avoid index errors.
    for iz in range(nz):
        izm = max(0, iz-1)
        izp = iz+1
        for iy in range(ny):
            iym = max(0, iy-1)
            iyp = iy+1
            for ix in range(nx):
                ixm = max(0, ix-1)
                ixp = ix+1

                # 1. Curl  [Muld06]_ Equation 7:
                # v = nabla x E.
                v1pp = ((ez[ix, iyp, iz] - ez[ix, iy, iz])/hy[iy] -
                        (ey[ix, iy, izp] - ey[ix, iy, iz])/hz[iz])
                v1mp = ((ez[ix, iy, iz] - ez[ix, iym, iz])/hy[iym] -
                        (ey[ix, iym, izp] - ey[ix, iym, iz])/hz[iz])
                v1pm = ((ez[ix, iyp, izm] - ez[ix, iy, izm])/hy[iy] -
                        (ey[ix, iy, iz] - ey[ix, iy, izm])/hz[izm])

                v2pp = ((ex[ix, iy, izp] - ex[ix, iy, iz])/hz[iz] -
                        (ez[ixp, iy, iz] - ez[ix, iy, iz])/hx[ix])
                v2mp = ((ex[ixm, iy, izp] - ex[ixm, iy, iz])/hz[iz] -
                        (ez[ix, iy, iz] - ez[ixm, iy, iz])/hx[ixm])
                v2pm = ((ex[ix, iy, iz] - ex[ix, iy, izm])/hz[izm] -
                        (ez[ixp, iy, izm] - ez[ix, iy, izm])/hx[ix])

                v3pp = ((ey[ixp, iy, iz] - ey[ix, iy, iz])/hx[ix] -
                        (ex[ix, iyp, iz] - ex[ix, iy, iz])/hy[iy])
                v3mp = ((ey[ix, iy, iz] - ey[ixm, iy, iz])/hx[ixm] -
                        (ex[ixm, iyp, iz] - ex[ixm, iy, iz])/hy[iy])
                v3pm = ((ey[ixp, iym, iz] - ey[ix, iym, iz])/hx[ix] -
                        (ex[ix, iy, iz] - ex[ix, iym, iz])/hy[iym])

                # 2. Multiply by average of mu_r [Muld06]_ p 636 bottom-left.
                # u = M v = V mu_r^-1 v = V mu_r^-1 nabla x E
                v1pp *= 0.5*(zeta[ixm, iy, iz] + zeta[ix, iy, iz])
                v1mp *= 0.5*(zeta[ixm, iym, iz] + zeta[ix, iym, iz])
                v1pm *= 0.5*(zeta[ixm, iy, izm] + zeta[ix, iy, izm])

                v2pp *= 0.5*(zeta[ix, iym, iz] + zeta[ix, iy, iz])
                v2mp *= 0.5*(zeta[ixm, iym, iz] + zeta[ixm, iy, iz])
                v2pm *= 0.5*(zeta[ix, iym, izm] + zeta[ix, iy, izm])

                v3pp *= 0.5*(zeta[ix, iy, izm] + zeta[ix, iy, iz])
                v3mp *= 0.5*(zeta[ixm, iy, izm] + zeta[ixm, iy, iz])
                v3pm *= 0.5*(zeta[ix, iym, izm] + zeta[ix, iym, iz])

                # 3. Another curl [Muld06]_ p. 636 bottom-right; completes:
                # nabla x M v = nabla x V mu_r^-1 nabla x E
                rrx = (v3pp/hy[iy]-v3pm/hy[iym]) - (v2pp/hz[iz]-v2pm/hz[izm])
                rry = (v1pp/hz[iz]-v1pm/hz[izm]) - (v3pp/hx[ix]-v3mp/hx[ixm])
                rrz = (v2pp/hx[ix]-v2mp/hx[ixm]) - (v1pp/hy[iy]-v1mp/hy[iym])

                # 4. Sigma-term, [Muld06]_ p. 636 top-left (average of # eta).
                # S = i omega mu_0 sigma~ V
                stx = 0.25*(eta_x[ix, iym, izm] + eta_x[ix, iym, iz] +
                            eta_x[ix, iy, izm] + eta_x[ix, iy, iz])
                sty = 0.25*(eta_y[ixm, iy, izm] + eta_y[ix, iy, izm] +
                            eta_y[ixm, iy, iz] + eta_y[ix, iy, iz])
                stz = 0.25*(eta_z[ixm, iym, iz] + eta_z[ix, iym, iz] +
                            eta_z[ixm, iy, iz] + eta_z[ix, iy, iz])

                # NOTE re zero boundary conditions for tangential E field:
                # At the moment these elements are calculated but now
                # discarded. This function could be adjusted to omit the
                # calculation of these. But one would have to test if it makes
                # it actually faster.
                if iy == 0 or iz == 0:  # assuming ex = 0
                    rrx = 0
                if ix == 0 or iz == 0:  # assuming ey = 0
                    rry = 0
                if ix == 0 or iy == 0:  # assuming ez = 0
                    rrz = 0

                # 5. [Muld06]_ p. 636 center-right; completes
                # -V (i omega mu_0 sigma~ E - nabla x mu_r^-1 nabla x E)
                # Subtracting this from the source terms will yield the
                # residual.
                rx[ix, iy, iz] -= rrx - stx*ex[ix, iy, iz]
                ry[ix, iy, iz] -= rry - sty*ey[ix, iy, iz]
                rz[ix, iy, iz] -= rrz - stz*ez[ix, iy, iz]
# ---- harness (not part of the program) ----
ENTRY = "amat_x"


def inputs():
    # a stretched 6 x 5 x 4 cell grid (50-120 m cells), complex edge fields
    # with zero tangential components on the boundary (PEC), a random
    # isotropic conductivity at 1 Hz; eta = i*omega*mu0*sigma*V,
    # zeta = V/mu_r (mu_r = 1); the source field holds one x-directed dipole
    rng = np.random.default_rng(0)
    nx, ny, nz = 6, 5, 4
    hx = rng.uniform(50.0, 120.0, nx)
    hy = rng.uniform(50.0, 120.0, ny)
    hz = rng.uniform(50.0, 120.0, nz)
    vol = hx[:, None, None] * hy[None, :, None] * hz[None, None, :]
    omega = 2.0 * np.pi * 1.0
    mu0 = 4e-7 * np.pi
    sigma = 10.0 ** rng.uniform(-2.0, 0.0, (nx, ny, nz))
    eta = 1j * omega * mu0 * sigma * vol
    eta_x = eta.copy()
    eta_y = eta.copy()
    eta_z = eta.copy()
    zeta = vol.copy()

    def field(shape):
        return rng.standard_normal(shape) + 1j * rng.standard_normal(shape)

    ex = field((nx, ny + 1, nz + 1))
    ey = field((nx + 1, ny, nz + 1))
    ez = field((nx + 1, ny + 1, nz))
    ex[:, 0, :] = ex[:, -1, :] = 0
    ex[:, :, 0] = ex[:, :, -1] = 0
    ey[0, :, :] = ey[-1, :, :] = 0
    ey[:, :, 0] = ey[:, :, -1] = 0
    ez[0, :, :] = ez[-1, :, :] = 0
    ez[:, 0, :] = ez[:, -1, :] = 0
    rx = np.zeros(ex.shape, dtype=np.complex128)
    ry = np.zeros(ey.shape, dtype=np.complex128)
    rz = np.zeros(ez.shape, dtype=np.complex128)
    rx[nx // 2, ny // 2, nz // 2] = -1j * omega * mu0
    return (rx, ry, rz, ex, ey, ez, eta_x, eta_y, eta_z, zeta, hx, hy, hz)
