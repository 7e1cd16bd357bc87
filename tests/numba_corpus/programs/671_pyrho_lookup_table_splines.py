# Source: popgenmethods/pyrho pyrho/utility.py (at commit 19fc5dd7), pyrho/rho_splines.py (at commit 19fc5dd7), pyrho/compute_r2.py (at commit 14a27487)
# Licence: MIT (pyrho, LICENSE.txt; Copyright 2019 Jeffrey P. Spence)
# Notes: the Numba kernels of pyrho, which infers fine-scale recombination maps from two-locus likelihood lookup tables. utility.py (pasted whole): get_table_idx (an eager 'int64(int64, int64, int64, int64, int64)' signature string, `raise ValueError` on bad counts, tuple swaps including a 4-way swap, builtin round() of a float), log_mult_coef ('float64(int64[:])', boolean-mask indexing, np.sort, np.cumsum of logs, iterating over an int array slice), the pandas-based downsample wrapper and its kernel _single_vec_downsample (np.logaddexp of table rows), and the multiprocessing InterruptablePool class. rho_splines.py (pasted whole): the plain-Python recursive gold standard _slow_sample, and _get_hap_comb (builtin min/max of 3-4 ints, np.NINF, a matrix transpose and swapped ints), _get_hap_likelihood / _get_dip_likelihood (3x3 and 4x4 np.array literals built from config entries, triple loops with data-dependent bounds, np.full of -inf, logaddexp accumulation), _get_splines_hap and _get_splines (int(np.round(np.sqrt(...))) ploidy detection, raise NotImplementedError), all with eager signature strings and cache=True, and compute_splines. compute_r2.py: _log_comb_factor (np.unique of a 2-D int array, 2 ** int, .flatten()) and _compute_statistics (a 'boolean' argument used as an int in a shape, np.array of nested tuples divided by an int, axis sums, np.prod, np.all, probs /= ..., boolean-mask row selection, transpose().dot, argsort/cumsum/searchsorted quantiles); its argparse _args/_main driver (and the `import sys` only it uses) is left out. The `from pyrho.utility import ...` lines are dropped since all names now live in one module, and the three files' `from __future__ import division` lines are merged into the first (a __future__ import must open the file). The harness builds a deterministic n = 8 haplotype lookup table over 5 recombination rates (normalised so each column is a probability distribution), downsamples it to n = 6, computes r^2 means and quantiles, and haploid (with missing alleles) and diploid spline likelihoods, checking one haploid config against the slow recursive marginalisation
"""
Numerical tools used throughout pyrho.

Functions:
    get_table_idx: Returns the lookup table index of a configuration.
    log_mult_coef: Computes the log of a multinomial coefficient.
    downsample: Computes a lookup table for a smaller sample size.
"""
from __future__ import division
import logging
import signal
from multiprocessing.pool import Pool

import numpy as np
from pandas import DataFrame
from numba import njit


def _pool_initializer():
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class InterruptablePool(Pool):
    """
    A wrapper for multiprocessing.Pool that handles keyboard interrupts.
    """

    def __init__(self, *args, **kwargs):
        kwargs['initializer'] = _pool_initializer
        super(InterruptablePool, self).__init__(*args, **kwargs)

    def map(self, func, iterable):
        try:
            return super(InterruptablePool, self).map(func, iterable)
        except KeyboardInterrupt:
            self.terminate()
            self.join()
            raise KeyboardInterrupt


