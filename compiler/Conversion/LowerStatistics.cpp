//===- LowerStatistics.cpp - NumPy's searching and order statistics -------===//
//
// Implements weft-lower-statistics (see Passes.td): searchsorted, digitize,
// unique, quantile (median, percentile) and histogram as loops over memref.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>

namespace weft {
#define GEN_PASS_DEF_LOWERSTATISTICS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

Value idx(ImplicitLocOpBuilder &b, int64_t v) {
  return arith::ConstantIndexOp::create(b, v);
}

Value flag(ImplicitLocOpBuilder &b, bool v) {
  return arith::ConstantIntOp::create(b, v, 1);
}

Value negate(ImplicitLocOpBuilder &b, Value c) {
  return arith::XOrIOp::create(b, c, flag(b, true));
}

Value floatConst(ImplicitLocOpBuilder &b, Type t, double v) {
  return arith::ConstantOp::create(b, b.getFloatAttr(t, v));
}

Value cmpF(ImplicitLocOpBuilder &b, arith::CmpFPredicate p, Value x, Value y) {
  return arith::CmpFOp::create(b, p, x, y);
}

/// Element `i` (an index) of the 1-D `array`, as `type`.
Value loadAs(ImplicitLocOpBuilder &b, Value array, ValueRange at, Type type) {
  return weft::castNumber(b, memref::LoadOp::create(b, array, at), type);
}

/// NumPy's sort order: `p` before `q`, NaN after every number.
Value before(ImplicitLocOpBuilder &b, Value p, Value q) {
  if (!isa<FloatType>(p.getType()))
    return arith::CmpIOp::create(b, arith::CmpIPredicate::slt, p, q);
  Value lt = cmpF(b, arith::CmpFPredicate::OLT, p, q);
  Value qNan = cmpF(b, arith::CmpFPredicate::UNO, q, q);
  Value pNum = cmpF(b, arith::CmpFPredicate::ORD, p, p);
  return arith::OrIOp::create(b, lt, arith::AndIOp::create(b, qNan, pNum));
}

/// The insertion point (i64) of `x` in the `n` elements of the sorted 1-D
/// `sorted`: the first position whose element is not before `x` (left),
/// or that `x` is before (right).
Value insertionPoint(ImplicitLocOpBuilder &b, Value sorted, Value n, Value x,
                     bool right) {
  Type it = b.getIndexType();
  auto loop =
      scf::WhileOp::create(b, TypeRange{it, it}, ValueRange{idx(b, 0), n});
  {
    OpBuilder::InsertionGuard g(b);
    Block *cond = b.createBlock(&loop.getBefore(), {}, {it, it},
                                {b.getLoc(), b.getLoc()});
    Value more =
        arith::CmpIOp::create(b, arith::CmpIPredicate::ult,
                              cond->getArgument(0), cond->getArgument(1));
    scf::ConditionOp::create(b, more, cond->getArguments());
    Block *body =
        b.createBlock(&loop.getAfter(), {}, {it, it}, {b.getLoc(), b.getLoc()});
    Value lo = body->getArgument(0), hi = body->getArgument(1);
    Value mid =
        arith::ShRUIOp::create(b, arith::AddIOp::create(b, lo, hi), idx(b, 1));
    Value y = loadAs(b, sorted, mid, x.getType());
    Value goRight = right ? negate(b, before(b, x, y)) : before(b, y, x);
    Value next = arith::AddIOp::create(b, mid, idx(b, 1));
    scf::YieldOp::create(
        b, ValueRange{arith::SelectOp::create(b, goRight, next, lo),
                      arith::SelectOp::create(b, goRight, hi, mid)});
  }
  return arith::IndexCastOp::create(b, b.getI64Type(), loop.getResult(0));
}

/// `fn` of a number `values`, or a new i64 array of `fn` of each element.
Value perValue(ImplicitLocOpBuilder &b, Value values, Type resultType,
               function_ref<Value(Value)> fn) {
  auto vt = dyn_cast<MemRefType>(values.getType());
  if (!vt)
    return fn(values);
  SmallVector<Value, 4> sizes = weft::sizesOf(b, values);
  Value out = weft::allocArray(b, cast<MemRefType>(resultType), sizes);
  weft::buildArrayNest(b, sizes, /*serial=*/true, /*gpu=*/false,
                       [&](ValueRange ivs) {
                         Value x = memref::LoadOp::create(b, values, ivs);
                         memref::StoreOp::create(b, fn(x), out, ivs);
                       });
  return out;
}

void lower(weft::SearchSortedOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value sorted = op.getSorted();
  Type compare = op.getCompare();
  Value n = memref::DimOp::create(b, sorted, 0);
  Value r = perValue(b, op.getValues(), op.getType(), [&](Value x) {
    return insertionPoint(b, sorted, n, weft::castNumber(b, x, compare),
                          op.getRight());
  });
  op.getResult().replaceAllUsesWith(r);
  op.erase();
}

void lower(weft::DigitizeOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value bins = op.getBins();
  Type compare = op.getCompare();
  Value n = memref::DimOp::create(b, bins, 0);
  Value one = idx(b, 1);
  Value atLeastOne = arith::MaxUIOp::create(b, n, one);
  // Monotonic either way, else NumPy's ValueError.
  auto scan = scf::ForOp::create(b, one, atLeastOne, one,
                                 ValueRange{flag(b, true), flag(b, true)});
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(scan.getBody());
    Value i = scan.getInductionVar();
    Value prev =
        loadAs(b, bins, arith::SubIOp::create(b, i, one).getResult(), compare);
    Value cur = loadAs(b, bins, i, compare);
    ValueRange acc = scan.getRegionIterArgs();
    scf::YieldOp::create(
        b,
        ValueRange{
            arith::AndIOp::create(b, acc[0], negate(b, before(b, cur, prev))),
            arith::AndIOp::create(b, acc[1], negate(b, before(b, prev, cur)))});
  }
  Value increasing = scan.getResult(0);
  weft::failIf(
      b, negate(b, arith::OrIOp::create(b, increasing, scan.getResult(1))),
      "ValueError: bins must be monotonically increasing or decreasing",
      op.getLine());
  // Decreasing bins: n - the position in the reversed bins.
  Value decreasing = negate(b, increasing);
  auto md = memref::ExtractStridedMetadataOp::create(b, bins);
  Type elem = cast<MemRefType>(bins.getType()).getElementType();
  MemRefType viewType = weft::stridedType(elem, 1);
  Value stride = md.getStrides()[0];
  Value last = arith::SubIOp::create(b, atLeastOne, one);
  Value forward = memref::ReinterpretCastOp::create(
      b, viewType, md.getBaseBuffer(), md.getOffset(), ValueRange{n},
      ValueRange{stride});
  Value reversed = memref::ReinterpretCastOp::create(
      b, viewType, md.getBaseBuffer(),
      arith::AddIOp::create(b, md.getOffset(),
                            arith::MulIOp::create(b, last, stride)),
      ValueRange{n},
      ValueRange{arith::SubIOp::create(b, idx(b, 0), stride).getResult()});
  Value sorted = arith::SelectOp::create(b, decreasing, reversed, forward);
  Value n64 = arith::IndexCastOp::create(b, b.getI64Type(), n);
  Value r = perValue(b, op.getValues(), op.getType(), [&](Value x) {
    Value p = insertionPoint(b, sorted, n, weft::castNumber(b, x, compare),
                             /*right=*/!op.getRight());
    return arith::SelectOp::create(b, decreasing,
                                   arith::SubIOp::create(b, n64, p), p)
        .getResult();
  });
  op.getResult().replaceAllUsesWith(r);
  op.erase();
}

