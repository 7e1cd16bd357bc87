# Source: UXARRAY/uxarray uxarray/grid/area.py (at commit 1fc29fce)
# Licence: Apache-2.0 (uxarray, LICENSE at commit 1a8135b2: Copyright 2019 University Corporation for Atmospheric Research)
# Notes: the Jacobian of the map from the unit square onto a spherical triangle, the integrand of UXarray's face-area quadrature on unstructured spherical meshes (after TempestRemap's GridElements): calculate_spherical_triangle_jacobian (@njit(cache=True)) builds the bilinearly interpolated point d_f and its two tangent derivatives with np.array of expression lists, projects the derivatives onto the sphere (the d_da_g, d_db_g expressions scaled in place by 1/|f|^3), takes np.cross of the two and returns the norm of the cross product. Pasted: the module's numpy and numba imports (less uxarray.constants, which this function does not use) and calculate_spherical_triangle_jacobian verbatim. The harness passes what calculate_face_area passes for the first sub-triangle of a quadrilateral face of a cubed-sphere-like grid: the three float64 unit-vector nodes (np.array([x, y, z]) of the face's first, second and third nodes) and one point of the scaled 4-point Gauss rule of get_gauss_quadrature_dg (dA = dG[0][1], dB = dG[0][2])
import numpy as np
from numba import njit


@njit(cache=True)
def calculate_spherical_triangle_jacobian(node1, node2, node3, d_a, d_b):
    """Calculate Jacobian of a spherical triangle. This is a helper function
    for calculating face area.

    Parameters
    ----------
    node1 : list, required
        First node of the triangle

    node2 : list, required
        Second node of the triangle

    node3 : list, required
        Third node of the triangle

    d_a : float, required
        quadrature point

    d_b : float, required
        quadrature point

    Returns
    -------
    jacobian : float
    """
    d_f = np.array(
        [
            (1.0 - d_b) * ((1.0 - d_a) * node1[0] + d_a * node2[0]) + d_b * node3[0],
            (1.0 - d_b) * ((1.0 - d_a) * node1[1] + d_a * node2[1]) + d_b * node3[1],
            (1.0 - d_b) * ((1.0 - d_a) * node1[2] + d_a * node2[2]) + d_b * node3[2],
        ]
    )

    d_da_f = np.array(
        [
            (1.0 - d_b) * (node2[0] - node1[0]),
            (1.0 - d_b) * (node2[1] - node1[1]),
            (1.0 - d_b) * (node2[2] - node1[2]),
        ]
    )

    d_db_f = np.array(
        [
            -(1.0 - d_a) * node1[0] - d_a * node2[0] + node3[0],
            -(1.0 - d_a) * node1[1] - d_a * node2[1] + node3[1],
            -(1.0 - d_a) * node1[2] - d_a * node2[2] + node3[2],
        ]
    )

    d_inv_r = 1.0 / np.sqrt(d_f[0] * d_f[0] + d_f[1] * d_f[1] + d_f[2] * d_f[2])

    d_da_g = np.array(
        [
            d_da_f[0] * (d_f[1] * d_f[1] + d_f[2] * d_f[2])
            - d_f[0] * (d_da_f[1] * d_f[1] + d_da_f[2] * d_f[2]),
            d_da_f[1] * (d_f[0] * d_f[0] + d_f[2] * d_f[2])
            - d_f[1] * (d_da_f[0] * d_f[0] + d_da_f[2] * d_f[2]),
            d_da_f[2] * (d_f[0] * d_f[0] + d_f[1] * d_f[1])
            - d_f[2] * (d_da_f[0] * d_f[0] + d_da_f[1] * d_f[1]),
        ]
    )

    d_db_g = np.array(
        [
            d_db_f[0] * (d_f[1] * d_f[1] + d_f[2] * d_f[2])
            - d_f[0] * (d_db_f[1] * d_f[1] + d_db_f[2] * d_f[2]),
            d_db_f[1] * (d_f[0] * d_f[0] + d_f[2] * d_f[2])
            - d_f[1] * (d_db_f[0] * d_f[0] + d_db_f[2] * d_f[2]),
            d_db_f[2] * (d_f[0] * d_f[0] + d_f[1] * d_f[1])
            - d_f[2] * (d_db_f[0] * d_f[0] + d_db_f[1] * d_f[1]),
        ]
    )

    d_denom_term = d_inv_r * d_inv_r * d_inv_r

    d_da_g *= d_denom_term
    d_db_g *= d_denom_term

    #  Cross product gives local Jacobian
    node_cross = np.cross(d_da_g, d_db_g)
    d_jacobian = np.sqrt(
        node_cross[0] * node_cross[0]
        + node_cross[1] * node_cross[1]
        + node_cross[2] * node_cross[2]
    )

    return d_jacobian
# ---- harness (not part of the program) ----
ENTRY = "calculate_spherical_triangle_jacobian"


def inputs():
    # one face of a cubed sphere (the +x panel split 8 x 8), nodes on the
    # unit sphere, as x, y, z arrays indexed by the face's nodes
    a = np.tan(np.radians([-11.25, 0.0]))
    corners = np.array([[1.0, a[0], a[0]], [1.0, a[1], a[0]],
                        [1.0, a[1], a[1]], [1.0, a[0], a[1]]])
    corners /= np.linalg.norm(corners, axis=1)[:, None]
    x, y, z = corners[:, 0], corners[:, 1], corners[:, 2]
    node1 = np.array([x[0], y[0], z[0]], dtype=x.dtype)
    node2 = np.array([x[1], y[1], z[1]], dtype=x.dtype)
    node3 = np.array([x[2], y[2], z[2]], dtype=x.dtype)
    g = np.array([-0.8611363115940526, -0.3399810435848563,
                  0.3399810435848563, 0.8611363115940526])
    dG = 0.5 * (g + 1.0)
    return (node1, node2, node3, dG[1], dG[2])
