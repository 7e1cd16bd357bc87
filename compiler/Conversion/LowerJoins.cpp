//===- LowerJoins.cpp - concatenate and stack as checks and copies --------===//
//
// Implements weft-lower-joins (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERJOINS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// A view of `base`'s buffer with the given layout, of the strided type
/// of its element and rank.
Value viewOf(ImplicitLocOpBuilder &b, Value base, Value offset,
             ValueRange sizes, ValueRange strides) {
  auto md = memref::ExtractStridedMetadataOp::create(b, base);
  Type elem = cast<MemRefType>(base.getType()).getElementType();
  return memref::ReinterpretCastOp::create(
      b, weft::stridedType(elem, static_cast<int64_t>(sizes.size())),
      md.getBaseBuffer(), offset, sizes, strides);
}

void lower(weft::ConcatenateOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  auto resultType = cast<MemRefType>(op.getResult().getType());
  int64_t rank = resultType.getRank();
  size_t ax = static_cast<size_t>(op.getAxis());
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  // Each input's layout; for stack, with a new axis of size 1 at `axis`.
  struct Layout {
    Value offset;
    SmallVector<Value, 4> sizes, strides;
  };
  SmallVector<Layout, 4> parts;
  for (Value in : op.getInputs()) {
    auto md = memref::ExtractStridedMetadataOp::create(b, in);
    Layout p{md.getOffset(),
             {md.getSizes().begin(), md.getSizes().end()},
             {md.getStrides().begin(), md.getStrides().end()}};
    if (op.getStack()) {
      p.sizes.insert(p.sizes.begin() + ax, one);
      p.strides.insert(p.strides.begin() + ax, zero);
    }
    parts.push_back(std::move(p));
  }
  // The result: the first input's shape, the sum of the sizes along
  // `axis`; every other axis must match (NumPy's ValueError).
  SmallVector<Value, 4> sizes(parts[0].sizes);
  Value mismatch = arith::ConstantIntOp::create(b, 0, 1);
  for (size_t i = 1; i < parts.size(); ++i)
    for (int64_t d = 0; d < rank; ++d) {
      if (static_cast<size_t>(d) == ax) {
        sizes[d] = arith::AddIOp::create(b, sizes[d], parts[i].sizes[d]);
        continue;
      }
      mismatch = arith::OrIOp::create(
          b, mismatch,
          arith::CmpIOp::create(b, arith::CmpIPredicate::ne, sizes[d],
                                parts[i].sizes[d]));
    }
  auto check = scf::IfOp::create(b, TypeRange{}, mismatch, false);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&check.getThenRegion().front());
    weft::FailOp::create(
        b,
        op.getStack() ? "ValueError: all input arrays must have the same shape"
                      : "ValueError: all the input array dimensions except "
                        "for the concatenation axis must match exactly",
        op.getLine());
  }
  Value out = weft::allocCheckedArray(b, resultType, sizes, op.getLine());
  auto rm = memref::ExtractStridedMetadataOp::create(b, out);
  SmallVector<Value, 4> outStrides(rm.getStrides().begin(),
                                   rm.getStrides().end());
  SmallVector<Value, 4> outSizes(rm.getSizes().begin(), rm.getSizes().end());
  // Each input into its slab of the result: the smaller size on the
  // other axes (and within the result along `axis`), so the copies stay
  // in bounds after an error recorded inside a parallel loop.
  Value at = zero;
  Type elem = resultType.getElementType();
  for (auto [in, p] : llvm::zip(op.getInputs(), parts)) {
    SmallVector<Value, 4> partSizes;
    for (int64_t d = 0; d < rank; ++d) {
      Value room = outSizes[d];
      if (static_cast<size_t>(d) == ax)
        room = arith::SubIOp::create(
            b, outSizes[d], arith::MinUIOp::create(b, at, outSizes[d]));
      partSizes.push_back(arith::MinUIOp::create(b, room, p.sizes[d]));
    }
    Value offset = arith::AddIOp::create(
        b, rm.getOffset(), arith::MulIOp::create(b, at, outStrides[ax]));
    Value slab = viewOf(b, out, offset, partSizes, outStrides);
    Value part = viewOf(b, in, p.offset, partSizes, p.strides);
    auto map = weft::MapOp::create(b, ValueRange{part}, slab, op.getSerial());
    Type inElem = cast<MemRefType>(in.getType()).getElementType();
    {
      OpBuilder::InsertionGuard g(b);
      Block *body = b.createBlock(&map.getBody(), {}, {inElem, elem},
                                  {b.getLoc(), b.getLoc()});
      weft::YieldOp::create(b, weft::castNumber(b, body->getArgument(0), elem));
    }
    at = arith::AddIOp::create(b, at, p.sizes[ax]);
  }
  op.getResult().replaceAllUsesWith(out);
  op.erase();
}

struct LowerJoins : weft::impl::LowerJoinsBase<LowerJoins> {
  void runOnOperation() override {
    SmallVector<weft::ConcatenateOp> ops;
    getOperation()->walk([&](weft::ConcatenateOp op) { ops.push_back(op); });
    for (weft::ConcatenateOp op : ops)
      lower(op);
  }
};

} // namespace
