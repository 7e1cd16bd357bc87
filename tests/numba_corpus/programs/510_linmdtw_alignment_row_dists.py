# Source: ctralie/linmdtw linmdtw/alignmenttools.py (at commit 0202cda6)
# Licence: Apache-2.0 (linmdtw, setup.py: license='Apache2'; its classifiers also list "License :: OSI Approved :: MIT License"; Chris Tralie)
# Notes: alignment-error measures between two dynamic-time-warping paths, which linmdtw (linear-memory exact DTW for audio and music synchronisation) uses to score approximate alignments against exact ones (audio/music, time series): getAlignmentRowDists (@jit(nopython=True)) walks the second path with a while loop to the first entry in the same row as each point of the first path, then scans the following entries of that row with another while loop (k < P2.shape[0] and P2[k, 0] == P1[i1, 0]) keeping the smallest column distance with min/abs on integer entries; getAlignmentRowColDists (plain Python) calls it four times, on both paths and on their np.fliplr views (non-contiguous arrays), and concatenates the results. Pasted: the module's numpy, scipy.sparse and numba imports and get_csm, make_path_strictly_increase, getAlignmentRowDists and getAlignmentRowColDists (left out: the matplotlib import and the plotting, histogram, warp-dictionary and interpolation helpers); the harness makes a monotone ground-truth warping path of two 300- and 260-frame feature sequences from a smooth time map, an approximate path that follows a jittered copy of it, and returns the row/column distances, the strictly increasing subpaths and a small cross-similarity matrix
import numpy as np
import scipy.sparse as sparse
from numba import jit


def get_csm(X, Y):
    """
    Return the Euclidean cross-similarity matrix between X and Y
    Paramters
    ---------
    X: ndarray(M, d)
        A d-dimensional Euclidean point cloud with M points
    Y: ndarray(N, d)
        A d-dimensional Euclidean point cloud with N points
    Returns
    -------
    D: ndarray(M, N)
        The cross-similarity matrix
    """
    XSqr = np.sum(X**2, 1)
    YSqr = np.sum(Y**2, 1)
    C = XSqr[:, None] + YSqr[None, :] - 2*X.dot(Y.T)
    C[C < 0] = 0
    return np.sqrt(C)


def make_path_strictly_increase(path):
    """
    Given a warping path, remove all rows that do not
    strictly increase from the row before
    """
    toKeep = np.ones(path.shape[0])
    i0 = 0
    for i in range(1, path.shape[0]):
        if np.abs(path[i0, 0] - path[i, 0]) >= 1 and np.abs(path[i0, 1] - path[i, 1]) >= 1:
            i0 = i
        else:
            toKeep[i] = 0
    return path[toKeep == 1, :]


@jit(nopython=True)
def getAlignmentRowDists(P1, P2):
    """
    For each point in the first path, record the distance
    of the closest point in the same row on the second path
    Parameters
    ----------
    P1: ndarray(M, 2)
        Ground truth warping path
    P2: ndarray(N, 2)
        Test warping path
    Returns
    -------
    dists: ndarray(M)
        The distances
    """
    i = 0
    k = 0
    dists = np.zeros(P1.shape[0])
    i2 = 0
    for i1 in range(P1.shape[0]):
        # Move along P2 until it's at the same row
        while P2[i2, 0] != P1[i1, 0]:
            i2 += 1
        # Check all entries of P2 that have the same row
        mindist = abs(P2[i2, 1] - P1[i1, 1])
        k = i2+1
        while k < P2.shape[0] and P2[k, 0] == P1[i1, 0]:
            mindist = min(mindist, abs(P2[k, 1]-P1[i1, 1]))
            k += 1
        dists[i1] = mindist
    return dists

def getAlignmentRowColDists(P1, P2):
    """
    For each point in the first path, record the distance
    of the closest point in the same row on the second path,
    and vice versa.  Then repeat this along the columns
    Parameters
    ----------
    P1: ndarray(M, 2)
        Ground truth warping path
    P2: ndarray(N, 2)
        Test warping path
    Returns
    -------
    dists: ndarray(2M+2N)
        The distances
    """
    dists11 = getAlignmentRowDists(P1, P2)
    dists12 = getAlignmentRowDists(P2, P1)
    dists21 = getAlignmentRowDists(np.fliplr(P1), np.fliplr(P2))
    dists22 = getAlignmentRowDists(np.fliplr(P2), np.fliplr(P1))
    return np.concatenate((dists11, dists12, dists21, dists22))
# ---- harness (not part of the program) ----
ENTRY = "score"


def _path_from_map(f, M, N):
    # monotone path with unit steps from (0, 0) to (M-1, N-1) following j = f(i)
    path = [[0, 0]]
    i, j = 0, 0
    while i < M - 1 or j < N - 1:
        target = f[min(i + 1, M - 1)]
        if i == M - 1:
            j += 1
        elif j == N - 1 or target < j + 0.5:
            i += 1
        elif target > j + 1.5:
            j += 1
        else:
            i += 1
            j += 1
        path.append([i, j])
    return np.array(path, dtype=np.int64)


def score(P1, P2, X, Y):
    d = getAlignmentRowColDists(P1, P2)
    s1 = make_path_strictly_increase(P1)
    s2 = make_path_strictly_increase(P2)
    return d, s1, s2, get_csm(X[:40], Y[:30])


def inputs():
    rng = np.random.default_rng(0)
    M, N = 300, 260
    t = np.linspace(0.0, 1.0, M)
    f = (N - 1) * (t + 0.08 * np.sin(2 * np.pi * t))
    P1 = _path_from_map(f, M, N)
    f2 = np.clip(f + np.cumsum(rng.normal(0.0, 0.6, M)) * 0.3, 0, N - 1)
    f2[-1] = N - 1
    P2 = _path_from_map(f2, M, N)
    X = rng.normal(0.0, 1.0, (M, 12))
    Y = rng.normal(0.0, 1.0, (N, 12))
    return (P1, P2, X, Y)
