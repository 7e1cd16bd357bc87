# Source: mark-hobbs/pypd pypd/kernels/constitutive_law.py (at commit 3ca621b7), pypd/kernels/particles.py (at commit 1a8bc5a4), pypd/kernels/bonds.py (at commit 32af2979), pypd/kernels/integrator.py (at commit 05eceebb), pypd/kernels/penetrator.py (at commit 1dda068e)
# Licence: MIT (pypd, LICENSE; Copyright (c) 2024 Mark Hobbs)
# Notes: the Numba kernels ("small, highly optimised computational units") of pypd, a bond-based peridynamics code for quasi-brittle fracture. constitutive_law.py: linear, trilinear and non-linear bond damage laws indexed by bond (chained comparisons, np.exp, damage only increasing). particles.py: compute_nodal_forces (parallel=True, fastmath=True; a prange loop over bonds that calls the material-law function passed in as an argument, writes per-bond forces into two arrays, then a serial scatter-reduction into nodal forces; returns a (forces, damage) tuple) and compute_node_damage (division of a float array by an int array); build_particle_families and its `import sklearn.neighbors` are left out (a KD-tree search; the harness finds neighbours by brute force instead). bonds.py: the plain-Python build_bond_list / map_to_neighbour_list and the prange build_bond_length. integrator.py: euler_cromer_cpu (prange over nodes, boundary-condition overwrite); the file's `cuda` import and its empty @cuda.jit placeholder kernel with the GPU launcher that calls it are left out (GPU-only stubs). penetrator.py: compute_contact_force (np.sum of a squared array, u.copy()/v.copy(), in-place edits of u and v) and its plain NumPy twin. The project builds the material law with a factory of @njit closures over the critical-stretch arrays (pypd/constitutive_law.py); this version of compute_nodal_forces calls it as material_law(stretch, d), so the harness defines three such two-argument @njit closures over the pasted laws (bond index 0 of one-element parameter arrays). The harness builds a 7 x 6 particle grid with a horizon of 1.6 dx, its bond list, and runs 12 explicit time steps of a plate pulled at one edge (forces, Euler-Cromer update, damage), plus the contact-force kernel for a rigid disc pressed into the top edge
# ---- pypd/kernels/constitutive_law.py ----
"""
Constitutive models - linear / bilinear / trilinear / non-linear

Small, highly optimised computational units written using Numba

"""

from numba import njit
import numpy as np


@njit
def linear(i, s, d, sc):
    """
    Linear constitutive model
    """

    d_temp = 0.0

    if s < sc[i]:
        d_temp = 0.0

    elif s >= sc[i]:
        d_temp = 1.0

    # Bond softening factor can only increase (damage is irreversible)
    if d_temp > d:
        d = d_temp

    return d


@njit
def trilinear(i, s, d, s0, s1, sc, beta):
    """
    Trilinear constitutive model
    """

    eta = s1[i] / s0
    d_temp = 0.0

    if (s > s0) and (s <= s1[i]):
        d_temp = 1 - ((eta - beta) / (eta - 1) * (s0 / s)) + ((1 - beta) / (eta - 1))

    elif (s > s1[i]) and (s <= sc[i]):
        d_temp = 1 - (s0 * beta / s) * ((sc[i] - s) / (sc[i] - s1[i]))

    elif s > sc[i]:
        d_temp = 1.0

    # Bond softening factor can only increase (damage is irreversible)
    if d_temp > d:
        d = d_temp

    return d


@njit
def nonlinear(i, s, d, s0, sc, alpha, k):
    """
    Non-linear constitutive model
    """

    d_temp = 0.0

    if (s > s0) and (s <= sc[i]):
        numerator = 1 - np.exp(-k * (s - s0) / (sc[i] - s0))
        denominator = 1 - np.exp(-k)
        residual = alpha * (1 - (s - s0) / (sc[i] - s0))
        d_temp = 1 - (s0 / s) * ((1 - (numerator / denominator)) + residual) / (
            1 + alpha
        )
    elif s > sc[i]:
        d_temp = 1

    if d_temp > d:
        d = d_temp

    return d


# ---- pypd/kernels/particles.py ----
"""
Small, highly optimised computational units written using Numba
"""

import numpy as np
from numba import njit, prange


