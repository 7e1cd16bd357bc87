"""numba.extending.overload of a program's own function and
numba.generated_jit: typing functions that pick an implementation from
the argument types, compiled as one Weft function whose branches the
types decide (weft/_overloads.py). The expected values are what Numba
0.56 returns for the same calls."""
import textwrap

import numpy as np
import pytest

import weft


def load(tmp_path, name, source):
    """A module written to a file (Weft reads functions' source)."""
    import importlib.util
    path = tmp_path / (name + ".py")
    path.write_text(textwrap.dedent(source))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OVERLOADS = """
import numpy as np
from numba import njit, types
from numba.core import types as nb_types
from numba.core.errors import TypingError
from numba.extending import overload

SCALE = 3.0


def scaled(n, pv, scale):
    return "plain"


@overload(scaled, inline="always")
def _scaled(n, pv, scale):
    if isinstance(scale, types.NoneType):
        def _impl(n, pv, scale):
            return pv
    elif isinstance(scale, types.Number):
        def _impl(n, pv, scale):
            return pv * scale
    elif isinstance(scale, types.Array):
        def _impl(n, pv, scale):
            return pv * scale[n]
    return _impl


def require_integer(indptr):
    pass


@overload(require_integer)
def _require_integer(indptr):
    if not isinstance(indptr.dtype, nb_types.Integer):
        raise TypingError("indptr must be an integer array")

    def impl(indptr):
        return None
    return impl


def first(x):
    pass


@overload(first)
def _first(x):
    # another parameter name in the implementation, a lambda, a dtype
    # compared with a type, and a jitted function returned
    if isinstance(x, (types.Float, types.Integer)):
        return lambda v: v
    if isinstance(x, types.Array) and x.dtype == types.float32:
        return first_f32
    if isinstance(x, types.Array) and x.ndim == 2:
        def impl2(m):
            return m[0, 0] + SCALE
        return impl2
    if isinstance(x, types.Array):
        def impl1(v):
            return v[0]
        return impl1


@njit
def first_f32(x):
    return x[0] * 2


@njit
def total(scale):
    s = 0.0
    for i in range(3):
        s += scaled(i, 2.0, scale)
    return s


@njit
def row_count(indptr):
    require_integer(indptr)
    return len(indptr) - 1


@njit
def firsts(a, b, c, d):
    return first(a), first(b), first(c), first(d)
"""


def test_an_overload_picks_its_implementation_by_type(numba_module,
                                                      tmp_path):
    m = load(tmp_path, "overloads_by_type", OVERLOADS)
    assert m.total(None) == 6.0
    assert m.total(2.0) == 12.0
    assert m.total(2) == 12.0
    assert m.total(np.array([1.0, 2.0, 4.0])) == 14.0
    # Python calling the function calls the function itself
    assert m.scaled(0, 1.0, None) == "plain"


def test_an_overload_of_the_element_type(numba_module, tmp_path):
    m = load(tmp_path, "overloads_of_dtype", OVERLOADS)
    assert m.row_count(np.array([0, 2, 3], dtype=np.int32)) == 2
    # refused when it compiles for float64, as Numba's TypingError
    from numba.core.errors import TypingError
    with pytest.raises(TypingError, match="indptr must be an integer array"):
        m.row_count(np.array([0.0, 2.0, 3.0]))
    assert m.row_count(np.array([0, 1], dtype=np.int64)) == 1


def test_overload_implementations_of_every_form(numba_module, tmp_path):
    m = load(tmp_path, "overloads_of_forms", OVERLOADS)
    got = m.firsts(2.5, np.array([1.5, 2.0], dtype=np.float32),
                   np.array([[4.0, 1.0]]), np.array([7, 8]))
    assert got == (2.5, 3.0, 7.0, 7)
    assert isinstance(got[3], int)
    # no branch takes a str: Numba's "no implementation" TypingError
    with pytest.raises(weft.CompileError,
                       match="first: no implementation for these argument "
                             "types"):
        m.firsts(2.5, "s", np.array([[4.0, 1.0]]), np.array([7, 8]))


def test_generated_jit(numba_module, tmp_path):
    m = load(tmp_path, "generated", """
        import numpy as np
        from numba import generated_jit, njit, types

        @generated_jit(nopython=True)
        def norm1(x, scale=None):
            if isinstance(x, types.Array):
                if scale is types.none or isinstance(scale, types.Omitted):
                    return lambda x, scale=None: np.abs(x).sum()
                return lambda x, scale=None: np.abs(x).sum() * scale
            return lambda x, scale=None: abs(x)

        @njit
        def caller(v):
            return norm1(v, 2.0) + norm1(-1.5)
        """)
    x = np.array([1.0, -2.0, 3.0])
    assert m.norm1(x) == 6.0
    assert m.norm1(x, 0.5) == 3.0
    assert m.norm1(-4.0) == 4.0
    assert m.caller(x) == 13.5


