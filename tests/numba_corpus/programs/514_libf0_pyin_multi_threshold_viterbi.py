# Source: groupmm/libf0 libf0/pyin.py (at commit 145bc98a) and libf0/yin.py (at commit 16303243)
# Licence: MIT (libf0, LICENCE; Copyright (c) 2022-2026 Sebastian Rosenzweig, Simon Schwär, Peter Meier, Meinard Müller, International Audio Laboratories Erlangen)
# Notes: pYIN fundamental-frequency estimation (audio / music information retrieval): yin_multi_thr (@njit) slides a window over the padded signal, computes the YIN cumulative mean normalized difference function per frame (cumulative_mean_normalized_difference_function from yin.py, np.sum of shifted-slice differences, np.finfo eps) and runs probabilistic_thresholding (@njit: np.argwhere on chained boolean masks, .flatten().astype, delete_numba boolean-mask deletion, parabolic_interpolation on fancy-indexed arrays returning a tuple that is unpacked into a variable and a fancy-index store, np.concatenate, enumerate over a float array, quantisation by np.argmin of abs log2) for 99 thresholds, giving an HMM observation matrix; compute_transition_matrix (@njit, slice assignments of a scaled triangular distribution) + viterbi_log_likelihood (@njit, log-domain Viterbi with np.max/np.argmax over columns), and the sparse compute_transition_structure_pyin_block (@njit, default prob_self, enumerate(range(...)), np.full with -np.inf, continue) + viterbi_log_likelihood_fast (@njit), then refine_estimates_yin (@njit, np.where(...)[0] loops). Pasted: every jitted function pyin() uses (the two from yin.py replace pyin.py's relative import); left out: the plain-Python pyin() driver (it uses scipy.special/scipy.stats for the beta and triangular distributions) and the unused viterbi_pyin / compute_transition_structure_from_matrix. The harness does what pyin() does, with the scipy distributions computed in the harness, on 0.4 s of a synthetic vibrato tone at 8 kHz, and returns the observation matrix, both Viterbi paths and the refined F0 track
import numpy as np
from numba import njit


VITERBI_IMPLS = ("legacy", "fast")


@njit
def cumulative_mean_normalized_difference_function(frame, lag_max):
    """
    Computes Cumulative Mean Normalized Difference Function (CMNDF).

    Parameters
    ----------
    frame : ndarray
        Audio frame
    lag_max : int
        Maximum expected lag in the CMNDF

    Returns
    -------
    cmndf : ndarray
        Cumulative Mean Normalized Difference Function
    """

    cmndf = np.zeros(lag_max+1)  # Initialize CMNDF
    cmndf[0] = 1
    diff_mean = 0

    for tau in range(1, lag_max+1):
        # Difference function
        diff = np.sum((frame[0:-tau] - frame[0 + tau:]) ** 2)
        # Iterative mean of the difference function
        diff_mean = diff_mean*(tau-1)/tau + diff/tau

        cmndf[tau] = diff / (diff_mean + np.finfo(np.float64).eps)

    return cmndf


@njit
def parabolic_interpolation(y1, y2, y3):
    """
    Parabolic interpolation of an extremal value given three samples with equal spacing on the x-axis.
    The middle value y2 is assumed to be the extremal sample of the three.

    Parameters
    ----------
    y1: f(x1)
    y2: f(x2)
    y3: f(x3)

    Returns
    -------
    x_interp: Interpolated x-value (relative to x3-x2)
    y_interp: Interpolated y-value, f(x_interp)
    """

    a = np.finfo(np.float64).eps + (y1 + y3 - 2 * y2) / 2
    b = (y3 - y1) / 2
    x_interp = -b / (2 * a)
    y_interp = y2 - (b ** 2) / (4 * a)

    return x_interp, y_interp


