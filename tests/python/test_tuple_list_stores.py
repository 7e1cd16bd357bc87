"""Replacing a tuple of a list of tuples whose fields hold strs or arrays
(passivbot's `closes[-1] = (qty, price, label)`), and branches under a
constant condition (`if False:` debugging code), checked against CPython
running the same functions (py_func)."""
import numpy as np
import pytest

import weft


@weft.jit
def _relabel(n):
    closes = [(0.0, 0.0, "")]
    closes.pop()
    for i in range(n):
        closes.append((float(i), 2.0 * i, "long_nclose"))
    closes[-1] = (-closes[-1][0], closes[-1][1], closes[-1][2] + "_x")
    closes[0] = (5.0, 6.0, "a")
    return closes


def test_a_tuple_with_a_str_field_is_replaced():
    want = _relabel.py_func(3)
    assert want == [(5.0, 6.0, "a"), (1.0, 2.0, "long_nclose"),
                    (-2.0, 4.0, "long_nclose_x")]
    assert _relabel(3) == want


@weft.jit
def _regrow(n):
    out = []
    for i in range(n):
        out.append((i, np.arange(i + 1.0)))
    out[1] = (7, np.ones(4))
    out[-1] = (out[-1][0] * 10, out[-1][1][::-1].copy())
    s = 0.0
    for k, a in out:
        s += k + a.sum()
    return s, len(out[1][1]), out[2][1][0]


def test_a_tuple_with_an_array_field_is_replaced():
    want = _regrow.py_func(3)
    assert want == (34.0, 4, 2.0)
    assert _regrow(3) == want


@weft.jit
def _out_of_range(i):
    out = [(1.0, "a")]
    out[i] = (2.0, "b")
    return out


def test_an_index_out_of_range_raises():
    assert _out_of_range(-1) == [(2.0, "b")]
    with pytest.raises(IndexError):
        _out_of_range(1)


def test_a_parameter_holding_strs_is_not_replaced_in():
    @weft.jit
    def relabel(orders):
        orders[0] = (1.0, "b")
        return len(orders)

    @weft.jit
    def caller():
        return relabel([(0.0, "a")])

    with pytest.raises(weft.CompileError, match="'orders' is a parameter: "
                       "replacing a tuple of it here would not change the "
                       "caller's list"):
        caller()


def _helper_never_jitted(x):
    return [x]


@weft.jit
def _debugging_left_in(x):
    out = [x, 2.0 * x]
    if False:  # out[0] > 1
        print("debug", [(v, _helper_never_jitted(v)) for v in out])
    if 0:
        out = "not a list"
    if True:
        y = out[1]
    else:
        y = undefined_name
    return out, y


def test_a_branch_under_a_constant_false_condition_is_not_compiled():
    want = _debugging_left_in.py_func(1.5)
    assert want == ([1.5, 3.0], 3.0)
    assert _debugging_left_in(1.5) == want
