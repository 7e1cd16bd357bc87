# Source: meinardmueller/synctoolbox synctoolbox/dtw/core.py (at commit 47012113)
# Licence: MIT (synctoolbox, setup.py at commit 08544207: license='MIT' and classifier; Meinard Müller, Yigitcan Özer, Michael Krause, Thomas Prätzlich and Jonathan Driedger)
# Notes: the accumulated-cost and step-index matrices of dynamic time warping between two feature sequences for music synchronisation (sequence alignment): __C_to_DE (@jit(nopython=True, cache=True), a module-level name with two leading underscores, every parameter with a default, three of them NumPy arrays, and a tuple return annotation) accumulates the cost matrix over a set of steps given as int64 arrays dn/dm with float64 weights dw into an inf-initialised matrix (np.ones(...) * np.inf) padded by the largest step (np.max of the step arrays), records the chosen step index in an int64 matrix made as np.zeros(...) - 1, and returns the unpadded 2-D slice of D with E. Pasted: the module's numba and numpy imports and its two jitted functions, __C_to_DE and __E_to_warping_path (the backtracking, with an inner closure _loop called in a while loop); left out: the plain-Python driver compute_warping_path and the `import librosa` it uses only for its implementation='librosa' branch. The harness calls __C_to_DE only, with the arguments compute_warping_path(implementation='synctoolbox') passes it: under Numba 0.56.4 the first compilation of __E_to_warping_path fails ("Failed in nopython mode pipeline (step: nopython rewrites) key already in dictionary: 'index.5'"), so the driver cannot run as pasted; C is the cosine-distance cost matrix (as synctoolbox.dtw.cost.cosine_distance computes it) of 60 and 80 frames of normalised 12-dimensional chroma features, the second a tempo-varied noisy copy of the first, dn and dm the non-contiguous column views step_sizes[:, 0] and step_sizes[:, 1] of the default step sizes [[1, 0], [0, 1], [1, 1]], dw the unit weights and sub_sequence=False
from numba import jit
import numpy as np


@jit(nopython=True, cache=True)
def __C_to_DE(C: np.ndarray = None,
              dn: np.ndarray = np.array([1, 1, 0], np.int64),
              dm: np.ndarray = np.array([1, 0, 1], np.int64),
              dw: np.ndarray = np.array([1.0, 1.0, 1.0], np.float64),
              sub_sequence: bool = False) -> (np.ndarray, np.ndarray):
    """This function computes the accumulated cost matrix D and the step index
    matrix E.

    Parameters
    ----------
    C : np.ndarray (np.float32 / np.float64) [shape=(N, M)]
        Cost matrix

    dn : np.ndarray (np.int64) [shape=(1, S)]
        Integer array defining valid steps (N direction of C), default: [1, 1, 0]

    dm : np.ndarray (np.int64) [shape=(1, S)]
        Integer array defining valid steps (M direction of C), default: [1, 0, 1]

    dw : np.ndarray (np.float64) [shape=(1, S)]
        Double array defining the weight of the each step, default: [1.0, 1.0, 1.0]

    sub_sequence : bool
        Set `True` for SubSequence DTW, default: False

    Returns
    -------
    D : np.ndarray (np.float64) [shape=(N, M)]
        Accumulated cost matrix of type double

    E : np.ndarray (np.int64) [shape=(N, M)]
        Step index matrix.
        E[n, m] holds the index of the step take to determine the value of D[n, m].
        If E[n, m] is zero, no valid step was possible.
        NaNs in the cost matrix are preserved, invalid fields in the cost matrix are NaNs.
    """
    if C is None:
        raise ValueError('C must be a 2D numpy array.')

    N, M = C.shape
    S = dn.size

    if S != dm.size or S != dw.size:
        raise ValueError('The parameters dn,dm, and dw must be of equal length.')

    # calc bounding box size of steps
    sbbn = np.max(dn)
    sbbm = np.max(dm)

    # initialize E
    E = np.zeros((N, M), np.int64) - 1

    # initialize extended D matrix
    D = np.ones((sbbn + N, sbbm + M), np.float64) * np.inf

    if sub_sequence:
        for m in range(M):
            D[sbbn, sbbm + m] = C[0, m]
    else:
        D[sbbn, sbbm] = C[0, 0]

    # accumulate
    for m in range(sbbm, M + sbbm):
        for n in range(sbbn, N + sbbn):
            for s in range(S):
                cost = D[n - dn[s], m - dm[s]] + C[n - sbbn, m - sbbm] * dw[s]
                if cost < D[n, m]:
                    D[n, m] = cost
                    E[n - sbbn, m - sbbm] = s

    D = D[sbbn: N + sbbn, sbbm: M + sbbm]

    return D, E


