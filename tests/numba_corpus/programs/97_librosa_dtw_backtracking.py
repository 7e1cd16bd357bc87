# Source: librosa/librosa librosa/sequence.py
# Licence: ISC (librosa, LICENSE.md; Copyright (c) 2015, librosa development team)
# Notes: DTW warping-path backtracking (__dtw_backtracking, called by librosa.sequence.dtw): an Optional[int] argument left at None, a tuple index compared with (0, 0), min() of a tuple, uint32 step sizes subtracted from int indices, a list of tuples returned (the module's other imports, used only by its non-jitted functions, left out)
from __future__ import annotations

from typing import Any, Iterable, List, Optional, Tuple, Union, overload

import numpy as np
from numba import jit


@jit(nopython=True, cache=True)  # type: ignore
def __dtw_backtracking(
    steps: np.ndarray,
    step_sizes_sigma: np.ndarray,
    subseq: bool,
    start: Optional[int] = None,
) -> List[Tuple[int, int]]:  # pragma: no cover
    """Backtrack optimal warping path.

    Uses the saved step sizes from the cost accumulation
    step to backtrack the index pairs for an optimal
    warping path.

    Parameters
    ----------
    steps : np.ndarray [shape=(N, M)]
        Step matrix, containing the indices of the used steps from the cost
        accumulation step.
    step_sizes_sigma : np.ndarray [shape=[n, 2]]
        Specifies allowed step sizes as used by the dtw.
    subseq : bool
        Enable subsequence DTW, e.g., for retrieval tasks.
    start : int
        Start column index for backtraing (only allowed for ``subseq=True``)

    Returns
    -------
    wp : list [shape=(N,)]
        Warping path with index pairs.
        Each list entry contains an index pair
        (n, m) as a tuple

    See Also
    --------
    dtw
    """
    if start is None:
        cur_idx = (steps.shape[0] - 1, steps.shape[1] - 1)
    else:
        cur_idx = (steps.shape[0] - 1, start)

    wp = []
    # Set starting point D(N, M) and append it to the path
    wp.append((cur_idx[0], cur_idx[1]))

    # Loop backwards.
    # Stop criteria:
    # Setting it to (0, 0) does not work for the subsequence dtw,
    # so we only ask to reach the first row of the matrix.

    while (subseq and cur_idx[0] > 0) or (not subseq and cur_idx != (0, 0)):
        cur_step_idx = steps[(cur_idx[0], cur_idx[1])]

        # save tuple with minimal acc. cost in path
        cur_idx = (
            cur_idx[0] - step_sizes_sigma[cur_step_idx][0],
            cur_idx[1] - step_sizes_sigma[cur_step_idx][1],
        )

        # If we run off the side of the cost matrix, break here
        if min(cur_idx) < 0:
            break

        # append to warping path
        wp.append((cur_idx[0], cur_idx[1]))

    return wp

# ---- harness (not part of the program) ----
ENTRY = "__dtw_backtracking"


def inputs():
    # a step matrix as dtw() builds it (int32, first row 1 = left, first
    # column 2 = up, elsewhere the index of the chosen step) with dtw's
    # default steps [[1, 1], [0, 1], [1, 0]] as uint32; subseq=False
    rng = np.random.default_rng(0)
    steps = rng.integers(0, 3, size=(120, 150)).astype(np.int32)
    steps[0, :] = 1
    steps[:, 0] = 2
    step_sizes_sigma = np.array([[1, 1], [0, 1], [1, 0]], dtype=np.uint32)
    return (steps, step_sizes_sigma, False)
