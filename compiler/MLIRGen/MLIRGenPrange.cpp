//===- MLIRGenPrange.cpp - Typed AST to MLIR: parallel prange loops -------===//
//
// `for i in prange(...)` becomes an scf.parallel loop (OpenMP after
// lowering), as in Numba: the user promises that iterations are
// independent. Variables assigned only inside the body are private to an
// iteration; an outer variable may only be updated as a reduction
// (`s += x`, `s -= x`, `s *= x`, `s = min(s, x)`, `s = max(s, x)`), any
// other write to an outer variable is a compile error naming it. Runtime
// errors in the body are raised after the loop.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {

void namesInExpr(const Expr *e, std::multiset<std::string> &out) {
  if (!e)
    return;
  switch (e->kind) {
  case ExprKind::Name:
    out.insert(static_cast<const NameExpr *>(e)->name);
    return;
  case ExprKind::Unary:
    namesInExpr(static_cast<const UnaryExpr *>(e)->operand.get(), out);
    return;
  case ExprKind::Binary: {
    auto *x = static_cast<const BinaryExpr *>(e);
    namesInExpr(x->lhs.get(), out);
    namesInExpr(x->rhs.get(), out);
    return;
  }
  case ExprKind::BoolOp: {
    auto *x = static_cast<const BoolOpExpr *>(e);
    namesInExpr(x->lhs.get(), out);
    namesInExpr(x->rhs.get(), out);
    return;
  }
  case ExprKind::Compare:
    for (const ExprPtr &o : static_cast<const CompareExpr *>(e)->operands)
      namesInExpr(o.get(), out);
    return;
  case ExprKind::IfExp: {
    auto *x = static_cast<const IfExpExpr *>(e);
    namesInExpr(x->cond.get(), out);
    namesInExpr(x->thenValue.get(), out);
    namesInExpr(x->elseValue.get(), out);
    return;
  }
  case ExprKind::Call: {
    auto *x = static_cast<const CallExpr *>(e);
    if (!x->callee->dyn<NameExpr>())
      namesInExpr(x->callee.get(), out);
    for (const ExprPtr &a : x->args)
      namesInExpr(a.get(), out);
    for (const KeywordArg &k : x->keywords)
      namesInExpr(k.value.get(), out);
    return;
  }
  case ExprKind::Index: {
    auto *x = static_cast<const IndexExpr *>(e);
    namesInExpr(x->base.get(), out);
    for (const ExprPtr &i : x->indices)
      namesInExpr(i.get(), out);
    return;
  }
  case ExprKind::Slice: {
    auto *x = static_cast<const SliceExpr *>(e);
    namesInExpr(x->lower.get(), out);
    namesInExpr(x->upper.get(), out);
    namesInExpr(x->step.get(), out);
    return;
  }
  case ExprKind::Attribute:
    namesInExpr(static_cast<const AttributeExpr *>(e)->base.get(), out);
    return;
  case ExprKind::Tuple:
    for (const ExprPtr &x : static_cast<const TupleExpr *>(e)->elts)
      namesInExpr(x.get(), out);
    return;
  case ExprKind::List:
    for (const ExprPtr &x : static_cast<const ListExpr *>(e)->elts)
      namesInExpr(x.get(), out);
    return;
  default:
    return;
  }
}

/// Every name read or written in `block`, except inside `skip`.
void namesInBlock(const Block &block, const Block *skip,
                  std::multiset<std::string> &out) {
  if (&block == skip)
    return;
  for (const StmtPtr &s : block) {
    if (auto *x = s->dyn<ExprStmt>()) {
      namesInExpr(x->value.get(), out);
    } else if (auto *x = s->dyn<AssignStmt>()) {
      for (const ExprPtr &t : x->targets)
        namesInExpr(t.get(), out);
      namesInExpr(x->value.get(), out);
    } else if (auto *x = s->dyn<AugAssignStmt>()) {
      namesInExpr(x->target.get(), out);
      namesInExpr(x->value.get(), out);
    } else if (auto *x = s->dyn<AnnAssignStmt>()) {
      namesInExpr(x->target.get(), out);
      namesInExpr(x->value.get(), out);
    } else if (auto *x = s->dyn<IfStmt>()) {
      namesInExpr(x->cond.get(), out);
      namesInBlock(x->body, skip, out);
      namesInBlock(x->orelse, skip, out);
    } else if (auto *x = s->dyn<ForStmt>()) {
      if (&x->body == skip)
        continue; // the prange loop itself (its target is private)
      namesInExpr(x->target.get(), out);
      namesInExpr(x->iter.get(), out);
      namesInBlock(x->body, skip, out);
    } else if (auto *x = s->dyn<WhileStmt>()) {
      namesInExpr(x->cond.get(), out);
      namesInBlock(x->body, skip, out);
    } else if (auto *x = s->dyn<ReturnStmt>()) {
      namesInExpr(x->value.get(), out);
    } else if (auto *x = s->dyn<AssertStmt>()) {
      namesInExpr(x->test.get(), out);
      namesInExpr(x->msg.get(), out);
    }
  }
}

/// How `name` is combined across iterations, if every write to it in the
/// body is a reduction update and nothing else in the body reads it.
enum class Reduction { None, Add, Mul, Min, Max };

