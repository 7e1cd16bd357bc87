# Source: UM-RMRS/raster_tools raster_tools/stat_common.py (at commit 1261add9), raster_tools/surface.py (at commit 22d028d2); U8/F32/F64 from raster_tools/dtypes.py (at commit 1261add9)
# Licence: GPL-3.0 (raster_tools, THIRD_PARTY_NOTICES.md: "Raster Tools is distributed under the GNU General Public License v3 (see LICENSE)"; USDA Forest Service Rocky Mountain Research Station (RMRS))
# Notes: the Numba kernels of raster_tools, the RMRS raster utility library. stat_common.py (pasted whole): a shared decorator object ngcjit = jit(nopython=True, nogil=True, cache=True) applied with @ngcjit, a @generated_jit _atleast_1d that returns one implementation for scalars (types.number_domain) and another for arrays, NaN-skipping min/max/mean/median/sum/var/std, a unique count through a float set built as {1.0} then .clear(), mode/entropy/angular-second-moment through dict counters (`if v in c`, c.values()), a mode that compacts values in place and sorts a view, np.empty(..., dtype=types.uint64), argmin/argmax returning -1/-2 for empty/all-NaN input. surface.py: the five per-block kernels @nb.jit(nopython=True, nogil=True) behind slope/aspect/curvature/hillshade/surface_area_3d (3x3 neighbourhood loops, np.empty_like(xarr, dtype=F64) with a module-level np.dtype, module-level degree/radian constants, arctan2, a bool `degrees` flag, a tuple resolution, a float32 output clamped at 0); the dask/Raster wrappers that map them over blocks (and the imports of dask, raster_tools.raster and the other dtypes names they use) are left out, and the `from raster_tools.dtypes import F32, F64, U8, get_default_null_value` line is replaced by the three lines of dtypes.py that define F32, F64 and U8. The harness runs every statistic on arrays with and without NaNs, on scalars, on an all-NaN and an empty array, and every surface kernel on a smooth synthetic DEM with a flat patch (edges are left uninitialised by the kernels, so only interiors are returned)
import numpy as np
from numba import generated_jit, jit, types

__all__ = [
    "nan_unique_count_jit",
    "nanargmax_jit",
    "nanargmin_jit",
    "nanasm_jit",
    "nanentropy_jit",
    "nanmax_jit",
    "nanmean_jit",
    "nanmedian_jit",
    "nanmin_jit",
    "nanmode_jit",
    "nanstd_jit",
    "nansum_jit",
    "nanvar_jit",
]


ngcjit = jit(nopython=True, nogil=True, cache=True)


# Numba has a long standing bug where scalars are not handled properly in
# several numpy functions. This is a workaround. It generates the proper
# implementation based on the input type. This func can be used to properly
# handle scalar inputs in funcs that would otherwise fail to compile for scalar
# inputs like np.nanmean.
# See: https://github.com/numba/numba/issues/4202
@generated_jit(nopython=True, nogil=True)
def _atleast_1d(x):
    if x in types.number_domain:
        return lambda x: np.array([x])
    return lambda x: np.atleast_1d(x)


@ngcjit
def nanmin_jit(x):
    return np.nanmin(x)


@ngcjit
def nanmax_jit(x):
    return np.nanmax(x)


@ngcjit
def nanmean_jit(x):
    x = _atleast_1d(x)
    return np.nanmean(x)


@ngcjit
def nanmedian_jit(x):
    x = _atleast_1d(x)
    return np.nanmedian(x)


@ngcjit
def nansum_jit(x):
    x = _atleast_1d(x)
    return np.nansum(x)


@ngcjit
def nanvar_jit(x):
    x = _atleast_1d(x)
    return np.nanvar(x)


@ngcjit
def nanstd_jit(x):
    x = _atleast_1d(x)
    return np.nanstd(x)


@ngcjit
def nan_unique_count_jit(x):
    x = _atleast_1d(x)
    # Create set of floats. {1.0} is a hack to tell numba.jit what type the set
    # contains
    s = {1.0}
    s.clear()
    for v in x.ravel():
        if not np.isnan(v):
            s.add(v)
    return len(s)


@ngcjit
def nanmode_jit(x):
    # Returns NaN if all values are NaN.
    x = _atleast_1d(x)
    c = {}
    x = x.ravel()
    j = 0
    for i in range(x.size):
        v = x[i]
        if not np.isnan(v):
            if v in c:
                c[v] += 1
            else:
                c[v] = 1
            x[j] = v
            j += 1
    vals = x[:j]
    if len(vals) == 0:
        return np.nan
    vals.sort()
    cnts = np.empty(len(vals), dtype=types.uint64)
    for i in range(len(vals)):
        cnts[i] = c[vals[i]]
    return vals[np.argmax(cnts)]


