//===- SemaTransforms.cpp - Type checking of vmap and grad calls ----------===//
//
// `vmap(f, axis=k)(args)`, `grad(f, argnums=...)(args)` and
// `value_and_grad(...)(args)`: f is specialised for the call, and the call
// is typed from it (docs/transforms.md).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

Type Analyzer::checkVmap(const CallExpr *c, const CallExpr *vmap) {
  auto *fname =
      vmap->args.size() == 1 ? vmap->args[0]->dyn<NameExpr>() : nullptr;
  auto defIt = fname ? defs_.find(fname->name) : defs_.end();
  if (defIt == defs_.end() || isKernelDef(defIt->second)) {
    diags_.error(vmap->range, "vmap takes one function defined with def "
                              "and an optional axis: vmap(f, axis=0)(x)");
    return Type::unknown();
  }
  const FunctionDefStmt *def = defIt->second;
  int64_t axis = 0;
  for (const KeywordArg &k : vmap->keywords) {
    const Expr *v = k.value.get();
    bool neg = false;
    if (auto *u = v->dyn<UnaryExpr>())
      if (u->op == UnaryOp::Neg) {
        neg = true;
        v = u->operand.get();
      }
    auto *lit = v->dyn<IntLitExpr>();
    if (k.name != "axis" || !lit) {
      diags_.error(k.value->range, "vmap takes axis=<integer literal>");
      return Type::unknown();
    }
    axis = neg ? -lit->value : lit->value;
  }
  if (!c->keywords.empty() || c->args.size() != def->params.size()) {
    diags_.error(c->range, "a vmap call passes every parameter of '" +
                               def->name + "' by position (" +
                               std::to_string(def->params.size()) + ")");
    return Type::unknown();
  }
  std::vector<Type> args;
  std::vector<const Expr *> bound;
  bool anyArray = false;
  for (const ExprPtr &a : c->args) {
    Type t = checkExpr(a.get());
    bound.push_back(a.get());
    if (!t.isKnown())
      return Type::unknown();
    if (t.isArray()) {
      int64_t ax = axis < 0 ? axis + t.rank() : axis;
      if (ax < 0 || ax >= t.rank()) {
        diags_.error(a->range, "vmap's axis " + std::to_string(axis) +
                                   " is out of range for a " + t.str());
        return Type::unknown();
      }
      anyArray = true;
      t = t.rank() == 1 ? Type::scalar(t.scalarKind())
                        : Type::array(t.scalarKind(), t.rank() - 1);
    } else if (!t.isScalar()) {
      diags_.error(a->range, "vmap passes numbers and arrays, not " + t.str());
      return Type::unknown();
    }
    args.push_back(t);
  }
  if (!anyArray) {
    diags_.error(c->range, "vmap maps over the axis of an array argument; "
                           "this call has none");
    return Type::unknown();
  }
  fn_->callArgs[c] = bound;
  FunctionInstance *inst = instantiate(def, args, c->range);
  if (fn_->calls[c] != inst) {
    fn_->calls[c] = inst;
    change();
  }
  if (!fn_->vmapAxis.count(c)) {
    fn_->vmapAxis[c] = axis;
    change();
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const Type &p = inst->paramTypes[i];
    if (!(p == args[i] || (p.isNumber() && args[i].isNumber())))
      diags_.error(c->args[i]->range, "vmap passes a " + args[i].str() +
                                          " to '" + def->params[i].name +
                                          "', which is declared " + p.str());
  }
  const Type &r = inst->returnType;
  if (!r.isKnown())
    return Type::unknown();
  if (r.isScalar())
    return Type::array(r.scalarKind(), 1);
  if (r.isArray())
    return Type::array(r.scalarKind(), r.rank() + 1);
  diags_.error(c->range, "vmap's function returns a number or an array, "
                         "not " +
                             (r.isNone() ? std::string("nothing") : r.str()));
  return Type::unknown();
}

