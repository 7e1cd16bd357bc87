# Source: Pavlishenku/OpenRainflow openrainflow/rainflow.py
# Licence: MIT (OpenRainflow, LICENSE; Copyright (c) 2025 OpenRainflow Contributors)
# Notes: ASTM E1049 rainflow cycle counting of a load history for fatigue analysis: the entry is the module's public plain-Python rainflow_count (kept: it calls both jitted functions, then gates, drops zero ranges and builds a structured array), _find_reversals (@njit(cache=True), typing.Tuple return annotations, np.empty(n, dtype=signal.dtype), a while loop with a backslash-continued condition, an early return of (signal.copy(), np.arange(n)), slices returned in a tuple) and _rainflow_core (a stack in a preallocated array, for over array elements, while with continue/break, builtin abs, three arrays returned, np.empty(0) on the early return); rainflow_count_parallel (joblib), combine_cycles and bin_cycles left out
"""
Rainflow cycle counting algorithm.

Implementation based on ASTM E1049-85 standard with optimizations using Numba JIT.
"""

import numpy as np
from numba import njit
from typing import Tuple, Optional
import warnings


@njit(cache=True)
def _find_reversals(signal: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """
    Identify turning points (peaks and valleys) in a signal.
    
    Args:
        signal: Input time series data
        
    Returns:
        reversals: Array of reversal values
        indices: Array of indices where reversals occur
    """
    n = len(signal)
    if n < 3:
        return signal.copy(), np.arange(n)
    
    # Preallocate maximum possible size
    reversals = np.empty(n, dtype=signal.dtype)
    indices = np.empty(n, dtype=np.int64)
    
    # First point is always a reversal
    reversals[0] = signal[0]
    indices[0] = 0
    count = 1
    
    i = 1
    while i < n - 1:
        # Check if this is a peak or valley
        if (signal[i] >= signal[i-1] and signal[i] > signal[i+1]) or \
           (signal[i] <= signal[i-1] and signal[i] < signal[i+1]):
            reversals[count] = signal[i]
            indices[count] = i
            count += 1
        i += 1
    
    # Last point is always a reversal
    reversals[count] = signal[-1]
    indices[count] = n - 1
    count += 1
    
    return reversals[:count], indices[:count]


@njit(cache=True)
def _rainflow_core(reversals: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """
    Core rainflow counting algorithm using the three-point method.
    
    This is the optimized JIT-compiled core function.
    
    Args:
        reversals: Array of reversal points (peaks and valleys)
        
    Returns:
        ranges: Array of cycle ranges (stress range)
        means: Array of cycle means (mean stress)
        counts: Array of cycle counts (0.5 for half-cycles, 1.0 for full cycles)
    """
    n = len(reversals)
    if n < 2:
        return np.empty(0), np.empty(0), np.empty(0)
    
    # Stack for processing
    stack = np.empty(n, dtype=reversals.dtype)
    stack_ptr = 0
    
    # Results storage (maximum possible size is n//2 full cycles + n//2 half cycles)
    max_cycles = n
    ranges = np.empty(max_cycles, dtype=reversals.dtype)
    means = np.empty(max_cycles, dtype=reversals.dtype)
    counts = np.empty(max_cycles, dtype=np.float64)
    cycle_count = 0
    
    for reversal in reversals:
        stack[stack_ptr] = reversal
        stack_ptr += 1
        
        # Try to extract cycles
        while stack_ptr >= 3:
            # Get last three points
            Y = stack[stack_ptr - 1]
            X = stack[stack_ptr - 2]
            W = stack[stack_ptr - 3]
            
            # Calculate ranges
            range_XY = abs(Y - X)
            
            if stack_ptr >= 4:
                V = stack[stack_ptr - 4]
                range_WX = abs(X - W)
                range_VW = abs(W - V)
                
                # Check if X-Y can be extracted as a full cycle
                if range_XY <= range_VW and range_WX <= range_VW:
                    # Extract full cycle X-Y
                    cycle_range = range_XY
                    cycle_mean = (X + Y) / 2.0
                    
                    ranges[cycle_count] = cycle_range
                    means[cycle_count] = cycle_mean
                    counts[cycle_count] = 1.0  # Full cycle
                    cycle_count += 1
                    
                    # Remove X and Y from stack
                    stack[stack_ptr - 2] = stack[stack_ptr - 1]
                    stack_ptr -= 2
                    continue
            
            # Check if we have at least 3 points and X-Y >= W-X
            if stack_ptr >= 3:
                range_WX = abs(X - W)
                if range_XY >= range_WX:
                    # Extract full cycle W-X
                    cycle_range = range_WX
                    cycle_mean = (W + X) / 2.0
                    
                    ranges[cycle_count] = cycle_range
                    means[cycle_count] = cycle_mean
                    counts[cycle_count] = 1.0  # Full cycle
                    cycle_count += 1
                    
                    # Remove W and X from stack
                    stack[stack_ptr - 3] = stack[stack_ptr - 1]
                    stack_ptr -= 2
                    continue
            
            break
    
    # Extract remaining half-cycles from stack
    for i in range(stack_ptr - 1):
        cycle_range = abs(stack[i + 1] - stack[i])
        cycle_mean = (stack[i] + stack[i + 1]) / 2.0
        
        ranges[cycle_count] = cycle_range
        means[cycle_count] = cycle_mean
        counts[cycle_count] = 0.5  # Half cycle
        cycle_count += 1
    
    return ranges[:cycle_count], means[:cycle_count], counts[:cycle_count]


def rainflow_count(
    signal: np.ndarray,
    remove_zeros: bool = True,
    gate: Optional[float] = None
) -> np.ndarray:
    """
    Perform rainflow cycle counting on a time series signal.
    
    This function implements the ASTM E1049-85 rainflow counting algorithm
    with Numba JIT compilation for high performance.
    
    Args:
        signal: Input time series data (stress/strain history)
        remove_zeros: If True, remove zero-range cycles from results
        gate: Optional minimum range threshold. Cycles below this are ignored.
        
    Returns:
        cycles: Structured numpy array with fields:
            - 'range': Cycle range (peak-to-valley)
            - 'mean': Cycle mean value
            - 'count': Cycle count (0.5 for half-cycles, 1.0 for full cycles)
            
    Example:
        >>> import numpy as np
        >>> from openrainflow import rainflow_count
        >>> signal = np.array([0, 1, 0, 2, 0, 3, 0])
        >>> cycles = rainflow_count(signal)
        >>> print(cycles)
    """
    if not isinstance(signal, np.ndarray):
        signal = np.asarray(signal, dtype=np.float64)
    elif signal.dtype not in (np.float32, np.float64):
        signal = signal.astype(np.float64)
    
    if len(signal) < 2:
        warnings.warn("Signal too short for rainflow counting (need at least 2 points)")
        return np.empty(0, dtype=[('range', 'f8'), ('mean', 'f8'), ('count', 'f8')])
    
    # Find reversal points
    reversals, _ = _find_reversals(signal)
    
    # Apply rainflow algorithm
    ranges, means, counts = _rainflow_core(reversals)
    
    # Apply gating if specified
    if gate is not None and gate > 0:
        mask = ranges >= gate
        ranges = ranges[mask]
        means = means[mask]
        counts = counts[mask]
    
    # Remove zero-range cycles if requested
    if remove_zeros:
        mask = ranges > 0
        ranges = ranges[mask]
        means = means[mask]
        counts = counts[mask]
    
    # Create structured array
    cycles = np.empty(len(ranges), dtype=[('range', 'f8'), ('mean', 'f8'), ('count', 'f8')])
    cycles['range'] = ranges
    cycles['mean'] = means
    cycles['count'] = counts
    
    return cycles

# ---- harness (not part of the program) ----
ENTRY = "rainflow_count"


def inputs():
    # a 2000-sample random load history (a random walk plus a sine), as in
    # the package's examples; defaults remove_zeros=True, gate=None
    rng = np.random.default_rng(0)
    t = np.arange(2000)
    signal = np.cumsum(rng.standard_normal(2000)) + 5.0 * np.sin(t / 15.0)
    return (signal,)
