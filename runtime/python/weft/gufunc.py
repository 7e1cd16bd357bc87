"""@weft.guvectorize: Numba's generalized ufuncs (and the loop search of
@vectorize with signatures: ufunc_loops, ufunc_loop).

A kernel written on core arrays (`def move_mean(a, window, out)` with the
layout "(n),()->(n)") runs once per element of the loop dimensions (the
leading axes of the inputs, broadcast as NumPy broadcasts them). Weft
source is generated per call layout: the kernel, and a function that
allocates the outputs (the loop shape, then the core sizes the layout
names) and calls the kernel on views in a loop nest. Inputs of layout
"()" are passed to the kernel as 1-element arrays (views of the element,
which the kernel may write) when the signature gives them an array type
(`intp[:]`), as numbers otherwise.
"""

import ast
import functools
import inspect
import re
import textwrap
import threading

import numpy as np

from weft import _sources

# Numba's type names in signatures -> NumPy dtypes.
_DTYPES = {
    "float64": "float64", "f8": "float64", "double": "float64",
    "float32": "float32", "f4": "float32",
    "int64": "int64", "i8": "int64", "intp": "int64",
    "int32": "int32", "i4": "int32", "int16": "int16", "i2": "int16",
    "int8": "int8", "i1": "int8", "uint8": "uint8", "u1": "uint8",
    "uint16": "uint16", "u2": "uint16", "uint32": "uint32", "u4": "uint32",
    "uint64": "uint64", "u8": "uint64", "uintp": "uint64",
    "complex128": "complex128", "c16": "complex128",
    "complex64": "complex64", "c8": "complex64",
    "boolean": "bool", "bool_": "bool", "b1": "bool",
}


def _weft_dtype(dt):
    """A NumPy dtype name as Weft source writes it."""
    return "np.bool_" if dt == "bool" else "np." + dt


def _parse_layout(layout):
    """'(n),()->(n)' -> ([['n'], []], [['n']]); '(n),(m)' (no outputs)
    -> ([['n'], ['m']], [])."""
    def groups(text):
        found = re.findall(r"\(([^()]*)\)", text)
        return [[d.strip() for d in g.split(",") if d.strip()] for g in found]
    if "->" not in layout:
        # '(a),(a),(z)': no outputs; the kernel writes into an argument
        # (Numba's gufuncs called with the result array as an input).
        return groups(layout), []
    ins, outs = layout.replace(" ", "").split("->")
    return groups(ins), groups(outs)


def _parse_signature(sig):
    """'void(float64[:], intp[:], float64[:])' -> [('float64', True), ...]
    (each argument's dtype and whether it is an array)."""
    if not isinstance(sig, str):
        sig = str(sig)
    # 'void(f8[:], f8[:])', or the argument types alone: 'f8[:], f8[:]'
    inner = sig[sig.index("(") + 1:sig.rindex(")")] if "(" in sig else sig
    out = []
    for part in re.split(r",(?![^\[]*\])", inner):
        part = part.strip()
        if not part:
            continue
        name = part.split("[")[0].strip()
        if name not in _DTYPES:
            raise NotImplementedError(
                "weft's guvectorize has no type %r (signature %r)"
                % (name, sig))
        out.append((_DTYPES[name], "[" in part))
    return out


def ufunc_loops(signatures):
    """@vectorize's signatures ('f8(f8, f8)', or float64(float64, float64)
    of the numba module's type names) as [(input dtypes, output dtype)]."""
    loops = []
    for sig in signatures:
        text = sig if isinstance(sig, str) else str(sig)
        ins = [np.dtype(dt) for dt, _ in _parse_signature(text)]
        ret = text.split("(")[0].strip() if "(" in text else ""
        if ret not in _DTYPES:
            raise NotImplementedError(
                "weft's vectorize needs a signature with a return type, "
                "as 'f8(f8, f8)', not %r" % text)
        loops.append((ins, np.dtype(_DTYPES[ret])))
    return loops


def _scalar_category(dt):
    """NumPy's kinds in order: bool 0, integers 1, floats 2, complex 3."""
    return {"b": 0, "i": 1, "u": 1, "f": 2, "c": 3}.get(dt.kind, 4)