Type Analyzer::checkGrad(const CallExpr *c, const CallExpr *grad) {
  std::string what = grad->callee->dyn<NameExpr>()->name;
  bool withValue = what == "value_and_grad";
  auto *fname =
      grad->args.size() == 1 ? grad->args[0]->dyn<NameExpr>() : nullptr;
  auto defIt = fname ? defs_.find(fname->name) : defs_.end();
  if (defIt == defs_.end() || isKernelDef(defIt->second)) {
    diags_.error(grad->range, what +
                                  " takes one function defined with def "
                                  "and an optional argnums: " +
                                  what + "(f, argnums=(0, 1))(x, y)");
    return Type::unknown();
  }
  const FunctionDefStmt *def = defIt->second;
  std::vector<int> argnums;
  for (const KeywordArg &k : grad->keywords) {
    std::vector<const Expr *> items;
    if (auto *t = k.value->dyn<TupleExpr>()) {
      for (const ExprPtr &e : t->elts)
        items.push_back(e.get());
    } else {
      items.push_back(k.value.get());
    }
    for (const Expr *e : items) {
      auto *lit = e->dyn<IntLitExpr>();
      if (k.name != "argnums" || !lit || lit->value < 0 ||
          lit->value >= static_cast<int64_t>(def->params.size())) {
        diags_.error(e->range, "argnums is a parameter index of '" + def->name +
                                   "' (0 to " +
                                   std::to_string(def->params.size() - 1) +
                                   ") or a tuple of them");
        return Type::unknown();
      }
      argnums.push_back(static_cast<int>(lit->value));
    }
  }
  if (argnums.empty())
    argnums.push_back(0);
  if (!c->keywords.empty() || c->args.size() != def->params.size()) {
    diags_.error(c->range, "a " + what + " call passes every parameter of '" +
                               def->name + "' by position (" +
                               std::to_string(def->params.size()) + ")");
    return Type::unknown();
  }
  std::vector<Type> args;
  std::vector<const Expr *> bound;
  for (const ExprPtr &a : c->args) {
    args.push_back(checkExpr(a.get()));
    bound.push_back(a.get());
    if (!args.back().isKnown())
      return Type::unknown();
  }
  fn_->callArgs[c] = bound;
  std::string name = "_grad_" + def->name;
  for (int k : argnums)
    name += "_" + std::to_string(k);
  if (withValue)
    name += "_v";
  // Once the driver has added the gradient function: a plain call of it.
  auto gen = defs_.find(name);
  if (gen != defs_.end()) {
    FunctionInstance *inst = instantiate(gen->second, args, c->range);
    if (fn_->calls[c] != inst) {
      fn_->calls[c] = inst;
      change();
    }
    return inst->returnType;
  }
  // Before: f typed for these arguments, and the gradient's type.
  FunctionInstance *inst = instantiate(def, args, c->range);
  for (int k : argnums) {
    const Type &t = inst->paramTypes[k];
    if (!(t.scalarKind() == ScalarKind::F64 && (t.isScalar() || t.isArray()))) {
      diags_.error(c->args[k]->range,
                   what +
                       " differentiates with respect to f64 numbers and "
                       "f64 arrays; argument " +
                       std::to_string(k + 1) + " is " + t.str());
      return Type::unknown();
    }
  }
  const Type &r = inst->returnType;
  if (!r.isKnown())
    return Type::unknown();
  if (!(r.isScalar() && r.isFloat())) {
    diags_.error(c->range, what + " needs a function returning one float; '" +
                               def->name + "' returns " +
                               (r.isNone() ? std::string("nothing") : r.str()));
    return Type::unknown();
  }
  bool known = false;
  for (const GradRequest &g : program_->gradRequests)
    known |= g.name == name;
  if (!known) {
    GradRequest g;
    g.def = def;
    g.argnums = argnums;
    g.withValue = withValue;
    g.instance = inst;
    g.name = name;
    g.range = grad->range;
    program_->gradRequests.push_back(g);
  }
  std::vector<Type> parts;
  if (withValue)
    parts.push_back(Type::f64());
  for (int k : argnums)
    parts.push_back(inst->paramTypes[k]);
  if (parts.size() == 1)
    return parts[0];
  return Type::tuple(parts);
}

} // namespace sema
} // namespace weft
