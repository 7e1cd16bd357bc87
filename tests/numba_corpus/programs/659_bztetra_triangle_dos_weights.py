# Source: skilledwolf/bztetra src/bztetra/twod/_triangle_kernels.py, src/bztetra/twod/dos.py (at commit 4cc61462)
# Licence: MIT (bztetra, LICENSE; Copyright (c) 2026 bztetra contributors)
# Notes: the 2-D linear triangle method of bztetra, a Python/Numba port of libtetrabz-style Brillouin-zone integration: density-of-states and integrated-DOS weights accumulated on the vertices of a triangulated k-point mesh. _triangle_kernels.py is pasted whole: a 3-value sort by conditional swaps through a jitted helper writing into order/energy work arrays, np.nextafter(..., np.inf) to make degenerate energies strictly increasing, closed-form low/high occupation and DOS vertex weights, early returns from functions annotated `-> None`, `vertex_weights[:] = 0.0`, and two binary searches returning (start, end) tuples (skipped with `return 0, energy_count` when the samples are not sorted). From dos.py the two @njit(cache=True) accumulation loops (triangles x bands x energy window x 3 vertices, a `continue` after the sorted branch, `local_weights /= float(normalization)`) and the plain-NumPy _unflatten_energy_band_last are pasted; the public wrappers, which build the integration mesh through the package's geometry and grid modules (not jitted), are left out together with the relative imports of those modules (FloatArray is only used in annotations, which `from __future__ import annotations` leaves unevaluated). The harness triangulates a periodic 7 x 6 k-grid of a two-band square-lattice tight-binding model (two triangles per cell, a flat band that makes degenerate vertices), and computes DOS and integrated-DOS weights on sorted and on unsorted energy samples, plus every kernel on hand-picked triangles
from __future__ import annotations

import numpy as np
from numba import njit


# ---- src/bztetra/twod/_triangle_kernels.py ----
@njit(cache=True)
def sort3(values, sorted_order, sorted_energies) -> None:
    sorted_order[0] = 0
    sorted_order[1] = 1
    sorted_order[2] = 2
    sorted_energies[0] = values[0]
    sorted_energies[1] = values[1]
    sorted_energies[2] = values[2]

    if sorted_energies[0] > sorted_energies[1]:
        _swap_sorted_entry(sorted_order, sorted_energies, 0, 1)
    if sorted_energies[1] > sorted_energies[2]:
        _swap_sorted_entry(sorted_order, sorted_energies, 1, 2)
    if sorted_energies[0] > sorted_energies[1]:
        _swap_sorted_entry(sorted_order, sorted_energies, 0, 1)


@njit(cache=True)
def fill_occupation_vertex_weights(
    vertex_weights,
    sorted_order,
    sorted_energies,
    fermi_energy,
    strict_energies,
) -> None:
    vertex_weights[:] = 0.0

    if fermi_energy <= sorted_energies[0]:
        return
    if fermi_energy >= sorted_energies[2]:
        for vertex_index in range(3):
            vertex_weights[sorted_order[vertex_index]] = 1.0 / 3.0
        return

    _strict_sorted_energies3(sorted_energies, strict_energies)
    if fermi_energy <= sorted_energies[1]:
        _fill_low_occupation_weights(vertex_weights, sorted_order, strict_energies, fermi_energy)
        return

    _fill_high_occupation_weights(vertex_weights, sorted_order, strict_energies, fermi_energy)


@njit(cache=True)
def fill_dos_vertex_weights(
    vertex_weights,
    sorted_order,
    sorted_energies,
    energy,
    strict_energies,
) -> None:
    vertex_weights[:] = 0.0

    if energy <= sorted_energies[0] or energy >= sorted_energies[2]:
        return

    _strict_sorted_energies3(sorted_energies, strict_energies)
    if energy <= sorted_energies[1]:
        _fill_low_dos_weights(vertex_weights, sorted_order, strict_energies, energy)
        return

    _fill_high_dos_weights(vertex_weights, sorted_order, strict_energies, energy)


