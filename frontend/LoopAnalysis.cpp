//===- LoopAnalysis.cpp - Which loops may run in parallel ----------------===//
//
// The name walks shared by prange lowering, and the conservative proof
// that lets a plain `for ... in range(...)` loop run in parallel: each
// iteration writes only its own rows of fresh, unaliased arrays and keeps
// every other variable private.
//
//===----------------------------------------------------------------------===//
#include "frontend/LoopAnalysis.h"

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>

namespace weft {
namespace loops {

void namesInExpr(const Expr *e, std::multiset<std::string> &out) {
  if (!e)
    return;
  if (auto *n = e->dyn<NameExpr>()) {
    out.insert(n->name);
    return;
  }
  forEachChild(e, [&](const Expr *c) { namesInExpr(c, out); });
}

/// Every name read or written in `block`, except inside `skip`.
void namesInStmt(const Stmt &stmt, const Block *skip,
                 std::multiset<std::string> &out) {
  const Stmt *s = &stmt;
  if (auto *x = s->dyn<ExprStmt>()) {
    namesInExpr(x->value.get(), out);
  } else if (auto *x = s->dyn<AssignStmt>()) {
    for (const ExprPtr &t : x->targets)
      namesInExpr(t.get(), out);
    namesInExpr(x->value.get(), out);
  } else if (auto *x = s->dyn<AugAssignStmt>()) {
    namesInExpr(x->target.get(), out);
    namesInExpr(x->value.get(), out);
  } else if (auto *x = s->dyn<AnnAssignStmt>()) {
    namesInExpr(x->target.get(), out);
    namesInExpr(x->value.get(), out);
  } else if (auto *x = s->dyn<IfStmt>()) {
    namesInExpr(x->cond.get(), out);
    namesInBlock(x->body, skip, out);
    namesInBlock(x->orelse, skip, out);
  } else if (auto *x = s->dyn<ForStmt>()) {
    if (&x->body == skip)
      return; // the prange loop itself (its target is private)
    namesInExpr(x->target.get(), out);
    namesInExpr(x->iter.get(), out);
    namesInBlock(x->body, skip, out);
  } else if (auto *x = s->dyn<WhileStmt>()) {
    namesInExpr(x->cond.get(), out);
    namesInBlock(x->body, skip, out);
  } else if (auto *x = s->dyn<ReturnStmt>()) {
    namesInExpr(x->value.get(), out);
  } else if (auto *x = s->dyn<AssertStmt>()) {
    namesInExpr(x->test.get(), out);
    namesInExpr(x->msg.get(), out);
  }
}

void namesInBlock(const Block &block, const Block *skip,
                  std::multiset<std::string> &out) {
  if (&block == skip)
    return;
  for (const StmtPtr &s : block)
    namesInStmt(*s, skip, out);
}

namespace {
/// `var`, `var + k` or `var - k` (k an integer literal): the offset.
bool offsetOf(const Expr *e, const std::string &var, int64_t &k) {
  if (auto *n = e->dyn<NameExpr>()) {
    k = 0;
    return n->name == var;
  }
  auto *b = e->dyn<BinaryExpr>();
  if (!b || (b->op != BinaryOp::Add && b->op != BinaryOp::Sub))
    return false;
  auto *n = b->lhs->dyn<NameExpr>();
  auto *lit = b->rhs->dyn<IntLitExpr>();
  if (!n || n->name != var || !lit)
    return false;
  k = b->op == BinaryOp::Add ? lit->value : -lit->value;
  return true;
}

/// Rows `A[var + k, ...]` that `e` reads.
void rowReads(const Expr *e, const std::string &var,
              std::vector<std::tuple<std::string, int64_t, SourceRange>> &out) {
  if (!e)
    return;
  if (auto *ix = e->dyn<IndexExpr>()) {
    int64_t k;
    if (auto *base = ix->base->dyn<NameExpr>();
        base && !ix->indices.empty() && offsetOf(ix->indices[0].get(), var, k))
      out.emplace_back(base->name, k, ix->range);
    for (const ExprPtr &i : ix->indices)
      rowReads(i.get(), var, out);
    return;
  }
  switch (e->kind) {
  case ExprKind::Unary:
    rowReads(static_cast<const UnaryExpr *>(e)->operand.get(), var, out);
    return;
  case ExprKind::Binary:
    rowReads(static_cast<const BinaryExpr *>(e)->lhs.get(), var, out);
    rowReads(static_cast<const BinaryExpr *>(e)->rhs.get(), var, out);
    return;
  case ExprKind::Compare:
    for (const ExprPtr &o : static_cast<const CompareExpr *>(e)->operands)
      rowReads(o.get(), var, out);
    return;
  case ExprKind::Call:
    for (const ExprPtr &a : static_cast<const CallExpr *>(e)->args)
      rowReads(a.get(), var, out);
    return;
  case ExprKind::IfExp: {
    auto *i = static_cast<const IfExpExpr *>(e);
    rowReads(i->cond.get(), var, out);
    rowReads(i->thenValue.get(), var, out);
    rowReads(i->elseValue.get(), var, out);
    return;
  }
  default:
    return;
  }
}
} // namespace

std::vector<Dependence> findDependences(const Block &body,
                                        const std::string &var) {
  std::map<std::string, std::set<int64_t>> writes;
  std::vector<std::tuple<std::string, int64_t, SourceRange>> reads;
  std::function<void(const Block &)> scan = [&](const Block &block) {
    for (const StmtPtr &s : block) {
      auto target = [&](const Expr *t) {
        int64_t k;
        if (auto *ix = t->dyn<IndexExpr>())
          if (auto *base = ix->base->dyn<NameExpr>();
              base && !ix->indices.empty() &&
              offsetOf(ix->indices[0].get(), var, k))
            writes[base->name].insert(k);
      };
      if (auto *x = s->dyn<AssignStmt>()) {
        for (const ExprPtr &t : x->targets)
          target(t.get());
        rowReads(x->value.get(), var, reads);
      } else if (auto *x = s->dyn<AugAssignStmt>()) {
        target(x->target.get());
        rowReads(x->target.get(), var, reads);
        rowReads(x->value.get(), var, reads);
      } else if (auto *x = s->dyn<ExprStmt>()) {
        rowReads(x->value.get(), var, reads);
      } else if (auto *x = s->dyn<IfStmt>()) {
        rowReads(x->cond.get(), var, reads);
        scan(x->body);
        scan(x->orelse);
      } else if (auto *x = s->dyn<ForStmt>()) {
        scan(x->body);
      } else if (auto *x = s->dyn<WhileStmt>()) {
        rowReads(x->cond.get(), var, reads);
        scan(x->body);
      }
    }
  };
  scan(body);
  std::vector<Dependence> deps;
  for (auto &[array, k, range] : reads) {
    auto it = writes.find(array);
    if (it == writes.end())
      continue;
    for (int64_t w : it->second)
      if (w != k) {
        deps.push_back({array, w, k, range});
        break;
      }
  }
  return deps;
}

namespace {

struct ReductionScan {
  const FunctionInstance &fn;
  const std::string &name;
  Reduction kind = Reduction::None;
  bool ok = true;
  int accounted = 0; ///< occurrences of `name` inside the updates
  SourceRange where; ///< the first write that is not an update

