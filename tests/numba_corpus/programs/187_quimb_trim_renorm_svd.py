# Source: jcmgray/quimb quimb/tensor/decomp.py (njit from quimb/core.py)
# Licence: Apache-2.0 (quimb, LICENSE.txt; Copyright 2015-2024 Johnnie Gray)
# Notes: truncation of an SVD for tensor-network bond compression: the entry _trim_and_renorm_svd_result_numba picks the number of singular values to keep through a helper jitted eagerly for two signatures ("i4(f4[:], f4, i4)", "i4(f8[:], f8, i4)") and called from jitted code with int64 arguments, in mode 4 ('rsum2') a backwards loop over s**pow with an np.isnan guard and break, renormalises the kept values with a second eager-signature helper ((tot_keep + tot_lose) / tot_keep) ** (1 / renorm), slices U, s and VH, np.ascontiguousarray, `s **= 0.5`, absorbs sqrt(s) into both factors through jitted reshape(1, -1)/reshape(-1, 1) helpers, and returns a tuple whose middle element is None (an `absorb is None` branch returning (U, s, VH) is pruned for an int absorb). quimb/core.py's _NUMBA_CACHE switch and `njit = functools.partial(numba.njit, cache=_NUMBA_CACHE)` (with the imports they need) replace decomp.py's `from ..core import njit, generated_jit`; the other jitted helpers that need no other decorator (dag_numba, the rd/ld mul/div helpers, _svd_via_eig_truncated_numba, svdvals_eig) are kept; the functions that also need autoray's compose/register or quimb's generated_jit (sgn_numba, svd_truncated_numba, eigh, qr/lq_stabilized_numba), _cholesky_numba and all plain-Python functions and their imports (scipy, autoray, quimb.linalg) are left out
import functools
import os

import numba
import numpy as np

_NUMBA_CACHE = {
    "TRUE": True,
    "ON": True,
    "FALSE": False,
    "OFF": False,
}[os.environ.get("QUIMB_NUMBA_CACHE", "True").upper()]

njit = functools.partial(numba.njit, cache=_NUMBA_CACHE)
"""Numba no-python jit, but obeying cache setting.
"""


@njit  # pragma: no cover
def dag_numba(x):
    return np.conjugate(x.T)


@njit  # pragma: no cover
def rdmul_numba(x, d):
    return x * d.reshape(1, -1)


@njit  # pragma: no cover
def rddiv_numba(x, d):
    return x / d.reshape(1, -1)


@njit  # pragma: no cover
def ldmul_numba(d, x):
    return x * d.reshape(-1, 1)


@njit  # pragma: no cover
def lddiv_numba(d, x):
    return x / d.reshape(-1, 1)


@njit(["i4(f4[:], f4, i4)", "i4(f8[:], f8, i4)"])  # pragma: no cover
def _compute_number_svals_to_keep_numba(s, cutoff, cutoff_mode):
    """Find the number of singular values to keep of ``s`` given ``cutoff`` and
    ``cutoff_mode``.
    """
    if cutoff_mode == 1:  # 'abs'
        n_chi = np.sum(s > cutoff)

    elif cutoff_mode == 2:  # 'rel'
        n_chi = np.sum(s > cutoff * s[0])

    elif cutoff_mode in (3, 4, 5, 6):
        if cutoff_mode in (3, 4):
            pow = 2
        else:
            pow = 1

        target = cutoff
        if cutoff_mode in (4, 6):
            target *= np.sum(s**pow)

        n_chi = s.size
        ssum = 0.0
        for i in range(s.size - 1, -1, -1):
            s2 = s[i] ** pow
            if not np.isnan(s2):
                ssum += s2
            if ssum > target:
                break
            n_chi -= 1

    return max(n_chi, 1)


@njit(["f4(f4[:], i4, f4)", "f8(f8[:], i4, f8)"])  # pragma: no cover
def _compute_svals_renorm_factor_numba(s, n_chi, renorm):
    """Find the normalization constant for ``s`` such that the new sum squared
    of the ``n_chi`` largest values equals the sum squared of all the old ones.
    """
    s_tot_keep = 0.0
    s_tot_lose = 0.0
    for i in range(s.size):
        s2 = s[i] ** renorm
        if not np.isnan(s2):
            if i < n_chi:
                s_tot_keep += s2
            else:
                s_tot_lose += s2
    return ((s_tot_keep + s_tot_lose) / s_tot_keep) ** (1 / renorm)


