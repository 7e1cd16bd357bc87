//===- LowerIndexing.cpp - weft.wrap_index to arith -----------------------===//
//
// Implements weft-lower-indexing (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERINDEXING
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// True if integer `v` is provably >= 0.
bool knownNonNegative(Value v, int depth = 0) {
  if (depth > 8)
    return false;
  auto nonNeg = [&](Value x) { return knownNonNegative(x, depth + 1); };
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    Operation *owner = arg.getOwner()->getParentOp();
    // Induction variables of loops counting up from a non-negative start.
    if (auto par = dyn_cast_or_null<scf::ParallelOp>(owner))
      return arg.getArgNumber() < par.getNumLoops() &&
             nonNeg(par.getLowerBound()[arg.getArgNumber()]);
    if (auto loop = dyn_cast_or_null<scf::ForOp>(owner))
      if (arg == loop.getInductionVar()) {
        auto step = getConstantIntValue(loop.getStep());
        return step && *step > 0 && nonNeg(loop.getLowerBound());
      }
    return false;
  }
  if (auto c = getConstantIntValue(v))
    return *c >= 0;
  Operation *op = v.getDefiningOp();
  if (!op)
    return false;
  if (isa<arith::IndexCastOp, arith::ExtSIOp>(op))
    return nonNeg(op->getOperand(0));
  if (isa<arith::ExtUIOp, arith::IndexCastUIOp, arith::RemUIOp, arith::DivUIOp,
          arith::ShRUIOp>(op))
    return true;
  // Sums and products of non-negative values (an overflowing index is
  // wrong either way).
  if (isa<arith::AddIOp, arith::MulIOp, arith::MinSIOp, arith::DivSIOp,
          arith::FloorDivSIOp>(op))
    return nonNeg(op->getOperand(0)) && nonNeg(op->getOperand(1));
  if (isa<arith::MaxSIOp>(op))
    return nonNeg(op->getOperand(0)) || nonNeg(op->getOperand(1));
  if (auto sel = dyn_cast<arith::SelectOp>(op))
    return nonNeg(sel.getTrueValue()) && nonNeg(sel.getFalseValue());
  return false;
}

void lower(weft::WrapIndexOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value i64v = op.getIndex(), n = op.getSize();
  Value i = arith::IndexCastOp::create(b, b.getIndexType(), i64v);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value bad = arith::ConstantIntOp::create(b, 0, 1);
  if (op.getChecked()) {
    Value nNeg = arith::SubIOp::create(b, zero, n);
    bad = arith::OrIOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::slt, i, nNeg),
        arith::CmpIOp::create(b, arith::CmpIPredicate::sge, i, n));
    auto ifOp = scf::IfOp::create(b, TypeRange{}, bad, false);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      weft::IndexErrorOp::create(
          b, i64v, arith::IndexCastOp::create(b, b.getI64Type(), n),
          op.getAxis(), op.getLine());
    }
    // Only reached with a bad index inside a parallel loop (elsewhere the
    // error has been raised): go on with index 0, never with the bad one.
    i = arith::SelectOp::create(b, bad, zero, i);
  }
  if (!knownNonNegative(i64v)) {
    Value neg = arith::CmpIOp::create(b, arith::CmpIPredicate::slt, i, zero);
    i = arith::SelectOp::create(b, neg, arith::AddIOp::create(b, i, n), i);
  }
  op.getResult().replaceAllUsesWith(i);
  op.getBad().replaceAllUsesWith(bad);
  op.erase();
}

struct LowerIndexing : weft::impl::LowerIndexingBase<LowerIndexing> {
  void runOnOperation() override {
    SmallVector<weft::WrapIndexOp> ops;
    getOperation()->walk([&](weft::WrapIndexOp op) { ops.push_back(op); });
    for (weft::WrapIndexOp op : ops)
      lower(op);
  }
};

} // namespace
