# Source: razinkele/CENOP src/cenop/optimizations/kernels.py (at commit 024f8708)
# Licence: GPL-2.0-only (CENOP, pyproject.toml `license = "GPL-2.0-only"`, classifier GNU General Public License v2 (GPLv2))
# Notes: simulation kernels of CENOP, a Python port of the DEPONS harbour-porpoise agent-based population model: the module header with its try/except numba import fallback, then reflect_boundaries_kernel (bouncy borders with in-place position and displacement flips, two prange loops, a bool mask), turn_position_kernel (turn, sin/cos step, reflect and clamp, int32 cell indices through min/max/int), eat_food_kernel and eat_food_kernel_v2 (two-pass proportional food sharing on a float32 grid with a scratch demand grid, `demand_grid[:, :] = 0.0`, np.empty float32 buffer, continue), depons_bmr_cost_kernel (prange energy cost with bool arrays), social_accumulate_kernel (pairwise unit-vector accumulation), regrow_food_kernel (logistic regrowth, `for _ in range(n_iter)` inside prange), compute_ve_total_kernel and compute_attraction_kernel (circular-buffer memory gathers with negative-operand `%`, `** 0.5`) and land_avoidance_kernel (3 angles x 2 directions with break). Left out: seed_numba_rng and crw_angle_step_kernel (they draw random numbers inside jitted code) and the plain-Python warmup_kernels (it calls crw_angle_step_kernel). The harness moves 24 agents on a 30 x 40 grid for 6 steps: turns them, reflects an overshooting move, resolves agents on shallow cells with land_avoidance_kernel (fixed jitter), eats food alternately with both eat kernels, computes energy costs and social vectors for pairs closer than 8 cells, regrows food, and finally evaluates the memory kernels on fixed float32 histories (including a zero-distance and zero-utility entries and agents with empty memories)
"""
Numba-accelerated simulation kernels.

Each kernel is a standalone @njit function that receives and returns flat NumPy
arrays.  No class references or Python objects.  Wrapper methods in population.py
unpack SoA arrays, call the kernel, and write results back.

Existing Numba functions in numba_helpers.py and __init__.py are NOT moved here;
this module holds NEW kernels extracted from population.py hot paths.
"""
from __future__ import annotations

import numpy as np

try:
    from numba import njit, prange
    NUMBA_AVAILABLE = True
except ImportError:
    NUMBA_AVAILABLE = False

    def njit(*args, **kwargs):
        def decorator(func):
            return func
        return decorator

    def prange(*args):
        return range(*args)


@njit(cache=True, parallel=True)
def reflect_boundaries_kernel(
    new_x: np.ndarray,
    new_y: np.ndarray,
    dx: np.ndarray,
    dy: np.ndarray,
    world_w: int,
    world_h: int,
    mask: np.ndarray,
) -> None:
    """
    DEPONS-style bouncy borders — Numba kernel.

    Reflects positions that overshoot domain edges back into bounds
    and flips the displacement sign so heading recalculation points inward.
    Modifies arrays in-place.
    """
    max_x = float(world_w - 1)
    max_y = float(world_h - 1)
    n = new_x.shape[0]

    for i in prange(n):
        if mask[i]:
            if new_x[i] < 0.0:
                new_x[i] = -new_x[i]
                dx[i] = -dx[i]
            elif new_x[i] > max_x:
                new_x[i] = 2.0 * max_x - new_x[i]
                dx[i] = -dx[i]
        # Safety clamp applied to all (matches NumPy np.clip behaviour)
        if new_x[i] < 0.0:
            new_x[i] = 0.0
        elif new_x[i] > max_x:
            new_x[i] = max_x

    for i in prange(n):
        if mask[i]:
            if new_y[i] < 0.0:
                new_y[i] = -new_y[i]
                dy[i] = -dy[i]
            elif new_y[i] > max_y:
                new_y[i] = 2.0 * max_y - new_y[i]
                dy[i] = -dy[i]
        # Safety clamp applied to all (matches NumPy np.clip behaviour)
        if new_y[i] < 0.0:
            new_y[i] = 0.0
        elif new_y[i] > max_y:
            new_y[i] = max_y


