"""weft - Weft's JIT compiler from Python, with zero-copy NumPy arrays.

    import numpy as np, weft

    @weft.jit
    def axpy(a: f64, x: f64[:], y: f64[:]):
        y[:] = a * x + y

    y = np.ones(10); axpy(2.0, np.arange(10.0), y)     # y changes in place

    m = weft.compile(source)          # a module; m.total(np.ones(3)) -> 3.0

The body of a decorated function is Weft code (the language of
docs/language.md), taken from the function's source. Functions compile on
their first call for each combination of argument types (and come from the
on-disk code cache when they can). NumPy arrays are passed without a copy:
writes land in the caller's array; non-contiguous views work. Functions
pickle as their source and options, so they travel to Dask workers and are
compiled (or fetched from the cache) there.

Implemented on the C API (weft.h) with ctypes (no compiled extension);
the library is found from $WEFT_LIBRARY, next to the package, in the
installed or build-tree layout, or as libweft.so on the loader path.
"""
import ctypes
import enum
import functools
import inspect
import os
import threading
import types
import weakref

import numpy as np

# (first: its audit hook sees the strings exec() compiles from now on)
from weft import _sources  # noqa: E402,F401

__all__ = ["compile", "jit", "njit", "jitclass", "vectorize", "guvectorize", "prange", "Module", "Function", "Dispatcher", "WeftError",
           "CompileError", "CallError", "RuntimeError", "ReadOnlyError",
           "ZeroDivisionError", "IndexError", "ValueError", "MemoryError",
           "RecursionError", "AssertionError", "OSError",
           "OverflowError", "interrupt", "metrics"]

_builtin_OverflowError = OverflowError
_builtin_RuntimeError = RuntimeError
_builtin_OSError = OSError


class WeftError(Exception):
    """Any error of Weft."""


class CompileError(WeftError):
    """The source does not compile; the message is the diagnostics."""


class CallError(WeftError, TypeError):
    """Wrong number or types of arguments, or no such function."""


class RuntimeError(WeftError):  # noqa: A001 (Weft's, not Python's)
    """The function raised an error while running."""


class ReadOnlyError(WeftError, ValueError):
    """A read-only array (writeable=False, np.frombuffer of bytes, a
    read-only memmap, a broadcast_to view) for a parameter the function
    may write into; nothing was written."""


class OverflowError(WeftError, _builtin_OverflowError):  # noqa: A001
    """An integer outside the range of its parameter's type (int64, or
    int32 for an i32 parameter)."""


def _python_error(name, base):
    cls = type(name, (RuntimeError, base), {
        "__doc__": "Weft's run-time %s (also a weft.RuntimeError)." % name,
        "__module__": __name__})
    return cls


_RUNTIME_ERRORS = {
    name: _python_error(name, base) for name, base in (
        ("ZeroDivisionError", ZeroDivisionError),
        ("IndexError", IndexError),
        ("ValueError", ValueError),
        ("MemoryError", MemoryError),
        ("RecursionError", RecursionError),
        ("AssertionError", AssertionError),
        ("OSError", OSError))}
# What `raise E(...)` in a jitted function may raise besides those (kept
# out of this module's names, which would shadow Python's here).
_RAISED_ERRORS = {
    name: _python_error(name, base) for name, base in (
        ("TypeError", TypeError),
        ("KeyError", KeyError),
        ("NotImplementedError", NotImplementedError),
        ("ArithmeticError", ArithmeticError),
        ("RuntimeError", _builtin_RuntimeError))}


# ---------------------------------------------------------------- library


class _Scalar(ctypes.Union):
    _fields_ = [("b", ctypes.c_int), ("i32", ctypes.c_int32),
                ("i64", ctypes.c_int64), ("f32", ctypes.c_float),
                ("f64", ctypes.c_double), ("c128", ctypes.c_double * 2),
                ("c64", ctypes.c_float * 2)]


# WEFT_MAX_RANK of weft/dtype.h (checked against the library when loaded).
MAX_RANK = 8


class _Arg(ctypes.Structure):
    _fields_ = [("dtype", ctypes.c_int), ("rank", ctypes.c_int),
                ("scalar", _Scalar), ("data", ctypes.c_void_p),
                ("shape", ctypes.c_int64 * MAX_RANK),
                ("strides", ctypes.c_int64 * MAX_RANK),
                ("array", ctypes.c_void_p), ("read_only", ctypes.c_int)]


class _Value(ctypes.Structure):
    pass


_Value._fields_ = [("kind", ctypes.c_int), ("dtype", ctypes.c_int),
                   ("number", ctypes.c_double), ("integer", ctypes.c_int64),
                   ("array", ctypes.c_void_p), ("count", ctypes.c_int),
                   ("elements", ctypes.POINTER(_Value)),
                   ("imag", ctypes.c_double), ("list_depth", ctypes.c_int),
                   ("is_string", ctypes.c_int),
                   ("is_ragged", ctypes.c_int),
                   ("record_name", ctypes.c_void_p)]


class _Options(ctypes.Structure):
    _fields_ = [("target", ctypes.c_char_p), ("threads", ctypes.c_int),
                ("opt_level", ctypes.c_int), ("fastmath", ctypes.c_int),
                ("cache_directory", ctypes.c_char_p),
                ("no_cache", ctypes.c_int), ("metrics", ctypes.c_int),
                ("catch_interrupts", ctypes.c_int),
                ("time_calls", ctypes.c_int)]


def _load_library():
    here = os.path.dirname(os.path.abspath(__file__))
    # $WEFT_LIBRARY; next to the package; the installed layout
    # (<prefix>/lib/python3/site-packages/weft -> <prefix>/lib); the
    # build tree (runtime/python/weft -> build/runtime); the loader path.
    candidates = [os.environ.get("WEFT_LIBRARY"),
                  os.path.join(here, "libweft.so"),
                  os.path.join(here, "..", "..", "..", "libweft.so"),
                  os.path.join(here, "..", "..", "..", "build", "runtime",
                               "libweft.so"),
                  "libweft.so", "libweft.so.0"]
    errors = []
    for c in candidates:
        if not c:
            continue
        try:
            return ctypes.CDLL(c, mode=ctypes.RTLD_GLOBAL)
        except _builtin_OSError as e:
            errors.append(str(e))
    raise ImportError("weft: cannot load libweft.so (set WEFT_LIBRARY): " +
                      "; ".join(errors))


