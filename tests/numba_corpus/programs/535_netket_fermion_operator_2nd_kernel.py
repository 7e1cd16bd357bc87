# Source: netket/netket netket/operator/_fermion2nd/numba.py (at commit 0aea5283)
# Licence: Apache-2.0 (NetKet, LICENSE; Copyright 2022 The NetKet Authors)
# Notes: connected occupation-number configurations and matrix elements of a fermionic operator in second quantization (products of creation/annihilation operators with Jordan-Wigner signs), NetKet's numba kernel behind FermionOperator2ndNumba.get_conn_flattened: the packed operator strings are cut per term with np.split(orb_idxs, term_split_idxs) (a list of arrays), diagonal terms are summed into one connection and every off-diagonal term gives its own, each single-fermion operator applied by the jitted helper _apply_operator, which returns a 3-tuple (array, complex mel, bool) unpacked with `_` and re-bound, mel *= (-1) ** np.sum(xt[:orb_idx]), _isclose/_is_empty/_flip helpers with np.abs and an int literal compared to a float site, for loops over zip() of two array slices with continue, or of bools, an optional pad=False, np.zeros with a complex dtype taken from weights.dtype, writes into the caller's sections array, and two different return shapes under `if pad:`. Pasted: numpy and numba, FermionOperator2ndNumba._flattened_kernel taken out of the class as a module-level function (the @staticmethod above @numba.jit(nopython=True) dropped), and the module's jitted helpers _isclose, _is_empty, _flip, _apply_operator; left out: the class (_setup, to_jax_operator, get_conn_flattened), the netket imports and the plain-Python _pack_internals, whose packing is done in the harness the same way (orb_idxs, daggers = not bool(dagger), complex weights, diagonal/off-diagonal term indices, cumulative split indices); the harness packs a spinless Hubbard-like chain on 6 orbitals, hopping -1.0 * (c_i^dag c_i+1 + c_i+1^dag c_i) and interaction 2.0 * n_i n_i+1, and calls the kernel on 8 random 0/1 configurations with pad=False and with pad=True
import numpy as np
import numba


@numba.jit(nopython=True)
def _flattened_kernel(  # pragma: no cover
    x,
    sections,
    max_conn,
    orb_idxs,
    daggers,
    weights,
    diag_idxs,
    off_diag_idxs,
    term_split_idxs,
    cutoff,
    pad=False,
):
    x_prime = np.empty((x.shape[0] * max_conn, x.shape[1]), dtype=x.dtype)
    mels = np.zeros((x.shape[0] * max_conn), dtype=weights.dtype)

    # do not split at the last one (gives empty array)
    term_split_idxs = term_split_idxs[:-1]
    orb_idxs_list = np.split(orb_idxs, term_split_idxs)
    daggers_list = np.split(daggers, term_split_idxs)

    # loop over the batch dimension
    n_c = 0
    for b in range(x.shape[0]):
        xb = x[b, :]

        # we can already fill up with default values
        if pad:
            x_prime[b * max_conn : (b + 1) * max_conn, :] = np.copy(xb)

        non_zero_diag = False
        # first do the diagonal terms, they all generate just 1 term
        for term_idx in diag_idxs:
            mel = weights[term_idx]
            xt = np.copy(xb)
            has_xp = True
            for orb_idx, dagger in zip(
                orb_idxs_list[term_idx], daggers_list[term_idx]
            ):
                _, mel, op_has_xp = _apply_operator(
                    xt, orb_idx, dagger, mel, cutoff
                )
                if not op_has_xp:
                    has_xp = False
                    continue
            if has_xp:
                x_prime[n_c, :] = np.copy(xb)  # should be untouched
                mels[n_c] += mel

            non_zero_diag = non_zero_diag or has_xp

        # end of the diagonal terms
        if non_zero_diag:
            n_c += 1

        # now do the off-diagonal terms
        for term_idx in off_diag_idxs:
            mel = weights[term_idx]
            xt = np.copy(xb)
            has_xp = True
            for orb_idx, dagger in zip(
                orb_idxs_list[term_idx], daggers_list[term_idx]
            ):
                xt, mel, op_has_xp = _apply_operator(
                    xt, orb_idx, dagger, mel, cutoff
                )
                if not op_has_xp:  # detect zeros
                    has_xp = False
                    continue
            if has_xp:
                x_prime[n_c, :] = np.copy(xt)  # should be different
                mels[n_c] += mel
                n_c += 1

        # end of this sample
        if pad:
            n_c = (b + 1) * max_conn

        sections[b] = n_c

    if pad:
        return x_prime, mels
    else:
        return x_prime[:n_c], mels[:n_c]


