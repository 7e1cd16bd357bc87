# Source: keurfonluu/fteikpy fteikpy/_fteik/_fteik2d.py (at commit 06003b3d) with fteikpy/_common.py (at commit 1c36b892)
# Licence: MIT (fteikpy, LICENSE; Copyright (c) 2017 Mark Noble and Keurfon Luu)
# Notes: first-arrival seismic traveltimes by solving the 2-D eikonal equation |grad t| = slowness with the factored fast-sweeping method (FTeik, Noble, Gesret & Belayouni 2014): solve2d dispatches on src.ndim (a branch that only types because Numba prunes it on the array's ndim) to fteik2d_vectorized (@jitted(parallel=True): a prange loop over sources that assigns the three results of fteik2d into slices of 3-D and 4-D arrays with tuple-target assignment), and fteik2d (eager signature "Tuple((f8[:, :], f8[:, :, :], f8))(f8[:, :], f8, f8, f8, f8, i4, b1)" with defaults, a chained comparison 0.0 <= zsrc <= dz * (nz - 1), raise ValueError, conditional expressions choosing between arrays, an initialisation of the source neighbourhood by analytic times along four directions) calls sweep2d, four nested sweeps per pass in the four diagonal directions, and sweep (eager "void(...)" signature with a UniTuple(f8, 6) argument unpacked, 18 arguments, mixed i4/f8 arithmetic, upwind one- and two-dimensional stencil updates with min() of three floats, the analytic spherical-source correction via t_anad (eager "UniTuple(f8, 3)(...)" signature returning a 3-tuple) and delta (a quadratic solve returning through a conditional expression), and traveltime gradients written into a 3-D array when grad is True); every function is decorated with fteikpy's `jitted` (a wrapper adding nopython/nogil/cache and a set of fast-math flags {"ninf", "nsz", "arcp", "contract", "afn", "reassoc"} to **kwargs, used both bare, with a signature string and with parallel=True); module constants Big, eps, epsin; _common.py's other jitted helpers (norm2d, norm3d, dist2d, dist3d) are kept and `from .._common import jitted` is replaced by _common.py's content pasted above; the harness calls solve2d as Eikonal2D.solve does (slowness = 1/velocity, several sources as a (n, 2) array, return_gradient=True)
from numba import jit


def jitted(*args, **kwargs):
    """Custom :func:`jit` with default options."""
    kwargs.update(
        {
            "nopython": True,
            "nogil": True,
            # Disable fast-math flag "nnan"
            # <https://llvm.org/docs/LangRef.html#fast-math-flags>
            "fastmath": {"ninf", "nsz", "arcp", "contract", "afn", "reassoc"},
            # "fastmath": True,
            # "boundscheck": False,
            "cache": True,
        }
    )
    return jit(*args, **kwargs)


@jitted
def norm2d(x, y):
    """Calculate norm of vector [x, y]."""
    return (x * x + y * y) ** 0.5


@jitted
def norm3d(x, y, z):
    """Calculate norm of vector [x, y, z]."""
    return (x * x + y * y + z * z) ** 0.5


@jitted
def dist2d(x1, y1, x2, y2):
    """Calculate Euclidean distance between [x1, y1] and [x2, y2]."""
    return norm2d(x1 - x2, y1 - y2)


@jitted
def dist3d(x1, y1, z1, x2, y2, z2):
    """Calculate Euclidean distance between [x1, y1, z1] and [x2, y2, z2]."""
    return norm3d(x1 - x2, y1 - y2, z1 - z2)


import numpy

from numba import prange


Big = 1.0e5
eps = 1.0e-15
epsin = 5


@jitted("f8(i4, i4, f8, f8, f8, f8, f8)")
def t_ana(i, j, dz, dx, zsa, xsa, vzero):
    """Calculate analytical times in homogenous model."""
    return vzero * ((dz * (i - zsa)) ** 2.0 + (dx * (j - xsa)) ** 2.0) ** 0.5


