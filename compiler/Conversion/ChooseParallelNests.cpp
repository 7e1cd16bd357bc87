//===- ChooseParallelNests.cpp - Parallel or serial array loop nests ------===//
//
// Implements weft-choose-parallel-nests (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

namespace weft {
#define GEN_PASS_DEF_CHOOSEPARALLELNESTS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Whether the body of `par` holds a loop of its own (the inner axes of a
/// nest, the loop of a matrix product or of a chunk of a reduction).
bool hasInnerLoop(scf::ParallelOp par) {
  return par.getBody()
      ->walk([](LoopLikeOpInterface) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

struct ChooseParallelNestsPass
    : weft::impl::ChooseParallelNestsBase<ChooseParallelNestsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<weft::ParallelWorkOp> marks;
    getOperation()->walk([&](weft::ParallelWorkOp w) { marks.push_back(w); });
    IRRewriter rewriter(&getContext());
    for (weft::ParallelWorkOp work : marks) {
      auto par = cast<scf::ParallelOp>(work->getParentOp());
      Location l = par.getLoc();
      // Inside a parallel loop (an array statement in a prange body) the
      // threads are busy: serial. A size known now: decided now. One copy.
      std::optional<int64_t> known = getConstantIntValue(work.getWork());
      bool nested = par->getParentOfType<scf::ParallelOp>() != nullptr;
      if (nested || known) {
        rewriter.eraseOp(work);
        if ((nested || *known < threshold) &&
            failed(scf::parallelForToNestedFors(rewriter, par))) {
          par.emitOpError("has no serial form");
          return signalPassFailure();
        }
        continue;
      }
      rewriter.setInsertionPoint(par);
      Value limit = arith::ConstantIndexOp::create(rewriter, l, threshold);
      Value big = arith::CmpIOp::create(rewriter, l, arith::CmpIPredicate::sge,
                                        work.getWork(), limit);
      if (!weft::inGPUFunction(par) && hasInnerLoop(par)) {
        rewriter.setInsertionPoint(work);
        rewriter.replaceOpWithNewOp<weft::ParallelIfOp>(work, big);
        continue;
      }
      rewriter.eraseOp(work);
      auto ifOp = scf::IfOp::create(rewriter, l, TypeRange{}, big,
                                    /*withElseRegion=*/true);
      rewriter.moveOpBefore(par, ifOp.thenBlock()->getTerminator());
      rewriter.setInsertionPoint(ifOp.elseBlock()->getTerminator());
      auto serial = cast<scf::ParallelOp>(rewriter.clone(*par));
      if (failed(scf::parallelForToNestedFors(rewriter, serial))) {
        par.emitOpError("has no serial form");
        return signalPassFailure();
      }
    }
  }
};

} // namespace
