# Source: MannLabs/alphatims alphatims/bruker.py (parse_decompressed_bruker_binary_type1, calculate_dia_cycle_mask, get_dia_push_indices, filter_tof_to_csr; at commit 044610ee) with njit from alphatims/utils.py (at commit 05870fcc)
# Licence: Apache-2.0 (AlphaTims, the project's LICENSE as published on GitHub; Mann Labs)
# Notes: indexing kernels for Bruker timsTOF ion-mobility mass-spectrometry data (proteomics): every function is decorated through alphatims.utils.njit (a wrapper that imports numba and returns numba.njit(*args, **kwargs)), as @alphatims.utils.njit and @alphatims.utils.njit(nogil=True); parse_decompressed_bruker_binary_type1 views a bytes object as int32 with np.frombuffer and run-length decodes TOF indices and intensities into output buffers; calculate_dia_cycle_mask loops over enumerate of a 2-D array's rows unpacked into (start, stop), uses for/break, tests `precursor_index in range(start, stop, step)` and has an Optional `precursor_slices is not None` branch with default None arguments; get_dia_push_indices calls it with keyword arguments, walks nested frame/scan slice triples, appends to a reflected list and returns np.array(result); filter_tof_to_csr builds a CSR triple with np.searchsorted on a slice, a while loop with range membership and list appends. Pasted: numpy and utils.njit, and the four functions of bruker.py; the module attribute path `alphatims.utils.njit` used by the decorators is provided by the added line `alphatims = types.SimpleNamespace(utils=sys.modules[__name__])` (the source imports the alphatims package); left out: the alpharaw re-exports and tempmmap; the harness builds a synthetic diaPASEF acquisition (40 frames x 30 scans, a zeroth MS1 frame and a 4-window DIA cycle), sorted per-push TOF index lists with CSR push pointers, and an encoded scan buffer, then queries push indices for quadrupole and precursor slices (with and without precursor slices, with zeroth_frame True and False) and TOF slices
import sys
import types

import numpy as np


def njit(*args, **kwargs):
    import numba
    return numba.njit(*args, **kwargs)


alphatims = types.SimpleNamespace(utils=sys.modules[__name__])


@alphatims.utils.njit(nogil=True)
def parse_decompressed_bruker_binary_type1(
    decompressed_bytes: bytes,
    scan_indices_: np.ndarray,
    tof_indices_: np.ndarray,
    intensities_: np.ndarray,
    scan_start: int,
    scan_index: int,
) -> int:
    """Parse a Bruker binary scan buffer into tofs and intensities.

    Parameters
    ----------
    decompressed_bytes : bytes
        A Bruker scan binary buffer that is already decompressed with lzf.
    scan_indices_ : np.ndarray
        The scan_indices_ buffer array.
    tof_indices_ : np.ndarray
        The tof_indices_ buffer array.
    intensities_ : np.ndarray
        The intensities_ buffer array.
    scan_start : int
        The offset where to start new tof_indices and intensity_values.
    scan_index : int
        The scan index.

    Returns
    -------
    : int
        The number of peaks in this scan.
    """
    buffer = np.frombuffer(decompressed_bytes, dtype=np.int32)
    tof_index = 0
    previous_was_intensity = True
    current_index = scan_start
    for value in buffer:
        if value >= 0:
            if previous_was_intensity:
                tof_index += 1
            tof_indices_[current_index] = tof_index
            intensities_[current_index] = value
            previous_was_intensity = True
            current_index += 1
        else:
            tof_index -= value
            previous_was_intensity = False
    scan_size = current_index - scan_start
    scan_indices_[scan_index] = scan_size
    return scan_size