@jitted("UniTuple(f8, 3)(i4, i4, f8, f8, f8, f8, f8)")
def t_anad(i, j, dz, dx, zsa, xsa, vzero):
    """Calculate analytical times in homogenous model and derivatives of times."""
    t = t_ana(i, j, dz, dx, zsa, xsa, vzero)

    if t > 0.0:
        tmp = vzero ** 2.0 / t
        tzc = (i - zsa) * dz * tmp
        txc = (j - xsa) * dx * tmp
    else:
        tzc = 0.0
        txc = 0.0

    return t, tzc, txc


@jitted("f8(f8, f8, f8, f8, f8, f8, f8, f8, f8, f8, f8, f8, f8, i4, i4)")
def delta(t1, tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, sgntz, sgntx):
    """Solve quadratic equation."""
    ta = tauev + taue - tauv
    tb = tauev - taue + tauv

    apoly = dz2i + dx2i
    bpoly = 4.0 * (sgntx * txc * dxi + sgntz * tzc * dzi) - 2.0 * (ta * dx2i + tb * dz2i)
    cpoly = (ta * ta * dx2i) + (tb * tb * dz2i) - 4.0 * (sgntx * txc * dxi * ta + sgntz * tzc * dzi * tb) + 4.0 * (vzero * vzero - vref * vref)
    dpoly = bpoly * bpoly - 4.0 * apoly * cpoly

    return 0.5 * (dpoly ** 0.5 - bpoly) / apoly + t0c if dpoly >= 0.0 else t1


@jitted("void(f8[:, :], f8[:, :, :], f8[:, :], UniTuple(f8, 6), f8, f8, f8, f8, f8, i4, i4, i4, i4, i4, i4, i4, i4, b1)")
def sweep(tt, ttgrad, slow, dargs, zsi, xsi, zsa, xsa, vzero, i, j, sgnvz, sgnvx, sgntz, sgntx, nz, nx, grad):
    """Sweep in given direction."""
    dz, dx, dzi, dxi, dz2i, dx2i = dargs
    i1 = i - sgnvz
    j1 = j - sgnvx

    # Get local times of surrounding points
    tv = tt[i - sgntz, j]
    te = tt[i, j - sgntx]
    tev = tt[i - sgntz, j - sgntx]

    # 1D operators (refracted times)
    # First dimension (Z axis)
    vref = min(slow[i1, max(j - 1, 1)], slow[i1, min(j, nx - 1)])
    t1d1 = tv + dz * vref

    # Second dimension (X axis)
    vref = min(slow[max(i - 1, 1), j1], slow[min(i, nz - 1), j1])
    t1d2 = te + dx * vref

    t1d = min(t1d1, t1d2)

    # 2D operators
    t2d = Big
    vref = slow[i1, j1]

    # Choose plane wave or spherical
    # Test for plane wave
    if numpy.abs(i - zsi) > epsin or numpy.abs(j - xsi) > epsin:
        # 4 points operator if possible, otherwise do three points
        if tv <= te + dx * vref and te <= tv + dz * vref and te >= tev and tv >= tev:
            ta = tev + te - tv
            tb = tev - te + tv
            t2d = ((tb * dz2i + ta * dx2i) + (4.0 * vref * vref * (dz2i + dx2i) - dz2i * dx2i * (ta - tb) * (ta - tb)) ** 0.5) / (dz2i + dx2i)

        # Two 3 points operators
        elif te - tev <= dz * dz * vref / (dx * dx + dz * dz) ** 0.5 and te - tev > 0.0:
            t2d = te + dx * (vref * vref - ((te - tev) / dz) ** 2.0) ** 0.5

        elif tv - tev <= dx * dx * vref / (dx * dx + dz * dz) ** 0.5 and tv - tev > 0.0:
            t2d = tv + dz * (vref * vref - ((tv - tev) / dx) ** 2.0) ** 0.5 

    # Test for spherical
    else:
        # Do spherical operator if conditions ok
        if tv < te + dx * vref and te < tv + dz * vref and te >= tev and tv >= tev:
            t0c, tzc, txc = t_anad(i, j, dz, dx, zsa, xsa, vzero)
            tauv = tv - t_ana(i - sgntz, j, dz, dx, zsa, xsa, vzero)
            taue = te - t_ana(i, j - sgntx, dz, dx, zsa, xsa, vzero)
            tauev = tev - t_ana(i - sgntz, j - sgntx, dz, dx, zsa, xsa, vzero)

            t2d = delta(t2d, tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, sgntz, sgntx)
            if t2d < tv or t2d < te:
                t2d = Big

    # Select minimum time
    t0 = tt[i, j]
    tt[i, j] = min(t0, t1d, t2d)

    # Compute gradient according to minimum time direction
    if grad and tt[i, j] != t0:
        if tt[i, j] == t1d1:
            ttgrad[i, j, 0] = sgntz * (tt[i, j] - tv) / dz
            ttgrad[i, j, 1] = 0.0
        elif tt[i, j] == t1d2:
            ttgrad[i, j, 0] = 0.0
            ttgrad[i, j, 1] = sgntx * (tt[i, j] - te) / dx
        else:
            ttgrad[i, j, 0] = sgntz * (tt[i, j] - tv) / dz
            ttgrad[i, j, 1] = sgntx * (tt[i, j] - te) / dx


