//===- MLIRGenComprehension.cpp - Typed AST to MLIR: list comprehensions --===//
//
// `[elt for x in range(...) or a 1-D array]` as an array: the count of the
// iterable, then a serial loop storing each value of `elt` (with `if c`,
// the kept ones at the front, and a view of them). When `elt` is
// an array, the first one (made before the loop, if there is one) fixes
// the shape of the result, and every later one must have that shape
// (NumPy's ValueError for an inhomogeneous list). Arrays made inside an
// iteration are released in it; the prange division flag is carried.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
/// The env slots a comprehension's body may update: the first failed
/// zero-divisor check of a prange iteration, and the iteration's draw
/// counter of inlined random numbers (each element draws anew). Unused
/// loop results fold away.
std::vector<std::string> carriedSlots(const std::map<std::string, Value> &env) {
  std::vector<std::string> out;
  for (const char *slot : {"%zdiv", "%rng"})
    if (env.count(slot))
      out.push_back(slot);
  return out;
}

SmallVector<Value> slotValues(const std::map<std::string, Value> &env,
                              const std::vector<std::string> &slots) {
  SmallVector<Value> vs;
  for (const std::string &c : slots)
    vs.push_back(env.at(c));
  return vs;
}
} // namespace

FunctionGen::CompIteration
FunctionGen::emitCompIteration(const ListCompExpr *lc) {
  Location l = loc(lc->range);
  ScalarKind varKind =
      fn.locals.at(lc->target->dyn<NameExpr>()->name).scalarKind();
  CompIteration it;
  if (fn.typeOf(lc->iter.get()).isArray()) {
    Value seq = emitExpr(lc->iter.get()).v();
    it.count = dim(seq, 0, l);
    it.varAt = [this, seq, varKind, l](Value i) {
      return convert(memref::LoadOp::create(b, l, seq, ValueRange{i}), varKind,
                     l);
    };
    return it;
  }
  Value start, stop, step;
  emitRangeBounds(lc->iter->dyn<CallExpr>(), line(lc->range), l, start, stop,
                  step);
  it.count = rangeLength(start, stop, step, l);
  it.varAt = [this, start, step, l](Value i) -> Value {
    Value k64 = arith::IndexCastOp::create(b, l, b.getI64Type(), i);
    return arith::AddIOp::create(b, l, start,
                                 arith::MulIOp::create(b, l, k64, step));
  };
  return it;
}

void FunctionGen::emitCompLoop(const ListCompExpr *lc, const CompIteration &it,
                               Value from, Value n,
                               const std::function<void(Value)> &body) {
  Location l = loc(lc->range);
  std::vector<std::string> carried = carriedSlots(env);
  auto envBefore = env;
  auto forOp =
      scf::ForOp::create(b, l, from, n, index(1, l), slotValues(env, carried));
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(forOp.getBody());
    for (size_t c = 0; c < carried.size(); ++c)
      env[carried[c]] = forOp.getRegionIterArgs()[c];
    env[lc->target->dyn<NameExpr>()->name] = it.varAt(forOp.getInductionVar());
    size_t mark = temps_.size();
    body(forOp.getInductionVar());
    releaseTemps(mark, l);
    if (!carried.empty())
      scf::YieldOp::create(b, l, slotValues(env, carried));
  }
  env = envBefore;
  for (size_t c = 0; c < carried.size(); ++c)
    env[carried[c]] = forOp.getResult(c);
}

Val FunctionGen::emitListComp(const ListCompExpr *lc) {
  CompIteration it = emitCompIteration(lc);
  if (lc->cond)
    return emitFilteredComp(lc, it);
  if (!fn.typeOf(lc->elt.get()).isScalar())
    return emitCompOfArrays(lc, it);
  Location l = loc(lc->range);
  ScalarKind k = fn.typeOf(lc).scalarKind();
  Value n = it.count;
  Value out = allocArray(k, n, l);
  emitCompLoop(lc, it, index(0, l), n, [&](Value i) {
    Value x = convert(emitScalar(lc->elt.get()), k, l);
    memref::StoreOp::create(b, l, x, out, ValueRange{i});
  });
  return Val(out);
}