@njit(cache=True, parallel=True)
def turn_position_kernel(
    x, y, heading, step_dist,
    turn_delta,
    world_w, world_h,
    out_x, out_y, out_heading,
    out_xi, out_yi,
):
    """
    Compute new positions after turning by turn_delta degrees.

    For each agent: turn heading, compute displacement, add to position,
    reflect at boundaries.  Writes results to out_x, out_y, out_heading.
    Also outputs clamped int32 cell indices in out_xi, out_yi to avoid
    post-kernel astype(np.int32) + np.clip calls.
    """
    max_x = float(world_w - 1)
    max_y = float(world_h - 1)
    n = x.shape[0]

    for i in prange(n):
        h = (heading[i] + turn_delta) % 360.0
        out_heading[i] = h

        rads = h * np.pi / 180.0
        dx_i = np.sin(rads) * step_dist[i]
        dy_i = np.cos(rads) * step_dist[i]

        nx = x[i] + dx_i
        ny = y[i] + dy_i

        # Reflect X
        if nx < 0.0:
            nx = -nx
        elif nx > max_x:
            nx = 2.0 * max_x - nx
        if nx < 0.0:
            nx = 0.0
        elif nx > max_x:
            nx = max_x

        # Reflect Y
        if ny < 0.0:
            ny = -ny
        elif ny > max_y:
            ny = 2.0 * max_y - ny
        if ny < 0.0:
            ny = 0.0
        elif ny > max_y:
            ny = max_y

        out_x[i] = nx
        out_y[i] = ny
        out_xi[i] = min(world_w - 1, max(0, int(nx)))
        out_yi[i] = min(world_h - 1, max(0, int(ny)))


@njit(cache=True)
def eat_food_kernel(
    food_grid,   # 2D float32 array (rows, cols) — modified in-place
    x_indices,   # 1D int32 — column indices per agent
    y_indices,   # 1D int32 — row indices per agent
    fraction,    # 1D float32 — fraction to eat per agent
    food_eaten,  # 1D float32 — output: actual food eaten per agent
    min_food,    # float — minimum food floor (ADD_ARTIFICIAL_FOOD)
    demand_grid, # 2D float32 array (rows, cols) — pre-allocated buffer
):
    """
    Eat food from grid cells — two-pass proportional-sharing kernel.

    Preserves the same semantics as the original np.add.at implementation:
    agents in the same cell get proportional shares of available food,
    independent of processing order. This avoids the full-grid allocation
    that was the #1 bottleneck.

    Pass 1: Compute per-agent demand and accumulate per-cell total demand.
    Pass 2: For each agent, if cell demand <= supply, eat full amount;
            otherwise, eat proportional share of supply (matching DEPONS
            Java semantics: eat first, floor after).

    demand_grid must be pre-allocated with shape matching food_grid;
    it is zeroed at the start of each call and used as scratch space.

    Modifies food_grid and food_eaten in-place.
    """
    rows = food_grid.shape[0]
    cols = food_grid.shape[1]
    n = x_indices.shape[0]

    # --- Pass 1: accumulate per-cell demand ---
    demand_grid[:, :] = 0.0
    agent_demand = np.empty(n, dtype=np.float32)

    for i in range(n):
        row = y_indices[i]
        col = x_indices[i]
        demand = food_grid[row, col] * fraction[i]
        agent_demand[i] = demand
        demand_grid[row, col] += demand

    # --- Pass 2: distribute proportionally ---
    for i in range(n):
        row = y_indices[i]
        col = x_indices[i]
        current = food_grid[row, col]
        total_demand = demand_grid[row, col]

        if total_demand <= 0.0:
            food_eaten[i] = 0.0
            continue

        # Match DEPONS Java: agents eat from full cell food, floor
        # is enforced AFTER consumption (not subtracted beforehand).
        available = current
        if available < 0.0:
            available = 0.0

        if total_demand <= available:
            # No competition: everyone gets what they asked for
            food_eaten[i] = agent_demand[i]
        else:
            # Competition: proportional share of available food
            share = agent_demand[i] / total_demand
            food_eaten[i] = available * share

    # --- Update grid: subtract actual total eaten per cell ---
    for i in range(n):
        row = y_indices[i]
        col = x_indices[i]
        food_grid[row, col] -= food_eaten[i]

    # --- Enforce minimum food floor (only touched cells) ---
    for i in range(n):
        row = y_indices[i]
        col = x_indices[i]
        if food_grid[row, col] < min_food:
            food_grid[row, col] = min_food


