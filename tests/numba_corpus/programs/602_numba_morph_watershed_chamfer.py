# Source: fgdfgfthgr-fox/numba-morph src/numba_morph/_watershed.py (at commit e750fc74), src/numba_morph/_scan.py (at commit 5bb671a0), src/numba_morph/_chamfer.py (at commit e0c94b3a)
# Licence: MIT (numba-morph, LICENSE.md; Copyright 2026 Yuyao Huang)
# Notes: the marker-controlled watershed and the chamfer distance transform of numba-morph, a Numba reimplementation of scipy.ndimage / scikit-image morphology (image segmentation / mathematical morphology). _watershed.py is pasted whole: plain-Python _heapify_markers_2d/_3d build a priority queue as a Python list of (value, age, row, col[, depth]) tuples sorted with np.lexsort, and the jitted _watershed_loop_2d / _watershed_loop_3d flood from it with heapq.heappop / heappush on that reflected list of heterogeneous tuples (float64 value, np.uint32 age and coordinates), tuple unpacking of the popped entry, `offsets.shape[0] if offsets is not None else 0`, an optional mask tested with `mask is not None and not mask[...]`, and a (labels, age) tuple return; the batched variants build numba.typed.List containers of those heaps and ages and sweep the leading axis with prange under njit(parallel=True), taking `mask[l] if mask is not None else None`; _marker_controlled_watershed dispatches. From _scan.py only the plain _get_offsets (neighbour offsets of a footprint) that watershed() uses. From _chamfer.py the plain _generate_offsets (causal / anti-causal (dy, dx, w) rows from tuples of weights), the jitted _apply_pass_2d / _apply_pass_3d (raster passes with `for dy, dx, w in offsets`, i.e. unpacking rows of an int32 array, chained comparisons `0 <= ny < H`, early `continue` on background) and their batched prange twins, the plain _make_ranges / _run_pass dispatcher (it selects the jitted function into a local variable and calls it) and _chamfer; its commented-out chunked variants (string literals in the module) are left in as published. Left out: the rest of _scan.py (the erosion/dilation scan kernels and boundary-mode helpers, used by other filters) and the public wrappers watershed.py / cdt.py, which only validate arguments and reshape (the harness does their preparation: offsets from a footprint, markers as int32, the chamfer input as uint16 with the foreground set to the dtype's maximum). The harness floods a 2-D image of three Gaussian basins from three markers with the 8-connected footprint, with and without a mask, a 3-D volume with the 6-connected footprint, a batch of two 2-D images through the parallel typed-List path, and computes the (3, 4) chamfer distance of a 2-D disc pair, a batch of two, and the (3, 4, 5) distance of a 3-D ball
# ---- src/numba_morph/_scan.py ----
import numpy as np
from numba import njit, prange, stencil


def _get_offsets(structure):
    """
    Return relative offset coordinates for every ``True`` neighbour in the
    binary structure (footprint).  The centre element is excluded.

    Parameters
    ----------
    structure : array_like
        Boolean array (e.g. from ``scipy.ndimage.generate_binary_structure``).
        Must have odd size along every dimension so that a unique centre exists.

    Returns
    -------
    offsets : ndarray of shape (N, ndim), dtype=int32
        Each row ``(d_0, d_1, ..., d_{ndim-1})`` is an offset from the centre
        to a neighbour that is ``True`` in *structure*.
    """
    structure = np.asarray(structure, dtype=bool)
    if any(s % 2 == 0 for s in structure.shape):
        raise ValueError("structure must have odd size in every dimension.")

    # All indices where structure is True
    idx = np.argwhere(structure)                # shape (M, ndim)
    centre = np.array(structure.shape) // 2     # (ndim,)
    offsets = idx - centre

    # Remove the centre itself (offset == 0)
    offsets = offsets[np.any(offsets != 0, axis=1)]
    return offsets.astype(np.int32)


# ---- src/numba_morph/_watershed.py ----
import numpy as np
from numba import jit, njit, prange
from heapq import heappush, heappop
from numba.typed import List

