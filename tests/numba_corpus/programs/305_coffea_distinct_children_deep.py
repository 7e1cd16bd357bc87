# Source: scikit-hep/coffea src/coffea/nanoevents/transforms.py (at commit 1d876ea9)
# Licence: BSD-3-Clause (coffea, LICENSE in CoffeaTeam/coffea, the repository's earlier name; Copyright (c) 2018, Coffea)
# Notes: the distinct decay products of every generator-level particle in collider events (particle physics, CMS NanoAOD GenPart collections): _distinctChildrenDeep_kernel (@numba.njit) walks the events through an int64 offsets array and, for every particle that starts a chain of same-PDG-id copies, follows the chain forward with two scratch numpy.empty arrays and three running offsets, collects the first children with a different PDG id (nested loops with break), then adds chain members without children using `not in` on an array slice, raises RuntimeError when an offset would run past its array, and returns the tuple (offsets_out, content_out[:offset1]) of a jagged result. Pasted: the module's numba and numpy imports and its jitted kernels _distinctParent_kernel, _children_kernel and _distinctChildrenDeep_kernel (the first two not called); left out: the copy, awkward and coffea.nanoevents.util imports and the plain-Python stack transforms that use them (distinctChildrenDeep wraps the kernel's result in an awkward ListOffsetArray), and the rest of the module; the harness passes what distinctChildrenDeep passes, as flat numpy arrays: the int64 event offsets, the global (event-offset) int64 mother indices (-1 for none) and the int32 PDG ids of 30 events of 20-40 generator particles, each particle's mother earlier in its event and a particle a copy of its mother (same PDG id) in 40% of cases (the kernel receives the PDG ids as an awkward.Array there)
import numba
import numpy


@numba.njit
def _distinctParent_kernel(allpart_parent, allpart_pdg):
    out = numpy.empty(len(allpart_pdg), dtype=numpy.int64)
    for i in range(len(allpart_pdg)):
        parent = allpart_parent[i]
        if parent < 0:
            out[i] = -1
            continue
        thispdg = allpart_pdg[i]
        while parent >= 0 and allpart_pdg[parent] == thispdg:
            if parent >= len(allpart_pdg):
                raise RuntimeError("parent index beyond length of array!")
            parent = allpart_parent[parent]
        out[i] = parent
    return out


@numba.njit
def _children_kernel(offsets_in, parentidx):
    offsets1_out = numpy.empty(len(parentidx) + 1, dtype=numpy.int64)
    content1_out = numpy.empty(len(parentidx), dtype=numpy.int64)
    offsets1_out[0] = 0

    offset0 = 1
    offset1 = 0
    for record_index in range(len(offsets_in) - 1):
        start_src, stop_src = offsets_in[record_index], offsets_in[record_index + 1]

        for index in range(start_src, stop_src):
            for possible_child in range(index, stop_src):
                if parentidx[possible_child] == index:
                    if offset1 >= len(content1_out):
                        raise RuntimeError("offset1 went out of bounds!")
                    content1_out[offset1] = possible_child
                    offset1 = offset1 + 1
            if offset0 >= len(offsets1_out):
                raise RuntimeError("offset0 went out of bounds!")
            offsets1_out[offset0] = offset1
            offset0 = offset0 + 1

    return offsets1_out, content1_out[:offset1]


