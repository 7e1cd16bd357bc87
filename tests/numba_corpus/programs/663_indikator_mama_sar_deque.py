# Source: sencer/indikator src/indikator/_mesa_numba.py, src/indikator/_sar_numba.py (at commit 4efa02ff), src/indikator/_deque_numba.py (at commit 068c8286)
# Licence: MIT (indikator, LICENSE; Copyright (c) 2025 Sencer S.)
# Notes: three Numba modules of indikator, a TA-Lib-compatible technical-analysis library (two-space indentation kept). _mesa_numba.py: MESA adaptive moving average MAMA/FAMA (a Hilbert-transform style loop over six history arrays, math.atan2/math.atan, nested builtin min/max of floats, tuple-assignment of two state scalars, math.isnan under fastmath, np.full of NaN, a (mama, fama) tuple return with an early return for short inputs). _sar_numba.py: Parabolic SAR and SAREXT (state machines with a bool trend flag, three-argument min/max, conditional expressions picking the acceleration factor, np.full(n, np.nan) for short inputs). _deque_numba.py: a monotonic deque kept in a preallocated int64 buffer by five @jit(nopython=True, inline="always") helpers (head/tail indices modulo the capacity, while loops with compound conditions, (head, tail) tuple returns), used by rolling_max_indices and rolling_min_indices. All decorators are @jit(nopython=True, cache=True, nogil=True[, fastmath=True]); `from __future__ import annotations` and TYPE_CHECKING-only imports are kept, with each module's own copy of those lines merged into one. The harness feeds a deterministic OHLC-like price path (trend plus two sine cycles) with 160 bars, plus short inputs (1 and 20 bars), to every kernel with TA-Lib's default and non-default parameters
"""Numba-optimized MESA Indicators (MAMA, FAMA)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from numba import jit  # type: ignore[import-untyped]
import numpy as np

if TYPE_CHECKING:
  from numpy.typing import NDArray


@jit(nopython=True, cache=True, nogil=True, fastmath=True)
def compute_mama_numba(
  data: NDArray[np.float64], 
  fastlimit: float, 
  slowlimit: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
  """Compute MESA Adaptive Moving Average (MAMA) and Following Adaptive Moving Average (FAMA).
  
  Matches TA-Lib MAMA/FAMA.
  """
  n = len(data)
  out_mama = np.full(n, np.nan, dtype=np.float64)
  out_fama = np.full(n, np.nan, dtype=np.float64)

  if n < 32:
    return out_mama, out_fama

  # Scalar History
  smooth = np.zeros(n, dtype=np.float64)
  detrender = np.zeros(n, dtype=np.float64)
  i1 = np.zeros(n, dtype=np.float64)
  q1 = np.zeros(n, dtype=np.float64)
  jI = np.zeros(n, dtype=np.float64)
  jQ = np.zeros(n, dtype=np.float64)
  
  period = 0.0
  prev_period = 0.0
  prev_smooth_period = 0.0
  dc_phase = 0.0
  
  rad2deg = 180.0 / math.pi
  deg2rad = math.pi / 180.0

  mama = 0.0
  fama = 0.0

  for i in range(n):
    # 1. Smooth
    if i >= 3:
      smooth[i] = (4.0 * data[i] + 3.0 * data[i-1] + 2.0 * data[i-2] + data[i-3]) * 0.1
    else:
      smooth[i] = data[i]

    # 2. Detrender
    if i >= 6:
      adj = 0.075 * prev_period + 0.54
      detrender[i] = (0.0962 * smooth[i] + 0.5769 * smooth[i-2] - 0.5769 * smooth[i-4] - 0.0962 * smooth[i-6]) * adj
    
    # 3. I1/Q1
    q1[i] = detrender[i]
    if i >= 3:
      i1[i] = detrender[i-3]
      
    # 4. Advance Re/Im
    if i >= 1:
      raw_re = i1[i] * i1[i-1] + q1[i] * q1[i-1]
      raw_im = i1[i] * q1[i-1] - q1[i] * i1[i-1]
      jI[i] = 0.2 * raw_re + 0.8 * jI[i-1]
      jQ[i] = 0.2 * raw_im + 0.8 * jQ[i-1]
      
      # Period
      p_rad = math.atan2(jQ[i], jI[i])
      if abs(p_rad) > 1e-12:
        temp_period = 360.0 / (p_rad * rad2deg)
      else:
        temp_period = 0.0
      
      temp_period = abs(temp_period) * 0.82
      if prev_period > 0:
        temp_period = min(1.5 * prev_period, max(0.67 * prev_period, temp_period))
      temp_period = max(6.0, min(50.0, temp_period))
      
      period = 0.2 * temp_period + 0.8 * prev_period
      smooth_period = 0.33 * period + 0.67 * prev_smooth_period
      prev_period, prev_smooth_period = period, smooth_period
      
      # 5. Phase
      # Compute Phase Angle
      if abs(i1[i]) > 1e-12:
          phase_angle = math.atan(q1[i] / i1[i]) * rad2deg
      else:
          phase_angle = 90.0
      
      # Delta Phase
      delta_phase = dc_phase - phase_angle
      if dc_phase < phase_angle:
          delta_phase += 360.0
      
      if delta_phase < 1.0 or math.isnan(delta_phase):
          delta_phase = 1.0
      
      # Alpha
      alpha = fastlimit / delta_phase
      if alpha < slowlimit:
          alpha = slowlimit
      if alpha > 1.0:
          alpha = 1.0
      
      # MAMA
      if i < 32:
          mama = data[i]
          fama = data[i]
      else:
          mama = alpha * data[i] + (1.0 - alpha) * mama
          fama = 0.5 * alpha * mama + (1.0 - 0.5 * alpha) * fama
      
      out_mama[i] = mama
      out_fama[i] = fama
      dc_phase = phase_angle

  return out_mama, out_fama


# ---- src/indikator/_sar_numba.py ----
"""Numba-optimized Parabolic SAR calculation.

