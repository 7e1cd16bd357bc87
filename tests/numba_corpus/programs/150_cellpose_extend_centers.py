# Source: MouseLand/cellpose cellpose/dynamics.py
# Licence: BSD-3-Clause (cellpose, LICENSE; Copyright (c) 2025, MouseLand)
# Notes: heat diffusion from the centre of one cell mask, which cellpose's masks_to_flows turns into the flow field it trains on (the early, MXNet-era version of the file): an eager signature string with int32 scalars, a flat 1-D array read and written through fancy indices computed from int32 index arrays (T[y*Lx + x] = 1/9. * (T[...] + ...) over nine neighbours), T[scalar] += 1; the module's plain-Python functions and the imports only they use (scipy, tqdm, mxnet, the relative import of utils and metrics) left out
import numpy as np
from numba import njit, float32, int32, vectorize

@njit('(float64[:], int32[:], int32[:], int32, int32, int32, int32)')
def _extend_centers(T,y,x,ymed,xmed,Lx, niter):
    """ run diffusion from center of mask (ymed, xmed) on mask pixels (y, x)

    Parameters
    --------------

    T: float64, array
        _ x Lx array that diffusion is run in

    y: int32, array
        pixels in y inside mask

    x: int32, array
        pixels in x inside mask

    ymed: int32
        center of mask in y

    xmed: int32
        center of mask in x

    Lx: int32
        size of x-dimension of masks

    niter: int32
        number of iterations to run diffusion

    Returns
    ---------------

    T: float64, array
        amount of diffused particles at each pixel

    """

    for t in range(niter):
        T[ymed*Lx + xmed] += 1
        T[y*Lx + x] = 1/9. * (T[y*Lx + x] + T[(y-1)*Lx + x]   + T[(y+1)*Lx + x] +
                                            T[y*Lx + x-1]     + T[y*Lx + x+1] +
                                            T[(y-1)*Lx + x-1] + T[(y-1)*Lx + x+1] +
                                            T[(y+1)*Lx + x-1] + T[(y+1)*Lx + x+1])
    return T

# ---- harness (not part of the program) ----
ENTRY = "_extend_centers"


def inputs():
    # what masks_to_flows passes for one elliptical cell in a 30 x 40
    # bounding box: the mask's pixel coordinates shifted by one (int32),
    # the mask pixel nearest the median as the centre, lx = 40 + 1 as the
    # row stride, niter = 2 * (ptp(x) + ptp(y)), and a zeroed
    # (ly + 2) * (lx + 2) buffer
    yy, xx = np.mgrid[0:30, 0:40]
    mask = ((yy - 14.5) / 13.0) ** 2 + ((xx - 19.5) / 18.0) ** 2 <= 1.0
    ly, lx = 30 + 1, 40 + 1
    y, x = np.nonzero(mask)
    y = y.astype(np.int32) + 1
    x = x.astype(np.int32) + 1
    ymed = np.median(y)
    xmed = np.median(x)
    imin = np.argmin((x - xmed) ** 2 + (y - ymed) ** 2)
    xmed = x[imin]
    ymed = y[imin]
    niter = np.int32(2 * np.int32(np.ptp(x) + np.ptp(y)))
    T = np.zeros((ly + 2) * (lx + 2), np.float64)
    return (T, y, x, ymed, xmed, np.int32(lx), niter)
