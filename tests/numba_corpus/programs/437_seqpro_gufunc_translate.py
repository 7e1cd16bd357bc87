# Source: ML4GLand/SeqPro seqpro/_numba.py (at commit 0af826e8)
# Licence: MIT (SeqPro, LICENSE; Copyright (c) 2023 Adam Klie and David Laub)
# Notes: translation of DNA codons into amino acids for sequence-based machine learning (bioinformatics): gufunc_translate (@nb.guvectorize with the explicit "(u1[:], u1[:, :], u1[:], u1[:])" signature, layout "(k),(j,k),(j)->()" and target="parallel") compares each 3-mer against all 64 codons with a whole-array (seq == codons[i]).all() inside nb.prange and writes the matching amino acid into the scalar output; called on an (n, 3) array it broadcasts over the codons. Pasted: the whole module (its typing, numba, numpy and numpy.typing imports and the gufuncs gufunc_pad_left, gufunc_pad_both, gufunc_ohe, gufunc_ohe_char_idx and gufunc_translate) verbatim; the harness builds the standard genetic code as uint8 ASCII codon and amino-acid tables (TCAG order) and 30 codons of a random sequence, as seqpro's translate does before calling the gufunc
from typing import Optional, Union

import numba as nb
import numpy as np
from numpy.typing import NDArray


@nb.guvectorize(["(u1[:], u1[:])"], "(n)->(n)", target="parallel")
def gufunc_pad_left(
    seq: NDArray[np.uint8], res: Optional[NDArray[np.uint8]] = None
) -> NDArray[np.uint8]:  # type: ignore
    shift = (seq == 0).sum()
    for i in nb.prange(len(seq)):
        res[(i + shift) % len(seq)] = seq[i]  # type: ignore


@nb.guvectorize(["(u1[:], u1[:])"], "(n)->(n)", target="parallel")
def gufunc_pad_both(
    seq: NDArray[np.uint8], res: Optional[NDArray[np.uint8]] = None
) -> NDArray[np.uint8]:  # type: ignore
    shift = (seq == 0).sum() // 2
    for i in nb.prange(len(seq)):
        res[(i + shift) % len(seq)] = seq[i]  # type: ignore


@nb.guvectorize(["(u1, u1[:], u1[:])"], "(),(n)->(n)", target="parallel")
def gufunc_ohe(
    char: Union[np.uint8, NDArray[np.uint8]],
    alphabet: NDArray[np.uint8],
    res: Optional[NDArray[np.uint8]] = None,
) -> NDArray[np.uint8]:  # type: ignore
    for i in nb.prange(len(alphabet)):
        res[i] = np.uint8(alphabet[i] == char)  # type: ignore


@nb.guvectorize(["(u1[:], intp[:])"], "(n)->()", target="parallel")
def gufunc_ohe_char_idx(
    seq: NDArray[np.uint8],
    res: Optional[NDArray[np.intp]] = None,
) -> NDArray[np.intp]:  # type: ignore
    """Get the index of each character in an OHE array, leaving unknown as -1.

    For example, with an ACGT-coded OHE array, this maps an OHE array equal to
    [A, C, G, T, N] to [0, 1, 2, 3, -1].

    Parameters
    ----------
    seq : ndarray[np.uint8]
        A one-hot encoded array of sequence(s).
    res : ndarray[np.intp], optional

    Returns
    -------
    ndarray[np.intp]
    """
    res[0] = np.intp(-1)  # type: ignore
    for i in nb.prange(len(seq)):
        if seq[i] == 1:
            res[0] = i  # type: ignore


@nb.guvectorize(
    ["(u1[:], u1[:, :], u1[:], u1[:])"], "(k),(j,k),(j)->()", target="parallel"
)
def gufunc_translate(
    seq: NDArray[np.uint8],
    codons: NDArray[np.uint8],
    aminos_acids: NDArray[np.uint8],
    res: Optional[NDArray[np.uint8]] = None,
) -> NDArray[np.uint8]:  # type: ignore
    """Translate 3-mers into amino acids.

    Parameters
    ----------
    seq : NDArray[np.uint8]
        A k-mer or ndarray of k-mers.
    codons : NDArray[np.uint8]
        All unique k-mer codons as an (n, k) array.
    aminos_acids : NDArray[np.uint8]
        All amino acids corresponding to each codon, in matching order.
    res : Optional[NDArray[np.uint8]], optional
        Array to save the result in, by default None
    """
    for i in nb.prange(len(codons)):
        if (seq == codons[i]).all():
            res[0] = aminos_acids[i]  # type: ignore
# ---- harness (not part of the program) ----
ENTRY = "gufunc_translate"


def inputs():
    bases = "TCAG"
    table = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
    codons = np.array(
        [[ord(a), ord(b), ord(c)] for a in bases for b in bases for c in bases],
        dtype=np.uint8,
    )
    aminos = np.frombuffer(table.encode("ascii"), dtype=np.uint8).copy()
    rng = np.random.default_rng(0)
    alphabet = np.frombuffer(b"ACGT", dtype=np.uint8)
    seq = alphabet[rng.integers(0, 4, 90)].reshape(30, 3).copy()
    return (seq, codons, aminos)
