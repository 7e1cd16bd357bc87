# Source: algotom/algotom algotom/util/correlation.py (normalize_image, _generate_correlation_map_2d_input_cpu, _generate_correlation_map_3d_input_cpu; at commit 083511db)
# Licence: Apache-2.0 (Algotom, the file's header: Copyright (c) 2022 Nghia T. Vo, Licensed under the Apache License, Version 2.0)
# Notes: correlation-based shift finding for tomography images (image processing, X-ray imaging): _generate_correlation_map_2d_input_cpu and _generate_correlation_map_3d_input_cpu (@jit(nopython=True, parallel=False, cache=True)) slide a template over a reference image, take 2-D (or 3-D with a leading full slice) windows with tuple-unpacked bounds, subtract np.mean, compute the Pearson coefficient with np.sum of elementwise products and math.sqrt, and store it into a float32 map (a float64 value written into a float32 array); normalize_image (plain NumPy) prepares the images. Pasted: the module's licence header and docstring, the imports used (math, numpy, warnings, numba's jit and NumbaWarning; cuda left out of that import line with the GPU kernels, joblib, multiprocessing, scipy and the algotom import left out) with the NumbaWarning filter, normalize_image and the two CPU functions; the harness correlates a 24 x 24 template cut from a synthetic 64 x 64 speckle image shifted by (5, -3) pixels against the unshifted image (after normalize_image), does the same for a 3-slice stack, and returns the maps and the argmax positions as the package's find_shift functions do
# ============================================================================
# ============================================================================
# Copyright (c) 2022 Nghia T. Vo. All rights reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
# ============================================================================
# Author: Nghia T. Vo
# E-mail:
# Description: Python module of correlation-related methods.
# Publication date: 20th June 2022
# Contributors:
# ============================================================================

"""
Module of correlation-based methods for finding shifts between images or
stacks of images. The methods are designed to be flexible to:

    -   Run on multicore CPU or GPU.
    -   Use small/large RAM or small/large GPU memory.
    -   Work with small/large size of data.
    -   Find shifts locally or globally.
"""

import math
import numpy as np
from numba import jit, NumbaWarning
import warnings

warnings.filterwarnings("ignore", category=NumbaWarning)


def normalize_image(mat):
    """
    Normalize an image.

    Parameters
    ----------
    mat : array_like
        2D or 3D array.

    Returns
    -------
    array_like
        2D or 3D array. Normalized image.
    """
    if len(mat.shape) == 3:
        mat1 = (mat - np.mean(mat)) / np.std(mat)
        mat1 = mat1 - np.min(mat1)
    else:
        rlist = np.sum(mat, axis=0)
        clist = np.transpose([np.sum(mat, axis=1)])
        mat1 = (mat / rlist) / clist
        mat1 = (mat1 - np.mean(mat1)) / np.std(mat1)
    return mat1


@jit(nopython=True, parallel=False, cache=True)
def _generate_correlation_map_2d_input_cpu(ref_mat, mat):  # pragma: no cover
    """
    CPU-function to generate a correlation map (Pearson coefficients) by
    shifting the second image around the first image.

    Parameters
    ----------
    ref_mat : array_like
        2D array. Reference image (size of height0 x width0).
    mat : array_like
        2D array. Image to be translated (size of height1 x width1). Its
        size should be smaller than the reference image.

    Returns
    -------
    array_like
        2D array with the size of (height0-height1+1) x (width0-width1+1)
    """
    (height0, width0) = ref_mat.shape
    (height1, width1) = mat.shape
    height2, width2 = height0 - height1 + 1, width0 - width1 + 1
    mat1 = mat - np.mean(mat)
    num = np.sum(mat1 * mat1)
    coef_mat = np.zeros((height2, width2), dtype=np.float32)
    for i in range(height2):
        for j in range(width2):
            row0, row1 = i, i + height1
            col0, col1 = j, j + width1
            ref_mat1 = ref_mat[row0:row1, col0:col1]
            ref_mat1 = ref_mat1 - np.mean(ref_mat1)
            ref_num = np.sum(ref_mat1 * ref_mat1)
            num1 = math.sqrt(num * ref_num)
            if num1 != 0.0:
                coef_mat[i, j] = np.sum(mat1 * ref_mat1) / num1
    return coef_mat


@jit(nopython=True, parallel=False, cache=True)
def _generate_correlation_map_3d_input_cpu(ref_mat, mat):  # pragma: no cover
    """
    CPU-function to generate a correlation map (Pearson coefficients) by
    shifting the second 3d-image around the first 3d-image along the axes of
    1 and 2.

    Parameters
    ----------
    ref_mat : array_like
        3D array. Reference image (size of depth0 x height0 x width0).
    mat : array_like
        3D array. Image to be translated (size of depth0 x height1 x width1).
        Its size (height1, width1) must be smaller than the reference image.

    Returns
    -------
    array_like
        2D array with the size of (height0-height1+1) x (width0-width1+1)
    """
    (height0, width0) = ref_mat.shape[-2:]
    (height1, width1) = mat.shape[-2:]
    height2, width2 = height0 - height1 + 1, width0 - width1 + 1
    coef_mat = np.zeros((height2, width2), dtype=np.float32)
    mat1 = mat - np.mean(mat)
    num = np.sum(mat1 * mat1)
    for i in range(height2):
        for j in range(width2):
            row0, row1 = i, i + height1
            col0, col1 = j, j + width1
            ref_mat1 = ref_mat[:, row0:row1, col0:col1]
            ref_mat1 = ref_mat1 - np.mean(ref_mat1)
            ref_num = np.sum(ref_mat1 * ref_mat1)
            num1 = math.sqrt(num * ref_num)
            if num1 != 0.0:
                coef_mat[i, j] = np.sum(mat1 * ref_mat1) / num1
    return coef_mat
# ---- harness (not part of the program) ----
ENTRY = "run_correlation"


def run_correlation(img, img_shifted, stack, stack_shifted):
    ref = normalize_image(img)
    mov = normalize_image(img_shifted)
    template = mov[20:44, 20:44]
    cmap = _generate_correlation_map_2d_input_cpu(ref, template)
    pos = np.unravel_index(np.argmax(cmap), cmap.shape)
    ref3 = normalize_image(stack)
    mov3 = normalize_image(stack_shifted)
    cmap3 = _generate_correlation_map_3d_input_cpu(ref3, mov3[:, 20:44, 20:44])
    pos3 = np.unravel_index(np.argmax(cmap3), cmap3.shape)
    flat = _generate_correlation_map_2d_input_cpu(np.ones((10, 10)), np.ones((4, 4)))
    return cmap, tuple(int(p) for p in pos), cmap3, tuple(int(p) for p in pos3), flat


def inputs():
    rng = np.random.default_rng(0)
    base = rng.uniform(0.5, 1.5, (80, 80))
    # smooth speckle
    k = np.ones(3) / 3.0
    for axis in (0, 1):
        base = np.apply_along_axis(lambda v: np.convolve(v, k, mode="same"), axis, base)
    img = base[8:72, 8:72].copy()
    img_shifted = base[8 + 5:72 + 5, 8 - 3:72 - 3].copy()
    stack = np.stack([img, img * 1.1 + 0.05, img ** 1.2])
    stack_shifted = np.stack([img_shifted, img_shifted * 1.1 + 0.05, img_shifted ** 1.2])
    return (img, img_shifted, stack, stack_shifted)
