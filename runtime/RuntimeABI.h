//===- RuntimeABI.h - C ABI called by JIT-compiled Weft code ---*- C++ -*-===//
//
// Every function the generated code calls lives behind this C ABI
// (`weft_rt_*`): printing with Python's and NumPy's formatting, reference-
// counted array buffers, and runtime errors. RuntimeFunctions.def lists
// the symbols and their signatures: the compiler declares them from it,
// the JIT maps exactly those, and RuntimeFunctionsCheck.cpp checks the
// declarations here against it.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_RUNTIMEABI_H
#define WEFT_RUNTIME_RUNTIMEABI_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/embed/include/weft/dtype.h"

extern "C" {

/// Element kinds (elemKind arguments) are weft_dtype's numbers.
typedef weft_dtype WeftElemKind;

//--- Printing to stdout. `print(a, b)` is emitted as print_<a>;
//    print_str(" "); print_<b>; print_newline.
void weft_rt_print_i64(int64_t v);
void weft_rt_print_u64(uint64_t v);
void weft_rt_print_f64(double v);
void weft_rt_print_complex(double re, double im);
/// A complex64: each part with float32's shortest digits.
void weft_rt_print_complex64(float re, float im);
/// A float as NumPy prints a float32 scalar: "0.1", "2.0", "1e-04".
void weft_rt_print_f32(float v);
void weft_rt_print_bool(int32_t v); ///< prints True / False
void weft_rt_print_str(const char *s);
void weft_rt_print_newline(void);      ///< ends the line (and flushes if a tty)
void weft_rt_print_to(int32_t target); ///< 2: print to stderr; 1: stdout
/// An array of any rank as NumPy's str() writes it. `descriptor` points to
/// an MLIR ranked memref descriptor of rank `rank`:
///   { T *allocated; T *aligned; int64_t offset; int64_t sizes[rank];
///     int64_t strides[rank]; }
/// with T given by `elemKind` (a WeftElemKind) and strides in elements.
/// A Python list (python_lists=True) as Python prints it.
void weft_rt_print_list(int32_t elemKind, const void *descriptor);
/// A list of tuples held field by field: `fields` 1-D arrays (element
/// kinds `kinds`, descriptors `descriptors`), each tuple printed as
/// `format` with its fields for the `{}`s: `[(0, 0.5), (1, 1.0)]`.
void weft_rt_print_tuple_list(const char *format, int32_t fields,
                              const int32_t *kinds,
                              const void *const *descriptors);
void weft_rt_print_array(int32_t elemKind, int64_t rank,
                         const void *descriptor);
/// The same as NumPy's repr() (an array inside a printed tuple).
void weft_rt_print_array_repr(int32_t elemKind, int64_t rank,
                              const void *descriptor);
/// Writes Python's format(x, spec) of a number (`kind` 0: the bool `i`,
/// 1: the int `i`, 2: the float `f`) as code points into the 1-D u32
/// memref `descriptor` describes; returns how many (FormatSpec.cpp).
int64_t weft_rt_format_number(int32_t kind, double f, int64_t i,
                              const char *spec, void *descriptor);
/// A str: the u32 code points of a 1-D memref descriptor, as UTF-8;
/// `quoted`: as Python's repr() (a str inside a tuple).
void weft_rt_print_text(const void *descriptor, int32_t quoted);

//--- Command-line arguments after `--`: argument `index` parsed as the
//    type of `fallback`, or `fallback` when absent. A malformed argument
//    fails with a ValueError at source line `line`.
int64_t weft_rt_argv_i64(int64_t index, int64_t fallback, int64_t line);
double weft_rt_argv_f64(int64_t index, double fallback, int64_t line);
int32_t weft_rt_argv_bool(int64_t index, int32_t fallback, int64_t line);

/// Monotonic clock in seconds (time()).
double weft_rt_time(void);

/// get_num_threads(): the threads a parallel loop of this call may use
/// (its thread count, else OpenMP's); get_thread_id(): the number, below
/// that, of the thread running (0 outside a parallel loop).
int64_t weft_rt_thread_count(void);
int64_t weft_rt_thread_id(void);

//--- Matrix products. c = a @ b for rank-2 descriptors of kind elemKind
//    through the system BLAS (Blas.cpp); returns 0 when it did nothing
//    (no library, small operands or a layout BLAS does not take).
int32_t weft_rt_gemm(int32_t elemKind, const void *a, const void *b, void *c);
/// weft_rt_gemm on the GPU with cuBLAS (runtime/CudaBlas.cpp): 0 when
/// cuBLAS is absent, the product is small, or an array is not in managed
/// memory.
int32_t weft_rt_gpu_gemm(int32_t elemKind, const void *a, const void *b,
                         void *c);

//--- np.linalg (Lapack.cpp): `function` 0 solve (out = a^-1 b, of b's
//    rank `rankB`), 1 inv, 2 det (out: one element), 3 cholesky (the
//    lower factor); `a` a 2-D descriptor, the others of their ranks, all
//    of element kind `elemKind` (WEFT_F64 or WEFT_C128). LinAlgError for
//    a singular matrix (solve, inv) or one not positive definite
//    (cholesky), recorded inside parallel loops.
void weft_rt_linalg(int32_t function, int32_t elemKind, int64_t rankB,
                    const void *a, const void *b, void *out, int64_t line);

//--- np.linalg.eigh and svd (Lapack.cpp, weft.decompose): `function` 0
//    eigh (x = the eigenvalues, y = the eigenvectors: dsyevd of the lower
//    triangle), 1 svd (x = U m x m, y = s, z = V^H n x n: dgesdd), 2 the
//    reduced svd (U m x k, V^H k x n), 3 the singular values alone (y),
//    4 eig (x = the eigenvalues, y = the eigenvectors: dgeev; a
//    ValueError when they are complex), 5 the eigenvalues alone (x),
//    6 qr (x = Q m x k, y = R k x n: dgeqrf and dorgqr), 7 the complete
//    qr (Q m x m, R m x n);
//    `a` a 2-D f64 descriptor (read only), the outputs f64 descriptors of
//    those shapes (unused ones may be any pointer). LinAlgError when
//    LAPACK does not converge.
void weft_rt_decompose(int32_t function, const void *a, void *x, void *y,
                       void *z, int64_t line);

//--- Python lists (weft.list_grow): `out` (a 1-D descriptor) gets the
//    list `in` (of element kind `elemKind`) followed by room for `extra`
//    elements, with `in`'s reference: `in`'s own buffer when nothing else
//    holds it and it has room, else a new buffer of twice the length
//    (`in`'s reference released). A MemoryError names source line
//    `line`.
void weft_rt_list_grow(int32_t elemKind, const void *in, void *out,
                       int64_t extra, int64_t line);

//--- Sorting (Sorting.cpp): every row along the last axis of a descriptor
//    of rank `rank` (laid out as for weft_rt_print_array), NaNs last.
void weft_rt_sort(int32_t elemKind, int64_t rank, void *descriptor);
/// Writes the stable sorting order of each row into `indices`, an i64
/// descriptor of the same shape; with WEFT_ARGSORT_NUMBA_QUICKSORT or
/// WEFT_ARGSORT_NUMBA_MERGESORT or-ed into `elemKind`, the order of
/// Numba's np.argsort of that kind (equal keys and NaNs placed as it
/// places them).
#define WEFT_ARGSORT_NUMBA_QUICKSORT 0x10000
#define WEFT_ARGSORT_NUMBA_MERGESORT 0x20000
void weft_rt_argsort(int32_t elemKind, int64_t rank, const void *descriptor,
                     void *indices);

//--- Random numbers. Counter-based: each rand()/random() call takes a new
//    stream key; element i of the stream is a hash of (key, i), so values
//    do not depend on the thread count or the order of evaluation.
void weft_rt_rng_seed(int64_t seed);
uint64_t weft_rt_rng_stream(void);
/// The next 64 random bits for a scalar draw (random(), randint()).
uint64_t weft_rt_rng_bits(void);
/// Inside a prange iteration, streams are keyed by (loop key, iteration,
/// call number within the iteration) instead of the global counter, so
/// the numbers do not depend on the thread count.
void weft_rt_rng_begin_iteration(uint64_t loopKey, int64_t iteration);
void weft_rt_rng_end_iteration(void);
/// 1 outside prange iterations, where draws come from NumPy's generator
/// (the weft_rt_mt_* functions), 0 inside one.
int64_t weft_rt_rng_serial(void);
//    NumPy's legacy generator (NumpyRandom.cpp): MT19937 seeded as
//    np.random.seed seeds it (the seed's low 32 bits), random_sample, the
//    polar-method gauss, and randint's masked rejection in [lo, hi).
void weft_rt_mt_seed(int64_t seed);
double weft_rt_mt_uniform(void);
double weft_rt_mt_normal(void);
/// random_sample `count` times into the doubles at `address`.
void weft_rt_mt_fill_uniform(int64_t address, int64_t count);
int64_t weft_rt_mt_randint(int64_t lo, int64_t hi);

//--- Reductions. NumPy's pairwise summation order, so sums match NumPy's.
double weft_rt_sum_f64(const double *data, int64_t size, int64_t stride);

//--- Array buffers. memref.alloc/dealloc are lowered with MLIR's
//    "generic functions" so every buffer goes through these two; each
//    buffer has a hidden header with a reference count starting at 1.
void *_mlir_memref_to_llvm_alloc(size_t bytes);
/// The source line of the next allocation on this thread (for the
/// MemoryError it may raise).
void weft_rt_alloc_site(int64_t line);
void _mlir_memref_to_llvm_free(void *ptr);
/// Adds / drops one reference to the buffer whose allocated pointer is
/// `ptr` (null is ignored). The last release frees the buffer.
void weft_rt_array_retain(void *ptr);
void weft_rt_array_release(void *ptr);

//--- The interactive session (weft repl, SessionStore.cpp): variables kept
//    between entries, a scalar (`rank` -1) or a memref descriptor of `rank`
//    at `value`; set retains an array, get returns a new reference. The
//    Ctrl-C check raises KeyboardInterrupt (recorded inside parallel loops).
void weft_rt_session_set(const char *name, int32_t kind, int64_t rank,
                         const void *value);
void weft_rt_session_get(const char *name, int32_t kind, int64_t rank,
                         void *out);
void weft_rt_check_interrupt(int64_t line);
/// Non-zero once an interrupt was requested: generated code reads it
/// inline and calls weft_rt_check_interrupt only then.
extern int32_t weft_rt_interrupt_flag;

//--- Errors. Generated code calls weft_rt_fail for runtime errors
//    (division by zero, failed assertion...). It does not return: control
//    goes back to the innermost weft_rt_run_protected.
[[noreturn]] void weft_rt_fail(const char *message, int64_t line);
/// try statements (weft-lower-try): `frame` (runtime/TryStatements.h),
/// whose jmp_buf the caller has just set with _setjmp, becomes the
/// innermost try of the thread; a runtime error longjmps to it. The try
/// block's end leaves it; the except block's start, after the jump, too.
void weft_rt_try_enter(void *frame);
void weft_rt_try_leave(void *frame);
void weft_rt_try_caught(void *frame);
/// A shape error: each "{}" in `format` is replaced by the next shape of
/// `encoded`, laid out as rank, sizes..., rank, sizes... ("(3, 4)").
/// Like the other error entry points below, it raises at once outside
/// parallel loops; inside one it records the first error and returns
/// (the code goes on with safe values) and weft_rt_raise_recorded raises
/// it when the loop has ended.
void weft_rt_shape_error(const char *format, int64_t line,
                         const int64_t *encoded);
/// An index out of range (with boundscheck=True).
void weft_rt_index_error(int64_t index, int64_t axis, int64_t extent,
                         int64_t line);
/// weft_rt_fail for generated code: records instead inside parallel loops.
void weft_rt_check_failed(const char *message, int64_t line);
/// Raises the error recorded by the parallel loops of the current call,
/// if any (inside an enclosing parallel loop: leaves it to that loop).
void weft_rt_raise_recorded(void);
/// At the entry of a recursive function: 0 while the thread's stack has
/// room; else RecursionError naming `function` at `line` (inside a
/// parallel loop it is recorded and 1 is returned: return at once).
int32_t weft_rt_stack_check(const char *function, int64_t line);
}

