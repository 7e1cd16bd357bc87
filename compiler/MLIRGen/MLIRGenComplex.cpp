//===- MLIRGenComplex.cpp - Typed AST to MLIR: complex numbers ------------===//
//
// Complex scalars are complex<f64> values; their arithmetic is written out
// on the parts with CPython's formulas (Objects/complexobject.c), so
// results match Python and Numba bit for bit: the plain product, Smith's
// quotient, ** of an integer exponent by repeated squaring, abs() as
// libm's hypot.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
struct Parts {
  Value re, im;
};
} // namespace

Value FunctionGen::emitComplexBinary(BinaryOp op, Value lhs, Value rhs,
                                     bool pythonErrors, Location l,
                                     int64_t ln) {
  auto parts = [&](Value z) {
    return Parts{complex::ReOp::create(b, l, z),
                 complex::ImOp::create(b, l, z)};
  };
  auto make = [&](Value re, Value im) -> Value {
    return complex::CreateOp::create(b, l, ComplexType::get(b.getF64Type()), re,
                                     im);
  };
  auto add = [&](Value x, Value y) -> Value {
    return arith::AddFOp::create(b, l, x, y);
  };
  auto sub = [&](Value x, Value y) -> Value {
    return arith::SubFOp::create(b, l, x, y);
  };
  auto mul = [&](Value x, Value y) -> Value {
    return arith::MulFOp::create(b, l, x, y);
  };
  auto div = [&](Value x, Value y) -> Value {
    return arith::DivFOp::create(b, l, x, y);
  };
  auto prod = [&](Parts a, Parts c) {
    return Parts{sub(mul(a.re, c.re), mul(a.im, c.im)),
                 add(mul(a.re, c.im), mul(a.im, c.re))};
  };
  // _Py_c_quot: scale by the larger part of the divisor.
  auto quot = [&](Parts a, Parts c) {
    Value absRe = math::AbsFOp::create(b, l, c.re);
    Value absIm = math::AbsFOp::create(b, l, c.im);
    Value reLarger =
        arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE, absRe, absIm);
    Value ratio1 = div(c.im, c.re), denom1 = add(c.re, mul(c.im, ratio1));
    Parts r1{div(add(a.re, mul(a.im, ratio1)), denom1),
             div(sub(a.im, mul(a.re, ratio1)), denom1)};
    Value ratio2 = div(c.re, c.im), denom2 = add(mul(c.re, ratio2), c.im);
    Parts r2{div(add(mul(a.re, ratio2), a.im), denom2),
             div(sub(mul(a.im, ratio2), a.re), denom2)};
    // Parts that are NaN: neither comparison holds, a NaN quotient.
    Value imLarger =
        arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE, absIm, absRe);
    Value nan = constant(ScalarKind::F64, std::nan(""), l);
    auto pick = [&](Value x1, Value x2) -> Value {
      return arith::SelectOp::create(
          b, l, reLarger, x1, arith::SelectOp::create(b, l, imLarger, x2, nan));
    };
    return Parts{pick(r1.re, r2.re), pick(r1.im, r2.im)};
  };
  Parts a = parts(lhs), c = parts(rhs);
  switch (op) {
  case BinaryOp::Add:
    return make(add(a.re, c.re), add(a.im, c.im));
  case BinaryOp::Sub:
    return make(sub(a.re, c.re), sub(a.im, c.im));
  case BinaryOp::Mul: {
    Parts r = prod(a, c);
    return make(r.re, r.im);
  }
  case BinaryOp::Div: {
    if (pythonErrors && !noRuntimeChecks()) {
      Value zero = constant(ScalarKind::F64, 0, l);
      emitCheck(arith::AndIOp::create(
                    b, l,
                    arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, c.re,
                                          zero),
                    arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, c.im,
                                          zero)),
                "ZeroDivisionError: complex division by zero", ln, l);
    }
    Parts r = quot(a, c);
    return make(r.re, r.im);
  }
  case BinaryOp::Pow: {
    // Sema allows integer exponents only (as real parts here): c_powi,
    // binary exponentiation of |n| and its reciprocal for n < 0.
    Value n = convert(c.re, ScalarKind::I64, l);
    Value neg =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, n, i64(0, l));
    Value count = arith::SelectOp::create(
        b, l, neg, arith::SubIOp::create(b, l, i64(0, l), n), n);
    mlir::Type f64 = b.getF64Type(), i64t = b.getI64Type();
    SmallVector<mlir::Type> types{f64, f64, f64, f64, i64t};
    SmallVector<Value> init{constant(ScalarKind::F64, 1, l),
                            constant(ScalarKind::F64, 0, l), a.re, a.im, count};
    auto loop = scf::WhileOp::create(b, l, types, init);
    {
      OpBuilder::InsertionGuard g(b);
      SmallVector<Location> locs(types.size(), l);
      mlir::Block *cond = b.createBlock(&loop.getBefore(), {}, types, locs);
      b.setInsertionPointToStart(cond);
      Value more = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt,
                                         cond->getArgument(4), i64(0, l));
      scf::ConditionOp::create(b, l, more, cond->getArguments());
      mlir::Block *body = b.createBlock(&loop.getAfter(), {}, types, locs);
      b.setInsertionPointToStart(body);
      Parts r{body->getArgument(0), body->getArgument(1)};
      Parts p{body->getArgument(2), body->getArgument(3)};
      Value k = body->getArgument(4);
      Value odd = arith::CmpIOp::create(
          b, l, arith::CmpIPredicate::ne,
          arith::AndIOp::create(b, l, k, i64(1, l)), i64(0, l));
      Parts rp = prod(r, p), pp = prod(p, p);
      scf::YieldOp::create(
          b, l,
          ValueRange{arith::SelectOp::create(b, l, odd, rp.re, r.re),
                     arith::SelectOp::create(b, l, odd, rp.im, r.im), pp.re,
                     pp.im, arith::ShRSIOp::create(b, l, k, i64(1, l))});
    }
    Parts r{loop.getResult(0), loop.getResult(1)};
    Parts inv = quot(
        Parts{constant(ScalarKind::F64, 1, l), constant(ScalarKind::F64, 0, l)},
        r);
    return make(arith::SelectOp::create(b, l, neg, inv.re, r.re),
                arith::SelectOp::create(b, l, neg, inv.im, r.im));
  }
  default:
    break;
  }
  return lhs; // Sema refuses the other operators
}

Value FunctionGen::emitComplexAbs(Value z, Location l) {
  // Python's abs(complex) is hypot(re, im); call libm's.
  auto f64 = b.getF64Type();
  auto type = FunctionType::get(b.getContext(), {f64, f64}, {f64});
  if (!mg.module.lookupSymbol<func::FuncOp>("hypot")) {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(mg.module.getBody());
    auto decl = func::FuncOp::create(b, l, "hypot", type);
    decl.setPrivate();
  }
  return func::CallOp::create(b, l, "hypot", TypeRange{f64},
                              ValueRange{complex::ReOp::create(b, l, z),
                                         complex::ImOp::create(b, l, z)})
      .getResult(0);
}

Value FunctionGen::emitRealImag(Value x, bool real, Location l) {
  ScalarKind k = kindOf(x.getType());
  if (k == ScalarKind::C128)
    return real ? complex::ReOp::create(b, l, x).getResult()
                : complex::ImOp::create(b, l, x).getResult();
  return real ? x : constant(k, 0, l);
}

} // namespace weft