  void merge(Reduction k) {
    if (kind != Reduction::None && kind != k)
      ok = false;
    kind = k;
  }
  bool mentions(const Expr *e) {
    std::multiset<std::string> n;
    namesInExpr(e, n);
    return n.count(name) != 0;
  }
  void bad(SourceRange r) {
    if (ok)
      where = r;
    ok = false;
  }
  void scan(const Block &block) {
    for (const StmtPtr &s : block) {
      if (auto *a = s->dyn<AugAssignStmt>()) {
        auto *t = a->target->dyn<NameExpr>();
        if (!t || t->name != name)
          continue;
        if (mentions(a->value.get()))
          bad(s->range);
        else if (a->op == BinaryOp::Add || a->op == BinaryOp::Sub)
          merge(Reduction::Add);
        else if (a->op == BinaryOp::Mul)
          merge(Reduction::Mul);
        else
          bad(s->range);
        ++accounted;
      } else if (auto *a = s->dyn<AssignStmt>()) {
        std::multiset<std::string> targets;
        for (const ExprPtr &t : a->targets)
          namesInExpr(t.get(), targets);
        if (!targets.count(name))
          continue;
        // name = min(name, x) / max(name, x)
        auto *t =
            a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
        auto isName = [&](const ExprPtr &e) {
          auto *n = e->dyn<NameExpr>();
          return n && n->name == name;
        };
        // name = name + x, x + name, name - x, name * x, x * name (Numba
        // takes these as reductions too; name -= x is name += -x).
        if (auto *bin = a->value->dyn<BinaryExpr>(); t && bin) {
          bool add = bin->op == BinaryOp::Add || bin->op == BinaryOp::Sub;
          bool mul = bin->op == BinaryOp::Mul;
          bool lhs = isName(bin->lhs), rhs = isName(bin->rhs);
          const Expr *other = lhs ? bin->rhs.get() : bin->lhs.get();
          if ((add || mul) && (lhs != rhs) &&
              (lhs || bin->op != BinaryOp::Sub) && !mentions(other)) {
            merge(add ? Reduction::Add : Reduction::Mul);
            accounted += 2;
            continue;
          }
        }
        auto *c = a->value->dyn<CallExpr>();
        std::optional<Builtin> callee =
            c && c->callee->dyn<NameExpr>() ? fn.builtinOf(c) : std::nullopt;
        bool minmax = t && builtinIn(callee, {Builtin::Min, Builtin::Max}) &&
                      c->args.size() == 2 && c->keywords.empty();
        if (!minmax) {
          bad(s->range);
          continue;
        }
        int self = isName(c->args[0]) + isName(c->args[1]);
        const Expr *other =
            isName(c->args[0]) ? c->args[1].get() : c->args[0].get();
        if (self != 1 || mentions(other)) {
          bad(s->range);
          continue;
        }
        merge(callee == Builtin::Min ? Reduction::Min : Reduction::Max);
        accounted += 2;
      } else if (auto *i = s->dyn<IfStmt>()) {
        scan(i->body);
        scan(i->orelse);
      } else if (auto *f = s->dyn<ForStmt>()) {
        if (auto *t = f->target->dyn<NameExpr>(); t && t->name == name)
          bad(s->range);
        scan(f->body);
      } else if (auto *w = s->dyn<WhileStmt>()) {
        scan(w->body);
      } else if (auto *a = s->dyn<AnnAssignStmt>()) {
        if (mentions(a->target.get()))
          bad(s->range);
      }
    }
  }
};

bool exprDrawsRandom(const Expr *e, const FunctionInstance &fn,
                     std::set<const FunctionInstance *> &seen, bool direct) {
  if (!e)
    return false;
  if (auto *c = e->dyn<CallExpr>()) {
    auto it = fn.calls.find(c);
    if (it != fn.calls.end()) {
      if (seen.insert(it->second).second &&
          drawsRandom(*it->second->body, *it->second, seen, 0, true))
        return true;
    } else if (c->callee->dyn<NameExpr>()) {
      if (direct && isRandomDraw(fn.builtinOf(c)))
        return true;
    }
  }
  bool found = false;
  loops::forEachChild(e, [&](const Expr *c) {
    found = found || exprDrawsRandom(c, fn, seen, direct);
  });
  return found;
}

} // namespace

const Stmt *firstWrite(const Block &block, const std::string &name) {
  for (const StmtPtr &s : block) {
    std::multiset<std::string> t;
    if (auto *a = s->dyn<AssignStmt>())
      for (const ExprPtr &x : a->targets)
        namesInExpr(x.get(), t);
    else if (auto *a = s->dyn<AugAssignStmt>())
      namesInExpr(a->target.get(), t);
    else if (auto *a = s->dyn<AnnAssignStmt>())
      namesInExpr(a->target.get(), t);
    if (t.count(name))
      return s.get();
    const Stmt *inner = nullptr;
    if (auto *i = s->dyn<IfStmt>()) {
      inner = firstWrite(i->body, name);
      if (!inner)
        inner = firstWrite(i->orelse, name);
    } else if (auto *f = s->dyn<ForStmt>()) {
      inner = firstWrite(f->body, name);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      inner = firstWrite(w->body, name);
    }
    if (inner)
      return inner;
  }
  return nullptr;
}

ReductionUse scanReduction(const FunctionInstance &fn, const Block &body,
                           const std::string &name) {
  ReductionScan scan{fn, name};
  scan.scan(body);
  return {scan.kind, scan.ok, scan.accounted, scan.where};
}

bool drawsRandom(const Block &block, const FunctionInstance &fn,
                 std::set<const FunctionInstance *> &seen, size_t from,
                 bool direct) {
  auto any = [&](const Expr *e) {
    return exprDrawsRandom(e, fn, seen, direct);
  };
  auto inner = [&](const Block &bl) {
    return drawsRandom(bl, fn, seen, 0, direct);
  };
  for (size_t k = from; k < block.size(); ++k) {
    const StmtPtr &s = block[k];
    if (auto *x = s->dyn<ExprStmt>()) {
      if (any(x->value.get()))
        return true;
    } else if (auto *x = s->dyn<AssignStmt>()) {
      if (any(x->value.get()))
        return true;
      for (const ExprPtr &t : x->targets)
        if (any(t.get()))
          return true;
    } else if (auto *x = s->dyn<AugAssignStmt>()) {
      if (any(x->value.get()) || any(x->target.get()))
        return true;
    } else if (auto *x = s->dyn<AnnAssignStmt>()) {
      if (any(x->value.get()))
        return true;
    } else if (auto *x = s->dyn<IfStmt>()) {
      if (any(x->cond.get()) || inner(x->body) || inner(x->orelse))
        return true;
    } else if (auto *x = s->dyn<ForStmt>()) {
      if (any(x->iter.get()) || inner(x->body))
        return true;
    } else if (auto *x = s->dyn<WhileStmt>()) {
      if (any(x->cond.get()) || inner(x->body))
        return true;
    } else if (auto *x = s->dyn<ReturnStmt>()) {
      if (any(x->value.get()))
        return true;
    } else if (auto *x = s->dyn<AssertStmt>()) {
      if (any(x->test.get()))
        return true;
    }
  }
  return false;
}

} // namespace loops

using loops::namesInBlock;
using loops::namesInExpr;

namespace {

/// Proves (conservatively) that the iterations of a range loop are
/// independent: each writes only rows `A[i, ...]` of arrays it indexes by
/// the loop variable `i`, arrays the function allocated itself and never
/// aliased, and keeps every other variable private.
struct IndependenceCheck {
  const FunctionInstance &fn;
  const ForStmt &loop;
  std::string var;
  std::set<std::string> written; ///< arrays written as A[i, ...]
  std::string why;               ///< the first reason it is not proven
  /// A session entry's script body: every variable is kept afterwards.
  bool keepAll = false;

