# Source: MariusCausemann/nbmorph src/nbmorph/topology.py (at commit 3a3d9ff3), src/nbmorph/zero_edges.py (at commit 45e6637d)
# Licence: MIT (nbmorph, pyproject.toml classifier "License :: OSI Approved :: MIT License", license = { file="LICENSE" }; author Marius Causemann)
# Notes: Numba kernels of nbmorph, morphological operations on 3-D label images. topology.py (pasted whole): the Euler characteristic of every label (vertices - edges + faces - cubes) in one parallel pass, @numba.njit(parallel=True, cache=True) with numba.prange over chunks, a row view counts[c] updated through two @numba.njit(inline="always") helpers (_get with a chained bounds comparison, _count with a for ... else over earlier values), np.empty(8, img.dtype), counts.sum(axis=0); the plain-Python wrapper calls numba.get_num_threads(); and separate_labels_box (prange, a bool flag argument, a dummy np.zeros((1, 1, 1), np.bool_) priority array, builtin max/min for window bounds). zero_edges.py: _zero_if_unequal and zero_label_edges_diamond (parallel=True, an `out=None` optional argument tested with `is None`, a.dtype.type(0), min/max of a 7-tuple); zero_label_edges_box and the `from .minmax import minimum_box, maximum_box` line it needs are left out (nbmorph's minmax.py box filters do not compile under the Numba this corpus is checked with), and _zero_if_unequal is called directly on two arrays instead. The harness builds deterministic uint16 label volumes (a solid block, a hollow shell with a cavity, a ring with a tunnel, two touching blocks, scattered single voxels) and runs every kernel, with and without priority masks; the two zero_edges kernels always get a zeroed out array (their border is never written, and with out=None the Numba this corpus is checked with fails in the parfors pass: "Dimension mismatch" between the two definitions of out)
import numba
import numpy as np


# ---- src/nbmorph/topology.py ----
@numba.njit(inline="always")
def _get(img, i, j, k):
    if 0 <= i < img.shape[0] and 0 <= j < img.shape[1] and 0 <= k < img.shape[2]:
        return img[i, j, k]
    return 0


@numba.njit(inline="always")
def _count(vals, n, row, sign):
    """Add sign to row[v] for every distinct non-zero label v in vals[:n]."""
    for a in range(n):
        v = vals[a]
        if v == 0:
            continue
        for b in range(a):
            if vals[b] == v:
                break
        else:
            row[v] += sign


