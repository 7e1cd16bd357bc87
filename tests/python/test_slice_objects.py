"""Slice objects as values, as Numba's slice type: made by slice(...) and
returned from a function (xugrid's `row_slice(A, i)`), passed from Python
(ipie's `det_sls`), held in a tuple, used as an index (reading, writing,
+=) and read as .start/.stop/.step, whose parts not given are Numba's
defaults (0 and the largest int for a positive step)."""
import numpy as np
import pytest

import weft

BIG = (1 << 63) - 1


@weft.jit
def _row_slice(indptr, row):
    start = indptr[row]
    end = indptr[row + 1]
    return slice(start, end)


@weft.jit
def _csr_dot(indptr, indices, data, x):
    out = np.zeros(len(indptr) - 1)
    for i in range(len(indptr) - 1):
        for j, v in zip(indices[_row_slice(indptr, i)],
                        data[_row_slice(indptr, i)]):
            out[i] += v * x[j]
    return out


def test_a_slice_returned_by_a_function_indexes_arrays():
    indptr = np.array([0, 2, 3, 5])
    indices = np.array([0, 2, 1, 0, 2])
    data = np.arange(1.0, 6.0)
    x = np.array([1.0, 10.0, 100.0])
    want = _csr_dot.py_func(indptr, indices, data, x)
    assert want.tolist() == [201.0, 30.0, 504.0]
    assert _csr_dot(indptr, indices, data, x).tolist() == want.tolist()
    # returned to Python: a slice
    assert _row_slice(indptr, 1) == slice(2, 3, 1)


@weft.jit
def _fill(buf, det_sls, x):
    start = det_sls.start
    buf[det_sls] += x
    return start, det_sls.stop, det_sls.step, buf[det_sls].sum()


def test_a_slice_passed_from_python():
    b = np.zeros(8)
    assert _fill(b, slice(2, 6), 1.0) == (2, 6, 1, 4.0)
    assert b.tolist() == [0, 0, 1, 1, 1, 1, 0, 0]
    # (Numba's defaults for the parts not given)
    assert _fill(b, slice(None, None, -2), 10.0) == (BIG, -BIG - 1, -2,
                                                     42.0)
    assert b.tolist() == [0, 10, 1, 11, 1, 11, 0, 10]
    assert _fill(b, slice(5, None), 100.0)[:3] == (5, BIG, 1)
    assert b.tolist() == [0, 10, 1, 11, 1, 111, 100, 110]
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        _fill(b, slice(1, 2, 0), 1.0)


@weft.jit
def _held(a, k):
    parts = (slice(1, None), slice(None, k), slice(None, None, -1))
    return a[parts[0]].sum(), a[parts[1]].sum(), a[parts[2]][0]


def test_slices_held_in_a_tuple():
    a = np.arange(6.0)
    assert _held(a, 2) == (15.0, 1.0, 5.0)
