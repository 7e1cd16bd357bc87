"""Expressions of the random tester that call the NumPy functions Weft
writes in Weft (frontend/NumpyLibrary.cpp); a mixin of ExprGen."""
from gen_model import *  # noqa: F401,F403


class LibraryExprs:
    def a_library(self, dtype, shape, depth, exact):
        """NumPy functions Weft writes in Weft (frontend/NumpyLibrary.cpp)
        that keep the values: np.roll (any shift), np.flipud, np.fliplr,
        np.square (ints within their bound), np.diag of a 1-D array and
        np.repeat into a 1-D array."""
        fns = ["roll", "roll", "flipud"]
        if len(shape) >= 2:
            fns.append("fliplr")
        if dtype in NUMERIC:
            fns.append("square")
        if len(shape) == 2 and shape[0] == shape[1]:
            fns.append("diag")
        if len(shape) == 1:
            fns.append("repeat")
        fn = self.pick(fns)
        if fn == "diag":
            a = self.expr(dtype, (shape[0],), depth - 1, exact)
            if a is None:
                return None
            return Expr("np.diag(%s)" % a.code, dtype, shape, bound=a.bound,
                        fuzzy=a.fuzzy)
        if fn == "repeat":
            r = self.pick([k for k in (1, 2, 3) if shape[0] % k == 0])
            a = self.expr(dtype, (shape[0] // r,), depth - 1, exact)
            if a is None:
                return None
            return Expr("np.repeat(%s, %d)" % (a.code, r), dtype, shape,
                        bound=a.bound, fuzzy=a.fuzzy)
        a = self.expr(dtype, shape, depth - 1, exact)
        if a is None:
            return None
        if fn == "roll":
            code = "np.roll(%s, %d)" % (a.code, self.r.randrange(-9, 10))
        elif fn == "square":
            limit = 46340 if dtype == "i32" else 2 ** 31
            if dtype in INTS and a.bound > limit:
                return None
            return Expr("np.square(%s)" % a.code, dtype, shape,
                        bound=a.bound * a.bound if dtype in INTS else a.bound,
                        fuzzy=a.fuzzy)
        else:
            code = "np.%s(%s)" % (fn, a.code)
        return Expr(code, dtype, shape, bound=a.bound, fuzzy=a.fuzzy)

    def s_library(self, dtype, shape, depth, exact):
        """np.count_nonzero of any array (an i64), np.ptp of a non-empty
        one (its dtype, ints within their bound)."""
        if dtype == "i64" and self.chance(0.5):
            a = self.expr(self.pick(DTYPES), self.rand_shape(), depth - 1,
                          True)
            if a is None:
                return None
            return Expr("np.count_nonzero(%s)" % a.code, "i64", (),
                        bound=max(size(a.shape), 1))
        s = self.rand_shape()
        if 0 in s:
            return None
        a = self.expr(dtype, s, depth - 1, exact)
        if a is None or (dtype in INTS and a.bound > 2 ** 29):
            return None
        return Expr("np.ptp(%s)" % a.code, dtype, (),
                    bound=2 * a.bound if dtype in INTS else a.bound,
                    fuzzy=a.fuzzy)
