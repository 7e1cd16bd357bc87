//===- ModuleConstantBranches.cpp - Branches module constants decide ------===//
//
// Implements pruneModuleConstantBranches (ModuleConstantBranches.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/ModuleConstantBranches.h"

#include <map>
#include <optional>
#include <set>
#include <variant>

namespace weft {
namespace {

/// A literal's value: a number (bools and ints as their value), a str,
/// or None.
using Literal = std::variant<double, std::string, std::monostate>;

bool isNone(const Literal &v) {
  return std::holds_alternative<std::monostate>(v);
}

std::optional<Literal> literalOf(const Expr *e) {
  if (auto *i = e->dyn<IntLitExpr>(); i && !i->unsigned64)
    return Literal(static_cast<double>(i->value));
  if (auto *f = e->dyn<FloatLitExpr>())
    return Literal(f->value);
  if (auto *b = e->dyn<BoolLitExpr>())
    return Literal(b->value ? 1.0 : 0.0);
  if (auto *s = e->dyn<StrLitExpr>())
    return Literal(s->value);
  if (auto *n = e->dyn<NameExpr>(); n && n->name == "None" && !n->qualified)
    return Literal(std::monostate());
  if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
    if (std::optional<Literal> v = literalOf(u->operand.get());
        v && std::holds_alternative<double>(*v))
      return Literal(-std::get<double>(*v));
  return std::nullopt;
}

class Pruner {
public:
  Pruner(const std::map<std::string, Literal> &constants,
         const std::set<std::string> &locals)
      : constants_(constants), locals_(locals) {}

  void block(Block &body) {
    for (size_t i = 0; i < body.size(); ++i) {
      Stmt &s = *body[i];
      if (auto *f = s.dyn<IfStmt>()) {
        if (std::optional<bool> taken = decide(f->cond.get())) {
          Block branch = std::move(*taken ? f->body : f->orelse);
          body.erase(body.begin() + static_cast<std::ptrdiff_t>(i));
          body.insert(body.begin() + static_cast<std::ptrdiff_t>(i),
                      std::make_move_iterator(branch.begin()),
                      std::make_move_iterator(branch.end()));
          --i; // (the branch's first statement next: it may be an elif)
          continue;
        }
        block(f->body);
        block(f->orelse);
      } else if (auto *l = s.dyn<ForStmt>()) {
        block(l->body);
      } else if (auto *w = s.dyn<WhileStmt>()) {
        block(w->body);
      }
    }
    if (body.empty())
      body.push_back(std::make_unique<PassStmt>(SourceRange()));
  }

private:
  std::optional<Literal> valueOf(const Expr *e) const {
    if (auto *n = e->dyn<NameExpr>(); n && n->name != "None") {
      auto it = constants_.find(n->name);
      if (n->qualified || it == constants_.end() || locals_.count(n->name))
        return std::nullopt;
      return it->second;
    }
    return literalOf(e);
  }

  std::optional<bool> decide(const Expr *e) const {
    if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Not) {
      std::optional<bool> v = decide(u->operand.get());
      return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    if (auto *b = e->dyn<BoolOpExpr>()) {
      std::optional<bool> l = decide(b->lhs.get());
      std::optional<bool> r = decide(b->rhs.get());
      bool isAnd = b->op == BoolOpKind::And;
      if (l && *l != isAnd) // false and ..., true or ...
        return *l;
      if (l && r)
        return *r;
      return std::nullopt;
    }
    if (auto *n = e->dyn<NameExpr>()) {
      std::optional<Literal> v = valueOf(n);
      if (!v)
        return std::nullopt;
      if (auto *d = std::get_if<double>(&*v))
        return *d != 0.0;
      if (isNone(*v))
        return false;
      return !std::get<std::string>(*v).empty();
    }
    auto *c = e->dyn<CompareExpr>();
    if (!c || c->ops.size() != 1 ||
        !(c->operands[0]->dyn<NameExpr>() || c->operands[1]->dyn<NameExpr>()))
      return std::nullopt;
    std::optional<Literal> l = valueOf(c->operands[0].get());
    std::optional<Literal> r = valueOf(c->operands[1].get());
    CompareOp op = c->ops[0];
    // None is only None (`border == "all"` of `border = None` is false)
    bool eq = op == CompareOp::Eq || op == CompareOp::Is;
    if (l && r && (isNone(*l) || isNone(*r)) &&
        (eq || op == CompareOp::Ne || op == CompareOp::IsNot))
      return (isNone(*l) && isNone(*r)) == eq;
    if (!l || !r || l->index() != r->index())
      return std::nullopt;
    if (op == CompareOp::Eq)
      return *l == *r;
    if (op == CompareOp::Ne)
      return *l != *r;
    auto *x = std::get_if<double>(&*l), *y = std::get_if<double>(&*r);
    if (!x || !y)
      return std::nullopt;
    switch (op) {
    case CompareOp::Lt:
      return *x < *y;
    case CompareOp::Le:
      return *x <= *y;
    case CompareOp::Gt:
      return *x > *y;
    case CompareOp::Ge:
      return *x >= *y;
    default:
      return std::nullopt;
    }
  }

  const std::map<std::string, Literal> &constants_;
  const std::set<std::string> &locals_;
};

} // namespace

void pruneModuleConstantBranches(ModuleAST &module) {
  // Names bound once at the module's level, to a literal.
  std::map<std::string, Literal> constants;
  std::set<std::string> rebound;
  for (const StmtPtr &s : module.body) {
    if (s->dyn<FunctionDefStmt>())
      continue;
    std::vector<std::string> names;
    namesBoundBy(*s, names);
    auto *a = s->dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    std::optional<Literal> v = t ? literalOf(a->value.get()) : std::nullopt;
    for (const std::string &n : names)
      if (!v || constants.count(n) || rebound.count(n)) {
        rebound.insert(n);
        constants.erase(n);
      }
    if (v && !rebound.count(t->name))
      constants.emplace(t->name, *v);
  }
  if (constants.empty())
    return;
  // A str constant read in a function is its literal, as Numba freezes a
  // global str (`warn(msg, __file__)`, `len(NAME)`); a None constant is
  // None (a factory's option left None, read by the function it makes).
  auto substitute = [&](Block &body, const std::set<std::string> &locals,
                        bool strs) {
    forEachExprSlotIn(body, [&](ExprPtr &e) {
      auto *n = e->dyn<NameExpr>();
      auto it = n && !n->qualified && !locals.count(n->name)
                    ? constants.find(n->name)
                    : constants.end();
      if (it == constants.end())
        return;
      if (auto *text = std::get_if<std::string>(&it->second); text && strs)
        e = std::make_unique<StrLitExpr>(e->range, *text);
      else if (isNone(it->second))
        e = std::make_unique<NameExpr>(e->range, "None");
    });
  };
  for (StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>()) {
      std::set<std::string> locals = localsOf(*d);
      Pruner(constants, locals).block(d->body);
      substitute(d->body, locals, true);
    }
  // The module's own statements read a None constant as None, and its
  // binding goes (a variable holds no None). (A constant is bound once:
  // None is never substituted for a target.)
  Block rest;
  for (StmtPtr &s : module.body) {
    auto *a = s->dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    auto it = t ? constants.find(t->name) : constants.end();
    if (it != constants.end() && isNone(it->second))
      continue;
    if (!s->dyn<FunctionDefStmt>()) {
      Block one;
      one.push_back(std::move(s));
      substitute(one, {}, false);
      s = std::move(one.front());
    }
    rest.push_back(std::move(s));
  }
  module.body = std::move(rest);
}

} // namespace weft
