# Source: gbolmier/funk-svd funk_svd/fast_methods.py (at commit 9a11586d)
# Licence: MIT (funk-svd, LICENSE; Copyright (c) 2019 Geoffrey Bolmier)
# Notes: the validation metrics of Simon Funk's biased SGD matrix factorisation (what SVD._sgd computes after every epoch when a validation set is given): _compute_val_metrics (@njit) walks the validation triples (user index, item index, rating) stored as float rows of one 2-D array, unpacks each row with a tuple assignment of int(...) conversions and a float, predicts global_mean plus the user and item biases and the dot product of the two latent factor rows when the user and the item are known (index > -1; unknown ones were tagged -1 by _preprocess_data), appends the residual to a list that starts empty ([] typed by its first append), turns the list into an array with np.array(list), and returns the tuple (loss, rmse, mae) from np.square(...).mean(), np.sqrt and np.absolute(...).mean(). Only _compute_val_metrics is pasted; left out: the module's other jitted functions (_shuffle and _initialization draw random numbers; _run_epoch is the SGD update that the metrics follow) and the module's __all__ list
import numpy as np

from numba import njit


@njit
def _compute_val_metrics(X_val, bu, bi, pu, qi, global_mean, n_factors):
    """Computes validation metrics (loss, rmse, and mae).

    Parameters
    ----------
    X_val : numpy.array
        Validation set.
    bu : numpy.array
        User biases vector.
    bi : numpy.array
        Item biases vector.
    pu : numpy.array
        User latent factors matrix.
    qi : numpy.array
        Item latent factors matrix.
    global_mean : float
        Ratings arithmetic mean.
    n_factors : int
        Number of latent factors.

    Returns
    -------
    loss, rmse, mae : tuple of floats
        Validation loss, rmse and mae.
    """
    residuals = []

    for i in range(X_val.shape[0]):
        user, item, rating = int(X_val[i, 0]), int(X_val[i, 1]), X_val[i, 2]
        pred = global_mean

        if user > -1:
            pred += bu[user]

        if item > -1:
            pred += bi[item]

        if (user > -1) and (item > -1):
            for factor in range(n_factors):
                pred += pu[user, factor] * qi[item, factor]

        residuals.append(rating - pred)

    residuals = np.array(residuals)
    loss = np.square(residuals).mean()
    rmse = np.sqrt(loss)
    mae = np.absolute(residuals).mean()

    return loss, rmse, mae

# ---- harness (not part of the program) ----
ENTRY = "_compute_val_metrics"


def inputs():
    # a model in the state SVD._sgd leaves it after a few epochs (60 users,
    # 40 items, 8 factors: small biases and N(0, 0.1) factors, as
    # _initialization starts them) and a validation set of 300 ratings in
    # 1..5 as _preprocess_data builds it: float rows (user index, item index,
    # rating), with about 10% of the users and items unknown to the model
    # and so tagged -1
    rng = np.random.default_rng(0)
    n_users, n_items, n_factors = 60, 40, 8
    bu = rng.normal(0.0, 0.2, n_users)
    bi = rng.normal(0.0, 0.2, n_items)
    pu = rng.normal(0.0, 0.1, (n_users, n_factors))
    qi = rng.normal(0.0, 0.1, (n_items, n_factors))
    n_val = 300
    users = rng.integers(0, n_users, n_val)
    items = rng.integers(0, n_items, n_val)
    users[rng.random(n_val) < 0.1] = -1
    items[rng.random(n_val) < 0.1] = -1
    ratings = rng.integers(1, 6, n_val).astype(np.float64)
    X_val = np.column_stack([users, items, ratings]).astype(np.float64)
    return (X_val, bu, bi, pu, qi, 3.52, n_factors)
