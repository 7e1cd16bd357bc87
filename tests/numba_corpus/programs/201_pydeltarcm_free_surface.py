# Source: DeltaRCM/pyDeltaRCM pyDeltaRCM/water_tools.py (+ custom_unravel, custom_ravel, custom_pad and get_weight_sfc_int from pyDeltaRCM/shared_tools.py; the versions whose water routing is done by module-level jitted functions)
# Licence: MIT (pyDeltaRCM, LICENSE; Copyright (c) 2016 Mariela Perignon)
# Notes: river-delta morphodynamics (DeltaRCM, Liang et al. 2015): the water free surface computed from the random walks of water parcels, by walking each recorded parcel path backwards from the ocean and accumulating stage, then smoothed by under-relaxed neighbour averaging; jitted code reaches helpers through a module attribute (shared_tools.custom_unravel(...), shared_tools.custom_pad(...)), helpers are jitted eagerly with tuple signatures ('UniTuple(int64, 2)(int64, UniTuple(int64, 2))') and raise IndexError, enumerate over the rows of a 2-D int array, np.ndenumerate with a tuple assignment into two arrays (xs[pp], ys[pp] = ...), boolean-mask selection inds[inds > 0], an `in_ocean` state flag, padded 3x3 neighbourhood slices with np.copy(...ravel()), boolean masks with `invalid_nbrs[4] = True`; the module's other jitted functions (water weights with np.logical_or/np.nansum and raise RuntimeError, new-index calculation with lists, loop detection with set(), discharge-field updates) are kept; left out: the water_tools class (methods on the model object), the jitted _choose_next_direction and shared_tools' random-number functions (random_pick, get_random_uniform, set_random_seed, get_start_indices, get_random_state/set_random_state and with them the `_helperlib` name in `from numba import njit, _helperlib`), get_steps, the model-time scaling helpers, and the imports only those use (abc, matplotlib); shared_tools' functions are pasted above and `from . import shared_tools` is replaced by `shared_tools = sys.modules[__name__]` (this module itself); the harness does what compute_free_surface and finalize_free_surface do before the flooding correction
import sys

import numpy as np
from numba import njit, prange

# ---- pyDeltaRCM/shared_tools.py (custom_unravel, custom_ravel, custom_pad, get_weight_sfc_int) ----
# tools shared between deltaRCM water and sediment routing


@njit('UniTuple(int64, 2)(int64, UniTuple(int64, 2))')
def custom_unravel(i, shape):
    """Unravel indexes for 2D array."""
    if i > (shape[1] * shape[0]):
        raise IndexError("Index is out of matrix bounds")
    x = i // shape[1]
    y = i % shape[1]
    return x, y


@njit('int64(UniTuple(int64, 2), UniTuple(int64, 2))')
def custom_ravel(tup, shape):
    """Ravel indexes for 2D array."""
    if tup[0] > shape[0] or tup[1] > shape[1]:
        raise IndexError("Index is out of matrix bounds")
    x = tup[0] * shape[1]
    y = tup[1]
    return x + y


@njit
def custom_pad(arr):
    """pad as np.pad(arr, 1, 'edge')
    """
    old_shape = arr.shape
    new_shape = (old_shape[0]+2, old_shape[1]+2)
    pad = np.zeros(new_shape, dtype=arr.dtype)

    # center
    pad[1:-1, 1:-1] = arr

    # edges
    pad[1:-1, 0] = arr[:, 0]  # left
    pad[1:-1, -1] = arr[:, -1]  # right
    pad[0, 1:-1] = arr[0, :]  # top
    pad[-1, 1:-1] = arr[-1, :]  # bottom

    # corners
    pad[0, 0] = arr[0, 0]  # ul
    pad[0, -1] = arr[0, -1]  # ur
    pad[-1, 0] = arr[-1, 0]  # ll
    pad[-1, -1] = arr[-1, -1]  # lr

    return pad


