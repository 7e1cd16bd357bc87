# Source: simpeg/simpeg simpeg/potential_fields/magnetics/_numba_functions.py (at commit 055a02a2; kernels_in_nodes_to_cell from simpeg/potential_fields/_numba_utils.py, commit 2e906204)
# Licence: MIT (SimPEG, LICENSE; Copyright (c) 2013-2020 SimPEG Developers)
# Notes: SimPEG's Numba magnetic simulation of a tensor mesh of rectangular prisms, single field component: for each receiver three kernel functions (second derivatives of 1/r, passed in as jitted functions) are evaluated on every mesh node, combined per cell over its 8 nodes with the +/- vertex pattern, projected on the unit regional field and either accumulated into forward-modelled fields (scalar susceptibility model, or a vector model of 3 * n_cells effective susceptibilities) or written into a sensitivity matrix (n_receivers x n_cells, or x 3 * n_cells for vector models); Numba features: plain functions compiled at module level with jit(nopython=True, parallel=False/True)(func), prange over receivers, unpacking a (3,) array into three scalars (fx, fy, fz = regional_field) then in-place division, three kernel dispatchers as arguments called inside the loop, a tuple of three np.empty allocations per iteration, np.empty(8, dtype=cell_nodes.dtype) rebound to a row slice cell_nodes[k, :], a bool argument selecting scalar or vector writes, and writes into the caller's arrays. Pasted: _sensitivity_mag and _forward_mag and their four decorated versions, plus the jitted kernels_in_nodes_to_cell from _numba_utils.py; the try/except around `import choclo` is replaced by its success branch `from numba import jit, prange`; left out: _sensitivity_tmi / _forward_tmi and their decorated versions (they call choclo.prism kernels through the module) and the simulation classes; the harness defines jitted stand-ins for the three choclo.prism kernels of the bz component (kernel_eu = log(n + r), kernel_nu = log(e + r), kernel_uu = atan2(e*n, u*r)) and computes bz on a 3x3x2-cell mesh for 5 receivers above it, serial and parallel, scalar and vector models
import numpy as np
from numba import jit, prange


@jit(nopython=True)
def kernels_in_nodes_to_cell(kernels, nodes_indices):
    """
    Evaluate integral on a given cell from evaluation of kernels on nodes

    Parameters
    ----------
    kernels : (n_active_nodes,) array
        Array with kernel values on each one of the nodes in the mesh.
    nodes_indices : (8,) array of int
        Indices of the nodes for the current cell in "F" order (x changes
        faster than y, and y faster than z).

    Returns
    -------
    float
    """
    result = (
        -kernels[nodes_indices[0]]
        + kernels[nodes_indices[1]]
        + kernels[nodes_indices[2]]
        - kernels[nodes_indices[3]]
        + kernels[nodes_indices[4]]
        - kernels[nodes_indices[5]]
        - kernels[nodes_indices[6]]
        + kernels[nodes_indices[7]]
    )
    return result


