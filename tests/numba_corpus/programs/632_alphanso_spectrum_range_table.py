# Source: divitr/alphanso-numba alphanso/transport.py (at commit 1ba3eb1e)
# Licence: BSD-3-Clause (alphanso-numba, LICENSE; Copyright (c) 2026, Divit Rawal, Anthony J. Nelson, William Zywiec, Daniel Siefman)
# Notes: ALPHANSO computes (alpha,n) neutron source terms and spectra of materials (alpha particles slowing down in a target and producing neutrons); transport.py's two @njit kernels are pasted with the import lines they use: _accumulate_spectrum bins contributions of many (energy interval, yield) pairs into neutron energy groups by overlap length (np.minimum/np.maximum of a scalar and an array, np.maximum(0.0, ...), np.sum of a weighted product per group) and _build_range_table integrates the inverse stopping power by the trapezoid rule into a cumulative range table. Left out: the rest of the module (the Transport class and its plain-Python problem drivers, which read nuclear data files and use scipy.interpolate, scipy.special, concurrent.futures and the package's parsers). The harness builds 120 contributions from three alpha groups (enmin/enmax/weights/yields), accumulates them into 40 descending neutron energy groups and into a coarser 12-group grid, and builds range tables for a Bethe-like stopping power on 200 and 57 energy points
import numpy as np
from numba import njit


@njit
def _accumulate_spectrum(b_lo, b_hi, y_flat, w_flat, enmin_flat, enmax_flat):
    nng = len(b_lo)
    spectrum = np.zeros(nng)
    for m in range(nng):
        blo = b_lo[m]
        bhi = b_hi[m]
        ov_upper = np.minimum(bhi, enmax_flat)
        ov_lower = np.maximum(blo, enmin_flat)
        overlap = np.maximum(0.0, ov_upper - ov_lower)
        spectrum[m] = np.sum(y_flat * overlap / w_flat)
    return spectrum


@njit
def _build_range_table(energies, stops):
    n = len(energies)
    range_table = np.zeros(n)
    for i in range(1, n):
        de = energies[i] - energies[i - 1]
        range_table[i] = range_table[i - 1] + 0.5 * (1.0 / stops[i - 1] + 1.0 / stops[i]) * de
    return range_table
# ---- harness (not part of the program) ----
ENTRY = "alphanso_kernels"


def alphanso_kernels(enmin, enmax, yields):
    w = enmax - enmin
    out = []
    for edges in (np.linspace(12.0, 0.0, 41), np.linspace(11.0, 0.5, 13)):
        b_hi = edges[:-1]
        b_lo = edges[1:]
        out.append(_accumulate_spectrum(b_lo, b_hi, yields, w, enmin, enmax))
    for n in (200, 57):
        e = np.linspace(0.05, 8.0, n)
        stops = 1.2e3 * np.log(1.0 + 40.0 * e) / (e + 0.3)
        out.append(_build_range_table(e, stops))
    return tuple(out)


def inputs():
    k = np.arange(120, dtype=np.float64)
    group = (k % 3)
    centre = 2.0 + 2.5 * group + 1.5 * np.sin(0.17 * k)
    width = 0.2 + 0.15 * (1.0 + np.cos(0.31 * k))
    enmin = np.maximum(centre - width, 0.01)
    enmax = centre + width
    yields = (1.0 + 0.5 * np.cos(0.07 * k)) * 1e-6 * (1 + group)
    return (enmin, enmax, yields)
