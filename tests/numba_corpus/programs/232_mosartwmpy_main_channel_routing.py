# Source: IMMM-SFA/mosartwmpy mosartwmpy/main_channel/kinematic_wave.py, mosartwmpy/main_channel/state.py and mosartwmpy/main_channel/routing.py (all at commit 39d39169)
# Licence: BSD-2-Clause (mosartwmpy, LICENSE: "Open source under license BSD 2-Clause"; Copyright (c) 2021, Battelle Memorial Institute)
# Notes: one routing iteration of the main river channel of the MOSART-WM water routing and management model, cell by cell over a river network grid: main_channel_routing is @nb.jit with one eager signature string of 33 arguments spread over several concatenated string literals ("void(" "int64, float64, ..." ")"), parallel=True, nogil=True, cache=True; it loops over cells with nb.prange, skips cells with `if ~euler_mask[i] or ~(mosart_mask[i] > 0): continue` (the ~ operator applied to a boolean array element and to a comparison, meaning logical not), sub-steps with a nested nb.prange whose loop variable is `_`, and calls two other eagerly typed jitted kernels with twenty-one and thirteen positional arguments: kinematic_wave_routing (Manning velocity with ** (2.0/3.0) and ** (1.0/2.0), boolean locals from chained `and`, a kinematic-wave criterion, an abs() threshold that rebinds a float local to the int 0) and update_main_channel_state (rectangular channel with a trapezoidal flood plain: cross-section area, water depth, wetted perimeter and hydraulic radius through nested if/else), all writing into the state arrays in place. The three files are pasted into one module in dependency order, so `import numba as nb` appears once and routing.py's two `from mosartwmpy.main_channel... import` lines are left out
import numba as nb


@nb.jit(
    "void("
        "int64, float64, float64[:], float64[:], float64[:], float64[:], float64[:], float64[:],"
        "float64[:], float64[:], float64[:], float64[:], float64[:], float64[:], float64[:],"
        "float64[:], float64[:], float64[:], float64[:], float64, float64"
    ")",
    nopython=True,
    nogil=True,
    cache=True,
)
def kinematic_wave_routing(
    i,
    delta_t,
    channel_inflow_upstream,
    channel_outflow_sum_upstream_instant,
    channel_length,
    channel_hydraulic_radii,
    channel_flow_velocity,
    channel_slope,
    channel_manning,
    total_drainage_area_single,
    channel_width,
    channel_outflow_downstream,
    channel_cross_section_area,
    channel_lateral_flow_hillslope,
    channel_storage,
    hillslope_wetland_runoff,
    area,
    drainage_fraction,
    channel_delta_storage,
    tiny_value,
    kinematic_wave_parameter,
):
    """Tracks the storage and flow of water in the main channel using the kinematic wave routing method."""
    
    # estimation of inflow
    channel_inflow_upstream[i] = -channel_outflow_sum_upstream_instant[i]
    
    # estimation of outflow
    if (channel_length[i] > 0) and (channel_hydraulic_radii[i] > 0):
        channel_flow_velocity[i] = (channel_hydraulic_radii[i] ** (2.0/3.0)) * (channel_slope[i] ** (1.0/2.0)) / channel_manning[i]
    else:
        channel_flow_velocity[i] = 0.0

    kinematic_wave_condition = (channel_length[i] > 0) and ((total_drainage_area_single[i] / channel_width[i] / channel_length[i]) <= kinematic_wave_parameter)

    if kinematic_wave_condition:
        channel_outflow_downstream[i] = -channel_flow_velocity[i] * channel_cross_section_area[i]
    else:
        channel_outflow_downstream[i] = -channel_inflow_upstream[i] - channel_lateral_flow_hillslope[i]

    flow_condition = kinematic_wave_condition and (-channel_outflow_downstream[i] > tiny_value) and ((channel_storage[i] + (channel_lateral_flow_hillslope[i] + channel_inflow_upstream[i] + channel_outflow_downstream[i]) * delta_t) < tiny_value)

    if flow_condition:
        channel_outflow_downstream[i] = -(channel_lateral_flow_hillslope[i] + channel_inflow_upstream[i] + channel_storage[i] / delta_t)

    if flow_condition and (channel_cross_section_area[i] > 0):
        channel_flow_velocity[i] = -channel_outflow_downstream[i] / channel_cross_section_area[i]

    # calculate change in storage, but first round small runoff to zero
    delta_runoff = hillslope_wetland_runoff[i] * area[i] * drainage_fraction[i]
    if abs(delta_runoff) <= tiny_value:
        delta_runoff = 0
    channel_delta_storage[i] = channel_lateral_flow_hillslope[i] + channel_inflow_upstream[i] + channel_outflow_downstream[i] + delta_runoff


