# Source: bempp/bempp-cl bempp/core/numba_kernels.py (at commit 000b5360)
# Licence: MIT (bempp-cl, LICENSE.md; Copyright 2019 The Bempp Team)
# Notes: the Helmholtz double-layer boundary-integral kernel between one test point and the quadrature points of a trial element, the inner kernel of Bempp-cl's dense boundary element assembly for acoustic scattering: helmholtz_double_layer_regular (@_numba.jit(nopython=True, parallel=False, error_model="numpy", fastmath=True, boundscheck=False), numba and numpy imported under underscore aliases) allocates its work arrays with the dtype of the trial points, converts the module constant M_INV_4PI with dtype.type(...), accumulates the squared distances and the normal derivative of the Laplace kernel in loops over the 3 coordinates and the points, multiplies by cos and sin of k r (and exp(-k_imag r) when the wavenumber is complex), and returns output_real + 1j * output_imag, a complex array. Pasted: the two imports, M_INV_4PI, helmholtz_single_layer_regular and helmholtz_double_layer_regular; left out: select_numba_kernels and the rest of the module (the geometry helpers, the Laplace, modified Helmholtz and Maxwell kernels, the singular and potential variants and the assembly functions), not called by these kernels; the harness passes what the regular dense assembler passes for one test point: a test point and its normal on the unit sphere, the 3 x 96 global quadrature points of trial elements on the far side of the sphere with their outward normals, and kernel_parameters = [k_real, k_imag] = [2.0, 0.3]
import numba as _numba
import numpy as _np

M_INV_4PI = 1.0 / (4 * _np.pi)


@_numba.jit(
    nopython=True, parallel=False, error_model="numpy", fastmath=True, boundscheck=False
)
def helmholtz_single_layer_regular(
    test_point, trial_points, test_normal, trial_normals, kernel_parameters
):
    """Helmholtz single layer for regular kernels."""
    wavenumber_real = kernel_parameters[0]
    wavenumber_imag = kernel_parameters[1]
    npoints = trial_points.shape[1]
    dtype = trial_points.dtype
    dist = _np.zeros(npoints, dtype=dtype)
    output_real = _np.zeros(npoints, dtype=dtype)
    output_imag = _np.zeros(npoints, dtype=dtype)
    m_inv_4pi = dtype.type(M_INV_4PI)
    for i in range(3):
        for j in range(npoints):
            dist[j] += (trial_points[i, j] - test_point[i]) ** 2
    for j in range(npoints):
        dist[j] = _np.sqrt(dist[j])
    for j in range(npoints):
        output_real[j] = _np.cos(wavenumber_real * dist[j]) * m_inv_4pi / dist[j]
        output_imag[j] = _np.sin(wavenumber_real * dist[j]) * m_inv_4pi / dist[j]
    if wavenumber_imag != 0:
        for j in range(npoints):
            output_real[j] *= _np.exp(-wavenumber_imag * dist[j])
            output_imag[j] *= _np.exp(-wavenumber_imag * dist[j])
    return output_real + 1j * output_imag


@_numba.jit(
    nopython=True, parallel=False, error_model="numpy", fastmath=True, boundscheck=False
)
def helmholtz_double_layer_regular(
    test_point, trial_points, test_normal, trial_normals, kernel_parameters
):
    """Helmholtz double layer for regular kernels."""
    wavenumber_real = kernel_parameters[0]
    wavenumber_imag = kernel_parameters[1]
    npoints = trial_points.shape[1]
    dtype = trial_points.dtype
    factor_real = _np.empty(npoints, dtype=dtype)
    factor_imag = _np.empty(npoints, dtype=dtype)
    output_real = _np.empty(npoints, dtype=dtype)
    output_imag = _np.empty(npoints, dtype=dtype)
    diff = _np.empty((3, npoints), dtype=dtype)
    dist = _np.zeros(npoints, dtype=dtype)
    laplace_grad = _np.zeros(npoints, dtype=dtype)
    m_inv_4pi = dtype.type(M_INV_4PI)
    for i in range(3):
        for j in range(npoints):
            diff[i, j] = trial_points[i, j] - test_point[i]
            dist[j] += diff[i, j] * diff[i, j]
    for j in range(npoints):
        dist[j] = _np.sqrt(dist[j])
    for i in range(3):
        for j in range(npoints):
            laplace_grad[j] += diff[i, j] * trial_normals[i, j]
    for j in range(npoints):
        laplace_grad[j] *= m_inv_4pi / (dist[j] * dist[j] * dist[j])
        factor_real[j] = _np.cos(wavenumber_real * dist[j]) * laplace_grad[j]
        factor_imag[j] = _np.sin(wavenumber_real * dist[j]) * laplace_grad[j]
    if wavenumber_imag != 0:
        for j in range(npoints):
            factor_real[j] *= _np.exp(-wavenumber_imag * dist[j])
            factor_imag[j] *= _np.exp(-wavenumber_imag * dist[j])
    for j in range(npoints):
        output_real[j] = (-1 - wavenumber_imag * dist[j]) * factor_real[
            j
        ] - wavenumber_real * dist[j] * factor_imag[j]
        output_imag[j] = wavenumber_real * dist[j] * factor_real[j] + factor_imag[j] * (
            -1 - wavenumber_imag * dist[j]
        )

    return output_real + 1j * output_imag
# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "helmholtz_double_layer_regular"


def inputs():
    # a test point (a collocation/quadrature point) near the north pole of
    # the unit sphere with its outward normal; 16 trial elements in the
    # southern hemisphere with 6 quadrature points each, as global points
    # (3 x 96) with their outward normals; complex wavenumber 2.0 + 0.3i
    rng = np.random.default_rng(0)
    theta = np.arccos(rng.uniform(-1.0, -0.2, 96))
    phi = rng.uniform(0.0, 2.0 * np.pi, 96)
    trial_points = np.array([np.sin(theta) * np.cos(phi),
                             np.sin(theta) * np.sin(phi),
                             np.cos(theta)])
    trial_normals = trial_points.copy()
    test_point = np.array([0.1, -0.05, np.sqrt(1.0 - 0.0125)])
    test_normal = test_point.copy()
    kernel_parameters = np.array([2.0, 0.3])
    return (test_point, trial_points, test_normal, trial_normals,
            kernel_parameters)
