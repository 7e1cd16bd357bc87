# Source: aristoteleo/dynamo-release dynamo/tools/Markov.py (at commit 0003aa96)
# Licence: BSD-3-Clause (dynamo, LICENSE; Copyright (c) 2019, Weissman Lab)
# Notes: the @jit(nopython=True) kernels of dynamo's Markov-chain tools (dynamo builds transition matrices between single cells from RNA velocity): compute_kernel_trans_prob (a Gaussian kernel of the displacement minus the velocity, `(d - v) @ inv_s @ (d - v).T` vector-matrix-vector products, normalised in place with `p /= np.sum(p)`, an unused defaulted cont_time argument), compute_density_kernel (`d.dot(d)` of row differences) and makeTransitionMatrix (a row view `q = Qnn[i]` zeroed in place through a boolean mask, a fancy-index column assignment `M[I_vec[i], i] = q`, the diagonal from 1 - np.sum(q)). Also pasted, because they sit between them and need nothing else: the plain-Python compute_drift_kernel and compute_drift_local_kernel (whose @jit lines are commented out in the source: np.isscalar branches, np.quantile, enumerate over rows, np.linalg.norm), divergence, calc_Laplacian and fp_operator. Left out: the module's other imports (scipy.sparse/linalg/stats, sklearn, tqdm, cvxopt and the package's own modules), used only by the QP transition probabilities, the grid-velocity helpers, graphize_velocity and the MarkovChain classes. The harness builds a small 2-D point cloud with velocities and nearest-neighbour indices, computes kernel transition probabilities and density kernels per cell as KernelMarkovChain.fit does, assembles a transition matrix with makeTransitionMatrix (including a tolerance that zeroes small entries), and evaluates the drift kernels, divergence and Fokker-Planck operator
# create by Yan Zhang, minor adjusted by Xiaojie Qiu
import numpy as np
from numba import jit


@jit(nopython=True)
def compute_kernel_trans_prob(x, v, X, inv_s, cont_time=False):
    n = X.shape[0]
    p = np.zeros(n)
    for i in range(n):
        d = X[i] - x
        p[i] = np.exp(-0.25 * (d - v) @ inv_s @ (d - v).T)
    p /= np.sum(p)
    return p


# @jit(nopython=True)
def compute_drift_kernel(x, v, X, inv_s):
    n = X.shape[0]
    k = np.zeros(n)
    for i in range(n):
        d = X[i] - x
        if np.isscalar(inv_s):
            k[i] = np.exp(-0.25 * inv_s * (d - v).dot(d - v))
        else:
            k[i] = np.exp(-0.25 * (d - v) @ inv_s @ (d - v).T)
    return k


"""def compute_drift_local_kernel(x, v, X, inv_s):
    n = X.shape[0]
    k = np.zeros(n)
    # compute tau
    D = X - x
    dists = np.zeros(n)
    vds = np.zeros(n)
    for (i, d) in enumerate(D):
        dists[i] = np.linalg.norm(d)
        if dists[i] > 0:
            vds[i] = v.dot(d) / dists[i]
    i_dir = np.logical_and(vds >= np.quantile(vds, 0.7), vds > 0)
    tau = np.mean(dists[i_dir] / vds[i_dir])
    if np.isnan(tau): tau = 1
    if tau > 1e2: tau = 1e2

    tau_v = tau * v
    tau_invs = (1 / (tau * np.linalg.norm(v))) * inv_s
    for i in range(n):
        d = D[i]
        k[i] = np.exp(-0.25 * (d-tau_v) @ tau_invs @ (d-tau_v).T)
    return k, tau_invs"""


# @jit(nopython=True)
def compute_drift_local_kernel(x, v, X, inv_s):
    n = X.shape[0]
    k = np.zeros(n)
    # compute tau
    D = X - x
    dists = np.zeros(n)
    vds = np.zeros(n)
    for (i, d) in enumerate(D):
        dists[i] = np.linalg.norm(d)
        if dists[i] > 0:
            vds[i] = v.dot(d) / dists[i]
    i_dir = np.logical_and(vds >= np.quantile(vds, 0.7), vds > 0)
    if np.any(i_dir):
        tau = np.mean(dists[i_dir] / vds[i_dir])
        if tau > 1e2:
            tau = 1e2
        tau_v = tau * v
        tau_invs = (1 / (tau * v.dot(v))) * inv_s
    else:
        tau_v = 0
        tau_invs = (1 / (1e2 * v.dot(v))) * inv_s
    for i in range(n):
        d = D[i]
        if np.isscalar(tau_invs):
            k[i] = np.exp(-0.25 * tau_invs * (d - tau_v).dot(d - tau_v))
        else:
            k[i] = np.exp(-0.25 * (d - tau_v) @ tau_invs @ (d - tau_v).T)
    return k


