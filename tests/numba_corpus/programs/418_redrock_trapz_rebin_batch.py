# Source: desihub/redrock py/redrock/rebin.py (at commit 1d74ed0e)
# Licence: BSD-3-Clause (redrock, LICENSE.rst: Copyright (c) 2014-2025, DESI Collaboration)
# Notes: trapezoidal rebinning of redshifted spectral templates onto the observed wavelength bins, the inner step of Redrock's redshift scan of DESI spectra (astronomy, spectroscopy): _trapz_rebin_batch (@numba.jit, no options) loops with while counters over the redshifts and the template's basis vectors, writes x*(1+z) element by element into a preallocated buffer and calls _trapz_rebin_1d (@numba.jit) on each basis row and on the strided slice results[iz, :, ibasis], which walks the input samples past each bin edge with nested while loops, interpolates the flux at the edges and accumulates trapezoid areas, then divides by the bin widths. Pasted: the module docstring, its __future__, numpy and numba imports and the two jitted functions verbatim (left out: the CUDA kernel source string and block_size, centers2edges, the plain-Python trapz_rebin wrapper and the cupy-based _trapz_rebin_batch_gpu). The harness passes what trapz_rebin passes on the CPU for a 3-vector template (a continuum, a few emission-line Gaussians and an absorption break on a 2.5 Angstrom rest-frame grid from 2500 to 10500 Angstrom) at 25 redshifts 0 .. 0.24 onto 0.8 Angstrom-wide bins from 3600 to 9800 Angstrom: result = zeros((nz, nbins, nbasis)) and redshifted_x = zeros(x.size)
"""
redrock.rebin
=============

Tools for binning data.
"""

from __future__ import absolute_import, division, print_function

import numpy as np
import numba

# This code is purposely written in a very "C-like" way.  The logic
# being that it may help numba optimization and also makes it easier
# if it ever needs to be ported to Cython.  Actually Cython versions
# of this code have already been tested and shown to perform no better
# than numba on Intel haswell and KNL architectures.

@numba.jit
def _trapz_rebin_1d(x, y, edges, results):
    '''
    Numba-friendly version of trapezoidal rebinning

    See redrock.rebin.trapz_rebin() for input descriptions.
    `results` is pre-allocated array of length len(edges)-1 to keep results
    '''
    nbin = len(edges) - 1
    i = 0  #- index counter for output
    j = 0  #- index counter for inputs
    yedge = 0.0
    area = 0.0

    while i < nbin:
        #- Seek next sample beyond bin edge
        while x[j] <= edges[i]:
            j += 1

        #- What is the y value where the interpolation crossed the edge?
        yedge = y[j-1] + (edges[i]-x[j-1]) * (y[j]-y[j-1]) / (x[j]-x[j-1])

        #- Is this sample inside this bin?
        if x[j] < edges[i+1]:
            area = 0.5 * (y[j] + yedge) * (x[j] - edges[i])
            results[i] += area

            #- Continue with interior bins
            while x[j+1] < edges[i+1]:
                j += 1
                area = 0.5 * (y[j] + y[j-1]) * (x[j] - x[j-1])
                results[i] += area

            #- Next sample will be outside this bin; handle upper edge
            yedge = y[j] + (edges[i+1]-x[j]) * (y[j+1]-y[j]) / (x[j+1]-x[j])
            area = 0.5 * (yedge + y[j]) * (edges[i+1] - x[j])
            results[i] += area

        #- Otherwise the samples span over this bin
        else:
            ylo = y[j] + (edges[i]-x[j]) * (y[j] - y[j-1]) / (x[j] - x[j-1])
            yhi = y[j] + (edges[i+1]-x[j]) * (y[j] - y[j-1]) / (x[j] - x[j-1])
            area = 0.5 * (ylo+yhi) * (edges[i+1]-edges[i])
            results[i] += area

        i += 1

    for i in range(nbin):
        results[i] /= edges[i+1] - edges[i]

    return

@numba.jit
def _trapz_rebin_batch(x, y, edges, myz, results, redshifted_x):
    '''
    Numba-friendly version of trapezoidal rebinning
    for multiple bases and/or redshifts.  This is a wrapper to
    call _trapz_rebin_1d multiple times.

    See redrock.rebin.trapz_rebin() for input descriptions.
    `results` is pre-allocated array of shape (nz, len(edges)-1, nbasis)
    to keep results.
    '''

    #If myz is numpy array, process all redshifts and all bases (one at
    #a time) and collect results in dict of 3-d numpy arrays
    nz = len(myz)
    nbasis = y.shape[0]
    nx = len(x)

    iz = 0 #index counter for redshifts
    while iz < nz:
        ##Numba does not handle vectorized multiplication so we need to
        # use loop here to multiply by redshift
        for i in range(nx):
          redshifted_x[i] = x[i]*(1.+myz[iz])
        ibasis = 0 #index counter for bases
        while ibasis < nbasis:
            ## * Uncomment the line below to change output shape * ##
            ##_trapz_rebin_1d(redshifted_x, y[ibasis], edges, results[iz, ibasis])
            _trapz_rebin_1d(redshifted_x, y[ibasis], edges, results[iz, :, ibasis])
            ibasis += 1
        iz += 1
    return
# ---- harness (not part of the program) ----
ENTRY = "_trapz_rebin_batch"


def inputs():
    # a 3-vector rest-frame template (continuum, emission lines, a break),
    # rebinned at 25 trial redshifts onto DESI-like 0.8 A observed bins
    x = np.arange(2500.0, 10500.0 + 1e-9, 2.5)
    continuum = (x / 5000.0) ** -1.5
    lines = np.zeros_like(x)
    for w0, amp in ((3727.0, 2.0), (4861.0, 1.0), (4959.0, 0.7),
                    (5007.0, 2.1), (6563.0, 3.0)):
        lines += amp * np.exp(-0.5 * ((x - w0) / 3.0) ** 2)
    brk = 1.0 / (1.0 + np.exp(-(x - 4000.0) / 20.0))
    y = np.vstack((continuum, lines, brk))
    edges = np.arange(3600.0, 9800.0 + 1e-9, 0.8)
    myz = np.linspace(0.0, 0.24, 25)
    results = np.zeros((len(myz), len(edges) - 1, y.shape[0]), dtype=np.float64)
    redshifted_x = np.zeros(x.size, dtype=np.float64)
    return (x, y, edges, myz, results, redshifted_x)
