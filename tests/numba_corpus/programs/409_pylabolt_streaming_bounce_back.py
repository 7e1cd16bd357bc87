# Source: Malyadeep/pylabolt pylabolt/parallel/cpu/streaming_kernels.py (at commit d77e3a51)
# Licence: BSD-3-Clause (pylabolt, LICENSE at commit f7cc2937: Copyright (c) 2024, Malyadeep Bhattacharya)
# Notes: the streaming step of PyLaBolt's lattice Boltzmann solver on the CPU backend: scalar_based_kernel (@numba.njit(parallel=True, nogil=True), a prange over the flattened D2Q9 grid) pulls each population from the upstream neighbour (index arithmetic x - cx[k], y - cy[k] on the row-major grid), and where that neighbour is a solid node applies the moving-wall bounce-back: the population of the opposite direction (inv_list) minus 2 w rho (c . u_wall) / cs^2, skipping solid and ghost nodes, writing pop_new in place. Pasted: the whole module (imports, scalar_based_kernel and no_scalar_based_kernel). The harness passes what the solver passes for a 40 x 30 fluid grid with a one-node ghost ring (42 x 32 = 1344 nodes, shape as a tuple): the D2Q9 lattice of PyLaBolt's lattice class (int32 cx, cy, inv_list and no_of_directions, float64 weights, inv_cs_2 = 3), bool solid (a rotating cylinder of radius 6, whose nodes carry the wall velocity omega x r) and ghost_node masks, float64 density (1 +- 1 %), velocity (size x 2) and populations (size x 9, near equilibrium), and a zeroed pop_new
import numpy as np
import numba
from numba import prange


@numba.njit(parallel=True, nogil=True)
def scalar_based_kernel(
    size,
    shape,
    cx,
    cy,
    weights,
    inv_list,
    no_of_directions,
    inv_cs_2,
    solid,
    ghost_node,
    density,
    velocity,
    pop,
    pop_new
):
    """
    Streaming kernel with scalar during bounce-back
    Args:

    Returns:

    """
    for ind in prange(size):
        if not solid[ind] and not ghost_node[ind]:
            x = ind // shape[1]
            y = ind - x * shape[1]
            density_local = density[ind]
            pop_new[ind, 0] = pop[ind, 0]
            for k in range(1, no_of_directions):
                x_nb = x - cx[k]
                y_nb = y - cy[k]
                ind_nb = x_nb * shape[1] + y_nb
                if not solid[ind_nb]:
                    pop_new[ind, k] = pop[ind_nb, k]
                else:
                    k_inv = inv_list[k]
                    temp = 2 * weights[k_inv] * density_local * inv_cs_2 * (
                        cx[k_inv] * velocity[ind_nb, 0] +
                        cy[k_inv] * velocity[ind_nb, 1]
                    )
                    pop_new[ind, k] = pop[ind, k_inv] - temp


@numba.njit(parallel=True, nogil=True)
def no_scalar_based_kernel(
    size,
    shape,
    cx,
    cy,
    weights,
    inv_list,
    no_of_directions,
    inv_cs_2,
    solid,
    ghost_node,
    velocity,
    pop,
    pop_new
):
    """
    Streaming kernel without any scalar during bounce-back
    Args:

    Returns:

    """
    for ind in prange(size):
        if not solid[ind] and not ghost_node[ind]:
            x = ind // shape[1]
            y = ind - x * shape[1]
            pop_new[ind, 0] = pop[ind, 0]
            for k in range(1, no_of_directions):
                x_nb = x - cx[k]
                y_nb = y - cy[k]
                ind_nb = x_nb * shape[1] + y_nb
                if not solid[ind_nb]:
                    pop_new[ind, k] = pop[ind, k]
                else:
                    k_inv = inv_list[k]
                    temp = 2 * weights[k_inv] * inv_cs_2 * (
                        cx[k_inv] * velocity[ind_nb, 0] +
                        cy[k_inv] * velocity[ind_nb, 1]
                    )
                    pop_new[ind, k] = pop[ind, k_inv] - temp
# ---- harness (not part of the program) ----
ENTRY = "scalar_based_kernel"


def inputs():
    rng = np.random.default_rng(0)
    nx, ny = 40 + 2, 30 + 2
    size = nx * ny
    cx = np.array([0, 1, 0, -1, 0, 1, -1, -1, 1], dtype=np.int32)
    cy = np.array([0, 0, 1, 0, -1, 1, 1, -1, -1], dtype=np.int32)
    weights = np.array([4/9, 1/9, 1/9, 1/9, 1/9, 1/36, 1/36, 1/36, 1/36],
                       dtype=np.float64)
    inv_list = np.array([0, 3, 4, 1, 2, 7, 8, 5, 6], dtype=np.int32)
    no_of_directions = np.int32(9)
    cs = np.float64(1 / np.sqrt(3))
    inv_cs_2 = 1.0 / (cs * cs)
    X, Y = np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij")
    X, Y = X.ravel(), Y.ravel()
    ghost_node = (X == 0) | (X == nx - 1) | (Y == 0) | (Y == ny - 1)
    xc, yc, r0, om = 14.0, 15.5, 6.0, 0.01
    solid = ((X - xc) ** 2 + (Y - yc) ** 2 <= r0 ** 2) & ~ghost_node
    density = 1.0 + 0.01 * rng.standard_normal(size)
    velocity = 0.02 * rng.standard_normal((size, 2))
    velocity[:, 0] += 0.05
    velocity[solid, 0] = -om * (Y[solid] - yc)
    velocity[solid, 1] = om * (X[solid] - xc)
    cu = velocity[:, 0:1] * cx + velocity[:, 1:2] * cy
    u2 = (velocity ** 2).sum(1)[:, None]
    pop = weights * density[:, None] * (1 + inv_cs_2 * cu
                                        + 0.5 * inv_cs_2 ** 2 * cu * cu
                                        - 0.5 * inv_cs_2 * u2)
    pop *= 1.0 + 0.001 * rng.standard_normal(pop.shape)
    pop_new = np.zeros_like(pop)
    return (size, (nx, ny), cx, cy, weights, inv_list, no_of_directions,
            inv_cs_2, solid, ghost_node, density, velocity, pop, pop_new)
