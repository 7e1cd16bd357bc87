# Source: NeptuneProjects/RIRPy src/rirpy/model.py (at commit 05178827)
# Licence: MIT (RIRPy, LICENSE; Copyright (c) 2025 William F. Jenkins, Copyright (c) 2024 haydenallenjohnson)
# Notes: underwater-acoustics impulse response of a rectangular tank by the Allen-Berkley image-source method (acoustics / ocean acoustics): for every lattice block (l, m, n) within the cutoff travel distance and each of its 8 mirror images, the source-image distance to the receiver and the product of wall and water-surface reflection coefficients (beta ** (|l-i| + |l| + ...)) are collected, sorted by distance, and a plain-Python driver shifts, scales and sums the source signal for each arrival; Numba features: @numba.njit(parallel=True, fastmath=True) with a numba.prange loop over negative-to-positive block indices whose body calls a jitted helper returning a tuple of two Python lists and appends those lists to lists of lists (list-of-list reflection inside a parallel region), list.extend while zipping two lists of lists, np.array of a list of floats, np.argsort and fancy reordering, math.ceil of float divisions used as integer bounds, np.array built from float expressions of loop indices, abs() of ints as exponents of a float power, and PEP 585 tuple[list[float], list[float]] return annotations with numpy.typing hints. Pasted: the whole module as published (imports, logger, propagate_signal, process_block and compute_source_image_distances_and_reflection_coefficients); the harness calls propagate_signal with num_threads=1 (it calls numba.set_num_threads) for a 1-D chirp and a 2-column signal in a 2.1 x 1.3 x 0.9 m tank with source and receiver at off-centre positions (no exactly equal image distances), and calls the image kernel directly with a longer cutoff and a negative (pressure-release) surface coefficient
# -*- coding: utf-8 -*-

import logging
import math

import numpy as np
import numpy.typing as npt
import numba

logger = logging.getLogger(__name__)


def propagate_signal(
    y_source: npt.NDArray[np.float64],
    fs: float,
    r_source: npt.NDArray[np.float64],
    r_receiver: npt.NDArray[np.float64],
    Lx: float,
    Ly: float,
    Lz: float,
    c: float,
    beta_wall: float,
    beta_surface: float,
    cutoff_time: float,
    num_threads: int = 4,
) -> npt.NDArray[np.float64]:
    """
    Computes the received signal in a tank based on reflections from walls
    in the time domain.

    Args:
        y_source: Source time series, can be multiple column vectors [NxM].
        fs: Sampling frequency (Hz).
        r_source: Vector position of the source (m) [3x1].
        r_receiver: Vector position of the receiver (m) [3x1].
        Lx: Length of the tank in the x-dimension (m).
        Ly: Length of the tank in the y-dimension (m).
        Lz: Length of the tank in the z-dimension (m).
        c: Speed of sound (m/s).
        beta_wall: Reflection coefficient for the 5 non-surface walls of the tank.
        beta_surface: Reflection coefficient for the water surface.
        cutoff_time: Time over which to sum reflected paths (s).
        num_threads: Number of threads for parallel processing. Defaults to 4.

    Returns:
        Signal at the receiver location [NxM].
    """
    numba.set_num_threads(num_threads)
    logging.info(f"Numba is using {numba.get_num_threads()} threads.")

    dt = 1 / fs

    image_distances, image_coefficients = (
        compute_source_image_distances_and_reflection_coefficients(
            r_source, r_receiver, Lx, Ly, Lz, c, beta_wall, beta_surface, cutoff_time
        )
    )

    # Initialize output with same shape as input
    y_receiver = np.zeros_like(y_source, dtype=np.float64)

    # Compute time offset for each image
    t_offset = image_distances / c
    t_offset_ind = np.round(t_offset / dt).astype(np.int64)

    # Find images that have arrivals within the signal duration
    num_samples = y_source.shape[0]

    # Process each relevant image
    for i in range(len(image_distances)):
        if t_offset_ind[i] >= num_samples:
            break

        shift_amount = t_offset_ind[i]

        if len(y_source.shape) == 1:  # 1D case
            y_image = np.zeros_like(y_source)
            if shift_amount > 0:
                y_image[shift_amount:] = y_source[: num_samples - shift_amount]
            else:
                y_image[:] = y_source[:]

            # Apply coefficient and distance attenuation
            y_image = y_image * (image_coefficients[i] / image_distances[i])

            # Zero out values before the arrival time
            y_image[:shift_amount] = 0

            # Add to result
            y_receiver += y_image

        else:  # 2D case - multiple columns
            for col in range(y_source.shape[1]):
                y_image = np.zeros_like(y_source[:, col])
                if shift_amount > 0:
                    y_image[shift_amount:] = y_source[: num_samples - shift_amount, col]
                else:
                    y_image[:] = y_source[:, col]

                # Apply coefficient and distance attenuation
                y_image = y_image * (image_coefficients[i] / image_distances[i])

                # Zero out values before the arrival time
                y_image[:shift_amount] = 0

                # Add to result
                y_receiver[:, col] += y_image

    return y_receiver


