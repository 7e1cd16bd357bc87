# Source: EC-USGS/pywatershed pywatershed/hydrology/prms_channel.py (at commit 03981a8a) and pywatershed/hydrology/prms_groundwater.py (at commit 1220ee41), with zero/nan from pywatershed/constants.py (at commit 012d9a9b)
# Licence: public domain (pywatershed, DISCLAIMER.md: "This software is in the public domain because it contains materials that originally came from the U.S. Geological Survey"; U.S. Geological Survey)
# Notes: two daily process kernels of the USGS PRMS hydrologic model in pywatershed (hydrology / river routing): Muskingum-Mann channel routing over a stream network in topological order with 24 hourly sub-steps, per-segment integer travel times (routing only on hours divisible by tsi, pass-through when tsi <= 0), upstream accumulation into the downstream segment and daily averaging; and the PRMS groundwater reservoir (recharge volumes, linear outflow and sink coefficients, np.where index capping, storage change and outflow volume); Numba features: the kernels are static methods that pywatershed jits at run time as nb.njit(signature, fastmath=True, parallel=False)(method) with explicit signatures -- nb.types.UniTuple(nb.float64[:], 7)(nb.int64[:], ...) and a UniTuple of 5 with read-only C-contiguous array arguments nb.types.Array(nb.types.float64, 1, "C", readonly=True) -- a module-level NumPy float64 scalar global (zero = np.zeros([1])[0]) multiplied with arrays to allocate, iteration over an int64 array (for jseg in segment_order), % on int64 values, in-place updates of argument arrays that are also returned, .copy() then / 24.0, a tuple returned from np.where used as an index on both sides of an assignment, and typing.Tuple return annotations. Pasted: zero and nan from constants.py, PRMSChannel._muskingum_mann_numpy and PRMSGroundwater._calculate_numpy, each taken out of its class as a module-level function (the @staticmethod dropped), and the nb.njit(...) applications from the classes' _init_calc_method, moved to module level and bound to the names the classes use (_muskingum_mann, _calculate_gw); left out: the ConservativeProcess classes (control, parameters, budgets, adapters, the Fortran alternatives, networkx ordering) whose setup the harness reproduces: a 9-segment tree network in topological order, Manning-based Kcoef clipped to 0.01..24 h, the travel-time table tsi/ts and the Muskingum c0/c1/c2 with the short/long travel-time fix-ups from _initialize_channel_data; it routes 6 days of lateral inflow, carrying seg_inflow0/outflow_ts between days as PRMSChannel._calculate does, and steps the groundwater reservoir for 6 days for 9 HRUs with read-only parameter arrays
from typing import Tuple

import numba as nb
import numpy as np

zero = np.zeros([1])[0]
nan = np.nan


def _muskingum_mann_numpy(
    segment_order: np.ndarray,
    to_segment: np.ndarray,
    seg_lateral_inflow: np.ndarray,
    seg_inflow0: np.ndarray,
    outflow_ts: np.ndarray,
    tsi: np.ndarray,
    ts: np.ndarray,
    c0: np.ndarray,
    c1: np.ndarray,
    c2: np.ndarray,
) -> Tuple[
    np.ndarray,
    np.ndarray,
    np.ndarray,
    np.ndarray,
    np.ndarray,
    np.ndarray,
    np.ndarray,
]:
    """
    Muskingum routing function that calculates the upstream inflow and
    outflow for each segment

    Args:
        segment_order: segment routing order
        to_segment: downstream segment for each segment
        seg_lateral_inflow: segment lateral inflow
        seg_inflow0: previous segment inflow variable (internal calculations)
        outflow_ts: outflow timeseries variable (internal calculations)
        tsi: integer flood wave travel time
        ts: float version of integer flood wave travel time
        c0: Muskingum c0 variable
        c1: Muskingum c1 variable
        c2: Muskingum c2 variable

    Returns:
        seg_upstream_inflow: inflow for each segment for the current day
        seg_inflow0: segment inflow variable
        seg_inflow: segment inflow variable
        seg_outflow: outflow for each segment for the current day
        inflow_ts: inflow timeseries variable
        outflow_ts: outflow timeseries variable (internal calculations)
        seg_current_sum: summation variable
    """
    # initialize variables for the day

    seg_inflow = seg_inflow0 * zero
    seg_outflow = seg_inflow0 * zero
    seg_outflow0 = seg_inflow0 * zero
    inflow_ts = seg_inflow0 * zero
    seg_current_sum = seg_inflow0 * zero

    for ihr in range(24):
        seg_upstream_inflow = seg_inflow * zero

        for jseg in segment_order:
            # current inflow to the segment is the time-weighted average
            # of the outflow of the upstream segments and the lateral HRU
            # inflow plus any gains
            seg_current_inflow = (
                seg_lateral_inflow[jseg] + seg_upstream_inflow[jseg]
            )

            # todo: evaluate if obsin_segment needs to be implemented -
            #  would be needed needed if headwater basins are not included
            #  in a simulation
            # seg_current_inflow += seg_upstream_inflow[jseg]

            seg_inflow[jseg] += seg_current_inflow
            inflow_ts[jseg] += seg_current_inflow
            seg_current_sum[jseg] += seg_upstream_inflow[jseg]

            remainder = (ihr + 1) % tsi[jseg]
            if remainder == 0:
                # segment routed on current hour
                inflow_ts[jseg] /= ts[jseg]

                if tsi[jseg] > 0:
                    # todo: evaluated if denormal results should be dealt with

                    # Muskingum routing equation
                    outflow_ts[jseg] = (
                        inflow_ts[jseg] * c0[jseg]
                        + seg_inflow0[jseg] * c1[jseg]
                        + outflow_ts[jseg] * c2[jseg]
                    )
                else:
                    # travel time is 1 hour or less so outflow is set
                    # equal to the inflow - outflow_ts is the value for
                    # the previous hour
                    outflow_ts[jseg] = inflow_ts[jseg]

                # previous inflow is equal to inflow_ts from the previous
                # routed time step
                seg_inflow0[jseg] = inflow_ts[jseg]

                # upstream inflow is used, reset it to zero so a new
                # average can be calculated next routing time step
                inflow_ts[jseg] = 0.0

            # todo: evaluate if obsout_segment needs to be implemented -
            #  would be needed needed fixing ourflow to observed data is
            #  required in a simulation

            # todo: water use

            # segment outflow (the mean daily flow rate for each segment)
            # will be the average of hourly values
            seg_outflow[jseg] += outflow_ts[jseg]

            # previous segment outflow is equal to the inflow_ts on the
            # previous routed timestep
            seg_outflow0[jseg] = outflow_ts[jseg]

            # add current time step flow rate to the upstream flow rate
            # for the segment this segment is connected to
            to_seg = to_segment[jseg]
            if to_seg >= 0:
                seg_upstream_inflow[to_seg] += outflow_ts[jseg]

    seg_outflow /= 24.0
    seg_inflow /= 24.0
    seg_upstream_inflow = seg_current_sum.copy() / 24.0

    return (
        seg_upstream_inflow,
        seg_inflow0,
        seg_inflow,
        seg_outflow,
        inflow_ts,
        outflow_ts,
        seg_current_sum,
    )


