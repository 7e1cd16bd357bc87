"""_weftsource.py - the Weft source the package compiles for Python
functions: each function's own text (its decorators replaced by Weft's
@jit options, lambdas named), all of them in one module at their lines,
and the module's constants, aliases, namedtuple and Enum classes and
imports that their code reads; and the locations of a generated entry's
errors."""
import ast
import inspect
import re
import textwrap
import types

import numpy as np

import weft as _weft
from weft import _arguments, _jitclass, _sources
from weft._pysource import (_closure_values, _constant_literal,
                            _default_names, _enum_class_source,
                            _global_names, _module_members,
                            _program_modules, _python_module_function,
                            _typed_container_name)


def _lambda_lines(fn, raw, first):
    """`def name(args): return body` of a jitted lambda (njit(lambda x:
    ...)), from the lines holding it, and the line it starts at; None when
    the lambda cannot be told apart in them."""
    text = textwrap.dedent("".join(raw))
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    code = fn.__code__
    names = list(code.co_varnames[:code.co_argcount])
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and
             [a.arg for a in n.args.args] == names and not n.args.defaults
             and not n.args.vararg and not n.args.kwonlyargs]
    if len(found) != 1:
        return None
    node = found[0]
    args = ", ".join(names)
    body = ast.get_source_segment(text, node.body)
    if body is None:
        return None
    # (one line, at the lambda's: lambdas on consecutive lines stay there)
    return (["def %s(%s): return %s" % (fn.__name__, args,
                                        " ".join(body.split("\n")))],
            first + node.lineno - 1)


def _name_lambda(fn):
    """Gives a jitted lambda the name of the module global bound to its
    dispatcher (`sig = njit(lambda x: ...)` is `sig`), as jitted code
    calls it by that name."""
    if fn.__name__ != "<lambda>":
        return
    for name, v in list(fn.__globals__.items()):
        if getattr(v, "py_func", None) is fn and name.isidentifier():
            fn.__name__ = fn.__qualname__ = name
            return
    fn.__name__ = fn.__qualname__ = "__lambda_%d" % fn.__code__.co_firstlineno


def _function_lines(fn, options, decorator="jit", signature=None):
    """The Weft source lines of a decorated Python function (its own text
    without Python decorators, @jit(...) or @vectorize(...) for the
    options in front), the line of the file they start at, and the file's
    name."""
    try:
        raw, first = _sources.getsourcelines(fn)
    except (OSError, TypeError):
        raise _weft.CompileError(
            "%s: Weft compiles a function from its source text, and Python "
            "kept none for this one (typed at the interactive prompt, or "
            "given to python -c or on standard input); define it in a file "
            "or a notebook cell" % getattr(fn, "__qualname__", fn)) from None
    _name_lambda(fn)
    made = _lambda_lines(fn, raw, first) if fn.__code__.co_name == \
        "<lambda>" else None
    if made is not None:
        raw, first = [line + "\n" for line in made[0]], made[1]
    lines = textwrap.dedent("".join(raw)).splitlines()
    # Decorators, also those written over several lines, end at the def.
    while lines and not lines[0].startswith("def "):
        lines.pop(0)
        first += 1
    lines = _frozen_defaults(fn, lines)
    names = ("parallel", "fastmath", "boundscheck")
    if decorator == "vectorize":
        names = ("fastmath", "boundscheck", "target")
    if decorator == "stencil":
        names = _weft._STENCIL_OPTIONS
    # (fastmath given as Numba's set of LLVM flags is fastmath=True)
    jit_opts = ", ".join(
        "%s=%r" % (k, bool(v) if isinstance(v, (set, frozenset, dict))
                   else v) for k, v in sorted(options.items()) if k in names)
    if decorator in ("jit", "vectorize", "stencil"):
        # Python source: list displays are Python's lists ([0.0] * n
        # repeats), where Weft files read them as array literals.
        jit_opts = ", ".join(o for o in (jit_opts, "python_lists=True") if o)
    local_types = options.get("locals") if decorator == "jit" else None
    if isinstance(local_types, dict) and local_types:
        # Numba's locals={"m": float32}: declared types (by their names)
        jit_opts = ", ".join(o for o in (jit_opts, "locals={%s}" % ", ".join(
            "%r: %r" % (k, _weft._numba_type_name(v))
            for k, v in sorted(local_types.items()))) if o)
    if signature is not None and decorator == "jit":
        # Numba's one eager signature: its number types convert the
        # arguments and the result (ParserSignatures.cpp)
        jit_opts = ", ".join(o for o in (repr(signature), jit_opts) if o)
    head = ["@%s(%s)" % (decorator, jit_opts)]
    filename = _sources.getsourcefile(fn) or "<python>"
    return head + lines, first - len(head), filename


