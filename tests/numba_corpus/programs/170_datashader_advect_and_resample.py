# Source: holoviz/datashader datashader/bundling.py
# Licence: BSD-3-Clause (setup.py: license='New BSD')
# Notes: one edge of hammer_bundle's edge bundling: the edge's polyline is moved along a normalized density gradient (advect_segments, clamping with max(0, min(x, 1))) and, every other iteration, resampled (resample_edge: calculate_resampling decides per point to merge, subdivide with a uint16 count from ceil(np.sqrt(...)), or keep; resample_segment writes the new points); every function is an eagerly compiled @nb.jit with an explicit signature (float32[:,::1] arrays, nb.void returns, a nb.types.Tuple((nb.boolean, nb.uint64, nb.uint16[::1])) return, and a module-level nb.types.NamedUniTuple(nb.float64, 3, SegmentLength) type for a collections.namedtuple argument read by attribute), fastmath=True, locals= typing loop variables as uint8/uint16/uint64 and rows as float32[::1], row views updated in place, np.uint16(...) casts used as indices, a chained comparison `1 < index < (len(segments) - 2)`, and `segments` rebound to a new array inside the loop and returned; left out: the rest of the module (the plain-Python/pandas/param drivers, the segment classes with their ngjit accumulators, smoothing and gradient helpers) and the imports only they use (pandas, dask, skimage, param, itertools, the relative import of ngjit)
"""Bundle a graph's edges to emphasize the graph structure.

Given a large graph, the underlying structure can be obscured by edges in close
proximity. To uncover the group structure for clearer visualization, edges are
split into smaller edges and bundled with neighbors.

Ian Calvert's `Edgehammer`_ is the original implementation of the main
algorithm.

.. _Edgehammer:
   https://gitlab.com/ianjcalvert/edgehammer
"""

from __future__ import annotations

from math import ceil

from collections import namedtuple

import numpy as np
import numba as nb

SegmentLength  = namedtuple('SegmentLength', ['min', 'max', 'mean'])
segment_length_type = nb.types.NamedUniTuple(nb.float64, 3, SegmentLength)


@nb.jit(
    nb.float32(nb.float32[::1], nb.float32[::1]),
    nopython=True,
    nogil=True,
    fastmath=True,
    locals={"result": nb.float32, "diff": nb.float32},
)
def distance_between(a, b):
    """Find the Euclidean distance between two points."""
    diff = a[0] - b[0]
    result = diff * diff
    diff = a[1] - b[1]
    result += diff * diff
    return result

@nb.jit(
    nb.float32[:,::1](nb.float32[:,::1], nb.float32[:,::1], nb.uint16[::1], nb.int64),
    nopython=True, 
    nogil=True, 
    fastmath=True,
    locals={
        'next_point': nb.float32[::1], 
        'current_point': nb.float32[::1],
        'step_vector': nb.float32[::1],
        'i': nb.uint16,
        'pos': nb.uint64, 
        'index': nb.uint64, 
        'distance': nb.float32
    }
)
def resample_segment(segments, new_segments, n_points_to_add, ndims):
    next_point = np.zeros(ndims, dtype=segments.dtype)
    current_point = segments[0]
    pos = 0
    index = 1
    while index < len(segments):
        next_point = segments[index]
        if (n_points_to_add[index] == 0 and 1 < index < (len(segments) - 2)):
            # Merge points, because they're too close to each other
            current_point = (current_point + next_point) / 2
            new_segments[pos] = current_point
            pos += 1
            index += 2
        elif n_points_to_add[index] > 1:
            # If points are too far away from each other, linearly place new points
            points = n_points_to_add[index]
            step_vector = (next_point - current_point) / points
            for i in range(points):
                new_segments[pos] = current_point + (i * step_vector)
                pos += 1
            current_point = next_point
            index += 1
        else:
            # Do nothing, everything is good
            new_segments[pos] = current_point
            pos += 1
            current_point = next_point
            index += 1
    new_segments[pos] = next_point
    return new_segments

@nb.jit(
    nb.types.Tuple((nb.boolean, nb.uint64, nb.uint16[::1]))(nb.float32[:,::1], segment_length_type),
    nopython=True, 
    nogil=True, 
    fastmath=True,
    locals={
        'next_point': nb.float32[::1], 
        'current_point': nb.float32[::1], 
        'pos': nb.uint64, 
        'index': nb.uint64, 
        'distance': nb.float32
    }
)
def calculate_resampling(segments, squared_segment_length):
    current_point = segments[0]
    index = 1
    total = 0
    any_change = False
    n_points_to_add = np.zeros(len(segments), dtype=np.uint16)
    while index < len(segments):
        next_point = segments[index]
        distance = distance_between(current_point, next_point)
        if (distance < squared_segment_length.min and 1 < index < (len(segments) - 2)):
            # Merge points
            any_change = True
            current_point = (current_point + next_point) / 2
            n_points_to_add[index] = 0
            total += 1
            index += 2
        elif distance > squared_segment_length.max:
            any_change = True
            # Linear subsample
            points = np.uint16(ceil(np.sqrt(distance / squared_segment_length.mean)))
            n_points_to_add[index] = points
            total += points
            current_point = next_point
            index += 1
        else:
            # Do nothing
            n_points_to_add[index] = 1
            total += 1
            current_point = next_point
            index += 1
    total += 1
    return any_change, total, n_points_to_add

