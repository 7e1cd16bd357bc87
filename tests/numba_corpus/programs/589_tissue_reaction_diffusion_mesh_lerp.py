# Source: alessandro-zomparelli/tissue numba_functions.py (at commit 08c636d5)
# Licence: GPL-2.0-or-later (Tissue, the GPL licence block at the head of numba_functions.py)
# Notes: the Numba kernels of Tissue, Alessandro Zomparelli's Blender add-on for computational design (mesh tessellation, reaction-diffusion patterns on meshes; computational geometry / pattern formation): the jitted functions are defined inside `if bool_numba:` after a try/except import of jit, njit, guvectorize, float64, int32, prange, all @njit(parallel=True): the Gray-Scott reaction step numba_rd_core (parameters given either per vertex or as one-element arrays broadcast with np.full(n, f[0]) in a conditional expression, a prange loop updating a and b in place), numba_set_ab (adds the brush and clamps a and b to [0, 1] with chained if/elif on one line), rd_init_laplacian returning a tuple of fresh arrays, the edge-based graph Laplacians numba_rd_laplacian / rd_fill_laplacian and the driver numba_reaction_diffusion (scatter updates lap_a[v0] += ... inside prange), and the bilinear patch interpolations used to tessellate components onto quad faces (numba_lerp2_, numba_lerp2_vec, numba_lerp2: nested prange loops over faces, sample points and coordinates, chained indexing v0[i][0][k], shapes taken from .shape and len). Pasted: the whole module verbatim (numba_rd_neigh_vertices and numba_rd_laplacian_ divide lengths with / and would not type; they are never called, like the string-commented old version). The harness (a plain-Python driver) does what the add-on's reaction-diffusion operator does on a 30 x 24 quad-grid mesh: 150 Gray-Scott steps of rd_init_laplacian, the edge Laplacian, numba_rd_core and numba_set_ab, once with scalar parameters and once with per-vertex feed/kill fields. The edge Laplacian is accumulated in the harness with np.add.at instead of calling numba_rd_laplacian / numba_reaction_diffusion, whose prange scatter into shared vertices races under Numba's threads and so gives no reproducible reference. It then tessellates 8 x 8 sample points onto 70 random quads with the three lerp kernels (numba_lerp2 reads val[j][0] for the j-th sample point, a slip in the source, so the harness keeps the number of samples below the number of faces)
# ##### BEGIN GPL LICENSE BLOCK #####
#
#  This program is free software; you can redistribute it and/or
#  modify it under the terms of the GNU General Public License
#  as published by the Free Software Foundation; either version 2
#  of the License, or (at your option) any later version.
#
#  This program is distributed in the hope that it will be useful,
#  but WITHOUT ANY WARRANTY; without even the implied warranty of
#  MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
#  GNU General Public License for more details.
#
#  You should have received a copy of the GNU General Public License
#  along with this program; if not, write to the Free Software Foundation,
#  Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301, USA.
#
# ##### END GPL LICENSE BLOCK #####

import numpy as np
import time
import sys

bool_numba = False

try:
    from numba import jit, njit, guvectorize, float64, int32, prange
    bool_numba = True
except:
    pass
    '''
    try:
        from .utils_pip import Pip
        #Pip.upgrade_pip()
        Pip.install('llvmlite')
        Pip.install('numba')
        from numba import jit, njit, guvectorize, float64, int32, prange
        bool_numba = True
        print('Tissue: Numba successfully installed!')
    except:
        print('Tissue: Numba not loaded correctly. Try restarting Blender')
    '''

