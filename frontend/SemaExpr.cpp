//===- SemaExpr.cpp - Typing of expressions -------------------------------===//
//
// Types of literals, names, operators (with NumPy-style weak literals and
// promotion), attributes, tuples and array literals; indexing is in
// SemaIndex.cpp.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"
#include "frontend/ParserUfuncs.h"
#include "frontend/SemaImpl.h"

#include <algorithm>
#include <functional>

namespace weft {
namespace sema {

bool intLiteralValue(const Expr *e, int64_t &value) {
  if (auto *u = e->dyn<UnaryExpr>()) {
    if (u->op != UnaryOp::Neg || !intLiteralValue(u->operand.get(), value))
      return false;
    value = -value;
    return true;
  }
  if (auto *lit = e->dyn<IntLitExpr>()) {
    value = lit->value;
    return true;
  }
  return false;
}

} // namespace sema

std::optional<std::vector<int64_t>>
transposeAxes(const std::vector<const Expr *> &argExprs, int64_t rank) {
  std::vector<int64_t> axes;
  if (argExprs.size() <= 1) {
    for (int64_t d = rank - 1; d >= 0; --d)
      axes.push_back(d);
    return axes;
  }
  std::vector<const Expr *> items(argExprs.begin() + 1, argExprs.end());
  if (items.size() == 1)
    if (auto *t = items[0]->dyn<TupleExpr>()) {
      items.clear();
      for (const ExprPtr &e : t->elts)
        items.push_back(e.get());
    }
  if (static_cast<int64_t>(items.size()) != rank)
    return std::nullopt;
  std::vector<bool> seen(static_cast<size_t>(rank), false);
  for (const Expr *e : items) {
    int64_t v;
    if (!sema::intLiteralValue(e, v) || v < -rank || v >= rank)
      return std::nullopt;
    if (v < 0)
      v += rank;
    if (seen[static_cast<size_t>(v)])
      return std::nullopt;
    seen[static_cast<size_t>(v)] = true;
    axes.push_back(v);
  }
  return axes;
}

std::optional<std::vector<int64_t>> tupleSlicePositions(const SliceExpr *s,
                                                        int64_t n) {
  int64_t step = 1;
  if (s->step && (!sema::intLiteralValue(s->step.get(), step) || step == 0))
    return std::nullopt;
  // slice.indices(n): clamp each bound to the range the step walks.
  auto bound = [&](const ExprPtr &e, int64_t dflt, int64_t &out) -> bool {
    if (!e) {
      out = dflt;
      return true;
    }
    if (!sema::intLiteralValue(e.get(), out))
      return false;
    if (out < 0)
      out = std::max<int64_t>(out + n, step < 0 ? -1 : 0);
    else
      out = std::min(out, step < 0 ? n - 1 : n);
    return true;
  };
  int64_t lo = 0, hi = 0;
  if (!bound(s->lower, step < 0 ? n - 1 : 0, lo) ||
      !bound(s->upper, step < 0 ? -1 : n, hi))
    return std::nullopt;
  std::vector<int64_t> out;
  for (int64_t i = lo; step > 0 ? i < hi : i > hi; i += step)
    out.push_back(i);
  return out;
}

namespace sema {

bool isLiteral(const Expr *e) {
  if (auto *u = e->dyn<UnaryExpr>())
    return u->op == UnaryOp::Neg && isLiteral(u->operand.get());
  // (a literal of 2**63 or more is a uint64 of its own)
  if (auto *i = e->dyn<IntLitExpr>())
    return !i->unsigned64;
  // 2j: the parser's complex(0.0, 2.0) with a qualified callee
  if (auto *c = e->dyn<CallExpr>()) {
    auto *n = c->callee->dyn<NameExpr>();
    return n && n->qualified && n->name == "complex" &&
           std::all_of(c->args.begin(), c->args.end(),
                       [](const ExprPtr &a) { return isLiteral(a.get()); });
  }
  return e->kind == ExprKind::FloatLit;
}

/// The narrow integer kind of `np.uint8(x)` (and int8, int16, uint16,
/// uint32): a number of that NumPy type, held in an i64 as Weft holds
/// narrow numbers; nullopt for any other expression.
static std::optional<ScalarKind> narrowScalarCall(const Expr *e) {
  auto *c = e->dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  std::string prefix = std::string(kNumpyLibraryPrefix) + "x_";
  ScalarKind k;
  if (!n || n->name.rfind(prefix, 0) != 0 ||
      !parseScalarName(n->name.substr(prefix.size()), k) || !isStorageKind(k))
    return std::nullopt;
  return k;
}

std::optional<ScalarKind> Analyzer::narrowScalar(const Expr *e) {
  if (std::optional<ScalarKind> k = narrowScalarCall(e))
    return k;
  auto *n = e->dyn<NameExpr>();
  if (!n || n->qualified || !fn_)
    return std::nullopt;
  // A variable every assignment of which is np.uint8(...) (one kind).
  auto [it, added] = narrowLocals_.try_emplace(fn_);
  std::map<std::string, std::optional<ScalarKind>> &kinds = it->second;
  if (added) {
    for (const std::string &p : fn_->paramNames)
      kinds[p] = std::nullopt;
    forEachStmtIn(*fn_->body, [&](const Stmt &s) {
      auto *a = s.dyn<AssignStmt>();
      auto *t = a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                            : nullptr;
      if (t && s.kind == StmtKind::Assign) {
        std::optional<ScalarKind> k = narrowScalarCall(a->value.get());
        auto [at, first] = kinds.try_emplace(t->name, k);
        if (!first && at->second != k)
          at->second = std::nullopt;
        return;
      }
      if (s.kind == StmtKind::If || s.kind == StmtKind::While)
        return; // (their blocks are visited on their own)
      std::vector<std::string> bound;
      if (s.kind == StmtKind::For) {
        std::vector<const NameExpr *> names;
        namesOfTarget(s.dyn<ForStmt>()->target.get(), names);
        for (const NameExpr *x : names)
          bound.push_back(x->name);
      } else {
        namesBoundBy(s, bound);
      }
      for (const std::string &x : bound)
        kinds[x] = std::nullopt;
    });
  }
  auto k = kinds.find(n->name);
  return k == kinds.end() ? std::nullopt : k->second;
}

ScalarKind promoteWeak(ScalarKind l, bool lLit, ScalarKind r, bool rLit) {
  if (lLit != rLit && (isComplexKind(l) || isComplexKind(r))) {
    // A literal adopts the other side's width: a complex64 value with 2.0
    // or 1j stays complex64, a float32 (or narrow integer) one with 1j
    // is complex64.
    ScalarKind strong = lLit ? r : l, weak = lLit ? l : r;
    if (isComplexKind(strong))
      return strong;
    bool single = strong == ScalarKind::F32 ||
                  (isStorageKind(strong) && bitWidth(strong) <= 16);
    return single ? ScalarKind::C64 : promote(l, r);
  }
  auto isFloat = [](ScalarKind k) {
    return k == ScalarKind::F32 || k == ScalarKind::F64;
  };
  bool lf = isFloat(l), rf = isFloat(r);
  if (rLit && !lLit && (lf || !rf) && l != ScalarKind::Bool)
    return l;
  if (lLit && !rLit && (rf || !lf) && r != ScalarKind::Bool)
    return r;
  return promote(l, r);
}

bool numbaPromotes(ScalarKind l, ScalarKind r) {
  auto isFloat = [](ScalarKind k) {
    return k == ScalarKind::F32 || k == ScalarKind::F64;
  };
  // (uint64 keeps Weft's rules, and two bools are Python's arithmetic)
  return isFloat(l) || isFloat(r) ||
         (l != ScalarKind::U64 && r != ScalarKind::U64 &&
          !(l == ScalarKind::Bool && r == ScalarKind::Bool));
}

ScalarKind Analyzer::complexResult(const Expr *lhsE, const Type &l,
                                   const Expr *rhsE, const Type &r) {
  ScalarKind lk = l.scalarKind(), rk = r.scalarKind();
  // Numba's rules for a number beside an array, or Weft's weak literals
  // (as NumPy's value-based casting of numbers beside arrays).
  if (fn_ && fn_->options.pythonLists)
    return promoteNumba(lk, l.isArray(), rk, r.isArray());
  return promoteWeak(lk, isLiteral(lhsE), rk, isLiteral(rhsE));
}

ScalarKind promoteNumba(ScalarKind l, bool lArray, ScalarKind r, bool rArray) {
  auto category = [](ScalarKind k) {
    return k == ScalarKind::Bool                          ? 0
           : k == ScalarKind::F32 || k == ScalarKind::F64 ? 2
           : isComplexKind(k)                             ? 3
                                                          : 1;
  };
  if (lArray != rArray) {
    // (a float number beside a complex array promotes as usual: Numba's
    // complex64 array times a float64 is complex128)
    ScalarKind a = lArray ? l : r, n = lArray ? r : l;
    if (category(n) < category(a) && !(category(n) == 2 && category(a) == 3))
      return a;
  }
  return promote(l, r);
}

Type Analyzer::binaryResult(BinaryOp op, const Expr *lhsE, const Type &l,
                            const Expr *rhsE, const Type &r,
                            SourceRange range) {
  if (l.isUnknown() || r.isUnknown())
    return Type::unknown();
  if (std::optional<Type> t = stringBinary(op, l, r, range))
    return *t;
  if (op == BinaryOp::MatMul)
    return matmulResult(l, r, range);
  auto bad = [&]() {
    diags_.error(range, std::string("unsupported operand types for '") +
                            spelling(op) + "': " + l.str() + " and " + r.str() +
                            (l.isOptional() || r.isOptional()
                                 ? "; test the value that may be None first: "
                                   "if x is not None: ..."
                             : l.isNone() || r.isNone()
                                 ? "; a parameter passed None is only "
                                   "tested (if p is None: p = ...)"
                                 : ""));
    return Type::unknown();
  };
  // Python's + and * of lists of tuples and of tuples.
  if (std::optional<Type> t = sequenceResult(op, lhsE, l, rhsE, r, range))
    return *t;
  bool arr = l.isArray() || r.isArray();
  if (arr) {
    if ((!l.isArray() && !l.isScalar()) || (!r.isArray() && !r.isScalar()))
      return bad();
    // Arrays of any ranks broadcast (shapes are checked at run time).
  } else if (!l.isScalar() || !r.isScalar()) {
    return bad();
  }
  // Where Python's lists and NumPy's arrays disagree, a list display
  // follows Python (so Numba code keeps its meaning): a list times an int
  // repeats it, a list plus a list joins them. Every other operator is
  // elementwise, as on the array the list display is (Python would
  // refuse those).
  // (a list of lists or arrays of one length too: its rows)
  bool lList = l.isArray() && l.listDepth() > 0,
       rList = r.isArray() && r.listDepth() > 0;
  if (op == BinaryOp::Mul && lList != rList &&
      ((lList ? r : l).isInt() || (lList ? r : l).isBool()) &&
      (lList ? r : l).isScalar())
    return lList ? l : r;
  if (op == BinaryOp::Add && lList && rList) {
    if (l.rank() != r.rank())
      return bad();
    return Type::array(promote(l.scalarKind(), r.scalarKind()), l.rank())
        .withListDepth(std::min(l.listDepth(), r.listDepth()));
  }
  ScalarKind lk = l.scalarKind(), rk = r.scalarKind();
  if (isComplexKind(lk) || isComplexKind(rk)) {
    // Python's complex arithmetic: + - * / ** on numbers and, elementwise,
    // on arrays (NumPy's complex128 or complex64).
    if (op != BinaryOp::Add && op != BinaryOp::Sub && op != BinaryOp::Mul &&
        op != BinaryOp::Div && op != BinaryOp::Pow)
      return bad();
    ScalarKind k = complexResult(lhsE, l, rhsE, r);
    if (arr)
      return Type::array(
          k, std::max(l.isArray() ? l.rank() : 0, r.isArray() ? r.rank() : 0));
    return Type::scalar(k);
  }
  // Weak literals (NumPy 2): a literal operand adopts the other side's
  // width within its category.
  bool lf = l.elementType().isFloat(), rf = r.elementType().isFloat();
  // An array with np.uint8(c) (a number of a narrow NumPy type) promotes
  // by that type, as in NumPy and Numba: uint8 array * np.uint8(3) is
  // uint8 (Weft holds the number itself in an i64), also through a
  // variable that only ever holds such numbers.
  if (arr && !l.isArray())
    if (std::optional<ScalarKind> n = narrowScalar(lhsE))
      lk = *n;
  if (arr && !r.isArray())
    if (std::optional<ScalarKind> n = narrowScalar(rhsE))
      rk = *n;
  ScalarKind k = promoteWeak(lk, isLiteral(lhsE), rk, isLiteral(rhsE));
  if (fn_ && fn_->options.pythonLists && numbaPromotes(lk, rk))
    k = promoteNumba(lk, l.isArray(), rk, r.isArray());
  // Numba's two integer numbers, one uint64 and one signed: int64 (the
  // wider width, signed if either is) for arithmetic and bitwise
  // operators, where NumPy's rule gives float64; a shift has the type of
  // its left operand (np.uint64(b) << 8 is a uint64).
  auto signedInt = [](ScalarKind s) {
    return s == ScalarKind::I64 || s == ScalarKind::I32;
  };
  bool shift = op == BinaryOp::LShift || op == BinaryOp::RShift;
  bool arithmetic = op == BinaryOp::Add || op == BinaryOp::Sub ||
                    op == BinaryOp::Mul || op == BinaryOp::FloorDiv ||
                    op == BinaryOp::Mod || op == BinaryOp::BitAnd ||
                    op == BinaryOp::BitOr || op == BinaryOp::BitXor || shift;
  if (fn_ && fn_->options.pythonLists && arithmetic && !l.isArray() &&
      !r.isArray() &&
      ((lk == ScalarKind::U64 && signedInt(computeKind(rk))) ||
       (rk == ScalarKind::U64 && signedInt(computeKind(lk)))))
    k = shift && lk == ScalarKind::U64 ? ScalarKind::U64 : ScalarKind::I64;
  // (Numba's x ** n of a float number and an integer keeps x's type)
  if (fn_ && fn_->options.pythonLists && op == BinaryOp::Pow && !arr && lf &&
      !rf)
    k = lk;
  int rank = std::max(l.isArray() ? l.rank() : 0, r.isArray() ? r.rank() : 0);
  auto make = [&](ScalarKind s) {
    return rank ? Type::array(s, rank) : Type::scalar(s);
  };
  switch (op) {
  case BinaryOp::Div:
    if (k == ScalarKind::F32)
      return make(k);
    return make(ScalarKind::F64);
  case BinaryOp::BitAnd:
  case BinaryOp::BitOr:
  case BinaryOp::BitXor:
    if (k == ScalarKind::Bool)
      return make(k);
    [[fallthrough]];
  case BinaryOp::LShift:
  case BinaryOp::RShift:
    if (lf || rf) {
      diags_.error(range, std::string("'") + spelling(op) +
                              "' needs integer operands; convert with "
                              "i64(x)");
      return Type::unknown();
    }
    return make(k == ScalarKind::Bool ? ScalarKind::I64 : k);
  case BinaryOp::Add:
  case BinaryOp::Mul:
    // NumPy's bool arrays: + is or, * is and (Python's bools add as ints).
    if (k == ScalarKind::Bool && arr)
      return make(k);
    return make(k == ScalarKind::Bool ? ScalarKind::I64 : k);
  default:
    return make(k == ScalarKind::Bool ? ScalarKind::I64 : k);
  }
}

Type Analyzer::checkCompare(const CompareExpr *c) {
  if (c->ops[0] == CompareOp::Is || c->ops[0] == CompareOp::IsNot)
    return checkIdentity(c);
  if (c->ops[0] == CompareOp::In || c->ops[0] == CompareOp::NotIn)
    return checkMembership(c);
  bool known = true;
  std::vector<Type> ts;
  for (const ExprPtr &o : c->operands) {
    ts.push_back(checkExpr(o.get()));
    known &= ts.back().isKnown();
  }
  if (!known)
    return Type::unknown();
  for (const Type &t : ts)
    if (!refuseStructured(t, c->range, "a comparison"))
      return Type::unknown();
  if (std::optional<Type> t = stringCompare(c, ts))
    return *t;
  // a.dtype == np.float64: decided when the function is compiled.
  if (ts.size() == 2 && (ts[0].isDType() || ts[1].isDType())) {
    if (!ts[0].isDType() || !ts[1].isDType() ||
        (c->ops[0] != CompareOp::Eq && c->ops[0] != CompareOp::Ne)) {
      diags_.error(c->range, "a dtype compares with == or != to another "
                             "dtype (a.dtype == np.float64)");
      return Type::unknown();
    }
    return Type::boolean();
  }
  // Python's lists compare as wholes: equal when of one length with equal
  // elements; never equal to a number (a NumPy array beside a list still
  // compares element by element).
  if (ts.size() == 2 && (ts[0].isList() || ts[1].isList()) &&
      !(ts[0].isArray() && !ts[0].isList()) &&
      !(ts[1].isArray() && !ts[1].isList())) {
    if (c->ops[0] != CompareOp::Eq && c->ops[0] != CompareOp::Ne) {
      diags_.error(c->range, "Python orders lists element by element; "
                             "comparing lists with " +
                                 std::string(spelling(c->ops[0])) +
                                 " is not supported yet (== and != are)");
      return Type::unknown();
    }
    return Type::boolean();
  }
  // Tuples of numbers (a.shape != b.shape) compare as Python's: equal when
  // of one length with equal items.
  auto numbers = [](const Type &t) {
    return t.isTuple() &&
           std::all_of(t.elems().begin(), t.elems().end(),
                       [](const Type &p) { return p.isScalar(); });
  };
  if (ts.size() == 2 && ts[0].isTuple() && ts[1].isTuple()) {
    if (!numbers(ts[0]) || !numbers(ts[1]) || c->ops.size() != 1 ||
        c->ops[0] == CompareOp::Is || c->ops[0] == CompareOp::IsNot) {
      diags_.error(c->range, "tuples compare (==, !=, <, <=, >, >=, one "
                             "operator) with tuples of numbers, not " +
                                 ts[0].str() + " " + spelling(c->ops[0]) + " " +
                                 ts[1].str());
      return Type::unknown();
    }
    return Type::boolean();
  }
  bool anyArray = false;
  int rank = 0;
  for (const Type &t : ts) {
    anyArray |= t.isArray();
    if (t.isArray())
      rank = std::max(rank, t.rank());
  }
  if (anyArray) {
    if (ts.size() != 2) {
      diags_.error(c->range, "chained comparisons work on scalars only; "
                             "combine array comparisons with & and |");
      return Type::unknown();
    }
    for (size_t i = 0; i < 2; ++i)
      if (!ts[i].isArray() && !ts[i].isScalar()) {
        diags_.error(c->operands[i]->range,
                     "cannot compare an array with " + ts[i].str());
        return Type::unknown();
      }
    if ((ts[0].elementType().isComplex() || ts[1].elementType().isComplex()) &&
        c->ops[0] != CompareOp::Eq && c->ops[0] != CompareOp::Ne) {
      diags_.error(c->range, "complex numbers have no order; compare "
                             "abs(z) or z.real instead");
      return Type::unknown();
    }
    return Type::array(ScalarKind::Bool, rank);
  }
  for (size_t i = 0; i < ts.size(); ++i)
    if (!ts[i].isScalar()) {
      diags_.error(c->operands[i]->range,
                   "comparisons work on numbers and bools, not " + ts[i].str() +
                       (ts[i].isOptional()
                            ? "; test the value that may be None first: if "
                              "x is not None: ..."
                            : "; compare elements instead"));
      return Type::unknown();
    }
  // Complex numbers are equal or not; they have no order (Python's rule).
  for (size_t i = 0; i < c->ops.size(); ++i)
    if ((ts[i].isComplex() || ts[i + 1].isComplex()) &&
        c->ops[i] != CompareOp::Eq && c->ops[i] != CompareOp::Ne) {
      diags_.error(c->range, "complex numbers have no order; compare "
                             "abs(z) or z.real instead");
      return Type::unknown();
    }
  return Type::boolean();
}

const Expr *Analyzer::moduleConstant(const std::string &name) {
  if (!moduleConstants_) {
    moduleConstants_.emplace();
    std::vector<const Expr *> targets;
    std::vector<const ForStmt *> fors;
    collectAssigned(module_.body, targets, fors);
    std::map<std::string, int> assignments;
    for (const Expr *t : targets) {
      std::vector<const NameExpr *> names;
      namesOfTarget(t, names);
      for (const NameExpr *n : names)
        ++assignments[n->name];
    }
    for (const StmtPtr &s : module_.body) {
      auto *a = s->dyn<AssignStmt>();
      auto *t = a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                            : nullptr;
      if (!t || assignments[t->name] != 1)
        continue;
      const Expr *v = a->value.get();
      auto number = [&](const Expr *x) {
        if (auto *u = x->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
          x = u->operand.get();
        auto *n = x->dyn<NameExpr>();
        // (np.uint64(5), np.float32(1.5), np.int16(-3): a constant of
        // that type)
        auto *c = x->dyn<CallExpr>();
        auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
        const Expr *arg = c && c->args.size() == 1 ? c->args[0].get() : nullptr;
        if (auto *u = arg ? arg->dyn<UnaryExpr>() : nullptr;
            u && u->op == UnaryOp::Neg)
          arg = u->operand.get();
        if (f && arg && c->keywords.empty() &&
            (arg->dyn<IntLitExpr>() || arg->dyn<FloatLitExpr>()) &&
            (isBuiltinNamed(f->name, Builtin::U64) ||
             isBuiltinNamed(f->name, Builtin::F32) ||
             isBuiltinNamed(f->name, Builtin::I32) || narrowScalarCall(x)))
          return true;
        return isLiteral(x) || x->dyn<IntLitExpr>() || x->dyn<BoolLitExpr>() ||
               (n && !assignments.count(n->name) &&
                builtinIn(
                    lookupBuiltin(n->name),
                    {Builtin::Pi, Builtin::E, Builtin::Inf, Builtin::Nan}));
      };
      // Numbers, and tuples of numbers or of such tuples (WEIGHTS = (0.5,
      // 1.5), DIRS = ((0, 1), (1, 0))), and namedtuples of them (MODE =
      // Mode(0, 1, 2), vectorbt's enums).
      std::function<bool(const Expr *)> constantValue = [&](const Expr *x) {
        if (auto *call = x->dyn<CallExpr>()) {
          auto *cls = call->callee->dyn<NameExpr>();
          if (number(x))
            return true; // np.uint64(5)
          if (cls && isBuiltinNamed(cls->name, Builtin::AsStructured) &&
              call->args.size() == 1 && call->args[0]->dyn<StrLitExpr>())
            return true; // a structured dtype
          if (!cls || !module_.records.count(cls->name) ||
              defs_.count(cls->name) || assignments.count(cls->name))
            return false;
          bool all = !call->args.empty() || !call->keywords.empty();
          for (const ExprPtr &y : call->args)
            all = all && constantValue(y.get());
          for (const KeywordArg &k : call->keywords)
            all = all && constantValue(k.value.get());
          return all;
        }
        auto *tuple = x->dyn<TupleExpr>();
        if (!tuple)
          return number(x);
        return !tuple->elts.empty() &&
               std::all_of(
                   tuple->elts.begin(), tuple->elts.end(),
                   [&](const ExprPtr &y) { return constantValue(y.get()); });
      };
      bool constant = constantValue(v);
      if (constant)
        (*moduleConstants_)[t->name] = v;
    }
  }
  auto it = moduleConstants_->find(name);
  return it == moduleConstants_->end() ? nullptr : it->second;
}

Type Analyzer::checkExprImpl(const Expr *e) {
  switch (e->kind) {
  case ExprKind::IntLit:
    return static_cast<const IntLitExpr *>(e)->unsigned64
               ? Type::scalar(ScalarKind::U64)
               : Type::i64();
  case ExprKind::FloatLit:
    return Type::f64();
  case ExprKind::BoolLit:
    return Type::boolean();
  case ExprKind::StrLit:
    return Type::string();
  case ExprKind::Name: {
    auto *n = static_cast<const NameExpr *>(e);
    // (np.float32 is the type, whatever a variable called f32 holds)
    if (ScalarKind k; n->qualified && parseScalarName(n->name, k))
      return Type::dtype(k);
    // (np.pi is the constant, also where a variable is called pi:
    // `pi = np.pi`)
    if (std::optional<Builtin> b = lookupBuiltin(n->name);
        n->qualified && b && builtinKind(*b) == BuiltinKind::Constant)
      return Type::f64();
    auto it = fn_->locals.find(n->name);
    if (it != fn_->locals.end()) {
      auto narrow = narrowed_.find(n->name);
      if (it->second.isOptional() && narrow != narrowed_.end())
        return narrow->second;
      return it->second;
    }
    if (std::optional<Builtin> b = lookupBuiltin(n->name))
      if (builtinKind(*b) == BuiltinKind::Constant)
        return Type::f64();
    if (fn_->def)
      if (const Expr *lit = moduleConstant(n->name)) {
        fn_->moduleConstants[n] = lit;
        return checkExpr(lit);
      }
    if (n->name == "None")
      return Type::none(); // returned (an optional) or tested with `is`
    // A type as a value (np.float64, float): a dtype.
    if (ScalarKind k; !defs_.count(n->name) && parseScalarName(n->name, k))
      return Type::dtype(k);
    if (defs_.count(n->name) || isBuiltinName(n->name)) {
      diags_.error(n->range,
                   "'" + n->name + "' is a function; call it with (...)");
      return Type::unknown();
    }
    if (n->qualified && parser::isUfuncOperator(n->name)) {
      diags_.error(n->range, "np." + n->name +
                                 " is supported only as a call of its "
                                 "inputs (its operator); ufunc methods such "
                                 "as np." +
                                 n->name +
                                 ".reduce and ufuncs as values are not "
                                 "supported yet");
      return Type::unknown();
    }
    diags_.error(n->range, "name '" + n->name +
                               "' is not defined; assign it before use or "
                               "pass it as a parameter");
    return Type::unknown();
  }
  case ExprKind::Unary: {
    auto *u = static_cast<const UnaryExpr *>(e);
    Type t = checkExpr(u->operand.get());
    if (t.isUnknown())
      return t;
    if (u->op == UnaryOp::Not) {
      isTruthy(t, u->operand->range);
      return Type::boolean();
    }
    if ((!t.isScalar() && !t.isArray()) || t.isString() || t.isStructured()) {
      diags_.error(e->range, std::string("bad operand type for unary '") +
                                 spelling(u->op) + "': " + t.str());
      return Type::unknown();
    }
    if (u->op == UnaryOp::Invert &&
        (t.elementType().isFloat() || t.elementType().isComplex())) {
      diags_.error(e->range, "'~' needs an integer or bool operand");
      return Type::unknown();
    }
    if (t.scalarKind() == ScalarKind::Bool && u->op != UnaryOp::Invert)
      return t.isArray() ? Type::array(ScalarKind::I64, t.rank()) : Type::i64();
    return t;
  }
  case ExprKind::Binary: {
    auto *b = static_cast<const BinaryExpr *>(e);
    Type l = checkExpr(b->lhs.get());
    Type r = checkExpr(b->rhs.get());
    if (!refuseStructured(l, b->range,
                          std::string("'") + spelling(b->op) + "'") ||
        !refuseStructured(r, b->range,
                          std::string("'") + spelling(b->op) + "'"))
      return Type::unknown();
    return binaryResult(b->op, b->lhs.get(), l, b->rhs.get(), r, b->range);
  }
  case ExprKind::Compare:
    return checkCompare(static_cast<const CompareExpr *>(e));
  case ExprKind::BoolOp:
    return checkBoolOp(static_cast<const BoolOpExpr *>(e));
  case ExprKind::IfExp: {
    auto *i = static_cast<const IfExpExpr *>(e);
    isTruthy(checkExpr(i->cond.get()), i->cond->range);
    Type a = checkExpr(i->thenValue.get());
    Type b = checkExpr(i->elseValue.get());
    // While inference runs, a number in one branch types the expression
    // (`lst[-1] + 1 if lst else 0` types what is appended to lst).
    if (!reporting_ && a.isKnown() != b.isKnown() &&
        ((a.isKnown() ? a : b).isScalar() || (a.isKnown() ? a : b).isTuple()))
      return a.isKnown() ? a : b;
    if (!a.isKnown() || !b.isKnown())
      return Type::unknown();
    // A value or None (`a if c else None`): Numba's optional of the value.
    if (a.isNone() != b.isNone()) {
      const Type &v = a.isNone() ? b : a;
      if (v.isScalar() || v.isTuple() || (v.isArray() && !v.isString()))
        return Type::optional(v.isArray() && !v.isList() ? v.asArray() : v);
      if (v.isOptional())
        return v;
    }
    // Two arrays of one type (the one picked, not a copy), as Numba's.
    if (a.isArray() && b.isArray()) {
      if (a.asArray() != b.asArray() || a.isString() != b.isString()) {
        diags_.error(e->range, "the two branches have different types (" +
                                   a.str() + " and " + b.str() +
                                   "); convert one with astype()");
        return Type::unknown();
      }
      return (a.isList() && b.isList()) || a.isString() ? a : a.asArray();
    }
    // Two tuples of one length, of numbers and arrays (`(-ll, -t1) if c
    // else (ll, t1)`): each number part unified, each array part of one
    // type.
    std::function<std::optional<Type>(const Type &, const Type &)> part =
        [&](const Type &x, const Type &y) -> std::optional<Type> {
      if (x.isScalar() && y.isScalar()) {
        bool ok;
        Type u = unify(x, y, ok);
        return ok ? std::optional<Type>(u) : std::nullopt;
      }
      if (x.isArray() && y.isArray()) {
        if (x.asArray() != y.asArray() || x.isString() != y.isString())
          return std::nullopt;
        return (x.isList() && y.isList()) || x.isString() ? x : x.asArray();
      }
      if (!x.isTuple() || !y.isTuple() || !x.recordName().empty() ||
          !y.recordName().empty() || x.elems().size() != y.elems().size())
        return std::nullopt;
      std::vector<Type> parts;
      for (size_t k = 0; k < x.elems().size(); ++k) {
        std::optional<Type> p = part(x.elems()[k], y.elems()[k]);
        if (!p)
          return std::nullopt;
        parts.push_back(*p);
      }
      return Type::tuple(parts);
    };
    if (a.isTuple() && b.isTuple()) {
      if (std::optional<Type> t = part(a, b))
        return *t;
      diags_.error(e->range, "the two branches have different types (" +
                                 a.str() + " and " + b.str() + ")");
      return Type::unknown();
    }
    if (!a.isScalar() || !b.isScalar()) {
      diags_.error(e->range, "a conditional expression picks between two "
                             "numbers, two tuples of numbers or two arrays "
                             "of one type, not " +
                                 a.str() + " and " + b.str());
      return Type::unknown();
    }
    bool ok;
    Type u = unify(a, b, ok);
    if (!ok)
      diags_.error(e->range, "the two branches have different types (" +
                                 a.str() + " and " + b.str() + ")");
    return u;
  }
  case ExprKind::Call:
    return checkCall(static_cast<const CallExpr *>(e));
  case ExprKind::Index:
    return checkIndex(static_cast<const IndexExpr *>(e));
  case ExprKind::Slice:
    diags_.error(e->range, "a slice is only allowed inside [...]");
    return Type::unknown();
  case ExprKind::Attribute: {
    auto *a = static_cast<const AttributeExpr *>(e);
    Type base = checkExpr(a->base.get());
    if (base.isUnknown())
      return base;
    // z.real, z.imag of a number (a real number's imag is 0) and, as new
    // arrays, of an array's elements.
    if ((base.isNumber() || base.isComplex()) &&
        (a->attr == "real" || a->attr == "imag"))
      return base.isComplex() ? Type::f64() : base;
    if (base.isArray() && (a->attr == "real" || a->attr == "imag")) {
      ScalarKind k = base.scalarKind();
      if (k == ScalarKind::Bool) {
        diags_.error(a->range, "'" + a->attr +
                                   "' of a bool array is not "
                                   "supported; convert it first");
        return Type::unknown();
      }
      return Type::array(complexPartKind(k), base.rank());
    }
    if (jitclassOf(base))
      return checkJitclassAttribute(a, base);
    if (base.isRecordValue() && a->attr.rfind("__cell__", 0) == 0)
      return structuredFieldCell(base, a->attr.substr(8), a->range);
    if (a->attr.rfind("__cell__", 0) == 0) {
      // (obj.x = v of DesugarJitclasses)
      diags_.error(a->range, "cannot assign to '." + a->attr.substr(8) +
                                 "' of a " + base.str() +
                                 "; only a jitclass instance's fields are "
                                 "assigned (obj.x = v)");
      return Type::unknown();
    }
    // p.x of a namedtuple: its field.
    if (base.isTuple() && !base.recordName().empty()) {
      const std::vector<std::string> &fields =
          module_.records.at(base.recordName());
      auto at = std::find(fields.begin(), fields.end(), a->attr);
      if (at == fields.end()) {
        diags_.error(a->range, "'" + base.recordName() + "' has no field '" +
                                   a->attr + "'");
        return Type::unknown();
      }
      fn_->fieldOf[a] = at - fields.begin();
      return base.elems()[at - fields.begin()];
    }
    // dt.kind ("f", "i", "u", "b", "c") and dt.itemsize of a dtype.
    if (base.isDType() && a->attr == "kind")
      return Type::string();
    if (base.isDType() && a->attr == "itemsize")
      return Type::i64();
    // dt.type: the scalar type, which converts as the dtype does
    // (ftype = positions.dtype.type; ftype(0.5)).
    if (base.isDType() && a->attr == "type")
      return base;
    // A number is NumPy's 0-d array too (np.asarray(x), a 0-d array
    // passed): ndim 0, size 1, shape (), its dtype.
    if (base.isScalar() &&
        (a->attr == "ndim" || a->attr == "size" || a->attr == "shape"))
      return a->attr == "shape" ? Type::tuple({}) : Type::i64();
    if (base.isScalar() && !base.isString() && a->attr == "dtype")
      return Type::dtype(base.scalarKind());
    if (!base.isArray()) {
      diags_.error(a->range,
                   "'" + a->attr + "' is not an attribute of " + base.str());
      return Type::unknown();
    }
    // rec.x of a record; a structured array's shape, size and ndim (of
    // its records' axes).
    if (base.isRecordValue())
      return structuredField(base, a->attr, a->range);
    if (base.isStructured() &&
        (a->attr == "size" || a->attr == "ndim" || a->attr == "shape"))
      return a->attr == "shape" ? Type::tuple(std::vector<Type>(
                                      base.structuredRank(), Type::i64()))
                                : Type::i64();
    if (base.isStructured()) {
      diags_.error(a->range, "'" + a->attr + "' of a " + base.str() +
                                 " is not supported yet (shape, size and "
                                 "ndim are)");
      return Type::unknown();
    }
    if (a->attr == "size" || a->attr == "ndim" || a->attr == "itemsize" ||
        a->attr == "nbytes")
      return Type::i64();
    if (a->attr == "T")
      return base;
    if (a->attr == "shape" || a->attr == "strides") // (strides in bytes)
      return Type::tuple(std::vector<Type>(base.rank(), Type::i64()));
    if (a->attr == "dtype")
      return Type::dtype(base.scalarKind());
    diags_.error(a->range, "arrays have no attribute '" + a->attr +
                               "'; available: shape, size, ndim, dtype, T, "
                               "strides, itemsize, nbytes");
    return Type::unknown();
  }
  case ExprKind::Tuple: {
    auto *t = static_cast<const TupleExpr *>(e);
    if (tupleAsArray_) {
      // Stored into an array view: numbers make a 1-D array.
      tupleAsArray_ = false;
      Type elem;
      for (const ExprPtr &x : t->elts) {
        Type xt = checkExpr(x.get());
        if (!xt.isKnown())
          return Type::unknown();
        bool ok = xt.isScalar();
        if (ok)
          elem = unify(elem, xt, ok);
        if (!ok) {
          diags_.error(x->range, "a tuple stored into an array holds "
                                 "numbers, not " +
                                     xt.str());
          return Type::unknown();
        }
      }
      return Type::array(elem.scalarKind(), 1);
    }
    std::vector<Type> elems;
    bool returned = e == returnTuple_;
    returnTuple_ = nullptr;
    for (const ExprPtr &x : t->elts) {
      optionalOk_ = returned; // (a returned element may be None)
      elems.push_back(checkExpr(x.get()));
      // A tuple holds values: not None (a call that returns nothing) or
      // a string; None itself is one (`return U, None, VH`), known when
      // it compiles.
      if (elems.back().isNone() && !x->dyn<CallExpr>())
        continue;
      if (elems.back().isCompileTimeOnly()) {
        diags_.error(x->range,
                     elems.back().isNone()
                         ? "this call returns no value; a tuple holds "
                           "numbers, arrays and tuples"
                         : "a tuple holds numbers, arrays and tuples, "
                           "not " +
                               elems.back().str());
        return Type::unknown();
      }
    }
    return Type::tuple(std::move(elems));
  }
  case ExprKind::List: {
    auto *l = static_cast<const ListExpr *>(e);
    if (l->elts.empty())
      return checkEmptyList(l);
    Type elem;
    for (const ExprPtr &x : l->elts) {
      Type t = checkExpr(x.get());
      if (!t.isKnown())
        return Type::unknown();
      if (fn_->options.pythonLists && t.isTuple() && x == l->elts.front())
        return checkTupleListLiteral(l);
      if (t.isArray() && x == l->elts.front())
        return checkNestedListLiteral(l);
      if (!t.isScalar()) {
        diags_.error(x->range, "array literals hold numbers or bools, "
                               "not " +
                                   t.str());
        return Type::unknown();
      }
      bool ok;
      elem = unify(elem, t, ok);
    }
    return fn_->options.pythonLists ? Type::list(elem.scalarKind())
                                    : Type::array(elem.scalarKind(), 1);
  }
  case ExprKind::ListComp:
    return checkListComp(static_cast<const ListCompExpr *>(e));
  }
  return Type::unknown();
}

void Analyzer::checkRangeCall(const CallExpr *call, const std::string &name) {
  if (call->args.empty() || call->args.size() > 3 || !call->keywords.empty())
    diags_.error(call->range, name + "() takes 1 to 3 integer arguments: "
                                     "stop, or start, stop[, step]");
  // Floats (np.ceil(x) bounds) and bools convert to integers, truncated
  // toward zero, as Numba casts them.
  for (const ExprPtr &a : call->args) {
    Type t = checkExpr(a.get());
    if (t.isKnown() && !t.isInt() && !t.isFloat() && !t.isBool())
      diags_.error(a->range, name + "() arguments must be integers, not " +
                                 t.str() + "; convert with i64(x)");
  }
  fn_->exprTypes[call] = Type::none();
}

Type Analyzer::matmulResult(const Type &l, const Type &r, SourceRange range) {
  if (l.elementType().isComplex() != r.elementType().isComplex()) {
    diags_.error(range,
                 "a product (@, dot) of a complex and a real matrix is not "
                 "supported yet; convert the real one with "
                 ".astype(complex128)");
    return Type::unknown();
  }
  if (l.isArray() && r.isArray() &&
      (l.scalarKind() == ScalarKind::U64 ||
       r.scalarKind() == ScalarKind::U64)) {
    diags_.error(range, "a product (@, dot) of uint64 matrices is not "
                        "supported yet; convert them with .astype(np.int64)");
    return Type::unknown();
  }
  if (!l.isArray() || !r.isArray() || l.rank() > 2 || r.rank() > 2 ||
      l.scalarKind() == ScalarKind::Bool ||
      r.scalarKind() == ScalarKind::Bool) {
    diags_.error(range, "'@' multiplies numeric 1-D or 2-D arrays, not " +
                            l.str() + " and " + r.str());
    return Type::unknown();
  }
  ScalarKind k = promote(l.scalarKind(), r.scalarKind());
  int rank = l.rank() + r.rank() - 2;
  return rank == 0 ? Type::scalar(computeKind(k)) : Type::array(k, rank);
}

} // namespace sema
} // namespace weft
