# Source: SWeav02/baderkit src/baderkit/core/utilities/basic.py (at commit 00654147), src/baderkit/core/bader/methods/shared_numba.py (at commit 04cc5864), src/baderkit/core/bader/methods/ongrid/ongrid_numba.py (at commit 05bf989c)
# Licence: BSD-3-Clause (baderkit, pyproject.toml license = {text = "BSD 3-Clause License"}; author Sam M. Weaver)
# Notes: the grid kernels behind BaderKit's on-grid Bader charge partitioning of periodic 3-D densities. From utilities/basic.py: periodic wrap helpers returning 3- and 6-tuples (inline="always"), flat/3-D index conversions (fastmath), get_norm with **(1/2), dist unpacking two 3-vectors, the central-difference Cartesian gradient with % wrap-around, merge_frac_coords and merge_frac_coords_weighted (builtin round(x) and round(x, 12), `ref_coord = None` tested with `is None`, an in-place `values /= values.sum()`, zip over rows with tuple unpacking), mutiple_dists (parallel=True plus inline="always") and get_ongrid_gradient_cart; the plain-Python get_lowest_uint/int helpers are kept, and get_transforms_in_radius is left out (it builds np.array from a list of tuples, which the Numba this corpus is checked with does not compile). From shared_numba.py: get_best_neighbor and get_best_neighbor_with_shift (zip over transform rows unpacked as (si, sj, sk), a defaulted use_minima flag, tuples of small np.array results with int64 and int8 dtypes), get_edges, the module-level IMAGE_TO_INT/INT_TO_IMAGE tables built with itertools.product and read as global arrays, get_edges_w_images, get_differing_neighs, get_basin_edges, get_neighboring_basin_surface_area, get_basin_charges_and_volumes and get_extrema; the saddle-connection functions (one uses np.bool, absent from the NumPy this corpus is checked with), initialize_labels_from_extrema and the later functions, which need the package's union-find and interpolation modules, are left out, as are their imports. From ongrid_numba.py: get_steepest_pointers (prange over a 3-D grid, keyword calls of an inline helper, `_, (x, y, z), shift = ...` nested unpacking of a returned tuple, a row store shifts[flat_idx] = shift). The package imports between these files are dropped since all names now live in one module. The harness builds a periodic 14 x 12 x 10 density with three Gaussian peaks (one straddling the cell edge) and a vacuum region, the 26-neighbour transforms, runs get_extrema, the steepest-ascent pointers, follows pointers to basin labels and periodic images in NumPy, and feeds those to the edge, surface-area and charge/volume kernels and the small helpers
# -*- coding: utf-8 -*-
import math
import itertools

import numpy as np
from numba import njit, prange
from numpy.typing import NDArray


# ---- src/baderkit/core/utilities/basic.py ----
def get_lowest_uint(max_value):
    for dtype in (np.uint8, np.uint16, np.uint32, np.uint64):
        if np.iinfo(dtype).max > max_value:
            break
    return dtype

def get_lowest_int(max_value):
    for dtype in (np.int8, np.int16, np.int32, np.int64):
        if np.iinfo(dtype).max > max_value:
            break
    return dtype

@njit(cache=True)
def get_norm(i,j,k):
    return (i**2 + j**2 + k**2)**(1/2)

@njit(cache=True, inline="always")
def dist(p1, p2):
    x, y, z = p1
    x1, y1, z1 = p2
    return get_norm(x1-x, y1-y, z1-z)

@njit(cache=True)
def get_gradient_cart(i, j, k, data, dir2car):
    # dir2car = np.linalg.inv(row_matrix).T
    nx, ny, nz = data.shape
    
    c000 = data[i,j,k]
    c100 = data[(i + 1) % nx,j,k]
    c_100 = data[(i - 1) % nx,j,k]
    c010 = data[i,(j + 1) % ny,k]
    c0_10 = data[i,(j - 1) % ny,k]
    c001 = data[i,j,(k + 1) % nz]
    c00_1 = data[i,j,(k - 1) % nz]

    # central differences in voxel coordinates
    gi = (c100 - c_100) / (2.0)
    gj = (c010 - c0_10) / (2.0)
    gk = (c001 - c00_1) / (2.0)

    # optional extrema clamping
    if c100 <= c000 and c_100 <= c000:
        gi = 0.0
    if c010 <= c000 and c0_10 <= c000:
        gj = 0.0
    if c001 <= c000 and c00_1 <= c000:
        gk = 0.0

    # convert to fractional-coordinate gradient
    gi *= nx
    gj *= ny
    gk *= nz

    # convert to Cartesian gradient
    gx = dir2car[0, 0] * gi + dir2car[0, 1] * gj + dir2car[0, 2] * gk
    gy = dir2car[1, 0] * gi + dir2car[1, 1] * gj + dir2car[1, 2] * gk
    gz = dir2car[2, 0] * gi + dir2car[2, 1] * gj + dir2car[2, 2] * gk

    return gx, gy, gz


