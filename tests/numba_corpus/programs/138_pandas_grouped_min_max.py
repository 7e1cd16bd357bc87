# Source: pandas-dev/pandas pandas/core/_numba/kernels/min_max_.py
# Licence: BSD-3-Clause (pandas)
# Notes: the groupby min/max kernel of pandas' numba engine: per-group running max over values with integer group labels (negative labels skipped), NaN skipping with a skipna default, values.dtype.kind compared with a string, an np.dtype argument used as dtype=, a list of the groups below min_periods built with append from `for lab, count in enumerate(nobs)`, returned with the output as a tuple; plain @numba.jit(nogil=True, parallel=False) (no nopython=), `from __future__ import annotations` with PEP 604/585 annotations; the file's sliding-window kernels (bisect_left, sliding_min_max) are left out
from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
)

import numba
import numpy as np

if TYPE_CHECKING:
    from pandas._typing import npt


@numba.jit(nogil=True, parallel=False)
def grouped_min_max(
    values: np.ndarray,
    result_dtype: np.dtype,
    labels: npt.NDArray[np.intp],
    ngroups: int,
    min_periods: int,
    is_max: bool,
    skipna: bool = True,
) -> tuple[np.ndarray, list[int]]:
    N = len(labels)
    nobs = np.zeros(ngroups, dtype=np.int64)
    na_pos = []
    output = np.empty(ngroups, dtype=result_dtype)

    for i in range(N):
        lab = labels[i]
        val = values[i]
        if lab < 0 or (not skipna and nobs[lab] >= 1 and np.isnan(output[lab])):
            continue

        if values.dtype.kind == "i" or not np.isnan(val):
            nobs[lab] += 1
        else:
            if not skipna:
                # If skipna is False and we encounter a NaN,
                # both min and max of the group will be NaN
                output[lab] = np.nan
            continue

        if nobs[lab] == 1:
            # First element in group, set output equal to this
            output[lab] = val
            continue

        if is_max:
            if val > output[lab]:
                output[lab] = val
        elif val < output[lab]:
            output[lab] = val

    # Set labels that don't satisfy min_periods as np.nan
    for lab, count in enumerate(nobs):
        if count < min_periods:
            na_pos.append(lab)

    return output, na_pos

# ---- harness (not part of the program) ----
ENTRY = "grouped_min_max"


def inputs():
    # df.groupby(key).max(engine="numba", min_count=2): float64 values
    # with NaNs, intp group codes (-1 for a missing key), 12 groups of
    # which group 11 has a single row (so it lands in na_pos)
    rng = np.random.default_rng(0)
    n = 500
    values = rng.normal(size=n)
    values[rng.random(n) < 0.1] = np.nan
    labels = rng.integers(0, 11, size=n).astype(np.intp)
    labels[rng.random(n) < 0.05] = -1
    labels[7] = 11
    values[7] = 1.5
    return (values, np.dtype(np.float64), labels, 12, 2, True)
