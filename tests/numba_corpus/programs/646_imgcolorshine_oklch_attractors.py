# Source: twardoch/imgcolorshine src/imgcolorshine/fast_numba/trans_numba.py (at commit 4765eb71), src/imgcolorshine/fast_numba/falloff_numba.py (at commit 90f5fc6c), src/imgcolorshine/fast_numba/gamut_numba.py (at commit 41a64b0d), src/imgcolorshine/fast_numba/engine_kernels.py (at commit 85915b14)
# Licence: MIT (imgcolorshine, pyproject.toml: license text 'MIT' and "License :: OSI Approved :: MIT License"; Adam Twardoch)
# Notes: the Numba kernels of imgcolorshine, Adam Twardoch's tool that recolours images by pulling pixels towards "attractor" colours in the perceptual OKLCH space. trans_numba.py: sRGB <-> linear RGB <-> XYZ <-> LMS <-> Oklab <-> OKLCH conversions with module-level float32 3x3 matrices read as globals, np.where with a scalar power, a hand-unrolled 3x3 matrix-vector product into np.zeros(3, dtype=np.float32), np.cbrt, tuple unpacking of a 3-element array (`L, a, b = oklab`), np.degrees/np.radians/np.arctan2, np.array([...], dtype=oklab.dtype), chained comparisons `0.0 <= rgb[0] <= 1.0` wrapped in bool(), a bisection loop on chroma with a defaulted eps argument, and @numba.njit(parallel=True) batch functions whose numba.prange loops assign 3-vectors into rows of np.empty_like(image, dtype=np.float32). falloff_numba.py: five falloff curves chosen by an int code through early returns, and linear interpolation in a lookup table with int() truncation and lut[-1]. gamut_numba.py: a bisection with `for _ in range(20)` and break, and a prange loop unpacking `l, c, h = colors_flat[i]`. engine_kernels.py: the fused per-pixel transform, a prange over h * w with // and %, per-attractor weights from a raised-cosine falloff with min()/max() of floats, and a circular hue average with np.deg2rad/np.rad2deg. All functions carry cache=True. Edits: in gamut_numba.py `from imgcolorshine.trans_numba import (is_in_gamut_srgb, oklab_to_srgb_single, oklch_to_oklab_single)` is dropped (the names are defined by the pasted trans_numba.py above), and in engine_kernels.py `from . import trans_numba` is replaced by a module object (types.ModuleType) holding the pasted trans_numba functions, so that the call trans_numba.oklab_to_oklch_single(...) stays as written; engine_kernels.py's `from __future__ import annotations` is dropped (a __future__ import must open the file; trans_numba.py's copy at the top already applies); `import types as _types` is added after the first __future__ import; the duplicated module-level imports and the shebang/script headers of the later files are kept. The harness builds a deterministic 6 x 5 float32 sRGB image (including pure black, white and saturated primaries), converts it to Oklab/OKLCH and back, gamut-maps OKLCH colours with too much chroma (both batch functions), evaluates all falloffs and a falloff LUT at several distances, and runs the fused kernel with three attractors for several flag combinations and strengths above 100
# ---- src/imgcolorshine/fast_numba/trans_numba.py ----
#!/usr/bin/env -S uv run -s
# /// script
# dependencies = ["numpy", "numba"]
# ///
# this_file: src/imgcolorshine/fast_numba/trans_numba.py

"""
Numba-optimized color space transformations for high performance.

This is the **single authoritative implementation** used by imgcolorshine.
It provides fully-vectorised sRGB ↔ Oklab ↔ OKLCH conversions, gamut
mapping and batch helpers.  All functions are JIT-compiled with Numba for
speed and are float32-centric to minimise memory traffic.
"""

from __future__ import annotations

import types as _types  # (for the module object replacing `from . import trans_numba`, see Notes)

from typing import Any

import numba
import numpy as np

# Constants
FULL_CIRCLE_DEGREES = 360.0