@njit(cache=True, parallel=True, inline="always")
def mutiple_dists(p1s, p2s):
    dists = np.empty(len(p1s), dtype=np.float64)
    for idx in prange(len(p1s)):
        dists[idx] = dist(p1s[idx], p2s[idx])
    return dists

@njit(cache=True, inline="always")
def wrap_point(
    i: np.int64, j: np.int64, k: np.int64, nx: np.int64, ny: np.int64, nz: np.int64
) -> tuple[np.int64, np.int64, np.int64]:
    """
    Wraps a 3D point (i, j, k) into the periodic bounds defined by the grid dimensions (nx, ny, nz).

    If any of the input coordinates are outside the bounds [0, nx), [0, ny), or [0, nz),
    they are wrapped around using periodic boundary conditions.

    Parameters
    ----------
    i : np.int64
        x-index of the point.
    j : np.int64
        y-index of the point.
    k : np.int64
        z-index of the point.
    nx : np.int64
        Number of grid points along x-direction.
    ny : np.int64
        Number of grid points along y-direction.
    nz : np.int64
        Number of grid points along z-direction.

    Returns
    -------
    tuple[np.int64, np.int64, np.int64]
        The wrapped (i, j, k) indices within the bounds.
    """
    if i >= nx:
        i -= nx
    elif i < 0:
        i += nx
    if j >= ny:
        j -= ny
    elif j < 0:
        j += ny
    if k >= nz:
        k -= nz
    elif k < 0:
        k += nz
    return i, j, k


@njit(inline="always", cache=True)
def wrap_point_w_shift(i, j, k, nx, ny, nz):

    si, sj, sk = (0, 0, 0)
    if i >= nx:
        i -= nx
        si = 1
    elif i < 0:
        i += nx
        si = -1
    if j >= ny:
        j -= ny
        sj = 1
    elif j < 0:
        j += ny
        sj = -1
    if k >= nz:
        k -= nz
        sk = 1
    elif k < 0:
        k += nz
        sk = -1
    return i, j, k, si, sj, sk


@njit(fastmath=True, cache=True)
def flat_to_coords(idx, ny_nz, nz):
    i = idx // (ny_nz)
    j = (idx % (ny_nz)) // nz
    k = idx % nz
    return i, j, k


@njit(fastmath=True, cache=True)
def coords_to_flat(i, j, k, ny_nz, nz):
    return i * (ny_nz) + j * nz + k


@njit(fastmath=True, cache=True)
def merge_frac_coords(
    frac_coords,
):

    # We'll accumulate (unwrapped) coordinates into total
    total0 = 0.0
    total1 = 0.0
    total2 = 0.0
    count = 0

    # reference coord used for unwrapping
    ref0 = 0.0
    ref1 = 0.0
    ref2 = 0.0
    ref_set = False

    # scan all maxima and pick those that belong to this target_group
    for c0, c1, c2 in frac_coords:

        # first seen -> set reference for unwrapping
        if not ref_set:
            ref0, ref1, ref2 = c0, c1, c2
            ref_set = True

        # unwrap coordinate relative to reference: unwrapped = coord - round(coord - ref)
        # Using np.round via float -> use built-in round for numba compatibility
        # but call round(x) (returns float)
        un0 = c0 - round(c0 - ref0)
        un1 = c1 - round(c1 - ref1)
        un2 = c2 - round(c2 - ref2)

        # add to total
        total0 += un0
        total1 += un1
        total2 += un2
        count += 1

    if count == 1:
        # return original point wrapped to [0,1)
        return np.array((ref0 % 1.0, ref1 % 1.0, ref2 % 1.0), dtype=np.float64)

    else:
        # return average of points (round for floating point error)
        avg0 = round(total0 / count, 12) % 1.0
        avg1 = round(total1 / count, 12) % 1.0
        avg2 = round(total2 / count, 12) % 1.0
        return np.array((avg0, avg1, avg2), dtype=np.float64)


