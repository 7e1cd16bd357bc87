# Source: jmschrei/tangermeme tangermeme/seqlet.py (at commit 042afd05)
# Licence: MIT (tangermeme, LICENSE; Copyright (c) 2024 Jacob Schreiber)
# Notes: the recursive seqlet caller of tangermeme (genomics: spans of high attribution in DNA sequences, scored like Tomtom/FIMO motif p-values): _recursive_seqlets (@numba.njit, five keyword defaults) bins the per-position attribution scores into an n_bins histogram (math.floor of a float used as an index), builds the null score distributions of every span length by repeated discrete convolution in a (max_seqlet_len+1, n_bins*max_seqlet_len) table and their reverse CDFs (max() of a float and the int 0), computes p-values of every (length, start) span from cumulative sums, and decodes seqlets from the longest length down: a while True loop around argmin of a row, a for ... else whose else branch runs only when the inner loop was not broken, 2-D slice assignments p_value[:min_seqlet_len] = 0 and p_value[:, end] = 1, the loop variable `end` reused after its loop, and a list of (int, int, int, float, float) tuples built with append and returned (a reflected list of heterogeneous tuples); the file is indented with tabs and starts with `from __future__ import annotations`. Kept: the jitted function and the imports it uses (math, numpy, numba); left out: the TF-MoDISco seqlet caller (_laplacian_null, _iterative_extract_seqlets, _isotonic_thresholds, tfmodisco_seqlets), the recursive_seqlets wrapper (which turns the list into a sorted pandas DataFrame) and the imports only they use (torch, pandas, sklearn, tangermeme.utils); the harness passes what recursive_seqlets passes (a float64 numpy array and the keyword values positionally)
# seqlet.py
# Authors: Jacob Schreiber <jmschreiber91@gmail.com>
# adapted from code written by Avanti Shrikumar

from __future__ import annotations

import math
import numpy
import numba


@numba.njit
def _recursive_seqlets(X, threshold=0.01, min_seqlet_len=4, max_seqlet_len=25, 
	additional_flanks=0, n_bins=1000):
	"""An internal function implementing the recursive seqlet algorithm.
	
	This algorithm has four steps. 
	
	(1) Convert attribution scores into integer bins and calculate a histogram
	(2) Convert these histograms into null distributions across lengths
	(3) Use the null distributions to calculate p-values for each possible length 
	(4) Decode this matrix of p-values to find the longest seqlets
	"""

	n, l = X.shape
	m = n*l

	###
	# Step 1: Calculate a histogram of binned scores
	###

	xmax, xmin = X.max(), X.min()
	bin_width = (xmax - xmin) / (n_bins - 1)

	f = numpy.zeros(n_bins, dtype=numpy.float64)

	for i in range(n):
		for j in range(l):
			x_bin = math.floor((X[i, j] - xmin) / bin_width)
			f[x_bin] += 1

	f = f / m

	###
	# Step 2: Calculate null distributions across lengths
	###

	scores = numpy.zeros((max_seqlet_len+1, n_bins*max_seqlet_len), 
		dtype=numpy.float64)
	scores[1, :n_bins] = f
	
	rcdfs = numpy.zeros_like(scores)
	rcdfs[:, 0] = 1.0
	
	for seqlet_len in range(2, max_seqlet_len+1):
		for i in range(n_bins * (seqlet_len-1)):
			for j in range(n_bins):
				scores[seqlet_len, i+j] += scores[seqlet_len-1, i] * f[j]

		for i in range(1, n_bins * seqlet_len):
			rcdfs[seqlet_len, i] = max(rcdfs[seqlet_len, i-1] - scores[seqlet_len, i], 0)

	###
	# Step 3: Calculate p-values given these 1-CDFs
	###

	X_csum = numpy.zeros((n, l+1))
	for i in range(n):
		for j in range(l):
			X_csum[i, j+1] = X_csum[i, j] + X[i, j]


	###
	# Step 4: Decode p-values into seqlets
	###
	
	seqlets = []
	
	for i in range(n):
		p_value = numpy.ones((max_seqlet_len+1, l), dtype=numpy.float64)
		p_value[:min_seqlet_len] = 0
		p_value[:, -min_seqlet_len] = 1

		for seqlet_len in range(min_seqlet_len, max_seqlet_len+1):
			for k in range(l-seqlet_len+1):
				x_ = X_csum[i, k+seqlet_len] - X_csum[i, k]
				x_ = math.floor((x_ - xmin*seqlet_len) / bin_width)
				
				p_value[seqlet_len, k] = max(rcdfs[seqlet_len, x_],
					p_value[seqlet_len-1, k])

		# Iteratively identify spans, from longest to shortest, that satisfy the
		# recursive p-value threshold.
		for j in range(max_seqlet_len - min_seqlet_len + 1):
			seqlet_len = max_seqlet_len - j

			while True:
				start = p_value[seqlet_len].argmin()
				p = p_value[seqlet_len, start]
				p_value[seqlet_len, start] = 1

				if p >= threshold:
					break

				for k in range(1, seqlet_len):
					if p_value[seqlet_len-k, start+k] >= threshold:
						break

				else:
					for end in range(start, min(start+seqlet_len, l-1)):
						p_value[:, end] = 1

					end = min(start + seqlet_len + additional_flanks, l-1)
					start = max(start - additional_flanks, 0)
					attr = X_csum[i, end] - X_csum[i, start]
					seqlets.append((i, start, end, attr, p))

	return seqlets

# ---- harness (not part of the program) ----
ENTRY = "_recursive_seqlets"


def inputs():
    # projected attributions of 6 sequences of 240 bp: small positive
    # background noise with a few motif-like bumps of 6-10 bp planted in
    # each sequence; threshold 0.01, seqlets of 4 to 14 bp, one extra flank
    # position, 300 histogram bins (tangermeme's defaults are 4, 25, 0 and
    # 1000; smaller tables keep the call short)
    rng = numpy.random.default_rng(0)
    n, l = 6, 240
    X = numpy.abs(rng.normal(0.0, 0.02, size=(n, l)))
    for i in range(n):
        for _ in range(3):
            w = int(rng.integers(6, 11))
            s = int(rng.integers(5, l - w - 5))
            X[i, s:s + w] += rng.uniform(0.15, 0.4) * numpy.hanning(w + 2)[1:-1]
    return (X, 0.01, 4, 14, 1, 300)
