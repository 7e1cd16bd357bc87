//===- MLIRGenHistogram.cpp - Typed AST to MLIR: histogram() --------------===//
//
// NumPy's histogram(a, bins, range=, weights=) with a number of equal bins:
// the range (the data's min and max unless given), the edges as linspace
// makes them, and each value's bin by NumPy's formula and its two
// corrections against the edges, so values on an edge land where NumPy
// puts them.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include <cmath>

using namespace mlir;

namespace weft {

Val FunctionGen::emitHistogram(const CallExpr *c) {
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  weft::Type t = fn.typeOf(c);
  ScalarKind ck = t.elems()[0].scalarKind(), ek = t.elems()[1].scalarKind();
  const Expr *binsExpr = c->args.size() > 1 ? c->args[1].get() : nullptr;
  const Expr *rangeExpr = nullptr, *weightsExpr = nullptr;
  for (const KeywordArg &k : c->keywords) {
    if (k.name == "bins")
      binsExpr = k.value.get();
    else if (k.name == "range")
      rangeExpr = k.value.get();
    else if (k.name == "weights")
      weightsExpr = k.value.get();
  }
  Value data = emitExpr(c->args[0].get()).v();
  ArrayMeta dm = arrayMeta(data, l);
  SmallVector<Value, 4> sizes(dm.sizes);
  Value bins =
      binsExpr ? convert(emitScalar(binsExpr), ScalarKind::I64, l) : i64(10, l);
  Value zero = i64(0, l), one = i64(1, l);
  emitCheck(arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, bins, zero),
            "ValueError: `bins` must be positive, when an integer", ln, l);
  bins = arith::MaxSIOp::create(b, l, bins, one); // safe after the check
  Value weights;
  if (weightsExpr) {
    weights = emitExpr(weightsExpr).v();
    ArrayMeta wm = arrayMeta(weights, l);
    Value differ = constant(ScalarKind::Bool, 0, l);
    for (size_t d = 0; d < sizes.size(); ++d)
      differ = arith::OrIOp::create(
          b, l, differ,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, sizes[d],
                                wm.sizes[d]));
    emitCheck(differ, "ValueError: weights should have the same shape as a.",
              ln, l);
  }
  auto cmpF = [&](arith::CmpFPredicate p, Value x, Value y) -> Value {
    return arith::CmpFOp::create(b, l, p, x, y);
  };
  auto load = [&](Value array, ValueRange ivs, ScalarKind k) {
    return convert(memref::LoadOp::create(b, l, array, ivs), k, l);
  };
  // The range: given, or the data's min and max (NaN if any is NaN, as
  // a.min() gives), (0, 1) for no data; a ValueError unless finite.
  Value lo, hi;
  if (rangeExpr) {
    Val r = emitExpr(rangeExpr);
    lo = convert(r.parts[0], ek, l);
    hi = convert(r.parts[1], ek, l);
    emitCheck(cmpF(arith::CmpFPredicate::OGT, lo, hi),
              "ValueError: max must be larger than min in range parameter.", ln,
              l);
  } else {
    mlir::Type ft = toMLIR(weft::Type::scalar(ek));
    auto slots = memref::AllocaOp::create(b, l, MemRefType::get({2}, ft));
    Value first = index(0, l), second = index(1, l);
    Value empty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                        productOf(sizes, l), index(0, l));
    memref::StoreOp::create(b, l,
                            arith::SelectOp::create(b, l, empty,
                                                    constant(ek, 0, l),
                                                    constant(ek, INFINITY, l)),
                            slots, ValueRange{first});
    memref::StoreOp::create(b, l,
                            arith::SelectOp::create(b, l, empty,
                                                    constant(ek, 1, l),
                                                    constant(ek, -INFINITY, l)),
                            slots, ValueRange{second});
    emitLoopNest(sizes, l, [&](ValueRange ivs) {
      Value x = load(data, ivs, ek);
      Value nan = cmpF(arith::CmpFPredicate::UNO, x, x);
      for (auto [slot, pred] : {std::pair{first, arith::CmpFPredicate::OLT},
                                std::pair{second, arith::CmpFPredicate::OGT}}) {
        Value cur = memref::LoadOp::create(b, l, slots, ValueRange{slot});
        Value take = arith::OrIOp::create(b, l, nan, cmpF(pred, x, cur));
        // Once NaN, stays NaN (a comparison with it is false).
        memref::StoreOp::create(b, l,
                                arith::SelectOp::create(b, l, take, x, cur),
                                slots, ValueRange{slot});
      }
    });
    lo = memref::LoadOp::create(b, l, slots, ValueRange{first});
    hi = memref::LoadOp::create(b, l, slots, ValueRange{second});
  }
  auto finite = [&](Value x) {
    return cmpF(arith::CmpFPredicate::OEQ, arith::SubFOp::create(b, l, x, x),
                constant(ek, 0, l));
  };
  emitCheck(arith::XOrIOp::create(
                b, l, arith::AndIOp::create(b, l, finite(lo), finite(hi)),
                constant(ScalarKind::Bool, 1, l)),
            rangeExpr ? "ValueError: supplied range is not finite"
                      : "ValueError: autodetected range is not finite",
            ln, l);
  Value same = cmpF(arith::CmpFPredicate::OEQ, lo, hi);
  Value half = constant(ek, 0.5, l);
  lo = arith::SelectOp::create(b, l, same,
                               arith::SubFOp::create(b, l, lo, half), lo);
  hi = arith::SelectOp::create(b, l, same,
                               arith::AddFOp::create(b, l, hi, half), hi);
  // Edges as linspace(lo, hi, bins + 1): j * step + lo, the last one hi.
  Value nb = arith::IndexCastOp::create(b, l, b.getIndexType(), bins);
  Value binsF = convert(bins, ek, l);
  Value span = arith::SubFOp::create(b, l, hi, lo);
  Value step = arith::DivFOp::create(b, l, span, binsF);
  SmallVector<Value, 4> edgeSizes{arith::AddIOp::create(b, l, nb, index(1, l))};
  Value edges = allocArrayN(ek, edgeSizes, l);
  fillArray(edges, l, [&](ValueRange ivs) {
    Value j = arith::IndexCastOp::create(b, l, b.getI64Type(), ivs[0]);
    Value e = arith::AddFOp::create(
        b, l, arith::MulFOp::create(b, l, convert(j, ek, l), step), lo);
    Value last =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, ivs[0], nb);
    return arith::SelectOp::create(b, l, last, hi, e).getResult();
  });
  SmallVector<Value, 4> countSizes{nb};
  Value counts = allocArrayN(ck, countSizes, l);
  fillArray(counts, l, [&](ValueRange) { return constant(ck, 0, l); });
  Value lastBin = arith::SubIOp::create(b, l, bins, one);
  emitLoopNest(sizes, l, [&](ValueRange ivs) {
    Value x = load(data, ivs, ek);
    Value keep =
        arith::AndIOp::create(b, l, cmpF(arith::CmpFPredicate::OGE, x, lo),
                              cmpF(arith::CmpFPredicate::OLE, x, hi));
    auto inside = scf::IfOp::create(b, l, TypeRange{}, keep, false);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&inside.getThenRegion().front());
    Value f = arith::MulFOp::create(
        b, l,
        arith::DivFOp::create(b, l, arith::SubFOp::create(b, l, x, lo), span),
        binsF);
    auto clamp = [&](Value i) -> Value {
      return arith::MinSIOp::create(b, l, arith::MaxSIOp::create(b, l, i, zero),
                                    lastBin);
    };
    Value i = clamp(convert(f, ScalarKind::I64, l));
    auto edge = [&](Value j) {
      return load(edges, ValueRange{toIndex(j, l)}, ek);
    };
    Value below = cmpF(arith::CmpFPredicate::OLT, x, edge(i));
    i = clamp(arith::SelectOp::create(b, l, below,
                                      arith::SubIOp::create(b, l, i, one), i));
    Value above = arith::AndIOp::create(
        b, l,
        cmpF(arith::CmpFPredicate::OGE, x,
             edge(arith::AddIOp::create(b, l, i, one))),
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, i, lastBin));
    i = clamp(arith::SelectOp::create(b, l, above,
                                      arith::AddIOp::create(b, l, i, one), i));
    Value at = toIndex(i, l);
    Value w = weights ? load(weights, ivs, ck) : constant(ck, 1, l);
    Value cur = memref::LoadOp::create(b, l, counts, ValueRange{at});
    Value sum = ck == ScalarKind::F32 || ck == ScalarKind::F64
                    ? arith::AddFOp::create(b, l, cur, w).getResult()
                    : arith::AddIOp::create(b, l, cur, w).getResult();
    memref::StoreOp::create(b, l, sum, counts, ValueRange{at});
  });
  Val out;
  out.parts.push_back(counts);
  out.parts.push_back(edges);
  return out;
}

} // namespace weft