@njit(cache=True)
def eat_food_kernel_v2(
    food_grid,   # 2D float32 array (rows, cols) — modified in-place
    x_indices,   # 1D int32 — column indices per agent
    y_indices,   # 1D int32 — row indices per agent
    energy,      # 1D float32 — energy level per agent
    food_eaten,  # 1D float32 — output: actual food eaten per agent
    min_food,    # float — minimum food floor (ADD_ARTIFICIAL_FOOD)
    demand_grid, # 2D float32 array (rows, cols) — pre-allocated buffer
):
    """Two-pass proportional food with inline fraction computation.

    Same as eat_food_kernel but computes frac = clip((20-energy)/10, 0, 0.99)
    internally. demand = food_at_cell * frac (NOT raw frac).
    """
    n = x_indices.shape[0]
    agent_demand = np.empty(n, dtype=np.float32)

    # Pass 1: accumulate per-cell demand
    demand_grid[:, :] = 0.0
    for i in range(n):
        frac = min(max((20.0 - energy[i]) / 10.0, 0.0), 0.99)
        row = y_indices[i]
        col = x_indices[i]
        demand = food_grid[row, col] * frac
        agent_demand[i] = demand
        demand_grid[row, col] += demand

    # Pass 2: distribute proportionally
    for i in range(n):
        row = y_indices[i]
        col = x_indices[i]
        total_demand = demand_grid[row, col]
        if total_demand <= 0.0:
            food_eaten[i] = 0.0
            continue
        available = max(food_grid[row, col], 0.0)
        if total_demand <= available:
            food_eaten[i] = agent_demand[i]
        else:
            share = agent_demand[i] / total_demand
            food_eaten[i] = available * share

    # Pass 3: update grid and enforce floor
    for i in range(n):
        row = y_indices[i]
        col = x_indices[i]
        food_grid[row, col] -= food_eaten[i]
        if food_grid[row, col] < min_food:
            food_grid[row, col] = min_food


@njit(cache=True, parallel=True)
def depons_bmr_cost_kernel(
    speed,              # 1D float32 — current speed in m/s
    scaling,            # 1D float32 — seasonal scaling factor (pre-computed)
    is_lactating,       # 1D bool
    is_disturbed,       # 1D bool
    deter_magnitude,    # 1D float32
    mask,               # 1D bool
    out_total_cost,     # 1D float32 — output
    e_use_per_30_min,   # float — BMR parameter
    e_lact,             # float — lactation multiplier
):
    """
    DEPONS BMR + activity + disturbance cost kernel.

    Matches DEPONSEnergyModule.compute_bmr_cost() exactly:
    - BMR: 0.001 * scaling * e_use_per_30_min (* e_lact if lactating)
    - Activity: speed * 0.0001 * scaling
    - Disturbance: 0.002 * deter_magnitude * scaling (if disturbed)
    """
    n = speed.shape[0]
    for i in prange(n):
        if not mask[i]:
            out_total_cost[i] = 0.0
            continue

        bmr = 0.001 * scaling[i] * e_use_per_30_min
        if is_lactating[i]:
            bmr *= e_lact

        activity = speed[i] * 0.0001 * scaling[i]

        disturbance = 0.0
        if is_disturbed[i]:
            disturbance = 0.002 * deter_magnitude[i] * scaling[i]

        out_total_cost[i] = bmr + activity + disturbance


@njit(cache=True)
def social_accumulate_kernel(
    idx_i, idx_j, dx_ij, dy_ij, dist, p_i, p_j,
    ux_total, uy_total, sw_total,
):
    """
    Fused social vector accumulation: unit-vector + weighting + accumulation.

    Replaces separate NumPy unit-vector computation, weighting, and the
    accumulate_social_totals helper in a single pass over pairs.

    For each pair (i, j):
    - i gets unit vector towards j, weighted by p_i
    - j gets unit vector towards i (reversed), weighted by p_j

    dist should already include eps (caller adds 1e-6).
    """
    n = idx_i.shape[0]
    for k in range(n):
        i = idx_i[k]
        j = idx_j[k]
        d = dist[k]

        ux = dx_ij[k] / d
        uy = dy_ij[k] / d

        # i hears j (towards j)
        ux_total[i] += ux * p_i[k]
        uy_total[i] += uy * p_i[k]
        sw_total[i] += p_i[k]

        # j hears i (towards i = reverse direction)
        ux_total[j] -= ux * p_j[k]
        uy_total[j] -= uy * p_j[k]
        sw_total[j] += p_j[k]


