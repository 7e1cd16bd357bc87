//===- DesugarSliceObjects.cpp - slice and range objects in variables -----===//
//
// Python's slice and range objects (`sl = slice(indptr[i], indptr[i + 1])`
// then `a[sl]` and `sl.stop - sl.start`; `zs = range(2, n)` then `for z in
// zs:`) are values Weft has no type for. A variable only ever bound to
// one of them and used where its parts suffice is held as its parts
// instead: `sl__start`, `sl__stop` (and `sl__step`), bound where the
// object was made (so its arguments are read then, as Python reads
// them), and each use is the slice or range written with them.
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarSliceObjects.h"

#include "frontend/ASTBuild.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace weft {

namespace {

enum class Object { Slice, Range };

const CallExpr *objectCall(const Expr *e, Object kind) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  const char *name = kind == Object::Slice ? "slice" : "range";
  return n && n->name == name && !n->qualified && !c->args.empty() &&
                 c->args.size() <= 3 && c->keywords.empty() &&
                 c->starred.empty()
             ? c
             : nullptr;
}

bool isNone(const Expr *e) {
  auto *n = e ? e->dyn<NameExpr>() : nullptr;
  return n && n->name == "None";
}

const char *const kParts[3] = {"__start", "__stop", "__step"};

/// The three parts (start, stop, step) of slice(...) or range(...); null
/// for a part not given or None (a range's are 0 and 1).
std::vector<const Expr *> partsOf(const CallExpr *c) {
  std::vector<const Expr *> p;
  for (const ExprPtr &x : c->args)
    p.push_back(isNone(x.get()) ? nullptr : x.get());
  if (p.size() == 1)
    p.insert(p.begin(), nullptr); // slice(stop), range(stop)
  p.resize(3, nullptr);
  return p;
}

/// One variable held as its parts.
struct Held {
  Object kind;
  bool given[3] = {false, false, false}; // (a range's are all given)
  bool ok = true;
};

const NameExpr *plainTarget(const Stmt &s) {
  auto *a = s.dyn<AssignStmt>();
  return a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
}

/// A tuple of indices with a slice object among them, held in a variable
/// used only as a whole index (`sub = (slice(None, None), slice(a, b))`
/// then `data[sub]`): a variable per element, `sub__0`, `sub__1`, bound
/// where the tuple was made, and each index is `data[sub__0, sub__1]`
/// (the slices among them are then slice variables).
void splitSliceTuples(Block &body, const std::vector<Param> *params) {
  std::map<std::string, size_t> arity; // 0: not this form
  forEachStmtIn(body, [&](const Stmt &s) {
    const NameExpr *t = plainTarget(s);
    std::vector<std::string> names;
    if (!t) {
      if (!s.dyn<IfStmt>() && !s.dyn<WhileStmt>()) {
        if (auto *f = s.dyn<ForStmt>()) {
          std::vector<const NameExpr *> bound;
          namesOfTarget(f->target.get(), bound);
          for (const NameExpr *n : bound)
            names.push_back(n->name);
        } else {
          namesBoundBy(s, names);
        }
      }
      for (const std::string &n : names)
        arity[n] = 0;
      return;
    }
    auto *tuple = static_cast<const AssignStmt &>(s).value->dyn<TupleExpr>();
    bool slices =
        tuple && std::any_of(tuple->elts.begin(), tuple->elts.end(),
                             [](const ExprPtr &x) {
                               return objectCall(x.get(), Object::Slice);
                             });
    size_t n = slices ? tuple->elts.size() : 0;
    auto [it, first] = arity.emplace(t->name, n);
    if (!first && it->second != n)
      it->second = 0;
  });
  if (params)
    for (const Param &p : *params)
      arity[p.name] = 0;
  // Used only as the one index of a subscript.
  std::set<const Expr *> wholeIndex;
  forEachExprIn(body, [&](const Expr *e) {
    if (auto *ix = e->dyn<IndexExpr>(); ix && ix->indices.size() == 1)
      wholeIndex.insert(ix->indices[0].get());
  });
  forEachStmtIn(body, [&](const Stmt &s) {
    if (const NameExpr *t = plainTarget(s))
      wholeIndex.insert(t);
  });
  forEachExprIn(body, [&](const Expr *e) {
    auto *n = e->dyn<NameExpr>();
    auto it = n && !n->qualified ? arity.find(n->name) : arity.end();
    if (it != arity.end() && !wholeIndex.count(e))
      it->second = 0;
  });
  auto element = [](const std::string &name, size_t k) {
    return name + "__" + std::to_string(k);
  };
  rewriteBlocks(body, [&](Stmt &s) -> std::optional<Block> {
    const NameExpr *t = plainTarget(s);
    auto it = t ? arity.find(t->name) : arity.end();
    if (it == arity.end() || !it->second)
      return std::nullopt;
    auto &tuple = static_cast<TupleExpr &>(*static_cast<AssignStmt &>(s).value);
    Block out;
    for (size_t k = 0; k < tuple.elts.size(); ++k) {
      auto a = std::make_unique<AssignStmt>(s.range);
      a->targets.push_back(
          std::make_unique<NameExpr>(t->range, element(t->name, k)));
      a->value = std::move(tuple.elts[k]);
      out.push_back(std::move(a));
    }
    return out;
  });
  forEachExprSlotIn(body, [&](ExprPtr &slot) {
    auto *ix = slot->dyn<IndexExpr>();
    auto *n = ix && ix->indices.size() == 1 ? ix->indices[0]->dyn<NameExpr>()
                                            : nullptr;
    auto it = n && !n->qualified ? arity.find(n->name) : arity.end();
    if (it == arity.end() || !it->second)
      return;
    std::string name = n->name;
    SourceRange r = n->range;
    ix->indices.clear();
    for (size_t k = 0; k < it->second; ++k)
      ix->indices.push_back(std::make_unique<NameExpr>(r, element(name, k)));
  });
}

