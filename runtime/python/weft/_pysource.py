"""_pysource.py - what the package reads of a Python function to compile
it with the functions and values it names: its global and closure
names, the program's modules it reaches, the constants frozen into the
module's source (numbers, strs, arrays, dtypes), the functions of Python's
modules it calls, and which of its list parameters it grows and which it
only reads."""
import ast
import enum
import inspect
import textwrap
import types

import numpy as np

import weft as _weft
from weft import _arguments, _sources

_I64_MIN = -2**63


def _typed_container_name(v):
    """"List" or "Dict" for numba.typed's classes (Numba's or the
    shim's), else None."""
    if not isinstance(v, type):
        return None
    module = getattr(v, "__module__", "")
    if module == "weft.numba" and v.__name__ in ("_TypedList", "_TypedDict"):
        return v.__name__[len("_Typed"):]
    if module.startswith("numba.typed") and v.__name__ in ("List", "Dict"):
        return v.__name__
    return None


def _enum_class_source(name, v):
    """The lines of a class statement spelling the Enum or IntEnum class
    `v` as Weft reads one (members = literal values); None for anything
    else or a member of another value."""
    if not isinstance(v, type) or not issubclass(v, enum.Enum):
        return None
    base = "IntEnum" if issubclass(v, int) else "Enum"
    lines = ["class %s(%s):" % (name, base)]
    for member in v:
        value = member.value
        literal = repr(value) if isinstance(value, str) \
            else _constant_literal(value)
        if literal is None or isinstance(value, tuple):
            return None
        lines.append("    %s = %s" % (member.name, literal))
    return lines if len(lines) > 1 else None


# Global arrays up to this many elements are frozen into the source.
_MAX_FROZEN_ELEMENTS = 1 << 16

_FROZEN_DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8",
                  "uint16", "uint32", "uint64", "float32", "float64")


def _array_literal(v):
    """Weft source making a copy of the global NumPy array `v` (functions
    read it as a constant, as Numba freezes global arrays); None for an
    array of another dtype or too large."""
    if v.dtype.name not in _FROZEN_DTYPES or v.ndim == 0 or \
            v.size > _MAX_FROZEN_ELEMENTS:
        return None
    dtype = "np.bool_" if v.dtype.name == "bool" else "np." + v.dtype.name
    if v.size == 0:
        return "np.zeros(%r, dtype=%s)" % (tuple(v.shape), dtype)

    def spell(x):
        if isinstance(x, list):
            return "[%s]" % ", ".join(spell(y) for y in x)
        if isinstance(x, bool):
            return "True" if x else "False"
        return repr(x)  # ints, and floats (inf, -inf and nan are names)
    values = v.astype(np.float64) if v.dtype.name == "float32" else v
    return "np.array(%s, dtype=%s)" % (spell(values.tolist()), dtype)


def _constant_literal(v):
    """Weft source for a global number, str, tuple of numbers or NumPy
    array `v`; None for anything else."""
    if isinstance(v, np.ndarray):
        return _array_literal(v)
    if type(v) is tuple and v:
        # (numbers, and tuples of them: DIRS = ((0, 1), (1, 0)); arrays:
        # tables of coefficients, frozen as the functions' copies)
        parts = [_constant_literal(x) if not isinstance(x, str) else None
                 for x in v]
        if any(p is None for p in parts):
            return None
        return "(%s)" % ", ".join(parts + [""] * (len(parts) == 1))
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, np.uint64):  # (a uint64 constant stays one)
        return "np.uint64(%d)" % int(v)
    if isinstance(v, (np.float32, np.int8, np.int16, np.int32, np.uint8,
                      np.uint16, np.uint32)):
        # a NumPy number of another width keeps it, as Numba freezes it
        return "np.%s(%r)" % (type(v).__name__, v.item())
    if isinstance(v, (int, np.integer)):
        # (an int from 2**63 to 2**64 - 1 is a uint64 literal)
        return str(int(v)) if _I64_MIN <= int(v) < 2**64 else None
    if isinstance(v, (float, np.floating)):
        return repr(float(v))  # inf, -inf and nan are Weft names too
    if isinstance(v, np.dtype) and v.names is not None:
        # a structured dtype (np.zeros(n, dtype=RECORD))
        try:
            return '__structured("%s")' % _arguments.structured_spec(v)
        except _weft.CallError:
            return None
    name = _arguments.dtype_name(v)
    if name is not None:  # FloatDType = np.float64: an alias of the dtype
        return "np." + ("bool_" if name == "bool" else name)
    if type(v) is str and v.isprintable():
        return repr(v)  # (a global str, frozen as Numba freezes it)
    return None


