# Source: rwaples/LDadmix ancLD/ancLD_funcs.py (at commit 1f62562c)
# Licence: GPL-3.0 (LDadmix, setup.py: license='GPL 3.0'; Ryan Waples)
# Notes: expectation-maximisation of two-locus haplotype frequencies in the ancestral populations of admixed individuals, for linkage disequilibrium in admixed samples (genomics): do_multiEM (@jit(nopython=True, nogil=False, cache=CACHE_JIT)) unpacks a 5-tuple argument (H, Q, genotype codes, max_iter, tol), loops over haplotype pairs consistent with each individual's two-locus genotype code, accumulates a 3-D posterior array, renormalises rows and stops on the log-likelihood from get_LL_numba (np.dot of admixture fractions and haplotype frequencies, np.where(...)[0] fancy indexing, np.log(...).sum()), returning (H, LL, iterations); the source is tab-indented. Pasted: the module's __future__ and `from builtins import (...)` lines, the numpy import, the settings constants, the try/except numba import with its prints, optional_numba_decorator, get_LL_numba and do_multiEM verbatim; left out: the multiprocessing, itertools, ctypes and pandas_plink imports and the plain-Python readers and multiprocess drivers that use them, find_idxpairs_maxdist_generator, get_rand_hap_freqs (draws random numbers in jitted code), multiprocess_EM_inner, multiprocess_onelocusEM_inner, get_sumstats_from_haplotype_freqs, fix, find_boundaries, check_boundaries and the one-locus EM functions; the harness builds 40 individuals with two-population admixture fractions and int8 two-locus genotype codes (genotype1 + 3*genotype2) as multiprocess_EM_inner does
from __future__ import absolute_import, division, print_function
from builtins import (ascii, bytes, chr, dict, filter, hex, input,
                      int, map, next, oct, open, pow, range, round,
                      str, super, zip)# http://python-future.org/imports.html

import numpy as np


# my settings
RESOLVE_EDGE_CASES = True
CACHE_JIT = True


_numba_available = True

try:
	from numba import jit
	print("------------------")
	print("Numba import successful")
	print("------------------\n")
except ImportError:
	_numba_available = False
	print("------------------")
	print("Import of numba failed, analysis will run significantly slower")
	print("------------------\n")

# decorator depending on numba, if numba is found, will decorate with: jit(...)
def optional_numba_decorator(func):
	if _numba_available:
		# not sure how to specify nogil: False or True?
		# maybe break into one for each
		return(jit(nopython=True, nogil=False, cache=False)(func))
	else:
		return(func)


@jit(nopython=True, nogil=False, cache=CACHE_JIT)
def get_LL_numba(Q, H, code):
	"""returns the loglikelihood of the genotype data given Q and H
	Q = admixture fractions
	H = estimates of source-specific haplotype frequencies"""

	ind_hap_freqs = np.dot(Q, H)
	LL = 0.0
	# had to index the tuples returned by np.where
	LL += np.log(	ind_hap_freqs[np.where(code == 0)[0], 0] * ind_hap_freqs[np.where(code == 0)[0], 0]).sum()
	LL += np.log(2 * ind_hap_freqs[np.where(code == 1)[0], 0] * ind_hap_freqs[np.where(code == 1)[0], 2]).sum()
	LL += np.log(	ind_hap_freqs[np.where(code == 2)[0], 2] * ind_hap_freqs[np.where(code == 2)[0], 2]).sum()
	LL += np.log(2 * ind_hap_freqs[np.where(code == 3)[0], 0] * ind_hap_freqs[np.where(code == 3)[0], 1]).sum()
	LL += np.log(2 * ind_hap_freqs[np.where(code == 4)[0], 0] * ind_hap_freqs[np.where(code == 4)[0], 3]
			   + 2 * ind_hap_freqs[np.where(code == 4)[0], 1] * ind_hap_freqs[np.where(code == 4)[0], 2]).sum()
	LL += np.log(2 * ind_hap_freqs[np.where(code == 5)[0], 2] * ind_hap_freqs[np.where(code == 5)[0], 3]).sum()
	LL += np.log(	ind_hap_freqs[np.where(code == 6)[0], 1] * ind_hap_freqs[np.where(code == 6)[0], 1]).sum()
	LL += np.log(2 * ind_hap_freqs[np.where(code == 7)[0], 1] * ind_hap_freqs[np.where(code == 7)[0], 3]).sum()
	LL += np.log(	ind_hap_freqs[np.where(code == 8)[0], 3] * ind_hap_freqs[np.where(code == 8)[0], 3]).sum()
	return(LL)


# try G as a global
#G = np.array([0,3,1,4, 3,6,4,7, 1,4,2,5, 4,7,5,8])

@jit(nopython=True, nogil=False, cache=CACHE_JIT)
def do_multiEM(inputs):
	""""""
	H, Q, code, max_iter, tol = inputs # unpack the input

	n_ind = Q.shape[0]
	n_pops = Q.shape[1]

	# which combinations of haplotypes produce which genotypes
	# genotypes with missing values will not be found
	G = np.array([0,3,1,4, 3,6,4,7, 1,4,2,5, 4,7,5,8])

	old_LL = get_LL_numba(Q = Q, H = H , code = code)

	# start iteration here
	for i in range(1, max_iter+1):
		norm = np.zeros(n_ind) # maybe just change this to a matrix of ones - then set to zero if data is found to be non-missing
		isum = np.zeros((n_ind, n_pops, 4)) # hold sums over the 4 haplotypes from each pop in each ind
		for hap1 in range(4):								# index of haplotype in first spot
			for hap2 in range(4):							# index of haplotype in second spot
				for ind, icode in enumerate(code):   # individuals
					if icode == G[4 * hap1 + hap2]:   # if the current pair of haplotypes is consistent with the given genotype
						for z1 in range(n_pops):					 # source pop of hap1
							for z2 in range(n_pops):				 # source pop of hap2
								raw = Q[ind, z1] * H[z1, hap1] * Q[ind, z2] * H[z2, hap2]
								isum[ind, z1, hap1] += raw
								isum[ind, z2, hap2] += raw
								norm[ind] += raw
		norm[norm == 0] = 1 # avoid the division by zero due to missing data
		# normalized sum over individuals
		post = np.zeros((n_pops, 4))
		for ind in range(n_ind):
			for z in range(n_pops):
				for hap in range(4):
					#update post for each hap in each pop
					post[z, hap] += isum[ind, z, hap]/norm[ind] #  can we use this estimate an 'effective sample size?'

		# scale the sums so they sum to one  - now represents the haplotype frequencies within pops
		H = np.zeros((n_pops, 4))
		for z in range(n_pops):
			H[z] = post[z]/np.sum(post[z])

		# check to end
		new_LL = get_LL_numba(Q = Q, H = H , code = code)
		delta_LL = new_LL - old_LL
		if delta_LL <= tol:
			break
		old_LL = new_LL

	return(H, new_LL, i)
# ---- harness (not part of the program) ----
ENTRY = "do_multiEM"


def inputs():
    rng = np.random.default_rng(0)
    n_ind, n_pops = 40, 2
    a = rng.uniform(0.05, 0.95, n_ind)
    Q = np.stack([a, 1.0 - a], axis=1)
    H = np.array([[0.4, 0.1, 0.2, 0.3], [0.1, 0.3, 0.35, 0.25]])
    g1 = rng.integers(0, 3, n_ind).astype(np.int8)
    g2 = rng.integers(0, 3, n_ind).astype(np.int8)
    code = (g1 + 3 * g2).astype(np.int8)
    return ((H, Q, code, 50, 1e-8),)