Val FunctionGen::emitFilteredComp(const ListCompExpr *lc,
                                  const CompIteration &it) {
  // The kept values at the front of an array of the iteration count, and
  // a view of them.
  Location l = loc(lc->range);
  ScalarKind k = fn.typeOf(lc).scalarKind();
  std::vector<std::string> carried = carriedSlots(env);
  auto envBefore = env;
  Value n = it.count;
  Value out = allocArray(k, n, l);
  SmallVector<Value> inits = slotValues(env, carried);
  inits.push_back(index(0, l));
  auto forOp = scf::ForOp::create(b, l, index(0, l), n, index(1, l), inits);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(forOp.getBody());
    for (size_t c = 0; c < carried.size(); ++c)
      env[carried[c]] = forOp.getRegionIterArgs()[c];
    Value kept = forOp.getRegionIterArgs().back();
    env[lc->target->dyn<NameExpr>()->name] = it.varAt(forOp.getInductionVar());
    size_t mark = temps_.size();
    Value keep = truthy(emitScalar(lc->cond.get()), l);
    SmallVector<mlir::Type> types;
    for (Value v : slotValues(env, carried))
      types.push_back(v.getType());
    auto ifOp = scf::IfOp::create(b, l, types, keep, true);
    {
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      auto before = env;
      Value x = convert(emitScalarInRegion(lc->elt.get(), l), k, l);
      memref::StoreOp::create(b, l, x, out, ValueRange{kept});
      // With no carried values the builder made the yields.
      if (!types.empty())
        scf::YieldOp::create(b, l, slotValues(env, carried));
      env = before;
      b.setInsertionPointToStart(&ifOp.getElseRegion().front());
      if (!types.empty())
        scf::YieldOp::create(b, l, slotValues(env, carried));
    }
    for (size_t c = 0; c < carried.size(); ++c)
      env[carried[c]] = ifOp.getResult(c);
    releaseTemps(mark, l);
    SmallVector<Value> yields = slotValues(env, carried);
    yields.push_back(arith::AddIOp::create(
        b, l, kept,
        arith::SelectOp::create(b, l, keep, index(1, l), index(0, l))));
    scf::YieldOp::create(b, l, yields);
  }
  env = envBefore;
  for (size_t c = 0; c < carried.size(); ++c)
    env[carried[c]] = forOp.getResult(c);
  // A view of the buffer (one reference count): `out` stays the
  // statement's temporary.
  return Val(makeView(out, k, index(0, l),
                      ValueRange{forOp.getResults().back()},
                      ValueRange{index(1, l)}, l));
}

Val FunctionGen::emitCompOfArrays(const ListCompExpr *lc,
                                  const CompIteration &it) {
  // Element i of the result is the array made at iteration i; the first
  // one, if any, fixes the shape.
  Location l = loc(lc->range);
  int64_t ln = line(lc->range);
  weft::Type t = fn.typeOf(lc);
  ScalarKind k = t.scalarKind();
  int64_t rank = fn.typeOf(lc->elt.get()).rank();
  Value n = toIndex(it.count, l);
  auto copyInto = [&](Value out, Value i, Value e) {
    ArrayMeta em = arrayMeta(e, l);
    SmallVector<Value, 4> common;
    Value differ = constant(ScalarKind::Bool, 0, l);
    for (int64_t d = 0; d < rank; ++d) {
      Value want = dim(out, d + 1, l);
      Value have = dim(e, d, l);
      differ = arith::OrIOp::create(
          b, l, differ,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, want, have));
      common.push_back(
          arith::MinUIOp::create(b, l, toIndex(want, l), em.sizes[d]));
    }
    emitCheck(differ,
              "ValueError: setting an array element with a sequence. The "
              "requested array has an inhomogeneous shape after 1 dimensions",
              ln, l);
    emitLoopNest(common, l, [&](ValueRange ivs) {
      SmallVector<Value, 4> at{i};
      at.append(ivs.begin(), ivs.end());
      Value x = convert(memref::LoadOp::create(b, l, e, ivs), k, l);
      memref::StoreOp::create(b, l, x, out, at);
    });
  };
  std::vector<std::string> carried = carriedSlots(env);
  auto envBefore = env;
  Value nonEmpty =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n, index(0, l));
  SmallVector<mlir::Type> resultTypes{toMLIR(t)};
  for (Value v : slotValues(env, carried))
    resultTypes.push_back(v.getType());
  auto first = scf::IfOp::create(b, l, resultTypes, nonEmpty, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&first.getThenRegion().front());
    env[lc->target->dyn<NameExpr>()->name] = it.varAt(index(0, l));
    size_t mark = temps_.size();
    Value e0 = emitExpr(lc->elt.get()).v();
    SmallVector<Value, 4> sizes{n};
    ArrayMeta em = arrayMeta(e0, l);
    sizes.append(em.sizes.begin(), em.sizes.end());
    Value out = allocArrayN(k, sizes, l);
    temps_.pop_back(); // yielded; owned after the if
    copyInto(out, index(0, l), e0);
    releaseTemps(mark, l);
    SmallVector<Value> yields{out};
    yields.append(slotValues(env, carried));
    scf::YieldOp::create(b, l, yields);
    env = envBefore;
    b.setInsertionPointToStart(&first.getElseRegion().front());
    SmallVector<Value, 4> none(rank + 1, index(0, l));
    Value empty = allocArrayN(k, none, l);
    temps_.pop_back();
    SmallVector<Value> emptyYields{empty};
    emptyYields.append(slotValues(env, carried));
    scf::YieldOp::create(b, l, emptyYields);
  }
  for (size_t c = 0; c < carried.size(); ++c)
    env[carried[c]] = first.getResult(c + 1);
  Value out = first.getResult(0);
  addTemp(out);
  emitCompLoop(lc, it, index(1, l), n,
               [&](Value i) { copyInto(out, i, emitExpr(lc->elt.get()).v()); });
  return Val(out);
}

} // namespace weft
