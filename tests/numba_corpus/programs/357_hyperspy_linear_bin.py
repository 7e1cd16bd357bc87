# Source: hyperspy/hyperspy hyperspy/misc/array_tools.py (at commit 003f7bc4)
# Licence: GPL-3.0-or-later (HyperSpy, the file's licence header: "Copyright 2007-2024 The HyperSpy developers ... GNU General Public License ... version 3 of the License, or (at your option) any later version")
# Notes: non-integer rebinning (binning by fractional pixel ratios, or upsampling) of a multi-dimensional spectrum image, the linear-interpolation path of HyperSpy's Signal.rebin used for electron energy-loss and EDS data in materials microscopy: the plain-Python _linear_bin checks the scale list and dtype (np.issubdtype, astype(..., casting="safe", copy=False)), then for each axis swaps it to the front with np.swapaxes (a strided view), sizes the result with math.floor(shape / s), allocates np.zeros((dim,) + dat.shape[1:], dtype=dtype) (dtype = the scalar type dat.dtype.type) and calls _linear_bin_loop with keyword arguments; _linear_bin_loop (decorated @jit_ifnumba(cache=True), HyperSpy's wrapper that returns numba.jit(*args, nopython=True, **kwargs)) takes value = result[j : j + 1] (a view with a leading length-1 axis) and adds whole (N-1)-D slices data[k] of the non-contiguous input into it, weighted by the fractional overlaps computed with math.ceil / math.floor and a while loop over full pixels (binning, scale >= 1) or by the partial pixel widths (upsampling, scale < 1, chained comparison `scale > (cx1 - x1) > 0`), in place. Pasted: the file's licence header, its math, logging and numpy imports, _logger, and _linear_bin_loop and _linear_bin, with jit_ifnumba pasted from hyperspy/decorators.py in place of the `from hyperspy.decorators import jit_ifnumba` line (its warning branch logs through the pasted _logger); left out: the dask import and the imports of anyfloatin and REBIN_ARGS (used by rebin and the other functions of the module, which are left out). The harness passes what rebin(a, scale=...) passes when a non-integer scale asks for linear rebinning (_linear_bin(a, scale, crop, dtype=dtype)): a float64 16 x 20 x 256 EELS-like spectrum image (a power-law background with two edges and Poisson-like noise), scale = np.array([0.8, 2.5, 2.2]) (the float64 array of factors BaseSignal.rebin computes and passes on; upsampling along the first axis, fractional binning along the others), crop=True and dtype=None
# Copyright 2007-2024 The HyperSpy developers
#
# This file is part of HyperSpy.
#
# HyperSpy is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
#
# HyperSpy is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with HyperSpy. If not, see <https://www.gnu.org/licenses/#GPL>


import math
import logging

import numpy as np


_logger = logging.getLogger(__name__)


# ---- hyperspy/decorators.py ----
def jit_ifnumba(*args, **kwargs):
    try:
        import numba

        if "nopython" not in kwargs:
            kwargs["nopython"] = True
        return numba.jit(*args, **kwargs)
    except ImportError:
        _logger.warning(
            "Numba is not installed, falling back to " "non-accelerated implementation."
        )

        def wrap1(func):
            def wrap2(*args2, **kwargs2):
                return func(*args2, **kwargs2)

            return wrap2

        return wrap1


# ---- hyperspy/misc/array_tools.py ----
@jit_ifnumba(cache=True)
def _linear_bin_loop(result, data, scale):  # pragma: no cover
    for j in range(result.shape[0]):
        # Begin by determining the upper and lower limits of a given new pixel.
        x1 = j * scale
        x2 = min((1 + j) * scale, data.shape[0])
        value = result[j : j + 1]

        if (x2 - x1) >= 1:
            # When binning, the first part is to deal with the fractional pixel
            # left over from it being non-integer binning e.g. when x1=1.4
            cx1 = math.ceil(x1)
            rem = cx1 - x1
            # This will add a value of fractional pixel to the bin, eg if x1=1.4,
            # the fist step will be to add 0.6*data[1]
            value += data[math.floor(x1)] * rem
            # Update x1 to remove the part of the bin we have just added.
            x1 = cx1
            while (x2 - x1) >= 1:
                # Main binning function to add full pixel values to the data.
                value += data[int(x1)]
                # Update x1 each time.
                x1 += 1
            if x2 > x1:
                # Finally take into account the fractional pixel left over.
                value += data[math.floor(x1)] * (x2 - x1)
        else:
            # When step < 1, so we are upsampling
            fx1 = math.floor(x1)
            cx1 = math.ceil(x1)
            if scale > (cx1 - x1) > 0:
                # If our step is smaller than rounding up to the nearest whole
                # number.
                value += data[fx1] * (cx1 - x1)
                x1 = cx1  # This step is needed when this particular bin straddes
                # two neighbouring pixels.
            if x1 < x2:
                # The standard upsampling function where each new pixel is a
                # fraction of the original pixel.
                value += data[math.floor(x1)] * (x2 - x1)


