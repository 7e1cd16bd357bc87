# Source: tskit-dev/tstrait tstrait/genetic_value.py (at commit 07fce997)
# Licence: MIT (tstrait, LICENSE at commit 4fd0a419; Copyright (c) 2023 Tskit developers)
# Notes: genetic value of every individual at one causal site of a simulated quantitative trait, computed on a genealogical tree of a tree sequence (tstrait simulates traits on msprime/tskit ancestries): _traversal_genetic_value (@numba.njit) starts from np.ones(n) * (-effect_size) when `centre is True` (an `is` test on a bool argument) or np.zeros(n) otherwise, then walks the tree depth-first from the nodes that carry the causal allele, popping node ids from a numba.typed.List stack (while len(stack) > 0, pop(), append()), adding the effect size to the individual of each node reached (the virtual root, id num_nodes, maps to -1), and descending through the left-child / right-sibling arrays except into subtrees under a further mutation (a boolean mask); it returns the genetic values and leaves the typed list empty. Pasted: the numba and numpy imports and _traversal_genetic_value; left out: the pandas, tskit and .base imports (only the plain-Python classes and checks use them), the _GeneticValue class and the public genetic_value; the harness builds what _GeneticValue._individual_genetic_values passes for one site: a coalescent-shaped binary tree of 40 sample nodes (20 diploid individuals, nodes_individual int32 with -1 for the 39 ancestral nodes) in tskit's left_child_array / right_sib_array layout with the virtual root at index 79, a site whose causal allele "T" arises on one internal node and reverts to "A" on its smallest internal descendant (has_mutation of length num_nodes + 1), the typed List of the nodes whose state is the causal allele, 20 individuals, 79 nodes, effect size 0.75 and centre True
import numba
import numpy as np


@numba.njit
def _traversal_genetic_value(
    nodes_individual,
    left_child_array,
    right_sib_array,
    stack,
    has_mutation,
    num_individuals,
    num_nodes,
    effect_size,
    centre,
):  # pragma: no cover
    """
    Numba to speed up the tree traversal algorithm to determine the genotype of
    individuals.
    Stack has to be Typed List in numba to use numba.
    """

    if centre is True:
        genetic_value = np.ones(num_individuals) * (-effect_size)
    else:
        genetic_value = np.zeros(num_individuals)
    while len(stack) > 0:
        parent_node_id = stack.pop()
        if parent_node_id == num_nodes:
            individual_id = -1
        else:
            individual_id = nodes_individual[parent_node_id]
        if individual_id > -1:
            genetic_value[individual_id] += effect_size
        child_node_id = left_child_array[parent_node_id]
        while child_node_id != -1:
            if not has_mutation[child_node_id]:
                stack.append(child_node_id)
            child_node_id = right_sib_array[child_node_id]

    return genetic_value
# ---- harness (not part of the program) ----
ENTRY = "_traversal_genetic_value"


def inputs():
    # a random binary coalescent tree over 40 sample nodes (ids 0-39, two per
    # individual), internal nodes 40-78 in order of coalescence, the root 78
    # and tskit's virtual root 79; int32 tree arrays of length num_nodes + 1
    # as tskit.Tree.left_child_array / right_sib_array give them; the causal
    # allele "T" arises on an internal node with at least 6 samples below and
    # reverts on its smallest internal descendant; the stack holds the nodes
    # whose allele is the causal one, as _individual_genetic_values builds it
    rng = np.random.default_rng(0)
    num_samples, num_individuals = 40, 20
    num_nodes = 2 * num_samples - 1
    left_child = np.full(num_nodes + 1, -1, dtype=np.int32)
    right_sib = np.full(num_nodes + 1, -1, dtype=np.int32)
    children = {}
    lineages = list(range(num_samples))
    node = num_samples
    while len(lineages) > 1:
        a, b = rng.choice(len(lineages), size=2, replace=False)
        c1, c2 = lineages[a], lineages[b]
        left_child[node] = c1
        right_sib[c1] = c2
        children[node] = (c1, c2)
        lineages = [x for k, x in enumerate(lineages) if k not in (a, b)] + [node]
        node += 1
    root = lineages[0]
    left_child[num_nodes] = root
    nodes_individual = np.full(num_nodes, -1, dtype=np.int32)
    nodes_individual[:num_samples] = np.arange(num_samples) // 2

    def n_samples(u):
        return 1 if u < num_samples else sum(n_samples(c) for c in children[u])

    def internal_below(u):
        out = []
        for c in children.get(u, ()):
            if c >= num_samples:
                out.append(c)
                out.extend(internal_below(c))
        return out

    candidates = [u for u in range(num_samples, num_nodes - 1)
                  if n_samples(u) >= 6 and internal_below(u)]
    mut_node = candidates[len(candidates) // 2]
    back_node = min(internal_below(mut_node), key=n_samples)
    has_mutation = np.zeros(num_nodes + 1, dtype=bool)
    state_transitions = {num_nodes: "A", mut_node: "T", back_node: "A"}
    has_mutation[mut_node] = True
    has_mutation[back_node] = True
    stack = numba.typed.List()
    for n, allele in state_transitions.items():
        if allele == "T":
            stack.append(n)
    return (nodes_individual, left_child, right_sib, stack, has_mutation,
            num_individuals, num_nodes, 0.75, True)
