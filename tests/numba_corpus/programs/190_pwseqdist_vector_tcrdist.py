# Source: agartland/pwseqdist pwseqdist/nb_metrics.py (the distance matrices from pwseqdist/matrices.py)
# Licence: MIT (pwseqdist, LICENSE; Copyright (c) 2020 Andrew Fiore-Gartland)
# Notes: TCRdist (Dash et al. 2017) between pairs of T-cell-receptor CDR3 amino-acid sequences stored as int8 rows of a -1-padded matrix: per pair, either a position-by-position substitution distance (equal lengths, then `continue`) or a search over gap positions summing distance-matrix lookups from the N- and C-terminal ends (trimmed by ntrim/ctrim) with an early break, min/abs builtins on int8 lengths, += into an int16 result; the entry _nb_vector_tcrdist uses its defaults: a module-level int32 distance matrix built at import by make_numba_matrix from a dict of amino-acid pairs, ints and fixed_gappos=True; nb.jit(nopython=True, parallel=False, nogil=True) with nb.prange. The module's other jitted metrics are kept (hamming, Levenshtein edit distance with an int16 DP table built as zeros(mx_L * mx_L).reshape, nb.int_, a substitution metric with a nested closure over a dict of strings); its plain-Python wrappers nb_vector_hamming_distance/nb_vector_tcrdist/nb_vector_editdistance are left out, and `from .matrices import dict_from_matrix, parasail_aa_alphabet, identity_nb_distance_matrix, tcr_nb_distance_matrix` is replaced by the definitions those names need from a version of matrices.py (the unused dict_from_matrix, which needs parasail, left out)
import numpy as np
import itertools
import numba as nb

# ---- pwseqdist/matrices.py ----
"""Parasail uses a 23 AA alphabet for its substitution matrix.
A final column/row includes a value for any symbol not included
in the alphabet"""
parasail_aa_alphabet = 'ARNDCQEGHILKMFPSTWYVBZX'
"""Used for reconstruction of sequences from number representation"""
parasail_aa_alphabet_with_unknown = 'ARNDCQEGHILKMFPSTWYVBZX*'

identity_nb_distance_matrix = np.ones((len(parasail_aa_alphabet_with_unknown), len(parasail_aa_alphabet_with_unknown)), dtype=np.int32)
identity_nb_distance_matrix[np.diag_indices_from(identity_nb_distance_matrix)] = 0


def make_numba_matrix(distance_matrix, alphabet=parasail_aa_alphabet_with_unknown):
    """Make a numba compatible distance matrix from dict of tuples, e.g. key=('A', 'C')
    A numba compatible distance matrix is the same as a parasail compatible matrix
    if the default alphabet is used (including the dtype).

    If you have a parasail SIMILARITY matrix you'd like to use with a numba distance
    metric you can pass the matrix attribute (e.g. parasail.blosum62.matrix) directly to
    the metric as they are both formatted the same (though make sure you use the parasail
    alphabet with seqs2mat when encoding the sequences.

    However, note that metrics may want a DISTANCE matrix as opposed to a SIMILARITY
    matrix. For example, nb_editdistance uses a distance matrix with zeros along the
    diagonal, which means a BLOSUM type similarity matrix would have to be converted
    to a distance matrix (see kernel2dist below).

    Parameters
    ----------
    distance_matrix : dict
        Keys are tuples like ('A', 'C') with values containing an integer.
    alphabet : str

    Returns
    -------
    distance_matrix : np.ndarray, dtype=np.int32"""
    
    dm = np.zeros((len(alphabet), len(alphabet)), dtype=np.int32)
    for (aa1, aa2), d in distance_matrix.items():
        dm[alphabet.index(aa1), alphabet.index(aa2)] = d
        dm[alphabet.index(aa2), alphabet.index(aa1)] = d
    return dm