@alphatims.utils.njit
def calculate_dia_cycle_mask(
    dia_mz_cycle: np.ndarray,
    quad_slices: np.ndarray,
    dia_precursor_cycle: np.ndarray = None,
    precursor_slices: np.ndarray = None,
):
    """Calculate a boolean mask for cyclic push indices satisfying queries.

    Parameters
    ----------
    dia_mz_cycle : np.float64[:, 2]
        An array with (upper, lower) mz values of a DIA cycle (per push).
    quad_slices : np.float64[:, 2]
        Each row of the array is assumed to be (lower_mz, upper_mz) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(quad_slices.ravel()) >= 0) = True).
    dia_precursor_cycle : np.int64[:]
        An array with precursor indices of a DIA cycle (per push).
    precursor_slices : np.int64[:, 3]
        Each row of the array is assumed to be a (start, stop, step) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(precursor_slices[:, :2].ravel()) >= 0) = True).

    Returns
    -------
    : np.bool_[:]
        A mask that determines if a cyclic push index is valid given the
        requested slices.
    """
    mz_mask = np.zeros(len(dia_mz_cycle), dtype=np.bool_)
    for i, (mz_start, mz_stop) in enumerate(dia_mz_cycle):
        for quad_mz_start, quad_mz_stop in quad_slices:
            if (quad_mz_start <= mz_stop) and (quad_mz_stop >= mz_start):
                mz_mask[i] = True
                break
    if precursor_slices is not None:
        precursor_mask = np.zeros(len(dia_mz_cycle), dtype=np.bool_)
        for i, precursor_index in enumerate(dia_precursor_cycle):
            for (start, stop, step) in precursor_slices:
                if precursor_index in range(start, stop, step):
                    precursor_mask[i] = True
                    break
        return mz_mask & precursor_mask
    else:
        return mz_mask



@alphatims.utils.njit(nogil=True)
def get_dia_push_indices(
    frame_slices: np.ndarray,
    scan_slices: np.ndarray,
    quad_slices: np.ndarray,
    scan_max_index: int,
    dia_mz_cycle: np.ndarray,
    dia_precursor_cycle: np.ndarray = None,
    precursor_slices: np.ndarray = None,
    zeroth_frame: bool = True,
):
    """Filter DIA push indices by slices from LC, TIMS and QUAD.

    Parameters
    ----------
    frame_slices : np.int64[:, 3]
        Each row of the array is assumed to be a (start, stop, step) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(frame_slices[:, :2].ravel()) >= 0) = True).
    scan_slices : np.int64[:, 3]
        Each row of the array is assumed to be a (start, stop, step) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(scan_slices[:, :2].ravel()) >= 0) = True).
    quad_slices : np.float64[:, 2]
        Each row of the array is assumed to be (lower_mz, upper_mz) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(quad_slices.ravel()) >= 0) = True).
    scan_max_index : int
        The maximum scan index of a TimsTOF object.
    dia_mz_cycle : np.float64[:, 2]
        An array with (upper, lower) mz values of a DIA cycle (per push).
    dia_precursor_cycle : np.int64[:]
        An array with precursor indices of a DIA cycle (per push).
    precursor_slices : np.int64[:, 3]
        Each row of the array is assumed to be a (start, stop, step) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(precursor_slices[:, :2].ravel()) >= 0) = True).
    zeroth_frame : bool
        Indicates if a zeroth frame was used before a DIA cycle.

    Returns
    -------
    : np.int64[:]
        The raw push indices that satisfy all the slices.
    """
    result = []
    quad_mask = calculate_dia_cycle_mask(
        dia_mz_cycle=dia_mz_cycle,
        quad_slices=quad_slices,
        dia_precursor_cycle=dia_precursor_cycle,
        precursor_slices=precursor_slices
    )
    for frame_start, frame_stop, frame_step in frame_slices:
        for frame_index in range(frame_start, frame_stop, frame_step):
            for scan_start, scan_stop, scan_step in scan_slices:
                for scan_index in range(scan_start, scan_stop, scan_step):
                    push_index = frame_index * scan_max_index + scan_index
                    if zeroth_frame:
                        cyclic_push_index = push_index - scan_max_index
                    else:
                        cyclic_push_index = push_index
                    if quad_mask[cyclic_push_index % len(dia_mz_cycle)]:
                        result.append(push_index)
    return np.array(result)


