# Source: etlundquist/rankfm rankfm/numba_methods.py (at commit 01451415)
# Licence: GPL-3.0 (rankfm, setup.py: license='GNU General Public License v3.0'; Eric Lundquist)
# Notes: scoring user-item pairs with a factorization machine for implicit-feedback recommendation (machine learning): _predict (@nb.njit) allocates a float32 score array, reads each (user, item) row of a float32 pairs array, writes NaN when either index is NaN (np.isnan on a scalar), otherwise rebinds u and i from float32 to int with int(), and sums six utility terms built from np.dot of 1-D rows, matrix-vector products and transposed (non-contiguous) factor matrices (v_uf.T, v_if.T). Pasted: the module's docstring, imports and the jitted helpers isin_1 and isin_2, _predict and _recommend_for_users (which take a typed dict and are not called); left out: _fit, which draws random.random() and np.random.shuffle inside jitted code; the `random` import is kept as in the module. The harness passes what RankFM.predict passes: float32 pairs of internal user/item indexes with NaN for unknown users or items, and float32 weights of a model with 40 users, 60 items, 3 user features, 4 item features and 8 latent factors
"""
rankfm private JIT numba functions used for training/scoring/recommendation
- each numba JIT function will be called by a corresponding python interface function
- all numba functions operate on iternal user_idx and item_idx values
- raw user/item identifiers are mapped to index positions prior to calling JIT functions
"""

import random
import numpy as np
import numba as nb


@nb.njit
def isin_1(item, items):
    """linear search for a given item in a sorted array"""

    for i in items:
        if item == i:
            return True
    return False


@nb.njit
def isin_2(item, items):
    """binary search for a given item in a sorted array"""

    remaining = items.copy()
    lo = 0
    hi = len(remaining)
    md = int((lo + hi) / 2)

    while True:

        if remaining[md] == item:
            return True
        elif (lo == md) or (hi == md):
            return False
        elif remaining[md] < item:
            remaining = remaining[md:]
        else:
            remaining = remaining[:md]

        lo = 0
        hi = len(remaining)
        md = int((lo + hi) / 2)


@nb.njit
def _predict(pairs, x_uf, x_if, w_i, w_if, v_u, v_i, v_uf, v_if):
    """private JIT user/item pair scoring function

    :param pairs: np.array[int32] of [user_idx, item_idx] pairs to score
    :return: np.array[float32] of corresponding utility scores
    """

    n_scores = len(pairs)
    scores = np.empty(n_scores, dtype=np.float32)

    for row in range(n_scores):

        u = pairs[row, 0]
        i = pairs[row, 1]

        if np.isnan(u) or np.isnan(i):
            scores[row] = np.nan
        else:

            u = int(u)
            i = int(i)

            item = w_i[i]
            item_features = np.dot(x_if[i], w_if)
            item_user = np.dot(v_i[i], v_u[u])
            user_item_features = np.dot(x_if[i], np.dot(v_if, v_u[u]))
            item_user_features = np.dot(x_uf[u], np.dot(v_uf, v_i[i]))
            feature_interactions = np.dot(np.dot(v_uf.T, x_uf[u]), np.dot(v_if.T, x_if[i]))

            item_utility = item + item_features + item_user + user_item_features + item_user_features + feature_interactions
            scores[row] = item_utility

    return scores


@nb.njit
def _recommend_for_users(users, user_items, n_items, filter_previous, x_uf, x_if, w_i, w_if, v_u, v_i, v_uf, v_if):
    """internal JIT user scoring function

    :param users: np.array[float32] of user indexes potentially containing np.nan
    :param user_items: typed dict [int32 -> int32[:]] mapping user_idx to set of observed item_idx
    :param n_items: number of recommended items to generate for each user
    :param filter_previous: whether to exclude previously observed items
    :return: np.array[float32] where rows are users and columns are recommended items
    """

    n_users = len(users)
    rec_items = np.empty((n_users, n_items), dtype=np.float32)

    for row in range(n_users):

        u = users[row]
        if np.isnan(u):
            rec_items[row] = np.full(n_items, np.nan, dtype=np.float32)
        else:

            u = int(u)

            item = w_i
            item_features = np.dot(x_if, w_if)
            item_user = np.dot(v_i, v_u[u])
            user_item_features = np.dot(x_if, np.dot(v_if, v_u[u]))
            item_user_features = np.dot(np.dot(v_uf, v_i.T).T, x_uf[u])
            feature_interactions = np.dot(np.dot(x_if, v_if), np.dot(v_uf.T, x_uf[u]))

            item_utilities = item + item_features + item_user + user_item_features + item_user_features + feature_interactions
            ranked_items = np.argsort(item_utilities)[::-1]
            selected_items = np.empty(n_items, dtype=np.int32)

            s = 0
            for item in ranked_items:
                if filter_previous and isin_1(item, user_items[u]):
                    continue
                else:
                    selected_items[s] = item
                    s += 1
                if s == n_items:
                    break

            rec_items[row] = selected_items.astype(np.float32)

    return rec_items

# ---- harness (not part of the program) ----
ENTRY = "_predict"


def inputs():
    # 40 users, 60 items, 3 user features, 4 item features, 8 factors
    # (float32 as RankFM initialises them: w_i zeros + small noise, the rest
    # N(0, 0.1)); 200 pairs of which 10 have a NaN user or item (unmapped ids)
    rng = np.random.default_rng(0)
    U, I, P, Q, F = 40, 60, 3, 4, 8
    f32 = np.float32
    x_uf = rng.random((U, P)).astype(f32)
    x_if = (rng.random((I, Q)) < 0.3).astype(f32)
    w_i = rng.normal(0, 0.1, I).astype(f32)
    w_if = rng.normal(0, 0.1, Q).astype(f32)
    v_u = rng.normal(0, 0.1, (U, F)).astype(f32)
    v_i = rng.normal(0, 0.1, (I, F)).astype(f32)
    v_uf = rng.normal(0, 0.1, (P, F)).astype(f32)
    v_if = rng.normal(0, 0.1, (Q, F)).astype(f32)
    pairs = np.column_stack([rng.integers(0, U, 200), rng.integers(0, I, 200)]).astype(f32)
    pairs[rng.choice(200, 5, replace=False), 0] = np.nan
    pairs[rng.choice(200, 5, replace=False), 1] = np.nan
    return (pairs, x_uf, x_if, w_i, w_if, v_u, v_i, v_uf, v_if)
