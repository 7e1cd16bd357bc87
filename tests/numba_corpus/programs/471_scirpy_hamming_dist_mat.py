# Source: scverse/scirpy src/scirpy/ir_dist/metrics.py (_seqs2mat, NumbaDistanceCalculator, HammingDistanceCalculator; at commit 0005e637)
# Licence: BSD-3-Clause (scirpy, the project's LICENSE as published on GitHub)
# Notes: pairwise Hamming distances between T-cell receptor CDR3 amino-acid sequences for clonotype definition (immune repertoire bioinformatics): HammingDistanceCalculator._hamming_mat calls nb.set_num_threads / nb.get_num_threads, then defines a closure _nb_hamming_mat with @nb.jit(nopython=True, parallel=jit_parallel, nogil=True) and no parameters, reading seqs_mat1, seqs_L1, cutoff, num_threads, start_column and is_symmetric from the enclosing method; inside it asserts shapes, builds two nb.typed.List() of one-element lists of arrays, loops over rows with nb.prange and nb.get_thread_id(), counts mismatches of int8 codes (distance += a != b, bool added to int), stores hits into per-thread scratch rows, replaces the list items with .copy() slices and flattens them into reflected lists returned in a tuple with a float row-count array; the Python side (_seqs2mat, _calc_dist_mat_block, calc_dist_mat) encodes the strings as int8 matrices with -1 padding and assembles a scipy CSR matrix, symmetrised with .maximum(.T). Pasted: the imports these use (abc, collections.abc.Sequence, typing, numba, numpy, scipy.sparse, csr_matrix), _seqs2mat, the NumbaDistanceCalculator base class and HammingDistanceCalculator; left out: joblib (used only by calc_dist_mat when n_blocks > 1; not installed here), Levenshtein, scanpy and the other calculators; the harness computes the symmetric distance matrix of 60 CDR3-like sequences (lengths 11-14, many one- or two-letter variants of a few seeds) with cutoff 2, and a rectangular 60 x 25 one, and returns them dense
import abc
from collections.abc import Sequence
from typing import Optional, Union

import numba as nb
import numpy as np
import scipy.sparse
from scipy.sparse import coo_matrix, csr_matrix


def _seqs2mat(
    seqs: Sequence[str], alphabet: str = "ARNDCQEGHILKMFPSTWYVBZX", max_len: Union[None, int] = None
) -> tuple[np.ndarray, np.ndarray]:
    """Convert a collection of gene sequences into a
    numpy matrix of integers for fast comparison.

    Parameters
    ----------
    seqs:
        Sequence of strings

    Returns
    -------
    mat:
        matrix with gene sequences encoded as integers
    L:
        vector with length values of the gene sequences in the matrix

    Examples
    --------
    >>> seqs2mat(["CAT", "HAT"])
    array([[ 4,  0, 16],
        [ 8,  0, 16]], dtype=int8)

    Notes
    -----
    Requires all seqs to have the same length, therefore shorter sequences
    are filled up with -1 entries at the end.
    """
    if max_len is None:
        max_len = np.max([len(s) for s in seqs])
    mat = -1 * np.ones((len(seqs), max_len), dtype=np.int8)
    L = np.zeros(len(seqs), dtype=np.int8)
    for si, s in enumerate(seqs):
        L[si] = len(s)
        for aai in range(max_len):
            if aai >= len(s):
                break
            try:
                mat[si, aai] = alphabet.index(s[aai])
            except ValueError:
                # Unknown symbols given value for last column/row of matrix
                mat[si, aai] = len(alphabet)
    return mat, L


