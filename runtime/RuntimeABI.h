//===- RuntimeABI.h - C ABI called by JIT-compiled Weft code ---*- C++ -*-===//
//
// Every function the generated code calls lives behind this C ABI
// (`weft_rt_*`): printing with Python's and NumPy's formatting, reference-
// counted array buffers, and runtime errors. The JIT registers these
// symbols explicitly, so names and signatures here are the contract with
// compiler/Conversion (see ConvertWeftToLLVM.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_RUNTIMEABI_H
#define WEFT_RUNTIME_RUNTIMEABI_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" {

//--- Printing to stdout. `print(a, b)` is emitted as
//    print_<a>; print_sep; print_<b>; print_newline.
void weft_rt_print_i64(int64_t v);
void weft_rt_print_f64(double v);
void weft_rt_print_bool(int32_t v); ///< prints True / False
void weft_rt_print_str(const char *s);
void weft_rt_print_sep(void);     ///< one space between items
void weft_rt_print_newline(void); ///< ends the line (and flushes if a tty)
/// 1-D arrays as NumPy prints them; `stride` in elements.
void weft_rt_print_array_f64(const double *data, int64_t size, int64_t stride);
void weft_rt_print_array_i64(const int64_t *data, int64_t size,
                             int64_t stride);
void weft_rt_print_array_bool(const int8_t *data, int64_t size,
                              int64_t stride);

//--- Command-line arguments after `--`: argument `index` parsed as the
//    type of `fallback`, or `fallback` when absent. A malformed argument
//    fails with a ValueError at source line `line`.
int64_t weft_rt_argv_i64(int64_t index, int64_t fallback, int64_t line);
double weft_rt_argv_f64(int64_t index, double fallback, int64_t line);
int32_t weft_rt_argv_bool(int64_t index, int32_t fallback, int64_t line);

//--- Reductions. NumPy's pairwise summation order, so sums match NumPy's.
double weft_rt_sum_f64(const double *data, int64_t size, int64_t stride);

//--- Array buffers. memref.alloc/dealloc are lowered with MLIR's
//    "generic functions" so every buffer goes through these two; each
//    buffer has a hidden header with a reference count starting at 1.
void *_mlir_memref_to_llvm_alloc(size_t bytes);
void _mlir_memref_to_llvm_free(void *ptr);
/// Adds / drops one reference to the buffer whose allocated pointer is
/// `ptr` (null is ignored). The last release frees the buffer.
void weft_rt_array_retain(void *ptr);
void weft_rt_array_release(void *ptr);

//--- Errors. Generated code calls weft_rt_fail for runtime errors
//    (division by zero, failed assertion...). It does not return: control
//    goes back to the innermost weft_rt_run_protected.
[[noreturn]] void weft_rt_fail(const char *message, int64_t line);
}

namespace weft {
namespace rt {

/// Runs `fn()`; returns true if it completed, false if it raised a runtime
/// error (then `error` holds "N: message", N the source line). Flushes stdout on return.
bool runProtected(void (*fn)(), std::string &error);

/// Sets the arguments `argv()` returns (the words after `--`).
void setProgramArguments(std::vector<std::string> args);

/// Live buffers and bytes (for leak tests and metrics).
int64_t liveBuffers();
int64_t liveBytes();
int64_t totalAllocatedBytes();

/// Python's repr() of a float: "0.30000000000000004", "2.0", "1e+16",
/// "1.5e-05", "inf", "nan", "-0.0".
std::string formatFloat(double v);
/// NumPy's str() of 1-D arrays (default print options: precision 8,
/// line width 75, summarised with "..." above 1000 elements).
std::string formatArrayF64(const double *data, int64_t size, int64_t stride);
std::string formatArrayI64(const int64_t *data, int64_t size, int64_t stride);
std::string formatArrayBool(const int8_t *data, int64_t size, int64_t stride);

} // namespace rt
} // namespace weft

#endif // WEFT_RUNTIME_RUNTIMEABI_H
