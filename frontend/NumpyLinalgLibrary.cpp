//===- NumpyLinalgLibrary.cpp - np.linalg functions written in Weft -------===//
//
// The np.linalg part of the NumPy library (NumpyLibrary.h): QR by
// Householder reflections (LAPACK's signs), symmetric eigenproblems by
// cyclic Jacobi rotations, the SVD by one-sided Jacobi, and pinv, lstsq,
// matrix_rank, cond and slogdet over them.
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
    return a * 1.0

def __np_linalg_qr_full(a):
    # Householder reflections H = I - tau v v^T as LAPACK's dgeqrf makes
    # them (R's diagonal is -sign(alpha) |x|, none when x is zero below
    # alpha), and Q = H0 H1 ... as dorgqr forms it.
    assert a.ndim == 2, "np.linalg.qr takes a matrix of 2 axes"
    m = a.shape[0]
    n = a.shape[1]
    r = a * 1.0
    q = np.eye(m)
    v = np.zeros(m)
    for j in range(min(m, n)):
        below = 0.0
        for i in range(j + 1, m):
            below += r[i, j] * r[i, j]
        if below == 0.0:
            continue
        alpha = r[j, j]
        beta = -np.copysign(np.sqrt(alpha * alpha + below), alpha)
        tau = (beta - alpha) / beta
        scale = 1.0 / (alpha - beta)
        v[j] = 1.0
        for i in range(j + 1, m):
            v[i] = r[i, j] * scale
        for c in range(j, n):
            s = 0.0
            for i in range(j, m):
                s += v[i] * r[i, c]
            s = s * tau
            for i in range(j, m):
                r[i, c] -= s * v[i]
        for i in range(j + 1, m):
            r[i, j] = 0.0
        for row in range(m):
            s = 0.0
            for i in range(j, m):
                s += q[row, i] * v[i]
            s = s * tau
            for i in range(j, m):
                q[row, i] -= s * v[i]
    return q, r

def __np_linalg_qr(a):
    q, r = __np_linalg_qr_full(a)
    k = min(a.shape[0], a.shape[1])
    return q[:, :k].copy(), r[:k, :].copy()

def __np_linalg_qr_complete(a):
    return __np_linalg_qr_full(a)

def __np_linalg_qr_r(a):
    q, r = __np_linalg_qr_full(a)
    k = min(a.shape[0], a.shape[1])
    return r[:k, :].copy()

def __np_linalg_jacobi_eigh(a):
    # Cyclic Jacobi rotations on the lower triangle (NumPy's UPLO='L')
    # until the off-diagonal part is below rounding; the eigenvalues
    # ascending, the eigenvectors as columns (each one's sign is free).
    w = __np_linalg_square_f64(a)
    n = w.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            w[i, j] = w[j, i]
    v = np.eye(n)
    for sweep in range(60):
        off = 0.0
        total = 0.0
        for i in range(n):
            for j in range(n):
                if i != j:
                    off += w[i, j] * w[i, j]
                total += w[i, j] * w[i, j]
        if off <= 1e-32 * total or off == 0.0:
            break
        for p in range(n - 1):
            for q in range(p + 1, n):
                apq = w[p, q]
                if apq == 0.0:
                    continue
                theta = (w[q, q] - w[p, p]) / (2.0 * apq)
                if np.abs(theta) > 1e150:
                    t = 0.5 / theta
                else:
                    t = np.copysign(1.0, theta) / (np.abs(theta) + np.sqrt(theta * theta + 1.0))
                c = 1.0 / np.sqrt(t * t + 1.0)
                s = t * c
                for k in range(n):
                    wkp = w[k, p]
                    wkq = w[k, q]
                    w[k, p] = c * wkp - s * wkq
                    w[k, q] = s * wkp + c * wkq
                for k in range(n):
                    wpk = w[p, k]
                    wqk = w[q, k]
                    w[p, k] = c * wpk - s * wqk
                    w[q, k] = s * wpk + c * wqk
                for k in range(n):
                    vkp = v[k, p]
                    vkq = v[k, q]
                    v[k, p] = c * vkp - s * vkq
                    v[k, q] = s * vkp + c * vkq
    values = np.empty(n)
    for i in range(n):
        values[i] = w[i, i]
    order = np.argsort(values)
    return values[order], v[:, order]

