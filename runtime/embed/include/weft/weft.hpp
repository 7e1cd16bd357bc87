//===- weft.hpp - Weft's C++ embedding API ---------------------*- C++ -*-===//
//
// Compile Weft source inside a C++ program and call its functions on the
// program's own buffers:
//
//   weft::Engine engine;                       // options: threads, -O, ...
//   weft::Module m = engine.compile(source);   // throws weft::CompileError
//   std::vector<double> x(n, 1.0), y(n, 2.0);
//   weft::ArrayView<double, 1> xv(x.data(), {n}), yv(y.data(), {n});
//   m.function("axpy")(2.0, xv, yv);           // writes into y, no copy
//   weft::Value r = m.function("norm")(xv);    // r.as<double>()
//
// A function is compiled for each new combination of argument types on
// its first call and kept (a dispatcher, as Numba's); compiled code is
// also cached on disk (see Options). Engines, modules and functions may
// be used from many threads at once. Errors are exceptions derived from
// weft::Error; the engine stays usable after any of them.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_WEFT_HPP
#define WEFT_WEFT_HPP

#include <array>
#include <complex>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "dtype.h"

namespace weft {
namespace detail {
struct ValueAccess;
} // namespace detail

/// Element types of Weft arrays and scalars: weft_dtype's codes. The
/// narrow integers (I8 to U32) are array elements only; C128 is two
/// doubles (std::complex<double>'s layout), C64 two floats
/// (std::complex<float>'s).
enum class DType {
  Bool = WEFT_BOOL,
  I32 = WEFT_I32,
  I64 = WEFT_I64,
  F32 = WEFT_F32,
  F64 = WEFT_F64,
  I8 = WEFT_I8,
  I16 = WEFT_I16,
  U8 = WEFT_U8,
  U16 = WEFT_U16,
  U32 = WEFT_U32,
  C128 = WEFT_C128,
  U64 = WEFT_U64,
  C64 = WEFT_C64
};

template <typename T> constexpr DType dtypeOf() {
  if constexpr (std::is_same_v<T, bool>)
    return DType::Bool;
  else if constexpr (std::is_same_v<T, int32_t>)
    return DType::I32;
  else if constexpr (std::is_same_v<T, int64_t>)
    return DType::I64;
  else if constexpr (std::is_same_v<T, float>)
    return DType::F32;
  else if constexpr (std::is_same_v<T, int8_t>)
    return DType::I8;
  else if constexpr (std::is_same_v<T, int16_t>)
    return DType::I16;
  else if constexpr (std::is_same_v<T, uint8_t>)
    return DType::U8;
  else if constexpr (std::is_same_v<T, uint16_t>)
    return DType::U16;
  else if constexpr (std::is_same_v<T, uint32_t>)
    return DType::U32;
  else if constexpr (std::is_same_v<T, uint64_t>)
    return DType::U64;
  else if constexpr (std::is_same_v<T, std::complex<double>>)
    return DType::C128;
  else if constexpr (std::is_same_v<T, std::complex<float>>)
    return DType::C64;
  else {
    static_assert(std::is_same_v<T, double>,
                  "Weft arrays hold bool, int8_t, int16_t, int32_t, int64_t, "
                  "uint8_t, uint16_t, uint32_t, uint64_t, float, double, "
                  "std::complex<float> or std::complex<double>");
    return DType::F64;
  }
}

/// Every error of the API.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};
/// The source does not compile; what() holds the rendered diagnostics
/// (file:line:col, the source line, a caret, the message).
class CompileError : public Error {
public:
  using Error::Error;
};
/// A call with the wrong number or types of arguments, or of a function
/// that does not exist.
class CallError : public Error {
public:
  using Error::Error;
};
/// The function raised an error while running ("12: ZeroDivisionError:
/// division by zero"; the number is the source line).
class RuntimeError : public Error {
public:
  using Error::Error;
};
/// A read-only buffer (an ArrayView of const elements) passed for a
/// parameter the function may write into; nothing is written.
class ReadOnlyError : public CallError {
public:
  using CallError::CallError;
};
/// A number outside the range of the parameter's type (3e9 for an i32).
class OverflowError : public CallError {
public:
  using CallError::CallError;
};

/// A view of caller memory as a Weft array: no copy is made, and writes
/// by the function land in the caller's buffer. Strides are in elements
/// and may be any value (a column, every other row, reversed, ...). A
/// view of const elements (ArrayView<const double, 1>) is read-only: a
/// function that may write into that parameter throws ReadOnlyError.
/// Views of overlapping memory passed as several arguments behave as
/// views of one buffer inside the function, so NumPy's overlap rule
/// holds across them (`out[:] = inp + 1` reads inp as before the store).
template <typename T, int Rank> struct ArrayView {
  static_assert(Rank >= 1 && Rank <= WEFT_MAX_RANK,
                "Weft arrays have 1 to 8 axes");
  T *data;
  std::array<int64_t, Rank> shape;
  std::array<int64_t, Rank> strides;
  /// A C-contiguous (row-major) view.
  ArrayView(T *data, std::array<int64_t, Rank> shape)
      : data(data), shape(shape) {
    int64_t s = 1;
    for (int d = Rank - 1; d >= 0; --d) {
      strides[d] = s;
      s *= shape[d];
    }
  }
  ArrayView(T *data, std::array<int64_t, Rank> shape,
            std::array<int64_t, Rank> strides)
      : data(data), shape(shape), strides(strides) {}
};

namespace detail {
struct Buffer; // a reference to an array buffer owned by Weft
/// One argument, type-erased.
struct Arg {
  DType dtype = DType::F64;
  int rank = 0; ///< 0: a scalar
  union {
    bool b;
    int32_t i32;
    int64_t i64;
    float f32;
    double f64;
    double c128[2]; ///< real and imaginary parts
    float c64[2];   ///< a complex64's real and imaginary parts
  } scalar{};
  void *data = nullptr;
  void *owner = nullptr; ///< Weft's buffer behind `data`, or null
  bool readOnly = false; ///< the function must not write through it
  int64_t shape[WEFT_MAX_RANK] = {};
  int64_t strides[WEFT_MAX_RANK] = {};
};
} // namespace detail

/// An array made by Weft (a function's result). It owns a reference to
/// its buffer and can be passed back to functions without a copy.
class Array {
public:
  Array() = default;
  Array(const Array &other);
  Array &operator=(const Array &other);
  Array(Array &&other) noexcept;
  Array &operator=(Array &&other) noexcept;
  ~Array();

