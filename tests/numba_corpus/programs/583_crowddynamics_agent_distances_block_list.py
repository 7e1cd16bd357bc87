# Source: crowddynamics/crowddynamics crowddynamics/core/vector/vector2D.py (at commit 4a94a7a2), crowddynamics/core/interactions/distance.py and crowddynamics/core/interactions/partitioning.py (both at commit 1281d3f4)
# Licence: MIT (crowddynamics, LICENSE; Copyright 2016 Jaan Tollander de Balsch)
# Notes: the geometric core of crowddynamics, a multi-agent simulator of crowd motion with the social-force and power-law models (pedestrian dynamics / robotics-style collision avoidance): 2-D vector helpers (wrap_to_pi as a @numba.vectorize([f8(f8)]) ufunc with a float modulo; rotate90/rotate270, dot, cross, normalize, an in-place truncate declared void(f8[:], f8), and angle and length each compiled eagerly for two signatures, f8(f8[:]) and f8[:](f8[:, :]), through an Ellipsis index vec2d[..., 0]); skin-to-skin distances and normals between circles, between three-circle agents (torso and two shoulders passed as UniTuple(float64[:], 3) and UniTuple(float64, 3), iterated with enumerate(zip(x0, r0)) in nested loops, with an np.isnan first-minimum test) and between circles and wall segments, each with an explicit numba.types.Tuple return signature; and block_list, the spatial-hashing cell list the simulator uses for neighbour search (integer cell coordinates from float positions, np.prod of the grid shape, counting sort with count.cumsum() offsets filled backwards), declared with a bare argument tuple [(float64[:, :], float64)] as its signature. Pasted: vector2D.py as published; distance.py without `from crowddynamics.core.vector import length, rotate90, dot` (defined above; its two lazily compiled overlapping_* helpers, which take the simulator's agent objects, are kept but not called); from partitioning.py its docstring, numba/numpy imports and block_list, leaving out the @numba.jitclass BlockList with its spec (numba.jitclass no longer exists; it moved to numba.experimental) and the plain-Python MutableBlockList and ConvexHull with the operator, collections and itertools imports only they use (`from collections import Iterable` fails on Python 3.10+). The harness, a plain-Python driver doing what BlockList.get_block and the simulator's interaction loop do, cell-lists 300 agents in a 20 x 12 m room, finds every neighbouring pair within the 3 x 3 block stencil, computes circle-circle distances and normals for them, three-circle distances with shoulder positions built from unit_vector and rotate90 of each agent's orientation, distances to four walls, and exercises the vector helpers on the positions and velocities
# ---- crowddynamics/core/vector/vector2D.py ----
r"""Functions operating on 2-Dimensional vectors."""
import numba
import numpy as np
from numba import f8, void


@numba.vectorize([f8(f8)], cache=True)
def wrap_to_pi(rad):
    r"""
    Wraps angles in rad in radians, to the interval [−pi pi].

    .. math::
       \varphi : \mathbb{R} \to [−pi pi]

    Pi maps to pi and −pi maps to −pi. (In general, odd, positive multiples of
    pi map to pi and odd, negative multiples of pi map to −pi.) [wraptopi]_

    Args:
        rad (float): Angle in radians

    Returns:
        float: Angle within [-pi, pi]

    References:

    .. [wraptopi] http://se.mathworks.com/help/map/ref/wraptopi.html
    """
    # TODO: simplify
    rad_ = rad % (2 * np.pi)
    if rad < 0 and rad_ == np.pi:
        # negative multiples of pi map to −pi
        return -np.pi
    elif rad_ > np.pi:
        return rad_ - (2 * np.pi)
    else:
        return rad_


@numba.jit(f8[:](f8[:]), nopython=True, nogil=True, cache=True)
def rotate90(vec2d):
    r"""
    90 degree counterclockwise rotation for 2D vector.

    Args:
        vec2d (numpy.ndarray):

    Returns:
        numpy.ndarray:
    """
    rot = np.zeros_like(vec2d)
    rot[0] = -vec2d[1]
    rot[1] = vec2d[0]
    return rot