_lib = _load_library()
_P = ctypes.c_void_p
for name, res, args in [
        ("weft_last_error", ctypes.c_char_p, []),
        ("weft_version", ctypes.c_char_p, []),
        ("weft_dtype_name", ctypes.c_char_p, [ctypes.c_int]),
        ("weft_max_rank", ctypes.c_int, []),
        ("weft_engine_create", ctypes.c_int,
         [ctypes.POINTER(_Options), ctypes.POINTER(_P)]),
        ("weft_engine_destroy", None, [_P]),
        ("weft_engine_metrics_json", ctypes.c_int,
         [_P, ctypes.POINTER(ctypes.c_void_p)]),
        ("weft_compile", ctypes.c_int,
         [_P, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_P)]),
        ("weft_module_destroy", None, [_P]),
        ("weft_call", ctypes.c_int,
         [_P, ctypes.c_char_p, ctypes.POINTER(_Arg), ctypes.c_int,
          ctypes.POINTER(_Value)]),
        ("weft_array_data", _P, [_P]),
        ("weft_array_dtype", ctypes.c_int, [_P]),
        ("weft_array_rank", ctypes.c_int, [_P]),
        ("weft_array_structured_dtype", ctypes.c_char_p, [_P]),
        ("weft_array_shape", ctypes.c_int64, [_P, ctypes.c_int]),
        ("weft_array_stride", ctypes.c_int64, [_P, ctypes.c_int]),
        ("weft_array_release", None, [_P]),
        ("weft_free", None, [_P]),
        ("weft_value_release", None, [ctypes.POINTER(_Value)]),
        ("weft_interrupt", None, [])]:
    f = getattr(_lib, name)
    f.restype = res
    f.argtypes = args

__version__ = _lib.weft_version().decode()
if _lib.weft_max_rank() != MAX_RANK:
    raise ImportError("the Weft library (%s) has arrays of up to %d axes; "
                      "this package expects %d: install matching versions" %
                      (__version__, _lib.weft_max_rank(), MAX_RANK))

# The element kinds are the library's (weft/dtype.h): code -> NumPy name.
_DTYPES = {}
_code = 0
while _lib.weft_dtype_name(_code) is not None:
    _DTYPES[np.dtype(_lib.weft_dtype_name(_code).decode())] = _code
    _code += 1
_NP = {v: k for k, v in _DTYPES.items()}
_BOOL, _I32, _I64, _F32, _F64, _U64 = (
    _DTYPES[np.dtype(n)] for n in ("bool", "int32", "int64", "float32",
                                   "float64", "uint64"))
from weft import _arguments  # noqa: E402 (uses the error classes)
from weft import _jitclass  # noqa: E402
from weft import _overloads  # noqa: E402
# What the package reads of Python functions to compile them.
from weft._pysource import (  # noqa: E402
    _KNOWN_MODULES,
    _list_parameters_grown,
    _read_only_parameters,
    _returns_value,
    _referenced_values,
)
# The Weft source it compiles of them.
from weft._weftsource import (  # noqa: E402
    _in_entry,
    _module_source,
    _name_lambda,
)
jitclass = _jitclass.jitclass

_ERRORS = {1: CompileError, 2: CallError, 3: RuntimeError, 4: WeftError,
           5: ReadOnlyError, 6: OverflowError}
_I64_MIN, _I64_MAX = -2**63, 2**63 - 1


def _check(status):
    if status != 0:
        message = _lib.weft_last_error().decode(errors="replace")
        if status == 3 and ": KeyboardInterrupt: " in message:
            raise KeyboardInterrupt(message)
        if status == 3:
            raise _runtime_error(message)
        raise _ERRORS.get(status, WeftError)(message)


def _other_builtin_error(first):
    """[(name, class)] for the other Python exception class (OverflowError,
    LookupError, ...) `first` names, as a weft.RuntimeError too; or []."""
    import builtins
    import re
    for name in re.findall(r"(?:^|: )([A-Z][A-Za-z]*(?:Error|Exception|"
                           r"Warning))(?=$|: )", first):
        base = getattr(builtins, name, None)
        if name in _RUNTIME_ERRORS or name in _RAISED_ERRORS or \
                not (isinstance(base, type) and
                     issubclass(base, Exception)):
            continue
        if name not in _OTHER_ERRORS:
            _OTHER_ERRORS[name] = _python_error(name, base)
        return [(name, _OTHER_ERRORS[name])]
    return []


_OTHER_ERRORS = {}


def _runtime_error(message):
    """A run-time error as the Python exception it names ("f.weft:3:
    ZeroDivisionError: division by zero"): weft.ZeroDivisionError is a
    weft.RuntimeError and a ZeroDivisionError, so either except catches
    it. Its message is Python's (str(e) is "division by zero", as under
    Numba, and `raise ValueError()` has none); where jitted code raised it
    is its `location` ("f.weft:3"), and a note the traceback shows."""
    first, _, rest = message.partition("\n")
    for name, cls in (*_RUNTIME_ERRORS.items(), *_RAISED_ERRORS.items(),
                      *_other_builtin_error(first)):
        location = text = None
        if first == name:
            pass
        elif first.startswith(name + ": "):
            text = first[len(name) + 2:]
        elif (": %s: " % name) in first:
            location, text = first.split(": %s: " % name, 1)
        elif first.endswith(": " + name):
            location = first[:-len(name) - 2]
        else:
            continue
        e = cls(text) if text is not None else cls()
        e.location = location
        for note in ("raised in jitted code at " + location
                     if location else "", rest):
            if note and hasattr(e, "add_note"):
                e.add_note(note)
        return e
    user = _user_error(first, rest)
    return user if user is not None else RuntimeError(message)


def _user_error(first, rest):
    """The program's own exception class a run-time error names
    ("ngmix.py:988: GMixRangeError: g >= 1", `raise GMixRangeError(...)`
    in jitted code), found among the globals of the module of the file
    that raised it, as that class (and a weft.RuntimeError where the two
    can be one class); None when there is none."""
    import re
    import sys
    m = re.match(r"^(.*):(\d+): ([A-Za-z_][A-Za-z0-9_]*)(?:: (.*))?$", first)
    if m is None:
        return None
    path, line, name, text = m.groups()
    cls = None
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and os.path.abspath(file) == os.path.abspath(path):
            cls = getattr(module, name, None)
            break
    if not (isinstance(cls, type) and issubclass(cls, Exception)):
        return None
    try:
        both = type(name, (cls, RuntimeError), {
            "__module__": cls.__module__,
            "__doc__": cls.__doc__})
        e = both(text) if text is not None else both()
    except Exception:  # noqa: BLE001 (a layout or __init__ of its own)
        try:
            e = cls(text) if text is not None else cls()
        except Exception:  # noqa: BLE001
            return None
    e.location = "%s:%s" % (path, line)
    for note in ("raised in jitted code at " + e.location, rest):
        if note and hasattr(e, "add_note"):
            e.add_note(note)
    return e


