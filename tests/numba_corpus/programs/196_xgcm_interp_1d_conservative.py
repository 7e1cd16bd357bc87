# Source: xgcm/xgcm xgcm/transform.py (commit 025d8e15)
# Licence: MIT (xgcm, LICENSE; Copyright (c) 2015 Ryan Abernathey)
# Notes: conservative remapping of an extensive ocean-model quantity onto bins of a new vertical coordinate (e.g. density classes): the Python wrapper interp_1d_conservative asserts shapes, flips decreasing target bins (all() over an array, [::-1]), slices vertex values with theta[..., :-1] / theta[..., 1:] and calls a @guvectorize kernel "(n),(n),(n),(m),(m)->(m)" with float64 and float32 eager signatures: `output[:] = 0`, NaN handling with continue, chained assignment theta_min = theta_max = ..., `pass` branches, builtin max/min, fractional-overlap weights accumulated with +=; the module's low-level linear kernel (_interp_1d_linear with np.interp, np.nanmax, boolean arguments) and its wrapper are kept; left out: the xarray-level functions (input_handling, linear_interpolation, conservative_interpolation) and the imports only they use (xarray, functools)
"""
Classes and functions for 1D coordinate transformation.
"""
import numpy as np
from numba import jit, guvectorize, float32, float64, boolean

"""Low level functions (numba/numpy)"""


@guvectorize(
    [
        (float64[:], float64[:], float64[:], boolean, boolean, float64[:]),
        (float32[:], float32[:], float32[:], boolean, boolean, float32[:]),
    ],
    "(n),(n),(m),(),()->(m)",
    nopython=True,
)
def _interp_1d_linear(
    phi, theta, target_theta_levels, mask_edges, bypass_checks, output
):
    # rough check if the data is decreasing with depth. If that is the case, flip.
    if bypass_checks:
        theta_sign_test = theta[~np.isnan(theta)]
        if theta_sign_test[-1] < theta_sign_test[0]:
            theta = theta[::-1]
            phi = phi[::-1]

    output[:] = np.interp(target_theta_levels, theta, phi)

    if mask_edges:
        theta_max = np.nanmax(theta)
        theta_min = np.nanmin(theta)
        for i in range(len(target_theta_levels)):
            theta_lev = target_theta_levels[i]
            if (theta_lev < theta_min) or (theta_lev > theta_max):
                output[i] = np.nan


def interp_1d_linear(
    phi, theta, target_theta_levels, mask_edges=False, bypass_checks=False
):
    """
    Vectorized interpolation of scalar phi to isosurfaces of scalar theta
    along the final axis.

    Parameters
    ----------
    phi : array_like
        Array of shape (..., n), scalar field to be interpolated
    theta : array_like
        Array of shape (..., n), scalar field which defines the isosurfaces
    target_theta_levels : array_like
        Array of shape (m) specificying target isosurface levels
    mask_edges : bool, optional
        Determines how to handle theta values that exceed the bounds of
        target_theta_levels. If False, fill with nearest valid values. If
        True, fill with NaNs.
    bypass_checks : bool, optional
        Option to bypass logic to flip data if monotonically decreasing along the axis.
        This will improve performance if True, but the user needs to ensure that values
        are increasing alon the axis.

    Returns
    -------
    phi_interp : array
        Array of shape (..., m) of phi interpolated to theta isosurfaces.
    """
    return _interp_1d_linear(phi, theta, target_theta_levels, mask_edges, bypass_checks)


