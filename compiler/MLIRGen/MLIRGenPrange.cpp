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

/// The value a reduction starts from in each iteration: 0, 1, or the
/// largest (min) or smallest (max) value of `type`.
Value reductionIdentity(OpBuilder &b, Location l, Reduction kind,
                        mlir::Type type) {
  double inf = std::numeric_limits<double>::infinity();
  bool isF = isa<FloatType>(type);
  auto number = [&](double f, llvm::APInt i) -> Value {
    return isF ? arith::ConstantOp::create(b, l, b.getFloatAttr(type, f))
                     .getResult()
               : arith::ConstantOp::create(b, l, b.getIntegerAttr(type, i))
                     .getResult();
  };
  unsigned w = type.getIntOrFloatBitWidth();
  switch (kind) {
  case Reduction::Mul:
    return number(1, llvm::APInt(w, 1));
  case Reduction::Min:
    return number(inf, llvm::APInt::getSignedMaxValue(w));
  case Reduction::Max:
    return number(-inf, llvm::APInt::getSignedMinValue(w));
  case Reduction::Add:
  case Reduction::None:
    break;
  }
  return number(0, llvm::APInt(w, 0));
}

/// Two partial results of a reduction combined.
Value combineReduction(OpBuilder &b, Location l, Reduction kind, Value x,
                       Value y) {
  bool isF = isa<FloatType>(x.getType());
  switch (kind) {
  case Reduction::Add:
    return isF ? arith::AddFOp::create(b, l, x, y).getResult()
               : arith::AddIOp::create(b, l, x, y).getResult();
  case Reduction::Mul:
    return isF ? arith::MulFOp::create(b, l, x, y).getResult()
               : arith::MulIOp::create(b, l, x, y).getResult();
  default:
    break;
  }
  // compare + select: the form convert-scf-to-openmp turns into an OpenMP
  // min/max reduction.
  bool mn = kind == Reduction::Min;
  Value pick = isF ? arith::CmpFOp::create(b, l,
                                           mn ? arith::CmpFPredicate::OLT
                                              : arith::CmpFPredicate::OGT,
                                           x, y)
                         .getResult()
                   : arith::CmpIOp::create(b, l,
                                           mn ? arith::CmpIPredicate::slt
                                              : arith::CmpIPredicate::sgt,
                                           x, y)
                         .getResult();
  return arith::SelectOp::create(b, l, pick, x, y);
}

/// A float min or max reduction runs on an integer key of the same order
/// (the float's bits with the lower ones flipped for negative values,
/// -0.0 below +0.0), and a flag of whether a NaN was seen: an integer
/// min/max is exact in any order and OpenMP's identities for it are
/// right (for floats it starts from the largest finite value, so inf
/// came out as 1.8e308), and the flag makes a NaN the result on any
/// number of threads (a float compare-and-select kept or lost it by the
/// order of the partial results).
bool keyedReduction(Reduction kind, mlir::Type t) {
  return isa<FloatType>(t) &&
         (kind == Reduction::Min || kind == Reduction::Max);
}

/// The order key of a float (the same function maps a key back).
Value orderKey(OpBuilder &b, Location l, Value bits) {
  auto it = cast<IntegerType>(bits.getType());
  unsigned w = it.getWidth();
  Value sign = arith::ShRSIOp::create(
      b, l, bits, arith::ConstantOp::create(b, l, b.getIntegerAttr(it, w - 1)));
  Value low = arith::ConstantOp::create(
      b, l, b.getIntegerAttr(it, llvm::APInt::getSignedMaxValue(w)));
  return arith::XOrIOp::create(b, l, bits,
                               arith::AndIOp::create(b, l, sign, low));
}

/// The key of `v` (its NaNs as `identity`) and the NaN flag (i32).
std::pair<Value, Value> keyOf(OpBuilder &b, Location l, Value v,
                              Value identity) {
  auto ft = cast<FloatType>(v.getType());
  Value isNan = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, v, v);
  Value clean = arith::SelectOp::create(b, l, isNan, identity, v);
  Value bits =
      arith::BitcastOp::create(b, l, b.getIntegerType(ft.getWidth()), clean);
  return {orderKey(b, l, bits),
          arith::ExtUIOp::create(b, l, b.getI32Type(), isNan)};
}

