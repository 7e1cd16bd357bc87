//===- SemaArrayBuiltins.cpp - Typing of the array builtins ---------------===//
//
// NumPy's array functions, elementwise math with broadcasting, reductions
// with axis=, histograms, .npy I/O and the array methods (a.astype(f32),
// a.sum(axis=0), ...); creation, linear algebra and random draws are in
// SemaArrayCreation.cpp.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"
#include "frontend/SemaBuiltinCall.h"
#include "frontend/SemaImpl.h"

#include <set>

#include <algorithm>
#include <functional>

namespace weft {
namespace sema {

using namespace builtin_call;

namespace {

/// NumPy's array functions: concatenate, stack, unique, median,
/// percentile, quantile, searchsorted, digitize, diff, flip, sort,
/// argsort.
std::optional<Type> checkNumpyFunction(BuiltinCall &call) {
  bool joins = builtinIn(
      call.b, {Builtin::Hstack, Builtin::Vstack, Builtin::ColumnStack});
  if (call.b == Builtin::Concatenate || call.b == Builtin::Stack || joins) {
    // concatenate((a, b, ...), axis=k): one tuple of arrays of one rank;
    // stack: along a new axis k. hstack, vstack and column_stack are
    // concatenations along axis 1, 0 and 1 of their arrays, 1-D ones
    // taken as one row (vstack) or one column (column_stack) each.
    if (!call.arity(1, 1))
      return Type::unknown();
    const Type &parts = call.args[0];
    if (!parts.isTuple() || parts.elems().empty())
      return call.fail(call.argExprs[0]->range,
                       call.name + "() takes a tuple of arrays, such as " +
                           call.name + "((a, b)), not " + parts.str());
    int rank = 0;
    ScalarKind k = ScalarKind::Bool;
    // vstack and column_stack take 1-D and 2-D arrays together.
    bool mixes = joins && call.b != Builtin::Hstack;
    for (size_t i = 0; i < parts.elems().size(); ++i) {
      const Type &p = parts.elems()[i];
      bool fits = p.isArray() && (!i || p.rank() == rank ||
                                  (mixes && p.rank() <= 2 && rank <= 2));
      if (!fits)
        return call.fail(call.argExprs[0]->range,
                         call.name + "() joins arrays of one rank" +
                             (mixes ? " (or 1-D and 2-D ones)" : "") +
                             ", not " + parts.str());
      rank = std::max(rank, p.rank());
      k = i ? promote(k, p.scalarKind()) : p.scalarKind();
    }
    if (joins)
      return Type::array(k,
                         call.b == Builtin::Hstack ? rank : std::max(rank, 2));
    int resultRank = call.b == Builtin::Stack ? rank + 1 : rank;
    if (resultRank > kMaxRank)
      return call.fail(call.argExprs[0]->range,
                       "stack() of " + std::to_string(rank) +
                           "-D arrays would have 9 axes; Weft arrays have at "
                           "most 8");
    int64_t axis = call.axis.value_or(0);
    if (axis < -resultRank || axis >= resultRank)
      return call.fail(call.axisExpr->range,
                       "axis " + std::to_string(axis) +
                           " is out of range for a result of rank " +
                           std::to_string(resultRank));
    return Type::array(k, resultRank);
  }
  if (call.b == Builtin::Triu || call.b == Builtin::Tril) {
    // triu(m, k=0) / tril(m, k=0): m with the elements below (above) the
    // k-th diagonal of its last two axes zeroed.
    if (!call.arity(1, 2) || !call.needArray(0))
      return Type::unknown();
    if (call.args[0].rank() < 2)
      return call.fail(call.argExprs[0]->range,
                       call.name +
                           "() needs an array of 2 or more axes, "
                           "not " +
                           call.args[0].str());
    if (call.args.size() == 2 && !call.args[1].isInt())
      return call.fail(call.argExprs[1]->range,
                       call.name + "()'s diagonal k is an integer, not " +
                           call.args[1].str());
    return call.args[0];
  }
  if (call.b == Builtin::Unique) {
    // The sorted distinct elements of every element, a 1-D array.
    if (!call.arity(1, 1) || !call.needArray(0))
      return Type::unknown();
    return Type::array(call.args[0].scalarKind(), 1);
  }
  if (builtinIn(call.b,
                {Builtin::Median, Builtin::Percentile, Builtin::Quantile})) {
    // Of all elements (no axis= yet), NumPy's linear interpolation.
    size_t n = call.b == Builtin::Median ? 1 : 2;
    if (!call.arity(n, n) || !call.needArray(0))
      return Type::unknown();
    if (n == 2 && !call.args[1].isNumber())
      return call.fail(call.argExprs[1]->range,
                       call.name + "() takes one number q here, not " +
                           call.args[1].str());
    return Type::scalar(floatKind(call.args[0].scalarKind()));
  }
  if (call.b == Builtin::Searchsorted || call.b == Builtin::Digitize) {
    // searchsorted(a, v, side=...): positions in the sorted 1-D `a`;
    // digitize(x, bins, right=...): bin numbers of increasing bins.
    bool search = call.b == Builtin::Searchsorted;
    if (!call.arity(2, 2) || !call.needNumeric(0) || !call.needNumeric(1))
      return Type::unknown();
    size_t sorted = search ? 0 : 1;
    if (!call.args[sorted].isArray() || call.args[sorted].rank() != 1)
      return call.fail(call.argExprs[sorted]->range,
                       call.name +
                           "() needs a 1-D array of sorted values "
                           "here, not " +
                           call.args[sorted].str());
    return makeType(ScalarKind::I64, rankOf(call.args[search ? 1 : 0]));
  }
  if (call.b == Builtin::Diff) {
    // diff(a): a[..., 1:] - a[..., :-1] (NumPy's n=1, axis=-1).
    if (!call.arity(1, 1) || !call.needArray(0))
      return Type::unknown();
    if (call.args[0].scalarKind() == ScalarKind::Bool)
      return call.fail(call.argExprs[0]->range,
                       "diff() of bools is not supported; convert with "
                       ".astype(i64)");
    if (call.axis && *call.axis != -1 && *call.axis != call.args[0].rank() - 1)
      return call.fail(call.axisExpr->range,
                       "diff() works along the last axis only (axis=-1)");
    return call.args[0];
  }
  if (call.b == Builtin::UnravelIndex) {
    // unravel_index(k, shape): the index tuple of flat index k in a
    // C-order array of that shape (always a tuple, as NumPy's).
    if (!call.arity(2, 2))
      return Type::unknown();
    if (!call.args[0].isInt())
      return call.fail(call.argExprs[0]->range,
                       "unravel_index() takes an integer index, not " +
                           call.args[0].str());
    if (call.emptyShape(1)) // the one index () of a 0-d shape
      return Type::tuple({});
    int rank = call.shapeRank(1);
    if (!rank)
      return Type::unknown();
    return Type::tuple(std::vector<Type>(rank, Type::i64()));
  }
  if (call.b == Builtin::Flip) {
    // A view with every axis reversed (NumPy's flip without axis=); of a
    // list of tuples (sorted(lst, reverse=True)), a reversed copy.
    if (call.args.size() == 1 && call.args[0].isTupleList() &&
        call.args[0].listDepth() == 1)
      return call.args[0];
    if (!call.arity(1, 1) || !call.needArray(0))
      return Type::unknown();
    return call.args[0];
  }
  if (call.b == Builtin::Sort && call.args.size() == 1 &&
      call.args[0].isTupleList() && call.args[0].listDepth() == 1) {
    if (call.args[0].tupleListHoldsArrays())
      return call.fail(call.argExprs[0]->range,
                       "sorting a list of tuples holding arrays is not "
                       "supported (Python compares the arrays); sort the "
                       "positions by a number of each tuple instead");
    return call.args[0]; // tuples in Python's order (field by field)
  }
  if (call.b == Builtin::Sort || call.b == Builtin::Argsort) {
    if (!call.arity(1, 1) || !call.needArray(0))
      return Type::unknown();
    int rank = call.args[0].rank();
    if (call.axis && *call.axis != -1 && *call.axis != rank - 1)
      return call.fail(call.axisExpr->range,
                       call.name + "() sorts along the last axis only "
                                   "(axis=-1); sort a transpose for another "
                                   "axis");
    return Type::array(call.b == Builtin::Sort ? call.args[0].scalarKind()
                                               : ScalarKind::I64,
                       rank);
  }
  return std::nullopt;
}

/// sum, prod, min, max, mean, var, std, argmin, argmax, any, all of an
/// array, with axis=.
std::optional<Type> checkReduction(BuiltinCall &call) {
  bool twoScalars = (call.b == Builtin::Min || call.b == Builtin::Max) &&
                    !(call.args.size() == 1 && call.args[0].isArray());
  if (twoScalars)
    return std::nullopt; // Python's min/max of numbers
  if ((call.b == Builtin::Sum || call.b == Builtin::Prod) &&
      call.args.size() == 1 && !call.axis) {
    // sum/prod of a number or a tuple of numbers (np.prod(a.shape)); of
    // the empty tuple (a.shape[1:] of a 1-D array), 0.0 and 1.0 (NumPy's
    // empty array is of floats).
    const Type &a = call.args[0];
    std::vector<Type> parts = a.isTuple() ? a.elems() : std::vector<Type>{a};
    if (a.isTuple() && parts.empty())
      return Type::f64();
    if (!parts.empty() &&
        std::all_of(parts.begin(), parts.end(),
                    [](const Type &p) { return p.isScalar(); })) {
      ScalarKind k = parts[0].scalarKind();
      for (const Type &p : parts)
        k = promote(k, p.scalarKind());
      return Type::scalar(
          k == ScalarKind::Bool || k == ScalarKind::I32 ? ScalarKind::I64 : k);
    }
  }
  if (!call.arity(1, 1) || !call.needArray(0))
    return Type::unknown();
  const Type &a = call.args[0];
  ScalarKind k = a.scalarKind();
  ScalarKind rk = k;
  if (call.b == Builtin::Sum || call.b == Builtin::Prod)
    rk = (k == ScalarKind::Bool || k == ScalarKind::I32 || isStorageKind(k))
             ? ScalarKind::I64
             : k;
  // Python's sum(a) starts from the int 0, and Numba adds each element to
  // it: an int64 plus a float32 is a float64 (np.sum(a) stays float32).
  auto *callee = call.c->callee->dyn<NameExpr>();
  if (call.b == Builtin::Sum && call.numbaTyping && callee &&
      !callee->qualified && k == ScalarKind::F32)
    rk = ScalarKind::F64;
  else if (call.b == Builtin::Mean && isComplexKind(k))
    rk = k;
  else if (call.b == Builtin::Mean || call.b == Builtin::Var ||
           call.b == Builtin::Std)
    rk = floatKind(k);
  else if (call.b == Builtin::Argmin || call.b == Builtin::Argmax)
    rk = ScalarKind::I64;
  else if (call.b == Builtin::Any || call.b == Builtin::All)
    rk = ScalarKind::Bool;
  if (!call.axis)
    return Type::scalar(computeKind(rk)); // no scalar has a storage kind
  if (*call.axis < -a.rank() || *call.axis >= a.rank())
    return call.fail(call.axisExpr->range,
                     "axis " + std::to_string(*call.axis) +
                         " is out of range for a " + a.str());
  return makeType(rk, a.rank() - 1);
}

/// Elementwise math: unary functions, abs, isnan, isinf, isfinite, atan2,
/// hypot, copysign, fmod, pow, minimum, maximum, where, clip (broadcasting).
std::optional<Type> checkElementwise(BuiltinCall &call) {
  if (isComplexPart(call.b)) {
    // NumPy's: real/imag/angle of complex numbers are floats; conj keeps
    // the type; of real numbers, real and conj are the number, imag 0
    // and angle 0 or pi.
    if (!call.arity(1, 1) || !call.needNumeric(0))
      return Type::unknown();
    const Type &a = call.args[0];
    ScalarKind k = a.scalarKind();
    if (k == ScalarKind::Bool)
      return call.fail(call.argExprs[0]->range,
                       call.name + "() needs numbers, not bools");
    bool conj = call.b == Builtin::Conj || call.b == Builtin::Conjugate;
    if (call.b == Builtin::Angle)
      k = k == ScalarKind::C64 ? ScalarKind::F32 : ScalarKind::F64;
    else if (isComplexKind(k) && !conj)
      k = complexPartKind(k);
    return makeType(k, rankOf(a));
  }
  if (isUnaryMath(call.b) || call.b == Builtin::Abs ||
      call.b == Builtin::Sign || isFloatTest(call.b)) {
    if (!call.arity(1, 1))
      return Type::unknown();
    if (!call.args[0].isArray())
      return isFloatTest(call.b)
                 ? std::optional<Type>(Type::boolean())
                 : std::nullopt; // scalar math, typed in SemaBuiltins.cpp
    ScalarKind k = call.args[0].scalarKind();
    if (k == ScalarKind::Bool && !isFloatTest(call.b))
      return call.fail(call.argExprs[0]->range,
                       call.name + "() needs numbers, not bools");
    if (isFloatTest(call.b))
      return Type::array(ScalarKind::Bool, call.args[0].rank());
    if (call.b == Builtin::Abs) // |z| of complex numbers is a float
      return isComplexKind(k)
                 ? Type::array(complexPartKind(k), call.args[0].rank())
                 : call.args[0];
    if (call.b == Builtin::Sign) // -1, 0 or 1 of the array's type
      return isComplexKind(k)
                 ? call.fail(call.argExprs[0]->range,
                             "sign() of complex numbers is not supported")
                 : call.args[0];
    if (isComplexKind(k)) // cmath's functions (isComplexMath)
      return call.args[0];
    return Type::array(mathFloatKind(k), call.args[0].rank());
  }
  if (isBinaryFloatMath(call.b) || call.b == Builtin::Pow ||
      call.b == Builtin::Minimum || call.b == Builtin::Maximum) {
    if (!call.arity(2, 2) || !call.needNumeric(0) || !call.needNumeric(1))
      return Type::unknown();
    ScalarKind k =
        promoteWeak(call.args[0].scalarKind(), isLiteral(call.argExprs[0]),
                    call.args[1].scalarKind(), isLiteral(call.argExprs[1]));
    if (call.numbaTyping &&
        numbaPromotes(call.args[0].scalarKind(), call.args[1].scalarKind()))
      k = promoteNumba(call.args[0].scalarKind(), call.args[0].isArray(),
                       call.args[1].scalarKind(), call.args[1].isArray());
    if (isBinaryFloatMath(call.b))
      k = isStorageKind(k) ? mathFloatKind(k) : floatKind(k);
    else if (k == ScalarKind::Bool)
      k = ScalarKind::I64;
    return makeType(k, std::max(rankOf(call.args[0]), rankOf(call.args[1])));
  }
  if (call.b == Builtin::Around || call.b == Builtin::Round) {
    // NumPy's round half to even, at `decimals` digits; Python's round(x)
    // of a float number is an int.
    if (!call.arity(1, 2) || !call.needNumeric(0))
      return Type::unknown();
    ScalarKind k = call.args[0].scalarKind();
    if (k == ScalarKind::Bool)
      return call.fail(call.argExprs[0]->range,
                       call.name + "() needs numbers, not bools");
    if (call.args.size() == 2 && !call.args[1].isInt())
      return call.fail(call.argExprs[1]->range,
                       call.name +
                           "()'s decimals must be an integer number, "
                           "not " +
                           call.args[1].str());
    bool isInt = k == ScalarKind::I32 || k == ScalarKind::I64;
    if (isInt && call.args.size() == 2)
      return call.fail(call.argExprs[1]->range,
                       call.name + "() of integers takes no decimals yet");
    if (call.b == Builtin::Round && call.args.size() == 1 &&
        !call.args[0].isArray())
      return Type::i64();
    return makeType(k, rankOf(call.args[0]));
  }
  if (call.b == Builtin::Isclose) {
    // isclose(a, b, rtol, atol, equal_nan) (the parser fills in defaults).
    if (!call.arity(5, 5) || !call.needNumeric(0) || !call.needNumeric(1))
      return Type::unknown();
    for (size_t i = 2; i < 5; ++i)
      if (!call.args[i].isScalar() || (i < 4) != call.args[i].isNumber())
        return call.fail(call.argExprs[i]->range,
                         i < 4 ? "isclose()'s rtol and atol are numbers"
                               : "isclose()'s equal_nan is True or False");
    return makeType(ScalarKind::Bool,
                    std::max(rankOf(call.args[0]), rankOf(call.args[1])));
  }
  if (builtinIn(call.b, {Builtin::LogicalAnd, Builtin::LogicalOr,
                         Builtin::LogicalXor, Builtin::LogicalNot})) {
    size_t n = call.b == Builtin::LogicalNot ? 1 : 2;
    if (!call.arity(n, n))
      return Type::unknown();
    int rank = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!call.needNumeric(i))
        return Type::unknown();
      rank = std::max(rank, rankOf(call.args[i]));
    }
    return makeType(ScalarKind::Bool, rank);
  }
  if (call.b == Builtin::Where) {
    if (!call.arity(3, 3) || !call.needNumeric(0) || !call.needNumeric(1) ||
        !call.needNumeric(2))
      return Type::unknown();
    // (a condition of numbers: nonzero is true, as NumPy's)
    // NumPy's where() is not a ufunc: its literals are not weak.
    ScalarKind k =
        promote(call.args[1].scalarKind(), call.args[2].scalarKind());
    int rank = std::max(
        {rankOf(call.args[0]), rankOf(call.args[1]), rankOf(call.args[2])});
    return makeType(k, rank);
  }
  if (call.b == Builtin::Clip) {
    if (!call.arity(3, 3) || !call.needNumeric(0) || !call.needNumeric(1) ||
        !call.needNumeric(2))
      return Type::unknown();
    // clip(a, lo, hi): literal bounds adopt a's kind.
    bool bothLit = isLiteral(call.argExprs[1]) && isLiteral(call.argExprs[2]);
    ScalarKind bounds =
        promoteWeak(call.args[1].scalarKind(), isLiteral(call.argExprs[1]),
                    call.args[2].scalarKind(), isLiteral(call.argExprs[2]));
    ScalarKind k = promoteWeak(call.args[0].scalarKind(),
                               isLiteral(call.argExprs[0]), bounds, bothLit);
    int rank = std::max(
        {rankOf(call.args[0]), rankOf(call.args[1]), rankOf(call.args[2])});
    return makeType(k, rank);
  }
  return std::nullopt;
}
} // namespace