@njit(fastmath=True, cache=True)
def merge_frac_coords_weighted(
    frac_coords,
    values,
    ref_coord = None,
    wrap = True,
):
    # normalize values
    values /= values.sum()

    # We'll accumulate (unwrapped) coordinates into total
    total0 = 0.0
    total1 = 0.0
    total2 = 0.0

    # reference coord used for unwrapping
    if ref_coord is None:
        ref0 = 0.0
        ref1 = 0.0
        ref2 = 0.0
        ref_set = False
    else:
        ref0 = ref_coord[0]
        ref1 = ref_coord[1]
        ref2 = ref_coord[2]
        ref_set = True

    # scan all maxima and pick those that belong to this target_group
    for (c0, c1, c2), weight in zip(frac_coords, values):

        # first seen -> set reference for unwrapping
        if not ref_set:
            ref0, ref1, ref2 = c0, c1, c2
            ref_set = True

        # unwrap coordinate relative to reference: unwrapped = coord - round(coord - ref)
        # Using np.round via float -> use built-in round for numba compatibility
        # but call round(x) (returns float)
        un0 = c0 - round(c0 - ref0)
        un1 = c1 - round(c1 - ref1)
        un2 = c2 - round(c2 - ref2)

        # add to total
        total0 += un0 * weight
        total1 += un1 * weight
        total2 += un2 * weight

    if wrap:
        return np.array((total0 % 1.0, total1 % 1.0, total2 % 1.0), dtype=np.float64)
    else:
        return np.array((total0, total1, total2), dtype=np.float64)


@njit(cache=True)
def get_ongrid_gradient_cart(i, j, k, data, dir2car):
    nx, ny, nz = data.shape
    
    c000 = data[i,j,k]
    c100 = data[(i + 1) % nx,j,k]
    c_100 = data[(i - 1) % nx,j,k]
    c010 = data[i,(j + 1) % ny,k]
    c0_10 = data[i,(j - 1) % ny,k]
    c001 = data[i,j,(k + 1) % nz]
    c00_1 = data[i,j,(k - 1) % nz]

    # central differences in voxel coordinates
    gi = (c100 - c_100) / (2.0)
    gj = (c010 - c0_10) / (2.0)
    gk = (c001 - c00_1) / (2.0)

    # optional extrema clamping
    if c100 <= c000 and c_100 <= c000:
        gi = 0.0
    if c010 <= c000 and c0_10 <= c000:
        gj = 0.0
    if c001 <= c000 and c00_1 <= c000:
        gk = 0.0

    # convert to fractional-coordinate gradient
    gi *= nx
    gj *= ny
    gk *= nz

    # convert to Cartesian gradient
    gx = dir2car[0, 0] * gi + dir2car[0, 1] * gj + dir2car[0, 2] * gk
    gy = dir2car[1, 0] * gi + dir2car[1, 1] * gj + dir2car[1, 2] * gk
    gz = dir2car[2, 0] * gi + dir2car[2, 1] * gj + dir2car[2, 2] * gk

    return gx, gy, gz


# ---- src/baderkit/core/bader/methods/shared_numba.py ----
###############################################################################
# General methods
###############################################################################


@njit(cache=True, inline="always")
def get_best_neighbor(
    data: NDArray[np.float64],
    i: np.int64,
    j: np.int64,
    k: np.int64,
    neighbor_transforms: NDArray[np.int64],
    neighbor_dists: NDArray[np.int64],
    use_minima: bool = False,
):
    """
    For a given coordinate (i,j,k) in a grid (data), finds the neighbor with
    the largest gradient.

    Parameters
    ----------
    data : NDArray[np.float64]
        The data for each voxel.
    i : np.int64
        First coordinate
    j : np.int64
        Second coordinate
    k : np.int64
        Third coordinate
    neighbor_transforms : NDArray[np.int64]
        Transformations to apply to get to the voxels neighbors
    neighbor_dists : NDArray[np.int64]
        The distance to each voxels neighbor
    use_min : bool
        Whether or not to search for the lowest neighbor rather than the highest

    Returns
    -------
    best_transform : NDArray[np.int64]
        The transformation to the best neighbor
    best_neigh : NDArray[np.int64]
        The coordinates of the best neigbhor

    """
    nx, ny, nz = data.shape
    # get the value at this point
    base = data[i, j, k]
    # create a tracker for the best increase in value
    best = 0.0
    # create initial best transform. Default to this point
    bti = 0
    btj = 0
    btk = 0
    # create initial best neighbor
    bni = i
    bnj = j
    bnk = k
    # For each neighbor get the difference in value and if its better
    # than any previous, replace the current best
    for (si, sj, sk), dist in zip(neighbor_transforms, neighbor_dists):
        # loop
        ii, jj, kk = wrap_point(i + si, j + sj, k + sk, nx, ny, nz)
        # calculate the difference in value taking into account distance
        if use_minima:
            diff = (base - data[ii, jj, kk]) / dist
        else:
            diff = (data[ii, jj, kk] - base) / dist
        # if better than the current best, note the best and the
        # current label
        if diff > best:
            best = diff
            bti = si
            btj = sj
            btk = sk
            bni = ii
            bnj = jj
            bnk = kk

    # return the best shift and neighbor
    return (
        np.array((bti, btj, btk), dtype=np.int64),
        np.array((bni, bnj, bnk), dtype=np.int64),
    )

