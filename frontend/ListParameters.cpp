//===- ListParameters.cpp - lists grown through a parameter ---------------===//
//
// Implements returnGrownListParameters (ListParameters.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/ListParameters.h"

#include "frontend/ASTBuild.h"
#include "frontend/DesugarDicts.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace weft {
namespace {

/// The receiver's name of `lst.append(...)` and the other methods that
/// grow or shrink a list, or of `lst[i].append(...)` (a row of a list of
/// lists), or null.
const NameExpr *grownReceiver(const Expr *e) {
  auto *c = e->dyn<CallExpr>();
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  static const std::set<std::string> methods = {"append", "extend", "pop",
                                                "insert", "remove", "clear"};
  if (!m || !methods.count(m->attr))
    return nullptr;
  if (auto *ix = m->base->dyn<IndexExpr>())
    return ix->indices.size() == 1 ? ix->base->dyn<NameExpr>() : nullptr;
  return m->base->dyn<NameExpr>();
}

/// The callee's name of a plain call `f(...)`, or null.
const NameExpr *calleeOf(const Expr *e) {
  auto *c = e->dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  return n && !n->qualified ? n : nullptr;
}

/// The argument `c` passes for parameter `k` of `d` (by position or by
/// keyword), or null.
Expr *argumentFor(CallExpr &c, const FunctionDefStmt &d, size_t k) {
  if (k < c.args.size())
    return c.args[k].get();
  for (KeywordArg &a : c.keywords)
    if (a.name == d.params[k].name)
      return a.value.get();
  return nullptr;
}

bool returnsValue(const Block &body) {
  bool value = false;
  forEachStmtIn(body, [&](const Stmt &s) {
    if (auto *r = s.dyn<ReturnStmt>())
      value |= r->value != nullptr;
  });
  return value;
}

/// Whether every return of `body` has a value.
bool allReturnValues(const Block &body) {
  bool all = true;
  forEachStmtIn(body, [&](const Stmt &s) {
    if (auto *r = s.dyn<ReturnStmt>())
      all &= r->value != nullptr;
  });
  return all;
}

/// Calls `f` on every expression slot of statement `s` (not of the
/// statements nested in it), outermost first; `f` returns false to skip
/// an expression's children.
void forEachSlotOf(Stmt &s, const std::function<bool(ExprPtr &)> &f) {
  std::function<void(ExprPtr &)> visit = [&](ExprPtr &e) {
    if (e && f(e))
      forEachChildSlot(*e, visit);
  };
  forEachExprSlotOf(s, visit);
}

/// Whether `d` is a plain function (no @vectorize, @stencil, @kernel...).
bool plain(const FunctionDefStmt &d) {
  for (const ExprPtr &e : d.decorators) {
    const Expr *x = e.get();
    if (auto *c = x->dyn<CallExpr>())
      x = c->callee.get();
    auto *n = x->dyn<NameExpr>();
    if (!n || (n->name != "jit" && n->name != "njit"))
      return false;
  }
  return true;
}

} // namespace

