"""A `numba` module made of Weft's decorators, so that a Numba program runs
under Weft with no edits: `python3 -m weft program.py` installs it as
`numba` before running the program (see __main__.py).

njit, jit, vectorize, guvectorize, stencil and prange are Weft's (prange
is range where Python runs it; the compiler reads `prange` in jitted code
itself); Numba's type names (float64, int64[:], ...) and numba.types'
names exist so that signature lists evaluate; numba.typed's List and Dict
are Python's list and dict outside jitted code. Any other
attribute (numba.cuda, numba.cfunc) is an AttributeError naming it (an
ImportError for `from numba import ...`).
"""

import types as _types

import weft as _weft

__all__ = ["njit", "jit", "vectorize", "guvectorize", "stencil", "prange"]


class _TypeName:
    """A Numba type name (float64, int64[:], ...) in a signature. Weft's
    decorators take no signatures; these only let the module's own code
    (signature lists, `float64(float64, float64)`, `float64[:, :].ndim`,
    `types.Array(float32, 1, "C", readonly=True)`) run as Python."""

    def __init__(self, name, ndim=0, dtype=None):
        self.name = name
        self.ndim = ndim
        self.dtype = self if dtype is None else dtype

    def __getitem__(self, item):
        ndim = len(item) if isinstance(item, tuple) else 1
        return _TypeName("%s[%s]" % (self.name, ", ".join([":"] * ndim)),
                         ndim, self)

    def __call__(self, *args, **kwargs):
        if self.name.split(".")[-1] == "Array" and len(args) >= 2:
            # types.Array(dtype, ndim, layout, readonly=...)
            return args[0][(slice(None),) * int(args[1])]
        return _TypeName("%s(%s)" % (self.name, ", ".join(map(repr, args))))

    def __repr__(self):
        return self.name

    def __eq__(self, other):
        return isinstance(other, _TypeName) and other.name == self.name

    def __hash__(self):
        return hash(self.name)

    @property
    def numpy_dtype(self):
        """NumPy's dtype of a scalar type name (boolean, int64, float32,
        ...), or None: `np.ones(n, dtype=boolean)` in jitted code."""
        import numpy as np
        name = {"boolean": "bool", "intp": "int64", "uintp": "uint64",
                "double": "float64", "float_": "float64", "intc": "int32",
                "uintc": "uint32"}.get(self.name, self.name)
        try:
            return np.dtype(name)
        except TypeError:
            return None


TYPE_NAMES = ["boolean", "bool_", "int8", "int16", "int32", "int64",
              "uint8", "uint16", "uint32", "uint64", "intp", "uintp",
              "intc", "uintc",
              "float32", "float64", "double", "complex64",
              "complex128", "void"]


SHORT_TYPE_NAMES = {"b1": "boolean", "i1": "int8", "i2": "int16",
                    "i4": "int32", "i8": "int64", "u1": "uint8",
                    "u2": "uint16", "u4": "uint32", "u8": "uint64",
                    "f4": "float32", "f8": "float64", "c8": "complex64",
                    "c16": "complex128",
                    # Numba's C-style aliases (numba.float_ is float32,
                    # NumPy's np.float_ float64)
                    "uint": "uint64", "int_": "int64", "long_": "int64",
                    "ulong": "uint64", "longlong": "int64",
                    "ulonglong": "uint64", "char": "int8", "uchar": "uint8",
                    "short": "int16", "ushort": "uint16", "byte": "uint8",
                    "float_": "float32", "none": "void"}


def _typeof(value):
    """numba.typeof: the type name of a value (arrays by dtype and rank)."""
    import numpy as np
    if isinstance(value, np.ndarray):
        return _TypeName(value.dtype.name)[(slice(None),) * value.ndim]
    if isinstance(value, bool):
        return _TypeName("boolean")
    if isinstance(value, int):
        return _TypeName("int64")
    if isinstance(value, float):
        return _TypeName("float64")
    if isinstance(value, complex):
        return _TypeName("complex128")
    if isinstance(value, np.generic):
        return _TypeName(value.dtype.name)
    raise TypeError("Weft's numba.typeof takes arrays and numbers, not %s"
                    % type(value).__name__)