# ===========================================================================
# COLOR SPACE MATRICES (CSS Color Module 4 reference values)
# ===========================================================================
# These matrices define the transformations between color spaces according to
# the CSS Color Module 4 specification. All matrices use float32 for performance.

_LINEAR_RGB_TO_XYZ = np.array(
    [
        [0.4123907992659595, 0.3575843393838780, 0.1804807884018343],
        [0.2126390058715104, 0.7151686787677559, 0.0721923153607337],
        [0.0193308187155918, 0.1191947797946259, 0.9505321522496608],
    ],
    dtype=np.float32,
)

_XYZ_TO_LINEAR_RGB = np.array(
    [
        [3.2409699419045213, -1.5373831775700935, -0.4986107602930033],
        [-0.9692436362808798, 1.8759675015077206, 0.0415550574071756],
        [0.0556300796969936, -0.2039769588889765, 1.0569715142428784],
    ],
    dtype=np.float32,
)

_XYZ_TO_LMS = np.array(
    [
        [0.8189330101, 0.3618667424, -0.1288597137],
        [0.0329845436, 0.9293118715, 0.0361456387],
        [0.0482003018, 0.2643662691, 0.6338517070],
    ],
    dtype=np.float32,
)

_LMS_TO_XYZ = np.array(
    [
        [1.2270138511035211, -0.5577999806518222, 0.2812561489664678],
        [-0.0405801784232806, 1.1122568696168302, -0.0716766786656012],
        [-0.0763812845057069, -0.4214819784180127, 1.5861632204407947],
    ],
    dtype=np.float32,
)

_LMS_TO_OKLAB = np.array(
    [
        [0.2104542553, 0.7936177850, -0.0040720468],
        [1.9779984951, -2.4285922050, 0.4505937099],
        [0.0259040371, 0.7827717662, -0.8086757660],
    ],
    dtype=np.float32,
)

_OKLAB_TO_LMS = np.array(
    [
        [1.0000000000, 0.3963377774, 0.2158037573],
        [1.0000000000, -0.1055613458, -0.0638541728],
        [1.0000000000, -0.0894841775, -1.2914855480],
    ],
    dtype=np.float32,
)

# ===========================================================================
# UTILITY HELPERS
# ===========================================================================
# Low-level helper functions for color space conversions


@numba.njit(cache=True)
def _srgb_to_linear_component(c: float) -> float:
    """Inverse gamma for a single sRGB component."""
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


@numba.njit(cache=True)
def _linear_to_srgb_component(c: float) -> float:
    """Gamma-correct a single linear-RGB component."""
    if c <= 0.0031308:
        return c * 12.92
    return 1.055 * (c ** (1.0 / 2.4)) - 0.055


# ===========================================================================
# SRGB <-> LINEAR RGB CONVERSIONS
# ===========================================================================


