//===- LowerComplex.cpp - Complex arithmetic with CPython's formulas ------===//
//
// Implements weft-lower-complex (see Passes.td): complex.add, sub, mul,
// div, powi, abs, eq and neq written out on the parts as CPython's
// Objects/complexobject.c computes them, so results match Python and
// Numba bit for bit: the plain product, Smith's quotient scaled by the
// divisor's larger part, ** of an integer by repeated squaring, abs() as
// libm's hypot.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

namespace weft {
#define GEN_PASS_DEF_LOWERCOMPLEX
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct Parts {
  Value re, im;
};

/// Arithmetic on the parts of complex values of one float type.
struct ComplexBuilder {
  ImplicitLocOpBuilder &b;
  FloatType f;

  Value constant(double v) {
    return arith::ConstantOp::create(b, b.getFloatAttr(f, v));
  }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, x, y); }
  Value cmp(arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, p, x, y);
  }
  Value select(Value c, Value x, Value y) {
    return arith::SelectOp::create(b, c, x, y);
  }

  Parts parts(Value z) {
    return {complex::ReOp::create(b, z), complex::ImOp::create(b, z)};
  }
  Value make(Parts p) {
    return complex::CreateOp::create(b, ComplexType::get(f), p.re, p.im);
  }

  /// _Py_c_prod: no recovery of infinities from NaN parts (C99's Annex G).
  Parts prod(Parts a, Parts c) {
    return {sub(mul(a.re, c.re), mul(a.im, c.im)),
            add(mul(a.re, c.im), mul(a.im, c.re))};
  }

  /// _Py_c_quot: scale by the larger part of the divisor; a NaN quotient
  /// where a part of the divisor is NaN (neither comparison holds).
  Parts quot(Parts a, Parts c) {
    Value absRe = math::AbsFOp::create(b, c.re);
    Value absIm = math::AbsFOp::create(b, c.im);
    Value reLarger = cmp(arith::CmpFPredicate::OGE, absRe, absIm);
    Value imLarger = cmp(arith::CmpFPredicate::OGE, absIm, absRe);
    Value ratio1 = div(c.im, c.re), denom1 = add(c.re, mul(c.im, ratio1));
    Parts r1{div(add(a.re, mul(a.im, ratio1)), denom1),
             div(sub(a.im, mul(a.re, ratio1)), denom1)};
    Value ratio2 = div(c.re, c.im), denom2 = add(mul(c.re, ratio2), c.im);
    Parts r2{div(add(mul(a.re, ratio2), a.im), denom2),
             div(sub(mul(a.im, ratio2), a.re), denom2)};
    Value nan = constant(std::nan(""));
    auto pick = [&](Value x1, Value x2) {
      return select(reLarger, x1, select(imLarger, x2, nan));
    };
    return {pick(r1.re, r2.re), pick(r1.im, r2.im)};
  }

  /// c_powi: binary exponentiation of |n|, and its reciprocal for n < 0.
  Parts powi(Parts a, Value n) {
    Type it = n.getType();
    auto intConst = [&](int64_t v) -> Value {
      return arith::ConstantOp::create(b, b.getIntegerAttr(it, v));
    };
    Value zero = intConst(0), one = intConst(1);
    Value neg = arith::CmpIOp::create(b, arith::CmpIPredicate::slt, n, zero);
    Value count = select(neg, arith::SubIOp::create(b, zero, n), n);
    SmallVector<Type> types{f, f, f, f, it};
    SmallVector<Value> init{constant(1), constant(0), a.re, a.im, count};
    auto loop = scf::WhileOp::create(b, types, init);
    {
      OpBuilder::InsertionGuard g(b);
      SmallVector<Location> locs(types.size(), b.getLoc());
      Block *cond = b.createBlock(&loop.getBefore(), {}, types, locs);
      Value more = arith::CmpIOp::create(b, arith::CmpIPredicate::sgt,
                                         cond->getArgument(4), zero);
      scf::ConditionOp::create(b, more, cond->getArguments());
      Block *body = b.createBlock(&loop.getAfter(), {}, types, locs);
      Parts r{body->getArgument(0), body->getArgument(1)};
      Parts p{body->getArgument(2), body->getArgument(3)};
      Value k = body->getArgument(4);
      Value odd = arith::CmpIOp::create(b, arith::CmpIPredicate::ne,
                                        arith::AndIOp::create(b, k, one), zero);
      Parts rp = prod(r, p), pp = prod(p, p);
      scf::YieldOp::create(b, ValueRange{select(odd, rp.re, r.re),
                                         select(odd, rp.im, r.im), pp.re, pp.im,
                                         arith::ShRSIOp::create(b, k, one)});
    }
    Parts r{loop.getResult(0), loop.getResult(1)};
    Parts inv = quot(Parts{constant(1), constant(0)}, r);
    return {select(neg, inv.re, r.re), select(neg, inv.im, r.im)};
  }

  /// abs(z): libm's hypot (hypotf for complex<f32>), as CPython
  /// (weft-lower-math makes the call).
  Value hypot(Parts a) {
    if (!f.isF64() && !f.isF32())
      return {};
    return weft::LibmOp::create(b, f, "hypot", ValueRange{a.re, a.im});
  }
};

/// The expansion of one complex op, or null for ops this pass leaves.
Value expand(Operation *op) {
  ImplicitLocOpBuilder b(op->getLoc(), op);
  auto complexOf = [](Value v) { return dyn_cast<ComplexType>(v.getType()); };
  ComplexType t = complexOf(op->getOperand(0));
  if (!t || !isa<FloatType>(t.getElementType()))
    return {};
  ComplexBuilder c{b, cast<FloatType>(t.getElementType())};
  Parts a = c.parts(op->getOperand(0));
  auto rhs = [&] { return c.parts(op->getOperand(1)); };
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case([&](complex::AddOp) {
        Parts d = rhs();
        return c.make({c.add(a.re, d.re), c.add(a.im, d.im)});
      })
      .Case([&](complex::SubOp) {
        Parts d = rhs();
        return c.make({c.sub(a.re, d.re), c.sub(a.im, d.im)});
      })
      .Case([&](complex::MulOp) { return c.make(c.prod(a, rhs())); })
      .Case([&](complex::DivOp) { return c.make(c.quot(a, rhs())); })
      .Case([&](complex::PowiOp p) { return c.make(c.powi(a, p.getRhs())); })
      .Case([&](complex::AbsOp) { return c.hypot(a); })
      .Case([&](complex::EqualOp) -> Value {
        Parts d = rhs();
        return arith::AndIOp::create(
            b, c.cmp(arith::CmpFPredicate::OEQ, a.re, d.re),
            c.cmp(arith::CmpFPredicate::OEQ, a.im, d.im));
      })
      .Case([&](complex::NotEqualOp) -> Value {
        Parts d = rhs();
        return arith::OrIOp::create(
            b, c.cmp(arith::CmpFPredicate::UNE, a.re, d.re),
            c.cmp(arith::CmpFPredicate::UNE, a.im, d.im));
      })
      .Default([](Operation *) { return Value(); });
}

struct LowerComplexPass : weft::impl::LowerComplexBase<LowerComplexPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<Operation *> ops;
    module.walk([&](Operation *op) {
      if (isa<complex::AddOp, complex::SubOp, complex::MulOp, complex::DivOp,
              complex::PowiOp, complex::AbsOp, complex::EqualOp,
              complex::NotEqualOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      if (Value v = expand(op)) {
        op->getResult(0).replaceAllUsesWith(v);
        op->erase();
      }
  }
};

} // namespace
