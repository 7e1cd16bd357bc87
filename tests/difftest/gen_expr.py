"""gen_expr.py - random well-typed Weft expressions for the differential tester."""
import random

from gen_fancy import FancyIndexing
from gen_library import LibraryExprs
from gen_model import *  # noqa: F401,F403



# NumPy's ufunc for each binary operator (np.add(a, b) is a + b).
UFUNC_NAMES = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide",
               "//": "floor_divide", "%": "mod", "**": "power",
               "&": "bitwise_and", "|": "bitwise_or", "^": "bitwise_xor",
               "<<": "left_shift", ">>": "right_shift"}

class ExprGen(LibraryExprs, FancyIndexing):
    """Random expressions of a wanted dtype and shape (gen.py adds the
    calls, statements and whole programs)."""
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.counter = 0
        self.funcs = []
        self.lines = []
        self.uses_f32 = False
        self.budget = 0

    # ------------------------------------------------------------ helpers
    def name(self, prefix="v"):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(list(seq))

    def rand_shape(self, rank=None):
        if rank is None:
            rank = self.pick((1, 1, 2, 2, 2, 3, 3, 4))
        dims = []
        for _ in range(rank):
            dims.append(self.pick((1, 2, 3, 3, 4, 5) if rank < 4
                                  else (1, 2, 2, 3)))
        if self.chance(0.03):
            dims[self.r.randrange(rank)] = 0
        return tuple(dims)

    # ------------------------------------------------------------ context
    def begin_body(self, scope, depth, in_func, in_prange=False):
        self.scope = scope          # list of Var, innermost last
        self.depth = depth          # loop depth
        self.in_func = in_func
        self.in_prange = in_prange
        self.loop_vars = []         # (name, lo, hi) known index ranges
        self.forbidden_buf = None   # written by the enclosing prange

    def vars_of(self, dtype=None, shape=None, rank=None, arrays=None):
        out = []
        for v in self.scope:
            if v.buf is not None and v.buf is self.forbidden_buf:
                continue
            if dtype is not None and v.dtype != dtype:
                continue
            if shape is not None and v.shape != tuple(shape):
                continue
            if rank is not None and len(v.shape) != rank:
                continue
            if arrays is True and not v.shape:
                continue
            if arrays is False and v.shape:
                continue
            out.append(v)
        return out

    def size_expr(self, n):
        """An integer expression equal to n: a literal, or a run-time size."""
        if self.in_func:
            cands = [v for v in self.scope if v.shape and n in v.shape]
            if cands and self.chance(0.5):
                v = self.pick(cands)
                k = v.shape.index(n)
                if k == 0 and self.chance(0.5):
                    return "len(%s)" % v.name
                return "%s.shape[%d]" % (v.name, k)
            return str(n)
        if 1 <= n <= 5 and self.chance(0.5):
            return "n%d" % n
        return str(n)

    def shape_expr(self, shape):
        parts = [self.size_expr(s) for s in shape]
        if len(parts) == 1 and self.chance(0.5):
            return parts[0]
        return "(%s)" % (", ".join(parts) + ("," if len(parts) == 1 else ""))

    # ------------------------------------------------------------ literals
    def literal(self, dtype, exact=True):
        if dtype == "bool":
            return Expr(self.pick(("True", "False")), "bool", ())
        if dtype in INTS:
            v = self.pick((0, 1, 2, 3, 5, 7, -1, -2, -3, 10, 100))
            return Expr(str(v) if v >= 0 else "(%d)" % v, dtype, (),
                        bound=abs(v), lit=True)
        lits = EXACT_FLOAT_LITS if dtype == "f32" or exact else F64_LITS
        v = self.pick(lits)
        if self.chance(0.2) and v not in ("pi", "-0.0"):
            v = "(-%s)" % v
        return Expr(v, dtype, (), lit=(v != "pi"))

    def typed_scalar_literal(self, dtype):
        """A literal of exactly dtype, strong (f32(0.5), i32(3))."""
        e = self.literal(dtype)
        if dtype in NARROW:
            return Expr("%s(%s)" % (dtype, e.code), dtype, (), bound=e.bound)
        return e

    # --------------------------------------------------------- expressions
    def expr(self, dtype, shape, depth=3, exact=False, narrow_ok=True):
        """An expression of exactly this dtype and shape. exact: not fuzzy.
        Returns None when nothing fits (rare: callers try again)."""
        shape = tuple(shape)
        if dtype in NARROW:
            self.uses_f32 = self.uses_f32 or dtype == "f32"
        self.budget -= 1
        if depth <= 0 or self.budget <= 0:
            depth = 0
        for _ in range(12):
            prods = self.scalar_prods if not shape else self.array_prods
            kind = self.pick(prods(dtype, depth))
            e = kind(dtype, shape, depth, exact)
            if e is not None and not (exact and e.fuzzy):
                assert e.dtype == dtype and e.shape == shape, (
                    kind.__name__, e.code, e.dtype, dtype, e.shape, shape)
                return e
        return self.leaf(dtype, shape)

    def leaf(self, dtype, shape):
        if not shape:
            return self.typed_scalar_literal(dtype)
        v = self.pick(("zeros", "ones", "full")) if dtype != "bool" else \
            self.pick(("zeros", "ones"))
        se = self.shape_expr(shape)
        if v == "full":
            lit = self.literal(dtype)
            code = "full(%s, %s, dtype=%s)" % (se, lit.code, dtype)
            return Expr(code, dtype, shape, bound=lit.bound)
        return Expr("%s(%s, dtype=%s)" % (v, se, dtype), dtype, shape,
                    bound=1 if v == "ones" else 0)

    # scalar productions
    def scalar_prods(self, dtype, depth):
        p = [self.s_literal, self.s_var, self.s_var, self.s_element]
        if depth > 0:
            p += [self.s_binop, self.s_binop, self.s_reduce, self.s_reduce,
                  self.s_call, self.s_cond, self.s_minmax]
            if dtype in FLOATS:
                p += [self.s_math, self.s_convert]
            if dtype in INTS:
                p += [self.s_len, self.s_convert]
            if dtype == "bool":
                p += [self.s_compare, self.s_compare, self.s_logic]
            if dtype in NUMERIC:
                p += [self.s_dot]
            if dtype in ("i64", "f32", "f64"):
                p += [self.s_masked]
            if dtype in NUMERIC:
                p += [self.s_library]
        return p

    def s_literal(self, dtype, shape, depth, exact):
        return self.typed_scalar_literal(dtype) if self.chance(0.5) \
            else (self.literal(dtype) if dtype not in NARROW
                  else self.typed_scalar_literal(dtype))

    def s_var(self, dtype, shape, depth, exact):
        vs = [v for v in self.vars_of(dtype, ()) if not (exact and v.fuzzy)]
        if not vs:
            return None
        v = self.pick(vs)
        return Expr(v.name, dtype, (), bound=v.bound, fuzzy=v.fuzzy)

    def index_for(self, n):
        """An index expression valid for an axis of size n (n > 0)."""
        for name, lo, hi in self.loop_vars:
            if -n <= lo and hi < n and self.chance(0.4):
                return name
        k = self.r.randrange(-n, n)
        if self.chance(0.2):
            e = self.expr("i64", (), 1, exact=True)
            if e.bound < SCALAR_INT_LIMIT:
                return "(%s) %% %s" % (e.code, self.size_expr(n))
        if k >= 0 and self.chance(0.3) and not self.in_func:
            return "n%d - %d" % (n, n - k) if 1 <= n <= 5 else str(k)
        return str(k)

    def s_element(self, dtype, shape, depth, exact):
        vs = [v for v in self.vars_of(dtype, arrays=True)
              if 0 not in v.shape and not (exact and v.fuzzy)]
        if not vs:
            return None
        v = self.pick(vs)
        idx = [self.index_for(n) for n in v.shape]
        if self.chance(0.15) and len(v.shape) > 1:
            code = "%s[%s][%s]" % (v.name, idx[0], ", ".join(idx[1:]))
        else:
            code = "%s[%s]" % (v.name, ", ".join(idx))
        return Expr(code, dtype, (), bound=v.bound, fuzzy=v.fuzzy)

    def s_len(self, dtype, shape, depth, exact):
        if dtype != "i64":
            return None
        vs = self.vars_of(arrays=True)
        if not vs:
            return None
        v = self.pick(vs)
        k = self.r.randrange(len(v.shape))
        form = self.pick(("len", "shape", "size", "ndim"))
        if form == "len":
            return Expr("len(%s)" % v.name, "i64", (), bound=v.shape[0])
        if form == "size":
            return Expr("%s.size" % v.name, "i64", (), bound=size(v.shape))
        if form == "ndim":
            return Expr("%s.ndim" % v.name, "i64", (), bound=len(v.shape))
        return Expr("%s.shape[%d]" % (v.name, k), "i64", (),
                    bound=v.shape[k])

    def operand_dtypes(self, dtype, op, scalar):
        """Operand dtype pairs whose promotion gives dtype in Weft and in
        NumPy 2 alike. 'lit' marks a weak literal operand."""
        if op in ("&", "|", "^"):
            if dtype == "bool":
                return [("bool", "bool")]
            return [(dtype, dtype), (dtype, "lit")] + \
                ([("i64", "bool")] if dtype == "i64" else [])
        if op in ("<<", ">>"):
            return [(dtype, "shift")]
        if op == "/":
            if dtype == "f32":
                return [("f32", "f32"), ("f32", "lit")]
            pairs = [("f64", "f64"), ("f64", "i64"), ("i64", "i64"),
                     ("i64", "f64"), ("f64", "lit"), ("i64", "lit"),
                     ("f64", "bool")]
            if not scalar:
                pairs += [("i32", "i32"), ("f64", "f32"), ("i32", "f64")]
            return pairs
        if dtype == "f64":
            pairs = [("f64", "f64"), ("f64", "i64"), ("i64", "f64"),
                     ("f64", "lit"), ("f64", "bool"), ("bool", "f64")]
            if not scalar:
                pairs += [("f32", "f64"), ("f64", "i32"), ("i64", "f32")]
            return pairs
        if dtype == "i64":
            pairs = [("i64", "i64"), ("i64", "lit"), ("i64", "bool"),
                     ("bool", "i64"), ("bool", "lit")]
            if not scalar:
                pairs += [("i64", "i32")]
            return pairs
        if dtype in NARROW:
            return [(dtype, dtype), (dtype, "lit"), (dtype, "bool")]
        return []

    def operand_shapes(self, shape):
        """Two shapes that broadcast to shape."""
        shape = tuple(shape)

        def shrink(s):
            s = list(s)
            if s and self.chance(0.2):
                s = s[self.r.randrange(1, len(s) + 1):]
            return tuple(1 if self.chance(0.15) else x for x in s)
        for _ in range(6):
            a, b = shrink(shape), shrink(shape)
            if broadcast(a, b) == shape:
                return a, b
        return (shape, shrink(shape)) if self.chance(0.5) else \
            (shape, shape)

    def binop(self, dtype, shape, depth, exact, scalar):
        ops = ["+", "-", "*"]
        if dtype in FLOATS:
            ops += ["/", "/", "**"]
            if not exact:
                pass
            ops += ["//", "%"]
        if dtype in INTS:
            ops += ["//", "%", "&", "|", "^", "<<", ">>", "**"]
        if dtype == "bool":
            ops = ["&", "|", "^"]
        op = self.pick(ops)
        pairs = self.operand_dtypes(dtype, op, scalar)
        if not pairs:
            return None
        da, db = self.pick(pairs)
        if self.chance(0.5) and db not in ("lit", "shift"):
            da, db = db, da
        if scalar:
            sa = sb = ()
        else:
            sa, sb = self.operand_shapes(shape)
        discont = op in ("//", "%")
        sub_exact = exact or discont
        if da == "lit":
            da, db, sa, sb = db, da, sb, sa
            swapped = True
        else:
            swapped = False
        if not scalar and (db in ("lit", "shift") or not sa and not sb):
            sa = shape
        if op == "**":
            # a literal exponent; float bases only on arrays (Python's float
            # ** raises OverflowError where NumPy gives inf)
            if dtype in FLOATS and scalar:
                return None
            a = self.expr(dtype, shape if not scalar else (), depth - 1,
                          exact)
            k = self.pick((0, 1, 2, 2, 3))
            if dtype in INTS:
                bound = a.bound ** k if a.bound != INF else INF
                if scalar and bound >= SCALAR_INT_LIMIT:
                    return None
                return Expr("(%s ** %d)" % (a.code, k), dtype, shape,
                            bound=clamp_bound(bound))
            # not 0.5: NumPy computes a ** 0.5 as sqrt(a), which differs
            # from C's pow at -inf (docs/language.md, Differences)
            return Expr("(%s ** %s)" % (a.code, self.pick(("2", "3", "2.0",
                                                          "3.0"))),
                        dtype, shape, fuzzy=True)
        a = self.expr(da, sa, depth - 1, sub_exact)
        if db == "lit":
            b = self.literal(dtype, exact=dtype == "f32" or sub_exact)
            if dtype == "bool" or (da == "bool"):
                b = self.literal(dtype)
        elif db == "shift":
            b = Expr(str(self.r.randrange(0, 6)), "i64", (), lit=True)
            b.bound = int(b.code)
        else:
            # a divisor is exact: a fuzzy zero may have the other sign
            # (-0.0 from a sum in another order), which flips x / 0 to -inf
            b = self.expr(db, sb, depth - 1, sub_exact or op == "/")
        if a is None or b is None:
            return None
        if swapped and op not in ("<<", ">>"):
            a, b = b, a
        if op == "/" and b.fuzzy:
            return None
        if db != "lit" and (a.lit or b.lit) and a.dtype != b.dtype:
            return None     # a literal would be weak: not the pair chosen
        # scalar divisors are never zero, and keep // and % exact for floats
        if op in ("/", "//", "%") and not b.shape and not a.shape:
            if b.dtype in FLOATS or dtype in FLOATS and op == "/":
                b = Expr(("(%s + 1.0)" if b.dtype == "bool" else
                          "(abs(%s) + 1.0)") % b.code, "f64", (),
                         fuzzy=b.fuzzy)
                if dtype == "f32":
                    b = Expr("(abs(%s) + 1.0)" % self.expr(
                        "f32", (), depth - 1, True).code, "f32", ())
            else:
                if b.bound == INF:
                    return None
                if b.lit:       # a weak literal stays one: never zero
                    k = self.pick((1, 2, 3, 5, 7))
                    b = Expr(str(k), b.dtype, (), bound=k, lit=True)
                else:
                    b = Expr("(abs(%s) %% 7 + 1)" % b.code, b.dtype, (),
                             bound=7)
                if b.dtype == "bool":
                    return None
        bound = 0
        if dtype in INTS:
            A, B = a.bound, b.bound
            if op in ("+", "-"):
                bound = A + B
            elif op == "*":
                bound = A * B
            elif op == "//":
                bound = A
            elif op == "%":
                bound = B
            elif op in ("&", "|", "^"):
                bound = max(A, B) * 2 + 1 if INF not in (A, B) else INF
            elif op == "<<":
                bound = A * 2 ** b.bound if A != INF else INF
            elif op == ">>":
                bound = A
            if scalar and bound >= SCALAR_INT_LIMIT:
                if op == "%" and B < SCALAR_INT_LIMIT:
                    pass
                else:
                    return None
            bound = clamp_bound(bound)
        if op in ("//", "%") and dtype in FLOATS and (a.fuzzy or b.fuzzy):
            return None
        # a float quotient or remainder by an array may be inf or NaN (a
        # zero divisor): fuzzy, so that it stays out of matrix products,
        # whose BLAS path in NumPy skips zero terms (NaN * 0 dropped)
        fuzzy = a.fuzzy or b.fuzzy or (dtype in FLOATS and
                                       op in ("/", "//", "%") and
                                       bool(b.shape))
        if not scalar and self.chance(0.2):
            # NumPy's ufunc called as a function: the operator on arrays
            code = "np.%s(%s, %s)" % (UFUNC_NAMES[op], a.code, b.code)
        else:
            code = "(%s %s %s)" % (a.code, op, b.code)
        return Expr(code, dtype, shape, bound=bound, fuzzy=fuzzy)

    def s_binop(self, dtype, shape, depth, exact):
        return self.binop(dtype, (), depth, exact, scalar=True)

    def reduce_source(self, dtype, red, exact, shape_hint=None):
        """(source dtype) for a reduction giving dtype."""
        if red in ("sum", "prod"):
            if dtype == "i64":
                return self.pick(("i64", "i32", "bool"))
            if dtype in FLOATS:
                return dtype
            return None
        if red in ("mean", "var", "std"):
            if dtype == "f64":
                return self.pick(("f64", "i64", "i32"))
            if dtype == "f32":
                return "f32"
            return None
        if red in ("min", "max"):
            return dtype if dtype != "bool" else None
        if red in ("argmin", "argmax"):
            return self.pick(NUMERIC) if dtype == "i64" else None
        if red in ("any", "all"):
            return self.pick(DTYPES) if dtype == "bool" else None
        return None

    def reduction(self, dtype, shape, depth, exact):
        red = self.pick(("sum", "sum", "prod", "mean", "var", "std", "min",
                         "max", "argmin", "argmax", "any", "all"))
        src_dtype = self.reduce_source(dtype, red, exact)
        if src_dtype is None:
            return None
        axis = None
        if shape:
            k = self.r.randrange(len(shape) + 1)
            if len(shape) >= 4:
                return None
            m = self.pick((1, 2, 3, 4))
            src_shape = shape[:k] + (m,) + shape[k:]
            axis = k if self.chance(0.7) else k - len(src_shape)
        else:
            src_shape = self.rand_shape()
            if self.chance(0.5):
                src_shape = tuple(max(1, s) for s in src_shape)
        if red in ("min", "max", "argmin", "argmax") and 0 in src_shape:
            return None
        if red == "prod":
            if axis is None:
                src_shape = tuple(min(s, 3) for s in src_shape)
            else:
                src_shape = tuple(min(s, 3) if k == axis % len(src_shape)
                                  else s for k, s in enumerate(src_shape))
        src_exact = red in ("argmin", "argmax", "any", "all") or exact
        if red in ("mean", "var", "std", "sum", "prod") and exact and \
                src_dtype in FLOATS + ("i32", "i64"):
            if src_dtype in FLOATS or red in ("mean", "var", "std"):
                return None   # float sums are fuzzy
        src = self.expr(src_dtype, src_shape, depth - 1, src_exact)
        if src is None:
            return None
        n = src_shape[axis] if axis is not None else size(src_shape)
        bound = 0
        if red == "sum":
            bound = src.bound * n if src.bound != INF else INF
        elif red == "prod":
            bound = src.bound ** n if src.bound not in (INF,) and \
                src.bound < 2 ** 20 else INF
        elif red in ("min", "max"):
            bound = src.bound
        elif red in ("argmin", "argmax"):
            bound = n
        bound = clamp_bound(bound)
        if not shape and dtype == "i64" and bound >= SCALAR_INT_LIMIT:
            return None
        fuzzy = src.fuzzy or red in ("mean", "var", "std") or \
            (red in ("sum", "prod") and dtype in FLOATS)
        ax = "" if axis is None else ", axis=%d" % axis
        if self.chance(0.4):
            code = "%s.%s(%s)" % (self.paren(src.code), red, ax[2:])
        else:
            code = "%s(%s%s)" % (red, src.code, ax)
        return Expr(code, dtype, shape, bound=bound, fuzzy=fuzzy)

    def paren(self, code):
        if code.replace("_", "").isalnum() or code.endswith(")") and \
                code.startswith("("):
            return code
        return "(%s)" % code

    def s_reduce(self, dtype, shape, depth, exact):
        return self.reduction(dtype, (), depth, exact)

    def s_math(self, dtype, shape, depth, exact):
        if exact:
            fn = self.pick(("floor", "ceil", "trunc", "abs", "sqrt",
                            "copysign", "sign"))
        else:
            fn = self.pick(MATH1 + ("floor", "ceil", "trunc", "abs", "atan2",
                                    "pow", "hypot", "copysign", "sign"))
        return self.math(fn, dtype, shape, depth, exact)

    def math(self, fn, dtype, shape, depth, exact):
        src = dtype if dtype == "f32" else self.pick(("f64", "f64", "i64"))
        if fn in ("floor", "ceil", "trunc"):
            a = self.expr(src, shape, depth - 1, True)
            return Expr("%s(%s)" % (fn, a.code), dtype, shape)
        if fn == "sign":
            # Of an exact value (a fuzzy one near 0 may change sign).
            a = self.expr(dtype, shape, depth - 1, True)
            if a is None or dtype not in NUMERIC:
                return None
            return Expr("sign(%s)" % a.code, dtype, shape, bound=1)
        if fn == "abs":
            a = self.expr(dtype, shape, depth - 1, exact)
            return Expr("abs(%s)" % a.code, dtype, shape, bound=a.bound,
                        fuzzy=a.fuzzy)
        if fn == "sqrt":
            a = self.expr(src, shape, depth - 1, exact)
            return Expr("sqrt(abs(%s))" % a.code, dtype, shape, fuzzy=a.fuzzy)
        if fn in ("atan2", "pow", "hypot", "copysign"):
            if shape:
                sa, sb = self.operand_shapes(shape)
            else:
                sa = sb = ()
            # atan2 jumps by 2 pi across the negative x axis, where the
            # sign of a zero decides: exact arguments only
            a = self.expr(dtype, sa, depth - 1, exact or fn == "atan2")
            b = self.expr(dtype, sb, depth - 1,
                          exact or fn in ("atan2", "copysign"))
            if fn == "pow":
                return Expr("pow(abs(%s), %s)" % (a.code, b.code), dtype,
                            shape, fuzzy=True)
            if fn == "copysign":  # exact: |a| with b's sign bit
                return Expr("copysign(%s, %s)" % (a.code, b.code), dtype,
                            shape, fuzzy=a.fuzzy or b.fuzzy)
            if fn == "hypot":
                return Expr("hypot(%s, %s)" % (a.code, b.code), dtype,
                            shape, fuzzy=True)
            return Expr("atan2(%s, %s)" % (a.code, b.code), dtype, shape,
                        fuzzy=True)
        a = self.expr(src, shape, depth - 1, False)
        if fn == "log1p":  # off its domain's edge below -1
            return Expr("log1p(abs(%s))" % a.code, dtype, shape, fuzzy=True)
        if fn in ("sin", "cos", "tan"):
            # a bounded, well-conditioned argument: NumPy's SIMD sin/cos
            # lose all accuracy on huge arguments (cos(sinh(100.0)) is
            # 0.117 in NumPy, 0.692 in C), a large factor would amplify
            # f32 rounding (seed 96285), and tan stays off its poles
            return Expr("%s(%stanh(%s))" % (fn, "" if fn == "tan" else
                                             "4.0 * ", a.code),
                        dtype, shape, fuzzy=True)
        return Expr("%s(%s)" % (fn, a.code), dtype, shape, fuzzy=True)

    def s_convert(self, dtype, shape, depth, exact):
        if dtype in FLOATS:
            src = self.pick(("i64", "f64", "bool", "i32", "f32"))
            a = self.expr(src, (), depth - 1, exact)
            if dtype == "f32" and src in ("f64", "i64"):
                return None     # f32(x) of f64 rounds: fine, but fuzzy
            return Expr("%s(%s)" % (self.pick((dtype, "float"))
                                    if dtype == "f64" else dtype, a.code),
                        dtype, (), fuzzy=a.fuzzy)
        if dtype in INTS:
            src = self.pick(("f64", "i64", "bool", "i32"))
            if src == "f64":
                a = self.expr("f64", (), depth - 1, True)
                conv = self.pick(("int", "i64")) if dtype == "i64" else "i32"
                return Expr("%s(min(1000.0, max(-1000.0, %s)))" % (conv,
                                                                   a.code),
                            dtype, (), bound=1000)
            a = self.expr(src, (), depth - 1, True)
            if dtype == "i32" and a.bound >= 2 ** 31:
                return None
            conv = dtype if dtype == "i32" else self.pick(("int", "i64"))
            return Expr("%s(%s)" % (conv, a.code), dtype, (), bound=a.bound)
        return None

    def s_cond(self, dtype, shape, depth, exact):
        c = self.expr("bool", (), depth - 1, True)
        a = self.expr(dtype, (), depth - 1, exact)
        b = self.expr(dtype, (), depth - 1, exact)
        if a.lit != b.lit and dtype in NARROW:
            return None
        return Expr("(%s if %s else %s)" % (a.code, c.code, b.code), dtype,
                    (), bound=max(a.bound, b.bound), fuzzy=a.fuzzy or b.fuzzy)

    def s_minmax(self, dtype, shape, depth, exact):
        if dtype == "bool":
            return None
        args = [self.expr(dtype, (), depth - 1, exact)
                for _ in range(self.pick((2, 2, 3)))]
        if any(a.lit for a in args) and dtype in NARROW:
            return None
        fn = self.pick(("min", "max"))
        return Expr("%s(%s)" % (fn, ", ".join(a.code for a in args)), dtype,
                    (), bound=max(a.bound for a in args),
                    fuzzy=any(a.fuzzy for a in args))

    def s_compare(self, dtype, shape, depth, exact):
        return self.compare(shape, depth)

    def compare(self, shape, depth):
        op = self.pick(("<", "<=", ">", ">=", "==", "!="))
        d = self.pick(NUMERIC + ("bool",))
        if shape:
            sa, sb = self.operand_shapes(shape)
        else:
            sa = sb = ()
        if self.chance(0.3) and d != "bool":
            a = self.expr(d, shape, depth - 1, True)
            b = self.literal(d, exact=True)
        else:
            a = self.expr(d, sa, depth - 1, True)
            b = self.expr(d, sb, depth - 1, True)
        if broadcast(a.shape, b.shape) != shape:
            return None
        if not shape and not sa and self.chance(0.2) and d != "bool":
            c = self.expr(d, (), depth - 1, True)
            return Expr("(%s %s %s < %s)" % (a.code, op, b.code, c.code),
                        "bool", ())
        if shape and not a.shape and not b.shape:
            return None
        return Expr("(%s %s %s)" % (a.code, op, b.code), "bool", shape)

    def s_logic(self, dtype, shape, depth, exact):
        form = self.pick(("and", "or", "not", "isnan"))
        if form == "not":
            a = self.expr("bool", (), depth - 1, True)
            return Expr("(not %s)" % a.code, "bool", ())
        if form == "isnan":
            a = self.expr(self.pick(FLOATS), (), depth - 1, False)
            return Expr("%s(%s)" % (self.pick(("isnan", "isinf")), a.code),
                        "bool", ())
        a = self.expr("bool", (), depth - 1, True)
        b = self.expr("bool", (), depth - 1, True)
        return Expr("(%s %s %s)" % (a.code, form, b.code), "bool", ())

    def s_dot(self, dtype, shape, depth, exact):
        if dtype == "bool" or (exact and dtype in FLOATS):
            return None
        n = self.pick((1, 2, 3, 4))
        # float operands are not fuzzy: finite (see binop)
        a = self.expr(dtype, (n,), depth - 1, exact or dtype in FLOATS)
        b = self.expr(dtype, (n,), depth - 1, exact or dtype in FLOATS)
        bound = a.bound * b.bound * n if INF not in (a.bound, b.bound) \
            else INF
        if dtype in INTS and bound >= SCALAR_INT_LIMIT:
            return None
        code = "(%s @ %s)" % (a.code, b.code) if self.chance(0.6) else \
            "dot(%s, %s)" % (a.code, b.code)
        return Expr(code, dtype, (), bound=bound, fuzzy=dtype in FLOATS)

    def s_call(self, dtype, shape, depth, exact):
        return self.call(dtype, shape, depth, exact)

    a_call = s_call

    # array productions
    def array_prods(self, dtype, depth):
        p = [self.a_var, self.a_var, self.a_view, self.a_view, self.a_create]
        if depth > 0:
            p += [self.a_binop, self.a_binop, self.a_binop, self.a_unary,
                  self.a_where, self.a_reduce, self.a_call, self.a_transpose,
                  self.a_reshape, self.a_copy, self.a_astype, self.a_order,
                  self.a_library, self.a_gather]
            if dtype == "bool":
                p += [self.a_compare, self.a_compare]
            if dtype in NUMERIC:
                p += [self.a_matmul, self.a_minmax]
        return p

    def a_var(self, dtype, shape, depth, exact):
        vs = [v for v in self.vars_of(dtype, shape) if not (exact and
                                                           v.fuzzy)]
        if not vs:
            return None
        v = self.pick(vs)
        return Expr(v.name, dtype, shape, bound=v.bound, fuzzy=v.fuzzy,
                    buf=v.buf)

    def slice_for(self, t, L):
        """Slice text selecting exactly L elements of an axis of size t."""
        if L > t:
            return None
        if L == t and self.chance(0.4):
            return self.pick((":", "::", "0:", ":%d" % t))
        if L == 0:
            k = self.r.randrange(0, t + 1)
            return "%d:%d" % (k, k) if self.chance(0.5) else "%d:%d" % (
                t + 2, t + 5)
        steps = [s for s in (1, 2, 3, -1, -2) if (L - 1) * abs(s) <= t - 1]
        st = self.pick(steps)
        span = (L - 1) * abs(st)
        if st > 0:
            start = self.r.randrange(0, t - span)
            stop = start + span + 1
            # any stop in (start+span, start+span+st] selects L elements
            stop = self.r.randrange(stop, min(start + span + st, t) + 1)
            if stop >= t and self.chance(0.5):
                stop_s = ""
            else:
                stop_s = str(stop - t if stop < t and self.chance(0.4)
                             else stop)
            start_s = "" if start == 0 and self.chance(0.5) else \
                str(start - t if self.chance(0.3) else start)
        else:
            start = self.r.randrange(span, t)
            stop = start - span - 1          # -1 means "before 0"
            lo = max(start - span + st, -1)
            stop = self.r.randrange(lo, stop + 1)
            if stop == -1:
                stop_s = "" if self.chance(0.6) else str(-t - 1 -
                                                         self.r.randrange(3))
            else:
                stop_s = str(stop - t if self.chance(0.4) else stop)
            start_s = "" if start == t - 1 and self.chance(0.5) else \
                str(start - t if self.chance(0.3) else start)
        s = "%s:%s" % (start_s, stop_s)
        if st != 1 or self.chance(0.2):
            s += ":%d" % st
        return s

    def view_of(self, v, shape):
        """Index text for var v giving a view of exactly this shape, or
        None."""
        m, k = len(v.shape), len(shape)
        if m < k:
            return None
        drop = sorted(self.r.sample(range(m), m - k))
        parts = []
        j = 0
        for ax in range(m):
            t = v.shape[ax]
            if ax in drop:
                if t == 0:
                    return None
                parts.append(self.index_for(t))
            else:
                s = self.slice_for(t, shape[j])
                if s is None:
                    return None
                parts.append(s)
                j += 1
        while parts and parts[-1] in (":", "::") and self.chance(0.7):
            parts.pop()
        if not parts:
            return v.name + "[:]" if self.chance(0.5) else v.name
        return "%s[%s]" % (v.name, ", ".join(parts))

    def a_view(self, dtype, shape, depth, exact):
        vs = [v for v in self.vars_of(dtype, arrays=True)
              if len(v.shape) >= len(shape) and not (exact and v.fuzzy)]
        if not vs:
            return None
        v = self.pick(vs)
        if self.chance(0.2) and len(v.shape) == len(shape) and \
                tuple(reversed(v.shape)) == shape:
            return Expr(v.name + ".T", dtype, shape, bound=v.bound,
                        fuzzy=v.fuzzy, buf=v.buf)
        code = self.view_of(v, shape)
        if code is None:
            return None
        return Expr(code, dtype, shape, bound=v.bound, fuzzy=v.fuzzy,
                    buf=v.buf)

    def a_create(self, dtype, shape, depth, exact):
        form = self.pick(("zeros", "ones", "full", "arange", "linspace",
                          "eye", "literal"))
        se = self.shape_expr(shape)
        if form in ("zeros", "ones"):
            dt = "" if dtype == "f64" and self.chance(0.5) else \
                ", dtype=%s" % dtype
            return Expr("%s(%s%s)" % (form, se, dt), dtype, shape,
                        bound=1 if form == "ones" else 0)
        if form == "full":
            lit = self.literal(dtype, exact=True)
            if dtype in ("i64", "f64", "bool") and self.chance(0.5):
                return Expr("full(%s, %s)" % (se, lit.code), dtype, shape,
                            bound=lit.bound)
            return Expr("full(%s, %s, dtype=%s)" % (se, lit.code, dtype),
                        dtype, shape, bound=lit.bound)
        if form == "arange" and dtype in ("i64", "f64"):
            n = size(shape)
            start = self.pick((0, 0, 1, -3))
            if dtype == "f64":
                args = "%r, %r" % (float(start), start + n - 0.5) if \
                    self.chance(0.5) else "%d" % n
                code = "arange(%s)" % args
                if args == "%d" % n:
                    code = "(arange(%d) * 0.5)" % n
            else:
                step = self.pick((1, 1, 2, -1))
                if step == 1 and start == 0:
                    code = "arange(%s)" % self.size_expr(n)
                else:
                    stop = start + step * n
                    code = "arange(%d, %d, %d)" % (start, stop, step)
                bound = max(abs(start), abs(start + step * n))
            if len(shape) > 1:
                code = "%s.reshape(%s)" % (code, ", ".join(
                    self.size_expr(s) for s in shape)) if self.chance(0.5) \
                    else "reshape(%s, %s)" % (code, self.shape_expr(shape))
            return Expr(code, dtype, shape,
                        bound=bound if dtype == "i64" else 0)
        if form == "linspace" and dtype == "f64" and len(shape) == 1:
            a, b = self.pick((("0.0", "1.0"), ("-2.0", "2.0"), ("1.0",
                                                                 "0.0")))
            return Expr("linspace(%s, %s, %s)" % (a, b,
                                                  self.size_expr(shape[0])),
                        "f64", shape, fuzzy=True)
        if form == "eye" and len(shape) == 2 and shape[0] == shape[1]:
            dt = "" if dtype == "f64" else ", dtype=%s" % dtype
            return Expr("eye(%s%s)" % (self.size_expr(shape[0]), dt), dtype,
                        shape, bound=1)
        if form == "literal" and len(shape) == 1 and shape[0] > 0 and \
                dtype in ("f64", "i64", "bool"):
            items = [self.literal(dtype, exact=True) for _ in
                     range(shape[0])]
            if dtype == "i64" and shape[0] > 1 and self.chance(0.2):
                items[0] = self.literal("bool")
            return Expr("[%s]" % ", ".join(i.code for i in items), dtype,
                        shape, bound=max(i.bound for i in items))
        return None

    def a_binop(self, dtype, shape, depth, exact):
        return self.binop(dtype, shape, depth, exact, scalar=False)

    def a_unary(self, dtype, shape, depth, exact):
        if dtype == "bool":
            a = self.expr("bool", shape, depth - 1, exact)
            return Expr("(~%s)" % a.code, "bool", shape)
        form = self.pick(("neg", "math", "math", "clip"))
        if form == "neg":
            a = self.expr(dtype, shape, depth - 1, exact)
            return Expr("(-%s)" % a.code, dtype, shape, bound=a.bound,
                        fuzzy=a.fuzzy)
        if form == "clip":
            a = self.expr(dtype, shape, depth - 1, exact)
            lo = self.typed_scalar_literal(dtype)
            hi = self.typed_scalar_literal(dtype)
            return Expr("clip(%s, %s, %s)" % (a.code, lo.code, hi.code),
                        dtype, shape, bound=max(lo.bound, hi.bound, 0)
                        if a.bound != INF else max(lo.bound, hi.bound),
                        fuzzy=a.fuzzy)
        if dtype in INTS:
            if dtype == "i32":
                return None
            a = self.expr(dtype, shape, depth - 1, exact)
            return Expr("abs(%s)" % a.code, dtype, shape, bound=a.bound)
        if exact:
            fn = self.pick(("floor", "ceil", "trunc", "abs", "sqrt",
                            "copysign"))
        else:
            fn = self.pick(MATH1 + ("floor", "ceil", "trunc", "abs", "atan2",
                                    "pow", "hypot", "copysign"))
        return self.math(fn, dtype, shape, depth, exact)

    def a_where(self, dtype, shape, depth, exact):
        sc, sa = self.operand_shapes(shape)
        sb = shape if self.chance(0.7) else sa
        c = self.expr("bool", sc, depth - 1, True)
        a = self.expr(dtype, sa, depth - 1, exact)
        b = self.expr(dtype, sb, depth - 1, exact)
        if broadcast(broadcast(c.shape, a.shape), b.shape) != shape:
            return None
        if (a.lit or b.lit) and dtype in NARROW:
            return None
        return Expr("where(%s, %s, %s)" % (c.code, a.code, b.code), dtype,
                    shape, bound=max(a.bound, b.bound),
                    fuzzy=a.fuzzy or b.fuzzy)

    def a_minmax(self, dtype, shape, depth, exact):
        sa, sb = self.operand_shapes(shape)
        a = self.expr(dtype, sa, depth - 1, exact)
        b = self.expr(dtype, sb, depth - 1, exact)
        if (a.lit or b.lit) and dtype in NARROW:
            return None
        if broadcast(a.shape, b.shape) != shape:
            return None
        fn = self.pick(("minimum", "maximum"))
        return Expr("%s(%s, %s)" % (fn, a.code, b.code), dtype, shape,
                    bound=max(a.bound, b.bound), fuzzy=a.fuzzy or b.fuzzy)

    def a_compare(self, dtype, shape, depth, exact):
        return self.compare(shape, depth)

    def a_reduce(self, dtype, shape, depth, exact):
        return self.reduction(dtype, shape, depth, exact)

    def a_matmul(self, dtype, shape, depth, exact):
        if len(shape) > 2 or (exact and dtype in FLOATS):
            return None
        k = self.pick((1, 2, 3, 4))
        if len(shape) == 2:
            sa, sb = (shape[0], k), (k, shape[1])
        elif self.chance(0.5):
            sa, sb = (shape[0], k), (k,)
        else:
            sa, sb = (k,), (k, shape[0])
        # float operands are not fuzzy: finite (see binop)
        a = self.expr(dtype, sa, depth - 1, exact or dtype in FLOATS)
        b = self.expr(dtype, sb, depth - 1, exact or dtype in FLOATS)
        bound = a.bound * b.bound * k if INF not in (a.bound, b.bound) \
            else INF
        code = "(%s @ %s)" % (a.code, b.code) if self.chance(0.6) else \
            "dot(%s, %s)" % (a.code, b.code)
        if len(shape) == 2 and self.chance(0.2):
            a = self.expr(dtype, (shape[0],), depth - 1, exact)
            b = self.expr(dtype, (shape[1],), depth - 1, exact)
            code = "outer(%s, %s)" % (a.code, b.code)
            bound = a.bound * b.bound if INF not in (a.bound, b.bound) \
                else INF
        return Expr(code, dtype, shape, bound=clamp_bound(bound),
                    fuzzy=dtype in FLOATS)

    def a_transpose(self, dtype, shape, depth, exact):
        a = self.expr(dtype, tuple(reversed(shape)), depth - 1, exact)
        form = self.pick(("T", "transpose()", "fn"))
        code = "transpose(%s)" % a.code if form == "fn" else \
            "%s.%s" % (self.paren(a.code), form)
        return Expr(code, dtype, shape, bound=a.bound, fuzzy=a.fuzzy,
                    buf=a.buf)

    def reshaped_buf(self, a):
        """reshape/ravel of a view: NumPy makes a view whenever the strides
        allow, Weft only of contiguous arrays, so neither the source's
        buffer nor the result is written afterwards."""
        if a.buf is None:
            return None
        a.buf.readonly = True
        return a.buf

    def a_reshape(self, dtype, shape, depth, exact):
        n = size(shape)
        if len(shape) == 1 and self.chance(0.5):
            src = self.rand_shape()
            if size(src) != n:
                src = (n,) if n else (0,)
                facs = [d for d in (2, 3) if n and n % d == 0]
                if facs:
                    d = self.pick(facs)
                    src = (d, n // d)
            a = self.expr(dtype, src, depth - 1, exact)
            code = "ravel(%s)" % a.code if self.chance(0.5) else \
                "%s.ravel()" % self.paren(a.code)
            return Expr(code, dtype, shape, bound=a.bound, fuzzy=a.fuzzy,
                        buf=self.reshaped_buf(a))
        src = (n,) if self.chance(0.5) or len(shape) == 1 else \
            tuple(reversed(shape))
        a = self.expr(dtype, src, depth - 1, exact)
        if self.chance(0.5):
            code = "reshape(%s, %s)" % (a.code, self.shape_expr(shape))
        else:
            code = "%s.reshape(%s)" % (self.paren(a.code), ", ".join(
                self.size_expr(s) for s in shape))
        return Expr(code, dtype, shape, bound=a.bound, fuzzy=a.fuzzy,
                    buf=self.reshaped_buf(a))

    def s_masked(self, dtype, shape, depth, exact):
        """sum(x[mask]): a boolean-mask selection, summed."""
        if exact and dtype in FLOATS:
            return None   # float sums are fuzzy
        src_dtype = dtype if dtype in FLOATS else self.pick(INTS)
        src_shape = self.rand_shape()
        x = self.expr(src_dtype, src_shape, depth - 1,
                      exact or dtype not in FLOATS)
        m = self.expr("bool", src_shape, depth - 1, True)
        if x is None or m is None:
            return None
        bound = x.bound * size(src_shape) if x.bound != INF else INF
        bound = clamp_bound(bound)
        if dtype == "i64" and bound >= SCALAR_INT_LIMIT:
            return None
        code = "sum(%s[%s])" % (self.paren(x.code), m.code)
        return Expr(code, dtype, (), bound=bound,
                    fuzzy=x.fuzzy or dtype in FLOATS)

    def a_order(self, dtype, shape, depth, exact):
        """sort(x) along the last axis, flip(x), or for 2 or more axes
        np.triu(x, k) / np.tril(x, k)."""
        a = self.expr(dtype, shape, depth - 1, exact)
        if a is None:
            return None
        if len(shape) >= 2 and self.chance(0.4):
            code = "np.%s(%s, %d)" % (self.pick(("triu", "tril")), a.code,
                                      self.pick((-2, -1, 0, 0, 1, 2)))
        else:
            code = "%s(%s)" % (self.pick(("sort", "flip")), a.code)
        return Expr(code, dtype, shape, bound=a.bound, fuzzy=a.fuzzy)

    def a_copy(self, dtype, shape, depth, exact):
        a = self.expr(dtype, shape, depth - 1, exact)
        code = "copy(%s)" % a.code if self.chance(0.5) else \
            "%s.copy()" % self.paren(a.code)
        return Expr(code, dtype, shape, bound=a.bound, fuzzy=a.fuzzy)

    def a_astype(self, dtype, shape, depth, exact):
        src = self.pick(DTYPES)
        if src == dtype:
            return None
        if dtype == "f32" and src in ("f64", "i64"):
            fz = True
        else:
            fz = False
        a = self.expr(src, shape, depth - 1, exact or dtype in INTS + (
            "bool",))
        bound = a.bound
        if src in FLOATS and dtype in INTS:
            bound = INF
        if dtype == "i32" and (bound == INF or bound >= 2 ** 31):
            bound = INF
        code = "%s.astype(%s)" % (self.paren(a.code), dtype)
        return Expr(code, dtype, shape, bound=bound, fuzzy=a.fuzzy or fz)
