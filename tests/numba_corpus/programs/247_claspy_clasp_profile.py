# Source: ermshaua/claspy claspy/clasp.py (at commit 0282e397), claspy/scoring.py (at commit 131e0dd5) and cross_val_labels from claspy/nearest_neighbour.py (at commit 1176da51)
# Licence: BSD-3-Clause (claspy, LICENSE; Copyright (c) 2023, Arik Ermshaus)
# Notes: the ClaSP profile of claspy (time-series segmentation / change-point detection by self-supervised classification): for every candidate split of a time series, the k-nearest-neighbour offsets of its subsequences are turned into cross-validated labels (cross_val_labels: np.concatenate of np.zeros/np.ones with dtype=np.int64, fancy indexing y_true[neighbours], np.sum(..., axis=0), np.asarray(ones > zeros, dtype=np.int64), an exclusion zone assigned through an np.arange index array) and scored with the ROC AUC (roc_auc_score: a bool vector from y_true == 1, reversing with np.arange(...)[::-1] fancy indexing, np.where(np.diff(...))[0], np.concatenate with a one-element array, np.cumsum(bool)[idx], early returns of -np.inf and np.nan, np.any/np.all, np.trapz); _parallel_profile (@njit(fastmath=True, cache=True, parallel=True)) splits the splits into ranges over a prange loop, unpacks a (start, end) tuple per range and assigns a slice of the profile from _profile (@njit(fastmath=True, cache=False)), and the score function is passed in as an argument (a jitted function used as a first-class value); scoring.py's f1_score (for label in (0, 1) over a tuple, np.logical_and) and its plain-Python score table (_SCORE_MAPPING, map_scores) are kept; left out: the ClaSP/ClaSPEnsemble classes, the k-NN search (_sliding_dot with objmode FFT, _argkmin, _knn, _parallel_knn, KSubsequenceNeighbours) and the imports only they use (os, numpy.fft, objmode, get_num_threads, set_num_threads, numba.typed List, sklearn, claspy's other modules); the three files are pasted into one module (scoring.py, cross_val_labels, clasp.py's two functions); the harness computes the 3-NN offsets of z-normalised subsequences with NumPy (what KSubsequenceNeighbours.fit produces) and the ranges as ClaSP.fit does for 4 jobs (passed as a plain list of tuples instead of a numba.typed.List)
import numpy as np
from numba import njit


@njit(fastmath=True, cache=True)
def f1_score(y_true, y_pred):
    '''
    Compute the F1 score, which is the harmonic mean of precision and recall.
    The F1 score is a measure of a model's accuracy that takes both precision
    and recall into account. It is commonly used in binary classification problems
    where there are two classes, positive and negative.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        Ground truth (correct) target values.
    y_pred : array-like of shape (n_samples,)
        Estimated targets as returned by a classifier.

    Returns
    -------
    score : float
        F1 score.

    Notes
    -----
    The F1 score is computed as follows:
        F1 = 2 * (precision * recall) / (precision + recall)
    where precision is the number of true positives divided by the total number
    of predicted positives, and recall is the number of true positives divided
    by the total number of actual positives. The F1 score is a value between 0
    and 1, where 1 is the best possible score.

    References
    ----------
    .. [1] "F1 score", Wikipedia, https://en.wikipedia.org/wiki/F1_score
    '''
    f1_scores = np.zeros(shape=2, dtype=np.float64)

    for label in (0, 1):
        tp = np.sum(np.logical_and(y_true == label, y_pred == label))
        fp = np.sum(np.logical_and(y_true != label, y_pred == label))
        fn = np.sum(np.logical_and(y_true == label, y_pred != label))

        if (tp + fp) == 0 or (tp + fn) == 0:
            return -np.inf

        pr = tp / (tp + fp)
        re = tp / (tp + fn)

        if (pr + re) == 0:
            return -np.inf

        f1 = 2 * (pr * re) / (pr + re)
        f1_scores[label] = f1

    return np.mean(f1_scores)


