# Source: JoonhoLee-Group/ipie ipie/estimators/kernels/cpu/wicks.py (at commit 03215c74)
# Licence: Apache-2.0 (ipie, setup.py: license="Apache 2.0"; ipie developers)
# Notes: local-energy estimator of auxiliary-field quantum Monte Carlo (AFQMC) for quantum chemistry with a multi-determinant trial wave function, evaluated through generalized Wick's theorem: fill_os_triples (@jit(nopython=True, fastmath=True)) reads det_sls.start from a slice object passed as an argument, and for every walker and every triply-excited determinant (creation / annihilation orbital indices p, r, t and q, s, u from int rows) forms nine 2x2 cofactors of the walker's reference Green's function (products of complex scalars, .real / .imag of a complex scalar) and accumulates dot_real_cplx(chol_factor[iw, q, p], cofac.real, cofac.imag) (@jit(nopython=True, fastmath=True): A * B_real + 1j * (A * B_cplx), returning an array) with alternating signs into the 1-D slice spin_buffer[iw, start + idet, :] in place (=, -=, +=); it returns None. Pasted: the whole module (its numba and numpy imports, dot_real_cplx, fill_os_singles, fill_os_doubles, fill_os_triples and get_ss_doubles). The harness passes what the package's test of these kernels and its estimator pass (wk.fill_os_triples(trial.cre_ex_b[3], trial.anh_ex_b[3], G0, Lbb, buffer, slices_beta[3])): 4 walkers, 14 orbitals of which 4 occupied, 30 Cholesky vectors, 60 distinct triple excitations (sorted occupied triples into sorted virtual triples, int32), complex128 G0 (4, 4, 14) and Lxqp factors (4, 14, 4, 30), a zero complex128 buffer (4, 80, 30) and the determinant slice slice(10, 70)
from numba import jit
import numpy

# element wise
@jit(nopython=True, fastmath=True)
def dot_real_cplx(
        A,
        B_real,
        B_cplx,
        ):

    return A * B_real + 1j * (A * B_cplx)


@jit(nopython=True, fastmath=True)
def fill_os_singles(
        cre,
        anh,
        chol_factor,
        spin_buffer,
        det_sls):
    ps = cre[:, 0]
    qs = anh[:, 0]
    ndets = ps.shape[0]
    start = det_sls.start
    for idet in range(ndets):
        spin_buffer[:,start+idet] = chol_factor[:, qs[idet], ps[idet]]

@jit(nopython=True, fastmath=True)
def fill_os_doubles(
        cre,
        anh,
        G0,
        chol_factor,
        spin_buffer,
        det_sls):
    start = det_sls.start
    ndets = cre.shape[0]
    nwalkers = G0.shape[0]
    for iw in range(nwalkers):
        G0_real = G0[iw].real.copy()
        G0_imag = G0[iw].imag.copy()
        for idet in range(ndets):
            p = cre[idet, 0]
            q = anh[idet, 0]
            r = cre[idet, 1]
            s = anh[idet, 1]
            spin_buffer[iw, start + idet, :] = (
                    dot_real_cplx(
                        chol_factor[iw,q,p,:],
                        G0_real[r,s],
                        G0_imag[r,s])
                    -
                    dot_real_cplx(
                        chol_factor[iw,s,p,:],
                        G0_real[r,q],
                        G0_imag[r,q])
                    -
                    dot_real_cplx(
                        chol_factor[iw,q,r,:],
                        G0_real[p,s],
                        G0_imag[p,s])
                    +
                    dot_real_cplx(
                        chol_factor[iw,s,r,:],
                        G0_real[p,q],
                        G0_imag[p,q])
                    )


