//===- DropUnsignedWrap.cpp - clear nuw flags for negative strides --------===//
//
// Implements weft-drop-unsigned-wrap (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMInterfaces.h"

namespace weft {
#define GEN_PASS_DEF_DROPUNSIGNEDWRAP
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct DropUnsignedWrapPass
    : weft::impl::DropUnsignedWrapBase<DropUnsignedWrapPass> {
  void runOnOperation() override {
    getOperation()->walk([](Operation *op) {
      if (auto arith = dyn_cast<LLVM::IntegerOverflowFlagsInterface>(op)) {
        LLVM::IntegerOverflowFlags flags = arith.getOverflowFlags();
        if (bitEnumContainsAny(flags, LLVM::IntegerOverflowFlags::nuw))
          arith.setOverflowFlags(flags & ~LLVM::IntegerOverflowFlags::nuw);
        return;
      }
      if (auto gep = dyn_cast<LLVM::GEPOp>(op)) {
        LLVM::GEPNoWrapFlags flags = gep.getNoWrapFlags();
        if (bitEnumContainsAny(flags, LLVM::GEPNoWrapFlags::nuw))
          gep.setNoWrapFlags(flags & ~LLVM::GEPNoWrapFlags::nuw);
      }
    });
  }
};

} // namespace