@njit(cache=True, inline="always")
def get_best_neighbor_with_shift(
    data: NDArray[np.float64],
    i: np.int64,
    j: np.int64,
    k: np.int64,
    neighbor_transforms: NDArray[np.int64],
    neighbor_dists: NDArray[np.int64],
    use_minima: bool = False,
):
    """
    For a given coordinate (i,j,k) in a grid (data), finds the neighbor with
    the largest gradient.

    Parameters
    ----------
    data : NDArray[np.float64]
        The data for each voxel.
    i : np.int64
        First coordinate
    j : np.int64
        Second coordinate
    k : np.int64
        Third coordinate
    neighbor_transforms : NDArray[np.int64]
        Transformations to apply to get to the voxels neighbors
    neighbor_dists : NDArray[np.int64]
        The distance to each voxels neighbor

    Returns
    -------
    best_transform : NDArray[np.int64]
        The transformation to the best neighbor
    best_neigh : NDArray[np.int64]
        The coordinates of the best neigbhor

    """
    nx, ny, nz = data.shape
    # get the value at this point
    base = data[i, j, k]
    # create a tracker for the best increase in value
    best = 0.0
    # create initial best transform. Default to this point
    bti = 0
    btj = 0
    btk = 0
    # create initial best neighbor
    bni = i
    bnj = j
    bnk = k
    # create initial best shift
    bsi = 0
    bsj = 0
    bsk = 0
    # For each neighbor get the difference in value and if its better
    # than any previous, replace the current best
    for (si, sj, sk), dist in zip(neighbor_transforms, neighbor_dists):
        # loop
        ii, jj, kk, sii, sjj, skk = wrap_point_w_shift(i + si, j + sj, k + sk, nx, ny, nz)
        # calculate the difference in value taking into account distance
        if use_minima:
            diff = (base - data[ii, jj, kk]) / dist
        else:
            diff = (data[ii, jj, kk] - base) / dist
        # if better than the current best, note the best and the
        # current label
        if diff > best:
            best = diff
            bti, btj, btk = (si, sj, sk)
            bni, bnj, bnk = (ii, jj, kk)
            bsi, bsj, bsk = (sii, sjj, skk)

    # return the best shift and neighbor
    return (
        np.array((bti, btj, btk), dtype=np.int64),
        np.array((bni, bnj, bnk), dtype=np.int64),
        np.array((bsi, bsj, bsk), dtype=np.int8)
    )


@njit(parallel=True, cache=True)
def get_edges(
    labeled_array: NDArray[np.int64],
    neighbor_transforms: NDArray[np.int64],
    vacuum_mask: NDArray[np.bool_],
):
    """
    In a 3D array of labeled voxels, finds the voxels that neighbor at
    least one voxel with a different label.

    Parameters
    ----------
    labeled_array : NDArray[np.int64]
        A 3D array where each entry represents the basin label of the point.
    neighbor_transforms : NDArray[np.int64]
        The transformations from each voxel to its neighbors.
    vacuum_mask : NDArray[np.bool_]
        A 3D array representing the location of the vacuum

    Returns
    -------
    edges : NDArray[np.bool_]
        A mask with the same shape as the input grid that is True at points
        on basin edges.

    """
    nx, ny, nz = labeled_array.shape
    # create 3D array to store edges
    edges = np.zeros_like(labeled_array, dtype=np.bool_)
    # loop over each voxel in parallel
    for i in prange(nx):
        for j in range(ny):
            for k in range(nz):
                # if this voxel is part of the vacuum, continue
                if vacuum_mask[i, j, k]:
                    continue
                # get this voxels label
                label = labeled_array[i, j, k]
                # iterate over the neighboring voxels
                for si, sj, sk in neighbor_transforms:
                    # wrap points
                    ii, jj, kk = wrap_point(i + si, j + sj, k + sk, nx, ny, nz)
                    # get neighbors label
                    neigh_label = labeled_array[ii, jj, kk]
                    # if any label is different, the current voxel is an edge.
                    # Note this in our edge array and break
                    # NOTE: we also check that the neighbor is not part of the
                    # vacuum
                    if neigh_label != label and not vacuum_mask[ii, jj, kk]:
                        edges[i, j, k] = True
                        break
    return edges

