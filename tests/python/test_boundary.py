"""The Python boundary's memory rules: read-only arrays are never written,
returned views keep their argument alive, integers that do not fit raise
OverflowError, and overlapping arguments give NumPy's result."""
import gc
import weakref

import numpy as np
import pytest

import weft
from weft import f64  # noqa: F401 (used in annotations)

SOURCE = """
def scale(a, k):
    a[:] = a * k

def total(a):
    return sum(a)

def write_through_view(a):
    v = a[1:]
    w = v.T
    w[0] = 7.0

def store_first(b, x):
    b[0] = x

def write_through_callee(a):
    store_first(a, 5.0)

def add_in_place(a):
    a += 1.0

def copy_into(dst, src):
    dst[:] = src

def shift_add(out, inp):
    out[:] = inp + 1.0

def fresh_then_write(a):
    b = a * 2.0
    b[0] = 1.0
    return sum(b)

def copy_and_return_source(dst, src):
    dst[:] = src
    return src

def tail(x):
    return x[1:]

def transposed(x):
    return x.T

def same(x):
    return x

def same64(n: i64) -> i64:
    return n

def same32(n: i32) -> i64:
    return n

def twice(n):
    return n * 2
"""


@pytest.fixture(scope="module")
def m():
    return weft.compile(SOURCE, "boundary.weft")


def read_only(a):
    a.flags.writeable = False
    return a


# ------------------------------------------------------------ read-only

def test_read_only_array_is_not_written(m):
    a = read_only(np.arange(5.0))
    with pytest.raises(ValueError, match=r"argument 1 \('a'\) of 'scale' is "
                       r"read-only; 'scale' writes into it"):
        m.scale(a, 2.0)
    assert np.array_equal(a, np.arange(5.0))
    assert m.total(a) == 10.0              # reading is fine


@pytest.mark.parametrize("make", [
    lambda: np.frombuffer(bytes(range(40)), dtype=np.float64),
    lambda: np.broadcast_to(np.ones(1), (5,)),
    lambda: read_only(np.zeros(0)),
    lambda: read_only(np.arange(12.0).reshape(3, 4))[:, 1],
], ids=["frombuffer-bytes", "broadcast_to", "zero-size", "column-view"])
def test_read_only_kinds(m, make):
    a = make()
    before = a.copy()
    with pytest.raises(ValueError, match="is read-only"):
        m.scale(a, 3.0)
    assert np.array_equal(a, before)


def test_read_only_memmap(m, tmp_path):
    path = tmp_path / "data.bin"
    np.arange(6.0).tofile(path)
    mm = np.memmap(path, dtype=np.float64, mode="r")
    with pytest.raises(ValueError, match="is read-only"):
        m.scale(mm, 0.0)
    assert m.total(mm) == 15.0
    del mm
    assert np.array_equal(np.fromfile(path), np.arange(6.0))


def test_writes_through_views_aliases_and_callees_count(m):
    for f in (m.write_through_view, m.write_through_callee, m.add_in_place):
        a = read_only(np.arange(4.0))
        with pytest.raises(ValueError, match="is read-only"):
            f(a)
        assert np.array_equal(a, np.arange(4.0))
    w = np.arange(4.0)
    m.write_through_view(w)
    m.write_through_callee(w)
    assert np.array_equal(w, [5.0, 7.0, 2.0, 3.0])


def test_read_only_arguments_that_are_only_read(m):
    src = read_only(np.arange(4.0))
    dst = np.zeros(4)
    m.copy_into(dst, src)
    assert np.array_equal(dst, np.arange(4.0))
    assert m.fresh_then_write(src) == 1.0 + 2.0 * (1 + 2 + 3)
    with pytest.raises(ValueError, match=r"argument 1 \('dst'\) of "
                       r"'copy_into' is read-only"):
        m.copy_into(src, dst)


@weft.jit
def bump(a: f64[:]):
    a[0] += 1.0


def test_read_only_with_the_decorator():
    a = read_only(np.zeros(3))
    with pytest.raises(ValueError, match="is read-only"):
        bump(a)
    assert a[0] == 0.0
    b = np.zeros(3)
    bump(b)
    assert b[0] == 1.0


# ------------------------------------------------------ returned views

@pytest.mark.parametrize("name,want", [
    ("tail", lambda s: s[1:]),
    ("transposed", lambda s: s.T),
    ("same", lambda s: s),
])
def test_returned_view_keeps_argument_alive(m, name, want):
    src = np.arange(200000.0).reshape(400, 500)   # its own mapping
    expected = want(src).copy()
    alive = weakref.ref(src)
    r = getattr(m, name)(src)
    del src
    gc.collect()
    assert alive() is not None                     # r's base chain holds it
    junk = [np.full((400, 500), -1.0) for _ in range(4)]
    assert np.array_equal(r, expected)
    del junk
    base, chain = r, []
    while base is not None:
        chain.append(base)
        base = getattr(base, "base", None)
    assert any(b is alive() for b in chain)
    del r, chain, base
    gc.collect()
    assert alive() is None                         # and then lets it go


def test_returned_view_of_a_view_and_read_only_stays_read_only(m):
    big = np.arange(10.0)
    r = m.tail(big[2:8])
    assert np.array_equal(r, [3.0, 4.0, 5.0, 6.0, 7.0])
    r[0] = -1.0                                    # a view: writes through
    assert big[3] == -1.0
    ro = read_only(np.arange(5.0))
    s = m.tail(ro)
    assert not s.flags.writeable
    assert np.array_equal(s, [1.0, 2.0, 3.0, 4.0])


def test_fresh_results_are_unchanged(m):
    r = m.tail(m.same(np.arange(4.0) * 1.0))
    assert np.array_equal(r, [1.0, 2.0, 3.0])
    assert r.flags.writeable


