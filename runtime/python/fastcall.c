/* fastcall.c - the Python package's C-level call path (weft._fastcall).
 *
 * A Caller calls one function of a Weft module through weft_call without
 * building ctypes objects: numbers (bool, int, float) and buffers of a
 * native dtype (NumPy arrays) are packed into weft_arg structs on the C
 * stack, and the result becomes a Python number, a NumPy array (built
 * with NumPy's C API) or a tuple of those. It serves argument layouts the
 * package has seen once (Caller.learn), and returns NotImplemented for
 * everything else (a first call, a NumPy scalar, a list), which the
 * package's ctypes path handles. Errors are raised by the package's own
 * `check(status)`, so the exception classes are the same on both paths.
 *
 * weft_call and weft_value_release come as addresses from the library the
 * package loaded, so this module never loads a second copy of libweft. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include "weft/weft.h"

#ifdef WEFT_FASTCALL_NUMPY
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef weft_status (*CallFn)(weft_module *, const char *, const weft_arg *,
                              int, weft_value *);
typedef void (*ReleaseFn)(weft_value *);
typedef weft_status (*EntryCreateFn)(weft_module *, const char *,
                                     const weft_arg *, int, weft_entry **,
                                     int *);
typedef weft_status (*EntryCallFn)(const weft_entry *, const weft_arg *,
                                   uint64_t *);
typedef void (*EntryDestroyFn)(weft_entry *);

/* Layouts that have a prepared entry (weft_entry_create): called with no
 * lookup in the library, a few per function. */
enum { kMaxEntries = 8 };

/* Up to 7 arguments: their codes (8 bits each) and the count fit a key of
 * 63 bits exactly, so two layouts never share one. */
enum { kMaxArgs = 7 };
_Static_assert(16 + WEFT_DTYPE_LAST * 16 + WEFT_MAX_RANK < 256,
               "an argument's code is one byte of the key");

typedef struct {
  PyObject_HEAD vectorcallfunc vectorcall; /* Caller_vectorcall */
  weft_module *module;
  PyObject *name;    /* bytes */
  PyObject *check;   /* check(status) raises */
  PyObject *learned; /* dict: layout key -> True */
  CallFn call;
  ReleaseFn release;
  EntryCreateFn entryCreate; /* NULL: no prepared entries */
  EntryCallFn entryCall;
  EntryDestroyFn entryDestroy;
  int nEntries;
  long long entryKeys[kMaxEntries];
  weft_entry *entries[kMaxEntries];
  int entryResults[kMaxEntries]; /* dtype, or -1 for None */
} Caller;

static PyTypeObject CallerType;

/* The weft dtype of a buffer format of one native element, or -1. */
static int dtypeOfFormat(const char *format, Py_ssize_t itemsize) {
  if (!format)
    return itemsize == 1 ? WEFT_U8 : -1;
  if (format[0] == '@' || format[0] == '=' || format[0] == '<')
    ++format;
  if (format[0] == 'Z' && format[1] == 'd' && !format[2])
    return itemsize == 16 ? WEFT_C128 : -1; /* complex double */
  if (!format[0] || format[1])
    return -1;
  switch (format[0]) {
  case '?':
    return WEFT_BOOL;
  case 'b':
    return WEFT_I8;
  case 'B':
    return WEFT_U8;
  case 'h':
    return itemsize == 2 ? WEFT_I16 : -1;
  case 'H':
    return itemsize == 2 ? WEFT_U16 : -1;
  case 'i':
    return itemsize == 4 ? WEFT_I32 : -1;
  case 'I':
    return itemsize == 4 ? WEFT_U32 : -1;
  case 'l':
  case 'q':
    return itemsize == 8 ? WEFT_I64 : -1;
  case 'L':
  case 'Q':
    return itemsize == 8 ? WEFT_U64 : -1;
  case 'f':
    return itemsize == 4 ? WEFT_F32 : -1;
  case 'd':
    return itemsize == 8 ? WEFT_F64 : -1;
  default:
    return -1;
  }
}

