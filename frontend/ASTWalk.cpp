//===- ASTWalk.cpp - The direct sub-expressions of an expression ----------===//
//
// forEachChild (see AST.h), shared by the type checker's analyses and the
// loop analysis of MLIRGen.
//
//===----------------------------------------------------------------------===//
#include "frontend/AST.h"

namespace weft {

void forEachChild(const Expr *e, const std::function<void(const Expr *)> &f) {
  switch (e->kind) {
  case ExprKind::Unary:
    f(static_cast<const UnaryExpr *>(e)->operand.get());
    return;
  case ExprKind::Binary:
    f(static_cast<const BinaryExpr *>(e)->lhs.get());
    f(static_cast<const BinaryExpr *>(e)->rhs.get());
    return;
  case ExprKind::BoolOp:
    f(static_cast<const BoolOpExpr *>(e)->lhs.get());
    f(static_cast<const BoolOpExpr *>(e)->rhs.get());
    return;
  case ExprKind::Compare:
    for (const ExprPtr &o : static_cast<const CompareExpr *>(e)->operands)
      f(o.get());
    return;
  case ExprKind::IfExp: {
    auto *x = static_cast<const IfExpExpr *>(e);
    f(x->cond.get());
    f(x->thenValue.get());
    f(x->elseValue.get());
    return;
  }
  case ExprKind::Call: {
    auto *x = static_cast<const CallExpr *>(e);
    if (auto *m = x->callee->dyn<AttributeExpr>())
      f(m->base.get());
    for (const ExprPtr &a : x->args)
      f(a.get());
    for (const KeywordArg &k : x->keywords)
      f(k.value.get());
    return;
  }
  case ExprKind::Index: {
    auto *x = static_cast<const IndexExpr *>(e);
    f(x->base.get());
    for (const ExprPtr &i : x->indices)
      f(i.get());
    return;
  }
  case ExprKind::Slice: {
    auto *x = static_cast<const SliceExpr *>(e);
    if (x->lower)
      f(x->lower.get());
    if (x->upper)
      f(x->upper.get());
    if (x->step)
      f(x->step.get());
    return;
  }
  case ExprKind::Attribute:
    f(static_cast<const AttributeExpr *>(e)->base.get());
    return;
  case ExprKind::Tuple:
    for (const ExprPtr &x : static_cast<const TupleExpr *>(e)->elts)
      f(x.get());
    return;
  case ExprKind::List:
    for (const ExprPtr &x : static_cast<const ListExpr *>(e)->elts)
      f(x.get());
    return;
  case ExprKind::ListComp: {
    auto *lc = static_cast<const ListCompExpr *>(e);
    f(lc->iter.get());
    if (lc->cond)
      f(lc->cond.get());
    f(lc->elt.get());
    return;
  }
  default:
    return;
  }
}

void forEachChildSlot(Expr &e, const std::function<void(ExprPtr &)> &f) {
  auto each = [&](ExprPtr &x) {
    if (x)
      f(x);
  };
  switch (e.kind) {
  case ExprKind::Unary:
    each(static_cast<UnaryExpr &>(e).operand);
    return;
  case ExprKind::Binary:
    each(static_cast<BinaryExpr &>(e).lhs);
    each(static_cast<BinaryExpr &>(e).rhs);
    return;
  case ExprKind::BoolOp:
    each(static_cast<BoolOpExpr &>(e).lhs);
    each(static_cast<BoolOpExpr &>(e).rhs);
    return;
  case ExprKind::Compare:
    for (ExprPtr &o : static_cast<CompareExpr &>(e).operands)
      each(o);
    return;
  case ExprKind::IfExp: {
    auto &x = static_cast<IfExpExpr &>(e);
    each(x.cond);
    each(x.thenValue);
    each(x.elseValue);
    return;
  }
  case ExprKind::Call: {
    auto &x = static_cast<CallExpr &>(e);
    if (auto *m = x.callee->dyn<AttributeExpr>())
      each(m->base);
    for (ExprPtr &a : x.args)
      each(a);
    for (KeywordArg &k : x.keywords)
      each(k.value);
    return;
  }
  case ExprKind::Index: {
    auto &x = static_cast<IndexExpr &>(e);
    each(x.base);
    for (ExprPtr &i : x.indices)
      each(i);
    return;
  }
  case ExprKind::Slice: {
    auto &x = static_cast<SliceExpr &>(e);
    each(x.lower);
    each(x.upper);
    each(x.step);
    return;
  }
  case ExprKind::Attribute:
    each(static_cast<AttributeExpr &>(e).base);
    return;
  case ExprKind::Tuple:
    for (ExprPtr &x : static_cast<TupleExpr &>(e).elts)
      each(x);
    return;
  case ExprKind::List:
    for (ExprPtr &x : static_cast<ListExpr &>(e).elts)
      each(x);
    return;
  case ExprKind::ListComp: {
    auto &lc = static_cast<ListCompExpr &>(e);
    each(lc.iter);
    each(lc.cond);
    each(lc.elt);
    return;
  }
  default:
    return;
  }
}

void forEachExprSlotOf(Stmt &s, const std::function<void(ExprPtr &)> &f) {
  auto each = [&](ExprPtr &e) {
    if (e)
      f(e);
  };
  switch (s.kind) {
  case StmtKind::Expr:
    each(static_cast<ExprStmt &>(s).value);
    return;
  case StmtKind::Assign: {
    auto &a = static_cast<AssignStmt &>(s);
    each(a.value);
    for (ExprPtr &t : a.targets)
      each(t);
    return;
  }
  case StmtKind::AugAssign:
    each(static_cast<AugAssignStmt &>(s).target);
    each(static_cast<AugAssignStmt &>(s).value);
    return;
  case StmtKind::AnnAssign:
    each(static_cast<AnnAssignStmt &>(s).value);
    each(static_cast<AnnAssignStmt &>(s).target);
    return;
  case StmtKind::If:
    each(static_cast<IfStmt &>(s).cond);
    return;
  case StmtKind::For:
    each(static_cast<ForStmt &>(s).iter);
    each(static_cast<ForStmt &>(s).target);
    return;
  case StmtKind::While:
    each(static_cast<WhileStmt &>(s).cond);
    return;
  case StmtKind::Return:
    each(static_cast<ReturnStmt &>(s).value);
    return;
  case StmtKind::Assert:
    each(static_cast<AssertStmt &>(s).test);
    each(static_cast<AssertStmt &>(s).msg);
    return;
  default:
    return;
  }
}

void forEachExprSlotIn(Block &block, const std::function<void(ExprPtr &)> &f) {
  std::function<void(ExprPtr &)> visit = [&](ExprPtr &e) {
    f(e);
    if (e)
      forEachChildSlot(*e, visit);
  };
  for (StmtPtr &s : block) {
    forEachExprSlotOf(*s, visit);
    if (auto *i = s->dyn<IfStmt>()) {
      forEachExprSlotIn(i->body, f);
      forEachExprSlotIn(i->orelse, f);
    } else if (auto *l = s->dyn<ForStmt>()) {
      forEachExprSlotIn(l->body, f);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      forEachExprSlotIn(w->body, f);
    }
  }
}

void forEachExprOf(const Stmt &s, const std::function<void(const Expr *)> &f) {
  auto each = [&](const ExprPtr &e) {
    if (e)
      f(e.get());
  };
  switch (s.kind) {
  case StmtKind::Expr:
    each(static_cast<const ExprStmt &>(s).value);
    return;
  case StmtKind::Assign: {
    auto &a = static_cast<const AssignStmt &>(s);
    for (const ExprPtr &t : a.targets)
      each(t);
    each(a.value);
    return;
  }
  case StmtKind::AugAssign:
    each(static_cast<const AugAssignStmt &>(s).target);
    each(static_cast<const AugAssignStmt &>(s).value);
    return;
  case StmtKind::AnnAssign:
    each(static_cast<const AnnAssignStmt &>(s).target);
    each(static_cast<const AnnAssignStmt &>(s).value);
    return;
  case StmtKind::If:
    each(static_cast<const IfStmt &>(s).cond);
    return;
  case StmtKind::For:
    each(static_cast<const ForStmt &>(s).target);
    each(static_cast<const ForStmt &>(s).iter);
    return;
  case StmtKind::While:
    each(static_cast<const WhileStmt &>(s).cond);
    return;
  case StmtKind::Return:
    each(static_cast<const ReturnStmt &>(s).value);
    return;
  case StmtKind::Assert:
    each(static_cast<const AssertStmt &>(s).test);
    each(static_cast<const AssertStmt &>(s).msg);
    return;
  default:
    return;
  }
}

void forEachStmtIn(const Block &block,
                   const std::function<void(const Stmt &)> &f) {
  for (const StmtPtr &s : block) {
    f(*s);
    if (auto *i = s->dyn<IfStmt>()) {
      forEachStmtIn(i->body, f);
      forEachStmtIn(i->orelse, f);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      forEachStmtIn(w->body, f);
    } else if (auto *l = s->dyn<ForStmt>()) {
      forEachStmtIn(l->body, f);
    }
  }
}

void forEachExprIn(const Block &block,
                   const std::function<void(const Expr *)> &f) {
  std::function<void(const Expr *)> visit = [&](const Expr *e) {
    forEachChild(e, visit);
    f(e);
  };
  forEachStmtIn(block, [&](const Stmt &s) { forEachExprOf(s, visit); });
}

std::set<std::string> localsOf(const FunctionDefStmt &d) {
  std::set<std::string> out;
  for (const Param &p : d.params)
    out.insert(p.name);
  std::vector<std::string> bound;
  for (const StmtPtr &s : d.body)
    namesBoundBy(*s, bound);
  out.insert(bound.begin(), bound.end());
  return out;
}

void namesBoundBy(const Stmt &s, std::vector<std::string> &out) {
  auto target = [&](const ExprPtr &t) {
    std::vector<const NameExpr *> names;
    namesOfTarget(t.get(), names);
    for (const NameExpr *n : names)
      out.push_back(n->name);
  };
  auto block = [&](const Block &b) {
    for (const StmtPtr &x : b)
      namesBoundBy(*x, out);
  };
  switch (s.kind) {
  case StmtKind::Assign:
    for (const ExprPtr &t : static_cast<const AssignStmt &>(s).targets)
      target(t);
    return;
  case StmtKind::AugAssign:
    target(static_cast<const AugAssignStmt &>(s).target);
    return;
  case StmtKind::AnnAssign:
    target(static_cast<const AnnAssignStmt &>(s).target);
    return;
  case StmtKind::If:
    block(static_cast<const IfStmt &>(s).body);
    block(static_cast<const IfStmt &>(s).orelse);
    return;
  case StmtKind::For:
    target(static_cast<const ForStmt &>(s).target);
    block(static_cast<const ForStmt &>(s).body);
    return;
  case StmtKind::While:
    block(static_cast<const WhileStmt &>(s).body);
    return;
  default:
    return;
  }
}

void namesOfTarget(const Expr *target, std::vector<const NameExpr *> &out) {
  if (auto *n = target->dyn<NameExpr>())
    out.push_back(n);
  else if (auto *t = target->dyn<TupleExpr>())
    for (const ExprPtr &e : t->elts)
      namesOfTarget(e.get(), out);
}

void rewriteBlocks(Block &block,
                   const std::function<std::optional<Block>(Stmt &)> &rewrite) {
  for (size_t i = 0; i < block.size(); ++i) {
    Stmt &s = *block[i];
    if (auto *st = s.dyn<IfStmt>()) {
      rewriteBlocks(st->body, rewrite);
      rewriteBlocks(st->orelse, rewrite);
    } else if (auto *w = s.dyn<WhileStmt>()) {
      rewriteBlocks(w->body, rewrite);
    } else if (auto *f = s.dyn<ForStmt>()) {
      rewriteBlocks(f->body, rewrite);
    } else if (auto *d = s.dyn<FunctionDefStmt>()) {
      rewriteBlocks(d->body, rewrite);
    }
    std::optional<Block> replacement = rewrite(s);
    if (!replacement)
      continue;
    size_t n = replacement->size();
    block.erase(block.begin() + static_cast<std::ptrdiff_t>(i));
    block.insert(block.begin() + static_cast<std::ptrdiff_t>(i),
                 std::make_move_iterator(replacement->begin()),
                 std::make_move_iterator(replacement->end()));
    i = i + n - 1;
  }
}

} // namespace weft
