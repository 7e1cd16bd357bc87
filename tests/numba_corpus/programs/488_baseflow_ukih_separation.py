# Source: xiejx5/baseflow baseflow/methods/UKIH.py (at commit 04ad62ea)
# Licence: MIT (baseflow, setup.py: license="MIT" and the "License :: OSI Approved :: MIT License" classifier; Cody James)
# Notes: the UK Institute of Hydrology (1980) graphical baseflow separation of the baseflow package (hydrology): UKIH (plain NumPy) takes the minima of 5-day blocks with argmin over a reshape, then UKIH_turn (@njit, with a prange loop that runs serially since parallel is not set) marks turning points with an elementwise `&` of two comparisons and returns idx_turn[idx_turn != 0] (boolean-mask compaction), and linear_interpolation (@njit, a default argument return_exceed=False deciding the output length) interpolates the baseflow between turning points, clips it at the streamflow and counts the exceedances in the extra last element (b[-1] += 1); UKIH raises IndexError when fewer than 3 turning points are found and fills the ends from a Lyne-Hollick baseflow. Pasted: the whole module; the harness builds 3 years of synthetic daily streamflow (storm pulses with exponential recessions on a seasonal baseflow), a Lyne-Hollick reference baseflow (one forward pass with alpha 0.925, in NumPy) for the ends, and calls UKIH, then the two jitted functions directly, linear_interpolation with and without return_exceed (UKIH itself cannot pass return_exceed=True: its slice assignment of the Lyne-Hollick ends then mismatches the one-longer output)
import numpy as np
from numba import njit, prange


def UKIH(Q, b_LH, return_exceed=False):
    """graphical method developed by UK Institute of Hydrology (UKIH, 1980)

    Args:
        Q (np.array): streamflow
    """
    N = 5
    block_end = Q.shape[0] // N * N
    idx_min = np.argmin(Q[:block_end].reshape(-1, N), axis=1)
    idx_min = idx_min + np.arange(0, block_end, N)
    idx_turn = UKIH_turn(Q, idx_min)
    if idx_turn.shape[0] < 3:
        raise IndexError("Less than 3 turning points found")
    b = linear_interpolation(Q, idx_turn, return_exceed=return_exceed)
    b[: idx_turn[0]] = b_LH[: idx_turn[0]]
    b[idx_turn[-1] + 1 :] = b_LH[idx_turn[-1] + 1 :]
    return b


@njit
def UKIH_turn(Q, idx_min):
    idx_turn = np.zeros(idx_min.shape[0], dtype=np.int64)
    for i in prange(idx_min.shape[0] - 2):
        if (0.9 * Q[idx_min[i + 1]] < Q[idx_min[i]]) & (
            0.9 * Q[idx_min[i + 1]] < Q[idx_min[i + 2]]
        ):
            idx_turn[i] = idx_min[i + 1]
    return idx_turn[idx_turn != 0]


@njit
def linear_interpolation(Q, idx_turn, return_exceed=False):
    if return_exceed:
        b = np.zeros(Q.shape[0] + 1)
    else:
        b = np.zeros(Q.shape[0])

    n = 0
    for i in range(idx_turn[0], idx_turn[-1] + 1):
        if i == idx_turn[n + 1]:
            n += 1
            b[i] = Q[i]
        else:
            b[i] = Q[idx_turn[n]] + (Q[idx_turn[n + 1]] - Q[idx_turn[n]]) / (
                idx_turn[n + 1] - idx_turn[n]
            ) * (i - idx_turn[n])
        if b[i] > Q[i]:
            b[i] = Q[i]
            if return_exceed:
                b[-1] += 1
    return b
# ---- harness (not part of the program) ----
ENTRY = "run_ukih"


def run_ukih(Q):
    a = 0.925
    qf = np.zeros_like(Q)
    for i in range(1, Q.shape[0]):
        qf[i] = a * qf[i - 1] + 0.5 * (1 + a) * (Q[i] - Q[i - 1])
    b_LH = np.where(qf > 0, Q - qf, Q)
    b1 = UKIH(Q, b_LH)
    block_end = Q.shape[0] // 5 * 5
    idx_min = np.argmin(Q[:block_end].reshape(-1, 5), axis=1) + np.arange(0, block_end, 5)
    turns = UKIH_turn(Q, idx_min)
    b3 = linear_interpolation(Q, turns)
    b4 = linear_interpolation(Q, turns, True)
    return b1, turns, b3, b4


def inputs():
    rng = np.random.default_rng(0)
    n_days = 3 * 365
    t = np.arange(n_days)
    base = 3.0 + 1.2 * np.sin(2 * np.pi * t / 365.0)
    quick = np.zeros(n_days)
    for s in np.sort(rng.choice(n_days, 30, replace=False)):
        quick[s:] += rng.uniform(5.0, 25.0) * np.exp(-rng.uniform(0.05, 0.4) * (t[s:] - s))
    Q = base + quick + 0.05 * rng.standard_normal(n_days)
    return (Q,)
