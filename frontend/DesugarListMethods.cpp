//===- DesugarListMethods.cpp - List methods as assignments ---------------===//
//
// Implements desugarListMethods (DesugarListMethods.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarListMethods.h"

#include "frontend/ASTBuild.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace weft {
namespace {

/// `lst.method(...)` of a variable `lst` for the methods that grow or
/// shrink a list; null for anything else.
const CallExpr *listMethodCall(const Expr *e, std::string *method = nullptr) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  static const std::set<std::string> kMethods = {
      "append", "extend", "pop", "insert", "remove", "clear", "reverse"};
  if (!m || !m->base->dyn<NameExpr>() || !kMethods.count(m->attr))
    return nullptr;
  if (method)
    *method = m->attr;
  return c;
}

/// Adds to `out` every name `e` reads.
void namesRead(const Expr *e, std::set<std::string> &out);

const NameExpr *receiverOf(const CallExpr *c) {
  return c->callee->dyn<AttributeExpr>()->base->dyn<NameExpr>();
}

/// `lst[i].method(...)` of a variable `lst` for the methods that grow or
/// shrink a row of a list of lists; null for anything else.
const CallExpr *rowMethodCall(const Expr *e, std::string *method = nullptr) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  auto *ix = m ? m->base->dyn<IndexExpr>() : nullptr;
  static const std::set<std::string> kMethods = {"append", "extend", "pop",
                                                 "clear"};
  if (!ix || !ix->base->dyn<NameExpr>() || ix->indices.size() != 1 ||
      ix->indices[0]->dyn<SliceExpr>() || !kMethods.count(m->attr))
    return nullptr;
  if (method)
    *method = m->attr;
  return c;
}

/// The list whose row `c` (a rowMethodCall) changes.
const NameExpr *outerListOf(const CallExpr *c) {
  return c->callee->dyn<AttributeExpr>()
      ->base->dyn<IndexExpr>()
      ->base->dyn<NameExpr>();
}

/// The list method call statement `s` makes (an expression statement, or
/// the value of a one-target assignment for pop), or null.
const CallExpr *statementCall(const Stmt &s) {
  if (auto *e = s.dyn<ExprStmt>())
    return listMethodCall(e->value.get());
  std::string method;
  auto *a = s.dyn<AssignStmt>();
  if (a && a->targets.size() == 1) {
    const CallExpr *c = listMethodCall(a->value.get(), &method);
    return method == "pop" ? c : nullptr;
  }
  return nullptr;
}

/// The names an assigned value hands on as they are (a name, the items of
/// a tuple, the branches of `a if c else b`): each would be a second name
/// for the same list in Python.
void sharedNames(const Expr *e, std::vector<const NameExpr *> &out) {
  if (auto *n = e->dyn<NameExpr>())
    out.push_back(n);
  else if (auto *t = e->dyn<TupleExpr>())
    for (const ExprPtr &x : t->elts)
      sharedNames(x.get(), out);
  else if (auto *i = e->dyn<IfExpExpr>()) {
    sharedNames(i->thenValue.get(), out);
    sharedNames(i->elseValue.get(), out);
  }
}

/// The checks of one function body (or the script's) with parameters
/// `params`.
class ScopeChecker {
public:
  ScopeChecker(const std::vector<Param> *params, DiagnosticEngine &diags,
               const std::set<std::string> &handsBack,
               std::vector<std::string> handedBack = {})
      : params_(params), diags_(diags), handsBack_(handsBack),
        handedBack_(std::move(handedBack)) {}

