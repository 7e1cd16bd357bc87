# Source: debbiemarkslab/EVcouplings evcouplings/align/alignment.py (at commit 2a3d5310)
# Licence: MIT (EVcouplings, LICENSE: "MIT License, Copyright (c) 2017 EVcouplings development team")
# Notes: sequence-redundancy weighting of a protein multiple sequence alignment before coevolution (evolutionary couplings / contact) inference: num_cluster_members (@jit(nopython=True)) compares all pairs of the N x L alignment mapped to integers and counts, for each sequence, the sequences with at least identity_threshold fractional identity (their inverse is the sequence weight Alignment.set_weights stores); note that it rebinds L = 1.0 * L and then loops for k in range(L) over that float. Pasted: the module's imports that the pasted code needs (defaultdict, numpy, numba.jit), its alphabet constants GAP / ALPHABET_PROTEIN_NOGAP / ALPHABET_PROTEIN, the plain-Python sequences_to_matrix, map_from_alphabet and map_matrix that build the mapped matrix, and num_cluster_members, verbatim; left out: the file readers / writers, the Alignment class and the other jitted statistics; the harness builds what Alignment.set_weights passes: 150 aligned sequences of length 60 (a random ancestor, families of mutated descendants, some gap runs) turned into a character matrix by sequences_to_matrix and mapped with map_matrix(matrix, map_from_alphabet(ALPHABET_PROTEIN)), so an int64 matrix with values 0-20, and identity_threshold 0.8 (the default)
from collections import defaultdict

import numpy as np
from numba import jit

# constants
GAP = "-"

ALPHABET_PROTEIN_NOGAP = "ACDEFGHIKLMNPQRSTVWY"
ALPHABET_PROTEIN = GAP + ALPHABET_PROTEIN_NOGAP


def sequences_to_matrix(sequences):
    """
    Transforms a list of sequences into a
    numpy array.

    Parameters
    ----------
    sequences : list-like (str)
        List of strings containing aligned sequences

    Returns
    -------
    numpy.array
        2D array containing sequence alignment
        (first axis: sequences, second axis: columns)
    """
    if len(sequences) == 0:
        raise ValueError("Need at least one sequence")

    N = len(sequences)
    L = len(next(iter(sequences)))
    matrix = np.empty((N, L), dtype=str)

    for i, seq in enumerate(sequences):
        if len(seq) != L:
            raise ValueError(
                "Sequences have differing lengths: i={} L_0={} L_i={}".format(
                    i, L, len(seq)
                )
            )

        matrix[i] = np.array(list(seq))

    return matrix


def map_from_alphabet(alphabet=ALPHABET_PROTEIN, default=GAP):
    """
    Creates a mapping dictionary from a given alphabet.

    Parameters
    ----------
    alphabet : str
        Alphabet for remapping. Elements will
        be remapped according to alphabet starting
        from 0
    default : Elements in matrix that are not
        contained in alphabet will be treated as
        this character

    Raises
    ------
    ValueError
        For invalid default character
    """
    map_ = {
        c: i for i, c in enumerate(alphabet)
    }

    try:
        default = map_[default]
    except KeyError:
        raise ValueError(
            "Default {} is not in alphabet {}".format(default, alphabet)
        )

    return defaultdict(lambda: default, map_)


def map_matrix(matrix, map_):
    """
    Map elements in a numpy array using alphabet

    Parameters
    ----------
    matrix : np.array
        Matrix that should be remapped
    map_ : defaultdict
        Map that will be applied to matrix elements

    Returns
    -------
    np.array
        Remapped matrix
    """
    return np.vectorize(map_.__getitem__)(matrix)


@jit(nopython=True)
def num_cluster_members(matrix, identity_threshold):
    """
    Calculate number of sequences in alignment
    within given identity_threshold of each other

    Parameters
    ----------
    matrix : np.array
        N x L matrix containing N sequences of length L.
        Matrix must be mapped to range(0, num_symbols) using
        map_matrix function
    identity_threshold : float
        Sequences with at least this pairwise identity will be
        grouped in the same cluster.

    Returns
    -------
    np.array
        Vector of length N containing number of cluster
        members for each sequence (inverse of sequence
        weight)
    """
    N, L = matrix.shape
    L = 1.0 * L

    # minimal cluster size is 1 (self)
    num_neighbors = np.ones((N))

    # compare all pairs of sequences
    for i in range(N - 1):
        for j in range(i + 1, N):
            pair_id = 0
            for k in range(L):
                if matrix[i, k] == matrix[j, k]:
                    pair_id += 1

            if pair_id / L >= identity_threshold:
                num_neighbors[i] += 1
                num_neighbors[j] += 1

    return num_neighbors
# ---- harness (not part of the program) ----
ENTRY = "num_cluster_members"


def inputs():
    # 150 aligned sequences of length 60: 15 family founders mutated 30 %
    # from one ancestor, 10 descendants each mutated 2-30 %, some gap runs
    rng = np.random.default_rng(0)
    letters = np.array(list(ALPHABET_PROTEIN_NOGAP))
    ancestor = rng.choice(letters, 60)
    seqs = []
    for f in range(15):
        founder = ancestor.copy()
        m = rng.random(60) < 0.3
        founder[m] = rng.choice(letters, int(m.sum()))
        for d in range(10):
            s = founder.copy()
            m = rng.random(60) < rng.uniform(0.02, 0.3)
            s[m] = rng.choice(letters, int(m.sum()))
            if rng.random() < 0.3:
                a = int(rng.integers(0, 50))
                s[a:a + int(rng.integers(3, 10))] = GAP
            seqs.append("".join(s))
    matrix = sequences_to_matrix(seqs)
    return (map_matrix(matrix, map_from_alphabet(ALPHABET_PROTEIN)), 0.8)