#ifdef WEFT_FASTCALL_NUMPY
/* An array argument read from NumPy's struct (no buffer request): the
 * caller's reference keeps it alive during the call. */
static int arrayArg(PyArrayObject *x, weft_arg *a, unsigned *code) {
  PyArray_Descr *descr = PyArray_DESCR(x);
  int ndim = PyArray_NDIM(x);
  if (ndim < 1 || ndim > WEFT_MAX_RANK || !PyArray_ISNOTSWAPPED(x))
    return 0;
  int dtype = -1;
  switch (descr->type_num) {
  case NPY_BOOL:
    dtype = WEFT_BOOL;
    break;
  case NPY_BYTE:
    dtype = WEFT_I8;
    break;
  case NPY_UBYTE:
    dtype = WEFT_U8;
    break;
  case NPY_SHORT:
    dtype = WEFT_I16;
    break;
  case NPY_USHORT:
    dtype = WEFT_U16;
    break;
  case NPY_INT:
    dtype = WEFT_I32;
    break;
  case NPY_UINT:
    dtype = WEFT_U32;
    break;
  case NPY_LONG:
  case NPY_LONGLONG:
    dtype = descr->elsize == 8 ? WEFT_I64 : -1;
    break;
  case NPY_ULONG:
  case NPY_ULONGLONG:
    dtype = descr->elsize == 8 ? WEFT_U64 : -1;
    break;
  case NPY_FLOAT:
    dtype = WEFT_F32;
    break;
  case NPY_DOUBLE:
    dtype = WEFT_F64;
    break;
  case NPY_CDOUBLE:
    dtype = WEFT_C128;
    break;
  default:
    return 0;
  }
  npy_intp itemsize = descr->elsize;
  if (dtype < 0 || itemsize != weft_dtype_bytes(dtype))
    return 0;
  const npy_intp *shape = PyArray_DIMS(x), *strides = PyArray_STRIDES(x);
  for (int d = 0; d < ndim; ++d)
    if (strides[d] % itemsize)
      return 0;
  a->dtype = (weft_dtype)dtype;
  a->rank = ndim;
  a->data = PyArray_DATA(x);
  a->read_only = !PyArray_ISWRITEABLE(x);
  for (int d = 0; d < ndim; ++d) {
    a->shape[d] = shape[d];
    a->strides[d] = strides[d] / itemsize;
  }
  *code = (unsigned)(16 + dtype * 16 + ndim);
  return 1;
}
#endif

/* Fills `a` from `x` (a view in `view` when x is an array) and its part
 * of the layout key; 0 when x is not for this path. */
static int toArg(PyObject *x, weft_arg *a, Py_buffer *view, int *held,
                 unsigned *code) {
  memset(a, 0, sizeof *a);
  *held = 0;
  if (PyBool_Check(x)) {
    a->dtype = WEFT_BOOL;
    a->scalar.b = x == Py_True;
    *code = 1;
    return 1;
  }
  if (PyLong_CheckExact(x)) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(x, &overflow);
    if (overflow || (v == -1 && PyErr_Occurred())) {
      PyErr_Clear();
      return 0; /* the ctypes path raises OverflowError */
    }
    a->dtype = WEFT_I64;
    a->scalar.i64 = v;
    *code = 2;
    return 1;
  }
  if (PyFloat_CheckExact(x)) {
    a->dtype = WEFT_F64;
    a->scalar.f64 = PyFloat_AS_DOUBLE(x);
    *code = 3;
    return 1;
  }
  /* NumPy arrays only (subclasses and other buffers take the ctypes
   * path, which decides what they are). */
  if (strcmp(Py_TYPE(x)->tp_name, "numpy.ndarray") != 0 ||
      !PyObject_CheckBuffer(x))
    return 0;
#ifdef WEFT_FASTCALL_NUMPY
  if (PyArray_API)
    return arrayArg((PyArrayObject *)x, a, code);