@numba.jit(nopython=True)
def _isclose(a, b, cutoff):  # pragma: no cover
    return np.abs(a - b) < cutoff


@numba.jit(nopython=True)
def _is_empty(site):  # pragma: no cover
    return _isclose(site, 0, 1e-10)


@numba.jit(nopython=True)
def _flip(site):  # pragma: no cover
    return 1 - site


@numba.jit(nopython=True)
def _apply_operator(xt, orb_idx, dagger, mel, cutoff):  # pragma: no cover
    has_xp = True
    empty_site = _is_empty(xt[orb_idx])
    if dagger:
        if not empty_site:
            has_xp = False
        else:
            mel *= (-1) ** np.sum(xt[:orb_idx])  # jordan wigner sign
            xt[orb_idx] = _flip(xt[orb_idx])
    else:
        if empty_site:
            has_xp = False
        else:
            mel *= (-1) ** np.sum(xt[:orb_idx])  # jordan wigner sign
            xt[orb_idx] = _flip(xt[orb_idx])
    if _isclose(mel, 0, cutoff):
        has_xp = False
    return xt, mel, has_xp
# ---- harness (not part of the program) ----
ENTRY = "run_chain"


def _pack(operators):
    # as _pack_internals in the same module; a term is diagonal when every orbital is created and annihilated equally often
    orb_idxs, daggers, weights, diag_idxs, off_diag_idxs, term_split_idxs = [], [], [], [], [], []
    term_counter = 0
    single_op_counter = 0
    for term, weight in operators.items():
        weights.append(weight)
        balance = {}
        for orb_idx, dagger in term:
            balance[orb_idx] = balance.get(orb_idx, 0) + (1 if dagger else -1)
        if all(v == 0 for v in balance.values()):
            diag_idxs.append(term_counter)
        else:
            off_diag_idxs.append(term_counter)
        for orb_idx, dagger in term:
            orb_idxs.append(orb_idx)
            daggers.append(not bool(dagger))
            single_op_counter += 1
        term_split_idxs.append(single_op_counter)
        term_counter += 1
    return (np.array(orb_idxs, dtype=np.intp), np.array(daggers, dtype=bool),
            np.array(weights, dtype=np.complex128), np.array(diag_idxs, dtype=np.intp),
            np.array(off_diag_idxs, dtype=np.intp), np.array(term_split_idxs, dtype=np.intp))


def run_chain(x):
    L = x.shape[1]
    operators = {}
    for i in range(L - 1):
        operators[((i, 1), (i + 1, 0))] = -1.0
        operators[((i + 1, 1), (i, 0))] = -1.0
        operators[((i, 1), (i, 0), (i + 1, 1), (i + 1, 0))] = 2.0
    packed = _pack(operators)
    max_conn = 1 + len(packed[4])
    s1 = np.zeros(x.shape[0], dtype=np.int64)
    xp1, m1 = _flattened_kernel(x, s1, max_conn, *packed, 1e-10)
    s2 = np.zeros(x.shape[0], dtype=np.int64)
    xp2, m2 = _flattened_kernel(x, s2, max_conn, *packed, 1e-10, True)
    return xp1, m1, s1, xp2, m2, s2


def inputs():
    # 8 random occupations (0.0/1.0) of 6 orbitals
    rng = np.random.default_rng(0)
    return (rng.integers(0, 2, size=(8, 6)).astype(np.float64),)
