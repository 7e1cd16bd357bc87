# Source: Konjkov/pycasino casino/jastrow.py
# Licence: MIT (pycasino, LICENSE; Copyright (c) 2022 Vladimir Konkov)
# Notes: the linear-constraint matrix of a CASINO-style Jastrow f-term (electron-electron-nucleus polynomial) in quantum Monte Carlo: rows enforce the e-e and e-n no-cusp conditions and, optionally, no duplication of the u- and chi-terms; np.zeros with a shape= keyword, integer row offsets computed from the 4-D parameter array's shape, a triple loop over (n, m, l >= m) with a running column counter, conditions on two bool arguments, -= of parameter-array elements into a second vector, returns a (matrix, vector) tuple; @nb.njit(nogil=True, parallel=False, cache=True). The rest of the module (the Jastrow structref with its overload_method implementations, the other jitted cusp and window helpers) and the imports only it uses (numba.experimental.structref, numba.extending.overload_method, casino.delta, casino.abstract, casino.overload) are left out
import numba as nb
import numpy as np


@nb.njit(nogil=True, parallel=False, cache=True)
def construct_a_matrix(trunc, f_parameters, f_cutoff, spin_dep, no_dup_u_term, no_dup_chi_term):
    """A-matrix has the following rows:
    (2 * f_en_order + 1) constraints imposed to satisfy electron–electron no-cusp condition.
    (f_en_order + f_ee_order + 1) constraints imposed to satisfy electron–nucleus no-cusp condition.
    (f_ee_order + 1) constraints imposed to prevent duplication of u-term
    (f_en_order + 1) constraints imposed to prevent duplication of chi-term
    copy-paste from /CASINO/src/pjastrow.f90 SUBROUTINE construct_A
    """
    f_ee_order = f_parameters.shape[1] - 1
    f_en_order = f_parameters.shape[2] - 1
    ee_constrains = 2 * f_en_order + 1
    en_constrains = f_en_order + f_ee_order + 1
    no_dup_u_constrains = f_ee_order + 1
    no_dup_chi_constrains = f_en_order + 1

    n_constraints = ee_constrains + en_constrains
    if no_dup_u_term:
        n_constraints += no_dup_u_constrains
    if no_dup_chi_term:
        n_constraints += no_dup_chi_constrains

    parameters_size = (f_en_order + 1) * (f_en_order + 2) * (f_ee_order + 1) // 2
    a = np.zeros(shape=(n_constraints, parameters_size))
    # cutoff constraints column for projector matrix
    cutoff_constraints = np.zeros(shape=(n_constraints,))
    p = 0
    for n in range(f_ee_order + 1):
        for m in range(f_en_order + 1):
            for l in range(m, f_en_order + 1):
                if n == 1:
                    if l == m:
                        a[l + m, p] = 1
                    else:
                        a[l + m, p] = 2
                if m == 1:
                    a[l + n + ee_constrains, p] = -f_cutoff
                    cutoff_constraints[l + n + ee_constrains] -= f_parameters[spin_dep, n, m, l]
                elif m == 0:
                    a[l + n + ee_constrains, p] = trunc
                    if l == 1:
                        a[n + ee_constrains, p] = -f_cutoff
                        cutoff_constraints[n + ee_constrains] -= f_parameters[spin_dep, n, m, l]
                    elif l == 0:
                        a[n + ee_constrains, p] = trunc
                    if no_dup_u_term:
                        if l == 0:
                            a[n + ee_constrains + en_constrains, p] = 1
                        if no_dup_chi_term and n == 0:
                            a[l + ee_constrains + en_constrains + no_dup_u_constrains, p] = 1
                    else:
                        if no_dup_chi_term and n == 0:
                            a[l + ee_constrains + en_constrains, p] = 1
                p += 1
    return a, cutoff_constraints

# ---- harness (not part of the program) ----
ENTRY = "construct_a_matrix"


def inputs():
    # an f-term with expansion orders f_ee = 3 and f_en = 4 for 3 spin
    # dependencies (uu, ud, dd electron pairs around one nucleus), the
    # truncation order C = 3, a cutoff length of 4.5 bohr, constraints for
    # the ud set (index 1) with both no-duplication options on
    rng = np.random.default_rng(0)
    f_parameters = rng.normal(0.0, 0.01, (3, 4, 5, 5))
    return (3, f_parameters, 4.5, 1, True, True)
