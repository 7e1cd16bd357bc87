"""The arguments a jitted function takes through a generated entry
function, as Numba takes them: tuples (of numbers, arrays and tuples)
rebuilt from their elements, None, strs (their code points, as a uint32
array), and Python lists of numbers, which go
in as NumPy arrays and are lists inside the function (`lst * 2` repeats
it), or of tuples of numbers, which go in as one array per field;
elements the function wrote are written back into the Python list, as
Numba's reflected lists do. Dicts (numba.typed.Dict or Python's) and sets
of numbers go in as arrays of their keys and values, from which the
entry function makes the dict or set the function reads.
"""

import re

import numpy as np

from . import _jitclass


def _call_error(message):
    from . import CallError
    return CallError(message)


def list_array(x):
    """The 1-D NumPy array a Python list of numbers or bools goes in as."""
    try:
        a = np.array(x)
    except ValueError:
        a = None
    if a is None or a.ndim != 1 or a.dtype.kind not in "biufc":
        raise _call_error("a list passed to a Weft function holds numbers, "
                          "bools or tuples of them (lists of lists or of "
                          "other values are not supported; pass "
                          "np.array(...))")
    # Weft's lists hold the integers arithmetic gives (int64), as those a
    # jitted function appends: NumPy's narrower integers (np.uint32(i) in
    # the tuples of a heap) widen.
    if a.dtype in (np.int8, np.int16, np.uint8, np.uint16, np.uint32):
        a = a.astype(np.int64)
    return a


def str_array(x):
    """The 1-D uint32 NumPy array of a str's code points, as a str goes
    in."""
    return np.frombuffer(x.encode("utf-32-le", "surrogatepass"),
                         dtype=np.uint32)


def array_rows(x):
    """The dtype of a non-empty list of arrays of real numbers of one dtype
    and one rank (a list of arrays), else None."""
    if not x or not all(isinstance(r, np.ndarray) for r in x):
        return None
    dt, nd = x[0].dtype, x[0].ndim
    if any(r.ndim != nd or r.dtype != dt for r in x) or \
            dt.kind not in "biuf" or nd == 0:
        raise _call_error("a list of arrays passed to a Weft function holds "
                          "arrays of real numbers of one dtype and one "
                          "number of axes")
    return dt


def str_rows(x):
    """Whether `x` is a non-empty list of strs (a list of strs)."""
    return bool(x) and all(isinstance(s, str) for s in x)


def str_list_parts(x):
    """A list of strs as the function takes it: the strs' starts and
    lengths (in code points), and their code points one after the other."""
    if not x:
        return [np.zeros(0, np.int64), np.zeros(0, np.int64),
                np.zeros(0, np.uint32)]
    return array_list_parts([str_array(s) for s in x])


def _is_str_type(t):
    """Whether a Numba type given to Dict.empty is its str type."""
    return t is not None and str(getattr(t, "name", t)).split(".")[-1] in (
        "unicode_type", "string")


def _str_keys(x):
    """Whether a dict's or set's keys are strs (or an empty one was made
    for str keys)."""
    if x:
        return all(isinstance(k, str) for k in x)
    return _is_str_type(getattr(x, "_weft_key_type", None))


def _str_values(x):
    rows = list(x.values())
    if rows:
        return str_rows(rows)
    return _is_str_type(getattr(x, "_weft_value_type", None))


def number_rows(x):
    """The dtype of a non-empty list of lists of numbers or bools (a list
    of lists), else None; int64 when every row is empty."""
    if not x or not all(isinstance(r, list) for r in x):
        return None
    kinds = [list_array(r).dtype for r in x if r]
    dt = np.result_type(*kinds) if kinds else np.dtype(np.int64)
    if dt.kind not in "biuf":
        raise _call_error("a list of lists passed to a Weft function holds "
                          "real numbers or bools")
    return dt


