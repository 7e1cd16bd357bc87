# Source: iomega/spec2vec spec2vec/vector_operations.py (at commit 139fdb92)
# Licence: Apache-2.0 (spec2vec, setup.py license="Apache Software License 2.0"; Netherlands eScience Center)
# Notes: the similarity kernels of spec2vec (Word2Vec-based similarity of mass spectra): @numba.njit cosine_similarity_matrix (assert on matching vector dimensions, .astype(numpy.float64) of integer or float inputs because Numba's dot needs floats, row norms with numpy.sum(..., axis=1), in-place row normalisation, numpy.dot with a transpose) and @numba.njit cosine_similarity (integer-typed accumulators `prod12 = 0` that take int or float products, a guarded division and numpy.float64(...) of a possibly-int score). Pasted: the module without calc_vector and the imports it needs (gensim's BaseTopicModel and spec2vec.Document; gensim is not installed). The harness runs the docstring examples (int vectors), float64 spectrum embeddings (np.random.default_rng(0)), integer count vectors, a zero vector, float32 input, and the AssertionError for mismatched dimensions
import logging
from typing import Union
import numba
import numpy


logger = logging.getLogger("spec2vec")


@numba.njit
def cosine_similarity_matrix(vectors_1: numpy.ndarray, vectors_2: numpy.ndarray) -> numpy.ndarray:
    """Fast implementation of cosine similarity between two arrays of vectors.

    For example:

    .. code-block:: python

        import numpy as np
        from spec2vec.vector_operations import cosine_similarity_matrix

        vectors_1 = np.array([[1, 1, 0, 0],
                              [1, 0, 1, 1]])
        vectors_2 = np.array([[0, 1, 1, 0],
                              [0, 0, 1, 1]])
        similarity_matrix = cosine_similarity_matrix(vectors_1, vectors_2)


    Parameters
    ----------
    vectors_1
        Numpy array of vectors. vectors_1.shape[0] is number of vectors, vectors_1.shape[1]
        is vector dimension.
    vectors_2
        Numpy array of vectors. vectors_2.shape[0] is number of vectors, vectors_2.shape[1]
        is vector dimension.
    """
    assert vectors_1.shape[1] == vectors_2.shape[1], "Input vectors must have same shape."
    vectors_1 = vectors_1.astype(numpy.float64)  # Numba dot only accepts float or complex arrays
    vectors_2 = vectors_2.astype(numpy.float64)
    norm_1 = numpy.sqrt(numpy.sum(vectors_1**2, axis=1))
    norm_2 = numpy.sqrt(numpy.sum(vectors_2**2, axis=1))
    for i in range(vectors_1.shape[0]):
        vectors_1[i] = vectors_1[i] / norm_1[i]
    for i in range(vectors_2.shape[0]):
        vectors_2[i] = vectors_2[i] / norm_2[i]
    return numpy.dot(vectors_1, vectors_2.T)


@numba.njit
def cosine_similarity(vector1: numpy.ndarray, vector2: numpy.ndarray) -> numpy.float64:
    """Calculate cosine similarity between two input vectors.

    For example:

    .. testcode::

        import numpy as np
        from spec2vec.vector_operations import cosine_similarity

        vector1 = np.array([1, 1, 0, 0])
        vector2 = np.array([1, 1, 1, 1])
        print("Cosine similarity: {:.3f}".format(cosine_similarity(vector1, vector2)))

    Should output

    .. testoutput::

        Cosine similarity: 0.707

    Parameters
    ----------
    vector1
        Input vector. Can be array of integers or floats.
    vector2
        Input vector. Can be array of integers or floats.
    """
    assert vector1.shape[0] == vector2.shape[0], "Input vector must have same shape."
    prod12 = 0
    prod11 = 0
    prod22 = 0
    for i in range(vector1.shape[0]):
        prod12 += vector1[i] * vector2[i]
        prod11 += vector1[i] * vector1[i]
        prod22 += vector2[i] * vector2[i]
    cosine_score = 0
    if prod11 != 0 and prod22 != 0:
        cosine_score = prod12 / numpy.sqrt(prod11 * prod22)
    return numpy.float64(cosine_score)


# ---- harness (not part of the program) ----
ENTRY = "spec2vec_similarities"


def spec2vec_similarities(emb_a, emb_b, counts):
    out = {}
    v1 = numpy.array([[1, 1, 0, 0], [1, 0, 1, 1]])
    v2 = numpy.array([[0, 1, 1, 0], [0, 0, 1, 1]])
    out["doc_matrix"] = cosine_similarity_matrix(v1, v2)
    out["doc_pair"] = cosine_similarity(numpy.array([1, 1, 0, 0]), numpy.array([1, 1, 1, 1]))
    out["emb_matrix"] = cosine_similarity_matrix(emb_a, emb_b)
    out["emb_self"] = cosine_similarity_matrix(emb_a, emb_a)
    out["emb_pairs"] = [cosine_similarity(emb_a[i], emb_b[i]) for i in range(emb_b.shape[0])]
    out["counts_matrix"] = cosine_similarity_matrix(counts, counts[::-1])
    out["counts_pairs"] = [cosine_similarity(counts[i], counts[-1 - i]) for i in range(counts.shape[0])]
    out["zero"] = cosine_similarity(numpy.zeros(6), emb_a[0, :6])
    out["f32"] = cosine_similarity(emb_a[1].astype(numpy.float32), emb_b[1].astype(numpy.float32))
    out["f32_matrix"] = cosine_similarity_matrix(emb_a.astype(numpy.float32), emb_b[:3])
    try:
        cosine_similarity_matrix(emb_a, emb_b[:, :5])
        out["bad_shape"] = "no error"
    except AssertionError as e:
        out["bad_shape"] = str(e)
    return out


def inputs():
    rng = numpy.random.default_rng(0)
    emb_a = rng.normal(size=(6, 16))
    emb_b = rng.normal(size=(4, 16))
    counts = rng.integers(0, 5, size=(5, 12))
    return (emb_a, emb_b, counts)
