# Source: mrolims/pynamicalsys src/pynamicalsys/common/types.py (at commit 26fe0ae8), src/pynamicalsys/common/linalg.py (at commit f3f77a69), src/pynamicalsys/discrete_time/models.py (at commit 27c86304), src/pynamicalsys/discrete_time/trajectory.py (at commit a0c8c9f5), src/pynamicalsys/discrete_time/lyapunov.py (at commit 0607a950)
# Licence: GPL-3.0-or-later (pynamicalsys, file headers "GNU General Public License ... either version 3 of the License, or (at your option) any later version"; Copyright (C) 2025-2026 Matheus Rolim Sales)
# Notes: discrete-time dynamical systems from pynamicalsys. models.py (pasted whole): @njit maps and Jacobians (standard, unbounded standard with a len(parameters) branch and tuple unpacking of a 2-array, nontwist, extended nontwist, Leonel, 4-D symplectic, Henon, Lozi with np.sign, logistic, Rulkov): `x, y = u` unpacking of arrays, `%` of floats, np.array of scalars and of nested lists, Jacobians taking `*args` and calling the map. linalg.py (pasted whole): modified Gram-Schmidt qr raising ValueError, householder_qr (np.linalg.norm, np.copysign, np.outer, slice updates with @), qr_truncate taking a QR function argument. trajectory.py (pasted whole): iterate_mapping and generate_trajectory (a mapping function passed as argument, an Optional transient_time defaulting to None tested with `is None`), ensemble_trajectories (parallel=True, prange, keyword-argument call of a jitted function with a function argument, slice assignment of a 2-D block). lyapunov.py: lyapunov_1D, lyapunov_er (Eckmann-Ruelle QR angle, arctan2, .reshape(1, -1)), maximum_lyapunov_er (Optional sample_times array, a bool return_history flag, np.e default, returning a (history, state) tuple) and the plain-Python finite_time_lyapunov driver; lyapunov_qr is left out (it calls np.random.seed and np.random.rand inside jitted code, which this corpus avoids), so only finite_time_lyapunov's "ER" branches are used. The `from pynamicalsys.common.types import ...` and `from pynamicalsys.common.linalg import householder_qr` lines are replaced by the pasted types.py and linalg.py. The harness iterates every map from fixed initial conditions, builds trajectories with and without transients, an ensemble of 6 initial conditions in parallel, Lyapunov exponents of the logistic, Henon and standard maps with and without history, finite-time exponents in windows, and both QR factorisations of a fixed 5 x 3 matrix

# ---- src/pynamicalsys/common/types.py ----
# types.py

# Copyright (C) 2025 Matheus Rolim Sales
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program. If not, see <https://www.gnu.org/licenses/>.

from typing import TypeAlias
import numpy as np
from collections.abc import Sequence, Callable
from numpy.typing import NDArray

int_t: TypeAlias = int | np.integer
numeric_t: TypeAlias = int | float | np.integer | np.floating
numeric_like_t: TypeAlias = numeric_t | Sequence[numeric_t] | NDArray[np.number]

map_t: TypeAlias = Callable[
    [NDArray[np.float64], NDArray[np.float64]],
    NDArray[np.float64],
]

jacobian_t: TypeAlias = Callable[
    [NDArray[np.float64], NDArray[np.float64], map_t],
    NDArray[np.float64],
]

observable_t = Callable[[NDArray[np.float64]], NDArray[np.float64]]

state_observable_t = Callable[[NDArray[np.float64]], numeric_t]

flow_t: TypeAlias = Callable[
    [np.float64, NDArray[np.float64], NDArray[np.float64]],
    NDArray[np.float64],
]

flow_jacobian_t: TypeAlias = Callable[
    [np.float64, NDArray[np.float64], NDArray[np.float64]],
    NDArray[np.float64],
]


# ---- src/pynamicalsys/common/linalg.py ----
# linalg.py

# Copyright (C) 2025-2026 Matheus Rolim Sales
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program. If not, see <https://www.gnu.org/licenses/>.

import numpy as np
from typing import Callable, Tuple
from numpy.typing import NDArray
from numba import njit