  void run(const Block &body) {
    // (reverse works in place, on the buffer every name shares.)
    forEachExprIn(body, [&](const Expr *e) {
      std::string method;
      if (const CallExpr *c = listMethodCall(e, &method);
          c && method != "reverse")
        grown_.emplace(receiverOf(c)->name, c);
      else if (const CallExpr *r = rowMethodCall(e))
        grown_.emplace(outerListOf(r)->name, r);
    });
    // `lst = f(..., lst)`: a call of a function handing its grown list
    // parameter back (ListParameters.h) grows lst too.
    std::map<std::string, const CallExpr *> reflected;
    forEachStmtIn(body, [&](const Stmt &s) {
      auto *a = s.dyn<AssignStmt>();
      auto *t = a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                            : nullptr;
      auto *c = t ? a->value->dyn<CallExpr>() : nullptr;
      auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
      if (!f || !handsBack_.count(f->name))
        return;
      for (const ExprPtr &arg : c->args)
        if (auto *n = arg->dyn<NameExpr>(); n && n->name == t->name)
          reflected.emplace(t->name, c);
    });
    if (grown_.empty() && reflected.empty())
      return;
    if (params_)
      for (const Param &p : *params_)
        if (auto it = grown_.find(p.name);
            it != grown_.end() &&
            !std::count(handedBack_.begin(), handedBack_.end(), p.name))
          diags_.error(receiverOf(it->second)->range,
                       "'" + p.name +
                           "' is a parameter: growing or shrinking it "
                           "would not change the caller's list (a function "
                           "returning a value may not grow its list "
                           "parameters); build a new list in this function "
                           "and return it");
    for (auto &[name, call] : reflected)
      grown_.emplace(name, call);
    walk(body, false, true);
  }

private:
  /// Where a statement is: its block, its position, whether the block is
  /// a loop's body or the whole function's (or script's) body.
  struct Place {
    const Block *block;
    size_t at;
    bool loopBody;
    bool whole;
    /// The statement whose block this is (a loop or branch), if any.
    const Place *parent = nullptr;
  };

  enum class Next { Rebound, Grown, Unknown };

  /// The checks of the statements of `block` (a loop's body when
  /// `loopBody`) and of the blocks in them.
  void walk(const Block &block, bool loopBody, bool whole = false,
            const Place *parent = nullptr) {
    for (size_t i = 0; i < block.size(); ++i) {
      const Stmt &s = *block[i];
      Place here{&block, i, loopBody, whole, parent};
      if (auto *a = s.dyn<AssignStmt>())
        checkSharing(a->targets, a->value.get(), here);
      if (auto *e = s.dyn<ExprStmt>()) {
        checkRowAppend(e->value.get(), here);
        markLiveAppend(e->value.get(), here);
      }
      if (auto *l = s.dyn<ForStmt>()) {
        checkLoop(*l);
        walk(l->body, true, false, &here);
      } else if (auto *w = s.dyn<WhileStmt>()) {
        walk(w->body, true, false, &here);
      } else if (auto *f = s.dyn<IfStmt>()) {
        walk(f->body, false, false, &here);
        walk(f->orelse, false, false, &here);
      }
    }
  }

  /// Whether `e` names variable `name` anywhere in it.
  static bool mentions(const Expr *e, const std::string &name) {
    if (auto *n = e->dyn<NameExpr>(); n && n->name == name)
      return true;
    bool found = false;
    forEachChild(e, [&](const Expr *x) { found = found || mentions(x, name); });
    return found;
  }

  /// What statement `s` does first to variable `name` on every path
  /// through it: binds it to a new value without reading it (Rebound),
  /// reads or writes it on some path (Grown), or neither (Unknown).
  static Next firstMention(const Stmt &s, const std::string &name) {
    auto *a = s.dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (t && t->name == name)
      return mentions(a->value.get(), name) ? Next::Grown : Next::Rebound;
    bool used = false;
    forEachExprOf(s, [&](const Expr *e) { used = used || mentions(e, name); });
    if (used)
      return Next::Grown;
    auto first = [&](const Block &body) {
      for (const StmtPtr &x : body)
        if (Next n = firstMention(*x, name); n != Next::Unknown)
          return n;
      return Next::Unknown;
    };
    if (auto *i = s.dyn<IfStmt>()) {
      Next then = first(i->body), other = first(i->orelse);
      if (then == Next::Grown || other == Next::Grown)
        return Next::Grown;
      return then == Next::Rebound && other == Next::Rebound ? Next::Rebound
                                                             : Next::Unknown;
    }
    // (a loop's body may not run: a rebinding there is not on every path)
    if (auto *f = s.dyn<ForStmt>())
      return first(f->body) == Next::Grown ? Next::Grown : Next::Unknown;
    if (auto *w = s.dyn<WhileStmt>())
      return first(w->body) == Next::Grown ? Next::Grown : Next::Unknown;
    return Next::Unknown;
  }

  /// The first of statements [from, to) of `block` that `what` (firstUse
  /// or firstMention) finds doing something to `name`, and what.
  static Next firstIn(const Block &block, size_t from, size_t to,
                      const std::string &name,
                      Next (*what)(const Stmt &, const std::string &)) {
    for (size_t k = from; k < to; ++k)
      if (Next n = what(*block[k], name); n != Next::Unknown)
        return n;
    return Next::Unknown;
  }

