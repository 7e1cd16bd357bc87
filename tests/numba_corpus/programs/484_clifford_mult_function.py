# Source: pygae/clifford clifford/__init__.py (_get_mult_function_result_type, _get_mult_function, _get_mult_function_runtime_sparse, grade_obj_func, _numba_val_get_left_gmt_matrix, val_get_left_gmt_matrix; at commit 350c6938) with clifford/_numba_utils.py (at commit e080fa65)
# Licence: BSD-3-Clause (clifford, LICENSE.txt; Copyright (c) 2016, clifford Developers)
# Notes: the geometric (Clifford) algebra products of the clifford package, used for rigid-body transformations in robotics, graphics and physics: _get_mult_function and _get_mult_function_runtime_sparse unpack a sparse multiplication table into coordinate arrays and return a closure decorated with _numba_utils.generated_jit(nopython=True) (numba.generated_jit unless NUMBA_DISABLE_JIT), whose typing-time body computes the result dtype from the numba argument types with numba.np.numpy_support.as_dtype and casts the table, then returns an inner implementation that loops over zip(k_list, l_list, m_list, vals) (or enumerate with zero skipping) accumulating output[l] += value[k] * val * other_value[m]; the closures capture dims, k_list, l_list, m_list and the cast values from the enclosing scopes; grade_obj_func (@_numba_utils.njit) finds the modal grade with np.argmax; _numba_val_get_left_gmt_matrix builds the left-multiplication matrix with dtype=x.dtype. Pasted: _numba_utils.py whole (its DISABLE_JIT / serialize import fallbacks, pickleable_function, _fake_generated_jit, and the njit / generated_jit selection), the added line `_numba_utils = sys.modules[__name__]` for `from . import _numba_utils`, and from __init__.py the numpy / numba / numpy_support imports and the six functions (pydata sparse is not installed here and the pasted functions use it only in annotations, so `import sparse` is replaced by the line `sparse = types.SimpleNamespace(COO=None)`); left out: the Layout/MultiVector machinery, io and the rest of the module; the harness builds the Cl(3,0) geometric-product table (8 blades ordered by grade, signs from bitmap reordering) as an object with .shape, .coords and .data like sparse.COO, and multiplies random float64 and integer multivectors, rotor-like even multivectors, and takes modal grades and left-multiplication matrices
import sys
import functools

import numba

try:
    from numba.core.config import DISABLE_JIT
    import numba.core.serialize as _serialize
except ImportError:
    from numba.config import DISABLE_JIT
    import numba.serialize as _serialize


class pickleable_function:
    """
    Numba jitted functions are pickleable, so we should be too.

    Here we just reach into the internals of numba to pull out their
    serialization helpers
    """
    def __new__(cls, func):
        if isinstance(func, pickleable_function):
            return func
        self = super().__new__(cls)
        self.__func = func
        functools.update_wrapper(self, self.__func)
        return self

    @classmethod
    def _rebuild(cls, *args):
        return cls(_serialize._rebuild_function(*args))

    def __reduce__(self):
        globs = _serialize._get_function_globals_for_reduction(self.__func)
        return (
            self._rebuild,
            _serialize._reduce_function(self.__func, globs)
        )

    def __call__(self, *args, **kwargs):
        return self.__func(*args, **kwargs)

    def __repr__(self):
        return "_pickleable_function({!r})".format(self.__func)


class _fake_generated_jit:
    def __init__(self, f):
        self.__cache = {}
        self.__func = pickleable_function(f)
        functools.update_wrapper(self, self.__func)

    def __getnewargs_ex__(self):
        return (self.__func,), {}

    def __getstate__(self):
        return {}

    def __call__(self, *args):
        arg_type = tuple(numba.typeof(arg) for arg in args)
        try:
            func = self.__cache[arg_type]
        except KeyError:
            func = self.__cache[arg_type] = self.__func(*arg_type)
        return func(*args)


if not DISABLE_JIT:
    njit = numba.njit
    generated_jit = numba.generated_jit
else:
    def njit(f=None, **kwargs):
        if f is None:
            return pickleable_function
        else:
            return pickleable_function(f)

    def generated_jit(f=None, **kwargs):
        if f is None:
            return _fake_generated_jit
        else:
            return _fake_generated_jit(f)


_numba_utils = sys.modules[__name__]


# Major library imports.
import numpy as np
import numba as _numba  # to avoid clashing with clifford.numba
import types
sparse = types.SimpleNamespace(COO=None)  # stands in for `import sparse` (pydata sparse): only annotations use it here
try:
    from numba.np import numpy_support as _numpy_support
except ImportError:
    import numba.numpy_support as _numpy_support


def _get_mult_function_result_type(a: _numba.types.Type, b: _numba.types.Type, mt: np.dtype):
    a_dt = _numpy_support.as_dtype(getattr(a, 'dtype', a))
    b_dt = _numpy_support.as_dtype(getattr(b, 'dtype', b))
    return np.result_type(a_dt, mt, b_dt)


