# Source: ec-jrc/lisflood-code src/lisflood/hydrological_modules/kinematic_wave_parallel_tools.py (at commit 39bc61f8)
# Licence: EUPL-1.2 (lisflood-code, the file's header: Copyright 2019 European Union, "Licensed under the EUPL, Version 1.2 or as soon they will be approved by the European Commission subsequent versions of the EUPL")
# Notes: one kinematic-wave routing step of river discharge over a D8 channel network in the LISFLOOD hydrological model (hydrology): kinematicRouting (@njit(parallel=True, fastmath=False, cache=True)) walks the routing orders in series and the pixels of each order in a prange (pixels of one order do not depend on each other), calling solve1Pixel (@njit(nogil=True, ...)), which sums the discharge of the upstream pixels (through an upstream lookup table padded with -1 and per-pixel counts), returns False with zero discharge below NEWTON_TOL, brackets the solution of Q + a*dx/dt * Q^beta = inflow analytically and refines it with a Newton loop (while with break, math.fabs, the builtins max imported by `from builtins import max`, module constants NEWTON_TOL and MAX_ITERS) writing the new instantaneous discharge in place, and then solve1PixelAvg, which writes the step's average outflow from the channel mass balance (clamped at 0) in place. Pasted: the module's docstring (its licence notice), imports, module constants and all its jitted functions (kinematicRouting, solve1Pixel, solve1PixelAvg, and updateUpstreamRouted, upDownLookups and immediateUpstreamInflow, which build the lookups and are not called); nothing left out; the harness builds what the kinematicWave class of kinematic_wave_parallel.py builds: a random tree of 300 channel pixels with one outlet, its int64 upstream lookup and counts, the pixels sorted by topological routing order from the headwaters with (start, stop) rows per order, and the per-pixel a*dx/dt, beta*a*dx/dt and a*dx arrays for beta = 0.6, dx = 5 km, dt = 1 h, and the constant a*dx/dt * Qold^beta + lateral inflow; discharge and discharge_avg are updated in place
"""

Copyright 2019 European Union

Licensed under the EUPL, Version 1.2 or as soon they will be approved by the European Commission  subsequent versions of the EUPL (the "Licence");

You may not use this work except in compliance with the Licence.
You may obtain a copy of the Licence at:

https://joinup.ec.europa.eu/sites/default/files/inline-files/EUPL%20v1_2%20EN(1).txt

Unless required by applicable law or agreed to in writing, software distributed under the Licence is distributed on an "AS IS" basis,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the Licence for the specific language governing permissions and limitations under the Licence.

Collection of functions called by the Python module kinematic_wave_parallel.py.
"""

from math import fabs
import numpy as np
from numba import njit, prange
from builtins import max



NEWTON_TOL = 1e-12 # Max allowed error in iterative solution
MAX_ITERS = 3000 # Max number of iterations
MIN_DISCHARGE = 1e-30 # Minimum allowed discharge value to avoid numerical instability


# -------------------------------------------------------------------------------------------------
# ROUTING FUNCTIONS
# -------------------------------------------------------------------------------------------------
@njit(parallel=True, fastmath=False, cache=True)
def kinematicRouting(discharge_avg, discharge, lateral_inflow, constant, upstream_lookup,\
                     num_upstream_pixels, ordered_pixels, start_stop, inv_time_delta, beta, inv_beta,\
                     b_minus_1, a_dx_div_dt, b_a_dx_div_dt, a_dx):
    """
    This function performs the kinematic wave routing algorithm to simulate the movement of water through a network of interconnected channels.
    :param discharge_avg:
    :param discharge:
    :param lateral_inflow:
    :param constant:
    :param upstream_lookup:
    :param num_upstream_pixels:
    :param ordered_pixels:
    :param start_stop:
    :param inv_time_delta: 1/DtRouting
    :param beta:
    :param inv_beta:
    :param b_minus_1:
    :param a_dx_div_dt:
    :param b_a_dx_div_dt:
    :param a_dx: ChannelAlpha * ChanLength
    :return:
    """
    num_orders = start_stop.shape[0]
    # Iterate through each routing order (sets of pixels for which the kinemativc wave can be solved independently and thus in parallel)
    for order in range(num_orders):
        first = start_stop[order,0]
        last = start_stop[order,1]
        # Iterate through each pixel in the current order in parallel
        for index in prange(first, last):  # this is a parallel loop
            # Solve the kinematic wave for the current pixel
            pix = ordered_pixels[index]
            discharge_before = discharge[pix]
            if solve1Pixel(pix, discharge, constant[pix], upstream_lookup,\
                        num_upstream_pixels, a_dx_div_dt[pix], b_a_dx_div_dt[pix], beta, inv_beta, b_minus_1):                        
                solve1PixelAvg(pix, discharge_avg, discharge_before, discharge[pix], lateral_inflow[pix], upstream_lookup,\
                            num_upstream_pixels, inv_time_delta, beta, a_dx[pix])


