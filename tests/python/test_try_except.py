"""try/except in jitted functions, as Numba compiles them: `except:` and
`except Exception:` catch the runtime errors of the try block (raised in
it, in a function it calls, or in a parallel loop it runs), and the
except block sees the variables as the error left them."""
import numpy as np
import pytest

import weft


@weft.jit
def _ratio(a, b):
    return a / b


@weft.jit
def safe_ratio(a, b):
    try:
        r = _ratio(a, b)
    except Exception:
        r = np.nan
    return r


def test_error_in_a_called_function_is_caught():
    assert safe_ratio(3.0, 2.0) == 1.5
    assert np.isnan(safe_ratio(3.0, 0.0))


@weft.jit
def _first_bad(values):
    count = 0
    total = 0.0
    try:
        for v in values:
            if v < 0:
                raise ValueError("negative")
            total += np.sqrt(v)
            count += 1
    except:
        total = -total
    return count, total


def test_except_sees_the_variables_where_the_error_came():
    assert _first_bad(np.array([4.0, 9.0, -1.0, 16.0])) == (2, -5.0)
    assert _first_bad(np.array([4.0, 9.0])) == (2, 5.0)


@weft.jit
def _array_kept(n):
    a = np.zeros(2)
    try:
        a = np.arange(float(n))
        a = a * (10 // (n - 3))
    except Exception:
        a = a * 10.0
    return a


def test_the_array_made_before_the_error_is_kept():
    np.testing.assert_array_equal(_array_kept(3), [0.0, 10.0, 20.0])
    np.testing.assert_array_equal(_array_kept(5), np.arange(5.0) * 5)


@weft.jit(parallel=True)
def _errors_of_iterations(x):
    out = np.empty(len(x))
    for i in weft.prange(len(x)):
        try:
            out[i] = 1.0 / x[i]
        except Exception:
            out[i] = -1.0
    return out


def test_try_in_a_prange_body():
    got = _errors_of_iterations(np.array([2.0, 0.0, 4.0]))
    np.testing.assert_array_equal(got, [0.5, -1.0, 0.25])


@weft.jit
def _uncaught(x):
    try:
        y = 1.0 / x
    except Exception:
        y = 1 // int(x)
    return y


def test_an_error_in_the_except_block_is_raised():
    assert _uncaught(4.0) == 0.25
    with pytest.raises(ZeroDivisionError):
        _uncaught(0.0)


def test_other_exception_classes_are_a_compile_error():
    def f(x):
        try:
            y = 1.0 / x
        except ZeroDivisionError:
            y = 0.0
        return y

    with pytest.raises(weft.CompileError,
                       match="only 'except:' and 'except Exception:'"):
        weft.jit(f)(1.0)
