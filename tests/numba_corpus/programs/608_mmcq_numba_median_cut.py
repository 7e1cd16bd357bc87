# Source: hirokic5/mmcq_numba mmcq_numba/color.py (at commit 2df372a7), mmcq_numba/quantize.py (at commit 2df372a7), mmcq_numba/struct.py (at commit 2df372a7), mmcq_numba/region.py (at commit 2df372a7), mmcq_numba/math_.py (at commit 460da42c); kanghyojun/mmcq.py mmcq/constant.py (at commit 132c507e)
# Licence: Apache-2.0 (mmcq_numba, declared as license='Apache-2.0 license' in its setup.py; the repository has no LICENSE file); MIT (mmcq.py, LICENSE; Copyright (c) 2015 Kang Hyojun) for the upstream constant.py
# Notes: the numba kernels of mmcq_numba, a numba port of the modified median cut quantization (MMCQ) dominant-colour extractor from kanghyojun/mmcq.py. Pasted: mmcq_numba/color.py (get_color_index, jitted with the explicit signature i8(i8, i8, i8) and cache=True); from mmcq_numba/quantize.py its imports and get_histo (a list comprehension of zeros filled through the jitted index helper, returned with np.array, signature i8[:](i8[:, :])), vbox_from_colors (three Python lists appended in a loop over array rows, min / max of lists), median_cut_partial (signature Tuple((i8[:], i8))(i8 x 6, i8[:]), max of a list literal, enumerate(range(...)) over triple loops in three branches, partialsum list converted with np.array(..., dtype=np.int64)) and the plain-Python median_cut_numba / median_cut that split a box with dicts, getattr / setattr and ~~int(...); from mmcq_numba/struct.py average_numba (signature Tuple((i8, i8, i8))(...), float sums, ~~int division); mmcq_numba/region.py (the plain-Python Vbox class with deepcopy and cached properties) and mmcq_numba/math_.py (euclidean). mmcq_numba's own constant.py is not in the stored copy of the repository, so SIGBITS and RSHIFT (the only constants the jitted code uses) are taken from the upstream mmcq.py mmcq/constant.py that mmcq_numba is based on. Left out: the intra-package relative imports (the modules are pasted into one file), the mmcq() driver and the CMap / PQueue classes of struct.py (struct.py does `from collections import Iterator`, which no longer exists in Python 3.10+, and mmcq() needs MAX_ITERATION / FRACT_BY_POPULATIONS from the missing constant.py). The harness builds an int64 colour list of 600 pixels drawn around four cluster centres, computes the 2**15-bin histogram and the bounding box, splits the box repeatedly with median_cut_numba (largest-count box first, five splits), runs the pure-Python median_cut on the same boxes for comparison, and returns the box bounds, the partial sums of each split, the average colour of every box from average_numba and a few colour indices and distances
# ---- mmcq/constant.py (kanghyojun/mmcq.py) ----
#! -*- coding: utf-8 -*-

SIGBITS = 5
RSHIFT = 8 - SIGBITS

# ---- mmcq_numba/color.py ----
from numba import i8, jit


@jit(i8(i8, i8, i8), nopython=True, cache=True)
def get_color_index(r, g, b):
    return (r << (2 * SIGBITS)) + (g << SIGBITS) + b

# ---- mmcq_numba/math_.py ----
from math import sqrt


def euclidean(p1, p2):
    return sqrt(pow(p2[0] - p1[0], 2) +
                pow(p2[1] - p1[1], 2) +
                pow(p2[2] - p1[2], 2))

# ---- mmcq_numba/region.py ----
#! -*- coding: utf-8 -*-
from copy import deepcopy

__all__ = 'Vbox',


