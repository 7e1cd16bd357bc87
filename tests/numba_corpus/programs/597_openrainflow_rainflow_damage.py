# Source: Pavlishenku/OpenRainflow openrainflow/rainflow.py, openrainflow/damage.py, openrainflow/utils.py, openrainflow/eurocode.py (at commit 7c9d43ab)
# Licence: MIT (OpenRainflow, LICENSE; Copyright (c) 2025 OpenRainflow Contributors)
# Notes: the Numba core of OpenRainflow, a fatigue-analysis package (structural engineering: ASTM E1049 rainflow cycle counting and Palmgren-Miner damage against Eurocode 3 S-N curves): from rainflow.py the jitted _find_reversals (peak/valley detection into preallocated arrays with a while loop and a compound `or` condition continued with a backslash, returning a tuple of two sliced arrays, or signal.copy() / np.arange(n) for short signals) and _rainflow_core (the three/four-point stack method over a `for reversal in reversals` loop, with a `while stack_ptr >= 3` loop that uses continue/break, abs(), dtype=reversals.dtype buffers, half cycles from the residue, three-way tuple return, np.empty(0) for the degenerate case), with the plain-Python rainflow_count wrapper that gates and filters their output into a structured array; from damage.py the jitted _damage_from_histogram (np.isinf in a loop) and the plain calculate_damage_from_histogram; from utils.py the jitted remove_mean (returns an array and a float) and range_pair_count (early `return len(signal)`); from eurocode.py the EUROCODE_CATEGORIES table and the FatigueCurve dataclass (plain Python) that turn stress ranges into cycles to failure. Left out: the joblib/matplotlib/scipy helpers (rainflow_count_parallel, bin_cycles, the plotting, filtering and file I/O utilities), calculate_damage and the other damage functions that only do NumPy on structured arrays, and the package-relative import `from .eurocode import FatigueCurve` (the class is pasted above its user). The harness counts cycles in a random-walk stress history, a short ASTM-style turning-point sequence and a 2-point signal (float64; for a float32 history it only finds the turning points, because _rainflow_core does not compile for float32 input: its float32 result tuple and its float64 np.empty(0) early return do not unify), bins the full-cycle ranges, and accumulates Miner damage with two Eurocode detail categories
# ---- openrainflow/eurocode.py ----
import numpy as np
from typing import Optional, Dict, Union
from dataclasses import dataclass


# Eurocode detail categories with characteristic fatigue strength at 2 million cycles
# Values in MPa (N/mm²)
EUROCODE_CATEGORIES = {
    '160': 160.0,
    '140': 140.0,
    '125': 125.0,
    '112': 112.0,
    '100': 100.0,
    '90': 90.0,
    '80': 80.0,
    '71': 71.0,
    '63': 63.0,
    '56': 56.0,
    '50': 50.0,
    '45': 45.0,
    '40': 40.0,
    '36': 36.0,
}


