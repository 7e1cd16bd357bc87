//===- SemaBuiltinCall.h - A builtin call being typed -----------*- C++ -*-===//
//
// What SemaArrayBuiltins.cpp and SemaArrayCreation.cpp share: the call of
// an array builtin being typed (its arguments, keywords and common
// checks) and the kinds its results take.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_SEMABUILTINCALL_H
#define WEFT_FRONTEND_SEMABUILTINCALL_H

#include "frontend/SemaImpl.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace weft {
namespace sema {
namespace builtin_call {

inline bool isReduction(Builtin b) {
  return builtinIn(b,
                   {Builtin::Sum, Builtin::Prod, Builtin::Min, Builtin::Max,
                    Builtin::Mean, Builtin::Var, Builtin::Std, Builtin::Argmin,
                    Builtin::Argmax, Builtin::Any, Builtin::All});
}

/// Float kind of a math result: f32 stays f32, everything else is f64.
inline ScalarKind floatKind(ScalarKind k) {
  return k == ScalarKind::F32 ? ScalarKind::F32 : ScalarKind::F64;
}

/// Float kind of elementwise math on an array, as NumPy's loops pick it:
/// f32 for f32 and 16-bit integers, f64 otherwise; 8-bit integers, which
/// NumPy gives float16, give f32 as under Numba (which lacks float16 too).
inline ScalarKind mathFloatKind(ScalarKind k) {
  return k == ScalarKind::F32 || k == ScalarKind::I16 || k == ScalarKind::U16 ||
                 k == ScalarKind::I8 || k == ScalarKind::U8
             ? ScalarKind::F32
             : ScalarKind::F64;
}

inline int rankOf(const Type &t) { return t.isArray() ? t.rank() : 0; }

inline Type makeType(ScalarKind k, int rank) {
  return rank ? Type::array(k, rank) : Type::scalar(k);
}
/// A builtin call being typed: its arguments, keywords and the checks
/// every case shares.
struct BuiltinCall {
  DiagnosticEngine &diags;
  const CallExpr *c;
  Builtin b;
  std::string name;
  std::vector<Type> &args;
  const std::vector<const Expr *> &argExprs;
  std::function<bool(size_t, size_t)> arity;
  std::optional<ScalarKind> dtype;
  std::optional<int64_t> axis;
  const Expr *axisExpr = nullptr;
  /// Code compiled from Python: where a float takes part, operands
  /// promote as Numba types them (promoteNumba).
  bool numbaTyping = false;

  std::optional<Type> fail(SourceRange r, const std::string &msg) {
    diags.error(r, msg);
    return Type::unknown();
  }
  bool needArray(size_t i) {
    if (args[i].isArray())
      return true;
    diags.error(argExprs[i]->range,
                name + "() needs an array, not " + args[i].str());
    return false;
  }
  bool needNumeric(size_t i) {
    if (args[i].isScalar() || args[i].isArray())
      return true;
    diags.error(argExprs[i]->range,
                name + "() needs numbers or arrays, not " + args[i].str());
    return false;
  }
  /// Whether argument `i` is the empty shape `()` (a.shape[1:] of a 1-D
  /// array).
  bool emptyShape(size_t i) const {
    return args[i].isTuple() && args[i].elems().empty();
  }
  /// The rank of a shape argument: an int or a tuple of 1 to 8 ints; 0
  /// (reported) otherwise.
  int shapeRank(size_t i) {
    const Type &s = args[i];
    if (s.isInt())
      return 1;
    if (s.isTuple() && !s.elems().empty() && s.elems().size() <= kMaxRank &&
        std::all_of(s.elems().begin(), s.elems().end(),
                    [](const Type &e) { return e.isInt(); }))
      return static_cast<int>(s.elems().size());
    diags.error(argExprs[i]->range,
                "a shape is an int or a tuple of 1 to 8 ints, not " + s.str());
    return 0;
  }
};

/// zeros, ones, empty, full, arange, linspace, eye, rand, randn, copy,
/// transpose, ravel, reshape: new arrays and new shapes.
std::optional<Type> checkCreation(BuiltinCall &call);
/// np.linalg's functions: a 2-D matrix; f32 stays f32, complex is
/// complex128, the rest computes in f64.
std::optional<Type> checkLinalg(BuiltinCall &call);
/// The random draws (rand, randn, random, randint, uniform, normal,
/// exponential, standard_normal), with or without a size.
std::optional<Type> checkRandomDraw(BuiltinCall &call);

} // namespace builtin_call
} // namespace sema
} // namespace weft

#endif // WEFT_FRONTEND_SEMABUILTINCALL_H