  bool fail(const std::string &reason) {
    if (why.empty())
      why = reason;
    return false;
  }

  bool isVar(const Expr *e) const {
    auto *n = e ? e->dyn<NameExpr>() : nullptr;
    return n && n->name == var;
  }

  /// Calls that have effects or order: user functions, I/O, random.
  bool checkCalls(const Expr *e) {
    if (!e)
      return true;
    bool ok = true;
    std::function<void(const Expr *)> walk = [&](const Expr *x) {
      if (!x || !ok)
        return;
      if (auto *c = x->dyn<CallExpr>()) {
        auto *n = c->callee->dyn<NameExpr>();
        if (fn.calls.count(c))
          ok = fail("it calls function '" + (n ? n->name : "") + "'");
        else if (std::optional<Builtin> b = fn.builtinOf(c);
                 isRandomDraw(b) ||
                 builtinIn(b, {Builtin::Print, Builtin::Seed, Builtin::Save,
                               Builtin::Load, Builtin::Time, Builtin::Argv,
                               Builtin::BenchWork}))
          ok = fail(std::string("it calls ") + builtinName(*b) + "()");
      }
      loops::forEachChild(x, walk);
    };
    walk(e);
    return ok;
  }

  bool checkTarget(const Expr *t) {
    if (t->dyn<NameExpr>())
      return true; // private or outer: decided with the name counts
    if (auto *ix = t->dyn<IndexExpr>()) {
      auto *base = ix->base->dyn<NameExpr>();
      if (!base || ix->indices.empty() || !isVar(ix->indices[0].get()))
        return fail("it writes an array element not indexed by '" + var +
                    "' first");
      written.insert(base->name);
      for (const ExprPtr &i : ix->indices)
        if (!checkCalls(i.get()))
          return false;
      return true;
    }
    if (auto *tu = t->dyn<TupleExpr>()) {
      for (const ExprPtr &e : tu->elts)
        if (!checkTarget(e.get()))
          return false;
      return true;
    }
    return fail("it assigns to an expression");
  }