def _python_module_function(v):
    """(module, name) of a function of Python's random, cmath or heapq
    module (random's are methods of its hidden Random instance), else
    None."""
    import random as _random
    name = getattr(v, "__name__", None)
    if not callable(v) or not isinstance(name, str):
        return None
    if getattr(v, "__self__", None) is _random._inst or \
            getattr(v, "__func__", None) is getattr(_random.Random, name,
                                                    None) and \
            isinstance(getattr(v, "__self__", None), _random.Random):
        return ("random", name)
    if getattr(v, "__module__", None) == "cmath":
        return ("cmath", name)
    # math's and NumPy's functions by their own names (from math import
    # floor: Python's int floor; from numpy import median)
    if getattr(v, "__module__", None) == "math" and name:
        return ("math", name)
    if name and not isinstance(v, type) and (isinstance(v, np.ufunc) or (
            str(getattr(v, "__module__", "")).startswith("numpy") and
            getattr(np, name, None) is v)):
        return ("numpy", name)
    if getattr(v, "__module__", None) in ("heapq", "_heapq"):
        return ("heapq", name)
    if v is _weft.prange:
        return ("numba", "prange")
    # Python's own functions under another name (xrange = range)
    import builtins as _builtins
    if name and getattr(_builtins, name, None) is v:
        return ("builtins", name)
    return None


def _global_names(code):
    """The global names `code` (and the code nested in it) may read."""
    names = set(code.co_names)
    for c in code.co_consts:
        if inspect.iscode(c):
            names |= _global_names(c)
    return names


