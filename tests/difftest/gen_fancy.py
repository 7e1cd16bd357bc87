"""Advanced indexing in the random tester: one integer array or mask at
any axis, read (`x[:, np.array([2, -1])]`) and stored into
(`v[:, np.array([True, False, True])] = e`); a mixin of the generator."""
import re

from gen_model import *  # noqa: F401,F403


class FancyIndexing:
    def index_array(self, t, count, distinct):
        """An index array (text) of `count` valid indices into an axis of
        size t (> 0), distinct positions when asked; or a mask of t bools
        with `count` true. None when it cannot be made."""
        if self.chance(0.4):
            if count > t:
                return None
            true = set(self.r.sample(range(t), count))
            return "np.array([%s])" % ", ".join(
                "True" if i in true else "False" for i in range(t))
        if count == 0 or (distinct and count > t):
            return None
        if distinct:
            picks = self.r.sample(range(t), count)
        else:
            picks = [self.r.randrange(t) for _ in range(count)]
        # (negative indices count from the end)
        return "np.array([%s])" % ", ".join(
            str(i - t if self.chance(0.3) else i) for i in picks)

    def a_gather(self, dtype, shape, depth, exact):
        """x[:, ..., idx] selecting along axis k: the result has axis k of
        len(idx), the other axes x's (NumPy puts it in place)."""
        if not shape:
            return None
        k = self.r.randrange(len(shape))
        t = self.r.randrange(1, 6)
        src_shape = shape[:k] + (t,) + shape[k + 1:]
        idx = self.index_array(t, shape[k], distinct=False)
        if idx is None:
            return None
        src = self.expr(dtype, src_shape, depth - 1, exact)
        if src is None:
            return None
        code = "%s[%s]" % (self.paren(src.code), ", ".join([":"] * k + [idx]))
        return Expr(code, dtype, shape, bound=src.bound, fuzzy=src.fuzzy)

    def st_fancy_store(self):
        """v[:, ..., idx] = e (or op=): a number or an array of the
        selection's shape (maybe with leading axes dropped, broadcast),
        through distinct indices or a mask."""
        vs = [v for v in self.writable() if v.shape and 0 not in v.shape]
        if not vs:
            return []
        v = self.pick(vs)
        k = self.r.randrange(len(v.shape))
        t = v.shape[k]
        count = self.r.randrange(1, t + 1)
        idx = self.index_array(t, count, distinct=True)
        if idx is None:
            return []
        selection = v.shape[:k] + (count,) + v.shape[k + 1:]
        vshape = selection[self.r.randrange(len(selection) + 1):]
        frozen = self.frozen(v.buf.depth, v.buf.param)
        e = self.expr(v.dtype, vshape, 2, exact=frozen and not v.fuzzy)
        e = self.fit_into(e, v.bound, v.fuzzy, frozen, v.dtype)
        if e is None:
            return []
        # NumPy reads a view of the target as it writes (Weft reads the
        # value whole first: docs/language.md): values naming a view of v
        # are left out.
        aliases = [w.name for w in self.scope
                   if getattr(w, "buf", None) is v.buf]
        if any(re.search(r"\b%s\b" % re.escape(a), e.code) for a in aliases):
            return []
        self.note_write(v, e)
        target = "%s[%s]" % (v.name, ", ".join([":"] * k + [idx]))
        return ["%s = %s" % (target, e.code)]