class Vbox(object):

    def __init__(self, r1, r2, g1, g2, b1, b2, histo):
        self.r1 = r1
        self.r2 = r2
        self.g1 = g1
        self.g2 = g2
        self.b1 = b1
        self.b2 = b2
        self.histo = histo
        self._avg = None
        self._volumn = None
        self._count = None

    @property
    def volume(self):
        if self._volumn is None:
            sub_r = self.r2 - self.r1
            sub_g = self.g2 - self.g1
            sub_b = self.b2 - self.b1
            self._volumn = (sub_r + 1) * (sub_g + 1) + (sub_b + 1)

        return self._volumn

    @property
    def copy(self):
        copied = deepcopy(self)
        copied._avg = None
        copied._volumn = None
        copied._count = None
        return copied

    @property
    def average(self):
        if self._avg is None:
            total = 0
            mult = 1 << (8 - SIGBITS)
            r_sum = 0
            g_sum = 0
            b_sum = 0
            for i in range(self.r1, self.r2 + 1):
                for j in range(self.g1, self.g2 + 1):
                    for k in range(self.b1, self.b2 + 1):
                        index = get_color_index(i, j, k)
                        hval = self.histo[index]
                        total += hval
                        r_sum += hval * (i + 0.5) * mult
                        g_sum += hval * (j + 0.5) * mult
                        b_sum += hval * (k + 0.5) * mult

            if total:
                r_avg = ~~int(r_sum / total)
                g_avg = ~~int(g_sum / total)
                b_avg = ~~int(b_sum / total)
            else:
                r_avg = ~~int(mult * (self.r1 + self.r2 + 1) / 2)
                g_avg = ~~int(mult * (self.g1 + self.g2 + 1) / 2)
                b_avg = ~~int(mult * (self.b1 + self.b2 + 1) / 2)

            self._avg = r_avg, g_avg, b_avg

        return self._avg

    def contains(self, pixel):
        r_v = pixel[0] >> RSHIFT
        g_v = pixel[1] >> RSHIFT
        b_v = pixel[2] >> RSHIFT

        return all([
            r_v >= self.r1,
            r_v <= self.r2,
            g_v >= self.g1,
            g_v <= self.g2,
            b_v >= self.b1,
            b_v <= self.b2,
        ])

    @property
    def count(self):
        if not self._count:
            n_pix = 0
            for i in range(self.r1, self.r2):
                for j in range(self.g1, self.g2):
                    for k in range(self.b1, self.b2):
                        index_ = get_color_index(i, j, k)
                        try:
                            n_pix += self.histo[index_]
                        except IndexError:
                            pass
            self._count = n_pix
        return self._count

# ---- mmcq_numba/struct.py ----
from numba import i8, jit
from numba.types import Tuple


@jit(Tuple((i8, i8, i8))(i8, i8, i8, i8, i8,
     i8, i8[:]), nopython=True, cache=True)
def average_numba(r1, r2, g1, g2, b1, b2, histo):
    total = 0
    mult = 1 << (8 - SIGBITS)
    r_sum = 0
    g_sum = 0
    b_sum = 0
    for i in range(r1, r2 + 1):
        for j in range(g1, g2 + 1):
            for k in range(b1, b2 + 1):
                index = get_color_index(i, j, k)
                hval = histo[index]
                total += hval
                r_sum += hval * (i + 0.5) * mult
                g_sum += hval * (j + 0.5) * mult
                b_sum += hval * (k + 0.5) * mult

    if total:
        r_avg = ~~int(r_sum / total)
        g_avg = ~~int(g_sum / total)
        b_avg = ~~int(b_sum / total)
    else:
        r_avg = ~~int(mult * (r1 + r2 + 1) / 2)
        g_avg = ~~int(mult * (g1 + g2 + 1) / 2)
        b_avg = ~~int(mult * (b1 + b2 + 1) / 2)

    return r_avg, g_avg, b_avg

# ---- mmcq_numba/quantize.py ----
import numpy as np
from numba import i8, jit
from numba.types import Tuple


@jit(i8[:](i8[:, :]), nopython=True, cache=True)
def get_histo(colors):
    histo_size = int(1 << (3 * SIGBITS))
    histo = [0 for x in range(histo_size)]
    for color in colors:
        r = color[0] >> RSHIFT
        g = color[1] >> RSHIFT
        b = color[2] >> RSHIFT
        i = get_color_index(r, g, b)
        histo[i] = histo[i] + 1
    return np.array(histo)


@jit(i8[:](i8[:, :]), nopython=True, cache=True)
def vbox_from_colors(colors):
    r_colors = []
    g_colors = []
    b_colors = []
    for color in colors:
        r = color[0] >> RSHIFT
        g = color[1] >> RSHIFT
        b = color[2] >> RSHIFT
        r_colors.append(r)
        g_colors.append(g)
        b_colors.append(b)

    return np.array(
        [
            min(r_colors),
            max(r_colors),
            min(g_colors),
            max(g_colors),
            min(b_colors),
            max(b_colors),
        ]
    )


