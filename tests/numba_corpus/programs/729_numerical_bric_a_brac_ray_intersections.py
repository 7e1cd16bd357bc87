# Source: vincentbonnetcg-zz/Numerical-Bric-a-Brac path_tracing/jit/maths.py and path_tracing/jit/intersect.py (at commit 6d7b968a)
# Licence: MIT (Numerical-Bric-a-Brac, LICENSE; Copyright (c) 2019 Vincent Bonnet)
# Notes: the jitted geometry layer of Vincent Bonnet's Monte Carlo path tracer: maths.py's @numba.njit(inline='always') vector helpers (in-place asub/axpy/copy on 3-vectors, triple_product, isclose with a default tolerance, cross and compute_tangent building Python lists and returning np.asarray(list), normalize in place, clamp/gamma_correction with math.pow, triangle interpolation, per-face normals and tangent frames written row by row into 2-D arrays) and intersect.py's ray/AABB, Moller-Trumbore ray/triangle and ray/quad and ray/sphere tests, which read the ray and scratch vectors from a `mempool` object's attributes, return (u, v, t) float tuples with early returns, swap with tuple assignment, use nested min/max builtins and np.minimum of scalars. Pasted: both modules as published, in one file, without intersect.py's `from .maths import ...` lines (the functions are defined above them). The path tracer's mempool is a numba.jitclass (core.py, written for the old numba.jitclass spelling and drawing random numbers in jitted code), so the harness passes a namedtuple with the same ray_o, ray_d and v array fields instead; it intersects a fan of rays with a triangle, a quad, a sphere and their bounding boxes, and computes face normals, tangent frames, barycentric interpolation and gamma correction for a small random mesh (np.random.default_rng(0))
"""
@author: Vincent Bonnet
@description : jitted utilities
"""

import numpy as np
import numba
import math

@numba.njit(inline='always')
def tri_interpolation(V, u, v, out):
    # V is shape (3,3)
    uv = 1.0 - u - v
    out[0] = u*V[1][0]+v*V[2][0]+uv*V[0][0]
    out[1] = u*V[1][1]+v*V[2][1]+uv*V[0][1]
    out[2] = u*V[1][2]+v*V[2][2]+uv*V[0][2]

@numba.njit(inline='always')
def clamp(colour):
    for i in range(3):
        if colour[i] > 1.0:
            colour[i] = 1.0
        elif colour[i] < 0.0:
            colour[i] = 0.0

@numba.njit(inline='always')
def gamma_correction(colour):
    #standard encoding gamma is 1/2.2
    clamp(colour)
    for i in range(3):
        colour[i] = math.pow(colour[i], 1/2.2)

@numba.njit(inline='always')
def asub(a, b, out):
    # squeeze some performance by skipping the generic np.subtract
    out[0] = a[0] - b[0]
    out[1] = a[1] - b[1]
    out[2] = a[2] - b[2]

@numba.njit(inline='always')
def axpy(a, x, y, out):
    out[0] = y[0] + (x[0] * a)
    out[1] = y[1] + (x[1] * a)
    out[2] = y[2] + (x[2] * a)

@numba.njit(inline='always')
def copy(x, y):
    x[0] = y[0]
    x[1] = y[1]
    x[2] = y[2]

@numba.njit(inline='always')
def triple_product(a, b, c):
    return (a[0] * (b[1]*c[2]-b[2]*c[1]) +
            a[1] * (b[2]*c[0]-b[0]*c[2]) +
            a[2] * (b[0]*c[1]-b[1]*c[0]))

@numba.njit(inline='always')
def isclose(a, b, tol=1.e-8):
    return math.fabs(a - b) < tol

@numba.njit(inline='always')
def cross(a, b):
    result = [a[1]*b[2]-a[2]*b[1],
              a[2]*b[0]-a[0]*b[2],
              a[0]*b[1]-a[1]*b[0]]
    return np.asarray(result)

@numba.njit(inline='always')
def dot(a, b):
    return a[0]*b[0]+a[1]*b[1]+a[2]*b[2]

@numba.njit(inline='always')
def normalize(v):
    invnorm = 1.0 / math.sqrt(dot(v,v))
    v[0] *= invnorm
    v[1] *= invnorm
    v[2] *= invnorm

@numba.njit(inline='always')
def compute_tangent(n):
    tangent = [0.0,0.0,0.0]
    if abs(n[0]) > abs(n[1]):
        ntdot = n[0]**2+n[2]**2
        tangent[0] = n[2]/ntdot
        tangent[2] = -n[0]/ntdot
    else:
        ntdot = n[1]**2+n[2]**2
        tangent[1] = -n[2]/ntdot
        tangent[2] = n[1]/ntdot
    return np.asarray(tangent)

@numba.njit(inline='always')
def compute_tangents_binormals(normals, tangents, binormals):
    for i in range(len(normals)):
        tangents[i] = compute_tangent(normals[i])
        binormals[i] = cross(normals[i], tangents[i])