@njit(parallel=True, fastmath=True)
def compute_nodal_forces(
    x,
    u,
    cell_volume,
    bondlist,
    d,
    c,
    f_x,
    f_y,
    material_law,
    surface_correction_factors,
):
    """
    Compute particle forces - employs bondlist

    Parameters
    ----------
    bondlist : ndarray (int)
        Array of pairwise interactions (bond list)

    x : ndarray (float)
        Material point coordinates in the reference configuration

    u : ndarray (float)
        Nodal displacement

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed

    c : float
        Bond stiffness

    material_law : function

    Returns
    -------
    node_force : ndarray (float)
        Nodal force array

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed
    """

    n_nodes = np.shape(x)[0]
    n_dimensions = np.shape(x)[1]
    n_bonds = np.shape(bondlist)[0]
    node_force = np.zeros((n_nodes, n_dimensions))

    for k_bond in prange(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        xi_x = x[node_j, 0] - x[node_i, 0]
        xi_y = x[node_j, 1] - x[node_i, 1]

        xi_eta_x = xi_x + (u[node_j, 0] - u[node_i, 0])
        xi_eta_y = xi_y + (u[node_j, 1] - u[node_i, 1])

        xi = np.sqrt(xi_x**2 + xi_y**2)
        y = np.sqrt(xi_eta_x**2 + xi_eta_y**2)
        stretch = (y - xi) / xi

        d[k_bond] = material_law(stretch, d[k_bond])

        f = (
            stretch
            * c
            * (1 - d[k_bond])
            * cell_volume
            * surface_correction_factors[k_bond]
        )
        f_x[k_bond] = f * xi_eta_x / y
        f_y[k_bond] = f * xi_eta_y / y

    # Reduce bond forces to particle forces
    for k_bond in range(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        node_force[node_i, 0] += f_x[k_bond]
        node_force[node_j, 0] -= f_x[k_bond]
        node_force[node_i, 1] += f_y[k_bond]
        node_force[node_j, 1] -= f_y[k_bond]

    return node_force, d


@njit
def compute_node_damage(x, bondlist, d, n_family_members):
    """
    Compute the nodal damage

    Parameters
    ----------
    x : ndarray (float)
        Material point coordinates in the reference configuration

    bondlist : ndarray (int)
        Array of pairwise interactions (bond list)

    d : ndarray (float)
        Bond damage (softening parameter). The value of d will range from 0
        to 1, where 0 indicates that the bond is still in the elastic range,
        and 1 represents a bond that has failed

    n_family_members : ndarray (int)

    Returns
    -------
    node_damage : ndarray (float)
        The value of node_damage will range from 0 to 1, where 0 indicates that
        all bonds connected to the node are in the elastic range, and 1
        indicates that all bonds connected to the node have failed

    Notes
    -----
    """
    n_nodes = np.shape(x)[0]
    n_bonds = np.shape(bondlist)[0]
    node_damage = np.zeros((n_nodes,))

    for k_bond in range(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        node_damage[node_i] += d[k_bond]
        node_damage[node_j] += d[k_bond]

    node_damage = node_damage / n_family_members

    return node_damage


# ---- pypd/kernels/bonds.py ----
"""
Small, highly optimised computational units written using Numba
"""

import numpy as np
from numba import njit, prange


def build_bond_list(nlist):
    """
    Build bond list
    """
    bondlist = [
        [i, j] for i, neighbours in enumerate(nlist) for j in neighbours if i < j
    ]
    bondlist = np.array(bondlist, dtype=np.intc)

    return bondlist


def map_to_neighbour_list(bondlist, property):
    """
    Map a per-bond property (n_bonds,) to neighbour arrays
    (n_nodes, max_n_neighbours)
    """
    n_nodes = bondlist.max() + 1
    property_lists = [[] for _ in range(n_nodes)]

    for k, (i, j) in enumerate(bondlist):
        p = property[k]
        property_lists[i].append(p)
        property_lists[j].append(p)

    max_n_neighbours = max(len(lst) for lst in property_lists)
    property_array = np.zeros((n_nodes, max_n_neighbours), dtype=np.float32)

    for i, lst in enumerate(property_lists):
        property_array[i, : len(lst)] = lst

    return property_array


@njit(parallel=True)
def build_bond_length(x, bondlist):
    """
    Build the bond length array
    """
    n_bonds = np.shape(bondlist)[0]
    xi = np.zeros(n_bonds)

    for k_bond in prange(n_bonds):
        node_i = bondlist[k_bond, 0]
        node_j = bondlist[k_bond, 1]

        xi_x = x[node_j, 0] - x[node_i, 0]
        xi_y = x[node_j, 1] - x[node_i, 1]

        xi[k_bond] = np.sqrt(xi_x**2 + xi_y**2)

    return xi


# ---- pypd/kernels/integrator.py (the CPU kernel) ----
"""
Small, highly optimised computational units written using Numba
"""

import numpy as np
from numba import njit, prange


@njit(parallel=True)
def euler_cromer_cpu(
    f, u, v, a, density, bc_flag, bc_magnitude, bc_unit_vector, damping, dt
):
    """
    Update particle positions using an Euler-Cromer time integration scheme

    Parameters
    ----------
    f : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle forces

    u : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle displacement

    v : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle velocity

    a : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Particle acceleration

    density : float
        Material density

    bc_flag : np.ndarray(int, shape=(n_nodes, n_dimensions))
        0 - no boundary condition
        1 - the node is subject to a boundary condition

    bc_magnitude : float
        Magnitude of the applied force/displacement

    bc_unit_vector : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Unit vector defining the direction of the boundary condition

    damping : float
        Damping coefficient

    dt : float
        Time step size

    Returns
    -------
    u : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Updated particle displacement

    v : np.ndarray(float, shape=(n_nodes, n_dimensions))
        Updated particle velocity

    Notes
    -----
    - u and v are modified in place and returned for clarity
    """

    n_nodes = np.shape(f)[0]
    n_dimensions = np.shape(f)[1]

    for node_i in prange(n_nodes):
        for dof in range(n_dimensions):
            a[node_i, dof] = (f[node_i, dof] - damping * v[node_i, dof]) / density
            v[node_i, dof] = v[node_i, dof] + (a[node_i, dof] * dt)
            u[node_i, dof] = u[node_i, dof] + (v[node_i, dof] * dt)

            if bc_flag[node_i, dof] != 0:
                u[node_i, dof] = bc_magnitude * bc_unit_vector[node_i, dof]

    return u, v


# ---- pypd/kernels/penetrator.py ----
"""
Small, highly optimised computational units written using Numba
"""

import numpy as np
from numba import njit


@njit
def compute_contact_force(
    penetrator_family,
    penetrator_radius,
    penetrator_position,
    x,
    u,
    v,
    density,
    cell_volume,
    dt,
):
    """
    Compute contact force - calculate the contact force between a rigid
    penetrator and a deformable peridynamic body.

    Parameters
    ----------

    Returns
    -------
    u : ndarray
        Updated displacement array

    v : ndarray
        Updated velocity array

    contact_force : ndarray
        Resultant force components

    Notes
    -----
    - 'C style' code
    - Based on code from rigid_impactor.f90 in Chapter 10 - Peridynamic Theory
    & its Applications by Madenci & Oterkus
    """

    n_nodes = len(penetrator_family)
    n_dimensions = np.shape(x)[1]
    u_previous = u.copy()
    v_previous = v.copy()

    distance_component = np.zeros(n_dimensions, np.float64)
    contact_force = np.zeros(n_dimensions, np.float64)
    unit_vector = np.zeros(n_dimensions, np.float64)
    unit_vector_scaled = np.zeros(n_dimensions, np.float64)
    a = np.zeros(n_dimensions, np.float64)

    for i in range(n_nodes):
        node = penetrator_family[i]
        for j in range(n_dimensions):
            distance_component[j] = (x[node, j] + u[node, j]) - penetrator_position[j]

        distance = np.sqrt(np.sum(distance_component**2))

        if distance < penetrator_radius:
            for j in range(n_dimensions):
                unit_vector[j] = distance_component[j] / distance
                unit_vector_scaled[j] = unit_vector[j] * penetrator_radius

                u[node, j] = (penetrator_position[j] + unit_vector_scaled[j]) - x[
                    node, j
                ]
                v[node, j] = (u[node, j] - u_previous[node, j]) / dt
                a[j] = (v[node, j] - v_previous[node, j]) / dt

                contact_force[j] = contact_force[j] + (density * cell_volume * a[j])

    return contact_force


def compute_contact_force_vectorised(
    penetrator_family,
    penetrator_radius,
    penetrator_position,
    x,
    u,
    v,
    density,
    cell_volume,
    dt,
):
    """
    Calculate contact force - calculate the contact force between a rigid
    penetrator and a deformable peridynamic body.

    Parameters
    ----------

    Returns
    -------
    u : ndarray
        Updated displacement array

    v : ndarray
        Updated velocity array

    contact_force : ndarray
        Resultant force components

    Notes
    -----
    - Vectorised code
    - Based on code from rigid_impactor.f90 in Chapter 10 - Peridynamic Theory &
    its Applications by Madenci & Oterkus
    """

    n_nodes = len(penetrator_family)
    n_dimensions = np.shape(x)[1]
    u_previous = u.copy()
    v_previous = v.copy()
    contact_force = np.zeros(n_dimensions, np.float64)

    for i in range(n_nodes):
        node = penetrator_family[i]

        distance_component = (x[node] + u[node]) - penetrator_position
        distance = np.sqrt(np.sum(distance_component**2))

        if distance < penetrator_radius:
            unit_vector = distance_component / distance
            unit_vector_scaled = unit_vector * penetrator_radius

            u[node] = (penetrator_position + unit_vector_scaled) - x[node]
            v[node] = (u[node] - u_previous[node]) / dt
            a = (v[node] - v_previous[node]) / dt

            contact_force = contact_force + (density * cell_volume * a)

    return u, v, contact_force


# ---- harness (not part of the program) ----
ENTRY = "pypd_steps"

_SC = np.array([4.0e-3])
_S0 = 1.0e-3
_S1 = np.array([2.0e-3])
_SC3 = np.array([5.0e-3])


@njit
def _linear_law(stretch, d):
    return linear(0, stretch, d, _SC)


@njit
def _trilinear_law(stretch, d):
    return trilinear(0, stretch, d, _S0, _S1, _SC3, 0.25)


@njit
def _nonlinear_law(stretch, d):
    return nonlinear(0, stretch, d, _S0, _SC3, 0.25, 25.0)


def pypd_steps(x, dx, n_steps):
    res = {}
    n_nodes = x.shape[0]
    horizon = 1.6 * dx
    dist = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
    fam = [np.nonzero((dist[i] <= horizon) & (np.arange(n_nodes) != i))[0] for i in range(n_nodes)]
    n_family_members = np.array([len(f) for f in fam], dtype=np.intc)
    nlist = -np.ones((n_nodes, n_family_members.max()), dtype=np.intc)
    for i in range(n_nodes):
        nlist[i, : n_family_members[i]] = fam[i]
    bondlist = build_bond_list(nlist)
    res["bondlist"] = bondlist
    xi = build_bond_length(x, bondlist)
    res["xi"] = xi
    res["xi_per_node"] = map_to_neighbour_list(bondlist, xi)
    n_bonds = bondlist.shape[0]
    scf = 1.0 + 0.1 * np.cos(np.arange(n_bonds))
    x_max = x[:, 0].max()
    bc_flag = np.zeros((n_nodes, 2), dtype=np.intc)
    bc_unit = np.zeros((n_nodes, 2))
    left = x[:, 0] < 0.5 * dx
    right = x[:, 0] > x_max - 0.5 * dx
    bc_flag[left, 0] = 1
    bc_flag[right, 0] = 1
    bc_unit[right, 0] = 1.0
    for name, law in (("linear", _linear_law), ("trilinear", _trilinear_law), ("nonlinear", _nonlinear_law)):
        u = np.zeros((n_nodes, 2))
        v = np.zeros((n_nodes, 2))
        a = np.zeros((n_nodes, 2))
        d = np.zeros(n_bonds)
        f_x = np.zeros(n_bonds)
        f_y = np.zeros(n_bonds)
        for step in range(n_steps):
            f, d = compute_nodal_forces(x, u, dx * dx, bondlist, d, 2.0e4, f_x, f_y, law, scf)
            u, v = euler_cromer_cpu(f, u, v, a, 1.0, bc_flag, 4.0e-4 * (step + 1), bc_unit, 0.05, 0.02)
        res[name + "_u"] = u
        res[name + "_v"] = v
        res[name + "_d"] = d
        res[name + "_f"] = (f, f_x, f_y)
        res[name + "_node_damage"] = compute_node_damage(x, bondlist, d, n_family_members)
    top = np.nonzero(x[:, 1] > x[:, 1].max() - 1.5 * dx)[0]
    pos = np.array([x[:, 0].mean(), x[:, 1].max() + 0.6 * dx])
    u = np.zeros((n_nodes, 2))
    v = np.zeros((n_nodes, 2))
    u[:, 1] = 0.02 * dx * np.sin(np.arange(n_nodes))
    u2, v2 = u.copy(), v.copy()
    res["contact_force"] = compute_contact_force(top, 1.3 * dx, pos, x, u, v, 1.0, dx * dx, 0.01)
    res["contact_uv"] = (u, v)
    res["contact_vectorised"] = compute_contact_force_vectorised(top, 1.3 * dx, pos, x, u2, v2, 1.0, dx * dx, 0.01)
    return res


def inputs():
    dx = 0.1
    gx, gy = np.meshgrid(np.arange(7) * dx, np.arange(6) * dx, indexing="ij")
    x = np.column_stack([gx.ravel(), gy.ravel()])
    return (x, dx, 12)
