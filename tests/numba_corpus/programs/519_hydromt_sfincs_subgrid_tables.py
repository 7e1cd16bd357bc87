# Source: Deltares/hydromt_sfincs hydromt_sfincs/subgrid.py (at commit 000451d9)
# Licence: GPL-3.0 (hydromt_sfincs, LICENSE; Deltares)
# Notes: subgrid tables of the SFINCS compound-flood model (hydrology / coastal flooding): process_tile_regular (@njit, default is_geographic=False) loops over the active cells of a coarse grid, slices each cell's refi x refi block of a high-resolution DEM and Manning roughness grid (np.transpose of 2-D slices, .flatten()), builds the hypsometric volume-level table with subgrid_v_table (np.sort of np.maximum, in-place tie breaking, np.cumsum of np.diff times np.arange, np.interp, a while loop with `and not (...)` that smooths steep level gradients via get_dzdh and a fancy-index store z[idx + 1] = z[idx] + ...) and the u/v conveyance tables with subgrid_q_table (boolean .sum() on array comparisons, h ** (5.0 / 3.0) / manning means, if/elif options, nested fitting branches, an 8-tuple return), fills 2-D and 3-D float32 output arrays created with np.full((nlevels, *grid_dim), ...) (starred shape tuple) and returns an 18-tuple; isclose is a scalar helper. Pasted: the four jitted functions and the module's imports they need; left out: the SubgridTableRegular/Quadtree classes (xarray/rasterio file I/O, block loop and dataset merging). The harness builds a 5 x 6 coarse mask with 8 x 8 subgrid pixels of a sloping, channelled synthetic DEM with land/sea roughness and runs both q_table options on a projected and a geographic tile
import numpy as np
from numba import njit


@njit
def process_tile_regular(
    mask,
    zg,
    manning_grid,
    dxp,
    dyp,
    refi,
    nlevels,
    yg,
    max_gradient,
    huthresh,
    q_table_option,
    is_geographic=False,
):
    """calculate subgrid properties for a single tile"""
    # Z points
    grid_dim = mask.shape
    z_zmin = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    z_zmax = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    z_volmax = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    z_level = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)

    # U points
    u_zmin = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    u_zmax = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    u_havg = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)
    u_nrep = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)
    u_pwet = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)
    u_ffit = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    u_navg = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)

    # V points
    v_zmin = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    v_zmax = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    v_havg = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)
    v_nrep = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)
    v_pwet = np.full((nlevels, *grid_dim), fill_value=np.nan, dtype=np.float32)
    v_ffit = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)
    v_navg = np.full(grid_dim, fill_value=np.nan, dtype=np.float32)

    # Loop through all active cells in this block
    for n in range(mask.shape[0]):  # row
        for m in range(mask.shape[1]):  # col
            if mask[n, m] < 1:
                # Not an active point
                continue

            nn = int(n * refi)
            mm = int(m * refi)

            # # Compute pixel size in metres
            if is_geographic:
                mean_lat = float(np.abs(np.mean(yg[nn : nn + refi, mm : mm + refi])))
                dxpm = float(dxp * 111111.0 * np.cos(np.pi * mean_lat / 180.0))
                dypm = float(dyp * 111111.0)
            else:
                dxpm = float(dxp)
                dypm = float(dyp)

            # First the volumes in the cells
            zgc = zg[nn : nn + refi, mm : mm + refi]
            zvmin = -20.0
            z, v, zmin, zmax = subgrid_v_table(
                zgc.flatten(), dxpm, dypm, nlevels, zvmin, max_gradient
            )
            z_zmin[n, m] = zmin
            z_zmax[n, m] = zmax
            z_volmax[n, m] = v[-1]
            z_level[:, n, m] = z

            # Now the U/V points
            # U
            nn = n * refi
            mm = m * refi + int(0.5 * refi)
            zgu = zg[nn : nn + refi, mm : mm + refi]
            zgu = np.transpose(zgu)
            manning = manning_grid[nn : nn + refi, mm : mm + refi]
            manning = np.transpose(manning)
            zmin, zmax, havg, nrep, pwet, ffit, navg, zz = subgrid_q_table(
                zgu.flatten(), manning.flatten(), nlevels, huthresh, q_table_option
            )
            u_zmin[n, m] = zmin
            u_zmax[n, m] = zmax
            u_havg[:, n, m] = havg
            u_nrep[:, n, m] = nrep
            u_pwet[:, n, m] = pwet
            u_ffit[n, m] = ffit
            u_navg[n, m] = navg

            # V
            nn = n * refi + int(0.5 * refi)
            mm = m * refi
            zgu = zg[nn : nn + refi, mm : mm + refi]
            manning = manning_grid[nn : nn + refi, mm : mm + refi]
            zmin, zmax, havg, nrep, pwet, ffit, navg, zz = subgrid_q_table(
                zgu.flatten(), manning.flatten(), nlevels, huthresh, q_table_option
            )
            v_zmin[n, m] = zmin
            v_zmax[n, m] = zmax
            v_havg[:, n, m] = havg
            v_nrep[:, n, m] = nrep
            v_pwet[:, n, m] = pwet
            v_ffit[n, m] = ffit
            v_navg[n, m] = navg

    return (
        z_zmin,
        z_zmax,
        z_volmax,
        z_level,
        u_zmin,
        u_zmax,
        u_havg,
        u_nrep,
        u_pwet,
        u_ffit,
        u_navg,
        v_zmin,
        v_zmax,
        v_havg,
        v_nrep,
        v_pwet,
        v_ffit,
        v_navg,
    )