class _Engine:
    """One engine per (options) in this process, created on first use."""
    _engines = {}
    _lock = threading.Lock()

    @classmethod
    def get(cls, fastmath=False, target="cpu"):
        key = (fastmath, target)
        with cls._lock:
            if key not in cls._engines:
                # Ctrl-C stops a running call (KeyboardInterrupt).
                opts = _Options(target.encode(), 0, -1, int(fastmath), None,
                                0, 0, 1)
                handle = _P()
                _check(_lib.weft_engine_create(ctypes.byref(opts),
                                               ctypes.byref(handle)))
                cls._engines[key] = handle
            return cls._engines[key]


def interrupt():
    """Stops every running Weft call at its next loop iteration, with
    KeyboardInterrupt (as Ctrl-C does); for use from another thread."""
    _lib.weft_interrupt()


def metrics():
    """The metrics of every engine of this process (dicts, as Weft's JSON:
    compile stages per specialisation and calls per function). Calls are
    timed only when the environment variable WEFT_TIME_CALLS=1 was set
    before the first call (timing costs two clock reads per call)."""
    import json
    out = []
    for (fastmath, target), handle in list(_Engine._engines.items()):
        p = ctypes.c_void_p()
        _check(_lib.weft_engine_metrics_json(handle, ctypes.byref(p)))
        try:
            out.append(json.loads(ctypes.string_at(p).decode()))
        finally:
            _lib.weft_free(p)
    return out


# -------------------------------------------------------------- arguments

def _to_arg(x, keep, index):
    a = _Arg()
    if isinstance(x, (bytes, bytearray)):
        # Numba's Bytes: a uint8 array of the bytes, read-only for bytes,
        # writable (and written back) for a bytearray
        x = np.frombuffer(x, dtype=np.uint8)
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x[()]  # a 0-d array: Weft holds it as its number
    if isinstance(x, np.ndarray):
        dt = _DTYPES.get(x.dtype)
        if dt is None and x.dtype.names:
            raise CallError("structured arrays (dtype %s) are not supported "
                            "yet; pass each field, a[%r], as an array of "
                            "its own" % (x.dtype, x.dtype.names[0]))
        if dt is None:
            raise CallError("arrays of %s are not supported; use bool, "
                            "int8, int16, int32, int64, uint8, uint16, "
                            "uint32, uint64, float32, float64, complex64 or "
                            "complex128" %
                            x.dtype)
        if not 1 <= x.ndim <= MAX_RANK:
            raise CallError("Weft arrays have 1 to %d axes, not %d" %
                            (MAX_RANK, x.ndim))
        item = x.dtype.itemsize
        if any(s % item for s in x.strides):
            raise CallError("array strides must be multiples of the "
                            "element size")
        a.dtype, a.rank = dt, x.ndim
        a.data = x.ctypes.data
        a.read_only = not x.flags.writeable
        for d in range(x.ndim):
            a.shape[d] = x.shape[d]
            a.strides[d] = x.strides[d] // item
        keep.append(x)
        return a
    if isinstance(x, (bool, np.bool_)):
        a.dtype, a.scalar.b = _BOOL, int(bool(x))
    elif isinstance(x, (int, np.integer)):
        v = int(x)
        if isinstance(x, np.uint64) or _I64_MAX < v < 2**64:
            # a uint64, as Numba types np.uint64 and the ints past int64
            a.dtype, a.scalar.i64 = _U64, v - 2**64 if v > _I64_MAX else v
        elif not _I64_MIN <= v <= _I64_MAX:
            raise OverflowError("argument %d is %d, outside the range of "
                                "int64 and uint64" % (index, v))
        else:
            a.dtype, a.scalar.i64 = _I64, v
    elif isinstance(x, np.float32):
        a.dtype, a.scalar.f32 = _F32, float(x)
    elif isinstance(x, (float, np.floating)):
        a.dtype, a.scalar.f64 = _F64, float(x)
    elif isinstance(x, np.complex64):
        a.dtype = _DTYPES[np.dtype("complex64")]
        a.scalar.c64[0], a.scalar.c64[1] = x.real, x.imag
    elif isinstance(x, (complex, np.complexfloating)):
        z = complex(x)
        a.dtype = _DTYPES[np.dtype("complex128")]
        a.scalar.c128[0], a.scalar.c128[1] = z.real, z.imag
    elif isinstance(x, np.void):
        raise CallError("NumPy records (an element of a structured array) "
                        "are not supported yet; pass its fields as numbers")
    else:
        raise CallError("cannot pass %s to a Weft function; pass numbers "
                        "or NumPy arrays" % type(x).__name__)
    return a


def _extent(data, shape, strides, itemsize):
    """The bytes [lo, hi) a strided view reaches; None if it has none."""
    if not all(shape):
        return None
    lo = data + sum(min(0, (n - 1) * s) for n, s in zip(shape, strides))
    hi = data + sum(max(0, (n - 1) * s) for n, s in zip(shape, strides))
    return lo, hi + itemsize


class _ViewOf:
    """What a result that views an argument's memory is made from: the
    argument is its base, so the argument lives as long as the result."""

    def __init__(self, base, interface):
        self.base = base
        self.__array_interface__ = interface


def _array_result(handle, args):
    """A NumPy array over a Weft result; a structured array's (or a
    record's) bytes as the structured array (the record)."""
    spec = _lib.weft_array_structured_dtype(handle)
    a = _plain_array_result(handle, args)
    if spec is None:
        return a
    items = spec.decode().split(";")
    names, formats, offsets = [], [], []
    for item in items[1:]:
        name, dtype, offset, *shape = item.split(":")
        names.append(name)
        offsets.append(int(offset))
        formats.append((dtype, tuple(int(d) for d in shape[0].split("x")))
                       if shape else dtype)
    dt = np.dtype({"names": names, "formats": formats, "offsets": offsets,
                   "itemsize": int(items[0])})
    r = a.view(dt)[..., 0]
    return r[()] if a.ndim == 1 else r


