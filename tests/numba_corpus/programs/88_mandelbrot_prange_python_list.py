# Source: numba/numba-examples examples/maths/mandelbrot_set_py/numba_prange_python_list.py
# Licence: BSD-2-Clause (Numba)
# Notes: Mandelbrot set into a list of lists of RGB tuples from a prange row loop (parallel=True): nested list comprehensions of tuples, complex(), a complex variable starting as the int 0, abs of a complex, break, list items set to tuples of int()
import math
import numba as nb

@nb.njit(parallel = True)
def mandelbrot(bbox, width, max_iter):     
    pixels = [[(0, 0, 0) for j in range(width)] for i in range(width)]
    for y in nb.prange(width):
        for x in range(width):
            c0 = complex(bbox[0] + (bbox[2]-bbox[0])*x/width, 
                         bbox[1] + (bbox[3]-bbox[1])*y/width) 
            c = 0
            for i in range(1, max_iter): 
                if abs(c) > 2: 
                    log_iter = math.log(i) 
                    pixels[y][x] = (int(255*(1+math.cos(3.32*log_iter))/2), 
                                    int(255*(1+math.cos(0.774*log_iter))/2), 
                                    int(255*(1+math.cos(0.412*log_iter))/2))
                    break
                c = c * c + c0
    return pixels

# ---- harness (not part of the program) ----
ENTRY = "mandelbrot"


def inputs():
    # the example's input_generator (python_list.py), width 600 -> 48
    width = 48
    plane = (-2.0, -1.5, 1.0, 1.5)
    return (plane, width, 100)
