# Source: alb3rtjarvis/numbacs src/numbacs/diagnostics.py (at commit 2cac2d73), src/numbacs/utils.py (the stored version that defines the gradF_*_stencil_2D / eigvalsh_max_2D helpers that this diagnostics.py imports; commit not recorded)
# Licence: MPL-2.0 (numbacs; `license = "MPL-2.0"` in its pyproject.toml)
# Notes: the data-driven diagnostics of NumbaCS, a numba-accelerated package for Lagrangian / Eulerian coherent structures in fluid flows. From src/numbacs/utils.py (pasted first, since diagnostics.py imports from it; its `from scipy.interpolate import splprep, splev` and `from scipy.ndimage import ...` lines are left out, as only interp_curve and scipy_dilate_mask, not pasted, use them): the @njit(inline="always") stencils gradF_stencil_2D, gradF_aux_stencil_2D, gradF_main_stencil_2D (negative index -1 into the aux axis), gradUV_stencil_2D, eigvalsh_max_2D (closed-form largest eigenvalue of a symmetric 2x2), inv_2D (returns an array expression or zeros((2, 2), numba.float64)), vec_dot_2D / vec_dot_3D, unravel_index (np.flip of a shape array, divmod, a variable first bound in the loop), ravel_index (np.prod of a shape slice), finite_diff_ND (centred / one-sided differences on a raveled array, the else branch prints), curl_vel, composite_simpsons, and the plain-NumPy lonlat2xyz / local_basis_S2. From src/numbacs/diagnostics.py (its `from .utils import (...)` line dropped): the plain-Python wrappers ftle_grid_2D, C_tensor_2D, C_eig_aux_2D, C_eig_2D, ftle_from_eig, ftle_grid_S2, ile_2D_data, S_eig_2D_data and ivd_grid_2D (their mask branches name masked kernels and scipy_dilate_mask, which are not pasted, and are not taken), and the unmasked @njit(parallel=True) kernels ftle_grid_ND (N-D FTLE on a raveled flow map with per-axis one-sided differences at the edges, np.dot(Df.T, Df)), _ftle_grid_2D, _C_tensor_2D (writes np.array([...]) into C[i, j, :]), _C_eig_aux_2D (np.linalg.eigh of the aux-grid tensor and np.linalg.eigvalsh of the main-grid one), _C_eig_2D, _displacement_array_proj / _displacement_array (8- or 4-point stencils, tuple unpacking of an int array row), _ftle_lsq_opt_2D (hand-written least-squares Cauchy-Green tensor on the sphere), _ile_2D_func and _S_2D_func (take a jitted velocity function as an argument and an optional t0 that is None or a float), _ile_2D_data and _S_eig_2D_data. Left out: the LAVD, masked and elliptic / hyperbolic extraction kernels, which need interpolants from the `interpolation` package or scipy. The harness advects a 21 x 11 grid (and a 5-point auxiliary stencil around each node) through the time-dependent double-gyre flow with a NumPy RK4 in Python, then computes FTLE from the flow map, the Cauchy-Green tensor and its eigen-decompositions (eigenvector signs normalised in the harness), the N-D FTLE on the raveled map, the spherical least-squares FTLE on a 9 x 8 lon-lat grid displaced by a smooth shear, iLE and strain eigenpairs from sampled velocities and from a jitted velocity function (autonomous and with t0), the curl, Simpson integrals and unravel / ravel round trips
# ---- src/numbacs/utils.py ----
import numpy as np
from numba import njit, prange
import numba
from math import floor, pi, cos, sin, sqrt


@njit(inline="always")
def gradF_stencil_2D(F, i, j, dx, dy):
    """
    Stencil for computing the gradient of F, a grid of 2D vectors, at (i, j),
    with spacing dx and dy. Not boundary safe.

    Parameters
    ----------
    F : np.ndarray, shape = (nx, ny, 2)
        values of the vector F over grid.
    i : int
        index corresponding to the first dimension.
    j : int
        index corresponding to the second dimension.
    dx : float
        spacing in x-direction.
    dy : float
        spacing in y-direction.

    Returns
    -------
    dFxdx : float
        derivative of first component in x-direction.
    dFxdy : float
        derivative of first component in y-direction.
    dFydx : float
        derivative of second component in x-direction.
    dFydy : float
        derivative of second component in y-direction.

    """

    dFxdx = (F[i + 1, j, 0] - F[i - 1, j, 0]) / (2 * dx)
    dFxdy = (F[i, j + 1, 0] - F[i, j - 1, 0]) / (2 * dy)
    dFydx = (F[i + 1, j, 1] - F[i - 1, j, 1]) / (2 * dx)
    dFydy = (F[i, j + 1, 1] - F[i, j - 1, 1]) / (2 * dy)

    return dFxdx, dFxdy, dFydx, dFydy


@njit(inline="always")
def gradF_aux_stencil_2D(F_aux, i, j, h):
    """
    Stencil for computing the gradient of F_aux, a grid of 2D vectors, at (i, j),
    using the aux grid, with spacing h.

    Parameters
    ----------
    F_aux : np.ndarray, shape = (nx, ny, n_aux, 2)
        values of the vector F over aux-grid.
    i : int
        index corresponding to the first dimension.
    j : int
        index corresponding to the second dimension.
    h : float
        aux grid spacing.

    Returns
    -------
    dFxdx : float
        derivative of first component in x-direction.
    dFxdy : float
        derivative of first component in y-direction.
    dFydx : float
        derivative of second component in x-direction.
    dFydy : float
        derivative of second component in y-direction.

    """

    dFxdx = (F_aux[i, j, 0, 0] - F_aux[i, j, 1, 0]) / (2 * h)
    dFxdy = (F_aux[i, j, 2, 0] - F_aux[i, j, 3, 0]) / (2 * h)
    dFydx = (F_aux[i, j, 0, 1] - F_aux[i, j, 1, 1]) / (2 * h)
    dFydy = (F_aux[i, j, 2, 1] - F_aux[i, j, 3, 1]) / (2 * h)

    return dFxdx, dFxdy, dFydx, dFydy


@njit(inline="always")
def gradF_main_stencil_2D(F_aux, i, j, dx, dy):
    """
    Stencil for computing the gradient of F_aux, a grid of 2D vectors, at (i, j),
    using the main grid, with spacing dx, dy. Not boundary safe.

    Parameters
    ----------
    F_aux : np.ndarray, shape = (nx, ny, 5, 2)
        values of the vector F over aux-grid.
    i : int
        index corresponding to the first dimension.
    j : int
        index corresponding to the second dimension.
    dx : float
        spacing in x-direction.
    dy : float
        spacing in y-direction.

    Returns
    -------
    dFxdx : float
        derivative of first component in x-direction.
    dFxdy : float
        derivative of first component in y-direction.
    dFydx : float
        derivative of second component in x-direction.
    dFydy : float
        derivative of second component in y-direction.

    """

    dFxdx = (F_aux[i + 1, j, -1, 0] - F_aux[i - 1, j, -1, 0]) / (2 * dx)
    dFxdy = (F_aux[i, j + 1, -1, 0] - F_aux[i, j - 1, -1, 0]) / (2 * dy)
    dFydx = (F_aux[i + 1, j, -1, 1] - F_aux[i - 1, j, -1, 1]) / (2 * dx)
    dFydy = (F_aux[i, j + 1, -1, 1] - F_aux[i, j - 1, -1, 1]) / (2 * dy)

    return dFxdx, dFxdy, dFydx, dFydy