def ufunc_loop(loops, args, name):
    """The loop of `loops` a NumPy ufunc takes for `args`: the first whose
    input types the arguments cast to safely, in order (float32 arrays
    take an f8(f8) loop listed before f4(f4)); TypeError for none."""
    arrays = [np.asarray(a).dtype for a in args
              if isinstance(a, np.ndarray) and a.ndim > 0]
    top = max(map(_scalar_category, arrays), default=None)

    def kind(a):
        # arrays by their dtype; numbers beside arrays of their kind or a
        # higher one by their value (2 fits an int8 loop), else by their
        # own dtype, as NumPy 1.24's legacy promotion
        dt = np.asarray(a).dtype
        if (isinstance(a, np.ndarray) and a.ndim > 0) or top is None or \
                _scalar_category(dt) > top:
            return dt
        return np.min_scalar_type(a)
    kinds = [kind(a) for a in args]
    for ins, out in loops:
        if len(ins) == len(args) and all(
                np.can_cast(k, dt, "safe") for k, dt in zip(kinds, ins)):
            return ins, out
    raise TypeError(
        "ufunc '%s' not supported for the input types (%s): its signatures "
        "take %s" % (name, ", ".join(k.name for k in kinds),
                     "; ".join("(%s)" % ", ".join(d.name for d in ins)
                               for ins, _ in loops)))


