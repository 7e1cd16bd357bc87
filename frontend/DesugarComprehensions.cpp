//===- DesugarComprehensions.cpp - Comprehensions as loops ----------------===//
//
// Implements desugarComprehensions (DesugarComprehensions.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarComprehensions.h"

#include "frontend/ASTBuild.h"

#include <string>

namespace weft {
namespace {

/// The kind of comprehension `e` is a call of: "list", "set", "dict", or
/// null.
const char *comprehensionKind(const Expr &e) {
  auto *c = e.dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  if (!n)
    return nullptr;
  for (const char *kind : {"list", "set", "dict"})
    if (n->name == std::string("weft.") + kind + "_comprehension")
      return kind;
  return nullptr;
}

/// Whether `e` names variable `name` anywhere.
bool mentions(const Expr &e, const std::string &name) {
  if (auto *n = e.dyn<NameExpr>())
    return n->name == name;
  bool found = false;
  forEachChild(&e, [&](const Expr *c) { found = found || mentions(*c, name); });
  return found;
}

/// Whether `def` says `python_lists=True` in a decorator.
bool hasPythonLists(const FunctionDefStmt &def) {
  for (const ExprPtr &d : def.decorators)
    if (auto *c = d->dyn<CallExpr>())
      for (const KeywordArg &k : c->keywords)
        if (auto *b = k.value->dyn<BoolLitExpr>();
            k.name == "python_lists" && b)
          return b->value;
  return false;
}

class Rewriter {
public:
  Rewriter(DiagnosticEngine &diags, int &temps)
      : diags_(diags), temps_(temps) {}

  void block(Block &stmts, bool pythonLists);

private:
  DiagnosticEngine &diags_;
  int &temps_;
  bool pythonLists_ = false;

