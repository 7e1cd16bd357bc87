//===- LowerMath.cpp - Weft's math ops to the math dialect ----------------===//
//
// Implements weft-lower-math (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/PatternMatch.h"

namespace weft {
#define GEN_PASS_DEF_LOWERMATH
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct LowerMathPass : weft::impl::LowerMathBase<LowerMathPass> {
  void runOnOperation() override {
    SmallVector<weft::Atan2Op> ops;
    getOperation()->walk([&](weft::Atan2Op op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (weft::Atan2Op op : ops) {
      rewriter.setInsertionPoint(op);
      // Constant operands fold here, by C's rules: the conversion to LLVM
      // would fold math.atan2 by its own.
      SmallVector<OpFoldResult> folded;
      if (succeeded(op->fold(folded)) && folded.size() == 1)
        if (auto value = dyn_cast<Attribute>(folded[0])) {
          rewriter.replaceOpWithNewOp<arith::ConstantOp>(
              op, op.getType(), cast<TypedAttr>(value));
          continue;
        }
      rewriter.replaceOpWithNewOp<math::Atan2Op>(op, op.getY(), op.getX());
    }
  }
};

} // namespace