def _sensitivity_mag(
    receivers,
    nodes,
    sensitivity_matrix,
    cell_nodes,
    regional_field,
    kernel_x,
    kernel_y,
    kernel_z,
    constant_factor,
    scalar_model,
):
    """
    Fill the sensitivity matrix for single mag component

    This function should be used with a `numba.jit` decorator, for example:

    .. code::

        from numba import jit

        jit_sensitivity_mag = jit(nopython=True, parallel=True)(_sensitivity_mag)

    Parameters
    ----------
    receivers : (n_receivers, 3) array
        Array with the locations of the receivers
    nodes : (n_active_nodes, 3) array
        Array with the location of the mesh nodes.
    sensitivity_matrix : (n_receivers, n_active_nodes) array
        Empty 2d array where the sensitivity matrix elements will be filled.
        This could be a preallocated empty array or a slice of it.
    cell_nodes : (n_active_cells, 8) array
        Array of integers, where each row contains the indices of the nodes for
        each active cell in the mesh.
    regional_field : (3,) array
        Array containing the x, y and z components of the regional magnetic
        field (uniform background field).
    kernel_x, kernel_y, kernel_z : callable
        Kernels used to compute the desired magnetic component. For example,
        for computing bx we need to use ``kernel_x=kernel_ee``,
        ``kernel_y=kernel_en``, ``kernel_z=kernel_eu``.
    constant_factor : float
        Constant factor that will be used to multiply each element of the
        sensitivity matrix.
    scalar_model : bool
        If True, the sensitivity matrix is built to work with scalar models
        (susceptibilities).
        If False, the sensitivity matrix is built to work with vector models
        (effective susceptibilities).

    Notes
    -----
    For computing the ``bx`` component of the magnetic field we need to use the
    following kernels:

    .. code::

        kernel_x=kernel_ee, kernel_y=kernel_en, kernel_z=kernel_eu


    For computing the ``by`` component of the magnetic field we need to use the
    following kernels:

    .. code::

        kernel_x=kernel_en, kernel_y=kernel_nn, kernel_z=kernel_nu

    For computing the ``bz`` component of the magnetic field we need to use the
    following kernels:

    .. code::

        kernel_x=kernel_eu, kernel_y=kernel_nu, kernel_z=kernel_uu

    """
    n_receivers = receivers.shape[0]
    n_nodes = nodes.shape[0]
    n_cells = cell_nodes.shape[0]
    fx, fy, fz = regional_field
    regional_field_amplitude = np.sqrt(fx**2 + fy**2 + fz**2)
    fx /= regional_field_amplitude
    fy /= regional_field_amplitude
    fz /= regional_field_amplitude
    # Evaluate kernel function on each node, for each receiver location
    for i in prange(n_receivers):
        # Allocate vectors for kernels evaluated on mesh nodes
        kx, ky, kz = np.empty(n_nodes), np.empty(n_nodes), np.empty(n_nodes)
        # Allocate small vector for the nodes indices for a given cell
        nodes_indices = np.empty(8, dtype=cell_nodes.dtype)
        for j in range(n_nodes):
            dx = nodes[j, 0] - receivers[i, 0]
            dy = nodes[j, 1] - receivers[i, 1]
            dz = nodes[j, 2] - receivers[i, 2]
            distance = np.sqrt(dx**2 + dy**2 + dz**2)
            kx[j] = kernel_x(dx, dy, dz, distance)
            ky[j] = kernel_y(dx, dy, dz, distance)
            kz[j] = kernel_z(dx, dy, dz, distance)
        # Compute sensitivity matrix elements from the kernel values
        for k in range(n_cells):
            nodes_indices = cell_nodes[k, :]
            ux = kernels_in_nodes_to_cell(kx, nodes_indices)
            uy = kernels_in_nodes_to_cell(ky, nodes_indices)
            uz = kernels_in_nodes_to_cell(kz, nodes_indices)
            if scalar_model:
                sensitivity_matrix[i, k] = (
                    constant_factor
                    * regional_field_amplitude
                    * (ux * fx + uy * fy + uz * fz)
                )
            else:
                sensitivity_matrix[i, k] = (
                    constant_factor * regional_field_amplitude * ux
                )
                sensitivity_matrix[i, k + n_cells] = (
                    constant_factor * regional_field_amplitude * uy
                )
                sensitivity_matrix[i, k + 2 * n_cells] = (
                    constant_factor * regional_field_amplitude * uz
                )


