//===- LowerRanges.cpp - NumPy's arange and linspace as loops -------------===//
//
// Implements weft-lower-ranges (see Passes.td).
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

namespace weft {
#define GEN_PASS_DEF_LOWERRANGES
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

Value f64Const(ImplicitLocOpBuilder &b, double v) {
  return arith::ConstantOp::create(b, b.getF64FloatAttr(v));
}

Value i64Const(ImplicitLocOpBuilder &b, int64_t v) {
  return arith::ConstantOp::create(b, b.getI64IntegerAttr(v));
}

/// `result` filled by a weft.map (`serial` or not) whose body computes
/// each element from its index (an i64) with `element`, converted to the
/// element type.
void fill(ImplicitLocOpBuilder &b, Value result, bool serial,
          llvm::function_ref<Value(Value)> element) {
  Type elem = cast<MemRefType>(result.getType()).getElementType();
  auto map = weft::MapOp::create(b, ValueRange{}, result, serial);
  OpBuilder::InsertionGuard g(b);
  b.createBlock(&map.getBody(), {}, {elem}, {b.getLoc()});
  Value i = arith::IndexCastOp::create(b, b.getI64Type(),
                                       weft::IndexOp::create(b, 0));
  weft::YieldOp::create(b, weft::castNumber(b, element(i), elem));
}

/// arange's length: checks of the step (and of NaN for floats), then
/// Python's range length for integers or ceil((stop - start) / step),
/// clamped to [0, 2**62], for floats. Returns the length and the step to
/// use (1 where it was zero: the code goes on after an error recorded in a
/// parallel loop).
std::pair<Value, Value> arangeLength(ImplicitLocOpBuilder &b,
                                     weft::ArangeOp op) {
  Value start = op.getStart(), stop = op.getStop(), step = op.getStep();
  int64_t line = op.getLine();
  const char *zeroStep = "ZeroDivisionError: arange() step must not be zero";
  if (step.getType().isInteger(64)) {
    Value isZero = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, step,
                                         i64Const(b, 0));
    weft::failIf(b, isZero, zeroStep, line);
    step = arith::SelectOp::create(b, isZero, i64Const(b, 1), step);
    return {weft::rangeLength(b, start, stop, step), step};
  }
  Value zero = f64Const(b, 0);
  Value isZero =
      arith::CmpFOp::create(b, arith::CmpFPredicate::OEQ, step, zero);
  weft::failIf(b, isZero, zeroStep, line);
  step = arith::SelectOp::create(b, isZero, f64Const(b, 1), step);
  Value q = math::CeilOp::create(
      b, arith::DivFOp::create(b, arith::SubFOp::create(b, stop, start), step));
  Value isNaN = arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, q, q);
  weft::failIf(b, isNaN,
               "ValueError: arange() cannot compute the length of a range "
               "with a NaN bound or step",
               line);
  // Anything longer than 2**62 is too large to allocate anyway, and stays
  // so after the clamp.
  q = arith::SelectOp::create(b, isNaN, zero, q);
  q = arith::MinimumFOp::create(b, arith::MaximumFOp::create(b, q, zero),
                                f64Const(b, 0x1p62));
  return {arith::FPToSIOp::create(b, b.getI64Type(), q), step};
}

void lowerArange(weft::ArangeOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  auto [n, step] = arangeLength(b, op);
  Value start = op.getStart();
  Value size = arith::IndexCastOp::create(b, b.getIndexType(), n);
  Value result = weft::allocCheckedArray(b, cast<MemRefType>(op.getType()),
                                         ValueRange{size}, op.getLine());
  fill(b, result, op.getSerial(), [&](Value i) -> Value {
    if (start.getType().isInteger(64))
      return arith::AddIOp::create(b, start, arith::MulIOp::create(b, i, step));
    Value x = arith::SIToFPOp::create(b, b.getF64Type(), i);
    return arith::AddFOp::create(b, start, arith::MulFOp::create(b, x, step));
  });
  op.getResult().replaceAllUsesWith(result);
  op.erase();
}

void lowerLinspace(weft::LinspaceOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value start = op.getStart(), stop = op.getStop(), n = op.getNum();
  Value result = weft::allocCheckedArray(b, cast<MemRefType>(op.getType()),
                                         ValueRange{n}, op.getLine());
  // NumPy: step = (stop - start) / (n - 1), by 1 for n < 2.
  Value n64 = arith::IndexCastOp::create(b, b.getI64Type(), n);
  Value nf = arith::SIToFPOp::create(b, b.getF64Type(), n64);
  Value div = arith::MaxNumFOp::create(
      b, arith::SubFOp::create(b, nf, f64Const(b, 1)), f64Const(b, 1));
  Value step =
      arith::DivFOp::create(b, arith::SubFOp::create(b, stop, start), div);
  Value last = arith::SubIOp::create(b, n64, i64Const(b, 1));
  fill(b, result, op.getSerial(), [&](Value i) -> Value {
    Value x = arith::AddFOp::create(
        b, start,
        arith::MulFOp::create(b, arith::SIToFPOp::create(b, b.getF64Type(), i),
                              step));
    // The last of two or more is exactly stop.
    Value isLast = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, i, last);
    Value notFirst =
        arith::CmpIOp::create(b, arith::CmpIPredicate::sgt, i, i64Const(b, 0));
    return arith::SelectOp::create(
        b, arith::AndIOp::create(b, isLast, notFirst), stop, x);
  });
  op.getResult().replaceAllUsesWith(result);
  op.erase();
}

struct LowerRanges : weft::impl::LowerRangesBase<LowerRanges> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<weft::ArangeOp, weft::LinspaceOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      if (auto a = dyn_cast<weft::ArangeOp>(op))
        lowerArange(a);
      else
        lowerLinspace(cast<weft::LinspaceOp>(op));
    }
  }
};

} // namespace
