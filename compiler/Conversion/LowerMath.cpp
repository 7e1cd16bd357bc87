//===- LowerMath.cpp - Weft's math ops to the math dialect ----------------===//
//
// Implements weft-lower-math (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <limits>

namespace weft {
#define GEN_PASS_DEF_LOWERMATH
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

Value constantLike(ImplicitLocOpBuilder &b, Type t, double v) {
  if (auto f = dyn_cast<FloatType>(t))
    return arith::ConstantOp::create(b, b.getFloatAttr(f, v));
  return arith::ConstantOp::create(
      b, b.getIntegerAttr(t, static_cast<int64_t>(v)));
}

/// For integer // and %: the divisor made safe (1 where it is 0 or where
/// MIN // -1 would trap), and whether it was 0.
std::pair<Value, Value> safeDivisor(ImplicitLocOpBuilder &b, Value l, Value r) {
  Type t = l.getType();
  Value zero = constantLike(b, t, 0);
  Value minVal = arith::ConstantOp::create(
      b, b.getIntegerAttr(
             t, llvm::APInt::getSignedMinValue(t.getIntOrFloatBitWidth())));
  Value byZero = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, r, zero);
  Value overflow = arith::AndIOp::create(
      b, arith::CmpIOp::create(b, arith::CmpIPredicate::eq, l, minVal),
      arith::CmpIOp::create(b, arith::CmpIPredicate::eq, r,
                            constantLike(b, t, -1)));
  Value unsafe = arith::OrIOp::create(b, byZero, overflow);
  return {arith::SelectOp::create(b, unsafe, constantLike(b, t, 1), r), byZero};
}

/// CPython's float_floor_div: exact where floor(l / r) is not.
Value floorDivF(ImplicitLocOpBuilder &b, Value l, Value r) {
  Type t = l.getType();
  Value zero = constantLike(b, t, 0), one = constantLike(b, t, 1);
  Value half = constantLike(b, t, 0.5);
  auto cmp = [&](arith::CmpFPredicate p, Value x, Value y) -> Value {
    return arith::CmpFOp::create(b, p, x, y);
  };
  // mod = fmod(l, r); div = (l - mod) / r, then move mod to r's sign.
  Value mod = arith::RemFOp::create(b, l, r);
  Value div = arith::DivFOp::create(b, arith::SubFOp::create(b, l, mod), r);
  Value modNonZero = cmp(arith::CmpFPredicate::UNE, mod, zero);
  Value signsDiffer =
      arith::XOrIOp::create(b, cmp(arith::CmpFPredicate::OLT, r, zero),
                            cmp(arith::CmpFPredicate::OLT, mod, zero));
  Value fix = arith::AndIOp::create(b, modNonZero, signsDiffer);
  div =
      arith::SelectOp::create(b, fix, arith::SubFOp::create(b, div, one), div);
  // Snap div to the nearest integer; a zero quotient keeps l / r's sign.
  Value fl = math::FloorOp::create(b, div);
  Value up =
      cmp(arith::CmpFPredicate::OGT, arith::SubFOp::create(b, div, fl), half);
  Value snapped =
      arith::SelectOp::create(b, up, arith::AddFOp::create(b, fl, one), fl);
  Value signedZero =
      math::CopySignOp::create(b, zero, arith::DivFOp::create(b, l, r));
  Value divNonZero = cmp(arith::CmpFPredicate::UNE, div, zero);
  Value result = arith::SelectOp::create(b, divNonZero, snapped, signedZero);
  // By zero: l / r (+-inf or nan), as NumPy's floor_divide.
  Value byZero = cmp(arith::CmpFPredicate::OEQ, r, zero);
  return arith::SelectOp::create(b, byZero, arith::DivFOp::create(b, l, r),
                                 result);
}

/// log2 of `r` when it is a constant positive power of two.
std::optional<unsigned> powerOfTwo(Value r) {
  APInt v;
  if (!matchPattern(r, m_ConstantInt(&v)) || !v.isStrictlyPositive() ||
      !v.isPowerOf2())
    return std::nullopt;
  return v.logBase2();
}

