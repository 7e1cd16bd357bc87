"""Module-level forms of public Numba code around the jitted functions:
importing Numba's extension API (numba.extending, numba.core.typing's
templates, numba.core.imputils), importlib.util.find_spec("numba"),
isinstance(x, numba.types.Type) and numba.from_dtype, and bytes and
bytearray arguments (Numba's Bytes: uint8 elements). What Numba 0.56
returns for the same calls is the expected value."""
import importlib.util

import numpy as np
import pytest

import weft


def test_extension_api_imports_and_register_jitable(numba_module):
    from numba.extending import register_jitable, overload
    from numba.core.typing.templates import AbstractTemplate
    from numba.core.imputils import lower_builtin  # noqa: F401

    @register_jitable
    def half(x):
        return x / 2

    @weft.jit
    def f(a):
        return half(a.sum())

    assert f(np.arange(5.0)) == 5.0
    assert half(3) == 1.5  # still callable from Python
    from numba.extending import intrinsic
    with pytest.raises(NotImplementedError,
                       match=r"numba\.extending\.intrinsic .*not supported"):
        intrinsic(len)
    assert overload(len)(half) is half  # (a builtin's: Weft's own len)
    with pytest.raises(NotImplementedError, match="AbstractTemplate"):
        class Template(AbstractTemplate):
            pass


def test_an_overload_of_a_numpy_function_leaves_numpys(numba_module):
    # fastfinance's @overload(np.clip) for a Numba that lacked it: the
    # typing function is left unused and np.clip is Weft's (NumPy's)
    from numba.extending import overload

    @overload(np.clip)
    def np_clip(a, a_min, a_max, out=None):
        def np_clip_impl(a, a_min, a_max, out=None):
            return a * 0  # (never what np.clip gives)
        return np_clip_impl

    @weft.jit
    def clipped(a):
        return np.clip(a, 1.0, 2.0)

    a = np.array([0.5, 1.5, 2.5])
    assert clipped(a).tolist() == [1.0, 1.5, 2.0]
    assert np_clip(a, 1.0, 2.0) is not None  # the typing function itself


def test_find_spec_and_type_checks(numba_module):
    assert importlib.util.find_spec("numba") is not None
    assert importlib.util.find_spec("numba.typed") is not None
    assert isinstance(numba_module.float64, numba_module.types.Type)
    assert not isinstance(np.float64, numba_module.types.Type)
    assert numba_module.from_dtype(np.dtype("int32")) == numba_module.int32


def test_bytes_and_bytearray_arguments():
    @weft.jit
    def hamming(a, b):
        count = 0
        for i in range(len(a)):
            if a[i] != b[i]:
                count += 1
        return count

    @weft.jit
    def first_to(a, v):
        a[0] = v
        return a[len(a) - 1]

    assert hamming(b"ACGT", b"ACGA") == 1
    assert hamming(b"", b"") == 0
    buf = bytearray(b"xyz")
    assert first_to(buf, 66) == ord("z") and buf == bytearray(b"Byz")
    with pytest.raises(weft.WeftError, match="read-only"):
        first_to(b"abc", 66)


def test_frombuffer_of_bytes_and_views_of_arrays():
    @weft.jit
    def blocks_xor(key):
        n = len(key) // 8
        h = np.uint64(0)
        for v in np.frombuffer(key[:n * 8], np.uint64):
            h ^= v
        return h

    key = b"abcdefgh12345678xyz"
    expected = np.bitwise_xor.reduce(np.frombuffer(key[:16], np.uint64))
    assert blocks_xor(key) == expected

    @weft.jit
    def as_int64(a):
        return a.view(np.int64)

    x = np.array([1.0, -2.0])
    np.testing.assert_array_equal(as_int64(x), x.view(np.int64))
    with pytest.raises(ValueError, match="last axis must be contiguous"):
        as_int64(np.arange(6, dtype=np.int32)[::2])
    with pytest.raises(ValueError, match="must be a divisor of the total"):
        as_int64(np.arange(3, dtype=np.int32))

    @weft.jit
    def bad(a):
        return a.view(3)

    with pytest.raises(weft.CompileError, match=r"view\(\) takes one dtype"):
        bad(x)


def test_warning_classes_decorators_config_and_serialize(numba_module):
    import warnings
    from numba import NumbaWarning, NumbaPerformanceWarning
    from numba.core.errors import (NumbaDeprecationWarning, NumbaError,
                                   NumbaValueError)
    from numba.core.decorators import jit as core_jit
    from numba.core.config import DISABLE_JIT
    import numba.core.serialize as serialize

    assert issubclass(NumbaPerformanceWarning, NumbaWarning)
    assert issubclass(NumbaDeprecationWarning, Warning)
    assert issubclass(NumbaValueError, NumbaError)
    assert issubclass(NumbaValueError, ValueError)
    assert DISABLE_JIT is False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=NumbaPerformanceWarning)

        @core_jit(nopython=True)
        def twice(x):
            return 2 * x

        assert twice(np.arange(3)).tolist() == [0, 2, 4]
    with pytest.raises(NotImplementedError,
                       match="numba.core.serialize._rebuild_function"):
        serialize._rebuild_function()


def test_numbas_c_style_type_aliases(numba_module):
    import numba as nb
    # numba.uint is uint64 and numba.float_ float32 (NumPy's np.float_ is
    # float64), as Numba 0.56 spells them
    assert str(nb.uint) == "uint64" and str(nb.float_) == "float32"
    assert str(nb.long_) == "int64" and str(nb.uchar) == "uint8"

    @nb.njit(nb.float_(nb.float_, nb.uint))
    def scaled(x, k):
        return x * k

    assert scaled(np.float32(1.5), 3) == 4.5


def test_a_default_naming_numbas_module_under_another_name(numba_module):
    # tsclust's _validate_vector(u=None, dtype=nb.float64), with `nb` a
    # module global as `import numba as nb` makes it
    global nb
    nb = numba_module

    @nb.njit
    def made(n, dtype=nb.float64):
        return np.zeros(n, dtype=dtype)

    assert made(3).dtype == np.float64
    assert made(2, nb.int32).dtype == np.int32
