# Source: QuantEcon/QuantEcon.py quantecon/_gridtools.py (simplex_grid, num_compositions_jit); comb_jit from quantecon/util/numba.py
# Licence: MIT (QuantEcon.py, LICENSE; Copyright (c) 2013-2024 Thomas J. Sargent and John Stachurski)
# Notes: the integer points of the (m-1)-simplex (the m-part compositions of n) in lexicographic order, with the row count from a jitted binomial coefficient (comb_jit: integer // and overflow checks against np.iinfo(np.intp).max) and a raise ValueError on overflow; comb_jit's signature is built from numba.types. comb_jit, imported from .util.numba, is copied in with the two imports it uses (that file's other imports serve only its LAPACK helper); scipy.special, used only by the non-jitted num_compositions, left out
import numpy as np
from numba import jit, types


@jit(types.intp(types.intp, types.intp), nopython=True, cache=True)
def comb_jit(N, k):
    """
    Numba jitted function that computes N choose k. Return `0` if the
    outcome exceeds the maximum value of `np.intp` or if N < 0, k < 0,
    or k > N.

    Parameters
    ----------
    N : scalar(int)

    k : scalar(int)

    Returns
    -------
    val : scalar(int)

    Notes
    -----
    The overflow boundary ``np.iinfo(np.intp).max`` is platform-dependent:
    2³¹−1 on wasm32 (JupyterLite/xeus-python) and 2⁶³−1 on 64-bit
    platforms. The result is an array size or rank, so ``np.intp`` is the
    correct width on every platform.

    """
    # From scipy.special._comb_int_long
    # github.com/scipy/scipy/blob/v1.0.0/scipy/special/_comb.pyx
    INTP_MAX = np.iinfo(np.intp).max
    if N < 0 or k < 0 or k > N:
        return 0
    if k == 0:
        return 1
    if k == 1:
        return N
    if N == INTP_MAX:
        return 0

    M = N + 1
    nterms = min(k, N - k)

    val = 1

    for j in range(1, nterms + 1):
        # Overflow check
        if val > INTP_MAX // (M - j):
            return 0

        val *= M - j
        val //= j

    return val


# quantecon/_gridtools.py
from numba import jit, njit


_msg_max_size_exceeded = 'Maximum allowed size exceeded'


@jit(nopython=True, cache=True)
def simplex_grid(m, n):
    r"""
    Construct an array consisting of the integer points in the
    (m-1)-dimensional simplex :math:`\{x \mid x_0 + \cdots + x_{m-1} = n
    \}`, or equivalently, the m-part compositions of n, which are listed
    in lexicographic order. The total number of the points (hence the
    length of the output array) is L = (n+m-1)!/(n!*(m-1)!) (i.e.,
    (n+m-1) choose (m-1)).

    Parameters
    ----------
    m : scalar(int)
        Dimension of each point. Must be a positive integer.

    n : scalar(int)
        Number which the coordinates of each point sum to. Must be a
        nonnegative integer.

    Returns
    -------
    out : ndarray(int, ndim=2)
        Array of shape (L, m) containing the integer points in the
        simplex, aligned in lexicographic order.

    Notes
    -----
    A grid of the (m-1)-dimensional *unit* simplex with n subdivisions
    along each dimension can be obtained by `simplex_grid(m, n) / n`.

    Examples
    --------
    >>> simplex_grid(3, 4)
    array([[0, 0, 4],
           [0, 1, 3],
           [0, 2, 2],
           [0, 3, 1],
           [0, 4, 0],
           [1, 0, 3],
           [1, 1, 2],
           [1, 2, 1],
           [1, 3, 0],
           [2, 0, 2],
           [2, 1, 1],
           [2, 2, 0],
           [3, 0, 1],
           [3, 1, 0],
           [4, 0, 0]])

    >>> simplex_grid(3, 4) / 4
    array([[0.  , 0.  , 1.  ],
           [0.  , 0.25, 0.75],
           [0.  , 0.5 , 0.5 ],
           [0.  , 0.75, 0.25],
           [0.  , 1.  , 0.  ],
           [0.25, 0.  , 0.75],
           [0.25, 0.25, 0.5 ],
           [0.25, 0.5 , 0.25],
           [0.25, 0.75, 0.  ],
           [0.5 , 0.  , 0.5 ],
           [0.5 , 0.25, 0.25],
           [0.5 , 0.5 , 0.  ],
           [0.75, 0.  , 0.25],
           [0.75, 0.25, 0.  ],
           [1.  , 0.  , 0.  ]])

    References
    ----------
    A. Nijenhuis and H. S. Wilf, Combinatorial Algorithms, Chapter 5,
    Academic Press, 1978.

    """
    L = num_compositions_jit(m, n)
    if L == 0:  # Overflow occured
    	raise ValueError(_msg_max_size_exceeded)
    out = np.empty((L, m), dtype=np.int_)

    x = np.zeros(m, dtype=np.int_)
    x[m-1] = n

    for j in range(m):
        out[0, j] = x[j]

    h = m

    for i in range(1, L):
        h -= 1

        val = x[h]
        x[h] = 0
        x[m-1] = val - 1
        x[h-1] += 1

        for j in range(m):
            out[i, j] = x[j]

        if val != 1:
            h = m

    return out


@jit(nopython=True, cache=True)
def num_compositions_jit(m, n):
    """
    Numba jit version of `num_compositions`. Return `0` if the outcome
    exceeds the maximum value of `np.intp`.

    """
    return comb_jit(n+m-1, m-1)

# ---- harness (not part of the program) ----
ENTRY = "simplex_grid"


def inputs():
    # 5-part compositions of 9: C(13, 4) = 715 points
    return (5, 9)
