//===- MLIRGenKernels.cpp - @kernel functions and their launches ----------===//
//
// Explicit kernels in Numba's cuda.jit model. A @kernel function takes its
// grid point as six hidden i64 arguments (thread x, y, block x, y, block
// size x, y), from which grid(1), grid(2), thread_id(), block_id() and
// block_dim() are computed. On the CPU target a launch f[blocks,
// threads](args) runs every grid point in a parallel loop.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"

using namespace mlir;

namespace weft {

bool FunctionGen::emitKernelBuiltin(Builtin builtin,
                                    llvm::ArrayRef<const Expr *> argExprs,
                                    Location l, Val &out) {
  if (builtin != Builtin::Grid && builtin != Builtin::ThreadId &&
      builtin != Builtin::BlockId && builtin != Builtin::BlockDim)
    return false;
  Value tx = gridPoint_[0], ty = gridPoint_[1], bx = gridPoint_[2],
        by = gridPoint_[3], dx = gridPoint_[4], dy = gridPoint_[5];
  if (builtin == Builtin::ThreadId) {
    out = Val(tx);
  } else if (builtin == Builtin::BlockId) {
    out = Val(bx);
  } else if (builtin == Builtin::BlockDim) {
    out = Val(dx);
  } else {
    // grid(1): the global x index; grid(2): (x, y).
    auto global = [&](Value blk, Value dim, Value thr) -> Value {
      return arith::AddIOp::create(b, l, arith::MulIOp::create(b, l, blk, dim),
                                   thr);
    };
    out = Val(global(bx, dx, tx));
    if (argExprs[0]->dyn<IntLitExpr>()->value == 2)
      out.parts.push_back(global(by, dy, ty));
  }
  return true;
}

void FunctionGen::emitKernelLaunch(const CallExpr *c,
                                   FunctionInstance *kernel) {
  Location l = loc(c->range);
  auto *launch = c->callee->dyn<IndexExpr>();
  // blocks and threads: an integer (x; y = 1) or a pair (x, y).
  auto dims = [&](const Expr *e) -> std::pair<Value, Value> {
    Val v = emitExpr(e);
    Value x = convert(v.parts[0], ScalarKind::I64, l);
    Value y = v.parts.size() > 1 ? convert(v.parts[1], ScalarKind::I64, l)
                                 : i64(1, l);
    return {x, y};
  };
  auto [bx, by] = dims(launch->indices[0].get());
  auto [tx, ty] = dims(launch->indices[1].get());
  Value bad = i64(0, l);
  for (Value d : {bx, by, tx, ty})
    bad = arith::OrIOp::create(
        b, l, bad,
        arith::ExtUIOp::create(b, l, b.getI64Type(),
                               arith::CmpIOp::create(b, l,
                                                     arith::CmpIPredicate::sle,
                                                     d, i64(0, l))));
  emitCheck(arith::TruncIOp::create(b, l, b.getI1Type(), bad),
            "ValueError: a kernel launch needs positive numbers of blocks "
            "and threads",
            line(c->range), l);

  func::FuncOp f = mg.funcs.at(kernel);
  SmallVector<Value> args;
  const std::vector<const Expr *> &bound = fn.callArgs.at(c);
  for (size_t i = 0; i < bound.size(); ++i) {
    Val v = emitExpr(bound[i]);
    const weft::Type &pt = kernel->paramTypes[i];
    if (pt.isScalar())
      args.push_back(convert(v.v(), pt.scalarKind(), l));
    else
      args.append(v.parts.begin(), v.parts.end());
  }
  if (mg.gpu) {
    // On the GPU: a gpu.launch whose body calls the kernel with its grid
    // point (gpu-kernel-outlining moves both into the kernel module).
    auto idx = [&](Value v) { return toIndex(v, l); };
    auto launchOp = gpu::LaunchOp::create(b, l, idx(bx), idx(by), index(1, l),
                                          idx(tx), idx(ty), index(1, l));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&launchOp.getBody().front());
    auto i64v = [&](Value v) -> Value {
      return arith::IndexCastOp::create(b, l, b.getI64Type(), v);
    };
    gpu::KernelDim3 t = launchOp.getThreadIds(), blk = launchOp.getBlockIds(),
                    dim = launchOp.getBlockSize();
    SmallVector<Value> callArgs(args);
    for (Value v : {t.x, t.y, blk.x, blk.y, dim.x, dim.y})
      callArgs.push_back(i64v(v));
    func::CallOp::create(b, l, f, callArgs);
    gpu::TerminatorOp::create(b, l);
    return;
  }
  // Every grid point, flattened: point p is thread (p % tx, (p / tx) % ty)
  // of block ((p / (tx ty)) % bx, p / (tx ty bx)).
  Value threads = arith::MulIOp::create(b, l, tx, ty);
  Value blocks = arith::MulIOp::create(b, l, bx, by);
  Value total = toIndex(arith::MulIOp::create(b, l, threads, blocks), l);
  emitParallelNest(ValueRange{total}, l, [&](ValueRange ivs) {
    Value p = arith::IndexCastOp::create(b, l, b.getI64Type(), ivs[0]);
    auto rem = [&](Value a, Value m) -> Value {
      return arith::RemUIOp::create(b, l, a, m);
    };
    auto div = [&](Value a, Value m) -> Value {
      return arith::DivUIOp::create(b, l, a, m);
    };
    Value blockNo = div(p, threads);
    SmallVector<Value> callArgs(args);
    callArgs.push_back(rem(p, tx));
    callArgs.push_back(rem(div(p, tx), ty));
    callArgs.push_back(rem(blockNo, bx));
    callArgs.push_back(div(blockNo, bx));
    callArgs.push_back(tx);
    callArgs.push_back(ty);
    func::CallOp::create(b, l, f, callArgs);
  });
  // Errors raised by grid points (on any thread) surface here.
  weft::RaiseRecordedOp::create(b, l);
}

} // namespace weft
