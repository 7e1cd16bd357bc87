# Source: MannLabs/alphadia alphadia/numba/numeric.py (at commit 1e3b080d) and alphadia/utils.py (USE_NUMBA_CACHING)
# Licence: Apache-2.0 (alphaDIA, pyproject.toml "License :: OSI Approved :: Apache Software License" / LICENSE.txt; MannLabs)
# Notes: numeric kernels of the alphaDIA data-independent-acquisition proteomics search engine (mass spectrometry): symetric_limits_2d (@nb.njit(cache=USE_NUMBA_CACHING), a module flag read from an environment variable) sums a mobility x retention-time intensity patch along each axis (.sum(axis=1) / .sum(axis=0) of sliced 2-D arrays) and calls symetric_limits_1d (keyword arguments with defaults, for/else-free loop with break, min/max of ints, returns np.array([...], dtype="int32")) to find symmetric peak limits, returning a tuple of arrays; fragment_correlation and fragment_correlation_different (asserts on ndim and shape tuples, np.reshape of axis sums, np.dot of a matrix with its transpose, float32 output arrays written per observation); save_corrcoeff (@nb.njit(inline="always", ...), np.mean and centered sums); ceil_to_base_two (bit-twiddling with |= and >>), wrap0/wrap1 (clamp written in place). Pasted: the whole module and the USE_NUMBA_CACHING line of alphadia/utils.py (with its import os); the harness builds a synthetic 40 x 30 ion-mobility/RT peak, float32 fragment profiles for 6 and 4 fragments over 3 observations and 25 points, and returns the limits, correlation matrices, corrcoef, the clamped array and the rounded powers of two
import os

# third party imports
import numba as nb
import numpy as np

USE_NUMBA_CACHING = os.environ.get("USE_NUMBA_CACHING", "0") == "1"


@nb.njit(cache=USE_NUMBA_CACHING)
def ceil_to_base_two(x):
    # borrowed from Bit Twiddling Hacks
    # https://graphics.stanford.edu/~seander/bithacks.html#RoundUpPowerOf2
    x -= 1
    x |= x >> 1
    x |= x >> 2
    x |= x >> 4
    x |= x >> 8
    x |= x >> 16

    x += 1
    return x


@nb.njit(cache=USE_NUMBA_CACHING)
def wrap0(
    value,
    limit,
):
    if value < 0:
        return 0
    else:
        return min(value, limit)


@nb.njit(cache=USE_NUMBA_CACHING)
def wrap1(
    values,
    limit,
):
    for i in range(values.shape[0]):
        values[i] = wrap0(values[i], limit)
    return values


@nb.njit(cache=USE_NUMBA_CACHING)
def symetric_limits_1d(
    array_1d,
    center,
    f=0.95,
    center_fraction=0.01,
    min_size=1,
    max_size=10,
):
    """
    Find the limits of a symetric peak in a 1D array.
    Allthough the edge is symetrically extended in both directions, the trailing edge will use the last valid value when it reaches the limits of the array.

    Parameters
    ----------

    array_1d : np.ndarray
        1D array of intensities

    center : int
        Index of the center of the peak

    f : float
        minimal required decrease in intensity relative to the trailing intensity

    center_fraction : float
        minimal required intensity relative to the center intensity

    min_size : int
        minimal distance of the trailing edge of the peak from the center

    max_size : int
        maximal distance of the trailing edge of the peak from the center

    Returns
    -------

    np.ndarray, dtype='int32', shape=(2,)
        Array of containing the start and stop index of the peak.
        The start index is inclusive, the stop index is exclusive.
        Providing an empty array will return np.array([center, center], dtype='int32').
        Providing a center outside the array will return np.array([center, center], dtype='int32').

    """

    if len(array_1d) == 0:
        return np.array([center, center], dtype="int32")

    if center < 0 or center >= array_1d.shape[0]:
        return np.array([center, center], dtype="int32")

    center_intensity = array_1d[center]
    trailing_intensity = center_intensity

    limit = min_size

    for s in range(min_size + 1, max_size):
        intensity = (
            array_1d[max(center - s, 0)] + array_1d[min(center + s, len(array_1d) - 1)]
        ) / 2
        if intensity < f * trailing_intensity:
            if intensity > center_intensity * center_fraction:
                limit = s
                trailing_intensity = intensity
            else:
                break

        else:
            break

    return np.array(
        [max(center - limit, 0), min(center + limit + 1, len(array_1d))], dtype="int32"
    )


