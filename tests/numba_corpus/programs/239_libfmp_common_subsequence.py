# Source: meinardmueller/libfmp libfmp/c7/c7s3_version_id.py (at commit 5ce827fd)
# Licence: MIT (libfmp, LICENSE; Copyright (c) 2020 Meinard Müller and Frank Zalkow, International Audio Laboratories Erlangen)
# Notes: local alignment of two feature sequences by common-subsequence matching, a Smith-Waterman-style dynamic programme on a score matrix (the FMP notebook C7S3_CommonSubsequence used for music version identification): compute_accumulated_score_matrix_common_subsequence fills D with max(0, ...) over three predecessors (max of four values); compute_optimal_path_common_subsequence has default arguments (cellmax=True, n=0, m=0) that the body reassigns from divmod(np.argmax(D), D.shape[1]), builds a list of (int, int) tuples starting from [(n, m)], backtracks in a while loop comparing tuples ((n, m) != (0, 0)), assigns `cell` from differently-built tuples ((0, m-1), (n-1, m-1)), appends, `del P[-1]`, P.reverse() and converts the list of tuples with np.array(P); get_induced_segments returns two np.arange ranges read from the path's ends; compute_partial_matching (a global-alignment variant) builds D and a path list from scratch and returns both. The harness runs the notebook's sequence (accumulate, backtrack, segments) plus compute_partial_matching on the same score matrix. Kept: the module's four @jit(nopython=True) functions and the plain-NumPy compute_prf_metrics; left out: compute_sm_from_wav (librosa chroma, libfmp.c4/c7 similarity matrices) and the imports only it uses (librosa, libfmp.c4, libfmp.c7)
"""
Module: libfmp.c7.c7s3_version_id
Author: Meinard Mueller, Tim Zunner, Frank Zalkow
License: The MIT license, https://opensource.org/licenses/MIT

This file is part of the FMP Notebooks (https://www.audiolabs-erlangen.de/FMP)
"""
import numpy as np
from numba import jit


@jit(nopython=True)
def compute_accumulated_score_matrix_common_subsequence(S):
    """Given the score matrix, compute the accumulated score matrix
       for common subsequence matching with step sizes {(1, 0), (0, 1), (1, 1)}

    Notebook: C7/C7S3_CommonSubsequence.ipynb

    Args:
        S: Score matrix

    Returns:
        D: Accumulated score matrix
    """
    N, M = S.shape
    D = np.zeros((N, M))

    D[0, 0] = max(0, S[0, 0])

    for n in range(1, N):
        D[n, 0] = max(0, D[n-1, 0] + S[n, 0])

    for m in range(1, M):
        D[0, m] = max(0, D[0, m-1] + S[0, m])

    for n in range(1, N):
        for m in range(1, M):
            D[n, m] = max(0, D[n-1, m-1] + S[n, m], D[n-1, m] + S[n, m], D[n, m-1] + S[n, m])

    return D


@jit(nopython=True)
def compute_optimal_path_common_subsequence(D, cellmax=True, n=0, m=0):
    """Given an accumulated score matrix, compute the score-maximizing path
       for common subsequence matching with step sizes {(1, 0), (0, 1), (1, 1)}

    Notebook: C7/C7S3_CommonSubsequence.ipynb

    Args:
        D: Accumulated score matrix
        cellmax: If "True", score-maximizing cell will be computed
        n, m: Indices of cell for backtracking start; only used when cellmax=False

    Returns
        P: Score-maximizing path (list of index pairs)
    """
    if cellmax:
        # n, m = np.unravel_index(np.argmax(D), D.shape)  # doesn't work with jit
        n, m = divmod(np.argmax(D), D.shape[1])
    P = [(n, m)]

    while ((n, m) != (0, 0) and (D[n, m] != 0)):
        if n == 0:
            cell = (0, m-1)
        elif m == 0:
            cell = (n-1, 0)
        else:
            val = max(D[n-1, m-1], D[n-1, m], D[n, m-1])
            if val == D[n-1, m-1]:
                cell = (n-1, m-1)
            elif val == D[n-1, m]:
                cell = (n-1, m)
            else:
                cell = (n, m-1)
        P.append(cell)
        n, m = cell
    if (D[n, m] == 0):
        del P[-1]
    P.reverse()
    P = np.array(P)
    return P


@jit(nopython=True)
def get_induced_segments(P):
    """Given a path, compute the induces segments

    Notebook: C7/C7S3_CommonSubsequence.ipynb

    Args:
        P: Path (list of index pairs)

    Returns
        seg_X: Induced segment of first sequence
        seg_Y: Induced segment of second sequence
    """
    seg_X = np.arange(P[0, 0], P[-1, 0] + 1)
    seg_Y = np.arange(P[0, 1], P[-1, 1] + 1)
    return seg_X, seg_Y


