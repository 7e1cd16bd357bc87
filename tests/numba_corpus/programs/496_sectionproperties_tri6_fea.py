# Source: robbievanleeuwen/section-properties src/sectionproperties/analysis/fea.py (at commit b2ce4ca2)
# Licence: MIT (sectionproperties, LICENSE: "MIT License", Copyright © 2023 Robbie van Leeuwen)
# Notes: finite-element kernels of sectionproperties, which computes the geometric, warping and shear properties of beam cross-sections on a mesh of six-noded quadratic triangles (geometry/meshes, FEM): __shape_function_cached (@cache over @njit(cache=True, nogil=True)) takes the element's 12 node coordinates as a tuple of floats and a Gauss point as a 3-tuple, builds the Tri6 shape functions and their isoparametric derivatives with np.array of nested lists, the Jacobian from a (3, 6) @ (6, 2) product assigned into j[:, 1:], its determinant with np.linalg.det, the strain matrix via np.linalg.solve in a conditional expression, and unpacks `nx, ny = coords_array @ n`; the jitted helpers _assemble_torsion, _assemble_shear_load and _assemble_shear_coefficients accumulate element stiffness matrices and load vectors with b.transpose() @ b and small np.array right-hand sides, _shear_parameter returns a 6-tuple, extrapolate_to_nodes multiplies by the module-level h_inv matrix, principal_coordinate/global_coordinate rotate points; point_above_line (np.cross of 2-vectors, which this Numba rejects) is pasted but not called. Pasted: the module's imports, the guarded numba import and every function outside the Tri6 class, in file order (left out: the Tri6 dataclass, which needs sectionproperties' Material); the harness does what Tri6.geometric_properties, torsion_properties, shear_load_vectors and shear_coefficients do for every element of a structured Tri6 mesh of a 2 x 1 parallelogram (24 elements, unit elastic modulus), with the Gauss points of gauss_points(n=4) and gauss_points(n=6)
"""FEA classes and miscellaneous functions.

Finite element classes:

* Tri6 (six-noded quadratic triangular element)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from collections.abc import Callable

    from sectionproperties.pre.pre import Material


# numba is an optional dependency
try:
    from numba import njit
except ImportError:

    def njit(cache: bool, nogil: bool) -> Callable[[Any], Any]:
        """Empty decorator if numba is not installed.

        Returns:
            Empty njit decorator.
        """

        def decorator(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
            """Decorator.

            Args:
                func: Function to decorate.

            Returns:
                Decorated function.
            """

            def wrapper(*args: Any, **kwargs: Any) -> Callable[[Any], Any]:
                """Wrapper.

                Args:
                    args: Arguments.
                    kwargs: Keyword arguments.

                Returns:
                    Wrapped function.
                """
                return func(*args, **kwargs)

            return wrapper

        return decorator


@njit(cache=True, nogil=True)
def _assemble_torsion(
    k_el: npt.NDArray[np.float64],
    f_el: npt.NDArray[np.float64],
    c_el: npt.NDArray[np.float64],
    n: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    weight: float,
    nx: float,
    ny: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Utility function for calculating the torsion stiffness matrix and load vector.

    Args:
        k_el: Element stiffness matrix
        f_el: Element load vector
        c_el: Element constraint vector
        n: Shape function
        b: Strain matrix
        weight: Effective weight
        nx: Global x-coordinate
        ny: Global y-coordinate

    Returns:
        Torsion stiffness matrix and load vector (``k_el``, ``f_el``, ``c_el``)
    """
    # calculated modulus weighted stiffness matrix and load vector
    k_el += weight * b.transpose() @ b
    f_el += weight * b.transpose() @ np.array([ny, -nx])
    c_el += weight * n
    return k_el, f_el, c_el


@njit(cache=True, nogil=True)
def _shear_parameter(
    nx: float,
    ny: float,
    ixx: float,
    iyy: float,
    ixy: float,
) -> tuple[float, float, float, float, float, float]:
    """Utility function for calculating the shear parameters.

    Args:
        nx: Global x-coordinate
        ny: Global y-coordinate
        ixx: Second moment of area about the centroidal x-axis
        iyy: Second moment of area about the centroidal y-axis
        ixy: Second moment of area about the centroidal xy-axis

    Returns:
        Shear parameters (``r``, ``q``, ``d1``, ``d2``, ``h1``, ``h2``)
    """
    # determine shear parameters
    r = nx**2 - ny**2
    q = 2 * nx * ny
    d1 = ixx * r - ixy * q
    d2 = ixy * r + ixx * q
    h1 = -ixy * r + iyy * q
    h2 = -iyy * r - ixy * q
    return r, q, d1, d2, h1, h2


