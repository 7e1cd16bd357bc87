//===- LowerRandom.cpp - Weft's random number ops to arith ----------------===//
//
// Implements weft-lower-random (see Passes.td): the formula of
// runtime/RandomFormula.h instantiated on MLIR values, so compiled draws
// and the runtime's always agree.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"
#include "runtime/RandomFormula.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

namespace weft {
#define GEN_PASS_DEF_LOWERRANDOM
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// weft::random's arithmetic policy on i64 values.
struct RandomArith {
  ImplicitLocOpBuilder &b;
  using Value = mlir::Value;
  Value constant(uint64_t v) {
    return arith::ConstantOp::create(
        b, b.getI64IntegerAttr(static_cast<int64_t>(v)));
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, x, y); }
  Value mul(Value x, Value y) { return arith::MulIOp::create(b, x, y); }
  Value xor_(Value x, Value y) { return arith::XOrIOp::create(b, x, y); }
  Value xorShiftRight(Value x, unsigned s) {
    return xor_(x, arith::ShRUIOp::create(b, x, constant(s)));
  }
};

Value f64(ImplicitLocOpBuilder &b, double v) {
  return arith::ConstantOp::create(b, b.getF64FloatAttr(v));
}

/// The top 53 bits of `z` as a multiple of 2^-53.
Value uniformFromBits(ImplicitLocOpBuilder &b, Value z) {
  RandomArith a{b};
  Value top = arith::ShRUIOp::create(b, z, a.constant(11));
  Value f = arith::UIToFPOp::create(b, b.getF64Type(), top);
  return arith::MulFOp::create(b, f, f64(b, 0x1.0p-53));
}

Value lower(ImplicitLocOpBuilder &b, weft::RandomBitsOp op) {
  RandomArith a{b};
  return weft::random::elementBits(a, op.getKey(), op.getCounter());
}

Value lower(ImplicitLocOpBuilder &b, weft::IterationDrawOp op) {
  RandomArith a{b};
  Value offset = weft::random::iterationOffset(a, op.getIteration());
  return weft::random::iterationDraw(a, op.getLoopKey(), op.getDraw(), offset);
}

Value lower(ImplicitLocOpBuilder &b, weft::UniformOp op) {
  return uniformFromBits(b, op.getBits());
}

Value lower(ImplicitLocOpBuilder &b, weft::NormalOp op) {
  RandomArith a{b};
  Value c0 = a.mul(op.getCounter(), a.constant(2));
  Value c1 = a.add(c0, a.constant(1));
  Value u1 = uniformFromBits(b, weft::random::elementBits(a, op.getKey(), c0));
  Value u2 = uniformFromBits(b, weft::random::elementBits(a, op.getKey(), c1));
  Value r = math::SqrtOp::create(
      b, arith::MulFOp::create(
             b, f64(b, -2),
             math::LogOp::create(b, arith::SubFOp::create(b, f64(b, 1), u1))));
  Value theta = arith::MulFOp::create(b, f64(b, 2 * M_PI), u2);
  return arith::MulFOp::create(b, r, math::CosOp::create(b, theta));
}

Value lower(ImplicitLocOpBuilder &b, weft::RandintOp op) {
  RandomArith a{b};
  Value bits = op.getBits(), lo = op.getLo();
  Value width = arith::SubIOp::create(b, op.getHi(), lo);
  Value narrow = arith::CmpIOp::create(b, arith::CmpIPredicate::ule, width,
                                       a.constant(uint64_t(1) << 53));
  // Widths up to 2^53: floor(u * width) (the streams of existing programs
  // stay the same); wider: the high half of bits x width.
  Value u = uniformFromBits(b, bits);
  Value floatOff = arith::FPToSIOp::create(
      b, b.getI64Type(),
      arith::MulFOp::create(b, u,
                            arith::SIToFPOp::create(b, b.getF64Type(), width)));
  Value wideOff = arith::MulUIExtendedOp::create(b, bits, width).getHigh();
  return arith::AddIOp::create(
      b, lo, arith::SelectOp::create(b, narrow, floatOff, wideOff));
}

struct LowerRandom : weft::impl::LowerRandomBase<LowerRandom> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<weft::RandomBitsOp, weft::IterationDrawOp, weft::UniformOp,
              weft::NormalOp, weft::RandintOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      ImplicitLocOpBuilder b(op->getLoc(), op);
      Value v = TypeSwitch<Operation *, Value>(op)
                    .Case<weft::RandomBitsOp, weft::IterationDrawOp,
                          weft::UniformOp, weft::NormalOp, weft::RandintOp>(
                        [&](auto o) { return lower(b, o); });
      op->getResult(0).replaceAllUsesWith(v);
      op->erase();
    }
  }
};

} // namespace
