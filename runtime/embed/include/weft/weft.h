/*===- weft.h - Weft's C embedding API (C99) ---------------------*- C -*-===//
 *
 * Compile Weft source and call its functions on your own buffers from C or
 * any FFI. Handles are opaque; every function returns a weft_status, and
 * weft_last_error() describes the last failure on the calling thread. No
 * C++ exception or abort crosses this boundary.
 *
 *   weft_engine *e; weft_module *m; weft_value r;
 *   weft_engine_create(NULL, &e);
 *   if (weft_compile(e, src, "k.weft", &m) != WEFT_OK)
 *     fprintf(stderr, "%s", weft_last_error());
 *   int64_t n = 100; double x[100];
 *   weft_arg args[] = {weft_f64(2.0), weft_view(WEFT_F64, x, 1, &n, NULL)};
 *   weft_call(m, "scale", args, 2, &r);
 *
 *===----------------------------------------------------------------------===*/
#ifndef WEFT_WEFT_H
#define WEFT_WEFT_H

#include <stddef.h>
#include <stdint.h>

#include "dtype.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct weft_engine weft_engine;
typedef struct weft_module weft_module;
/** An array made by Weft (a result); release it with weft_array_release. */
typedef struct weft_array weft_array;

typedef enum {
  WEFT_OK = 0,
  WEFT_COMPILE_ERROR = 1,   /**< the source does not compile */
  WEFT_CALL_ERROR = 2,      /**< no such function, wrong argument count/types */
  WEFT_RUNTIME_ERROR = 3,   /**< the function raised an error */
  WEFT_ERROR = 4,           /**< anything else (bad options, I/O, internal) */
  WEFT_READ_ONLY_ERROR = 5, /**< a read-only view for a written parameter */
  WEFT_OVERFLOW_ERROR = 6   /**< a number outside its parameter's type */
} weft_status;

typedef struct {
  const char *target; /**< "cpu" (NULL), "gpu" or "auto" (the GPU if present) */
  int threads;        /**< 1-4096; 0: WEFT_NUM_THREADS, else all cores */
  int opt_level;      /**< 0-3; negative: 3 */
  int fastmath;       /**< nonzero: @jit(fastmath=True) everywhere */
  const char *cache_directory; /**< NULL: the default */
  int no_cache;                /**< nonzero: no on-disk code cache */
  int metrics;                 /**< nonzero: count parallel regions */
  int catch_interrupts;        /**< nonzero: Ctrl-C stops a running call */
  int time_calls; /**< nonzero: time every call for the metrics (also
                       WEFT_TIME_CALLS=1; implied by metrics) */
} weft_options;

/** One argument: a number (rank 0) or an array over caller memory.
 *  Views of overlapping memory behave as views of one buffer inside the
 *  function (NumPy's overlap rule holds across arguments). */
typedef struct {
  weft_dtype dtype; /**< a number: WEFT_BOOL to WEFT_F64, WEFT_U64 (its
                         bits in scalar.i64), WEFT_C128 or WEFT_C64 */
  int rank;         /**< 0 for a number, else 1 to WEFT_MAX_RANK */
  union {
    int b;
    int32_t i32;
    int64_t i64;
    float f32;
    double f64;
    double c128[2]; /**< WEFT_C128: real and imaginary parts */
    float c64[2];   /**< WEFT_C64: real and imaginary parts */
  } scalar;
  void *data;                     /**< first element */
  int64_t shape[WEFT_MAX_RANK];   /**< sizes per axis */
  int64_t strides[WEFT_MAX_RANK]; /**< in elements, any sign */
  const weft_array *array; /**< or: an array Weft made (data etc. ignored) */
  int read_only;           /**< nonzero: a call that may write into it fails */
} weft_arg;

/** A result: nothing, a number, an array or a tuple of those (owned by the
 *  caller: release an array with weft_array_release, or the whole value,
 *  tuples included, with weft_value_release). */
typedef struct weft_value {
  enum { WEFT_NONE, WEFT_NUMBER, WEFT_ARRAY, WEFT_TUPLE } kind;
  weft_dtype dtype;
  double number;   /**< the number as a double (complex: the real part) */
  int64_t integer; /**< the number as an integer (exact for ints; a
                       uint64's bits when dtype is WEFT_U64) */
  weft_array *array;
  int count;                   /**< a tuple's number of elements */
  struct weft_value *elements; /**< a tuple's elements */
  double imag; /**< a complex number's imaginary part (dtype WEFT_C128 or
                   WEFT_C64) */
  /** How many leading axes of an array are Python lists (0: an array): a
   *  function compiled from Python with python_lists returns a list of
   *  numbers with 1, a list of lists of numbers with 2 (its rank), a
   *  list of arrays with 1 and rank 2. A tuple with a list_depth is a list
   *  of tuples held as one list per field: its elements are the fields'
   *  lists (lists of lists of tuples: depth 2), to be zipped. */
  int list_depth;
  /** Nonzero: the array (WEFT_U32, 1-D) is a Python str, its code
   *  points; on a ragged tuple (is_ragged 2), the rows are strs (a list
   *  of strs). */
  int is_string;
  /** Nonzero: the tuple is a Python list of lists of numbers of any
   *  lengths, held as three 1-D arrays: each row's start and length
   *  (WEFT_I64) and the numbers (the pool); row i is
   *  pool[start[i] : start[i] + length[i]]. 1: the rows are lists;
   *  2: the rows are 1-D arrays (a list of arrays). */
  int is_ragged;
  /** A tuple's class, or NULL for a plain tuple: a namedtuple's name, or a
   *  jitclass's, whose number fields are 1-element arrays (its cells).
   *  Freed by weft_value_release (or with weft_free). */
  char *record_name;
} weft_value;

