# Source: centre-for-humanities-computing/tweetopic tweetopic/_prob.py (at commit 2cb189ce)
# Licence: MIT (tweetopic LICENSE; Copyright (c) 2022 Center for Humanities Computing Aarhus)
# Notes: the cluster probabilities of short texts under a fitted Dirichlet Multinomial Mixture topic model (GSDMM, Yin & Wang 2014; topic modelling of tweets): predict_doc (@njit(parallel=False)) fills the probability vector in place by calling _cond_prob (@njit(parallel=False), called with keyword arguments) for every cluster, which computes formula 4 of Yin & Wang in logs (math.log and math.exp, a loop over the document's unique words that breaks at the first zero count and an inner loop over each word's count), then normalises with `norm_term = sum(probabilities) or 1` (the builtin sum over an array and `or` on a float) and a slice assignment probabilities[:] = probabilities / norm_term. Pasted: the module's math, numpy and numba imports, _cond_prob and predict_doc; left out: sample_categorical (which draws np.random.uniform inside jitted code; only the Gibbs sampler calls it); the harness function transform_docs is what DMM.transform does after fitting (one predict_doc call per document with keyword arguments, each into a fresh np.zeros(n_components), stacked), with max_unique_words the width of the padded word matrix; it is called with the padded unique-word ids and counts (int64) of 40 short documents over a 30-word vocabulary, and the float64 cluster document counts, word counts and cluster x word counts of an 8-component model (alpha = beta = 0.1, 6 components occupied) whose documents were assigned to clusters by their dominant word group, as _init_clusters counts them
from math import exp, log

import numpy as np
from numba import njit


@njit(parallel=False)
def _cond_prob(
    i_cluster: int,
    i_document: int,
    doc_unique_words: np.ndarray,
    doc_unique_word_counts: np.ndarray,
    n_words: int,
    alpha: float,
    beta: float,
    n_clusters: int,
    n_vocab: int,
    n_docs: int,
    cluster_doc_count: np.ndarray,
    cluster_word_count: np.ndarray,
    cluster_word_distribution: np.ndarray,
    max_unique_words: int,
) -> float:
    """Computes the conditional probability of a certain document joining the
    given mixture component.

    Implements formula no. 4 from Yin & Wang (2014).

    Parameters
    ----------
    i_cluster: int
        The label of the cluster.
    i_document: int
        Index of the document in the corpus.
    doc_unique_words: matrix of shape (n_documents, MAX_UNIQUE_WORDS)
        Matrix containing all indices of unique words in the document.
    doc_unique_word_counts: matrix of shape (n_documents, MAX_UNIQUE_WORDS)
        Matrix containing all counts for each unique word in the document.
    n_words: int
        Total number of words in the document.
    alpha: float
        Alpha parameter of the model.
    beta: float
        Beta parameter of the model.
    n_clusters: int
        Number of mixture components in the model.
    n_vocab: int
        Number of total vocabulary items.
    n_docs: int
        Total number of documents.
    cluster_doc_count: array of shape (n_clusters,)
        Array containing how many documents there are in each cluster.
    cluster_word_count: array of shape (n_clusters,)
        Contains the amount of words there are in each cluster.
    cluster_word_distribution: matrix of shape (n_clusters, n_vocab)
        Contains the amount a word occurs in a certain cluster.
    max_unique_words: int
        Maximum number of unique words seen in a document.
    """
    # I broke the formula into different pieces so that it's easier to write
    # I could not find a better way to organize it, as I'm not in total command of
    # the algebra going on here :))
    # I use logs instead of computing the products directly,
    # as it would quickly result in numerical overflow.
    log_norm_term = log(
        (cluster_doc_count[i_cluster] + alpha) / (n_docs - 1 + n_clusters * alpha),
    )
    log_numerator = 0
    for i_unique in range(max_unique_words):
        i_word = doc_unique_words[i_document, i_unique]
        count = doc_unique_word_counts[i_document, i_unique]
        if not count:
            # Breaking out at the first word that doesn't occur in the document
            break
        for j in range(count):
            log_numerator += log(
                cluster_word_distribution[i_cluster, i_word] + beta + j,
            )
    log_denominator = 0
    subres = cluster_word_count[i_cluster] + (n_vocab * beta)
    for j in range(n_words):
        log_denominator += log(subres + j)
    res = exp(log_norm_term + log_numerator - log_denominator)
    return res