Value lowerFloorDiv(ImplicitLocOpBuilder &b, weft::FloorDivOp op) {
  Value l = op.getLhs(), r = op.getRhs();
  if (isa<FloatType>(l.getType()))
    return floorDivF(b, l, r);
  // By 2^k: the arithmetic shift is the floor (`(lo + hi) // 2`).
  if (std::optional<unsigned> k = powerOfTwo(r))
    return arith::ShRSIOp::create(
        b, l, arith::ConstantOp::create(b, b.getIntegerAttr(l.getType(), *k)));
  auto [safe, byZero] = safeDivisor(b, l, r);
  Value q = arith::FloorDivSIOp::create(b, l, safe);
  return arith::SelectOp::create(b, byZero, constantLike(b, l.getType(), 0), q);
}

Value lowerMod(ImplicitLocOpBuilder &b, weft::ModOp op) {
  Value l = op.getLhs(), r = op.getRhs();
  Type t = l.getType();
  Value zero = constantLike(b, t, 0);
  if (isa<FloatType>(t)) {
    Value rem = arith::RemFOp::create(b, l, r);
    // Unordered: a NaN remainder (x % nan, nan % y, inf % y) stays NaN.
    Value nz = arith::CmpFOp::create(b, arith::CmpFPredicate::UNE, rem, zero);
    Value diff = arith::XOrIOp::create(
        b, arith::CmpFOp::create(b, arith::CmpFPredicate::OLT, rem, zero),
        arith::CmpFOp::create(b, arith::CmpFPredicate::OLT, r, zero));
    Value needFix = arith::AndIOp::create(b, nz, diff);
    Value adjusted = arith::SelectOp::create(
        b, needFix, arith::AddFOp::create(b, rem, r), rem);
    // A zero remainder takes the divisor's sign (-4.0 % 2.0 is 0.0).
    Value signedZero = math::CopySignOp::create(b, zero, r);
    Value result = arith::SelectOp::create(b, nz, adjusted, signedZero);
    // x % 0.0 is nan, as in NumPy.
    Value byZero = arith::CmpFOp::create(b, arith::CmpFPredicate::OEQ, r, zero);
    return arith::SelectOp::create(b, byZero, rem, result);
  }
  // By 2^k: the low k bits are the remainder with the divisor's sign.
  if (std::optional<unsigned> k = powerOfTwo(r))
    return arith::AndIOp::create(
        b, l,
        arith::ConstantOp::create(
            b, b.getIntegerAttr(
                   t, APInt::getLowBitsSet(t.getIntOrFloatBitWidth(), *k))));
  auto [safe, byZero] = safeDivisor(b, l, r);
  Value rem = arith::RemSIOp::create(b, l, safe);
  Value nz = arith::CmpIOp::create(b, arith::CmpIPredicate::ne, rem, zero);
  Value diff = arith::XOrIOp::create(
      b, arith::CmpIOp::create(b, arith::CmpIPredicate::slt, rem, zero),
      arith::CmpIOp::create(b, arith::CmpIPredicate::slt, safe, zero));
  Value needFix = arith::AndIOp::create(b, nz, diff);
  Value fixed = arith::SelectOp::create(
      b, needFix, arith::AddIOp::create(b, rem, safe), rem);
  return arith::SelectOp::create(b, byZero, zero, fixed);
}

/// << and >>: counts outside [0, width) shift everything out, as NumPy
/// does (LLVM would give poison): 0, or -1 for >> of a negative number.
Value lowerShift(ImplicitLocOpBuilder &b, Value l, Value r, bool left) {
  Type t = l.getType();
  unsigned width = t.getIntOrFloatBitWidth();
  Value tooFar = arith::CmpIOp::create(b, arith::CmpIPredicate::uge, r,
                                       constantLike(b, t, width));
  Value zero = constantLike(b, t, 0);
  Value safeR = arith::SelectOp::create(b, tooFar, zero, r);
  if (left)
    return arith::SelectOp::create(b, tooFar, zero,
                                   arith::ShLIOp::create(b, l, safeR));
  Value sign = arith::ShRSIOp::create(b, l, constantLike(b, t, width - 1));
  return arith::SelectOp::create(b, tooFar, sign,
                                 arith::ShRSIOp::create(b, l, safeR));
}