  /// Whether variable `name` may be read or written after the statement
  /// at `place` before it is bound to a new value: after it in its block,
  /// from a loop body's start again (that statement included), then
  /// after the enclosing statements.
  static bool usedAgain(const std::string &name, const Place &place) {
    auto scan = [&](size_t from, size_t to) {
      return firstIn(*place.block, from, to, name, firstMention);
    };
    Next after = scan(place.at + 1, place.block->size());
    if (after == Next::Unknown && place.loopBody)
      after = scan(0, place.at + 1);
    if (after == Next::Unknown && place.parent)
      return usedAgain(name, *place.parent);
    return after == Next::Grown;
  }

  /// `out.append(x)` of a variable x used again before it is rebound:
  /// marked, for Sema, which copies arrays into lists of arrays.
  void markLiveAppend(const Expr *e, const Place &place) {
    const CallExpr *c = nullptr;
    const NameExpr *x = appendedName(e, c);
    if (x && usedAgain(x->name, place))
      const_cast<CallExpr *>(c)->appendsLiveName = true;
    std::string method;
    const CallExpr *call = listMethodCall(e, &method);
    auto *t = call && method == "append" && call->args.size() == 1
                  ? call->args[0]->dyn<TupleExpr>()
                  : nullptr;
    if (!t)
      return;
    for (const ExprPtr &elt : t->elts)
      if (auto *n = elt->dyn<NameExpr>(); n && usedAgain(n->name, place))
        const_cast<CallExpr *>(call)->liveTupleNames.push_back(n->name);
  }

  /// The variable `e` appends to a list (`lst.append(x)`), and the call;
  /// null for anything else.
  static const NameExpr *appendedName(const Expr *e, const CallExpr *&call) {
    std::string method;
    call = listMethodCall(e, &method);
    return call && method == "append" && call->args.size() == 1
               ? call->args[0]->dyn<NameExpr>()
               : nullptr;
  }

  /// Whether `e` (or an expression in it) grows or shrinks list `name`.
  static bool growsIn(const Expr *e, const std::string &name) {
    std::string method;
    if (const CallExpr *c = listMethodCall(e, &method);
        c && method != "reverse" && receiverOf(c)->name == name)
      return true;
    bool found = false;
    forEachChild(e, [&](const Expr *x) { found = found || growsIn(x, name); });
    return found;
  }

  /// What statement `s` does first to list variable `name`: binds it to
  /// a new value, grows or shrinks it (Grown also for a branch or loop
  /// that may do either), or neither.
  static Next firstUse(const Stmt &s, const std::string &name) {
    bool grows = false;
    forEachExprOf(s, [&](const Expr *e) { grows = grows || growsIn(e, name); });
    if (grows)
      return Next::Grown;
    auto *a = s.dyn<AssignStmt>();
    auto *t =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    // A new list only when the value does not read the old one: `order =
    // dfs(..., order)` (a call handing its list parameter back) grows it.
    if (t && t->name == name) {
      std::set<std::string> read;
      namesRead(a->value.get(), read);
      return read.count(name) ? Next::Grown : Next::Rebound;
    }
    std::vector<std::string> bound;
    namesBoundBy(s, bound);
    bool touched = std::count(bound.begin(), bound.end(), name) != 0;
    auto inner = [&](const Block &body) {
      forEachExprIn(
          body, [&](const Expr *e) { touched = touched || growsIn(e, name); });
    };
    if (auto *i = s.dyn<IfStmt>()) {
      inner(i->body);
      inner(i->orelse);
    } else if (auto *f = s.dyn<ForStmt>()) {
      inner(f->body);
    } else if (auto *w = s.dyn<WhileStmt>()) {
      inner(w->body);
    }
    return touched ? Next::Grown : Next::Unknown;
  }

  /// `a = b` at `place`, where `b` grows but `a` never does, and `b` is
  /// bound to a new list before it grows again (later in the block, or,
  /// in a loop's body, from the body's start), or never grows again (the
  /// function's body ends first): no program can tell that
  /// the two names shared a list (`frontier = nxt` at the end of a loop
  /// whose body starts with `nxt = []`).
  bool harmlessCopy(const std::vector<ExprPtr> &targets, const Expr *value,
                    const Place &place) const {
    auto *a = targets.size() == 1 ? targets[0]->dyn<NameExpr>() : nullptr;
    auto *b = value->dyn<NameExpr>();
    if (!a || !b || grown_.count(a->name))
      return false;
    return reboundBeforeGrowing(b->name, place);
  }

