# Source: saezlab/liana-py liana/method/sp/_bivariate_funs.py (at commit 02c87575)
# Licence: GPL-3.0 (liana-py, pyproject.toml: license = "GPLv3"; Daniel Dimitrov, saezlab)
# Notes: LIANA+'s masked and weighted local Spearman correlation between ligand and receptor expression around every spot of a spatial transcriptomics slide (scHOT-style; spatial genomics): _masked_spearman (@nb.njit(nb.float32[:,:](nb.float32[:,:], nb.float32[:,:], nb.float32[:,:]), parallel=True, cache=True)) loops over spots with nb.prange, masks the spot's row of spatial weights (w > 0), takes builtin sum() of the masked weights, slices a column of each expression matrix and boolean-indexes it, and calls _wcorr (@nb.njit(nb.float32(nb.float32[:], nb.float32[:], nb.float32[:], nb.float32), cache=True)), which ranks with np.argsort(x).argsort().astype(nb.float32), forms the weighted Pearson numerator and denominators with builtin sum() over float32 array expressions and ** 0.5, and returns the integer 0 from a float32 function when either is zero; the result is clipped in place with np.clip(a=..., a_min=-1.0, a_max=1.0, out=...) using keyword arguments and returned transposed. Pasted: the module's numba and numpy imports and the two jitted functions; left out: the plain-Python NumPy functions (_vectorized_correlations and the other bivariate scores), the SpatialFunction class and registry, and the scipy.stats rankdata import only they use; the harness passes float32 ligand and receptor expression of 10 pairs over 120 spots and a float32 spot-by-spot Gaussian-kernel weight matrix cut off at a bandwidth (self included), as liana's spatial connectivity gives
import numba as nb
import numpy as np


@nb.njit(nb.float32(nb.float32[:], nb.float32[:], nb.float32[:], nb.float32), cache=True)
def _wcorr(x, y, w, wsum):

    x = np.argsort(x).argsort().astype(nb.float32)
    y = np.argsort(y).argsort().astype(nb.float32)

    wx = w * x
    wy = w * y

    numerator = wsum * sum(wx * y) - sum(wx) * sum(wy)

    denominator_x = wsum * sum(w * (x**2)) - sum(wx)**2
    denominator_y = wsum * sum(w * (y**2)) - sum(wy)**2
    denominator = (denominator_x * denominator_y)

    if (denominator == 0) or (numerator == 0):
        return 0

    return numerator / (denominator**0.5)


@nb.njit(nb.float32[:,:](nb.float32[:,:], nb.float32[:,:], nb.float32[:,:]), parallel=True, cache=True)
def _masked_spearman(x_mat, y_mat, weight):
    spot_n = x_mat.shape[0]
    xy_n = x_mat.shape[1]

    local_corrs = np.zeros((spot_n, xy_n), dtype=nb.float32)

    for i in nb.prange(spot_n):
        w = weight[i, :]
        msk = w > 0
        wsum = sum(w[msk])

        for j in range(xy_n):
            x = x_mat[:, j][msk]
            y = y_mat[:, j][msk]

            local_corrs[i, j] = _wcorr(x, y, w[msk], wsum)

    # NOTE done due to numpy/numba sum imprecision, https://github.com/numba/numba/issues/8749
    local_corrs = np.clip(a=local_corrs, a_min=-1.0, a_max=1.0, out=local_corrs)

    return local_corrs.T
# ---- harness (not part of the program) ----
ENTRY = "_masked_spearman"


def inputs():
    # 120 spots on a 12 x 10 grid; Gaussian-kernel weights exp(-d^2 /
    # (2 * 150^2)) cut to zero beyond a 300-unit bandwidth (diagonal kept);
    # log-normalised expression of 10 ligands and 10 receptors with
    # spatial gradients, dropouts and noise, all float32
    rng = np.random.default_rng(0)
    gy, gx = np.divmod(np.arange(120), 10)
    coords = np.stack([gx * 100.0, gy * 100.0], axis=1)
    d = np.sqrt(((coords[:, None, :] - coords[None, :, :]) ** 2).sum(-1))
    weight = np.exp(-d ** 2 / (2 * 150.0 ** 2))
    weight[d > 300.0] = 0.0
    grad = (coords @ rng.normal(size=(2, 10))) / 1000.0
    x_mat = np.log1p(np.maximum(grad + rng.normal(1.0, 0.7, (120, 10)), 0.0))
    y_mat = np.log1p(np.maximum(0.5 * grad + rng.normal(1.0, 0.7, (120, 10)), 0.0))
    x_mat[rng.random((120, 10)) < 0.2] = 0.0
    return (x_mat.astype(np.float32), y_mat.astype(np.float32),
            weight.astype(np.float32))
