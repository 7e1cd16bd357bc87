//===- KeyFloatReductions.cpp - float min/max reductions on integer keys --===//
//
// Implements weft-key-float-reductions (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace weft {
#define GEN_PASS_DEF_KEYFLOATREDUCTIONS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Whether reduction region `region` is `minimumf` (min) or `maximumf`
/// (max) of its two arguments, and which.
std::optional<bool> floatMinMax(Block &region) {
  auto ops = region.without_terminator();
  if (std::distance(ops.begin(), ops.end()) != 1)
    return std::nullopt;
  Operation &op = *ops.begin();
  if (!isa<arith::MinimumFOp, arith::MaximumFOp>(op) ||
      op.getResult(0) != region.getTerminator()->getOperand(0))
    return std::nullopt;
  Value x = region.getArgument(0), y = region.getArgument(1);
  if (!((op.getOperand(0) == x && op.getOperand(1) == y) ||
        (op.getOperand(0) == y && op.getOperand(1) == x)))
    return std::nullopt;
  return isa<arith::MinimumFOp>(op);
}

/// The order key of a float's bits: the lower bits flipped for negative
/// values, so that signed integer order is float order (-0.0 below +0.0).
/// The same function maps a key back to the bits.
Value orderKey(OpBuilder &b, Location l, Value bits) {
  auto it = cast<IntegerType>(bits.getType());
  unsigned w = it.getWidth();
  Value sign = arith::ShRSIOp::create(
      b, l, bits, arith::ConstantOp::create(b, l, b.getIntegerAttr(it, w - 1)));
  Value low = arith::ConstantOp::create(
      b, l, b.getIntegerAttr(it, APInt::getSignedMaxValue(w)));
  return arith::XOrIOp::create(b, l, bits,
                               arith::AndIOp::create(b, l, sign, low));
}

/// The key of `v` (a NaN keyed as the reduction's identity, +inf for min,
/// -inf for max) and whether `v` is a NaN (i32).
std::pair<Value, Value> keyOf(OpBuilder &b, Location l, Value v, bool isMin) {
  auto ft = cast<FloatType>(v.getType());
  Value identity = arith::ConstantOp::create(
      b, l,
      b.getFloatAttr(ft, APFloat::getInf(ft.getFloatSemantics(), !isMin)));
  Value isNan = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, v, v);
  Value clean = arith::SelectOp::create(b, l, isNan, identity, v);
  Value bits =
      arith::BitcastOp::create(b, l, b.getIntegerType(ft.getWidth()), clean);
  return {orderKey(b, l, bits),
          arith::ExtUIOp::create(b, l, b.getI32Type(), isNan)};
}

/// Rewrites the keyed reductions `keyed` (index -> is min) of `par`.
void rewrite(scf::ParallelOp par, const std::map<unsigned, bool> &keyed) {
  OpBuilder b(par);
  Location l = par.getLoc();
  auto carried = [&](ValueRange values) {
    SmallVector<Value> out, flags;
    for (auto [i, v] : llvm::enumerate(values)) {
      auto it = keyed.find(i);
      if (it == keyed.end()) {
        out.push_back(v);
        continue;
      }
      auto [key, flag] = keyOf(b, l, v, it->second);
      out.push_back(key);
      flags.push_back(flag);
    }
    out.append(flags.begin(), flags.end());
    return out;
  };
  SmallVector<Value> inits = carried(par.getInitVals());
  auto next = scf::ParallelOp::create(
      b, l, par.getLowerBound(), par.getUpperBound(), par.getStep(), inits);
  next->setDiscardableAttrs(par->getDiscardableAttrDictionary());
  // The old loop's body, with its attributes and terminator, moves over.
  next.getRegion().takeBody(par.getRegion());
  auto reduce = cast<scf::ReduceOp>(next.getBody()->getTerminator());
  b.setInsertionPoint(reduce);
  SmallVector<Value> parts = carried(reduce.getOperands());
  auto keyedReduce = scf::ReduceOp::create(b, reduce.getLoc(), parts);
  size_t n = reduce.getNumOperands();
  for (size_t i = 0; i < parts.size(); ++i) {
    Region &to = keyedReduce.getReductions()[i];
    if (i < n && !keyed.count(i)) {
      to.takeBody(reduce.getReductions()[i]);
      continue;
    }
    Block &blk = to.front();
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&blk);
    Value x = blk.getArgument(0), y = blk.getArgument(1), c;
    if (i < n) {
      // compare + select: the form convert-scf-to-openmp makes an OpenMP
      // integer min/max reduction.
      Value pick = arith::CmpIOp::create(
          b, l,
          keyed.at(i) ? arith::CmpIPredicate::slt : arith::CmpIPredicate::sgt,
          x, y);
      c = arith::SelectOp::create(b, l, pick, x, y);
    } else {
      c = arith::OrIOp::create(b, l, x, y);
    }
    scf::ReduceReturnOp::create(b, l, c);
  }
  reduce->erase();
  // Back to floats after the loop: NaN if any iteration saw one.
  b.setInsertionPointAfter(next);
  size_t flag = n;
  for (size_t i = 0; i < n; ++i) {
    Value result = next.getResult(i);
    if (!keyed.count(i)) {
      par.getResult(i).replaceAllUsesWith(result);
      continue;
    }
    auto ft = cast<FloatType>(par.getResult(i).getType());
    Value v = arith::BitcastOp::create(b, l, ft, orderKey(b, l, result));
    Value sawNan = arith::CmpIOp::create(
        b, l, arith::CmpIPredicate::ne, next.getResult(flag++),
        arith::ConstantIntOp::create(b, l, 0, 32));
    Value nan = arith::ConstantOp::create(
        b, l, b.getFloatAttr(ft, APFloat::getQNaN(ft.getFloatSemantics())));
    par.getResult(i).replaceAllUsesWith(
        arith::SelectOp::create(b, l, sawNan, nan, v).getResult());
  }
  par->erase();
}

struct KeyFloatReductionsPass
    : weft::impl::KeyFloatReductionsBase<KeyFloatReductionsPass> {
  void runOnOperation() override {
    SmallVector<std::pair<scf::ParallelOp, std::map<unsigned, bool>>> work;
    getOperation()->walk([&](scf::ParallelOp par) {
      auto reduce = cast<scf::ReduceOp>(par.getBody()->getTerminator());
      std::map<unsigned, bool> keyed;
      for (unsigned i = 0; i < reduce.getNumOperands(); ++i)
        if (auto isMin = floatMinMax(reduce.getReductions()[i].front()))
          keyed[i] = *isMin;
      if (!keyed.empty())
        work.push_back({par, std::move(keyed)});
    });
    // Post-order: inner loops are rewritten before the loops around them,
    // and each rewrite touches only its own loop.
    for (auto &[par, keyed] : work)
      rewrite(par, keyed);
  }
};

} // namespace