@guvectorize(
    [
        (float64[:], float64[:], float64[:], float64[:], float64[:], float64[:]),
        (float32[:], float32[:], float32[:], float32[:], float32[:], float32[:]),
    ],
    "(n),(n),(n),(m),(m)->(m)",
    nopython=True,
)
def _interp_1d_conservative(phi, theta_1, theta_2, theta_hat_1, theta_hat_2, output):
    output[:] = 0

    n = len(theta_1)
    m = len(theta_hat_1)

    for i in range(n):

        # handle missing values
        if np.isnan(theta_1[i]) and np.isnan(theta_2[i]):
            continue
        # in the next two cases, we are effectively applying a boundary condition
        # by assuming that theta is homogenous over the cell
        elif np.isnan(theta_1[i]):
            theta_min = theta_max = theta_2[i]
        elif np.isnan(theta_2[i]):
            theta_min = theta_max = theta_1[i]
        # handle non-monotonic stratification
        elif theta_1[i] < theta_2[i]:
            theta_min = theta_1[i]
            theta_max = theta_2[i]
        else:
            theta_min = theta_2[i]
            theta_max = theta_1[i]

        for j in range(m):
            if (theta_hat_1[j] > theta_max) or (theta_hat_2[j] < theta_min):
                # there is no overlap between the cell and the bin
                pass
            elif theta_max == theta_min:
                output[j] += phi[i]
            else:
                # from here on there is some overlap
                theta_hat_min = max(theta_min, theta_hat_1[j])
                theta_hat_max = min(theta_max, theta_hat_2[j])
                alpha = (theta_hat_max - theta_hat_min) / (theta_max - theta_min)
                # now assign based on this weight
                output[j] += alpha * phi[i]


def interp_1d_conservative(phi, theta, target_theta_bins):
    """
    Accumulate extensive cell-centered quantity phi into new vertical coordinate
    defined by scalar theta.

    Parameters
    ----------
    phi : array_like
        Array of shape (..., n) defining an extensive quanitity in a cell
        bounded by two vertices.
    theta : array_like
        Array of shape (..., n+1) giving values of scalar theta  on the
        cell vertices. Phi is assumed to vary linearly between vertices.
    target_theta_bins : array_like
        Array of shape (m) defining the bounds of bins in which to accumulate
        phi.

    Returns
    -------
    phi_accum : array_like
        Array of shape (..., m-1) giving the values of phi partitioned into
        specified theta bins.
    """

    assert phi.shape[-1] == (theta.shape[-1] - 1)
    assert target_theta_bins.ndim == 1

    # flip target_theta_bins if needed (only needed for the conservative method,
    # np.interp handles this by itself)
    target_diff = np.diff(target_theta_bins)
    if all(target_diff < 0):
        flip_switch = True
        target_theta_bins = target_theta_bins[::-1]
    elif all(target_diff > 0):
        flip_switch = False
    else:
        raise ValueError("Target values are not monotonic")

    theta_1 = theta[..., :-1]
    theta_2 = theta[..., 1:]
    theta_hat_1 = target_theta_bins[:-1]
    theta_hat_2 = target_theta_bins[1:]

    out = _interp_1d_conservative(phi, theta_1, theta_2, theta_hat_1, theta_hat_2)
    if flip_switch:
        out = out[::-1]
    return out

# ---- harness (not part of the program) ----
ENTRY = "interp_1d_conservative"


def inputs():
    # a 5 x 6 patch of ocean columns with 30 layers: layer thicknesses (the
    # extensive quantity) and a potential temperature on the 31 layer
    # interfaces, warm at the surface and cooling with depth with noise (so
    # stratification is sometimes non-monotonic), the bottom interfaces of
    # a few shallow columns missing (NaN); target temperature bins given in
    # decreasing order (30 .. 0 deg C, 16 edges), so the wrapper flips them
    rng = np.random.default_rng(0)
    ny, nx, nz = 5, 6, 30
    dz = rng.uniform(5.0, 50.0, (ny, nx, nz))
    depth = np.concatenate([np.zeros((ny, nx, 1)), np.cumsum(dz, axis=-1)], axis=-1)
    theta = 2.0 + 24.0 * np.exp(-depth / 300.0) + rng.normal(0.0, 0.4, depth.shape)
    theta[0, 0, -4:] = np.nan
    theta[2, 3, -2:] = np.nan
    theta[4, 5, -1] = np.nan
    bins = np.linspace(30.0, 0.0, 16)
    return (dz, theta, bins)
