# Source: numba/numba-examples examples/maths/mandelbrot_set_vectorization/numba_vectorize.py
# Licence: BSD-2-Clause (Numba)
# Notes: Mandelbrot escape counts as a lazily typed 8-argument @vectorize ufunc (complex(), abs, for loop with break, returns the loop variable) broadcast over integer meshgrids and scalars; ENTRY is the ufunc, called as the example's plain-Python mandelbrot() driver (kept) calls it
import numpy as np
import numba as nb

@nb.vectorize
def get_max_iter(x, y, width, max_iter, r1, i1, r2, i2):
    c0 = complex(r1 + (r2-r1)*x/width, 
                 i1 + (i2-i1)*y/width)  
    c = 0
    for i in range(1, max_iter+1): 
        if abs(c) > 2:  
            break
        c = c * c + c0
    return i

def mandelbrot(bbox, width, max_iter):  
    grid1D = np.arange(0, width)
    xv, yv = np.meshgrid(grid1D, grid1D)  
    r1, i1, r2, i2 = bbox
    iters = get_max_iter(xv, yv, width, max_iter, r1, i1, r2, i2).reshape((width, width, 1))
    pixels = np.where(iters == np.array([max_iter]), 
                      np.array([0, 0, 0]), 
                      255*(1+np.cos(np.log(iters)*np.array([3.32, 0.774, 0.412])))//2)
    pixels = pixels.astype(np.uint8)
    iters = iters.reshape((width, width))
    return iters, pixels

# ---- harness (not part of the program) ----
ENTRY = "get_max_iter"


def inputs():
    # the arguments mandelbrot(bbox, width, max_iter) passes to the ufunc,
    # with the mandelbrot examples' plane (-2.0, -1.5, 1.0, 1.5), width 60,
    # maxiter 100
    width = 60
    grid1D = np.arange(0, width)
    xv, yv = np.meshgrid(grid1D, grid1D)
    return (xv, yv, width, 100, -2.0, -1.5, 1.0, 1.5)
