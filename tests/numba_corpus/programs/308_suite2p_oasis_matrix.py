# Source: MouseLand/suite2p suite2p/extraction/dcnv.py (at commit 01cb6e22)
# Licence: GPL-3.0 (suite2p, setup.py classifier "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"; the file's header: Copyright © 2023 Howard Hughes Medical Institute, Authored by Carsen Stringer and Marius Pachitariu)
# Notes: OASIS spike deconvolution of calcium-imaging fluorescence traces (neuroscience): oasis_matrix (@njit with a one-element signature list "float32[:,:], float32[:,:], float32[:,:], int64[:,:], float32[:,:], float32[:,:], float32, float32", parallel=True, cache=True) runs, for each neuron in a prange loop, oasis_trace (@njit with the 1-D version of that signature, cache=True) on the rows F[n], v[n], w[n], t[n], l[n], s[n]; oasis_trace pools adjacent samples with a nested while loop (a tuple assignment of four array elements from an int and two constants, np.exp of the pool lengths, a while ... else-break merge loop moving ip back), then writes the spikes with a fancy-indexed slice assignment s[t[1:ip]] = v[1:ip] - v[:ip - 1] * np.exp(g * l[:ip - 1]); nothing is returned, the work arrays and s are written in place. Pasted: the file's header, its numpy and numba imports and the two jitted functions; left out: the plain-Python drivers oasis (batching, logging, tqdm progress), preprocess and baseline_maximin and the tqdm, scipy.ndimage, torch and package-relative logger imports only they use; the harness passes what oasis() passes for one batch: 40 neurons x 1000 frames of baseline-subtracted float32 fluorescence (Poisson spikes convolved with a 1 s exponential decay at 10 Hz plus noise), zeroed float32/int64 work arrays, tau = 1.0 and fs = 10.0 (suite2p's defaults)
"""
Copyright © 2023 Howard Hughes Medical Institute, Authored by Carsen Stringer and Marius Pachitariu.
"""
import numpy as np
from numba import njit, prange

@njit([
    "float32[:], float32[:], float32[:], int64[:], float32[:], float32[:], float32, float32"
], cache=True)
def oasis_trace(F, v, w, t, l, s, tau, fs):
    """ spike deconvolution on a single neuron """
    NT = F.shape[0]
    g = -1. / (tau * fs)

    it = 0
    ip = 0

    while it < NT:
        v[ip], w[ip], t[ip], l[ip] = F[it], 1, it, 1
        while ip > 0:
            if v[ip - 1] * np.exp(g * l[ip - 1]) > v[ip]:
                # violation of the constraint means merging pools
                f1 = np.exp(g * l[ip - 1])
                f2 = np.exp(2 * g * l[ip - 1])
                wnew = w[ip - 1] + w[ip] * f2
                v[ip - 1] = (v[ip - 1] * w[ip - 1] + v[ip] * w[ip] * f1) / wnew
                w[ip - 1] = wnew
                l[ip - 1] = l[ip - 1] + l[ip]
                ip -= 1
            else:
                break
        it += 1
        ip += 1

    s[t[1:ip]] = v[1:ip] - v[:ip - 1] * np.exp(g * l[:ip - 1])


@njit([
    "float32[:,:], float32[:,:], float32[:,:], int64[:,:], float32[:,:], float32[:,:], float32, float32"
], parallel=True, cache=True)
def oasis_matrix(F, v, w, t, l, s, tau, fs):
    """ spike deconvolution on many neurons parallelized with prange  """
    for n in prange(F.shape[0]):
        oasis_trace(F[n], v[n], w[n], t[n], l[n], s[n], tau, fs)
# ---- harness (not part of the program) ----
ENTRY = "oasis_matrix"


def inputs():
    # 40 neurons, 1000 frames at fs = 10 Hz: Poisson spike counts (rate
    # 0.5 Hz) convolved with exp(-t / tau), tau = 1 s, scaled, plus
    # Gaussian noise, then the 8th-percentile baseline removed per neuron
    # (suite2p's 'prctile' preprocessing); the zeroed work arrays of one
    # batch exactly as oasis() allocates them
    rng = np.random.default_rng(0)
    NN, NT, fs, tau = 40, 1000, 10.0, 1.0
    spikes = rng.poisson(0.5 / fs, size=(NN, NT)).astype(np.float64)
    kernel = np.exp(-np.arange(60) / (tau * fs))
    calcium = np.stack([np.convolve(sp, kernel)[:NT] for sp in spikes])
    F = 100.0 * calcium + 10.0 * rng.normal(size=(NN, NT))
    F = F - np.percentile(F, 8, axis=1)[:, None]
    f = F.astype(np.float32)
    v = np.zeros((NN, NT), dtype=np.float32)
    w = np.zeros((NN, NT), dtype=np.float32)
    t = np.zeros((NN, NT), dtype=np.int64)
    l = np.zeros((NN, NT), dtype=np.float32)
    s = np.zeros((NN, NT), dtype=np.float32)
    return (f, v, w, t, l, s, tau, fs)
