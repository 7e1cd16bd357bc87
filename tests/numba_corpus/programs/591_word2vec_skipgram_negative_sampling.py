# Source: wcbeard/word2vec numba_utils.py (at commit 09c689c3)
# Licence: MIT (wcbeard/word2vec, LICENSE.txt; Copyright (c) 2016 William C Beard)
# Notes: the Numba helpers of a from-scratch word2vec (skip-gram with negative sampling; text processing / word embeddings): one-line kernels made by applying njit to lambdas (getNall, the logistic sig, gen_labels building a reflected list [1] + [0] * (n - 1)), the negative-sampling gradient of a (k + 2) x 2N sub-matrix of the weight matrix (get_vecs1 slicing input and output halves, ns_prob called with keyword arguments whose defaults are None, a tuple of two gradient vectors, enumerate(..., 1) over the label list, in-place accumulation into the gradient), a bisect_left written as a while loop, remove_dupes (an int64 array with a string annotation 'array[int]', tuple assignment into two elements, count_occ called with a start= keyword), concat_jit with *xs varargs writing into a uint32 array through builtins.range imported as xrange, sliding context windows over a reflected list (list slices joined with +) and over an array (concat), column sums, 1-D and 2-D norms and ix_combine_ (fancy-indexed rows, in-place negation of a slice, normalised mean) for analogy queries. Pasted: the whole module verbatim, including the four generator-based negative samplers and nseed, which draw from numpy.random inside jitted code and are not called here. The harness (a plain-Python SGD driver) trains 16-dimensional embeddings of a 30-word vocabulary on a 500-token synthetic corpus: for every position it takes the context window with bounds_check_window_arr, removes duplicates from pre-drawn negative samples with remove_dupes (skipping contexts equal to the centre word: remove_dupes counts the duplicates of w and of c separately, so w == c makes it write past the end of its array, which corrupts the heap under Numba), computes ns_grad of the gathered rows and applies an SGD step; it then evaluates the helpers on fixed inputs and an analogy vector with ix_combine_
from builtins import range as xrange
from numba import njit
import numpy as np
import numpy.random as nr

