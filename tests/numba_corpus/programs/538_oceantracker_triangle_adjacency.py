# Source: oceantracker/oceantracker oceantracker/util/triangle_utilities_code.py (at commit 0ef8c36a)
# Licence: MIT (OceanTracker, LICENSE.md; Copyright (c) 2022 oceantracker)
# Notes: unstructured-grid topology for the OceanTracker particle-tracking model (ocean/hydrodynamic model grids): build_node_to_cell_map builds a typed List of typed Lists of int32 (NumbaList() and NumbaList([np.int32(0)]) with `del node_to_tri_map[-1][-1]` to make an empty inner list, appends through node_to_tri_map[node].append), build_adjacency_from_node_cell_map finds, for each triangle face, the neighbour sharing both face nodes by nested iteration over the inner lists with continue/break and fills an np.full(tri.shape, -1, dtype=np.int32) adjacency matrix, get_boundary_triangles flags rows with a -1, and convert_face_to_nodal_values maps per-triangle (face) values to nodes by inverse-distance weighting inside a jitted closure inverse_distance_weight_face_values defined in the function body (len() of typed inner lists, for over np.arange, ~np.isnan(...) on a scalar as the test, a 3-way tuple assignment c, sum_data, sum_s = 0, 0., 0.). Pasted: numpy, `from numba import njit`, `from numba.typed import List as NumbaList` and build_node_to_cell_map, build_adjacency_from_node_cell_map, get_boundary_triangles and convert_face_to_nodal_values verbatim; left out: the oceantracker imports (InsidePolygon, basic_util), build_grid_outlines and its nested jitted helpers (they need the polygon class and grid dicts) and the plain-numpy helpers for quads, areas and split cells; the harness triangulates a 7 x 5 node rectangular grid (each cell split into 2 triangles, int32 node indices, a few nodes jittered), and returns the node-to-triangle lists, the adjacency matrix, the boundary-triangle flags and the nodal values of 3 time steps of face data (one face value set to NaN)
import numpy as np
from numba import njit
from numba.typed import List as NumbaList



# build node to cell map
@njit
def build_node_to_cell_map(tri,x):
    # build list  giving map from each node to list of cells which contain that node

    n_nodes = x.shape[0]
    # make empty list for each node
    node_to_tri_map = NumbaList()
    for n in range(n_nodes):
        node_to_tri_map.append(NumbaList([np.int32(0)]))
        del node_to_tri_map[-1][-1]  # make it empty

    #  build a node to triangles map
    for nTri  in range(tri.shape[0]):
        for m  in range(tri.shape[1]):
            node = tri[nTri,m]
            # log one more triangle for this node
            node_to_tri_map[node].append(np.int32(nTri))

    return node_to_tri_map

# build adjacency matrix from node to triangles map
@njit
def build_adjacency_from_node_cell_map(node_to_tri_map, tri):
    # build adjacency matrix for use in triangle walk and as lateral boundary of model
    adjacency = np.full(tri.shape, -1, dtype=np.int32)

    # now look for intersection of sets of triangles  for nodes in same face to get adjacent triangles
    for nTri in range(tri.shape[0]):
        for m in range(tri.shape[1]):
            # get node numbers for face opposite node tri[case,m]
            n1  = tri[nTri, (m + 1) % 3]
            n2  = tri[nTri, (m + 2) % 3]

            # find intersection of triangle sets for nodes n1, n2
            in_common = -1
            for tri1 in node_to_tri_map[n1]:
                if tri1 == nTri: continue # don't search if same as current tri

                # search triangles of second node
                for tri2 in node_to_tri_map[n2]:
                    if tri2 == nTri:
                        continue  # don't find current triangle
                    elif tri2 == tri1:
                        in_common = tri2  # triangle in common to both nodes' to tri lists
                        break

                if in_common != -1 : break # found, so stop looking

            if in_common != -1:
                adjacency[nTri, m] = in_common

    return  adjacency

def get_boundary_triangles(adjacency_matrix):
    # true false for boundary triangles where adjacency < 0
    return np.any(adjacency_matrix < 0,axis=1)

def convert_face_to_nodal_values(x, tri, face_data):
    # convert face values to nodal using inverse distance weight to face values of triangles surrounding each node
    @njit
    def inverse_distance_weight_face_values(node_map,x,xtri, data):
        out= np.full((len(node_map),), np.nan)

        for node in np.arange(out.shape[0]):

            if len(node_map[node]) == 0:
                out[node] = np.nan
            else:
                c, sum_data, sum_s =0, 0., 0.
                for m in np.arange(len(node_map[node])):
                    t = node_map[node][m]
                    if ~np.isnan(data[t]):
                        s= 1./np.sqrt( (x[node,0]-xtri[t,0])**2 + (x[node,1]-xtri[t,1])**2)
                        sum_data +=  data[t]*s
                        sum_s += s
                        c += 1
                if c > 0:
                    out[node] = sum_data/sum_s # use first as a test
                else:
                    out[node] = np.nan
        return out

    node_to_tri_map = build_node_to_cell_map(tri, x)
    xtri = np.concatenate((np.mean(x[tri, 0], 1).reshape(-1, 1), np.mean(x[tri, 0], 1).reshape(-1,1)), axis=1)

    if face_data.size==1:
        data_nodes = inverse_distance_weight_face_values(node_to_tri_map, x, xtri,  face_data)
    else:
        # data is (time, face)
        nt =face_data.shape[0]
        data_nodes= np.full(( nt ,x.shape[0]), np.nan)
        for n in range(nt):
            data_nodes[n,:]=inverse_distance_weight_face_values(node_to_tri_map, x, xtri,  face_data[n,:])
    return data_nodes
# ---- harness (not part of the program) ----
ENTRY = "grid_topology"


def grid_topology(x, tri, face_data):
    node_map = build_node_to_cell_map(tri, x)
    adjacency = build_adjacency_from_node_cell_map(node_map, tri)
    boundary = get_boundary_triangles(adjacency)
    nodal = convert_face_to_nodal_values(x, tri, face_data)
    return [list(map(int, lst)) for lst in node_map], adjacency, boundary, nodal


def inputs():
    # 7 x 5 node grid on [0, 6] x [0, 4] split into 48 triangles; 3 time steps of face values
    rng = np.random.default_rng(0)
    nx_, ny_ = 7, 5
    xs, ys = np.meshgrid(np.arange(nx_, dtype=np.float64), np.arange(ny_, dtype=np.float64))
    x = np.column_stack([xs.ravel(), ys.ravel()])
    interior = (x[:, 0] > 0) & (x[:, 0] < nx_ - 1) & (x[:, 1] > 0) & (x[:, 1] < ny_ - 1)
    x[interior] += rng.uniform(-0.2, 0.2, (interior.sum(), 2))
    tris = []
    for j in range(ny_ - 1):
        for i in range(nx_ - 1):
            a = j * nx_ + i
            tris.append([a, a + 1, a + nx_ + 1])
            tris.append([a, a + nx_ + 1, a + nx_])
    tri = np.array(tris, dtype=np.int32)
    face_data = rng.normal(size=(3, tri.shape[0]))
    face_data[1, 5] = np.nan
    return (x, tri, face_data)