@njit(inline="always")
def gradUV_stencil_2D(U, V, i, j, dx, dy):
    """
    Stencil for computing the gradient of velocity, defined by U, V, at (i, j),
    with spacing dx and dy. Not boundary safe.

    Parameters
    ----------
    U : np.ndarray, shape = (nx, ny)
        velocity in x-direction.
    V : np.ndarray, shape = (nx, ny)
        velocity in y-direction.
    i : int
        index corresponding to the first dimension.
    j : int
        index corresponding to the second dimension.
    dx : float
        spacing in x-direction.
    dy : float
        spacing in y-direction.

    Returns
    -------
    dUdx : float
        derivative of x velocity in x-direction.
    dUdy : float
        derivative of x velocity in y-direction.
    dVdx : float
        derivative of y velocity in x-direction.
    dVdy : float
        derivative of y velocity in y-direction.

    """
    dUdx = (U[i + 1, j] - U[i - 1, j]) / (2 * dx)
    dUdy = (U[i, j + 1] - U[i, j - 1]) / (2 * dy)
    dVdx = (V[i + 1, j] - V[i - 1, j]) / (2 * dx)
    dVdy = (V[i, j + 1] - V[i, j - 1]) / (2 * dy)

    return dUdx, dUdy, dVdx, dVdy


@njit(inline="always")
def eigvalsh_max_2D(A):
    """
    Computes the maximum eigenvalue for a Hermetian 2x2 array A.

    Parameters
    ----------
    A : np.ndarray, shape = (2, 2)
        Hermetian 2x2 array.

    Returns
    -------
    float
        maximum eigenvalue of A.

    """

    a, b, d = A[0, 0], A[0, 1], A[1, 1]
    trace = a + d
    discriminant = sqrt((a - d) ** 2 + 4 * (b**2))

    return 0.5 * (trace + discriminant)


@njit(inline="always")
def inv_2D(A):
    """
    Computes the inverse of a 2x2 array A.

    Parameters
    ----------
    A : np.ndarray, shape = (2, 2)
        2x2 array.

    Returns
    -------
    np.ndarray, shape = (2, 2)
        inverse of A.

    """
    a, b, c, d = A[0, 0], A[0, 1], A[1, 0], A[1, 1]

    det = a * d - b * c

    if det != 0:
        return np.array([[d, -b], [-c, a]]) / det
    else:
        return np.zeros((2, 2), numba.float64)


@njit(inline="always")
def vec_dot_2D(v1, v2):
    """
    Vector dot product for 2D vectors.

    Parameters
    ----------
    v1 : np.ndarray, shape=(2,)
        first vector.
    v2 : np.ndarray, shape=(2,)
        second vector.

    Returns
    -------
    float
        dot product.

    """

    return v1[0] * v2[0] + v1[1] * v2[1]


@njit(inline="always")
def vec_dot_3D(v1, v2):
    """
    Vector dot product for 3D vectors.

    Parameters
    ----------
    v1 : np.ndarray, shape=(3,)
        first vector.
    v2 : np.ndarray, shape=(3,)
        second vector.

    Returns
    -------
    float
        dot product.

    """

    return v1[0] * v2[0] + v1[1] * v2[1] + v1[2] * v2[2]


@njit
def unravel_index(index, shape):
    """
    Numba currently does not implement np.unravel_index so we create an implementation
    here for the specific case where order='C' (row-major).

    Parameters
    ----------
    index : int
        raveled index.
    shape : np.ndarray, shape = (ndims,)
        shape of array used for unraveling index.

    Returns
    -------
    np.ndarray
        array containing the unraveled index.

    """

    shape = np.flip(shape)
    arr_ind = np.zeros(len(shape), numba.int64)
    ind = index
    for i in range(len(shape) - 1):
        div_mod = divmod(ind, shape[i])
        arr_ind[i] = div_mod[1]
        ind = div_mod[0]

    arr_ind[-1] = div_mod[0]

    return np.flip(arr_ind)


@njit
def ravel_index(inds, shape):
    """
    Finds raveled index corresponding to grid index given by inds from array with
    shape=shape where shape must be a np.ndarray.

    Parameters
    ----------
    inds : np.ndarray, shape = (ndims,)
        array containing indices to be raveled.
    shape : np.ndarray, shape = (ndims,)
        shape of array used for raveling index.

    Returns
    -------
    r_ind : int
        raveled index.

    """

    r_ind = inds[-1]
    for i, ind in enumerate(inds[:-1]):
        r_ind += ind * np.prod(shape[i + 1 :])

    return r_ind


@njit
def finite_diff_ND(f, ind, h, axis, shape, direction=0):
    """
    Compute 2nd order partial finite difference in the array f @ [ind] where f is an
    (n_1*n_2*...*n_ndims) array. Axis=axis determines the axis the finite differencing
    will be performed along shape is [n1,n2,...,n_ndims]. shape must be a np.array and
    'ij' indexing is assumed.

    Parameters
    ----------
    f : np.ndarray, shape = (nx_1*nx_2*...*nx_ndims,)
        flattened array of which finite differencing is performed.
    ind : int
        raveled index at which finite differencing is performed.
    h : float
        spacing in axis direction.
    axis : int
        axis over which finite differencing is performed.
    shape : np.ndarray, shape = (ndims,)
        shape of original array before raveled.
    direction : str, optional
        finite differencing direction, optional values are -1 for backward,
        0 for centered, and 1 for forward. The default is 0.

    Returns
    -------
    df : float
        finite difference value.

    """

    di = np.zeros(len(ind), numba.int64)
    di[axis] = 1
    if direction == 0:
        i_p1 = ravel_index(ind + di, shape)
        i_m1 = ravel_index(ind - di, shape)
        df = (f[i_p1] - f[i_m1]) / (2 * h)
    elif direction == -1:
        i = ravel_index(ind, shape)
        i_m1 = ravel_index(ind - di, shape)
        i_m2 = ravel_index(ind - 2 * di, shape)
        df = (3 * f[i] - 4 * f[i_m1] + f[i_m2]) / (2 * h)
    elif direction == 1:
        i = ravel_index(ind, shape)
        i_p1 = ravel_index(ind + di, shape)
        i_p2 = ravel_index(ind + 2 * di, shape)
        df = (-f[i_p2] + 4 * f[i_p1] - 3 * f[i]) / (2 * h)
    else:
        print("Valid difference directions are 0: centered, -1: backward, and 1: forward")

    return df


