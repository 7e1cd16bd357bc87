# Source: davidthaler/SimpleTree simple_tree/simple_splitter.py (at commit a6d24b1a) and simple_tree/simple_tree_builder.py (at commit 05f05c41)
# Licence: MIT (SimpleTree, setup.py: license='MIT'; David Thaler)
# Notes: a binary-classification decision tree grown out full with the Gini criterion (machine learning, tree models): split (@numba.jit(nopython=True)) scans every feature, argsorts it, run-length encodes the sorted values into unique values / counts / positives, takes cumsum()[:-1] for the left-hand counts of every candidate threshold, evaluates the Gini impurity of all splits with array expressions and keeps the best (returns an (int, float) tuple, with an early return for pure nodes and `continue` for constant features); apply (@numba.jit, no nopython) walks each row of x down the tree table with a while loop on the feature column and int() casts, and returns out.astype(int). Pasted: simple_splitter.py whole, then simple_tree_builder.py whole less its relative import of split (build_tree recursion, the column constants read as globals inside apply, predict_proba, predict); the harness grows the tree on 300 training rows of 5 features rounded to one decimal (so features have ties) with labels from a noisy nonlinear rule, then predicts probabilities and classes for 200 test rows
'''
The split function here finds splits that minimize gini impurity.
It runs under numba for speed, since these are the innermost loops in 
decision tree fitting.

author: David Thaler
date: August 2017
'''
import numpy as np
import numba


@numba.jit(nopython=True)
def split(x, y):
    '''
    Given features x and labels y, find the feature index and threshold for a
    split that produces the largest reduction in Gini impurity.

    Args:
        x: m x n numpy array of numeric features
        y: m-element 1-D numpy array of labels; must be 0-1.

    Returns:
        2-tuple of feature index and split threshold of best split.
    '''
    m, n = x.shape
    best_feature = -1
    best_thr = 0.0
    # the Gini impurity of this node before splitting
    best_score = 1 - (y.sum() / m)**2 - ((m - y.sum()) / m)**2
    # a code optimization for pure nodes
    if (y==y[0]).all():
        return (best_feature, best_thr)
    # Iterate over features of x
    for feature_idx in range(n):
        f = x[:, feature_idx]
        # ensures at least 2 uniques (1 split) in x
        if (f == f[0]).all():
            continue
        # Produce 3 arrays:
        # 1) sorted unique values in f
        # 2) count of each unique value (usually 1)
        # 3) # of positives for each unique value
        sort_idx = f.argsort()
        fsort = f[sort_idx]
        ysort = y[sort_idx]
        ntot = np.zeros(m)
        uniq = np.zeros(m)
        npos = np.zeros(m)
        uniq[0] = fsort[0]                  # fsort[0] is unique
        ntot[0] = 1
        npos[0] += ysort[0]
        num_uniq = 1
        for k in range(1, m):
            if fsort[k] != fsort[k - 1]:    # fsort[k] is new.
                uniq[num_uniq] = fsort[k]
                num_uniq += 1
            ntot[num_uniq - 1] += 1
            npos[num_uniq - 1] += ysort[k]
        uniq = uniq[:num_uniq]
        npos = npos[:num_uniq]
        ntot = ntot[:num_uniq]
        
        # Get cumulative counts/positives/negatives for each possible split
        nleft = ntot.cumsum()[:-1]
        npos_left = npos.cumsum()[:-1]
        nneg_left = nleft - npos_left
        nright = m - nleft
        npos_right = y.sum() - npos_left
        nneg_right = nright - npos_right

        # Compute Gini impurity for each split
        gini_left = 1 - (npos_left/nleft)**2 - (nneg_left/nleft)**2
        gini_right = 1 - (npos_right/nright)**2 - (nneg_right/nright)**2
        gini_split = (nleft/m) * gini_left + (nright/m) * gini_right

        # Select the best split
        score = gini_split.min()
        if score < best_score:
            best_score = score
            best_feature = feature_idx
            split_idx = gini_split.argmin()
            best_thr = 0.5 * (uniq[split_idx] + uniq[split_idx + 1])
    return (best_feature, best_thr)