def _heapify_markers_2d(markers, image):
    coords = np.argwhere(markers != 0).astype(np.uint32)
    ncoords = coords.shape[0]
    if ncoords > 0:
        pixels = image[markers != 0]
        age = np.arange(ncoords, dtype=np.uint32)
        pq = [(pixels[i], age[i], coords[i, 0], coords[i, 1])
              for i in range(ncoords)]
        ordering = np.lexsort((age, pixels))
        pq = [pq[i] for i in ordering]
    else:
        pq = np.zeros((0, markers.ndim + 3), int)
    return (pq, ncoords)

def _heapify_markers_3d(markers, image):
    coords = np.argwhere(markers != 0).astype(np.uint32)
    ncoords = coords.shape[0]
    if ncoords > 0:
        pixels = image[markers != 0]
        age = np.arange(ncoords, dtype=np.uint32)
        pq = [(pixels[i], age[i], coords[i, 0], coords[i, 1], coords[i, 2])
              for i in range(ncoords)]
        ordering = np.lexsort((age, pixels))
        pq = [pq[i] for i in ordering]
    else:
        pq = np.zeros((0, markers.ndim + 3), int)
    return (pq, ncoords)


@njit(cache=True)
def _watershed_loop_2d(pq, labels, offsets, mask, image, age):
    H, W = labels.shape
    n_offs = offsets.shape[0] if offsets is not None else 0
    while len(pq):
        pix_value, pix_age, x, y = heappop(pq)   # age not needed after pop
        label = labels[x, y]
        for idx in range(n_offs):
            dx = offsets[idx, 0]
            dy = offsets[idx, 1]
            nx = x + dx
            ny = y + dy
            if nx < 0 or nx >= H or ny < 0 or ny >= W:
                continue
            if labels[nx, ny] != 0:
                continue
            if mask is not None and not mask[nx, ny]:
                continue
            labels[nx, ny] = label
            heappush(pq, (image[nx, ny], np.uint32(age), np.uint32(nx), np.uint32(ny)))
            age += 1
    return labels, age


def _watershed_2d_single(image, markers, mask, offsets):
    """2D watershed, modifies markers in-place."""
    pq, age = _heapify_markers_2d(markers, image)
    _watershed_loop_2d(pq, markers, offsets, mask, image, age)



@njit(cache=True)
def _watershed_loop_3d(pq, labels, offsets, mask, image, age):
    D, H, W = labels.shape
    n_offs = offsets.shape[0] if offsets is not None else 0
    while len(pq) > 0:
        pix_value, pix_age, d, h, w = heappop(pq)
        label = labels[d, h, w]
        for idx in range(n_offs):
            dd = offsets[idx, 0]
            dh = offsets[idx, 1]
            dw = offsets[idx, 2]
            nd = d + dd
            nh = h + dh
            nw = w + dw
            if nd < 0 or nd >= D or nh < 0 or nh >= H or nw < 0 or nw >= W:
                continue
            if labels[nd, nh, nw] != 0:
                continue
            if mask is not None and not mask[nd, nh, nw]:
                continue
            labels[nd, nh, nw] = label
            heappush(pq, (image[nd, nh, nw], np.uint32(age), np.uint32(nd), np.uint32(nh), np.uint32(nw)))
            age += 1
    return labels, age


def _watershed_3d_single(image, markers, mask, offsets):
    pq, age = _heapify_markers_3d(markers, image)
    _watershed_loop_3d(pq, markers, offsets, mask, image, age)


# ----------------------------------------------------------------------
# Batched versions (parallel over first dimension)
# ----------------------------------------------------------------------

def build_all_pqs_2d(markers, image):
    """Build all initial heaps for a 2D batch.

    Returns:
        all_pqs: numba.typed.List of heaps (each heap is a list of tuples)
        all_ages: numba.typed.List of starting ages (one per batch slice)
    """
    L = markers.shape[0]
    all_pqs = List()
    all_ages = List()
    for l in range(L):
        pq, age = _heapify_markers_2d(markers[l], image[l])  # pure Python
        all_pqs.append(pq)  # Numba will convert to a typed list of tuples
        all_ages.append(age)
    return all_pqs, all_ages


def build_all_pqs_3d(markers, image):
    L = markers.shape[0]
    all_pqs = List()
    all_ages = List()
    for l in range(L):
        pq, age = _heapify_markers_3d(markers[l], image[l])
        all_pqs.append(pq)
        all_ages.append(age)
    return all_pqs, all_ages

