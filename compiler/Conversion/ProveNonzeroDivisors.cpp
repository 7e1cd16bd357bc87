//===- ProveNonzeroDivisors.cpp - Zero checks that cannot fail ------------===//
//
// Implements weft-prove-nonzero-divisors (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Matchers.h"

namespace weft {
#define GEN_PASS_DEF_PROVENONZERODIVISORS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

constexpr int kDepth = 8;

std::optional<double> constantOf(Value v) {
  FloatAttr f;
  if (matchPattern(v, m_Constant(&f)))
    return f.getValueAsDouble();
  return std::nullopt;
}

bool positive(Value v, int depth);

/// Never below zero (a zero of either sign or NaN allowed).
bool nonNegative(Value v, int depth) {
  if (depth == 0)
    return false;
  if (std::optional<double> c = constantOf(v))
    return *c >= 0.0; // -0.0 too
  if (positive(v, depth))
    return true;
  Operation *op = v.getDefiningOp();
  if (!op)
    return false;
  auto nn = [&](Value x) { return nonNegative(x, depth - 1); };
  if (isa<math::AbsFOp, math::SqrtOp, math::ExpOp, math::CoshOp,
          arith::UIToFPOp>(op))
    return true;
  if (auto m = dyn_cast<arith::MulFOp>(op))
    return m.getLhs() == m.getRhs() || (nn(m.getLhs()) && nn(m.getRhs()));
  if (isa<arith::AddFOp, arith::DivFOp>(op))
    return nn(op->getOperand(0)) && nn(op->getOperand(1));
  if (auto s = dyn_cast<arith::SelectOp>(op))
    return nn(s.getTrueValue()) && nn(s.getFalseValue());
  if (isa<arith::MaximumFOp, arith::MaxNumFOp>(op))
    return nn(op->getOperand(0)) || nn(op->getOperand(1));
  return false;
}

/// Above zero, or NaN: never a zero. (Products and quotients can
/// underflow to zero, so only sums, square roots and maxima keep it.)
bool positive(Value v, int depth) {
  if (depth == 0)
    return false;
  if (std::optional<double> c = constantOf(v))
    return *c > 0.0;
  Operation *op = v.getDefiningOp();
  if (!op)
    return false;
  auto pos = [&](Value x) { return positive(x, depth - 1); };
  auto nn = [&](Value x) { return nonNegative(x, depth - 1); };
  if (isa<math::CoshOp>(op))
    return true;
  if (auto a = dyn_cast<arith::AddFOp>(op))
    return (pos(a.getLhs()) && nn(a.getRhs())) ||
           (nn(a.getLhs()) && pos(a.getRhs()));
  if (auto s = dyn_cast<math::SqrtOp>(op))
    return pos(s.getOperand());
  if (auto s = dyn_cast<arith::SelectOp>(op))
    return pos(s.getTrueValue()) && pos(s.getFalseValue());
  if (isa<arith::MaximumFOp, arith::MaxNumFOp>(op))
    return pos(op->getOperand(0)) || pos(op->getOperand(1));
  return false;
}

struct ProveNonzeroDivisorsPass
    : weft::impl::ProveNonzeroDivisorsBase<ProveNonzeroDivisorsPass> {
  void runOnOperation() override {
    getOperation()->walk([&](arith::CmpFOp cmp) {
      // x == 0.0 for an x that is never a zero: false.
      std::optional<double> rhs = constantOf(cmp.getRhs());
      if (cmp.getPredicate() != arith::CmpFPredicate::OEQ || !rhs ||
          *rhs != 0.0 || !positive(cmp.getLhs(), kDepth))
        return;
      OpBuilder b(cmp);
      cmp.replaceAllUsesWith(
          arith::ConstantIntOp::create(b, cmp.getLoc(), 0, 1).getResult());
      cmp.erase();
    });
  }
};

} // namespace