def _plain_array_result(handle, args):
    """A NumPy array over a Weft result. A view of an argument's memory
    (`return x[1:]`) has that argument as its base, and is read-only if
    the argument is; anything else is over Weft's buffer, which it keeps
    alive."""
    dt = _NP[_lib.weft_array_dtype(handle)]
    rank = _lib.weft_array_rank(handle)
    shape = [_lib.weft_array_shape(handle, d) for d in range(rank)]
    strides = [_lib.weft_array_stride(handle, d) * dt.itemsize
               for d in range(rank)]
    data = _lib.weft_array_data(handle) or 0
    extent = _extent(data, shape, strides, dt.itemsize)
    if extent is None:
        # No elements (zeros((0, 3))): nothing to keep alive.
        _lib.weft_array_release(handle)
        return np.empty(shape, dt)
    for x in args if extent else ():
        xi = x.__array_interface__
        xe = _extent(xi["data"][0], x.shape, x.strides, x.dtype.itemsize)
        if xe and xe[0] <= extent[0] and extent[1] <= xe[1]:
            _lib.weft_array_release(handle)
            return np.asarray(_ViewOf(x, {
                "version": 3, "shape": tuple(shape), "typestr": dt.str,
                "data": (data, not x.flags.writeable),
                "strides": tuple(strides)}))
    # The extent of the buffer the strides reach, from its first element.
    lo = sum(min(0, (n - 1) * s) for n, s in zip(shape, strides))
    size = extent[1] - extent[0] if extent else 0
    raw = (ctypes.c_char * max(size, 1)).from_address(data + lo)
    weakref.finalize(raw, _lib.weft_array_release, handle)
    return np.ndarray(shape, dt, buffer=raw, offset=-lo, strides=strides)


# -------------------------------------------------------- modules, functions

class Module:
    """Compiled Weft source; its functions are attributes (m.f(...))."""

    def __init__(self, source, name="<source>", fastmath=False,
                 target="cpu"):
        self.source, self.name = source, name
        self.fastmath, self.target = fastmath, target
        handle = _P()
        _check(_lib.weft_compile(_Engine.get(fastmath, target),
                                 source.encode(), name.encode(),
                                 ctypes.byref(handle)))
        self._handle = handle
        weakref.finalize(self, _lib.weft_module_destroy, handle)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        # Kept: the function's fast path learns argument layouts as it is
        # called, so `module.f(x)` in a loop is called from C too.
        f = Function(self, name)
        self.__dict__[name] = f
        return f

    def __reduce__(self):
        return (Module, (self.source, self.name, self.fastmath, self.target))

    def call(self, function, *args):
        keep = []
        argv = (_Arg * max(len(args), 1))(
            *[_to_arg(a, keep, i + 1) for i, a in enumerate(args)])
        r = _Value()
        _check(_lib.weft_call(self._handle, function.encode(), argv,
                              len(args), ctypes.byref(r)))
        if r.kind != 3:
            return _result(r, keep)
        # A tuple: its arrays go to NumPy arrays (which release them), then
        # the element list is freed.
        try:
            return _result(r, keep)
        finally:
            _free_elements(r)


def _result(r, keep):
    """The Python value of a weft_value: None, a number, a NumPy array or
    a tuple of those."""
    if r.kind == 0:
        return None
    if r.kind == 2:
        a = _array_result(r.array, keep)
        if r.is_string:  # a str: its code points
            return _str_of(a)
        return _as_lists(a, r.list_depth) if r.list_depth else a
    if r.kind == 3:
        parts = tuple(_result(r.elements[i], keep) for i in range(r.count))
        if r.is_ragged:  # a list of lists: (starts, lengths, pool)
            starts, lengths, pool = parts[:3]
            if r.is_string:  # a list of strs: each row's code points
                return [_str_of(pool[s:s + n])
                        for s, n in zip(starts, lengths)]
            if r.is_ragged == 2:  # a list of arrays (and their extents)
                shapes = zip(*parts[3:]) if len(parts) > 3 else \
                    ((n,) for n in lengths)
                return [pool[s:s + n].reshape(shape).copy()
                        for s, n, shape in zip(starts, lengths, shapes)]
            return [pool[s:s + n].tolist() for s, n in zip(starts, lengths)]
        if parts and isinstance(parts[0], str) and \
                parts[0] in ("__weft_dict__", "__weft_set__"):
            # a dict or set: its parts (frontend/DesugarDictsImpl.h)
            keys = [tuple(k) if isinstance(k, list) else k for k in parts[1]]
            return dict(zip(keys, parts[2])) if parts[0] == "__weft_dict__" \
                else set(keys)
        if r.list_depth:
            return _zipped(parts, r.list_depth)
        if r.record_name:
            return _record(ctypes.string_at(r.record_name).decode(), parts)
        return parts
    if r.dtype == _BOOL:
        return bool(r.integer)
    if r.dtype in (_I32, _I64):
        return int(r.integer)
    if r.dtype == _DTYPES[np.dtype("uint64")]:
        return int(r.integer) & 0xFFFFFFFFFFFFFFFF
    if r.dtype in (_DTYPES[np.dtype("complex128")],
                   _DTYPES[np.dtype("complex64")]):
        return complex(r.number, r.imag)
    return float(r.number)


def _str_of(codes):
    """The Python str of an array of code points."""
    return np.ascontiguousarray(codes, dtype="<u4").tobytes().decode(
        "utf-32-le", "surrogatepass")


def _as_lists(a, depth):
    """The Python lists of an array whose leading `depth` axes are lists
    (lists of numbers, of lists, or of arrays, as Numba returns them)."""
    if depth >= a.ndim:
        return a.tolist()
    return [_as_lists(row, depth - 1) for row in a] if depth > 1 \
        else list(a)


def _zipped(fields, depth):
    """A list of tuples (of lists of tuples, `depth` deep) from the lists
    of its fields."""
    if depth == 1:
        return list(zip(*fields))
    return [_zipped(rows, depth - 1) for rows in zip(*fields)]


def _free_elements(r):
    """Frees the element lists (and class names) of a tuple result (not
    its arrays, which NumPy arrays own now)."""
    for i in range(r.count):
        if r.elements[i].kind == 3:
            _free_elements(r.elements[i])
    _lib.weft_free(ctypes.cast(r.elements, ctypes.c_void_p))
    if r.record_name:
        _lib.weft_free(r.record_name)


def _record(name, parts):
    """A tuple result of class `name`: an instance of the jitclass (its
    number fields from their 1-element cells) or of the namedtuple class
    of that name; the tuple where there is none with as many fields."""
    info = _jitclass._by_name.get(name)
    if info is not None and getattr(info, "made", None) is not None:
        made = info.instance(parts)
        if made is not None:
            return made
    if name == "slice" and len(parts) == 3:  # a slice object, as Numba's
        return slice(*parts)
    if name == "__range" and len(parts) == 3:  # a range object
        return range(*parts)
    cls = _arguments.record_classes.get(name)
    if cls is not None and len(cls._fields) == len(parts):
        return cls(*parts)
    return parts


