# Source: open-mmlab/mmdetection3d mmdet3d/core/bbox/box_np_ops.py
# Licence: Apache-2.0 (setup.py: license='Apache License 2.0')
# Notes: point-in-convex-polygon test of every point against every polygon by the sign of edge cross products: plain @numba.jit (no nopython=), a bool default argument, a variable that is first a zeros((2)) array and then rebound to row differences polygon[j, k] - polygon[j, k - 1] (k - 1 = -1 wrapping to the last vertex), early break, a (num_points, num_polygons) np.bool_ result; the file's relative import (.structures.utils) and its non-jitted functions are left out
import numba
import numpy as np


@numba.jit
def points_in_convex_polygon_jit(points, polygon, clockwise=False):
    """Check points is in 2d convex polygons. True when point in polygon.

    Args:
        points (np.ndarray): Input points with the shape of [num_points, 2].
        polygon (np.ndarray): Input polygon with the shape of
            [num_polygon, num_points_of_polygon, 2].
        clockwise (bool, optional): Indicate polygon is clockwise. Defaults
            to True.

    Returns:
        np.ndarray: Result matrix with the shape of [num_points, num_polygon].
    """
    # first convert polygon to directed lines
    num_points_of_polygon = polygon.shape[1]
    num_points = points.shape[0]
    num_polygons = polygon.shape[0]
    # if clockwise:
    #     vec1 = polygon - polygon[:, [num_points_of_polygon - 1] +
    #                              list(range(num_points_of_polygon - 1)), :]
    # else:
    #     vec1 = polygon[:, [num_points_of_polygon - 1] +
    #                    list(range(num_points_of_polygon - 1)), :] - polygon
    # vec1: [num_polygon, num_points_of_polygon, 2]
    vec1 = np.zeros((2), dtype=polygon.dtype)
    ret = np.zeros((num_points, num_polygons), dtype=np.bool_)
    success = True
    cross = 0.0
    for i in range(num_points):
        for j in range(num_polygons):
            success = True
            for k in range(num_points_of_polygon):
                if clockwise:
                    vec1 = polygon[j, k] - polygon[j, k - 1]
                else:
                    vec1 = polygon[j, k - 1] - polygon[j, k]
                cross = vec1[1] * (polygon[j, k, 0] - points[i, 0])
                cross -= vec1[0] * (polygon[j, k, 1] - points[i, 1])
                if cross >= 0:
                    success = False
                    break
            ret[i, j] = success
    return ret

# ---- harness (not part of the program) ----
ENTRY = "points_in_convex_polygon_jit"


def inputs():
    # 300 random points against 20 rotated rectangles (4 corners each,
    # counter-clockwise, as center_to_corner_box2d makes them)
    rng = np.random.default_rng(0)
    points = rng.uniform(0.0, 40.0, size=(300, 2))
    n = 20
    centers = rng.uniform(5.0, 35.0, size=(n, 2))
    dims = rng.uniform(3.0, 10.0, size=(n, 2))
    angles = rng.uniform(-np.pi, np.pi, size=n)
    unit = np.array([[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]])
    corners = unit[None, :, :] * dims[:, None, :]
    c, s = np.cos(angles), np.sin(angles)
    rot = np.stack([np.stack([c, -s], -1), np.stack([s, c], -1)], 1)
    polygon = np.einsum('nij,nkj->nki', rot, corners) + centers[:, None, :]
    return (points, polygon)
