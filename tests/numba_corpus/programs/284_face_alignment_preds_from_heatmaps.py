# Source: 1adrianb/face-alignment face_alignment/utils.py (at commit 7e6602a3)
# Licence: BSD-3-Clause (face-alignment, LICENSE; Copyright (c) Adrian Bulat)
# Notes: facial landmark coordinates from the heatmaps of a face-alignment network (computer vision): _get_preds_fromhm (@jit(nopython=True), optional center=None, scale=None arguments) unpacks the 4-D heatmap shape, increments the argmax index array in place (idx += 1), builds a float32 (B, C, 2) array with idx.repeat(2).reshape(...).astype(np.float32), turns flat indices into x/y with % and np.floor on 2-D slices, refines each landmark by a quarter pixel towards the larger neighbour with np.sign of a small np.array, subtracts 0.5, and, when center and scale are given (an Optional check), maps every point back into the original image with the jitted transform_np, which builds a 3x3 affine matrix with np.eye, inverts it with np.linalg.pinv, and returns np.dot(t, _pt)[0:2].astype(np.int32) assigned into a float32 row. Pasted: the two jitted functions and the import lines they use (numpy, numba.jit); left out: the module's torch, cv2, skimage, urllib and torch.hub imports and its other functions (pure Python, torch or OpenCV; not called); the harness does what get_preds_fromhm does (np.argmax over the flattened 64x64 heatmaps) for a batch of two faces with 68 landmarks each and a face center and scale as FaceAlignment.get_landmarks_from_image computes them
import numpy as np
from numba import jit


@jit(nopython=True)
def transform_np(point, center, scale, resolution, invert=False):
    """Generate and affine transformation matrix.

    Given a set of points, a center, a scale and a targer resolution, the
    function generates and affine transformation matrix. If invert is ``True``
    it will produce the inverse transformation.

    Arguments:
        point {numpy.array} -- the input 2D point
        center {numpy.array} -- the center around which to perform the transformations
        scale {float} -- the scale of the face/object
        resolution {float} -- the output resolution

    Keyword Arguments:
        invert {bool} -- define wherever the function should produce the direct or the
        inverse transformation matrix (default: {False})
    """
    _pt = np.ones(3)
    _pt[0] = point[0]
    _pt[1] = point[1]

    h = 200.0 * scale
    t = np.eye(3)
    t[0, 0] = resolution / h
    t[1, 1] = resolution / h
    t[0, 2] = resolution * (-center[0] / h + 0.5)
    t[1, 2] = resolution * (-center[1] / h + 0.5)

    if invert:
        t = np.ascontiguousarray(np.linalg.pinv(t))

    new_point = np.dot(t, _pt)[0:2]

    return new_point.astype(np.int32)


@jit(nopython=True)
def _get_preds_fromhm(hm, idx, center=None, scale=None):
    """Obtain (x,y) coordinates given a set of N heatmaps and the
    coresponding locations of the maximums. If the center
    and the scale is provided the function will return the points also in
    the original coordinate frame.

    Arguments:
        hm {torch.tensor} -- the predicted heatmaps, of shape [B, N, W, H]

    Keyword Arguments:
        center {torch.tensor} -- the center of the bounding box (default: {None})
        scale {float} -- face scale (default: {None})
    """
    B, C, H, W = hm.shape
    idx += 1
    preds = idx.repeat(2).reshape(B, C, 2).astype(np.float32)
    preds[:, :, 0] = (preds[:, :, 0] - 1) % W + 1
    preds[:, :, 1] = np.floor((preds[:, :, 1] - 1) / H) + 1

    for i in range(B):
        for j in range(C):
            hm_ = hm[i, j, :]
            pX, pY = int(preds[i, j, 0]) - 1, int(preds[i, j, 1]) - 1
            if pX > 0 and pX < 63 and pY > 0 and pY < 63:
                diff = np.array(
                    [hm_[pY, pX + 1] - hm_[pY, pX - 1],
                     hm_[pY + 1, pX] - hm_[pY - 1, pX]])
                preds[i, j] += np.sign(diff) * 0.25

    preds -= 0.5

    preds_orig = np.zeros_like(preds)
    if center is not None and scale is not None:
        for i in range(B):
            for j in range(C):
                preds_orig[i, j] = transform_np(
                    preds[i, j], center, scale, H, True)

    return preds, preds_orig

# ---- harness (not part of the program) ----
ENTRY = "_get_preds_fromhm"


def inputs():
    # float32 heatmaps of 2 faces x 68 landmarks on a 64x64 grid: a Gaussian
    # blob (sigma 2) at a random sub-pixel position plus small noise, as the
    # network outputs; idx as get_preds_fromhm computes it; the face center and
    # scale for a 240x260 px detection box (scale = (w + h) / 195)
    rng = np.random.default_rng(0)
    B, C, H, W = 2, 68, 64, 64
    yy, xx = np.mgrid[0:H, 0:W]
    cx = rng.uniform(4.0, 60.0, (B, C))
    cy = rng.uniform(4.0, 60.0, (B, C))
    hm = np.exp(-((xx[None, None] - cx[..., None, None]) ** 2
                  + (yy[None, None] - cy[..., None, None]) ** 2) / 8.0)
    hm = (hm + 0.01 * rng.random((B, C, H, W))).astype(np.float32)
    idx = np.argmax(hm.reshape(B, C, H * W), axis=2)
    center = np.array([320.0, 250.0 - (260.0 * 0.12)])
    scale = (240.0 + 260.0) / 195.0
    return (hm, idx, center, scale)