/// A contiguous 1-D copy of every element of `array` in row-major order,
/// sorted (NaNs last); `n` is set to its length. Release it after use.
Value sortedCopy(ImplicitLocOpBuilder &b, Value array, Value &n) {
  SmallVector<Value, 4> sizes = weft::sizesOf(b, array);
  n = weft::productOf(b, sizes);
  Type elem = cast<MemRefType>(array.getType()).getElementType();
  Value flat = weft::allocArray(b, weft::stridedType(elem, 1), ValueRange{n});
  weft::buildArrayNest(
      b, sizes, /*serial=*/true, /*gpu=*/false, [&](ValueRange ivs) {
        Value at = idx(b, 0);
        for (size_t d = 0; d < ivs.size(); ++d)
          at = arith::AddIOp::create(b, arith::MulIOp::create(b, at, sizes[d]),
                                     ivs[d]);
        memref::StoreOp::create(b, memref::LoadOp::create(b, array, ivs), flat,
                                at);
      });
  weft::SortOp::create(b, flat);
  return flat;
}

void lower(weft::UniqueOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value n;
  Value sorted = sortedCopy(b, op.getArray(), n);
  Value zero = idx(b, 0), one = idx(b, 1);
  // Element i is new when it differs from element i - 1 (NaNs equal each
  // other: NumPy's equal_nan=True).
  auto isNew = [&](Value i) -> Value {
    Value x = memref::LoadOp::create(b, sorted, i);
    Value y = memref::LoadOp::create(
        b, sorted, arith::SubIOp::create(b, i, one).getResult());
    if (!isa<FloatType>(x.getType())) {
      Value wx = weft::castNumber(b, x, b.getI64Type());
      Value wy = weft::castNumber(b, y, b.getI64Type());
      return arith::CmpIOp::create(b, arith::CmpIPredicate::ne, wx, wy);
    }
    Value bothNan =
        arith::AndIOp::create(b, cmpF(b, arith::CmpFPredicate::UNO, x, x),
                              cmpF(b, arith::CmpFPredicate::UNO, y, y));
    return arith::AndIOp::create(b, cmpF(b, arith::CmpFPredicate::UNE, x, y),
                                 negate(b, bothNan));
  };
  // One pass counting (`out` null) or copying the new elements.
  auto pass = [&](Value init, Value out) -> Value {
    auto loop = scf::ForOp::create(b, one, arith::MaxUIOp::create(b, n, one),
                                   one, ValueRange{init});
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    Value i = loop.getInductionVar(), at = loop.getRegionIterArgs()[0];
    Value fresh = isNew(i);
    if (out) {
      auto ifOp = scf::IfOp::create(b, TypeRange{}, fresh, false);
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      memref::StoreOp::create(b, memref::LoadOp::create(b, sorted, i), out, at);
    }
    scf::YieldOp::create(
        b, arith::AddIOp::create(b, at,
                                 arith::SelectOp::create(b, fresh, one, zero))
               .getResult());
    return loop.getResult(0);
  };
  Value nonEmpty = arith::CmpIOp::create(b, arith::CmpIPredicate::ne, n, zero);
  Value first = arith::SelectOp::create(b, nonEmpty, one, zero);
  Value count = pass(first, {});
  auto resultType = cast<MemRefType>(op.getResult().getType());
  Value out = weft::allocArray(b, resultType, ValueRange{count});
  auto ifOp = scf::IfOp::create(b, TypeRange{}, nonEmpty, false);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    memref::StoreOp::create(b, memref::LoadOp::create(b, sorted, zero), out,
                            zero);
  }
  pass(first, out);
  weft::ReleaseOp::create(b, sorted);
  op.getResult().replaceAllUsesWith(out);
  op.erase();
}