@njit(nogil=True, fastmath=False, cache=True)
def solve1Pixel(
    pix, discharge, constant,
    upstream_lookup, num_upstream_pixels, a_dx_div_dt,
    b_a_dx_div_dt, beta, inv_beta, b_minus_1):
    """
    Te Chow et al. 1988 - Applied Hydrology - Chapter 9.6
    :param pix:
    :param discharge: instantaneous outflow discharge
    :param constant:
    :param upstream_lookup:
    :param num_upstream_pixels:
    :param a_dx_div_dt:
    :param b_a_dx_div_dt:
    :param beta:
    :param inv_beta:
    :param b_minus_1:
    :return:
    """

    # Inflow from upstream pixels
    upstream_inflow = constant  # upstream_inflow + alpha*dx/dt*Qold**beta + dx*specific_lateral_inflow
    for ups_ix in range(num_upstream_pixels[pix]):
        upstream_inflow += discharge[upstream_lookup[pix,ups_ix]]

    # If old discharge, upstream inflow and lateral inflow are below accuracy: set discharge to 0 and exit
    if upstream_inflow <= NEWTON_TOL:
        discharge[pix] = 0
        return False
        
    # Initial discharge guess using analytically derived boundary values
    a_cpui_pow_b_m_1 = b_a_dx_div_dt * upstream_inflow**b_minus_1
    if a_cpui_pow_b_m_1 <= 1:
        secant_bound = upstream_inflow / (1 + a_cpui_pow_b_m_1)
    else:
        secant_bound = upstream_inflow / (1 + a_cpui_pow_b_m_1**inv_beta)
    other_bound = ((upstream_inflow - secant_bound) / a_dx_div_dt)**inv_beta
    dis = (secant_bound + other_bound) / 2
    error = dis + a_dx_div_dt * dis**beta - upstream_inflow

    # Iterations
    count = 0
    previous_estimate = -1.0
    while count < MAX_ITERS:
        if fabs(error) <= NEWTON_TOL or dis == previous_estimate:
            break
        previous_estimate = dis
        factor = (1 + b_a_dx_div_dt * dis**b_minus_1)
        dis = max(dis - error / factor, NEWTON_TOL)
        error = dis + a_dx_div_dt * dis**beta - upstream_inflow
        count += 1

    # If iterations converge to NEWTON_TOL, set value to 0
    if dis == NEWTON_TOL:
        discharge[pix] = 0
        return False

    discharge[pix] = dis
    return True    


@njit(nogil=True, fastmath=False, cache=True)
def solve1PixelAvg(
    pix, discharge_avg, discharge_before, discharge_after, lateral_inflow,
    upstream_lookup, num_upstream_pixels,
    inv_time_delta, beta, a_dx):
    """
    :param pix:
    :param discharge_avg: average outflow discharge
    :param discharge_before: instantaneous outflow discharge before solve1Pixel computation
    :param discharge_after: instantaneous outflow discharge after solve1Pixel computation
    :param lateral_inflow:
    :param upstream_lookup:
    :param num_upstream_pixels:
    :param inv_time_delta: 1/DtRouting
    :param beta:
    :param a_dx: ChannelAlpha * ChanLength
    :return:
    """
    upstream_inflow_avg = 0.0

    # Inflow from upstream pixels
    for ups_ix in range(num_upstream_pixels[pix]):
        upstream_inflow_avg += discharge_avg[upstream_lookup[pix, ups_ix]]

    # volume of water in channel at beginning of computation step
    channel_volume_start = discharge_before**beta

    # volume of water in channel at end of computation step
    channel_volume_end = discharge_after**beta

    # integration on control volume to calc average outflow (channel water mass balance)
    discharge_avg[pix] = upstream_inflow_avg + lateral_inflow + a_dx*(channel_volume_start - channel_volume_end) * inv_time_delta

    # avoid negative average discharge
    if discharge_avg[pix] < 0:
        discharge_avg[pix] = 0


