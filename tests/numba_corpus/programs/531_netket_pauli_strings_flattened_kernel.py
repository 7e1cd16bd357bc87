# Source: netket/netket netket/operator/_pauli_strings/numba.py (at commit 0075f45a)
# Licence: Apache-2.0 (NetKet, LICENSE; Copyright 2021 The NetKet Authors)
# Notes: connected configurations and complex matrix elements of a Hamiltonian given as a weighted sum of Pauli strings (NetKet's numba kernel behind PauliStrings.get_conn_flattened): the strings are packed per X-flip pattern, each with several Z-check site lists, and for every configuration the kernel sums weights * (-1)**(number of Z sites in state_1), keeps the connections with |mel| > cutoff and flips the X sites by looking up local_states; Numba features: @jit(nopython=True), a keyword default pad=False, arguments x_prime and mels used only for their shape/dtype and then rebound to new arrays, np.zeros with a complex128 dtype taken from an argument, a broadcast block assignment x_prime[a:b, :] = np.copy(xb), a fancy gather xb[to_check] compared to a scalar inside np.count_nonzero, complex accumulation mel += weights[i, j] * (-1.0) ** n_z, abs() of a complex, iteration over an array slice (for site in sites[i, : ns[i]]), int() of a bool used as an index, writes into the caller's sections array and a tuple of trailing slices as the result. Pasted: the imports the kernel uses (numpy, `from numba import jit`) and PauliStrings._flattened_kernel, taken out of the class as a module-level function (the @staticmethod above @jit(nopython=True) dropped); left out: pack_internals_numba and the class (its _setup packing, get_conn_flattened and the closure builder) together with their netket imports; the harness packs, as pack_internals_numba does, the Heisenberg chain sum_i X_i X_i+1 + Y_i Y_i+1 + Z_i Z_i+1 on 6 periodic sites (per bond one X string with two Z variants, weight 1 with no Z and weight -1 with Z on both sites, plus one empty X string holding the six ZZ terms, complex weights) and calls the kernel on 10 random +-1 configurations, once with pad=False and once with pad=True, returning both results and both sections arrays
import numpy as np
from numba import jit


@jit(nopython=True)
def _flattened_kernel(
    x,
    sections,
    x_prime,
    mels,
    sites,
    ns,
    n_op,
    weights,
    nz_check,
    z_check,
    cutoff,
    max_conn,
    local_states,
    pad=False,
):
    x_prime = np.empty((x.shape[0] * max_conn, x_prime.shape[1]), dtype=x.dtype)
    mels = np.zeros((x.shape[0] * max_conn), dtype=mels.dtype)
    state_1 = local_states[-1]

    n_c = 0
    for b in range(x.shape[0]):
        xb = x[b]
        # initialize with the old state
        x_prime[b * max_conn : (b + 1) * max_conn, :] = np.copy(xb)

        for i in range(sites.shape[0]):  # iterate over the X strings
            mel = 0.0
            # iterate over the Z substrings
            for j in range(n_op[i]):
                # apply all the Z (check the qubits at all affected sites)
                if nz_check[i, j] > 0:
                    to_check = z_check[i, j, : nz_check[i, j]]
                    n_z = np.count_nonzero(xb[to_check] == state_1)
                else:
                    n_z = 0
                # multiply with -1 for every site we did Z which was state_1
                mel += weights[i, j] * (-1.0) ** n_z

            if abs(mel) > cutoff:
                x_prime[n_c] = np.copy(xb)
                # now flip all the sites in the X string
                for site in sites[i, : ns[i]]:
                    new_state_idx = int(x_prime[n_c, site] == local_states[0])
                    x_prime[n_c, site] = local_states[new_state_idx]
                mels[n_c] = mel
                n_c += 1

        if pad:
            n_c = (b + 1) * max_conn

        sections[b] = n_c
    return x_prime[:n_c], mels[:n_c]
# ---- harness (not part of the program) ----
ENTRY = "run_heisenberg"


def _pack(L):
    # the arrays pack_internals_numba builds for the periodic Heisenberg chain (X strings first, then the ZZ terms)
    n_operators = L + 1
    sites = np.zeros((n_operators, L), dtype=np.intp)
    ns = np.zeros(n_operators, dtype=np.intp)
    n_op = np.zeros(n_operators, dtype=np.intp)
    weights = np.zeros((n_operators, L), dtype=np.complex128)
    nz_check = np.zeros((n_operators, L), dtype=np.intp)
    z_check = np.zeros((n_operators, L, 2), dtype=np.intp)
    for i in range(L):
        a, b = sorted((i, (i + 1) % L))
        sites[i, :2] = (a, b)
        ns[i] = 2
        n_op[i] = 2
        weights[i, 0] = 1.0
        weights[i, 1] = -1.0
        nz_check[i, 1] = 2
        z_check[i, 1] = (a, b)
    n_op[L] = L
    for i in range(L):
        weights[L, i] = 1.0
        nz_check[L, i] = 2
        z_check[L, i] = (i, (i + 1) % L)
    return sites, ns, n_op, weights, nz_check, z_check, n_operators


def run_heisenberg(x):
    L = x.shape[1]
    sites, ns, n_op, weights, nz_check, z_check, n_operators = _pack(L)
    x_prime_max = np.empty((n_operators, L))
    mels_max = np.empty(n_operators, dtype=np.complex128)
    local_states = np.array([-1.0, 1.0])
    s1 = np.zeros(x.shape[0], dtype=np.int64)
    xp1, m1 = _flattened_kernel(x, s1, x_prime_max, mels_max, sites, ns, n_op, weights,
                                nz_check, z_check, 1e-10, n_operators, local_states)
    s2 = np.zeros(x.shape[0], dtype=np.int64)
    xp2, m2 = _flattened_kernel(x, s2, x_prime_max, mels_max, sites, ns, n_op, weights,
                                nz_check, z_check, 1e-10, n_operators, local_states, True)
    return xp1, m1, s1, xp2, m2, s2


def inputs():
    # 10 random spin configurations (+-1.0) of a 6-site chain
    rng = np.random.default_rng(0)
    return (rng.choice(np.array([-1.0, 1.0]), size=(10, 6)),)