namespace weft {
namespace rt {

/// Runs `fn()`; returns true if it completed, false if it raised a runtime
/// error (then `error` holds "N: message", N the source line). Flushes stdout
/// on return.
bool runProtected(void (*fn)(), std::string &error);
/// The same for `fn(args)`.
bool runProtected(void (*fn)(void **), void **args, std::string &error);
/// The same, leaving the error in protectedError() (the fast path of typed
/// calls: nothing is constructed unless the call fails).
bool runProtected(void (*fn)(void **), void **args);
/// The error of the last protected call on this thread that failed.
const std::string &protectedError();

/// Sets the arguments `argv()` returns (the words after `--`).
void setProgramArguments(std::vector<std::string> args);

/// Sets the reference count of the buffer whose allocated pointer is `ptr`
/// (the REPL's repair after a failed entry; nothing else may use it).
void setReferenceCount(void *ptr, int64_t count);

/// Live buffers and bytes (for leak tests and metrics).
int64_t liveBuffers();
int64_t liveBytes();
int64_t totalAllocatedBytes();
/// Starts (or stops) tracking the peak of liveBytes(), from its value now.
void trackPeakLiveBytes(bool on);
/// The most bytes live since trackPeakLiveBytes(true).
int64_t peakLiveBytes();
/// Allocating an array beyond `bytes` of live arrays is a MemoryError
/// (0: no limit; weft run --max-memory).
void setMemoryLimit(int64_t bytes);

/// Python's repr() of a float: "0.30000000000000004", "2.0", "1e+16",
/// "1.5e-05", "inf", "nan", "-0.0".
std::string formatFloat(double v);
/// Python's repr of a complex number: `(1+2j)`, `2j`, `(-0-1.5j)`.
/// `f32`: a complex64's parts, with float32's shortest digits.
std::string formatComplex(double re, double im, bool f32 = false);
/// NumPy 1.24's str() of a float32 scalar: Python's repr rules on the
/// shortest digits that round-trip as a float, scientific below 1e-4 and
/// from 1e16: "0.1", "0.33333334", "1e-04", "1e+16".
std::string formatFloat32(float v);
/// NumPy's str() of an array of rank 1 to 8 (rank 0 prints the scalar)
/// with the default print options: nested brackets, lines wrapped at 75
/// columns, and above 1000 elements only the 3 leading and trailing items
/// of every axis with "..." between. `data` points to the first element
/// (offset applied); `strides` are in elements and may be 0 or negative.
std::string formatArray(int32_t elemKind, int64_t rank, const int64_t *sizes,
                        const int64_t *strides, const void *data);
/// formatArray of the array an MLIR ranked memref descriptor describes
/// (the layout weft_rt_print_array takes).
std::string formatMemRef(int32_t elemKind, int64_t rank, const void *descriptor,
                         bool repr = false);
/// NumPy's repr() of an array of rank 1 to 8: `array([1. , 2.5])`, with
/// `dtype=int32` past the types NumPy leaves unnamed (float64, int64,
/// bool, complex128) and for empty arrays.
std::string formatArrayRepr(int32_t elemKind, int64_t rank,
                            const int64_t *sizes, const int64_t *strides,
                            const void *data);
/// Python's str() of a list (`[1.0, 2.5]`, `[True, False]`) of the 1-D
/// memref descriptor `descriptor`'s elements.
std::string formatList(int32_t elemKind, const void *descriptor);
std::string formatTupleList(const char *format, int32_t fields,
                            const int32_t *kinds,
                            const void *const *descriptors);
/// The UTF-8 text of a str's code points (a 1-D u32 memref descriptor).
std::string formatText(const void *descriptor, bool quoted = false);
/// NumPy's str() of 1-D arrays (default print options: precision 8,
/// line width 75, summarised with "..." above 1000 elements).
std::string formatArrayF64(const double *data, int64_t size, int64_t stride);
std::string formatArrayI64(const int64_t *data, int64_t size, int64_t stride);
std::string formatArrayBool(const int8_t *data, int64_t size, int64_t stride);

} // namespace rt
} // namespace weft

#endif // WEFT_RUNTIME_RUNTIMEABI_H
