# Source: aertslab/ctxcore src/ctxcore/recovery.py (at commit 4d90b66f)
# Licence: GPL-3.0 (ctxcore, setup.py: license='GNU General Public License v3'; Bram Van de Sande, aertslab)
# Notes: the AUCell score of a regulon in one cell, the area under the weighted recovery curve of the regulon's genes in the cell's gene ranking, as pySCENIC computes it (single-cell gene regulatory networks): weighted_auc1d (@jit(nopython=True)) keeps the ranks below the cutoff with a boolean mask (applied to the ranks and to their weights), sorts them with np.argsort, appends the cutoff with np.concatenate((x[sort_idx], np.full((1,), rank_cutoff, dtype=np.int_))) (uint32 ranks joined with an int64 element), takes the cumulative sum of the sorted weights with the .cumsum() method, and returns np.sum(np.diff(x) * y) / max_auc. Pasted: the module's coding line, its numpy and numba imports, the comment block, the deprecated jitted auc1d, weighted_auc1d and the plain-Python auc2d that loops weighted_auc1d over cells; left out: the pandas-based drivers (derive_rank_cutoff, rcc2d, recovery, enrichment4cells, enrichment4features, leading_edge, leading_edge4row, aucs), __all__, the logger and the logging, itertools, typing, pandas and package imports only they use; the harness passes what aucs -> auc2d passes for one cell: the uint32 0-based ranks (pySCENIC's create_rankings dtype) of a 50-gene regulon in a 2000-gene ranking, float64 gene weights, rank_cutoff = derive_rank_cutoff(0.05, 2000) = 99 and max_auc = (rank_cutoff + 1) * weights.sum()
# -*- coding: utf-8 -*-

import numpy as np
from numba import jit


# Giving numba a signature makes the code marginally faster but with losing flexibility (only being able to use one
# type of integers used in rankings).
# @jit(signature_or_function=float64(int16[:], int_, float64), nopython=True)
@jit(nopython=True)
def auc1d(ranking: np.ndarray, rank_cutoff: int, max_auc: float) -> int:
    """
    Calculate the AUC of the recovery curve of a single ranking. [DEPRECATED]

    :param ranking: The rank numbers of the genes.
    :param rank_cutoff: The maximum rank to take into account when calculating the AUC.
    :param max_auc: The maximum AUC.
    :return: The normalized AUC.
    """
    # Using concatenate and full constructs required by numba.
    # The rankings are 0-based. The position at the rank threshold is included in the calculation.
    x = np.concatenate(
        (
            np.sort(ranking[ranking < rank_cutoff]),
            np.full((1,), rank_cutoff, dtype=np.int_),
        )
    )
    y = np.arange(x.size - 1) + 1.0
    return np.sum(np.diff(x) * y) / max_auc


@jit(nopython=True)
def weighted_auc1d(
    ranking: np.ndarray, weights: np.ndarray, rank_cutoff: int, max_auc: float
) -> np.ndarray:
    """
    Calculate the AUC of the weighted recovery curve of a single ranking.

    :param ranking: The rank numbers of the genes.
    :param weights: The associated weights.
    :param rank_cutoff: The maximum rank to take into account when calculating the AUC.
    :param max_auc: The maximum AUC.
    :return: The normalized AUC.
    """
    # Using concatenate and full constructs required by numba.
    # The rankings are 0-based. The position at the rank threshold is included in the calculation.
    filter_idx = ranking < rank_cutoff
    x = ranking[filter_idx]
    y = weights[filter_idx]
    sort_idx = np.argsort(x)
    x = np.concatenate((x[sort_idx], np.full((1,), rank_cutoff, dtype=np.int_)))
    y = y[sort_idx].cumsum()
    return np.sum(np.diff(x) * y) / max_auc


def auc2d(
    rankings: np.ndarray, weights: np.ndarray, rank_cutoff: int, max_auc: float
) -> np.ndarray:
    """
    Calculate the AUCs of multiple rankings.

    :param rankings: The rankings.
    :param weights: The weights associated with the selected genes.
    :param rank_cutoff: The maximum rank to take into account when calculating the AUC.
    :param max_auc: The maximum AUC.
    :return: The normalized AUCs.
    """
    n_features = rankings.shape[0]
    aucs = np.empty(shape=(n_features,), dtype=np.float64)  # Pre-allocation.
    for row_idx in range(n_features):
        aucs[row_idx] = weighted_auc1d(
            rankings[row_idx, :], weights, rank_cutoff, max_auc
        )
    return aucs
# ---- harness (not part of the program) ----
ENTRY = "weighted_auc1d"


def inputs():
    # one cell's 0-based ranks (uint32) of the 50 genes of a regulon among
    # 2000 genes, the regulon's genes enriched near the top of the ranking;
    # weights = GRNBoost-like importances; the AUC threshold 0.05 gives
    # rank_cutoff 99 (derive_rank_cutoff), max_auc as aucs() computes it
    rng = np.random.default_rng(0)
    total_genes = 2000
    expr = rng.gamma(0.5, 1.0, total_genes)
    regulon = rng.choice(total_genes, 50, replace=False)
    expr[regulon[:20]] += 3.0
    ranks = np.empty(total_genes, dtype=np.uint32)
    ranks[np.argsort(-expr, kind="stable")] = np.arange(total_genes, dtype=np.uint32)
    ranking = ranks[regulon]
    weights = rng.uniform(0.5, 5.0, 50)
    rank_cutoff = int(round(0.05 * total_genes)) - 1
    max_auc = float((rank_cutoff + 1) * weights.sum())
    return (ranking, weights, rank_cutoff, max_auc)