#endif
  if (PyObject_GetBuffer(x, view, PyBUF_RECORDS_RO) != 0) {
    PyErr_Clear();
    return 0;
  }
  int dtype = dtypeOfFormat(view->format, view->itemsize);
  if (dtype < 0 || view->ndim < 1 || view->ndim > WEFT_MAX_RANK) {
    PyBuffer_Release(view);
    return 0;
  }
  for (int d = 0; d < view->ndim; ++d)
    if (view->strides[d] % view->itemsize) {
      PyBuffer_Release(view);
      return 0;
    }
  *held = 1;
  a->dtype = (weft_dtype)dtype;
  a->rank = view->ndim;
  a->data = view->buf;
  a->read_only = view->readonly;
  for (int d = 0; d < view->ndim; ++d) {
    a->shape[d] = view->shape[d];
    a->strides[d] = view->strides[d] / view->itemsize;
  }
  *code = (unsigned)(16 + dtype * 16 + view->ndim);
  return 1;
}

/* The layout key of the arguments, or -1 when one is not for this path.
 * `args` and `held` get the packed arguments and which hold a buffer. */
static long long pack(PyObject *const *xs, Py_ssize_t n, weft_arg *args,
                      Py_buffer *views, int *held) {
  unsigned long long key = (unsigned long long)n; /* 3 bits */
  for (Py_ssize_t i = 0; i < n; ++i) {
    unsigned code = 0;
    if (!toArg(xs[i], &args[i], &views[i], &held[i], &code)) {
      for (Py_ssize_t j = 0; j < i; ++j)
        if (held[j])
          PyBuffer_Release(&views[j]);
      return -1;
    }
    key = (key << 8) | code; /* code < 256 */
  }
  return (long long)key;
}

static void unpin(Py_ssize_t n, Py_buffer *views, const int *held) {
  for (Py_ssize_t i = 0; i < n; ++i)
    if (held[i])
      PyBuffer_Release(&views[i]);
}

/* The library's accessors of weft_array (set by arrays()); array results
 * go through the ctypes path until they are. */
typedef struct {
  void *(*data)(const weft_array *);
  int (*dtype)(const weft_array *);
  int (*rank)(const weft_array *);
  int64_t (*shape)(const weft_array *, int);
  int64_t (*stride)(const weft_array *, int);
  void (*release)(weft_array *);
  void (*freeMemory)(void *);
} ArrayApi;
static ArrayApi gArrays;
static int gArraysReady;

#ifdef WEFT_FASTCALL_NUMPY
/* Owns a Weft array that a NumPy array is over (its base): released when
 * the last NumPy array over it goes. */
typedef struct {
  PyObject_HEAD weft_array *array;
} Owner;

static void Owner_dealloc(PyObject *self) {
  Owner *o = (Owner *)self;
  if (o->array)
    gArrays.release(o->array);
  Py_TYPE(self)->tp_free(self);
}

static PyTypeObject OwnerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "weft._fastcall.Owner",
    .tp_basicsize = sizeof(Owner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The Weft array a NumPy result is over.",
    .tp_dealloc = Owner_dealloc,
};

static int npyType(int dtype) {
  switch (dtype) {
  case WEFT_BOOL:
    return NPY_BOOL;
  case WEFT_I8:
    return NPY_INT8;
  case WEFT_U8:
    return NPY_UINT8;
  case WEFT_I16:
    return NPY_INT16;
  case WEFT_U16:
    return NPY_UINT16;
  case WEFT_I32:
    return NPY_INT32;
  case WEFT_U32:
    return NPY_UINT32;
  case WEFT_I64:
    return NPY_INT64;
  case WEFT_U64:
    return NPY_UINT64;
  case WEFT_F32:
    return NPY_FLOAT32;
  case WEFT_C128:
    return NPY_COMPLEX128;
  default:
    return NPY_FLOAT64;
  }
}

/* The bytes [lo, hi) a strided view reaches; 0 if it has none. */
static int extent(const char *data, int rank, const npy_intp *shape,
                  const npy_intp *strides, npy_intp itemsize, const char **lo,
                  const char **hi) {
  npy_intp down = 0, up = 0;
  for (int d = 0; d < rank; ++d) {
    if (shape[d] == 0)
      return 0;
    npy_intp span = (shape[d] - 1) * strides[d];
    if (span < 0)
      down += span;
    else
      up += span;
  }
  *lo = data + down;
  *hi = data + up + itemsize;
  return 1;
}