@njit(parallel=False)
def predict_doc(
    probabilities: np.ndarray,
    i_document: int,
    doc_unique_words: np.ndarray,
    doc_unique_word_counts: np.ndarray,
    n_words: int,
    alpha: float,
    beta: float,
    n_clusters: int,
    n_vocab: int,
    n_docs: int,
    cluster_doc_count: np.ndarray,
    cluster_word_count: np.ndarray,
    cluster_word_distribution: np.ndarray,
    max_unique_words: int,
) -> None:
    """Computes the parameters of the multinomial distribution used for
    sampling.

    Parameters
    ----------
    probabilities(OUT): array of shape (n_clusters, )
        Parameters of the categorical distribution.
    i_document: int
        Index of the document in the corpus.
    doc_unique_words: matrix of shape (n_documents, MAX_UNIQUE_WORDS)
        Matrix containing all indices of unique words in the document.
    doc_unique_word_counts: matrix of shape (n_documents, MAX_UNIQUE_WORDS)
        Matrix containing all counts for each unique word in the document.
    n_words: int
        Total number of words in the document.
    alpha: float
        Alpha parameter of the model.
    beta: float
        Beta parameter of the model.
    n_clusters: int
        Number of mixture components in the model.
    n_vocab: int
        Number of total vocabulary items.
    n_docs: int
        Total number of documents.
    cluster_doc_count: array of shape (n_clusters,)
        Array containing how many documents there are in each cluster.
    cluster_word_count: array of shape (n_clusters,)
        Contains the amount of words there are in each cluster.
    cluster_word_distribution: matrix of shape (n_clusters, n_vocab)
        Contains the amount a word occurs in a certain cluster.
    max_unique_words: int
        Maximum number of unique words seen in a document.

    NOTE
    ----
    Beware that the function modifies a numpy array, that's passed in as
    an input parameter. Should not be used in parallel, as race conditions
    might arise.
    """
    # NOTE: we modify the original array here instead of returning a new
    # one, as allocating new arrays in such a nested loop is very inefficient.
    # Obtain all conditional probabilities
    for i_cluster in range(n_clusters):
        probabilities[i_cluster] = _cond_prob(
            i_cluster=i_cluster,
            i_document=i_document,
            doc_unique_words=doc_unique_words,
            doc_unique_word_counts=doc_unique_word_counts,
            n_words=n_words,
            alpha=alpha,
            beta=beta,
            n_clusters=n_clusters,
            n_vocab=n_vocab,
            n_docs=n_docs,
            cluster_doc_count=cluster_doc_count,
            cluster_word_count=cluster_word_count,
            cluster_word_distribution=cluster_word_distribution,
            max_unique_words=max_unique_words,
        )
    # Normalize probability vector
    norm_term = sum(probabilities) or 1
    probabilities[:] = probabilities / norm_term
# ---- harness (not part of the program) ----
ENTRY = "transform_docs"


def transform_docs(doc_unique_words, doc_unique_word_counts, alpha, beta,
                   n_components, n_features_in, cluster_doc_count,
                   cluster_word_count, components):
    # DMM.transform: one predict_doc call per document
    doc_words_count = np.sum(doc_unique_word_counts, axis=1)
    n_docs = doc_unique_words.shape[0]
    predictions = []
    for i_doc in range(n_docs):
        pred = np.zeros(n_components)
        predict_doc(
            probabilities=pred,
            i_document=i_doc,
            doc_unique_words=doc_unique_words,
            doc_unique_word_counts=doc_unique_word_counts,
            n_words=doc_words_count[i_doc],
            alpha=alpha,
            beta=beta,
            n_clusters=n_components,
            n_vocab=n_features_in,
            n_docs=n_docs,
            cluster_doc_count=cluster_doc_count,
            cluster_word_count=cluster_word_count,
            cluster_word_distribution=components,
            max_unique_words=doc_unique_words.shape[1],
        )
        predictions.append(pred)
    return np.stack(predictions)


def inputs():
    # 40 documents of 4-12 tokens over 30 words; each document mostly uses
    # one of 5 word groups; unique words padded to 10 columns (count 0);
    # documents of groups 0-2 split over two clusters, so 6 of the 8
    # components are occupied
    rng = np.random.default_rng(0)
    n_docs, n_vocab, n_comp, width = 40, 30, 8, 10
    words = np.zeros((n_docs, width), dtype=np.int64)
    counts = np.zeros((n_docs, width), dtype=np.int64)
    groups = np.arange(n_docs) % 5
    for d in range(n_docs):
        n_tok = rng.integers(4, 13)
        tokens = np.where(rng.random(n_tok) < 0.8,
                          groups[d] * 6 + rng.integers(0, 6, n_tok),
                          rng.integers(0, n_vocab, n_tok))
        uniq, cnt = np.unique(tokens, return_counts=True)
        uniq, cnt = uniq[:width], cnt[:width]
        words[d, :len(uniq)] = uniq
        counts[d, :len(uniq)] = cnt
    clusters = groups + 3 * (np.arange(n_docs) % 2 == 0) * (groups < 3)
    cluster_doc_count = np.zeros(n_comp)
    cluster_word_count = np.zeros(n_comp)
    components = np.zeros((n_comp, n_vocab))
    for d in range(n_docs):
        c = clusters[d]
        cluster_doc_count[c] += 1
        for w, k in zip(words[d], counts[d]):
            if not k:
                break
            cluster_word_count[c] += k
            components[c, w] += k
    return (words, counts, 0.1, 0.1, n_comp, n_vocab, cluster_doc_count,
            cluster_word_count, components)