@nb.njit(cache=USE_NUMBA_CACHING)
def symetric_limits_2d(
    a,
    scan_center,
    dia_cycle_center,
    f_mobility=0.95,
    f_rt=0.95,
    center_fraction=0.01,
    min_size_mobility=3,
    max_size_mobility=20,
    min_size_rt=1,
    max_size_rt=10,
):
    mobility_lower = max(0, scan_center - min_size_mobility)
    mobility_upper = min(a.shape[0], scan_center + min_size_mobility)
    dia_cycle_lower = max(0, dia_cycle_center - min_size_rt)
    dia_cycle_upper = min(a.shape[1], dia_cycle_center + min_size_rt)

    mobility_limits = symetric_limits_1d(
        a[:, dia_cycle_lower:dia_cycle_upper].sum(axis=1),
        scan_center,
        f=f_mobility,
        center_fraction=center_fraction,
        min_size=min_size_mobility,
        max_size=max_size_mobility,
    )

    dia_cycle_limits = symetric_limits_1d(
        a[mobility_lower:mobility_upper, :].sum(axis=0),
        dia_cycle_center,
        f=f_rt,
        center_fraction=center_fraction,
        min_size=min_size_rt,
        max_size=max_size_rt,
    )

    return mobility_limits, dia_cycle_limits


@nb.njit(inline="always", cache=USE_NUMBA_CACHING)
def save_corrcoeff(x: np.array, y: np.array):
    """Save way to calculate the correlation coefficient between two one-dimensional arrays.

    Parameters
    ----------

    x : np.array
        One-dimensional array of shape (n,)

    y : np.array
        One-dimensional array of shape (n,)

    Returns
    -------
    float
        Correlation coefficient between x and y

    """
    assert len(x) > 0
    assert x.ndim == 1
    assert x.shape == y.shape

    x_bar = np.mean(x)
    y_bar = np.mean(y)

    x_centered = x - x_bar
    y_centered = y - y_bar

    numerator = np.sum(x_centered * y_centered)
    denominator = np.sqrt(np.sum(x_centered**2) * np.sum(y_centered**2))

    return numerator / (denominator + 1e-12)


@nb.njit(cache=USE_NUMBA_CACHING)
def fragment_correlation(
    fragments_profile,
):
    """Calculates a save correlation matrix for a given fragment profile.

    Parameters
    ----------

    fragments_profile: np.ndarray
        array of shape (n_fragments, n_observations, n_data_points)

    Returns
    -------

    np.ndarray
        array of shape (n_observations, n_fragments, n_fragments)

    """

    assert fragments_profile.ndim == 3

    n_fragments = fragments_profile.shape[0]
    n_observations = fragments_profile.shape[1]
    n_data_points = fragments_profile.shape[2]
    assert n_data_points > 0

    # (n_observations, n_fragments, n_fragments)
    output = np.zeros((n_observations, n_fragments, n_fragments), dtype="float32")
    if n_data_points == 0:
        return output

    for i_observations in range(n_observations):
        # (n_fragments, 1)
        profile_mean = np.reshape(
            np.sum(fragments_profile[:, i_observations], axis=1) / n_data_points,
            (n_fragments, 1),
        )

        # (n_fragments, n_data_points)
        profile_centered = fragments_profile[:, i_observations] - profile_mean

        # (n_fragments, 1)
        profile_std = np.reshape(
            np.sqrt(np.sum(profile_centered**2, axis=1) / n_data_points),
            (n_fragments, 1),
        )

        # (n_fragments, n_fragments)
        covariance_matrix = np.dot(profile_centered, profile_centered.T) / n_data_points

        # (n_fragments, n_fragments)
        std_matrix = np.dot(profile_std, profile_std.T)

        # (n_fragments, n_fragments)
        correlation_matrix = covariance_matrix / (std_matrix + 1e-12)
        output[i_observations] = correlation_matrix

    return output