@njit(parallel=True, cache=True)
def _watershed_2d_batch_parallel(image, markers, mask, offsets, all_pqs, all_ages):
    L = image.shape[0]
    for l in prange(L):
        pq = all_pqs[l]
        age = all_ages[l]
        img_slice = image[l]
        mk_slice = markers[l]
        mask_slice = mask[l] if mask is not None else None
        # The loop modifies mk_slice in‑place; we ignore the returned age
        _watershed_loop_2d(pq, mk_slice, offsets, mask_slice, img_slice, age)

@njit(parallel=True, cache=True)
def _watershed_3d_batch_parallel(image, markers, mask, offsets, all_pqs, all_ages):
    L = image.shape[0]
    for l in prange(L):
        pq = all_pqs[l]
        age = all_ages[l]
        img_slice = image[l]
        mk_slice = markers[l]
        mask_slice = mask[l] if mask is not None else None
        _watershed_loop_3d(pq, mk_slice, offsets, mask_slice, img_slice, age)


def _marker_controlled_watershed(image, markers, working_dim, mask=None, offsets=None, batch=False):
    if batch:
        if working_dim == 2:
            all_pqs, all_ages = build_all_pqs_2d(markers, image)
            _watershed_2d_batch_parallel(image, markers, mask, offsets, all_pqs, all_ages)
        elif working_dim == 3:
            all_pqs, all_ages = build_all_pqs_3d(markers, image)
            _watershed_3d_batch_parallel(image, markers, mask, offsets, all_pqs, all_ages)
    else:
        if working_dim == 2:
            _watershed_2d_single(image, markers, mask, offsets)
        elif working_dim == 3:
            _watershed_3d_single(image, markers, mask, offsets)
    return markers


# ---- src/numba_morph/_chamfer.py ----
import numpy as np
from numba import njit, prange


def _generate_offsets(weights):
    """
    Generate causal and anti-causal offsets for Chamfer masks.
    weights : tuple of ints
        For 2D: (face_weight, edge_weight)
        For 3D: (face_weight, edge_weight, corner_weight)
    Returns two arrays of shape (N, ndim+1) with columns [offset_0, ..., offset_{ndim-1}, weight].
    """
    ndim = len(weights)
    causal = []
    anti_causal = []

    if ndim == 2:
        # 2D offsets: (dy, dx)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if dy == 0 and dx == 0:
                    continue
                manhattan = abs(dy) + abs(dx)
                if manhattan > ndim:          # max Manhattan distance is 2
                    continue
                w = weights[manhattan - 1]
                # causal: first non‑zero component is negative
                if dy < 0 or (dy == 0 and dx < 0):
                    causal.append((dy, dx, w))
                if dy > 0 or (dy == 0 and dx > 0):
                    anti_causal.append((dy, dx, w))

    elif ndim == 3:
        # 3D offsets: (dz, dy, dx)
        for dz in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dz == 0 and dy == 0 and dx == 0:
                        continue
                    manhattan = abs(dz) + abs(dy) + abs(dx)
                    if manhattan > ndim:       # max Manhattan distance is 3
                        continue
                    w = weights[manhattan - 1]
                    if dz < 0 or (dz == 0 and dy < 0) or (dz == 0 and dy == 0 and dx < 0):
                        causal.append((dz, dy, dx, w))
                    if dz > 0 or (dz == 0 and dy > 0) or (dz == 0 and dy == 0 and dx > 0):
                        anti_causal.append((dz, dy, dx, w))
    else:
        raise ValueError("Only 2D or 3D are supported")

    return np.array(causal, dtype=np.int32), np.array(anti_causal, dtype=np.int32)


@njit(cache=True)
def _apply_pass_2d(input, offsets,
                   y_start, y_end, y_step,
                   x_start, x_end, x_step,
                   H, W, max_val):
    changed = False
    for y in range(y_start, y_end, y_step):
        for x in range(x_start, x_end, x_step):
            if input[y, x] == 0:
                continue
            cur = input[y, x]
            new_val = cur
            for dy, dx, w in offsets:
                ny = y + dy
                nx = x + dx
                if 0 <= ny < H and 0 <= nx < W:
                    neigh = input[ny, nx]
                    if neigh != max_val:
                        cand = neigh + w
                        if cand < new_val:
                            new_val = cand
            if new_val < cur:
                input[y, x] = new_val
                changed = True
    return changed


