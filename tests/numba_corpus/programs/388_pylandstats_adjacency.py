# Source: renatocoutinho/pylandstats pylandstats/nb_compute.py (at commit 29f09f61)
# Licence: GPL-3.0 (PyLandStats, Martí Bosch; setup.py of this fork at commit 05537f5b: license='GPL-3.0', with the classifier "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)")
# Notes: the pixel adjacency table of a land-use / land-cover raster, from which PyLandStats derives landscape-ecology metrics such as contagion and the landscape shape index (FRAGSTATS-style landscape metrics): compute_adjacency_arr (@nb.njit under numba.pycc's @cc.export with the AOT signature 'uint32[:,:,:](uint32[:,:], int32)', as this repository of PyLandStats, a fork of martibosch/pylandstats, had it) walks the padded raster flat (padded_arr.ravel()) and, for each interior pixel, increments a 2 x (k+1) x (k+1) uint32 count array at [direction, class, neighbour class] for its left/right and upper/lower neighbours, looping over small Python lists of flat-index offsets. Pasted: the whole module verbatim (imports, cc = pycc.CC('nb_compute'), the function, the `if __name__ == '__main__': cc.compile()` guard); the harness does what Landscape._adjacency_df does before calling it: a 120 x 100 land-cover raster with classes 1-5 in blocky patches and a nodata (0) margin on two sides, reclassified to 0..4 with nodata -> 5 (num_classes), padded by one pixel of value 5 and cast to uint32, and num_classes = 5 as a Python int
import numba as nb
import numpy as np
from numba import pycc

cc = pycc.CC('nb_compute')


@cc.export('compute_adjacency_arr', 'uint32[:,:,:](uint32[:,:], int32)')
@nb.njit
def compute_adjacency_arr(padded_arr, num_classes):
    # flat-array approach to pixel adjacency from link below:
    # https://ilovesymposia.com/2016/12/20/numba-in-the-real-world/
    # the first axis of `adjacency_arr` is of fixed size of 2 and serves to
    # distinguish between vertical and horizontal adjacencies (we could also
    # use a tuple of two 2-D arrays)
    adjacency_arr = np.zeros((2, num_classes + 1, num_classes + 1),
                             dtype=np.uint32)
    num_cols = padded_arr.shape[1]
    flat_arr = padded_arr.ravel()
    # steps_to_neighbours as argument to distinguish between vertical/
    # horizontal adjacencies
    # steps_to_neighbours = [1, num_cols, -1, -num_cols]
    horizontal_neighbours = [1, -1]
    vertical_neighbours = [num_cols, -num_cols]
    start = num_cols + 1
    end = len(flat_arr) - start
    for i in range(start, end):
        class_i = flat_arr[i]
        # class_left = flat_arr[i - 1]
        # class_right = flat_arr[i + 1]
        # class_above = flat_arr[i - num_cols]
        # class_below = flat_arr[i + num_cols]
        # adjacency_arr[0, class_i, class_left] += 1
        # adjacency_arr[0, class_i, class_right] += 1
        # adjacency_arr[1, class_i, class_above] += 1
        # adjacency_arr[1, class_i, class_below] += 1
        for neighbour in horizontal_neighbours:
            adjacency_arr[0, class_i, flat_arr[i + neighbour]] += 1
        for neighbour in vertical_neighbours:
            adjacency_arr[1, class_i, flat_arr[i + neighbour]] += 1

    return adjacency_arr


if __name__ == '__main__':
    cc.compile()
# ---- harness (not part of the program) ----
ENTRY = "compute_adjacency_arr"


def inputs():
    # a 120 x 100 land-cover raster (classes 1-5 in 10 x 10 blocks, with a
    # quarter of the pixels flipped at random), nodata 0 on two margins,
    # reclassified and padded as Landscape._adjacency_df does
    rng = np.random.default_rng(0)
    blocks = rng.integers(1, 6, (12, 10))
    landscape_arr = np.kron(blocks, np.ones((10, 10), dtype=np.int64))
    flip = rng.random(landscape_arr.shape) < 0.25
    landscape_arr[flip] = rng.integers(1, 6, int(flip.sum()))
    landscape_arr[:, :4] = 0
    landscape_arr[-3:, :] = 0
    nodata = 0
    classes = np.array(sorted(np.unique(landscape_arr)), dtype=landscape_arr.dtype)
    classes = classes[classes != nodata]
    num_classes = len(classes)
    reclassified_arr = np.copy(landscape_arr)
    for i, class_val in enumerate(classes):
        reclassified_arr[landscape_arr == class_val] = i
        reclassified_arr[landscape_arr == nodata] = num_classes
    padded_arr = np.pad(reclassified_arr, pad_width=1, mode='constant',
                        constant_values=num_classes).astype(np.uint32)
    return (padded_arr, num_classes)
