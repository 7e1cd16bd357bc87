//===- LowerLaunch.cpp - Kernel launches to gpu.launch or a loop nest -----===//
//
// Implements weft-lower-launch (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERLAUNCH
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Raises ValueError at the launch's line unless every count is positive.
void checkCounts(ImplicitLocOpBuilder &b, weft::LaunchOp op) {
  Value zero = arith::ConstantIntOp::create(b, 0, 64);
  Value bad = arith::ConstantIntOp::create(b, 0, 1);
  for (Value d :
       {op.getBlocksX(), op.getBlocksY(), op.getThreadsX(), op.getThreadsY()})
    bad = arith::OrIOp::create(
        b, bad, arith::CmpIOp::create(b, arith::CmpIPredicate::sle, d, zero));
  auto ifOp = scf::IfOp::create(b, TypeRange{}, bad, false);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  weft::FailOp::create(b,
                       "ValueError: a kernel launch needs positive numbers of "
                       "blocks and threads",
                       op.getLine());
}

void launchOnGPU(ImplicitLocOpBuilder &b, weft::LaunchOp op) {
  auto idx = [&](Value v) -> Value {
    return arith::IndexCastOp::create(b, b.getIndexType(), v);
  };
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto launch = gpu::LaunchOp::create(
      b, b.getLoc(), idx(op.getBlocksX()), idx(op.getBlocksY()), one,
      idx(op.getThreadsX()), idx(op.getThreadsY()), one);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(&launch.getBody().front());
  gpu::KernelDim3 t = launch.getThreadIds(), blk = launch.getBlockIds(),
                  dim = launch.getBlockSize();
  SmallVector<Value> args(op.getKernelOperands());
  for (Value v : {t.x, t.y, blk.x, blk.y, dim.x, dim.y})
    args.push_back(arith::IndexCastOp::create(b, b.getI64Type(), v));
  func::CallOp::create(b, op.getKernelAttr(), TypeRange{}, args);
  gpu::TerminatorOp::create(b);
}

void launchOnCPU(ImplicitLocOpBuilder &b, weft::LaunchOp op) {
  Value tx = op.getThreadsX(), ty = op.getThreadsY(), bx = op.getBlocksX();
  Value threads = arith::MulIOp::create(b, tx, ty);
  Value blocks = arith::MulIOp::create(b, bx, op.getBlocksY());
  Value total = arith::IndexCastOp::create(
      b, b.getIndexType(), arith::MulIOp::create(b, threads, blocks));
  weft::buildArrayNest(
      b, ValueRange{total}, op.getSerial(), weft::inGPUFunction(op),
      [&](ValueRange ivs) {
        Value p = arith::IndexCastOp::create(b, b.getI64Type(), ivs[0]);
        auto rem = [&](Value a, Value m) -> Value {
          return arith::RemUIOp::create(b, a, m);
        };
        auto div = [&](Value a, Value m) -> Value {
          return arith::DivUIOp::create(b, a, m);
        };
        Value blockNo = div(p, threads);
        SmallVector<Value> args(op.getKernelOperands());
        args.append({rem(p, tx), rem(div(p, tx), ty), rem(blockNo, bx),
                     div(blockNo, bx), tx, ty});
        func::CallOp::create(b, op.getKernelAttr(), TypeRange{}, args);
      });
  // Errors raised by grid points (on any thread) surface here.
  weft::RaiseRecordedOp::create(b);
}

struct LowerLaunchPass : weft::impl::LowerLaunchBase<LowerLaunchPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<weft::LaunchOp> ops;
    getOperation()->walk([&](weft::LaunchOp op) { ops.push_back(op); });
    for (weft::LaunchOp op : ops) {
      ImplicitLocOpBuilder b(op.getLoc(), op);
      checkCounts(b, op);
      if (op.getGpu())
        launchOnGPU(b, op);
      else
        launchOnCPU(b, op);
      op.erase();
    }
  }
};

} // namespace