Uses state machine with acceleration factor.
"""


@jit(nopython=True, cache=True, nogil=True, fastmath=True)
def compute_sar_numba(
  high: NDArray[np.float64],
  low: NDArray[np.float64],
  af_start: float,
  af_increment: float,
  af_max: float,
) -> NDArray[np.float64]:  # pragma: no cover
  """Numba JIT-compiled Parabolic SAR.

  SAR tracks price with an acceleration factor that increases
  when new extremes are made.

  Uses register variables for state machine optimization.

  Args:
    high: High prices
    low: Low prices
    af_start: Starting acceleration factor (typically 0.02)
    af_increment: AF increment on new extreme (typically 0.02)
    af_max: Maximum AF (typically 0.2)

  Returns:
    Array of SAR values
  """
  n = len(high)

  if n < 2:
    return np.full(n, np.nan)

  sar = np.empty(n, dtype=np.float64)
  sar[0] = np.nan

  # TA-Lib initial trend detection: looks at first two bars
  # If close would be above SAR (using low[0] as potential long SAR), start long
  # Actually TA-Lib starts with long if high[1] > high[0]
  # SAR[1] is set to the extreme point OF THE OPPOSITE trend direction

  # TA-Lib logic:
  # If starting LONG: SAR[1] = lowest low of first 2 bars, EP = highest high
  # If starting SHORT: SAR[1] = highest high of first 2 bars, EP = lowest low

  # Determine trend from first two highs (TA-Lib approach)
  if high[1] > high[0]:
    # Uptrend
    is_long = True
    ep = high[1]  # Extreme point is highest high
    sar_value = min(low[0], low[1])  # SAR is the lowest low
  else:
    # Downtrend
    is_long = False
    ep = low[1]  # Extreme point is lowest low
    sar_value = max(high[0], high[1])  # SAR is the highest high

  af = af_start
  sar[1] = sar_value

  for i in range(2, n):
    # Calculate SAR for today based on yesterday's state
    sar_value = sar_value + af * (ep - sar_value)

    # SAR cannot penetrate prior two bars (but skip initial bar where SAR was set)
    if is_long:
      # In uptrend, SAR cannot be above prior two lows
      if i > 2:
        sar_value = min(sar_value, low[i - 1], low[i - 2])
      else:
        sar_value = min(sar_value, low[i - 1])
    # In downtrend, SAR cannot be below prior two highs
    elif i > 2:
      sar_value = max(sar_value, high[i - 1], high[i - 2])
    else:
      sar_value = max(sar_value, high[i - 1])

    # Check for reversal
    if is_long:
      # Check if price pierced SAR (low went below SAR)
      if low[i] < sar_value:
        # Reversal to downtrend
        is_long = False
        sar_value = ep  # SAR becomes prior EP
        ep = low[i]  # New EP is current low
        af = af_start
      # Continue uptrend
      elif high[i] > ep:
        ep = high[i]
        af = min(af + af_increment, af_max)
    # Check if price pierced SAR (high went above SAR)
    elif high[i] > sar_value:
      # Reversal to uptrend
      is_long = True
      sar_value = ep  # SAR becomes prior EP
      ep = high[i]  # New EP is current high
      af = af_start
    # Continue downtrend
    elif low[i] < ep:
      ep = low[i]
      af = min(af + af_increment, af_max)

    sar[i] = sar_value

  return sar


@jit(nopython=True, cache=True, nogil=True, fastmath=True)
def compute_sarext_numba(
  high: NDArray[np.float64],
  low: NDArray[np.float64],
  start_value: float,
  offset_on_reversal: float,
  acceleration_init_long: float,
  acceleration_long: float,
  acceleration_max_long: float,
  acceleration_init_short: float,
  acceleration_short: float,
  acceleration_max_short: float,
) -> NDArray[np.float64]:
  """Compute SAREXT - Parabolic SAR Extended.
  
  Matches TA-Lib SAREXT logic.
  """
  n = len(high)
  sar = np.full(n, np.nan, dtype=np.float64)
  
  if n < 2:
    return sar

  # Initialization logic from TA-Lib:
  # If start_value > 0, use it. If < 0, use high-start.
  # For simplicity, we assume start_value logic is handled in wrapper or match standard.
  
  # Determine initial trend (Standard logic for now)
  if high[1] > high[0]:
    is_long = True
    ep = high[1]
    sar_val = min(low[0], low[1])
  else:
    is_long = False
    ep = low[1]
    sar_val = max(high[0], high[1])

  if start_value != 0:
      sar_val = abs(start_value)
      is_long = start_value > 0

  af = acceleration_init_long if is_long else acceleration_init_short
  sar[1] = sar_val

  for i in range(2, n):
    sar_val = sar_val + af * (ep - sar_val)

    if is_long:
      if i > 2:
        sar_val = min(sar_val, low[i - 1], low[i - 2])
      else:
        sar_val = min(sar_val, low[i - 1])
    else:
      if i > 2:
        sar_val = max(sar_val, high[i - 1], high[i - 2])
      else:
        sar_val = max(sar_val, high[i - 1])

    if is_long:
      if low[i] < sar_val:
        # Reversal to short
        is_long = False
        # Adjustment on reversal
        sar_val = ep + offset_on_reversal if offset_on_reversal != 0 else ep
        ep = low[i]
        af = acceleration_init_short
      elif high[i] > ep:
        ep = high[i]
        af = min(af + acceleration_long, acceleration_max_long)
    else:
      if high[i] > sar_val:
        # Reversal to long
        is_long = True
        sar_val = ep - offset_on_reversal if offset_on_reversal != 0 else ep
        ep = high[i]
        af = acceleration_init_long
      elif low[i] < ep:
        ep = low[i]
        af = min(af + acceleration_short, acceleration_max_short)

    sar[i] = sar_val

  return sar


# ---- src/indikator/_deque_numba.py ----
"""Numba-optimized monotonic deque for O(n) rolling max/min calculations.

