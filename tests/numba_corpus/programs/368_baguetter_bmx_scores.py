# Source: mixedbread-ai/baguetter baguetter/indices/sparse/models/bmx/index.py (at commit 297ed682), with top_k_numpy from baguetter/utils/numpy_utils.py and the tqdm import of baguetter/utils/common.py (both at commit 5e378b71)
# Licence: Apache-2.0 (baguetter LICENSE; Copyright 2024 mixedbread ai inc.)
# Notes: query scoring with BMX, baguetter's entropy-weighted extension of BM25 for lexical document retrieval (information retrieval, text): calculate_scores (plain Python) gathers the posting lists, term frequencies, idfs and entropies of the query tokens from the inverted index into four numba.typed.List objects, calls compute_query_doc_similarity (@nb.njit(cache=True): a count vector np.zeros((doc_count,), dtype=dtype) with a dtype argument, fancy-index increments count[ids] += 1 over a typed list of arrays, and a list comprehension of fancy-indexed gathers as the result) and _calculate_scores (@nb.njit(cache=True) with keyword-only arguments, Optional alpha/beta/token_weights defaulting to None and filled in with max/min and np.log, np.asarray of a typed list of entropies normalised by np.max, and a fancy-index accumulation scores[indices] += ... of array expressions per query term), then returns the top-k documents with top_k_numpy (np.argpartition, argsort, reversed). Pasted: the module's docstring, its __future__, dataclasses, collections, typing, numba and numpy imports, `from tqdm import tqdm` (what its `from baguetter.utils.common import tqdm` imports), top_k_numpy (instead of its import), the BMX dataclass, compute_query_doc_similarity, calculate_scores, _calculate_scores and convert_df_matrix_into_inverted_index; left out: build_index, which needs scikit-learn's CountVectorizer; the harness builds the index as build_index does (the same term x document count matrix in CSR form, made with scipy instead of CountVectorizer, turned into the inverted index by convert_df_matrix_into_inverted_index, then doc lengths and relative lengths) for 300 documents of 20-60 tokens over a 500-word Zipf-like vocabulary, and passes a 6-token query (np.int64 token ids), the BMX index and top_k = 10
"""BMX: Enhanced BM25-like Implementation for Document Retrieval.

This module provides an efficient implementation of a BM25-like algorithm (BMX)
for ranking documents according to their relevance to a given search query.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import TYPE_CHECKING

import numba as nb
import numpy as np
from numpy import ndarray

from tqdm import tqdm


def top_k_numpy(
    scores: np.ndarray,
    k: int,
    *,
    sort: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Find the top k scores and their indices in the input array.

    Args:
        scores: Input array of scores.
        k: Number of top elements to return.
        sort: Whether to sort the results in descending order.

    Returns:
        Tuple of (top_k_scores, top_k_indices).

    """
    k = min(k, len(scores))

    top_k_indices = np.argpartition(scores, -k)[-k:]
    top_k_scores = scores[top_k_indices]

    if sort:
        sorted_indices = np.argsort(top_k_scores)[::-1]
        top_k_scores = top_k_scores[sorted_indices]
        top_k_indices = top_k_indices[sorted_indices]

    return top_k_scores, top_k_indices


if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclasses.dataclass
class BMX:
    """Represents the BMX index for efficient document scoring and retrieval."""

    inverted_index: dict[int, dict]
    doc_lens: np.ndarray
    relative_doc_lens: np.ndarray
    avg_doc_len: float
    n_docs: int
    vocabulary: dict[str, int]


@nb.njit(cache=True)
def compute_query_doc_similarity(
    doc_ids: list[int],
    query_len: int,
    doc_count: int,
    dtype: np.dtype = np.float32,
) -> list[np.ndarray]:
    """Compute the query-document similarity.
    S(Q, D) = len(Q & D) / len(Q).
    """
    count = np.zeros((doc_count,), dtype=dtype)
    for ids in doc_ids:
        count[ids] += 1
    count /= query_len
    return [count[ids] for ids in doc_ids]


def calculate_scores(
    token_ids: np.array,
    index: BMX,
    top_k: int,
    dtype: str = "float32",
    token_weights: np.ndarray | None = None,
    alpha: float | None = None,
    beta: float | None = None,
) -> tuple[ndarray, ndarray]:
    query_len = len(token_ids)
    if query_len == 0:
        top_k = min(top_k, index.n_docs)
        return np.zeros((top_k,), dtype=dtype), np.arange(top_k)

    doc_ids = nb.typed.List()
    term_freqs = nb.typed.List()
    term_idfs = nb.typed.List()
    term_entropies = nb.typed.List()

    for token_id in token_ids:
        token_id_entry = index.inverted_index[token_id]
        doc_ids.append(token_id_entry["doc_ids"])
        term_freqs.append(token_id_entry["tf"])
        term_idfs.append(token_id_entry["idf"])
        term_entropies.append(token_id_entry["entropy"])

    query_doc_similarities = compute_query_doc_similarity(
        doc_ids,
        len(token_ids),
        index.n_docs,
        dtype=np.dtype(dtype),
    )

    scores = _calculate_scores(
        query_doc_similarities=query_doc_similarities,
        term_freqs=term_freqs,
        term_idfs=term_idfs,
        term_entropies=term_entropies,
        doc_ids=doc_ids,
        relative_doc_lens=index.relative_doc_lens,
        avg_doc_len=index.avg_doc_len,
        doc_count=index.n_docs,
        token_weights=token_weights,
        alpha=alpha,
        beta=beta,
        dtype=np.dtype(dtype),
    )

    top_k_scores, top_k_indices = top_k_numpy(scores, top_k, sort=True)
    return top_k_scores, top_k_indices