@jit(nopython=True, cache=True)
def __E_to_warping_path(E: np.ndarray,
                        dn: np.ndarray = np.array([1, 1, 0], np.int64),
                        dm: np.ndarray = np.array([1, 0, 1], np.int64),
                        sub_sequence: bool = False,
                        end_index: int = -1) -> np.ndarray:
    """This function computes a warping path based on the provided matrix E
    and the allowed steps.

    Parameters
    ----------
    E : np.ndarray (np.int64) [shape=(N, M)]
        Step index matrix

    dn : np.ndarray (np.int64) [shape=(1, S)]
        Integer array defining valid steps (N direction of C), default: [1, 1, 0]

    dm : np.ndarray (np.int64) [shape=(1, S)]
         Integer array defining valid steps (M direction of C), default: [1, 0, 1]

    sub_sequence : bool
        Set `True` for SubSequence DTW, default: False

    end_index : int
        In case of SubSequence DTW

    Returns
    -------
    warping_path : np.ndarray (np.int64) [shape=(2, M)]
        Resulting optimal warping path
    """
    N, M = E.shape

    if not sub_sequence and end_index == -1:
        end_index = M - 1

    m = end_index
    n = N - 1

    warping_path = np.zeros((2, n + m + 1))

    index = 0

    def _loop(m, n, index):
        warping_path[:, index] = np.array([n, m])
        step_index = E[n, m]
        m -= dm[step_index]
        n -= dn[step_index]
        index += 1
        return m, n, index

    if sub_sequence:
        while n > 0:
            m, n, index = _loop(m, n, index)
    else:
        while m > 0 or n > 0:
            m, n, index = _loop(m, n, index)

    warping_path[:, index] = np.array([n, m])
    warping_path = warping_path[:, index::-1]

    return warping_path
# ---- harness (not part of the program) ----
ENTRY = "__C_to_DE"


def inputs():
    # 60 frames of smooth nonnegative 12-d chroma vectors; the second
    # version plays them with a varying tempo (80 frames) plus noise; both
    # normalised, C = 1 - X^T Y as synctoolbox's cosine_distance computes it;
    # dn and dm are the column views step_sizes[:, 0] and step_sizes[:, 1]
    # of compute_warping_path's default step sizes, dw its unit weights
    rng = np.random.default_rng(0)
    n, m = 60, 80
    X = np.abs(rng.normal(size=(12, n)))
    for _ in range(2):
        X = 0.5 * X + 0.25 * (np.roll(X, 1, axis=1) + np.roll(X, -1, axis=1))
    t = np.cumsum(rng.uniform(0.5, 1.0, m))
    t = (t - t[0]) / (t[-1] - t[0]) * (n - 1)
    Y = X[:, np.round(t).astype(int)] + 0.05 * np.abs(rng.normal(size=(12, m)))
    X = X / np.linalg.norm(X, axis=0)
    Y = Y / np.linalg.norm(Y, axis=0)
    C = 1.0 - X.T @ Y
    step_sizes = np.array([[1, 0], [0, 1], [1, 1]], np.int64)
    step_weights = np.array([1.0, 1.0, 1.0], np.float64)
    return (C, step_sizes[:, 0], step_sizes[:, 1], step_weights, False)
