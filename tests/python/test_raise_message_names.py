"""`raise E(msg)` where msg is a name bound to a string once (a local
assigned once, or a module constant) raises with that string, as Numba
finds it (py_fatigue's `e_msg = "..."; raise NotImplementedError(e_msg)`);
a message Numba cannot know at compile time is left out."""
import pytest

import weft

MESSAGE = "the module's message"


@weft.jit
def _local(kind):
    if kind == 1:
        return 1.0
    e_msg = "Geometric factor not implemented for assigned crack type."
    raise NotImplementedError(e_msg)


@weft.jit
def _module_constant(x):
    if x < 0:
        raise ValueError(MESSAGE)
    return x


@weft.jit
def _rebound(x):
    m = "first"
    if x > 0:
        m = "second"
    raise ValueError(m)


def test_a_local_bound_once():
    assert _local(1) == 1.0
    with pytest.raises(NotImplementedError) as e:
        _local(2)
    assert str(e.value) == ("Geometric factor not implemented for assigned "
                            "crack type.")


def test_a_module_constant():
    with pytest.raises(ValueError) as e:
        _module_constant(-1.0)
    assert str(e.value) == "the module's message"


def test_a_name_bound_twice_has_no_message():
    with pytest.raises(ValueError) as e:
        _rebound(1.0)
    assert str(e.value) == ""


@weft.jit
def _raise_other_builtin(x):
    if x > 1:
        raise OverflowError
    if x < 0:
        raise LookupError("negative")
    return x


def test_other_builtin_exception_classes_are_raised_as_themselves():
    # (Fatiando's `raise OverflowError` when its stack is full, caught by
    # the caller's `except OverflowError:`)
    with pytest.raises(OverflowError) as e:
        _raise_other_builtin(2)
    assert isinstance(e.value, weft.RuntimeError) and str(e.value) == ""
    with pytest.raises(LookupError, match="^negative$"):
        _raise_other_builtin(-1)
    assert _raise_other_builtin(0) == 0


class RangeCheckError(Exception):
    """A program's own exception class (ngmix's GMixRangeError)."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


@weft.jit
def _shear(g):
    if g >= 1.0:
        raise RangeCheckError("g >= 1")
    return 1.0 - g * g


def test_a_programs_own_exception_class_is_raised_as_itself():
    assert _shear(0.5) == 0.75
    with pytest.raises(RangeCheckError, match="^g >= 1$") as e:
        _shear(2.0)
    assert e.value.value == "g >= 1"
    assert isinstance(e.value, weft.RuntimeError)
