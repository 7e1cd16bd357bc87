//===- MLIRGenKernels.cpp - @kernel functions and their launches ----------===//
//
// Explicit kernels in Numba's cuda.jit model. A @kernel function takes its
// grid point as six hidden i64 arguments (thread x, y, block x, y, block
// size x, y), from which grid(1), grid(2), thread_id(), block_id() and
// block_dim() are computed. A launch f[blocks, threads](args) is a
// weft.launch (lowered by weft-lower-launch).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

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
  // weft-lower-launch makes it a gpu.launch or a nest over the grid.
  weft::LaunchOp::create(b, l, mg.funcs.at(kernel).getSymName(), bx, by, tx, ty,
                         args, line(c->range), mg.gpu, !fn.options.parallel);
}

} // namespace weft
