//===- GradWriter.h - The gradient writer of GradTransform -----*- C++ -*-===//
//
// Internal to frontend/GradTransform*.cpp: the class that builds the
// gradient function's AST (GradTransform.cpp: checks, the forward pass
// and the driver; GradBackprop.cpp: each expression's adjoint).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_GRADWRITER_H
#define WEFT_FRONTEND_GRADWRITER_H

#include "frontend/ASTBuild.h"
#include "frontend/GradTransform.h"

#include <functional>
#include <map>
#include <set>

namespace weft {
namespace grad {

class GradWriter {
public:
  GradWriter(const GradRequest &r, const SourceFile &f, DiagnosticEngine &d)
      : req(r), fn(*r.instance), file(f), diags(d) {}

  /// The gradient function; null after an error.
  std::unique_ptr<FunctionDefStmt> run();

private:
  const GradRequest &req;
  const FunctionInstance &fn;
  const SourceFile &file;
  DiagnosticEngine &diags;
  ASTBuilder b;          ///< located at the statement being written
  Block *out_ = nullptr; ///< where emit() appends
  bool ok = true;
  int temps = 0;
  std::map<std::string, int> diffParams; ///< name -> position in argnums

  // ---- source text (for messages)
  std::string raw(const Expr *e) const {
    size_t begin = file.offsetOf(e->range.begin),
           end = file.offsetOf(e->range.end);
    return file.text().substr(begin, end - begin);
  }
  // ---- values assigned twice get versions (h, h__1, ...): every value
  // the adjoints need stays available.
  std::map<const NameExpr *, std::string> readName;
  std::map<const Stmt *, std::string> defName;
  std::map<std::string, std::string> origin; ///< version -> variable
  std::map<std::string, int> versions;
  std::string version(const std::string &v) {
    int n = versions[v]++;
    std::string name = n == 0 ? v : v + "__" + std::to_string(n);
    origin[name] = v;
    return name;
  }
  void renameReads(const Expr *e,
                   const std::map<std::string, std::string> &cur);
  void rename(const Block &block, std::map<std::string, std::string> &cur);
  std::map<std::string, std::string> phis_; ///< the if being renamed
  /// Numbers a loop carries from one iteration to the next: their value at
  /// the start of each iteration is taped (_ad_tape<id>_<name>).
  struct Carried {
    std::string outer, last; ///< the name the loop reads, its last version
    bool isInt = false;
  };
  struct LoopCarry {
    int id = 0;
    std::vector<Carried> vars;
  };
  std::map<const ForStmt *, LoopCarry> carries_;
  int loopIds_ = 0;
  /// start, stop and step of a range(...) loop (copies).
  struct RangeParts {
    ExprPtr start, stop, step;
  };
  bool rangeParts(const ForStmt *f, RangeParts &parts);
  /// A copy of `e` reading the versions of the names it reads.
  ExprPtr copy(const Expr *e) const {
    return cloneExpr(e, [this](const NameExpr &n) {
      auto it = readName.find(&n);
      return it == readName.end() ? n.name : it->second;
    });
  }
  void emit(StmtPtr s) { out_->push_back(std::move(s)); }
  /// Runs `write` with emit() appending to `block`.
  template <typename F> void into(Block &block, F write) {
    Block *saved = out_;
    out_ = &block;
    write();
    out_ = saved;
  }
  /// Locates what is built at `r` until the guard goes.
  struct At {
    ASTBuilder &b;
    SourceRange saved;
    At(ASTBuilder &bb, SourceRange r) : b(bb), saved(bb.at) { b.at = r; }
    ~At() { b.at = saved; }
  };
  void fail(SourceRange r, const std::string &msg) {
    if (ok)
      diags.error(r, "grad of '" + req.def->name + "': " + msg);
    ok = false;
  }
  const Type &typeOfLocal(const std::string &name) const {
    static const Type unknown;
    auto o = origin.find(name);
    const std::string &n = o == origin.end() ? name : o->second;
    auto it = fn.locals.find(n);
    return it == fn.locals.end() ? unknown : it->second;
  }
  bool isFloat(const Type &t) const {
    return (t.isScalar() || t.isArray()) &&
           (t.scalarKind() == ScalarKind::F64 ||
            t.scalarKind() == ScalarKind::F32);
  }
  bool hasAdjoint(const std::string &name) const {
    if (diffParams.count(name))
      return true;
    auto o = origin.find(name);
    if (o == origin.end() || o->first == o->second)
      for (const std::string &p : fn.paramNames)
        if (p == name)
          return false; // a parameter not differentiated
    return isFloat(typeOfLocal(name));
  }

