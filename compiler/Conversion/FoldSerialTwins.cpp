//===- FoldSerialTwins.cpp - One copy of each parallel loop nest ----------===//
//
// Implements weft-fold-serial-twins (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"

namespace weft {
#define GEN_PASS_DEF_FOLDSERIALTWINS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The then-branch's single omp.parallel, if the branch holds no other
/// Weft operation than the metrics counter of parallel regions.
omp::ParallelOp soleParallel(scf::IfOp ifOp) {
  omp::ParallelOp found;
  for (Operation &op : ifOp.getThenRegion().front().without_terminator()) {
    if (isa_and_nonnull<weft::WeftDialect>(op.getDialect()) &&
        !isa<weft::MetricsParallelRegionOp>(op))
      return nullptr;
    if (auto par = dyn_cast<omp::ParallelOp>(op)) {
      if (found)
        return nullptr;
      found = par;
    }
  }
  return found;
}

struct FoldSerialTwinsPass
    : weft::impl::FoldSerialTwinsBase<FoldSerialTwinsPass> {
  void runOnOperation() override {
    SmallVector<scf::IfOp> twins;
    getOperation()->walk([&](scf::IfOp ifOp) {
      if (ifOp->hasAttr(weft::WeftDialect::kSerialTwinAttrName) &&
          ifOp.getNumResults() == 0 && !ifOp.getElseRegion().empty())
        twins.push_back(ifOp);
    });
    IRRewriter rewriter(&getContext());
    for (scf::IfOp ifOp : twins) {
      omp::ParallelOp par = soleParallel(ifOp);
      if (!par || par.getIfExpr())
        continue;
      par.getIfExprMutable().assign(ifOp.getCondition());
      Block &then = ifOp.getThenRegion().front();
      // The counter still counts only the nests that run in parallel.
      for (auto count : llvm::make_early_inc_range(
               then.getOps<weft::MetricsParallelRegionOp>())) {
        rewriter.setInsertionPoint(count);
        auto guard = scf::IfOp::create(rewriter, count.getLoc(), TypeRange{},
                                       ifOp.getCondition(), false);
        rewriter.moveOpBefore(count, guard.thenBlock()->getTerminator());
      }
      rewriter.eraseOp(then.getTerminator());
      rewriter.inlineBlockBefore(&then, ifOp);
      rewriter.eraseOp(ifOp);
    }
  }
};

} // namespace