def _frozen_defaults(fn, lines):
    """`lines` (a def's text) with each default value that names the
    variables of an enclosing function (pynamical's
    `def jit_simulator(num_gens=num_gens, ...)` in a factory) written as
    the constant Python evaluated it to when the def ran, as Numba reads
    defaults."""
    import builtins
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return lines
    node = tree.body[0] if tree.body else None
    if not isinstance(node, ast.FunctionDef):
        return lines
    args = node.args
    pairs = list(zip(args.defaults, fn.__defaults__ or ()))
    kw = fn.__kwdefaults__ or {}
    pairs += [(d, kw.get(a.arg)) for a, d in zip(args.kwonlyargs,
                                                 args.kw_defaults)
              if d is not None and a.arg in kw]
    edits = []
    for d, value in pairs:
        names = {n.id for n in ast.walk(d) if isinstance(n, ast.Name)}
        if not names or all(n in fn.__globals__ or hasattr(builtins, n)
                            for n in names) or d.lineno != d.end_lineno:
            continue
        # (an array default stays as written: a NumPy call)
        literal = None if isinstance(value, np.ndarray) else \
            _constant_literal(value)
        if literal is not None:
            edits.append((d.lineno - 1, d.col_offset, d.end_col_offset,
                          literal))
    lines = list(lines)
    for k, begin, end, literal in sorted(edits, reverse=True):
        text = lines[k].encode()
        lines[k] = (text[:begin] + literal.encode() + text[end:]).decode()
    return lines


def _methods_used(parts):
    """The names jitted code may read as attributes (methods jitclasses
    must have compiled): those of the dispatchers' code, and of the
    methods so named, transitively."""
    used = set()
    for d in parts:
        if not isinstance(d, _jitclass.JitclassInfo):
            used |= _global_names(d.py_func.__code__)
    changed = True
    while changed:
        changed = False
        for d in parts:
            if not isinstance(d, _jitclass.JitclassInfo):
                continue
            for _, name, v in d._members():
                if name != "__init__" and name not in used:
                    continue
                names = _global_names(_jitclass._function_of(v).__code__)
                if not names <= used:
                    used |= names
                    changed = True
    return used