tcr_dict_distance_matrix = {('A', 'A'): 0,  ('A', 'C'): 4,  ('A', 'D'): 4,  ('A', 'E'): 4,  ('A', 'F'): 4,  ('A', 'G'): 4,  ('A', 'H'): 4,  ('A', 'I'): 4,  ('A', 'K'): 4,  ('A', 'L'): 4,  ('A', 'M'): 4,  ('A', 'N'): 4,  ('A', 'P'): 4,  ('A', 'Q'): 4,  ('A', 'R'): 4,  ('A', 'S'): 3,  ('A', 'T'): 4,  ('A', 'V'): 4,  ('A', 'W'): 4,  ('A', 'Y'): 4,  ('C', 'A'): 4,  ('C', 'C'): 0,  ('C', 'D'): 4,  ('C', 'E'): 4,  ('C', 'F'): 4,  ('C', 'G'): 4,  ('C', 'H'): 4,  ('C', 'I'): 4,  ('C', 'K'): 4,  ('C', 'L'): 4,  ('C', 'M'): 4,  ('C', 'N'): 4,  ('C', 'P'): 4,  ('C', 'Q'): 4,  ('C', 'R'): 4,  ('C', 'S'): 4,  ('C', 'T'): 4,  ('C', 'V'): 4,  ('C', 'W'): 4,  ('C', 'Y'): 4,  ('D', 'A'): 4,  ('D', 'C'): 4,  ('D', 'D'): 0,  ('D', 'E'): 2,  ('D', 'F'): 4,  ('D', 'G'): 4,  ('D', 'H'): 4,  ('D', 'I'): 4,  ('D', 'K'): 4,  ('D', 'L'): 4,  ('D', 'M'): 4,  ('D', 'N'): 3,  ('D', 'P'): 4,  ('D', 'Q'): 4,  ('D', 'R'): 4,  ('D', 'S'): 4,  ('D', 'T'): 4,  ('D', 'V'): 4,  ('D', 'W'): 4,  ('D', 'Y'): 4,  ('E', 'A'): 4,  ('E', 'C'): 4,  ('E', 'D'): 2,  ('E', 'E'): 0,  ('E', 'F'): 4,  ('E', 'G'): 4,  ('E', 'H'): 4,  ('E', 'I'): 4,  ('E', 'K'): 3,  ('E', 'L'): 4,  ('E', 'M'): 4,  ('E', 'N'): 4,  ('E', 'P'): 4,  ('E', 'Q'): 2,  ('E', 'R'): 4,  ('E', 'S'): 4,  ('E', 'T'): 4,  ('E', 'V'): 4,  ('E', 'W'): 4,  ('E', 'Y'): 4,  ('F', 'A'): 4,  ('F', 'C'): 4,  ('F', 'D'): 4,  ('F', 'E'): 4,  ('F', 'F'): 0,  ('F', 'G'): 4,  ('F', 'H'): 4,  ('F', 'I'): 4,  ('F', 'K'): 4,  ('F', 'L'): 4,  ('F', 'M'): 4,  ('F', 'N'): 4,  ('F', 'P'): 4,  ('F', 'Q'): 4,  ('F', 'R'): 4,  ('F', 'S'): 4,  ('F', 'T'): 4,  ('F', 'V'): 4,  ('F', 'W'): 3,  ('F', 'Y'): 1,  ('G', 'A'): 4,  ('G', 'C'): 4,  ('G', 'D'): 4,  ('G', 'E'): 4,  ('G', 'F'): 4,  ('G', 'G'): 0,  ('G', 'H'): 4,  ('G', 'I'): 4,  ('G', 'K'): 4,  ('G', 'L'): 4,  ('G', 'M'): 4,  ('G', 'N'): 4,  ('G', 'P'): 4,  ('G', 'Q'): 4,  ('G', 'R'): 4,  ('G', 'S'): 4,  ('G', 'T'): 4,  ('G', 'V'): 4,  ('G', 'W'): 4,  ('G', 'Y'): 4,  ('H', 'A'): 4,  ('H', 'C'): 4,  ('H', 'D'): 4,  ('H', 'E'): 4,  ('H', 'F'): 4,  ('H', 'G'): 4,  ('H', 'H'): 0,  ('H', 'I'): 4,  ('H', 'K'): 4,  ('H', 'L'): 4,  ('H', 'M'): 4,  ('H', 'N'): 3,  ('H', 'P'): 4,  ('H', 'Q'): 4,  ('H', 'R'): 4,  ('H', 'S'): 4,  ('H', 'T'): 4,  ('H', 'V'): 4,  ('H', 'W'): 4,  ('H', 'Y'): 2,  ('I', 'A'): 4,  ('I', 'C'): 4,  ('I', 'D'): 4,  ('I', 'E'): 4,  ('I', 'F'): 4,  ('I', 'G'): 4,  ('I', 'H'): 4,  ('I', 'I'): 0,  ('I', 'K'): 4,  ('I', 'L'): 2,  ('I', 'M'): 3,  ('I', 'N'): 4,  ('I', 'P'): 4,  ('I', 'Q'): 4,  ('I', 'R'): 4,  ('I', 'S'): 4,  ('I', 'T'): 4,  ('I', 'V'): 1,  ('I', 'W'): 4,  ('I', 'Y'): 4,  ('K', 'A'): 4,  ('K', 'C'): 4,  ('K', 'D'): 4,  ('K', 'E'): 3,  ('K', 'F'): 4,  ('K', 'G'): 4,  ('K', 'H'): 4,  ('K', 'I'): 4,  ('K', 'K'): 0,  ('K', 'L'): 4,  ('K', 'M'): 4,  ('K', 'N'): 4,  ('K', 'P'): 4,  ('K', 'Q'): 3,  ('K', 'R'): 2,  ('K', 'S'): 4,  ('K', 'T'): 4,  ('K', 'V'): 4,  ('K', 'W'): 4,  ('K', 'Y'): 4,  ('L', 'A'): 4,  ('L', 'C'): 4,  ('L', 'D'): 4,  ('L', 'E'): 4,  ('L', 'F'): 4,  ('L', 'G'): 4,  ('L', 'H'): 4,  ('L', 'I'): 2,  ('L', 'K'): 4,  ('L', 'L'): 0,  ('L', 'M'): 2,  ('L', 'N'): 4,  ('L', 'P'): 4,  ('L', 'Q'): 4,  ('L', 'R'): 4,  ('L', 'S'): 4,  ('L', 'T'): 4,  ('L', 'V'): 3,  ('L', 'W'): 4,  ('L', 'Y'): 4,  ('M', 'A'): 4,  ('M', 'C'): 4,  ('M', 'D'): 4,  ('M', 'E'): 4,  ('M', 'F'): 4,  ('M', 'G'): 4,  ('M', 'H'): 4,  ('M', 'I'): 3,  ('M', 'K'): 4,  ('M', 'L'): 2,  ('M', 'M'): 0,  ('M', 'N'): 4,  ('M', 'P'): 4,  ('M', 'Q'): 4,  ('M', 'R'): 4,  ('M', 'S'): 4,  ('M', 'T'): 4,  ('M', 'V'): 3,  ('M', 'W'): 4,  ('M', 'Y'): 4,  ('N', 'A'): 4,  ('N', 'C'): 4,  ('N', 'D'): 3,  ('N', 'E'): 4,  ('N', 'F'): 4,  ('N', 'G'): 4,  ('N', 'H'): 3,  ('N', 'I'): 4,  ('N', 'K'): 4,  ('N', 'L'): 4,  ('N', 'M'): 4,  ('N', 'N'): 0,  ('N', 'P'): 4,  ('N', 'Q'): 4,  ('N', 'R'): 4,  ('N', 'S'): 3,  ('N', 'T'): 4,  ('N', 'V'): 4,  ('N', 'W'): 4,  ('N', 'Y'): 4,  ('P', 'A'): 4,  ('P', 'C'): 4,  ('P', 'D'): 4,  ('P', 'E'): 4,  ('P', 'F'): 4,  ('P', 'G'): 4,  ('P', 'H'): 4,  ('P', 'I'): 4,  ('P', 'K'): 4,  ('P', 'L'): 4,  ('P', 'M'): 4,  ('P', 'N'): 4,  ('P', 'P'): 0,  ('P', 'Q'): 4,  ('P', 'R'): 4,  ('P', 'S'): 4,  ('P', 'T'): 4,  ('P', 'V'): 4,  ('P', 'W'): 4,  ('P', 'Y'): 4,  ('Q', 'A'): 4,  ('Q', 'C'): 4,  ('Q', 'D'): 4,  ('Q', 'E'): 2,  ('Q', 'F'): 4,  ('Q', 'G'): 4,  ('Q', 'H'): 4,  ('Q', 'I'): 4,  ('Q', 'K'): 3,  ('Q', 'L'): 4,  ('Q', 'M'): 4,  ('Q', 'N'): 4,  ('Q', 'P'): 4,  ('Q', 'Q'): 0,  ('Q', 'R'): 3,  ('Q', 'S'): 4,  ('Q', 'T'): 4,  ('Q', 'V'): 4,  ('Q', 'W'): 4,  ('Q', 'Y'): 4,  ('R', 'A'): 4,  ('R', 'C'): 4,  ('R', 'D'): 4,  ('R', 'E'): 4,  ('R', 'F'): 4,  ('R', 'G'): 4,  ('R', 'H'): 4,  ('R', 'I'): 4,  ('R', 'K'): 2,  ('R', 'L'): 4,  ('R', 'M'): 4,  ('R', 'N'): 4,  ('R', 'P'): 4,  ('R', 'Q'): 3,  ('R', 'R'): 0,  ('R', 'S'): 4,  ('R', 'T'): 4,  ('R', 'V'): 4,  ('R', 'W'): 4,  ('R', 'Y'): 4,  ('S', 'A'): 3,  ('S', 'C'): 4,  ('S', 'D'): 4,  ('S', 'E'): 4,  ('S', 'F'): 4,  ('S', 'G'): 4,  ('S', 'H'): 4,  ('S', 'I'): 4,  ('S', 'K'): 4,  ('S', 'L'): 4,  ('S', 'M'): 4,  ('S', 'N'): 3,  ('S', 'P'): 4,  ('S', 'Q'): 4,  ('S', 'R'): 4,  ('S', 'S'): 0,  ('S', 'T'): 3,  ('S', 'V'): 4,  ('S', 'W'): 4,  ('S', 'Y'): 4,  ('T', 'A'): 4,  ('T', 'C'): 4,  ('T', 'D'): 4,  ('T', 'E'): 4,  ('T', 'F'): 4,  ('T', 'G'): 4,  ('T', 'H'): 4,  ('T', 'I'): 4,  ('T', 'K'): 4,  ('T', 'L'): 4,  ('T', 'M'): 4,  ('T', 'N'): 4,  ('T', 'P'): 4,  ('T', 'Q'): 4,  ('T', 'R'): 4,  ('T', 'S'): 3,  ('T', 'T'): 0,  ('T', 'V'): 4,  ('T', 'W'): 4,  ('T', 'Y'): 4,  ('V', 'A'): 4,  ('V', 'C'): 4,  ('V', 'D'): 4,  ('V', 'E'): 4,  ('V', 'F'): 4,  ('V', 'G'): 4,  ('V', 'H'): 4,  ('V', 'I'): 1,  ('V', 'K'): 4,  ('V', 'L'): 3,  ('V', 'M'): 3,  ('V', 'N'): 4,  ('V', 'P'): 4,  ('V', 'Q'): 4,  ('V', 'R'): 4,  ('V', 'S'): 4,  ('V', 'T'): 4,  ('V', 'V'): 0,  ('V', 'W'): 4,  ('V', 'Y'): 4,  ('W', 'A'): 4,  ('W', 'C'): 4,  ('W', 'D'): 4,  ('W', 'E'): 4,  ('W', 'F'): 3,  ('W', 'G'): 4,  ('W', 'H'): 4,  ('W', 'I'): 4,  ('W', 'K'): 4,  ('W', 'L'): 4,  ('W', 'M'): 4,  ('W', 'N'): 4,  ('W', 'P'): 4,  ('W', 'Q'): 4,  ('W', 'R'): 4,  ('W', 'S'): 4,  ('W', 'T'): 4,  ('W', 'V'): 4,  ('W', 'W'): 0,  ('W', 'Y'): 2,  ('Y', 'A'): 4,  ('Y', 'C'): 4,  ('Y', 'D'): 4,  ('Y', 'E'): 4,  ('Y', 'F'): 1,  ('Y', 'G'): 4,  ('Y', 'H'): 2,  ('Y', 'I'): 4,  ('Y', 'K'): 4,  ('Y', 'L'): 4,  ('Y', 'M'): 4,  ('Y', 'N'): 4,  ('Y', 'P'): 4,  ('Y', 'Q'): 4,  ('Y', 'R'): 4,  ('Y', 'S'): 4,  ('Y', 'T'): 4,  ('Y', 'V'): 4,  ('Y', 'W'): 2,  ('Y', 'Y'): 0}
# tcr_dict_distance_matrix = {f"{x[0]}{x[1]}":d for x,d in tcr_dict_distance_matrix.items()}
tcr_nb_distance_matrix = make_numba_matrix(tcr_dict_distance_matrix)