/* A NumPy array over a Weft array result, as the package's _array_result
 * makes it: a view of an argument's memory (`return x[1:]`) has that
 * argument as its base and is read-only if the argument is; anything else
 * is over Weft's buffer, which it keeps alive. Takes `h`. */
static PyObject *arrayResult(weft_array *h, PyObject *const *xs, Py_ssize_t n,
                             const weft_arg *args) {
  int rank = gArrays.rank(h);
  int typenum = npyType(gArrays.dtype(h));
  PyArray_Descr *descr = PyArray_DescrFromType(typenum);
  npy_intp itemsize = descr->elsize;
  npy_intp dims[WEFT_MAX_RANK], strides[WEFT_MAX_RANK];
  for (int d = 0; d < rank; ++d) {
    dims[d] = (npy_intp)gArrays.shape(h, d);
    strides[d] = (npy_intp)gArrays.stride(h, d) * itemsize;
  }
  static char empty;
  char *data = gArrays.data(h);
  if (!data)
    data = &empty; /* no elements: NumPy must not allocate */
  PyObject *base = NULL;
  int writeable = 1;
  const char *lo, *hi;
  if (extent(data, rank, dims, strides, itemsize, &lo, &hi)) {
    for (Py_ssize_t i = 0; i < n && !base; ++i) {
      const weft_arg *x = &args[i];
      const char *xlo, *xhi;
      npy_intp xdims[WEFT_MAX_RANK], xstrides[WEFT_MAX_RANK];
      npy_intp xsize = weft_dtype_bytes(x->dtype);
      if (x->rank < 1)
        continue;
      for (int d = 0; d < x->rank; ++d) {
        xdims[d] = x->shape[d];
        xstrides[d] = x->strides[d] * xsize;
      }
      if (extent(x->data, x->rank, xdims, xstrides, xsize, &xlo, &xhi) &&
          xlo <= lo && hi <= xhi) {
        base = xs[i];
        Py_INCREF(base);
        writeable = !x->read_only;
        gArrays.release(h);
        h = NULL;
      }
    }
  }
  if (!base) {
    Owner *o = PyObject_New(Owner, &OwnerType);
    if (!o) {
      gArrays.release(h);
      Py_DECREF(descr);
      return NULL;
    }
    o->array = h;
    base = (PyObject *)o;
  }
  PyObject *arr =
      PyArray_NewFromDescr(&PyArray_Type, descr, rank, dims, strides, data,
                           writeable ? NPY_ARRAY_WRITEABLE : 0, NULL);
  if (!arr) {
    Py_DECREF(base);
    return NULL;
  }
  if (PyArray_SetBaseObject((PyArrayObject *)arr, base) < 0) {
    Py_DECREF(arr);
    return NULL;
  }
  return arr;
}
#endif

static PyObject *numberResult(const weft_value *r) {
  if (r->dtype == WEFT_BOOL)
    return PyBool_FromLong(r->integer != 0);
  if (r->dtype == WEFT_F32 || r->dtype == WEFT_F64)
    return PyFloat_FromDouble(r->number);
  if (r->dtype == WEFT_C128)
    return PyComplex_FromDoubles(r->number, r->imag);
  if (r->dtype == WEFT_U64)
    return PyLong_FromUnsignedLongLong((unsigned long long)r->integer);
  return PyLong_FromLongLong(r->integer);
}

/* The Python value of a result (taking its arrays and freeing its tuple
 * lists), or NULL with an exception (everything released). */
