# Source: lambdaloop/aniposelib aniposelib/cameras.py (at commit f10b7389)
# Licence: BSD (aniposelib, setup.py classifier "License :: OSI Approved :: BSD License"; Lili Karashchuk)
# Notes: direct linear transform (DLT) triangulation of one 3-D point from its undistorted 2-D positions in several calibrated cameras, as Anipose uses for markerless 3-D pose estimation of animals (computer vision): triangulate_simple (@jit(nopython=True, parallel=True), no prange) unpacks each camera's 2-D point with `x, y = points[i]`, fills two rows of a (2C, 4) matrix per camera with row-slice assignments of x * mat[2] - mat[0], takes np.linalg.svd(A, full_matrices=True) and dehomogenises the last right singular vector. Pasted: the numpy import, `from numba import jit` and triangulate_simple (left out: the cv2/scipy/toml/tqdm imports, the relative imports and the Camera/CameraGroup classes, which need OpenCV); the harness does what CameraGroup.triangulate does after undistortion: for every point it keeps the cameras whose x is not NaN and, when at least two remain, triangulates from the 4x4 extrinsic matrices (make_M: Rodrigues rotation plus translation, built here in NumPy) of those cameras; 5 cameras on a ring looking at the origin, 300 points with small noise and ~10% missing detections
import numpy as np
from numba import jit


@jit(nopython=True, parallel=True)
def triangulate_simple(points, camera_mats):
    num_cams = len(camera_mats)
    A = np.zeros((num_cams * 2, 4))
    for i in range(num_cams):
        x, y = points[i]
        mat = camera_mats[i]
        A[(i * 2):(i * 2 + 1)] = x * mat[2] - mat[0]
        A[(i * 2 + 1):(i * 2 + 2)] = y * mat[2] - mat[1]
    u, s, vh = np.linalg.svd(A, full_matrices=True)
    p3d = vh[-1]
    p3d = p3d[:3] / p3d[3]
    return p3d
# ---- harness (not part of the program) ----
ENTRY = "triangulate_all"


def _rodrigues(rvec):
    theta = np.linalg.norm(rvec)
    if theta < 1e-12:
        return np.eye(3)
    k = rvec / theta
    K = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    return np.eye(3) + np.sin(theta) * K + (1 - np.cos(theta)) * K @ K


def _make_M(rvec, tvec):
    out = np.zeros((4, 4))
    out[:3, :3] = _rodrigues(rvec)
    out[:3, 3] = tvec.flatten()
    out[3, 3] = 1
    return out


def triangulate_all(points, cam_mats):
    # CameraGroup.triangulate after undistortion
    n_cams, n_points, _ = points.shape
    out = np.empty((n_points, 3))
    out[:] = np.nan
    for ip in range(n_points):
        subp = points[:, ip, :]
        good = ~np.isnan(subp[:, 0])
        if np.sum(good) >= 2:
            out[ip] = triangulate_simple(subp[good], cam_mats[good])
    return out


def inputs():
    rng = np.random.default_rng(0)
    n_cams, n_points = 5, 300
    cam_mats = []
    for c in range(n_cams):
        ang = 2 * np.pi * c / n_cams
        rvec = np.array([0.0, -ang, 0.0]) + rng.normal(0, 0.02, 3)
        R = _rodrigues(rvec)
        centre = np.array([np.sin(ang), 0.1 * c, -np.cos(ang)]) * 3.0
        tvec = -R @ centre
        cam_mats.append(_make_M(rvec, tvec))
    cam_mats = np.array(cam_mats)
    p3d = rng.normal(0, 0.4, (n_points, 3))
    ph = np.hstack([p3d, np.ones((n_points, 1))])
    points = np.empty((n_cams, n_points, 2))
    for c in range(n_cams):
        proj = ph @ cam_mats[c].T
        points[c] = proj[:, :2] / proj[:, 2:3]
    points += rng.normal(0, 1e-3, points.shape)
    miss = rng.random((n_cams, n_points)) < 0.1
    points[miss] = np.nan
    return (points, cam_mats)
