//===- ASTBuild.cpp - Building and copying AST nodes in C++ ---------------===//
//
// Implements cloneExpr and ASTBuilder (ASTBuild.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"

namespace weft {

ExprPtr sortedByKey(const std::string &list, ExprPtr key, bool reverse,
                    SourceRange at) {
  ASTBuilder b{at};
  std::string suffix =
      "." + std::to_string(at.begin.line) + "_" + std::to_string(at.begin.col);
  std::string k = "__key" + suffix, j = "__order" + suffix;
  std::vector<ExprPtr> one;
  one.push_back(b.item(list, b.name(k)));
  ExprPtr keys = b.comprehension(k, b.call(std::move(key), std::move(one)),
                                 b.positions(list));
  std::vector<ExprPtr> args;
  args.push_back(std::move(keys));
  args.push_back(std::make_unique<BoolLitExpr>(at, reverse));
  ExprPtr order = b.call("__np_sort_order", std::move(args));
  return b.comprehension(j, b.item(list, b.name(j)), std::move(order));
}

void flagBreaks(Block &block, const std::string &flag) {
  for (size_t k = 0; k < block.size(); ++k) {
    Stmt &s = *block[k];
    if (auto *i = s.dyn<IfStmt>()) {
      flagBreaks(i->body, flag);
      flagBreaks(i->orelse, flag);
    } else if (s.dyn<BreakStmt>()) {
      auto set = std::make_unique<AssignStmt>(s.range);
      set->targets.push_back(std::make_unique<NameExpr>(s.range, flag));
      set->value = std::make_unique<BoolLitExpr>(s.range, true);
      block.insert(block.begin() + static_cast<std::ptrdiff_t>(k),
                   std::move(set));
      ++k;
    }
  }
}

ExprPtr cloneExpr(const Expr *e, const RenameFn &rename) {
  if (!e)
    return nullptr;
  auto rec = [&](const ExprPtr &x) { return cloneExpr(x.get(), rename); };
  auto list = [&](const std::vector<ExprPtr> &xs) {
    std::vector<ExprPtr> out;
    for (const ExprPtr &x : xs)
      out.push_back(rec(x));
    return out;
  };
  SourceRange r = e->range;
  switch (e->kind) {
  case ExprKind::IntLit: {
    auto lit = std::make_unique<IntLitExpr>(r, e->dyn<IntLitExpr>()->value);
    lit->unsigned64 = e->dyn<IntLitExpr>()->unsigned64;
    return lit;
  }
  case ExprKind::FloatLit:
    return std::make_unique<FloatLitExpr>(r, e->dyn<FloatLitExpr>()->value);
  case ExprKind::BoolLit:
    return std::make_unique<BoolLitExpr>(r, e->dyn<BoolLitExpr>()->value);
  case ExprKind::StrLit:
    return std::make_unique<StrLitExpr>(r, e->dyn<StrLitExpr>()->value);
  case ExprKind::Name: {
    const auto *n = e->dyn<NameExpr>();
    auto copy = std::make_unique<NameExpr>(r, rename ? rename(*n) : n->name);
    copy->qualified = n->qualified;
    return copy;
  }
  case ExprKind::Unary: {
    const auto *u = e->dyn<UnaryExpr>();
    return std::make_unique<UnaryExpr>(r, u->op, rec(u->operand));
  }
  case ExprKind::Binary: {
    const auto *b = e->dyn<BinaryExpr>();
    return std::make_unique<BinaryExpr>(r, b->op, rec(b->lhs), rec(b->rhs),
                                        b->opLoc);
  }
  case ExprKind::Compare: {
    const auto *c = e->dyn<CompareExpr>();
    auto out = std::make_unique<CompareExpr>(r);
    out->ops = c->ops;
    out->operands = list(c->operands);
    return out;
  }
  case ExprKind::BoolOp: {
    const auto *b = e->dyn<BoolOpExpr>();
    return std::make_unique<BoolOpExpr>(r, b->op, rec(b->lhs), rec(b->rhs));
  }
  case ExprKind::IfExp: {
    const auto *i = e->dyn<IfExpExpr>();
    return std::make_unique<IfExpExpr>(r, rec(i->cond), rec(i->thenValue),
                                       rec(i->elseValue));
  }
  case ExprKind::Call: {
    const auto *c = e->dyn<CallExpr>();
    auto out = std::make_unique<CallExpr>(r, rec(c->callee));
    out->args = list(c->args);
    out->starred = c->starred;
    out->varargsPacked = c->varargsPacked;
    out->appendsLiveName = c->appendsLiveName;
    out->liveTupleNames = c->liveTupleNames;
    for (const KeywordArg &k : c->keywords)
      out->keywords.push_back({k.name, k.nameRange, rec(k.value)});
    return out;
  }
  case ExprKind::Index: {
    const auto *i = e->dyn<IndexExpr>();
    auto out = std::make_unique<IndexExpr>(r, rec(i->base));
    out->indices = list(i->indices);
    return out;
  }
  case ExprKind::Slice: {
    const auto *s = e->dyn<SliceExpr>();
    auto out = std::make_unique<SliceExpr>(r);
    out->lower = rec(s->lower);
    out->upper = rec(s->upper);
    out->step = rec(s->step);
    return out;
  }
  case ExprKind::Attribute: {
    const auto *a = e->dyn<AttributeExpr>();
    return std::make_unique<AttributeExpr>(r, rec(a->base), a->attr);
  }
  case ExprKind::Tuple: {
    auto out = std::make_unique<TupleExpr>(r);
    out->elts = list(e->dyn<TupleExpr>()->elts);
    return out;
  }
  case ExprKind::List: {
    auto out = std::make_unique<ListExpr>(r);
    out->elts = list(e->dyn<ListExpr>()->elts);
    out->itemType = e->dyn<ListExpr>()->itemType;
    out->itemRank = e->dyn<ListExpr>()->itemRank;
    return out;
  }
  case ExprKind::ListComp: {
    auto *lc = e->dyn<ListCompExpr>();
    auto out = std::make_unique<ListCompExpr>(r);
    out->elt = rec(lc->elt);
    out->target = rec(lc->target);
    out->iter = rec(lc->iter);
    out->cond = rec(lc->cond);
    out->source = lc->source;
    return out;
  }
  }
  return nullptr;
}

Param cloneParam(const Param &p) {
  Param c;
  c.name = p.name;
  c.range = p.range;
  c.hasAnnotation = p.hasAnnotation;
  c.annotation = p.annotation;
  c.defaultValue = cloneExpr(p.defaultValue.get());
  c.star = p.star;
  return c;
}

Block cloneBlock(const Block &block) {
  Block out;
  for (const StmtPtr &s : block)
    out.push_back(cloneStmt(*s));
  return out;
}

StmtPtr cloneStmt(const Stmt &s) {
  auto rec = [](const ExprPtr &e) { return cloneExpr(e.get()); };
  SourceRange r = s.range;
  switch (s.kind) {
  case StmtKind::Expr:
    return std::make_unique<ExprStmt>(
        r, rec(static_cast<const ExprStmt &>(s).value));
  case StmtKind::Assign: {
    auto &a = static_cast<const AssignStmt &>(s);
    auto out = std::make_unique<AssignStmt>(r);
    for (const ExprPtr &t : a.targets)
      out->targets.push_back(rec(t));
    out->value = rec(a.value);
    return out;
  }
  case StmtKind::AugAssign: {
    auto &a = static_cast<const AugAssignStmt &>(s);
    return std::make_unique<AugAssignStmt>(r, rec(a.target), a.op,
                                           rec(a.value));
  }
  case StmtKind::AnnAssign: {
    auto &a = static_cast<const AnnAssignStmt &>(s);
    auto out = std::make_unique<AnnAssignStmt>(r);
    out->target = rec(a.target);
    out->annotation = a.annotation;
    out->value = rec(a.value);
    return out;
  }
  case StmtKind::If: {
    auto &i = static_cast<const IfStmt &>(s);
    auto out = std::make_unique<IfStmt>(r);
    out->cond = rec(i.cond);
    out->body = cloneBlock(i.body);
    out->orelse = cloneBlock(i.orelse);
    out->isTry = i.isTry;
    return out;
  }
  case StmtKind::For: {
    auto &f = static_cast<const ForStmt &>(s);
    auto out = std::make_unique<ForStmt>(r);
    out->target = rec(f.target);
    out->iter = rec(f.iter);
    out->body = cloneBlock(f.body);
    return out;
  }
  case StmtKind::While: {
    auto &w = static_cast<const WhileStmt &>(s);
    auto out = std::make_unique<WhileStmt>(r);
    out->cond = rec(w.cond);
    out->body = cloneBlock(w.body);
    return out;
  }
  case StmtKind::Break:
    return std::make_unique<BreakStmt>(r);
  case StmtKind::Continue:
    return std::make_unique<ContinueStmt>(r);
  case StmtKind::Return:
    return std::make_unique<ReturnStmt>(
        r, rec(static_cast<const ReturnStmt &>(s).value));
  case StmtKind::Pass:
    return std::make_unique<PassStmt>(r);
  case StmtKind::Assert: {
    auto &a = static_cast<const AssertStmt &>(s);
    auto out = std::make_unique<AssertStmt>(r);
    out->test = rec(a.test);
    out->msg = rec(a.msg);
    out->exception = a.exception;
    return out;
  }
  case StmtKind::FunctionDef: {
    auto &d = static_cast<const FunctionDefStmt &>(s);
    auto out = std::make_unique<FunctionDefStmt>(r);
    out->name = d.name;
    out->nameRange = d.nameRange;
    for (const Param &p : d.params)
      out->params.push_back(cloneParam(p));
    out->hasReturnAnnotation = d.hasReturnAnnotation;
    out->returnAnnotation = d.returnAnnotation;
    for (const ExprPtr &e : d.decorators)
      out->decorators.push_back(rec(e));
    out->body = cloneBlock(d.body);
    out->grownLists = d.grownLists;
    return out;
  }
  }
  return nullptr;
}

ExprPtr ASTBuilder::name(const std::string &n) const {
  return std::make_unique<NameExpr>(at, n);
}
ExprPtr ASTBuilder::f64(double v) const {
  return std::make_unique<FloatLitExpr>(at, v);
}
ExprPtr ASTBuilder::i64(int64_t v) const {
  return std::make_unique<IntLitExpr>(at, v);
}
ExprPtr ASTBuilder::unary(UnaryOp op, ExprPtr x) const {
  return std::make_unique<UnaryExpr>(at, op, std::move(x));
}
ExprPtr ASTBuilder::binary(BinaryOp op, ExprPtr l, ExprPtr r) const {
  return std::make_unique<BinaryExpr>(at, op, std::move(l), std::move(r),
                                      at.begin);
}
ExprPtr ASTBuilder::add(ExprPtr l, ExprPtr r) const {
  return binary(BinaryOp::Add, std::move(l), std::move(r));
}
ExprPtr ASTBuilder::sub(ExprPtr l, ExprPtr r) const {
  return binary(BinaryOp::Sub, std::move(l), std::move(r));
}
ExprPtr ASTBuilder::mul(ExprPtr l, ExprPtr r) const {
  return binary(BinaryOp::Mul, std::move(l), std::move(r));
}
ExprPtr ASTBuilder::div(ExprPtr l, ExprPtr r) const {
  return binary(BinaryOp::Div, std::move(l), std::move(r));
}
ExprPtr ASTBuilder::compare(CompareOp op, ExprPtr l, ExprPtr r) const {
  auto c = std::make_unique<CompareExpr>(at);
  c->ops.push_back(op);
  c->operands.push_back(std::move(l));
  c->operands.push_back(std::move(r));
  return c;
}
ExprPtr ASTBuilder::ifExp(ExprPtr cond, ExprPtr thenValue,
                          ExprPtr elseValue) const {
  return std::make_unique<IfExpExpr>(at, std::move(cond), std::move(thenValue),
                                     std::move(elseValue));
}
ExprPtr ASTBuilder::call(const std::string &callee, std::vector<ExprPtr> args,
                         std::vector<KeywordArg> keywords) const {
  return call(name(callee), std::move(args), std::move(keywords));
}
ExprPtr ASTBuilder::call(ExprPtr callee, std::vector<ExprPtr> args,
                         std::vector<KeywordArg> keywords) const {
  auto c = std::make_unique<CallExpr>(at, std::move(callee));
  c->args = std::move(args);
  c->keywords = std::move(keywords);
  return c;
}
KeywordArg ASTBuilder::keyword(const std::string &n, ExprPtr value) const {
  return {n, at, std::move(value)};
}
ExprPtr ASTBuilder::index(ExprPtr base, std::vector<ExprPtr> indices) const {
  auto i = std::make_unique<IndexExpr>(at, std::move(base));
  i->indices = std::move(indices);
  return i;
}
ExprPtr ASTBuilder::attribute(ExprPtr base, const std::string &attr) const {
  return std::make_unique<AttributeExpr>(at, std::move(base), attr);
}
ExprPtr ASTBuilder::tuple(std::vector<ExprPtr> elts) const {
  auto t = std::make_unique<TupleExpr>(at);
  t->elts = std::move(elts);
  return t;
}

StmtPtr ASTBuilder::assign(ExprPtr target, ExprPtr value) const {
  auto a = std::make_unique<AssignStmt>(at);
  a->targets.push_back(std::move(target));
  a->value = std::move(value);
  return a;
}
StmtPtr ASTBuilder::update(ExprPtr target, BinaryOp op, ExprPtr value) const {
  return std::make_unique<AugAssignStmt>(at, std::move(target), op,
                                         std::move(value));
}
std::unique_ptr<ForStmt> ASTBuilder::loop(const std::string &var,
                                          ExprPtr iter) const {
  auto f = std::make_unique<ForStmt>(at);
  f->target = name(var);
  f->iter = std::move(iter);
  return f;
}
std::unique_ptr<IfStmt> ASTBuilder::ifStmt(ExprPtr cond) const {
  auto i = std::make_unique<IfStmt>(at);
  i->cond = std::move(cond);
  return i;
}
ExprPtr ASTBuilder::len(const std::string &list) const {
  std::vector<ExprPtr> args;
  args.push_back(name(list));
  return call("len", std::move(args));
}
ExprPtr ASTBuilder::item(const std::string &list, ExprPtr i) const {
  std::vector<ExprPtr> ix;
  ix.push_back(std::move(i));
  return index(name(list), std::move(ix));
}
ExprPtr ASTBuilder::positions(const std::string &list) const {
  std::vector<ExprPtr> args;
  args.push_back(len(list));
  return call("range", std::move(args));
}
ExprPtr ASTBuilder::comprehension(const std::string &var, ExprPtr elt,
                                  ExprPtr iter, ExprPtr cond) const {
  auto l = std::make_unique<ListCompExpr>(at);
  l->source = var;
  l->target = name(var);
  l->elt = std::move(elt);
  l->iter = std::move(iter);
  l->cond = std::move(cond);
  return l;
}
StmtPtr ASTBuilder::pass() const { return std::make_unique<PassStmt>(at); }
StmtPtr ASTBuilder::ret(ExprPtr value) const {
  return std::make_unique<ReturnStmt>(at, std::move(value));
}

} // namespace weft