if bool_numba:
    #from numba import jit, njit, guvectorize, float64, int32, prange

    @njit(parallel=True)
    def numba_reaction_diffusion(n_verts, n_edges, edge_verts, a, b, brush, diff_a, diff_b, f, k, dt, time_steps):
        arr = np.arange(n_edges)*2
        id0 = edge_verts[arr]
        id1 = edge_verts[arr+1]
        for i in range(time_steps):
            lap_a, lap_b = rd_init_laplacian(n_verts)
            numba_rd_laplacian(id0, id1, a, b, lap_a, lap_b)
            numba_rd_core(a, b, lap_a, lap_b, diff_a, diff_b, f, k, dt)
            numba_set_ab(a,b,brush)
        return a,b

    #@guvectorize(['(float64[:] ,float64[:] , float64[:], float64[:], float64[:], float64[:], float64[:], float64[:], float64)'],'(n),(n),(n),(n),(n),(n),(n),(n),()',target='parallel')
    @njit(parallel=True)
    def numba_rd_core(a, b, lap_a, lap_b, diff_a, diff_b, f, k, dt):
        n = len(a)
        _f = np.full(n, f[0]) if len(f) == 1 else f
        _k = np.full(n, k[0]) if len(k) == 1 else k
        _diff_a = np.full(n, diff_a[0]) if len(diff_a) == 1 else diff_a
        _diff_b = np.full(n, diff_b[0]) if len(diff_b) == 1 else diff_b

        for i in prange(n):
            fi = _f[i]
            ki = _k[i]
            diff_ai = _diff_a[i]
            diff_bi = _diff_b[i]
            ab2 = a[i]*b[i]**2
            a[i] += (diff_ai * lap_a[i] - ab2 + fi*(1-a[i]))*dt
            b[i] += (diff_bi * lap_b[i] + ab2 - (ki+fi)*b[i])*dt

    @njit(parallel=True)
    def numba_rd_core_(a, b, lap_a, lap_b, diff_a, diff_b, f, k, dt):
        ab2 = a*b**2
        a += (diff_a*lap_a - ab2 + f*(1-a))*dt
        b += (diff_b*lap_b + ab2 - (k+f)*b)*dt

    @njit(parallel=True)
    def numba_set_ab(a, b, brush):
        n = len(a)
        _brush = np.full(n, brush[0]) if len(brush) == 1 else brush
        for i in prange(len(b)):
            b[i] += _brush[i]
            if b[i] < 0: b[i] = 0
            elif b[i] > 1: b[i] = 1
            if a[i] < 0: a[i] = 0
            elif a[i] > 1: a[i] = 1


    #@guvectorize(['(float64[:] ,float64[:] ,float64[:] , float64[:], float64[:], float64[:])'],'(m),(m),(n),(n),(n),(n)',target='parallel')
    @njit(parallel=True)
    def numba_rd_laplacian(id0, id1, a, b, lap_a, lap_b):
        for i in prange(len(id0)):
            v0 = id0[i]
            v1 = id1[i]
            lap_a[v0] += a[v1] - a[v0]
            lap_a[v1] += a[v0] - a[v1]
            lap_b[v0] += b[v1] - b[v0]
            lap_b[v1] += b[v0] - b[v1]
        #return lap_a, lap_b

    @njit(parallel=True)
    def numba_rd_neigh_vertices(edge_verts):
        n_edges = len(edge_verts)/2
        id0 = np.zeros(n_edges)
        id1 = np.zeros(n_edges)
        for i in prange(n_edges):
            id0[i] = edge_verts[i*2]     # first vertex indices for each edge
            id1[i] = edge_verts[i*2+1]   # second vertex indices for each edge
        return id0, id1

    #@guvectorize(['(float64[:] ,float64[:] , float64[:], float64[:], float64[:])'],'(m),(n),(n),(n),(n)',target='parallel')
    @njit(parallel=True)
    #@njit
    def numba_rd_laplacian_(edge_verts, a, b, lap_a, lap_b):
        for i in prange(len(edge_verts)/2):
            v0 = edge_verts[i*2]
            v1 = edge_verts[i*2+1]
            lap_a[v0] += a[v1] - a[v0]
            lap_a[v1] += a[v0] - a[v1]
            lap_b[v0] += b[v1] - b[v0]
            lap_b[v1] += b[v0] - b[v1]
        #return lap_a, lap_b

    @njit(parallel=True)
    def rd_fill_laplacian(lap_a, lap_b, id0, id1, lap_a0, lap_b0):
        #for i, j, la0, lb0 in zip(id0,id1,lap_a0,lap_b0):
        for index in prange(len(id0)):
            i = id0[index]
            j = id1[index]
            la0 = lap_a0[index]
            lb0 = lap_b0[index]
            lap_a[i] += la0
            lap_b[i] += lb0
            lap_a[j] -= la0
            lap_b[j] -= lb0

    @njit(parallel=True)
    def rd_init_laplacian(n_verts):
        lap_a = np.zeros(n_verts)
        lap_b = np.zeros(n_verts)
        return lap_a, lap_b

    '''
    @jit
    def numba_reaction_diffusion(n_verts, n_edges, edge_verts, a, b, diff_a, diff_b, f, k, dt, time_steps, db):
        arr = np.arange(n_edges)*2
        id0 = edge_verts[arr]     # first vertex indices for each edge
        id1 = edge_verts[arr+1]   # second vertex indices for each edge
        #dgrad = abs(grad[id1] - grad[id0])
        for i in range(time_steps):
            lap_a = np.zeros(n_verts)
            lap_b = np.zeros(n_verts)
            b += db
            lap_a0 =  a[id1] - a[id0]   # laplacian increment for first vertex of each edge
            lap_b0 =  b[id1] -  b[id0]   # laplacian increment for first vertex of each edge
            #lap_a0 *= dgrad
            #lap_b0 *= dgrad

            for i, j, la0, lb0 in zip(id0,id1,lap_a0,lap_b0):
                lap_a[i] += la0
                lap_b[i] += lb0
                lap_a[j] -= la0
                lap_b[j] -= lb0
            ab2 = a*b**2
            #a += eval("(diff_a*lap_a - ab2 + f*(1-a))*dt")
            #b += eval("(diff_b*lap_b + ab2 - (k+f)*b)*dt")
            a += (diff_a*lap_a - ab2 + f*(1-a))*dt
            b += (diff_b*lap_b + ab2 - (k+f)*b)*dt
        return a, b
    '''
    @njit(parallel=True)
    def numba_lerp2_(v00, v10, v01, v11, vx, vy):
        sh = v00.shape
        co2 = np.zeros((sh[0],len(vx),sh[-1]))
        for i in prange(len(v00)):
            for j in prange(len(vx)):
                for k in prange(len(v00[0][0])):
                    co0 = v00[i][0][k] + (v10[i][0][k] - v00[i][0][k]) * vx[j][0]
                    co1 = v01[i][0][k] + (v11[i][0][k] - v01[i][0][k]) * vx[j][0]
                    co2[i][j][k] = co0 + (co1 - co0) * vy[j][0]
        return co2


    @njit(parallel=True)
    def numba_lerp2_vec(v0, vx, vy):
        n_faces = v0.shape[0]
        co2 = np.zeros((n_faces,len(vx),3))
        for i in prange(n_faces):
            for j in prange(len(vx)):
                for k in prange(3):
                    co0 = v0[i][0][k] + (v0[i][1][k] - v0[i][0][k]) * vx[j][0]
                    co1 = v0[i][3][k] + (v0[i][2][k] - v0[i][3][k]) * vx[j][0]
                    co2[i][j][k] = co0 + (co1 - co0) * vy[j][0]
        return co2

    @njit(parallel=True)
    def numba_lerp2(val, vx, vy):
        n_faces = len(val)
        co2 = np.zeros((n_faces,len(vx),1))
        for i in prange(n_faces):
            for j in prange(len(vx)):
                co0 = val[i][0] + (val[i][1] - val[i][0]) * val[j][0]
                co1 = val[i][3] + (val[i][2] - val[i][3]) * val[j][0]
                co2[i][j][0] = co0 + (co1 - co0) * vy[j][0]
        return co2


