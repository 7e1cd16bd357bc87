//===- SemaWrites.cpp - Which array parameters a function may write ------===//
//
// A conservative, flow-insensitive analysis over the typed instances: a
// parameter is written if it, or any local that may view its buffer (a
// slice, `.T`, a reshape, a name bound to it, a tuple holding it, the
// result of a call given it), is the target of a store (`v[...] = e`,
// `v op= e` on an array) or is passed to a parameter of a callee that is
// written. Hosts use the result to refuse read-only buffers
// (FunctionInstance::writtenParams). Anything the analysis cannot see
// through counts as a possible view, so it may report a write that never
// happens, never the reverse.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

#include <map>
#include <set>

namespace weft {
namespace sema {

namespace {

using ParamSet = std::set<size_t>;

/// True if a value of type `t` may hold (a view of) an array.
bool mayHoldArray(const Type &t) {
  if (t.isArray() || t.isUnknown())
    return true;
  if (t.isTuple())
    for (const Type &e : t.elems())
      if (mayHoldArray(e))
        return true;
  return false;
}

} // namespace

/// Builtins whose result is a new buffer whatever their arguments.
bool returnsNewBuffer(Builtin b) {
  return isUnaryMath(b) ||
         builtinIn(
             b, {Builtin::Zeros,      Builtin::Ones,      Builtin::Empty,
                 Builtin::Full,       Builtin::Arange,    Builtin::Linspace,
                 Builtin::ZerosLike,  Builtin::OnesLike,  Builtin::EmptyLike,
                 Builtin::FullLike,   Builtin::Eye,       Builtin::Copy,
                 Builtin::Rand,       Builtin::Randn,     Builtin::Load,
                 Builtin::Outer,      Builtin::Minimum,   Builtin::Maximum,
                 Builtin::Where,      Builtin::Clip,      Builtin::Isnan,
                 Builtin::Isinf,      Builtin::Atan2,     Builtin::Pow,
                 Builtin::Abs,        Builtin::Sum,       Builtin::Prod,
                 Builtin::Mean,       Builtin::Var,       Builtin::Std,
                 Builtin::Argmin,     Builtin::Argmax,    Builtin::Any,
                 Builtin::All,        Builtin::Dot,       Builtin::Min,
                 Builtin::Max,        Builtin::Len,       Builtin::Randint,
                 Builtin::Range,      Builtin::Prange,    Builtin::Sort,
                 Builtin::Argsort,    Builtin::Cumsum,    Builtin::Cumprod,
                 Builtin::LogicalAnd, Builtin::LogicalOr, Builtin::LogicalXor,
                 Builtin::LogicalNot}) ||
         isFloatTest(b) || isBinaryFloatMath(b) || isComplexPart(b) ||
         isRandomDraw(b) || isLinalg(b);
}

namespace {

class FunctionWrites {
public:
  explicit FunctionWrites(const FunctionInstance &fn) : fn_(fn) {
    for (size_t i = 0; i < fn.paramNames.size(); ++i)
      if (i < fn.paramTypes.size() && mayHoldArray(fn.paramTypes[i]))
        views_[fn.paramNames[i]].insert(i);
  }

  /// The parameters written, to a fixpoint of the views of each local.
  ParamSet run() {
    if (!fn_.body)
      return {};
    do {
      changed_ = false;
      block(*fn_.body);
    } while (changed_);
    return written_;
  }

private:
  void add(ParamSet &to, const ParamSet &from) {
    for (size_t p : from)
      changed_ |= to.insert(p).second;
  }