@numba.jit(f8[:](f8[:]), nopython=True, nogil=True, cache=True)
def rotate270(vec2d):
    r"""
    90 degree clockwise rotation for 2D vector.

    Args:
        vec2d (numpy.ndarray):

    Returns:
        numpy.ndarray:
    """
    rot = np.zeros_like(vec2d)
    rot[0] = vec2d[1]
    rot[1] = -vec2d[0]
    return rot


@numba.jit([f8(f8[:]), f8[:](f8[:, :])],
           nopython=True, nogil=True, cache=True)
def angle(vec2d):
    r"""Angle of 2d vector in radians.

    Args:
        vec2d (numpy.ndarray): 2D vector

    Returns:
        float|numpy.ndarray: Angle in [-pi, pi]
    """
    return np.arctan2(vec2d[..., 1], vec2d[..., 0])


@numba.jit([f8(f8[:]), f8[:](f8[:, :])],
           nopython=True, nogil=True, cache=True)
def length(vec2d):
    r"""Length

    Args:
        vec2d (numpy.ndarray): 2D vector

    Returns:
        float|numpy.ndarray: Length of the vector in [0, infty)
    """
    return np.hypot(vec2d[..., 0], vec2d[..., 1])


@numba.jit(f8(f8[:], f8[:]), nopython=True, nogil=True, cache=True)
def dot(v0, v1):
    r"""
    Dot product for 2D vectors.

    Args:
        v0 (numpy.ndarray):
        v1 (numpy.ndarray):

    Returns:
        float:
    """
    return v0[0] * v1[0] + v0[1] * v1[1]


@numba.jit(f8(f8[:], f8[:]), nopython=True, nogil=True, cache=True)
def cross(v0, v1):
    r"""
    Cross product for 2D vectors. Right corner from 3D cross product.

    Args:
        v0 (numpy.ndarray):
        v1 (numpy.ndarray):

    Returns:
        float:
    """
    return v0[0] * v1[1] - v0[1] * v1[0]


@numba.jit(f8[:](f8[:]), nopython=True, nogil=True, cache=True)
def normalize(vec2d):
    r"""
    Normalize

    Args:
        vec2d (numpy.ndarray):

    Returns:
        numpy.ndarray:
    """
    if np.all(vec2d == 0.0):
        return np.zeros(2)
    return vec2d / length(vec2d)


@numba.jit(void(f8[:], f8), nopython=True, nogil=True, cache=True)
def truncate(v, l):
    r"""
    Truncate vector :math:`\mathbf{v}` to length :math:`l > 0` if
    :math:`\|\mathbf{v}\| > l`.
    
    .. math::
        \begin{cases}
        l \frac{\mathbf{v}}{\|\mathbf{v}\|} & \|\mathbf{v}\| > l \\
        \mathbf{v} & \|\mathbf{v}\| \leq l \\
        \end{cases}

    Args:
        v (numpy.ndarray):
        l (float):

    Returns:
        None:
    """
    vlen = length(v)
    if vlen > l:
        v *= l / vlen


@numba.jit(f8[:](f8), nopython=True, nogil=True, cache=True)
def unit_vector(orientation):
    return np.array([np.cos(orientation), np.sin(orientation)])


# ---- crowddynamics/core/interactions/distance.py ----
r"""Distance functions for potentials.

Some of the functions also compute rotational moments for computing torque like

.. math::
   \mathbf{M} = \mathbf{r}_{\mathrm{moment}} \times (\mathbf{f}_{}^{soc} + \mathbf{f}_{}^{c})

"""
import numba
import numpy as np
from numba import float64
from numba.types import Tuple, UniTuple


@numba.jit([Tuple((float64, float64[:]))(float64[:], float64,
                                         float64[:], float64)],
           nopython=True, nogil=True, cache=True)
def distance_circle_circle(x0, r0, x1, r1):
    r"""
    Skin-to-Skin distance :math:`h`  with normal :math:`\mathbf{\hat{n}}`
    between two circles.

    .. math::

       h &= \|\mathbf{x}_0 - \mathbf{x}_1\| - (r_0 + r_1) \\
       \mathbf{\hat{n}} &= \frac{\mathbf{x}_0 - \mathbf{x}_1}{\|\mathbf{x}_0 - \mathbf{x}_1\|}

    Args:
        x0 (numpy.ndarray):
        r0 (float):
        x1 (numpy.ndarray):
        r1 (float):

    Returns:
        (float, numpy.ndarray): (skin-to-skin distance, normal vector)
    """
    x = x0 - x1
    d = length(x)
    r_tot = r0 + r1
    h = d - r_tot
    if d == 0.0:
        n = np.zeros(2)
    else:
        n = x / d

    return h, n


