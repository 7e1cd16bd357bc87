//===- MLIRGenNumpy.cpp - Typed AST to MLIR: NumPy's array functions ------===//
//
// Sorting (weft.sort, weft.argsort), joining (concatenate, stack),
// differences (diff), reversal (flip, a view), searching
// (searchsorted, digitize: binary searches with NaN after every number)
// and order statistics (median, percentile, quantile of a sorted copy,
// NumPy's linear interpolation; unique).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include <functional>
#include <limits>

using namespace mlir;

namespace weft {

Val FunctionGen::emitSort(const CallExpr *c, Builtin builtin, const Expr *arg) {
  Location l = loc(c->range);
  Value a = emitExpr(arg).v();
  // a.sort() sorts in place and returns None.
  if (builtin == Builtin::Sort && c->callee->dyn<AttributeExpr>()) {
    weft::SortOp::create(b, l, a);
    return Val();
  }
  auto rank = static_cast<unsigned>(cast<MemRefType>(a.getType()).getRank());
  SmallVector<Value, 4> sizes;
  for (unsigned d = 0; d < rank; ++d)
    sizes.push_back(memref::DimOp::create(b, l, a, d));
  Value out = allocArrayN(fn.typeOf(c).scalarKind(), sizes, l);
  if (builtin == Builtin::Argsort) {
    weft::ArgsortOp::create(b, l, a, out);
    return Val(out);
  }
  // sort(a): a sorted copy.
  emitMapOp({a}, out, l, [](ValueRange xs, Value) { return xs[0]; });
  weft::SortOp::create(b, l, out);
  return Val(out);
}

Value FunctionGen::emitConcatenate(const CallExpr *c, const Expr *parts,
                                   int64_t axis, bool stack) {
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  ScalarKind k = fn.typeOf(c).scalarKind();
  Val arrays = emitExpr(parts);
  SmallVector<ArrayMeta, 4> metas;
  for (Value a : arrays.parts)
    metas.push_back(arrayMeta(a, l));
  size_t rank = metas[0].sizes.size() + (stack ? 1 : 0);
  size_t ax = static_cast<size_t>(axis < 0 ? axis + int64_t(rank) : axis);
  // stack: each part with a new axis of size 1 at `axis`, concatenated.
  if (stack)
    for (ArrayMeta &m : metas) {
      m.sizes.insert(m.sizes.begin() + ax, index(1, l));
      m.strides.insert(m.strides.begin() + ax, index(0, l));
    }
  // The result: the first array's shape, the sum of the sizes along
  // `axis`; every other axis must match (NumPy's ValueError).
  SmallVector<Value, 4> sizes(metas[0].sizes);
  Value mismatch = arith::ConstantIntOp::create(b, l, 0, 1);
  for (size_t i = 1; i < metas.size(); ++i)
    for (size_t d = 0; d < rank; ++d) {
      if (d == ax) {
        sizes[d] = arith::AddIOp::create(b, l, sizes[d], metas[i].sizes[d]);
        continue;
      }
      mismatch = arith::OrIOp::create(
          b, l, mismatch,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, sizes[d],
                                metas[i].sizes[d]));
    }
  emitCheck(mismatch,
            stack ? "ValueError: all input arrays must have the same shape"
                  : "ValueError: all the input array dimensions except for "
                    "the concatenation axis must match exactly",
            ln, l);
  Value res = allocArrayN(k, sizes, l);
  ArrayMeta rm = arrayMeta(res, l);
  // Each part into its slab of the result (the smaller size on the other
  // axes, so the copies stay in bounds after an error recorded inside a
  // parallel loop).
  Value at = index(0, l);
  for (size_t i = 0; i < metas.size(); ++i) {
    SmallVector<Value, 4> partSizes;
    for (size_t d = 0; d < rank; ++d)
      partSizes.push_back(
          d == ax ? metas[i].sizes[d]
                  : arith::MinUIOp::create(b, l, sizes[d], metas[i].sizes[d])
                        .getResult());
    Value offset = arith::AddIOp::create(
        b, l, rm.offset, arith::MulIOp::create(b, l, at, rm.strides[ax]));
    Value slab = makeView(res, k, offset, partSizes, rm.strides, l);
    Value part = makeView(
        arrays.parts[i],
        kindOf(cast<MemRefType>(arrays.parts[i].getType()).getElementType()),
        metas[i].offset, partSizes, metas[i].strides, l);
    emitMapOp({part}, slab, l,
              [&](ValueRange xs, Value) { return convert(xs[0], k, l); });
    at = arith::AddIOp::create(b, l, at, metas[i].sizes[ax]);
  }
  return res;
}