@njit(cache=True, parallel=True)
def regrow_food_kernel(food, k_vals, rate, n_iter):
    """Apply logistic food regrowth for n_iter iterations (prange-parallel).

    Modifies food array in-place.
    Each cell: F = F + rate * F * (1 - F/K), repeated n_iter times.
    """
    for i in prange(len(food)):
        f = food[i]
        k = k_vals[i]
        for _ in range(n_iter):
            f = f + rate * f * (1.0 - f / k)
        food[i] = f


@njit(cache=True, parallel=True)
def compute_ve_total_kernel(
    stored_util, mem_ptr, mem_count, work_mem_table,
    active_indices, out_ve_total,
):
    """Fused veTotal: gather + weight + sum in one pass per agent.

    Args:
        stored_util: (n_agents, mem_size) float32
        mem_ptr: (n_agents,) int32 — circular buffer write pointer
        mem_count: (n_agents,) int32 — entries stored
        work_mem_table: (mem_size,) float64 — decay weights
        active_indices: (n_active,) int64 — indices of active agents
        out_ve_total: (n_active,) float64 — output
    """
    mem_size = stored_util.shape[1]
    for ai in prange(len(active_indices)):
        agent = active_indices[ai]
        n = min(int(mem_count[agent]), mem_size) - 1  # use n-1 entries
        if n <= 0:
            out_ve_total[ai] = 0.0
            continue
        ptr = int(mem_ptr[agent])
        total = 0.0
        for i in range(n):
            buf_idx = (ptr - 1 - i) % mem_size
            total += work_mem_table[i] * stored_util[agent, buf_idx]
        out_ve_total[ai] = total


@njit(cache=True, parallel=True)
def compute_attraction_kernel(
    stored_util, pos_history_x, pos_history_y,
    mem_ptr, mem_count, current_x, current_y,
    ref_mem_table, active_indices,
    out_vt_x, out_vt_y,
):
    """Fused attraction vector: gather + direction + weight + sum per agent.

    Args:
        stored_util: (n_agents, mem_size) float32
        pos_history_x, pos_history_y: (n_agents, mem_size) float32
        mem_ptr: (n_agents,) int32
        mem_count: (n_agents,) int32
        current_x, current_y: (n_agents,) float32 — current positions
        ref_mem_table: (mem_size,) float64 — decay weights
        active_indices: (n_active,) int64 — indices of active agents
        out_vt_x, out_vt_y: (n_active,) float64 — output
    """
    mem_size = stored_util.shape[1]
    for ai in prange(len(active_indices)):
        agent = active_indices[ai]
        n = min(int(mem_count[agent]), mem_size)
        cx = current_x[agent]
        cy = current_y[agent]
        ptr = int(mem_ptr[agent])
        vx = 0.0
        vy = 0.0
        # Skip index 0 (most recent = current position)
        for i in range(1, n):
            buf_idx = (ptr - 1 - i) % mem_size
            util = stored_util[agent, buf_idx]
            if util == 0.0:
                continue
            px = pos_history_x[agent, buf_idx]
            py = pos_history_y[agent, buf_idx]
            dx = px - cx
            dy = py - cy
            dist = (dx * dx + dy * dy) ** 0.5
            if dist < 1e-20:
                weight = 9999.0 * util
                # direction undefined at zero distance, skip
                continue
            else:
                weight = util * ref_mem_table[i] / dist
            vx += weight * dx / dist
            vy += weight * dy / dist
        out_vt_x[ai] = vx
        out_vt_y[ai] = vy