def _default_names(fn):
    """The global names the default values of `fn`'s parameters read
    (`tol=_TOL`): constants of the module as the body's are."""
    import ast
    try:
        tree = ast.parse(textwrap.dedent(_sources.getsource(fn)))
    except (OSError, TypeError, SyntaxError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.args.defaults + [k for k in node.args.kw_defaults
                                           if k is not None]:
                names |= {n.id for n in ast.walk(d)
                          if isinstance(n, ast.Name)}
            break
    return names


# Modules whose names Weft knows itself (np.sum, math.floor, nb.prange).
_KNOWN_MODULES = ("numpy", "math", "numba", "random", "cmath", "heapq",
                  "sys")


def _program_modules(fn):
    """The program's own modules `fn` names (`from . import utils`,
    `shared_tools = sys.modules[__name__]`, globals or variables of an
    enclosing function), whose members it reaches as `utils.helper(x)`:
    {name: module}."""
    named = {name: fn.__globals__[name] for name in _global_names(fn.__code__)
             if name in fn.__globals__}
    named.update(_closure_values(fn))
    return {name: v for name, v in sorted(named.items())
            if isinstance(v, types.ModuleType) and
            v.__name__.split(".")[0] not in _KNOWN_MODULES}


_GROWING_METHODS = ("append", "extend", "insert", "pop", "remove", "clear")


def _list_parameters_grown(fn):
    """The parameters of `fn` it appends to, extends, inserts into, pops
    from, removes from or clears itself (`stack.pop()`, `heappush(h,
    x)`)."""
    tree = _function_tree(fn)
    if tree is None:
        return set()
    params = {a.arg for a in tree.args.args}
    grown = set()
    for node in ast.walk(tree):
        # heappush(heap, x) and heappop(heap) (heapq's, or heapq.heappush)
        func = node.func if isinstance(node, ast.Call) else None
        name = func.id if isinstance(func, ast.Name) else \
            func.attr if isinstance(func, ast.Attribute) else None
        if name in ("heappush", "heappop") and node.args and \
                isinstance(node.args[0], ast.Name) and \
                node.args[0].id in params:
            grown.add(node.args[0].id)
            continue
        if not (isinstance(node, ast.Call) and
                isinstance(node.func, ast.Attribute) and
                node.func.attr in _GROWING_METHODS):
            continue
        owner = node.func.value
        if isinstance(owner, ast.Subscript):  # a row: lst[i].append(x)
            owner = owner.value
        if isinstance(owner, ast.Name) and owner.id in params:
            grown.add(owner.id)
    return grown


_READING_METHODS = ("get", "keys", "values", "items", "copy")
_READING_BUILTINS = ("len", "sorted", "list", "sum", "min", "max", "any",
                     "all", "enumerate", "zip", "iter", "set", "tuple")


def _read_only_parameters(fn):
    """The parameters of `fn` that it provably only reads as a dict or set
    (`d[k]`, `k in d`, `d.get(k, 0)`, `for k in d`, `len(d)`): such a
    dict need not come back after the call. Any other use (a store, a
    changing method, passing it to another function) may change it."""
    tree = _function_tree(fn)
    if tree is None:
        return set()
    params = {a.arg for a in tree.args.args + tree.args.kwonlyargs}
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def reads(name):
        up = parents.get(name)
        if isinstance(up, ast.Subscript) and up.value is name:
            return isinstance(up.ctx, ast.Load)
        if isinstance(up, ast.Compare):
            return name in up.comparators
        if isinstance(up, ast.Attribute) and up.value is name:
            call = parents.get(up)
            return up.attr in _READING_METHODS and \
                isinstance(call, ast.Call) and call.func is up
        if isinstance(up, ast.Call) and name in up.args:
            return isinstance(up.func, ast.Name) and \
                up.func.id in _READING_BUILTINS
        if isinstance(up, ast.For):
            return up.iter is name
        return False

    changed = {node.id for node in ast.walk(tree)
               if isinstance(node, ast.Name) and node.id in params and
               not reads(node)}
    return params - changed


def _returns_value(fn):
    """Whether `fn` has a `return x` (not only bare returns)."""
    tree = _function_tree(fn)
    return tree is None or any(
        isinstance(node, ast.Return) and node.value is not None
        for node in ast.walk(tree))


def _function_tree(fn):
    """The ast.FunctionDef of `fn`'s source, or None."""
    try:
        source = textwrap.dedent(_sources.getsource(fn))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            return node
    return None


def _closure_values(fn):
    """The variables of enclosing functions `fn` reads that are assigned,
    by name (a factory's summary function, a jitted helper passed in)."""
    values = {}
    for name, cell in zip(fn.__code__.co_freevars, fn.__closure__ or ()):
        try:
            values[name] = cell.cell_contents
        except ValueError:  # not assigned yet
            pass
    return values


def _module_members(fn):
    """The members of the program's modules `fn` may read (`utils.helper`,
    `constants.RD`), by name: jitted functions, jitclasses and constants,
    which the module source defines under those names."""
    values = {}
    names = _global_names(fn.__code__)
    for m in _program_modules(fn).values():
        for name in sorted(names):
            if name in m.__dict__ and name not in values:
                values[name] = m.__dict__[name]
    return values


def _referenced_values(fn):
    """The globals `fn` may read and the variables of enclosing functions
    it reads (a jitted function defined inside another), by name."""
    values = _module_members(fn)
    for name in _global_names(fn.__code__):
        if name in fn.__globals__:
            values[name] = fn.__globals__[name]
    values.update(_closure_values(fn))
    return values