Value FunctionGen::emitSearchSorted(const CallExpr *c, Builtin builtin,
                                    ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  bool search = builtin == Builtin::Searchsorted;
  // digitize(x, bins) is searchsorted(bins, x, side='right') for
  // increasing bins (side='left' with right=True).
  bool right = !search;
  for (const KeywordArg &k : c->keywords) {
    if (auto *text = k.value->dyn<StrLitExpr>())
      right = text->value == "right";
    if (auto *flag = k.value->dyn<BoolLitExpr>())
      right = !flag->value;
  }
  const Expr *sortedExpr = argExprs[search ? 0 : 1];
  const Expr *valuesExpr = argExprs[search ? 1 : 0];
  Value sorted = emitExpr(sortedExpr).v();
  Value values = emitExpr(valuesExpr).v();
  ScalarKind k = promote(fn.typeOf(sortedExpr).scalarKind(),
                         fn.typeOf(valuesExpr).scalarKind());
  bool isFloat = k == ScalarKind::F32 || k == ScalarKind::F64;
  Value n = memref::DimOp::create(b, l, sorted, 0);
  // NumPy's order: NaN after every number.
  auto before = [&](Value p, Value q) -> Value {
    if (!isFloat)
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, p, q);
    Value lt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, p, q);
    Value qNan = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, q, q);
    Value pNum = arith::CmpFOp::create(b, l, arith::CmpFPredicate::ORD, p, p);
    return arith::OrIOp::create(b, l, lt,
                                arith::AndIOp::create(b, l, qNan, pNum));
  };
  // Binary search: the first position whose element is not before x
  // (left), or that x is before (right).
  auto position = [&](Value x) -> Value {
    x = convert(x, k, l);
    auto loop = scf::WhileOp::create(b, l, TypeRange{n.getType(), n.getType()},
                                     ValueRange{index(0, l), n});
    OpBuilder::InsertionGuard g(b);
    mlir::Block *cond = b.createBlock(&loop.getBefore(), {},
                                      {n.getType(), n.getType()}, {l, l});
    b.setInsertionPointToStart(cond);
    Value more =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult,
                              cond->getArgument(0), cond->getArgument(1));
    scf::ConditionOp::create(b, l, more, cond->getArguments());
    mlir::Block *body =
        b.createBlock(&loop.getAfter(), {}, {n.getType(), n.getType()}, {l, l});
    b.setInsertionPointToStart(body);
    Value lo = body->getArgument(0), hi = body->getArgument(1);
    Value mid = arith::ShRUIOp::create(
        b, l, arith::AddIOp::create(b, l, lo, hi), index(1, l));
    Value y =
        convert(memref::LoadOp::create(b, l, sorted, ValueRange{mid}), k, l);
    Value goRight =
        right ? arith::XOrIOp::create(b, l, before(x, y),
                                      constant(ScalarKind::Bool, 1, l))
                    .getResult()
              : before(y, x);
    Value next = arith::AddIOp::create(b, l, mid, index(1, l));
    scf::YieldOp::create(
        b, l,
        ValueRange{arith::SelectOp::create(b, l, goRight, next, lo),
                   arith::SelectOp::create(b, l, goRight, hi, mid)});
    b.setInsertionPointAfter(loop);
    return arith::IndexCastOp::create(b, l, b.getI64Type(), loop.getResult(0));
  };
  Value decreasing;
  if (!search) {
    // NumPy's digitize: bins monotonic either way (else a ValueError);
    // for decreasing bins, n - the position in the reversed bins.
    auto scan = scf::ForOp::create(
        b, l, index(1, l), arith::MaxUIOp::create(b, l, n, index(1, l)),
        index(1, l),
        ValueRange{constant(ScalarKind::Bool, 1, l),
                   constant(ScalarKind::Bool, 1, l)});
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(scan.getBody());
      Value i = scan.getInductionVar();
      Value prev =
          convert(memref::LoadOp::create(
                      b, l, sorted,
                      ValueRange{arith::SubIOp::create(b, l, i, index(1, l))}),
                  k, l);
      Value cur =
          convert(memref::LoadOp::create(b, l, sorted, ValueRange{i}), k, l);
      Value up = arith::XOrIOp::create(b, l, before(cur, prev),
                                       constant(ScalarKind::Bool, 1, l));
      Value down = arith::XOrIOp::create(b, l, before(prev, cur),
                                         constant(ScalarKind::Bool, 1, l));
      scf::YieldOp::create(
          b, l,
          ValueRange{
              arith::AndIOp::create(b, l, scan.getRegionIterArgs()[0], up),
              arith::AndIOp::create(b, l, scan.getRegionIterArgs()[1], down)});
    }
    Value increasing = scan.getResult(0);
    emitCheck(arith::XOrIOp::create(
                  b, l,
                  arith::OrIOp::create(b, l, increasing, scan.getResult(1)),
                  constant(ScalarKind::Bool, 1, l)),
              "ValueError: bins must be monotonically increasing or "
              "decreasing",
              line(c->range), l);
    decreasing = arith::XOrIOp::create(b, l, increasing,
                                       constant(ScalarKind::Bool, 1, l));
    ArrayMeta bm = arrayMeta(sorted, l);
    Value last = arith::SubIOp::create(
        b, l, arith::MaxUIOp::create(b, l, n, index(1, l)), index(1, l));
    Value reversed = makeView(
        sorted, fn.typeOf(sortedExpr).scalarKind(),
        arith::AddIOp::create(b, l, bm.offset,
                              arith::MulIOp::create(b, l, last, bm.strides[0])),
        ValueRange{n},
        ValueRange{arith::SubIOp::create(b, l, index(0, l), bm.strides[0])}, l);
    sorted = arith::SelectOp::create(b, l, decreasing, reversed, sorted);
  }
  auto bin = [&](Value x) -> Value {
    Value p = position(x);
    if (!decreasing)
      return p;
    Value fromEnd = arith::SubIOp::create(
        b, l, arith::IndexCastOp::create(b, l, b.getI64Type(), n), p);
    return arith::SelectOp::create(b, l, decreasing, fromEnd, p);
  };
  if (!isArray(values))
    return bin(values);
  ArrayMeta m = arrayMeta(values, l);
  SmallVector<Value, 4> sizes(m.sizes);
  Value res = allocArrayN(ScalarKind::I64, sizes, l);
  emitLoopNest(sizes, l, [&](ValueRange ivs) {
    Value x = memref::LoadOp::create(b, l, values, ivs);
    memref::StoreOp::create(b, l, bin(x), res, ivs);
  });
  return res;
}