IMAGE_TO_INT = np.empty([3,3,3], dtype=np.int64)
INT_TO_IMAGE = np.array(list(itertools.product((-1,0,1), repeat=3)))
for shift_idx, (i,j,k) in enumerate(INT_TO_IMAGE):
    IMAGE_TO_INT[i,j,k] = shift_idx

@njit(parallel=True, cache=True)
def get_edges_w_images(
    labeled_array: NDArray[np.int64],
    images: NDArray[np.int64],
    neighbor_transforms: NDArray[np.int64],
    vacuum_mask: NDArray[np.bool_],
):
    """
    In a 3D array of labeled voxels, finds the voxels that neighbor at
    least one voxel with a different label.

    Parameters
    ----------
    labeled_array : NDArray[np.int64]
        A 3D array where each entry represents the basin label of the point.
    images : NDArray[np.int64]
        A 3D array where each entry represents the periodic image of the basin
        the point belongs to
    neighbor_transforms : NDArray[np.int64]
        The transformations from each voxel to its neighbors.
    vacuum_mask : NDArray[np.bool_]
        A 3D array representing the location of the vacuum

    Returns
    -------
    edges : NDArray[np.bool_]
        A mask with the same shape as the input grid that is True at points
        on basin edges.

    """
    nx, ny, nz = labeled_array.shape
    # create 3D array to store edges
    edges = np.zeros_like(labeled_array, dtype=np.bool_)
    
    # loop over each voxel in parallel
    for i in prange(nx):
        for j in range(ny):
            for k in range(nz):
                # if this voxel is part of the vacuum, continue
                if vacuum_mask[i, j, k]:
                    continue
                # get this voxels label and image
                label = labeled_array[i, j, k]
                image = images[i,j,k]
                # iterate over the neighboring voxels
                for si, sj, sk in neighbor_transforms:
                    # wrap points
                    ii, jj, kk, ssi, ssj, ssk = wrap_point_w_shift(i + si, j + sj, k + sk, nx, ny, nz)
                    # skip vacuum neighs
                    if vacuum_mask[ii,jj,kk]:
                        continue
                    # get neighbors label and image
                    neigh_label = labeled_array[ii, jj, kk]
                    neigh_image = images[ii, jj, kk]
                    if neigh_label !=label:
                        edges[i,j,k] = True
                        break
                    
                    # adjust neigh image
                    si1, sj1, sk1 = INT_TO_IMAGE[neigh_image]
                    si1 += ssi
                    sj1 += ssj
                    sk1 += ssk
                    neigh_image = IMAGE_TO_INT[si1,sj1,sk1]
                    if neigh_image != image:
                        edges[i,j,k] = True
                        break
    return edges

@njit(inline='always', cache=True)
def get_differing_neighs(
    i, j, k,
    nx, ny, nz,
    labels,
    images,
    neighbor_transforms,
    vacuum_mask,
):
    # get the label at this point
    label0 = labels[i,j,k]
    image0 = images[i,j,k]

    # initialize potential alternative labels
    label1 = -1; image1 = -1
    unique = 0

    # iterate over transforms
    for trans in range(neighbor_transforms.shape[0]):
        # if we've found more than two neighbors, immediately break
        if unique == 2:
            break
        
        # get shifts
        si = neighbor_transforms[trans, 0]
        sj = neighbor_transforms[trans, 1]
        sk = neighbor_transforms[trans, 2]

        # wrap around periodic edges and store shift
        ii, jj, kk, ssi, ssj, ssk = wrap_point_w_shift(
            i+si, j+sj, k+sk, nx, ny, nz
        )
        
        # skip points in the vacuum
        if vacuum_mask[ii, jj, kk]:
            continue
        
        # get the label and image of this neighbor
        neigh_label = labels[ii, jj, kk]
        neigh_image = images[ii, jj, kk]

        # update image to be relative to the current points transformation
        si1 = INT_TO_IMAGE[neigh_image, 0] + ssi
        sj1 = INT_TO_IMAGE[neigh_image, 1] + ssj
        sk1 = INT_TO_IMAGE[neigh_image, 2] + ssk
        neigh_image = IMAGE_TO_INT[si1, sj1, sk1]

        # compare to any previous labels and update our unique number
        if unique == 0:
            if neigh_label != label0 or neigh_image != image0:
                label1 = neigh_label
                image1 = neigh_image
                unique = 1
        elif unique == 1:
            if ((neigh_label != label0 or neigh_image != image0) and
                (neigh_label != label1 or neigh_image != image1)):
                unique = 2

    return unique

