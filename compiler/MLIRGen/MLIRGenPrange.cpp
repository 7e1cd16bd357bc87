//===- MLIRGenPrange.cpp - Typed AST to MLIR: parallel prange loops -------===//
//
// `for i in prange(...)` becomes an scf.parallel loop (OpenMP after
// lowering), as in Numba: the user promises that iterations are
// independent. Variables assigned only inside the body are private to an
// iteration; an outer variable may only be updated as a reduction
// (`s += x`, `s -= x`, `s *= x`, `s = min(s, x)`, `s = max(s, x)`), any
// other write to an outer variable is a compile error naming it. Runtime
// errors in the body are raised after the loop.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
/// The weft.parallel_for kind of a reduction.
ReductionKind reductionKind(Reduction r) {
  switch (r) {
  case Reduction::Mul:
    return ReductionKind::prod;
  case Reduction::Min:
    return ReductionKind::min;
  case Reduction::Max:
    return ReductionKind::max;
  default:
    return ReductionKind::sum;
  }
}
} // namespace

void FunctionGen::planParallelWrites(const ForStmt &s, const LoopPlan &plan,
                                     std::vector<ParallelReduction> &reds,
                                     std::vector<std::string> &privates) {
  // The plan names variables; tuples have one slot per element.
  std::set<std::string> writes;
  collectWrites(s.body, writes);
  for (const std::string &w : writes) {
    if (w.empty() || w[0] == '%' || !env.count(w))
      continue;
    std::string base = w.substr(0, w.find('#'));
    auto red = plan.reductions.find(base);
    if (red != plan.reductions.end())
      reds.push_back({w, red->second});
    else if (plan.privates.count(base))
      privates.push_back(w);
  }
}

void FunctionGen::reportParallelFor(const ForStmt &s,
                                    ArrayRef<ParallelReduction> reds,
                                    ArrayRef<std::string> privates) {
  std::string text = "prange loop: parallel (OpenMP)";
  const char *ops[] = {"", "+", "*", "min", "max"};
  if (!reds.empty()) {
    text += "; reductions:";
    for (const ParallelReduction &r : reds)
      text += " " + r.name + " (" + ops[static_cast<int>(r.kind)] + ")";
  }
  if (!privates.empty()) {
    text += "; private:";
    for (const std::string &p : privates)
      text += " " + p;
  }
  note(line(s.range), text);
}

