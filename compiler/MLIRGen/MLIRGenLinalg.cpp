//===- MLIRGenLinalg.cpp - Typed AST to MLIR: matrix products -------------===//
//
// `a @ b` and dot(a, b) with NumPy's matmul rules for 1-D and 2-D operands:
// a 1-D left operand is a row, a 1-D right operand a column, and their
// axes are dropped from the result. The product loops run i-k-j so the
// innermost loop walks rows of b and c with unit stride.
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
  // Operands as 2-D views: a row for a 1-D left, a column for a 1-D right.
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
  Value a2 = at.rank() == 2
                 ? a
                 : makeView(a, at.scalarKind(), ma.offset, ValueRange{one, ka},
                            ValueRange{zero, ma.strides[0]}, l);
  Value b2 = bt.rank() == 2
                 ? bm
                 : makeView(bm, bt.scalarKind(), mb.offset, ValueRange{kb, one},
                            ValueRange{mb.strides[0], zero}, l);
  bool isFloat = k == ScalarKind::F32 || k == ScalarKind::F64;
  auto mul = [&](Value x, Value y) -> Value {
    return isFloat ? arith::MulFOp::create(b, l, x, y).getResult()
                   : arith::MulIOp::create(b, l, x, y).getResult();
  };
  auto add = [&](Value x, Value y) -> Value {
    return isFloat ? arith::AddFOp::create(b, l, x, y).getResult()
                   : arith::AddIOp::create(b, l, x, y).getResult();
  };
  auto load = [&](Value arr, Value i, Value j) {
    return convert(memref::LoadOp::create(b, l, arr, ValueRange{i, j}), k, l);
  };
  if (result.isScalar()) {
    // 1-D @ 1-D: an inner product.
    auto loop =
        scf::ForOp::create(b, l, zero, ka, one, ValueRange{constant(k, 0, l)});
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    Value iv = loop.getInductionVar();
    Value acc = loop.getRegionIterArgs()[0];
    scf::YieldOp::create(b, l,
                         add(acc, mul(load(a2, zero, iv), load(b2, iv, zero))));
    b.setInsertionPointAfter(loop);
    return loop.getResult(0);
  }
  if (onGPU()) {
    // The GPU: one thread per element of c (a 2-D grid, threads x along
    // the rows of c and b), each an inner product over k; no host BLAS,
    // so the operands stay on the device.
    note(line(aE->range), "matrix product: one GPU thread per element");
    SmallVector<Value, 2> dims{n, m};
    Value c = allocArrayN(k, dims, l);
    n = dims[0];
    m = dims[1];
    Value work = arith::MulIOp::create(
        b, l, arith::MulIOp::create(b, l, n, m).getResult(), ka);
    emitParallelNest(
        ValueRange{n, m}, l,
        [&](ValueRange ij) {
          auto loop = scf::ForOp::create(b, l, zero, ka, one,
                                         ValueRange{constant(k, 0, l)});
          {
            OpBuilder::InsertionGuard g(b);
            b.setInsertionPointToStart(loop.getBody());
            Value kk = loop.getInductionVar();
            scf::YieldOp::create(
                b, l,
                add(loop.getRegionIterArgs()[0],
                    mul(load(a2, ij[0], kk), load(b2, kk, ij[1]))));
          }
          memref::StoreOp::create(b, l, loop.getResult(0), c, ij);
        },
        work);
    ArrayMeta mc = arrayMeta(c, l);
    if (result.rank() == 2)
      return c;
    if (at.rank() == 1)
      return makeView(c, k, mc.offset, ValueRange{m}, ValueRange{one}, l);
    return makeView(c, k, mc.offset, ValueRange{n}, ValueRange{mc.strides[0]},
                    l);
  }
  note(line(aE->range),
       std::string("matrix product: ") +
           (isFloat && at.scalarKind() == k && bt.scalarKind() == k
                ? "system BLAS (dlopen) for large operands, else "
                : "") +
           "i-k-j loops with the rows in parallel");
  SmallVector<Value, 2> dims{n, m};
  Value c = allocArrayN(k, dims, l);
  n = dims[0];
  m = dims[1];
  Value z = constant(k, 0, l);
  // Large float products of one element type go to the system BLAS when
  // it is there; the loops below are the fallback.
  bool blasKinds = isFloat && at.scalarKind() == k && bt.scalarKind() == k;
  Value useLoops = constant(ScalarKind::Bool, 1, l);
  if (blasKinds) {
    Value done = weft::GemmOp::create(b, l, b.getI1Type(), a2, b2, c);
    useLoops =
        arith::XOrIOp::create(b, l, done, constant(ScalarKind::Bool, 1, l));
  }
  auto loops = scf::IfOp::create(b, l, TypeRange{}, useLoops, false);
  OpBuilder::InsertionGuard outer(b);
  b.setInsertionPointToStart(&loops.getThenRegion().front());
  emitParallelNest(ValueRange{n}, l, [&](ValueRange i) {
    emitLoopNest(ValueRange{m}, l, [&](ValueRange j) {
      memref::StoreOp::create(b, l, z, c, ValueRange{i[0], j[0]});
    });
    emitLoopNest(ValueRange{ka}, l, [&](ValueRange kk) {
      Value aik = load(a2, i[0], kk[0]);
      emitLoopNest(ValueRange{m}, l, [&](ValueRange j) {
        Value cur = memref::LoadOp::create(b, l, c, ValueRange{i[0], j[0]});
        memref::StoreOp::create(b, l, add(cur, mul(aik, load(b2, kk[0], j[0]))),
                                c, ValueRange{i[0], j[0]});
      });
    });
  });
  b.setInsertionPointAfter(loops);
  if (result.rank() == 2)
    return c;
  // Drop the axis that came from a 1-D operand.
  ArrayMeta mc = arrayMeta(c, l);
  if (at.rank() == 1)
    return makeView(c, k, mc.offset, ValueRange{m}, ValueRange{one}, l);
  return makeView(c, k, mc.offset, ValueRange{n}, ValueRange{mc.strides[0]}, l);
}

} // namespace weft