struct ReductionScan {
  const FunctionInstance &fn;
  const std::string &name;
  Reduction kind = Reduction::None;
  bool ok = true;
  int accounted = 0; ///< occurrences of `name` inside the updates
  SourceRange where; ///< the first write that is not an update

  void merge(Reduction k) {
    if (kind != Reduction::None && kind != k)
      ok = false;
    kind = k;
  }
  bool mentions(const Expr *e) {
    std::multiset<std::string> n;
    namesInExpr(e, n);
    return n.count(name) != 0;
  }
  void bad(SourceRange r) {
    if (ok)
      where = r;
    ok = false;
  }
  void scan(const Block &block) {
    for (const StmtPtr &s : block) {
      if (auto *a = s->dyn<AugAssignStmt>()) {
        auto *t = a->target->dyn<NameExpr>();
        if (!t || t->name != name)
          continue;
        if (mentions(a->value.get()))
          bad(s->range);
        else if (a->op == BinaryOp::Add || a->op == BinaryOp::Sub)
          merge(Reduction::Add);
        else if (a->op == BinaryOp::Mul)
          merge(Reduction::Mul);
        else
          bad(s->range);
        ++accounted;
      } else if (auto *a = s->dyn<AssignStmt>()) {
        std::multiset<std::string> targets;
        for (const ExprPtr &t : a->targets)
          namesInExpr(t.get(), targets);
        if (!targets.count(name))
          continue;
        // name = min(name, x) / max(name, x)
        auto *t = a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                         : nullptr;
        auto *c = a->value->dyn<CallExpr>();
        auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
        bool minmax = t && c && callee && !fn.calls.count(c) &&
                      (callee->name == "min" || callee->name == "max") &&
                      c->args.size() == 2 && c->keywords.empty();
        if (!minmax) {
          bad(s->range);
          continue;
        }
        auto isName = [&](const ExprPtr &e) {
          auto *n = e->dyn<NameExpr>();
          return n && n->name == name;
        };
        int self = isName(c->args[0]) + isName(c->args[1]);
        const Expr *other =
            isName(c->args[0]) ? c->args[1].get() : c->args[0].get();
        if (self != 1 || mentions(other)) {
          bad(s->range);
          continue;
        }
        merge(callee->name == "min" ? Reduction::Min : Reduction::Max);
        accounted += 2;
      } else if (auto *i = s->dyn<IfStmt>()) {
        scan(i->body);
        scan(i->orelse);
      } else if (auto *f = s->dyn<ForStmt>()) {
        if (auto *t = f->target->dyn<NameExpr>(); t && t->name == name)
          bad(s->range);
        scan(f->body);
      } else if (auto *w = s->dyn<WhileStmt>()) {
        scan(w->body);
      } else if (auto *a = s->dyn<AnnAssignStmt>()) {
        if (mentions(a->target.get()))
          bad(s->range);
      }
    }
  }
};

/// The first statement of `block` (searched recursively) that writes
/// `name`, for error locations.
const Stmt *firstWrite(const Block &block, const std::string &name) {
  for (const StmtPtr &s : block) {
    std::multiset<std::string> t;
    if (auto *a = s->dyn<AssignStmt>())
      for (const ExprPtr &x : a->targets)
        namesInExpr(x.get(), t);
    else if (auto *a = s->dyn<AugAssignStmt>())
      namesInExpr(a->target.get(), t);
    else if (auto *a = s->dyn<AnnAssignStmt>())
      namesInExpr(a->target.get(), t);
    if (t.count(name))
      return s.get();
    const Stmt *inner = nullptr;
    if (auto *i = s->dyn<IfStmt>()) {
      inner = firstWrite(i->body, name);
      if (!inner)
        inner = firstWrite(i->orelse, name);
    } else if (auto *f = s->dyn<ForStmt>()) {
      inner = firstWrite(f->body, name);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      inner = firstWrite(w->body, name);
    }
    if (inner)
      return inner;
  }
  return nullptr;
}

/// True if running `block` may draw random numbers (directly, or in a
/// function it calls).
bool drawsRandom(const Block &block, const FunctionInstance &fn,
                 std::set<const FunctionInstance *> &seen);

