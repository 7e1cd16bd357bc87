# Source: casangi/cngi_prototype ngcasa/imaging/_imaging_utils/_gridding_convolutional_kernels.py (at commit f6f0fcb7), ngcasa/imaging/_imaging_utils/_standard_grid.py (at commit 117b3912)
# Licence: Apache-2.0 (CNGI prototype; the Apache License 2.0 header in each file, Copyright 2019 AUI, Inc. Washington DC, USA)
# Notes: the numba gridding kernels of the CNGI / ngCASA prototype (NRAO's next-generation CASA, radio-interferometric imaging). Pasted: _gridding_convolutional_kernels.py whole (plain NumPy: image-plane coordinates, the prolate-spheroidal wave function by Schwab's rational approximation with boolean-mask and fancy-index assignments, and the 2-D / 1-D oversampled PSWF convolution kernels), and from _standard_grid.py its imports, ndim_list and the two jitted kernels, both @jit(nopython=True, cache=True, nogil=True): _standard_grid_jit (convolutional gridding of weighted visibilities, or of the weights alone when do_psf is true, onto a (chan, pol, u, v) grid: per-channel uv scaling with a vector expression written into rows of a 2 x n_chan array, `~np.isnan(u) and ~np.isnan(v)` on scalars, rounding by int(x + 0.5) and math.floor, a support window checked against the grid bounds, the oversampled 1-D kernel indexed with np.abs of an integer expression, a weighted_data that is complex or real depending on the branch, and accumulation of sum_weight) and _standard_imaging_weight_degrid_jit (Briggs imaging weights read back from a gridded weight image with nearest-cell lookup). Left out: the dask graph builders _graph_standard_grid / _graph_standard_degrid / _tree_sum_list (dask, xarray) and the NumPy wrappers _standard_grid_numpy_wrap, _standard_grid_psf_numpy_wrap and _standard_imaging_weight_degrid_numpy_wrap, which build chan_map / pol_map with .astype(np.int) and a placeholder with dtype=np.bool (both aliases are gone from NumPy 1.24, so the wrappers no longer run); the harness does what they do, with np.int64 and np.bool_: it builds the 1-D PSWF kernel (oversampling 100, support 7), random uvw tracks for 6 times x 10 baselines, 3 channels and 2 polarisations of complex visibilities (one NaN u coordinate, one zero weight) and grids them in cube and continuum modes, grids the PSF (real grid, bool placeholder visibilities), and degrids Briggs imaging weights from a gridded weight image; it also returns the 2-D PSWF kernel and correction image
#   Copyright 2019 AUI, Inc. Washington DC, USA
#
#   Licensed under the Apache License, Version 2.0 (the "License");
#   you may not use this file except in compliance with the License.
#   You may obtain a copy of the License at
#
#       http://www.apache.org/licenses/LICENSE-2.0
#
#   Unless required by applicable law or agreed to in writing, software
#   distributed under the License is distributed on an "AS IS" BASIS,
#   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
#   See the License for the specific language governing permissions and
#   limitations under the License.
# ---- ngcasa/imaging/_imaging_utils/_gridding_convolutional_kernels.py ----
import numpy as np
from numba import jit
import math