Value FunctionGen::sortedCopy(const Expr *arg, Value &n, Location l) {
  // A contiguous copy of every element, sorted (NaNs last).
  Value a = emitExpr(arg).v();
  ScalarKind ek = fn.typeOf(arg).scalarKind();
  ArrayMeta m = arrayMeta(a, l);
  SmallVector<Value, 4> sizes(m.sizes);
  Value copy = allocArrayN(ek, sizes, l);
  emitMapOp({a}, copy, l, [](ValueRange xs, Value) { return xs[0]; });
  n = productOf(sizes, l);
  Value flat = makeView(copy, ek, index(0, l), ValueRange{n},
                        ValueRange{index(1, l)}, l);
  weft::SortOp::create(b, l, flat);
  return flat;
}

Value FunctionGen::emitUnique(const CallExpr *c, const Expr *arg) {
  Location l = loc(c->range);
  ScalarKind k = fn.typeOf(c).scalarKind();
  Value n;
  Value sorted = sortedCopy(arg, n, l);
  // Element i is new when it differs from element i - 1 (NaNs are equal
  // to each other, NumPy's equal_nan=True).
  auto isNew = [&](Value i) -> Value {
    Value x = memref::LoadOp::create(b, l, sorted, ValueRange{i});
    Value y = memref::LoadOp::create(
        b, l, sorted, ValueRange{arith::SubIOp::create(b, l, i, index(1, l))});
    Value ne = emitCompareOp(CompareOp::Ne, x, y, l);
    if (k == ScalarKind::F32 || k == ScalarKind::F64) {
      Value bothNan = arith::AndIOp::create(
          b, l, arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x),
          arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, y, y));
      ne = arith::AndIOp::create(
          b, l, ne,
          arith::XOrIOp::create(b, l, bothNan,
                                constant(ScalarKind::Bool, 1, l)));
    }
    return ne;
  };
  auto countFrom = [&](Value init,
                       const std::function<void(Value, Value)> &onNew) {
    auto loop = scf::ForOp::create(b, l, index(1, l),
                                   arith::MaxUIOp::create(b, l, n, index(1, l)),
                                   index(1, l), ValueRange{init});
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    Value i = loop.getInductionVar(), k0 = loop.getRegionIterArgs()[0];
    Value fresh = isNew(i);
    if (onNew) {
      auto ifOp = scf::IfOp::create(b, l, TypeRange{}, fresh, false);
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      onNew(i, k0);
    }
    scf::YieldOp::create(
        b, l,
        arith::AddIOp::create(
            b, l, k0,
            arith::SelectOp::create(b, l, fresh, index(1, l), index(0, l)))
            .getResult());
    return loop.getResult(0);
  };
  Value nonEmpty =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n, index(0, l));
  Value first =
      arith::SelectOp::create(b, l, nonEmpty, index(1, l), index(0, l));
  SmallVector<Value, 1> sizes{countFrom(first, nullptr)};
  Value out = allocArrayN(k, sizes, l);
  // The first element, then each new one at the next place.
  auto ifOp = scf::IfOp::create(b, l, TypeRange{}, nonEmpty, false);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    memref::StoreOp::create(
        b, l, memref::LoadOp::create(b, l, sorted, ValueRange{index(0, l)}),
        out, ValueRange{index(0, l)});
  }
  countFrom(first, [&](Value i, Value at) {
    memref::StoreOp::create(b, l,
                            memref::LoadOp::create(b, l, sorted, ValueRange{i}),
                            out, ValueRange{at});
  });
  return out;
}

