# Source: numba/numba-examples examples/maths/mandelbrot_set_stencil/numba_stencil.py
# Licence: BSD-2-Clause (Numba)
# Notes: Mandelbrot set with a @stencil kernel taking a scalar argument (while loop, break) over a complex array built by np.array of a nested list comprehension, then RGB colours via reshape, broadcasting, np.where, np.log, np.cos, // and astype(np.uint8)
import numba as nb
import numpy as np

@nb.stencil 
def iterskernel(a, max_iter):
    c = 0
    i = 1
    while i < max_iter:
        if abs(c) > 2:  
            break
        c = c * c + a[0, 0]
        i += 1
    return i

@nb.njit
def mandelbrot(iters, pixels, bbox, width, max_iter):
    arr = [[complex(bbox[0] + (bbox[2]-bbox[0])*x/width, 
                      bbox[1] + (bbox[3]-bbox[1])*y/width) for x in range(width)] 
              for y in range(width)]
    c_arr = np.array(arr)
    iters = iterskernel(c_arr, max_iter)
    pix = iters.reshape((width, width, 1))*np.array([1,1,1])
    pix = np.where(pix == max_iter, 
                   0, 
                   255*(1+np.cos(np.log(pix)*np.array([3.32, 0.774, 0.412])))//2)
    pixels = pix.astype(np.uint8)
    return iters, pixels

# ---- harness (not part of the program) ----
ENTRY = "mandelbrot"


def inputs():
    # the example's input_generator and make_arrays (numpy_array.py),
    # WIDTH 600 -> 40, maxiter 100
    width = 40
    iters = np.zeros((width, width), dtype=np.uint16)
    pixels = np.zeros((width, width, 3), dtype=np.uint8)
    plane = (-2.0, -1.5, 1.0, 1.5)
    return (iters, pixels, plane, width, 100)