@njit(parallel=True)
def curl_vel(u, v, dx, dy):
    """
    Compute curl of vector field defined by u and v.

    Parameters
    ----------
    u : np.ndarray, shape = (nx,ny)
        array containing x component of vector field.
    v : np.ndarray, shape = (nx,ny)
        array containing y component of vector field.
    dx : float
        spacing in grid in x-direction.
    dy : float
        spacing in grid in y-direction.

    Returns
    -------
    curl : np.ndarray, shape = (nx,ny)
        array containing values of curl of vector field defined by u and v.

    """
    nx, ny = u.shape
    curl = np.zeros((nx, ny), numba.float64)
    for i in range(1, nx - 1):
        for j in range(1, ny - 1):
            dfydx = (v[i + 1, j] - v[i - 1, j]) / (2 * dx)
            dfxdy = (u[i, j + 1] - u[i, j - 1]) / (2 * dy)

            curl[i, j] = dfydx - dfxdy

    return curl


@njit
def composite_simpsons(f, h):
    """
    Composite Simpson's 1/3 rule to compute integral of f between endpoitns of pts with
    regular spacing given by h.

    Parameters
    ----------
    f : np.ndarray, shape = (n+1,)
        values of f at regularly spaced points.
    h : float
        value of spacing between points at which f was evaluated.

    Returns
    -------
    val : float
        value of integral.

    """
    n = len(f) - 1
    if n % 2 == 0:
        val = f[0]
        val += f[n]
        for k in range(1, n):
            if k % 2 != 0:
                val += 4 * f[k]
            else:
                val += 2 * f[k]

        val *= h / 3

    else:
        n -= 1
        val = f[0]
        val += f[-2]
        for k in range(1, n):
            if k % 2 != 0:
                val += 4 * f[k]
            else:
                val += 2 * f[k]

        val *= h / 3
        val += (5 * h / 12) * f[-1] + (2 * h / 3) * f[-2] - (h / 12) * f[-3]

    return val


def lonlat2xyz(Lon, Lat, r, deg2rad=False, return_array=False):
    """
    Convert lon, lat positions to x, y, z.

    Parameters
    ----------
    Lon : np.ndarray, shape=(nx, ny)
        meshgrid of longitude.
    Lat : np.ndarray, shape=(nx, ny)
        meshgrid of latitude.
    r : float
        radius.
    deg2rad : bool, optional
        flag to convert from degree to radians. Lon, Lat must either
        already be in radians, or this flag must be set to True.
        The default is False.
    return_array : bool, optional
        flag to return stacked array instead of tuple. The default is False.

    Returns
    -------
    tuple or np.ndarray
        either tuple or stacked array containing meshgrid of X, Y, Z position.

    """

    if deg2rad:
        Lon = np.deg2rad(Lon)
        Lat = np.deg2rad(Lat)

    Xp = r * np.cos(Lat) * np.cos(Lon)
    Yp = r * np.cos(Lat) * np.sin(Lon)
    Zp = r * np.sin(Lat)

    if return_array:
        return np.stack((Xp, Yp, Zp), axis=-1)
    else:
        return Xp, Yp, Zp


def local_basis_S2(Lon, Lat, deg2rad=False):
    """
    Create a local basis on the surface of the sphere (S2) in x, y, z coords.

    Parameters
    ----------
    Lon : np.ndarray, shape=(nx, ny)
        meshgrid of longitude.
    Lat : np.ndarray, shape=(nx, ny)
        meshgrid of latitude.
    deg2rad : bool, optional
        flag to convert from degree to radians. Lon, Lat must either
        already be in radians, or this flag must be set to True.
        The default is False.

    Returns
    -------
    e1 : np.ndarray, shape=(nx, ny, 2)
        local basis vector in the "east" direction.
    e2 : np.ndarray, shape=(nx, ny, 2)
        local basis vector in the "north" direction.

    """
    nx, ny = Lon.shape
    if deg2rad:
        Lon = np.deg2rad(Lon)
        Lat = np.deg2rad(Lat)

    sinLon = np.sin(Lon)
    sinLat = np.sin(Lat)
    cosLon = np.cos(Lon)
    cosLat = np.cos(Lat)
    e1 = np.stack((-sinLon, cosLon, np.zeros((nx, ny), np.float64)), axis=-1)
    e2 = np.stack((-sinLat * cosLon, -sinLat * sinLon, cosLat), axis=-1)

    return e1, e2


# ---- src/numbacs/diagnostics.py ----
import numpy as np
from math import log
from numba import njit, prange, float64, int32


# %% Wrappers and main functions
def ftle_grid_2D(flowmap, T, dx, dy, mask=None, dilate_mask=True):
    """
    Compute 2D FTLE field from flowmap which is solution of ode over an initial grid defined by x
    and y for integration time T.

    Parameters
    ----------
    flowmap : np.ndarray, shape = (nx, ny, 2)
        array containing final positions of trajectories of initial grid from t0 to t0+T.
    T : float
        integration time.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so finite differencing is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into this function. This flag has no affect if mask=None.
        The default is True.

    Returns
    -------
    ftle : np.ndarray, shape = (nx,ny)
        array containing ftle values.

    """
    if mask is None:
        return _ftle_grid_2D(flowmap, T, dx, dy)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask)

        return _ftle_masked_grid_2D(flowmap, T, dx, dy, mask)


def C_tensor_2D(flowmap_aux, dx, dy, h=1e-5, mask=None, dilate_mask=True):
    """
    Compute eigenvalues and eigenvectors of Cauchy Green tensor in 2D from flowmap_aux which is
    solution of ode over an auxilary grid defined by x,y +-h for integration time T.

    Parameters
    ----------
    flowmap_aux : np.ndarray, shape = (nx,ny,n_aux,2)
        array containing final positions of initial grid with aux grid spacing h from t0 to t0+T.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    h : float, optional
        aux grid spacing. The default is 1e-5.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so finite differencing is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into this function. This flag has no affect if mask=None.
        The default is True.

    Returns
    -------
    C : np.ndarray, shape = (nx,ny,3)
        array containing C11, C12, C22 components of Cauchy Green tensor.

    """

    if mask is None:
        return _C_tensor_2D(flowmap_aux, dx, dy, h=h)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask)

        return _C_tensor_masked_2D(flowmap_aux, dx, dy, mask, h=h)