  /// The slot of the first comprehension (outermost, in evaluation order)
  /// of statement `s`, or null.
  ExprPtr *firstComprehension(Stmt &s);
  /// The statements that build comprehension `c` into variable `var`.
  Block build(CallExpr &c, const char *kind, const std::string &var);
};

/// Whether `e` holds a comprehension the parser left for this rewrite.
bool holdsComprehension(const Expr &e) {
  if (comprehensionKind(e))
    return true;
  bool found = false;
  forEachChild(&e,
               [&](const Expr *c) { found = found || holdsComprehension(*c); });
  return found;
}

/// `[e for x in it if c]` as the parser's call of weft.list_comprehension.
ExprPtr asCall(ListCompExpr &lc) {
  auto clause = std::make_unique<TupleExpr>(lc.range);
  clause->elts.push_back(std::move(lc.target));
  clause->elts.push_back(std::move(lc.iter));
  if (lc.cond)
    clause->elts.push_back(std::move(lc.cond));
  auto call = std::make_unique<CallExpr>(
      lc.range,
      std::make_unique<NameExpr>(lc.range, "weft.list_comprehension"));
  call->args.push_back(std::move(lc.elt));
  call->args.push_back(std::move(clause));
  return call;
}

ExprPtr *Rewriter::firstComprehension(Stmt &s) {
  ExprPtr *found = nullptr;
  std::function<void(ExprPtr &)> visit = [&](ExprPtr &e) {
    if (found)
      return;
    // A comprehension inside another's element or condition runs in each
    // of its iterations: the outer one becomes loops too.
    if (auto *lc = e->dyn<ListCompExpr>();
        lc && (holdsComprehension(*lc->elt) ||
               (lc->cond && holdsComprehension(*lc->cond))))
      e = asCall(*lc);
    if (comprehensionKind(*e)) {
      found = &e;
      return;
    }
    forEachChildSlot(*e, visit);
  };
  forEachExprSlotOf(s, visit);
  return found;
}

Block Rewriter::build(CallExpr &c, const char *kind, const std::string &var) {
  ASTBuilder b{c.range};
  std::string k = kind;
  Block out;
  if (k == "list") {
    out.push_back(b.assign(b.name(var), std::make_unique<ListExpr>(c.range)));
  } else if (k == "set") {
    out.push_back(b.assign(b.name(var), b.call("set", {})));
  } else {
    out.push_back(b.assign(b.name(var), b.call("weft.dict_display", {})));
  }
  size_t clauses = k == "dict" ? 2 : 1;
  // The innermost statement: v.append(e), v.add(e) or v[k] = x.
  StmtPtr inner;
  if (k == "dict") {
    std::vector<ExprPtr> key;
    key.push_back(std::move(c.args[0]));
    inner =
        b.assign(b.index(b.name(var), std::move(key)), std::move(c.args[1]));
  } else {
    std::vector<ExprPtr> args;
    args.push_back(std::move(c.args[0]));
    inner = std::make_unique<ExprStmt>(
        c.range,
        b.call(b.attribute(b.name(var), k == "list" ? "append" : "add"),
               std::move(args)));
  }
  // Nested from the innermost clause out.
  for (size_t i = c.args.size(); i-- > clauses;) {
    auto &clause = static_cast<TupleExpr &>(*c.args[i]);
    for (size_t j = clause.elts.size(); j-- > 2;) {
      auto test = std::make_unique<IfStmt>(clause.elts[j]->range);
      test->cond = std::move(clause.elts[j]);
      test->body.push_back(std::move(inner));
      inner = std::move(test);
    }
    // (each loop at its own clause: loops are told apart by position)
    auto loop = std::make_unique<ForStmt>(clause.range);
    loop->target = std::move(clause.elts[0]);
    loop->iter = std::move(clause.elts[1]);
    loop->body.push_back(std::move(inner));
    inner = std::move(loop);
  }
  out.push_back(std::move(inner));
  return out;
}

void Rewriter::block(Block &stmts, bool pythonLists) {
  bool saved = pythonLists_;
  pythonLists_ = pythonLists;
  Block out;
  for (StmtPtr &s : stmts) {
    if (auto *d = s->dyn<FunctionDefStmt>()) {
      // (nested functions are Numba's closures: the outer's lists)
      block(d->body, pythonLists_ || hasPythonLists(*d));
      out.push_back(std::move(s));
      continue;
    }
    while (ExprPtr *slot = firstComprehension(*s)) {
      auto &c = static_cast<CallExpr &>(**slot);
      const char *kind = comprehensionKind(c);
      if (s->kind == StmtKind::While) {
        diags_.error(c.range, std::string("a ") + kind +
                                  " comprehension in a while condition is "
                                  "not supported; compute it before the "
                                  "loop and again at the end of its body");
        *slot = std::make_unique<BoolLitExpr>(c.range, false);
        continue;
      }
      if (std::string(kind) == "list" && !pythonLists_) {
        diags_.error(c.range,
                     "this list comprehension (several 'for's, names "
                     "unpacked, or enumerate/zip) makes a Python list, "
                     "which needs @jit(python_lists=True); or build the "
                     "array in a for loop");
        *slot = std::make_unique<BoolLitExpr>(c.range, false);
        continue;
      }
      // `x = [...]` builds into x unless the comprehension reads x.
      std::string var;
      auto *a = s->dyn<AssignStmt>();
      if (a && slot == &a->value && a->targets.size() == 1)
        if (auto *n = a->targets[0]->dyn<NameExpr>();
            n && !mentions(c, n->name))
          var = n->name;
      bool direct = !var.empty();
      if (!direct)
        var = "__comprehension" + std::to_string(++temps_);
      Block built = build(c, kind, var);
      block(built, pythonLists_); // comprehensions inside it
      for (StmtPtr &x : built)
        out.push_back(std::move(x));
      if (direct) {
        s.reset();
        break;
      }
      *slot = std::make_unique<NameExpr>(c.range, var);
    }
    if (!s)
      continue;
    if (auto *i = s->dyn<IfStmt>()) {
      block(i->body, pythonLists_);
      block(i->orelse, pythonLists_);
    } else if (auto *f = s->dyn<ForStmt>()) {
      block(f->body, pythonLists_);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      block(w->body, pythonLists_);
    }
    out.push_back(std::move(s));
  }
  stmts = std::move(out);
  pythonLists_ = saved;
}

} // namespace

void desugarComprehensions(ModuleAST &module, DiagnosticEngine &diags) {
  int temps = 0;
  Rewriter(diags, temps).block(module.body, false);
}

} // namespace weft
