//===- BorrowArguments.cpp - Array arguments without a reference count ----===//
//
// Implements weft-borrow-arguments (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace weft {
#define GEN_PASS_DEF_BORROWARGUMENTS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The retain and the release of argument `arg` that can go: exactly one
/// of each, both in the function's only block, and no other use that
/// could hand the argument's reference on (a region's yield or loop
/// argument, a return, another retain or release).
bool borrowable(BlockArgument arg, weft::RetainOp &retain,
                weft::ReleaseOp &release) {
  Block *body = arg.getOwner();
  for (OpOperand &use : arg.getUses()) {
    Operation *user = use.getOwner();
    if (auto r = dyn_cast<weft::RetainOp>(user)) {
      if (retain || user->getBlock() != body)
        return false;
      retain = r;
    } else if (auto r = dyn_cast<weft::ReleaseOp>(user)) {
      if (release || user->getBlock() != body)
        return false;
      release = r;
    } else if (user->hasTrait<OpTrait::IsTerminator>() ||
               user->getNumRegions() > 0 || isa<weft::CellStoreOp>(user)) {
      // Yielded, returned, carried into a loop or kept in a try's cell:
      // the value may be released under another name.
      return false;
    }
  }
  return retain && release && retain->isBeforeInBlock(release);
}

struct BorrowArgumentsPass
    : weft::impl::BorrowArgumentsBase<BorrowArgumentsPass> {
  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (fn.isExternal() || !fn.getBody().hasOneBlock())
      return;
    for (BlockArgument arg : fn.getArguments()) {
      if (!isa<MemRefType>(arg.getType()))
        continue;
      weft::RetainOp retain;
      weft::ReleaseOp release;
      if (!borrowable(arg, retain, release))
        continue;
      retain.erase();
      release.erase();
    }
  }
};

} // namespace
