//===- MLIRGenRandom.cpp - Typed AST to MLIR: random numbers --------------===//
//
// NumPy's and Python's random draws: numbers and arrays of them, the draw
// counter inlined in prange bodies (weft.iteration_draw, the formula of
// runtime/RandomFormula.h), NumPy's serial streams outside them.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace weft {

Value FunctionGen::serialDraws(Location l) {
  if (!rngSerial) {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(entryBlock);
    rngSerial = arith::CmpIOp::create(
        b, l, arith::CmpIPredicate::ne,
        weft::RngSerialOp::create(b, l, b.getI64Type()), i64(0, l));
  }
  return rngSerial;
}

Value FunctionGen::nextRandomBits(Location l, bool scalar) {
  auto slot = env.find("%rng");
  if (!rngLoopKey || slot == env.end())
    return scalar ? weft::RngBitsOp::create(b, l, b.getI64Type()).getResult()
                  : weft::RngStreamOp::create(b, l, b.getI64Type()).getResult();
  // The runtime's draw (weft_rt_rng_stream inside an iteration), inline.
  // With a constant draw number the inner hash is loop-invariant.
  Value k = slot->second;
  slot->second = arith::AddIOp::create(b, l, k, i64(1, l));
  return weft::IterationDrawOp::create(b, l, rngLoopKey, k, rngIteration);
}

