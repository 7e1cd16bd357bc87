# Source: AmenRa/ranx ranx/metrics/bpref.py (+ _get_hit_list from ranx/metrics/get_hit_lists.py, _get_unjudged_list from ranx/metrics/get_unjudged_lists.py, clean_qrels and fix_k from ranx/metrics/common.py at commit d4149f04)
# Licence: MIT (ranx, LICENSE; Copyright (c) 2020 Elias Bassani)
# Notes: Bpref of a batch of queries (an IR/recommender evaluation metric for incomplete relevance judgements): _bpref_parallel (cache=True, parallel=True) loops with prange over the queries' qrels and run arrays (here plain Python lists of 2-D float64 [doc id, score] arrays, one per query, of different lengths) and calls _bpref, which counts relevant and non-relevant judgements with the builtin sum over boolean arrays, builds a hit list (clean_qrels: fancy indexing by np.argwhere(...).flatten(); fix_k: a conditional expression with `or`; np.full, early exits on the id range, break) and an unjudged list, filters the hit list by a boolean mask, and sums `1.0 - np.minimum(np.cumsum(hit_list == 0)[hit_list == 1], n_rels) / min(n_rels, n_non_rels)`; each module sets `config.THREADING_LAYER = "workqueue"` at import; the modules' other jitted functions (_get_hit_list_parallel and _get_unjudged_list_parallel, which build numba.typed.List results) and the plain-Python bpref/get_hit_lists/get_unjudged_lists wrappers, with the imports only they use (typing.Union, numba.typed.List), are left out
# ---- ranx/metrics/common.py ----
import numpy as np
from numba import config, njit

config.THREADING_LAYER = "workqueue"


@njit(cache=True)
def clean_qrels(qrels, rel_lvl):
    return qrels[np.argwhere(qrels[:, 1] >= rel_lvl).flatten()]


@njit(cache=True)
def fix_k(k, run):
    return run.shape[0] if k == 0 or k > run.shape[0] else k


# ---- ranx/metrics/get_hit_lists.py ----
import numba
import numpy as np
from numba import config, njit, prange

config.THREADING_LAYER = "workqueue"


# LOW LEVEL FUNCTIONS ==========================================================
@njit(cache=True)
def _get_hit_list(qrels, run, k, rel_lvl):
    qrels = clean_qrels(qrels, rel_lvl)
    k = fix_k(k, run)

    hit_list = np.full(k, 0.0)

    if len(qrels) == 0:
        return hit_list

    max_true_id = np.max(qrels[:, 0])
    min_true_id = np.min(qrels[:, 0])

    for i in range(k):
        if run[i, 0] > max_true_id:
            continue
        if run[i, 0] < min_true_id:
            continue
        for j in range(qrels.shape[0]):
            if run[i, 0] == qrels[j, 0]:
                hit_list[i] = 1.0
                break

    return hit_list


# ---- ranx/metrics/get_unjudged_lists.py ----
import numba
import numpy as np
from numba import config, njit, prange

config.THREADING_LAYER = "workqueue"


@njit()
def _get_unjudged_list(qrels, run, k):
    k = fix_k(k, run)

    unjudged_list = np.full(k, 1.0)

    if len(qrels) == 0:
        return unjudged_list

    max_true_id = np.max(qrels[:, 0])
    min_true_id = np.min(qrels[:, 0])

    for i in range(k):
        if run[i, 0] > max_true_id:
            continue
        if run[i, 0] < min_true_id:
            continue
        for j in range(qrels.shape[0]):
            if run[i, 0] == qrels[j, 0]:
                unjudged_list[i] = 0.0
                break

    return unjudged_list


# ---- ranx/metrics/bpref.py ----
import numba
import numpy as np
from numba import config, njit, prange

config.THREADING_LAYER = "workqueue"


# LOW LEVEL FUNCTIONS ==========================================================
@njit(cache=True)
def _bpref(qrels, run, rel_lvl):
    n_rels = sum(qrels[:, 1] >= rel_lvl)
    n_non_rels = sum(qrels[:, 1] < rel_lvl)

    hit_list = _get_hit_list(qrels, run, k=0, rel_lvl=rel_lvl)
    unjudged_list = _get_unjudged_list(qrels, run, k=0)

    # Remove unjudged from hit_list
    hit_list = hit_list[unjudged_list != 1]

    return (
        np.sum(
            1.0
            - np.minimum(np.cumsum(hit_list == 0)[hit_list == 1], n_rels)
            / min(n_rels, n_non_rels)
        )
        / n_rels
    )


@njit(cache=True, parallel=True)
def _bpref_parallel(qrels, run, rel_lvl):
    scores = np.zeros((len(qrels)), dtype=np.float64)
    for i in prange(len(qrels)):
        scores[i] = _bpref(qrels[i], run[i], rel_lvl)
    return scores

# ---- harness (not part of the program) ----
ENTRY = "_bpref_parallel"


def inputs():
    # 40 queries over a collection of 2000 documents (integer ids stored as
    # float64, as ranx's Qrels/Run.to_typed_list give them): each query has
    # 10 to 40 judged documents sorted by id with relevance 0, 1 or 2 (at
    # least one relevant and one judged non-relevant), and a run of 30 to
    # 100 retrieved documents sorted by descending score that mixes judged
    # and unjudged ones; rel_lvl=1
    rng = np.random.default_rng(0)
    qrels, run = [], []
    for _ in range(40):
        n_judged = int(rng.integers(10, 41))
        ids = np.sort(rng.choice(2000, n_judged, replace=False)).astype(np.float64)
        rel = rng.integers(0, 3, n_judged).astype(np.float64)
        rel[0], rel[-1] = 0.0, 2.0
        qrels.append(np.stack([ids, rel], axis=1))
        n_ret = int(rng.integers(30, 101))
        from_judged = rng.choice(ids, min(n_judged, n_ret // 2), replace=False)
        others = rng.choice(np.setdiff1d(np.arange(2000.0), ids), n_ret - len(from_judged), replace=False)
        docs = rng.permutation(np.concatenate([from_judged, others]))
        scores = np.sort(rng.random(n_ret))[::-1] * 10.0
        run.append(np.stack([docs, scores], axis=1))
    return (qrels, run, 1)
