//===- InlineAllocaScopes.cpp - Inline memref.alloca_scope regions -------===//
//
// Implements weft-inline-alloca-scopes (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"

namespace weft {
#define GEN_PASS_DEF_INLINEALLOCASCOPES
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct InlineAllocaScopesPass
    : weft::impl::InlineAllocaScopesBase<InlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation()->walk(
        [&](memref::AllocaScopeOp scope) { scopes.push_back(scope); });
    IRRewriter rewriter(&getContext());
    auto ptr = LLVM::LLVMPointerType::get(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      // A scope that allocates frees its stack buffers at its end (each
      // iteration of a parallel loop body).
      bool allocates = false;
      scope.getBodyRegion().walk([&](memref::AllocaOp) { allocates = true; });
      Block &body = scope.getBodyRegion().front();
      auto ret = cast<memref::AllocaScopeReturnOp>(body.getTerminator());
      SmallVector<Value> results(ret.getResults());
      if (allocates) {
        rewriter.setInsertionPoint(scope);
        Value saved = LLVM::StackSaveOp::create(rewriter, scope.getLoc(), ptr);
        rewriter.setInsertionPointAfter(scope);
        LLVM::StackRestoreOp::create(rewriter, scope.getLoc(), saved);
      }
      rewriter.eraseOp(ret);
      rewriter.inlineBlockBefore(&body, scope);
      rewriter.replaceOp(scope, results);
    }
  }
};

} // namespace
