# Source: meerk40t/meerk40t meerk40t/image/dither.py (at commit 07ebd53e)
# Licence: MIT (MeerK40t, LICENSE; Copyright (c) 2021 meerk40t; the module docstring credits the diffusion maps to hitherdither, MIT)
# Notes: error-diffusion dithering kernels of MeerK40t, a laser-cutter control program: ten @njit("f4[:,:](f4[:,:])", nogil=True) functions (Floyd-Steinberg, Atkinson, Jarvis-Judice-Ninke, Stucki, Burkes, Sierra-3, Sierra-2, Sierra-2-4A, Shiau-Fan, Shiau-Fan-2) that threshold each pixel of a float32 image at 127 in place (a conditional expression giving int 0 or 255 stored into float32) and push the float32 quantisation error onto neighbours by iterating a tuple of (dx, dy, coefficient) tuples with chained-comparison bounds checks, the float64 product added back into the float32 array. The module is pasted from its docstring to shiau_fan_2, including the try/except fallback for njit and the _DIFFUSION_MAPS dict that the source keeps inside a string literal; `from PIL import Image` and the plain-Python tail (bayer_dither, bayer_blue_dither which draws np.random noise, function_map, and dither() which converts a PIL image) are left out. The harness dithers copies of one deterministic 26x19 grey-level image (a ramp plus two sinusoids) with every kernel, so each call starts from the same pixels
"""
This function and the associated _DIFFUSION_MAPS taken from hitherdither. MIT License.
:copyright: 2016-2017 by hbldh <henrik.blidh@nedomkull.com>
https://github.com/hbldh/hitherdither

Suggestion to use Numba via Sophist https://github.com/meerk40t/meerk40t/issues/2332
referencing: https://www.youtube.com/watch?v=Ld_cz1JwRHk
"""

import numpy as np

try:
    from numba import njit
except Exception as e:
    # Jit does not exist, add a dummy decorator and continue.
    # print (f"Encountered error: {e}")
    def njit(*args, **kwargs):
        def inner(func):
            return func

        return inner

"""
_DIFFUSION_MAPS = {
    "legacy-floyd-steinberg": (
        (1, 0, 7 / 16),
        (-1, 1, 3 / 16),
        (0, 1, 5 / 16),
        (1, 1, 1 / 16),
    ),
    "shiau-fan": (
        (1, 0, .5),
        (-2, 1, 1/8),
        (-1, 1, 1/8),
        (0, 1, 2/8),
    ),
    "shiau-fan-2": (
        (1, 0, 0.5),
        (-3, 1, 1/16),
        (-2, 1, 1/16),
        (1, 1, 2/16),
        (0, 1, 4/16),
    ),
    "atkinson": (
        (1, 0, 1 / 8),
        (2, 0, 1 / 8),
        (-1, 1, 1 / 8),
        (0, 1, 1 / 8),
        (1, 1, 1 / 8),
        (0, 2, 1 / 8),
    ),
    "jarvis-judice-ninke": (
        (1, 0, 7 / 48),
        (2, 0, 5 / 48),
        (-2, 1, 3 / 48),
        (-1, 1, 5 / 48),
        (0, 1, 7 / 48),
        (1, 1, 5 / 48),
        (2, 1, 3 / 48),
        (-2, 2, 1 / 48),
        (-1, 2, 3 / 48),
        (0, 2, 5 / 48),
        (1, 2, 3 / 48),
        (2, 2, 1 / 48),
    ),
    "stucki": (
        (1, 0, 8 / 42),
        (2, 0, 4 / 42),
        (-2, 1, 2 / 42),
        (-1, 1, 4 / 42),
        (0, 1, 8 / 42),
        (1, 1, 4 / 42),
        (2, 1, 2 / 42),
        (-2, 2, 1 / 42),
        (-1, 2, 2 / 42),
        (0, 2, 4 / 42),
        (1, 2, 2 / 42),
        (2, 2, 1 / 42),
    ),
    "burkes": (
        (1, 0, 8 / 32),
        (2, 0, 4 / 32),
        (-2, 1, 2 / 32),
        (-1, 1, 4 / 32),
        (0, 1, 8 / 32),
        (1, 1, 4 / 32),
        (2, 1, 2 / 32),
    ),
    "sierra3": (
        (1, 0, 5 / 32),
        (2, 0, 3 / 32),
        (-2, 1, 2 / 32),
        (-1, 1, 4 / 32),
        (0, 1, 5 / 32),
        (1, 1, 4 / 32),
        (2, 1, 2 / 32),
        (-1, 2, 2 / 32),
        (0, 2, 3 / 32),
        (1, 2, 2 / 32),
    ),
    "sierra2": (
        (1, 0, 4 / 16),
        (2, 0, 3 / 16),
        (-2, 1, 1 / 16),
        (-1, 1, 2 / 16),
        (0, 1, 3 / 16),
        (1, 1, 2 / 16),
        (2, 1, 1 / 16),
    ),
    "sierra-2-4a": (
        (1, 0, 2 / 4),
        (-1, 1, 1 / 4),
        (0, 1, 1 / 4),
    ),
}
"""

