//===- FreezeModuleArrays.cpp - module-level arrays as constants ----------===//
//
// Implements freezeModuleArrays (FreezeModuleArrays.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/FreezeModuleArrays.h"

#include "frontend/ASTBuild.h"
#include "frontend/Builtins.h"
#include "frontend/Types.h"

#include <map>
#include <set>
#include <string>

namespace weft {
namespace {

/// The module's names bound once, by a plain `name = value` at its top
/// level, with their values.
std::map<std::string, const Expr *> singleAssignments(const ModuleAST &m) {
  std::map<std::string, int> bindings;
  for (const StmtPtr &s : m.body) {
    if (s->dyn<FunctionDefStmt>())
      continue;
    std::vector<std::string> bound;
    namesBoundBy(*s, bound);
    for (const std::string &n : bound)
      ++bindings[n];
  }
  std::map<std::string, const Expr *> out;
  for (const StmtPtr &s : m.body) {
    auto *a = s->dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (t && bindings[t->name] == 1)
      out[t->name] = a->value.get();
  }
  return out;
}

/// Tells which module-level values are constants: numbers, lists and
/// tuples of them, and arrays made from them by NumPy's constructors.
class ConstantFinder {
public:
  explicit ConstantFinder(const std::map<std::string, const Expr *> &values)
      : values_(values) {}

  /// Whether `e` is made of constants only.
  bool constant(const Expr *e) {
    switch (e->kind) {
    case ExprKind::IntLit:
    case ExprKind::FloatLit:
    case ExprKind::BoolLit:
      return true;
    case ExprKind::Unary:
      return constant(static_cast<const UnaryExpr *>(e)->operand.get());
    case ExprKind::Binary: {
      auto *b = static_cast<const BinaryExpr *>(e);
      return constant(b->lhs.get()) && constant(b->rhs.get());
    }
    case ExprKind::Tuple:
      return all(static_cast<const TupleExpr *>(e)->elts);
    case ExprKind::List:
      return all(static_cast<const ListExpr *>(e)->elts);
    case ExprKind::Name:
      return constantName(static_cast<const NameExpr *>(e)->name);
    case ExprKind::Attribute: {
      auto *a = static_cast<const AttributeExpr *>(e);
      return a->attr == "T" && array(a->base.get());
    }
    case ExprKind::Call:
      return array(e);
    default:
      return false;
    }
  }

  /// Whether `e` is an array made of constants (a constructor's call, or
  /// a method giving another such array).
  bool array(const Expr *e) {
    auto *c = e->dyn<CallExpr>();
    if (!c) {
      auto *a = e->dyn<AttributeExpr>();
      return a && a->attr == "T" && array(a->base.get());
    }
    for (const KeywordArg &k : c->keywords)
      if (!constant(k.value.get()))
        return false;
    if (!all(c->args))
      return false;
    if (auto *n = c->callee->dyn<NameExpr>()) {
      // (np.array is the builtin copy once parsed)
      static const std::set<std::string> makers = {
          "copy", "zeros", "ones", "full", "arange", "linspace", "eye"};
      return makers.count(n->name) && !values_.count(n->name);
    }
    auto *m = c->callee->dyn<AttributeExpr>();
    static const std::set<std::string> methods = {
        "reshape", "astype", "copy", "transpose", "ravel", "flatten"};
    return m && methods.count(m->attr) && array(m->base.get());
  }

private:
  bool all(const std::vector<ExprPtr> &xs) {
    for (const ExprPtr &x : xs)
      if (!constant(x.get()))
        return false;
    return true;
  }

  bool constantName(const std::string &name) {
    ScalarKind k;
    if (auto it = values_.find(name); it != values_.end()) {
      if (!visiting_.insert(name).second)
        return false; // (a cycle: not a constant)
      bool ok = constant(it->second);
      visiting_.erase(name);
      return ok;
    }
    return parseScalarName(name, k) ||
           builtinIn(lookupBuiltin(name),
                     {Builtin::Pi, Builtin::E, Builtin::Inf, Builtin::Nan});
  }

  const std::map<std::string, const Expr *> &values_;
  std::set<std::string> visiting_;
};

/// The array (or tuple of arrays) a store or update writes into (`a` of
/// `a[i] = x`, `a[1:] += y`, `t[0][i] = x`), if it is a name.
const NameExpr *storedArray(const Expr *target) {
  auto *ix = target->dyn<IndexExpr>();
  if (!ix)
    return nullptr;
  while (auto *inner = ix->base->dyn<IndexExpr>())
    ix = inner;
  return ix->base->dyn<NameExpr>();
}

} // namespace

void freezeModuleArrays(ModuleAST &module, DiagnosticEngine &diags) {
  std::map<std::string, const Expr *> values = singleAssignments(module);
  ConstantFinder finder(values);
  std::map<std::string, const Expr *> arrays;
  // Arrays, and tuples of constants holding arrays (sunposition's
  // coefficient tables, `_EHL = (np.array(...), np.array(...))`).
  auto tupleOfArrays = [&](const Expr *e) {
    auto *t = e->dyn<TupleExpr>();
    if (!t || !finder.constant(e))
      return false;
    for (const ExprPtr &x : t->elts)
      if (finder.array(x.get()))
        return true;
    return false;
  };
  for (const auto &[name, value] : values)
    if (finder.array(value) || tupleOfArrays(value))
      arrays[name] = value;
  if (arrays.empty())
    return;
  for (StmtPtr &s : module.body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (!d)
      continue;
    std::set<std::string> locals = localsOf(*d);
    std::set<std::string> read;
    forEachExprIn(d->body, [&](const Expr *e) {
      if (auto *n = e->dyn<NameExpr>(); n && !n->qualified)
        read.insert(n->name);
    });
    // Reported where written: a global array is a constant (Numba's
    // rule), and a write to this function's copy would be lost.
    forEachStmtIn(d->body, [&](const Stmt &st) {
      const Expr *target = nullptr;
      if (auto *a = st.dyn<AssignStmt>(); a && a->targets.size() == 1)
        target = a->targets[0].get();
      else if (auto *u = st.dyn<AugAssignStmt>())
        target = u->target.get();
      const NameExpr *n = target ? storedArray(target) : nullptr;
      if (n && arrays.count(n->name) && !locals.count(n->name))
        diags.error(target->range,
                    "'" + n->name +
                        "' is a module-level array, which functions read "
                        "as a constant (as Numba does); copy it to change "
                        "it: " +
                        n->name + "_copy = " + n->name + ".copy()");
    });
    Block made;
    for (const auto &[name, value] : arrays) {
      if (!read.count(name) || locals.count(name))
        continue;
      ASTBuilder at{value->range};
      made.push_back(at.assign(at.name(name), cloneExpr(value)));
    }
    d->body.insert(d->body.begin(), std::make_move_iterator(made.begin()),
                   std::make_move_iterator(made.end()));
  }
}

} // namespace weft
