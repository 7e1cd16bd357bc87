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

} // namespace grad

bool generateGradient(const GradRequest &request, const SourceFile &file,
                      DiagnosticEngine &diags, std::string &out) {
  grad::GradWriter w(request, file, diags);
  return w.run(out);
}

} // namespace weft