def C_eig_aux_2D(flowmap_aux, dx, dy, h=1e-5, eig_main=True, mask=None, dilate_mask=True):
    """
    Compute eigenvalues and eigenvectors of Cauchy Green tensor in 2D from flowmap_aux which is
    solution of ode over an auxilary grid defined by x,y +-h for integration time T.

    Parameters
    ----------
    flowmap_aux : np.ndarray, shape = (nx,ny,n_aux,2)
        array containing final positions of initial grid with aux grid spacing h from t0 to t0+T.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    h : float, optional
        aux grid spacing. The default is 1e-5.
    eig_main : boolean, optional
        flag to determine if eigevalues are computed from main grid. The default is True.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so finite differencing is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into this function. This flag has no affect if mask=None.
        The default is True.

    Returns
    -------
    eigvals : np.ndarray, shape = (nx,ny,2)
        array containing eigenvalues values.
    eigvecs : np.ndarray, shape = (nx,ny,2,2)
        array containing eigenvectors.

    """

    if mask is None:
        return _C_eig_aux_2D(flowmap_aux, dx, dy, h=h, eig_main=eig_main)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask)

        return _C_eig_aux_masked_2D(flowmap_aux, dx, dy, mask, h=h, eig_main=eig_main)


def C_eig_2D(flowmap, dx, dy, mask=None, dilate_mask=True):
    """
    Compute eigenvalues and eigenvectors of Cauchy Green tensor in 2D from flowmap which is
    solution of ode over a grid defined by x,y for integration time T.

    Parameters
    ----------
    flowmap : np.ndarray, shape = (nx,ny,2)
        array containing final positions of initial grid from t0 to t0+T.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so finite differencing is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into this function. This flag has no affect if mask=None.
        The default is True.

    Returns
    -------
    eigvals : np.ndarray, shape = (nx,ny,2)
        array containing eigenvalues.
    eigvecs : np.ndarray, shape = (nx,ny,2,2)
        array containing eigenvectors.

    """

    if mask is None:
        return _C_eig_2D(flowmap, dx, dy)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask)

        return _C_eig_masked_2D(flowmap, dx, dy, mask)


def ftle_from_eig(eigval_max, T):
    """
    Compute FTLE field from eigval_max where eigval_max is eigenvalue of Cauchy-Green tensor
    computed using integration time T.

    Parameters
    ----------
    eigval_max : np.ndarray, shape = (nx,ny)
        maximum eigenvalue of Cauchy-Green tensor computed using integration time T.
    T : float
        integration time.

    Returns
    -------
    ftle : np.ndarray, shape = (nx,ny)
        array containing ftle values.

    """

    ftle = np.zeros(eigval_max.shape)
    ftle[np.nonzero(eigval_max > 1)] = np.log(eigval_max[np.nonzero(eigval_max > 1)]) / (2 * abs(T))

    return ftle


def ftle_grid_S2(
    Lon,
    Lat,
    flowmap,
    T,
    r=6371.0,
    full=True,
    initial_points=None,
    local_basis=None,
    deg2rad=True,
    mask=None,
    dilate_mask=True,
):
    r"""
    Computes a more accurate approximation of FTLE on the surface of the
    sphere (S2). Uses the least-squares approximation of the FTLE based
    on grid cell displacements in 3D space. For more info on the background
    theory, see Lekien \& Ross, "The computation of finite-time Lyapunov
    exponents on unstructured meshes and for non-Euclidean manifolds".
    doi: 10.1063/1.3278516.

    Parameters
    ----------
    Lon : np.ndarray, shape=(nx, ny)
        meshgrid of longitude.
    Lat : np.ndarray, shape=(nx, ny)
        meshgrid of latitude.
    flowmap : np.ndarray, shape=(nx, ny, 2)
        final particle positions for whole grid in lon-lat coords.
    T : float
        integration time.
    r : float, optional
        radius of the sphere, will default to the radius of the earth (in km).
        The default is 6371.0.
    full : bool, optional
        flag to determine if full 8 neighbors of grid point are used or just 4.
        The default is True.
    initial_points : None or np.ndarray, shape=(nx, ny, 2), optional
        initial lon-lat points in x,y,z coords. This can be computed using
        initial_points = numbacs.utils.lonlat2xy(Lon, Lat, r, deg2rad=True, return_array=True).
        This is useful if you are computing ftle in a time series, by passing
        is this array you avoid this redundent computation for every iterate.
        The default is None.
    local_basis : None or tuple of np.ndarrays ((nx, ny, 2), (nx, ny, 2)), optional
        local basis on the sphere at initial lon-lat positions. This can be
        computed using local_basis = numbacs.utils.local_basis_S2(Lon, Lat, deg2rad=True).
        Much like initial_points, this is useful when computing ftle in a
        time series, by passing this array you avoid the redundent computation
        for every iterate. Must be passed in if initial_points is not None.
        Will be ignored if initial_points is None. The default is None.
    deg2rad : bool, optional
        flag to convert from degree to radians. Lon, Lat must either
        already be in radians, or this flag must be set to True. Not relevant
        and will be ignored if initial_points is not None. The default is True.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so least squares is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into the mask argument of this function. This flag has
        no affect if mask=None. The default is True.

    Returns
    -------
    np.ndarray, shape=(nx, ny)
        least-squares approximation of ftle on the sphere.

    """

    if initial_points is None:
        if deg2rad:
            Lon, Lat = (np.deg2rad(Lon), np.deg2rad(Lat))
        initial_points = lonlat2xyz(Lon, Lat, r, return_array=True)
        e1, e2 = local_basis_S2(Lon, Lat)
    else:
        if local_basis is None:
            raise TypeError(
                "If initial_points are passed in, local_basis must be passed in as well."
            )
        e1, e2 = local_basis

    advected_points = lonlat2xyz(
        ((flowmap[..., 0] - 180) % 360) - 180, flowmap[..., 1], r, deg2rad=True, return_array=True
    )
    if mask is None:
        X = _displacement_array_proj(initial_points, e1, e2, full=full)
        Ytilde = _displacement_array(advected_points, full=full)
        return _ftle_lsq_opt_2D(X, Ytilde, T)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask, corners=full)

        X = _displacement_array_proj_masked(initial_points, e1, e2, mask, full=full)
        Ytilde = _displacement_array_masked(advected_points, mask, full=full)
        return _ftle_lsq_opt_masked_2D(X, Ytilde, T, mask)


