//===- FunctionNames.cpp - Names that stand for functions -----------------===//
//
// Implements resolveFunctionNames (FunctionNames.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/FunctionNames.h"
#include "frontend/Builtins.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/Types.h"

#include <map>
#include <optional>
#include <set>

namespace weft {

namespace {
/// Whether `name` is a function of the NumPy library (`__np_nanmedian`).
bool isLibraryFunctionName(const std::string &name) {
  std::string prefix = kNumpyLibraryPrefix;
  return name.compare(0, prefix.size(), prefix) == 0 &&
         isNumpyLibraryName(name.substr(prefix.size()));
}

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

/// A NumPy or math function named as a value (`np.exp`, `math.sqrt`, or
/// the library's function the parser named).
static bool isLibraryFunctionValue(const NameExpr &n) {
  return (n.qualified && lookupBuiltin(n.name)) ||
         (!n.qualified && isLibraryFunctionName(n.name));
}

/// A function's local variables bound only to one function (`g = f`,
/// `sqrt = math.sqrt`, or `g = f1 if compiled else f2` of a module
/// constant `compiled`, dcor's factories) and only called (`g(x)`): the
/// function they stand for, and whether that is the library's.
static std::map<std::string, std::pair<std::string, bool>>
localFunctionAliases(const FunctionDefStmt &d,
                     const std::set<std::string> &functions,
                     const std::map<std::string, bool> &constants) {
  using Target = std::pair<std::string, bool>;
  std::map<std::string, Target> to;
  std::set<std::string> bad;
  auto named = [&](const NameExpr *f) -> Target {
    if (!f)
      return {"", false};
    if (!f->qualified && functions.count(f->name))
      return {f->name, false};
    if (isLibraryFunctionValue(*f) && !functions.count(f->name))
      return {f->name, f->qualified};
    return {"", false};
  };
  auto resolve = [&](const Expr *v) -> Target {
    if (auto *n = v->dyn<NameExpr>())
      return named(n);
    auto *x = v->dyn<IfExpExpr>();
    auto *c = x ? x->cond->dyn<NameExpr>() : nullptr;
    auto k = c && !c->qualified ? constants.find(c->name) : constants.end();
    if (k == constants.end())
      return {"", false};
    return named((k->second ? x->thenValue : x->elseValue)->dyn<NameExpr>());
  };
  for (const Param &p : d.params)
    bad.insert(p.name);
  forEachStmtIn(d.body, [&](const Stmt &s) {
    auto *a = s.dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    Target f = t ? resolve(a->value.get()) : Target{"", false};
    if (!f.first.empty()) {
      auto [it, added] = to.emplace(t->name, f);
      if (!added && it->second != f)
        bad.insert(t->name);
      return;
    }
    std::vector<std::string> names;
    namesBoundBy(s, names);
    if (!s.dyn<ForStmt>() && !s.dyn<IfStmt>() && !s.dyn<WhileStmt>())
      bad.insert(names.begin(), names.end());
    else if (auto *fs = s.dyn<ForStmt>()) {
      std::vector<const NameExpr *> loop;
      namesOfTarget(fs->target.get(), loop);
      for (const NameExpr *n : loop)
        bad.insert(n->name);
    }
  });
  // Every other use must be a call of it.
  std::set<const Expr *> callees;
  forEachExprIn(d.body, [&](const Expr *e) {
    if (auto *c = e->dyn<CallExpr>())
      callees.insert(c->callee.get());
  });
  forEachStmtIn(d.body, [&](const Stmt &s) {
    auto *a = s.dyn<AssignStmt>();
    forEachExprOf(s, [&](const Expr *top) {
      if (a && top == a->targets[0].get())
        return;
      std::function<void(const Expr *)> visit = [&](const Expr *e) {
        if (auto *n = e->dyn<NameExpr>();
            n && !n->qualified && to.count(n->name) && !callees.count(e))
          bad.insert(n->name);
        forEachChild(e, visit);
      };
      visit(top);
    });
  });
  for (const std::string &b : bad)
    to.erase(b);
  return to;
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
    // (NumPy's functions too: `summary = np.nanmedian`, a builtin or the
    // library's function the parser named)
    bool numpyFunction = value && isLibraryFunctionValue(*value);
    bool function =
        value &&
        (numpyFunction || (!value->qualified && (functions.count(value->name) ||
                                                 aliases.count(value->name))));
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
  // Module-level bools (`compiled = True`, a factory's variable the
  // Python package writes as a constant).
  std::map<std::string, bool> constants;
  for (const StmtPtr &s : module.body)
    if (auto *a = s->dyn<AssignStmt>(); a && a->targets.size() == 1)
      if (auto *t = a->targets[0]->dyn<NameExpr>())
        if (auto *v = a->value->dyn<BoolLitExpr>())
          constants[t->name] = v->value;
  std::set<std::string> callable = functions;
  for (const auto &[name, to] : aliases)
    if (functionAliases.count(name))
      callable.insert(name);
  for (StmtPtr &s : module.body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (!d)
      continue;
    // `g = f` in the body, g only called: its assignments go, its calls
    // call f.
    std::map<std::string, std::pair<std::string, bool>> local =
        localFunctionAliases(*d, callable, constants);
    if (!local.empty()) {
      std::function<void(Block &)> drop = [&](Block &block) {
        for (StmtPtr &st : block) {
          auto *a = st->dyn<AssignStmt>();
          auto *t = a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                                : nullptr;
          if (t && local.count(t->name))
            st = std::make_unique<PassStmt>(st->range);
          else if (auto *i = st->dyn<IfStmt>()) {
            drop(i->body);
            drop(i->orelse);
          } else if (auto *f = st->dyn<ForStmt>())
            drop(f->body);
          else if (auto *w = st->dyn<WhileStmt>())
            drop(w->body);
        }
      };
      drop(d->body);
      renameNames(d->body,
                  [&](const std::string &name) -> std::pair<std::string, bool> {
                    auto it = local.find(name);
                    if (it == local.end())
                      return {"", false};
                    if (it->second.second || !callable.count(it->second.first))
                      return it->second; // the library's function
                    auto alias = aliases.find(it->second.first);
                    return alias != aliases.end() &&
                                   functionAliases.count(it->second.first)
                               ? alias->second
                               : it->second;
                  });
    }
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