@jit(Tuple((i8[:], i8))(i8, i8, i8, i8, i8,
     i8, i8[:]), nopython=True, cache=True)
def median_cut_partial(r1, r2, g1, g2, b1, b2, histo):
    rw = r2 - r1 + 1
    gw = g2 - g1 + 1
    bw = b2 - b1 + 1
    maxw = max([rw, gw, bw])

    tot = 0
    sum_ = 0
    if maxw == rw:
        partialsum = [0 for x in range(r1, r2 + 1)]
        for idx, i in enumerate(range(r1, r2 + 1)):
            for j in range(g1, g2 + 1):
                for k in range(b1, b2 + 1):
                    index = get_color_index(i, j, k)
                    sum_ += histo[index]

            tot += sum_
            partialsum[idx] = tot
    elif maxw == gw:
        partialsum = [0 for x in range(g1, g2 + 1)]

        for idx, i in enumerate(range(g1, g2 + 1)):
            for j in range(r1, r2 + 1):
                for k in range(b1, b2 + 1):
                    index = get_color_index(j, i, k)
                    sum_ += histo[index]

            tot += sum_
            partialsum[idx] = tot
    elif maxw == bw:
        partialsum = [0 for x in range(b1, b2 + 1)]

        for idx, i in enumerate(range(b1, b2 + 1)):
            for j in range(r1, r2 + 1):
                for k in range(g1, g2 + 1):
                    index = get_color_index(j, k, i)
                    sum_ += histo[index]

            tot += sum_
            partialsum[idx] = tot

    partialsum = np.array(partialsum, dtype=np.int64)
    return partialsum, tot


def median_cut_numba(histo, vbox):
    if not vbox.count:
        return None

    if vbox.count == 1:
        return vbox.copy,

    rw = vbox.r2 - vbox.r1 + 1
    gw = vbox.g2 - vbox.g1 + 1
    bw = vbox.b2 - vbox.b1 + 1
    maxw = max([rw, gw, bw])

    do_cut_color = None
    if maxw == rw:
        do_cut_color = 'r'
        idxes = range(vbox.r1, vbox.r2 + 1)
    elif maxw == gw:
        do_cut_color = 'g'
        idxes = range(vbox.g1, vbox.g2 + 1)
    elif maxw == bw:
        do_cut_color = 'b'
        idxes = range(vbox.b1, vbox.b2 + 1)

    partialsum_base, tot = median_cut_partial(
        vbox.r1, vbox.r2, vbox.g1, vbox.g2, vbox.b1, vbox.b2, vbox.histo)

    lookaheadsum = {}
    partialsum = {}
    for i, k in enumerate(idxes):
        lookaheadsum[k] = tot - partialsum_base[i]
        partialsum[k] = partialsum_base[i]

    dim1 = do_cut_color + '1'
    dim2 = do_cut_color + '2'
    dim1_val = getattr(vbox, dim1)
    dim2_val = getattr(vbox, dim2)
    for i in range(dim1_val, dim2_val + 1):
        if partialsum[i] > (tot / 2):
            vbox1 = vbox.copy
            vbox2 = vbox.copy
            left = i - dim1_val
            right = dim2_val - i
            if left <= right:
                d2 = min([dim2_val - 1, ~~(i + int(right / 2))])
            else:
                d2 = max([dim1_val, ~~(i - 1 - int(left / 2))])

            while not partialsum[d2]:
                d2 += 1

            count2 = lookaheadsum[d2]
            while not count2 and (d2 - 1) in partialsum:
                d2 -= 1
                count2 = lookaheadsum[d2]

            setattr(vbox1, dim2, d2)
            setattr(vbox2, dim1, getattr(vbox1, dim2) + 1)

            return vbox1, vbox2


