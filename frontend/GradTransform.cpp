//===- GradTransform.cpp - Reverse-mode differentiation of a function -----===//
//
// Implements generateGradient (GradTransform.h). The gradient function is
// Weft source: f's statements (the forward pass), then adjoint variables
// `_ad_<name>` for the parameters and float locals, then each statement's
// adjoint in reverse order. A loop's adjoint is a loop over the same
// range whose body first recomputes the iteration's values and then runs
// their adjoints backwards. That is exact when every value a loop body
// needs is either computed in the same iteration or not changed by the
// loop: the checks below reject programs that overwrite a value still
// needed (a variable assigned twice, a loop that reads what it
// accumulates) with an error naming the construct.
//
//===----------------------------------------------------------------------===//
#include "frontend/GradTransform.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace weft {

namespace {

class GradWriter {
public:
  GradWriter(const GradRequest &r, const SourceFile &f, DiagnosticEngine &d)
      : req(r), fn(*r.instance), file(f), diags(d) {}

  bool run(std::string &out);

private:
  const GradRequest &req;
  const FunctionInstance &fn;
  const SourceFile &file;
  DiagnosticEngine &diags;
  std::string body;
  bool ok = true;
  int temps = 0;
  std::map<std::string, int> diffParams; ///< name -> position in argnums