@njit
def refine_estimates_yin(f0, p_orig, val_orig, Fs, tol):
    """
    Refine estimates using YIN CMNDF information.

    Parameters
    ----------
    f0 : ndarray
        F0 in Hz
    p_orig : ndarray
        Original lag as computed by YIN
    val_orig : ndarray
        Original CMNDF values as computed by YIN
    Fs : float
        Sampling frequency
    tol : float
        Tolerance for refinements in cents

    Returns
    -------
    f0_refined : ndarray
        Refined F0-trajectory
    """
    f0_refined = np.zeros_like(f0)
    voiced_idxs = np.where(f0 > 0)[0]

    f_orig = Fs / p_orig

    # find closest original YIN estimate, maximally allowed absolute deviation: R (quantization error)
    for m in voiced_idxs:
        diff_cents = np.abs(1200 * np.log2(f_orig[:, m] / f0[m]))
        candidate_idxs = np.where(diff_cents < tol)[0]

        if not candidate_idxs.size:
            f0_refined[m] = f0[m]
        else:
            f0_refined[m] = f_orig[candidate_idxs[np.argmin(val_orig[candidate_idxs, m])], m]

    return f0_refined


@njit
def probabilistic_thresholding(cmndf, thresholds, p_min, p_max, absolute_min_prob, F_axis, Fs, beta_distr,
                               parabolic_interp=True):
    """
    Probabilistic thresholding of the YIN CMNDF.

    Parameters
    ----------
    cmndf : ndarray
        Cumulative Mean Normalized Difference Function
    thresholds : ndarray
        Array of thresholds for CMNDF
    p_min : float
        Period corresponding to the lower frequency bound
    p_max : float
        Period corresponding to the upper frequency bound
    absolute_min_prob : float
        Probability to chose absolute minimum
    F_axis : ndarray
        Frequency axis
    Fs : float
        Sampling rate
    beta_distr : ndarray
        Beta distribution that defines mapping between thresholds and probabilities
    parabolic_interp : bool
        Switch to activate/deactivate parabolic interpolation

    Returns
    -------
    O_m : ndarray
        Observations for given frame
    lag_thr : ndarray
        Computed lags for every threshold
    val_thr : ndarray
        CMNDF values for computed lag
    """
    # restrict search range to interval [p_min:p_max]
    cmndf[:p_min] = np.inf
    cmndf[p_max:] = np.inf

    # find local minima (assuming that cmndf is real in [p_min:p_max], you will always find a minimum,
    # at least p_min or p_max)
    min_idxs = (np.argwhere((cmndf[1:-1] < cmndf[0:-2]) & (cmndf[1:-1] < cmndf[2:]))).flatten().astype(np.int64) + 1

    O_m = np.zeros(2 * len(F_axis))

    # return if no minima are found, e.g., when frame is silence
    if min_idxs.size == 0:
        return O_m, np.ones_like(thresholds)*p_min, np.ones_like(thresholds)

    # Optional: Parabolic Interpolation of local minima
    if parabolic_interp:
        # do not interpolate at the boarders, Numba compatible workaround for np.delete()
        min_idxs_interp = delete_numba(min_idxs, np.argwhere(min_idxs == p_min))
        min_idxs_interp = delete_numba(min_idxs_interp, np.argwhere(min_idxs_interp == p_max - 1))
        p_corr, cmndf[min_idxs_interp] = parabolic_interpolation(cmndf[min_idxs_interp - 1],
                                                                 cmndf[min_idxs_interp],
                                                                 cmndf[min_idxs_interp + 1])
    else:
        p_corr = np.zeros_like(min_idxs).astype(np.float64)

    # set p_corr=0 at the boarders (no correction done later)
    if min_idxs[0] == p_min:
        p_corr = np.concatenate((np.array([0.0]), p_corr))

    if min_idxs[-1] == p_max - 1:
        p_corr = np.concatenate((p_corr, np.array([0.0])))

    lag_thr = np.zeros_like(thresholds)
    val_thr = np.zeros_like(thresholds)

    # loop over all thresholds
    for i, threshold in enumerate(thresholds):
        # minima below absolute threshold
        min_idxs_thr = min_idxs[cmndf[min_idxs] < threshold]

        # find first local minimum
        if not min_idxs_thr.size:
            lag = np.argmin(cmndf)  # choose absolute minimum when no local minimum is found
            am_prob = absolute_min_prob
            val = np.min(cmndf)
        else:
            am_prob = 1
            lag = np.min(min_idxs_thr)  # choose first local minimum
            val = cmndf[lag]

            # correct lag
            if parabolic_interp:
                lag += p_corr[np.argmin(min_idxs_thr)]

        # ensure that lag is in [p_min:p_max]
        if lag < p_min:
            lag = p_min
        elif lag >= p_max:
            lag = p_max - 1

        lag_thr[i] = lag
        val_thr[i] = val

        idx = np.argmin(np.abs(1200 * np.log2(F_axis / (Fs / lag))))  # quantize estimated period
        O_m[idx] += am_prob * beta_distr[i]  # pYIN-Paper, Formula 4/5

    return O_m, lag_thr, val_thr