@njit(cache=True)
def active_open_energy_window(
    sample_energies,
    sample_energies_sorted: bool,
    lower_exclusive: float,
    upper_exclusive: float,
) -> tuple[int, int]:
    energy_count = sample_energies.shape[0]
    if not sample_energies_sorted:
        return 0, energy_count

    left = 0
    right = energy_count
    while left < right:
        middle = (left + right) // 2
        if sample_energies[middle] <= lower_exclusive:
            left = middle + 1
        else:
            right = middle
    start = left

    left = start
    right = energy_count
    while left < right:
        middle = (left + right) // 2
        if sample_energies[middle] < upper_exclusive:
            left = middle + 1
        else:
            right = middle
    return start, left


@njit(cache=True)
def occupation_energy_windows(
    sample_energies,
    sample_energies_sorted: bool,
    lower_exclusive: float,
    upper_inclusive: float,
) -> tuple[int, int]:
    energy_count = sample_energies.shape[0]
    if not sample_energies_sorted:
        return 0, energy_count

    left = 0
    right = energy_count
    while left < right:
        middle = (left + right) // 2
        if sample_energies[middle] <= lower_exclusive:
            left = middle + 1
        else:
            right = middle
    start = left

    left = start
    right = energy_count
    while left < right:
        middle = (left + right) // 2
        if sample_energies[middle] < upper_inclusive:
            left = middle + 1
        else:
            right = middle
    return start, left


@njit(cache=True)
def _fill_low_occupation_weights(vertex_weights, sorted_order, strict_energies, fermi_energy) -> None:
    e0 = strict_energies[0]
    e1 = strict_energies[1]
    e2 = strict_energies[2]
    a = (fermi_energy - e0) / (e1 - e0)
    b = (fermi_energy - e0) / (e2 - e0)

    w1 = a * a * b / 3.0
    w2 = a * b * b / 3.0
    w0 = a * b - w1 - w2

    vertex_weights[sorted_order[0]] = w0
    vertex_weights[sorted_order[1]] = w1
    vertex_weights[sorted_order[2]] = w2


@njit(cache=True)
def _fill_high_occupation_weights(vertex_weights, sorted_order, strict_energies, fermi_energy) -> None:
    e0 = strict_energies[0]
    e1 = strict_energies[1]
    e2 = strict_energies[2]
    a = (e2 - fermi_energy) / (e2 - e0)
    b = (e2 - fermi_energy) / (e2 - e1)

    w0 = 1.0 / 3.0 - a * a * b / 3.0
    w1 = 1.0 / 3.0 - a * b * b / 3.0
    w2 = 1.0 / 3.0 - a * b * (3.0 - a - b) / 3.0

    vertex_weights[sorted_order[0]] = w0
    vertex_weights[sorted_order[1]] = w1
    vertex_weights[sorted_order[2]] = w2


@njit(cache=True)
def _fill_low_dos_weights(vertex_weights, sorted_order, strict_energies, energy) -> None:
    e0 = strict_energies[0]
    e1 = strict_energies[1]
    e2 = strict_energies[2]
    a = (energy - e0) / (e1 - e0)
    b = (energy - e0) / (e2 - e0)
    da = 1.0 / (e1 - e0)
    db = 1.0 / (e2 - e0)

    w1 = (2.0 * a * da * b + a * a * db) / 3.0
    w2 = (da * b * b + 2.0 * a * b * db) / 3.0
    total = da * b + a * db
    w0 = total - w1 - w2

    vertex_weights[sorted_order[0]] = w0
    vertex_weights[sorted_order[1]] = w1
    vertex_weights[sorted_order[2]] = w2


@njit(cache=True)
def _fill_high_dos_weights(vertex_weights, sorted_order, strict_energies, energy) -> None:
    e0 = strict_energies[0]
    e1 = strict_energies[1]
    e2 = strict_energies[2]
    a = (e2 - energy) / (e2 - e0)
    b = (e2 - energy) / (e2 - e1)
    da = 1.0 / (e2 - e0)
    db = 1.0 / (e2 - e1)

    w0 = (2.0 * a * da * b + a * a * db) / 3.0
    w1 = (da * b * b + 2.0 * a * b * db) / 3.0
    total = da * b + a * db
    w2 = total - w0 - w1

    vertex_weights[sorted_order[0]] = w0
    vertex_weights[sorted_order[1]] = w1
    vertex_weights[sorted_order[2]] = w2