@njit(fastmath=True, cache=True)
def roc_auc_score(y_score, y_true):
    '''
    Compute the Receiver Operating Characteristic (ROC) area under the curve (AUC).
    The ROC curve is a graphical plot that illustrates the performance of a binary
    classifier system as its discrimination threshold is varied. The area under
    the ROC curve (AUC) is a measure of the classifier's ability to distinguish between
    positive and negative classes. The AUC ranges from 0.0 to 1.0, with 1.0
    representing perfect classification.

    Parameters
    ----------
    y_score : array-like of shape (n_samples,)
        Target scores, can either be probability estimates of the positive class,
        confidence values, or binary decisions.
    y_true : array-like of shape (n_samples,)
        Ground truth (correct) target values.

    Returns
    -------
    auc : float
        Area under the ROC curve.

    Notes
    -----
    Since the AUC represents the degree or measure of separability, it is invariant to
    the class distribution. It can be interpreted as the probability that a randomly selected
    positive example is ranked higher than a randomly selected negative example. Additionally,
    the AUC provides an aggregate measure of performance across all possible classification
    thresholds.

    References
    ----------
    .. [1] "Receiver operating characteristic", Wikipedia, https://en.wikipedia.org/wiki/Receiver_operating_characteristic
    '''
    # make y_true a boolean vector
    y_true = (y_true == 1)

    # sort scores and corresponding truth values (y_true is sorted by design)
    desc_score_indices = np.arange(y_score.shape[0])[::-1]

    y_score = y_score[desc_score_indices]
    y_true = y_true[desc_score_indices]

    # y_score typically has many tied values. Here we extract
    # the indices associated with the distinct values. We also
    # concatenate a value for the end of the curve.
    distinct_value_indices = np.where(np.diff(y_score))[0]
    threshold_idxs = np.concatenate((
        distinct_value_indices,
        np.array([y_true.size - 1])
    ))

    # accumulate the true positives with decreasing threshold
    tps = np.cumsum(y_true)[threshold_idxs]
    fps = 1 + threshold_idxs - tps

    tps = np.concatenate((np.array([0]), tps))
    fps = np.concatenate((np.array([0]), fps))

    if fps[-1] <= 0 or tps[-1] <= 0:
        return -np.inf

    fpr = fps / fps[-1]
    tpr = tps / tps[-1]

    if fpr.shape[0] < 2:
        return np.nan

    direction = 1
    dx = np.diff(fpr)

    if np.any(dx < 0):
        if np.all(dx <= 0):
            direction = -1
        else:
            return -np.inf

    area = direction * np.trapz(tpr, fpr)
    return area


_SCORE_MAPPING = {
    "f1": f1_score,
    "roc_auc": roc_auc_score,
}


def map_scores(score_name):
    '''
    Map score names to score functions.

    Parameters
    ----------
    score_name : str
        Name of the score to be mapped. Valid score names are: "f1", "roc_auc".

    Returns
    -------
    score_func : callable
        The score function corresponding to the input score name.

    Raises
    ------
    ValueError
        If the input score name is not a valid score name. Valid score names are: "f1", "roc_auc".

    Notes
    -----
    This function maps the input score name to its corresponding score function from the score
    function dictionary `_SCORE_MAPPING`, which maps score names to score functions. If the input score
    name is not a valid score name, a `ValueError` is raised.

    See Also
    --------
    f1_score : Compute the F1 score, which is the harmonic mean of precision and recall.
    roc_auc_score : Compute the Receiver Operating Characteristic (ROC) area under the curve (AUC).

    Examples
    --------
    >>> score_func = map_scores("f1")
    >>> y_true = [0, 1, 1, 0, 1]
    >>> y_pred = [0, 1, 0, 0, 1]
    >>> score = score_func(y_true, y_pred)

    >>> score_func = map_scores("roc_auc")
    >>> y_true = [0, 1, 1, 0, 1]
    >>> y_score = [0.1, 0.8, 0.4, 0.3, 0.9]
    >>> score = score_func(y_score, y_true)
    '''
    if score_name not in _SCORE_MAPPING:
        raise ValueError(
            f"{score_name} is not a valid score. Implementations include: {', '.join(_SCORE_MAPPING.keys())}")

    return _SCORE_MAPPING[score_name]


@njit(fastmath=True, cache=True)
def cross_val_labels(offsets, split_idx, window_size):
    """
    Generate predicted and true labels for cross-validation based on nearest neighbour distances.

    Parameters
    ----------
    offsets : ndarray of shape (n_timepoints, k_neighbours)
        The indices of the nearest neighbours for each timepoint in the time series. These indices
        are relative to the start of the time series and should be positive integers.
    split_idx : int
        The index at which to split the time series into two potential segments. This index should be
        less than n_timepoints and greater than window_size.
    window_size : int
        The size of the window used to calculate nearest neighbours.

    Returns
    -------
    y_true : ndarray of shape (n_timepoints,)
        The true labels for each timepoint in the time series.
    y_pred : ndarray of shape (n_timepoints,)
        The predicted labels for each timepoint in the time series.
    """
    n_timepoints, k_neighbours = offsets.shape

    y_true = np.concatenate((
        np.zeros(split_idx, dtype=np.int64),
        np.ones(n_timepoints - split_idx, dtype=np.int64),
    ))

    knn_labels = np.zeros(shape=(k_neighbours, n_timepoints), dtype=np.int64)

    for i_neighbor in range(k_neighbours):
        neighbours = offsets[:, i_neighbor]
        knn_labels[i_neighbor] = y_true[neighbours]

    ones = np.sum(knn_labels, axis=0)
    zeros = k_neighbours - ones
    y_pred = np.asarray(ones > zeros, dtype=np.int64)

    exclusion_zone = np.arange(split_idx - window_size, split_idx)
    y_pred[exclusion_zone] = 1

    return y_true, y_pred


