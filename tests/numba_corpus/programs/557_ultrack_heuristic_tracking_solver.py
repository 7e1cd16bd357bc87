# Source: royerlab/ultrack ultrack/core/solve/solver/heuristic/_numba_heuristic_solver.py (at commit 68743969) and ultrack/core/solve/solver/heuristic/_heap.py (at commit 641ef3a2)
# Licence: BSD-3-Clause (ultrack, LICENSE; Copyright (c) 2022, ultrack)
# Notes: ultrack's heuristic solver for the cell-tracking integer program (microscopy / cell lineage tracking over a hierarchy of candidate segments): a constrained Kruskal-like pass pops candidate links from a max-heap of weights and keeps those that respect the biological constraints (at most one parent, at most two children, no overlapping segments selected), adding appearance/disappearance/division costs looked up in (2, 3, 3) transition tables indexed by the current in/out counts, then random-ascent local search re-links nodes to better predecessors over a CSR in->out digraph and releases/forbids overlapping segments through a CSR overlap matrix; Numba features: two @jitclass classes (the solver, spec given as a dict with numba.float32[:, :, :], numba.uint8[:], numba.boolean[:] ..., and the argument heap, spec as a list of tuples) where one jitclass constructs and drives the other, @staticmethod methods called as self._dad(pos), IntEnum members (Color.gray, Policy.maximum) used as values and default arguments, np.full with an IntEnum fill value, tuple swaps of array elements, `while True` with break, raise ValueError inside methods, np.random.seed / np.random.choice(n, size=n, replace=False) inside jitted code, np.finfo(np.float32).min, boolean fancy assignment self._forbidden[row] = True, np.any over a gathered slice, np.asarray of a list of scalars, and uint8 counters incremented in place. Pasted: _heap.py in full (Color, Policy, _SPEC, Heap) and _numba_heuristic_solver.py in full, with its `from ultrack...._heap import Heap, Policy` import satisfied by the pasted heap; left out: the plain-Python HeuristicSolver wrapper (pandas/scipy/skimage), whose construction of the inputs the harness reproduces with NumPy: 18 candidate segments over 3 frames (pairs of overlapping hypotheses), 36 candidate links with float32 weights, CSR arrays (int32 indices/indptr) for the overlap and in->out link graphs, and the add/sub in/out transition maps built exactly as HeuristicSolver.__init__ does; it runs optimize() and returns the objective and the solver's state arrays (selected nodes, predecessors and their weights, counts, forbidden flags)
from enum import IntEnum

import numba
import numpy as np
from numba.experimental import jitclass


class Color(IntEnum):
    white = 0
    gray = 1
    black = 2


class Policy(IntEnum):
    minimum = 0
    maximum = 1


_SPEC = [
    ("values", numba.float32[:]),
    ("policy", numba.int8),
    ("_values", numba.float32[:]),
    ("_size", numba.int64),
    ("_age", numba.int64),
    ("_last", numba.int64),
    ("_policy", numba.int8),
    ("_nodes", numba.int64[:]),
    ("_pos", numba.int64[:]),
    ("_colors", numba.int8[:]),
    ("_ages", numba.int64[:]),
]


