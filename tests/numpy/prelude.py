"""prelude.py - the builtins of Weft, bound to NumPy with Weft's semantics.

A Weft program is also a Python program once these names are in scope
(run_diff.py execs the program in a copy of this module's namespace, with
array literals turned into NumPy arrays and annotations left unevaluated).
The output of that Python run is the reference the output of `weft run` is
compared with.

Written for NumPy 1.24 (the numpy of /usr/bin/python3).

Promotion (NumPy 1.24 versus NumPy 2 / NEP 50)
----------------------------------------------
Weft promotes like NumPy 2: literals are weak (`a * 2.0` keeps a f32
array f32, `k + 1` keeps an i32 k i32), everything else is strong. NumPy
1.24 still uses value-based casting by default, which differs from NumPy 2
in a few places, e.g.

    f32 scalar * 2.0           1.24: f64 scalar     NumPy 2: f32 scalar
    i32 scalar + 1             1.24: i64 scalar     NumPy 2: i32 scalar
    f32 array * f64 scalar     1.24: f32 array      NumPy 2: f64 array
    i32 array + i64 scalar     1.24: i32 array      NumPy 2: i64 array

NumPy 1.24 ships NEP 50's rules as an experimental switch, so this prelude
turns it on (`np._set_promotion_state("weak")`); `set_promotion("legacy")`
turns it off again (run_diff.py --legacy-promotion). Even with the switch
one gap stays: a Weft f64 *variable* is a strong f64, but in Python it is a
`float`, which NumPy treats as a weak literal. So `s = 2.0; a32 * s` is
f64 in Weft and f32 here. The test programs therefore keep to the cases
where NumPy 1.24 (legacy), NumPy 2 and Weft agree: f32/i32 values meet only
literals or arrays of their own width or wider, never a non-literal f64/i64
scalar, and f32/i32 scalars are not mixed with literals. run_diff.py
--python-only --legacy-promotion must print exactly what --python-only
prints; that is how a program is checked to be in the agreeing subset.

Scalars
-------
Weft prints an f64 scalar as Python prints a float and an i64 as an int,
so every builtin that returns a NumPy scalar (or a 0-d array) converts
np.float64 to float, np.int64 to int and np.bool_ to bool. f32 and i32
scalars stay np.float32 / np.int32 (an f32 prints in NumPy's shortest
single-precision form, `0.1`).

Random numbers (`rand randn random randint seed`) are bound to NumPy's
generator so programs run, but the streams differ from Weft's, so the
differential tests do not use them; nor `time()`.
"""
import builtins
import math
import sys
import time as _time_mod

import numpy as np

np.seterr(all="ignore")


def set_promotion(state):
    """'weak' (NumPy 2 / NEP 50 rules, the default here) or 'legacy'."""
    if hasattr(np, "_set_promotion_state"):
        np._set_promotion_state(state)


set_promotion("weak")


# ---------------------------------------------------------------- scalars
def _py(x):
    """NumPy results to the Python values Weft prints."""
    if isinstance(x, np.ndarray):
        if x.ndim != 0:
            return x
        x = x[()]
    if isinstance(x, np.bool_):
        return builtins.bool(x)
    if isinstance(x, np.float64):
        return builtins.float(x)
    if isinstance(x, np.int64):
        return builtins.int(x)
    return x


def _is_float(x):
    return isinstance(x, (builtins.float, np.floating))


def _is_int(x):
    return (isinstance(x, (builtins.int, np.integer))
            and not isinstance(x, (builtins.bool, np.bool_)))


# ------------------------------------------------------------------ types
class _WeftType:
    """`f64` and friends: a conversion function, a dtype= value, and
    subscriptable (`f64[:, :]`) in case an annotation is ever evaluated."""

    def __init__(self, name, np_type, convert):
        self.name = name
        self.np_type = np_type
        self.dtype = np.dtype(np_type)  # lets NumPy take it as a dtype
        self._convert = convert

    def __call__(self, x):
        if isinstance(x, np.ndarray):
            if x.ndim == 0:
                return self._convert(x[()])
            return x.astype(self.np_type)
        return self._convert(x)

    def __getitem__(self, item):
        return self

    def __repr__(self):
        return self.name


bool = _WeftType("bool", np.bool_, lambda x: builtins.bool(x))
i32 = _WeftType("i32", np.int32, lambda x: np.int32(builtins.int(x)))
i64 = _WeftType("i64", np.int64, lambda x: builtins.int(x))
f32 = _WeftType("f32", np.float32, lambda x: np.float32(x))
f64 = _WeftType("f64", np.float64, lambda x: builtins.float(x))
c128 = _WeftType("c128", np.complex128, lambda x: builtins.complex(x))
complex128 = c128
c64 = _WeftType("c64", np.complex64, lambda x: np.complex64(x))
complex64 = c64


