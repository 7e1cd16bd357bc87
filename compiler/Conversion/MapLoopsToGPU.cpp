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
#include "mlir/IR/AffineMap.h"

namespace weft {
#define GEN_PASS_DEF_MAPLOOPSTOGPU
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// True if `op` can run on the device as it is.
bool deviceSafe(Operation *op) {
  Dialect *d = op->getDialect();
  if (!d)
    return false;
  StringRef ns = d->getNamespace();
  if (ns == "arith" || ns == "math" || ns == "index")
    return true;
  if (ns == "scf")
    return !isa<scf::ParallelOp>(op);
  if (ns == "memref")
    return isa<memref::LoadOp, memref::StoreOp, memref::DimOp,
               memref::ExtractStridedMetadataOp, memref::ReinterpretCastOp,
               memref::CastOp, memref::SubViewOp>(op);
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

struct MapLoopsToGPUPass : weft::impl::MapLoopsToGPUBase<MapLoopsToGPUPass> {
  using MapLoopsToGPUBase::MapLoopsToGPUBase;

  void runOnOperation() override {
    SmallVector<scf::ParallelOp> loops;
    getOperation().walk([&](scf::ParallelOp par) {
      if (par->getParentOfType<scf::ParallelOp>() ||
          par->getParentOfType<gpu::LaunchOp>())
        return;
      // Only functions that target the GPU (--target=gpu or
      // @jit(target="gpu")).
      auto fn = par->getParentOfType<func::FuncOp>();
      auto target =
          fn ? fn->getAttrOfType<StringAttr>("weft.target") : StringAttr();
      if (!target || target.getValue() != "gpu")
        return;
      if (par.getNumLoops() == 1 && par.getNumResults() == 0 &&
          bodyIsDeviceSafe(par))
        loops.push_back(par);
    });
    MLIRContext *ctx = &getContext();
    AffineMap id = AffineMap::getMultiDimIdentityMap(1, ctx);
    for (scf::ParallelOp par : loops) {
      // Tiles of blockSize iterations: the tile loop runs over blocks,
      // the loop inside a tile over threads (guarded by an scf.if).
      auto [outer, inner] =
          scf::tileParallelLoop(par, {blockSize}, /*noMinMaxBounds=*/true);
      (void)gpu::setMappingAttr(outer,
                                {gpu::ParallelLoopDimMappingAttr::get(
                                    ctx, gpu::Processor::BlockX, id, id)});
      (void)gpu::setMappingAttr(inner,
                                {gpu::ParallelLoopDimMappingAttr::get(
                                    ctx, gpu::Processor::ThreadX, id, id)});
    }
  }
};

} // namespace
