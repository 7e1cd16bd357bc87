# Source: yzhao062/pyod pyod/models/hbos.py (the at commit 8fafcbd7)
# Licence: BSD-2-Clause (pyod; the file header: "License: BSD 2 clause", Author: Yue Zhao)
# Notes: histogram-based outlier scores (HBOS) of test samples against per-feature histograms fitted on training data: a bare @njit function with a `# pragma: no cover` comment on its def line, np.zeros(shape=(...)) with a keyword, np.digitize(..., right=True) of a strided column against a strided column of bin edges, np.log2 of a column plus a scalar, negative indices bin_edges[-1, i]/bin_edges[-2, i], np.min of an array in two branches, and int array items compared with `n_bins + 1`; the HBOS estimator class, the `from __future__` imports and the sklearn/pyod utility imports (used only by the class) left out; inputs() fits the histograms as HBOS.fit does (np.histogram(..., density=True) per feature, n_bins=10, alpha=0.1, tol=0.5) and scores a test set with points below, inside and above the fitted range, as decision_function does
# -*- coding: utf-8 -*-
"""Histogram-based Outlier Detection (HBOS)
"""
# Author: Yue Zhao <zhaoy@cmu.edu>
# License: BSD 2 clause

import numpy as np
from numba import njit


@njit
def _calculate_outlier_scores(X, bin_edges, hist, n_bins, alpha,
                              tol):  # pragma: no cover
    """The internal function to calculate the outlier scores based on
    the bins and histograms constructed with the training data. The program
    is optimized through numba. It is excluded from coverage test for
    eliminating the redundancy.

    Parameters
    ----------
    X : numpy array of shape (n_samples, n_features)
        The input samples.

    bin_edges : numpy array of shape (n_bins + 1, n_features )
        The edges of the bins.

    hist : numpy array of shape (n_bins, n_features)
        The density of each histogram.

    n_bins : int, optional (default=10)
        The number of bins.

    alpha : float in (0, 1), optional (default=0.1)
        The regularizer for preventing overflow.

    tol : float in (0, 1), optional (default=0.1)
        The parameter to decide the flexibility while dealing
        the samples falling outside the bins.

    Returns
    -------
    outlier_scores : numpy array of shape (n_samples, n_features)
        Outlier scores on all features (dimensions).
    """

    n_samples, n_features = X.shape[0], X.shape[1]
    outlier_scores = np.zeros(shape=(n_samples, n_features))

    for i in range(n_features):

        # Find the indices of the bins to which each value belongs.
        # See documentation for np.digitize since it is tricky
        # >>> x = np.array([0.2, 6.4, 3.0, 1.6, -1, 100, 10])
        # >>> bins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])
        # >>> np.digitize(x, bins, right=True)
        # array([1, 4, 3, 2, 0, 5, 4], dtype=int64)

        bin_inds = np.digitize(X[:, i], bin_edges[:, i], right=True)

        # Calculate the outlying scores on dimension i
        # Add a regularizer for preventing overflow
        out_score_i = np.log2(hist[:, i] + alpha)

        for j in range(n_samples):

            # If the sample does not belong to any bins
            # bin_ind == 0 (fall outside since it is too small)
            if bin_inds[j] == 0:
                dist = bin_edges[0, i] - X[j, i]
                bin_width = bin_edges[1, i] - bin_edges[0, i]

                # If it is only slightly lower than the smallest bin edge
                # assign it to bin 1
                if dist <= bin_width * tol:
                    outlier_scores[j, i] = out_score_i[0]
                else:
                    outlier_scores[j, i] = np.min(out_score_i)

            # If the sample does not belong to any bins
            # bin_ind == n_bins+1 (fall outside since it is too large)
            elif bin_inds[j] == n_bins + 1:
                dist = X[j, i] - bin_edges[-1, i]
                bin_width = bin_edges[-1, i] - bin_edges[-2, i]

                # If it is only slightly larger than the largest bin edge
                # assign it to the last bin
                if dist <= bin_width * tol:
                    outlier_scores[j, i] = out_score_i[n_bins - 1]
                else:
                    outlier_scores[j, i] = np.min(out_score_i)
            else:
                outlier_scores[j, i] = out_score_i[bin_inds[j] - 1]

    return outlier_scores

# ---- harness (not part of the program) ----
ENTRY = "_calculate_outlier_scores"


def inputs():
    # 400 training samples with 4 features (two Gaussian clusters), the
    # per-feature density histograms HBOS.fit builds (n_bins=10), and 150
    # test samples from a wider distribution, so that some fall below the
    # first edge or above the last (near and far), scored with alpha=0.1,
    # tol=0.5
    rng = np.random.default_rng(0)
    n_bins, n_features = 10, 4
    X_train = np.concatenate([rng.normal(-2.0, 0.6, (200, n_features)),
                              rng.normal(2.0, 0.6, (200, n_features))])
    hist = np.zeros([n_bins, n_features])
    bin_edges = np.zeros([n_bins + 1, n_features])
    for i in range(n_features):
        hist[:, i], bin_edges[:, i] = np.histogram(X_train[:, i], bins=n_bins,
                                                   density=True)
    X_test = rng.normal(0.0, 2.5, (150, n_features))
    X_test[:4, 0] = bin_edges[0, 0] - np.array([0.1, 0.2, 2.0, 5.0])
    X_test[4:8, 1] = bin_edges[-1, 1] + np.array([0.1, 0.2, 2.0, 5.0])
    X_test[8, 2] = bin_edges[0, 2]
    X_test[9, 3] = bin_edges[-1, 3]
    return (X_test, bin_edges, hist, n_bins, 0.1, 0.5)