bool exprDrawsRandom(const Expr *e, const FunctionInstance &fn,
                     std::set<const FunctionInstance *> &seen) {
  if (!e)
    return false;
  if (auto *c = e->dyn<CallExpr>()) {
    auto it = fn.calls.find(c);
    if (it != fn.calls.end()) {
      if (seen.insert(it->second).second &&
          drawsRandom(*it->second->body, *it->second, seen))
        return true;
    } else if (auto *n = c->callee->dyn<NameExpr>()) {
      if (n->name == "random" || n->name == "rand" || n->name == "randn" ||
          n->name == "randint")
        return true;
    }
  }
  // Any sub-expression: reuse the name walker's structure by recursion on
  // the direct children.
  switch (e->kind) {
  case ExprKind::Unary:
    return exprDrawsRandom(static_cast<const UnaryExpr *>(e)->operand.get(),
                           fn, seen);
  case ExprKind::Binary: {
    auto *x = static_cast<const BinaryExpr *>(e);
    return exprDrawsRandom(x->lhs.get(), fn, seen) ||
           exprDrawsRandom(x->rhs.get(), fn, seen);
  }
  case ExprKind::BoolOp: {
    auto *x = static_cast<const BoolOpExpr *>(e);
    return exprDrawsRandom(x->lhs.get(), fn, seen) ||
           exprDrawsRandom(x->rhs.get(), fn, seen);
  }
  case ExprKind::Compare:
    for (const ExprPtr &o : static_cast<const CompareExpr *>(e)->operands)
      if (exprDrawsRandom(o.get(), fn, seen))
        return true;
    return false;
  case ExprKind::IfExp: {
    auto *x = static_cast<const IfExpExpr *>(e);
    return exprDrawsRandom(x->cond.get(), fn, seen) ||
           exprDrawsRandom(x->thenValue.get(), fn, seen) ||
           exprDrawsRandom(x->elseValue.get(), fn, seen);
  }
  case ExprKind::Call: {
    auto *x = static_cast<const CallExpr *>(e);
    if (auto *a = x->callee->dyn<AttributeExpr>())
      if (exprDrawsRandom(a->base.get(), fn, seen))
        return true;
    for (const ExprPtr &a : x->args)
      if (exprDrawsRandom(a.get(), fn, seen))
        return true;
    for (const KeywordArg &k : x->keywords)
      if (exprDrawsRandom(k.value.get(), fn, seen))
        return true;
    return false;
  }
  case ExprKind::Index: {
    auto *x = static_cast<const IndexExpr *>(e);
    if (exprDrawsRandom(x->base.get(), fn, seen))
      return true;
    for (const ExprPtr &i : x->indices)
      if (exprDrawsRandom(i.get(), fn, seen))
        return true;
    return false;
  }
  case ExprKind::Slice: {
    auto *x = static_cast<const SliceExpr *>(e);
    return exprDrawsRandom(x->lower.get(), fn, seen) ||
           exprDrawsRandom(x->upper.get(), fn, seen) ||
           exprDrawsRandom(x->step.get(), fn, seen);
  }
  case ExprKind::Attribute:
    return exprDrawsRandom(static_cast<const AttributeExpr *>(e)->base.get(),
                           fn, seen);
  case ExprKind::Tuple:
    for (const ExprPtr &x : static_cast<const TupleExpr *>(e)->elts)
      if (exprDrawsRandom(x.get(), fn, seen))
        return true;
    return false;
  case ExprKind::List:
    for (const ExprPtr &x : static_cast<const ListExpr *>(e)->elts)
      if (exprDrawsRandom(x.get(), fn, seen))
        return true;
    return false;
  default:
    return false;
  }
}

bool drawsRandom(const Block &block, const FunctionInstance &fn,
                 std::set<const FunctionInstance *> &seen) {
  auto any = [&](const Expr *e) { return exprDrawsRandom(e, fn, seen); };
  for (const StmtPtr &s : block) {
    if (auto *x = s->dyn<ExprStmt>()) {
      if (any(x->value.get()))
        return true;
    } else if (auto *x = s->dyn<AssignStmt>()) {
      if (any(x->value.get()))
        return true;
      for (const ExprPtr &t : x->targets)
        if (any(t.get()))
          return true;
    } else if (auto *x = s->dyn<AugAssignStmt>()) {
      if (any(x->value.get()) || any(x->target.get()))
        return true;
    } else if (auto *x = s->dyn<AnnAssignStmt>()) {
      if (any(x->value.get()))
        return true;
    } else if (auto *x = s->dyn<IfStmt>()) {
      if (any(x->cond.get()) || drawsRandom(x->body, fn, seen) ||
          drawsRandom(x->orelse, fn, seen))
        return true;
    } else if (auto *x = s->dyn<ForStmt>()) {
      if (any(x->iter.get()) || drawsRandom(x->body, fn, seen))
        return true;
    } else if (auto *x = s->dyn<WhileStmt>()) {
      if (any(x->cond.get()) || drawsRandom(x->body, fn, seen))
        return true;
    } else if (auto *x = s->dyn<ReturnStmt>()) {
      if (any(x->value.get()))
        return true;
    } else if (auto *x = s->dyn<AssertStmt>()) {
      if (any(x->test.get()))
        return true;
    }
  }
  return false;
}

} // namespace