Type Analyzer::checkHistogram(const CallExpr *c, std::vector<Type> &args,
                              const std::vector<const Expr *> &argExprs) {
  auto fail = [&](SourceRange r, const std::string &msg) {
    diags_.error(r, msg);
    return Type::unknown();
  };
  auto arity = [&](size_t lo, size_t hi) {
    return checkArity(c, "histogram", args.size(), lo, hi);
  };
  // histogram(a, bins=10, range=(lo, hi), weights=w): NumPy's counts (or
  // sums of weights) over equal bins, and the bin edges.
  if (!arity(1, 2))
    return Type::unknown();
  Type data = args[0];
  Type bins = args.size() > 1 ? args[1] : Type::i64();
  Type weights;
  for (const KeywordArg &k : c->keywords) {
    Type t = checkExpr(k.value.get());
    if (t.isNone() && (k.name == "range" || k.name == "weights"))
      continue; // (NumPy's defaults)
    if (!t.isKnown())
      return Type::unknown();
    if (k.name == "bins" && args.size() == 1)
      bins = t;
    else if (k.name == "range" &&
             !(t.isTuple() && t.elems().size() == 2 &&
               t.elems()[0].isNumber() && t.elems()[1].isNumber()))
      return fail(k.value->range,
                  "histogram()'s range= is a tuple (lo, hi), not " + t.str());
    else if (k.name == "weights")
      weights = t;
    else if (k.name == "density") {
      auto *flag = k.value->dyn<BoolLitExpr>();
      if (!flag || flag->value)
        return fail(k.value->range,
                    "histogram()'s density=True is not supported yet; "
                    "divide the counts by counts.sum() * diff(edges)");
    } else if (k.name != "range")
      return fail(k.nameRange, "histogram() has no keyword '" + k.name +
                                   "' (bins=, range=, weights=, density=)");
  }
  if (!data.isKnown() || !bins.isKnown())
    return Type::unknown();
  if (!data.isArray() || data.scalarKind() == ScalarKind::Bool)
    return fail(argExprs[0]->range,
                "histogram() needs an array of numbers, not " + data.str());
  if (bins.isArray() && !bins.isString() && bins.rank() == 1 &&
      bins.scalarKind() != ScalarKind::Bool &&
      !isComplexKind(bins.scalarKind()))
    return checkHistogramEdges(c, args.size() > 1 ? argExprs[1] : nullptr);
  if (!bins.isInt())
    return fail(c->range, "histogram()'s bins is a number of equal bins or "
                          "a 1-D array of bin edges, not " +
                              bins.str());
  if (weights.isKnown() &&
      (!weights.isArray() || weights.scalarKind() == ScalarKind::Bool))
    return fail(c->range, "histogram()'s weights= is an array of numbers "
                          "of the shape of a, not " +
                              weights.str());
  if (weights.isKnown() && weights.rank() != data.rank())
    return fail(c->range, "histogram()'s weights= must have the shape of "
                          "a; a " +
                              weights.str() + " cannot match a " + data.str());
  ScalarKind edge =
      data.scalarKind() == ScalarKind::F32 ? ScalarKind::F32 : ScalarKind::F64;
  ScalarKind count = ScalarKind::I64;
  if (weights.isKnown())
    count = weights.scalarKind(); // NumPy: the weights' dtype
  return Type::tuple({Type::array(count, 1), Type::array(edge, 1)});
}

