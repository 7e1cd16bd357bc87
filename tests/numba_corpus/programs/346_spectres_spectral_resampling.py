# Source: ACCarnall/SpectRes spectres/spectral_resampling_numba.py (at commit 0ee32e20)
# Licence: GPL-3.0-or-later (SpectRes, the licence header of spectres/spectral_resampling.py in the same package: "SpectRes: A fast spectral resampling function. Copyright (C) 2017 A. C. Carnall ... GNU General Public License ... version 3 ... or any later version")
# Notes: flux-conserving resampling of an astronomical spectrum and its uncertainties onto a new wavelength grid (Carnall 2017), the Numba version of SpectRes: the plain-Python wrapper spectres_numba calls spnumba (@jit(nopython=True, cache=True)) with keyword arguments spec_errs=, fill=, verbose=; spnumba calls make_bins (@jit(nopython=True, cache=True): np.zeros, negative indices, slice arithmetic) twice for the edges and widths of the old and new bins, allocates np.zeros(np.shape(old_fluxes[..., 0]) + np.shape(new_wavs)) (an Ellipsis index of a 1-D array giving a 0-d array, tuple concatenation of shapes) and np.zeros_like, tests `old_errs is not None` on an array argument, compares old_errs.shape with old_fluxes.shape and raises ValueError, then walks the new bins with two while loops advancing start/stop, writes through Ellipsis indexing (new_fluxes[..., j] = ...), scales two old widths in place, and sums old_widths[start:stop+1]*old_fluxes[..., start:stop+1] with np.sum(..., axis=-1), np.sqrt of the error sum of squares, and puts the widths back; it returns a (fluxes, errors) tuple, which the wrapper returns as it is when errors were given. Pasted: the whole module (its __future__ and import lines, make_bins, spectres_numba, spnumba); the harness passes what the package's example (examples/example_hizquasar.py) passes, a spectrum sampled every 1 A (here a synthetic quasar-like spectrum over 6400-9500 A: a power-law continuum, two Gaussian emission lines and noise, with its 1-sigma errors) and the new grid np.arange(6510., 9385, 5.) + 2.5, all inside the old range
from __future__ import print_function, division, absolute_import

import numpy as np
from numba import jit


@jit(nopython=True, cache=True)
def make_bins(wavs):
    """ Given a series of wavelength points, find the edges and widths
    of corresponding wavelength bins. """
    edges = np.zeros(wavs.shape[0]+1)
    widths = np.zeros(wavs.shape[0])
    edges[0] = wavs[0] - (wavs[1] - wavs[0])/2
    widths[-1] = (wavs[-1] - wavs[-2])
    edges[-1] = wavs[-1] + (wavs[-1] - wavs[-2])/2
    edges[1:-1] = (wavs[1:] + wavs[:-1])/2
    widths[:-1] = edges[1:-1] - edges[:-2]

    return edges, widths


def spectres_numba(new_wavs, spec_wavs, spec_fluxes, spec_errs=None, fill=0,
                   verbose=True):
    """
    Wrapper function to preserve interface when using Numba
    """

    new_fluxes, new_errs = spnumba(new_wavs, spec_wavs, spec_fluxes,
                                   spec_errs=spec_errs, fill=fill,
                                   verbose=verbose)

    # If errors not supplied, only return the fluxes not array of zeros
    if spec_errs is None:
        return new_fluxes
    # But if they were, we should return everything
    else:
        return new_fluxes, new_errs