@numba.njit(parallel=True, cache=True)
def _euler_characteristic(img, max_label, nchunks):
    nx, ny, nz = img.shape
    nchunks = min(nx + 1, nchunks)
    counts = np.zeros((nchunks, max_label + 1), np.int64)
    for c in numba.prange(nchunks):
        row = counts[c]
        vals = np.empty(8, img.dtype)
        for i in range(c * (nx + 1) // nchunks - 1, (c + 1) * (nx + 1) // nchunks - 1):
            for j in range(-1, ny):
                for k in range(-1, nz):
                    # vertex at the corner shared by voxels (i..i+1, j..j+1, k..k+1)
                    n = 0
                    for a in range(2):
                        for b in range(2):
                            for d in range(2):
                                vals[n] = _get(img, i + a, j + b, k + d)
                                n += 1
                    _count(vals, 8, row, 1)
                    # edges from that vertex along the three axes (4 voxels each)
                    for a in range(2):
                        for b in range(2):
                            vals[2 * a + b] = _get(img, i + 1, j + a, k + b)
                    _count(vals, 4, row, -1)
                    for a in range(2):
                        for b in range(2):
                            vals[2 * a + b] = _get(img, i + a, j + 1, k + b)
                    _count(vals, 4, row, -1)
                    for a in range(2):
                        for b in range(2):
                            vals[2 * a + b] = _get(img, i + a, j + b, k + 1)
                    _count(vals, 4, row, -1)
                    # faces of voxel (i+1, j+1, k+1) on its lower side along each axis
                    v = _get(img, i + 1, j + 1, k + 1)
                    vals[1] = v
                    vals[0] = _get(img, i, j + 1, k + 1)
                    _count(vals, 2, row, 1)
                    vals[0] = _get(img, i + 1, j, k + 1)
                    _count(vals, 2, row, 1)
                    vals[0] = _get(img, i + 1, j + 1, k)
                    _count(vals, 2, row, 1)
                    # the voxel itself
                    if v != 0:
                        row[v] -= 1
    return counts.sum(axis=0)


def euler_characteristic(labels, max_label=None):
    """
    Euler characteristic of every label of a 3D label image.

    Each label is taken as the union of its closed voxel cubes (26-connected
    foreground, 6-connected background), and its Euler characteristic
    chi = b0 - b1 + b2 (components - tunnels + cavities) is counted as
    vertices - edges + faces - cubes, in one pass over the image for all labels.

    Args:
        labels (np.ndarray): The input 3D labeled image (integer type, 0 is background).
        max_label (int, optional): The largest label. Defaults to labels.max().

    Returns:
        np.ndarray: chi[l] for l = 0..max_label (chi[0] = 0).
    """
    if max_label is None:
        max_label = int(labels.max())
    return _euler_characteristic(labels, max_label, 4 * numba.get_num_threads())


@numba.njit(parallel=True, cache=True)
def _separate_labels_box(labels, priority, use_priority, out):
    sz, sy, sx = labels.shape
    for z in numba.prange(sz):
        for y in range(sy):
            for x in range(sx):
                v = labels[z, y, x]
                out[z, y, x] = v
                if v == 0 or (use_priority and priority[z, y, x]):
                    continue
                touching = False
                for a in range(max(z - 1, 0), min(z + 2, sz)):
                    for b in range(max(y - 1, 0), min(y + 2, sy)):
                        for c in range(max(x - 1, 0), min(x + 2, sx)):
                            w = labels[a, b, c]
                            if w != 0 and w != v:
                                touching = True
                if touching:
                    out[z, y, x] = 0
    return out


def separate_labels_box(labels, priority=None):
    """
    Separates touching labels by setting to zero the voxels that have a different
    non-zero label in their 3x3x3 box neighborhood. Unlike zero_label_edges_box,
    voxels next to the background (0) are kept.

    Args:
        labels (np.ndarray): The input 3D labeled image.
        priority (np.ndarray, optional): Boolean mask of voxels that are never set to
            zero, so that only their neighbors of other labels are removed. If None,
            both sides of a contact are set to zero.

    Returns:
        np.ndarray: The labels, with no two different labels in contact (26-neighborhood),
        unless both voxels have priority.
    """
    out = np.empty_like(labels)
    if priority is None:
        return _separate_labels_box(labels, np.zeros((1, 1, 1), np.bool_), False, out)
    return _separate_labels_box(labels, priority, True, out)


# ---- src/nbmorph/zero_edges.py ----
@numba.njit(parallel=True)
def _zero_if_unequal(a, b, out=None):
    if out is None:
        out = np.empty_like(a)
    zero = a.dtype.type(0)
    sz, sy, sx = a.shape
    for z in numba.prange(1,sz -1):
        for y in range(1,sy -1):
            for x in range(1, sx -1):
                if a[z,y,x] == b[z,y,x]:
                    out[z,y,x] = a[z,y,x]
                else:
                    out[z,y,x] = zero
    return out

@numba.njit(parallel=True)
def zero_label_edges_diamond(data, out=None):
    if out is None:
        out = np.empty_like(data)
    sz, sy, sx = data.shape
    zero = data.dtype.type(0)
    for z in numba.prange(1,sz -1):
        for y in range(1,sy -1):
            for x in range(1, sx -1):
                nbs = (data[z,y,x],
                    data[z-1,y,x], data[z+1,y,x],
                    data[z,y-1,x], data[z,y+1,x],
                    data[z,y,x-1], data[z,y,x+1]
                                 )
                out[z,y,x] = min(nbs)
                if max(nbs) == min(nbs):
                    out[z,y,x] = data[z,y,x]
                else:
                    out[z,y,x] = zero
    return out


# ---- harness ----
ENTRY = "nbmorph_kernels"


def nbmorph_kernels(labels, other):
    out = {}
    out["chi"] = euler_characteristic(labels)
    out["chi_max9"] = euler_characteristic(labels, 9)
    out["chi_other"] = euler_characteristic(other)
    out["separated"] = separate_labels_box(labels)
    prio = labels == 4
    out["separated_prio"] = separate_labels_box(labels, prio)
    out["separated_other"] = separate_labels_box(other)
    # _zero_if_unequal leaves the border of a freshly allocated out untouched:
    # pass a zeroed out array so the result is deterministic
    out["unequal"] = _zero_if_unequal(labels, other, np.zeros_like(labels))
    buf = np.zeros_like(labels)
    out["diamond"] = zero_label_edges_diamond(labels, buf)
    out["diamond_buf"] = buf.copy()
    out["diamond_other"] = zero_label_edges_diamond(other, np.zeros_like(other))
    return out


def inputs():
    labels = np.zeros((14, 13, 12), np.uint16)
    labels[1:4, 1:5, 1:4] = 1                 # solid block: chi = 1
    labels[6:11, 1:6, 1:6] = 2                # hollow shell with a cavity: chi = 2
    labels[7:10, 2:5, 2:5] = 0
    labels[1:4, 7:12, 6:11] = 3               # ring with a tunnel: chi = 0
    labels[1:4, 9, 8] = 0
    labels[6:10, 7:10, 7:9] = 4               # two touching blocks
    labels[6:10, 7:10, 9:11] = 5
    for t in range(7):                        # scattered single voxels, some diagonal neighbours
        labels[12, (3 * t) % 13, (5 * t + 1) % 12] = 6 + (t % 3)
    labels[12, 0, 0] = 6
    labels[11, 1, 1] = 6
    other = ((np.arange(14 * 13 * 12).reshape(14, 13, 12) * 7) % 11 // 4).astype(np.uint16)
    return (labels, other)