static PyObject *valueResult(weft_value *r, PyObject *const *xs, Py_ssize_t n,
                             const weft_arg *args) {
  switch (r->kind) {
  case WEFT_NONE:
    Py_RETURN_NONE;
  case WEFT_NUMBER:
    return numberResult(r);
#ifdef WEFT_FASTCALL_NUMPY
  case WEFT_ARRAY:
    return arrayResult(r->array, xs, n, args);
  case WEFT_TUPLE: {
    PyObject *t = PyTuple_New(r->count);
    int failed = t == NULL;
    for (int i = 0; i < r->count; ++i) {
      weft_value *e = &r->elements[i];
      if (failed) {
        weft_value one = *e;
        if (one.kind == WEFT_ARRAY)
          gArrays.release(one.array);
        else if (one.kind == WEFT_TUPLE)
          Py_XDECREF(valueResult(&one, xs, 0, args));
        continue;
      }
      PyObject *x = valueResult(e, xs, n, args);
      if (!x)
        failed = 1;
      else
        PyTuple_SET_ITEM(t, i, x);
    }
    gArrays.freeMemory(r->elements);
    gArrays.freeMemory(r->record_name); /* (a plain tuple's: NULL) */
    if (failed) {
      Py_XDECREF(t);
      return NULL;
    }
    return t;
  }
#endif
  default:
    PyErr_SetString(PyExc_SystemError,
                    "weft._fastcall: a result it cannot convert");
    return NULL;
  }
}

/* A layout with a prepared entry: the call without the GIL (a loop may
 * run long), the arrays unpinned after it, the result as a Python
 * number. */
static PyObject *callEntry(Caller *c, int e, const weft_arg *args, Py_ssize_t n,
                           Py_buffer *views, const int *held) {
  uint64_t result = 0;
  weft_status status;
  weft_entry *entry = c->entries[e];
  Py_BEGIN_ALLOW_THREADS status = c->entryCall(entry, args, &result);
  Py_END_ALLOW_THREADS unpin(n, views, held);
  if (status != WEFT_OK)
    return PyObject_CallFunction(c->check, "i", (int)status);
  switch (c->entryResults[e]) {
  case -1:
    Py_RETURN_NONE;
  case WEFT_BOOL:
    return PyBool_FromLong((result & 0xff) != 0);
  case WEFT_I32: {
    int32_t x;
    memcpy(&x, &result, 4);
    return PyLong_FromLong(x);
  }
  case WEFT_I64: {
    int64_t x;
    memcpy(&x, &result, 8);
    return PyLong_FromLongLong(x);
  }
  case WEFT_U64: {
    uint64_t x;
    memcpy(&x, &result, 8);
    return PyLong_FromUnsignedLongLong(x);
  }
  case WEFT_F32: {
    float x;
    memcpy(&x, &result, 4);
    return PyFloat_FromDouble(x);
  }
  /* NumPy's narrow integers, at their own widths */
  case WEFT_I8: {
    int8_t x;
    memcpy(&x, &result, 1);
    return PyLong_FromLong(x);
  }
  case WEFT_U8: {
    uint8_t x;
    memcpy(&x, &result, 1);
    return PyLong_FromLong(x);
  }
  case WEFT_I16: {
    int16_t x;
    memcpy(&x, &result, 2);
    return PyLong_FromLong(x);
  }
  case WEFT_U16: {
    uint16_t x;
    memcpy(&x, &result, 2);
    return PyLong_FromLong(x);
  }
  case WEFT_U32: {
    uint32_t x;
    memcpy(&x, &result, 4);
    return PyLong_FromUnsignedLong(x);
  }
  default: {
    double x;
    memcpy(&x, &result, 8);
    return PyFloat_FromDouble(x);
  }
  }
}