'''
These functions build a decision tree, which is output as a table 
contained in a numpy array.

Column definitions:
    0) Split feature, -1 if leaf
    1) Split threshold
    2) Number of data points in this node
    3) Number of positives in this node
    4) Node number of this node (nodes are numbered in pre-order).
    5) Node number of left child, -1 if leaf
    6) Node number of right child, -1 if leaf

The tree is the simplest decision tree that I know how to make.
It does single-output, binary classification using the Gini impurity 
criterion. The tree is always grown out full, so there are no capacity 
control parameters.

author: David Thaler
date: August 2017
'''
import numpy as np
import numba

# Position constants for the fields in the tree
FEATURE_COL = 0
THR_COL = 1
CT_COL = 2
POS_COL = 3
NODE_NUM_COL = 4
CHILD_LEFT_COL = 5
CHILD_RIGHT_COL = 6


def build_tree(x, y, node_num=0):
    '''
    Recursively build a decision tree. 
    Returns a 2-D array of shape (num_nodes x 7) that describes the tree.
    Each row represents a node in pre-order (root, left, right).
    See the module comment for the column definitions.

    Args:
        x: m x n numpy array of numeric features
        y: m-element 1-D numpy array of labels; must be 0-1.
        node_num: the node number of this node
            default 0 is for the root node

    Returns:
        2-D numpy array of dtype 'float' with 
    '''
    ct = len(y)
    pos = y.sum()
    feature, thr = split(x, y)
    if feature == -1:
        return np.array([[feature, thr, ct, pos, node_num, -1, -1]])
    mask = x[:, feature] <= thr
    left_root = node_num + 1
    left_tree = build_tree(x[mask], y[mask], left_root)
    right_root = left_root + len(left_tree)
    right_tree = build_tree(x[~mask], y[~mask], right_root)
    root = np.array([[feature, thr, ct, pos, node_num, left_root, right_root]])
    return np.concatenate([root, left_tree, right_tree])


@numba.jit
def apply(tree, x):
    '''
    Finds the node number in the provided tree (from build_tree) that each
    instance in x lands in.

    NB: using numba.jit w/o nopython=True option allows astype(int) at end

    Args:
        tree: the array returned by build_tree
        x: m x n numpy array of numeric features

    Returns:
        1-D numpy array (dtype int) of leaf node numbers for each point in x.
    '''
    out = np.zeros(len(x))
    for k in range(len(x)):
        node = 0                                    # the root
        while tree[node, FEATURE_COL] >= 0:         # not a leaf
            feature_num = int(tree[node, FEATURE_COL])
            thr = tree[node, THR_COL]
            if x[k, feature_num] <= thr:
                node = int(tree[node, CHILD_LEFT_COL])
            else:
                node = int(tree[node, CHILD_RIGHT_COL])
        out[k] = node
    return out.astype(int)


def predict_proba(tree, x):
    '''
    Predicts the probability of class 1 membership for each row in x
    using the provided tree from build_tree.

    Args:
        tree: the array returned by build_tree
        x: m x n numpy array of numeric features

    Returns:
        1-D numpy array (dtype float) of probabilities of class 1 membership.
    '''
    leaf_idx = apply(tree, x)
    tot = tree[leaf_idx, CT_COL]
    pos = tree[leaf_idx, POS_COL]
    return pos / tot


def predict(tree, x):
    '''
    Makes 0/1 predictions for the data x using the provided tree
    from build_tree.

    NB: predicts p=0.5 as False

    Args:
        tree: the array returned by build_tree
        x: m x n numpy array of numeric features

    Returns:
        1-D numpy array (dtype float) of 0.0 and 1.0 for the two classes.
    '''
    return (predict_proba(tree, x) > 0.5).astype(int)
# ---- harness (not part of the program) ----
ENTRY = "fit_predict"


def fit_predict(x_train, y_train, x_test):
    tree = build_tree(x_train, y_train)
    return tree, apply(tree, x_test), predict_proba(tree, x_test), predict(tree, x_test)


def inputs():
    rng = np.random.default_rng(0)
    x = np.round(rng.normal(0.0, 1.0, (500, 5)), 1)
    score = x[:, 0] * x[:, 1] + 0.8 * x[:, 2] - 0.5 * x[:, 3] ** 2 + rng.normal(0, 0.5, 500)
    y = (score > 0).astype(np.int64)
    return (x[:300], y[:300], x[300:])