def _forward_mag(
    receivers,
    nodes,
    model,
    fields,
    cell_nodes,
    regional_field,
    kernel_x,
    kernel_y,
    kernel_z,
    constant_factor,
    scalar_model,
):
    """
    Forward model single magnetic component

    This function should be used with a `numba.jit` decorator, for example:

    .. code::

        from numba import jit

        jit_forward = jit(nopython=True, parallel=True)(_forward_mag)

    Parameters
    ----------
    receivers : (n_receivers, 3) array
        Array with the locations of the receivers
    nodes : (n_active_nodes, 3) array
        Array with the location of the mesh nodes.
    model : (n_active_cells) or (3 * n_active_cells) array
        Array containing the susceptibilities (scalar) or effective
        susceptibilities (vector) of the active cells in the mesh, in SI
        units.
        Susceptibilities are expected if ``scalar_model`` is True,
        and the array should have ``n_active_cells`` elements.
        Effective susceptibilities are expected if ``scalar_model`` is False,
        and the array should have ``3 * n_active_cells`` elements.
    fields : (n_receivers) array
        Array full of zeros where the magnetic component on each receiver will
        be stored. This could be a preallocated array or a slice of it.
    cell_nodes : (n_active_cells, 8) array
        Array of integers, where each row contains the indices of the nodes for
        each active cell in the mesh.
    regional_field : (3,) array
        Array containing the x, y and z components of the regional magnetic
        field (uniform background field).
    kernel_x, kernel_y, kernel_z : callable
        Kernels used to compute the desired magnetic component. For example,
        for computing bx we need to use ``kernel_x=kernel_ee``,
        ``kernel_y=kernel_en``, ``kernel_z=kernel_eu``.
    constant_factor : float
        Constant factor that will be used to multiply each element of the
        sensitivity matrix.
    scalar_model : bool
        If True, the forward will be computing assuming that the ``model`` has
        susceptibilities (scalar model) for each active cell.
        If False, the forward will be computing assuming that the ``model`` has
        effective susceptibilities (vector model) for each active cell.

    Notes
    -----

    About the kernel functions
    ^^^^^^^^^^^^^^^^^^^^^^^^^^

    For computing the ``bx`` component of the magnetic field we need to use the
    following kernels:

    .. code::

        kernel_x=kernel_ee, kernel_y=kernel_en, kernel_z=kernel_eu


    For computing the ``by`` component of the magnetic field we need to use the
    following kernels:

    .. code::

        kernel_x=kernel_en, kernel_y=kernel_nn, kernel_z=kernel_nu

    For computing the ``bz`` component of the magnetic field we need to use the
    following kernels:

    .. code::

        kernel_x=kernel_eu, kernel_y=kernel_nu, kernel_z=kernel_uu


    About the model array
    ^^^^^^^^^^^^^^^^^^^^^

    The ``model`` must always be a 1d array:

    * If ``scalar_model`` is ``True``, then ``model`` should be a 1d array with
      the same number of elements as active cells in the mesh. It should store
      the magnetic susceptibilities of each active cell in SI units.
    * If ``scalar_model`` is ``False``, then ``model`` should be a 1d array
      with a number of elements equal to three times the active cells in the
      mesh. It should store the components of the magnetization vector of each
      active cell in :math:`Am^{-1}`. The order in which the components should
      be passed are:
          * every _easting_ component of each active cell,
          * then every _northing_ component of each active cell,
          * and finally every _upward_ component of each active cell.

    """
    n_receivers = receivers.shape[0]
    n_nodes = nodes.shape[0]
    n_cells = cell_nodes.shape[0]
    fx, fy, fz = regional_field
    regional_field_amplitude = np.sqrt(fx**2 + fy**2 + fz**2)
    fx /= regional_field_amplitude
    fy /= regional_field_amplitude
    fz /= regional_field_amplitude
    # Evaluate kernel function on each node, for each receiver location
    for i in prange(n_receivers):
        # Allocate vectors for kernels evaluated on mesh nodes
        kx, ky, kz = np.empty(n_nodes), np.empty(n_nodes), np.empty(n_nodes)
        # Allocate small vector for the nodes indices for a given cell
        nodes_indices = np.empty(8, dtype=cell_nodes.dtype)
        for j in range(n_nodes):
            dx = nodes[j, 0] - receivers[i, 0]
            dy = nodes[j, 1] - receivers[i, 1]
            dz = nodes[j, 2] - receivers[i, 2]
            distance = np.sqrt(dx**2 + dy**2 + dz**2)
            kx[j] = kernel_x(dx, dy, dz, distance)
            ky[j] = kernel_y(dx, dy, dz, distance)
            kz[j] = kernel_z(dx, dy, dz, distance)
        # Compute sensitivity matrix elements from the kernel values
        for k in range(n_cells):
            nodes_indices = cell_nodes[k, :]
            ux = kernels_in_nodes_to_cell(kx, nodes_indices)
            uy = kernels_in_nodes_to_cell(ky, nodes_indices)
            uz = kernels_in_nodes_to_cell(kz, nodes_indices)
            if scalar_model:
                fields[i] += (
                    constant_factor
                    * model[k]
                    * regional_field_amplitude
                    * (ux * fx + uy * fy + uz * fz)
                )
            else:
                fields[i] += (
                    constant_factor
                    * regional_field_amplitude
                    * (
                        ux * model[k]
                        + uy * model[k + n_cells]
                        + uz * model[k + 2 * n_cells]
                    )
                )