_muskingum_mann = nb.njit(
    nb.types.UniTuple(nb.float64[:], 7)(
        nb.int64[:],  # _segment_order
        nb.int64[:],  # _tosegment
        nb.float64[:],  # seg_lateral_inflow
        nb.float64[:],  # _seg_inflow0
        nb.float64[:],  # _outflow_ts
        nb.int64[:],  # _tsi
        nb.float64[:],  # _ts
        nb.float64[:],  # _c0
        nb.float64[:],  # _c1
        nb.float64[:],  # _c2
    ),
    fastmath=True,
    parallel=False,
)(_muskingum_mann_numpy)


def _calculate_numpy(
    gwarea,
    soil_to_gw,
    ssr_to_gw,
    dprst_seep_hru,
    gwres_stor,
    gwflow_coef,
    gwsink_coef,
    gwres_stor_old,
    hru_in_to_cf,
):
    soil_to_gw_vol = soil_to_gw * gwarea
    ssr_to_gw_vol = ssr_to_gw * gwarea
    dprst_seep_hru_vol = dprst_seep_hru * gwarea

    # todo: what about route order

    _gwres_stor = gwres_stor * gwarea
    _gwres_stor += soil_to_gw_vol + ssr_to_gw_vol + dprst_seep_hru_vol

    _gwres_flow = _gwres_stor * gwflow_coef
    _gwres_stor -= _gwres_flow

    _gwres_sink = _gwres_stor * gwsink_coef
    idx = np.where(_gwres_sink > _gwres_stor)
    _gwres_sink[idx] = _gwres_stor[idx]
    _gwres_stor -= _gwres_sink

    # convert most units back to self variables
    # output variables
    gwres_stor = _gwres_stor / gwarea
    # for some stupid reason this is left in acre-inches
    gwres_flow = _gwres_flow / gwarea
    gwres_sink = _gwres_sink / gwarea

    gwres_stor_change = gwres_stor - gwres_stor_old
    gwres_flow_vol = gwres_flow * hru_in_to_cf

    return (
        gwres_stor,
        gwres_flow,
        gwres_sink,
        gwres_stor_change,
        gwres_flow_vol,
    )


_calculate_gw = nb.njit(
    nb.types.UniTuple(nb.float64[:], 5)(
        nb.types.Array(nb.types.float64, 1, "C", readonly=True),
        nb.float64[:],
        nb.float64[:],
        nb.float64[:],
        nb.float64[:],
        nb.types.Array(nb.types.float64, 1, "C", readonly=True),
        nb.types.Array(nb.types.float64, 1, "C", readonly=True),
        nb.float64[:],
        nb.types.Array(nb.types.float64, 1, "C", readonly=True),
    ),
    fastmath=True,
    parallel=False,
)(_calculate_numpy)
# ---- harness (not part of the program) ----
ENTRY = "run_days"


