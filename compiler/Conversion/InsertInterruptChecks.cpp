//===- InsertInterruptChecks.cpp - Ctrl-C checks at the top of loops ------===//
//
// Implements weft-insert-interrupt-checks (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"

namespace weft {
#define GEN_PASS_DEF_INSERTINTERRUPTCHECKS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

bool isLoop(Operation *op) {
  return isa<scf::ForOp, scf::WhileOp, weft::ParallelForOp,
             weft::ComprehensionOp>(op);
}

/// The block a loop runs per iteration (scf.while: the `do` region).
Block &iterationBlock(Operation *loop) {
  if (auto w = dyn_cast<scf::WhileOp>(loop))
    return w.getAfter().front();
  return loop->getRegion(0).front();
}

/// True if `blk` holds a loop, directly or under scf.if (the statements
/// of a loop body: `if` statements and the guards of `break`/`continue`).
bool holdsLoop(Block &blk) {
  for (Operation &op : blk) {
    if (isLoop(&op))
      return true;
    if (auto branch = dyn_cast<scf::IfOp>(op))
      for (Region &r : branch->getRegions())
        if (!r.empty() && holdsLoop(r.front()))
          return true;
  }
  return false;
}

/// A loop that may never end (a `while` statement: weft.keep_loop) or
/// that runs other loops checks at the top of each iteration; innermost
/// `for` loops stay free of calls, so they vectorize (and end).
bool needsCheck(Operation *loop) {
  if (isa<weft::ComprehensionOp>(loop))
    return false;
  Block &blk = iterationBlock(loop);
  return !blk.getOps<weft::KeepLoopOp>().empty() || holdsLoop(blk);
}

int64_t lineOf(Location l) {
  if (auto flc = l->findInstanceOf<FileLineColLoc>())
    return flc.getLine();
  return 0;
}

struct InsertInterruptChecksPass
    : weft::impl::InsertInterruptChecksBase<InsertInterruptChecksPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!module->hasAttr(weft::kInterruptibleAttr))
      return;
    module.walk([](Operation *loop) {
      if (!isLoop(loop) || !needsCheck(loop))
        return;
      Block &blk = iterationBlock(loop);
      OpBuilder b(&blk, blk.begin());
      Location l = loop->getLoc();
      // The flag is read inline; the runtime is called only once it is set.
      Value requested = weft::InterruptRequestedOp::create(b, l, b.getI1Type());
      auto branch = scf::IfOp::create(b, l, TypeRange{}, requested, false);
      b.setInsertionPointToStart(&branch.getThenRegion().front());
      weft::CheckInterruptOp::create(b, l, lineOf(l));
    });
  }
};

} // namespace
