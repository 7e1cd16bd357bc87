//===- DesugarSliceObjects.cpp - slice(...) objects as slices -------------===//
//
// Python's slice objects (`slice_ = slice(None, None, step)`, then
// `a[slice_]`) are values Weft has no type for; where one is bound once
// and only indexes, each use is the slice written out, which means the
// same when the names it reads are never rebound.
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarSliceObjects.h"

#include "frontend/ASTBuild.h"

#include <map>

namespace weft {

namespace {

const CallExpr *sliceCall(const Expr *e) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  return n && n->name == "slice" && !n->qualified ? c : nullptr;
}

void namesIn(const Expr *e, std::vector<std::string> &out) {
  if (auto *n = e->dyn<NameExpr>())
    out.push_back(n->name);
  forEachChild(e, [&](const Expr *x) { namesIn(x, out); });
}

bool isNone(const Expr *e) {
  auto *n = e->dyn<NameExpr>();
  return n && n->name == "None";
}

/// Replaces the slice variables of one function body (or the script's).
void desugarBody(Block &body, const std::vector<Param> *params) {
  // How often each name is bound (parameters once).
  std::map<std::string, int> bound;
  if (params)
    for (const Param &p : *params)
      ++bound[p.name];
  for (const StmtPtr &s : body) {
    std::vector<std::string> names;
    namesBoundBy(*s, names);
    for (const std::string &n : names)
      ++bound[n];
  }
  // The candidates: `s = slice(...)`.
  std::map<std::string, const CallExpr *> slices;
  forEachStmtIn(body, [&](const Stmt &s) {
    auto *a = s.dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    const CallExpr *c = a ? sliceCall(a->value.get()) : nullptr;
    if (!t || !c || bound[t->name] != 1 || c->args.empty() ||
        c->args.size() > 3 || !c->keywords.empty() || !c->starred.empty())
      return;
    std::vector<std::string> read;
    for (const ExprPtr &x : c->args)
      namesIn(x.get(), read);
    for (const std::string &n : read)
      if (n != "None" && bound[n] > 1)
        return;
    slices[t->name] = c;
  });
  if (slices.empty())
    return;
  // Each use must be an index entry: a[s], a[i, s].
  std::map<std::string, bool> indexOnly;
  for (auto &[name, c] : slices)
    indexOnly[name] = true;
  forEachExprIn(body, [&](const Expr *e) {
    if (auto *ix = e->dyn<IndexExpr>()) {
      auto *n = ix->base->dyn<NameExpr>(); // s[...] itself
      if (n && indexOnly.count(n->name))
        indexOnly[n->name] = false;
      return;
    }
    forEachChild(e, [&](const Expr *x) {
      auto *n = x->dyn<NameExpr>();
      if (n && indexOnly.count(n->name))
        indexOnly[n->name] = false;
    });
  });
  forEachStmtIn(body, [&](const Stmt &s) {
    forEachExprOf(s, [&](const Expr *e) {
      auto *n = e->dyn<NameExpr>();
      auto *a = s.dyn<AssignStmt>();
      bool target = a && a->targets.size() == 1 && a->targets[0].get() == e;
      if (n && indexOnly.count(n->name) && !target)
        indexOnly[n->name] = false; // a statement's whole expression
    });
  });
  auto sliceFor = [&](const CallExpr *c, SourceRange r) {
    auto out = std::make_unique<SliceExpr>(r);
    std::vector<const Expr *> parts;
    for (const ExprPtr &x : c->args)
      parts.push_back(x.get());
    if (parts.size() == 1)
      parts.insert(parts.begin(), nullptr); // slice(stop)
    ExprPtr *slots[3] = {&out->lower, &out->upper, &out->step};
    for (size_t k = 0; k < parts.size(); ++k)
      if (parts[k] && !isNone(parts[k]))
        *slots[k] = cloneExpr(parts[k]);
    return out;
  };
  forEachExprSlotIn(body, [&](ExprPtr &slot) {
    auto *ix = slot->dyn<IndexExpr>();
    if (!ix)
      return;
    for (ExprPtr &i : ix->indices) {
      auto *n = i->dyn<NameExpr>();
      if (!n || !slices.count(n->name) || !indexOnly[n->name])
        continue;
      i = sliceFor(slices[n->name], n->range);
    }
  });
  rewriteBlocks(body, [&](Stmt &s) -> std::optional<Block> {
    auto *a = s.dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (t && slices.count(t->name) && indexOnly[t->name] &&
        sliceCall(a->value.get()))
      return Block();
    return std::nullopt;
  });
}

} // namespace

void desugarSliceObjects(ModuleAST &module, DiagnosticEngine &diags) {
  for (StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      desugarBody(d->body, &d->params);
  desugarBody(module.body, nullptr);
  // What is left: slice objects used otherwise.
  auto refuse = [&](const Expr *e) {
    if (const CallExpr *c = sliceCall(e))
      diags.error(c->range,
                  "slice objects are supported as a variable bound once to "
                  "slice(...) of names bound once, used as an index (s = "
                  "slice(a, b); x[s]); write the slice a:b in the index");
  };
  forEachExprIn(module.body, refuse);
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      forEachExprIn(d->body, refuse);
}

} // namespace weft
