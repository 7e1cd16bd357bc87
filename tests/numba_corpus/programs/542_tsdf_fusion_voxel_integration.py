# Source: andyzeng/tsdf-fusion-python fusion.py (at commit 655141ae)
# Licence: BSD-2-Clause (tsdf-fusion-python, LICENSE; Copyright (c) 2019, Princeton University)
# Notes: volumetric TSDF fusion of an RGB-D frame (KinectFusion-style truncated signed distance integration, CPU path): voxel grid coordinates to world points, world/camera points projected to pixels with the pinhole intrinsics, and the running weighted average of truncated distances per voxel; Numba features: @njit(parallel=True) with prange loops, .astype(np.float32) on arguments, np.empty_like(x, dtype=np.float32) and np.empty((n, 2), dtype=np.int64), tuple unpacking of 2-D array elements fx, fy = intr[0, 0], intr[1, 1], int(np.round(...)) per pixel, float32/float64 mixing, and a 2-tuple of arrays as the result. Pasted: the three jitted kernels TSDFVolume.vox2world, TSDFVolume.cam2pix and TSDFVolume.integrate_tsdf, taken out of the class as module-level functions (the @staticmethod above each @njit(parallel=True) dropped), and the plain helper rigid_transform; left out: the TSDFVolume class itself (constructor, the PyCUDA kernel source, integrate, get_volume, marching-cubes meshing) and the skimage/pycuda imports; the harness follows TSDFVolume.integrate's CPU branch on a 10 x 9 x 8 voxel volume (voxel size 0.05 m) with a 24 x 32 synthetic depth image of a tilted plane and a camera pose looking down the z axis: vox2world, rigid_transform by the inverse pose, cam2pix, the view-frustum and truncation masks, then integrate_tsdf twice (two observations with weights 1.0 and 0.5), returning world points, pixels and the TSDF values and weights
import numpy as np

from numba import njit, prange


@njit(parallel=True)
def vox2world(vol_origin, vox_coords, vox_size):
  """Convert voxel grid coordinates to world coordinates.
  """
  vol_origin = vol_origin.astype(np.float32)
  vox_coords = vox_coords.astype(np.float32)
  cam_pts = np.empty_like(vox_coords, dtype=np.float32)
  for i in prange(vox_coords.shape[0]):
    for j in range(3):
      cam_pts[i, j] = vol_origin[j] + (vox_size * vox_coords[i, j])
  return cam_pts

@njit(parallel=True)
def cam2pix(cam_pts, intr):
  """Convert camera coordinates to pixel coordinates.
  """
  intr = intr.astype(np.float32)
  fx, fy = intr[0, 0], intr[1, 1]
  cx, cy = intr[0, 2], intr[1, 2]
  pix = np.empty((cam_pts.shape[0], 2), dtype=np.int64)
  for i in prange(cam_pts.shape[0]):
    pix[i, 0] = int(np.round((cam_pts[i, 0] * fx / cam_pts[i, 2]) + cx))
    pix[i, 1] = int(np.round((cam_pts[i, 1] * fy / cam_pts[i, 2]) + cy))
  return pix

@njit(parallel=True)
def integrate_tsdf(tsdf_vol, dist, w_old, obs_weight):
  """Integrate the TSDF volume.
  """
  tsdf_vol_int = np.empty_like(tsdf_vol, dtype=np.float32)
  w_new = np.empty_like(w_old, dtype=np.float32)
  for i in prange(len(tsdf_vol)):
    w_new[i] = w_old[i] + obs_weight
    tsdf_vol_int[i] = (w_old[i] * tsdf_vol[i] + obs_weight * dist[i]) / w_new[i]
  return tsdf_vol_int, w_new


def rigid_transform(xyz, transform):
  """Applies a rigid transform to an (N, 3) pointcloud.
  """
  xyz_h = np.hstack([xyz, np.ones((len(xyz), 1), dtype=np.float32)])
  xyz_t_h = np.dot(transform, xyz_h.T).T
  return xyz_t_h[:, :3]
# ---- harness (not part of the program) ----
ENTRY = "run_fusion"


def run_fusion(vol_origin, vol_dim, voxel_size, depth_im, cam_intr, cam_pose):
    # TSDFVolume.__init__ (CPU branch) and TSDFVolume.integrate (CPU branch), TSDF part
    trunc_margin = 5 * voxel_size
    xv, yv, zv = np.meshgrid(range(vol_dim[0]), range(vol_dim[1]), range(vol_dim[2]),
                             indexing='ij')
    vox_coords = np.concatenate([xv.reshape(1, -1), yv.reshape(1, -1),
                                 zv.reshape(1, -1)], axis=0).astype(int).T
    tsdf_vol = np.ones(tuple(vol_dim)).astype(np.float32)
    weight_vol = np.zeros(tuple(vol_dim)).astype(np.float32)
    im_h, im_w = depth_im.shape
    world_pts = vox2world(vol_origin, vox_coords, voxel_size)
    cam_pts = rigid_transform(world_pts, np.linalg.inv(cam_pose))
    pix_z = cam_pts[:, 2]
    pix = cam2pix(cam_pts, cam_intr)
    pix_x, pix_y = pix[:, 0], pix[:, 1]
    valid_pix = np.logical_and(pix_x >= 0,
                np.logical_and(pix_x < im_w,
                np.logical_and(pix_y >= 0,
                np.logical_and(pix_y < im_h,
                pix_z > 0))))
    depth_val = np.zeros(pix_x.shape)
    depth_val[valid_pix] = depth_im[pix_y[valid_pix], pix_x[valid_pix]]
    depth_diff = depth_val - pix_z
    valid_pts = np.logical_and(depth_val > 0, depth_diff >= -trunc_margin)
    dist = np.minimum(1, depth_diff / trunc_margin)
    vx = vox_coords[valid_pts, 0]
    vy = vox_coords[valid_pts, 1]
    vz = vox_coords[valid_pts, 2]
    for obs_weight in (1.0, 0.5):
        w_old = weight_vol[vx, vy, vz]
        tsdf_vals = tsdf_vol[vx, vy, vz]
        tsdf_new, w_new = integrate_tsdf(tsdf_vals, dist[valid_pts], w_old, obs_weight)
        weight_vol[vx, vy, vz] = w_new
        tsdf_vol[vx, vy, vz] = tsdf_new
    return world_pts, pix, tsdf_vol, weight_vol


def inputs():
    # a tilted plane about 0.6 m in front of a camera at the origin looking along +z
    rng = np.random.default_rng(0)
    im_h, im_w = 24, 32
    cam_intr = np.array([[30.0, 0.0, 16.0], [0.0, 30.0, 12.0], [0.0, 0.0, 1.0]])
    cam_pose = np.eye(4)
    cam_pose[:3, 3] = [0.02, -0.01, 0.0]
    v, u = np.mgrid[0:im_h, 0:im_w]
    depth_im = 0.6 + 0.004 * (u - 16) + 0.002 * (v - 12) + rng.normal(0, 0.002, (im_h, im_w))
    depth_im[rng.random((im_h, im_w)) < 0.05] = 0.0   # missing depth
    vol_origin = np.array([-0.25, -0.2, 0.4], dtype=np.float32)
    vol_dim = np.array([10, 9, 8])
    return (vol_origin, vol_dim, 0.05, depth_im, cam_intr, cam_pose)