@nb.jit(
    "void("
        "int64, float64[:], float64[:], float64[:], float64[:], float64[:],"
        "float64[:], float64[:], float64[:], float64[:], float64, float64, float64"
    ")",
    nopython=True,
    nogil=True,
    cache=True,
)
def update_main_channel_state(
    i,
    channel_length,
    grid_channel_depth,
    channel_width,
    channel_floodplain_width,
    channel_storage,
    channel_cross_section_area,
    channel_depth,
    channel_wetness_perimeter,
    channel_hydraulic_radii,
    tiny_value,
    slope_1_def,
    inverse_sin_atan_slope_1_def,
):
    """Updates the physical properties of the main river channel based on current state."""

    storage_condition = (channel_length[i] > 0.0) and (channel_storage[i] > 0.0)

    if storage_condition:
        channel_cross_section_area[i] = channel_storage[i] / channel_length[i]
    else:
        channel_cross_section_area[i] = 0.0

    not_flooded = (channel_cross_section_area[i] - (grid_channel_depth[i] * channel_width[i])) <= tiny_value

    delta_area = channel_cross_section_area[i] - grid_channel_depth[i] * channel_width[i] - (channel_width[i] + channel_floodplain_width[i]) * slope_1_def * ((channel_floodplain_width[i] - channel_width[i]) / 2.0) / 2.0

    # Function for estimating maximum water depth assuming rectangular channel and trapezoidal flood plain
    # here assuming the channel cross-section consists of three parts, from bottom to up,
    # part 1 is a rectangular with bankfull depth (rdep) and bankfull width (rwid)
    # part 2 is a trapezoidal, bottom width rwid and top width rwid0, height slope*((rwid0-rwid)/2)
    # part 3 is a rectangular with the width rwid0
    if storage_condition and (channel_cross_section_area[i] > tiny_value):
        if not_flooded:
            channel_depth[i] = channel_cross_section_area[i] / channel_width[i]
        else:
            if delta_area > tiny_value:
                channel_depth[i] = grid_channel_depth[i] + slope_1_def * ((channel_floodplain_width[i] - channel_width[i]) / 2.0) + delta_area / channel_floodplain_width[i]
            else:
                channel_depth[i] = grid_channel_depth[i] + (-channel_width[i] + (((channel_width[i] ** 2.0) + 4.0 * (channel_cross_section_area[i] - grid_channel_depth[i] * channel_width[i]) / slope_1_def) ** (1.0/2.0))) * slope_1_def / 2.0
    else:
        channel_depth[i] = 0.0

    not_flooded = (channel_depth[i] <= (grid_channel_depth[i] + tiny_value))

    delta_depth = channel_depth[i] - grid_channel_depth[i] - ((channel_floodplain_width[i] - channel_width[i]) / 2.0) * slope_1_def

    # Function for estimating wetness perimeter based on same assumptions as above
    if storage_condition and (channel_depth[i] >= tiny_value):
        if not_flooded:
            channel_wetness_perimeter[i] = channel_width[i] + 2.0 * channel_depth[i]
        else:
            if delta_depth > tiny_value:
                channel_wetness_perimeter[i] = channel_width[i] + 2.0 * (grid_channel_depth[i] + ((channel_floodplain_width[i] - channel_width[i]) / 2.0) * slope_1_def * inverse_sin_atan_slope_1_def + delta_depth)
            else:
                channel_wetness_perimeter[i] = channel_width[i] + 2.0 * (grid_channel_depth[i] + (channel_depth[i] - grid_channel_depth[i]) * inverse_sin_atan_slope_1_def)
    else:
        channel_wetness_perimeter[i] = 0.0

    if storage_condition and (channel_wetness_perimeter[i] > tiny_value):
        channel_hydraulic_radii[i] = channel_cross_section_area[i] / channel_wetness_perimeter[i]
    else:
        channel_hydraulic_radii[i] = 0.0