@njit('int64(int64, int64, int64, int64, int64)', cache=True)
def get_table_idx(n00, n01, n10, n11, sample_size):
    """
    Returns the lookup table index for a two-locus configuration.

    Args:
        n00: Number of 00 haplotypes.
        n01: Number of 01 haplotypes.
        n10: Number of 10 haplotypes.
        n11: Number of 11 haplotypes.
        sample_size: The number of haplotypes for which the lookup table was
            computed.

    Returns:
       The index of the lookup table corresponding to the configuration. i.e.,
       lookup_table.values[get_table_idx(n00, n01, n10, n11, sample_size), :]
       will be the log-likelihood of the configuration.

    Raises:
        ValueError: Cannot obtain a table index for a negative count.
        ValueError: Cannot obtain a table index for the wrong n.
        ValueError: Cannot obtain a table index for a non-segregating allele.
    """
    if n00 < 0 or n01 < 0 or n10 < 0 or n11 < 0:
        raise ValueError('Cannot obtain a table index for a negative count.')
    if sample_size != n00 + n01 + n10 + n11:
        raise ValueError('Cannot obtain a table index for the wrong n.')
    if (
            n00 + n01 == sample_size
            or n10 + n11 == sample_size
            or n01 + n11 == sample_size
            or n10 + n00 == sample_size
    ):
        raise ValueError('Cannot obtain a table index for a non-segregating '
                         'allele.')
    if n00 < n11:
        n00, n11 = n11, n00
    if n01 < n10:
        n01, n10 = n10, n01
    if n11 + n01 > sample_size//2:
        n00, n01, n10, n11 = n01, n00, n11, n10
    i, j, k = n01+n11, n10+n11, n11
    return (j-k) + ((j-1) * j)//2 + (j-1) + round(((i-1)**3)/6 + (i-1)**2 +
                                                  5*(i-1)/6)


@njit('float64(int64[:])', cache=True)
def log_mult_coef(vector):
    """
    Computes the log of the multinomial coefficient of the integers in vector.

    Args:
        vector: An integer array.

    Returns:
        The log of the multinomial coefficient, which is the log of the
        factorial of the sum of vector divided by the product of
        the factorials of the entries of vector.

    Raises:
        ValueError: Negative value encountered in multinomial coefficient.
    """
    if vector.min() < 0:
        raise ValueError('Negative value encountered in multinomial '
                         'coefficient.')
    vector = vector[vector > 0]
    if vector.shape[0] <= 1:
        return 0.0
    vector = np.sort(vector[vector > 0])
    num = vector.sum()
    to_return = np.log(np.arange(vector[-1], num) + 1).sum()
    factorials = np.cumsum(np.log(np.arange(vector[-2]) + 1))
    for k in vector[:-1]:
        to_return = to_return - factorials[k-1]
    return to_return


def downsample(table, desired_size):
    """
    Computes a lookup table for a smaller sample size.

    Takes table and marginalizes over the last individuals to compute
    a lookup table for a sample size one smaller and repeats until reaching
    the desired_size.

    Args:
        table: A pandas.DataFrame containing a lookup table as computed by
            make_table.
        desired_size: The desired smaller sample size.

    Returns:
        A pandas.DataFrame containing a lookup table with sample size
        desired_size. The DataFrame is essentially the same as if make_table
        had been called with a smaller sample size.
    """
    first_config = table.index.values[0].split()
    curr_size = sum(map(int, first_config))
    rhos = table.columns
    curr_table = table.values
    while curr_size > desired_size:
        logging.info('Downsampling...  Currently at n = %d', curr_size)
        curr_table = _single_vec_downsample(curr_table, curr_size)
        curr_size = curr_size - 1
    halfn = curr_size // 2
    index = []
    idx = 0
    for i in range(1, halfn + 1):
        for j in range(1, i + 1):
            for k in range(j, -1, -1):
                n11 = k
                n10 = j - k
                n01 = i - k
                n00 = curr_size - i - j + k
                index += ['{} {} {} {}'.format(n00, n01, n10, n11)]
                idx += 1
    table = DataFrame(curr_table, index=index, columns=rhos)
    return table