@jitted("void(f8[:, :], f8[:, :, :], f8[:, :], f8, f8, f8, f8, f8, f8, f8, i4, i4, b1)")
def sweep2d(tt, ttgrad, slow, dz, dx, zsi, xsi, zsa, xsa, vzero, nz, nx, grad):
    """Perform one sweeping."""
    dzi = 1.0 / dz
    dxi = 1.0 / dx
    dz2i = dzi / dz
    dx2i = dxi / dx
    dargs = (dz, dx, dzi, dxi, dz2i, dx2i)
    
    for j in range(1, nx):
        for i in range(1, nz):
            sweep(tt, ttgrad, slow, dargs, zsi, xsi, zsa, xsa, vzero, i, j, 1, 1, 1, 1, nz, nx, grad)

        for i in range(nz - 2, -1, -1):
            sweep(tt, ttgrad, slow, dargs, zsi, xsi, zsa, xsa, vzero, i, j, 0, 1, -1, 1, nz, nx, grad)

    for j in range(nx - 2, -1, -1):
        for i in range(1, nz):
            sweep(tt, ttgrad, slow, dargs, zsi, xsi, zsa, xsa, vzero, i, j, 1, 0, 1, -1, nz, nx, grad)

        for i in range(nz - 2, -1, -1):
            sweep(tt, ttgrad, slow, dargs, zsi, xsi, zsa, xsa, vzero, i, j, 0, 0, -1, -1, nz, nx, grad)


