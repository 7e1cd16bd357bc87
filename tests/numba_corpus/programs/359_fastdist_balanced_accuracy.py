# Source: talboger/fastdist fastdist/fastdist.py (at commit 1635c0b0)
# Licence: MIT (fastdist LICENSE; Copyright (c) 2020 tal boger)
# Notes: the balanced accuracy of a multi-class classifier, one of fastdist's Numba versions of scikit-learn's classification metrics (machine learning evaluation): balanced_accuracy_score (@jit(nopython=True, fastmath=True), defaults cm=None, w=None, adjusted=False) calls init_w (returns np.ones(n) when the weight argument is None, so w is an optional that is None here) and confusion_matrix, which builds the label set as np.array(list(set(targets).union(set(preds)))) (sets built from arrays, a set union, a list of a set), counts the weighted (target, prediction) pairs for every label pair in a triple loop and, with normalize=None, returns the matrix from the first of several return branches; the entry then takes the diagonal and the row sums, divides them elementwise and averages the per-class recalls. Pasted: the module's numba, numpy and math imports and the three functions the entry needs (init_w, confusion_matrix, balanced_accuracy_score); left out: the other distance and metric functions of the module (braycurtis ... f1/precision/recall and the matrix distance helpers); the harness passes what its docstring example passes, targets and predictions as int64 class labels: 2000 samples of 5 classes, the predictions right about 70% of the time
from numba import jit
import numpy as np
import math


@jit(nopython=True, fastmath=True)
def init_w(w, n):
    """
    :purpose:
    Initialize a weight array consistent of 1s if none is given
    This is called at the start of each function containing a w param

    :params:
    w      : a weight vector, if one was given to the initial function, else None
             NOTE: w MUST be an array of np.float64. so, even if you want a boolean w,
             convert it to np.float64 (using w.astype(np.float64)) before passing it to
             any function
    n      : the desired length of the vector of 1s (often set to len(u))

    :returns:
    w      : an array of 1s with shape (n,) if w is None, else return w un-changed
    """
    if w is None:
        return np.ones(n)
    else:
        return w


@jit(nopython=True, fastmath=True)
def confusion_matrix(targets, preds, labels=None, w=None, normalize=None):
    """
    :purpose:
    Creates a confusion matrix for an array of target and predicted classes
    (used in most of the other classification metrics, along with having its own use)

    :params:
    targets, preds : discrete input arrays, both of shape (n,)
    labels         : labels for the confusion matrix classes, used for ordering
                     and indexing
                     if none is set, the function uses all unique labels in y_true
                     and y_pred, sorted
    w              : weights at each index of true and pred. array of shape (n,)
                     if no w is set, it is initialized as an array of ones
                     such that it will have no impact on the output
    normalize      : how to normalize (if at all) the confusion matrix. options are
                     "true", which makes each row sum to 1, "pred", which makes columns
                     sum to 1, and "all", which makes the entire matrix sum to 1

    :returns:
    confusion_matrix : a confusion matrix (np.array) of shape (n_classes, n_classes)

    :example:
    >>> from fastdist import fastdist
    >>> import numpy as np
    >>> true = np.random.RandomState(seed=0).randint(2, size=10000)
    >>> pred = np.random.RandomState(seed=1).randint(2, size=10000)
    >>> fastdist.confusion_matrix(true, pred)
    array([[2412., 2503.],
           [2594., 2491.]])
    """
    w = init_w(w, len(targets))

    if labels is None:
        labels = np.array(list(set(targets).union(set(preds))))

    n = len(labels)

    cm = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            correct = 0
            for val in range(len(targets)):
                if targets[val] == labels[i] and preds[val] == labels[j]:
                    correct += w[val]
            cm[i][j] = correct

    if normalize is None:
        return cm
    elif normalize == 'true':
        for i in range(n):
            row_sum = 0
            for j in range(n):
                row_sum += cm[i][j]
            cm[i] /= row_sum
        return cm
    elif normalize == 'pred':
        for i in range(n):
            col_sum = 0
            for j in range(n):
                col_sum += cm[j][i]
            cm[:, i] /= col_sum
        return cm
    elif normalize == 'all':
        total_sum = 0
        for i in range(n):
            for j in range(n):
                total_sum += cm[i][j]
        return cm / total_sum


@jit(nopython=True, fastmath=True)
def balanced_accuracy_score(targets, preds, cm=None, w=None, adjusted=False):
    """
    :purpose:
    Calculates the balanced accuracy score between a discrete target and pred array

    :params:
    targets, preds : discrete input arrays, both of shape (n,)
    cm             : if you have previously calculated a confusion matrix, pass it here to save the computation.
                     set as None, which makes the function calculate the confusion matrix
    w              : weights at each index of true and pred. array of shape (n,)
                     if no w is set, it is initialized as an array of ones
                     such that it will have no impact on the output
    adjusted       : bool. if true, adjust the output for chance (making 0 the worst
                     and 1 the best score). defaults to false

    :returns:
    balanced_accuracy_score : float, the balanced accuracy score of the targets and preds array

    :example:
    >>> from fastdist import fastdist
    >>> import numpy as np
    >>> true = np.random.RandomState(seed=0).randint(2, size=10000)
    >>> pred = np.random.RandomState(seed=1).randint(2, size=10000)
    >>> fastdist.balanced_accuracy_score(true, pred)
    0.49030739883826424
    """
    if cm is None:
        w = init_w(w, len(targets))
        cm = confusion_matrix(targets, preds, w=w)
    n = cm.shape[0]
    diag, row_sums = np.zeros(n), np.zeros(n)
    for i in range(n):
        diag[i] = cm[i][i]
        for j in range(n):
            row_sums[i] += cm[i][j]

    class_div = diag / row_sums
    div_mean = 0
    for i in range(n):
        div_mean += class_div[i]
    div_mean /= n

    if adjusted:
        div_mean -= 1 / n
        div_mean /= 1 - 1 / n
    return div_mean
# ---- harness (not part of the program) ----
ENTRY = "balanced_accuracy_score"


def inputs():
    # 2000 samples, 5 classes with unequal frequencies; the predictions
    # equal the target 70% of the time and are a random class otherwise
    rng = np.random.default_rng(0)
    true = rng.choice(5, size=2000, p=[0.4, 0.25, 0.15, 0.12, 0.08]).astype(np.int64)
    wrong = rng.integers(0, 5, size=2000)
    pred = np.where(rng.random(2000) < 0.7, true, wrong).astype(np.int64)
    return true, pred