@nb.njit(cache=USE_NUMBA_CACHING)
def fragment_correlation_different(x: np.ndarray, y: np.ndarray):
    """Calculates a save correlation matrix for a given fragment profile.

    Parameters
    ----------

    x : np.ndarray
        array of shape (n_fragments, n_observations, n_data_points)

    y : np.ndarray
        array of shape (n_fragments, n_observations, n_data_points)

    Returns
    -------

    output : np.ndarray
        array of shape (n_observations, n_fragments_x, n_fragments_y)

    """

    assert x.ndim == 3
    assert y.ndim == 3
    assert x.shape[1:] == y.shape[1:]

    n_fragments_x = x.shape[0]
    n_fragments_y = y.shape[0]
    n_observations = x.shape[1]
    n_data_points = x.shape[2]
    assert n_data_points > 0

    # (n_observations, n_fragments_x, n_fragments_y)
    output = np.zeros((n_observations, n_fragments_x, n_fragments_y), dtype=np.float32)
    if n_data_points == 0:
        return output

    for i_observations in range(n_observations):
        # (n_fragments_x, 1)
        x_mean = np.reshape(
            np.sum(x[:, i_observations], axis=1) / n_data_points, (n_fragments_x, 1)
        )

        # (n_fragments_y, 1)
        y_mean = np.reshape(
            np.sum(y[:, i_observations], axis=1) / n_data_points, (n_fragments_y, 1)
        )

        # (n_fragments_x, n_data_points)
        x_centered = x[:, i_observations] - x_mean

        # (n_fragments_y, n_data_points)
        y_centered = y[:, i_observations] - y_mean

        # (n_fragments_x, 1)
        x_std = np.reshape(
            np.sqrt(np.sum(x_centered**2, axis=1) / n_data_points), (n_fragments_x, 1)
        )

        # (n_fragments_y, 1)
        y_std = np.reshape(
            np.sqrt(np.sum(y_centered**2, axis=1) / n_data_points), (n_fragments_y, 1)
        )

        # (n_fragments_x, n_fragments_y)
        covariance_matrix = np.dot(x_centered, y_centered.T) / n_data_points

        # (n_fragments_x, n_fragments_y)
        std_matrix = np.dot(x_std, y_std.T)

        # (n_fragments_x, n_fragments_y)
        correlation_matrix = covariance_matrix / (std_matrix + 1e-12)
        output[i_observations] = correlation_matrix

    return output
# ---- harness (not part of the program) ----
ENTRY = "run_numeric"


def run_numeric(peak, frag_x, frag_y, values):
    lim_a = symetric_limits_2d(peak, 18, 12)
    lim_b = symetric_limits_2d(peak, 5, 25, f_mobility=0.99, min_size_mobility=1, max_size_rt=5)
    lim_c = symetric_limits_1d(peak[:, 12], 18, f=0.9, max_size=15)
    corr = fragment_correlation(frag_x)
    corr_xy = fragment_correlation_different(frag_x, frag_y)
    cc = save_corrcoeff(frag_x[0, 0].astype(np.float64), frag_x[1, 0].astype(np.float64))
    clamped = wrap1(values.copy(), 7)
    pow2 = np.array([ceil_to_base_two(v) for v in (1, 3, 17, 100, 1000, 65537)])
    return lim_a, lim_b, lim_c, corr, corr_xy, cc, clamped, pow2


def inputs():
    # a 40 (mobility scans) x 30 (DIA cycles) Gaussian peak centred near (18, 12) on noise;
    # float32 fragment profiles (6 and 4 fragments, 3 observations, 25 points) sharing an
    # elution shape; an int64 array with values outside [0, 7] to clamp
    rng = np.random.default_rng(0)
    m = np.arange(40)[:, None]
    c = np.arange(30)[None, :]
    peak = 100.0 * np.exp(-0.5 * ((m - 18.3) / 4.0) ** 2 - 0.5 * ((c - 12.4) / 2.5) ** 2)
    peak = (peak + rng.uniform(0.0, 1.0, peak.shape)).astype(np.float32)
    t = np.arange(25)
    shape = np.exp(-0.5 * ((t - 12) / 3.0) ** 2)
    frag_x = (rng.uniform(0.5, 2.0, (6, 3, 1)) * shape + rng.normal(0, 0.05, (6, 3, 25))).astype(np.float32)
    frag_y = (rng.uniform(0.5, 2.0, (4, 3, 1)) * shape[::-1] + rng.normal(0, 0.05, (4, 3, 25))).astype(np.float32)
    values = rng.integers(-5, 15, 12)
    return (peak, frag_x, frag_y, values)
