# Source: matchms/matchms matchms/similarity/spectrum_similarity_functions.py (at commit 8f95f0bb)
# Licence: Apache-2.0 (matchms, pyproject.toml `license = "Apache-2.0"`; matchms developer team)
# Notes: matching peaks of two tandem mass spectra for the greedy cosine score used in metabolomics library search (chemistry): collect_peak_pairs (@numba.njit, annotated defaults shift: float = 0, mz_power: float = 0.0, intensity_power: float = 1.0) calls the jitted find_matches, which walks two sorted m/z arrays with a moving lower index, break/else and appends (peak1_idx, peak2_idx) tuples to a list; collect_peak_pairs then splits the tuples with list comprehensions into idx1 and idx2, returns None when there is no match (an Optional return), and otherwise builds a list of three-element lists [int, int, float] of the m/z- and intensity-powered peak products and returns np.array(matching_pairs.copy()), a float64 (k, 3) array. Pasted: the module's imports and the two functions collect_peak_pairs uses; left out: score_best_matches and the number_matching helpers of the same module (not called); the harness passes what CosineGreedy.pair passes: two (n, 2) arrays of sorted m/z and normalised intensities and tolerance 0.1, with the default shift and powers
from typing import List, Tuple
import numba
import numpy as np


@numba.njit
def collect_peak_pairs(spec1: np.ndarray, spec2: np.ndarray,
                       tolerance: float, shift: float = 0, mz_power: float = 0.0,
                       intensity_power: float = 1.0):
    # pylint: disable=too-many-arguments
    """Find matching pairs between two spectra.

    Args
    ----
    spec1:
        Spectrum peaks and intensities as numpy array.
    spec2:
        Spectrum peaks and intensities as numpy array.
    tolerance
        Peaks will be considered a match when <= tolerance appart.
    shift
        Shift spectra peaks by shift. The default is 0.
    mz_power:
        The power to raise mz to in the cosine function. The default is 0, in which
        case the peak intensity products will not depend on the m/z ratios.
    intensity_power:
        The power to raise intensity to in the cosine function. The default is 1.

    Returns
    -------
    matching_pairs : numpy array
        Array of found matching peaks.
    """
    matches = find_matches(spec1[:, 0], spec2[:, 0], tolerance, shift)
    idx1 = [x[0] for x in matches]
    idx2 = [x[1] for x in matches]
    if len(idx1) == 0:
        return None
    matching_pairs = []
    for i, idx in enumerate(idx1):
        power_prod_spec1 = (spec1[idx, 0] ** mz_power) * (spec1[idx, 1] ** intensity_power)
        power_prod_spec2 = (spec2[idx2[i], 0] ** mz_power) * (spec2[idx2[i], 1] ** intensity_power)
        matching_pairs.append([idx1[i], idx2[i], power_prod_spec1 * power_prod_spec2])
    return np.array(matching_pairs.copy())


@numba.njit
def find_matches(spec1_mz: np.ndarray, spec2_mz: np.ndarray,
                 tolerance: float, shift: float = 0) -> List[Tuple[int, int]]:
    """Faster search for matching peaks.
    Makes use of the fact that spec1 and spec2 contain ordered peak m/z (from
    low to high m/z).

    Parameters
    ----------
    spec1_mz:
        Spectrum peak m/z values as numpy array. Peak mz values must be ordered.
    spec2_mz:
        Spectrum peak m/z values as numpy array. Peak mz values must be ordered.
    tolerance
        Peaks will be considered a match when <= tolerance appart.
    shift
        Shift peaks of second spectra by shift. The default is 0.

    Returns
    -------
    matches
        List containing entries of type (idx1, idx2).

    """
    lowest_idx = 0
    matches = []
    for peak1_idx in range(spec1_mz.shape[0]):
        mz = spec1_mz[peak1_idx]
        low_bound = mz - tolerance
        high_bound = mz + tolerance
        for peak2_idx in range(lowest_idx, spec2_mz.shape[0]):
            mz2 = spec2_mz[peak2_idx] + shift
            if mz2 > high_bound:
                break
            if mz2 < low_bound:
                lowest_idx = peak2_idx
            else:
                matches.append((peak1_idx, peak2_idx))
    return matches

# ---- harness (not part of the program) ----
ENTRY = "collect_peak_pairs"


def inputs():
    # two MS/MS spectra of 80 and 60 peaks between m/z 50 and 500, the second
    # sharing 35 fragments of the first (within +-0.05) plus its own peaks;
    # intensities normalised to a maximum of 1 as normalize_intensities does
    rng = np.random.default_rng(0)
    mz1 = np.sort(rng.uniform(50.0, 500.0, 80))
    shared = rng.choice(mz1, 35, replace=False) + rng.uniform(-0.05, 0.05, 35)
    mz2 = np.sort(np.concatenate([shared, rng.uniform(50.0, 500.0, 25)]))
    int1 = rng.random(80) ** 2
    int2 = rng.random(60) ** 2
    spec1 = np.column_stack([mz1, int1 / int1.max()])
    spec2 = np.column_stack([mz2, int2 / int2.max()])
    return (spec1, spec2, 0.1)
