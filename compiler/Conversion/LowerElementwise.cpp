//===- LowerElementwise.cpp - weft.map to loop nests ----------------------===//
//
// Implements weft-lower-elementwise (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace weft {
#define GEN_PASS_DEF_LOWERELEMENTWISE
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// True (i1) when an input (a broadcast view, of the output's rank) views
/// the output's buffer with another layout: writing the output in place
/// would change elements still to be read.
Value overlapsOutput(ImplicitLocOpBuilder &b, Value out, ValueRange views) {
  auto dm = memref::ExtractStridedMetadataOp::create(b, out);
  Value outPtr = memref::ExtractAlignedPointerAsIndexOp::create(b, out);
  Value overlap = arith::ConstantIntOp::create(b, 0, 1);
  Value yes = arith::ConstantIntOp::create(b, 1, 1);
  auto eq = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, arith::CmpIPredicate::eq, x, y);
  };
  for (Value view : views) {
    auto m = memref::ExtractStridedMetadataOp::create(b, view);
    Value ptr = memref::ExtractAlignedPointerAsIndexOp::create(b, view);
    Value sameLayout = eq(m.getOffset(), dm.getOffset());
    for (auto [s, ds] : llvm::zip(m.getStrides(), dm.getStrides()))
      sameLayout = arith::AndIOp::create(b, sameLayout, eq(s, ds));
    Value differs = arith::XOrIOp::create(b, sameLayout, yes);
    overlap = arith::OrIOp::create(
        b, overlap, arith::AndIOp::create(b, eq(ptr, outPtr), differs));
  }
  return overlap;
}

void lowerMap(weft::MapOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value out = op.getOutput();
  auto outType = cast<MemRefType>(out.getType());
  bool serial = op.getSerial(), gpu = weft::inGPUFunction(op);
  SmallVector<Value, 4> dims = weft::sizesOf(b, out);
  SmallVector<Value, 4> views;
  for (Value in : op.getInputs())
    views.push_back(weft::broadcastView(b, in, dims));
  auto writeInto = [&](Value dest, Value current) {
    weft::buildArrayNest(b, dims, serial, gpu, [&](ValueRange ivs) {
      Value v = weft::inlineBodyAt(b, op.getBody().front(), op.getYielded(),
                                   views, ivs, current);
      memref::StoreOp::create(b, v, dest, ivs);
    });
  };
  if (op.getInputs().empty() || weft::isFreshArray(out, op)) {
    writeInto(out, out);
    op.erase();
    return;
  }
  // As if the right side were evaluated first: when an input overlaps the
  // output, into a temporary, then copied.
  Value overlap = overlapsOutput(b, out, views);
  auto ifOp = scf::IfOp::create(b, TypeRange{}, overlap, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    Value tmp = weft::allocArray(
        b, weft::stridedType(outType.getElementType(), outType.getRank()),
        dims);
    writeInto(tmp, out);
    weft::buildArrayNest(b, dims, serial, gpu, [&](ValueRange ivs) {
      memref::StoreOp::create(b, memref::LoadOp::create(b, tmp, ivs), out, ivs);
    });
    weft::ReleaseOp::create(b, tmp);
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    writeInto(out, out);
  }
  op.erase();
}

struct LowerElementwise : weft::impl::LowerElementwiseBase<LowerElementwise> {
  void runOnOperation() override {
    SmallVector<weft::MapOp> maps;
    getOperation()->walk([&](weft::MapOp op) { maps.push_back(op); });
    for (weft::MapOp op : maps)
      lowerMap(op);
  }
};

} // namespace