@numba.njit(cache=True)
def srgb_to_linear(srgb: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Vectorised inverse gamma for 3-component array."""
    return np.where(
        srgb <= 0.04045,
        srgb / 12.92,
        ((srgb + 0.055) / 1.055) ** 2.4,
    )


@numba.njit(cache=True)
def linear_to_srgb(linear: np.ndarray) -> np.ndarray:
    """Vectorised gamma correction for 3-component array."""
    out = np.empty_like(linear)
    for i in range(3):
        out[i] = _linear_to_srgb_component(linear[i])
    return out


@numba.njit(cache=True)
def _matmul_3x3(mat: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """3×3 matrix × vector multiplication (unrolled for Numba optimization)."""
    res = np.zeros(3, dtype=np.float32)
    for i in range(3):
        res[i] = mat[i, 0] * vec[0] + mat[i, 1] * vec[1] + mat[i, 2] * vec[2]
    return res


# ===========================================================================
# SINGLE-PIXEL CONVERSIONS
# ===========================================================================
# Functions that operate on individual pixels (3-element arrays)


@numba.njit(cache=True)
def srgb_to_oklab_single(rgb: np.ndarray) -> np.ndarray:
    linear = srgb_to_linear(rgb)
    xyz = _matmul_3x3(_LINEAR_RGB_TO_XYZ, linear)
    lms = _matmul_3x3(_XYZ_TO_LMS, xyz)
    lms_cbrt = np.empty_like(lms)
    for i in range(3):
        lms_cbrt[i] = np.cbrt(lms[i])
    return _matmul_3x3(_LMS_TO_OKLAB, lms_cbrt)


@numba.njit(cache=True)
def oklab_to_srgb_single(oklab: np.ndarray) -> np.ndarray:
    lms_cbrt = _matmul_3x3(_OKLAB_TO_LMS, oklab)
    lms = np.empty_like(lms_cbrt)
    for i in range(3):
        lms[i] = lms_cbrt[i] ** 3
    xyz = _matmul_3x3(_LMS_TO_XYZ, lms)
    linear = _matmul_3x3(_XYZ_TO_LINEAR_RGB, xyz)
    return linear_to_srgb(linear)


# ===========================================================================
# BATCH IMAGE CONVERSIONS (Parallel Processing)
# ===========================================================================
# Functions that process entire images using parallel loops for performance


@numba.njit(parallel=True, cache=True)
def batch_srgb_to_oklab(rgb_image: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    h, w = rgb_image.shape[:2]
    out = np.empty_like(rgb_image, dtype=np.float32)
    for y in numba.prange(h):  # type: ignore[attr-defined]
        for x in range(w):
            out[y, x] = srgb_to_oklab_single(rgb_image[y, x])
    return out


@numba.njit(parallel=True, cache=True)
def batch_oklab_to_srgb(oklab_image: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    h, w = oklab_image.shape[:2]
    out = np.empty_like(oklab_image, dtype=np.float32)
    for y in numba.prange(h):  # type: ignore[attr-defined]
        for x in range(w):
            out[y, x] = oklab_to_srgb_single(oklab_image[y, x])
    return out


# ===========================================================================
# OKLAB <-> OKLCH CONVERSIONS
# ===========================================================================


@numba.njit(cache=True)
def oklab_to_oklch_single(oklab: np.ndarray) -> np.ndarray:
    L, a, b = oklab
    C = np.sqrt(a * a + b * b)
    H = np.degrees(np.arctan2(b, a))
    if H < 0:
        H += FULL_CIRCLE_DEGREES
    return np.array([L, C, H], dtype=oklab.dtype)


@numba.njit(cache=True)
def oklch_to_oklab_single(oklch: np.ndarray) -> np.ndarray:
    L, C, H = oklch
    h_rad = np.radians(H)
    a = C * np.cos(h_rad)
    b = C * np.sin(h_rad)
    return np.array([L, a, b], dtype=oklch.dtype)


@numba.njit(parallel=True, cache=True)
def batch_oklab_to_oklch(oklab_image: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    h, w = oklab_image.shape[:2]
    out = np.empty_like(oklab_image, dtype=np.float32)
    for y in numba.prange(h):  # type: ignore[attr-defined]
        for x in range(w):
            out[y, x] = oklab_to_oklch_single(oklab_image[y, x])
    return out


@numba.njit(parallel=True, cache=True)
def batch_oklch_to_oklab(oklch_image: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    h, w = oklch_image.shape[:2]
    out = np.empty_like(oklch_image, dtype=np.float32)
    for y in numba.prange(h):  # type: ignore[attr-defined]
        for x in range(w):
            out[y, x] = oklch_to_oklab_single(oklch_image[y, x])
    return out


# ===========================================================================
# GAMUT MAPPING
# ===========================================================================
# CSS Color Module 4 compliant gamut mapping using binary search on chroma


@numba.njit(cache=True)
def is_in_gamut_srgb(rgb: np.ndarray) -> bool:
    """Checks if a single sRGB color is within the [0, 1] gamut."""
    return bool((0.0 <= rgb[0] <= 1.0) and (0.0 <= rgb[1] <= 1.0) and (0.0 <= rgb[2] <= 1.0))


@numba.njit(cache=True)
def gamut_map_oklch_single(oklch: np.ndarray, eps: float = 1e-4) -> np.ndarray:
    L, C, H = oklch
    oklab = oklch_to_oklab_single(oklch)
    rgb = oklab_to_srgb_single(oklab)
    if is_in_gamut_srgb(rgb):
        return oklch
    c_lo, c_hi = 0.0, C
    while c_hi - c_lo > eps:
        c_mid = 0.5 * (c_lo + c_hi)
        test_oklch = np.array([L, c_mid, H], dtype=np.float32)
        test_rgb = oklab_to_srgb_single(oklch_to_oklab_single(test_oklch))
        if is_in_gamut_srgb(test_rgb):
            c_lo = c_mid
        else:
            c_hi = c_mid
    return np.array([L, c_lo, H], dtype=np.float32)


@numba.njit(parallel=True, cache=True)
def batch_gamut_map_oklch(oklch_image: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    h, w = oklch_image.shape[:2]
    out = np.empty_like(oklch_image, dtype=np.float32)
    for y in numba.prange(h):  # type: ignore[attr-defined]
        for x in range(w):
            out[y, x] = gamut_map_oklch_single(oklch_image[y, x])
    return out


# ---- src/imgcolorshine/fast_numba/falloff_numba.py ----
#!/usr/bin/env -S uv run -s
# /// script
# dependencies = ["numpy", "numba"]
# ///
# this_file: src/imgcolorshine/fast_numba/falloff_numba.py

"""Numba-optimized falloff functions."""

import numba
import numpy as np

@numba.njit(cache=True)
def falloff_cosine(d_norm: float) -> float:
    """Raised cosine falloff (smooth and natural)."""
    return 0.5 * (np.cos(d_norm * np.pi) + 1.0)

@numba.njit(cache=True)
def falloff_linear(d_norm: float) -> float:
    """Simple linear falloff."""
    return 1.0 - d_norm

@numba.njit(cache=True)
def falloff_quadratic(d_norm: float) -> float:
    """Quadratic ease-out falloff."""
    return 1.0 - d_norm * d_norm

@numba.njit(cache=True)
def falloff_gaussian(d_norm: float) -> float:
    """Gaussian falloff with sigma=0.4."""
    sigma = 0.4
    return np.exp(-(d_norm * d_norm) / (2 * sigma * sigma))

@numba.njit(cache=True)
def falloff_cubic(d_norm: float) -> float:
    """Cubic ease-out falloff."""
    inv = 1.0 - d_norm
    return inv * inv * inv

@numba.njit(cache=True)
def calculate_falloff(d_norm: float, falloff_type: int = 0) -> float:
    """Calculate falloff value based on normalized distance."""
    if falloff_type == 0:  # COSINE
        return falloff_cosine(d_norm)
    if falloff_type == 1:  # LINEAR
        return falloff_linear(d_norm)
    if falloff_type == 2:  # QUADRATIC
        return falloff_quadratic(d_norm)
    if falloff_type == 3:  # GAUSSIAN
        return falloff_gaussian(d_norm)
    if falloff_type == 4:  # CUBIC
        return falloff_cubic(d_norm)
    return falloff_cosine(d_norm)

@numba.njit(cache=True)
def apply_falloff_lut(d_norm: float, lut: np.ndarray) -> float:
    """Apply falloff using a precomputed lookup table."""
    idx_float = d_norm * (len(lut) - 1)
    idx = int(idx_float)
    if idx >= len(lut) - 1:
        return lut[-1]
    if idx < 0:
        return lut[0]
    frac = idx_float - idx
    return lut[idx] * (1 - frac) + lut[idx + 1] * frac


# ---- src/imgcolorshine/fast_numba/gamut_numba.py ----
#!/usr/bin/env -S uv run -s
# /// script
# dependencies = ["numpy", "numba"]
# ///
# this_file: src/imgcolorshine/gamut_numba.py

"""Numba-optimized gamut mapping functions."""

import numba
import numpy as np

# Import Numba-optimized functions from trans_numba
# (edit: `from imgcolorshine.trans_numba import (is_in_gamut_srgb, oklab_to_srgb_single,
#  oklch_to_oklab_single)` dropped; the names are defined by trans_numba.py above)


@numba.njit(cache=True)
def binary_search_chroma(l: float, c: float, h: float, epsilon: float = 0.0001) -> float:
    """
    Numba-optimized binary search for maximum in-gamut chroma.

    Finds the maximum chroma value that keeps the color within sRGB gamut
    using binary search. This is the core of the CSS Color Module 4 gamut
    mapping algorithm.

    Args:
        l: Lightness (0-1)
        c: Initial chroma value
        h: Hue in degrees (0-360)
        epsilon: Convergence threshold

    Returns:
        Maximum chroma that fits within gamut
    """
    if l == 0.0 or l == 1.0:  # For pure black or white, max chroma is 0
        return 0.0

    # Quick check if already in gamut
    oklch = np.array([l, c, h], dtype=np.float32)
    oklab = oklch_to_oklab_single(oklch)
    rgb = oklab_to_srgb_single(oklab)

    if is_in_gamut_srgb(rgb):
        return c

    # Binary search for maximum valid chroma
    c_min, c_max = 0.0, c

    for _ in range(20):  # Max iterations
        if c_max - c_min <= epsilon:
            break

        c_mid = (c_min + c_max) / 2.0
        test_oklch = np.array([l, c_mid, h], dtype=np.float32)
        test_oklab = oklch_to_oklab_single(test_oklch)
        test_rgb = oklab_to_srgb_single(test_oklab)

        if is_in_gamut_srgb(test_rgb):
            c_min = c_mid
        else:
            c_max = c_mid

    return c_min


@numba.njit(parallel=True, cache=True)
def batch_map_oklch_numba(colors_flat: np.ndarray, epsilon: float = 0.0001) -> np.ndarray:
    """
    Numba-optimized batch gamut mapping for OKLCH colors.

    Processes multiple colors in parallel for maximum performance.

    Args:
        colors_flat: Flattened array of OKLCH colors (N, 3)
        epsilon: Convergence threshold for binary search

    Returns:
        Gamut-mapped OKLCH colors (N, 3)
    """
    n_colors = colors_flat.shape[0]
    mapped_colors = np.empty_like(colors_flat)

    for i in numba.prange(n_colors):  # type: ignore[attr-defined]
        l, c, h = colors_flat[i]
        c_mapped = binary_search_chroma(l, c, h, epsilon)
        mapped_colors[i] = np.array([l, c_mapped, h], dtype=colors_flat.dtype)

    return mapped_colors


# ---- src/imgcolorshine/fast_numba/engine_kernels.py ----
"""Numba-accelerated engine kernels for color transformation.

This module contains JIT-compiled functions that perform the core
color transformation operations at the pixel level.
"""
# this_file: src/imgcolorshine/fast_numba/engine_kernels.py

# (edit: `from __future__ import annotations` dropped here: Python allows it only at the top of a file, where trans_numba.py's copy applies it to the whole program)

import numba
import numpy as np

# (edit: `from . import trans_numba` -> a module object holding the pasted trans_numba.py functions)
trans_numba = _types.ModuleType("trans_numba")
trans_numba.oklab_to_oklch_single = oklab_to_oklch_single
trans_numba.oklch_to_oklab_single = oklch_to_oklab_single
trans_numba.srgb_to_oklab_single = srgb_to_oklab_single
trans_numba.oklab_to_srgb_single = oklab_to_srgb_single

# Constants
STRENGTH_TRADITIONAL_MAX = 100.0
FULL_CIRCLE_DEGREES = 360.0


@numba.njit(parallel=True, cache=True)
def _fused_transform_kernel(
    image_lab: np.ndarray,
    attractors_lab: np.ndarray,
    attractors_lch: np.ndarray,
    delta_e_maxs: np.ndarray,
    strengths: np.ndarray,
    flags: np.ndarray,
) -> np.ndarray:
    """Fused transformation kernel for improved performance.

    Processes one pixel at a time through the entire pipeline, keeping
    intermediate values in CPU registers and improving cache performance.
    """
    h, w, _ = image_lab.shape
    transformed_lab = np.empty_like(image_lab)
    n_attractors = len(attractors_lab)

    for i in numba.prange(h * w):  # type: ignore[attr-defined]
        y = i // w
        x = i % w
        pixel_lab = image_lab[y, x]

        # Convert pixel to LCH
        pixel_lch = trans_numba.oklab_to_oklch_single(pixel_lab)

        # Calculate distances and weights (no large intermediate arrays)
        weights = np.zeros(n_attractors, dtype=np.float32)
        for j in range(n_attractors):
            delta_e = np.sqrt(np.sum((pixel_lab - attractors_lab[j]) ** 2))
            delta_e_max = delta_e_maxs[j]

            if delta_e < delta_e_max and delta_e_max > 0:
                d_norm = delta_e / delta_e_max
                falloff = 0.5 * (np.cos(d_norm * np.pi) + 1.0)

                # Traditional vs extended strength regime
                base_strength = min(strengths[j], STRENGTH_TRADITIONAL_MAX) / STRENGTH_TRADITIONAL_MAX
                s_extra = max(strengths[j] - STRENGTH_TRADITIONAL_MAX, 0.0) / STRENGTH_TRADITIONAL_MAX
                weights[j] = base_strength * falloff + s_extra * (1.0 - falloff)
            else:
                weights[j] = 0.0

        # Blend colors
        total_w = np.sum(weights)
        src_w = 1.0 - total_w if total_w < 1.0 else 0.0

        # Luminance
        final_l = pixel_lch[0]
        if flags[0]:
            final_l = src_w * pixel_lch[0]
            for j in range(n_attractors):
                final_l += weights[j] * attractors_lch[j, 0]

        # Chroma
        final_c = pixel_lch[1]
        if flags[1]:
            final_c = src_w * pixel_lch[1]
            for j in range(n_attractors):
                final_c += weights[j] * attractors_lch[j, 1]

        # Hue (using circular average)
        final_h = pixel_lch[2]
        if flags[2]:
            pix_h_rad = np.deg2rad(pixel_lch[2])
            sin_sum = src_w * np.sin(pix_h_rad)
            cos_sum = src_w * np.cos(pix_h_rad)

            for j in range(n_attractors):
                attr_h_rad = np.deg2rad(attractors_lch[j, 2])
                sin_sum += weights[j] * np.sin(attr_h_rad)
                cos_sum += weights[j] * np.cos(attr_h_rad)

            final_h = np.rad2deg(np.arctan2(sin_sum, cos_sum))
            if final_h < 0.0:
                final_h += FULL_CIRCLE_DEGREES

        # Convert back to Lab
        final_h_rad = np.deg2rad(final_h)
        final_lab = np.array(
            [final_l, final_c * np.cos(final_h_rad), final_c * np.sin(final_h_rad)], dtype=pixel_lab.dtype
        )

        transformed_lab[y, x] = final_lab

    return transformed_lab


# ---- harness (not part of the program) ----
ENTRY = "imgcolorshine_oklch"


def imgcolorshine_oklch(rgb, attractor_rgb, wild_lch, strengths):
    out = {}
    lab = batch_srgb_to_oklab(rgb)
    lch = batch_oklab_to_oklch(lab)
    out["lab"] = lab
    out["lch"] = lch
    out["lab_back"] = batch_oklch_to_oklab(lch)
    out["rgb_back"] = batch_oklab_to_srgb(lab)
    out["lin"] = [srgb_to_linear(rgb[0, k]) for k in range(rgb.shape[1])]
    out["comp"] = [(_srgb_to_linear_component(v), _linear_to_srgb_component(v))
                   for v in (0.0, 0.01, 0.04045, 0.2, 0.5, 1.0)]
    out["in_gamut"] = [is_in_gamut_srgb(oklab_to_srgb_single(
        oklch_to_oklab_single(wild_lch[k]))) for k in range(len(wild_lch))]
    out["gamut_single"] = [gamut_map_oklch_single(wild_lch[k]) for k in range(len(wild_lch))]
    out["gamut_single_eps"] = gamut_map_oklch_single(wild_lch[0], 1e-2)
    out["gamut_batch"] = batch_gamut_map_oklch(wild_lch.reshape(2, -1, 3))
    out["gamut_flat"] = batch_map_oklch_numba(wild_lch)
    out["gamut_flat_eps"] = batch_map_oklch_numba(wild_lch, 0.01)
    out["chroma"] = [binary_search_chroma(float(c[0]), float(c[1]), float(c[2]))
                     for c in wild_lch]
    d = [0.0, 0.1, 0.25, 0.5, 0.75, 0.99, 1.0]
    out["falloff"] = [[calculate_falloff(x, t) for x in d] for t in range(6)]
    out["falloff_default"] = [calculate_falloff(x) for x in d]
    lut = np.array([calculate_falloff(x / 15.0, 3) for x in range(16)])
    out["lut"] = [apply_falloff_lut(x, lut) for x in d + [-0.5, 1.5]]

    attr_lab = np.array([srgb_to_oklab_single(attractor_rgb[k])
                         for k in range(len(attractor_rgb))])
    attr_lch = np.array([oklab_to_oklch_single(attr_lab[k])
                         for k in range(len(attr_lab))])
    out["attr_lab"] = attr_lab
    out["attr_lch"] = attr_lch
    delta = np.array([0.5, 0.35, 0.8], dtype=np.float32)
    for flags in ([True, True, True], [True, False, False],
                  [False, True, True], [False, False, False]):
        key = "fused_" + "".join("1" if f else "0" for f in flags)
        out[key] = _fused_transform_kernel(lab, attr_lab, attr_lch, delta,
                                           strengths, np.array(flags))
    out["fused_strong"] = _fused_transform_kernel(
        lab, attr_lab, attr_lch, delta, strengths * 3.0, np.array([True, True, True]))
    return out


def inputs():
    h, w = 6, 5
    yy, xx = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    rgb = np.empty((h, w, 3), dtype=np.float32)
    rgb[..., 0] = (xx / (w - 1)).astype(np.float32)
    rgb[..., 1] = (yy / (h - 1)).astype(np.float32)
    rgb[..., 2] = (((xx * 3 + yy * 7) % 11) / 10.0).astype(np.float32)
    rgb[0, 0] = (0.0, 0.0, 0.0)
    rgb[0, 1] = (1.0, 1.0, 1.0)
    rgb[1, 0] = (1.0, 0.0, 0.0)
    rgb[2, 0] = (0.0, 1.0, 0.0)
    rgb[3, 0] = (0.0, 0.0, 1.0)
    rgb[4, 4] = (0.02, 0.5, 0.03)
    attractor_rgb = np.array([[0.9, 0.2, 0.1], [0.1, 0.4, 0.95], [0.95, 0.9, 0.3]],
                             dtype=np.float32)
    wild_lch = np.array([[0.7, 0.35, 30.0], [0.5, 0.05, 200.0], [0.9, 0.3, 120.0],
                         [0.3, 0.4, 300.0], [0.6, 0.12, 90.0], [0.45, 0.5, 250.0]],
                        dtype=np.float32)
    strengths = np.array([80.0, 140.0, 40.0], dtype=np.float32)
    return rgb, attractor_rgb, wild_lch, strengths