def _get_mult_function(mt: sparse.COO):
    """
    Get a function similar to `` lambda a, b: np.einsum('i,ijk,k->j', a, mt, b)``

    Returns
    -------
    func : function (array_like (n_dims,), array_like (n_dims,)) -> array_like (n_dims,)
        A function that computes the appropriate multiplication
    """
    # unpack for numba
    dims = mt.shape[1]
    k_list, l_list, m_list = mt.coords
    mult_table_vals = mt.data

    @_numba_utils.generated_jit(nopython=True)
    def mv_mult(value, other_value):
        # this casting will be done at jit-time
        ret_dtype = _get_mult_function_result_type(value, other_value, mult_table_vals.dtype)
        mult_table_vals_t = mult_table_vals.astype(ret_dtype)

        def mult_inner(value, other_value):
            output = np.zeros(dims, dtype=ret_dtype)
            for k, l, m, val in zip(k_list, l_list, m_list, mult_table_vals_t):
                output[l] += value[k] * val * other_value[m]
            return output

        return mult_inner

    return mv_mult


def _get_mult_function_runtime_sparse(mt: sparse.COO):
    """
    A variant of `_get_mult_function` that attempts to exploit runtime zeros

    The returned function avoids performing multiplications if vectors contain
    zeros.

    TODO: determine if this actually helps.
    """
    # unpack for numba
    dims = mt.shape[1]
    k_list, l_list, m_list = mt.coords
    mult_table_vals = mt.data

    @_numba_utils.generated_jit(nopython=True)
    def mv_mult(value, other_value):
        # this casting will be done at jit-time
        ret_dtype = _get_mult_function_result_type(value, other_value, mult_table_vals.dtype)
        mult_table_vals_t = mult_table_vals.astype(ret_dtype)

        def mult_inner(value, other_value):
            output = np.zeros(dims, dtype=ret_dtype)
            for ind, k in enumerate(k_list):
                v_val = value[k]
                if v_val != 0.0:
                    m = m_list[ind]
                    ov_val = other_value[m]
                    if ov_val != 0.0:
                        l = l_list[ind]
                        output[l] += v_val * mult_table_vals_t[ind] * ov_val
            return output
        return mult_inner

    return mv_mult


@_numba_utils.njit
def grade_obj_func(objin_val, gradeList, threshold):
    """ returns the modal grade of a multivector """
    modal_value_count = np.zeros(objin_val.shape)
    n = 0
    for g in gradeList:
        if np.abs(objin_val[n]) > threshold:
            modal_value_count[g] += 1
        n += 1
    return np.argmax(modal_value_count)


# todo: work out how to let numba use the COO objects directly
@_numba_utils.njit
def _numba_val_get_left_gmt_matrix(x, k_list, l_list, m_list, mult_table_vals, ndims):
    # TODO: consider `dtype=result_type(x.dtype, mult_table_vals.dtype)`
    intermed = np.zeros((ndims, ndims), dtype=x.dtype)
    test_ind = 0
    for k in k_list:
        j = l_list[test_ind]
        i = m_list[test_ind]
        intermed[j, i] += mult_table_vals[test_ind] * x[k]
        test_ind = test_ind + 1
    return intermed


def val_get_left_gmt_matrix(mt: sparse.COO, x):
    """
    This produces the matrix X that performs left multiplication with x
    eg. X@b == (x*b).value
    """
    dims = mt.shape[1]
    k_list, l_list, m_list = mt.coords
    return _numba_val_get_left_gmt_matrix(
        x, k_list, l_list, m_list, mt.data, dims
    )
# ---- harness (not part of the program) ----
ENTRY = "run_clifford"


class _COOTable:
    # the attributes of sparse.COO that the functions above read
    def __init__(self, coords, data, shape):
        self.coords = coords
        self.data = data
        self.shape = shape


def _cl3_table():
    bitmaps = [0b000, 0b001, 0b010, 0b100, 0b011, 0b101, 0b110, 0b111]
    index = {b: i for i, b in enumerate(bitmaps)}
    ks, ls, ms, vals = [], [], [], []
    for k, a in enumerate(bitmaps):
        for m, b in enumerate(bitmaps):
            s = 0
            x = a >> 1
            while x:
                s += bin(x & b).count("1")
                x >>= 1
            sign = -1.0 if s & 1 else 1.0
            ks.append(k)
            ls.append(index[a ^ b])
            ms.append(m)
            vals.append(sign)
    coords = np.array([ks, ls, ms], dtype=np.int64)
    grades = np.array([bin(b).count("1") for b in bitmaps], dtype=np.int64)
    return _COOTable(coords, np.array(vals), (8, 8, 8)), grades


def run_clifford(a, b, ia, ib):
    mt, grades = _cl3_table()
    gp = _get_mult_function(mt)
    gp_sparse = _get_mult_function_runtime_sparse(mt)
    ab = gp(a, b)
    ab2 = gp_sparse(a, b)
    iab = gp(ia, ib)
    mixed = gp(a, ib)
    rotor = np.array([np.cos(0.3), 0, 0, 0, np.sin(0.3), 0, 0, 0])
    rev = rotor * np.array([1, 1, 1, 1, -1, -1, -1, -1])
    v = np.array([0, 1.0, 2.0, 3.0, 0, 0, 0, 0])
    rotated = gp_sparse(gp_sparse(rotor, v), rev)
    g1 = grade_obj_func(v, grades, 1e-7)
    g2 = grade_obj_func(rotor, grades, 1e-7)
    L = val_get_left_gmt_matrix(mt, a)
    return ab, ab2, iab, mixed, rotated, int(g1), int(g2), L, L @ b


def inputs():
    rng = np.random.default_rng(0)
    a = rng.uniform(-2.0, 2.0, 8)
    b = rng.uniform(-2.0, 2.0, 8)
    ia = rng.integers(-3, 4, 8)
    ib = rng.integers(-3, 4, 8)
    return (a, b, ia, ib)
