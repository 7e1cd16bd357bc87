//===- MLIRGenLinalg.cpp - Typed AST to MLIR: matrix products -------------===//
//
// `a @ b` and dot(a, b) with NumPy's matmul rules for 1-D and 2-D operands:
// a 1-D left operand is a row, a 1-D right operand a column, and their
// axes are dropped from the result. Products of matrices are weft.matmul,
// which weft-lower-matmul lowers.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Value FunctionGen::emitMatmul(const Expr *aE, const Expr *bE,
                              const weft::Type &result, Location l) {
  weft::Type at = fn.typeOf(aE), bt = fn.typeOf(bE);
  ScalarKind k = result.scalarKind();
  Value a = emitExpr(aE).v(), bm = emitExpr(bE).v();
  ArrayMeta ma = arrayMeta(a, l), mb = arrayMeta(bm, l);
  Value zero = index(0, l), one = index(1, l);
  Value n = at.rank() == 2 ? ma.sizes[0] : one;
  Value ka = at.rank() == 2 ? ma.sizes[1] : ma.sizes[0];
  Value kb = mb.sizes[0];
  Value m = bt.rank() == 2 ? mb.sizes[1] : one;
  Value mismatch =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, ka, kb);
  emitCheck(mismatch,
            "ValueError: matmul: the inner dimensions differ (columns of the "
            "left operand must equal rows of the right one)",
            line(aE->range), l);
  // Stay in bounds after the check (errors inside parallel loops are
  // raised when the loop ends): an empty inner dimension.
  ka = arith::SelectOp::create(b, l, mismatch, zero, ka);
  kb = arith::SelectOp::create(b, l, mismatch, zero, kb);
  // The operands as 2-D views with the checked inner size: a row for a
  // 1-D left operand, a column for a 1-D right one.
  Value a2 = at.rank() == 2
                 ? makeView(a, at.scalarKind(), ma.offset, ValueRange{n, ka},
                            ValueRange{ma.strides[0], ma.strides[1]}, l)
                 : makeView(a, at.scalarKind(), ma.offset, ValueRange{one, ka},
                            ValueRange{zero, ma.strides[0]}, l);
  Value b2 = bt.rank() == 2
                 ? makeView(bm, bt.scalarKind(), mb.offset, ValueRange{kb, m},
                            ValueRange{mb.strides[0], mb.strides[1]}, l)
                 : makeView(bm, bt.scalarKind(), mb.offset, ValueRange{kb, one},
                            ValueRange{mb.strides[0], zero}, l);
  if (result.isScalar()) {
    // 1-D @ 1-D: an inner product.
    bool isFloat = k == ScalarKind::F32 || k == ScalarKind::F64;
    auto loop =
        scf::ForOp::create(b, l, zero, ka, one, ValueRange{constant(k, 0, l)});
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    Value iv = loop.getInductionVar();
    Value x =
        convert(memref::LoadOp::create(b, l, a2, ValueRange{zero, iv}), k, l);
    Value y =
        convert(memref::LoadOp::create(b, l, b2, ValueRange{iv, zero}), k, l);
    Value acc = loop.getRegionIterArgs()[0];
    Value sum = isFloat
                    ? arith::AddFOp::create(b, l, acc,
                                            arith::MulFOp::create(b, l, x, y))
                          .getResult()
                    : arith::AddIOp::create(b, l, acc,
                                            arith::MulIOp::create(b, l, x, y))
                          .getResult();
    scf::YieldOp::create(b, l, sum);
    b.setInsertionPointAfter(loop);
    return loop.getResult(0);
  }
  bool oneFloatType = (k == ScalarKind::F32 || k == ScalarKind::F64) &&
                      at.scalarKind() == k && bt.scalarKind() == k;
  note(line(aE->range),
       onGPU() ? "matrix product: one GPU thread per element"
               : std::string("matrix product: ") +
                     (oneFloatType
                          ? "system BLAS (dlopen) for large operands, else "
                          : "") +
                     "i-k-j loops with the rows in parallel");
  SmallVector<Value, 2> dims{n, m};
  Value c = allocArrayN(k, dims, l);
  n = dims[0];
  m = dims[1];
  // weft-lower-matmul chooses BLAS, loops or the GPU.
  weft::MatmulOp::create(b, l, a2, b2, c);
  if (result.rank() == 2)
    return c;
  // Drop the axis that came from a 1-D operand.
  ArrayMeta mc = arrayMeta(c, l);
  if (at.rank() == 1)
    return makeView(c, k, mc.offset, ValueRange{m}, ValueRange{one}, l);
  return makeView(c, k, mc.offset, ValueRange{n}, ValueRange{mc.strides[0]}, l);
}

} // namespace weft