@njit
def yin_multi_thr(x, Fs, N, H, F_min, F_max, thresholds, beta_distr, absolute_min_prob, F_axis, voicing_prob,
                  parabolic_interp=True):
    """
    Applies YIN multiple times on input audio signals using different thresholds for CMNDF.

    Parameters
    ----------
    x : ndarray
        Input audio signal
    Fs : int
        Sampling rate
    N : int
        Window size
    H : int
        Hop size
    F_min : float
        Lower frequency bound
    F_max : float
        Upper frequency bound
    thresholds : ndarray
        Array of thresholds
    beta_distr : ndarray
        Beta distribution that defines mapping between thresholds and probabilities
    absolute_min_prob :float
        Probability to chose absolute minimum
    F_axis : ndarray
        Frequency axis
    voicing_prob : float
        Probability of a frame being voiced
    parabolic_interp : bool
        Switch to activate/deactivate parabolic interpolation

    Returns
    -------
    O : ndarray
        Observations based on YIN output
    rms : ndarray
        Root mean square power
    p_orig : ndarray
        Original YIN period estimates
    val_orig : ndarray
        CMNDF values corresponding to original YIN period estimates
    """

    M = int(np.floor((len(x) - N) / H)) + 1  # Compute number of estimates that will be generated
    B = len(F_axis)

    p_min = max(int(np.ceil(Fs / F_max)), 1)  # period of maximal frequency in frames
    p_max = int(np.ceil(Fs / F_min))  # period of minimal frequency in frames

    if p_max > N:
        raise Exception("The condition (Fmin >= Fs/N) was not met.")

    rms = np.zeros(M)  # RMS Power
    O = np.zeros((2 * B, M))  # every voiced state has an unvoiced state (important for later HMM modeling)
    p_orig = np.zeros((len(thresholds), M))
    val_orig = np.zeros((len(thresholds), M))

    for m in range(M):
        # Take a frame from input signal
        frame = x[m * H:m * H + N]

        # Cumulative Mean Normalized Difference Function
        cmndf = cumulative_mean_normalized_difference_function(frame, p_max)

        # compute RMS power
        rms[m] = np.sqrt(np.mean(frame ** 2))
        
        # Probabilistic Thresholding with different thresholds
        O_m, p_est_thr, val_thr = probabilistic_thresholding(cmndf, thresholds, p_min, p_max, absolute_min_prob, F_axis,
                                                             Fs, beta_distr, parabolic_interp=parabolic_interp)

        O[:, m] = O_m
        p_orig[:, m] = p_est_thr  # store original YIN estimates for later refinement
        val_orig[:, m] = val_thr  # store original cmndf value of minimum corresponding to p_est

    # normalization (pYIN-Paper, Formula 6)
    O[0:B, :] *= voicing_prob
    O[B:2 * B, :] = (1 - voicing_prob) * (1 - np.sum(O[0:B, :], axis=0)) / B
    
    return O, rms, p_orig, val_orig