@numba.jit([Tuple((float64, float64[:], float64[:], float64[:]))(
    UniTuple(float64[:], 3), UniTuple(float64, 3),
    UniTuple(float64[:], 3), UniTuple(float64, 3)
)],
           nopython=True, nogil=True, cache=True)
def distance_three_circle(x0, r0, x1, r1):
    r"""
    Skin-to-Skin distance :math:`h` with normal :math:`\mathbf{\hat{n}}` and
    rotational moments :math:`\mathbf{r}_{\mathrm{moment}_i}` between two three-circle
    models with.

    .. math::

       X_i &= \{\mathbf{x}_{torso}, \mathbf{x}_{left shoulder}, \mathbf{x}_{right shoulder} \} \\
       R_i &= \{r_{torso}, r_{shoulder}, r_{shoulder} \}

    .. math::
    
       h = \min_{(\mathbf{x}_0, r_0) \in (X_0, R_0)} \min_{(\mathbf{x}_1, r_1) \in (X_1, R_1)} \left( \|\mathbf{x}_0 - \mathbf{x}_1\| - (r_0 + r_1) \right)

    With minimized values of :math:`\mathbf{x}_0`, :math:`\mathbf{x}_1`,
    :math:`r_0` and :math:`r_1` compute

    .. math::

       \mathbf{\hat{n}} &= \frac{\mathbf{x}_0 - \mathbf{x}_1}{\|\mathbf{x}_0 - \mathbf{x}_1\|} \\
       \mathbf{r}_{\mathrm{moment}_0} &= \mathbf{x}_0 + r_0 \mathbf{\hat{n}} - \mathbf{x}_{\mathrm{torso}} \\
       \mathbf{r}_{\mathrm{moment}_1} &= \mathbf{x}_1 - r_1 \mathbf{\hat{n}} - \mathbf{x}_{\mathrm{torso}}

    Args:
        x0 ((numpy.ndarray, numpy.ndarray, numpy.ndarray)):
        r0 ((float, float, float)):
        x1 ((numpy.ndarray, numpy.ndarray, numpy.ndarray)):
        r1 ((float, float, float)):

    Returns:
        (float, numpy.ndarray, numpy.ndarray, numpy.ndarray):
    """
    h_min = np.nan
    normal = np.zeros(2)
    i_min = 0
    j_min = 0

    for i, (xi, ri) in enumerate(zip(x0, r0)):
        for j, (xj, rj) in enumerate(zip(x1, r1)):
            h, n = distance_circle_circle(xi, ri, xj, rj)
            if h < h_min or np.isnan(h_min):
                h_min = h
                normal = n
                i_min = i
                j_min = j

    r_moment0 = x0[i_min] + r0[i_min] * normal - x0[0]
    r_moment1 = x0[j_min] - r1[j_min] * normal - x1[0]

    return h_min, normal, r_moment0, r_moment1


@numba.jit([Tuple((float64, float64[:]))(float64[:], float64, float64[:], float64[:])],
           nopython=True, nogil=True, cache=True)
def distance_circle_line(x, r, p0, p1):
    r"""
    Skin-to-Skin distance between circle and line

    Args:
        x (numpy.ndarray):
        r (float):
        p0 (numpy.ndarray):
        p1 (numpy.ndarray):

    Returns:
        (float, numpy.ndarray): (skin-to-skin distance, normal vector)
    """
    # TODO: More docs
    d = p1 - p0
    l_w = length(d)
    t_w = d / l_w
    n_w = rotate90(t_w)

    q0 = x - p0
    q1 = x - p1
    l_t = - dot(t_w, q1) - dot(t_w, q0)

    if l_t > l_w:
        d_iw = length(q0)
        n_iw = q0 / d_iw
    elif l_t < -l_w:
        d_iw = length(q1)
        n_iw = q1 / d_iw
    else:
        l_n = dot(n_w, q0)
        d_iw = np.abs(l_n)
        n_iw = np.sign(l_n) * n_w

    h_iw = d_iw - r

    return h_iw, n_iw