@njit(cache=True)
def _strict_sorted_energies3(sorted_energies, strict_energies) -> None:
    strict_energies[0] = sorted_energies[0]
    for index in range(1, 3):
        value = sorted_energies[index]
        if value <= strict_energies[index - 1]:
            value = np.nextafter(strict_energies[index - 1], np.inf)
        strict_energies[index] = value


@njit(cache=True)
def _swap_sorted_entry(sorted_order, sorted_energies, first_index, second_index) -> None:
    order = sorted_order[first_index]
    sorted_order[first_index] = sorted_order[second_index]
    sorted_order[second_index] = order

    energy = sorted_energies[first_index]
    sorted_energies[first_index] = sorted_energies[second_index]
    sorted_energies[second_index] = energy


# ---- src/bztetra/twod/dos.py (its numba kernels and _unflatten_energy_band_last) ----
import numpy.typing as npt


def _unflatten_energy_band_last(values: FloatArray, grid_shape: tuple[int, int]) -> FloatArray:
    energy_count = values.shape[1]
    band_count = values.shape[2]
    reshaped = values.reshape((grid_shape[1], grid_shape[0], energy_count, band_count))
    return np.transpose(reshaped, (2, 1, 0, 3))


@njit(cache=True)
def _dos_weights_on_local_mesh_numba(
    local_point_indices,
    triangle_band_energies,
    sample_energies,
    sample_energies_sorted,
    local_point_count,
    normalization,
) -> FloatArray:
    triangle_count = triangle_band_energies.shape[0]
    band_count = triangle_band_energies.shape[2]
    energy_count = sample_energies.shape[0]
    local_weights = np.zeros((local_point_count, energy_count, band_count), dtype=np.float64)

    sorted_order = np.empty(3, dtype=np.int64)
    sorted_energies = np.empty(3, dtype=np.float64)
    strict_energies = np.empty(3, dtype=np.float64)
    vertex_weights = np.empty(3, dtype=np.float64)

    for triangle_index in range(triangle_count):
        for band_index in range(band_count):
            sort3(
                triangle_band_energies[triangle_index, :, band_index],
                sorted_order,
                sorted_energies,
            )
            start, end = active_open_energy_window(
                sample_energies,
                sample_energies_sorted,
                sorted_energies[0],
                sorted_energies[2],
            )
            for energy_index in range(start, end):
                fill_dos_vertex_weights(
                    vertex_weights,
                    sorted_order,
                    sorted_energies,
                    sample_energies[energy_index],
                    strict_energies,
                )
                for vertex_index in range(3):
                    local_weights[
                        local_point_indices[triangle_index, vertex_index],
                        energy_index,
                        band_index,
                    ] += vertex_weights[vertex_index]

    local_weights /= float(normalization)
    return local_weights


@njit(cache=True)
def _intdos_weights_on_local_mesh_numba(
    local_point_indices,
    triangle_band_energies,
    sample_energies,
    sample_energies_sorted,
    local_point_count,
    normalization,
) -> FloatArray:
    triangle_count = triangle_band_energies.shape[0]
    band_count = triangle_band_energies.shape[2]
    energy_count = sample_energies.shape[0]
    local_weights = np.zeros((local_point_count, energy_count, band_count), dtype=np.float64)

    sorted_order = np.empty(3, dtype=np.int64)
    sorted_energies = np.empty(3, dtype=np.float64)
    strict_energies = np.empty(3, dtype=np.float64)
    vertex_weights = np.empty(3, dtype=np.float64)

    for triangle_index in range(triangle_count):
        for band_index in range(band_count):
            sort3(
                triangle_band_energies[triangle_index, :, band_index],
                sorted_order,
                sorted_energies,
            )
            varying_start, full_start = occupation_energy_windows(
                sample_energies,
                sample_energies_sorted,
                sorted_energies[0],
                sorted_energies[2],
            )

            if sample_energies_sorted:
                for energy_index in range(varying_start, full_start):
                    fill_occupation_vertex_weights(
                        vertex_weights,
                        sorted_order,
                        sorted_energies,
                        sample_energies[energy_index],
                        strict_energies,
                    )
                    for vertex_index in range(3):
                        local_weights[
                            local_point_indices[triangle_index, vertex_index],
                            energy_index,
                            band_index,
                        ] += vertex_weights[vertex_index]

                vertex_weights[:] = 1.0 / 3.0
                for energy_index in range(full_start, energy_count):
                    for vertex_index in range(3):
                        local_weights[
                            local_point_indices[triangle_index, vertex_index],
                            energy_index,
                            band_index,
                        ] += vertex_weights[vertex_index]
                continue

            for energy_index in range(energy_count):
                fill_occupation_vertex_weights(
                    vertex_weights,
                    sorted_order,
                    sorted_energies,
                    sample_energies[energy_index],
                    strict_energies,
                )
                for vertex_index in range(3):
                    local_weights[
                        local_point_indices[triangle_index, vertex_index],
                        energy_index,
                        band_index,
                    ] += vertex_weights[vertex_index]

    local_weights /= float(normalization)
    return local_weights


