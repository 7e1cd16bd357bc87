"""Where Numba casts implicitly and Python would raise, Weft casts as
Numba does: range() of floats (sigpy's gridding loops over np.ceil and
np.floor bounds) truncates them toward zero."""
import numpy as np

import weft


@weft.jit
def window_sum(a, kx, width):
    x0 = np.ceil(kx - width / 2)
    x1 = np.floor(kx + width / 2)
    s = 0.0
    for x in range(x0, x1 + 1):
        s += a[x % a.size] + x
    t = 0
    for y in range(-2.7, 3.9, 1.5):
        t += y
    return s, t, [i for i in range(2.5)], len(range(0.0, 7.9))


def test_range_of_floats_truncates():
    # Numba 0.56's values: x runs 2..5 (a[x] + x), y runs -2, -1, ..., 2
    assert window_sum(np.arange(10.0), 3.3, 4.0) == (28.0, 0, [0, 1], 7)