/// The value of an integer literal (or its negation), if `e` is one.
std::optional<int64_t> intLiteral(const Expr *e) {
  if (auto *i = e ? e->dyn<IntLitExpr>() : nullptr)
    return i->value;
  if (auto *u = e ? e->dyn<UnaryExpr>() : nullptr)
    if (u->op == UnaryOp::Neg)
      if (std::optional<int64_t> v = intLiteral(u->operand.get()))
        return -*v;
  return std::nullopt;
}

/// `L, R, U, D = range(4)` (a range of integer literals unpacked into as
/// many names): the names get their numbers, as Python binds them.
void unpackLiteralRanges(Block &body) {
  rewriteBlocks(body, [&](Stmt &s) -> std::optional<Block> {
    auto *a = s.dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<TupleExpr>() : nullptr;
    const CallExpr *c = a ? objectCall(a->value.get(), Object::Range) : nullptr;
    if (!t || !c)
      return std::nullopt;
    std::vector<int64_t> v;
    for (const ExprPtr &x : c->args) {
      std::optional<int64_t> k = intLiteral(x.get());
      if (!k)
        return std::nullopt;
      v.push_back(*k);
    }
    int64_t start = v.size() > 1 ? v[0] : 0, stop = v.size() > 1 ? v[1] : v[0];
    int64_t step = v.size() > 2 ? v[2] : 1;
    if (step == 0)
      return std::nullopt;
    int64_t n = step > 0
                    ? (stop > start ? (stop - start + step - 1) / step : 0)
                    : (start > stop ? (start - stop - step - 1) / -step : 0);
    if (n != static_cast<int64_t>(t->elts.size()) ||
        !std::all_of(t->elts.begin(), t->elts.end(), [](const ExprPtr &x) {
          return x->dyn<NameExpr>() != nullptr;
        }))
      return std::nullopt; // (Python's ValueError: the type checker's)
    Block out;
    for (int64_t k = 0; k < n; ++k) {
      auto one = std::make_unique<AssignStmt>(s.range);
      one->targets.push_back(std::move(t->elts[k]));
      one->value = std::make_unique<IntLitExpr>(s.range, start + k * step);
      out.push_back(std::move(one));
    }
    return out;
  });
}

