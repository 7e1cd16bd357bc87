"""gen_model.py - what the program generator knows about values: dtypes,
buffers, variables, expressions, functions, and shape helpers."""


FLOATS = ("f32", "f64")
INTS = ("i32", "i64")
NUMERIC = ("i32", "i64", "f32", "f64")
DTYPES = ("bool", "i32", "i64", "f32", "f64")
NARROW = ("i32", "f32")
INF = float("inf")
SCALAR_INT_LIMIT = 2 ** 40   # i64 scalars stay below this magnitude
ARRAY_INT_LIMIT = 2 ** 62    # beyond it an array's bound is unknown (INF)

MATH1 = ("sqrt", "exp", "log", "sin", "cos", "tan", "atan", "tanh",
         "sinh", "cosh", "log2", "log10", "asin", "acos", "expm1", "exp2",
         "cbrt", "asinh", "log1p")
EXACT_FLOAT_LITS = ("0.5", "1.5", "2.0", "0.25", "3.0", "1.0", "0.0",
                    "4.0", "0.75")
F64_LITS = EXACT_FLOAT_LITS + ("0.1", "2.5", "1e-3", "7.25", "100.0", "1e6",
                               "pi", "-0.0")


class Buf:
    """What is known about the elements of one buffer (all views of it)."""

    def __init__(self, bound, fuzzy, depth, param=False):
        self.bound = bound     # max |element| for integers, INF if unknown
        self.fuzzy = fuzzy     # floats whose last bits may differ
        self.depth = depth     # loop depth where the buffer was made
        self.param = param     # a function parameter's buffer
        # never written: reshape/ravel of it may be a view in NumPy and a
        # copy in Weft (docs/language.md, Differences)
        self.readonly = False


class Var:
    def __init__(self, name, dtype, shape, bound, fuzzy, depth, buf=None):
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self._bound = bound
        self._fuzzy = fuzzy
        self.depth = depth
        self.buf = buf          # arrays only
        self.param = False

    @property
    def bound(self):
        return self.buf.bound if self.buf else self._bound

    @property
    def fuzzy(self):
        return self.buf.fuzzy if self.buf else self._fuzzy


class Expr:
    def __init__(self, code, dtype, shape, bound=0, fuzzy=False, lit=False,
                 buf=None):
        self.code = code
        self.dtype = dtype
        self.shape = tuple(shape)
        self.bound = bound if dtype in INTS or dtype == "bool" else 0
        if dtype == "bool":
            self.bound = 1
        self.fuzzy = fuzzy and dtype in FLOATS
        self.lit = lit          # a weak literal
        self.buf = buf          # the buffer this expression views, if any


class Func:
    def __init__(self, name, params, ret, lines, aliases):
        self.name = name
        self.params = params    # list of Var (shape, dtype, annotated flag)
        self.ret = ret          # list of Expr-like (dtype, shape, bound,
        self.lines = lines      # fuzzy) results; one entry = no tuple
        self.aliases = aliases  # result index -> param index it views
        self.optional = False   # returns a number or None


def broadcast(a, b):
    """NumPy's broadcast shape of a and b, or None when they do not
    broadcast."""
    if a is None or b is None:
        return None
    n = max(len(a), len(b))
    a = (1,) * (n - len(a)) + tuple(a)
    b = (1,) * (n - len(b)) + tuple(b)
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            return None
        out.append(y if x == 1 else x)
    return tuple(out)


def size(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def type_name(dtype, shape):
    if not shape:
        return dtype
    return "%s[%s]" % (dtype, ", ".join(":" for _ in shape))


def clamp_bound(b):
    return b if b <= ARRAY_INT_LIMIT else INF
