"""`a is b` of two arrays is Numba's test: the same buffer, offset, shape
and strides (pynapple's `s2 = s1 if data1 is data2 else ...`). A full
slice is the same array to Numba (and so to Weft), not to Python."""
import numpy as np

import weft


@weft.jit
def identities(a, b):
    c = a
    d = a[1:]
    e = a[:]
    return a is b, a is c, a is d, a is e, a is not b, d is d


@weft.jit
def pooled_scale(data1, data2):
    s1 = np.abs(data1).max()
    s2 = s1 if data1 is data2 else np.abs(data2).max()
    return s1 + s2


def test_array_identity_as_numba():
    x = np.arange(5.0)
    assert identities(x, x) == (True, True, False, True, False, True)
    assert identities(x, x.copy()) == (False, True, False, True, True, True)
    assert identities(x, np.arange(5)) == (False, True, False, True, True,
                                           True)
    assert pooled_scale(x, x) == 8.0
    assert pooled_scale(x, x + 1) == 9.0
