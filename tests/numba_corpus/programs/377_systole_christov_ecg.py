# Source: embodied-computation-group/systole systole/detectors/christov.py (at commit 063e8e74)
# Licence: Apache-2.0 (systole, LICENSE at commit f680140e; Copyright 2019-2026 Micah Allen and the Embodied Computation Group, Aarhus University); the docstring says the code is adapted from py-ecg-detectors (berndporr/py-ecg-detectors, GPL-3.0)
# Notes: R-peak (QRS) detection in an electrocardiogram with Christov's combined adaptive threshold (2004), systole's 'christov' ECG detector for heart-rate and interoception research: the plain-Python christov builds three moving-average kernels with the jitted numba_one, numba_two and numba_three (np.ones(int(0.02 * sfreq)) / int(...), tuples with a running tap count; numba_three also builds the absolute central difference of the signal as a reflected list of floats, returned to Python) and filters with scipy.signal.lfilter between them, then numba_four (@jit(nopython=True)) zeroes the filter transient with a slice store and scans the signal with the steep-slope threshold M (np.max of growing and trailing slices, a five-value list used as a queue with pop(0), np.mean(np.asarray(list)), an np.linspace decay), the high-frequency threshold F (maxima of the ends of a trailing 350 ms window), the beat-expectation threshold R (integer RR mean), variables that start as int 0 and become floats, annotated local lists (List[Union[int, float]], List), an elif chain on `QRS and i < QRS[-1] + ...`, and returns np.asarray of the detected indices after QRS.pop(0). Pasted: the whole module (the author line, the typing, numpy, numba and scipy imports, christov and the four jitted helpers); the harness passes what systole's ecg_peaks passes: a 20 s synthetic ECG at 500 Hz (Gaussian P, QRS and T waves at a slowly varying heart rate of about 70 beats per minute, baseline wander and noise) and sfreq 500
# Author: Nicolas Legrand <nicolas.legrand@cfin.au.dk>

from typing import List, Tuple, Union

import numpy as np
from numba import jit
from scipy.signal import lfilter


def christov(signal: np.ndarray, sfreq: int) -> np.ndarray:
    """R peaks detection using Christov's method.

    Parameters
    ----------
    signal :
        The unfiltered ECG signal.
    sfreq :
        The sampling frequency.

    Returns
    -------
    peaks : np.ndarray
        The indexs of the ECG peaks.

    References
    ----------
    This function is directly adapted from py-ecg-detectors
    (https://github.com/berndporr/py-ecg-detectors). This version of the code has been
    optimized using Numba for better performances.

    [1].. Ivaylo I. Christov, Real time electrocardiogram QRS detection using
        combined adaptive threshold, BioMedical Engineering OnLine 2004, vol. 3:28,
        2004.
    """
    b, total_taps = numba_one(sfreq)

    MA1 = lfilter(b, [1], signal)

    b, total_taps = numba_two(sfreq, total_taps)

    MA2 = lfilter(b, [1], MA1)

    b, Y, total_taps = numba_three(sfreq, total_taps, MA2)

    MA3 = lfilter(b, [1], Y)

    peaks = numba_four(MA3, sfreq, total_taps)

    return peaks


@jit(nopython=True)
def numba_one(sfreq: int) -> Tuple:
    total_taps = 0

    b = np.ones(int(0.02 * sfreq))
    b = b / int(0.02 * sfreq)
    total_taps += len(b)

    return b, total_taps


@jit(nopython=True)
def numba_two(sfreq: int, total_taps) -> Tuple:
    b = np.ones(int(0.028 * sfreq))
    b = b / int(0.028 * sfreq)
    total_taps += len(b)

    return b, total_taps


@jit(nopython=True)
def numba_three(sfreq: int, total_taps, MA2) -> Tuple:
    Y = []
    for i in range(1, len(MA2) - 1):
        diff = abs(MA2[i + 1] - MA2[i - 1])
        Y.append(diff)

    b = np.ones(int(0.040 * sfreq))
    b = b / int(0.040 * sfreq)
    total_taps += len(b)

    return b, Y, total_taps