@jitclass(_SPEC)
class Heap:
    def __init__(self, values: np.ndarray, policy: Policy = Policy.maximum) -> None:
        """Argument heap, copied and modified from libift:
            https://github.com/PyIFT/pyift

        Parameters
        ----------
        values : np.ndarray
            Array of values used to heap sort, must be np.float32 (used by reference)
            for on-the-fly updates on the values.
        policy : Policy, optional
            Minimum or maximum policy, by default maximum.
        """
        size = len(values)
        self._values = values
        self._size = size
        self._age = 0
        self._last = -1
        self._policy = policy
        self._nodes = np.full(size, fill_value=-1, dtype=np.int64)
        self._pos = np.full(size, fill_value=-1, dtype=np.int64)
        self._colors = np.full(size, fill_value=Color.white, dtype=np.uint8)
        self._ages = np.zeros(size, dtype=np.int64)

    @staticmethod
    def _dad(i: int) -> int:
        return (i - 1) // 2

    @staticmethod
    def _left_son(i: int) -> int:
        return 2 * i + 1

    @staticmethod
    def _right_son(i: int) -> int:
        return 2 * i + 2

    def _swap(self, i: int, j: int) -> None:
        self._nodes[i], self._nodes[j] = self._nodes[j], self._nodes[i]
        self._pos[self._nodes[i]] = i
        self._pos[self._nodes[j]] = j

    def _lower(self, i: int, j: int) -> bool:
        ni, nj = self._nodes[i], self._nodes[j]
        if self._values[ni] == self._values[nj]:
            return self._ages[ni] < self._ages[nj]
        return self._values[ni] < self._values[nj]

    def _greater(self, i: int, j: int) -> bool:
        ni, nj = self._nodes[i], self._nodes[j]
        if self._values[ni] == self._values[nj]:
            return self._ages[ni] < self._ages[nj]  # always prioritize younger node
        return self._values[ni] > self._values[nj]

    def _go_up_heap_pos(self, pos: int) -> None:
        dad = self._dad(pos)
        if self._policy == Policy.minimum:
            while dad >= 0 and self._greater(dad, pos):
                self._swap(dad, pos)
                pos = dad
                dad = self._dad(pos)
        else:
            while dad >= 0 and self._lower(dad, pos):
                self._swap(dad, pos)
                pos = dad
                dad = self._dad(pos)

    def _go_down_heap_pos(self, pos: int) -> None:
        # numba wasn't compiling this function as a recursion
        # TODO: check if there's a better way to do this loop avoiding while True
        while True:
            next, left, right = pos, self._left_son(pos), self._right_son(pos)
            if self._policy == Policy.minimum:
                if left <= self._last and self._lower(left, next):
                    next = left
                if right <= self._last and self._lower(right, next):
                    next = right
            else:
                if left <= self._last and self._greater(left, next):
                    next = left
                if right <= self._last and self._greater(right, next):
                    next = right

            if next != pos:
                self._swap(next, pos)
                pos = next
            else:
                break

    def is_full(self) -> bool:
        return self._last == self._size - 1

    def is_empty(self) -> bool:
        return self._last == -1

    def insert(self, index: int) -> None:
        if self.is_full():
            raise ValueError("Heap is full.")

        # add node at last position
        self._last += 1
        self._age += 1
        self._nodes[self._last] = index
        self._ages[index] = self._age
        self._colors[index] = Color.gray
        self._pos[index] = self._last

        # sort heap
        self._go_up_heap_pos(self._last)

    def insert_array(self, array: np.ndarray) -> None:
        for i in array:
            self.insert(i)

    def pop(self) -> int:
        if self.is_empty():
            raise ValueError("Heap is empty.")

        # remove node at 0
        index = self._nodes[0]
        self._pos[index] = -1
        self._colors[index] = Color.black

        # swaps removed with last
        self._nodes[0] = self._nodes[self._last]
        self._pos[self._nodes[0]] = 0
        self._nodes[self._last] = -1
        self._last -= 1

        # sort heap
        self._go_down_heap_pos(0)

        return index

    def reset(self) -> None:
        self._nodes[...] = -1
        self._pos[...] = -1
        self._colors[...] = Color.white
        self._ages[...] = 0
        self._last = -1
        self._age = 0

    def go_up_heap(self, index: int) -> None:
        self._age += 1
        self._ages[index] = self._age
        self._go_up_heap_pos(self._pos[index])

    def go_down_heap(self, index: int) -> None:
        self._age += 1
        self._ages[index] = self._age
        self._go_down_heap_pos(self._pos[index])