def test_generated_jit_domains_and_python_fallbacks(numba_module, tmp_path):
    # raster_tools' `x in types.number_domain`; PTtools' branches for calls
    # from plain Python (isinstance(w, float)), never taken at typing time;
    # numba.types under its own name in jitted code (dtype=types.uint64)
    m = load(tmp_path, "domains", """
        import numpy as np
        from numba import generated_jit, njit, types
        from numba.core.registry import CPUDispatcher

        @generated_jit(nopython=True)
        def atleast_1d(x):
            if x in types.number_domain:
                return lambda x: np.array([x])
            return lambda x: np.atleast_1d(x)

        @njit
        def scale_scalar(w):
            return 2.0 * w

        @njit
        def scale_array(w):
            return 2.0 * w.sum()

        @generated_jit(nopython=True)
        def scale(w):
            if isinstance(w, types.Float):
                return scale_scalar
            if isinstance(w, types.Array):
                return scale_array
            if isinstance(w, float):
                return scale_scalar(w)
            raise TypeError("unknown type")

        @njit
        def use(x):
            counts = np.zeros(2, dtype=types.uint64)
            counts[0] = len(atleast_1d(x))
            return atleast_1d(x).sum(), counts, scale(x)
        """)
    assert isinstance(m.use, m.CPUDispatcher)
    total, counts, scaled = m.use(2.5)
    assert total == 2.5 and counts.dtype == np.uint64
    assert counts.tolist() == [1, 0] and scaled == 5.0
    total, counts, scaled = m.use(np.array([1.0, 2.0]))
    assert total == 3.0 and counts.tolist() == [2, 0] and scaled == 6.0


def test_an_overload_returning_a_plain_function(numba_module, tmp_path):
    # iminuit registers its NumPy helpers as their own implementations
    # (`return _safe_log`), or the original under another name: the
    # function's body is compiled, as Numba compiles it (a call of the
    # overload there would call itself)
    m = load(tmp_path, "plain_impls", """
        import numpy as np
        from numba import njit
        from numba.extending import overload

        def _safe_log(x):
            return np.log(x + 1e-323)

        def _loss(z):
            return np.sum(2 * (np.sqrt(1 + z) - 1))

        _loss_np = _loss

        def _loss(z):
            return _loss_np(z)

        @overload(_safe_log, inline="always")
        def _ol_safe_log(x):
            return _safe_log

        @overload(_loss, inline="always")
        def _ol_loss(z):
            return _loss_np

        def _nll(x):
            return -np.sum(_safe_log(x))

        def _cost(z):
            return _loss(z * z)

        nll = njit(_nll)
        cost = njit(_cost)
        """)
    x = np.array([0.5, 1.0, 0.0])
    assert m.nll(x) == -np.sum(np.log(x + 1e-323))
    z = np.array([1.0, 2.0])
    assert m.cost(z) == np.sum(2 * (np.sqrt(1 + z * z) - 1))


def test_a_typing_function_that_computes_is_a_compile_error(numba_module,
                                                             tmp_path):
    m = load(tmp_path, "computed", """
        import numpy as np
        from numba import njit, types
        from numba.extending import overload

        def widen(x):
            pass

        @overload(widen)
        def _widen(x):
            dt = np.float64 if isinstance(x, types.Float) else np.int64
            def impl(x):
                return np.asarray(x, dtype=dt)
            return impl

        @njit
        def use(x):
            return widen(x)
        """)
    with pytest.raises(weft.CompileError) as e:
        m.use(1.0)
    message = str(e.value)
    assert "computed.py:11: numba.extending.overload of widen: this assign " \
        "runs Python when the types are known" in message


def test_a_type_weft_does_not_tell_apart(numba_module, tmp_path):
    m = load(tmp_path, "literal", """
        from numba import njit, types
        from numba.extending import overload

        def pick(x):
            pass

        @overload(pick)
        def _pick(x):
            if isinstance(x, types.IntegerLiteral):
                return lambda x: 1
            return lambda x: 2

        @njit
        def use(x):
            return pick(x)
        """)
    with pytest.raises(weft.CompileError,
                       match=r"literal.py:10: .*tests types.IntegerLiteral, "
                       "which Weft does not tell apart"):
        m.use(3)


def test_an_implementation_calling_the_typing_functions_helpers(numba_module,
                                                                tmp_path):
    m = load(tmp_path, "helpers", """
        import numpy as np
        from numba import njit, types
        from numba.extending import overload

        def norm(x):
            pass

        @overload(norm)
        def _norm(x):
            def square(v):
                return v * v

            def total(a):
                s = 0.0
                for v in a:
                    s += square(v)
                return s
            if isinstance(x, types.Array):
                def impl(x):
                    return np.sqrt(total(x))
                return impl
            return lambda x: abs(x)

        @njit
        def use(a, b):
            return norm(a) + norm(b)
        """)
    assert m.use(np.array([3.0, 4.0]), -2.0) == 7.0
