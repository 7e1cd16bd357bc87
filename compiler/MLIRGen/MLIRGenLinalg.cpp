//===- MLIRGenLinalg.cpp - Typed AST to MLIR: matrix products -------------===//
//
// `a @ b` and dot(a, b) with NumPy's matmul rules for 1-D and 2-D operands:
// the result array (without the axes of 1-D operands) and one weft.matmul,
// which weft-lower-matmul checks and lowers; the product of two vectors
// is a weft.reduce sum of the products.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Value FunctionGen::emitMatmul(const Expr *aE, const Expr *bE,
                              const weft::Type &result, Location l) {
  weft::Type at = fn.typeOf(aE), bt = fn.typeOf(bE);
  // Narrow integers (u8, ...) multiply and add in i64, and the result is
  // wrapped to their promoted kind, as NumPy's.
  ScalarKind wrapTo = promote(at.scalarKind(), bt.scalarKind());
  ScalarKind k = computeKind(result.scalarKind());
  Value a = emitExpr(aE).v(), bm = emitExpr(bE).v();
  int64_t ln = line(aE->range);
  auto size = [&](Value x, unsigned d) -> Value {
    return memref::DimOp::create(b, l, x, d);
  };
  if (result.isScalar()) {
    // 1-D @ 1-D: the sum of the products, as sum(a * b).
    Value n = size(a, 0);
    Value mismatch =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n, size(bm, 0));
    emitCheck(mismatch, kMatmulInnerSizesDiffer, ln, l);
    // After the check (inside a parallel loop): no elements.
    n = arith::SelectOp::create(b, l, mismatch, index(0, l), n);
    if (isComplexKind(k)) {
      // The real and the imaginary parts of the products, each summed.
      Value parts[2];
      for (int p = 0; p < 2; ++p) {
        auto op = weft::ReduceOp::create(
            b, l, TypeRange{toMLIR(weft::Type::scalar(complexPartKind(k)))},
            weft::ReductionKind::sum, IntegerAttr(), ValueRange{a, bm},
            ValueRange{n}, Value(), !fn.options.parallel);
        OpBuilder::InsertionGuard g(b);
        mlir::Block *body = b.createBlock(
            &op.getBody(), {}, {toMLIR(result), toMLIR(result)}, {l, l});
        // x * y, expanded by weft-lower-complex (CPython's product).
        Value xy = complex::MulOp::create(b, l, body->getArgument(0),
                                          body->getArgument(1));
        Value part = emitRealImag(xy, p == 0, l);
        weft::YieldOp::create(b, l, part);
        parts[p] = op->getResult(0);
      }
      return complex::CreateOp::create(b, l, toMLIR(result), parts[0],
                                       parts[1]);
    }
    auto op = weft::ReduceOp::create(b, l, TypeRange{toMLIR(result)},
                                     weft::ReductionKind::sum, IntegerAttr(),
                                     ValueRange{a, bm}, ValueRange{n}, Value(),
                                     !fn.options.parallel);
    OpBuilder::InsertionGuard g(b);
    mlir::Block *body =
        b.createBlock(&op.getBody(), {},
                      {toMLIR(weft::Type::scalar(at.scalarKind())),
                       toMLIR(weft::Type::scalar(bt.scalarKind()))},
                      {l, l});
    Value x = convert(body->getArgument(0), k, l);
    Value y = convert(body->getArgument(1), k, l);
    bool isFloat = k == ScalarKind::F32 || k == ScalarKind::F64;
    weft::YieldOp::create(b, l,
                          isFloat
                              ? arith::MulFOp::create(b, l, x, y).getResult()
                              : arith::MulIOp::create(b, l, x, y).getResult());
    b.setInsertionPointAfter(op);
    if (!isStorageKind(wrapTo))
      return op.getResult();
    return convert(convert(op.getResult(), wrapTo, l), k, l);
  }
  SmallVector<Value, 2> dims;
  if (at.rank() == 2)
    dims.push_back(size(a, 0));
  if (bt.rank() == 2)
    dims.push_back(size(bm, 1));
  Value c = allocArrayN(k, dims, l);
  // weft-lower-matmul checks the inner sizes and chooses BLAS, loops or
  // the GPU (and says which in the loop report).
  weft::MatmulOp::create(b, l, a, bm, c, b.getI64IntegerAttr(ln));
  if (!isStorageKind(result.scalarKind()))
    return c;
  ScalarKind narrow = result.scalarKind();
  Value wrapped = allocArrayN(narrow, dims, l);
  emitMapOp({c}, wrapped, l,
            [&](ValueRange xs, Value) { return convert(xs[0], narrow, l); });
  return wrapped;
}

} // namespace weft