  /// Whether list `name`, after the statement at `place`, is bound to a
  /// new list before it grows again, or never grows again.
  bool reboundBeforeGrowing(const std::string &name, const Place &place) const {
    auto scan = [&](size_t from, size_t to) {
      return firstIn(*place.block, from, to, name, firstUse);
    };
    Next after = scan(place.at + 1, place.block->size());
    if (after == Next::Unknown && place.loopBody)
      after = scan(0, place.at);
    // (the end of the function's body: nothing grows it after)
    return after == Next::Rebound || (after == Next::Unknown && place.whole);
  }

  /// `b = lst` or `lst = b` where `lst` grows: two names for one list.
  void checkSharing(const std::vector<ExprPtr> &targets, const Expr *value,
                    const Place &place) {
    std::vector<const NameExpr *> values;
    sharedNames(value, values);
    bool targetGrows = false;
    std::vector<const NameExpr *> targetNames;
    for (const ExprPtr &t : targets)
      namesOfTarget(t.get(), targetNames);
    for (const NameExpr *t : targetNames)
      targetGrows |= grown_.count(t->name) != 0;
    // row = p[i]: the row of a list of lists, which the outer list would
    // no longer hold once the row grows (Weft's lists of lists are
    // arrays of rows of one length).
    auto *ix = value->dyn<IndexExpr>();
    if (targetGrows && ix && targets.size() == 1 &&
        targets[0]->dyn<NameExpr>() && !ix->indices.back()->dyn<SliceExpr>()) {
      diags_.error(value->range,
                   "a list taken out of a list of lists may not grow or "
                   "shrink (Weft's lists of lists hold lists of one "
                   "length); copy it first with list(...)");
      return;
    }
    for (const NameExpr *v : values) {
      if (!grown_.count(v->name) && !targetGrows)
        continue;
      if (v->name == "None" || v->name == "True" || v->name == "False")
        continue;
      if (harmlessCopy(targets, value, place))
        return;
      diags_.error(v->range,
                   "this would make a second name for a list that "
                   "append, extend or pop change in place; Weft's lists "
                   "have one name each: copy it with " +
                       v->name + ".copy(), or use one name");
      return;
    }
  }

  /// `out.append(row)` of a list `row` that grows: the list of lists
  /// holds a copy, so `row` must be a new list before it grows again.
  void checkRowAppend(const Expr *e, const Place &place) {
    const CallExpr *c = nullptr;
    const NameExpr *row = appendedName(e, c);
    if (!row || !grown_.count(row->name) ||
        reboundBeforeGrowing(row->name, place))
      return;
    diags_.error(row->range,
                 "'" + row->name +
                     "' grows after it is appended here, which the list it "
                     "is appended to would show in Python; append a copy "
                     "(" +
                     row->name + ".copy()), or bind '" + row->name +
                     "' to a new list first");
  }

  /// `for x in lst:` whose body grows `lst` and then goes on looping
  /// (a change followed by `break` or `return` ends the loop, as in
  /// Python, where only the next iteration would see it).
  void checkLoop(const ForStmt &l) {
    auto *it = l.iter->dyn<NameExpr>();
    if (it && grown_.count(it->name))
      checkChangesIn(l.body, it->name, false, true);
  }

  /// Whether `s` holds a `continue` of the loop it is in.
  static bool continuesLoop(const Stmt &s) {
    if (s.dyn<ContinueStmt>())
      return true;
    auto any = [](const Block &b) {
      for (const StmtPtr &x : b)
        if (continuesLoop(*x))
          return true;
      return false;
    };
    if (auto *i = s.dyn<IfStmt>())
      return any(i->body) || any(i->orelse);
    return false; // (a nested loop's continue is its own)
  }

  /// Reports the changes of `name` in `block` after which the loop goes
  /// on; `exits`: the code after `block` leaves the loop; `ownLoop`:
  /// `block` is the loop's (a `break` in it leaves the loop), not a
  /// nested loop's.
  void checkChangesIn(const Block &block, const std::string &name, bool exits,
                      bool ownLoop) {
    for (size_t i = 0; i < block.size(); ++i) {
      bool leaves = exits;
      for (size_t j = i; j < block.size() && !leaves; ++j)
        leaves = (ownLoop && block[j]->dyn<BreakStmt>()) ||
                 block[j]->dyn<ReturnStmt>();
      // (a `continue` on the way goes on looping)
      for (size_t j = i; j < block.size() && leaves; ++j)
        leaves = !continuesLoop(*block[j]);
      const Stmt &s = *block[i];
      if (auto *f = s.dyn<IfStmt>()) {
        checkChangesIn(f->body, name, leaves, ownLoop);
        checkChangesIn(f->orelse, name, leaves, ownLoop);
      } else if (auto *f = s.dyn<ForStmt>()) {
        checkChangesIn(f->body, name, leaves, false);
      } else if (auto *w = s.dyn<WhileStmt>()) {
        checkChangesIn(w->body, name, leaves, false);
      }
      if (leaves)
        continue;
      forEachExprOf(s, [&](const Expr *top) {
        std::function<void(const Expr *)> visit = [&](const Expr *e) {
          std::string method;
          const CallExpr *c = listMethodCall(e, &method);
          if (c && method != "reverse" && receiverOf(c)->name == name)
            diags_.error(c->range, "'" + name +
                                       "' changes inside a for loop over "
                                       "it; loop over a copy (for x in " +
                                       name + ".copy()) or over range(len(" +
                                       name +
                                       ")), or break out of the "
                                       "loop after the change");
          forEachChild(e, visit);
        };
        visit(top);
      });
    }
  }

