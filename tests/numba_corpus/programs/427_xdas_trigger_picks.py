# Source: xdas-dev/xdas xdas/trigger.py (at commit 06e892f4)
# Licence: GPL-3.0 (Xdas, README.md at commit 1578f444: "License: GPLv3" badge linking gnu.org/licenses/gpl-3.0)
# Notes: threshold-trigger picking of seismic arrivals on every channel of a distributed acoustic sensing (DAS) array (signal processing, seismology): _trigger (@njit with an eager string signature "Tuple((i8[:], i8[:], f8[:]))(f8[:, :], f8, f8, b1[:], i8[:], f8[:])") walks the 2-D characteristic function with np.ndenumerate, unpacking ((lane, index), value), keeps per-lane trigger state in bool/int/float buffers passed in by the caller (updated in place), turns a lane's trigger on above thresh_on, tracks the running maximum, and on falling below thresh_off appends the lane, index and peak value to three reflected lists that are returned as np.array tuples. Pasted: the numpy and numba imports and _trigger verbatim (left out: the DataArray-level find_picks and the NumPy wrapper _find_picks_numeric, which reshape the input and call _trigger, and the pandas import). The harness passes what _find_picks_numeric passes: a (40, 3000) float64 STA/LTA-like characteristic function (noise around 1 with three events arriving with a hyperbolic moveout across channels), thresh_on = 3.0, thresh_off = 1.5, and zero-initialised state_status (bool), state_index (int64) and state_value (float64) buffers
import numpy as np
from numba import njit


@njit("Tuple((i8[:], i8[:], f8[:]))(f8[:, :], f8, f8, b1[:], i8[:], f8[:])")
def _trigger(cft, thresh_on, thresh_off, state_status, state_index, state_value):
    """
    Perform trigger detection on the input data.

    Parameters
    ----------
    cft : ndarray
        2D array of shape (n, m) representing the input data. Each row is a lane. Each
        column is the signal onto perform trigger detection.
    thresh_on : float
        Threshold value for turning on the trigger.
    thresh_off : float
        Threshold value for turning off the trigger.
    state_status : ndarray
        Boolean buffer of shape (n,) holding the trigger status for each lane.
    state_index : ndarray
        Integer buffer of shape (n,) holding the index of the last found pick for each
        lane.
    state_value : ndarray
        Float buffer of shape (n,) holding the value of the last found pick for each
        lane.

    Returns
    -------
    tuple of ndarray
        A tuple containing three arrays of shape (k,) where k is the number of picks
        found. The arrays are:
        - lanes : lanes indices (along first axis) of the picks.
        - indices : signal indices (along last axis) of the picks.
        - values : values of the picks.
    """
    lanes = []
    indices = []
    values = []
    for (lane, index), value in np.ndenumerate(cft):
        if state_status[lane]:
            if value > state_value[lane]:
                state_index[lane] = index
                state_value[lane] = value
            if value < thresh_off:
                state_status[lane] = False
                lanes.append(lane)
                indices.append(state_index[lane])
                values.append(state_value[lane])
        else:
            if value > thresh_on:
                state_status[lane] = True
                state_index[lane] = index
                state_value[lane] = value
    return np.array(lanes), np.array(indices), np.array(values)
# ---- harness (not part of the program) ----
ENTRY = "_trigger"


def inputs():
    # 40 channels x 3000 samples of an STA/LTA-like characteristic function:
    # noise around 1 and three events with a hyperbolic moveout
    rng = np.random.default_rng(0)
    n_ch, n_t = 40, 3000
    t = np.arange(n_t, dtype=np.float64)
    x = np.arange(n_ch) * 10.0
    cft = 1.0 + 0.15 * np.abs(rng.standard_normal((n_ch, n_t)))
    for t0, x0, amp in ((500.0, 120.0, 6.0), (1400.0, 300.0, 4.5), (2300.0, 50.0, 8.0)):
        arrival = t0 + np.sqrt(40.0 ** 2 + ((x - x0) / 2.0) ** 2)
        for c in range(n_ch):
            cft[c] += amp * np.exp(-0.5 * ((t - arrival[c]) / 12.0) ** 2) * rng.uniform(0.6, 1.2)
    state_status = np.zeros(n_ch, dtype=bool)
    state_index = np.zeros(n_ch, dtype=np.int64)
    state_value = np.zeros(n_ch, dtype=np.float64)
    return (cft, 3.0, 1.5, state_status, state_index, state_value)
