# Source: pyqtgraph/pyqtgraph pyqtgraph/functions_numba.py (at commit 03ddf928)
# Licence: MIT (pyqtgraph, LICENSE.txt; Copyright (c) 2025 University of North Carolina at Chapel Hill, Luke Campagnola)
# Notes: pyqtgraph's Numba fast paths for turning image data into display levels (scientific plotting / image display): rescaleData scales and offsets an array and clips it to [vmin, vmax] with a @guvectorize kernel that is built on first use for the (input dtype, output dtype) pair -- the signature string is made with an f-string from the dtype names ('float64[:],f8,f8,f8,f8,uint8[:]', layout '(n),(),(),(),()->(n)'), cached in a module-level dict and called with out= -- so a 2-D input is processed row by row; rescale_and_lookup1d_function (@numba.jit(nopython=True)) rescales, clips and maps each pixel of a 2-D image through a 1-D lookup table (min(max(...)), int() truncation as an index); numba_take wraps np.take(lut, data) with a 2-D index array. Pasted: the whole module as published (imports, rescale_functions, rescale_clip_source, rescaleData, rescale_and_lookup1d_function, rescale_and_lookup1d, numba_take); the harness rescales a 6 x 40 float64 image into uint8 and float32 and a 1-D int16 signal into float64 (three guvectorize builds), maps a float32 image through a 256-entry uint8 colour-index table and a 100-entry float64 table with the plain wrapper, and takes from a 256 x 3 uint8 RGB table (np.take on the flattened table) with a 4 x 9 int64 index array
import numpy as np
import numba

rescale_functions = {}

def rescale_clip_source(xx, scale, offset, vmin, vmax, yy):
    for i in range(xx.size):
        val = (xx[i] - offset) * scale
        yy[i] = min(max(val, vmin), vmax)

def rescaleData(data, scale, offset, dtype, clip):
    data_out = np.empty_like(data, dtype=dtype)
    key = (data.dtype.name, data_out.dtype.name)
    func = rescale_functions.get(key)
    if func is None:
        func = numba.guvectorize(
            [f'{key[0]}[:],f8,f8,f8,f8,{key[1]}[:]'],
            '(n),(),(),(),()->(n)',
            nopython=True)(rescale_clip_source)
        rescale_functions[key] = func
    func(data, scale, offset, clip[0], clip[1], out=data_out)
    return data_out

@numba.jit(nopython=True)
def rescale_and_lookup1d_function(xx, scale, offset, vmin, vmax, lut, yy):
    for r in range(xx.shape[0]):
        for c in range(xx.shape[1]):
            val = (xx[r, c] - offset) * scale
            val = min(max(val, vmin), vmax)
            yy[r, c] = lut[int(val)]

def rescale_and_lookup1d(data, scale, offset, clip, lut):
    # data should be floating point and 2d
    # lut is 1d
    data_out = np.empty_like(data, dtype=lut.dtype)
    rescale_and_lookup1d_function(data, float(scale), float(offset), float(clip[0]), float(clip[1]), lut, data_out)
    return data_out

@numba.jit(nopython=True)
def numba_take(lut, data):
    # numba supports only the 1st two arguments of np.take
    return np.take(lut, data)
# ---- harness (not part of the program) ----
ENTRY = "run_levels"


def run_levels(img, sig, img32, lut8, lutf, rgb, idx):
    a = rescaleData(img, 255.0 / 4.0, -1.0, np.uint8, (0.0, 255.0))
    b = rescaleData(img, 0.5, 0.25, np.float32, (-0.75, 1.5))
    c = rescaleData(sig, 1.0 / 300.0, 100.0, np.float64, (-1.0, 1.0))
    d = rescale_and_lookup1d(img32, 255.0 / 3.0, -0.5, (0, 255), lut8)
    e = rescale_and_lookup1d(img32, 99.0 / 3.0, -0.5, (0, 99), lutf)
    f = numba_take(rgb, idx)
    return a, b, c, d, e, f


def inputs():
    rng = np.random.default_rng(0)
    img = rng.normal(1.0, 1.2, (6, 40))
    sig = rng.integers(-800, 800, 64).astype(np.int16)
    img32 = rng.uniform(-1.0, 3.5, (5, 30)).astype(np.float32)
    lut8 = (np.arange(256)[::-1] // 2).astype(np.uint8)
    lutf = np.sqrt(np.linspace(0.0, 9.0, 100))
    rgb = rng.integers(0, 256, (256, 3)).astype(np.uint8)
    idx = rng.integers(0, 768, (4, 9)).astype(np.int64)
    return (img, sig, img32, lut8, lutf, rgb, idx)
