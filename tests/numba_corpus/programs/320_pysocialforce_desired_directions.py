# Source: yuxiang-gao/PySocialForce pysocialforce/utils/stateutils.py (at commit 0e762283)
# Licence: MIT (PySocialForce, LICENSE; Copyright (c) 2020 Yuxiang Gao)
# Notes: the unit vectors from each pedestrian towards its goal in a social-force crowd simulation (simulation / robot navigation among people): desired_directions (@njit) slices the goal and position columns of the (n, 7) state array and calls normalize, which iterates over the rows of a 2-D array (for line in vecs), appends np.linalg.norm of each row to a reflected list, turns the list into an array, divides with np.expand_dims broadcasting and replaces the rows of zero norm by np.zeros(vecs.shape[1]); the tuple it returns is unpacked with a throwaway name. Pasted: the whole module (its docstring, imports, the commented-out normalize variant and all jitted functions, including vector_angles, left_normal, right_normal, vec_diff, each_diff (@jit), speeds, center_of_mass and minmax, which desired_directions does not call); the harness passes what the package's scene state holds: 40 pedestrians as rows [x, y, vx, vy, goal_x, goal_y, tau], two of them standing on their goals (zero-length direction)
"""Utility functions to process state."""

import numpy as np
from numba import njit, jit, vectorize


# @jit
# def normalize(array_in):
#     """nx2 or mxnx2"""
#     if len(array_in.shape) == 2:
#         vec, fac = normalize_array(array_in)
#         return vec, fac
#     factors = []
#     vectors = []
#     for m in array_in:
#         vec, fac = normalize_array(m)
#         vectors.append(vec)
#         factors.append(fac)

#     return np.array(vectors), np.array(factors)


@njit
def vector_angles(vecs):
    """Calculate angles for an array of vectors
    :param vecs: nx2 ndarray
    :return: nx1 ndarray
    """
    ang = np.arctan2(vecs[:, 1], vecs[:, 0])  # atan2(y, x)
    return ang


@njit
def left_normal(vecs):
    vecs = np.fliplr(vecs) * np.array([-1.0, 1.0])
    return vecs


@njit
def right_normal(vecs):
    vecs = np.fliplr(vecs) * np.array([1.0, -1.0])
    return vecs


@njit
def normalize(vecs: np.ndarray):
    """Normalize nx2 array along the second axis
    input: [n,2] ndarray
    output: (normalized vectors, norm factors)
    """
    norm_factors = []
    for line in vecs:
        norm_factors.append(np.linalg.norm(line))
    norm_factors = np.array(norm_factors)
    normalized = vecs / np.expand_dims(norm_factors, -1)
    # get rid of nans
    for i in range(norm_factors.shape[0]):
        if norm_factors[i] == 0:
            normalized[i] = np.zeros(vecs.shape[1])
    return normalized, norm_factors


@njit
def desired_directions(state: np.ndarray):
    """Given the current state and destination, compute desired direction."""
    destination_vectors = state[:, 4:6] - state[:, 0:2]
    directions, _ = normalize(destination_vectors)
    return directions


@njit
def vec_diff(vecs: np.ndarray):
    """r_ab
    r_ab := r_a − r_b.
    """
    diff = np.expand_dims(vecs, 1) - np.expand_dims(vecs, 0)
    return diff


@jit
def each_diff(vecs, keepdims=False):
    """ 
    :param vecs: nx2 array
    :return: diff with diagonal elements removed
    """
    diff = vec_diff(vecs)
    # diff = diff[np.any(diff, axis=-1), :]  # get rid of zero vectors
    diff = diff[
        ~np.eye(diff.shape[0], dtype=bool), :
    ]  # get rif of diagonal elements in the diff matrix
    if keepdims:
        diff = diff.reshape(vecs.shape[0], -1, vecs.shape[1])

    return diff


@njit
def speeds(state: np.ndarray):
    """Return the speeds corresponding to a given state."""
    #     return np.linalg.norm(state[:, 2:4], axis=-1)
    speed_vecs = state[:, 2:4]
    speeds_array = np.array([np.linalg.norm(s) for s in speed_vecs])
    return speeds_array


@njit
def center_of_mass(vecs: np.ndarray):
    """Center-of-mass of a given group"""
    return np.sum(vecs, axis=0) / vecs.shape[0]


@njit
def minmax(m):
    x_min = np.min(m[:, 0])
    y_min = np.min(m[:, 1])
    x_max = np.max(m[:, 0])
    y_max = np.max(m[:, 1])
    return (x_min, y_min, x_max, y_max)
# ---- harness (not part of the program) ----
ENTRY = "desired_directions"


def inputs():
    # 40 pedestrians in a 20 m x 10 m corridor walking to goals on the
    # other side; state rows [x, y, vx, vy, goal_x, goal_y, tau] with
    # tau = 0.5 as the package's default; two already at their goals
    rng = np.random.default_rng(0)
    n = 40
    state = np.zeros((n, 7))
    state[:, 0] = rng.uniform(0.0, 20.0, n)
    state[:, 1] = rng.uniform(0.0, 10.0, n)
    state[:, 2:4] = 0.5 * rng.standard_normal((n, 2))
    state[:, 4] = np.where(state[:, 0] < 10.0, 25.0, -5.0)
    state[:, 5] = rng.uniform(0.0, 10.0, n)
    state[:, 6] = 0.5
    state[3, 4:6] = state[3, 0:2]
    state[17, 4:6] = state[17, 0:2]
    return (state,)
