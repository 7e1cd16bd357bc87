# Source: hyriver/hydrosignatures src/hydrosignatures/baseflow.py (at commit 3311d011)
# Licence: MIT (HyRiver hydrosignatures, the project's LICENSE as published on GitHub; Taher Chegini)
# Notes: baseflow separation with the Lyne-Hollick recursive digital filter for streamflow signatures (hydrology): the decorator is ngjit = functools.partial(njit, nogil=True), set up in a try block that also sets numba.config.THREADING_LAYER, and used as @ngjit() and @ngjit(parallel=True); __forward_pass and __backward_pass run the filter forwards and backwards over a 1-D series (np.zeros_like, np.min, a reversed range, a conditional expression per element); __batch_forward and __batch_backward apply them to each row of a 2-D array in a prange loop, assigning whole rows (qb[i] = ...); _pad_array edge-pads a 1-D array with three slice assignments (one with a negative start, one with a negative stop). Pasted: the module's docstring, __future__ annotations and imports (pandas, xarray, scipy and the package's exceptions left out: none of the pasted functions use them), the numba try/except block, EPS, the TYPE_CHECKING block (never executed) and five jitted functions; left out: the Python front ends, the recession-curve fitting and the jitted _recession_segments (it calls np.isclose, which the installed Numba 0.56 does not support); the harness does what baseflow() does for a 2-D discharge array (edge padding by 10 with np.pad, __batch_forward, then one backward-forward pass pair for n_passes=3, trimming and clipping at 0) on 3 years of synthetic daily streamflow at 3 gauges (storm pulses with exponential recessions on a seasonal baseflow), and pads one series with _pad_array
"""Function for computing hydrologic signature."""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING, Any, Callable, Literal, TypeVar, Union, cast

import numpy as np
import numpy.typing as npt

try:
    from numba import config as numba_config
    from numba import njit, prange

    ngjit = functools.partial(njit, nogil=True)  # pyright: ignore[reportAssignmentType]
    numba_config.THREADING_LAYER = "workqueue"  # pyright: ignore[reportAttributeAccessIssue]
    has_numba = True
except ImportError:
    has_numba = False
    prange = range

    T = TypeVar("T")
    Func = Callable[..., T]

    def ngjit(parallel: bool = False) -> Callable[[Func[T]], Func[T]]:
        def decorator_njit(func: Func[T]) -> Func[T]:
            @functools.wraps(func)
            def wrapper_decorator(*args: tuple[Any, ...], **kwargs: dict[str, Any]) -> T:
                return func(*args, **kwargs)

            return wrapper_decorator

        return decorator_njit


EPS = np.float64(1e-6)
if TYPE_CHECKING:
    FloatArray = npt.NDArray[np.floating]
    ArrayVar = TypeVar("ArrayVar", pd.Series, pd.DataFrame, FloatArray, xr.DataArray)
    ArrayLike = Union[pd.Series, pd.DataFrame, FloatArray, xr.DataArray]

__all__ = [
    "baseflow",
    "baseflow_index",
    "baseflow_recession",
]


@ngjit()
def _pad_array(arr: FloatArray, pad_width: int) -> FloatArray:
    padded_arr = np.empty(len(arr) + 2 * pad_width, dtype=arr.dtype)
    padded_arr[:pad_width] = arr[0]
    padded_arr[pad_width:-pad_width] = arr
    padded_arr[-pad_width:] = arr[-1]
    return padded_arr


@ngjit()
def __forward_pass(q: FloatArray, alpha: np.float64) -> FloatArray:
    """Perform forward pass of the Lyne and Hollick filter."""
    qb = np.zeros_like(q)
    qb[0] = q[0] - np.min(q)  # initial condition, see Su et al. (2016)
    for i in range(1, q.size):
        qb[i] = alpha * qb[i - 1] + 0.5 * (1 + alpha) * (q[i] - q[i - 1])

    for i in range(q.size):
        qb[i] = q[i] - qb[i] if qb[i] > 0 else q[i]
    return qb


@ngjit(parallel=True)
def __batch_forward(q: FloatArray, alpha: np.float64) -> FloatArray:
    """Perform forward pass of the Lyne and Hollick filter."""
    qb = np.zeros_like(q)
    for i in prange(q.shape[0]):
        qb[i] = __forward_pass(q[i], alpha)
    return qb


@ngjit()
def __backward_pass(q: FloatArray, alpha: np.float64) -> FloatArray:
    """Perform backward pass of the Lyne and Hollick filter."""
    qf = np.zeros_like(q)
    qf[-1] = q[-1] - np.min(q)  # initial condition, see Su et al. (2016)
    for i in range(q.size - 2, -1, -1):
        qf[i] = alpha * qf[i + 1] + 0.5 * (1 + alpha) * (q[i] - q[i + 1])

    for i in range(qf.shape[0]):
        qf[i] = q[i] - qf[i] if qf[i] > 0 else q[i]
    return qf


@ngjit(parallel=True)
def __batch_backward(q: FloatArray, alpha: np.float64) -> FloatArray:
    """Perform forward pass of the Lyne and Hollick filter."""
    qb = np.zeros_like(q)
    for i in prange(q.shape[0]):
        qb[i] = __backward_pass(q[i], alpha)
    return qb
# ---- harness (not part of the program) ----
ENTRY = "run_baseflow"


def run_baseflow(discharge):
    alpha_ = np.float64(0.925)
    pad_width = 10
    n_passes = 3
    q = np.apply_along_axis(np.pad, 1, discharge, pad_width, "edge")
    qb = __batch_forward(q, alpha_)
    passes = round(0.5 * (n_passes - 1))
    for _ in range(passes):
        qb = __batch_forward(__batch_backward(qb, alpha_), alpha_)
    qb = np.ascontiguousarray(qb[:, pad_width:-pad_width])
    qb[qb < 0] = 0.0
    padded = _pad_array(discharge[0], pad_width)
    return qb, padded


def inputs():
    rng = np.random.default_rng(0)
    n_days, n_gauges = 3 * 365, 3
    t = np.arange(n_days)
    discharge = np.empty((n_gauges, n_days))
    for g in range(n_gauges):
        base = 2.0 + g + 1.0 * np.sin(2 * np.pi * t / 365.0 + g)
        quick = np.zeros(n_days)
        storms = np.sort(rng.choice(n_days, 25, replace=False))
        for s in storms:
            peak = rng.uniform(5.0, 30.0)
            k = rng.uniform(0.05, 0.3)
            quick[s:] += peak * np.exp(-k * (t[s:] - s))
        discharge[g] = base + quick
    return (discharge,)
