# Source: GazzolaLab/PyElastica elastica/dissipation/laplacian_dissipation_filter.py (at commit 9b67a1ea)
# Licence: MIT (PyElastica, LICENSE; Copyright (c) 2019-2020 mattialab)
# Notes: the Laplace dissipation filter of PyElastica's Cosserat-rod solver (soft-robotics simulation): a low-pass filter of the discretised rod velocities built by applying the 1-D three-point Laplacian stencil filter_order times (Jeanmart & Winckelmans 2007) and subtracting the result, with zero boundary values; the ring-rod variant (_filter_function_periodic_condition_ring_rod, @njit(cache=True) with numpy.typing NDArray annotations and `# type: ignore` comments) copies the (3, n) translational and angular velocity collections into arrays with one ghost node on each side (2-D slice assignments [:, 1:-1], [:, 0] = [:, -1] for the periodic boundary), filters them with nb_filter_rate called with keyword arguments (rate_collection=..., filter_term=..., filter_order=...), and copies the filtered interiors back in place; nb_filter_rate works on Ellipsis slices (filter_term[...] = rate_collection, filter_term[..., 1:-1] = (...) / 4.0, filter_term[..., 0] = 0.0, rate_collection[...] = rate_collection - filter_term) whose right-hand sides read the array being written; the open-rod variant (_filter_function_periodic_condition) is kept; left out: the LaplaceDissipationFilter class and the imports only it uses (typing.Any, elastica.typing.RodType, DamperBase); the harness passes what dampen_rates passes for a ring rod of 40 elements (filter terms of n_elems + 2 columns, as __init__ allocates them) with filter_order=5; the results are the arguments, filtered in place
import numpy as np
from numpy.typing import NDArray
from numba import njit


@njit(cache=True)  # type: ignore
def _filter_function_periodic_condition_ring_rod(
    velocity_collection: NDArray[np.float64],
    velocity_filter_term: NDArray[np.float64],
    omega_collection: NDArray[np.float64],
    omega_filter_term: NDArray[np.float64],
    filter_order: int,
) -> None:
    blocksize = velocity_filter_term.shape[1]

    # Transfer velocity to an array which has periodic boundaries and synchornize boundaries
    velocity_collection_with_periodic_bc = np.empty((3, blocksize))
    velocity_collection_with_periodic_bc[:, 1:-1] = velocity_collection[:]
    velocity_collection_with_periodic_bc[:, 0] = velocity_collection[:, -1]
    velocity_collection_with_periodic_bc[:, -1] = velocity_collection[:, 0]

    # Transfer omega to an array which has periodic boundaries and synchornize boundaries
    omega_collection_with_periodic_bc = np.empty((3, blocksize))
    omega_collection_with_periodic_bc[:, 1:-1] = omega_collection[:]
    omega_collection_with_periodic_bc[:, 0] = omega_collection[:, -1]
    omega_collection_with_periodic_bc[:, -1] = omega_collection[:, 0]

    nb_filter_rate(
        rate_collection=velocity_collection_with_periodic_bc,
        filter_term=velocity_filter_term,
        filter_order=filter_order,
    )
    nb_filter_rate(
        rate_collection=omega_collection_with_periodic_bc,
        filter_term=omega_filter_term,
        filter_order=filter_order,
    )

    # Transfer filtered velocity back
    velocity_collection[:] = velocity_collection_with_periodic_bc[:, 1:-1]
    omega_collection[:] = omega_collection_with_periodic_bc[:, 1:-1]


@njit(cache=True)  # type: ignore
def _filter_function_periodic_condition(
    velocity_collection: NDArray[np.float64],
    velocity_filter_term: NDArray[np.float64],
    omega_collection: NDArray[np.float64],
    omega_filter_term: NDArray[np.float64],
    filter_order: int,
) -> None:
    nb_filter_rate(
        rate_collection=velocity_collection,
        filter_term=velocity_filter_term,
        filter_order=filter_order,
    )
    nb_filter_rate(
        rate_collection=omega_collection,
        filter_term=omega_filter_term,
        filter_order=filter_order,
    )


@njit(cache=True)  # type: ignore
def nb_filter_rate(
    rate_collection: NDArray[np.float64],
    filter_term: NDArray[np.float64],
    filter_order: int,
) -> None:
    """
    Filters the rod rates (velocities) in numba njit decorator

    Parameters
    ----------
    rate_collection : numpy.ndarray
        2D array containing data with 'float' type.
        Array containing rod rates (velocities).
    filter_term: numpy.ndarray
        2D array containing data with 'float' type.
        Filter term that modifies rod rates (velocities).
    filter_order : int
        Filter order, which corresponds to the number of times the Laplacian
        operator is applied. Increasing `filter_order` implies higher order/weaker
        filtering.

    Notes
    -----
    For details regarding the numerics behind the filtering, refer to:

    .. [1] Jeanmart, H., & Winckelmans, G. (2007). Investigation of eddy-viscosity
       models modified using discrete filters: a simplified “regularized variational
       multiscale model” and an “enhanced field model”. Physics of fluids, 19(5), 055110.
    .. [2] Lorieul, G. (2018). Development and validation of a 2D Vortex Particle-Mesh
       method for incompressible multiphase flows (Doctoral dissertation,
       Université Catholique de Louvain).
    """

    filter_term[...] = rate_collection
    for i in range(filter_order):
        filter_term[..., 1:-1] = (
            -filter_term[..., 2:] - filter_term[..., :-2] + 2.0 * filter_term[..., 1:-1]
        ) / 4.0
        # dont touch boundary values
        filter_term[..., 0] = 0.0
        filter_term[..., -1] = 0.0
    rate_collection[...] = rate_collection - filter_term

# ---- harness (not part of the program) ----
ENTRY = "_filter_function_periodic_condition_ring_rod"


def inputs():
    # a ring rod of 40 elements: smooth translational and angular velocity
    # fields around the ring (a few low modes) plus grid-scale noise that
    # the filter should remove; filter terms of 42 columns, as
    # LaplaceDissipationFilter.__init__ allocates them for ring rods
    # (n_elems + 2); filter_order=5
    rng = np.random.default_rng(0)
    n_elems = 40
    s = np.linspace(0.0, 2.0 * np.pi, n_elems, endpoint=False)
    velocity = np.vstack((np.cos(s), np.sin(2 * s), 0.3 * np.cos(3 * s)))
    velocity += 0.05 * rng.standard_normal((3, n_elems))
    omega = np.vstack((0.2 * np.sin(s), 0.1 * np.ones(n_elems), np.cos(s)))
    omega += 0.05 * rng.standard_normal((3, n_elems))
    velocity_filter_term = np.zeros((3, n_elems + 2))
    omega_filter_term = np.zeros((3, n_elems + 2))
    return (velocity, velocity_filter_term, omega, omega_filter_term, 5)