class NumbaDistanceCalculator(abc.ABC):
    def __init__(self, n_jobs: int = 1, n_blocks: int = 1):
        super().__init__()
        self.n_jobs = n_jobs
        self.n_blocks = n_blocks

    @abc.abstractmethod
    def _metric_mat(
        self,
        *,
        seqs_mat1: np.ndarray,
        seqs_mat2: np.ndarray,
        seqs_L1: np.ndarray,
        seqs_L2: np.ndarray,
        is_symmetric: bool = False,
        start_column: int = 0,
    ) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
        """
        This function should be implemented by the derived class in a way sucht that it computes the pairwise distances
        for sequences in seqs_mat1 and seqs_mat2 based on a certain distance metric. The result should be a distance matrix 
        that is returned in the form of the data, indices and intptr arrays of a (scipy) compressed sparse row matrix.

        If this function is used to compute a block of a bigger result matrix, is_symmetric and start_column
        can be used to only compute the part of the block that would be part of the upper triangular matrix of the
        result matrix.
        
        Parameters
        ----------
        seqs_mat1/2:
            Matrix containing sequences created by seqs2mat with padding to accomodate
            sequences of different lengths (-1 padding)
        seqs_L1/2:
            A vector containing the length of each sequence in the respective seqs_mat matrix,
            without the padding in seqs_mat
        is_symmetric:
            Determines whether the final result matrix is symmetric, assuming that this function is
            only used to compute a block of a bigger result matrix
        start_column:
            Determines at which column the calculation should be started. This is only used if this function is
            used to compute a block of a bigger result matrix that is symmetric

        Returns
        -------
        data_rows:
            List with arrays containing the non-zero data values of the result matrix per row,
            needed to create the final scipy CSR result matrix later
        indices_rows:
            List with arrays containing the non-zero entry column indeces of the result matrix per row,
            needed to create the final scipy CSR result matrix later
        row_element_counts:
            Array with integers that indicate the amount of non-zero values of the result matrix per row,
            needed to create the final scipy CSR result matrix later
        """
        pass

    def _calc_dist_mat_block(
        self,
        seqs: Sequence[str],
        seqs2: Optional[Sequence[str]] = None,
        is_symmetric: bool = False,
        start_column: int = 0,
    ) -> csr_matrix:
        """Computes a block of the final distance matrix and returns it as CSR matrix.
        If the final result matrix that consists of all blocks together is symmetric, only the part
        of the block that would contribute to the upper triangular matrix of the final result will be computed.
        """
        if len(seqs) == 0 or len(seqs2) == 0:
            return csr_matrix((len(seqs), len(seqs2)))

        max_seq_len = max(np.max([len(s) for s in seqs]), np.max([len(s) for s in seqs2]))
        seqs_mat1, seqs_L1 = _seqs2mat(seqs, max_len=max_seq_len)
        seqs_mat2, seqs_L2 = _seqs2mat(seqs2, max_len=max_seq_len)

        data_rows, indices_rows, row_element_counts = self._metric_mat(
            seqs_mat1=seqs_mat1,
            seqs_mat2=seqs_mat2,
            seqs_L1=seqs_L1,
            seqs_L2=seqs_L2,
            is_symmetric=is_symmetric,
            start_column=start_column,
        )

        indptr = np.zeros(row_element_counts.shape[0] + 1)
        indptr[1:] = np.cumsum(row_element_counts)
        data, indices = np.concatenate(data_rows), np.concatenate(indices_rows)
        sparse_distance_matrix = csr_matrix((data, indices, indptr), shape=(len(seqs), len(seqs2)))
        return sparse_distance_matrix

    def calc_dist_mat(self, seqs: Sequence[str], seqs2: Optional[Sequence[str]] = None) -> csr_matrix:
        """Calculates the pairwise distances between two vectors of gene sequences based on the distance metric
        of the derived class and returns a CSR distance matrix
        """
        if seqs2 is None:
            seqs2 = seqs

        seqs = np.array(seqs)
        seqs2 = np.array(seqs2)
        is_symmetric = np.array_equal(seqs, seqs2)
        
        if self.n_blocks > 1:
            split_seqs = np.array_split(seqs, self.n_blocks)
            start_columns = np.cumsum([0] + [len(seq) for seq in split_seqs[:-1]])
            arguments = [(split_seqs[x], seqs2, is_symmetric, start_columns[x]) for x in range(self.n_blocks)]

            delayed_jobs = [joblib.delayed(self._calc_dist_mat_block)(*args) for args in arguments]
            results = joblib.Parallel(return_as="list")(delayed_jobs)
            distance_matrix_csr = scipy.sparse.vstack(results)
        else:
            distance_matrix_csr = self._calc_dist_mat_block(seqs, seqs2, is_symmetric)

        if is_symmetric:
            upper_triangular_distance_matrix = distance_matrix_csr
            full_distance_matrix = upper_triangular_distance_matrix.maximum(upper_triangular_distance_matrix.T)
        else:
            full_distance_matrix = distance_matrix_csr

        return full_distance_matrix