@numba.njit(inline='always')
def compute_face_normals(tri_vertices, face_normals):
    for i in range(len(tri_vertices)):
        tv = tri_vertices[i]
        u = tv[1] - tv[0]
        v = tv[2] - tv[0]
        n = cross(u,v)
        normalize(n)
        face_normals[i] = n


# ---- path_tracing/jit/intersect.py ----
"""
@author: Vincent Bonnet
@description : intersection routines
"""

import math
import numba
import numpy as np

@numba.njit(inline='always')
def ray_aabb(mempool, tv):
    # TODO  - replace tv with bounds
    # bounds[0] # min bounds
    # bounds[1] # max bound
     # min bounds
    min_x = min(min(tv[0][0], tv[1][0]), tv[2][0])
    min_y = min(min(tv[0][1], tv[1][1]), tv[2][1])
    min_z = min(min(tv[0][2], tv[1][2]), tv[2][2])
    # max bounds
    max_x = max(max(tv[0][0], tv[1][0]), tv[2][0])
    max_y = max(max(tv[0][1], tv[1][1]), tv[2][1])
    max_z = max(max(tv[0][2], tv[1][2]), tv[2][2])

    # test if ray starts inside
    if mempool.ray_o[0] >= min_x or mempool.ray_o[0] <= max_x:
        return True

    if mempool.ray_o[1] >= min_y or mempool.ray_o[1] <= max_y:
        return True

    if mempool.ray_o[2] >= min_z or mempool.ray_o[2] <= max_z:
        return True

    # compute t for each intersection plane
    inv_dx = 1.0 / mempool.ray_d[0]
    inv_dy = 1.0 / mempool.ray_d[1]
    inv_dz = 1.0 / mempool.ray_d[2]

    min_tx = (min_x - mempool.ray_o[0]) * inv_dx
    max_tx = (max_x - mempool.ray_o[0]) * inv_dx

    if (min_tx > max_tx): # make sure min is actually the minimum value
        min_tx, max_tx = max_tx, min_tx

    min_ty = (min_y - mempool.ray_o[1]) * inv_dy
    max_ty = (max_y - mempool.ray_o[1]) * inv_dy

    if (min_ty > max_ty):  # make sure min is actually the minimum value
        min_ty, max_ty = max_ty, min_ty

    if ((min_tx > max_ty) or (min_ty > max_tx)):
        return False

    # update min_ty and max_tx
    if (min_ty > min_tx):
        min_tx = min_ty

    if (max_ty < max_tx):
        max_tx = max_ty

    min_tz = (min_z - mempool.ray_o[2]) * inv_dz
    max_tz = (max_z - mempool.ray_o[2]) * inv_dz

    if (min_tz > max_tz):  # make sure min is actually the minimum value
        min_tz, max_tz = max_tz, min_tz

    if ((min_tx > max_tz) or (min_tz > max_tx)):
        return False

    if (min_tz > min_tx):
        min_tx = min_tz

    return True

@numba.njit(inline='always')
def ray_triangle(mempool, tv):
    # Moller-Trumbore intersection algorithm
    asub(tv[1], tv[0], mempool.v[0]) # e1
    asub(tv[2], tv[0], mempool.v[1]) # e2
    asub(mempool.ray_o, tv[0], mempool.v[2]) # ed

    # explicit linear system (Ax=b) for debugging
    #e1 = tv[1] - tv[0]
    #e2 = tv[2] - tv[0]
    #ed = ray_o - tv[0]
    #x = [t, u, v]
    #b = ray_o - tv[0]
    #A = np.zeros((3, 3), dtype=float)
    #A[:,0] = -ray_d
    #A[:,1] = e1
    #A[:,2] = e2
    # solve the system with Cramer's rule
    # det(A) = dot(-ray_d, cross(e1,e2)) = tripleProduct(-ray_d, e1, e2)
    # also det(A) = tripleProduct(ray_d, e1, e2) = -tripleProduct(-ray_d, e1, e2)
    detA = -triple_product(mempool.ray_d, mempool.v[0], mempool.v[1])
    if isclose(detA, 0.0):
        # ray is parallel to the triangle
        return 0.0,0.0,-1.0

    invDetA = 1.0 / detA

    u = -triple_product(mempool.ray_d, mempool.v[2], mempool.v[1]) * invDetA
    if (u < 0.0 or u > 1.0):
        return 0.0,0.0,-1.0

    v = -triple_product(mempool.ray_d, mempool.v[0], mempool.v[2]) * invDetA
    if (v < 0.0 or u + v > 1.0):
        return 0.0,0.0,-1.0

    t = triple_product(mempool.v[2], mempool.v[0], mempool.v[1]) * invDetA
    return u, v, t