@njit('float64[:, :](float64[:, :], int64)', cache=True)
def _single_vec_downsample(old_vec, sample_size):
    halfn = (sample_size - 1) // 2
    new_conf_num = (1 + halfn + halfn*(halfn - 1)*(halfn + 4)//6
                    + (halfn - 1)*(halfn + 2)//2)
    to_return = np.zeros((new_conf_num, old_vec.shape[1]))
    idx = 0
    for i in range(1, halfn+1):
        for j in range(1, i+1):
            for k in range(j, -1, -1):
                n11 = k
                n10 = j - k
                n01 = i - k
                n00 = sample_size - 1 - i - j + k
                add00 = get_table_idx(n00+1, n01, n10, n11, sample_size)
                add01 = get_table_idx(n00, n01+1, n10, n11, sample_size)
                add10 = get_table_idx(n00, n01, n10+1, n11, sample_size)
                add11 = get_table_idx(n00, n01, n10, n11+1, sample_size)
                to_return[idx, :] = np.logaddexp(old_vec[add00, :],
                                                 old_vec[add01, :])
                to_return[idx, :] = np.logaddexp(to_return[idx, :],
                                                 old_vec[add10, :])
                to_return[idx, :] = np.logaddexp(to_return[idx, :],
                                                 old_vec[add11, :])
                idx += 1
    return to_return


# ---- pyrho/rho_splines.py ----
"""
Tools to tailor a lookup table to a particular dataset.

Functions:
    compute_splines: Computes the likelihood for a set of configs from a
        precomputed lookup table.
"""
# from __future__ import division   (merged into the first module's line)

import numpy as np
from numba import njit

# from pyrho.utility import get_table_idx, log_mult_coef   (pasted above)


def _slow_sample(table, config, sample_size):
    '''
    Gold standard for computing haplotype likelihoods.

    Explicitly marginalizes over each missing individual in turn.
    As a result, the runtime is exponential in the number of missing
    individuals. Should only be used for testing.
    Args:
        table: A matrix containing haplotype likelihoods.
        config: An integer array specifying the desired config.
        sample_size: The sample size for whcih table was computed.
    Returns:
        The log-likelihood of observing config evaluated at each value
        of rho in table.
    '''
    hconf = np.array([[config[0], config[1], config[2]],
                      [config[3], config[4], config[5]],
                      [config[6], config[7], 0]])
    to_return = np.full(table.shape[1], np.NINF)
    free = sample_size - config.sum()
    if free > 0:
        for missing_left in range(2):
            for missing_right in range(2):
                to_add = np.zeros_like(config)
                to_add[missing_left * 3 + missing_right] = 1
                to_return = np.logaddexp(
                    to_return, _slow_sample(table,
                                            config + to_add,
                                            sample_size)
                )
        return to_return
    if hconf[0, -1] > 0:
        to_add0 = np.zeros_like(config)
        to_add0[2] = -1
        to_add0[0] = 1
        to_add1 = np.zeros_like(config)
        to_add1[2] = -1
        to_add1[1] = 1
    elif hconf[1, -1] > 0:
        to_add0 = np.zeros_like(config)
        to_add0[5] = -1
        to_add0[3] = 1
        to_add1 = np.zeros_like(config)
        to_add1[5] = -1
        to_add1[4] = 1
    elif hconf[-1, 0] > 0:
        to_add0 = np.zeros_like(config)
        to_add0[6] = -1
        to_add0[0] = 1
        to_add1 = np.zeros_like(config)
        to_add1[6] = -1
        to_add1[3] = 1
    elif hconf[-1, 1] > 0:
        to_add0 = np.zeros_like(config)
        to_add0[7] = -1
        to_add0[1] = 1
        to_add1 = np.zeros_like(config)
        to_add1[7] = -1
        to_add1[4] = 1
    else:
        this_idx = get_table_idx(hconf[0, 0], hconf[0, 1],
                                 hconf[1, 0], hconf[1, 1],
                                 sample_size)
        return table[this_idx, :]
    return np.logaddexp(
            _slow_sample(table, config + to_add0, sample_size),
            _slow_sample(table, config + to_add1, sample_size)
    )


@njit('float64(int64[:, :], int64, int64, int64, int64)', cache=True)
def _get_hap_comb(hconf, to_add00, to_add01, to_add10, to_add11):
    runtime = ((1 + min(to_add10, to_add00, hconf[-1, 0],
                        to_add00 + to_add10 - hconf[-1, 0]))
               * (1 + min(to_add01, to_add11, hconf[-1, 1],
                          to_add01 + to_add11 - hconf[-1, 1])))
    transpose_runtime = (
        (1 + min(to_add01, to_add00, hconf[0, -1],
                 to_add00 + to_add01 - hconf[0, -1]))
        * (1 + min(to_add10, to_add11, hconf[1, -1],
                   to_add10 + to_add11 - hconf[1, -1]))
    )
    if runtime > transpose_runtime:
        hconf = hconf.transpose()
        to_add01, to_add10 = to_add10, to_add01
    to_return = np.NINF
    imin = max(0, hconf[-1, 0] - to_add00)
    imax = min(to_add10, hconf[-1, 0])
    for i in range(imin, imax + 1):
        i_coef = np.NINF
        i_comb = log_mult_coef(np.array([i, hconf[-1, 0] - i]))
        jmin = max(0, hconf[-1, 1] - to_add11,
                   i + hconf[-1, 1] + hconf[1, -1] - to_add11 - to_add10)
        jmax = min(to_add00 + to_add01 + i - hconf[-1, 0] - hconf[0, -1],
                   to_add01, hconf[-1, 1])
        for j in range(jmin, jmax + 1):
            this_coef = log_mult_coef(
                np.array([to_add00 - hconf[-1, 0] + i, to_add01 - j])
            )
            this_coef += log_mult_coef(
                np.array([to_add11 - hconf[-1, 1] + j, to_add10 - i])
            )
            this_coef += log_mult_coef(np.array([
                to_add00 + to_add01 + i - j - hconf[-1, 0] - hconf[0, -1],
                to_add11 + to_add10 + j - i - hconf[-1, 1] - hconf[1, -1]])
            )
            this_coef += log_mult_coef(np.array([j, hconf[-1, 1] - j]))
            i_coef = np.logaddexp(i_coef, this_coef)
        to_return = np.logaddexp(to_return, i_coef + i_comb)
    return to_return


@njit('float64[:](float64[:, :], int64[:], int64)', cache=True)
def _get_hap_likelihood(table, config, sample_size):
    hconf = np.array([[config[0], config[1], config[2]],
                      [config[3], config[4], config[5]],
                      [config[6], config[7], 0]])
    to_return = np.full(table.shape[1], np.NINF)
    full = hconf[0:2, 0:2].sum()
    free = sample_size - full - hconf[-1, :].sum() - hconf[:, -1].sum()
    for to_add00 in range(free + hconf[0, -1] + hconf[-1, 0] + 1):
        a01_min = max(hconf[0, -1] - to_add00, 0)
        a01_max = min(free + hconf[0, -1] + hconf[-1, 1],
                      sample_size - full - to_add00 - hconf[1, -1])
        for to_add01 in range(a01_min, a01_max + 1):
            a10_min = max(hconf[-1, 0] - to_add00,
                          hconf[-1, 0] + hconf[0, -1] - to_add00 - to_add01,
                          0)
            a10_max = min(free + hconf[-1, 0] + hconf[1, -1],
                          sample_size - full - to_add00 - hconf[-1, 1],
                          sample_size - full - to_add00 - to_add01)
            for to_add10 in range(a10_min, a10_max + 1):
                to_add11 = sample_size - full - to_add00 - to_add01 - to_add10
                log_comb = _get_hap_comb(hconf, to_add00, to_add01, to_add10,
                                         to_add11)
                this_idx = get_table_idx(hconf[0, 0] + to_add00,
                                         hconf[0, 1] + to_add01,
                                         hconf[1, 0] + to_add10,
                                         hconf[1, 1] + to_add11,
                                         sample_size)
                this_ll = table[this_idx, :] + log_comb
                to_return = np.logaddexp(to_return, this_ll)
    return to_return


@njit('float64[:, :](float64[:, :], int64[:, :], int64)', cache=True)
def _get_splines_hap(table, configs, sample_size):
    to_return = np.zeros((configs.shape[0], table.shape[1]))
    for i in range(configs.shape[0]):
        to_return[i, :] = _get_hap_likelihood(table, configs[i, :],
                                              sample_size)
    return to_return


@njit('float64[:](float64[:, :], int64[:], int64)', cache=True)
def _get_dip_likelihood(table, config, sample_size):
    gconf = np.array([[config[0], config[1], config[2], config[3]],
                      [config[4], config[5], config[6], config[7]],
                      [config[8], config[9], config[10], config[11]],
                      [config[12], config[13], config[14], 0]])
    to_return = np.full(table.shape[1], np.NINF)
    for k in range(gconf[1, 1] + 1):
        k_inv = gconf[1, 1] - k
        hap_conf = np.array([2*gconf[0, 0] + gconf[0, 1] + gconf[1, 0] + k,
                             2*gconf[0, 2] + gconf[0, 1] + gconf[1, 2] + k_inv,
                             2*gconf[0, -1] + gconf[1, -1],
                             2*gconf[2, 0] + gconf[2, 1] + gconf[1, 0] + k_inv,
                             2*gconf[2, 2] + gconf[2, 1] + gconf[1, 2] + k,
                             2*gconf[2, -1] + gconf[1, -1],
                             2*gconf[-1, 0] + gconf[-1, 1],
                             2*gconf[-1, 2] + gconf[-1, 1]])
        comb = log_mult_coef(np.array([k, k_inv]))
        this_ll = _get_hap_likelihood(table, hap_conf, sample_size) + comb
        to_return = np.logaddexp(to_return, this_ll)
    swaps = gconf[1, :].sum() + gconf[:, 1].sum() - gconf[1, 1]
    return swaps*np.log(2) + to_return


@njit('float64[:, :](float64[:, :], int64[:, :], int64)', cache=True)
def _get_splines(table, configs, sample_size):
    ploidy = int(np.round(np.sqrt(configs.shape[1] + 1))) - 2
    if ploidy != 1 and ploidy != 2:
        raise NotImplementedError('Ploidies other than 1 and 2 '
                                  'are not implemented.')
    to_return = np.zeros((configs.shape[0], table.shape[1]))
    for i in range(configs.shape[0]):
        if ploidy == 1:
            to_return[i, :] = _get_hap_likelihood(table, configs[i, :],
                                                  sample_size)
        if ploidy == 2:
            to_return[i, :] = _get_dip_likelihood(table, configs[i, :],
                                                  sample_size)
    return to_return


def compute_splines(configs, lookup_table):
    """
    Computes the log-likelihoods for a set of configs

    Args:
        configs: A num_configs by config_dim int array containing two-locus
            configurations. Haplotype configuations are encoded as
            (n_00, n_01, n_0*, n_10, n_11, n_1*, n_*0, n_*1), where n_ij is the
            number of haplotypes that have allele i at the first locus and
            allele j at the second locus.  * indicates missingness. Genotypes
            are encoded as (n_00, n_01, n_02, n_0*, n_10, n_11, n_12, n_1*,
            n_20, n_21, n_22, n_2*, n_*0, n_*1, n_*2).
        lookup_table: A pandas.DataFrame object containin a lookup table as
            computed by make_table.

    Returns:
        A tuple (rho_values, rho_grid) as follows.
        rho_values: A num_configs by num_rhos numpy array containing the
            log-likelihood of each config at each recombination rate.
        rho_grid: A num_rhos length numpy array containing the recombination
            rates at which rho_values have been computed.

    Raises:
        ArithmeticError: Error in computing splines.
    """
    max_size = sum(map(int, lookup_table.index.values[0].split()))
    rho_grid = np.array(lookup_table.columns)
    table = lookup_table.values
    rho_values = _get_splines(table, configs, max_size)
    if np.any(np.isnan(rho_values)):
        raise ArithmeticError('Error in computing splines.')
    return rho_values, rho_grid


# ---- pyrho/compute_r2.py (without the command-line driver) ----
"""
Computes theoretical quantiles or mean of the distribution of  r^2.

Run on the command line with pyrho compute_r2 -h or --help to see
a list of options and their description.
"""
# from __future__ import division   (merged into the first module's line)

import numpy as np
from pandas import read_hdf, DataFrame
from numba import njit

# from pyrho.utility import log_mult_coef, downsample   (pasted above)


@njit('float64(int64[:, :])', cache=True)
def _log_comb_factor(config):
    num_unique = np.unique(config).shape[0]
    swaps = 2 ** (num_unique - 1)
    if num_unique == 2:
        if config[0, 0] != config[1, 1] or config[0, 1] != config[1, 0]:
            swaps *= 2
    log_mult = log_mult_coef(config.flatten())
    return log_mult + np.log(swaps)


@njit('float64[:, :](float64[:], boolean, float64, int64, float64[:, :])',
      cache=True)
def _compute_statistics(quantiles, compute_mean, maf, sample_size, table):
    probs = np.zeros(table.shape)
    r_sq = np.zeros(table.shape[0])
    idx = 0
    for i in range(1, sample_size//2 + 1):
        for j in range(1, i + 1):
            for k in range(j, -1, -1):
                config = np.array(((sample_size - i - j + k, i - k),
                                   (j - k, k)))
                freqs = config / sample_size
                rho_probs = np.exp(table[idx, :] + _log_comb_factor(config))
                probs[idx, :] = rho_probs
                l_freqs = freqs.sum(axis=1)
                r_freqs = freqs.sum(axis=0)
                if np.all(l_freqs > maf) and np.all(r_freqs > maf):
                    r_sq[idx] = ((freqs[1, 1] - l_freqs[1]*r_freqs[1]) ** 2
                                 / np.prod(l_freqs) / np.prod(r_freqs))
                else:
                    r_sq[idx] = -1
                idx += 1
    if not np.all(probs.sum(axis=0) < 1.0 + 1e-10):
        raise ValueError('Probabilities sum to greater than 1.0')
    r_sq = r_sq[r_sq > -1]
    probs = probs[r_sq > -1, :]
    probs /= probs.sum(axis=0)
    statistics = np.zeros((table.shape[1], compute_mean + len(quantiles)))
    if compute_mean:
        statistics[:, 0] = probs.transpose().dot(r_sq)
    if quantiles is not None:
        sort_args = np.argsort(r_sq)
        r_sq = r_sq[sort_args]
        for rho in range(table.shape[1]):
            cdf = np.cumsum(probs[:, rho][sort_args])
            these_quantiles = r_sq[np.searchsorted(cdf, quantiles)]
            statistics[rho, compute_mean:] = these_quantiles
    return statistics


# ---- harness (not part of the program) ----
import math

ENTRY = "pyrho_tables"


def _configs(n):
    out = []
    for i in range(1, n // 2 + 1):
        for j in range(1, i + 1):
            for k in range(j, -1, -1):
                out.append((n - i - j + k, i - k, j - k, k))
    return out


def _py_log_comb(c):
    n00, n01, n10, n11 = c
    nz = [v for v in c if v > 0]
    lm = math.lgamma(sum(c) + 1) - sum(math.lgamma(v + 1) for v in nz)
    nu = len(set(c))
    swaps = 2 ** (nu - 1)
    if nu == 2 and (n00 != n11 or n01 != n10):
        swaps *= 2
    return lm + math.log(swaps)


def pyrho_tables(weights, rhos):
    n = 8
    confs = _configs(n)
    w = weights / weights.sum(axis=0) * 0.999
    logcomb = np.array([_py_log_comb(c) for c in confs])
    table = np.log(w) - logcomb[:, None]
    index = ['{} {} {} {}'.format(*c) for c in confs]
    lookup = DataFrame(table, index=index, columns=rhos)
    res = {}
    res["idx"] = np.array([get_table_idx(*c, n) for c in confs])
    try:
        get_table_idx(8, 0, 0, 0, 8)
        res["idx_err"] = "no error"
    except ValueError as e:
        res["idx_err"] = str(e)
    res["log_mult"] = np.array([log_mult_coef(np.array(v, dtype=np.int64)) for v in
                                ([3, 2, 1], [5], [0, 4, 0, 2], [1, 1, 1, 1, 1], [7, 0, 1])])
    small = downsample(lookup, 6)
    res["downsampled"] = (small.values, list(small.index))
    res["r2_stats"] = _compute_statistics(np.array([0.1, 0.5, 0.9]), True, 0.0, n, table)
    res["r2_stats_maf"] = _compute_statistics(np.array([0.25, 0.75]), False, 0.15, n, table)
    res["log_comb"] = np.array([_log_comb_factor(np.array([[c[0], c[1]], [c[2], c[3]]], dtype=np.int64)) for c in confs])
    hap = np.array([[3, 1, 0, 1, 3, 0, 0, 0],
                    [2, 1, 1, 1, 2, 0, 1, 0],
                    [1, 2, 0, 1, 1, 1, 1, 1],
                    [2, 0, 1, 0, 2, 1, 0, 0]], dtype=np.int64)
    res["hap_splines"] = compute_splines(hap, lookup)
    res["hap_splines_direct"] = _get_splines_hap(table, hap, n)
    res["slow_sample"] = _slow_sample(table, hap[1], n)
    dip = np.array([[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0],
                    [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]], dtype=np.int64)
    res["dip_splines"] = compute_splines(dip, lookup)
    return res


def inputs():
    n_conf = 30
    rhos = np.array([0.0, 0.5, 2.0, 10.0, 50.0])
    r = np.arange(n_conf)[:, None]
    c = np.arange(5)[None, :]
    weights = np.exp(-0.1 * r * (1.0 + np.cos(0.7 * r + c))) + 0.05 * (c + 1)
    return (weights, rhos)
