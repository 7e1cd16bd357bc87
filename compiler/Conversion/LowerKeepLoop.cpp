//===- LowerKeepLoop.cpp - weft.keep_loop to llvm.sideeffect --------------===//
//
// Implements weft-lower-keep-loop (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/PatternMatch.h"

namespace weft {
#define GEN_PASS_DEF_LOWERKEEPLOOP
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct LowerKeepLoopPass : weft::impl::LowerKeepLoopBase<LowerKeepLoopPass> {
  void runOnOperation() override {
    SmallVector<weft::KeepLoopOp> marks;
    getOperation()->walk([&](weft::KeepLoopOp op) { marks.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (weft::KeepLoopOp op : marks) {
      rewriter.setInsertionPoint(op);
      LLVM::CallIntrinsicOp::create(rewriter, op.getLoc(),
                                    rewriter.getStringAttr("llvm.sideeffect"),
                                    ValueRange{});
      rewriter.eraseOp(op);
    }
  }
};

} // namespace
