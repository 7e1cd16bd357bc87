# Source: jovian-explorer/exo_k exo_k/util/interp.py (at commit 03a4fd0a)
# Licence: BSD (exo_k, setup.py license="BSD" / "License :: OSI Approved :: BSD License"; J. Leconte)
# Notes: correlated-k opacity tables for exoplanet atmosphere radiative transfer (astrophysics): spectrum_to_kdist (@numba.njit) turns a high-resolution absorption spectrum into k-coefficients per coarse wavenumber bin (np.searchsorted of two arrays, continue on empty bins, np.argsort, np.cumsum of fancy-indexed weights, np.interp onto the g-grid stored as a row); rebin (@numba.njit(fastmath=True)) bins a fine-grid function into coarse bins (searchsorted side='right', np.where clamp, np.diff, nested index loops); kdata_conv_loop_profile (@numba.njit(nogil=True,fastmath=True)) forms the Ng^2 sums of two species' k-coefficients in place; g_sample_4d (@numba.njit(fastmath=True), np.interp into 4-D slices, bare return); bilinear_interpolation / linear_interpolation (@numba.njit(nogil=True,fastmath=True)) interpolate table rows; is_sorted (@numba.njit). Pasted: these jitted functions and the plain-Python RandOverlap_2_kdata_prof that calls kdata_conv_loop_profile (its own @numba.njit is commented out in the source); left out: the astropy unit helpers, gauss_legendre (numpy's leggauss, done in the harness), rebin_ind_weights (builds a numba.typed.List in Python) and the bin-down functions. The harness builds two synthetic line spectra on a 4000-point grid, makes k-distributions on 8 Gauss-Legendre g-points for 3 layers, mixes them by random overlap, rebins a spectrum, resamples a 4-D table and interpolates rows, and returns all results
import numpy as np
import numba

@numba.njit(nogil=True,fastmath=True)
def bilinear_interpolation(z00, z10, z01, z11, x, y):
    """
    2D interpolation
    Applies linear interpolation across x and y between xmin,xmax and ymin,ymax

    Parameters
    ----------
        z00: array
            Array corresponding to xmin,ymin
        z10: array
            Array corresponding to xmax,ymin
        z01: array
            Array corresponding to xmin,ymax
        z11: array
            Array corresponding to xmax,ymax
        x: float
            weight on x coord
        y: float
            weight on y coord
    """
    xy = x*y
    res = np.zeros_like(z00)
    for i in range(z00.shape[0]):
        res[i] = (z11[i]-z01[i]+z00[i]-z10[i])*xy +(z01[i]-z00[i])*y +(z10[i]-z00[i])*x +z00[i]
    return res


@numba.njit(nogil=True,fastmath=True)
def linear_interpolation(z00, z10, x):
    """1D interpolation.

    Applies linear interpolation in x between xmin, xmax.

    Parameters
    ----------
        z00: array
            Array corresponding to xmin
        z10: array
            Array corresponding to xmax
        x: float
            weight on x coord
    """
    res = np.zeros_like(z00)
    for i in range(z00.shape[0]):
#        res[i] = z10[i]*x+z00[i]*x2
        tmp1=z00[i]
        tmp2=z10[i]
        tmp2-=tmp1
        tmp1+=tmp2*x
        res[i] = tmp1
    return res


@numba.njit(nogil=True,fastmath=True)
def kdata_conv_loop_profile(kdata1,kdata2,kdataconv,Nlay,Nw,Ng):
    """Computes the convolution of two atmospheric kdata profiles.

    Nothing is returned. kdataconv is changed in place. 

    Parameters
    ----------
        kdata1,kdata2 : arrays
            The two ktable.kdata tables to convolve.
        kdataconv : array
            Result table where the last dimension as a length equal to Ng^2.
        Nlay : int
            Number of atmospheric layers
        Nw : int
            Number of wavenumber points
        Ng : int
            Number of g-points
    """
    for i in range(Nlay):
        for j in range(Nw):
            for l in range(Ng):
                for m in range(Ng):
                    kdataconv[i,j,l*Ng+m]=kdata1[i,j,m]+kdata2[i,j,l]