/// NumPy's minimum and maximum: (x < y || isnan(x)) ? x : y (> for the
/// maximum), so NaN propagates and of two equal values the second wins.
Value lowerMinMax(ImplicitLocOpBuilder &b, Value x, Value y, bool minimum) {
  Value better = arith::CmpFOp::create(
      b, minimum ? arith::CmpFPredicate::OLT : arith::CmpFPredicate::OGT, x, y);
  Value nan = arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, x, x);
  return arith::SelectOp::create(b, arith::OrIOp::create(b, better, nan), x, y);
}

/// NumPy's around: x * 10**d rounded half to even, / 10**d (x / 10**-d
/// and * 10**-d for d < 0).
Value lowerRound(ImplicitLocOpBuilder &b, Value x, Value d) {
  Type t = x.getType();
  Value neg = arith::CmpFOp::create(b, arith::CmpFPredicate::OLT, d,
                                    constantLike(b, t, 0));
  Value s = math::PowFOp::create(b, constantLike(b, t, 10),
                                 math::AbsFOp::create(b, d));
  Value y = arith::SelectOp::create(b, neg, arith::DivFOp::create(b, x, s),
                                    arith::MulFOp::create(b, x, s));
  Value r = math::RoundEvenOp::create(b, y);
  return arith::SelectOp::create(b, neg, arith::MulFOp::create(b, r, s),
                                 arith::DivFOp::create(b, r, s));
}

/// NumPy's isclose: |x - y| <= atol + rtol * |y| for finite values; else
/// equal (infinities of one sign), or both NaN with equal_nan.
Value lowerIsclose(ImplicitLocOpBuilder &b, weft::IscloseOp op) {
  Value x = op.getX(), y = op.getY();
  Type t = x.getType();
  auto cmp = [&](arith::CmpFPredicate p, Value u, Value v) -> Value {
    return arith::CmpFOp::create(b, p, u, v);
  };
  Value inf = constantLike(b, t, std::numeric_limits<double>::infinity());
  auto finite = [&](Value v) {
    return cmp(arith::CmpFPredicate::ONE, math::AbsFOp::create(b, v), inf);
  };
  Value close = cmp(
      arith::CmpFPredicate::OLE,
      math::AbsFOp::create(b, arith::SubFOp::create(b, x, y)),
      arith::AddFOp::create(
          b, op.getAtol(),
          arith::MulFOp::create(b, op.getRtol(), math::AbsFOp::create(b, y))));
  Value bothNan = arith::AndIOp::create(b, cmp(arith::CmpFPredicate::UNO, x, x),
                                        cmp(arith::CmpFPredicate::UNO, y, y));
  Value other =
      arith::OrIOp::create(b, cmp(arith::CmpFPredicate::OEQ, x, y),
                           arith::AndIOp::create(b, op.getEqualNan(), bothNan));
  Value bothFinite = arith::AndIOp::create(b, finite(x), finite(y));
  return arith::SelectOp::create(b, bothFinite, close, other);
}