_forward_mag_serial = jit(nopython=True, parallel=False)(_forward_mag)
_forward_mag_parallel = jit(nopython=True, parallel=True)(_forward_mag)
_sensitivity_mag_serial = jit(nopython=True, parallel=False)(_sensitivity_mag)
_sensitivity_mag_parallel = jit(nopython=True, parallel=True)(_sensitivity_mag)
# ---- harness (not part of the program) ----
ENTRY = "run_magnetics"


# stand-ins for choclo.prism's magnetic kernels (second derivatives of 1/r
# integrated over a prism, without choclo's safe log/atan2 guards)
@jit(nopython=True)
def kernel_eu(easting, northing, upward, radius):
    return np.log(northing + radius)


@jit(nopython=True)
def kernel_nu(easting, northing, upward, radius):
    return np.log(easting + radius)


@jit(nopython=True)
def kernel_uu(easting, northing, upward, radius):
    return np.arctan2(easting * northing, upward * radius)


def run_magnetics(receivers, nodes, cell_nodes, regional_field, susceptibility,
                  magnetization, constant_factor):
    n_rec, n_cells = receivers.shape[0], cell_nodes.shape[0]
    out = []
    for fwd in (_forward_mag_serial, _forward_mag_parallel):
        f1 = np.zeros(n_rec)
        fwd(receivers, nodes, susceptibility, f1, cell_nodes, regional_field,
            kernel_eu, kernel_nu, kernel_uu, constant_factor, True)
        f2 = np.zeros(n_rec)
        fwd(receivers, nodes, magnetization, f2, cell_nodes, regional_field,
            kernel_eu, kernel_nu, kernel_uu, constant_factor, False)
        out += [f1, f2]
    for sens in (_sensitivity_mag_serial, _sensitivity_mag_parallel):
        s1 = np.empty((n_rec, n_cells))
        sens(receivers, nodes, s1, cell_nodes, regional_field,
             kernel_eu, kernel_nu, kernel_uu, constant_factor, True)
        s2 = np.empty((n_rec, 3 * n_cells))
        sens(receivers, nodes, s2, cell_nodes, regional_field,
             kernel_eu, kernel_nu, kernel_uu, constant_factor, False)
        out += [s1, s2]
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    xs = np.array([0.0, 20.0, 40.0, 60.0])
    ys = np.array([0.0, 25.0, 50.0, 75.0])
    zs = np.array([-50.0, -25.0, 0.0])
    nx, ny, nz = len(xs), len(ys), len(zs)
    nodes = np.array([[xs[i], ys[j], zs[k]]
                      for k in range(nz) for j in range(ny) for i in range(nx)])
    cells = []
    for k in range(nz - 1):
        for j in range(ny - 1):
            for i in range(nx - 1):
                cells.append([(i + di) + nx * ((j + dj) + ny * (k + dk))
                              for dk in range(2) for dj in range(2) for di in range(2)])
    cell_nodes = np.array(cells, dtype=np.int64)
    n_cells = cell_nodes.shape[0]
    receivers = np.column_stack((rng.uniform(5.0, 55.0, 5),
                                 rng.uniform(5.0, 70.0, 5),
                                 np.full(5, 15.0)))
    regional_field = np.array([18000.0, 2500.0, -45000.0])
    susceptibility = rng.uniform(0.0, 0.05, n_cells)
    magnetization = rng.normal(0.0, 0.02, 3 * n_cells)
    return (receivers, nodes, cell_nodes, regional_field, susceptibility,
            magnetization, 1.0 / (4.0 * np.pi))