@njit(parallel=True,  cache=True)
def get_basin_edges(
    labels: NDArray[np.int64],
    images: NDArray[np.int64],
    neighbor_transforms: NDArray[np.int64],
    vacuum_mask: NDArray[np.bool_],
):
    nx, ny, nz = labels.shape
    # create 3D array to store edges
    edges = np.zeros_like(labels, dtype=np.uint8)
    
    # loop over each voxel in parallel
    for i in prange(nx):
        for j in range(ny):
            for k in range(nz):
                # if this voxel is part of the vacuum, continue
                if vacuum_mask[i, j, k]:
                    continue
                
                # check if this point has 0, 1, or 2 neighbors with different
                # labels
                num_neighs = get_differing_neighs(
                    i, j, k, 
                    nx, ny, nz, 
                    labels, 
                    images, 
                    neighbor_transforms, 
                    vacuum_mask,
                    )
                
                if num_neighs == 0:
                    # not an edge
                    continue
                elif num_neighs == 1:
                    # meeting of two basins
                    edges[i,j,k] = 1
                else:
                    # meeting of multiple basins
                    edges[i,j,k] = 2

    return edges


@njit(cache=True)
def get_neighboring_basin_surface_area(
    labeled_array: NDArray[np.int64],
    neighbor_transforms: NDArray[np.int64],
    neighbor_areas: NDArray[np.float64],
    vacuum_mask: NDArray[np.bool_],
    label_num: int,
):
    """
    In a 3D array of labeled voxels, approximately calculates the surface area
    of contact between each basin using the voxel voronoi surface.

    Parameters
    ----------
    labeled_array : NDArray[np.int64]
        A 3D array where each entry represents the basin label of the point.
    neighbor_transforms : NDArray[np.int64]
        The transformations from each voxel to its neighbors.
    neighbor_areas : NDArray[np.int64]
        The surface area of each neighbor at the corresponding transform.
    vacuum_mask : NDArray[np.bool_]
        A 3D array representing the location of the vacuum
    label_num : int,
        The total number of labels

    Returns
    -------
    connection_counts : NDArray[np.bool_]
        A 2D array with indices i, j where i is the label index, j is the neighboring
        label index, and the entry at i, j is the total area in contact between
        these labels. One extra index is added that stores the number of connections
        to the vacuum for each atom.

    """
    nx, ny, nz = labeled_array.shape
    # create a 2D array to store total number of connections
    connection_counts = np.zeros((label_num, label_num + 1), dtype=np.float64)

    # loop over each voxel. We can't do this in parallel as we may write to the
    # same entry and cause a race condition.
    for i in range(nx):
        for j in range(ny):
            for k in range(nz):
                # if this voxel is part of the vacuum, continue
                if vacuum_mask[i, j, k]:
                    continue
                # get this voxels label
                label = labeled_array[i, j, k]
                # iterate over the neighboring voxels
                for (si, sj, sk), area in zip(neighbor_transforms, neighbor_areas):
                    # wrap points
                    ii, jj, kk = wrap_point(i + si, j + sj, k + sk, nx, ny, nz)
                    # get neighbors label
                    neigh_label = labeled_array[ii, jj, kk]
                    # if this is the same label, skip it
                    if label == neigh_label:
                        continue
                    # add to our count for this connection
                    connection_counts[label, neigh_label] += area
    return connection_counts


@njit(fastmath=True, cache=True)
def get_basin_charges_and_volumes(
    data: NDArray[np.float64],
    labels: NDArray[np.int64],
    cell_volume: np.float64,
    extrema_num: np.int64,
):
    nx, ny, nz = data.shape
    total_points = nx * ny * nz
    # create variables to store charges/volumes
    charges = np.zeros(extrema_num, dtype=np.float64)
    volumes = np.zeros(extrema_num, dtype=np.float64)
    vacuum_charge = 0.0
    vacuum_volume = 0.0
    vacuum_val = extrema_num
    # iterate in parallel over each voxel
    for i in range(nx):
        for j in range(ny):
            for k in range(nz):
                charge = data[i, j, k]
                label = labels[i, j, k]
                if label == vacuum_val:
                    vacuum_charge += charge
                    vacuum_volume += 1
                else:
                    charges[label] += charge
                    volumes[label] += 1.0
    # calculate charge and volume
    volumes = volumes * cell_volume / total_points
    charges = charges / total_points
    vacuum_volume = vacuum_volume * cell_volume / total_points
    vacuum_charge = vacuum_charge / total_points
    return charges, volumes, vacuum_charge, vacuum_volume

