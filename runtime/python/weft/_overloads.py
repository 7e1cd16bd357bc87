"""numba.extending.overload and numba.generated_jit as Weft functions.

A typing function picks an implementation from the types of the
arguments (`if isinstance(x, types.Array): def impl(x): ... return
impl`). Weft compiles one function in its place: the typing function's
branches, their tests on the types written as Python's tests
(`isinstance(x, np.ndarray)`, `np.issubdtype(x.dtype, np.integer)`,
`x is None`), each ending in the body of the implementation it returns.
The compiler decides such branches from the types of each call's
arguments (StaticBranches.cpp), so each combination of types compiles
only the implementation Numba would pick.

What translates: `if`/`elif`/`else` on the arguments' types, nested
`def`s and lambdas returned, jitted functions returned, `raise` (a
compile error where the types take the branch), docstrings and `pass`. Other
statements run Python at typing time (computing a dtype, building a
table), which Weft cannot run per call: such a function is a
CompileError naming the line, raised when jitted code calls it.
"""

import ast
import copy
import functools
import inspect
import linecache
import textwrap
import weakref

import weft as _weft
from weft import _sources

# The plain functions overloaded: function -> (typing function, options)
_overloaded = weakref.WeakKeyDictionary()
# Their Weft functions (Dispatcher), made on first use
_dispatchers = weakref.WeakKeyDictionary()

# Numba's type classes, as the Python test of a value and of a dtype.
_VALUE_TESTS = {
    "Array": "isinstance({0}, _weft_np.ndarray)",
    "Buffer": "isinstance({0}, _weft_np.ndarray)",
    "Integer": "isinstance({0}, _weft_np.integer)",
    "Float": "isinstance({0}, _weft_np.floating)",
    "Complex": "isinstance({0}, _weft_np.complexfloating)",
    "Number": "isinstance({0}, _weft_np.number)",
    "Boolean": "isinstance({0}, bool)",
    "NoneType": "{0} is None",
    "UnicodeType": "isinstance({0}, str)",
    "BaseTuple": "isinstance({0}, tuple)",
    "Tuple": "isinstance({0}, tuple)",
    "UniTuple": "isinstance({0}, tuple)",
    "List": "isinstance({0}, list)",
    "ListType": "isinstance({0}, list)",
}
_DTYPE_TESTS = {
    "Integer": "_weft_np.issubdtype({0}, _weft_np.integer)",
    "Float": "_weft_np.issubdtype({0}, _weft_np.floating)",
    "Complex": "_weft_np.issubdtype({0}, _weft_np.complexfloating)",
    "Number": "_weft_np.issubdtype({0}, _weft_np.number)",
    "Boolean": "_weft_np.issubdtype({0}, _weft_np.bool_)",
}
# Numba's sets of number types (`x in types.number_domain`), as the NumPy
# classes of their numbers (bools are in none of them).
_DOMAINS = {"number_domain": ("integer", "floating", "complexfloating"),
            "real_domain": ("integer", "floating"),
            "integer_domain": ("integer",),
            "signed_domain": ("signedinteger",),
            "unsigned_domain": ("unsignedinteger",),
            "complex_domain": ("complexfloating",)}
# Numba's instances that name one type: types.none, types.unicode_type
_INSTANCE_TESTS = {"none": "{0} is None",
                   "unicode_type": "isinstance({0}, str)"}


class _Untranslatable(Exception):
    def __init__(self, node, why):
        super().__init__(why)
        self.line = getattr(node, "lineno", None)


def register(func, typing_function, options):
    """numba.extending.overload(func, **options)(typing_function)."""
    _overloaded[func] = (typing_function, options)
    _dispatchers.pop(func, None)


class Generated:
    """numba.generated_jit(fn): translated on its first call (from Python
    or from jitted code), when the names it reads are all defined."""

    def __init__(self, fn, options):
        self.py_func, self.options = fn, options
        self._dispatcher = None
        functools.update_wrapper(self, fn)

    def dispatcher(self):
        if self._dispatcher is None:
            self._dispatcher = make_dispatcher(
                self.py_func, self.py_func.__name__, self.options,
                "numba.generated_jit function %s" % self.py_func.__name__)
        return self._dispatcher

    def __call__(self, *args, **kwargs):
        return self.dispatcher()(*args, **kwargs)

    def __repr__(self):
        return "<weft generated_jit %s>" % self.py_func.__qualname__


