# Source: johannfaouzi/pyts pyts/decomposition/_ssa.py
# Licence: BSD-3-Clause (pyts; the file header: "License: BSD-3-Clause", Author: Johann Faouzi)
# Notes: singular spectrum analysis reconstruction, fused (SingularSpectrumAnalysis._transform's jitted core): an eager signature string split over two literals with a C-contiguous float64[:,:,::1] argument among layout-A ones, a list of (int, int) tuples built by two list comprehensions and joined with +, prange over samples without parallel=True, np.dot of np.transpose(v[i]).copy() and a 3-D slice, per-group `buffer += m * np.outer(v[i, :, j], y[j])`, a conditional transposed copy, `for j, k in indices`, and `np.diag(buffer_t[:, ::-1], gap - j - k - 1).mean()` (an offset diagonal of a reversed view) stored into a 3-D output; numpy.typing annotations. The SingularSpectrumAnalysis class and the imports only it uses (itertools, math.ceil, typing.Self, joblib, sklearn, pyts._base, pyts.utils._utils._windowed_view) left out; inputs() prepares the arguments as _transform does for window_size=6 and groups=3 (windowed view, np.linalg.eigh of X_window @ X_window^T with the eigenvectors reversed as a non-contiguous view, and the membership array of _grouping)
"""Code for Singular Spectrum Analysis."""

# Author: Johann Faouzi <johann.faouzi@gmail.com>
# License: BSD-3-Clause

import numpy as np
import numpy.typing as npt
from numba import njit, prange


@njit(
    "float64[:,:,:](float64[:,:,:], float64[:,:,::1], float64[:,:,:], "
    "int64, int64, int64, int64, int64)"
)
def _ssa_fused(
    v: npt.NDArray[np.float64],
    X_window: npt.NDArray[np.float64],
    membership: npt.NDArray[np.float64],
    n_samples: int,
    n_timestamps: int,
    window_size: int,
    n_windows: int,
    grouping_size: int,
) -> npt.NDArray[np.float64]:
    """Fuse the outer-product/grouping/diagonal-averaging pipeline.

    An unfused pipeline (computing each elementary matrix via an
    outer-product/dot, summing them per group, then diagonally averaging
    each group) would build the full
    ``(n_samples, window_size, window_size, n_windows)`` stack of
    elementary matrices -- one ``outer(v[:, j], v[:, j]) @ X_window`` per
    component ``j`` -- which is cubic in the input size and is the
    dominant peak-memory cost of ``SingularSpectrumAnalysis``. Since
    ``outer(v[:, j], v[:, j]) @ X_window == outer(v[:, j], y[j])`` with
    ``y = v.T @ X_window``, elementary component ``j`` is a rank-1 outer
    product; summing the components of one group is therefore computed
    directly into a single ``(window_size, n_windows)`` buffer (reused
    across groups) instead of ever holding all ``window_size`` components
    at once, and that buffer is diagonally averaged into its
    ``(n_timestamps,)`` output row immediately, before moving to the next
    group. ``membership[i, g, j]`` is 1 if elementary component ``j``
    belongs to group ``g`` for sample ``i``, 0 otherwise -- see
    ``SingularSpectrumAnalysis._grouping``.
    """
    if window_size >= n_windows:
        gap = window_size
    else:
        gap = n_windows
    first_row = [(0, col) for col in range(n_windows)]
    last_col = [(row, n_windows - 1) for row in range(1, window_size)]
    indices = first_row + last_col
    X_new = np.empty((n_samples, grouping_size, n_timestamps))
    for i in prange(n_samples):
        # Shared by every group: elementary component j is
        # outer(v[i, :, j], y[j]). ``.copy()`` makes the transposed
        # array contiguous, which BLAS needs to avoid falling back to a
        # slower path (the copy itself is cheap: it is only
        # (window_size, window_size), not the cubic elementary-matrix
        # stack).
        y = np.dot(np.transpose(v[i]).copy(), X_window[i])
        for g in range(grouping_size):
            buffer = np.zeros((window_size, n_windows))
            for j in range(window_size):
                m = membership[i, g, j]
                if m != 0.0:
                    buffer += m * np.outer(v[i, :, j], y[j])
            if window_size >= n_windows:
                buffer_t = np.transpose(buffer).copy()
            else:
                buffer_t = buffer
            for j, k in indices:
                X_new[i, g, j + k] = np.diag(
                    buffer_t[:, ::-1], gap - j - k - 1
                ).mean()
    return X_new

# ---- harness (not part of the program) ----
ENTRY = "_ssa_fused"


def inputs():
    # 5 series of length 48 (trend + two periodic parts + noise),
    # window_size=6, groups=3: the arguments SingularSpectrumAnalysis._transform
    # passes to _ssa_fused
    rng = np.random.default_rng(0)
    n_samples, n_timestamps, window_size, groups = 5, 48, 6, 3
    t = np.arange(n_timestamps)
    X = (0.05 * t[None, :] * rng.uniform(0.5, 1.5, (n_samples, 1))
         + np.sin(2 * np.pi * t / 12)[None, :]
         + 0.5 * np.cos(2 * np.pi * t / 5)[None, :]
         + 0.2 * rng.standard_normal((n_samples, n_timestamps)))
    n_windows = n_timestamps - window_size + 1
    X_window = np.transpose(
        np.lib.stride_tricks.sliding_window_view(X, window_size, axis=1),
        axes=(0, 2, 1)).copy()
    X_tranpose = np.matmul(X_window, np.transpose(X_window, axes=(0, 2, 1)))
    w, v = np.linalg.eigh(X_tranpose)
    v = v[:, :, ::-1]
    grouping = np.linspace(0, window_size, groups + 1).astype('int64')
    grouping_size = len(grouping) - 1
    membership = np.zeros((n_samples, grouping_size, window_size))
    for i in range(grouping_size):
        membership[:, i, grouping[i]:grouping[i + 1]] = 1.0
    return (v, X_window, membership, n_samples, n_timestamps, window_size,
            n_windows, grouping_size)