  DType dtype() const { return arg_.dtype; }
  int rank() const { return arg_.rank; }
  int64_t shape(int axis) const { return arg_.shape[axis]; }
  int64_t stride(int axis) const { return arg_.strides[axis]; }
  int64_t size() const;
  /// The first element; T must match dtype().
  template <typename T> T *data() const {
    if (dtypeOf<T>() != arg_.dtype)
      throw CallError("weft::Array::data<T>: wrong element type");
    return static_cast<T *>(arg_.data);
  }
  /// Element at `index` (one per axis).
  template <typename T, typename... I> T at(I... index) const {
    int64_t idx[] = {static_cast<int64_t>(index)...};
    if (static_cast<int>(sizeof...(I)) != arg_.rank)
      throw CallError("weft::Array::at: give one index per axis");
    int64_t off = 0;
    for (int d = 0; d < arg_.rank; ++d) {
      if (idx[d] < 0 || idx[d] >= arg_.shape[d])
        throw CallError("weft::Array::at: index out of range");
      off += idx[d] * arg_.strides[d];
    }
    return data<T>()[off];
  }
  const detail::Arg &arg() const { return arg_; }

private:
  friend class Function;
  friend struct detail::ValueAccess;
  detail::Arg arg_;
};

/// What a function returned: nothing, a number, an array or a tuple of
/// those.
class Value {
public:
  enum class Kind { None, Bool, Int, Float, Complex, Array, Tuple };
  Kind kind() const { return kind_; }
  /// The elements of a tuple.
  const std::vector<Value> &elements() const {
    if (kind_ != Kind::Tuple)
      throw CallError("weft::Value::elements: the function returned no "
                      "tuple");
    return elements_;
  }
  /// The number converted to T (bool, integers, floats).
  template <typename T> T as() const {
    switch (kind_) {
    case Kind::Bool:
      return static_cast<T>(b_);
    case Kind::Int:
      return unsigned_ ? static_cast<T>(static_cast<uint64_t>(i_))
                       : static_cast<T>(i_);
    case Kind::Float:
      return static_cast<T>(f_);
    default:
      throw CallError(kind_ == Kind::Complex
                          ? "weft::Value::as: the function returned a "
                            "complex number; read it with complex()"
                          : "weft::Value::as: the function returned no "
                            "number");
    }
  }
  /// A complex result (any other number as a complex one).
  std::complex<double> complex() const {
    if (kind_ == Kind::Complex)
      return {f_, im_};
    return {as<double>(), 0.0};
  }
  const weft::Array &array() const {
    if (kind_ != Kind::Array)
      throw CallError("weft::Value::array: the function returned no array");
    return array_;
  }
  /// How many leading axes of an array result are Python lists (0: an
  /// array); a tuple with a depth is a list of tuples held as its fields'
  /// lists; see weft_value::list_depth.
  int listDepth() const { return listDepth_; }
  /// Whether an array result is a Python str: a 1-D u32 array of its
  /// code points (on a ragged result: its rows are strs, a list of
  /// strs); see weft_value::is_string.
  bool isString() const { return isString_; }
  /// Whether a tuple result is a list of lists of any lengths: (starts,
  /// lengths, pool); see weft_value::is_ragged.
  bool isRagged() const { return isRagged_; }
  /// Whether a ragged result's rows are 1-D arrays (a list of arrays)
  /// rather than lists.
  bool raggedArrayRows() const { return raggedArrayRows_; }
  /// Whether an integer result is a uint64 (as<uint64_t>() reads it all).
  bool isUnsigned() const { return unsigned_; }
  /// A structured array result's dtype ("" for any other result): the
  /// array holds its bytes (uint8, with one more axis, the records'); see
  /// weft_array_structured_dtype.
  const std::string &structuredDtype() const { return structured_; }
  /// A tuple result's class ("" for a plain tuple): a namedtuple's name,
  /// or a jitclass's, whose number fields are then 1-element arrays (its
  /// cells); see weft_value::record_name.
  const std::string &recordName() const { return record_; }

private:
  friend class Function;
  friend struct detail::ValueAccess;
  Kind kind_ = Kind::None;
  bool b_ = false;
  int64_t i_ = 0;
  bool unsigned_ = false; ///< i_ holds a uint64's bits
  double f_ = 0;
  double im_ = 0; ///< a complex result's imaginary part (real part: f_)
  int listDepth_ = 0;
  bool isString_ = false;
  bool isRagged_ = false;
  bool raggedArrayRows_ = false;
  std::string structured_;
  std::string record_;
  weft::Array array_;
  std::vector<Value> elements_;
};

struct Options {
  std::string target = "cpu"; ///< "cpu", "gpu" or "auto" (the GPU if present)
  /// Threads for parallel loops, 1 to 4096; 0: WEFT_NUM_THREADS if set,
  /// else all cores. Anything else (or a bad WEFT_NUM_THREADS) makes the
  /// Engine constructor throw weft::Error.
  int threads = 0;
  int optLevel = 3;      ///< LLVM optimisation level 0-3
  bool fastmath = false; ///< as @jit(fastmath=True) everywhere
  /// The on-disk code cache: "" for the default ($WEFT_CACHE_DIR,
  /// $XDG_CACHE_HOME/weft or ~/.cache/weft); cache=false turns it off.
  std::string cacheDirectory;
  bool cache = true;
  /// Count the parallel regions each call enters (Engine::metrics()); a
  /// counter increment per parallel loop. Implies timeCalls.
  bool metrics = false;
  /// Time every call for Engine::metrics() (calls, wall and CPU time,
  /// bytes allocated per function): two clock reads and a lock per call,
  /// off by default so that calls cost nothing extra. The environment
  /// variable WEFT_TIME_CALLS=1 turns it on for every engine.
  bool timeCalls = false;
  /// While a call runs, Ctrl-C (SIGINT) stops it as interrupt() does; the
  /// handler it replaces still runs (unless it ignores SIGINT: then
  /// nothing changes). The handler is installed by the first such call and
  /// stays, passing Ctrl-C on between calls; while such calls run, a
  /// watchdog thread checks every 25 ms that it is still in place and
  /// installs it again over a handler the host set since.
  bool catchInterrupts = false;
};

/// What the engine has measured: compile stages per specialisation and
/// calls per function, as the JSON of `weft run --metrics=json:`
/// (docs/metrics.md), plus cache hits.
struct Metrics {
  int64_t compilations = 0; ///< specialisations compiled from source
  int64_t cacheHits = 0;    ///< specialisations loaded from the cache
  int64_t calls = 0;
  double compileSeconds = 0; ///< all compilations and cache loads
  double callSeconds = 0;    ///< all calls
  std::string json;          ///< everything, per function
};

namespace detail {
struct EngineState;
struct ModuleState;
struct TypedEntry;
struct EntryAccess; // the C API's prepared calls (weft_entry_create)

/// The type a typed handle's parameter or result of C++ type T has: bool,
/// a float, a double, or any other integer as Weft's int (i64).
template <typename T> constexpr DType typedDType() {
  static_assert(std::is_arithmetic_v<T>,
                "typed handles take and return bool, integers, float and "
                "double (arrays: Function::operator())");
  if constexpr (std::is_same_v<T, bool>)
    return DType::Bool;
  else if constexpr (std::is_same_v<T, float>)
    return DType::F32;
  else if constexpr (std::is_floating_point_v<T>)
    return DType::F64;
  else
    return DType::I64;
}

/// T as the bytes of its Weft type, in the low bytes of a word.
template <typename T> uint64_t typedBits(T x) {
  uint64_t v = 0;
  if constexpr (std::is_same_v<T, bool>) {
    v = x ? 1 : 0;
  } else if constexpr (std::is_same_v<T, float>) {
    static_assert(sizeof(float) == 4);
    __builtin_memcpy(&v, &x, 4);
  } else if constexpr (std::is_floating_point_v<T>) {
    double d = static_cast<double>(x);
    __builtin_memcpy(&v, &d, 8);
  } else {
    int64_t n = static_cast<int64_t>(x);
    __builtin_memcpy(&v, &n, 8);
  }
  return v;
}

/// A result of Weft type typedDType<R>() read back as R.
template <typename R> R typedResult(const uint64_t *word) {
  if constexpr (std::is_same_v<R, bool>) {
    return (*reinterpret_cast<const unsigned char *>(word) & 1) != 0;
  } else if constexpr (std::is_same_v<R, float>) {
    float x;
    __builtin_memcpy(&x, word, 4);
    return x;
  } else if constexpr (std::is_floating_point_v<R>) {
    double d;
    __builtin_memcpy(&d, word, 8);
    return static_cast<R>(d);
  } else {
    int64_t n;
    __builtin_memcpy(&n, word, 8);
    return static_cast<R>(n);
  }
}

/// Resolves (compiling if needed) the specialisation of `function` for
/// `params`, checking that it returns `result` (DType code, or -1 for
/// None); CallError naming the difference otherwise.
std::shared_ptr<TypedEntry> resolveTyped(std::shared_ptr<ModuleState> module,
                                         const std::string &function,
                                         const std::vector<DType> &params,
                                         int result);
/// For the C API's prepared calls: the same for arguments like `protos`
/// (numbers, or arrays of their dtype and rank) and whatever number (or
/// nothing: -1) the function returns, stored in `result`; CallError for
/// an array or a tuple result.
std::shared_ptr<TypedEntry> resolveEntry(std::shared_ptr<ModuleState> module,
                                         const std::string &function,
                                         const std::vector<Arg> &protos,
                                         int &result);
/// Calls a prepared entry with `n` arguments of its layout if they allow
/// a direct call (no overlap, nothing to convert or copy): the number it
/// returns is stored in `result` as typed calls store it. False, having
/// called nothing, when only Function::call can pass them.
bool callEntry(const TypedEntry &entry, const Arg *args, size_t n,
               uint64_t *result);
/// Calls a resolved specialisation: `argv` points at each parameter's
/// bytes, then at the result's; RuntimeError on a runtime error.
void invokeTyped(const TypedEntry &entry, void **argv);
} // namespace detail

template <typename Sig> class TypedFunction;

/// A function resolved once for fixed C++ argument and result types
/// (Function::typed): a call stores the arguments and jumps to the
/// compiled code, with no lookup, no lock and no allocation. Errors are
/// caught as by Function::operator() (RuntimeError).
template <typename R, typename... A> class TypedFunction<R(A...)> {
public:
  R operator()(A... args) const {
    uint64_t slots[sizeof...(A) + 1] = {detail::typedBits(args)..., 0};
    uint64_t result[1] = {0};
    void *argv[sizeof...(A) + 1];
    for (size_t i = 0; i < sizeof...(A); ++i)
      argv[i] = &slots[i];
    argv[sizeof...(A)] = result;
    detail::invokeTyped(*entry_, argv);
    if constexpr (!std::is_void_v<R>)
      return detail::typedResult<R>(result);
  }

private:
  friend class Function;
  explicit TypedFunction(std::shared_ptr<detail::TypedEntry> e)
      : entry_(std::move(e)) {}
  std::shared_ptr<detail::TypedEntry> entry_;
};

class Function {
public:
  /// Calls the function: numbers, ArrayView<T, R> and Array arguments.
  template <typename... A> Value operator()(A &&...args) const {
    std::vector<detail::Arg> v;
    v.reserve(sizeof...(A));
    (v.push_back(toArg(std::forward<A>(args))), ...);
    return call(v);
  }
  Value call(const std::vector<detail::Arg> &args) const;
  const std::string &name() const { return name_; }