@dataclass
class FatigueCurve:
    """
    S-N fatigue curve representation.
    
    The curve follows the equation:
        N = C / (Δσ^m)
    
    where:
        N: Number of cycles to failure
        Δσ: Stress range
        C: Fatigue strength coefficient
        m: Slope of S-N curve (typically 3 for steel in normal range, 5 for high cycle)
    
    Attributes:
        name: Curve identifier (e.g., '36', '71', '160')
        delta_sigma_c: Characteristic fatigue strength at 2E6 cycles [MPa]
        m1: Slope for normal range (default: 3)
        m2: Slope for high-cycle range (default: 5)
        N_knee: Transition point between slopes (default: 5E6 cycles)
        delta_sigma_L: Constant amplitude fatigue limit (CAFL) [MPa]
        N_cutoff: Cut-off limit (default: 1E8 cycles)
    """
    name: str
    delta_sigma_c: float
    m1: float = 3.0
    m2: float = 5.0
    N_knee: float = 5e6
    N_cutoff: float = 1e8
    delta_sigma_L: Optional[float] = None
    
    def __post_init__(self):
        """Calculate derived parameters."""
        # Reference point: 2 million cycles
        self.N_ref = 2e6
        
        # Calculate fatigue strength coefficient for normal range
        self.C1 = self.N_ref * (self.delta_sigma_c ** self.m1)
        
        # Calculate stress range at knee point
        self.delta_sigma_knee = (self.C1 / self.N_knee) ** (1 / self.m1)
        
        # Calculate fatigue strength coefficient for high-cycle range
        self.C2 = self.N_knee * (self.delta_sigma_knee ** self.m2)
        
        # Calculate constant amplitude fatigue limit if not provided
        if self.delta_sigma_L is None:
            self.delta_sigma_L = (self.C2 / self.N_cutoff) ** (1 / self.m2)
    
    def get_cycles_to_failure(
        self,
        delta_sigma: Union[float, np.ndarray],
        use_cutoff: bool = True
    ) -> Union[float, np.ndarray]:
        """
        Calculate number of cycles to failure for given stress range(s).
        
        Args:
            delta_sigma: Stress range [MPa] (scalar or array)
            use_cutoff: If True, cycles below CAFL return infinite life
            
        Returns:
            N: Number of cycles to failure
        """
        is_scalar = np.isscalar(delta_sigma)
        delta_sigma = np.atleast_1d(delta_sigma)
        
        N = np.zeros_like(delta_sigma, dtype=np.float64)
        
        # Apply cutoff (infinite life)
        if use_cutoff:
            below_cafl = delta_sigma < self.delta_sigma_L
            N[below_cafl] = np.inf
            above_cafl = ~below_cafl
        else:
            above_cafl = np.ones_like(delta_sigma, dtype=bool)
        
        # Region 1: High stress, slope m1
        in_region1 = above_cafl & (delta_sigma >= self.delta_sigma_knee)
        N[in_region1] = self.C1 / (delta_sigma[in_region1] ** self.m1)
        
        # Region 2: Low stress, slope m2
        in_region2 = above_cafl & (delta_sigma < self.delta_sigma_knee) & \
                     (delta_sigma >= self.delta_sigma_L)
        N[in_region2] = self.C2 / (delta_sigma[in_region2] ** self.m2)
        
        return N[0] if is_scalar else N


# ---- openrainflow/rainflow.py ----
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


# ---- openrainflow/damage.py ----
import numpy as np
from typing import Union, Optional, Tuple
from numba import njit
import warnings


@njit(cache=True)
def _damage_from_histogram(
    stress_ranges: np.ndarray,
    cycle_counts: np.ndarray,
    N_f: np.ndarray
) -> float:
    """
    JIT-compiled core function for damage calculation from histogram.
    
    Args:
        stress_ranges: Array of stress range bin centers
        cycle_counts: Array of cycle counts in each bin
        N_f: Array of cycles to failure for each stress range
        
    Returns:
        Total damage
    """
    total_damage = 0.0
    
    for i in range(len(stress_ranges)):
        if cycle_counts[i] > 0 and not np.isinf(N_f[i]):
            total_damage += cycle_counts[i] / N_f[i]
    
    return total_damage


def calculate_damage_from_histogram(
    stress_ranges: np.ndarray,
    cycle_counts: np.ndarray,
    fatigue_curve: FatigueCurve,
    use_cutoff: bool = True,
    partial_safety_factor: float = 1.0
) -> float:
    """
    Calculate damage from a stress range histogram (binned data).
    
    This is useful when you have pre-binned cycle counting data.
    
    Args:
        stress_ranges: Array of stress range values (bin centers)
        cycle_counts: Array of cycle counts for each stress range
        fatigue_curve: FatigueCurve object
        use_cutoff: If True, stress ranges below CAFL cause no damage
        partial_safety_factor: Partial safety factor for fatigue
        
    Returns:
        Total cumulative damage
        
    Example:
        >>> stress_ranges = np.array([50, 75, 100, 125, 150])
        >>> cycle_counts = np.array([1000, 500, 200, 50, 10])
        >>> damage = calculate_damage_from_histogram(
        ...     stress_ranges, cycle_counts, curve
        ... )
    """
    if len(stress_ranges) != len(cycle_counts):
        raise ValueError("stress_ranges and cycle_counts must have same length")
    
    # Apply safety factor
    stress_ranges_factored = stress_ranges * partial_safety_factor
    
    # Get cycles to failure
    N_f = fatigue_curve.get_cycles_to_failure(
        stress_ranges_factored, 
        use_cutoff=use_cutoff
    )
    
    # Calculate damage
    return _damage_from_histogram(stress_ranges_factored, cycle_counts, N_f)