def list_list_parts(x):
    """A list of lists as the function takes it: the rows' starts and
    lengths, and their elements one after the other."""
    dt = number_rows(x)
    lengths = np.array([len(r) for r in x], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    pool = np.concatenate([np.asarray(r, dtype=dt) for r in x]) if \
        lengths.sum() else np.empty(0, dtype=dt)
    return [starts, lengths, pool]


def tuple_fields(x):
    """The field count of a non-empty list of tuples of numbers of one
    length, else None."""
    if not x or not isinstance(x[0], tuple) or not x[0]:
        return None
    n = len(x[0])
    if all(isinstance(t, tuple) and len(t) == n for t in x):
        return n
    raise _call_error("a list of tuples passed to a Weft function holds "
                      "tuples of one length")


def field_kinds(x, n):
    """What each of the n fields of a list of tuples holds: "n" numbers,
    "a<ndim>" arrays (of one dtype and rank, a list of arrays)."""
    kinds = []
    for k in range(n):
        column = [t[k] for t in x]
        kinds.append("a%d" % column[0].ndim
                     if array_rows(column) is not None else "n")
    return kinds


def array_list_parts(rows):
    """A list of arrays as the function takes it: the rows' starts and
    lengths (numbers of elements), their elements in row-major order and,
    for rows of several axes, their extents."""
    lengths = np.array([r.size for r in rows], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    parts = [starts, lengths, np.concatenate([r.ravel() for r in rows])]
    if rows[0].ndim > 1:
        parts += [np.array([r.shape[d] for r in rows], dtype=np.int64)
                  for d in range(rows[0].ndim)]
    return parts


def field_arrays(x, n):
    """The arrays of the n fields of a list of tuples: a 1-D NumPy array
    of a field of numbers, a list of arrays' parts of a field of arrays."""
    arrays = []
    for k, kind in enumerate(field_kinds(x, n)):
        column = [t[k] for t in x]
        if kind != "n":
            arrays += array_list_parts(column)
            continue
        a = list_array(column)
        if a.dtype.kind == "c":
            raise _call_error("a list of tuples passed to a Weft function "
                              "holds real numbers, bools or arrays")
        arrays.append(a)
    return arrays


# Numba's names of NumPy's types (numba.types.intp is int64, ...).
_NUMBA_TYPE_NAMES = {"boolean": "bool", "bool_": "bool", "intp": "int64",
                     "uintp": "uint64", "float_": "float32",
                     "double": "float64", "int_": "int64"}


def _numba_type_dtype(t):
    """(dtype, tuple width) of a Numba type given to Dict.empty: int64 is
    (int64, 0), UniTuple(int64, 2) is (int64, 2); None for other types."""
    if t is None:
        return None
    name = str(getattr(t, "name", t))
    m = re.fullmatch(r"(?:\w+\.)*UniTuple\((?:\w+\.)*(\w+), (\d+)\)", name)
    width = int(m.group(2)) if m else 0
    name = (m.group(1) if m else name).split(".")[-1]
    try:
        dt = np.dtype(_NUMBA_TYPE_NAMES.get(name, name))
    except TypeError:
        return None
    return (dt, width) if dt.kind in "biuf" else None


def _typed_array(items, given, what):
    """The NumPy array of a dict's keys or values (tuples as rows)."""
    if not items:
        if given is None:
            raise _call_error(
                "cannot tell what an empty %s passed to a Weft function "
                "holds; make it with numba.typed.Dict.empty(key_type, "
                "value_type)" % what)
        dt, width = given
        return np.zeros((0, width) if width else (0,), dtype=dt)
    try:
        a = np.array(items)
    except ValueError:
        a = None
    if a is None or a.ndim > 2 or a.dtype.kind not in "biuf":
        raise _call_error(
            "a dict or set passed to a Weft function holds numbers (keys: "
            "numbers or tuples of numbers; values: numbers)")
    if given is not None and given[1] == (a.shape[1] if a.ndim == 2 else 0):
        a = a.astype(given[0])
    return a


def dict_parts(x):
    """The arrays a dict (keys and values) or a set (its elements) goes in
    as; tuple keys as the rows of a 2-D array; strs (keys or values) as a
    list of strs' parts (str_list_parts)."""
    if _str_keys(x):
        keys = str_list_parts(list(x))
        if not isinstance(x, dict):
            return keys
        return keys + _value_parts(x)
    keys = _typed_array(list(x), _numba_type_dtype(
        getattr(x, "_weft_key_type", None)), "dict" if isinstance(
            x, dict) else "set")
    if not isinstance(x, dict):
        return [keys]
    return [keys] + _value_parts(x)


def _value_parts(x):
    """The arrays of a dict's values: numbers, arrays (array_list_parts) or
    strs (str_list_parts)."""
    rows = list(x.values())
    if _str_values(x):
        return str_list_parts(rows)
    if rows and array_rows(rows) is not None:
        # arrays: a list of arrays' parts (array_list_parts)
        return array_list_parts(rows)
    values = _typed_array(list(x.values()), _numba_type_dtype(
        getattr(x, "_weft_value_type", None)), "dict")
    if values.ndim != 1:
        raise _call_error("a dict passed to a Weft function holds numbers "
                          "as its values (tuples or arrays are not "
                          "supported)")
    return [values]


def _number(x):
    """A NumPy number or a row of a 2-D keys array as a Python key."""
    return tuple(x) if isinstance(x, (list, tuple)) else x


def write_back_dict(d, keys, values):
    """Makes `d` hold what the function left in the dict it was given (an
    array value of the same shape and dtype is written in place, as the
    function's writes into it would be)."""
    if any(isinstance(v, np.ndarray) for v in list(values) +
           list(d.values())):
        now = dict(zip(map(_number, keys), values))
        for k in [k for k in d if k not in now]:
            del d[k]
        for k, v in now.items():
            old = d.get(k)
            if isinstance(old, np.ndarray) and old.shape == v.shape and \
                    old.dtype == v.dtype:
                if not np.array_equal(old, v, equal_nan=True):
                    old[...] = v
            else:
                d[k] = v
        return
    items = list(zip(map(_number, keys), values))
    if list(d.items()) != items:
        d.clear()
        d.update(items)


def write_back_set(s, keys):
    """Makes the set `s` hold what the function left in it (a frozenset
    cannot change, and a function given one cannot change its copy for
    it)."""
    now = set(map(_number, keys))
    if isinstance(s, set) and s != now:
        s.clear()
        s.update(now)


def dtype_name(x):
    """NumPy's name of a dtype passed as a value (np.float32, float,
    np.dtype("int64"), a.dtype, numba's float64 of the numba shim), or
    None for anything else."""
    numba_type = getattr(type(x), "numpy_dtype", None)
    if isinstance(numba_type, property):
        dt = x.numpy_dtype
        return None if dt is None else dt.name
    if isinstance(x, np.dtype) or (isinstance(x, type) and (
            issubclass(x, np.generic) or x in (bool, int, float, complex))):
        try:
            return np.dtype(x).name
        except TypeError:
            return None
    return None


def is_dtype(x):
    return dtype_name(x) is not None


def structured_spec(dt):
    """A structured dtype as Weft writes it (frontend/Types.h,
    StructuredLayout): "<itemsize>;<name>:<dtype>:<offset>[:<shape>]"."""
    parts = [str(dt.itemsize)]
    for name in dt.names:
        field, offset = dt.fields[name][:2]
        base = field.base
        if base.names is not None or base.kind not in "biufc" or \
                base.byteorder == ">" or any(c in name for c in ":;") or \
                not name:
            raise _call_error(
                "a structured array passed to a Weft function has fields of "
                "numbers in the machine's byte order (field %r is %s)" %
                (name, field))
        parts.append("%s:%s:%d" % (name, base.name, offset) +
                     (":" + "x".join(map(str, field.shape))
                      if field.shape else ""))
    return ";".join(parts)


def is_structured(x):
    """Whether `x` is a NumPy structured array (of one or more axes)."""
    return isinstance(x, np.ndarray) and x.dtype.names is not None and \
        x.ndim > 0


_SLICE = None


def slice_record(s):
    """A slice object as Numba passes it: the record slice(start, stop,
    step) of ints, the parts not given Numba's defaults (0 and the largest
    int for a positive step; the largest and the smallest for a negative
    one; step 1)."""
    global _SLICE
    if _SLICE is None:
        import collections
        _SLICE = collections.namedtuple("slice", ["start", "stop", "step"])
    big = (1 << 63) - 1
    step = 1 if s.step is None else int(s.step)
    if step == 0:
        raise ValueError("slice step cannot be zero")
    start = (0 if step > 0 else big) if s.start is None else int(s.start)
    stop = (big if step > 0 else -big - 1) if s.stop is None else int(s.stop)
    return _SLICE(start, stop, step)


class RecordView(np.ndarray):
    """The one-record structured array over an element of a structured
    array passed as an argument (rebuilt as its record: `a[0]`)."""


def record_view(x):
    """A RecordView over NumPy record `x` when it is an element of a
    structured array whose buffer can be shared, else None."""
    base = getattr(x, "base", None)
    if not isinstance(base, np.ndarray) or base.dtype != x.dtype or \
            x.dtype.names is None:
        return None
    try:
        at = x.__array_interface__["data"][0] - \
            base.__array_interface__["data"][0]
        view = np.ndarray((1,), dtype=x.dtype, buffer=base, offset=at)
    except (TypeError, ValueError, AttributeError, KeyError):
        return None
    return view.view(RecordView)


def structured_bytes(x):
    """A structured array's bytes: the uint8 array with one more axis
    (the records' bytes) over its buffer, which writes reach."""
    return x[..., None].view(np.uint8)


def layout(x):
    """None for a value passed as it is; the nested lengths of a tuple;
    "None" for None, "list" for a list and "dtype:<name>" for a dtype
    (written into the generated call)."""
    if x is None:
        return "None"
    if isinstance(x, RecordView):
        return "record_view:" + structured_spec(x.dtype)
    if is_structured(x):
        return "structured:" + structured_spec(x.dtype)
    if dtype_name(x) is not None:
        return "dtype:" + dtype_name(x)
    if isinstance(x, str):
        return "str"
    info = _jitclass.info_of(x)
    if info is not None:  # its fields, rebuilt as an instance
        return "jitclass:" + info.name
    passed = getattr(x, "_weft_passed_function", None)
    if passed is not None:  # a jitted function, written by its name
        return "function:" + passed
    if isinstance(x, (dict, set, frozenset)):
        # dict:<key width, s: strs>:<key dtype>[:<values>]
        parts = dict_parts(x)
        head = ["dict" if isinstance(x, dict) else "set"]
        if _str_keys(x):
            head += ["s", "str"]
            parts = parts[3:]
        else:
            head += [str(parts[0].shape[1] if parts[0].ndim == 2 else 0),
                     parts[0].dtype.name]
            parts = parts[1:]
        if not isinstance(x, dict):
            return ":".join(head)
        if _str_values(x):
            return ":".join(head + ["strs"])
        if len(parts) > 1:  # arrays (a list of arrays' parts)
            return ":".join(head + ["arrays%d" % len(parts[3:]),
                                    parts[2].dtype.name])
        return ":".join(head + [parts[0].dtype.name])
    if isinstance(x, list):
        if str_rows(x):
            return "strs"
        if array_rows(x) is not None:
            return "arrays" if x[0].ndim == 1 else "arrays%d" % x[0].ndim
        if number_rows(x) is not None:
            return "lists"
        n = tuple_fields(x)
        if n is None:
            return "list"
        kinds = field_kinds(x, n)
        return "tuples%d" % n if kinds == ["n"] * n else \
            "tuples:" + ",".join(kinds)
    if not isinstance(x, tuple):
        return None
    if not x:
        return ()  # (rebuilt as `()`: f(x, *args) with args=())
    fields = getattr(type(x), "_fields", None)
    if isinstance(fields, tuple) and len(fields) == len(x):
        # a namedtuple: rebuilt as one of its class
        record_classes[type(x).__name__] = type(x)  # (for results)
        return ("record:%s:%s" % (type(x).__name__, ",".join(fields)),) + \
            tuple(layout(e) for e in x)
    return tuple(layout(e) for e in x)


def _record(shape):
    """(name, fields) of a namedtuple's layout, or None."""
    if isinstance(shape, tuple) and shape and isinstance(shape[0], str) \
            and shape[0].startswith("record:"):
        _, name, fields = shape[0].split(":", 2)
        return name, fields.split(",")
    return None


# namedtuple classes by the names jitted code knows them under (the
# latest seen: passed in, or read by a jitted function), to make the
# results of those classes.
record_classes = {}


def record_lines(shapes):
    """The Weft lines defining the namedtuple classes of `shapes`."""
    out = []
    for shape in shapes:
        rec = _record(shape)
        if rec is not None:
            line = '%s = namedtuple("%s", %r)' % (rec[0], rec[0], rec[1])
            if line not in out:
                out.append(line)
        if isinstance(shape, tuple):
            out += [l for l in record_lines(shape[1 if rec else 0:])
                    if l not in out]
    return out


def flatten(x, out, lists):
    """Appends to `out` the values the entry takes for `x`; each list's
    array goes with the list into `lists`."""
    if x is None or getattr(x, "_weft_passed_function", None) is not None \
            or is_dtype(x):
        return
    info = _jitclass.info_of(x)
    if is_structured(x):
        out.append(structured_bytes(x))
    elif info is not None:
        arrays = info.cells(x)
        lists.append((x, arrays))
        out.extend(arrays)
    elif isinstance(x, tuple):
        for e in x:
            flatten(e, out, lists)
    elif isinstance(x, str):
        out.append(str_array(x))
    elif isinstance(x, (dict, set, frozenset)):
        out.extend(dict_parts(x))
    elif isinstance(x, list) and str_rows(x):
        out.extend(str_list_parts(x))
    elif isinstance(x, list) and array_rows(x) is not None:
        # a list of arrays (array_list_parts); rows written are copied
        # back after the call
        parts = array_list_parts(x)
        lists.append((x, parts))
        out.extend(parts)
    elif isinstance(x, list) and number_rows(x) is not None:
        # a list of lists (list_list_parts); rows written are copied back
        parts = list_list_parts(x)
        lists.append((x, parts))
        out.extend(parts)
    elif isinstance(x, list):
        n = tuple_fields(x)
        arrays = [list_array(x)] if n is None else field_arrays(x, n)
        lists.append((x, arrays))
        out.extend(arrays)
    else:
        out.append(x)


def expression(shape, name, params, prelude):
    """Weft source rebuilding a value of layout `shape` from parameters
    named after `name` (appended to `params`); statements it needs first
    (a dict's insertions) are appended to `prelude`."""
    if isinstance(shape, str) and shape.startswith("structured:"):
        params.append(name)
        return '__structured(%s, "%s")' % (name, shape[len("structured:"):])
    if isinstance(shape, str) and shape.startswith("record_view:"):
        params.append(name)  # (its one record)
        return '__structured(%s, "%s")[0]' % (name,
                                             shape[len("record_view:"):])
    if isinstance(shape, str) and shape.startswith(("dict:", "set:")):
        is_dict = shape.startswith("dict:")
        keys, values, i = name + "_keys", name + "_values", name + "_i"
        fields = shape.split(":")
        strs = fields[1] == "s"
        width = 0 if strs else int(fields[1])
        extents = int(fields[3][6:]) if len(fields) > 3 and \
            fields[3].startswith("arrays") else None
        if strs:  # a list of strs, made first
            prelude.append("%s = %s" % (keys, expression(
                "strs", name + "_key_strs", params, prelude)))
        else:
            params.append(keys)
        value = "%s[%s]" % (values, i)
        if is_dict and fields[-1] == "strs":
            prelude.append("%s = %s" % (values, expression(
                "strs", name + "_value_strs", params, prelude)))
        elif is_dict and extents is not None:
            # arrays: each a copy of its row of the list of arrays
            prelude.append("%s = %s" % (values, expression(
                "arrays%s" % (extents or ""), name + "_rows", params,
                prelude)))
            value += ".copy()"
        elif is_dict:
            params.append(values)
        key = "%s[%s]" % (keys, i) if not width else "(%s%s)" % (
            ", ".join("%s[%s, %d]" % (keys, i, k) for k in range(width)),
            "," if width == 1 else "")
        prelude += ["%s = %s" % (name, "{}" if is_dict else "set()"),
                    "for %s in range(len(%s)):" % (i, keys),
                    "    %s[%s] = %s" % (name, key, value)
                    if is_dict else "    %s.add(%s)" % (name, key)]
        return name
    if shape == "None":
        return "None"
    if isinstance(shape, str) and shape.startswith("function:"):
        return shape[len("function:"):]
    if isinstance(shape, str) and shape.startswith("dtype:"):
        # (a compile-time value: the function is compiled for it)
        name = shape[len("dtype:"):]
        return "np." + ("bool_" if name == "bool" else name)
    if shape is None:
        params.append(name)
        return name
    if shape == "list":
        params.append(name)
        return "__as_list(%s)" % name
    if isinstance(shape, str) and shape.startswith("arrays"):
        names = ["%s_%s" % (name, part) for part in ("starts", "lengths",
                                                     "pool")]
        names += ["%s_extent%d" % (name, d)
                  for d in range(int(shape[6:] or 0))]
        params.extend(names)
        return "__as_array_list(%s)" % ", ".join(names)
    if shape == "strs":
        # (each str a view of its row's code points, copied into the list)
        names = ["%s_%s" % (name, part) for part in ("starts", "lengths",
                                                     "pool")]
        params.extend(names)
        return "[__as_str(r) for r in __as_array_list(%s)]" % ", ".join(names)
    if shape == "lists":
        names = ["%s_%s" % (name, part) for part in ("starts", "lengths",
                                                     "pool")]
        params.extend(names)
        return "__as_list_list(%s)" % ", ".join(names)
    if isinstance(shape, str) and shape.startswith("jitclass:"):
        info = _jitclass._by_name[shape[len("jitclass:"):]]
        names = ["%s_%d" % (name, k) for k in range(info.flat_count())]
        params.extend(names)
        return info.expression(iter(names))
    if shape == "str":
        params.append(name)
        return "__as_str(%s)" % name
    if isinstance(shape, str) and shape.startswith("tuples:"):
        # fields of arrays as lists of arrays, of numbers as arrays
        fields = [expression("arrays" if kind == "a1" else
                             "arrays" + kind[1:] if kind[0] == "a" else None,
                             "%s_%d" % (name, k), params, prelude)
                  for k, kind in enumerate(shape[7:].split(","))]
        return "__as_tuple_list(%s)" % ", ".join(fields)
    if isinstance(shape, str) and shape.startswith("tuples"):
        names = ["%s_%d" % (name, k) for k in range(int(shape[6:]))]
        params.extend(names)
        return "__as_tuple_list(%s)" % ", ".join(names)
    rec = _record(shape)
    if rec is not None:
        parts = [expression(s, "%s_%d" % (name, i), params, prelude)
                 for i, s in enumerate(shape[1:])]
        return "%s(%s)" % (rec[0], ", ".join(parts))
    parts = [expression(s, "%s_%d" % (name, i), params, prelude)
             for i, s in enumerate(shape)]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def write_back(lists):
    """Writes the elements a call changed back into its Python lists."""
    for lst, arrays in lists:
        info = _jitclass.info_of(lst)
        if info is not None:  # a jitclass instance's number fields
            info.write_back(lst, arrays)
            continue
        if lst and isinstance(lst[0], np.ndarray):  # a list of arrays
            starts, lengths, pool = arrays[:3]
            for row, s, n in zip(lst, starts, lengths):
                now = pool[s:s + n].reshape(row.shape)
                if not np.array_equal(row, now, equal_nan=True):
                    row[...] = now
            continue
        if lst and isinstance(lst[0], list):  # a list of lists
            starts, lengths, pool = arrays
            for row, s, n in zip(lst, starts, lengths):
                now = pool[s:s + n].tolist()
                if now != row:
                    row[:] = now
            continue
        if lst and isinstance(lst[0], tuple) and \
                any(isinstance(v, np.ndarray) for v in lst[0]):
            _write_back_tuple_arrays(lst, arrays)
            continue
        if len(arrays) == 1 and not (lst and isinstance(lst[0], tuple)):
            values = arrays[0].tolist()
        else:
            values = list(zip(*[a.tolist() for a in arrays]))
        if values != lst:
            lst[:] = values


def _write_back_tuple_arrays(lst, arrays):
    """The rows of a list of tuples holding arrays that the function wrote,
    copied into the caller's arrays (its tuples and numbers are not
    written)."""
    at = 0
    for k, kind in enumerate(field_kinds(lst, len(lst[0]))):
        if kind == "n":
            at += 1
            continue
        starts, lengths, pool = arrays[at:at + 3]
        at += 3 + (int(kind[1:]) if kind != "a1" else 0)
        for t, s, n in zip(lst, starts, lengths):
            row = t[k]
            now = pool[s:s + n].reshape(row.shape)
            if not np.array_equal(row, now, equal_nan=True):
                row[...] = now
