# Source: pysal/libpysal libpysal/cg/alpha_shapes.py (at commit 029b2bbb)
# Licence: BSD-3-Clause (libpysal, LICENSE.txt at commit fbac388f: Copyright (c) 2007-, PySAL Developers)
# Notes: the boundary extraction of libpysal's alpha-shape construction (Edelsbrunner, Kirkpatrick and Seidel's alpha shapes of a planar point set): get_single_faces (plain Python) allocates the face table, calls build_faces (@jit), which writes the three edges of every Delaunay triangle through get_faces (@jit: enumerate over a list of index pairs, tuple assignment into an array row), sorts each edge's two vertex indices and then the rows (through a structured-dtype view), and calls nb_mask_faces (@jit), which clears every edge that appears twice (shared by two triangles) and returns the outward edges with a boolean-mask row selection. Pasted: the numpy import, the jit / HAS_JIT try-block of libpysal/common.py (at commit 83966a71, from which alpha_shapes.py imports jit), and get_faces, build_faces, nb_mask_faces and get_single_faces verbatim. The harness passes what alpha_geoms passes: the int32 Delaunay simplices of 300 random points (two overlapping Gaussian blobs), kept where the circumradius computed as r_circumcircle_triangle does is below 1 / alpha with alpha = 0.8
import numpy as np

try:
    from numba import jit

    HAS_JIT = True

except ImportError:

    def jit(function=None, **kwargs):
        """Mimic numba.jit() with synthetic wrapper."""

        if function is not None:

            def wrapped(*original_args, **original_kw):
                """Case 1 - structure of a standard decorator
                i.e., jit(function)(*args, **kwargs).
                """

                return function(*original_args, **original_kw)

            return wrapped

        else:

            def partial_inner(func):
                """Case 2 - returns Case 1
                i.e., jit()(function)(*args, **kwargs).
                """

                return jit(func)

            return partial_inner

    HAS_JIT = False


@jit
def get_faces(triangle):
    """Extract faces from a single triangle

    Parameters
    ----------

    triangles : ndarray
        (3,) array with the vertex indices for a triangle

    Returns
    -------

    faces : ndarray
        (3, 2) array with a row for each face containing the indices of the two
        points that make up the face

    Examples
    --------

    >>> triangle = np.array([3, 1, 4], dtype=np.int32)
    >>> faces = get_faces(triangle)
    >>> faces
    array([[3., 1.],
           [1., 4.],
           [4., 3.]])

    """
    faces = np.zeros((3, 2))
    for i, (i0, i1) in enumerate([(0, 1), (1, 2), (2, 0)]):
        faces[i] = triangle[i0], triangle[i1]
    return faces


@jit
def build_faces(faces, triangles_is, num_triangles, num_faces_single):
    """Build facing triangles

    Parameters
    ----------

    faces : ndarray
        (num_triangles * num_faces_single, 2) array of zeroes in int form

    triangles_is : ndarray
        (D, 3) array, where D is the number of Delaunay triangles, with the
        vertex indices for each triangle

    num_triangles : int
        Number of triangles

    num_faces_single : int
        Number of faces a triangle has (i.e. 3)

    Returns
    -------

    faces : ndarray
        Two dimensional array with a row for every facing segment containing
        the indices of the coordinate points

    Examples
    --------

    >>> import scipy.spatial as spat
    >>> pts = np.array([[0, 1], [3, 5], [4, 1], [6, 7], [9, 3]])
    >>> triangulation = spat.Delaunay(pts)
    >>> triangulation.simplices
    array([[3, 1, 4],
           [1, 2, 4],
           [2, 1, 0]], dtype=int32)
    >>> num_faces_single = 3
    >>> num_triangles = triangulation.simplices.shape[0]
    >>> num_faces = num_triangles * num_faces_single
    >>> faces = np.zeros((num_faces, 2), dtype=np.int_)
    >>> mask = np.ones((num_faces,), dtype=np.bool_)
    >>> faces = build_faces(faces, triangulation.simplices, num_triangles, num_faces_single)
    >>> faces
    array([[3, 1],
           [1, 4],
           [4, 3],
           [1, 2],
           [2, 4],
           [4, 1],
           [2, 1],
           [1, 0],
           [0, 2]])

    """
    for i in range(num_triangles):
        from_i = num_faces_single * i
        to_i = num_faces_single * (i + 1)
        faces[from_i:to_i] = get_faces(triangles_is[i])
    return faces