@jit(nopython=True)
def numba_four(MA3, sfreq: int, total_taps) -> np.ndarray:
    MA3[0:total_taps] = 0

    ms50 = int(0.05 * sfreq)
    ms200 = int(0.2 * sfreq)
    ms1200 = int(1.2 * sfreq)
    ms350 = int(0.35 * sfreq)

    M = 0
    newM5 = 0.0
    M_list = []
    MM: List[Union[int, float]] = []
    M_slope = np.linspace(1.0, 0.6, ms1200 - ms200)
    F = 0
    F_list = []
    R = 0
    RR = []
    Rm = 0
    R_list = []

    MFR = 0
    MFR_list = []

    QRS: List = []

    for i in range(len(MA3)):
        # M
        if i < 5 * sfreq:
            M = 0.6 * np.max(MA3[: i + 1])
            MM.append(M)
            if len(MM) > 5:
                MM.pop(0)

        elif QRS and i < QRS[-1] + ms200:
            newM5 = 0.6 * np.max(MA3[QRS[-1] : i])
            if newM5 > 1.5 * MM[-1]:
                newM5 = 1.1 * MM[-1]

        elif QRS and i == QRS[-1] + ms200:
            if newM5 == 0:
                newM5 = MM[-1]
            MM.append(newM5)
            if len(MM) > 5:
                MM.pop(0)
            M = np.mean(np.asarray(MM))

        elif QRS and i > QRS[-1] + ms200 and i < QRS[-1] + ms1200:
            M = np.mean(np.asarray(MM)) * M_slope[i - (QRS[-1] + ms200)]

        elif QRS and i > QRS[-1] + ms1200:
            M = 0.6 * np.mean(np.asarray(MM))

        # F
        if i > ms350:
            F_section = MA3[i - ms350 : i]
            max_latest = np.max(F_section[-ms50:])
            max_earliest = np.max(F_section[:ms50])
            F = F + ((max_latest - max_earliest) / 150.0)

        # R
        if QRS and i < QRS[-1] + int((2.0 / 3.0 * Rm)):
            R = 0

        elif QRS and i > QRS[-1] + int((2.0 / 3.0 * Rm)) and i < QRS[-1] + Rm:
            dec = (M - np.mean(np.asarray(MM))) / 1.4
            R = 0 + dec

        MFR = M + F + R
        M_list.append(M)
        F_list.append(F)
        R_list.append(R)
        MFR_list.append(MFR)

        if not QRS and MA3[i] > MFR:
            QRS.append(i)

        elif QRS and i > QRS[-1] + ms200 and MA3[i] > MFR:
            QRS.append(i)
            if len(QRS) > 2:
                RR.append(QRS[-1] - QRS[-2])
                if len(RR) > 5:
                    RR.pop(0)
                Rm = int(np.mean(np.asarray(RR)))

    QRS.pop(0)

    return np.asarray(QRS)
# ---- harness (not part of the program) ----
ENTRY = "christov"


def inputs():
    # 20 s of a synthetic ECG at 500 Hz (in mV): each beat a P wave, a sharp
    # QRS complex (Q dip, R spike, S dip) and a broad T wave, beat times from
    # a heart rate drifting around 70 bpm; plus baseline wander and noise
    rng = np.random.default_rng(0)
    sfreq = 500
    n = 20 * sfreq
    t = np.arange(n) / sfreq
    ecg = 0.15 * np.sin(2 * np.pi * 0.25 * t) + 0.02 * rng.standard_normal(n)
    beat = 0.4
    while beat < 19.6:
        for offset, amp, width in ((-0.18, 0.12, 0.025), (-0.03, -0.15, 0.008),
                                   (0.0, 1.2, 0.01), (0.03, -0.25, 0.008),
                                   (0.25, 0.3, 0.05)):
            ecg += amp * np.exp(-((t - beat - offset) ** 2) / (2 * width ** 2))
        beat += 60.0 / (70.0 + 8.0 * np.sin(2 * np.pi * beat / 15.0)) + 0.02 * rng.standard_normal()
    return (ecg, sfreq)
