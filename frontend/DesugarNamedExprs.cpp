//===- DesugarNamedExprs.cpp - Assignment expressions as statements -------===//
//
// Implements desugarNamedExprs (DesugarNamedExprs.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarNamedExprs.h"

#include <functional>

namespace weft {

namespace {

bool isAssignExpr(const Expr *e) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  return n && n->name == kAssignExpr && c->args.size() == 2;
}

/// Moves the assignment expressions of `slot` that always run (left to
/// right, as Python evaluates them) into `out` as assignments, each
/// replaced by its name.
void hoist(ExprPtr &slot, Block &out) {
  Expr *e = slot.get();
  if (!e)
    return;
  switch (e->kind) {
  case ExprKind::BoolOp: // (the right side runs only sometimes)
    hoist(static_cast<BoolOpExpr *>(e)->lhs, out);
    return;
  case ExprKind::IfExp: // (only the condition always runs)
    hoist(static_cast<IfExpExpr *>(e)->cond, out);
    return;
  case ExprKind::ListComp:
    hoist(static_cast<ListCompExpr *>(e)->iter, out);
    return;
  case ExprKind::Unary:
    hoist(static_cast<UnaryExpr *>(e)->operand, out);
    return;
  case ExprKind::Binary: {
    auto *b = static_cast<BinaryExpr *>(e);
    hoist(b->lhs, out);
    hoist(b->rhs, out);
    return;
  }
  case ExprKind::Compare: // (a chain stops early: only its first two)
    for (size_t k = 0;
         k < 2 && k < static_cast<CompareExpr *>(e)->operands.size(); ++k)
      hoist(static_cast<CompareExpr *>(e)->operands[k], out);
    return;
  case ExprKind::Tuple:
    for (ExprPtr &x : static_cast<TupleExpr *>(e)->elts)
      hoist(x, out);
    return;
  case ExprKind::Index: {
    auto *ix = static_cast<IndexExpr *>(e);
    hoist(ix->base, out);
    for (ExprPtr &x : ix->indices)
      hoist(x, out);
    return;
  }
  case ExprKind::Call: {
    auto *c = static_cast<CallExpr *>(e);
    if (isAssignExpr(c)) {
      hoist(c->args[1], out);
      auto a = std::make_unique<AssignStmt>(c->range);
      auto *target = c->args[0]->dyn<NameExpr>();
      a->targets.push_back(
          std::make_unique<NameExpr>(target->range, target->name));
      a->value = std::move(c->args[1]);
      out.push_back(std::move(a));
      slot = std::make_unique<NameExpr>(target->range, target->name);
      return;
    }
    for (ExprPtr &x : c->args)
      hoist(x, out);
    for (KeywordArg &k : c->keywords)
      hoist(k.value, out);
    return;
  }
  default:
    return;
  }
}

/// The statement's own expressions (not those of nested blocks).
std::vector<ExprPtr *> ownExpressions(Stmt &s) {
  if (auto *a = s.dyn<AssignStmt>())
    return {&a->value};
  if (auto *e = s.dyn<ExprStmt>())
    return {&e->value};
  if (auto *r = s.dyn<ReturnStmt>())
    return {&r->value};
  if (auto *i = s.dyn<IfStmt>())
    return {&i->cond};
  return {};
}

/// Rewrites the assignment expressions of `block` and its nested blocks.
void rewrite(Block &block) {
  for (size_t i = 0; i < block.size(); ++i) {
    Stmt &s = *block[i];
    if (auto *d = s.dyn<FunctionDefStmt>())
      rewrite(d->body);
    if (auto *f = s.dyn<ForStmt>()) {
      rewrite(f->body);
      Block before;
      hoist(f->iter, before); // (the iterable runs once, before the loop)
      block.insert(block.begin() + static_cast<std::ptrdiff_t>(i),
                   std::make_move_iterator(before.begin()),
                   std::make_move_iterator(before.end()));
      i += before.size();
      continue;
    }
    if (auto *w = s.dyn<WhileStmt>()) {
      rewrite(w->body);
      Block top;
      hoist(w->cond, top);
      if (top.empty())
        continue;
      // while (p := f()) != end: body  ->  while True: p = f();
      // if not (p != end): break; body
      SourceRange r = w->cond->range;
      auto stop = std::make_unique<IfStmt>(r);
      stop->cond =
          std::make_unique<UnaryExpr>(r, UnaryOp::Not, std::move(w->cond));
      stop->body.push_back(std::make_unique<BreakStmt>(r));
      top.push_back(std::move(stop));
      for (StmtPtr &b : w->body)
        top.push_back(std::move(b));
      w->body = std::move(top);
      w->cond = std::make_unique<BoolLitExpr>(r, true);
      continue;
    }
    if (auto *f = s.dyn<IfStmt>()) {
      // (an elif's condition is hoisted into the else block, where it
      // runs only when the conditions before it are false)
      rewrite(f->body);
      rewrite(f->orelse);
    }
    Block before;
    for (ExprPtr *slot : ownExpressions(s))
      hoist(*slot, before);
    block.insert(block.begin() + static_cast<std::ptrdiff_t>(i),
                 std::make_move_iterator(before.begin()),
                 std::make_move_iterator(before.end()));
    i += before.size();
  }
}

} // namespace

void desugarNamedExprs(ModuleAST &module, DiagnosticEngine &diags) {
  // (the script's statements and every function's, nested ones too)
  std::function<void(const Block &, const std::function<void(const Expr *)> &)>
      eachExpr =
          [&](const Block &b, const std::function<void(const Expr *)> &f) {
            forEachExprIn(b, f);
            forEachStmtIn(b, [&](const Stmt &s) {
              if (auto *d = s.dyn<FunctionDefStmt>())
                eachExpr(d->body, f);
            });
          };
  bool any = false;
  eachExpr(module.body, [&](const Expr *e) { any |= isAssignExpr(e); });
  if (!any)
    return;
  rewrite(module.body);
  // What is left runs only sometimes.
  eachExpr(module.body, [&](const Expr *e) {
    if (isAssignExpr(e))
      diags.error(e->range,
                  "an assignment expression (x := v) is supported where it "
                  "always runs with its statement: not after 'and'/'or', in "
                  "a branch of 'a if c else b' or in a comprehension's "
                  "element; assign x in a statement of its own first");
  });
}

} // namespace weft
