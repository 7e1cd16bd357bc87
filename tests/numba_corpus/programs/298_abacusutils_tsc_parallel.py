# Source: abacusorg/abacusutils abacusnbody/analysis/tsc.py (at commit 0866d441)
# Licence: GPL-3.0 (abacusutils, pyproject.toml classifier "GNU General Public License v3 (GPLv3)"; Daniel Eisenstein, Philip Pinto, Lehman Garrison, Nina Maksimova, Sownak Bose, Boryana Hadzhiyska, Sihan (Sandy) Yuan)
# Notes: triangular-shaped-cloud (TSC) mass assignment of N-body particles onto a periodic 3-D density grid (cosmology, AbacusSummit simulations): _tsc_parallel (@numba.njit(parallel=True)) runs over the even-numbered stripes of x-partitioned particles in a numba.prange, then over the odd-numbered ones, slicing positions and weights by the stripe starts (a conditional `wslice = None` branch for weights=None) and calling _tsc_scatter with keyword arguments; _tsc_scatter (@numba.njit(fastmath=True)) works in the positions' float type through `ftype = positions.dtype.type` and int16 cell indices (`itype = np.int16`, itype(round(px))), branches on density.ndim == 3 for variables only defined in 3-D, computes the quadratic TSC weights, wraps indices with the jitted _rightwrap (negative indices wrap by Python indexing), and adds the 27 weighted contributions into the float32 grid in place. Pasted: the module's numba and numpy imports, __all__, and all its jitted functions (_zeros_parallel, _wrap_inplace, _tsc_parallel, partition_parallel, _rightwrap, _tsc_scatter; the ones other than _tsc_parallel, _tsc_scatter and _rightwrap are not called); left out: the plain-Python driver tsc_parallel and the timeit and warnings imports only it uses; the harness passes what tsc_parallel passes to _tsc_parallel after wrapping and partitioning: 3000 float32 particles in a box of size 1 sorted into 4 x-stripes of a 16^3 float32 grid (stripe starts as int64, as partition_parallel returns them), float32 weights and offset 0.0
import numba
import numpy as np

__all__ = ['tsc_parallel', 'partition_parallel']


@numba.njit(parallel=True)
def _zeros_parallel(shape, dtype=np.float32):
    arr = np.empty(shape, dtype=dtype)

    for i in numba.prange(shape[0]):
        arr[i] = 0.

    return arr


@numba.njit(parallel=True)
def _wrap_inplace(pos, box, dtype=np.float32):
    for i in numba.prange(len(pos)):
        for j in range(3):
            if pos[i,j] >= box:
                pos[i,j] -= box
            elif pos[i,j] < 0:
                pos[i,j] += box


