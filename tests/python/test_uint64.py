"""NumPy's uint64 through the Python package: arrays in and out (written
in place), unsigned arithmetic past 2**63, Numba's unification of a
variable holding uint64 and int64 values; NumPy is the oracle."""
import numpy as np
import pytest

import weft


@weft.jit
def mix(a, salt):
    out = np.empty_like(a)
    for i in range(a.size):
        x = a[i] ^ np.uint64(salt)
        x = (x ^ (x >> 33)) * np.uint64(0xFF51AFD7ED558CCD)
        out[i] = x ^ (x >> 33)
    a[0] = out[0] % np.uint64(1000)
    return out


def mix_reference(a, salt):
    x = a ^ np.uint64(salt)
    x = (x ^ (x >> np.uint64(33))) * np.uint64(0xFF51AFD7ED558CCD)
    return x ^ (x >> np.uint64(33))


def test_uint64_arrays_in_and_out():
    a = np.array([1, 2**63 + 5, 2**64 - 1, 12345], dtype=np.uint64)
    ref = mix_reference(a, 77)
    with np.errstate(over="ignore"):
        got = mix(a, 77)
    assert got.dtype == np.uint64
    np.testing.assert_array_equal(got, ref)
    assert a[0] == ref[0] % np.uint64(1000)  # written in place


@weft.jit
def order_of(counts):
    # counters in a uint64 array; i holds int64 and uint64 values (Numba
    # makes it an int64)
    order = np.empty(counts.size, dtype=np.uint64)
    k = 0
    for i in range(counts.size - 1, -1, -1):
        if counts[i] == 0:
            order[k] = i
            k += 1
    total = 0.0
    for j in range(k):
        i = order[j]
        total += counts[i] + i
    return order[:k], total


def test_uint64_counters_and_unified_variables():
    counts = np.array([0, 3, 0, 0, 5], dtype=np.uint64)
    order, total = order_of(counts)
    np.testing.assert_array_equal(order, [3, 2, 0])
    assert total == 5.0


def test_uint64_numbers_come_back_as_python_ints():
    @weft.jit
    def largest(a):
        return a.max(), a.sum(), a[0] > a[1]

    a = np.array([2**64 - 1, 2**63 + 1, 5], dtype=np.uint64)
    for _ in range(3):  # (the first call, then the learned fast path)
        m, s, gt = largest(a)
        assert m == 2**64 - 1 and type(m) is int
        assert s == int(a.sum()) and gt is True


FNV_OFFSET = 14695981039346656037  # a Python int above 2**63: a uint64
FNV_PRIME = np.uint64(1099511628211)
TABLE = np.array([2**64 - 1, 7], dtype=np.uint64)


@weft.jit
def fnv1a(data):
    h = FNV_OFFSET
    for x in data:
        h = (h ^ np.uint64(x)) * FNV_PRIME
    return h ^ TABLE[1]


def test_uint64_module_constants():
    data = np.arange(20, dtype=np.int64)
    h = np.uint64(FNV_OFFSET)
    with np.errstate(over="ignore"):
        for x in data:
            h = (h ^ np.uint64(x)) * FNV_PRIME
    assert fnv1a(data) == int(h ^ TABLE[1])