@nb.jit(
    "void("
        "int64, float64, int64, int64,"
        "int64[:], int64[:], float64[:], float64[:], float64[:], float64[:], float64[:], float64[:], float64[:],"
        "float64[:], float64[:], boolean[:], float64[:], float64[:], float64[:], float64[:], float64[:], float64[:],"
        "float64[:], float64[:], float64[:], float64[:], float64[:], float64[:], float64[:],"
        "float64, float64, float64, float64"
    ")",
    parallel=True,
    nopython=True,
    nogil=True,
    cache=True,
)
def main_channel_routing(
    n,
    delta_t,
    routing_iterations,
    max_iterations_main_channel,
    iterations_main_channel,
    mosart_mask,
    channel_length,
    channel_slope,
    channel_manning,
    total_drainage_area_single,
    channel_width,
    area,
    drainage_fraction,
    grid_channel_depth,
    channel_floodplain_width,
    euler_mask,
    channel_inflow_upstream,
    channel_outflow_sum_upstream_instant,
    channel_hydraulic_radii,
    channel_flow_velocity,
    channel_outflow_downstream,
    channel_cross_section_area,
    channel_lateral_flow_hillslope,
    channel_storage,
    channel_storage_previous_timestep,
    hillslope_wetland_runoff,
    channel_delta_storage,
    channel_depth,
    channel_wetness_perimeter,
    slope_1_def,
    inverse_sin_atan_slope_1_def,
    tiny_value,
    kinematic_wave_parameter,
):
    """Tracks the storage and flow of water in the main river channels."""

    for i in nb.prange(n):

        if ~euler_mask[i] or ~(mosart_mask[i] > 0):
            continue

        local_delta_t = (delta_t / routing_iterations) / iterations_main_channel[i]
        outflow = 0.0

        # step through max iterations
        for _ in nb.prange(max_iterations_main_channel):
            if ~(iterations_main_channel[i] > _):
                continue

            # route the water
            kinematic_wave_routing(
                i,
                local_delta_t,
                channel_inflow_upstream,
                channel_outflow_sum_upstream_instant,
                channel_length,
                channel_hydraulic_radii,
                channel_flow_velocity,
                channel_slope,
                channel_manning,
                total_drainage_area_single,
                channel_width,
                channel_outflow_downstream,
                channel_cross_section_area,
                channel_lateral_flow_hillslope,
                channel_storage,
                hillslope_wetland_runoff,
                area,
                drainage_fraction,
                channel_delta_storage,
                tiny_value,
                kinematic_wave_parameter,
            )

            # update storage
            channel_storage_previous_timestep[i] = 1.0 * channel_storage[i]
            channel_storage[i] = channel_storage[i] + channel_delta_storage[i] * local_delta_t

            # update channel state
            update_main_channel_state(
                i,
                channel_length,
                grid_channel_depth,
                channel_width,
                channel_floodplain_width,
                channel_storage,
                channel_cross_section_area,
                channel_depth,
                channel_wetness_perimeter,
                channel_hydraulic_radii,
                tiny_value,
                slope_1_def,
                inverse_sin_atan_slope_1_def
            )

            # track the outflow
            outflow = outflow + channel_outflow_downstream[i]

        # update the final outflow
        channel_outflow_downstream[i] = outflow / iterations_main_channel[i]

