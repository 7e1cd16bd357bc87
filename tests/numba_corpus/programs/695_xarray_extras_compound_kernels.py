# Source: crusaderky/xarray_extras xarray_extras/numba_extras.py (commit 12b3df6e) and xarray_extras/kernels/cumulatives.py (commit 0dc2a3e6)
# Licence: Apache-2.0 (xarray_extras, setup.py LICENSE = 'Apache' and classifier "License :: OSI Approved :: Apache Software License"; author Guido Imperiale)
# Notes: the Numba kernels behind xarray_extras.cumulatives.compound_sum / compound_prod / compound_mean. numba_extras.guvectorize is the package's wrapper that formats a "{T}" signature template into twelve signatures (uint8 ... complex128) and calls numba.guvectorize(signatures, layout, cache=True); the three kernels are "(i),(j)->()" gufuncs that walk an intp index row (a for loop over an array, break at -1) and sum, multiply or average the selected elements of x (compound_mean uses enumerate with a for/else and divides by the count, so integer outputs are truncated). Both files are pasted as they are except that the kernels file's line `from xarray_extras.numba_extras import guvectorize` is left out, since the wrapper is defined above it in this one file. The harness follows xarray_extras/tests/test_cumulatives.py: its INPUT matrix (4 dates x 3 series) in each of the test's dtypes (int32, int64, uint64, float32, float64, complex64, complex128), the index matrices that _compound builds from T_COMPOUND_MATRIX and S_COMPOUND_MATRIX by searchsorted (-1 for NaT / ''), and the broadcasting that xarray.apply_ufunc does (core dim last, a new axis for the other operand's loop dim)
#!/usr/bin/env python
"""Extensions to numba
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numba


def guvectorize(
    signature: str, layout: str, **kwargs: Any
) -> Callable[[Callable], Any]:
    """Convenience wrapper around :func:`numba.guvectorize`.
    Generate signature for all possible data types and set a few healthy
    defaults.

    :param str signature:
        numba signature, containing {T}
    :param str layout:
        as in :func:`numba.guvectorize`
    :param kwargs:
        passed verbatim to :func:`numba.guvectorize`.
        This function changes the default for cache from False to True.

    example::

        guvectorize("{T}[:], {T}[:]", "(i)->(i)")

    Is the same as::

        numba.guvectorize([
            "float32[:], float32[:]",
            "float64[:], float64[:]",
            ...
        ], "(i)->(i)", cache=True)

    .. note::
       Discussing upstream fix; see
       `<https://github.com/numba/numba/issues/2936>`_.
    """
    DTYPES = [
        # uint needs to appear before signed int:
        # https://github.com/numba/numba/issues/2934
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "int8",
        "int16",
        "int32",
        "int64",
        "float32",
        "float64",
        "complex64",
        "complex128",
    ]
    if "{T}" in signature:
        signatures = [signature.format(T=dtype) for dtype in DTYPES]
    else:
        signatures = [signature]
    kwargs.setdefault("cache", True)
    return numba.guvectorize(signatures, layout, **kwargs)


# ---- xarray_extras/kernels/cumulatives.py ----
#!/usr/bin/env python
"""Numba kernels for :mod:`cumulatives`
"""
import numpy as np



@guvectorize("{T}[:], intp[:], {T}[:]", "(i),(j)->()")
def compound_sum(x: np.ndarray, c: np.ndarray, y: np.ndarray) -> None:
    """y = x[c[0]] + x[c[1]] + ... x[c[n]]
    until c[i] != -1
    """
    acc = 0
    for i in c:
        if i == -1:
            break
        acc += x[i]
    y[0] = acc


@guvectorize("{T}[:], intp[:], {T}[:]", "(i),(j)->()")
def compound_prod(x: np.ndarray, c: np.ndarray, y: np.ndarray) -> None:
    """y = x[c[0]] * x[c[1]] * ... x[c[n]]
    until c[i] != -1
    """
    acc = 1
    for i in c:
        if i == -1:
            break
        acc *= x[i]
    y[0] = acc


@guvectorize("{T}[:], intp[:], {T}[:]", "(i),(j)->()")
def compound_mean(x: np.ndarray, c: np.ndarray, y: np.ndarray) -> None:
    """y = mean(x[c[0]], x[c[1]], ... x[c[n]])
    until c[i] != -1
    """
    acc = 0
    j = 0  # Initialise j explicitly for when x.shape == (0, )
    for j, i in enumerate(c):
        if i == -1:
            break
        acc += x[i]
    else:
        # Reached the end of the row
        j += 1
    y[0] = acc / j


# ---- harness (not part of the program) ----
ENTRY = "xarray_extras_compound"


def xarray_extras_compound(inp, t_idx, s_idx, dtypes):
    out = []
    for dtype in dtypes:
        x = inp.astype(dtype)
        # compound along t: x with core dim t last -> (s, t); idx (t2, c)
        xt = np.ascontiguousarray(x.T)[:, None, :]
        it = t_idx[None, :, :]
        # compound along s: x (t, s); idx (s2, c)
        xs = x[:, None, :]
        is_ = s_idx[None, :, :]
        for kernel in (compound_sum, compound_prod, compound_mean):
            out.append(kernel(xt, it))
            out.append(kernel(xs, is_))
    return tuple(out)


def inputs():
    inp = np.array([[2, 20, 25], [3, 30, 35], [4, 40, 45], [5, 50, 55]])
    # T_COMPOUND_MATRIX as indices into t (NaT -> -1)
    t_idx = np.array([[0, -1, -1], [0, 2, -1], [1, 0, -1], [3, 0, 2]], dtype=np.intp)
    # S_COMPOUND_MATRIX as indices into s ('' -> -1)
    s_idx = np.array([[2, 1], [0, -1]], dtype=np.intp)
    dtypes = ("int32", "int64", "uint64", "float32", "float64", "complex64", "complex128")
    return inp, t_idx, s_idx, dtypes