@njit(cache=True)
def land_avoidance_kernel(
    x,
    y,
    heading,
    step_dist,
    depth_grid,
    min_depth,
    base_angles,
    jitter,
    out_x,
    out_y,
    out_heading,
    resolved,
):
    """Try 3 angles x 2 directions per blocked agent in one pass.

    For each angle, try right then left; pick deeper if both valid;
    break on first successful angle. Matches DEPONS Java and current
    Python _handle_land_avoidance pattern.

    Args:
        x, y, heading, step_dist: blocked agent arrays (float64)
        depth_grid: float32[rows, cols] landscape depth
        min_depth: minimum water depth threshold
        base_angles: float64[3] = [40, 70, 120] degree turn angles
        jitter: float64[3] = pre-drawn uniform(0, 10) per angle
        out_x, out_y, out_heading: output position/heading (float64)
        resolved: output bool array — True if found water
    """
    max_x = float(depth_grid.shape[1] - 1)
    max_y = float(depth_grid.shape[0] - 1)

    for i in range(len(x)):
        resolved[i] = False
        for a_idx in range(3):
            if resolved[i]:
                break
            angle = base_angles[a_idx] + jitter[a_idx]

            # Right turn
            rh = (heading[i] + angle) % 360.0
            rr = rh * 3.141592653589793 / 180.0
            rx = x[i] + np.sin(rr) * step_dist[i]
            ry = y[i] + np.cos(rr) * step_dist[i]
            # Reflect boundaries
            if rx < 0.0:
                rx = -rx
            elif rx > max_x:
                rx = 2.0 * max_x - rx
            if rx < 0.0:
                rx = 0.0
            elif rx > max_x:
                rx = max_x
            if ry < 0.0:
                ry = -ry
            elif ry > max_y:
                ry = 2.0 * max_y - ry
            if ry < 0.0:
                ry = 0.0
            elif ry > max_y:
                ry = max_y
            rd = depth_grid[int(ry), int(rx)]

            # Left turn
            lh = (heading[i] - angle + 360.0) % 360.0
            lr = lh * 3.141592653589793 / 180.0
            lx = x[i] + np.sin(lr) * step_dist[i]
            ly = y[i] + np.cos(lr) * step_dist[i]
            # Reflect boundaries
            if lx < 0.0:
                lx = -lx
            elif lx > max_x:
                lx = 2.0 * max_x - lx
            if lx < 0.0:
                lx = 0.0
            elif lx > max_x:
                lx = max_x
            if ly < 0.0:
                ly = -ly
            elif ly > max_y:
                ly = 2.0 * max_y - ly
            if ly < 0.0:
                ly = 0.0
            elif ly > max_y:
                ly = max_y
            ld = depth_grid[int(ly), int(lx)]

            # Pick best
            rok = rd >= min_depth
            lok = ld >= min_depth
            if rok and lok:
                if rd >= ld:
                    out_x[i] = rx
                    out_y[i] = ry
                    out_heading[i] = rh
                else:
                    out_x[i] = lx
                    out_y[i] = ly
                    out_heading[i] = lh
                resolved[i] = True
            elif rok:
                out_x[i] = rx
                out_y[i] = ry
                out_heading[i] = rh
                resolved[i] = True
            elif lok:
                out_x[i] = lx
                out_y[i] = ly
                out_heading[i] = lh
                resolved[i] = True


# ---- harness (not part of the program) ----
ENTRY = "cenop_step"