@njit(parallel=True, cache=True)
def get_extrema(
    data: NDArray[np.float64],
    neighbor_transforms: NDArray[np.int64],
    vacuum_mask: NDArray[np.bool_],
    use_minima: bool = False,
):
    """
    For a 3D array of data, return a mask that is True at local extrema.

    Parameters
    ----------
    data : NDArray[np.float64]
        A 3D array of data.
    neighbor_transforms : NDArray[np.int64]
        The transformations from each voxel to its neighbors.
    vacuum_mask : NDArray[np.bool_]
        A 3D array representing the location of the vacuum
    use_minima : bool, optional
        Whether or not to search for minima instead of extrema.

    Returns
    -------
    extrema : NDArray[np.bool_]
        A mask with the same shape as the input grid that is True at points
        that are local extrema.

    """
    nx, ny, nz = data.shape
    # create 3D array to store extrema
    extrema = np.zeros_like(data, dtype=np.bool_)
    # loop over each voxel in parallel
    for i in prange(nx):
        for j in range(ny):
            for k in range(nz):
                # if this voxel is part of the vacuum, continue
                if vacuum_mask[i, j, k]:
                    continue
                # get this voxels value
                value = data[i, j, k]
                is_max = True
                # iterate over the neighboring voxels
                for si, sj, sk in neighbor_transforms:
                    # wrap points
                    ii, jj, kk = wrap_point(i + si, j + sj, k + sk, nx, ny, nz)
                    if not use_minima:
                        if data[ii, jj, kk] > value:
                            is_max = False
                            break
                    else:
                        if data[ii, jj, kk] < value:
                            is_max = False
                            break
                if is_max:
                    extrema[i, j, k] = True
    return extrema    


# ---- src/baderkit/core/bader/methods/ongrid/ongrid_numba.py ----
@njit(parallel=True, cache=True)
def get_steepest_pointers(
    data: NDArray[np.float64],
    labels: NDArray[np.int64],
    shifts: NDArray[np.int8],
    neighbor_transforms: NDArray[np.int64],
    neighbor_dists: NDArray[np.int64],
    vacuum_mask: NDArray[np.bool_],
    maxima_mask: NDArray[np.bool_],
):
    """
    For each voxel in a 3D grid of data, finds the index of the neighboring voxel with
    the highest value, weighted by distance.

    Parameters
    ----------
    data : NDArray[np.float64]
        A 3D grid of values for each point.
    labels : NDArray[np.int64]
        A 1D grid of assignments for each point in the grid
    shifts : NDArray[np.int64]
        A Nx3 array of shifts tracking cycles around periodic edges
    neighbor_transforms : NDArray[np.int64]
        The transformations from each voxel to its neighbors.
    neighbor_dists : NDArray[np.int64]
        The distance to each neighboring voxel
    vacuum_mask : NDArray[np.bool_]
        A 3D array representing the location of the vacuum
    vacuum_mask : NDArray[np.bool_]
        A 3D array representing the location of local maxima in the grid

    Returns
    -------
    pointers : NDArray[np.int64]
        A 1D array where each entry is the index of the neighbor that had the
        greatest increase in value. A value of -1 indicates a vacuum point.
    maxima_mask : NDArray[np.bool_]
        A 3D array that is True at maxima

    """
    nx, ny, nz = data.shape
    ny_nz = ny * nz
    # loop over each voxel in parallel
    for i in prange(nx):
        for j in range(ny):
            for k in range(nz):
                # get the flat index of this point
                flat_idx = coords_to_flat(i, j, k, ny_nz, nz)
                # check if this is a vacuum point. If so, we don't even bother
                # with the label.
                if vacuum_mask[i, j, k]:
                    continue
                # check if this is a maximum. If so, we should have assigned
                # this label earlier and we continue
                if maxima_mask[i, j, k]:
                    continue
                # get the best neighbor
                _, (x, y, z), shift = get_best_neighbor_with_shift(
                    data=data,
                    i=i,
                    j=j,
                    k=k,
                    neighbor_transforms=neighbor_transforms,
                    neighbor_dists=neighbor_dists,
                )
                labels[flat_idx] = coords_to_flat(x, y, z, ny_nz, nz)
                shifts[flat_idx] = shift

    return labels, shifts


# ---- harness ----
ENTRY = "baderkit_ongrid"


