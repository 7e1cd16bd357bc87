# Source: sildater/parangonar parangonar/dp/dtw.py (at commit 092f7229)
# Licence: Apache-2.0 (parangonar, LICENSE; Copyright 2026 Silvan Peter)
# Notes: dynamic time warping for symbolic/audio music alignment: weighted DTW (accumulated cost over three step directions with per-direction weights, int8 backtracking matrix, backtracked path) and FlexDTW (Shan & Tsai, ISMIR 2023: path cost normalised by its length from a tracked starting point, free start on the first row/column and a best end point chosen among bottom-row/right-column candidates within a buffer); Numba features: @jit(nopython=True) with NumPy arrays as default argument values (directional_weights = np.array([1, 1, 1]), directions = np.array([[1, 0],[1, 1],[0, 1]])), np.ones(...) * np.inf, int8/int32 matrices, enumerate over the rows of a 2-D array with tuple unpacking (istep, jstep) = direction, a list of lists / list of tuples grown in a while loop and turned into np.array(path, dtype=np.int32)[::-1], np.column_stack / np.full / np.arange / np.concatenate of int32 arrays, min of a tuple, np.argmin, and a 4-tuple result. Pasted: the module's imports and the two jitted functions weighted_dtw_forward_and_backward and flexdtw_forward_and_backward as published; left out: the metric helpers, the DTW/FlexDTW wrapper classes (which compute pwD with scipy cdist) and the pure-Python DTW variants; the harness builds a 14 x 11 Euclidean distance matrix between two random 3-D feature sequences (the second a warped noisy copy of part of the first) and calls weighted DTW with the default directions/weights and with weights (1, 2, 1), and FlexDTW with buffer 1 (default arguments) and buffer 3
import numpy as np
from scipy.spatial.distance import cdist
import numba
from numba import jit


@jit(nopython=True)
def weighted_dtw_forward_and_backward(pwD, 
                                      directional_weights = np.array([1, 1, 1]),
                                      directions = np.array([[1, 0],[1, 1],[0, 1]])):
    """
    compute dynamic time warping cost matrix
    and backtracking path
    from weighted directions and
    a pairwise distance matrix

    Parameters
    ----------
    D : np.ndarray
        Pairwise distance matrix (computed e.g., with `cdist`).
    directional_weights: np.ndarray
        weights associated with each of the three possible steps
    directions : double array
        directions.

    Returns
    -------
    dtwd : np.ndarray
        Accumulated cost matrix
    path: np.ndarray
        backtracked path
    """
    # Initialize arrays and helper variables
    M = pwD.shape[0]
    N = pwD.shape[1]
    # the dtwd distance matrix is initialized with INFINITY
    D = np.ones((M + 1, N + 1),dtype=float) * np.inf
    # Backtracking
    B = np.ones((M, N),dtype=np.int8) * -1
    
    # Compute the distance iteratively
    D[0, 0] = 0
    for i in range(1, M + 1):
        for j in range(1, N + 1):
            mincost = np.inf
            minidx = -1
            bestiprev = -1
            bestjprev = -1
            for directionsidx, direction in enumerate(directions):
                (istep, jstep) = direction
                previ = i - istep
                prevj = j - jstep
                if previ >= 0 and prevj >= 0:      
                    cost = D[previ, prevj] + pwD[i - 1, j - 1] * directional_weights[directionsidx]                    
                    if cost < mincost:
                        mincost = cost
                        minidx = directionsidx
                        bestiprev = previ
                        bestjprev = prevj
                        
            D[i, j] = D[bestiprev, bestjprev] + pwD[i - 1, j - 1] * directional_weights[minidx]
            B[i - 1, j - 1] = minidx

    # return (dtwd[1:, 1:])
    n = N - 1
    m = M - 1
    step = [m, n]
    path = [step]
    # initialize boolean variables for stopping decoding
    crit = True
    while crit:
        if n == 0 and m == 0:
            crit = False
        else:
            backtracking_pointer = B[m, n]
            bt_vector = directions[backtracking_pointer]
            m -= bt_vector[0]
            n -= bt_vector[1]
            step = [m, n]
        # append next step to the path
        path.append(step)

    output_path = np.array(path, dtype=np.int32)[::-1]
    output_D = D[1:, 1:]
    return  output_D, output_path


