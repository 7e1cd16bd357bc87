# Source: lmcinnes/enstop enstop/plsa.py (at commit 06268c84)
# Licence: BSD-2-Clause (enstop, LICENSE; Copyright (c) 2019, Leland McInnes)
# Notes: probabilistic latent semantic analysis (pLSA) topic model fitted by EM on a sparse document-word count matrix given as COO arrays: plsa_fit_inner (@numba.njit(fastmath=True, nogil=True), four default arguments) allocates the (nnz, k) responsibility array and the norm buffers, computes the starting log-likelihood with log_likelihood, then for up to n_iter iterations calls plsa_e_step (P(z|w,d) for each non-zero entry, thresholded and normalised in place; called with its optional threshold passed positionally) and plsa_m_step (slice-assignment resets p_w_given_z[:] = 0.0, scatter-adds into P(w|z), P(z|d) and their norms, then row normalisation), and every n_iter_per_test iterations tests the relative change of the log-likelihood (np.abs, break); it returns the tuple (p_z_given_d, p_w_given_z) and also updates both arrays in place. The four jitted functions are pasted unchanged with `import numpy as np` and `import numba`; left out: the module's sklearn/scipy/enstop.utils imports (used only by plsa_init, plsa_fit and the estimator classes), plsa_init (np.random initialisation, randomized_svd, NMF) and the refit and estimator code
import numpy as np
import numba


@numba.njit(fastmath=True, nogil=True)
def plsa_e_step(
    X_rows,
    X_cols,
    X_vals,
    p_w_given_z,
    p_z_given_d,
    p_z_given_wd,
    probability_threshold=1e-32,
):
    """Perform the E-step of pLSA optimization. This amounts to computing the
    probability of each topic given each word document pair. The computation
    implements

    P(z|w,d) = \frac{P(z|w)P(d|z)}{\sum_{z=1}^k P(z|w)P(d|z)}.

    This routine is optimized to work with sparse matrices such that P(z|w,d)
    is only computed for w, d such that X_{w,d} is non-zero, where X is the
    data matrix.

    To make this numba compilable the raw arrays defining the COO format sparse
    matrix must be passed separately.


    Parameters
    ----------
    X_rows: array of shape (nnz,)
        For each non-zero entry of X, the row of the entry.

    X_cols: array of shape (nnz,)
        For each non-zero entry of X, the column of the
        entry.

    X_vals: array of shape (nnz,)
        For each non-zero entry of X, the value of entry.

    p_w_given_z: array of shape (n_topics, n_words)
        The current estimates of values for P(w|z)

    p_z_given_d: array of shape (n_docs, n_topics)
        The current estimates of values for P(z|d)

    p_z_given_wd: array of shape (nnz, n_topics)
        The result array to write new estimates of P(z|w,d) to.

    probability_threshold: float (optional, default=1e-32)
        Option to promote sparsity. If the value of P(w|z)P(z|d) falls below
        threshold then write a zero for P(z|w,d).

    """

    k = p_w_given_z.shape[0]

    for nz_idx in range(X_vals.shape[0]):
        d = X_rows[nz_idx]
        w = X_cols[nz_idx]

        norm = 0.0
        for z in range(k):
            v = p_w_given_z[z, w] * p_z_given_d[d, z]
            if v > probability_threshold:
                p_z_given_wd[nz_idx, z] = v
                norm += p_z_given_wd[nz_idx, z]
            else:
                p_z_given_wd[nz_idx, z] = 0.0
        for z in range(k):
            if norm > 0:
                p_z_given_wd[nz_idx, z] /= norm

    return p_z_given_wd