  bool checkBlock(const Block &block) {
    for (const StmtPtr &s : block) {
      if (s->dyn<BreakStmt>() || s->dyn<ReturnStmt>())
        return fail("it may leave the loop early (break or return)");
      if (s->dyn<AssertStmt>() || s->dyn<AnnAssignStmt>())
        return fail("it contains an assert or an annotated assignment");
      if (auto *x = s->dyn<ExprStmt>()) {
        if (!checkCalls(x->value.get()))
          return false;
      } else if (auto *x = s->dyn<AssignStmt>()) {
        for (const ExprPtr &t : x->targets)
          if (!checkTarget(t.get()))
            return false;
        if (!checkCalls(x->value.get()))
          return false;
      } else if (auto *x = s->dyn<AugAssignStmt>()) {
        if (!checkTarget(x->target.get()) || !checkCalls(x->value.get()))
          return false;
      } else if (auto *x = s->dyn<IfStmt>()) {
        if (!checkCalls(x->cond.get()) || !checkBlock(x->body) ||
            !checkBlock(x->orelse))
          return false;
      } else if (auto *x = s->dyn<ForStmt>()) {
        if (isVar(x->target.get()))
          return fail("an inner loop reuses '" + var + "'");
        if (!checkCalls(x->iter.get()) || !checkBlock(x->body))
          return false;
      } else if (auto *x = s->dyn<WhileStmt>()) {
        if (!checkCalls(x->cond.get()) || !checkBlock(x->body))
          return false;
      }
    }
    return true;
  }

