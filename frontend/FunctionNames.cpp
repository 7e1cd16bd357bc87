//===- FunctionNames.cpp - Names that stand for functions -----------------===//
//
// Implements resolveFunctionNames (FunctionNames.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/FunctionNames.h"
#include "frontend/Types.h"

#include <map>
#include <optional>
#include <set>

namespace weft {

namespace {
/// Renames the names of `body` (callees included) by `rename`, which
/// returns the new name or "".
void renameNames(Block &body, const std::function<std::pair<std::string, bool>(
                                  const std::string &)> &rename) {
  auto fix = [&](Expr *e) {
    if (auto *n = e ? e->dyn<NameExpr>() : nullptr) {
      if (n->qualified)
        return;
      auto [to, qualified] = rename(n->name);
      if (!to.empty()) {
        n->name = to;
        n->qualified = qualified;
      }
    }
  };
  forEachExprSlotIn(body, [&](ExprPtr &slot) {
    fix(slot.get());
    if (auto *c = slot->dyn<CallExpr>())
      fix(c->callee.get());
  });
}
} // namespace

/// The fields of `namedtuple("P", fields)`: a list or tuple of strs, or
/// one str of names apart by spaces or commas; none for another value.
static std::optional<std::vector<std::string>> recordFields(const Expr *e) {
  auto *c = e->dyn<CallExpr>();
  auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
  if (!callee || callee->name != "namedtuple" || c->args.size() != 2 ||
      !c->args[0]->dyn<StrLitExpr>())
    return std::nullopt;
  std::vector<std::string> fields;
  const Expr *f = c->args[1].get();
  std::vector<const Expr *> items;
  if (auto *l = f->dyn<ListExpr>())
    for (const ExprPtr &x : l->elts)
      items.push_back(x.get());
  else if (auto *t = f->dyn<TupleExpr>())
    for (const ExprPtr &x : t->elts)
      items.push_back(x.get());
  if (auto *text = f->dyn<StrLitExpr>()) {
    std::string word;
    for (char ch : text->value + " ") {
      if (ch == ' ' || ch == ',') {
        if (!word.empty())
          fields.push_back(word);
        word.clear();
      } else {
        word += ch;
      }
    }
  }
  for (const Expr *x : items) {
    auto *name = x->dyn<StrLitExpr>();
    if (!name)
      return std::nullopt;
    fields.push_back(name->value);
  }
  if (fields.empty())
    return std::nullopt;
  return fields;
}

void resolveFunctionNames(ModuleAST &module) {
  // `P = namedtuple("P", ["x", "y"])`: a class of records.
  for (auto it = module.body.begin(); it != module.body.end();) {
    auto *a = (*it)->dyn<AssignStmt>();
    auto *target =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (target) {
      if (std::optional<std::vector<std::string>> fields =
              recordFields(a->value.get())) {
        module.records[target->name] = *fields;
        module.recordTypeNames[target->name] =
            a->value->dyn<CallExpr>()->args[0]->dyn<StrLitExpr>()->value;
        it = module.body.erase(it);
        continue;
      }
    }
    ++it;
  }
  std::set<std::string> functions;
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      functions.insert(d->name);
  // `c2 = stumpff_c2` and `FloatDType = np.float64` at the module's level
  // (chains followed): the name they stand for, and whether it is NumPy's.
  std::map<std::string, std::pair<std::string, bool>> aliases;
  std::set<std::string> functionAliases;
  ScalarKind kind;
  for (auto it = module.body.begin(); it != module.body.end();) {
    auto *a = (*it)->dyn<AssignStmt>();
    auto *target =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    auto *value = a ? a->value->dyn<NameExpr>() : nullptr;
    bool function =
        value && !value->qualified &&
        (functions.count(value->name) || aliases.count(value->name));
    bool dtype = value && parseScalarName(value->name, kind) &&
                 (value->qualified || !functions.count(value->name));
    if (target && value && !functions.count(target->name) &&
        (function || dtype)) {
      std::pair<std::string, bool> to{value->name, value->qualified};
      if (aliases.count(value->name) && !value->qualified)
        to = aliases[value->name];
      aliases[target->name] = to;
      // (a dtype alias stays a variable of the script's own code)
      if (function) {
        functionAliases.insert(target->name);
        it = module.body.erase(it);
        continue;
      }
    }
    ++it;
  }
  // The script's own statements call the functions the aliases name.
  for (StmtPtr &s : module.body) {
    if (s->dyn<FunctionDefStmt>())
      continue;
    Block one;
    one.push_back(std::move(s));
    renameNames(one,
                [&](const std::string &name) -> std::pair<std::string, bool> {
                  if (!functionAliases.count(name))
                    return {"", false};
                  return aliases.at(name);
                });
    s = std::move(one.front());
  }
  for (StmtPtr &s : module.body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (!d)
      continue;
    std::set<std::string> locals = localsOf(*d);
    std::set<std::string> params;
    for (const Param &p : d->params)
      params.insert(p.name);
    renameNames(
        d->body, [&](const std::string &name) -> std::pair<std::string, bool> {
          if (locals.count(name)) {
            // A variable of this body hiding a function: its own
            // name.
            bool hides = functions.count(name) || aliases.count(name);
            return {hides && !params.count(name) ? name + "__local" : "",
                    false};
          }
          auto it = aliases.find(name);
          return it == aliases.end() ? std::pair<std::string, bool>{"", false}
                                     : it->second;
        });
  }
}

} // namespace weft
