# Source: p-ortmann/dyntapy stapy/algorithms/graph_utils.py (at commit 0d7efe5d)
# Licence: GPL-3.0 (the file's header: "License: GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007", Copyright (c) 2020 Paul Ortmann, KU Leuven)
# Notes: shortest paths on a road network for static traffic assignment (graph traversal / shortest paths): make_forward_stars (@njit) builds a numba.typed.Dict from node to an int64 array of successors (np.empty(10) per node, filled and then sliced to size, iterating over a 2-D edge array row by row); __shortest_path (@njit, a module-level name with two leading underscores) runs Dijkstra with a reflected Python list used as a heap through heapq.heappush/heappop of (float, float) tuples, typed Dicts made in jitted code with Dict() (dist, seen, pred) tested with `in`/`not in`, an edge map keyed by (i, j) tuples, `assert` statements, and np.delete to drop a reached target from the targets array (rebinding the argument); __pred_to_epath walks the predecessor dict back from each target into numba.typed.List edge paths and their costs. Pasted: the whole module (the licence header, imports, the jitted make_forward_stars, make_backward_stars, __shortest_path, __pred_to_epath and __pred_to_epath2, and the plain-Python node_to_edge_path and get_shortest_paths); the harness's all_or_nothing_paths calls get_shortest_paths twice as the assignment does, once with output='dist' (the shortest-path tree to all nodes, targets=None) and once for one destination (a one-element int64 targets array, output='epath'), and turns the typed containers it gets back into NumPy arrays for comparison; it builds the forward stars with make_forward_stars and the typed edge map {(i, j): link id} from the link list of a 10 x 10 grid road network with links in both directions (360 links) and free-flow travel times 1-3 min as float64 costs
#  This file is part of the Traffic Assignment Package developed at KU Leuven.
#  Copyright (c) 2020 Paul Ortmann
#  License: GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007, see license.txt
#  More information at: https://gitlab.mech.kuleuven.be/ITSCreaLab
#  or contact: ITScrealab@kuleuven.be
#
#
from heapq import heappop, heappush
import numpy as np
from numba import njit
from numba.typed import Dict, List


@njit
def make_forward_stars(adj_list, number_of_nodes):
    forward_star = Dict()
    star_sizes = np.zeros(number_of_nodes, dtype=np.int64)
    nodes = np.arange(number_of_nodes, dtype=np.int64)
    for i in nodes:
        forward_star[i] = np.empty(10, dtype=np.int64)  # In traffic networks nodes will never have more than 10 outgoing edges..
    for edge in adj_list:
        i = edge[0]
        j = edge[1]
        forward_star[i][star_sizes[i]] = j
        star_sizes[i] += 1
    for i in nodes:
        forward_star[i] = forward_star[i][:star_sizes[i]]
    return forward_star


@njit
def make_backward_stars(adj_list, number_of_nodes):
    backward_star = Dict()
    star_sizes = np.zeros(number_of_nodes, dtype=np.int64) #, dtype=int_dtype
    nodes = np.arange(number_of_nodes, dtype=np.int64)
    for i in nodes:
        backward_star[i] = np.empty(10, dtype=np.int64)  # nodes in traffic networks have less than 10 outgoing edges..
    for edge in adj_list:
        i = edge[0]
        j = edge[1]
        #print(f'i: {i} j: {j} ')
        backward_star[j][star_sizes[j]] = i
        star_sizes[j] += 1
    for i in nodes:
        backward_star[i] = backward_star[i][:star_sizes[i]]
    return backward_star

def node_to_edge_path(node_path, edge_map):
    edge_path=List()
    for id,node in enumerate(node_path[:-1]):
        edge_path.append(edge_map[(node, node_path[id+1])])
    return edge_path



def get_shortest_paths(costs, forward_star, edge_map, source, targets=None, output='epath'):
    """

    Parameters
    ----------
    costs :
    forward_star :
    edge_map :
    source :
    targets :
    output :

    Returns
    -------

    """
    if not targets:
        targets=np.empty(0) # instead of None check inside of jitted shortest path - numba cannot deal with branching on types
    node_order = len(forward_star)
    source = int(source)
    dist, pred = __shortest_path(costs, forward_star, edge_map, source, targets, node_order)
    if output == 'epath':
        return __pred_to_epath(pred, source, targets, edge_map, costs)
    else:
        return dist, pred