def _load_fastcall():
    """weft._fastcall (runtime/python/fastcall.c), the C-level call path:
    in the package (installed), or built next to the library (the build
    tree: build/runtime/python/weft). None when it is not there or
    WEFT_NO_FASTCALL=1; calls then go through ctypes alone."""
    if os.environ.get("WEFT_NO_FASTCALL") == "1":
        return None
    import glob
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    lib_dir = os.path.dirname(os.path.abspath(_lib._name))
    for folder in (here, os.path.join(lib_dir, "python", "weft")):
        for path in sorted(glob.glob(os.path.join(folder, "_fastcall*.so"))):
            try:
                spec = importlib.util.spec_from_file_location(
                    "weft._fastcall", path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
            except ImportError:
                continue
    return None


_fastcall = _load_fastcall()
# Array and tuple results made in C too (NumPy's C API in weft._fastcall).
_FAST_ARRAYS = _fastcall is not None and _fastcall.arrays(*(
    ctypes.cast(getattr(_lib, f), ctypes.c_void_p).value
    for f in ("weft_array_data", "weft_array_dtype", "weft_array_rank",
              "weft_array_shape", "weft_array_stride", "weft_array_release",
              "weft_free")))
_CALL_ADDRESSES = tuple(
    ctypes.cast(getattr(_lib, f), ctypes.c_void_p).value
    for f in ("weft_call", "weft_value_release", "weft_entry_create",
              "weft_entry_call", "weft_entry_destroy"))


def _fast_result(r):
    """Whether weft._fastcall makes results like `r`: None, numbers, and
    NumPy arrays and tuples when it has NumPy's C API (a Python list
    result is made here, so its layouts are not learned)."""
    if r is None or type(r) in (int, float, bool):
        return True
    if not _FAST_ARRAYS:
        return False
    if type(r) is tuple:
        return all(_fast_result(x) for x in r)
    return type(r) is np.ndarray and r.dtype.names is None


# Functions and dispatchers are weft._fastcall.Callers when it is built:
# a call of a learned layout goes from the interpreter straight to C.
_CallerBase = _fastcall.Caller if _fastcall is not None else object


class Function(_CallerBase):
    """A function of a module; calling it compiles the specialisation for
    the argument types on first use. Pickles as source and options.

    With weft._fastcall built, a Function is a C-level callable: argument
    layouts (numbers, NumPy arrays) called once are then called from C,
    results included; everything else goes to _slow, the ctypes path."""

    def __init__(self, module, name):
        if _fastcall is not None:
            super().__init__(module._handle.value, name.encode(), _check,
                             *_CALL_ADDRESSES)
        self.module, self.name = module, name
        self.__name__ = name

    def _slow(self, *args):
        r = self.module.call(self.name, *args)
        if _fastcall is not None and _fast_result(r):
            self.learn(*args)
        return r

    if _fastcall is None:
        def __call__(self, *args):
            return self._slow(*args)

    def __reduce__(self):
        return (_function, (self.module.source, self.module.name,
                            self.module.fastmath, self.module.target,
                            self.name))

    def __repr__(self):
        return "<weft function %s from %s>" % (self.name, self.module.name)


if _fastcall is not None:
    _fastcall.vectorcall_subclass(Function)


_modules = {}
_modules_lock = threading.Lock()


def _function(source, name, fastmath, target, function):
    """Unpickling: one module per source in each process."""
    key = (source, name, fastmath, target)
    with _modules_lock:
        if key not in _modules:
            _modules[key] = Module(source, name, fastmath, target)
        return Function(_modules[key], function)


def compile(source, name="<source>", fastmath=False, target="cpu"):
    """Compiles Weft source into a Module (functions are attributes)."""
    return Module(source, name, fastmath, target)


def _py_functions(part):
    """The Python functions of a part of a module: a dispatcher's, or a
    jitclass's methods."""
    if isinstance(part, _jitclass.JitclassInfo):
        return part.functions()
    return [part.py_func]


# The first Dispatcher of each Python function (weft.jit(f) or one made
# for a plain function jitted code calls), so that a function is one part.
_dispatcher_of = weakref.WeakKeyDictionary()


def _implicit_dispatcher(v):
    """The Dispatcher of a plain Python function of the program that jitted
    code calls (Numba's @jit falls back to object mode and runs it as
    Python; Weft compiles it as @njit would), made once per function; None
    for anything else."""
    if not isinstance(v, types.FunctionType) or \
            (v.__module__ or "").split(".")[0] in _KNOWN_MODULES + (
                "weft",) or inspect.isgeneratorfunction(v) or \
            v.__name__ == "<lambda>":
        return None
    d = _dispatcher_of.get(v)  # (one jitted as weft.jit(v) already)
    if d is None:
        d = Dispatcher(v, {})
        d.implicit = True
    return d


def _parts_named(fn):
    """The dispatchers and jitclasses `fn` names (and plain functions of
    the program it names, compiled as jitted ones), and every jitclass of
    its module (its instances may come in as arguments)."""
    out = []
    seen = _referenced_values(fn)
    for name in sorted(seen):
        v = seen[name]
        out.append(v if isinstance(v, Dispatcher) else
                   _overloads.stand_in(v) or _implicit_dispatcher(v) or
                   _jitclass.info_of(v))
    for v in list(fn.__globals__.values()):
        info = _jitclass.info_of(v) if isinstance(v, type) else None
        if info is not None and info.error is None:
            out.append(info)  # (one Weft cannot hold only if named)
    # (jitted functions as default values: `metric=euclidean`)
    defaults = list(fn.__defaults__ or ()) + \
        list((fn.__kwdefaults__ or {}).values())
    out += [v for v in defaults if isinstance(v, Dispatcher) and v not in out]
    return [p for p in out if p is not None]


def _parts_of(root):
    """`root` and every dispatcher and jitclass it names, transitively."""
    found, work = [root], [root]
    while work:
        d = work.pop()
        named = [p for fn in _py_functions(d) for p in _parts_named(fn)]
        if isinstance(d, _jitclass.JitclassInfo):
            named += d.classes()  # (its fields' classes)
        for part in named:
            if part not in found:
                found.append(part)
                work.append(part)
    # A plain function is left out where a jitted one has its name (dcor's
    # factory makes both: `g = compiled if flag else plain` is decided by
    # the constant, and the module can define the name once).
    jitted = {p.py_func.__name__ for p in found
              if isinstance(p, Dispatcher) and not getattr(p, "implicit",
                                                           False)}
    return [p for p in found
            if not (getattr(p, "implicit", False) and p is not root and
                    p.py_func.__name__ in jitted)]




class Dispatcher(_CallerBase):
    """A @weft.jit function. On its first call it compiles, into one
    module, its source and that of every @weft.jit function it calls
    (found among the globals of its Python module, transitively), so
    jitted functions call each other as under Numba; each argument type
    combination then compiles on its first use. With weft._fastcall it is
    a C-level callable as Function is: a layout of positional arguments
    called once is then called from C."""

    def __init__(self, fn, options, decorator="jit"):
        if _fastcall is not None:
            super().__init__()  # unbound until the first compilation
        self.py_func, self.options = fn, options
        self.decorator = decorator
        if decorator == "jit":
            _dispatcher_of.setdefault(fn, self)
        functools.update_wrapper(self, fn)
        self._function = None
        self._tuple_entries = {}  # tuple layout -> generated entry
        self._entry_lines = {}  # layout -> (file, first line, function)
        self._lock = threading.Lock()

    def _callees(self):
        _name_lambda(self.py_func)
        return _parts_of(self)

    def compile(self, sig):
        """Numba's dispatcher.compile(sig): the function takes this
        signature's types, as with @jit(sig) (a second signature leaves
        the types to each call, as without one). It compiles on its first
        call."""
        sigs = self.__dict__.setdefault("_compile_signatures", [])
        sigs.append(_eager_signature(sig))
        signature = sigs[0] if len(set(sigs)) == 1 else None
        if signature != getattr(self, "eager_signature", None):
            if self._function is not None or self._tuple_entries:
                raise TypeError("compile(sig) of a function already called "
                                "is not supported by Weft; call it before "
                                "the first call")
            self.eager_signature = signature

    def disable_compile(self, val=True):
        """Numba's dispatcher.disable_compile(): accepted; Weft still
        compiles each new combination of argument types on its first
        use."""
        self._compile_disabled = bool(val)

    def _compiled(self):
        if self._function is None:
            with self._lock:
                if self._function is None:
                    source, filename = _module_source(self._callees())
                    # @vectorize's target= ("cpu", "parallel") is its own.
                    target = "cpu"
                    if self.decorator == "jit":
                        target = self.options.get("target", "cpu")
                    f = _function(
                        source, filename, bool(self.options.get("fastmath")),
                        target, self.py_func.__name__)
                    if _fastcall is not None:
                        _fastcall.Caller.__init__(
                            self, f.module._handle.value,
                            f.name.encode(), _check, *_CALL_ADDRESSES)
                    self._function = f
        return self._function

    def _slow(self, *args, **kwargs):
        # Keyword arguments and defaults bind as Python binds them.
        learn = not kwargs
        code = self.py_func.__code__
        if code.co_flags & inspect.CO_VARARGS:
            # `*args`: the positional arguments after the others, as the
            # tuple the function takes
            bound = self._signature.bind(*args, **kwargs)
            bound.apply_defaults()
            args = tuple(
                tuple(bound.arguments.get(p.name, ()))
                if p.kind == p.VAR_POSITIONAL else bound.arguments[p.name]
                for p in self._signature.parameters.values()
                if p.kind != p.VAR_KEYWORD)
            kwargs, learn = {}, False
        elif kwargs or len(args) < code.co_argcount + \
                code.co_kwonlyargcount:
            bound = self._signature.bind(*args, **kwargs)
            bound.apply_defaults()
            # (keyword-only parameters, after `*,`, follow in their order)
            passed = len(args)
            args = bound.args + tuple(
                bound.kwargs[p.name]
                for p in self._signature.parameters.values()
                if p.kind == p.KEYWORD_ONLY)
            learn = learn and len(args) == passed
        # an Enum member is its value (an IntEnum's is an int already); a
        # NumPy record (an element of a structured array) a namedtuple
        args = tuple(a.value if isinstance(a, enum.Enum) and
                     not isinstance(a, int) else
                     _record_tuple(a) if isinstance(a, np.void) else
                     _arguments.slice_record(a) if isinstance(a, slice) else a
                     for a in args)
        if any(isinstance(a, (tuple, list, str, dict, set, frozenset,
                              Dispatcher)) or a is None
               or _arguments.is_structured(a)
               or _arguments.is_dtype(a) or _jitclass.info_of(a)
               for a in args):
            return self._call_with_tuples(args)
        r = self._compiled()(*args)
        if _fastcall is not None and learn and _fast_result(r):
            self.learn(*args)
        return r

    if _fastcall is None:
        def __call__(self, *args, **kwargs):
            return self._slow(*args, **kwargs)

    def _call_with_tuples(self, args):
        """Tuples (of numbers and arrays, nested) are passed as Numba
        passes them: a generated Weft function, one per tuple layout,
        takes their elements and calls this one with the tuples rebuilt.
        None is passed the same way, as a None in the generated call, and
        Python lists as arrays seen as lists (weft/_arguments.py)."""
        layout = tuple(_arguments.layout(a) for a in args)
        entry = self._tuple_entries.get(layout)
        if entry is None:
            with self._lock:
                entry = self._tuple_entries.get(layout)
                if entry is None:
                    entry = self._tuple_entry(layout, args)
                    self._tuple_entries[layout] = entry
        flat, lists = [], []
        for a in args:
            _arguments.flatten(a, flat, lists)
        try:
            r = entry(*flat)
        except CompileError as e:
            raise _in_entry(e, self._entry_lines.get(layout)) from None
        grown = self._grown_list_positions(layout)
        dicts = self._dict_positions(layout)
        if grown or dicts:
            # (the lists the function grew or shrank come back after its
            # result, and replace the caller's lists' contents; then the
            # contents of the dicts and sets passed)
            r, changed = (r[0], list(r[1:])) if self._returns_value \
                else (None, list(r))
            for i in grown:
                args[i][:] = changed.pop(0)
            for i in dicts:
                keys = changed.pop(0)
                if isinstance(args[i], dict):
                    _arguments.write_back_dict(args[i], keys,
                                               changed.pop(0))
                else:
                    _arguments.write_back_set(args[i], keys)
            lists = [item for item in lists
                     if not any(item[0] is args[i] for i in grown)]
        _arguments.write_back(lists)
        return r

    def _grown_list_positions(self, layout):
        """The positions of list arguments (of numbers, lists, strs,
        tuples or arrays) that the function itself appends to or pops from
        (lst.append(x), lst.pop(), heappush(lst, x), ...): each is passed
        as a variable, whose final contents come back."""
        def is_list(shape):
            # (of numbers, lists, strs, tuples or arrays)
            return isinstance(shape, str) and (
                shape in ("list", "lists", "strs") or
                shape.startswith(("tuples", "arrays")))
        if not any(is_list(shape) for shape in layout):
            return []
        grown = self._grown_parameters
        names = list(self._signature.parameters)
        return [i for i, shape in enumerate(layout)
                if is_list(shape) and i < len(names) and names[i] in grown]

    @functools.cached_property
    def _grown_parameters(self):
        # (the function's source is parsed once, not at each call)
        return _list_parameters_grown(self.py_func)

    def _dict_positions(self, layout):
        """The positions of the dicts and sets among a call's arguments
        that the function may change (their contents come back)."""
        names = list(self._signature.parameters)
        return [i for i, shape in enumerate(layout)
                if isinstance(shape, str) and
                shape.startswith(("dict:", "set:")) and
                (":arrays" in shape or
                 not (i < len(names) and names[i] in self._read_only))]

    @functools.cached_property
    def _read_only(self):
        return _read_only_parameters(self.py_func)

    @functools.cached_property
    def _returns_value(self):
        return _returns_value(self.py_func)

    @property
    def _weft_passed_function(self):
        """The name a jitted function passed to another is written by
        (the compiler makes a copy of the callee for it)."""
        return self.py_func.__name__

    def _tuple_entry(self, layout, args=()):
        _name_lambda(self.py_func)
        params, actuals, prelude = [], [], []
        for i, shape in enumerate(layout):
            actuals.append(_arguments.expression(shape, "__a%d" % i, params,
                                                 prelude))
        name = "__weft_tuples_" + self.py_func.__name__
        lines = ["    " + line for line in prelude]
        # What comes back after the result: the lists the function grows
        # (variables, handed back by it) and the contents of the dicts and
        # sets passed, which it may have changed.
        extras = []
        for i in self._grown_list_positions(layout):
            lines.append("    __list%d = %s" % (i, actuals[i]))
            actuals[i] = "__list%d" % i
            extras.append(actuals[i])
        for i in self._dict_positions(layout):
            extras.append("list(__a%d)" % i)
            if layout[i].startswith("dict:"):
                extras.append("__a%d.values()" % i)
        # (the tuple of a `*args` parameter as the arguments it packs)
        for i, p in enumerate(self._signature.parameters.values()):
            if p.kind == p.VAR_POSITIONAL and i < len(actuals):
                actuals[i] = "*" + actuals[i]
        call = "%s(%s)" % (self.py_func.__name__, ", ".join(actuals))
        if not extras:
            lines.append("    return " + call)
        elif self._returns_value:
            lines.append("    __result = " + call)
            lines.append("    return __result, " + ", ".join(extras))
        else:
            lines.append("    " + call)
            lines.append("    return " + ", ".join(extras) +
                         ("," if len(extras) == 1 else ""))
        wrapper = "def %s(%s):\n%s\n" % (name, ", ".join(params),
                                           "\n".join(lines))
        # The jitted functions passed, with the functions they call.
        callees = self._callees()
        # (those in a tuple too: the one of a `*args` parameter)
        flat = [x for a in args
                for x in (a if isinstance(a, tuple) else (a,))]
        for a in flat:
            if isinstance(a, Dispatcher):
                callees += [d for d in a._callees() if d not in callees]
            # (a jitclass made at run time, or in another module: its
            # class and the functions its methods call)
            info = _jitclass.info_of(a)
            if info is not None and info not in callees:
                callees += [d for d in _parts_of(info) if d not in callees]
        source, filename = _module_source(callees)
        # namedtuple classes of the arguments, rebuilt by the wrapper.
        for line in _arguments.record_lines(layout):
            if line not in source:
                source += line + "\n"
        target = "cpu"
        if self.decorator == "jit":
            target = self.options.get("target", "cpu")
        # (where the generated entry starts, for its errors: _in_entry)
        self._entry_lines[layout] = (filename, source.count("\n") + 2,
                                     self.py_func.__name__)
        return _function(source + "\n" + wrapper, filename,
                         bool(self.options.get("fastmath")), target, name)

    @functools.cached_property
    def _signature(self):
        return inspect.signature(self.py_func)

    def __reduce__(self):
        return self._compiled().__reduce__()

    def __repr__(self):
        return "<weft.jit function %s>" % self.py_func.__qualname__


# Options @weft.jit takes: Weft's, and Numba's others, which Weft code
# does not need (accepted so that Numba code ports unchanged).
_JIT_OPTIONS = ("parallel", "fastmath", "boundscheck", "target", "cache",
                "nopython", "nogil", "error_model", "inline", "forceobj",
                "looplift", "locals", "debug")
_VECTORIZE_OPTIONS = ("target", "fastmath", "boundscheck", "cache",
                      "nopython", "nogil", "identity")


def _check_options(decorator, options, known):
    """A TypeError for an option the decorator does not have, with the
    closest known name."""
    import difflib
    for name in options:
        if name not in known:
            close = difflib.get_close_matches(name, known, 1)
            hint = "; did you mean %r?" % close[0] if close else ""
            raise TypeError("weft.%s has no option %r%s (options: %s)"
                            % (decorator, name, hint, ", ".join(known)))


def _numba_type_name(t):
    """The name of a Numba type given as a value (float32 of the numba
    module, np.float32, "float32")."""
    if isinstance(t, str):
        return t
    name = _arguments.dtype_name(t)
    return name if name is not None else str(getattr(t, "name", t))


def _eager_signature(x):
    """The text of Numba's one eager signature given to @jit ("f8(f8)",
    ["f8(f8)"], or float64(float64) of the numba module's type names);
    None for none or several."""
    if isinstance(x, (list, tuple)) and len(x) == 1:
        x = x[0]
    if isinstance(x, str):
        return x
    name = getattr(x, "name", None)  # weft.numba's type names
    if type(x).__name__ == "_TypeName" and isinstance(name, str) and \
            name.endswith(")"):
        return name
    return None


def jit(fn=None, *signatures, **options):
    """@weft.jit or @weft.jit(parallel=True, fastmath=..., boundscheck=...,
    target="cpu"|"gpu"): the function body is Weft code. Numba's
    signatures (@jit("f8(f8)"), @jit(["f8(f8)", ...])) are accepted and
    not needed: each argument type combination compiles on first use.
    Numba's keyword for the first argument, signature_or_function=, is
    taken too (jit(signature_or_function=f, nopython=True))."""
    if fn is None and "signature_or_function" in options:
        fn = options.pop("signature_or_function")
    _check_options("jit", options, _JIT_OPTIONS)

    def wrap(f):
        if inspect.isgeneratorfunction(f):
            return _Generator(f, options)
        d = Dispatcher(f, options)
        d.eager_signature = _eager_signature(fn)
        return d
    if fn is not None and not inspect.isfunction(fn):
        return wrap  # signatures
    return wrap(fn) if fn is not None else wrap


def vectorize(fn=None, *signatures, **options):
    """@weft.vectorize, as Numba's: a function of numbers that applies
    element by element to arrays (with broadcasting) and to numbers.
    Signatures (@vectorize(["f8(f8, f8)"])) are accepted and not needed;
    target="cpu" or "parallel"."""
    _check_options("vectorize", options, _VECTORIZE_OPTIONS)

    given = []
    if fn is not None and not inspect.isfunction(fn):
        given = list(fn) if isinstance(fn, (list, tuple)) else [fn]

    def wrap(f):
        if given:
            return _Ufunc(f, options, given)
        return Dispatcher(f, options, "vectorize")
    if fn is not None and not inspect.isfunction(fn):
        return wrap  # signatures
    return wrap(fn) if fn is not None else wrap


_RECORD_CLASSES = {}


def _record_tuple(x):
    """A NumPy record (np.void of a structured dtype): an element of a
    structured array (ngmix's `get_weighted_sums(wt, pixels, res[0], r)`)
    as the one-record array over it, which the function indexes, so that
    its writes (`res["wsum"] += w`) reach the caller's array; another (a
    record of its own) as a namedtuple of its fields' values, read as
    `rec["x"]` or `rec.x` in jitted code (a copy: Weft's namedtuples are
    not written into). One class per dtype."""
    view = _arguments.record_view(x)
    if view is not None:
        return view
    names = x.dtype.names
    if not names or not all(n.isidentifier() for n in names):
        raise CallError("NumPy records are passed when their fields are "
                        "named by identifiers; pass the fields as numbers")
    cls = _RECORD_CLASSES.get(x.dtype)
    if cls is None:
        import collections
        cls = collections.namedtuple("numpy_record_%d" % len(_RECORD_CLASSES),
                                     names)
        _RECORD_CLASSES[x.dtype] = cls
    return cls(*(x[n] for n in names))


class _Ufunc(Dispatcher):
    """A @vectorize function with signatures, as Numba's: a NumPy ufunc
    with one loop per signature, in their order. A call takes the loop
    NumPy's loop search takes (weft/gufunc.py ufunc_loop), converts the
    arguments to its types and gives its output type."""

    def __init__(self, fn, options, signatures):
        super().__init__(fn, options, decorator="vectorize")
        from . import gufunc
        self._gufunc = gufunc
        self._loops = gufunc.ufunc_loops(signatures)

    def __call__(self, *args, **kwargs):
        if kwargs:
            return self._slow(*args, **kwargs)
        ins, out = self._gufunc.ufunc_loop(self._loops, args,
                                           self.py_func.__name__)
        cast = [a.astype(dt, copy=False) if isinstance(a, np.ndarray) and
                a.ndim > 0 else dt.type(a) for a, dt in zip(args, ins)]
        r = self._slow(*cast)
        if isinstance(r, np.ndarray):
            return r.astype(out, copy=False)
        return out.type(r)


if _fastcall is not None:
    _fastcall.vectorcall_subclass(Dispatcher)


class _Stencil(Dispatcher):
    """A @weft.stencil kernel, as Numba's: written with indices relative
    to the element computed (a[-1, 0] + a[1, 0]), applied to every element
    whose neighbourhood lies inside the array; the border is cval (0).
    The compiler writes the loops (frontend/DesugarStencils.cpp), so
    jitted functions call it too; `out=` writes into an array."""

    def __init__(self, fn, options):
        super().__init__(fn, options, decorator="stencil")

    def __call__(self, *args, **kwargs):
        out = kwargs.pop("out", None)
        if out is None:
            return self._slow(*args, **kwargs)
        into = getattr(self._compiled().module,
                       self.py_func.__name__ + "__into")
        return into(*args, out)

    def __repr__(self):
        return "<weft.stencil %s>" % self.py_func.__qualname__


class _Generator(Dispatcher):
    """A jitted generator function. Compiled functions that loop over it
    (for x in gen(...)) run its body in their loop (the compiler inlines
    it: frontend/InlineGenerators.cpp). Called from Python, it is Python's
    generator: the values are the same, made by the interpreter."""

    def __call__(self, *args, **kwargs):
        return self.py_func(*args, **kwargs)

    def __repr__(self):
        return "<weft.jit generator %s>" % self.py_func.__qualname__


_GUVECTORIZE_OPTIONS = ("target", "fastmath", "boundscheck", "cache",
                        "nopython", "nogil", "writable_args", "forceobj")


def guvectorize(*args, **options):
    """@weft.guvectorize(signatures, layout) or @weft.guvectorize(layout),
    as Numba's generalized ufuncs (weft/gufunc.py): the kernel runs on the
    core arrays of every element of the loop dimensions; the call returns
    the outputs. target="parallel" is accepted and runs serially."""
    _check_options("guvectorize", options, _GUVECTORIZE_OPTIONS)
    from weft.gufunc import GUFunc
    if len(args) == 2:
        signatures, layout = args
    elif len(args) == 1 and isinstance(args[0], str):
        signatures, layout = [], args[0]
    else:
        raise TypeError("weft.guvectorize takes (signatures, layout) or "
                        "(layout), as Numba's")
    if isinstance(signatures, str):
        signatures = [signatures]
    fastmath = bool(options.get("fastmath"))

    def compile_function(source, filename, entry):
        return _function(source, filename, fastmath, "cpu", entry)

    def module_source(fn):
        kernel = Dispatcher(fn, {k: v for k, v in options.items()
                                 if k in ("fastmath", "boundscheck")})
        return _module_source(kernel._callees())

    def wrap(fn):
        return GUFunc(fn, list(signatures), layout, compile_function,
                      module_source)
    return wrap


_STENCIL_OPTIONS = ("neighborhood", "cval", "standard_indexing",
                    "func_or_mode")


def stencil(fn=None, **options):
    """@weft.stencil or @weft.stencil(neighborhood=, cval=,
    standard_indexing=, func_or_mode="constant"), as Numba's."""
    _check_options("stencil", options, _STENCIL_OPTIONS)
    if fn is None:
        return lambda f: _Stencil(f, options)
    return _Stencil(fn, options)


# Numba's names, so that `import weft as numba` ports a program: njit is
# jit, and prange is range where Python itself runs it.
njit = jit


def prange(*args):
    """Numba's prange: where Python runs it, range; in jitted code the
    compiler's (also under another name: from numba import prange as
    _prange)."""
    return range(*args)


# Names used in Weft type annotations, so that decorated functions are
# valid Python too (f64[:] etc. in signatures).
class _TypeName:
    def __init__(self, name):
        self.name = name

    def __getitem__(self, item):
        return self

    def __repr__(self):
        return self.name


bool_ = _TypeName("bool")
i32, i64, f32, f64 = (_TypeName(n) for n in ("i32", "i64", "f32", "f64"))


# weft.ZeroDivisionError, weft.IndexError, ... (defined last: the module's
# own code above means Python's classes by these names).
globals().update(_RUNTIME_ERRORS)