void lower(weft::QuantileOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Type ft = op.getType();
  Value q = op.getQ();
  if (!op.getMedian()) {
    double top = op.getPercent() ? 100 : 1;
    Value outside = arith::OrIOp::create(
        b, cmpF(b, arith::CmpFPredicate::ULT, q, floatConst(b, ft, 0)),
        cmpF(b, arith::CmpFPredicate::UGT, q, floatConst(b, ft, top)));
    weft::failIf(b, outside,
                 op.getPercent()
                     ? "ValueError: Percentiles must be in the range [0, 100]"
                     : "ValueError: Quantiles must be in the range [0, 1]",
                 op.getLine());
    if (op.getPercent())
      q = arith::DivFOp::create(b, q, floatConst(b, ft, 100));
  } else {
    q = floatConst(b, ft, 0.5);
  }
  Value n;
  Value flat = sortedCopy(b, op.getArray(), n);
  Value zero = idx(b, 0), one = idx(b, 1);
  // The virtual index q * (n - 1); an empty array gives NaN (NumPy warns)
  // and indices stay in bounds.
  Value last = arith::SubIOp::create(b, arith::MaxUIOp::create(b, n, one), one);
  Value lastF = arith::UIToFPOp::create(
      b, ft, arith::IndexCastUIOp::create(b, b.getI64Type(), last));
  Value vi = arith::MulFOp::create(b, q, lastF);
  Value below = math::FloorOp::create(b, vi);
  Value gamma = arith::SubFOp::create(b, vi, below);
  Value lo = arith::MinUIOp::create(
      b,
      arith::IndexCastUIOp::create(
          b, b.getIndexType(),
          arith::FPToUIOp::create(b, b.getI64Type(), below)),
      last);
  Value hi = arith::MinUIOp::create(b, arith::AddIOp::create(b, lo, one), last);
  Value empty = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, n, zero);
  auto at = [&](Value i) -> Value {
    return loadAs(b, flat,
                  arith::SelectOp::create(b, empty, zero, i).getResult(), ft);
  };
  // NumPy's _lerp: a + (b - a) * t, or b - (b - a) * (1 - t) for t >= 0.5.
  Value x = at(lo), y = at(hi);
  Value span = arith::SubFOp::create(b, y, x);
  Value up = arith::AddFOp::create(b, x, arith::MulFOp::create(b, span, gamma));
  Value down = arith::SubFOp::create(
      b, y,
      arith::MulFOp::create(
          b, span, arith::SubFOp::create(b, floatConst(b, ft, 1), gamma)));
  Value r = arith::SelectOp::create(
      b, cmpF(b, arith::CmpFPredicate::OGE, gamma, floatConst(b, ft, 0.5)),
      down, up);
  if (op.getMedian()) { // the middle element, or the mean of two
    Value middle =
        cmpF(b, arith::CmpFPredicate::OEQ, gamma, floatConst(b, ft, 0));
    Value sum = arith::AddFOp::create(b, x, y);
    r = arith::SelectOp::create(
        b, middle, x, arith::MulFOp::create(b, sum, floatConst(b, ft, 0.5)));
  }
  // NaN when the array is empty or holds a NaN (sorted last).
  Value lastValue = at(last);
  Value hasNan = cmpF(b, arith::CmpFPredicate::UNO, lastValue, lastValue);
  weft::ReleaseOp::create(b, flat);
  r = arith::SelectOp::create(
      b, arith::OrIOp::create(b, empty, hasNan),
      floatConst(b, ft, std::numeric_limits<double>::quiet_NaN()), r);
  op.getResult().replaceAllUsesWith(r);
  op.erase();
}