@numba.njit
def process_block(
    l: int,
    m_max: int,
    n_max: int,
    r_source: npt.NDArray[np.float64],
    r_receiver: npt.NDArray[np.float64],
    Lx: float,
    Ly: float,
    Lz: float,
    beta_wall: float,
    beta_surface: float,
    cutoff_distance: float,
    max_diagonal_length: float,
) -> tuple[list[float], list[float]]:
    """
    Processes one block of the calculation for parallelization.

    Args:
        l: Current block index in the x-dimension.
        m_max: Maximum block index in the y-dimension.
        n_max: Maximum block index in the z-dimension.
        r_source: Vector position of the source (m) [3x1].
        r_receiver: Vector position of the receiver (m) [3x1].
        Lx: Length of the tank in the x-dimension (m).
        Ly: Length of the tank in the y-dimension (m).
        Lz: Length of the tank in the z-dimension (m).
        beta_wall: Reflection coefficient for the 5 non-surface walls of the tank.
        beta_surface: Reflection coefficient for the water surface.
        cutoff_distance: Maximum distance to consider for reflections (m).
        max_diagonal_length: Maximum diagonal length of the tank (m).

    Returns:
        Distances and reflection coefficients for the block.
    """
    distances_list = []
    coefficients_list = []

    for m in range(-m_max, m_max + 1):
        for n in range(-n_max, n_max + 1):
            # Compute lattice displacement vector
            r_translation = np.array([2.0 * l * Lx, 2.0 * m * Ly, 2.0 * n * Lz])

            if (
                np.sqrt(np.sum(r_translation**2)) - 2 * max_diagonal_length
                <= cutoff_distance
            ):
                # Iterate over the 8 source images within this block
                for i in range(2):
                    for j in range(2):
                        for k in range(2):
                            # Compute the source image separation vector
                            image_factors = np.array(
                                [1.0 - 2.0 * i, 1.0 - 2.0 * j, 1.0 - 2.0 * k]
                            )
                            r_image = r_translation + image_factors * r_source

                            # Compute distance
                            R = r_image - r_receiver
                            distance = np.sqrt(np.sum(R**2))

                            # Compute reflection coefficient product
                            b = (
                                beta_wall
                                ** (
                                    abs(l - i)
                                    + abs(l)
                                    + abs(m - j)
                                    + abs(m)
                                    + abs(n - k)
                                )
                            ) * (beta_surface ** abs(n))

                            distances_list.append(distance)
                            coefficients_list.append(b)

    return distances_list, coefficients_list