# ---- pwseqdist/nb_metrics.py ----
__all__ = ['nb_hamming_distance',
           'nb_vector_hamming_distance',
           'nb_editdistance',
           'nb_vector_editdistance',
           'nb_tcrdist',
           'nb_vector_tcrdist']

@nb.jit(nopython=True, parallel=False, nogil=True)
def nb_hamming_distance(vec1, vec2, check_lengths=True):
    if check_lengths:
        assert vec1.shape[0] == vec2.shape[0]
        npos = vec1.shape[0]
    else:
        npos = min(vec1.shape[0], vec2.shape[0])

    tot = 0
    for i in range(npos):
        if vec1[i] != vec2[i]:
            tot += 1
    return tot

@nb.jit(nopython=True, parallel=False, nogil=True)
def _nb_vector_hamming_distance(indices, seqs_mat, seqs_L, check_lengths=True):
    dist = np.zeros(indices.shape[0], dtype=np.int16)
    for ind_i in nb.prange(indices.shape[0]):
        query_i = indices[ind_i, 0]
        seq_i = indices[ind_i, 1]
        q_L = seqs_L[query_i]
        s_L = seqs_L[seq_i]
        if check_lengths:
            assert q_L == s_L
        for i in range(min(q_L, s_L)):
            if seqs_mat[query_i, i] != seqs_mat[seq_i, i]:
                dist[ind_i] += 1
    return dist