@numba.njit(fastmath=True, nogil=True)
def plsa_m_step(
    X_rows, X_cols, X_vals, p_w_given_z, p_z_given_d, p_z_given_wd, norm_pwz, norm_pdz
):
    """Perform the M-step of pLSA optimization. This amounts to using the estimates
    of P(z|w,d) to estimate the values P(w|z) and P(z|d). The computation implements

    P(w|z) = \frac{\sum_{d\in D} X_{w,d}P(z|w,d)}{\sum_{d,z} X_{w,d}P(z|w,d)}
    P(z|d) = \frac{\sum_{w\in V} X_{w,d}P(z|w,d)}{\sum_{w,d} X_{w,d}P(z|w,d)}

    This routine is optimized to work with sparse matrices such that P(z|w,d) is only
    computed for w, d such that X_{w,d} is non-zero, where X is the data matrix.

    To make this numba compilable the raw arrays defining the COO format sparse
    matrix must be passed separately.

    Parameters
    ----------
    X_rows: array of shape (nnz,)
        For each non-zero entry of X, the row of the entry.

    X_cols: array of shape (nnz,)
        For each non-zero entry of X, the column of the
        entry.

    X_vals: array of shape (nnz,)
        For each non-zero entry of X, the value of entry.

    p_w_given_z: array of shape (n_topics, n_words)
        The result array to write new estimates of P(w|z) to.

    p_z_given_d: array of shape (n_docs, n_topics)
        The result array to write new estimates of P(z|d) to.

    p_z_given_wd: array of shape (nnz, n_topics)
        The current estimates for P(z|w,d)

    norm_pwz: array of shape (n_topics,)
        Auxilliary array used for storing row norms; this is passed in to save
        reallocations.

    norm_pdz: array of shape (n_docs,)
        Auxilliary array used for storing row norms; this is passed in to save
        reallocations.

    """

    k = p_z_given_wd.shape[1]
    n = p_z_given_d.shape[0]
    m = p_w_given_z.shape[1]

    p_w_given_z[:] = 0.0
    p_z_given_d[:] = 0.0

    norm_pwz[:] = 0.0
    norm_pdz[:] = 0.0

    for nz_idx in range(X_vals.shape[0]):
        d = X_rows[nz_idx]
        w = X_cols[nz_idx]
        x = X_vals[nz_idx]

        for z in range(k):
            s = x * p_z_given_wd[nz_idx, z]

            p_w_given_z[z, w] += s
            p_z_given_d[d, z] += s

            norm_pwz[z] += s
            norm_pdz[d] += s

    for z in range(k):
        for w in range(m):
            if norm_pwz[z] > 0:
                p_w_given_z[z, w] /= norm_pwz[z]
        for d in range(n):
            if norm_pdz[d] > 0:
                p_z_given_d[d, z] /= norm_pdz[d]

    return p_w_given_z, p_z_given_d


@numba.njit(fastmath=True, nogil=True)
def log_likelihood(X_rows, X_cols, X_vals, p_w_given_z, p_z_given_d):
    """Compute the log-likelihood of observing the data X given estimates for P(w|z)
    and P(z|d). The likelihood of X_{w,d} under the model is given by X_{w,d} P(w|d)
    = X_{w,d} P(w|z) P(z|d). This function returns

    \log\left(\prod_{w,d} X_{w,d} P(w|d)\right)

    This routine is optimized to work with sparse matrices and only compute values
    for w, d such that X_{w,d} is non-zero.

    To make this numba compilable the raw arrays defining the COO format sparse
    matrix must be passed separately.

    Parameters
    ----------
    X_rows: array of shape (nnz,)
        For each non-zero entry of X, the row of the entry.

    X_cols: array of shape (nnz,)
        For each non-zero entry of X, the column of the
        entry.

    X_vals: array of shape (nnz,)
        For each non-zero entry of X, the value of entry.

    p_w_given_z: array of shape (n_topics, n_words)
        The current estimates of values for P(w|z)

    p_z_given_d: array of shape (n_docs, n_topics)
        The current estimates of values for P(z|d)

    Returns
    -------

    log_likelihood: float
        The log of the likelihood of observing X under the
        model given by the P(z|d) and P(z|w).

    """

    result = 0.0
    k = p_w_given_z.shape[0]

    for nz_idx in range(X_vals.shape[0]):
        d = X_rows[nz_idx]
        w = X_cols[nz_idx]
        x = X_vals[nz_idx]

        p_w_given_d = 0.0
        for z in range(k):
            p_w_given_d += p_w_given_z[z, w] * p_z_given_d[d, z]

        result += x * np.log(p_w_given_d)

    return result