  const std::vector<Param> *params_;
  DiagnosticEngine &diags_;
  /// The module's functions that hand grown list parameters back.
  const std::set<std::string> &handsBack_;
  /// The parameters the function hands back (ListParameters.h).
  std::vector<std::string> handedBack_;
  /// The variables grown or shrunk, and a call that does it.
  std::map<std::string, const CallExpr *> grown_;
};

/// Checks the script body and every function body in `block`.
void checkScopes(const Block &block, const std::vector<Param> *params,
                 DiagnosticEngine &diags,
                 const std::set<std::string> &handsBack,
                 const std::vector<std::string> &handedBack = {}) {
  ScopeChecker(params, diags, handsBack, handedBack).run(block);
  forEachStmtIn(block, [&](const Stmt &s) {
    if (auto *d = s.dyn<FunctionDefStmt>())
      checkScopes(d->body, &d->params, diags, handsBack, d->grownLists);
  });
}

/// The statements of `lst.pop()` / `lst.pop(i)` (`call`): the element
/// into `target` when there is one, then the list without it. An index
/// other than a literal or a name is evaluated once, into a variable.
std::optional<Block> popStatements(CallExpr &call, ExprPtr target,
                                   DiagnosticEngine &diags) {
  const NameExpr *lst = receiverOf(&call);
  ASTBuilder b{call.range};
  Block out;
  if (!call.keywords.empty() || call.args.size() > 1) {
    diags.error(call.range,
                "pop() takes at most one argument (an index), "
                "got " +
                    std::to_string(call.args.size() + call.keywords.size()));
    return std::nullopt;
  }
  ExprPtr index;
  if (!call.args.empty()) {
    auto *u = call.args[0]->dyn<UnaryExpr>();
    auto *one =
        u && u->op == UnaryOp::Neg ? u->operand->dyn<IntLitExpr>() : nullptr;
    if (!(one && one->value == 1)) // pop(-1) is pop()
      index = std::move(call.args[0]);
  }
  if (index && !index->dyn<IntLitExpr>() && !index->dyn<NameExpr>()) {
    std::string name = "__popi_" + std::to_string(call.range.begin.line) + "_" +
                       std::to_string(call.range.begin.col);
    out.push_back(b.assign(b.name(name), std::move(index)));
    index = b.name(name);
  }
  auto listCall = [&](const std::string &fn) {
    std::vector<ExprPtr> args;
    args.push_back(b.name(lst->name));
    if (index)
      args.push_back(cloneExpr(index.get()));
    return b.call(fn, std::move(args));
  };
  if (target)
    out.push_back(
        b.assign(std::move(target),
                 listCall(index ? "weft.list_at" : "weft.list_last")));
  out.push_back(b.assign(
      cloneExpr(lst), listCall(index ? "weft.list_pop_at" : "weft.list_drop")));
  return out;
}

/// Adds to `out` every name `e` reads.
void namesRead(const Expr *e, std::set<std::string> &out) {
  if (!e)
    return;
  if (auto *n = e->dyn<NameExpr>())
    out.insert(n->name);
  forEachChild(e, [&](const Expr *x) { namesRead(x, out); });
}

/// Hoists the pops of one statement: each `lst.pop()` it evaluates every
/// time it runs (not in a branch of `a if c else b`, the right side of
/// and/or, or a comprehension) becomes a variable, and `pops` gets the
/// calls in evaluation order with the variables' names. A pop of a list
/// the statement read before (in Python's order) is an error: it would
/// move the pop before that read.
class PopHoister {
public:
  explicit PopHoister(DiagnosticEngine &diags) : diags_(diags) {}