@ngcjit
def nanentropy_jit(x):
    x = _atleast_1d(x)
    c = {}
    n = 0
    for v in x.ravel():
        if not np.isnan(v):
            if v in c:
                c[v] += 1
            else:
                c[v] = 1
            n += 1
    entr = 0.0
    if n > 0:
        frac = 1.0 / n
        for cnt in c.values():
            p = cnt * frac
            entr -= p * np.log(p)
    return entr


@ngcjit
def nanasm_jit(x):
    x = _atleast_1d(x)
    c = {}
    n = 0
    for v in x.ravel():
        if not np.isnan(v):
            if v in c:
                c[v] += 1
            else:
                c[v] = 1
            n += 1
    asm = 0.0
    if n > 0:
        frac = 1.0 / n
        for cnt in c.values():
            p = cnt * frac
            asm += p * p
    return asm


@ngcjit
def nanargmin_jit(x):
    # Get argmin. If empty give -1, if all nan, give -2. This differs from
    # numpy which throws an error.
    x = _atleast_1d(x)
    if x.size == 0:
        return -1
    nan_mask = np.isnan(x)
    if nan_mask.all():
        return -2
    x = x.ravel()
    nan_mask = nan_mask.ravel()
    j = 0
    min_val = np.inf
    for i in range(x.size):
        v = x[i]
        if nan_mask[i]:
            continue
        if v < min_val:
            j = i
            min_val = v
    return j


@ngcjit
def nanargmax_jit(x):
    # Get argmax. If empty give -1, if all nan, give -2. This differs from
    # numpy which throws an error.
    x = _atleast_1d(x)
    if x.size == 0:
        return -1
    nan_mask = np.isnan(x)
    if nan_mask.all():
        return -2
    x = x.ravel()
    nan_mask = nan_mask.ravel()
    j = 0
    max_val = -np.inf
    for i in range(x.size):
        v = x[i]
        if nan_mask[i]:
            continue
        if v > max_val:
            j = i
            max_val = v
    return j


# ---- raster_tools/surface.py (the module constants and the jitted kernels) ----
"""
Surface module used to perform common surface analyses on Raster objects.

ref: https://pro.arcgis.com/en/pro-app/latest/tool-reference/spatial-analyst/an-overview-of-the-surface-tools.htm
ref: https://github.com/makepath/xarray-spatial
"""  # noqa: E501
from functools import partial

import numba as nb
import numpy as np

# from raster_tools.dtypes import F32, F64, U8, get_default_null_value
# (the three names used here, as raster_tools/dtypes.py defines them)
U8 = np.dtype(np.uint8)
F32 = np.dtype(np.float32)
F64 = np.dtype(np.float64)

RADIANS_TO_DEGREES = 180 / np.pi
DEGREES_TO_RADIANS = np.pi / 180


@nb.jit(nopython=True, nogil=True)
def _surface_area_3d(xarr, res):
    # TODO: handle non-symmetrical resolutions
    dd = (res**2) * 2
    sd = res**2
    outx = np.empty_like(xarr, dtype=F64)
    rows, cols = xarr.shape
    for rw in range(1, rows - 1):
        for cl in range(1, cols - 1):
            ta = 0
            e = xarr[rw, cl]
            a = xarr[rw + 1, cl - 1]
            b = xarr[rw + 1, cl]
            c = xarr[rw + 1, cl + 1]
            d = xarr[rw, cl - 1]
            f = xarr[rw, cl + 1]
            g = xarr[rw - 1, cl - 1]
            h = xarr[rw - 1, cl]
            i = xarr[rw - 1, cl + 1]
            ea = np.sqrt(dd + (e - a) ** 2) * 0.5
            eb = np.sqrt(sd + (e - b) ** 2) * 0.5
            ab = np.sqrt(sd + (a - b) ** 2) * 0.5
            si = (ea + eb + ab) * 0.5
            ta += np.sqrt(si * (si - ea) * (si - eb) * (si - ab))
            ec = np.sqrt(dd + (e - c) ** 2) * 0.5
            bc = np.sqrt(sd + (b - c) ** 2) * 0.5
            si = (ec + eb + bc) * 0.5
            ta += np.sqrt(si * (si - ec) * (si - eb) * (si - bc))
            ef = np.sqrt(sd + (e - f) ** 2) * 0.5
            cf = np.sqrt(sd + (c - f) ** 2) * 0.5
            si = (ec + ef + cf) * 0.5
            ta += np.sqrt(si * (si - ec) * (si - ef) * (si - cf))
            ei = np.sqrt(dd + (e - i) ** 2) * 0.5
            fi = np.sqrt(sd + (f - i) ** 2) * 0.5
            si = (ei + ef + fi) * 0.5
            ta += np.sqrt(si * (si - ei) * (si - ef) * (si - fi))
            eh = np.sqrt(sd + (e - h) ** 2) * 0.5
            hi = np.sqrt(sd + (h - i) ** 2) * 0.5
            si = (ei + eh + hi) * 0.5
            ta += np.sqrt(si * (si - ei) * (si - eh) * (si - hi))
            eg = np.sqrt(dd + (e - g) ** 2) * 0.5
            gh = np.sqrt(sd + (g - h) ** 2) * 0.5
            si = (eg + eh + gh) * 0.5
            ta += np.sqrt(si * (si - eg) * (si - eh) * (si - gh))
            ed = np.sqrt(sd + (e - d) ** 2) * 0.5
            dg = np.sqrt(sd + (d - g) ** 2) * 0.5
            si = (eg + dg + ed) * 0.5
            ta += np.sqrt(si * (si - eg) * (si - ed) * (si - dg))
            ad = np.sqrt(sd + (a - d) ** 2) * 0.5
            si = (ea + ed + ad) * 0.5
            ta += np.sqrt(si * (si - ea) * (si - ed) * (si - ad))
            outx[rw, cl] = ta
    return outx


