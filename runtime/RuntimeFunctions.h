//===- RuntimeFunctions.h - The runtime ABI as data ------------*- C++ -*-===//
//
// RuntimeFunctions.def as a table the compiler declares functions from and
// the runtime checks its C declarations against (RuntimeFunctionsCheck.cpp).
// Header-only, with no dependency on LLVM or on the runtime's code.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_RUNTIMEFUNCTIONS_H
#define WEFT_RUNTIME_RUNTIMEFUNCTIONS_H

#include <cstddef>
#include <initializer_list>

namespace weft {
namespace abi {

/// The types of the C ABI between generated code and the runtime.
enum class Type { Void, I32, I64, F32, F64, Ptr };

/// A runtime function generated code calls, named as in C.
enum class Function {
#define WEFT_RT_FUNCTION(name, result, parameters) name,
#include "runtime/RuntimeFunctions.def"
};

/// The name and signature of a runtime function.
struct FunctionInfo {
  static constexpr unsigned kMaxParameters = 8;
  const char *name = nullptr;
  Type result = Type::Void;
  Type parameters[kMaxParameters] = {};
  unsigned numParameters = 0;

  constexpr FunctionInfo(const char *name, Type result,
                         std::initializer_list<Type> parameters)
      : name(name), result(result) {
    for (Type t : parameters)
      this->parameters[numParameters++] = t;
  }
};

namespace detail {
// The type names RuntimeFunctions.def writes.
constexpr Type Void = Type::Void, I32 = Type::I32, I64 = Type::I64,
               F32 = Type::F32, F64 = Type::F64, Ptr = Type::Ptr;
#define WEFT_ABI_UNPAREN(...) __VA_ARGS__
inline constexpr FunctionInfo kFunctions[] = {
#define WEFT_RT_FUNCTION(name, result, parameters)                             \
  FunctionInfo(#name, result, {WEFT_ABI_UNPAREN parameters}),
#include "runtime/RuntimeFunctions.def"
};
#undef WEFT_ABI_UNPAREN
} // namespace detail

/// The entry of `f` in RuntimeFunctions.def.
constexpr const FunctionInfo &info(Function f) {
  return detail::kFunctions[static_cast<size_t>(f)];
}

} // namespace abi
} // namespace weft

#endif // WEFT_RUNTIME_RUNTIMEFUNCTIONS_H