void lower(weft::HistogramOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  int64_t line = op.getLine();
  Value data = op.getArray();
  auto edgesType = cast<MemRefType>(op.getEdges().getType());
  auto countsType = cast<MemRefType>(op.getCounts().getType());
  Type ek = edgesType.getElementType(), ck = countsType.getElementType();
  SmallVector<Value, 4> sizes = weft::sizesOf(b, data);
  Type i64 = b.getI64Type();
  Value zero = arith::ConstantIntOp::create(b, 0, 64);
  Value one = arith::ConstantIntOp::create(b, 1, 64);
  Value bins = op.getBins();
  weft::failIf(b,
               arith::CmpIOp::create(b, arith::CmpIPredicate::sle, bins, zero),
               "ValueError: `bins` must be positive, when an integer", line);
  bins = arith::MaxSIOp::create(b, bins, one); // safe after the check
  Value weights = op.getWeights();
  if (weights) {
    SmallVector<Value, 4> ws = weft::sizesOf(b, weights);
    Value differ = flag(b, false);
    for (size_t d = 0; d < sizes.size(); ++d)
      differ = arith::OrIOp::create(
          b, differ,
          arith::CmpIOp::create(b, arith::CmpIPredicate::ne, sizes[d], ws[d]));
    weft::failIf(b, differ,
                 "ValueError: weights should have the same shape as a.", line);
  }
  // The range: given, or the data's min and max (NaN if any is NaN, as
  // a.min() gives), (0, 1) for no data; a ValueError unless finite.
  Value lo = op.getLow(), hi = op.getHigh();
  if (lo) {
    weft::failIf(b, cmpF(b, arith::CmpFPredicate::OGT, lo, hi),
                 "ValueError: max must be larger than min in range parameter.",
                 line);
  } else {
    // Two slots, made once at the start of the function (or parallel
    // loop body): in a loop's blocks an alloca would grow the stack on
    // every iteration.
    Operation *scope =
        op->getParentWithTrait<OpTrait::AutomaticAllocationScope>();
    while (isa<scf::ForOp, scf::ForallOp>(scope))
      scope = scope->getParentWithTrait<OpTrait::AutomaticAllocationScope>();
    Value slots;
    {
      OpBuilder::InsertionGuard g(b);
      for (Region &region : scope->getRegions())
        if (region.isAncestor(op->getParentRegion()))
          b.setInsertionPointToStart(&region.front());
      slots = memref::AllocaOp::create(b, MemRefType::get({2}, ek));
    }
    Value first = idx(b, 0), second = idx(b, 1);
    Value empty = arith::CmpIOp::create(b, arith::CmpIPredicate::eq,
                                        weft::productOf(b, sizes), idx(b, 0));
    memref::StoreOp::create(
        b,
        arith::SelectOp::create(b, empty, floatConst(b, ek, 0),
                                floatConst(b, ek, INFINITY)),
        slots, first);
    memref::StoreOp::create(
        b,
        arith::SelectOp::create(b, empty, floatConst(b, ek, 1),
                                floatConst(b, ek, -INFINITY)),
        slots, second);
    weft::buildArrayNest(
        b, sizes, /*serial=*/true, /*gpu=*/false, [&](ValueRange ivs) {
          Value x = loadAs(b, data, ivs, ek);
          Value nan = cmpF(b, arith::CmpFPredicate::UNO, x, x);
          for (auto [slot, pred] :
               {std::pair{first, arith::CmpFPredicate::OLT},
                std::pair{second, arith::CmpFPredicate::OGT}}) {
            Value cur = memref::LoadOp::create(b, slots, slot);
            Value take = arith::OrIOp::create(b, nan, cmpF(b, pred, x, cur));
            // Once NaN, stays NaN (a comparison with it is false).
            memref::StoreOp::create(b, arith::SelectOp::create(b, take, x, cur),
                                    slots, slot);
          }
        });
    lo = memref::LoadOp::create(b, slots, first);
    hi = memref::LoadOp::create(b, slots, second);
  }
  auto finite = [&](Value x) {
    return cmpF(b, arith::CmpFPredicate::OEQ, arith::SubFOp::create(b, x, x),
                floatConst(b, ek, 0));
  };
  weft::failIf(b, negate(b, arith::AndIOp::create(b, finite(lo), finite(hi))),
               op.getLow() ? "ValueError: supplied range is not finite"
                           : "ValueError: autodetected range is not finite",
               line);
  Value same = cmpF(b, arith::CmpFPredicate::OEQ, lo, hi);
  Value half = floatConst(b, ek, 0.5);
  lo = arith::SelectOp::create(b, same, arith::SubFOp::create(b, lo, half), lo);
  hi = arith::SelectOp::create(b, same, arith::AddFOp::create(b, hi, half), hi);
  // Edges as linspace(lo, hi, bins + 1): j * step + lo, the last one hi.
  Value nb = arith::IndexCastOp::create(b, b.getIndexType(), bins);
  Value binsF = weft::castNumber(b, bins, ek);
  Value span = arith::SubFOp::create(b, hi, lo);
  Value step = arith::DivFOp::create(b, span, binsF);
  Value edgeSize = arith::AddIOp::create(b, nb, idx(b, 1));
  Value edges =
      weft::allocCheckedArray(b, edgesType, ValueRange{edgeSize}, line);
  Value edgeCount = memref::DimOp::create(b, edges, 0);
  weft::buildArrayNest(
      b, ValueRange{edgeCount}, /*serial=*/true, /*gpu=*/false,
      [&](ValueRange ivs) {
        Value j = arith::IndexCastOp::create(b, i64, ivs[0]);
        Value e = arith::AddFOp::create(
            b, arith::MulFOp::create(b, weft::castNumber(b, j, ek), step), lo);
        Value isLast =
            arith::CmpIOp::create(b, arith::CmpIPredicate::eq, ivs[0], nb);
        memref::StoreOp::create(b, arith::SelectOp::create(b, isLast, hi, e),
                                edges, ivs);
      });
  // As many counts as edges after the last (nb when the edges were
  // allocated; 0 after a MemoryError recorded in a parallel loop).
  Value nCounts = arith::MaxUIOp::create(
      b,
      arith::SubIOp::create(b, arith::MaxUIOp::create(b, edgeCount, idx(b, 1)),
                            idx(b, 1)),
      idx(b, 0));
  Value counts = weft::allocArray(b, countsType, ValueRange{nCounts});
  weft::buildArrayNest(b, ValueRange{nCounts}, /*serial=*/true, /*gpu=*/false,
                       [&](ValueRange ivs) {
                         memref::StoreOp::create(b, weft::zeroOf(b, ck), counts,
                                                 ivs);
                       });
  Value lastBin = arith::SubIOp::create(
      b, arith::IndexCastOp::create(b, i64, nCounts), one);
  weft::buildArrayNest(
      b, sizes, /*serial=*/true, /*gpu=*/false, [&](ValueRange ivs) {
        Value x = loadAs(b, data, ivs, ek);
        Value keep = arith::AndIOp::create(
            b, cmpF(b, arith::CmpFPredicate::OGE, x, lo),
            arith::AndIOp::create(
                b, cmpF(b, arith::CmpFPredicate::OLE, x, hi),
                arith::CmpIOp::create(b, arith::CmpIPredicate::sge, lastBin,
                                      zero)));
        auto inside = scf::IfOp::create(b, TypeRange{}, keep, false);
        OpBuilder::InsertionGuard g(b);
        b.setInsertionPointToStart(&inside.getThenRegion().front());
        Value f = arith::MulFOp::create(
            b, arith::DivFOp::create(b, arith::SubFOp::create(b, x, lo), span),
            binsF);
        auto clamp = [&](Value i) -> Value {
          return arith::MinSIOp::create(b, arith::MaxSIOp::create(b, i, zero),
                                        lastBin);
        };
        // fptosi of a value out of range is poison: clamp as a float first.
        Value fc = arith::MaximumFOp::create(
            b,
            arith::MinimumFOp::create(b, f, weft::castNumber(b, lastBin, ek)),
            floatConst(b, ek, 0));
        Value i = clamp(arith::FPToSIOp::create(b, i64, fc));
        auto edge = [&](Value j) {
          return loadAs(
              b, edges,
              arith::IndexCastOp::create(b, b.getIndexType(), j).getResult(),
              ek);
        };
        Value below = cmpF(b, arith::CmpFPredicate::OLT, x, edge(i));
        i = clamp(arith::SelectOp::create(b, below,
                                          arith::SubIOp::create(b, i, one), i));
        Value above = arith::AndIOp::create(
            b,
            cmpF(b, arith::CmpFPredicate::OGE, x,
                 edge(arith::AddIOp::create(b, i, one))),
            arith::CmpIOp::create(b, arith::CmpIPredicate::ne, i, lastBin));
        i = clamp(arith::SelectOp::create(b, above,
                                          arith::AddIOp::create(b, i, one), i));
        Value at = arith::IndexCastOp::create(b, b.getIndexType(), i);
        Value w = weights ? loadAs(b, weights, ivs, ck)
                          : arith::ConstantIntOp::create(b, ck, 1).getResult();
        Value cur = memref::LoadOp::create(b, counts, at);
        Value sum = isa<FloatType>(ck)
                        ? arith::AddFOp::create(b, cur, w).getResult()
                        : arith::AddIOp::create(b, cur, w).getResult();
        memref::StoreOp::create(b, sum, counts, at);
      });
  op.getCounts().replaceAllUsesWith(counts);
  op.getEdges().replaceAllUsesWith(edges);
  op.erase();
}

struct LowerStatistics : weft::impl::LowerStatisticsBase<LowerStatistics> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<weft::SearchSortedOp, weft::DigitizeOp, weft::UniqueOp,
              weft::QuantileOp, weft::HistogramOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      TypeSwitch<Operation *>(op)
          .Case<weft::SearchSortedOp, weft::DigitizeOp, weft::UniqueOp,
                weft::QuantileOp, weft::HistogramOp>([](auto o) { lower(o); });
  }
};
} // namespace
