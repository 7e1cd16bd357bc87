"""The arguments a jitted function takes through a generated entry
function, as Numba takes them: tuples (of numbers, arrays and tuples)
rebuilt from their elements, None, and Python lists of numbers, which go
in as NumPy arrays and are lists inside the function (`lst * 2` repeats
it); elements the function wrote are written back into the Python list,
as Numba's reflected lists do.
"""

import numpy as np


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
        raise _call_error("a list passed to a Weft function holds numbers or "
                          "bools (lists of lists, of tuples or of other "
                          "values are not supported; pass np.array(...))")
    return a


def layout(x):
    """None for a value passed as it is; the nested lengths of a tuple;
    "None" for None and "list" for a list (written into the generated
    call)."""
    if x is None:
        return "None"
    if isinstance(x, list):
        return "list"
    if not isinstance(x, tuple):
        return None
    if not x:
        raise _call_error("an empty tuple cannot be passed to a Weft function")
    return tuple(layout(e) for e in x)


def flatten(x, out, lists):
    """Appends to `out` the values the entry takes for `x`; each list's
    array goes with the list into `lists`."""
    if x is None:
        return
    if isinstance(x, tuple):
        for e in x:
            flatten(e, out, lists)
    elif isinstance(x, list):
        a = list_array(x)
        lists.append((x, a))
        out.append(a)
    else:
        out.append(x)


def expression(shape, name, params):
    """Weft source rebuilding a value of layout `shape` from parameters
    named after `name` (appended to `params`)."""
    if shape == "None":
        return "None"
    if shape is None:
        params.append(name)
        return name
    if shape == "list":
        params.append(name)
        return "__as_list(%s)" % name
    parts = [expression(s, "%s_%d" % (name, i), params)
             for i, s in enumerate(shape)]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def write_back(lists):
    """Writes the elements a call changed back into its Python lists."""
    for lst, a in lists:
        values = a.tolist()
        if values != lst:
            lst[:] = values
