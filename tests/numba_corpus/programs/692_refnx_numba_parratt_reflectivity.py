# Source: refnx/refnx refnx/reflect/_numba_reflect.py (release 0.1.53, as shipped in Debian's python3-refnx 0.1.53-1)
# Licence: BSD-3-Clause (refnx, package metadata "License: BSD-3-Clause" and LICENSE as quoted in debian/copyright; Copyright 2015 A. R. J. Nelson, Australian Nuclear Science and Technology Organisation)
# Notes: refnx's Numba backend ("numba_parratt", its preferred one) for specular neutron/X-ray reflectivity of a stratified slab model by Parratt's recursion. The whole module is pasted unchanged: numba_parratt (defaults from numba.config.NUMBA_DEFAULT_NUM_THREADS, numba.get_num_threads/set_num_threads around the call, np.clip on the thread count, asarray(...).astype(float, copy=False), ravel and reshape back to the shape of q, strided column views slabs[:, k] passed to the kernel) and _numba_kernel (@numba.jit with an eager float64[:](float64[:] x5, float64, float64) signature, nopython=True, parallel=False, cache=True; a complex SLD array built as 1j * (np.abs(sldi) + 1e-30) then `+=` of a real array expression, element assignment of 0.0 and `*=` np.pi * 4e-6; numba.prange in a non-parallel function, cmath.sqrt/cmath.exp on complex scalars, negative indexing sld[-2], a chained assignment RRJ = RRJ_1 = ..., a reversed range loop, a complex literal -2.0j, np.abs of a complex scalar squared). The harness computes reflectivity curves for a two-layer film on silicon (Q as a 1-D array and as a 2-D array to exercise the reshape), a rough single layer with absorption and a bare substrate, with default, -1 and 1 thread arguments
import numba
import numpy as np
import cmath


def numba_parratt(
    q,
    slabs,
    scale=1.0,
    bkg=0.0,
    threads=numba.config.NUMBA_DEFAULT_NUM_THREADS,
):
    current_threads = numba.get_num_threads()
    if threads == -1:
        threads = numba.config.NUMBA_DEFAULT_NUM_THREADS
    threads = np.clip(threads, 1, numba.config.NUMBA_DEFAULT_NUM_THREADS)
    numba.set_num_threads(threads)

    qvals = np.asarray(q).astype(float, copy=False)
    flatq = np.ravel(qvals)
    reflectivity = _numba_kernel(
        flatq, slabs[:, 0], slabs[:, 1], slabs[:, 2], slabs[:, 3], scale, bkg
    )

    numba.set_num_threads(current_threads)

    return np.reshape(reflectivity, qvals.shape)


@numba.jit(
    numba.float64[:](
        numba.float64[:],
        numba.float64[:],
        numba.float64[:],
        numba.float64[:],
        numba.float64[:],
        numba.float64,
        numba.float64,
    ),
    nopython=True,
    parallel=False,
    cache=True,
)
def _numba_kernel(q, d, sldr, sldi, sigma, scale, bkg):
    nlayers = d.shape[0] - 2
    points = q.shape[0]

    R = np.empty_like(q)

    sld = 1j * (np.abs(sldi) + 1e-30)
    sld += sldr - sldr[0]
    sld[0] = 0.0
    sld *= np.pi * 4e-6

    for qi in numba.prange(points):
        q2 = 0.25 * q[qi] ** 2
        kn = cmath.sqrt(q2 - sld[-2])
        kn_next = cmath.sqrt(q2 - sld[-1])
        # Fresnel reflectivity for the interfaces
        RRJ = RRJ_1 = (
            (kn - kn_next)
            / (kn + kn_next)
            * cmath.exp(-2.0 * kn * kn_next * sigma[-1] ** 2)
        )

        kn_next = kn
        for lj in range(nlayers - 1, -1, -1):
            kn = cmath.sqrt(q2 - sld[lj])
            # Fresnel reflectivity for the interfaces
            rj = (
                (kn - kn_next)
                / (kn + kn_next)
                * cmath.exp(-2.0 * kn * kn_next * sigma[lj + 1] ** 2)
            )
            beta = cmath.exp(-2.0j * kn_next * d[lj + 1])

            RRJ = (rj + RRJ_1 * beta) / (1.0 + RRJ_1 * beta * rj)
            RRJ_1 = RRJ
            kn_next = kn

        R[qi] = bkg + scale * np.abs(RRJ) ** 2
    return R


# ---- harness ----
ENTRY = "refnx_parratt"


def refnx_parratt(q, q2d, film, rough, bare):
    r_film = numba_parratt(q, film)
    r_film_2d = numba_parratt(q2d, film, scale=1.0, bkg=1e-7, threads=-1)
    r_rough = numba_parratt(q, rough, scale=0.95, bkg=2e-6, threads=1)
    r_bare = numba_parratt(q, bare)
    r_kernel = _numba_kernel(q, film[:, 0].copy(), film[:, 1].copy(), film[:, 2].copy(), film[:, 3].copy(), 1.0, 0.0)
    return {
        "film": r_film,
        "film_2d": r_film_2d,
        "rough": r_rough,
        "bare": r_bare,
        "kernel": r_kernel,
    }


def inputs():
    q = np.linspace(0.005, 0.3, 60)
    q2d = np.linspace(0.01, 0.25, 24).reshape(4, 6)
    # columns: thickness (Angstrom), SLD real, SLD imaginary (1e-6 / Angstrom^2), roughness (Angstrom)
    film = np.array([
        [0.0, 0.0, 0.0, 0.0],
        [120.0, 1.41, 0.0, 4.0],
        [15.0, 3.47, 0.0, 3.0],
        [0.0, 2.07, 0.0, 2.5],
    ])
    rough = np.array([
        [0.0, 0.0, 0.0, 0.0],
        [250.0, 4.5, 0.12, 12.0],
        [0.0, 6.36, 0.0, 5.0],
    ])
    bare = np.array([
        [0.0, 0.0, 0.0, 0.0],
        [0.0, 2.07, 0.0, 3.0],
    ])
    return q, q2d, film, rough, bare