def baderkit_ongrid(data, transforms, dists, lattice):
    nx, ny, nz = data.shape
    out = {}
    vacuum = data < 0.02
    out["vacuum_count"] = int(vacuum.sum())
    maxima = get_extrema(data, transforms, vacuum)
    minima = get_extrema(data, transforms, np.zeros_like(vacuum), True)
    out["maxima"] = maxima
    out["minima_count"] = int(minima.sum())
    n = nx * ny * nz
    labels = np.arange(n, dtype=np.int64)
    labels[vacuum.ravel()] = -1
    shifts = np.zeros((n, 3), dtype=np.int8)
    labels, shifts = get_steepest_pointers(data, labels, shifts, transforms, dists, vacuum, maxima)
    out["pointers"] = labels.copy()
    out["shifts"] = shifts.copy()
    # follow pointers to the maxima (NumPy pointer jumping), accumulating periodic shifts
    ptr = labels.copy()
    ptr[ptr < 0] = np.arange(n)[ptr < 0]
    acc = shifts.astype(np.int64)
    for _ in range(12):
        acc = acc + acc[ptr] * (ptr != ptr[ptr])[:, None]
        ptr = ptr[ptr]
    roots = np.unique(ptr[~vacuum.ravel()])
    basin = np.searchsorted(roots, ptr).reshape(data.shape)
    nmax = len(roots)
    basin[vacuum] = nmax
    acc = np.clip(acc, -1, 1)
    images = IMAGE_TO_INT[acc[:, 0], acc[:, 1], acc[:, 2]].reshape(data.shape)
    out["basin"] = basin
    out["images"] = images
    out["edges"] = get_edges(basin, transforms, vacuum)
    out["edges_images"] = get_edges_w_images(basin, images, transforms, vacuum)
    out["basin_edges"] = get_basin_edges(basin, images, transforms, vacuum)
    areas = 1.0 / dists
    out["contact"] = get_neighboring_basin_surface_area(basin, transforms, areas, vacuum, nmax + 1)
    cell_volume = abs(np.linalg.det(lattice))
    out["charges"] = get_basin_charges_and_volumes(data, basin, cell_volume, nmax)
    # small helpers
    dir2car = np.linalg.inv(lattice).T
    out["grad"] = [get_gradient_cart(i, j, k, data, dir2car) for (i, j, k) in ((0, 0, 0), (3, 4, 5), (13, 11, 9), (7, 2, 1))]
    out["grad_ongrid"] = get_ongrid_gradient_cart(3, 4, 5, data, dir2car)
    out["flat"] = [flat_to_coords(idx, ny * nz, nz) for idx in (0, 17, 119, n - 1)]
    out["wraps"] = [wrap_point_w_shift(i, j, k, nx, ny, nz) for (i, j, k) in ((-1, 5, 10), (14, -1, 3), (2, 12, -1))]
    out["wrap"] = wrap_point(-1, 12, 10, nx, ny, nz)
    out["norm"] = get_norm(1.0, 2.0, 2.0)
    frac = np.array([[0.95, 0.1, 0.5], [0.05, 0.12, 0.52], [0.99, 0.08, 0.49]])
    out["merge"] = merge_frac_coords(frac)
    out["merge_one"] = merge_frac_coords(frac[:1])
    out["merge_w"] = merge_frac_coords_weighted(frac, np.array([1.0, 2.0, 3.0]))
    out["merge_w_ref"] = merge_frac_coords_weighted(frac, np.array([1.0, 2.0, 3.0]), np.array([0.5, 0.5, 0.5]), False)
    out["dists"] = mutiple_dists(frac, frac[::-1].copy())
    out["lowest"] = (get_lowest_uint(300).__name__, get_lowest_int(40000).__name__)
    return out


def inputs():
    nx, ny, nz = 14, 12, 10
    gi, gj, gk = np.meshgrid(np.arange(nx), np.arange(ny), np.arange(nz), indexing="ij")
    data = np.zeros((nx, ny, nz))
    for (ci, cj, ck, amp, w) in ((3.2, 4.1, 5.3, 1.0, 2.0), (9.6, 7.7, 2.2, 0.8, 2.4), (0.4, 10.9, 8.8, 0.6, 1.7)):
        di = (gi - ci + nx / 2) % nx - nx / 2
        dj = (gj - cj + ny / 2) % ny - ny / 2
        dk = (gk - ck + nz / 2) % nz - nz / 2
        data += amp * np.exp(-(di**2 + dj**2 + dk**2) / (2 * w * w))
    data += 0.001 * np.sin(0.7 * gi + 1.3 * gj + 0.4 * gk)   # break ties
    transforms = np.array([t for t in itertools.product((-1, 0, 1), repeat=3) if t != (0, 0, 0)], dtype=np.int64)
    dists = np.sqrt((transforms**2).sum(axis=1)).astype(np.float64)
    lattice = np.array([[7.0, 0.0, 0.0], [0.5, 6.0, 0.0], [0.0, 0.3, 5.0]])
    return (data, transforms, dists, lattice)
