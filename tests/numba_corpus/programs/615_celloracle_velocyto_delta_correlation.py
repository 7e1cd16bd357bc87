# Source: Zaoqu-Liu/CellOracle celloracle/_velocyto_replacement/estimation.py (at commit 8c3b4caa)
# Licence: Apache-2.0 (CellOracle: `__license__ = 'Apache License Version 2.0'` in celloracle/__init__.py; Copyright (C) 2020 Kenji Kamimoto); the file itself says "License: BSD-2-Clause (same as original velocyto)"
# Notes: the numba replacement of velocyto's Cython estimation module in a fork of CellOracle (in silico gene-perturbation / RNA-velocity analysis of single-cell data): it correlates each cell's velocity (displacement) vector with the expression differences to every other cell, or only to its k nearest neighbours, for velocity embedding. estimation.py is pasted whole: _colDeltaCor_numba and _colDeltaCorpartial_numba (@jit(nopython=True, parallel=True, cache=True, fastmath=True), a prange over cells, column views d[:, c], np.mean / np.sum on a centred vector, `continue` for a flat velocity, streaming Pearson correlations in nested range loops writing into a caller-provided out matrix, neighbour indices read from a row of ixs), the plain-Python wrappers colDeltaCor and colDeltaCorpartial (shape checks raising ValueError with f-strings, np.ascontiguousarray casts to float64 / np.intp, np.zeros output) and the four NotImplementedError stubs. The harness builds a 60-gene x 25-cell expression matrix and a velocity matrix (one cell with a constant velocity, which is skipped), a k-nearest-neighbour index matrix from Euclidean distances, and returns the full and partial correlation matrices through the wrappers and through the kernels called directly on a Fortran-ordered input copied to C order, plus the ValueError message of a shape mismatch
"""
Estimation module reimplemented with numba (replacing velocyto's Cython implementation)

Original velocyto.estimation used Cython+OpenMP for performance.
This implementation uses numba.jit with parallel=True for similar performance
without requiring compilation during installation.

This version is optimized for memory efficiency and speed.

Author: Adapted for CellOracle 
License: BSD-2-Clause (same as original velocyto)
"""

import numpy as np
import multiprocessing
from numba import jit, prange
from typing import Optional


@jit(nopython=True, parallel=True, cache=True, fastmath=True)
def _colDeltaCor_numba(e: np.ndarray, d: np.ndarray, out: np.ndarray) -> None:
    """
    Calculate correlation between displacement and cell-to-cell differences
    
    Optimized numba implementation of velocyto's Cython colDeltaCor.
    This version uses streaming computation to minimize memory allocation.
    
    Arguments:
        e: gene expression matrix (ngenes, ncells)
        d: gene velocity/displacement matrix (ngenes, ncells)
        out: output matrix (ncells, ncells) - modified in place
        
    Algorithm:
        For each cell c:
            - Compute correlation between d[:, c] and (e[:, i] - e[:, c]) for all i
            - Uses Pearson correlation formula with mean centering and normalization
            
    Performance:
        - O(genes × cells²) time complexity
        - O(genes) memory per thread (vs O(genes × cells) in naive implementation)
        - Parallel processing across cells using prange
    """
    rows, cols = e.shape
    
    for c in prange(cols):
        # Extract velocity vector for cell c
        b = d[:, c]
        b_mean = np.mean(b)
        b_centered = b - b_mean
        b_norm = np.sqrt(np.sum(b_centered * b_centered))
        
        # Skip if velocity vector has no variation
        if b_norm < 1e-10:
            continue
        
        # Compute correlation with each cell's expression difference
        for i in range(cols):
            # Streaming computation: compute A = e[:, i] - e[:, c] on the fly
            a_sum = 0.0
            for j in range(rows):
                a_sum += e[j, i] - e[j, c]
            a_mean = a_sum / rows
            
            # Compute centered values and correlation
            numerator = 0.0
            a_ss = 0.0
            for j in range(rows):
                a_val = e[j, i] - e[j, c] - a_mean
                b_val = b_centered[j]
                numerator += a_val * b_val
                a_ss += a_val * a_val
            
            a_norm = np.sqrt(a_ss)
            
            # Compute Pearson correlation
            if a_norm > 1e-10:
                out[c, i] = numerator / (a_norm * b_norm)
            else:
                out[c, i] = 0.0