getNall = njit(lambda W: W.shape[1] // 2)
sig = njit(lambda x: 1 / (1 + np.exp(-x)))
gen_labels = njit(lambda pos_negs: [1] + [0] * (len(pos_negs) - 1))


# Gradient calculation
@njit
def dot(a, b):
    sm = 0
    for i in range(len(a)):
        sm += a[i] * b[i]
    return sm


@njit
def get_vecs1(Wsub):
    """Extract weight vectors from subset of
    negative-sampling skip-gram weight matrix.
    First row is input vector, second row is outout vector,
    remaining rows are negative iutput vectors"""
    length = len(Wsub)
    N = getNall(Wsub)
    h = Wsub[0, :N]  # ∈ ℝⁿ
    vwo_negsamps = Wsub[1:length, N:]
    return h, vwo_negsamps


@njit
def ns_prob(h=None, vout=None, label=None):
    return sig(dot(vout, h)) - label


@njit
def ns_loss_grads(h, vout, label):
    dotprod = ns_prob(h=h, vout=vout, label=label)
    return dotprod * vout, dotprod * h


@njit
def inner(Wsub_grad, N, h, i, vout, label):
    hgrad, vgrad = ns_loss_grads(h, vout, label)
    for j in range(N):
        Wsub_grad[0, j] += hgrad[j]
        Wsub_grad[i, N + j] += vgrad[j]


@njit
def loop(Wsub_grad, N, h, vwo_negsamps):
    for i, label in enumerate(gen_labels(vwo_negsamps), 1):
        inner(Wsub_grad, N, h, i, vwo_negsamps[i - 1], label)


@njit
def ns_grad(Wsub):
    h, vwo_negsamps = get_vecs1(Wsub)
    N = getNall(Wsub)
    Wsub_grad = np.zeros(Wsub.shape)
    loop(Wsub_grad, N, h, vwo_negsamps)
    return Wsub_grad


# Negative sampler
@njit
def bisect_left_jit(a, v):
    """Based on bisect module at (commit 1fe0fd9f)
    cpython/blob/master/Modules%2F_bisectmodule.c#L150
    """
    lo, hi = 0, len(a)
    while (lo < hi):
        mid = (lo + hi) // 2
        if a[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit
def neg_sampler_jitl_(cum_prob, K):
    while 1:
        l = []
        for i in range(K):
            l.append(bisect_left_jit(cum_prob, nr.rand()))
        yield l

@njit
def neg_sampler_jita_(cum_prob, K):
    while 1:
        a = np.empty(K, dtype=np.int64)
        for i in range(K):
            a[i] = bisect_left_jit(cum_prob, nr.rand())
        yield a

@njit
def neg_sampler_jitl_pad(cum_prob, K, pad=0):
    init = [0] * pad
    while 1:
        l = list(init)
        for i in range(K):
            l.append(bisect_left_jit(cum_prob, nr.rand()))
        yield l

@njit
def neg_sampler_jita_pad(cum_prob, K, pad=0):
    while 1:
        a = np.empty(K + pad, dtype=np.int64)
        for i in range(pad, K + pad):
            a[i] = bisect_left_jit(cum_prob, nr.rand())
        yield a


@njit
def remove_dupes(negsamps: 'array[int]', w, c):
    """Put w, c in negsamps[0,1] negsamps[2:]. If w or c occur in
    negsamps[2:], remove and return results.
    Same behavior as `remove_dupes_`
    """
    num_dupes = count_occ(negsamps, w, start=2) + count_occ(negsamps, c, start=2)
    if not num_dupes:
        negsamps[0], negsamps[1] = w, c
        return negsamps
    L = len(negsamps)
    ns2 = np.empty(L - num_dupes, dtype=np.int64)
    ns2[0], ns2[1] = w, c

    newj = 2
    for i in range(2, L):
        if (negsamps[i] == w) or (negsamps[i] == c):
            continue
        ns2[newj] = negsamps[i]
        newj += 1
    return ns2

remove_dupes_ = lambda negsamps, w, c: np.array([w, c] + [n for n in negsamps[2:] if n not in (w, c)])


# Array funcs
@njit
def concat_jit(arr, *xs):
    X = len(xs)
    A = len(arr)
    a2 = np.empty(A + X, dtype=np.uint32)
    for i in xrange(X):
        a2[i] = xs[i]

    for i in xrange(X, A + X):
        a2[i] = arr[i - X]
    return a2

@njit
def concat(a, b):
    na = len(a)
    n = na + len(b)
    c = np.empty(n, dtype=a.dtype)
    for i in range(na):
        c[i] = a[i]
    for i in range(len(b)):
        c[i + na] = b[i]
    return c


@njit
def count_occ(arr, x, start=0):
    "# of occurrences of `x` in `arr`"
    ct = 0
    for i in range(start, len(arr)):
        if x == arr[i]:
            ct += 1
    return ct


@njit
def contains(arr, x):
    for e in arr:
        if x == e:
            return True
    return False


#Sliding window
@njit
def bounds_check_window(i, xs: [int], winsize, N):
    x = xs[i]
    ix1 = max(0, i-winsize)
    ix2 = min(N, i+winsize+1)
    return x, xs[ix1:i] + xs[i + 1:ix2]


@njit
def bounds_check_window_arr(i, xs: np.array, winsize, N):
    x = xs[i]
    ix1 = max(0, i-winsize)
    ix2 = min(N, i+winsize+1)
    return x, concat(xs[ix1:i], xs[i + 1:ix2])


@njit
def nseed(x):
    return nr.seed(x)


# Eval
@njit
def sum0(arr):
    m, n = arr.shape
    a = np.zeros(n)
    for i in xrange(m):
        for j in xrange(n):
            a[j] += arr[i, j]
    return a

@njit
def combine_(vecs):
    v = sum0(vecs) / len(vecs)
    return v / norm_jit1d(v)


@njit
def norm_jit1d(a):
    return np.sqrt(np.sum(a ** 2))


@njit
def norm_jit2d(a):
    sm = 0
    n, m = a.shape
    for i in xrange(n):
        for j in xrange(m):
            sm += a[i, j] ** 2
    return np.sqrt(sm)


@njit
def ix_combine_(a, ixs, nplus):
    vecs = a[ixs]
    vecs[nplus:, :] *= -1
    return combine_(vecs)

# ---- harness (not part of the program) ----
ENTRY = "train_skipgram"


def train_skipgram(tokens, W0, negatives, cum_prob, epochs, lr):
    W = W0.copy()
    N = len(tokens)
    k = 0
    losses_grad = []
    for _ in range(epochs):
        for i in range(N):
            w, contexts = bounds_check_window_arr(i, tokens, 2, N)
            for c in contexts:
                if c == w:
                    # remove_dupes counts the duplicates of w and of c separately,
                    # so w == c would make it write past the end of its array
                    continue
                negs = remove_dupes(negatives[k % len(negatives)].copy(), w, c)
                k += 1
                Wsub = W[negs]
                grad = ns_grad(Wsub)
                W[negs] -= lr * grad
                losses_grad.append(norm_jit2d(grad))
    # helpers on fixed inputs
    x, ctx = bounds_check_window(3, [5, 1, 4, 1, 5, 9, 2, 6], 2, 8)
    cat = concat_jit(np.array([7, 8, 9], dtype=np.int64), 1, 2)
    occ = count_occ(tokens, tokens[0]), count_occ(tokens, tokens[0], start=10)
    has = contains(tokens, 29), contains(tokens, 99)
    idx = [bisect_left_jit(cum_prob, q) for q in (0.0, 0.01, 0.3, 0.7, 0.999, 1.0)]
    analogy = ix_combine_(W[:, :W.shape[1] // 2], np.array([3, 5, 7]), 2)
    mean_dir = combine_(W[:10, :W.shape[1] // 2])
    col = sum0(W)
    prob = ns_prob(h=W[0, :8], vout=W[1, 8:], label=1)
    return (W, np.array(losses_grad), x, ctx, cat, occ, has, idx, analogy, mean_dir, col,
            prob, norm_jit1d(W[0]), getNall(W), gen_labels(np.zeros(4)))


def inputs():
    rng = np.random.default_rng(0)
    V, N = 30, 8
    p = 1.0 / np.arange(1, V + 1)
    p /= p.sum()
    tokens = rng.choice(V, 500, p=p).astype(np.int64)
    W0 = rng.normal(0.0, 0.1, (V, 2 * N))
    cum_prob = np.cumsum(p ** 0.75 / np.sum(p ** 0.75))
    negatives = np.searchsorted(cum_prob, rng.random((997, 7))).astype(np.int64)
    negatives = np.minimum(negatives, V - 1)
    return (tokens, W0, negatives, cum_prob, 1, 0.05)