@njit
def get_weight_sfc_int(stage, stage_nbrs, qx, qy, ivec, jvec, distances):
    """Determine random walk weight surfaces.

    Determines the surfaces for weighting the random walks based on the stage
    and discharge fields.
    """
    weight_sfc = np.maximum(0, (stage - stage_nbrs) / distances)
    weight_int = np.maximum(0, (qx * jvec + qy * ivec) / distances)
    return weight_sfc, weight_int


# ---- pyDeltaRCM/water_tools.py ----
shared_tools = sys.modules[__name__]

# tools for water routing algorithms


@njit
def _get_weight_at_cell_water(ind, weight_sfc, weight_int, depth_nbrs, ct_nbrs,
                              dry_depth, gamma, theta):

    # create a fixed set of bools
    dry = (depth_nbrs <= dry_depth)
    wall = (ct_nbrs == -2)
    ctr = (np.arange(9) == 4)
    drywall = np.logical_or(dry, wall)
    invalid = np.logical_or(wall, ctr)
    if ind[0] == 0:
        invalid[:3] = True

    # set drywall to zero
    weight_sfc[drywall] = 0
    weight_int[drywall] = 0

    # set ctr to 0 before rebalancing
    weight_sfc[ctr] = 0
    weight_int[ctr] = 0

    # initial rebalance weights
    if np.nansum(weight_sfc) > 0:
        weight_sfc = weight_sfc / np.nansum(weight_sfc)
    if np.nansum(weight_int) > 0:
        weight_int = weight_int / np.nansum(weight_int)

    weight = gamma * weight_sfc + (1 - gamma) * weight_int
    weight[~dry] = (depth_nbrs[~dry] ** theta) * weight[~dry]

    # enforce disallowed choice to not move
    weight[ctr] = 0

    # sanity check
    nanweight = np.isnan(weight)
    if np.any(nanweight):
        raise RuntimeError('NaN encountered in water weighting. '
                           'Please report error.')

    # correct the weights for random choice 
    if np.nansum(weight) > 0:
        # if any cells have positive weights, rebalance to sum() == 1
        weight = weight / np.nansum(weight)
        weight[nanweight] = 0

    elif np.nansum(weight) == 0:
        # if all weights are zeros/nan
        if wall[4] == True: # np.all(wall):
            # if current cell is wall cell
            #    just set to zero and pass
            weight[:] = 0
        else:
            # convert to random walk into...
            wetvalid = np.logical_and(~dry, ~invalid)
            nwetvalid = np.nansum(wetvalid)
            if nwetvalid > 0:
                # any wet (and valid)
                weight[:] = 0
                weight[wetvalid] = (1 / nwetvalid)
            else:
                # no wet (and valid) neighbors. How did we get here?? Flooding corrections?
                #    allow to walk into any non-land cell, true random
                nnotwall = np.nansum(~wall)
                weight[:] = 0
                if nnotwall > 0:
                    weight[~wall] = (1 / nnotwall)
                else:
                    raise RuntimeError('No non-wall cells surrounding cell. '
                                       'Please report error.')

            weight = weight / np.nansum(weight)

    else:
        raise RuntimeError('Water sum(weight) less than 0. '
                           'Please report error.')

    return weight


@njit
def _calculate_new_ind(indices, new_cells, iwalk, jwalk, domain_shape):
    """Calculate the new location (indices) of parcels.

    Use the information of the current parcel (`indices`) in conjunction with
    the D8 direction the parcel needs to travel (`new_cells`) to determine the
    new indices of each parcel.
    """
    newbies = []
    for p, q in zip(indices, new_cells):
        if q != 4:
            ind_tuple = shared_tools.custom_unravel(p, domain_shape)
            new_ind = (ind_tuple[0] + jwalk[q],
                       ind_tuple[1] + iwalk[q])
            newbies.append(shared_tools.custom_ravel(new_ind, domain_shape))
        else:
            newbies.append(0)

    return np.array(newbies)


