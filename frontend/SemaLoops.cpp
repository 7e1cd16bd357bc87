//===- SemaLoops.cpp - How each for loop of a function runs ---------------===//
//
// After type checking, decides for every `for` loop whether it runs
// serially, as a parallel prange, or in parallel because its iterations are
// proven independent; for the parallel ones, which variables iterations
// combine (reductions) and which are private, with the errors and warnings
// a prange body earns. MLIRGen only follows the plan.
//
//===----------------------------------------------------------------------===//
#include "frontend/LoopAnalysis.h"
#include "frontend/SemaImpl.h"
#include "frontend/VersionRebindings.h"

namespace weft {
namespace sema {
namespace {

/// Whether `block`, the body of a loop, leaves it: `break` outside inner
/// loops, or `return`.
bool leavesLoop(const Block &block, bool inner = false) {
  for (const StmtPtr &s : block) {
    if (s->kind == StmtKind::Return || (s->kind == StmtKind::Break && !inner))
      return true;
    if (auto *i = s->dyn<IfStmt>()) {
      if (leavesLoop(i->body, inner) || leavesLoop(i->orelse, inner))
        return true;
    } else if (auto *f = s->dyn<ForStmt>()) {
      if (leavesLoop(f->body, true))
        return true;
    } else if (auto *w = s->dyn<WhileStmt>()) {
      if (leavesLoop(w->body, true))
        return true;
    }
  }
  return false;
}

class LoopPlanner {
public:
  LoopPlanner(FunctionInstance &fn, bool sessionBody, DiagnosticEngine &diags)
      : fn(fn), sessionBody(sessionBody), diags(diags) {}

  void planBlock(const Block &block, int parallelDepth) {
    for (const StmtPtr &s : block) {
      switch (s->kind) {
      case StmtKind::If: {
        auto &i = static_cast<const IfStmt &>(*s);
        planBlock(i.body, parallelDepth);
        planBlock(i.orelse, parallelDepth);
        break;
      }
      case StmtKind::While:
        planBlock(static_cast<const WhileStmt &>(*s).body, parallelDepth);
        break;
      case StmtKind::For: {
        auto &f = static_cast<const ForStmt &>(*s);
        LoopPlan &plan = fn.loopPlans[&f];
        plan = planLoop(f, parallelDepth);
        planBlock(f.body,
                  parallelDepth + (plan.mode != LoopPlan::Mode::Serial));
        break;
      }
      default:
        break;
      }
    }
  }

private:
  FunctionInstance &fn;
  bool sessionBody;
  DiagnosticEngine &diags;

  /// Whether `body` holds a try statement, at any depth.
  static bool containsTry(const Block &body) {
    for (const StmtPtr &st : body) {
      if (auto *i = st->dyn<IfStmt>()) {
        if (i->isTry || containsTry(i->body) || containsTry(i->orelse))
          return true;
      } else if (auto *f = st->dyn<ForStmt>()) {
        if (containsTry(f->body))
          return true;
      } else if (auto *w = st->dyn<WhileStmt>()) {
        if (containsTry(w->body))
          return true;
      }
    }
    return false;
  }

