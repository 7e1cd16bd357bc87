"""Results that may be None (Numba's optional types) come back to Python
as None or the number, on both call paths."""
import weft


@weft.jit
def positive_or_none(x):
    if x > 0:
        return x
    return None


@weft.jit
def index_of(a, v):
    for i in range(a.shape[0]):
        if a[i] == v:
            return i


def test_optional_result():
    assert positive_or_none(3) == 3
    assert positive_or_none(-1) is None
    assert positive_or_none(2.5) == 2.5


def test_falls_off_end_is_none():
    import numpy as np
    a = np.arange(5) * 2
    assert index_of(a, 6) == 3
    assert index_of(a, 7) is None