@jitted("Tuple((f8[:, :], f8[:, :, :], f8))(f8[:, :], f8, f8, f8, f8, i4, b1)")
def fteik2d(slow, dz, dx, zsrc, xsrc, nsweep=2, grad=False):
    """Calculate traveltimes given a 2D velocity model."""
    # Parameters
    nz, nx = numpy.shape(slow)

    # Check inputs
    condz = 0.0 <= zsrc <= dz * (nz - 1)
    condx = 0.0 <= xsrc <= dx * (nx - 1)
    if not (condz and condx):
        raise ValueError("source out of bound")

    # Convert src to grid position and try and take into account machine precision
    zsa = zsrc / dz
    xsa = xsrc / dx

    # Try to handle edges simply for source due to precision
    zsa = zsa - eps if zsa > nz else zsa
    xsa = xsa - eps if xsa > nx else xsa

    # Grid points to initialize source
    zsi = int(zsa)
    xsi = int(xsa)
    vzero = slow[zsi, xsi]

    # Allocate work array
    tt = numpy.full((nz, nx), Big, dtype=numpy.float64)
    ttgrad = (
        numpy.zeros((nz, nx, 2), dtype=numpy.float64)
        if grad
        else numpy.empty((0, 0, 0), dtype=numpy.float64)
    )

    # Do our best to initialize source
    dzu = numpy.abs(zsa - float(zsi))
    dzd = numpy.abs(float(zsi) - zsa + 1.0)
    dxw = numpy.abs(xsa - float(xsi))
    dxe = numpy.abs(float(xsi) - xsa + 1.0)

    # Source seems close enough to a grid point in X and Y direction
    dzv_min = min(dzu, dzd)
    dzh_min = min(dxw, dxe)
    if dzv_min < eps and dzh_min < eps:
        zsa = numpy.round(zsa)
        xsa = numpy.round(xsa)
        iflag = 1

    # At least one of coordinates not close to any grid point in X and Y direction
    elif dzv_min > eps or dzh_min > eps:
        zsa = numpy.round(zsa) if dzv_min < eps else zsa
        xsa = numpy.round(xsa) if dzh_min < eps else xsa
        iflag = 2

    # Oops we are lost, not sure this happens - fix src to nearest grid point
    else:
        zsa = numpy.round(zsa)
        xsa = numpy.round(xsa)
        iflag = 3

    # We know where src is - start first propagation
    if iflag == 2:
        td = numpy.full(max(nz, nx), Big, dtype=numpy.float64)

        dzu = numpy.abs(zsa - float(zsi))
        dzd = numpy.abs(float(zsi) - zsa + 1.0)
        dxw = numpy.abs(xsa - float(xsi))
        dxe = numpy.abs(float(xsi) - xsa + 1.0)

        # First initialize 4 points around source
        tt[zsi, xsi] = t_ana(zsi, xsi, dz, dx, zsa, xsa, vzero)
        tt[zsi + 1, xsi] = t_ana(zsi + 1, xsi, dz, dx, zsa, xsa, vzero)
        tt[zsi, xsi + 1] = t_ana(zsi, xsi + 1, dz, dx, zsa, xsa, vzero)
        tt[zsi + 1, xsi + 1] = t_ana(zsi + 1, xsi + 1, dz, dx, zsa, xsa, vzero)

        dxi = 1.0 / dx
        dx2i = dxi / dx
        td[xsi + 1] = vzero * dxe * dx
        for j in range(xsi + 2, nx):
            vref = slow[zsi, j - 1]
            td[j] = td[j - 1] + dx * vref
            tauv = td[j] - vzero * numpy.abs(j - xsa) * dx
            tauev = td[j - 1] - vzero * numpy.abs(j - xsa - 1.0) * dx

            dzi = 1.0 / dzd
            dz2i = dz / dzd / dzd
            taue = tt[zsi + 1, j - 1] - t_ana(zsi + 1, j - 1, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(zsi + 1, j, dz, dx, zsa, xsa, vzero)
            tt[zsi + 1, j] = delta(tt[zsi + 1, j], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, 1, 1)

            dzi = 1.0 / dzu
            dz2i = dz / dzu / dzu
            taue = tt[zsi, j - 1] - t_ana(zsi, j - 1, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(zsi, j, dz, dx, zsa, xsa, vzero)
            tt[zsi, j] = delta(tt[zsi, j], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, -1, 1)

        td[xsi] = vzero * dxw * dx
        for j in range(xsi - 1, -1, -1):
            vref = slow[zsi, j]
            td[j] = td[j + 1] + dx * vref
            tauv = td[j] - vzero * numpy.abs(j - xsa) * dx
            tauev = td[j + 1] - vzero * numpy.abs(j - xsa + 1.0) * dx

            dzi = 1.0 / dzd
            dz2i = dz / dzd / dzd
            taue = tt[zsi + 1, j + 1] - t_ana(zsi + 1, j + 1, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(zsi + 1, j, dz, dx, zsa, xsa, vzero)
            tt[zsi + 1, j] = delta(tt[zsi + 1, j], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, 1, -1)

            dzi = 1.0 / dzu
            dz2i = dz / dzu / dzu
            taue = tt[zsi + 1, j + 1] - t_ana(zsi + 1, j + 1, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(zsi, j, dz, dx, zsa, xsa, vzero)
            tt[zsi, j] = delta(tt[zsi, j], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, -1, -1)

        dzi = 1.0 / dz
        dz2i = dzi / dz
        td[:] = Big
        td[zsi + 1] = vzero * dzd * dz
        for i in range(zsi + 2, nz):
            vref = slow[i - 1, xsi]
            td[i] = td[i - 1] + dz * vref
            taue = td[i] - vzero * numpy.abs(i - zsa) * dz
            tauev = td[i - 1] - vzero * numpy.abs(i - zsa - 1.0) * dz

            dxi = 1.0 / dxe
            dx2i = dx / dxe / dxe
            tauv = tt[i - 1, xsi + 1] - t_ana(i - 1, xsi + 1, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(i, xsi + 1, dz, dx, zsa, xsa, vzero)
            tt[i, xsi + 1] = delta(tt[i, xsi + 1], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, 1, 1)

            dxi = 1.0 / dxw
            dx2i = dx / dxw / dxw
            tauv = tt[i - 1, xsi] - t_ana(i - 1, xsi, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(i, xsi, dz, dx, zsa, xsa, vzero)
            tt[i, xsi] = delta(tt[i, xsi], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, 1, -1)

        td[zsi] = vzero * dzu * dz
        for i in range(zsi - 1, -1, -1):
            vref = slow[i, xsi]
            td[i] = td[i + 1] + dz * vref
            taue = td[i] - vzero * numpy.abs(i - zsa) * dz
            tauev = td[i + 1] - vzero * numpy.abs(i - zsa + 1.0) * dz

            dxi = 1.0 / dxe
            dx2i = dx / dxe / dxe
            tauv = tt[i + 1, xsi + 1] - t_ana(i + 1, xsi + 1, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(i, xsi + 1, dz, dx, zsa, xsa, vzero)
            tt[i, xsi + 1] = delta(tt[i, xsi + 1], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, -1, 1)

            dxi = 1.0 / dxw
            dx2i = dx / dxw / dxw
            tauv = tt[i + 1, xsi] - t_ana(i + 1, xsi, dz, dx, zsa, xsa, vzero)
            t0c, tzc, txc = t_anad(i, xsi, dz, dx, zsa, xsa, vzero)
            tt[i, xsi] = delta(tt[i, xsi], tauv, taue, tauev, t0c, tzc, txc, dzi, dxi, dz2i, dx2i, vzero, vref, -1, -1)

        nsweep -= 1

    else:
        tt[int(zsa), int(xsa)] = 0.0

    for _ in range(nsweep):
        sweep2d(tt, ttgrad, slow, dz, dx, zsi, xsi, zsa, xsa, vzero, nz, nx, grad)

    return tt, ttgrad, vzero


@jitted(parallel=True)
def fteik2d_vectorized(slow, dz, dx, zsrc, xsrc, nsweep=2, grad=False):
    nsrc = len(zsrc)
    nz, nx = slow.shape
    tt = numpy.empty((nsrc, nz, nx), dtype=numpy.float64)
    ttgrad = (
        numpy.empty((nsrc, nz, nx, 2), dtype=numpy.float64)
        if grad
        else numpy.empty((nsrc, 0, 0, 0), dtype=numpy.float64)
    )
    vzero = numpy.empty(nsrc, dtype=numpy.float64)
    for i in prange(nsrc):
        tt[i], ttgrad[i], vzero[i] = fteik2d(slow, dz, dx, zsrc[i], xsrc[i], nsweep, grad)

    return tt, ttgrad, vzero


@jitted
def solve2d(slow, dz, dx, src, nsweep=2, grad=False):
    if src.ndim == 1:
        return fteik2d(slow, dz, dx, src[0], src[1], nsweep, grad)

    else:
        return fteik2d_vectorized(slow, dz, dx, src[:, 0], src[:, 1], nsweep, grad)

# ---- harness (not part of the program) ----
ENTRY = "solve2d"


def inputs():
    # a 41 x 61 velocity grid (10 m spacing) increasing with depth from
    # 1.5 to 3.5 km/s with a slow lens and a fast block, as slowness
    # (Eikonal2D keeps 1/velocity); three sources (z, x) in metres, one on a
    # grid node and two between nodes; two sweeps (the default), with
    # traveltime gradients
    nz, nx = 41, 61
    dz = dx = 10.0
    z = numpy.arange(nz) * dz
    x = numpy.arange(nx) * dx
    zz, xx = numpy.meshgrid(z, x, indexing="ij")
    vel = 1500.0 + 2000.0 * zz / z[-1]
    vel -= 600.0 * numpy.exp(-(((zz - 200.0) / 60.0) ** 2 + ((xx - 250.0) / 90.0) ** 2))
    vel[25:33, 40:52] = 4200.0
    slow = 1.0 / vel
    src = numpy.array([[0.0, 100.0], [123.4, 456.7], [305.0, 87.5]])
    return (slow, dz, dx, src, 2, True)