@numba.njit(parallel=True, fastmath=True)
def compute_source_image_distances_and_reflection_coefficients(
    r_source: npt.NDArray[np.float64],
    r_receiver: npt.NDArray[np.float64],
    Lx: float,
    Ly: float,
    Lz: float,
    c: float,
    beta_wall: float,
    beta_surface: float,
    cutoff_time: float,
) -> tuple[np.ndarray, np.ndarray]:
    """
    Calculates the distances and reflection coefficients for source images in a tank.

    Args:
        r_source: Vector position of the source (m) [3x1].
        r_receiver: Vector position of the receiver (m) [3x1].
        Lx: Length of the tank in the x-dimension (m).
        Ly: Length of the tank in the y-dimension (m).
        Lz: Length of the tank in the z-dimension (m).
        c: Speed of sound (m/s).
        beta_wall: Reflection coefficient for the 5 non-surface walls of the tank.
        beta_surface: Reflection coefficient for the water surface.
        cutoff_time: Time over which to sum reflected paths (s).

    Returns:
        Distances and reflection coefficients for source images.
    """
    # Compute limits of sum from cutoff time
    cutoff_distance = cutoff_time * c
    l_max = math.ceil(cutoff_distance / (Lx * 2))
    m_max = math.ceil(cutoff_distance / (Ly * 2))
    n_max = math.ceil(cutoff_distance / (Lz * 2))
    max_diagonal_length = np.sqrt(Lx**2 + Ly**2 + Lz**2)

    # Since we can't dynamically grow arrays in parallel regions with Numba,
    # we'll collect results from each parallel task and combine them later
    all_distances = []
    all_coefficients = []

    # Process blocks in parallel
    for l in numba.prange(-l_max, l_max + 1):
        distances_local, coefficients_local = process_block(
            l,
            m_max,
            n_max,
            r_source,
            r_receiver,
            Lx,
            Ly,
            Lz,
            beta_wall,
            beta_surface,
            cutoff_distance,
            max_diagonal_length,
        )

        # Thread-local lists to be combined later
        all_distances.append(distances_local)
        all_coefficients.append(coefficients_local)

    # Combine results from all threads
    distances_unsorted = []
    coefficients_unsorted = []

    for thread_distances, thread_coefficients in zip(all_distances, all_coefficients):
        distances_unsorted.extend(thread_distances)
        coefficients_unsorted.extend(thread_coefficients)

    distances_unsorted = np.array(distances_unsorted)
    coefficients_unsorted = np.array(coefficients_unsorted)

    # Sort arrays by distance
    sort_indices = np.argsort(distances_unsorted)
    distances = distances_unsorted[sort_indices]
    coefficients = coefficients_unsorted[sort_indices]

    return distances, coefficients
# ---- harness (not part of the program) ----
ENTRY = "run_tank"


def run_tank(y1, y2, fs, r_source, r_receiver):
    Lx, Ly, Lz, c = 2.1, 1.3, 0.9, 1482.0
    out1 = propagate_signal(y1, fs, r_source, r_receiver, Lx, Ly, Lz, c,
                            0.8, -0.95, 0.01, num_threads=1)
    out2 = propagate_signal(y2, fs, r_source, r_receiver, Lx, Ly, Lz, c,
                            0.6, 0.9, 0.008, num_threads=1)
    d, b = compute_source_image_distances_and_reflection_coefficients(
        r_source, r_receiver, Lx, Ly, Lz, c, 0.7, -0.9, 0.02)
    return out1, out2, d, b


def inputs():
    fs = 96000.0
    t = np.arange(960) / fs
    y1 = np.sin(2 * np.pi * (5000.0 + 2.0e6 * t) * t) * np.exp(-t / 0.002)
    y2 = np.stack([y1, np.where(t < 2e-4, 1.0, 0.0)], axis=1)
    r_source = np.array([0.613, 0.4217, 0.3391])
    r_receiver = np.array([1.5271, 0.8803, 0.2573])
    return (y1, y2, fs, r_source, r_receiver)
