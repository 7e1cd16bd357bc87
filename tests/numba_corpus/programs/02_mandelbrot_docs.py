# Source: numba/numba numba/tests/doc_examples/test_examples.py (ex_mandelbrot; docs/source/user/examples.rst)
# Licence: BSD-2-Clause (Numba)
# Notes: Mandelbrot set into a uint8 image; complex arithmetic in a jitted helper called from a jitted loop nest

import numpy as np
from numba import jit

@jit(nopython=True)
def mandel(x, y, max_iters):
    """
    Given the real and imaginary parts of a complex number,
    determine if it is a candidate for membership in the Mandelbrot
    set given a fixed number of iterations.
    """
    i = 0
    c = complex(x,y)
    z = 0.0j
    for i in range(max_iters):
        z = z * z + c
        if (z.real * z.real + z.imag * z.imag) >= 4:
            return i

    return 255

@jit(nopython=True)
def create_fractal(min_x, max_x, min_y, max_y, image, iters):
    height = image.shape[0]
    width = image.shape[1]

    pixel_size_x = (max_x - min_x) / width
    pixel_size_y = (max_y - min_y) / height
    for x in range(width):
        real = min_x + x * pixel_size_x
        for y in range(height):
            imag = min_y + y * pixel_size_y
            color = mandel(real, imag, iters)
            image[y, x] = color

    return image

# ---- harness (not part of the program) ----
ENTRY = "create_fractal"


def inputs():
    image = np.zeros((100, 150), dtype=np.uint8)
    return (-2.0, 1.0, -1.0, 1.0, image, 20)
