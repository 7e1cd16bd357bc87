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

void Analyzer::provenNotNone(const Expr *e, bool whenTrue,
                             std::vector<std::string> &out) {
  if (auto *u = e->dyn<UnaryExpr>()) {
    if (u->op == UnaryOp::Not)
      provenNotNone(u->operand.get(), !whenTrue, out);
    return;
  }
  if (auto *b = e->dyn<BoolOpExpr>()) {
    // `a and b` true: both are; `a or b` false: both are.
    if ((b->op == BoolOpKind::And) == whenTrue) {
      provenNotNone(b->lhs.get(), whenTrue, out);
      provenNotNone(b->rhs.get(), whenTrue, out);
    }
    return;
  }
  auto *c = e->dyn<CompareExpr>();
  if (!c || c->ops.size() != 1 ||
      (c->ops[0] != CompareOp::Is && c->ops[0] != CompareOp::IsNot) ||
      !isNoneName(c->operands[1].get()))
    return;
  auto *n = c->operands[0]->dyn<NameExpr>();
  if (!n || n->qualified)
    return;
  auto it = fn_->locals.find(n->name);
  if (it == fn_->locals.end() || !it->second.isOptional())
    return;
  if ((c->ops[0] == CompareOp::IsNot) == whenTrue)
    out.push_back(n->name);
}

void Analyzer::narrow(const std::vector<std::string> &names,
                      Block::const_iterator first, Block::const_iterator last) {
  for (const std::string &name : names)
    if (!assignsName(first, last, name))
      narrowed_[name] = fn_->locals.at(name).optionalValue();
}

bool Analyzer::checkNoneTestIf(const IfStmt &i) {
  std::vector<std::string> ifTrue, ifFalse;
  provenNotNone(i.cond.get(), true, ifTrue);
  provenNotNone(i.cond.get(), false, ifFalse);
  if (ifTrue.empty() && ifFalse.empty())
    return false;
  isTruthy(checkExpr(i.cond.get()), i.cond->range);
  auto narrowedIn = [&](const Block &block,
                        const std::vector<std::string> &names) {
    auto saved = narrowed_;
    narrow(names, block.begin(), block.end());
    checkBlock(block);
    narrowed_ = saved;
  };
  narrowedIn(i.body, ifTrue);
  narrowedIn(i.orelse, ifFalse);
  return true;
}

Type Analyzer::checkBoolOp(const BoolOpExpr *b) {
  Type l = checkExpr(b->lhs.get());
  // The right operand runs only when the left one is true (and) or false
  // (or): what that proves about optionals holds there.
  std::vector<std::string> names;
  provenNotNone(b->lhs.get(), b->op == BoolOpKind::And, names);
  auto saved = narrowed_;
  for (const std::string &name : names)
    narrowed_[name] = fn_->locals.at(name).optionalValue();
  Type r = checkExpr(b->rhs.get());
  narrowed_ = saved;
  if (!l.isKnown() || !r.isKnown())
    return Type::unknown();
  // (a tuple or a list of lists as an operand would be the value of the
  // expression, of a type no bool mixes with)
  for (auto [t, e] : {std::pair{l, b->lhs.get()}, std::pair{r, b->rhs.get()}})
    if (t.isTuple() || t.isRagged()) {
      diags_.error(e->range, "a " + t.str() +
                                 " is not an operand of 'and' or 'or' in "
                                 "Weft; test len(...) > 0 instead");
      return Type::unknown();
    }
  isTruthy(l, b->lhs->range);
  isTruthy(r, b->rhs->range);
  // A list stands for its truth value: `while stack and x > 0`.
  if (l.isList() || l.isTupleList())
    l = Type::boolean();
  if (r.isList() || r.isTupleList())
    r = Type::boolean();
  if (!l.isScalar() || !r.isScalar())
    return Type::unknown();
  return Type::scalar(promote(l.scalarKind(), r.scalarKind()));
}