bool FunctionGen::emitParallelFor(const ForStmt &s, Value start, Value stop,
                                  Value step, bool automatic) {
  Location l = loc(s.range);
  std::string var = s.target->dyn<NameExpr>()->name;
  bool ok = true;
  auto fail = [&](SourceRange r, const std::string &msg) {
    mg.diags.error(r, msg);
    failed = true;
    ok = false;
  };
  // Which writes are reductions, which are private.
  std::multiset<std::string> outside, inside;
  namesInBlock(*fn.body, &s.body, outside);
  namesInBlock(s.body, nullptr, inside);
  std::set<std::string> writes;
  collectWrites(s.body, writes);
  if (writes.count("%brk") || writes.count("%ret"))
    fail(s.range, "break and return are not allowed in a prange loop; "
                  "iterations run in parallel and in any order");
  struct Red {
    std::string name;
    Reduction kind;
  };
  std::vector<Red> reds;
  std::vector<std::string> privates;
  for (const std::string &w : writes) {
    if (w.empty() || w[0] == '%' || w == var || !env.count(w))
      continue;
    std::string base = w.substr(0, w.find('#'));
    const weft::Type &t = fn.locals.at(base);
    if (!outside.count(base)) {
      privates.push_back(w);
      continue;
    }
    ReductionScan scan{fn, base};
    scan.scan(s.body);
    const Stmt *at = firstWrite(s.body, base);
    SourceRange r = at ? at->range : s.range;
    if (!t.isScalar() || t.isBool()) {
      fail(r, "prange loop writes '" + base + "', which is used outside " +
                  "the loop; only number reductions (" + base + " += ...) " +
                  "may write outer variables");
      continue;
    }
    if (!scan.ok || scan.kind == Reduction::None ||
        static_cast<int>(inside.count(base)) != scan.accounted) {
      fail(scan.ok ? r : scan.where,
           "prange loop writes '" + base + "', which is used outside the " +
               "loop, in a way that is not a reduction; only " + base +
               " += x, " + base + " -= x, " + base + " *= x, " + base +
               " = min(" + base + ", x) and " + base + " = max(" + base +
               ", x) may update it (and nothing else in the loop may read "
               "it)");
      continue;
    }
    reds.push_back({w, scan.kind});
  }
  if (!ok)
    return false;
  {
    std::string text = "prange loop: parallel (OpenMP)";
    const char *ops[] = {"", "+", "*", "min", "max"};
    if (!reds.empty()) {
      text += "; reductions:";
      for (const Red &r : reds)
        text += " " + r.name + " (" + ops[static_cast<int>(r.kind)] + ")";
    }
    if (!privates.empty()) {
      text += "; private:";
      for (const std::string &p : privates)
        text += " " + p;
    }
    if (!automatic)
      note(line(s.range), text);
  }

  // Trip count of range(start, stop, step) (step != 0 was checked).
  Value zero64 = i64(0, l);
  Value pos = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, step,
                                    zero64);
  Value span = arith::SelectOp::create(
      b, l, pos, arith::SubIOp::create(b, l, stop, start),
      arith::SubIOp::create(b, l, start, stop));
  Value absStep = arith::SelectOp::create(
      b, l, pos, step, arith::SubIOp::create(b, l, zero64, step));
  Value safeStep = arith::MaxSIOp::create(b, l, absStep, i64(1, l));
  Value trips = arith::MaxSIOp::create(
      b, l, arith::CeilDivSIOp::create(b, l, span, safeStep), zero64);

  // Random numbers drawn by an iteration are keyed by (this loop's stream,
  // iteration, call number): the same for any thread count.
  std::set<const FunctionInstance *> seen{&fn};
  Value rngKey;
  if (drawsRandom(s.body, fn, seen))
    rngKey = weft::RngStreamOp::create(b, l, b.getI64Type());
  SmallVector<Value> inits;
  for (const Red &r : reds)
    inits.push_back(env.at(r.name));
  auto savedEnv = env;
  auto par = scf::ParallelOp::create(b, l, ValueRange{index(0, l)},
                                     ValueRange{toIndex(trips, l)},
                                     ValueRange{index(1, l)}, inits);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(par.getBody());
    Value iv = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                          par.getInductionVars()[0]);
    env[var] = arith::AddIOp::create(b, l, start,
                                     arith::MulIOp::create(b, l, iv, step));
    if (rngKey)
      weft::RngBeginIterationOp::create(b, l, rngKey, iv);
    env["%cont"] = constant(ScalarKind::Bool, 0, l);
    // Each iteration starts its reduction variables from the identity and
    // its private variables from their default values.
    for (const Red &r : reds) {
      ScalarKind k = kindOf(env.at(r.name).getType());
      bool isF = k == ScalarKind::F32 || k == ScalarKind::F64;
      double inf = std::numeric_limits<double>::infinity();
      switch (r.kind) {
      case Reduction::Add:
        env[r.name] = constant(k, 0, l);
        break;
      case Reduction::Mul:
        env[r.name] = constant(k, 1, l);
        break;
      case Reduction::Min:
        env[r.name] =
            isF ? constant(k, inf, l)
                : arith::ConstantOp::create(
                      b, l,
                      b.getIntegerAttr(env.at(r.name).getType(),
                                       llvm::APInt::getSignedMaxValue(
                                           bitWidth(k))))
                      .getResult();
        break;
      case Reduction::Max:
        env[r.name] =
            isF ? constant(k, -inf, l)
                : arith::ConstantOp::create(
                      b, l,
                      b.getIntegerAttr(env.at(r.name).getType(),
                                       llvm::APInt::getSignedMinValue(
                                           bitWidth(k))))
                      .getResult();
        break;
      case Reduction::None:
        break;
      }
    }
    for (const std::string &p : privates) {
      std::string base = p.substr(0, p.find('#'));
      weft::Type t = fn.locals.at(base);
      if (t.isTuple()) {
        std::vector<std::string> slots;
        slotNames(base, t, slots);
        Val d = defaultValue(t, l);
        for (size_t i = 0; i < slots.size(); ++i)
          if (slots[i] == p)
            env[p] = d.parts[i];
      } else {
        env[p] = defaultValue(t, l).v();
      }
    }
    ++loopDepth;
    ++parallelDepth;
    emitBlock(s.body);
    --parallelDepth;
    --loopDepth;
    if (rngKey)
      weft::RngEndIterationOp::create(b, l);
    // Arrays held by private variables die with the iteration.
    for (const std::string &p : privates)
      if (isArray(env.at(p)))
        weft::ReleaseOp::create(b, l, env.at(p));
    SmallVector<Value> parts;
    for (const Red &r : reds)
      parts.push_back(env.at(r.name));
    // Without reductions the loop already ends with an empty scf.reduce.
    auto reduce = reds.empty() ? cast<scf::ReduceOp>(
                                     par.getBody()->getTerminator())
                               : scf::ReduceOp::create(b, l, parts);
    for (size_t i = 0; i < reds.size(); ++i) {
      mlir::Block &blk = reduce.getReductions()[i].front();
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(&blk);
      Value x = blk.getArgument(0), y = blk.getArgument(1);
      ScalarKind k = kindOf(x.getType());
      bool isF = k == ScalarKind::F32 || k == ScalarKind::F64;
      Value c;
      switch (reds[i].kind) {
      case Reduction::Add:
        c = isF ? arith::AddFOp::create(b, l, x, y).getResult()
                : arith::AddIOp::create(b, l, x, y).getResult();
        break;
      case Reduction::Mul:
        c = isF ? arith::MulFOp::create(b, l, x, y).getResult()
                : arith::MulIOp::create(b, l, x, y).getResult();
        break;
      default: {
        // compare + select: the form convert-scf-to-openmp turns into an
        // OpenMP min/max reduction.
        bool mn = reds[i].kind == Reduction::Min;
        Value pick =
            isF ? arith::CmpFOp::create(b, l,
                                        mn ? arith::CmpFPredicate::OLT
                                           : arith::CmpFPredicate::OGT,
                                        x, y)
                      .getResult()
                : arith::CmpIOp::create(b, l,
                                        mn ? arith::CmpIPredicate::slt
                                           : arith::CmpIPredicate::sgt,
                                        x, y)
                      .getResult();
        c = arith::SelectOp::create(b, l, pick, x, y);
        break;
      }
      }
      scf::ReduceReturnOp::create(b, l, c);
    }
  }
  env = savedEnv;
  for (size_t i = 0; i < reds.size(); ++i)
    env[reds[i].name] = par.getResult(i);
  // Errors raised by iterations (on any thread) surface here.
  weft::RaiseRecordedOp::create(b, l);
  return true;
}

} // namespace weft

