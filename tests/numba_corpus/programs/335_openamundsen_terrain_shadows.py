# Source: openamundsen/openamundsen openamundsen/modules/radiation/shadows.py (at commit 133f4c49)
# Licence: MIT (openAMUNDSEN, LICENSE; Copyright (c) 2021 openAMUNDSEN developers)
# Notes: terrain shadowing by marching rays across a digital elevation model towards the sun (Corripio 2003), for the incoming shortwave radiation of openAMUNDSEN's distributed snow and hydrological model: shadows (@njit(cache=True, parallel=True)) scales the inverse sun vector so that one step is one pixel, builds the normal to the sun direction, marks the starting pixels of the scan lines on the DEM edges facing the sun with slice assignments chosen by the signs of the sun vector (pos[:, :num_sweeps] = 1, pos[-num_sweeps:, :] = 1, ...), takes them with np.nonzero, and for each one (prange) walks along the ray in a `while True` loop with int(np.round(...)) pixel indices and a bounds check, projecting the vector to the origin pixel onto the sun normal with np.dot of a freshly built 3-element np.array and setting illum[idy, jdx] = 0 where the projection falls below the running maximum (-np.inf at the start); it returns the uint8 illumination mask. Pasted: the whole module (the numba and numpy imports and shadows); the harness passes what openAMUNDSEN's radiation module passes at one time step: a 60 x 80 DEM of synthetic alpine terrain (sum of Gaussian peaks up to ~3000 m on a 1500 m plain, plus noise) at 50 m resolution and the unit sun vector of a low afternoon sun (elevation about 20 degrees), with num_sweeps left at its default of 1
from numba import njit, prange
import numpy as np


@njit(cache=True, parallel=True)
def shadows(dem, res, sun_vec, num_sweeps=1):
    """
    Calculate terrain shadowing after Corripio (2003).

    Parameters
    ----------
    dem : ndarray
        Terrain elevation (m).

    res : float
        DEM resolution (m).

    sun_vec : ndarray
        Vector describing the position of the sun.

    num_sweeps : int, default 1
        Number of sweeps to perform in each direction. E.g. if num_sweeps = 3,
        sun paths are calculated for all elements in the first 3 rows and
        columns of the DEM in the direction of the sun.
        num_sweeps can be set to -1 to consider all pixels of the DEM.

    Returns
    -------
    illum : ndarray
        Contains 1 for illuminated and 0 for shadowed pixels.

    References
    ----------
    .. [1] Corripio, J. G. (2003). Vectorial algebra algorithms for calculating
       terrain parameters from DEMs and solar radiation modelling in mountainous
       terrain. International Journal of Geographical Information Science, 17(1),
       1–23. https://doi.org/10.1080/13658810210157796
    """
    inv_sun_vec = -sun_vec / np.max(np.abs(sun_vec[:2]))

    normal_sun_vec = np.zeros(3)
    normal_sun_vec[2] = np.sqrt(sun_vec[0]**2 + sun_vec[1]**2)
    normal_sun_vec[0] = -sun_vec[0] * sun_vec[2] / normal_sun_vec[2]
    normal_sun_vec[1] = -sun_vec[1] * sun_vec[2] / normal_sun_vec[2]

    # Determine origin of scanning lines in the direction of the sun
    if num_sweeps == -1:
        num_sweeps = max(dem.shape)
    pos = np.zeros(dem.shape, dtype=np.uint8)
    if sun_vec[0] < 0 and sun_vec[1] < 0:  # sun is in the Northwest
        pos[:, :num_sweeps] = 1
        pos[:num_sweeps, :] = 1
    elif sun_vec[0] < 0 and sun_vec[1] >= 0:  # sun is in the Southwest
        pos[-num_sweeps:, :] = 1
        pos[:, :num_sweeps] = 1
    elif sun_vec[0] >= 0 and sun_vec[1] < 0:  # sun is in the Northeast
        pos[:num_sweeps, :] = 1
        pos[:, -num_sweeps:] = 1
    elif sun_vec[0] >= 0 and sun_vec[1] >= 0:  # sun is in the Northwest
        pos[-num_sweeps:, :] = 1
        pos[:, -num_sweeps:] = 1
    i_vals, j_vals = np.nonzero(pos)

    illum = np.full(dem.shape, 1, dtype=np.uint8)

    for idx_num in prange(len(i_vals)):
        i = i_vals[idx_num]
        j = j_vals[idx_num]
        n = 0
        max_z_proj = -np.inf

        while True:
            dx = inv_sun_vec[0] * n
            dy = inv_sun_vec[1] * n
            jdx = int(np.round(j + dx))
            idy = int(np.round(i + dy))
            n += 1

            if jdx < 0 or jdx >= dem.shape[1] or idy < 0 or idy >= dem.shape[0]:
                break

            vec_to_orig = np.array([
                dx * res,
                dy * res,
                dem[idy, jdx],
            ])
            z_proj = np.dot(vec_to_orig, normal_sun_vec)

            if z_proj < max_z_proj:
                illum[idy, jdx] = 0
            else:
                max_z_proj = z_proj

    return illum
# ---- harness (not part of the program) ----
ENTRY = "shadows"


def inputs():
    # a 60 x 80 DEM at 50 m resolution: a 1500 m plain with six Gaussian
    # peaks of 600-1500 m relief and 5 m noise; the unit sun vector of the
    # afternoon sun at about 20 degrees elevation (x and y components of
    # opposite sign, so the scan starts from the first row and last column)
    rng = np.random.default_rng(0)
    ny, nx = 60, 80
    yy, xx = np.mgrid[0:ny, 0:nx].astype(np.float64)
    dem = 1500.0 + 5.0 * rng.standard_normal((ny, nx))
    for _ in range(6):
        cy = rng.uniform(0, ny)
        cx = rng.uniform(0, nx)
        height = rng.uniform(600.0, 1500.0)
        width = rng.uniform(4.0, 12.0)
        dem += height * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * width ** 2))
    elevation = np.deg2rad(20.0)
    azimuth = np.deg2rad(235.0)
    sun_vec = np.array([-np.sin(azimuth) * np.cos(elevation),
                        np.cos(azimuth) * np.cos(elevation),
                        np.sin(elevation)])
    return (dem, 50.0, sun_vec)