@jit(nopython=True, parallel=True, cache=True, fastmath=True)
def _colDeltaCorpartial_numba(e: np.ndarray, d: np.ndarray, out: np.ndarray, ixs: np.ndarray) -> None:
    """
    Calculate correlation only for specified neighbors (partial version)
    
    Optimized numba implementation of velocyto's Cython colDeltaCorpartial.
    Only computes correlations for KNN neighbors to reduce computation.
    
    Arguments:
        e: gene expression matrix (ngenes, ncells)
        d: gene velocity/displacement matrix (ngenes, ncells)
        out: output matrix (ncells, ncells) - modified in place
        ixs: neighborhood matrix (ncells, nneighbors) - indices of neighbors
        
    Performance:
        - O(genes × cells × k) where k is number of neighbors
        - Much faster than full version when k << cells
    """
    rows, cols = e.shape
    n_neighbors = ixs.shape[1]
    
    for c in prange(cols):
        neighbors = ixs[c, :]
        
        # Extract velocity vector for cell c
        b = d[:, c]
        b_mean = np.mean(b)
        b_centered = b - b_mean
        b_norm = np.sqrt(np.sum(b_centered * b_centered))
        
        if b_norm < 1e-10:
            continue
        
        # Compute correlation only for neighbors
        for k in range(n_neighbors):
            i = neighbors[k]
            
            # Streaming computation
            a_sum = 0.0
            for j in range(rows):
                a_sum += e[j, i] - e[j, c]
            a_mean = a_sum / rows
            
            numerator = 0.0
            a_ss = 0.0
            for j in range(rows):
                a_val = e[j, i] - e[j, c] - a_mean
                b_val = b_centered[j]
                numerator += a_val * b_val
                a_ss += a_val * a_val
            
            a_norm = np.sqrt(a_ss)
            
            if a_norm > 1e-10:
                out[c, i] = numerator / (a_norm * b_norm)
            else:
                out[c, i] = 0.0


def colDeltaCor(emat: np.ndarray, dmat: np.ndarray, threads: Optional[int] = None) -> np.ndarray:
    """Calculate the correlation between the displacement (d[:,i])
    and the difference between a cell and every other (e - e[:, i])
    
    Optimized numba parallel implementation (replacement for velocyto's Cython version)

    Arguments
    ---------
    emat: np.ndarray (ngenes, ncells)
        gene expression matrix
    dmat: np.ndarray (ngenes, ncells)
        gene velocity/displacement matrix
    threads: int, optional
        number of parallel threads to use (Note: numba manages this automatically via NUMBA_NUM_THREADS)
        
    Returns
    -------
    np.ndarray (ncells, ncells)
        correlation matrix
        
    Performance Notes
    -----------------
    - Memory: O(ncells²) output + O(ngenes) per thread
    - Speed: ~2-3x faster than naive numpy implementation
    - Parallel: automatically uses all cores unless NUMBA_NUM_THREADS is set
    """
    # Validate inputs
    if emat.shape != dmat.shape:
        raise ValueError(f"emat and dmat must have same shape, got {emat.shape} and {dmat.shape}")
    
    # Ensure C-contiguous arrays for optimal performance
    emat = np.ascontiguousarray(emat, dtype=np.float64)
    dmat = np.ascontiguousarray(dmat, dtype=np.float64)
    
    # Pre-allocate output
    out = np.zeros((emat.shape[1], emat.shape[1]), dtype=np.float64)
    
    # Note: threads parameter kept for API compatibility but numba handles threading automatically
    _colDeltaCor_numba(emat, dmat, out)
    return out


