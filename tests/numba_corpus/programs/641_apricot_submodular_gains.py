# Source: jmschrei/apricot apricot/functions/featureBased.py (at commit 090ee996), apricot/functions/facilityLocation.py (at commit 1136b3d2), apricot/functions/graphCut.py (at commit 1136b3d2)
# Licence: MIT (apricot-select; setup.py: license='LICENSE.txt', the conda-forge package lists MIT; Jacob Schreiber)
# Notes: the Numba kernels of apricot, Jacob Schreiber's package for submodular selection of representative subsets (feature-based, facility-location and graph-cut functions optimised greedily). The kernels are built by factory functions that apply @njit with an eager signature string ('void(float64[:,:], float64[:], float64[:], int64[:])', sparse variants with int32[:] CSR indices) and parallel/fastmath/cache flags passed in as arguments, to an inner function that closes over the concave function `func` (numpy.sqrt, numpy.log1p, or apricot's own @njit('float64[:](float64[:])', fastmath=True) sigmoid): prange loops over candidate indices computing the gain of adding each candidate (func(current_values + X[idx]).sum(), numpy.maximum(X[idx], current_values).sum(), CSR loops with max() of two floats), and the streaming "sieve" kernels that loop over thresholds in prange, break when a sieve is full, compute thresholds from (max_values[j] / 2. - total_gains[j]) / (k - n_selected[j]), update rows current_values[j] / current_values[j][:d] and record selections and gains in 2-D arrays with n_selected[j] as a column index. From each file the module-level imports that the kernels use (math, numpy, njit, prange) and the dtype strings and factory functions are pasted in file order; the selector classes (FeatureBasedSelection, FacilityLocationSelection, GraphCutSelection: plain-Python drivers over apricot's base classes and optimizers), their imports (.base, ..optimizers, ..utils, tqdm, scipy.sparse) are left out. Because the three files reuse the names dtypes, sieve_dtypes, calculate_gains and calculate_gains_sieve, the harness saves each file's factories in a namespace right after that file (marked as harness lines). The harness builds a 24 x 6 non-negative feature matrix, its CSR form and a 24 x 24 similarity matrix, runs a greedy selection of 6 items with each feature-based concave function (serial and parallel kernels), the CSR kernels, the facility-location gains (dense and CSR), and one pass of each sieve kernel over 4 thresholds
import math
import numpy

from numba import njit
from numba import prange

# ---- apricot/functions/featureBased.py ----

@njit('float64[:](float64[:])', fastmath=True)
def sigmoid(X):
	return X / (1. + X)

dtypes = 'void(float64[:,:], float64[:], float64[:], int64[:])'
sparse_dtypes = 'void(float64[:], int32[:], int32[:], float64[:],' \
	'float64[:], float64[:], int64[:])'
sieve_dtypes = 'void(float64[:,:], int64, float64[:,:], int64[:,:],' \
	'float64[:,:], float64[:], float64[:], int64[:], int64[:])' 
sieve_sparse_dtypes = 'void(float64[:], int32[:], int32[:], int64,' \
	'float64[:,:], int64[:,:], float64[:,:], float64[:], float64[:],' \
	'int64[:], int64[:])'