@njit(parallel=True)
def ftle_grid_ND(flowmap, IC, T, dX):
    """
    Compute ND FTLE field from flowmap which is solution of ode over an initial grid defined by IC
    for integration time T.

    Parameters
    ----------
    flowmap : np.ndarray, shape = (nx_1*nx_2*...*nx_ndims,ndims)
        array containing final positions of initial grid from t0 to t0+T.
    IC : np.ndarray, shape = (nx_1,nx_2,...,nx_ndims,ndims)
        initial condition array.
    T : float
        integration time.
    dX : np.ndarray, shape = (ndims,)
        array containing spacing in each x_i direction for i = 1,...,ndims.

    Returns
    -------
    ftle : np.ndarray, shape = (nx_1*nx_2*...*nx_ndims,)
        array containing ftle values.

    """

    grid_shape = np.array(IC.shape[:-1])
    ndims = IC.shape[-1]
    npts = np.prod(grid_shape)
    ftle = np.zeros(npts)
    denom = 2 * abs(T)
    for k in prange(npts):
        inds = unravel_index(k, grid_shape)
        dXdir = np.zeros(ndims, int32)
        for ii, ind in enumerate(inds):
            if ind == 0:
                dXdir[ii] = 1
            elif ind == grid_shape[ii] - 1:
                dXdir[ii] = -1
            else:
                dXdir[ii] = 0
        Df = np.zeros((ndims, ndims), float64)
        for i in range(ndims):
            for j in range(ndims):
                Df[i, j] = finite_diff_ND(flowmap[:, i], inds, dX[j], j, grid_shape, dXdir[j])

        C = np.dot(Df.T, Df)
        max_eig = eigvalsh_max_2D(C)
        if max_eig > 1:
            ftle[k] = log(max_eig) / denom

    return ftle


def ile_2D_data(u, v, dx, dy, mask=None, dilate_mask=True):
    """
    Compute the iLE field from the flow defined by u,v over an intial grid defined by x,y.

    Parameters
    ----------
    u : np.ndarray, shape = (nx,ny)
        array containing velocity values in x-direction.
    v : np.ndarray, shape = (nx,ny)
        array containing velocity values in y-direction.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so finite differencing is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into this function. This flag has no affect if mask=None.
        The default is True.

    Returns
    -------
    ile : np.ndarray, shape = (nx,ny)
        array containing ile values.

    """

    if mask is None:
        return _ile_2D_data(u, v, dx, dy)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask)

        return _ile_masked_2D_data(u, v, dx, dy, mask)


def S_eig_2D_data(u, v, dx, dy, mask=None, dilate_mask=True):
    """
    Compute eigenvalues and eigenvectors of Eulerian rate of strain tensor in 2D from u,v which
    describe the x,y velocity.

    Parameters
    ----------
    u : np.ndarray, shape = (nx, ny)
        array containing velocity values in x-direction.
    v : np.ndarray, shape = (nx, ny)
        array containing velocity values in y-direction.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    mask : None or np.ndarray, shape = (nx, ny, 2), optional
        for masked data, pass in a boolean mask corresponding to nan values
        (True indicates a nan value). The default is None.
    dilate_mask : bool, optional
        expand mask so finite differencing is not erroneously computed near
        mask boundaries. For performance critical applications, set to False
        and compute the dilated mask using a function from numbacs.utils and
        pass that mask into this function. This flag has no affect if mask=None.
        The default is True.


    Returns
    -------
    eigvals : np.ndarray, shape = (nx, ny, 2)
        array containg eigenvalues of S.
    eigvecs : np.ndarray, shape = (nx, ny, 2, 2)
        array containing eigenvectors of S.

    """

    if mask is None:
        return _S_eig_2D_data(u, v, dx, dy)
    else:
        if dilate_mask:
            mask = scipy_dilate_mask(mask)

        return _S_eig_masked_2D_data(u, v, dx, dy, mask)


def ivd_grid_2D(vort, vort_avg):
    """
    Compute IVD at an instant from vort and vort_avg.

    Parameters
    ----------
    vort : np.ndarray, shape = (nx,ny)
        array containg vorticity values.
    vort_avg : float
        value of average spatial vorticity at specific time.

    Returns
    -------
    ivd : np.ndarray, shape = (nx,ny)
        array containing values of ivd.

    """

    ivd = np.abs(vort - vort_avg)
    return ivd


# %% Unmasked versions
@njit(parallel=True)
def _ftle_grid_2D(flowmap, T, dx, dy):
    """
    Compute 2D FTLE field from flowmap which is solution of ode over an initial grid defined by x
    and y for integration time T.

    Parameters
    ----------
    flowmap : np.ndarray, shape = (nx,ny,2)
        array containing final positions of trajectories of initial grid from t0 to t0+T.
    T : float
        integration time.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.

    Returns
    -------
    ftle : np.ndarray, shape = (nx,ny)
        array containing ftle values.

    """
    nx, ny = flowmap.shape[:-1]
    ftle = np.zeros((nx, ny), float64)
    denom = 2 * abs(T)
    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            dxdx, dxdy, dydx, dydy = gradF_stencil_2D(flowmap, i, j, dx, dy)

            off_diagonal = dxdx * dxdy + dydx * dydy
            C = np.array([[dxdx**2 + dydx**2, off_diagonal], [off_diagonal, dxdy**2 + dydy**2]])

            max_eig = eigvalsh_max_2D(C)
            if max_eig > 1:
                ftle[i, j] = log(max_eig) / denom

    return ftle


@njit(parallel=True)
def _C_tensor_2D(flowmap_aux, dx, dy, h=1e-5):
    """
    Compute eigenvalues and eigenvectors of Cauchy Green tensor in 2D from flowmap_aux which is
    solution of ode over an auxilary grid defined by x,y +-h for integration time T.

    Parameters
    ----------
    flowmap_aux : np.ndarray, shape = (nx,ny,n_aux,2)
        array containing final positions of initial grid with aux grid spacing h from t0 to t0+T.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    h : float, optional
        aux grid spacing. The default is 1e-5.

    Returns
    -------
    C : np.ndarray, shape = (nx,ny,3)
        array containing C11, C12, C22 components of Cauchy Green tensor.

    """
    nx, ny = flowmap_aux.shape[:2]
    C = np.zeros((nx, ny, 3), float64)
    for i in prange(2, nx - 2):
        for j in range(2, ny - 2):
            dxdx_aux, dxdy_aux, dydx_aux, dydy_aux = gradF_aux_stencil_2D(flowmap_aux, i, j, h)

            C[i, j, :] = np.array(
                [
                    dxdx_aux**2 + dydx_aux**2,
                    dxdx_aux * dxdy_aux + dydx_aux * dydy_aux,
                    dxdy_aux**2 + dydy_aux**2,
                ]
            )

    return C