# -------------------------------------------------------------------------------------------------
# FLOW DIRECTION MATRIX PRE-PROCESSING FUNCTIONS
# -------------------------------------------------------------------------------------------------
@njit(nogil=True, fastmath=False, cache=True)
def updateUpstreamRouted(pixels_routed, downstream_lookup,\
                         upstream_lookup, upstream_routed):
    """
    Called by kinematic_wave_parallel.orderKinematicRouting to implement greedy pixel ordering starting from headwaters.
    Update the boolean array upstream_routed to mark the upstream pixels that have already been routed.
    The function loops over each pixel in pixels_routed, identifies its downstream pixel, and sets the corresponding
    element of upstream_routed to True. This is achieved by finding the index of the current pixel in the upstream_lookup
    array of the downstream pixel and setting the corresponding element of upstream_routed to True.

    Parameters:
    -----------
    pixels_routed : array-like
        1D array of integers representing pixels that have already been routed.
    downstream_lookup : array-like
        1D array of integers representing the downstream pixel index for each pixel.
    upstream_lookup : array-like
        2D array of integers representing the upstream pixel index for each downstream pixel and each of its upstream pixels.
    upstream_routed : array-like
        2D boolean array representing whether each upstream pixel has already been routed.

    Returns:
    --------
    None
    :param pixels_routed:
    :param downstream_lookup:
    :param upstream_lookup:
    :param upstream_routed:
    :return:
    """
    for pix in pixels_routed:
        # Find the downstream pixel index for the current pixel
        downs_pix = downstream_lookup[pix]
        if downs_pix != -1:
            # Find the index of the current pixel among its upstream pixels
            ups_index = 0
            while upstream_lookup[downs_pix,ups_index] != pix:
                ups_index += 1
            # Mark the upstream pixel as routed
            upstream_routed[downs_pix,ups_index] = True


@njit(nogil=True, fastmath=False, cache=True)
def upDownLookups(flow_d8, land_mask, land_points, num_pixs, ix_adds):
    """
    Called by catchment.streamLookups
    Create lookups of pixels upstream and downstream of each pixel in a catchment.
    These arrays are used to determine the flow paths of water from a source pixel to all the pixels downstream and upstream of it, respectively.
    The function loops through each pixel in the dataset and checks whether it has a downstream neighbor in the direction of its flow_d8 value.
    If it does, it calculates the ID of the downstream pixel using the ix_adds array and checks whether the downstream pixel is also a land pixel
    (i.e. it is not water or outside the dataset). If both pixels are land pixels, the function updates the downstream_lookup and upstream_lookup
    arrays with the IDs of the upstream and downstream pixels, respectively. The function keeps track of the number of upstream neighbors for
    each downstream pixel using the ups_count array.

    Parameters:
    -----------
    flow_d8 : long[:,::1]
        2D array of D8 flow direction codes
    land_mask : unsigned char[:,::1]
        2D array of 0/1 indicating whether each pixel is land or not
    land_points : long[:,::1]
        2D array of indices of land pixels (each index is unique).
        The IDs are numbered from 0 to num_pixs - 1.
    num_pixs : long
        Number of pixels in the catchment
    ix_adds : long[:,::1]
        2D array of pixel coordinates to add to a source pixel to get destination pixel
        in a given direction, given as (row, col) pairs

    Returns:
    --------
    downstream_lookup : long[::1]
        1D array of indices of downstream pixels for each pixel in the catchment
    upstream_lookup : long[:,::1]
        2D array of indices of upstream pixels for each pixel in the catchment
    :param flow_d8:
    :param land_mask:
    :param land_points:
    :param num_pixs:
    :param ix_adds:
    :return:
    """
    downstream_lookup = -np.ones(num_pixs)
    upstream_lookup = -np.ones((num_pixs, 8))
    ups_count = np.zeros(num_pixs, np.uintc)
    num_row = flow_d8.shape[0]
    num_col = flow_d8.shape[1]
    # Loop over every pixel in the catchment
    for src_row in range(num_row):
        for src_col in range(num_col):
            # If the flow direction is less than 8 (i.e. the pixel is part of the catchment)
            if flow_d8[src_row,src_col] < 8:
                # Compute the destination pixel coordinates based on flow direction
                dst_row = src_row + ix_adds[flow_d8[src_row,src_col],0]
                dst_col = src_col + ix_adds[flow_d8[src_row,src_col],1]
                # Check if the destination pixel is within the boundaries of the land_mask
                # and is itself a land pixel
                if dst_row != -1 and dst_col != -1 and dst_row != num_row and dst_col != num_col and land_mask[dst_row,dst_col]:
                    # Get the indices of the source and destination pixels in the land_points array
                    ups_p = land_points[src_row,src_col]
                    downs_p = land_points[dst_row,dst_col]
                    # Assign the downstream pixel index to the upstream_lookup array for the source pixel
                    downstream_lookup[ups_p] = downs_p
                    # Assign the upstream pixel index to the upstream_lookup array for the destination pixel
                    # and increment the counter for the number of upstream pixels
                    upstream_lookup[downs_p,ups_count[downs_p]] = ups_p
                    ups_count[downs_p] += 1

    # Return the downstream and upstream lookup arrays
    return np.asarray(downstream_lookup), np.asarray(upstream_lookup)


