//===- MapLoopsToGPU.cpp - Map device-safe parallel loops to the GPU ------===//
//
// Implements weft-gpu-map-loops (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/ParallelLoopMapper.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/SetVector.h"

#include <limits>
#include <optional>

namespace weft {
#define GEN_PASS_DEF_MAPLOOPSTOGPU
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// True if `op` can run on the device as it is.
bool deviceSafe(Operation *op) {
  // Lowered in the GPU module too.
  if (isa<weft::KeepLoopOp, weft::Atan2Op, weft::LibmOp, weft::FloorDivOp,
          weft::ModOp, weft::ShiftLeftOp, weft::ShiftRightOp, weft::MinimumOp,
          weft::MaximumOp, weft::RoundOp, weft::IscloseOp>(op))
    return true;
  Dialect *d = op->getDialect();
  if (!d)
    return false;
  if (isa<arith::ArithDialect, math::MathDialect, index::IndexDialect>(d))
    return true;
  if (isa<scf::SCFDialect>(d))
    return !isa<scf::ParallelOp>(op);
  if (isa<memref::MemRefDialect>(d))
    return isa<memref::LoadOp, memref::StoreOp, memref::AtomicRMWOp,
               memref::DimOp, memref::ExtractStridedMetadataOp,
               memref::ReinterpretCastOp, memref::CastOp, memref::SubViewOp>(
        op);
  return false;
}

bool bodyIsDeviceSafe(scf::ParallelOp par) {
  bool ok = true;
  par.getBody()->walk([&](Operation *op) {
    if (!deviceSafe(op))
      ok = false;
  });
  return ok;
}

/// How a reduction of an scf.parallel combines: the gpu.all_reduce
/// operation and its identity. MLIRGen writes + and * as one add or mul,
/// float min and max as minimumf/maximumf, integer ones as cmp + select
/// (MLIRGenPrange.cpp).
struct Combiner {
  gpu::AllReduceOperation op;
  TypedAttr identity;
};

std::optional<Combiner> classify(Block &region, Type t) {
  SmallVector<Operation *> ops;
  for (Operation &op : region.without_terminator())
    ops.push_back(&op);
  Value x = region.getArgument(0), y = region.getArgument(1);
  bool isF = isa<FloatType>(t);
  Builder b(t.getContext());
  auto zero = [&]() -> TypedAttr {
    return isF ? TypedAttr(b.getFloatAttr(t, 0.0))
               : TypedAttr(b.getIntegerAttr(t, 0));
  };
  auto one = [&]() -> TypedAttr {
    return isF ? TypedAttr(b.getFloatAttr(t, 1.0))
               : TypedAttr(b.getIntegerAttr(t, 1));
  };
  if (!t.isIntOrFloat())
    return std::nullopt;
  unsigned width = t.getIntOrFloatBitWidth();
  double inf = std::numeric_limits<double>::infinity();
  if (ops.size() == 1) {
    Operation *op = ops[0];
    if (op->getNumOperands() != 2 ||
        op->getResult(0) != region.getTerminator()->getOperand(0))
      return std::nullopt;
    if (!((op->getOperand(0) == x && op->getOperand(1) == y) ||
          (op->getOperand(0) == y && op->getOperand(1) == x)))
      return std::nullopt;
    if (isa<arith::AddFOp, arith::AddIOp>(op))
      return Combiner{gpu::AllReduceOperation::ADD, zero()};
    if (isa<arith::MulFOp, arith::MulIOp>(op))
      return Combiner{gpu::AllReduceOperation::MUL, one()};
    // Whole-array min and max (NaN propagates), any and all (as i32).
    if (isa<arith::MinimumFOp>(op))
      return Combiner{gpu::AllReduceOperation::MINIMUMF,
                      b.getFloatAttr(t, inf)};
    if (isa<arith::MaximumFOp>(op))
      return Combiner{gpu::AllReduceOperation::MAXIMUMF,
                      b.getFloatAttr(t, -inf)};
    if (isa<arith::MinSIOp>(op))
      return Combiner{gpu::AllReduceOperation::MINSI,
                      b.getIntegerAttr(t, APInt::getSignedMaxValue(width))};
    if (isa<arith::MaxSIOp>(op))
      return Combiner{gpu::AllReduceOperation::MAXSI,
                      b.getIntegerAttr(t, APInt::getSignedMinValue(width))};
    if (width >= 32 && isa<arith::AndIOp>(op))
      return Combiner{gpu::AllReduceOperation::AND,
                      b.getIntegerAttr(t, APInt::getAllOnes(width))};
    if (width >= 32 && isa<arith::OrIOp>(op))
      return Combiner{gpu::AllReduceOperation::OR, zero()};
    return std::nullopt;
  }
  if (ops.size() != 2)
    return std::nullopt;
  auto sel = dyn_cast<arith::SelectOp>(ops[1]);
  if (!sel || sel.getTrueValue() != x || sel.getFalseValue() != y ||
      sel.getCondition() != ops[0]->getResult(0))
    return std::nullopt;
  if (auto c = dyn_cast<arith::CmpFOp>(ops[0])) {
    if (c.getLhs() != x || c.getRhs() != y)
      return std::nullopt;
    if (c.getPredicate() == arith::CmpFPredicate::OLT)
      return Combiner{gpu::AllReduceOperation::MINNUMF, b.getFloatAttr(t, inf)};
    if (c.getPredicate() == arith::CmpFPredicate::OGT)
      return Combiner{gpu::AllReduceOperation::MAXNUMF,
                      b.getFloatAttr(t, -inf)};
  }
  if (auto c = dyn_cast<arith::CmpIOp>(ops[0])) {
    if (c.getLhs() != x || c.getRhs() != y)
      return std::nullopt;
    if (c.getPredicate() == arith::CmpIPredicate::slt)
      return Combiner{gpu::AllReduceOperation::MINSI,
                      b.getIntegerAttr(t, APInt::getSignedMaxValue(width))};
    if (c.getPredicate() == arith::CmpIPredicate::sgt)
      return Combiner{gpu::AllReduceOperation::MAXSI,
                      b.getIntegerAttr(t, APInt::getSignedMinValue(width))};
  }
  return std::nullopt;
}

/// a (op) b by the ops of a reduction region.
Value combine(OpBuilder &b, Block &region, Value a, Value v) {
  IRMapping map;
  map.map(region.getArgument(0), a);
  map.map(region.getArgument(1), v);
  for (Operation &op : region.without_terminator())
    b.clone(op, map);
  return map.lookup(region.getTerminator()->getOperand(0));
}

/// A parallel reduction on the GPU: each thread folds a grid-stride share
/// of the iterations, each block combines its threads (gpu.all_reduce,
/// shuffles and shared memory), thread 0 stores the block's value, and
/// the host folds the per-block values in block order.
void mapReduction(scf::ParallelOp par, ArrayRef<Combiner> combiners,
                  int64_t blockSize) {
  OpBuilder b(par);
  Location l = par.getLoc();
  auto idx = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, l, v);
  };
  Value lb = par.getLowerBound()[0], ub = par.getUpperBound()[0],
        step = par.getStep()[0];
  Value span =
      arith::MaxSIOp::create(b, l, arith::SubIOp::create(b, l, ub, lb), idx(0));
  Value trips = arith::CeilDivSIOp::create(b, l, span, step);
  Value threads = idx(blockSize);
  Value blocks = arith::MaxSIOp::create(
      b, l,
      arith::MinSIOp::create(
          b, l, arith::CeilDivSIOp::create(b, l, trips, threads), idx(1024)),
      idx(1));
  auto scfReduce = cast<scf::ReduceOp>(par.getBody()->getTerminator());
  SmallVector<Value> partials;
  for (Value r : par.getResults())
    partials.push_back(memref::AllocOp::create(
        b, l, MemRefType::get({ShapedType::kDynamic}, r.getType()),
        ValueRange{blocks}));

  auto launch = gpu::LaunchOp::create(b, l, blocks, idx(1), idx(1), threads,
                                      idx(1), idx(1));
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&launch.getBody().front());
    Value tid = launch.getThreadIds().x, bid = launch.getBlockIds().x;
    Value gid = arith::AddIOp::create(
        b, l, arith::MulIOp::create(b, l, bid, threads), tid);
    Value stride = arith::MulIOp::create(b, l, blocks, threads);
    SmallVector<Value> inits;
    for (const Combiner &c : combiners)
      inits.push_back(arith::ConstantOp::create(b, l, c.identity));
    // Threads past the last iteration start at it (the unrolled loop
    // below needs a non-negative span).
    Value first = arith::MinSIOp::create(b, l, gid, trips);
    auto loop = scf::ForOp::create(b, l, first, trips, stride, inits);
    {
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(loop.getBody());
      IRMapping map;
      map.map(par.getInductionVars()[0],
              arith::AddIOp::create(
                  b, l, lb,
                  arith::MulIOp::create(b, l, loop.getInductionVar(), step)));
      for (Operation &op : par.getBody()->without_terminator())
        b.clone(op, map);
      SmallVector<Value> next;
      for (unsigned i = 0; i < combiners.size(); ++i)
        next.push_back(
            combine(b, scfReduce.getReductions()[i].front(),
                    loop.getRegionIterArgs()[i],
                    map.lookupOrDefault(scfReduce.getOperands()[i])));
      scf::YieldOp::create(b, l, next);
    }
    // Four iterations per trip: their loads are independent, so a thread
    // has several in flight (one at a time cannot cover the memory
    // latency at full occupancy). The thread's values are then those of
    // the epilogue loop, which finishes the last trips.
    SmallVector<Value> perThread(loop.getResults());
    FailureOr<UnrolledLoopInfo> unrolled = loopUnrollByFactor(loop, 4);
    if (succeeded(unrolled) && unrolled->epilogueLoopOp)
      perThread.assign(unrolled->epilogueLoopOp->getResults().begin(),
                       unrolled->epilogueLoopOp->getResults().end());
    Value leader =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, tid, idx(0));
    SmallVector<Value> blockValues;
    for (unsigned i = 0; i < combiners.size(); ++i)
      blockValues.push_back(gpu::AllReduceOp::create(
          b, l, perThread[i],
          gpu::AllReduceOperationAttr::get(b.getContext(), combiners[i].op),
          /*uniform=*/true));
    auto ifOp = scf::IfOp::create(b, l, TypeRange{}, leader, false);
    {
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      for (unsigned i = 0; i < combiners.size(); ++i)
        memref::StoreOp::create(b, l, blockValues[i], partials[i],
                                ValueRange{bid});
    }
    gpu::TerminatorOp::create(b, l);
  }
  // The host folds the block values into the loop's initial values.
  auto fold =
      scf::ForOp::create(b, l, idx(0), blocks, idx(1), par.getInitVals());
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(fold.getBody());
    SmallVector<Value> next;
    for (unsigned i = 0; i < combiners.size(); ++i) {
      Value v = memref::LoadOp::create(b, l, partials[i],
                                       ValueRange{fold.getInductionVar()});
      next.push_back(combine(b, scfReduce.getReductions()[i].front(),
                             fold.getRegionIterArgs()[i], v));
    }
    scf::YieldOp::create(b, l, next);
  }
  for (Value p : partials)
    memref::DeallocOp::create(b, l, p);
  par.replaceAllUsesWith(fold.getResults());
  par.erase();
}