  // ---- names read, assigned and accumulated by statements
  /// Calls `f` on every name `e` reads (not the names of called
  /// functions).
  static void forEachRead(const Expr *e,
                          const std::function<void(const NameExpr *)> &f) {
    if (!e)
      return;
    auto rec = [&](const Expr *x) { forEachRead(x, f); };
    if (auto *n = e->dyn<NameExpr>()) {
      f(n);
    } else if (auto *b = e->dyn<BinaryExpr>()) {
      rec(b->lhs.get());
      rec(b->rhs.get());
    } else if (auto *u = e->dyn<UnaryExpr>()) {
      rec(u->operand.get());
    } else if (auto *c = e->dyn<CompareExpr>()) {
      for (const ExprPtr &o : c->operands)
        rec(o.get());
    } else if (auto *c = e->dyn<BoolOpExpr>()) {
      rec(c->lhs.get());
      rec(c->rhs.get());
    } else if (auto *i = e->dyn<IfExpExpr>()) {
      rec(i->cond.get());
      rec(i->thenValue.get());
      rec(i->elseValue.get());
    } else if (auto *c = e->dyn<CallExpr>()) {
      if (!c->callee->dyn<NameExpr>())
        rec(c->callee.get());
      for (const ExprPtr &x : c->args)
        rec(x.get());
      for (const KeywordArg &k : c->keywords)
        rec(k.value.get());
    } else if (auto *i = e->dyn<IndexExpr>()) {
      rec(i->base.get());
      for (const ExprPtr &x : i->indices)
        rec(x.get());
    } else if (auto *sl = e->dyn<SliceExpr>()) {
      rec(sl->lower.get());
      rec(sl->upper.get());
      rec(sl->step.get());
    } else if (auto *at = e->dyn<AttributeExpr>()) {
      rec(at->base.get());
    } else if (auto *t = e->dyn<TupleExpr>()) {
      for (const ExprPtr &x : t->elts)
        rec(x.get());
    } else if (auto *l = e->dyn<ListExpr>()) {
      for (const ExprPtr &x : l->elts)
        rec(x.get());
    }
  }
  static void readsOf(const Expr *e, std::set<std::string> &out) {
    forEachRead(e, [&](const NameExpr *n) { out.insert(n->name); });
  }
  struct Effects {
    std::set<std::string> reads, assigns, updates;
  };
  /// What `s` (and everything nested in it) reads, assigns and updates.
  static void effectsOf(const Stmt *s, Effects &fx) {
    if (auto *a = s->dyn<AssignStmt>()) {
      readsOf(a->value.get(), fx.reads);
      for (const ExprPtr &t : a->targets)
        if (auto *n = t->dyn<NameExpr>())
          fx.assigns.insert(n->name);
    } else if (auto *a = s->dyn<AnnAssignStmt>()) {
      readsOf(a->value.get(), fx.reads);
      fx.assigns.insert(a->target->dyn<NameExpr>()->name);
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      readsOf(a->value.get(), fx.reads);
      if (auto *n = a->target->dyn<NameExpr>())
        fx.updates.insert(n->name);
    } else if (auto *f = s->dyn<ForStmt>()) {
      readsOf(f->iter.get(), fx.reads);
      fx.assigns.insert(f->target->dyn<NameExpr>()->name);
      for (const StmtPtr &x : f->body)
        effectsOf(x.get(), fx);
    } else if (auto *i = s->dyn<IfStmt>()) {
      readsOf(i->cond.get(), fx.reads);
      for (const StmtPtr &x : i->body)
        effectsOf(x.get(), fx);
      for (const StmtPtr &x : i->orelse)
        effectsOf(x.get(), fx);
    } else if (auto *r = s->dyn<ReturnStmt>()) {
      readsOf(r->value.get(), fx.reads);
    } else if (auto *e = s->dyn<ExprStmt>()) {
      readsOf(e->value.get(), fx.reads);
    } else if (auto *a = s->dyn<AssertStmt>()) {
      readsOf(a->test.get(), fx.reads);
    }
  }

  // ---- checks: the forms whose recomputation is exact
  void checkBlock(const Block &block, bool top,
                  const std::set<std::string> &outer, bool branch = false);
  // ---- the forward pass: statements as written (outer accumulations
  // skipped when recomputing a loop body)
  void forward(const Block &block, const std::set<std::string> &skipUpdates);
  void forwardLoop(const ForStmt *f, const std::set<std::string> &skipUpdates);
  /// `if cond:` with `then` and `orelse` written in its branches (a
  /// branch left empty gets a pass).
  template <typename F, typename G>
  void emitIf(const Expr *cond, bool hasElse, F then, G orelse) {
    auto i = b.ifStmt(copy(cond));
    into(i->body, then);
    if (i->body.empty())
      i->body.push_back(b.pass());
    if (hasElse) {
      into(i->orelse, orelse);
      if (i->orelse.empty())
        i->orelse.push_back(b.pass());
    }
    emit(std::move(i));
  }
  // ---- adjoints
  void reverse(const Block &block);
  void reverseLoop(const ForStmt *f);
  void declareAdjoints(const Block &block);
  /// `adj` itself when it is a name or a number, else a temporary set to
  /// it (an adjoint is used once per operand).
  ExprPtr tempFor(ExprPtr adj) {
    if (adj->dyn<NameExpr>() || adj->dyn<FloatLitExpr>() ||
        adj->dyn<IntLitExpr>())
      return adj;
    std::string t = "_ad_t" + std::to_string(temps++);
    emit(b.assign(b.name(t), std::move(adj)));
    return b.name(t);
  }
  void backprop(const Expr *e, ExprPtr adj, int adjRank);
  /// backprop() of a call: a user function (through its own gradient) or
  /// a builtin; `a` is the adjoint (a name or a number).
  void backpropCall(const CallExpr *c, const Expr &a, int adjRank);
  /// The element count mean(x) divides by, as an expression.
  ExprPtr meanCount(const Expr *x, int rank);
  int rankOf(const Expr *x) const {
    Type u = fn.typeOf(x);
    return u.isArray() ? u.rank() : 0;
  }
  void addTo(const std::string &target, const Type &t, ExprPtr adj,
             int adjRank) {
    if (t.isScalar() && adjRank > 0)
      adj = b.call("sum", args(std::move(adj)));
    emit(b.update(b.name(target), BinaryOp::Add, std::move(adj)));
  }
  /// The argument list of a builder call.
  template <typename... T> static std::vector<ExprPtr> args(T &&...xs) {
    std::vector<ExprPtr> v;
    (v.push_back(std::forward<T>(xs)), ...);
    return v;
  }
};

} // namespace grad
} // namespace weft

#endif // WEFT_FRONTEND_GRADWRITER_H