# ---- openrainflow/utils.py ----
import numpy as np
from typing import Optional, Tuple
from numba import njit


@njit(cache=True)
def remove_mean(signal: np.ndarray) -> Tuple[np.ndarray, float]:
    """
    Remove mean value from signal.
    
    Args:
        signal: Input signal
        
    Returns:
        signal_zeromean: Signal with zero mean
        mean_value: Original mean value
    """
    mean_value = np.mean(signal)
    return signal - mean_value, mean_value


@njit(cache=True)
def range_pair_count(signal: np.ndarray) -> int:
    """
    Estimate number of reversals in signal (fast check).
    
    Args:
        signal: Input signal
        
    Returns:
        Approximate number of reversals
    """
    if len(signal) < 3:
        return len(signal)
    
    count = 1  # First point
    
    for i in range(1, len(signal) - 1):
        if (signal[i] >= signal[i-1] and signal[i] > signal[i+1]) or \
           (signal[i] <= signal[i-1] and signal[i] < signal[i+1]):
            count += 1
    
    count += 1  # Last point
    return count


# ---- harness (not part of the program) ----
ENTRY = "fatigue_assessment"


def fatigue_assessment(stress, stress32, astm, short):
    out = []
    for sig in (stress, astm, short):
        rev, idx = _find_reversals(sig)
        ranges, means, counts = _rainflow_core(rev)
        out.append((rev, idx, ranges, means, counts, range_pair_count(sig)))
    # float32 history: turning points only (_rainflow_core returns float32
    # ranges but float64 np.empty(0) in its short-input branch, which Numba
    # cannot unify, so rainflow_count is only used with float64 here)
    rev32, idx32 = _find_reversals(stress32)
    out.append((rev32, idx32, range_pair_count(stress32)))
    zm, mean_value = remove_mean(stress)
    cycles = rainflow_count(zm, gate=5.0)
    structured = (cycles['range'].copy(), cycles['mean'].copy(), cycles['count'].copy())
    edges = np.linspace(0.0, cycles['range'].max(), 9)
    centres = 0.5 * (edges[:-1] + edges[1:])
    idx = np.clip(np.digitize(cycles['range'], edges) - 1, 0, 7)
    hist = np.zeros(8)
    for k, c in zip(idx, cycles['count']):
        hist[k] += c
    curve71 = FatigueCurve(name='71', delta_sigma_c=EUROCODE_CATEGORIES['71'])
    curve36 = FatigueCurve(name='36', delta_sigma_c=EUROCODE_CATEGORIES['36'])
    d71 = calculate_damage_from_histogram(centres, hist * 1e4, curve71)
    d36 = calculate_damage_from_histogram(centres, hist * 1e4, curve36,
                                          partial_safety_factor=1.35)
    d_direct = _damage_from_histogram(cycles['range'], cycles['count'],
                                      curve36.get_cycles_to_failure(cycles['range']))
    return (out, zm, mean_value, structured, hist, d71, d36, d_direct)


def inputs():
    rng = np.random.default_rng(0)
    stress = 40.0 * np.cumsum(rng.standard_normal(400)) / 6.0 + 100.0
    stress32 = (60.0 * np.sin(np.linspace(0.0, 30.0, 300)) + 25.0 * rng.standard_normal(300)).astype(np.float32)
    astm = np.array([-2.0, 1.0, -3.0, 5.0, -1.0, 3.0, -4.0, 4.0, -2.0])
    short = np.array([1.5, -0.5])
    return (stress, stress32, astm, short)
