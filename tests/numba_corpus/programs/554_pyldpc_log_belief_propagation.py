# Source: hichamjanati/pyldpc pyldpc/decoder.py (at commit 9a86315e)
# Licence: BSD-3-Clause (pyldpc, LICENSE; Copyright (c) 2019, Hicham Janati)
# Notes: one iteration of log-domain belief-propagation (sum-product) decoding of LDPC codes for a batch of received BPSK words over an AWGN channel (error-correcting codes / communications): the horizontal step multiplies tanh(L/2) of the other bits of each parity check (tanh of whole message vectors, X *= ..., np.log of ratios with explicit zero guards), the vertical step sums the check-to-bit messages of the other checks into Lq, and the a-posteriori LLRs are Lc[j] + Lr[mj, j].sum(axis=0) with an integer-array fancy index; Numba features: @njit with an explicit signature given as a types.Tuple((float64[:, :, :], float64[:, :, :], float64[:, :])) return type built at module level from numba's type objects (int64[:, :], float64[:, :, :], int64) and cache=True, iteration over the rows of 2-D int arrays (for j in ni), row slices nij = ni[:], 3-D array row assignment Lq[i, j] = Lc[j] (a vector into a 2-D slot), and a tuple of the (in-place updated) argument arrays as the result. Pasted: the module's numba imports, output_type_log2 and _logbp_numba as published; left out: the plain-Python decode (whose loop the harness reproduces: it stops when H x = 0 mod 2), get_message and the utils import (bitsandnodes, incode and binaryproduct use scipy.sparse); the harness builds a regular (d_v = 3, d_c = 4) Gallager parity-check matrix for n = 24 bits (18 checks) with a fixed column permutation, its bits/nodes index arrays (np.where per row/column as pyldpc's bitsandnodes does), and decodes 6 noisy all-zero codewords at SNR 1 dB for up to 12 iterations, returning the decoded words, the final LLRs, the message arrays and the iteration count
import numpy as np

from numba import njit, int64, types, float64


output_type_log2 = types.Tuple((float64[:, :, :], float64[:, :, :],
                               float64[:, :]))


@njit(output_type_log2(int64[:, :], int64[:, :], float64[:, :],
                       float64[:, :, :],  float64[:, :, :], int64), cache=True)
def _logbp_numba(bits, nodes, Lc, Lq, Lr, n_iter):
    """Perform inner ext LogBP solver."""
    m, n, n_messages = Lr.shape
    # step 1 : Horizontal
    for i in range(m):
        ni = bits[i]
        for j in ni:
            nij = ni[:]

            X = np.ones(n_messages)
            if n_iter == 0:
                for kk in range(len(nij)):
                    if nij[kk] != j:
                        X *= np.tanh(0.5 * Lc[nij[kk]])
            else:
                for kk in range(len(nij)):
                    if nij[kk] != j:
                        X *= np.tanh(0.5 * Lq[i, nij[kk]])
            num = 1 + X
            denom = 1 - X
            for ll in range(n_messages):
                if num[ll] == 0:
                    Lr[i, j, ll] = -1
                elif denom[ll] == 0:
                    Lr[i, j, ll] = 1
                else:
                    Lr[i, j, ll] = np.log(num[ll] / denom[ll])

    # step 2 : Vertical
    for j in range(n):
        mj = nodes[j]

        for i in mj:
            mji = mj[:]
            Lq[i, j] = Lc[j]

            for kk in range(len(mji)):
                if mji[kk] != i:
                    Lq[i, j] += Lr[mji[kk], j]

    # LLR a posteriori:
    L_posteriori = np.zeros((n, n_messages))
    for j in range(n):
        mj = nodes[j]

        L_posteriori[j] = Lc[j] + Lr[mj, j].sum(axis=0)

    return Lq, Lr, L_posteriori
# ---- harness (not part of the program) ----
ENTRY = "decode_batch"


def decode_batch(H, bits, nodes, y, snr, maxiter):
    # pyldpc.decode, without scipy: log-BP iterations until H x = 0 (mod 2)
    m, n = H.shape
    var = 10 ** (-snr / 10)
    Lc = 2 * y / var
    n_messages = y.shape[1]
    Lq = np.zeros(shape=(m, n, n_messages))
    Lr = np.zeros(shape=(m, n, n_messages))
    for n_iter in range(maxiter):
        Lq, Lr, L_posteriori = _logbp_numba(bits, nodes, Lc, Lq, Lr, n_iter)
        x = np.array(L_posteriori <= 0).astype(np.int64)
        if ((H @ x) % 2 == 0).all():
            break
    return x, L_posteriori, Lq, Lr, n_iter


def inputs():
    rng = np.random.default_rng(0)
    n, d_v, d_c = 24, 3, 4
    m = n * d_v // d_c
    block = np.zeros((n // d_c, n), dtype=np.int64)
    for i in range(n // d_c):
        block[i, i * d_c:(i + 1) * d_c] = 1
    H = np.vstack([block] + [block[:, rng.permutation(n)] for _ in range(d_v - 1)])
    bits = np.array([np.where(H[i])[0] for i in range(m)], dtype=np.int64)
    nodes = np.array([np.where(H[:, j])[0] for j in range(n)], dtype=np.int64)
    snr = 1.0
    sigma = 10 ** (-snr / 20)
    y = 1.0 + sigma * rng.standard_normal((n, 6))
    return (H, bits, nodes, y, snr, 12)
