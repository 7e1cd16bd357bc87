# Source: Deltares/numba_celltree numba_celltree/geometry_utils.py
# Licence: MIT (pyproject.toml: license = { text = "MIT" })
# Notes: axis-aligned bounding boxes of the faces of an unstructured mesh (polygons padded with FILL_VALUE = -1): an inline="always" helper returning a 4-tuple that is assigned into a row of a 2-D array (bbox_coords[i] = (...)), chained assignment xmin = xmax = ..., break on the fill value, nb.prange without parallel=True, type-alias annotations evaluated at definition time; the `from numba_celltree.constants import (...)` line is replaced by the lines of constants.py that define the names used here (FloatDType, IntArray, FloatArray, NDIM, FILL_VALUE), and the file's other functions are left out
from typing import Sequence, Tuple

import numba as nb
import numpy as np

FloatDType = np.float64
IntArray = np.ndarray
FloatArray = np.ndarray
NDIM = 2
FILL_VALUE = -1


@nb.njit(inline="always")
def bounding_box(
    polygon: IntArray, vertices: FloatArray
) -> Tuple[float, float, float, float]:
    max_n_verts = len(polygon)
    first_vertex = vertices[polygon[0]]
    xmin = xmax = first_vertex[0]
    ymin = ymax = first_vertex[1]
    for i in range(1, max_n_verts):
        index = polygon[i]
        if index == FILL_VALUE:
            break
        vertex = vertices[index]
        x = vertex[0]
        y = vertex[1]
        xmin = min(xmin, x)
        xmax = max(xmax, x)
        ymin = min(ymin, y)
        ymax = max(ymax, y)
    return (xmin, xmax, ymin, ymax)


@nb.njit(cache=True)
def build_face_bboxes(
    faces: IntArray,
    vertices: FloatArray,
) -> FloatArray:
    # Make room for the bounding box of every polygon.
    n_polys = len(faces)
    bbox_coords = np.empty((n_polys, NDIM * 2), FloatDType)

    for i in nb.prange(n_polys):  # pylint: disable=not-an-iterable
        polygon = faces[i]
        bbox_coords[i] = bounding_box(polygon, vertices)

    return bbox_coords

# ---- harness (not part of the program) ----
ENTRY = "build_face_bboxes"


def inputs():
    # a mesh of quads and triangles (triangles padded with FILL_VALUE) on
    # jittered grid vertices, intp face indices as the CellTree2d uses
    rng = np.random.default_rng(0)
    nx, ny = 12, 10
    xs, ys = np.meshgrid(np.arange(nx + 1.0), np.arange(ny + 1.0))
    vertices = np.column_stack([xs.ravel(), ys.ravel()])
    vertices += rng.uniform(-0.2, 0.2, size=vertices.shape)
    faces = []
    for j in range(ny):
        for i in range(nx):
            a = j * (nx + 1) + i
            b, c, d = a + 1, a + nx + 2, a + nx + 1
            if (i + j) % 3 == 0:
                faces.append([a, b, c, -1])
                faces.append([a, c, d, -1])
            else:
                faces.append([a, b, c, d])
    faces = np.array(faces, dtype=np.intp)
    return (faces, vertices)