/* The call from C, or NotImplemented for a layout not learned. */
static PyObject *fastPath(Caller *c, PyObject *const *xs, Py_ssize_t n,
                          PyObject *kwnames) {
  if (kwnames || n > kMaxArgs || !c->module)
    Py_RETURN_NOTIMPLEMENTED;
  weft_arg args[kMaxArgs];
  Py_buffer views[kMaxArgs];
  int held[kMaxArgs] = {0};
  long long key = pack(xs, n, args, views, held);
  if (key < 0)
    Py_RETURN_NOTIMPLEMENTED;
  for (int e = 0; e < c->nEntries; ++e)
    if (c->entryKeys[e] == key)
      return callEntry(c, e, args, n, views, held);
  PyObject *k = PyLong_FromLongLong(key);
  if (!k) {
    unpin(n, views, held);
    return NULL;
  }
  int known = PyDict_Contains(c->learned, k);
  Py_DECREF(k);
  if (known != 1) {
    unpin(n, views, held);
    if (known < 0)
      return NULL;
    Py_RETURN_NOTIMPLEMENTED;
  }
  weft_value r;
  weft_status status;
  const char *name = PyBytes_AS_STRING(c->name);
  Py_BEGIN_ALLOW_THREADS status = c->call(c->module, name, args, (int)n, &r);
  Py_END_ALLOW_THREADS if (status != WEFT_OK) {
    unpin(n, views, held);
    return PyObject_CallFunction(c->check, "i", (int)status);
  }
  if ((r.kind == WEFT_ARRAY || r.kind == WEFT_TUPLE) && !gArraysReady) {
    /* Learned without arrays (not expected): released, not leaked. */
    unpin(n, views, held);
    c->release(&r);
    PyErr_SetString(PyExc_SystemError,
                    "weft._fastcall: an array result without NumPy");
    return NULL;
  }
  /* The arguments stay pinned while array results are compared with
   * them. */
  PyObject *out = valueResult(&r, xs, n, args);
  unpin(n, views, held);
  return out;
}

static PyObject *gSlowName; /* "_slow" */

/* Calling a Caller: from C when the layout is learned. Otherwise a plain
 * Caller answers NotImplemented, and a subclass's instance (the package's
 * Function and Dispatcher) calls its Python method _slow with the same
 * arguments, keywords included. */
static PyObject *Caller_vectorcall(PyObject *self, PyObject *const *xs,
                                   size_t nargsf, PyObject *kwnames) {
  Py_ssize_t n = PyVectorcall_NARGS(nargsf);
  PyObject *r = fastPath((Caller *)self, xs, n, kwnames);
  if (r != Py_NotImplemented || Py_IS_TYPE(self, &CallerType))
    return r;
  Py_DECREF(r);
  Py_ssize_t total = n + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
  PyObject *small[16];
  PyObject **stack = small;
  if (total + 1 > 16) {
    stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
    if (!stack)
      return PyErr_NoMemory();
  }
  stack[0] = self;
  memcpy(stack + 1, xs, (size_t)total * sizeof(PyObject *));
  r = PyObject_VectorcallMethod(gSlowName, stack, (size_t)(n + 1), kwnames);
  if (stack != small)
    PyMem_Free(stack);
  return r;
}

/* fast(*args): the call from C, or NotImplemented (never _slow). */
static PyObject *Caller_fast(PyObject *self, PyObject *const *xs,
                             Py_ssize_t n) {
  return fastPath((Caller *)self, xs, n, NULL);
}

/* A prepared entry for a layout, if there is room and the library makes
 * one (it refuses numbers for parameters annotated with another type:
 * those calls keep converting through weft_call). */
static void prepareEntry(Caller *c, long long key, const weft_arg *args,
                         Py_ssize_t n) {
  if (!c->entryCreate || c->nEntries == kMaxEntries)
    return;
  for (Py_ssize_t i = 0; i < n; ++i)
    if (args[i].array)
      return;
  for (int e = 0; e < c->nEntries; ++e)
    if (c->entryKeys[e] == key)
      return;
  weft_entry *entry = NULL;
  int result = -1;
  weft_status status;
  Py_BEGIN_ALLOW_THREADS status = c->entryCreate(
      c->module, PyBytes_AS_STRING(c->name), args, (int)n, &entry, &result);
  Py_END_ALLOW_THREADS if (status != WEFT_OK) return;
  c->entryKeys[c->nEntries] = key;
  c->entries[c->nEntries] = entry;
  c->entryResults[c->nEntries] = result;
  ++c->nEntries;
}