@jit
def nb_mask_faces(mask, faces):
    """Run over each row in `faces`, if the face in the following row is the
    same, then mark both as False on `mask`

    Parameters
    ----------

    mask : ndarray
        One-dimensional boolean array set to True with as many observations as
        rows in `faces`

    faces : ndarray
        Sorted sequence of faces for all triangles (ie. triangles split by each
        segment)

    Returns
    -------

    masked : ndarray
         Sequence of outward-facing faces

    Examples
    --------

    >>> import numpy as np
    >>> faces = np.array([[0, 1], [0, 2], [1, 2], [1, 2], [1, 3], [1, 4], [1, 4], [2, 4], [3, 4]])
    >>> mask = np.ones((faces.shape[0], ), dtype=np.bool_)
    >>> masked = nb_mask_faces(mask, faces)
    >>> masked
    array([[0, 1],
           [0, 2],
           [1, 3],
           [2, 4],
           [3, 4]])

    """
    for k in range(faces.shape[0] - 1):
        if mask[k]:
            if np.all(faces[k] == faces[k + 1]):
                mask[k] = False
                mask[k + 1] = False
    return faces[mask]


def get_single_faces(triangles_is):
    """Extract outward facing edges from collection of triangles

    Parameters
    ----------

    triangles_is : ndarray
        (D, 3) array, where D is the number of Delaunay triangles, with the
        vertex indices for each triangle

    Returns
    -------

    single_faces : ndarray

    Examples
    --------

    >>> import scipy.spatial as spat
    >>> pts = np.array([[0, 1], [3, 5], [4, 1], [6, 7], [9, 3]])
    >>> alpha = 0.33
    >>> triangulation = spat.Delaunay(pts)
    >>> triangulation.simplices
    array([[3, 1, 4],
           [1, 2, 4],
           [2, 1, 0]], dtype=int32)
    >>> get_single_faces(triangulation.simplices)
    array([[0, 1],
           [0, 2],
           [1, 3],
           [2, 4],
           [3, 4]])

    """
    num_faces_single = 3
    num_triangles = triangles_is.shape[0]
    num_faces = num_triangles * num_faces_single
    faces = np.zeros((num_faces, 2), dtype=np.int_)
    mask = np.ones((num_faces,), dtype=np.bool_)

    faces = build_faces(faces, triangles_is, num_triangles, num_faces_single)

    orderlist = ["x{}".format(i) for i in range(faces.shape[1])]
    dtype_list = [(el, faces.dtype.str) for el in orderlist]
    # Arranging each face so smallest vertex is first
    faces.sort(axis=1)
    # Arranging faces in ascending way
    faces.view(dtype_list).sort(axis=0)
    # Masking
    single_faces = nb_mask_faces(mask, faces)
    return single_faces
# ---- harness (not part of the program) ----
ENTRY = "get_single_faces"


def inputs():
    import scipy.spatial as spat
    rng = np.random.default_rng(0)
    xys = np.concatenate([rng.normal([0.0, 0.0], 1.0, size=(180, 2)),
                          rng.normal([2.5, 1.0], 0.7, size=(120, 2))])
    alpha = 0.8
    triangulation = spat.Delaunay(xys)
    tri = xys[triangulation.simplices]
    a, b, c = tri[:, 0, :], tri[:, 1, :], tri[:, 2, :]
    ab = np.sqrt(((a - b) ** 2).sum(1))
    bc = np.sqrt(((b - c) ** 2).sum(1))
    ca = np.sqrt(((c - a) ** 2).sum(1))
    num = ab * bc * ca
    den = np.sqrt((ab + bc + ca) * (bc + ca - ab) * (ca + ab - bc) * (ab + bc - ca))
    radii = np.where(den == 0, np.maximum(np.maximum(ab, bc), ca) / 2.0,
                     num / np.where(den == 0, 1.0, den))
    triangles_reduced = triangulation.simplices[radii < 1 / alpha]
    return (triangles_reduced,)