@njit
def compute_transition_matrix(M, triang_distr):
    """
    Compute a transition matrix for PYIN Viterbi.

    Parameters
    ----------
    M : int
        Matrix dimension
    triang_distr : ndarray
        (Triangular) distribution, defining tolerance for jumps deviating from the main diagonal

    Returns
    -------
    A : ndarray
        Transition matrix
    """
    prob_self = 0.99
        
    A = np.zeros((2*M, 2*M))
    max_step = len(triang_distr) // 2

    for i in range(M):
        if i < max_step:
            A[i, 0:i+max_step] = prob_self * triang_distr[max_step - i:-1] / np.sum(triang_distr[max_step - i:-1])
            A[i+M, M:i+M+max_step] = prob_self * triang_distr[max_step - i:-1] / np.sum(triang_distr[max_step - i:-1])

        if i >= max_step and i < M-max_step:
            A[i, i-max_step:i+max_step+1] = prob_self * triang_distr
            A[i+M, (i+M)-max_step:(i+M)+max_step+1] = prob_self * triang_distr

        if i >= M-max_step:
            A[i, i-max_step:M] = prob_self * triang_distr[0:max_step - (i-M)] / np.sum(triang_distr[0:max_step - (i-M)])
            A[i+M, i+M-max_step:2*M] = prob_self * triang_distr[0:max_step - (i - M)] / \
                                       np.sum(triang_distr[0:max_step - (i - M)])

        A[i, i+M] = 1 - prob_self
        A[i+M, i] = 1 - prob_self
    
    return A


@njit
def viterbi_log_likelihood(A, C, B_O):
    """Viterbi algorithm (log variant) for solving the uncovering problem

    Notebook: C5/C5S3_Viterbi.ipynb

    Args:
        A : ndarray
            State transition probability matrix of dimension I x I
        C : ndarray
            Initial state distribution  of dimension I
        B_O : ndarray
            Likelihood matrix of dimension I x N

    Returns:
        S_opt : ndarray
            Optimal state sequence of length N
    """
    I = A.shape[0]    # Number of states
    N = B_O.shape[1]  # Length of observation sequence
    tiny = np.finfo(0.).tiny
    A_log = np.log(A + tiny)
    C_log = np.log(C + tiny)
    B_O_log = np.log(B_O + tiny)

    # Initialize D and E matrices
    D_log = np.zeros((I, N))
    E = np.zeros((I, N-1)).astype(np.int32)
    D_log[:, 0] = C_log + B_O_log[:, 0]

    # Compute D and E in a nested loop
    for n in range(1, N):
        for i in range(I):
            temp_sum = A_log[:, i] + D_log[:, n-1]
            D_log[i, n] = np.max(temp_sum) + B_O_log[i, n]
            E[i, n-1] = np.argmax(temp_sum)

    # Backtracking
    S_opt = np.zeros(N).astype(np.int32)
    S_opt[-1] = np.argmax(D_log[:, -1])
    for n in range(N-2, -1, -1):
        S_opt[n] = E[int(S_opt[n+1]), n]

    return S_opt


