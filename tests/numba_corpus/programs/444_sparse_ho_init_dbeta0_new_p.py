# Source: QB3/sparse-ho sparse_ho/utils.py (at commit 009ce964)
# Licence: BSD (sparse-ho, setup.py at commit 07cfc677: LICENSE = 'BSD'; Q. Bertrand, Q. Klopfenstein)
# Notes: warm start of the Jacobian of a Lasso-type solution with respect to its hyperparameters when the support changes between two outer iterations of gradient-based hyperparameter optimization: init_dbeta0_new_p (@njit) allocates a (|S_new| x |S_new|) matrix, walks all features with two running counters over the old and new supports and, for each feature in both, calls init_dbeta0_new (@njit) on the old Jacobian's row, which remaps a vector from the old support to the new one the same way (np.logical_and of the boolean masks, mask.sum() as a size, row assignment dbeta0_new[count, :] = ...). Pasted: the numpy and numba imports and the two jitted functions (left out: the module's other jitted proximal/indicator helpers, its plain-Python penalty and loss helpers, the Monitor/WarmStart classes and the time import they use); the harness passes a 25 x 25 Jacobian on an old support of 25 of 60 features and a new support that keeps 18 of them and adds 9 others
import numpy as np
from numba import njit


@njit
def init_dbeta0_new_p(jac0, mask, mask_old):
    mask_both = np.logical_and(mask_old, mask)
    size_mat = mask.sum()
    dbeta0_new = np.zeros((size_mat, size_mat))
    count = 0
    count_old = 0
    n_features = mask.shape[0]
    for j in range(n_features):
        if mask_both[j]:
            dbeta0_new[count, :] = init_dbeta0_new(
                jac0[count_old, :], mask, mask_old)
        if mask_old[j]:
            count_old += 1
        if mask[j]:
            count += 1
    return dbeta0_new


@njit
def init_dbeta0_new(dbeta0, mask, mask_old):
    # dbeta0_new = np.zeros(mask.shape[0])
    # dbeta0_new[mask_old] = dbeta0
    # # import ipdb; ipdb.set_trace()
    # return dbeta0_new[mask]
    mask_both = np.logical_and(mask_old, mask)
    size_mat = mask.sum()
    dbeta0_new = np.zeros(size_mat)
    count = 0
    count_old = 0
    n_features = mask.shape[0]
    for j in range(n_features):
        if mask_both[j]:
            dbeta0_new[count] = dbeta0[count_old]
        if mask_old[j]:
            count_old += 1
        if mask[j]:
            count += 1
    return dbeta0_new
# ---- harness (not part of the program) ----
ENTRY = "init_dbeta0_new_p"


def inputs():
    # old support: 25 of 60 features; new support: 18 of those plus 9 new
    rng = np.random.default_rng(0)
    n_features = 60
    perm = rng.permutation(n_features)
    mask_old = np.zeros(n_features, dtype=np.bool_)
    mask_old[perm[:25]] = True
    mask = np.zeros(n_features, dtype=np.bool_)
    mask[perm[7:25]] = True
    mask[perm[25:34]] = True
    jac0 = rng.standard_normal((25, 25))
    return (jac0, mask, mask_old)