@njit(cache=True, nogil=True)
def _assemble_shear_load(
    f_psi: npt.NDArray[np.float64],
    f_phi: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    n: npt.NDArray[np.float64],
    weight: float,
    nx: float,
    ny: float,
    ixx: float,
    iyy: float,
    ixy: float,
    nu: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Utility function for calculating the shear load vectors.

    Args:
        f_psi: Values of the psi shear function at the element nodes
        f_phi: Values of the phi shear function at the element nodes
        b: Strain matrix
        n: Shape function
        weight: Effective weight
        nx: Global x-coordinate
        ny: Global y-coordinate
        ixx: Second moment of area about the centroidal x-axis
        iyy: Second moment of area about the centroidal y-axis
        ixy: Second moment of area about the centroidal xy-axis
        nu: Poisson's ratio

    Returns:
        Shear load vectors (``f_psi``, ``f_phi``)
    """
    _, _, d1, d2, h1, h2 = _shear_parameter(nx, ny, ixx, iyy, ixy)

    f_psi += weight * (
        nu / 2 * b.transpose() @ np.array([d1, d2])
        + 2 * (1 + nu) * n * (ixx * nx - ixy * ny)
    )
    f_phi += weight * (
        nu / 2 * b.transpose() @ np.array([h1, h2])
        + 2 * (1 + nu) * n * (iyy * ny - ixy * nx)
    )
    return f_psi, f_phi


@njit(cache=True, nogil=True)
def _assemble_shear_coefficients(
    kappa_x: float,
    kappa_y: float,
    kappa_xy: float,
    psi_shear: npt.NDArray[np.float64],
    phi_shear: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    weight: float,
    nx: float,
    ny: float,
    ixx: float,
    iyy: float,
    ixy: float,
    nu: float,
) -> tuple[float, float, float]:
    """Utility function for calculating the shear deformation coefficients.

    Args:
        kappa_x: Shear deformation coefficient about the x-axis
        kappa_y: Shear deformation coefficient about the y-axis
        kappa_xy: Shear deformation coefficient about the xy-axis
        psi_shear: Values of the psi shear function at the element nodes
        phi_shear: Values of the phi shear function at the element nodes
        b: Strain matrix
        weight: Effective weight
        nx: Global x-coordinate
        ny: Global y-coordinate
        ixx: Second moment of area about the centroidal x-axis
        iyy: Second moment of area about the centroidal y-axis
        ixy: Second moment of area about the centroidal xy-axis
        nu: Poisson's ratio

    Returns:
        Shear deformation coefficients (``kappa_x``, ``kappa_y``, ``kappa_xy``)

    """
    _, _, d1, d2, h1, h2 = _shear_parameter(nx, ny, ixx, iyy, ixy)

    b_psi_d = b @ psi_shear - nu / 2 * np.array([d1, d2])  # 2x1
    b_phi_h = b @ phi_shear - nu / 2 * np.array([h1, h2])  # 2x1

    kappa_x += weight * b_psi_d.dot(b_psi_d)  # 6.133
    kappa_y += weight * b_phi_h.dot(b_phi_h)  # 6.137
    kappa_xy += weight * b_psi_d.dot(b_phi_h)  # 6.140
    return kappa_x, kappa_y, kappa_xy


@cache
def gauss_points(*, n: int) -> npt.NDArray[np.float64]:
    """Gaussian weights and locations for ``n`` point Gaussian integration of a Tri6.

    Reference:
        https://doi.org/10.2307/2002483
        https://doi.org/10.1002/nme.1620070316

    Args:
        n: Number of Gauss points (1, 3, 4 or 6)

    Raises:
        ValueError: ``n`` is invalid

    Returns:
        An ``n x 4`` matrix consisting of the integration weight and the ``eta``, ``xi``
        and ``zeta`` locations for ``n`` Gauss points
    """
    if n == 1:
        # one point gaussian integration
        return np.array([[1.0, 1.0 / 3, 1.0 / 3, 1.0 / 3]], dtype=float)

    if n == 3:
        # three point gaussian integration
        return np.array(
            [
                [1.0 / 3, 2.0 / 3, 1.0 / 6, 1.0 / 6],
                [1.0 / 3, 1.0 / 6, 2.0 / 3, 1.0 / 6],
                [1.0 / 3, 1.0 / 6, 1.0 / 6, 2.0 / 3],
            ],
            dtype=float,
        )

    if n == 4:
        # four-point integration
        return np.array(
            [
                [-27.0 / 48.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0],
                [25.0 / 48.0, 0.6, 0.2, 0.2],
                [25.0 / 48.0, 0.2, 0.6, 0.2],
                [25.0 / 48.0, 0.2, 0.2, 0.6],
            ],
            dtype=float,
        )

    if n == 6:
        # six point gaussian integration
        g1 = 1.0 / 18 * (8 - np.sqrt(10) + np.sqrt(38 - 44 * np.sqrt(2.0 / 5)))
        g2 = 1.0 / 18 * (8 - np.sqrt(10) - np.sqrt(38 - 44 * np.sqrt(2.0 / 5)))
        w1 = (620 + np.sqrt(213125 - 53320 * np.sqrt(10))) / 3720
        w2 = (620 - np.sqrt(213125 - 53320 * np.sqrt(10))) / 3720

        return np.array(
            [
                [w2, 1 - 2 * g2, g2, g2],
                [w2, g2, 1 - 2 * g2, g2],
                [w2, g2, g2, 1 - 2 * g2],
                [w1, g1, g1, 1 - 2 * g1],
                [w1, 1 - 2 * g1, g1, g1],
                [w1, g1, 1 - 2 * g1, g1],
            ],
            dtype=float,
        )

    msg = "n must be 1, 3, 4 or 6."
    raise ValueError(msg)


tmp_array = np.array([[0, 1, 0], [0, 0, 1]], dtype=np.double)


@cache
@njit(cache=True, nogil=True)
def __shape_function_cached(
    coords: tuple[float, ...],
    gauss_point: tuple[float, float, float],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], float, float, float]:
    """The cached version.

    Args:
        coords: Global coordinates of the quadratic triangle vertices, of size
            ``[1 x 12]``
        gauss_point: Isoparametric location of the Gauss point

    Returns:
        The value of the shape functions ``N(i)`` at the given Gauss point
        (``[1 x 6]``), the derivative of the shape functions in the *j-th* global
        direction ``B(i,j)`` (``[2 x 6]``), the determinant of the Jacobian
        matrix ``j``, the global cooridnates of the Gauss point (``x``, ``y``)
    """
    # location of isoparametric co-ordinates for each Gauss point
    eta, xi, zeta = gauss_point

    # value of the shape functions
    n = np.array(
        [
            eta * (2 * eta - 1),
            xi * (2 * xi - 1),
            zeta * (2 * zeta - 1),
            4 * eta * xi,
            4 * xi * zeta,
            4 * eta * zeta,
        ],
        dtype=np.double,
    )

    # derivatives of the shape functions wrt the isoparametric co-ordinates
    b_iso = np.array(
        [
            [4 * eta - 1, 0, 0, 4 * xi, 0, 4 * zeta],
            [0, 4 * xi - 1, 0, 4 * eta, 4 * zeta, 0],
            [0, 0, 4 * zeta - 1, 0, 4 * xi, 4 * eta],
        ],
        dtype=np.double,
    )

    coords_array = np.array(coords).reshape((2, 6))

    # form Jacobian matrix
    j = np.ones((3, 3))
    j[:, 1:] = b_iso @ coords_array.transpose()

    # calculate the jacobian
    jacobian = 0.5 * np.linalg.det(j)

    # if the area of the element is not zero -> assign, otherwise empty b matrix
    b = tmp_array @ np.linalg.solve(j, b_iso) if jacobian != 0 else np.zeros((2, 6))
    nx, ny = coords_array @ n

    return n, b, jacobian, nx, ny


def shape_function(
    coords: npt.NDArray[np.float64],
    gauss_point: tuple[float, float, float, float],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], float, float, float]:
    """Calculates shape functions, derivates and the Jacobian determinant.

    Computes the shape functions, shape function derivatives and the determinant of the
    Jacobian matrix for a ``Tri6`` element at a given Gauss point.

    Args:
        coords: Global coordinates of the quadratic triangle vertices, of size
            ``[2 x 6]``
        gauss_point: Gaussian weight and isoparametric location of the Gauss point

    Returns:
        The value of the shape functions ``N(i)`` at the given Gauss point
        (``[1 x 6]``), the derivative of the shape functions in the *j-th* global
        direction ``B(i,j)`` (``[2 x 6]``), the determinant of the Jacobian
        matrix ``j``, the global cooridnates of the Gauss point (``x``, ``y``)
    """
    return __shape_function_cached(tuple(coords.ravel()), tuple(gauss_point[1:]))


@cache
@njit(cache=True, nogil=True)
def shape_function_only(p: tuple[float, float, float]) -> npt.NDArray[np.float64]:
    """The values of the ``Tri6`` shape function at a point ``p``.

    Args:
        p: Point (``eta``, ``xi``, ``zeta``) in the local coordinate system.

    Returns:
        The shape function values at ``p``, of size ``[1 x 6]``
    """
    eta, xi, zeta = p

    return np.array(
        [
            eta * (2 * eta - 1),
            xi * (2 * xi - 1),
            zeta * (2 * zeta - 1),
            4 * eta * xi,
            4 * xi * zeta,
            4 * eta * zeta,
        ]
    )


h_inv = np.array(
    [
        [
            1.87365927351160,
            0.138559587411935,
            0.138559587411935,
            -0.638559587411936,
            0.126340726488397,
            -0.638559587411935,
        ],
        [
            0.138559587411935,
            1.87365927351160,
            0.138559587411935,
            -0.638559587411935,
            -0.638559587411935,
            0.126340726488397,
        ],
        [
            0.138559587411935,
            0.138559587411935,
            1.87365927351160,
            0.126340726488396,
            -0.638559587411935,
            -0.638559587411935,
        ],
        [
            0.0749010751157440,
            0.0749010751157440,
            0.180053080734478,
            1.36051633430762,
            -0.345185782636792,
            -0.345185782636792,
        ],
        [
            0.180053080734478,
            0.0749010751157440,
            0.0749010751157440,
            -0.345185782636792,
            1.36051633430762,
            -0.345185782636792,
        ],
        [
            0.0749010751157440,
            0.180053080734478,
            0.0749010751157440,
            -0.345185782636792,
            -0.345185782636792,
            1.36051633430762,
        ],
    ]
)


@njit(cache=True, nogil=True)
def extrapolate_to_nodes(w: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Extrapolates results at six Gauss points to the six nodes of a ``Tri6`` element.

    Args:
        w: Results at the six Gauss points, of size ``[1 x 6]``

    Returns:
        Extrapolated nodal values at the six nodes, of size ``[1 x 6]``
    """
    return h_inv @ w


@njit(cache=True, nogil=True)
def principal_coordinate(
    phi: float,
    x: float,
    y: float,
) -> tuple[float, float]:
    """Converts global coordinates to principal coordinates.

    Args:
        phi: Principal bending axis angle, in degrees
        x: x-coordinate in the global coordinate system
        y: y-coordinate in the global coordinate system

    Returns:
        Principal axis coordinates (``x11``, ``y22``)
    """
    phi = phi * np.pi / 180
    cos_phi = np.cos(phi)
    sin_phi = np.sin(phi)

    return x * cos_phi + y * sin_phi, y * cos_phi - x * sin_phi


@njit(cache=True, nogil=True)
def global_coordinate(
    phi: float,
    x11: float,
    y22: float,
) -> tuple[float, float]:
    """Converts principal coordinates to global coordinates.

    Args:
        phi: Principal bending axis angle, in degrees
        x11: 11-coordinate in the principal coordinate system
        y22: 22-coordinate in the principal coordinate system

    Returns:
        Global axis coordinates (``x``, ``y``)
    """
    phi = phi * np.pi / 180
    cos_phi = np.cos(phi)
    sin_phi = np.sin(phi)

    return x11 * cos_phi - y22 * sin_phi, x11 * sin_phi + y22 * cos_phi


@njit(cache=True, nogil=True)
def point_above_line(
    u: npt.NDArray[np.float64],
    px: float,
    py: float,
    x: float,
    y: float,
) -> bool:
    """Determines whether a point is a above or below a line.

    Args:
        u: Unit vector parallel to the line, of size ``[1 x 2]``
        px: x-coordinate of a point on the line
        py: y-coordinate of a point on the line
        x: x-coordinate of the point to be tested
        y: y-coordinate of the point to be tested

    Returns:
        True if the point is above the line or False if the point is below the line
    """
    # vector from point to point on line
    pq = np.array([px - x, py - y])
    return bool(np.cross(pq, u) > 0)
# ---- harness (not part of the program) ----
ENTRY = "section_analysis"


def _tri6_mesh(width, height, nx, ny, skew=0.35):
    # structured mesh of Tri6 elements: vertex nodes on a (2nx+1) x (2ny+1)
    # grid of points, each cell split into two counter-clockwise triangles
    # with mid-side nodes (1-2, 2-3, 3-1) as the shape functions expect
    xs = np.linspace(0.0, width, 2 * nx + 1)
    ys = np.linspace(0.0, height, 2 * ny + 1)
    elements = []
    for i in range(nx):
        for j in range(ny):
            x0, x1, x2 = xs[2 * i], xs[2 * i + 1], xs[2 * i + 2]
            y0, y1, y2 = ys[2 * j], ys[2 * j + 1], ys[2 * j + 2]
            # triangle (x0,y0) (x2,y0) (x2,y2)
            elements.append(np.array([[x0, x2, x2, x1, x2, x1],
                                      [y0, y0, y2, y0, y1, y1]]))
            # triangle (x0,y0) (x2,y2) (x0,y2)
            elements.append(np.array([[x0, x2, x0, x1, x1, x0],
                                      [y0, y2, y2, y1, y2, y1]]))
    # shear the rectangle into a parallelogram so that ixy is not ~0
    for e in elements:
        e[0] += skew * e[1]
    return elements


def section_analysis(width, height, nx, ny, nu):
    elements = _tri6_mesh(width, height, nx, ny)
    # Tri6.geometric_properties for every element
    area = qx = qy = ixx = iyy = ixy = 0.0
    for coords in elements:
        for gp in gauss_points(n=4):
            _, _, j, gx, gy = shape_function(coords=coords, gauss_point=gp)
            weight = gp[0] * j
            area += weight
            qx += weight * gy
            qy += weight * gx
            ixx += weight * gy ** 2
            iyy += weight * gx ** 2
            ixy += weight * gy * gx
    cx, cy = qy / area, qx / area
    ixx_c = ixx - qx ** 2 / area
    iyy_c = iyy - qy ** 2 / area
    ixy_c = ixy - qx * qy / area
    k_all, f_all, fpsi_all, kappas, nodal = [], [], [], [], []
    for coords in elements:
        # Tri6.torsion_properties (elastic modulus 1)
        k_el = np.zeros(shape=(6, 6), dtype=float)
        f_el = np.zeros(shape=6, dtype=float)
        c_el = np.zeros(shape=6, dtype=float)
        for gp in gauss_points(n=4):
            n, b, j, gx, gy = shape_function(coords=coords, gauss_point=gp)
            k_el, f_el, c_el = _assemble_torsion(k_el, f_el, c_el, n, b,
                                                 gp[0] * j * 1.0, gx - cx, gy - cy)
        # Tri6.shear_load_vectors
        f_psi = np.zeros(shape=6, dtype=float)
        f_phi = np.zeros(shape=6, dtype=float)
        for gp in gauss_points(n=4):
            n, b, j, gx, gy = shape_function(coords=coords, gauss_point=gp)
            f_psi, f_phi = _assemble_shear_load(f_psi, f_phi, b, n, gp[0] * j,
                                                gx - cx, gy - cy, ixx_c, iyy_c,
                                                ixy_c, nu)
        # Tri6.shear_coefficients with nodal shear functions from the loads
        kx = ky = kxy = 0.0
        for gp in gauss_points(n=6):
            _, b, j, gx, gy = shape_function(coords=coords, gauss_point=gp)
            kx, ky, kxy = _assemble_shear_coefficients(
                kx, ky, kxy, f_psi * 10.0, f_phi * 10.0, b, gp[0] * j,
                gx - cx, gy - cy, ixx_c, iyy_c, ixy_c, nu)
        # stresses at the six Gauss points extrapolated to the nodes
        w = np.array([shape_function(coords, gp)[3] for gp in gauss_points(n=6)])
        nodal.append(extrapolate_to_nodes(w))
        k_all.append(k_el)
        f_all.append(np.concatenate((f_el, c_el)))
        fpsi_all.append(np.concatenate((f_psi, f_phi)))
        kappas.append((kx, ky, kxy))
    # principal axes helpers (point_above_line is not called: Numba's
    # np.cross rejects the 2-vectors it passes)
    phi = 0.5 * np.degrees(np.arctan2(-2 * ixy_c, ixx_c - iyy_c))
    x11, y22 = principal_coordinate(phi, 1.3, 0.4)
    gx, gy = global_coordinate(phi, x11, y22)
    n_only = shape_function_only((0.2, 0.3, 0.5))
    return (np.array([area, qx, qy, ixx, iyy, ixy]), np.array(k_all),
            np.array(f_all), np.array(fpsi_all), np.array(kappas),
            np.array(nodal), (x11, y22, gx, gy), n_only)


def inputs():
    return (2.0, 1.0, 4, 3, 0.3)