@njit  # pragma: no cover
def _trim_and_renorm_svd_result_numba(
    U, s, VH, cutoff, cutoff_mode, max_bond, absorb, renorm
):
    """Accelerate version of ``_trim_and_renorm_svd_result``."""
    if (cutoff > 0.0) or (renorm > 0):
        n_chi = _compute_number_svals_to_keep_numba(s, cutoff, cutoff_mode)

        if max_bond > 0:
            n_chi = min(n_chi, max_bond)

        if n_chi < s.size:
            if renorm > 0:
                s = s[:n_chi] * _compute_svals_renorm_factor_numba(
                    s, n_chi, renorm
                )
            else:
                s = s[:n_chi]

            U = U[:, :n_chi]
            VH = VH[:n_chi, :]

    elif (max_bond != -1) and (max_bond < s.shape[0]):
        U = U[:, :max_bond]
        s = s[:max_bond]
        VH = VH[:max_bond, :]

    s = np.ascontiguousarray(s)

    if absorb is None:
        return U, s, VH
    elif absorb == -1:
        U = rdmul_numba(U, s)
    elif absorb == 1:
        VH = ldmul_numba(s, VH)
    else:
        s **= 0.5
        U = rdmul_numba(U, s)
        VH = ldmul_numba(s, VH)

    return U, None, VH


@njit  # pragma: no cover
def _svd_via_eig_truncated_numba(
    x, cutoff=-1.0, cutoff_mode=3, max_bond=-1, absorb=0, renorm=0
):
    """SVD-split via eigen-decomposition."""
    if x.shape[0] > x.shape[1]:
        # Get sU, V
        s2, V = np.linalg.eigh(dag_numba(x) @ x)
        U = x @ V
        VH = dag_numba(V)
        # small negative eigenvalues turn into nan when sqrtd
        s2[s2 < 0.0] = 0.0
        s = np.sqrt(s2)
        U = rddiv_numba(U, s)
    else:
        # Get U, sV
        s2, U = np.linalg.eigh(x @ dag_numba(x))
        VH = dag_numba(U) @ x
        s2[s2 < 0.0] = 0.0
        s = np.sqrt(s2)
        VH = lddiv_numba(s, VH)

    # we need singular values and vectors in descending order
    U, s, VH = U[:, ::-1], s[::-1], VH[::-1, :]

    return _trim_and_renorm_svd_result_numba(
        U, s, VH, cutoff, cutoff_mode, max_bond, absorb, renorm
    )


@njit  # pragma: no cover
def svdvals_eig(x):  # pragma: no cover
    """SVD-decomposition via eigen, but return singular values only."""
    if x.shape[0] > x.shape[1]:
        s2 = np.linalg.eigvalsh(dag_numba(x) @ x)
    else:
        s2 = np.linalg.eigvalsh(x @ dag_numba(x))

    s2[s2 < 0.0] = 0.0
    return s2[::-1] ** 0.5

# ---- harness (not part of the program) ----
ENTRY = "_trim_and_renorm_svd_result_numba"


def inputs():
    # the full SVD (from np.linalg.svd, as svd_truncated_numba computes it)
    # of a 48 x 32 matrix with decaying singular values, truncated as quimb's
    # default split does for cutoff=1e-6 relative to the total sum of
    # squares ('rsum2' = mode 4), max_bond=20, absorbing sqrt(s) into both
    # factors (absorb=0) and renormalising the Frobenius norm (renorm=2)
    rng = np.random.default_rng(0)
    m, n = 48, 32
    a = rng.standard_normal((m, 32))
    b = rng.standard_normal((32, n))
    x = (a * np.exp(-0.4 * np.arange(32))) @ b
    U, s, VH = np.linalg.svd(x, full_matrices=False)
    return (U, s, VH, 1e-6, 4, 20, 0, 2)
