# Source: numpy/numpy numpy/random/_examples/numba/extending.py (release 1.24.2, as shipped in Debian's python3-numpy 1.24.2-1+deb12u1)
# Licence: BSD-3-Clause (NumPy, numpy/random/*: Copyright (c) 2019 Kevin Sheppard; NumPy as a whole Copyright (c) 2005-2022, NumPy Developers, BSD-3-Clause)
# Notes: NumPy's own example of drawing from a NumPy bit generator inside Numba code, its second part ("example 2"): a ctypes function pointer taken at module level from a PCG64 (`next_u32 = bit_gen.ctypes.next_uint32`) is called from @nb.jit(nopython=True) code with the generator's state passed as an integer address; bounded_uint draws a uniform integer in [lb, ub] by masking (mask |= mask >> k for k = 1, 2, 4, 8, 16) and rejection in a while loop, and bounded_uints calls it n times into an np.empty(n, dtype=np.uint32) array that it never returns (so what it leaves behind is the generator state, advanced through the pointer). The file's first example (Box-Muller normals through `bit_gen.cffi.next_double`) is left out because it needs the cffi package, which is not installed here, as are the timing/printing driver lines (timeit, the module-level print(...) and the 10,000,000-draw call, and the numpy-vs-numba comparison functions that belong to example 1). The module-level `bit_gen = PCG64()` is kept (unseeded, it only supplies the function pointer, which is the same for every PCG64); the harness passes the state addresses of seeded generators, draws bounded integers one at a time and in bulk, and returns the values and the generators' states afterwards
import numpy as np
import numba as nb

from numpy.random import PCG64

bit_gen = PCG64()

# example 2

next_u32 = bit_gen.ctypes.next_uint32
ctypes_state = bit_gen.ctypes.state

@nb.jit(nopython=True)
def bounded_uint(lb, ub, state):
    mask = delta = ub - lb
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16

    val = next_u32(state) & mask
    while val > delta:
        val = next_u32(state) & mask

    return lb + val


@nb.jit(nopython=True)
def bounded_uints(lb, ub, n, state):
    out = np.empty(n, dtype=np.uint32)
    for i in range(n):
        out[i] = bounded_uint(lb, ub, state)


# ---- harness (not part of the program) ----
ENTRY = "numpy_numba_bitgen"


def numpy_numba_bitgen(seeds, bounds):
    out = {}
    for seed in seeds:
        g = PCG64(seed)
        state = g.ctypes.state.value
        vals = [bounded_uint(lb, ub, state) for lb, ub in bounds]
        out["draws_%d" % seed] = np.array(vals, dtype=np.int64)
        bounded_uints(323, 2394691, 1000, state)
        st = g.state["state"]
        out["state_%d" % seed] = (int(st["state"]) & 0xFFFFFFFFFFFFFFFF, int(st["state"]) >> 64, g.state["has_uint32"], g.state["uinteger"])
        # the same draws from NumPy's own bounded integers are not expected to match (different algorithm);
        # this checks that the generator advanced: a fresh generator with the same seed gives the first value again
        g2 = PCG64(seed)
        out["first_again_%d" % seed] = int(bounded_uint(bounds[0][0], bounds[0][1], g2.ctypes.state.value))
    return out


def inputs():
    return ([0, 12345], [(323, 2394691), (0, 1), (0, 0), (10, 17), (1000, 1000000), (5, 2 ** 31)])
