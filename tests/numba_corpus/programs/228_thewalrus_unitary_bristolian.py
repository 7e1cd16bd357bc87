# Source: XanaduAI/thewalrus thewalrus/_permanent.py (at commit 019e7158); find_kept_edges from thewalrus/_hafnian.py (commit 02661b08)
# Licence: Apache-2.0 (the notice at the top of the file; Copyright 2019 Xanadu Quantum Technologies Inc.)
# Notes: the Unitary Bristolian of a linear-optics submatrix, from which thewalrus computes threshold-detector click probabilities of Fock states sent through a lossless interferometer (fock_threshold_prob): ubrs (@jit(nopython=True, parallel=True)) sums over a numba prange of all 2**m - 1 non-empty row subsets, gets each subset from the jitted find_kept_edges (digits of j in mixed bases built with a list.append loop over bases[::-1] and returned as np.array(output[::-1], dtype=reps.dtype) of an int8 array), selects the rows with np.where(... != 0)[0] and fancy indexing A[kept_rows, :], forms Az.conj().T @ Az, and accumulates a complex reduction `total += plusminus * perm_bbfg(...)` started from the integer 0; perm_bbfg is the Glynn (BBFG) permanent in Gray-code order: np.sum(M, 0), a list comprehension [2 ** i for i in range(n)] searched with list.index, XOR and floor division on ints, a direction from subtracting two comparisons ((a > b) - (a < b)), np.prod of a complex row, and division of a complex total by an int. The module's other jitted functions (perm_ryser, brs) are kept; left out: the plain-Python perm, permanent_repeated, fock_prob and fock_threshold_prob (whose set-up inputs() follows) with the imports only they use (itertools.chain, scipy.special.factorial, scipy.linalg.sqrtm, hafnian_repeated), and `from ._hafnian import ... find_kept_edges` is replaced by find_kept_edges itself with `import numba` that its decorator uses
# Copyright 2019 Xanadu Quantum Technologies Inc.

# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at

#     http://www.apache.org/licenses/LICENSE-2.0

# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
r"""
This submodule provides access to tools for finding the permanent of a matrix. The algorithms implemented
here was first derived in

* Ryser, Herbert John (1963).
  Combinatorial Mathematics, The Carus Mathematical Monographs, Vol. 14, Mathematical Association of America.
* Glynn, David G.
  (2010), "The permanent of a square matrix", European Journal of Combinatorics, 31 (7): 1887-1891.
  <doi:10.1016/j.ejc.2010.01.010>`_
"""
import numpy as np
from numba import jit, prange

import numba


@numba.jit(nopython=True, cache=True)
def find_kept_edges(j, reps):  # pragma: no cover
    """Write ``j`` as a string where the ith digit is in base ``reps[i]+1``
    decides which edges are included given index of the inclusion/exclusion sum.

    Args:
        j (int): index of sum
        reps (list): number of repetitions of each edge

    Returns:
        array: number of repetitions kept for the current inclusion/exclusion step
    """
    num = j
    output = []
    bases = np.asarray(reps) + 1
    for base in bases[::-1]:
        output.append(num % base)
        num //= base
    return np.array(output[::-1], dtype=reps.dtype)