class _AheadOfTimeModule:
    """numba.pycc.CC: a module Numba would compile ahead of time."""

    def __init__(self, name, *args, **kwargs):
        self.name = name
        self.output_dir = None
        self.verbose = False

    def export(self, name, signature):
        return lambda fn: fn

    def compile(self):
        pass


class _TypedList(list):
    """numba.typed.List outside jitted code: a Python list."""

    @classmethod
    def empty_list(cls, item_type=None, allocated=0):
        return cls()


class _TypedDict(dict):
    """numba.typed.Dict outside jitted code: a Python dict that remembers
    the types Dict.empty gave it (an empty one passed to a jitted
    function is typed by them)."""

    _weft_key_type = _weft_value_type = None

    @classmethod
    def empty(cls, key_type=None, value_type=None, n_keys=0):
        d = cls()
        d._weft_key_type, d._weft_value_type = key_type, value_type
        return d


NUMBA_VERSION = "0.56.4"


class _Unsupported:
    """A name of Numba's extension API (numba.extending.overload,
    numba.core.typing.templates.AbstractTemplate, ...): it exists, so that
    a module importing it loads, and using it (calling it, applying it as
    a decorator, subclassing it) raises NotImplementedError naming it."""

    def __init__(self, name):
        self.name = name

    def _refuse(self, *args, **kwargs):
        raise NotImplementedError(
            "%s (Numba's extension API) is not supported by Weft; write the "
            "function in Python-style code under @njit instead" % self.name)

    __call__ = _refuse
    __mro_entries__ = _refuse

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Unsupported(self.name + "." + attr)

    def __repr__(self):
        return "<unsupported %s>" % self.name


def _overload(func, jit_options=None, strict=True, inline="never",
              prefer_literal=False, **kwargs):
    """numba.extending.overload(func): of a NumPy, math or builtin
    function (a program's np.clip or np.average for a Numba that lacked
    it), Weft's own, which follows NumPy's, so the overload is left
    unused; of a
    function of the program, jitted code calling `func` calls the
    typing function's implementations, translated into one Weft
    function whose branches the argument types decide (_overloads.py).
    Python calling `func` calls `func`, as under Numba."""
    import numpy as np
    module = getattr(func, "__module__", None) or ""
    if isinstance(func, np.ufunc) or \
            module.split(".")[0] in ("numpy", "math", "cmath", "builtins"):
        return lambda typing_function: typing_function
    if not callable(func):
        return _Unsupported("numba.extending.overload")(func)
    options = dict(jit_options or {}, **kwargs)

    def register(typing_function):
        from weft import _overloads
        _overloads.register(func, typing_function, options)
        return typing_function
    return register


def _generated_jit(function=None, target="cpu", cache=False,
                   pipeline_class=None, **options):
    """numba.generated_jit: a typing function called with the argument
    types that returns the implementation; as overload's, translated into
    one Weft function (_overloads.py)."""
    def wrap(fn):
        from weft import _overloads
        return _overloads.Generated(fn, options)
    return wrap(function) if function is not None else wrap


class _CFunc:
    """numba.core.ccallback.CFunc, the class of numba.cfunc's results:
    Weft makes none, so no object is one."""


def _extension_module(name, **names):
    """A submodule of Numba's extension API: the given names, and every
    other one an _Unsupported placeholder."""
    mod = _types.ModuleType(name)
    mod.__path__ = []
    mod.__dict__.update(names)
    mod.__getattr__ = _names_or(lambda attr: _Unsupported(name + "." + attr))
    return mod


