# Source: hippke/tls transitleastsquares/core.py (at commit af3db7ff)
# Licence: MIT (transitleastsquares, LICENSE; Copyright (c) 2018 Michael Hippke)
# Notes: the out-of-transit chi-squared of Transit Least Squares for every start position of a box of width_signal samples in the phase-folded, end-patched light curve (what search_period passes as ootr= to lowest_residuals_in_this_duration for each trial duration): out_of_transit_residuals (@numba.jit(fastmath=True, parallel=False, nopython=True), called as numba.jit through `import numba`) takes the full sum of (1 - data)**2 * dy with numpy.sum of an array expression, subtracts the sum over the first window (prefix slices data[:width_signal]) and then slides the window one sample at a time, adding the sample that becomes visible on the left and removing the one that disappears on the right (a running recurrence chi2[i] from chi2[i - 1]) into numpy.zeros(len(data) - width_signal + 1). Pasted: the module's `import numpy` / `import numba` and this function; left out: the package-relative imports (tls_constants, grid.T14, helpers.running_mean; this function uses none of them), the module's other jitted functions (fold, foldfast, edge_effect_correction, lowest_residuals_in_this_duration) and the plain-Python search_period driver
from __future__ import division, print_function
import numpy
import numba


@numba.jit(fastmath=True, parallel=False, nopython=True)
def out_of_transit_residuals(data, width_signal, dy):
    chi2 = numpy.zeros(len(data) - width_signal + 1)
    fullsum = numpy.sum(((1 - data) ** 2) * dy)
    window = numpy.sum(((1 - data[:width_signal]) ** 2) * dy[:width_signal])
    chi2[0] = fullsum - window
    for i in range(1, len(data) - width_signal + 1):
        becomes_visible = i - 1
        becomes_invisible = i - 1 + width_signal
        add_visible_left = (1 - data[becomes_visible]) ** 2 * dy[becomes_visible]
        remove_invisible_right = (1 - data[becomes_invisible]) ** 2 * dy[
            becomes_invisible
        ]
        chi2[i] = chi2[i - 1] + add_visible_left - remove_invisible_right
    return chi2

# ---- harness (not part of the program) ----
import numpy as np

ENTRY = "out_of_transit_residuals"


def inputs():
    # what search_period builds for one trial period: 2000 phase-folded
    # flux values (normalised to 1, noise 300 ppm, a 1000 ppm transit near
    # phase 0.4) patched at the end with the first maxwidth_in_samples = 60
    # values again, the matching 1 / dy**2 weights patched the same way, and
    # a trial duration of 37 samples
    rng = np.random.default_rng(0)
    n, maxwidth, duration = 2000, 60, 37
    flux = 1.0 + rng.normal(0.0, 3e-4, n)
    flux[780:820] -= 1e-3
    dy = np.full(n, 3e-4) * rng.uniform(0.9, 1.1, n)
    patched_data = np.append(flux, flux[:maxwidth])
    patched_dy = np.append(dy, dy[:maxwidth])
    inverse_squared_patched_dy = 1 / patched_dy ** 2
    return (patched_data, duration, inverse_squared_patched_dy)
