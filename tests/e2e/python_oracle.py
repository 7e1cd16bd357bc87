#!/usr/bin/env python3
"""python_oracle.py - run a Weft program under CPython + NumPy.

Weft's syntax is a subset of Python's, so a Weft program that sticks to the
language slice runs unchanged under CPython with the builtins below bound to
NumPy. Its output is the expected output of `weft run` (Weft promises
Python's and NumPy's printing and arithmetic). Used to generate and check
the .expected files:  python_oracle.py PROGRAM.weft > PROGRAM.expected
"""
import math
import sys

import numpy as np

i64, f64, i32, f32 = np.int64, np.float64, np.int32, np.float32


def jit(*args, **kwargs):
    if len(args) == 1 and callable(args[0]):
        return args[0]
    return lambda f: f


def _dtype(kw):
    return kw.get("dtype", np.float64)


env = {
    "jit": jit, "i64": i64, "f64": f64, "i32": i32, "f32": f32,
    "zeros": lambda n, **kw: np.zeros(n, dtype=_dtype(kw)),
    "ones": lambda n, **kw: np.ones(n, dtype=_dtype(kw)),
    "empty": lambda n, **kw: np.empty(n, dtype=_dtype(kw)),
    "arange": np.arange, "sum": lambda a: a.sum(),
    "min": lambda *a: a[0].min() if len(a) == 1 else min(*a),
    "max": lambda *a: a[0].max() if len(a) == 1 else max(*a),
    "sqrt": math.sqrt, "exp": math.exp, "log": math.log, "sin": math.sin,
    "cos": math.cos, "tan": math.tan, "tanh": math.tanh,
    "floor": math.floor, "ceil": math.ceil, "pi": math.pi, "e": math.e,
    "prange": range,
}

src = open(sys.argv[1]).read()
code = compile("from __future__ import annotations\n" + src, sys.argv[1],
               "exec")
exec(code, env)