Provides inline helper functions that operate on pre-allocated numpy buffers.
Use `@jit(inline='always')` for zero-overhead function calls.

Usage pattern:
  # Allocate buffers once
  dq = np.zeros(period + 1, dtype=np.int64)
  head, tail = 0, 0

  for i in range(n):
    # Remove expired
    head = deque_expire(dq, head, tail, period + 1, i - period + 1)
    # Push (for max-deque)
    head, tail = deque_push_max(dq, head, tail, period + 1, data, i)
    # Get front
    result[i] = data[deque_front(dq, head, period + 1)]
"""

# =============================================================================
# Inline deque helper functions (zero overhead when inlined)
# =============================================================================


@jit(nopython=True, inline="always")  # pragma: no cover
def deque_is_empty(head: int, tail: int) -> bool:
  """Check if deque is empty."""
  return head == tail


@jit(nopython=True, inline="always")  # pragma: no cover
def deque_front(dq: NDArray[np.int64], head: int, capacity: int) -> int:
  """Get the index stored at the front of the deque."""
  return dq[head % capacity]


@jit(nopython=True, inline="always")  # pragma: no cover
def deque_expire(
  dq: NDArray[np.int64],
  head: int,
  tail: int,
  capacity: int,
  min_valid_idx: int,
) -> int:
  """Remove expired elements from front. Returns new head."""
  while head != tail and dq[head % capacity] < min_valid_idx:
    head += 1
  return head


@jit(nopython=True, inline="always")  # pragma: no cover
def deque_push_max(  # noqa: PLR0913, PLR0917
  dq: NDArray[np.int64],
  head: int,
  tail: int,
  capacity: int,
  data: NDArray[np.float64],
  idx: int,
) -> tuple[int, int]:
  """Push index for max-deque: remove smaller elements from back."""
  while head != tail and data[dq[(tail - 1) % capacity]] <= data[idx]:
    tail -= 1
  dq[tail % capacity] = idx
  return head, tail + 1


@jit(nopython=True, inline="always")  # pragma: no cover
def deque_push_min(  # noqa: PLR0913, PLR0917
  dq: NDArray[np.int64],
  head: int,
  tail: int,
  capacity: int,
  data: NDArray[np.float64],
  idx: int,
) -> tuple[int, int]:
  """Push index for min-deque: remove larger elements from back."""
  while head != tail and data[dq[(tail - 1) % capacity]] >= data[idx]:
    tail -= 1
  dq[tail % capacity] = idx
  return head, tail + 1


# =============================================================================
# Convenience functions for common use cases
# =============================================================================


@jit(nopython=True, cache=True, nogil=True)  # pragma: no cover
def rolling_max_indices(
  data: NDArray[np.float64],
  period: int,
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
  """Compute rolling maximum values and their indices using monotonic deque.

  O(n) complexity instead of O(n * period).

  Args:
    data: Input array
    period: Window size

  Returns:
    Tuple of (indices of max, max values)
  """
  n = len(data)
  max_indices = np.zeros(n, dtype=np.int64)
  max_values = np.zeros(n, dtype=np.float64)

  # Allocate deque buffer
  capacity = period + 1
  dq = np.zeros(capacity, dtype=np.int64)
  head, tail = 0, 0

  for i in range(n):
    min_valid_idx = i - period + 1
    head = deque_expire(dq, head, tail, capacity, min_valid_idx)
    head, tail = deque_push_max(dq, head, tail, capacity, data, i)

    front_idx = deque_front(dq, head, capacity)
    max_indices[i] = front_idx
    max_values[i] = data[front_idx]

  return max_indices, max_values


@jit(nopython=True, cache=True, nogil=True)  # pragma: no cover
def rolling_min_indices(
  data: NDArray[np.float64],
  period: int,
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
  """Compute rolling minimum values and their indices using monotonic deque.

  O(n) complexity instead of O(n * period).

  Args:
    data: Input array
    period: Window size

  Returns:
    Tuple of (indices of min, min values)
  """
  n = len(data)
  min_indices = np.zeros(n, dtype=np.int64)
  min_values = np.zeros(n, dtype=np.float64)

  # Allocate deque buffer
  capacity = period + 1
  dq = np.zeros(capacity, dtype=np.int64)
  head, tail = 0, 0

  for i in range(n):
    min_valid_idx = i - period + 1
    head = deque_expire(dq, head, tail, capacity, min_valid_idx)
    head, tail = deque_push_min(dq, head, tail, capacity, data, i)

    front_idx = deque_front(dq, head, capacity)
    min_indices[i] = front_idx
    min_values[i] = data[front_idx]

  return min_indices, min_values


# ---- harness ----
ENTRY = "indikator_kernels"


def indikator_kernels(close, high, low):
  out = {}
  out["mama"] = compute_mama_numba(close, 0.5, 0.05)
  out["mama_fast"] = compute_mama_numba(close, 0.9, 0.1)
  out["mama_short"] = compute_mama_numba(close[:20], 0.5, 0.05)
  out["sar"] = compute_sar_numba(high, low, 0.02, 0.02, 0.2)
  out["sar_aggressive"] = compute_sar_numba(high, low, 0.05, 0.05, 0.5)
  out["sar_one_bar"] = compute_sar_numba(high[:1], low[:1], 0.02, 0.02, 0.2)
  out["sar_reversed"] = compute_sar_numba(high[::-1].copy(), low[::-1].copy(), 0.02, 0.02, 0.2)
  out["sarext_default"] = compute_sarext_numba(high, low, 0.0, 0.0, 0.02, 0.02, 0.2, 0.02, 0.02, 0.2)
  out["sarext_start_long"] = compute_sarext_numba(high, low, 95.0, 0.5, 0.01, 0.03, 0.25, 0.04, 0.01, 0.15)
  out["sarext_start_short"] = compute_sarext_numba(high, low, -110.0, 0.0, 0.02, 0.02, 0.2, 0.03, 0.03, 0.3)
  out["sarext_one_bar"] = compute_sarext_numba(high[:1], low[:1], 0.0, 0.0, 0.02, 0.02, 0.2, 0.02, 0.02, 0.2)
  out["rolling_max"] = rolling_max_indices(high, 14)
  out["rolling_min"] = rolling_min_indices(low, 14)
  out["rolling_max_1"] = rolling_max_indices(close, 1)
  plateau = np.round(close / 4.0) * 4.0   # ties exercise the <= / >= pops
  out["rolling_max_ties"] = rolling_max_indices(plateau, 5)
  out["rolling_min_ties"] = rolling_min_indices(plateau, 5)
  return out


def inputs():
  t = np.arange(160, dtype=np.float64)
  close = 100.0 + 0.05 * t + 6.0 * np.sin(t / 9.0) + 2.5 * np.sin(t / 2.3 + 1.0)
  spread = 0.8 + 0.3 * np.cos(t / 5.0)
  high = close + spread
  low = close - spread * 1.1
  return (close, high, low)