@njit
def compute_transition_structure_pyin_block(M, triang_distr, prob_self=0.99):
    """Build sparse predecessor structure from pYIN block transitions directly.

    The pYIN transition used here has two voicing blocks:
    - same-voicing local triangular transitions (scaled by `prob_self`)
    - cross-voicing same-pitch transitions (scaled by `1 - prob_self`)
    """
    max_step = len(triang_distr) // 2
    states = 2 * M
    tiny = np.finfo(0.).tiny

    same_counts = np.zeros(M, dtype=np.int32)

    for source in range(M):
        if source < max_step:
            start = 0
            end = source + max_step
            weights = triang_distr[max_step - source:-1]
            denom = np.sum(weights)
            if denom <= 0:
                continue
            for k, target in enumerate(range(start, end)):
                prob = prob_self * weights[k] / denom
                if prob > 0:
                    same_counts[target] += 1
        elif source < M - max_step:
            start = source - max_step
            end = source + max_step + 1
            for k, target in enumerate(range(start, end)):
                prob = prob_self * triang_distr[k]
                if prob > 0:
                    same_counts[target] += 1
        else:
            start = source - max_step
            end = M
            weights = triang_distr[0:max_step - (source - M)]
            denom = np.sum(weights)
            if denom <= 0:
                continue
            for target in range(start, end):
                k = target - start
                prob = prob_self * weights[k] / denom
                if prob > 0:
                    same_counts[target] += 1

    max_width = int(np.max(same_counts)) + 1  # +1 for cross-voicing same-pitch edge
    source_idx = np.zeros((states, max_width), dtype=np.int32)
    log_trans = np.full((states, max_width), -np.inf)
    counts = np.zeros(states, dtype=np.int32)
    log_cross = np.log((1.0 - prob_self) + tiny)

    # Match dense-structure source ordering for unvoiced targets:
    # source indices are visited in ascending order, so cross-voicing edges
    # (from voiced sources 0..M-1) appear before same-voicing edges (M..2M-1).
    for pitch in range(M):
        pitch_u = pitch + M
        idx_u = counts[pitch_u]
        source_idx[pitch_u, idx_u] = pitch
        log_trans[pitch_u, idx_u] = log_cross
        counts[pitch_u] += 1

    for source in range(M):
        if source < max_step:
            start = 0
            end = source + max_step
            weights = triang_distr[max_step - source:-1]
            denom = np.sum(weights)
            for k, target in enumerate(range(start, end)):
                prob = prob_self * weights[k] / denom
                if prob <= 0:
                    continue
                log_prob = np.log(prob + tiny)

                idx_v = counts[target]
                source_idx[target, idx_v] = source
                log_trans[target, idx_v] = log_prob
                counts[target] += 1

                target_u = target + M
                source_u = source + M
                idx_u = counts[target_u]
                source_idx[target_u, idx_u] = source_u
                log_trans[target_u, idx_u] = log_prob
                counts[target_u] += 1
        elif source < M - max_step:
            start = source - max_step
            end = source + max_step + 1
            for k, target in enumerate(range(start, end)):
                prob = prob_self * triang_distr[k]
                if prob <= 0:
                    continue
                log_prob = np.log(prob + tiny)

                idx_v = counts[target]
                source_idx[target, idx_v] = source
                log_trans[target, idx_v] = log_prob
                counts[target] += 1

                target_u = target + M
                source_u = source + M
                idx_u = counts[target_u]
                source_idx[target_u, idx_u] = source_u
                log_trans[target_u, idx_u] = log_prob
                counts[target_u] += 1
        else:
            start = source - max_step
            end = M
            weights = triang_distr[0:max_step - (source - M)]
            denom = np.sum(weights)
            for k, target in enumerate(range(start, end)):
                prob = prob_self * weights[k] / denom
                if prob <= 0:
                    continue
                log_prob = np.log(prob + tiny)

                idx_v = counts[target]
                source_idx[target, idx_v] = source
                log_trans[target, idx_v] = log_prob
                counts[target] += 1

                target_u = target + M
                source_u = source + M
                idx_u = counts[target_u]
                source_idx[target_u, idx_u] = source_u
                log_trans[target_u, idx_u] = log_prob
                counts[target_u] += 1

    # Match dense-structure ordering for voiced targets:
    # cross-voicing edges come from sources M..2M-1, after same-voicing sources.
    for pitch in range(M):
        idx_v = counts[pitch]
        source_idx[pitch, idx_v] = pitch + M
        log_trans[pitch, idx_v] = log_cross
        counts[pitch] += 1

    return source_idx, log_trans, counts