@jit(nopython=True)
def compute_density_kernel(x, X, inv_eps):
    n = X.shape[0]
    k = np.zeros(n)
    for i in range(n):
        d = X[i] - x
        k[i] = np.exp(-0.25 * inv_eps * d.dot(d))
    return k


@jit(nopython=True)
def makeTransitionMatrix(Qnn, I_vec, tol=0.0):  # Qnn, I, tol=0.0
    n = Qnn.shape[0]
    M = np.zeros((n, n))

    for i in range(n):
        q = Qnn[i]
        q[q < tol] = 0
        M[I_vec[i], i] = q
        M[i, i] = 1 - np.sum(q)
    return M


# ---- (further down in Markov.py) ----
def calc_Laplacian(E, convention="graph"):
    A = np.abs(np.sign(E))
    L = np.diag(np.sum(A, 0)) - A

    if convention == "diffusion":
        L = -L

    return L


def fp_operator(E, D):
    # drift
    Mu = E.T.copy()
    Mu[Mu < 0] = 0
    Mu = np.diag(np.sum(Mu, 0)) - Mu
    # diffusion
    L = calc_Laplacian(E, convention="diffusion")

    return -Mu + D * L


def divergence(E, tol=1e-5):
    n = E.shape[0]
    div = np.zeros(n)
    # optimize for sparse matrices later...
    for i in range(n):
        for j in range(i + 1, n):
            if np.abs(E[i, j]) > tol:
                div[i] += E[i, j] - E[j, i]

    return div


# ---- harness (not part of the program) ----
ENTRY = "dynamo_markov"


def dynamo_markov(X, V, k, M_diff, epsilon):
    out = {}
    n = X.shape[0]
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    idx = np.argsort(dist, axis=1, kind="stable")[:, :k]
    inv_s = np.linalg.inv(M_diff)
    inv_eps = 1 / epsilon
    P = np.zeros((n, k))
    Kd = np.zeros((n, k))
    drift = np.zeros((n, k))
    local = np.zeros((n, k))
    for i in range(n):
        Y = X[idx[i]]
        P[i] = compute_kernel_trans_prob(X[i], V[i], Y, inv_s)
        Kd[i] = compute_density_kernel(X[i], Y, inv_eps)
        drift[i] = compute_drift_kernel(X[i], V[i], Y, inv_s)
        local[i] = compute_drift_local_kernel(X[i], V[i], Y, inv_s)
    out["P"] = P
    out["Kd"] = Kd
    out["drift"] = drift
    out["drift_scalar"] = compute_drift_kernel(X[0], V[0], X[idx[0]], 1 / M_diff[0, 0])
    out["local"] = local
    out["trans_prob_cont_time"] = compute_kernel_trans_prob(X[3], V[3], X[idx[3]], inv_s, True)
    # neighbours other than the cell itself, as the transition matrix expects
    Qnn = P[:, 1:] / 2.0
    Qnn_copy = Qnn.copy()
    out["M"] = makeTransitionMatrix(Qnn, idx[:, 1:])
    out["M_tol"] = makeTransitionMatrix(Qnn_copy, idx[:, 1:], 0.05)
    out["Qnn_after"] = Qnn_copy
    E = np.zeros((n, n))
    for i in range(n):
        for j in idx[i, 1:]:
            u = X[j] - X[i]
            u = u / np.linalg.norm(u)
            e = 0.5 * (V[i].dot(u) + V[j].dot(u))
            E[i, j] = e
            E[j, i] = -e
    out["div"] = divergence(E)
    out["laplacian"] = calc_Laplacian(E)
    out["fp"] = fp_operator(E, 0.1)
    return out


def inputs():
    rng = np.random.default_rng(0)
    X = rng.normal(0.0, 1.0, size=(24, 2))
    V = np.column_stack((-X[:, 1], X[:, 0])) * 0.3 + 0.1
    M_diff = np.array([[0.6, 0.1], [0.1, 0.4]])
    return (X, V, 6, M_diff, 0.8)