  /// Uses of array `a` in `e` that read only its metadata or row `a[i,..]`.
  void safeUses(const Expr *e, const std::string &a, int &safe) {
    if (!e)
      return;
    if (auto *ix = e->dyn<IndexExpr>()) {
      auto *base = ix->base->dyn<NameExpr>();
      if (base && base->name == a && !ix->indices.empty() &&
          isVar(ix->indices[0].get()))
        ++safe;
      for (const ExprPtr &i : ix->indices)
        safeUses(i.get(), a, safe);
      if (!base)
        safeUses(ix->base.get(), a, safe);
      return;
    }
    if (auto *at = e->dyn<AttributeExpr>()) {
      auto *base = at->base->dyn<NameExpr>();
      if (base && base->name == a &&
          (at->attr == "shape" || at->attr == "size" || at->attr == "ndim"))
        ++safe;
      else
        safeUses(at->base.get(), a, safe);
      return;
    }
    if (auto *c = e->dyn<CallExpr>()) {
      if (fn.builtinOf(c) == Builtin::Len && c->args.size() == 1)
        if (auto *arg = c->args[0]->dyn<NameExpr>(); arg && arg->name == a) {
          ++safe;
          return;
        }
      if (auto *m = c->callee->dyn<AttributeExpr>())
        safeUses(m->base.get(), a, safe);
      for (const ExprPtr &x : c->args)
        safeUses(x.get(), a, safe);
      for (const KeywordArg &k : c->keywords)
        safeUses(k.value.get(), a, safe);
      return;
    }
    switch (e->kind) {
    case ExprKind::Unary:
      safeUses(static_cast<const UnaryExpr *>(e)->operand.get(), a, safe);
      return;
    case ExprKind::Binary:
      safeUses(static_cast<const BinaryExpr *>(e)->lhs.get(), a, safe);
      safeUses(static_cast<const BinaryExpr *>(e)->rhs.get(), a, safe);
      return;
    case ExprKind::BoolOp:
      safeUses(static_cast<const BoolOpExpr *>(e)->lhs.get(), a, safe);
      safeUses(static_cast<const BoolOpExpr *>(e)->rhs.get(), a, safe);
      return;
    case ExprKind::Compare:
      for (const ExprPtr &o : static_cast<const CompareExpr *>(e)->operands)
        safeUses(o.get(), a, safe);
      return;
    case ExprKind::IfExp: {
      auto *i = static_cast<const IfExpExpr *>(e);
      safeUses(i->cond.get(), a, safe);
      safeUses(i->thenValue.get(), a, safe);
      safeUses(i->elseValue.get(), a, safe);
      return;
    }
    case ExprKind::Tuple:
      for (const ExprPtr &x : static_cast<const TupleExpr *>(e)->elts)
        safeUses(x.get(), a, safe);
      return;
    default:
      return;
    }
  }