/// Rewrites the slice and range variables of one function body (or the
/// script's).
void desugarBody(Block &body, const std::vector<Param> *params) {
  unpackLiteralRanges(body);
  splitSliceTuples(body, params);
  std::map<std::string, Held> held;
  // The candidates: every binding of the name is `name = slice(...)` (or
  // every one `name = range(...)`), and the parts given agree.
  forEachStmtIn(body, [&](const Stmt &s) {
    const NameExpr *t = plainTarget(s);
    if (!t)
      return;
    auto *a = static_cast<const AssignStmt *>(&s);
    for (Object kind : {Object::Slice, Object::Range}) {
      const CallExpr *c = objectCall(a->value.get(), kind);
      if (!c)
        continue;
      std::vector<const Expr *> p = partsOf(c);
      auto [it, first] = held.emplace(t->name, Held{kind});
      Held &h = it->second;
      for (int k = 0; k < 3; ++k) {
        bool given = p[k] || kind == Object::Range;
        if (!first && given != h.given[k])
          h.ok = false;
        h.given[k] = given;
      }
      if (h.kind != kind)
        h.ok = false;
    }
  });
  if (held.empty())
    return;
  if (params)
    for (const Param &p : *params)
      if (held.count(p.name))
        held[p.name].ok = false;
  // Every other binding of the name disqualifies it.
  forEachStmtIn(body, [&](const Stmt &s) {
    const NameExpr *t = plainTarget(s);
    std::vector<std::string> names;
    if (t) {
      auto *a = static_cast<const AssignStmt *>(&s);
      auto it = held.find(t->name);
      if (it != held.end() && !objectCall(a->value.get(), it->second.kind))
        it->second.ok = false;
      // (names bound by statements nested in this one are seen on their
      // own)
      return;
    }
    if (s.dyn<IfStmt>() || s.dyn<WhileStmt>())
      return;
    if (auto *f = s.dyn<ForStmt>()) {
      std::vector<const NameExpr *> bound;
      namesOfTarget(f->target.get(), bound);
      for (const NameExpr *n : bound)
        if (held.count(n->name))
          held[n->name].ok = false;
      return;
    }
    namesBoundBy(s, names);
    for (const std::string &n : names)
      if (held.count(n))
        held[n].ok = false;
  });
  // Uses: a slice indexes (a[s], a[i, s]) or gives .start/.stop/.step; a
  // range is looped over or measured by len().
  std::set<const Expr *> allowed;
  forEachExprIn(body, [&](const Expr *e) {
    if (auto *ix = e->dyn<IndexExpr>())
      for (const ExprPtr &i : ix->indices)
        allowed.insert(i.get());
    if (auto *a = e->dyn<AttributeExpr>();
        a && (a->attr == "start" || a->attr == "stop" || a->attr == "step"))
      allowed.insert(a->base.get());
    if (auto *c = e->dyn<CallExpr>()) {
      auto *n = c->callee->dyn<NameExpr>();
      if (n && n->name == "len" && c->args.size() == 1)
        allowed.insert(c->args[0].get());
    }
  });
  forEachStmtIn(body, [&](const Stmt &s) {
    if (auto *f = s.dyn<ForStmt>())
      allowed.insert(f->iter.get());
    if (const NameExpr *t = plainTarget(s))
      allowed.insert(t);
  });
  forEachExprIn(body, [&](const Expr *e) {
    auto *n = e->dyn<NameExpr>();
    auto it = n ? held.find(n->name) : held.end();
    if (it != held.end() && !n->qualified && !allowed.count(e))
      it->second.ok = false;
  });
  for (auto it = held.begin(); it != held.end();)
    it = it->second.ok ? std::next(it) : held.erase(it);
  if (held.empty())
    return;
  // Which allowed use is which: slices are not looped over, ranges do not
  // index (each keeps the error its other uses get).
  forEachExprIn(body, [&](const Expr *e) {
    if (auto *ix = e->dyn<IndexExpr>())
      for (const ExprPtr &i : ix->indices)
        if (auto *n = i->dyn<NameExpr>();
            n && held.count(n->name) && held[n->name].kind == Object::Range)
          held[n->name].ok = false;
  });
  forEachStmtIn(body, [&](const Stmt &s) {
    auto *f = s.dyn<ForStmt>();
    auto *n = f ? f->iter->dyn<NameExpr>() : nullptr;
    if (n && held.count(n->name) && held[n->name].kind == Object::Slice)
      held[n->name].ok = false;
  });
  for (auto it = held.begin(); it != held.end();)
    it = it->second.ok ? std::next(it) : held.erase(it);
  if (held.empty())
    return;

  // The bindings: the parts, in order.
  rewriteBlocks(body, [&](Stmt &s) -> std::optional<Block> {
    const NameExpr *t = plainTarget(s);
    auto it = t ? held.find(t->name) : held.end();
    if (it == held.end())
      return std::nullopt;
    auto *c =
        objectCall(static_cast<AssignStmt &>(s).value.get(), it->second.kind);
    std::vector<const Expr *> p = partsOf(c);
    Block out;
    for (int k = 0; k < 3; ++k) {
      if (!it->second.given[k])
        continue;
      auto a = std::make_unique<AssignStmt>(s.range);
      a->targets.push_back(
          std::make_unique<NameExpr>(t->range, t->name + kParts[k]));
      if (p[k])
        a->value = cloneExpr(p[k]);
      else // a range's default start and step
        a->value = std::make_unique<IntLitExpr>(s.range, k == 0 ? 0 : 1);
      out.push_back(std::move(a));
    }
    return out;
  });
  auto part = [&](const NameExpr *n, int k) -> ExprPtr {
    if (!held[n->name].given[k])
      return nullptr;
    return std::make_unique<NameExpr>(n->range, n->name + kParts[k]);
  };
  // The uses.
  forEachExprSlotIn(body, [&](ExprPtr &slot) {
    if (auto *ix = slot->dyn<IndexExpr>()) {
      for (ExprPtr &i : ix->indices) {
        auto *n = i->dyn<NameExpr>();
        if (!n || !held.count(n->name))
          continue;
        auto sl = std::make_unique<SliceExpr>(n->range);
        sl->lower = part(n, 0);
        sl->upper = part(n, 1);
        sl->step = part(n, 2);
        i = std::move(sl);
      }
      return;
    }
    if (auto *a = slot->dyn<AttributeExpr>()) {
      auto *n = a->base->dyn<NameExpr>();
      if (!n || !held.count(n->name))
        return;
      int k = a->attr == "start" ? 0 : a->attr == "stop" ? 1 : 2;
      ExprPtr p = part(n, k);
      slot = p ? std::move(p) : std::make_unique<NameExpr>(a->range, "None");
      return;
    }
    auto *n = slot->dyn<NameExpr>();
    if (!n || !held.count(n->name) || held[n->name].kind != Object::Range)
      return;
    // range(start, stop, step) again, of the parts
    auto call = std::make_unique<CallExpr>(
        n->range, std::make_unique<NameExpr>(n->range, "range"));
    for (int k = 0; k < 3; ++k)
      call->args.push_back(part(n, k));
    slot = std::move(call);
  });
}

} // namespace