@numba.jit([Tuple((float64, float64[:], float64[:]))(
    UniTuple(float64[:], 3), UniTuple(float64, 3),
    float64[:], float64[:]
)],
           nopython=True, nogil=True, cache=True)
def distance_three_circle_line(x, r, p0, p1):
    r"""
    Skin-to-Skin distance between three circle model and line

    Args:
        x ((numpy.ndarray, numpy.ndarray, numpy.ndarray)):
        r ((float, float, float)):
        p (numpy.ndarray):

    Returns:
        (float, numpy.ndarray, numpy.ndarray)
    """
    # TODO: More docs
    h_min = np.nan
    normal = np.zeros(2)
    i_min = 0

    for i, (x_, r_) in enumerate(zip(x, r)):
        h, n = distance_circle_line(x_, r_, p0, p1)
        if h < h_min or np.isnan(h_min):
            h_min = h
            normal = n
            i_min = i

    r_moment = x[i_min] - r[i_min] * normal - x[0]

    return h_min, normal, r_moment


# TODO: remove
@numba.jit(nopython=True, nogil=True)
def overlapping_circle_circle(agent, indices, x2, r2):
    """
    Test if two circles are overlapping.

    Args:
        x1: Positions of other agents
        r1: Radii of other agents
        x2: Position of agent that is tested
        r2: Radius of agent that is tested

    Returns:
        bool:

    """
    for i in indices:
        h, _ = distance_circle_circle(
            agent.position[i], agent.radius[i], x2, r2
        )
        if h < 0.0:
            return True
    return False


# TODO: remove
@numba.jit(nopython=True, nogil=True)
def overlapping_three_circle(agent, indices, x2, r2):
    """
    Test if two three-circle models are overlapping.

    Args:
        x1: Positions of other agents
        r1: Radii of other agents
        x2: Position of agent that is tested
        r2: Radius of agent that is tested

    Returns:
        bool:

    """
    for i in indices:
        h, _, _, _ = distance_three_circle(
            agent.positions(i), agent.radii(i), x2, r2
        )
        if h < 0:
            return True
    return False


# ---- crowddynamics/core/interactions/partitioning.py (block_list) ----
"""Spatial partitioning algorithms.

- BlockList
- ConvexHull

Since crowd simulations are only dependent on interactions with agents close by
we can partition the space into smaller chunk in order to avoid having to loop
with agents far a away.
"""
import numba
import numpy as np
from numba import float64, int64


@numba.jit([(float64[:, :], float64)],
           nopython=True, nogil=True, cache=True)
def block_list(points, cell_size):
    """Block list partitioning algorithm

    Args:
        points (numpy.ndarray):
            Array of ``shape=(size, 2)`` to be block listed.

        cell_size (float):
            Positive real number. Width and height of the rectangular mesh.

    Returns:
        (numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray):
            - ``index_list``
            - ``count``
            - ``offset``
            - ``x_min``
            - ``x_max``

    """
    assert cell_size > 0
    assert points.ndim == 2
    assert points.shape[1] == 2

    # Dimensions (rows, columns)
    n, m = points.shape

    # Compute index ranges for indices
    x_min = (points[0, :] / cell_size).astype(np.int64)
    x_max = (points[0, :] / cell_size).astype(np.int64)
    for i in range(1, n):
        for j in range(m):
            x = np.int64(points[i, j] / cell_size)
            if x < x_min[j]:
                x_min[j] = x
            if x > x_max[j]:
                x_max[j] = x

    # Blocks
    indices = np.zeros(shape=points.shape, dtype=np.int64)
    for i in range(n):
        for j in range(m):
            x = np.int64(points[i, j] / cell_size) - x_min[j]
            indices[i, j] = x

    #
    x_max = x_max - x_min

    # TODO: Implementation for sparse block lists.
    #       Maximum amount of blocks == len(points)

    # Count how many points go into each point
    size = np.prod(x_max + 1)
    count = np.zeros(size, dtype=np.int64)
    for i in range(n):
        index = indices[i, 0]
        for j in range(1, m):
            index *= x_max[j] + 1
            index += indices[i, j]
        count[index] += 1

    # Index list
    index_list = np.zeros(points.shape[0], dtype=np.int64)
    offset = count.cumsum() - 1  # Offset indices
    for i in range(n):
        index = indices[i, 0]
        for j in range(1, m):
            index *= x_max[j] + 1
            index += indices[i, j]
        index_list[offset[index]] = i
        offset[index] -= 1

    offset += 1

    return index_list, count, offset, x_min, x_max