def _channel_setup(mann_n, seg_slope, seg_depth, seg_length, x_coef):
    # PRMSChannel._initialize_channel_data (Muskingum parameters)
    velocity = ((1.0 / mann_n) * np.sqrt(seg_slope) * seg_depth ** (2.0 / 3.0)) * 3600.0
    Kcoef = np.full(len(mann_n), 24.0)
    idx = velocity > 0.0
    Kcoef[idx] = seg_length[idx] / velocity[idx]
    Kcoef = np.where(Kcoef < 0.01, 0.01, Kcoef)
    Kcoef = np.where(Kcoef > 24.0, 24.0, Kcoef)
    ts = np.ones(len(Kcoef))
    tsi = np.ones(len(Kcoef), dtype=np.int64)
    for iseg, k in enumerate(Kcoef):
        for lim, t in ((1.0, -1), (2.0, 1), (3.0, 2), (4.0, 3), (6.0, 4), (8.0, 6),
                       (12.0, 8), (24.0, 12)):
            if k < lim:
                if t > 0:
                    ts[iseg] = float(t)
                tsi[iseg] = t
                break
        else:
            ts[iseg] = 24.0
            tsi[iseg] = 24
    d = Kcoef - (Kcoef * x_coef) + (0.5 * ts)
    d = np.where(np.abs(d) < 1e-6, 0.0001, d)
    c0 = (-(Kcoef * x_coef) + (0.5 * ts)) / d
    c1 = ((Kcoef * x_coef) + (0.5 * ts)) / d
    c2 = (Kcoef - (Kcoef * x_coef) - (0.5 * ts)) / d
    idx = c2 < 0.0
    c1[idx] += c2[idx]
    c2[idx] = 0.0
    idx = c0 < 0.0
    c1[idx] += c0[idx]
    c0[idx] = 0.0
    return tsi, ts, c0, c1, c2


def run_days(lateral, seg_params, gw_inputs, gw_params):
    tosegment = np.array([2, 2, 5, 5, 5, 7, 7, 8, -1], dtype=np.int64)
    segment_order = np.array([0, 1, 3, 4, 6, 2, 5, 7, 8], dtype=np.int64)
    tsi, ts, c0, c1, c2 = _channel_setup(*seg_params)
    nseg = len(tosegment)
    seg_inflow0 = np.zeros(nseg)
    outflow_ts = np.zeros(nseg)
    routed = []
    for day in range(lateral.shape[0]):
        out = _muskingum_mann(segment_order, tosegment, lateral[day].copy(),
                              seg_inflow0, outflow_ts, tsi, ts, c0, c1, c2)
        seg_inflow0 = out[1].copy()
        outflow_ts = out[5].copy()
        routed.append(out)
    gwarea, gwflow_coef, gwsink_coef, hru_in_to_cf = gw_params
    soil_to_gw, ssr_to_gw, dprst_seep = gw_inputs
    gwres_stor = np.full(len(gwarea), 2.0)
    stepped = []
    for day in range(soil_to_gw.shape[0]):
        gwres_stor_old = gwres_stor.copy()
        res = _calculate_gw(gwarea, soil_to_gw[day].copy(), ssr_to_gw[day].copy(),
                            dprst_seep[day].copy(), gwres_stor, gwflow_coef,
                            gwsink_coef, gwres_stor_old, hru_in_to_cf)
        gwres_stor = res[0].copy()
        stepped.append(res)
    return routed, stepped, (tsi, ts, c0, c1, c2)


def inputs():
    rng = np.random.default_rng(0)
    nseg, ndays, nhru = 9, 6, 9
    mann_n = rng.uniform(0.03, 0.08, nseg)
    seg_slope = rng.uniform(1e-4, 5e-3, nseg)
    seg_depth = rng.uniform(0.5, 3.0, nseg)
    seg_length = rng.uniform(2.0e3, 1.5e5, nseg)
    x_coef = np.full(nseg, 0.2)
    lateral = rng.uniform(0.0, 40.0, (ndays, nseg))
    lateral[2] *= 5.0
    gwarea = rng.uniform(50.0, 500.0, nhru)
    gwflow_coef = rng.uniform(0.01, 0.1, nhru)
    gwsink_coef = rng.uniform(0.0, 0.05, nhru)
    gwsink_coef[3] = 2.0        # sink larger than storage -> capped by np.where
    hru_in_to_cf = gwarea * 43560.0 / 12.0
    for a in (gwarea, gwflow_coef, gwsink_coef, hru_in_to_cf):
        a.flags.writeable = False
    soil_to_gw = rng.uniform(0.0, 0.1, (ndays, nhru))
    ssr_to_gw = rng.uniform(0.0, 0.05, (ndays, nhru))
    dprst_seep = rng.uniform(0.0, 0.02, (ndays, nhru))
    return (lateral, (mann_n, seg_slope, seg_depth, seg_length, x_coef),
            (soil_to_gw, ssr_to_gw, dprst_seep),
            (gwarea, gwflow_coef, gwsink_coef, hru_in_to_cf))