  /// A handle for calls with these C++ types, e.g.
  /// `m.function("f").typed<double(double, int64_t)>()`: compiles the
  /// specialisation now (CompileError) and checks that it returns R
  /// (void for a function that returns nothing); CallError if not.
  /// Parameters and results are bool, integers (Weft's int), float (f32)
  /// and double (f64).
  template <typename Sig> TypedFunction<Sig> typed() const {
    return makeTyped(static_cast<Sig *>(nullptr));
  }

private:
  friend class Module;
  friend struct detail::EntryAccess;
  Function(std::shared_ptr<detail::ModuleState> m, std::string name)
      : module_(std::move(m)), name_(std::move(name)) {}
  template <typename T> static detail::Arg toArg(T x) {
    detail::Arg a;
    if constexpr (std::is_same_v<T, bool>) {
      a.dtype = DType::Bool;
      a.scalar.b = x;
    } else if constexpr (std::is_integral_v<T>) {
      a.dtype = DType::I64; // Python's int
      a.scalar.i64 = static_cast<int64_t>(x);
    } else if constexpr (std::is_same_v<T, float>) {
      a.dtype = DType::F32;
      a.scalar.f32 = x;
    } else if constexpr (std::is_same_v<T, std::complex<double>>) {
      a.dtype = DType::C128;
      a.scalar.c128[0] = x.real();
      a.scalar.c128[1] = x.imag();
    } else if constexpr (std::is_same_v<T, std::complex<float>>) {
      a.dtype = DType::C64;
      a.scalar.c64[0] = x.real();
      a.scalar.c64[1] = x.imag();
    } else {
      static_assert(std::is_floating_point_v<T>, "unsupported argument type");
      a.dtype = DType::F64;
      a.scalar.f64 = static_cast<double>(x);
    }
    return a;
  }
  template <typename T, int R>
  static detail::Arg toArg(const ArrayView<T, R> &view) {
    detail::Arg a;
    a.dtype = dtypeOf<std::remove_const_t<T>>();
    a.rank = R;
    a.readOnly = std::is_const_v<T>;
    a.data = const_cast<std::remove_const_t<T> *>(view.data);
    for (int d = 0; d < R; ++d) {
      a.shape[d] = view.shape[d];
      a.strides[d] = view.strides[d];
    }
    return a;
  }
  template <typename T, int R> static detail::Arg toArg(ArrayView<T, R> &view) {
    return toArg(static_cast<const ArrayView<T, R> &>(view));
  }
  static detail::Arg toArg(const Array &a) { return a.arg(); }
  static detail::Arg toArg(Array &a) { return a.arg(); }