# ---- harness (not part of the program) ----
ENTRY = "crowd_interactions"


def _get_block(index_list, count, offset, shape, indices):
    # what BlockList.get_block does
    index = indices[0]
    for j in range(1, len(indices)):
        index *= shape[j]
        index += indices[j]
    start = offset[index]
    end = start + count[index]
    return index_list[start:end]


def crowd_interactions(position, radius, velocity, orientation, walls, cell_size):
    index_list, count, offset, x_min, x_max = block_list(position, cell_size)
    shape = x_max + 1
    n = position.shape[0]
    cells = (position / cell_size).astype(np.int64) - x_min
    pairs, hs, normals = [], [], []
    for i in range(n):
        ci, cj = cells[i]
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                a, b = ci + di, cj + dj
                if a < 0 or b < 0 or a >= shape[0] or b >= shape[1]:
                    continue
                for j in _get_block(index_list, count, offset, shape, (a, b)):
                    if j <= i:
                        continue
                    h, nrm = distance_circle_circle(position[i], radius[i], position[j], radius[j])
                    pairs.append((i, int(j)))
                    hs.append(h)
                    normals.append(nrm)
    # three-circle agents: torso at the centre, shoulders 0.6 r to each side
    three = []
    for k in range(0, len(pairs), 7):
        i, j = pairs[k]
        xs = []
        rs = []
        for a in (i, j):
            t = unit_vector(orientation[a])
            s = rotate90(t) * 0.6 * radius[a]
            xs.append((position[a].copy(), position[a] + s, position[a] - s))
            rs.append((0.6 * radius[a], 0.4 * radius[a], 0.4 * radius[a]))
        three.append(distance_three_circle(xs[0], rs[0], xs[1], rs[1]))
        three.append(distance_three_circle_line(xs[0], rs[0], walls[0, 0], walls[0, 1]))
    wall_h = np.empty((n, walls.shape[0]))
    wall_n = np.empty((n, walls.shape[0], 2))
    for i in range(n):
        for w in range(walls.shape[0]):
            h, nrm = distance_circle_line(position[i], radius[i], walls[w, 0], walls[w, 1])
            wall_h[i, w] = h
            wall_n[i, w] = nrm
    speed = length(velocity)
    heading = angle(velocity)
    vt = velocity.copy()
    crosses = np.empty(n)
    dots = np.empty(n)
    normed = np.empty_like(velocity)
    for i in range(n):
        truncate(vt[i], 1.2)
        crosses[i] = cross(velocity[i], unit_vector(orientation[i]))
        dots[i] = dot(velocity[i], rotate270(velocity[i]))
        normed[i] = normalize(velocity[i])
    zero = normalize(np.zeros(2))
    wrapped = wrap_to_pi(orientation * 3.0 - 7.0)
    return (index_list, count, offset, x_min, x_max, np.array(pairs), np.array(hs),
            np.array(normals), three, wall_h, wall_n, speed, heading, vt, crosses, dots,
            normed, zero, wrapped, length(velocity[0]), angle(velocity[1]))


def inputs():
    rng = np.random.default_rng(0)
    n = 300
    position = np.column_stack((rng.uniform(0.3, 19.7, n), rng.uniform(0.3, 11.7, n)))
    radius = rng.uniform(0.22, 0.3, n)
    velocity = rng.normal(0.0, 0.8, (n, 2))
    velocity[5] = 0.0
    orientation = rng.uniform(-np.pi, np.pi, n)
    walls = np.array([[[0.0, 0.0], [20.0, 0.0]],
                      [[20.0, 0.0], [20.0, 12.0]],
                      [[20.0, 12.0], [0.0, 12.0]],
                      [[0.0, 12.0], [0.0, 0.0]]])
    return (position, radius, velocity, orientation, walls, 0.6)
