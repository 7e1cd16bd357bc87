# Source: xhluca/bm25s bm25s/numba/retrieve_utils.py (with bm25s/numba/selection.py and bm25s/scoring.py)
# Licence: MIT (Copyright (c) 2024 Xing Han Lu)
# Notes: BM25 retrieval of the top-k documents for a batch of tokenized queries from a precomputed sparse (CSC) score matrix: njit(parallel=True) with prange over queries, np.dtype objects passed as arguments and used as dtype=, a default None argument tested with `is not None`, keyword arguments at jitted call sites, a plain function made jitted by njit()(f), fancy indexing indptr[query_tokens_ids + 1], scatter-add into a score vector, then a heap-based top-k (sift_down/sift_up/heap_push over values and indices arrays, enumerate over an array, a `sorted` argument shadowing the builtin, np.flip(np.argsort(...))); the `from ..scoring import _compute_relevance_from_scores_jit_ready` line is replaced by that function's definition (bm25s/scoring.py) and `from .selection import _numba_sorted_top_k` by the jitted functions of selection.py it uses; the os/logging/typing imports, `from .. import utils` and the non-jitted _retrieve_numba_functional() driver are left out
from numba import njit, prange
import numpy as np


def _compute_relevance_from_scores_jit_ready(
    data: np.ndarray,
    indptr: np.ndarray,
    indices: np.ndarray,
    num_docs: int,
    query_tokens_ids: np.ndarray,
    dtype: np.dtype,
) -> np.ndarray:
    """
    This internal static function calculates the relevance scores for a given query,
    by using the BM25 scores that have been precomputed in the BM25 eager index.
    This version is ready for JIT compilation with numba, but is slow if not compiled.
    """
    indptr_starts = indptr[query_tokens_ids]
    indptr_ends = indptr[query_tokens_ids + 1]

    scores = np.zeros(num_docs, dtype=dtype)
    for i in range(len(query_tokens_ids)):
        start, end = indptr_starts[i], indptr_ends[i]
        # The following code is slower with numpy, but faster after JIT compilation
        for j in range(start, end):
            scores[indices[j]] += data[j]

    return scores


@njit()
def sift_down(values, indices, startpos, pos):
    new_value = values[pos]
    new_index = indices[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent_value = values[parentpos]
        if new_value < parent_value:
            values[pos] = parent_value
            indices[pos] = indices[parentpos]
            pos = parentpos
            continue
        break
    values[pos] = new_value
    indices[pos] = new_index


@njit()
def sift_up(values, indices, pos, length):
    startpos = pos
    new_value = values[pos]
    new_index = indices[pos]
    childpos = 2 * pos + 1
    while childpos < length:
        rightpos = childpos + 1
        if rightpos < length and values[rightpos] < values[childpos]:
            childpos = rightpos
        values[pos] = values[childpos]
        indices[pos] = indices[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    values[pos] = new_value
    indices[pos] = new_index
    sift_down(values, indices, startpos, pos)


@njit()
def heap_push(values, indices, value, index, length):
    values[length] = value
    indices[length] = index
    sift_down(values, indices, 0, length)


@njit()
def _numba_sorted_top_k(array: np.ndarray, k: int, sorted=True):
    n = len(array)
    if k > n:
        k = n

    values = np.zeros(k, dtype=array.dtype)  # aka scores
    indices = np.zeros(k, dtype=np.int32)
    length = 0

    for i, value in enumerate(array):
        if length < k:
            heap_push(values, indices, value, i, length)
            length += 1
        else:
            if value > values[0]:
                values[0] = value
                indices[0] = i
                sift_up(values, indices, 0, length)

    if sorted:
        # # This is the original code for sorting, we can skip it and return the values and indices
        # # to let numpy handle the sorting
        # top_k_values = np.zeros(k, dtype=array.dtype)
        # top_k_indices = np.zeros(k, dtype=np.int32)

        # for i in range(k - 1, -1, -1):
        #     top_k_values[i], top_k_indices[i] = heap_pop(values, indices, length)
        #     length -= 1
        # values = top_k_values
        # indices = top_k_indices

        # This is the new code that uses numpy to sort the values and indices instead of 
        # using the heap to sort them.
        sorted_indices = np.flip(np.argsort(values))
        indices = indices[sorted_indices]
        values = values[sorted_indices]

    return values, indices


_compute_relevance_from_scores_jit_ready = njit()(_compute_relevance_from_scores_jit_ready)

@njit(parallel=True)
def _retrieve_internal_jitted_parallel(
    query_tokens_ids_flat: np.ndarray,
    query_pointers: np.ndarray,
    k: int,
    sorted: bool,
    dtype: np.dtype,
    int_dtype: np.dtype,
    data: np.ndarray,
    indptr: np.ndarray,
    indices: np.ndarray,
    num_docs: int,
    nonoccurrence_array: np.ndarray = None,
):
    N = len(query_pointers) - 1

    topk_scores = np.zeros((N, k), dtype=dtype)
    topk_indices = np.zeros((N, k), dtype=int_dtype)

    for i in prange(N):
        query_tokens_single = query_tokens_ids_flat[query_pointers[i] : query_pointers[i + 1]]

        # query_tokens_single = np.asarray(query_tokens_single, dtype=int_dtype)
        scores_single = _compute_relevance_from_scores_jit_ready(
            query_tokens_ids=query_tokens_single,
            data=data,
            indptr=indptr,
            indices=indices,
            num_docs=num_docs,
            dtype=dtype,
        )

        # if there's a non-occurrence array, we need to add the non-occurrence score
        # back to the scores
        if nonoccurrence_array is not None:
            nonoccurrence_scores = nonoccurrence_array[query_tokens_single].sum()
            scores_single += nonoccurrence_scores

        topk_scores_sing, topk_indices_sing = _numba_sorted_top_k(
            scores_single, k=k, sorted=sorted
        )
        topk_scores[i] = topk_scores_sing
        topk_indices[i] = topk_indices_sing

    return topk_scores, topk_indices

# ---- harness (not part of the program) ----
ENTRY = "_retrieve_internal_jitted_parallel"


def inputs():
    # what _retrieve_numba_functional passes (positionally here): flat
    # int32 query token ids with their cumulative pointers, k=10,
    # sorted=True, np.dtype('float32') / np.dtype('int32'), the CSC arrays
    # of a BM25 score matrix (vocabulary columns, document rows) of 200
    # documents over 300 tokens, and no non-occurrence array
    rng = np.random.default_rng(0)
    num_docs, n_vocab = 200, 300
    indptr = [0]
    indices = []
    data = []
    for tok in range(n_vocab):
        docs = np.sort(rng.choice(num_docs, size=int(rng.integers(10, 30)),
                                  replace=False))
        indices.append(docs)
        data.append(rng.uniform(0.1, 3.0, size=len(docs)))
        indptr.append(indptr[-1] + len(docs))
    indptr = np.array(indptr, dtype=np.int32)
    indices = np.concatenate(indices).astype(np.int32)
    data = np.concatenate(data).astype(np.float32)
    queries = [rng.choice(n_vocab, size=int(rng.integers(3, 7)), replace=False)
               for _ in range(8)]
    query_pointers = np.cumsum([0] + [len(q) for q in queries], dtype="int32")
    query_tokens_ids_flat = np.concatenate(queries).astype("int32")
    return (query_tokens_ids_flat, query_pointers, 10, True,
            np.dtype("float32"), np.dtype("int32"), data, indptr, indices,
            num_docs, None)