/// A parallel loop as serial scf.for loops: a reduction the device cannot
/// run, left on the host (the host's OpenMP lowering takes only some
/// combiners: not minsi, which argmin uses on the GPU, nor minimumf in a
/// larger combiner), or any parallel loop of code a kernel calls (each thread
/// of the kernel runs it alone).
void serializeParallel(scf::ParallelOp par) {
  OpBuilder b(par);
  Location l = par.getLoc();
  auto scfReduce = cast<scf::ReduceOp>(par.getBody()->getTerminator());
  bool carries = par.getNumResults() != 0;
  IRMapping map;
  SmallVector<scf::ForOp> loops;
  ValueRange acc = par.getInitVals();
  for (unsigned d = 0; d < par.getNumLoops(); ++d) {
    // Without results a loop gets its (empty) yield when made.
    auto loop =
        scf::ForOp::create(b, l, par.getLowerBound()[d], par.getUpperBound()[d],
                           par.getStep()[d], acc);
    if (!loops.empty() && carries)
      scf::YieldOp::create(b, l, loop.getResults());
    map.map(par.getInductionVars()[d], loop.getInductionVar());
    if (carries)
      b.setInsertionPointToStart(loop.getBody());
    else
      b.setInsertionPoint(loop.getBody()->getTerminator());
    acc = loop.getRegionIterArgs();
    loops.push_back(loop);
  }
  for (Operation &op : par.getBody()->without_terminator())
    b.clone(op, map);
  if (carries) {
    SmallVector<Value> next;
    for (unsigned i = 0; i < par.getNumResults(); ++i)
      next.push_back(combine(b, scfReduce.getReductions()[i].front(), acc[i],
                             map.lookupOrDefault(scfReduce.getOperands()[i])));
    scf::YieldOp::create(b, l, next);
  }
  par.replaceAllUsesWith(loops.front().getResults());
  par.erase();
}