@numba.njit(fastmath=True, nogil=True)
def plsa_fit_inner(
    X_rows,
    X_cols,
    X_vals,
    p_w_given_z,
    p_z_given_d,
    n_iter=100,
    n_iter_per_test=10,
    tolerance=0.001,
    e_step_thresh=1e-32,
):
    """Internal loop of EM steps required to optimize pLSA, along with relative
    convergence tests with respect to the log-likelihood of observing the data under
    the model.

    The EM looping will stop when either ``n_iter`` iterations have been reached,
    or if the relative improvement in log-likelihood over the last
    ``n_iter_per_test`` steps is under ``threshold``.

    This function is designed to wrap the internals of the EM process in a numba
    compilable loop, and is not the preferred entry point for fitting a plsa model.

    Parameters
    ----------
    X_rows: array of shape (nnz,)
        For each non-zero entry of X, the row of the entry.

    X_cols: array of shape (nnz,)
        For each non-zero entry of X, the column of the
        entry.

    X_vals: array of shape (nnz,)
        For each non-zero entry of X, the value of entry.

    p_w_given_z: array of shape (n_topics, n_words)
        The current estimates of values for P(w|z)

    p_z_given_d: array of shape (n_docs, n_topics)
        The current estimates of values for P(z|d)

    n_iter: int
        The maximum number iterations of EM to perform

    n_iter_per_test: int
        The number of iterations between tests for
        relative improvement in log-likelihood.

    tolerance: float
        The threshold of relative improvement in
        log-likelihood required to continue iterations.

    e_step_thresh: float (optional, default=1e-32)
        Option to promote sparsity. If the value of P(w|z)P(z|d) in the E step falls
        below threshold then write a zero for P(z|w,d).

    Returns
    -------
    p_z_given_d, p_w_given_z: arrays of shapes (n_docs, n_topics) and (n_topics, n_words)
        The resulting model values of P(z|d) and P(w|z)

    """
    k = p_z_given_d.shape[1]
    n = p_z_given_d.shape[0]

    p_z_given_wd = np.zeros((X_vals.shape[0], k))

    norm_pwz = np.zeros(k)
    norm_pdz = np.zeros(n)

    previous_log_likelihood = log_likelihood(
        X_rows, X_cols, X_vals, p_w_given_z, p_z_given_d
    )

    for i in range(n_iter):

        plsa_e_step(
            X_rows,
            X_cols,
            X_vals,
            p_w_given_z,
            p_z_given_d,
            p_z_given_wd,
            e_step_thresh,
        )
        plsa_m_step(
            X_rows,
            X_cols,
            X_vals,
            p_w_given_z,
            p_z_given_d,
            p_z_given_wd,
            norm_pwz,
            norm_pdz,
        )

        if i % n_iter_per_test == 0:
            current_log_likelihood = log_likelihood(
                X_rows, X_cols, X_vals, p_w_given_z, p_z_given_d
            )
            change = np.abs(current_log_likelihood - previous_log_likelihood)
            if change / np.abs(current_log_likelihood) < tolerance:
                break
            else:
                previous_log_likelihood = current_log_likelihood

    return p_z_given_d, p_w_given_z

# ---- harness (not part of the program) ----
ENTRY = "plsa_fit_inner"


def inputs():
    # a 40-document x 60-word count matrix with about 25% non-zeros, in the
    # COO form plsa_fit passes (A.row, A.col, A.data: int32 indices, float
    # counts), and a "random" initialisation as plsa_init makes it (uniform
    # values normalised to row-stochastic P(w|z) and P(z|d)); 4 topics, the
    # default n_iter/n_iter_per_test/tolerance/e_step_thresh
    rng = np.random.default_rng(0)
    n_docs, n_words, k = 40, 60, 4
    dense = rng.poisson(2.0, (n_docs, n_words)).astype(np.float64)
    dense[rng.random((n_docs, n_words)) > 0.25] = 0.0
    rows, cols = np.nonzero(dense)
    X_rows = rows.astype(np.int32)
    X_cols = cols.astype(np.int32)
    X_vals = dense[rows, cols]
    p_w_given_z = rng.random((k, n_words))
    p_w_given_z /= p_w_given_z.sum(axis=1)[:, None]
    p_z_given_d = rng.random((n_docs, k))
    p_z_given_d /= p_z_given_d.sum(axis=1)[:, None]
    return (X_rows, X_cols, X_vals, p_w_given_z, p_z_given_d)