# -------------------------------------------------------------------------------------------------
# MISCELLANOUS TOOLS
# -------------------------------------------------------------------------------------------------
@njit(nogil=True, fastmath=False, cache=True)
def immediateUpstreamInflow(discharge, upstream_lookup, num_upstream_pixels):
    """Calculate the immediate upstream inflow for each pixel in a river network.
    The implementation of the function is as follows:
    A new 1D NumPy array of type double called inflow is created with the same length as discharge, and is initialized to all zeros.
    A loop over all the pixels in the river network is started, using the range() function and the num_pixels variable (which is set to the length of discharge).
    Inside the loop, another loop over the upstream pixels for the current pixel is started, using the range() function and the num_upstream_pixels[pix] variable.
    Inside the inner loop, the inflow for the current pixel is updated by adding the discharge of the upstream pixel, which is retrieved using the upstream_lookup array.
    Finally, the inflow array is returned as a NumPy array.

    Args:
        discharge: A 1D NumPy array of type double that represents the discharge (flow rate) for each pixel in the river network.
        upstream_lookup: A 2D NumPy array of type long that represents the upstream routing of each pixel in the river network.
        num_upstream_pixels: A 1D NumPy array of type long that represents the number of upstream pixels for each pixel in the river network.

    Returns:
        A 1D NumPy array of type double that represents the immediate upstream inflow for each pixel in the river network.

    :param discharge:
    :param upstream_lookup:
    :param num_upstream_pixels:
    :return:
    """
    num_pixels = discharge.size
    inflow = np.zeros(num_pixels)
    # Loop over all the pixels in the river network
    for pix in range(num_pixels):

        # Loop over the upstream pixels for the current pixel
        for ups_ix in range(num_upstream_pixels[pix]):

            # Update the inflow for the current pixel by adding the discharge of the upstream pixel
            inflow[pix] += discharge[upstream_lookup[pix,ups_ix]]

    # Return the inflow array as a NumPy array
    return np.asarray(inflow)
# ---- harness (not part of the program) ----
ENTRY = "kinematicRouting"


def inputs():
    # a random channel tree: pixel 0 is the outlet, every other pixel i
    # drains to one of the ten pixels before it (at most 8 upstream each);
    # routing orders from the headwaters (topological distance from the
    # outlet, largest first) as kinematicWave._setRoutingOrders sorts them
    rng = np.random.default_rng(0)
    n = 300
    down = -np.ones(n, dtype=np.int64)
    counts = np.zeros(n, dtype=np.int64)
    for i in range(1, n):
        while True:
            d = rng.integers(max(0, i - 10), i)
            if counts[d] < 8:
                break
        down[i] = d
        counts[d] += 1
    max_ups = counts.max()
    upstream_lookup = -np.ones((n, max_ups), dtype=np.int64)
    fill = np.zeros(n, dtype=np.int64)
    for i in range(1, n):
        d = down[i]
        upstream_lookup[d, fill[d]] = i
        fill[d] += 1
    num_upstream_pixels = (upstream_lookup != -1).sum(1).astype(np.int64)
    depth = np.zeros(n, dtype=np.int64)
    for i in range(1, n):
        depth[i] = depth[down[i]] + 1
    order = depth.max() - depth
    ordered_pixels = np.lexsort((np.arange(n), order)).astype(np.int64)
    stop = np.cumsum(np.bincount(order))
    start_stop = np.column_stack((np.append(0, stop[:-1]), stop)).astype(np.int64)
    # channel parameters: beta 0.6, dx 5 km, routing step 1 h
    beta, dx, dt = 0.6, 5000.0, 3600.0
    alpha = rng.uniform(2.0, 8.0, n)
    a_dx_div_dt = alpha * dx / dt
    b_a_dx_div_dt = beta * a_dx_div_dt
    a_dx = alpha * dx
    discharge = rng.uniform(0.5, 20.0, n) * (1.0 + 0.05 * (depth.max() - depth))
    discharge_avg = discharge.copy()
    lateral_inflow = rng.uniform(1e-5, 2e-4, n) * dx
    constant = a_dx_div_dt * discharge ** beta + lateral_inflow
    return (discharge_avg, discharge, lateral_inflow, constant, upstream_lookup,
            num_upstream_pixels, ordered_pixels, start_stop, 1.0 / dt, beta,
            1.0 / beta, beta - 1.0, a_dx_div_dt, b_a_dx_div_dt, a_dx)