@njit
def viterbi_log_likelihood_fast(source_idx, log_trans, counts, C, B_O):
    """Sparse structured log-likelihood Viterbi for pYIN transition graphs."""
    I = source_idx.shape[0]
    N = B_O.shape[1]
    tiny = np.finfo(0.).tiny
    C_log = np.log(C + tiny)
    B_O_log = np.log(B_O + tiny)

    D_log = np.zeros((I, N))
    E = np.zeros((I, N - 1), dtype=np.int32)
    D_log[:, 0] = C_log + B_O_log[:, 0]

    for n in range(1, N):
        for target in range(I):
            best_source = 0
            best_val = -np.inf
            count = counts[target]
            for k in range(count):
                source = source_idx[target, k]
                value = log_trans[target, k] + D_log[source, n - 1]
                if value > best_val:
                    best_val = value
                    best_source = source
            D_log[target, n] = best_val + B_O_log[target, n]
            E[target, n - 1] = best_source

    S_opt = np.zeros(N, dtype=np.int32)
    S_opt[-1] = np.argmax(D_log[:, -1])
    for n in range(N - 2, -1, -1):
        S_opt[n] = E[int(S_opt[n + 1]), n]

    return S_opt


@njit
def delete_numba(arr, num):
    """Delete number from array, Numba compatible. Inspired by:
        https://stackoverflow.com/questions/53602663/delete-a-row-in-numpy-array-in-numba
    """
    mask = np.zeros(len(arr), dtype=np.int64) == 0
    mask[np.where(arr == num)[0]] = False
    return arr[mask]
# ---- harness (not part of the program) ----
ENTRY = "run_pyin"


def run_pyin(x, Fs, N, H, F_min, F_max, R):
    from scipy.special import beta, comb
    from scipy.stats import triang
    thresholds = np.arange(0.01, 1, 0.01)
    beta_params = [1, 18]
    x_pad = np.concatenate((np.zeros(N // 2), x, np.zeros(N // 2)))
    thr_idxs = np.arange(len(thresholds))
    beta_distr = comb(len(thresholds), thr_idxs) * beta(thr_idxs + beta_params[0],
                                                        len(thresholds) - thr_idxs + beta_params[1]) / beta(beta_params[0], beta_params[1])
    B = int(np.log2(F_max / F_min) * (1200 / R))
    F_axis = F_min * np.power(2, np.arange(B) * R / 1200)
    O, rms, p_orig, val_orig = yin_multi_thr(x_pad, Fs=Fs, N=N, H=H, F_min=F_min, F_max=F_max, thresholds=thresholds,
                                             beta_distr=beta_distr, absolute_min_prob=0.01, F_axis=F_axis,
                                             voicing_prob=0.5)
    max_step = int(50 / R)
    triang_distr = triang.pdf(np.arange(-max_step, max_step + 1), 0.5, scale=2 * max_step, loc=-max_step)
    C = np.ones((2 * B, 1)) / (2 * B)
    A = compute_transition_matrix(B, triang_distr)
    idx_legacy = viterbi_log_likelihood(A, C.flatten(), O)
    source_idx, log_trans, counts = compute_transition_structure_pyin_block(B, triang_distr)
    idx_fast = viterbi_log_likelihood_fast(source_idx, log_trans, counts, C.flatten(), O)
    F_axis_extended = np.concatenate((F_axis, np.zeros(len(F_axis))))
    f0 = F_axis_extended[idx_legacy]
    f0[0] = 0
    f0[rms < 0.01] = 0
    f0_refined = refine_estimates_yin(f0, p_orig, val_orig, Fs, R)
    return O, rms, p_orig, val_orig, A, idx_legacy, source_idx, log_trans, counts, idx_fast, f0_refined


def inputs():
    # 0.4 s at 8 kHz: a 220 Hz tone with 5 Hz vibrato and 2 harmonics, a silent gap, light noise;
    # window 512, hop 128, F0 range 80-800 Hz, 20-cent bins (pyin's arguments)
    rng = np.random.default_rng(0)
    Fs = 8000
    t = np.arange(int(0.4 * Fs)) / Fs
    f = 220.0 * 2 ** (0.5 / 12 * np.sin(2 * np.pi * 5 * t))
    phase = 2 * np.pi * np.cumsum(f) / Fs
    x = 0.5 * np.sin(phase) + 0.2 * np.sin(2 * phase) + 0.1 * np.sin(3 * phase)
    x[1200:1700] = 0.0
    x = x + 0.003 * rng.standard_normal(x.size)
    return (x, Fs, 512, 128, 80.0, 800.0, 20)