# ---- harness (not part of the program) ----
ENTRY = "bztetra_triangle_dos"


def bztetra_triangle_dos(nx, ny, sample_sorted):
    kx = 2 * np.pi * np.arange(nx) / nx
    ky = 2 * np.pi * np.arange(ny) / ny
    band0 = -2.0 * (np.cos(kx)[:, None] + np.cos(ky)[None, :])
    band1 = np.where(np.arange(nx)[:, None] % 2 == 0, 0.5, 0.5) + 0.0 * ky[None, :]
    eig = np.stack([band0, band1 + 0.25 * np.cos(kx)[:, None] * (np.arange(ny)[None, :] % 3 == 0)], axis=-1)
    eig_flat = eig.transpose(1, 0, 2).reshape(nx * ny, 2)   # point index = iy * nx + ix
    tris = []
    for iy in range(ny):
        for ix in range(nx):
            p00 = iy * nx + ix
            p10 = iy * nx + (ix + 1) % nx
            p01 = ((iy + 1) % ny) * nx + ix
            p11 = ((iy + 1) % ny) * nx + (ix + 1) % nx
            tris.append((p00, p10, p11))
            tris.append((p00, p11, p01))
    local_point_indices = np.array(tris, dtype=np.int64)
    triangle_band_energies = eig_flat[local_point_indices]          # (ntri, 3, nbands)
    normalization = 2 * nx * ny
    sample_unsorted = sample_sorted[::-1].copy()
    dos_s = _dos_weights_on_local_mesh_numba(local_point_indices, triangle_band_energies, sample_sorted,
                                             True, nx * ny, normalization)
    dos_u = _dos_weights_on_local_mesh_numba(local_point_indices, triangle_band_energies, sample_unsorted,
                                             False, nx * ny, normalization)
    idos_s = _intdos_weights_on_local_mesh_numba(local_point_indices, triangle_band_energies, sample_sorted,
                                                 True, nx * ny, normalization)
    idos_u = _intdos_weights_on_local_mesh_numba(local_point_indices, triangle_band_energies, sample_unsorted,
                                                 False, nx * ny, normalization)
    kernels = []
    order = np.empty(3, dtype=np.int64)
    srt = np.empty(3)
    strict = np.empty(3)
    w = np.empty(3)
    for tri in (np.array([0.3, -1.2, 0.9]), np.array([0.5, 0.5, 0.5]), np.array([2.0, -1.0, -1.0]),
                np.array([-0.4, 0.7, 0.7])):
        sort3(tri, order, srt)
        row = [order.copy(), srt.copy()]
        for e in (-2.0, -1.0, -0.2, 0.5, 0.8, 1.5, 3.0):
            fill_dos_vertex_weights(w, order, srt, e, strict)
            row.append(w.copy())
            fill_occupation_vertex_weights(w, order, srt, e, strict)
            row.append(w.copy())
        kernels.append(row)
    windows = [active_open_energy_window(sample_sorted, True, -1.0, 1.0),
               active_open_energy_window(sample_sorted, False, -1.0, 1.0),
               occupation_energy_windows(sample_sorted, True, -0.5, 2.5),
               occupation_energy_windows(sample_sorted, False, -0.5, 2.5)]
    return (_unflatten_energy_band_last(dos_s, (nx, ny)), dos_u, idos_s, idos_u, kernels, windows)


def inputs():
    sample_sorted = np.linspace(-4.5, 4.5, 19)
    return (7, 6, sample_sorted)