/** Releases the arrays of a result and a tuple's elements; the value is
 *  WEFT_NONE afterwards. */
void weft_value_release(weft_value *value);

/** Thread-local description of the last failure ("" if none). */
const char *weft_last_error(void);
/** "weft 0.1.0 (LLVM/MLIR 22.x)" */
const char *weft_version(void);
/** NumPy's name of a dtype ("bool", "int32", "int64", "float32",
 *  "float64"), or NULL for a number that is no weft_dtype. */
const char *weft_dtype_name(int dtype);

/** WEFT_MAX_RANK of the library (for bindings that cannot read headers). */
int weft_max_rank(void);

weft_status weft_engine_create(const weft_options *options, weft_engine **out);
void weft_engine_destroy(weft_engine *engine);
/** Engine metrics as JSON; free the string with weft_free. */
weft_status weft_engine_metrics_json(weft_engine *engine, char **json);

weft_status weft_compile(weft_engine *engine, const char *source,
                         const char *name, weft_module **out);
weft_status weft_compile_file(weft_engine *engine, const char *path,
                              weft_module **out);
/** Releases the module's compiled code (arrays it returned stay valid). */
void weft_module_destroy(weft_module *module);

weft_status weft_call(weft_module *module, const char *function,
                      const weft_arg *args, int nargs, weft_value *result);

/** A prepared call: a function's specialisation for arguments of a fixed
 *  layout (numbers of these dtypes, views of these dtypes and ranks, as
 *  `layout` gives them; values and data are ignored), resolved once
 *  (compiled if needed) and then called with no lookup or lock, as C++'s
 *  typed handles (Function::typed). `*result_dtype` is the dtype of the
 *  number it returns, or -1 if it returns nothing. WEFT_CALL_ERROR if a
 *  number parameter is annotated with another type (pass that dtype), an
 *  argument is an array Weft made, or the result is an array or a tuple
 *  (use weft_call); WEFT_COMPILE_ERROR for type errors. At most 16
 *  arguments. The entry keeps its module's code alive. */
typedef struct weft_entry weft_entry;
weft_status weft_entry_create(weft_module *module, const char *function,
                              const weft_arg *layout, int nargs,
                              weft_entry **out, int *result_dtype);
/** Calls a prepared entry with arguments of its layout (WEFT_CALL_ERROR
 *  for another); the number it returns is stored in the low bytes of
 *  `*result` (an int8 0/1 for bool, int32, int64, float, double). Views
 *  that overlap, or read-only views for parameters it writes, take
 *  weft_call's path, with its checks and copies. Runtime errors as
 *  weft_call. */
weft_status weft_entry_call(const weft_entry *entry, const weft_arg *args,
                            uint64_t *result);
void weft_entry_destroy(weft_entry *entry);

weft_arg weft_bool(int v);
weft_arg weft_i64(int64_t v);
/** A uint64 number (its bits in scalar.i64, dtype WEFT_U64), as Numba
 *  types np.uint64 and Python ints from 2**63. */
weft_arg weft_u64(uint64_t v);
weft_arg weft_f64(double v);
weft_arg weft_f32(float v);
/** A complex number (a complex128 parameter; a real number also fits
 *  one). */
weft_arg weft_c128(double re, double im);
weft_arg weft_c64(float re, float im);
/** An array view of `data`; `strides` NULL means C-contiguous. A rank
 *  outside 1 to WEFT_MAX_RANK is kept, and weft_call reports it. */
weft_arg weft_view(weft_dtype dtype, void *data, int rank, const int64_t *shape,
                   const int64_t *strides);
/** A read-only view: a function that may write into it is refused with
 *  WEFT_READ_ONLY_ERROR, and nothing is written. */
weft_arg weft_const_view(weft_dtype dtype, const void *data, int rank,
                         const int64_t *shape, const int64_t *strides);
weft_arg weft_array_arg(const weft_array *array);

void *weft_array_data(const weft_array *array);
weft_dtype weft_array_dtype(const weft_array *array);
int weft_array_rank(const weft_array *array);
/** NULL, or for a structured array result (a NumPy dtype of named
 *  fields) its dtype, "<itemsize>;<name>:<dtype>:<offset>[:<d1>x<d2>]"
 *  for each field in order (NumPy's dtype names: "float32", "uint8",
 *  ...): the array is then its bytes, uint8 with one more axis, the
 *  records' (docs/embedding.md). Valid while the array is. */
const char *weft_array_structured_dtype(const weft_array *array);
int64_t weft_array_shape(const weft_array *array, int axis);
int64_t weft_array_stride(const weft_array *array, int axis);
void weft_array_release(weft_array *array);

void weft_free(void *p);

/** Stops every running call at its next loop iteration with
 *  WEFT_RUNTIME_ERROR "...: KeyboardInterrupt: interrupted (Ctrl-C)";
 *  safe from any thread and from a signal handler. */
void weft_interrupt(void);

#ifdef __cplusplus
}
#endif

#endif /* WEFT_WEFT_H */
