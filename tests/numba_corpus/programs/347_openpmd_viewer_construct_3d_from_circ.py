# Source: openPMD/openPMD-viewer openpmd_viewer/openpmd_timeseries/utilities.py (at commit 0ba40478)
# Licence: BSD-3-Clause-LBNL (openPMD-viewer, the files' headers: "Copyright 2015-2017, openPMD-viewer contributors ... License: 3-Clause-BSD-LBNL")
# Notes: reconstruction of a 3D Cartesian field from the azimuthal-mode (quasi-cylindrical, "thetaMode") output of a particle-in-cell plasma simulation such as a laser-wakefield run of FBPIC or WarpX: for every (x, y) point of the Cartesian grid, construct_3d_from_circ computes r, the nearest radial cell (ir clamped to [0, nr-1]), the complex e^{i theta} = (x + 1j*y)/r (1 + 0j on the axis), and for each mode m of the int array `modes` adds Fcirc[0, ir, :] (m = 0) or Fcirc[2m-1, ir, :]*Re(e^{i theta}^m) + Fcirc[2m, ir, :]*Im(...) (a complex integer power) into the z column F3d[ix, iy, :] in place; it returns None. `jit` is the openPMD-viewer wrapper of openpmd_viewer/openpmd_timeseries/numba_wrapper.py, numba.njit(cache=True) applied as a decorator, whose module is pasted whole first in place of the `from .numba_wrapper import jit` line. Pasted from utilities.py: its docstring, the math and numpy imports and its three jitted functions (histogram_cic_1d and histogram_cic_2d, not called, and construct_3d_from_circ); left out: the os and h5py imports and the import of read_species_data from the package's particle reader, used only by the module's plain-Python helpers (sanitize_slicing, list_h5_files, apply_selection, try_array, fit_bins_to_grid, combine_cylindrical_components), which are left out too. The harness passes what the package's thetaMode field reader passes when theta is None: a (3, 24, 40) float64 array of modes 0 and 1 (real and imaginary parts) of a focused laser-like E field, the Cartesian x = y = concatenate((-r[::-1], r)) axes of FieldMetaInformation for cell-centred r = (i + 0.5)*dr, modes = np.array([0, 1], dtype='int'), nx = ny = 48, nz = 40, nr = 24, nmodes = 2, inv_dr = 1/dr and rmax = r[-1], and a zero (48, 48, 40) float64 output
# ---- openpmd_viewer/openpmd_timeseries/numba_wrapper.py ----
"""
This file is part of the openPMD-viewer.

It defines a wrapper around numba.

Copyright 2019, openPMD-viewer contributors
Author: Remi Lehe
License: 3-Clause-BSD-LBNL
"""
import warnings

try:
    # Import jit decorator from numba
    import numba
    numba_installed = True
    jit = numba.njit(cache=True)

except ImportError:
    numba_installed = False
    # Create dummy decorator: warns about installing numba when calling
    # the decorated function.
    def jit(f):
        def decorated_f(*args, **kwargs):
            warnings.warn(
                '\nOne of the functions called by openPMD-viewer ' +\
                '(%s)\n' %f.__name__ +\
                'could have been faster if `numba` had been installed.\n' +\
                'Please consider installing `numba` (e.g. `pip install numba`)')
            return f(*args, **kwargs)
        return decorated_f

# ---- openpmd_viewer/openpmd_timeseries/utilities.py ----
"""
This file is part of the openPMD-viewer.

It defines a number of helper functions that are used in main.py

Copyright 2015-2017, openPMD-viewer contributors
Authors: Remi Lehe, Richard Pausch
License: 3-Clause-BSD-LBNL
"""

import math
import numpy as np

@jit
def histogram_cic_1d( q1, w, nbins, bins_start, bins_end ):
    """
    Return an 1D histogram of the values in `q1` weighted by `w`,
    consisting of `nbins` evenly-spaced bins between `bins_start`
    and `bins_end`. Contribution to each bins is determined by the
    CIC weighting scheme (i.e. linear weights).
    """
    # Define various scalars
    bin_spacing = (bins_end-bins_start)/nbins
    inv_spacing = 1./bin_spacing
    n_ptcl = len(w)

    # Allocate array for histogrammed data
    hist_data = np.zeros( nbins, dtype=np.float64 )

    # Go through particle array and bin the data
    for i in range(n_ptcl):
        # Calculate the index of lower bin to which this particle contributes
        q1_cell = (q1[i] - bins_start) * inv_spacing
        i_low_bin = int( math.floor( q1_cell ) )
        # Calculate corresponding CIC shape and deposit the weight
        S_low = 1. - (q1_cell - i_low_bin)
        if (i_low_bin >= 0) and (i_low_bin < nbins):
            hist_data[ i_low_bin ] += w[i] * S_low
        if (i_low_bin + 1 >= 0) and (i_low_bin + 1 < nbins):
            hist_data[ i_low_bin + 1 ] += w[i] * (1. - S_low)

    return( hist_data )