@njit
def get_dzdh(z, V, a):
    # change in level per unit of volume (m/m)
    dz = np.diff(z)
    # change in volume (normalized to meters)
    dh = np.maximum(np.diff(V) / a, 0.001)
    return dz / dh


@njit
def isclose(a, b, rtol=1e-05, atol=1e-08):
    return abs(a - b) <= (atol + rtol * abs(b))


@njit
def subgrid_v_table(
    elevation: np.ndarray,
    dx: float,
    dy: float,
    nlevels: int,
    zvolmin: float,
    max_gradient: float,
):
    """
    map vector of elevation values into a hypsometric volume - depth relationship
    for one grid cell

    Parameters
    ----------
    elevation: np.ndarray
        subgrid elevation values for one grid cell [m]
    dx: float
        x-directional cell size (typically not known at this level) [m]
    dy: float
        y-directional cell size (typically not known at this level) [m]
    nlevels: int
        number of levels to use for the hypsometric curve
    zvolmin: float
        minimum elevation value to use for volume calculation (typically -20 m)
    max_gradient: float
        maximum gradient to use for volume calculation

    Return
    ------
    z, V: np.ndarray
        sorted elevation values, volume per elevation value
    zmin, zmax: float
        minimum, and maximum elevation values
    """

    # Cell area
    a = float(elevation.size * dx * dy)

    # Set minimum elevation to -20 (needed with single precision), and sort
    ele_sort = np.sort(np.maximum(elevation, zvolmin).flatten())

    # Make sure each consecutive point is larger than previous
    for j in range(1, ele_sort.size):
        if ele_sort[j] <= ele_sort[j - 1]:
            ele_sort[j] += 1.0e-6

    depth = ele_sort - ele_sort.min()

    volume = np.zeros_like(depth)
    volume[1:] = np.cumsum((np.diff(depth) * dx * dy) * np.arange(1, depth.size))

    # Resample volumes to discrete levels
    steps = np.arange(nlevels) / (nlevels - 1)
    V = steps * volume.max()
    dvol = volume.max() / (nlevels - 1)
    # scipy not supported in numba jit
    # z = interpolate.interp1d(volume, ele_sort)(V)
    z = np.interp(V, volume, ele_sort)
    dzdh = get_dzdh(z, V, a)
    n = 0
    while (
        dzdh.max() > max_gradient and not (isclose(dzdh.max(), max_gradient))
    ) and n < nlevels:
        # reshape until gradient is satisfactory
        idx = np.where(dzdh == dzdh.max())[0]
        z[idx + 1] = z[idx] + max_gradient * (dvol / a)
        dzdh = get_dzdh(z, V, a)
        n += 1
    return z, V, elevation.min(), z.max()


