//===- PromoteBuffers.cpp - Buffers whose lifetime is known ---------------===//
//
// Implements weft-promote-buffers (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

namespace weft {
#define GEN_PASS_DEF_PROMOTEBUFFERS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Whether `index` stays within [0, size): a constant, or the induction
/// variable of an scf.for or scf.parallel with constant bounds inside it.
bool provablyWithin(Value index, int64_t size) {
  auto within = [&](Value lb, Value ub, Value step) {
    std::optional<int64_t> l = getConstantIntValue(lb),
                           u = getConstantIntValue(ub),
                           s = getConstantIntValue(step);
    return l && u && s && *l >= 0 && *u <= size && *s >= 1;
  };
  if (std::optional<int64_t> c = getConstantIntValue(index))
    return *c >= 0 && *c < size;
  auto arg = dyn_cast<BlockArgument>(index);
  if (!arg)
    return false;
  Operation *loop = arg.getOwner()->getParentOp();
  if (auto f = dyn_cast<scf::ForOp>(loop))
    return arg == f.getInductionVar() &&
           within(f.getLowerBound(), f.getUpperBound(), f.getStep());
  if (auto p = dyn_cast<scf::ParallelOp>(loop)) {
    unsigned i = arg.getArgNumber();
    return i < p.getNumLoops() &&
           within(p.getLowerBound()[i], p.getUpperBound()[i], p.getStep()[i]);
  }
  return false;
}

/// What the uses of a buffer allow.
struct BufferUses {
  SmallVector<weft::ReleaseOp> releases;
  /// Every element access provably in bounds (so a stack buffer cannot be
  /// overrun: without --boundscheck a wild index is not checked, and a
  /// heap buffer's guard word at least catches small overruns).
  bool inBounds = true;
};

/// The uses of `alloc`'s buffer if every use of it and of its views only
/// reads, writes, measures or prints it (a whitelist: any other use may
/// let it escape); none otherwise.
std::optional<BufferUses> usesOfLocalBuffer(memref::AllocOp alloc) {
  BufferUses uses;
  MemRefType type = alloc.getType();
  bool static_ = type.hasStaticShape();
  // Values that alias the buffer, and whether they index it as it is
  // (memref.cast) or as a view with other offsets and strides.
  SmallVector<std::pair<Value, bool>> work{{alloc.getResult(), false}};
  auto access = [&](ValueRange indices, bool viaView) {
    if (!static_ || viaView) {
      uses.inBounds = false;
      return;
    }
    for (auto [d, index] : llvm::enumerate(indices))
      uses.inBounds &= provablyWithin(index, type.getDimSize(d));
  };
  while (!work.empty()) {
    auto [v, viaView] = work.pop_back_val();
    for (OpOperand &use : v.getUses()) {
      Operation *user = use.getOwner();
      if (isa<memref::CastOp>(user)) {
        work.push_back({user->getResult(0), viaView});
        continue;
      }
      if (isa<memref::SubViewOp, memref::ReinterpretCastOp,
              memref::CollapseShapeOp, memref::ExpandShapeOp>(user) &&
          use.getOperandNumber() == 0) {
        work.push_back({user->getResult(0), true});
        continue;
      }
      if (auto md = dyn_cast<memref::ExtractStridedMetadataOp>(user)) {
        work.push_back({md.getBaseBuffer(), true});
        continue;
      }
      // Stored into, not stored as a value.
      if (auto store = dyn_cast<memref::StoreOp>(user)) {
        if (store.getValueToStore() == v)
          return std::nullopt;
        access(store.getIndices(), viaView);
        continue;
      }
      if (auto load = dyn_cast<memref::LoadOp>(user)) {
        access(load.getIndices(), viaView);
        continue;
      }
      if (auto rmw = dyn_cast<memref::AtomicRMWOp>(user)) {
        access(rmw.getIndices(), viaView);
        continue;
      }
      if (isa<memref::DimOp, memref::ExtractAlignedPointerAsIndexOp,
              weft::PrintOp, weft::PairwiseSumOp, weft::GemmOp, weft::SaveNpyOp,
              weft::SortOp, weft::ArgsortOp, weft::LinalgOp, weft::DecomposeOp>(
              user))
        continue;
      if (auto release = dyn_cast<weft::ReleaseOp>(user)) {
        uses.releases.push_back(release);
        continue;
      }
      return std::nullopt;
    }
  }
  return uses;
}

/// Where a hoisted alloca goes: the start of the function's body, or of the
/// body of the innermost parallel loop around `op` (one buffer per
/// iteration, that is per thread; convert-scf-to-openmp gives the body an
/// alloca scope, which weft-inline-alloca-scopes turns into stacksave and
/// stackrestore). Not the body of another loop: an alloca there would
/// grow the stack on every iteration (scf.for is an automatic allocation
/// scope to MLIR, but its lowering frees nothing).
Block *allocaBlock(Operation *op) {
  if (auto par = op->getParentOfType<scf::ParallelOp>())
    return par.getBody();
  auto fn = op->getParentOfType<func::FuncOp>();
  return fn ? &fn.getBody().front() : nullptr;
}

/// The bytes of a buffer of static shape (bools take a byte each).
int64_t staticBytes(MemRefType type) {
  return type.getNumElements() * weft::elementBytes(type.getElementType());
}

/// Whether every use of `v` is a weft.release.
bool onlyReleased(Value v) {
  return llvm::all_of(v.getUsers(),
                      [](Operation *u) { return isa<weft::ReleaseOp>(u); });
}

/// Whether the array value `loop` carries at position `i` dies in each
/// iteration: the carried argument is only released (the variable is
/// assigned before it is read), or handed as the initial value to an inner
/// loop in which it dies in the same way and whose result is this
/// iteration's next value and nothing else.
bool carriedDies(scf::ForOp loop, unsigned i) {
  BlockArgument carried = loop.getRegionIterArgs()[i];
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  Value next = yield.getOperand(i);
  if (next == carried)
    return false;
  for (OpOperand &use : carried.getUses()) {
    Operation *user = use.getOwner();
    if (isa<weft::ReleaseOp>(user))
      continue;
    auto inner = dyn_cast<scf::ForOp>(user);
    if (!inner || use.getOperandNumber() < inner.getNumControlOperands())
      return false;
    unsigned j = use.getOperandNumber() - inner.getNumControlOperands();
    if (next != inner.getResult(j) || !inner.getResult(j).hasOneUse() ||
        !carriedDies(inner, j))
      return false;
  }
  return true;
}

/// Releases the value `loop` carries at `i` at the end of the iteration
/// that makes it, and carries the initial value instead (see
/// carriedDies), inner loops first.
void releaseEachIteration(scf::ForOp loop, unsigned i, IRRewriter &rewriter) {
  BlockArgument carried = loop.getRegionIterArgs()[i];
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  Value next = yield.getOperand(i);
  SmallVector<std::pair<scf::ForOp, unsigned>> inner;
  for (OpOperand &use : carried.getUses())
    if (auto f = dyn_cast<scf::ForOp>(use.getOwner()))
      inner.push_back({f, use.getOperandNumber() - f.getNumControlOperands()});
  for (auto [f, j] : inner)
    releaseEachIteration(f, j, rewriter);
  // What was released here is now the initial null array: nothing.
  for (Operation *user : llvm::make_early_inc_range(carried.getUsers()))
    if (isa<weft::ReleaseOp>(user))
      rewriter.eraseOp(user);
  // A value made by an inner loop was released in its own iteration.
  bool fromInner = llvm::any_of(
      inner, [&](auto &fj) { return fj.first.getResult(fj.second) == next; });
  if (!fromInner) {
    rewriter.setInsertionPoint(yield);
    weft::ReleaseOp::create(rewriter, yield.getLoc(), next);
  }
  Value init = loop.getInitArgs()[i];
  rewriter.modifyOpInPlace(yield, [&] { yield->setOperand(i, init); });
}

/// An array variable assigned in a loop body before it is read, and not
/// used after the loop (`t = zeros(3)` in the body, also in a loop nest):
/// its value dies in the iteration that makes it. MLIRGen carries it to
/// the next iteration, which releases it, and out of the loop, where it is
/// released. Here it is released at the end of its own iteration instead,
/// so that its buffer is released in the block that allocates it.
void releaseInIteration(scf::ForOp loop, IRRewriter &rewriter) {
  for (unsigned i = 0; i < loop.getNumRegionIterArgs(); ++i) {
    if (!loop.getInitArgs()[i].getDefiningOp<weft::NullArrayOp>() ||
        !onlyReleased(loop.getResult(i)) || !carriedDies(loop, i))
      continue;
    for (Operation *user :
         llvm::make_early_inc_range(loop.getResult(i).getUsers()))
      rewriter.eraseOp(user);
    releaseEachIteration(loop, i, rewriter);
  }
}

struct PromoteBuffersPass : weft::impl::PromoteBuffersBase<PromoteBuffersPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<memref::AllocOp> allocs;
    getOperation()->walk([&](memref::AllocOp alloc) {
      if (alloc->getParentOfType<func::FuncOp>() && !weft::inGPUFunction(alloc))
        allocs.push_back(alloc);
    });
    IRRewriter rewriter(&getContext());
    SmallVector<scf::ForOp> loops;
    getOperation()->walk([&](scf::ForOp loop) {
      if (loop->getParentOfType<func::FuncOp>() && !weft::inGPUFunction(loop))
        loops.push_back(loop);
    });
    for (scf::ForOp loop : loops)
      releaseInIteration(loop, rewriter);
    // Stack bytes given out per function (or parallel loop body): at most
    // four of the largest buffers' worth.
    DenseMap<Block *, int64_t> stackUsed;
    for (memref::AllocOp alloc : allocs) {
      // The loop report says why an array made in every iteration of a
      // loop stays on the heap.
      bool inLoop = alloc->getParentOfType<LoopLikeOpInterface>() != nullptr;
      auto reportHeap = [&](const char *why) {
        if (inLoop)
          weft::reportToUser(alloc,
                             std::string("array allocated on the heap in every "
                                         "iteration of the loop: ") +
                                 why);
      };
      std::optional<BufferUses> uses = usesOfLocalBuffer(alloc);
      if (!uses || uses->releases.size() != 1) {
        reportHeap("reference counted, as it outlives the statement (passed "
                   "to a call, stored, yielded or returned)");
        continue;
      }
      weft::ReleaseOp release = uses->releases.front();
      // Released once, in the allocating block, after the allocation.
      if (release->getBlock() != alloc->getBlock() ||
          !alloc->isBeforeInBlock(release)) {
        reportHeap("reference counted, as it is released elsewhere than "
                   "where it is made");
        continue;
      }
      MemRefType type = alloc.getType();
      Block *entry = allocaBlock(alloc);
      int64_t bytes = type.hasStaticShape() ? staticBytes(type) : 0;
      if (!type.hasStaticShape())
        reportHeap("its size is not known at compile time (freed in the "
                   "iteration, without a reference count)");
      else if (bytes > maxStackBytes)
        reportHeap("larger than the stack limit for arrays (freed in the "
                   "iteration, without a reference count)");
      else if (!uses->inBounds)
        reportHeap("an access to it or to a view of it is not provably in "
                   "bounds (freed in the iteration, without a reference "
                   "count)");
      if (type.hasStaticShape() && alloc.getSymbolOperands().empty() &&
          bytes <= maxStackBytes && uses->inBounds && entry &&
          stackUsed[entry] + bytes <= 4 * maxStackBytes) {
        stackUsed[entry] += bytes;
        rewriter.setInsertionPointToStart(entry);
        auto alloca = memref::AllocaOp::create(rewriter, alloc.getLoc(), type,
                                               alloc.getAlignmentAttr());
        rewriter.replaceOp(alloc, alloca.getResult());
        rewriter.eraseOp(release);
        continue;
      }
      rewriter.setInsertionPoint(release);
      memref::DeallocOp::create(rewriter, release.getLoc(), alloc.getResult());
      rewriter.eraseOp(release);
    }
  }
};

} // namespace