  std::vector<std::pair<ExprPtr, std::string>> pops;
  /// Names read so far, in evaluation order.
  std::set<std::string> read;
  bool ok = true;

  void hoist(ExprPtr &slot) {
    Expr *e = slot.get();
    if (!e)
      return;
    std::string method;
    if (listMethodCall(e, &method) && method == "pop") {
      // The index goes with the pop (its reads are hoisted too), and the
      // pops keep their order: only the reads left in the statement
      // count.
      auto before = read;
      for (ExprPtr &a : static_cast<CallExpr *>(e)->args)
        hoist(a);
      read = before;
      const std::string &lst = receiverOf(static_cast<CallExpr *>(e))->name;
      if (read.count(lst)) {
        diags_.error(e->range, "this statement reads '" + lst +
                                   "' before popping it; pop first, on a "
                                   "line of its own: x = " +
                                   lst + ".pop()");
        ok = false;
      }
      std::string name = "__pop_" + std::to_string(e->range.begin.line) + "_" +
                         std::to_string(e->range.begin.col);
      SourceRange r = e->range;
      pops.emplace_back(std::move(slot), name);
      slot = std::make_unique<NameExpr>(r, name);
      return;
    }
    switch (e->kind) {
    case ExprKind::Name:
      read.insert(static_cast<NameExpr *>(e)->name);
      return;
    case ExprKind::Unary:
      hoist(static_cast<UnaryExpr *>(e)->operand);
      return;
    case ExprKind::Binary:
      hoist(static_cast<BinaryExpr *>(e)->lhs);
      hoist(static_cast<BinaryExpr *>(e)->rhs);
      return;
    case ExprKind::Compare: {
      // A chain evaluates its later operands only sometimes.
      auto &ops = static_cast<CompareExpr *>(e)->operands;
      for (size_t i = 0; i < ops.size(); ++i)
        if (i < 2)
          hoist(ops[i]);
        else
          namesRead(ops[i].get(), read);
      return;
    }
    case ExprKind::BoolOp:
      hoist(static_cast<BoolOpExpr *>(e)->lhs);
      namesRead(static_cast<BoolOpExpr *>(e)->rhs.get(), read);
      return;
    case ExprKind::IfExp:
      hoist(static_cast<IfExpExpr *>(e)->cond);
      namesRead(static_cast<IfExpExpr *>(e)->thenValue.get(), read);
      namesRead(static_cast<IfExpExpr *>(e)->elseValue.get(), read);
      return;
    case ExprKind::Call:
      for (ExprPtr &a : static_cast<CallExpr *>(e)->args)
        hoist(a);
      for (KeywordArg &k : static_cast<CallExpr *>(e)->keywords)
        hoist(k.value);
      if (auto *m = static_cast<CallExpr *>(e)->callee->dyn<AttributeExpr>())
        namesRead(m->base.get(), read);
      return;
    case ExprKind::Index:
      hoist(static_cast<IndexExpr *>(e)->base);
      for (ExprPtr &i : static_cast<IndexExpr *>(e)->indices)
        hoist(i);
      return;
    case ExprKind::Slice:
      hoist(static_cast<SliceExpr *>(e)->lower);
      hoist(static_cast<SliceExpr *>(e)->upper);
      hoist(static_cast<SliceExpr *>(e)->step);
      return;
    case ExprKind::Attribute:
      hoist(static_cast<AttributeExpr *>(e)->base);
      return;
    case ExprKind::Tuple:
      for (ExprPtr &x : static_cast<TupleExpr *>(e)->elts)
        hoist(x);
      return;
    case ExprKind::List:
      for (ExprPtr &x : static_cast<ListExpr *>(e)->elts)
        hoist(x);
      return;
    default:
      namesRead(e, read);
      return;
    }
  }

private:
  DiagnosticEngine &diags_;
};