@njit
def _check_for_loops(free_surf_walk_inds, new_inds, _step,
                     L0, domain_shape, CTR):
    """Check for loops in water parcel pathways.

    Look for looping random walks, i.e., where a parcel returns to somewhere
    it has already been.

    Parameters
    ----------


    Returns
    -------
    new_inds
        An updated array of parcel indicies, where the index of a parcel has
        been changed, if and only if, that parcel was looped.

    looped
        A binary integer array indicating whether a parcel was determined to
        have been looped.
    """
    nparcels = free_surf_walk_inds.shape[0]
    domain_min_x = domain_shape[0] - 2
    domain_min_y = domain_shape[1] - 2

    looped = np.zeros_like(new_inds)

    # if the _step number is larger than the inlet length
    if (_step > L0):
        # loop though every parcel walk
        for p in np.arange(nparcels):
            new_ind = new_inds[p]  # the new index of the parcel
            walk = free_surf_walk_inds[p, :]  # the parcel's walk
            _walk = walk[walk > 0]
            if (new_ind > 0):
                has_repeat_ind = len(_walk) != len(set(_walk))
                if has_repeat_ind:
                    # handle when a loop is detected
                    px, py = shared_tools.custom_unravel(new_ind, domain_shape)

                    # compute a new location for the parcel along the
                    #     mean-transport vector
                    Fx = px - 1
                    Fy = py - CTR
                    Fw = np.sqrt(Fx**2 + Fy**2)
                    if Fw != 0:
                        px = px + int(np.round(Fx / Fw * 5.))
                        py = py + int(np.round(Fy / Fw * 5.))

                    # limit the new px and py to beyond the inlet, and
                    #     away from domain edges
                    px = np.minimum(domain_min_x, np.maximum(px, L0))
                    py = np.minimum(domain_min_y, np.maximum(1, py))

                    nind = shared_tools.custom_ravel((px, py), domain_shape)
                    new_inds[p] = nind
                    looped[p] = 1  # this parcel is looped

    return new_inds, looped # free_surf_flag

"""Something is wrong with the check for loops.
First: it results in few walks contributing to the free surface (usually ~50%).
I believe this may contribute to the lower-than-levee stages in channels. 

One issue I see right away is that, although the check only looks for loops if
the step is beyond L0, it will trigger on any loop that is within the L0 too.
This NEEDS to be fixed. Hopefully that will help.
"""




@njit
def _update_dirQfield(qfield, dist, inds, astep, dirstep):
    """Update unit vector of water flux in x or y."""
    for i, ii in enumerate(inds):
        if astep[i]:
            qfield[ii] += dirstep[i] / dist[i]
    return qfield


@njit
def _update_absQfield(qfield, dist, inds, astep, Qp_water, dx):
    """Update norm of water flux vector."""
    for i, ii in enumerate(inds):
        if astep[i]:
            qfield[ii] += Qp_water / dx / 2
    return qfield


