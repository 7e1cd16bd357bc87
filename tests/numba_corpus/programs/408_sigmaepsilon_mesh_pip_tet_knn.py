# Source: sigma-epsilon/sigmaepsilon.mesh src/sigmaepsilon/mesh/utils/tet.py (at commit 030cb5d0)
# Licence: MIT (sigmaepsilon.mesh, LICENSE at commit 55ffc573: Copyright (c) 2021 SigmaEpsilon)
# Notes: point location in a tetrahedral mesh, as the mesh's pip/locate methods do it in their default lazy mode: _pip_tet_bulk_knn_ (@njit(nogil=True, cache=True)) calls _glob_to_nat_tet_bulk_knn_ (@njit(nogil=True, parallel=True), nested prange loops over the points and their k candidate cells), which computes for every point the natural (barycentric) coordinates in each candidate tetrahedron with glob_to_nat_tet (four signed volumes by vol_tet: np.cross and np.dot of edge vectors, on a copy of the cell's coordinates with one node replaced by the point), and then _pip_tet_bulk_nat_ (@njit(nogil=True, parallel=True)) tests them against the tolerance with np.all into a (points x k) bool array. Pasted: the whole module (imports, the module-level __cache flag, and all its jitted and plain-Python functions). The harness passes what PolyData.pip passes: 300 float64 query points in and around a unit cube, the (nE, 4, 3) node coordinates of the cube's 5 x 5 x 5 hexahedral grid split into 6 tetrahedra per cell (750 cells), the int64 indices of the k = 4 cells whose centres are nearest each point (what k_nearest_neighbours returns), and tol = 1e-12
import numpy as np
from numpy import ndarray
from numba import njit, prange

__cache = True


@njit(nogil=True, cache=__cache)
def vol_tet(ecoords: ndarray) -> ndarray:
    """
    Calculates volume of a single tetrahedron.

    Parameters
    ----------
    ecoords: numpy.ndarray
        A 3d float array of shape (nNE=4, 3) of nodal coordinates.

    Returns
    -------
    float
        The volume of the tetrahedron.

    Notes
    -----
    1) This only returns exact results for linear cells. For
    nonlinear cells, use objects that calculate the volumes
    using numerical integration.
    2) This function is numba-jittable in 'nopython' mode.
    """
    v1 = ecoords[1] - ecoords[0]
    v2 = ecoords[2] - ecoords[0]
    v3 = ecoords[3] - ecoords[0]
    return np.dot(np.cross(v1, v2), v3) / 6


@njit(nogil=True, parallel=True, cache=__cache)
def vol_tet_bulk(ecoords: ndarray) -> ndarray:
    """
    Calculates volumes of several tetrahedra.

    Parameters
    ----------
    ecoords: numpy.ndarray
        A 3d float array of shape (nE, nNE=4, 3) of
        nodal coordinates for several elements. Here nE
        is the number of nodes and nNE is the number of
        nodes per element.

    Returns
    -------
    numpy.ndarray
        1d float array of volumes.

    Notes
    -----
    1) This only returns exact results for linear cells. For
    nonlinear cells, use objects that calculate the volumes
    using numerical integration.
    2) This function is numba-jittable in 'nopython' mode.
    """
    nE = len(ecoords)
    res = np.zeros(nE, dtype=ecoords.dtype)
    for i in prange(nE):
        res[i] = vol_tet(ecoords[i])
    return np.abs(res)