/// The lowering of one of Python's arithmetic ops or NumPy's float
/// functions, or null.
Value lowerPythonArith(ImplicitLocOpBuilder &b, Operation *op) {
  if (auto m = dyn_cast<weft::MinimumOp>(op))
    return lowerMinMax(b, m.getLhs(), m.getRhs(), true);
  if (auto m = dyn_cast<weft::MaximumOp>(op))
    return lowerMinMax(b, m.getLhs(), m.getRhs(), false);
  if (auto r = dyn_cast<weft::RoundOp>(op))
    return lowerRound(b, r.getLhs(), r.getRhs());
  if (auto c = dyn_cast<weft::IscloseOp>(op))
    return lowerIsclose(b, c);
  if (auto d = dyn_cast<weft::FloorDivOp>(op))
    return lowerFloorDiv(b, d);
  if (auto m = dyn_cast<weft::ModOp>(op))
    return lowerMod(b, m);
  if (auto s = dyn_cast<weft::ShiftLeftOp>(op))
    return lowerShift(b, s.getLhs(), s.getRhs(), true);
  if (auto s = dyn_cast<weft::ShiftRightOp>(op))
    return lowerShift(b, s.getLhs(), s.getRhs(), false);
  return {};
}

/// weft.libm as a call of the C function (host) or of libdevice's
/// (`__nv_` prefix, GPU module), declared in the nearest symbol table.
void lowerLibm(weft::LibmOp op) {
  Operation *table = op->getParentWithTrait<OpTrait::SymbolTable>();
  bool device = isa<gpu::GPUModuleOp>(table);
  Type t = op.getType();
  std::string name =
      (device ? "__nv_" : "") + op.getFunction().str() + (t.isF32() ? "f" : "");
  auto fn = dyn_cast_or_null<LLVM::LLVMFuncOp>(
      SymbolTable::lookupSymbolIn(table, name));
  if (!fn) {
    OpBuilder d(&table->getRegion(0).front(),
                table->getRegion(0).front().begin());
    SmallVector<Type> params(op.getOperands().size(), t);
    fn = LLVM::LLVMFuncOp::create(d, op.getLoc(), name,
                                  LLVM::LLVMFunctionType::get(t, params));
  }
  OpBuilder b(op);
  auto call = LLVM::CallOp::create(b, op.getLoc(), fn, op.getOperands());
  op.replaceAllUsesWith(call.getResult());
  op.erase();
}

struct LowerMathPass : weft::impl::LowerMathBase<LowerMathPass> {
  void runOnOperation() override {
    SmallVector<weft::LibmOp> calls;
    getOperation()->walk([&](weft::LibmOp op) { calls.push_back(op); });
    for (weft::LibmOp op : calls)
      lowerLibm(op);
    SmallVector<weft::Atan2Op> ops;
    getOperation()->walk([&](weft::Atan2Op op) { ops.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (weft::Atan2Op op : ops) {
      rewriter.setInsertionPoint(op);
      // Constant operands fold here, by C's rules: the conversion to LLVM
      // would fold math.atan2 by its own.
      SmallVector<OpFoldResult> folded;
      if (succeeded(op->fold(folded)) && folded.size() == 1)
        if (auto value = dyn_cast<Attribute>(folded[0])) {
          rewriter.replaceOpWithNewOp<arith::ConstantOp>(
              op, op.getType(), cast<TypedAttr>(value));
          continue;
        }
      rewriter.replaceOpWithNewOp<math::Atan2Op>(op, op.getY(), op.getX());
    }
    SmallVector<Operation *> arith;
    getOperation()->walk([&](Operation *op) {
      if (isa<weft::FloorDivOp, weft::ModOp, weft::ShiftLeftOp,
              weft::ShiftRightOp, weft::MinimumOp, weft::MaximumOp,
              weft::RoundOp, weft::IscloseOp>(op))
        arith.push_back(op);
    });
    for (Operation *op : arith) {
      ImplicitLocOpBuilder b(op->getLoc(), op);
      SmallVector<OpFoldResult> folded;
      Value v;
      if (succeeded(op->fold(folded)) && folded.size() == 1)
        if (auto value = dyn_cast<Attribute>(folded[0]))
          v = arith::ConstantOp::create(b, cast<TypedAttr>(value));
      if (!v)
        v = lowerPythonArith(b, op);
      op->getResult(0).replaceAllUsesWith(v);
      op->erase();
    }
  }
};

} // namespace