def _dt(dtype):
    if isinstance(dtype, _WeftType):
        return dtype.np_type
    return dtype


def _array_literal(items):
    """`[1.0, 2.0]` in a program (run_diff.py rewrites list displays)."""
    return np.array(items)


# --------------------------------------------------------------- creation
def zeros(shape, dtype=f64):
    return np.zeros(shape, dtype=_dt(dtype))


def ones(shape, dtype=f64):
    return np.ones(shape, dtype=_dt(dtype))


def empty(shape, dtype=f64):
    return np.empty(shape, dtype=_dt(dtype))


def full(shape, v, dtype=None):
    return np.full(shape, v, dtype=_dt(dtype))


def zeros_like(a, dtype=None):
    return np.zeros_like(a, dtype=_dt(dtype))


def ones_like(a, dtype=None):
    return np.ones_like(a, dtype=_dt(dtype))


def empty_like(a, dtype=None):
    return np.empty_like(a, dtype=_dt(dtype))


def full_like(a, v, dtype=None):
    return np.full_like(a, v, dtype=_dt(dtype))


def arange(*args, dtype=None):
    return np.arange(*args, dtype=_dt(dtype))


def linspace(a, b, n, dtype=None):
    return np.linspace(a, b, builtins.int(n), dtype=_dt(dtype))


def eye(n, dtype=f64):
    return np.eye(n, dtype=_dt(dtype))


def copy(a):
    return np.array(a, copy=True, order="C")


cumsum = np.cumsum
cumprod = np.cumprod
sort = np.sort
flip = np.flip
concatenate = np.concatenate
stack = np.stack
diff = np.diff
searchsorted = np.searchsorted
digitize = np.digitize
around = np.around
isclose = np.isclose
allclose = np.allclose
logical_and = np.logical_and
logical_or = np.logical_or
logical_xor = np.logical_xor
logical_not = np.logical_not
unique = np.unique


def median(a):
    return _py(np.median(a))


def percentile(a, q):
    return _py(np.percentile(a, q))


def quantile(a, q):
    return _py(np.quantile(a, q))


def argsort(a, axis=-1):
    # Weft's argsort is stable (equal elements keep their order).
    return np.argsort(a, axis=axis, kind="stable")


# ----------------------------------------------------------------- random
def rand(shape):
    return np.random.random_sample(shape)


def randn(shape):
    return np.random.standard_normal(shape)


def random():
    return builtins.float(np.random.random_sample())


def randint(lo, hi):
    return builtins.int(np.random.randint(lo, hi))


def seed(s):
    np.random.seed(s)


# ------------------------------------------------------------------- math
def _elementwise(fn):
    def f(*args):
        return _py(fn(*args))
    f.__name__ = fn.__name__
    return f


abs = _elementwise(np.abs)
sqrt = _elementwise(np.sqrt)
exp = _elementwise(np.exp)
log = _elementwise(np.log)
log2 = _elementwise(np.log2)
log10 = _elementwise(np.log10)
sin = _elementwise(np.sin)
cos = _elementwise(np.cos)
tan = _elementwise(np.tan)
asin = _elementwise(np.arcsin)
acos = _elementwise(np.arccos)
atan = _elementwise(np.arctan)
atan2 = _elementwise(np.arctan2)
sinh = _elementwise(np.sinh)
cosh = _elementwise(np.cosh)
tanh = _elementwise(np.tanh)
expm1 = _elementwise(np.expm1)
log1p = _elementwise(np.log1p)
exp2 = _elementwise(np.exp2)
cbrt = _elementwise(np.cbrt)
asinh = _elementwise(np.arcsinh)
acosh = _elementwise(np.arccosh)
atanh = _elementwise(np.arctanh)
trunc = _elementwise(np.trunc)
degrees = _elementwise(np.degrees)
radians = _elementwise(np.radians)
rad2deg = _elementwise(np.rad2deg)
deg2rad = _elementwise(np.deg2rad)
hypot = _elementwise(np.hypot)
copysign = _elementwise(np.copysign)
sign = _elementwise(np.sign)
fmod = _elementwise(np.fmod)
isfinite = _elementwise(np.isfinite)
real = _elementwise(np.real)
imag = _elementwise(np.imag)
conj = _elementwise(np.conj)
conjugate = _elementwise(np.conjugate)
angle = _elementwise(np.angle)