@njit(parallel=True)
def _C_eig_aux_2D(flowmap_aux, dx, dy, h=1e-5, eig_main=True):
    """
    Compute eigenvalues and eigenvectors of Cauchy Green tensor in 2D from flowmap_aux which is
    solution of ode over an auxilary grid defined by x,y +-h for integration time T.

    Parameters
    ----------
    flowmap_aux : np.ndarray, shape = (nx,ny,n_aux,2)
        array containing final positions of initial grid with aux grid spacing h from t0 to t0+T.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.
    h : float, optional
        aux grid spacing. The default is 1e-5.
    eig_main : boolean, optional
        flag to determine if eigevalues are computed from main grid. The default is True.

    Returns
    -------
    eigvals : np.ndarray, shape = (nx,ny,2)
        array containing eigenvalues values.
    eigvecs : np.ndarray, shape = (nx,ny,2,2)
        array containing eigenvectors.

    """

    nx, ny = flowmap_aux.shape[:-2]
    eigvals = np.zeros((nx, ny, 2), float64)
    eigvecs = np.zeros((nx, ny, 2, 2), float64)
    if eig_main:
        for i in prange(2, nx - 2):
            for j in range(2, ny - 2):
                dxdx_aux, dxdy_aux, dydx_aux, dydy_aux = gradF_aux_stencil_2D(flowmap_aux, i, j, h)

                dxdx_main, dxdy_main, dydx_main, dydy_main = gradF_main_stencil_2D(
                    flowmap_aux, i, j, dx, dy
                )

                off_diagonal_aux = dxdx_aux * dxdy_aux + dydx_aux * dydy_aux
                C_aux = np.array(
                    [
                        [dxdx_aux**2 + dydx_aux**2, off_diagonal_aux],
                        [off_diagonal_aux, dxdy_aux**2 + dydy_aux**2],
                    ]
                )

                off_diagonal_main = dxdx_main * dxdy_main + dydx_main * dydy_main
                C_main = np.array(
                    [
                        [dxdx_main**2 + dydx_main**2, off_diagonal_main],
                        [off_diagonal_main, dxdy_main**2 + dydy_main**2],
                    ]
                )

                _, evecs_tmp = np.linalg.eigh(C_aux)
                evals_tmp = np.linalg.eigvalsh(C_main)
                eigvals[i, j, :] = evals_tmp
                eigvecs[i, j, :, :] = evecs_tmp

    else:
        for i in prange(1, nx - 1):
            for j in range(1, ny - 1):
                dxdx, dxdy, dydx, dydy = gradF_aux_stencil_2D(flowmap_aux, i, j, h)

                off_diagonal = dxdx * dxdy + dydx * dydy
                C = np.array([[dxdx**2 + dydx**2, off_diagonal], [off_diagonal, dxdy**2 + dydy**2]])

                evals_tmp, evecs_tmp = np.linalg.eigh(C)
                eigvals[i, j, :] = evals_tmp
                eigvecs[i, j, :, :] = evecs_tmp

    return eigvals, eigvecs


@njit(parallel=True)
def _C_eig_2D(flowmap, dx, dy):
    """
    Compute eigenvalues and eigenvectors of Cauchy Green tensor in 2D from flowmap which is
    solution of ode over a grid defined by x,y for integration time T.

    Parameters
    ----------
    flowmap : np.ndarray, shape = (nx,ny,2)
        array containing final positions of initial grid from t0 to t0+T.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.

    Returns
    -------
    eigvals : np.ndarray, shape = (nx,ny,2)
        array containing eigenvalues.
    eigvecs : np.ndarray, shape = (nx,ny,2,2)
        array containing eigenvectors.

    """

    nx, ny = flowmap.shape[:-1]
    eigvals = np.zeros((nx, ny, 2), float64)
    eigvecs = np.zeros((nx, ny, 2, 2), float64)
    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            dxdx, dxdy, dydx, dydy = gradF_stencil_2D(flowmap, i, j, dx, dy)

            off_diagonal = dxdx * dxdy + dydx * dydy
            C = np.array([[dxdx**2 + dydx**2, off_diagonal], [off_diagonal, dxdy**2 + dydy**2]])

            evals_tmp, evecs_tmp = np.linalg.eigh(C)
            eigvals[i, j, :] = evals_tmp  # largest eigenvalue first
            eigvecs[i, j, :, :] = evecs_tmp

    return eigvals, eigvecs


@njit(parallel=True)
def _displacement_array_proj(points, e1, e2, full=True):
    """Compute displacement array and project onto local basis."""

    nx, ny = points.shape[:-1]

    if full:
        n = 8
        stencil = np.array([[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]])
    else:
        n = 4
        stencil = np.array([[1, 0], [-1, 0], [0, 1], [0, -1]])
    X = np.zeros((nx, ny, 2, n), float64)

    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            p0 = points[i, j, :]
            e1i = e1[i, j, :]
            e2i = e2[i, j, :]
            for k in range(n):
                ii, jj = stencil[k]
                uk = points[i + ii, j + jj, :] - p0
                X[i, j, 0, k] = vec_dot_3D(uk, e1i)
                X[i, j, 1, k] = vec_dot_3D(uk, e2i)
    return X


@njit(parallel=True)
def _displacement_array(points, full=True):
    """Compute displacement array."""

    nx, ny = points.shape[:-1]

    if full:
        n = 8
        stencil = np.array([[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]])
    else:
        n = 4
        stencil = np.array([[1, 0], [-1, 0], [0, 1], [0, -1]])
    X = np.zeros((nx, ny, 3, n), float64)

    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            p0 = points[i, j, :]
            for k in range(n):
                ii, jj = stencil[k, :]
                X[i, j, :, k] = points[i + ii, j + jj, :] - p0
    return X


@njit(parallel=True)
def _ftle_lsq_opt_2D(X, Ytilde, T):
    r"""
    Compute FTLE on a 2D manifold using the least-squares estimate. The X
    array contains the initial displacements calculated in the embedded space,
    projected onto a local basis of the tangent space on the manifold. The
    Y array contains the final displacements calculated in the embedded space.
    This function performs all linear algebra manually to optimize memory
    access and avoid cache misses. For more info on the background theory,
    see Lekien \& Ross. "The computation of finite-time Lyapunov exponents on
    unstructured meshes and for non-Euclidean manifolds". doi: 10.1063/1.3278516.

    Parameters
    ----------
    X : np.ndarray, shape = (nx, ny, 2, n)
        initial displacements of n nearby points.
    Ytilde : np.ndarray, shape = (nx, ny, 3, n)
        final displacements of n nearby points.
    T : float
        integration time.

    Returns
    -------
    ftle : np.ndarray, shape = (nx, ny)
        ftle values.

    """
    nx, ny = X.shape[:2]
    n = X.shape[-1]
    ftle = np.zeros((nx, ny), float64)
    denom = 2.0 * abs(T)

    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            # The operations here are really just the following:
            # Mtilde = (Ytilde @ X.T) @ (np.linalg.inv(X @ X.T))
            # C = Mtilde.T @ Mtilde
            # max_eig = np.linalg.eigvalsh(C)[-1]
            # ftle[i,j] = (1 / denom) * log(max_eig)
            #
            # We do the following to avoid memory access problems and
            # significantly speed up the computations

            XXT = np.zeros((2, 2), float64)
            for r in range(2):
                for c in range(2):
                    val = 0.0
                    for k in range(n):
                        val += X[i, j, r, k] * X[i, j, c, k]
                    XXT[r, c] = val

            XXT_inv = inv_2D(XXT)

            YXT = np.zeros((3, 2), float64)
            for r in range(3):
                for c in range(2):
                    val = 0.0
                    for k in range(n):
                        val += Ytilde[i, j, r, k] * X[i, j, c, k]
                    YXT[r, c] = val

            Mtilde = np.zeros((3, 2), float64)
            for r in range(3):
                for c in range(2):
                    val = 0.0
                    for k in range(2):
                        val += YXT[r, k] * XXT_inv[k, c]
                    Mtilde[r, c] = val

            C = np.zeros((2, 2), float64)
            for r in range(2):
                for c in range(2):
                    val = 0.0
                    for k in range(3):
                        val += Mtilde[k, r] * Mtilde[k, c]
                    C[r, c] = val

            max_eig = eigvalsh_max_2D(C)

            if max_eig > 0:
                ftle[i, j] = log(max_eig) / denom

    return ftle