#except:
#    print("Tissue: Numba cannot be installed. Try to restart Blender.")
#    pass


# ---- harness (not part of the program) ----
ENTRY = "tissue_reaction_diffusion_and_lerp"


def _grid_edges(nx, ny):
    idx = np.arange(nx * ny).reshape(ny, nx)
    horiz = np.stack((idx[:, :-1].ravel(), idx[:, 1:].ravel()), 1)
    vert = np.stack((idx[:-1, :].ravel(), idx[1:, :].ravel()), 1)
    return np.concatenate((horiz, vert)).ravel().astype(np.int64)


def _run(edge_verts, a, b, brush, diff_a, diff_b, f, k, dt, steps):
    n_verts = len(a)
    id0 = edge_verts[0::2]
    id1 = edge_verts[1::2]
    for _ in range(steps):
        lap_a, lap_b = rd_init_laplacian(n_verts)
        # what numba_rd_laplacian computes, without its racing scatter
        np.add.at(lap_a, id0, a[id1] - a[id0])
        np.add.at(lap_a, id1, a[id0] - a[id1])
        np.add.at(lap_b, id0, b[id1] - b[id0])
        np.add.at(lap_b, id1, b[id0] - b[id1])
        numba_rd_core(a, b, lap_a, lap_b, diff_a, diff_b, f, k, dt)
        numba_set_ab(a, b, brush)
    return a, b


def tissue_reaction_diffusion_and_lerp(nx, ny, b0, quads, vx, vy):
    edge_verts = _grid_edges(nx, ny)
    n = nx * ny
    a1, b1 = _run(edge_verts, np.ones(n), b0.copy(), np.zeros(1),
                  np.array([0.18]), np.array([0.09]), np.array([0.055]), np.array([0.062]),
                  1.0, 150)
    xs = np.tile(np.linspace(0.0, 1.0, nx), ny)
    brush = np.where(xs > 0.9, 0.001, 0.0)
    a2, b2 = _run(edge_verts, np.ones(n), b0.copy(), brush,
                  np.full(n, 0.2), np.full(n, 0.1), 0.03 + 0.03 * xs, np.full(n, 0.06),
                  0.8, 150)
    lerp_vec = numba_lerp2_vec(quads, vx, vy)
    v00 = quads[:, 0:1, :].copy()
    v10 = quads[:, 1:2, :].copy()
    v11 = quads[:, 2:3, :].copy()
    v01 = quads[:, 3:4, :].copy()
    lerp_ = numba_lerp2_(v00, v10, v01, v11, vx, vy)
    lerp_val = numba_lerp2(quads[:, :, 2].copy(), vx, vy)
    return a1, b1, a2, b2, lerp_vec, lerp_, lerp_val


def inputs():
    rng = np.random.default_rng(0)
    nx, ny = 30, 24
    b0 = np.zeros(nx * ny)
    seed = rng.choice(nx * ny, 40, replace=False)
    b0[seed] = 0.5 + 0.5 * rng.random(40)
    corners = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0]])
    quads = corners[None, :, :] + rng.normal(0.0, 0.15, (70, 4, 3)) + rng.normal(0.0, 2.0, (70, 1, 3))
    u = np.linspace(0.0, 1.0, 8)
    uu, vv = np.meshgrid(u, u)
    vx = uu.reshape(-1, 1).copy()
    vy = vv.reshape(-1, 1).copy()
    return (nx, ny, b0, quads, vx, vy)
