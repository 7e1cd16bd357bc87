# Source: cdeldon/cartesio cartesio/core/jit_compile.py, cartesio/bbox/_iou_helper.py, cartesio/bbox/area.py, cartesio/bbox/iou.py (all at commit 368a6dad); cartesio/core/__init__.py (at commit af9372c8)
# Licence: MIT (cartesio; "License :: OSI Approved :: MIT License" and license="MIT license" in its setup.py; author Carlo Del Don)
# Notes: the bounding-box kernels of cartesio, "simple geometry accelerated with Numba" (intersection-over-union for object detection). Pasted: cartesio/core/jit_compile.py whole (jit_compile is numba.njit unless the CARTESIO_DISABLE_JIT_COMPILE environment variable is set or numba is missing, in which case a pass-through decorator that sets py_func is defined), then the line `jitted = jit_compile` standing in for cartesio/core/__init__.py's `from .jit_compile import jit_compile as jitted`; cartesio/bbox/_iou_helper.py (_intersection_bb_size: builtin max / min on array elements mixing the integer 0 with floats, returning np.array([width, height])), cartesio/bbox/area.py (area of a box as (x2 - x1) * (y2 - y1)) and cartesio/bbox/iou.py (_iou_single_v1, which tuple-unpacks the 2-element array returned by _intersection_bb_size and calls area, and the plain-Python _iou_v1 filling a float32 N x M matrix by calling the jitted single-pair IoU on row views, exported as iou_single / iou), all with their `from ..core import jitted` / `from .area import area` / `from ._iou_helper import ...` lines left out (the modules are pasted above their users). The harness computes the IoU matrix between 7 and 5 random boxes given as float64 rows, the single-pair IoU for a few pairs (identical, disjoint, touching, nested boxes, and an int64 pair that takes another compiled specialisation), and area / _intersection_bb_size on their own (note that the source mixes the [x, y, w, h] convention in _intersection_bb_size with [x1, y1, x2, y2] in area; the values are taken as the code gives them)
# ---- cartesio/core/jit_compile.py ----
import os
import warnings
from functools import wraps

__all__ = [
    "jit_compile",
]

ENV_CARTESIO_DISABLE_JIT_COMPILE = "CARTESIO_DISABLE_JIT_COMPILE"
DISABLE_JIT_COMPILE = os.getenv(ENV_CARTESIO_DISABLE_JIT_COMPILE, "FALSE").upper() in {
    "TRUE",
    "YES",
    "1",
}

_numba_jit_compile = False
if not DISABLE_JIT_COMPILE:
    try:
        import numba

        jit_compile = numba.njit

        _numba_jit_compile = True

    except ModuleNotFoundError:

        warnings.warn("Numba module not found. Performance will be degraded")
else:
    warnings.warn(
        "Numba jit compilation disabled via environment variable {}. "
        "Performance will be degraded".format(ENV_CARTESIO_DISABLE_JIT_COMPILE)
    )

if _numba_jit_compile is False:

    def jit_compile(
        py_signature_or_function=None,
        **numba_kwargs,
    ):
        if py_signature_or_function is None:

            def decorator(
                py_signature_or_function_inner,
            ):

                if not hasattr(py_signature_or_function_inner, "py_func"):
                    setattr(
                        py_signature_or_function_inner,
                        "py_func",
                        py_signature_or_function_inner,
                    )

                @wraps(py_signature_or_function_inner)
                def inner(
                    *args,
                    **kwargs,
                ):
                    return py_signature_or_function_inner(*args, **kwargs)

                return inner

            return decorator
        else:

            if not hasattr(py_signature_or_function, "py_func"):
                setattr(py_signature_or_function, "py_func", py_signature_or_function)
            return py_signature_or_function

jitted = jit_compile  # stands in for cartesio/core/__init__.py: `from .jit_compile import jit_compile as jitted`

# ---- cartesio/bbox/_iou_helper.py ----
"""Module containing helper functions for IOU computations
"""
import numpy as np

__all__ = [
    "_intersection_bb_size",
]


@jitted
def _intersection_bb_size(
    bb_0: np.ndarray,
    bb_1: np.ndarray,
) -> np.ndarray:
    """Computes the size of the intersection between two bboxes
    :param bb_0: 1-dimensional np.ndarray of shape (4,) representing the first bbox
    :param bb_1: 1-dimensional np.ndarray of shape (4,) representing the second bbox
    :return: 1-dimensional np.ndarray of shape (2,) representing the [width, height] of the
    intersection between bb_0 and bb_1
    """

    left = max(bb_0[0], bb_1[0])
    right = min(bb_0[0] + bb_0[2], bb_1[0] + bb_1[2])

    width = max(0, right - left)

    top = max(bb_0[1], bb_1[1])
    bottom = min(bb_0[1] + bb_0[3], bb_1[1] + bb_1[3])

    height = max(0, bottom - top)

    return np.array([width, height])