@jit(nopython=True)
def perm_ryser(M):  # pragma: no cover
    """
    Returns the permanent of a matrix using the Ryser formula in Gray ordering.

    The code is an re-implementation from a Python 2 code found in
    `Permanent code golf
    <https://codegolf.stackexchange.com/questions/97060/calculate-the-permanent-as-quickly-as-possible>`_
    using Numba.

    Args:
        M (array) : a square array.

    Returns:
        float or complex: the permanent of matrix ``M``
    """
    n = len(M)
    # row_comb keeps the sum of previous subsets.
    # Every iteration, it removes a term and/or adds a new term
    # to give the term to add for the next subset
    row_comb = np.zeros((n), dtype=M.dtype)
    total = 0
    old_grey = 0
    sign = +1
    binary_power_dict = [2 ** i for i in range(n)]
    num_loops = 2 ** n
    for k in range(0, num_loops):
        bin_index = (k + 1) % num_loops
        reduced = np.prod(row_comb)
        total += sign * reduced
        new_grey = bin_index ^ (bin_index // 2)
        grey_diff = old_grey ^ new_grey
        grey_diff_index = binary_power_dict.index(grey_diff)
        new_vector = M[grey_diff_index]
        direction = (old_grey > new_grey) - (old_grey < new_grey)
        for i in range(n):
            row_comb[i] += new_vector[i] * direction
        sign = -sign
        old_grey = new_grey
    return total


@jit(nopython=True)
def perm_bbfg(M):  # pragma: no cover
    """
    Returns the permanent of a matrix using the bbfg formula in Gray ordering

    The code is a re-implementation from a Python 2 code found in
    `Permanent code golf
    <https://codegolf.stackexchange.com/questions/97060/calculate-the-permanent-as-quickly-as-possible>`_
    using Numba.

    Args:
        M (array) : a square array.

    Returns:
        float or complex: the permanent of a matrix ``M``
    """

    n = len(M)
    row_comb = np.sum(M, 0)
    total = 0
    old_gray = 0
    sign = +1
    binary_power_dict = [2 ** i for i in range(n)]
    num_loops = 2 ** (n - 1)
    for bin_index in range(1, num_loops + 1):
        reduced = np.prod(row_comb)
        total += sign * reduced
        new_gray = bin_index ^ (bin_index // 2)
        gray_diff = old_gray ^ new_gray
        gray_diff_index = binary_power_dict.index(gray_diff)
        new_vector = M[gray_diff_index]
        direction = 2 * ((old_gray > new_gray) - (old_gray < new_gray))
        for i in range(n):
            row_comb[i] += new_vector[i] * direction
        sign = -sign
        old_gray = new_gray
    return total / num_loops


@jit(nopython=True, parallel=True)
def brs(A, E):  # pragma: no cover
    r"""
    Calculates the Bristolian, a matrix function introduced for calculating the threshold detector
    statistics on measurements of Fock states interfering in linear optical interferometers.

    See the paper 'Threshold detector statistics of Bosonic states' for more detail (to be published soon)

    Args:
        A (array): matrix of size [m, n]
        E (array): matrix of size [r, n]

    Returns:
        int or float or complex: the Bristol of matrices A and E
    """
    m = A.shape[0]

    steps = 2 ** m
    ones = np.ones(m, dtype=np.int8)
    total = 0
    for j in prange(steps):
        kept_rows = np.where(find_kept_edges(j, ones) != 0)[0]
        Ay = A[kept_rows, :]
        plusminus = (-1) ** ((m - len(kept_rows)) % 2)
        total += plusminus * perm_bbfg(Ay.conj().T @ Ay + E)
    return total


@jit(nopython=True, parallel=True)
def ubrs(A):  # pragma: no cover
    r"""
    Calculates the Unitary Bristolian, a matrix function introduced for calculating the threshold detector
    statistics on measurements of Fock states interfering in lossless linear optical interferometers.

    See the paper 'Threshold detector statistics of Bosonic states' for more detail (to be published soon)

    Args:
        A (array): matrix of size [m, n]

    Returns:
        int or float or complex: the Unitary Bristol of matrix A
    """
    m = A.shape[0]
    steps = 2 ** m
    ones = np.ones(m, dtype=np.int8)
    total = 0
    for j in prange(1, steps):
        kept_rows = np.where(find_kept_edges(j, ones) != 0)[0]
        Az = A[kept_rows, :]
        plusminus = (-1) ** ((m - len(kept_rows)) % 2)
        total += plusminus * perm_bbfg(Az.conj().T @ Az)
    return total

# ---- harness (not part of the program) ----
ENTRY = "ubrs"


def inputs():
    # what fock_threshold_prob hands to ubrs for a lossless 8-mode
    # interferometer: a Haar-like random unitary T (QR of a complex Gaussian
    # matrix with the phases of R's diagonal divided out), the Fock input
    # n = (1, 1, 0, 1, 0, 1, 0, 0) (four photons) and the threshold outcome
    # d = (1, 0, 1, 1, 0, 1, 1, 0) (five clicks), so U_dn =
    # T[np.ix_(C, in_modes)] is a 5 x 4 complex matrix
    rng = np.random.default_rng(0)
    M = 8
    Z = (rng.standard_normal((M, M)) + 1j * rng.standard_normal((M, M))) / np.sqrt(2)
    Q, R = np.linalg.qr(Z)
    T = Q * (np.diag(R) / np.abs(np.diag(R)))
    n = np.array([1, 1, 0, 1, 0, 1, 0, 0])
    d = np.array([1, 0, 1, 1, 0, 1, 1, 0])
    in_modes = np.array([i for i, j in enumerate(n) for _ in range(j)])
    C = np.where(d > 0)[0]
    U_dn = T[np.ix_(C, in_modes)]
    return (U_dn,)
