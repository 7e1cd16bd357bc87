//===- SemaOptional.cpp - Values that may be None
//---------------------------===//
//
// Numba's optional types, for numbers: a function that returns a number on
// some paths and None (or nothing) on others returns an optional; `x is
// None` and `x is not None` test one; a read of an optional local where
// such a test proved it is not None has the number's type. Any other use
// of an optional is an error that says to test it first.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

namespace {

bool assignsName(Block::const_iterator first, Block::const_iterator last,
                 const std::string &name);

/// True if a statement of `block` (nested ones included) assigns `name`.
bool assignsName(const Block &block, const std::string &name) {
  return assignsName(block.begin(), block.end(), name);
}

bool assignsName(Block::const_iterator first, Block::const_iterator last,
                 const std::string &name) {
  auto binds = [&](const Expr *target) {
    std::vector<const NameExpr *> names;
    namesOfTarget(target, names);
    for (const NameExpr *n : names)
      if (n->name == name)
        return true;
    return false;
  };
  for (; first != last; ++first) {
    const StmtPtr &s = *first;
    switch (s->kind) {
    case StmtKind::Assign:
      for (const ExprPtr &t : static_cast<const AssignStmt &>(*s).targets)
        if (binds(t.get()))
          return true;
      break;
    case StmtKind::AugAssign:
      if (binds(static_cast<const AugAssignStmt &>(*s).target.get()))
        return true;
      break;
    case StmtKind::AnnAssign:
      if (binds(static_cast<const AnnAssignStmt &>(*s).target.get()))
        return true;
      break;
    case StmtKind::If: {
      auto &i = static_cast<const IfStmt &>(*s);
      if (assignsName(i.body, name) || assignsName(i.orelse, name))
        return true;
      break;
    }
    case StmtKind::For: {
      auto &f = static_cast<const ForStmt &>(*s);
      if (binds(f.target.get()) || assignsName(f.body, name))
        return true;
      break;
    }
    case StmtKind::While:
      if (assignsName(static_cast<const WhileStmt &>(*s).body, name))
        return true;
      break;
    default:
      break;
    }
  }
  return false;
}

/// True if the block never falls through its end: it ends with return,
/// break or continue.
bool alwaysLeaves(const Block &block) {
  if (block.empty())
    return false;
  StmtKind k = block.back()->kind;
  return k == StmtKind::Return || k == StmtKind::Break ||
         k == StmtKind::Continue;
}

bool isNoneName(const Expr *e) {
  auto *n = e->dyn<NameExpr>();
  return n && n->name == "None" && !n->qualified;
}

} // namespace

const NameExpr *Analyzer::noneTest(const Expr *cond, bool &isNot) {
  auto *c = cond->dyn<CompareExpr>();
  if (!c || c->ops.size() != 1 ||
      (c->ops[0] != CompareOp::Is && c->ops[0] != CompareOp::IsNot) ||
      !isNoneName(c->operands[1].get()))
    return nullptr;
  auto *n = c->operands[0]->dyn<NameExpr>();
  if (!n || n->qualified)
    return nullptr;
  auto it = fn_->locals.find(n->name);
  if (it == fn_->locals.end() || !it->second.isOptional())
    return nullptr;
  isNot = c->ops[0] == CompareOp::IsNot;
  return n;
}

bool Analyzer::checkNoneTestIf(const IfStmt &i) {
  bool isNot = false;
  const NameExpr *n = noneTest(i.cond.get(), isNot);
  if (!n)
    return false;
  checkExpr(i.cond.get());
  Type value = fn_->locals.at(n->name).optionalValue();
  auto narrowedIn = [&](const Block &block, bool narrow) {
    auto saved = narrowed_;
    if (narrow && !assignsName(block, n->name))
      narrowed_[n->name] = value;
    checkBlock(block);
    narrowed_ = saved;
  };
  narrowedIn(i.body, isNot);
  narrowedIn(i.orelse, !isNot);
  return true;
}

void Analyzer::checkBlock(const Block &b) {
  auto saved = narrowed_;
  for (size_t k = 0; k < b.size(); ++k) {
    checkStmt(*b[k]);
    // `if x is None: return ...` (or break, continue) without an else:
    // after it, x is not None, unless the rest of the block assigns x.
    auto *i = b[k]->dyn<IfStmt>();
    bool isNot = false;
    const NameExpr *n = i ? noneTest(i->cond.get(), isNot) : nullptr;
    if (!n || isNot || !i->orelse.empty() || !alwaysLeaves(i->body))
      continue;
    if (!assignsName(b.begin() + k + 1, b.end(), n->name))
      narrowed_[n->name] = fn_->locals.at(n->name).optionalValue();
  }
  narrowed_ = saved;
}

Type Analyzer::checkIdentity(const CompareExpr *c) {
  if (!isNoneName(c->operands[1].get())) {
    diags_.error(c->range, "'is' compares with None only (a value that may "
                           "be None); compare values with ==");
    return Type::unknown();
  }
  Type t = checkExpr(c->operands[0].get());
  if (t.isArray() || t.isTuple() || t.isString()) {
    diags_.error(c->operands[0]->range,
                 "a " + t.str() +
                     " is never None; only a function's "
                     "optional result is tested with 'is None'");
    return Type::unknown();
  }
  return t.isUnknown() ? t : Type::boolean();
}

Type Analyzer::unifyReturn(const Type &current, const Type &v, bool &ok) {
  ok = true;
  if (current.isUnknown())
    return v;
  auto valueOf = [](const Type &t) {
    return t.isOptional() ? t.optionalValue() : t;
  };
  bool mayBeNone =
      current.isNone() || v.isNone() || current.isOptional() || v.isOptional();
  if (!mayBeNone)
    return unify(current, v, ok);
  if (current.isNone() && v.isNone())
    return current;
  // None with a number: an optional number.
  Type a = current.isNone() ? valueOf(v) : valueOf(current);
  Type b = v.isNone() ? a : valueOf(v);
  if (!a.isScalar() || !b.isScalar() || a.isComplex() || b.isComplex()) {
    ok = false;
    return Type::unknown();
  }
  return Type::optional(Type::scalar(promote(a.scalarKind(), b.scalarKind())));
}

} // namespace sema
} // namespace weft