@njit(nogil=True, cache=__cache)
def glob_to_nat_tet(gcoord: ndarray, ecoords: ndarray) -> ndarray:
    """
    Transformation from global to natural coordinates within a tetrahedron
    for a single point and tetrahedra.

    Notes
    -----
    This function is numba-jittable in 'nopython' mode.
    """
    ecoords_ = np.zeros_like(ecoords)
    ecoords_[:, :] = ecoords[:, :]
    V = vol_tet(ecoords)

    ecoords_[0, :] = gcoord
    v1 = vol_tet(ecoords_) / V
    ecoords_[0, :] = ecoords[0, :]

    ecoords_[1, :] = gcoord
    v2 = vol_tet(ecoords_) / V
    ecoords_[1, :] = ecoords[1, :]

    ecoords_[2, :] = gcoord
    v3 = vol_tet(ecoords_) / V
    ecoords_[2, :] = ecoords[2, :]

    return np.array([v1, v2, v3, 1 - v1 - v2 - v3], dtype=gcoord.dtype)


@njit(nogil=True, parallel=True, cache=__cache)
def _glob_to_nat_tet_bulk_(points: ndarray, ecoords: ndarray) -> ndarray:
    nE = ecoords.shape[0]
    nP = points.shape[0]
    res = np.zeros((nP, nE, 4), dtype=points.dtype)
    for i in prange(nP):
        for j in prange(nE):
            res[i, j, :] = glob_to_nat_tet(points[i], ecoords[j])
    return res


@njit(nogil=True, cache=__cache)
def pip_tet(point: ndarray, ecoords: ndarray, tol:float = 1e-12) -> ndarray:
    """
    Tells if a point is inside a tetrahedron or not.
    
    Parameters
    ----------
    point: numpy.ndarray
        1d NumPy array of the global coordinates of the point.
    ecoords: numpy.ndarray
        2d NumPy array of the coordinates of the nodes of the tetrahedron.
    tol: float, Optional
        Tolerance to consider a point inside a cell. Default is 1e-12.
    
    Returns
    -------
    bool
        True if the point is inside the tetrahedron, False otherwise.
        
    Notes
    -----
    This function is numba-jittable in 'nopython' mode.
    """
    nat = glob_to_nat_tet(point, ecoords)
    return np.all(nat > -tol) and np.all(nat < (1 + tol))


@njit(nogil=True, parallel=True, cache=__cache)
def _pip_tet_bulk_nat_(nat: ndarray, tol: float = 1e-12) -> ndarray:
    nP, nE = nat.shape[:2]
    res = np.zeros((nP, nE), dtype=np.bool_)
    for i in prange(nP):
        for j in prange(nE):
            c1 = np.all(nat[i, j] > (-tol))
            c2 = np.all(nat[i, j] < (1 + tol))
            res[i, j] = c1 & c2
    return res


@njit(nogil=True, cache=__cache)
def _pip_tet_bulk_(points: ndarray, ecoords: ndarray, tol: float = 1e-12) -> ndarray:
    nat = _glob_to_nat_tet_bulk_(points, ecoords)
    return _pip_tet_bulk_nat_(nat, tol)


@njit(nogil=True, cache=__cache)
def _pip_tet_bulk_knn_(
    points: ndarray, ecoords: ndarray, neighbours: ndarray, tol: float = 1e-12
) -> ndarray:
    nat = _glob_to_nat_tet_bulk_knn_(points, ecoords, neighbours)
    return _pip_tet_bulk_nat_(nat, tol)


def pip_tet_bulk(
    points: ndarray,
    ecoords: ndarray,
    tol: float = 1e-12,
    neighbours: ndarray | None = None,
) -> ndarray:
    """
    Tells if points are inside tetrahedra or not.
    
    Parameters
    ----------
    points: numpy.ndarray
        2d NumPy array of the global coordinates of the points.
    ecoords: numpy.ndarray
        3d NumPy array of the coordinates of the nodes of the tetrahedra.
    tol: float, Optional
        Tolerance to consider a point inside a cell. Default is 1e-12.
    neighbours: numpy.ndarray, Optional
        2d NumPy array of the indices of the neighbouring cells of each point.
        These indices refer to the tetrahedra in the `ecoords` array. Providing
        this is optional, but strogly recommended for large meshes.
    """
    if neighbours is None:
        return _pip_tet_bulk_(points, ecoords, tol)
    else:
        return _pip_tet_bulk_knn_(points, ecoords, neighbours, tol)