@njit
def __shortest_path(costs, forward_star, edge_map, source, targets, node_order):
    """
    typical dijkstra implementation with heaps
    Parameters
    ----------
    costs : float64 vector
    forward_star :numba typed Dict
    edge_map : numba typed Dict (i,j) -> link_id
    source :
    targets :
    node_order :

    Returns
    -------

    """
    #print (costs)
    dist = Dict()  # dictionary of final distances
    seen = Dict()
    pred = Dict()
    my_heap = []
    assert 0 <= source < node_order
    seen[source] = float(0)
    heap_item = (float(0), float(source))
    my_heap.append(heap_item)
    while my_heap:
        heap_item = heappop(my_heap)
        d = heap_item[0]
        i = np.int64(heap_item[1])
        if i in dist:
            continue  # had this node already
        dist[i] = d
        if len(targets) == 0:  # instead of None check - numba cannot deal with branching on types
            pass
        else:
            for index, target in enumerate(targets):
                if i == target:
                    targets = np.delete(targets, index)
                    break
            if len(targets) == 0:
                break
        for j in forward_star[i]:
            ij_dist = dist[i] + costs[edge_map[(i, j)]]
            if j not in seen or ij_dist < seen[j]:
                seen[j] = ij_dist
                heap_item = (ij_dist, float(j))
                heappush(my_heap, heap_item)
                pred[j] = i
    assert len(targets) == 0
    # otherwise the provided network is not a strongly connected component ..
    return dist, pred


@njit(nogil=True)
def __pred_to_epath(pred, source, targets, edge_map, costs):
    for target in targets:
        assert target != source
    path_costs = List()
    edge_paths = List()
    for j in targets:
        cost = 0
        path = List()
        path.append(edge_map[(pred[j], j)])
        cost += costs[edge_map[(pred[j], j)]]
        j = pred[j]
        while j != source:
            i = pred[j]
            path.append(edge_map[(i, j)])
            cost += costs[edge_map[(i, j)]]
            j = pred[j]
        edge_paths.append(path)
        path_costs.append(cost)

    return path_costs, edge_paths

@njit(nogil=True)
def __pred_to_epath2(pred, source, targets, edge_map):
    for target in targets:
        assert target != source
    edge_paths = List()
    for j in targets:
        path = List()
        path.append(edge_map[(pred[j], j)])
        j = pred[j]
        while j != source:
            i = pred[j]
            path.append(edge_map[(i, j)])
            j = pred[j]
        edge_paths.append(path)

    return edge_paths
# ---- harness (not part of the program) ----
def all_or_nothing_paths(adj_list, costs, n_nodes, source, target):
    # the forward stars and the typed (i, j) -> link id map the assignment
    # builds from its link list, then the two get_shortest_paths calls;
    # typed containers come back as arrays (distances and predecessors by
    # node, the one path's cost and link ids)
    forward_star = make_forward_stars(adj_list, n_nodes)
    edge_map = Dict()
    for link_id in range(adj_list.shape[0]):
        edge_map[(np.int64(adj_list[link_id, 0]),
                  np.int64(adj_list[link_id, 1]))] = np.int64(link_id)
    dist, pred = get_shortest_paths(costs, forward_star, edge_map, source,
                                    output='dist')
    path_costs, edge_paths = get_shortest_paths(
        costs, forward_star, edge_map, source,
        targets=np.array([target], dtype=np.int64), output='epath')
    dist_arr = np.array([dist[i] for i in range(n_nodes)])
    pred_arr = np.array([pred[i] if i in pred else -1 for i in range(n_nodes)])
    return (dist_arr, pred_arr, np.array(list(path_costs)),
            np.array(list(edge_paths[0]), dtype=np.int64))


ENTRY = "all_or_nothing_paths"


def inputs():
    # a 10 x 10 grid of intersections, links in both directions between
    # neighbours (360 links, int64 [from, to] rows), free-flow travel
    # times 1-3 min; origin in one corner, destination in the far corner
    rng = np.random.default_rng(0)
    side = 10
    node = np.arange(side * side).reshape(side, side)
    links = []
    for r in range(side):
        for c in range(side):
            if c + 1 < side:
                links.append((node[r, c], node[r, c + 1]))
                links.append((node[r, c + 1], node[r, c]))
            if r + 1 < side:
                links.append((node[r, c], node[r + 1, c]))
                links.append((node[r + 1, c], node[r, c]))
    adj_list = np.array(links, dtype=np.int64)
    costs = rng.uniform(1.0, 3.0, adj_list.shape[0])
    return (adj_list, costs, side * side, 0, side * side - 1)
