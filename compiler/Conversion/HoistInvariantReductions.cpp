//===- HoistInvariantReductions.cpp - Reductions out of parallel loops ----===//
//
// Implements weft-hoist-invariant-reductions (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace weft {
#define GEN_PASS_DEF_HOISTINVARIANTREDUCTIONS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Whether `v` is defined in one of `op`'s regions.
bool definedIn(Value v, Operation *op) {
  return op->isAncestor(v.getParentRegion()->getParentOp());
}

/// Whether `op` (with what it contains) may change memory that existed
/// before `loop`: writes and frees of buffers made inside the loop, and
/// errors (which stop the iteration, not change data), do not.
bool changesOuterMemory(Operation *op, Operation *loop) {
  WalkResult r = op->walk([&](Operation *o) {
    if (isa<weft::FailOp, weft::RetainOp>(o) ||
        o->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
      return WalkResult::advance();
    if (auto rel = dyn_cast<weft::ReleaseOp>(o))
      return definedIn(rel.getArray(), loop) ? WalkResult::advance()
                                             : WalkResult::interrupt();
    auto mem = dyn_cast<MemoryEffectOpInterface>(o);
    if (!mem)
      return WalkResult::interrupt(); // unknown: calls, runtime ops
    SmallVector<MemoryEffects::EffectInstance> effects;
    mem.getEffects(effects);
    for (const MemoryEffects::EffectInstance &e : effects) {
      if (!isa<MemoryEffects::Write, MemoryEffects::Free>(e.getEffect()))
        continue;
      Value target = e.getValue();
      if (!target || !definedIn(target, loop))
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return r.wasInterrupted();
}

/// Moves the whole reductions at the start of `loop`'s body whose inputs
/// are defined outside it to just before it. Returns how many moved.
int hoistReductions(scf::ParallelOp loop) {
  int moved = 0;
  // Only reductions before any change of outer memory in the iteration
  // move: every iteration then reads what was there before the loop, one
  // of the orders parallel iterations may run in.
  bool blocked = false;
  Block *body = loop.getBody();
  for (Operation &op : llvm::make_early_inc_range(*body)) {
    auto reduce = dyn_cast<weft::ReduceOp>(&op);
    if (!reduce || reduce.getAxis()) {
      blocked = blocked || changesOuterMemory(&op, loop);
      continue;
    }
    bool invariant = llvm::all_of(reduce->getOperands(),
                                  [&](Value v) { return !definedIn(v, loop); });
    // The body may only use its own values and ones from outside.
    reduce.getBody().walk([&](Operation *inner) {
      for (Value v : inner->getOperands())
        if (definedIn(v, loop) && !definedIn(v, reduce))
          invariant = false;
    });
    if (!invariant)
      continue;
    if (blocked) {
      weft::reportToUser(reduce, "reduction of an array from outside the "
                                 "loop computed in every iteration: a store "
                                 "or call before it in the iteration may "
                                 "change that array");
      continue;
    }
    reduce->moveBefore(loop);
    weft::reportToUser(reduce, "reduction hoisted out of the parallel loop "
                               "(its array is not changed before it in an "
                               "iteration)");
    ++moved;
  }
  return moved;
}

struct HoistInvariantReductionsPass
    : weft::impl::HoistInvariantReductionsBase<HoistInvariantReductionsPass> {
  void runOnOperation() override {
    // Innermost loops first, so a reduction can leave a whole nest.
    SmallVector<scf::ParallelOp> loops;
    getOperation()->walk([&](scf::ParallelOp loop) { loops.push_back(loop); });
    for (scf::ParallelOp loop : loops) {
      moveLoopInvariantCode(cast<LoopLikeOpInterface>(loop.getOperation()));
      if (hoistReductions(loop))
        moveLoopInvariantCode(cast<LoopLikeOpInterface>(loop.getOperation()));
    }
  }
};

} // namespace