Value FunctionGen::emitQuantile(const CallExpr *c, Builtin builtin,
                                ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  ScalarKind k = fn.typeOf(c).scalarKind();
  Value n;
  Value flat = sortedCopy(argExprs[0], n, l);
  // The virtual index q * (n - 1) (q in [0, 1]; percentile's / 100).
  Value q = constant(k, 0.5, l);
  if (builtin != Builtin::Median) {
    q = convert(emitExpr(argExprs[1]).v(), k, l);
    double top = builtin == Builtin::Percentile ? 100 : 1;
    Value outside = arith::OrIOp::create(
        b, l,
        arith::CmpFOp::create(b, l, arith::CmpFPredicate::ULT, q,
                              constant(k, 0, l)),
        arith::CmpFOp::create(b, l, arith::CmpFPredicate::UGT, q,
                              constant(k, top, l)));
    emitCheck(outside,
              builtin == Builtin::Percentile
                  ? "ValueError: Percentiles must be in the range [0, 100]"
                  : "ValueError: Quantiles must be in the range [0, 1]",
              line(c->range), l);
    if (builtin == Builtin::Percentile)
      q = arith::DivFOp::create(b, l, q, constant(k, 100, l));
  }
  // An empty array gives NaN (NumPy warns); indices stay in bounds.
  Value last = arith::SubIOp::create(
      b, l, arith::MaxUIOp::create(b, l, n, index(1, l)), index(1, l));
  mlir::Type ft = toMLIR(weft::Type::scalar(k));
  Value lastF = arith::UIToFPOp::create(
      b, l, ft, arith::IndexCastUIOp::create(b, l, b.getI64Type(), last));
  Value vi = arith::MulFOp::create(b, l, q, lastF);
  Value below = math::FloorOp::create(b, l, vi);
  Value gamma = arith::SubFOp::create(b, l, vi, below);
  Value lo = arith::MinUIOp::create(
      b, l,
      arith::IndexCastUIOp::create(
          b, l, b.getIndexType(),
          arith::FPToUIOp::create(b, l, b.getI64Type(), below)),
      last);
  Value hi = arith::MinUIOp::create(
      b, l, arith::AddIOp::create(b, l, lo, index(1, l)), last);
  auto at = [&](Value i) -> Value {
    Value inBounds = arith::SelectOp::create(
        b, l,
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, index(0, l)),
        index(0, l), i);
    return convert(memref::LoadOp::create(b, l, flat, ValueRange{inBounds}), k,
                   l);
  };
  // NumPy's _lerp: a + (b - a) * t, or b - (b - a) * (1 - t) for t >= 0.5.
  Value x = at(lo), y = at(hi);
  Value span = arith::SubFOp::create(b, l, y, x);
  Value up =
      arith::AddFOp::create(b, l, x, arith::MulFOp::create(b, l, span, gamma));
  Value down = arith::SubFOp::create(
      b, l, y,
      arith::MulFOp::create(
          b, l, span, arith::SubFOp::create(b, l, constant(k, 1, l), gamma)));
  Value r = arith::SelectOp::create(
      b, l,
      arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE, gamma,
                            constant(k, 0.5, l)),
      down, up);
  if (builtin == Builtin::Median) // the middle element, or the mean of two
    r = arith::SelectOp::create(
        b, l,
        arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, gamma,
                              constant(k, 0, l)),
        x,
        arith::MulFOp::create(b, l, arith::AddFOp::create(b, l, x, y),
                              constant(k, 0.5, l)));
  // NaN when the array is empty or holds a NaN (sorted last).
  Value nan = constant(k, std::numeric_limits<double>::quiet_NaN(), l);
  Value empty =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, index(0, l));
  Value lastValue = at(last);
  Value hasNan = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO,
                                       lastValue, lastValue);
  return arith::SelectOp::create(
      b, l, arith::OrIOp::create(b, l, empty, hasNan), nan, r);
}