@njit
def qr(
    M: NDArray[np.float64],
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """
    Compute the reduced QR decomposition using modified Gram-Schmidt.

    Parameters
    ----------
    M : NDArray[np.float64]
        Input matrix of shape `(m, n)` with `m >= n`.

    Returns
    -------
    Tuple[NDArray[np.float64], NDArray[np.float64]]
        - `Q`: Orthonormal matrix of shape `(m, n)`
        - `R`: Upper triangular matrix of shape `(n, n)`

    Raises
    ------
    ValueError
        If `m < n`.

    Notes
    -----
    This implementation uses modified Gram-Schmidt, which is more stable than
    classical Gram-Schmidt, but generally less stable than Householder QR.
    """
    m, n = M.shape
    if m < n:
        raise ValueError("Input matrix must have m >= n for QR decomposition")

    Q = M.copy().astype(np.float64)
    R = np.zeros((n, n), dtype=np.float64)

    for i in range(n):
        for j in range(i):
            s = 0.0
            for row in range(m):
                s += Q[row, j] * Q[row, i]
            R[j, i] = s

            for row in range(m):
                Q[row, i] -= R[j, i] * Q[row, j]

        norm_sq = 0.0
        for row in range(m):
            norm_sq += Q[row, i] * Q[row, i]
        R[i, i] = np.sqrt(norm_sq)

        if R[i, i] == 0.0:
            continue

        inv_norm = 1.0 / R[i, i]
        for row in range(m):
            Q[row, i] *= inv_norm

    return Q, R


@njit
def householder_qr(
    M: NDArray[np.float64],
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    m, n = M.shape
    if m < n:
        raise ValueError("Input matrix must have m >= n for QR decomposition")

    R = M.copy().astype(np.float64)
    Q = np.eye(m, dtype=np.float64)

    for k in range(n):
        x = R[k:, k]
        norm_x = np.linalg.norm(x)

        if norm_x == 0.0:
            continue

        alpha = -np.copysign(norm_x, x[0])
        v = x.copy()
        v[0] -= alpha
        v_norm = np.linalg.norm(v)

        if v_norm == 0.0:
            continue

        v /= v_norm

        # Apply reflector to R[k:, k:]
        R[k:, k:] -= 2.0 * np.outer(v, v @ R[k:, k:])

        # Apply reflector to Q[:, k:]
        Q[:, k:] -= 2.0 * np.outer(Q[:, k:] @ v, v)

    return Q, R


@njit
def qr_truncate(
    Q: NDArray[np.float64],
    k: int,
    QR: Callable[
        [NDArray[np.float64]],
        tuple[NDArray[np.float64], NDArray[np.float64]],
    ],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """
    Compute a QR decomposition and retain only the first `k` columns of `Q`
    and the leading `k x k` block of `R`.

    Parameters
    ----------
    Q : NDArray[np.float64]
        Input matrix of shape `(m, n)`.
    k : int
        Number of columns and rows to retain after the QR decomposition.
    QR : callable
        QR decomposition routine returning `(Q_full, R_full)`.

    Returns
    -------
    tuple[NDArray[np.float64], NDArray[np.float64]]
        - `Q_trunc`: array of shape `(m, k)` containing the first `k` columns
          of the orthonormal factor
        - `R_trunc`: array of shape `(k, k)` containing the leading block of
          the upper-triangular factor
    """
    Q_full, R_full = QR(Q)
    Q_trunc = np.ascontiguousarray(Q_full[:, :k])
    R_trunc = R_full[:k, :k]
    return Q_trunc, R_trunc


# ---- src/pynamicalsys/discrete_time/models.py ----
# models.py

# Copyright (C) 2025-2026 Matheus Rolim Sales
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program. If not, see <https://www.gnu.org/licenses/>.

import numpy as np
from numba import njit
from numpy.typing import NDArray
from typing import Union, Sequence, Any

# ! -------------------- !
# ! --- Standard map --- !
# ! -------------------- !


@njit
def standard_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    k = parameters[0]
    x, y = u
    y_new = y + k * np.sin(2 * np.pi * x) / (2 * np.pi)
    x_new = x + y_new  # + 0.5

    x_new = x_new % 1
    y_new = y_new % 1

    return np.array([x_new, y_new])


@njit
def unbounded_standard_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    if len(parameters) == 1:
        k = parameters[0]
        gamma = 0
    else:
        k, gamma = parameters

    x, y = u
    y_new = (1 - gamma) * y + k * np.sin(2 * np.pi * x) / (2 * np.pi)
    x_new = x + y_new

    x_new = x_new % 1

    return np.array([x_new, y_new])


@njit
def standard_map_backwards(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    k = parameters[0]
    x, y = u
    x_new = x - y
    y_new = y - k * np.sin(2 * np.pi * x_new) / (2 * np.pi)

    x_new = x_new % 1
    y_new = y_new % 1

    return np.array([x_new, y_new])


@njit
def standard_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    k = parameters[0]
    x, y = u
    return np.array(
        [[1 + k * np.cos(2 * np.pi * x), 1], [k * np.cos(2 * np.pi * x), 1]]
    )


# ! ----------------------------- !
# ! --- Standard nontwist map --- !
# ! ----------------------------- !


@njit
def standard_nontwist_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:

    a, b = parameters
    x, y = u

    y_new = y - b * np.sin(2 * np.pi * x)
    x_new = (x + a * (1 - y_new**2)) % 1.0

    return np.array([x_new, y_new])


@njit
def standard_nontwist_map_backwards(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:

    a, b = parameters

    x, y = u

    x_new = (x - a * (1 - y**2)) % 1.0
    y_new = y + b * np.sin(2 * np.pi * x_new)

    return np.array([x_new, y_new])


@njit
def standard_nontwist_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:

    a, b = parameters
    x, _ = u
    _, y_new = standard_nontwist_map(u, parameters)
    dy_newdx = -2 * np.pi * b * np.cos(2 * np.pi * x)
    dy_newdy = 1

    J = np.zeros((2, 2))
    J[0, 0] = 1 - 2 * a * y_new * dy_newdx
    J[0, 1] = -2 * a * y_new * dy_newdy
    J[1, 0] = dy_newdx
    J[1, 1] = dy_newdy

    return J


# ! -------------------------------------- !
# ! --- Extended standard nontwist map --- !
# ! -------------------------------------- !


@njit
def extended_standard_nontwist_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:

    a, b, c, m = parameters

    x, y = u

    y_new = y - b * np.sin(2 * np.pi * x) - c * np.sin(2 * np.pi * m * x)
    x_new = (x + a * (1 - y_new**2)) % 1.0

    return np.array([x_new, y_new])


@njit
def extended_standard_nontwist_map_backwards(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    a, b, c, m = parameters
    x, y = u

    x_new = (x - a * (1 - y**2)) % 1.0
    y_new = y + b * np.sin(2 * np.pi * x_new) + c * np.sin(2 * np.pi * m * x_new)

    return np.array([x_new, y_new])


@njit
def extended_standard_nontwist_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    a, b, c, m = parameters
    x, _ = u
    _, y_new = extended_standard_nontwist_map(u, parameters)
    dy_newdx = -2 * np.pi * b * np.cos(2 * np.pi * x) - 2 * np.pi * c * m * np.cos(
        2 * np.pi * m * x
    )
    dy_newdy = 1

    J = np.zeros((2, 2))
    J[0, 0] = 1 - 2 * a * y_new * dy_newdx
    J[0, 1] = -2 * a * y_new * dy_newdy
    J[1, 0] = dy_newdx
    J[1, 1] = dy_newdy

    return J


# ! ------------------ !
# ! --- Leonel map --- !
# ! ------------------ !


@njit
def leonel_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    eps, gamma = parameters

    x, y = u
    y_new = y + eps * np.sin(x)
    x_new = (x + 1 / abs(y_new) ** gamma) % (2 * np.pi)

    return np.array([x_new, y_new])


@njit
def leonel_map_backwards(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    eps, gamma = parameters

    x, y = u

    x_new = (x - 1 / abs(y) ** gamma) % (2 * np.pi)
    y_new = y - eps * np.sin(x_new)

    return np.array([x_new, y_new])


@njit
def leonel_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    eps, gamma = parameters

    x, y = u
    _, y_new = leonel_map(u, parameters)
    dy_newdx = eps * np.cos(x)
    dy_newdy = 1

    J = np.zeros((2, 2))
    J[0, 0] = 1 - (gamma / (y_new * abs(y_new) ** gamma)) * dy_newdx
    J[0, 1] = -(gamma / (y_new * abs(y_new) ** gamma)) * dy_newdy
    J[1, 0] = dy_newdx
    J[1, 1] = dy_newdy

    return J


# ! ------------------------- !
# ! --- 4D symplectic map --- !
# ! ------------------------- !


@njit
def symplectic_map_4D(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    eps1, eps2, xi = parameters
    x1, x2, x3, x4 = u

    x1_new = x1 + x2
    x2_new = x2 - eps1 * np.sin(x1 + x2) - xi * (1 - np.cos(x1 + x2 + x3 + x4))
    x3_new = x3 + x4
    x4_new = x4 - eps2 * np.sin(x3 + x4) - xi * (1 - np.cos(x1 + x2 + x3 + x4))

    x1_new = x1_new % (2 * np.pi)
    x2_new = x2_new % (2 * np.pi)
    x3_new = x3_new % (2 * np.pi)
    x4_new = x4_new % (2 * np.pi)

    return np.array([x1_new, x2_new, x3_new, x4_new])


@njit
def symplectic_map_4D_backwards(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    eps1, eps2, xi = parameters
    x1, x2, x3, x4 = u

    # The input (x1, x2, x3, x4) is the image of the forward map, so
    # x1 == x1_old + x2_old and x3 == x3_old + x4_old. The sine arguments of
    # the forward map are therefore x1 and x3, and its coupling argument
    # x1_old + x2_old + x3_old + x4_old is x1 + x3.
    coupling = xi * (1 - np.cos(x1 + x3))

    x2_new = x2 + eps1 * np.sin(x1) + coupling
    x1_new = x1 - x2_new
    x4_new = x4 + eps2 * np.sin(x3) + coupling
    x3_new = x3 - x4_new

    x1_new = x1_new % (2 * np.pi)
    x2_new = x2_new % (2 * np.pi)
    x3_new = x3_new % (2 * np.pi)
    x4_new = x4_new % (2 * np.pi)

    return np.array([x1_new, x2_new, x3_new, x4_new])


@njit
def symplectic_map_4D_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    eps1, eps2, xi = parameters

    J = np.zeros((4, 4))
    J[0, 0] = 1
    J[0, 1] = 1
    J[1, 0] = -eps1 * np.cos(u[0] + u[1]) - xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[1, 1] = 1 - eps1 * np.cos(u[0] + u[1]) - xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[1, 2] = -xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[1, 3] = -xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[2, 2] = 1
    J[2, 3] = 1
    J[3, 0] = -xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[3, 1] = -xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[3, 2] = -eps2 * np.cos(u[2] + u[3]) - xi * np.sin(u[0] + u[1] + u[2] + u[3])
    J[3, 3] = 1 - eps2 * np.cos(u[2] + u[3]) - xi * np.sin(u[0] + u[1] + u[2] + u[3])

    return J


# ! ----------------- !
# ! --- Henon map --- !
# ! ----------------- !


@njit
def henon_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    a, b = parameters
    x, y = u
    x_new = 1 - a * x**2 + y
    y_new = b * x
    return np.array([x_new, y_new])


@njit
def henon_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    a, b = parameters
    x, y = u
    return np.array([[-2 * a * x, 1], [b, 0]])


# ! ----------------- !
# ! --- Lozi map --- !
# ! ----------------- !


@njit
def lozi_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    a, b = parameters
    x, y = u
    x_new = 1 - a * abs(x) + y
    y_new = b * x
    return np.array([x_new, y_new])


@njit
def lozi_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    a, b = parameters
    x, y = u
    # d/dx (1 - a*|x| + y) = -a*sign(x)
    return np.array([[-a * np.sign(x), 1], [b, 0]])


# ! -------------------- !
# ! --- Logistic map --- !
# ! -------------------- !


@njit
def logistic_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:

    r = parameters[0]
    x = u[0]
    x_new = r * x * (1 - x)
    return np.array([x_new])


@njit
def logistic_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    r = parameters[0]
    x = u[0]
    return np.array([[r * (1 - 2 * x)]])


# ! ------------------ !
# ! --- Rulkov map --- !
# ! ------------------ !


@njit
def rulkov_map(
    u: NDArray[np.float64], parameters: Union[NDArray[np.float64], Sequence[float]]
) -> NDArray[np.float64]:
    alpha, sigma, mu = parameters
    x, y = u
    x_new = alpha / (1 + x**2) + y
    y_new = y - mu * (x - sigma)
    return np.array([x_new, y_new])


@njit
def rulkov_map_jacobian(
    u: NDArray[np.float64],
    parameters: Union[NDArray[np.float64], Sequence[float]],
    *args: Any,
) -> NDArray[np.float64]:
    alpha, sigma, mu = parameters
    x, y = u
    J = np.zeros((2, 2))
    J[0, 0] = -2 * alpha * x / (1 + x**2) ** 2
    J[0, 1] = 1
    J[1, 0] = -mu
    J[1, 1] = 1
    return J


# ---- src/pynamicalsys/discrete_time/trajectory.py ----
# trajectory.py

# Copyright (C) 2025-2026 Matheus Rolim Sales
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program. If not, see <https://www.gnu.org/licenses/>.

from typing import Optional

import numpy as np
from numba import njit, prange
from numpy.typing import NDArray

# from pynamicalsys.common.types import int_t, map_t   (pasted above)


@njit
def iterate_mapping(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    mapping: map_t,
) -> NDArray[np.float64]:
    """
    Iterate a discrete-time mapping for a fixed number of steps.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial condition of shape `(system_dimension,)`.
    parameters : NDArray[np.float64]
        System parameters passed to the mapping.
    total_time : int_t
        Number of iterations to apply.
    mapping : map_t
        Mapping function with signature
        `u_next = mapping(u, parameters)`.

    Returns
    -------
    NDArray[np.float64]
        Final state after `total_time` iterations.

    Notes
    -----
    This is a low-level routine and assumes inputs have already been validated
    by the wrapper.
    """
    state = u.copy()

    for _ in range(total_time):
        state = mapping(state, parameters)

    return state


@njit
def generate_trajectory(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    mapping: map_t,
    transient_time: Optional[int_t] = None,
) -> NDArray[np.float64]:
    """
    Generate a trajectory from a single initial condition.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial condition of shape `(system_dimension,)`.
    parameters : NDArray[np.float64]
        System parameters passed to the mapping.
    total_time : int_t
        Total number of iterations used in the computation.
    mapping : map_t
        Mapping function with signature
        `u_next = mapping(u, parameters)`.
    transient_time : Optional[int_t], optional
        Number of initial iterations discarded before storing the trajectory.
        If `None`, no transient is removed.

    Returns
    -------
    NDArray[np.float64]
        Trajectory array of shape `(sample_size, system_dimension)`, where
        `sample_size = total_time - transient_time` if a transient is used,
        and `sample_size = total_time` otherwise.

    Notes
    -----
    The returned trajectory does not include the initial condition. The first row
    corresponds to the first stored iterate after the transient.
    This is a low-level routine and assumes inputs have already been validated
    by the wrapper.
    """
    state = u.copy()

    if transient_time is None:
        sample_size = total_time
    else:
        state = iterate_mapping(state, parameters, transient_time, mapping)
        sample_size = total_time - transient_time

    system_dimension = state.shape[0]
    trajectory = np.empty((sample_size, system_dimension), dtype=np.float64)

    for i in range(sample_size):
        state = mapping(state, parameters)
        trajectory[i] = state

    return trajectory


@njit(parallel=True)
def ensemble_trajectories(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    mapping: map_t,
    transient_time: Optional[int_t] = None,
) -> NDArray[np.float64]:
    """
    Generate trajectories for an ensemble of initial conditions.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial conditions of shape `(num_initial_conditions, system_dimension)`.
    parameters : NDArray[np.float64]
        System parameters passed to the mapping.
    total_time : int_t
        Total number of iterations used for each trajectory.
    mapping : map_t
        Mapping function with signature
        `u_next = mapping(u, parameters)`.
    transient_time : Optional[int_t], optional
        Number of initial iterations discarded before storing each trajectory.
        If `None`, no transient is removed.

    Returns
    -------
    NDArray[np.float64]
        Concatenated trajectory array of shape
        `(num_initial_conditions * sample_size, system_dimension)`, where
        `sample_size = total_time - transient_time` if a transient is used,
        and `sample_size = total_time` otherwise.

    Notes
    -----
    Trajectories are stacked in the same order as the input initial conditions.
    This is a low-level routine and assumes inputs have already been validated
    by the wrapper.
    """
    num_initial_conditions, system_dimension = u.shape

    if transient_time is None:
        sample_size = total_time
    else:
        sample_size = total_time - transient_time

    trajectories = np.empty(
        (num_initial_conditions * sample_size, system_dimension),
        dtype=np.float64,
    )

    for i in prange(num_initial_conditions):
        trajectory = generate_trajectory(
            u=u[i],
            parameters=parameters,
            total_time=total_time,
            mapping=mapping,
            transient_time=transient_time,
        )
        trajectories[i * sample_size : (i + 1) * sample_size] = trajectory

    return trajectories


# ---- src/pynamicalsys/discrete_time/lyapunov.py (without lyapunov_qr) ----
# lyapunov.py

# Copyright (C) 2025-2026 Matheus Rolim Sales
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# This program is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with this program. If not, see <https://www.gnu.org/licenses/>.


from typing import Callable, Optional, Tuple
import numpy as np
from numba import njit
from numpy.typing import NDArray
# from pynamicalsys.common.types import int_t, numeric_t, map_t, jacobian_t   (pasted above)
# from pynamicalsys.common.linalg import householder_qr   (pasted above)


@njit
def lyapunov_1D(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    mapping: Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.float64]],
    derivative_mapping: Callable,
    sample_times: Optional[NDArray[np.integer]] = None,
    return_history: bool = False,
    transient_time: Optional[int_t] = None,
    log_base: numeric_t = np.e,
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """
    Compute the Lyapunov exponent for a 1-dimensional discrete dynamical system.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial condition of the system. For a 1-dimensional map, `u` must
        be a 1D array with shape `(1,)`.
    parameters : NDArray[np.float64]
        Parameter array passed to `mapping` and `derivative_mapping`.
    total_time : int_t
        Total number of iterations used in the computation.
    mapping : Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.float64]]
        Function defining the time evolution of the system.
    derivative_mapping : Callable
        Function returning the Jacobian of the map. For a 1-dimensional
        system, it must return a `(1, 1)` array containing the derivative
        of the map at the current state.
    sample_times : Optional[NDArray[np.integer]], optional
        Array of iteration times at which the finite-time Lyapunov exponent
        is recorded when `return_history=True`.
    return_history : bool, optional
        If True, return the finite-time Lyapunov exponent evaluated at
        `sample_times`. Otherwise, return only the final exponent estimate.
    transient_time : Optional[int_t], optional
        Number of initial iterations to discard as transient before starting
        the exponent accumulation. If None, no transient is discarded.
    log_base : numeric_t, optional
        Base of the logarithm used in the exponent calculation. Default is `np.e`.

    Returns
    -------
    Tuple[NDArray[np.float64], NDArray[np.float64]]
        - If `return_history=False`, returns:
          - a 1D array with shape `(1,)` containing the final Lyapunov exponent
          - the final state of shape `(1,)`
        - If `return_history=True`, returns:
          - a 1D array with shape `(len(sample_times),)` containing the
            finite-time Lyapunov exponent
          - the final state of shape `(1,)`

    Notes
    -----
    This function is compiled with Numba via `@njit`.
    """
    num_samples = len(sample_times) if sample_times is not None else 0
    log_den = np.log(log_base)
    exponent = 0.0

    sample_size = total_time - (transient_time if transient_time is not None else 0)
    if transient_time is not None:
        for _ in range(transient_time):
            u = mapping(u, parameters)

    history = np.empty(0, dtype=np.float64)
    if return_history and sample_times is not None:
        history = np.zeros(num_samples, dtype=np.float64)

    sample_idx = 0
    for n in range(sample_size):
        u = mapping(u, parameters)
        du = derivative_mapping(u, parameters, mapping)
        exponent += np.log(np.abs(du[0, 0]))

        if (
            return_history
            and sample_times is not None
            and sample_idx < num_samples
            and n + 1 == sample_times[sample_idx]
        ):
            history[sample_idx] = exponent / ((n + 1) * log_den)
            sample_idx += 1

    if return_history:
        return history, u

    return np.array([exponent / (sample_size * log_den)]), u


@njit
def lyapunov_er(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    mapping: map_t,
    jacobian: jacobian_t,
    sample_times: Optional[NDArray[np.integer]] = None,
    return_history: bool = False,
    transient_time: Optional[int_t] = None,
    log_base: numeric_t = np.e,
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """
    Compute the two Lyapunov exponents of a 2-dimensional discrete dynamical
    system using the Eckmann-Ruelle method.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial condition of shape `(2,)`.
    parameters : NDArray[np.float64]
        Parameter array passed to `mapping` and `jacobian`.
    total_time : int_t
        Total number of iterations used in the computation.
    mapping : Callable[[NDArray[np.float64], NDArray[np.float64]], NDArray[np.float64]]
        Function defining the time evolution of the system.
    jacobian : Callable[[NDArray[np.float64], NDArray[np.float64], Callable], NDArray[np.float64]]
        Function returning the Jacobian matrix of shape `(2, 2)`.
    sample_times : Optional[NDArray[np.integer]], optional
        Array of iteration times at which the finite-time Lyapunov exponents
        are recorded when `return_history=True`.
    return_history : bool, optional
        If True, return the finite-time exponent estimates evaluated at
        `sample_times`. Otherwise, return only the final exponent estimates.
        Default is False.
    transient_time : Optional[int_t], optional
        Number of initial iterations to discard as transient before starting
        the exponent accumulation. If None, no transient is discarded.
    log_base : numeric_t, optional
        Base of the logarithm used in the exponent calculation. Default is `np.e`.

    Returns
    -------
    Tuple[NDArray[np.float64], NDArray[np.float64]]
        - If `return_history=False`, returns:
          - a 1D array of shape `(2,)` containing the final Lyapunov exponents
          - the final state of shape `(2,)`
        - If `return_history=True`, returns:
          - a 2D array of shape `(len(sample_times), 2)` containing the
            finite-time Lyapunov exponents
          - the final state of shape `(2,)`

    Raises
    ------
    ValueError
        If `return_history=True` and any value in `sample_times` is greater
        than `total_time - transient_time`.

    Notes
    -----
    This implementation is specific to 2-dimensional maps and uses the
    Eckmann-Ruelle continuous QR-angle formulation.
    """
    neq = len(u)
    num_samples = len(sample_times) if sample_times is not None else 0
    exponents = np.zeros(neq, dtype=np.float64)
    eigvals = np.zeros(neq, dtype=np.float64)
    beta0 = 0.0
    inv_log = 1 / np.log(log_base)

    u = np.ascontiguousarray(u)

    sample_size = total_time - (transient_time if transient_time is not None else 0)
    if transient_time is not None:
        for _ in range(transient_time):
            u = mapping(u, parameters)

    history = np.empty((0, neq), dtype=np.float64)
    if return_history and sample_times is not None:
        history = np.zeros((len(sample_times), neq), dtype=np.float64)

    sample_idx = 0
    for n in range(sample_size):
        u = mapping(u, parameters)
        J = jacobian(u, parameters, mapping)

        cb0, sb0 = np.cos(beta0), np.sin(beta0)
        beta = np.arctan2(
            -J[1, 0] * cb0 + J[1, 1] * sb0,
            J[0, 0] * cb0 - J[0, 1] * sb0,
        )

        cb, sb = np.cos(beta), np.sin(beta)
        eigvals[0] = (J[0, 0] * cb - J[1, 0] * sb) * cb0 - (
            J[0, 1] * cb - J[1, 1] * sb
        ) * sb0
        eigvals[1] = (J[0, 0] * sb + J[1, 0] * cb) * sb0 + (
            J[0, 1] * sb + J[1, 1] * cb
        ) * cb0

        exponents += np.log(np.abs(eigvals))
        beta0 = beta

        if (
            return_history
            and sample_times is not None
            and sample_idx < num_samples
            and n + 1 == sample_times[sample_idx]
        ):
            history[sample_idx, :] = (exponents * inv_log) / (n + 1)
            sample_idx += 1

    if return_history:
        return history, u

    return ((exponents * inv_log) / sample_size).reshape(1, -1), u


@njit
def maximum_lyapunov_er(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    mapping: map_t,
    jacobian: jacobian_t,
    sample_times: Optional[NDArray[np.integer]] = None,
    return_history: bool = False,
    transient_time: Optional[int_t] = None,
    log_base: numeric_t = np.e,
) -> Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """
    Compute the maximum Lyapunov exponent of a 2-dimensional discrete dynamical
    system using the Eckmann-Ruelle method.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial condition of shape `(2,)`.
    parameters : NDArray[np.float64]
        Parameter array passed to `mapping` and `jacobian`.
    total_time : int_t
        Total number of iterations used in the computation.
    mapping : map_t
        Function defining the time evolution of the system.
    jacobian : jacobian_t
        Function returning the Jacobian matrix of shape `(2, 2)`.
    sample_times : Optional[NDArray[np.integer]], optional
        Array of iteration times at which the finite-time maximum Lyapunov
        exponent is recorded when `return_history=True`.
    return_history : bool, optional
        If True, return the finite-time maximum Lyapunov exponent evaluated
        at `sample_times`. Otherwise, return only the final exponent estimate.
    transient_time : Optional[int_t], optional
        Number of initial iterations to discard as transient before starting
        the exponent accumulation. If None, no transient is discarded.
    log_base : numeric_t, optional
        Base of the logarithm used in the exponent calculation. Default is `np.e`.

    Returns
    -------
    Tuple[NDArray[np.float64], NDArray[np.float64]]
        - If `return_history=False`, returns:
          - a 1D array with shape `(1,)` containing the final maximum
            Lyapunov exponent
          - the final state of shape `(2,)`
        - If `return_history=True`, returns:
          - a 1D array with shape `(len(sample_times),)` containing the
            finite-time maximum Lyapunov exponent
          - the final state of shape `(2,)`

    Notes
    -----
    This implementation is specific to 2-dimensional maps and uses the
    Eckmann-Ruelle continuous QR-angle formulation.
    """
    exponent = 0.0
    beta0 = 0.0
    eigval = 0.0
    log_den = np.log(log_base)

    u = np.ascontiguousarray(u)
    num_samples = len(sample_times) if sample_times is not None else 0

    sample_size = total_time - (transient_time if transient_time is not None else 0)
    if transient_time is not None:
        for _ in range(transient_time):
            u = mapping(u, parameters)

    history = np.empty(0, dtype=np.float64)
    if return_history and sample_times is not None:
        history = np.zeros(num_samples, dtype=np.float64)

    sample_idx = 0
    for n in range(sample_size):
        u = mapping(u, parameters)
        J = jacobian(u, parameters, mapping)

        cb0, sb0 = np.cos(beta0), np.sin(beta0)
        beta = np.arctan2(
            -J[1, 0] * cb0 + J[1, 1] * sb0,
            J[0, 0] * cb0 - J[0, 1] * sb0,
        )

        cb, sb = np.cos(beta), np.sin(beta)
        eigval = (J[0, 0] * cb - J[1, 0] * sb) * cb0 - (
            J[0, 1] * cb - J[1, 1] * sb
        ) * sb0

        exponent += np.log(np.abs(eigval))
        beta0 = beta

        if (
            return_history
            and sample_times is not None
            and sample_idx < num_samples
            and n + 1 == sample_times[sample_idx]
        ):
            history[sample_idx] = exponent / ((n + 1) * log_den)
            sample_idx += 1

    if return_history:
        return history, u

    return np.array([exponent / (sample_size * log_den)]), u


def finite_time_lyapunov(
    u: NDArray[np.float64],
    parameters: NDArray[np.float64],
    total_time: int_t,
    finite_time: int_t,
    mapping: map_t,
    jacobian: jacobian_t,
    num_exponents: int,
    method: str = "QR",
    transient_time: Optional[int_t] = None,
    log_base: numeric_t = np.e,
    return_points: bool = False,
) -> NDArray[np.float64] | Tuple[NDArray[np.float64], NDArray[np.float64]]:
    """
    Compute finite-time Lyapunov exponents for a discrete dynamical system.

    The trajectory is divided into consecutive non-overlapping windows of
    length `finite_time`, and Lyapunov exponents are computed independently
    in each window.

    Parameters
    ----------
    u : NDArray[np.float64]
        Initial condition of shape `(neq,)`, where `neq` is the system dimension.
    parameters : NDArray[np.float64]
        Parameter array passed to `mapping` and `jacobian`.
    total_time : int_t
        Total number of iterations used in the computation.
    finite_time : int_t
        Length of each finite-time window.
    mapping : map_t
        Function defining the time evolution of the system.
    jacobian : jacobian_t
        Function returning the Jacobian matrix of the map.
    num_exponents : int_t
        Number of Lyapunov exponents to compute in each window.
    method : str, optional
        Method used to compute the exponents:
        - `"ER"`: Eckmann-Ruelle method
        - `"QR"`: QR decomposition
        - `"QR_HH"`: Householder QR decomposition

        Default is `"QR"`.
    transient_time : Optional[int_t], optional
        Number of initial iterations to discard before starting the
        finite-time analysis. If None, no transient is discarded.
    log_base : numeric_t, optional
        Base of the logarithm used in the exponent calculation.
        Default is `np.e`.
    return_points : bool, optional
        If True, also return the phase-space point at the beginning of each
        finite-time window. Default is False.

    Returns
    -------
    NDArray[np.float64] or Tuple[NDArray[np.float64], NDArray[np.float64]]
        - If `return_points=False`, returns a 2D array of shape
          `(num_windows, num_exponents)` containing the finite-time
          Lyapunov exponents.
        - If `return_points=True`, returns:
          - `exponents`: 2D array of shape `(num_windows, num_exponents)`
          - `phase_space_points`: 2D array of shape `(num_windows, neq)`
            containing the phase-space point at the beginning of each window

        Here,
        `num_windows = (total_time - transient_time) // finite_time`.

    Raises
    ------
    ValueError
        If `finite_time` is greater than the number of available iterations
        after removing the transient, or if `method` is not `"ER"`, `"QR"`,
        or `"QR_HH"`.
        Also raised if `method="ER"` and `num_exponents` is not compatible
        with a 2-dimensional system.

    Notes
    -----
    The finite-time exponents are computed over consecutive non-overlapping
    windows, so each row of the output corresponds to one independent
    finite-time estimate along the trajectory.
    """
    method = method.upper()

    sample_size = total_time - (transient_time if transient_time is not None else 0)
    if transient_time is not None:
        for _ in range(transient_time):
            u = mapping(u, parameters)

    if finite_time > sample_size:
        raise ValueError(
            f"finite_time ({finite_time}) exceeds available samples ({sample_size})"
        )

    neq = len(u)

    if method == "ER":
        if neq != 2:
            raise ValueError("method='ER' is only valid for 2-dimensional systems")
        if num_exponents < 1 or num_exponents > 2:
            raise ValueError("For method='ER', num_exponents must be 1 or 2")
    elif method not in ("QR", "QR_HH"):
        raise ValueError("method must be 'ER', 'QR', or 'QR_HH'")

    num_windows = sample_size // finite_time
    exponents = np.zeros((num_windows, num_exponents), dtype=np.float64)
    phase_space_points = np.zeros((num_windows, neq), dtype=np.float64)

    for i in range(num_windows):
        phase_space_points[i] = u

        if method == "ER":
            if num_exponents == 1:
                window_exponents, u_new = maximum_lyapunov_er(
                    u,
                    parameters,
                    finite_time,
                    mapping,
                    jacobian,
                    log_base=log_base,
                )
            else:
                window_exponents, u_new = lyapunov_er(
                    u,
                    parameters,
                    finite_time,
                    mapping,
                    jacobian,
                    log_base=log_base,
                )
        elif method == "QR":
            window_exponents, u_new = lyapunov_qr(
                u,
                parameters,
                finite_time,
                mapping,
                jacobian,
                num_exponents,
                log_base=log_base,
            )
        else:  # method == "QR_HH"
            window_exponents, u_new = lyapunov_qr(
                u,
                parameters,
                finite_time,
                mapping,
                jacobian,
                num_exponents,
                QR=householder_qr,
                log_base=log_base,
            )

        exponents[i] = window_exponents.ravel()
        u = u_new.copy()

    if return_points:
        return exponents, phase_space_points
    return exponents


# ---- harness (not part of the program) ----
ENTRY = "pynamicalsys_maps"


def pynamicalsys_maps(M):
    res = {}
    maps = [
        ("standard", standard_map, standard_map_backwards, standard_map_jacobian, np.array([1.3]), np.array([0.2, 0.35])),
        ("unbounded1", unbounded_standard_map, None, None, np.array([0.9]), np.array([0.1, 0.2])),
        ("unbounded2", unbounded_standard_map, None, None, np.array([0.9, 0.05]), np.array([0.1, 0.2])),
        ("nontwist", standard_nontwist_map, standard_nontwist_map_backwards, standard_nontwist_map_jacobian, np.array([0.615, 0.4]), np.array([0.3, -0.2])),
        ("ext_nontwist", extended_standard_nontwist_map, extended_standard_nontwist_map_backwards, extended_standard_nontwist_map_jacobian, np.array([0.6, 0.3, 0.1, 3.0]), np.array([0.25, 0.1])),
        ("leonel", leonel_map, leonel_map_backwards, leonel_map_jacobian, np.array([0.05, 1.0]), np.array([1.0, 2.5])),
        ("symplectic4d", symplectic_map_4D, symplectic_map_4D_backwards, symplectic_map_4D_jacobian, np.array([0.5, 0.1, 0.001]), np.array([0.5, 0.2, 1.5, 0.3])),
        ("henon", henon_map, None, henon_map_jacobian, np.array([1.4, 0.3]), np.array([0.1, 0.1])),
        ("lozi", lozi_map, None, lozi_map_jacobian, np.array([1.7, 0.5]), np.array([-0.1, 0.1])),
        ("logistic", logistic_map, None, logistic_map_jacobian, np.array([3.9]), np.array([0.3])),
        ("rulkov", rulkov_map, None, rulkov_map_jacobian, np.array([4.2, -1.0, 0.001]), np.array([-1.0, -3.5])),
    ]
    for name, f, fb, jac, p, u0 in maps:
        traj = generate_trajectory(u0, p, 40, f)
        res[name + "_traj"] = traj
        res[name + "_traj_transient"] = generate_trajectory(u0, p, 40, f, 25)
        res[name + "_iterate"] = iterate_mapping(u0, p, 17, f)
        if fb is not None:
            res[name + "_back"] = np.array([fb(traj[i], p) for i in range(5)])
        if jac is not None:
            res[name + "_jac"] = [jac(traj[i], p, f) for i in range(3)]
    ens = np.array([[0.1 * i, 0.05 + 0.07 * i] for i in range(6)])
    res["ensemble"] = ensemble_trajectories(ens, np.array([1.1]), 30, standard_map)
    res["ensemble_transient"] = ensemble_trajectories(ens, np.array([1.4, 0.3]), 30, henon_map, 10)
    st = np.array([10, 50, 100, 200])
    res["lyap_logistic"] = lyapunov_1D(np.array([0.3]), np.array([3.9]), 200, logistic_map, logistic_map_jacobian)
    res["lyap_logistic_hist"] = lyapunov_1D(np.array([0.3]), np.array([4.0]), 300, logistic_map, logistic_map_jacobian, sample_times=st, return_history=True, transient_time=100, log_base=2.0)
    res["lyap_henon"] = lyapunov_er(np.array([0.1, 0.1]), np.array([1.4, 0.3]), 400, henon_map, henon_map_jacobian)
    res["lyap_henon_hist"] = lyapunov_er(np.array([0.1, 0.1]), np.array([1.4, 0.3]), 300, henon_map, henon_map_jacobian, st, True, 100)
    res["mle_standard"] = maximum_lyapunov_er(np.array([0.2, 0.35]), np.array([1.3]), 300, standard_map, standard_map_jacobian)
    res["mle_standard_hist"] = maximum_lyapunov_er(np.array([0.2, 0.35]), np.array([6.0]), 250, standard_map, standard_map_jacobian, sample_times=st, return_history=True, transient_time=50, log_base=10.0)
    res["ftle_er2"] = finite_time_lyapunov(np.array([0.1, 0.1]), np.array([1.4, 0.3]), 200, 40, henon_map, henon_map_jacobian, 2, method="er", transient_time=20, return_points=True)
    res["ftle_er1"] = finite_time_lyapunov(np.array([0.2, 0.35]), np.array([1.3]), 150, 30, standard_map, standard_map_jacobian, 1, method="ER")
    res["qr"] = qr(M)
    res["householder_qr"] = householder_qr(M)
    res["qr_truncate"] = qr_truncate(M, 2, qr)
    res["qr_truncate_hh"] = qr_truncate(M, 3, householder_qr)
    try:
        qr(M.T.copy())
        res["qr_wide"] = "no error"
    except ValueError as e:
        res["qr_wide"] = str(e)
    return res


def inputs():
    i = np.arange(5)[:, None]
    j = np.arange(3)[None, :]
    M = np.cos(1.3 * i + 0.7 * j) + 2.0 * (i == j)
    return (M,)