# ------------------------------------------------------------ integers

def test_ints_outside_int64_raise_overflow(m):
    assert m.same64(2**63 - 1) == 2**63 - 1
    assert m.same64(-2**63) == -2**63
    for bad in (-2**63 - 1, 2**64, 10**30):
        with pytest.raises(OverflowError, match="int64"):
            m.same64(bad)
    # (a uint64, as Numba types them, too large for the i64 parameter)
    for bad in (2**63, np.uint64(2**64 - 1)):
        with pytest.raises(OverflowError, match="outside i64's range"):
            m.same64(bad)
    with pytest.raises(OverflowError):
        m.twice(2**70)
    assert m.twice(2**61) == 2**62
    assert m.same64(np.int32(-7)) == -7


def test_ints_outside_int32_raise_overflow_for_i32_parameters(m):
    assert m.same32(2**31 - 1) == 2**31 - 1
    assert m.same32(-2**31) == -2**31
    for bad in (2**31, -2**31 - 1, 2**40):
        with pytest.raises(OverflowError, match=r"argument 1 \('n'\) of "
                           r"'same32' .*i32"):
            m.same32(bad)


# ------------------------------------------------------------- overlap

def test_overlapping_arguments_follow_numpys_rule(m):
    a = np.arange(8.0) ** 2
    want = a.copy()
    want[1:] = want[:-1] + 1.0
    m.shift_add(a[1:], a[:-1])
    assert np.array_equal(a, want)

    b = np.arange(8.0) ** 2
    want = b.copy()
    want[:-1] = want[1:] + 1.0
    m.shift_add(b[:-1], b[1:])
    assert np.array_equal(b, want)

    c = np.arange(9.0)
    want = c.copy()
    want[::-1] = want
    m.copy_into(c[::-1], c)
    assert np.array_equal(c, want)

    p = np.arange(16.0).reshape(4, 4)
    want = p.T.copy()
    m.copy_into(p, p.T)
    assert np.array_equal(p, want)


def test_overlap_with_another_element_type(m):
    # The same bytes seen as int64 and float64, shifted by one element.
    a = np.arange(8)
    d = a.view(np.float64)
    want = np.arange(8)
    want.view(np.float64)[1:] = want[:-1]
    m.copy_into(d[1:], a[:-1])
    assert np.array_equal(a, want)
    assert np.array_equal(d[1:], np.arange(7.0))


def test_overlap_with_another_element_size_reads_a_copy(m):
    # float32 elements over float64 ones: no common base pointer, so the
    # argument only read is copied before the call.
    a = np.arange(8.0)
    want = a.copy()
    want.view(np.float32)[2:6] = want[:4].copy()
    m.copy_into(a.view(np.float32)[2:6], a[:4])
    assert np.array_equal(a.view(np.uint64), want.view(np.uint64))
    assert np.array_equal(a.view(np.float32)[2:6], [0.0, 1.0, 2.0, 3.0])
    # A result that views the copy owns it.
    b = np.arange(8.0)
    r = m.copy_and_return_source(b.view(np.float32)[2:6], b[:4])
    assert np.array_equal(r, [0.0, 1.0, 2.0, 3.0])


def test_disjoint_views_of_one_buffer_are_not_copied(m):
    a = np.arange(8.0)
    m.copy_into(a[4:], a[:4])
    assert np.array_equal(a, [0, 1, 2, 3, 0, 1, 2, 3])


@weft.jit
def passed_through(a):
    return a


def test_structured_arrays_pass_and_odd_fields_are_refused_by_name():
    r = np.zeros(3, dtype=[("x", "f8"), ("y", "i4")])
    r["x"] = [1.5, 2.5, 3.5]
    back = passed_through(r)
    assert back.dtype == r.dtype and back.tolist() == r.tolist()
    back[0]["y"] = 7  # the same buffer, as Numba returns it
    assert r[0]["y"] == 7
    swapped = np.zeros(2, dtype=[("x", ">f8")])
    with pytest.raises(weft.CallError, match="a structured array passed to "
                       "a Weft function has fields of numbers in the "
                       "machine's byte order \\(field 'x' is >f8\\)"):
        passed_through(swapped)
    nested = np.zeros(2, dtype=[("p", [("a", "f8")])])
    with pytest.raises(weft.CallError, match="field 'p' is"):
        passed_through(nested)
    # a record passes as that record of its array (returned: a NumPy
    # record), a copy too (the copy's own one-record array)
    back = passed_through(r[1])
    assert isinstance(back, np.void) and back.tolist() == (2.5, 0)
    assert passed_through(r[1].copy()).tolist() == (2.5, 0)
    odd = np.zeros(2, dtype=[("a b", "f8")])
    assert passed_through(odd[0]).tolist() == (0.0,)


@weft.jit
def _absorb(state, data):
    # sha3-numba's sponge: the state comes back, the data only read
    for i in range(len(data)):
        state[i % len(state)] ^= data[i]
    return state


@weft.jit
def _view_of(data):
    return data[1:]


@weft.jit
def sponge(data):
    state = np.zeros(4, dtype=np.uint8)
    state = _absorb(state, data)
    state[0] ^= 1  # writes the returned state, not data
    return state


@weft.jit
def through_a_view(data):
    v = _view_of(data)
    v[0] = 9  # data's buffer
    return v


def test_a_callees_result_views_only_what_it_may_return():
    data = b"\x01\x02\x03\x04\x05"
    assert sponge(data).tolist() == [1 ^ 5 ^ 1, 2, 3, 4]
    with pytest.raises(ValueError, match=r"argument 1 \('data'\) of "
                       r"'through_a_view' is read-only"):
        through_a_view(data)
    writable = bytearray(data)
    through_a_view(writable)
    assert writable[1] == 9