@numba.njit
def _distinctChildrenDeep_kernel(offsets_in, global_parents, global_pdgs):
    offsets_out = numpy.empty(len(global_parents) + 1, dtype=numpy.int64)
    content_out = numpy.empty(len(global_parents), dtype=numpy.int64)
    offsets_out[0] = 0

    offset0 = 1
    offset1 = 0
    for record_index in range(len(offsets_in) - 1):
        start_src, stop_src = offsets_in[record_index], offsets_in[record_index + 1]

        for index in range(start_src, stop_src):
            this_pdg = global_pdgs[index]

            # only perform the deep lookup when this particle is not already part of a decay chain
            # otherwise, the same child indices would be repeated for every parent in the chain
            # which would require content_out to have a length that isa-priori unknown
            if (
                global_parents[index] >= 0
                and this_pdg != global_pdgs[global_parents[index]]
            ):
                # keep an index of parents with same pdg id
                parents = numpy.empty(stop_src - index, dtype=numpy.int64)
                parents[0] = index
                offset2 = 1

                # keep an additional index with parents that have at least one child
                parents_with_children = numpy.empty(stop_src - index, dtype=numpy.int64)
                offset3 = 0

                for possible_child in range(index, stop_src):
                    possible_parent = global_parents[possible_child]
                    possibe_child_pdg = global_pdgs[possible_child]

                    # compare with seen parents
                    for parent_index in range(offset2):
                        # check if we found a new child
                        if parents[parent_index] == possible_parent:
                            # first, remember that the parent has at least one child
                            if offset3 >= len(parents_with_children):
                                raise RuntimeError("offset3 went out of bounds!")
                            parents_with_children[offset3] = possible_parent
                            offset3 = offset3 + 1

                            # then, depending on the pdg id, add to parents or content
                            if possibe_child_pdg == this_pdg:
                                # has the same pdg id, add to parents
                                if offset2 >= len(parents):
                                    raise RuntimeError("offset2 went out of bounds!")
                                parents[offset2] = possible_child
                                offset2 = offset2 + 1
                            else:
                                # has a different pdg id, add to content
                                if offset1 >= len(content_out):
                                    raise RuntimeError("offset1 went out of bounds!")
                                content_out[offset1] = possible_child
                                offset1 = offset1 + 1
                            break

                # add parents with same pdg id that have no children
                for parent_index in range(1, offset2):
                    possible_child = parents[parent_index]
                    if possible_child not in parents_with_children[:offset3]:
                        if offset1 >= len(content_out):
                            raise RuntimeError("offset1 went out of bounds! pt2")
                        content_out[offset1] = possible_child

                        offset1 = offset1 + 1

            # finish this item by adding an offset
            if offset0 >= len(offsets_out):
                raise RuntimeError("offset0 went out of bounds!")
            offsets_out[offset0] = offset1
            offset0 = offset0 + 1

    return offsets_out, content_out[:offset1]
# ---- harness (not part of the program) ----
ENTRY = "_distinctChildrenDeep_kernel"


def inputs():
    # 30 events of 20-40 GenPart particles: two incoming partons without a
    # mother, then every particle's mother is an earlier particle of the
    # same event (NanoAOD order); 40% of particles are copies of their
    # mother (same pdgId), the others get a pdgId drawn from quarks,
    # gluons, leptons, neutrinos, W/Z/H and photons
    rng = numpy.random.default_rng(0)
    pdg_pool = numpy.array([1, -1, 2, -2, 3, 5, -5, 6, -6, 21, 11, -11, 13,
                            -13, 12, -14, 22, 23, 24, -24, 25, 111, 211])
    counts = rng.integers(20, 41, 30)
    offsets = numpy.zeros(len(counts) + 1, dtype=numpy.int64)
    offsets[1:] = numpy.cumsum(counts)
    parents, pdgs = [], []
    for ev, n in enumerate(counts):
        start = offsets[ev]
        local_pdg = []
        for i in range(n):
            if i < 2:
                parents.append(-1)
                local_pdg.append(21)
                continue
            mother = int(rng.integers(0, i))
            parents.append(start + mother)
            if rng.random() < 0.4:
                local_pdg.append(local_pdg[mother])
            else:
                local_pdg.append(int(rng.choice(pdg_pool)))
        pdgs.extend(local_pdg)
    global_parents = numpy.array(parents, dtype=numpy.int64)
    global_pdgs = numpy.array(pdgs, dtype=numpy.int32)
    return (offsets, global_parents, global_pdgs)