class GUFunc:
    """A @guvectorize kernel; calling it with the inputs returns the
    outputs (one array, or a tuple), as Numba's gufuncs do."""

    def __init__(self, fn, signatures, layout, compile_function,
                 module_source):
        self.py_func = fn
        functools.update_wrapper(self, fn)
        self._ins, self._outs = _parse_layout(layout)
        self._signatures = [_parse_signature(s) for s in signatures]
        nargs = len(self._ins) + len(self._outs)
        for s in self._signatures:
            if len(s) != nargs:
                raise TypeError("signature of %d arguments for a layout of %d"
                                % (len(s), nargs))
        tree = ast.parse(textwrap.dedent(_sources.getsource(fn)))
        self._def = next(n for n in tree.body
                         if isinstance(n, ast.FunctionDef))
        self._def.decorator_list = []
        if len(self._def.args.args) != nargs:
            raise TypeError("%s has %d parameters; its layout %r names %d "
                            "arrays" % (fn.__name__, len(self._def.args.args),
                                        layout, nargs))
        self._compile = compile_function
        self._module_source = module_source
        self._entries = {}
        self._lock = threading.Lock()

    def _signature_for(self, args, outs=()):
        """The first signature whose input dtypes take the arguments'
        (NumPy's safe casting, as its ufunc loop search) and, where
        outputs are given, whose outputs are theirs (NumPy's search skips
        a complex loop for float64 outputs); without signatures, the first
        input's dtype for every output."""
        if not self._signatures:
            dt = np.asarray(args[0]).dtype.name
            return [(np.asarray(a).dtype.name, True) for a in args] + \
                [(dt, True)] * len(self._outs)
        def kind(a):
            # NumPy's loop search: arrays by their dtype, Python numbers
            # by their value (2 fits a float32 loop, 1e300 does not).
            if isinstance(a, (bool, int, float, complex)):
                return np.min_scalar_type(a)
            return np.asarray(a).dtype
        nin = len(self._ins)
        for fits_outputs in ((True, False) if outs else (False,)):
            for sig in self._signatures:
                if all(np.can_cast(kind(a), dt, "safe")
                       for a, (dt, _) in zip(args, sig)) and \
                        (not fits_outputs or all(
                            isinstance(o, np.ndarray) and
                            o.dtype == np.dtype(dt)
                            for o, (dt, _) in zip(outs, sig[nin:]))):
                    return sig
        raise TypeError("no signature of %s takes %s" % (
            self.py_func.__name__,
            ", ".join(np.asarray(a).dtype.name for a in args)))

    def __call__(self, *args, out=None):
        nin, nout = len(self._ins), len(self._outs)
        if nout and len(args) == nin + nout and out is None:
            # the outputs given after the inputs, as NumPy's ufuncs take
            # them: written into and returned
            args, out = args[:nin], args[nin:]
            if all(o is None for o in out):
                out = None  # (f(x, None): allocated, as NumPy's out=None)
        outs = ()
        if out is not None:
            outs = out if isinstance(out, tuple) else (out,)
            if len(outs) != nout:
                raise TypeError("%s has %d outputs, got %d" % (
                    self.py_func.__name__, nout, len(outs)))
        if len(args) != nin:
            raise TypeError("%s takes %d inputs (its outputs are returned), "
                            "got %d" % (self.py_func.__name__, len(self._ins),
                                        len(args)))
        sig = self._signature_for(args, outs)
        arrays = [np.asarray(a, dtype=dt) if (isinstance(a, np.ndarray) or
                                              np.ndim(a)) else a
                  for a, (dt, _) in zip(args, sig)]
        loop_ranks = []
        for a, core in zip(arrays, self._ins):
            rank = np.ndim(a) - len(core)
            if rank < 0:
                raise ValueError(
                    "%s: input of rank %d for the core dimensions (%s)" %
                    (self.py_func.__name__, np.ndim(a), ",".join(core)))
            loop_ranks.append(rank)
        for k, o in enumerate(outs):
            # NumPy's out=: written in place (elements the kernel leaves
            # keep their values), so of the signature's dtype exactly
            dt = sig[nin + k][0]
            if not isinstance(o, np.ndarray) or o.dtype != np.dtype(dt):
                raise TypeError("%s: output %d must be a NumPy array of "
                                "dtype %s" % (self.py_func.__name__, k, dt))
        key = (tuple(loop_ranks), tuple(isinstance(a, np.ndarray)
                                        for a in arrays), tuple(sig),
               bool(outs))
        entry = self._entries.get(key)
        if entry is None:
            with self._lock:
                entry = self._entries.get(key)
                if entry is None:
                    entry = self._entry(arrays, loop_ranks, sig, bool(outs))
                    self._entries[key] = entry
        # The loop shape, as NumPy broadcasts the inputs' leading axes, and
        # one size per core dimension name (the kernel indexes by it).
        loop_shape = np.broadcast_shapes(
            *[np.shape(a)[:r] for a, r in zip(arrays, loop_ranks)])
        self._check_core_sizes(arrays, loop_ranks)
        if outs:
            for k, o in enumerate(outs):
                if o.shape[:len(loop_shape)] != loop_shape:
                    raise ValueError("%s: output %d has shape %s for a loop "
                                     "of shape %s" % (self.py_func.__name__,
                                                      k, o.shape, loop_shape))
            entry(*arrays, *outs)
            return outs if nout > 1 else outs[0]
        return entry(*arrays)

    def _check_core_sizes(self, arrays, loop_ranks):
        """NumPy's ValueError when inputs disagree on a core dimension's
        size (or a numbered one differs from its number)."""
        seen = {}
        layout = "%s->%s" % (
            ",".join("(%s)" % ",".join(c) for c in self._ins),
            ",".join("(%s)" % ",".join(c) for c in self._outs))
        for k, (a, core, r) in enumerate(zip(arrays, self._ins, loop_ranks)):
            for d, sym in enumerate(core):
                size = np.shape(a)[r + d]
                want = int(sym) if sym.isdigit() else seen.setdefault(sym,
                                                                      size)
                if size != want:
                    raise ValueError(
                        "%s: Input operand %d has a mismatch in its core "
                        "dimension %d, with gufunc signature %s (size %d is "
                        "different from %d)" % (self.py_func.__name__, k, d,
                                                layout, size, want))

    def _entry(self, arrays, loop_ranks, sig, given=False):
        """The generated Weft function running the kernel over the loop
        dimensions; `given`: it takes the outputs after the inputs."""
        name = self._def.name
        params = ["__in%d" % k for k in range(len(arrays))]
        loop = max(loop_ranks) if loop_ranks else 0
        idx = ["__i%d" % d for d in range(loop)]
        body = []
        # Each core size the layout names, from the first input that has it.
        sizes = {}
        for p, a, core, r in zip(params, arrays, self._ins, loop_ranks):
            for d, sym in enumerate(core):
                if sym not in sizes and not sym.isdigit():
                    sizes[sym] = "%s.shape[%d]" % (p, r + d)
        # The loop extent per axis: the largest (NumPy checked that the
        # others are 1 or equal).
        for d in range(loop):
            extents = ["%s.shape[%d]" % (p, d - (loop - r))
                       for p, r in zip(params, loop_ranks) if d >= loop - r]
            body.append("__n%d = %s" % (d, extents[0] if len(extents) == 1
                                         else "max(%s)" % ", ".join(extents)))
        outs = []
        for k, core in enumerate(self._outs):
            dims = ["__n%d" % d for d in range(loop)]
            for sym in core:
                if sym.isdigit():
                    dims.append(sym)
                elif sym in sizes:
                    dims.append(sizes[sym])
                else:
                    raise NotImplementedError(
                        "%s: the output size %r is named by no input" %
                        (name, sym))
            dt = sig[len(arrays) + k][0]
            shape = "(%s,)" % ", ".join(dims) if dims else "(1,)"
            outs.append("__out%d" % k)
            if not given:
                body.append("__out%d = zeros(%s, dtype=%s)" %
                            (k, shape, _weft_dtype(dt)))
        if given:
            params += outs
        # The kernel's arguments inside the loop nest.
        actuals = []
        for p, a, core, r, (dt, is_array) in zip(params, arrays, self._ins,
                                                 loop_ranks, sig):
            if not isinstance(a, np.ndarray) or np.ndim(a) == 0:
                if is_array:  # "()" of an array type: a 1-element array
                    body.append("%s_arr = full(1, %s, dtype=%s)" %
                                (p, p, _weft_dtype(dt)))
                    actuals.append("%s_arr" % p)
                else:
                    actuals.append(p)
                continue
            lead = ["min(%s, %s.shape[%d] - 1)" % (idx[d], p, d - (loop - r))
                    for d in range(loop - r, loop)]
            if not core:
                view = "%s[%s]" % (p, ", ".join(lead)) if lead else p
                if is_array and lead:
                    # the element as a 1-element view, which the kernel
                    # may write (Numba's in-place gufuncs: like[0] = ...)
                    view = "%s[%s]" % (p, ", ".join(
                        lead[:-1] + ["%s:%s + 1" % (lead[-1], lead[-1])]))
                elif is_array:
                    view = "full(1, %s, dtype=%s)" % (view, _weft_dtype(dt))
                actuals.append(view)
                continue
            rest = [":"] * len(core)
            actuals.append("%s[%s]" % (p, ", ".join(lead + rest))
                           if lead else p)
        for k, core in enumerate(self._outs):
            at = idx + ([":"] * len(core) if core else [])
            if core:
                actuals.append("__out%d[%s]" % (k, ", ".join(at))
                               if idx else "__out%d" % k)
            else:  # "()": the element as a 1-element view
                last = idx[-1] if idx else "0"
                head = idx[:-1]
                actuals.append("__out%d[%s]" % (k, ", ".join(
                    head + ["%s:%s + 1" % (last, last)])))
        indent = ""
        for d, i in enumerate(idx):
            body.append("%sfor %s in range(__n%d):" % (indent, i, d))
            indent += "    "
        body.append("%s%s(%s)" % (indent, name, ", ".join(actuals)))
        scalar_out = [not core and not idx for core in self._outs]
        results = ["%s[0]" % o if s else o for o, s in zip(outs, scalar_out)]
        if results and not given:
            body.append("return " + ", ".join(results))
        entry = "__weft_gufunc_" + name
        # The kernel as a jitted function, with the jitted functions it
        # calls and the module constants they read, then the entry.
        source, filename = self._module_source(self.py_func)
        source += ("\n\ndef %s(%s):\n" % (entry, ", ".join(params)) +
                   "".join("    " + line + "\n" for line in body))
        return self._compile(source, filename, entry)