@njit(parallel=True)
def _ile_2D_func(vel, x, y, t0=None, h=1e-3):
    """
    Compute the iLE field from the flow defined by vel which is a jit-callable function, step size
    of h is used in finite differencing.

    Parameters
    ----------
    vel : jit-callable
        function returing interpolated of function value of velocity in x,y directions.
    x : np.ndarray, shape = (nx,)
        array containing x-values.
    y : np.ndarray, shape = (ny,)
        array containing y-values.
    t0: float or None, optional
        time value at which to evaluate if v1,v2 interpolants depend on time, if they do not
        depend on time, set to None. The default is None.
    h : float, optional
        step size to be used in finite differencing. The default is 1e-3.

    Returns
    -------
    ile : np.ndarray, shape = (nx,ny)
        array containing ile values.

    """

    nx, ny = len(x), len(y)
    ile = np.zeros((nx, ny), float64)
    if t0 is None:
        dx_vec = np.array([h, 0.0], float64)
        dy_vec = np.array([0.0, h], float64)
        for i in prange(1, nx - 1):
            for j in range(1, ny - 1):
                pt = np.array([x[i], y[j]], float64)

                dudx, dvdx = (vel(pt + dx_vec) - vel(pt - dx_vec)) / (2 * h)
                dudy, dvdy = (vel(pt + dy_vec) - vel(pt - dy_vec)) / (2 * h)

                grad_vel = np.array([[dudx, dudy], [dvdx, dvdy]])
                S = 0.5 * (grad_vel + grad_vel.T)
                ile[i, j] = eigvalsh_max_2D(S)
    else:
        dx_vec = np.array([0.0, h, 0.0], float64)
        dy_vec = np.array([0.0, 0.0, h], float64)
        for i in prange(1, nx - 1):
            for j in range(1, ny - 1):
                pt = np.array([t0, x[i], y[j]], float64)

                dudx, dvdx = (vel(pt + dx_vec) - vel(pt - dx_vec)) / (2 * h)
                dudy, dvdy = (vel(pt + dy_vec) - vel(pt - dy_vec)) / (2 * h)

                grad_vel = np.array([[dudx, dudy], [dvdx, dvdy]])
                S = 0.5 * (grad_vel + grad_vel.T)
                ile[i, j] = eigvalsh_max_2D(S)

    return ile


@njit(parallel=True)
def _S_2D_func(vel, x, y, t0=None, h=1e-3):
    """
    Compute Eulerian rate of strain tensor in 2D from vel which is a jit-callable functions,
    step size of h is used for finite differencing.

    Parameters
    ----------
    v1 : jit-callable
        function returing interpolated value of velocity in x-direction.
    v2 : jit-callable
        function returing interpolated value of velocity in y-direction.
    x : np.ndarray, shape = (nx,)
        array containing x-values.
    y : np.ndarray, shape = (ny,)
        array containing y-values.
    t0: float or None, optional
        time value at which to evaluate if v1,v2 interpolants depend on time, if they do not
        depend on time, set to None. The default is None.
    h : float, optional
        step size to be used in finite differencing. The default is 1e-3.

    Returns
    -------
    S : np.ndarray, shape = (nx,ny)
        S11,S12, and S22 components of S tensor.

    """

    nx, ny = len(x), len(y)
    S = np.zeros((nx, ny, 3), float64)
    if t0 is None:
        dx_vec = np.array([h, 0.0], float64)
        dy_vec = np.array([0.0, h], float64)
        for i in prange(nx):
            for j in range(ny):
                pt = np.array([x[i], y[j]], float64)

                dudx, dvdx = (vel(pt + dx_vec) - vel(pt - dx_vec)) / (2 * h)
                dudy, dvdy = (vel(pt + dy_vec) - vel(pt - dy_vec)) / (2 * h)
                S[i, j, :] = np.array([dudx, 0.5 * (dudy + dvdx), dvdy])
    else:
        dx_vec = np.array([0.0, h, 0.0], float64)
        dy_vec = np.array([0.0, 0.0, h], float64)
        for i in prange(nx):
            for j in range(ny):
                pt = np.array([t0, x[i], y[j]], float64)

                dudx, dvdx = (vel(pt + dx_vec) - vel(pt - dx_vec)) / (2 * h)
                dudy, dvdy = (vel(pt + dy_vec) - vel(pt - dy_vec)) / (2 * h)
                S[i, j, :] = np.array([dudx, 0.5 * (dudy + dvdx), dvdy])

    return S


@njit(parallel=True)
def _ile_2D_data(u, v, dx, dy):
    """
    Compute the iLE field from the flow defined by u,v over an intial grid defined by x,y.

    Parameters
    ----------
    u : np.ndarray, shape = (nx,ny)
        array containing velocity values in x-direction.
    v : np.ndarray, shape = (nx,ny)
        array containing velocity values in y-direction.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.

    Returns
    -------
    ile : np.ndarray, shape = (nx,ny)
        array containing ile values.

    """

    nx, ny = u.shape
    ile = np.zeros((nx, ny))
    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            dudx, dudy, dvdx, dvdy = gradUV_stencil_2D(u, v, i, j, dx, dy)
            grad_vel = np.array([[dudx, dudy], [dvdx, dvdy]])
            S = 0.5 * (grad_vel + grad_vel.T)
            ile[i, j] = eigvalsh_max_2D(S)

    return ile


