//===- GradTransform.cpp - Reverse-mode differentiation of a function -----===//
//
// Implements generateGradient (GradTransform.h). The gradient function is
// built as AST: f's statements (the forward pass), then adjoint variables
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
#include "frontend/GradWriter.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace weft {

namespace grad {

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
    else if (auto *t = s->dyn<IfStmt>(); t && t->isTry)
      fail(s->range, "try statements are not supported (the derivative "
                     "of a block an error may cut short); test the "
                     "condition with if");
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

bool GradWriter::rangeParts(const ForStmt *f, RangeParts &parts) {
  auto *c = f->iter->dyn<CallExpr>();
  size_t n = c ? c->args.size() : 0;
  if (n < 1 || n > 3 || !c->keywords.empty()) {
    fail(f->iter->range, "a loop that carries a value needs range(stop), "
                         "range(start, stop) or range(start, stop, step)");
    return false;
  }
  if (n == 3) {
    const Expr *st = c->args[2].get();
    if (!st->dyn<IntLitExpr>() || st->dyn<IntLitExpr>()->value <= 0) {
      fail(st->range, "a loop that carries a value needs a positive "
                      "integer literal step");
      return false;
    }
  }
  parts.start = n == 1 ? b.i64(0) : copy(c->args[0].get());
  parts.stop = copy(c->args[n == 1 ? 0 : 1].get());
  parts.step = n == 3 ? copy(c->args[2].get()) : b.i64(1);
  return true;
}

void GradWriter::forward(const Block &block,
                         const std::set<std::string> &skipUpdates) {
  for (const StmtPtr &sp : block) {
    const Stmt *s = sp.get();
    At at(b, s->range);
    if (s->dyn<AssignStmt>() || s->dyn<AnnAssignStmt>()) {
      const Expr *value = s->dyn<AssignStmt>()
                              ? s->dyn<AssignStmt>()->value.get()
                              : s->dyn<AnnAssignStmt>()->value.get();
      emit(b.assign(b.name(defName.at(s)), copy(value)));
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      if (skipUpdates.count(a->target->dyn<NameExpr>()->name))
        continue;
      static const BinaryOp supported[] = {BinaryOp::Add,      BinaryOp::Sub,
                                           BinaryOp::Mul,      BinaryOp::Div,
                                           BinaryOp::FloorDiv, BinaryOp::Mod};
      if (std::find(std::begin(supported), std::end(supported), a->op) ==
          std::end(supported)) {
        fail(s->range, "this update operator is not supported");
        continue;
      }
      emit(b.update(b.name(defName.at(s)), a->op, copy(a->value.get())));
    } else if (auto *f = s->dyn<ForStmt>()) {
      forwardLoop(f, skipUpdates);
    } else if (auto *i = s->dyn<IfStmt>()) {
      emitIf(
          i->cond.get(), !i->orelse.empty(),
          [&] { forward(i->body, skipUpdates); },
          [&] { forward(i->orelse, skipUpdates); });
    } else if (auto *r = s->dyn<ReturnStmt>()) {
      emit(b.assign(b.name("_ad_val"), copy(r->value.get())));
    }
    // print, pass and other expression statements are not repeated.
  }
}

void GradWriter::forwardLoop(const ForStmt *f,
                             const std::set<std::string> &skipUpdates) {
  auto carry = carries_.find(f);
  std::string var = f->target->dyn<NameExpr>()->name;
  auto loop = b.loop(var, copy(f->iter.get()));
  if (carry != carries_.end()) {
    // The values carried into each iteration are taped:
    // _ad_T<id> iterations, _ad_k<id> the iteration's number.
    RangeParts r;
    if (!rangeParts(f, r))
      return;
    std::string id = std::to_string(carry->second.id);
    std::string count = "_ad_T" + id, k = "_ad_k" + id;
    auto clone = [](const ExprPtr &x) { return cloneExpr(x.get()); };
    ExprPtr span = b.sub(
        b.add(b.sub(clone(r.stop), clone(r.start)), clone(r.step)), b.i64(1));
    emit(b.assign(b.name(count),
                  b.call("max", args(b.i64(0), b.binary(BinaryOp::FloorDiv,
                                                        std::move(span),
                                                        clone(r.step))))));
    for (const Carried &c : carry->second.vars) {
      std::vector<KeywordArg> kw;
      if (c.isInt)
        kw.push_back(b.keyword("dtype", b.name("i64")));
      emit(b.assign(b.name("_ad_tape" + id + "_" + c.outer),
                    b.call("zeros", args(b.name(count)), std::move(kw))));
    }
    loop->body.push_back(
        b.assign(b.name(k),
                 b.binary(BinaryOp::FloorDiv,
                          b.sub(b.name(var), clone(r.start)), clone(r.step))));
    for (const Carried &c : carry->second.vars)
      loop->body.push_back(b.assign(
          b.index(b.name("_ad_tape" + id + "_" + c.outer), args(b.name(k))),
          b.name(c.outer)));
  }
  into(loop->body, [&] { forward(f->body, skipUpdates); });
  if (carry != carries_.end())
    for (const Carried &c : carry->second.vars)
      loop->body.push_back(b.assign(b.name(c.outer), b.name(c.last)));
  if (!loop->body.empty()) // else nothing to recompute
    emit(std::move(loop));
}

void GradWriter::declareAdjoints(const Block &block) {
  std::set<std::string> names;
  std::function<void(const Block &)> collect = [&](const Block &blk) {
    for (const StmtPtr &s : blk) {
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
  for (const std::string &n : names)
    if (hasAdjoint(n))
      emit(b.assign(b.name("_ad_" + n), typeOfLocal(n).isArray()
                                            ? b.mul(b.name(n), b.f64(0.0))
                                            : b.f64(0.0)));
}

void GradWriter::reverse(const Block &block) {
  for (auto it = block.rbegin(); it != block.rend(); ++it) {
    const Stmt *s = it->get();
    At at(b, s->range);
    if (s->dyn<AssignStmt>() || s->dyn<AnnAssignStmt>()) {
      const Expr *value = s->dyn<AssignStmt>()
                              ? s->dyn<AssignStmt>()->value.get()
                              : s->dyn<AnnAssignStmt>()->value.get();
      std::string n = defName.at(s);
      if (hasAdjoint(n))
        backprop(value, b.name("_ad_" + n),
                 typeOfLocal(n).isArray() ? typeOfLocal(n).rank() : 0);
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      std::string n = defName.at(s);
      if (!hasAdjoint(n))
        continue;
      int rank = typeOfLocal(n).isArray() ? typeOfLocal(n).rank() : 0;
      ExprPtr adj = b.name("_ad_" + n);
      if (a->op == BinaryOp::Sub)
        adj = b.neg(std::move(adj));
      backprop(a->value.get(), std::move(adj), rank);
    } else if (auto *f = s->dyn<ForStmt>()) {
      reverseLoop(f);
    } else if (auto *i = s->dyn<IfStmt>()) {
      emitIf(
          i->cond.get(), !i->orelse.empty(), [&] { reverse(i->body); },
          [&] { reverse(i->orelse); });
    } else if (auto *r = s->dyn<ReturnStmt>()) {
      backprop(r->value.get(), b.f64(1.0), 0);
    }
  }
}

void GradWriter::reverseLoop(const ForStmt *f) {
  // Recompute the iteration (without the accumulations into values from
  // outside the loop), then its adjoint.
  Effects fx;
  effectsOf(f, fx);
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
  std::unique_ptr<ForStmt> loop;
  if (carry == carries_.end()) {
    // Iterations are independent: any order, recomputed one by one.
    loop = b.loop(var, copy(f->iter.get()));
  } else {
    // Backwards, each iteration starting from its taped values.
    RangeParts r;
    if (!rangeParts(f, r))
      return;
    std::string id = std::to_string(carry->second.id);
    std::string count = "_ad_T" + id, k = "_ad_k" + id, rev = "_ad_r" + id;
    loop = b.loop(rev, b.call("range", args(b.name(count))));
    loop->body.push_back(b.assign(
        b.name(k), b.sub(b.sub(b.name(count), b.i64(1)), b.name(rev))));
    loop->body.push_back(
        b.assign(b.name(var), b.add(std::move(r.start),
                                    b.mul(b.name(k), std::move(r.step)))));
    for (const Carried &c : carry->second.vars)
      loop->body.push_back(b.assign(
          b.name(c.outer),
          b.index(b.name("_ad_tape" + id + "_" + c.outer), args(b.name(k)))));
  }
  into(loop->body, [&] {
    forward(f->body, outerUpdates);
    declareAdjoints(f->body);
    if (carry != carries_.end())
      for (const Carried &c : carry->second.vars) {
        // The end value's adjoint comes from the later iterations (or the
        // code after the loop); the start value's is collected anew.
        if (c.isInt || !hasAdjoint(c.outer))
          continue;
        emit(b.assign(b.name("_ad_" + c.last), b.name("_ad_" + c.outer)));
        emit(b.assign(b.name("_ad_" + c.outer), b.f64(0.0)));
      }
    reverse(f->body);
  });
  if (loop->body.empty())
    loop->body.push_back(b.pass());
  emit(std::move(loop));
}

std::unique_ptr<FunctionDefStmt> GradWriter::run() {
  const FunctionDefStmt &def = *req.def;
  for (size_t i = 0; i < req.argnums.size(); ++i)
    diffParams[def.params[req.argnums[i]].name] = static_cast<int>(i);
  checkBlock(def.body, true, {});
  if (ok && (def.body.empty() || !def.body.back()->dyn<ReturnStmt>()))
    fail(def.nameRange, "the function must end with a return statement");
  if (!ok)
    return nullptr;
  std::map<std::string, std::string> cur;
  for (const Param &p : def.params)
    cur[p.name] = version(p.name);
  rename(def.body, cur);
  if (!ok)
    return nullptr;
  // def <name>(f's parameters): forward pass, adjoints, return.
  auto g = std::make_unique<FunctionDefStmt>(def.range);
  g->name = req.name;
  g->nameRange = def.nameRange;
  // f's @jit/@njit options (fastmath, boundscheck, parallel) hold for its
  // gradient too; the gradient runs on the CPU (no target=).
  for (const ExprPtr &d : def.decorators) {
    auto *call = d->dyn<CallExpr>();
    auto *dn = (call ? call->callee.get() : d.get())->dyn<NameExpr>();
    if (!dn || (dn->name != "jit" && dn->name != "njit"))
      continue;
    ExprPtr copyOfD = cloneExpr(d.get());
    if (auto *c = copyOfD->dyn<CallExpr>())
      c->keywords.erase(std::remove_if(c->keywords.begin(), c->keywords.end(),
                                       [](const KeywordArg &k) {
                                         return k.name == "target";
                                       }),
                        c->keywords.end());
    g->decorators.push_back(std::move(copyOfD));
  }
  for (const Param &p : def.params)
    g->params.push_back({p.name, p.range, p.hasAnnotation, p.annotation,
                         cloneExpr(p.defaultValue.get())});
  At at(b, def.range);
  into(g->body, [&] {
    forward(def.body, {});
    for (const auto &[name, k] : diffParams) {
      const Type &t = fn.paramTypes[req.argnums[k]];
      emit(b.assign(b.name("_ad_" + name), t.isArray()
                                               ? b.mul(b.name(name), b.f64(0.0))
                                               : b.f64(0.0)));
    }
    declareAdjoints(def.body);
    reverse(def.body);
    std::vector<ExprPtr> results;
    if (req.withValue)
      results.push_back(b.name("_ad_val"));
    for (int k : req.argnums)
      results.push_back(b.name("_ad_" + def.params[k].name));
    emit(b.ret(results.size() == 1 ? std::move(results[0])
                                   : b.tuple(std::move(results))));
  });
  if (!ok)
    return nullptr;
  return g;
}

} // namespace grad

bool generateGradient(const GradRequest &request, const SourceFile &file,
                      DiagnosticEngine &diags, Block &out) {
  grad::GradWriter w(request, file, diags);
  std::unique_ptr<FunctionDefStmt> g = w.run();
  if (!g)
    return false;
  out.push_back(std::move(g));
  return true;
}

} // namespace weft
