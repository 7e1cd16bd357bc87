//===- RuntimeFunctionsCheck.cpp - C declarations match the ABI table -----===//
//
// Compile-time checks that every function and variable of
// RuntimeFunctions.def is declared in C with the signature the compiler
// calls it with: a mismatch is a build error here, not a wrong call at run
// time.
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeFunctions.h"

#include "runtime/ErrorRecord.h"
#include "runtime/Metrics.h"
#include "runtime/NpyIO.h"
#include "runtime/RuntimeABI.h"

#include <type_traits>

namespace weft {
namespace abi {
namespace {

/// The ABI type of a C type; Ptr for every pointer, I64 for every 64-bit
/// integer (int64_t, uint64_t, size_t), I32 for every 32-bit one.
template <typename T> constexpr int typeOf() {
  if constexpr (std::is_void_v<T>)
    return static_cast<int>(Type::Void);
  else if constexpr (std::is_pointer_v<T>)
    return static_cast<int>(Type::Ptr);
  else if constexpr (std::is_same_v<T, float>)
    return static_cast<int>(Type::F32);
  else if constexpr (std::is_same_v<T, double>)
    return static_cast<int>(Type::F64);
  else if constexpr (std::is_integral_v<T> && sizeof(T) == 8)
    return static_cast<int>(Type::I64);
  else if constexpr (std::is_integral_v<T> && sizeof(T) == 4)
    return static_cast<int>(Type::I32);
  else
    return -1; // no ABI type: never matches
}

template <typename R, typename... A>
constexpr bool matches(R (*)(A...), const FunctionInfo &f) {
  const int actual[] = {typeOf<A>()..., 0};
  if (typeOf<R>() != static_cast<int>(f.result) ||
      sizeof...(A) != f.numParameters)
    return false;
  for (unsigned i = 0; i < f.numParameters; ++i)
    if (actual[i] != static_cast<int>(f.parameters[i]))
      return false;
  return true;
}

#define WEFT_RT_FUNCTION(name, result, parameters)                             \
  static_assert(matches(&::name, info(Function::name)),                        \
                #name " is declared with another signature than "              \
                      "RuntimeFunctions.def gives");
#define WEFT_RT_VARIABLE(name, type)                                           \
  static_assert(typeOf<decltype(::name)>() == static_cast<int>(Type::type),    \
                #name " is declared with another type than "                   \
                      "RuntimeFunctions.def gives");
#include "runtime/RuntimeFunctions.def"

} // namespace
} // namespace abi
} // namespace weft