/* learn(*args): calls with this argument layout are made from C. */
static PyObject *Caller_learn(PyObject *self, PyObject *const *xs,
                              Py_ssize_t n) {
  Caller *c = (Caller *)self;
  if (n > kMaxArgs || !c->module)
    Py_RETURN_FALSE;
  weft_arg args[kMaxArgs];
  Py_buffer views[kMaxArgs];
  int held[kMaxArgs] = {0};
  long long key = pack(xs, n, args, views, held);
  if (key < 0)
    Py_RETURN_FALSE;
  prepareEntry(c, key, args, n);
  unpin(n, views, held);
  PyObject *k = PyLong_FromLongLong(key);
  if (!k || PyDict_SetItem(c->learned, k, Py_True) < 0) {
    Py_XDECREF(k);
    return NULL;
  }
  Py_DECREF(k);
  Py_RETURN_TRUE;
}

static int Caller_init(PyObject *self, PyObject *args, PyObject *kw) {
  Caller *c = (Caller *)self;
  unsigned long long module, call, release;
  unsigned long long entryCreate = 0, entryCall = 0, entryDestroy = 0;
  PyObject *name, *check;
  if (kw && PyDict_Size(kw)) {
    PyErr_SetString(PyExc_TypeError, "Caller takes no keyword arguments");
    return -1;
  }
  if (PyTuple_GET_SIZE(args) == 0) { /* unbound: every call is a miss */
    c->vectorcall = Caller_vectorcall;
    return 0;
  }
  if (c->module) {
    PyErr_SetString(PyExc_RuntimeError, "a Caller is bound only once");
    return -1;
  }
  if (!PyArg_ParseTuple(args, "KSOKK|KKK", &module, &name, &check, &call,
                        &release, &entryCreate, &entryCall, &entryDestroy))
    return -1;
  if (!module || !call || !release || !PyCallable_Check(check)) {
    PyErr_SetString(PyExc_ValueError, "Caller needs a module, a check and "
                                      "the library's functions");
    return -1;
  }
  c->vectorcall = Caller_vectorcall;
  c->module = (weft_module *)(uintptr_t)module;
  c->call = (CallFn)(uintptr_t)call;
  c->release = (ReleaseFn)(uintptr_t)release;
  if (entryCreate && entryCall && entryDestroy) {
    c->entryCreate = (EntryCreateFn)(uintptr_t)entryCreate;
    c->entryCall = (EntryCallFn)(uintptr_t)entryCall;
    c->entryDestroy = (EntryDestroyFn)(uintptr_t)entryDestroy;
  }
  Py_INCREF(name);
  Py_XSETREF(c->name, name);
  Py_INCREF(check);
  Py_XSETREF(c->check, check);
  Py_XSETREF(c->learned, PyDict_New());
  return c->learned ? 0 : -1;
}

static void Caller_dealloc(PyObject *self) {
  Caller *c = (Caller *)self;
  for (int e = 0; e < c->nEntries; ++e)
    c->entryDestroy(c->entries[e]);
  c->nEntries = 0;
  Py_XDECREF(c->name);
  Py_XDECREF(c->check);
  Py_XDECREF(c->learned);
  Py_TYPE(self)->tp_free(self);
}

static PyMethodDef Caller_methods[] = {
    {"fast", (PyCFunction)(void (*)(void))Caller_fast, METH_FASTCALL,
     "fast(*args): the call from C, or NotImplemented for a layout it has "
     "not learned."},
    {"learn", (PyCFunction)(void (*)(void))Caller_learn, METH_FASTCALL,
     "learn(*args): calls with this argument layout are made from C."},
    {NULL, NULL, 0, NULL}};

static PyMemberDef Caller_members[] = {
    {"entries", T_INT, offsetof(Caller, nEntries), READONLY,
     "how many layouts of numbers have a prepared entry"},
    {NULL, 0, 0, 0, NULL}};

static PyTypeObject CallerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "weft._fastcall.Caller",
    .tp_basicsize = sizeof(Caller),
    .tp_vectorcall_offset = offsetof(Caller, vectorcall),
    .tp_flags =
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Caller(module, name, check, weft_call, weft_value_release"
              "[, weft_entry_create, weft_entry_call, weft_entry_destroy]), "
              "or Caller() unbound (bound later by calling __init__ again)",
    .tp_new = PyType_GenericNew,
    .tp_init = Caller_init,
    .tp_dealloc = Caller_dealloc,
    .tp_call = PyVectorcall_Call,
    .tp_methods = Caller_methods,
    .tp_members = Caller_members,
};

