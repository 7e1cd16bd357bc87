# Source: cta-observatory/cta-lstchain lstchain/calib/camera/pulse_time_correction.py (at commit 24e665a8) and lstchain/calib/camera/time_correction_calculate.py (at commit 020964f1)
# Licence: BSD-3-Clause (cta-lstchain, setup.py header "Licensed under a 3-clause BSD style license - see LICENSE.rst"; Copyright the cta-lstchain developers, CTA LST collaboration)
# Notes: DRS4 pulse-arrival-time calibration of the LST-1 Cherenkov telescope camera (gamma-ray astronomy / particle-detector readout): calib_peak_time_jit accumulates flat-field peak times into 128 bins of the 1024-cell DRS4 ring according to each module's first-capacitor position (pixels above a charge cut only, pixel ids looked up through the readout order), and get_corr_pulse_jit / get_pulse_time_correction_jit evaluate the per-pixel Fourier series (16 harmonics of cos/sin of the capacitor phase, get_corr_time_jit) to correct or return the time offsets of all 1855 pixels in both gains; Numba features: @njit(parallel=True) with three nested prange loops over modules, gains and channels, module-level integer constants (n_modules, n_gain, n_channel) used as loop bounds, a jitted helper called inside the parallel loops with row views fan_array[gain, pixel], prange used inside a plain @njit() function (get_corr_time_jit, where it runs as range), `%` on float capacitor positions, int() truncation of a float bin index, a local named `bin` shadowing the builtin, and in-place accumulation into caller-owned 3-D arrays. Pasted: the module constants and the three static methods calib_peak_time_jit, get_corr_pulse_jit and get_pulse_time_correction_jit (each taken out of its class -- TimeCorrectionCalculate / PulseTimeCorrection -- as a module-level function, the @staticmethod above @njit(parallel=True) dropped) and the module-level get_corr_time_jit, as published; left out: the ctapipe Component classes (traitlets configuration, h5py file I/O, event-container access, the plain-Python Fourier fit integrate_with_trig that the harness reproduces with NumPy); the harness uses the full camera size (265 modules x 7 pixels, shuffled pixel ids), accumulates 6 simulated flat-field events with a sinusoidal capacitor-dependent delay, divides by the entries, fits 16 harmonics as TimeCorrectionCalculate.fit does, and applies both correction kernels to a pulse-time image
import numpy as np
from numba import njit, prange

high_gain = 0
low_gain = 1
n_gain = 2
n_channel = 7
n_modules = 265
n_pixels = 1855


@njit(parallel=True)
def calib_peak_time_jit(charge,
                         peak_time,
                         pixel_ids,
                         first_cap_array,
                         mean_values_per_bin,
                         entries_per_bin,
                         n_cap,
                         n_combine,
                         min_charge):
    """
    Numba function for calibration pulse time.

    Parameters
    ----------
    pulse : ndarray
        Pulse time stored in a numpy array of shape
        (n_gain, n_pixels).
    charge : ndarray
        Charge in each pixel.
        (n_gain, n_pixels).
    pixel_ids: ndarray
        Array stored expected pixel id
        (n_pixels).
    first_cap_array : ndarray
        Value of first capacitor stored in a numpy array of shape
        (n_clus, n_gain, n_pix).
    mean_values_per_bin : ndarray
        Array to fill using pulse time
        stored in a numpy array of shape
        (n_gain, n_pixels, n_bins).
    entries_per_bin : ndarray
        Array to store number of entries per bin
        stored in a numpy array of shape
        (n_gain, n_pixels, n_bins).
    n_cap : int
        Number of capacitors
    n_combine : int
        Number of combine capacitors in a single bin

    """

    for nr_module in prange(n_modules):
        for gain in prange(n_gain):
            for pix in prange(n_channel):
                pixel = pixel_ids[nr_module * 7 + pix]
                if charge[gain, pixel] > min_charge: # cut change
                    fc = first_cap_array[nr_module, :, :]
                    first_cap = (fc[gain, pix]) % n_cap
                    bin = int(first_cap / n_combine)
                    mean_values_per_bin[gain, pixel, bin] += peak_time[gain, pixel]
                    entries_per_bin[gain, pixel, bin] += 1


@njit(parallel=True)
def get_corr_pulse_jit(pulse, pulse_corr, pixel_ids, first_capacitor, fan_array, fbn_array, n_harmonics, n_cap):
    """
    Numba function for pulse time correction.
    Parameters
    ----------
    pulse : ndarray
        Pulse time stored in a numpy array of shape
        (n_gain, n_pixels).
    pulse_corr : ndarray
        Pulse correction time stored in a numpy array of shape
        (n_gain, n_pixels).
    pixel_ids: ndarray
        Array stored expected pixel id
        (n_pixels).
    first_capacitor : ndarray
        Value of first capacitor stored in a numpy array of shape
        (n_clus, n_gain, n_pix).
    fan_array : ndarray
        Array to store coeff for Fourier series expansion
        stored in a numpy array of shape
        (n_gain, n_pixels, n_harmonics).
    fbn_array : ndarray
        Array to store coeff for Fourier series expansion
        stored in a numpy array of shape
        (n_gain, n_pixels, n_harmonics).
    n_harmonics : int
        Number of harmonics
    """
    for gain in prange(0, n_gain):
        for nr in prange(0, n_modules):
            for pix in prange(0, n_channel):
                fc = first_capacitor[nr, gain, pix]
                pixel = pixel_ids[nr * 7 + pix]
                pulse_corr[gain, pixel] = pulse[gain, pixel] - get_corr_time_jit(fc % n_cap,
                                                                                 fan_array[gain, pixel],
                                                                                 fbn_array[gain, pixel],
                                                                                 n_harmonics,
                                                                                 n_cap)