//===----------------------------------------------------------------------===//
// Automatic parallelisation of `for ... in range(...)` loops
//===----------------------------------------------------------------------===//

namespace weft {

namespace {

/// Proves (conservatively) that the iterations of a range loop are
/// independent: each writes only rows `A[i, ...]` of arrays it indexes by
/// the loop variable `i`, arrays the function allocated itself and never
/// aliased, and keeps every other variable private.
struct IndependenceCheck {
  const FunctionInstance &fn;
  const ForStmt &loop;
  std::string var;
  std::set<std::string> written; ///< arrays written as A[i, ...]
  std::string why;               ///< the first reason it is not proven

  bool fail(const std::string &reason) {
    if (why.empty())
      why = reason;
    return false;
  }

  bool isVar(const Expr *e) const {
    auto *n = e ? e->dyn<NameExpr>() : nullptr;
    return n && n->name == var;
  }

  /// Calls that have effects or order: user functions, I/O, random.
  bool checkCalls(const Expr *e) {
    if (!e)
      return true;
    bool ok = true;
    std::function<void(const Expr *)> walk = [&](const Expr *x) {
      if (!x || !ok)
        return;
      if (auto *c = x->dyn<CallExpr>()) {
        auto *n = c->callee->dyn<NameExpr>();
        if (fn.calls.count(c))
          ok = fail("it calls function '" + (n ? n->name : "") + "'");
        else if (n && (n->name == "print" || n->name == "random" ||
                       n->name == "rand" || n->name == "randn" ||
                       n->name == "randint" || n->name == "seed" ||
                       n->name == "save" || n->name == "load" ||
                       n->name == "time" || n->name == "argv"))
          ok = fail("it calls " + n->name + "()");
      }
      std::multiset<std::string> unused;
      (void)unused;
      // Recurse into children through the generic name walker's shape.
      switch (x->kind) {
      case ExprKind::Unary:
        walk(static_cast<const UnaryExpr *>(x)->operand.get());
        break;
      case ExprKind::Binary:
        walk(static_cast<const BinaryExpr *>(x)->lhs.get());
        walk(static_cast<const BinaryExpr *>(x)->rhs.get());
        break;
      case ExprKind::BoolOp:
        walk(static_cast<const BoolOpExpr *>(x)->lhs.get());
        walk(static_cast<const BoolOpExpr *>(x)->rhs.get());
        break;
      case ExprKind::Compare:
        for (const ExprPtr &o : static_cast<const CompareExpr *>(x)->operands)
          walk(o.get());
        break;
      case ExprKind::IfExp: {
        auto *i = static_cast<const IfExpExpr *>(x);
        walk(i->cond.get());
        walk(i->thenValue.get());
        walk(i->elseValue.get());
        break;
      }
      case ExprKind::Call: {
        auto *c = static_cast<const CallExpr *>(x);
        if (auto *a = c->callee->dyn<AttributeExpr>())
          walk(a->base.get());
        for (const ExprPtr &a : c->args)
          walk(a.get());
        for (const KeywordArg &k : c->keywords)
          walk(k.value.get());
        break;
      }
      case ExprKind::Index: {
        auto *i = static_cast<const IndexExpr *>(x);
        walk(i->base.get());
        for (const ExprPtr &e2 : i->indices)
          walk(e2.get());
        break;
      }
      case ExprKind::Slice: {
        auto *sl = static_cast<const SliceExpr *>(x);
        walk(sl->lower.get());
        walk(sl->upper.get());
        walk(sl->step.get());
        break;
      }
      case ExprKind::Attribute:
        walk(static_cast<const AttributeExpr *>(x)->base.get());
        break;
      case ExprKind::Tuple:
        for (const ExprPtr &e2 : static_cast<const TupleExpr *>(x)->elts)
          walk(e2.get());
        break;
      case ExprKind::List:
        for (const ExprPtr &e2 : static_cast<const ListExpr *>(x)->elts)
          walk(e2.get());
        break;
      default:
        break;
      }
    };
    walk(e);
    return ok;
  }