/// `fn` and every function it calls, once each.
void collectCallees(func::FuncOp fn, ModuleOp module,
                    llvm::SetVector<func::FuncOp> &out) {
  if (!fn || fn.isExternal() || !out.insert(fn))
    return;
  fn.walk([&](func::CallOp call) {
    collectCallees(module.lookupSymbol<func::FuncOp>(call.getCallee()), module,
                   out);
  });
}

/// The first operation of `fn` (or of a function it calls) that cannot run
/// on the device, or null.
Operation *firstHostOnly(func::FuncOp fn, ModuleOp module,
                         llvm::SmallPtrSetImpl<Operation *> &seen) {
  if (!seen.insert(fn).second || fn.isExternal())
    return nullptr;
  Operation *bad = nullptr;
  fn.walk([&](Operation *op) {
    if (bad || op == fn.getOperation())
      return;
    if (auto call = dyn_cast<func::CallOp>(op)) {
      auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
      bad = callee ? firstHostOnly(callee, module, seen) : op;
      return;
    }
    if (!isa<func::ReturnOp>(op) && !deviceSafe(op))
      bad = op;
  });
  return bad;
}

/// What a host-only operation does, for the error message.
std::string describe(Operation *op) {
  if (isa<weft::PrintOp>(op))
    return "print()";
  if (isa<memref::AllocOp, memref::AllocaOp, weft::RetainOp, weft::ReleaseOp,
          weft::NullArrayOp>(op))
    return "a new array";
  if (isa<weft::TryOp, weft::TryYieldOp, weft::CellOp, weft::CellStoreOp,
          weft::CellLoadOp>(op))
    return "a try statement";
  if (isa_and_nonnull<weft::WeftDialect>(op->getDialect()))
    return "a runtime call (" + op->getName().getStringRef().str() + ")";
  return op->getName().getStringRef().str();
}

