//===- DesugarAssignments.cpp - chained assignments as single ones --------===//
//
// Implements desugarChainedAssignments (DesugarAssignments.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarAssignments.h"
#include "frontend/ASTBuild.h"

#include <functional>
#include <string>

namespace weft {
namespace {

/// Whether `target` (a name, an index or a tuple of those) indexes an
/// array somewhere.
bool indexes(const Expr *target) {
  if (target->dyn<IndexExpr>())
    return true;
  if (auto *t = target->dyn<TupleExpr>())
    for (const ExprPtr &e : t->elts)
      if (indexes(e.get()))
        return true;
  return false;
}

/// `stem` followed by the line and column of `a`: the name of a variable
/// the rewrite of `a` introduces.
std::string positionName(const char *stem, const AssignStmt &a) {
  return stem + std::to_string(a.range.begin.line) + "_" +
         std::to_string(a.range.begin.col);
}

/// `a[0:2] = b[1:3] = e` as `__chain_L_C = e` and one assignment per
/// target; nothing for other statements.
std::optional<Block> splitChain(Stmt &s) {
  auto *a = s.dyn<AssignStmt>();
  if (!a || a->targets.size() < 2)
    return std::nullopt;
  bool any = false;
  for (const ExprPtr &t : a->targets)
    any |= indexes(t.get());
  if (!any)
    return std::nullopt;
  std::string name = positionName("__chain_", *a);
  Block out;
  ASTBuilder at{a->value->range};
  auto keep = at.assign(at.name(name), std::move(a->value));
  keep->range = a->range;
  out.push_back(std::move(keep));
  for (ExprPtr &t : a->targets) {
    ASTBuilder bt{t->range};
    auto one = bt.assign(std::move(t), bt.name(name));
    one->range = a->range;
    out.push_back(std::move(one));
  }
  return out;
}

/// Replaces the tuples nested in tuple target `t` by new variables,
/// appending to `after` the assignments that unpack each, in order.
void flattenTarget(ExprPtr &t, Block &after, const std::string &prefix,
                   int &count) {
  auto *tuple = t->dyn<TupleExpr>();
  if (!tuple)
    return;
  for (ExprPtr &e : tuple->elts) {
    if (!e->dyn<TupleExpr>())
      continue;
    std::string name = prefix + std::to_string(count++);
    ExprPtr inner = std::move(e);
    ASTBuilder b{inner->range};
    e = b.name(name);
    Block nested;
    flattenTarget(inner, nested, prefix, count);
    after.push_back(b.assign(std::move(inner), b.name(name)));
    for (StmtPtr &s : nested)
      after.push_back(std::move(s));
  }
}

/// `(a, (b, c)), d = e` as `__unpack_L_C_0, d = e` then
/// `a, __unpack_L_C_1 = __unpack_L_C_0` and `b, c = __unpack_L_C_1`.
std::optional<Block> splitNestedTargets(Stmt &s) {
  auto *a = s.dyn<AssignStmt>();
  if (!a || a->targets.size() != 1)
    return std::nullopt;
  auto *tuple = a->targets[0]->dyn<TupleExpr>();
  bool nested = false;
  if (tuple)
    for (const ExprPtr &e : tuple->elts)
      nested |= e->dyn<TupleExpr>() != nullptr;
  if (!nested)
    return std::nullopt;
  std::string prefix = positionName("__unpack_", *a) + "_";
  int count = 0;
  Block after;
  flattenTarget(a->targets[0], after, prefix, count);
  Block out;
  out.push_back(cloneStmt(*a));
  for (StmtPtr &x : after)
    out.push_back(std::move(x));
  return out;
}

/// `a[:k], b[:k] = x, y` (a tuple target holding an index) as
/// `__store_L_C_0 = x`, `__store_L_C_1 = y`, then `a[:k] = __store_L_C_0`
/// and `b[:k] = __store_L_C_1`: every value first, then each store, left
/// to right, as Python runs it (a value that is not a tuple display is
/// kept whole and indexed).
std::optional<Block> splitIndexedTuple(Stmt &s) {
  auto *a = s.dyn<AssignStmt>();
  auto *tuple =
      a && a->targets.size() == 1 ? a->targets[0]->dyn<TupleExpr>() : nullptr;
  bool indexed = false;
  if (tuple)
    for (const ExprPtr &e : tuple->elts)
      indexed |= e->dyn<IndexExpr>() != nullptr;
  if (!indexed)
    return std::nullopt;
  std::string prefix = positionName("__store_", *a);
  Block out;
  auto *values = a->value->dyn<TupleExpr>();
  bool display = values && values->elts.size() == tuple->elts.size();
  if (!display) {
    ASTBuilder at{a->value->range};
    auto keep = at.assign(at.name(prefix), std::move(a->value));
    keep->range = a->range;
    out.push_back(std::move(keep));
  }
  for (size_t k = 0; display && k < tuple->elts.size(); ++k) {
    ASTBuilder at{values->elts[k]->range};
    auto keep = at.assign(at.name(prefix + "_" + std::to_string(k)),
                          std::move(values->elts[k]));
    keep->range = a->range;
    out.push_back(std::move(keep));
  }
  for (size_t k = 0; k < tuple->elts.size(); ++k) {
    ExprPtr &t = tuple->elts[k];
    ASTBuilder bt{t->range};
    ExprPtr value = display ? bt.name(prefix + "_" + std::to_string(k))
                            : bt.item(prefix, bt.i64(int64_t(k)));
    auto one = bt.assign(std::move(t), std::move(value));
    one->range = a->range;
    out.push_back(std::move(one));
  }
  return out;
}

/// Whether `e` reads no variable and is new on each evaluation: a number,
/// bool or str literal, or an empty list, dict or set display.
bool freshConstant(const Expr *e) {
  if (e->dyn<IntLitExpr>() || e->dyn<FloatLitExpr>() || e->dyn<BoolLitExpr>() ||
      e->dyn<StrLitExpr>())
    return true;
  if (auto *l = e->dyn<ListExpr>())
    return l->elts.empty();
  auto *c = e->dyn<CallExpr>();
  auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
  return callee && c->args.empty() && c->keywords.empty() &&
         (callee->name == "weft.dict_display" ||
          callee->name == "weft.set_display" || callee->name == "list" ||
          callee->name == "dict" || callee->name == "set");
}

/// `a, b = [], []` (names, and values that read no variable) as `a = []`
/// and `b = []`: each name's own assignment, so that what is appended to
/// each types it as a plain `a = []` is typed.
std::optional<Block> splitFreshValues(Stmt &s) {
  auto *a = s.dyn<AssignStmt>();
  auto *tuple =
      a && a->targets.size() == 1 ? a->targets[0]->dyn<TupleExpr>() : nullptr;
  auto *values = tuple ? a->value->dyn<TupleExpr>() : nullptr;
  if (!values || values->elts.size() != tuple->elts.size())
    return std::nullopt;
  bool container = false;
  for (size_t k = 0; k < tuple->elts.size(); ++k) {
    if (!tuple->elts[k]->dyn<NameExpr>() ||
        !freshConstant(values->elts[k].get()))
      return std::nullopt;
    container |= !values->elts[k]->dyn<IntLitExpr>() &&
                 !values->elts[k]->dyn<FloatLitExpr>() &&
                 !values->elts[k]->dyn<BoolLitExpr>() &&
                 !values->elts[k]->dyn<StrLitExpr>();
  }
  if (!container)
    return std::nullopt;
  Block out;
  for (size_t k = 0; k < tuple->elts.size(); ++k) {
    ASTBuilder bt{tuple->elts[k]->range};
    auto one = bt.assign(std::move(tuple->elts[k]), std::move(values->elts[k]));
    one->range = a->range;
    out.push_back(std::move(one));
  }
  return out;
}

/// `f(*g(x))` (a star of a value that is not a name or a tuple display)
/// as `__star_L_C_k = g(x)` before the statement and `f(*__star_L_C_k)`:
/// the value is computed once, then unpacked. Parts that run
/// conditionally or repeatedly (a conditional expression's branches, the
/// right of `and`/`or`, a comprehension) are left alone.
std::optional<Block> splitStarredValues(Stmt &s) {
  Block hoisted;
  int k = 0;
  std::function<void(ExprPtr &)> visit = [&](ExprPtr &e) {
    if (!e)
      return;
    switch (e->kind) {
    case ExprKind::IfExp:
      visit(static_cast<IfExpExpr &>(*e).cond);
      return;
    case ExprKind::BoolOp:
      visit(static_cast<BoolOpExpr &>(*e).lhs);
      return;
    case ExprKind::ListComp:
      return;
    default:
      break;
    }
    forEachChildSlot(*e, [&](ExprPtr &c) { visit(c); });
    auto *c = e->dyn<CallExpr>();
    if (!c)
      return;
    for (size_t at : c->starred) {
      if (at >= c->args.size())
        continue; // (Sema reports a call whose positions went wrong)
      ExprPtr &a = c->args[at];
      if (a->dyn<NameExpr>() || a->dyn<TupleExpr>())
        continue;
      ASTBuilder b{a->range};
      std::string name = "__star_" + std::to_string(s.range.begin.line) + "_" +
                         std::to_string(s.range.begin.col) + "_" +
                         std::to_string(k++);
      hoisted.push_back(b.assign(b.name(name), std::move(a)));
      a = b.name(name);
    }
  };
  StmtPtr kept;
  if (auto *a = s.dyn<AssignStmt>()) {
    visit(a->value);
    if (!hoisted.empty()) {
      auto n = std::make_unique<AssignStmt>(a->range);
      n->targets = std::move(a->targets);
      n->value = std::move(a->value);
      kept = std::move(n);
    }
  } else if (auto *r = s.dyn<ReturnStmt>()) {
    visit(r->value);
    if (!hoisted.empty())
      kept = std::make_unique<ReturnStmt>(r->range, std::move(r->value));
  } else if (auto *x = s.dyn<ExprStmt>()) {
    visit(x->value);
    if (!hoisted.empty())
      kept = std::make_unique<ExprStmt>(x->range, std::move(x->value));
  }
  if (!kept)
    return std::nullopt;
  hoisted.push_back(std::move(kept));
  return hoisted;
}

} // namespace

void splitFreshTupleAssignments(ModuleAST &module) {
  rewriteBlocks(module.body, splitFreshValues);
}

void desugarChainedAssignments(ModuleAST &module) {
  rewriteBlocks(module.body, [](Stmt &s) -> std::optional<Block> {
    if (std::optional<Block> chain = splitChain(s))
      return chain;
    if (std::optional<Block> nested = splitNestedTargets(s))
      return nested;
    if (std::optional<Block> starred = splitStarredValues(s))
      return starred;
    return splitIndexedTuple(s);
  });
}

} // namespace weft
