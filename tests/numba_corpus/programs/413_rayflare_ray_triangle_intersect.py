# Source: qpv-research-group/rayflare rayflare/ray_tracing/rt_common.py (at commit 8c9bead6)
# Licence: LGPL-3.0 (rayflare, file header "released under the GNU Lesser General Public License (LGPL), version 3" and LICENSE.txt at commit b8424cd6; Phoebe Pearce)
# Notes: the ray-surface intersection test of RayFlare's ray tracer for textured solar-cell surfaces: check_intersect (plain Python) calls calculate_tuv (@jit(nopython=True, error_model="numpy")), which intersects one ray with every triangle of the surface at once (the ray direction repeated into a matrix with repeat/reshape/.T, row-wise np.sum and np.cross of (n, 3) arrays giving the distance t and barycentric u, v of each hit), masks the valid hits (u + v <= 1, u, v >= -1e-10, t > 0, with np.vstack and np.all in Python) and, if any, calls calc_intersection_properties (@jit(nopython=True, error_model="numpy")), which picks the nearest hit with np.argmin, computes the intersection point and the local incidence angle with np.cross, np.dot, the jitted norm helper and cmath.atan (a complex result), returning (point, angle, normal) or False. Pasted: the numpy, cmath, math and numba imports of the module (less random, deepcopy, scipy.spatial.Delaunay and rayflare.utilities, which only other functions use), calculate_tuv, norm, calc_intersection_properties and check_intersect. The harness passes what single_interface_check passes for one ray coming down at 30 degrees incidence (azimuth 20 degrees) onto an RTSurface built as the class does it (Delaunay triangulation of the points' x, y; P_0s, P_1s, P_2s, crossP and unit normals N) for a 16 x 16 rough, AFM-scan-like height map over a 10 x 10 unit cell (450 triangles): the ray origin just above z_max, its unit direction, tri.size and the float64 triangle arrays
import numpy as np
from cmath import sqrt, acos, atan
from math import atan2

from numba import jit


@jit(nopython=True, error_model="numpy")
def calculate_tuv(d, tri_size, tri_crossP, r_a, tri_P_0s, tri_P_2s, tri_P_1s):

    D = (-d).repeat(tri_size).reshape((-1, tri_size)).T # this is significantly faster than np.tile
    pref = 1 / np.sum(D * tri_crossP, axis=1)
    corner = r_a - tri_P_0s

    t = pref * np.sum(tri_crossP * corner, axis=1)
    u = pref * np.sum(np.cross(tri_P_2s - tri_P_0s, D) * corner, axis=1)
    v = pref * np.sum(np.cross(D, tri_P_1s - tri_P_0s) * corner, axis=1)

    return t, u, v


@jit(nopython=True)
def norm(x):
    s = x[0]**2 + x[1]**2 + x[2]**2
    return np.sqrt(s)

@jit(nopython=True, error_model="numpy")
def calc_intersection_properties(t, which_intersect, r_a, d, tri_N):
    t = t[which_intersect]
    ind = np.argmin(t)
    t = min(t)

    intersn = r_a + t * d

    N = tri_N[which_intersect][ind]

    Nxd = np.cross(N, -d)

    theta = atan(norm(Nxd) / np.dot(N, -d))

    return intersn, theta, N

def check_intersect(r_a, d, tri_size, tri_crossP, tri_P_0s, tri_P_2s, tri_P_1s, tri_N):

    t, u, v = calculate_tuv(d, tri_size, tri_crossP, r_a, tri_P_0s, tri_P_2s, tri_P_1s)

    # for some reason numba doesn't like this bit:
    which_intersect = (
        (u + v <= 1) & (np.all(np.vstack((u, v)) >= -1e-10, axis=0)) & (t > 0)
    )
    # get errors if set lower limit exactly to zero, hence 1e-10

    if sum(which_intersect) > 0:
        return calc_intersection_properties(t, which_intersect, r_a, d, tri_N)

    else:
        return False
# ---- harness (not part of the program) ----
ENTRY = "check_intersect"


def inputs():
    from scipy.spatial import Delaunay
    rng = np.random.default_rng(0)
    n, L = 16, 10.0
    g = np.linspace(0.0, L, n)
    X, Y = np.meshgrid(g, g, indexing="ij")
    Z = 0.8 * rng.standard_normal((n, n))
    Z[0, :] = Z[-1, :]
    Z[:, 0] = Z[:, -1]
    Points = np.stack([X.ravel(), Y.ravel(), Z.ravel()], axis=1)
    # RTSurface.__init__
    tri = Delaunay(Points[:, [0, 1]])
    P_0s = Points[tri.simplices[:, 0]]
    P_1s = Points[tri.simplices[:, 1]]
    P_2s = Points[tri.simplices[:, 2]]
    crossP = np.cross(P_1s - P_0s, P_2s - P_0s)
    N = crossP / np.linalg.norm(crossP, axis=1)[:, None]
    size = P_0s.shape[0]
    theta, phi = np.radians(30.0), np.radians(20.0)
    d = np.array([np.sin(theta) * np.cos(phi), np.sin(theta) * np.sin(phi),
                  -np.cos(theta)])
    r_a = np.array([4.3, 6.1, Points[:, 2].max() + 0.01])
    return (r_a, d, size, crossP, P_0s, P_2s, P_1s, N)