@njit
def subgrid_q_table(
    elevation: np.ndarray,
    manning: np.ndarray,
    nlevels: int,
    huthresh: float,
    option: int,
):
    """
    map vector of elevation values into a hypsometric hydraulic radius - depth relationship for one u/v point
    Parameters
    ----------
    elevation : np.ndarray (nr of pixels in one cell) containing subgrid elevation values for one grid cell [m]
    manning : np.ndarray (nr of pixels in one cell) containing subgrid manning roughness values for one grid cell [s m^(-1/3)]
    nlevels : int, number of vertical levels [-]
    huthresh : float, threshold depth [m]
    option : int, option to use "old" or "new" method for computing conveyance depth at u/v points

    Returns
    -------
    zmin : float, minimum elevation [m]
    zmax : float, maximum elevation [m]
    havg : np.ndarray (nlevels) grid-average depth for vertical levels [m]
    nrep : np.ndarray (nlevels) representative roughness for vertical levels [m1/3/s] ?
    pwet : np.ndarray (nlevels) wet fraction for vertical levels [-] ?
    navg : float, grid-average Manning's n [m 1/3 / s]
    ffit : float, fitting coefficient [-]
    zz   : np.ndarray (nlevels) elevation of vertical levels [m]
    """
    # Initialize output arrays
    havg = np.zeros(nlevels)
    nrep = np.zeros(nlevels)
    pwet = np.zeros(nlevels)
    zz = np.zeros(nlevels)

    n = int(elevation.size)  # Nr of pixels in grid cell
    # n   = int(np.size(elevation)) # Nr of pixels in grid cell

    n05 = int(n / 2)  # Index of middle pixel

    dd_a = elevation[0:n05]  # Pixel elevations side A
    dd_b = elevation[n05:]  # Pixel elevations side B
    manning_a = manning[0:n05]  # Pixel manning side A
    manning_b = manning[n05:]  # Pixel manning side B

    zmin_a = np.min(dd_a)  # Minimum elevation side A
    zmax_a = np.max(dd_a)  # Maximum elevation side A

    zmin_b = np.min(dd_b)  # Minimum elevation side B
    zmax_b = np.max(dd_b)  # Maximum elevation side B

    zmin = max(zmin_a, zmin_b) + huthresh  # Minimum elevation of uv point
    zmax = max(zmax_a, zmax_b) + huthresh  # Maximum elevation of uv point

    # Make sure zmax is always a bit higher than zmin
    if zmax < zmin + 0.001:
        zmax = max(zmax, zmin + 0.001)

    # Determine level size (metres)
    dlevel = (zmax - zmin) / (nlevels - 1)

    # Option can be either 1 ("old, compliant with SFINCS < v2.1.") or 2 ("new", recommended SFINCS >= v2.1.)
    option = option

    # Loop through levels
    for ibin in range(nlevels):
        # Top of bin
        zbin = zmin + ibin * dlevel
        zz[ibin] = zbin

        h = np.maximum(zbin - elevation, 0.0)  # water depth in each pixel

        # Side A
        # Depth of all pixels (but set min pixel height to zbot). Can be negative, but not zero (because zmin = zbot + huthresh, so there must be pixels below zb).
        h_a = np.maximum(zbin - dd_a, 0.0)
        q_a = h_a ** (5.0 / 3.0) / manning_a  # Determine 'flux' for each pixel
        q_a = np.mean(q_a)  # Grid-average flux through all the pixels
        h_a = np.mean(h_a)  # Grid-average depth through all the pixels

        # Side B
        # Depth of all pixels (but set min pixel height to zbot). Can be negative, but not zero (because zmin = zbot + huthresh, so there must be pixels below zb).
        h_b = np.maximum(zbin - dd_b, 0.0)
        q_b = h_b ** (5.0 / 3.0) / manning_b  # Determine 'flux' for each pixel
        q_b = np.mean(q_b)  # Grid-average flux through all the pixels
        h_b = np.mean(h_b)  # Grid-average depth through all the pixels

        # Compute q and h
        # Determine grid average 'flux' for each pixel
        q_all = np.mean(h ** (5.0 / 3.0) / manning)
        h_all = np.mean(h)  # grid averaged depth of A and B combined
        q_min = np.minimum(q_a, q_b)
        h_min = np.minimum(h_a, h_b)

        if option == 1:
            # Use old 1 option (weighted average of q_ab and q_all) option (min at bottom bin, mean at top bin)
            # Weight (increase from 0 to 1 from bottom to top bin)
            w = (ibin) / (nlevels - 1)
            q = (1.0 - w) * q_min + w * q_all  # Weighted average of q_min and q_all
            hmean = h_all

            # Wet fraction
            pwet[ibin] = (zbin > elevation + huthresh).sum() / n

        elif option == 2:
            # We want to make sure that, in the first layer, hmean does not exceed huthresh.
            # This is done by making sure that the wet fraction is 0.0 in the first level on the shallowest side (i.e. if ibin==0, pwet_a or pwet_b must be 0.0).
            # As a result, the weight w will be 0.0 in the first level on the shallowest side.
            # At the bottom level (i.e. ibin is 0), the grid-averaged depth h_min is typically huthresh / (n / 2), assuming there is one unique pixel that is the lowest.
            if ibin == 0:
                # Ensure that either pwet_a or pwet_b is 0.0
                pwet_a = (zbin > dd_a + huthresh + 1.0e-4).sum() / (n / 2)
                pwet_b = (zbin > dd_b + huthresh + 1.0e-4).sum() / (n / 2)
            else:
                # Ensure that both pwet_a and pwet_b are 1.0 at the top level, so that the weight w is 1.0 and pwet[ibin] is 1.0
                pwet_a = (zbin > dd_a + huthresh - 1.0e-4).sum() / (n / 2)
                pwet_b = (zbin > dd_b + huthresh - 1.0e-4).sum() / (n / 2)
            # Weight increases linearly from 0 to 1 from bottom to top bin use percentage wet in sides A and B
            w = 2 * np.minimum(pwet_a, pwet_b) / max(pwet_a + pwet_b, 1.0e-9)
            q = (1.0 - w) * q_min + w * q_all  # Weighted average of q_min and q_all
            hmean = (1.0 - w) * h_min + w * h_all  # Weighted average of h_min and h_all
            pwet[ibin] = 0.5 * (pwet_a + pwet_b)  # Combined pwet_a and pwet_b

        havg[ibin] = hmean  # conveyance depth
        nrep[ibin] = hmean ** (5.0 / 3.0) / q  # Representative n for qmean and hmean

    nrep_top = nrep[-1]
    havg_top = havg[-1]

    ### Fitting for nrep above zmax

    # Determine nfit at zfit
    zfit = zmax + zmax - zmin
    # mean water depth in cell as computed in SFINCS (assuming linear relation between water level and water depth above zmax)
    hfit = havg_top + zmax - zmin

    # Compute q and navg
    h = np.maximum(zfit - elevation, 0.0)  # water depth in each pixel
    q = np.mean(h ** (5.0 / 3.0) / manning)  # combined unit discharge for cell
    navg = np.mean(manning)

    nfit = hfit ** (5.0 / 3.0) / q

    # Actually apply fit on gn2 (this is what is used in sfincs)
    gnavg2 = 9.81 * navg**2
    gnavg_top2 = 9.81 * nrep_top**2

    if gnavg2 / gnavg_top2 > 0.99 and gnavg2 / gnavg_top2 < 1.01:
        # gnavg2 and gnavg_top2 are almost identical
        ffit = 0.0
    else:
        if navg > nrep_top:
            if nfit > navg:
                nfit = nrep_top + 0.9 * (navg - nrep_top)
            if nfit < nrep_top:
                nfit = nrep_top + 0.1 * (navg - nrep_top)
        else:
            if nfit < navg:
                nfit = nrep_top + 0.9 * (navg - nrep_top)
            if nfit > nrep_top:
                nfit = nrep_top + 0.1 * (navg - nrep_top)
        gnfit2 = 9.81 * nfit**2
        ffit = (((gnavg2 - gnavg_top2) / (gnavg2 - gnfit2)) - 1) / (zfit - zmax)

    return zmin, zmax, havg, nrep, pwet, ffit, navg, zz