@nb.jit(nopython=True, nogil=True)
def _slope(xarr, res, degrees):
    # ref: https://pro.arcgis.com/en/pro-app/latest/tool-reference/3d-analyst/how-slope-works.htm  # noqa: E501
    outx = np.empty_like(xarr, dtype=F64)
    rows, cols = xarr.shape
    dx = res[0] * 8
    dy = res[1] * 8
    for ri in range(1, rows - 1):
        for ci in range(1, cols - 1):
            a = xarr[ri + 1, ci - 1]
            b = xarr[ri + 1, ci]
            c = xarr[ri + 1, ci + 1]
            d = xarr[ri, ci - 1]
            f = xarr[ri, ci + 1]
            g = xarr[ri - 1, ci - 1]
            h = xarr[ri - 1, ci]
            i = xarr[ri - 1, ci + 1]
            dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / dx
            dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / dy
            rise_run = np.sqrt((dzdx * dzdx) + (dzdy * dzdy))
            if degrees:
                outx[ri, ci] = np.arctan(rise_run) * RADIANS_TO_DEGREES
            else:
                # Percent slope. See the reference above
                outx[ri, ci] = rise_run
    return outx


@nb.jit(nopython=True, nogil=True)
def _aspect(xarr):
    # ref: https://desktop.arcgis.com/en/arcmap/10.3/tools/spatial-analyst-toolbox/how-aspect-works.htm  # noqa: E501
    # At each grid cell, the neighbors are labeled:
    #   g  h  i
    #   d |e| f
    #   a  b  c
    # Where e is the current cell.  This is reversed along the vertical dim
    # compared to ESRI's notes because this package orients the data arrays
    # such that the north/south coordinate increases with the row dim.
    outx = np.empty_like(xarr, dtype=F64)
    rows, cols = xarr.shape
    for ri in range(1, rows - 1):
        for ci in range(1, cols - 1):
            # See above for notes on ordering
            a = xarr[ri + 1, ci - 1]
            b = xarr[ri + 1, ci]
            c = xarr[ri + 1, ci + 1]
            d = xarr[ri, ci - 1]
            f = xarr[ri, ci + 1]
            g = xarr[ri - 1, ci - 1]
            h = xarr[ri - 1, ci]
            i = xarr[ri - 1, ci + 1]
            dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / 8
            dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / 8

            if dzdx == 0 and dzdy == 0:
                outx[ri, ci] = -1.0
            else:
                aspect = np.arctan2(dzdy, -dzdx) * RADIANS_TO_DEGREES
                if aspect <= 90:
                    outx[ri, ci] = 90.0 - aspect
                else:
                    outx[ri, ci] = 450 - aspect
    return outx


@nb.jit(nopython=True, nogil=True)
def _curv(xarr, res):
    # ref: https://desktop.arcgis.com/en/arcmap/10.3/tools/spatial-analyst-toolbox/how-curvature-works.htm  # noqa: E501
    # Neighbors are labeled like so:
    #   z1  z2  z3
    #   z4 |z5| z6
    #   z7  z8  z9
    outx = np.empty_like(xarr, dtype=F64)
    rows, cols = xarr.shape
    ca = res[0] * res[1]
    for ri in range(1, rows - 1):
        for ci in range(1, cols - 1):
            z2 = xarr[ri - 1, ci]
            z4 = xarr[ri, ci - 1]
            z5 = xarr[ri, ci]
            z6 = xarr[ri, ci + 1]
            z8 = xarr[ri + 1, ci]
            dl2 = ((z4 + z6) / 2) - z5
            el2 = ((z2 + z8) / 2) - z5
            outx[ri, ci] = -2 * (dl2 + el2) * 100 / ca
    return outx


