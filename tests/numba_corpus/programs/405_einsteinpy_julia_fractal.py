# Source: einsteinpy/einsteinpy src/einsteinpy/plotting/fractal.py (release 0.4.0), with jit from src/einsteinpy/ijit.py
# Licence: MIT (EinsteinPy; "Source: https://github.com/einsteinpy/einsteinpy ... License: Expat" in the package's copyright file)
# Notes: the escape-time image of a Julia set z -> z**2 + c with c = 0.8 exp(i angle), EinsteinPy's fractal easter egg: the plain-Python _fractal_img allocates the image and calls the jitted _julia once per pixel (14400 calls from Python); _julia (jit = numba.njit) unpacks the dims and range tuples, builds the starting point with complex() of a complex expression, iterates while abs(z) < zabs_max and it < iter_max with a complex square, and writes (it / iter_max) ** 0.2 into the image in place. Pasted: the module docstring, the numpy import, _julia and _fractal_img from plotting/fractal.py (left out: the plotly import and fractal(), which only plots), and, in place of "from einsteinpy.ijit import jit", the whole of einsteinpy/ijit.py (its inspect/warnings imports, the identity ijit and the try/except that binds jit = numba.njit); the harness passes what fractal() passes for one slider step, at a smaller size: dims = (120, 120), angle = 2.75 and the defaults zabs_max = 20, iter_max = 64, x_range = y_range = (-1.6, 1.6), and _fractal_img is the entry
"""Easter Egg.

This module was added before ``0.3.0`` release as an Easter Egg.
Contains a simple implementation of fractal.

"""
import numpy as np

"""Just-in-time compiler.

Wraps numba if it is available as a module, uses an identity
decorator instead.

"""
import inspect
import warnings

__all__ = ["jit"]


def ijit(first=None, *args, **kwargs):
    """Identity JIT, returns unchanged function."""

    def _jit(f):
        return f

    if inspect.isfunction(first):
        return first

    return _jit


try:
    import numba

    jit = numba.njit
except ImportError:
    warnings.warn(
        "Could not import numba package. All einsteinpy "
        "functions will work properly but the CPU intensive "
        "algorithms will be slow. Consider installing numba to "
        "boost performance."
    )
    jit = ijit


@jit
def _julia(A, c, zabs_max, i, j, dims, x_range, y_range, iter_max):
    width, height = dims
    xmin, xmax = x_range
    ymin, ymax = y_range
    xwidth, ywidth = xmax - xmin, ymax - ymin
    it = 0
    z = complex((i / width) * xwidth + xmin + 1j * ((j / height) * ywidth + ymin))
    while abs(z) < zabs_max and it < iter_max:
        z = z ** 2 + c
        it += 1
    A[i, j] = (it / iter_max) ** 0.2


def _fractal_img(
    dims=(384, 384),
    angle=2.75,
    zabs_max=20,
    iter_max=64,
    x_range=(-1.6, 1.6),
    y_range=(-1.6, 1.6),
):
    width, height = dims
    A = np.zeros((width, height), dtype=float)
    c = 0.80 * np.exp(1j * angle)
    for i in range(width):
        for j in range(height):
            _julia(A, c, zabs_max, i, j, dims, x_range, y_range, iter_max)
    return A
# ---- harness (not part of the program) ----
ENTRY = "_fractal_img"


def inputs():
    # one slider step of fractal() (angle 2.75, the default), 120 x 120
    return ((120, 120), 2.75, 20, 64, (-1.6, 1.6), (-1.6, 1.6))