@njit(nogil=True, parallel=True, cache=__cache)
def _glob_to_nat_tet_bulk_knn_(
    points: ndarray, ecoords: ndarray, neighbours: ndarray
) -> ndarray:
    kE = neighbours.shape[1]
    nP = points.shape[0]
    res = np.zeros((nP, kE, 4), dtype=points.dtype)
    for i in prange(nP):
        for k in prange(kE):
            res[i, k, :] = glob_to_nat_tet(points[i], ecoords[neighbours[i, k]])
    return res


@njit(nogil=True, cache=__cache)
def lcoords_tet(center: ndarray = None) -> ndarray:
    """
    Returns coordinates of the master element
    of a simplex in 3d.
    
    Parameters
    ----------
    center: numpy.ndarray, Optional
        The coordinates of the center of the master
        element. Default is None.
        
    Notes
    -----
    This function is numba-jittable in 'nopython' mode.
    """
    res = np.array(
        [
            [-1 / 3, -1 / 3, -1 / 3],
            [2 / 3, -1 / 3, -1 / 3],
            [-1 / 3, 2 / 3, -1 / 3],
            [-1 / 3, -1 / 3, 2 / 3],
        ]
    )
    if center is not None:
        res += center
    return res


@njit(nogil=True, cache=__cache)
def nat_to_loc_tet(
    acoord: ndarray, lcoords: ndarray | None = None, center: ndarray | None = None
) -> ndarray:
    """
    Transformation from natural to local coordinates
    within a tetrahedra.

    Parameters
    ----------
    acoord: numpy.ndarray
        1d NumPy array of natural coordinates of a point.
    lcoords: numpy.ndarray, Optional
        2d NumPy array of parametric coordinates (r, s, t) of the
        master cell of a tetrahedron.
    center: numpy.ndarray
        The local coordinates (r, s, t) of the geometric center
        of the master tetrahedron. If not provided it is assumed to
        be at (0, 0, 0).

    Notes
    -----
    This function is numba-jittable in 'nopython' mode.
    """
    if lcoords is None:
        lcoords = lcoords_tet(center)
    return acoord.T @ lcoords
# ---- harness (not part of the program) ----
ENTRY = "_pip_tet_bulk_knn_"


def inputs():
    rng = np.random.default_rng(0)
    n = 5
    g = np.linspace(0.0, 1.0, n + 1)
    X, Y, Z = np.meshgrid(g, g, g, indexing="ij")
    coords = np.stack([X.ravel(), Y.ravel(), Z.ravel()], axis=1)

    def nid(i, j, k):
        return (i * (n + 1) + j) * (n + 1) + k

    # the usual 6-tetrahedron split of a hexahedron (H8 node order)
    tetmap = [[0, 1, 2, 6], [0, 2, 3, 6], [0, 3, 7, 6],
              [0, 7, 4, 6], [0, 4, 5, 6], [0, 5, 1, 6]]
    topo = []
    for i in range(n):
        for j in range(n):
            for k in range(n):
                h = [nid(i, j, k), nid(i + 1, j, k), nid(i + 1, j + 1, k),
                     nid(i, j + 1, k), nid(i, j, k + 1), nid(i + 1, j, k + 1),
                     nid(i + 1, j + 1, k + 1), nid(i, j + 1, k + 1)]
                for t in tetmap:
                    topo.append([h[a] for a in t])
    topo = np.array(topo, dtype=np.int64)
    ecoords = coords[topo]
    centers = ecoords.mean(axis=1)
    x = rng.uniform(-0.1, 1.1, size=(300, 3))
    d = ((x[:, None, :] - centers[None, :, :]) ** 2).sum(-1)
    knn = np.argsort(d, axis=1, kind="stable")[:, :4].astype(np.int64)
    return (x, ecoords, knn, 1e-12)