@jit(nopython=True)
def compute_partial_matching(S):
    """Given the score matrix, compute the accumulated score matrix
       for partial matching

    Notebook: C7/C7S3_CommonSubsequence.ipynb

    Args:
        S: Score matrix

    Returns:
        D: Accumulated score matrix
    """
    N, M = S.shape
    D = np.zeros((N+1, M+1))
    for n in range(1, N+1):
        for m in range(1, M+1):
            D[n, m] = max(D[n, m-1], D[n-1, m], D[n-1, m-1] + S[n-1, m-1])

    P = []
    n = N
    m = M
    while (n > 0) and (m > 0):
        if D[n, m] == D[n, m-1]:
            m = m - 1
        elif D[n, m] == D[n-1, m]:
            n = n - 1
        else:
            P.append((n-1, m-1))
            n = n - 1
            m = m - 1
    P.reverse()
    P = np.array(P)
    return D, P


def compute_prf_metrics(I, score, I_Q):
    """Compute precision, recall, F-measures and other
    evaluation metrics for document-level retrieval

    Notebook: C7/C7S3_Evaluation.ipynb

    Args:
        I: Array of items
        score: Array containig the score values of the times
        I_Q: Array of relevant (positive) items

    Returns:
        P_Q, R_Q, F_Q: Precision, recall, and F-measures sorted by rank
        BEP: Break-even point
        F_max: Maximal F-measure
        P_average: Mean average
        X_Q: Relevance function
        rank: Array of rank values
        I_sorted: Array of items sorted by rank
        rank_sorted: Array of rank values sorted by rank
    """
    # Compute rank and sort documents according to rank
    K = len(I)
    index_sorted = np.flip(np.argsort(score))
    I_sorted = I[index_sorted]
    rank = np.argsort(index_sorted) + 1
    rank_sorted = np.arange(1, K+1)

    # Compute relevance function X_Q (indexing starts with zero)
    # X_Q = np.zeros(K, dtype=bool)
    # for i in range(K):
    #     if I_sorted[i] in I_Q:
    #         X_Q[i] = True
    X_Q = np.isin(I_sorted, I_Q)
    # P_Q = np.cumsum(X_Q) / np.arange(1, K+1)

    # Compute precision and recall values (indexing starts with zero)
    M = len(I_Q)
    # P_Q = np.zeros(K)
    # R_Q = np.zeros(K)
    # for i in range(K):
    #     r = rank_sorted[i]
    #     P_Q[i] = np.sum(X_Q[:r]) / r
    #     R_Q[i] = np.sum(X_Q[:r]) / M
    P_Q = np.cumsum(X_Q) / np.arange(1, K+1)
    R_Q = np.cumsum(X_Q) / M

    # Break-even point
    BEP = P_Q[M-1]
    # Maximal F-measure
    sum_PR = P_Q + R_Q
    sum_PR[sum_PR == 0] = 1  # Avoid division by zero
    F_Q = 2 * (P_Q * R_Q) / sum_PR
    F_max = F_Q.max()
    # Average precision
    P_average = np.sum(P_Q * X_Q) / len(I_Q)

    return P_Q, R_Q, F_Q, BEP, F_max, P_average, X_Q, rank, I_sorted, rank_sorted

# ---- harness (not part of the program) ----


def common_subsequence(S):
    # the notebook C7S3_CommonSubsequence.ipynb: accumulate, backtrack from
    # the score-maximising cell, read off the induced segments; then the
    # partial-matching variant on the same score matrix
    D = compute_accumulated_score_matrix_common_subsequence(S)
    P = compute_optimal_path_common_subsequence(D)
    seg_X, seg_Y = get_induced_segments(P)
    D_part, P_part = compute_partial_matching(S)
    return D, P, seg_X, seg_Y, D_part, P_part


ENTRY = "common_subsequence"


def inputs():
    # a thresholded similarity matrix as libfmp.c4.threshold_matrix returns
    # it (strategy='relative', thresh=0.15, scale=1, penalty=-2): cosine
    # similarities of two 12-dimensional unit-norm feature sequences of
    # lengths 60 and 75, where frames 20..44 of the second one repeat
    # frames 10..34 of the first one (with noise), the top 15 % of the
    # values rescaled to [0, 1] and everything else set to -2
    rng = np.random.default_rng(0)
    X = rng.random((12, 60)) ** 4
    Y = rng.random((12, 75)) ** 4
    Y[:, 20:45] = X[:, 10:35] + 0.05 * rng.random((12, 25))
    X /= np.linalg.norm(X, axis=0)
    Y /= np.linalg.norm(Y, axis=0)
    S = X.T @ Y
    thresh_val = np.quantile(S, 1 - 0.15)
    S_thresh = np.where(S >= thresh_val, S, -2.0)
    keep = S_thresh > -2.0
    lo, hi = S_thresh[keep].min(), S_thresh[keep].max()
    S_thresh[keep] = (S_thresh[keep] - lo) / (hi - lo)
    return (S_thresh,)