  LoopPlan planLoop(const ForStmt &s, int parallelDepth) {
    LoopPlan plan;
    auto *call = s.iter->dyn<CallExpr>();
    bool prange = call && call->callee->dyn<NameExpr>() &&
                  fn.builtinOf(call) == Builtin::Prange;
    bool parallel = fn.options.parallel && parallelDepth == 0;
    // Numba's prange without parallel=True is a range: no promise.
    bool promised = !fn.options.pythonLists || fn.options.parallelGiven;
    std::string grown = prange && parallel && promised && fn.options.pythonLists
                            ? outerListGrown(s)
                            : "";
    if ((prange || parallel) && containsTry(s.body)) {
      // A try statement's except block runs on the thread that raised,
      // in the order of the iterations; its variables are the loop's.
      plan.report = std::string(prange ? "prange" : "for") +
                    " loop: serial (a try statement in its body)";
    } else if (prange && parallel && promised && fn.options.pythonLists &&
               leavesLoop(s.body)) {
      // Numba runs a prange it cannot parallelize (a break or a return
      // in its body) as a range, with a warning.
      plan.report = "prange loop: serial (a break or return leaves it, as "
                    "Numba runs it)";
    } else if (!grown.empty()) {
      // Numba's iterations append to a shared list in no fixed order;
      // in order is one of those orders (a list does not grow in
      // parallel here).
      plan.report = "prange loop: serial (its iterations append to the "
                    "list '" +
                    withoutVersionSuffixes(grown) + "')";
    } else if (prange && parallel && promised) {
      plan.mode = LoopPlan::Mode::Prange;
      std::string arrayReduction;
      classifyWrites(s, plan, &arrayReduction);
      plan.draws = randomDraws(s);
      warnDependences(s);
      if (!arrayReduction.empty()) {
        // Numba's array reductions (`a += x` on an outer array in every
        // iteration): the iterations run in order, one of the orders a
        // parallel loop may take, and the array is updated in place.
        plan = LoopPlan();
        plan.report = "prange loop: serial (its iterations reduce into the "
                      "array '" +
                      arrayReduction + "')";
      }
    } else if (prange && !parallel) {
      plan.report = parallelDepth ? "prange loop: serial (nested in a "
                                    "parallel loop)"
                                  : "prange loop: serial (parallel=False)";
    } else if (parallel) {
      // A range loop, or a prange without parallel=True.
      std::string why;
      if (loops::loopIsIndependent(fn, s, sessionBody, why)) {
        plan.mode = LoopPlan::Mode::Automatic;
        classifyWrites(s, plan);
        plan.draws = randomDraws(s);
      } else {
        plan.report = prange ? "prange loop: serial (a range without "
                               "parallel=True, as in Numba; " +
                                   why + ")"
                             : "for loop: serial (" + why + ")";
      }
    } else {
      plan.report = parallelDepth ? "for loop: serial (inside a parallel "
                                    "loop)"
                                  : "for loop: serial (parallel=False)";
    }
    return plan;
  }

  /// A list of the function the loop's body grows (`out.append(x)`, which
  /// desugarListMethods wrote `out = weft.list_append(out, x)`), or "".
  std::string outerListGrown(const ForStmt &s) {
    std::multiset<std::string> outside;
    loops::namesInBlock(*fn.body, &s.body, outside);
    std::string found;
    forEachStmtIn(s.body, [&](const Stmt &st) {
      auto *a = st.dyn<AssignStmt>();
      auto *t = a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                            : nullptr;
      auto *c = t ? a->value->dyn<CallExpr>() : nullptr;
      auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
      if (f && found.empty() && outside.count(t->name) &&
          (f->name.rfind("weft.list_", 0) == 0 ||
           f->name.rfind("weft.row_", 0) == 0))
        found = t->name;
    });
    return found;
  }

  /// Where the iterations of a parallel loop draw random numbers.
  LoopPlan::Draws randomDraws(const ForStmt &s) {
    std::set<const FunctionInstance *> seen{&fn};
    if (!loops::drawsRandom(s.body, fn, seen))
      return LoopPlan::Draws::None;
    std::set<const FunctionInstance *> seenCalls{&fn};
    return loops::drawsRandom(s.body, fn, seenCalls, 0, /*direct=*/false)
               ? LoopPlan::Draws::Runtime
               : LoopPlan::Draws::Inline;
  }

