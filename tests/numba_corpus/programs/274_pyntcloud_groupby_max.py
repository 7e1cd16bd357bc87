# Source: daavoo/pyntcloud pyntcloud/utils/numba.py (at commit cab0c7f5)
# Licence: MIT (pyntcloud, LICENSE.md; Copyright (c) 2017-2019 The pyntcloud Developers)
# Notes: per-voxel maximum of one coordinate of a point cloud, the "x_max"/"y_max"/"z_max" feature vectors of pyntcloud's VoxelGrid (computer vision, 3-D point clouds): groupby_max (@njit) scatters over the points and keeps, for each voxel index, the largest xyz[i][N] (chained indexing of a 2-D array row, then a column), writing into and returning the output array it was given. Pasted: the whole module (the import and its three jitted group-by kernels; groupby_count and groupby_sum are not called); the harness passes what VoxelGrid.get_feature_vector(mode="z_max") passes: the (n, 3) float64 points, the flat voxel index of each point (voxel_n) for a 16 x 16 x 8 grid, N = 2 and np.zeros(n_voxels)
from numba import njit


@njit
def groupby_count(xyz, indices, out):
    for i in range(xyz.shape[0]):
        out[indices[i]] += 1
    return out


@njit
def groupby_sum(xyz, indices, N, out):
    for i in range(xyz.shape[0]):
        out[indices[i]] += xyz[i][N]
    return out


@njit
def groupby_max(xyz, indices, N, out):
    for i in range(xyz.shape[0]):
        if xyz[i][N] > out[indices[i]]:
            out[indices[i]] = xyz[i][N]
    return out

# ---- harness (not part of the program) ----
ENTRY = "groupby_max"


def inputs():
    # 5000 points of a bumpy surface z = f(x, y) + noise over [0, 4) x [0, 4)
    # with z in about [-1, 1.5], voxelised as VoxelGrid does (n_x = n_y = 16,
    # n_z = 8 segments of the bounding box, voxel_n = ravel_multi_index of the
    # per-axis segment indices)
    import numpy as np
    rng = np.random.default_rng(0)
    n = 5000
    xy = rng.uniform(0.0, 4.0, (n, 2))
    z = 0.5 * np.sin(2.0 * xy[:, 0]) * np.cos(1.5 * xy[:, 1]) + rng.normal(0.0, 0.3, n)
    points = np.column_stack([xy, z])
    n_x, n_y, n_z = 16, 16, 8
    xyzmin = points.min(0)
    xyzmax = points.max(0)
    segs = [np.linspace(xyzmin[i], xyzmax[i], num=k + 1) for i, k in enumerate((n_x, n_y, n_z))]
    vx = np.clip(np.searchsorted(segs[0], points[:, 0]) - 1, 0, n_x - 1)
    vy = np.clip(np.searchsorted(segs[1], points[:, 1]) - 1, 0, n_y - 1)
    vz = np.clip(np.searchsorted(segs[2], points[:, 2]) - 1, 0, n_z - 1)
    voxel_n = np.ravel_multi_index([vx, vy, vz], [n_x, n_y, n_z])
    out = np.zeros(n_x * n_y * n_z)
    return (points, voxel_n, 2, out)