@nb.jit(nopython=True, parallel=False, nogil=True)
def nb_editdistance(seq_vec1, seq_vec2, distance_matrix=identity_nb_distance_matrix, gap_penalty=1):
    """Computes the Levenshtein edit distance between two sequences, with the AA substitution
    distances provided in distance_matrix.

    The default distance matrix has a 1 for mismatches and 0 for matches.

    Parameters
    ----------
    seqs_vec : np.ndarray dtype=int16
        Vector/integer representation of a sequence, created by
        pwsd.seqs2mat. Padding should have been removed by pwsd.distance_vec
    distance_matrix : np.ndarray [alphabet, alphabet] dtype=int32
        A square distance matrix (NOT a similarity matrix).
        Matrix must match the alphabet that was used to create
        seqs_mat, where each AA is represented by an index into the alphabet.
    gap_penalty : int
        Penalty for insertions and deletions in the optimal alignment.

    Returns
    -------
    dist : int16
        Edit distance between seq1 and seq2"""
    
    q_L = seq_vec1.shape[0]
    s_L = seq_vec2.shape[0]
    if q_L == s_L:
        """No gaps: substitution distance
        This will make it differ from a strict edit-distance since
        the optimal edit-distance may insert same number of gaps in both sequences"""
        dist = 0
        for i in range(q_L):
            dist += distance_matrix[seq_vec1[i], seq_vec2[i]]
        return dist

    ldmat = np.zeros((q_L, s_L), dtype=np.int16)
    for row in range(1, q_L):
        ldmat[row, 0] = row * gap_penalty

    for col in range(1, s_L):
        ldmat[0, col] = col * gap_penalty
        
    for col in range(1, s_L):
        for row in range(1, q_L):
            ldmat[row, col] = min(ldmat[row-1, col] + gap_penalty,
                                 ldmat[row, col-1] + gap_penalty,
                                 ldmat[row-1, col-1] + distance_matrix[seq_vec1[row-1], seq_vec2[col-1]]) # substitution
    return ldmat[row, col]