Value FunctionGen::emitRandomBuiltin(const CallExpr *c, Builtin builtin,
                                     ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  int64_t ln = line(c->range);
  auto given = [&](size_t i) {
    return i < argExprs.size() && !fn.typeOf(argExprs[i]).isNone();
  };
  auto param = [&](size_t i, double fallback) {
    return given(i) ? convert(emitExpr(argExprs[i]).v(), ScalarKind::F64, l)
                    : constant(ScalarKind::F64, fallback, l);
  };
  auto nonNegative = [&](Value scale, const char *message) {
    Value neg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, scale,
                                      constant(ScalarKind::F64, 0.0, l));
    emitCheck(neg, message, ln, l);
  };
  // The parameters, evaluated once before any draw.
  Value lo, hi, loc, scale;
  size_t sizeAt = 0;
  switch (builtin) {
  case Builtin::Randint:
    // randint(high) draws from [0, high), as NumPy's.
    lo = given(1) ? convert(emitExpr(argExprs[0]).v(), ScalarKind::I64, l)
                  : i64(0, l);
    hi = convert(emitExpr(argExprs[given(1) ? 1 : 0]).v(), ScalarKind::I64, l);
    emitCheck(arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, hi, lo),
              "ValueError: randint(lo, hi) needs lo < hi", ln, l);
    sizeAt = 2;
    break;
  case Builtin::Uniform:
    lo = param(0, 0.0);
    hi = param(1, 1.0);
    sizeAt = 2;
    break;
  case Builtin::Normal:
    loc = param(0, 0.0);
    scale = param(1, 1.0);
    nonNegative(scale, "ValueError: normal() needs scale >= 0");
    sizeAt = 2;
    break;
  case Builtin::Exponential:
    scale = param(0, 1.0);
    nonNegative(scale, "ValueError: exponential() needs scale >= 0");
    sizeAt = 1;
    break;
  default: // rand, randn, random, standard_normal: the size first
    break;
  }
  bool normal = builtinIn(
      builtin, {Builtin::Randn, Builtin::Normal, Builtin::StandardNormal});
  // One value from the stream's bits (a number) or from element i of a
  // counter-based stream with key `key` (arrays).
  auto finish = [&](Value x) -> Value {
    if (builtin == Builtin::Uniform)
      return arith::AddFOp::create(
          b, l, lo,
          arith::MulFOp::create(b, l, arith::SubFOp::create(b, l, hi, lo), x));
    if (builtin == Builtin::Normal)
      return arith::AddFOp::create(b, l, loc,
                                   arith::MulFOp::create(b, l, scale, x));
    if (builtin == Builtin::Exponential) // -scale * log(1 - u)
      return arith::MulFOp::create(
          b, l, arith::NegFOp::create(b, l, scale),
          math::Log1pOp::create(b, l, arith::NegFOp::create(b, l, x)));
    return x;
  };
  auto draw = [&](Value key, Value i) -> Value {
    if (builtin == Builtin::Randint)
      return weft::RandintOp::create(
          b, l, weft::RandomBitsOp::create(b, l, key, i), lo, hi);
    if (normal)
      return finish(weft::NormalOp::create(b, l, key, i));
    return finish(weft::UniformOp::create(
        b, l, weft::RandomBitsOp::create(b, l, key, i)));
  };
  // Outside prange iterations a draw is NumPy's (its legacy generator, as
  // np.random.seed seeds it): exponential as NumPy's -log(1 - u) times
  // the scale.
  auto serialDraw = [&]() -> Value {
    if (builtin == Builtin::Randint)
      return weft::MtRandintOp::create(b, l, lo, hi);
    if (normal)
      return finish(weft::MtNormalOp::create(b, l, b.getF64Type()));
    Value u = weft::MtUniformOp::create(b, l, b.getF64Type());
    if (builtin != Builtin::Exponential)
      return finish(u);
    Value log = math::LogOp::create(
        b, l,
        arith::SubFOp::create(b, l, constant(ScalarKind::F64, 1.0, l), u));
    return arith::MulFOp::create(b, l, scale, arith::NegFOp::create(b, l, log));
  };
  // In a prange body draws are the iteration's (inline, or through the
  // runtime's iteration streams); in other code the runtime says which,
  // once per call: a function called from a prange body draws the
  // iteration's too.
  bool maybeSerial = !rngLoopKey && parallelDepth == 0;
  Value serial = maybeSerial ? serialDraws(l) : Value();
  if (!t.isArray()) {
    // Numbers use the stream's next bits (normal ones, a stream of one).
    auto counterDraw = [&]() -> Value {
      if (normal)
        return draw(nextRandomBits(l, false), i64(0, l));
      Value bits = nextRandomBits(l, true);
      if (builtin == Builtin::Randint)
        return weft::RandintOp::create(b, l, bits, lo, hi);
      return finish(weft::UniformOp::create(b, l, bits));
    };
    if (!maybeSerial)
      return counterDraw();
    mlir::Type type = builtin == Builtin::Randint ? mlir::Type(b.getI64Type())
                                                  : mlir::Type(b.getF64Type());
    auto ifOp = scf::IfOp::create(b, l, TypeRange{type}, serial,
                                  /*withElseRegion=*/true);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    scf::YieldOp::create(b, l, serialDraw());
    b.setInsertionPointToStart(ifOp.elseBlock());
    scf::YieldOp::create(b, l, counterDraw());
    b.setInsertionPointAfter(ifOp);
    return ifOp.getResult(0);
  }
  // rand(shape), rand(d0, d1, ...), or the size argument.
  SmallVector<Value, 4> sizes;
  if (builtinIn(builtin, {Builtin::Rand, Builtin::Randn}) &&
      argExprs.size() > 1) {
    Val dims;
    std::vector<weft::Type> types;
    for (const Expr *d : argExprs) {
      dims.parts.push_back(emitExpr(d).v());
      types.push_back(weft::Type::i64());
    }
    sizes = shapeSizes(dims, weft::Type::tuple(types), ln, l);
  } else {
    sizes = shapeSizes(emitExpr(argExprs[sizeAt]), fn.typeOf(argExprs[sizeAt]),
                       ln, l);
  }
  Value arr = allocArrayN(t.scalarKind(), sizes, l);
  auto counterFill = [&] {
    Value key = nextRandomBits(l, false);
    fillArray(arr, l, [&](ValueRange ivs) -> Value {
      // Row-major flat index: the counter of this element.
      Value flat = index(0, l);
      for (size_t d = 0; d < ivs.size(); ++d)
        flat = arith::AddIOp::create(
            b, l, arith::MulIOp::create(b, l, flat, sizes[d]), ivs[d]);
      return draw(key, arith::IndexCastOp::create(b, l, b.getI64Type(), flat));
    });
  };
  if (!maybeSerial) {
    counterFill();
    return arr;
  }
  auto ifOp = scf::IfOp::create(b, l, TypeRange{}, serial,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard g(b);
  // NumPy's order: one draw per element, row-major, in one serial nest
  // (uniform numbers: one runtime call over the new contiguous buffer).
  b.setInsertionPointToStart(ifOp.thenBlock());
  if (builtinIn(builtin, {Builtin::Rand, Builtin::Random})) {
    auto meta = memref::ExtractStridedMetadataOp::create(b, l, arr);
    Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, l, arr);
    Value first = arith::AddIOp::create(
        b, l, base, arith::MulIOp::create(b, l, meta.getOffset(), index(8, l)));
    Value count = index(1, l);
    for (Value n : sizes)
      count = arith::MulIOp::create(b, l, count, n);
    auto asI64 = [&](Value v) {
      return arith::IndexCastOp::create(b, l, b.getI64Type(), v);
    };
    weft::MtFillUniformOp::create(b, l, asI64(first), asI64(count));
    b.setInsertionPointToStart(ifOp.elseBlock());
    counterFill();
    b.setInsertionPointAfter(ifOp);
    return arr;
  }
  SmallVector<Value, 4> ivs;
  std::function<void(size_t)> nest = [&](size_t d) {
    if (d == sizes.size()) {
      memref::StoreOp::create(b, l, serialDraw(), arr, ivs);
      return;
    }
    auto loop = scf::ForOp::create(b, l, index(0, l), sizes[d], index(1, l));
    OpBuilder::InsertionGuard inner(b);
    b.setInsertionPointToStart(loop.getBody());
    ivs.push_back(loop.getInductionVar());
    nest(d + 1);
    ivs.pop_back();
  };
  nest(0);
  b.setInsertionPointToStart(ifOp.elseBlock());
  counterFill();
  b.setInsertionPointAfter(ifOp);
  return arr;
}

} // namespace weft