_SPEC = {
    "_objective": numba.float64,
    "_weights": numba.float32[:],
    "_in_edge": numba.int64[:],
    "_out_edge": numba.int64[:],
    "_forbidden": numba.boolean[:],
    "_in_count": numba.uint8[:],
    "_out_count": numba.uint8[:],
    "_selected_nodes": numba.boolean[:],
    "_predecessor_map": numba.int64[:],
    "_predecessor_weight": numba.float32[:],
    "_overlap_indices": numba.int32[:],
    "_overlap_indptr": numba.int32[:],
    "_in_out_digraph_indices": numba.int32[:],
    "_in_out_digraph_indptr": numba.int32[:],
    "_in_out_digraph_data": numba.float32[:],
    "_appear_weight": numba.float32[:],
    "_disappear_weight": numba.float32[:],
    "_division_weight": numba.float64,
    "_add_in_map": numba.float32[:, :, :],
    "_sub_in_map": numba.float32[:, :, :],
    "_add_out_map": numba.float32[:, :, :],
    "_sub_out_map": numba.float32[:, :, :],
}


@jitclass(_SPEC)
class NumbaHeuristicSolver:
    def __init__(
        self,
        weights: np.ndarray,
        in_edge: np.ndarray,
        out_edge: np.ndarray,
        forbidden: np.ndarray,
        in_count: np.ndarray,
        out_count: np.ndarray,
        selected_nodes: np.ndarray,
        predecessor_map: np.ndarray,
        predecessor_weight: np.ndarray,
        overlap_indices: np.ndarray,
        overlap_indptr: np.ndarray,
        in_out_digraph_indices: np.ndarray,
        in_out_digraph_indptr: np.ndarray,
        in_out_digraph_data: np.ndarray,
        appear_weight: np.ndarray,
        disappear_weight: np.ndarray,
        division_weight: float,
        add_in_map: np.ndarray,
        sub_in_map: np.ndarray,
        add_out_map: np.ndarray,
        sub_out_map: np.ndarray,
    ) -> None:

        self._objective = 0.0
        self._weights = weights
        self._in_edge = in_edge
        self._out_edge = out_edge
        self._forbidden = forbidden
        self._in_count = in_count
        self._out_count = out_count
        self._selected_nodes = selected_nodes
        self._predecessor_map = predecessor_map
        self._predecessor_weight = predecessor_weight
        self._overlap_indices = overlap_indices
        self._overlap_indptr = overlap_indptr
        self._in_out_digraph_indices = in_out_digraph_indices
        self._in_out_digraph_indptr = in_out_digraph_indptr
        self._in_out_digraph_data = in_out_digraph_data
        self._appear_weight = appear_weight
        self._disappear_weight = disappear_weight
        self._division_weight = division_weight
        self._add_in_map = add_in_map
        self._sub_in_map = sub_in_map
        self._add_out_map = add_out_map
        self._sub_out_map = sub_out_map

    def optimize(self) -> float:
        """Optimizes objective function."""
        np.random.seed(42)

        ascent_iters = 5
        obj_tol = 1
        self.constrained_mst()

        prev_objective = 0.0
        for _ in range(ascent_iters):
            self.random_ascent()
            if prev_objective - self._objective < obj_tol:
                break
            prev_objective = self._objective

        return self._objective

    def constrained_mst(self) -> None:
        """
        Executes Kruskal MST algorithm while preserving the biological constraints.
        """
        heap = Heap(self._weights, Policy.maximum)
        heap.insert_array(np.arange(len(self._weights)))

        while not heap.is_empty():
            edge_index = heap.pop()
            in_node = self._in_edge[edge_index]
            out_node = self._out_edge[edge_index]

            # blocked by overlap
            if self._forbidden[in_node] or self._forbidden[out_node]:
                continue

            # check for flow constrains
            if self._in_count[in_node] > 0 or self._out_count[out_node] > 1:
                continue

            weight = self._weights[edge_index]
            obj_delta = weight
            obj_delta += self._transition_weight(self._add_in_map, in_node)
            obj_delta += self._transition_weight(self._add_out_map, out_node)

            # any other check?
            self._objective += obj_delta

            self._selected_nodes[out_node] = True
            self._selected_nodes[in_node] = True
            self._predecessor_map[in_node] = out_node
            self._predecessor_weight[in_node] = weight

            self._out_count[out_node] += 1
            self._in_count[in_node] += 1
            self._forbid_overlap(in_node)
            self._forbid_overlap(out_node)

    def random_ascent(self) -> None:
        """Executes random ascent on the current solution."""
        n_nodes = len(self._appear_weight)
        node_ids = np.random.choice(n_nodes, size=n_nodes, replace=False)

        for node_id in node_ids:
            self._objective += self._local_search(node_id)

    def _local_search(self, node_index: int) -> float:
        """Performs a local search over the predecessors (out_node) of the given node.

        Parameters
        ----------
        node_index : int
            Node index.

        Returns
        -------
        float
            Change in objective function.
        """
        objective = 0.0
        current_out_node = self._predecessor_map[node_index]
        if current_out_node != -1:
            # partial removal of current node
            objective += (
                self._transition_weight(self._sub_out_map, current_out_node)
                - self._predecessor_weight[node_index]
            )
            self._selected_nodes[current_out_node] = False
            self._out_count[current_out_node] -= 1
            self._release_overlap(current_out_node)
        else:
            # add in node if it isn't in solution
            objective + self._transition_weight(self._add_in_map, node_index)

        # search local maximum
        max_obj_delta = np.finfo(np.float32).min
        argmax_obj_delta = -1
        argmax_weight = 0.0
        for i in range(
            self._in_out_digraph_indptr[node_index],
            self._in_out_digraph_indptr[node_index + 1],
        ):
            out_node = self._in_out_digraph_indices[i]
            if self._out_count[out_node] > 1 or self._forbidden[out_node]:
                continue

            weight = self._in_out_digraph_data[i]
            delta = self._transition_weight(self._add_out_map, out_node) + weight
            if delta > max_obj_delta:
                max_obj_delta = delta
                argmax_obj_delta = out_node
                argmax_weight = weight

        if objective + max_obj_delta <= 0.0:  # can't improve solution
            # return previous out node to solution
            if current_out_node != -1:
                self._forbid_overlap(current_out_node)
                self._selected_nodes[current_out_node] = True
                self._out_count[current_out_node] += 1

            return 0.0

        if current_out_node == -1:
            # add in node to solution
            self._in_count[node_index] += 1
            self._forbid_overlap(node_index)
            self._selected_nodes[node_index] = True

        # sanity check
        assert argmax_obj_delta != -1

        # adding to solution
        self._forbid_overlap(argmax_obj_delta)
        self._selected_nodes[argmax_obj_delta] = True
        self._out_count[argmax_obj_delta] += 1
        self._predecessor_map[node_index] = argmax_obj_delta
        self._predecessor_weight[node_index] = argmax_weight

        return objective + max_obj_delta

    def _forbid_overlap(self, node_index: int) -> None:
        """Mark nodes overlapping with the given index as forbidden."""
        row = self._overlap_indices[
            self._overlap_indptr[node_index] : self._overlap_indptr[node_index + 1]
        ]
        self._forbidden[row] = True

    def _release_overlap(self, node_index: int) -> None:
        """Releases forbidden mark of nodes overlappping with the given index."""
        row = self._overlap_indices[
            self._overlap_indptr[node_index] : self._overlap_indptr[node_index + 1]
        ]
        for i in row:
            indices = self._overlap_indices[
                self._overlap_indptr[i] : self._overlap_indptr[i + 1]
            ]
            self._forbidden[i] = np.any(self._selected_nodes[indices])

    def _transition_weight(self, transition: np.ndarray, node_id: int) -> float:
        """Computes the cost of a given transition for the given node.

        Parameters
        ----------
        transition : np.ndarray
            (2, 3, 3) transition matrix.
        node_id : int
            Node index.

        Returns
        -------
        float
            The cost (weight) of the transition.
        """
        weights = np.asarray(
            [
                self._appear_weight[node_id],
                self._disappear_weight[node_id],
                self._division_weight,
            ]
        )
        return np.sum(
            transition[self._in_count[node_id], self._out_count[node_id]] * weights
        )