import numpy as np
from numba import njit, prange


@njit(fastmath=True, cache=False)
def _profile(offsets, start, end, window_size, score):
    """
    Computes the classification score profile given nearest neighbour offsets.

    Parameters
    ----------
    offsets : np.ndarray
        An array of shape (n_timepoints, k_neighbors) containing the offsets of the k nearest
        neighbors for each timepoint.
    start : int
        The first index to consider (inclusive).
    end : int
        The last index to consider (exclusive).
    window_size : int
        The size of the window used to calculate nearest neighbours.
    score : callable
        A callable that computes the score of a segmentation given the true and predicted labels.
        The callable must accept two arguments: y_true and y_pred, which are arrays of binary labels
        indicating whether each timepoint belongs to the first or second segment of the segmentation.

    Returns
    -------
    np.ndarray
        An array of shape (end-start,) containing the classification score profile.
    """
    profile = np.full(shape=end - start, fill_value=-np.inf, dtype=np.float64)

    for split_idx in range(start, end):
        y_true, y_pred = cross_val_labels(offsets, split_idx, window_size)
        profile[split_idx - start] = score(y_true, y_pred)

    return profile


@njit(fastmath=True, cache=True, parallel=True)
def _parallel_profile(offsets, pranges, window_size, score):
    """
    Computes the classification score profile given nearest neighbour offsets in parallel
    with n_jobs threads.

    Parameters
    ----------
    offsets : np.ndarray
        An array of shape (n_timepoints, k_neighbors) containing the offsets of the k nearest
        neighbors for each timepoint.
    pranges : ndarray of shape (m, 2), where each row is (start, end)
        Ranges in which the profile scpres are calculated per thread. Infers the number of threads.
    window_size : int
        The size of the window used to calculate nearest neighbours.
    score : callable
        A callable that computes the score of a segmentation given the true and predicted labels.
        The callable must accept two arguments: y_true and y_pred, which are arrays of binary labels
        indicating whether each timepoint belongs to the first or second segment of the segmentation.

    Returns
    -------
    np.ndarray
        An array of shape (n_timepoints,) containing the classification score profile.
    """
    profile = np.full(shape=offsets.shape[0], fill_value=-np.inf, dtype=np.float64)

    for idx in prange(len(pranges)):
        start, end = pranges[idx]
        profile[start:end] = _profile(offsets, start, end, window_size, score)

    return profile

# ---- harness (not part of the program) ----
ENTRY = "_parallel_profile"


def inputs():
    # a 400-point series whose regime changes at t=220 (a slow sine, then a
    # faster sawtooth-like wave, plus noise); 3-NN offsets of its
    # z-normalised subsequences of width 10 with an exclusion zone of half a
    # window (what KSubsequenceNeighbours.fit computes), and the ranges that
    # ClaSP.fit builds for 4 jobs with excl_radius=5; score = roc_auc_score
    # (ClaSP's default "roc_auc")
    rng = np.random.default_rng(0)
    n, w, k = 400, 10, 3
    t = np.arange(n)
    ts = np.where(t < 220, np.sin(2 * np.pi * t / 37.0),
                  ((t % 13) / 6.5 - 1.0)) + 0.1 * rng.standard_normal(n)
    l = n - w + 1
    sub = np.lib.stride_tricks.sliding_window_view(ts, w)
    sub = (sub - sub.mean(axis=1, keepdims=True)) / sub.std(axis=1, keepdims=True)
    dist = ((sub[:, None, :] - sub[None, :, :]) ** 2).sum(axis=2)
    excl = w // 2
    for i in range(l):
        dist[i, max(0, i - excl):min(l, i + excl + 1)] = np.inf
    offsets = np.argsort(dist, axis=1, kind="stable")[:, :k].astype(np.int64)
    min_seg_size = w * 5
    n_jobs = 4
    bin_size = offsets.shape[0] // n_jobs
    pranges = []
    for idx in range(n_jobs):
        start = max(idx * bin_size, min_seg_size)
        end = min((idx + 1) * bin_size, offsets.shape[0] - min_seg_size + w)
        if end > start:
            pranges.append((start, end))
    return (offsets, pranges, w, roc_auc_score)
