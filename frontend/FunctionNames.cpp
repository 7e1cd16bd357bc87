//===- FunctionNames.cpp - Names that stand for functions -----------------===//
//
// Implements resolveFunctionNames (FunctionNames.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/FunctionNames.h"

#include <map>
#include <set>

namespace weft {

namespace {
/// Renames the names of `body` (callees included) by `rename`, which
/// returns the new name or "".
void renameNames(
    Block &body,
    const std::function<std::string(const std::string &)> &rename) {
  auto fix = [&](Expr *e) {
    if (auto *n = e ? e->dyn<NameExpr>() : nullptr) {
      if (n->qualified)
        return;
      std::string to = rename(n->name);
      if (!to.empty())
        n->name = to;
    }
  };
  forEachExprSlotIn(body, [&](ExprPtr &slot) {
    fix(slot.get());
    if (auto *c = slot->dyn<CallExpr>())
      fix(c->callee.get());
  });
}
} // namespace

void resolveFunctionNames(ModuleAST &module) {
  std::set<std::string> functions;
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      functions.insert(d->name);
  // `c2 = stumpff_c2` at the module's level (chains followed).
  std::map<std::string, std::string> aliases;
  for (auto it = module.body.begin(); it != module.body.end();) {
    auto *a = (*it)->dyn<AssignStmt>();
    auto *target =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    auto *value = a ? a->value->dyn<NameExpr>() : nullptr;
    if (target && value && !value->qualified &&
        !functions.count(target->name) &&
        (functions.count(value->name) || aliases.count(value->name))) {
      std::string to = value->name;
      if (aliases.count(to))
        to = aliases[to];
      aliases[target->name] = to;
      it = module.body.erase(it);
      continue;
    }
    ++it;
  }
  for (StmtPtr &s : module.body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (!d)
      continue;
    std::set<std::string> locals = localsOf(*d);
    std::set<std::string> params;
    for (const Param &p : d->params)
      params.insert(p.name);
    renameNames(d->body, [&](const std::string &name) -> std::string {
      if (locals.count(name)) {
        // A variable of this body hiding a function: its own name.
        bool hides = functions.count(name) || aliases.count(name);
        return hides && !params.count(name) ? name + "__local" : "";
      }
      auto it = aliases.find(name);
      return it == aliases.end() ? "" : it->second;
    });
  }
}

} // namespace weft
