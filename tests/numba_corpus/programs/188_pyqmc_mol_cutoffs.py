# Source: WagnerGroup/pyqmc pyqmc/gto.py
# Licence: MIT (the file header: "MIT License, Copyright (c) 2019-2024 The PyQMC Developers")
# Notes: per-atom and per-shell radial cutoffs of a molecule's Gaussian basis for quantum Monte Carlo orbital evaluation: for each atom, enumerate over a slice of the shell angular momenta, slice that shell's (exponent, coefficient) rows out of the concatenated basis array through a running split index, np.log(np.abs(...)), np.amax/np.amin of array expressions, an l == 0 branch and an l > 0 branch with a log correction, builtin max of an array element and a float written back, a default argument expcutoff=20 (passed as 15, as AtomicOrbitalEvaluator does), returns a tuple of two arrays; the module's other jitted functions (orbital, gradient and Laplacian evaluation, which need the external spherical_harmonics module through `import spherical_harmonics as hsh`), its plain-Python functions and class, and the imports only they use (scipy.special, spherical_harmonics) are left out
# MIT License
# 
# Copyright (c) 2019-2024 The PyQMC Developers
# 
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
# 
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.

# what should the structure for orbital evaluation look like?
import numpy as np
from numba import njit, jit


@njit
def mol_cutoffs(basis_ls, basis_arrays, splits, l_splits, expcutoff=20):
    """
    compute cutoffs for Gaussian exponent. not used for molecules now.
    """
    natom = len(l_splits) - 1

    split = 0
    atom_cutoff = np.zeros(natom)
    l_cutoff = np.zeros(len(basis_ls))
    for a in range(natom):
        for i, l in enumerate(basis_ls[l_splits[a]:l_splits[a+1]]):
            bas = basis_arrays[splits[split]:splits[split+1]]
            log_c = np.log(np.abs(bas[:, 1]))
            if l==0:
                l_cutoff[l_splits[a]+i] = np.amax((expcutoff + log_c) / bas[:, 0])
            else:
                r2sup = .5 * l / np.amin(bas[:, 0])
                lconst = .5 * np.log(r2sup) * l 
                l_cutoff[l_splits[a]+i] = np.amax((expcutoff + log_c + lconst) / bas[:, 0])
            atom_cutoff[a] = max(atom_cutoff[a], l_cutoff[l_splits[a]+i])
            split += 1
    return atom_cutoff, l_cutoff

# ---- harness (not part of the program) ----
ENTRY = "mol_cutoffs"


def inputs():
    # the arrays AtomicOrbitalEvaluator builds for water (O, H, H) in a
    # cc-pVDZ-like basis: per-atom shell angular momenta concatenated
    # (O: s s s p p d, H: s s p), each shell's (exponent, normalized
    # coefficient) rows stacked into one (ngaussians, 2) array, `splits` the
    # cumulative row offsets of the shells and `l_splits` the cumulative
    # shell offsets of the atoms; expcutoff=15 as AtomicOrbitalEvaluator uses
    rng = np.random.default_rng(0)
    o_shells = [
        (0, [11720.0, 1759.0, 400.8, 113.7, 37.03, 13.27, 5.025, 1.013]),
        (0, [11720.0, 1759.0, 400.8, 113.7, 37.03, 13.27, 5.025, 1.013]),
        (0, [0.3023]),
        (1, [17.7, 3.854, 1.046]),
        (1, [0.2753]),
        (2, [1.185]),
    ]
    h_shells = [
        (0, [13.01, 1.962, 0.4446]),
        (0, [0.122]),
        (1, [0.727]),
    ]
    atoms = [o_shells, h_shells, h_shells]
    basis_ls, rows, nprim, nshell = [], [], [], []
    for shells in atoms:
        nshell.append(len(shells))
        for l, exps in shells:
            basis_ls.append(l)
            exps = np.array(exps)
            coefs = rng.uniform(0.05, 1.0, exps.size) * rng.choice([-1.0, 1.0], exps.size)
            rows.append(np.stack([exps, coefs], axis=1))
            nprim.append(exps.size)
    basis_ls = np.array(basis_ls)
    basis_arrays = np.concatenate(rows, axis=0)
    splits = np.cumsum(np.concatenate([[0], nprim]))
    l_splits = np.cumsum([0] + nshell)
    return (basis_ls, basis_arrays, splits, l_splits, 15)