@jit(nopython=True, cache=True)
def spnumba(new_wavs, spec_wavs, spec_fluxes, spec_errs=None, fill=0,
            verbose=True):

    """
    Function for resampling spectra (and optionally associated
    uncertainties) onto a new wavelength basis.

    Parameters
    ----------

    new_wavs : numpy.ndarray
        Array containing the new wavelength sampling desired for the
        spectrum or spectra.

    spec_wavs : numpy.ndarray
        1D array containing the current wavelength sampling of the
        spectrum or spectra.

    spec_fluxes : numpy.ndarray
        Array containing spectral fluxes at the wavelengths specified in
        spec_wavs, last dimension must correspond to the shape of
        spec_wavs. Extra dimensions before this may be used to include
        multiple spectra.

    spec_errs : numpy.ndarray (optional)
        Array of the same shape as spec_fluxes containing uncertainties
        associated with each spectral flux value.

    fill : float (optional)
        Where new_wavs extends outside the wavelength range in spec_wavs
        this value will be used as a filler in new_fluxes and new_errs.

    verbose : bool (optional)
        Setting verbose to False will suppress the default warning about
        new_wavs extending outside spec_wavs and "fill" being used.

    Returns
    -------

    new_fluxes : numpy.ndarray
        Array of resampled flux values, first dimension is the same
        length as new_wavs, other dimensions are the same as
        spec_fluxes.

    new_errs : numpy.ndarray
        Array of uncertainties associated with fluxes in new_fluxes.
        Only returned if spec_errs was specified.
    """

    # Rename the input variables for clarity within the function.
    old_wavs = spec_wavs
    old_fluxes = spec_fluxes
    old_errs = spec_errs

    # Make arrays of edge positions and widths for the old and new bins

    old_edges, old_widths = make_bins(old_wavs)
    new_edges, new_widths = make_bins(new_wavs)

    # Generate output arrays to be populated
    # ndarray.shape often doesn't compile  while np.shape(ndarray) does)
    new_fluxes = np.zeros(np.shape(old_fluxes[..., 0]) + np.shape(new_wavs))

    if old_errs is not None:
        if old_errs.shape != old_fluxes.shape:
            raise ValueError("If specified, spec_errs must be the same shape "
                             "as spec_fluxes.")
    #    else:
    new_errs = np.zeros_like(new_fluxes)

    start = 0
    stop = 0
    warned = False

    # Calculate new flux and uncertainty values, looping over new bins
    for j in range(new_wavs.shape[0]):

        # Add filler values if new_wavs extends outside of spec_wavs
        if (new_edges[j] < old_edges[0]) or (new_edges[j+1] > old_edges[-1]):
            new_fluxes[..., j] = fill

            if spec_errs is not None:
                new_errs[..., j] = fill

            if (j == 0 or j == new_wavs.shape[0]-1) and verbose and not warned:
                warned = True
                print("\nSpectres: new_wavs contains values outside the range "
                      "in spec_wavs, new_fluxes and new_errs will be filled "
                      "with the value set in the 'fill' keyword argument. \n")
            continue

        # Find first old bin which is partially covered by the new bin
        while old_edges[start+1] <= new_edges[j]:
            start += 1

        # Find last old bin which is partially covered by the new bin
        while old_edges[stop+1] < new_edges[j+1]:
            stop += 1

        # If new bin is fully inside an old bin start and stop are equal
        if stop == start:
            new_fluxes[..., j] = old_fluxes[..., start]
            if old_errs is not None:
                new_errs[..., j] = old_errs[..., start]

        # Otherwise multiply the first and last old bin widths by P_ij
        else:
            start_factor = ((old_edges[start+1] - new_edges[j])
                            / (old_edges[start+1] - old_edges[start]))

            end_factor = ((new_edges[j+1] - old_edges[stop])
                          / (old_edges[stop+1] - old_edges[stop]))

            old_widths[start] *= start_factor
            old_widths[stop] *= end_factor

            # Populate new_fluxes spectrum and uncertainty arrays
            f_widths = old_widths[start:stop+1]*old_fluxes[..., start:stop+1]
            new_fluxes[..., j] = np.sum(f_widths, axis=-1)
            new_fluxes[..., j] /= np.sum(old_widths[start:stop+1])

            if old_errs is not None:
                e_wid = old_widths[start:stop+1]*old_errs[..., start:stop+1]

                new_errs[..., j] = np.sqrt(np.sum(e_wid**2, axis=-1))
                new_errs[..., j] /= np.sum(old_widths[start:stop+1])

            # Put back the old bin widths to their initial values
            old_widths[start] /= start_factor
            old_widths[stop] /= end_factor

    # numba doesn't seem to like having more than one return, so we're
    # forcing it to return an array of zeros for the errors here
    return new_fluxes, new_errs
# ---- harness (not part of the program) ----
ENTRY = "spectres_numba"


def inputs():
    # a quasar-like spectrum sampled every 1 A between 6400 and 9500 A
    # (flux density in W/m^2/A, ~1e-19 as in the package's example file):
    # power-law continuum, two broad emission lines, Gaussian noise, errors
    rng = np.random.default_rng(0)
    wavs = np.arange(6400., 9500., 1.)
    cont = 2e-20 * (wavs / 7000.) ** -1.5
    lines = (3e-20 * np.exp(-0.5 * ((wavs - 7150.) / 40.) ** 2)
             + 1.5e-20 * np.exp(-0.5 * ((wavs - 8600.) / 55.) ** 2))
    errs = 4e-21 * (1.0 + 0.3 * rng.random(wavs.size))
    fluxes = cont + lines + errs * rng.standard_normal(wavs.size)
    regrid = np.arange(6510., 9385, 5.) + 2.5
    return regrid, wavs, fluxes, errs