Type Analyzer::checkHistogramEdges(const CallExpr *c, const Expr *binsArg) {
  // histogram(a, bins=edges): the library's __np_x_histogram_edges(a,
  // edges), which takes no range= or weights=.
  const Expr *bins = binsArg;
  for (const KeywordArg &k : c->keywords) {
    if (k.name == "bins") {
      bins = k.value.get();
      continue;
    }
    auto *flag = k.value->dyn<BoolLitExpr>();
    if (k.name == "density" && flag && !flag->value)
      continue;
    if ((k.name == "range" || k.name == "weights") &&
        checkExpr(k.value.get()).isNone())
      continue;
    diags_.error(k.nameRange, "histogram() with bin edges takes no " + k.name +
                                  "= here (the edges give the range)");
    return Type::unknown();
  }
  auto def = defs_.find(std::string(kNumpyLibraryPrefix) + "x_histogram_edges");
  if (def == defs_.end()) { // (a program's own histogram() hides NumPy's)
    diags_.error(c->range, "histogram() with bin edges is np.histogram: "
                           "call it as np.histogram(a, edges)");
    return Type::unknown();
  }
  return callLibraryFunction(c, def->second, {c->args[0].get(), bins});
}

Type Analyzer::checkBenchWork(const CallExpr *c, std::vector<Type> &args) {
  auto fail = [&](SourceRange r, const std::string &msg) {
    diags_.error(r, msg);
    return Type::unknown();
  };
  auto arity = [&](size_t lo, size_t hi) {
    return checkArity(c, "bench_work", args.size(), lo, hi);
  };
  // bench_work(bytes=..., flops=...): the work of one run, for the
  // throughput columns of `weft bench`.
  if (!arity(0, 0))
    return Type::unknown();
  if (c->keywords.empty())
    return fail(c->range, "bench_work() needs bytes= or flops=, e.g. "
                          "bench_work(bytes=24 * n)");
  for (const KeywordArg &k : c->keywords) {
    if (k.name != "bytes" && k.name != "flops")
      return fail(k.nameRange, "bench_work() takes the keywords bytes= "
                               "and flops=, not " +
                                   k.name + "=");
    Type t = checkExpr(k.value.get());
    if (t.isKnown() && (!t.isScalar() || t.isBool()))
      return fail(k.value->range, "bench_work()'s " + k.name +
                                      "= must be a number, not " + t.str());
  }
  return Type::none();
}