@njit(parallel=True, cache=True)
def _apply_pass_2d_batch(input, offsets,
                         y_start, y_end, y_step,
                         x_start, x_end, x_step,
                         L, H, W, max_val):
    changed = 0
    for l in prange(L):
        for y in range(y_start, y_end, y_step):
            for x in range(x_start, x_end, x_step):
                if input[l, y, x] == 0:
                    continue
                cur = input[l, y, x]
                new_val = cur
                for dy, dx, w in offsets:
                    ny = y + dy
                    nx = x + dx
                    if 0 <= ny < H and 0 <= nx < W:
                        neigh = input[l, ny, nx]
                        if neigh != max_val:
                            cand = neigh + w
                            if cand < new_val:
                                new_val = cand
                if new_val < cur:
                    input[l, y, x] = new_val
                    changed += 1
    return True if changed > 0 else False


@njit(cache=True)
def _apply_pass_3d(input, offsets,
                   z_start, z_end, z_step,
                   y_start, y_end, y_step,
                   x_start, x_end, x_step,
                   D, H, W, max_val):
    changed = False
    for z in range(z_start, z_end, z_step):
        for y in range(y_start, y_end, y_step):
            for x in range(x_start, x_end, x_step):
                if input[z, y, x] == 0:
                    continue
                cur = input[z, y, x]
                new_val = cur
                for dz, dy, dx, w in offsets:
                    nz = z + dz
                    ny = y + dy
                    nx = x + dx
                    if 0 <= nz < D and 0 <= ny < H and 0 <= nx < W:
                        neigh = input[nz, ny, nx]
                        if neigh != max_val:
                            cand = neigh + w
                            if cand < new_val:
                                new_val = cand
                if new_val < cur:
                    input[z, y, x] = new_val
                    changed = True
    return changed


@njit(parallel=True, cache=True)
def _apply_pass_3d_batch(input, offsets,
                         z_start, z_end, z_step,
                         y_start, y_end, y_step,
                         x_start, x_end, x_step,
                         L, D, H, W, max_val):
    changed = 0
    for l in prange(L):
        for z in range(z_start, z_end, z_step):
            for y in range(y_start, y_end, y_step):
                for x in range(x_start, x_end, x_step):
                    if input[l, z, y, x] == 0:
                        continue
                    cur = input[l, z, y, x]
                    new_val = cur
                    for dz, dy, dx, w in offsets:
                        nz = z + dz
                        ny = y + dy
                        nx = x + dx
                        if 0 <= nz < D and 0 <= ny < H and 0 <= nx < W:
                            neigh = input[l, nz, ny, nx]
                            if neigh != max_val:
                                cand = neigh + w
                                if cand < new_val:
                                    new_val = cand
                    if new_val < cur:
                        input[l, z, y, x] = new_val
                        changed += 1
    return True if changed > 0 else False