/// `s` with each `lst.pop()` in its expressions evaluated by statements
/// before it: `v = weft.list_last(lst); lst = weft.list_drop(lst)`. None
/// when it has none.
std::optional<Block> hoistPopsOf(Stmt &s, DiagnosticEngine &diags) {
  ExprPtr *slot = nullptr;
  PopHoister h(diags);
  if (auto *e = s.dyn<ExprStmt>())
    slot = &e->value;
  else if (auto *a = s.dyn<AssignStmt>())
    slot = &a->value;
  else if (auto *a = s.dyn<AugAssignStmt>()) {
    slot = &a->value;
    namesRead(a->target.get(), h.read); // read before the value
  } else if (auto *a = s.dyn<AnnAssignStmt>())
    slot = &a->value;
  else if (auto *r = s.dyn<ReturnStmt>())
    slot = &r->value;
  else if (auto *i = s.dyn<IfStmt>())
    slot = &i->cond;
  else if (auto *a = s.dyn<AssertStmt>())
    slot = &a->test;
  if (!slot)
    return std::nullopt;
  h.hoist(*slot);
  if (h.pops.empty() || !h.ok)
    return std::nullopt;
  Block out;
  for (auto &[call, name] : h.pops) {
    std::optional<Block> pop =
        popStatements(static_cast<CallExpr &>(*call),
                      ASTBuilder{call->range}.name(name), diags);
    if (!pop)
      return std::nullopt;
    for (StmtPtr &p : *pop)
      out.push_back(std::move(p));
  }
  out.push_back(cloneStmt(s));
  return out;
}

/// The statements a list method statement `s` becomes, or `s` with the
/// pops in its expressions hoisted; none for any other statement.
/// `lst.sort(reverse=True)` as `lst.sort()` and a reversal (a list's
/// sort takes reverse=, an array's does not); none for anything else.
std::optional<Block> sortReversed(Stmt &s) {
  auto *e = s.dyn<ExprStmt>();
  auto *c = e ? e->value->dyn<CallExpr>() : nullptr;
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  auto *lst = m ? m->base->dyn<NameExpr>() : nullptr;
  // lst.sort(key=f, reverse=r): lst = sorted(lst, key=f, reverse=r).
  ExprPtr key;
  bool reversed = false, other = false;
  if (lst && m->attr == "sort" && c->args.empty()) {
    for (KeywordArg &k : c->keywords) {
      auto *b = k.value->dyn<BoolLitExpr>();
      if (k.name == "key")
        key = std::move(k.value);
      else if (k.name == "reverse" && b)
        reversed = b->value;
      else
        other = true;
    }
  }
  if (key && !other) {
    Block out;
    ASTBuilder b{c->range};
    out.push_back(
        b.assign(cloneExpr(lst),
                 sortedByKey(lst->name, std::move(key), reversed, c->range)));
    return out;
  }
  if (!lst || m->attr != "sort" || !c->args.empty() ||
      c->keywords.size() != 1 || c->keywords[0].name != "reverse" ||
      !c->keywords[0].value->dyn<BoolLitExpr>())
    return std::nullopt;
  bool reverse = c->keywords[0].value->dyn<BoolLitExpr>()->value;
  ASTBuilder b{c->range};
  Block out;
  out.push_back(std::make_unique<ExprStmt>(
      s.range, b.call(b.attribute(cloneExpr(lst), "sort"), {})));
  if (reverse) {
    std::vector<ExprPtr> args;
    args.push_back(b.name(lst->name));
    out.push_back(
        b.assign(cloneExpr(lst), b.call("weft.list_reverse", std::move(args))));
  }
  return out;
}

/// Whether `e` is the literal -1.
static bool isMinusOne(const Expr &e) {
  if (auto *lit = e.dyn<IntLitExpr>())
    return lit->value == -1;
  auto *u = e.dyn<UnaryExpr>();
  auto *one =
      u && u->op == UnaryOp::Neg ? u->operand->dyn<IntLitExpr>() : nullptr;
  return one && one->value == 1;
}