struct MapLoopsToGPUPass : weft::impl::MapLoopsToGPUBase<MapLoopsToGPUPass> {
  using MapLoopsToGPUBase::MapLoopsToGPUBase;

  void runOnOperation() override {
    // Explicit kernel launches (MLIRGen's gpu.launch): everything they
    // call must run on the device, each thread on its own, so the
    // parallel loops there (array reductions, array statements) run
    // serially on the thread.
    llvm::SetVector<func::FuncOp> deviceFunctions;
    getOperation().walk([&](gpu::LaunchOp launch) {
      launch.walk([&](func::CallOp call) {
        collectCallees(
            getOperation().lookupSymbol<func::FuncOp>(call.getCallee()),
            getOperation(), deviceFunctions);
      });
    });
    for (func::FuncOp fn : deviceFunctions) {
      SmallVector<scf::ParallelOp> inner; // innermost first (post-order)
      fn.walk([&](scf::ParallelOp par) { inner.push_back(par); });
      for (scf::ParallelOp par : inner)
        serializeParallel(par);
    }
    bool ok = true;
    getOperation().walk([&](gpu::LaunchOp launch) {
      launch.walk([&](func::CallOp call) {
        auto callee =
            getOperation().lookupSymbol<func::FuncOp>(call.getCallee());
        llvm::SmallPtrSet<Operation *, 8> seen;
        if (Operation *bad =
                callee ? firstHostOnly(callee, getOperation(), seen) : call) {
          bad->emitError() << "error in the program: a @kernel launched on "
                              "the GPU cannot use "
                           << describe(bad)
                           << "; move it out of the kernel or run with "
                              "--target=cpu";
          ok = false;
        }
      });
    });
    if (!ok)
      return signalPassFailure();

    SmallVector<scf::ParallelOp> loops, hostReductions;
    SmallVector<std::pair<scf::ParallelOp, SmallVector<Combiner>>> reductions;
    getOperation().walk([&](scf::ParallelOp par) {
      if (par->getParentOfType<scf::ParallelOp>() ||
          par->getParentOfType<gpu::LaunchOp>())
        return;
      // Only functions that target the GPU (--target=gpu or
      // @jit(target="gpu")).
      if (!weft::inGPUFunction(par))
        return;
      // Left on the host: a reduction whose combiner OpenMP lacks runs
      // serially (a lone minimumf/maximumf is one that
      // weft-key-float-reductions gives OpenMP).
      auto onHost = [&] {
        bool openMP = true;
        for (Region &r : cast<scf::ReduceOp>(par.getBody()->getTerminator())
                             .getReductions())
          r.walk([&](Operation *op) {
            bool lone = r.front().getOperations().size() == 2;
            if (isa<arith::MinSIOp, arith::MaxSIOp>(op) ||
                (isa<arith::MinimumFOp, arith::MaximumFOp>(op) && !lone))
              openMP = false;
          });
        if (!openMP)
          hostReductions.push_back(par);
      };
      if (par.getNumLoops() > 2 || !bodyIsDeviceSafe(par))
        return onHost();
      if (par.getNumResults() == 0) {
        loops.push_back(par);
        return;
      }
      if (par.getNumLoops() != 1) // reductions: one axis
        return onHost();
      auto reduce = cast<scf::ReduceOp>(par.getBody()->getTerminator());
      SmallVector<Combiner> combiners;
      for (unsigned i = 0; i < par.getNumResults(); ++i) {
        auto c = classify(reduce.getReductions()[i].front(),
                          par.getResult(i).getType());
        if (!c)
          return onHost();
        combiners.push_back(*c);
      }
      reductions.push_back({par, combiners});
    });
    for (auto &[par, combiners] : reductions)
      mapReduction(par, combiners, blockSize);
    for (scf::ParallelOp par : hostReductions)
      serializeParallel(par);
    MLIRContext *ctx = &getContext();
    AffineMap id = AffineMap::getMultiDimIdentityMap(1, ctx);
    auto map = [&](gpu::Processor p) {
      return gpu::ParallelLoopDimMappingAttr::get(ctx, p, id, id);
    };
    auto mapFlat = [&](scf::ParallelOp par) {
      auto [outer, inner] =
          scf::tileParallelLoop(par, {blockSize}, /*noMinMaxBounds=*/true);
      (void)gpu::setMappingAttr(outer, {map(gpu::Processor::BlockX)});
      (void)gpu::setMappingAttr(inner, {map(gpu::Processor::ThreadX)});
    };
    for (scf::ParallelOp par : loops) {
      // Tiles of blockSize iterations (16 x 16 for two axes): the tile
      // loop runs over blocks, the loop inside a tile over threads
      // (guarded by an scf.if); the last axis, contiguous in memory, maps
      // to x.
      if (par.getNumLoops() == 1) {
        mapFlat(par);
        continue;
      }
      // A grid has at most 65535 blocks along y: more rows than 16 times
      // that run as one flat loop over both axes (the last one fastest).
      {
        OpBuilder b(par);
        Location l = par.getLoc();
        Value rows = arith::CeilDivSIOp::create(
            b, l,
            arith::SubIOp::create(b, l, par.getUpperBound()[0],
                                  par.getLowerBound()[0]),
            par.getStep()[0]);
        Value fits = arith::CmpIOp::create(
            b, l, arith::CmpIPredicate::sle, rows,
            arith::ConstantIndexOp::create(b, l, 65535 * 16));
        auto ifOp = scf::IfOp::create(b, l, TypeRange{}, fits, true);
        par->moveBefore(ifOp.thenBlock()->getTerminator());
        OpBuilder eb = OpBuilder::atBlockTerminator(ifOp.elseBlock());
        auto flat = cast<scf::ParallelOp>(eb.clone(*par));
        IRRewriter rewriter(flat.getContext());
        rewriter.setInsertionPoint(flat);
        collapseParallelLoops(rewriter, flat, {{0, 1}});
        scf::ParallelOp collapsed;
        for (Operation &op : *ifOp.elseBlock())
          if (auto p = dyn_cast<scf::ParallelOp>(op))
            collapsed = p;
        if (collapsed)
          mapFlat(collapsed);
      }
      auto [outer, inner] =
          scf::tileParallelLoop(par, {16, 16}, /*noMinMaxBounds=*/true);
      (void)gpu::setMappingAttr(
          outer, {map(gpu::Processor::BlockY), map(gpu::Processor::BlockX)});
      (void)gpu::setMappingAttr(
          inner, {map(gpu::Processor::ThreadY), map(gpu::Processor::ThreadX)});
    }
  }
};

} // namespace
