# Source: jmschrei/memesuite-lite memelite/tomtom.py (at commit 0de774e7)
# Licence: MIT (memesuite-lite, pyproject.toml `license = "MIT"`; Jacob Schreiber)
# Notes: the first stage of TOMTOM motif-similarity search (bioinformatics, MEME suite re-implementation; tab-indented like the source): _integer_distances_and_histogram (@njit(cache=True)) views its scratch buffer gamma through gamma.reshape((gamma.shape[1], gamma.shape[0])), computes the negated Euclidean distance between every column of one query motif and every (hashed, unique) target column, unrolled for a 4-letter alphabet (`if n_a == 4:`) with a generic loop otherwise and `-math.sqrt(z) if z > 0 else 0`, tracks per-row min/max, subtracts each row's approximate median from the jitted helper _binned_median (a count-weighted histogram median that writes into a scratch (bins, 2) array through bins[:] = 0 and returns early from its scan loop), then integerizes the scores with math.floor into an int16 matrix gamma_int (written in reversed query order) while accumulating the count-weighted histogram f[i, uint64(x)], and returns the bin offset as numpy.uint64. It writes into gamma, gamma_int, f, medians and median_bins. Pasted: the module's imports and the two functions; left out: the p-value background recursion, _p_values, the parallel _tomtom driver and the tomtom() wrapper; the harness prepares what tomtom() and _tomtom pass for the first query (Q, T and norms from 3 query and 20 target motifs with their reverse complements, target columns hashed with n_target_bins=100, n_score_bins=100, n_median_bins=1000, one thread's slices of the workspaces)
# tomtom.py
# Contact: Jacob Schreiber <jmschreiber91@gmail.com> 

import time
import math
import numpy
import numba

from numba import njit
from numba import prange
from numpy import uint64
from numpy import int64


@njit(cache=True)
def _binned_median(x, bins, x_min, x_max, counts):
	"""An internal function for calculating medians quickly.

	This method uses a binning-based approximation to quickly calculate medians
	in linear time with low constants. Rather than using a sorting algorithm,
	which is O(n log n) or more sophisticated approaches that are O(n) but with
	bad constants, this approach approximates the median by dividing the range
	of the array into bins, assigning points to bins in one sweep of the data,
	and then scanning over all bins until half of points have been encountered.

	To get a better approximation of the median, sufficient statistics are
	stored that enable returning the average of all points assigned to the
	bin. When there an odd number of points, or an even number and the middle
	two get assigned to the same bin, this should return the exact median.
	"""

	n, n_bins = len(x), len(bins)
	bins[:] = 0

	halfway = 0
	x_max -= x_min
	for i in range(n):
		z = int((x[i] - x_min) / x_max * (n_bins - 1))
		bins[z, 0] += counts[i]
		bins[z, 1] += x[i] * counts[i]
		halfway += counts[i]

	halfway /= 2
	count = 0
	for i in range(n_bins):
		count += bins[i, 0]
		if count >= halfway:
			return bins[i, 1] / bins[i, 0]
			
	return -99999


@njit(cache=True)
def _integer_distances_and_histogram(X, Y, gamma, gamma_int, f, medians, 
	median_bins, X_norm, Y_norm, Y_counts, nq_csum, nq, n_bins):
	"""An internal function for integerized scores and the histogram.

	This function is the main workhorse for the TOMTOM algorithm. It contains
	four conceptual steps: (1) calculate the distance matrix between each column 
	in one query and each column across all targets, (2) subtract out the per
	query-column median, (3) integerize the scores into bins, and (4) calculate
	the histogram of these integers. 

	Several speed efficiencies have been built into this, including caching
	minimum and maximum values for each query column for re-use in the median
	calculation, the binned median approximation, and calculating the histogram
	simultaneously with the binned score matrix. 
	"""
	
	# `gamma` is private scratch, so its buffer is used as (n_rows, n_y): each
	# query column's distances are then contiguous for every loop below.
	n_a, n_y = Y.shape[0], Y.shape[-1]
	g = gamma.reshape((gamma.shape[1], gamma.shape[0]))
	x2 = numpy.empty(n_a, dtype=numpy.float64)

	# Calculate the Euclidean distance between query and targets. The terms are
	# subtracted in the same order as before; `2 * X` is hoisted, which is the
	# same product. The min/max pass is separate so the distance loop
	# vectorizes; min/max visit the same values in the same order.
	z_min, z_max = 9999999.9, -9999999.9
	for i in range(nq):
		z_min_, z_max_ = 9999999.9, -9999999.9
		xn = X_norm[i + nq_csum]

		if n_a == 4:
			x0 = 2 * X[0, i + nq_csum]
			x1 = 2 * X[1, i + nq_csum]
			x2_ = 2 * X[2, i + nq_csum]
			x3 = 2 * X[3, i + nq_csum]
			for j in range(n_y):
				z = xn + Y_norm[j]
				z -= x0 * Y[0, j]
				z -= x1 * Y[1, j]
				z -= x2_ * Y[2, j]
				z -= x3 * Y[3, j]
				g[i, j] = -math.sqrt(z) if z > 0 else 0
		else:
			for k in range(n_a):
				x2[k] = 2 * X[k, i + nq_csum]
			for j in range(n_y):
				z = xn + Y_norm[j]
				for k in range(n_a):
					z -= x2[k] * Y[k, j]
				g[i, j] = -math.sqrt(z) if z > 0 else 0

		for j in range(n_y):
			z = g[i, j]
			z_max_ = max(z_max_, z)
			z_min_ = min(z_min_, z)
		
		# Subtract out the median from each row
		m = _binned_median(g[i], median_bins, z_min_, z_max_, Y_counts)
		medians[i] = m

		z_min = min(z_min, z_min_ - m)
		z_max = max(z_max, z_max_ - m)
			
	# Find the minimum value and the number of bins needed to get there
	i_min = int(math.floor(z_min)) #offset
	bin_scale = int(math.floor(n_bins / (z_max - i_min))) #scale
	offset = -i_min * bin_scale

	for i in range(nq):
		medians[i] = medians[i] + i_min
	
	f[:] = 0
	ys = numpy.sum(Y_counts)
	w = numpy.empty(n_y, dtype=numpy.float64)
	for j in range(n_y):
		w[j] = Y_counts[j] / ys

	# Convert the distances to bins and record the histogram of counts
	for i in range(nq):
		k = nq - i - 1
		mi = medians[i]
		for j in range(n_y):
			x = math.floor((g[i, j] - mi) * bin_scale + 0.5)

			gamma_int[j, k] = x - offset
			f[i, uint64(x)] += w[j]

	return uint64(offset)