/// The statements of `lst[i].append(x)`, `lst[i].extend(m)`,
/// `lst[i].clear()`, `lst[i].pop()` and `v = lst[i].pop()`: assignments
/// of the list of lists (weft.row_append, ...), as a list's methods are;
/// none for any other statement.
std::optional<Block> rowStatements(Stmt &s, DiagnosticEngine &diags) {
  std::string method;
  auto *e = s.dyn<ExprStmt>();
  auto *a = s.dyn<AssignStmt>();
  const CallExpr *found = nullptr;
  if (e)
    found = rowMethodCall(e->value.get(), &method);
  else if (a && a->targets.size() == 1 &&
           (found = rowMethodCall(a->value.get(), &method)) && method != "pop")
    found = nullptr;
  if (!found)
    return std::nullopt;
  auto &call = const_cast<CallExpr &>(*found);
  const NameExpr *lst = outerListOf(&call);
  auto *ix =
      static_cast<IndexExpr *>(call.callee->dyn<AttributeExpr>()->base.get());
  ASTBuilder b{call.range};
  size_t want = method == "append" || method == "extend" ? 1 : 0;
  if (method == "pop" && call.args.size() == 1 && isMinusOne(*call.args[0]))
    call.args.clear(); // (`del lst[i][-1]`: the last element)
  if (!call.keywords.empty() || call.args.size() != want) {
    diags.error(call.range,
                method + "() of a row " +
                    (method == "pop" ? std::string("takes no index but -1 "
                                                   "yet (pop the last "
                                                   "element)")
                                     : "takes " + std::to_string(want) +
                                           " argument" + (want ? "" : "s")) +
                    ", got " +
                    std::to_string(call.args.size() + call.keywords.size()));
    return std::nullopt;
  }
  Block out;
  ExprPtr &index = ix->indices[0];
  std::set<std::string> targetNames;
  if (a)
    namesRead(a->targets[0].get(), targetNames);
  auto *indexName = index->dyn<NameExpr>();
  if (!index->dyn<IntLitExpr>() &&
      (!indexName || targetNames.count(indexName->name))) {
    std::string name = "__rowi_" + std::to_string(call.range.begin.line) + "_" +
                       std::to_string(call.range.begin.col);
    out.push_back(b.assign(b.name(name), std::move(index)));
    index = b.name(name);
  }
  auto rowCall = [&](const char *fn, ExprPtr x) {
    std::vector<ExprPtr> args;
    args.push_back(b.name(lst->name));
    args.push_back(cloneExpr(index.get()));
    if (x)
      args.push_back(std::move(x));
    return b.call(fn, std::move(args));
  };
  if (method == "pop") {
    if (a)
      out.push_back(b.assign(std::move(a->targets[0]),
                             rowCall("weft.row_last", nullptr)));
    out.push_back(b.assign(cloneExpr(lst), rowCall("weft.row_drop", nullptr)));
    return out;
  }
  const char *fn = method == "append"   ? "weft.row_append"
                   : method == "extend" ? "weft.row_extend"
                                        : "weft.row_clear";
  out.push_back(b.assign(
      cloneExpr(lst), rowCall(fn, want ? std::move(call.args[0]) : nullptr)));
  return out;
}

std::optional<Block> rewrite(Stmt &s, DiagnosticEngine &diags) {
  if (std::optional<Block> sorted = sortReversed(s))
    return sorted;
  if (std::optional<Block> rows = rowStatements(s, diags))
    return rows;
  const CallExpr *found = statementCall(s);
  if (!found)
    return hoistPopsOf(s, diags);
  auto &call = const_cast<CallExpr &>(*found);
  std::string method = call.callee->dyn<AttributeExpr>()->attr;
  const NameExpr *lst = receiverOf(&call);
  ASTBuilder b{call.range};
  if (method == "pop") {
    auto *a = s.dyn<AssignStmt>();
    return popStatements(call, a ? std::move(a->targets[0]) : nullptr, diags);
  }
  // The list methods that take these arguments, and the call each is.
  static const std::map<std::string, std::pair<size_t, const char *>> kForm = {
      {"append", {1, "weft.list_append"}},
      {"extend", {1, "weft.list_extend"}},
      {"insert", {2, "weft.list_insert"}},
      {"remove", {1, "weft.list_remove"}},
      {"clear", {0, "weft.list_clear"}},
      {"reverse", {0, "weft.list_reverse"}}};
  auto [want, fn] = kForm.at(method);
  if (!call.keywords.empty() || call.args.size() != want) {
    static const char *kCount[] = {"no argument", "one argument",
                                   "two arguments"};
    diags.error(call.range,
                method + "() takes " + kCount[want] + ", got " +
                    std::to_string(call.args.size() + call.keywords.size()));
    return std::nullopt;
  }
  std::vector<ExprPtr> args;
  args.push_back(b.name(lst->name));
  for (ExprPtr &a : call.args)
    args.push_back(std::move(a));
  auto a = std::make_unique<AssignStmt>(s.range);
  a->targets.push_back(cloneExpr(lst));
  a->value = b.call(fn, std::move(args));
  static_cast<CallExpr &>(*a->value).appendsLiveName = call.appendsLiveName;
  static_cast<CallExpr &>(*a->value).liveTupleNames = call.liveTupleNames;
  Block out;
  out.push_back(std::move(a));
  return out;
}

} // namespace

void desugarListMethods(ModuleAST &module, DiagnosticEngine &diags) {
  std::set<std::string> handsBack;
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>(); d && !d->grownLists.empty())
      handsBack.insert(d->name);
  checkScopes(module.body, nullptr, diags, handsBack);
  rewriteBlocks(module.body, [&](Stmt &s) { return rewrite(s, diags); });
}

} // namespace weft
