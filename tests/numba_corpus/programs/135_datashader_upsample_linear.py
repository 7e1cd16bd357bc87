# Source: holoviz/datashader datashader/resampling.py
# Licence: BSD-3-Clause (setup.py: license='New BSD')
# Notes: bilinear upsampling of a 2-D grid, falling back to the nearest valid source cell where a corner is NaN or masked: the decorator is a module-level ngjit = nb.jit(nopython=True, nogil=True) object, a jitted helper returning a 4-tuple unpacked at the call, an early `return src` (the same array type as `out`), raise ValueError, conditional expressions in the scale factors, np.isfinite on scalars, bool mask indexing; the `from .utils import ngjit` line is replaced by the two lines of datashader/utils.py that define it, and the file's other resamplers and non-jitted drivers are left out
from __future__ import absolute_import, division, print_function

import numpy as np
import numba as nb

ngjit = nb.jit(nopython=True, nogil=True)


@ngjit
def _get_dimensions(src, out):
    src_w = src.shape[-1]
    src_h = src.shape[-2]
    out_w = out.shape[-1]
    out_h = out.shape[-2]
    return src_w, src_h, out_w, out_h


@ngjit
def _upsample_2d_linear(src, mask, use_mask, fill_value, out):
    src_w, src_h, out_w, out_h = _get_dimensions(src, out)
    if src_w == out_w and src_h == out_h:
        return src

    if out_w < src_w or out_h < src_h:
        raise ValueError("invalid target size")

    scale_x = (src_w - 1.0) / ((out_w - 1.0) if out_w > 1 else 1.0)
    scale_y = (src_h - 1.0) / ((out_h - 1.0) if out_h > 1 else 1.0)
    for out_y in range(out_h):
        src_yf = scale_y * out_y
        src_y0 = int(src_yf)
        wy = src_yf - src_y0
        src_y1 = src_y0 + 1
        if src_y1 >= src_h:
            src_y1 = src_y0
        for out_x in range(out_w):
            src_xf = scale_x * out_x
            src_x0 = int(src_xf)
            wx = src_xf - src_x0
            src_x1 = src_x0 + 1
            if src_x1 >= src_w:
                src_x1 = src_x0
            v00 = src[src_y0, src_x0]
            v01 = src[src_y0, src_x1]
            v10 = src[src_y1, src_x0]
            v11 = src[src_y1, src_x1]
            if use_mask:
                v00_ok = np.isfinite(v00) and not mask[src_y0, src_x0]
                v01_ok = np.isfinite(v01) and not mask[src_y0, src_x1]
                v10_ok = np.isfinite(v10) and not mask[src_y1, src_x0]
                v11_ok = np.isfinite(v11) and not mask[src_y1, src_x1]
            else:
                v00_ok = np.isfinite(v00)
                v01_ok = np.isfinite(v01)
                v10_ok = np.isfinite(v10)
                v11_ok = np.isfinite(v11)
            if v00_ok and v01_ok and v10_ok and v11_ok:
                ok = True
                v0 = v00 + wx * (v01 - v00)
                v1 = v10 + wx * (v11 - v10)
                value = v0 + wy * (v1 - v0)
            elif wx < 0.5:
                # NEAREST according to weight
                if wy < 0.5:
                    ok = v00_ok
                    value = v00
                else:
                    ok = v10_ok
                    value = v10
            else:
                # NEAREST according to weight
                if wy < 0.5:
                    ok = v01_ok
                    value = v01
                else:
                    ok = v11_ok
                    value = v11
            if ok:
                out[out_y, out_x] = value
            else:
                out[out_y, out_x] = fill_value
    return out

# ---- harness (not part of the program) ----
ENTRY = "_upsample_2d_linear"


def inputs():
    # upsample_2d(src, 70, 45, method=US_LINEAR) on a plain (unmasked)
    # float64 grid with some NaNs: mask is the module's _NOMASK2D,
    # use_mask False, fill_value NumPy's default float fill (1e20), and
    # out = np.zeros((h, w), dtype=src.dtype) as _get_out makes it
    rng = np.random.default_rng(0)
    src = rng.random((20, 30))
    src[rng.random((20, 30)) < 0.05] = np.nan
    mask = np.ma.getmaskarray(np.ma.array([[0]], mask=[[0]]))
    fill_value = np.ma.array([0], mask=[False], dtype=src.dtype).fill_value
    out = np.zeros((45, 70), dtype=src.dtype)
    return (src, mask, False, fill_value, out)
