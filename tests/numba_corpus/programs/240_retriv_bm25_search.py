# Source: AmenRa/retriv retriv/sparse_retriever/sparse_retrieval_models/bm25.py (at commit 2f7dcb1b) and retriv/utils/numba_utils.py (at commit 0e6f63db)
# Licence: MIT (retriv, LICENSE; Copyright (c) 2022 Elias Bassani)
# Notes: BM25 ranking of a document collection for one query over an inverted index (the core of SparseRetriever.search): the posting lists are the rows of a term x document CSR matrix (int32 document ids = the row's indices, int16 term frequencies = the row's data), handed over as two numba.typed.List of arrays; bm25 (@njit(cache=True), parameters annotated with nb.typed.List[np.ndarray] and a typing.Tuple return) merges the sorted posting lists with join_sorted_multi_recursive (len() of a typed list, slicing a typed list arrays[:2]/arrays[2:], a two-pointer merge into np.empty(..., np.int32) followed by a slice and np.concatenate of the tail), scatters float32 scores through fancy indexes (scores[unique_doc_ids] = 0.0, scores[indices] += idf * (...)) with int16 frequencies mixed with float32 document lengths and float64 constants, np.float32(np.log(...)), keeps the best `cutoff` with unsorted_top_k (enumerate over an array, argmin updates) and sorts with np.argsort(-scores); returns a tuple of two arrays. Kept: bm25.py (bm25 and its parallel multi-query twin bm25_multi, which builds typed lists with TypedList([... for _ in doc_ids]) and loops with prange) and all of numba_utils.py (join_sorted, join_sorted_multi, join_sorted_multi_recursive, concat1d, get_indices, unsorted_top_k); the package-relative `from ...utils.numba_utils import ...` is left out as the two files are pasted into one module (numba_utils first)
import numpy as np
from numba import njit


@njit(cache=True)
def join_sorted(a1: np.array, a2: np.array):
    result = np.empty(len(a1) + len(a2), dtype=np.int32)
    i = 0
    j = 0
    k = 0

    while i < len(a1) and j < len(a2):
        if a1[i] < a2[j]:
            result[k] = a1[i]
            i += 1
        elif a1[i] > a2[j]:
            result[k] = a2[j]
            j += 1
        else:  # a1[i] == a2[j]
            result[k] = a1[i]
            i += 1
            j += 1
        k += 1

    result = result[:k]

    if i < len(a1):
        result = np.concatenate((result, a1[i:]))
    elif j < len(a2):
        result = np.concatenate((result, a2[j:]))

    return result


@njit(cache=True)
def join_sorted_multi(arrays):
    a = arrays[0]

    for i in range(1, len(arrays)):
        a = join_sorted(a, arrays[i])

    return a


@njit(cache=True)
def join_sorted_multi_recursive(arrays):
    if len(arrays) == 1:
        return arrays[0]
    elif len(arrays) == 2:
        return join_sorted(arrays[0], arrays[1])
    else:
        return join_sorted(join_sorted_multi(arrays[:2]), join_sorted_multi(arrays[2:]))


@njit(cache=True)
def concat1d(X):
    out = np.empty(sum([len(x) for x in X]), dtype=X[0].dtype)

    i = 0
    for x in X:
        for j in range(len(x)):
            out[i] = x[j]
            i = i + 1

    return out


@njit(cache=True)
def get_indices(array, scores):
    n_scores = len(scores)
    min_score = min(scores)
    max_score = max(scores)
    indices = np.full(n_scores, -1, dtype=np.int64)
    counter = 0

    for i in range(len(array)):
        if array[i] >= min_score and array[i] <= max_score:
            for j in range(len(scores)):
                if indices[j] == -1:
                    if scores[j] == array[i]:
                        indices[j] = i
                        counter += 1
                        if len(indices) == counter:
                            return indices
                        break

    return indices


@njit(cache=True)
def unsorted_top_k(array: np.ndarray, k: int):
    top_k_values = np.zeros(k, dtype=np.float32)
    top_k_indices = np.zeros(k, dtype=np.int32)

    min_value = 0.0
    min_value_idx = 0

    for i, value in enumerate(array):
        if value > min_value:
            top_k_values[min_value_idx] = value
            top_k_indices[min_value_idx] = i
            min_value_idx = top_k_values.argmin()
            min_value = top_k_values[min_value_idx]

    return top_k_values, top_k_indices


from typing import Tuple

import numba as nb
import numpy as np
from numba import njit, prange
from numba.typed import List as TypedList