void FunctionGen::emitParallelFor(const ForStmt &s, Value start, Value stop,
                                  Value step) {
  Location l = loc(s.range);
  std::string var = s.target->dyn<NameExpr>()->name;
  const LoopPlan &plan = fn.loopPlans.at(&s);
  bool automatic = plan.mode == LoopPlan::Mode::Automatic;
  std::vector<ParallelReduction> reds;
  std::vector<std::string> privates;
  planParallelWrites(s, plan, reds, privates);
  if (!automatic)
    reportParallelFor(s, reds, privates);

  // Trip count of range(start, stop, step) without overflow, kept below
  // 2**63 for scf.parallel's signed bounds (step != 0 was checked).
  Value trips =
      arith::MinUIOp::create(b, l, rangeLength(start, stop, step, l),
                             i64(std::numeric_limits<int64_t>::max(), l));

  // Random numbers drawn by an iteration are keyed by (this loop's stream,
  // iteration, draw number). Draws made only in the body itself are inline
  // (the draw number is the slot "%rng").
  Value rngKey;
  bool inlineRng = plan.draws == LoopPlan::Draws::Inline;
  if (plan.draws != LoopPlan::Draws::None)
    rngKey = nextRandomBits(l, /*scalar=*/false);
  Value savedLoopKey = rngLoopKey, savedIteration = rngIteration;
  // A complex sum is two float sums, of the real and imaginary parts.
  auto isComplex = [&](const ParallelReduction &r) {
    return isa<ComplexType>(env.at(r.name).getType());
  };
  SmallVector<Value> inits;
  SmallVector<Attribute> kinds;
  for (const ParallelReduction &r : reds) {
    Attribute kind =
        b.getStringAttr(stringifyReductionKind(reductionKind(r.kind)));
    if (isComplex(r)) {
      Value z = env.at(r.name);
      inits.push_back(complex::ReOp::create(b, l, z));
      inits.push_back(complex::ImOp::create(b, l, z));
      kinds.append({kind, kind});
      continue;
    }
    inits.push_back(env.at(r.name));
    kinds.push_back(kind);
  }
  auto savedEnv = env;
  auto par =
      weft::ParallelForOp::create(b, l, ValueRange(inits).getTypes(), trips,
                                  inits, b.getArrayAttr(kinds), automatic);
  {
    OpBuilder::InsertionGuard g(b);
    SmallVector<mlir::Type> argTypes{b.getI64Type()};
    for (Value v : inits)
      argTypes.push_back(v.getType());
    SmallVector<Location> locs(argTypes.size(), l);
    mlir::Block *body = b.createBlock(&par.getBody(), {}, argTypes, locs);
    Value iv = body->getArgument(0);
    env[var] = arith::AddIOp::create(b, l, start,
                                     arith::MulIOp::create(b, l, iv, step));
    if (inlineRng) {
      // weft_rt_rng_begin_iteration's state, inline.
      rngLoopKey = rngKey;
      rngIteration = iv;
      env["%rng"] = i64(0, l);
    } else if (rngKey) {
      weft::RngBeginIterationOp::create(b, l, rngKey, iv);
    }
    env["%cont"] = constant(ScalarKind::Bool, 0, l);
    // Each iteration starts its reduction variables from the identity (the
    // body's arguments) and its private variables from their values before
    // the loop (numbers) or their default values.
    for (size_t i = 0, arg = 1; i < reds.size(); ++i) {
      if (isComplex(reds[i])) {
        env[reds[i].name] = complex::CreateOp::create(
            b, l, env.at(reds[i].name).getType(), body->getArgument(arg),
            body->getArgument(arg + 1));
        arg += 2;
      } else {
        env[reds[i].name] = body->getArgument(arg++);
      }
    }
    for (const std::string &p : privates) {
      std::string base = p.substr(0, p.find('#'));
      weft::Type t = fn.locals.at(base);
      if (t.hasParts()) {
        std::vector<std::string> slots;
        slotNames(base, t, slots);
        Val d = defaultValue(t, l);
        for (size_t i = 0; i < slots.size(); ++i)
          if (slots[i] == p)
            env[p] = d.parts[i];
      } else if (auto outer = savedEnv.find(p);
                 outer != savedEnv.end() && !t.isArray()) {
        // A number set before the loop: each iteration starts from it.
        env[p] = outer->second;
      } else {
        env[p] = defaultValue(t, l).v();
      }
    }
    ++parallelDepth;
    ++tryCellsSuspended_; // the iterations' own values
    emitBlock(s.body);
    --tryCellsSuspended_;
    --parallelDepth;
    if (rngKey && !inlineRng)
      weft::RngEndIterationOp::create(b, l);
    rngLoopKey = savedLoopKey;
    rngIteration = savedIteration;
    // Arrays held by private variables die with the iteration.
    for (const std::string &p : privates)
      if (isArray(env.at(p)))
        weft::ReleaseOp::create(b, l, env.at(p));
    SmallVector<Value> parts;
    for (const ParallelReduction &r : reds) {
      Value v = env.at(r.name);
      if (isa<ComplexType>(v.getType())) {
        parts.push_back(complex::ReOp::create(b, l, v));
        parts.push_back(complex::ImOp::create(b, l, v));
      } else {
        parts.push_back(v);
      }
    }
    weft::ParallelYieldOp::create(b, l, parts);
  }
  env = savedEnv;
  for (size_t i = 0, k = 0; i < reds.size(); ++i) {
    if (isComplex(reds[i])) {
      env[reds[i].name] =
          complex::CreateOp::create(b, l, env.at(reds[i].name).getType(),
                                    par.getResult(k), par.getResult(k + 1));
      k += 2;
    } else {
      env[reds[i].name] = par.getResult(k++);
    }
  }
}
} // namespace weft
