# Source: traveller59/second.pytorch second/core/point_cloud/point_cloud_ops.py (at commit 8ece4728)
# Licence: MIT (second.pytorch, LICENSE; Yan Yan)
# Notes: voxelization of a LiDAR point cloud for the SECOND / PointPillars 3-D object detectors (computer vision): _points_to_voxel_reverse_kernel (@numba.jit(nopython=True), default arguments max_points=35, max_voxels=20000) computes the voxel grid size from the coordinate range with np.round(grid_size, 0, grid_size) (the out= argument given positionally) and .astype(np.int32), then in one pass over the points finds each point's voxel with np.floor, drops points outside the grid (a failed flag and break), stores the voxel coordinate in z, y, x order into an int32 work array, looks up / assigns the voxel index in the dense coor_to_voxelidx grid (-1 for empty), copies the voxel coordinate into coors[voxelidx] (whole-row assignment of an array) and appends the point row into voxels[voxelidx, num] while the voxel has fewer than max_points; it writes into num_points_per_voxel, coor_to_voxelidx, voxels and coors and returns the number of voxels. Pasted: the module's imports and the kernel that points_to_voxel calls with reverse_index=True (its default); left out: the forward-index kernel, the reset and bound helpers and the plain-Python points_to_voxel driver; the harness allocates what points_to_voxel allocates (max_voxels=2000, max_points=5) for a synthetic float32 scan
import time

import numba
import numpy as np


@numba.jit(nopython=True)
def _points_to_voxel_reverse_kernel(points,
                                    voxel_size,
                                    coors_range,
                                    num_points_per_voxel,
                                    coor_to_voxelidx,
                                    voxels,
                                    coors,
                                    max_points=35,
                                    max_voxels=20000):
    # put all computations to one loop.
    # we shouldn't create large array in main jit code, otherwise
    # reduce performance
    N = points.shape[0]
    # ndim = points.shape[1] - 1
    ndim = 3
    ndim_minus_1 = ndim - 1
    grid_size = (coors_range[3:] - coors_range[:3]) / voxel_size
    # np.round(grid_size)
    # grid_size = np.round(grid_size).astype(np.int64)(np.int32)
    grid_size = np.round(grid_size, 0, grid_size).astype(np.int32)
    coor = np.zeros(shape=(3, ), dtype=np.int32)
    voxel_num = 0
    failed = False
    for i in range(N):
        failed = False
        for j in range(ndim):
            c = np.floor((points[i, j] - coors_range[j]) / voxel_size[j])
            if c < 0 or c >= grid_size[j]:
                failed = True
                break
            coor[ndim_minus_1 - j] = c
        if failed:
            continue
        voxelidx = coor_to_voxelidx[coor[0], coor[1], coor[2]]
        if voxelidx == -1:
            voxelidx = voxel_num
            if voxel_num >= max_voxels:
                break
            voxel_num += 1
            coor_to_voxelidx[coor[0], coor[1], coor[2]] = voxelidx
            coors[voxelidx] = coor
        num = num_points_per_voxel[voxelidx]
        if num < max_points:
            voxels[voxelidx, num] = points[i]
            num_points_per_voxel[voxelidx] += 1
    return voxel_num

# ---- harness (not part of the program) ----
ENTRY = "_points_to_voxel_reverse_kernel"


def inputs():
    # a float32 scan of 3000 points (x, y, z, reflectance), some outside the
    # range, clustered so that voxels fill up past max_points; voxel size
    # (0.4, 0.4, 1.0) over x in [0, 16), y in [-8, 8), z in [-3, 1): a
    # 40 x 40 x 4 grid, so coor_to_voxelidx has the reversed shape (4, 40, 40)
    # and starts at -1 as in VoxelGenerator
    rng = np.random.default_rng(0)
    n = 3000
    centres = rng.uniform([0.0, -8.0, -3.0], [16.0, 8.0, 1.0], (60, 3))
    pick = rng.integers(0, 60, n)
    xyz = centres[pick] + rng.normal(0.0, 0.5, (n, 3))
    refl = rng.random((n, 1))
    points = np.hstack([xyz, refl]).astype(np.float32)
    voxel_size = np.array([0.4, 0.4, 1.0], dtype=np.float32)
    coors_range = np.array([0.0, -8.0, -3.0, 16.0, 8.0, 1.0], dtype=np.float32)
    max_points, max_voxels = 5, 2000
    num_points_per_voxel = np.zeros(shape=(max_voxels, ), dtype=np.int32)
    coor_to_voxelidx = -np.ones(shape=(4, 40, 40), dtype=np.int32)
    voxels = np.zeros(shape=(max_voxels, max_points, points.shape[-1]), dtype=points.dtype)
    coors = np.zeros(shape=(max_voxels, 3), dtype=np.int32)
    return (points, voxel_size, coors_range, num_points_per_voxel,
            coor_to_voxelidx, voxels, coors, max_points, max_voxels)