/* arrays(data, dtype, rank, shape, stride, release, free): the library's
 * weft_array accessors and weft_free, as addresses. True when array and
 * tuple results can be made here (NumPy's C API is there). */
static PyObject *arrays(PyObject *self, PyObject *args) {
  unsigned long long f[7];
  (void)self;
  if (!PyArg_ParseTuple(args, "KKKKKKK", &f[0], &f[1], &f[2], &f[3], &f[4],
                        &f[5], &f[6]))
    return NULL;
  for (int i = 0; i < 7; ++i)
    if (!f[i]) {
      PyErr_SetString(PyExc_ValueError, "arrays() needs seven addresses");
      return NULL;
    }
#ifdef WEFT_FASTCALL_NUMPY
  if (PyArray_API == NULL)
    Py_RETURN_FALSE;
  gArrays.data = (void *(*)(const weft_array *))(uintptr_t)f[0];
  gArrays.dtype = (int (*)(const weft_array *))(uintptr_t)f[1];
  gArrays.rank = (int (*)(const weft_array *))(uintptr_t)f[2];
  gArrays.shape = (int64_t(*)(const weft_array *, int))(uintptr_t)f[3];
  gArrays.stride = (int64_t(*)(const weft_array *, int))(uintptr_t)f[4];
  gArrays.release = (void (*)(weft_array *))(uintptr_t)f[5];
  gArrays.freeMemory = (void (*)(void *))(uintptr_t)f[6];
  gArraysReady = 1;
  Py_RETURN_TRUE;
#else
  Py_RETURN_FALSE;
#endif
}

/* vectorcall_subclass(cls): a Python subclass of Caller that does not
 * define __call__ is called through Caller's vectorcall slot, as Python
 * 3.12 arranges by itself (3.11 builds a tuple per call instead). */
static PyObject *vectorcallSubclass(PyObject *self, PyObject *cls) {
  (void)self;
  if (!PyType_Check(cls) ||
      !PyType_IsSubtype((PyTypeObject *)cls, &CallerType)) {
    PyErr_SetString(PyExc_TypeError, "a subclass of Caller");
    return NULL;
  }
  PyTypeObject *t = (PyTypeObject *)cls;
  if (t->tp_call != PyVectorcall_Call)
    Py_RETURN_FALSE; /* it defines __call__ */
  t->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
  Py_RETURN_TRUE;
}

static PyMethodDef moduleMethods[] = {
    {"vectorcall_subclass", vectorcallSubclass, METH_O,
     "vectorcall_subclass(cls): calls of cls go through Caller's slot."},
    {"arrays", arrays, METH_VARARGS,
     "arrays(data, dtype, rank, shape, stride, release, free): array "
     "results from C; True when NumPy's C API is there."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef fastcallModule = {
    PyModuleDef_HEAD_INIT, "_fastcall",
    "The C-level call path of the weft package.", -1, moduleMethods};

PyMODINIT_FUNC PyInit__fastcall(void) {
  if (PyType_Ready(&CallerType) < 0)
    return NULL;
  gSlowName = PyUnicode_InternFromString("_slow");
  if (!gSlowName)
    return NULL;
#ifdef WEFT_FASTCALL_NUMPY
  if (PyType_Ready(&OwnerType) < 0)
    return NULL;
  /* Another NumPy than the one built against: numbers only. */
  if (_import_array() < 0) {
    PyErr_Clear();
    PyArray_API = NULL;
  }
#endif
  PyObject *m = PyModule_Create(&fastcallModule);
  if (!m)
    return NULL;
  Py_INCREF(&CallerType);
  if (PyModule_AddObject(m, "Caller", (PyObject *)&CallerType) < 0) {
    Py_DECREF(&CallerType);
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
