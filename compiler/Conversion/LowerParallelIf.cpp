//===- LowerParallelIf.cpp - weft.parallel_if to omp.parallel if() --------===//
//
// Implements weft-lower-parallel-if (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/IR/PatternMatch.h"

namespace weft {
#define GEN_PASS_DEF_LOWERPARALLELIF
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct LowerParallelIfPass
    : weft::impl::LowerParallelIfBase<LowerParallelIfPass> {
  void runOnOperation() override {
    SmallVector<weft::ParallelIfOp> marks;
    getOperation()->walk([&](weft::ParallelIfOp p) { marks.push_back(p); });
    for (weft::ParallelIfOp mark : marks) {
      auto nest = mark->getParentOfType<omp::LoopNestOp>();
      auto par = nest ? nest->getParentOfType<omp::ParallelOp>() : nullptr;
      if (!par || par.getIfExpr()) {
        mark.emitOpError("is not in an OpenMP loop without an if clause");
        return signalPassFailure();
      }
      par.getIfExprMutable().assign(mark.getCondition());
      mark.erase();
    }
  }
};

} // namespace