  /// The parameters whose buffer the value of `e` may view.
  ParamSet viewsOf(const Expr *e) {
    if (!e)
      return {};
    switch (e->kind) {
    case ExprKind::IntLit:
    case ExprKind::FloatLit:
    case ExprKind::BoolLit:
    case ExprKind::StrLit:
      return {};
    default:
      break;
    }
    if (!mayHoldArray(fn_.typeOf(e)))
      return {};
    ParamSet out;
    auto unite = [&](const Expr *x) {
      ParamSet s = viewsOf(x);
      out.insert(s.begin(), s.end());
    };
    switch (e->kind) {
    case ExprKind::Name: {
      auto it = views_.find(e->dyn<NameExpr>()->name);
      if (it != views_.end())
        out = it->second;
      break;
    }
    case ExprKind::Index:
      unite(e->dyn<IndexExpr>()->base.get());
      break;
    case ExprKind::Attribute:
      unite(e->dyn<AttributeExpr>()->base.get());
      break;
    case ExprKind::IfExp: {
      auto *x = e->dyn<IfExpExpr>();
      unite(x->thenValue.get());
      unite(x->elseValue.get());
      break;
    }
    case ExprKind::BoolOp: {
      auto *x = e->dyn<BoolOpExpr>();
      unite(x->lhs.get());
      unite(x->rhs.get());
      break;
    }
    case ExprKind::Tuple:
      for (const ExprPtr &x : e->dyn<TupleExpr>()->elts)
        unite(x.get());
      break;
    case ExprKind::List:
      for (const ExprPtr &x : e->dyn<ListExpr>()->elts)
        unite(x.get());
      break;
    case ExprKind::Unary:
      // +a may be a itself; -a and ~a compute new arrays.
      if (e->dyn<UnaryExpr>()->op == UnaryOp::Pos)
        unite(e->dyn<UnaryExpr>()->operand.get());
      break;
    case ExprKind::Binary:
      // Arithmetic on arrays makes a new array; tuples concatenate.
      if (!fn_.typeOf(e).isArray()) {
        unite(e->dyn<BinaryExpr>()->lhs.get());
        unite(e->dyn<BinaryExpr>()->rhs.get());
      }
      break;
    case ExprKind::Compare:
      break;
    case ExprKind::Call:
      out = callViews(e->dyn<CallExpr>());
      break;
    default:
      // Anything else: whatever it mentions.
      out = allNames(e);
      break;
    }
    return out;
  }

  ParamSet callViews(const CallExpr *c) {
    ParamSet out;
    auto unite = [&](const Expr *x) {
      ParamSet s = viewsOf(x);
      out.insert(s.begin(), s.end());
    };
    if (fn_.vectorizedCalls.count(c) || fn_.vmapAxis.count(c))
      return out; // a new array, element by element
    if (auto *n = c->callee->dyn<NameExpr>())
      if (!fn_.calls.count(c) && isBuiltinName(n->name) &&
          returnsNewBuffer(*lookupBuiltin(n->name)))
        return out;
    if (auto *m = c->callee->dyn<AttributeExpr>()) {
      std::optional<Builtin> mb = lookupBuiltin(m->attr);
      if (mb && (*mb == Builtin::Copy || returnsNewBuffer(*mb)))
        return out;
      unite(m->base.get());
    }
    auto bound = fn_.callArgs.find(c);
    if (bound != fn_.callArgs.end()) {
      for (const Expr *a : bound->second)
        unite(a);
    } else {
      for (const ExprPtr &a : c->args)
        unite(a.get());
      for (const KeywordArg &k : c->keywords)
        unite(k.value.get());
    }
    return out;
  }

  /// The views of every name `e` mentions (the fallback).
  ParamSet allNames(const Expr *e) {
    ParamSet out;
    std::vector<const Expr *> work{e};
    while (!work.empty()) {
      const Expr *x = work.back();
      work.pop_back();
      if (!x)
        continue;
      if (auto *n = x->dyn<NameExpr>()) {
        auto it = views_.find(n->name);
        if (it != views_.end())
          out.insert(it->second.begin(), it->second.end());
      }
      forEachChild(x, [&](const Expr *c) { work.push_back(c); });
    }
    return out;
  }

  /// Every call in `e`: a callee that writes a parameter writes what the
  /// call binds to it.
  void visit(const Expr *e) {
    std::vector<const Expr *> work{e};
    while (!work.empty()) {
      const Expr *x = work.back();
      work.pop_back();
      if (!x)
        continue;
      if (auto *c = x->dyn<CallExpr>())
        callWrites(c);
      forEachChild(x, [&](const Expr *c) { work.push_back(c); });
    }
  }

  void callWrites(const CallExpr *c) {
    auto callee = fn_.calls.find(c);
    auto bound = fn_.callArgs.find(c);
    if (callee != fn_.calls.end() && callee->second &&
        bound != fn_.callArgs.end()) {
      const std::vector<bool> &w = callee->second->writtenParams;
      for (size_t j = 0; j < bound->second.size() && j < w.size(); ++j)
        if (w[j])
          add(written_, viewsOf(bound->second[j]));
      return;
    }
    // Builtins and methods write none of their arguments, except
    // a.sort(), which sorts `a` in place; a call the analysis cannot
    // resolve may write all of them.
    if (auto *m = c->callee->dyn<AttributeExpr>()) {
      if (isBuiltinNamed(m->attr, Builtin::Sort))
        add(written_, viewsOf(m->base.get()));
      return;
    }
    if (auto *n = c->callee->dyn<NameExpr>())
      if (isBuiltinName(n->name))
        return;
    for (const ExprPtr &a : c->args)
      add(written_, viewsOf(a.get()));
    for (const KeywordArg &k : c->keywords)
      add(written_, viewsOf(k.value.get()));
  }