def _coordinates(npixel: int):
    """ 1D array which spans [-.5,.5[ with 0 at position npixel/2
    """
    return (np.arange(npixel) - npixel // 2) / npixel


def _coordinates2(npixel: int):
    """Two dimensional grids of coordinates spanning -1 to 1 in each dimension
    1. a step size of 2/npixel and
    2. (0,0) at pixel (floor(n/2),floor(n/2))
    """
    return (np.mgrid[0:npixel, 0:npixel] - npixel // 2) / npixel


def _create_prolate_spheroidal_kernel(oversampling, support, n_uv):
    """
    Create PSWF to serve as gridding kernel

    Parameters
    ----------
    oversampling : int 
        oversampling//2 is the index of the zero value of the oversampling value
    support : int
        support//2 is the index of the zero value of the support values
    n_uv: int array
        (2)
        number of pixels in u,v space

    Returns
    -------
    kernel : numpy.ndarray
    kernel_image : numpy.ndarray

    """
    # support//2 is the index of the zero value of the support values
    # oversampling//2 is the index of the zero value of the oversampling value
    support_center = support // 2
    oversampling_center = oversampling // 2

    support_values = (np.arange(support) - support_center)
    if (oversampling % 2) == 0:
        oversampling_values = ((np.arange(oversampling + 1) - oversampling_center) / oversampling)[:, None]
        kernel_points_1D = (np.broadcast_to(support_values, (oversampling + 1, support)) + oversampling_values)
    else:
        oversampling_values = ((np.arange(oversampling) - oversampling_center) / oversampling)[:, None]
        kernel_points_1D = (np.broadcast_to(support_values, (oversampling, support)) + oversampling_values)

    kernel_points_1D = kernel_points_1D / support_center

    _, kernel_1D = _prolate_spheroidal_function(kernel_points_1D)
    # kernel_1D /= np.sum(np.real(kernel_1D[oversampling_center,:]))

    if (oversampling % 2) == 0:
        kernel = np.zeros((oversampling + 1, oversampling + 1, support, support),
                          dtype=np.double)  # dtype=np.complex128
    else:
        kernel = np.zeros((oversampling, oversampling, support, support), dtype=np.double)

    for x in range(oversampling):
        for y in range(oversampling):
            kernel[x, y, :, :] = np.outer(kernel_1D[x, :], kernel_1D[y, :])

    # norm = np.sum(np.real(kernel))
    # kernel /= norm

    # Gridding correction function (applied after dirty image is created)
    kernel_image_points_1D_u = np.abs(2.0 * _coordinates(n_uv[0]))
    kernel_image_1D_u = _prolate_spheroidal_function(kernel_image_points_1D_u)[0]

    kernel_image_points_1D_v = np.abs(2.0 * _coordinates(n_uv[1]))
    kernel_image_1D_v = _prolate_spheroidal_function(kernel_image_points_1D_v)[0]

    kernel_image = np.outer(kernel_image_1D_u, kernel_image_1D_v)

    # kernel_image[kernel_image > 0.0] = kernel_image.max() / kernel_image[kernel_image > 0.0]

    # kernel_image =  kernel_image/kernel_image.max()
    return kernel, kernel_image


def _prolate_spheroidal_function(u):
    """
    Calculate PSWF using an old SDE routine re-written in Python

    Find Spheroidal function with M = 6, alpha = 1 using the rational
    approximations discussed by Fred Schwab in 'Indirect Imaging'.

    This routine was checked against Fred's SPHFN routine, and agreed
    to about the 7th significant digit.

    The griddata function is (1-NU**2)*GRDSF(NU) where NU is the distance
    to the edge. The grid correction function is just 1/GRDSF(NU) where NU
    is now the distance to the edge of the image.
    """
    p = np.array([[8.203343e-2, -3.644705e-1, 6.278660e-1, -5.335581e-1, 2.312756e-1],
                  [4.028559e-3, -3.697768e-2, 1.021332e-1, -1.201436e-1, 6.412774e-2]])
    q = np.array([[1.0000000e0, 8.212018e-1, 2.078043e-1], [1.0000000e0, 9.599102e-1, 2.918724e-1]])

    _, n_p = p.shape
    _, n_q = q.shape

    u = np.abs(u)
    uend = np.zeros(u.shape, dtype=np.float64)
    part = np.zeros(u.shape, dtype=np.int64)

    part[(u >= 0.0) & (u < 0.75)] = 0
    part[(u >= 0.75) & (u <= 1.0)] = 1
    uend[(u >= 0.0) & (u < 0.75)] = 0.75
    uend[(u >= 0.75) & (u <= 1.0)] = 1.0

    delusq = u ** 2 - uend ** 2

    top = p[part, 0]
    for k in range(1, n_p):  # small constant size loop
        top += p[part, k] * np.power(delusq, k)

    bot = q[part, 0]
    for k in range(1, n_q):  # small constant size loop
        bot += q[part, k] * np.power(delusq, k)

    grdsf = np.zeros(u.shape, dtype=np.float64)
    ok = (bot > 0.0)
    grdsf[ok] = top[ok] / bot[ok]
    ok = np.abs(u > 1.0)
    grdsf[ok] = 0.0

    # Return the griddata function and the grid correction function
    return grdsf, (1 - u ** 2) * grdsf


def _create_prolate_spheroidal_kernel_1D(oversampling, support):
    support_center = support // 2
    oversampling_center = oversampling // 2
    u = np.arange(oversampling * (support_center)) / (support_center * oversampling)

    long_half_kernel_1D = np.zeros(oversampling * (support_center + 1))
    _, long_half_kernel_1D[0:oversampling * (support_center)] = _prolate_spheroidal_function(u)
    return long_half_kernel_1D
# ---- ngcasa/imaging/_imaging_utils/_standard_grid.py ----
from numba import jit
import numpy as np
import math

def ndim_list(shape):
    return [ndim_list(shape[1:]) if len(shape) > 1 else None for _ in range(shape[0])]

import numpy as np

#When jit is used round is repolaced by standard c++ round that is different to python round
@jit(nopython=True, cache=True, nogil=True)
def _standard_grid_jit(grid, sum_weight, do_psf, vis_data, uvw, freq_chan, chan_map, pol_map, weight, cgk_1D,
                       n_uv, delta_lm, support, oversampling):
    """
      Parameters
      ----------
      grid : complex array 
          (n_chan, n_pol, n_u, n_v)
      sum_weight : float array 
          (n_chan, n_pol) 
      vis_data : complex array 
          (n_time, n_baseline, n_vis_chan, n_pol)
      uvw  : float array 
          (n_time, n_baseline, 3)
      freq_chan : float array 
          (n_chan)
      chan_map : int array 
          (n_chan)
      pol_map : int array 
          (n_pol)
      weight : float array 
          (n_time, n_baseline, n_vis_chan)
      cgk_1D : float array 
          (oversampling*(support//2 + 1))
      grid_parms : dictionary 
          keys ('n_imag_chan','n_imag_pol','n_uv','delta_lm','oversampling','support')

      Returns
      -------
      """
      
    c = 299792458.0
    uv_scale = np.zeros((2, len(freq_chan)), dtype=np.double)
    uv_scale[0, :] = -(freq_chan * delta_lm[0] * n_uv[0]) / c
    uv_scale[1, :] = -(freq_chan * delta_lm[1] * n_uv[1]) / c

    #oversampling_center = int(oversampling // 2)
    support_center = int(support // 2)
    uv_center = n_uv // 2

    start_support = - support_center
    end_support = support - support_center # end_support is larger by 1 so that python range() gives correct indices
    
    
    n_time = uvw.shape[0]
    n_baseline = uvw.shape[1]
    n_chan = len(chan_map)
    n_pol = len(pol_map)
    
    n_u = n_uv[0]
    n_v = n_uv[1]
    
    
    for i_time in range(n_time):
        for i_baseline in range(n_baseline):
            for i_chan in range(n_chan):
                a_chan = chan_map[i_chan]
                u = uvw[i_time, i_baseline, 0] * uv_scale[0, i_chan]
                v = uvw[i_time, i_baseline, 1] * uv_scale[1, i_chan]
                
                if ~np.isnan(u) and ~np.isnan(v):
                    u_pos = u + uv_center[0]
                    v_pos = v + uv_center[1]
                    
                    #Doing round as int(x+0.5) since u_pos/v_pos should always positive and this matices fortran and gives consistant rounding.
                    #u_center_indx = int(u_pos + 0.5)
                    #v_center_indx = int(v_pos + 0.5)
                    
                    #Do not use numpy round
                    u_center_indx = int(u_pos + 0.5)
                    v_center_indx = int(v_pos + 0.5)
                    
                    if (u_center_indx+support_center < n_u) and (v_center_indx+support_center < n_v) and (u_center_indx-support_center >= 0) and (v_center_indx-support_center >= 0):
                        u_offset = u_center_indx - u_pos
                        u_center_offset_indx = math.floor(u_offset * oversampling + 0.5)
                        v_offset = v_center_indx - v_pos
                        v_center_offset_indx = math.floor(v_offset * oversampling + 0.5)
                        
                        for i_pol in range(n_pol):
                            if do_psf:
                                weighted_data = weight[i_time, i_baseline, i_chan, i_pol]
                            else:
                                weighted_data = vis_data[i_time, i_baseline, i_chan, i_pol] * weight[i_time, i_baseline, i_chan, i_pol]
                                
                            #print('1. u_center_indx, v_center_indx', u_center_indx, v_center_indx, vis_data[i_time, i_baseline, i_chan, i_pol], weight[i_time, i_baseline, i_chan, i_pol])
                            
                            if ~np.isnan(weighted_data) and (weighted_data != 0.0):
                                a_pol = pol_map[i_pol]
                                norm = 0.0
                                
                                for i_v in range(start_support,end_support):
                                    v_indx = v_center_indx + i_v
                                    v_offset_indx = np.abs(oversampling * i_v + v_center_offset_indx)
                                    conv_v = cgk_1D[v_offset_indx]
                                        

                                    for i_u in range(start_support,end_support):
                                        u_indx = u_center_indx + i_u
                                        u_offset_indx = np.abs(oversampling * i_u + u_center_offset_indx)
                                        conv_u = cgk_1D[u_offset_indx]
                                        conv = conv_u * conv_v
                                            
                                        grid[a_chan, a_pol, u_indx, v_indx] = grid[a_chan, a_pol, u_indx, v_indx] + conv * weighted_data
                                        norm = norm + conv
                                        
                                        
                                sum_weight[a_chan, a_pol] = sum_weight[a_chan, a_pol] + weight[i_time, i_baseline, i_chan, i_pol] * norm

    return


@jit(nopython=True, cache=True, nogil=True)
def _standard_imaging_weight_degrid_jit(imaging_weight, grid_imaging_weight, briggs_factors, uvw, freq_chan, chan_map, pol_map, natural_imaging_weight, n_uv, delta_lm):
    c = 299792458.0
    uv_scale = np.zeros((2, len(freq_chan)), dtype=np.double)
    uv_scale[0, :] = -(freq_chan * delta_lm[0] * n_uv[0]) / c
    uv_scale[1, :] = -(freq_chan * delta_lm[1] * n_uv[1]) / c
    
    uv_center = n_uv // 2
    
    
    n_time = uvw.shape[0]
    n_baseline = uvw.shape[1]
    n_chan = len(chan_map)
    n_pol = len(pol_map)
    n_imag_chan = chan_map.shape[0]

    n_u = n_uv[0]
    n_v = n_uv[1]
    
    #print('Degrid operation')
    
    for i_time in range(n_time):
        for i_baseline in range(n_baseline):
            for i_chan in range(n_chan):
                a_chan = chan_map[i_chan]
                u = uvw[i_time, i_baseline, 0] * uv_scale[0, i_chan]
                v = uvw[i_time, i_baseline, 1] * uv_scale[1, i_chan]
                if ~np.isnan(u) and ~np.isnan(v):
                    u_pos = u + uv_center[0]
                    v_pos = v + uv_center[1]
                    
                    #Doing round as int(x+0.5) since u_pos/v_pos should always be positive and  fortran and gives consistant rounding.
                    u_center_indx = int(u_pos + 0.5)
                    v_center_indx = int(v_pos + 0.5)
                    
                    #print('f uv', freq_chan[i_chan], uvw[i_time, i_baseline, 0],uvw[i_time, i_baseline, 1])
                    if (u_center_indx < n_u) and (v_center_indx < n_v) and (u_center_indx >= 0) and (v_center_indx >= 0):
                        #print('u_center_indx, v_center_indx',  u_center_indx, v_center_indx)
                        for i_pol in range(n_pol):
                            a_pol = pol_map[i_pol]
                            
                            
                            imaging_weight[i_time, i_baseline, i_chan, i_pol] = natural_imaging_weight[i_time, i_baseline, i_chan, i_pol]
                            if ~np.isnan(natural_imaging_weight[i_time, i_baseline, i_chan, i_pol]) and (natural_imaging_weight[i_time, i_baseline, i_chan, i_pol] != 0.0):
                                if ~np.isnan(grid_imaging_weight[u_center_indx, v_center_indx, a_chan, a_pol]) and (grid_imaging_weight[u_center_indx, v_center_indx, a_chan, a_pol] != 0.0):
                                    briggs_grid_imaging_weight = briggs_factors[0,a_chan,a_pol]*grid_imaging_weight[u_center_indx, v_center_indx, a_chan, a_pol] + briggs_factors[1,a_chan,a_pol]
                                    imaging_weight[i_time, i_baseline, i_chan, i_pol] = imaging_weight[i_time, i_baseline, i_chan, i_pol] / briggs_grid_imaging_weight
                                
    return
# ---- harness (not part of the program) ----
ENTRY = "cngi_gridding"


def cngi_gridding(vis, uvw, weight, freq_chan):
    oversampling, support = 100, 7
    cgk_1D = _create_prolate_spheroidal_kernel_1D(oversampling, support)
    n_uv = np.array([48, 40])
    delta_lm = np.array([2.0e-5, 2.0e-5])
    n_chan, n_pol = weight.shape[2], weight.shape[3]
    pol_map = np.arange(0, n_pol).astype(np.int64)
    # cube mode
    chan_map = np.arange(0, n_chan).astype(np.int64)
    grid = np.zeros((n_chan, n_pol, n_uv[0], n_uv[1]), dtype=np.complex128)
    sw = np.zeros((n_chan, n_pol))
    _standard_grid_jit(grid, sw, False, vis, uvw, freq_chan, chan_map, pol_map,
                       weight, cgk_1D, n_uv, delta_lm, support, oversampling)
    # continuum mode
    chan_map_c = np.zeros(n_chan).astype(np.int64)
    grid_c = np.zeros((1, n_pol, n_uv[0], n_uv[1]), dtype=np.complex128)
    sw_c = np.zeros((1, n_pol))
    _standard_grid_jit(grid_c, sw_c, False, vis, uvw, freq_chan, chan_map_c,
                       pol_map, weight, cgk_1D, n_uv, delta_lm, support,
                       oversampling)
    # psf
    grid_p = np.zeros((n_chan, n_pol, n_uv[0], n_uv[1]), dtype=np.double)
    sw_p = np.zeros((n_chan, n_pol))
    placeholder = np.zeros((1, 1, 1, 1), dtype=np.bool_)
    _standard_grid_jit(grid_p, sw_p, True, placeholder, uvw, freq_chan,
                       chan_map, pol_map, weight, cgk_1D, n_uv, delta_lm,
                       support, oversampling)
    # Briggs imaging weights from a gridded weight image
    grid_w = np.moveaxis(grid_p, [0, 1], [-2, -1]).copy()
    briggs = np.stack((np.full((n_chan, n_pol), 0.8),
                       np.full((n_chan, n_pol), 1.5)))
    imaging_weight = np.zeros(weight.shape)
    _standard_imaging_weight_degrid_jit(imaging_weight, grid_w, briggs, uvw,
                                        freq_chan, chan_map, pol_map, weight,
                                        n_uv, delta_lm)
    kernel, kernel_image = _create_prolate_spheroidal_kernel(8, 7, n_uv)
    return (cgk_1D, grid, sw, grid_c, sw_c, grid_p, sw_p, imaging_weight,
            kernel, kernel_image, ndim_list((2, 3)))


def inputs():
    rng = np.random.default_rng(0)
    n_time, n_bl, n_chan, n_pol = 6, 10, 3, 2
    base = rng.uniform(-150.0, 150.0, size=(1, n_bl, 3))
    rot = np.linspace(0.0, 0.5, n_time)[:, None]
    uvw = np.empty((n_time, n_bl, 3))
    uvw[:, :, 0] = base[:, :, 0] * np.cos(rot) - base[:, :, 1] * np.sin(rot)
    uvw[:, :, 1] = base[:, :, 0] * np.sin(rot) + base[:, :, 1] * np.cos(rot)
    uvw[:, :, 2] = base[:, :, 2]
    uvw[2, 3, 0] = np.nan
    vis = (rng.normal(size=(n_time, n_bl, n_chan, n_pol))
           + 1j * rng.normal(size=(n_time, n_bl, n_chan, n_pol)))
    weight = rng.uniform(0.5, 2.0, size=(n_time, n_bl, n_chan, n_pol))
    weight[1, 1, 0, 1] = 0.0
    freq_chan = np.array([1.0e9, 1.2e9, 1.4e9])
    return (vis, uvw, weight, freq_chan)