@numba.njit(inline='always')
def ray_quad(mempool, tv):
    # Moller-Trumbore intersection algorithm
    # same than ray_triangle but different condition on v
    asub(tv[1], tv[0], mempool.v[0]) # e1
    asub(tv[2], tv[0], mempool.v[1]) # e2
    asub(mempool.ray_o, tv[0], mempool.v[2]) # ed

    detA = -triple_product(mempool.ray_d, mempool.v[0], mempool.v[1])
    if isclose(detA, 0.0):
        # ray is parallel to the triangle
        return 0.0,0.0,-1.0

    invDetA = 1.0 / detA

    u = -triple_product(mempool.ray_d, mempool.v[2], mempool.v[1]) * invDetA
    if (u < 0.0 or u > 1.0):
        return 0.0,0.0,-1.0

    v = -triple_product(mempool.ray_d, mempool.v[0], mempool.v[2]) * invDetA
    if (v < 0.0 or v > 1.0):
        return 0.0,0.0,-1.0

    t = triple_product(mempool.v[2], mempool.v[0], mempool.v[1]) * invDetA
    return u, v, t

@numba.njit(inline='always')
def ray_sphere(mempool, sphere_c, sphere_r):
    o = mempool.ray_o - sphere_c
    a = dot(mempool.ray_d, mempool.ray_d)
    b = dot(mempool.ray_d, o) * 2.0
    c = dot(o, o) - sphere_r**2
    # solve ax**2 + bx + c = 0
    dis = b**2 - 4*a*c  # discriminant

    if dis < 0.0:
        # no solution
        return 0.0,0.0,-1.0

    if isclose(dis, 0.0):
        # one solution
        return 0.0, 0.0, -b / 2 * a

    # two solution
    sq = math.sqrt(dis)
    s1 = (-b-sq) / 2*a  # first solution
    s2 = (-b+sq) / 2*a # second solution

    if s1 < 0.0 and s2 < 0.0:
        return 0.0,0.0,-1.0

    t = s2
    if s1 > 0.0 and s2 > 0.0:
        t = np.minimum(s1, s2)
    elif s1 > 0.0:
        t = s1

    return 0.0,0.0, t
# ---- harness (not part of the program) ----
ENTRY = "bric_a_brac_intersections"

from collections import namedtuple

MemPool = namedtuple("MemPool", ["v", "ray_o", "ray_d"])


def bric_a_brac_intersections(dirs, tri, quad, sphere_c, mesh):
    out = {}
    mempool = MemPool(np.empty((3, 3)), np.zeros(3), np.empty(3))
    hits = np.empty((len(dirs), 4, 3))
    boxes = np.empty((len(dirs), 2), dtype=np.bool_)
    for k in range(len(dirs)):
        copy(mempool.ray_d, dirs[k])
        normalize(mempool.ray_d)
        hits[k, 0] = ray_triangle(mempool, tri)
        hits[k, 1] = ray_quad(mempool, quad)
        hits[k, 2] = ray_sphere(mempool, sphere_c, 0.75)
        hits[k, 3] = ray_sphere(mempool, sphere_c, 0.05)
        boxes[k, 0] = ray_aabb(mempool, tri)
    axpy(2.0, mempool.ray_d, mempool.ray_o, mempool.ray_o)
    out["moved_origin"] = mempool.ray_o.copy()
    out["hits"] = hits
    out["boxes"] = boxes[:, 0]
    out["scratch"] = mempool.v.copy()
    normals = np.empty((len(mesh), 3))
    compute_face_normals(mesh, normals)
    tangents = np.empty_like(normals)
    binormals = np.empty_like(normals)
    compute_tangents_binormals(normals, tangents, binormals)
    out["normals"] = normals
    out["tangents"] = tangents
    out["binormals"] = binormals
    p = np.empty(3)
    tri_interpolation(mesh[0], 0.2, 0.3, p)
    out["interp"] = p
    colour = np.array([1.7, 0.25, -0.3])
    gamma_correction(colour)
    out["colour"] = colour
    out["cross"] = cross(dirs[0], dirs[1])
    out["isclose"] = (isclose(1.0, 1.0 + 1e-9), isclose(1.0, 1.001), isclose(1.0, 1.001, 0.01))
    return out


def inputs():
    rng = np.random.default_rng(0)
    gx, gy = np.meshgrid(np.linspace(-0.6, 0.6, 9), np.linspace(-0.6, 0.6, 9))
    dirs = np.stack([gx.ravel(), gy.ravel(), -np.ones(gx.size)], axis=1)
    tri = np.array([[-0.5, -0.5, -2.0], [0.5, -0.5, -2.0], [0.0, 0.5, -2.5]])
    quad = np.array([[-0.4, -0.4, -3.0], [0.4, -0.4, -3.0], [-0.4, 0.4, -3.0]])
    sphere_c = np.array([0.1, 0.0, -4.0])
    mesh = rng.standard_normal((12, 3, 3))
    return (dirs, tri, quad, sphere_c, mesh)