# ---- harness (not part of the program) ----
ENTRY = "run_tiles"


def run_tiles(mask, zg, manning_grid, yg):
    refi = 8
    out = []
    # projected tile (25 m cells of 3.125 m pixels), new q-table option, SFINCS default gradient
    out.append(process_tile_regular(mask, zg, manning_grid, 3.125, 3.125, refi, 10, yg,
                                    99999.0, 0.01, 2))
    # geographic tile, old option with the recommended max_gradient=5
    out.append(process_tile_regular(mask, zg, manning_grid, 3.0e-5, 3.0e-5, refi, 8, yg,
                                    5.0, 0.01, 1, is_geographic=True))
    return out


def inputs():
    # coarse 5 x 6 mask (two inactive cells) with 8 x 8 subgrid pixels plus a half-cell margin
    # for the u/v stencils; DEM: seaward slope, a meandering channel and small noise (float32),
    # Manning 0.02 below 0 m, 0.04 above; yg: pixel latitudes around 52 N
    rng = np.random.default_rng(0)
    refi = 8
    mask = np.ones((5, 6), dtype=np.uint8)
    mask[0, 0] = 0
    mask[4, 5] = 0
    ny, nx = 5 * refi + refi, 6 * refi + refi
    yy, xx = np.mgrid[0:ny, 0:nx].astype(np.float64)
    chan = 2.5 * np.exp(-0.5 * ((yy - 20.0 - 6.0 * np.sin(xx / 9.0)) / 2.0) ** 2)
    zg = (3.0 - 0.12 * xx + 0.02 * yy - chan + rng.normal(0, 0.05, (ny, nx))).astype(np.float32)
    manning_grid = np.where(zg < 0.0, 0.02, 0.04).astype(np.float32)
    yg = 52.0 + yy * 3.0e-5
    return (mask, zg, manning_grid, yg)