@nb.jit(
    nb.float32[:,::1](nb.float32[:,::1], segment_length_type, nb.int64),
    nopython=True,
    nogil=True,
)
def resample_edge(segments, squared_segment_length, ndims):
    change, total_resamples, n_points_to_add = calculate_resampling(segments, squared_segment_length)
    if not change:
        return segments
    resampled = np.empty((total_resamples, ndims), dtype=np.float32)
    resample_segment(segments, resampled, n_points_to_add, ndims)
    return resampled


@nb.jit(
    nb.void(nb.float32[:,::1], nb.float32[:,::1], nb.float32[:,::1], nb.float64, nb.int64, nb.int64),
    nopython=True,
    nogil=True,
    fastmath=True,
    locals={"x": nb.uint16, "y": nb.uint16}
)
def advect_segments(segments, vert, horiz, accuracy, idx, idy):
    for i in range(1, len(segments) - 1):
        x = np.uint16(segments[i, idx] * accuracy)
        y = np.uint16(segments[i, idy] * accuracy)
        segments[i, idx] += horiz[x, y] / accuracy
        segments[i, idy] += vert[x, y] / accuracy
        segments[i, idx] = max(0, min(segments[i, idx], 1))
        segments[i, idy] = max(0, min(segments[i, idy], 1))


@nb.jit(
    nb.float32[:,::1](nb.float32[:,::1], nb.float32[:,::1], nb.float32[:,::1], nb.int64, nb.float64, segment_length_type, nb.int64, nb.int64, nb.int64),
    nopython=True,
    nogil=True,
    locals={'it': nb.uint8}
)
def advect_and_resample(vert, horiz, segments, iterations, accuracy, squared_segment_length, idx, idy, ndims):
    for it in range(iterations):
        advect_segments(segments, vert, horiz, accuracy, idx, idy)
        if it % 2 == 0:
            segments = resample_edge(segments, squared_segment_length, ndims)
    return segments

# ---- harness (not part of the program) ----
ENTRY = "advect_and_resample"


def inputs():
    # one call of advect_resample_all's loop with hammer_bundle's defaults
    # (accuracy=500, advect_iterations=50, min/max segment length 0.008 /
    # 0.016) for an edge without id or weight (EdgelessUnweightedSegment:
    # ndims=2, idx=0, idy=1): gradients of a smooth density image made of
    # Gaussian bumps, normalized as normalize_gradients does (float32,
    # C-contiguous, 501 x 501), and one edge from (0.1, 0.2) to (0.85, 0.7)
    # already split into points about 0.012 apart in normalized coordinates
    # (what resample_edges leaves), as a C-contiguous float32 (n, 2) array
    rng = np.random.default_rng(0)
    accuracy = 500
    g = np.linspace(0.0, 1.0, accuracy + 1)
    gx, gy = np.meshgrid(g, g, indexing="ij")
    img = np.zeros((accuracy + 1, accuracy + 1))
    for cx, cy, w in zip(rng.uniform(0.1, 0.9, 8), rng.uniform(0.1, 0.9, 8),
                         rng.uniform(0.05, 0.15, 8)):
        img += np.exp(-((gx - cx) ** 2 + (gy - cy) ** 2) / (2 * w ** 2))
    img /= img.max()
    horiz, vert = np.gradient(img)
    magnitude = np.sqrt(horiz ** 2 + vert ** 2) + 1e-5
    vert = np.ascontiguousarray(vert / magnitude, dtype=np.float32)
    horiz = np.ascontiguousarray(horiz / magnitude, dtype=np.float32)
    src, dst = np.array([0.1, 0.2]), np.array([0.85, 0.7])
    n = int(np.ceil(np.hypot(*(dst - src)) / 0.012)) + 1
    t = np.linspace(0.0, 1.0, n)[:, None]
    segments = np.ascontiguousarray(src + t * (dst - src), dtype=np.float32)
    min_len, max_len = 0.008, 0.016
    squared_segment_length = SegmentLength(min_len ** 2, max_len ** 2,
                                           ((min_len + max_len) / 2) ** 2)
    return (vert, horiz, segments, 50, accuracy, squared_segment_length,
            0, 1, 2)
