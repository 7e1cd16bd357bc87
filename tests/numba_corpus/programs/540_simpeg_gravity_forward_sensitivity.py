# Source: simpeg/simpeg simpeg/potential_fields/gravity/_numba_functions.py (at commit 111fff2a; kernels_in_nodes_to_cell from simpeg/potential_fields/_numba_utils.py, commit 2e906204)
# Licence: MIT (SimPEG, LICENSE; Copyright (c) 2013-2020 SimPEG Developers)
# Notes: SimPEG's Numba gravity simulation on a tensor mesh: for each receiver, a kernel function is evaluated on every mesh node (shifted coordinates and distance) and combined per cell with the +/- pattern of the cell's 8 nodes (the prism integral as a sum over vertices), either accumulated as forward-modelled fields (constant_factor * density * kernel sum) or written row by row into a dense sensitivity matrix; Numba features: plain functions turned into four dispatchers with jit(nopython=True, parallel=True/False)(func) at module level, prange over receivers with a per-iteration np.empty scratch array, a jitted kernel function passed as an argument and called inside the jitted helper _evaluate_kernel (first-class function / dispatcher argument), a row slice cell_nodes[k, :] passed to the jitted helper kernels_in_nodes_to_cell, an 8-term signed gather, and writes into the caller's fields / sensitivity_matrix arrays. Pasted: _forward_gravity, _sensitivity_gravity, _evaluate_kernel and the four decorated versions, plus kernels_in_nodes_to_cell from _numba_utils.py; the try/except around `import choclo` (which falls back to a dummy jit when choclo is missing) is replaced by its success branch `from numba import jit, prange`; left out: evaluate_kernels_on_cell / evaluate_six_kernels_on_cell (magnetic helpers) and the simulation classes; the kernels come from choclo.prism in SimPEG, so the harness defines a jitted gz-type prism kernel of its own (e*log(n+r) + n*log(e+r) - u*atan2(e*n, u*r)); the harness builds a 4x3x3-cell tensor mesh below 6 receivers above it, random densities, and returns the fields and the sensitivity matrix from the serial and the parallel versions
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


def _forward_gravity(
    receivers,
    nodes,
    densities,
    fields,
    cell_nodes,
    kernel_func,
    constant_factor,
):
    """
    Forward model the gravity field of active cells on receivers

    This function should be used with a `numba.jit` decorator, for example:

    .. code::

        from numba import jit

        jit_forward_gravity = jit(nopython=True, parallel=True)(_forward_gravity)

    Parameters
    ----------
    receivers : (n_receivers, 3) numpy.ndarray
        Array with the locations of the receivers
    nodes : (n_active_nodes, 3) numpy.ndarray
        Array with the location of the mesh nodes.
    densities : (n_active_cells) numpy.ndarray
        Array with densities of each active cell in the mesh.
    fields : (n_receivers) numpy.ndarray
        Array full of zeros where the gravity fields on each receiver will be
        stored. This could be a preallocated array or a slice of it.
    cell_nodes : (n_active_cells, 8) numpy.ndarray
        Array of integers, where each row contains the indices of the nodes for
        each active cell in the mesh.
    kernel_func : callable
        Kernel function that will be evaluated on each node of the mesh. Choose
        one of the kernel functions in ``choclo.prism``.
    constant_factor : float
        Constant factor that will be used to multiply each element of the
        ``fields`` array.

    Notes
    -----
    The constant factor is applied here to each element of fields because
    it's more efficient than doing it afterwards: it would require to
    index the elements that corresponds to each component.
    """
    n_receivers = receivers.shape[0]
    n_nodes = nodes.shape[0]
    n_cells = cell_nodes.shape[0]
    # Evaluate kernel function on each node, for each receiver location
    for i in prange(n_receivers):
        # Allocate vector for kernels evaluated on mesh nodes
        kernels = np.empty(n_nodes)
        for j in range(n_nodes):
            kernels[j] = _evaluate_kernel(
                receivers[i, 0],
                receivers[i, 1],
                receivers[i, 2],
                nodes[j, 0],
                nodes[j, 1],
                nodes[j, 2],
                kernel_func,
            )
        # Compute fields from the kernel values
        for k in range(n_cells):
            fields[i] += (
                constant_factor
                * densities[k]
                * kernels_in_nodes_to_cell(
                    kernels,
                    cell_nodes[k, :],
                )
            )


