# Source: thu-ml/tianshou tianshou/data/utils/segtree.py (at commit ccf0f630) and tianshou/policy/base.py (at commit c5c72469)
# Licence: MIT (Tianshou, LICENSE; Copyright (c) 2019 n+e)
# Notes: reinforcement-learning kernels of Tianshou: the sum segment tree behind its prioritized replay buffer (SegmentTree, a Python class whose __setitem__, reduce and get_prefix_sum_idx call three @njit helpers: _setitem writes leaf priorities by fancy-index assignment tree[index] = value and walks every index up to the root with an in-place floor division index //= 2 on an int array, recomputing parents as tree[index * 2] + tree[index * 2 + 1]; _reduce sums an interval [start, end) by the classic bottom-up two-pointer walk on heap indices; _get_prefix_sum_idx descends all sampled values at once: lsons = sums[index] gathered by an int array, a bool array direct = lsons < value, value -= lsons * direct (bool times float) and index += direct (bool added into int64)), plus the two return estimators of BasePolicy: _gae_return (generalized advantage estimation, a backward recurrence over 1.0 - a bool end_flag array) and _nstep_return (n-step TD targets: a gamma power table, np.full of an int, boolean-mask assignment into int and 2-D float arrays, gathers rew[now] by index arrays reshaped to (bsz, 1), gamma_buffer[gammas] lookup, reshape back to the target shape). Pasted: segtree.py as published (the class and the three njit functions; SegmentTree._compile warms the helpers with float64/float32/int64 arrays) and the two @njit functions of policy/base.py (the torch-based BasePolicy class around them left out); the harness fills a 100-leaf tree with priorities (int and array updates), queries sums over ranges and at a single leaf, samples 64 prefix-sum indices (as PrioritizedReplayBuffer.sample_indices does), and computes GAE returns (float64 and float32 values) and 3-step returns over a 40-step circular buffer with episode ends, building the index chain as ReplayBuffer.next does
from typing import Optional, Union

import numpy as np
from numba import njit


class SegmentTree:
    """Implementation of Segment Tree.

    The segment tree stores an array ``arr`` with size ``n``. It supports value
    update and fast query of the sum for the interval ``[left, right)`` in
    O(log n) time. The detailed procedure is as follows:

    1. Pad the array to have length of power of 2, so that leaf nodes in the \
    segment tree have the same depth.
    2. Store the segment tree in a binary heap.

    :param int size: the size of segment tree.
    """

    def __init__(self, size: int) -> None:
        bound = 1
        while bound < size:
            bound *= 2
        self._size = size
        self._bound = bound
        self._value = np.zeros([bound * 2])
        self._compile()

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: Union[int, np.ndarray]) -> Union[float, np.ndarray]:
        """Return self[index]."""
        return self._value[index + self._bound]

    def __setitem__(self, index: Union[int, np.ndarray], value: Union[float, np.ndarray]) -> None:
        """Update values in segment tree.

        Duplicate values in ``index`` are handled by numpy: later index
        overwrites previous ones.
        ::

            >>> a = np.array([1, 2, 3, 4])
            >>> a[[0, 1, 0, 1]] = [4, 5, 6, 7]
            >>> print(a)
            [6 7 3 4]
        """
        if isinstance(index, int):
            index, value = np.array([index]), np.array([value])
        assert np.all(index >= 0)
        assert np.all(index < self._size)
        _setitem(self._value, index + self._bound, value)

    def reduce(self, start: int = 0, end: Optional[int] = None) -> float:
        """Return operation(value[start:end])."""
        if start == 0 and end is None:
            return self._value[1]
        if end is None:
            end = self._size
        if end < 0:
            end += self._size
        return _reduce(self._value, start + self._bound - 1, end + self._bound)

    def get_prefix_sum_idx(self, value: Union[float, np.ndarray]) -> Union[int, np.ndarray]:
        r"""Find the index with given value.

        Return the minimum index for each ``v`` in ``value`` so that
        :math:`v \le \mathrm{sums}_i`, where
        :math:`\mathrm{sums}_i = \sum_{j = 0}^{i} \mathrm{arr}_j`.

        .. warning::

            Please make sure all of the values inside the segment tree are
            non-negative when using this function.
        """
        assert np.all(value >= 0.0)
        assert np.all(value < self._value[1])
        single = False
        if not isinstance(value, np.ndarray):
            value = np.array([value])
            single = True
        index = _get_prefix_sum_idx(value, self._bound, self._value)
        return index.item() if single else index

    def _compile(self) -> None:
        f64 = np.array([0, 1], dtype=np.float64)
        f32 = np.array([0, 1], dtype=np.float32)
        i64 = np.array([0, 1], dtype=np.int64)
        _setitem(f64, i64, f64)
        _setitem(f64, i64, f32)
        _reduce(f64, 0, 1)
        _get_prefix_sum_idx(f64, 1, f64)
        _get_prefix_sum_idx(f32, 1, f64)


@njit
def _setitem(tree: np.ndarray, index: np.ndarray, value: np.ndarray) -> None:
    """Numba version, 4x faster: 0.1 -> 0.024."""
    tree[index] = value
    while index[0] > 1:
        index //= 2
        tree[index] = tree[index * 2] + tree[index * 2 + 1]