  // ---- text
  size_t offsetOf(SourceLocation loc) const { return file.offsetOf(loc); }
  std::string raw(const Expr *e) const {
    size_t b = offsetOf(e->range.begin), x = offsetOf(e->range.end);
    return file.text().substr(b, x - b);
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
  /// start, stop and step of a range(...) loop, as source.
  bool rangeParts(const ForStmt *f, std::string &start, std::string &stop,
                  std::string &step);
  /// `e` as source, with the versions of the names it reads.
  std::string print(const Expr *e) const;
  std::string text(const Expr *e) const { return "(" + print(e) + ")"; }
  void emit(int indent, const std::string &s) {
    body += std::string(4 * indent, ' ') + s + "\n";
  }
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
  void forward(const Block &block, int indent,
               const std::set<std::string> &skipUpdates);
  // ---- adjoints
  void reverse(const Block &block, int indent);
  void declareAdjoints(const Block &block, int indent);
  std::string tempFor(const std::string &adj, int indent) {
    bool simple = adj.find_first_of(" ()+-*/") == std::string::npos;
    if (simple)
      return adj;
    std::string t = "_ad_t" + std::to_string(temps++);
    emit(indent, t + " = " + adj);
    return t;
  }
  void backprop(const Expr *e, const std::string &adj, int adjRank, int indent);
  /// backprop() of a call: a user function (through its own gradient) or
  /// a builtin; `a` names the adjoint.
  void backpropCall(const CallExpr *c, const std::string &a, int adjRank,
                    int indent);
  int rankOf(const Expr *x) const {
    Type u = fn.typeOf(x);
    return u.isArray() ? u.rank() : 0;
  }
  void addTo(const std::string &target, const Type &t, std::string adj,
             int adjRank, int indent) {
    if (t.isScalar() && adjRank > 0)
      adj = "sum(" + adj + ")";
    emit(indent, target + " += " + adj);
  }
};

void GradWriter::checkBlock(const Block &block, bool top,
                            const std::set<std::string> &outer, bool branch) {
  std::map<std::string, size_t> assignedAt, lastUpdate;
  std::vector<Effects> fx(block.size());
  for (size_t k = 0; k < block.size(); ++k) {
    const Stmt *s = block[k].get();
    effectsOf(s, fx[k]);
    if (s->dyn<WhileStmt>())
      fail(s->range, "while loops are not supported (their trip count "
                     "depends on the data); use a for loop over a range");
    else if (s->dyn<BreakStmt>() || s->dyn<ContinueStmt>())
      fail(s->range, "break and continue are not supported");
    else if (auto *r = s->dyn<ReturnStmt>()) {
      if (!top || k + 1 != block.size())
        fail(s->range, "return must be the function's last statement");
      else if (!r->value)
        fail(s->range, "the function must return a value");
    } else if (auto *a = s->dyn<AssignStmt>()) {
      if (a->targets.size() > 1)
        fail(s->range, "chained assignments (a = b = ...) are not supported");
      for (const ExprPtr &t : a->targets)
        if (!t->dyn<NameExpr>())
          fail(t->range, t->dyn<IndexExpr>()
                             ? "writing into arrays (" + raw(t.get()) +
                                   " = ...) is not supported"
                             : "only single names can be assigned");
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      auto *n = a->target->dyn<NameExpr>();
      if (!n)
        fail(a->target->range,
             "updating array elements in place is not supported");
      else if (a->op != BinaryOp::Add && a->op != BinaryOp::Sub &&
               hasAdjoint(n->name))
        fail(s->range, "'" + n->name +
                           "' is updated with an operator other than += "
                           "and -=; write it as a new variable");
    } else if (auto *f = s->dyn<ForStmt>()) {
      auto *call = f->iter->dyn<CallExpr>();
      auto *cn = call ? call->callee->dyn<NameExpr>() : nullptr;
      if (!cn || !builtinIn(lookupBuiltin(cn->name),
                            {Builtin::Range, Builtin::Prange}))
        fail(f->iter->range, "for loops must run over range(...)");
      // Values assigned in the body belong to one iteration.
      Effects inner;
      for (const StmtPtr &x : f->body)
        effectsOf(x.get(), inner);
      // A value from outside that the loop accumulates must not be read
      // in it: the recomputed iterations would see its final value.
      for (const std::string &u : fx[k].updates)
        if (fx[k].reads.count(u) && !inner.assigns.count(u) && hasAdjoint(u))
          fail(s->range, "'" + u +
                             "' is accumulated and read in the same loop; "
                             "reverse mode would need its value at every "
                             "iteration");
      std::set<std::string> scope = outer;
      for (const auto &[n, at] : assignedAt)
        scope.insert(n);
      // A number carried from one iteration to the next is taped; an
      // array would need a copy per iteration.
      for (const std::string &v : inner.assigns)
        if (scope.count(v) && v != f->target->dyn<NameExpr>()->name &&
            !typeOfLocal(v).isScalar())
          fail(s->range, "'" + v +
                             "' (an array) is assigned in the loop and also "
                             "outside it; reverse mode would need a copy "
                             "per iteration");
      std::set<std::string> bodyOuter = scope;
      bodyOuter.insert(f->target->dyn<NameExpr>()->name);
      checkBlock(f->body, false, bodyOuter);
    } else if (auto *i = s->dyn<IfStmt>()) {
      checkBlock(i->body, false, outer, true);
      checkBlock(i->orelse, false, outer, true);
    } else if (!s->dyn<ExprStmt>() && !s->dyn<PassStmt>() &&
               !s->dyn<AnnAssignStmt>() && !s->dyn<AssertStmt>()) {
      fail(s->range, "this statement is not supported");
    }
    for (const std::string &v : fx[k].assigns) {
      if (s->dyn<ForStmt>())
        continue; // the loop's own variables (checked above)
      // Elsewhere a second assignment makes a new version of the value.
      if (branch && assignedAt.count(v))
        fail(s->range, "'" + v +
                           "' is assigned twice in one branch of an if; "
                           "give the second value a new name");
      assignedAt[v] = k;
    }
    for (const std::string &v : fx[k].updates)
      lastUpdate[v] = k;
  }
  // An accumulated value may be read only after its last update.
  for (size_t k = 0; k < block.size(); ++k)
    for (const std::string &v : fx[k].reads) {
      auto it = lastUpdate.find(v);
      if (it != lastUpdate.end() && k <= it->second && hasAdjoint(v) &&
          !fx[k].updates.count(v))
        fail(block[k]->range, "'" + v +
                                  "' is read before its last += update; "
                                  "read it after all of them");
    }
}

std::string GradWriter::print(const Expr *e) const {
  if (auto *n = e->dyn<NameExpr>()) {
    auto it = readName.find(n);
    return it == readName.end() ? n->name : it->second;
  }
  if (auto *b = e->dyn<BinaryExpr>())
    return "(" + print(b->lhs.get()) + " " + spelling(b->op) + " " +
           print(b->rhs.get()) + ")";
  if (auto *u = e->dyn<UnaryExpr>())
    return std::string("(") + spelling(u->op) +
           (u->op == UnaryOp::Not ? " " : "") + print(u->operand.get()) + ")";
  if (auto *c = e->dyn<CompareExpr>()) {
    std::string t = "(" + print(c->operands[0].get());
    for (size_t i = 0; i < c->ops.size(); ++i)
      t += std::string(" ") + spelling(c->ops[i]) + " " +
           print(c->operands[i + 1].get());
    return t + ")";
  }
  if (auto *b = e->dyn<BoolOpExpr>())
    return "(" + print(b->lhs.get()) +
           (b->op == BoolOpKind::And ? " and " : " or ") + print(b->rhs.get()) +
           ")";
  if (auto *i = e->dyn<IfExpExpr>())
    return "(" + print(i->thenValue.get()) + " if " + print(i->cond.get()) +
           " else " + print(i->elseValue.get()) + ")";
  if (auto *c = e->dyn<CallExpr>()) {
    std::string t = print(c->callee.get()) + "(";
    bool first = true;
    for (const ExprPtr &a : c->args) {
      t += (first ? "" : ", ") + print(a.get());
      first = false;
    }
    for (const KeywordArg &k : c->keywords) {
      t += (first ? "" : ", ") + k.name + "=" + print(k.value.get());
      first = false;
    }
    return t + ")";
  }
  if (auto *i = e->dyn<IndexExpr>()) {
    std::string t = print(i->base.get()) + "[";
    for (size_t k = 0; k < i->indices.size(); ++k)
      t += (k ? ", " : "") + print(i->indices[k].get());
    return t + "]";
  }
  if (auto *sl = e->dyn<SliceExpr>())
    return (sl->lower ? print(sl->lower.get()) : "") + ":" +
           (sl->upper ? print(sl->upper.get()) : "") +
           (sl->step ? ":" + print(sl->step.get()) : "");
  if (auto *a = e->dyn<AttributeExpr>())
    return print(a->base.get()) + "." + a->attr;
  if (auto *t = e->dyn<TupleExpr>()) {
    std::string x = "(";
    for (const ExprPtr &el : t->elts)
      x += print(el.get()) + ", ";
    return x + ")";
  }
  if (auto *l = e->dyn<ListExpr>()) {
    std::string x = "[";
    for (size_t k = 0; k < l->elts.size(); ++k)
      x += (k ? ", " : "") + print(l->elts[k].get());
    return x + "]";
  }
  return raw(e); // literals
}

void GradWriter::renameReads(const Expr *e,
                             const std::map<std::string, std::string> &cur) {
  forEachRead(e, [&](const NameExpr *n) {
    auto it = cur.find(n->name);
    if (it != cur.end())
      readName[n] = it->second;
  });
}

void GradWriter::rename(const Block &block,
                        std::map<std::string, std::string> &cur) {
  for (const StmtPtr &sp : block) {
    const Stmt *s = sp.get();
    if (auto *a = s->dyn<AssignStmt>()) {
      renameReads(a->value.get(), cur);
      std::string v = a->targets.back()->dyn<NameExpr>()->name;
      auto phi = phis_.find(v);
      defName[s] = phi != phis_.end() ? phi->second : version(v);
      cur[v] = defName[s];
    } else if (auto *a = s->dyn<AnnAssignStmt>()) {
      renameReads(a->value.get(), cur);
      std::string v = a->target->dyn<NameExpr>()->name;
      auto phi = phis_.find(v);
      defName[s] = phi != phis_.end() ? phi->second : version(v);
      cur[v] = defName[s];
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      renameReads(a->value.get(), cur);
      std::string v = a->target->dyn<NameExpr>()->name;
      auto it = cur.find(v);
      defName[s] = it != cur.end() ? it->second : v;
    } else if (auto *f = s->dyn<ForStmt>()) {
      renameReads(f->iter.get(), cur);
      std::map<std::string, std::string> inner = cur;
      std::string var = f->target->dyn<NameExpr>()->name;
      inner[var] = var;
      auto saved = phis_;
      phis_.clear();
      rename(f->body, inner);
      phis_ = saved;
      LoopCarry carry;
      for (const auto &[v, name] : cur)
        if (v != var && inner.at(v) != name)
          carry.vars.push_back({name, inner.at(v), !isFloat(typeOfLocal(v))});
      if (!carry.vars.empty()) {
        carry.id = loopIds_++;
        carries_[f] = carry;
      }
    } else if (auto *i = s->dyn<IfStmt>()) {
      renameReads(i->cond.get(), cur);
      // A value assigned in a branch has one version after the if, which
      // each branch defines (a value defined before the if must then be
      // assigned in both branches).
      std::set<std::string> inA, inB;
      for (const StmtPtr &x : i->body) {
        Effects e;
        effectsOf(x.get(), e);
        inA.insert(e.assigns.begin(), e.assigns.end());
      }
      for (const StmtPtr &x : i->orelse) {
        Effects e;
        effectsOf(x.get(), e);
        inB.insert(e.assigns.begin(), e.assigns.end());
      }
      std::map<std::string, std::string> phis;
      for (const std::set<std::string> *side : {&inA, &inB})
        for (const std::string &v : *side) {
          if (phis.count(v))
            continue;
          if (cur.count(v) && !(inA.count(v) && inB.count(v)))
            fail(s->range, "'" + v +
                               "' is assigned in only one branch of this "
                               "if; assign it in both, or use a new name");
          phis[v] = version(v);
        }
      auto saved = phis_;
      phis_ = phis;
      std::map<std::string, std::string> a = cur, b = cur;
      rename(i->body, a);
      rename(i->orelse, b);
      phis_ = saved;
      for (const auto &[v, name] : phis)
        cur[v] = name;
    } else if (auto *r = s->dyn<ReturnStmt>()) {
      renameReads(r->value.get(), cur);
    } else if (auto *e = s->dyn<ExprStmt>()) {
      renameReads(e->value.get(), cur);
    }
  }
}

bool GradWriter::rangeParts(const ForStmt *f, std::string &start,
                            std::string &stop, std::string &step) {
  auto *c = f->iter->dyn<CallExpr>();
  size_t n = c ? c->args.size() : 0;
  if (n < 1 || n > 3 || !c->keywords.empty()) {
    fail(f->iter->range, "a loop that carries a value needs range(stop), "
                         "range(start, stop) or range(start, stop, step)");
    return false;
  }
  start = n == 1 ? "0" : text(c->args[0].get());
  stop = text(c->args[n == 1 ? 0 : 1].get());
  step = n == 3 ? text(c->args[2].get()) : "1";
  if (n == 3) {
    const Expr *st = c->args[2].get();
    auto *u = st->dyn<UnaryExpr>();
    if (!st->dyn<IntLitExpr>() || (u && u->op == UnaryOp::Neg)) {
      fail(st->range, "a loop that carries a value needs a positive "
                      "integer literal step");
      return false;
    }
  }
  return true;
}

void GradWriter::forward(const Block &block, int indent,
                         const std::set<std::string> &skipUpdates) {
  for (const StmtPtr &sp : block) {
    const Stmt *s = sp.get();
    if (s->dyn<AssignStmt>() || s->dyn<AnnAssignStmt>()) {
      const Expr *value = s->dyn<AssignStmt>()
                              ? s->dyn<AssignStmt>()->value.get()
                              : s->dyn<AnnAssignStmt>()->value.get();
      emit(indent, defName.at(s) + " = " + text(value));
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      std::string n = defName.at(s);
      if (skipUpdates.count(a->target->dyn<NameExpr>()->name))
        continue;
      static const std::map<BinaryOp, const char *> ops = {
          {BinaryOp::Add, "+="},       {BinaryOp::Sub, "-="},
          {BinaryOp::Mul, "*="},       {BinaryOp::Div, "/="},
          {BinaryOp::FloorDiv, "//="}, {BinaryOp::Mod, "%="}};
      auto op = ops.find(a->op);
      if (op == ops.end()) {
        fail(s->range, "this update operator is not supported");
        continue;
      }
      emit(indent, n + " " + op->second + " " + text(a->value.get()));
    } else if (auto *f = s->dyn<ForStmt>()) {
      auto carry = carries_.find(f);
      std::string start, stop, step, id;
      if (carry != carries_.end()) {
        if (!rangeParts(f, start, stop, step))
          continue;
        id = std::to_string(carry->second.id);
        emit(indent, "_ad_T" + id + " = max(0, (" + stop + " - " + start +
                         " + " + step + " - 1) // " + step + ")");
        for (const Carried &c : carry->second.vars)
          emit(indent, "_ad_tape" + id + "_" + c.outer + " = zeros(_ad_T" + id +
                           (c.isInt ? ", dtype=i64)" : ")"));
      }
      size_t mark = body.size();
      std::string var = f->target->dyn<NameExpr>()->name;
      emit(indent, "for " + var + " in " + text(f->iter.get()) + ":");
      size_t head = body.size();
      if (carry != carries_.end()) {
        emit(indent + 1,
             "_ad_k" + id + " = (" + var + " - " + start + ") // " + step);
        for (const Carried &c : carry->second.vars)
          emit(indent + 1, "_ad_tape" + id + "_" + c.outer + "[_ad_k" + id +
                               "] = " + c.outer);
      }
      forward(f->body, indent + 1, skipUpdates);
      if (carry != carries_.end())
        for (const Carried &c : carry->second.vars)
          emit(indent + 1, c.outer + " = " + c.last);
      if (body.size() == head) // nothing to recompute
        body.resize(mark);
    } else if (auto *i = s->dyn<IfStmt>()) {
      emit(indent, "if " + text(i->cond.get()) + ":");
      size_t head = body.size();
      forward(i->body, indent + 1, skipUpdates);
      if (body.size() == head)
        emit(indent + 1, "pass");
      if (!i->orelse.empty()) {
        emit(indent, "else:");
        head = body.size();
        forward(i->orelse, indent + 1, skipUpdates);
        if (body.size() == head)
          emit(indent + 1, "pass");
      }
    } else if (auto *r = s->dyn<ReturnStmt>()) {
      emit(indent, "_ad_val = " + text(r->value.get()));
    }
    // print, pass and other expression statements are not repeated.
  }
}

void GradWriter::declareAdjoints(const Block &block, int indent) {
  std::set<std::string> names;
  std::function<void(const Block &)> collect = [&](const Block &b) {
    for (const StmtPtr &s : b) {
      if (s->dyn<AssignStmt>() || s->dyn<AnnAssignStmt>())
        names.insert(defName.at(s.get()));
      else if (auto *i = s->dyn<IfStmt>()) {
        collect(i->body);
        collect(i->orelse);
      }
      // a loop's values get their adjoints in its reverse body
    }
  };
  collect(block);
  for (const std::string &n : names) {
    if (!hasAdjoint(n))
      continue;
    const Type &t = typeOfLocal(n);
    emit(indent, "_ad_" + n + " = " + (t.isArray() ? n + " * 0.0" : "0.0"));
  }
}

void GradWriter::reverse(const Block &block, int indent) {
  for (auto it = block.rbegin(); it != block.rend(); ++it) {
    const Stmt *s = it->get();
    if (auto *a = s->dyn<AssignStmt>()) {
      std::string n = defName.at(s);
      if (hasAdjoint(n))
        backprop(a->value.get(), "_ad_" + n,
                 typeOfLocal(n).isArray() ? typeOfLocal(n).rank() : 0, indent);
    } else if (auto *a = s->dyn<AnnAssignStmt>()) {
      std::string n = defName.at(s);
      if (hasAdjoint(n))
        backprop(a->value.get(), "_ad_" + n, typeOfLocal(n).rank(), indent);
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      std::string n = defName.at(s);
      if (!hasAdjoint(n))
        continue;
      int rank = typeOfLocal(n).isArray() ? typeOfLocal(n).rank() : 0;
      backprop(a->value.get(),
               a->op == BinaryOp::Sub ? "-_ad_" + n : "_ad_" + n, rank, indent);
    } else if (auto *f = s->dyn<ForStmt>()) {
      // Recompute the iteration (without the accumulations into values
      // from outside the loop), then its adjoint.
      Effects fx;
      effectsOf(s, fx);
      std::set<std::string> local;
      for (const StmtPtr &x : f->body) {
        Effects e;
        effectsOf(x.get(), e);
        local.insert(e.assigns.begin(), e.assigns.end());
      }
      std::set<std::string> outerUpdates;
      for (const std::string &u : fx.updates)
        if (!local.count(u))
          outerUpdates.insert(u);
      auto carry = carries_.find(f);
      std::string var = f->target->dyn<NameExpr>()->name;
      if (carry == carries_.end()) {
        // Iterations are independent: any order, recomputed one by one.
        emit(indent, "for " + var + " in " + text(f->iter.get()) + ":");
      } else {
        // Backwards, each iteration starting from its taped values.
        std::string start, stop, step, id = std::to_string(carry->second.id);
        if (!rangeParts(f, start, stop, step))
          continue;
        emit(indent, "for _ad_r" + id + " in range(_ad_T" + id + "):");
        emit(indent + 1, "_ad_k" + id + " = _ad_T" + id + " - 1 - _ad_r" + id);
        emit(indent + 1, var + " = " + start + " + _ad_k" + id + " * " + step);
        for (const Carried &c : carry->second.vars)
          emit(indent + 1, c.outer + " = _ad_tape" + id + "_" + c.outer +
                               "[_ad_k" + id + "]");
      }
      size_t head = body.size();
      forward(f->body, indent + 1, outerUpdates);
      declareAdjoints(f->body, indent + 1);
      if (carry != carries_.end())
        for (const Carried &c : carry->second.vars) {
          // The end value's adjoint comes from the later iterations (or
          // the code after the loop); the start value's is collected anew.
          if (c.isInt || !hasAdjoint(c.outer))
            continue;
          emit(indent + 1, "_ad_" + c.last + " = _ad_" + c.outer);
          emit(indent + 1, "_ad_" + c.outer + " = 0.0");
        }
      reverse(f->body, indent + 1);
      if (body.size() == head)
        emit(indent + 1, "pass");
    } else if (auto *i = s->dyn<IfStmt>()) {
      emit(indent, "if " + text(i->cond.get()) + ":");
      size_t head = body.size();
      reverse(i->body, indent + 1);
      if (body.size() == head)
        emit(indent + 1, "pass");
      if (!i->orelse.empty()) {
        emit(indent, "else:");
        head = body.size();
        reverse(i->orelse, indent + 1);
        if (body.size() == head)
          emit(indent + 1, "pass");
      }
    } else if (auto *r = s->dyn<ReturnStmt>()) {
      backprop(r->value.get(), "1.0", 0, indent);
    }
  }
}

void GradWriter::backprop(const Expr *e, const std::string &adjIn, int adjRank,
                          int indent) {
  Type t = fn.typeOf(e);
  if (!isFloat(t) || !ok)
    return; // integers, booleans and indices carry no derivative
  std::string adj = adjIn;
  if (t.isScalar() && adjRank > 0) {
    adj = "sum(" + adj + ")";
    adjRank = 0;
  }
  if (t.isArray() && adjRank > t.rank()) {
    fail(e->range, "broadcasting an array against one of higher rank is "
                   "not supported");
    return;
  }
  int rank = t.isArray() ? t.rank() : 0;
  auto sub = [&](const Expr *x, const std::string &a, int r) {
    backprop(x, a, std::max(r, adjRank), indent);
  };
  auto rankOf = [&](const Expr *x) {
    Type u = fn.typeOf(x);
    return u.isArray() ? u.rank() : 0;
  };
  if (auto *n = e->dyn<NameExpr>()) {
    auto r = readName.find(n);
    std::string name = r == readName.end() ? n->name : r->second;
    if (hasAdjoint(name))
      addTo("_ad_" + name, t, adj, adjRank, indent);
    return;
  }
  if (e->dyn<FloatLitExpr>() || e->dyn<IntLitExpr>())
    return;
  std::string a = tempFor(adj, indent);
  if (auto *u = e->dyn<UnaryExpr>()) {
    if (u->op == UnaryOp::Neg)
      sub(u->operand.get(), "-" + a, rank);
    else if (u->op == UnaryOp::Pos)
      sub(u->operand.get(), a, rank);
    return;
  }
  if (auto *b = e->dyn<BinaryExpr>()) {
    const Expr *x = b->lhs.get(), *y = b->rhs.get();
    std::string tx = text(x), ty = text(y);
    switch (b->op) {
    case BinaryOp::Add:
      sub(x, a, rankOf(y));
      sub(y, a, rankOf(x));
      return;
    case BinaryOp::Sub:
      sub(x, a, rankOf(y));
      sub(y, "-" + a, rankOf(x));
      return;
    case BinaryOp::Mul:
      sub(x, a + " * " + ty, rankOf(y));
      sub(y, a + " * " + tx, rankOf(x));
      return;
    case BinaryOp::Div:
      sub(x, a + " / " + ty, rankOf(y));
      sub(y, "-" + a + " * " + tx + " / (" + ty + " * " + ty + ")", rankOf(x));
      return;
    case BinaryOp::Pow:
      sub(x, a + " * " + ty + " * " + tx + " ** (" + ty + " - 1.0)", rankOf(y));
      if (isFloat(fn.typeOf(y)) && !y->dyn<FloatLitExpr>())
        sub(y, a + " * log(" + tx + ") * " + tx + " ** " + ty, rankOf(x));
      return;
    case BinaryOp::MatMul: {
      int rx = rankOf(x), ry = rankOf(y);
      if (rx == 2 && ry == 1) {
        sub(x, "outer(" + a + ", " + ty + ")", 2);
        // a @ X (= X^T a) walks X by rows, as the forward product did.
        sub(y, a + " @ " + tx, 1);
      } else if (rx == 1 && ry == 2) {
        sub(x, ty + " @ " + a, 1);
        sub(y, "outer(" + tx + ", " + a + ")", 2);
      } else if (rx == 2 && ry == 2) {
        sub(x, a + " @ transpose(" + ty + ")", 2);
        sub(y, "transpose(" + tx + ") @ " + a, 2);
      } else {
        sub(x, a + " * " + ty, 1);
        sub(y, a + " * " + tx, 1);
      }
      return;
    }
    default:
      fail(e->range, "this operator has no derivative here");
      return;
    }
  }
  if (auto *i = e->dyn<IfExpExpr>()) {
    std::string c = text(i->cond.get());
    sub(i->thenValue.get(), "(" + a + " if " + c + " else 0.0)", 0);
    sub(i->elseValue.get(), "(0.0 if " + c + " else " + a + ")", 0);
    if (rank > 0)
      fail(e->range, "a conditional expression on arrays is not supported");
    return;
  }
  if (auto *ix = e->dyn<IndexExpr>()) {
    auto *base = ix->base->dyn<NameExpr>();
    for (const ExprPtr &k : ix->indices)
      if (k->dyn<SliceExpr>() || !fn.typeOf(k.get()).isInt()) {
        fail(k->range, "only elements indexed by integers (x[i], x[i, j]) "
                       "are differentiated, not slices");
        return;
      }
    if (!base) {
      fail(e->range, "only elements of named arrays are differentiated");
      return;
    }
    auto r = readName.find(base);
    std::string name = r == readName.end() ? base->name : r->second;
    if (!hasAdjoint(name))
      return;
    std::string idx;
    for (const ExprPtr &k : ix->indices)
      idx += (idx.empty() ? "" : ", ") + text(k.get());
    emit(indent, "_ad_" + name + "[" + idx + "] += " + a);
    return;
  }
  if (auto *c = e->dyn<CallExpr>()) {
    backpropCall(c, a, adjRank, indent);
    return;
  }
  fail(e->range, "this expression is not differentiated yet");
}
void GradWriter::backpropCall(const CallExpr *c, const std::string &a,
                              int adjRank, int indent) {
  const Expr *e = c;
  int rank = rankOf(c);
  auto sub = [&](const Expr *x, const std::string &adj, int r) {
    backprop(x, adj, std::max(r, adjRank), indent);
  };
  auto *cn = c->callee->dyn<NameExpr>();
  if (cn && fn.calls.count(c) && !fn.vectorizedCalls.count(c)) {
    // A user function: the chain rule through its own gradient,
    // grad(g, argnums=<its f64 arguments>), generated in turn.
    const FunctionInstance *g = fn.calls.at(c);
    const std::vector<const Expr *> &bound = fn.callArgs.at(c);
    if (!(g->returnType.isScalar() && g->returnType.isFloat())) {
      fail(e->range, "calls of '" + cn->name + "', which returns " +
                         g->returnType.str() +
                         ", are not differentiated (only functions "
                         "returning one float are)");
      return;
    }
    std::vector<size_t> nums;
    for (size_t k = 0; k < bound.size(); ++k) {
      const Type &pt = g->paramTypes[k];
      if ((pt.isScalar() || pt.isArray()) &&
          pt.scalarKind() == ScalarKind::F64)
        nums.push_back(k);
    }
    if (nums.empty())
      return;
    std::string args, targets, numsText;
    for (const Expr *x : bound)
      args += (args.empty() ? "" : ", ") + text(x);
    std::vector<std::string> names;
    for (size_t k : nums) {
      names.push_back("_ad_t" + std::to_string(temps++));
      targets += (targets.empty() ? "" : ", ") + names.back();
      numsText += (numsText.empty() ? "" : ", ") + std::to_string(k);
    }
    if (nums.size() > 1)
      numsText = "(" + numsText + ")";
    emit(indent, targets + " = grad(" + cn->name + ", argnums=" + numsText +
                     ")(" + args + ")");
    for (size_t i = 0; i < nums.size(); ++i)
      sub(bound[nums[i]], a + " * " + names[i], rankOf(bound[nums[i]]));
    return;
  }
  if (!cn || fn.calls.count(c)) {
    fail(e->range, "this call is not differentiated");
    return;
  }
  const std::string &name = cn->name;
  std::optional<Builtin> b = lookupBuiltin(name);
  const Expr *x = c->args.empty() ? nullptr : c->args[0].get();
  std::string tx = x ? text(x) : "";
  int rx = x ? rankOf(x) : 0;
  if (b == Builtin::Float || b == Builtin::F64) {
    sub(x, a, rx);
  } else if (b == Builtin::Sin) {
    sub(x, a + " * cos(" + tx + ")", rx);
  } else if (b == Builtin::Cos) {
    sub(x, "-" + a + " * sin(" + tx + ")", rx);
  } else if (b == Builtin::Tan) {
    sub(x, a + " / (cos(" + tx + ") * cos(" + tx + "))", rx);
  } else if (b == Builtin::Exp) {
    sub(x, a + " * exp(" + tx + ")", rx);
  } else if (b == Builtin::Log) {
    sub(x, a + " / " + tx, rx);
  } else if (b == Builtin::Sqrt) {
    sub(x, a + " / (2.0 * sqrt(" + tx + "))", rx);
  } else if (b == Builtin::Tanh) {
    sub(x, a + " * (1.0 - tanh(" + tx + ") * tanh(" + tx + "))", rx);
  } else if (b == Builtin::Abs) {
    sub(x, a + " * where(" + tx + " >= 0.0, 1.0, -1.0)", rx);
  } else if (b == Builtin::Sum && c->args.size() == 1 &&
             c->keywords.empty()) {
    sub(x, a, 0);
  } else if (b == Builtin::Mean && c->args.size() == 1 &&
             c->keywords.empty()) {
    // The element count: that of an array of the argument's rank in it
    // (elementwise expressions keep the shape), else of the argument.
    std::string count;
    std::function<void(const Expr *)> find = [&](const Expr *y) {
      if (!count.empty() || !y)
        return;
      Type ty = fn.typeOf(y);
      if (y->dyn<NameExpr>() && ty.isArray() && ty.rank() == rx)
        count = y->dyn<NameExpr>()->name + ".size";
      else if (auto *b = y->dyn<BinaryExpr>();
               b && b->op != BinaryOp::MatMul) {
        find(b->lhs.get());
        find(b->rhs.get());
      } else if (auto *u = y->dyn<UnaryExpr>()) {
        find(u->operand.get());
      } else if (auto *cl = y->dyn<CallExpr>(); cl && !fn.calls.count(cl)) {
        auto *cn2 = cl->callee->dyn<NameExpr>();
        if (cn2 && !builtinIn(lookupBuiltin(cn2->name),
                              {Builtin::Sum, Builtin::Mean, Builtin::Dot,
                               Builtin::Max, Builtin::Min}))
          for (const ExprPtr &arg : cl->args)
            find(arg.get());
      }
    };
    find(x);
    if (count.empty()) {
      std::string t = "_ad_t" + std::to_string(temps++);
      emit(indent, t + " = " + tx);
      count = t + ".size";
    }
    sub(x, a + " / " + count, 0);
  } else if ((b == Builtin::Max || b == Builtin::Min) &&
             c->args.size() == 1 && rx > 0) {
    // The element(s) equal to the maximum (minimum) get the adjoint.
    sub(x, "where(" + tx + " == " + name + "(" + tx + "), " + a + ", 0.0)",
        rx);
  } else if ((b == Builtin::Max || b == Builtin::Min) &&
             c->args.size() == 2 && rank == 0) {
    std::string ty = text(c->args[1].get());
    std::string op = b == Builtin::Max ? " >= " : " <= ";
    sub(x, "(" + a + " if " + tx + op + ty + " else 0.0)", 0);
    sub(c->args[1].get(), "(0.0 if " + tx + op + ty + " else " + a + ")", 0);
  } else if (b == Builtin::Dot && c->args.size() == 2) {
    const Expr *y = c->args[1].get();
    sub(x, a + " * " + text(y), 1);
    sub(y, a + " * " + tx, 1);
  } else {
    fail(e->range, "'" + name + "' is not differentiated yet");
  }
  return;
}


bool GradWriter::run(std::string &out) {
  const FunctionDefStmt &def = *req.def;
  for (size_t i = 0; i < req.argnums.size(); ++i)
    diffParams[def.params[req.argnums[i]].name] = static_cast<int>(i);
  checkBlock(def.body, true, {});
  if (ok && (def.body.empty() || !def.body.back()->dyn<ReturnStmt>()))
    fail(def.nameRange, "the function must end with a return statement");
  if (!ok)
    return false;
  std::map<std::string, std::string> cur;
  for (const Param &p : def.params)
    cur[p.name] = version(p.name);
  rename(def.body, cur);
  if (!ok)
    return false;
  std::string params;
  for (const Param &p : def.params) {
    params += (params.empty() ? "" : ", ") + p.name;
    if (p.hasAnnotation) {
      size_t b = offsetOf(p.annotation.range.begin),
             e = offsetOf(p.annotation.range.end);
      params += ": " + file.text().substr(b, e - b);
    }
  }
  emit(0, "def " + req.name + "(" + params + "):");
  forward(def.body, 1, {});
  for (const auto &[name, k] : diffParams) {
    const Type &t = fn.paramTypes[req.argnums[k]];
    emit(1, "_ad_" + name + " = " + (t.isArray() ? name + " * 0.0" : "0.0"));
  }
  declareAdjoints(def.body, 1);
  reverse(def.body, 1);
  std::string result = req.withValue ? "_ad_val" : "";
  for (int k : req.argnums)
    result +=
        (result.empty() ? "" : ", ") + std::string("_ad_") + def.params[k].name;
  emit(1, "return " + result);
  if (!ok)
    return false;
  out += "\n" + body;
  return true;
}

} // namespace

bool generateGradient(const GradRequest &request, const SourceFile &file,
                      DiagnosticEngine &diags, std::string &out) {
  GradWriter w(request, file, diags);
  return w.run(out);
}

} // namespace weft