@njit(parallel=True)
def get_pulse_time_correction_jit(time_corrections, pixel_ids, first_capacitor, fan_array, fbn_array, n_harmonics, n_cap):
    """
    Numba function for pulse time correction.
    Parameters
    ----------

    time_corrections : ndarray
        Pulse correction time stored in a numpy array of shape
        (n_gain, n_pixels).
    pixel_ids: ndarray
        Array stored expected pixel id
        (n_pixels).
    first_capacitor : ndarray
        Value of first capacitor stored in a numpy array of shape
        (n_clus, n_gain, n_pix).
    fan_array : ndarray
        Array to store coeff for Fourier series expansion
        stored in a numpy array of shape
        (n_gain, n_pixels, n_harmonics).
    fbn_array : ndarray
        Array to store coeff for Fourier series expansion
        stored in a numpy array of shape
        (n_gain, n_pixels, n_harmonics).
    n_harmonics : int
        Number of harmonics
    """
    for gain in prange(0, n_gain):
        for nr in prange(0, n_modules):
            for pix in prange(0, n_channel):
                fc = first_capacitor[nr, gain, pix]
                pixel = pixel_ids[nr * 7 + pix]
                time_corrections[gain, pixel] = get_corr_time_jit(fc % n_cap,
                                                                  fan_array[gain, pixel],
                                                                  fbn_array[gain, pixel],
                                                                  n_harmonics,
                                                                  n_cap)


@njit()
def get_corr_time_jit(first_cap, fan, fbn, n_harmonics, n_cap):

    #time = fan[0] / 2. #commented because time flat-fielding is performed in charge calibrator
    time = 0
    for n in prange(1, n_harmonics):
        time += fan[n] * np.cos((first_cap * n * 2 * np.pi) / n_cap)
        time += fbn[n] * np.sin((first_cap * n * 2 * np.pi) / n_cap)
    return time
# ---- harness (not part of the program) ----
ENTRY = "run_time_calibration"


def run_time_calibration(pixel_ids, first_caps, charges, peak_times, pulse):
    n_cap, n_combine, n_harmonics = 1024, 8, 16
    n_bins = n_cap // n_combine
    mean_values_per_bin = np.zeros((n_gain, n_pixels, n_bins))
    entries_per_bin = np.zeros((n_gain, n_pixels, n_bins))
    for ev in range(len(charges)):
        calib_peak_time_jit(charges[ev], peak_times[ev], pixel_ids, first_caps[ev],
                            mean_values_per_bin, entries_per_bin, n_cap=n_cap,
                            n_combine=n_combine, min_charge=200.0)
    filled = entries_per_bin > 0
    mean = np.where(filled, mean_values_per_bin / np.where(filled, entries_per_bin, 1), 0.0)
    # TimeCorrectionCalculate.fit / integrate_with_trig
    pos = (np.arange(n_bins) + 0.5) * n_combine
    n = np.arange(n_harmonics)[:, None]
    fan = (mean[..., None, :] * n_combine * np.cos(2 * np.pi * n * pos / n_cap)).sum(-1)
    fbn = (mean[..., None, :] * n_combine * np.sin(2 * np.pi * n * pos / n_cap)).sum(-1)
    fan *= 2.0 / (n_bins * n_combine)
    fbn *= 2.0 / (n_bins * n_combine)
    fc = first_caps[0]
    pulse_corr = np.empty((n_gain, n_pixels))
    get_corr_pulse_jit(pulse, pulse_corr, pixel_ids, fc, fan, fbn, n_harmonics, n_cap)
    corrections = np.empty((n_gain, n_pixels))
    get_pulse_time_correction_jit(corrections, pixel_ids, fc, fan, fbn, n_harmonics, n_cap)
    return mean_values_per_bin, entries_per_bin, fan, fbn, pulse_corr, corrections


def inputs():
    rng = np.random.default_rng(0)
    pixel_ids = rng.permutation(n_pixels).astype(np.uint16)
    n_events = 6
    first_caps = rng.integers(0, 4096, (n_events, n_modules, n_gain, n_channel)).astype(np.float64)
    charges = rng.uniform(0.0, 800.0, (n_events, n_gain, n_pixels))
    delay = np.zeros((n_events, n_gain, n_pixels))
    for ev in range(n_events):
        for m in range(n_modules):
            for g in range(n_gain):
                phase = 2 * np.pi * (first_caps[ev, m, g] % 1024) / 1024
                delay[ev, g, pixel_ids[m * 7:(m + 1) * 7]] = 1.5 * np.sin(phase) + 0.4 * np.cos(3 * phase)
    peak_times = 20.0 + delay + 0.2 * rng.standard_normal((n_events, n_gain, n_pixels))
    pulse = 18.0 + rng.standard_normal((n_gain, n_pixels))
    return (pixel_ids, first_caps, charges, peak_times, pulse)
