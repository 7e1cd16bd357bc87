# Source: mdbartos/pysheds pysheds/_sgrid.py (at commit a91c8ed3)
# Licence: GPL-3.0-or-later (pysheds, setup.py classifier "GNU General Public License v3 or later (GPLv3+)"; Copyright (c) Matt Bartos)
# Notes: D8 flow directions of a digital elevation model, what sGrid.flowdir(routing='d8') runs on a regular grid: _d8_flowdir_numba (@njit with an explicit signature int64[:,:](float64[:,:], float64, float64, UniTuple(int64, 8), boolean[:,:], int64, int64, int64), parallel=True, cache=True) builds the neighbour offsets and distances with np.array of int and float lists (dd = np.sqrt(dx**2 + dy**2)), and for every interior cell of two nested prange loops either writes nodata_out (nodata mask) or finds the steepest downhill of the eight neighbours (max_slope started at -np.inf), storing the direction code taken from the dirmap tuple by a runtime index, then overwrites it with flat (max slope 0) or pit (all uphill); border cells stay 0. Only the file's first jitted function is pasted with the module's import lines (the numba.types names are those of the signatures of the whole module); left out: the other functions of _sgrid.py (d-infinity and MFD routing, catchments, accumulation, ...)
import numpy as np
from numba import njit, prange
from numba.types import float64, int64, uint32, uint16, uint8, boolean, UniTuple, Tuple, List, void

# Functions for 'flowdir'

@njit(int64[:,:](float64[:,:], float64, float64, UniTuple(int64, 8), boolean[:,:],
                 int64, int64, int64),
      parallel=True,
      cache=True)
def _d8_flowdir_numba(dem, dx, dy, dirmap, nodata_cells, nodata_out, flat=-1, pit=-2):
    fdir = np.zeros(dem.shape, dtype=np.int64)
    m, n = dem.shape
    dd = np.sqrt(dx**2 + dy**2)
    row_offsets = np.array([-1, -1, 0, 1, 1, 1, 0, -1])
    col_offsets = np.array([0, 1, 1, 1, 0, -1, -1, -1])
    distances = np.array([dy, dd, dx, dd, dy, dd, dx, dd])
    for i in prange(1, m - 1):
        for j in prange(1, n - 1):
            if nodata_cells[i, j]:
                fdir[i, j] = nodata_out
            else:
                elev = dem[i, j]
                max_slope = -np.inf
                for k in range(8):
                    row_offset = row_offsets[k]
                    col_offset = col_offsets[k]
                    distance = distances[k]
                    slope = (elev - dem[i + row_offset, j + col_offset]) / distance
                    if slope > max_slope:
                        fdir[i, j] = dirmap[k]
                        max_slope = slope
                if max_slope == 0:
                    fdir[i, j] = flat
                elif max_slope < 0:
                    fdir[i, j] = pit
    return fdir

# ---- harness (not part of the program) ----
ENTRY = "_d8_flowdir_numba"


def inputs():
    # what sGrid.flowdir hands over for a 40 x 50 DEM with 30 m x 30 m
    # cells and the default ESRI dirmap (N, NE, E, SE, S, SW, W, NW) =
    # (64, 128, 1, 2, 4, 8, 16, 32): a tilted noisy surface with a pit, a
    # flat patch and a block of nodata cells (nodata_out 0, flat -1, pit -2)
    rng = np.random.default_rng(0)
    m, n = 40, 50
    yy, xx = np.mgrid[0:m, 0:n]
    dem = 500.0 - 0.8 * xx - 0.5 * yy + rng.normal(0.0, 1.5, (m, n))
    dem[20, 25] = 400.0
    dem[5:9, 30:35] = 480.0
    nodata_cells = np.zeros((m, n), dtype=np.bool_)
    nodata_cells[30:34, 10:14] = True
    dirmap = (64, 128, 1, 2, 4, 8, 16, 32)
    return (dem, 30.0, 30.0, dirmap, nodata_cells, 0, -1, -2)
