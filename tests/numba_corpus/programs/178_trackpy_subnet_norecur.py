# Source: soft-matter/trackpy trackpy/linking/subnetlinker.py (with trackpy/try_numba.py)
# Licence: BSD-3-Clause (trackpy, LICENSE; Copyright (c) 2013-2014 trackpy contributors)
# Notes: the optimal linking of a subnetwork of particles between two frames (Crocker-Grier), without recursion: `while 1:` emulates nested for loops over levels j with an explicit stack in tmp_assignments, GO UP / GO DOWN through `delta` and `continue`, returns the iteration count from inside the loop, an int `flag` used as a truth value in `flag and candsarray[j, i] >= 0`, `j += -1`, `best_sum = 1.0e23` compared with float sums, and writes the best assignment into the argument best_assignments (and its scratch registers) in place; the decorator is `@try_numba_jit(nopython=True)`. trackpy/try_numba.py (a version that imports numba, reads numba.__version__, and sets `try_numba_jit = numba.jit`, with the six/builtins re-imports of range, int and round) is pasted first in place of `from ..try_numba import try_numba_jit`; subnetlinker's other linkers (the recursive SubnetLinker class, nonrecursive_link, numba_link's Python driver, drop_link and the subnet_linker_* front-ends), `from collections import deque` and `from .utils import SubnetOversizeException` (used only by them) left out; inputs() builds the candidate arrays as numba_link does for a cluster of 7 source and 7 destination particles (forward candidates within search_range sorted by distance, then the null link -1 at distance search_range; distances passed squared)
# ---- trackpy/try_numba.py ----
from __future__ import (absolute_import, division, print_function,
                        unicode_literals)
import six

from warnings import warn
import logging

# re-import some builtins for legacy numba versions if future is installed
from six.moves import range
try:
    from __builtin__ import int, round
except ImportError:
    from builtins import int, round

NUMBA_AVAILABLE = False

try:
    import numba
except ImportError:
    message = ("To use numba-accelerated variants of core "
               "functions, you must install numba.")
else:
    v = numba.__version__
    NUMBA_AVAILABLE = True


def nojit(func=None, **kw):
    """Function decorator that does nothing, in the case numba is not available."""
    def return_decorator(func):
        return func
    if func is None:
        return return_decorator
    else:
        return return_decorator(func)


if NUMBA_AVAILABLE:
    try_numba_jit = numba.jit
else:
    try_numba_jit = nojit


def disable_numba():
    """Deprecated. Does nothing."""
    pass


def enable_numba():
    """Deprecated. Does nothing."""
    pass


# ---- trackpy/linking/subnetlinker.py ----
""" Functions to evaluate all possible links between two groups of features.

These are low-level functions that rigorously resolve cases when features
can be linked in more than one way.
"""

import numpy as np


@try_numba_jit(nopython=True)
def _numba_subnet_norecur(ncands, candsarray, dists2array, cur_assignments,
                          cur_sums, tmp_assignments, best_assignments):
    """Find the optimal track assignments for a subnetwork, without recursion.

    This is for nj source particles. All arguments are arrays with nj rows.

    cur_assignments, tmp_assignments are just temporary registers of length nj.
    best_assignments is modified in place.
    Returns the number of assignments tested (at all levels). This is basically
    proportional to time spent.
    """
    nj = candsarray.shape[0]
    tmp_sum = 0.
    best_sum = 1.0e23
    j = 0
    loopcount = 0  # Keep track of iterations. This should be an int64.
    while 1:
        loopcount += 1
        delta = 0 # What to do at the end
        # This is an endless loop. We go up and down levels of recursion,
        # and emulate the mechanics of nested "for" loops, using the
        # blocks of code marked "GO UP" and "GO DOWN". It's not pretty.

        # Load state from the "stack"
        i = tmp_assignments[j]
        #if j == 0:
        #    print i, j, best_sum
        #    sys.stdout.flush()
        if i >= ncands[j]:
            # We've exhausted possibilities at this level, including the
            # null link; make no more changes and go up a level
            #### GO UP
            delta = -1
        else:
            tmp_sum = cur_sums[j] + dists2array[j, i]
            if tmp_sum > best_sum:
                # if we are already greater than the best sum, bail. we
                # can bail all the way out of this branch because all
                # the other possible connections (including the null
                # connection) are more expensive than the current
                # connection, thus we can discard with out testing all
                # leaves down this branch
                #### GO UP
                delta = -1
            else:
                # We have to seriously consider this candidate.
                # We can have as many null links as we want, but the real particles are finite
                # This loop looks inefficient but it's what numba wants!
                flag = 0
                for jtmp in range(nj):
                    if cur_assignments[jtmp] == candsarray[j, i]:
                        if jtmp < j:
                            flag = 1
                if flag and candsarray[j, i] >= 0:
                    # We have already used this destination point and it is
                    # not null; try the next "i" instead
                    delta = 0
                else:
                    cur_assignments[j] = candsarray[j, i]
                    # OK, I guess we'll try this assignment
                    if j + 1 == nj:
                        # We have made assignments for all the particles,
                        # and we never exceeded the previous best_sum.
                        # This is our new optimum.
                        # print 'hit: %f' % best_sum
                        best_sum = tmp_sum
                        # This array is shared by all levels of recursion.
                        # If it's not touched again, it will be used once we
                        # get back to link_subnet
                        for jtmp in range(nj):
                            best_assignments[jtmp] = cur_assignments[jtmp]
                        #### GO UP
                        delta = -1
                    else:
                        # Try various assignments for the next particle
                        #### GO DOWN
                        delta = 1
        if delta == -1:
            if j > 0:
                j += -1
                tmp_assignments[j] += 1  # Try the next candidate at this higher level
                continue
            else:
                return loopcount
        elif delta == 1:
            j += 1
            cur_sums[j] = tmp_sum  # Floor for all subsequent sums
            tmp_assignments[j] = 0
        else:
            tmp_assignments[j] += 1

# ---- harness (not part of the program) ----
ENTRY = "_numba_subnet_norecur"


def inputs():
    # 7 source and 7 destination particles in a 3 x 3 box, search_range 1.6:
    # each source's forward candidates are the destinations within range,
    # nearest first, then the null link; arrays as numba_link builds them
    # (max_candidates = 9, -1 for the null link, dists padded with
    # search_range, squared)
    rng = np.random.default_rng(0)
    search_range = 1.6
    src = rng.uniform(0.0, 3.0, (7, 2))
    dst = src + rng.normal(0.0, 0.5, (7, 2))
    max_candidates = 9
    nj = len(src)
    candsarray = np.ones((nj, max_candidates), dtype=np.int64) * -1
    distsarray = np.ones((nj, max_candidates), dtype=np.float64) * search_range
    ncands = np.zeros((nj,), dtype=np.int64)
    for j in range(nj):
        d = np.sqrt(((dst - src[j]) ** 2).sum(axis=1))
        order = [k for k in np.argsort(d) if d[k] < search_range][:max_candidates - 1]
        ncands[j] = len(order) + 1
        candsarray[j, :len(order)] = order
        distsarray[j, :len(order)] = d[order]
    best_assignments = np.ones((nj,), dtype=np.int64) * -1
    cur_assignments = np.ones((nj,), dtype=np.int64) * -1
    tmp_assignments = np.zeros((nj,), dtype=np.int64)
    cur_sums = np.zeros((nj,), dtype=np.float64)
    return (ncands, candsarray, distsarray ** 2, cur_assignments, cur_sums,
            tmp_assignments, best_assignments)