@jit
def histogram_cic_2d( q1, q2, w,
    nbins_1, bins_start_1, bins_end_1,
    nbins_2, bins_start_2, bins_end_2 ):
    """
    Return an 2D histogram of the values in `q1` and `q2` weighted by `w`,
    consisting of `nbins_1` bins in the first dimension and `nbins_2` bins
    in the second dimension.
    Contribution to each bins is determined by the
    CIC weighting scheme (i.e. linear weights).
    """
    # Define various scalars
    bin_spacing_1 = (bins_end_1-bins_start_1)/nbins_1
    inv_spacing_1 = 1./bin_spacing_1
    bin_spacing_2 = (bins_end_2-bins_start_2)/nbins_2
    inv_spacing_2 = 1./bin_spacing_2
    n_ptcl = len(w)

    # Allocate array for histogrammed data
    hist_data = np.zeros( (nbins_1, nbins_2), dtype=np.float64 )

    # Go through particle array and bin the data
    for i in range(n_ptcl):

        # Calculate the index of lower bin to which this particle contributes
        q1_cell = (q1[i] - bins_start_1) * inv_spacing_1
        q2_cell = (q2[i] - bins_start_2) * inv_spacing_2
        i1_low_bin = int( math.floor( q1_cell ) )
        i2_low_bin = int( math.floor( q2_cell ) )

        # Calculate corresponding CIC shape and deposit the weight
        S1_low = 1. - (q1_cell - i1_low_bin)
        S2_low = 1. - (q2_cell - i2_low_bin)
        if (i1_low_bin >= 0) and (i1_low_bin < nbins_1):
            if (i2_low_bin >= 0) and (i2_low_bin < nbins_2):
                hist_data[ i1_low_bin, i2_low_bin ] += w[i]*S1_low*S2_low
            if (i2_low_bin+1 >= 0) and (i2_low_bin+1 < nbins_2):
                hist_data[ i1_low_bin, i2_low_bin+1 ] += w[i]*S1_low*(1.-S2_low)
        if (i1_low_bin+1 >= 0) and (i1_low_bin+1 < nbins_1):
            if (i2_low_bin >= 0) and (i2_low_bin < nbins_2):
                hist_data[ i1_low_bin+1, i2_low_bin ] += w[i]*(1.-S1_low)*S2_low
            if (i2_low_bin+1 >= 0) and (i2_low_bin+1 < nbins_2):
                hist_data[ i1_low_bin+1, i2_low_bin+1 ] += w[i]*(1.-S1_low)*(1.-S2_low)

    return( hist_data )


@jit
def construct_3d_from_circ( F3d, Fcirc, x_array, y_array, modes,
    nx, ny, nz, nr, nmodes, inv_dr, rmax ):
    """
    Reconstruct the field from a quasi-cylindrical simulation (`Fcirc`), as
    a 3D cartesian array (`F3d`).
    """
    for ix in range(nx):
        x = x_array[ix]
        for iy in range(ny):
            y = y_array[iy]
            r = np.sqrt( x**2 + y**2 )
            ir = nr - 1 - int( (rmax - r) * inv_dr + 0.5 )
            # Handle out-of-bounds
            if ir < 0:
                ir = 0
            if ir >= nr:
                ir = nr-1
            # Loop over all modes and recontruct data
            if r == 0:
                expItheta = 1. + 0.j
            else:
                expItheta = (x+1.j*y)/r
            for im in range(nmodes):
                mode = modes[im]
                if mode==0:
                    F3d[ix, iy, :] += Fcirc[0, ir, :]
                else:
                    cos = (expItheta**mode).real
                    sin = (expItheta**mode).imag
                    F3d[ix, iy, :] += Fcirc[2*mode-1, ir, :]*cos \
                                    + Fcirc[2*mode, ir, :]*sin
# ---- harness (not part of the program) ----
ENTRY = "construct_3d_from_circ"


def inputs():
    # thetaMode data with Nm = 3 components (mode 0, Re and Im of mode 1),
    # Nr = 24 cell-centred radial points, Nz = 40 longitudinal points
    rng = np.random.default_rng(0)
    Nm, Nr, Nz = 3, 24, 40
    dr = 0.5e-6
    r = (np.arange(Nr) + 0.5) * dr
    z = np.arange(Nz) * 0.1e-6
    envelope = np.exp(-(r[:, None] / 4e-6) ** 2) * np.exp(-((z[None, :] - 2e-6) / 1e-6) ** 2)
    phase = 2 * np.pi * z[None, :] / 0.8e-6
    Fcirc = np.empty((Nm, Nr, Nz))
    Fcirc[0] = 1e9 * envelope * (r[:, None] / 4e-6) * np.sin(phase)
    Fcirc[1] = 3e10 * envelope * np.cos(phase)
    Fcirc[2] = 3e10 * envelope * np.sin(phase) + 1e8 * rng.standard_normal((Nr, Nz))
    x = np.concatenate((-r[::-1], r))
    y = x.copy()
    modes = np.array([mode for mode in range(0, int(Nm / 2) + 1)], dtype='int')
    nx, ny, nz = len(x), len(y), Nz
    F3d = np.zeros((nx, ny, nz))
    return (F3d, Fcirc, x, y, modes, nx, ny, nz, Nr, len(modes), 1. / dr, r[-1])
