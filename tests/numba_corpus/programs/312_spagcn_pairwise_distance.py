# Source: jianhuupenn/SpaGCN SpaGCN_package/SpaGCN/calculate_adj.py (at commit 75465079)
# Licence: MIT (SpaGCN, LICENSE; Copyright (c) 2020 JianHu)
# Notes: the spot-by-spot distance matrix from which SpaGCN builds the adjacency graph of a spatial transcriptomics section (spatial genomics): pairwise_distance (@numba.njit("f4[:,:](f4[:,:])", parallel=True, nogil=True)) fills an np.empty((n, n), dtype=np.float32) matrix with two nested numba.prange loops, assigning through chained indexing adj[i][j], from euclid_dist (@numba.njit("f4(f4[:], f4[:])")), which sums squared differences of two float32 rows into an accumulator that starts as the integer 0 and is named sum (shadowing the builtin), then returns np.sqrt of it as float32. Pasted: the module's numpy and numba imports and the two jitted functions, tab-indented as in the source; left out: extract_color and the driver calculate_adj_matrix (which build X from spot coordinates and histology colour and print progress), the string-quoted old version of calculate_adj_matrix, and the os, csv, re, pandas, scanpy and math imports; the harness passes what calculate_adj_matrix passes with histology=True: a float32 (n, 3) array of 300 Visium-like spot coordinates (x, y on a hexagonal array grid) and the z-scored colour intensity scaled by max(std(x), std(y)) with alpha 1
import numpy as np
import numba

@numba.njit("f4(f4[:], f4[:])")
def euclid_dist(t1,t2):
	sum=0
	for i in range(t1.shape[0]):
		sum+=(t1[i]-t2[i])**2
	return np.sqrt(sum)

@numba.njit("f4[:,:](f4[:,:])", parallel=True, nogil=True)
def pairwise_distance(X):
	n=X.shape[0]
	adj=np.empty((n, n), dtype=np.float32)
	for i in numba.prange(n):
		for j in numba.prange(n):
			adj[i][j]=euclid_dist(X[i], X[j])
	return adj
# ---- harness (not part of the program) ----
ENTRY = "pairwise_distance"


def inputs():
    # 300 spots on a Visium-like hexagonal grid (row, col array indices
    # scaled to pixel positions), a smooth histology colour field plus
    # noise, z-scored and scaled by max(std(x), std(y)) * alpha (alpha = 1)
    # as calculate_adj_matrix does, stacked as float32 [x, y, z]
    rng = np.random.default_rng(0)
    rows, cols = np.divmod(np.arange(300), 20)
    x = rows * 138.0
    y = cols * 160.0 + (rows % 2) * 80.0
    colour = np.sin(x / 900.0) + np.cos(y / 700.0) + 0.2 * rng.normal(size=300)
    c4 = (colour - colour.mean()) / colour.std()
    z = c4 * np.max([np.std(x), np.std(y)]) * 1
    X = np.array([x, y, z]).T.astype(np.float32)
    return (X,)