def colDeltaCorpartial(emat: np.ndarray, dmat: np.ndarray, ixs: np.ndarray, threads: Optional[int] = None) -> np.ndarray:
    """Calculate the correlation between the displacement (d[:,i])
    and the difference between a cell and its neighbors (e - e[:, i])
    
    Optimized numba parallel implementation (replacement for velocyto's Cython version)

    Arguments
    ---------
    emat: np.ndarray (ngenes, ncells)
        gene expression matrix
    dmat: np.ndarray (ngenes, ncells)
        gene velocity/displacement matrix
    ixs: np.ndarray (ncells, nneighbours)
        ixs[i, k] is the kth neighbour to the cell i
    threads: int, optional
        number of parallel threads to use (Note: numba manages this automatically)
        
    Returns
    -------
    np.ndarray (ncells, ncells)
        sparse correlation matrix (only neighbors have non-zero values)
        
    Performance Notes
    -----------------
    - Much faster than full version when using small neighborhood (k << ncells)
    - Memory: O(ncells²) output but only O(ncells × k) non-zero entries computed
    """
    # Validate inputs
    if emat.shape != dmat.shape:
        raise ValueError(f"emat and dmat must have same shape, got {emat.shape} and {dmat.shape}")
    if ixs.shape[0] != emat.shape[1]:
        raise ValueError(f"ixs must have ncells rows, got {ixs.shape[0]} but expected {emat.shape[1]}")
    
    # Pre-allocate output
    out = np.zeros((emat.shape[1], emat.shape[1]), dtype=np.float64)
    
    # Ensure proper data types and memory layout
    emat = np.ascontiguousarray(emat, dtype=np.float64)
    dmat = np.ascontiguousarray(dmat, dtype=np.float64)
    ixs = np.ascontiguousarray(ixs, dtype=np.intp)
    
    _colDeltaCorpartial_numba(emat, dmat, out, ixs)
    return out


# Stub implementations for other functions (not used by CellOracle but part of velocyto API)

def colDeltaCorLog10(emat: np.ndarray, dmat: np.ndarray, threads: Optional[int] = None, psc: float = 1.0) -> np.ndarray:
    """Stub: Not implemented (not used by CellOracle)
    
    This function would compute correlation using log10-transformed expression.
    Since CellOracle doesn't use this function, it's not implemented to keep dependencies minimal.
    """
    raise NotImplementedError("colDeltaCorLog10 is not used by CellOracle and not implemented in this replacement")


def colDeltaCorLog10partial(emat: np.ndarray, dmat: np.ndarray, ixs: np.ndarray, threads: Optional[int] = None, psc: float = 1.0) -> np.ndarray:
    """Stub: Not implemented (not used by CellOracle)"""
    raise NotImplementedError("colDeltaCorLog10partial is not used by CellOracle and not implemented in this replacement")


def colDeltaCorSqrt(emat: np.ndarray, dmat: np.ndarray, threads: Optional[int] = None, psc: float = 0.0) -> np.ndarray:
    """Stub: Not implemented (not used by CellOracle)"""
    raise NotImplementedError("colDeltaCorSqrt is not used by CellOracle and not implemented in this replacement")


def colDeltaCorSqrtpartial(emat: np.ndarray, dmat: np.ndarray, ixs: np.ndarray, threads: Optional[int] = None, psc: float = 0.0) -> np.ndarray:
    """Stub: Not implemented (not used by CellOracle)"""
    raise NotImplementedError("colDeltaCorSqrtpartial is not used by CellOracle and not implemented in this replacement")
# ---- harness (not part of the program) ----
ENTRY = "celloracle_delta_cor"


def celloracle_delta_cor(emat, dmat):
    ncells = emat.shape[1]
    dist = np.sqrt(((emat[:, :, None] - emat[:, None, :]) ** 2).sum(axis=0))
    ixs = np.argsort(dist, axis=1, kind="stable")[:, :6]
    full = colDeltaCor(emat, dmat)
    part = colDeltaCorpartial(emat, dmat, ixs)
    out = np.zeros((ncells, ncells))
    _colDeltaCor_numba(np.ascontiguousarray(np.asfortranarray(emat)), dmat, out)
    out2 = np.zeros((ncells, ncells))
    _colDeltaCorpartial_numba(emat, dmat, out2, ixs.astype(np.int64))
    try:
        colDeltaCor(emat, dmat[:, :-1])
        msg = "no error"
    except ValueError as err:
        msg = str(err)
    return full, part, out, out2, msg


def inputs():
    rng = np.random.default_rng(0)
    emat = rng.gamma(2.0, 1.5, size=(60, 25))
    dmat = rng.normal(0.0, 1.0, size=(60, 25))
    dmat[:, 7] = 0.25
    return (emat, dmat)
