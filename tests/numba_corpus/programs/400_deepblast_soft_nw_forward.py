# Source: flatironinstitute/deepblast deepblast/nw.py (at commit 01bdc646)
# Licence: BSD-3-Clause (deepblast, setup.py at commit 00d97522: license='BSD-3-Clause', classifier "License :: OSI Approved :: BSD License"; Jamie Morton)
# Notes: forward pass of a differentiable (soft-max smoothed) Needleman-Wunsch global alignment of two protein sequences from learned residue match scores and gap scores (sequence alignment): _forward_pass_numba (@numba.njit) fills the (N+1) x (M+1) value matrix V, putting the three candidate moves into a reused 3-vector and calling _soft_max_numba (a log-sum-exp with a conditional-expression running max, np.empty_like, np.exp, np.log) whose (value, weights) tuple is unpacked straight into a scalar and the array element Q[i, j] (a 3-vector slice of the (N+2, M+2, 3) derivative tensor); it returns the terminal score V[N, M] and Q (the code's own index A[i - j, 1 - 1] for the third move, negative when j > i, is kept as written). Pasted: the numba and numpy imports, the use_numba flag and the module's six jitted functions (_soft_max_numba, _soft_max_hessian_product_numba, _forward_pass_numba, _backward_pass_numba, _adjoint_forward_pass_numba, _adjoint_backward_pass_numba); left out: the torch imports, deepblast.ops and the torch autograd wrappers and decoder classes that call them; the harness passes what _forward_pass passes after .detach().cpu().numpy(): float64 match scores theta (120 x 100, inverse pairwise distances of random residue embeddings as in the project's test data, with a shared 40-residue block) and gap scores A of the same shape (uniform in -2..-0.5)
import numba
import numpy as np

use_numba = True


@numba.njit
def _soft_max_numba(X):
    M = X[0]
    for i in range(1, 3):
        M = X[i] if X[i] > M else M

    A = np.empty_like(X)
    S = 0.0
    for i in range(3):
        A[i] = np.exp(X[i] - M)
        S += A[i]

    for i in range(3):
        A[i] /= S

    M += np.log(S)

    return M, A


@numba.njit
def _soft_max_hessian_product_numba(P, Z):
    prod = P * Z

    prod = np.empty_like(P)
    for i in range(3):
        prod[i] = P[i] * Z[i]

    res = np.empty_like(P)
    total = np.sum(prod)
    for i in range(3):
        res[i] = prod[i] - P[i] * total

    return res


@numba.njit
def _forward_pass_numba(theta, A):
    N, M = theta.shape
    V = np.zeros((N + 1, M + 1))     # N x M
    Q = np.zeros((N + 2, M + 2, 3))  # N x M x S
    Q[N + 1, M + 1] = 1
    m, x, y = 1, 0, 2
    maxargs = np.empty(3)
    for i in range(1, N + 1):
        for j in range(1, M + 1):
            maxargs[x] = A[i - 1, j - 1] + V[i - 1, j]  # x
            maxargs[m] = V[i - 1, j - 1]  # m
            maxargs[y] = A[i - j, 1 - 1] + V[i, j - 1]  # y
            v, Q[i, j] = _soft_max_numba(maxargs)
            V[i, j] = theta[i - 1, j - 1] + v
    Vt = V[N, M]
    return Vt, Q


@numba.njit
def _backward_pass_numba(Et, Q):
    m, x, y = 1, 0, 2
    n_1, m_1, _ = Q.shape
    N, M = n_1 - 2, m_1 - 2
    E = np.zeros((N + 2, M + 2))
    E[N + 1, M + 1] = Et
    Q[N + 1, M + 1] = 1
    for ir in range(1, N + 1):
        i = N + 1 - ir
        for jr in range(1, M + 1):
            j = M + 1 - jr
            E[i, j] = Q[i + 1, j, x] * E[i + 1, j] + \
                Q[i + 1, j + 1, m] * E[i + 1, j + 1] + \
                Q[i, j + 1, y] * E[i, j + 1]
    return E


@numba.njit
def _adjoint_forward_pass_numba(Q, Ztheta, ZA):
    N, M = Ztheta.shape
    N, M = N - 2, M - 2
    Vd = np.zeros((N + 1, M + 1))      # N x M
    Qd = np.zeros((N + 2, M + 2, 3))   # N x M x S
    m, x, y = 1, 0, 2
    maxargs = np.empty(3)
    for i in range(1, N + 1):
        for j in range(1, M + 1):
            # Note: the indexing of ZA doesn't match Ztheta
            # See forward_pass method.
            maxargs[x] = ZA[i - 1, j - 1] + Vd[i - 1, j]
            maxargs[m] = Vd[i - 1, j - 1]
            maxargs[y] = ZA[i - 1, j - 1] + Vd[i, j - 1]
            Vd[i, j] = Ztheta[i, j] + \
                Q[i, j, x] * maxargs[0] + \
                Q[i, j, m] * maxargs[1] + \
                Q[i, j, y] * maxargs[2]
            Qd[i, j] = _soft_max_hessian_product_numba(
                Q[i, j], maxargs)
    return Vd[N, M], Qd


@numba.njit
def _adjoint_backward_pass_numba(E, Q, Qd):
    m, x, y = 1, 0, 2
    n_1, m_1, _ = Q.shape
    N, M = n_1 - 2, m_1 - 2
    Ed = np.zeros((N + 2, M + 2))
    for ir in range(1, N + 1):
        i = N + 1 - ir
        for jr in range(1, M + 1):
            j = M + 1 - jr
            Ed[i, j] = Qd[i + 1, j, x] * E[i + 1, j] + \
                Q[i + 1, j, x] * Ed[i + 1, j] + \
                Qd[i + 1, j + 1, m] * E[i + 1, j + 1] + \
                Q[i + 1, j + 1, m] * Ed[i + 1, j + 1] + \
                Qd[i, j + 1, y] * E[i, j + 1] + \
                Q[i, j + 1, y] * Ed[i, j + 1]
    return Ed
# ---- harness (not part of the program) ----
ENTRY = "_forward_pass_numba"


def inputs():
    # as the project's make_data(): 1 / (pairwise distance + 0.1) between
    # residue embeddings of two sequences that share a block of residues;
    # gap scores negative, one per cell
    rng = np.random.default_rng(0)
    k = 40
    shared = rng.standard_normal((k, 8))
    X = np.concatenate((rng.standard_normal((50, 8)), shared,
                        rng.standard_normal((30, 8))))
    Y = np.concatenate((rng.standard_normal((25, 8)),
                        shared + 0.1 * rng.standard_normal((k, 8)),
                        rng.standard_normal((35, 8))))
    dist = np.sqrt(((X[:, None, :] - Y[None, :, :]) ** 2).sum(-1))
    theta = 1.0 / (dist + 0.1)
    A = -rng.uniform(0.5, 2.0, theta.shape)
    return (theta, A)