@nb.jit(nopython=True, parallel=False, nogil=True)
def nb_tcrdist(seq_vec1, seq_vec2, distance_matrix=tcr_nb_distance_matrix, dist_weight=3, gap_penalty=4, ntrim=3, ctrim=2, fixed_gappos=True):
    """Compute "tcrdist" distance between two TCR CDR3 sequences. Using default weight, gap penalty, ntrim and ctrim is equivalent to the
    original distance published in Dash et al, (2017). By setting ntrim and ctrim to 0 and adjusting the dist_weight, it is also possible
    to compute the CDR1/2 loop distances which can be combined with the CDR3 distance for overall distance. See tcrdist2 package for details.

    NOTE: the same alphabet must be used to encode the sequences as integer vectors and to create the distance matrix.

    Parameters
    ----------
    seq_vec1/2 : np.ndarray [npositions, ]
        Vector of integers that encode AA symbols as an index into the distance_matrix, and associated alphabet.
        Vector can be created using seq2vec or seqs2mat functions which return dtype=np.int8
    distance_matrix : ndarray [alphabet x alphabet]
        Square symetric DISTANCE matrix with zeros along the diagonal. A similarity substitution matrix such as BLOSUM62 cannot be used here
        (see kernel2dist for a converter). Each element_ij contains the distance between the symbols at position i and j in the symbol
        alphabet that was used to create the matrix. The function make_numba_matrix can create this matrix and returns dtype=np.int16
    dist_weight : int
        Weight applied to the mismatch distances before summing with the gap penalties
    gap_penalty : int
        Distance penalty for the difference in the length of the two sequences
    ntrim/ctrim : int
        Positions trimmed off the N-terminus (0) and C-terminus (L-1) ends of the peptide sequence. These symbols will be ignored
        in the distance calculation.
    fixed_gappos : bool
        If True, insert gaps at a fixed position after the cysteine residue statring the CDR3 (typically position 6).
        If False, find the "optimal" position for inserting the gaps to make up the difference in length"""
    q_L = seq_vec1.shape[0]
    s_L = seq_vec2.shape[0]
    if q_L == s_L:
        """No gaps: substitution distance"""
        tmp_dist = 0
        for i in range(ntrim, q_L - ctrim):
            tmp_dist += distance_matrix[seq_vec1[i], seq_vec2[i]]
        return tmp_dist * dist_weight

    short_len = min(q_L, s_L)
    len_diff = abs(q_L - s_L)
    if fixed_gappos:
        """If we are not aligning, use a fixed gap position relative to the start of the CDR3
        that reflects the typically longer and more variable-length contributions to
        the CDR3 from the J than from the V. For a normal-length
        CDR3 this would be after the Cys+5 position (ie, gappos = 6; align 6 rsds on N-terminal side of CDR3).
        Use an earlier gappos if lenshort is less than 11."""
        min_gappos = min(6, 3 + (short_len - 5) // 2)
        max_gappos = min_gappos
    else:
        """The CYS and the first G of the GXG are 'aligned' in the beta sheet
        the alignment seems to continue through roughly CYS+4
        ie it's hard to see how we could have an 'insertion' within that region
        gappos=1 would be a insertion after CYS
        gappos=5 would be a insertion after CYS+4 (5 rsds before the gap)
        the full cdr3 ends at the position before the first G
        so gappos of len(shortseq)-1 would be gap right before the 'G'
        shifting this back by 4 would be analogous to what we do on the other strand, ie len(shortseq)-1-4"""
        min_gappos = 5
        max_gappos = short_len - 1 - 4
        while min_gappos > max_gappos:
            min_gappos -= 1
            max_gappos += 1
    min_dist = -1
    # min_count = -1
    for gappos in range(min_gappos, max_gappos + 1):
        tmp_dist = 0
        # tmp_count = 0
        remainder = short_len - gappos
        for n_i in range(ntrim, gappos):
            """n_i refers to position relative to N term"""
            # print (n_i, shortseq[i], longseq[i], distance_matrix[shortseq[i]+longseq[i]])
            tmp_dist += distance_matrix[seq_vec1[n_i], seq_vec2[n_i]]
            # tmp_count += 1
        #print('sequence_distance_with_gappos1:', gappos, remainder, dist[seq_i])
        for c_i in range(ctrim, remainder):
            """c_i refers to position relative to C term, counting upwards from C term"""
            tmp_dist += distance_matrix[seq_vec1[q_L - 1 - c_i], seq_vec2[s_L - 1 - c_i]]
            # tmp_count += 1
        #print('sequence_distance_with_gappos2:', gappos, remainder, dist[seq_i])
        if tmp_dist < min_dist or min_dist == -1:
            min_dist = tmp_dist
            # min_count = tmp_count
        if min_dist == 0:
            break
    """Note that weight_cdr3_region is not applied to the gap penalty"""
    return min_dist * dist_weight + len_diff * gap_penalty

@nb.jit(nopython=True, parallel=False, nogil=True)
def _nb_vector_tcrdist(indices, seqs_mat, seqs_L, distance_matrix=tcr_nb_distance_matrix, dist_weight=3, gap_penalty=4, ntrim=3, ctrim=2, fixed_gappos=True):
    """This function works OK on its own. Wrapping it with the above python function was a workaround because
    joblib and multiprocessing seem to have an issue retaining default arguments with numba functions."""
    assert seqs_mat.shape[0] == seqs_L.shape[0]

    dist = np.zeros(indices.shape[0], dtype=np.int16)
    for ind_i in nb.prange(indices.shape[0]):
        query_i = indices[ind_i, 0]
        seq_i = indices[ind_i, 1]
        q_L = seqs_L[query_i]
        s_L = seqs_L[seq_i]
        if q_L == s_L:
            """No gaps: substitution distance"""
            for i in range(ntrim, q_L - ctrim):
                dist[ind_i] += distance_matrix[seqs_mat[query_i, i], seqs_mat[seq_i, i]] * dist_weight
            continue

        short_len = min(q_L, s_L)
        len_diff = abs(q_L - s_L)
        if fixed_gappos:
            min_gappos = min(6, 3 + (short_len - 5) // 2)
            max_gappos = min_gappos
        else:
            min_gappos = 5
            max_gappos = short_len - 1 - 4
            while min_gappos > max_gappos:
                min_gappos -= 1
                max_gappos += 1
        min_dist = -1
        # min_count = -1
        for gappos in range(min_gappos, max_gappos + 1):
            tmp_dist = 0
            # tmp_count = 0
            remainder = short_len - gappos
            for n_i in range(ntrim, gappos):
                """n_i refers to position relative to N term"""
                # print (n_i, shortseq[i], longseq[i], distance_matrix[shortseq[i]+longseq[i]])
                tmp_dist += distance_matrix[seqs_mat[query_i, n_i], seqs_mat[seq_i, n_i]]
                # tmp_count += 1
            #print('sequence_distance_with_gappos1:', gappos, remainder, dist[seq_i])
            for c_i in range(ctrim, remainder):
                """c_i refers to position relative to C term, counting upwards from C term"""
                tmp_dist += distance_matrix[seqs_mat[query_i, q_L - 1 - c_i], seqs_mat[seq_i, s_L - 1 - c_i]]
                # tmp_count += 1
            #print('sequence_distance_with_gappos2:', gappos, remainder, dist[seq_i])
            if tmp_dist < min_dist or min_dist == -1:
                min_dist = tmp_dist
                # min_count = tmp_count
            if min_dist == 0:
                break
        dist[ind_i] = min_dist * dist_weight + len_diff * gap_penalty
    return dist

@nb.jit(nopython=True, parallel=False, nogil=True)
def _nb_vector_editdistance(indices, seqs_mat, seqs_L, distance_matrix=identity_nb_distance_matrix, gap_penalty=1):
    """This function works OK on its own. Wrapping it with the above python function was a workaround because
    joblib and multiprocessing seem to have an issue retaining default arguments with numba functions."""
    assert seqs_mat.shape[0] == seqs_L.shape[0]
    mx_L = nb.int_(np.max(seqs_L))

    dist = np.zeros(indices.shape[0], dtype=np.int16)
    
    """As long as ldmat is big enough to accomodate the largest sequence
    its OK to only use part of it for the smaller sequences
    NOTE that to create a 2D array it must be created 1D and reshaped"""
    ldmat = np.zeros(mx_L * mx_L, dtype=np.int16).reshape((mx_L, mx_L))
    for ind_i in nb.prange(indices.shape[0]):
        query_i = indices[ind_i, 0]
        seq_i = indices[ind_i, 1]
        
        q_L = seqs_L[query_i]
        s_L = seqs_L[seq_i]
        if q_L == s_L:
            """No gaps: substitution distance
            This will make it differ from a strict edit-distance since
            the optimal edit-distance may insert same number of gaps in both sequences"""
            #tmp_dist = 0
            for i in range(q_L):
                dist[ind_i] += distance_matrix[seqs_mat[query_i, i], seqs_mat[seq_i, i]]
            #dist[ind_i] = tmp_dist
            continue
    
        """Do not need to re-zero each time"""
        # ldmat = np.zeros((q_L, s_L), dtype=np.int16)
        for row in range(1, q_L):
            ldmat[row, 0] = row * gap_penalty

        for col in range(1, s_L):
            ldmat[0, col] = col * gap_penalty
            
        for col in range(1, s_L):
            for row in range(1, q_L):
                ldmat[row, col] = min(ldmat[row-1, col] + gap_penalty,
                                     ldmat[row, col-1] + gap_penalty,
                                     ldmat[row-1, col-1] + distance_matrix[seqs_mat[query_i, row-1], seqs_mat[seq_i, col-1]]) # substitution
        dist[ind_i] = ldmat[row, col]
    return dist

@nb.jit(nopython=True, nogil=True)
def _nb_hamming_distance(str1, str2):
    assert len(str1) == len(str2)

    tot = 0
    for i in range(len(str1)):
        if str1[i] != str2[i]:
            tot += 1
    return tot

@nb.jit(nopython=True, nogil=True)
def _nb_subst_metric(seq1, seq2, subst_dict, as_similarity=False):
    """Computes sequence similarity based on the substitution matrix.
    Requires that sequences are pre-aligned and equal length.
    Operates on strings and a dict substitution matrix"""
    assert len(seq1) == len(seq2)

    def _sim_func(s1, s2, subst):
        sim12 = 0.
        for i in range(len(s1)):
            k1 = s1[i] + '|' + s2[i]
            k2 = s2[i] + '|' + s1[i]
            sim12 += subst.get(k1, subst.get(k2, subst['n|a']))
        return sim12

    """Site-wise similarity between seq1 and seq2 using the substitution matrix subst"""
    sim12 = _sim_func(seq1, seq2, subst_dict)

    if as_similarity:
        return sim12
    else:
        L = len(seq1)
        sim11 = _sim_func(seq1, seq1, subst_dict)
        sim22 = _sim_func(seq2, seq2, subst_dict)
        D = sim11 + sim22 - 2 * sim12
        return D

# ---- harness (not part of the program) ----
ENTRY = "_nb_vector_tcrdist"


def inputs():
    # what nb_vector_tcrdist passes for all pairs (i < j) of 40 made-up CDR3
    # beta sequences of 10-16 residues starting with C and ending with F,
    # encoded by seqs2mat: int8 codes into the parasail alphabet, rows padded
    # with -1 to the longest, and the int8 lengths
    rng = np.random.default_rng(0)
    aa = 'ARNDQEGHILKMFPSTWYV'
    seqs = []
    for _ in range(40):
        n = int(rng.integers(10, 17))
        mid = ''.join(aa[k] for k in rng.integers(0, len(aa), n - 5))
        seqs.append('CAS' + mid + 'F')
    for k in range(5):  # a few near-duplicates (one substitution)
        s = list(seqs[k])
        s[5] = 'G'
        seqs[35 + k] = ''.join(s)
    max_len = max(len(s) for s in seqs)
    mat = -1 * np.ones((len(seqs), max_len), dtype=np.int8)
    L = np.zeros(len(seqs), dtype=np.int8)
    for si, s in enumerate(seqs):
        L[si] = len(s)
        for aai in range(len(s)):
            mat[si, aai] = parasail_aa_alphabet.index(s[aai])
    i, j = np.triu_indices(len(seqs), k=1)
    indices = np.stack([i, j], axis=1)
    return (indices, mat, L)