void desugarSliceObjects(ModuleAST &module, DiagnosticEngine &diags) {
  for (StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      desugarBody(d->body, &d->params);
  desugarBody(module.body, nullptr);
  // What is left: slice objects as values (returned, passed, held in a
  // tuple): the record slice(start, stop, step) of Numba's slice type,
  // whose parts not given are Numba's defaults.
  bool made = false;
  auto defaults = [&](ExprPtr &slot) {
    auto *c = slot ? slot->dyn<CallExpr>() : nullptr;
    auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
    if (!n || n->name != "slice" || n->qualified || !c->keywords.empty() ||
        !c->starred.empty() || c->args.empty() || c->args.size() > 3)
      return;
    made = true;
    // slice(stop), slice(start, stop): the parts not given are None
    if (c->args.size() == 1)
      c->args.insert(c->args.begin(),
                     std::make_unique<NameExpr>(c->range, "None"));
    if (c->args.size() == 2)
      c->args.push_back(std::make_unique<NameExpr>(c->range, "None"));
    // (None parts: step 1; start 0 and stop the largest int for a
    // positive step, the largest and the smallest for a negative one, as
    // Numba fills them)
    if (isNone(c->args[2].get()))
      c->args[2] = std::make_unique<IntLitExpr>(c->range, 1);
    for (int k = 0; k < 2; ++k) {
      if (!isNone(c->args[k].get()))
        continue;
      SourceRange r = c->args[k]->range;
      int64_t up = k == 0 ? 0 : std::numeric_limits<int64_t>::max();
      int64_t down = k == 0 ? std::numeric_limits<int64_t>::max()
                            : std::numeric_limits<int64_t>::min();
      auto positive = std::make_unique<CompareExpr>(r);
      positive->operands.push_back(cloneExpr(c->args[2].get()));
      positive->operands.push_back(std::make_unique<IntLitExpr>(r, 0));
      positive->ops.push_back(CompareOp::Gt);
      c->args[k] = std::make_unique<IfExpExpr>(
          r, std::move(positive), std::make_unique<IntLitExpr>(r, up),
          std::make_unique<IntLitExpr>(r, down));
    }
  };
  forEachExprSlotIn(module.body, defaults);
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      forEachExprSlotIn(d->body, defaults);
  if (made)
    module.records["slice"] = {"start", "stop", "step"};
  // `return range(a, b)`: a range object, the record __range(start, stop,
  // step) a loop iterates (len() and indexing, DesugarLoops).
  bool ranges = false;
  for (StmtPtr &s : module.body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (!d)
      continue;
    forEachStmtIn(d->body, [&](const Stmt &st) {
      auto *r = st.dyn<ReturnStmt>();
      auto *c = r && r->value ? r->value->dyn<CallExpr>() : nullptr;
      auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
      if (!n || n->name != "range" || n->qualified || c->args.empty() ||
          c->args.size() > 3 || !c->keywords.empty() || !c->starred.empty())
        return;
      auto *call = const_cast<CallExpr *>(c);
      if (call->args.size() == 1)
        call->args.insert(call->args.begin(),
                          std::make_unique<IntLitExpr>(c->range, 0));
      if (call->args.size() == 2)
        call->args.push_back(std::make_unique<IntLitExpr>(c->range, 1));
      const_cast<NameExpr *>(n)->name = "__range";
      ranges = true;
    });
  }
  if (ranges)
    module.records["__range"] = {"start", "stop", "step"};
  (void)diags;
}

} // namespace weft
