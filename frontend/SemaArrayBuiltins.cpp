//===- SemaArrayBuiltins.cpp - Typing of the array builtins ---------------===//
//
// Creation functions with shapes and dtype=, elementwise math with
// broadcasting, reductions with axis=, linear algebra, reshaping, .npy I/O
// and the array methods (a.astype(f32), a.sum(axis=0), ...).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

#include <algorithm>

namespace weft {
namespace sema {

namespace {
bool isReduction(const std::string &n) {
  for (const char *r : {"sum", "prod", "min", "max", "mean", "var", "std",
                        "argmin", "argmax", "any", "all"})
    if (n == r)
      return true;
  return false;
}

/// Float kind of a math result: f32 stays f32, everything else is f64.
ScalarKind floatKind(ScalarKind k) {
  return k == ScalarKind::F32 ? ScalarKind::F32 : ScalarKind::F64;
}

int rankOf(const Type &t) { return t.isArray() ? t.rank() : 0; }

Type makeType(ScalarKind k, int rank) {
  return rank ? Type::array(k, rank) : Type::scalar(k);
}
} // namespace

std::optional<Type>
Analyzer::checkArrayBuiltin(const CallExpr *c, const std::string &name,
                            std::vector<Type> &args,
                            const std::vector<const Expr *> &argExprs) {
  auto fail = [&](SourceRange r, const std::string &msg) {
    diags_.error(r, msg);
    return std::optional<Type>(Type::unknown());
  };
  auto arity = [&](size_t lo, size_t hi) {
    return checkArity(c, name, args.size(), lo, hi);
  };
  if (name == "bench_work") {
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
  // Keywords: dtype= (a scalar type name) and axis= (an integer literal).
  std::optional<ScalarKind> dtype;
  std::optional<int64_t> axis;
  const Expr *axisExpr = nullptr;
  for (const KeywordArg &k : c->keywords) {
    if (k.name == "dtype") {
      auto *n = k.value->dyn<NameExpr>();
      ScalarKind s;
      if (!n || !parseScalarName(n->name, s))
        return fail(k.value->range, "dtype= takes a type: bool, i32, i64, "
                                    "f32 or f64");
      dtype = s;
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
  bool creates = name == "zeros" || name == "ones" || name == "empty" ||
                 name == "full" || name == "arange" || name == "eye";
  if (dtype && !creates)
    return fail(c->range, name + "() takes no dtype=");
  if (axis && !isReduction(name))
    return fail(axisExpr->range, name + "() takes no axis=");
  for (const Type &a : args)
    if (!a.isKnown())
      return Type::unknown();
  auto needArray = [&](size_t i) {
    if (args[i].isArray())
      return true;
    diags_.error(argExprs[i]->range,
                 name + "() needs an array, not " + args[i].str());
    return false;
  };
  auto needNumeric = [&](size_t i) {
    if (args[i].isScalar() || args[i].isArray())
      return true;
    diags_.error(argExprs[i]->range, name +
                                         "() needs numbers or arrays, "
                                         "not " +
                                         args[i].str());
    return false;
  };
  // A shape: an int or a tuple of 1 to 4 ints.
  auto shapeRank = [&](size_t i) -> int {
    const Type &s = args[i];
    if (s.isInt())
      return 1;
    if (s.isTuple() && !s.elems().empty() && s.elems().size() <= 4 &&
        std::all_of(s.elems().begin(), s.elems().end(),
                    [](const Type &e) { return e.isInt(); }))
      return static_cast<int>(s.elems().size());
    diags_.error(argExprs[i]->range,
                 "a shape is an int or a tuple of 1 to 4 ints, not " + s.str());
    return 0;
  };

  if (name == "zeros" || name == "ones" || name == "empty") {
    if (!arity(1, 1))
      return Type::unknown();
    int rank = shapeRank(0);
    if (!rank)
      return Type::unknown();
    return Type::array(dtype.value_or(ScalarKind::F64), rank);
  }
  if (name == "full") {
    if (!arity(2, 2))
      return Type::unknown();
    int rank = shapeRank(0);
    if (!rank)
      return Type::unknown();
    if (!args[1].isScalar())
      return fail(argExprs[1]->range, "full()'s fill value must be a "
                                      "number or bool");
    return Type::array(dtype.value_or(args[1].scalarKind()), rank);
  }
  if (name == "arange") {
    if (!arity(1, 3))
      return Type::unknown();
    bool anyFloat = false;
    for (size_t i = 0; i < args.size(); ++i) {
      if (!args[i].isNumber())
        return fail(argExprs[i]->range, "arange() arguments must be numbers");
      anyFloat |= args[i].isFloat();
    }
    return Type::array(
        dtype.value_or(anyFloat ? ScalarKind::F64 : ScalarKind::I64), 1);
  }
  if (name == "linspace") {
    if (!arity(3, 3))
      return Type::unknown();
    if (!args[0].isNumber() || !args[1].isNumber() || !args[2].isInt())
      return fail(c->range, "linspace(start, stop, n) takes two numbers and "
                            "an integer count");
    return Type::array(ScalarKind::F64, 1);
  }
  if (name == "eye") {
    if (!arity(1, 1))
      return Type::unknown();
    if (!args[0].isInt())
      return fail(argExprs[0]->range, "eye(n) takes an integer size");
    return Type::array(dtype.value_or(ScalarKind::F64), 2);
  }
  if (name == "copy" || name == "transpose" || name == "ravel") {
    if (!arity(1, 1) || !needArray(0))
      return Type::unknown();
    return name == "ravel" ? Type::array(args[0].scalarKind(), 1) : args[0];
  }
  if (name == "reshape") {
    if (!arity(2, 2) || !needArray(0))
      return Type::unknown();
    int rank = shapeRank(1);
    if (!rank)
      return Type::unknown();
    return Type::array(args[0].scalarKind(), rank);
  }
  if (name == "rand" || name == "randn") {
    if (!arity(1, 1))
      return Type::unknown();
    int rank = shapeRank(0);
    if (!rank)
      return Type::unknown();
    return Type::array(ScalarKind::F64, rank);
  }
  if (name == "random") {
    if (!arity(0, 0))
      return Type::unknown();
    return Type::f64();
  }
  if (name == "randint" || name == "seed") {
    size_t n = name == "seed" ? 1 : 2;
    if (!arity(n, n))
      return Type::unknown();
    for (size_t i = 0; i < n; ++i)
      if (!args[i].isInt())
        return fail(argExprs[i]->range,
                    name + "() takes integers, not " + args[i].str());
    return name == "seed" ? Type::none() : Type::i64();
  }
  if (name == "time") {
    if (!arity(0, 0))
      return Type::unknown();
    return Type::f64();
  }
  if (name == "grid" || name == "thread_id" || name == "block_id" ||
      name == "block_dim") {
    if (!fn_->options.kernel)
      return fail(c->range, name + "() is only available in a @kernel "
                                   "function, which is launched over a "
                                   "grid as f[blocks, threads](...)");
    if (name != "grid")
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
  if (name == "save") {
    if (!arity(2, 2))
      return Type::unknown();
    if (!args[0].isString())
      return fail(argExprs[0]->range, "save()'s first argument is a file "
                                      "name in quotes");
    if (!needArray(1))
      return Type::unknown();
    return Type::none();
  }
  if (name == "load")
    return fail(c->range, "load() needs the array type from an annotation: "
                          "x: f64[:, :] = load(\"file.npy\")");
  if (name == "i32" || name == "f32") {
    if (!arity(1, 1))
      return Type::unknown();
    if (!args[0].isScalar())
      return fail(argExprs[0]->range, name + "() converts a number, not " +
                                          args[0].str() + "; use a.astype(" +
                                          name + ")");
    return Type::scalar(name == "i32" ? ScalarKind::I32 : ScalarKind::F32);
  }

  if (isReduction(name)) {
    bool twoScalars = (name == "min" || name == "max") &&
                      !(args.size() == 1 && args[0].isArray());
    if (twoScalars)
      return std::nullopt; // Python's min/max of numbers
    if (!arity(1, 1) || !needArray(0))
      return Type::unknown();
    const Type &a = args[0];
    ScalarKind k = a.scalarKind();
    ScalarKind rk = k;
    if (name == "sum" || name == "prod")
      rk =
          (k == ScalarKind::Bool || k == ScalarKind::I32) ? ScalarKind::I64 : k;
    else if (name == "mean" || name == "var" || name == "std")
      rk = floatKind(k);
    else if (name == "argmin" || name == "argmax")
      rk = ScalarKind::I64;
    else if (name == "any" || name == "all")
      rk = ScalarKind::Bool;
    if (!axis)
      return Type::scalar(rk);
    if (*axis < -a.rank() || *axis >= a.rank())
      return fail(axisExpr->range, "axis " + std::to_string(*axis) +
                                       " is out of range for a " + a.str());
    return makeType(rk, a.rank() - 1);
  }

  if (isUnaryMath(name) || name == "abs" || name == "isnan" ||
      name == "isinf") {
    if (!arity(1, 1))
      return Type::unknown();
    if (!args[0].isArray())
      return name == "isnan" || name == "isinf"
                 ? std::optional<Type>(Type::boolean())
                 : std::nullopt; // scalar math, typed in SemaBuiltins.cpp
    ScalarKind k = args[0].scalarKind();
    if (k == ScalarKind::Bool && name != "isnan" && name != "isinf")
      return fail(argExprs[0]->range, name + "() needs numbers, not bools");
    if (name == "isnan" || name == "isinf")
      return Type::array(ScalarKind::Bool, args[0].rank());
    if (name == "abs")
      return args[0];
    return Type::array(floatKind(k), args[0].rank());
  }
  if (name == "atan2" || name == "pow" || name == "minimum" ||
      name == "maximum") {
    if (!arity(2, 2) || !needNumeric(0) || !needNumeric(1))
      return Type::unknown();
    ScalarKind k = promote(args[0].scalarKind(), args[1].scalarKind());
    if (name == "atan2")
      k = floatKind(k);
    else if (k == ScalarKind::Bool)
      k = ScalarKind::I64;
    return makeType(k, std::max(rankOf(args[0]), rankOf(args[1])));
  }
  if (name == "where") {
    if (!arity(3, 3) || !needNumeric(0) || !needNumeric(1) || !needNumeric(2))
      return Type::unknown();
    if (args[0].scalarKind() != ScalarKind::Bool)
      return fail(argExprs[0]->range, "where()'s condition must be bool, "
                                      "such as a > 0");
    ScalarKind k = promote(args[1].scalarKind(), args[2].scalarKind());
    int rank = std::max({rankOf(args[0]), rankOf(args[1]), rankOf(args[2])});
    return makeType(k, rank);
  }
  if (name == "clip") {
    if (!arity(3, 3) || !needNumeric(0) || !needNumeric(1) || !needNumeric(2))
      return Type::unknown();
    ScalarKind k = promote(args[0].scalarKind(),
                           promote(args[1].scalarKind(), args[2].scalarKind()));
    int rank = std::max({rankOf(args[0]), rankOf(args[1]), rankOf(args[2])});
    return makeType(k, rank);
  }
  if (name == "dot") {
    if (!arity(2, 2))
      return Type::unknown();
    return matmulResult(args[0], args[1], c->range);
  }
  if (name == "outer") {
    if (!arity(2, 2) || !needArray(0) || !needArray(1))
      return Type::unknown();
    if (args[0].rank() != 1 || args[1].rank() != 1)
      return fail(c->range, "outer() takes two 1-D arrays");
    ScalarKind k = promote(args[0].scalarKind(), args[1].scalarKind());
    return Type::array(k == ScalarKind::Bool ? ScalarKind::I64 : k, 2);
  }
  return std::nullopt;
}

Type Analyzer::checkMethodCall(const CallExpr *c, const AttributeExpr *m) {
  Type base = checkExpr(m->base.get());
  if (!base.isKnown())
    return Type::unknown();
  if (!base.isArray()) {
    diags_.error(m->range,
                 "'" + m->attr + "' is not a method of " + base.str());
    return Type::unknown();
  }
  if (m->attr == "astype") {
    ScalarKind k;
    auto *n = c->args.size() == 1 ? c->args[0]->dyn<NameExpr>() : nullptr;
    if (!n || !parseScalarName(n->name, k) || !c->keywords.empty()) {
      diags_.error(c->range, "astype() takes one type: bool, i32, i64, f32 "
                             "or f64");
      return Type::unknown();
    }
    return Type::array(k, base.rank());
  }
  static const char *const methods[] = {
      "sum",    "prod", "min", "max",       "mean",    "var",   "std", "argmin",
      "argmax", "any",  "all", "transpose", "reshape", "ravel", "copy"};
  if (std::find_if(std::begin(methods), std::end(methods), [&](const char *s) {
        return m->attr == s;
      }) == std::end(methods)) {
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
  if (m->attr == "reshape" && args.size() > 2) {
    std::vector<Type> dims(args.begin() + 1, args.end());
    args.resize(1);
    args.push_back(Type::tuple(dims));
    argExprs.resize(2);
  }
  return checkBuiltin(c, m->attr, args, argExprs);
}

} // namespace sema
} // namespace weft