@njit("f4[:,:](f4[:,:])", nogil=True)
def floyd_steinberg(image):
    diff_map = (
        (1, 0, 7 / 16),
        (-1, 1, 3 / 16),
        (0, 1, 5 / 16),
        (1, 1, 1 / 16),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def atkinson(image):
    diff_map = (
        (1, 0, 1 / 8),
        (2, 0, 1 / 8),
        (-1, 1, 1 / 8),
        (0, 1, 1 / 8),
        (1, 1, 1 / 8),
        (0, 2, 1 / 8),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def jarvis_judice_ninke(image):
    diff_map = (
        (1, 0, 7 / 48),
        (2, 0, 5 / 48),
        (-2, 1, 3 / 48),
        (-1, 1, 5 / 48),
        (0, 1, 7 / 48),
        (1, 1, 5 / 48),
        (2, 1, 3 / 48),
        (-2, 2, 1 / 48),
        (-1, 2, 3 / 48),
        (0, 2, 5 / 48),
        (1, 2, 3 / 48),
        (2, 2, 1 / 48),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def stucki(image):
    diff_map = (
        (1, 0, 8 / 42),
        (2, 0, 4 / 42),
        (-2, 1, 2 / 42),
        (-1, 1, 4 / 42),
        (0, 1, 8 / 42),
        (1, 1, 4 / 42),
        (2, 1, 2 / 42),
        (-2, 2, 1 / 42),
        (-1, 2, 2 / 42),
        (0, 2, 4 / 42),
        (1, 2, 2 / 42),
        (2, 2, 1 / 42),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def burkes(image):
    diff_map = (
        (1, 0, 8 / 32),
        (2, 0, 4 / 32),
        (-2, 1, 2 / 32),
        (-1, 1, 4 / 32),
        (0, 1, 8 / 32),
        (1, 1, 4 / 32),
        (2, 1, 2 / 32),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def sierra3(image):
    diff_map = (
        (1, 0, 5 / 32),
        (2, 0, 3 / 32),
        (-2, 1, 2 / 32),
        (-1, 1, 4 / 32),
        (0, 1, 5 / 32),
        (1, 1, 4 / 32),
        (2, 1, 2 / 32),
        (-1, 2, 2 / 32),
        (0, 2, 3 / 32),
        (1, 2, 2 / 32),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def sierra2(image):
    diff_map = (
        (1, 0, 4 / 16),
        (2, 0, 3 / 16),
        (-2, 1, 1 / 16),
        (-1, 1, 2 / 16),
        (0, 1, 3 / 16),
        (1, 1, 2 / 16),
        (2, 1, 1 / 16),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


@njit("f4[:,:](f4[:,:])", nogil=True)
def sierra_2_4a(image):
    diff_map = (
        (1, 0, 2 / 4),
        (-1, 1, 1 / 4),
        (0, 1, 1 / 4),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image

@njit("f4[:,:](f4[:,:])", nogil=True)
def shiau_fan(image):
    diff_map = (
        (1, 0, .5),
        (-2, 1, 1/8),
        (-1, 1, 1/8),
        (0, 1, 2/8),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image

@njit("f4[:,:](f4[:,:])", nogil=True)
def shiau_fan_2(image):
    diff_map = (
        (1, 0, 0.5),
        (-3, 1, 1/16),
        (-2, 1, 1/16),
        (1, 1, 2/16),
        (0, 1, 4/16),
    )
    width, height = image.shape
    for y in range(height):
        for x in range(width):
            pixel = image[x, y]
            image[x, y] = 0 if pixel <= 127 else 255
            error = pixel - image[x, y]
            for dx, dy, diffusion_coefficient in diff_map:
                xn, yn = x + dx, y + dy
                if (0 <= xn < width) and (0 <= yn < height):
                    image[xn, yn] += error * diffusion_coefficient
    return image


# ---- harness (not part of the program) ----
ENTRY = "meerk40t_dither_all"


def meerk40t_dither_all(image):
    kernels = (floyd_steinberg, atkinson, jarvis_judice_ninke, stucki, burkes,
               sierra3, sierra2, sierra_2_4a, shiau_fan, shiau_fan_2)
    return tuple(k(image.copy()) for k in kernels)


def inputs():
    x = np.arange(26)[:, None].astype(np.float64)
    y = np.arange(19)[None, :].astype(np.float64)
    img = 9.5 * x + 40.0 * np.sin(0.45 * y + 0.2) * np.cos(0.3 * x) + 25.0 * np.sin(0.9 * x * y / 7.0)
    img = np.clip(img, 0.0, 255.0).astype(np.float32)
    return (img,)