def __np_linalg_eigh(a):
    return __np_linalg_jacobi_eigh(a)

def __np_linalg_eigvalsh(a):
    w, v = __np_linalg_jacobi_eigh(a)
    return w

def __np_linalg_complete_basis(u, have):
    # Columns have.. of u made orthonormal to the columns before them, from
    # the unit vectors in order (Gram-Schmidt, twice for rounding).
    m = u.shape[0]
    k = have
    e = 0
    while k < u.shape[1] and e < m:
        x = np.zeros(m)
        x[e] = 1.0
        for rep in range(2):
            for j in range(k):
                d = 0.0
                for i in range(m):
                    d += u[i, j] * x[i]
                for i in range(m):
                    x[i] -= d * u[i, j]
        nx = np.sqrt(np.sum(x * x))
        if nx > 0.5:
            for i in range(m):
                u[i, k] = x[i] / nx
            k += 1
        e += 1

def __np_linalg_jacobi_svd(a, full):
    # One-sided Jacobi (Hestenes) on the columns of a matrix with at least
    # as many rows as columns (of a.T otherwise); the singular values
    # descending. Returns u (m x m when full, else m x k), s and vh.
    assert a.ndim == 2, "np.linalg.svd takes a matrix of 2 axes"
    m = a.shape[0]
    n = a.shape[1]
    wide = m < n
    if wide:
        w = a.T * 1.0
    else:
        w = a * 1.0
    rows = w.shape[0]
    cols = w.shape[1]
    v = np.eye(cols)
    for sweep in range(80):
        rotated = False
        for p in range(cols - 1):
            for q in range(p + 1, cols):
                alpha = 0.0
                beta = 0.0
                gamma = 0.0
                for i in range(rows):
                    alpha += w[i, p] * w[i, p]
                    beta += w[i, q] * w[i, q]
                    gamma += w[i, p] * w[i, q]
                if gamma == 0.0 or np.abs(gamma) <= 1e-15 * np.sqrt(alpha * beta):
                    continue
                rotated = True
                zeta = (beta - alpha) / (2.0 * gamma)
                if np.abs(zeta) > 1e150:
                    t = 0.5 / zeta
                else:
                    t = np.copysign(1.0, zeta) / (np.abs(zeta) + np.sqrt(1.0 + zeta * zeta))
                c = 1.0 / np.sqrt(1.0 + t * t)
                s = c * t
                for i in range(rows):
                    wp = w[i, p]
                    wq = w[i, q]
                    w[i, p] = c * wp - s * wq
                    w[i, q] = s * wp + c * wq
                for i in range(cols):
                    vp = v[i, p]
                    vq = v[i, q]
                    v[i, p] = c * vp - s * vq
                    v[i, q] = s * vp + c * vq
        if not rotated:
            break
    sv = np.empty(cols)
    for j in range(cols):
        sv[j] = np.sqrt(np.sum(w[:, j] * w[:, j]))
    order = np.argsort(-sv)
    s = sv[order]
    width = cols
    if full:
        width = rows
    u = np.zeros((rows, width))
    vv = v[:, order]
    nonzero = 0
    for j in range(cols):
        if s[j] > 0.0:
            u[:, j] = w[:, order[j]] / s[j]
            nonzero += 1
    __np_linalg_complete_basis(u, nonzero)
    if wide:
        return vv, s, u.T.copy()
    return u, s, vv.T.copy()

def __np_linalg_svd(a, full_matrices=True):
    return __np_linalg_jacobi_svd(a, full_matrices)

def __np_linalg_svdvals(a):
    u, s, vh = __np_linalg_jacobi_svd(a, False)
    return s

def __np_linalg_pinv(a, rcond=1e-15):
    u, s, vh = __np_linalg_jacobi_svd(a, False)
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
    u, s, vh = __np_linalg_jacobi_svd(a, False)
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
