# Source: davidbrochart/flow_acc_3s numba/drop_pixel.py (at commit 94abf8a4)
# Licence: MIT (flow_acc_3s, LICENSE; Copyright (c) 2018 David Brochart)
# Notes: flow accumulation on a tile of a continental 3-arc-second D8 flow-direction grid (HydroSHEDS), the kernel of the project's tile-by-tile flowAcc3s.py driver: drop_pixel (@jit(nopython=True, nogil=True)) drops one unit of water on every pixel of rows row_i .. row_i+row_nb-1 and follows the ESRI direction codes (1, 2, 4, ..., 128 in an if/elif chain; any other code ends the path) downstream in a while loop, adding the running count to the uint32 accumulation array; border pixels start from the counts that came in from the neighbouring tiles (udlr_in, up/down/left/right rows; the start count nb is a uint32 read from it or the int 0, so Numba unifies the two), interior pixels run only when do_inside is true, pixels already visited are skipped unless water comes in, and water that leaves the tile is added to the matching row of udlr_out (shifted by one for the corners). It mutates flow_acc and udlr_out and returns None. Pasted: the whole file (its import line and the one function)
from numba import jit

@jit(nopython=True, nogil=True)
def drop_pixel(flow_dir, flow_acc, udlr_in, udlr_out, do_inside, row_i, row_nb):
    y_nb, x_nb = flow_dir.shape
    for y0 in range(row_i, row_i+row_nb):
        for x0 in range(x_nb):
            do_it = True
            if y0 == 0:
                # comes from tile above
                nb = udlr_in[0, x0]
            elif y0 == y_nb - 1:
                # comes from tile below
                nb = udlr_in[1, x0]
            elif x0 == 0:
                # comes from left tile
                nb = udlr_in[2, y0]
            elif x0 == x_nb - 1:
                # comes from right tile
                nb = udlr_in[3, y0]
            else:
                # inside tile
                nb = 0
                do_it = do_inside
            if (flow_acc[y0, x0] != 0) and (nb == 0):
                do_it = False
            if do_it:
                y, x = y0, x0
                done = False
                while not done:
                    if flow_acc[y, x] == 0:
                        nb += 1
                    flow_acc[y, x] += nb
                    dire = flow_dir[y, x]
                    if dire == 1:
                        x += 1
                    elif dire == 2:
                        y += 1
                        x += 1
                    elif dire == 4:
                        y += 1
                    elif dire == 8:
                        y += 1
                        x -= 1
                    elif dire == 16:
                        x -= 1
                    elif dire == 32:
                        y -= 1
                        x -= 1
                    elif dire == 64:
                        y -= 1
                    elif dire == 128:
                        y -= 1
                        x += 1
                    else:
                        done = True
                    if y == -1:
                        udlr_out[0, x+1] += nb
                        done = True
                    elif y == y_nb:
                        udlr_out[1, x+1] += nb
                        done = True
                    elif x == -1:
                        udlr_out[2, y+1] += nb
                        done = True
                    elif x == x_nb:
                        udlr_out[3, y+1] += nb
                        done = True

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "drop_pixel"


def inputs():
    # a 64 x 64 tile as flowAcc3s.py prepares it (flow_dir uint8 ESRI D8
    # codes, flow_acc/udlr_in/udlr_out uint32, udlr_out two wider): the
    # directions are the steepest descent of a tilted noisy DEM (so no path
    # loops; local pits get code 0, which ends a path, and a nodata corner
    # is 0 as the zero padding of a tile is), some water comes in over the
    # tile borders, and the whole tile is processed in one call
    rng = np.random.default_rng(0)
    n = 64
    yy, xx = np.mgrid[0:n, 0:n]
    dem = 0.6 * xx + 0.3 * yy + rng.normal(0.0, 1.0, (n, n))
    offsets = [(0, 1, 1), (1, 1, 2), (1, 0, 4), (1, -1, 8),
               (0, -1, 16), (-1, -1, 32), (-1, 0, 64), (-1, 1, 128)]
    pad = np.pad(dem, 1, constant_values=np.inf)
    pad[0, :] = pad[:, 0] = -1e3   # the tile drains over its top and left edges
    flow_dir = np.zeros((n, n), dtype=np.uint8)
    for i in range(n):
        for j in range(n):
            best, code = 0.0, 0
            for di, dj, c in offsets:
                drop = (dem[i, j] - pad[i + 1 + di, j + 1 + dj]) / np.hypot(di, dj)
                if drop > best:
                    best, code = drop, c
            flow_dir[i, j] = code
    flow_dir[n - 8:, n - 8:] = 0
    flow_acc = np.zeros((n, n), dtype=np.uint32)
    udlr_in = np.zeros((4, n), dtype=np.uint32)
    udlr_in[1, 10:20] = rng.integers(1, 50, 10)
    udlr_in[3, 30:40] = rng.integers(1, 50, 10)
    udlr_out = np.zeros((4, n + 2), dtype=np.uint32)
    return (flow_dir, flow_acc, udlr_in, udlr_out, True, 0, n)