def _names_or(make):
    """A module __getattr__ that makes every name with `make`, except the
    dunder names a module may lack (__file__, which inspect.getmodule
    reads from every module, is not a Numba name)."""
    def get(attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return make(attr)
    return get


def _error_classes():
    """Numba's warning and error classes (numba.core.errors), which
    programs import to filter warnings or catch errors; Weft raises
    CompileError for Numba's TypingError and none of these itself."""
    warning = type("NumbaWarning", (Warning,), {})
    classes = {"NumbaWarning": warning,
               "NumbaError": type("NumbaError", (Exception,), {})}
    for name in ("NumbaPerformanceWarning", "NumbaDeprecationWarning",
                 "NumbaPendingDeprecationWarning", "NumbaParallelSafetyWarning",
                 "NumbaExperimentalFeatureWarning", "NumbaTypeSafetyWarning",
                 "NumbaPedanticWarning", "NumbaDebugInfoWarning",
                 "NumbaInvalidConfigWarning", "NumbaIRAssumptionWarning"):
        classes[name] = type(name, (warning,), {})
    for name, base in (("NumbaValueError", ValueError),
                       ("NumbaTypeError", TypeError),
                       ("NumbaIndexError", IndexError),
                       ("NumbaKeyError", KeyError),
                       ("NumbaAttributeError", AttributeError),
                       ("NumbaNotImplementedError", NotImplementedError),
                       ("NumbaRuntimeError", RuntimeError),
                       ("NumbaAssertionError", AssertionError)):
        classes[name] = type(name, (classes["NumbaError"], base), {})
    return classes


class _objmode:
    """numba.objmode(x="float64", ...) outside jitted code."""

    def __init__(self, *args, **types):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def install():
    """Puts a fresh `numba` module (module()) and its submodules
    (numba.types, numba.typed, ...) into sys.modules; returns it."""
    import sys
    m = module()
    sys.modules["numba"] = m
    sys.modules.update(m._submodules)
    # (importlib.util.find_spec("numba") reads a module's __spec__)
    from importlib.machinery import ModuleSpec
    for name, mod in [("numba", m)] + list(m._submodules.items()):
        mod.__spec__ = ModuleSpec(name, None, is_package=True)
    return m


def module():
    """A fresh module object named `numba` with Weft's decorators."""
    m = _types.ModuleType("numba")
    m.__path__ = []        # a package: `import numba.x` names numba.x
    m.__file__ = __file__
    m.__doc__ = __doc__
    m.njit = _weft.jit
    m.jit = _weft.jit
    m.vectorize = _weft.vectorize
    m.guvectorize = _weft.guvectorize
    m.stencil = _weft.stencil
    m.prange = _weft.prange
    m.generated_jit = _generated_jit
    for name in TYPE_NAMES:
        setattr(m, name, _TypeName(name))
    # Numba's short names (nb.f4, nb.i8, nb.b1), as the types they stand for
    for short, name in SHORT_TYPE_NAMES.items():
        setattr(m, short, _TypeName(name))
    # numba.types: every name in it is a type name (types.intp,
    # types.float64[:], types.UniTuple(...), types.unicode_type, ...).
    t = _types.ModuleType("numba.types")
    t.__getattr__ = _names_or(_TypeName)
    t.Type = _TypeName  # (the class of them all: isinstance(x, types.Type))
    m.types = t
    # numba.typed's List and Dict, as Python's list and dict (the compiler
    # reads numba.typed.List() in jitted code itself).
    typed = _types.ModuleType("numba.typed")
    typed.List, typed.Dict = _TypedList, _TypedDict
    m.typed = typed
    # numba.np.numpy_support.from_dtype(dt): the type name of a dtype.
    np_mod = _types.ModuleType("numba.np")
    np_mod.numpy_support = _types.ModuleType("numba.np.numpy_support")
    np_mod.numpy_support.from_dtype = lambda dt: _TypeName(
        __import__("numpy").dtype(dt).name)
    m.np = np_mod
    m.from_dtype = np_mod.numpy_support.from_dtype
    # numba.core.types and numba.core.errors: the same names.
    core = _types.ModuleType("numba.core")
    core.types = t
    core.errors = _types.ModuleType("numba.core.errors")
    core.errors.TypingError = _weft.CompileError
    for name, cls in _error_classes().items():
        setattr(core.errors, name, cls)
        setattr(m, name, cls)  # (numba exports them, as Numba does)
    m.core = core
    m.errors = core.errors  # (numba.errors, as Numba 0.56 still has)
    # numba.config: settings a program may read or set (`config.
    # THREADING_LAYER = "workqueue"`); Weft's runtime does not read them.
    config = _types.ModuleType("numba.config")
    config.NUMBA_NUM_THREADS = __import__("os").cpu_count() or 1
    # (the cores found, which NUMBA_NUM_THREADS defaults to: refnx's
    # default thread count)
    config.NUMBA_DEFAULT_NUM_THREADS = config.NUMBA_NUM_THREADS
    config.THREADING_LAYER = "default"
    config.DISABLE_JIT = False
    m.config = config
    core.config = config
    # numba.core.decorators: where Numba's jit and njit live.
    core.decorators = _types.ModuleType("numba.core.decorators")
    core.decorators.jit = core.decorators.njit = _weft.jit
    # numba.core.serialize (pickling of dispatchers): importable; what is
    # used of it raises NotImplementedError naming itself.
    core.serialize = _extension_module("numba.core.serialize")
    # numba.experimental.jitclass (and numba.jitclass, its older name).
    experimental = _types.ModuleType("numba.experimental")
    experimental.jitclass = _weft.jitclass
    m.experimental = experimental
    m.jitclass = _weft.jitclass
    # numba.pycc (ahead-of-time compilation): CC(name).export(name, sig)
    # returns the function as it is (Weft compiles it when it is called),
    # and compile() does nothing.
    pycc = _types.ModuleType("numba.pycc")
    pycc.CC = _AheadOfTimeModule
    m.pycc = pycc
    # Numba's extension API: register_jitable is a function jitted code
    # calls (as @njit), overload of a NumPy function is NumPy's (Weft's);
    # the rest (other overloads, intrinsic, typing templates,
    # lowering) exists only to be imported (see _Unsupported).
    extending = _extension_module("numba.extending",
                                  register_jitable=_weft.jit,
                                  overload=_overload)
    m.extending = extending
    core.extending = extending
    core.imputils = _extension_module("numba.core.imputils")
    core.typing = _extension_module("numba.core.typing")
    core.typing.templates = _extension_module("numba.core.typing.templates")
    core.cgutils = _extension_module("numba.core.cgutils")
    # The classes of Numba's compiled functions, for isinstance tests and
    # type hints (PTtools' `from numba.core.registry import CPUDispatcher`):
    # a jitted function is a weft.Dispatcher; Weft makes no cfunc.
    core.dispatcher = _extension_module("numba.core.dispatcher",
                                        Dispatcher=_weft.Dispatcher)
    core.registry = _extension_module("numba.core.registry",
                                      CPUDispatcher=_weft.Dispatcher)
    core.ccallback = _extension_module("numba.core.ccallback", CFunc=_CFunc)
    m._submodules = {"numba.types": t, "numba.typed": typed,
                     "numba.extending": extending,
                     "numba.core.extending": extending,
                     "numba.core.imputils": core.imputils,
                     "numba.core.typing": core.typing,
                     "numba.core.typing.templates": core.typing.templates,
                     "numba.core.cgutils": core.cgutils,
                     "numba.core.dispatcher": core.dispatcher,
                     "numba.core.registry": core.registry,
                     "numba.core.ccallback": core.ccallback,
                     "numba.pycc": pycc,
                     "numba.np": np_mod,
                     "numba.np.numpy_support": np_mod.numpy_support,
                     "numba.core": core, "numba.core.types": t,
                     "numba.core.errors": core.errors,
                     "numba.errors": core.errors,
                     "numba.config": config,
                     "numba.core.config": config,
                     "numba.core.decorators": core.decorators,
                     "numba.core.serialize": core.serialize,
                     "numba.experimental": experimental}
    # Numba's compile errors are Weft's (`except TypingError:`).
    m.TypingError = _weft.CompileError
    m.typeof = _typeof
    # numba.objmode: in plain Python a context manager that does nothing
    # (Python code is object mode already); Weft compiles no `with` block
    # in jitted code, and says so.
    m.objmode = _objmode
    # Outside jitted code (inside, the compiler reads these itself).
    # set_num_threads(n) checks n as Numba does and get_num_threads()
    # answers it; Weft's parallel loops keep the engine's thread count.
    threads = [config.NUMBA_NUM_THREADS]

    def set_num_threads(n):
        # (a NumPy integer too: refnx's np.clip(threads, 1, cores))
        import numbers
        if not isinstance(n, numbers.Integral) or isinstance(n, bool) or \
                not 1 <= n <= config.NUMBA_NUM_THREADS:
            raise ValueError("The number of threads must be between 1 and "
                             "%d" % config.NUMBA_NUM_THREADS)
        threads[0] = int(n)
    m.set_num_threads = set_num_threads
    m.get_num_threads = lambda: threads[0]
    m.get_thread_id = lambda: 0
    # The Numba release whose behaviour Weft follows, for programs that
    # test the version before using a feature.
    m.__version__ = NUMBA_VERSION

    def missing(name):
        raise AttributeError("Weft's numba module has no %r" % name)
    m.__getattr__ = missing
    return m
