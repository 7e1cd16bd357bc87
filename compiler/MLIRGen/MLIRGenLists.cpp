//===- MLIRGenLists.cpp - Typed AST to MLIR: growing Python lists ---------===//
//
// The calls desugarListMethods writes for lst.append(x), lst.extend(m) and
// lst.pop(): weft.list_grow (the list with room at its end, in place when
// the variable is the list's only holder) and stores for append and
// extend; the last element and a shorter view of the list for pop.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Value FunctionGen::convertList(Value list, ScalarKind k, Location l) {
  Value n = memref::DimOp::create(b, l, list, 0);
  SmallVector<Value, 1> sizes{n};
  Value out = allocArrayN(k, sizes, l);
  auto loop = scf::ForOp::create(b, l, index(0, l), n, index(1, l));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  Value i = loop.getInductionVar();
  Value x = memref::LoadOp::create(b, l, list, ValueRange{i});
  memref::StoreOp::create(b, l, convert(x, k, l), out, ValueRange{i});
  return out;
}

Val FunctionGen::emitListMethod(const CallExpr *c, Builtin builtin) {
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  Value list = emitExpr(c->args[0].get()).v();
  Value n = memref::DimOp::create(b, l, list, 0);
  Value zero = index(0, l);
  if (builtin == Builtin::ListLast || builtin == Builtin::ListDrop) {
    Value empty =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, zero);
    emitCheck(empty, "IndexError: pop from empty list", ln, l);
    // Inside a parallel loop the code goes on after the check: a zero for
    // the element, the list stays empty.
    Value last = arith::SelectOp::create(
        b, l, empty, zero, arith::SubIOp::create(b, l, n, index(1, l)));
    if (builtin == Builtin::ListDrop)
      return Val(weft::SliceOp::create(b, l, list.getType(), list,
                                       ValueRange{last},
                                       b.getDenseI64ArrayAttr({2 | 8}))
                     .getResult());
    mlir::Type elem = cast<MemRefType>(list.getType()).getElementType();
    Value x = emitValueIf(
        empty, elem, [&] { return constant(kindOf(elem), 0, l); },
        [&] {
          return memref::LoadOp::create(b, l, list, ValueRange{last})
              .getResult();
        },
        l);
    return Val(convert(x, fn.typeOf(c).scalarKind(), l));
  }
  // append and extend: the list with room for what is added. The element
  // kind may be wider than the list's (a float appended to ints).
  ScalarKind k = fn.typeOf(c).scalarKind();
  if (kindOf(cast<MemRefType>(list.getType()).getElementType()) != k)
    list = convertList(list, k, l);
  Value added = emitExpr(c->args[1].get()).v();
  Value count = builtin == Builtin::ListAppend
                    ? index(1, l)
                    : memref::DimOp::create(b, l, added, 0).getResult();
  Value grown = weft::ListGrowOp::create(b, l, list.getType(), list, count, ln);
  addTemp(grown);
  if (builtin == Builtin::ListAppend) {
    memref::StoreOp::create(b, l, convert(added, k, l), grown, ValueRange{n});
    return Val(grown);
  }
  // extend: its elements after the list's (the list itself too: they are
  // read below n and written from n).
  auto loop = scf::ForOp::create(b, l, zero, count, index(1, l));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  Value i = loop.getInductionVar();
  Value x = memref::LoadOp::create(b, l, added, ValueRange{i});
  memref::StoreOp::create(b, l, convert(x, k, l), grown,
                          ValueRange{arith::AddIOp::create(b, l, n, i)});
  return Val(grown);
}

} // namespace weft