def _per_element(fn):
    # NumPy has no erf: the math module's (the C library's, as Weft's) on
    # each element of a float64 array.
    vec = np.vectorize(fn, otypes=[np.float64])

    def f(x):
        return _py(vec(x))
    f.__name__ = fn.__name__
    return f


erf = _per_element(math.erf)
erfc = _per_element(math.erfc)
gamma = _per_element(math.gamma)
lgamma = _per_element(math.lgamma)


def fabs(x):
    return np.fabs(x) if isinstance(x, np.ndarray) else math.fabs(x)
floor = _elementwise(np.floor)
ceil = _elementwise(np.ceil)
pow = _elementwise(np.power)
minimum = _elementwise(np.minimum)
maximum = _elementwise(np.maximum)
where = _elementwise(np.where)
isnan = _elementwise(np.isnan)
isinf = _elementwise(np.isinf)
clip = _elementwise(np.clip)

pi = math.pi
e = math.e
inf = math.inf
nan = math.nan


# ------------------------------------------------------------- reductions
def _reduction(name):
    def f(a, axis=None):
        return _py(getattr(np.asarray(a), name)(axis=axis))
    f.__name__ = name
    return f


sum = _reduction("sum")        # float arrays: NumPy's pairwise summation
prod = _reduction("prod")
mean = _reduction("mean")
var = _reduction("var")
std = _reduction("std")
argmin = _reduction("argmin")
argmax = _reduction("argmax")
any = _reduction("any")
all = _reduction("all")


def _scalar_extreme(pick, args):
    r = pick(args)
    # int and float unify to float, as in Weft: max(3, 1.5) is 3.0
    if _is_int(r) and builtins.any(_is_float(x) for x in args):
        return builtins.float(r)
    return _py(r)


def min(*args, axis=None):
    if len(args) == 1 and isinstance(args[0], np.ndarray):
        return _py(args[0].min(axis=axis))
    return _scalar_extreme(builtins.min, args)


def max(*args, axis=None):
    if len(args) == 1 and isinstance(args[0], np.ndarray):
        return _py(args[0].max(axis=axis))
    return _scalar_extreme(builtins.max, args)


# --------------------------------------------------- linear algebra, shape
def dot(a, b):
    return _py(np.dot(a, b))


def outer(a, b):
    return np.outer(a, b)


def transpose(a):
    return np.transpose(a)


def reshape(a, shape):
    return np.reshape(a, shape)


def ravel(a):
    return np.ravel(a)


# -------------------------------------------------------------------- I/O
len = builtins.len
print = builtins.print


def load(path):
    return np.load(path)


def save(path, a):
    np.save(path, a)


def time():
    return _time_mod.monotonic()


def bench_work(bytes=0, flops=0):
    """Declares one run's work for `weft bench`; nothing to do here."""


def argv(i, default):
    """Command-line argument i after `--` (sys.argv[1:] here), typed as
    the default; the default when there are not that many arguments."""
    args = sys.argv[1:]
    if i >= len(args):
        return default
    s = args[i]
    if isinstance(default, (builtins.bool, np.bool_)):
        return s.lower() in ("1", "true")
    if isinstance(default, np.generic):
        return type(default)(s)
    return type(default)(s)


# ---------------------------------------------------------------- @jit
def jit(*args, **options):
    """`@jit` and `@jit(parallel=True, ...)`: options are accepted and
    ignored."""
    if len(args) == 1 and callable(args[0]) and not options:
        return args[0]
    return lambda fn: fn


prange = range


# ---------------------------------------------------------- transforms
def _central_difference(f, args, k):
    """df/d(args[k]) by central differences (NumPy has no autodiff; a
    program that uses grad sets its own tolerance, e.g. # rtol: 1e-6)."""
    args = list(args)
    x = args[k]
    if not isinstance(x, np.ndarray):
        h = 1e-6 * max(1.0, abs(x))
        up, dn = list(args), list(args)
        up[k], dn[k] = x + h, x - h
        return (f(*up) - f(*dn)) / (2 * h)
    g = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        h = 1e-6 * max(1.0, abs(float(x[idx])))
        up, dn = list(args), list(args)
        up[k], dn[k] = x.astype(float), x.astype(float)
        up[k][idx] += h
        dn[k][idx] -= h
        g[idx] = (f(*up) - f(*dn)) / (2 * h)
    return g


def grad(f, argnums=0):
    nums = argnums if isinstance(argnums, tuple) else (argnums,)

    def g(*args):
        out = tuple(_central_difference(f, args, k) for k in nums)
        return out if isinstance(argnums, tuple) else out[0]
    return g


