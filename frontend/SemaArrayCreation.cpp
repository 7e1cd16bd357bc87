//===- SemaArrayCreation.cpp - Typing of creation, linalg, random ---------===//
//
// The array builtins that make arrays: creation functions with shapes and
// dtype=, np.linalg's functions and the random draws.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaBuiltinCall.h"

#include <set>

namespace weft {
namespace sema {
namespace builtin_call {

/// zeros, ones, empty, full, arange, linspace, eye, rand, randn, copy,
/// transpose, ravel, reshape: new arrays and new shapes.
std::optional<Type> checkCreation(BuiltinCall &call) {
  if (call.b == Builtin::Zeros || call.b == Builtin::Ones ||
      call.b == Builtin::Empty) {
    if (!call.arity(1, 1))
      return Type::unknown();
    if (call.emptyShape(0)) // np.zeros(()): NumPy's 0-d array, a number
      return Type::scalar(call.dtype.value_or(ScalarKind::F64));
    int rank = call.shapeRank(0);
    if (!rank)
      return Type::unknown();
    return Type::array(call.dtype.value_or(ScalarKind::F64), rank);
  }
  if (call.b == Builtin::ZerosLike || call.b == Builtin::OnesLike ||
      call.b == Builtin::EmptyLike || call.b == Builtin::FullLike) {
    bool full = call.b == Builtin::FullLike;
    if (!call.arity(full ? 2 : 1, full ? 2 : 1))
      return Type::unknown();
    if (full && !call.args[1].isScalar())
      return call.fail(call.argExprs[1]->range,
                       "full_like()'s fill value must be a number or bool");
    // Of a number: NumPy's 0-d array, which Weft holds as its number.
    if (call.args[0].isScalar())
      return Type::scalar(
          computeKind(call.dtype.value_or(call.args[0].scalarKind())));
    if (!call.needArray(0))
      return Type::unknown();
    // NumPy: the array's dtype, unless dtype= says otherwise.
    return Type::array(call.dtype.value_or(call.args[0].scalarKind()),
                       call.args[0].rank());
  }
  if (call.b == Builtin::Cumsum || call.b == Builtin::Cumprod) {
    if (!call.arity(1, 1) || !call.needArray(0))
      return Type::unknown();
    if (call.args[0].rank() != 1)
      return call.fail(call.argExprs[0]->range,
                       call.name + "() takes a 1-D array here, not " +
                           call.args[0].str() + "; flatten it with ravel()");
    // NumPy accumulates bools and small integers as i64.
    ScalarKind k = call.args[0].scalarKind();
    if (k == ScalarKind::U64)
      return call.fail(call.argExprs[0]->range,
                       call.name + "() of a uint64 array is not supported "
                                   "yet; convert it with .astype(np.int64)");
    if (k == ScalarKind::Bool || k == ScalarKind::I32 || isStorageKind(k))
      k = ScalarKind::I64;
    return Type::array(k, 1);
  }
  if (call.b == Builtin::Full) {
    if (!call.arity(2, 2))
      return Type::unknown();
    int rank = call.emptyShape(0) ? 0 : call.shapeRank(0);
    if (!rank && !call.emptyShape(0))
      return Type::unknown();
    if (!call.args[1].isScalar())
      return call.fail(call.argExprs[1]->range, "full()'s fill value must be a "
                                                "number or bool");
    ScalarKind k = call.dtype.value_or(call.args[1].scalarKind());
    return rank ? Type::array(k, rank) : Type::scalar(k);
  }
  if (call.b == Builtin::Arange) {
    if (!call.arity(1, 3))
      return Type::unknown();
    bool anyFloat = false;
    for (size_t i = 0; i < call.args.size(); ++i) {
      if (!call.args[i].isNumber())
        return call.fail(call.argExprs[i]->range,
                         "arange() arguments must be numbers");
      anyFloat |= call.args[i].isFloat();
    }
    return Type::array(
        call.dtype.value_or(anyFloat ? ScalarKind::F64 : ScalarKind::I64), 1);
  }
  if (call.b == Builtin::Linspace) {
    if (!call.arity(3, 3))
      return Type::unknown();
    if (!call.args[0].isNumber() || !call.args[1].isNumber() ||
        !call.args[2].isInt())
      return call.fail(call.c->range,
                       "linspace(start, stop, n) takes two numbers and "
                       "an integer count");
    return Type::array(ScalarKind::F64, 1);
  }
  if (call.b == Builtin::Eye) {
    if (!call.arity(1, 1))
      return Type::unknown();
    if (!call.args[0].isInt())
      return call.fail(call.argExprs[0]->range, "eye(n) takes an integer size");
    return Type::array(call.dtype.value_or(ScalarKind::F64), 2);
  }
  if (call.b == Builtin::Transpose) {
    // transpose(a), transpose(a, (1, 0, 2)), a.transpose(1, 0, 2).
    if (!call.needArray(0))
      return Type::unknown();
    if (!transposeAxes(call.argExprs, call.args[0].rank()))
      return call.fail(call.c->range,
                       "transpose()'s axes are each axis of the " +
                           std::to_string(call.args[0].rank()) +
                           "-D array once, as integer literals, such as "
                           "transpose(a, (1, 0, 2))");
    return call.args[0];
  }
  if (call.b == Builtin::Copy && call.args.size() == 1 &&
      call.args[0].isTuple()) {
    // np.array(a.shape), np.array((x, y)): a 1-D array of the numbers;
    // np.array(((i, j), (k, l))): tuples of one shape nested, an array
    // of that many axes.
    std::vector<int64_t> shape;
    if (nestedTupleShape(call.args[0], shape) && shape.size() > 1) {
      std::optional<ScalarKind> k;
      std::function<void(const Type &)> leaves = [&](const Type &t) {
        if (t.isScalar()) {
          k = k ? promote(*k, t.scalarKind()) : t.scalarKind();
          return;
        }
        for (const Type &e : t.elems())
          leaves(e);
      };
      leaves(call.args[0]);
      if (shape.size() > static_cast<size_t>(kMaxRank))
        return call.fail(call.argExprs[0]->range,
                         "np.array() of these tuples would have more than "
                         "the " +
                             std::to_string(kMaxRank) + " axes an array has");
      return Type::array(call.dtype ? *call.dtype : *k,
                         static_cast<int>(shape.size()));
    }
    std::optional<ScalarKind> k;
    for (const Type &e : call.args[0].elems()) {
      if (!e.isScalar() || e.isComplex())
        return call.fail(call.argExprs[0]->range,
                         "np.array() of a tuple takes a tuple of real "
                         "numbers, not " +
                             call.args[0].str());
      k = k ? promote(*k, e.scalarKind()) : e.scalarKind();
    }
    if (!k)
      return call.fail(call.argExprs[0]->range,
                       "np.array(()) of an empty tuple has no element type; "
                       "use np.zeros(0)");
    return Type::array(call.dtype ? *call.dtype : *k, 1);
  }
  if (call.b == Builtin::Copy && call.args.size() == 1 &&
      call.args[0].isTupleList()) {
    // np.array(lst) of a list of tuples of numbers: one row per tuple.
    std::optional<ScalarKind> k;
    for (const Type &e : call.args[0].elems()) {
      // (each field is the list of the tuples' values there)
      if (!e.isArray() || e.rank() != 1 || e.isComplex())
        return call.fail(call.argExprs[0]->range,
                         "np.array() of a list of tuples takes tuples of "
                         "real numbers, not " +
                             call.args[0].str());
      k = k ? promote(*k, e.scalarKind()) : e.scalarKind();
    }
    return Type::array(call.dtype ? *call.dtype : *k, 2);
  }
  if (call.b == Builtin::Copy && call.args.size() == 1 &&
      call.args[0].isRagged() && !call.args[0].isComplex()) {
    // np.array(lst) of a list of lists (or of arrays) of one shape: an
    // array with one more axis (a ValueError at run time when the shapes
    // differ).
    if (call.args[0].raggedRowRank() >= kMaxRank)
      return call.fail(call.argExprs[0]->range,
                       "np.array() of this list would have more than the " +
                           std::to_string(kMaxRank) + " axes an array has");
    return Type::array(call.dtype ? *call.dtype : call.args[0].scalarKind(),
                       call.args[0].raggedRowRank() + 1);
  }
  if (call.b == Builtin::Copy || call.b == Builtin::Ravel) {
    if (!call.arity(1, 1) || !call.needArray(0))
      return Type::unknown();
    if (call.b == Builtin::Copy && call.dtype)
      return Type::array(*call.dtype, call.args[0].rank());
    return call.b == Builtin::Ravel ? Type::array(call.args[0].scalarKind(), 1)
                                    : call.args[0];
  }
  if (call.b == Builtin::Reshape) {
    if (!call.arity(2, 2) || !call.needArray(0))
      return Type::unknown();
    int rank = call.shapeRank(1);
    if (!rank)
      return Type::unknown();
    return Type::array(call.args[0].scalarKind(), rank);
  }
  return std::nullopt;
}

/// np.linalg's solve(a, b), inv(a), det(a), cholesky(a): `a` a 2-D
/// matrix; f32 stays f32, complex is complex128, the rest computes in
/// f64.
std::optional<Type> checkLinalg(BuiltinCall &call) {
  size_t n = call.b == Builtin::Solve ? 2 : 1;
  if (!call.arity(n, n))
    return Type::unknown();
  bool f32 = true, complex = false;
  for (size_t i = 0; i < n; ++i) {
    if (!call.needArray(i))
      return Type::unknown();
    const Type &t = call.args[i];
    complex |= isComplexKind(t.scalarKind());
    f32 &= complexPartKind(t.scalarKind()) == ScalarKind::F32;
  }
  if (call.args[0].rank() != 2)
    return call.fail(call.argExprs[0]->range,
                     call.name + "() takes a 2-D matrix, not " +
                         call.args[0].str());
  if (n == 2 && call.args[1].rank() > 2)
    return call.fail(call.argExprs[1]->range,
                     "solve() takes a 1-D or 2-D right side, not " +
                         call.args[1].str());
  ScalarKind k = f32 ? ScalarKind::F32 : ScalarKind::F64;
  if (complex)
    k = complexKindOf(k);
  if (call.b == Builtin::Det)
    return Type::scalar(k);
  return Type::array(k, n == 2 ? call.args[1].rank() : 2);
}

/// The random draws: rand/randn (a number, a shape, or NumPy's sizes one
/// by one), random(size), randint(low, high=None, size=None),
/// uniform(low, high, size), normal(loc, scale, size),
/// exponential(scale, size), standard_normal(size); without a size (or
/// with None) one number.
std::optional<Type> checkRandomDraw(BuiltinCall &call) {
  Builtin b = call.b;
  std::vector<Type> &args = call.args;
  if (b == Builtin::Rand || b == Builtin::Randn) {
    if (args.empty())
      return Type::f64();
    if (args.size() == 1) {
      int rank = call.shapeRank(0);
      return rank ? Type::array(ScalarKind::F64, rank) : Type::unknown();
    }
    if (args.size() > static_cast<size_t>(kMaxRank))
      return call.fail(call.c->range, "arrays have at most 8 dimensions");
    for (size_t i = 0; i < args.size(); ++i)
      if (!args[i].isInt())
        return call.fail(call.argExprs[i]->range,
                         call.name +
                             "(d0, d1, ...) takes integer sizes, "
                             "not " +
                             args[i].str());
    return Type::array(ScalarKind::F64, static_cast<int>(args.size()));
  }
  size_t params = b == Builtin::Random || b == Builtin::StandardNormal ? 1
                  : b == Builtin::Exponential                          ? 2
                                                                       : 3;
  if (!call.arity(b == Builtin::Randint ? 1 : 0, params))
    return Type::unknown();
  size_t sizeAt = params - 1;
  for (size_t i = 0; i < sizeAt && i < args.size(); ++i) {
    if (b == Builtin::Randint) {
      if (!args[i].isInt() && !(i == 1 && args[i].isNone()))
        return call.fail(call.argExprs[i]->range,
                         "randint() takes integers, not " + args[i].str());
    } else if (!args[i].isNumber()) {
      return call.fail(call.argExprs[i]->range,
                       call.name +
                           "() takes numbers for its parameters, "
                           "not " +
                           args[i].str() +
                           " (arrays of parameters are not supported yet)");
    }
  }
  ScalarKind k = b == Builtin::Randint ? ScalarKind::I64 : ScalarKind::F64;
  if (sizeAt >= args.size() || args[sizeAt].isNone())
    return Type::scalar(k);
  int rank = call.shapeRank(sizeAt);
  return rank ? Type::array(k, rank) : Type::unknown();
}

} // namespace builtin_call
} // namespace sema
} // namespace weft
