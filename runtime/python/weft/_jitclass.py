"""Numba's jitclass (`numba.experimental.jitclass`): a class whose
instances jitted functions take, make and change.

`jitclass(cls, spec)`, `jitclass(spec)(cls)` and `@jitclass` with the
fields annotated in the class body give a subclass of `cls` that Python
uses as the class itself (its methods run as Python there); a jitted
function given an instance, or naming the class, compiles the class's
source with it: the instance goes in as its fields (a number field in a
one-element array, written back into the instance after the call), and
methods, properties and static methods run compiled.
"""

import inspect
import re
import textwrap
import types

import numpy as np

from weft import _sources

# Weft names of the classes made, each a JitclassInfo (two classes made
# of one Python class with two specs get two names).
_by_name = {}

# The element types of fields (complex128 in arrays only).
_FIELD_DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8",
                 "uint16", "uint32", "uint64", "float32", "float64",
                 "complex128")

_WEFT_TYPE_NAMES = {"bool": "bool", "bool_": "bool", "boolean": "bool",
                    "intp": "int64", "uintp": "uint64", "double": "float64",
                    "intc": "int32", "uintc": "uint32"}


def _field_type(name, t):
    """(dtype name, ndim) of a spec's type: Numba's type names (float64,
    int32[:, :]), NumPy's scalar types and Python's bool, int, float."""
    if info_of(t) is not None:  # an instance of another jitclass
        return info_of(t), 0
    ndim = getattr(t, "ndim", 0) if not isinstance(t, type) else 0
    base = getattr(t, "dtype", t) if ndim else t
    if isinstance(base, type) and (base in (bool, int, float) or
                                   issubclass(base, np.generic)):
        dtype = np.dtype(base).name
    else:
        dtype = getattr(base, "name", None)
    dtype = _WEFT_TYPE_NAMES.get(dtype, dtype)
    if dtype not in _FIELD_DTYPES or (dtype == "complex128" and not ndim):
        raise TypeError("jitclass field %r: Weft takes numbers, arrays of "
                        "numbers (float64, int32[:]) and instances of other "
                        "jitclasses as fields, not %r" % (name, t))
    return dtype, int(ndim)


