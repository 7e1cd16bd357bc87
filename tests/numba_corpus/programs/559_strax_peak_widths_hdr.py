# Source: AxFoundation/strax strax/processing/peak_properties.py (at commit 094dac8f) and strax/processing/statistics.py (at commit 1eac7964), with exporter from strax/utils.py
# Licence: BSD-3-Clause (strax, LICENSE; Copyright (c) 2018, Jelle Aalbers)
# Notes: pulse-shape properties of photomultiplier "peaks" in strax, the streaming processor of the XENON dark-matter experiments (particle physics / detector signal processing): for each peak record, the fractional sample indices at which the cumulative waveform reaches a set of area fractions (a while loop that can pass several fractions inside one sample, interpolating within the sample, and a floating-point fix-up for the 100% fraction), turned by compute_widths into the 10%..100% area widths and area deciles from the midpoint in ns, written back into the structured array's subarray fields; and the highest-density region of a sampled distribution for several probability fractions (argsort descending, boolean-mask fancy indexing, np.sort, gap detection with ind[1:] - ind[:-1], an assert with a message, int32/float32 result buffers, raise ValueError after the loop); Numba features: @numba.njit(cache=True, nogil=True) / @numba.jit(nopython=True, nogil=True, cache=True) / @numba.njit() stacked under a plain-Python @export decorator, iteration over a NumPy structured (record) array with enumerate, record field access p['area'], p['length'] and sub-array fields p['data'][:p['length']], passing a record and a row view results[p_i] into another jitted function, and a keyword default _buffer_size=10. Pasted: strax's exporter() helper (plain Python) and `export, __all__ = exporter()` standing in for `strax.exporter()`, index_of_fraction, compute_index_of_fraction and compute_widths from peak_properties.py and highest_density_region from statistics.py as published; left out: compute_wf_attributes (its @numba.njit is commented out) and the `import strax`; the harness builds 7 peaks with a strax-like record dtype (time, length, dt, area, data[60], width[11], area_decile_from_midpoint[11]; one zero-area peak, varying lengths and dt), runs compute_widths on all peaks and on a list of selected indices, index_of_fraction directly, and highest_density_region of a two-component binned distribution for fractions 0.2, 0.5, 0.9
import numpy as np
import numba


def exporter(export_self=False):
    """Export utility modified from https://stackoverflow.com/a/41895194
    Returns export decorator, __all__ list
    """
    all_ = []
    if export_self:
        all_.append('exporter')

    def decorator(obj):
        all_.append(obj.__name__)
        return obj

    return decorator, all_


export, __all__ = exporter()


@export
@numba.njit(cache=True, nogil=True)
def index_of_fraction(peaks, fractions_desired):
    """Return the (fractional) indices at which the peaks reach
    fractions_desired of their area
    :param peaks: strax peak(let)s or other data-bearing dtype
    :param fractions_desired: array of floats between 0 and 1
    :returns: (len(peaks), len(fractions_desired)) array of floats
    """
    results = np.zeros((len(peaks), len(fractions_desired)), dtype=np.float32)

    for p_i, p in enumerate(peaks):
        if p['area'] <= 0:
            continue  # TODO: These occur a lot. Investigate!
        compute_index_of_fraction(p, fractions_desired, results[p_i])
    return results


@export
@numba.jit(nopython=True, nogil=True, cache=True)
def compute_index_of_fraction(peak, fractions_desired, result):
    """Store the (fractional) indices at which peak reaches
    fractions_desired of their area in result
    :param peak: single strax peak(let) or other data-bearing dtype
    :param fractions_desired: array of floats between 0 and 1
    :returns: len(fractions_desired) array of floats
    """
    area_tot = peak['area']
    fraction_seen = 0
    current_fraction_index = 0
    needed_fraction = fractions_desired[current_fraction_index]
    for i, x in enumerate(peak['data'][:peak['length']]):
        # How much of the area is in this sample?
        fraction_this_sample = x / area_tot

        # Are we passing any desired fractions in this sample?
        while fraction_seen + fraction_this_sample >= needed_fraction:

            area_needed = area_tot * (needed_fraction - fraction_seen)
            if x != 0:
                result[current_fraction_index] = i + area_needed / x
            else:
                result[current_fraction_index] = i

            # Advance to the next fraction
            current_fraction_index += 1
            if current_fraction_index > len(fractions_desired) - 1:
                break
            needed_fraction = fractions_desired[current_fraction_index]

        if current_fraction_index > len(fractions_desired) - 1:
            break

        # Add this sample's area to the area seen
        fraction_seen += fraction_this_sample

    if needed_fraction == 1:
        # Sometimes floating-point errors prevent the full area
        # from being reached before the waveform ends
        result[-1] = peak['length']


@export
def compute_widths(peaks, select_peaks_indices=None):
    """Compute widths in ns at desired area fractions for peaks
    :param peaks: single strax peak(let) or other data-bearing dtype
    :param select_peaks_indices: array of integers informing which peaks to compute
        default to None in which case compute for all peaks
    """
    if not len(peaks):
        return
    if select_peaks_indices is None:
        select_peaks_indices = np.arange(len(peaks))
    if isinstance(select_peaks_indices, list):
        select_peaks_indices = np.array(select_peaks_indices, int)
    if not len(select_peaks_indices):
        return

    desired_widths = np.linspace(0, 1, len(peaks[0]['width']))
    # 0% are width is 0 by definition, and it messes up the calculation below
    desired_widths = desired_widths[1:]

    # Which area fractions do we need times for?
    desired_fr = np.concatenate([0.5 - desired_widths / 2,
                                 0.5 + desired_widths / 2])

    # We lose the 50% fraction with this operation, let's add it back
    desired_fr = np.sort(np.unique(np.append(desired_fr, [0.5])))

    fr_times = index_of_fraction(peaks[select_peaks_indices], desired_fr)
    fr_times *= peaks['dt'][select_peaks_indices].reshape(-1, 1)

    i = len(desired_fr) // 2
    peaks['width'][select_peaks_indices] = fr_times[:, i:] - fr_times[:, ::-1][:, i:]
    peaks['area_decile_from_midpoint'][select_peaks_indices] = fr_times[:, ::2] - fr_times[:, i].reshape(-1,1)