def _module_source(dispatchers):
    """One Weft module of the functions of `dispatchers` (the first one's
    file names it): each at its line of that file where they do not
    overlap, so diagnostics point at the file's lines; functions of other
    files after them."""
    used = _methods_used(dispatchers)
    parts = [d.lines(used) if isinstance(d, _jitclass.JitclassInfo) else
             _function_lines(d.py_func, d.options, d.decorator,
                             getattr(d, "eager_signature", None))
             for d in dispatchers]
    functions = [f for d in dispatchers for f in _weft._py_functions(d)]
    filename = parts[0][2]
    here = sorted((p for p in parts if p[2] == filename), key=lambda p: p[1])
    text = []
    for lines, first, _ in here + [p for p in parts if p[2] != filename]:
        # Blank lines in front keep diagnostics at the file's line numbers.
        text += [""] * max(0, first - 1 - len(text))
        if text and text[-1].strip():
            text.append("")
        text += lines
    # Global numbers the functions read, frozen at compile time as Numba
    # freezes them (Weft's module constants).
    # So are the numbers and dtypes of enclosing functions' variables it
    # reads (a jitted function made by a factory); two functions reading
    # one name with different values leave it out (a compile error names
    # it) rather than give one of them the other's value.
    constants, clashes, type_names = {}, set(), []
    for fn in functions:
        values = _module_members(fn)
        values.update({name: fn.__globals__[name]
                       for name in _global_names(fn.__code__) |
                       _default_names(fn)
                       if name in fn.__globals__})
        values.update(_closure_values(fn))
        for name in sorted(values):
            # (None too: a factory's option left None, `if border ==
            # "all":` in the function it makes; ModuleConstantBranches.h)
            literal = "None" if values[name] is None else \
                _constant_literal(values[name])
            # (uint32 = np.uint32 of `from numba import uint32`, and nan
            # or inf of `from numpy import nan`, are Weft's names already)
            if literal == "np." + name and name not in type_names:
                # a NumPy type under its own name (from numpy import
                # float32): a dtype and its conversion, float32(x)
                type_names.append(name)
            if literal is None or literal in ("np." + name, name):
                continue
            if constants.get(name, literal) != literal:
                clashes.add(name)
            constants[name] = literal
    for name in clashes:
        del constants[name]
    text += ["%s = %s" % item for item in sorted(constants.items())]
    # Other names of jitted functions (`c2 = stumpff_c2`, `from .m import
    # f as g`): the module's aliases of them.
    aliases = {}
    for fn in functions:
        members = _module_members(fn)
        closure = _closure_values(fn)
        for name in sorted(_global_names(fn.__code__) | set(closure)):
            v = closure[name] if name in closure else \
                fn.__globals__.get(name, members.get(name))
            if isinstance(v, _weft.Dispatcher) and name != v.py_func.__name__:
                aliases[name] = v.py_func.__name__
            info = _jitclass.info_of(v) if isinstance(v, type) else None
            if info is not None and name != info.name:
                aliases[name] = info.name
    text += ["%s = %s" % item for item in sorted(aliases.items())]
    # namedtuple classes (collections' and typing.NamedTuple's) the
    # functions make or read: records of their fields.
    records = {}
    for fn in functions:
        for name in sorted(_global_names(fn.__code__)):
            v = fn.__globals__.get(name)
            if isinstance(v, type) and issubclass(v, tuple) and \
                    isinstance(getattr(v, "_fields", None), tuple):
                records[name] = list(v._fields)
                _arguments.record_classes[name] = v
    text += ['%s = namedtuple("%s", %r)' % (name, name, fields)
             for name, fields in sorted(records.items())]
    # namedtuple instances of numbers (vectorbt's enums: `TrendMode =
    # namedtuple("TrendMode", [...])(*range(5))`): constants of a class
    # of their own.
    for fn in functions:
        for name in sorted(_global_names(fn.__code__)):
            v = fn.__globals__.get(name)
            fields = getattr(type(v), "_fields", None)
            if not isinstance(v, tuple) or not isinstance(fields, tuple) \
                    or not fields:
                continue
            values = [_constant_literal(x) for x in v]
            line = "%s = _weft_record_%s(%s)" % (name, name,
                                                 ", ".join(map(str, values)))
            if None in values or line in text:
                continue
            text += ['_weft_record_%s = namedtuple("%s", %r)' % (
                name, type(v).__name__, list(fields)), line]
    # Enum classes (their members are their values, DesugarEnums.cpp)
    for fn in functions:
        for name in sorted(_global_names(fn.__code__)):
            lines = _enum_class_source(name, fn.__globals__.get(name))
            if lines and lines[0] not in text:
                text += lines
    # Modules the functions name under another name (`import numba as
    # nb`: nb.prange), imported first, in the blank lines before the
    # first function where there are some.
    imports = []
    for fn in functions:
        # The program's own modules: `utils.helper` is `helper`.
        for name in _program_modules(fn):
            line = "import weft.module as %s" % name
            if line not in imports:
                imports.append(line)
        closure = _closure_values(fn)
        # (the defaults' names too: dtype=nb.float64)
        for name in sorted(_global_names(fn.__code__) | set(closure) |
                           _default_names(fn)):
            v = closure[name] if name in closure else fn.__globals__.get(name)
            module = getattr(v, "__name__", None)
            # (Python's random, cmath and heapq always: their names are
            # not NumPy's)
            if isinstance(v, types.ModuleType) and (
                    (name != module and module in ("numpy", "math", "numba"))
                    or module in ("random", "cmath", "heapq", "sys")):
                line = "import %s as %s" % (module, name) if name != module \
                    else "import %s" % module
                if line not in imports:
                    imports.append(line)
            # numba.types under a name (from numba import types):
            # types.uint64 is numba.uint64
            if isinstance(v, types.ModuleType) and \
                    module in ("numba.types", "numba.core.types"):
                line = "import numba as %s" % name
                if line not in imports:
                    imports.append(line)
            # numpy.linalg under a name (from numpy import linalg)
            if isinstance(v, types.ModuleType) and module == "numpy.linalg":
                line = "from numpy import linalg as %s" % name
                if line not in imports:
                    imports.append(line)
            # numba.typed's List and Dict under another name (from
            # numba.typed import List as NumbaList)
            typed = _typed_container_name(v)
            if typed is not None and name != typed:
                line = "from numba.typed import %s as %s" % (typed, name)
                if line not in imports:
                    imports.append(line)
            # A function imported from them (from random import randint).
            origin = _python_module_function(v)
            if origin is not None and origin[0] == "builtins" and \
                    origin[1] == name:
                origin = None  # (the builtin itself: nothing to import)
            if origin is not None:
                line = "from %s import %s as %s" % (origin[0], origin[1], name)
                if line not in imports:
                    imports.append(line)
    if type_names:
        imports.append("from numpy import %s" % ", ".join(type_names))
    for k, line in enumerate(imports):
        if k < len(text) and not text[k].strip():
            text[k] = line
        else:
            text.insert(k, line)
    return "\n".join(text) + "\n", filename


def _in_entry(error, where):
    """`error` with the locations inside a generated entry function (which
    rebuilds a call's arguments after the module's source) named as the
    entry's, not as lines of the program's file."""
    if where is None:
        return error
    filename, start, function = where
    pattern = re.compile(r"^%s:(\d+):(\d+):" % re.escape(filename),
                         re.MULTILINE)

    def relabel(m):
        line = int(m.group(1))
        if line < start:
            return m.group(0)
        return "<the arguments of %s(...) from Python>:%d:%s:" % (
            function, line - start + 1, m.group(2))

    return type(error)(pattern.sub(relabel, str(error)))
