# Source: openai/whisper whisper/timing.py (at commit 05fd95f6)
# Licence: MIT (whisper, LICENSE; Copyright (c) 2022 OpenAI)
# Notes: the CPU dynamic time warping that aligns Whisper's text tokens to audio frames for word-level timestamps (what dtw() runs on the negated cross-attention matrix when the tensor is not on CUDA): dtw_cpu (@numba.jit(nopython=True, parallel=True), without prange) fills float32 cost and trace tables made with np.ones(...) * np.inf and -np.ones(...), with a column-major double loop that picks the cheapest of three predecessors through tuple assignments `c, t = c0, 0` (a float and an int, the int then stored into the float32 trace), and hands the trace to the jitted backtrace, which overwrites the trace's first row and column with slice assignments, walks back from the corner with a while loop on `i > 0 or j > 0`, appends (i - 1, j - 1) tuples to a list, compares float32 trace entries with the integers 0, 1, 2, raises ValueError on anything else, and returns np.array(list_of_tuples)[::-1, :].T, a 2 x K int64 array of (text index, time index) pairs. Only backtrace and dtw_cpu are pasted, with the numba and numpy imports; left out: the rest of timing.py (torch median filter, the Triton dtw_cuda, the alignment and word-timestamp drivers) and its torch and package imports
import numba
import numpy as np


@numba.jit(nopython=True)
def backtrace(trace: np.ndarray):
    i = trace.shape[0] - 1
    j = trace.shape[1] - 1
    trace[0, :] = 2
    trace[:, 0] = 1

    result = []
    while i > 0 or j > 0:
        result.append((i - 1, j - 1))

        if trace[i, j] == 0:
            i -= 1
            j -= 1
        elif trace[i, j] == 1:
            i -= 1
        elif trace[i, j] == 2:
            j -= 1
        else:
            raise ValueError("Unexpected trace[i, j]")

    result = np.array(result)
    return result[::-1, :].T


@numba.jit(nopython=True, parallel=True)
def dtw_cpu(x: np.ndarray):
    N, M = x.shape
    cost = np.ones((N + 1, M + 1), dtype=np.float32) * np.inf
    trace = -np.ones((N + 1, M + 1), dtype=np.float32)

    cost[0, 0] = 0
    for j in range(1, M + 1):
        for i in range(1, N + 1):
            c0 = cost[i - 1, j - 1]
            c1 = cost[i - 1, j]
            c2 = cost[i, j - 1]

            if c0 < c1 and c0 < c2:
                c, t = c0, 0
            elif c1 < c0 and c1 < c2:
                c, t = c1, 1
            else:
                c, t = c2, 2

            cost[i, j] = x[i - 1, j - 1] + c
            trace[i, j] = t

    return backtrace(trace)

# ---- harness (not part of the program) ----
ENTRY = "dtw_cpu"


def inputs():
    # what find_alignment hands to dtw for 24 text tokens over 120 audio
    # frames: the negated, normalised and median-filtered mean cross-attention
    # weights (tokens x frames) as float64, here a diagonal band of high
    # attention (a roughly linear alignment with a pause in the middle) plus
    # noise, rounded to multiples of 1/64 so that float32 costs add exactly
    rng = np.random.default_rng(0)
    n_tokens, n_frames = 24, 120
    centre = np.concatenate([np.linspace(0, 50, 12), np.linspace(70, 119, 12)])
    frames = np.arange(n_frames)[None, :]
    weights = np.exp(-0.5 * ((frames - centre[:, None]) / 4.0) ** 2)
    weights += 0.2 * rng.random((n_tokens, n_frames))
    x = -np.round(weights * 64) / 64
    return (x,)