std::optional<Type>
Analyzer::checkArrayBuiltin(const CallExpr *c, Builtin b,
                            std::vector<Type> &args,
                            const std::vector<const Expr *> &argExprs) {
  const std::string name = builtinName(b);
  auto fail = [&](SourceRange r, const std::string &msg) {
    diags_.error(r, msg);
    return std::optional<Type>(Type::unknown());
  };
  auto arity = [&](size_t lo, size_t hi) {
    return checkArity(c, name, args.size(), lo, hi);
  };
  if (b == Builtin::Histogram)
    return checkHistogram(c, args, argExprs);
  if (b == Builtin::BenchWork)
    return checkBenchWork(c, args);
  if (b == Builtin::Frombuffer)
    return checkFrombuffer(c, args, argExprs);
  // Keywords: dtype= (a scalar type name) and axis= (an integer literal).
  std::optional<ScalarKind> dtype;
  std::optional<int64_t> axis;
  const Expr *axisExpr = nullptr;
  bool keepdims = false;
  for (const KeywordArg &k : c->keywords) {
    if (k.name == "dtype") {
      dtype = dtypeArgument(k.value.get());
      if (!dtype)
        return fail(k.value->range,
                    "dtype= takes a type (bool, int, float, complex, "
                    "np.float32, ...) or an array's a.dtype");
    } else if ((k.name == "side" && b == Builtin::Searchsorted) ||
               (k.name == "right" && b == Builtin::Digitize)) {
      auto *text = k.value->dyn<StrLitExpr>();
      if (k.name == "side" &&
          (!text || (text->value != "left" && text->value != "right")))
        return fail(k.value->range, "side= is 'left' or 'right'");
      if (k.name == "right" && !k.value->dyn<BoolLitExpr>())
        return fail(k.value->range, "right= is True or False");
    } else if (k.name == "kind" &&
               (b == Builtin::Sort || b == Builtin::Argsort)) {
      // Weft sorts stably, which every kind NumPy names allows (so a
      // variable naming one, sort_kind="mergesort", is one of them too).
      auto *text = k.value->dyn<StrLitExpr>();
      static const std::set<std::string> kinds = {"quicksort", "mergesort",
                                                  "heapsort", "stable"};
      if (!k.value->dyn<NameExpr>() && (!text || !kinds.count(text->value)))
        return fail(k.value->range, "kind= is 'quicksort', 'mergesort', "
                                    "'heapsort' or 'stable'");
    } else if (k.name == "keepdims" && isReduction(b)) {
      auto *flag = k.value->dyn<BoolLitExpr>();
      if (!flag)
        return fail(k.value->range, "keepdims= is True or False");
      keepdims = flag->value;
    } else if (k.name == "axis") {
      const Expr *v = k.value.get();
      bool neg = false;
      if (auto *u = v->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg) {
        neg = true;
        v = u->operand.get();
      }
      auto *lit = v->dyn<IntLitExpr>();
      if (!lit)
        return fail(k.value->range, "axis= must be an integer literal");
      axis = neg ? -lit->value : lit->value;
      axisExpr = k.value.get();
    } else {
      return fail(k.nameRange, name + "() has no keyword '" + k.name + "'");
    }
  }
  bool creates = b == Builtin::Zeros || b == Builtin::Ones ||
                 b == Builtin::Empty || b == Builtin::Full ||
                 b == Builtin::ZerosLike || b == Builtin::OnesLike ||
                 b == Builtin::EmptyLike || b == Builtin::FullLike ||
                 b == Builtin::Arange || b == Builtin::Eye;
  // np.array(x, dtype=T) is a copy converted to T.
  if (dtype && !creates && b != Builtin::Copy)
    return fail(c->range, name + "() takes no dtype=");
  if (axis && !isReduction(b) &&
      !builtinIn(b, {Builtin::Sort, Builtin::Argsort, Builtin::Concatenate,
                     Builtin::Stack, Builtin::Diff}))
    return fail(axisExpr->range, name + "() takes no axis=");
  for (const Type &a : args)
    if (!a.isKnown())
      return Type::unknown();
  // Arrays of complex numbers: made, copied, reshaped, indexed, combined
  // by operators, abs(), where(), summed and averaged (whole arrays),
  // solved and inverted (np.linalg); other functions do not take them yet.
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i].isArray() || !args[i].elementType().isComplex())
      continue;
    if (!builtinIn(b, {Builtin::ZerosLike, Builtin::OnesLike,
                       Builtin::EmptyLike, Builtin::FullLike, Builtin::Copy,
                       Builtin::Astype, Builtin::Abs, Builtin::Where,
                       Builtin::Reshape, Builtin::Ravel, Builtin::Transpose,
                       Builtin::Len, Builtin::Print, Builtin::Sum,
                       Builtin::Mean, Builtin::Dot, Builtin::Pow}) &&
        !(b == Builtin::Prod && !axis) && !isLinalg(b) && !isComplexMath(b) &&
        !isComplexPart(b))
      return fail(argExprs[i]->range,
                  name + "() of an array of complex numbers is not supported "
                         "yet; apply it to abs(z) or to the real and "
                         "imaginary parts");
  }
  BuiltinCall call{diags_,   c,     b,     name, args,
                   argExprs, arity, dtype, axis, axisExpr};
  call.numbaTyping = fn_ && fn_->options.pythonLists;
  if (isRandomDraw(b))
    return checkRandomDraw(call);
  if (isLinalg(b))
    return checkLinalg(call);
  if (std::optional<Type> t = checkCreation(call))
    return t;
  if (std::optional<Type> t = checkNumpyFunction(call))
    return t;
  if (isReduction(b)) {
    std::optional<Type> t = checkReduction(call);
    // keepdims=True: the reduced axes stay, with size 1.
    if (keepdims && t && t->isKnown() && args[0].isArray()) {
      fn_->keepdimsCalls.insert(c);
      return Type::array(t->scalarKind(), args[0].rank());
    }
    return t;
  }
  if (std::optional<Type> t = checkElementwise(call))
    return t;
  if (b == Builtin::Seed) {
    if (!arity(1, 1))
      return Type::unknown();
    if (!args[0].isInt())
      return fail(argExprs[0]->range,
                  name + "() takes integers, not " + args[0].str());
    return Type::none();
  }
  if (b == Builtin::Time) {
    if (!arity(0, 0))
      return Type::unknown();
    return Type::f64();
  }
  if (b == Builtin::Try) // a try statement's condition (AST.h)
    return Type::boolean();
  if (b == Builtin::GetNumThreads || b == Builtin::GetThreadId) {
    if (!arity(0, 0))
      return Type::unknown();
    if (fn_->options.target == Target::GPU)
      return fail(c->range, name + "() counts CPU threads; it is not "
                                   "available with target=\"gpu\"");
    return Type::i64();
  }
  if (b == Builtin::Grid || b == Builtin::ThreadId || b == Builtin::BlockId ||
      b == Builtin::BlockDim) {
    if (!fn_->options.kernel)
      return fail(c->range, name + "() is only available in a @kernel "
                                   "function, which is launched over a "
                                   "grid as f[blocks, threads](...)");
    if (b != Builtin::Grid)
      return arity(0, 0) ? Type::i64() : Type::unknown();
    if (!arity(1, 1))
      return Type::unknown();
    auto *lit = argExprs[0]->dyn<IntLitExpr>();
    if (!lit || (lit->value != 1 && lit->value != 2))
      return fail(argExprs[0]->range,
                  "grid() takes the literal 1 (an index) or 2 (a pair)");
    return lit->value == 1 ? Type::i64()
                           : Type::tuple({Type::i64(), Type::i64()});
  }
  if (b == Builtin::Save) {
    if (!arity(2, 2))
      return Type::unknown();
    if (!args[0].isString())
      return fail(argExprs[0]->range, "save()'s first argument is a file "
                                      "name in quotes");
    if (!call.needArray(1))
      return Type::unknown();
    return Type::none();
  }
  if (b == Builtin::Load)
    return fail(c->range, "load() needs the array type from an annotation: "
                          "x: f64[:, :] = load(\"file.npy\")");
  if (b == Builtin::I32 || b == Builtin::F32 || b == Builtin::U64) {
    if (!arity(1, 1))
      return Type::unknown();
    if (!args[0].isScalar() || args[0].isComplex())
      return fail(argExprs[0]->range, name + "() converts a number, not " +
                                          args[0].str() + "; use a.astype(" +
                                          name + ")");
    return Type::scalar(b == Builtin::I32   ? ScalarKind::I32
                        : b == Builtin::U64 ? ScalarKind::U64
                                            : ScalarKind::F32);
  }

  if (b == Builtin::Dot) {
    if (!arity(2, 2))
      return Type::unknown();
    return matmulResult(args[0], args[1], c->range);
  }
  if (b == Builtin::Outer) {
    if (!arity(2, 2) || !call.needArray(0) || !call.needArray(1))
      return Type::unknown();
    if (args[0].rank() != 1 || args[1].rank() != 1)
      return fail(c->range, "outer() takes two 1-D arrays");
    ScalarKind k = promote(args[0].scalarKind(), args[1].scalarKind());
    return Type::array(k == ScalarKind::Bool ? ScalarKind::I64 : k, 2);
  }
  return std::nullopt;
}

