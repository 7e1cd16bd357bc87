# Source: evfro/polara polara/lib/hosvd.py (at commit 14ea9a56)
# Licence: MIT (polara LICENSE; Copyright (c) 2016 Evgeny Frolov)
# Notes: the sparse tensor-times-two-matrices product at the heart of polara's Tucker decomposition (HOSVD/ALS) of a user x item x context rating tensor for tensor-factorisation recommenders: tensordot2 (plain Python) picks the free mode with a list comprehension and a one-element tuple unpacking, transposes the factor matrices according to the mode flags, allocates the (shape[mode0], r, r) result and calls double_tensordot (@njit(nogil=True)), which walks the COO entries (an (nnz, 3) index array and a value array) and accumulates val * u[i1, j] * v[i2, k] into res[i0, j, k] in a triple loop. Pasted: the whole module (the numba, numpy and scipy imports, double_tensordot, tensordot2 and the plain-Python tucker_als, which is not called); the harness passes what the first step of tucker_als passes: the COO indices and float64 values of a 60 users x 40 items x 5 contexts tensor with 900 observed ratings, its shape, u2 and u1 (orthonormal 5 x 3 and 40 x 4 factors from np.linalg.qr of random matrices, as tucker_als makes them) and the modes ((2, 0), (1, 0))
from numba import njit

import numpy as np
from scipy.sparse.linalg import svds


@njit(nogil=True)
def double_tensordot(idx, val, u, v, mode0, mode1, mode2, res):
    new_shape1 = u.shape[1]
    new_shape2 = v.shape[1]
    for i in range(len(val)):
        i0 = idx[i, mode0]
        i1 = idx[i, mode1]
        i2 = idx[i, mode2]
        vi = val[i]
        for j in range(new_shape1):
            for k in range(new_shape2):
                res[i0, j, k] += vi * u[i1, j] * v[i2, k]


def tensordot2(idx, val, shape, U, V, modes, dtype=None):
    mode1, mat_mode1 = modes[0]
    mode2, mat_mode2 = modes[1]

    u = U.T if mat_mode1 == 1 else U
    v = V.T if mat_mode2 == 1 else V

    mode0, = [x for x in (0, 1, 2) if x not in (mode1, mode2)]
    new_shape = (shape[mode0], U.shape[1 - mat_mode1], V.shape[1 - mat_mode2])

    res = np.zeros(new_shape, dtype=dtype)
    double_tensordot(idx, val, u, v, mode0, mode1, mode2, res)
    return res


def tucker_als(idx, val, shape, core_shape, iters=25, growth_tol=0.01, batch_run=False, seed=None):
    '''
    The function computes Tucker ALS decomposition of sparse tensor
    provided in COO format. Usage:
    u0, u1, u2, g = newtuck(idx, val, shape, core_shape)
    '''
    def log_status(msg):
        if not batch_run:
            print(msg)

    random_state = np.random if seed is None else np.random.RandomState(seed)

    r0, r1, r2 = core_shape
    u1 = random_state.rand(shape[1], r1)
    u1 = np.linalg.qr(u1, mode='reduced')[0]
    u2 = random_state.rand(shape[2], r2)
    u2 = np.linalg.qr(u2, mode='reduced')[0]

    g_norm_old = 0
    for i in range(iters):
        log_status('Step %i of %i' % (i + 1, iters))
        u0 = tensordot2(idx, val, shape, u2, u1, ((2, 0), (1, 0)))\
            .reshape(shape[0], r1 * r2)
        uu = svds(u0, k=r0, return_singular_vectors='u')[0]
        u0 = np.ascontiguousarray(uu[:, ::-1])

        u1 = tensordot2(idx, val, shape, u2, u0, ((2, 0), (0, 0)))\
            .reshape(shape[1], r0 * r2)
        uu = svds(u1, k=r1, return_singular_vectors='u')[0]
        u1 = np.ascontiguousarray(uu[:, ::-1])

        u2 = tensordot2(idx, val, shape, u1, u0, ((1, 0), (0, 0)))\
            .reshape(shape[2], r0 * r1)
        uu, ss, vv = svds(u2, k=r2)
        u2 = np.ascontiguousarray(uu[:, ::-1])

        g_norm_new = np.linalg.norm(ss)
        g_growth = (g_norm_new - g_norm_old) / g_norm_new
        g_norm_old = g_norm_new
        log_status('growth of the core: %f' % g_growth)
        if g_growth < growth_tol:
            log_status('Core is no longer growing. Norm of the core: %f' % g_norm_old)
            break

    g = np.ascontiguousarray((ss[:, np.newaxis] * vv)[::-1, :])
    g = g.reshape(r2, r1, r0).transpose(2, 1, 0)
    log_status('Done')
    return u0, u1, u2, g
# ---- harness (not part of the program) ----
ENTRY = "tensordot2"


def inputs():
    # 900 distinct (user, item, context) triples of a 60 x 40 x 5 tensor,
    # ratings 1..5 as float64; factors as tucker_als builds them for
    # core_shape (r0, r1, r2) = (6, 4, 3)
    rng = np.random.default_rng(0)
    shape = (60, 40, 5)
    flat = rng.choice(shape[0] * shape[1] * shape[2], size=900, replace=False)
    idx = np.stack(np.unravel_index(np.sort(flat), shape), axis=1).astype(np.int64)
    val = rng.integers(1, 6, size=900).astype(np.float64)
    u1 = np.linalg.qr(rng.random((shape[1], 4)), mode='reduced')[0]
    u2 = np.linalg.qr(rng.random((shape[2], 3)), mode='reduced')[0]
    return idx, val, shape, u2, u1, ((2, 0), (1, 0))