@jit(nopython=True, fastmath=True)
def fill_os_triples(
        cre,
        anh,
        G0w,
        chol_factor,
        spin_buffer,
        det_sls):
    start = det_sls.start
    ndets = cre.shape[0]
    nwalkers = G0w.shape[0]
    for iw in range(nwalkers):
        G0 = G0w[iw]
        for idet in range(ndets):
            p = cre[idet, 0]
            q = anh[idet, 0]
            r = cre[idet, 1]
            s = anh[idet, 1]
            t = cre[idet, 2]
            u = anh[idet, 2]
            cofac = G0[r,s]*G0[t,u] - G0[r,u]*G0[t,s]
            spin_buffer[iw, start + idet, :] = (
                    dot_real_cplx(
                        chol_factor[iw,q,p],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[r,q]*G0[t,u] - G0[r,u]*G0[t,q]
            spin_buffer[iw, start + idet, :] -= (
                    dot_real_cplx(
                        chol_factor[iw,s,p],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[r,q]*G0[t,s] - G0[r,s]*G0[t,q]
            spin_buffer[iw, start + idet, :] += (
                    dot_real_cplx(
                        chol_factor[iw,u,p],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[p,s]*G0[t,u] - G0[t,s]*G0[p,u]
            spin_buffer[iw, start + idet, :] -= (
                    dot_real_cplx(
                        chol_factor[iw,q,r],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[p,q]*G0[t,u] - G0[t,q]*G0[p,u]
            spin_buffer[iw, start + idet, :] += (
                    dot_real_cplx(
                        chol_factor[iw,s,r],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[p,q]*G0[t,s] - G0[t,q]*G0[p,s]
            spin_buffer[iw, start + idet, :] -= (
                    dot_real_cplx(
                        chol_factor[iw,u,r],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[p,s]*G0[r,u] - G0[r,s]*G0[p,u]
            spin_buffer[iw, start + idet, :] += (
                    dot_real_cplx(
                        chol_factor[iw,q,t],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[p,q]*G0[r,u] - G0[r,q]*G0[p,u]
            spin_buffer[iw, start + idet, :] -= (
                    dot_real_cplx(
                        chol_factor[iw,s,t],
                        cofac.real,
                        cofac.imag)
                    )
            cofac = G0[p,q]*G0[r,s] - G0[r,q]*G0[p,s]
            spin_buffer[iw, start + idet, :] += (
                    dot_real_cplx(
                        chol_factor[iw,u,t],
                        cofac.real,
                        cofac.imag)
                    )

@jit(nopython=True, fastmath=True)
def get_ss_doubles(
        cre,
        anh,
        chol_fact,
        buffer,
        det_sls):
    start = det_sls.start
    ndets = cre.shape[0]
    nwalkers = chol_fact.shape[0]
    for iw in range(nwalkers):
        for idet in range(ndets):
            p = cre[idet, 0]
            q = anh[idet, 0]
            r = cre[idet, 1]
            s = anh[idet, 1]
            buffer[iw, start+idet] += numpy.dot(chol_fact[iw,q,p], chol_fact[iw,s,r]) + 0j
            buffer[iw, start+idet] -= numpy.dot(chol_fact[iw,q,r], chol_fact[iw,s,p]) + 0j
# ---- harness (not part of the program) ----
import itertools

ENTRY = "fill_os_triples"


def inputs():
    # 4 walkers, 14 spatial orbitals (4 occupied), 30 Cholesky vectors,
    # 60 triple excitations occupied -> virtual
    rng = numpy.random.default_rng(0)
    nwalkers, nmo, nocc, nchol = 4, 14, 4, 30
    occ_triples = list(itertools.combinations(range(nocc), 3))
    vir_triples = list(itertools.combinations(range(nocc, nmo), 3))
    pick_o = rng.integers(0, len(occ_triples), 60)
    pick_v = rng.choice(len(vir_triples), 60, replace=False)
    cre = numpy.array([occ_triples[i] for i in pick_o], dtype=numpy.int32)
    anh = numpy.array([vir_triples[i] for i in pick_v], dtype=numpy.int32)
    G0 = (rng.standard_normal((nwalkers, nocc, nmo))
          + 1j * rng.standard_normal((nwalkers, nocc, nmo))) * 0.3
    Lxqp = (rng.standard_normal((nwalkers, nmo, nocc, nchol))
            + 1j * rng.standard_normal((nwalkers, nmo, nocc, nchol))) * 0.1
    buffer = numpy.zeros((nwalkers, 80, nchol), dtype=numpy.complex128)
    return cre, anh, G0, Lxqp, buffer, slice(10, 70)