  bool checkTarget(const Expr *t) {
    if (t->dyn<NameExpr>())
      return true; // private or outer: decided with the name counts
    if (auto *ix = t->dyn<IndexExpr>()) {
      auto *base = ix->base->dyn<NameExpr>();
      if (!base || ix->indices.empty() || !isVar(ix->indices[0].get()))
        return fail("it writes an array element not indexed by '" + var +
                    "' first");
      written.insert(base->name);
      for (const ExprPtr &i : ix->indices)
        if (!checkCalls(i.get()))
          return false;
      return true;
    }
    if (auto *tu = t->dyn<TupleExpr>()) {
      for (const ExprPtr &e : tu->elts)
        if (!checkTarget(e.get()))
          return false;
      return true;
    }
    return fail("it assigns to an expression");
  }

  bool checkBlock(const Block &block) {
    for (const StmtPtr &s : block) {
      if (s->dyn<BreakStmt>() || s->dyn<ReturnStmt>())
        return fail("it may leave the loop early (break or return)");
      if (s->dyn<AssertStmt>() || s->dyn<AnnAssignStmt>())
        return fail("it contains an assert or an annotated assignment");
      if (auto *x = s->dyn<ExprStmt>()) {
        if (!checkCalls(x->value.get()))
          return false;
      } else if (auto *x = s->dyn<AssignStmt>()) {
        for (const ExprPtr &t : x->targets)
          if (!checkTarget(t.get()))
            return false;
        if (!checkCalls(x->value.get()))
          return false;
      } else if (auto *x = s->dyn<AugAssignStmt>()) {
        if (!checkTarget(x->target.get()) || !checkCalls(x->value.get()))
          return false;
      } else if (auto *x = s->dyn<IfStmt>()) {
        if (!checkCalls(x->cond.get()) || !checkBlock(x->body) ||
            !checkBlock(x->orelse))
          return false;
      } else if (auto *x = s->dyn<ForStmt>()) {
        if (isVar(x->target.get()))
          return fail("an inner loop reuses '" + var + "'");
        if (!checkCalls(x->iter.get()) || !checkBlock(x->body))
          return false;
      } else if (auto *x = s->dyn<WhileStmt>()) {
        if (!checkCalls(x->cond.get()) || !checkBlock(x->body))
          return false;
      }
    }
    return true;
  }

