# Source: radis/radis radis/misc/arrays.py (at commit b77cd759)
# Licence: LGPL-3.0 (RADIS, pyproject.toml at commit 059b84a7: license = "GNU Lesser General Public License v3 (LGPLv3)"; Erwan Pannier)
# Notes: the sparse "add-at" of line intensities onto a wavenumber grid in RADIS, a line-by-line code for high-resolution infrared molecular spectra (spectroscopy): sparse_add_at (@numba.njit with an eager Tuple((int64[:, :], float64[:]))(int32[:], float64[:], float64[:], float64[:], int64, int64) signature, cache=True) asserts with the jitted is_sorted helper that the line positions are sorted, starts from an empty list of int tuples typed by a list comprehension over range(0), walks the lines adding weighted intensities at ki0 and ki0 + 1, opening and closing (start, end) ranges of non-zero grid points padded by the truncation width with max/min, compares the last tuple with != before the final append, and returns np.array of the tuple list (an N x 2 int64 array) with the intensity array. Pasted: the numba, numpy and numba type imports and is_sorted and sparse_add_at verbatim (left out: the rest of the module, plain-Python array helpers and other jitted range utilities that sparse_add_at does not call, and the scipy and math imports only they use). The harness passes what the sparse LDM broadening step passes: 400 sorted int32 grid indices of spectral lines on a 6000-point grid, their float64 intensities split between the two neighbouring points (Iv0, Iv1) with lineshape weights, max_range = 6000 and truncation_pts = 40
import numba
import numpy as np
from numba import bool_, float64, int32, int64


@numba.njit
def is_sorted(a):
    """Returns whether ``a`` is sorted in ascending order.

    From B.M. answer on StackOverflow: https://stackoverflow.com/a/47004533/5622825

    See Also
    --------

    :func:`~radis.misc.arrays.is_sorted_backward`
    """
    for i in range(a.size - 1):
        if a[i + 1] < a[i]:
            return False
    return True


@numba.njit(
    numba.types.Tuple((int64[:, :], float64[:]))(
        int32[:], float64[:], float64[:], float64[:], int64, int64
    ),
    cache=True,
)
def sparse_add_at(ki0, Iv0, Iv1, weight, max_range, truncation_pts):
    """Returns (start, stop) of non-zero ranges, and intensity ``I`` (length
    ``truncation_pts``) for all line intensities ``Iv0`` and ``Iv1`` at position ``ki0``
    and ``ki0+1`` with weights ``weight``

    .. warning::
        ``ki0`` must be sorted.
    """
    assert is_sorted(ki0)
    I = np.zeros(max_range)
    L = [
        (0, 0) for k in range(0)
    ]  # empty list; helps Numba infer type. See https://numba.pydata.org/numba-doc/0.41.0/user/troubleshoot.html#my-code-has-an-untyped-list-problem
    n = truncation_pts

    # initiate start
    pos = ki0[0]
    start = max(pos - n, 0)
    end = max_range  # will be rewritten in the first call of the loop

    # Loop over all lines :
    for i in range(len(ki0)):
        pos = ki0[i]

        # Adjust range:
        if pos > end:
            # close the previous range:
            L.append((start, end))
            # reopen new range as `[pos-n, pos+n]`:
            start = max(pos - n, 0)
            end = min(
                pos + 2 + n, max_range
            )  # TODO:  +2 because line is added on ki0 and ki0+1
        else:
            # we're in the middle of a range:
            # keep the start, move the end
            end = min(pos + 2 + n, max_range)

        # Sum intensity  (equivalent of "add-at")
        I[pos] += Iv0[i] * weight[i]
        I[pos + 1] += Iv1[i] * weight[i]
    # final close:
    if len(L) == 0 or L[-1] != (start, end):
        L.append((start, end))

    return np.array(L), I
# ---- harness (not part of the program) ----
ENTRY = "sparse_add_at"


def inputs():
    # 400 lines at sorted positions on a 6000-point wavenumber grid, their
    # intensities split linearly between the two nearest grid points
    rng = np.random.default_rng(0)
    n_lines, max_range = 400, 6000
    wav = np.sort(rng.uniform(0.0, max_range - 2.0, n_lines))
    ki0 = np.floor(wav).astype(np.int32)
    frac = wav - ki0
    S = 10.0 ** rng.uniform(-3.0, 0.0, n_lines)
    Iv0 = S * (1.0 - frac)
    Iv1 = S * frac
    weight = rng.uniform(0.2, 1.0, n_lines)
    return (ki0, Iv0, Iv1, weight, max_range, 40)
