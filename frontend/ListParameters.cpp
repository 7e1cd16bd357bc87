//===- ListParameters.cpp - lists grown through a parameter ---------------===//
//
// Implements returnGrownListParameters (ListParameters.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/ListParameters.h"

#include "frontend/ASTBuild.h"

#include <algorithm>
#include <map>
#include <set>

namespace weft {
namespace {

/// The receiver's name of `lst.append(...)` and the other methods that
/// grow or shrink a list, or null.
const NameExpr *grownReceiver(const Expr *e) {
  auto *c = e->dyn<CallExpr>();
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  static const std::set<std::string> methods = {"append", "extend", "pop",
                                                "insert", "remove", "clear"};
  return m && methods.count(m->attr) ? m->base->dyn<NameExpr>() : nullptr;
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
  for (auto &[name, d] : defs)
    forEachExprIn(d->body, [&](const Expr *e) {
      if (const NameExpr *r = grownReceiver(e))
        if (int k = paramIndex(*d, r->name); k >= 0)
          grown[name].insert(static_cast<size_t>(k));
    });
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
  for (auto &[name, params] : grown) {
    FunctionDefStmt *d = defs[name];
    if (returnsValue(d->body) || !plain(*d))
      continue;
    handing[name].assign(params.begin(), params.end());
  }
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
    for (size_t k : ks)
      d->grownLists.push_back(d->params[k].name);
    rewriteBlocks(d->body, [&](Stmt &s) -> std::optional<Block> {
      if (auto *r = s.dyn<ReturnStmt>())
        r->value = lists();
      return std::nullopt;
    });
    if (d->body.empty() || !d->body.back()->dyn<ReturnStmt>())
      d->body.push_back(std::make_unique<ReturnStmt>(d->nameRange, lists()));
  }
  if (handing.empty())
    return;
  // Each call statement hands the lists back to the variables passed.
  std::set<const Expr *> rewritten;
  rewriteBlocks(module.body, [&](Stmt &s) -> std::optional<Block> {
    auto *e = s.dyn<ExprStmt>();
    const NameExpr *f = e ? calleeOf(e->value.get()) : nullptr;
    auto h = f ? handing.find(f->name) : handing.end();
    if (h == handing.end())
      return std::nullopt;
    auto &c = static_cast<CallExpr &>(*e->value);
    rewritten.insert(&c); // (reported here when it cannot be)
    FunctionDefStmt *g = defs[f->name];
    std::vector<std::string> targets;
    for (size_t i = 0; i < h->second.size(); ++i) {
      Expr *a = argumentFor(c, *g, h->second[i]);
      auto *n = a ? a->dyn<NameExpr>() : nullptr;
      if (!n || std::count(targets.begin(), targets.end(), n->name)) {
        diags.error(a ? a->range : c.range,
                    "'" + f->name + "' grows or shrinks its list parameter '" +
                        g->grownLists[i] +
                        "', so it is passed a list variable (one per such "
                        "parameter), which sees the change; assign the list "
                        "to a variable first");
        return std::nullopt;
      }
      targets.push_back(n->name);
    }
    ASTBuilder at{s.range};
    ExprPtr target;
    if (targets.size() == 1) {
      target = at.name(targets[0]);
    } else {
      std::vector<ExprPtr> names;
      for (const std::string &t : targets)
        names.push_back(at.name(t));
      target = at.tuple(std::move(names));
    }
    Block out;
    out.push_back(at.assign(std::move(target), std::move(e->value)));
    return out;
  });
  // Any other call would lose the change.
  auto check = [&](const Block &block) {
    forEachExprIn(block, [&](const Expr *e) {
      const NameExpr *f = calleeOf(e);
      if (f && handing.count(f->name) && !rewritten.count(e))
        diags.error(e->range, "'" + f->name +
                                  "' grows or shrinks its list parameter '" +
                                  defs[f->name]->grownLists[0] +
                                  "' and returns nothing: call it as a "
                                  "statement of its own (from Python, "
                                  "call a jitted function that makes the "
                                  "list and returns it)");
    });
  };
  check(module.body);
  for (auto &[name, d] : defs)
    check(d->body);
}

} // namespace weft