@njit(cache=True)
def bm25(
    b: float,
    k1: float,
    term_doc_freqs: nb.typed.List[np.ndarray],
    doc_ids: nb.typed.List[np.ndarray],
    relative_doc_lens: nb.typed.List[np.ndarray],
    doc_count: int,
    cutoff: int,
) -> Tuple[np.ndarray]:
    unique_doc_ids = join_sorted_multi_recursive(doc_ids)

    scores = np.empty(doc_count, dtype=np.float32)
    scores[unique_doc_ids] = 0.0  # Initialize scores

    for i in range(len(term_doc_freqs)):
        indices = doc_ids[i]
        freqs = term_doc_freqs[i]

        df = np.float32(len(indices))
        idf = np.float32(np.log(1.0 + (((doc_count - df) + 0.5) / (df + 0.5))))

        scores[indices] += idf * (
            (freqs * (k1 + 1.0))
            / (freqs + k1 * (1.0 - b + (b * relative_doc_lens[indices])))
        )

    scores = scores[unique_doc_ids]

    if cutoff < len(scores):
        scores, indices = unsorted_top_k(scores, cutoff)
        unique_doc_ids = unique_doc_ids[indices]

    indices = np.argsort(-scores)

    return unique_doc_ids[indices], scores[indices]


@njit(cache=True, parallel=True)
def bm25_multi(
    b: float,
    k1: float,
    term_doc_freqs: nb.typed.List[nb.typed.List[np.ndarray]],
    doc_ids: nb.typed.List[nb.typed.List[np.ndarray]],
    relative_doc_lens: nb.typed.List[np.ndarray],
    doc_count: int,
    cutoff: int,
) -> Tuple[nb.typed.List[np.ndarray]]:
    unique_doc_ids = TypedList([np.empty(1, dtype=np.int32) for _ in doc_ids])
    scores = TypedList([np.empty(1, dtype=np.float32) for _ in doc_ids])

    for i in prange(len(term_doc_freqs)):
        _term_doc_freqs = term_doc_freqs[i]
        _doc_ids = doc_ids[i]

        _unique_doc_ids = join_sorted_multi_recursive(_doc_ids)

        _scores = np.empty(doc_count, dtype=np.float32)
        _scores[_unique_doc_ids] = 0.0  # Initialize _scores

        for j in range(len(_term_doc_freqs)):
            indices = _doc_ids[j]
            freqs = _term_doc_freqs[j]

            df = np.float32(len(indices))
            idf = np.float32(
                np.log(1.0 + (((doc_count - df) + 0.5) / (df + 0.5)))
            )

            _scores[indices] += idf * (
                (freqs * (k1 + 1.0))
                / (freqs + k1 * (1.0 - b + (b * relative_doc_lens[indices])))
            )

        _scores = _scores[_unique_doc_ids]

        if cutoff < len(_scores):
            _scores, indices = unsorted_top_k(_scores, cutoff)
            _unique_doc_ids = _unique_doc_ids[indices]

        indices = np.argsort(_scores)[::-1]

        unique_doc_ids[i] = _unique_doc_ids[indices]
        scores[i] = _scores[indices]

    return unique_doc_ids, scores

# ---- harness (not part of the program) ----
ENTRY = "bm25"


def inputs():
    # what SparseRetriever.search hands to bm25 (b=0.75, k1=1.2, cutoff=20)
    # for a 4-term query against 400 documents: the inverted index that
    # build_inverted_index makes from CountVectorizer's int16 counts (the
    # term x document matrix in CSR form, so every posting list is a sorted
    # int32 row of indices with its int16 row of data), the four posting
    # lists gathered into numba.typed.List objects as get_doc_ids and
    # get_term_doc_freqs do, and the float32 document lengths relative to
    # their mean; documents are drawn from a Zipf-like vocabulary of 500
    # terms
    import scipy.sparse
    rng = np.random.default_rng(0)
    n_docs, n_terms = 400, 500
    p = 1.0 / np.arange(1, n_terms + 1) ** 1.1
    p /= p.sum()
    rows, cols = [], []
    for d in range(n_docs):
        terms = rng.choice(n_terms, size=int(rng.integers(20, 120)), p=p)
        rows.extend([d] * len(terms))
        cols.extend(terms.tolist())
    df_matrix = scipy.sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int16), (rows, cols)),
        shape=(n_docs, n_terms), dtype=np.int16)
    df_matrix.sum_duplicates()
    doc_lens = np.squeeze(np.asarray(df_matrix.sum(axis=1), dtype=np.float32))
    relative_doc_lens = doc_lens / np.mean(doc_lens, dtype=np.float32)
    tdm = df_matrix.transpose().tocsr()
    tdm.sort_indices()
    query_terms = [3, 17, 42, 160]
    doc_ids = TypedList([tdm[t].indices.astype(np.int32) for t in query_terms])
    term_doc_freqs = TypedList([tdm[t].data for t in query_terms])
    return (0.75, 1.2, term_doc_freqs, doc_ids, relative_doc_lens, n_docs, 20)