  void safeUsesBlock(const Block &block, const std::string &a, int &safe) {
    for (const StmtPtr &s : block) {
      if (auto *x = s->dyn<ExprStmt>()) {
        safeUses(x->value.get(), a, safe);
      } else if (auto *x = s->dyn<AssignStmt>()) {
        for (const ExprPtr &t : x->targets)
          safeUses(t.get(), a, safe);
        safeUses(x->value.get(), a, safe);
      } else if (auto *x = s->dyn<AugAssignStmt>()) {
        safeUses(x->target.get(), a, safe);
        safeUses(x->value.get(), a, safe);
      } else if (auto *x = s->dyn<IfStmt>()) {
        safeUses(x->cond.get(), a, safe);
        safeUsesBlock(x->body, a, safe);
        safeUsesBlock(x->orelse, a, safe);
      } else if (auto *x = s->dyn<ForStmt>()) {
        safeUses(x->iter.get(), a, safe);
        safeUsesBlock(x->body, a, safe);
      } else if (auto *x = s->dyn<WhileStmt>()) {
        safeUses(x->cond.get(), a, safe);
        safeUsesBlock(x->body, a, safe);
      }
    }
  }

  /// `a` is a local bound only to fresh arrays and never aliased.
  bool freshAndUnaliased(const std::string &a) {
    if (std::find(fn.paramNames.begin(), fn.paramNames.end(), a) !=
        fn.paramNames.end())
      return fail("it writes parameter '" + a +
                  "', which may share memory "
                  "with the arrays it reads");
    bool ok = true;
    std::function<void(const Block &)> scan = [&](const Block &block) {
      for (const StmtPtr &s : block) {
        if (auto *x = s->dyn<AssignStmt>()) {
          bool assignsA = false;
          for (const ExprPtr &t : x->targets)
            if (auto *n = t->dyn<NameExpr>(); n && n->name == a)
              assignsA = true;
          const Expr *v = x->value.get();
          if (assignsA) {
            auto *c = v->dyn<CallExpr>();
            bool fresh =
                c && c->callee->dyn<NameExpr>() &&
                builtinIn(fn.builtinOf(c),
                          {Builtin::Zeros, Builtin::Ones, Builtin::Empty,
                           Builtin::Full, Builtin::ZerosLike, Builtin::OnesLike,
                           Builtin::EmptyLike, Builtin::FullLike, Builtin::Copy,
                           Builtin::Eye, Builtin::Arange, Builtin::Linspace});
            if (!fresh)
              ok = fail("'" + a +
                        "' is not only bound to new arrays "
                        "(zeros, empty, ...)");
          }
          // b = a, b = a[...] or b = a.T would alias a.
          const Expr *root = v;
          while (true) {
            if (auto *ix = root->dyn<IndexExpr>())
              root = ix->base.get();
            else if (auto *at = root->dyn<AttributeExpr>())
              root = at->base.get();
            else if (auto *c = root->dyn<CallExpr>();
                     c && c->callee->dyn<AttributeExpr>())
              root = c->callee->dyn<AttributeExpr>()->base.get();
            else
              break;
          }
          if (auto *n = root->dyn<NameExpr>(); n && n->name == a && v != root)
            ok = fail("a view of '" + a + "' is stored in another variable");
          else if (n && n->name == a && !assignsA)
            ok = fail("'" + a + "' is stored in another variable");
        }
        if (auto *i = s->dyn<IfStmt>()) {
          scan(i->body);
          scan(i->orelse);
        } else if (auto *f = s->dyn<ForStmt>()) {
          scan(f->body);
        } else if (auto *w = s->dyn<WhileStmt>()) {
          scan(w->body);
        }
      }
    };
    scan(*fn.body);
    return ok && why.empty();
  }