def cenop_step(x, y, heading, step_dist, energy, speed, depth, food, k_food,
               stored_util, pos_hx, pos_hy, mem_ptr, mem_count, steps):
    x = x.copy()
    y = y.copy()
    heading = heading.copy()
    energy = energy.copy()
    food = food.copy()
    n = x.shape[0]
    rows, cols = food.shape
    demand = np.zeros_like(food)
    eaten_total = np.zeros(n, dtype=np.float32)
    costs = np.zeros(n, dtype=np.float32)
    ox = np.zeros(n)
    oy = np.zeros(n)
    oh = np.zeros(n)
    oxi = np.zeros(n, dtype=np.int32)
    oyi = np.zeros(n, dtype=np.int32)
    mask = np.arange(n) % 5 != 0
    history = []
    for s in range(steps):
        turn_position_kernel(x, y, heading, step_dist, 15.0 * (s % 3) - 10.0,
                             cols, rows, ox, oy, oh, oxi, oyi)
        # overshoot then reflect with the bouncy-border kernel
        nx = x + 1.7 * np.sin(heading * np.pi / 180.0) * step_dist
        ny = y + 1.7 * np.cos(heading * np.pi / 180.0) * step_dist
        dx = nx - x
        dy = ny - y
        reflect_boundaries_kernel(nx, ny, dx, dy, cols, rows, mask)
        blocked = depth[oyi, oxi] < 2.0
        bx = x[blocked].copy()
        by = y[blocked].copy()
        bh = heading[blocked].copy()
        bs = step_dist[blocked].copy()
        lx = np.zeros(bx.shape[0])
        ly = np.zeros(bx.shape[0])
        lh = np.zeros(bx.shape[0])
        res = np.zeros(bx.shape[0], dtype=np.bool_)
        land_avoidance_kernel(bx, by, bh, bs, depth, 2.0,
                              np.array([40.0, 70.0, 120.0]),
                              np.array([1.5, 3.0 + s % 4, 7.25]),
                              lx, ly, lh, res)
        x = ox.copy()
        y = oy.copy()
        heading = oh.copy()
        x[blocked] = np.where(res, lx, x[blocked])
        y[blocked] = np.where(res, ly, y[blocked])
        heading[blocked] = np.where(res, lh, heading[blocked])
        xi = np.minimum(x.astype(np.int32), cols - 1).astype(np.int32)
        yi = np.minimum(y.astype(np.int32), rows - 1).astype(np.int32)
        eaten = np.zeros(n, dtype=np.float32)
        if s % 2 == 0:
            frac = np.clip((20.0 - energy) / 10.0, 0.0, 0.99).astype(np.float32)
            eat_food_kernel(food, xi, yi, frac, eaten, 0.01, demand)
        else:
            eat_food_kernel_v2(food, xi, yi, energy, eaten, 0.01, demand)
        eaten_total += eaten
        lact = np.arange(n) % 3 == 0
        dist_b = (np.arange(n) + s) % 4 == 0
        mag = (0.1 * np.arange(n) % 1.0).astype(np.float32)
        scal = np.float32(1.0 + 0.1 * s) * np.ones(n, dtype=np.float32)
        depons_bmr_cost_kernel(speed, scal, lact, dist_b, mag, mask, costs, 4.5, 1.4)
        energy = (energy + eaten - costs * 50.0).astype(np.float32)
        ii, jj = np.triu_indices(n, 1)
        ddx = x[jj] - x[ii]
        ddy = y[jj] - y[ii]
        dd = np.sqrt(ddx * ddx + ddy * ddy) + 1e-6
        close = dd < 8.0
        ux = np.zeros(n)
        uy = np.zeros(n)
        sw = np.zeros(n)
        social_accumulate_kernel(ii[close], jj[close], ddx[close], ddy[close], dd[close],
                                 np.exp(-dd[close] / 4.0), 0.5 * np.exp(-dd[close] / 3.0),
                                 ux, uy, sw)
        flat = food.reshape(-1).astype(np.float64)
        regrow_food_kernel(flat, k_food.reshape(-1), 0.1, 1 + s % 3)
        food = flat.reshape(rows, cols).astype(np.float32)
        history.append((x.copy(), y.copy(), heading.copy(), nx, ny, dx, dy,
                        oxi.copy(), oyi.copy(), res, eaten, costs.copy(), energy.copy(),
                        ux, uy, sw))
    active = np.nonzero(mask)[0].astype(np.int64)
    ve = np.zeros(active.shape[0])
    table = 0.9 ** np.arange(stored_util.shape[1], dtype=np.float64)
    compute_ve_total_kernel(stored_util, mem_ptr, mem_count, table, active, ve)
    vtx = np.zeros(active.shape[0])
    vty = np.zeros(active.shape[0])
    compute_attraction_kernel(stored_util, pos_hx, pos_hy, mem_ptr, mem_count,
                              x.astype(np.float32), y.astype(np.float32),
                              table, active, vtx, vty)
    return history, food, eaten_total, ve, vtx, vty


def inputs():
    rng = np.random.default_rng(0)
    n = 24
    rows, cols = 30, 40
    x = rng.uniform(0.0, cols - 1.0, n)
    y = rng.uniform(0.0, rows - 1.0, n)
    heading = rng.uniform(0.0, 360.0, n)
    step_dist = rng.uniform(0.5, 6.0, n)
    energy = rng.uniform(5.0, 20.0, n).astype(np.float32)
    speed = rng.uniform(0.1, 2.0, n).astype(np.float32)
    yy, xx = np.mgrid[0:rows, 0:cols]
    depth = (20.0 * np.sin(xx / 6.0) * np.cos(yy / 5.0) + 5.0).astype(np.float32)
    food = rng.uniform(0.0, 5.0, (rows, cols)).astype(np.float32)
    k_food = np.full((rows, cols), 6.0)
    mem = 12
    stored_util = rng.uniform(0.0, 1.0, (n, mem)).astype(np.float32)
    stored_util[stored_util < 0.2] = 0.0
    pos_hx = rng.uniform(0.0, cols - 1.0, (n, mem)).astype(np.float32)
    pos_hy = rng.uniform(0.0, rows - 1.0, (n, mem)).astype(np.float32)
    pos_hx[3, :] = np.float32(x[3])
    pos_hy[3, :] = np.float32(y[3])
    mem_ptr = rng.integers(0, mem, n).astype(np.int32)
    mem_count = rng.integers(0, mem + 1, n).astype(np.int32)
    return (x, y, heading, step_dist, energy, speed, depth, food, k_food,
            stored_util, pos_hx, pos_hy, mem_ptr, mem_count, 6)