@nb.jit(nopython=True, nogil=True)
def _hillshade(xarr, res, azimuth, altitude):
    # ref: https://pro.arcgis.com/en/pro-app/latest/tool-reference/spatial-analyst/how-hillshade-works.htm  # noqa: E501
    a_rad = (360.0 - azimuth + 90.0) * DEGREES_TO_RADIANS
    z_rad = (90 - altitude) * DEGREES_TO_RADIANS
    # Use F32 since the result will be cast to U8 anyway
    outx = np.empty_like(xarr, dtype=F32)
    rows, cols = xarr.shape
    dx = res[0] * 8
    dy = res[1] * 8
    for ri in range(1, rows - 1):
        for ci in range(1, cols - 1):
            a = xarr[ri + 1, ci - 1]
            b = xarr[ri + 1, ci]
            c = xarr[ri + 1, ci + 1]
            d = xarr[ri, ci - 1]
            f = xarr[ri, ci + 1]
            g = xarr[ri - 1, ci - 1]
            h = xarr[ri - 1, ci]
            i = xarr[ri - 1, ci + 1]
            dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / dx
            dzdy = ((g + 2 * h + i) - (a + 2 * b + c)) / dy
            slpr = np.arctan((dzdx * dzdx + dzdy * dzdy) ** 0.5)
            asr = asr = np.arctan2(dzdy, -dzdx)
            if not dzdx == 0:
                if asr < 0:
                    asr = 2 * np.pi + asr
            else:
                if dzdy > 0:
                    asr = np.pi / 2
                elif dzdy < 0:
                    asr = 2 * np.pi - np.pi / 2
                else:
                    pass
            hs = 255.0 * (
                (np.cos(z_rad) * np.cos(slpr))
                + (np.sin(z_rad) * np.sin(slpr) * np.cos(a_rad - asr))
            )
            if hs < 0:
                hs = 0
            outx[ri, ci] = hs
    return outx


# ---- harness (not part of the program) ----
ENTRY = "raster_tools_kernels"


def raster_tools_kernels(dem, vals):
    res = {}
    withnan = vals.copy()
    withnan[::5] = np.nan
    allnan = np.full(4, np.nan)
    empty = np.empty(0)
    stats = [nanmin_jit, nanmax_jit, nanmean_jit, nanmedian_jit, nansum_jit, nanvar_jit,
             nanstd_jit, nan_unique_count_jit, nanentropy_jit, nanasm_jit, nanargmin_jit, nanargmax_jit]
    for f in stats:
        name = f.py_func.__name__
        res[name] = (f(vals), f(withnan), f(withnan.reshape(4, 6)))
        if f not in (nanmin_jit, nanmax_jit):
            res[name + "_scalar"] = f(2.5)
    for f in (nanargmin_jit, nanargmax_jit, nanentropy_jit, nanasm_jit, nan_unique_count_jit):
        res[f.py_func.__name__ + "_edge"] = (f(allnan), f(empty))
    m1 = withnan.copy()
    m2 = allnan.copy()
    res["nanmode"] = (nanmode_jit(vals.copy()), nanmode_jit(m1), m1, nanmode_jit(m2), nanmode_jit(3.0))
    inner = (slice(1, -1), slice(1, -1))
    res["surface_area"] = _surface_area_3d(dem, 10.0)[inner]
    res["slope_deg"] = _slope(dem, (10.0, 12.0), True)[inner]
    res["slope_pct"] = _slope(dem, (10.0, 12.0), False)[inner]
    res["aspect"] = _aspect(dem)[inner]
    res["curvature"] = _curv(dem, (10.0, 10.0))[inner]
    res["hillshade"] = _hillshade(dem, (10.0, 10.0), 315, 45)[inner]
    res["hillshade_low_sun"] = _hillshade(dem, (10.0, 10.0), 120.0, 10.0)[inner]
    res["dem_f32_slope"] = _slope(dem.astype(np.float32), (10.0, 10.0), True)[inner]
    return res


def inputs():
    y, x = np.mgrid[0:14, 0:16]
    dem = 100.0 + 8.0 * np.sin(0.35 * x) * np.cos(0.25 * y) + 0.6 * x - 0.3 * y
    dem[4:8, 9:13] = 95.0
    vals = np.round(np.cos(np.arange(24) * 0.9) * 3.0)
    return (dem, vals)