  /// Every private variable is assigned at the top of the body before it
  /// is read, so no value flows from one iteration to the next.
  bool writtenBeforeRead(const std::set<std::string> &privates) {
    std::set<std::string> assigned;
    for (const StmtPtr &s : loop.body) {
      std::multiset<std::string> reads;
      std::vector<std::string> writes;
      if (auto *x = s->dyn<AssignStmt>()) {
        namesInExpr(x->value.get(), reads);
        for (const ExprPtr &t : x->targets) {
          if (auto *n = t->dyn<NameExpr>())
            writes.push_back(n->name);
          else
            namesInExpr(t.get(), reads);
        }
      } else {
        // Any other statement: everything it mentions counts as a read.
        std::multiset<std::string> all;
        if (auto *x = s->dyn<AugAssignStmt>()) {
          namesInExpr(x->target.get(), all);
          namesInExpr(x->value.get(), all);
        } else if (auto *x = s->dyn<IfStmt>()) {
          namesInExpr(x->cond.get(), all);
          namesInBlock(x->body, nullptr, all);
          namesInBlock(x->orelse, nullptr, all);
        } else if (auto *x = s->dyn<ForStmt>()) {
          namesInExpr(x->iter.get(), all);
          namesInBlock(x->body, nullptr, all);
          if (auto *n = x->target->dyn<NameExpr>())
            assigned.insert(n->name); // inner loop variables start fresh
        } else if (auto *x = s->dyn<WhileStmt>()) {
          namesInExpr(x->cond.get(), all);
          namesInBlock(x->body, nullptr, all);
        } else if (auto *x = s->dyn<ExprStmt>()) {
          namesInExpr(x->value.get(), all);
        }
        reads.insert(all.begin(), all.end());
      }
      for (const std::string &p : privates)
        if (reads.count(p) && !assigned.count(p))
          return fail("'" + p +
                      "' may carry a value from one iteration to "
                      "the next");
      for (const std::string &w : writes)
        assigned.insert(w);
    }
    return true;
  }