@njit(parallel=True)
def _S_eig_2D_data(u, v, dx, dy):
    """
    Compute eigenvalues and eigenvectors of Eulerian rate of strain tensor in 2D from u,v which
    describe the x,y velocity.

    Parameters
    ----------
    u : np.ndarray, shape = (nx,ny)
        array containing velocity values in x-direction.
    v : np.ndarray, shape = (nx,ny)
        array containing velocity values in y-direction.
    dx : float
        grid spacing in x-direction.
    dy : float
        grid spacing in y-direction.

    Returns
    -------
    eigvals : np.ndarray, shape = (nx,ny,2)
        array containg eigenvalues of S.
    eigvecs : np.ndarray, shape = (nx,ny,2,2)
        array containing eigenvectors of S.

    """

    nx, ny = u.shape
    eigvals = np.zeros((nx, ny, 2), float64)
    eigvecs = np.zeros((nx, ny, 2, 2), float64)
    for i in prange(1, nx - 1):
        for j in range(1, ny - 1):
            dudx, dudy, dvdx, dvdy = gradUV_stencil_2D(u, v, i, j, dx, dy)
            grad_vel = np.array([[dudx, dudy], [dvdx, dvdy]])
            S = 0.5 * (grad_vel + grad_vel.T)
            evals_tmp, evecs_tmp = np.linalg.eigh(S)
            eigvals[i, j, :] = evals_tmp
            eigvecs[i, j, :, :] = evecs_tmp

    return eigvals, eigvecs


# ---- harness (not part of the program) ----
ENTRY = "numbacs_diagnostics"

_A, _EPS, _OM = 0.1, 0.25, 0.2 * np.pi


def _dg(t, x, y):
    a = _EPS * np.sin(_OM * t)
    b = 1.0 - 2.0 * a
    f = a * x * x + b * x
    dfdx = 2.0 * a * x + b
    u = -np.pi * _A * np.sin(np.pi * f) * np.cos(np.pi * y)
    v = np.pi * _A * np.cos(np.pi * f) * np.sin(np.pi * y) * dfdx
    return u, v


def _advect(x, y, t0, T, nsteps):
    h = T / nsteps
    t = t0
    for _ in range(nsteps):
        k1 = _dg(t, x, y)
        k2 = _dg(t + h / 2, x + h / 2 * k1[0], y + h / 2 * k1[1])
        k3 = _dg(t + h / 2, x + h / 2 * k2[0], y + h / 2 * k2[1])
        k4 = _dg(t + h, x + h * k3[0], y + h * k3[1])
        x = x + h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])
        y = y + h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
        t += h
    return x, y


@njit
def _dg_vel_steady(pt):
    x, y = pt[0], pt[1]
    u = -np.pi * 0.1 * np.sin(np.pi * x) * np.cos(np.pi * y)
    v = np.pi * 0.1 * np.cos(np.pi * x) * np.sin(np.pi * y)
    return np.array([u, v])


@njit
def _dg_vel_t(pt):
    t, x, y = pt[0], pt[1], pt[2]
    a = 0.25 * np.sin(0.2 * np.pi * t)
    b = 1.0 - 2.0 * a
    f = a * x * x + b * x
    u = -np.pi * 0.1 * np.sin(np.pi * f) * np.cos(np.pi * y)
    v = np.pi * 0.1 * np.cos(np.pi * f) * np.sin(np.pi * y) * (2.0 * a * x + b)
    return np.array([u, v])


def _sign_fix(vecs):
    vecs = vecs.copy()
    flip = vecs[..., 0, :] < 0
    vecs[..., 0, :] = np.where(flip, -vecs[..., 0, :], vecs[..., 0, :])
    vecs[..., 1, :] = np.where(flip, -vecs[..., 1, :], vecs[..., 1, :])
    return vecs


def numbacs_diagnostics(x, y, lon, lat, T):
    dx, dy = x[1] - x[0], y[1] - y[0]
    X, Y = np.meshgrid(x, y, indexing="ij")
    fx, fy = _advect(X, Y, 0.0, T, 40)
    flowmap = np.stack((fx, fy), axis=-1)
    h = 1e-4
    aux = np.zeros(X.shape + (5, 2))
    for k, (ox, oy) in enumerate(((h, 0.0), (-h, 0.0), (0.0, h), (0.0, -h),
                                  (0.0, 0.0))):
        ax, ay = _advect(X + ox, Y + oy, 0.0, T, 40)
        aux[:, :, k, 0] = ax
        aux[:, :, k, 1] = ay
    ftle = ftle_grid_2D(flowmap, T, dx, dy)
    C = C_tensor_2D(aux, dx, dy, h=h)
    ev_a, evec_a = C_eig_aux_2D(aux, dx, dy, h=h)
    ev_b, evec_b = C_eig_aux_2D(aux, dx, dy, h=h, eig_main=False)
    ev_c, evec_c = C_eig_2D(flowmap, dx, dy)
    ftle_eig = ftle_from_eig(ev_c[:, :, 1], T)
    ftle_nd = ftle_grid_ND(flowmap.reshape(-1, 2), np.stack((X, Y), axis=-1),
                           T, np.array([dx, dy]))
    Lon, Lat = np.meshgrid(lon, lat, indexing="ij")
    flow_s2 = np.stack((Lon + 3.0 * np.sin(np.deg2rad(Lat)) + 190.0,
                        Lat + 0.5 * np.cos(np.deg2rad(Lon))), axis=-1)
    ftle_s2 = ftle_grid_S2(Lon, Lat, flow_s2, T)
    ftle_s2_4 = ftle_grid_S2(Lon, Lat, flow_s2, T, r=1.0, full=False)
    u, v = _dg(0.5, X, Y)
    ile_d = ile_2D_data(u, v, dx, dy)
    sv, svec = S_eig_2D_data(u, v, dx, dy)
    ile_f = _ile_2D_func(_dg_vel_steady, x, y)
    ile_ft = _ile_2D_func(_dg_vel_t, x, y, t0=0.5, h=1e-4)
    S_f = _S_2D_func(_dg_vel_t, x, y, t0=1.5)
    curl = curl_vel(u, v, dx, dy)
    ivd = ivd_grid_2D(curl, curl.mean())
    simp = (composite_simpsons(np.sin(x), dx),
            composite_simpsons(np.sin(x[:-1]), dx))
    shp = np.array([4, 3, 5])
    rt = [ravel_index(unravel_index(k, shp), shp) for k in (0, 7, 31, 59)]
    return (flowmap, ftle, C, ev_a, _sign_fix(evec_a), ev_b,
            _sign_fix(evec_b), ev_c, _sign_fix(evec_c), ftle_eig, ftle_nd,
            ftle_s2, ftle_s2_4, ile_d, sv, _sign_fix(svec), ile_f, ile_ft,
            S_f, curl, ivd, simp, rt)


def inputs():
    x = np.linspace(0.0, 2.0, 21)
    y = np.linspace(0.0, 1.0, 11)
    lon = np.linspace(-40.0, 40.0, 9)
    lat = np.linspace(-30.0, 40.0, 8)
    return (x, y, lon, lat, 5.0)