def _linear_bin(dat, scale, crop=True, dtype=None):
    """Binning of the spectrum image by a non-integer pixel value.

    Parameters
    ----------
    originalSpectrum : numpy.array
    scale : a list of floats
        For each dimension specify the new:old pixel ratio,
        e.g. a ratio of 1 is no binning; a ratio of 2 means that each pixel in
        the new spectrum is twice the size of the pixels in the old spectrum.
        The length of the list should match the dimensions of the data.
    crop : bool, default True
        When binning by a non-integer number of pixels it is likely that
        the final row in each dimension contains less than the full quota to
        fill one pixel.
        e.g. 5*5 array binned by 2.1 will produce two rows containing 2.1
        pixels and one row containing only 0.8 pixels worth. Selection of
        crop='True' or crop='False' determines whether or not this 'black'
        line is cropped from the final binned array or not.

        *Please note that if crop=False is used, the final row in each
        dimension may appear black, if a fractional number of pixels are left
        over. It can be removed but has been left optional to preserve total
        counts before and after binning.*

    Returns
    -------
    np.array
        with new dimensions width/scale for each dimension in the data.
    """
    if len(dat.shape) != len(scale):
        raise ValueError(
            "The list of bins must match the number of dimensions, including "
            "the energy dimension. In order to not bin in any of these "
            "dimensions specifically, simply set the value in shape to 1."
        )

    # Unsuported dtype value argument
    dtype_str_same_integer = (
        isinstance(dtype, str)
        and dtype == "same"
        and np.issubdtype(dat.dtype, np.integer)
    )
    dtype_interger = not isinstance(dtype, str) and np.issubdtype(dtype, np.integer)

    if dtype_str_same_integer or dtype_interger:
        raise ValueError(
            "Linear interpolation requires float dtype, change the " "dtype argument."
        )

    if np.issubdtype(dat.dtype, np.integer):
        # The _linear_bin function below requires a float dtype
        # because of the default numpy casting rule ('same_kind').
        dtype = float
    # Make sure that native endian is used as required by numba.jit
    elif not dat.dtype.isnative:
        dtype = dat.dtype.type

    # If dtype is not None, it means that we need to change it
    if dtype is not None:
        dat = dat.astype(dtype, casting="safe", copy=False)

    for axis, s in enumerate(scale):
        # For each iteration of linear_bin the axis being interated over has to
        # be switched to axis[0] in order to carry out the interation loop.
        dat = np.swapaxes(dat, 0, axis)
        # The new dimension size is old_size/step, this is rounded down normally
        # but if crop is switched off it is rounded up to the nearest whole
        # number.
        if not np.issubdtype(s, np.floating):
            s = float(s)

        dim = math.floor(dat.shape[0] / s) if crop else math.ceil(dat.shape[0] / s)
        # check function wont bin to zero.
        if dim == 0:
            raise ValueError(
                "One of your dimensions collapses to zero. "
                "Re-adjust your scale values or run code with "
                "crop=False to avoid this error."
            )

        # Make sure that native endian is used
        if dtype is None:
            dtype = dat.dtype.type
        # Set up the result np.array to have a new axis[0] size for after
        # cropping.
        result = np.zeros((dim,) + dat.shape[1:], dtype=dtype)

        # Carry out binning over axis[0]
        _linear_bin_loop(result=result, data=dat, scale=s)
        # Swap axis[0] back to the original axis location.
        result = result.swapaxes(0, axis)
        # Update the np.array reading of iterating over the next axis.
        dat = result

    return result
# ---- harness (not part of the program) ----
ENTRY = "_linear_bin"


def inputs():
    # EELS-like spectrum image: 16 x 20 probe positions, 256 energy channels;
    # power-law background with two ionisation edges, thickness variations
    # and Poisson-like noise
    rng = np.random.default_rng(0)
    energy = np.linspace(200.0, 455.0, 256)
    background = 1e8 * energy ** -2.5
    edge1 = 300.0 * (energy > 284.0) * (energy / 284.0) ** -3
    edge2 = 150.0 * (energy > 400.0) * (energy / 400.0) ** -3
    thickness = 1.0 + 0.3 * rng.random((16, 20))
    mean = thickness[:, :, None] * (background + edge1 + edge2)[None, None, :]
    data = mean + np.sqrt(mean) * rng.standard_normal(mean.shape)
    return data, np.array([0.8, 2.5, 2.2]), True, None