  bool run() {
    var = loop.target->dyn<NameExpr>()->name;
    if (!checkCalls(loop.iter.get()) || !checkBlock(loop.body))
      return false;
    std::multiset<std::string> outside, inside;
    namesInBlock(*fn.body, &loop.body, outside);
    namesInBlock(loop.body, nullptr, inside);
    if (keepAll)
      for (const auto &[name, type] : fn.locals)
        outside.insert(name);
    // Scalars written in the body must be private (no reductions: they
    // would change floating-point rounding; prange allows them).
    std::set<std::string> targets;
    std::function<void(const Block &)> collect = [&](const Block &block) {
      for (const StmtPtr &s : block) {
        std::multiset<std::string> t;
        if (auto *x = s->dyn<AssignStmt>()) {
          for (const ExprPtr &e : x->targets)
            if (e->dyn<NameExpr>() || e->dyn<TupleExpr>())
              namesInExpr(e.get(), t);
        } else if (auto *x = s->dyn<AugAssignStmt>()) {
          if (x->target->dyn<NameExpr>())
            namesInExpr(x->target.get(), t);
        } else if (auto *x = s->dyn<ForStmt>()) {
          namesInExpr(x->target.get(), t);
          collect(x->body);
        } else if (auto *x = s->dyn<IfStmt>()) {
          collect(x->body);
          collect(x->orelse);
        } else if (auto *x = s->dyn<WhileStmt>()) {
          collect(x->body);
        }
        targets.insert(t.begin(), t.end());
      }
    };
    collect(loop.body);
    // Other loops reusing the name as their variable do not read it.
    std::function<size_t(const Block &)> forTargets =
        [&](const Block &block) -> size_t {
      size_t n = 0;
      for (const StmtPtr &s : block) {
        if (auto *f = s->dyn<ForStmt>()) {
          if (&f->body == &loop.body)
            continue;
          n += isVar(f->target.get());
          n += forTargets(f->body);
        } else if (auto *i = s->dyn<IfStmt>()) {
          n += forTargets(i->body) + forTargets(i->orelse);
        } else if (auto *w = s->dyn<WhileStmt>()) {
          n += forTargets(w->body);
        }
      }
      return n;
    };
    if (outside.count(var) > forTargets(*fn.body))
      return fail("'" + var + "' is used after the loop");
    for (const std::string &t : targets) {
      if (t == var)
        return fail("it assigns the loop variable '" + var + "'");
      if (outside.count(t)) {
        // prange takes it only as a reduction (s += x, s = min(s, x), ...,
        // and nothing else in the loop reading s); anything else carries
        // a value from one iteration to the next (a, b = b, a + b).
        loops::ReductionUse scan = loops::scanReduction(fn, loop.body, t);
        bool reduction = scan.ok && scan.kind != Reduction::None &&
                         static_cast<int>(inside.count(t)) == scan.accounted;
        return fail("it updates '" + t + "', which is used after the loop " +
                    (reduction ? "(a reduction: write prange to "
                                 "parallelise it)"
                               : "(each iteration needs the value the one "
                                 "before left in it: a recurrence, which "
                                 "runs in order)"));
      }
      auto it = fn.locals.find(t);
      if (it != fn.locals.end() && !it->second.isScalar())
        return fail("it binds the array variable '" + t + "' in the loop");
    }
    if (!writtenBeforeRead(targets))
      return false;
    if (written.empty())
      return fail("it writes no array rows");
    for (const std::string &a : written) {
      int safe = 0;
      safeUsesBlock(loop.body, a, safe);
      if (safe != static_cast<int>(inside.count(a)))
        return fail("it reads '" + a +
                    "' elsewhere than in the row it "
                    "writes");
      if (!freshAndUnaliased(a))
        return false;
    }
    return true;
  }
};

} // namespace

bool loops::loopIsIndependent(const FunctionInstance &fn, const ForStmt &s,
                              bool keepAll, std::string &why) {
  IndependenceCheck check{fn, s};
  check.keepAll = keepAll;
  bool ok = check.run();
  why = check.why;
  return ok;
}

} // namespace weft
