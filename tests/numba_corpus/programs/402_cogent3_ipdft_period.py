# Source: cogent3/cogent3 src/cogent3/maths/period_numba.py (release 2023.2.12a1)
# Licence: BSD-3-Clause (cogent3, the file's header: __license__ = "BSD-3", Copyright 2007-2019, The Cogent Project)
# Notes: the integer-period discrete Fourier transform used to detect periodicities in a DNA sequence signal (bioinformatics sequence analysis; e.g. the ~10 bp AA/TT periodicity of nucleosome-positioning sequences): ipdft_inner (@njit with an explicit complex128[:](float64[:], complex128[:], complex128[:], int64, int64) signature, cache=True) accumulates, for every integer period p up to ulim, the sum of x[n] * W[p]**n with a running complex power (w = w * W[p] after the first term) into X[p], in place and returned. Pasted: the whole module (its numba and numpy imports, metadata, goertzel_inner, ipdft_inner and autocorr_inner); the harness passes what cogent3.maths.period.Ipdft passes for a 1000-position signal: x, the 0/1 indicator of an AA/TT dinucleotide at each position of a random sequence with a 10-bp periodic AA/TT enrichment (float64), X = zeros(1000) complex, W = exp(-2j*pi/arange(1, ulim + 1)) with ulim = 400, ulim and N = 1000
import numba
import numpy

from numba import njit


__author__ = "Hua Ying, Julien Epps and Gavin Huttley"
__copyright__ = "Copyright 2007-2019, The Cogent Project"
__credits__ = ["Julien Epps", "Hua Ying", "Gavin Huttley", "Stephen Ma"]
__license__ = "BSD-3"
__version__ = "2023.2.12a1"
__maintainer__ = "Gavin Huttley"
__email__ = "Gavin.Huttley@anu.edu.au"
__status__ = "Production"

# turn off code coverage as njit-ted code not accessible to coverage


@njit(numba.float64(numba.float64[:], numba.int64, numba.int64), cache=True)
def goertzel_inner(x, N, period):  # pragma: no cover
    """returns the power from series x for period"""
    coeff = 2.0 * numpy.cos(2 * numpy.pi / period)
    s_prev = 0.0
    s_prev2 = 0.0
    for n in range(N):
        s = x[n] + coeff * s_prev - s_prev2
        s_prev2 = s_prev
        s_prev = s

    power = numpy.sqrt(s_prev2 ** 2 + s_prev ** 2 - coeff * s_prev2 * s_prev)
    return power


@njit(
    numba.complex128[:](
        numba.float64[:],
        numba.complex128[:],
        numba.complex128[:],
        numba.int64,
        numba.int64,
    ),
    cache=True,
)
def ipdft_inner(x, X, W, ulim, N):  # pragma: no cover
    for p in range(ulim):
        w = 1.0
        for n in range(N):
            if n != 0:
                w = w * W[p]
            X[p] = X[p] + x[n] * w
    return X


@njit(numba.void(numba.float64[:], numba.float64[:], numba.int64), cache=True)
def autocorr_inner(x, xc, N):  # pragma: no cover
    for m in range(-N + 1, N):
        for n in range(N):
            if 0 <= n - m < N:
                xc[m + N - 1] += x[n] * x[n - m]
# ---- harness (not part of the program) ----
ENTRY = "ipdft_inner"


def inputs():
    # a 1000-bp random sequence where AA/TT dinucleotides are favoured every
    # 10 bp, turned into the 0/1 indicator signal Ipdft transforms
    rng = numpy.random.default_rng(0)
    length, ulim = 1000, 400
    seq = rng.choice(list("ACGT"), length)
    for start in range(0, length - 1, 10):
        if rng.random() < 0.6:
            seq[start:start + 2] = list("AA" if rng.random() < 0.5 else "TT")
    x = numpy.array([1.0 if seq[i:i + 2].tolist() in (["A", "A"], ["T", "T"])
                     else 0.0 for i in range(length)])
    W = numpy.exp(-1j * 2 * numpy.pi / numpy.arange(1, ulim + 1))
    X = numpy.array([0 + 0j] * length)
    return (x, X, W, ulim, length)