class HammingDistanceCalculator(NumbaDistanceCalculator):
    def __init__(
        self,
        n_jobs: int = 1,
        n_blocks: int = 1,
        cutoff: int = 2,
    ):
        super().__init__(n_jobs=n_jobs, n_blocks=n_blocks)
        self.cutoff = cutoff

    def _hamming_mat(
        self,
        *,
        seqs_mat1: np.ndarray,
        seqs_mat2: np.ndarray,
        seqs_L1: np.ndarray,
        seqs_L2: np.ndarray,
        is_symmetric: bool = False,
        start_column: int = 0,
    ) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray]:
        cutoff = self.cutoff
        start_column *= is_symmetric

        nb.set_num_threads(self.n_jobs)
        num_threads = nb.get_num_threads()

        if(num_threads>1):
            jit_parallel = True
        else:
            jit_parallel = False

        @nb.jit(nopython=True, parallel=jit_parallel, nogil=True)
        def _nb_hamming_mat():
            assert seqs_mat1.shape[0] == seqs_L1.shape[0]
            assert seqs_mat2.shape[0] == seqs_L2.shape[0]

            num_rows = seqs_mat1.shape[0]
            num_cols = seqs_mat2.shape[0]

            data_rows = nb.typed.List()
            indices_rows = nb.typed.List()
            row_element_counts = np.zeros(num_rows)

            empty_row = np.zeros(0)
            for _ in range(0, num_rows):
                data_rows.append([empty_row])
                indices_rows.append([empty_row])

            data_row_matrix = np.empty((num_threads, num_cols))
            indices_row_matrix = np.empty((num_threads, num_cols))

            for row_index in nb.prange(num_rows):
                thread_id = nb.get_thread_id()
                row_end_index = 0
                seq1_len = seqs_L1[row_index]

                for col_index in range(start_column + row_index * is_symmetric, num_cols):
                    distance = 1
                    seq2_len = seqs_L2[col_index]
                    if seq1_len == seq2_len:
                        for i in range(0, seq1_len):
                            distance += seqs_mat1[row_index, i] != seqs_mat2[col_index, i]

                        if distance <= cutoff + 1:
                            data_row_matrix[thread_id, row_end_index] = distance
                            indices_row_matrix[thread_id, row_end_index] = col_index
                            row_end_index += 1

                data_rows[row_index][0] = data_row_matrix[thread_id, 0:row_end_index].copy()
                indices_rows[row_index][0] = indices_row_matrix[thread_id, 0:row_end_index].copy()
                row_element_counts[row_index] = row_end_index

            data_rows_flat = []
            indices_rows_flat = []

            for i in range(len(data_rows)):
                data_rows_flat.append(data_rows[i][0])
                indices_rows_flat.append(indices_rows[i][0])

            return data_rows_flat, indices_rows_flat, row_element_counts

        data_rows, indices_rows, row_element_counts = _nb_hamming_mat()
        return data_rows, indices_rows, row_element_counts

    _metric_mat = _hamming_mat
# ---- harness (not part of the program) ----
ENTRY = "run_hamming"


def run_hamming(seqs, seqs2):
    calc = HammingDistanceCalculator(cutoff=2)
    square = calc.calc_dist_mat(seqs)
    rect = calc.calc_dist_mat(seqs, seqs2)
    return square.toarray(), rect.toarray()


def inputs():
    rng = np.random.default_rng(0)
    aa = "ARNDCQEGHILKMFPSTWYV"
    seeds = ["".join(aa[i] for i in rng.integers(0, 20, n)) for n in (11, 12, 13, 14, 12)]
    seqs = []
    while len(seqs) < 60:
        s = list(seeds[int(rng.integers(0, len(seeds)))])
        for _ in range(int(rng.integers(0, 4))):
            s[int(rng.integers(0, len(s)))] = aa[int(rng.integers(0, 20))]
        s = "C" + "".join(s)[1:]
        if s not in seqs:
            seqs.append(s)
    seqs2 = seqs[::3][:15] + ["".join(aa[i] for i in rng.integers(0, 20, 12)) for _ in range(10)]
    return (seqs, seqs2)
