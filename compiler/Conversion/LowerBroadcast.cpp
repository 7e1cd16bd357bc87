//===- LowerBroadcast.cpp - Broadcast shapes as sizes and a check ---------===//
//
// Implements weft-lower-broadcast (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERBROADCAST
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The sizes of `op`'s result: per axis (aligned at the end) the size of an
/// array that is not 1, or the target's; a check raising NumPy's error, the
/// sizes 0 when it fails.
SmallVector<Value, 4> lower(ImplicitLocOpBuilder &b,
                            weft::BroadcastShapeOp op) {
  int rank = static_cast<int>(op.getSizes().size());
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto eq = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, arith::CmpIPredicate::eq, x, y);
  };
  SmallVector<SmallVector<Value, 4>, 4> shapes;
  for (Value a : op.getArrays()) {
    SmallVector<Value, 4> sizes;
    for (int64_t d = 0; d < cast<MemRefType>(a.getType()).getRank(); ++d)
      sizes.push_back(memref::DimOp::create(b, a, d));
    shapes.push_back(sizes);
  }
  bool into = !op.getTarget().empty();
  SmallVector<Value, 4> dims;
  if (into) {
    dims.assign(op.getTarget().begin(), op.getTarget().end());
  } else if (shapes.size() == 1) {
    // One array broadcasts to its own shape (leading axes of size 1).
    int r = static_cast<int>(shapes[0].size());
    dims.assign(rank - r, one);
    dims.append(shapes[0].begin(), shapes[0].end());
    return dims;
  } else {
    dims.assign(rank, one);
    for (auto &sizes : shapes) {
      int r = static_cast<int>(sizes.size());
      for (int k = 0; k < r; ++k) {
        Value &d = dims[k + rank - r];
        d = arith::SelectOp::create(b, eq(sizes[k], one), d, sizes[k]);
      }
    }
  }
  Value bad = arith::ConstantIntOp::create(b, 0, 1);
  Value yes = arith::ConstantIntOp::create(b, 1, 1);
  for (auto &sizes : shapes) {
    int r = static_cast<int>(sizes.size());
    for (int k = 0; k < r; ++k) {
      Value ok = arith::OrIOp::create(b, eq(sizes[k], dims[k + rank - r]),
                                      eq(sizes[k], one));
      bad = arith::OrIOp::create(b, bad, arith::XOrIOp::create(b, ok, yes));
    }
  }
  auto ifOp = scf::IfOp::create(b, TypeRange{}, bad, false);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    SmallVector<Value, 16> enc;
    std::string format = into ? "ValueError: could not broadcast input "
                                "array from shape"
                              : "ValueError: operands could not be "
                                "broadcast together with shapes";
    auto addShape = [&](ArrayRef<Value> sizes) {
      enc.push_back(arith::ConstantIntOp::create(
          b, static_cast<int64_t>(sizes.size()), 64));
      for (Value sz : sizes)
        enc.push_back(arith::IndexCastOp::create(b, b.getI64Type(), sz));
      format += " {}";
    };
    for (auto &sizes : shapes)
      addShape(sizes);
    if (into) {
      format += " into shape";
      addShape(dims);
    }
    weft::ShapeErrorOp::create(b, format, static_cast<int64_t>(op.getLine()),
                               enc);
  }
  // Inside a parallel loop the error is raised after the loop: an empty
  // shape keeps the rest of the statement within bounds.
  Value zero = arith::ConstantIndexOp::create(b, 0);
  for (Value &d : dims)
    d = arith::SelectOp::create(b, bad, zero, d);
  return dims;
}

struct LowerBroadcastPass : weft::impl::LowerBroadcastBase<LowerBroadcastPass> {
  void runOnOperation() override {
    SmallVector<weft::BroadcastShapeOp> ops;
    getOperation()->walk([&](weft::BroadcastShapeOp op) { ops.push_back(op); });
    for (weft::BroadcastShapeOp op : ops) {
      ImplicitLocOpBuilder b(op.getLoc(), op);
      SmallVector<Value, 4> sizes = lower(b, op);
      op->replaceAllUsesWith(sizes);
      op->erase();
    }
  }
};

} // namespace