@alphatims.utils.njit(nogil=True)
def filter_tof_to_csr(
    tof_slices: np.ndarray,
    push_indices: np.ndarray,
    tof_indices: np.ndarray,
    push_indptr: np.ndarray,
) -> tuple:
    """Get a CSR-matrix with raw indices satisfying push indices and tof slices.

    Parameters
    ----------
    tof_slices : np.int64[:, 3]
        Each row of the array is assumed to be a (start, stop, step) tuple.
        This array is assumed to be sorted, disjunct and strictly increasing
        (i.e. np.all(np.diff(tof_slices[:, :2].ravel()) >= 0) = True).
    push_indices : np.int64[:]
        The push indices from where to retrieve the TOF slices.
    tof_indices : np.uint32[:]
        The self.tof_indices array of a TimsTOF object.
    push_indptr : np.int64[:]
        The self.push_indptr array of a TimsTOF object.

    Returns
    -------
    (np.int64[:], np.int64[:], np.int64[:],)
        An (indptr, values, columns) tuple, where indptr are push indices,
        values raw indices, and columns the tof_slices.
    """
    indptr = [0]
    values = []
    columns = []
    for push_index in push_indices:
        start = push_indptr[push_index]
        end = push_indptr[push_index + 1]
        idx = start
        for i, (tof_start, tof_stop, tof_step) in enumerate(tof_slices):
            idx += np.searchsorted(tof_indices[idx: end], tof_start)
            tof_value = tof_indices[idx]
            while (tof_value < tof_stop) and (idx < end):
                if tof_value in range(tof_start, tof_stop, tof_step):
                    values.append(idx)
                    columns.append(i)
                    break  # TODO what if multiple hits?
                idx += 1
                tof_value = tof_indices[idx]
        indptr.append(len(values))
    return np.array(indptr), np.array(values), np.array(columns)
# ---- harness (not part of the program) ----
ENTRY = "run_timstof"


def run_timstof(dia_mz_cycle, dia_precursor_cycle, tof_indices, push_indptr, encoded, scan_max_index):
    frame_slices = np.array([[1, 40, 1]], dtype=np.int64)
    scan_slices = np.array([[0, 10, 1], [15, 30, 2]], dtype=np.int64)
    quad_slices = np.array([[450.0, 520.0], [700.0, 760.0]])
    precursor_slices = np.array([[1, 3, 1], [4, 5, 1]], dtype=np.int64)
    p1 = get_dia_push_indices(frame_slices, scan_slices, quad_slices, scan_max_index,
                              dia_mz_cycle, dia_precursor_cycle, precursor_slices)
    p2 = get_dia_push_indices(frame_slices, scan_slices, quad_slices, scan_max_index,
                              dia_mz_cycle)
    p3 = get_dia_push_indices(frame_slices, scan_slices, quad_slices, scan_max_index,
                              dia_mz_cycle, dia_precursor_cycle, precursor_slices, False)
    tof_slices = np.array([[1000, 3000, 1], [5000, 9000, 2], [12000, 20000, 1]], dtype=np.int64)
    csr = filter_tof_to_csr(tof_slices, p1, tof_indices, push_indptr)
    scan_indices_ = np.zeros(4, dtype=np.int64)
    tofs_ = np.zeros(64, dtype=np.uint32)
    ints_ = np.zeros(64, dtype=np.uint16)
    n1 = parse_decompressed_bruker_binary_type1(encoded, scan_indices_, tofs_, ints_, 0, 2)
    mask = calculate_dia_cycle_mask(dia_mz_cycle, quad_slices)
    return p1, p2, p3, csr, n1, scan_indices_, tofs_, ints_, mask


def inputs():
    rng = np.random.default_rng(0)
    scan_max_index = 30
    n_frames = 40
    # DIA cycle of 4 frames (one cycle entry per push), windows shift with scan
    cycle_frames = 4
    dia_mz_cycle = np.empty((cycle_frames * scan_max_index, 2))
    dia_precursor_cycle = np.empty(cycle_frames * scan_max_index, dtype=np.int64)
    for f in range(cycle_frames):
        for s in range(scan_max_index):
            lo = 400.0 + 100.0 * f + 3.0 * s
            dia_mz_cycle[f * scan_max_index + s] = (lo, lo + 25.0)
            dia_precursor_cycle[f * scan_max_index + s] = f + 1
    n_push = n_frames * scan_max_index
    counts = rng.integers(0, 12, n_push)
    push_indptr = np.zeros(n_push + 1, dtype=np.int64)
    push_indptr[1:] = np.cumsum(counts)
    tof_indices = np.empty(push_indptr[-1] + 1, dtype=np.uint32)
    for p in range(n_push):
        tof_indices[push_indptr[p]:push_indptr[p + 1]] = np.sort(rng.integers(0, 25000, counts[p]))
    tof_indices[-1] = 0
    # type-1 scan buffer: intensities (>= 0) and negative TOF skips, as int32 bytes
    words = np.array([5, 7, -3, 12, 4, -10, 9, 1, 2, -1, 8], dtype=np.int32)
    return (dia_mz_cycle, dia_precursor_cycle, tof_indices, push_indptr, words.tobytes(), scan_max_index)
