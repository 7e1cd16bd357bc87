"""Python's str in jitted functions, as Numba compiles them: strs passed
in (ASCII and not), returned (alone and in tuples), compared, searched,
sliced and built; string default values and keyword arguments that
choose a branch; checked against CPython running the same functions
(py_func), with Python's errors, and the uses Weft refuses as
CompileError."""
import numpy as np
import pytest

import weft


@weft.jit
def gc_content(seq):
    n = 0
    for c in seq:
        if c == "G" or c == "C":
            n += 1
    return n / len(seq)


@weft.jit
def hamming(a, b):
    n = 0
    for i in range(min(len(a), len(b))):
        if a[i] != b[i]:
            n += 1
    return n + abs(len(a) - len(b))


@weft.jit
def reverse_upper(s):
    return s[::-1].upper()


@weft.jit
def first_word(s):
    i = s.find(" ")
    return s if i < 0 else s[:i]


@weft.jit
def describe(s):
    return s.strip(), len(s), s.startswith("ab"), "x" in s


@weft.jit
def reduce(x, how="sum"):
    if how == "sum":
        return x.sum()
    if how == "max":
        return x.max()
    return -1.0


@weft.jit
def codes(s):
    out = np.empty(len(s), np.int64)
    for i, c in enumerate(s):
        out[i] = ord(c)
    return out


@weft.jit
def char_at(s, i):
    return s[i]


@weft.jit
def ord_of(s):
    return ord(s)


@weft.jit
def repeat(s, n):
    return s * n + "|" + chr(65 + n)


@pytest.mark.parametrize("seq", ["GATTACA", "GGCC", "A", "gattaca"])
def test_counting_characters(seq):
    assert gc_content(seq) == gc_content.py_func(seq)


@pytest.mark.parametrize("a,b", [("karolin", "kathrin"), ("abc", "abcde"),
                                 ("", "xy"), ("héllo", "hello")])
def test_comparing_characters(a, b):
    assert hamming(a, b) == hamming.py_func(a, b)


@pytest.mark.parametrize("s", ["abc", "", "héllo wörld", "a\u4e2db",
                               "\U0001f600x"])
def test_str_results(s):
    assert reverse_upper(s) == reverse_upper.py_func(s)
    assert describe(s) == describe.py_func(s)


def test_searching_and_slicing():
    assert first_word("hello big world") == "hello"
    assert first_word("single") == "single"
    assert describe("  ab x ") == ("ab x", 7, False, True)
    assert describe("abx") == ("abx", 3, True, True)


def test_string_defaults_choose_the_branch():
    x = np.arange(5.0)
    assert reduce(x) == 10.0
    assert reduce(x, "max") == 4.0
    assert reduce(x, how="other") == -1.0


def test_code_points_and_characters():
    np.testing.assert_array_equal(codes("aé€"), [97, 233, 8364])
    assert char_at("héllo", 1) == "é"
    assert char_at("héllo", -1) == "o"
    assert repeat("ab", 3) == "ababab|D"
    assert repeat("ab", -1) == "|@"
    assert ord_of("€") == 8364


def test_errors_are_pythons():
    with pytest.raises(IndexError, match="string index out of range"):
        char_at("abc", 3)
    with pytest.raises(TypeError, match="ord"):
        ord_of("ab")


def test_refused_uses_say_what_to_write():
    @weft.jit
    def store(s):
        s[0] = "x"
        return s

    with pytest.raises(weft.CompileError, match="does not support item "
                                                "assignment"):
        store("abc")

    @weft.jit
    def to_list(s):
        lst = [1]
        lst.append(s)
        return lst

    with pytest.raises(weft.CompileError,
                       match="'lst' is a list\\[i64\\], not a list of str"):
        to_list("abc")

    @weft.jit
    def ordered(s):
        return s < 1

    with pytest.raises(weft.CompileError, match="orders only with another "
                                                "str"):
        ordered("abc")

    # == and != of a str and a number: False and True, as in Python and
    # Numba (pythermalcomfort compares a float posture with an Enum's str)
    @weft.jit
    def mixed(s, x):
        return s == 1, x != "a", "b" == x

    assert mixed("abc", 2.5) == (False, True, False)


@weft.jit
def report(name, x, n):
    return f"{name}: {x:.3f} over {n:,} ({x / n:.2e} each)"


@weft.jit
def numbered(k):
    out = ""
    for i in range(k):
        out += str(i) + ("," if i + 1 < k else "")
    return out


def test_fstrings_and_str_of_numbers():
    assert report("mean", 2.0 / 3.0, 1234567) == \
        report.py_func("mean", 2.0 / 3.0, 1234567)
    assert numbered(5) == "0,1,2,3,4"
    assert numbered(0) == ""