# ---- cartesio/bbox/area.py ----
"""Module implementing functions to compute the area of a bounding box
"""
import numpy as np

__all__ = [
    "area",
]


@jitted
def area(
    bb: np.ndarray,
) -> float:
    """Computes the area of the bbox passed as argument
    :param bb: 1-dimensional np.ndarray of shape (4,) representing the bbox for which to compute the area # noqa: E501
    :return: the area of the bbox passed as argument
    """

    width = bb[2] - bb[0]
    height = bb[3] - bb[1]

    return width * height

# ---- cartesio/bbox/iou.py ----
"""Module implementing functions to compute the IOU between bounding boxes
"""
import numpy as np

__all__ = [
    "iou_single",
    "iou",
]


@jitted
def _iou_single_v1(
    bb_0: np.ndarray,
    bb_1: np.ndarray,
) -> float:
    """Computes the IOU between the two bboxes passed as argument

    The computation of the iou is performed by computing the size of the intersecting bbox
    and by computing the ratio between the resulting area and the sum of the individual areas
    subtracted the intersection area.

    :param bb_0: 1-dimensional np.ndarray of shape (4,) representing the first bbox
    :param bb_1: 1-dimensional np.ndarray of shape (4,) representing the second bbox
    :return: The intersection of union (IOU) between the two bounding bb_1 passed as argument
    """

    # Compute the coordinates of the intersecting rectangle
    w_in, h_in = _intersection_bb_size(bb_0, bb_1)
    intersection_area = w_in * h_in

    # Compute the areas of the individual bboxes
    area_0 = area(bb_0)
    area_1 = area(bb_1)

    return intersection_area / (area_0 + area_1 - intersection_area)


def _iou_v1(
    bbs_0: np.ndarray,
    bbs_1: np.ndarray,
) -> np.ndarray:
    """Computes the iou between the bbs in bbs_0 abd bbs_1

    :param bbs_0: 2-dimensional np.ndarray of shape (N, 4) representing the first set of bboxes
    :param bbs_1: 2-dimensional np.ndarray of shape (M, 4) representing the second set of bboxes
    :return: 2-dimensional np.ndarray of shape (N, M), where the entry at [i, j] corresponds to the
    iou between bbs_0[i] and bbs_1[j]
    """
    N = bbs_0.shape[0]
    M = bbs_1.shape[0]
    ious = np.empty(shape=(N, M), dtype=np.float32)
    for i in range(N):
        bb_0_i = bbs_0[i]
        for j in range(M):
            bb_1_j = bbs_1[j]
            ious[i, j] = _iou_single_v1(bb_0_i, bb_1_j)
    return ious


iou_single = _iou_single_v1
iou = _iou_v1
# ---- harness (not part of the program) ----
ENTRY = "cartesio_boxes"


def cartesio_boxes(bbs_0, bbs_1):
    mat = iou(bbs_0, bbs_1)
    a = np.array([0.0, 0.0, 4.0, 3.0])
    pairs = [(a, a), (a, np.array([10.0, 10.0, 12.0, 13.0])),
             (a, np.array([4.0, 0.0, 6.0, 3.0])),
             (np.array([0.0, 0.0, 10.0, 10.0]), np.array([2.0, 2.0, 5.0, 5.0]))]
    singles = np.array([iou_single(p, q) for p, q in pairs])
    ints = iou_single(np.array([0, 0, 6, 6], dtype=np.int64),
                      np.array([2, 3, 9, 8], dtype=np.int64))
    areas = np.array([area(b) for b in bbs_0])
    inter = np.array([_intersection_bb_size(bbs_0[i], bbs_1[i % 5])
                      for i in range(7)])
    return mat, singles, ints, areas, inter


def inputs():
    rng = np.random.default_rng(0)
    xy0 = rng.uniform(0.0, 10.0, size=(7, 2))
    wh0 = rng.uniform(5.0, 9.0, size=(7, 2))
    xy1 = rng.uniform(0.0, 10.0, size=(5, 2))
    wh1 = rng.uniform(5.0, 9.0, size=(5, 2))
    return (np.hstack((xy0, xy0 + wh0)), np.hstack((xy1, xy1 + wh1)))