@numba.njit(fastmath=True)
def rebin(f_fine,fine_grid,coarse_grid):
    """Computes the binned version of a function on a coarser grid.
    The two grids do not need to have the same boundaries.

    Parameters
    ----------
        f_fine: array
            Function to be rebinned, given on the fine_grid.
        fine_grid: array
            The high resolution grid edges we start with.
        coarse_grid: array
            The coarser resolution grid edges inside which we want to bin the function f.
       """
    indicestosum=np.searchsorted(fine_grid,coarse_grid,side='right')
    Nfine=fine_grid.size
    if indicestosum[-1]==Nfine : 
        indicestosum=np.where(indicestosum<Nfine,indicestosum,Nfine-1)
    dgrid=np.diff(fine_grid)
    Nn=coarse_grid.size-1
    f_coarse=np.zeros(Nn)
    ifine=indicestosum[0]-1
    for ii in range(Nn):
      if indicestosum[ii+1]>indicestosum[ii]:
        tmp_w=fine_grid[ifine+1]-coarse_grid[ii]
        tmp_f=f_fine[ifine]*tmp_w
        for iifine in range(indicestosum[ii],indicestosum[ii+1]-1):
          tmp_f+=dgrid[iifine]*f_fine[iifine]
          tmp_w+=dgrid[iifine]
        ifine=indicestosum[ii+1]-1
        tmp_dw=(coarse_grid[ii+1]-fine_grid[ifine])
        #print(ifine,tmp_dw,f_fine[ifine])
        tmp_f+=f_fine[ifine]*tmp_dw
        tmp_w+=tmp_dw
        f_coarse[ii]=tmp_f/tmp_w
      else:
        f_coarse[ii]=f_fine[ifine]
    return f_coarse

@numba.njit(fastmath=True)
def g_sample_4d(new_ggrid, new_kdata, old_ggrid, old_kdata):
    """Reinterpolte the g grid inplace.
    """
    shape=old_kdata.shape
    for iP in range(shape[0]):
      for iT in range(shape[1]):
        for iW in range(shape[2]):
            new_kdata[iP,iT,iW,:]=np.interp(new_ggrid, old_ggrid, old_kdata[iP,iT,iW,:])
    return

#@numba.njit(nogil=True,fastmath=True)
def RandOverlap_2_kdata_prof(Nlay, Nw, Ng, kdata1, kdata2, weights, ggrid):
    """Function to randomely mix the opacities of 2 species in an atmospheric profile.

    Parameters
    ----------
        Nlay, Nw, Ng: int
            Number of layers, spectral bins, and gauss points. 
        kdata1, kdata2: arrays of size (Nlay, Nw, Ng)
            vmr weighted cross-sections for the two species.
        weights: array
            gauss weights.
        ggrid: array
            g-points.
    
    Returns
    -------
        array
            k-coefficient array of the mix over the atmospheric column.
    """
    kdataconv=np.zeros((Nlay,Nw,Ng**2))
    weightsconv=np.zeros(Ng**2)
    newkdata=np.zeros((Nlay,Nw,Ng))

    for jj in range(Ng):
        for ii in range(Ng):
            weightsconv[ii*Ng+jj]=weights[jj]*weights[ii]

    kdata_conv_loop_profile(kdata1,kdata2,kdataconv,Nlay,Nw,Ng)

    for ilay in range(Nlay):
        for iW in range(Nw):
            tmp=kdataconv[ilay,iW,:]
            indices=np.argsort(tmp)
            kdatasort=tmp[indices]
            weightssort=weightsconv[indices]
            newggrid=np.cumsum(weightssort)
            #ind=np.searchsorted(newggrid,ggrid,side='left')
            #newkdata[ilay,iW,:]=kdatasort[ind]
            newkdata[ilay,iW,:]=np.interp(ggrid,newggrid,kdatasort)
    return newkdata

@numba.njit
def is_sorted(a):
    """Finds out if an array is sorted. Returns True if it is.
    """
    for i in range(a.size-1):
         if a[i+1] < a[i] :
               return False
    return True