/// What the loop carries for the reductions' current values: each value
/// (a key for a float min/max), then the NaN flags of the keyed ones.
SmallVector<Value> carriedValues(OpBuilder &b, Location l,
                                 const std::vector<ParallelReduction> &reds,
                                 const std::map<std::string, Value> &env) {
  SmallVector<Value> values, flags;
  for (const ParallelReduction &r : reds) {
    Value v = env.at(r.name);
    if (!keyedReduction(r.kind, v.getType())) {
      values.push_back(v);
      continue;
    }
    auto [key, flag] =
        keyOf(b, l, v, reductionIdentity(b, l, r.kind, v.getType()));
    values.push_back(key);
    flags.push_back(flag);
  }
  values.append(flags.begin(), flags.end());
  return values;
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
  SmallVector<Value> inits = carriedValues(b, l, reds, env);
  auto savedEnv = env;
  Value tripCount = toIndex(trips, l);
  auto par = scf::ParallelOp::create(b, l, ValueRange{index(0, l)},
                                     ValueRange{tripCount},
                                     ValueRange{index(1, l)}, inits);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(par.getBody());
    // A loop the compiler proved independent (not a prange, which the
    // program asks for) is parallel from weft-choose-parallel-nests's
    // threshold of iterations on.
    if (automatic && reds.empty())
      weft::ParallelWorkOp::create(b, l, tripCount);
    Value iv = arith::IndexCastOp::create(b, l, b.getI64Type(),
                                          par.getInductionVars()[0]);
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
    env["%zdiv"] = i64(-1, l); // no failed zero-divisor check
    auto savedChecks = std::move(deferredChecks_);
    deferredChecks_.clear();
    // Each iteration starts its reduction variables from the identity and
    // its private variables from their default values.
    for (const ParallelReduction &r : reds) {
      env[r.name] = reductionIdentity(b, l, r.kind, env.at(r.name).getType());
    }
    for (const std::string &p : privates) {
      std::string base = p.substr(0, p.find('#'));
      weft::Type t = fn.locals.at(base);
      if (t.isTuple()) {
        std::vector<std::string> slots;
        slotNames(base, t, slots);
        Val d = defaultValue(t, l);
        for (size_t i = 0; i < slots.size(); ++i)
          if (slots[i] == p)
            env[p] = d.parts[i];
      } else {
        env[p] = defaultValue(t, l).v();
      }
    }
    emitInterruptCheck(s.body, false, line(s.range), l);
    ++parallelDepth;
    emitBlock(s.body);
    --parallelDepth;
    emitDeferredChecks(l);
    deferredChecks_ = std::move(savedChecks);
    if (rngKey && !inlineRng)
      weft::RngEndIterationOp::create(b, l);
    rngLoopKey = savedLoopKey;
    rngIteration = savedIteration;
    // Arrays held by private variables die with the iteration.
    for (const std::string &p : privates)
      if (isArray(env.at(p)))
        weft::ReleaseOp::create(b, l, env.at(p));
    SmallVector<Value> parts = carriedValues(b, l, reds, env);
    // Without reductions the loop already ends with an empty scf.reduce.
    auto reduce = reds.empty()
                      ? cast<scf::ReduceOp>(par.getBody()->getTerminator())
                      : scf::ReduceOp::create(b, l, parts);
    for (size_t i = 0; i < parts.size(); ++i) {
      mlir::Block &blk = reduce.getReductions()[i].front();
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(&blk);
      Value c = i < reds.size()
                    ? combineReduction(b, l, reds[i].kind, blk.getArgument(0),
                                       blk.getArgument(1))
                    : arith::OrIOp::create(b, l, blk.getArgument(0),
                                           blk.getArgument(1))
                          .getResult();
      scf::ReduceReturnOp::create(b, l, c);
    }
  }
  env = savedEnv;
  size_t flag = reds.size();
  for (size_t i = 0; i < reds.size(); ++i) {
    mlir::Type t = env.at(reds[i].name).getType();
    if (!keyedReduction(reds[i].kind, t)) {
      env[reds[i].name] = par.getResult(i);
      continue;
    }
    Value v =
        arith::BitcastOp::create(b, l, t, orderKey(b, l, par.getResult(i)));
    Value sawNan = arith::CmpIOp::create(
        b, l, arith::CmpIPredicate::ne, par.getResult(flag++),
        arith::ConstantIntOp::create(b, l, 0, 32));
    Value nan = arith::ConstantOp::create(
        b, l,
        b.getFloatAttr(
            t, llvm::APFloat::getQNaN(cast<FloatType>(t).getFloatSemantics())));
    env[reds[i].name] = arith::SelectOp::create(b, l, sawNan, nan, v);
  }
  // Errors raised by iterations (on any thread) surface here.
  weft::RaiseRecordedOp::create(b, l);
}

} // namespace weft