'''@njit(parallel=True, fastmath=True, cache=True)
def _chamfer_2d_chunk(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim):
    H, W = input.shape
    chunk_size = (size_of_largest_dim // num_bands) + 1

    for it in range(size_of_largest_dim):
        changed = np.zeros(num_bands, dtype=np.bool_)

        for band in prange(num_bands):
            start = band * chunk_size
            end = min(start + chunk_size, size_of_largest_dim)

            # forward pass
            if _apply_pass_2d(input, causal,
                              start, end, 1,  # y: start -> end-1
                              0, W, 1,  # x: 0 -> W-1
                              H, W, max_val):
                changed[band] = True

            # backward pass
            if _apply_pass_2d(input, anti_causal,
                             end - 1, start - 1, -1,  # y: end-1 down to start
                             W - 1, -1, -1,  # x: W-1 down to 0
                              H, W, max_val):
                changed[band] = True

        if not np.any(changed):
            break


@njit(parallel=True, fastmath=True, cache=True)
def _chamfer_2d_chunk_batch(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim):
    L, H, W = input.shape
    chunk_size = (size_of_largest_dim // num_bands) + 1

    for it in range(size_of_largest_dim):
        changed = np.zeros(num_bands, dtype=np.bool_)

        for band in prange(num_bands):
            start = band * chunk_size
            end = min(start + chunk_size, size_of_largest_dim)

            # forward pass
            if _apply_pass_2d_batch(input, causal,
                                    start, end, 1,  # y: start -> end-1
                                    0, W, 1,  # x: 0 -> W-1
                                    L, H, W, max_val):
                changed[band] = True

            # backward pass
            if _apply_pass_2d_batch(input, anti_causal,
                                    end - 1, start - 1, -1,  # y: end-1 down to start
                                    W - 1, -1, -1,  # x: W-1 down to 0
                                    L, H, W, max_val):
                changed[band] = True

        if not np.any(changed):
            break


@njit(parallel=True, fastmath=True, cache=True)
def _chamfer_3d_chunk(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim):

    D, H, W = input.shape
    chunk_size = (size_of_largest_dim // num_bands) + 1

    for it in range(size_of_largest_dim):
        changed = np.zeros(num_bands, dtype=np.bool_)

        for band in prange(num_bands):
            start = band * chunk_size
            end = min(start + chunk_size, size_of_largest_dim)

            # forward pass
            if _apply_pass_3d(input, causal,
                              start, end, 1,  # y: start -> end-1
                              0, H, 1,
                              0, W, 1,  # x: 0 -> W-1
                              D, H, W, max_val):
                changed[band] = True

            # backward pass
            if _apply_pass_3d(input, anti_causal,
                              end - 1, start - 1, -1,  # y: end-1 down to start
                              H - 1, -1, -1,
                              W - 1, -1, -1,  # x: W-1 down to 0
                              D, H, W, max_val):
                changed[band] = True

        if not np.any(changed):
            break


@njit(parallel=True, fastmath=True, cache=True)
def _chamfer_3d_chunk_batch(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim):
    L, D, H, W = input.shape
    chunk_size = (size_of_largest_dim // num_bands) + 1

    for it in range(size_of_largest_dim):
        changed = np.zeros(num_bands, dtype=np.bool_)

        for band in prange(num_bands):
            start = band * chunk_size
            end = min(start + chunk_size, size_of_largest_dim)

            # forward pass
            if _apply_pass_3d_batch(input, causal,
                                    start, end, 1,
                                    0, H, 1,
                                    0, W, 1,  # x: 0 -> W-1
                                    L, D, H, W, max_val):
                changed[band] = True

            # backward pass
            if _apply_pass_3d_batch(input, anti_causal,
                                    end - 1, start - 1, -1,
                                    H - 1, -1, -1,
                                    W - 1, -1, -1,  # x: W-1 down to 0
                                    L, D, H, W, max_val):
                changed[band] = True

        if not np.any(changed):
            break'''


'''def reorder_offset_list(offset_list, spatial_perm):
    new_list = []
    for item in offset_list:
        spatial_offsets = item[:-1]  # all but the last element (weight)
        weight = item[-1]
        # Reorder spatial offsets according to spatial_perm
        new_spatial = tuple(spatial_offsets[i] for i in spatial_perm)
        new_list.append((*new_spatial, weight))
    return new_list'''


def _make_ranges(shape):
    """Return (fwd_ranges, bwd_ranges) for a given spatial shape."""
    fwd = tuple((0, d, 1) for d in shape)
    bwd = tuple((d - 1, -1, -1) for d in shape)
    return fwd, bwd


