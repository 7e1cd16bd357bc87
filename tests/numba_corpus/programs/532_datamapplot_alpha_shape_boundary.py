# Source: TutteInstitute/datamapplot datamapplot/alpha_shapes.py (at commit 2b56798b)
# Licence: MIT (DataMapPlot, LICENSE; Copyright (c) 2023 Tutte Institute for Mathematics and Computing)
# Notes: alpha-shape cluster boundaries for data-map plots (computational geometry): circumradius of a triangle from two edge vectors, find_boundary_candidates keeps the three edges of every Delaunay triangle whose circumradius is below alpha (iteration over the rows of a 2-D int array, fancy row gather points[simplex], tuple assignment into rows of an np.full int32 array, a uint64 counter declared through locals={"candidate_idx": numba.uint64}, keyword default alpha=0.1), boundary_from_candidates counts edge occurrences in a typed dict keyed by (int32, int32) tuples built from an empty dict comprehension over range(0), and returns a set built from a list comprehension over the dict (edges seen once), build_polygons chains boundary edges into closed loops with set.copy/pop/remove, list(tuple), list.append/copy, a list of lists and a for ... else; all @numba.njit. Pasted: the module's imports the jitted functions use (numpy, numba) and circumradius, find_boundary_candidates, boundary_from_candidates, build_polygons; left out: warnings and the scipy spline import, create_boundary_polygons (the Python driver that sorts the simplices, calls the three jitted steps and copies points into float32 polygon arrays, re-created in the harness) and smooth_polygon/_distinct_vertices/_close_polygon (scipy splines); the harness triangulates (scipy.spatial.Delaunay, as datamapplot does) 120 float32 points of an annulus with radii 0.35..1 on a jittered grid, sorts the simplices along axis 1, runs the three jitted steps with alpha = 0.2 and returns the candidate edges, the sorted boundary edges and the polygons as lists of vertex indices
import numpy as np
import numba


@numba.njit()
def circumradius(points):
    bc = points[1:] - points[0]
    d = 2 * (bc[0, 0] * bc[1, 1] - bc[0, 1] * bc[1, 0])
    if d == 0:
        return 0
    b_norm = bc[0, 0] * bc[0, 0] + bc[0, 1] * bc[0, 1]
    c_norm = bc[1, 0] * bc[1, 0] + bc[1, 1] * bc[1, 1]
    ux = (bc[1, 1] * b_norm - bc[0, 1] * c_norm) / d
    uy = (bc[0, 0] * c_norm - bc[1, 0] * b_norm) / d
    return np.sqrt(ux * ux + uy * uy)


@numba.njit(locals={"candidate_idx": numba.uint64})
def find_boundary_candidates(points, simplices, alpha=0.1):
    candidates = np.full((simplices.shape[0] * 3, 2), -1, dtype=np.int32)
    candidate_idx = 0
    for simplex in simplices:
        if circumradius(points[simplex]) < alpha:
            candidates[candidate_idx] = (simplex[0], simplex[1])
            candidates[candidate_idx + 1] = (simplex[0], simplex[2])
            candidates[candidate_idx + 2] = (simplex[1], simplex[2])
            candidate_idx += 3
    return candidates[:candidate_idx]


@numba.njit()
def boundary_from_candidates(boundary_candidates):
    occurrence_counts = {(np.int32(0), np.int32(0)): 0 for i in range(0)}
    for candidate in boundary_candidates:
        tuple_candidate = (candidate[0], candidate[1])
        if tuple_candidate in occurrence_counts:
            occurrence_counts[tuple_candidate] += 1
        else:
            occurrence_counts[tuple_candidate] = 1

    return set([x for x in occurrence_counts if occurrence_counts[x] == 1])


@numba.njit()
def build_polygons(boundary):
    polygons = []
    search_set = boundary.copy()
    sequence = list(search_set.pop())
    while len(search_set) > 0:
        to_find = sequence[-1]
        for link in search_set:
            if link[0] == to_find:
                sequence.append(link[1])
                search_set.remove(link)
                break
            elif link[1] == to_find:
                sequence.append(link[0])
                search_set.remove(link)
                break
        else:
            polygons.append(sequence.copy())
            sequence = list(search_set.pop())

    polygons.append(sequence)
    return polygons
# ---- harness (not part of the program) ----
ENTRY = "alpha_boundary"


def alpha_boundary(points, simplices, alpha):
    # the jitted steps of create_boundary_polygons
    simplices.sort(axis=1)
    boundary_candidates = find_boundary_candidates(points, simplices, alpha=alpha)
    boundary = boundary_from_candidates(boundary_candidates)
    polygons = build_polygons(boundary)
    return (boundary_candidates, sorted((int(a), int(b)) for a, b in boundary),
            [[int(v) for v in seq] for seq in polygons])


def inputs():
    # jittered grid points inside an annulus (float32), Delaunay simplices (int32), alpha = 0.2
    from scipy.spatial import Delaunay
    rng = np.random.default_rng(0)
    g = np.linspace(-1.0, 1.0, 16)
    xx, yy = np.meshgrid(g, g)
    pts = np.column_stack([xx.ravel(), yy.ravel()]) + rng.normal(0.0, 0.02, (g.size * g.size, 2))
    r = np.hypot(pts[:, 0], pts[:, 1])
    pts = pts[(r > 0.35) & (r < 1.0)].astype(np.float32)
    simplices = Delaunay(pts).simplices.astype(np.int32)
    return (pts, simplices, 0.2)