def stand_in(v):
    """The Weft function jitted code calls for `v`, an overloaded
    function or a generated_jit one; None for anything else."""
    if isinstance(v, Generated):
        return v.dispatcher()
    try:
        if v not in _overloaded:
            return None
    except TypeError:  # (not hashable)
        return None
    d = _dispatchers.get(v)
    if d is None:
        typing_function, options = _overloaded[v]
        d = make_dispatcher(typing_function, v.__name__, options,
                            "numba.extending.overload of %s" % v.__name__)
        _dispatchers[v] = d
    return d


def make_dispatcher(typing_function, name, options, what):
    """A Dispatcher of the translation of `typing_function`, named `name`;
    a CompileError saying what does not translate."""
    try:
        fn = _translate(typing_function, name)
    except _Untranslatable as e:
        code = typing_function.__code__
        line = e.line + code.co_firstlineno - 1 if e.line else \
            code.co_firstlineno
        raise _weft.CompileError(
            "%s:%d: %s: %s; Weft translates a typing function whose "
            "branches test the arguments' types (isinstance(x, types.Array), "
            "x is types.none) and return an implementation" % (
                code.co_filename, line, what, e)) from None
    known = ("parallel", "fastmath", "boundscheck", "error_model", "nogil",
             "cache", "nopython")
    d = _weft.Dispatcher(fn, {k: v for k, v in options.items()
                              if k in known})
    d.implicit = False
    return d


def _environment(fn):
    """The names `fn` reads: its module's globals and its closure."""
    env = dict(fn.__globals__)
    for name, cell in zip(fn.__code__.co_freevars, fn.__closure__ or ()):
        try:
            env[name] = cell.cell_contents
        except ValueError:
            pass
    return env


def _value(node, env):
    """The value a name, an attribute chain or a tuple of them has in
    `env`, or raises KeyError/AttributeError."""
    if isinstance(node, ast.Name):
        if node.id not in env:
            import builtins
            if hasattr(builtins, node.id):  # float, int, tuple, ...
                return getattr(builtins, node.id)
            raise KeyError(node.id)
        return env[node.id]
    if isinstance(node, ast.Attribute):
        return getattr(_value(node.value, env), node.attr)
    if isinstance(node, ast.Tuple):
        return tuple(_value(e, env) for e in node.elts)
    if isinstance(node, ast.Constant):
        return node.value
    raise KeyError(ast.dump(node))


def _numba_type(v):
    """The name of a Numba type class or instance given as a value."""
    if type(v).__name__ == "_TypeName" and isinstance(v.name, str):
        return v.name
    return None


