"""Numba's typing where it decides values: one eager signature converts
the arguments and the result (swiftsimio's float32 kernel), locals=
declares variables' types (sgkit's float32 Rogers-Huff r), a float
literal with a float32 number or array is float64 (Numba's typing), NumPy numbers of other widths stay so as globals, NumPy
and Numba annotations type nothing, and Enum members are their values
(passed in too). The expected values are computed here with NumPy's
float32 and float64 arithmetic, step by step as Numba types them."""
import enum

import numpy as np
import pytest

import weft

GAMMA = np.float32(1.897367)


@weft.jit("float32(float32, float32)", fastmath=False)
def kernel(r, h):
    inverse_h = 1.0 / h
    ratio = r * inverse_h
    return max(1.0 - ratio, 0.0) * inverse_h


def test_eager_signature_converts_arguments_and_result():
    r, h = 0.01, 0.03
    # the float64 arguments become float32; 1.0 / h is float64 (a
    # float64 literal and a float32 number); the result is float32
    r32, h32 = np.float32(r), np.float32(h)
    inverse_h = 1.0 / np.float64(h32)
    ratio = np.float64(r32) * inverse_h
    want = np.float32(max(1.0 - ratio, 0.0) * inverse_h)
    got = kernel(r, h)
    assert got == float(want)
    assert got != max(1.0 - r / h, 0.0) / h  # (not computed in float64)


@weft.jit(locals={"m": weft.f32, "n": weft.i32})
def mean32(a):
    m = 0.0
    n = 0
    for i in range(a.size):
        m += a[i]
        n += 1
    m /= n
    return m


def test_locals_declare_variable_types():
    a = np.linspace(0.0, 1.0, 7) / 3.0
    m = np.float32(0.0)
    for x in a:
        m = np.float32(np.float64(m) + x)  # each sum stored as float32
    want = np.float32(np.float64(m) / 7)
    assert mean32(a) == float(want)


@weft.jit
def scalar_literals(x):
    return x + 0.5, 1.0 / x, x * 3, x ** 2


@weft.jit
def array_literals(a, k):
    return a * 0.5, a + 1, a * k, a * np.float32(2.0)


def test_float32_with_float64_literals_is_float64():
    x = np.float32(0.1)
    s, inv, t, squared = scalar_literals(x)
    assert s == float(x) + 0.5
    assert inv == 1.0 / float(x)
    assert t == float(x) * 3
    assert squared == float(x * x)  # (an integer power keeps float32)
    # Numba's arrays: a number of a lower category (an int with floats)
    # takes the array's type, of the same category they promote
    a = np.full(3, 0.1, dtype=np.float32)
    half, plus, times, doubled = array_literals(a, 2)
    assert half.dtype == np.float64 and plus.dtype == np.float32
    assert times.dtype == np.float32 and doubled.dtype == np.float32
    np.testing.assert_array_equal(half, a.astype(np.float64) * 0.5)


@weft.jit
def scaled(h):
    return GAMMA * h


def test_global_float32_stays_float32():
    h = np.float32(0.37)
    assert scaled(h) == float(np.float32(GAMMA * h))


@weft.jit
def annotated(x: np.float64, n: int) -> float:
    return x.sum() * n


def test_numpy_annotations_type_nothing():
    # (Numba ignores annotations: x is an array, the result an array sum)
    assert annotated(np.arange(4.0), 2) == 12.0


class Side(enum.Enum):
    buy = 1
    sell = -1


class Shape(enum.IntEnum):
    circle = 1
    square = enum.auto()


@weft.jit
def signed(qty, side):
    if side == Side.sell:
        return -qty * abs(Side.sell.value)
    return qty


@weft.jit
def sides(k):
    return Shape.square * k, Side.buy.value, Shape.circle is Shape.circle


def test_enum_members_are_values():
    assert signed(3.0, Side.sell) == -3.0
    assert signed(3.0, Side.buy) == 3.0
    assert sides(5) == (10, 1, True)


@weft.jit
def unknown_member():
    return Side.hold.value


def test_unknown_enum_member_names_the_members():
    with pytest.raises(weft.CompileError,
                       match="the Enum class 'Side' has no member 'hold'; "
                             "its members are buy, sell"):
        unknown_member()


def test_narrow_integer_results_keep_their_values():
    # a function declared to return one of NumPy's narrow integers: the
    # result is read at its own width (it was read as a float)
    m = weft.compile("""
def wrapped(x: i64) -> u8:
    return x + 1

def counted(x: i64) -> u32:
    return x + 1

def negated(x: i64) -> i16:
    return -x
""")
    assert m.wrapped(255) == 0 and m.wrapped(3) == 4
    assert m.counted(2**32 - 1) == 0 and m.counted(41) == 42
    assert m.negated(300) == -300


def test_numba_short_type_names_in_signatures_and_dtypes():
    # nb.f4, nb.i8 (Numba's short names) build signatures and dtypes
    from weft import numba as shim
    nb = shim.module()
    source = """
import numba as nb
def half(x):
    out = np.zeros(x.size, dtype=nb.f4)
    for i in range(x.size):
        out[i] = x[i] / 2
    return out, np.zeros(1, dtype=nb.i8)
"""
    m = weft.compile(source)
    out, ints = m.half(np.arange(3.0))
    assert out.dtype == np.float32 and ints.dtype == np.int64
    np.testing.assert_array_equal(out, [0.0, 0.5, 1.0])
    assert repr(nb.f4(nb.f4[:])) == "float32(float32[:])"
    assert repr(nb.u8) == "uint64"  # (Numba's u8 is uint64, Weft's uint8)
