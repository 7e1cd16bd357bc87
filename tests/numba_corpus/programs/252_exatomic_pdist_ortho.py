# Source: exa-analytics/exatomic exatomic/algorithms/distance.py (at commit 0d6892d8)
# Licence: Apache-2.0 (exatomic; the file's header: Copyright (c) 2015-2017, Exa Analytics Development Team, Distributed under the terms of the Apache License 2.0)
# Notes: the minimum-image pair distances of atoms in an orthorhombic periodic cell, the two-body step of exatomic's neighbour and bond analysis: pdist_ortho (@nb.jit(nopython=True, nogil=True, parallel=parallel), with the module-level `parallel` computed from platform.system() at import; no prange, so parallel=True only fuses the array work) preallocates n*(n-1)/2 entries of seven result arrays (np.empty plus .copy() of them), and for every pair i < j iterates three nested `for aa in m:` loops over the reflected list m = [-1, 0, 1] (a list of ints iterated in nopython mode) to test the 27 periodic images of atom i, keeping the nearest one under dmax**2 (the default dmax=8.0) together with its image number prj, its distance vector, np.sqrt of the squared distance and the atom labels from `index`; a boolean inck counts the pair only if some image is within range, and the seven arrays are cut to length k with slices and returned as a tuple. Pasted: the module's imports, its sysname/parallel/target constants and pdist_ortho; left out: the module's other functions (the @nb.vectorize ufuncs cartmag and modv, which use target, and the pdist_ortho_nv, pdist and pdist_nv variants)
import numpy as np
import numba as nb
import platform


sysname= platform.system().lower()
parallel = True if "linux" in sysname else False
target = "parallel" if parallel else "cpu"


@nb.jit(nopython=True, nogil=True, parallel=parallel)
def pdist_ortho(ux, uy, uz, a, b, c, index, dmax=8.0):
    """
    Pairwise two body calculation for bodies in an orthorhombic periodic cell.

    Does return distance vectors.

    An orthorhombic cell is defined by orthogonal vectors of length a and b
    (which define the base) and height vector of length c. All three vectors
    intersect at 90° angles. If a = b = c the cell is a simple cubic cell.
    This function assumes the unit cell is constant with respect to an external
    frame of reference and that the origin of the cell is at (0, 0, 0).

    Args:
        ux (array): In unit cell x array
        uy (array): In unit cell y array
        uz (array): In unit cell z array
        a (float): Unit cell dimension a
        b (float): Unit cell dimension b
        c (float): Unit cell dimension c index (array): Atom indexes
        dmax (float): Maximum distance of interest
    """
    m = [-1, 0, 1]
    dmax2 = dmax**2
    n = len(ux)
    nn = n*(n - 1)//2
    dx = np.empty((nn, ), dtype=np.float64)
    dy = dx.copy()
    dz = dx.copy()
    dr = dx.copy()
    ii = np.empty((nn, ), dtype=np.int64)
    jj = ii.copy()
    projection = ii.copy()
    k = 0
    # For each atom i
    for i in range(n):
        xi = ux[i]
        yi = uy[i]
        zi = uz[i]
        # For each atom j
        for j in range(i+1, n):
            xj = ux[j]
            yj = uy[j]
            zj = uz[j]
            dpr = dmax2
            inck = False
            prj = 0
            # Check all projections of atom i
            # Note that i, j are in the unit cell so we make a 3x3x3 'supercell'
            # of i around j
            # The index of the projections of i go from 0 to 26 (27 projections)
            # The 13th projection is the unit cell itself.
            for aa in m:
                for bb in m:
                    for cc in m:
                        pxi = xi + aa*a
                        pyi = yi + bb*b
                        pzi = zi + cc*c
                        dpx_ = pxi - xj
                        dpy_ = pyi - yj
                        dpz_ = pzi - zj
                        dpr_ = dpx_**2 + dpy_**2 + dpz_**2
                        # The second criteria here enforces that prefer the projection
                        # with the largest value (i.e. 0 = [-1, -1, -1] < 13 = [0, 0, 0]
                        # < 26 = [1, 1, 1])
                        # The system sets a fixed preference for the projected positions rather
                        # than having a random choice.
                        if dpr_ < dpr:
                            dx[k] = dpx_
                            dy[k] = dpy_
                            dz[k] = dpz_
                            dr[k] = np.sqrt(dpr_)
                            ii[k] = index[i]
                            jj[k] = index[j]
                            projection[k] = prj
                            dpr = dpr_
                            inck = True
                        prj += 1
            if inck:
                k += 1
    dx = dx[:k]
    dy = dy[:k]
    dz = dz[:k]
    dr = dr[:k]
    ii = ii[:k]
    jj = jj[:k]
    projection = projection[:k]
    return dx, dy, dz, dr, ii, jj, projection

# ---- harness (not part of the program) ----
ENTRY = "pdist_ortho"


def inputs():
    # what exatomic's two-body computation hands over for one frame: the
    # unit-cell coordinates of 60 atoms of a liquid-like box (an orthorhombic
    # cell of 12 x 12 x 14 bohr, positions already wrapped into the cell),
    # the cell dimensions a, b, c and the atoms' integer labels (not 0..n-1,
    # as after a frame selection), with the default dmax = 8.0
    rng = np.random.default_rng(0)
    n = 60
    a, b, c = 12.0, 12.0, 14.0
    ux = rng.uniform(0.0, a, n)
    uy = rng.uniform(0.0, b, n)
    uz = rng.uniform(0.0, c, n)
    index = np.arange(100, 100 + 2 * n, 2, dtype=np.int64)
    return (ux, uy, uz, a, b, c, index)