  template <typename R, typename... A>
  TypedFunction<R(A...)> makeTyped(R (*)(A...)) const {
    int result = -1;
    if constexpr (!std::is_void_v<R>)
      result = static_cast<int>(detail::typedDType<R>());
    return TypedFunction<R(A...)>(detail::resolveTyped(
        module_, name_, {detail::typedDType<A>()...}, result));
  }

  std::shared_ptr<detail::ModuleState> module_;
  std::string name_;
};

/// Compiled source. Copies (and its Functions) share it; when the last is
/// gone its specialisations' machine code and memory are released (arrays
/// it returned stay valid: they are heap buffers).
class Module {
public:
  /// A function of the module; CallError if there is none of that name.
  Function function(const std::string &name) const;

private:
  friend class Engine;
  explicit Module(std::shared_ptr<detail::ModuleState> s)
      : state_(std::move(s)) {}
  std::shared_ptr<detail::ModuleState> state_;
};

class Engine {
public:
  explicit Engine(Options options = {});
  ~Engine();
  Engine(const Engine &) = delete;
  Engine &operator=(const Engine &) = delete;

  /// Parses and type-checks `source` (`name` is the file name shown in
  /// diagnostics); functions are compiled on their first call.
  Module compile(const std::string &source,
                 const std::string &name = "<source>");
  Module compile_file(const std::string &path);
  Metrics metrics() const;
  const Options &options() const;

private:
  std::shared_ptr<detail::EngineState> state_;
};

/// "weft 0.1.0 (LLVM/MLIR 22.x)".
std::string version();

/// Stops every running call at its next loop iteration (loops around other
/// loops and `while` loops check; code with a GPU part does not) with a
/// RuntimeError "KeyboardInterrupt: interrupted (Ctrl-C)". Safe from any
/// thread and from a signal handler. Calls that start later run normally.
void interrupt();

} // namespace weft

#endif // WEFT_WEFT_HPP