Value FunctionGen::emitDiff(Value a, ScalarKind k, int64_t ln, Location l) {
  // A new array of a[..., 1:] - a[..., :-1].
  ArrayMeta m = arrayMeta(a, l);
  SmallVector<Value, 4> sizes(m.sizes);
  Value one = index(1, l);
  sizes.back() = arith::SubIOp::create(
      b, l, arith::MaxUIOp::create(b, l, sizes.back(), one), one);
  Value later =
      makeView(a, k, arith::AddIOp::create(b, l, m.offset, m.strides.back()),
               sizes, m.strides, l);
  Value earlier = makeView(a, k, m.offset, sizes, m.strides, l);
  SmallVector<Value, 4> outSizes(sizes);
  Value res = allocArrayN(k, outSizes, l);
  emitMapOp({later, earlier}, res, l, [&](ValueRange xs, Value) {
    return emitBinaryScalar(BinaryOp::Sub, xs[0], xs[1], k, false, l, ln);
  });
  return res;
}

Value FunctionGen::emitFlip(Value a, ScalarKind k, Location l) {
  // A view from the last element backwards along every axis.
  ArrayMeta m = arrayMeta(a, l);
  Value offset = m.offset, one = index(1, l);
  SmallVector<Value, 4> strides;
  for (size_t d = 0; d < m.sizes.size(); ++d) {
    Value last = arith::SubIOp::create(
        b, l, arith::MaxUIOp::create(b, l, m.sizes[d], one), one);
    offset = arith::AddIOp::create(
        b, l, offset, arith::MulIOp::create(b, l, last, m.strides[d]));
    strides.push_back(arith::SubIOp::create(b, l, index(0, l), m.strides[d]));
  }
  return makeView(a, k, offset, m.sizes, strides, l);
}

} // namespace weft