  /// Uses of array `a` in `e` that read only its metadata or row `a[i,..]`.
  void safeUses(const Expr *e, const std::string &a, int &safe) {
    if (!e)
      return;
    if (auto *ix = e->dyn<IndexExpr>()) {
      auto *base = ix->base->dyn<NameExpr>();
      if (base && base->name == a && !ix->indices.empty() &&
          isVar(ix->indices[0].get()))
        ++safe;
      for (const ExprPtr &i : ix->indices)
        safeUses(i.get(), a, safe);
      if (!base)
        safeUses(ix->base.get(), a, safe);
      return;
    }
    if (auto *at = e->dyn<AttributeExpr>()) {
      auto *base = at->base->dyn<NameExpr>();
      if (base && base->name == a &&
          (at->attr == "shape" || at->attr == "size" || at->attr == "ndim"))
        ++safe;
      else
        safeUses(at->base.get(), a, safe);
      return;
    }
    if (auto *c = e->dyn<CallExpr>()) {
      auto *n = c->callee->dyn<NameExpr>();
      if (n && n->name == "len" && c->args.size() == 1)
        if (auto *arg = c->args[0]->dyn<NameExpr>(); arg && arg->name == a) {
          ++safe;
          return;
        }
      if (auto *m = c->callee->dyn<AttributeExpr>())
        safeUses(m->base.get(), a, safe);
      for (const ExprPtr &x : c->args)
        safeUses(x.get(), a, safe);
      for (const KeywordArg &k : c->keywords)
        safeUses(k.value.get(), a, safe);
      return;
    }
    switch (e->kind) {
    case ExprKind::Unary:
      safeUses(static_cast<const UnaryExpr *>(e)->operand.get(), a, safe);
      return;
    case ExprKind::Binary:
      safeUses(static_cast<const BinaryExpr *>(e)->lhs.get(), a, safe);
      safeUses(static_cast<const BinaryExpr *>(e)->rhs.get(), a, safe);
      return;
    case ExprKind::BoolOp:
      safeUses(static_cast<const BoolOpExpr *>(e)->lhs.get(), a, safe);
      safeUses(static_cast<const BoolOpExpr *>(e)->rhs.get(), a, safe);
      return;
    case ExprKind::Compare:
      for (const ExprPtr &o : static_cast<const CompareExpr *>(e)->operands)
        safeUses(o.get(), a, safe);
      return;
    case ExprKind::IfExp: {
      auto *i = static_cast<const IfExpExpr *>(e);
      safeUses(i->cond.get(), a, safe);
      safeUses(i->thenValue.get(), a, safe);
      safeUses(i->elseValue.get(), a, safe);
      return;
    }
    case ExprKind::Tuple:
      for (const ExprPtr &x : static_cast<const TupleExpr *>(e)->elts)
        safeUses(x.get(), a, safe);
      return;
    default:
      return;
    }
  }

  void safeUsesBlock(const Block &block, const std::string &a, int &safe) {
    for (const StmtPtr &s : block) {
      if (auto *x = s->dyn<ExprStmt>()) {
        safeUses(x->value.get(), a, safe);
      } else if (auto *x = s->dyn<AssignStmt>()) {
        for (const ExprPtr &t : x->targets)
          safeUses(t.get(), a, safe);
        safeUses(x->value.get(), a, safe);
      } else if (auto *x = s->dyn<AugAssignStmt>()) {
        safeUses(x->target.get(), a, safe);
        safeUses(x->value.get(), a, safe);
      } else if (auto *x = s->dyn<IfStmt>()) {
        safeUses(x->cond.get(), a, safe);
        safeUsesBlock(x->body, a, safe);
        safeUsesBlock(x->orelse, a, safe);
      } else if (auto *x = s->dyn<ForStmt>()) {
        safeUses(x->iter.get(), a, safe);
        safeUsesBlock(x->body, a, safe);
      } else if (auto *x = s->dyn<WhileStmt>()) {
        safeUses(x->cond.get(), a, safe);
        safeUsesBlock(x->body, a, safe);
      }
    }
  }

  /// `a` is a local bound only to fresh arrays and never aliased.
  bool freshAndUnaliased(const std::string &a) {
    if (std::find(fn.paramNames.begin(), fn.paramNames.end(), a) !=
        fn.paramNames.end())
      return fail("it writes parameter '" + a + "', which may share memory "
                  "with the arrays it reads");
    bool ok = true;
    std::function<void(const Block &)> scan = [&](const Block &block) {
      for (const StmtPtr &s : block) {
        if (auto *x = s->dyn<AssignStmt>()) {
          bool assignsA = false;
          for (const ExprPtr &t : x->targets)
            if (auto *n = t->dyn<NameExpr>(); n && n->name == a)
              assignsA = true;
          const Expr *v = x->value.get();
          if (assignsA) {
            auto *c = v->dyn<CallExpr>();
            auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
            bool fresh = callee && !fn.calls.count(c) &&
                         (callee->name == "zeros" || callee->name == "ones" ||
                          callee->name == "empty" || callee->name == "full" ||
                          callee->name == "copy" || callee->name == "eye" ||
                          callee->name == "arange" ||
                          callee->name == "linspace");
            if (!fresh)
              ok = fail("'" + a + "' is not only bound to new arrays "
                        "(zeros, empty, ...)");
          }
          // b = a, b = a[...] or b = a.T would alias a.
          const Expr *root = v;
          while (true) {
            if (auto *ix = root->dyn<IndexExpr>())
              root = ix->base.get();
            else if (auto *at = root->dyn<AttributeExpr>())
              root = at->base.get();
            else if (auto *c = root->dyn<CallExpr>();
                     c && c->callee->dyn<AttributeExpr>())
              root = c->callee->dyn<AttributeExpr>()->base.get();
            else
              break;
          }
          if (auto *n = root->dyn<NameExpr>(); n && n->name == a && v != root)
            ok = fail("a view of '" + a + "' is stored in another variable");
          else if (n && n->name == a && !assignsA)
            ok = fail("'" + a + "' is stored in another variable");
        }
        if (auto *i = s->dyn<IfStmt>()) {
          scan(i->body);
          scan(i->orelse);
        } else if (auto *f = s->dyn<ForStmt>()) {
          scan(f->body);
        } else if (auto *w = s->dyn<WhileStmt>()) {
          scan(w->body);
        }
      }
    };
    scan(*fn.body);
    return ok && why.empty();
  }