def value_and_grad(f, argnums=0):
    def g(*args):
        gr = grad(f, argnums)(*args)
        return (f(*args),) + (gr if isinstance(gr, tuple) else (gr,))
    return g


def vectorize(f):
    vf = np.vectorize(f, otypes=[float])

    def call(*args, **kw):
        if any(isinstance(a, np.ndarray) for a in list(args) + list(kw.values())):
            return vf(*args, **kw)
        return f(*args, **kw)
    return call


def vmap(f, axis=0):
    def call(*args):
        n = next(a.shape[axis] for a in args if isinstance(a, np.ndarray))
        outs = [f(*[np.take(a, i, axis=axis) if isinstance(a, np.ndarray)
                    else a for a in args]) for i in range(n)]
        return np.array(outs, dtype=float)
    return call


# ---------------------------------------------------------- GPU kernels
# Not used by the differential programs; a serial emulation of Numba's
# cuda.jit model so that a kernel program at least runs.
_grid_state = {"thread": (0, 0), "block": (0, 0), "bdim": (1, 1)}


def _dims(v):
    return tuple(v) if isinstance(v, tuple) else (v, 1)


class _Kernel:
    def __init__(self, fn):
        self.fn = fn

    def __getitem__(self, config):
        blocks, threads = (_dims(c) for c in config)

        def launch(*args):
            for by in range(blocks[1]):
                for bx in range(blocks[0]):
                    for ty in range(threads[1]):
                        for tx in range(threads[0]):
                            _grid_state["thread"] = (tx, ty)
                            _grid_state["block"] = (bx, by)
                            _grid_state["bdim"] = threads
                            self.fn(*args)
        return launch


def kernel(fn=None, **options):
    if fn is None:
        return _Kernel
    return _Kernel(fn)


def grid(ndim):
    t, b, d = (_grid_state[k] for k in ("thread", "block", "bdim"))
    x = b[0] * d[0] + t[0]
    if ndim == 1:
        return x
    return x, b[1] * d[1] + t[1]


def thread_id():
    return _grid_state["thread"][0]


def block_id():
    return _grid_state["block"][0]


def block_dim():
    return _grid_state["bdim"][0]


# -------------------------------------------------------------- namespace
WEFT_NAMES = (
    "bool i32 i64 f32 f64 c128 complex128 c64 complex64 "
    "zeros ones empty full arange linspace eye copy "
    "zeros_like ones_like empty_like full_like cumsum cumprod sort argsort "
    "flip concatenate stack diff searchsorted digitize around isclose allclose "
    "logical_and logical_or logical_xor logical_not median percentile quantile "
    "unique "
    "rand randn random randint seed "
    "abs sqrt exp log log2 log10 sin cos tan asin acos atan atan2 sinh cosh "
    "tanh erf erfc fabs floor ceil pow minimum maximum where isnan isinf clip "
    "expm1 log1p exp2 cbrt asinh acosh atanh gamma lgamma trunc degrees "
    "radians rad2deg deg2rad isfinite hypot copysign fmod sign "
    "real imag conj conjugate angle "
    "pi e inf nan "
    "sum prod min max mean var std argmin argmax any all "
    "dot outer transpose reshape ravel "
    "len print load save time argv bench_work jit prange "
    "grad value_and_grad vectorize vmap "
    "kernel grid thread_id block_id block_dim"
).split()

# Python builtins a Weft program may use besides the ones above.
PYTHON_NAMES = ("range", "float", "int", "enumerate", "zip", "round",
                "complex", "list", "sorted", "divmod", "reversed", "set",
                "dict", "ord", "chr", "str", "format", "slice",
                # (try/except and raise)
                "Exception", "BaseException", "ValueError", "IndexError",
                "ZeroDivisionError", "RuntimeError", "KeyError")


def namespace():
    """A fresh global namespace for one program: the Weft builtins and
    nothing else of Python's, so a program that leans on a Python-only
    builtin fails here instead of passing by accident."""
    g = {name: globals()[name] for name in WEFT_NAMES}
    g["_array_literal"] = _array_literal
    g["__builtins__"] = {name: getattr(builtins, name)
                         for name in PYTHON_NAMES}
    # NumPy's array methods (a.max(axis=1), ...) import lazily at their
    # first call, through the caller's builtins.
    g["__builtins__"]["__import__"] = builtins.__import__
    # (a class statement: Enum classes)
    g["__builtins__"]["__build_class__"] = builtins.__build_class__
    g["__name__"] = "__main__"
    return g