std::optional<ScalarKind> Analyzer::dtypeArgument(const Expr *e) {
  // A name that is neither a variable nor a type is left to the caller's
  // message; anything else is typed: np.float64, a.dtype, a variable or
  // parameter holding a dtype.
  ScalarKind k;
  if (auto *n = e->dyn<NameExpr>();
      n && !fn_->locals.count(n->name) && !parseScalarName(n->name, k))
    return std::nullopt;
  Type t = checkExpr(e);
  if (!t.isDType() || t.isStructuredDType())
    return std::nullopt;
  return t.scalarKind();
}

Type Analyzer::checkMethodCall(const CallExpr *c, const AttributeExpr *m) {
  // obj.m(...) of a jitclass instance: its method.
  if (Type self = checkExpr(m->base.get()); jitclassOf(self))
    return checkJitclassMethodCall(c, m, self);
  // The forms desugarListMethods rewrites; any other use is here.
  static const std::set<std::string> kChanging = {
      "append", "extend", "pop", "insert", "remove", "clear", "reverse"};
  if (kChanging.count(m->attr)) {
    diags_.error(c->range, m->attr + "() is a statement of its own on a list "
                                     "variable: lst.append(x), lst.extend(m), "
                                     "lst.pop() or x = lst.pop()");
    return Type::unknown();
  }
  Type base = checkExpr(m->base.get());
  if (!base.isKnown())
    return Type::unknown();
  if (base.isString())
    return checkStringMethod(c, m);
  std::optional<Builtin> method = lookupBuiltin(m->attr);
  if (builtinIn(method, {Builtin::ListIndex, Builtin::ListCount}))
    return checkListSearch(c, *method, base);
  // z.conjugate(), a.conj(): of numbers and arrays.
  bool conj = builtinIn(method, {Builtin::Conj, Builtin::Conjugate});
  // lst.sort() of a list of tuples: in place, in Python's order.
  bool tupleSort = method == Builtin::Sort && base.isTupleList() &&
                   c->args.empty() && c->keywords.empty();
  if (tupleSort) {
    std::vector<Type> args{base};
    std::vector<const Expr *> argExprs{m->base.get()};
    return checkBuiltin(c, Builtin::Sort, args, argExprs).isKnown()
               ? Type::none()
               : Type::unknown();
  }
  // lst.copy() of a list of tuples: a new list of them. (One of a list
  // of lists would share its rows with `lst` in Python, which Weft's
  // lists of lists cannot; np.array(lst.copy()) reads np.array(lst).)
  if (method == Builtin::Copy && base.isTupleList() && c->args.empty() &&
      c->keywords.empty())
    return base;
  // a.dtype.type(x): the dtype's conversion (bempp's
  // dtype.type(M_INV_4PI)).
  if (base.isDType() && m->attr == "type") {
    std::vector<Type> args;
    for (const ExprPtr &a : c->args)
      args.push_back(checkExpr(a.get()));
    for (const Type &t : args)
      if (!t.isKnown())
        return Type::unknown();
    return checkDTypeCall(c, base.scalarKind(), args);
  }
  // x.ravel(), x.flatten() of a number (NumPy's 0-d array): a 1-element
  // array of it (tsclust's np.asarray(u).flatten(); MLIRGen's
  // emitReshape).
  if (method == Builtin::Ravel && base.isScalar() && !base.isString() &&
      c->args.empty() && c->keywords.empty())
    return Type::array(base.scalarKind(), 1);
  if (!base.isArray() && !(conj && base.isScalar())) {
    diags_.error(m->range,
                 "'" + m->attr + "' is not a method of " + base.str());
    return Type::unknown();
  }
  if (method == Builtin::ViewDtype)
    return checkViewDtype(c, base);
  if (method == Builtin::Astype) {
    std::optional<ScalarKind> k;
    if (c->args.size() == 1 && c->keywords.empty())
      k = dtypeArgument(c->args[0].get());
    if (!k) {
      diags_.error(c->range, "astype() takes one type (bool, int, float, "
                             "complex, np.float32, ...) or an array's "
                             "a.dtype");
      return Type::unknown();
    }
    return Type::array(*k, base.rank());
  }
  if (!builtinIn(method,
                 {Builtin::Sum,     Builtin::Prod,    Builtin::Min,
                  Builtin::Max,     Builtin::Mean,    Builtin::Var,
                  Builtin::Std,     Builtin::Argmin,  Builtin::Argmax,
                  Builtin::Any,     Builtin::All,     Builtin::Transpose,
                  Builtin::Reshape, Builtin::Ravel,   Builtin::Copy,
                  Builtin::Cumsum,  Builtin::Cumprod, Builtin::Sort,
                  Builtin::Argsort, Builtin::Conj,    Builtin::Conjugate,
                  Builtin::Dot})) {
    diags_.error(m->range, "arrays have no method '" + m->attr +
                               "'; see docs/language.md for the list");
    return Type::unknown();
  }
  std::vector<Type> args{base};
  std::vector<const Expr *> argExprs{m->base.get()};
  for (const ExprPtr &a : c->args) {
    args.push_back(checkExpr(a.get()));
    argExprs.push_back(a.get());
  }
  // a.reshape(n, m) is a.reshape((n, m)).
  if (method == Builtin::Reshape && args.size() > 2) {
    std::vector<Type> dims(args.begin() + 1, args.end());
    args.resize(1);
    args.push_back(Type::tuple(dims));
    argExprs.resize(2);
  }
  Type t = checkBuiltin(c, *method, args, argExprs);
  // a.sort() sorts in place and returns None.
  if (method == Builtin::Sort && t.isKnown())
    return Type::none();
  // A list's lst.copy() is a list (np.copy(lst) is an array).
  if (method == Builtin::Copy && base.isList() && t.isArray())
    return t.asList();
  return t;
}

} // namespace sema
} // namespace weft