@export
@numba.njit()
def highest_density_region(data, fractions_desired, _buffer_size=10):
    """
    Computes for a given sampled distribution the highest density region
    of the desired fractions.

    Does not assume anything on the normalisation of the data.

    :param data: Sampled distribution
    :param fractions_desired: Area/probability for which the hdr should
        be computed.
    :param _buffer_size: Size of the result buffer. The size is
        equivalent to the maximal number of allowed intervals.

    :return: two arrays: The first one stores the start and inclusive
        endindex of the highest density region. The second array holds
        the amplitude for which the desired fraction was reached.

    Note:
        Also goes by the name highest posterior density. Please note,
        that the right edge corresponds to the right side of the sample.
        Hence the corresponding index is -= 1.
    """
    fi = 0  # number of fractions seen
    # Buffer for the result if we find more then _buffer_size edges the function fails.
    # User can then manually increase the buffer if needed.
    res = np.zeros((len(fractions_desired), 2, _buffer_size), dtype=np.int32)
    res_amp = np.zeros(len(fractions_desired), dtype=np.float32)

    area_tot = np.sum(data)

    # Need index sorted by amplitude
    max_to_min = np.argsort(data)[::-1]

    lowest_point = np.inf
    for j in range(1, len(data) - 1):
        # Computing fractions from max to min
        if lowest_point == data[max_to_min[j]]:
            # We saw this sample height already, so no need to repeat
            continue

        lowest_point = data[max_to_min[j]]
        d = data[max_to_min[:j]]
        f = np.sum(d - lowest_point) / area_tot

        # Check if this height step exceeded at least one of the desired
        # fractions
        m = fractions_desired[fi:] <= f
        if np.any(m):
            for fd in fractions_desired[fi:fi + np.sum(m)]:
                # Compute correct height for which we reach desired
                # fraction and store:
                g = fd / f
                h = (1 - g) * np.sum(d) / j + g * lowest_point
                res_amp[fi] = h

                # Find gaps and get edges of hdr intervals:
                ind = np.sort(max_to_min[:j])
                gaps = np.arange(1, len(ind) + 1)

                g0 = 0
                g_ind = -1
                diff = ind[1:] - ind[:-1]
                gaps = gaps[:-1][diff > 1]
                if len(gaps):
                    mes = ('Found more intervals than "_buffer_size" allows please'
                           'increase the size of the buffer.')
                    assert len(gaps) < _buffer_size, mes

                    for g_ind, g in enumerate(gaps):
                        # Loop over all gaps and get outer edges:
                        interval = ind[g0:g]
                        res[fi, 0, g_ind] = interval[0]
                        res[fi, 1, g_ind] = interval[-1] + 1
                        g0 = g

                # Now we have to do the last interval:
                interval = ind[g0:]
                res[fi, 0, g_ind + 1] = interval[0]
                res[fi, 1, g_ind + 1] = interval[-1] + 1

                fi += 1

        if fi == (len(fractions_desired)):
            return res, res_amp
    raise ValueError('Have not found all the desired fractions.'
                     ' This should not have happened.')
# ---- harness (not part of the program) ----
ENTRY = "run_peak_properties"

PEAK_DTYPE = np.dtype([
    ("time", np.int64), ("length", np.int32), ("dt", np.int16),
    ("area", np.float32), ("data", np.float32, 60),
    ("width", np.float32, 11), ("area_decile_from_midpoint", np.float32, 11)])


def run_peak_properties(peaks, hist):
    p_all = peaks.copy()
    compute_widths(p_all)
    p_sel = peaks.copy()
    compute_widths(p_sel, select_peaks_indices=[0, 2, 5])
    fr = index_of_fraction(peaks, np.array([0.1, 0.25, 0.5, 0.75, 0.9, 1.0]))
    res, res_amp = highest_density_region(hist, np.array([0.2, 0.5, 0.9]))
    return (p_all["width"], p_all["area_decile_from_midpoint"], p_sel["width"],
            p_sel["area_decile_from_midpoint"], fr, res, res_amp)


def inputs():
    rng = np.random.default_rng(0)
    peaks = np.zeros(7, dtype=PEAK_DTYPE)
    t = np.arange(60)
    for k in range(7):
        length = int(rng.integers(20, 61))
        mu = rng.uniform(5, length - 5)
        wf = np.exp(-0.5 * ((t - mu) / rng.uniform(1.5, 6.0)) ** 2) * rng.uniform(5, 50)
        wf += 0.2 * rng.exponential(1.0, 60) * (t > mu)
        wf[length:] = 0.0
        peaks[k]["time"] = 1000 * k
        peaks[k]["length"] = length
        peaks[k]["dt"] = [10, 10, 20, 10, 50, 10, 20][k]
        peaks[k]["data"] = wf.astype(np.float32)
        peaks[k]["area"] = wf.astype(np.float32).sum()
    peaks[4]["data"] = 0.0
    peaks[4]["area"] = 0.0
    x = np.linspace(-4.0, 6.0, 80)
    hist = 3.0 * np.exp(-0.5 * (x + 1.5) ** 2 / 0.5) + np.exp(-0.5 * (x - 3.0) ** 2 / 1.2)
    hist += 0.01 * np.sin(7.0 * x) ** 2
    return (peaks, hist)