def median_cut(histo, vbox):
    if not vbox.count:
        return None

    rw = vbox.r2 - vbox.r1 + 1
    gw = vbox.g2 - vbox.g1 + 1
    bw = vbox.b2 - vbox.b1 + 1
    maxw = max([rw, gw, bw])
    if vbox.count == 1:
        return vbox.copy,

    tot = 0
    sum_ = 0
    partialsum = {}
    lookaheadsum = {}
    do_cut_color = None
    if maxw == rw:
        do_cut_color = 'r'
        for i in range(vbox.r1, vbox.r2 + 1):
            for j in range(vbox.g1, vbox.g2 + 1):
                for k in range(vbox.b1, vbox.b2 + 1):
                    index = get_color_index(i, j, k)
                    sum_ += histo[index]

            tot += sum_
            partialsum[i] = tot
    elif maxw == gw:
        do_cut_color = 'g'
        for i in range(vbox.g1, vbox.g2 + 1):
            for j in range(vbox.r1, vbox.r2 + 1):
                for k in range(vbox.b1, vbox.b2 + 1):
                    index = get_color_index(j, i, k)
                    sum_ += histo[index]

            tot += sum_
            partialsum[i] = tot
    elif maxw == bw:
        do_cut_color = 'b'
        for i in range(vbox.b1, vbox.b2 + 1):
            for j in range(vbox.r1, vbox.r2 + 1):
                for k in range(vbox.g1, vbox.g2 + 1):
                    index = get_color_index(j, k, i)
                    sum_ += histo[index]

            tot += sum_
            partialsum[i] = tot

    for k, v in partialsum.items():
        lookaheadsum[k] = tot - v

    dim1 = do_cut_color + '1'
    dim2 = do_cut_color + '2'
    dim1_val = getattr(vbox, dim1)
    dim2_val = getattr(vbox, dim2)
    for i in range(dim1_val, dim2_val + 1):
        if partialsum[i] > (tot / 2):
            vbox1 = vbox.copy
            vbox2 = vbox.copy
            left = i - dim1_val
            right = dim2_val - i
            if left <= right:
                d2 = min([dim2_val - 1, ~~(i + int(right / 2))])
            else:
                d2 = max([dim1_val, ~~(i - 1 - int(left / 2))])

            while not partialsum[d2]:
                d2 += 1

            count2 = lookaheadsum[d2]
            while not count2 and (d2 - 1) in partialsum:
                d2 -= 1
                count2 = lookaheadsum[d2]

            setattr(vbox1, dim2, d2)
            setattr(vbox2, dim1, getattr(vbox1, dim2) + 1)

            return vbox1, vbox2


# ---- harness (not part of the program) ----
ENTRY = "mmcq_suite"


def _bounds(vb):
    return [int(vb.r1), int(vb.r2), int(vb.g1), int(vb.g2), int(vb.b1),
            int(vb.b2)]


def mmcq_suite(colors):
    histo = get_histo(colors)
    params = vbox_from_colors(colors)
    boxes = [Vbox(int(params[0]), int(params[1]), int(params[2]),
                  int(params[3]), int(params[4]), int(params[5]), histo)]
    partials = []
    same_as_python = []
    for _ in range(5):
        boxes.sort(key=lambda vb: vb.count, reverse=True)
        vb = boxes.pop(0)
        ps, tot = median_cut_partial(vb.r1, vb.r2, vb.g1, vb.g2, vb.b1,
                                     vb.b2, vb.histo)
        partials.append(np.append(ps, tot))
        cut = median_cut_numba(histo, vb)
        ref = median_cut(histo, vb)
        same_as_python.append([_bounds(a) == _bounds(b)
                               for a, b in zip(cut, ref)])
        boxes.extend(cut)
    bounds = np.array([_bounds(vb) for vb in boxes], dtype=np.int64)
    avgs = np.array([average_numba(vb.r1, vb.r2, vb.g1, vb.g2, vb.b1, vb.b2,
                                   vb.histo) for vb in boxes], dtype=np.int64)
    counts = np.array([vb.count for vb in boxes], dtype=np.int64)
    idx = np.array([get_color_index(1, 2, 3), get_color_index(31, 0, 17),
                    get_color_index(0, 31, 31)], dtype=np.int64)
    dists = np.array([euclidean(avgs[0], avgs[i]) for i in range(len(avgs))])
    return (histo, params, bounds, avgs, counts, idx, dists,
            np.concatenate(partials), same_as_python)


def inputs():
    rng = np.random.default_rng(0)
    centres = np.array([[220, 40, 30], [30, 120, 200], [240, 230, 90],
                        [60, 60, 60]])
    which = rng.integers(0, 4, size=600)
    colors = centres[which] + rng.normal(0.0, 18.0, size=(600, 3))
    colors = np.clip(np.rint(colors), 0, 255).astype(np.int64)
    return (colors,)