  /// Every private variable is assigned at the top of the body before it
  /// is read, so no value flows from one iteration to the next.
  bool writtenBeforeRead(const std::set<std::string> &privates) {
    std::set<std::string> assigned;
    for (const StmtPtr &s : loop.body) {
      std::multiset<std::string> reads;
      std::vector<std::string> writes;
      if (auto *x = s->dyn<AssignStmt>()) {
        namesInExpr(x->value.get(), reads);
        for (const ExprPtr &t : x->targets) {
          if (auto *n = t->dyn<NameExpr>())
            writes.push_back(n->name);
          else
            namesInExpr(t.get(), reads);
        }
      } else {
        // Any other statement: everything it mentions counts as a read.
        std::multiset<std::string> all;
        if (auto *x = s->dyn<AugAssignStmt>()) {
          namesInExpr(x->target.get(), all);
          namesInExpr(x->value.get(), all);
        } else if (auto *x = s->dyn<IfStmt>()) {
          namesInExpr(x->cond.get(), all);
          namesInBlock(x->body, nullptr, all);
          namesInBlock(x->orelse, nullptr, all);
        } else if (auto *x = s->dyn<ForStmt>()) {
          namesInExpr(x->iter.get(), all);
          namesInBlock(x->body, nullptr, all);
          if (auto *n = x->target->dyn<NameExpr>())
            assigned.insert(n->name); // inner loop variables start fresh
        } else if (auto *x = s->dyn<WhileStmt>()) {
          namesInExpr(x->cond.get(), all);
          namesInBlock(x->body, nullptr, all);
        } else if (auto *x = s->dyn<ExprStmt>()) {
          namesInExpr(x->value.get(), all);
        }
        reads.insert(all.begin(), all.end());
      }
      for (const std::string &p : privates)
        if (reads.count(p) && !assigned.count(p))
          return fail("'" + p + "' may carry a value from one iteration to "
                      "the next");
      for (const std::string &w : writes)
        assigned.insert(w);
    }
    return true;
  }

  bool run() {
    var = loop.target->dyn<NameExpr>()->name;
    if (!checkCalls(loop.iter.get()) || !checkBlock(loop.body))
      return false;
    std::multiset<std::string> outside, inside;
    namesInBlock(*fn.body, &loop.body, outside);
    namesInBlock(loop.body, nullptr, inside);
    // Scalars written in the body must be private (no reductions: they
    // would change floating-point rounding; prange allows them).
    std::set<std::string> targets;
    std::function<void(const Block &)> collect = [&](const Block &block) {
      for (const StmtPtr &s : block) {
        std::multiset<std::string> t;
        if (auto *x = s->dyn<AssignStmt>()) {
          for (const ExprPtr &e : x->targets)
            if (e->dyn<NameExpr>() || e->dyn<TupleExpr>())
              namesInExpr(e.get(), t);
        } else if (auto *x = s->dyn<AugAssignStmt>()) {
          if (x->target->dyn<NameExpr>())
            namesInExpr(x->target.get(), t);
        } else if (auto *x = s->dyn<ForStmt>()) {
          namesInExpr(x->target.get(), t);
          collect(x->body);
        } else if (auto *x = s->dyn<IfStmt>()) {
          collect(x->body);
          collect(x->orelse);
        } else if (auto *x = s->dyn<WhileStmt>()) {
          collect(x->body);
        }
        targets.insert(t.begin(), t.end());
      }
    };
    collect(loop.body);
    // Other loops reusing the name as their variable do not read it.
    std::function<size_t(const Block &)> forTargets =
        [&](const Block &block) -> size_t {
      size_t n = 0;
      for (const StmtPtr &s : block) {
        if (auto *f = s->dyn<ForStmt>()) {
          if (&f->body == &loop.body)
            continue;
          n += isVar(f->target.get());
          n += forTargets(f->body);
        } else if (auto *i = s->dyn<IfStmt>()) {
          n += forTargets(i->body) + forTargets(i->orelse);
        } else if (auto *w = s->dyn<WhileStmt>()) {
          n += forTargets(w->body);
        }
      }
      return n;
    };
    if (outside.count(var) > forTargets(*fn.body))
      return fail("'" + var + "' is used after the loop");
    for (const std::string &t : targets) {
      if (t == var)
        return fail("it assigns the loop variable '" + var + "'");
      if (outside.count(t))
        return fail("it updates '" + t + "', which is used after the loop "
                    "(a reduction: write prange to parallelise it)");
      auto it = fn.locals.find(t);
      if (it != fn.locals.end() && !it->second.isScalar())
        return fail("it binds the array variable '" + t + "' in the loop");
    }
    if (!writtenBeforeRead(targets))
      return false;
    if (written.empty())
      return fail("it writes no array rows");
    for (const std::string &a : written) {
      int safe = 0;
      safeUsesBlock(loop.body, a, safe);
      if (safe != static_cast<int>(inside.count(a)))
        return fail("it reads '" + a + "' elsewhere than in the row it "
                    "writes");
      if (!freshAndUnaliased(a))
        return false;
    }
    return true;
  }
};

} // namespace

bool FunctionGen::loopIsIndependent(const ForStmt &s, std::string &why) {
  IndependenceCheck check{fn, s};
  bool ok = check.run();
  why = check.why;
  return ok;
}

} // namespace weft
