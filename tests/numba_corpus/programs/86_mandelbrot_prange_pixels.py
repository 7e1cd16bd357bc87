# Source: numba/numba-examples examples/maths/mandelbrot_set_numpy/numba_prange_numpy_array.py
# Licence: BSD-2-Clause (Numba)
# Notes: Mandelbrot escape counts and RGB colours written into argument arrays from a prange row loop (parallel=True): complex(), a complex variable starting as the int 0, abs of a complex, while loop with break, math.log/math.cos and // stored into uint8
import math
import numba as nb

@nb.njit(parallel = True)
def mandelbrot(iters, pixels, bbox, width, max_iter):
    for y in nb.prange(width):
        for x in range(width):
            c0 = complex(bbox[0] + (bbox[2]-bbox[0])*x/width, 
                         bbox[1] + (bbox[3]-bbox[1])*y/width) 
            c = 0
            i = 1
            while i < max_iter:
                if abs(c) > 2:  
                    log_iter = math.log(i) 
                    pixels[y, x, 0] = 255*(1+math.cos(3.32*log_iter))//2
                    pixels[y, x, 1] = 255*(1+math.cos(0.774*log_iter))//2
                    pixels[y, x, 2] = 255*(1+math.cos(0.412*log_iter))//2
                    break
                c = c * c + c0
                i += 1
            iters[y, x] = i                
    return iters, pixels

# ---- harness (not part of the program) ----
ENTRY = "mandelbrot"


def inputs():
    # the example's input_generator and make_arrays (numpy_array.py),
    # WIDTH 600 -> 60, maxiter 100
    import numpy as np
    width = 60
    iters = np.zeros((width, width), dtype=np.uint16)
    pixels = np.zeros((width, width, 3), dtype=np.uint8)
    bbox = (-2.0, -1.5, 1.0, 1.5)
    return (iters, pixels, bbox, width, 100)
