# Source: vaexio/vaex python/gavi/histogram.py (at commit 48204dcc)
# Licence: MIT (vaex, LICENSE.txt; Copyright Maarten Breddels)
# Notes: binned statistics for out-of-core visualisation of large tabular data sets (vaex, in its early "gavi" form, used for astronomical catalogues): 1-D, 2-D and 3-D histograms with and without NaN-skipping weights, and a 2-D histogram that also fills a "shuffled" histogram pairing x[i] with y[(i + offset) % length] to estimate the uncorrelated background (mutual information). Numba features: a mix of @jit(nopython=True) and bare @jit decorators, tab-indented source, math.floor/math.isnan, int() of a float, float() of a float argument, tuple-unpacked counts.shape, chained `and` bounds checks, += into counts arrays passed in (and returned), modulo wrap-around of an index, a variable (binNox) assigned only inside one if-block and read in a later one under the same condition. Pasted: the whole module (its unused `import numba` kept); the harness fills float64 count grids from 20 000 correlated Gaussian points with a few NaNs, as gavi's plotting code does, and returns all the grids
# -*- coding: utf-8 -*-

from numba import jit
import numba
#print numba.__version__
import math

@jit(nopython=True)
def hist1d(x, counts, dataminx, datamaxx):
	length = len(x)
	bincountx  = len(counts)
	for i in range(length):
		xvalue = x[i]
		binNox = int(math.floor( ((xvalue - dataminx) / (float(datamaxx) - dataminx)) * float(bincountx)))
		if binNox >= 0 and binNox < bincountx:
			counts[binNox] += 1

@jit(nopython=True)
def hist1d_weights(x, counts, weights, dataminx, datamaxx):
	length = len(x)
	bincountx  = len(counts)
	for i in range(length):
		xvalue = x[i]
		binNox = int(math.floor( ((xvalue - dataminx) / (float(datamaxx) - dataminx)) * float(bincountx)))
		if binNox >= 0 and binNox < bincountx:
			if not math.isnan(weights[i]):
				counts[binNox] += weights[i]

@jit
def hist2d(x, y, counts, dataminx, datamaxx, dataminy, datamaxy):
	length = len(x)
	bincountx, bincounty = counts.shape
	for i in range(length):
		binNox = int(math.floor( ((x[i] - dataminx) / (float(datamaxx) - dataminx)) * float(bincountx)))
		binNoy = int(math.floor( ((y[i] - dataminy) / (float(datamaxy) - dataminy)) * float(bincounty)))
		if binNox >= 0 and binNox < bincountx and binNoy >= 0 and binNoy < bincounty:
			counts[binNox, binNoy] += 1
	return counts

@jit
def hist2d_weights(x, y, counts, weights, dataminx, datamaxx, dataminy, datamaxy):
	length = len(x)
	bincountx, bincounty = counts.shape
	for i in range(length):
		binNox = int(math.floor( ((x[i] - dataminx) / (float(datamaxx) - dataminx)) * float(bincountx)))
		binNoy = int(math.floor( ((y[i] - dataminy) / (float(datamaxy) - dataminy)) * float(bincounty)))
		if binNox >= 0 and binNox < bincountx and binNoy >= 0 and binNoy < bincounty:
			if not math.isnan(weights[i]):
				counts[binNox, binNoy] += weights[i]
	return counts

@jit(nopython=True)
def hist3d(x, y, z, counts, dataminx, datamaxx, dataminy, datamaxy, dataminz, datamaxz):
	length = len(x)
	#counts = np.zeros((bincountx, bincounty), dtype=np.int32)
	bincountx, bincounty, bincountz = counts.shape
	#print length
	#return bindata#
	for i in range(length):
		binNox = int(math.floor( ((x[i] - dataminx) / (float(datamaxx) - dataminx)) * float(bincountx)))
		binNoy = int(math.floor( ((y[i] - dataminy) / (float(datamaxy) - dataminy)) * float(bincounty)))
		binNoz = int(math.floor( ((z[i] - dataminz) / (float(datamaxz) - dataminz)) * float(bincountz)))
		if binNox >= 0 and binNox < bincountx and binNoy >= 0 and binNoy < bincounty and binNoz < bincountz:
			counts[binNox, binNoy, binNoz] += 1
	#step = float(datamax-datamin)/bincount
	#return numpy.arange(datamin, datamax+step/2, step), binData
	return counts


@jit
def hist2d_and_shuffled(x, y, counts, counts_shuffled, dataminx, datamaxx, dataminy, datamaxy, offset):
	length = len(x)
	bincountx, bincounty = counts.shape
	for i in range(length):
		if not (math.isnan(x[i]) or math.isnan(y[i])):
			binNox = int(math.floor( ((x[i] - dataminx) / (float(datamaxx) - dataminx)) * float(bincountx)))
			binNoy = int(math.floor( ((y[i] - dataminy) / (float(datamaxy) - dataminy)) * float(bincounty)))
			if binNox >= 0 and binNox < bincountx and binNoy >= 0 and binNoy < bincounty:
				counts[binNox, binNoy] += 1
		j = (i + offset) % length
		if not (math.isnan(x[i]) or math.isnan(y[i])):
			binNoy = int(math.floor( ((y[j] - dataminy) / (float(datamaxy) - dataminy)) * float(bincounty)))
			if binNox >= 0 and binNox < bincountx and binNoy >= 0 and binNoy < bincounty:
				counts_shuffled[binNox, binNoy] += 1
	return counts
# ---- harness (not part of the program) ----
ENTRY = "run_histograms"


def run_histograms(x, y, z, w):
    import numpy as np
    c1 = np.zeros(64)
    hist1d(x, c1, -4.0, 4.0)
    c1w = np.zeros(64)
    hist1d_weights(x, c1w, w, -4.0, 4.0)
    c2 = hist2d(x, y, np.zeros((32, 24)), -4.0, 4.0, -3.0, 3.0)
    c2w = hist2d_weights(x, y, np.zeros((32, 24)), w, -4.0, 4.0, -3.0, 3.0)
    c3 = hist3d(x, y, z, np.zeros((10, 12, 8)), -4.0, 4.0, -3.0, 3.0, -2.0, 5.0)
    cs = np.zeros((32, 24))
    cc = hist2d_and_shuffled(x, y, np.zeros((32, 24)), cs, -4.0, 4.0, -3.0, 3.0, 7919)
    return c1, c1w, c2, c2w, c3, cc, cs


def inputs():
    # 20 000 points: y correlated with x, z a skewed third column, weights with 1% NaNs
    import numpy as np
    rng = np.random.default_rng(0)
    n = 20000
    x = rng.normal(0.0, 1.2, n)
    y = 0.6 * x + rng.normal(0.0, 0.8, n)
    z = np.abs(rng.normal(0.5, 1.5, n))
    w = rng.uniform(0.5, 2.0, n)
    w[rng.integers(0, n, 200)] = np.nan
    return (x, y, z, w)