# ---------- Dispatcher for a single forward/backward pass ----------
def _run_pass(input, causal, anti_causal, ranges_fwd, ranges_bwd, ndim, batch, max_val):
    """
    Call the appropriate _apply_pass_* function with the given ranges.
    'ranges_fwd' and 'ranges_bwd' are tuples of (start, end, step) per axis.
    """
    if ndim == 2:
        if batch:
            func = _apply_pass_2d_batch
            # ranges: (y_range, x_range)
            (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_fwd
            func(input, causal, y_s, y_e, y_st, x_s, x_e, x_st, input.shape[0], input.shape[1], input.shape[2], max_val)
            (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_bwd
            func(input, anti_causal, y_s, y_e, y_st, x_s, x_e, x_st, input.shape[0], input.shape[1], input.shape[2], max_val)
        else:
            func = _apply_pass_2d
            (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_fwd
            func(input, causal, y_s, y_e, y_st, x_s, x_e, x_st, input.shape[0], input.shape[1], max_val)
            (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_bwd
            func(input, anti_causal, y_s, y_e, y_st, x_s, x_e, x_st, input.shape[0], input.shape[1], max_val)
    else:  # ndim == 3
        if batch:
            func = _apply_pass_3d_batch
            (z_s, z_e, z_st), (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_fwd
            func(input, causal, z_s, z_e, z_st, y_s, y_e, y_st, x_s, x_e, x_st,
                 input.shape[0], input.shape[1], input.shape[2], input.shape[3], max_val)
            (z_s, z_e, z_st), (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_bwd
            func(input, anti_causal, z_s, z_e, z_st, y_s, y_e, y_st, x_s, x_e, x_st,
                 input.shape[0], input.shape[1], input.shape[2], input.shape[3], max_val)
        else:
            func = _apply_pass_3d
            (z_s, z_e, z_st), (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_fwd
            func(input, causal, z_s, z_e, z_st, y_s, y_e, y_st, x_s, x_e, x_st,
                 input.shape[0], input.shape[1], input.shape[2], max_val)
            (z_s, z_e, z_st), (y_s, y_e, y_st), (x_s, x_e, x_st) = ranges_bwd
            func(input, anti_causal, z_s, z_e, z_st, y_s, y_e, y_st, x_s, x_e, x_st,
                 input.shape[0], input.shape[1], input.shape[2], max_val)


'''def _run_chunked(input, max_val, num_bands, causal, anti_causal, ndim, batch, size_of_largest_dim):
    """Call the appropriate _chamfer_*_chunk* function."""
    if ndim == 2:
        if batch:
            _chamfer_2d_chunk_batch(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim)
        else:
            _chamfer_2d_chunk(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim)
    else:  # ndim == 3
        if batch:
            _chamfer_3d_chunk_batch(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim)
        else:
            _chamfer_3d_chunk(input, max_val, num_bands, causal, anti_causal, size_of_largest_dim)'''


# ---------- Helper: permute for chunking ----------
'''def _permute_for_chunk(input, causal, anti_causal, working_dim, chunk_dim, batch):
    """
    Transpose the input so that the chunked axis becomes the first spatial axis,
    and reorder the offsets accordingly. Returns (transposed_input, new_causal, new_anti_causal, perm, inv_perm).
    """
    spatial_index = working_dim + chunk_dim          # absolute axis (0-based among spatial)
    if batch:
        total_axes = working_dim + 1
        abs_chunk_axis = spatial_index + 1           # batch is axis 0
        perm = [0, abs_chunk_axis] + [i for i in range(1, total_axes) if i != abs_chunk_axis]
        spatial_perm = [i - 1 for i in perm[1:]]     # spatial order after permutation
    else:
        perm = [spatial_index] + [i for i in range(working_dim) if i != spatial_index]
        spatial_perm = perm

    new_causal = reorder_offset_list(causal, spatial_perm)
    new_anti_causal = reorder_offset_list(anti_causal, spatial_perm)
    return np.transpose(input, perm), new_causal, new_anti_causal, perm, np.argsort(perm)'''


def _chamfer(input, max_val, causal, anti_causal, working_dim, batch):
    '''if chunk:
        # Move the chunked axis to the front (after batch if present)
        input, causal, anti_causal, perm, inv_perm = _permute_for_chunk(
            input, causal, anti_causal, working_dim, chunk_dim, batch
        )
        # Run the chunked algorithm (the chunk function assumes the first spatial axis is the chunked one)
        _run_chunked(input, max_val, num_bands, causal, anti_causal, working_dim, batch, size_of_largest_dim)
        # Restore original axis order
        input = np.transpose(input, inv_perm)
    else:'''
    # No chunking: simply run one forward and one backward pass over all axes
    shape = input.shape[1:] if batch else input.shape   # spatial shape
    fwd_ranges, bwd_ranges = _make_ranges(shape)
    _run_pass(input, causal, anti_causal, fwd_ranges, bwd_ranges, working_dim, batch, max_val)

    return input


# ---- harness (not part of the program) ----
ENTRY = "segment_and_measure"

_FOOT8 = np.ones((3, 3), dtype=bool)
_FOOT6 = np.array([[[0, 0, 0], [0, 1, 0], [0, 0, 0]],
                   [[0, 1, 0], [1, 1, 1], [0, 1, 0]],
                   [[0, 0, 0], [0, 1, 0], [0, 0, 0]]], dtype=bool)


def _cdt(binary, weights):
    # distance_transform_cdt's preparation (cdt.py), without its reshaping
    causal, anti_causal = _generate_offsets(weights)
    dtype = np.uint16
    output = binary.astype(dtype, copy=True)
    max_val = np.iinfo(dtype).max
    output[output > 0] = max_val
    batch = output.ndim > len(weights)
    return _chamfer(output, max_val, causal, anti_causal, len(weights), batch)


def segment_and_measure(image2d, markers2d, mask2d, volume, markers3d, batch_img, batch_markers,
                        discs, ball):
    off2 = _get_offsets(_FOOT8)
    off3 = _get_offsets(_FOOT6)
    ws = _marker_controlled_watershed(image2d, markers2d.copy(), 2, offsets=off2)
    ws_mask = _marker_controlled_watershed(image2d, markers2d.copy(), 2, mask=mask2d, offsets=off2)
    ws3 = _marker_controlled_watershed(volume, markers3d.copy(), 3, offsets=off3)
    ws_b = _marker_controlled_watershed(batch_img, batch_markers.copy(), 2, offsets=off2, batch=True)
    d2 = _cdt(discs[0], (3, 4))
    d2b = _cdt(discs, (3, 4))
    d3 = _cdt(ball, (3, 4, 5))
    return (off2, off3, ws, ws_mask, ws3, ws_b, d2, d2b, d3)


def _basins(shape, centres, rng):
    grids = np.indices(shape).astype(np.float64)
    img = np.zeros(shape)
    for c in centres:
        r2 = sum((g - ci) ** 2 for g, ci in zip(grids, c))
        img -= np.exp(-r2 / (2.0 * (0.22 * min(shape)) ** 2))
    return img + 0.01 * rng.random(shape)


def inputs():
    rng = np.random.default_rng(0)
    centres = [(5, 6), (14, 20), (20, 5)]
    image2d = _basins((24, 28), centres, rng)
    markers2d = np.zeros((24, 28), dtype=np.int32)
    for k, (r, c) in enumerate(centres):
        markers2d[r, c] = k + 1
    yy, xx = np.indices((24, 28))
    mask2d = (yy - 12) ** 2 + (xx - 14) ** 2 < 12 ** 2
    c3 = [(3, 4, 4), (8, 10, 11)]
    volume = _basins((12, 14, 15), c3, rng)
    markers3d = np.zeros((12, 14, 15), dtype=np.int32)
    markers3d[3, 4, 4] = 1
    markers3d[8, 10, 11] = 2
    batch_img = np.stack([_basins((16, 18), [(4, 4), (11, 13)], rng),
                          _basins((16, 18), [(3, 14), (12, 3), (8, 9)], rng)])
    batch_markers = np.zeros((2, 16, 18), dtype=np.int32)
    batch_markers[0, 4, 4], batch_markers[0, 11, 13] = 1, 2
    batch_markers[1, 3, 14], batch_markers[1, 12, 3], batch_markers[1, 8, 9] = 1, 2, 3
    discs = np.zeros((2, 20, 22), dtype=np.uint8)
    discs[0][(yy[:20, :22] - 9) ** 2 + (xx[:20, :22] - 8) ** 2 < 36] = 1
    discs[0][(yy[:20, :22] - 12) ** 2 + (xx[:20, :22] - 15) ** 2 < 30] = 1
    discs[1][3:17, 4:19] = 1
    zz, y3, x3 = np.indices((11, 12, 13))
    ball = ((zz - 5) ** 2 + (y3 - 6) ** 2 + (x3 - 6) ** 2 < 20).astype(np.uint8)
    return (image2d, markers2d, mask2d, volume, markers3d, batch_img, batch_markers, discs, ball)