void Analyzer::checkBlock(const Block &b) {
  auto saved = narrowed_;
  for (size_t k = 0; k < b.size(); ++k) {
    checkStmt(*b[k]);
    // `if x is None: return ...` (or break, continue) without an else:
    // after it, x is not None, unless the rest of the block assigns x.
    auto *i = b[k]->dyn<IfStmt>();
    if (!i || !i->orelse.empty() || !alwaysLeaves(i->body))
      continue;
    std::vector<std::string> names;
    provenNotNone(i->cond.get(), false, names);
    narrow(names, b.begin() + k + 1, b.end());
  }
  narrowed_ = saved;
}

Type Analyzer::checkIdentity(const CompareExpr *c) {
  if (!isNoneName(c->operands[1].get())) {
    // `a is b` of two arrays: the same array (one buffer, offset, shape
    // and strides), as Numba compares them.
    Type l = checkExpr(c->operands[0].get());
    Type r = checkExpr(c->operands[1].get());
    if (!l.isKnown() || !r.isKnown())
      return Type::unknown();
    if (l.isArray() && r.isArray() && !l.isString() && !r.isString() &&
        l.listDepth() == 0 && r.listDepth() == 0)
      return Type::boolean();
    // `flag is True` of two bools: their values (Python's True and False
    // are one object each)
    if (l.isBool() && r.isBool())
      return Type::boolean();
    diags_.error(c->range, "'is' compares with None (a value that may be "
                           "None), two bools or two arrays only; compare "
                           "values with ==");
    return Type::unknown();
  }
  // An array, a tuple or a dtype is never None: false (a parameter's
  // test is usually decided before, StaticBranches.h).
  optionalOk_ = true;
  Type t = checkExpr(c->operands[0].get());
  if (t.isString()) {
    diags_.error(c->operands[0]->range,
                 "a str is never None; only a function's optional result "
                 "and parameters are tested with 'is None'");
    return Type::unknown();
  }
  return t.isUnknown() ? t : Type::boolean();
}

bool Analyzer::mayBeNone(const Type &t) {
  if (t.isScalar())
    return !t.isComplex();
  if (t.isArray())
    return !t.isList() && !t.isString() && t.listDepth() == 0;
  if (!t.isTuple())
    return false;
  for (const Type &e : t.elems())
    if (!(e.isScalar() || e.isArray() || e.isTuple()) || !mayBeNone(e))
      return false;
  return true;
}

Type Analyzer::unifyReturn(const Type &current, const Type &v, bool &ok) {
  ok = true;
  if (current.isUnknown())
    return v;
  auto valueOf = [](const Type &t) {
    return t.isOptional() ? t.optionalValue() : t;
  };
  // Tuples element by element: (None, i, None) and (p, i, t) returned by
  // one function make a tuple of optionals.
  if (current.isTuple() && v.isTuple() && current.recordName().empty() &&
      v.recordName().empty() && current.elems().size() == v.elems().size() &&
      current != v) {
    std::vector<Type> elems;
    for (size_t k = 0; k < v.elems().size() && ok; ++k)
      elems.push_back(unifyReturn(current.elems()[k], v.elems()[k], ok));
    return ok ? Type::tuple(std::move(elems)) : Type::unknown();
  }
  bool withNone =
      current.isNone() || v.isNone() || current.isOptional() || v.isOptional();
  if (!withNone && current.isList() && v.isList() && !current.isString() &&
      !v.isString())
    return Type::list(promote(current.scalarKind(), v.scalarKind()));
  if (!withNone)
    return unify(current, v, ok);
  if (current.isNone() && v.isNone())
    return current;
  // None with a value: an optional number, array or tuple (held as the
  // value and a flag). Lists, strings and complex numbers are never None.
  Type a = current.isNone() ? valueOf(v) : valueOf(current);
  Type b = v.isNone() ? a : valueOf(v);
  if (!mayBeNone(a) || !mayBeNone(b)) {
    ok = false;
    return Type::unknown();
  }
  if (a.isScalar() && b.isScalar())
    return Type::optional(
        Type::scalar(promote(a.scalarKind(), b.scalarKind())));
  Type u = unify(a, b, ok);
  return ok ? Type::optional(u) : Type::unknown();
}

} // namespace sema
} // namespace weft