@numba.njit
def spectrum_to_kdist(k_hr,wn_hr,dwn_hr,wnedges,ggrid):
    """Creates the k-distribution from a single high resolution spectrum
    
    Parameters
    ----------
        k_hr : array
            Spectrum
        wn_hr : array
            Wavenumber grid
        dwn_hr : array
            Width of the high resolution wavenumber bins.
        wnedges : array
            Lower resolution wavenumber bin edges inside which the k-dist will be computed.
        ggrid : array
            Grid of g-point abscissas

    Returns
    -------
        kdata : array
            k coefficients for each (Wn, g) bin.
    """
    pos=np.searchsorted(wn_hr,wnedges)
    #print(pos)
    kdata=np.zeros((wnedges.size-1,ggrid.size))
    for ib in range(wnedges.size-1):
        if pos[ib+1]==pos[ib]:
            continue
            # JL20 why did I write that ??
            # for the moment, this leaves zeros but we should probably make the code stop
        tmp_k=k_hr[pos[ib]:pos[ib+1]]
        totwg=np.sum(dwn_hr[pos[ib]:pos[ib+1]])
        wg=dwn_hr[pos[ib]:pos[ib+1]]/totwg
        sort_ind=np.argsort(tmp_k)
        newgfine=np.cumsum(wg[sort_ind])
        # choosing the line below or the two after actually makes a significant difference
        kdata[ib]=np.interp(ggrid,newgfine,tmp_k[sort_ind])
        #g_pos=np.searchsorted(newgfine,ggrid,side='right')
        #kdata[ib]=tmp_k[sort_ind[g_pos]] 
        # an interpolation between tmp_k[sort_ind[g_pos]] and tmp_k[sort_ind[g_pos-1]] 
        # would probably be cleaner.
    return kdata
# ---- harness (not part of the program) ----
ENTRY = "run_ktables"


def run_ktables(wn_hr, spec1, spec2, wnedges, coarse_grid):
    from numpy.polynomial.legendre import leggauss
    Ng = 8
    ggrid, weights = leggauss(Ng)
    weights = weights / 2.
    ggrid = (ggrid + 1.) / 2.
    dwn_hr = np.gradient(wn_hr)
    Nlay = spec1.shape[0]
    Nw = wnedges.size - 1
    k1 = np.zeros((Nlay, Nw, Ng))
    k2 = np.zeros((Nlay, Nw, Ng))
    for ilay in range(Nlay):
        k1[ilay] = spectrum_to_kdist(spec1[ilay], wn_hr, dwn_hr, wnedges, ggrid)
        k2[ilay] = spectrum_to_kdist(spec2[ilay], wn_hr, dwn_hr, wnedges, ggrid)
    mix = RandOverlap_2_kdata_prof(Nlay, Nw, Ng, k1, k2, weights, ggrid)
    binned = rebin(spec1[0], wn_hr, coarse_grid)
    new_g = np.linspace(0.02, 0.98, 5)
    old4d = np.log(k1[None, :, :, :] + 1e-30) + np.arange(2.0)[:, None, None, None]
    new4d = np.zeros(old4d.shape[:3] + (new_g.size,))
    g_sample_4d(new_g, new4d, ggrid, old4d)
    bil = bilinear_interpolation(k1[0, :, 0], k1[1, :, 0], k2[0, :, 0], k2[1, :, 0], 0.3, 0.6)
    lin = linear_interpolation(k1[1, :, 3], k1[2, :, 3], 0.25)
    return k1, k2, mix, binned, new4d, bil, lin, is_sorted(wn_hr), is_sorted(spec1[0])


def inputs():
    # 4000-point wavenumber grid (1000-2000 cm-1), 3 layers, two species with 60 / 40
    # Lorentzian lines of random positions and strengths plus a continuum; 20 coarse bins
    rng = np.random.default_rng(0)
    wn_hr = np.linspace(1000.0, 2000.0, 4000)
    spec = []
    for nlines in (60, 40):
        centers = rng.uniform(1000.0, 2000.0, nlines)
        strengths = 10.0 ** rng.uniform(-3, 0, nlines)
        layers = []
        for width in (0.5, 1.0, 2.0):
            k = 1e-4 + np.sum(strengths[:, None] * width / np.pi /
                              ((wn_hr[None, :] - centers[:, None]) ** 2 + width ** 2), axis=0)
            layers.append(k)
        spec.append(np.array(layers))
    wnedges = np.linspace(1000.0, 2000.0, 21)
    coarse_grid = np.linspace(995.0, 1995.0, 33)
    return (wn_hr, spec[0], spec[1], wnedges, coarse_grid)