class _Translator:
    def __init__(self, typing_function, tree, name):
        self.env = _environment(typing_function)
        self.module_globals = typing_function.__globals__
        self.tree = tree
        self.name = name
        args = tree.args
        if args.vararg or args.kwonlyargs or args.kwarg or args.posonlyargs:
            raise _Untranslatable(tree, "its parameters are not plain "
                                  "positional ones")
        self.params = [a.arg for a in args.args]
        self.hoisted = []  # the typing function's helpers, hoisted
        defaults = [None] * (len(self.params) - len(args.defaults)) + \
            list(args.defaults)
        self.defaults = dict(zip(self.params, defaults))
        # the names the typing function binds (an implementation's)
        self.locals = {n.name for n in ast.walk(tree)
                       if isinstance(n, ast.FunctionDef) and n is not tree} | \
            {n.id for n in ast.walk(tree)
             if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}

    # -- statements --------------------------------------------------------

    def block(self, stmts, impls):
        """The translation of `stmts` run to their end (a branch with the
        statements after its `if` pushed into it)."""
        out = []
        for i, s in enumerate(stmts):
            if isinstance(s, ast.Pass) or (
                    isinstance(s, ast.Expr) and
                    isinstance(s.value, ast.Constant)):
                continue
            if isinstance(s, ast.FunctionDef):
                impls[s.name] = s
                continue
            if isinstance(s, ast.Assign) and len(s.targets) == 1 and \
                    isinstance(s.targets[0], ast.Name) and \
                    self.implementation(s.value, impls) is not None:
                impls[s.targets[0].id] = s.value
                continue
            if isinstance(s, ast.If):
                test = self.condition(s.test)
                rest = list(stmts[i + 1:])
                if isinstance(test, ast.Constant):
                    return out + self.block(
                        list(s.body if test.value else s.orelse) + rest,
                        impls)
                body = self.block(list(s.body) + rest, dict(impls))
                orelse = self.block(list(s.orelse) + rest, dict(impls))
                out.append(ast.If(test=test, body=body or [ast.Pass()],
                                  orelse=orelse))
                return out
            if isinstance(s, ast.Return):
                return out + self.returned(s.value, impls, s)
            if isinstance(s, ast.Raise):
                return out + [self.raised(s)]
            raise _Untranslatable(
                s, "this %s runs Python when the types are known" %
                type(s).__name__.lower())
        # (falling off the end: no implementation for these types)
        return out + [self.no_implementation()]

    def no_implementation(self):
        return ast.parse("__typing_error(%r)" % (
            "%s: no implementation for these argument types" %
            self.name)).body[0]

    def raised(self, s):
        """`raise TypingError(msg)` at typing time: a compile error with
        the message where the branch is taken (Numba's TypingError),
        `__typing_error(msg)` (SemaCalls.cpp)."""
        exc = s.exc
        msg = None
        if isinstance(exc, ast.Call) and exc.args and \
                isinstance(exc.args[0], ast.Constant) and \
                isinstance(exc.args[0].value, str):
            msg = exc.args[0].value
        if msg is None:
            return self.no_implementation()
        return ast.parse("__typing_error(%r)" % msg).body[0]

    def implementation(self, value, impls):
        """What `value` names as an implementation: a def or lambda of the
        typing function, or a function of the program; None otherwise."""
        if isinstance(value, ast.Lambda):
            return value
        if isinstance(value, ast.Name) and value.id in impls:
            return impls[value.id]
        if isinstance(value, (ast.Name, ast.Attribute)):
            if isinstance(value, ast.Name) and value.id in self.params:
                return None
            try:
                v = _value(value, self.env)
            except (KeyError, AttributeError):
                return None
            if isinstance(v, _weft.Dispatcher) or inspect.isfunction(v):
                return value
        return None

    def returned(self, value, impls, s):
        if isinstance(value, ast.IfExp):
            test = self.condition(value.test)
            if isinstance(test, ast.Constant):
                return self.returned(value.body if test.value else
                                     value.orelse, impls, s)
            return [ast.If(test=test,
                           body=self.returned(value.body, impls, s),
                           orelse=self.returned(value.orelse, impls, s))]
        impl = self.implementation(value, impls) if value is not None \
            else None
        if impl is None:
            if value is None or (isinstance(value, ast.Constant) and
                                 value.value is None):
                return [self.no_implementation()]
            if isinstance(value, ast.Name) and value.id in self.locals:
                # (bound on other paths only: none for these types)
                return [self.no_implementation()]
            raise _Untranslatable(
                s, "it returns %s, not an implementation Weft can read" %
                ast.unparse(value))
        if isinstance(impl, ast.Lambda):
            return [ast.Return(self.renamed(impl.args, impl.body, impl))]
        if isinstance(impl, ast.FunctionDef):
            body = [copy.deepcopy(b) for b in impl.body]
            self.helpers(impl, impls)
            return [self.renamed(impl.args, b, impl) for b in body]
        # a plain Python function (iminuit's `return _safe_log`, the
        # overloaded function itself, or `return _soft_l1_loss_np`, the
        # original under another name): its body, as Numba compiles it,
        # not a call (of the overload, which would call itself)
        own = self.own_definition(impl)
        if own is not None:
            return [self.renamed(own.args, copy.deepcopy(b), own)
                    for b in own.body]
        # a function of the program: called with the arguments
        call = ast.Call(func=copy.deepcopy(impl),
                        args=[ast.Name(p, ast.Load()) for p in self.params],
                        keywords=[])
        return [ast.Return(call)]

    def own_definition(self, impl):
        """The def of the plain Python function `impl` names (not a jitted
        one); None otherwise."""
        try:
            v = _value(impl, self.env)
            # (of the typing function's module: its names read alike)
            if not inspect.isfunction(v) or v.__closure__ or \
                    v.__globals__ is not self.module_globals:
                return None
            tree = ast.parse(textwrap.dedent(_sources.getsource(v)))
        except (KeyError, AttributeError, OSError, TypeError, SyntaxError):
            return None
        node = tree.body[0] if tree.body else None
        return node if isinstance(node, ast.FunctionDef) and \
            not node.decorator_list else None

    def helpers(self, impl, impls):
        """Keeps the other nested defs of the typing function that `impl`
        calls (and those they call) in self.hoisted: nested functions at
        the top of the function made (Weft's place for them)."""
        seen = {impl.name} | {h.name for h in self.hoisted}

        def visit(f):  # (a helper after those it calls)
            for n in ast.walk(f):
                name = n.id if isinstance(n, ast.Name) else None
                helper = impls.get(name)
                if isinstance(helper, ast.FunctionDef) and name not in seen:
                    seen.add(name)
                    visit(helper)
                    self.hoisted.append(copy.deepcopy(helper))
        visit(impl)

    def renamed(self, args, node, where):
        """`node` of an implementation with its parameters named as the
        typing function's."""
        names = [a.arg for a in args.args]
        if args.vararg or args.kwonlyargs or args.kwarg or \
                len(names) != len(self.params):
            raise _Untranslatable(where, "the implementation does not take "
                                  "the typing function's parameters")
        mapping = {a: b for a, b in zip(names, self.params) if a != b}
        if not mapping:
            return node
        clash = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} & \
            (set(self.params) - set(names))
        if clash:
            raise _Untranslatable(where, "the implementation names %s, a "
                                  "parameter of the typing function" %
                                  sorted(clash)[0])

        class Rename(ast.NodeTransformer):
            def visit_Name(self, n):
                if n.id in mapping:
                    n.id = mapping[n.id]
                return n
        return Rename().visit(node)

    # -- conditions ----------------------------------------------------------

    def condition(self, test):
        """`test` with Numba's type tests as Python's, global constants as
        their values, and what that decides folded."""
        return _fold(self.rewrite(copy.deepcopy(test)))

    def rewrite(self, node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "isinstance" and len(node.args) == 2:
            kinds = self.type_names(node.args[1])
            if kinds is not None:
                return self.type_test(node.args[0], kinds, node)
            if self.python_classes(node.args[1]) and \
                    isinstance(node.args[0], ast.Name) and \
                    node.args[0].id in self.params:
                # isinstance(w, float): an argument is a Numba type here,
                # never a value of Python's classes (PTtools' fallbacks
                # for calls from plain Python)
                return ast.Constant(False)
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            test = self.compare(node)
            if test is not None:
                return test
        if isinstance(node, ast.Name) and node.id not in self.params:
            v = self.env.get(node.id, self)
            if v is None or isinstance(v, (bool, int, float)):
                return ast.Constant(v)
        if isinstance(node, (ast.BoolOp, ast.UnaryOp)):
            for field in ("values", "operand"):
                sub = getattr(node, field, None)
                if isinstance(sub, list):
                    setattr(node, field, [self.rewrite(v) for v in sub])
                elif sub is not None:
                    setattr(node, field, self.rewrite(sub))
        return node

    def python_classes(self, spec):
        """Whether a class spec of isinstance names Python's classes only
        (float, np.ndarray, ...), none of Numba's types."""
        try:
            v = _value(spec, self.env)
        except (KeyError, AttributeError):
            return False
        vs = v if isinstance(v, tuple) else (v,)
        return bool(vs) and all(isinstance(x, type) and
                                _numba_type(x) is None for x in vs)

    def type_names(self, spec):
        """The Numba type names a class spec of isinstance names, or None
        where it names none of Numba's."""
        try:
            v = _value(spec, self.env)
        except (KeyError, AttributeError):
            return None
        vs = v if isinstance(v, tuple) else (v,)
        names = [_numba_type(x) for x in vs]
        if not names or None in names:
            return None
        return names

    def type_test(self, subject, kinds, where):
        dtype = isinstance(subject, ast.Attribute) and subject.attr == "dtype"
        text = ast.unparse(subject)
        tests = []
        for k in kinds:
            table = _DTYPE_TESTS if dtype else _VALUE_TESTS
            if k == "Omitted" and not dtype:
                name = subject.id if isinstance(subject, ast.Name) else None
                default = self.defaults.get(name)
                if isinstance(default, ast.Constant) and default.value is None:
                    tests.append("%s is None" % text)
                    continue
            if k not in table:
                raise _Untranslatable(where, "it tests types.%s, which Weft "
                                      "does not tell apart" % k)
            tests.append(table[k].format(text))
        return ast.parse("(" + ") or (".join(tests) + ")",
                         mode="eval").body

    def compare(self, node):
        """`x is types.none`, `x.dtype == types.float64`, `x in
        (types.float32, types.float64)`: Python's tests; None for other
        comparisons."""
        op, left, right = node.ops[0], node.left, node.comparators[0]
        try:
            v = _value(right, self.env)
        except (KeyError, AttributeError):
            return None
        membership = isinstance(op, (ast.In, ast.NotIn))
        domain = _DOMAINS.get(_numba_type(v)) if membership else None
        if domain is not None:
            # x in types.number_domain: the classes of numbers it holds
            dtype = isinstance(left, ast.Attribute) and left.attr == "dtype"
            form = ("_weft_np.issubdtype({0}, _weft_np.%s)" if dtype
                    else "isinstance({0}, _weft_np.%s)")
            text = " or ".join(form % c for c in domain).format(
                ast.unparse(left))
            test = ast.parse("(" + text + ")", mode="eval").body
            if isinstance(op, ast.NotIn):
                test = ast.UnaryOp(op=ast.Not(), operand=test)
            return test
        vs = v if isinstance(v, tuple) and membership \
            else (v,) if isinstance(op, (ast.Eq, ast.NotEq, ast.Is,
                                         ast.IsNot)) else None
        if vs is None or not vs or None in [_numba_type(x) for x in vs]:
            return None
        text = ast.unparse(left)
        dtype = isinstance(left, ast.Attribute) and left.attr == "dtype"
        tests = []
        for x in vs:
            name = _numba_type(x)
            if name in _INSTANCE_TESTS and not dtype:
                tests.append(_INSTANCE_TESTS[name].format(text))
                continue
            np_dtype = getattr(x, "numpy_dtype", None)
            if np_dtype is None:
                raise _Untranslatable(node, "it compares with types.%s, which "
                                      "Weft does not tell apart" % name)
            tests.append(("%s == _weft_np.%s" if dtype else
                          "isinstance(%s, _weft_np.%s)") % (text,
                                                            np_dtype.name))
        test = ast.parse("(" + ") or (".join(tests) + ")", mode="eval").body
        if isinstance(op, (ast.NotEq, ast.IsNot, ast.NotIn)):
            test = ast.UnaryOp(op=ast.Not(), operand=test)
        return test


def _fold(node):
    """`node` with its constant parts of and/or/not evaluated."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _fold(node.operand)
        if isinstance(inner, ast.Constant):
            return ast.Constant(not inner.value)
        node.operand = inner
        return node
    if isinstance(node, ast.BoolOp):
        is_and = isinstance(node.op, ast.And)
        kept = []
        for v in node.values:
            v = _fold(v)
            if isinstance(v, ast.Constant):
                if bool(v.value) != is_and:  # true or ..., false and ...
                    return ast.Constant(bool(v.value))
                continue  # true and x: x
            kept.append(v)
        if not kept:
            return ast.Constant(is_and)
        if len(kept) == 1:
            return kept[0]
        node.values = kept
        return node
    return node


def _translate(typing_function, name):
    """A Python function named `name` whose source is the translation of
    `typing_function` (kept in linecache, so Weft reads it as any other
    function's)."""
    try:
        source = textwrap.dedent(_sources.getsource(typing_function))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):
        raise _Untranslatable(None, "Python kept no source of its typing "
                              "function") from None
    fdef = next((n for n in tree.body if isinstance(
        n, (ast.FunctionDef, ast.AsyncFunctionDef))), None)
    if fdef is None:
        raise _Untranslatable(None, "its typing function is not a def")
    t = _Translator(typing_function, fdef, name)
    body = t.block(list(fdef.body), {})
    body = t.hoisted + body
    new = ast.FunctionDef(name=name, args=copy.deepcopy(fdef.args),
                          body=body or [ast.Pass()], decorator_list=[],
                          returns=None, type_comment=None)
    module = ast.fix_missing_locations(ast.Module(body=[new], type_ignores=[]))
    text = ast.unparse(module) + "\n"
    code = typing_function.__code__
    filename = "<%s: %s at %s:%d>" % (name, code.co_name, code.co_filename,
                                      code.co_firstlineno)
    lines = text.splitlines(keepends=True)
    linecache.cache[filename] = (len(text), None, lines, filename)
    env = _environment(typing_function)
    env["_weft_np"] = __import__("numpy")
    exec(compile(text, filename, "exec"), env)
    return env[name]
