//===- Builtins.h - Builtin functions as an enum ---------------*- C++ -*-===//
//
// The `Builtin` enum (one enumerator per entry of Builtins.def), lookup by
// name and the properties the type checker and MLIRGen ask about.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_BUILTINS_H
#define WEFT_FRONTEND_BUILTINS_H

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weft {

enum class Builtin : uint8_t {
#define WEFT_BUILTIN(Id, Name, Kind) Id,
#include "frontend/Builtins.def"
};

/// How a builtin is used (see Builtins.def).
enum class BuiltinKind : uint8_t {
  Function,
  Math,
  Constant,
  Kernel,
  Method,
  Transform
};

/// The builtin called `name` of any kind; none if there is none.
std::optional<Builtin> lookupBuiltin(std::string_view name);
/// The name as the program writes it ("bench_work").
const char *builtinName(Builtin b);
BuiltinKind builtinKind(Builtin b);
/// Unary elementwise math (sqrt, sin, floor, ...).
inline bool isUnaryMath(Builtin b) {
  return builtinKind(b) == BuiltinKind::Math;
}
/// Whether `b` is one of `set`.
inline bool builtinIn(std::optional<Builtin> b,
                      std::initializer_list<Builtin> set) {
  if (!b)
    return false;
  for (Builtin s : set)
    if (*b == s)
      return true;
  return false;
}
/// isnan, isinf, isfinite: a bool per number.
inline bool isFloatTest(Builtin b) {
  return builtinIn(b, {Builtin::Isnan, Builtin::Isinf, Builtin::Isfinite});
}
/// atan2, hypot, copysign, fmod: a float of two numbers.
inline bool isBinaryFloatMath(Builtin b) {
  return builtinIn(b, {Builtin::Atan2, Builtin::Hypot, Builtin::Copysign,
                       Builtin::Fmod, Builtin::Nextafter});
}
/// real, imag, conj, conjugate, angle: the parts of complex numbers (of
/// real ones too), elementwise on arrays.
inline bool isComplexPart(Builtin b) {
  return builtinIn(b, {Builtin::Real, Builtin::Imag, Builtin::Conj,
                       Builtin::Conjugate, Builtin::Angle});
}
/// The random draws: rand, randn, random, randint, uniform, normal,
/// standard_normal, exponential (seed excluded).
inline bool isRandomDraw(std::optional<Builtin> b) {
  return builtinIn(b, {Builtin::Rand, Builtin::Randn, Builtin::Random,
                       Builtin::Randint, Builtin::Uniform, Builtin::Normal,
                       Builtin::StandardNormal, Builtin::Exponential});
}
/// np.linalg's solve, inv, det and cholesky.
inline bool isLinalg(std::optional<Builtin> b) {
  return builtinIn(
      b, {Builtin::Solve, Builtin::Inv, Builtin::Det, Builtin::Cholesky});
}
/// The calls a list's append, extend, pop, insert, remove, clear and
/// reverse become (weft.list_append, ...; DesugarListMethods.h).
inline bool isListMethod(std::optional<Builtin> b) {
  return builtinIn(b,
                   {Builtin::ListAppend, Builtin::ListExtend, Builtin::ListLast,
                    Builtin::ListDrop, Builtin::ListAt, Builtin::ListPopAt,
                    Builtin::ListInsert, Builtin::ListRemove,
                    Builtin::ListClear, Builtin::ListReverse});
}
/// The calls a row's append, extend, pop and clear become
/// (weft.row_append, ...; DesugarListMethods.h).
inline bool isRowMethod(std::optional<Builtin> b) {
  return builtinIn(b, {Builtin::RowAppend, Builtin::RowExtend, Builtin::RowLast,
                       Builtin::RowDrop, Builtin::RowClear});
}
/// The math functions of complex numbers too (cmath's, NumPy's on
/// complex128): sqrt, exp, log, sin, cos, tan, tanh.
inline bool isComplexMath(Builtin b) {
  return builtinIn(b, {Builtin::Sqrt, Builtin::Exp, Builtin::Log, Builtin::Sin,
                       Builtin::Cos, Builtin::Tan, Builtin::Tanh, Builtin::Sinh,
                       Builtin::Cosh});
}
/// Whether a program may use `name` without defining it: a function,
/// math function, constant or kernel builtin (not a method or transform).
bool isBuiltinName(const std::string &name);
/// All of those names (for completion).
std::vector<std::string> builtinNames();
/// Whether `name` is `b`'s name.
inline bool isBuiltinNamed(std::string_view name, Builtin b) {
  return name == builtinName(b);
}

} // namespace weft

#endif // WEFT_FRONTEND_BUILTINS_H
