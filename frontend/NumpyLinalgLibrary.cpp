//===- NumpyLinalgLibrary.cpp - np.linalg functions written in Weft -------===//
//
// The np.linalg part of the NumPy library (NumpyLibrary.h): QR, the
// eigenproblems and the SVD by the system LAPACK (__lapack_qr,
// __lapack_eigh, __lapack_eig, __lapack_svd: NumPy's routines), and pinv,
// lstsq, matrix_rank, cond and slogdet over them.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *numpyLinalgLibrarySource() {
  return R"weft(
# ---- np.linalg (frontend/NumpyLinalgLibrary.cpp) ----

def __np_linalg_square_f64(a):
    assert a.ndim == 2, "np.linalg: the matrix must have 2 axes"
    if a.shape[0] != a.shape[1]:
        raise ValueError("np.linalg: last 2 dimensions of the array must be square")
    return a.astype(np.float64)

def __np_linalg_qr(a):
    assert a.ndim == 2, "np.linalg.qr takes a matrix of 2 axes"
    m = a.shape[0]
    k = min(m, a.shape[1])
    q = np.empty((m, k))
    r = np.empty((k, a.shape[1]))
    __lapack_qr(a.astype(np.float64), q, r)
    return q, r

def __np_linalg_qr_complete(a):
    assert a.ndim == 2, "np.linalg.qr takes a matrix of 2 axes"
    m = a.shape[0]
    q = np.empty((m, m))
    r = np.empty((m, a.shape[1]))
    __lapack_qr_complete(a.astype(np.float64), q, r)
    return q, r

def __np_linalg_qr_r(a):
    q, r = __np_linalg_qr(a)
    return r

def __np_linalg_eigen(a, symmetric):
    # the eigenvalues and eigenvectors: dsyevd of the lower triangle
    # (eigh), else dgeev (eig)
    x = __np_linalg_square_f64(a)
    n = x.shape[0]
    w = np.empty(n)
    v = np.empty((n, n))
    if symmetric:
        __lapack_eigh(x, w, v)
    else:
        __lapack_eig(x, w, v)
    return w, v

def __np_linalg_eigh(a):
    return __np_linalg_eigen(a, True)

def __np_linalg_eigvalsh(a):
    w, v = __np_linalg_eigh(a)
    return w

def __np_linalg_eig(a):
    return __np_linalg_eigen(a, False)

def __np_linalg_eigvals(a):
    x = __np_linalg_square_f64(a)
    w = np.empty(x.shape[0])
    __lapack_eigvals(x, w)
    return w

def __np_linalg_svd(a, full_matrices=True):
    assert a.ndim == 2, "np.linalg.svd takes a matrix of 2 axes"
    m = a.shape[0]
    n = a.shape[1]
    k = min(m, n)
    x = a.astype(np.float64)
    s = np.empty(k)
    if full_matrices:
        # (identities when the matrix is empty, as NumPy's)
        u = np.eye(m)
        vh = np.eye(n)
        __lapack_svd(x, u, s, vh)
    else:
        u = np.empty((m, k))
        vh = np.empty((k, n))
        __lapack_svd_reduced(x, u, s, vh)
    return u, s, vh

def __np_linalg_svdvals(a):
    assert a.ndim == 2, "np.linalg.svd takes a matrix of 2 axes"
    s = np.empty(min(a.shape[0], a.shape[1]))
    __lapack_svdvals(a.astype(np.float64), s)
    return s

def __np_linalg_pinv(a, rcond=1e-15):
    u, s, vh = __np_linalg_svd(a, False)
    cutoff = 0.0
    if len(s) > 0:
        cutoff = rcond * np.max(s)
    inv = np.zeros(len(s))
    for i in range(len(s)):
        if s[i] > cutoff:
            inv[i] = 1.0 / s[i]
    return vh.T @ (inv[:, None] * u.T)

def __np_linalg_lstsq(a, b, rcond=-1.0):
    # NumPy 1.24's default rcond (-1): singular values below the machine
    # epsilon times the largest are zero, as LAPACK's dgelsd.
    assert a.ndim == 2, "np.linalg.lstsq: a must have 2 axes"
    m = a.shape[0]
    n = a.shape[1]
    if b.shape[0] != m:
        raise ValueError("np.linalg.lstsq: incompatible dimensions")
    u, s, vh = __np_linalg_svd(a, False)
    if rcond is None:
        tol = 2.220446049250313e-16 * max(m, n)
    elif rcond < 0.0:
        tol = 2.220446049250313e-16
    else:
        tol = rcond * 1.0
    cutoff = 0.0
    if len(s) > 0:
        cutoff = tol * np.max(s)
    inv = np.zeros(len(s))
    rank = 0
    for i in range(len(s)):
        if s[i] > cutoff:
            inv[i] = 1.0 / s[i]
            rank += 1
    if b.ndim == 1:
        x = vh.T @ (inv * (u.T @ b))
        if rank == n and m > n:
            d = b - a @ x
            return x, np.full(1, np.sum(d * d)), rank, s
        return x, np.zeros(0), rank, s
    x = vh.T @ (inv[:, None] * (u.T @ b))
    if rank == n and m > n:
        d = b - a @ x
        return x, np.sum(d * d, axis=0), rank, s
    return x, np.zeros(0), rank, s

def __np_linalg_matrix_rank(a, tol=None):
    if a.ndim < 2:
        return int(np.any(a != 0))
    s = __np_linalg_svdvals(a)
    if len(s) == 0:
        return 0
    if tol is None:
        limit = np.max(s) * max(a.shape[0], a.shape[1]) * 2.220446049250313e-16
        return int(np.sum(s > limit))
    return int(np.sum(s > tol))

def __np_linalg_cond(x):
    s = __np_linalg_svdvals(x)
    return s[0] / s[len(s) - 1]

def __np_linalg_slogdet(a):
    # LU with partial pivoting (LAPACK's dgetrf order): the sign of the
    # determinant and the log of its magnitude, without overflow.
    w = __np_linalg_square_f64(a)
    n = w.shape[0]
    sign = 1.0
    logdet = 0.0
    for k in range(n):
        p = k
        for i in range(k + 1, n):
            if np.abs(w[i, k]) > np.abs(w[p, k]):
                p = i
        if w[p, k] == 0.0:
            return 0.0, -np.inf
        if p != k:
            sign = -sign
            for j in range(n):
                t = w[k, j]
                w[k, j] = w[p, j]
                w[p, j] = t
        d = w[k, k]
        if d < 0.0:
            sign = -sign
        logdet += np.log(np.abs(d))
        for i in range(k + 1, n):
            f = w[i, k] / d
            for j in range(k + 1, n):
                w[i, j] -= f * w[k, j]
    return sign, logdet
)weft";
}

} // namespace weft