@numba.njit(parallel=True)
def _tsc_parallel(ppart, starts, dens, box, weights, offset):
    npartition = len(starts) - 1
    for i in numba.prange((npartition + 1)//2):
        if weights is not None:
            wslice = weights[starts[2*i]:starts[2*i + 1]]
        else:
            wslice = None
        _tsc_scatter(
            ppart[starts[2*i]:starts[2*i + 1]],
            dens,
            box,
            weights=wslice,
            offset=offset,
        )
    if npartition > 1:
        for i in numba.prange((npartition + 1)//2):
            if weights is not None:
                wslice = weights[starts[2*i + 1]:starts[2*i + 2]]
            else:
                wslice = None
            _tsc_scatter(
                ppart[starts[2*i + 1]:starts[2*i + 2]],
                dens,
                box,
                weights=wslice,
                offset=offset,
            )


@numba.njit(parallel=True, fastmath=True)
def partition_parallel(pos, npartition, boxsize, weights=None, coord=0,
    nthread=-1, sort=False,
):
    '''
    A parallel partition.  Partitions a set of positions into ``npartition``
    pieces, using the ``coord`` coordinate (``coord=0`` partitions on ``x``, ``coord=1``
    partitions on ``y``, etc.).

    The particle copy stage is coded as a scatter rather than a gather.

    Note that this function is expected to be bound by memory bandwidth rather
    than CPU.

    Parameters
    ----------
    pos : ndarray of shape (n,3)
        The positions, in domain [0,boxsize)

    npartition : int
        The number of partitions

    boxsize : float
        The domain of the particles

    weights : ndarray of shape (n,), optional
        Particle weights.
        Default: None

    coord : int, optional
        The coordinate to partition on. 0 is x, 1 is y, etc.
        Default: 0 (x coordinate)

    nthread : int, optional
        Number of threads to parallelize over (using Numba threading).
        Values < 0 use ``numba.config.NUMBA_NUM_THREADS``, which is usually all
        CPUs.
        Default: -1

    sort : bool, optional
        Sort the particles on the ``coord`` coordinate within each partition.
        Can speed up subsequent TSC, but generally slow and not worth it.
        Default: False

    Returns
    -------
    partitioned : ndarray like ``pos``
        The particles, in partitioned order

    part_starts : ndarray, shape (npartition + 1,), dtype int64
        The index in ``partitioned`` where each partition starts

    wpart : ndarray or None
        The weights, in partitioned order; or None if ``weights`` not given.
    '''

    if nthread < 0:
        nthread = numba.config.NUMBA_NUM_THREADS
    numba.set_num_threads(nthread)

    assert pos.shape[1] == 3

    # First pass: compute key and per-thread histogram
    dtype = pos.dtype.type
    inv_pwidth = dtype(npartition/boxsize)
    keys = np.empty(len(pos), dtype=np.int32)
    counts = np.zeros((nthread,npartition), dtype=np.int32)
    tstart = np.linspace(0, len(pos), nthread+1).astype(np.int64)
    for t in numba.prange(nthread):
        for i in range(tstart[t],tstart[t+1]):
            keys[i] = min(np.int32(pos[i,coord] * inv_pwidth), npartition-1)
            counts[t,keys[i]] += 1

    # Compute start indices for parallel scatter
    pointers = np.empty(nthread*npartition, dtype=np.int64)
    pointers[0] = 0
    pointers[1:] = np.cumsum(counts.T)[:-1]
    pointers = np.ascontiguousarray(pointers.reshape(npartition,nthread).T)

    starts = np.empty(npartition + 1, dtype=np.int64)
    starts[:-1] = pointers[0]
    starts[-1] = len(pos)

    # Do parallel scatter, specializing for weights to help Numba
    psort = np.empty_like(pos)
    if weights is not None:
        wsort = np.empty_like(weights)
        for t in numba.prange(nthread):
            for i in range(tstart[t],tstart[t+1]):
                k = keys[i]
                s = pointers[t,k]
                for j in range(3):
                    psort[s,j] = pos[i,j]
                wsort[s] = weights[i]
                pointers[t,k] += 1

        if sort:
            for i in numba.prange(npartition):
                part = psort[starts[i]:starts[i+1]]
                iord = part[:,coord].argsort()
                part[:] = part[iord]
                weightspart = wsort[starts[i]:starts[i+1]]
                weightspart[:] = weightspart[iord]
    else:
        wsort = None
        for t in numba.prange(nthread):
            for i in range(tstart[t],tstart[t+1]):
                k = keys[i]
                s = pointers[t,k]
                for j in range(3):
                    psort[s,j] = pos[i,j]
                pointers[t,k] += 1

        if sort:
            for i in numba.prange(npartition):
                part = psort[starts[i]:starts[i+1]]
                iord = part[:,coord].argsort()
                part[:] = part[iord]

    return psort, starts, wsort


@numba.njit
def _rightwrap(x, L):
    if x >= L:
        return x - L
    return x


@numba.njit(fastmath=True)
def _tsc_scatter(positions, density, boxsize, weights=None, offset=0.):
    '''
    TSC worker function. Expects particles in domain [0,boxsize).
    Supports 3D and 2D.
    '''
    ftype = positions.dtype.type
    itype = np.int16
    threeD = density.ndim == 3
    gx = itype(density.shape[0])
    gy = itype(density.shape[1])
    if threeD:
        gz = itype(density.shape[2])

    inv_hx = ftype(gx/boxsize)
    inv_hy = ftype(gy/boxsize)
    if threeD:
        inv_hz = ftype(gz/boxsize)

    offset = ftype(offset)
    W = ftype(1.)
    have_W = weights is not None

    HALF = ftype(.5)
    P75 = ftype(.75)
    for n in range(len(positions)):
        if have_W:
            W = ftype(weights[n])

        # convert to a position in the grid
        px = (positions[n,0] + offset) * inv_hx
        py = (positions[n,1] + offset) * inv_hy
        if threeD:
            pz = (positions[n,2] + offset) * inv_hz

        # round to nearest cell center
        ix = itype(round(px))
        iy = itype(round(py))
        if threeD:
            iz = itype(round(pz))

        # calculate distance to cell center
        dx = ftype(ix) - px
        dy = ftype(iy) - py
        if threeD:
            dz = ftype(iz) - pz

        # find the tsc weights for each dimension
        wx = P75 - dx**2
        wxm1 = HALF*(HALF + dx)**2
        wxp1 = HALF*(HALF - dx)**2
        wy = P75 - dy**2
        wym1 = HALF*(HALF + dy)**2
        wyp1 = HALF*(HALF - dy)**2
        if threeD:
            wz = P75 - dz**2
            wzm1 = HALF*(HALF + dz)**2
            wzp1 = HALF*(HALF - dz)**2
        else:
            wz = ftype(1.)

        # find the wrapped x,y,z grid locations of the points we need to change
        # negative indices will be automatically wrapped
        ixm1 = _rightwrap(ix - itype(1), gx)
        ixw  = _rightwrap(ix, gx)
        ixp1 = _rightwrap(ix + itype(1), gx)
        iym1 = _rightwrap(iy - itype(1), gy)
        iyw  = _rightwrap(iy, gy)
        iyp1 = _rightwrap(iy + itype(1), gy)
        if threeD:
            izm1 = _rightwrap(iz - itype(1), gz)
            izw  = _rightwrap(iz, gz)
            izp1 = _rightwrap(iz + itype(1), gz)
        else:
            izw = itype(0)

        # change the 9 or 27 cells that the cloud touches
        density[ixm1, iym1, izw ] += wxm1*wym1*wz  *W
        density[ixm1, iyw , izw ] += wxm1*wy  *wz  *W
        density[ixm1, iyp1, izw ] += wxm1*wyp1*wz  *W
        density[ixw , iym1, izw ] += wx  *wym1*wz  *W
        density[ixw , iyw , izw ] += wx  *wy  *wz  *W
        density[ixw , iyp1, izw ] += wx  *wyp1*wz  *W
        density[ixp1, iym1, izw ] += wxp1*wym1*wz  *W
        density[ixp1, iyw , izw ] += wxp1*wy  *wz  *W
        density[ixp1, iyp1, izw ] += wxp1*wyp1*wz  *W

        if threeD:
            density[ixm1, iym1, izm1] += wxm1*wym1*wzm1*W
            density[ixm1, iym1, izp1] += wxm1*wym1*wzp1*W

            density[ixm1, iyw , izm1] += wxm1*wy  *wzm1*W
            density[ixm1, iyw , izp1] += wxm1*wy  *wzp1*W

            density[ixm1, iyp1, izm1] += wxm1*wyp1*wzm1*W
            density[ixm1, iyp1, izp1] += wxm1*wyp1*wzp1*W

            density[ixw , iym1, izm1] += wx  *wym1*wzm1*W
            density[ixw , iym1, izp1] += wx  *wym1*wzp1*W

            density[ixw , iyw , izm1] += wx  *wy  *wzm1*W
            density[ixw , iyw , izp1] += wx  *wy  *wzp1*W

            density[ixw , iyp1, izm1] += wx  *wyp1*wzm1*W
            density[ixw , iyp1, izp1] += wx  *wyp1*wzp1*W

            density[ixp1, iym1, izm1] += wxp1*wym1*wzm1*W
            density[ixp1, iym1, izp1] += wxp1*wym1*wzp1*W

            density[ixp1, iyw , izm1] += wxp1*wy  *wzm1*W
            density[ixp1, iyw , izp1] += wxp1*wy  *wzp1*W

            density[ixp1, iyp1, izm1] += wxp1*wyp1*wzm1*W
            density[ixp1, iyp1, izp1] += wxp1*wyp1*wzp1*W
# ---- harness (not part of the program) ----
ENTRY = "_tsc_parallel"


def inputs():
    # 3000 float32 particles in [0, 1)^3 with float32 weights, partitioned
    # (stably, by x) into 4 stripes of 4 cells each of a 16^3 float32 grid,
    # as partition_parallel does for npartition=4; starts are int64
    rng = np.random.default_rng(0)
    n, ngrid, npartition, box = 3000, 16, 4, 1.0
    pos = rng.random((n, 3)).astype(np.float32)
    weights = rng.uniform(0.5, 1.5, n).astype(np.float32)
    keys = np.minimum((pos[:, 0] * np.float32(npartition / box)).astype(np.int32),
                      npartition - 1)
    order = np.argsort(keys, kind="stable")
    ppart = np.ascontiguousarray(pos[order])
    wpart = np.ascontiguousarray(weights[order])
    starts = np.zeros(npartition + 1, dtype=np.int64)
    starts[1:] = np.cumsum(np.bincount(keys, minlength=npartition))
    dens = np.zeros((ngrid, ngrid, ngrid), dtype=np.float32)
    return (ppart, starts, dens, box, wpart, 0.0)