@nb.njit(cache=True)
def _calculate_scores(
    *,
    query_doc_similarities: list[np.ndarray],
    term_freqs: list[np.ndarray],
    term_idfs: list[np.ndarray],
    term_entropies: list[np.ndarray],
    doc_ids: list[np.ndarray],
    relative_doc_lens: np.ndarray,
    avg_doc_len: float,
    doc_count: int,
    alpha: float | None = None,
    beta: float | None = None,
    token_weights: list[float] | None = None,
    dtype: np.dtype = np.float32,
) -> ndarray:
    """Compute BMX scores."""
    # normalize entropy
    entropy = np.asarray(term_entropies)
    entropy /= np.max(entropy)

    # set hyperparameters
    if alpha is None:
        alpha = max(min(1.5, avg_doc_len / 100), 0.5)
    if beta is None:
        beta = 1 / np.log(1 + doc_count)
    avg_entropy = np.mean(entropy)

    # Initialize scores
    scores = np.zeros((doc_count,), dtype=dtype)

    for i in range(len(term_freqs)):
        token_weight = token_weights[i] if token_weights is not None else 1.0
        sims = query_doc_similarities[i]
        indices = doc_ids[i]
        freqs = term_freqs[i]
        idf = term_idfs[i]

        scores[indices] += token_weight * (
            idf * ((freqs * (alpha + 1.0)) / (freqs + alpha * relative_doc_lens[indices] + alpha * avg_entropy))
            + sims * entropy[i] * beta
        )

    return scores


def convert_df_matrix_into_inverted_index(
    *,
    df_matrix: ndarray,
    unique_token_ids: ndarray,
    n_docs: int,
    int_dtype: str = "int32",
    show_progress: bool = True,
) -> dict:
    """Convert document-frequency matrix into an inverted index."""
    inverted_index = defaultdict(dict)

    for i, term in enumerate(
        tqdm(
            unique_token_ids,
            disable=not show_progress,
            desc="Building inverted index",
            dynamic_ncols=True,
            mininterval=0.5,
        ),
    ):
        df = np.float32(len(df_matrix[i].indices))  # noqa: PD901
        idf = np.float32(np.log(1.0 + (((n_docs - df) + 0.5) / (df + 0.5))))
        tf = np.array(df_matrix[i].data, dtype=int_dtype)

        p = 1 / (1 + np.exp(-tf))
        entropy = -np.sum(p * np.log(p))

        inverted_index[term]["doc_ids"] = df_matrix[i].indices
        inverted_index[term]["tf"] = tf
        inverted_index[term]["idf"] = idf
        inverted_index[term]["entropy"] = entropy

    return inverted_index
# ---- harness (not part of the program) ----
ENTRY = "calculate_scores"


def inputs():
    # 300 documents of 20-60 tokens drawn from a 500-word vocabulary with
    # Zipf-like frequencies; the [n_terms x n_docs] count matrix in CSR form
    # (int32 counts), as build_index gets it from CountVectorizer
    import scipy.sparse as sp
    rng = np.random.default_rng(0)
    n_docs, n_terms = 300, 500
    p = 1.0 / np.arange(1, n_terms + 1) ** 1.1
    p /= p.sum()
    rows, cols = [], []
    for d in range(n_docs):
        toks = rng.choice(n_terms, size=rng.integers(20, 61), p=p)
        rows.extend([d] * len(toks))
        cols.extend(toks)
    dt = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                       shape=(n_docs, n_terms), dtype=np.int32)
    dt.sum_duplicates()
    dt_matrix = dt.transpose().tocsr()
    dt_matrix.sort_indices()
    unique_token_ids = np.arange(n_terms)
    inverted_index = convert_df_matrix_into_inverted_index(
        df_matrix=dt_matrix, unique_token_ids=unique_token_ids,
        n_docs=n_docs, int_dtype="int32", show_progress=False)
    doc_lens = np.squeeze(np.asarray(dt_matrix.sum(axis=0), dtype="float32"))
    avg_doc_len = float(np.mean(doc_lens))
    relative_doc_lens = doc_lens / avg_doc_len
    index = BMX(inverted_index=inverted_index, doc_lens=doc_lens,
                relative_doc_lens=relative_doc_lens, avg_doc_len=avg_doc_len,
                n_docs=n_docs,
                vocabulary={"w%d" % t: t for t in unique_token_ids})
    query = np.array([3, 17, 42, 88, 150, 311], dtype=np.int64)
    return query, index, 10