@njit
def _reduce(tree: np.ndarray, start: int, end: int) -> float:
    """Numba version, 2x faster: 0.009 -> 0.005."""
    # nodes in (start, end) should be aggregated
    result = 0.0
    while end - start > 1:  # (start, end) interval is not empty
        if start % 2 == 0:
            result += tree[start + 1]
        start //= 2
        if end % 2 == 1:
            result += tree[end - 1]
        end //= 2
    return result


@njit
def _get_prefix_sum_idx(value: np.ndarray, bound: int, sums: np.ndarray) -> np.ndarray:
    """Numba version (v0.51), 5x speed up with size=100000 and bsz=64.

    vectorized np: 0.0923 (numpy best) -> 0.024 (now)
    for-loop: 0.2914 -> 0.019 (but not so stable)
    """
    index = np.ones(value.shape, dtype=np.int64)
    while index[0] < bound:
        index *= 2
        lsons = sums[index]
        direct = lsons < value
        value -= lsons * direct
        index += direct
    index -= bound
    return index


# ---- tianshou/policy/base.py ----

@njit
def _gae_return(
    v_s: np.ndarray,
    v_s_: np.ndarray,
    rew: np.ndarray,
    end_flag: np.ndarray,
    gamma: float,
    gae_lambda: float,
) -> np.ndarray:
    returns = np.zeros(rew.shape)
    delta = rew + v_s_ * gamma - v_s
    discount = (1.0 - end_flag) * (gamma * gae_lambda)
    gae = 0.0
    for i in range(len(rew) - 1, -1, -1):
        gae = delta[i] + discount[i] * gae
        returns[i] = gae
    return returns


@njit
def _nstep_return(
    rew: np.ndarray,
    end_flag: np.ndarray,
    target_q: np.ndarray,
    indices: np.ndarray,
    gamma: float,
    n_step: int,
) -> np.ndarray:
    gamma_buffer = np.ones(n_step + 1)
    for i in range(1, n_step + 1):
        gamma_buffer[i] = gamma_buffer[i - 1] * gamma
    target_shape = target_q.shape
    bsz = target_shape[0]
    # change target_q to 2d array
    target_q = target_q.reshape(bsz, -1)
    returns = np.zeros(target_q.shape)
    gammas = np.full(indices[0].shape, n_step)
    for n in range(n_step - 1, -1, -1):
        now = indices[n]
        gammas[end_flag[now] > 0] = n + 1
        returns[end_flag[now] > 0] = 0.0
        returns = rew[now].reshape(bsz, 1) + gamma * returns
    target_q = target_q * gamma_buffer[gammas].reshape(bsz, 1) + returns
    return target_q.reshape(target_shape)


# ---- harness (not part of the program) ----
ENTRY = "run_tianshou_kernels"


def run_tianshou_kernels(priorities, samples, v_s, v_s_, rew, done, target_q, bsz_idx):
    tree = SegmentTree(len(priorities))
    tree[np.arange(len(priorities))] = priorities
    tree[7] = 2.5
    tree[np.array([3, 50, 99])] = np.array([0.25, 4.0, 1.5])
    sums = np.array([tree.reduce(), tree.reduce(10, 60), tree.reduce(0, -1),
                     tree.reduce(33), tree.reduce(17, 18)])
    leaves = tree[np.arange(len(priorities))]
    scaled = samples * tree.reduce()
    sampled = tree.get_prefix_sum_idx(scaled.copy())
    single = tree.get_prefix_sum_idx(0.5 * tree.reduce())
    end_flag = done.astype(np.bool_)
    gae64 = _gae_return(v_s, v_s_, rew, end_flag, 0.99, 0.95)
    gae32 = _gae_return(v_s.astype(np.float32), v_s_.astype(np.float32), rew,
                        end_flag, 0.9, 0.8)
    # ReplayBuffer.next: stay on the last step of an episode, else step forward
    size = len(rew)
    indices = [bsz_idx]
    for _ in range(3 - 1):
        last = indices[-1]
        indices.append(np.where(end_flag[last], last, (last + 1) % size))
    indices = np.stack(indices)
    nstep = _nstep_return(rew, end_flag, target_q, indices, 0.99, 3)
    nstep1 = _nstep_return(rew, end_flag, target_q[:, :1].astype(np.float32),
                           indices[:1], 0.9, 1)
    return sums, leaves, tree._value, sampled, single, gae64, gae32, nstep, nstep1


def inputs():
    rng = np.random.default_rng(0)
    priorities = rng.uniform(0.05, 2.0, 100)
    samples = np.sort(rng.uniform(0.0, 0.999, 64))
    n = 40
    v_s = rng.normal(0.0, 1.0, n)
    v_s_ = np.roll(v_s, -1) + rng.normal(0.0, 0.1, n)
    rew = rng.normal(0.5, 1.0, n)
    done = np.zeros(n)
    done[[9, 21, 22, 33, 39]] = 1.0
    target_q = rng.normal(0.0, 1.0, (16, 4))
    bsz_idx = rng.integers(0, n, 16)
    return priorities, samples, v_s, v_s_, rew, done, target_q, bsz_idx
