//===- ExpandPowers.cpp - Powers with small constant exponents ------------===//
//
// Implements weft-expand-powers (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"

#include <cmath>
#include <cstdlib>

namespace weft {
#define GEN_PASS_DEF_EXPANDPOWERS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// x ** k for k >= 1 by repeated squaring: at most 2 log2(k)
/// multiplications.
Value powerBySquaring(ImplicitLocOpBuilder &b, Value x, uint64_t k,
                      bool isFloat) {
  auto mul = [&](Value p, Value q) -> Value {
    return isFloat ? arith::MulFOp::create(b, p, q).getResult()
                   : arith::MulIOp::create(b, p, q).getResult();
  };
  Value result;
  for (Value square = x; k; k >>= 1) {
    if (k & 1)
      result = result ? mul(result, square) : square;
    if (k > 1)
      square = mul(square, square);
  }
  return result;
}

Value floatConstant(ImplicitLocOpBuilder &b, Type t, double v) {
  return arith::ConstantOp::create(b, b.getFloatAttr(t, v));
}

/// math.powf with a constant exponent that is a small integer or +-0.5,
/// expanded; null if it is not one of those.
Value expand(ImplicitLocOpBuilder &b, math::PowFOp op, int64_t maxExponent) {
  FloatAttr attr;
  if (!matchPattern(op.getRhs(), m_Constant(&attr)))
    return {};
  double c = attr.getValueAsDouble();
  Value x = op.getLhs();
  Type t = x.getType();
  if (std::fabs(c) == 0.5) {
    // NumPy's fast path, with pow's results at -0.0 (+0.0, not sqrt's
    // -0.0) and -inf (+inf, not NaN).
    Value inf = floatConstant(b, t, INFINITY);
    Value minusInf = arith::CmpFOp::create(b, arith::CmpFPredicate::OEQ, x,
                                           floatConstant(b, t, -INFINITY));
    Value root = arith::SelectOp::create(
        b, minusInf, inf,
        math::SqrtOp::create(
            b, arith::AddFOp::create(b, x, floatConstant(b, t, 0))));
    return c > 0 ? root
                 : arith::DivFOp::create(b, floatConstant(b, t, 1), root)
                       .getResult();
  }
  if (c != std::trunc(c) || std::fabs(c) > maxExponent)
    return {};
  auto k = static_cast<int64_t>(c);
  if (k == 0) // x ** 0 is 1, NaN included
    return floatConstant(b, t, 1);
  Value p = powerBySquaring(b, x, std::llabs(k), /*isFloat=*/true);
  return k > 0
             ? p
             : arith::DivFOp::create(b, floatConstant(b, t, 1), p).getResult();
}

/// math.ipowi with a constant exponent in [0, maxExponent], expanded
/// (exact, wrapping as ipowi does); null otherwise.
Value expand(ImplicitLocOpBuilder &b, math::IPowIOp op, int64_t maxExponent) {
  APInt value;
  if (!matchPattern(op.getRhs(), m_ConstantInt(&value)))
    return {};
  int64_t k = value.getSExtValue();
  if (k < 0 || k > maxExponent)
    return {};
  if (k == 0)
    return arith::ConstantOp::create(
        b, b.getIntegerAttr(op.getLhs().getType(), 1));
  return powerBySquaring(b, op.getLhs(), k, /*isFloat=*/false);
}

struct ExpandPowers : weft::impl::ExpandPowersBase<ExpandPowers> {
  using Base::Base;
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<math::PowFOp, math::IPowIOp>(op) &&
          op->getResult(0).getType().isIntOrFloat())
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      ImplicitLocOpBuilder b(op->getLoc(), op);
      Value v = isa<math::PowFOp>(op)
                    ? expand(b, cast<math::PowFOp>(op), maxExponent)
                    : expand(b, cast<math::IPowIOp>(op), maxExponent);
      if (!v)
        continue;
      op->getResult(0).replaceAllUsesWith(v);
      op->erase();
    }
  }
};

} // namespace