  /// Which variables the body writes are reductions and which private;
  /// errors for the other writes.
  void classifyWrites(const ForStmt &s, LoopPlan &plan,
                      std::string *arrayReduction = nullptr) {
    const std::string &var = s.target->dyn<NameExpr>()->name;
    std::multiset<std::string> outside, inside;
    loops::namesInBlock(*fn.body, &s.body, outside);
    loops::namesInBlock(s.body, nullptr, inside);
    // A session entry keeps every variable of its script body for later
    // entries: all of them are used after the loop.
    if (sessionBody)
      for (const auto &[name, type] : fn.locals)
        outside.insert(name);
    std::vector<const Expr *> targets;
    std::vector<const ForStmt *> fors;
    collectAssigned(s.body, targets, fors);
    std::vector<const NameExpr *> names;
    for (const Expr *t : targets)
      namesOfTarget(t, names);
    std::set<std::string> writes;
    for (const NameExpr *n : names)
      writes.insert(n->name);
    if (leavesLoop(s.body))
      diags.error(s.range, "break and return are not allowed in a prange "
                           "loop; iterations run in parallel and in any "
                           "order");
    for (const std::string &name : writes) {
      auto local = fn.locals.find(name);
      if (name == var || local == fn.locals.end())
        continue;
      // Private: not used outside, or assigned first in every iteration
      // and not read after the loop before it is assigned again (a name
      // reused after the loop, as Numba allows).
      if (!outside.count(name) ||
          (!sessionBody && loops::assignedBeforeRead(s.body, name) &&
           !loops::usedAfterLoop(*fn.body, s, name))) {
        plan.privates.insert(name);
        continue;
      }
      loops::ReductionUse scan = loops::scanReduction(fn, s.body, name);
      const Stmt *at = loops::firstWrite(s.body, name);
      SourceRange r = at ? at->range : s.range;
      const Type &t = local->second;
      if (t.isArray() && arrayReduction && scan.ok &&
          scan.kind != Reduction::None &&
          static_cast<int>(inside.count(name)) == scan.accounted) {
        *arrayReduction = name;
        continue;
      }
      if (!t.isScalar() || t.isBool()) {
        diags.error(r, "prange loop writes '" + name +
                           "', which is used outside the loop; only "
                           "reductions (" +
                           name + " += ...) may write outer variables");
        continue;
      }
      bool reduction = scan.ok && scan.kind != Reduction::None &&
                       static_cast<int>(inside.count(name)) == scan.accounted;
      // A scratch number set before the loop and in the iterations that
      // use it, never read after the loop (acoular's `h = 0.0` before a
      // prange whose iterations reset it under `if st2:`): private, each
      // iteration starting from the value before the loop, as Numba's
      // parfor passes it in.
      if (!reduction && !sessionBody &&
          loops::writtenBeforeEachRead(s.body, name) &&
          !loops::usedAfterLoop(*fn.body, s, name)) {
        plan.privates.insert(name);
        continue;
      }
      if (!reduction) {
        diags.error(scan.ok ? r : scan.where,
                    "prange loop writes '" + name +
                        "', which is used outside the loop, in a way that "
                        "is not a reduction; only " +
                        name + " += <expr>, " + name + " -= <expr>, " + name +
                        " *= <expr> (or " + name + " = " + name +
                        " + <expr> and the like), " + name + " = min(" + name +
                        ", <expr>) and " + name + " = max(" + name +
                        ", <expr>) may update it (and nothing else in the "
                        "loop may read it)");
        continue;
      }
      if (t.isComplex() && scan.kind != Reduction::Add) {
        diags.error(r, "prange loop multiplies the complex number '" + name +
                           "', which Weft does not do yet (complex sums "
                           "work); reduce a product in a range loop");
        continue;
      }
      plan.reductions[name] = scan.kind;
    }
  }

  /// A prange is the program's promise; a dependence the compiler can see
  /// is worth a warning (the loop still runs in parallel, as in Numba).
  void warnDependences(const ForStmt &s) {
    const std::string &var = s.target->dyn<NameExpr>()->name;
    auto offset = [&](int64_t k) {
      return var + (k > 0   ? " + " + std::to_string(k)
                    : k < 0 ? " - " + std::to_string(-k)
                            : std::string());
    };
    for (const loops::Dependence &d : loops::findDependences(s.body, var))
      diags.warning(d.readRange,
                    "prange iterations are not independent: '" + d.array +
                        "' is written at row " + offset(d.writeOffset) +
                        " and read at row " + offset(d.readOffset) +
                        " by another iteration; use range for an ordered "
                        "loop");
  }
};

} // namespace

void planLoops(FunctionInstance &fn, bool sessionBody,
               DiagnosticEngine &diags) {
  fn.loopPlans.clear();
  LoopPlanner(fn, sessionBody, diags).planBlock(*fn.body, 0);
}

} // namespace sema
} // namespace weft
