//===- MLIRGenComplex.cpp - Typed AST to MLIR: complex numbers ------------===//
//
// Complex scalars are complex<f64> (complex128) or complex<f32>
// (complex64) values; their operators become the
// complex dialect's ops, which weft-lower-complex writes out with
// CPython's formulas. Only Python's ZeroDivisionError is checked here.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Value FunctionGen::emitComplexBinary(BinaryOp op, Value lhs, Value rhs,
                                     bool pythonErrors, Location l,
                                     int64_t ln) {
  switch (op) {
  case BinaryOp::Add:
    return complex::AddOp::create(b, l, lhs, rhs);
  case BinaryOp::Sub:
    return complex::SubOp::create(b, l, lhs, rhs);
  case BinaryOp::Mul:
    return complex::MulOp::create(b, l, lhs, rhs);
  case BinaryOp::Div:
    if (pythonErrors && !noRuntimeChecks()) {
      ScalarKind part = complexPartKind(kindOf(lhs.getType()));
      Value zero = complex::CreateOp::create(
          b, l, lhs.getType(), constant(part, 0, l), constant(part, 0, l));
      emitCheck(complex::EqualOp::create(b, l, rhs, zero),
                "ZeroDivisionError: complex division by zero", ln, l);
    }
    return complex::DivOp::create(b, l, lhs, rhs);
  default:
    // Sema refuses the other operators; emitBinaryScalar takes `**`,
    // whose exponent's type picks powi or pow.
    return lhs;
  }
}

Value FunctionGen::emitRealImag(Value x, bool real, Location l) {
  ScalarKind k = kindOf(x.getType());
  if (isComplexKind(k))
    return real ? complex::ReOp::create(b, l, x).getResult()
                : complex::ImOp::create(b, l, x).getResult();
  return real ? x : constant(k, 0, l);
}

} // namespace weft