def _sensitivity_gravity(
    receivers,
    nodes,
    sensitivity_matrix,
    cell_nodes,
    kernel_func,
    constant_factor,
):
    """
    Fill the sensitivity matrix

    This function should be used with a `numba.jit` decorator, for example:

    .. code::

        from numba import jit

        jit_sensitivity = jit(nopython=True, parallel=True)(_sensitivity_gravity)

    Parameters
    ----------
    receivers : (n_receivers, 3) numpy.ndarray
        Array with the locations of the receivers
    nodes : (n_active_nodes, 3) numpy.ndarray
        Array with the location of the mesh nodes.
    sensitivity_matrix : (n_receivers, n_active_nodes) array
        Empty 2d array where the sensitivity matrix elements will be filled.
        This could be a preallocated empty array or a slice of it.
    cell_nodes : (n_active_cells, 8) numpy.ndarray
        Array of integers, where each row contains the indices of the nodes for
        each active cell in the mesh.
    kernel_func : callable
        Kernel function that will be evaluated on each node of the mesh. Choose
        one of the kernel functions in ``choclo.prism``.
    constant_factor : float
        Constant factor that will be used to multiply each element of the
        sensitivity matrix.

    Notes
    -----
    The constant factor is applied here to each row of the sensitivity matrix
    because it's more efficient than doing it afterwards: it would require to
    index the rows that corresponds to each component.
    """
    n_receivers = receivers.shape[0]
    n_nodes = nodes.shape[0]
    n_cells = cell_nodes.shape[0]
    # Evaluate kernel function on each node, for each receiver location
    for i in prange(n_receivers):
        # Allocate vector for kernels evaluated on mesh nodes
        kernels = np.empty(n_nodes)
        for j in range(n_nodes):
            kernels[j] = _evaluate_kernel(
                receivers[i, 0],
                receivers[i, 1],
                receivers[i, 2],
                nodes[j, 0],
                nodes[j, 1],
                nodes[j, 2],
                kernel_func,
            )
        # Compute sensitivity matrix elements from the kernel values
        for k in range(n_cells):
            sensitivity_matrix[i, k] = constant_factor * kernels_in_nodes_to_cell(
                kernels,
                cell_nodes[k, :],
            )


@jit(nopython=True)
def _evaluate_kernel(
    receiver_x, receiver_y, receiver_z, node_x, node_y, node_z, kernel_func
):
    """
    Evaluate a kernel function for a single node and receiver

    Parameters
    ----------
    receiver_x, receiver_y, receiver_z : floats
        Coordinates of the receiver.
    node_x, node_y, node_z : floats
        Coordinates of the node.
    kernel_func : callable
        Kernel function that should be evaluated. For example, use one of the
        kernel functions in ``choclo.prism``.

    Returns
    -------
    float
        Kernel evaluated on the given node and receiver.
    """
    dx = node_x - receiver_x
    dy = node_y - receiver_y
    dz = node_z - receiver_z
    distance = np.sqrt(dx**2 + dy**2 + dz**2)
    return kernel_func(dx, dy, dz, distance)


# Define decorated versions of these functions
_sensitivity_gravity_parallel = jit(nopython=True, parallel=True)(_sensitivity_gravity)
_sensitivity_gravity_serial = jit(nopython=True, parallel=False)(_sensitivity_gravity)
_forward_gravity_parallel = jit(nopython=True, parallel=True)(_forward_gravity)
_forward_gravity_serial = jit(nopython=True, parallel=False)(_forward_gravity)
# ---- harness (not part of the program) ----
ENTRY = "run_gravity"


@jit(nopython=True)
def harness_kernel_gz(easting, northing, upward, radius):
    # a gz-type prism kernel (stands in for the choclo.prism kernels SimPEG passes)
    return (
        easting * np.log(northing + radius)
        + northing * np.log(easting + radius)
        - upward * np.arctan2(easting * northing, upward * radius)
    )


def run_gravity(receivers, nodes, densities, cell_nodes, constant_factor):
    n_rec = receivers.shape[0]
    n_cells = cell_nodes.shape[0]
    f_serial = np.zeros(n_rec)
    _forward_gravity_serial(receivers, nodes, densities, f_serial, cell_nodes,
                            harness_kernel_gz, constant_factor)
    f_parallel = np.zeros(n_rec)
    _forward_gravity_parallel(receivers, nodes, densities, f_parallel, cell_nodes,
                              harness_kernel_gz, constant_factor)
    s_serial = np.empty((n_rec, n_cells))
    _sensitivity_gravity_serial(receivers, nodes, s_serial, cell_nodes,
                                harness_kernel_gz, constant_factor)
    s_parallel = np.empty((n_rec, n_cells))
    _sensitivity_gravity_parallel(receivers, nodes, s_parallel, cell_nodes,
                                  harness_kernel_gz, constant_factor)
    return f_serial, f_parallel, s_serial, s_parallel


def inputs():
    # 4 x 3 x 3 cells of a tensor mesh below z = 0, 6 receivers 10 m above it
    rng = np.random.default_rng(0)
    xs = np.array([0.0, 10.0, 20.0, 35.0, 50.0])
    ys = np.array([0.0, 15.0, 30.0, 45.0])
    zs = np.array([-60.0, -40.0, -20.0, 0.0])
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
    densities = rng.uniform(-200.0, 300.0, size=cell_nodes.shape[0])
    receivers = np.column_stack((rng.uniform(-5.0, 55.0, 6),
                                 rng.uniform(-5.0, 50.0, 6),
                                 np.full(6, 10.0)))
    return (receivers, nodes, densities, cell_nodes, 0.6674)