  /// `target = value`: names take the value's views, stores write.
  void bind(const Expr *target, const Expr *value, const ParamSet &views) {
    if (auto *n = target->dyn<NameExpr>()) {
      add(views_[n->name], views);
      return;
    }
    if (auto *t = target->dyn<TupleExpr>()) {
      auto *tv = value ? value->dyn<TupleExpr>() : nullptr;
      for (size_t i = 0; i < t->elts.size(); ++i) {
        if (tv && tv->elts.size() == t->elts.size())
          bind(t->elts[i].get(), tv->elts[i].get(), viewsOf(tv->elts[i].get()));
        else
          bind(t->elts[i].get(), nullptr, views);
      }
      return;
    }
    store(target);
  }

  /// A store into `target` (an element or a slice) writes its base.
  void store(const Expr *target) {
    visit(target);
    if (auto *ix = target->dyn<IndexExpr>())
      add(written_, viewsOf(ix->base.get()));
    else
      add(written_, allNames(target));
  }

  void block(const Block &b) {
    for (const StmtPtr &s : b)
      stmt(*s);
  }

  void stmt(const Stmt &s) {
    switch (s.kind) {
    case StmtKind::Expr:
      visit(static_cast<const ExprStmt &>(s).value.get());
      break;
    case StmtKind::Assign: {
      auto &a = static_cast<const AssignStmt &>(s);
      visit(a.value.get());
      ParamSet v = viewsOf(a.value.get());
      for (const ExprPtr &t : a.targets)
        bind(t.get(), a.value.get(), v);
      break;
    }
    case StmtKind::AugAssign: {
      auto &a = static_cast<const AugAssignStmt &>(s);
      visit(a.value.get());
      // On an array name it works in place; on a number it rebinds.
      if (auto *n = a.target->dyn<NameExpr>()) {
        if (fn_.typeOf(n).isArray() || fn_.typeOf(n).isUnknown())
          add(written_, viewsOf(n));
      } else {
        store(a.target.get());
      }
      break;
    }
    case StmtKind::AnnAssign: {
      auto &a = static_cast<const AnnAssignStmt &>(s);
      if (a.value) {
        visit(a.value.get());
        bind(a.target.get(), a.value.get(), viewsOf(a.value.get()));
      }
      break;
    }
    case StmtKind::If: {
      auto &i = static_cast<const IfStmt &>(s);
      visit(i.cond.get());
      block(i.body);
      block(i.orelse);
      break;
    }
    case StmtKind::For: {
      auto &f = static_cast<const ForStmt &>(s);
      visit(f.iter.get());
      bind(f.target.get(), nullptr, viewsOf(f.iter.get()));
      block(f.body);
      break;
    }
    case StmtKind::While: {
      auto &w = static_cast<const WhileStmt &>(s);
      visit(w.cond.get());
      block(w.body);
      break;
    }
    case StmtKind::Return:
      visit(static_cast<const ReturnStmt &>(s).value.get());
      break;
    case StmtKind::Assert: {
      auto &a = static_cast<const AssertStmt &>(s);
      visit(a.test.get());
      visit(a.msg.get());
      break;
    }
    default:
      break;
    }
  }

  const FunctionInstance &fn_;
  std::map<std::string, ParamSet> views_;
  ParamSet written_;
  bool changed_ = false;
};

} // namespace

void computeWrittenParams(Program &program) {
  for (auto &inst : program.instances)
    inst->writtenParams.assign(inst->paramTypes.size(), false);
  // Callers depend on their callees' facts, which only grow: repeat
  // until nothing changes (recursion included).
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto &inst : program.instances) {
      ParamSet w = FunctionWrites(*inst).run();
      for (size_t p : w)
        if (p < inst->writtenParams.size() && !inst->writtenParams[p]) {
          inst->writtenParams[p] = true;
          changed = true;
        }
    }
  }
}

} // namespace sema
} // namespace weft