# ---- harness (not part of the program) ----
ENTRY = "_integer_distances_and_histogram"


def inputs():
    # what tomtom(Qs, Ts) (defaults: n_score_bins=100, n_median_bins=1000,
    # n_target_bins=100, reverse_complement=True) hands to
    # _integer_distances_and_histogram for query 0: 3 query and 20 target
    # PWMs (4 x width, columns from a Dirichlet), targets plus their reverse
    # complements, target columns hashed and made unique with numpy.unique,
    # and one thread's slices of the _gamma, _gamma_int, _f, _medians and
    # _median_bins workspaces
    rng = numpy.random.default_rng(0)
    Qs = [rng.dirichlet(numpy.full(4, 0.5), size=w).T for w in (10, 8, 12)]
    Ts = [rng.dirichlet(numpy.full(4, 0.5), size=int(w)).T
          for w in rng.integers(6, 16, 20)]
    n_score_bins, n_median_bins, n_target_bins = 100, 1000, 100
    Q_lens = numpy.array([Q.shape[-1] for Q in Qs], dtype='int64')
    Q = numpy.concatenate(Qs, axis=-1)
    Q_norm = (Q ** 2).sum(axis=0)
    Ts = Ts + [T[::-1, ::-1] for T in Ts]
    T = numpy.concatenate(Ts, axis=-1)
    T_norm = (T ** 2).sum(axis=0)
    T_min = T.min(axis=-1, keepdims=True)
    T_max = T.max(axis=-1, keepdims=True)
    T_max[T_max == T_min] = T_min[T_max == T_min] + 1
    T_ints = numpy.around((T - T_min) / (T_max - T_min) * (n_target_bins-1))
    T_ints = T_ints.T.dot(n_target_bins ** numpy.arange(len(T))[:, None])
    _, rr_idxs, rr_inv, rr_counts = numpy.unique(T_ints.flatten(),
        return_index=True, return_inverse=True, return_counts=True)
    T = T[:, rr_idxs]
    T_norm = T_norm[rr_idxs]
    Q_offsets = numpy.zeros(len(Q_lens)+1, dtype='int64')
    Q_offsets[1:] = numpy.cumsum(Q_lens)
    Q_max = int(max(Q_lens))
    nt = T.shape[-1]
    n_threads = 2
    _gamma = numpy.empty((n_threads, nt, Q_max), dtype='float64')
    _gamma_int = numpy.empty((n_threads, nt, Q_max), dtype='int16')
    _f = numpy.empty((n_threads, Q_max, n_score_bins+1), dtype='float64')
    _medians = numpy.empty((n_threads, Q_max), dtype='float64')
    _median_bins = numpy.empty((n_threads, n_median_bins, 2), dtype='float64')
    # fill the scratch space deterministically (numpy.empty is arbitrary)
    _gamma[:] = 0.0
    _gamma_int[:] = 0
    _medians[:] = 0.0
    pid = 0
    return (Q, T, _gamma[pid], _gamma_int[pid], _f[pid], _medians[pid],
            _median_bins[pid], Q_norm, T_norm, rr_counts, Q_offsets[0],
            Q_lens[0], n_score_bins)