@jit(nopython=True)
def flexdtw_forward_and_backward(pwD, 
            directional_weights = np.array([1, 1, 1]),
            directions = np.array([[1, 0],[1, 1],[0, 1]]),
            buffer = 1):
    """
    compute felxDTW cost matrix,
    backtrace matrix, 
    and starting point matrix 
    from a pairwise distance matrix

    Parameters
    ----------
    pwD : double array
        Pairwise distance matrix (computed e.g., with `cdist`).
    directional_weights : double array
        weights for each direction
    directions : double array
        directions.
    buffer : int
        buffer for candidate end points

    Returns
    -------
    D : np.ndarray
        Accumulated cost matrix
    B : np.ndarray
        backtrace matrix
    S : np.ndarray
        starting point matrix
    """
    # Initialize arrays and helper variables
    M = pwD.shape[0]
    N = pwD.shape[1]
    D = np.zeros((M,N)) #* np.inf
    B = np.zeros((M,N),dtype=np.int8) #* -1
    S = np.zeros((M,N),dtype=np.int32) #* -1
    # initialize matrices
    M_idx = np.arange(M)
    N_idx = np.arange(N)
    D[0,:] = pwD[0,:] 
    D[:,0] = pwD[:,0] 
    S[:,0] = M_idx
    S[0,:] = -N_idx 
    if buffer > N - 2 or buffer > M - 2:
        buffer = min((N - 2, M - 2))
        # raise ValueError("buffer size needs to be smaller than matrix dimensions")

    # Compute the distance iteratively
    for i in range(1, M):
        for j in range(1, N):  
            mincost = np.inf
            minidx = -1
            bestiprev = -1
            bestjprev = -1
            for directionsidx, direction in enumerate(directions):
                (istep, jstep) = direction
                previ = i - istep
                prevj = j - jstep
                if previ >= 0 and prevj >= 0:      
                    cost = D[previ, prevj] + pwD[i, j] * directional_weights[directionsidx]
                    if S[previ, previ] >= 0:
                        dist = i + (j - S[previ, prevj])
                    else:
                        dist = i + (j + S[previ, prevj])
                    cost_per_mb = cost / dist
                    
                    if cost_per_mb < mincost:
                        mincost = cost_per_mb
                        minidx = directionsidx
                        bestiprev = previ
                        bestjprev = prevj
                        
            D[i, j] = D[bestiprev, bestjprev] + pwD[i, j] * directional_weights[minidx]
            B[i, j] = minidx
            S[i, j] = S[bestiprev, bestjprev]

    # get end point
    endpoint_candidates_m = np.column_stack((np.full(N - buffer - 1, M - 1, dtype=np.int32), 
                                             np.arange(buffer, N - 1, dtype=np.int32))) # bottom row
    endpoint_candidates_n = np.column_stack((np.arange(buffer, M - 1, dtype=np.int32), 
                                             np.full(M - buffer - 1, N - 1, dtype=np.int32))) # right column

    ep_c = np.concatenate((endpoint_candidates_m, np.array([[M - 1, N - 1]], dtype=np.int32), endpoint_candidates_n))
    # endpoints_values = D[ep_c[:,0],ep_c[:,1]] / (np.sum(ep_c, axis = 1) - np.abs(S[ep_c[:,0],ep_c[:,1]]))
    endpoints_values = np.zeros(ep_c.shape[0])
    for idx, ep_c_cand in enumerate(ep_c):
        ep_c1 = ep_c_cand[0]
        ep_c2 = ep_c_cand[1]
        endpoints_values[idx] = D[ep_c1, ep_c2] / (ep_c1 + ep_c2 - np.abs(S[ep_c1, ep_c2]))
    
    minimal_ep = np.argmin(endpoints_values)
    m = ep_c[minimal_ep, 0]
    n = ep_c[minimal_ep, 1]
    step = (m, n)
    path = []
    path.append(step)
    # loop over backtracking matrix
    crit = True
    while crit:
        if n == 0 or m == 0:
            crit = False
        else:
            backtracking_pointer = B[m, n]
            bt_vector = directions[backtracking_pointer,:]
            m -= bt_vector[0]
            n -= bt_vector[1]
            step = (m, n)
        # append next step to the path
        path.append(step)
    output_path = np.array(path, dtype = np.int32)[::-1]
    return output_path, D, B, S
    # return 1,2,3,4
# ---- harness (not part of the program) ----
ENTRY = "run_dtw"


def run_dtw(X, Y):
    pwD = cdist(X, Y, "euclidean")
    D1, p1 = weighted_dtw_forward_and_backward(pwD)
    D2, p2 = weighted_dtw_forward_and_backward(pwD, np.array([1, 2, 1]),
                                               np.array([[1, 0], [1, 1], [0, 1]]))
    f1 = flexdtw_forward_and_backward(pwD)
    f2 = flexdtw_forward_and_backward(pwD, np.array([1, 1, 1]),
                                      np.array([[1, 0], [1, 1], [0, 1]]), 3)
    return D1, p1, D2, p2, f1, f2


def inputs():
    rng = np.random.default_rng(0)
    X = np.cumsum(rng.normal(size=(14, 3)), axis=0)
    idx = np.array([2, 3, 3, 4, 6, 7, 8, 8, 9, 11, 12])
    Y = X[idx] + rng.normal(scale=0.2, size=(11, 3))
    return (X, Y)