# ---- harness (not part of the program) ----
ENTRY = "solve_tracking"


def _csr(rows, cols, data, size, dtype):
    order = np.lexsort((cols, rows))
    rows, cols, data = rows[order], cols[order], data[order]
    indptr = np.zeros(size + 1, dtype=np.int32)
    np.add.at(indptr, rows + 1, 1)
    return np.cumsum(indptr).astype(np.int32), cols.astype(np.int32), data.astype(dtype)


def solve_tracking(sources, targets, link_weights, overlaps, is_first_t, is_last_t):
    size = len(is_first_t)
    # HeuristicSolver.__init__ transition maps
    add_in_map = np.full((2, 3, 3), fill_value=-1e6, dtype=np.float32)
    add_in_map[0, 0] = (0, 1, 0)
    add_in_map[0, 1:] = (-1, 0, 0)
    sub_in_map = -np.roll(add_in_map, shift=1, axis=0)
    add_out_map = np.full((2, 3, 3), fill_value=-1e6, dtype=np.float32)
    add_out_map[0, 0] = (1, 0, 0)
    add_out_map[1, 0] = (0, -1, 0)
    add_out_map[:, 1] = (0, 0, 1)
    sub_out_map = -np.roll(add_out_map, shift=1, axis=1)
    # add_nodes / add_edges / add_overlap_constraints
    appear_weight = np.asarray(np.logical_not(is_first_t) * -0.001, dtype=np.float32)
    disappear_weight = np.asarray(np.logical_not(is_last_t) * -0.001, dtype=np.float32)
    forbidden = np.zeros(size, dtype=bool)
    in_count = np.zeros(size, dtype=np.uint8)
    out_count = np.zeros(size, dtype=np.uint8)
    selected_nodes = np.zeros(size, dtype=bool)
    predecessor_map = np.full(size, -1, dtype=np.int64)
    predecessor_weight = np.full(size, 1e6, dtype=np.float32)
    weights = np.asarray(link_weights ** 4, np.float32)   # "power" link function
    out_edge = sources.astype(np.int64)
    in_edge = targets.astype(np.int64)
    g_indptr, g_indices, g_data = _csr(in_edge, out_edge, weights, size, np.float32)
    o_indptr, o_indices, _ = _csr(overlaps[:, 0], overlaps[:, 1],
                                  np.ones(len(overlaps)), size, bool)
    solver = NumbaHeuristicSolver(
        weights, in_edge, out_edge, forbidden, in_count, out_count,
        selected_nodes, predecessor_map, predecessor_weight,
        o_indices, o_indptr, g_indices, g_indptr, g_data,
        appear_weight, disappear_weight, -0.001,
        add_in_map, sub_in_map, add_out_map, sub_out_map)
    objective = solver.optimize()
    return (objective, selected_nodes, predecessor_map, predecessor_weight,
            in_count, out_count, forbidden)


def inputs():
    rng = np.random.default_rng(0)
    n_frames, per_frame = 3, 6
    size = n_frames * per_frame
    t = np.repeat(np.arange(n_frames), per_frame)
    # segments 2k and 2k+1 of a frame are alternative (overlapping) hypotheses
    ov = []
    for a in range(0, size, 2):
        ov += [(a, a + 1), (a + 1, a)]
    overlaps = np.array(ov, dtype=np.int64)
    src, dst = [], []
    for f in range(n_frames - 1):
        for i in range(per_frame):
            for j in rng.choice(per_frame, 3, replace=False):
                src.append(f * per_frame + i)
                dst.append((f + 1) * per_frame + j)
    sources = np.array(src, dtype=np.int64)
    targets = np.array(dst, dtype=np.int64)
    link_weights = rng.uniform(0.3, 1.0, len(sources))
    return (sources, targets, link_weights, overlaps, t == 0, t == n_frames - 1)