def calculate_gains(func, dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_(X, gains, current_values, idxs):
		for i in prange(idxs.shape[0]):
			idx = idxs[i] 
			gains[i] = func(current_values + X[idx]).sum()

	return calculate_gains_

def calculate_gains_sparse(func, dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_sparse_(X_data, X_indices, X_indptr, gains, 
		current_values, current_concave_values, idxs):
		for i in prange(idxs.shape[0]):
			idx = idxs[i]
			start = X_indptr[idx]
			end = X_indptr[idx+1]

			for j in range(start, end):
				k = X_indices[j]
				gains[i] += (func(X_data[j] + current_values[k]) 
					- current_concave_values[k])

	return calculate_gains_sparse_


def calculate_gains_sieve(func, dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_sieve_(X, k, current_values, selections, gains, 
		total_gains, max_values, n_selected, idxs):
		n = X.shape[0]
		d = max_values.shape[0]

		for j in prange(d):
			for i in range(n):
				if n_selected[j] == k:
					break

				idx = idxs[i]
				threshold = (max_values[j] / 2. - total_gains[j]) / (k - n_selected[j])
				gain = func(current_values[j] + X[i]).sum() - total_gains[j]

				if gain > threshold:
					current_values[j] += X[i]
					total_gains[j] += gain

					selections[j, n_selected[j]] = idx
					gains[j, n_selected[j]] = gain
					n_selected[j] += 1

	return calculate_gains_sieve_


def calculate_gains_sieve_sparse(func, dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_sieve_sparse_(X_data, X_indices, X_indptr, k, 
		current_values, selections, gains, total_gains, max_values, 
		n_selected, idxs):
		d = max_values.shape[0]

		for j in prange(d):
			for i in range(idxs.shape[0]):
				if n_selected[j] == k:
					break
				
				idx = idxs[i]
				start = X_indptr[i]
				end = X_indptr[i+1]
				threshold = (max_values[j] / 2. - total_gains[j]) / (k - n_selected[j])

				gain = 0.0
				for l in range(start, end):
					m = X_indices[l]
					gain += (func(current_values[j, m] + X_data[l]) - 
						func(current_values[j, m]))

				if gain > threshold:
					for l in range(start, end):
						m = X_indices[l]
						current_values[j, m] += X_data[l]

					total_gains[j] += gain
					selections[j, n_selected[j]] = idx
					gains[j, n_selected[j]] = gain
					n_selected[j] += 1

	return calculate_gains_sieve_sparse_


# (harness: keep featureBased.py's names before the next file rebinds them)
from types import SimpleNamespace as _NS
_feature_based = _NS(calculate_gains=calculate_gains,
                     calculate_gains_sparse=calculate_gains_sparse,
                     calculate_gains_sieve=calculate_gains_sieve,
                     calculate_gains_sieve_sparse=calculate_gains_sieve_sparse,
                     dtypes=dtypes, sparse_dtypes=sparse_dtypes,
                     sieve_dtypes=sieve_dtypes,
                     sieve_sparse_dtypes=sieve_sparse_dtypes)

# ---- apricot/functions/facilityLocation.py ----

dtypes = 'void(float64[:,:], float64[:], float64[:], int64[:])'
sdtypes = 'void(float64[:], int32[:], int32[:], float64[:], float64[:], int64[:])'
sieve_dtypes = 'void(float64[:,:], int64, float64[:,:], int64[:,:],' \
	'float64[:,:], float64[:], float64[:], int64[:], int64[:])' 

def calculate_gains(dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_(X, gains, current_values, idxs):
		for i in prange(idxs.shape[0]):
			idx = idxs[i]
			gains[i] = numpy.maximum(X[idx], current_values).sum()
	return calculate_gains_


def calculate_gains_sparse(dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_sparse_(X_data, X_indices, X_indptr, gains, current_values, idxs):
		for i in prange(idxs.shape[0]):
			idx = idxs[i]

			start = X_indptr[idx]
			end = X_indptr[idx+1]

			for j in range(start, end):
				k = X_indices[j]
				gains[i] += max(X_data[j], current_values[k]) - current_values[k]
	return calculate_gains_sparse_


def calculate_gains_sieve(dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_sieve_(X, k, current_values, selections, gains, 
		total_gains, max_values, n_selected, idxs):
		n, d = X.shape
		t = max_values.shape[0]

		for j in prange(t):
			for i in range(n):
				if n_selected[j] == k:
					break

				idx = idxs[i]
				threshold = (max_values[j] / 2. - total_gains[j]) / (k - n_selected[j])
				maximum = numpy.maximum(X[i][:d], current_values[j][:d])
				gain = maximum.mean() - total_gains[j]

				if gain > threshold:
					current_values[j][:d] = maximum
					total_gains[j] = maximum.mean()

					selections[j, n_selected[j]] = idx
					gains[j, n_selected[j]] = gain
					n_selected[j] += 1

	return calculate_gains_sieve_


# (harness: keep facilityLocation.py's names before the next file rebinds them)
_facility_location = _NS(calculate_gains=calculate_gains,
                         calculate_gains_sparse=calculate_gains_sparse,
                         calculate_gains_sieve=calculate_gains_sieve,
                         dtypes=dtypes, sdtypes=sdtypes,
                         sieve_dtypes=sieve_dtypes)

# ---- apricot/functions/graphCut.py ----

sieve_dtypes = 'void(float64[:,:], int64, float64[:,:], int64[:,:],' \
	'float64[:,:], float64[:], float64[:], int64[:], float64[:], int64[:])' 

def calculate_gains_sieve(dtypes, parallel, fastmath, cache):
	@njit(dtypes, parallel=parallel, fastmath=fastmath, cache=cache)
	def calculate_gains_sieve_(X, k, current_values, selections, gains, 
		total_gains, max_values, n_selected, row_sums, idxs):
		n, d = X.shape
		t = max_values.shape[0]

		for j in prange(t):
			for i in range(n):
				if n_selected[j] == k:
					break

				idx = idxs[i]
				threshold = (max_values[j] / 2. - total_gains[j]) / (k - n_selected[j])
				gain = row_sums[i] - current_values[j, i]

				if gain > threshold:
					total_gains[j] += gain

					selections[j, n_selected[j]] = idx
					gains[j, n_selected[j]] = gain
					n_selected[j] += 1

	return calculate_gains_sieve_


# ---- harness (not part of the program) ----
ENTRY = "apricot_selection"


def _csr(X):
    data, indices, indptr = [], [], [0]
    for row in X:
        nz = numpy.nonzero(row)[0]
        data.extend(row[nz])
        indices.extend(nz)
        indptr.append(len(data))
    return (numpy.array(data, dtype=numpy.float64),
            numpy.array(indices, dtype=numpy.int32),
            numpy.array(indptr, dtype=numpy.int32))


def _greedy_feature(kernel, func, X, k):
    # the naive greedy loop of apricot's optimizers over FeatureBasedSelection
    n, d = X.shape
    current_values = numpy.zeros(d)
    idxs = numpy.arange(n, dtype=numpy.int64)
    ranking, all_gains = [], []
    for _ in range(k):
        gains = numpy.zeros(idxs.shape[0], dtype='float64')
        kernel(X, gains, current_values, idxs)
        gains -= func(current_values).sum()
        best = int(numpy.argmax(gains))
        ranking.append(int(idxs[best]))
        all_gains.append(gains.copy())
        current_values = current_values + X[idxs[best]]
        idxs = numpy.delete(idxs, best)
    return numpy.array(ranking), all_gains, current_values


def apricot_selection(X, S, thresholds):
    fb, fl = _feature_based, _facility_location
    out = {}
    for name, func in (("sqrt", numpy.sqrt), ("log1p", numpy.log1p),
                       ("sigmoid", sigmoid)):
        for parallel in (False, True):
            kern = fb.calculate_gains(func, fb.dtypes, parallel, True, False)
            out["greedy_%s_%s" % (name, parallel)] = _greedy_feature(kern, func, X, 6)

    data, indices, indptr = _csr(X)
    cur = X[3] + X[11]
    idxs = numpy.arange(X.shape[0], dtype=numpy.int64)
    sk = fb.calculate_gains_sparse(numpy.sqrt, fb.sparse_dtypes, True, True, False)
    gains = numpy.zeros(idxs.shape[0])
    sk(data, indices, indptr, gains, cur, numpy.sqrt(cur), idxs)
    out["sparse_gains"] = gains

    t = thresholds.shape[0]
    sieve = fb.calculate_gains_sieve(numpy.log1p, fb.sieve_dtypes, True, True, False)
    cv = numpy.zeros((t, X.shape[1]))
    sel = numpy.full((t, 5), -1, dtype=numpy.int64)
    sg = numpy.zeros((t, 5))
    tg = numpy.zeros(t)
    ns = numpy.zeros(t, dtype=numpy.int64)
    sieve(X, 5, cv, sel, sg, tg, thresholds * 8.0 + 12.0, ns, idxs)
    out["sieve"] = (cv, sel, sg, tg, ns)

    ssieve = fb.calculate_gains_sieve_sparse(numpy.log1p, fb.sieve_sparse_dtypes, True, True, False)
    cv2 = numpy.zeros((t, X.shape[1]))
    sel2 = numpy.full((t, 5), -1, dtype=numpy.int64)
    sg2 = numpy.zeros((t, 5))
    tg2 = numpy.zeros(t)
    ns2 = numpy.zeros(t, dtype=numpy.int64)
    ssieve(data, indices, indptr, 5, cv2, sel2, sg2, tg2, thresholds * 6.0 + 14.0, ns2, idxs)
    out["sieve_sparse"] = (cv2, sel2, sg2, tg2, ns2)

    flk = fl.calculate_gains(fl.dtypes, False, True, False)
    cur_s = numpy.maximum(S[2], S[17])
    g1 = numpy.zeros(idxs.shape[0])
    flk(S, g1, cur_s, idxs)
    out["facility"] = g1 - cur_s.sum()
    sdata, sind, sptr = _csr(numpy.where(S > 0.55, S, 0.0))
    flks = fl.calculate_gains_sparse(fl.sdtypes, True, True, False)
    g2 = numpy.zeros(idxs.shape[0])
    flks(sdata, sind, sptr, g2, cur_s, idxs)
    out["facility_sparse"] = g2
    fls = fl.calculate_gains_sieve(fl.sieve_dtypes, True, True, False)
    cv3 = numpy.zeros((t, S.shape[1]))
    sel3 = numpy.full((t, 4), -1, dtype=numpy.int64)
    sg3 = numpy.zeros((t, 4))
    tg3 = numpy.zeros(t)
    ns3 = numpy.zeros(t, dtype=numpy.int64)
    fls(S, 4, cv3, sel3, sg3, tg3, thresholds, ns3, idxs)
    out["facility_sieve"] = (cv3, sel3, sg3, tg3, ns3)

    gcs = calculate_gains_sieve(sieve_dtypes, True, True, False)
    cv4 = numpy.tile(numpy.diag(S), (t, 1)) * 0.4
    sel4 = numpy.full((t, 4), -1, dtype=numpy.int64)
    sg4 = numpy.zeros((t, 4))
    tg4 = numpy.zeros(t)
    ns4 = numpy.zeros(t, dtype=numpy.int64)
    gcs(S, 4, cv4, sel4, sg4, tg4, thresholds, ns4, S.mean(axis=1), idxs)
    out["graph_cut_sieve"] = (cv4, sel4, sg4, tg4, ns4)
    out["sigmoid"] = sigmoid(X[5])
    return out


def inputs():
    i = numpy.arange(24.0)[:, None]
    j = numpy.arange(6.0)[None, :]
    X = numpy.abs(numpy.sin(0.7 * i + 1.3 * j) * (1.0 + j / 3.0))
    X[X < 0.25] = 0.0
    P = numpy.stack((numpy.cos(i[:, 0] / 3.0), numpy.sin(i[:, 0] / 5.0)), axis=1)
    D = numpy.sqrt(((P[:, None, :] - P[None, :, :]) ** 2).sum(axis=2))
    S = D.max() - D
    thresholds = numpy.array([0.5, 1.0, 2.0, 4.0])
    return (X, S, thresholds)