class JitclassInfo:
    """What the compiler needs of a jitclass: its Weft name, fields
    (name, dtype, ndim) in order, source and methods."""

    def __init__(self, cls, spec):
        items = list(spec.items()) if isinstance(spec, dict) else \
            list(spec or ())
        fields = [(n, t) for n, t in items]
        for n, t in getattr(cls, "__annotations__", {}).items():
            if n not in dict(fields):
                fields.append((n, t))
        # A field type Weft lacks is an error when a jitted function uses
        # the class, not when Python defines it (Numba's other classes
        # run in Python as they are).
        self.error = None
        self.fields = []
        for n, t in fields:
            try:
                self.fields.append((n,) + _field_type(n, t))
            except TypeError as e:
                self.error = "%s: %s" % (cls.__name__, e)
        self.py_class = cls
        self.made = None  # (the class jitclass() makes of it)
        name, k = cls.__name__, 1
        while name in _by_name and _by_name[name].fields != self.fields:
            k += 1
            name = "%s_%d" % (cls.__name__, k)
        self.name = name
        _by_name[name] = self

    def _members(self):
        """(name, attribute) of the methods, properties and static methods
        of the class, its own and those its plain base classes give it
        (an abstract method overridden or never given is left out)."""
        seen, out = set(), []
        for cls in self.py_class.__mro__:
            if cls is object:
                continue
            for name, v in vars(cls).items():
                fn = _function_of(v)
                if name in seen or fn is None:
                    continue
                seen.add(name)
                if not getattr(fn, "__isabstractmethod__", False):
                    out.append((cls, name, v))
        return out

    def functions(self):
        """The Python functions of its methods, properties and static
        methods (whose globals the compiled module reads)."""
        return [_function_of(v) for _, _, v in self._members()]

    def check(self):
        """A CompileError for a class whose fields Weft cannot hold."""
        if self.error is not None:
            from . import CompileError
            raise CompileError(self.error)

    def lines(self, used=None):
        """The Weft source of the class (under @jitclass with the spec,
        named by the Weft name): __init__ and the methods whose names
        are in `used` (those jitted code may call: Numba compiles no
        other), its own at their lines of its file, its base classes'
        after; the line of the file it starts at, and the file's name."""
        self.check()
        raw, first = inspect.getsourcelines(self.py_class)
        while raw and not raw[0].lstrip().startswith("class "):
            raw.pop(0)
            first += 1
        spec = ", ".join('("%s", %s%s)' % (
            n, dt.name if isinstance(dt, JitclassInfo) else dt,
            "" if nd == 0 else "[%s]" % ", ".join([":"] * nd))
            for n, dt, nd in self.fields)
        out = ["@jitclass([%s], python_lists=True)" % spec,
               "class %s:" % self.name]
        start = first - 1  # the file's line of out[0]
        own, inherited = [], []
        for cls, name, v in self._members():
            if used is not None and name != "__init__" and name not in used:
                continue
            fn = _function_of(v)
            # (a base class's helpers taking *args or **kwargs, which
            # jitted code never calls, are left out)
            if cls is not self.py_class and any(
                    p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                    for p in inspect.signature(fn).parameters.values()):
                continue
            try:
                text, line = _sources.getsourcelines(fn)
            except (OSError, TypeError):
                continue
            body = textwrap.dedent("".join(text)).splitlines()
            if isinstance(v, staticmethod) and \
                    not body[0].lstrip().startswith("@"):
                body.insert(0, "@staticmethod")
            (own if cls is self.py_class else inherited).append((line, body))
        for line, body in sorted(own, key=lambda x: x[0]):
            out += [""] * max(0, line - start - len(out))
            out += ["    " + l if l.strip() else "" for l in body]
        for _, body in inherited:
            out += [""] + ["    " + l if l.strip() else "" for l in body]
        if not own and not inherited:
            out.append("    pass")
        filename = inspect.getsourcefile(self.py_class) or "<python>"
        return out, start, filename

    def classes(self):
        """The jitclasses of its fields' instances."""
        return [dt for _, dt, _ in self.fields
                if isinstance(dt, JitclassInfo)]

    def flat_count(self):
        """How many arrays an instance goes in as."""
        return sum(dt.flat_count() if isinstance(dt, JitclassInfo) else 1
                   for _, dt, _ in self.fields)

    def expression(self, names):
        """Weft source making an instance of the arrays named by the
        iterator `names`."""
        parts = [dt.expression(names) if isinstance(dt, JitclassInfo)
                 else next(names) for _, dt, _ in self.fields]
        return "__jitclass_new_%s(%s)" % (self.name, ", ".join(parts))

    def cells(self, obj):
        """The arrays an instance goes in as: a one-element array per
        number field, the array of each array field, those of each
        instance field in turn."""
        from . import CallError
        out = []
        for n, dt, nd in self.fields:
            if not hasattr(obj, n):
                raise CallError("%s's field %r was never assigned"
                                % (self.py_class.__name__, n))
            v = getattr(obj, n)
            if isinstance(dt, JitclassInfo):
                if info_of(v) is not dt:
                    raise CallError("%s's field %r holds a %s, not a %s"
                                    % (self.py_class.__name__, n,
                                       type(v).__name__,
                                       dt.py_class.__name__))
                out += dt.cells(v)
                continue
            if nd == 0:
                out.append(np.array([v], dtype=dt))
                continue
            if not isinstance(v, np.ndarray) or v.ndim != nd or \
                    v.dtype != np.dtype(dt):
                raise CallError(
                    "%s's field %r is declared %s with %d axes; it holds %s"
                    % (self.py_class.__name__, n, dt, nd,
                       "a %s array with %d axes" % (v.dtype, v.ndim)
                       if isinstance(v, np.ndarray) else type(v).__name__))
            out.append(v)
        return out

    def instance(self, parts):
        """An instance of the class of the values a jitted function
        returned it as (a number field as its 1-element cell, an instance
        field as such a tuple), made without __init__; None if they do
        not fit the fields."""
        if len(parts) != len(self.fields):
            return None
        obj = self.made.__new__(self.made)
        for (n, dt, nd), v in zip(self.fields, parts):
            if isinstance(dt, JitclassInfo):
                # (made already where the result's parts were made)
                if info_of(v) is not dt:
                    v = dt.instance(v) if isinstance(v, tuple) else None
                if v is None:
                    return None
            elif nd == 0:
                if not isinstance(v, np.ndarray) or v.size != 1:
                    return None
                v = v[0].item()
            setattr(obj, n, v)
        return obj

    def write_back(self, obj, arrays):
        """The number fields a call changed, back into the instance (and
        the instances it holds)."""
        self._write(obj, iter(arrays))

    def _write(self, obj, arrays):
        for n, dt, nd in self.fields:
            if isinstance(dt, JitclassInfo):
                dt._write(getattr(obj, n), arrays)
                continue
            a = next(arrays)
            if nd == 0:
                setattr(obj, n, a[0].item())


def _typed_setattr(self, name, value):
    """A number field holds its declared type, as Numba's boxed instance
    does (`self._gross = population` with an int population is 1000.0 in
    a float64 field), also where Python code runs a method."""
    info = type(self).__dict__.get("_weft_jitclass")
    for n, dt, nd in info.fields if info is not None else ():
        if n == name and nd == 0 and not isinstance(dt, JitclassInfo):
            try:
                value = np.dtype(dt).type(value).item()
            except (TypeError, ValueError):
                pass
            break
    if info is not None:
        info.py_class.__setattr__(self, name, value)
    else:
        object.__setattr__(self, name, value)


def _function_of(v):
    """The Python function of a class attribute that is a method, a
    property or a static method, else None."""
    if isinstance(v, property):
        v = v.fget
    elif isinstance(v, (staticmethod, classmethod)):
        v = v.__func__
    return v if inspect.isfunction(v) else None


def info_of(x):
    """The JitclassInfo of a jitclass, of an instance of one, or None."""
    cls = x if isinstance(x, type) else type(x)
    return cls.__dict__.get("_weft_jitclass") if isinstance(cls, type) \
        else None


def jitclass(cls_or_spec=None, spec=None):
    """numba.experimental.jitclass: jitclass(cls, spec), jitclass(spec)
    as a decorator, or @jitclass with the fields annotated."""
    if isinstance(cls_or_spec, type) and not info_of(cls_or_spec):
        info = JitclassInfo(cls_or_spec, spec)
        made = type(cls_or_spec.__name__, (cls_or_spec,),
                    {"_weft_jitclass": info,
                     "__module__": cls_or_spec.__module__,
                     "__doc__": cls_or_spec.__doc__,
                     "__setattr__": _typed_setattr})
        made.class_type = types.SimpleNamespace(instance_type=made)
        info.made = made
        return made
    return lambda cls: jitclass(cls, cls_or_spec if spec is None else spec)