@njit
def _accumulate_free_surface_walks(free_surf_walk_indices, free_surf_flag, cell_type,
                                   uw, ux, uy, depth, dx, u0, h0, H_SL, S0):
    """Accumulate the free surface by walking parcel paths.

    This routine comprises the hydrodynamic physics-based computations.

    Algorithm is to:
        1. loop through every parcel's directed random walk in series.

        2. for a parcel's walk, unravel the indices and determine whether the
        parcel should contribute to the free surface. Parcels are considered
        contributors if they have reached the ocean and if they are not looped
        pathways.

        3. then, we begin at the downstream end of the parcel's walk and
        iterate up-walk until, determining the `Hnew` for each location.
        Downstream of the shoreline-ocean boundary, the water surface
        elevation is set to the sea level. Upstream of the shoreline-ocean
        boundary, the water surface is determined according to the land-slope
        (:obj:`S0`) and the parcel pathway.

        4. repeat from 2, for each parcel.

    """
    _shape = uw.shape
    Hnew = np.zeros(_shape)
    sfc_visit = np.zeros(_shape)
    sfc_sum = np.zeros(_shape)

    # for every parcel, walk the path of the parcel
    for p, inds in enumerate(free_surf_walk_indices):

        # unravel the indices of the parcel into `xs` and `ys`
        inds_whr = inds[inds > 0]  # where the path has meaningful values
        xs = np.zeros_like(inds_whr)  # x coordinates
        ys = np.zeros_like(inds_whr)  # x coordinates
        for pp, ind_whr in np.ndenumerate(inds_whr):
            xs[pp], ys[pp] = shared_tools.custom_unravel(ind_whr, _shape)

        # determine whether the pathway contributes to the free surface
        Hnew[:] = 0
        if ((cell_type[xs[-1], ys[-1]] == -1) and (free_surf_flag[p] == 1)):
            # if cell is in ocean, H = H_SL (downstream boundary condition)
            Hnew[xs[-1], ys[-1]] = H_SL

            # counting back from last cell visited
            in_ocean = True  # whether we are in the ocean or not
            dH = 0
            for it in range(len(xs) - 2, -1, -1):
                i = xs[it]
                ip = xs[it + 1]
                j = ys[it]
                jp = ys[it + 1]

                # if the parcel has moved at all
                if (i != ip) or (j != jp):
                    # if in the ocean (not reached the shoreline yet)
                    if in_ocean:
                        # see if it is shoreline
                        if ((uw[i, j] > u0 * 0.5) or (depth[i, j] < 0.1 * h0)):
                            in_ocean = False  # passed the shoreline
                    # otherwise, in the delta
                    else:
                        # if no velocity
                        if uw[i, j] == 0:
                            dH = 0  # no change in water surface elevation
                        else:
                            # diff between streamline and parcel path
                            dH = (S0 * (ux[i, j] * (ip - i) * dx +
                                        uy[i, j] * (jp - j) * dx) / uw[i, j])

                # previous cell's surface plus difference in H
                Hnew[i, j] = Hnew[ip, jp] + dH

                # add up # of cell visits
                sfc_visit[i, j] = sfc_visit[i, j] + 1

                # sum of all water surface elevations
                sfc_sum[i, j] = sfc_sum[i, j] + Hnew[i, j]

    return sfc_visit, sfc_sum


@njit
def _smooth_free_surface(Hin, cell_type, Nsmooth, Csmooth):
    """Smooth the free surface.

    Parameters
    ----------
    Hin
        Stage input to the smoothing (i.e., the old stage).

    cell_type
        Type of each cell.

    Nsmooth
        Number of times to smooth the free surface (i.e., stage)

    Csmooth
        Underrelaxation coefficient for smoothing iterations.
    """
    # grab relevant shape information
    L, W = Hin.shape

    # pad the input stage and cell type arrays
    Hin_pad = shared_tools.custom_pad(Hin)
    cell_type_pad = shared_tools.custom_pad(cell_type)

    # create copy of H which is modified in following smoothing
    Htemp = np.copy(Hin)
    for _ in range(Nsmooth):

        # create another copy to refernce as base in Nsmooth iteration
        Hsmth = np.copy(Htemp)
        Hsmth_pad = np.copy(shared_tools.custom_pad(Hsmth))

        # loop through all cells and determine a smoothed index
        for i in range(L):
            for j in range(W):

                # locate non-edge cells
                if cell_type[i, j] != -1:

                    # slice the padded array neighbors
                    cell_type_nbrs = cell_type_pad[
                        i - 1 + 1:i + 2 + 1, j - 1 + 1:j + 2 + 1]
                    Hsmth_nbrs = Hsmth_pad[
                        i - 1 + 1:i + 2 + 1, j - 1 + 1:j + 2 + 1]

                    # flatten
                    Hsmth_nbrs = np.copy(Hsmth_nbrs.ravel())
                    cell_type_nbrs = np.copy(cell_type_nbrs.ravel())

                    # create a validation array
                    invalid_nbrs = (cell_type_nbrs == -2)  # where land
                    invalid_nbrs[4] = True

                    # invalid cells cannot contribute stage values
                    Hsmth_nbrs[invalid_nbrs] = 0

                    # contributed stage and number of contributing nbrs
                    sumH = np.sum(Hsmth_nbrs)
                    nbcount = np.sum(~invalid_nbrs)

                    # if there are any nbrs
                    if nbcount > 0:
                        # the new stage is the underrelaxed average of nbrs
                        Htemp[i, j] = ((Csmooth * Hsmth[i, j]) +
                                       ((1 - Csmooth) * (sumH / nbcount)))

    # return the smoothed stage
    Hsmth = np.copy(Htemp)
    return Hsmth