void returnGrownListParameters(ModuleAST &module, DiagnosticEngine &diags) {
  std::map<std::string, FunctionDefStmt *> defs;
  for (StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      defs[d->name] = d;
  // Each function's parameters that grow: by a method, or passed where a
  // function called grows its parameter (to a fixed point).
  std::map<std::string, std::set<size_t>> grown;
  auto paramIndex = [](const FunctionDefStmt &d, const std::string &name) {
    for (size_t k = 0; k < d.params.size(); ++k)
      if (d.params[k].name == name)
        return static_cast<int>(k);
    return -1;
  };
  for (auto &[name, d] : defs) {
    forEachExprIn(d->body, [&](const Expr *e) {
      if (const NameExpr *r = grownReceiver(e))
        if (int k = paramIndex(*d, r->name); k >= 0)
          grown[name].insert(static_cast<size_t>(k));
    });
    // A dict's part rebound (its table, made again as it grows) is handed
    // back as a grown list is.
    forEachStmtIn(d->body, [&](const Stmt &s) {
      auto *a = s.dyn<AssignStmt>();
      std::vector<const NameExpr *> bound;
      if (a)
        for (const ExprPtr &t : a->targets)
          namesOfTarget(t.get(), bound);
      for (const NameExpr *n : bound)
        if (int k = isDictPart(n->name) ? paramIndex(*d, n->name) : -1; k >= 0)
          grown[name].insert(static_cast<size_t>(k));
    });
  }
  for (bool more = true; more;) {
    more = false;
    for (auto &[name, d] : defs)
      forEachExprIn(d->body, [&](const Expr *e) {
        const NameExpr *f = calleeOf(e);
        auto g = f ? grown.find(f->name) : grown.end();
        if (g == grown.end() || !defs.count(f->name))
          return;
        auto &c = const_cast<CallExpr &>(*e->dyn<CallExpr>());
        for (size_t k : g->second) {
          Expr *a = argumentFor(c, *defs[f->name], k);
          auto *n = a ? a->dyn<NameExpr>() : nullptr;
          int mine = n ? paramIndex(*d, n->name) : -1;
          if (mine >= 0 && grown[name].insert(static_cast<size_t>(mine)).second)
            more = true;
        }
      });
  }
  // The functions handing their lists back: grown list parameters, no
  // value returned. Others keep the list methods' own error.
  std::map<std::string, std::vector<size_t>> handing;
  // Those returning a value return it first: `return v, lst`.
  std::set<std::string> valued;
  for (auto &[name, params] : grown) {
    FunctionDefStmt *d = defs[name];
    if (!plain(*d))
      continue;
    if (returnsValue(d->body)) {
      if (!allReturnValues(d->body))
        continue;
      valued.insert(name);
    }
    handing[name].assign(params.begin(), params.end());
  }
  for (auto &[name, ks] : handing)
    for (size_t k : ks)
      defs[name]->grownLists.push_back(defs[name]->params[k].name);
  if (handing.empty())
    return;
  // Each call hands the lists back to the variables passed: a call
  // statement assigns them (`lst = f(lst)`), `x = f(lst)` assigns the
  // value too (`x, lst = f(lst)`), and a call inside an expression runs
  // first, its value into a variable of its own.
  std::set<const Expr *> rewritten;
  int temps = 0;
  // The variables the call `c` of `f` hands the lists back to, or none
  // (reported).
  auto listTargets =
      [&](CallExpr &c,
          const std::string &f) -> std::optional<std::vector<std::string>> {
    FunctionDefStmt *g = defs[f];
    std::vector<std::string> targets;
    const std::vector<size_t> &ks = handing[f];
    for (size_t i = 0; i < ks.size(); ++i) {
      Expr *a = argumentFor(c, *g, ks[i]);
      auto *n = a ? a->dyn<NameExpr>() : nullptr;
      if (!n || std::count(targets.begin(), targets.end(), n->name)) {
        diags.error(a ? a->range : c.range,
                    "'" + f + "' grows or shrinks its list parameter '" +
                        g->grownLists[i] +
                        "', so it is passed a list variable (one per such "
                        "parameter), which sees the change; assign the list "
                        "to a variable first");
        return std::nullopt;
      }
      targets.push_back(n->name);
    }
    return targets;
  };
  auto assignment = [&](SourceRange r, ExprPtr value, ExprPtr first,
                        const std::vector<std::string> &lists) {
    ASTBuilder at{r};
    std::vector<ExprPtr> names;
    if (first)
      names.push_back(std::move(first));
    for (const std::string &t : lists)
      names.push_back(at.name(t));
    ExprPtr target =
        names.size() == 1 ? std::move(names[0]) : at.tuple(std::move(names));
    auto a = at.assign(std::move(target), std::move(value));
    a->range = r;
    return a;
  };
  rewriteBlocks(module.body, [&](Stmt &s) -> std::optional<Block> {
    // A call statement, or `x = f(...)` of a function returning a value.
    ExprPtr *whole = nullptr;
    ExprPtr first;
    if (auto *e = s.dyn<ExprStmt>())
      whole = &e->value;
    auto *as = s.dyn<AssignStmt>();
    if (as && as->targets.size() == 1)
      whole = &as->value;
    const NameExpr *f = whole ? calleeOf(whole->get()) : nullptr;
    if (f && handing.count(f->name) && (!as || valued.count(f->name))) {
      auto &c = static_cast<CallExpr &>(**whole);
      rewritten.insert(&c);
      std::optional<std::vector<std::string>> lists = listTargets(c, f->name);
      if (!lists)
        return std::nullopt;
      if (as)
        first = std::move(as->targets[0]);
      else if (valued.count(f->name))
        first = ASTBuilder{s.range}.name("__handed_back_" +
                                         std::to_string(temps++));
      Block out;
      out.push_back(
          assignment(s.range, std::move(*whole), std::move(first), *lists));
      return out;
    }
    // Calls inside expressions: each runs before the statement.
    Block out;
    std::set<std::string> handedBack;
    bool conditional = false, failed = false;
    std::function<bool(ExprPtr &)> hoist = [&](ExprPtr &e) -> bool {
      if (failed)
        return false;
      if (e->dyn<IfExpExpr>() || e->dyn<BoolOpExpr>() ||
          e->dyn<ListCompExpr>()) {
        // (what runs only sometimes is not hoisted)
        bool saved = conditional;
        conditional = true;
        forEachChildSlot(*e, [&](ExprPtr &x) { hoist(x); });
        conditional = saved;
        return false;
      }
      const NameExpr *g = calleeOf(e.get());
      if (!g || !handing.count(g->name) || !valued.count(g->name))
        return true;
      auto &c = static_cast<CallExpr &>(*e);
      rewritten.insert(&c);
      if (conditional || s.kind == StmtKind::While) {
        diags.error(c.range,
                    "'" + g->name +
                        "' grows or shrinks a list it is passed, so it runs "
                        "on a line of its own here (x = " +
                        g->name +
                        "(...)): in a while condition, a branch "
                        "of x if c else y, after and/or or in a "
                        "comprehension it would run out of turn");
        failed = true;
        return false;
      }
      // Its own arguments first (calls in them run before it).
      for (ExprPtr &a : c.args)
        hoist(a);
      std::optional<std::vector<std::string>> lists = listTargets(c, g->name);
      if (!lists) {
        failed = true;
        return false;
      }
      handedBack.insert(lists->begin(), lists->end());
      std::string name = "__handed_back_" + std::to_string(temps++);
      ASTBuilder at{c.range};
      ExprPtr call = std::move(e);
      e = at.name(name);
      out.push_back(
          assignment(s.range, std::move(call), at.name(name), *lists));
      return false;
    };
    if (s.kind == StmtKind::FunctionDef)
      return std::nullopt;
    forEachSlotOf(s, hoist);
    if (out.empty() || failed)
      return std::nullopt;
    // The statement must not read a list the calls changed (it would see
    // the change too early).
    bool reads = false;
    forEachExprOf(s, [&](const Expr *e) {
      std::function<void(const Expr *)> visit = [&](const Expr *x) {
        if (auto *n = x->dyn<NameExpr>(); n && handedBack.count(n->name))
          reads = true;
        forEachChild(x, visit);
      };
      visit(e);
    });
    if (reads) {
      diags.error(s.range, "this line reads a list that a call in it grows "
                           "or shrinks; make the call on a line of its own "
                           "first (x = f(lst))");
      return std::nullopt;
    }
    out.push_back(cloneStmt(s));
    return out;
  });
  // The functions' returns hand the lists back (after the calls in
  // them were rewritten).
  for (auto &[name, ks] : handing) {
    FunctionDefStmt *d = defs[name];
    ASTBuilder at{d->nameRange};
    // return lst, or return (a, b) for several, in parameter order
    auto lists = [&]() -> ExprPtr {
      if (ks.size() == 1)
        return at.name(d->params[ks[0]].name);
      std::vector<ExprPtr> names;
      for (size_t k : ks)
        names.push_back(at.name(d->params[k].name));
      return at.tuple(std::move(names));
    };
    bool value = valued.count(name) != 0;
    rewriteBlocks(d->body, [&](Stmt &s) -> std::optional<Block> {
      auto *r = s.dyn<ReturnStmt>();
      if (!r)
        return std::nullopt;
      if (!value) {
        r->value = lists();
        return std::nullopt;
      }
      ASTBuilder ar{r->range};
      std::vector<ExprPtr> parts;
      parts.push_back(std::move(r->value));
      for (size_t k : ks)
        parts.push_back(ar.name(d->params[k].name));
      r->value = ar.tuple(std::move(parts));
      return std::nullopt;
    });
    if (!value && (d->body.empty() || !d->body.back()->dyn<ReturnStmt>()))
      d->body.push_back(std::make_unique<ReturnStmt>(d->nameRange, lists()));
  }
  // Any other call would lose the change.
  auto check = [&](const Block &block) {
    forEachExprIn(block, [&](const Expr *e) {
      const NameExpr *f = calleeOf(e);
      if (f && handing.count(f->name) && !rewritten.count(e))
        diags.error(e->range, "'" + f->name +
                                  "' grows or shrinks its list parameter '" +
                                  defs[f->name]->grownLists[0] +
                                  (valued.count(f->name)
                                       ? "': call it as a statement of its "
                                         "own or as x = " +
                                             f->name + "(...)"
                                       : std::string("' and returns "
                                                     "nothing: call it as a "
                                                     "statement of its own")) +
                                  " (from Python, call a jitted function "
                                  "that makes the list and returns it)");
    });
  };
  check(module.body);
  for (auto &[name, d] : defs)
    check(d->body);
}

} // namespace weft