# ---- harness (not part of the program) ----
ENTRY = "main_channel_routing"


def inputs():
    # what the model's update hands to main_channel_routing for one routing
    # iteration on a grid of 80 cells: a subcycle of 3600 s split into 5
    # routing iterations, 1 to 4 main-channel sub-steps per cell (and
    # np.nanmax of them), a few ocean cells (mosart_mask 0), a few cells
    # outside the Euler mask and a few without a channel (length 0);
    # channel geometry, slopes and Manning coefficients of plausible
    # magnitude, storages from nearly empty to above bankfull (so both the
    # rectangular and the flood-plain branches run), upstream outflow sums
    # and hillslope lateral flows as the earlier steps leave them (negative
    # for outflow), and the model's Parameters (slope_1_def = 0.1, its
    # 1 / sin(atan(...)), tiny_value = 1e-14, kinematic_wave_condition =
    # 1e6)
    import numpy as np
    rng = np.random.default_rng(0)
    n = 80
    iterations = rng.integers(1, 5, n).astype(np.int64)
    mosart_mask = np.where(rng.random(n) < 0.1, 0, 1).astype(np.int64)
    euler_mask = rng.random(n) > 0.08
    channel_length = rng.uniform(1e3, 3e4, n)
    channel_length[rng.random(n) < 0.06] = 0.0
    channel_slope = rng.uniform(1e-4, 1e-2, n)
    channel_manning = rng.uniform(0.03, 0.05, n)
    area = rng.uniform(5e7, 2e8, n)
    total_drainage_area_single = area * rng.uniform(1.0, 3.0, n)
    channel_width = rng.uniform(5.0, 100.0, n)
    drainage_fraction = rng.uniform(0.0, 1.0, n)
    grid_channel_depth = rng.uniform(0.5, 5.0, n)
    channel_floodplain_width = 5.0 * channel_width
    fill = rng.uniform(0.0, 2.0, n)
    channel_storage = fill * channel_width * grid_channel_depth * channel_length
    channel_storage[rng.random(n) < 0.05] = 0.0
    channel_cross_section_area = np.where(channel_length > 0,
                                          channel_storage / np.maximum(channel_length, 1.0), 0.0)
    channel_hydraulic_radii = channel_cross_section_area / (channel_width + 2 * grid_channel_depth)
    channel_flow_velocity = np.zeros(n)
    channel_outflow_downstream = -rng.uniform(0.0, 50.0, n)
    channel_inflow_upstream = np.zeros(n)
    channel_outflow_sum_upstream_instant = -rng.uniform(0.0, 80.0, n)
    channel_lateral_flow_hillslope = rng.uniform(0.0, 5.0, n)
    channel_storage_previous_timestep = channel_storage.copy()
    hillslope_wetland_runoff = rng.uniform(0.0, 1e-8, n)
    hillslope_wetland_runoff[rng.random(n) < 0.2] = 0.0
    channel_delta_storage = np.zeros(n)
    channel_depth = np.zeros(n)
    channel_wetness_perimeter = np.zeros(n)
    slope_1_def = 0.1
    inverse_sin_atan_slope_1_def = 1.0 / (np.sin(np.arctan(slope_1_def)))
    return (n, 3600.0, 5, np.nanmax(iterations), iterations, mosart_mask,
            channel_length, channel_slope, channel_manning,
            total_drainage_area_single, channel_width, area,
            drainage_fraction, grid_channel_depth, channel_floodplain_width,
            euler_mask, channel_inflow_upstream,
            channel_outflow_sum_upstream_instant, channel_hydraulic_radii,
            channel_flow_velocity, channel_outflow_downstream,
            channel_cross_section_area, channel_lateral_flow_hillslope,
            channel_storage, channel_storage_previous_timestep,
            hillslope_wetland_runoff, channel_delta_storage, channel_depth,
            channel_wetness_perimeter, slope_1_def,
            inverse_sin_atan_slope_1_def, 1.0e-14, 1.0e6)
