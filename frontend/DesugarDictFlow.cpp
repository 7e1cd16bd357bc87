//===- DesugarDictFlow.cpp - Which dicts and sets cross function calls ----===//
//
// Implements desugarDicts (DesugarDicts.h) over a module: which of its
// functions' parameters are passed dicts or sets and which functions
// return them (to a fixpoint), then each scope rewritten by a
// ScopeRewriter (DesugarDicts.cpp) and its container parameters made
// their parts.
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarDictsImpl.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace weft {

namespace {

using dicts::Container;
using dicts::ScopeRewriter;

/// The dicts and sets the module's calls pass to its functions, by
/// parameter position, and those its functions return: the variables
/// each function makes or takes from a call, and its parameters passed
/// one, handed on to the functions it calls or returned, to a fixpoint.
void containerFlow(const ModuleAST &module,
                   ScopeRewriter::ParameterKinds &passed,
                   dicts::ReturnedKinds &returned) {
  std::map<std::string, const FunctionDefStmt *> functions;
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      functions[d->name] = d;
  auto scan = [&](const Block &body, std::map<std::string, Container> known) {
    bool grew = false;
    forEachExprIn(body, [&](const Expr *e) {
      auto *c = e->dyn<CallExpr>();
      auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
      if (!f || f->qualified || !functions.count(f->name))
        return;
      for (size_t i = 0; i < c->args.size(); ++i) {
        auto *arg = c->args[i]->dyn<NameExpr>();
        auto it = arg ? known.find(arg->name) : known.end();
        if (it != known.end() && passed[f->name].emplace(i, it->second).second)
          grew = true;
      }
    });
    return grew;
  };
  // What `name`'s returns hold: a container it knows, a tuple holding
  // some, or what a call of a function returning them returns.
  auto returns = [&](const std::string &name, const Block &body,
                     const std::map<std::string, Container> &known) {
    auto kindOf = [&](const Expr *e) -> std::optional<Container> {
      auto *n = e ? e->dyn<NameExpr>() : nullptr;
      auto it = n && !n->qualified ? known.find(n->name) : known.end();
      if (it != known.end())
        return it->second;
      return dicts::madeBy(e); // (`return set(a)`, `return {k: v}`)
    };
    std::optional<dicts::Returned> found;
    forEachStmtIn(body, [&](const Stmt &s) {
      auto *r = s.dyn<ReturnStmt>();
      if (!r || !r->value || found)
        return;
      if (auto k = kindOf(r->value.get()))
        found = dicts::Returned{false, {k}};
      else if (auto *t = r->value->dyn<TupleExpr>()) {
        dicts::Returned got{true, {}};
        for (const ExprPtr &e : t->elts)
          got.kinds.push_back(kindOf(e.get()));
        if (std::any_of(got.kinds.begin(), got.kinds.end(),
                        [](auto &k) { return k.has_value(); }))
          found = got;
      } else if (const dicts::Returned *via =
                     dicts::returnedBy(r->value.get(), returned)) {
        found = *via;
      }
    });
    if (!found || (returned.count(name) && returned[name] == *found))
      return false;
    returned[name] = *found;
    return true;
  };
  for (bool grew = true; grew;) {
    grew = scan(module.body,
                ScopeRewriter::containersMadeIn(module.body, returned));
    for (auto &[name, d] : functions) {
      auto known = ScopeRewriter::containersMadeIn(d->body, returned);
      for (auto &[at, kind] : passed[name])
        if (at < d->params.size())
          known.emplace(d->params[at].name, kind);
      grew = scan(d->body, known) || grew;
      grew = returns(name, d->body, known) || grew;
    }
  }
}

/// A function's dict and set parameters become their parts (`d.keys`,
/// `d.values`, `d.table`).
void expandParameters(FunctionDefStmt &d,
                      const std::map<size_t, Container> &kinds) {
  std::vector<Param> params;
  for (size_t i = 0; i < d.params.size(); ++i) {
    auto it = kinds.find(i);
    if (it == kinds.end()) {
      params.push_back(std::move(d.params[i]));
      continue;
    }
    for (const std::string &part :
         ScopeRewriter::partsOf(d.params[i].name, it->second)) {
      Param p;
      p.name = part;
      p.range = d.params[i].range;
      params.push_back(std::move(p));
    }
  }
  d.params = std::move(params);
}

/// Rewrites the script body and each function in `block`.
void desugarScopes(Block &block, const std::vector<Param> *params,
                   DiagnosticEngine &diags,
                   const ScopeRewriter::ParameterKinds &passed,
                   const dicts::ReturnedKinds &returned,
                   const std::map<size_t, Container> *mine) {
  ScopeRewriter(diags, passed, returned).run(block, params, mine);
  for (StmtPtr &s : block)
    if (auto *d = s->dyn<FunctionDefStmt>()) {
      auto it = passed.find(d->name);
      const std::map<size_t, Container> *kinds =
          it == passed.end() ? nullptr : &it->second;
      desugarScopes(d->body, &d->params, diags, passed, returned, kinds);
      if (kinds)
        expandParameters(*d, *kinds);
    }
}

} // namespace

bool isDictPart(const std::string &name) {
  for (const char *part : {".keys", ".values", ".table"}) {
    size_t n = std::strlen(part);
    if (name.size() > n && name.compare(name.size() - n, n, part) == 0)
      return true;
  }
  return false;
}

/// `inds = set(inds)` at the top level of a function body, of a
/// parameter or a variable bound only before it: from there on the
/// container has a name of its own (`inds__v1`, shown as `inds`), as
/// Numba types each definition apart.
static void nameRemadeContainers(FunctionDefStmt &d) {
  Block &body = d.body;
  for (size_t i = 0; i < body.size(); ++i) {
    auto *a = body[i]->dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (!t || !dicts::madeBy(a->value.get()))
      continue;
    std::string name = t->name;
    bool before = std::any_of(d.params.begin(), d.params.end(),
                              [&](const Param &p) { return p.name == name; });
    bool after = false;
    for (size_t j = 0; j < body.size(); ++j) {
      if (j == i)
        continue;
      std::vector<std::string> bound;
      namesBoundBy(*body[j], bound);
      bool binds = std::count(bound.begin(), bound.end(), name) != 0;
      (j < i ? before : after) |= binds;
    }
    if (!before || after)
      continue;
    std::string renamed = name + "__v1";
    t->name = renamed;
    Block rest;
    for (size_t j = i + 1; j < body.size(); ++j)
      rest.push_back(std::move(body[j]));
    forEachExprSlotIn(rest, [&](ExprPtr &e) {
      if (auto *n = e->dyn<NameExpr>(); n && !n->qualified && n->name == name)
        n->name = renamed;
    });
    for (size_t j = i + 1; j < body.size(); ++j)
      body[j] = std::move(rest[j - i - 1]);
  }
}

/// Moves each dict or set made inside an expression that runs once per
/// statement (`len(set(ids))`, `for k in set(a):`, `if x in {1, 2}:`) to
/// an assignment of its own just before the statement, to a new name
/// (`__container0`), as ScopeRewriter takes them. Parts that run
/// conditionally or repeatedly (a conditional expression's branches, the
/// right of `and`/`or`, a comprehension, a while condition) are left
/// alone.
static void hoistContainers(Block &block, int &counter) {
  for (size_t i = 0; i < block.size(); ++i) {
    Stmt &s = *block[i];
    Block hoisted;
    std::function<void(ExprPtr &, bool)> visit = [&](ExprPtr &e, bool root) {
      if (!e)
        return;
      switch (e->kind) {
      case ExprKind::IfExp:
        visit(static_cast<IfExpExpr &>(*e).cond, false);
        return;
      case ExprKind::BoolOp:
        visit(static_cast<BoolOpExpr &>(*e).lhs, false);
        return;
      case ExprKind::ListComp:
        return;
      default:
        break;
      }
      // (a container made of containers, `{"b": {2: 3}}`, is left whole)
      if (!dicts::madeBy(e.get())) {
        forEachChildSlot(*e, [&](ExprPtr &c) { visit(c, false); });
        return;
      }
      if (root)
        return;
      ASTBuilder b{e->range};
      std::string name = "__container" + std::to_string(counter++);
      ExprPtr made = std::move(e);
      e = b.name(name);
      hoisted.push_back(b.assign(b.name(name), std::move(made)));
    };
    if (auto *a = s.dyn<AssignStmt>())
      visit(a->value, true);
    else if (auto *g = s.dyn<AugAssignStmt>())
      visit(g->value, false);
    else if (auto *r = s.dyn<ReturnStmt>())
      visit(r->value, false);
    else if (auto *x = s.dyn<ExprStmt>())
      visit(x->value, false);
    else if (auto *f = s.dyn<IfStmt>())
      visit(f->cond, false);
    else if (auto *f = s.dyn<ForStmt>())
      visit(f->iter, false);
    if (auto *f = s.dyn<IfStmt>()) {
      hoistContainers(f->body, counter);
      hoistContainers(f->orelse, counter);
    } else if (auto *f = s.dyn<ForStmt>()) {
      hoistContainers(f->body, counter);
    } else if (auto *w = s.dyn<WhileStmt>()) {
      hoistContainers(w->body, counter);
    } else if (auto *d = s.dyn<FunctionDefStmt>()) {
      hoistContainers(d->body, counter);
    }
    for (StmtPtr &h : hoisted)
      block.insert(block.begin() + i++, std::move(h));
  }
}

void desugarDicts(ModuleAST &module, DiagnosticEngine &diags) {
  int counter = 0;
  hoistContainers(module.body, counter);
  for (StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      nameRemadeContainers(*d);
  ScopeRewriter::ParameterKinds passed;
  dicts::ReturnedKinds returned;
  containerFlow(module, passed, returned);
  desugarScopes(module.body, nullptr, diags, passed, returned, nullptr);
}

} // namespace weft
