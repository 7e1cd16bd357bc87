# Source: Deltares/numba_celltree numba_celltree/geometry_utils.py
# Licence: MIT (pyproject.toml: license = { text = "MIT" })
# Notes: make every face of a mesh counter-clockwise: typing.NamedTuple classes Point and Vector built in jitted code (Point(a[0], a[1])) with attribute access, inline="always" helpers (as_point, to_vector, cross_product, polygon_length, flip), in-place reversal of a face row with a tuple swap face[i], face[j] = face[j], face[i], int(length / 2), parallel= from a module constant with nb.prange over faces that are rewritten in place; the `from numba_celltree.constants import (...)` line is replaced by the lines of constants.py that define the names used here (FloatArray, IntArray, Point, Vector, PARALLEL, FILL_VALUE), and the file's other functions are left out
from typing import Sequence, Tuple

import numba as nb
import numpy as np

from typing import NamedTuple

IntArray = np.ndarray
FloatArray = np.ndarray


class Point(NamedTuple):
    x: float
    y: float


class Vector(NamedTuple):
    x: float
    y: float


PARALLEL = True
FILL_VALUE = -1


@nb.njit(inline="always")
def to_vector(a: Point, b: Point) -> Vector:
    return Vector(b.x - a.x, b.y - a.y)


@nb.njit(inline="always")
def as_point(a: FloatArray) -> Point:
    return Point(a[0], a[1])


@nb.njit(inline="always")
def cross_product(u: Vector, v: Vector) -> float:
    return u.x * v.y - u.y * v.x


@nb.njit(inline="always")
def polygon_length(face: IntArray) -> int:
    # A minimal polygon is a triangle
    n = len(face)
    for i in range(3, n):
        if face[i] == FILL_VALUE:
            return i
    return n


@nb.njit(inline="always")
def flip(face: IntArray, length: int) -> None:
    end = length - 1
    for i in range(int(length / 2)):
        j = end - i
        face[i], face[j] = face[j], face[i]
    return


@nb.njit(parallel=PARALLEL, cache=True)
def counter_clockwise(vertices: FloatArray, faces: IntArray) -> None:
    n_face = len(faces)
    for i_face in nb.prange(n_face):
        face = faces[i_face]
        length = polygon_length(face)
        a = as_point(vertices[face[length - 2]])
        b = as_point(vertices[face[length - 1]])
        for i in range(length):
            c = as_point(vertices[face[i]])
            u = to_vector(a, b)
            v = to_vector(a, c)
            product = cross_product(u, v)
            if product == 0:
                a = b
                b = c
            elif product < 0:
                flip(face, length)
            else:
                break
    return

# ---- harness (not part of the program) ----
ENTRY = "counter_clockwise"


def inputs():
    # quads and triangles (padded with FILL_VALUE) on jittered grid
    # vertices, every other face given in clockwise order; the faces are
    # reordered in place
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
                tri1, tri2 = [a, b, c], [a, c, d]
                if i % 2:
                    tri1, tri2 = tri1[::-1], tri2[::-1]
                faces.append(tri1 + [-1])
                faces.append(tri2 + [-1])
            else:
                quad = [a, b, c, d]
                if (i + 2 * j) % 2:
                    quad = quad[::-1]
                faces.append(quad)
    faces = np.array(faces, dtype=np.intp)
    return (vertices, faces)