# ---- harness (not part of the program) ----
def compute_free_surface(free_surf_walk_indices, free_surf_flag, cell_type,
                         uw, ux, uy, depth, eta, dx, u0, h0, H_SL, S0,
                         Nsmooth, Csmooth):
    # DeltaModel.compute_free_surface, then finalize_free_surface up to
    # (not including) the under-relaxation with the old stage and the
    # flooding correction
    sfc_visit, sfc_sum = _accumulate_free_surface_walks(
        free_surf_walk_indices, free_surf_flag, cell_type,
        uw, ux, uy, depth, dx, u0, h0, H_SL, S0)
    Hnew = eta + depth
    Hnew[Hnew < H_SL] = H_SL
    Hnew[sfc_visit > 0] = (sfc_sum[sfc_visit > 0] / sfc_visit[sfc_visit > 0])
    Hsmth = _smooth_free_surface(Hnew, cell_type, Nsmooth, Csmooth)
    return sfc_visit, sfc_sum, Hsmth


ENTRY = "compute_free_surface"


def inputs():
    # a 30 x 40 DeltaRCM domain (dx = 50 m): 3 rows of land (cell type -2)
    # with a 3-cell inlet channel (type 1) at the centre, ocean (0) below,
    # edge cells (-1) on the sides and bottom; a wedge of shallow delta
    # deposits near the inlet; 60 recorded parcel walks of up to 120 steps
    # that leave the inlet and drift down and sideways (some revisiting
    # cells), most ending on an edge cell, zeros after a walk ends; about
    # one parcel in six flagged as looped (free_surf_flag 0)
    rng = np.random.default_rng(0)
    L, W, L0, CTR = 30, 40, 3, 20
    cell_type = np.zeros((L, W), dtype=np.int64)
    cell_type[:L0, :] = -2
    cell_type[:L0, CTR - 1:CTR + 2] = 1
    cell_type[:, 0] = -1
    cell_type[:, -1] = -1
    cell_type[-1, :] = -1
    ii, jj = np.meshgrid(np.arange(L), np.arange(W), indexing="ij")
    r = np.hypot(ii - 0.0, (jj - CTR) * 0.8)
    eta = np.where(r < 12.0, -0.5 - 0.2 * r, -5.0) + rng.normal(0.0, 0.05, (L, W))
    eta[:L0, :] = 1.0
    eta[:L0, CTR - 1:CTR + 2] = -5.0
    stage = np.maximum(eta + 0.5, 0.0)
    depth = np.maximum(stage - eta, 0.0)
    uw = np.where(r < 12.0, rng.uniform(0.3, 1.2, (L, W)), rng.uniform(0.0, 0.3, (L, W)))
    uw[::7, ::5] = 0.0
    ang = rng.uniform(-0.6, 0.6, (L, W))
    ux = uw * np.cos(ang)
    uy = uw * np.sin(ang)
    Np, stepmax = 60, 120
    walks = np.zeros((Np, stepmax), dtype=np.int64)
    for p in range(Np):
        i, j = 0, CTR - 1 + int(rng.integers(0, 3))
        for s in range(stepmax):
            walks[p, s] = i * W + j
            if cell_type[i, j] == -1:
                break
            di = int(rng.choice([-1, 0, 1, 1, 1]))
            dj = int(rng.choice([-1, 0, 1]))
            if i + di < L0 and not (CTR - 1 <= j + dj <= CTR + 1):
                di = 1
            i = min(max(i + di, 0), L - 1)
            j = min(max(j + dj, 0), W - 1)
    free_surf_flag = (rng.random(Np) > 0.17).astype(np.int64)
    return (walks, free_surf_flag, cell_type, uw, ux, uy, depth, eta,
            50.0, 1.0, 5.0, 0.0, 0.0003, 5, 0.9)
